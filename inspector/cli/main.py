"""Entry point of ``inspector-cli``: parse, dispatch, and turn expected errors into exit 2.

Each ``commands_*`` module adds its sub-commands through ``register(subparsers)`` and sets
``handler`` (a function of ``CliSession`` returning the exit code).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    session = CliSession(args)
    try:
        return int(args.handler(session) or 0)
    except ImportRejected as error:
        lines = describe_import(error)
        sys.stderr.write(f"error: {lines[0]}\n")
        for line in lines[1:]:
            sys.stderr.write(f"  {line}\n")
        return 2
    except InspectorError as error:
        sys.stderr.write(f"error: {describe(error)}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted; nothing half-written was kept\n")
        return 130
    finally:
        session.close()


if __name__ == "__main__":
    sys.exit(main())
