"""What a rectification notice PDF shows: plain values, decided by the notices service, drawn by
``inspector.pdf``. Nothing here reads the database or a file.

``NoticeDocument`` is the notice as issued (整改通知单): stored as JSON with the notice, so the
same PDF can be drawn again byte for byte and its content hash checked. ``NoticeRecordDocument``
adds what happened after issue (签收, the unit's reply, 复查 with before/after photos) for the
notice's record (整改档案).

The notice itself is always in Chinese: it is an official document addressed to a Chinese unit.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from inspector.domain.audit import canonical_json
from inspector.domain.notices import FollowUpResult
from inspector.domain.templates import Severity


class DocumentPhoto(BaseModel):
    """A photo placed on a page: a print-size JPEG file and its caption (time · place · item)."""

    model_config = ConfigDict(frozen=True)

    path: str  # absolute path of a print-size JPEG (~1200 px); passed to ReportLab as a file
    caption: str
    sha256: str = ""  # of the original, for the record


class DocumentItem(BaseModel):
    """One problem on the notice."""

    model_config = ConfigDict(frozen=True)

    index: int  # 1, 2, 3 … as printed
    item_code: str
    section: str = ""  # the template section's title
    problem: str  # the item's text, then what was seen (the note)
    measure: str = ""  # 整改要求: what the unit must do
    severity: Severity = Severity.GENERAL
    photos: tuple[DocumentPhoto, ...] = ()
    recurred: bool = False  # 再次发生: same item and subject within the window


class NoticeDocument(BaseModel):
    model_config = ConfigDict(frozen=True, ser_json_bytes="base64", val_json_bytes="base64")

    number: str  # ZG-2026-11-0001
    issued_on: date
    organisation_name: str  # letterhead, Chinese
    organisation_name_en: str = ""
    logo_path: str | None = None  # PNG/JPEG file, or None
    seal_path: str | None = None  # 检查专用章 PNG with transparency, or None
    addressee_unit: str  # 被检查单位
    addressee_head: str  # 单位负责人
    covert: bool = False  # 暗访: "经暗访检查发现", no inspector name anywhere
    observed_at: datetime  # when the problems were seen
    place: str = ""  # where (location or route)
    subject_label: str = ""  # what was inspected: plate, staff name and number, or place
    template_title: str = ""  # the checklist used
    inspector_name: str | None = None  # None for a covert inspection
    issuer_name: str  # who issues (the quality office user); for covert, the office signs
    issuer_signature_png: bytes | None = None  # the issuer's drawn signature, PNG
    items: tuple[DocumentItem, ...]
    working_days: int
    deadline: date
    followup_date: date
    deadline_estimated: bool = False  # a day on the way was decided by the Mon–Fri fallback
    supersedes_number: str | None = None  # a correction: this notice replaces that one
    reissue_of_number: str | None = None  # the follow-up of that notice failed
    content_sha256: str = ""  # content_hash(document) — printed in the QR code

    def content_hash(self) -> str:
        """SHA-256 of the notice's content (everything but the hash itself and file paths)."""
        data = self.model_dump(mode="json", exclude={
            "content_sha256": True, "logo_path": True, "seal_path": True, "issuer_signature_png": True,
            "items": {"__all__": {"photos": {"__all__": {"path"}}}},
        })
        return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()

    def qr_payload(self) -> str:
        """What the footer's QR code carries: the number and the content hash."""
        return f"{self.number}|sha256:{self.content_sha256}"


class ReceiptInfo(BaseModel):
    """签收: who at the unit received the notice, when, with their drawn signature."""

    model_config = ConfigDict(frozen=True, ser_json_bytes="base64", val_json_bytes="base64")

    signer_name: str
    signed_at: datetime
    signature_png: bytes | None = None


class ReplyInfo(BaseModel):
    """整改回复: the unit's written reply."""

    model_config = ConfigDict(frozen=True)

    measures: str  # 整改措施 taken
    preventive: str = ""  # 预防措施
    replied_on: date
    replied_by: str  # the unit's person who replied
    photos: tuple[DocumentPhoto, ...] = ()  # after-photos sent with the reply


class FollowUpItemInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int  # the item's index on the notice
    item_code: str
    problem: str
    result: FollowUpResult
    note: str = ""
    before: tuple[DocumentPhoto, ...] = ()  # the notice's photos
    after: tuple[DocumentPhoto, ...] = ()  # taken at the follow-up from the same spot


class FollowUpInfo(BaseModel):
    """复查: one follow-up visit."""

    model_config = ConfigDict(frozen=True)

    recorded_at: datetime
    recorded_by: str
    result: FollowUpResult  # pass when every item passed
    note: str = ""
    items: tuple[FollowUpItemInfo, ...]
    reissued_as: str | None = None  # the new notice's number when it failed


class NoticeRecordDocument(BaseModel):
    """The notice's record (整改档案): the notice, then receipt, reply, follow-ups."""

    model_config = ConfigDict(frozen=True, ser_json_bytes="base64", val_json_bytes="base64")

    notice: NoticeDocument
    status_text: str  # e.g. 已闭环 / 已签收, in Chinese
    receipt: ReceiptInfo | None = None
    reply: ReplyInfo | None = None
    followups: tuple[FollowUpInfo, ...] = ()
    closed_on: date | None = None
    late: bool = False  # 整改不及时
