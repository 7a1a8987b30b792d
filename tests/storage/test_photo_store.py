"""The content-addressed photo store: one copy per content, nothing half-written ever under a
final name, damage found by re-hashing, and clean-up of what the services call orphans."""

from __future__ import annotations

import hashlib
import io
import os
import time
from pathlib import Path

import pytest

from inspector.domain.photos import Derivative
from inspector.storage import photo_store
from inspector.storage.photo_store import PhotoStore

PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40 + b"\xff\xd9"  # bytes are all the store cares about
SHA = hashlib.sha256(PHOTO).hexdigest()


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


class BreaksMidway(io.RawIOBase):
    """A source that yields one chunk and then fails, like a camera card pulled out mid-copy."""

    def __init__(self) -> None:
        self.calls = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        self.calls += 1
        if self.calls == 1:
            return PHOTO[:1000]
        raise OSError(5, "Input/output error")


@pytest.fixture
def store(tmp_path: Path) -> PhotoStore:
    return PhotoStore(tmp_path / "photos")


def test_same_bytes_twice_are_stored_once(store: PhotoStore, tmp_path: Path) -> None:
    source = tmp_path / "IMG_0001.JPEG"
    source.write_bytes(PHOTO)
    first = store.put_file(source)
    assert (first.sha256, first.suffix, first.size, first.existed) == (SHA, ".jpg", len(PHOTO), False)
    assert first.relative_path == f"originals/{SHA[:2]}/{SHA}.jpg"
    assert (store.root / first.relative_path).read_bytes() == PHOTO

    copy = tmp_path / "copy-of-it.png"  # another name and suffix, the same content
    copy.write_bytes(PHOTO)
    second = store.put_file(copy)
    assert second.existed and second.relative_path == first.relative_path
    assert _files(store.root) == [first.relative_path]  # no second file, no temp file


def test_a_copy_failing_midway_leaves_nothing(store: PhotoStore) -> None:
    source = BreaksMidway()
    with pytest.raises(OSError):
        store.put_stream(source, suffix=".jpg")
    assert source.calls == 2  # it did get part-way
    assert _files(store.root) == []
    assert list(store.iter_originals()) == []


