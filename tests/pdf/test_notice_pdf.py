"""The rectification notice PDF: embedded font, the text a reader sees, the covert rules, the
estimated-deadline note, reproducible bytes, the footer's QR payload, photos embedded as JPEG
files once each, and clear errors for missing or broken photo files."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.domain.errors import InspectorError
from inspector.domain.notice_document import DocumentItem, DocumentPhoto, NoticeDocument
from inspector.domain.templates import Severity
from inspector.words.messages import TEMPLATES
from inspector.pdf import layout
from inspector.pdf.notice_pdf import ESTIMATED_NOTE, footer_for, render_notice
from inspector.pdf.sample import SampleFiles, sample_files, sample_notice
from tests.pdf import (
    decompressed,
    jpeg_images,
    need,
    page_count,
    pdffonts,
    pdftotext,
    squeezed,
)

INSPECTOR = "张伟"
ISSUER = "王芳"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> SampleFiles:
    return sample_files(tmp_path_factory.mktemp("notice-files"), photo_count=8)


@pytest.fixture(scope="module")
def notice(files: SampleFiles) -> NoticeDocument:
    return sample_notice(files)


@pytest.fixture(scope="module")
def notice_pdf(notice: NoticeDocument) -> bytes:
    return render_notice(notice)


def _with(doc: NoticeDocument, **changes: object) -> NoticeDocument:
    changed = doc.model_copy(update=changes)
    return changed.model_copy(update={"content_sha256": changed.content_hash()})


def test_the_font_is_embedded_and_no_other_font_is_used(notice_pdf: bytes, tmp_path: Path) -> None:
    rows = pdffonts(notice_pdf, tmp_path)
    assert rows
    for row in rows:
        assert row[0].endswith("+WenQuanYiMicroHei"), row
        assert row[-5] == "yes", row  # emb
        assert row[-3] == "yes", row  # uni: text can be copied and searched


def test_a_reader_sees_title_number_addressee_problems_and_page_numbers(
    notice: NoticeDocument, notice_pdf: bytes, tmp_path: Path
) -> None:
    text = pdftotext(notice_pdf, tmp_path)
    flat = squeezed(text)
    total = page_count(notice_pdf)
    assert total == 3  # the notice with its table, the photos, the reply form
    assert "整改通知单" in text
    assert notice.number in text
    assert squeezed("第三客运分公司8路车队（负责人：李建国）：") in flat
    assert squeezed("2026年11月02日 我办对8路 粤A·D12345（自编号 8-023）车辆进行检查，发现以下问题：") in flat
    for item in notice.items:
        assert squeezed(item.problem) in flat, item.problem
        assert squeezed(item.measure) in flat, item.measure
    assert "【再次发生】" in text  # item 3 recurred
    assert "严重" in text and "一般" in text
    assert squeezed("请于 2026年11月10日 前（5 个工作日内）完成整改，并书面回复整改情况。") in flat
    assert squeezed("我办将于 2026年11月11日 进行复查。") in flat
    for page in range(1, total + 1):
        assert f"第 {page} 页 / 共 {total} 页" in pdftotext(notice_pdf, tmp_path, page=page)
    assert f"检查人：{INSPECTOR}" in text
    assert f"签发人：{ISSUER}" in text
    for label in ("整改情况回复单", "整改措施", "预防措施", "回复日期", "单位负责人签字", "签收人", "签收日期"):
        assert label in text, label
    assert ESTIMATED_NOTE not in flat


def test_a_covert_notice_names_no_inspector_and_is_signed_by_the_office(
    notice: NoticeDocument, tmp_path: Path
) -> None:
    # Even if the service left the inspector's name in the document, it must not reach the file.
    covert = _with(notice, covert=True, inspector_name=INSPECTOR)
    pdf = render_notice(covert)
    text = pdftotext(pdf, tmp_path)
    assert squeezed("2026年11月02日 经暗访检查发现，8路 粤A·D12345（自编号 8-023）车辆存在以下问题：") in squeezed(text)
    assert "我办对" not in text
    assert "检查人" not in text
    assert "签发人" not in text
    assert covert.organisation_name in text
    inflated = decompressed(pdf)
    for name in (INSPECTOR, ISSUER):
        assert name not in text
        for encoded in (name.encode("utf-8"), name.encode("utf-16-be")):
            assert encoded not in pdf, name
            assert encoded not in inflated, name
    # the same checks find the names in an onsite notice: they are not blind
    onsite = render_notice(notice)
    assert ISSUER.encode("utf-16-be") not in onsite  # text is glyph ids, so this one is absent anyway…
    assert INSPECTOR in pdftotext(onsite, tmp_path)  # …but the extracted text has both names
    assert ISSUER in pdftotext(onsite, tmp_path)


def test_the_covert_notice_draws_no_personal_signature(notice: NoticeDocument) -> None:
    with_signature = render_notice(_with(notice, covert=True, seal_path=None, logo_path=None))
    without = render_notice(_with(notice, covert=True, seal_path=None, logo_path=None, issuer_signature_png=None))
    assert with_signature == without
    onsite = render_notice(_with(notice, seal_path=None, logo_path=None))
    onsite_unsigned = render_notice(_with(notice, seal_path=None, logo_path=None, issuer_signature_png=None))
    assert onsite != onsite_unsigned


@pytest.mark.parametrize("estimated", [True, False])
def test_the_mon_fri_note_appears_exactly_when_the_deadline_was_estimated(
    notice: NoticeDocument, tmp_path: Path, estimated: bool
) -> None:
    flat = squeezed(pdftotext(render_notice(_with(notice, deadline_estimated=estimated)), tmp_path))
    assert (squeezed(ESTIMATED_NOTE) in flat) is estimated


def test_superseding_and_reissued_notices_say_so(notice: NoticeDocument, tmp_path: Path) -> None:
    flat = squeezed(pdftotext(render_notice(_with(
        notice, supersedes_number="ZG-2026-11-0003", reissue_of_number="ZG-2026-10-0012")), tmp_path))
    assert "本通知替代ZG-2026-11-0003" in flat
    assert "原通知ZG-2026-10-0012复查未通过，重新下发" in flat
    plain = squeezed(pdftotext(render_notice(notice), tmp_path))
    assert "本通知替代" not in plain and "重新下发" not in plain


def test_the_same_document_gives_the_same_bytes_dated_the_day_of_issue(
    notice: NoticeDocument, notice_pdf: bytes
) -> None:
    assert render_notice(notice) == notice_pdf
    assert b"/CreationDate (D:20261103000000+08'00')" in notice_pdf
    assert render_notice(_with(notice, addressee_head="李建军")) != notice_pdf


def test_the_footer_qr_code_carries_number_and_content_hash(
    notice: NoticeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawing = layout.qr_drawing("ZG-2026-11-0007|sha256:abc")
    widget = drawing.contents[0]
    assert widget.value == "ZG-2026-11-0007|sha256:abc"
    assert drawing.width == drawing.height == layout.QR_SIZE

    payloads: list[str] = []
    real = layout.qr_drawing
    monkeypatch.setattr(layout, "qr_drawing", lambda payload: payloads.append(payload) or real(payload))
    render_notice(notice)
    assert payloads == [f"{notice.number}|sha256:{notice.content_hash()}"]  # one form, drawn on every page
    assert footer_for(notice, "整改通知单").qr_payload == notice.qr_payload()


def test_photos_are_embedded_as_jpeg_files_once_each(notice: NoticeDocument, notice_pdf: bytes) -> None:
    paths = {photo.path for item in notice.items for photo in item.photos}
    assert len(paths) == 8
    assert jpeg_images(notice_pdf) == 8
    assert b"ASCII85Decode" not in notice_pdf
    first = notice.items[0].photos[0]
    twice = _with(notice, items=(notice.items[0], notice.items[1].model_copy(
        update={"photos": notice.items[1].photos + (first,)}), *notice.items[2:]))
    assert jpeg_images(render_notice(twice)) == 8


def test_twelve_photos_render_three_a_row(files: SampleFiles, tmp_path: Path) -> None:
    many = sample_files(tmp_path / "twelve", photo_count=12)
    doc = sample_notice(many)
    pdf = render_notice(doc)
    assert sum(len(item.photos) for item in doc.items) == 12
    assert jpeg_images(pdf) == 12
    assert page_count(pdf) >= 3


def test_a_long_problem_table_repeats_its_header_on_every_page(notice: NoticeDocument, tmp_path: Path) -> None:
    items = tuple(DocumentItem(index=index, item_code=f"C-{index:02d}", problem=f"第{index}项问题：座椅破损，需要更换。" * 3,
                               measure="立即修复。", severity=Severity.GENERAL) for index in range(1, 41))
    pdf = render_notice(_with(notice, items=items))
    need("pdftotext")
    table_pages = [page for page in range(1, page_count(pdf) + 1)
                   if "C-" in pdftotext(pdf, tmp_path, page=page)]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "序号 项目编号 问题描述 严重程度 整改要求" in pdftotext(pdf, tmp_path, page=page)


def test_markup_characters_in_the_text_are_printed_as_written(notice: NoticeDocument, tmp_path: Path) -> None:
    item = notice.items[0].model_copy(update={"problem": "扶手<松动> & 异响", "measure": "检查<紧固>"})
    text = pdftotext(render_notice(_with(notice, items=(item,))), tmp_path)
    assert "扶手<松动> & 异响" in text
    assert "检查<紧固>" in text


def test_without_logo_seal_or_signature_the_notice_still_renders(notice: NoticeDocument, tmp_path: Path) -> None:
    bare = _with(notice, logo_path=None, seal_path=None, issuer_signature_png=None)
    text = pdftotext(render_notice(bare), tmp_path)
    assert "（盖章）" in text  # to be stamped by hand
    assert bare.organisation_name in text


def test_a_missing_photo_file_is_a_coded_error_naming_the_path(notice: NoticeDocument, tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.jpg")
    item = notice.items[0].model_copy(update={"photos": (DocumentPhoto(path=missing, caption="x"),)})
    with pytest.raises(InspectorError) as caught:
        render_notice(_with(notice, items=(item, *notice.items[1:])))
    assert caught.value.code == "photo_file_missing"
    assert caught.value.params == {"path": missing}
    assert "{path}" in TEMPLATES["photo_file_missing"]


def test_a_photo_file_that_is_no_picture_is_a_coded_error(notice: NoticeDocument, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg at all")
    item = notice.items[0].model_copy(update={"photos": (DocumentPhoto(path=str(broken), caption="x"),)})
    with pytest.raises(InspectorError) as caught:
        render_notice(_with(notice, items=(item,)))
    assert caught.value.code == "photo_file_unreadable"
    assert caught.value.params == {"path": str(broken)}
    assert "{path}" in TEMPLATES["photo_file_unreadable"]


def test_a_missing_seal_file_is_the_same_clear_error(notice: NoticeDocument, tmp_path: Path) -> None:
    with pytest.raises(InspectorError) as caught:
        render_notice(_with(notice, seal_path=str(tmp_path / "seal.png")))
    assert caught.value.code == "photo_file_missing"


def test_the_bytes_do_not_depend_on_where_the_photo_files_lie(
    files: SampleFiles, notice: NoticeDocument, notice_pdf: bytes, tmp_path: Path
) -> None:
    """A moved data folder renders the same PDF; one picture at two paths is embedded once."""
    moved_folder = tmp_path / "elsewhere"
    moved_folder.mkdir()

    def moved(path: str) -> str:
        target = moved_folder / Path(path).name
        target.write_bytes(Path(path).read_bytes())
        return str(target)

    items = tuple(item.model_copy(update={"photos": tuple(
        photo.model_copy(update={"path": moved(photo.path)}) for photo in item.photos)}) for item in notice.items)
    relocated = notice.model_copy(update={"items": items, "logo_path": moved(str(files.logo)),
                                          "seal_path": moved(str(files.seal))})
    assert render_notice(relocated) == notice_pdf

    copy = tmp_path / "copy-of-first.jpg"
    copy.write_bytes(Path(notice.items[0].photos[0].path).read_bytes())
    extra = notice.items[1].model_copy(update={"photos": (
        *notice.items[1].photos, DocumentPhoto(path=str(copy), caption="同一张照片"))})
    assert jpeg_images(render_notice(_with(notice, items=(notice.items[0], extra, *notice.items[2:])))) == 8
