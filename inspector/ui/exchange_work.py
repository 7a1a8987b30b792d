"""What the exchange actions run on a worker thread (``inspector.ui.tasks.run_task``).

The GUI thread's database connection belongs to the GUI thread, so each call opens its own
context over the same data folder (a second SQLite connection; WAL lets the screens keep reading),
makes one ``ExchangeService`` call with the task's ``progress`` and ``cancelled`` hooks, and
closes it again. Only snapshots cross the thread: the data folder's path, the acting user (a
frozen model), the password, the file's path; the result is the service's own value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector.domain.users import User


@dataclass(frozen=True)
class ExportRequest:
    """What the export dialog asked for: the file, the password, and for whom (the office) or
    whether everything (a laptop)."""

    path: Path
    password: str
    for_user: str | None = None
    everything: bool = False


def export_file(root: Path, actor: User, request: ExportRequest, *, progress: Callable[[float], None],
                cancelled: Callable[[], bool]):  # type: ignore[no-untyped-def]
    """Write the exchange file ``request`` describes; returns the ``ExportResult``."""
    from inspector.context import open_context

    context = open_context(root)
    try:
        service = context.exchange
        if request.for_user:
            return service.export_for(actor, request.password, request.for_user, request.path, progress=progress,
                                      cancelled=cancelled)
        return service.export_to_office(actor, request.password, request.path, everything=request.everything,
                                        progress=progress, cancelled=cancelled)
    finally:
        context.close()


def import_file(root: Path, actor: User | None, path: Path, *, progress: Callable[[float], None],
                cancelled: Callable[[], bool]):  # type: ignore[no-untyped-def]
    """Verify and merge the exchange file at ``path``; returns the ``ImportSummary``."""
    from inspector.context import open_context

    context = open_context(root)
    try:
        return context.exchange.import_file(actor, path, progress=progress, cancelled=cancelled)  # type: ignore[arg-type]
    finally:
        context.close()
