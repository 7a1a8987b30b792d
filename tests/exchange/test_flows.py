"""#20 acceptance, end to end over three data folders: the quality office (wangfang), laptop A
(zhangwei) and laptop B (lina), exchanging signed .inspx files through ``inspector-cli``.

The office exports to A and B; both join and record inspections with photos (one covert on A)
and export (A's open one with the on-site acknowledgement signed by the depot); the office imports both files twice and in either order and its monthly report counts
every inspection exactly once; a notice issued at the office for A's inspection reaches A, A
records the receipt and the follow-up and sends them back, and the notice closes at the office.
B's folder never holds A's covert inspection, and no file for B carries it (read raw, unzipped).
"""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.domain.inspections import InspectionMode
from tests.exchange.organisation import PASSWORD, build_office, cli, photo_files, record_inspection


def _rows(folder: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(folder / "inspector.db")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _raw_text(file: Path) -> bytes:
    """Every member of the zip, decompressed, one after the other."""
    with zipfile.ZipFile(file) as archive:
        return b"\n".join(archive.read(name) for name in archive.namelist())


def _month_total(folder: Path, month: str) -> int:
    context = open_context(folder)
    try:
        office = context.users.authenticate("wangfang", PASSWORD)
        return context.reports.monthly(office, month, None).inspections_total
    finally:
        context.close()


def _signature_png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (240, 80), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 60), (80, 15), (150, 55), (230, 20)], fill=(20, 20, 20, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _acknowledge(folder: Path, inspection_id: int, signer: str, png: bytes) -> None:
    context = open_context(folder)
    try:
        user = context.users.authenticate("zhangwei", PASSWORD)
        context.inspection_reports.acknowledge(user, inspection_id, signer, png)
    finally:
        context.close()


def test_office_and_two_laptops_exchange_everything_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office, laptop_a, laptop_b = tmp_path / "office", tmp_path / "a", tmp_path / "b"
    build_office(capsys, office)
    o = ("--data-dir", str(office), "--user", "wangfang")

    # The office sends each supervisor what their laptop needs; both join.
    cli(capsys, *o, "exchange", "export", "--for", "zhangwei", "-o", str(tmp_path / "to-a-1.inspx"))
    cli(capsys, *o, "exchange", "export", "--for", "lina", "-o", str(tmp_path / "to-b-1.inspx"))
    for laptop, name in ((laptop_a, "a"), (laptop_b, "b")):
        cli(capsys, "--data-dir", str(laptop), "init", "--admin-password", "local-admin")
        joined = cli(capsys, "--data-dir", str(laptop), "exchange", "import", str(tmp_path / f"to-{name}-1.inspx"))
        assert "joined the organisation" in joined.out
    device_a = json.loads(cli(capsys, "--data-dir", str(laptop_a), "--user", "zhangwei", "device", "--json").out)
    assert device_a["side"] == "laptop" and device_a["joined_user"] == "zhangwei"
    office_device = json.loads(cli(capsys, *o, "device", "--json").out)
    assert device_a["organisation"]["id"] == office_device["organisation"]["id"]
    assert office_device["side"] == "office" and office_device["name"] == "质量办"
    # Only zhangwei's own password material reached A.
    hashes = dict(_rows(laptop_a, "SELECT username, password_hash FROM users"))
    assert hashes["zhangwei"].startswith("$argon2") and hashes["lina"] == "!" and hashes["wangfang"] == "!"
    keys = _rows(laptop_a, "SELECT u.username FROM certificates c JOIN users u ON u.id = c.user_id"
                           " WHERE c.key_pem != ''")
    assert keys == [("zhangwei",)]

    # They record in the field: A one open and one covert, B one.
    photos = photo_files()
    onsite = record_inspection(laptop_a, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0, photo=photos[0])
    signature = _signature_png()
    _acknowledge(laptop_a, onsite, "李队长", signature)
    covert = record_inspection(laptop_a, "zhangwei", mode=InspectionMode.COVERT, vehicle_index=1, photo=photos[1])
    record_inspection(laptop_b, "lina", mode=InspectionMode.ONSITE, vehicle_index=2, photo=photos[2])
    a = ("--data-dir", str(laptop_a), "--user", "zhangwei")
    b = ("--data-dir", str(laptop_b), "--user", "lina")
    status = json.loads(cli(capsys, *a, "exchange", "status", "--json").out)
    assert status["peers"][0]["records_waiting"] > 0
    cli(capsys, *a, "exchange", "export", "-o", str(tmp_path / "from-a-1.inspx"))
    cli(capsys, *b, "exchange", "export", "-o", str(tmp_path / "from-b-1.inspx"))

    month = date.today().strftime("%Y-%m")
    before = _month_total(office, month)
    first = json.loads(cli(capsys, *o, "exchange", "import", str(tmp_path / "from-b-1.inspx"), "--json").out)
    assert first["new"]["inspection"] == 1 and first["photos"]["new"] == 1
    text = cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a-1.inspx")).out
    assert "2 inspections" in text and "2 photos" in text
    again = cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a-1.inspx")).out
    assert again.startswith("nothing new")
    cli(capsys, *o, "exchange", "import", str(tmp_path / "from-b-1.inspx"))
    assert _month_total(office, month) == before + 3
    # The on-site acknowledgement (现场确认) came with A's open inspection, drawn signature and all.
    assert _rows(office, "SELECT a.signer_name, a.signature_png, u.username FROM inspection_acknowledgements a"
                         " JOIN users u ON u.id = a.recorded_by") == [("李队长", signature, "zhangwei")]
    # A file sent again with everything (--all) merges as "already present".
    cli(capsys, *a, "exchange", "export", "--all", "-o", str(tmp_path / "from-a-2.inspx"))
    resent = json.loads(cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a-2.inspx"), "--json").out)
    assert resent["new"] == {} and resent["already_present"]["inspection"] == 2
    assert _month_total(office, month) == before + 3

    # The office issues a notice on A's open inspection and sends it to A.
    open_gid = _rows(laptop_a, "SELECT gid FROM record_ids WHERE kind = 'inspection' AND local_id != ?", (covert,))
    office_id = _rows(office, "SELECT local_id FROM record_ids WHERE kind = 'inspection' AND gid = ?",
                      (open_gid[0][0],))[0][0]
    created = json.loads(cli(capsys, *o, "notices", "create", "--inspection", str(office_id), "--json").out)
    number = created[0]["number"] if isinstance(created, list) else created["notices"][0]["number"]
    cli(capsys, *o, "exchange", "export", "--for", "zhangwei", "-o", str(tmp_path / "to-a-2.inspx"))
    cli(capsys, *o, "exchange", "export", "--for", "lina", "-o", str(tmp_path / "to-b-2.inspx"))
    cli(capsys, *a, "exchange", "import", str(tmp_path / "to-a-2.inspx"))
    cli(capsys, *b, "exchange", "import", str(tmp_path / "to-b-2.inspx"))
    assert _rows(laptop_a, "SELECT number FROM notices") == [(number,)]
    assert _rows(laptop_b, "SELECT number FROM notices") == []
    assert (laptop_a / "notices" / f"{number}.pdf").is_file()

    # A records the receipt and a passing follow-up at the depot and sends them back.
    cli(capsys, *a, "notices", "ack", number, "--signer", "李队长")
    cli(capsys, *a, "followups", "record", number, "--result", "pass", "--photo", str(photos[3]))
    cli(capsys, *a, "exchange", "export", "-o", str(tmp_path / "from-a-3.inspx"))
    back = json.loads(cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a-3.inspx"), "--json").out)
    assert back["new"] == {"photo": 1, "receipt": 1, "followup": 1}
    assert _rows(office, "SELECT s.status FROM notice_state s JOIN notices n ON n.id = s.notice_id"
                         " WHERE n.number = ?", (number,)) == [("closed",)]

    # B never holds A's covert inspection, nor does any file for B carry it.
    covert_gid = _rows(laptop_a, "SELECT gid FROM record_ids WHERE kind = 'inspection' AND local_id = ?",
                       (covert,))[0][0]
    assert _rows(laptop_b, "SELECT count(*) FROM inspections WHERE mode = 'covert'") == [(0,)]
    assert _rows(laptop_b, "SELECT count(*) FROM record_ids WHERE gid = ?", (covert_gid,)) == [(0,)]
    for name in ("to-b-1.inspx", "to-b-2.inspx"):
        raw = _raw_text(tmp_path / name)
        assert covert_gid.encode() not in raw and b'"mode":"covert"' not in raw and b"$argon2" in raw
        assert raw.count(b"$argon2") == 1  # lina's own hash, nobody else's

    # Every folder still passes its integrity check.
    for folder, user in ((office, "wangfang"), (laptop_a, "zhangwei"), (laptop_b, "lina")):
        result = cli(capsys, "--data-dir", str(folder), "--user", user, "check", ok=False)
        assert result.code == 0, result.out + result.err


def test_a_failed_follow_up_on_a_laptop_is_reissued_by_the_office(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Notices and their numbers are the office's (one writer per record): a follow-up that finds
    the problem not fixed on laptop A is recorded there without a notice number of A's own; it
    travels back, the office reissues, and the new notice reaches A — no number is made twice."""
    office, laptop = tmp_path / "office", tmp_path / "a"
    build_office(capsys, office)
    o = ("--data-dir", str(office), "--user", "wangfang")
    a = ("--data-dir", str(laptop), "--user", "zhangwei")
    cli(capsys, *o, "exchange", "export", "--for", "zhangwei", "-o", str(tmp_path / "to-a-1.inspx"))
    cli(capsys, "--data-dir", str(laptop), "init", "--admin-password", "local-admin")
    cli(capsys, "--data-dir", str(laptop), "exchange", "import", str(tmp_path / "to-a-1.inspx"))
    photos = photo_files()
    record_inspection(laptop, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0, photo=photos[0])
    walk = record_inspection(laptop, "zhangwei", mode=InspectionMode.WALKAROUND, vehicle_index=1, photo=photos[1])
    cli(capsys, *a, "exchange", "export", "-o", str(tmp_path / "from-a-1.inspx"))
    cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a-1.inspx"))
    # 日清日结: the walk-around's finding, fixed on the spot after the file went, follows in the next
    context = open_context(laptop)
    try:
        user = context.users.authenticate("zhangwei", PASSWORD)
        [finding] = context.inspections.findings(user, walk)
        context.notices.fix_on_spot(user, finding.id, "当场擦拭干净")
    finally:
        context.close()
    cli(capsys, *a, "exchange", "export", "-o", str(tmp_path / "from-a-1b.inspx"))
    fixed = json.loads(cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a-1b.inspx"), "--json").out)
    assert fixed["new"] == {"finding": 1}, fixed  # the finding's later state
    assert _rows(office, "SELECT f.status FROM findings f JOIN inspections i ON i.id = f.inspection_id"
                         " WHERE i.mode = 'walkaround'") == [("fixed_on_spot",)]
    office_id = _rows(office, "SELECT r.local_id FROM record_ids r JOIN inspections i ON i.id = r.local_id"
                      " WHERE r.kind = 'inspection' AND r.origin != ? AND i.mode = 'onsite'",
                      (_rows(office, "SELECT device_id FROM device")[0][0],))[0][0]
    number = json.loads(cli(capsys, *o, "notices", "create", "--inspection", str(office_id), "--json").out)[0]["number"]
    cli(capsys, *o, "exchange", "export", "--for", "zhangwei", "-o", str(tmp_path / "to-a-2.inspx"))
    cli(capsys, *a, "exchange", "import", str(tmp_path / "to-a-2.inspx"))

    recorded = cli(capsys, *a, "followups", "record", number, "--result", "fail", "--note", "仍有污渍").out
    assert recorded.startswith("recorded: not fixed")
    assert _rows(laptop, "SELECT number FROM notices") == [(number,)]  # no number made on the laptop
    cli(capsys, *a, "exchange", "export", "-o", str(tmp_path / "from-a-2.inspx"))
    back = json.loads(cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a-2.inspx"), "--json").out)
    assert back["new"] == {"followup": 1}
    refused = cli(capsys, *a, "notices", "reissue", number, ok=False)
    assert refused.code == 2 and refused.err.startswith("error: ")  # a supervisor does not issue notices
    successor = cli(capsys, *o, "notices", "reissue", number).out.strip()
    assert successor.startswith("ZG-") and successor != number
    again = cli(capsys, *o, "notices", "reissue", number, ok=False)
    assert again.code == 2 and "is Reissued" in again.err  # reissued once only
    fresh = cli(capsys, *o, "notices", "reissue", successor, ok=False)
    assert fresh.code == 2 and "has no failed follow-up waiting" in fresh.err
    cli(capsys, *o, "exchange", "export", "--for", "zhangwei", "-o", str(tmp_path / "to-a-3.inspx"))
    cli(capsys, *a, "exchange", "import", str(tmp_path / "to-a-3.inspx"))
    for folder in (office, laptop):
        assert _rows(folder, "SELECT n.number, s.status FROM notices n JOIN notice_state s ON s.notice_id = n.id"
                             " ORDER BY n.id") == [(number, "reissued"), (successor, "issued")]
        assert _rows(folder, "SELECT f.result, n.number FROM followups f JOIN notices n ON n.id = f.reissued_notice_id"
                     ) == [("fail", successor)]
    for folder, user in ((office, "wangfang"), (laptop, "zhangwei")):
        result = cli(capsys, "--data-dir", str(folder), "--user", user, "check", ok=False)
        assert result.code == 0, result.out + result.err
