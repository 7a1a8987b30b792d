"""``inspector-cli certs`` and ``verify``: making the CA and issuing certificates with role and
password checks (a refusal writes nothing), and ``verify`` exit codes — 0 for a good signature,
1 with the reason for a tampered, appended, untrusted or unsigned file, 2 for bad input — with
or without a data folder."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.services.certificates import CA_FILE_NAME
from inspector.signing import pki
from tests.cli.conftest import run_cli
from tests.conftest import PASSWORD
from tests.signing import append_revision, flip_signed_byte, notice_pdf


def _rows(folder: Path) -> tuple[int, int]:
    conn = sqlite3.connect(str(folder / "inspector.db"))
    try:
        return (conn.execute("SELECT count(*) FROM certificates").fetchone()[0],
                conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
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
    assert _rows(initialised) == before


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
    assert code == 0 and "not confirmed" in out  # intact; no trust root known, and it says so
    ca_file = office / "certs" / CA_FILE_NAME
    code, out, _ = _cli(capsys, nowhere, "verify", str(signed_pdf), "--trust", str(ca_file))
    assert code == 0 and "is confirmed" in out
    other = tmp_path / "other-ca.pem"
    other.write_bytes(pki.make_ca("Other office CA", "Other", PASSWORD)[0])
    code, out, _ = _cli(capsys, nowhere, "verify", str(signed_pdf), "--trust", str(other))
    assert code == 1 and "not confirmed" in out
    code, out, _ = _cli(capsys, nowhere, "verify", str(signed_pdf), "--trust", str(other), "--json")
    body = json.loads(out)
    assert code == 1
    assert (body["ok"], body["trusted"], body["problem"], body["signer_username"]) == (
        False, False, "untrusted_signer", "qo1")
    assert not nowhere.exists()


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
