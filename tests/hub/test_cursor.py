"""#15.2: the pull cursor never skips a record a slower concurrent push commits later. A push
that drew its ``seq`` and has not committed holds the push lock, so a later push waits for it and
nothing with a larger ``seq`` can become visible first."""

from __future__ import annotations

import threading
import time

import pytest

from inspector.domain.records import Record, RecordKind, new_id
from inspector.hub import connection
from inspector.hub.transport import HubSession, Outbound
from tests.hub.cluster import Cluster
from tests.hub.world import World, connect_world, credentials


def _record(origin: str) -> Outbound:
    sha = new_id().replace("-", "")[:32] * 2
    body = {"entity": new_id(), "sha256": sha, "suffix": ".jpg", "original_name": "x.jpg", "mime": "image/jpeg",
            "width": 1, "height": 1, "taken_at": None, "latitude": None, "longitude": None,
            "added_at": "2026-12-01T08:00:00+08:00", "added_by": new_id(), "annotations": None}
    return Outbound(Record(kind=RecordKind.PHOTO, id=new_id(), origin=origin, body=body), audience=("*",))


def test_a_push_committed_late_is_not_skipped_by_a_pull_in_between(
        world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    connect_world(capsys, world, pg_cluster, hub_db)
    role, password = credentials(world.office)
    dsn = pg_cluster.dsn(user=role, password=password, database=hub_db)
    origin = new_id()
    slow, quick = _record(origin), _record(origin)
    events: list[str] = []

    def slow_push() -> None:
        session = HubSession(connection.connect(dsn, None))
        with session.conn.transaction():
            session.conn.execute("INSERT INTO records (record_id, seq, kind, entity, origin, sha256, canonical)"
                                 " VALUES (%s, 0, 'photo', %s, %s, %s, %s)",
                                 [slow.record.id, slow.record.body["entity"], origin, slow.record.content_hash(),
                                  slow.record.canonical().decode()])
            events.append("slow drew its seq")
            time.sleep(1.5)  # still open: a transaction that numbered its record but has not committed
        events.append("slow committed")
        session.close()

    def quick_push() -> None:
        session = HubSession(connection.connect(dsn, None))
        session.push([quick], origin)
        events.append("quick committed")
        session.close()

    first = threading.Thread(target=slow_push)
    first.start()
    while "slow drew its seq" not in events:
        time.sleep(0.01)
    second = threading.Thread(target=quick_push)
    second.start()
    time.sleep(0.6)
    reader = HubSession(connection.connect(dsn, None))
    try:
        between = [item.record.id for item in reader.pull(0, new_id(), 1000) if item.record.origin == origin]
        assert between == []  # the quick push waits for the slow one: nothing of theirs is visible yet
        first.join()
        second.join()
        assert events == ["slow drew its seq", "slow committed", "quick committed"]
        pulled = [item for item in reader.pull(0, new_id(), 1000) if item.record.origin == origin]
        assert [item.record.id for item in pulled] == [slow.record.id, quick.record.id]
        assert pulled[0].seq < pulled[1].seq
    finally:
        reader.close()
