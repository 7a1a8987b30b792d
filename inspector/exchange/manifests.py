"""BagIt manifests (RFC 8493 §2.1.3, §2.2.1): ``<sha256>  <path>`` lines, written and read.

The lines use two spaces like ``sha256sum``, so ``sha256sum -c manifest-sha256.txt`` also checks
an unzipped bag by hand; the ``bagit`` package reads them as well (tests check both). Reading is
stricter than the RFC needs: every line must be a lowercase SHA-256 and a safe relative path,
listed once — a manifest is the list of what the signature covers, so there is no "probably".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from inspector.exchange.errors import ExchangeTampered
from inspector.exchange.layout import unsafe_reason

_LINE = re.compile(r"^([0-9a-f]{64})[ \t]+(\S(?:.*\S)?)$")


def render_manifest(entries: Iterable[tuple[str, str]]) -> bytes:
    """The manifest text for (path, sha256) pairs, sorted by path so equal bags give equal bytes."""
    return "".join(f"{sha256}  {path}\n" for path, sha256 in sorted(entries)).encode("utf-8")


def parse_manifest(data: bytes, file: str, member: str) -> dict[str, str]:
    """path → sha256 for every line of the manifest ``member``; ``exchange_manifest_invalid``
    (with the line number) for a line that is not a safe, unique entry."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ExchangeTampered("exchange_manifest_invalid", file=file, member=member, line=0) from None
    entries: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        match = _LINE.match(line)
        if match is None or unsafe_reason(match.group(2)) or match.group(2) in entries:
            raise ExchangeTampered("exchange_manifest_invalid", file=file, member=member, line=number)
        entries[match.group(2)] = match.group(1)
    return entries
