"""#20.5: a manager's laptop receives what a manager may see — the notices addressed to their unit
with the inspections behind them and every later step, whichever laptop recorded them — and never
a covert visit, its notice, or another unit's inspections (read raw, unzipped)."""

from __future__ import annotations

import json
import sqlite3
import uuid
import zipfile
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.domain.inspections import InspectionMode
from inspector.domain.registry import RegistryKind
from tests.exchange.organisation import PASSWORD, build_office, cli, photo_files, record_inspection


def _rows(folder: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(folder / "inspector.db")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _raw(file: Path) -> bytes:
    with zipfile.ZipFile(file) as archive:
        return b"\n".join(archive.read(name) for name in archive.namelist())


def _vehicle_indexes(office: Path) -> tuple[list[int], list[int]]:
    """Indexes (in the registry's vehicle list, as ``record_inspection`` takes them) of the
    vehicles of unit D01 (liuyang's) and of the other units."""
    context = open_context(office)
    try:
        user = context.users.authenticate("wangfang", PASSWORD)
        units = {unit.id: unit.code for unit in context.registry.list(user, RegistryKind.UNITS)}
        vehicles = context.registry.list(user, RegistryKind.VEHICLES)
        mine = [index for index, vehicle in enumerate(vehicles) if units[vehicle.unit_id] == "D01"]
        others = [index for index, vehicle in enumerate(vehicles) if units[vehicle.unit_id] != "D01"]
        return mine, others
    finally:
        context.close()


def _gid(folder: Path, kind: str, local: int) -> str:
    return _rows(folder, "SELECT gid FROM record_ids WHERE kind = ? AND local_id = ?", (kind, local))[0][0]


def _office_local(office: Path, gid: str) -> int:
    return _rows(office, "SELECT local_id FROM record_ids WHERE kind = 'inspection' AND gid = ?", (gid,))[0][0]


def _issue(capsys: pytest.CaptureFixture[str], office: Path, inspection: int) -> str:
    created = json.loads(cli(capsys, "--data-dir", str(office), "--user", "wangfang", "notices", "create",
                             "--inspection", str(inspection), "--json").out)
    return created[0]["number"] if isinstance(created, list) else created["notices"][0]["number"]


def test_a_managers_laptop_receives_its_units_notices_and_inspections_never_a_covert_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office, laptop_a, laptop_b, laptop_m = (tmp_path / name for name in ("office", "a", "b", "m"))
    build_office(capsys, office)
    o = ("--data-dir", str(office), "--user", "wangfang")
    mine, others = _vehicle_indexes(office)
    assert len(mine) >= 2 and others

    for user, laptop in (("zhangwei", laptop_a), ("lina", laptop_b)):
        cli(capsys, *o, "exchange", "export", "--for", user, "-o", str(tmp_path / f"to-{user}.inspx"))
        cli(capsys, "--data-dir", str(laptop), "init", "--admin-password", "local-admin")
        cli(capsys, "--data-dir", str(laptop), "exchange", "import", str(tmp_path / f"to-{user}.inspx"))
    photos = photo_files()
    # A: an on-site and a covert visit of D01's buses; B: an on-site visit of another unit's bus.
    onsite = record_inspection(laptop_a, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=mine[0],
                               photo=photos[0])
    covert = record_inspection(laptop_a, "zhangwei", mode=InspectionMode.COVERT, vehicle_index=mine[1],
                               photo=photos[1])
    elsewhere = record_inspection(laptop_b, "lina", mode=InspectionMode.ONSITE, vehicle_index=others[0],
                                  photo=photos[2])
    cli(capsys, "--data-dir", str(laptop_a), "--user", "zhangwei", "exchange", "export", "-o",
        str(tmp_path / "from-a.inspx"))
    cli(capsys, "--data-dir", str(laptop_b), "--user", "lina", "exchange", "export", "-o",
        str(tmp_path / "from-b.inspx"))
    # Global ids are given as records first travel.
    gids = {"onsite": _gid(laptop_a, "inspection", onsite), "covert": _gid(laptop_a, "inspection", covert),
            "elsewhere": _gid(laptop_b, "inspection", elsewhere)}
    cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a.inspx"))
    cli(capsys, *o, "exchange", "import", str(tmp_path / "from-b.inspx"))
    open_number = _issue(capsys, office, _office_local(office, gids["onsite"]))
    covert_number = _issue(capsys, office, _office_local(office, gids["covert"]))

    # The manager's laptop joins with the office's file for liuyang (D01's 负责人).
    to_m = tmp_path / "to-liuyang-1.inspx"
    cli(capsys, *o, "exchange", "export", "--for", "liuyang", "-o", str(to_m))
    cli(capsys, "--data-dir", str(laptop_m), "init", "--admin-password", "local-admin")
    joined = cli(capsys, "--data-dir", str(laptop_m), "exchange", "import", str(to_m))
    assert "joined the organisation" in joined.out
    assert _rows(laptop_m, "SELECT number FROM notices") == [(open_number,)]
    assert (laptop_m / "notices" / f"{open_number}.pdf").is_file()
    held = {gid for (gid,) in _rows(laptop_m, "SELECT gid FROM record_ids WHERE kind = 'inspection'")}
    assert held == {gids["onsite"]}
    assert _rows(laptop_m, "SELECT count(*) FROM inspections WHERE mode = 'covert'") == [(0,)]
    # The relayed inspection keeps its author's device as its origin, with its finding and photo.
    device_a = json.loads(cli(capsys, "--data-dir", str(laptop_a), "--user", "zhangwei", "device", "--json").out)
    assert _rows(laptop_m, "SELECT origin FROM record_ids WHERE gid = ?", (gids["onsite"],)) == [
        (device_a["device_id"],)]
    assert _rows(laptop_m, "SELECT count(*) FROM findings") == [(1,)]
    photo_sha = _rows(laptop_a, "SELECT p.sha256 FROM photos p JOIN answer_photos a ON a.photo_id = p.id"
                                " WHERE a.inspection_id = ?", (onsite,))[0][0]
    assert _rows(laptop_m, "SELECT sha256 FROM photos") == [(photo_sha,)]
    # What the manager may do there: read the notice and the inspection behind it.
    listed = json.loads(cli(capsys, "--data-dir", str(laptop_m), "--user", "liuyang", "notices", "list",
                            "--json").out)
    assert [row["number"] for row in (listed if isinstance(listed, list) else listed["notices"])] == [open_number]

    # Nothing of the covert visit or of the other unit is in the file, byte for byte.
    raw = _raw(to_m)
    for secret in (gids["covert"].encode(), covert_number.encode(), b'"mode":"covert"', gids["elsewhere"].encode()):
        assert secret not in raw
    assert raw.count(b"$argon2") == 1  # liuyang's own hash, nobody else's

    # A's receipt at the depot reaches the manager through the office.
    cli(capsys, *o, "exchange", "export", "--for", "zhangwei", "-o", str(tmp_path / "to-zhangwei-2.inspx"))
    cli(capsys, "--data-dir", str(laptop_a), "--user", "zhangwei", "exchange", "import",
        str(tmp_path / "to-zhangwei-2.inspx"))
    cli(capsys, "--data-dir", str(laptop_a), "--user", "zhangwei", "notices", "ack", open_number,
        "--signer", "李队长")
    cli(capsys, "--data-dir", str(laptop_a), "--user", "zhangwei", "exchange", "export", "-o",
        str(tmp_path / "from-a-2.inspx"))
    cli(capsys, *o, "exchange", "import", str(tmp_path / "from-a-2.inspx"))
    cli(capsys, *o, "exchange", "export", "--for", "liuyang", "-o", str(tmp_path / "to-liuyang-2.inspx"))
    second = json.loads(cli(capsys, "--data-dir", str(laptop_m), "--user", "liuyang", "exchange", "import",
                            str(tmp_path / "to-liuyang-2.inspx"), "--json").out)
    assert second["new"].get("receipt") == 1 and "inspection" not in second["new"]
    assert _rows(laptop_m, "SELECT signer_name FROM notice_receipts") == [("李队长",)]
    for folder, user in ((laptop_m, "liuyang"), (office, "wangfang")):
        result = cli(capsys, "--data-dir", str(folder), "--user", user, "check", ok=False)
        assert result.code == 0, result.out + result.err


def test_an_office_file_may_not_carry_an_office_record_in_a_laptops_name() -> None:
    """Passing on is for what laptops record: a notice (the office's) under another device's
    name is refused, as before."""
    from inspector.domain.errors import InspectorError
    from inspector.domain.records import Record, RecordKind, new_id
    from inspector.services.exchange_import import Merger

    laptop_x, office_y, laptop_z = (str(uuid.uuid4()) for _ in range(3))

    notice = Record(kind=RecordKind.NOTICE, id=new_id(), origin=laptop_x, body={"entity": new_id()})
    with pytest.raises(InspectorError) as refused:
        Merger._allowed(notice, sender=office_y, laptop_file=False, file="f.inspx")
    assert refused.value.code == "exchange_record_not_senders"
    inspection = Record(kind=RecordKind.INSPECTION, id=new_id(), origin=laptop_x, body={"entity": new_id()})
    Merger._allowed(inspection, sender=office_y, laptop_file=False, file="f.inspx")
    with pytest.raises(InspectorError) as from_laptop:
        Merger._allowed(inspection, sender=laptop_z, laptop_file=True, file="f.inspx")
    assert from_laptop.value.code == "exchange_record_not_senders"


def _plates(office: Path) -> tuple[str, str]:
    """A plate of unit D01 (liuyang's) and one of another unit."""
    context = open_context(office)
    try:
        user = context.users.authenticate("wangfang", PASSWORD)
        units = {unit.id: unit.code for unit in context.registry.list(user, RegistryKind.UNITS)}
        vehicles = context.registry.list(user, RegistryKind.VEHICLES)
        return (next(v.plate for v in vehicles if units[v.unit_id] == "D01"),
                next(v.plate for v in vehicles if units[v.unit_id] != "D01"))
    finally:
        context.close()


def test_a_managers_laptop_receives_its_units_complaints_with_the_complainant_masked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#16.6 「exchange files carry them」: the unit's cases, every step, the finding made from
    one and its investigation's photo reach the manager; the complainant's name and phone never
    leave the office; a later step at the office arrives as the next state of the same case."""
    office, laptop_m = tmp_path / "office", tmp_path / "m"
    build_office(capsys, office)
    o = ("--data-dir", str(office), "--user", "wangfang")
    ours, theirs = _plates(office)
    received = "2026-12-01T09:30"
    added = json.loads(cli(capsys, *o, "complaints", "add", "--channel", "phone", "--kind", "complaint",
                           "--received", received, "--vehicle", ours, "--what", "司机态度生硬，未等乘客坐稳即起步",
                           "--name", "王小明", "--phone", "13812345678", "--json").out)
    number = added["number"]
    other = json.loads(cli(capsys, *o, "complaints", "add", "--channel", "phone", "--kind", "complaint",
                           "--received", received, "--vehicle", theirs, "--what", "车厢地面有积水",
                           "--name", "赵四", "--phone", "13900001111", "--json").out)["number"]
    photo = photo_files()[0]
    cli(capsys, *o, "complaints", "investigate", number, "--notes", "询问驾驶员，承认起步过急", "--photo", str(photo))
    items = [code for code, *_ in _finding_items(office, number)]
    cli(capsys, *o, "complaints", "resolve", number, "--liability", "liable", "--measures", "批评教育，当面道歉",
        "--apology", "--finding", items[0])

    to_m = tmp_path / "to-liuyang-1.inspx"
    cli(capsys, *o, "exchange", "export", "--for", "liuyang", "-o", str(to_m))
    cli(capsys, "--data-dir", str(laptop_m), "init", "--admin-password", "local-admin")
    first = json.loads(cli(capsys, "--data-dir", str(laptop_m), "exchange", "import", str(to_m), "--json").out)
    assert first["new"]["complaint"] == 1
    m = ("--data-dir", str(laptop_m), "--user", "liuyang")
    shown = json.loads(cli(capsys, *m, "complaints", "show", number, "--json").out)
    assert shown["status"] == "resolved" and shown["liability"] == "liable"
    assert shown["intake"]["complainant_name"] == "王**" and shown["intake"]["complainant_phone"] == "138****5678"
    assert [event["kind"] for event in shown["events"]] == ["intake", "investigation", "result", "finding"]
    assert len(shown["finding_ids"]) == 1
    assert _rows(laptop_m, "SELECT count(*) FROM complaint_photos") == [(1,)]
    assert _rows(laptop_m, "SELECT number FROM complaints") == [(number,)]
    raw = _raw(to_m)
    for secret in ("王小明", "13812345678", "赵四", "13900001111", other):
        assert secret.encode() not in raw, secret

    # The complainant's opinion recorded at the office: the next file carries the case's next state.
    cli(capsys, *o, "complaints", "feedback", number, "--opinion", "satisfied")
    cli(capsys, *o, "exchange", "export", "--for", "liuyang", "-o", str(tmp_path / "to-liuyang-2.inspx"))
    second = json.loads(cli(capsys, *m, "exchange", "import", str(tmp_path / "to-liuyang-2.inspx"), "--json").out)
    assert second["new"] == {"complaint": 1}
    shown = json.loads(cli(capsys, *m, "complaints", "show", number, "--json").out)
    assert shown["status"] == "answered" and shown["events"][-1]["kind"] == "feedback"
    result = cli(capsys, *m, "check", ok=False)
    assert result.code == 0, result.out + result.err


def _finding_items(office: Path, number: str) -> list[tuple[str, str, str]]:
    context = open_context(office)
    try:
        user = context.users.authenticate("wangfang", PASSWORD)
        case = context.complaints.by_number(user, number)
        return context.complaints.finding_items(user, case.id)
    finally:
        context.close()


def test_a_later_state_of_a_complaint_may_only_add_steps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The receiving side of a complaint's next revision: a changed intake, a changed step or a
    missing step is refused naming the record, and nothing is written."""
    import sqlite_utils

    from inspector.storage.travel.codec import Rejected
    from inspector.storage.travel.complaints import COMPLAINT
    from inspector.storage.travel.ids import RecordIds

    office = tmp_path / "office"
    build_office(capsys, office)
    ours, _ = _plates(office)
    o = ("--data-dir", str(office), "--user", "wangfang")
    number = json.loads(cli(capsys, *o, "complaints", "add", "--channel", "phone", "--kind", "complaint",
                            "--received", "2026-12-01T09:30", "--vehicle", ours, "--what", "到站不停",
                            "--name", "王小明", "--phone", "13812345678", "--json").out)["number"]
    cli(capsys, *o, "complaints", "investigate", number, "--notes", "查看行车记录")
    db = sqlite_utils.Database(office / "inspector.db")
    device = db.execute("SELECT device_id FROM device").fetchone()[0]
    ids = RecordIds(db, device)
    local = db.execute("SELECT id FROM complaints WHERE number = ?", [number]).fetchone()[0]
    body = COMPLAINT.read(db, ids, local)
    assert body["complainant_name"] == "王**" and body["complainant_phone"] == "138****5678"
    before = db.execute("SELECT count(*) FROM complaint_events").fetchone()[0]
    body["complainant_name"] = db.execute("SELECT complainant_name FROM complaints").fetchone()[0]
    body["complainant_phone"] = db.execute("SELECT complainant_phone FROM complaints").fetchone()[0]
    changed_intake = {**body, "what": "到站不停，甩站"}
    changed_step = {**body, "events": [body["events"][0], {**body["events"][1], "kind": "result"}]}
    fewer_steps = {**body, "events": body["events"][:1]}
    for wrong, reason in ((changed_intake, "intake differs"), (changed_step, "step 2 differs"),
                          (fewer_steps, "fewer steps")):
        with pytest.raises(Rejected) as refused:
            COMPLAINT.update(db, ids, local, wrong, f"complaint {number}")
        assert reason in str(refused.value.params["reason"])
    assert db.execute("SELECT count(*) FROM complaint_events").fetchone()[0] == before
    db.close()
