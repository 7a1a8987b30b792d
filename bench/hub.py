"""The office hub under load: N simulated laptops, each a process of its own with its own role,
push M inspections each (with a finding and a photo whose print copy travels as a blob) to one
local PostgreSQL cluster at once; then the office pulls everything. Beside it, in the same run,
the very same rows loaded by a bare ``COPY`` as the baseline.

    python bench/hub.py [--laptops 20] [--inspections 200] [--print-kb 60] [--timeout 900]

The cluster is a throwaway one (tests/hub/cluster.py: initdb + pg_ctl on a free loopback port,
``fsync=off`` as in the tests — the same for the hub and the baseline). The laptops are
simulated: each process makes its records (the exchange's ``Record`` envelopes, canonical JSON,
covert every tenth) and print copies (random bytes) itself, untimed, then is timed through the
hub's real transport (``inspector.hub.transport.HubSession``: resumable chunked uploads, push
batches of one transaction under the push lock, row-level security as its own role). Building
N real data folders of M recorded inspections each would take far longer than the sync; the
full data-folder sync is what tests/hub/ runs.

Printed: time to converge (all laptops pushing at once, then the office's pull of every record
and blob, verified), inspections/s, the bare ``COPY`` of the same record and chunk rows into
plain tables (no trigger, no row-level security) and the ratio; each process's peak RSS
(``VmHWM``). Targets (#15): within 5× the bare COPY; under 200 MB per syncing process. Asserts
nothing.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import peak_rss_mb  # noqa: E402

CHILD = "--child"
ORGANISATION = "0192f3a4-0000-8000-8000-0000000000aa"


# --- the children ---------------------------------------------------------------------------
def laptop_main(argv: list[str]) -> int:
    """Make this laptop's records and print copies, then push them; figures as JSON on stdout."""
    from inspector.domain.records import Record, RecordKind as K, new_id
    from inspector.hub import connection
    from inspector.hub.transport import BlobMeta, HubSession, Outbound

    dsn, device, user, count, print_kb, folder = argv[0], argv[1], argv[2], int(argv[3]), int(argv[4]), Path(argv[5])
    generator = random.Random(device)
    folder.mkdir(parents=True, exist_ok=True)
    items, blobs = [], []
    start = datetime(2026, 11, 1, 8, tzinfo=UTC)
    for number in range(count):
        covert = number % 10 == 9
        data = generator.randbytes(print_kb * 1024)
        photo_sha = generator.randbytes(32).hex()  # the original's hash (the original stays on the laptop)
        path = folder / f"{photo_sha}.jpg"
        path.write_bytes(data)
        readers = dict(covert=covert, author_device=device, audience=(user,))
        blobs.append((BlobMeta(photo_sha, "print", "jpg", **readers), path))  # type: ignore[arg-type]
        photo, inspection = new_id(), new_id()
        answers = [{"item_code": f"T1-{item:02d}", "result": "fail" if item == 0 else "pass", "note": "车身污渍"
                    if item == 0 else "", "severity": "serious" if item == 0 else None,
                    "answered_at": (start + timedelta(hours=number)).isoformat(),
                    "photos": [photo] if item == 0 else [], "value": None} for item in range(30)]
        bodies = [
            (K.PHOTO, {"entity": photo, "sha256": photo_sha, "suffix": ".jpg", "original_name": f"IMG_{number}.jpg",
                       "mime": "image/jpeg", "width": 4032, "height": 3024, "taken_at": None, "latitude": None,
                       "longitude": None, "added_at": start.isoformat(), "added_by": user, "annotations": None}),
            (K.INSPECTION, {"entity": inspection, "mode": "covert" if covert else "onsite", "status": "completed",
                            "subject_kind": "vehicle", "subject_id": new_id(), "author_id": user,
                            "observed_at": (start + timedelta(hours=number)).isoformat(), "answers": answers}),
            (K.FINDING, {"entity": new_id(), "inspection_id": inspection, "item_code": "T1-00", "status": "open",
                         "problem": "车身污渍", "severity": "serious"}),
        ]
        for kind, body in bodies:
            items.append(Outbound(Record(kind=kind, id=new_id(), origin=device, body=body), **readers))  # type: ignore[arg-type]
    began = time.perf_counter()
    session = HubSession(connection.connect(dsn, None))
    session.claim(device, f"laptop {user}")
    session.upload_all(blobs, device)
    pushed = 0
    for first in range(0, len(items), 500):
        result = session.push(items[first:first + 500], device)
        pushed += len(result.inserted)
    session.close()
    print(json.dumps({"seconds": time.perf_counter() - began, "pushed": pushed, "rss_mb": peak_rss_mb()}))
    return 0


def office_main(argv: list[str]) -> int:
    """Pull every record and blob as the office's role, each blob read and checked."""
    from inspector.hub import connection
    from inspector.hub.transport import HubSession

    dsn, device = argv[0], argv[1]
    began = time.perf_counter()
    session = HubSession(connection.connect(dsn, None))
    cursor = records = blobs = size = 0
    while True:
        pulled = session.pull(cursor, device, 500)
        if not pulled:
            break
        found = session.blobs([(str(item.record.body["sha256"]), "print") for item in pulled
                               if item.record.kind.value == "photo"])
        for blob in found.values():  # each read whole and checked against its hash
            size += len(session.read(blob))
            blobs += 1
        records += len(pulled)
        cursor = pulled[-1].seq
    session.close()
    print(json.dumps({"seconds": time.perf_counter() - began, "records": records, "blobs": blobs,
                      "mb": size / 2**20, "rss_mb": peak_rss_mb()}))
    return 0


