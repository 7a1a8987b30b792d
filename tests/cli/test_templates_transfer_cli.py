"""``inspector-cli templates export`` / ``templates import`` in process: export T1, import it back
as the next draft version, and refuse broken files, unknown codes and wrong roles with exit 2,
an ``error:`` line, one indented line per problem, and nothing written.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from inspector.services.template_sheets_read import read_template_xlsx
from inspector.services.templates import builtin_templates_dir, load_builtin_bodies
from tests.cli.conftest import run_cli, template_snapshot


def test_export_then_import_as_the_next_draft(initialised: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "T1.xlsx"
    base = ("--data-dir", str(initialised))
    code, out, err = run_cli(capsys, *base, "--user", "sup1", "templates", "export", "T1", "-o", str(out_file))
    assert code == 0, err
    assert out.strip() == f"exported T1 version 1 (published) to {out_file}"
    builtin = {body.code: body for body in load_builtin_bodies(builtin_templates_dir())}["T1"]
    assert read_template_xlsx(out_file) == builtin

    code, out, err = run_cli(capsys, *base, "--user", "qo1", "templates", "import", str(out_file))
    assert code == 0, err
    assert out.strip() == "imported T1 version 2 (draft, 25 items)"

    code, out, err = run_cli(capsys, *base, "--user", "sup1", "templates", "list", "--json")
    assert code == 0, err
    rows = [(r["code"], r["version"], r["status"], r["item_count"]) for r in json.loads(out) if r["code"] == "T1"]
    assert rows == [("T1", 1, "published", 25), ("T1", 2, "draft", 25)]

    again = tmp_path / "T1-v2.xlsx"
    code, out, err = run_cli(capsys, *base, "--user", "sup1", "templates", "export", "T1", "-o", str(again),
                          "--version", "2")
    assert code == 0 and "T1 version 2 (draft)" in out, err
    assert read_template_xlsx(again) == builtin


def test_a_broken_file_exits_2_with_one_line_per_problem(initialised: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "T3.xlsx"
    code, _, err = run_cli(capsys, "--data-dir", str(initialised), "templates", "export", "T3", "-o", str(path))
    assert code == 0, err
    workbook = openpyxl.load_workbook(path)
    survey = workbook["survey"]
    header = [cell.value for cell in survey[1]]
    survey.cell(row=3, column=header.index("deduct") + 1).value = "两分"
    survey.cell(row=5, column=header.index("type") + 1).value = "geopoint3d"  # no XLSForm type
    workbook.save(path)
    before = template_snapshot(initialised)

    code, out, err = run_cli(capsys, "--data-dir", str(initialised), "--user", "qo1", "templates", "import", str(path))
    assert code == 2 and out == "" and "Traceback" not in err
    lines = err.splitlines()
    assert lines[0] == f"error: {path}: 2 problem(s) found; nothing was imported."
    assert lines[1] == '  sheet survey, row 3, column deduct: "两分" is not a number'
    assert lines[2].startswith('  sheet survey, row 5, column type: "geopoint3d" is not a supported type')
    assert len(lines) == 3
    assert template_snapshot(initialised) == before


@pytest.mark.parametrize(("argv", "expected"), [
    (("--user", "qo1", "templates", "import", "{tmp}/missing.xlsx"), "does not exist"),
    (("--user", "qo1", "templates", "import", "{tmp}/notes.xlsx"), "text file (such as CSV)"),
    (("--user", "sup1", "templates", "import", "{tmp}/notes.xlsx"), "may not edit checklist templates"),
    (("--user", "qo1", "templates", "export", "T9", "-o", "{tmp}/T9.xlsx"), "T9"),
    (("--user", "qo1", "templates", "export", "T1", "--version", "7", "-o", "{tmp}/T1.xlsx"), "T1 v7"),
    (("--user", "qo1", "templates", "export", "T1", "-o", "{tmp}/T1.pdf"), "save it as .xlsx"),
    (("--user", "qo1", "templates", "export", "T1", "-o", "{tmp}/no/such/folder/T1.xlsx"), "could not be written"),
])
def test_errors_exit_2_and_write_nothing(initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         argv: tuple[str, ...], expected: str) -> None:
    files = tmp_path / "files"
    files.mkdir()
    (files / "notes.xlsx").write_text("分类,检查项目\n车身,清洁\n", encoding="utf-8")
    before = template_snapshot(initialised)
    code, out, err = run_cli(capsys, "--data-dir", str(initialised), *(a.format(tmp=files) for a in argv))
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.startswith("error: ") and expected in err, err
    assert template_snapshot(initialised) == before
    assert sorted(p.name for p in files.iterdir()) == ["notes.xlsx"]  # no file left behind


def test_a_form_without_a_subject_needs_the_option_and_json_lists_every_row(
        initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.services.xlsform_forms import ODK_SAMPLE, write_form

    path = write_form(tmp_path / "depot.xlsx", ODK_SAMPLE)
    base = ("--data-dir", str(initialised), "--user", "qo1", "templates", "import", str(path))
    before = template_snapshot(initialised)
    code, out, err = run_cli(capsys, *base)
    assert code == 2 and out == "" and "Traceback" not in err
    assert err == ("error: depot.xlsx does not say what it inspects; give --subject KIND "
                   "(one of: vehicle, staff, location, unit)\n")
    assert template_snapshot(initialised) == before

    with pytest.raises(SystemExit) as exited:  # argparse's own refusal of an unknown kind
        run_cli(capsys, *base, "--subject", "bus")
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "--subject" in err and "invalid choice" in err

    code, out, err = run_cli(capsys, *base, "--subject", "location", "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["code"], summary["version"], summary["items"], summary["sections"], summary["subject"],
            summary["subject_given"]) == ("depot_inspection", 1, 4, 2, "location", True)
    assert [(row["row"], row["code"]) for row in summary["skipped"]] == [
        (2, "skipped_metadata"), (3, "skipped_metadata"), (4, "skipped_metadata"), (10, "skipped_number"),
        (11, "skipped_type"), (17, "skipped_type"), (18, "skipped_multiple")]
    repeat = next(row for row in summary["mapped"] if row["code"] == "mapped_repeat")
    assert repeat["values"] == {"code": "vehicles", "title": "Vehicles"}
    assert repeat["text"] == ("sheet survey, row 13, column type: repeat vehicles became a section "
                              "(answered once per inspection): Vehicles")
    assert summary["skipped"][3]["text"] == ("sheet survey, row 10, column type: skipped staff_count: a number "
                                             "without a threshold (add a threshold column to check it)")

    code, out, err = run_cli(capsys, *base, "--subject", "location")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "imported depot_inspection version 2 (draft, 4 items)"
    assert lines[1] == "7 row(s) skipped:" and len(lines) == 9
