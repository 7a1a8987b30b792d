"""Reference photos for template items: who may add them, broken files leave nothing behind, the
UI's copies are there (and come back), and ``check`` / ``check --clean`` look after the store."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from inspector.cli import main as cli_main
from inspector.context import AppContext, open_context
from inspector.domain.errors import InspectorError, PermissionDenied
from inspector.domain.photos import Derivative
from inspector.domain.templates import TemplateBody
from inspector.domain.users import Role, User
from inspector.services import photos as photos_module
from inspector.storage import audit_repo
from tests.conftest import PASSWORD

DAYS = 86400


def _photo(path: Path, colour: str = "red", *, orientation: int = 6) -> Path:
    """A 400 × 300 stored JPEG that is upright at 300 × 400 (EXIF orientation 6)."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.new("RGB", (400, 300), colour).save(path, "JPEG", exif=exif)
    return path


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def _with_reference(body: TemplateBody, sha256: str) -> TemplateBody:
    """``body`` with its first item's reference photo set."""
    data = body.model_dump(mode="json")

    def first_item(sections: list[dict[str, Any]]) -> dict[str, Any] | None:
        for section in sections:
            if section["items"]:
                return section["items"][0]
            found = first_item(section.get("sections", []))
            if found:
                return found
        return None

    item = first_item(data["sections"])
    assert item is not None
    item["reference_photo"] = sha256
    return TemplateBody.model_validate(data)


def _reference_in_draft(context: AppContext, actor: User, sha256: str) -> None:
    context.templates.ensure_builtins()
    draft, _ = context.templates.copy_to_month(actor, "T1", "2031-01")
    context.templates.save_draft(actor, draft.id, _with_reference(draft.body, sha256))


