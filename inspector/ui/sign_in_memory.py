"""The user name last signed in with on this computer, offered in the sign-in dialog next time.

Only the name is kept (QSettings ``sign-in/last-username``, the per-user store of
:mod:`inspector.ui.geometry`), never a password.
"""

from __future__ import annotations

from inspector.ui.geometry import settings_store

KEY = "sign-in/last-username"


def last_username() -> str:
    value = settings_store().value(KEY)
    return value if isinstance(value, str) else ""


def remember_username(username: str) -> None:
    store = settings_store()
    store.setValue(KEY, username)
    store.sync()
