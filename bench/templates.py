"""Template spreadsheet export and import of a 2 000-item template (40 sections × 50 items).

    python bench/templates.py [--runs N] [--sections S] [--items I]

Times, each the median of N runs (default 5) after one untimed warm-up:
- export: ``write_template_xlsx`` (write-only openpyxl, styled header and group rows, atomic replace);
- import: ``read_template_xlsx`` (sniff, read-only openpyxl, merged-cell scan, every check,
  ``validate_template``);
- service import: ``TemplateTransferService.import_xlsx`` (the above plus the role check, the
  insert of the next draft version and the audit entry).

The baseline in the same run: openpyxl writing the same number of rows × columns of plain values
(normal mode, unstyled), and reading them back with ``iter_rows(values_only=True)`` in read-only
mode, i.e. the least any xlsx code built on openpyxl can cost. Target: ≤ 1 s each for export and
import. Prints figures and ratios; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.context import open_context
from inspector.domain.templates import (
    Severity,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
)
from inspector.services.template_sheets_format import SURVEY_COLUMNS
from inspector.services.template_sheets_read import read_template_xlsx
from inspector.services.template_sheets_write import write_template_xlsx


def build_body(sections: int, items: int) -> TemplateBody:
    return TemplateBody(code="BENCH", title_zh="基准模板", title_en="Benchmark", subject=SubjectKind.LOCATION,
                        sections=tuple(TemplateSection(
                            code=f"BENCH-{s}", title_zh=f"第{s}部分 卫生与设施", title_en=f"Part {s}", deduct_cap=20,
                            items=tuple(TemplateItem(
                                code=f"BENCH-{s}.{i}", text_zh=f"地面、墙面、设施设备清洁完好 {s}.{i}",
                                text_en=f"Floors, walls and fittings clean and intact {s}.{i}",
                                guidance_zh="无积尘、无污渍、无破损,标识清晰。",
                                guidance_en="No dust, stains or damage; signs legible.",
                                deduct=float(i % 5 + 1), severity=Severity.SERIOUS if i % 7 == 0 else Severity.GENERAL,
                                photos_on_fail=1, source="F2·1 item 8") for i in range(1, items + 1)))
                            for s in range(1, sections + 1)))


def median_time(action: Callable[[int], object], runs: int) -> float:
    action(-1)  # warm-up: imports, file cache
    times = []
    for run in range(runs):
        started = time.perf_counter()
        action(run)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def plain_rows(body: TemplateBody) -> list[list[object]]:
    """The same number of rows and columns as the survey sheet, filled with comparable values."""
    width = len(SURVEY_COLUMNS)
    rows = [list(SURVEY_COLUMNS)]
    for section in body.sections:
        rows.append(["begin group", section.code, section.title_zh] + [None] * (width - 3))
        for item in section.items:
            rows.append(["select_one pass_fail", item.code, item.text_zh, item.text_en, item.guidance_zh,
                         item.guidance_en, "yes", item.deduct, item.weight, None, "no", 1, "yes", "general",
                         None, None, None, None, "direct", item.source, None][:width])
        rows.append(["end group"] + [None] * (width - 1))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sections", type=int, default=40)
    parser.add_argument("--items", type=int, default=50)
    args = parser.parse_args()

    import openpyxl

    body = build_body(args.sections, args.items)
    rows = plain_rows(body)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        template_file = work / "BENCH.xlsx"

        def export(run: int) -> None:
            write_template_xlsx(body, template_file, version=1, effective_month="2025-07")

        def import_(run: int) -> None:
            assert read_template_xlsx(template_file) == body

        def plain_write(run: int) -> None:
            workbook = openpyxl.Workbook()  # normal mode, as the exporter uses (see its docstring)
            sheet = workbook.active
            for row in rows:
                sheet.append(row)
            workbook.save(work / "plain.xlsx")

        def plain_read(run: int) -> None:
            workbook = openpyxl.load_workbook(work / "plain.xlsx", read_only=True, data_only=True)
            count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
            workbook.close()
            assert count == len(rows)

        export_time = median_time(export, args.runs)
        import_time = median_time(import_, args.runs)
        plain_write_time = median_time(plain_write, args.runs)
        plain_read_time = median_time(plain_read, args.runs)
        context = open_context(work / "data")
        try:
            admin, _ = context.users.create_first_admin("admin", "管理员", "bench-password")
            # each run adds the next draft version: the same work every time
            service_time = median_time(lambda run: context.template_transfer.import_xlsx(admin, template_file),
                                       args.runs)
        finally:
            context.close()
        size = template_file.stat().st_size

    print(f"template: {body.item_count} items in {len(body.sections)} sections, "
          f"{len(rows)} survey rows × {len(SURVEY_COLUMNS)} columns, file {size / 1024:.0f} KiB; "
          f"median of {args.runs} runs")
    print(f"export  write_template_xlsx          {export_time * 1000:7.0f} ms   "
          f"(plain openpyxl write {plain_write_time * 1000:5.0f} ms, ratio {export_time / plain_write_time:4.2f}×)")
    print(f"import  read_template_xlsx           {import_time * 1000:7.0f} ms   "
          f"(plain openpyxl read  {plain_read_time * 1000:5.0f} ms, ratio {import_time / plain_read_time:4.2f}×)")
    print(f"import  TemplateTransferService      {service_time * 1000:7.0f} ms   (read + role check, insert, audit)")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (timings scale with the load)")
    print(f"target ≤ 1000 ms each: export {'met' if export_time <= 1 else 'MISSED'}, "
          f"import {'met' if import_time <= 1 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