# --- the run ------------------------------------------------------------------------------
def _dsn(cluster, role: str, password: str) -> str:  # type: ignore[no-untyped-def]
    return cluster.dsn(user=role, password=password)


def _child(*argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(Path(__file__).resolve()), CHILD, *argv], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _result(process: subprocess.Popen[str], timeout: float) -> dict:
    out, err = process.communicate(timeout=timeout)
    if process.returncode != 0:
        raise RuntimeError(f"a child failed ({process.returncode}): {err}")
    return json.loads(out.strip().splitlines()[-1])


def baseline_copy(conn) -> float:  # type: ignore[no-untyped-def]
    """The hub's own rows (records and chunks), copied out untimed, then loaded by a bare COPY."""
    conn.execute("CREATE TABLE bare_records (LIKE records)")
    conn.execute("CREATE TABLE bare_chunks (LIKE blob_chunks)")
    dumps = {}
    for table in ("records", "blob_chunks"):
        buffer = io.BytesIO()
        with conn.cursor().copy(f"COPY {table} TO STDOUT") as copy:  # type: ignore[arg-type]
            for data in copy:
                buffer.write(data)
        dumps[table] = buffer.getvalue()
    began = time.perf_counter()
    with conn.transaction():
        for table, target in (("records", "bare_records"), ("blob_chunks", "bare_chunks")):
            with conn.cursor().copy(f"COPY {target} FROM STDIN") as copy:  # type: ignore[arg-type]
                view = memoryview(dumps[table])
                for start in range(0, len(view), 1 << 20):
                    copy.write(view[start:start + (1 << 20)])
    return time.perf_counter() - began


def run(laptops: int, inspections: int, print_kb: int, timeout: float) -> dict[str, float]:
    from inspector.domain.records import new_id
    from inspector.hub import connection
    from inspector.hub.admin import HubAdmin
    from tests.hub.cluster import remove_cluster, start_cluster

    cluster = start_cluster()
    try:
        admin_conn = connection.connect(cluster.dsn(), None)
        admin = HubAdmin(admin_conn)
        admin.migrate()
        office_device = new_id()
        admin.set_organisation(ORGANISATION, "一公司", office_device)
        office = admin.add_role(name="质量办", side="office", username="wangfang", device_id=office_device)
        roles = [admin.add_role(name=f"laptop {index}", side="laptop", username=f"user{index}")
                 for index in range(laptops)]
        with tempfile.TemporaryDirectory(prefix="inspector-hub-bench-") as folder:
            began = time.perf_counter()
            children = [_child("laptop", _dsn(cluster, role.role, role.password), new_id(), str(role.username),
                               str(inspections), str(print_kb), str(Path(folder) / role.role)) for role in roles]
            pushed = [_result(child, timeout) for child in children]
            push_wall = time.perf_counter() - began
            pull = _result(_child("office", _dsn(cluster, office.role, office.password), office_device), timeout)
        # The laptops' make-up time (records, files) is inside the wall time; take the slowest
        # child's own push time as the push phase instead.
        push_phase = max(figure["seconds"] for figure in pushed)
        converge = push_phase + pull["seconds"]
        copy_seconds = baseline_copy(admin_conn)
        admin_conn.close()
    finally:
        remove_cluster(cluster)
    total = laptops * inspections
    return {
        "laptops": laptops, "inspections": total, "records": pull["records"], "blobs": pull["blobs"],
        "mb": pull["mb"], "push": push_phase, "push wall": push_wall, "pull": pull["seconds"],
        "converge": converge, "inspections/s": total / converge, "copy": copy_seconds,
        "ratio": converge / copy_seconds, "rss laptop max": max(figure["rss_mb"] for figure in pushed),
        "rss office": pull["rss_mb"], "pushed": sum(figure["pushed"] for figure in pushed),
    }


def print_figures(figures: dict[str, float]) -> None:
    print(f"{int(figures['laptops'])} laptops × {int(figures['inspections'] / figures['laptops'])} inspections "
          f"= {int(figures['inspections'])} inspections, {int(figures['records'])} records, "
          f"{int(figures['blobs'])} print copies ({figures['mb']:.1f} MB)")
    print(f"push (all laptops at once, slowest): {figures['push']:8.2f} s")
    print(f"office pull (records + every blob):  {figures['pull']:8.2f} s")
    print(f"time to converge:                    {figures['converge']:8.2f} s   "
          f"({figures['inspections/s']:.0f} inspections/s)")
    print(f"bare COPY of the same rows:          {figures['copy']:8.2f} s")
    print(f"ratio converge / COPY:               {figures['ratio']:8.2f}×   (target ≤ 5×)")
    print(f"peak RSS: laptop process {figures['rss laptop max']:.0f} MB (max), office process "
          f"{figures['rss office']:.0f} MB   (target < 200 MB)")


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == CHILD:
        return laptop_main(sys.argv[3:]) if sys.argv[2] == "laptop" else office_main(sys.argv[3:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laptops", type=int, default=20)
    parser.add_argument("--inspections", type=int, default=200, help="per laptop")
    parser.add_argument("--print-kb", type=int, default=60, help="size of each photo's print copy")
    parser.add_argument("--timeout", type=float, default=900, help="seconds any one process may take")
    args = parser.parse_args()
    print_figures(run(args.laptops, args.inspections, args.print_kb, args.timeout))
    return 0


if __name__ == "__main__":
    sys.exit(main())
