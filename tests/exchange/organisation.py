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
