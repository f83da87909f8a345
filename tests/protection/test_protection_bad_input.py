"""Malformed protection seeds, as an attacker or a hurried engineer would write them: each is an
error naming the file, the row, the column and the value, and nothing is built or replaced."""

from __future__ import annotations

from pathlib import Path

from tests.support.project import append_seed_lines

CLASSIFICATIONS = "seeds/policy/column_classifications.csv"
CLEARANCES = "seeds/policy/clearances.csv"
ROW_ACCESS = "seeds/policy/row_access.csv"
PROTECTED = "seeds/policy/protected_tables.csv"
MEMBERS = "seeds/policy/demo_group_members.csv"


def _view_sql(project) -> dict[str, str]:
    return dict(
        project.query(
            "select view_name, sql from duckdb_views() where schema_name = 'analytics' "
            "and view_name in ('customers_masked_v', 'regional_sales_v')"
        )
    )


def test_every_cross_seed_protection_problem_is_named_and_nothing_is_built(project):
    root: Path = project.root
    append_seed_lines(
        root,
        "column_classifications",
        "production.sensitive_data.customers,notes,secret-ish,,string,unknown classification",
        "production.sensitive_data.customers,tax_id,sensitive,rot13,string,unknown rule",
        "production.sensitive_data.customers,birth_date,pii,partial_email,date,rule on a date",
        "production.sensitive_data.customers,nickname,public,redact,string,mask on public",
        "production.nowhere.people,email,pii,partial_email,string,undeclared table",
    )
    append_seed_lines(
        root,
        "clearances",
        "pii-authorised,pii,,,typo in the group",
        "compliance-team,top-secret,,,unknown classification",
        "data-analysts,public,,,public is not protected",
        "data-analysts,pii,production.analytics.sales,,no pii column there",
        "data-analysts,pii,,email,column without a table",
    )
    append_seed_lines(
        root,
        "row_access",
        "production.analytics.sales,region,latam-team,LATAM,false,undeclared group",
        "production.analytics.sales,region,apac-team,,false,no value and not every row",
        "production.analytics.sales,region,europe-team,EU2,true,value and every row",
        "production.analytics.orders,region,europe-team,EU,false,unprotected table",
    )
    append_seed_lines(
        root,
        "protected_tables",
        "production.analytics.sales_summary,view,,x",
    )
    append_seed_lines(root, "demo_group_members", "mallory@example.com,root-group,x")
    run = project.dbt("build")
    assert not run.success
    expected = [
        f"{CLASSIFICATIONS} row [production.sensitive_data.customers.notes] column classification,"
        " value 'secret-ish': unknown classification",
        f"{CLASSIFICATIONS} row [production.sensitive_data.customers.tax_id] column mask_rule,"
        " value 'rot13': unknown mask rule",
        f"{CLASSIFICATIONS} row [production.sensitive_data.customers.birth_date] column"
        " mask_rule, value 'partial_email': cannot mask a column of type date",
        f"{CLASSIFICATIONS} row [production.sensitive_data.customers.nickname] column mask_rule,"
        " value 'redact': the column is classified public",
        f"{CLASSIFICATIONS} row [production.nowhere.people.email] column table_name,"
        " value 'production.nowhere.people': no TABLE of that name",
        f"{CLEARANCES} row [pii-authorised | pii | * | *] column group_name,"
        " value 'pii-authorised': is not a group declared",
        f"{CLEARANCES} row [compliance-team | top-secret | * | *] column classification,"
        " value 'top-secret': unknown classification",
        f"{CLEARANCES} row [data-analysts | public | * | *] column classification,"
        " value 'public': is not a protected classification",
        f"{CLEARANCES} row [data-analysts | pii | production.analytics.sales | *] column"
        " table_name",
        f"{CLEARANCES} row [data-analysts | pii | * | email] column column_name",
        f"{ROW_ACCESS} row [production.analytics.sales | latam-team | LATAM] column group_name,"
        " value 'latam-team'",
        f"{ROW_ACCESS} row [production.analytics.sales | apac-team | ] column allowed_value,"
        " value '': needs an allowed_value, or all_rows = true",
        f"{ROW_ACCESS} row [production.analytics.sales | europe-team | EU2] column"
        " allowed_value, value 'EU2': an every-row rule (all_rows = true) takes no allowed_value",
        f"{ROW_ACCESS} row [production.analytics.orders | europe-team | EU] column table_name,"
        " value 'production.analytics.orders': is not listed in " + PROTECTED,
        f"{PROTECTED} row [production.analytics.sales_summary] column view_name,"
        " value '': enforcement view needs the name of its dynamic view",
        f"{MEMBERS} row [mallory@example.com | root-group] column group_name, value 'root-group'",
    ]
    for fragment in expected:
        assert fragment in run.text, f"{fragment!r} missing from:\n{run.text}"
    assert "nothing was applied" in run.text
    assert run.node_status("policy_violations") == "error"
    for node in ("customers_masked_v", "regional_sales_v", "governance_plan"):
        assert run.node_status(node) == "skipped", node
    assert _view_sql(project) == {}


