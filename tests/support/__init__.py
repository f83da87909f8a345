"""Shared test support: copies of the dbt project and in-process dbt runs."""
