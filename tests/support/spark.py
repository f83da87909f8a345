"""A local Apache Spark SQL session for executing the project's Databricks-dialect SQL.

Grammar checks prove that a statement parses; this proves what it computes. One session per
test process (Spark's JVM start costs seconds), local mode on one core, UTC, ANSI mode on as on
Databricks SQL warehouses. Needs Java 17 (present on the project's machines).
"""

from __future__ import annotations

import functools
import os
import sys

from pyspark.sql import SparkSession


@functools.cache
def get_spark() -> SparkSession:
    """The process-wide local SparkSession (created on first use, never network-bound)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return (
        SparkSession.builder.master("local[1]")
        .appName("uc_governance-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "true")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
