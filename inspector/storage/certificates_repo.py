"""The certificates table: the local CA (one row, ``kind='ca'``) and the users' signing
certificates with their password-encrypted private keys.

A user has at most one certificate in force; issuing a new one marks the older ones revoked
(kept, so that notices signed with them still name a known certificate).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

_COLUMNS = ("id, kind, user_id, subject, serial, cert_pem, key_pem, not_before, not_after, issued_at,"
            " issued_by, revoked")


@dataclass(frozen=True)
class StoredCertificate:
    """One row. ``key_pem`` is encrypted; it never leaves the services ring."""

    id: int
    kind: str
    user_id: int | None
    subject: str
    serial: str
    cert_pem: bytes
    key_pem: bytes
    not_before: str
    not_after: str
    issued_at: str
    issued_by: int | None
    revoked: bool


def _stored(row: tuple) -> StoredCertificate:
    return StoredCertificate(
        id=row[0], kind=row[1], user_id=row[2], subject=row[3], serial=row[4],
        cert_pem=row[5].encode("ascii"), key_pem=row[6].encode("ascii"), not_before=row[7], not_after=row[8],
        issued_at=row[9], issued_by=row[10], revoked=bool(row[11]),
    )


def ca(db: sqlite_utils.Database) -> StoredCertificate | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM certificates WHERE kind = 'ca' AND revoked = 0 ORDER BY id LIMIT 1"
    ).fetchone()
    return _stored(row) if row else None


def current_for_user(db: sqlite_utils.Database, user_id: int) -> StoredCertificate | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM certificates WHERE kind = 'user' AND user_id = ? AND revoked = 0"
        " ORDER BY id DESC LIMIT 1",
        [user_id],
    ).fetchone()
    return _stored(row) if row else None


def insert(
    db: sqlite_utils.Database, *, kind: str, user_id: int | None, subject: str, serial: str, cert_pem: bytes,
    key_pem: bytes, not_before: str, not_after: str, issued_at: str, issued_by: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO certificates (kind, user_id, subject, serial, cert_pem, key_pem, not_before, not_after,"
        " issued_at, issued_by, revoked) VALUES (?,?,?,?,?,?,?,?,?,?,0)",
        [kind, user_id, subject, serial, cert_pem.decode("ascii"), key_pem.decode("ascii"), not_before,
         not_after, issued_at, issued_by],
    )
    return int(cursor.lastrowid or 0)


def revoke_for_user(db: sqlite_utils.Database, user_id: int) -> list[int]:
    """Mark every certificate of ``user_id`` revoked; the ids that were in force."""
    ids = [row[0] for row in db.execute(
        "SELECT id FROM certificates WHERE kind = 'user' AND user_id = ? AND revoked = 0", [user_id]
    ).fetchall()]
    db.execute("UPDATE certificates SET revoked = 1 WHERE kind = 'user' AND user_id = ?", [user_id])
    return ids


def set_key(db: sqlite_utils.Database, certificate_id: int, key_pem: bytes) -> None:
    db.execute("UPDATE certificates SET key_pem = ? WHERE id = ?", [key_pem.decode("ascii"), certificate_id])
