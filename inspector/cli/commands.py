"""The table of ``inspector-cli``'s commands: each top-level word, the module that builds its
parser and runs it, and its one-line help.

``main`` reads this table to build only the parser of the command being run (importing one
module, not all of them and every service they reach): ``--help`` and a plain listing stay
quick (``bench/cli.py``). Each module's ``register`` takes its words' help lines from here, so
that the overview and the command's own parser say the same thing.
"""

from __future__ import annotations

from inspector.demo.accounts import DEMO_PASSWORD

# word → (module under inspector.cli, help line)
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("commands_core", "create the database and load the built-in templates (idempotent)"),
    "check": ("commands_core", "integrity check of the database, audit trail and photo store; exit 1 on problems"),
    "audit": ("commands_audit", "the audit chain's head, and signed checkpoints of it the office keeps (check --checkpoint)"),
    "demo": ("commands_demo", f"fill the data folder with realistic demo data (accounts use the password {DEMO_PASSWORD})"),
    "registry": ("commands_registry", "units, vehicles, staff and locations"),
    "templates": ("commands_templates", "checklist templates: list, publish, copy to a month"),
    "inspections": ("commands_inspections", "start, record, complete and read inspections"),
    "certs": ("commands_certs", "the quality office's local CA and the users' signing certificates"),
    "verify": ("commands_certs",
               "check a signed PDF; exit 0 when intact, wholly signed and (with known CAs) trusted"),
    "notices": ("commands_notices", "issue, export, list and track rectification notices"),
    "followups": ("commands_notices", "record follow-up checks (复查) of notices"),
    "complaints": ("commands_complaints",
                   "the complaints register (投诉与旅客意见): add, list, show, investigate, resolve, feedback, close"),
    "comment-books": ("commands_comment_books",
                      "passenger comment books (旅客意见簿): collect every bus's book daily, reply the same day"),
    "report": ("commands_reports", "monthly report (月度报告) and table (月度报表)"),
    "archive": ("commands_archives", "the file of one vehicle or one staff member as PDF"),
    "device": ("commands_exchange", "this data folder's device id, name and organisation (--name: rename it)"),
    "exchange": ("commands_exchange", "signed exchange files between laptops and the quality office: export, import, status"),
    "hub": ("commands_hub", "the office hub on PostgreSQL: init, add-device, connect, status"),
    "sync": ("commands_hub", "sync with the office hub once: push what is recorded here, pull what is new"),
    "backup": ("commands_backups", "back up the database now (-o FILE: to a file of your own), or list the backups"),
    "restore": ("commands_backups",
                "put a backup in place of the database (checked first; the current one is kept aside)"),
}


def command_help(word: str) -> str:
    """The one-line help of the top-level command ``word``."""
    return COMMANDS[word][1]


def modules() -> list[str]:
    """Every command module, in the order of the table, once each."""
    return list(dict.fromkeys(module for module, _ in COMMANDS.values()))
