{#- Generic test: `principal` does not hold `privilege` on a securable, neither directly nor
    inherited (nor through ALL PRIVILEGES). Same arguments as principal_has_privilege. Fails with
    the offending privilege rows; errors (cannot verify) when the runner sees only part of the
    grants there and none that offends. -#}
{% test principal_lacks_privilege(model, principal, privilege, securable_type=none, securable_name=none) %}
    {{ config(tags=['live_grants'], enabled=uc_governance.can_enforce_grants()) }}
    {{ uc_governance._privilege_check_sql(model, principal, privilege, securable_type, securable_name, expect_present=false) }}
{% endtest %}
