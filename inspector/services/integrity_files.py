"""``check`` on the data folder's files that no database row points to (issue #12.9).

An issued notice PDF in ``notices/`` that no notice or signed copy names means a notice row is
gone (notices are never deleted) — a failure. Photos nothing refers to stay litter (an edit may
still be about to use one; ``check --clean`` removes them), listed by ``PhotoService``.

When the database cannot be opened at all (emptied, missing, not SQLite), nothing can point to
anything: ``all_files`` lists every notice PDF and photo original lying in the folder, so the
user sees what the lost database described before restoring a backup.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from inspector.paths import DataPaths
from inspector.storage import notices_repo
from inspector.storage.photo_store import PhotoStore

NOTICE_SUFFIX = ".pdf"


class FolderFiles:
    """The notice PDFs and photo originals on disk, relative to the data folder."""

    def __init__(self, paths: DataPaths) -> None:
        self.paths = paths

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.paths.root).as_posix()

    def notice_pdfs(self) -> list[str]:
        folder = self.paths.notices
        if not folder.is_dir():
            return []
        return sorted(self._relative(path) for path in folder.iterdir()
                      if path.is_file() and path.name.endswith(NOTICE_SUFFIX) and not path.name.startswith("."))

    def photo_originals(self) -> list[str]:
        store = PhotoStore(self.paths.photos)
        found = (store.original_path(sha256) for sha256 in store.iter_originals())
        return sorted(self._relative(path) for path in found if path is not None)

    def all_files(self) -> list[str]:
        """Every notice PDF and photo original in the folder (for a database that cannot say which it knows)."""
        return self.notice_pdfs() + self.photo_originals()

    def orphan_notice_pdfs(self, db: sqlite_utils.Database) -> list[str]:
        """Notice PDFs on disk that no notice row or signed copy points to."""
        known = notices_repo.all_pdf_paths(db)
        return [relative for relative in self.notice_pdfs() if relative not in known]
