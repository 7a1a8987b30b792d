"""The notice's record PDF (整改档案): the notice's pages first, then receipt, reply, follow-ups
and the before/after pages; reproducible bytes; each photo file embedded once."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from inspector.domain.errors import InspectorError
from inspector.domain.notice_document import (
    DocumentPhoto,
    FollowUpInfo,
    NoticeRecordDocument,
)
from inspector.domain.notices import FollowUpResult
from inspector.pdf.notice_pdf import render_notice
from inspector.pdf.record_pdf import render_notice_record
from inspector.pdf.sample import SampleFiles, sample_files, sample_notice, sample_record
from tests.pdf import decompressed, jpeg_images, page_count, pdffonts, pdftotext, squeezed


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> SampleFiles:
    return sample_files(tmp_path_factory.mktemp("record-files"), photo_count=8)


@pytest.fixture(scope="module")
def record(files: SampleFiles) -> NoticeRecordDocument:
    return sample_record(files)


@pytest.fixture(scope="module")
def record_pdf(record: NoticeRecordDocument) -> bytes:
    return render_notice_record(record)


def test_the_record_starts_with_the_notice_pages(record: NoticeRecordDocument, record_pdf: bytes,
                                                 tmp_path: Path) -> None:
    notice_pages = page_count(render_notice(record.notice))
    assert page_count(record_pdf) > notice_pages
    first = pdftotext(record_pdf, tmp_path, page=1)
    assert "整改通知单" in first and record.notice.number in first
    reply_form = pdftotext(record_pdf, tmp_path, page=notice_pages)
    assert "整改情况回复单" in reply_form
    assert "整改档案" in pdftotext(record_pdf, tmp_path, page=notice_pages + 1)
    assert all(row[-5] == "yes" for row in pdffonts(record_pdf, tmp_path))


def test_receipt_reply_and_followup_are_all_printed(record: NoticeRecordDocument, record_pdf: bytes,
                                                    tmp_path: Path) -> None:
    text = pdftotext(record_pdf, tmp_path)
    flat = squeezed(text)
    total = page_count(record_pdf)
    assert f"第 {total} 页 / 共 {total} 页" in pdftotext(record_pdf, tmp_path, page=total)
    assert record.status_text in text
    assert "闭环日期" in text and "2026年11月11日" in text
    assert "签收人 李建国" in text
    assert "签收时间 2026年11月03日 15:20" in text
    assert record.reply is not None
    assert squeezed(record.reply.measures) in flat
    assert squeezed(record.reply.preventive) in flat
    assert "回复日期 2026年11月09日" in text
    assert "第 1 次复查" in text
    assert squeezed("复查时间：2026年11月11日 10:30") in flat
    assert squeezed("报站器已更换，试运行正常") in flat
    assert "整改前后对比" in text
    assert text.count("整改前 ·") == sum(len(item.before) for item in record.followups[0].items)
    assert text.count("整改后 ·") == sum(len(item.after) for item in record.followups[0].items)
    assert "整改不及时" not in text


def test_the_same_record_gives_the_same_bytes(record: NoticeRecordDocument, record_pdf: bytes) -> None:
    assert render_notice_record(record) == record_pdf
    assert b"/CreationDate (D:20261103000000+08'00')" in record_pdf


def test_each_photo_file_is_embedded_once(record: NoticeRecordDocument, record_pdf: bytes) -> None:
    """The notice's photos are drawn twice (notice pages, before/after page) but stored once."""
    assert record.reply is not None
    paths = {photo.path for item in record.notice.items for photo in item.photos}
    paths |= {photo.path for photo in record.reply.photos}
    paths |= {photo.path for followup in record.followups for item in followup.items for photo in item.after}
    assert jpeg_images(record_pdf) == len(paths) == 16


def test_a_failed_followup_shows_the_failing_item_and_the_new_notice(record: NoticeRecordDocument,
                                                                      tmp_path: Path) -> None:
    followup = record.followups[0]
    failed_item = followup.items[1].model_copy(update={"result": FollowUpResult.FAIL, "note": "防滑条仍有翘起"})
    failed = FollowUpInfo(recorded_at=datetime(2026, 11, 11, 10, 30), recorded_by="张伟", result=FollowUpResult.FAIL,
                          items=(followup.items[0], failed_item, *followup.items[2:]), reissued_as="ZG-2026-11-0015")
    late = record.model_copy(update={"followups": (failed,), "status_text": "已重新下发", "closed_on": None,
                                     "late": True})
    text = pdftotext(render_notice_record(late), tmp_path)
    flat = squeezed(text)
    assert "结论：未通过" in flat
    assert "防滑条仍有翘起" in text
    assert "复查未通过，已重新下发通知ZG-2026-11-0015" in flat
    assert "已重新下发（整改不及时）" in flat


def test_a_record_with_nothing_after_issue_says_so(record: NoticeRecordDocument, tmp_path: Path) -> None:
    bare = NoticeRecordDocument(notice=record.notice, status_text="已签发")
    pdf = render_notice_record(bare)
    text = pdftotext(pdf, tmp_path)
    for sentence in ("尚未签收。", "尚未回复。", "尚未复查。"):
        assert sentence in text
    assert "整改前后对比" not in text
    assert jpeg_images(pdf) == 8  # the notice's photos only


def test_a_receipt_without_drawn_signature_and_a_reply_without_photos(record: NoticeRecordDocument,
                                                                      tmp_path: Path) -> None:
    assert record.receipt is not None and record.reply is not None
    plain = record.model_copy(update={
        "receipt": record.receipt.model_copy(update={"signature_png": None}),
        "reply": record.reply.model_copy(update={"photos": (), "preventive": "", "replied_on": date(2026, 11, 8)}),
        "followups": (),
    })
    text = pdftotext(render_notice_record(plain), tmp_path)
    assert "（未留签名）" in text
    assert "回复日期 2026年11月08日" in text


def test_a_missing_after_photo_is_a_coded_error(record: NoticeRecordDocument, tmp_path: Path) -> None:
    followup = record.followups[0]
    gone = str(tmp_path / "after-gone.jpg")
    item = followup.items[0].model_copy(update={"after": (DocumentPhoto(path=gone, caption="复查"),)})
    broken = record.model_copy(update={"followups": (followup.model_copy(update={"items": (item,)}),)})
    with pytest.raises(InspectorError) as caught:
        render_notice_record(broken)
    assert caught.value.code == "photo_file_missing"
    assert caught.value.params == {"path": gone}


def test_a_covert_record_keeps_the_inspector_out_of_the_notice_pages(files: SampleFiles, tmp_path: Path) -> None:
    covert = sample_notice(files, covert=True)
    record = sample_record(files, covert).model_copy(update={"followups": ()})
    text = pdftotext(render_notice_record(record), tmp_path)
    assert "经暗访检查发现" in text
    assert "张伟" not in text and "王芳" not in text


def test_a_covert_record_never_names_the_follow_up_checker(files: SampleFiles, tmp_path: Path) -> None:
    # Even if the document given still names the checker, the covert record prints the office (#12.1).
    covert = sample_notice(files, covert=True)
    record = sample_record(files, covert)
    assert {followup.recorded_by for followup in record.followups} == {"张伟"}
    pdf = render_notice_record(record)
    text = pdftotext(pdf, tmp_path)
    assert f"复查人：{covert.organisation_name}" in squeezed(text)
    inflated = decompressed(pdf)
    for name in ("张伟", "王芳"):
        assert name not in text
        for encoded in (name.encode("utf-8"), name.encode("utf-16-be")):
            assert encoded not in pdf and encoded not in inflated, name
