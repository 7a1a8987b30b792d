"""A laptop's month as an exchange file — written, then verified and read back — beside a plain
zip, unzip and SHA-256 of the same files, in the same run.

    python bench/exchange_format.py [--inspections 300] [--photos 1500] [--min-mb 1] [--max-mb 3]

The month: ``--inspections`` inspections with 30 answers each, two findings each, and
``--photos`` photos (records and bytes): originals of random bytes between ``--min-mb`` and
``--max-mb`` (random, like a JPEG's entropy-coded data, so nothing compresses) and a ~200 KB
print copy each. They are generated once onto disk and both paths read the same files.

- ``export``: ``ExchangeWriter`` — records as canonical JSON lines, every photo hashed while it
  is copied in, manifests, bag-info, CMS signature, fsync, rename.
- ``import``: ``open_exchange`` — zip directory checks, signature, manifests, every byte hashed
  and every record parsed — then every record read and every photo copied out (hash re-checked).
- ``plain zip``: ``zipfile`` with the same compression choices (records deflated, photos stored),
  fsynced once at the end as the exchange file is.
- ``plain unzip``: ``extractall`` and a SHA-256 of every extracted file.

The import streams photos into plain files as ``extractall`` does; ``copy_photo`` adds an fsync
per photo, which the real import pays in the photo store instead.

Prints the times, the ratios (the issue's target for the whole import is ≤ 2× the plain
baseline) and the process's peak RSS (target: under 300 MB whatever the size). Asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import synthetic  # noqa: E402
from bench.synthetic import DEVICE, MB, office_signer, peak_rss_mb  # noqa: F401 (office_signer, peak_rss_mb: the smoke test and callers)
from inspector.domain.records import Record, RecordKind, new_id  # noqa: E402
from inspector.exchange import ExchangeWriter, PhotoKind, Signer, open_exchange  # noqa: E402
from inspector.exchange.lines import record_line  # noqa: E402

ANSWERS = 30
FINDINGS_PER_INSPECTION = 2
PRINT_BYTES = (150_000, 250_000)
T = TypeVar("T")


@dataclass
class Month:
    """What one laptop sends in a month: records by kind, and photo files by their hash."""

    records: dict[RecordKind, list[Record]] = field(default_factory=dict)
    originals: dict[str, Path] = field(default_factory=dict)
    prints: dict[str, Path] = field(default_factory=dict)

    @property
    def photo_bytes(self) -> int:
        return sum(path.stat().st_size for path in (*self.originals.values(), *self.prints.values()))


def generate(folder: Path, inspections: int, photos: int, photo_bytes: tuple[int, int], seed: int = 1) -> Month:
    """The month's records and photo files under ``folder``."""
    generator = random.Random(seed)
    store = folder / "store"
    store.mkdir(parents=True, exist_ok=True)
    month = Month()
    start = datetime(2026, 11, 1, 8, tzinfo=UTC)
    inspection_records = list(synthetic.inspection_records(inspections, generator, answers=ANSWERS))
    month.records[RecordKind.INSPECTION] = inspection_records
    month.records[RecordKind.FINDING] = [
        Record(kind=RecordKind.FINDING, id=new_id(), origin=DEVICE,
               body={"inspection": inspection.id, "item": f"A{n:02d}", "severity": "general", "text": "座椅破损"})
        for inspection in inspection_records for n in range(FINDINGS_PER_INSPECTION)]
    photo_records = []
    for index in range(photos):
        sha256 = synthetic.write_random(store / f"{index:05d}.jpg", generator.randint(*photo_bytes), generator)
        original = (store / f"{index:05d}.jpg").rename(store / f"{sha256}.jpg")
        print_path = store / f"{sha256}.print.jpg"
        synthetic.write_random(print_path, min(generator.randint(*PRINT_BYTES), photo_bytes[1]), generator)
        month.originals[sha256], month.prints[sha256] = original, print_path
        owner = inspection_records[index % max(inspections, 1)].id if inspections else new_id()
        photo_records.append(Record(kind=RecordKind.PHOTO, id=new_id(), origin=DEVICE, body={
            "sha256": sha256, "inspection": owner, "taken_at": start.isoformat(), "latitude": 22.543096}))
    month.records[RecordKind.PHOTO] = photo_records
    return month


def export_inspx(month: Month, target: Path, signer: Signer) -> None:
    with ExchangeWriter(target, synthetic.laptop_info(), signer, expected_bytes=month.photo_bytes) as writer:
        for kind, records in month.records.items():
            writer.add_records(kind, records)
        for sha256, path in month.originals.items():
            writer.add_photo(sha256, path)
            writer.add_photo(sha256, month.prints[sha256], PhotoKind.PRINT)


