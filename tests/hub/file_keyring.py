"""A keyring backend for the tests: a JSON file named by ``$INSPECTOR_TEST_KEYRING`` (the tests'
machines have no desktop keyring). Chosen through keyring's own ``$PYTHON_KEYRING_BACKEND``, so a
``sync`` in a process of its own finds the same passwords."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

BACKEND = "tests.hub.file_keyring.FileKeyring"


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @staticmethod
    def _file() -> Path:
        return Path(os.environ["INSPECTOR_TEST_KEYRING"])

    def _read(self) -> dict[str, str]:
        path = self._file()
        return json.loads(path.read_text()) if path.is_file() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        stored = self._read()
        stored[f"{service}\n{username}"] = password
        temp = self._file().with_suffix(".tmp")
        temp.write_text(json.dumps(stored))
        os.replace(temp, self._file())

    def delete_password(self, service: str, username: str) -> None:
        stored = self._read()
        if stored.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self._file().write_text(json.dumps(stored))