def test_a_crash_before_the_rename_leaves_only_a_temp_file_that_is_cleaned(
    store: PhotoStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def power_cut(source: object, target: object) -> None:
        raise KeyboardInterrupt  # BaseException: the process is going down

    monkeypatch.setattr(photo_store.os, "replace", power_cut)
    with pytest.raises(KeyboardInterrupt):
        store.put_stream(io.BytesIO(PHOTO), suffix=".jpg")
    assert _files(store.root) == []  # even then the temporary file is removed when Python can

    # A real crash cannot run that clean-up: simulate its leftover and let the store find it.
    monkeypatch.undo()
    leftover = store.root / "originals" / ".incoming-abc.tmp"
    leftover.write_bytes(PHOTO[:100])
    assert store.temp_files() == [leftover]
    assert store.temp_files(min_age=3600) == []  # could still be a write in progress
    old = time.time() - 7200
    os.utime(leftover, (old, old))
    assert store.clean_temp_files(min_age=3600) == [leftover]
    assert _files(store.root) == []


def test_verify_catches_a_flipped_byte_and_a_fresh_copy_repairs_it(store: PhotoStore) -> None:
    stored = store.put_stream(io.BytesIO(PHOTO), suffix="jpg")
    assert store.verify(SHA)
    path = store.root / stored.relative_path
    damaged = bytearray(path.read_bytes())
    damaged[500] ^= 0x01
    path.write_bytes(bytes(damaged))
    assert not store.verify(SHA)

    again = store.put_stream(io.BytesIO(PHOTO), suffix=".jpg")
    assert not again.existed  # the damaged file did not count as holding these bytes
    assert store.verify(SHA) and _files(store.root) == [stored.relative_path]
    assert not store.verify("0" * 64)  # absent


def test_derivatives_are_written_replaced_and_removed_with_the_original(store: PhotoStore) -> None:
    store.put_stream(io.BytesIO(PHOTO), suffix=".heic")
    thumb = store.put_derivative(SHA, Derivative.THUMBNAIL, b"first")
    assert thumb == store.root / "derived" / "thumb" / SHA[:2] / f"{SHA}.jpg"
    assert store.put_derivative(SHA, Derivative.THUMBNAIL, b"second") == thumb
    assert thumb.read_bytes() == b"second"
    store.put_derivative(SHA, Derivative.WORKING, b"working")
    assert store.derivative_path(SHA, Derivative.WORKING) is not None
    assert store.derivative_path(SHA, Derivative.PRINT) is None
    assert store.original_path(SHA) == store.root / "originals" / SHA[:2] / f"{SHA}.heic"

    other = store.put_stream(io.BytesIO(b"another photo"), suffix=".png").sha256
    assert sorted(store.iter_originals()) == sorted([SHA, other])
    assert list(store.iter_derived()) == [SHA]

    removed = store.remove(SHA)
    assert len(removed) == 3  # original, working, thumbnail
    assert store.original_path(SHA) is None and store.derivative_path(SHA, Derivative.THUMBNAIL) is None
    assert list(store.iter_originals()) == [other] and list(store.iter_derived()) == []
    assert not any(p.name.endswith(".tmp") for p in store.root.rglob("*"))


def test_odd_names_and_hashes_are_refused(store: PhotoStore) -> None:
    with pytest.raises(ValueError):
        store.original_path("../../etc/passwd")
    with pytest.raises(ValueError):
        store.put_derivative("ABC", Derivative.WORKING, b"x")
    stored = store.put_stream(io.BytesIO(PHOTO), suffix="../../x")  # a suffix never leaves the folder
    assert stored.relative_path == f"originals/{SHA[:2]}/{SHA}"


def test_age_is_counted_from_the_last_time_the_bytes_came_in(store: PhotoStore) -> None:
    stored = store.put_stream(io.BytesIO(PHOTO), suffix=".jpg")
    path = store.root / stored.relative_path
    old = time.time() - 3 * 86400
    os.utime(path, (old, old))
    assert store.age_seconds(SHA) > 2 * 86400
    store.put_stream(io.BytesIO(PHOTO), suffix=".jpg")  # added again: young again
    assert store.age_seconds(SHA) < 60
    assert store.age_seconds("1" * 64) is None


def test_a_batch_fsyncs_each_folder_once_at_its_end(store: PhotoStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exchange import stores thousands of files: inside ``batch`` each file is still fsynced
    before its rename, but a folder's new entries are made durable once, when the batch ends
    (a folder made on the way is still synced into its parent at once, as outside a batch)."""
    synced: list[Path] = []
    real = photo_store._fsync_dir

    def recording(folder: Path) -> None:
        synced.append(Path(folder))
        real(folder)

    monkeypatch.setattr(photo_store, "_fsync_dir", recording)
    with store.batch():
        stored = [store.put_stream(io.BytesIO(b"\xff\xd8 photo %d" % n), suffix=".jpg") for n in range(40)]
        prints = [store.put_derivative(item.sha256, Derivative.PRINT, b"print") for item in stored]
        during = list(synced)
    folders = {(store.root / item.relative_path).parent for item in stored} | {path.parent for path in prints}
    assert len(folders) < 80 and not folders & set(during)  # 40 photos share prefix folders; none synced yet
    assert sorted(synced[len(during):]) == sorted(folders)  # each exactly once, at the end

    synced.clear()
    with pytest.raises(RuntimeError), store.batch():
        failed = store.put_stream(io.BytesIO(b"\xff\xd8 the import failed"), suffix=".jpg")
        raise RuntimeError("the import failed")
    assert (store.root / failed.relative_path).parent not in synced  # the caller removes what it stored
    alone = store.put_stream(io.BytesIO(b"\xff\xd8 alone"), suffix=".jpg")
    assert synced[-1] == (store.root / alone.relative_path).parent  # outside a batch: at once, as before
