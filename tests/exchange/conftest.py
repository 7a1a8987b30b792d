"""Fixtures of the exchange format tests: the office's CA and users, another organisation's, a sample file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exchange.helpers import Office, Sample, build_sample, make_office


@pytest.fixture(scope="session")
def office() -> Office:
    return make_office("质量办 CA", "一公司")


@pytest.fixture(scope="session")
def other_office() -> Office:
    return make_office("别的 CA", "二公司")


@pytest.fixture
def sample(tmp_path: Path, office: Office) -> Sample:
    return build_sample(tmp_path, office.zhangwei)
