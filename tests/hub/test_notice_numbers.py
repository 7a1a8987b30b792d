"""#15.4: with a hub, notice numbers come from its per-year counter — two office machines never
issue the same number; out of reach, the office is told to sync first and nothing is issued. The
notice then reaches the inspection's laptop through the hub, PDF and all."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from inspector.context import open_context
from inspector.domain.errors import InspectorError
from inspector.domain.inspections import InspectionMode
from inspector.storage.photo_store import sha256_of
from tests.exchange.organisation import PASSWORD, cli, photo_files, record_inspection
from tests.hub.cluster import Cluster
from tests.hub.world import World, connect_world, rows


def _issue(folder: Path, inspection_gid: str) -> str:
    context = open_context(folder)
    try:
        office = context.users.authenticate("wangfang", PASSWORD)
        local = rows(folder, "SELECT local_id FROM record_ids WHERE kind = 'inspection' AND gid = ?",
                     (inspection_gid,))[0][0]
        notice, _ = context.notices.issue(office, context.notices.drafts(office, local, every_open=True)[0])
        return notice.number
    finally:
        context.close()


def test_two_office_machines_take_different_numbers_and_offline_nothing_is_issued(
        world: World, pg_cluster: Cluster, hub_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    connect_world(capsys, world, pg_cluster, hub_db)
    photos = photo_files()
    for index in range(3):
        record_inspection(world.a, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=index, photo=photos[index])
    cli(capsys, *world.la, "sync")
    cli(capsys, *world.o, "sync")
    gids = [gid for (gid,) in rows(world.office, "SELECT gid FROM record_ids WHERE kind = 'inspection' ORDER BY gid")]
    second = tmp_path / "office-2"  # another office machine with the office's data folder (say, a standby copy)
    shutil.copytree(world.office, second)

    first_number = _issue(world.office, gids[0])
    second_number = _issue(second, gids[1])
    assert first_number != second_number
    assert [first_number[-4:], second_number[-4:]] == ["0001", "0002"]  # without the hub both would be 0001
    register = pg_cluster.psql("SELECT serial FROM notice_numbers ORDER BY serial", database=hub_db).stdout.split()
    assert register == ["1", "2"]

    pg_cluster.stop("immediate")
    try:
        with pytest.raises(InspectorError) as refused:
            _issue(world.office, gids[2])
        assert refused.value.code == "hub_needed_for_number"
        assert rows(world.office, "SELECT count(*) FROM notices") == [(1,)]
    finally:
        pg_cluster.start()

    # The notice goes up with the office's sync and reaches laptop A with its PDF.
    cli(capsys, *world.o, "sync")
    cli(capsys, *world.la, "sync")
    (number, path, sha), = rows(world.a, "SELECT number, pdf_path, pdf_sha256 FROM notices")
    assert number == first_number and sha256_of(world.a / path) == sha
    assert rows(world.b, "SELECT count(*) FROM notices") == [(0,)]
    cli(capsys, *world.lb, "sync")
    assert rows(world.b, "SELECT count(*) FROM notices") == [(0,)]  # B's user is not the inspection's author
    for args in (world.o, world.la, world.lb):  # every data folder still passes its integrity check
        checked = cli(capsys, *args, "check", ok=False)
        assert checked.code == 0, checked.out + checked.err


def test_concurrent_takes_of_the_counter_never_repeat_a_number(
        world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from inspector.hub import connection
    from inspector.hub.transport import HubSession
    from tests.hub.world import credentials

    connect_world(capsys, world, pg_cluster, hub_db)
    role, password = credentials(world.office)
    taken: list[int] = []

    def take() -> None:
        session = HubSession(connection.connect(pg_cluster.dsn(user=role, password=password, database=hub_db), None))
        try:
            for _ in range(25):
                taken.append(session.take_notice_serial(2026, 0, "0190a000-0000-7000-8000-000000000009"))
        finally:
            session.close()

    threads = [threading.Thread(target=take) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(taken) == list(range(1, 76))
