"""The database's triggers against the ones this build's migrations define (for ``check``).

The reference is not a hand-kept list: every migration is applied to a database in memory and
its triggers are read back, so a trigger a later migration adds is guarded the day it lands. A
trigger is *missing* (dropped), *different* (re-created with another body, e.g. ``WHEN 0``) or
*unknown* (added by hand: a trigger can rewrite what the app writes). Trigger texts are compared
with runs of whitespace made one space, as SQLite keeps the text it was given.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import sqlite_utils

from inspector.storage.migrations import MIGRATIONS

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class TriggerProblem:
    name: str
    kind: str  # "missing", "different" or "unknown"


def _triggers(db: sqlite_utils.Database) -> dict[str, str]:
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    return {name: _SPACES.sub(" ", sql or "").strip() for name, sql in rows}


@functools.cache
def expected_triggers() -> dict[str, str]:
    """Trigger name → normalised text, as the migrations create them."""
    reference = sqlite_utils.Database(memory=True)
    try:
        reference.execute("PRAGMA foreign_keys=OFF")
        MIGRATIONS.apply(reference)
        return _triggers(reference)
    finally:
        reference.close()


def trigger_problems(db: sqlite_utils.Database) -> list[TriggerProblem]:
    """Every trigger that is missing, different from its migration, or unknown, by name."""
    expected, present = expected_triggers(), _triggers(db)
    problems = [TriggerProblem(name, "missing") for name in sorted(expected) if name not in present]
    problems += [TriggerProblem(name, "different") for name in sorted(expected)
                 if name in present and present[name] != expected[name]]
    problems += [TriggerProblem(name, "unknown") for name in sorted(present) if name not in expected]
    return sorted(problems, key=lambda problem: problem.name)
