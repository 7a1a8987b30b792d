"""``inspector-cli certs`` and ``verify``: making the CA and issuing certificates with role and
password checks (a refusal writes nothing), and ``verify`` exit codes — 0 only for a good
signature by a signer the office CA confirms, 3 for an intact file whose signer is unknown or
untrusted (a forgery claiming 王芳), 1 with the reason for a tampered, appended, overlaid or
unsigned file, 2 for bad input (a folder too) — with or without a data folder, and never a
traceback."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.domain.users import Role
from inspector.services.certificates import CA_FILE_NAME
from inspector.signing import pki
from tests.cli.conftest import run_cli
from tests.conftest import PASSWORD
from inspector.signing import pades
from tests.signing import append_revision, flip_signed_byte, forge_signature, notice_pdf, overlay_page


def _rows(folder: Path) -> tuple[int, int]:
    conn = sqlite3.connect(str(folder / "inspector.db"))
    try:
        return (conn.execute("SELECT count(*) FROM certificates").fetchone()[0],
                # a wrong password is audited (#12.15); nothing else may be written
                conn.execute("SELECT count(*) FROM audit_log WHERE action != 'user.sign_in_failed'").fetchone()[0])
    finally:
        conn.close()


def _cli(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> tuple[int, str, str]:
    return run_cli(capsys, "--data-dir", str(folder), *args)


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No prompt can be answered: passwords come from the environment or the command fails."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


@pytest.fixture
def office(initialised: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The initialised folder with a CA held by qo1, and a certificate for qo1."""
    code, _, err = _cli(capsys, initialised, "--user", "qo1", "certs", "init-ca")
    assert code == 0, err
    monkeypatch.setenv("INSPECTOR_CERT_PASSWORD", PASSWORD)
    code, _, err = _cli(capsys, initialised, "--user", "qo1", "certs", "issue", "qo1")
    assert code == 0, err
    monkeypatch.delenv("INSPECTOR_CERT_PASSWORD")
    return initialised


@pytest.fixture
def signed_pdf(office: Path, tmp_path: Path) -> Path:
    context = open_context(office)
    try:
        qo1 = context.users.by_username("qo1")
        signed = context.certificates.sign(qo1, PASSWORD, notice_pdf(), reason="签发整改通知单")
    finally:
        context.close()
    path = tmp_path / "ZG-2026-11-0001.pdf"
    path.write_bytes(signed)
    return path


