"""Write transactions: ``BEGIN IMMEDIATE`` so that the audit chain's "read last hash, append"
never interleaves with another writer (the CLI beside the app), nested calls as savepoints.

The outermost transaction also keeps the audit's row facts whole (issue #12.8): as it begins, the
connection's TEMP capture triggers are made sure of (``row_facts.ensure_capture``); before it
commits, the facts of rows changed after its last audit entry go on one more entry
(``audit_repo.flush``), inside the same transaction.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import sqlite_utils

from inspector.storage import audit_repo, row_facts


def _now_text() -> str:
    return datetime.now().astimezone().replace(microsecond=0).isoformat()


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Everything inside commits together or not at all."""
    conn = db.conn
    if conn.in_transaction:
        name = f"sp_{secrets.token_hex(8)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            conn.execute(f"RELEASE SAVEPOINT {name}")
        return
    row_facts.ensure_capture(db)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        audit_repo.flush(db, _now_text())
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
