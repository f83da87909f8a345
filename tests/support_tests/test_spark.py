"""The local Spark session the data-computing SQL is executed on starts and answers SQL."""

from __future__ import annotations

from tests.support.spark import get_spark


def test_spark_executes_databricks_sql_functions() -> None:
    spark = get_spark()
    row = spark.sql(
        "select split('ab@example.com', '@')[1] as domain, "
        "date_trunc('YEAR', timestamp'2024-05-06 07:08:09') as year_start"
    ).collect()[0]
    # Spark arrays are 0-based: index 1 is the part after the '@'
    assert row["domain"] == "example.com"
    assert row["year_start"].year == 2024 and row["year_start"].month == 1
