{#- Declared securables with their live state as read at build time: whether each exists now
    and who owns it. Logic: macro access_securable_state_sql (the drift test runs it on a fresh
    read). -#}
{{ uc_governance.access_securable_state_sql(
    ref('int_access__declared_securables'), ref('stg_uc__securables')) }}
