"""Test set-up: offscreen Qt before any Qt import, a fresh data folder and QSettings per test,
and a context with one user of every role.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every widget test runs on the supervisors' laptop screen, 1366×768 (Qt's offscreen default is
# 800×800): a dialog that does not fit there fails where a user would see it fail.
LAPTOP_SCREEN = Path(__file__).resolve().parent / "fixtures" / "laptop-screen-1366x768.json"
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"
os.environ.pop("INSPECTOR_USER", None)
os.environ.pop("INSPECTOR_PASSWORD", None)

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from inspector.context import AppContext, open_context  # noqa: E402
from inspector.domain.users import Role, User  # noqa: E402

PASSWORD = "secret-pass"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.delenv("INSPECTOR_USER", raising=False)
    monkeypatch.delenv("INSPECTOR_PASSWORD", raising=False)


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2's production cost makes every created user take ~0.3 s; tests need correctness only."""
    from argon2 import PasswordHasher

    import inspector.services.users as users_module

    monkeypatch.setattr(users_module, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def context(data_dir: Path) -> Iterator[AppContext]:
    ctx = open_context(data_dir)
    yield ctx
    ctx.close()


@pytest.fixture
def admin(context: AppContext) -> User:
    user, _ = context.users.create_first_admin("admin", "管理员", PASSWORD)
    return user


@pytest.fixture
def users(context: AppContext, admin: User) -> dict[Role, User]:
    """One active user per role (the supervisor is ``sup1``)."""
    made = {Role.ADMIN: admin}
    for role, name in [(Role.SUPERVISOR, "sup1"), (Role.QUALITY_OFFICE, "qo1"), (Role.MANAGER, "mgr1")]:
        made[role], _ = context.users.create(admin, username=name, display_name=name, role=role,
                                             password=PASSWORD)
    return made


@pytest.fixture
def second_supervisor(context: AppContext, admin: User) -> User:
    user, _ = context.users.create(admin, username="sup2", display_name="sup2", role=Role.SUPERVISOR,
                                   password=PASSWORD)
    return user
