"""Worker for the crash-safety acceptance test (run as a subprocess, killed with SIGKILL).

``python crash_worker.py DATA_DIR PHOTO_DIR`` opens the context on ``DATA_DIR`` (prepared by the
test: a supervisor ``crash``, a published vehicle template and a vehicle), resumes the
supervisor's draft inspection or starts one, then answers its items one after another, each
with a freshly generated JPEG: ``PhotoService.ingest`` and ``InspectionService.answer``. Only
after both calls have returned does it print ``saved <inspection id> <item code> <photo sha256>``
and flush, so every line the test reads is a save the app reported as done. An inspection whose
items are all answered is completed and a new one is started.
"""

from __future__ import annotations

import io
import os
import random
import sys
import time
from pathlib import Path

from PIL import Image

from inspector.context import open_context
from inspector.domain.inspections import (
    AnswerResult,
    InspectionMode,
    InspectionStatus,
    SubjectRef,
)
from inspector.domain.templates import SubjectKind

USERNAME = "crash"


def _jpeg(folder: Path, rng: random.Random, serial: int) -> Path:
    image = Image.new("RGB", (48, 36), tuple(rng.choices(range(256), k=3)))
    for _ in range(8):  # a few random pixels: every photo has its own bytes
        image.putpixel((rng.randrange(48), rng.randrange(36)), tuple(rng.choices(range(256), k=3)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    path = folder / f"p{os.getpid()}-{serial}.jpg"
    path.write_bytes(buffer.getvalue())
    return path


def main(data_dir: Path, photo_dir: Path) -> int:
    context = open_context(data_dir)
    actor = context.users.by_username(USERNAME)
    template_id = int(context.db.execute("SELECT id FROM template_versions WHERE status = 'published'").fetchone()[0])
    vehicle_id = int(context.db.execute("SELECT id FROM vehicles").fetchone()[0])
    codes = [item.code for _, item in context.templates.get(actor, template_id).body.iter_items()]
    rng = random.Random(time.time_ns() ^ os.getpid())
    print("ready", flush=True)
    serial = 0
    while True:
        drafts = context.inspections.list(actor, status=InspectionStatus.DRAFT)
        if drafts:
            inspection = drafts[0]
        else:
            inspection, _ = context.inspections.start(
                actor, template_version_id=template_id, mode=InspectionMode.ONSITE,
                subject=SubjectRef(kind=SubjectKind.VEHICLE, id=vehicle_id))
        answered = {answer.item_code for answer in inspection.answers}
        pending = [code for code in codes if code not in answered]
        if not pending:
            context.inspections.complete(actor, inspection.id)  # fully answered: done, start another
            print(f"completed {inspection.id}", flush=True)
            continue
        for code in pending:
            serial += 1
            photo = context.photos.ingest(actor, _jpeg(photo_dir, rng, serial))
            result = rng.choice([AnswerResult.PASS, AnswerResult.FAIL])
            context.inspections.answer(actor, inspection.id, code, result, note=f"第{serial}次", photo_ids=[photo.id])
            print(f"saved {inspection.id} {code} {photo.sha256}", flush=True)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
