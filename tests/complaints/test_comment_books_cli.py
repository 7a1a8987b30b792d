"""``inspector-cli comment-books …`` (#16.3): a day's books entered, answered and registered, the
buses missed listed, refusals exiting 2 with ``error:`` and saving nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from tests.cli.conftest import initialised, run_cli  # noqa: F401 - the fixture
from tests.complaints.test_cli import folder  # noqa: F401 - the fixture


def _cli(capsys, folder: Path, user: str, *argv: str):  # type: ignore[no-untyped-def]
    return run_cli(capsys, "--data-dir", str(folder), "--user", user, "comment-books", *argv)


def _counts(folder: Path) -> tuple[int, ...]:
    conn = sqlite3.connect(str(folder / "inspector.db"))
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("comment_book_collections", "comment_book_entries", "complaints", "audit_log"))
    finally:
        conn.close()


def test_a_day_of_comment_books_on_the_command_line(capsys, folder: Path) -> None:  # type: ignore[no-untyped-def]
    today = date.today().isoformat()
    code, out, err = _cli(capsys, folder, "qo1", "day", "--json")
    assert code == 0, err
    assert [bus["vehicle_label"] for bus in json.loads(out)["uncollected"]] == ["粤A·12345 (1-0801)"]
    code, out, err = _cli(capsys, folder, "qo1", "collect", "--vehicle", "1-0801", "--day", today,
                          "--entry", "表扬：司机热情", "--entry", "opinion:车内空调太冷", "--entry", "投诉：到站不停", "--json")
    assert code == 0, err
    book = json.loads(out)
    praise, opinion, complaint = book["entries"]
    assert [praise["state"], opinion["state"], complaint["state"]] == ["kept", "open", "open"]
    assert _cli(capsys, folder, "qo1", "reply", str(opinion["id"]), "--text", "已调高温度")[0] == 0
    code, out, err = _cli(capsys, folder, "qo1", "register", str(complaint["id"]))
    assert code == 0, err
    assert out.strip().startswith("TS-")
    number = out.strip()
    shown = json.loads(run_cli(capsys, "--data-dir", str(folder), "--user", "qo1", "complaints", "show", number,
                               "--json")[1])
    assert shown["intake"]["channel"] == "comment_book" and shown["intake"]["what"] == "到站不停"
    code, out, _ = _cli(capsys, folder, "qo1", "day", today, "--json")
    day = json.loads(out)
    assert day["open"] == 0 and day["uncollected"] == [] and day["entries"] == 3
    assert [e["state"] for e in day["collected"][0]["entries"]] == ["kept", "answered", "registered"]
    assert json.loads(_cli(capsys, folder, "qo1", "open", "--json")[1]) == []
    # The unit's manager reads the day; a supervisor may not enter a book.
    code, out, err = _cli(capsys, folder, "mgr1", "day", today, "--json")
    assert code == 0, err
    assert json.loads(out)["entries"] == 3
    before = _counts(folder)
    for user, argv, words in (
            ("sup1", ("collect", "--vehicle", "粤A12345", "--day", today), "error:"),
            ("qo1", ("collect", "--vehicle", "粤A12345", "--day", today), "collected already"),
            ("qo1", ("collect", "--vehicle", "粤A12345", "--day", "2026-13-01"), "error:"),
            ("qo1", ("collect", "--vehicle", "粤A12346", "--day", today), "粤A·12345"),
            ("qo1", ("collect", "--vehicle", "粤A12345", "--day", today, "--entry", "车内空调太冷"), "praise:"),
            ("qo1", ("reply", str(opinion["id"]), "--text", "再答"), "answered already"),
            ("qo1", ("reply", str(praise["id"]), "--text", "谢谢"), "praise"),
            ("qo1", ("register", "999"), "error:")):
        code, out, err = _cli(capsys, folder, user, *argv)
        assert code == 2 and err.startswith("error:") and words in err, (argv, err)
        assert "Traceback" not in err
    assert _counts(folder) == before
