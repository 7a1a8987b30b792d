"""Synthetic exchange-file content, shared by ``bench/exchange_format.py`` and
``tests/exchange/streaming_worker.py``: a throw-away CA and signer, a header, inspection records
made on the fly, photo files of random bytes (written in pieces, hashed on the way), and the
process's peak resident set.

Random bytes stand for a JPEG's entropy-coded data: nothing compresses, as with real photos.
Import with the checkout on ``sys.path`` (both callers put it there).
"""

from __future__ import annotations

import hashlib
import os
import random
import resource
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from inspector.domain.records import Record, RecordKind, new_id
from inspector.exchange import ExchangeInfo, Signer
from inspector.signing.pki import issue_certificate, make_ca

DEVICE = "0192f3a4-5b6c-7d8e-9f01-23456789abcd"
MB = 1 << 20
PIECE = 64 << 10


def peak_rss_mb() -> float:
    """This process's peak resident set in MB.

    Linux's ``VmHWM`` belongs to the address space made at exec. ``getrusage``'s ``ru_maxrss``
    survives exec and starts at the *parent's* size when forked from a big process (pytest), so
    it is the fallback only (other systems, where it is still an upper bound).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def office_signer() -> tuple[bytes, Signer]:
    """A fresh CA (PEM) and zhangwei's signer under it."""
    ca, ca_key = make_ca("质量办 CA", "一公司", "ca-pass")
    cert, key = issue_certificate(ca, ca_key, "ca-pass", common_name="张伟", username="zhangwei",
                                  organisation="一公司", password="user-pass")
    return ca, Signer.from_pem(cert, key, "user-pass")


def laptop_info(**changes: object) -> ExchangeInfo:
    """The header of zhangwei's laptop's first file for the office (schema 1)."""
    fields: dict[str, object] = {
        "organisation_name": "一公司", "organisation_id": DEVICE, "sender_device": DEVICE,
        "sender_name": "张伟的笔记本", "receiver": "office", "sequence": 1, "schema": 1, "acting_user": "zhangwei",
        "audit_head": "head", "created": datetime.now(UTC)}
    fields.update(changes)
    return ExchangeInfo.model_validate(fields)


def write_random(path: Path, size: int, generator: random.Random | None = None) -> str:
    """``size`` random bytes at ``path`` (seeded when ``generator`` is given), written in 64 KiB
    pieces so that nothing big is ever held; returns their SHA-256."""
    digest = hashlib.sha256()
    with path.open("wb") as handle:
        left = size
        while left:
            count = min(left, PIECE)
            piece = generator.randbytes(count) if generator else os.urandom(count)
            handle.write(piece)
            digest.update(piece)
            left -= count
    return digest.hexdigest()


def inspection_records(count: int, generator: random.Random, *, answers: int = 30,
                       template: str | None = None) -> Iterator[Record]:
    """``count`` inspection records of ``answers`` answers each, made as they are read."""
    start = datetime(2026, 11, 1, 8, tzinfo=UTC)
    template = template or new_id()
    for number in range(count):
        rows = [{"item": f"A{item:02d}", "result": "problem" if generator.random() < 0.1 else "ok",
                 "note": "车厢地面有垃圾" if generator.random() < 0.1 else ""} for item in range(answers)]
        yield Record(kind=RecordKind.INSPECTION, id=new_id(), origin=DEVICE, body={
            "template_version": template, "unit": f"第{number % 7 + 1}车队", "vehicle": f"粤B·{10000 + number}",
            "inspector": "zhangwei", "mode": "covert" if number % 10 == 0 else "open",
            "started_at": (start + timedelta(hours=number)).isoformat(), "answers": rows, "score": 95})
