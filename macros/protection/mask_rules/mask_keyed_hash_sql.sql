{#- Mask rule keyed_hash: SHA-256 (hex) of the secret key, '|' and the value. Equal values give
    equal hashes (joinable across tables and engines); without the key a hash cannot be matched
    against guessed values. The key is read by the engine (mask_hash_key_sql), never written in
    the repository. NULL stays NULL. -#}
{% macro mask_keyed_hash_sql(expression) %}
    {{- "case when " ~ expression ~ " is null then null else "
        ~ uc_governance.sha256_hex_sql(uc_governance.mask_hash_key_sql() ~ " || '|' || " ~ expression)
        ~ " end" -}}
{% endmacro %}
