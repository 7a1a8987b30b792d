"""Worker for the streaming test (run as a subprocess so that its peak RSS is its own).

``python streaming_worker.py FOLDER MEGABYTES`` makes a CA and a user, measures its resident set
(the baseline: interpreter, pydantic, cryptography), then generates ~MEGABYTES of photos (2 MB
each, random bytes written in 64 KiB pieces) and 20,000 records on the fly, writes an exchange
file, opens and verifies it, reads every record and copies every photo out. It prints one JSON
line: the baseline and peak RSS in MB, the payload and file sizes in MB, and what was read back.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from inspector.domain.records import Record, RecordKind, new_id
from inspector.exchange import ExchangeInfo, ExchangeWriter, Signer, open_exchange
from inspector.signing.pki import issue_certificate, make_ca

PHOTO_BYTES = 2 << 20
PIECE = 64 << 10
RECORDS = 20_000
DEVICE = "0192f3a4-5b6c-7d8e-9f01-23456789abcd"


def peak_mb() -> float:
    """This process's peak resident set in MB.

    Linux's ``VmHWM`` belongs to the address space made at exec. ``getrusage``'s ``ru_maxrss``
    survives exec and starts at the *parent's* size when forked from a big pytest process, so it
    is the fallback only (other systems, where it is still an upper bound).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def generate_photo(folder: Path, index: int) -> tuple[str, Path]:
    path = folder / f"photo-{index:05d}.jpg"
    digest = hashlib.sha256()
    with path.open("wb") as handle:
        for _ in range(PHOTO_BYTES // PIECE):
            piece = os.urandom(PIECE)
            handle.write(piece)
            digest.update(piece)
    return digest.hexdigest(), path


def records() -> Iterator[Record]:
    for number in range(RECORDS):
        yield Record(kind=RecordKind.INSPECTION, id=new_id(), origin=DEVICE,
                     body={"number": number, "unit": "一车队", "note": "检查记录 " * 20})


def main(folder: Path, megabytes: int) -> None:
    ca, ca_key = make_ca("CA", "一公司", "ca-pass")
    cert, key = issue_certificate(ca, ca_key, "ca-pass", common_name="张伟", username="zhangwei",
                                  organisation="一公司", password="user-pass")
    signer = Signer.from_pem(cert, key, "user-pass")
    info = ExchangeInfo(organisation_name="一公司", organisation_id=new_id(), sender_device=DEVICE,
                        sender_name="laptop", receiver="office", sequence=1, schema=1, acting_user="zhangwei",
                        audit_head="head", created=datetime.now(UTC))
    baseline = peak_mb()
    store = folder / "store"
    store.mkdir(parents=True)
    target = folder / "month.inspx"
    photos = megabytes * (1 << 20) // PHOTO_BYTES
    with ExchangeWriter(target, info, signer) as writer:
        writer.add_records(RecordKind.INSPECTION, records())
        for index in range(photos):
            sha256, path = generate_photo(store, index)
            writer.add_photo(sha256, path)
            path.unlink()  # keep the disk use to one copy of the payload
    after_write = peak_mb()
    copied = 0
    with open_exchange(target, ca, newest_schema=1) as reader:
        read_records = sum(1 for _ in reader.records(RecordKind.INSPECTION))
        for entry in reader.photos():
            copied += reader.copy_photo(entry.sha256, folder / "copy.jpg")
    print(json.dumps({
        "baseline_mb": baseline, "after_write_mb": after_write, "peak_mb": peak_mb(),
        "payload_mb": photos * PHOTO_BYTES / (1 << 20), "file_mb": target.stat().st_size / (1 << 20),
        "records": read_records, "photos": photos, "copied_mb": copied / (1 << 20),
    }))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
