"""The hub role's password in the operating system's keyring (the ``keyring`` package: Windows
Credential Manager, macOS Keychain, the Secret Service on Linux), never in the database.

``$INSPECTOR_HUB_PASSWORD``, when set, is used instead (a service account, a test); where no
keyring exists the error says so and names that variable.
"""

from __future__ import annotations

import os

from inspector.domain.errors import InspectorError

SERVICE = "inspector-hub"
ENV_PASSWORD = "INSPECTOR_HUB_PASSWORD"


class HubPasswords:
    """Passwords by hub role (one data folder has one role on one hub)."""

    def store(self, role: str, password: str) -> str:
        """Keep ``password``; returns where ("keyring" or the environment variable's name)."""
        if os.environ.get(ENV_PASSWORD):
            return ENV_PASSWORD
        keyring, errors = _keyring()
        try:
            keyring.set_password(SERVICE, role, password)
        except errors.KeyringError as error:
            raise InspectorError("hub_keyring_unavailable", reason=_reason(error), variable=ENV_PASSWORD) from None
        return "keyring"

    def load(self, role: str) -> str:
        from_env = os.environ.get(ENV_PASSWORD)
        if from_env:
            return from_env
        keyring, errors = _keyring()
        try:
            password = keyring.get_password(SERVICE, role)
        except errors.KeyringError as error:
            raise InspectorError("hub_keyring_unavailable", reason=_reason(error), variable=ENV_PASSWORD) from None
        if password is None:
            raise InspectorError("hub_password_missing", role=role, variable=ENV_PASSWORD)
        return password


def _keyring():  # type: ignore[no-untyped-def]
    import keyring
    import keyring.errors

    return keyring, keyring.errors


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
