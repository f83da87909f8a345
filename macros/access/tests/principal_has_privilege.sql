{#- Generic test: `principal` holds `privilege` on a securable, directly or inherited from a
    parent (ALL PRIVILEGES counts). The securable is the tested model's relation unless
    `securable_type` and `securable_name` name another one (any catalog-tree or metastore-level
    type; METASTORE needs no name). Reads Unity Catalog live; disabled on targets without it
    (local). Fails with one row when the privilege is missing; errors (cannot verify) when the
    runner sees only part of the grants there and not this one (docs/decisions/0043). -#}
{% test principal_has_privilege(model, principal, privilege, securable_type=none, securable_name=none) %}
    {{ config(tags=['live_grants'], enabled=uc_governance.can_enforce_grants()) }}
    {{ uc_governance._privilege_check_sql(model, principal, privilege, securable_type, securable_name, expect_present=true) }}
{% endtest %}
