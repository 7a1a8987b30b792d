"""``backup [-o FILE]``, ``backup list`` and ``restore FILE``: the database's backups.

``backup`` makes a rotating backup in the data folder's ``backups/`` (or, with ``-o``, one at FILE
with FILE.json beside it, outside the rotation). ``restore`` checks the file (SQLite, its recorded
SHA-256, ``PRAGMA integrity_check``, an Inspector schema no newer than this build), keeps the
current database aside as ``inspector.db.before-restore-<time>`` and puts the backup in its place;
it opens no context, so it works on a database that no longer opens. Neither needs a sign-in:
whoever can run them can read the data folder anyway.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector.cli.commands import command_help
from inspector.cli.session import CliSession


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser("backup", help=command_help("backup"),
                                   description="Make a backup of the database now, or list the backups.")
    backup.add_argument("action", nargs="?", choices=("list",), help="list: the backups in the data folder")
    backup.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the backup to FILE (and its manifest to FILE.json), outside the rotation")
    backup.add_argument("--json", action="store_true", help="print JSON on stdout")
    backup.set_defaults(handler=run_backup, daily_backup=False)

    restore = subparsers.add_parser("restore", help=command_help("restore"))
    restore.add_argument("file", type=Path, metavar="FILE", help="a backup (.db) made by Inspector")
    restore.add_argument("--json", action="store_true", help="print JSON on stdout")
    restore.set_defaults(handler=run_restore, daily_backup=False)


def run_backup(session: CliSession) -> int:
    args = session.args
    backups = session.context.backups
    if args.action == "list":
        if args.output is not None:
            sys.stderr.write("error: backup list takes no -o\n")
            return 2
        listed = backups.list()
        if args.json:
            session.print_json({"keep": backups.keep(), "backups": [info.as_json() for info in listed]})
            return 0
        for info in listed:
            photos = "?" if info.photos is None else str(info.photos)
            print(f"{info.created_at:%Y-%m-%d %H:%M:%S}  {info.reason:<9}  {info.size:>12,} bytes  "
                  f"{photos:>6} photos  {info.path.name}")
        print(f"{len(listed)} backups in {backups.folder} (keeping the newest {backups.keep()} and one a month)")
        return 0
    info = backups.export(args.output) if args.output is not None else backups.make()
    if args.json:
        session.print_json(info.as_json())
    else:
        print(f"backup written: {info.path} ({info.size:,} bytes, {info.photos} photos referenced)")
    return 0


def run_restore(session: CliSession) -> int:
    # No context: the current database may be the broken one this restore replaces.
    from inspector.paths import DataPaths, resolve_data_dir
    from inspector.services.restore import RestoreService

    paths = DataPaths(resolve_data_dir(session.args.data_dir)).ensure()
    result = RestoreService(paths).restore(session.args.file)
    check = result.check
    if session.args.json:
        session.print_json({**check.as_json(), "kept_aside": None if result.kept_aside is None else str(result.kept_aside)})
    else:
        made = "" if check.manifest is None else f"made {check.manifest.created_at:%Y-%m-%d %H:%M}, "
        print(f"restored {check.file} ({made}schema {check.schema_version} of {check.current_schema})")
        if check.migrations_to_apply:
            print(f"it is upgraded ({check.migrations_to_apply} migrations) the next time the data folder is opened")
        if result.kept_aside is not None:
            print(f"the database as it was is kept at {result.kept_aside}")
    if check.photos_missing:
        sys.stderr.write(f"warning: {len(check.photos_missing)} photos the backup refers to are not in the photo store:\n")
        for sha256 in check.photos_missing:
            sys.stderr.write(f"  {sha256}\n")
    return 0
