"""``python -m tests.exchange.cli_worker ARGS…``: ``inspector-cli ARGS…`` in a process of its own,
with the suite's cheap password hasher (tests/conftest.py), so that signing in to a data folder
the tests built never upgrades a hash — the kill -9 and full-disk tests compare the database
row for row, and the child must change nothing but what the command itself does."""

from __future__ import annotations

import sys

from argon2 import PasswordHasher

import inspector.services.users as users_module
from inspector.cli import main as cli_main

if __name__ == "__main__":
    users_module._HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    sys.exit(cli_main.main(sys.argv[1:]))
