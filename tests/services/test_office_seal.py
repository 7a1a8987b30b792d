"""The office seal (检查专用章) that signs covert notices (issue #12.2): the quality-office member
who made a covert visit issues and signs its notice, and the PAdES signature names no person —
not in the certificate pyHanko reads, not in pdfsig's report, not in the file's bytes, not in the
signed copies listed beside the notice. Who may make the seal, share it and apply it, and the
seal key following a password change."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from inspector.context import AppContext
from inspector.domain.errors import AuthenticationFailed, Conflict, InspectorError, PermissionDenied
from inspector.domain.inspections import InspectionMode
from inspector.domain.signatures import seal_common_name
from inspector.domain.users import Role, User
from tests.conftest import PASSWORD
from tests.notice_world import NoticeWorld, completed_inspection, make_world
from tests.pdf import decompressed
from tests.signing import needs_pdfsig, pdfsig

NEW_PASSWORD = "fresh-pass-9"
INSPECTOR = "王芳"  # the quality-office member who makes the covert visit, issues and signs


@pytest.fixture
def office(context: AppContext, admin: User, users: dict[Role, User]) -> User:
    """The CA holder, a quality-office member named 王芳 with her own personal certificate too."""
    wangfang, _ = context.users.create(admin, username="wangfang", display_name=INSPECTOR,
                                       role=Role.QUALITY_OFFICE, password=PASSWORD)
    context.certificates.init_ca(wangfang, PASSWORD)
    context.certificates.issue(wangfang, PASSWORD, "wangfang", PASSWORD)
    return wangfang


@pytest.fixture
def world(context: AppContext, users: dict[Role, User], office: User, tmp_path: Path) -> NoticeWorld:
    made = make_world(context, {**users, Role.QUALITY_OFFICE: office}, tmp_path)
    made.sup = office  # she makes the covert visit herself
    return made


def _notice(context: AppContext, world: NoticeWorld, mode: InspectionMode = InspectionMode.COVERT, seed: int = 1):
    inspection = completed_inspection(context, world, mode=mode, seed=seed)
    draft = context.notices.drafts(world.office, inspection.id, every_open=True)[0]
    return context.notices.issue(world.office, draft)[0]


def _signer_subject(pdf: bytes) -> dict[str, str]:
    [signature] = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    return dict(signature.signer_cert.subject.native)


def test_the_covert_inspector_signs_and_the_signature_names_no_person(
    context: AppContext, world: NoticeWorld, office: User, tmp_path: Path
) -> None:
    context.certificates.init_seal(office, PASSWORD)
    notice = _notice(context, world)
    identity = context.notice_files.signing_identity(office, notice.id)
    organisation = context.settings.get().organisation_name
    assert identity.seal and identity.common_name == seal_common_name(organisation) == f"{organisation} 检查专用章"
    path, _ = context.notice_files.sign(office, notice.id, PASSWORD)
    signed = path.read_bytes()

    subject = _signer_subject(signed)
    assert subject == {"common_name": f"{organisation} 检查专用章", "organization_name": organisation}
    assert "user_id" not in subject  # no personal UID
    [signature] = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    embedded = {choice.chosen.subject.native["common_name"] for choice in signature.signed_data["certificates"]}
    assert embedded == {f"{organisation} 检查专用章", f"{organisation} CA"}  # her personal one is not in it
    inflated = decompressed(signed)
    for name in (INSPECTOR, "wangfang"):
        for encoded in (name.encode("utf-8"), name.encode("utf-16-be")):
            assert encoded not in signed and encoded not in inflated, name

    check = context.certificates.verify(signed)
    assert check.ok() and check.signer_name == identity.common_name and check.signer_username == ""
    [copy] = context.notice_files.signed_copies(office, notice.id)
    assert (copy["signer_name"], copy["signer_id"]) == (identity.common_name, None)


@needs_pdfsig
def test_pdfsig_reads_the_seal_and_no_person(context: AppContext, world: NoticeWorld, office: User) -> None:
    context.certificates.init_seal(office, PASSWORD)
    notice = _notice(context, world)
    path, _ = context.notice_files.sign(office, notice.id, PASSWORD)
    report = pdfsig(path)
    organisation = context.settings.get().organisation_name
    assert f"Signer Certificate Common Name: {organisation} 检查专用章" in report
    assert "Signature is Valid." in report and "Total document signed" in report
    assert INSPECTOR not in report and "wangfang" not in report and "UID=" not in report


def test_an_onsite_notice_keeps_the_personal_certificate(context: AppContext, world: NoticeWorld,
                                                          office: User) -> None:
    context.certificates.init_seal(office, PASSWORD)
    notice = _notice(context, world, mode=InspectionMode.ONSITE)
    assert not context.notice_files.signing_identity(office, notice.id).seal
    path, _ = context.notice_files.sign(office, notice.id, PASSWORD)
    assert _signer_subject(path.read_bytes())["user_id"] == "wangfang"


def test_a_covert_notice_is_never_signed_with_a_personal_certificate(
    context: AppContext, world: NoticeWorld, office: User, users: dict[Role, User]
) -> None:
    notice = _notice(context, world)
    copies = lambda: context.db.execute("SELECT count(*) FROM notice_signatures").fetchone()[0]  # noqa: E731
    with pytest.raises(InspectorError) as raised:  # no seal yet: her personal certificate is NOT the fallback
        context.notice_files.sign(office, notice.id, PASSWORD)
    assert raised.value.code == "no_seal"
    context.certificates.init_seal(office, PASSWORD)
    manager = users[Role.MANAGER]
    context.certificates.issue(office, PASSWORD, manager.username, PASSWORD)
    with pytest.raises(PermissionDenied) as raised:  # a manager signs notices, but not with the office seal
        context.notice_files.sign(manager, notice.id, PASSWORD)
    assert raised.value.code == "seal_for_quality_office"
    colleague = users[Role.QUALITY_OFFICE]
    with pytest.raises(InspectorError) as raised:
        context.notice_files.sign(colleague, notice.id, PASSWORD)
    assert raised.value.code == "no_seal_key"
    assert copies() == 0


def test_only_the_ca_holder_makes_and_shares_the_seal(context: AppContext, world: NoticeWorld, office: User,
                                                      users: dict[Role, User]) -> None:
    colleague, supervisor = users[Role.QUALITY_OFFICE], users[Role.SUPERVISOR]
    with pytest.raises(InspectorError) as raised:
        context.certificates.grant_seal(office, PASSWORD, colleague.username, PASSWORD)
    assert raised.value.code == "no_seal"
    with pytest.raises(PermissionDenied) as raised:
        context.certificates.init_seal(colleague, PASSWORD)
    assert raised.value.code == "not_ca_holder"
    with pytest.raises(AuthenticationFailed):
        context.certificates.init_seal(office, "wrong-password")
    assert context.certificates.seal_certificate() is None
    context.certificates.init_seal(office, PASSWORD)
    with pytest.raises(Conflict) as raised:
        context.certificates.init_seal(office, PASSWORD)
    assert raised.value.code == "seal_exists"
    with pytest.raises(PermissionDenied) as raised:  # supervisors never hold the seal
        context.certificates.grant_seal(office, PASSWORD, supervisor.username, PASSWORD)
    assert raised.value.code == "seal_for_quality_office"
    with pytest.raises(AuthenticationFailed):  # the member types their own password
        context.certificates.grant_seal(office, PASSWORD, colleague.username, "not-their-password")
    context.certificates.grant_seal(office, PASSWORD, colleague.username, PASSWORD)
    assert [user.username for user in context.certificates.seal_holders()] == ["wangfang", colleague.username]
    notice = _notice(context, world)
    path, _ = context.notice_files.sign(colleague, notice.id, PASSWORD)  # with her own password
    assert "user_id" not in _signer_subject(path.read_bytes())
    with pytest.raises(AuthenticationFailed):
        context.notice_files.sign(colleague, notice.id, "wrong-password")


def test_the_seal_key_follows_a_password_change(context: AppContext, world: NoticeWorld, office: User,
                                                users: dict[Role, User]) -> None:
    colleague = users[Role.QUALITY_OFFICE]
    context.certificates.init_seal(office, PASSWORD)
    context.certificates.grant_seal(office, PASSWORD, colleague.username, PASSWORD)
    context.users.change_password(colleague, colleague.id, NEW_PASSWORD, current_password=PASSWORD)
    notice = _notice(context, world)
    context.notice_files.sign(colleague, notice.id, NEW_PASSWORD)
    actions = [row[0] for row in context.db.execute(
        "SELECT action FROM audit_log WHERE action LIKE 'certificate.%seal%' ORDER BY id").fetchall()]
    assert actions == ["certificate.init_seal", "certificate.grant_seal", "certificate.rekey_seal"]
    entries = " ".join(row[0] for row in context.db.execute(
        "SELECT before || after FROM audit_log WHERE action LIKE 'certificate.%'").fetchall())
    assert "PRIVATE" not in entries and "BEGIN" not in entries


def test_the_shown_notice_lists_its_sealed_copy_under_the_seal(context: AppContext, world: NoticeWorld,
                                                               office: User, users: dict[Role, User]) -> None:
    context.certificates.init_seal(office, PASSWORD)
    notice = _notice(context, world)
    context.notice_files.sign(office, notice.id, PASSWORD)
    for viewer in (office, users[Role.MANAGER]):
        listed = json.dumps(context.notice_files.signed_copies(viewer, notice.id), ensure_ascii=False)
        assert INSPECTOR not in listed and "wangfang" not in listed
