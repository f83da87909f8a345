"""The `ucgov` command line: one entry point, one sub-command group per area."""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from databricks.sdk.errors import DatabricksError

from ucgov import __version__
from ucgov.audit import dashboard as audit_dashboard_module
from ucgov.audit import samples as audit_samples_module
from ucgov.errors import EXIT_CLEAN, EXIT_DRIFT, EXIT_ERROR, REDACT, UcgovError
from ucgov.preflight import seeds as preflight_seeds

OPTIONS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}


def _fail(message: str) -> None:
    click.echo(f"error: {REDACT(message)}", err=True)
    sys.exit(EXIT_ERROR)


def guarded(fn: Callable[..., int]) -> Callable[..., None]:
    """Run a command; its return value is the exit code, a UcgovError exits 2 with one line."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            code = fn(*args, **kwargs)
        except UcgovError as error:
            _fail(str(error))
        except DatabricksError as error:
            from ucgov.connect import explain

            _fail(explain(error))
        sys.exit(code)

    return wrapper


def standalone(command: click.Command, argv: list[str] | None, prog_name: str) -> int:
    """Run one command as a program of its own (`python -m ...`) and return its exit code."""
    try:
        command.main(args=argv, prog_name=prog_name)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else EXIT_ERROR if done.code else EXIT_CLEAN
    return EXIT_CLEAN


@click.group(context_settings=OPTIONS)
@click.version_option(__version__, prog_name="ucgov")
@click.option("--profile", help="Workspace profile in ~/.databrickscfg (default: env vars).")
@click.option("--account-profile", help="Account profile in ~/.databrickscfg, for account APIs.")
@click.pass_context
def main(ctx: click.Context, profile: str | None, account_profile: str | None) -> None:
    """UC Governance toolkit: Databricks workspace security settings that SQL cannot manage.

    Connection settings come from the databricks-sdk's usual configuration (DATABRICKS_HOST and
    friends, or a profile in ~/.databrickscfg); no secret is ever taken on the command line.

    Exit codes: 0 clean, 1 drift or findings, 2 bad input or error.
    """
    ctx.obj = {"profile": profile, "account_profile": account_profile}


def _progress(enabled: bool = True) -> Callable[[str], None]:
    from ucgov.render import console

    err = console(stderr=True)

    def report(message: str) -> None:
        if enabled:
            err.print(f"[dim]… {REDACT(message)}[/dim]")

    return report


# -- settings -------------------------------------------------------------------------------
@main.group(context_settings=OPTIONS)
def settings() -> None:
    """Workspace settings as code: validate the file, plan the changes, apply them."""


SETTINGS_FILE = click.argument(
    "settings_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE"
)
ALLOW_DELETE = click.option(
    "--allow-delete",
    is_flag=True,
    help="Delete IP lists, cluster policies, secret scopes, ACLs and service principals "
    "that the file does not declare (listed in the plan).",
)
MANAGE_TOKENS = click.option(
    "--manage-token-permissions",
    is_flag=True,
    help="Also change who may use tokens (removing CAN_USE revokes that principal's live tokens).",
)


@settings.command(context_settings=OPTIONS)
@SETTINGS_FILE
@guarded
def validate(settings_file: Path) -> int:
    """Check FILE against the schema and the guard rails, without calling Databricks."""
    from ucgov.desired import load

    desired = load(settings_file)
    click.echo(f"{desired.source}: valid")
    return EXIT_CLEAN


def _plan(
    ctx: click.Context, settings_file: Path, allow_delete: bool, manage: bool
) -> tuple[Any, ...]:
    from ucgov.connect import account_client, workspace_client
    from ucgov.desired import load
    from ucgov.plan import Options, compute_plan
    from ucgov.state import read_state

    desired = load(settings_file)
    w = workspace_client(ctx.obj["profile"])
    account = account_client(ctx.obj["account_profile"]) if desired.needs_account else None
    try:
        current = read_state(w, desired, _progress(), account)
    except DatabricksError as error:
        from ucgov.connect import explain

        raise UcgovError(f"reading the workspace failed: {explain(error)}") from None
    return desired, w, account, compute_plan(desired, current, Options(allow_delete, manage))


@settings.command(context_settings=OPTIONS)
@SETTINGS_FILE
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@ALLOW_DELETE
@MANAGE_TOKENS
@click.pass_context
@guarded
def plan(
    ctx: click.Context,
    settings_file: Path,
    as_json: bool,
    allow_delete: bool,
    manage_token_permissions: bool,
) -> int:
    """Show what differs between the workspace and FILE, per area (exit 1 when anything does)."""
    from ucgov.render import console, print_plan

    _, _, _, result = _plan(ctx, settings_file, allow_delete, manage_token_permissions)
    if as_json:
        click.echo(result.to_json())
    else:
        print_plan(console(), result)
    return EXIT_DRIFT if result.has_drift else EXIT_CLEAN


@settings.command(context_settings=OPTIONS)
@SETTINGS_FILE
@click.option("--yes", is_flag=True, help="Apply without asking (needed when not on a terminal).")
@click.option(
    "--plan",
    "saved_plan",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="A plan saved with `plan --json`: refuse unless the workspace still gives exactly it.",
)
@ALLOW_DELETE
@MANAGE_TOKENS
@click.pass_context
@guarded
def apply(
    ctx: click.Context,
    settings_file: Path,
    yes: bool,
    saved_plan: Path | None,
    allow_delete: bool,
    manage_token_permissions: bool,
) -> int:
    """Apply exactly the plan for FILE; a second apply then finds nothing to do.

    Secret values come from the environment variables or standard input the file names.
    """
    from ucgov.apply import Applier, resolve_secrets
    from ucgov.render import console, print_plan

    _, w, account, result = _plan(ctx, settings_file, allow_delete, manage_token_permissions)
    out = console()
    print_plan(out, result)
    if saved_plan is not None:
        saved = json.loads(saved_plan.read_text(encoding="utf-8"))
        if saved.get("changes") != result.to_dict()["changes"]:
            raise UcgovError(
                f"the workspace no longer gives the plan saved in {saved_plan}: nothing applied"
            )
    if not result.changes:
        out.print("Nothing to apply.")
        return EXIT_CLEAN
    if not yes:
        if not sys.stdin.isatty():
            raise UcgovError("not on a terminal: pass --yes to apply (nothing applied)")
        if not click.confirm(f"Apply {len(result.changes)} change(s)?", default=False):
            raise UcgovError("not confirmed: nothing applied")
    secrets = resolve_secrets(result, sys.stdin)
    count = Applier(w, account, secrets).run(result, _progress())
    out.print(f"Applied {count} change(s).")
    return EXIT_CLEAN


# -- tokens ---------------------------------------------------------------------------------
@main.group(context_settings=OPTIONS)
def tokens() -> None:
    """Personal access tokens (§3.4)."""


@tokens.command(context_settings=OPTIONS)
@click.option(
    "--within-days",
    default=30,
    show_default=True,
    type=click.IntRange(0, 3650),
    help="Flag tokens expiring within this many days.",
)
@click.option(
    "--max-age-days",
    type=click.IntRange(1, 3650),
    help="Policy lifetime (default: the settings file's, else 90).",
)
@click.option(
    "--settings",
    "settings_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read the token policy from this settings file.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the audit as JSON.")
@click.pass_context
@guarded
def audit(
    ctx: click.Context,
    within_days: int,
    max_age_days: int | None,
    settings_file: Path | None,
    as_json: bool,
) -> int:
    """Tokens expiring soon, without expiry, older than the policy, or without comment, per owner.

    Exit 1 when any token has a finding.
    """
    from datetime import UTC, datetime

    from ucgov.connect import call, workspace_client
    from ucgov.desired import load
    from ucgov.render import console, table
    from ucgov.tokens import TokenPolicyCheck, per_owner
    from ucgov.tokens import audit as run_audit

    lifetime, comment_required = 90, True
    if settings_file is not None:
        policy = load(settings_file).token_policy
        if policy is not None:
            lifetime = policy.max_lifetime_days or lifetime
            comment_required = policy.comment_required
    check = TokenPolicyCheck(within_days, max_age_days or lifetime, comment_required)
    w = workspace_client(ctx.obj["profile"])
    _progress()("token list")
    listed = call("the token list", lambda: list(w.token_management.list()))
    reports = run_audit(listed, check, datetime.now(tz=UTC))
    owners = per_owner(reports)
    flagged = [r for r in reports if r.findings]
    if as_json:
        from dataclasses import asdict

        click.echo(
            json.dumps(
                {"policy": asdict(check), "tokens": [asdict(r) for r in reports], "owners": owners},
                indent=2,
            )
        )
    else:
        out = console()
        out.print(
            table(
                f"Tokens with findings ({len(flagged)} of {len(reports)})",
                ("owner", "token id", "comment", "created", "expires", "findings"),
                (
                    (
                        r.owner,
                        r.token_id,
                        r.comment or "-",
                        r.created,
                        r.expires,
                        ", ".join(r.findings),
                    )
                    for r in flagged
                ),
                (
                    "red" if "no expiry" in r.findings or "expired" in r.findings else "yellow"
                    for r in flagged
                ),
            )
        )
        out.print(
            table(
                "Per owner",
                ("owner", "tokens", "with findings"),
                ((o, str(c["tokens"]), str(c["with_findings"])) for o, c in owners.items()),
            )
        )
    return EXIT_DRIFT if flagged else EXIT_CLEAN


# -- groups ---------------------------------------------------------------------------------
@main.group(context_settings=OPTIONS)
def groups() -> None:
    """Account groups of the policy seed (SCIM)."""


@groups.command(context_settings=OPTIONS)
@click.option("--check", is_flag=True, help="Only report drift (exit 1 when a group is missing).")
@click.option(
    "--seed",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("seeds/policy/groups.csv"),
    show_default=True,
    help="The groups seed.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@guarded
def sync(ctx: click.Context, check: bool, seed: Path, as_json: bool) -> int:
    """Compare the groups seed with the account's groups; without --check, create missing ones.

    Membership is never changed: for groups whose idp_group is set, the IdP owns the members.
    """
    from dataclasses import asdict

    from ucgov.connect import account_client, call, explain
    from ucgov.groups import compare, read_seed
    from ucgov.render import console, table
    from ucgov.state import read_account_groups

    declared = read_seed(seed)
    account = account_client(ctx.obj["account_profile"])
    _progress()("account groups")
    report = compare(declared, call("the account groups", read_account_groups, account))
    missing = [d for d in report if d.status == "missing"]
    created = []
    if not check:
        for i, drift in enumerate(missing):
            _progress()(f"[{i + 1}/{len(missing)}] create group {drift.group}")
            try:
                account.groups.create(display_name=drift.group)
            except DatabricksError as error:
                raise UcgovError(
                    f"creating group {drift.group!r} failed: {explain(error)}; "
                    f"{i} created before it"
                ) from None
            created.append(drift.group)
    if as_json:
        click.echo(
            json.dumps({"groups": [asdict(d) for d in report], "created": created}, indent=2)
        )
    else:
        styles = {"missing": "red", "extra": "yellow", "idp-owned": "cyan", "in sync": "green"}
        out = console()
        out.print(
            table(
                f"Groups of {seed} against the account",
                ("group", "status", "detail"),
                ((d.group, d.status, d.detail) for d in report),
                (styles[d.status] for d in report),
            )
        )
        if created:
            out.print(f"Created {len(created)} group(s).")
    return EXIT_DRIFT if missing and check else EXIT_CLEAN


# -- audit logs -----------------------------------------------------------------------------
# The audit commands show every option's default in --help (click passes show_default on to
# the subcommands' contexts); a file they read or write is a path to a file, not a folder.
AUDIT_OPTIONS: dict[str, Any] = {**OPTIONS, "show_default": True}
FILE_PATH = click.Path(dir_okay=False, path_type=Path)


@main.group("audit", context_settings=AUDIT_OPTIONS)
def audit_logs() -> None:
    """Audit logs (guide §6, §8) on the embedded default: sample logs and the dashboard page.

    Neither command calls Databricks.
    """


@audit_logs.command("samples", context_settings=AUDIT_OPTIONS)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("target/sample_audit_logs"),
    help="Folder to write into: <out>/workspaceId=<id>/date=<day>/auditlogs_<n>.json.",
)
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=audit_samples_module.DEFAULT_START.isoformat(),
    help="First day delivered (YYYY-MM-DD).",
)
@click.option(
    "--days",
    type=int,
    default=audit_samples_module.DEFAULT_DAYS,
    help="Days delivered: at least 28 (the planted incidents); more adds background days.",
)
@click.option(
    "--seed",
    type=int,
    default=audit_samples_module.DEFAULT_SEED,
    help="Random seed: the same options always write the same bytes.",
)
@click.option(
    "--events",
    type=click.IntRange(min=0),
    default=0,
    help="Approximate total events, padded with routine reads (benchmark); 0 = the demo size.",
)
@guarded
def audit_samples(out: Path, start: Any, days: int, seed: int, events: int) -> int:
    """Write sample audit logs with planted incidents.

    Deterministic JSON lines in the Databricks delivery format: four weeks of the demo
    organisation's traffic and the incidents each detection must find exactly (listed in the
    docstring of ucgov.audit.samples), plus 7 bad records for the quarantine.
    """
    began = time.monotonic()
    try:
        count = audit_samples_module.generate(
            out, start=start.date(), days=days, seed=seed, events=events
        )
    except ValueError as error:
        raise UcgovError(str(error)) from None
    click.echo(f"wrote {count} audit events to {out} in {time.monotonic() - began:.1f}s")
    return EXIT_CLEAN


@audit_logs.command("dashboard", context_settings=AUDIT_OPTIONS)
@click.option(
    "--database",
    type=FILE_PATH,
    default=audit_dashboard_module.DEFAULT_DATABASE,
    help="The DuckDB file `dbt build --target local` wrote.",
)
@click.option(
    "--definition",
    type=FILE_PATH,
    default=audit_dashboard_module.DEFAULT_DEFINITION,
    help="The Lakeview dashboard definition whose datasets and widgets are rendered.",
)
@click.option(
    "--out",
    type=FILE_PATH,
    default=audit_dashboard_module.DEFAULT_OUT,
    help="The HTML page to write.",
)
@click.option(
    "--print-alerts",
    is_flag=True,
    help="Print the rows of each detection and alert table instead of writing the page.",
)
@guarded
def audit_dashboard(database: Path, definition: Path, out: Path, print_alerts: bool) -> int:
    """Render the security dashboard as a static HTML page.

    Runs the datasets of the Lakeview definition on the local (DuckDB) build and writes one
    self-contained page (inline SVG charts, no script, no network); --print-alerts prints the
    row counts of the detections and alerts instead.
    """
    if not database.is_file():
        raise UcgovError(f"{database} does not exist; run `make demo` first")
    try:
        if print_alerts:
            for name, count in audit_dashboard_module.alert_counts(database).items():
                click.echo(f"  {name:<40} {count:>6}")
            return EXIT_CLEAN
        audit_dashboard_module.write_page(database, definition, out)
    except (OSError, ValueError) as error:
        raise UcgovError(str(error)) from None
    click.echo(f"dashboard written to {out}")
    return EXIT_CLEAN


main.add_command(preflight_seeds)  # `ucgov seeds check`

if __name__ == "__main__":  # pragma: no cover
    main()
