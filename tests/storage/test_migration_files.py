"""Migrations are one file each, registered in order, and what a database records is their NAME."""

from __future__ import annotations

import re
from pathlib import Path

from inspector.storage import migrations
from inspector.storage.migrations import MIGRATIONS, ORDER

FOLDER = Path(migrations.__file__).parent


def test_every_migration_file_is_registered_once_in_number_order() -> None:
    files = sorted(path.stem for path in FOLDER.glob("m[0-9][0-9][0-9][0-9]_*.py"))
    assert [module.__name__.rpartition(".")[2] for module in ORDER] == files
    numbers = [int(module.NAME[:4]) for module in ORDER]
    assert numbers == list(range(1, len(ORDER) + 1)), "numbered 0001, 0002, … with no gap"


def test_the_name_stored_is_the_file_name_without_its_m() -> None:
    for module in ORDER:
        assert re.fullmatch(r"\d{4}_[a-z0-9_]+", module.NAME)
        assert module.__name__.endswith(f".m{module.NAME}")
    assert [migration.name for migration in MIGRATIONS._migrations] == [module.NAME for module in ORDER]


def test_each_migration_says_what_it_changes() -> None:
    for module in ORDER:
        assert module.__doc__ and len(module.__doc__.strip()) > len(module.NAME) + 20
