"""Entry point of ``inspector-cli``: parse, dispatch, and turn expected errors into exit 2.

Each ``commands_*`` module adds its sub-commands through ``register(subparsers)`` and sets
``handler`` (a function of ``CliSession`` returning the exit code).

Expected errors are ``InspectorError``; besides them, SQLite's and the operating system's word
that the database is damaged, the disk full or a folder read-only (``storage.failures``) is one
``error:`` line and exit 2 as well. Any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence

from inspector import __version__
from inspector.cli import commands_archives
from inspector.cli import commands_certs
from inspector.cli import commands_core
from inspector.cli import commands_demo
from inspector.cli import commands_inspections
from inspector.cli import commands_notices
from inspector.cli import commands_registry
from inspector.cli import commands_reports
from inspector.cli import commands_templates
from inspector.cli.session import CliSession
from inspector.domain.errors import ImportRejected, InspectorError
from inspector.words.messages import describe, describe_import

COMMAND_MODULES = [commands_core, commands_demo, commands_registry, commands_templates, commands_inspections,
                   commands_certs, commands_notices, commands_reports, commands_archives]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector-cli",
        description="Inspector (服务质量督查) on the command line: the same services as the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"inspector {__version__}")
    parser.add_argument("--data-dir", help="data folder (default: $INSPECTOR_DATA_DIR, else the user data folder)")
    parser.add_argument("--user", help="acting user (default: $INSPECTOR_USER, else the only admin)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def _disk_problem(error: BaseException, args: argparse.Namespace) -> InspectorError | None:
    """The coded error for a damaged database, a full disk or a read-only folder, else None."""
    from inspector.paths import DATABASE_NAME, resolve_data_dir
    from inspector.storage.failures import storage_problem

    return storage_problem(error, file=resolve_data_dir(args.data_dir) / DATABASE_NAME)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    session = CliSession(args)
    code = 1
    try:
        code = _reported(args, lambda: int(args.handler(session) or 0))
    finally:
        # Closing checkpoints the WAL, which a full disk can refuse too; one error line is enough.
        closed = _reported(args, lambda: session.close() or 0, quiet=code != 0)
    return code or closed


def _reported(args: argparse.Namespace, work: Callable[[], int], *, quiet: bool = False) -> int:
    """Run ``work``; an expected error becomes its ``error:`` line(s) on stderr and exit 2."""
    try:
        return work()
    except ImportRejected as error:
        lines = describe_import(error)
    except InspectorError as error:
        lines = [describe(error)]
    except (sqlite3.DatabaseError, OSError) as error:
        problem = _disk_problem(error, args)
        if problem is None:
            raise
        lines = [describe(problem)]
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted; nothing half-written was kept\n")
        return 130
    if not quiet:
        sys.stderr.write(f"error: {lines[0]}\n")
        for line in lines[1:]:
            sys.stderr.write(f"  {line}\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
