{#- The audit actions the detections look at, by kind (names from Databricks' audit-log reference
    and the guide §6-§8), and the services whose actions the project knows: an action of one of
    these services that no kind lists is reported as `unknown_action` in audit_quarantine_events.
    Extend a list here when Databricks adds an action. -#}
{% macro audit_action_catalog() %}
    {{- return({
        'login': ['login', 'tokenLogin', 'samlLogin', 'oidcBrowserLogin', 'aadBrowserLogin', 'aadTokenLogin', 'mfaLogin', 'passwordVerifyAuthentication'],
        'table_access': ['getTable', 'executeStatement', 'createTable', 'deleteTable', 'generateTemporaryTableCredential'],
        'table_read': ['getTable', 'executeStatement', 'generateTemporaryTableCredential'],
        'permission_change': ['updatePermissions', 'grantPermission', 'setPermissions', 'changePermissions'],
        'escalation': ['addPrincipalToGroup', 'grantPermission', 'setPermissions', 'createServicePrincipal', 'updatePermissions', 'setAdmin'],
        'group_change': ['addPrincipalToGroup', 'removePrincipalFromGroup', 'setAdmin'],
        'export': ['downloadPreviewResults', 'downloadLargeResults', 'downloadQueryResult', 'downloadResults', 'workspaceExport', 'exportTable', 'writeFile', 'filesGet'],
        'token': ['generateDbToken', 'revokeDbToken'],
        'other': ['logout', 'createGroup', 'removeGroup', 'add', 'delete', 'update', 'getCatalog', 'getSchema', 'listCatalogs', 'listSchemas', 'listTables', 'getMetastore', 'getMetastoreSummary', 'getPermissions', 'getEffectivePermissions', 'updateTables', 'createSchema', 'deleteSchema', 'createCatalog', 'deleteCatalog', 'openNotebook', 'runCommand', 'attachNotebook', 'createNotebook'],
        'services': ['accounts', 'unityCatalog', 'notebook', 'permissions'],
    }) -}}
{% endmacro %}
