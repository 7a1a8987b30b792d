"""#15.3: who sees what is enforced by PostgreSQL. Each device logs in with its own role; the
checks go through the psql client as that role, not through the app."""

from __future__ import annotations

import json

import pytest

from inspector.domain.inspections import InspectionMode
from tests.exchange.organisation import cli, photo_files, record_inspection
from tests.hub.cluster import Cluster
from tests.hub.world import World, connect_world, credentials


def _count(cluster: Cluster, database: str, role: tuple[str, str], sql: str) -> int:
    return int(cluster.psql(sql, user=role[0], password=role[1], database=database).stdout.strip())


def test_covert_records_are_seen_only_by_their_device_and_the_office_and_nobody_writes_for_another(
        world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    connect_world(capsys, world, pg_cluster, hub_db)
    photos = photo_files()
    record_inspection(world.a, "zhangwei", mode=InspectionMode.COVERT, vehicle_index=1, photo=photos[1])
    record_inspection(world.b, "lina", mode=InspectionMode.ONSITE, vehicle_index=2, photo=photos[2])
    for args in (world.o, world.la, world.lb):
        cli(capsys, *args, "sync", "--json")
    a, b, office = credentials(world.a), credentials(world.b), credentials(world.office)

    covert = "SELECT count(*) FROM records WHERE covert"
    assert _count(pg_cluster, hub_db, office, covert) == 3  # the inspection, its finding, its photo
    assert _count(pg_cluster, hub_db, a, covert) == 3
    assert _count(pg_cluster, hub_db, b, covert) == 0
    # Even marked for every laptop (as a mistaken push might), a covert row stays with its author.
    pg_cluster.psql("UPDATE records SET audience = '{*}' WHERE covert; UPDATE blobs SET audience = '{*}' WHERE covert",
                    database=hub_db)
    assert _count(pg_cluster, hub_db, b, covert) == 0
    assert _count(pg_cluster, hub_db, b, "SELECT count(*) FROM blobs WHERE covert") == 0
    assert _count(pg_cluster, hub_db, office, "SELECT count(*) FROM blobs WHERE covert") >= 1
    covert_bytes = ("SELECT count(*) FROM blob_chunks c WHERE c.content_sha256 IN"
                    " (SELECT content_sha256 FROM blobs WHERE covert)")
    assert _count(pg_cluster, hub_db, b, "SELECT count(*) FROM blob_chunks WHERE origin <> hub_device()") == \
        _count(pg_cluster, hub_db, b, "SELECT count(*) FROM blob_chunks c JOIN blobs b USING (content_sha256)"
                                      " WHERE c.origin <> hub_device() AND NOT b.covert")
    assert _count(pg_cluster, hub_db, office, covert_bytes) >= 1
    # B sees none of A's records at all (A's inspections are A's and the office's), the shared ones yes.
    assert _count(pg_cluster, hub_db, b, "SELECT count(*) FROM records WHERE kind = 'inspection'") == 1
    assert _count(pg_cluster, hub_db, b, "SELECT count(*) FROM records WHERE kind = 'vehicle'") > 0

    # A supervisor's role writes only its own device's records, of a laptop's kinds, and changes nothing.
    a_device = pg_cluster.psql("SELECT hub_device()", user=a[0], password=a[1], database=hub_db).stdout.strip()
    forged = ("INSERT INTO records (record_id, seq, kind, entity, origin, sha256, canonical) VALUES"
              " ('0190a000-0000-7000-8000-000000000001', 0, '{kind}', '0190a000-0000-7000-8000-000000000002',"
              " '{origin}', repeat('a', 64), '{{}}')")
    refused = [
        forged.format(kind="inspection", origin=a_device),  # B writing as A
        "UPDATE records SET canonical = '{}' WHERE kind = 'inspection'",
        "DELETE FROM records",
        "DELETE FROM blob_chunks",
        "UPDATE notice_counters SET last = 0",
        "SELECT count(*) FROM devices",
    ]
    for sql in refused:
        done = pg_cluster.psql(sql, user=b[0], password=b[1], database=hub_db, check=False)
        assert done.returncode != 0, sql
        assert "row-level security" in done.stderr or "permission denied" in done.stderr, (sql, done.stderr)
    b_device = pg_cluster.psql("SELECT hub_device()", user=b[0], password=b[1], database=hub_db).stdout.strip()
    notice = pg_cluster.psql(forged.format(kind="notice", origin=b_device), user=b[0], password=b[1],
                             database=hub_db, check=False)
    assert notice.returncode != 0 and "row-level security" in notice.stderr  # only the office issues notices
    assert _count(pg_cluster, hub_db, office, "SELECT count(*) FROM records WHERE record_id ="
                                              " '0190a000-0000-7000-8000-000000000001'") == 0
    # And the sync of B still holds nothing of A's.
    pulled = json.loads(cli(capsys, *world.lb, "sync", "--json").out)["pulled"]
    assert pulled["records"].get("inspection", 0) == 0

    # Raw bytes: nothing B's role can read on the hub, and nothing in B's data folder, names A's
    # covert inspection or carries its photo.
    def readable_by(role: tuple[str, str]) -> str:
        return pg_cluster.psql("SELECT string_agg(encode(data, 'hex'), '') FROM blob_chunks", user=role[0],
                               password=role[1], database=hub_db).stdout

    covert_ids = pg_cluster.psql("SELECT record_id || ' ' || entity FROM records WHERE covert",
                                 database=hub_db).stdout.split()
    covert_photo = pg_cluster.psql("SELECT sha256 FROM blobs WHERE covert LIMIT 1", database=hub_db).stdout.strip()
    covert_bytes_hex = pg_cluster.psql(
        "SELECT encode(substring(c.data from 200 for 64), 'hex') FROM blob_chunks c JOIN blobs b"
        " USING (content_sha256) WHERE b.covert LIMIT 1", database=hub_db).stdout.strip()
    assert len(covert_ids) == 6 and covert_photo and len(covert_bytes_hex) == 128
    assert covert_bytes_hex not in readable_by(b)
    assert covert_bytes_hex in readable_by(office)  # the check can see the bytes where they are allowed
    readable = pg_cluster.psql("SELECT string_agg(canonical, ' ') FROM records; SELECT string_agg(sha256, ' ')"
                               " FROM blobs; SELECT string_agg(encode(data, 'hex'), '') FROM blob_chunks",
                               user=b[0], password=b[1], database=hub_db).stdout
    raw_b = b"".join(path.read_bytes() for path in sorted(world.b.rglob("*")) if path.is_file())
    for secret in [*covert_ids, covert_photo]:
        assert secret not in readable
        assert secret.encode() not in raw_b
