"""Worker for the streaming test (run as a subprocess so that its peak RSS is its own).

``python streaming_worker.py FOLDER MEGABYTES`` makes a CA and a user, measures its resident set
(the baseline: interpreter, pydantic, cryptography), then generates ~MEGABYTES of photos (2 MB
each, random bytes written in 64 KiB pieces) and 20,000 records on the fly, writes an exchange
file, opens and verifies it, reads every record and copies every photo out. It prints one JSON
line: the baseline and peak RSS in MB, the payload and file sizes in MB, and what was read back.
The generator is ``bench/synthetic.py``, the one the format bench uses.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from bench.synthetic import (
    MB,
    inspection_records,
    laptop_info,
    office_signer,
    peak_rss_mb,
    write_random,
)
from inspector.domain.records import RecordKind
from inspector.exchange import ExchangeWriter, open_exchange

PHOTO_BYTES = 2 * MB
RECORDS = 20_000


def main(folder: Path, megabytes: int) -> None:
    ca, signer = office_signer()
    baseline = peak_rss_mb()
    store = folder / "store"
    store.mkdir(parents=True)
    target = folder / "month.inspx"
    photos = megabytes * MB // PHOTO_BYTES
    with ExchangeWriter(target, laptop_info(), signer) as writer:
        writer.add_records(RecordKind.INSPECTION, inspection_records(RECORDS, random.Random(1), answers=2))
        for index in range(photos):
            path = store / f"photo-{index:05d}.jpg"
            writer.add_photo(write_random(path, PHOTO_BYTES), path)
            path.unlink()  # keep the disk use to one copy of the payload
    after_write = peak_rss_mb()
    copied = 0
    with open_exchange(target, ca, newest_schema=1) as reader:
        read_records = sum(1 for _ in reader.records(RecordKind.INSPECTION))
        for entry in reader.photos():
            copied += reader.copy_photo(entry.sha256, folder / "copy.jpg")
    print(json.dumps({
        "baseline_mb": baseline, "after_write_mb": after_write, "peak_mb": peak_rss_mb(),
        "payload_mb": photos * PHOTO_BYTES / MB, "file_mb": target.stat().st_size / MB,
        "records": read_records, "photos": photos, "copied_mb": copied / MB,
    }))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
