"""A folder photos arrive in — a phone's sync folder, a camera's card — read without storing anything.

``recent_photos(folder, since)`` lists the photo files in ``folder`` (not its subfolders) changed at
or after ``since``, newest first: what a supervisor took since the inspection started, once the
phone has synced it. The file's modification time stands for when it was taken (a camera card and
most sync clients keep it; a sync that stamps the arrival time still comes after the taking).
Hidden files and the temporary names sync clients write to before renaming are left out, because
only the suffixes photos have are listed.

``preview(path, side, limit_bytes)`` is a small upright JPEG of one file for the picking screen,
made on a worker thread (no database, no store): HEIC included, as the photo path reads it. A file
that would be refused when added is refused here with the same error naming it.

Adding a picked file is the ordinary path (``prepare_file`` then ``PhotoService.ingest``): written
and hashed before its row commits, the same checks, nothing kept from the preview.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from inspector.storage.files import read_limited

PREVIEW_SIDE = 160
MOST_LISTED = 300  # a camera card holds thousands; the newest are the ones wanted


@dataclass(frozen=True)
class FolderPhoto:
    path: Path
    modified: datetime  # aware, local time zone
    size: int

    @property
    def stamp(self) -> tuple[int, float]:
        """What changes while a file is still being written (size, modification time)."""
        return self.size, self.modified.timestamp()


def _suffixes() -> tuple[str, ...]:
    from inspector.media.images import SUPPORTED_SUFFIXES

    return SUPPORTED_SUFFIXES


def recent_photos(folder: str | Path, since: datetime | None = None, *, most: int = MOST_LISTED) -> list[FolderPhoto]:
    """The photo files of ``folder`` modified at or after ``since`` (all when None), newest first.

    A folder that is missing or cannot be read gives an empty list: a phone unplugged is not an error.
    """
    suffixes = _suffixes()
    cutoff = since.timestamp() if since is not None else None
    found: list[FolderPhoto] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith(".") or not entry.name.lower().endswith(suffixes):
            continue
        try:
            if not entry.is_file():
                continue
            info = entry.stat()
        except OSError:
            continue
        if cutoff is not None and info.st_mtime < cutoff:
            continue
        modified = datetime.fromtimestamp(info.st_mtime, tz=timezone.utc).astimezone()
        found.append(FolderPhoto(Path(entry.path), modified, info.st_size))
    found.sort(key=lambda photo: (photo.modified, photo.path.name), reverse=True)
    return found[:most]


def preview(path: str | Path, side: int = PREVIEW_SIDE, *, limit_bytes: int,
            cancelled: Callable[[], bool] | None = None) -> bytes:
    """A small upright JPEG of the photo ``path``; raises the error adding it would raise.

    Empty when ``cancelled()`` is already true as the worker starts (the dialog was closed with
    previews still queued: a card of thousands of photos is not read for nothing)."""
    if cancelled is not None and cancelled():
        return b""
    path = Path(path)
    data = read_limited(path, limit_bytes)
    from inspector.media.images import make_derivative

    return make_derivative(data, side, quality=80, name=str(path))
