"""CertificateService: who may make the CA and issue certificates, signing with one's own key,
keys following a password change, the exported CA file verifying, and no key in the audit trail."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.errors import (
    AuthenticationFailed,
    Conflict,
    InspectorError,
    NotFound,
    PermissionDenied,
)
from inspector.domain.users import Role, User
from inspector.services.certificates import CA_FILE_NAME, verify_document
from inspector.signing import pki
from tests.conftest import PASSWORD
from tests.signing import flip_signed_byte, notice_pdf

NEW_PASSWORD = "fresh-pass-9"


@pytest.fixture
def office(context: AppContext, users: dict[Role, User]) -> dict[Role, User]:
    """A CA held by the quality office (qo1) and a certificate for the manager (mgr1)."""
    context.certificates.init_ca(users[Role.QUALITY_OFFICE], PASSWORD)
    context.certificates.issue(users[Role.QUALITY_OFFICE], PASSWORD, "mgr1", PASSWORD)
    return users


def _rows(data_dir: Path) -> tuple[int, int]:
    conn = sqlite3.connect(str(data_dir / "inspector.db"))
    try:
        return (conn.execute("SELECT count(*) FROM certificates").fetchone()[0],
                # a wrong password is audited (#12.15); nothing else may be written
                conn.execute("SELECT count(*) FROM audit_log WHERE action != 'user.sign_in_failed'").fetchone()[0])
    finally:
        conn.close()


def test_the_quality_office_makes_the_one_ca(context: AppContext, users: dict[Role, User]) -> None:
    service = context.certificates
    assert not service.has_ca() and service.ca_certificate_pem() is None
    service.init_ca(users[Role.QUALITY_OFFICE], PASSWORD)
    assert service.has_ca()
    assert service.ca_holder() == users[Role.QUALITY_OFFICE]
    info = pki.certificate_info(service.ca_certificate_pem() or b"")
    assert info.is_ca and info.organisation == context.settings.get().organisation_name
    exported = context.paths.certs / CA_FILE_NAME
    assert service.ca_certificate_path() == exported
    assert exported.read_bytes() == service.ca_certificate_pem()
    with pytest.raises(Conflict) as raised:
        service.init_ca(users[Role.QUALITY_OFFICE], PASSWORD)
    assert raised.value.code == "ca_exists"


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.MANAGER, Role.ADMIN])
def test_other_roles_cannot_make_the_ca(context: AppContext, users: dict[Role, User], data_dir: Path,
                                        role: Role) -> None:
    before = _rows(data_dir)
    with pytest.raises(PermissionDenied):
        context.certificates.init_ca(users[role], PASSWORD)
    assert _rows(data_dir) == before
    assert not (context.paths.certs / CA_FILE_NAME).exists()


def test_making_the_ca_needs_the_holders_password(context: AppContext, users: dict[Role, User],
                                                  data_dir: Path) -> None:
    before = _rows(data_dir)
    with pytest.raises(AuthenticationFailed):
        context.certificates.init_ca(users[Role.QUALITY_OFFICE], "not-my-password")
    assert _rows(data_dir) == before


def test_only_the_ca_holder_issues(context: AppContext, office: dict[Role, User], admin: User,
                                   data_dir: Path) -> None:
    second_office, _ = context.users.create(admin, username="qo2", display_name="qo2", role=Role.QUALITY_OFFICE,
                                            password=PASSWORD)
    before = _rows(data_dir)
    with pytest.raises(PermissionDenied) as raised:
        context.certificates.issue(second_office, PASSWORD, "mgr1", PASSWORD)
    assert raised.value.code == "not_ca_holder" and raised.value.params["holder"] == "qo1"
    with pytest.raises(PermissionDenied):
        context.certificates.issue(office[Role.SUPERVISOR], PASSWORD, "mgr1", PASSWORD)
    with pytest.raises(AuthenticationFailed):  # the target's password must be their own login password
        context.certificates.issue(office[Role.QUALITY_OFFICE], PASSWORD, "mgr1", "guessed-password")
    with pytest.raises(AuthenticationFailed):
        context.certificates.issue(office[Role.QUALITY_OFFICE], "wrong-holder-pass", "mgr1", PASSWORD)
    with pytest.raises(NotFound):
        context.certificates.issue(office[Role.QUALITY_OFFICE], PASSWORD, "nobody", PASSWORD)
    assert _rows(data_dir) == before


def test_issuing_without_a_ca_or_to_a_switched_off_account(context: AppContext, users: dict[Role, User],
                                                           admin: User) -> None:
    with pytest.raises(InspectorError) as raised:
        context.certificates.issue(users[Role.QUALITY_OFFICE], PASSWORD, "mgr1", PASSWORD)
    assert raised.value.code == "no_ca"
    context.certificates.init_ca(users[Role.QUALITY_OFFICE], PASSWORD)
    manager = users[Role.MANAGER]
    context.users.update(admin, manager.id, display_name=manager.display_name, role=manager.role, active=False)
    with pytest.raises(Conflict) as raised:
        context.certificates.issue(users[Role.QUALITY_OFFICE], PASSWORD, "mgr1", PASSWORD)
    assert raised.value.code == "user_inactive"


def test_a_new_certificate_replaces_the_old(context: AppContext, office: dict[Role, User], data_dir: Path) -> None:
    manager = office[Role.MANAGER]
    first = context.certificates.certificate_of(manager.id)
    assert first is not None and "UID=mgr1" in first.subject and first.kind == "user"
    context.certificates.issue(office[Role.QUALITY_OFFICE], PASSWORD, "mgr1", PASSWORD)
    second = context.certificates.certificate_of(manager.id)
    assert second is not None and second.serial != first.serial
    conn = sqlite3.connect(str(data_dir / "inspector.db"))
    try:
        revoked = conn.execute("SELECT serial, revoked FROM certificates WHERE kind = 'user' ORDER BY id").fetchall()
    finally:
        conn.close()
    assert revoked == [(first.serial, 1), (second.serial, 0)]
    signed = context.certificates.sign(manager, PASSWORD, notice_pdf(), reason="签发")
    assert context.certificates.verify(signed).signer_username == "mgr1"


def test_signing_and_verifying(context: AppContext, office: dict[Role, User]) -> None:
    manager = office[Role.MANAGER]
    signed = context.certificates.sign(manager, PASSWORD, notice_pdf(), reason="签发整改通知单", location="一号总站")
    check = context.certificates.verify(signed)
    assert (check.intact, check.whole_document, check.trusted, check.signer_username) == (True, True, True, "mgr1")
    assert context.certificates.verify(signed, local_ca=False).trusted is None
    assert context.certificates.verify(flip_signed_byte(signed)).problem == "digest_mismatch"
    countersigned = context.certificates.sign(manager, PASSWORD, signed, reason="签收")
    assert context.certificates.verify(countersigned).signature_count == 2


def test_who_may_sign(context: AppContext, office: dict[Role, User]) -> None:
    with pytest.raises(PermissionDenied):
        context.certificates.sign(office[Role.SUPERVISOR], PASSWORD, notice_pdf(), reason="x")
    with pytest.raises(InspectorError) as raised:  # may sign, but has no certificate yet
        context.certificates.sign(office[Role.QUALITY_OFFICE], PASSWORD, notice_pdf(), reason="x")
    assert raised.value.code == "no_certificate" and raised.value.params["user"] == "qo1"
    with pytest.raises(AuthenticationFailed):
        context.certificates.sign(office[Role.MANAGER], "wrong-password", notice_pdf(), reason="x")


def test_changing_ones_password_rekeys_the_signing_key(context: AppContext, office: dict[Role, User]) -> None:
    manager = office[Role.MANAGER]
    context.users.change_password(manager, manager.id, NEW_PASSWORD, current_password=PASSWORD)
    signed = context.certificates.sign(manager, NEW_PASSWORD, notice_pdf(), reason="签发")
    assert context.certificates.verify(signed).ok()
    with pytest.raises(AuthenticationFailed):
        context.certificates.sign(manager, PASSWORD, notice_pdf(), reason="签发")


def test_the_ca_holder_keeps_the_ca_after_changing_password(context: AppContext, office: dict[Role, User]) -> None:
    holder = office[Role.QUALITY_OFFICE]
    context.users.change_password(holder, holder.id, NEW_PASSWORD, current_password=PASSWORD)
    context.certificates.issue(holder, NEW_PASSWORD, "qo1", NEW_PASSWORD)
    signed = context.certificates.sign(holder, NEW_PASSWORD, notice_pdf(), reason="签发")
    assert context.certificates.verify(signed).trusted is True


def test_after_an_admin_reset_the_key_is_locked_until_reissued(context: AppContext, office: dict[Role, User],
                                                                admin: User) -> None:
    manager = office[Role.MANAGER]
    context.users.change_password(admin, manager.id, NEW_PASSWORD)
    with pytest.raises(InspectorError) as raised:
        context.certificates.sign(manager, NEW_PASSWORD, notice_pdf(), reason="签发")
    assert raised.value.code == "certificate_key_locked"
    context.certificates.issue(office[Role.QUALITY_OFFICE], PASSWORD, "mgr1", NEW_PASSWORD)
    assert context.certificates.sign(manager, NEW_PASSWORD, notice_pdf(), reason="签发")


def test_the_exported_ca_file_verifies_without_the_data_folder(context: AppContext, office: dict[Role, User],
                                                               tmp_path: Path) -> None:
    signed = context.certificates.sign(office[Role.MANAGER], PASSWORD, notice_pdf(), reason="签发")
    exported = context.certificates.ca_certificate_path()
    exported.unlink()
    assert context.certificates.ca_certificate_path().is_file()  # written again when missing
    copy = context.certificates.export_ca(tmp_path / "office-ca.pem")
    check = verify_document(signed, [copy])
    assert check.trusted is True and check.ok()
    other_ca, _ = pki.make_ca("Other", "Other", PASSWORD)
    other = tmp_path / "other.pem"
    other.write_bytes(other_ca)
    assert verify_document(signed, [other]).problem == "untrusted_signer"
    assert context.certificates.verify(signed, [other], local_ca=False).trusted is False
    with pytest.raises(InspectorError) as raised:
        verify_document(signed, [tmp_path / "missing.pem"])
    assert raised.value.code == "file_missing"
    (tmp_path / "junk.pem").write_text("junk")
    with pytest.raises(InspectorError) as raised:
        verify_document(signed, [tmp_path / "junk.pem"])
    assert raised.value.code == "certificate_file_unreadable"


def test_every_change_is_audited_without_key_material(context: AppContext, office: dict[Role, User],
                                                      data_dir: Path) -> None:
    manager = office[Role.MANAGER]
    context.users.change_password(manager, manager.id, NEW_PASSWORD, current_password=PASSWORD)
    conn = sqlite3.connect(str(data_dir / "inspector.db"))
    try:
        entries = conn.execute(
            "SELECT actor, action, entity, before || after FROM audit_log WHERE action LIKE 'certificate.%'"
            " ORDER BY id").fetchall()
    finally:
        conn.close()
    assert [(actor, action) for actor, action, _, _ in entries] == [
        ("qo1", "certificate.init_ca"), ("qo1", "certificate.issue"), ("mgr1", "certificate.rekey")]
    assert all(entity == "certificate" for _, _, entity, _ in entries)
    assert not any("PRIVATE" in text or "BEGIN" in text for _, _, _, text in entries)
    assert context.integrity.check().ok  # the audit chain is unbroken
