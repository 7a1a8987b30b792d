"""``init`` and ``check`` (``check --clean`` also removes orphan photos and leftover files;
``check --rebuild-summaries`` recomputes the monthly report's summaries first)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.cli.commands import command_help
from inspector.cli.session import ENV_PASSWORD, CliSession
from inspector.domain.errors import InspectorError
from inspector.paths import (
    DataPaths,
    missing_resources,
    resolve_data_dir,
    resources_dir,
)
from inspector.services.integrity_files import FolderFiles
from inspector.words.messages import describe

if TYPE_CHECKING:
    from inspector.context import AppContext


def register(subparsers: argparse._SubParsersAction) -> None:
    init = subparsers.add_parser("init", help=command_help("init"))
    init.add_argument("--admin-password", help="password of the admin account (default: $INSPECTOR_PASSWORD)")
    init.add_argument("--admin-name", default="admin", help="user name of the first admin (default: admin)")
    init.set_defaults(handler=run_init)

    check = subparsers.add_parser("check", help=command_help("check"))
    check.add_argument("--clean", action="store_true",
                       help="first remove orphan photos (older than a day) and leftover temporary files;"
                            " needs an admin or quality-office user")
    check.add_argument("--checkpoint", action="append", type=Path, default=[], metavar="FILE",
                       help="compare the audit chain with a signed checkpoint (`audit checkpoint`) or an exchange"
                            " file this data folder sent; repeatable")
    check.add_argument("--trust", type=Path, metavar="CA.pem",
                       help="the office CA certificate to check checkpoints' signatures with (default: the"
                            " database's own, which someone editing the file could have swapped)")
    check.add_argument("--rebuild-summaries", action="store_true",
                       help="first recompute the monthly report's per-month summaries from the inspections;"
                            " needs an admin or quality-office user")
    check.set_defaults(handler=run_check)


def _admin_password(session: CliSession) -> str:
    if session.args.admin_password:
        return session.args.admin_password
    if os.environ.get(ENV_PASSWORD) is not None:
        return os.environ[ENV_PASSWORD]
    if sys.stdin is not None and sys.stdin.isatty():
        return session.password_for(session.args.admin_name, prompt="Password for the new admin: ")
    raise InspectorError("password_required", user=session.args.admin_name)


def run_init(session: CliSession) -> int:
    missing = missing_resources()  # before the data folder is touched: a broken install stops here
    if missing:
        raise InspectorError("resources_missing", files=", ".join(missing), folder=str(resources_dir()))
    context = session.context
    users = context.users
    if users.needs_first_admin():
        users.create_first_admin(session.args.admin_name, "管理员", _admin_password(session))
        print(f"created admin account '{session.args.admin_name}'")
    for line in initialise_content(context):
        print(line)
    print(f"data folder ready: {context.paths.root}")
    return 0


def initialise_content(context: AppContext) -> list[str]:
    """Load what ``init`` provides beyond the admin account (built-in templates); idempotent."""
    loaded = context.templates.ensure_builtins()
    return [f"loaded built-in template {code}" for code in loaded]


# The database cannot say which files it knows: every notice PDF and photo beside it is listed.
LOST_DATABASE = {"database_missing", "database_empty", "database_damaged", "database_not_a_file",
                 "database_unreadable"}


def run_check(session: CliSession) -> int:
    """Check the data folder as it is: never create, migrate or repair the database (#12.9)."""
    try:
        session.existing_context()
    except InspectorError as error:
        if error.code not in LOST_DATABASE:
            raise
        files = FolderFiles(DataPaths(resolve_data_dir(session.args.data_dir))).all_files()
        sys.stderr.write(f"error: {describe(error)}\n")
        if files:
            sys.stderr.write(f"files no row points to ({len(files)}):\n")
            sys.stderr.writelines(f"  {relative}\n" for relative in files)
        return 2
    if session.args.clean:
        cleaned = session.context.photos.clean(session.actor())
        for sha256 in cleaned.photos:
            print(f"removed orphan photo {sha256}")
        for path in cleaned.temp_files:
            print(f"removed leftover {path}")
        for sha256 in cleaned.kept_recent:
            print(f"kept orphan photo {sha256}: stored within the last day, an edit may still use it")
        if not (cleaned.photos or cleaned.temp_files):
            print("nothing to clean")
    args = session.args
    if args.rebuild_summaries:
        differing = session.context.integrity.rebuild_report_summaries(session.actor())
        print(f"rebuilt the report summaries ({differing} rows differed)")
    trust = args.trust.read_bytes() if args.trust else None
    report = session.context.integrity.check(checkpoints=args.checkpoint, trust_pem=trust)
    stream = sys.stdout if report.ok else sys.stderr
    for line in report.lines():
        stream.write(line + "\n")
    return 0 if report.ok else 1
