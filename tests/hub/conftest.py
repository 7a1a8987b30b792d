"""Fixtures of the office hub tests: one throwaway PostgreSQL cluster for the session (started
here, stopped at the end), a fresh hub database for each test. No PostgreSQL installed is a
failure, never a skip: CI installs it (.ci/run)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from tests.hub.cluster import DATABASE, Cluster, PostgresMissing, remove_cluster, start_cluster

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
