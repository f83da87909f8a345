"""The `ucgov` command line: one entry point, one sub-command group per area."""

from __future__ import annotations

import click

from ucgov import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ucgov")
def main() -> None:
    """UC Governance toolkit: Databricks workspace security settings that SQL cannot manage.

    Connection settings come from the databricks-sdk's usual configuration (DATABRICKS_HOST and
    friends, or a profile in ~/.databrickscfg); no secret is ever taken on the command line.
    """
