"""An organisation of three data folders for the exchange flow tests: the quality office
(wangfang) and two laptops (zhangwei on A, lina on B), driven through ``inspector-cli`` in this
process, with inspections recorded through the services as the recording screen does."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from inspector.cli import main as cli_main
from inspector.context import open_context
from inspector.domain.inspections import AnswerResult, InspectionMode, SubjectRef
from inspector.domain.registry import RegistryKind
from inspector.domain.scoring import applicable_items
from inspector.domain.templates import ResponseType, Severity

PASSWORD = "demo1234"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "photos" / "jpg"


class CliFailed(AssertionError):
    pass


@dataclass
class Run:
    code: int
    out: str
    err: str


def cli(capsys, *argv: str, ok: bool = True) -> Run:  # type: ignore[no-untyped-def]
    os.environ["INSPECTOR_PASSWORD"] = PASSWORD
    os.environ["INSPECTOR_CERT_PASSWORD"] = PASSWORD
    capsys.readouterr()
    code = cli_main.main(list(argv))
    out, err = capsys.readouterr()
    if ok and code != 0:
        raise CliFailed(f"inspector-cli {' '.join(argv)} exited {code}: {err}")
    return Run(code, out, err)


def build_office(capsys, root: Path) -> Path:  # type: ignore[no-untyped-def]
    """init, the demo's registry and accounts, the office's name, the CA and three certificates."""
    cli(capsys, "--data-dir", str(root), "init", "--admin-password", PASSWORD)
    cli(capsys, "--data-dir", str(root), "--user", "admin", "demo", "--inspections", "0")
    cli(capsys, "--data-dir", str(root), "--user", "wangfang", "device", "--name", "质量办")
    cli(capsys, "--data-dir", str(root), "--user", "wangfang", "certs", "init-ca")
    for user in ("wangfang", "zhangwei", "lina"):
        cli(capsys, "--data-dir", str(root), "--user", "wangfang", "certs", "issue", user)
    return root


def photo_files() -> list[Path]:
    files = [path for path in sorted(CORPUS.glob("*.jpg")) if "corrupt" not in path.name]
    assert files, f"the photo corpus is missing: {CORPUS}"
    return files


def camera_photos(*, max_bytes: int = 1 << 30) -> list[Path]:
    """The corpus's readable camera JPEGs (every folder, not the broken ones) up to ``max_bytes``."""
    found = [path for path in sorted(CORPUS.rglob("*.jpg")) if "corrupt" not in path.name
             and "invalid" not in path.parts and 20_000 < path.stat().st_size <= max_bytes]
    assert found, f"the photo corpus is missing: {CORPUS}"
    return found


def unique_photos(folder: Path, count: int, *, max_bytes: int = 1 << 30) -> list[Path]:
    """``count`` distinct JPEGs: the corpus's camera photos cycled, each made unique by a JPEG
    comment segment (COM) right after its start marker — still the same picture, other bytes,
    so the content-addressed store keeps every one."""
    sources = camera_photos(max_bytes=max_bytes)
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for index in range(count):
        data = sources[index % len(sources)].read_bytes()
        comment = f"inspector test photo {index}".encode()
        segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
        target = folder / f"photo-{index:05d}.jpg"
        target.write_bytes(data[:2] + segment + data[2:])
        made.append(target)
    return made


def record_month(root: Path, username: str, photos: list[Path], *, inspections: int,
                 start: datetime | None = None) -> int:
    """``inspections`` completed T1 inspections of the registry's vehicles in turn, through the
    services in one context (as a day's recording), the photos shared out over them as evidence
    of their first failed item; every tenth is covert. Returns how many photos were attached."""
    context = open_context(root)
    attached = 0
    try:
        user = context.users.authenticate(username, PASSWORD)
        template = context.templates.latest_published(user, "T1")
        vehicles = context.registry.list(user, RegistryKind.VEHICLES)
        first = start or (datetime.now().astimezone() - timedelta(days=20)).replace(microsecond=0)
        per = -(-len(photos) // max(inspections, 1))
        for number in range(inspections):
            mode = InspectionMode.COVERT if number % 10 == 9 else InspectionMode.ONSITE
            inspection, _ = context.inspections.start(
                user, template_version_id=template.id, mode=mode,
                subject=SubjectRef(kind=template.body.subject, id=vehicles[number % len(vehicles)].id),
                observed_at=first + timedelta(hours=number))
            items = [item for _, item in applicable_items(template.body) if item.response is ResponseType.PASS_FAIL
                     and (mode is not InspectionMode.COVERT or item.covert)]
            mine = photos[number * per:(number + 1) * per]
            for index, item in enumerate(items):
                if index == 0:
                    ids = [context.photos.ingest(user, photo).id for photo in mine]
                    attached += len(ids)
                    context.inspections.answer(user, inspection.id, item.code, AnswerResult.FAIL, note="车身污渍",
                                               severity=Severity.SERIOUS, photo_ids=ids)
                else:
                    context.inspections.answer(user, inspection.id, item.code, AnswerResult.PASS)
            context.inspections.complete(user, inspection.id)
        return attached
    finally:
        context.close()


def record_inspection(root: Path, username: str, *, mode: InspectionMode, vehicle_index: int, photo: Path,
                      observed: datetime | None = None) -> int:
    """A T1 inspection of a vehicle with its first applicable item failed (with ``photo``), the
    rest passed; returns its local id."""
    context = open_context(root)
    try:
        user = context.users.authenticate(username, PASSWORD)
        template = context.templates.latest_published(user, "T1")
        vehicle = context.registry.list(user, RegistryKind.VEHICLES)[vehicle_index]
        inspection, _ = context.inspections.start(
            user, template_version_id=template.id, mode=mode, subject=SubjectRef(kind=template.body.subject,
                                                                                  id=vehicle.id),
            observed_at=observed or (datetime.now().astimezone() - timedelta(hours=1)).replace(microsecond=0))
        items = [item for _, item in applicable_items(template.body)
                 if item.response is ResponseType.PASS_FAIL and (mode is not InspectionMode.COVERT or item.covert)]
        for index, item in enumerate(items):
            if index == 0:
                photo_id = context.photos.ingest(user, photo).id
                context.inspections.answer(user, inspection.id, item.code, AnswerResult.FAIL, note="车身污渍",
                                           severity=Severity.SERIOUS, photo_ids=[photo_id])
            else:
                context.inspections.answer(user, inspection.id, item.code, AnswerResult.PASS)
        context.inspections.complete(user, inspection.id)
        return inspection.id
    finally:
        context.close()