def test_row_level_problems_stop_the_protection_seeds_before_they_load(project):
    append_seed_lines(
        project.root,
        "column_classifications",
        "production.sensitive_data.customers,fax,pii,redact,string); drop table x; --,hostile",
    )
    append_seed_lines(project.root, "clearances", "admins,pii,,,workspace-local group")
    append_seed_lines(
        project.root, "row_access", "production.analytics.sales,region,apac-team,AP\tAC,false,tab"
    )
    append_seed_lines(project.root, "demo_group_members", "not-an-email@,data-analysts,x")
    append_seed_lines(
        project.root, "protected_tables", "production.analytics.sales_summary,natve,,typo"
    )
    run = project.dbt("build")
    assert not run.success
    for fragment in [
        f"{PROTECTED} line 4, column enforcement, value 'natve':"
        " is not an enforcement mode (view or native)",
        f"{CLASSIFICATIONS} line 9, column data_type, value 'string); drop table x; --':"
        " is not a column type",
        f"{CLEARANCES} line 4, column group_name, value 'admins': is a workspace-local group",
        f"{ROW_ACCESS} line 7, column allowed_value, value 'AP\\tAC': contains a control character",
        f"{MEMBERS} line 12, column user_name, value 'not-an-email@':"
        " is not a well-formed user email",
    ]:
        assert fragment in run.text, f"{fragment!r} missing from:\n{run.text}"
    for seed in (
        "column_classifications",
        "clearances",
        "row_access",
        "demo_group_members",
        "protected_tables",
    ):
        assert not project.relation_exists(seed), seed
    assert _view_sql(project) == {}


def test_a_bad_seed_after_a_good_build_replaces_no_view(project):
    assert project.dbt("build").success
    before = _view_sql(project)
    assert set(before) == {"customers_masked_v", "regional_sales_v"}
    # a clearance for an undeclared group would un-mask email for whoever creates that group
    append_seed_lines(project.root, "clearances", "everyone-temp,pii,,,oops")
    run = project.dbt("build")
    assert not run.success
    assert "value 'everyone-temp': is not a group declared" in run.text
    assert _view_sql(project) == before


def test_a_model_reading_a_protected_base_table_directly_is_refused(project):
    leak = project.root / "models" / "marts" / "protection" / "customers_export.sql"
    leak.write_text("select * from {{ ref('demo_customers') }}\n")
    run = project.dbt("build")
    assert not run.success
    assert (
        "models/marts/protection/customers_export.sql row [customers_export] column model,"
        " value 'production.sensitive_data.customers': reads protected table"
        " production.sensitive_data.customers directly; read it through"
        " production.analytics.customers_masked_v instead"
    ) in run.text


def test_select_on_a_protected_schema_for_a_group_not_cleared_is_refused(project):
    append_seed_lines(
        project.root,
        "grants",
        "SCHEMA,production.sensitive_data,data-analysts,USE SCHEMA,false,x",
        "SCHEMA,production.sensitive_data,data-analysts,SELECT,false,reads the base table",
        "CATALOG,production,europe-team,SELECT,false,reads every table",
    )
    run = project.dbt("build")
    assert not run.success
    for fragment in [
        "row [SCHEMA | production.sensitive_data | data-analysts | SELECT] column principal,"
        " value 'data-analysts': can SELECT protected table production.sensitive_data.customers"
        " but is not cleared for column(s) email, phone, ssn",
        "row [CATALOG | production | europe-team | SELECT] column principal,"
        " value 'europe-team': can SELECT protected table production.sensitive_data.customers",
        "row [erik.eu@example.com | europe-team] column user_name, value 'erik.eu@example.com':"
        " reads every row of production.analytics.sales through group europe-team",
        "row [tess.two-regions@example.com | europe-team] column user_name",
    ]:
        assert fragment in run.text, f"{fragment!r} missing from:\n{run.text}"


def test_a_classified_table_without_protection_is_refused(project):
    append_seed_lines(
        project.root,
        "column_classifications",
        "production.analytics.sales_summary,customer_email,pii,partial_email,string,x",
    )
    run = project.dbt("build")
    assert not run.success
    assert (
        f"{CLASSIFICATIONS} row [production.analytics.sales_summary] column table_name, value"
        " 'production.analytics.sales_summary': has protected columns or row rules but is not"
        " listed in " + PROTECTED
    ) in run.text
