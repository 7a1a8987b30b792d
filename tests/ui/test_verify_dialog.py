"""The "verify a notice" dialog: a green tick for a notice signed with this office's CA, red for
a changed one (and for a page drawn over between two signatures), amber for a signer from an
unknown CA until its certificate is trusted and for a forgery claiming an office user's name,
the plain sentences under the verdict and one row per signature."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from inspector.context import AppContext
from inspector.domain.users import Role, User
from inspector.words.signatures import Verdict
from inspector.signing import pades, pki
from inspector.ui.dialogs.verify_notice import VerifyNoticeDialog
from inspector.ui.uicontext import UiContext
from tests.conftest import PASSWORD
from tests.signing import flip_signed_byte, forge_signature, notice_pdf, overlay_page


@pytest.fixture
def ui(context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext]) -> UiContext:
    office = users[Role.QUALITY_OFFICE]
    context.certificates.init_ca(office, PASSWORD)
    context.certificates.issue(office, PASSWORD, "mgr1", PASSWORD)
    return sign_in(users[Role.SUPERVISOR])  # verifying needs no permission


@pytest.fixture
def signed(ui: UiContext, users: dict[Role, User], tmp_path: Path) -> Path:
    path = tmp_path / "notice.pdf"
    path.write_bytes(ui.app.certificates.sign(users[Role.MANAGER], PASSWORD, notice_pdf(), reason="签发"))
    return path


def _open(qtbot: QtBot, ui: UiContext, path: Path | None = None) -> VerifyNoticeDialog:
    dialog = VerifyNoticeDialog(ui, path)
    qtbot.addWidget(dialog)
    return dialog


def test_a_good_notice_gets_a_green_tick(qtbot: QtBot, ui: UiContext, signed: Path) -> None:
    dialog = _open(qtbot, ui, signed)
    assert dialog.level is Verdict.GOOD
    assert dialog.verdict.text().startswith("✓")
    assert "#1b7f3b" in dialog.verdict.styleSheet()
    assert "intact" in dialog.details.text()
    [row] = dialog.signature_rows
    assert row.text().startswith("✓ Signature 1 of 1: signed by mgr1 (account mgr1)") and "is confirmed" in row.text()
    assert dialog.pdf_path.text() == str(signed)


def test_a_changed_notice_gets_a_red_cross(qtbot: QtBot, ui: UiContext, signed: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(flip_signed_byte(signed.read_bytes()))
    dialog = _open(qtbot, ui)
    assert dialog.level is None and dialog.check is None
    monkeypatch.setattr(VerifyNoticeDialog, "choose_pdf", classmethod(lambda cls, parent: changed))
    dialog.pick_pdf()
    assert dialog.level is Verdict.BAD and dialog.verdict.text().startswith("✗")
    assert "changed after it was signed" in dialog.details.text()


def test_a_foreign_signer_is_amber_until_its_ca_is_trusted(qtbot: QtBot, ui: UiContext, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    ca_cert, ca_key = pki.make_ca("另一个单位 CA", "另一个单位", PASSWORD)
    cert, key = pki.issue_certificate(ca_cert, ca_key, PASSWORD, common_name="李四", username="lisi",
                                      organisation="另一个单位", password=PASSWORD)
    foreign = tmp_path / "foreign.pdf"
    foreign.write_bytes(pades.sign_pdf(notice_pdf(), cert_pem=cert, key_pem=key, password=PASSWORD,
                                       ca_cert_pem=ca_cert))
    ca_file = tmp_path / "foreign-ca.pem"
    ca_file.write_bytes(ca_cert)
    dialog = _open(qtbot, ui, foreign)
    assert dialog.level is Verdict.DOUBTFUL and dialog.verdict.text().startswith("⚠ Signer not confirmed")
    assert "not confirmed" in dialog.signature_rows[0].text()
    monkeypatch.setattr(VerifyNoticeDialog, "choose_trust", classmethod(lambda cls, parent: ca_file))
    dialog.pick_trust()
    assert dialog.level is Verdict.GOOD and "李四" in dialog.signature_rows[0].text()
    assert dialog.clear_trust.isEnabled()
    dialog.clear_trust.click()
    assert dialog.level is Verdict.DOUBTFUL and dialog.trust_path.text() == ""


def test_a_missing_file_is_explained(qtbot: QtBot, ui: UiContext, tmp_path: Path) -> None:
    dialog = _open(qtbot, ui, tmp_path / "gone.pdf")
    assert dialog.level is Verdict.BAD and "gone.pdf" in dialog.verdict.text()
    assert dialog.check is None


def test_a_forged_signer_is_amber_and_only_claimed(qtbot: QtBot, ui: UiContext, tmp_path: Path) -> None:
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(forge_signature(notice_pdf(), common_name="mgr1", username="mgr1"))
    dialog = _open(qtbot, ui, forged)
    assert dialog.level is Verdict.DOUBTFUL and dialog.verdict.text().startswith("⚠ Signer not confirmed")
    [row] = dialog.signature_rows
    assert row.text().startswith("⚠ Signature 1 of 1: it claims to be by mgr1") and "is confirmed" not in row.text()


def test_each_signature_gets_its_row_and_an_overlay_between_them_is_red(
    qtbot: QtBot, ui: UiContext, users: dict[Role, User], signed: Path, tmp_path: Path
) -> None:
    overlaid = overlay_page(signed.read_bytes())
    twice = tmp_path / "twice.pdf"
    twice.write_bytes(ui.app.certificates.sign(users[Role.MANAGER], PASSWORD, overlaid, reason="签收"))
    dialog = _open(qtbot, ui, twice)
    assert dialog.level is Verdict.BAD and "changed between its signatures" in dialog.verdict.text()
    first, second = dialog.signature_rows
    assert first.text().startswith("✗ Signature 1 of 2") and "not what was signed" in first.text()
    assert second.text().startswith("✓ Signature 2 of 2") and "Reason given: 签收." in second.text()
    assert dialog.signatures_box.isVisibleTo(dialog)