def test_supervisor_may_not_add_a_reference_photo(
    context: AppContext, users: dict[Role, User], tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        context.photos.add_reference_photo(users[Role.SUPERVISOR], _photo(tmp_path / "a.jpg"))
    assert _files(context.paths.photos) == []


def test_broken_photo_is_refused_and_nothing_is_written(
    context: AppContext, users: dict[Role, User], tmp_path: Path
) -> None:
    whole = _photo(tmp_path / "whole.jpg").read_bytes()
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(whole[: len(whole) // 2])
    audit_before = len(list(audit_repo.iter_records(context.db)))
    with pytest.raises(InspectorError) as caught:
        context.photos.add_reference_photo(users[Role.QUALITY_OFFICE], broken)
    assert (caught.value.code, caught.value.params["reason"]) == ("photo_unreadable", "truncated")
    assert _files(context.paths.photos) == []
    assert len(list(audit_repo.iter_records(context.db))) == audit_before


def test_reference_photo_is_stored_once_with_upright_copies_and_audited(
    context: AppContext, users: dict[Role, User], tmp_path: Path
) -> None:
    office = users[Role.QUALITY_OFFICE]
    sha = context.photos.add_reference_photo(office, _photo(tmp_path / "IMG_1.JPG"))
    # The slow half can run on a worker thread first; the result is stored the same way.
    stored_before = _files(context.paths.photos)
    prepared = photos_module.prepare_file(_photo(tmp_path / "same-again.jpeg"))
    assert _files(context.paths.photos) == stored_before  # preparing writes nothing
    assert (prepared.info.width, prepared.info.height, prepared.name) == (300, 400, "same-again.jpeg")
    assert set(prepared.copies) == {Derivative.WORKING, Derivative.THUMBNAIL}
    again = context.photos.add_reference_photo(users[Role.ADMIN], prepared)
    assert again == sha
    store = context.photos.store
    assert list(store.iter_originals()) == [sha] and store.verify(sha)
    assert store.original_path(sha).suffix == ".jpg"

    thumb = context.photos.thumbnail_path(sha)
    working = context.photos.working_path(sha)
    assert thumb is not None and working is not None
    assert Image.open(thumb).size == (192, 256)  # upright: portrait, long side 256
    assert Image.open(working).size == (300, 400)  # never enlarged
    assert store.derivative_path(sha, Derivative.PRINT) is None  # not needed for a reference photo

    entries = [r for r in audit_repo.iter_records(context.db) if r.action == "photo.reference"]
    assert [e.actor for e in entries] == ["qo1", "admin"]
    assert json.loads(entries[0].after)["sha256"] == sha
    assert json.loads(entries[0].after)["already_stored"] is False
    assert json.loads(entries[1].after)["already_stored"] is True


def test_a_missing_copy_is_rebuilt_but_a_damaged_original_is_not_shown(
    context: AppContext, users: dict[Role, User], tmp_path: Path
) -> None:
    sha = context.photos.add_reference_photo(users[Role.ADMIN], _photo(tmp_path / "p.jpg"))
    thumb = context.photos.thumbnail_path(sha)
    thumb.unlink()
    assert context.photos.thumbnail_path(sha) == thumb and Image.open(thumb).size == (192, 256)
    assert context.photos.derivative_path(sha, Derivative.PRINT) is not None  # made on demand

    context.photos.working_path(sha).unlink()
    original = context.photos.store.original_path(sha)
    original.write_bytes(original.read_bytes()[:-10] + b"0123456789")
    assert context.photos.working_path(sha) is None
    assert context.photos.thumbnail_path("not-a-hash") is None
    assert context.photos.thumbnail_path("a" * 64) is None


def test_references_come_from_every_template_version(
    context: AppContext, users: dict[Role, User], tmp_path: Path
) -> None:
    office = users[Role.QUALITY_OFFICE]
    used = context.photos.add_reference_photo(office, _photo(tmp_path / "used.jpg"))
    spare = context.photos.add_reference_photo(office, _photo(tmp_path / "spare.jpg", "blue"))
    _reference_in_draft(context, office, used)
    assert context.photos.referenced_hashes() == {used}
    assert context.photos.orphans() == [spare]
    (where,) = context.photos.references()[used]
    assert where.startswith("template T1 v") and "item" in where

    report = context.integrity.check()
    assert report.ok and report.photos_referenced == 1
    assert any(spare in line and "kept for now" in line for line in report.photo_litter)

    with pytest.raises(PermissionDenied):
        context.photos.clean(users[Role.SUPERVISOR])
    assert context.photos.clean_orphans(office) == 0  # stored a moment ago: an edit may still use it
    _age(context.photos.store.original_path(spare), 2 * DAYS)
    _age(context.photos.store.original_path(used), 2 * DAYS)  # old but referenced: stays
    assert context.photos.clean_orphans(office) == 1
    assert list(context.photos.store.iter_originals()) == [used]
    assert context.photos.store.derivative_path(spare, Derivative.THUMBNAIL) is None


def test_clean_refuses_on_a_damaged_database(
    context: AppContext, users: dict[Role, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(photos_module, "integrity_problems", lambda db: ["*** in database main ***"])
    with pytest.raises(InspectorError) as caught:
        context.photos.clean(users[Role.ADMIN])
    assert caught.value.code == "photo_clean_refused"


# --- through the CLI -----------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = cli_main.main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def initialised(data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("INSPECTOR_PASSWORD", PASSWORD)
    code, _, err = _run(capsys, data_dir, "init")
    assert code == 0, err
    return data_dir


def _as_admin(data_dir: Path) -> tuple[AppContext, User]:
    context = open_context(data_dir)
    return context, context.users.authenticate("admin", PASSWORD)


def test_check_fails_on_a_missing_referenced_photo(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    context, admin = _as_admin(initialised)
    sha = context.photos.add_reference_photo(admin, _photo(tmp_path / "ref.jpg"))
    _reference_in_draft(context, admin, sha)
    original = context.photos.store.original_path(sha)
    context.close()

    code, out, err = _run(capsys, initialised, "check")
    assert code == 0, err
    assert "photos: 1 referenced, ok" in out

    original.write_bytes(original.read_bytes() + b"!")
    code, _, err = _run(capsys, initialised, "check")
    assert code == 1 and f"photo {sha} was changed on disk" in err

    original.unlink()
    code, out, err = _run(capsys, initialised, "check")
    assert code == 1 and out == ""
    assert "photos: 1 referenced, PROBLEMS" in err
    assert f"photo {sha} is missing (used by template T1 v" in err
    code, _, err = _run(capsys, initialised, "check", "--clean")  # cleaning cannot bring it back
    assert code == 1 and "is missing" in err


def test_orphans_are_listed_and_cleaned(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    context, admin = _as_admin(initialised)
    sha = context.photos.add_reference_photo(admin, _photo(tmp_path / "never-used.jpg"))
    original = context.photos.store.original_path(sha)
    leftover = original.parent.parent / ".incoming-crash.tmp"
    leftover.write_bytes(b"half a photo")
    context.users.create(admin, username="sup9", display_name="sup9", role=Role.SUPERVISOR, password=PASSWORD)
    context.close()

    code, out, err = _run(capsys, initialised, "check")
    assert code == 0, err  # litter, not a failure
    assert "check --clean" in out
    assert f"orphan originals/{sha[:2]}/{sha}.jpg (stored within the last day: kept for now)" in out
    assert "leftover originals/.incoming-crash.tmp" in out

    code, out, _ = _run(capsys, initialised, "check", "--clean")
    assert code == 0 and "kept orphan photo" in out and original.exists() and leftover.exists()

    _age(original, 2 * DAYS)
    _age(leftover, 2 * DAYS)
    code, out, err = _run(capsys, initialised, "--user", "sup9", "check", "--clean")
    assert code == 2 and "error:" in err and original.exists()

    code, out, err = _run(capsys, initialised, "check", "--clean")
    assert code == 0, err
    assert f"removed orphan photo {sha}" in out and "removed leftover originals/.incoming-crash.tmp" in out
    assert not original.exists() and not leftover.exists()
    assert _files(initialised / "photos") == []
    assert "orphan" not in out.split("removed leftover")[1]  # the check after cleaning is clean

    code, out, _ = _run(capsys, initialised, "check", "--clean")
    assert code == 0 and "nothing to clean" in out
