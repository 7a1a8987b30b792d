"""The certificates table: the local CA (one row, ``kind='ca'``) and the users' signing
certificates with their password-encrypted private keys; and the office seal (``office_seals``)
with one password-encrypted copy of its key per quality-office member (``office_seal_keys``).

A user has at most one certificate in force; issuing a new one marks the older ones revoked
(kept, so that notices signed with them still name a known certificate). There is at most one
seal in force.
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


# --- the office seal ------------------------------------------------------------------------------

_SEAL_COLUMNS = "id, subject, serial, cert_pem, not_before, not_after, issued_at, issued_by, revoked"


@dataclass(frozen=True)
class StoredSeal:
    """The office seal's certificate row (no key: each holder's copy is in ``office_seal_keys``)."""

    id: int
    subject: str
    serial: str
    cert_pem: bytes
    not_before: str
    not_after: str
    issued_at: str
    issued_by: int | None
    revoked: bool


def seal(db: sqlite_utils.Database) -> StoredSeal | None:
    """The seal in force, if the office made one."""
    row = db.execute(f"SELECT {_SEAL_COLUMNS} FROM office_seals WHERE revoked = 0 ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    return StoredSeal(id=row[0], subject=row[1], serial=row[2], cert_pem=row[3].encode("ascii"), not_before=row[4],
                      not_after=row[5], issued_at=row[6], issued_by=row[7], revoked=bool(row[8]))


def insert_seal(db: sqlite_utils.Database, *, subject: str, serial: str, cert_pem: bytes, not_before: str,
                not_after: str, issued_at: str, issued_by: int) -> int:
    cursor = db.execute(
        "INSERT INTO office_seals (subject, serial, cert_pem, not_before, not_after, issued_at, issued_by, revoked)"
        " VALUES (?,?,?,?,?,?,?,0)",
        [subject, serial, cert_pem.decode("ascii"), not_before, not_after, issued_at, issued_by],
    )
    return int(cursor.lastrowid or 0)


def revoke_seals(db: sqlite_utils.Database) -> list[int]:
    """Mark every seal revoked (before a new one replaces an expired one); the ids that were in force."""
    ids = [row[0] for row in db.execute("SELECT id FROM office_seals WHERE revoked = 0").fetchall()]
    db.execute("UPDATE office_seals SET revoked = 1 WHERE revoked = 0")
    return ids


def seal_key(db: sqlite_utils.Database, seal_id: int, user_id: int) -> bytes | None:
    """``user_id``'s encrypted copy of the seal key, if they hold one."""
    row = db.execute("SELECT key_pem FROM office_seal_keys WHERE seal_id = ? AND user_id = ?",
                     [seal_id, user_id]).fetchone()
    return row[0].encode("ascii") if row else None


def put_seal_key(db: sqlite_utils.Database, *, seal_id: int, user_id: int, key_pem: bytes, granted_at: str,
                 granted_by: int) -> None:
    """Give (or give again) ``user_id`` their copy of the seal key."""
    db.execute(
        "INSERT INTO office_seal_keys (seal_id, user_id, key_pem, granted_at, granted_by) VALUES (?,?,?,?,?)"
        " ON CONFLICT (seal_id, user_id) DO UPDATE SET key_pem = excluded.key_pem,"
        " granted_at = excluded.granted_at, granted_by = excluded.granted_by",
        [seal_id, user_id, key_pem.decode("ascii"), granted_at, granted_by],
    )


def set_seal_key(db: sqlite_utils.Database, seal_id: int, user_id: int, key_pem: bytes) -> None:
    db.execute("UPDATE office_seal_keys SET key_pem = ? WHERE seal_id = ? AND user_id = ?",
               [key_pem.decode("ascii"), seal_id, user_id])


def seal_holders(db: sqlite_utils.Database, seal_id: int) -> list[int]:
    """The ids of the users who hold a copy of the seal key, in the order they got it."""
    return [row[0] for row in db.execute(
        "SELECT user_id FROM office_seal_keys WHERE seal_id = ? ORDER BY rowid", [seal_id]).fetchall()]
