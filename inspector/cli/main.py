"""Entry point of ``inspector-cli``: parse, dispatch, and turn expected errors into exit 2.

Each ``commands_*`` module adds its sub-commands through ``register(subparsers)`` and sets
``handler`` (a function of ``CliSession`` returning the exit code). Only the module of the command
being run is imported (``inspector.cli.commands`` says which module has which word); the others
appear in the overview by their help line alone.

Expected errors are ``InspectorError``; besides them, SQLite's and the operating system's word
that the database is damaged, the disk full or a folder read-only (``storage.failures``) is one
``error:`` line and exit 2 as well. Any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Callable, Sequence

from inspector import __version__
from inspector.cli.commands import COMMANDS, modules
from inspector.cli.session import CliSession
from inspector.domain.errors import ImportRejected, InspectorError

_GLOBAL_WITH_VALUE = ("--data-dir", "--user")


def command_word(argv: Sequence[str]) -> str | None:
    """The top-level command of ``argv`` (after the global options), or None (``--help``…)."""
    tokens = iter(argv)
    for token in tokens:
        if token in _GLOBAL_WITH_VALUE:
            next(tokens, None)
        elif not token.startswith("-"):
            return token
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: the full parser of its command only (every command's parser
    when ``argv`` is None); the other commands as their help line."""
    parser = argparse.ArgumentParser(
        prog="inspector-cli",
        description="Inspector (服务质量督查) on the command line: the same services as the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"inspector {__version__}")
    parser.add_argument("--data-dir", help="data folder (default: $INSPECTOR_DATA_DIR, else the user data folder)")
    parser.add_argument("--user", help="acting user (default: $INSPECTOR_USER, else the only admin)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    word = None if argv is None else command_word(argv)
    wanted = {module for module, _ in COMMANDS.values()} if argv is None else (
        {COMMANDS[word][0]} if word in COMMANDS else set())
    for module_name in modules():
        if module_name in wanted:
            importlib.import_module(f"inspector.cli.{module_name}").register(subparsers)
        else:
            for name, (owner, help_line) in COMMANDS.items():
                if owner == module_name:
                    subparsers.add_parser(name, help=help_line, add_help=False)
    return parser


def _disk_problem(error: BaseException, args: argparse.Namespace) -> InspectorError | None:
    """The coded error for a damaged database, a full disk or a read-only folder, else None."""
    from inspector.paths import DATABASE_NAME, resolve_data_dir
    from inspector.storage.failures import storage_problem

    return storage_problem(error, file=resolve_data_dir(args.data_dir) / DATABASE_NAME)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
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
        from inspector.words.messages import describe_import  # the sentences, only when one is said

        lines = describe_import(error)
    except InspectorError as error:
        lines = [_describe(error)]
    except (sqlite3.DatabaseError, OSError) as error:
        problem = _disk_problem(error, args)
        if problem is None:
            raise
        lines = [_describe(problem)]
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted; nothing half-written was kept\n")
        return 130
    if not quiet:
        sys.stderr.write(f"error: {lines[0]}\n")
        for line in lines[1:]:
            sys.stderr.write(f"  {line}\n")
    return 2


def _describe(error: InspectorError) -> str:
    from inspector.words.messages import describe  # the sentences, only when one is said

    return describe(error)


if __name__ == "__main__":
    sys.exit(main())
