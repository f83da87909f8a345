"""Relation DDL/DML, tags, functions, row filters and masks through the fake warehouse."""

from __future__ import annotations

import pytest

from tests.harness import CannotAnswerError, DatabricksSqlError, Warehouse, Workspace


def test_table_lifecycle_keeps_grants_on_replace_and_drops_them_on_drop(ws: Workspace) -> None:
    wh = Warehouse(ws)
    wh.execute("CREATE OR REPLACE TABLE sales.raw.t USING delta AS SELECT 1 AS id, 'a' AS v")
    wh.execute("GRANT SELECT ON TABLE sales.raw.t TO `analysts`")
    wh.execute("CREATE OR REPLACE TABLE sales.raw.t USING delta AS SELECT 2 AS id, 'b' AS v")
    assert [g.principal for g in ws.grants_of("analysts")] == ["analysts"]
    assert ws.query("SELECT id, v FROM sales.raw.t") == [{"id": 2, "v": "b"}]
    wh.execute("INSERT INTO sales.raw.t VALUES (3, 'c')")
    wh.execute("INSERT OVERWRITE sales.raw.t SELECT id + 10, v FROM sales.raw.t")
    assert ws.query("SELECT id FROM sales.raw.t ORDER BY id") == [{"id": 12}, {"id": 13}]
    wh.execute("ALTER TABLE sales.raw.t RENAME TO sales.raw.t2")
    assert [g.securable_name for g in ws.grants] == ["sales.raw.t2"]
    wh.execute("DROP TABLE IF EXISTS sales.raw.t2")
    assert ws.find("TABLE", "sales.raw.t2") is None and ws.grants == []
    with pytest.raises(DatabricksSqlError, match=r"\[TABLE_OR_VIEW_NOT_FOUND\]"):
        wh.execute("SELECT * FROM sales.raw.t2")
    assert [s.kind for s in wh.log.statements][:3] == ["dbt_object", "grant", "dbt_object"]


def test_views_temp_views_comments_and_columns(ws: Workspace) -> None:
    wh = Warehouse(ws)
    wh.execute(
        "CREATE VIEW sales.raw.v (id COMMENT 'key') COMMENT 'v' AS SELECT id FROM sales.raw.orders"
    )
    view = ws.get("VIEW", "sales.raw.v")
    assert (view.comment, view.columns[0].comment) == ("v", "key")
    with pytest.raises(DatabricksSqlError, match=r"\[WRONG_COMMAND_FOR_OBJECT_TYPE\]"):
        wh.execute("DROP TABLE sales.raw.v")
    wh.execute("CREATE TEMPORARY VIEW tmp AS SELECT 1 AS x")
    assert wh.execute("SELECT x FROM tmp").rows == [(1,)]
    wh.execute("COMMENT ON TABLE sales.raw.orders IS 'orders'")
    wh.execute("ALTER TABLE sales.raw.orders ADD COLUMNS (note string COMMENT 'n')")
    wh.execute("ALTER TABLE sales.raw.orders SET TBLPROPERTIES ('delta.appendOnly' = 'false')")
    orders = ws.get("TABLE", "sales.raw.orders")
    assert orders.comment == "orders"
    assert [(c.name, c.data_type) for c in orders.columns][-1] == ("note", "string")
    assert orders.properties == {"delta.appendOnly": "false"}
    described = wh.execute("DESCRIBE TABLE EXTENDED sales.raw.orders")
    assert ("Owner", "dbt-runner@example.com", "") in described.rows
    wh.execute("DROP VIEW sales.raw.v")
    assert ws.find("VIEW", "sales.raw.v") is None


def test_merge_into_table(ws: Workspace) -> None:
    wh = Warehouse(ws)
    wh.execute("INSERT INTO sales.raw.orders VALUES (1, 1.50), (2, 2.00)")
    wh.execute(
        "MERGE INTO sales.raw.orders AS d USING (SELECT 2 AS id, 9.99 AS amount) AS s "
        "ON d.id = s.id WHEN MATCHED THEN UPDATE SET amount = s.amount "
        "WHEN NOT MATCHED THEN INSERT *"
    )
    rows = ws.query("SELECT id, CAST(amount AS STRING) AS a FROM sales.raw.orders ORDER BY id")
    assert rows == [{"id": 1, "a": "1.50"}, {"id": 2, "a": "9.99"}]


def test_tags_are_recorded_and_visible(ws: Workspace) -> None:
    wh = Warehouse(ws)
    wh.execute("ALTER TABLE sales.raw.orders SET TAGS ('domain' = 'sales')")
    wh.execute("ALTER TABLE sales.raw.orders ALTER COLUMN amount SET TAGS ('class' = 'pii')")
    wh.execute("ALTER SCHEMA sales.raw SET TAGS ('tier' = 'gold')")
    assert [s.kind for s in wh.log.statements] == ["tag", "tag", "tag"]
    assert ws.query("SELECT tag_name, tag_value FROM sales.information_schema.table_tags") == [
        {"tag_name": "domain", "tag_value": "sales"}
    ]
    assert ws.query("SELECT column_name, tag_value FROM system.information_schema.column_tags") == [
        {"column_name": "amount", "tag_value": "pii"}
    ]
    wh.execute("ALTER TABLE sales.raw.orders UNSET TAGS ('domain')")
    assert ws.get("TABLE", "sales.raw.orders").tags == {}


