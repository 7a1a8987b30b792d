"""Fixtures of the exchange format tests: the office's CA and users, another organisation's, a sample file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.exchange.helpers import Office, Sample, build_sample, make_office
from tests.exchange.imports import Organisation, build_organisation


@pytest.fixture(scope="session")
def office() -> Office:
    return make_office("质量办 CA", "一公司")


@pytest.fixture(scope="session")
def other_office() -> Office:
    return make_office("别的 CA", "二公司")


@pytest.fixture
def sample(tmp_path: Path, office: Office) -> Sample:
    return build_sample(tmp_path, office.zhangwei)


@pytest.fixture(scope="session")
def organisation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Organisation]:
    """Office, laptop A and their files (tests/exchange/imports.py), built once; tests copy the
    folders they import into.

    Built with the suite's cheap password hasher, the one every test signs in with. A session
    fixture is set up before the function-scoped ``_cheap_password_hashing`` of tests/conftest.py,
    so without this the accounts would carry production-cost hashes and each test's first
    sign-in would upgrade (rehash) the one it finds — a real, wanted sign-in effect that changes
    the users table before the import even starts. That is why a refused import once looked, in
    pytest only, as if it had changed the data folder.
    """
    from argon2 import PasswordHasher

    import inspector.services.users as users_module

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users_module, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        yield build_organisation(tmp_path_factory.mktemp("organisation"))
