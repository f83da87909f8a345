{#- The one place where the project's settings and their defaults live. Every macro and model
    reads settings through this macro; users override them with vars named
    `uc_governance_<setting>` in dbt_project.yml or with --vars. A value of the wrong type stops
    the run with an error naming the var and the value.
    - apply (bool, true): send the plan on targets that can enforce grants.
    - max_revokes (int >= 0, 10): most privileges one run may revoke without allow_mass_revoke.
    - allow_mass_revoke (bool, false): apply a plan that revokes more than max_revokes.
    - protected_principals (list of names, []): never revoked from; the principal running dbt is
      always protected.
    - local_user (string): the principal that target local (DuckDB) pretends to run as.
    - metastore_root_storage (bool, false): whether the metastore has root storage. Without it
      (every workspace enabled for Unity Catalog automatically) CREATE CATALOG fails unless it
      names a MANAGED LOCATION, so every declared catalog needs a managed_location. -#}
{% macro uc_governance_config() %}
    {%- set defaults = {
        'apply': true,
        'max_revokes': 10,
        'allow_mass_revoke': false,
        'protected_principals': [],
        'local_user': 'local-user@example.com',
        'metastore_root_storage': false,
    } -%}
    {%- set resolved = {} -%}
    {%- for key, default in defaults.items() -%}
        {%- set name = 'uc_governance_' ~ key -%}
        {%- set value = var(name, default) -%}
        {%- set problem = none -%}
        {%- if key in ('apply', 'allow_mass_revoke', 'metastore_root_storage') and value is not sameas true and value is not sameas false -%}
            {%- set problem = 'must be true or false' -%}
        {%- elif key == 'max_revokes' and (value is not number or value is sameas true or value is sameas false or value < 0 or value != value | int) -%}
            {%- set problem = 'must be a whole number of privileges, 0 or more' -%}
        {%- elif key == 'protected_principals' -%}
            {%- set value = [value] if value is string else value -%}
            {%- if value is not iterable or value is mapping -%}
                {%- set problem = 'must be a list of principal names' -%}
            {%- else -%}
                {%- set bad_items = [] -%}
                {%- for item in value if item is not string or item | trim == '' -%}
                    {%- do bad_items.append(item) -%}
                {%- endfor -%}
                {%- if bad_items -%}
                    {%- set problem = 'must be a list of non-empty principal names' -%}
                {%- endif -%}
            {%- endif -%}
        {%- elif key == 'local_user' and (value is not string or value | trim == '') -%}
            {%- set problem = 'must be a principal name' -%}
        {%- endif -%}
        {%- if problem -%}
            {{ exceptions.raise_compiler_error(
                'uc_governance: var ' ~ name ~ ' ' ~ problem ~ "; got '" ~ value ~ "'. Nothing was applied.") }}
        {%- endif -%}
        {%- do resolved.update({key: value}) -%}
    {%- endfor -%}
    {{ return(resolved) }}
{% endmacro %}
