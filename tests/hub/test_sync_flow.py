"""#15 end to end over a real PostgreSQL hub: the office and two laptops converge on the same
records, a second sync changes nothing, and who sees what holds on the hub itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.domain.inspections import InspectionMode
from tests.exchange.organisation import cli, photo_files, record_inspection
from tests.hub.cluster import Cluster
from tests.hub.world import World, connect_world, rows

INSPECTIONS = "SELECT r.gid FROM inspections i JOIN record_ids r ON r.kind = 'inspection' AND r.local_id = i.id" \
              " WHERE i.status = 'completed' ORDER BY r.gid"


def _sync(capsys, args: tuple[str, ...]) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(cli(capsys, *args, "sync", "--json").out)


def test_two_laptops_and_the_office_converge_and_a_second_sync_changes_nothing(
        world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    connect_world(capsys, world, pg_cluster, hub_db)
    photos = photo_files()
    record_inspection(world.a, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0, photo=photos[0])
    record_inspection(world.a, "zhangwei", mode=InspectionMode.COVERT, vehicle_index=1, photo=photos[1])
    record_inspection(world.b, "lina", mode=InspectionMode.ONSITE, vehicle_index=2, photo=photos[2])

    first_office = _sync(capsys, world.o)
    assert first_office["pushed"]["records"].get("vehicle", 0) > 0  # the office's registry goes up
    pushed_a = _sync(capsys, world.la)["pushed"]
    assert pushed_a["records"] == {"finding": 2, "inspection": 2, "photo": 2} and pushed_a["files"] >= 2
    assert _sync(capsys, world.lb)["pushed"]["records"] == {"finding": 1, "inspection": 1, "photo": 1}
    pulled = _sync(capsys, world.o)["pulled"]
    assert pulled["records"] == {"finding": 3, "inspection": 3, "photo": 3}

    on_a, on_b, at_office = (rows(folder, INSPECTIONS) for folder in (world.a, world.b, world.office))
    assert len(at_office) == 3 and set(on_a) | set(on_b) == set(at_office)
    # Every photo whole at the office: the store holds each original under its own hash.
    from inspector.storage.photo_store import PhotoStore, sha256_of

    store = PhotoStore(world.office / "photos")
    for (sha,) in rows(world.office, "SELECT sha256 FROM photos"):
        path = store.original_path(sha)
        assert path is not None and sha256_of(path) == sha

    # A second round changes nothing anywhere.
    for args in (world.o, world.la, world.lb, world.o):
        again = _sync(capsys, args)
        assert again["pushed"]["records"] == {} and again["pulled"]["records"] == {}, args
        assert again["pushed"]["conflicts"] == [] and again["pulled"]["conflicts"] == []

    # B never holds A's covert inspection; A never holds B's.
    assert set(on_b).isdisjoint(on_a)
    status = json.loads(cli(capsys, *world.o, "hub", "status", "--json").out)
    assert status["reachable"] and status["records_waiting"] == 0 and status["conflicts"] == []
    assert {device["user"] for device in status["devices"]} == {"wangfang", "zhangwei", "lina"}
    assert all(device["last_sync_at"] for device in status["devices"])
