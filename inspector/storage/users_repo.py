"""The users table: accounts and their password hashes."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from inspector.domain.users import Role, User

_COLUMNS = "id, username, display_name, role, active, unit_id, created_at"


def _user(row: tuple) -> User:
    return User(
        id=row[0], username=row[1], display_name=row[2], role=Role(row[3]), active=bool(row[4]),
        unit_id=row[5], created_at=datetime.fromisoformat(row[6]) if row[6] else None,
    )


def count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM users").fetchone()[0])


def get(db: sqlite_utils.Database, user_id: int) -> User | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM users WHERE id = ?", [user_id]).fetchone()
    return _user(row) if row else None


def by_username(db: sqlite_utils.Database, username: str) -> User | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM users WHERE username = ?", [username]).fetchone()
    return _user(row) if row else None


def password_hash(db: sqlite_utils.Database, user_id: int) -> str | None:
    row = db.execute("SELECT password_hash FROM users WHERE id = ?", [user_id]).fetchone()
    return row[0] if row else None


def list_all(db: sqlite_utils.Database, *, include_inactive: bool = True) -> list[User]:
    clause = "" if include_inactive else "WHERE active = 1"
    rows = db.execute(f"SELECT {_COLUMNS} FROM users {clause} ORDER BY role, username").fetchall()
    return [_user(row) for row in rows]


def active_admins(db: sqlite_utils.Database) -> list[User]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM users WHERE role = 'admin' AND active = 1 ORDER BY id"
    ).fetchall()
    return [_user(row) for row in rows]


def insert(
    db: sqlite_utils.Database, *, username: str, display_name: str, role: Role, password_hash: str,
    unit_id: int | None, created_at: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO users (username, display_name, role, password_hash, active, unit_id, created_at)"
        " VALUES (?,?,?,?,1,?,?)",
        [username, display_name, role.value, password_hash, unit_id, created_at],
    )
    return int(cursor.lastrowid or 0)


def update(
    db: sqlite_utils.Database, user_id: int, *, display_name: str, role: Role, active: bool,
    unit_id: int | None,
) -> None:
    db.execute(
        "UPDATE users SET display_name = ?, role = ?, active = ?, unit_id = ? WHERE id = ?",
        [display_name, role.value, int(active), unit_id, user_id],
    )


def set_password_hash(db: sqlite_utils.Database, user_id: int, password_hash: str) -> None:
    db.execute("UPDATE users SET password_hash = ? WHERE id = ?", [password_hash, user_id])
