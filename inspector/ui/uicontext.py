"""What every page and dialog is handed: the application context, the signed-in user, the hub.

Pages call ``ui.app.<service>.<method>(ui.user, …)`` and then ``ui.hub.publish(changes)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspector.context import AppContext
from inspector.domain.users import User
from inspector.ui.events import ChangeHub


@dataclass
class UiContext:
    app: AppContext
    hub: ChangeHub = field(default_factory=ChangeHub)
    _user: User | None = None

    @property
    def user(self) -> User:
        if self._user is None:
            raise RuntimeError("no user is signed in")
        return self._user

    @property
    def signed_in(self) -> bool:
        return self._user is not None

    def sign_in(self, user: User) -> None:
        self._user = user
        self.hub.user_changed.emit(user)
