"""How big the audit log is, per inspection, against the format before migration 0017 (#18.3).

Two databases are filled in the same run with the same inspections — each started, ``--answers``
items answered one by one, one finding, completed — and with the audit entries the services
write for them (the same actions and ``after`` payloads as ``services/inspections*``):

- **compact** (this build): through ``write_transaction`` and ``audit_repo.append``, so every
  entry carries the row facts of what it changed (captured by the TEMP triggers) and its
  128-bit link;
- **legacy** (the same-run baseline): the same entries in the pre-0017 form, a full SHA-256 and
  previous hash in hex, the time and the action as text, no row facts.

Printed: entries, the audit's bytes (``dbstat``: its tables and their indexes) and the database's,
the audit's share of the database, the audit's and the database's bytes per inspection, the
ratio compact/legacy, and the time per appended entry of each. Nothing is asserted; the smoke
test (tests/test_bench_audit.py) runs it at a tiny size.

    .venv/bin/python bench/audit.py --inspections 100000
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.domain.audit import canonical_json, entry_hash
from inspector.storage import audit_repo
from inspector.storage.database import open_database
from inspector.storage.transaction import write_transaction

CST = timezone(timedelta(hours=8))
RESULTS = ("pass",) * 8 + ("fail", "na")


def _answer_facts(code: str, result: str, note: str) -> dict:
    return {"item": code, "note": note, "result": result, "severity": None, "value": None}


def _steps(inspections: int, answers: int, seed: int):
    """(inspection id, [(sql, params)], action, after) for every audited step, in order."""
    generator = random.Random(seed)
    start = datetime(2025, 1, 1, 8, tzinfo=CST)
    for number in range(1, inspections + 1):
        moment = start + timedelta(minutes=7 * number)
        at = moment.isoformat()
        subject = generator.randrange(1, 3000)
        yield number, at, [(
            ("INSERT INTO inspections (id, template_version_id, mode, subject_kind, subject_id, subject_label,"
             " unit_id, author_id, observed_at, entered_at) VALUES (?,1,'onsite','vehicle',?,?,1,1,?,?)"),
            [number, subject, f"粤B·{subject:05d}", at, at])], "inspection.start", {
            "mode": "onsite", "observed_at": at, "subject": {"id": subject, "kind": "vehicle", "label": f"粤B·{subject:05d}"},
            "template": "T1", "unit_id": 1, "version": 1}
        failed = None
        for index in range(answers):
            code = f"T1-{index // 5 + 1}.{index % 5 + 1}"
            result = generator.choice(RESULTS) if failed or index < answers - 1 else "fail"
            note = "车厢地面有污渍" if result == "fail" else ""
            failed = failed or (code if result == "fail" else None)
            at = (moment + timedelta(seconds=40 * (index + 1))).isoformat()
            yield number, at, [(
                "INSERT INTO answers (inspection_id, item_code, result, note, answered_at) VALUES (?,?,?,?,?)",
                [number, code, result, note, at])], "inspection.answer", _answer_facts(code, result, note)
        at = (moment + timedelta(seconds=40 * (answers + 1))).isoformat()
        yield number, at, [
            (("INSERT INTO findings (inspection_id, item_code, section_code, note, unit_id, created_at)"
              " VALUES (?,?,?,?,1,?)"), [number, failed, failed.split(".")[0], "车厢地面有污渍", at]),
            (("UPDATE inspections SET status = 'completed', completed_at = ?, score = 95, max_score = 100"
              " WHERE id = ?"), [at, number])], "inspection.complete", {
            "findings": [failed], "max_score": 100.0, "score": 95.0, "veto_failed": False}


def _audit_bytes(db) -> tuple[int, int]:
    """(bytes of the audit's tables and indexes, bytes of the whole database)."""
    total = int(db.execute("SELECT sum(pgsize) FROM dbstat").fetchone()[0])
    names = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND (tbl_name LIKE 'audit%')")]
    marks = ", ".join("?" * len(names))
    audit = int(db.execute(f"SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN ({marks})", names).fetchone()[0])
    return audit, total


def _fill(path: Path, inspections: int, answers: int, seed: int, *, legacy: bool) -> dict:
    db = open_database(path).db
    db.execute("PRAGMA synchronous=OFF")  # size is measured, not durability
    db.execute("PRAGMA foreign_keys=OFF")  # the template, unit and user rows are not the point
    entries = 0
    spent = 0.0
    prev = audit_repo.last_hash(db)
    current = None
    transaction = None
    for number, at, statements, action, after in _steps(inspections, answers, seed):
        if number != current:  # one transaction per inspection: the facts are the same as one per step
            if transaction is not None:
                transaction.__exit__(None, None, None)
            if legacy:
                db.execute("BEGIN")
                transaction = _Commit(db)
            else:
                transaction = write_transaction(db)
                transaction.__enter__()
            current = number
        for sql, params in statements:
            db.execute(sql, params)
        text = canonical_json(after)
        started = time.perf_counter()
        if legacy:
            digest = entry_hash(prev, at, 2, "zhangwei", action, "inspection", number, "", text)
            db.execute("INSERT INTO audit_legacy (at, actor_id, actor, action, entity, entity_id, before, after,"
                       " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                       [at, 2, "zhangwei", action, "inspection", number, "", text, prev, digest])
            prev = digest
        else:
            audit_repo.append(db, at=at, actor_id=2, actor="zhangwei", action=action, entity="inspection",
                              entity_id=number, before="", after=text)
        spent += time.perf_counter() - started
        entries += 1
    if transaction is not None:
        transaction.__exit__(None, None, None)
    audit, total = _audit_bytes(db)
    db.close()
    return {"entries": entries, "audit": audit, "total": total, "per_entry_us": spent / max(entries, 1) * 1e6}


class _Commit:
    def __init__(self, db) -> None:
        self.db = db

    def __exit__(self, *_: object) -> None:
        self.db.execute("COMMIT")


def run(inspections: int, answers: int, seed: int = 7) -> dict[str, dict]:
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as folder:
        results = {}
        for name in ("legacy", "compact"):
            results[name] = _fill(Path(folder) / name / "inspector.db", inspections, answers, seed,
                                  legacy=name == "legacy")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=10, help="answers per inspection (one of them failed)")
    args = parser.parse_args(argv)
    results = run(args.inspections, args.answers)
    print(f"{args.inspections} inspections × {args.answers} answers + 1 finding, audited as the services do")
    print(f"{'':9}{'entries':>9}{'audit MB':>10}{'db MB':>8}{'share':>7}{'audit B/insp':>14}{'db B/insp':>11}"
          f"{'µs/entry':>10}")
    for name, figures in results.items():
        share = figures["audit"] / figures["total"]
        print(f"{name:9}{figures['entries']:>9}{figures['audit'] / 1e6:>10.2f}{figures['total'] / 1e6:>8.2f}"
              f"{share:>7.1%}{figures['audit'] / args.inspections:>14.0f}{figures['total'] / args.inspections:>11.0f}"
              f"{figures['per_entry_us']:>10.1f}")
    legacy, compact = results["legacy"], results["compact"]
    print(f"ratio compact/legacy: audit bytes {compact['audit'] / legacy['audit']:.2f},"
          f" database bytes {compact['total'] / legacy['total']:.2f},"
          f" time per entry {compact['per_entry_us'] / legacy['per_entry_us']:.2f}")
    print("compact entries also prove every row's content (row facts); legacy ones do not")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
