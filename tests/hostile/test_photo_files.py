"""Issue #12 point 13: photos by size and kind. ``--photo /dev/zero`` used to end in MemoryError
and a 4 GB sparse ".jpg" was read into memory before being refused. Now only a regular file no
larger than the Settings limit (default 50 MB) is read at all — the refusal comes before a byte.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from inspector.context import AppContext
from inspector.domain.errors import InspectorError
from inspector.domain.users import User
from inspector.services import photos as photos_module
from inspector.settings import DEFAULT_PHOTO_LIMIT_MB, AppSettings
from inspector.storage import files as files_module
from tests.cli.test_inspections_cli import _cli, _snapshot, _start, _t1_items, folder  # noqa: F401
from tests.cli.conftest import initialised  # noqa: F401
from tests.hostile import corpus


def _no_reads_of(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record every ``read`` of a file the photo path makes (how many bytes were asked for)."""
    asked: list[int] = []
    real_fdopen = os.fdopen

    class Watched:
        def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
            self.handle = handle

        def __enter__(self):  # type: ignore[no-untyped-def]
            self.handle.__enter__()
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.__exit__(*exc)

        def fileno(self) -> int:
            return self.handle.fileno()

        def read(self, size: int = -1) -> bytes:
            asked.append(size)
            return self.handle.read(size)

    monkeypatch.setattr(files_module.os, "fdopen", lambda *a, **k: Watched(real_fdopen(*a, **k)))
    return asked


def test_dev_zero_and_a_fifo_are_refused_as_not_regular_files(tmp_path: Path) -> None:
    fifo = tmp_path / "camera.jpg"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    for path in (Path("/dev/zero"), fifo, tmp_path):
        with pytest.raises(InspectorError) as raised:
            photos_module.prepare_file(path)
        assert raised.value.code == "file_not_regular" and raised.value.params["file"] == str(path)


def test_a_sparse_4_gb_jpeg_is_refused_before_a_byte_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = corpus.sparse_photo(tmp_path / "huge.jpg")
    asked = _no_reads_of(monkeypatch)
    with pytest.raises(InspectorError) as raised:
        photos_module.prepare_file(photo, limit_bytes=DEFAULT_PHOTO_LIMIT_MB * 2**20)
    assert raised.value.code == "file_too_large"
    assert raised.value.params["limit_mb"] == DEFAULT_PHOTO_LIMIT_MB and raised.value.params["size_mb"] == 4096
    assert asked == []  # not one read: the size was judged from the file system


def test_the_limit_is_a_setting(context: AppContext, admin: User, tmp_path: Path) -> None:
    assert AppSettings().photo_limit_mb == DEFAULT_PHOTO_LIMIT_MB == 50
    photo = tmp_path / "two-mb.jpg"
    corpus.sparse_photo(photo, size=2 * 2**20)
    context.settings.update(admin, photo_limit_mb=1)
    assert context.photos.limit_bytes() == 2**20
    with pytest.raises(InspectorError) as raised:
        context.photos.add_reference_photo(admin, photo)
    assert raised.value.code == "file_too_large" and raised.value.params["limit_mb"] == 1
    assert not any((context.paths.photos).rglob("*.jpg"))


def test_cli_photo_dev_zero_and_sparse_exit_2_and_write_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path  # noqa: F811
) -> None:
    inspection = _start(capsys, folder, "sup1")
    item = _t1_items(folder)[0]
    sparse = corpus.sparse_photo(tmp_path / "sparse.jpg")
    before = _snapshot(folder)
    for photo, words in ((Path("/dev/zero"), "not a regular file"), (sparse, "more than the 50 MB accepted")):
        code, out, err = _cli(capsys, folder, "sup1", "inspections", "answer", str(inspection), item, "fail",
                              "--note", "污渍", "--photo", str(photo))
        assert code == 2 and out == "" and err.count("\n") == 1, err
        assert words in err and str(photo) in err and "Traceback" not in err
    assert _snapshot(folder) == before
