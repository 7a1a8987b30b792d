"""The monthly report PDF's tables: the small helpers every table of ``report_pdf`` is built with
(cells, shaded head row, headings that keep a few rows' room) and the two long lists.

- ``overdue_part``: under （五）整改通知, the notices still open past their deadline on the
  report's date (逾期未整改通知单), the longest overdue first, with what became of each since.
- ``coverage_note``: the line under the coverage table, the 100 % target and how many are left.
- ``uncovered_appendix``: 附表：本月未检对象, the registry subjects nobody inspected in the
  month, by kind, several to a row.

Both lists are capped so that a forwarded report stays a few pages; the workbook (月度报表) has
them in full (sheets 逾期通知单 and 未检对象), and the PDF says how many it left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from itertools import groupby

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from inspector.domain.notices import NoticeStatus
from inspector.domain.reports import MonthlyReport, OverdueNotice, UncoveredSubject
from inspector.domain.templates import SubjectKind
from inspector.words.report_notes import INSPECTED_NOTE, REGISTERED_NOTE
from inspector.pdf.layout import (
    ACCENT_HEX,
    FRAME_WIDTH,
    HEADER_FILL,
    RULE,
    cn_date,
    styles,
    table_style,
    text,
)

KIND_TEXT = {SubjectKind.VEHICLE: "车辆", SubjectKind.STAFF: "人员", SubjectKind.LOCATION: "场所",
             SubjectKind.UNIT: "单位"}
HEADING_ROOM = 38 * mm  # a heading, a table's head and two rows
APPENDIX_ROOM = 70 * mm  # the appendix starts a page unless a fair part of one is left
OVERDUE_SHOWN = 30  # rows of the overdue table in the PDF
UNCOVERED_SHOWN = 60  # entries per kind in the appendix
UNCOVERED_COLUMNS = 3
ENDED_TEXT = {NoticeStatus.CLOSED: "已关闭", NoticeStatus.REISSUED: "已重新下发", NoticeStatus.SUPERSEDED: "已更正重发"}
STILL_OPEN = "仍未关闭"
WORKBOOK = "月度报表（.xlsx）"


# --- table helpers shared with report_pdf -------------------------------------------------------

def coloured(markup: str, colour: str) -> str:
    return f'<font color="{colour}">{markup}</font>'


def cell(markup: str, centred: bool = True) -> Paragraph:
    style = styles()
    return Paragraph(markup, style.cell_center if centred else style.cell)


def head_cells(*labels: str) -> list[object]:
    return [Paragraph(label, styles().cell_head) for label in labels]


def grid(rows: list[list[object]], widths: Sequence[float]) -> Table:
    """A table with a shaded header row repeated on every page."""
    table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.1 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.1 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ]))
    return table


@lru_cache(maxsize=1)
def subheading_style() -> ParagraphStyle:
    return ParagraphStyle("report_subheading", parent=styles().body, fontSize=11.5, spaceBefore=3 * mm,
                          spaceAfter=1 * mm)


@lru_cache(maxsize=1)
def _entry_style() -> ParagraphStyle:
    return ParagraphStyle("report_entry", parent=styles().cell, fontSize=8.5, leading=11.5)


def heading(title: str, level: int = 1, room: float = HEADING_ROOM) -> list[Flowable]:
    """A heading that starts a new page only when less than ``room`` is left (a few rows' worth)."""
    return [CondPageBreak(room), Paragraph(title, styles().heading if level == 1 else subheading_style())]


# --- 逾期未整改通知单 -------------------------------------------------------------------------------

def _short_day(day: date) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def current_state(notice: OverdueNotice) -> str:
    """What became of an overdue notice by today: ``仍未关闭``, ``已关闭（12-05）``, ``已重新下发（12-02）``…"""
    if notice.ended_on is None:
        return STILL_OPEN
    return f"{ENDED_TEXT.get(notice.status, '已结束')}（{_short_day(notice.ended_on)}）"


def overdue_part(report: MonthlyReport) -> list[Flowable]:
    """The overdue notices, at most ``OVERDUE_SHOWN`` of them; nothing when none is overdue."""
    notices = report.overdue_notices
    if not notices:
        return []
    rows: list[list[object]] = [head_cells("通知单编号", "责任单位", "下发日期", "整改期限", "逾期天数", "目前")]
    for notice in notices[:OVERDUE_SHOWN]:
        state = text(current_state(notice))
        rows.append([cell(text(notice.number)), cell(text(notice.unit_name), False), cell(notice.issued_on.isoformat()),
                     cell(notice.deadline.isoformat()), cell(coloured(f"{notice.days_overdue} 天", ACCENT_HEX)),
                     cell(state if notice.ended_on else coloured(state, ACCENT_HEX))])
    widths = [33 * mm, FRAME_WIDTH - 135 * mm, 24 * mm, 24 * mm, 18 * mm, 36 * mm]
    story: list[Flowable] = [
        *heading(f"逾期未整改通知单（截至 {cn_date(report.as_of)}，共 {len(notices)} 份）", 2),
        grid(rows, widths),
    ]
    left_out = len(notices) - OVERDUE_SHOWN
    note = "按逾期天数从多到少；“目前”为制表时的状态，括号内为关闭或重新下发的日期。"
    if left_out > 0:
        note = f"其余 {left_out} 份见{WORKBOOK}的“逾期通知单”表。" + note
    return story + [Paragraph(note, styles().note)]


# --- 覆盖目标与附表：本月未检对象 --------------------------------------------------------------------

def coverage_note(report: MonthlyReport) -> Paragraph:
    """Under the coverage table: the 100 % target and how many subjects are still to be inspected."""
    left = sum(line.population - line.covered for line in report.coverage)
    if left <= 0:
        return Paragraph("目标覆盖率 100%，本月已实现全覆盖。", styles().indented)
    where = "，名单见附表" if report.uncovered else ""
    return Paragraph(f"目标覆盖率 100%，尚有 {left} 个对象本月未检{where}。", styles().indented)


def _entry(subject: UncoveredSubject) -> str:
    """``1-0101 粤A12345（第一公交总站）``; a unit is its own unit, so it goes without one."""
    parts = " ".join(part for part in (text(subject.code), text(subject.name)) if part)
    if subject.unit_name and subject.unit_name != subject.name:
        parts += f"（{text(subject.unit_name)}）"
    return parts


def _entries_table(subjects: Sequence[UncoveredSubject]) -> Table:
    """The entries left to right, ``UNCOVERED_COLUMNS`` to a row, in light rules."""
    style = _entry_style()
    cells = [Paragraph(_entry(subject), style) for subject in subjects]
    cells += [""] * (-len(cells) % UNCOVERED_COLUMNS)
    rows = [cells[start:start + UNCOVERED_COLUMNS] for start in range(0, len(cells), UNCOVERED_COLUMNS)]
    table = Table(rows, colWidths=[FRAME_WIDTH / UNCOVERED_COLUMNS] * UNCOVERED_COLUMNS, hAlign="LEFT")
    table.setStyle(table_style([
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
    ]))
    return table


def uncovered_appendix(report: MonthlyReport) -> list[Flowable]:
    """附表: the subjects not inspected, grouped by kind, at most ``UNCOVERED_SHOWN`` per kind;
    nothing at all when every subject was inspected."""
    if not report.uncovered:
        return []
    style = styles()
    story: list[Flowable] = [
        *heading("附表：本月未检对象", room=APPENDIX_ROOM),
        Paragraph(f"本月没有完成检查的在册对象，共 {len(report.uncovered)} 个，按类别、所属单位和编号排列；"
                  "车辆为自编号和车牌，人员为工号和姓名，括号内为所属单位。", style.note),
    ]
    for kind, group in groupby(report.uncovered, key=lambda subject: subject.kind):
        subjects = list(group)
        story += [*heading(f"{KIND_TEXT[kind]}（{len(subjects)} 个）", 2, room=25 * mm), Spacer(1, 0.5 * mm),
                  _entries_table(subjects[:UNCOVERED_SHOWN])]
        left_out = len(subjects) - UNCOVERED_SHOWN
        if left_out > 0:
            story.append(Paragraph(f"其余 {left_out} 个见{WORKBOOK}的“未检对象”表。", style.note))
    return story
