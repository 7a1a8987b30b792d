"""A realistic sample notice and record (a bus depot's 车容车貌 problems) for page images,
benchmarks and tests: the documents, and the photo, logo, seal and signature files they point at.

``sample_files(folder, photo_count)`` writes the pictures (print-size JPEGs from
``inspector.media.synthetic``, a logo, a red seal and a drawn signature as PNGs); the documents
are then plain values. The same arguments always give the same files and documents.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from inspector.domain.notice_document import (
    DocumentItem,
    DocumentPhoto,
    FollowUpInfo,
    FollowUpItemInfo,
    NoticeDocument,
    NoticeRecordDocument,
    ReceiptInfo,
    ReplyInfo,
)
from inspector.domain.notices import FollowUpResult
from inspector.domain.templates import Severity
from inspector.media.synthetic import scene_photo
from inspector.paths import font_path

PRINT_PHOTO_SIZE = (1000, 750)
SEAL_RED = (205, 25, 25, 210)
# code, section, problem, measure, severity, recurred
PROBLEMS = (
    ("C-03", "车容车貌", "车身右侧有明显划痕，长约40厘米，漆面破损露底。",
     "3个工作日内完成车身补漆；修复前不得安排上线营运。", Severity.GENERAL, False),
    ("C-07", "车容车貌", "后门踏步防滑条脱落，边缘翘起，存在乘客绊倒、滑倒隐患。",
     "立即更换防滑条，并对同批次车辆的踏步逐车排查。", Severity.SERIOUS, False),
    ("S-02", "服务设施", "车厢内电子报站器不报站，到站无语音提示。",
     "维修报站设备；驾驶员出车前检查报站功能并记录。", Severity.GENERAL, True),
    ("C-12", "车厢卫生", "车厢地板有积水和饮料瓶等垃圾，座椅扶手有明显污渍。",
     "按车厢保洁标准每趟次清扫，每日收车后全面清洁消毒。", Severity.GENERAL, False),
    ("A-05", "安全设施", "车载灭火器压力表指针处于红区，检验标签已过期。",
     "立即更换合格灭火器，建立每月检查台账。", Severity.SERIOUS, False),
)


@dataclass(frozen=True)
class SampleFiles:
    photos: tuple[Path, ...]  # "before" photos, print size
    after: tuple[Path, ...]  # follow-up photos from the same spots
    logo: Path
    seal: Path
    signature_png: bytes  # the issuer's drawn signature
    receipt_png: bytes  # the unit head's signature on the receipt


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path()), size)


def seal_png(organisation: str, size: int = 480) -> bytes:
    """A round red stamp: the organisation around the rim, a star, 检查专用章 below; transparent."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    centre = size / 2
    draw.ellipse((8, 8, size - 8, size - 8), outline=SEAL_RED, width=size // 28)
    font = _font(size // 10)
    chars = list(organisation)
    span = min(220.0, 18.0 * len(chars))  # degrees of the rim the name covers, centred on the top
    for index, char in enumerate(chars):
        angle = -90 - span / 2 + span * (index + 0.5) / len(chars)
        radius = size * 0.35
        glyph = Image.new("RGBA", (size // 5, size // 5), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((size // 10, size // 10), char, font=font, fill=SEAL_RED, anchor="mm")
        glyph = glyph.rotate(-(angle + 90), resample=Image.Resampling.BICUBIC)
        x = centre + radius * math.cos(math.radians(angle)) - glyph.width / 2
        y = centre + radius * math.sin(math.radians(angle)) - glyph.height / 2
        image.alpha_composite(glyph, (round(x), round(y)))
    star = [(centre + (size * (0.13 if k % 2 == 0 else 0.05)) * math.cos(math.radians(-90 + 36 * k)),
             centre + (size * (0.13 if k % 2 == 0 else 0.05)) * math.sin(math.radians(-90 + 36 * k)))
            for k in range(10)]
    draw.polygon(star, fill=SEAL_RED)
    draw.text((centre, size * 0.75), "检查专用章", font=_font(size // 12), fill=SEAL_RED, anchor="mm")
    return _png(image)


def logo_png(size: int = 300) -> bytes:
    """A simple emblem: a white bus on a blue disc."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size - 1, size - 1), fill=(21, 101, 192, 255))
    unit = size / 10
    draw.rounded_rectangle((2 * unit, 3 * unit, 8 * unit, 6.6 * unit), radius=unit / 2, fill="white")
    for column in range(3):
        left = 2.5 * unit + column * 1.8 * unit
        draw.rectangle((left, 3.5 * unit, left + 1.4 * unit, 4.8 * unit), fill=(21, 101, 192, 255))
    for x in (3.2, 6.8):
        draw.ellipse(((x - 0.6) * unit, 6.1 * unit, (x + 0.6) * unit, 7.3 * unit), fill=(30, 30, 30, 255))
    return _png(image)


def signature_png(seed: int, width: int = 420, height: int = 150) -> bytes:
    """A drawn signature: two cursive runs of loops (trochoids) in dark blue ink, transparent."""
    rng = random.Random(seed)
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    x0 = 18.0
    for run in range(2):
        loops = rng.randint(3, 4)
        advance, radius, tall = rng.uniform(6, 8), rng.uniform(13, 17), rng.uniform(40, 60)
        points = []
        for step in range(loops * 24 + 1):
            t = step / 24 * 2 * math.pi
            swell = 1 + 0.35 * math.sin(t / 3 + run)
            points.append((x0 + advance * t + radius * math.sin(t),
                           height * 0.55 - tall * swell * 0.5 * (1 - math.cos(t)) + run * 8 + 0.8 * step / 6))
        draw.line(points, fill=(20, 40, 120, 255), width=4, joint="curve")
        x0 = points[-1][0] + 22
    draw.line([(20, height * 0.8), (x0 - 10, height * 0.72)], fill=(20, 40, 120, 255), width=3)
    return _png(image)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=False)
    return buffer.getvalue()


def sample_files(folder: Path, photo_count: int = 8) -> SampleFiles:
    """Write the sample's pictures into ``folder``: ``photo_count`` before photos and as many after."""
    folder.mkdir(parents=True, exist_ok=True)
    photos, after = [], []
    for index in range(photo_count):
        code = PROBLEMS[index % len(PROBLEMS)][0]
        before_path = folder / f"before-{index + 1:02d}.jpg"
        before_path.write_bytes(scene_photo(100 + index, f"2026-11-02 09:{40 + index:02d} 火车站首末站 {code}",
                                            size=PRINT_PHOTO_SIZE, quality=85))
        after_path = folder / f"after-{index + 1:02d}.jpg"
        after_path.write_bytes(scene_photo(500 + index, f"2026-11-11 10:{10 + index:02d} 复查 {code}",
                                           size=PRINT_PHOTO_SIZE, quality=85))
        photos.append(before_path)
        after.append(after_path)
    logo, seal = folder / "logo.png", folder / "seal.png"
    logo.write_bytes(logo_png())
    seal.write_bytes(seal_png("市公交集团服务质量督查办公室"))
    return SampleFiles(tuple(photos), tuple(after), logo, seal, signature_png(7), signature_png(11))


def _photos_of(paths: tuple[Path, ...], item: int, label: str) -> tuple[DocumentPhoto, ...]:
    chosen = [path for index, path in enumerate(paths) if index % len(PROBLEMS) == item]
    return tuple(DocumentPhoto(path=str(path), caption=f"{label} {PROBLEMS[item][0]}",
                               sha256=f"{index:064x}") for index, path in enumerate(chosen))


def sample_notice(files: SampleFiles, *, covert: bool = False, deadline_estimated: bool = False) -> NoticeDocument:
    """The sample notice: five problems at a bus depot, photos spread over the items."""
    items = tuple(
        DocumentItem(index=index + 1, item_code=code, section=section, problem=problem, measure=measure,
                     severity=severity, recurred=recurred,
                     photos=_photos_of(files.photos, index, "11月02日 09:40 火车站首末站"))
        for index, (code, section, problem, measure, severity, recurred) in enumerate(PROBLEMS)
    )
    doc = NoticeDocument(
        number="ZG-2026-11-0007", issued_on=date(2026, 11, 3),
        organisation_name="市公交集团服务质量督查办公室", organisation_name_en="Service Quality Office",
        logo_path=str(files.logo), seal_path=str(files.seal),
        addressee_unit="第三客运分公司8路车队", addressee_head="李建国", covert=covert,
        observed_at=datetime(2026, 11, 2, 9, 40), place="8路 火车站首末站",
        subject_label="8路 粤A·D12345（自编号 8-023）车辆", template_title="公交车辆车容车貌检查表",
        inspector_name=None if covert else "张伟", issuer_name="王芳",
        issuer_signature_png=files.signature_png, items=items, working_days=5,
        deadline=date(2026, 11, 10), followup_date=date(2026, 11, 11), deadline_estimated=deadline_estimated,
    )
    return doc.model_copy(update={"content_sha256": doc.content_hash()})


def sample_record(files: SampleFiles, notice: NoticeDocument | None = None) -> NoticeRecordDocument:
    """The sample notice's record: received, answered with photos, followed up and closed."""
    notice = notice or sample_notice(files)
    followup_items = tuple(
        FollowUpItemInfo(index=item.index, item_code=item.item_code, problem=item.problem,
                         result=FollowUpResult.PASS, note="已整改到位" if item.index != 3 else "报站器已更换，试运行正常",
                         before=item.photos, after=_photos_of(files.after, item.index - 1, "11月11日 10:10 复查"))
        for item in notice.items
    )
    return NoticeRecordDocument(
        notice=notice, status_text="已闭环",
        receipt=ReceiptInfo(signer_name="李建国", signed_at=datetime(2026, 11, 3, 15, 20),
                            signature_png=files.receipt_png),
        reply=ReplyInfo(
            measures="1. 车身划痕已于11月5日补漆完毕；\n2. 全车队后门踏步防滑条已逐车检查，更换12处；\n"
                     "3. 报站器主机已更换；\n4. 车厢已全面清洁消毒，保洁改为每趟次清扫；\n5. 灭火器已更换并建立月检台账。",
            preventive="车队每周组织一次车容车貌自查，出车前检查表增加报站器、灭火器、防滑条三项，"
                       "结果纳入驾驶员月度考核。",
            replied_on=date(2026, 11, 9), replied_by="李建国", photos=_photos_of(files.after, 1, "整改回复照片")),
        followups=(FollowUpInfo(recorded_at=datetime(2026, 11, 11, 10, 30), recorded_by="张伟",
                                result=FollowUpResult.PASS, note="五项问题均已整改到位，同意闭环。",
                                items=followup_items),),
        closed_on=date(2026, 11, 11),
    )
