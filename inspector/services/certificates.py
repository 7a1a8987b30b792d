"""The quality office's local CA, the users' signing certificates, signing and verifying PDFs.

Who may do what:
- ``init_ca``: a user who may issue notices (the quality office) makes the one CA of this data
  folder; its key is encrypted with that user's login password, so they are the *CA holder*.
- ``issue``: only the CA holder, with their password, gives a user a key + certificate; the key
  is encrypted with the user's own login password (typed by the user), and replaces (revokes)
  the user's older certificate.
- ``init_seal``: the CA holder, with their password, makes the *office seal* (检查专用章): an
  organisation certificate from the CA whose CN is "<organisation> 检查专用章", naming no person.
  The holder gets the first copy of its key.
- ``grant_seal``: the CA holder gives a quality-office member their own copy of the seal key,
  encrypted with that member's login password (typed by the member, as for ``issue``).
- ``sign``: a user who may sign notices, with their password. A covert notice (``seal=True``) is
  signed with the office seal and nothing else — the person signing may have made the visit, and
  a personal certificate's CN and UID would name them. Only quality-office members with a copy
  of the seal key can sign one; their personal certificate is never used for it.
- ``verify``: anyone; the trust roots are the given CA files plus this folder's CA.

Why one copy of the seal key per member rather than one key under the CA holder's password: a
covert notice is issued by whichever member of the office made or followed up the visit, often
not the CA holder, and a shared password would be a secret nobody can change alone. Each copy is
unlocked by its member's own password, re-encrypted when they change it (``rekey``), and useless
once they leave the quality office (``sign`` checks the role first).

Changing one's own password re-encrypts one's keys (``rekey``, which the context subscribes to
``UserService.when_own_password_changes``). An administrator's password *reset* cannot (the old
password is unknown): ``sign`` then says the key is locked and the quality office issues a new
certificate.

The CA certificate is kept exported at ``<data>/certs/inspector-ca.pem`` for anyone who verifies.
Audit entries name certificates by subject and serial, never key material.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import (
    AuthenticationFailed,
    Conflict,
    InspectorError,
    NotFound,
    PermissionDenied,
)
from inspector.domain.signatures import IssuedCertificate, SignatureCheck, SigningIdentity, seal_common_name
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.settings import SettingsService
from inspector.services.users import UserService
from inspector.storage import certificates_repo, users_repo
from inspector.storage.certificates_repo import StoredCertificate, StoredSeal
from inspector.storage.files import write_atomic

CA_FILE_NAME = "inspector-ca.pem"
AUDIT_ENTITY = "certificate"


# The signing modules are imported on first use: pyHanko (with aiohttp and asyncio) costs a third
# of a second to import and cryptography a twentieth, which starting the app or a CLI command that
# neither signs nor verifies should not pay.
def _pades() -> ModuleType:
    from inspector.signing import pades

    return pades


def _pki() -> ModuleType:
    from inspector.signing import pki

    return pki


def read_trust_roots(paths: Sequence[Path]) -> list[bytes]:
    """The certificates in each PEM file (``file_missing`` / ``certificate_unreadable`` name the file)."""
    roots: list[bytes] = []
    for path in paths:
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InspectorError("file_missing", file=str(path)) from None
        except OSError as error:
            raise InspectorError("file_unreadable", file=str(path), reason=error.strerror or str(error)) from None
        try:
            roots += _pki().read_pem_certificates(data)
        except InspectorError:
            raise InspectorError("certificate_file_unreadable", file=str(path)) from None
    return roots


def read_pdf_to_verify(path: Path) -> bytes:
    """The bytes of the PDF someone asked to verify: ``file_missing``, ``pdf_is_folder`` or
    ``file_unreadable`` (coded errors, never an ``OSError``) when it cannot be read."""
    path = Path(path)
    if path.is_dir():
        raise InspectorError("pdf_is_folder", file=str(path))
    if not path.exists():
        raise InspectorError("file_missing", file=str(path))
    try:
        return path.read_bytes()
    except OSError as error:
        raise InspectorError("file_unreadable", file=str(path), reason=error.strerror or str(error)) from None


def verify_document(pdf: bytes, trust: Sequence[Path] = ()) -> SignatureCheck:
    """Check a signed PDF against the CA files ``trust`` alone (no data folder needed)."""
    return _pades().verify_pdf(pdf, read_trust_roots(trust))


def _issued(stored: StoredCertificate) -> IssuedCertificate:
    return IssuedCertificate(
        id=stored.id, kind=stored.kind, user_id=stored.user_id, subject=stored.subject, serial=stored.serial,
        not_before=datetime.fromisoformat(stored.not_before), not_after=datetime.fromisoformat(stored.not_after),
        issued_at=datetime.fromisoformat(stored.issued_at), issued_by=stored.issued_by, revoked=stored.revoked,
    )


def _issued_seal(stored: StoredSeal) -> IssuedCertificate:
    return IssuedCertificate(
        id=stored.id, kind="seal", user_id=None, subject=stored.subject, serial=stored.serial,
        not_before=datetime.fromisoformat(stored.not_before), not_after=datetime.fromisoformat(stored.not_after),
        issued_at=datetime.fromisoformat(stored.issued_at), issued_by=stored.issued_by, revoked=stored.revoked,
    )


def _facts(cert_pem: bytes) -> dict[str, str]:
    info = _pki().certificate_info(cert_pem)
    return {"subject": info.subject, "serial": info.serial, "not_before": info.not_before.isoformat(),
            "not_after": info.not_after.isoformat()}


class CertificateService:
    def __init__(self, ctx: ServiceContext, users: UserService) -> None:
        self.ctx = ctx
        self.users = users  # sign-in checks the password that unlocks a key

    # --- reading -------------------------------------------------------------------------
    def has_ca(self) -> bool:
        return certificates_repo.ca(self.ctx.db) is not None

    def ca_certificate_pem(self) -> bytes | None:
        stored = certificates_repo.ca(self.ctx.db)
        return stored.cert_pem if stored else None

    def ca_certificate(self) -> IssuedCertificate | None:
        stored = certificates_repo.ca(self.ctx.db)
        return _issued(stored) if stored else None

    def ca_holder(self) -> User | None:
        stored = certificates_repo.ca(self.ctx.db)
        return users_repo.get(self.ctx.db, stored.user_id) if stored and stored.user_id else None

    def ca_certificate_path(self) -> Path:
        """The exported CA certificate, written again if it is missing or differs (``no_ca`` without a CA)."""
        pem = self.ca_certificate_pem()
        if pem is None:
            raise InspectorError("no_ca")
        path = self.ctx.paths.certs / CA_FILE_NAME
        if not path.is_file() or path.read_bytes() != pem:
            write_atomic(path, pem)
        return path

    def export_ca(self, target: Path) -> Path:
        """Write the CA certificate (PEM) to ``target`` for someone who verifies notices elsewhere."""
        pem = self.ca_certificate_pem()
        if pem is None:
            raise InspectorError("no_ca")
        try:
            write_atomic(Path(target), pem)
        except OSError as error:
            raise InspectorError("file_unwritable", file=str(target), reason=error.strerror or str(error)) from None
        return Path(target)

    def certificate_of(self, user_id: int) -> IssuedCertificate | None:
        """The user's certificate in force (None if they have none)."""
        stored = certificates_repo.current_for_user(self.ctx.db, user_id)
        return _issued(stored) if stored else None

    # --- the CA and issuing ------------------------------------------------------------------
    def _check_password(self, user: User, password: str) -> None:
        """Raise ``auth_failed`` unless ``password`` is ``user``'s login password."""
        if self.users.authenticate(user.username, password).id != user.id:
            raise AuthenticationFailed(user=user.username)

    def init_ca(self, actor: User, password: str) -> ChangeSet:
        """Make this data folder's CA; ``actor`` becomes its holder (their password encrypts its key)."""
        require(actor, Permission.ISSUE_NOTICES)
        self._check_password(actor, password)
        existing = certificates_repo.ca(self.ctx.db)
        if existing is not None:
            holder = users_repo.get(self.ctx.db, existing.user_id) if existing.user_id else None
            raise Conflict("ca_exists", holder=holder.username if holder else "?")
        organisation = SettingsService(self.ctx).get().organisation_name
        cert_pem, key_pem = _pki().make_ca(f"{organisation} CA", organisation, password)
        facts = _facts(cert_pem)
        with self.ctx.mutation():
            ca_id = certificates_repo.insert(
                self.ctx.db, kind="ca", user_id=actor.id, subject=facts["subject"], serial=facts["serial"],
                cert_pem=cert_pem, key_pem=key_pem, not_before=facts["not_before"], not_after=facts["not_after"],
                issued_at=self.ctx.now_text(), issued_by=actor.id,
            )
            self.ctx.record(actor, "certificate.init_ca", AUDIT_ENTITY, ca_id, after=facts)
        self.ca_certificate_path()
        return ChangeSet.of(Entity.USER, actor.id)

    def issue(self, actor: User, actor_password: str, username: str, user_password: str) -> ChangeSet:
        """Give ``username`` a signing key + certificate; their older certificate is revoked."""
        ca = self._holder_check(actor, actor_password)
        target = users_repo.by_username(self.ctx.db, username.strip())
        if target is None:
            raise NotFound(entity="user", key=username)
        if not target.active:
            raise Conflict("user_inactive", user=target.username)
        self._check_password(target, user_password)
        organisation = SettingsService(self.ctx).get().organisation_name
        cert_pem, key_pem = _pki().issue_certificate(
            ca.cert_pem, ca.key_pem, actor_password, common_name=target.display_name, username=target.username,
            organisation=organisation, password=user_password,
        )
        facts = _facts(cert_pem)
        with self.ctx.mutation():
            replaced = certificates_repo.revoke_for_user(self.ctx.db, target.id)
            certificate_id = certificates_repo.insert(
                self.ctx.db, kind="user", user_id=target.id, subject=facts["subject"], serial=facts["serial"],
                cert_pem=cert_pem, key_pem=key_pem, not_before=facts["not_before"], not_after=facts["not_after"],
                issued_at=self.ctx.now_text(), issued_by=actor.id,
            )
            self.ctx.record(actor, "certificate.issue", AUDIT_ENTITY, certificate_id,
                            after={**facts, "user": target.username, "replaces": replaced})
        return ChangeSet.of(Entity.USER, target.id)

    # --- the office seal ---------------------------------------------------------------------
    def seal_certificate(self) -> IssuedCertificate | None:
        """The office seal in force (None until the CA holder makes it)."""
        stored = certificates_repo.seal(self.ctx.db)
        return _issued_seal(stored) if stored else None

    def seal_holders(self) -> list[User]:
        """The users who hold a copy of the seal key."""
        stored = certificates_repo.seal(self.ctx.db)
        if stored is None:
            return []
        found = (users_repo.get(self.ctx.db, user_id) for user_id in certificates_repo.seal_holders(self.ctx.db, stored.id))
        return [user for user in found if user is not None]

    def _holder_check(self, actor: User, password: str) -> StoredCertificate:
        """The CA, once ``actor`` is its holder and ``password`` theirs (what making or sharing the seal needs)."""
        require(actor, Permission.ISSUE_NOTICES)
        ca = certificates_repo.ca(self.ctx.db)
        if ca is None:
            raise InspectorError("no_ca")
        if ca.user_id != actor.id:
            holder = users_repo.get(self.ctx.db, ca.user_id) if ca.user_id else None
            raise PermissionDenied("not_ca_holder", user=actor.username, holder=holder.username if holder else "?")
        self._check_password(actor, password)
        return ca

    def init_seal(self, actor: User, password: str) -> ChangeSet:
        """Make the office seal certificate (the CA holder); ``actor`` holds the first copy of its key.
        Refused while a seal is in force; an expired one is revoked and replaced (copies are then
        granted again)."""
        ca = self._holder_check(actor, password)
        existing = certificates_repo.seal(self.ctx.db)
        if existing is not None and datetime.fromisoformat(existing.not_after) > datetime.now(UTC):
            raise Conflict("seal_exists")  # one seal in force; an expired one is replaced below
        organisation = SettingsService(self.ctx).get().organisation_name
        cert_pem, key_pem = _pki().issue_seal_certificate(
            ca.cert_pem, ca.key_pem, password, common_name=seal_common_name(organisation), organisation=organisation,
            password=password)
        facts = _facts(cert_pem)
        now = self.ctx.now_text()
        with self.ctx.mutation():
            replaced = certificates_repo.revoke_seals(self.ctx.db)
            seal_id = certificates_repo.insert_seal(
                self.ctx.db, subject=facts["subject"], serial=facts["serial"], cert_pem=cert_pem,
                not_before=facts["not_before"], not_after=facts["not_after"], issued_at=now, issued_by=actor.id)
            certificates_repo.put_seal_key(self.ctx.db, seal_id=seal_id, user_id=actor.id, key_pem=key_pem,
                                           granted_at=now, granted_by=actor.id)
            self.ctx.record(actor, "certificate.init_seal", AUDIT_ENTITY, seal_id,
                            after={**facts, "holder": actor.username, "replaces": replaced})
        return ChangeSet.of(Entity.USER, actor.id)

    def grant_seal(self, actor: User, actor_password: str, username: str, user_password: str) -> ChangeSet:
        """Give quality-office member ``username`` their copy of the seal key, locked by their own password."""
        self._holder_check(actor, actor_password)
        seal = certificates_repo.seal(self.ctx.db)
        if seal is None:
            raise InspectorError("no_seal")
        target = users_repo.by_username(self.ctx.db, username.strip())
        if target is None:
            raise NotFound(entity="user", key=username)
        if not target.active:
            raise Conflict("user_inactive", user=target.username)
        if not target.can(Permission.ISSUE_NOTICES):
            raise PermissionDenied("seal_for_quality_office", user=target.username, role=target.role.value)
        self._check_password(target, user_password)
        own = certificates_repo.seal_key(self.ctx.db, seal.id, actor.id)
        if own is None:
            raise InspectorError("no_seal_key", user=actor.username)
        try:
            key_pem = _pki().reencrypt_key(own, actor_password, user_password)
        except InspectorError:
            raise InspectorError("seal_key_locked", user=actor.username) from None
        with self.ctx.mutation():
            certificates_repo.put_seal_key(self.ctx.db, seal_id=seal.id, user_id=target.id, key_pem=key_pem,
                                           granted_at=self.ctx.now_text(), granted_by=actor.id)
            self.ctx.record(actor, "certificate.grant_seal", AUDIT_ENTITY, seal.id,
                            after={"subject": seal.subject, "serial": seal.serial, "user": target.username})
        return ChangeSet.of(Entity.USER, target.id)

    def rekey(self, user: User, old_password: str, new_password: str) -> None:
        """Re-encrypt ``user``'s signing key (and the CA key if they hold it) under their new
        password. Called (through ``UserService.when_own_password_changes``) inside the password
        change's transaction. A key that the old password does not open (locked since an
        administrator's reset) stays as it is."""
        keys = [certificates_repo.current_for_user(self.ctx.db, user.id)]
        ca = certificates_repo.ca(self.ctx.db)
        if ca is not None and ca.user_id == user.id:
            keys.append(ca)
        with self.ctx.mutation():
            for stored in keys:
                if stored is None:
                    continue
                try:
                    key_pem = _pki().reencrypt_key(stored.key_pem, old_password, new_password)
                except InspectorError:
                    continue
                certificates_repo.set_key(self.ctx.db, stored.id, key_pem)
                self.ctx.record(user, "certificate.rekey", AUDIT_ENTITY, stored.id,
                                after={"subject": stored.subject, "serial": stored.serial})
            seal = certificates_repo.seal(self.ctx.db)
            copy = certificates_repo.seal_key(self.ctx.db, seal.id, user.id) if seal is not None else None
            if seal is not None and copy is not None:
                try:
                    key_pem = _pki().reencrypt_key(copy, old_password, new_password)
                except InspectorError:
                    return  # locked since an administrator's reset: the CA holder grants it again
                certificates_repo.set_seal_key(self.ctx.db, seal.id, user.id, key_pem)
                self.ctx.record(user, "certificate.rekey_seal", AUDIT_ENTITY, seal.id,
                                after={"subject": seal.subject, "serial": seal.serial})

    # --- signing and verifying -----------------------------------------------------------------
    def identity(self, actor: User, *, seal: bool) -> SigningIdentity:
        """Whose certificate ``sign`` would put on the document (said on screen before the password)."""
        if seal:
            stored = certificates_repo.seal(self.ctx.db)
            name = (_pki().certificate_info(stored.cert_pem).common_name if stored is not None
                    else seal_common_name(SettingsService(self.ctx).get().organisation_name))
            holders = tuple(user.display_name for user in self.seal_holders())
            return SigningIdentity(seal=True, common_name=name, holders=holders)
        return SigningIdentity(seal=False, common_name=actor.display_name)

    def sign(self, actor: User, password: str, pdf: bytes, *, reason: str, location: str = "",
             seal: bool = False) -> bytes:
        """``pdf`` with a PAdES signature appended (in the next free ``SignatureN`` field): the
        actor's own certificate, or with ``seal`` (a covert notice) the office seal — never both,
        and never the personal one for a covert notice."""
        require(actor, Permission.SIGN_NOTICES)
        if seal:
            return self._sign_with_seal(actor, password, pdf, reason=reason, location=location)
        stored = certificates_repo.current_for_user(self.ctx.db, actor.id)
        ca = certificates_repo.ca(self.ctx.db)
        if stored is None or ca is None:
            raise InspectorError("no_certificate", user=actor.username)
        if datetime.fromisoformat(stored.not_after) <= datetime.now(UTC):
            raise InspectorError("certificate_expired", user=actor.username, not_after=stored.not_after[:10])
        try:
            return _pades().sign_pdf(pdf, cert_pem=stored.cert_pem, key_pem=stored.key_pem, password=password,
                                  ca_cert_pem=ca.cert_pem, reason=reason, location=location,
                                  field_name=_pades().free_field_name(pdf))
        except InspectorError as error:
            if error.code != "certificate_password_wrong":
                raise
            self._check_password(actor, password)  # a wrong password says so…
            raise InspectorError("certificate_key_locked", user=actor.username) from None  # …else the key is stale

    def _sign_with_seal(self, actor: User, password: str, pdf: bytes, *, reason: str, location: str) -> bytes:
        if not actor.can(Permission.ISSUE_NOTICES):
            raise PermissionDenied("seal_for_quality_office", user=actor.username, role=actor.role.value)
        seal = certificates_repo.seal(self.ctx.db)
        ca = certificates_repo.ca(self.ctx.db)
        if seal is None or ca is None:
            raise InspectorError("no_seal")
        key_pem = certificates_repo.seal_key(self.ctx.db, seal.id, actor.id)
        if key_pem is None:
            raise InspectorError("no_seal_key", user=actor.username)
        if datetime.fromisoformat(seal.not_after) <= datetime.now(UTC):
            raise InspectorError("seal_expired", not_after=seal.not_after[:10])
        try:
            return _pades().sign_pdf(pdf, cert_pem=seal.cert_pem, key_pem=key_pem, password=password,
                                  ca_cert_pem=ca.cert_pem, reason=reason, location=location,
                                  field_name=_pades().free_field_name(pdf))
        except InspectorError as error:
            if error.code != "certificate_password_wrong":
                raise
            self._check_password(actor, password)  # a wrong password says so…
            raise InspectorError("seal_key_locked", user=actor.username) from None  # …else their copy is stale

    def verify(self, pdf: bytes, trust: Sequence[Path] = (), *, local_ca: bool = True) -> SignatureCheck:
        """Check a signed PDF; trust roots are the PEM files ``trust`` plus (``local_ca``) this folder's CA."""
        roots = read_trust_roots(trust)
        own = self.ca_certificate_pem() if local_ca else None
        return _pades().verify_pdf(pdf, roots + ([own] if own else []))

    def verify_file(self, path: Path, trust: Sequence[Path] = (), *, local_ca: bool = True) -> SignatureCheck:
        """``verify`` of the PDF at ``path`` (coded errors for a missing file or a folder)."""
        return self.verify(read_pdf_to_verify(path), trust, local_ca=local_ca)
