"""``inspector-cli complaints …``: the whole procedure, refusals that exit 2 with ``error:`` and save
nothing, and the complainant never in the bytes a non-office reader gets (F2·2: 「记录好乘客的联系
电话,以便与乘客核实情况」 — the phone is for the office to check back, not for the units)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.domain.registry import RegistryKind
from inspector.domain.templates import TemplateStatus
from inspector.domain.users import Role
from inspector.storage import templates_repo
from inspector.storage.transaction import write_transaction
from tests.cli.conftest import initialised, run_cli  # noqa: F401 - the fixture
from tests.complaints.world import NAME, PHONE
from tests.conftest import PASSWORD
from tests.notice_world import BODY, jpeg


@pytest.fixture
def folder(initialised: Path) -> Path:
    context = open_context(initialised)
    try:
        office = context.users.by_username("qo1")
        admin = context.users.by_username("admin")
        unit, _ = context.registry.add(office, RegistryKind.UNITS, {"code": "D01", "name": "第一公交总站",
                                                                    "head_name": "赵建国"})
        context.registry.add(office, RegistryKind.VEHICLES, {"plate": "粤A12345", "fleet_no": "1-0801", "route": "8",
                                                             "unit_id": unit.id})
        context.registry.add(office, RegistryKind.STAFF, {"staff_no": "D0123", "name": "李师傅", "role": "driver",
                                                          "unit_id": unit.id})
        context.users.create(admin, username="mgr1", display_name="mgr1", role=Role.MANAGER, password=PASSWORD,
                             unit_id=unit.id)
        with write_transaction(context.db):
            templates_repo.insert_version(context.db, BODY, version=1, status=TemplateStatus.PUBLISHED,
                                          effective_month="2026-11", builtin=False,
                                          created_at="2026-10-20T10:00:00+08:00",
                                          published_at="2026-10-25T10:00:00+08:00")
    finally:
        context.close()
    return initialised


def _cli(capsys, folder: Path, user: str, *argv: str):  # type: ignore[no-untyped-def]
    return run_cli(capsys, "--data-dir", str(folder), "--user", user, "complaints", *argv)


def _snapshot(folder: Path) -> tuple:
    conn = sqlite3.connect(str(folder / "inspector.db"))
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("complaints", "complaint_events", "complaint_state", "audit_log", "inspections"))
    finally:
        conn.close()


def _received(hours_ago: float = 2) -> str:
    return (datetime.now().astimezone() - timedelta(hours=hours_ago)).isoformat(timespec="minutes")


def _add(capsys, folder: Path, *extra: str) -> str:  # type: ignore[no-untyped-def]
    code, out, err = _cli(capsys, folder, "qo1", "add", "--channel", "hotline_12319", "--order-no", "12319-0007",
                          "--kind", "complaint", "--received", _received(), "--vehicle", "粤A12345",
                          "--what", "司机态度生硬", "--name", NAME, "--phone", PHONE, *extra)
    assert code == 0, err
    return out.strip()


def test_the_procedure_on_the_command_line(capsys, folder: Path) -> None:  # type: ignore[no-untyped-def]
    number = _add(capsys, folder, "--behaviour", "nonstandard")
    assert number.startswith("TS-")
    photo = jpeg(folder.parent, 3)
    assert _cli(capsys, folder, "qo1", "investigate", number, "--notes", "询问笔录", "--photo", str(photo))[0] == 0
    code, out, err = _cli(capsys, folder, "qo1", "resolve", number, "--liability", "liable", "--measures", "批评教育",
                          "--apology", "--finding", "N1-1")
    assert code == 0, err
    assert "findings:" in out
    code, out, _ = run_cli(capsys, "--data-dir", str(folder), "--user", "qo1", "notices", "create",
                           "--inspection", "1", "--every-open", "--json")  # an ordinary case: by choice
    assert code == 0 and json.loads(out)[0]["number"].startswith("ZG-")
    assert _cli(capsys, folder, "qo1", "feedback", number, "--opinion", "satisfied")[0] == 0
    code, out, _ = _cli(capsys, folder, "qo1", "close", number)
    assert code == 0 and "closed" in out
    code, out, _ = _cli(capsys, folder, "qo1", "show", number, "--json")
    shown = json.loads(out)
    assert shown["status"] == "closed" and [e["kind"] for e in shown["events"]] == [
        "intake", "investigation", "result", "finding", "feedback", "closed"]
    assert shown["intake"]["complainant_phone"] == PHONE  # the office sees the complainant


@pytest.mark.parametrize(("subject", "received", "words"), [
    (("--vehicle", "粤A12345"), "2099-01-01T09:00", "future"),
    (("--vehicle", "粤A12354"), None, "closest are: 粤A·12345"),
    (("--staff", "D0132"), None, "closest are: D0123"),
    (("--vehicle", "粤A12345"), "yesterday", "--received"),
    (("--vehicle", "粤Z00000"), None, "none is close"),
])
def test_bad_intake_exits_2_and_saves_nothing(capsys, folder: Path, subject, received, words: str) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(folder)
    code, out, err = _cli(capsys, folder, "qo1", "add", "--channel", "phone", "--kind", "complaint",
                          "--received", received or _received(), *subject, "--what", "x")
    assert code == 2 and err.startswith("error:") and words in err, err
    assert "Traceback" not in err and out == ""
    assert _snapshot(folder) == before


def test_steps_out_of_order_exit_2(capsys, folder: Path) -> None:  # type: ignore[no-untyped-def]
    number = _add(capsys, folder)
    before = _snapshot(folder)
    code, _, err = _cli(capsys, folder, "qo1", "resolve", number, "--liability", "liable", "--measures", "m")
    assert code == 2 and "without investigation" in err
    code, _, err = _cli(capsys, folder, "qo1", "close", number)
    assert code == 2 and "feedback" in err
    code, _, err = _cli(capsys, folder, "sup1", "investigate", number, "--notes", "x")
    assert code == 2 and err.startswith("error:")
    assert _snapshot(folder) == before


def test_others_never_get_the_complainant_in_the_bytes(capsys, folder: Path) -> None:  # type: ignore[no-untyped-def]
    number = _add(capsys, folder)
    for user in ("sup1", "mgr1", "admin"):
        for argv in (("list", "--json"), ("show", number, "--json"), ("show", number), ("list",)):
            code, out, err = _cli(capsys, folder, user, *argv)
            assert code == 0, err
            raw = out.encode("utf-8")
            assert PHONE.encode() not in raw and NAME.encode() not in raw, (user, argv)
            assert PHONE[-4:].encode() in raw or "list" in argv  # masked, not dropped: 138****1234
        assert "138****1234" in _cli(capsys, folder, user, "show", number, "--json")[1]
