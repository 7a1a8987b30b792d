"""Codecs of what the quality office owns: the registry, the accounts, certificates, published
checklist versions. Registry rows and accounts change (a new head of a unit, an account switched
off): each change travels as a new revision of the same entity."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from inspector.domain.records import RecordKind as K
from inspector.storage.travel.codec import Column as C
from inspector.storage.travel.codec import TableCodec, rejected
from inspector.storage.travel.ids import RecordIds

UNIT = TableCodec(K.UNIT, "units", (
    C("code"), C("name"), C("kind"), C("head_name"), C("head_phone"), C("active"), C("created_at"), C("updated_at"),
), natural=("code",), mutable=True)

STAFF = TableCodec(K.STAFF, "staff", (
    C("staff_no"), C("name"), C("role"), C("unit_id", K.UNIT), C("phone"), C("active"), C("created_at"),
    C("updated_at"),
), natural=("staff_no",), mutable=True)

VEHICLE = TableCodec(K.VEHICLE, "vehicles", (
    C("plate"), C("fleet_no"), C("route"), C("unit_id", K.UNIT), C("model"), C("active"), C("created_at"),
    C("updated_at"),
), natural=("plate",), mutable=True)

LOCATION = TableCodec(K.LOCATION, "locations", (
    C("code"), C("name"), C("unit_id", K.UNIT), C("responsible_staff_id", K.STAFF), C("area"), C("active"),
    C("created_at"), C("updated_at"),
), natural=("code",), mutable=True)

UNUSABLE_PASSWORD = "!"  # no argon2 hash: nobody signs in with this account here


class UserCodec(TableCodec):
    """An account: name, role, unit. The password hash travels only to that user's own laptop;
    elsewhere the account exists (an author's name, a notice's issuer) but nobody signs in with it."""

    def read(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        body = super().read(db, ids, local_id)
        body.pop("password_hash", None)
        return body

    def read_with_password(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        body = super().read(db, ids, local_id)
        return body

    def insert(self, db: sqlite_utils.Database, ids: RecordIds, body: dict[str, Any], record: str) -> int:
        body = {"password_hash": UNUSABLE_PASSWORD, **body}
        return super().insert(db, ids, body, record)


USER = UserCodec(K.USER, "users", (
    C("username"), C("display_name"), C("role"), C("password_hash", optional=True), C("active"),
    C("unit_id", K.UNIT), C("created_at"),
), natural=("username",), mutable=True)


class CertificateCodec(TableCodec):
    """A certificate of the office CA (``kind``: the CA's own, or a user's). The private key
    travels only with that user's own certificate, to that user's laptop, still locked by their
    password; the CA's key never leaves the office."""

    def __init__(self, kind: K, own_kind: str) -> None:
        super().__init__(kind, "certificates", (
            C("kind"), C("user_id", K.USER), C("subject"), C("serial"), C("cert_pem"),
            C("key_pem", optional=True, default=""), C("not_before"), C("not_after"), C("issued_at"),
            C("issued_by", K.USER), C("revoked"),
        ), created="issued_at", natural=("serial",), mutable=True)
        self.own_kind = own_kind

    def local_ids(self, db: sqlite_utils.Database, where: str = "", params: list[Any] | None = None) -> list[int]:
        condition = "kind = ?" + (f" AND ({where})" if where else "")
        return super().local_ids(db, condition, [self.own_kind, *(params or [])])

    def read(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        body = super().read(db, ids, local_id)
        body.pop("key_pem", None)
        return body

    def read_with_key(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        return super().read(db, ids, local_id)

    def values(self, ids: RecordIds, body: dict[str, Any], record: str) -> dict[str, Any]:
        values = super().values(ids, body, record)
        if values.get("kind") != self.own_kind:
            raise rejected(record, f"a {self.kind.value} record must hold a certificate of kind {self.own_kind}")
        return values

    def insert(self, db: sqlite_utils.Database, ids: RecordIds, body: dict[str, Any], record: str) -> int:
        return super().insert(db, ids, {"key_pem": "", **body}, record)


CA_CERTIFICATE = CertificateCodec(K.CA_CERTIFICATE, "ca")
CERTIFICATE = CertificateCodec(K.CERTIFICATE, "user")


class TemplateCodec(TableCodec):
    """A published checklist version: immutable; the same code and version made from the same
    built-in file on both sides is one entity (adopted when the checklist is the same)."""

    def local_ids(self, db: sqlite_utils.Database, where: str = "", params: list[Any] | None = None) -> list[int]:
        condition = "status = 'published'" + (f" AND ({where})" if where else "")
        return super().local_ids(db, condition, params)

    def adopt(self, db: sqlite_utils.Database, values: dict[str, Any]) -> int | None:
        row = db.execute("SELECT id, body FROM template_versions WHERE code = ? AND version = ?",
                         [values.get("code"), values.get("version")]).fetchone()
        if row is None:
            return None
        if row[1] != values.get("body"):
            raise rejected(f"template_version {values.get('code')} v{values.get('version')}",
                           "this data folder holds another checklist under the same code and version")
        return int(row[0])


TEMPLATE_VERSION = TemplateCodec(K.TEMPLATE_VERSION, "template_versions", (
    C("code"), C("version"), C("status"), C("effective_month"), C("title_zh"), C("title_en"), C("category"),
    C("subject"), C("item_count"), C("body"), C("builtin"), C("created_at"), C("published_at"),
    C("published_by", K.USER),
))
