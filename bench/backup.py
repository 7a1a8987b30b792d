"""A backup and a restore check of a database of about N MB, beside the plain file copy.

    python bench/backup.py [--mb 100] [--runs 3]

Times, each the median of N runs:
- backup: ``BackupService.make`` — SQLite's online backup API into a temp file, switch to the
  rollback journal, fsync, SHA-256, rename, the manifest (photo hashes) and the rotation;
- check: ``RestoreService.check`` — a private copy, ``PRAGMA integrity_check``, the schema;
- baseline in the same run: ``shutil.copyfile`` + fsync + SHA-256 of the same database file (the
  least any consistent copy can cost; it is not consistent while someone writes).
Prints figures and ratios; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.context import open_context  # noqa: E402


def _median(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        context = open_context(Path(folder) / "data")
        context.users.create_first_admin("admin", "管理员", "bench-pass")
        with context.services.mutation() as db:  # bulk rows of realistic size, in one table of our own
            db.execute("CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, body BLOB)")
            for _ in range(args.mb * 256):
                db.execute("INSERT INTO bench_rows (body) VALUES (?)", [os.urandom(4000)])
        database = context.paths.database
        db_mb = database.stat().st_size / 1e6

        def plain() -> None:
            target = Path(folder) / "plain.db"
            shutil.copyfile(database, target)
            with target.open("rb+") as handle:
                os.fsync(handle.fileno())
            hashlib.sha256(target.read_bytes()).hexdigest()

        backup = _median(context.backups.make, args.runs)
        newest = context.backups.last_backup()
        check = _median(lambda: context.restore.check(newest.path), args.runs)
        baseline = _median(plain, args.runs)
        context.close()
    print(f"database: {db_mb:.0f} MB")
    print(f"backup (online API + fsync + SHA-256 + manifest): {backup:.3f} s  ({backup / baseline:.1f}× baseline)")
    print(f"restore check (copy + integrity_check + schema):  {check:.3f} s  ({check / baseline:.1f}× baseline)")
    print(f"baseline (copyfile + fsync + SHA-256):            {baseline:.3f} s")


if __name__ == "__main__":
    main()
