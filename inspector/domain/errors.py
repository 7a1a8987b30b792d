"""Errors the domain and services raise: a stable code, the parameters, never a sentence.

Sentences are made at the edge (``inspector.words.messages``) so that the GUI can translate them
and the CLI can print them. Every error says *what* and *where* through its parameters (file, sheet,
row, column, item code).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class InspectorError(Exception):
    """Base of every expected error: bad input, wrong role, unknown id, conflicting state."""

    code: str = "error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(f"{self.code}: {params}")


class ValidationError(InspectorError):
    """Input that breaks a domain rule (empty name, bad plate, unknown unit…)."""

    code = "invalid"


class PermissionDenied(InspectorError):
    """The acting user's role does not allow this action."""

    code = "permission_denied"


class NotFound(InspectorError):
    """An id or key that does not exist."""

    code = "not_found"


class Conflict(InspectorError):
    """The action clashes with existing data (duplicate key, immutable record…)."""

    code = "conflict"


class AuthenticationFailed(InspectorError):
    """Unknown user or wrong password."""

    code = "auth_failed"


class SignInWait(InspectorError):
    """Too many wrong passwords in a row for ``user``: the next try waits ``seconds`` more; the
    password given was not even checked."""

    code = "sign_in_wait"


class DatabaseTooNew(InspectorError):
    """The database was written by a newer build: refuse to touch it."""

    code = "database_too_new"


class StorageProblem(InspectorError):
    """The data folder, the database or a file cannot be used as it is on disk: damaged, not a
    file, a link, read-only, or the disk is full. ``file`` always names the path concerned."""

    code = "storage_problem"


@dataclass(frozen=True)
class RowProblem:
    """One problem in an imported file: where (sheet, row, column) and what (code, params).

    ``sheet`` is set by multi-sheet imports (templates); ``row`` 0 with an empty ``column``
    means the whole sheet, or the whole file when ``sheet`` is None too.
    """

    row: int
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    sheet: str | None = None


class ImportRejected(InspectorError):
    """An import file with problems; nothing was imported. ``problems`` lists every one."""

    code = "import_rejected"

    def __init__(self, file: str, problems: list[RowProblem], sheet: str | None = None) -> None:
        super().__init__(self.code, file=file, sheet=sheet, count=len(problems))
        self.problems = problems
