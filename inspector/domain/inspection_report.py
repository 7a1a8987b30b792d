"""What the written inspection report (书面检查报告 / 《客服质量检查记录》) shows: plain values,
decided by ``services.inspection_reports``, drawn by ``inspector.pdf.inspection_report_pdf``.

The regulation asks for it after every check — 「检查结束后形成书面检查报告反馈各单位、部门」,
「做好《客服质量检查记录》」 — so a clean inspection has one too. Nothing here reads the database
or a file. Like the notice, the report is always in Chinese, and a covert visit (暗访) names no
inspector: ``inspector_name`` is None and the drawing checks ``covert`` again.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from inspector.domain.audit import canonical_json
from inspector.domain.inspections import AnswerResult, InspectionMode, InspectionStatus
from inspector.domain.notice_document import DocumentPhoto
from inspector.domain.templates import Severity


class ReportItem(BaseModel):
    """One item of the checklist as the inspection answered it (``result`` None: not answered)."""

    model_config = ConfigDict(frozen=True)

    code: str
    text: str
    section: str = ""  # the section's title
    result: AnswerResult | None = None
    value: str = ""  # a reading (with its unit) or a text observation
    note: str = ""
    severity: Severity | None = None  # a failed item's
    veto: bool = False
    deduct: float = 0.0  # what failing it costs in the checklist's scheme (DEDUCTION: points, else weight)
    photos: tuple[DocumentPhoto, ...] = ()  # a failed item's, print copies with their marks


class SectionScore(BaseModel):
    """One row of the score's breakdown: what a section lost (a parent's figure includes its subs')."""

    model_config = ConfigDict(frozen=True)

    code: str
    title: str
    deducted: float
    sub: bool = False  # a sub-section, printed indented


class Acknowledgement(BaseModel):
    """现场确认: the inspected party's person read the result on site and signed (optional)."""

    model_config = ConfigDict(frozen=True, ser_json_bytes="base64", val_json_bytes="base64")

    signer_name: str
    signed_at: datetime
    signature_png: bytes | None = None


class InspectionReport(BaseModel):
    model_config = ConfigDict(frozen=True, ser_json_bytes="base64", val_json_bytes="base64")

    inspection_id: int
    number: str  # JC-<id>, printed in the footer and the QR code
    organisation_name: str
    logo_path: str | None = None
    template_code: str
    template_title: str
    template_version: int
    effective_month: str = ""  # YYYY-MM the version was published for
    scheme: str = ""  # 扣分制 / 权重制 / 五分制
    mode: InspectionMode
    status: InspectionStatus
    subject_kind: str  # 车辆 / 人员 / 场所 / 单位
    subject_label: str
    unit_name: str = ""
    place: str = ""
    observed_at: datetime
    entered_at: datetime
    completed_at: datetime | None = None
    inspector_name: str | None = None  # None for a covert visit
    evidence: tuple[tuple[str, str], ...] = ()  # (label, value) of what a covert visit noted
    items: tuple[ReportItem, ...] = ()
    score: float | None = None
    max_score: float | None = None
    percent: float | None = None
    deducted: float = 0.0
    veto_failed: bool = False
    veto_items: tuple[str, ...] = ()
    sections: tuple[SectionScore, ...] = ()
    acknowledgement: Acknowledgement | None = None
    generated_on: date
    content_sha256: str = ""

    @property
    def covert(self) -> bool:
        return self.mode is InspectionMode.COVERT

    def counts(self) -> dict[AnswerResult | None, int]:
        found: dict[AnswerResult | None, int] = {result: 0 for result in (*AnswerResult, None)}
        for item in self.items:
            found[item.result] += 1
        return found

    def content_hash(self) -> str:
        """SHA-256 of what the report says (not the hash itself, the day it was drawn, file paths or the
        drawn signature): the same inspection gives the same hash whenever it is printed."""
        data = self.model_dump(mode="json", exclude={
            "content_sha256": True, "logo_path": True, "generated_on": True, "acknowledgement": {"signature_png"},
            "items": {"__all__": {"photos": {"__all__": {"path"}}}},
        })
        return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()

    def qr_payload(self) -> str:
        return f"{self.number}|sha256:{self.content_sha256}"


def report_number(inspection_id: int) -> str:
    """The report's number: the inspection's id, as the footer and QR code carry it."""
    return f"JC-{inspection_id:06d}"
