"""The rectification notice (整改通知单) as a PDF: ``render_notice(doc) -> bytes``.

Page order: letterhead; addressee and the opening sentence (onsite: 我办对…进行检查; covert:
经暗访检查发现); the problems table; the deadline and follow-up date; the signature block
(issuer or, for a covert inspection, the office; seal; 签收 lines); the photos as an attachment;
then the reply form (整改情况回复单) on a page of its own, for the unit to fill in and return.

A covert notice names no inspector — not in the text, not in the metadata — and is signed by
the office, so the issuer's name and drawn signature are left out too.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from inspector.domain.notice_document import NoticeDocument
from inspector.domain.templates import Severity
from inspector.pdf.blocks import SignatureBlock, letterhead, reply_form
from inspector.pdf.layout import (
    ACCENT_HEX,
    FRAME_WIDTH,
    GAP,
    HEADER_FILL,
    RULE,
    SEVERITY_TEXT,
    Footer,
    cn_date,
    cn_datetime,
    render,
    styles,
    table_style,
    text,
)
from inspector.pdf.photos import captioned, columns_for, photo_grid

ESTIMATED_NOTE = "注：期限按周一至周五推算（当年法定节假日安排尚未录入），如遇调休以正式安排为准。"
RECURRED_MARK = "再次发生"
# 序号, 项目编号, 问题描述, 严重程度, 整改要求
PROBLEM_COLUMNS = (12 * mm, 19 * mm, 68 * mm, 18 * mm)


def opening_sentence(doc: NoticeDocument) -> str:
    """The sentence after the addressee: who found the problems, when, in what."""
    subject = text(doc.subject_label) or "贵单位"
    if doc.covert:
        return f"{cn_date(doc.observed_at)} 经暗访检查发现，{subject}存在以下问题："
    return f"{cn_date(doc.observed_at)} 我办对{subject}进行检查，发现以下问题："


def deadline_sentence(doc: NoticeDocument) -> str:
    return (f"请于 {cn_date(doc.deadline)} 前（{doc.working_days} 个工作日内）完成整改，并书面回复整改情况。"
            f"我办将于 {cn_date(doc.followup_date)} 进行复查。")


def _details(doc: NoticeDocument) -> str:
    """检查时间 / 地点 / 依据, and 检查人 for an onsite inspection only."""
    parts = [f"检查时间：{cn_datetime(doc.observed_at)}"]
    if doc.place:
        parts.append(f"地点：{text(doc.place)}")
    if doc.template_title:
        parts.append(f"检查依据：{text(doc.template_title)}")
    if not doc.covert and doc.inspector_name:
        parts.append(f"检查人：{text(doc.inspector_name)}")
    return GAP.join(parts)


def problems_table(doc: NoticeDocument) -> Table:
    style = styles()
    head = [Paragraph(title, style.cell_head) for title in ("序号", "项目编号", "问题描述", "严重程度", "整改要求")]
    rows: list[list[object]] = [head]
    for item in doc.items:
        problem = text(item.problem)
        if item.section:
            problem = f'<font size="8" color="#666666">{text(item.section)}</font><br/>{problem}'
        if item.recurred:
            problem += f' <font color="{ACCENT_HEX}">【{RECURRED_MARK}】</font>'
        severity = SEVERITY_TEXT[item.severity]
        if item.severity is Severity.SERIOUS:
            severity = f'<font color="{ACCENT_HEX}">{severity}</font>'
        rows.append([
            Paragraph(str(item.index), style.cell_center),
            Paragraph(text(item.item_code), style.cell_center),
            Paragraph(problem, style.cell),
            Paragraph(severity, style.cell_center),
            Paragraph(text(item.measure) or "—", style.cell),
        ])
    widths = [*PROBLEM_COLUMNS, FRAME_WIDTH - sum(PROBLEM_COLUMNS)]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ]))
    return table


def photo_section(doc: NoticeDocument) -> list[Flowable]:
    """附：现场照片 — every item's photos with their captions, two or three a row."""
    entries = [(photo, captioned(photo, f"问题 {item.index}")) for item in doc.items for photo in item.photos]
    if not entries:
        return []
    heading = Paragraph("附：现场照片", styles().heading)
    grid = photo_grid(entries, columns=columns_for(len(entries)))
    return [CondPageBreak(60 * mm), heading, grid]


def notice_story(doc: NoticeDocument) -> list[Flowable]:
    """The flowables of the notice's pages (also the first pages of its record)."""
    style = styles()
    story: list[Flowable] = letterhead(doc)
    if doc.supersedes_number:
        story.append(Paragraph(f'<font color="{ACCENT_HEX}">本通知替代 {text(doc.supersedes_number)}'
                               "（原通知作废）</font>", style.body))
    if doc.reissue_of_number:
        story.append(Paragraph(f'<font color="{ACCENT_HEX}">原通知 {text(doc.reissue_of_number)} '
                               "复查未通过，重新下发</font>", style.body))
    story += [
        Paragraph(f"{text(doc.addressee_unit)}（负责人：{text(doc.addressee_head)}）：", style.body),
        Paragraph(opening_sentence(doc), style.indented),
        Paragraph(_details(doc), style.note),
        Spacer(1, 3 * mm),
        problems_table(doc),
        Spacer(1, 3 * mm),
        Paragraph(deadline_sentence(doc), style.indented),
    ]
    if doc.deadline_estimated:
        story.append(Paragraph(ESTIMATED_NOTE, style.note))
    story += [KeepTogether([Spacer(1, 4 * mm), SignatureBlock(doc)])]
    story += photo_section(doc)
    story += [PageBreak(), *reply_form(doc)]
    return story


def footer_for(doc: NoticeDocument, kind: str) -> Footer:
    return Footer(label=f"{kind}　{doc.number}", qr_payload=doc.qr_payload())


def render_notice(doc: NoticeDocument) -> bytes:
    """The notice as PDF bytes; the same document always gives the same bytes."""
    return render(notice_story(doc), title=f"整改通知单 {doc.number}", author=doc.organisation_name,
                  footer=footer_for(doc, "整改通知单"), issued_on=doc.issued_on)