def import_inspx(source: Path, ca: bytes, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with open_exchange(source, ca, newest_schema=1) as reader:
        for kind in reader.kinds():
            counts[kind.value] = sum(1 for _ in reader.records(kind))
        for photo_kind in PhotoKind:
            for entry in reader.photos(photo_kind):
                # Streamed into a plain file like extractall does; the photo store's own put_stream
                # (its fsync included) is the store's cost in a real import, not the format's.
                target = out / f"{entry.sha256}.{photo_kind.value}.{entry.extension}"
                with reader.open_photo(entry.sha256, photo_kind) as source, target.open("wb") as sink:
                    shutil.copyfileobj(source, sink, MB)
            counts[f"photos {photo_kind.value}"] = len(reader.photos(photo_kind))
    return counts


def _record_lines(records: list[Record]) -> Iterator[bytes]:
    for record in records:
        yield record_line(record)


def plain_zip(month: Month, target: Path) -> None:
    """The same files in a plain zip: records deflated, photos stored, no hashing or signing —
    but fsynced at the end like the exchange file, since a file reported written must survive
    a power cut, and without it the baseline would time the page cache, not the disk."""
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        for kind, records in month.records.items():
            with archive.open(zipfile.ZipInfo(f"records/{kind.value}.jsonl"), "w", force_zip64=True) as member:
                for line in _record_lines(records):
                    member.write(line)
        for sha256, path in month.originals.items():
            archive.write(path, f"photos/{path.name}", compress_type=zipfile.ZIP_STORED)
            archive.write(month.prints[sha256], f"photos/print/{sha256}.jpg", compress_type=zipfile.ZIP_STORED)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def plain_unzip(source: Path, out: Path) -> int:
    """Extract everything and hash every extracted file; returns how many files."""
    with zipfile.ZipFile(source) as archive:
        archive.extractall(out)
    files = [path for path in out.rglob("*") if path.is_file()]
    for path in files:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(MB):
                digest.update(chunk)
    return len(files)


def measure(month: Month, folder: Path, ca: bytes, signer: Signer) -> dict[str, float]:
    """One round of the four steps: the plain baseline first, then the exchange file."""
    figures: dict[str, float] = {}
    inspx, plain = folder / "month.inspx", folder / "month.zip"

    def timed(name: str, action: Callable[[], T]) -> T:
        begin = time.perf_counter()
        result = action()
        figures[name] = time.perf_counter() - begin
        return result

    # Each output goes before the next is made: a month is ~3 GB, and five copies would be 16.
    timed("plain zip", lambda: plain_zip(month, plain))
    figures["zip_mb"] = plain.stat().st_size / MB
    figures["files"] = timed("plain unzip", lambda: plain_unzip(plain, folder / "unzipped"))
    shutil.rmtree(folder / "unzipped")
    plain.unlink()
    timed("export", lambda: export_inspx(month, inspx, signer))
    figures["inspx_mb"] = inspx.stat().st_size / MB
    counts = timed("import", lambda: import_inspx(inspx, ca, folder / "imported"))
    for name, value in counts.items():
        figures[f"count {name}"] = value
    shutil.rmtree(folder / "imported")
    inspx.unlink()
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


def print_figures(figures: dict[str, float], month: Month) -> None:
    records = sum(len(records) for records in month.records.values())
    print(f"month: {records} records, {len(month.originals)} photos + print copies, "
          f"{month.photo_bytes / MB:.0f} MB of photo files")
    print(f"files: .inspx {figures['inspx_mb']:.0f} MB, plain zip {figures['zip_mb']:.0f} MB")
    print(f"{'export (.inspx)':<28}{figures['export']:8.2f} s   plain zip   {figures['plain zip']:8.2f} s   "
          f"ratio {figures['export'] / figures['plain zip']:.2f}×")
    print(f"{'import (verify + read all)':<28}{figures['import']:8.2f} s   unzip + sha {figures['plain unzip']:8.2f} s   "
          f"ratio {figures['import'] / figures['plain unzip']:.2f}×  (target ≤ 2×)")
    print(f"peak RSS {figures['peak_rss_mb']:.0f} MB (target < 300 MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=300)
    parser.add_argument("--photos", type=int, default=1500)
    parser.add_argument("--min-mb", type=float, default=1.0)
    parser.add_argument("--max-mb", type=float, default=3.0)
    parser.add_argument("--folder", type=Path, help="work folder (default: a temporary one, removed after)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-exchange-"))
    try:
        began = time.perf_counter()
        month = generate(folder, args.inspections, args.photos, (int(args.min_mb * MB), int(args.max_mb * MB)))
        print(f"generated in {time.perf_counter() - began:.1f} s")
        ca, signer = office_signer()
        print_figures(measure(month, folder, ca, signer), month)
    finally:
        if args.folder is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
