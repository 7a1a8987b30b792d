"""The office's side of the hub: creating or migrating its schema (``hub init``) and giving each
device its own login role (``hub add-device``).

A role's password is sent to PostgreSQL only as a SCRAM-SHA-256 verifier made here (RFC 5802 /
7677, the form ``CREATE ROLE … PASSWORD`` accepts), so the plain password never reaches the
server's statement log; the plain password is printed once, for the laptop.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inspector.domain.errors import InspectorError
from inspector.hub.schema import DEVICE_GROUP, HUB_SCHEMA, MIGRATIONS, OFFICE_GROUP

if TYPE_CHECKING:
    import psycopg

SCRAM_ITERATIONS = 4096


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS) -> str:
    salt = salt or secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(value: bytes) -> str:
        return base64.b64encode(value).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


@dataclass(frozen=True)
class NewRole:
    role: str
    password: str
    name: str
    side: str
    username: str | None


class HubAdmin:
    """Schema and roles, through a connection with the right to create them."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT to_regclass('public.hub_schema') IS NOT NULL").fetchone()
        if not row or not row[0]:
            return 0
        found = self.conn.execute("SELECT COALESCE(MAX(version), 0) FROM hub_schema").fetchone()
        return int(found[0]) if found else 0

    def migrate(self) -> tuple[int, int]:
        """Apply the migrations this hub lacks, each in one transaction; (before, after)."""
        import psycopg

        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(7215016)")  # two offices running init at once
                self.conn.execute("CREATE TABLE IF NOT EXISTS hub_schema (version int PRIMARY KEY,"
                                  " applied_at timestamptz NOT NULL DEFAULT now())")
            before = self.schema_version()
            if before > HUB_SCHEMA:
                raise InspectorError("hub_schema_newer", found=before, known=HUB_SCHEMA)
            for version, statements in MIGRATIONS:
                if version <= before:
                    continue
                with self.conn.transaction():
                    for statement in statements:
                        self.conn.execute(statement)  # type: ignore[arg-type]  # our own constant SQL
                    self.conn.execute("INSERT INTO hub_schema (version) VALUES (%s)", [version])
        except psycopg.errors.InsufficientPrivilege as error:
            raise InspectorError("hub_not_admin", reason=str(error).splitlines()[0]) from None
        return before, HUB_SCHEMA

    def set_organisation(self, organisation_id: str, organisation_name: str, office_device: str) -> None:
        with self.conn.transaction():
            row = self.conn.execute("SELECT organisation_id, office_device FROM hub_info WHERE id = 1").fetchone()
            if row is None:
                self.conn.execute("INSERT INTO hub_info (id, organisation_id, organisation_name, office_device)"
                                  " VALUES (1, %s, %s, %s)", [organisation_id, organisation_name, office_device])
            elif str(row[0]) != organisation_id or str(row[1]) != office_device:
                raise InspectorError("hub_other_organisation", organisation=str(row[0]))

    def add_role(self, *, name: str, side: str, username: str | None, device_id: str | None = None,
                 may_add_devices: bool = False) -> NewRole:
        """A new login role for one device, in the office's or the laptops' group, and its row."""
        from psycopg import sql

        role = f"insp_{side[:3]}_{secrets.token_hex(6)}"
        password = secrets.token_urlsafe(24)
        group = OFFICE_GROUP if side == "office" else DEVICE_GROUP
        with self.conn.transaction():
            self.conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(role), sql.Literal(scram_verifier(password)), sql.Identifier(group)))
            if may_add_devices:
                self.conn.execute(sql.SQL("ALTER ROLE {} CREATEROLE").format(sql.Identifier(role)))
                self.conn.execute(sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(
                    sql.Identifier(DEVICE_GROUP), sql.Identifier(role)))
            self.conn.execute("INSERT INTO devices (role_name, device_id, name, side, username) VALUES (%s,%s,%s,%s,%s)",
                              [role, device_id, name, side, username])
        return NewRole(role, password, name, side, username)

    def device_names(self) -> set[str]:
        return {str(row[0]) for row in self.conn.execute("SELECT name FROM devices").fetchall()}