def test_functions_row_filters_and_masks_are_state_only(ws: Workspace) -> None:
    wh = Warehouse(ws)
    wh.execute("CREATE SCHEMA sales.gov")
    wh.execute(
        "CREATE OR REPLACE FUNCTION sales.gov.only_us(region STRING) RETURNS BOOLEAN "
        "RETURN is_account_group_member('admins-eu') OR region = 'US'"
    )
    wh.execute("GRANT EXECUTE ON FUNCTION sales.gov.only_us TO `analysts`")
    wh.execute("ALTER TABLE sales.raw.orders SET ROW FILTER sales.gov.only_us ON (id)")
    wh.execute("ALTER TABLE sales.raw.orders ALTER COLUMN amount SET MASK sales.gov.only_us")
    assert [(s.kind, s.op) for s in wh.log.statements[-2:]] == [
        ("policy", "SET ROW FILTER"),
        ("policy", "SET MASK"),
    ]
    assert ws.query(
        "SELECT filter_name, target_columns FROM sales.information_schema.row_filters"
    ) == [{"filter_name": "sales.gov.only_us", "target_columns": "id"}]
    assert ws.query("SELECT routine_name FROM sales.information_schema.routines") == [
        {"routine_name": "only_us"}
    ]
    with pytest.raises(CannotAnswerError, match="does not enforce"):
        wh.execute("SELECT * FROM sales.raw.orders")
    # defining a view over the masked table binds the query and reads no row; reading through
    # the view is refused like reading the table
    wh.execute("CREATE VIEW sales.raw.orders_v AS SELECT id, amount FROM sales.raw.orders")
    with pytest.raises(CannotAnswerError, match="does not enforce"):
        wh.execute("SELECT * FROM sales.raw.orders_v")
    wh.execute("DROP VIEW sales.raw.orders_v")
    wh.execute("ALTER TABLE sales.raw.orders DROP ROW FILTER")
    wh.execute("ALTER TABLE sales.raw.orders ALTER COLUMN amount DROP MASK")
    assert wh.execute("SELECT count(*) FROM sales.raw.orders").rows == [(0,)]
    with pytest.raises(DatabricksSqlError, match=r"\[ROUTINE_NOT_FOUND\]"):
        wh.execute("ALTER TABLE sales.raw.orders SET ROW FILTER sales.gov.nope ON (id)")


def test_a_view_outside_the_working_catalog_is_a_governance_statement(ws: Workspace) -> None:
    """The dynamic views the uc_governance plan creates (docs/decisions/0051) are governance
    statements; dbt's own views in its working catalog and temporary views are not."""
    wh = Warehouse(ws)
    wh.execute("CREATE OR REPLACE VIEW sales.raw.v COMMENT 'c' AS SELECT 1 AS id")
    wh.execute("CREATE OR REPLACE VIEW main.default.v AS SELECT 1 AS id")
    wh.execute("CREATE OR REPLACE TEMPORARY VIEW t AS SELECT 1 AS id")
    assert [(s.kind, s.op) for s in wh.log.statements] == [
        ("create_securable", "CREATE VIEW"),
        ("dbt_object", "CREATE VIEW"),
        ("dbt_object", "CREATE TEMPORARY VIEW"),
    ]
    assert ws.get("VIEW", "sales.raw.v").comment == "c"


def test_replacing_a_table_keeps_its_row_filter_and_masks_on_kept_columns(ws: Workspace) -> None:
    wh = Warehouse(ws)
    wh.execute("CREATE SCHEMA sales.gov")
    wh.execute("CREATE FUNCTION sales.gov.nobody(v STRING) RETURNS BOOLEAN RETURN false")
    wh.execute("CREATE FUNCTION sales.gov.blank(v STRING) RETURNS STRING RETURN 'x'")
    wh.execute("CREATE TABLE sales.raw.plan (k STRING, note STRING)")
    wh.execute("ALTER TABLE sales.raw.plan SET ROW FILTER sales.gov.nobody ON (k)")
    wh.execute("ALTER TABLE sales.raw.plan ALTER COLUMN note SET MASK sales.gov.blank")
    # Databricks: "If you run REPLACE TABLE, any existing row filters are retained, regardless of
    # schema changes ... column masks are also retained" for columns of the same name
    wh.execute("CREATE OR REPLACE TABLE sales.raw.plan AS SELECT 'a' AS k, 'b' AS note")
    table = ws.get("TABLE", "sales.raw.plan")
    assert table.row_filter is not None and table.row_filter[0] == "sales.gov.nobody"
    assert set(table.column_masks) == {"note"}
    with pytest.raises(CannotAnswerError, match="does not enforce"):
        wh.execute("SELECT * FROM sales.raw.plan")
