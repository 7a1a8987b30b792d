"""Fixtures of the office hub tests: one throwaway PostgreSQL cluster for the session (started
here, stopped at the end), a fresh hub database for each test. No PostgreSQL installed is a
failure, never a skip: CI installs it (.ci/run)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hub.cluster import DATABASE, Cluster, PostgresMissing, remove_cluster, start_cluster
from tests.hub.world import World, build_world, copy_world

_NUMBERS = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    try:
        cluster = start_cluster()
    except PostgresMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    try:
        yield cluster
    finally:
        remove_cluster(cluster)


@pytest.fixture
def hub_db(pg_cluster: Cluster) -> Iterator[str]:
    """The superuser's DSN of an empty database of its own (the office's hub, before ``hub init``)."""
    name = f"{DATABASE}_{next(_NUMBERS)}"
    pg_cluster.psql(f"CREATE DATABASE {name}", database="postgres")
    yield name
    pg_cluster.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", database="postgres", check=False)


@pytest.fixture(autouse=True)
def _test_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Passwords go to a file keyring of this test's own (tests/hub/file_keyring.py)."""
    import keyring

    from tests.hub.file_keyring import BACKEND, FileKeyring

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", BACKEND)
    monkeypatch.setenv("INSPECTOR_TEST_KEYRING", str(tmp_path / "keyring.json"))
    monkeypatch.delenv("INSPECTOR_HUB_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The office and two joined laptops, built once (with the suite's cheap password hasher:
    see tests/exchange/conftest.py ``organisation``)."""
    from argon2 import PasswordHasher

    import inspector.services.users as users_module

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users_module, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        yield build_world(_Capture(), tmp_path_factory.mktemp("hub-world"))


@pytest.fixture
def world(world_template: World, tmp_path: Path) -> World:
    return copy_world(world_template, tmp_path / "world")


class _Capture:
    """capsys for a session fixture: the CLI's output is swallowed."""

    def readouterr(self) -> tuple[str, str]:
        return "", ""
