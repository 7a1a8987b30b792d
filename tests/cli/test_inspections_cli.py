"""``inspector-cli inspections``: a T1 inspection on a registered bus recorded from start to
completion with a photo, read back with ``show --json`` and ``list --json``; covert visits hidden
from other supervisors; bad subjects, unknown items, broken photos and incomplete drafts refused
with exit 2, one ``error:`` line, and nothing written."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.domain.registry import RegistryKind
from inspector.domain.users import Role
from inspector.media.synthetic import scene_photo
from tests.cli.conftest import run_cli
from tests.conftest import PASSWORD

PLATE = "粤B·12345"
FLEET_NO = "1A-001"


@pytest.fixture
def folder(initialised: Path) -> Path:
    """The initialised folder plus a second supervisor ``sup2``, a depot and a bus."""
    context = open_context(initialised)
    try:
        admin = context.users.by_username("admin")
        context.users.create(admin, username="sup2", display_name="sup2", role=Role.SUPERVISOR, password=PASSWORD)
        depot, _ = context.registry.add(admin, RegistryKind.UNITS, {"code": "D01", "name": "一号总站"})
        context.registry.add(admin, RegistryKind.VEHICLES, {
            "plate": PLATE, "fleet_no": FLEET_NO, "route": "12路", "unit_id": depot.id, "model": "比亚迪K8",
        })
        # The visits below were observed in 2025-03, before the built-ins' month: a version of
        # T1 in force from 2025-01 is what they use (an inspection takes its month's version, #13.2).
        office = context.users.create(admin, username="office", display_name="office", role=Role.QUALITY_OFFICE,
                                      password=PASSWORD)[0]
        draft, _ = context.templates.copy_to_month(office, "T1", "2025-01")
        context.templates.publish(office, draft.id, "2025-01")
    finally:
        context.close()
    return initialised


def _cli(capsys: pytest.CaptureFixture[str], folder: Path, user: str, *args: str) -> tuple[int, str, str]:
    return run_cli(capsys, "--data-dir", str(folder), "--user", user, *args)


def _t1_items(folder: Path) -> list[str]:
    context = open_context(folder)
    try:
        template = context.templates.latest_published(context.users.by_username("admin"), "T1")
        return [item.code for _, item in template.body.iter_items()]
    finally:
        context.close()


def _snapshot(folder: Path) -> tuple[object, ...]:
    """Rows of everything an inspection command writes, the audit count, and the stored files."""
    conn = sqlite3.connect(str(folder / "inspector.db"))
    try:
        tables = [conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                  for table in ("inspections", "answers", "answer_photos", "photos", "findings")]
        audit = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    finally:
        conn.close()
    files = sorted(path.relative_to(folder).as_posix() for path in (folder / "photos").rglob("*") if path.is_file())
    return (*tables, audit, files)


def _photo(tmp_path: Path, seed: int) -> Path:
    path = tmp_path / f"photo{seed}.jpg"
    path.write_bytes(scene_photo(seed, f"车厢地面 {seed}"))
    return path


def _start(capsys: pytest.CaptureFixture[str], folder: Path, user: str, *extra: str) -> int:
    code, out, err = _cli(capsys, folder, user, "inspections", "start", "--template", "T1",
                          "--subject", f"vehicle:{PLATE}", *extra)
    assert (code, err) == (0, ""), err
    return int(out.strip())


def test_record_complete_show_and_list(capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path) -> None:
    inspection = _start(capsys, folder, "sup1", "--observed-at", "2025-03-04T09:30:00+08:00")
    photo = _photo(tmp_path, 1)
    items = _t1_items(folder)
    failed, not_applicable = items[1], items[2]

    code, out, err = _cli(capsys, folder, "sup1", "inspections", "answer", str(inspection), failed, "fail",
                          "--severity", "serious", "--note", "地面有积水", "--photo", str(photo))
    assert (code, out, err) == (0, f"saved {failed}\n", "")

    code, _, err = _cli(capsys, folder, "sup1", "inspections", "complete", str(inspection))
    assert code == 2 and err.startswith(f"error: inspection {inspection} cannot be completed: ")
    assert f"  {items[0]}: not answered" in err.splitlines() and failed not in err

    for item in items:
        if item not in (failed, not_applicable):
            assert _cli(capsys, folder, "sup1", "inspections", "answer", str(inspection), item, "pass")[0] == 0
    assert _cli(capsys, folder, "sup1", "inspections", "answer", str(inspection), not_applicable, "na")[0] == 0
    code, out, err = _cli(capsys, folder, "sup1", "inspections", "complete", str(inspection))
    assert code == 0, err
    assert out.startswith(f"completed {inspection}: score ") and "1 finding(s)" in out

    code, out, err = _cli(capsys, folder, "sup1", "inspections", "show", str(inspection), "--json")
    assert code == 0, err
    shown = json.loads(out)
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert shown["status"] == "completed" and shown["mode"] == "onsite"
    assert shown["subject"]["label"] == PLATE and (datetime.fromisoformat(shown["observed_at"])
                                                 == datetime.fromisoformat("2025-03-04T09:30:00+08:00"))
    assert shown["score"]["stored"] and shown["score"]["veto_failed"] is False
    assert 0 < shown["score"]["score"] < shown["score"]["max_score"] == 100.0
    assert shown["score"]["answered"] == shown["score"]["applicable"] == len(items)
    assert [(f["item_code"], f["severity"], f["note"], f["photos"]) for f in shown["findings"]] == [
        (failed, "serious", "地面有积水", [sha])]
    assert shown["photos"] == [sha]
    answered = {a["item_code"]: a for a in shown["answers"]}
    assert answered[failed]["photos"] == [sha] and answered[not_applicable]["result"] == "na"

    code, out, _ = _cli(capsys, folder, "sup1", "inspections", "show", str(inspection))
    assert code == 0 and f"photo {sha}" in out and PLATE in out

    code, out, _ = _cli(capsys, folder, "qo1", "inspections", "list", "--json", "--status", "completed")
    assert code == 0
    assert [(row["id"], row["score"]) for row in json.loads(out)] == [(inspection, shown["score"]["score"])]
    code, out, _ = _cli(capsys, folder, "qo1", "inspections", "list", "--json", "--status", "draft")
    assert (code, json.loads(out)) == (0, [])

    before = _snapshot(folder)
    code, _, err = _cli(capsys, folder, "sup1", "inspections", "answer", str(inspection), failed, "pass")
    assert code == 2 and err.startswith("error: ") and "completed" in err
    assert _snapshot(folder) == before


def test_covert_visit_hidden_from_other_supervisors(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    covert = _start(capsys, folder, "sup1", "--mode", "covert", "--observed-at", "2025-03-01T18:05")
    onsite = _start(capsys, folder, "sup1", "--subject", f"vehicle:{FLEET_NO}")  # the last --subject wins

    code, out, err = _cli(capsys, folder, "sup2", "inspections", "show", str(covert))
    assert code == 2 and out == "" and err.startswith("error: ") and err.count("\n") == 1
    assert "covert" not in err.lower() and "暗访" not in err
    missing = onsite + 100
    code_missing, out_missing, err_missing = _cli(capsys, folder, "sup2", "inspections", "show", str(missing))
    # issue #12.3: a hidden covert visit and an id that does not exist get the same answer
    assert (code_missing, out_missing) == (code, out)
    assert err_missing.replace(str(missing), "ID") == err.replace(str(covert), "ID")
    for flag in ((), ("--json",)):
        assert _cli(capsys, folder, "sup2", "inspections", "show", str(covert), *flag)[::2] == (2, err)
    code, out, _ = _cli(capsys, folder, "sup2", "inspections", "list", "--json")
    assert code == 0 and [row["id"] for row in json.loads(out)] == [onsite]
    code, out, _ = _cli(capsys, folder, "sup2", "inspections", "list", "--json", "--mode", "covert")
    assert (code, json.loads(out)) == (0, [])

    for user in ("sup1", "qo1"):  # the author and the quality office see it
        code, out, _ = _cli(capsys, folder, user, "inspections", "show", str(covert), "--json")
        assert code == 0 and json.loads(out)["mode"] == "covert"
    code, _, err = _cli(capsys, folder, "sup2", "inspections", "answer", str(onsite), _t1_items(folder)[0], "pass")
    assert code == 2 and err.startswith("error: ")  # not their inspection


@pytest.mark.parametrize("subject", ["vehicle:粤B·99999", "car:1A-001", f"staff:{PLATE}", "vehicle:", "unit:D01"])
def test_bad_subject_exits_2_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, subject: str
) -> None:
    before = _snapshot(folder)
    code, out, err = _cli(capsys, folder, "sup1", "inspections", "start", "--template", "T1", "--subject", subject)
    assert code == 2 and out == "" and err.startswith("error: ") and err.count("\n") == 1
    assert _snapshot(folder) == before


def test_unknown_item_and_bad_photo_exit_2_and_write_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    inspection = _start(capsys, folder, "sup1")
    item = _t1_items(folder)[0]
    good = _photo(tmp_path, 2)
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(_photo(tmp_path, 3).read_bytes()[:4000])
    not_a_photo = tmp_path / "notes.jpg"
    not_a_photo.write_text("这不是照片", encoding="utf-8")
    before = _snapshot(folder)

    code, out, err = _cli(capsys, folder, "sup1", "inspections", "answer", str(inspection), "T1-9.9", "fail",
                          "--photo", str(good))
    assert code == 2 and out == "" and err.startswith("error: ") and "T1-9.9" in err
    for broken in (truncated, not_a_photo, tmp_path / "missing.jpg"):
        code, out, err = _cli(capsys, folder, "sup1", "inspections", "answer", str(inspection), item, "fail",
                              "--photo", str(good), "--photo", str(broken))
        assert code == 2 and out == "" and err.startswith("error: ") and broken.name in err, err
    with pytest.raises(SystemExit) as refused:  # argparse's own refusal of a result it does not know
        _cli(capsys, folder, "sup1", "inspections", "answer", str(inspection), item, "maybe")
    assert refused.value.code == 2 and "invalid choice" in capsys.readouterr().err
    code, _, err = _cli(capsys, folder, "sup1", "inspections", "answer", "9999", item, "pass")
    assert code == 2 and err.startswith("error: ") and "9999" in err
    assert _snapshot(folder) == before
