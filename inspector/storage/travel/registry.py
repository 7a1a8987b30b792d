"""Codecs of what the quality office owns: the registry, the accounts, certificates, published
checklist versions. Registry rows and accounts change (a new head of a unit, an account switched
off): each change travels as a new revision of the same entity."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlite_utils

from inspector.domain.records import RecordKind as K
from inspector.domain.registry import RegistryKind
from inspector.storage import registry_repo
from inspector.storage.travel.codec import Column as C
from inspector.storage.travel.codec import TableCodec, children, rejected, scalar
from inspector.storage.travel.ids import RecordIds

class RegistryCodec(TableCodec):
    """A registry row with its service history (``periods``: the stretches in service, each with
    its unit, first and last day; a unit's own stretches name no unit). A body from a version
    before the history (no ``periods``) gets one stretch from its row, as migration 0013 did."""

    def __init__(self, kind: K, registry: RegistryKind, columns: tuple[C, ...], natural: tuple[str, ...]) -> None:
        service = (C("active_from", optional=True), C("retired_on", optional=True))
        super().__init__(kind, registry.value, columns + service, natural=natural, mutable=True)
        self.registry = registry

    def read_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int) -> dict[str, Any]:
        stretches = []
        for period in registry_repo.periods(db, self.registry, local_id):
            entry: dict[str, Any] = {"since": period.since.isoformat() if period.since else None,
                                     "until": period.until.isoformat() if period.until else None}
            if self.registry is not RegistryKind.UNITS:
                entry["unit"] = ids.gid(K.UNIT, period.unit_id)
            stretches.append(entry)
        return {"periods": stretches}

    def write_children(self, db: sqlite_utils.Database, ids: RecordIds, local_id: int, body: dict[str, Any],
                       record: str, *, new: bool) -> None:
        if "periods" not in body:
            if new:
                row = db.execute(f"SELECT {'id' if self.registry is RegistryKind.UNITS else 'unit_id'}, active_from,"
                                 f" retired_on FROM {self.table} WHERE id = ?", [local_id]).fetchone()
                registry_repo.replace_periods(db, self.registry, local_id, [(row[0], row[1], row[2])])
            return
        stretches: list[tuple[int, str | None, str | None]] = []
        for entry in children(body, "periods", record):
            since, until = scalar(entry, "since", record), scalar(entry, "until", record)
            for day in (since, until):
                if day is not None and not _is_day(day):
                    raise rejected(record, f"a period's day {day!r} is not a date like 2026-12-06")
            if since is not None and until is not None and since > until:
                raise rejected(record, f"a period ends ({until}) before it begins ({since})")
            unit = local_id if self.registry is RegistryKind.UNITS else \
                ids.require(K.UNIT, scalar(entry, "unit", record), record=record)
            stretches.append((unit, since, until))
        registry_repo.replace_periods(db, self.registry, local_id, stretches)


def _is_day(value: Any) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


UNIT = RegistryCodec(K.UNIT, RegistryKind.UNITS, (
    C("code"), C("name"), C("kind"), C("head_name"), C("head_phone"), C("active"), C("created_at"), C("updated_at"),
), natural=("code",))

STAFF = RegistryCodec(K.STAFF, RegistryKind.STAFF, (
    C("staff_no"), C("name"), C("role"), C("unit_id", K.UNIT), C("phone"), C("active"), C("created_at"),
    C("updated_at"),
), natural=("staff_no",))

VEHICLE = RegistryCodec(K.VEHICLE, RegistryKind.VEHICLES, (
    C("plate"), C("fleet_no"), C("route"), C("unit_id", K.UNIT), C("model"), C("active"), C("created_at"),
    C("updated_at"),
), natural=("plate",))

LOCATION = RegistryCodec(K.LOCATION, RegistryKind.LOCATIONS, (
    C("code"), C("name"), C("unit_id", K.UNIT), C("responsible_staff_id", K.STAFF), C("area"), C("active"),
    C("created_at"), C("updated_at"),
), natural=("code",))

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
