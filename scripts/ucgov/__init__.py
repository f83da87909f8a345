"""ucgov: the Databricks workspace controls that SQL cannot reach, as code (databricks-sdk)."""

__version__ = "0.1.0"
