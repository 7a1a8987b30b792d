"""What the office hub's desktop actions run on a worker thread (``inspector.ui.tasks.run_task``).

As ``exchange_work``: each call opens its own context over the data folder (the GUI thread's
connection stays the GUI thread's), makes one ``HubService`` call and closes it. Only snapshots
cross the thread: the folder's path, the acting user, the DSN and password typed in.
"""

from __future__ import annotations

from pathlib import Path

from inspector.domain.users import User


def sync_now(root: Path, actor: User):  # type: ignore[no-untyped-def]
    """One sync (push, then pull); returns the ``SyncResult``."""
    from inspector.context import open_context

    context = open_context(root)
    try:
        return context.hub.sync(actor)
    finally:
        context.close()


def probe(root: Path, dsn: str, password: str) -> str:
    """Test the DSN and password without keeping them; the hub's organisation name."""
    from inspector.context import open_context

    context = open_context(root)
    try:
        return context.hub.probe(dsn, password or None)
    finally:
        context.close()


def connect(root: Path, actor: User, dsn: str, password: str):  # type: ignore[no-untyped-def]
    """Keep the DSN (the password in the keyring) once the hub accepted this device."""
    from inspector.context import open_context

    context = open_context(root)
    try:
        return context.hub.connect(actor, dsn, password or None)
    finally:
        context.close()


def status(root: Path):  # type: ignore[no-untyped-def]
    """Devices, last sync, records waiting and conflicts (asks the hub); the ``HubStatus``."""
    from inspector.context import open_context

    context = open_context(root)
    try:
        return context.hub.status()
    finally:
        context.close()
