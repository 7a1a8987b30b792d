"""``python -m tests.hub.sync_worker ARGS…``: ``inspector-cli ARGS…`` in a process of its own with
the suite's cheap password hasher (as tests/exchange/cli_worker.py) — the process the kill -9
tests kill. The keyring backend comes from the environment (tests/hub/file_keyring.py)."""

from __future__ import annotations

import sys

from argon2 import PasswordHasher

import inspector.services.users as users_module
from inspector.cli import main as cli_main

if __name__ == "__main__":
    users_module._HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    sys.exit(cli_main.main(sys.argv[1:]))
