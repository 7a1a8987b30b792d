"""An organisation for the hub tests: the quality office (wangfang) and two laptops (zhangwei on
A, lina on B) that joined it with the office's exchange files, built once and copied per test;
``Hubbed`` connects them to a fresh hub database."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tests.exchange.organisation import build_office, cli
from tests.hub.cluster import Cluster


@dataclass
class World:
    office: Path
    a: Path
    b: Path

    def args(self, folder: Path, user: str) -> tuple[str, ...]:
        return ("--data-dir", str(folder), "--user", user)

    @property
    def o(self) -> tuple[str, ...]:
        return self.args(self.office, "wangfang")

    @property
    def la(self) -> tuple[str, ...]:
        return self.args(self.a, "zhangwei")

    @property
    def lb(self) -> tuple[str, ...]:
        return self.args(self.b, "lina")


def build_world(capsys, root: Path) -> World:  # type: ignore[no-untyped-def]
    world = World(root / "office", root / "a", root / "b")
    build_office(capsys, world.office)
    for laptop, user in ((world.a, "zhangwei"), (world.b, "lina")):
        file = root / f"to-{user}.inspx"
        cli(capsys, *world.o, "exchange", "export", "--for", user, "-o", str(file))
        cli(capsys, "--data-dir", str(laptop), "init", "--admin-password", "local-admin")
        cli(capsys, "--data-dir", str(laptop), "exchange", "import", str(file))
    return world


def copy_world(world: World, root: Path) -> World:
    copy = World(root / "office", root / "a", root / "b")
    for source, target in ((world.office, copy.office), (world.a, copy.a), (world.b, copy.b)):
        shutil.copytree(source, target)
    return copy


def connect_world(capsys, world: World, cluster: Cluster, database: str) -> None:  # type: ignore[no-untyped-def]
    """``hub init`` at the office, a role for each laptop, ``hub connect`` on each."""
    cli(capsys, *world.o, "hub", "init", "--dsn", cluster.dsn(database=database))
    for folder, user, args in ((world.a, "zhangwei", world.la), (world.b, "lina", world.lb)):
        added = cli(capsys, *world.o, "hub", "add-device", f"{user}-laptop", "--for", user, "--json")
        import json

        dsn = json.loads(added.out)["dsn"]
        cli(capsys, *args, "hub", "connect", dsn)


def rows(folder: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(folder / "inspector.db")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def credentials(folder: Path) -> tuple[str, str]:
    """(role, password) of the data folder's hub role: the role from its settings, the password
    from the tests' keyring file."""
    import json as json_

    import keyring

    value = rows(folder, "SELECT value FROM settings WHERE key = 'hub'")
    role = json_.loads(value[0][0])["role"]
    password = keyring.get_password("inspector-hub", role)
    assert password, f"no password kept for {role}"
    return role, password
