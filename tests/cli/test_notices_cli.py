"""``inspector-cli notices`` and ``followups``: notices created from an inspection print their
numbers; ``list`` filters by status, unit and flag (overdue against today's real date); ``export``
writes the very PDF that was stored (or the record, or a signed copy that ``verify`` accepts);
receipt, reply, a failed follow-up that reissues and a passing one that closes; bad input exits 2
with one ``error:`` line and writes nothing."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from inspector.context import AppContext, open_context
from inspector.domain.inspections import InspectionMode
from inspector.domain.users import Role, User
from inspector.media.synthetic import scene_photo
from inspector.services.base import local_now
from tests.cli.conftest import run_cli
from tests.conftest import PASSWORD
from tests.signing import flip_signed_byte, pdfsig
from tests.notice_world import NoticeWorld, completed_inspection, make_world
from tests.pdf import have

TABLES = ("notices", "notice_items", "notice_state", "notice_receipts", "notice_replies", "reply_photos",
          "followups", "followup_items", "followup_photos", "notice_signatures", "photos", "findings", "audit_log")


class Folder:
    """The initialised data folder opened with the notice world, for arranging data by services."""

    def __init__(self, path: Path, tmp_path: Path) -> None:
        self.path = path
        self.photos = tmp_path / "photos"
        self.photos.mkdir()
        self.context: AppContext = open_context(path)
        admin = self.context.users.by_username("admin")
        self.context.users.create(admin, username="mgr1", display_name="mgr1", role=Role.MANAGER, password=PASSWORD)
        users: dict[Role, User] = {Role.ADMIN: admin}
        for name, role in (("qo1", Role.QUALITY_OFFICE), ("sup1", Role.SUPERVISOR), ("mgr1", Role.MANAGER)):
            users[role] = self.context.users.by_username(name)
        self.world: NoticeWorld = make_world(self.context, users, self.photos, now=local_now())

    def inspection(self, at: datetime | None = None, **kwargs) -> int:  # type: ignore[no-untyped-def]
        if at is not None:
            self.world.clock.now = at
        return completed_inspection(self.context, self.world, **kwargs).id

    def issue(self, inspection_id: int) -> str:
        draft = self.context.notices.drafts(self.world.office, inspection_id, every_open=True)[0]
        return self.context.notices.issue(self.world.office, draft)[0].number

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def folder(initialised: Path, tmp_path: Path) -> Iterator[Folder]:
    made = Folder(initialised, tmp_path)
    yield made
    made.close()


def _cli(capsys: pytest.CaptureFixture[str], folder: Folder, user: str, *args: str) -> tuple[int, str, str]:
    folder.context.close()  # the CLI opens the folder itself, as a separate process would
    try:
        return run_cli(capsys, "--data-dir", str(folder.path), "--user", user, *args)
    finally:
        folder.context = open_context(folder.path)


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(str(path / "inspector.db"))
    try:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
    finally:
        conn.close()


def _photo(folder: Folder, seed: int) -> Path:
    path = folder.photos / f"after{seed}.jpg"
    path.write_bytes(scene_photo(seed, f"整改后 {seed}"))
    return path


def test_create_proposes_the_serious_findings_and_general_ones_only_by_choice(
    capsys: pytest.CaptureFixture[str], folder: Folder
) -> None:
    """Regulation 5.3: ordinary problems 「责令责任单位立即整改」; 「针对重大问题和隐患,向责任单位负责人
    书面下发《客服质量整改通知单》」 — a general-only inspection gets no notice unless the office
    chooses its findings (``--finding`` or ``--every-open``)."""
    general_only = folder.inspection(fails=("N1-1", "N1-2"))
    code, out, err = _cli(capsys, folder, "qo1", "notices", "create", "--inspection", str(general_only))
    assert (code, out) == (2, "") and err.count("\n") == 1 and err.startswith("error: ")
    assert "only general problems (2)" in err and "立即整改" in err
    assert folder.context.notices.list(folder.world.office) == []
    code, out, err = _cli(capsys, folder, "qo1", "notices", "create", "--inspection", str(general_only),
                          "--every-open", "--json")
    assert code == 0, err
    assert [row["item_count"] for row in json.loads(out)] == [2]


def test_create_prints_the_numbers_and_show_and_list_read_them_back(
    capsys: pytest.CaptureFixture[str], folder: Folder
) -> None:
    inspection = folder.inspection(fails=("N1-1", "N1-3"))
    code, out, err = _cli(capsys, folder, "qo1", "notices", "create", "--inspection", str(inspection))
    number = f"ZG-{local_now():%Y-%m}-0001"
    assert (code, out, err) == (0, number + "\n", "")  # the serious N1-3 only; N1-1 is put right at once

    second = folder.inspection(fails=("N1-2", "N1-4"), seed=2)
    [finding] = [f.id for f in folder.context.inspections.findings(folder.world.sup, second) if f.item_code == "N1-4"]
    code, out, err = _cli(capsys, folder, "qo1", "notices", "create", "--inspection", str(second),
                          "--finding", str(finding), "--deadline-days", "7", "--json")
    assert code == 0, err
    [created] = json.loads(out)
    assert (created["number"], created["item_count"], created["working_days"]) == (
        f"ZG-{local_now():%Y-%m}-0002", 1, 7)
    assert created["status"] == "issued" and created["flags"] == []

    code, out, err = _cli(capsys, folder, "sup1", "notices", "show", number, "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert [(i["position"], i["item_code"]) for i in shown["items"]] == [(1, "N1-3")]
    assert shown["addressee_unit"] == "第一公交总站" and shown["receipt"] is None and shown["followups"] == []

    code, out, err = _cli(capsys, folder, "sup1", "notices", "list", "--json")
    assert code == 0, err
    assert [row["number"] for row in json.loads(out)] == [created["number"], number]
    code, out, _ = _cli(capsys, folder, "sup1", "notices", "list")
    assert out.splitlines()[0].split() == ["number", "unit", "status", "deadline", "flags"]
    assert number in out and "第一公交总站" in out


def test_list_filters_overdue_by_todays_date_status_and_unit(capsys: pytest.CaptureFixture[str], folder: Folder) -> None:
    old = folder.issue(folder.inspection(at=local_now() - timedelta(days=40), fails=("N1-1",)))
    fresh = folder.issue(folder.inspection(at=local_now(), fails=("N1-2",), seed=2))
    code, out, err = _cli(capsys, folder, "sup1", "notices", "list", "--overdue", "--json")
    assert code == 0, err
    [row] = json.loads(out)
    assert row["number"] == old and {"overdue", "unfinished"} <= set(row["flags"])
    assert [r["number"] for r in json.loads(_cli(capsys, folder, "sup1", "notices", "list", "--flag", "overdue",
                                                 "--json")[1])] == [old]
    code, out, _ = _cli(capsys, folder, "sup1", "notices", "list", "--overdue")
    assert old in out and fresh not in out and "overdue" in out
    both = json.loads(_cli(capsys, folder, "sup1", "notices", "list", "--status", "issued", "--unit", "D01",
                           "--json")[1])
    assert [r["number"] for r in both] == [fresh, old]
    assert json.loads(_cli(capsys, folder, "sup1", "notices", "list", "--status", "closed", "--json")[1]) == []
    code, _, err = _cli(capsys, folder, "sup1", "notices", "list", "--unit", "NOPE")
    assert code == 2 and err.startswith("error: ") and "NOPE" in err


def test_export_writes_the_stored_pdf_and_the_record(
    capsys: pytest.CaptureFixture[str], folder: Folder, tmp_path: Path
) -> None:
    number = folder.issue(folder.inspection())
    stored = folder.context.notices.by_number(folder.world.office, number).pdf_sha256
    target = tmp_path / "out.pdf"
    code, out, err = _cli(capsys, folder, "sup1", "notices", "export", number, "-o", str(target))
    assert code == 0 and err == "" and number in out
    assert hashlib.sha256(target.read_bytes()).hexdigest() == stored
    record = tmp_path / "record.pdf"
    code, _, err = _cli(capsys, folder, "sup1", "notices", "export", number, "-o", str(record), "--record")
    assert code == 0, err
    assert record.read_bytes().startswith(b"%PDF") and record.read_bytes() != target.read_bytes()


def test_receipt_reply_failed_followup_reissues_then_a_pass_closes(
    capsys: pytest.CaptureFixture[str], folder: Folder
) -> None:
    number = folder.issue(folder.inspection(fails=("N1-1", "N1-3")))
    assert _cli(capsys, folder, "sup1", "notices", "ack", number, "--signer", "孙站长")[:2] == (
        0, f"acknowledged {number}\n")
    code, out, err = _cli(capsys, folder, "qo1", "notices", "reply", number, "--measures", "已补漆，灭火器已更换",
                          "--preventive", "每周自查", "--by", "孙站长", "--photo", str(_photo(folder, 1)))
    assert (code, out, err) == (0, f"replied {number}\n", "")
    fixed = _photo(folder, 2)
    code, out, err = _cli(capsys, folder, "sup1", "followups", "record", number, "--result", "fail",
                          "--item", "1=pass", "--photo", f"1={fixed}", "--note", "灭火器仍过期")
    successor = f"ZG-{local_now():%Y-%m}-0002"
    assert (code, out, err) == (0, f"reissued as {successor}\n", "")

    shown = json.loads(_cli(capsys, folder, "sup1", "notices", "show", number, "--json")[1])
    assert shown["status"] == "reissued" and shown["successor_number"] == successor
    assert shown["receipt"]["signer_name"] == "孙站长" and not shown["receipt"]["drawn_signature"]
    assert shown["reply"]["preventive"] == "每周自查" and len(shown["reply"]["photos"]) == 1
    [followup] = shown["followups"]
    assert followup["reissued_as"] == successor and followup["note"] == "灭火器仍过期"
    assert [(i["position"], i["result"], len(i["photos"])) for i in followup["items"]] == [
        (1, "pass", 1), (2, "fail", 0)]

    code, out, err = _cli(capsys, folder, "sup1", "followups", "record", successor, "--result", "pass",
                          "--photo", str(_photo(folder, 3)))
    assert (code, out, err) == (0, "closed\n", "")
    code, out, _ = _cli(capsys, folder, "sup1", "notices", "show", successor)
    assert out.startswith(f"notice {successor}: closed") and f"reissue of: {number}" in out


def test_bad_input_exits_2_with_one_error_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Folder, tmp_path: Path
) -> None:
    inspection = folder.inspection()
    number = folder.issue(inspection)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not really a jpeg")
    other = folder.inspection(seed=2)
    before = _counts(folder.path)
    attempts = [
        ("qo1", "notices", "show", "ZG-2099-01-0001"),
        ("qo1", "notices", "create", "--inspection", "9999"),
        ("qo1", "notices", "create", "--inspection", str(inspection)),  # its findings are on a notice already
        ("qo1", "notices", "create", "--inspection", str(other), "--deadline-days", "0"),
        ("sup1", "notices", "create", "--inspection", str(other)),  # supervisors do not issue
        ("mgr1", "notices", "ack", number, "--signer", "孙站长"),  # nor do managers record receipts
        ("sup1", "notices", "ack", number, "--signer", "  "),
        ("sup1", "notices", "reply", number, "--measures", "已整改", "--by", "孙", "--date", "yesterday"),
        ("sup1", "notices", "reply", number, "--measures", "已整改", "--by", "孙", "--date", "2000-01-01"),
        ("sup1", "notices", "reply", number, "--measures", "已整改", "--by", "孙", "--photo", str(broken)),
        ("sup1", "followups", "record", number, "--result", "pass", "--item", "9=pass"),
        ("sup1", "followups", "record", number, "--result", "pass", "--item", "1=maybe"),
        ("sup1", "followups", "record", number, "--result", "fail", "--deadline-days", "0"),
        ("sup1", "followups", "record", number, "--result", "pass", "--photo", str(_photo(folder, 5)),
         "--item", "3=pass"),  # a good photo, then a refusal: the photo is not kept
        ("sup1", "notices", "export", number, "-o", str(tmp_path / "missing" / "x.pdf")),
        ("sup1", "notices", "export", number, "-o", str(tmp_path / "x.pdf"), "--sign", "--record"),
    ]
    for user, *args in attempts:
        code, out, err = _cli(capsys, folder, user, *args)
        assert (code, out) == (2, ""), (args, out, err)
        assert err.startswith("error: ") and err.count("\n") == 1, (args, err)
    assert _counts(folder.path) == before
    assert not (tmp_path / "x.pdf").exists()


def test_export_sign_makes_a_copy_that_verify_accepts(
    capsys: pytest.CaptureFixture[str], folder: Folder, tmp_path: Path
) -> None:
    office = folder.world.office
    folder.context.certificates.init_ca(office, PASSWORD)
    folder.context.certificates.issue(office, PASSWORD, office.username, PASSWORD)
    number = folder.issue(folder.inspection())
    target = tmp_path / "signed.pdf"
    code, out, err = _cli(capsys, folder, "qo1", "notices", "export", number, "-o", str(target), "--sign")
    assert code == 0, err
    assert f"signed {number}" in out
    code, out, err = run_cli(capsys, "--data-dir", str(folder.path), "verify", str(target))
    assert code == 0, (out, err)
    if have("pdfsig"):  # poppler checks the same notice independently
        report = pdfsig(target)
        assert "Total document signed" in report and "Signature is Valid." in report
    flipped = tmp_path / "flipped.pdf"
    flipped.write_bytes(flip_signed_byte(target.read_bytes()))
    code, out, err = run_cli(capsys, "--data-dir", str(folder.path), "verify", str(flipped))
    assert code == 1, (out, err)
    if have("pdfsig"):
        assert "Digest Mismatch." in pdfsig(flipped)
    notice = folder.context.notices.by_number(office, number)
    [copy] = folder.context.notice_files.signed_copies(office, notice.id)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == copy["pdf_sha256"] != notice.pdf_sha256
    shown = json.loads(_cli(capsys, folder, "qo1", "notices", "show", number, "--json")[1])
    assert [c["pdf_sha256"] for c in shown["signed_copies"]] == [copy["pdf_sha256"]]
    code, _, err = _cli(capsys, folder, "sup1", "notices", "export", number, "-o", str(tmp_path / "s2.pdf"), "--sign")
    assert code == 2 and err.startswith("error: ")  # a supervisor does not sign notices


def test_export_sign_of_a_covert_notice_uses_the_office_seal(
    capsys: pytest.CaptureFixture[str], folder: Folder, tmp_path: Path
) -> None:
    """Issue #12.2 as CLI steps: the quality-office member who made the covert visit exports its
    notice with --sign; the output says the seal signed it and nothing in the file names her."""
    office = folder.world.office
    folder.context.certificates.init_ca(office, PASSWORD)
    folder.context.certificates.issue(office, PASSWORD, office.username, PASSWORD)
    folder.context.certificates.init_seal(office, PASSWORD)
    folder.world.sup = office
    number = folder.issue(folder.inspection(mode=InspectionMode.COVERT))
    target = tmp_path / "covert.pdf"
    code, out, err = _cli(capsys, folder, "qo1", "notices", "export", number, "-o", str(target), "--sign")
    assert code == 0, err
    seal = f"{folder.context.settings.get().organisation_name} 检查专用章"
    assert f"Covert visit: signed with the office seal certificate “{seal}”, never with a personal certificate." in out
    code, out, err = run_cli(capsys, "--data-dir", str(folder.path), "verify", str(target))
    assert code == 0 and f"signed by {seal}, " in out and "account" not in out, out
    report = pdfsig(target)  # poppler reads the seal, no person (fails in CI without pdfsig)
    assert f"Common Name: {seal}" in report and "qo1" not in report and "UID=" not in report
    shown = json.loads(_cli(capsys, folder, "mgr1", "notices", "show", number, "--json")[1])
    assert [copy["signer_name"] for copy in shown["signed_copies"]] == [seal]
    assert b"qo1" not in target.read_bytes()
