"""``inspector-cli inspections export ID -o FILE.pdf`` and ``inspections export --month YYYY-MM
[--unit CODE] -o FILE.pdf``: the written inspection report (书面检查报告). The regulation (seeds-digest
D-121, D-105): 「检查结束后形成书面检查报告反馈各单位、部门」, 「做好《客服质量检查记录》」 — one
report per inspection, a clean one too; a month's in one PDF; bad input exits 2 with one
``error:`` line and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.domain.inspection_report import report_number
from tests.cli.test_inspections_cli import PLATE, _cli, _photo, _start, _t1_items, folder  # noqa: F401  (fixture)
from tests.pdf import page_count, pdftotext


def _completed(capsys: pytest.CaptureFixture[str], folder: Path, *, fail: bool = False) -> int:  # noqa: F811
    inspection = _start(capsys, folder, "sup1")
    for index, item in enumerate(_t1_items(folder)):
        result = "fail" if fail and index == 0 else "pass"
        extra = ("--note", "车身污渍", "--photo", str(_photo(folder, 7))) if result == "fail" else ()
        code, _, err = _cli(capsys, folder, "sup1", "inspections", "answer", str(inspection), item, result, *extra)
        assert code == 0, err
    code, _, err = _cli(capsys, folder, "sup1", "inspections", "complete", str(inspection))
    assert code == 0, err
    return inspection


def test_one_report_and_a_months_reports(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path  # noqa: F811
) -> None:
    clean = _completed(capsys, folder)
    failed = _completed(capsys, folder, fail=True)
    target = tmp_path / "one.pdf"
    code, out, err = _cli(capsys, folder, "sup1", "inspections", "export", str(clean), "-o", str(target))
    assert (code, err) == (0, ""), err
    assert out == f"wrote {target}: inspection report {report_number(clean)}\n"
    text = pdftotext(target.read_bytes(), tmp_path)
    assert "客服质量检查记录" in text and PLATE in text and report_number(clean) in text

    month = json.loads(_cli(capsys, folder, "sup1", "inspections", "show", str(clean), "--json")[1])["observed_at"][:7]
    both = tmp_path / "month.pdf"
    code, out, err = _cli(capsys, folder, "qo1", "inspections", "export", "--month", month, "--unit", "D01",
                          "-o", str(both))
    assert (code, err) == (0, ""), err
    assert out == f"wrote {both}: 2 inspection report(s) of {month}\n"
    text = pdftotext(both.read_bytes(), tmp_path)
    assert report_number(clean) in text and report_number(failed) in text and "车身污渍" in text
    assert page_count(both.read_bytes()) > page_count(target.read_bytes())


@pytest.mark.parametrize("args", [
    ("export", "-o", "x.pdf"),  # neither ID nor --month
    ("export", "1", "--month", "2026-11", "-o", "x.pdf"),  # both
    ("export", "--month", "2026-13", "-o", "x.pdf"),  # no such month
    ("export", "1", "--unit", "D01", "-o", "x.pdf"),  # --unit without --month
    ("export", "999", "-o", "x.pdf"),  # no such inspection
    ("export", "--month", "2001-01", "-o", "x.pdf"),  # nothing completed that month
])
def test_bad_input_exits_2_with_one_error_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path, args: tuple[str, ...],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.chdir(out_dir)
    code, out, err = _cli(capsys, folder, "sup1", "inspections", *args)
    assert code == 2 and out == "" and err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and not list(out_dir.iterdir())


def test_a_draft_is_refused_and_a_covert_visit_is_not_found_for_another_supervisor(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path  # noqa: F811
) -> None:
    draft = _start(capsys, folder, "sup1")
    code, _, err = _cli(capsys, folder, "sup1", "inspections", "export", str(draft), "-o", str(tmp_path / "d.pdf"))
    assert code == 2 and "still a draft" in err
    covert = _start(capsys, folder, "sup1", "--mode", "covert")
    code, _, err = _cli(capsys, folder, "sup2", "inspections", "export", str(covert), "-o", str(tmp_path / "c.pdf"))
    assert code == 2 and err.startswith("error: Not found")
    assert not list(tmp_path.glob("*.pdf"))