def test_a_supervisor_cannot_make_the_ca(initialised: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _rows(initialised)
    code, out, err = _cli(capsys, initialised, "--user", "sup1", "certs", "init-ca")
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1
    assert _rows(initialised) == before
    assert not (initialised / "certs" / CA_FILE_NAME).exists()


def test_a_wrong_password_writes_nothing(initialised: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    before = _rows(initialised)
    monkeypatch.setenv("INSPECTOR_PASSWORD", "wrong-password")
    code, _, err = _cli(capsys, initialised, "--user", "qo1", "certs", "init-ca")
    assert code == 2 and "qo1" in err
    # No certificate; the one row written is the audit of the wrong password (#12.15).
    assert _rows(initialised) == before
    conn = sqlite3.connect(str(initialised / "inspector.db"))
    try:
        assert conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone() == (
            "user.sign_in_failed",)
    finally:
        conn.close()


def test_the_quality_office_makes_the_ca_once(initialised: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(capsys, initialised, "--user", "qo1", "certs", "init-ca")
    assert (code, err) == (0, "")
    assert "held by qo1" in out and CA_FILE_NAME in out
    assert pki.certificate_info((initialised / "certs" / CA_FILE_NAME).read_bytes()).is_ca
    before = _rows(initialised)
    code, _, err = _cli(capsys, initialised, "--user", "qo1", "certs", "init-ca")
    assert code == 2 and "already" in err
    assert _rows(initialised) == before


def test_issuing_checks_role_holder_and_the_users_own_password(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _rows(office)
    code, _, err = _cli(capsys, office, "--user", "qo1", "certs", "issue", "sup1")
    assert code == 2 and "INSPECTOR_CERT_PASSWORD" in err  # no terminal to ask sup1 for their password
    monkeypatch.setenv("INSPECTOR_CERT_PASSWORD", "not-sup1s-password")
    code, _, err = _cli(capsys, office, "--user", "qo1", "certs", "issue", "sup1")
    assert code == 2 and "sup1" in err
    monkeypatch.setenv("INSPECTOR_CERT_PASSWORD", PASSWORD)
    code, _, err = _cli(capsys, office, "--user", "sup1", "certs", "issue", "sup1")
    assert code == 2 and err.startswith("error: ")
    code, _, err = _cli(capsys, office, "--user", "qo1", "certs", "issue", "nobody")
    assert code == 2 and "nobody" in err
    assert _rows(office) == before
    code, out, err = _cli(capsys, office, "--user", "qo1", "certs", "issue", "sup1")
    assert (code, err) == (0, "")
    assert "UID=sup1" in out
    assert _rows(office)[0] == before[0] + 1


def test_export_ca(office: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "office-ca.pem"
    code, out, _ = _cli(capsys, office, "certs", "export-ca", "-o", str(target))
    assert code == 0 and str(target) in out
    assert target.read_bytes() == (office / "certs" / CA_FILE_NAME).read_bytes()
    code, _, err = _cli(capsys, tmp_path / "empty", "certs", "export-ca", "-o", str(target))
    assert code == 2 and "certs init-ca" in err


def test_verify_a_good_notice_in_the_office(signed_pdf: Path, office: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INSPECTOR_PASSWORD")  # anyone may verify: no account is needed
    code, out, err = _cli(capsys, office, "verify", str(signed_pdf))
    assert (code, err) == (0, "")
    assert "intact" in out and "(account qo1)" in out and "is confirmed" in out


def test_verify_without_a_data_folder(signed_pdf: Path, office: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INSPECTOR_PASSWORD")
    nowhere = tmp_path / "no-folder"
    code, out, _ = _cli(capsys, nowhere, "verify", str(signed_pdf))
    assert code == 3 and out.splitlines()[0].endswith("Signer not confirmed: no trusted certificate authority is "
                                                       "known here, so the name on the signature proves nothing. "
                                                       "The document's bytes are as they were signed.")
    ca_file = office / "certs" / CA_FILE_NAME
    code, out, _ = _cli(capsys, nowhere, "verify", str(signed_pdf), "--trust", str(ca_file))
    assert code == 0 and "is confirmed" in out
    other = tmp_path / "other-ca.pem"
    other.write_bytes(pki.make_ca("Other office CA", "Other", PASSWORD)[0])
    code, out, _ = _cli(capsys, nowhere, "verify", str(signed_pdf), "--trust", str(other))
    assert code == 3 and "Signer not confirmed" in out.splitlines()[0] and "not confirmed" in out
    code, out, _ = _cli(capsys, nowhere, "verify", str(signed_pdf), "--trust", str(other), "--json")
    body = json.loads(out)
    assert code == 3
    assert (body["ok"], body["trusted"], body["problem"], body["signer_username"], body["exit_code"]) == (
        False, False, "untrusted_signer", "qo1", 3)
    assert [signature["signer_username"] for signature in body["signatures"]] == ["qo1"]
    assert not nowhere.exists()


def test_a_forged_signature_claiming_an_office_user_is_never_valid(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #12.4: with no CA known, a self-signed signature claiming 王芳 exited 0 with "Valid
    signature … signed by 王芳". Now: exit 3, "Signer not confirmed" first, the name only claimed."""
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(forge_signature(notice_pdf()))
    for folder in (tmp_path / "no-folder", office):  # no CA known at all / the office's own CA
        code, out, err = _cli(capsys, folder, "verify", str(forged))
        assert (code, err) == (3, ""), out
        headline, *details = out.splitlines()
        assert "Signer not confirmed" in headline and "valid" not in headline.lower()
        assert "Signed by 王芳" not in out and "it claims to be by 王芳 (account wangfang)" in out
        assert "is confirmed" not in out
    body = json.loads(_cli(capsys, office, "verify", str(forged), "--json")[1])
    assert (body["ok"], body["verdict"], body["trusted"], body["exit_code"]) == (False, "doubtful", False, 3)


def test_a_page_overlay_between_two_genuine_signatures_fails(
    office: Path, signed_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #12.5: signed notice → a revision drawing over page 1 → a second genuine signature."""
    overlaid = overlay_page(signed_pdf.read_bytes())
    context = open_context(office)
    try:
        qo1 = context.users.by_username("qo1")
        twice = context.certificates.sign(qo1, PASSWORD, overlaid, reason="签收")
    finally:
        context.close()
    target = tmp_path / "overlaid.pdf"
    target.write_bytes(twice)
    code, out, err = _cli(capsys, office, "verify", str(target))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert "changed between its signatures" in lines[0]
    assert [line.split(":")[0].strip() for line in lines if "Signature " in line and " of 2:" in line] == [
        "Signature 1 of 2", "Signature 2 of 2"]
    assert "what the pages show now is not what was signed" in out and "It covers the whole file." in out
    body = json.loads(_cli(capsys, office, "verify", str(target), "--json")[1])
    assert [(s["coverage"], s["problem"]) for s in body["signatures"]] == [
        ("later_changes", "content_changed_later"), ("whole_file", None)]
    assert body["exit_code"] == 1


def test_verify_never_prints_a_traceback(office: Path, signed_pdf: Path, tmp_path: Path) -> None:
    """Issue #12.6, in a real process (pytest would capture pyHanko's log records itself): an
    untrusted or self-signed certificate, an overlaid page and a folder give sentences only."""
    other_ca, other_key = pki.make_ca("另一个单位 CA", "另一个单位", PASSWORD)
    cert, key = pki.issue_certificate(other_ca, other_key, PASSWORD, common_name="李四", username="lisi",
                                      organisation="另一个单位", password=PASSWORD)
    cases = {
        "untrusted.pdf": (pades.sign_pdf(notice_pdf(), cert_pem=cert, key_pem=key, password=PASSWORD,
                                         ca_cert_pem=other_ca), 3),
        "forged.pdf": (forge_signature(notice_pdf()), 3),
        "overlaid.pdf": (overlay_page(signed_pdf.read_bytes()), 1),
        "truncated.pdf": (signed_pdf.read_bytes()[:-400], 1),
    }
    environment = {**os.environ, "PYTHONWARNINGS": "default"}
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
    for name, expected in [(name, code) for name, (_, code) in cases.items()] + [(".", 2)]:
        run = subprocess.run([sys.executable, "-m", "inspector.cli.main", "--data-dir", str(office), "verify",
                              str(tmp_path / name)], capture_output=True, text=True, env=environment, timeout=120)
        assert run.returncode == expected, (name, run.stdout, run.stderr)
        assert "Traceback" not in run.stderr + run.stdout and "pyhanko" not in run.stderr, (name, run.stderr)
        if expected == 2:
            assert run.stderr.startswith("error: ") and "is a folder" in run.stderr
        else:
            assert run.stderr == "", (name, run.stderr)


@pytest.mark.parametrize("tamper, words", [
    (flip_signed_byte, "changed after it was signed"),
    (append_revision, "added to the file after it was signed"),
])
def test_verify_tampered_files_exit_1(signed_pdf: Path, office: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str], tamper, words: str) -> None:
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(tamper(signed_pdf.read_bytes()))
    code, out, _ = _cli(capsys, office, "verify", str(tampered))
    assert code == 1 and words in out


def test_verify_unsigned_and_bad_input(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(notice_pdf())
    code, out, _ = _cli(capsys, office, "verify", str(unsigned))
    assert code == 1 and "no digital signature" in out
    code, out, err = _cli(capsys, office, "verify", str(tmp_path / "missing.pdf"))
    assert (code, out) == (2, "") and "missing.pdf" in err
    code, _, err = _cli(capsys, office, "verify", str(unsigned), "--trust", str(tmp_path / "missing-ca.pem"))
    assert code == 2 and "missing-ca.pem" in err
    code, out, err = _cli(capsys, office, "verify", str(tmp_path))  # a folder is not a PDF (#12.6)
    assert (code, out) == (2, "") and err == f"error: {tmp_path} is a folder, not a PDF file: give the path of one signed PDF.\n"


def test_the_ca_holder_makes_the_office_seal_and_shares_it(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    context = open_context(office)
    try:
        admin = context.users.by_username("admin")
        context.users.create(admin, username="qo2", display_name="qo2", role=Role.QUALITY_OFFICE, password=PASSWORD)
    finally:
        context.close()
    code, _, err = _cli(capsys, office, "--user", "qo1", "certs", "grant-seal", "qo2")
    assert code == 2 and "certs init-seal" in err  # no seal yet
    code, _, err = _cli(capsys, office, "--user", "sup1", "certs", "init-seal")
    assert code == 2 and err.startswith("error: ")
    code, out, err = _cli(capsys, office, "--user", "qo1", "certs", "init-seal")
    assert (code, err) == (0, "")
    assert "CN=服务质量管理办公室 检查专用章" in out and "UID=" not in out and "held by qo1" in out
    code, _, err = _cli(capsys, office, "--user", "qo1", "certs", "init-seal")
    assert code == 2 and "already" in err
    code, _, err = _cli(capsys, office, "--user", "qo1", "certs", "grant-seal", "qo2")
    assert code == 2 and "INSPECTOR_CERT_PASSWORD" in err  # qo2 types their own password
    monkeypatch.setenv("INSPECTOR_CERT_PASSWORD", PASSWORD)
    code, _, err = _cli(capsys, office, "--user", "qo1", "certs", "grant-seal", "sup1")
    assert code == 2 and "quality office" in err
    code, out, err = _cli(capsys, office, "--user", "qo1", "certs", "grant-seal", "qo2")
    assert (code, err) == (0, "") and "holders: qo1, qo2" in out
