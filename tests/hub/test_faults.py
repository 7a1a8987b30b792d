"""#15 faults: ``sync`` killed (kill -9) at 20 seeded random moments, then synced again — nothing
duplicated, nothing lost, every photo whole; the hub stopped: the laptop keeps recording, says it
is offline, and catches up; a conflict is reported and nothing overwritten; a newer hub schema
is refused."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector.domain.inspections import InspectionMode
from inspector.storage.photo_store import PhotoStore, sha256_of
from tests.exchange.organisation import PASSWORD, cli, photo_files, record_inspection, record_month, unique_photos
from tests.hub.cluster import Cluster
from tests.hub.world import World, connect_world, rows

ROOT = Path(__file__).resolve().parents[2]
COMPLETED = ("SELECT r.gid FROM inspections i JOIN record_ids r ON r.kind = 'inspection' AND r.local_id = i.id"
             " WHERE i.status = 'completed' ORDER BY r.gid")


def _worker(*argv: str) -> subprocess.Popen[str]:
    env = {**os.environ, "INSPECTOR_PASSWORD": PASSWORD}
    return subprocess.Popen([sys.executable, "-m", "tests.hub.sync_worker", *argv], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _photos_whole(folder: Path) -> None:
    store = PhotoStore(folder / "photos")
    for (sha,) in rows(folder, "SELECT sha256 FROM photos"):
        path = store.original_path(sha)
        assert path is not None and sha256_of(path) == sha, sha


def test_sync_killed_at_twenty_random_moments_loses_and_duplicates_nothing(
        world: World, pg_cluster: Cluster, hub_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    connect_world(capsys, world, pg_cluster, hub_db)
    cli(capsys, *world.o, "sync")
    record_month(world.a, "zhangwei", unique_photos(tmp_path / "photos", 32), inspections=16)
    rng = random.Random(15_2)
    finished = 0
    for attempt in range(20):
        args = world.la if attempt % 2 == 0 else world.o  # the laptop's push and the office's pull
        worker = _worker(*args, "sync")
        time.sleep(rng.uniform(0.3, 1.5))
        if worker.poll() is None:
            worker.send_signal(signal.SIGKILL)
        else:
            finished += 1
            assert worker.returncode == 0, worker.stderr.read() if worker.stderr else ""
        worker.communicate(timeout=30)
    for args in (world.la, world.o):
        done = _worker(*args, "sync")
        _, err = done.communicate(timeout=120)
        assert done.returncode == 0, err
    assert finished < 20  # most runs were really cut

    at_office, on_a = rows(world.office, COMPLETED), rows(world.a, COMPLETED)
    assert len(on_a) == 16 and at_office == on_a
    count = pg_cluster.psql("SELECT count(*) FROM records WHERE kind = 'inspection'", database=hub_db)
    assert int(count.stdout) == 16
    duplicates = pg_cluster.psql("SELECT count(*) FROM (SELECT entity FROM records GROUP BY entity"
                                 " HAVING count(*) > 1) d", database=hub_db)
    assert int(duplicates.stdout) == 0
    assert rows(world.office, "SELECT count(*) FROM photos") == rows(world.a, "SELECT count(*) FROM photos")
    _photos_whole(world.office)
    whole = pg_cluster.psql("SELECT count(*) FROM blobs b WHERE encode(sha256((SELECT string_agg(data, ''::bytea"
                            " ORDER BY n) FROM blob_chunks c WHERE c.content_sha256 = b.content_sha256 AND"
                            " c.origin = b.origin)), 'hex') <> b.content_sha256", database=hub_db)
    assert int(whole.stdout) == 0
    again = json.loads(cli(capsys, *world.la, "sync", "--json").out)
    assert again["pushed"]["records"] == {} and again["pulled"]["records"] == {}


def test_the_hub_stopped_mid_sync_the_laptop_keeps_recording_and_catches_up(
        world: World, pg_cluster: Cluster, hub_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    connect_world(capsys, world, pg_cluster, hub_db)
    cli(capsys, *world.o, "sync")
    record_month(world.a, "zhangwei", unique_photos(tmp_path / "photos", 20), inspections=10)
    worker = _worker(*world.la, "sync")
    time.sleep(1.2)
    pg_cluster.stop("immediate")
    try:
        _, err = worker.communicate(timeout=60)
        if worker.returncode != 0:  # cut: one clear line, never a traceback
            assert worker.returncode == 2 and err.startswith("error: ") and "Traceback" not in err, err
        # Offline: recording goes on, sync says so (exit 2), status counts what waits.
        record_inspection(world.a, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=3, photo=photo_files()[0])
        offline = cli(capsys, *world.la, "sync", ok=False)
        assert offline.code == 2 and "cannot be reached" in offline.err and "Traceback" not in offline.err
        status = json.loads(cli(capsys, *world.la, "hub", "status", "--json").out)
        assert not status["reachable"] and status["records_waiting"] >= 3  # at least the new inspection, finding, photo
    finally:
        pg_cluster.start()
    cli(capsys, *world.la, "sync")
    cli(capsys, *world.o, "sync")
    assert rows(world.office, COMPLETED) == rows(world.a, COMPLETED) and len(rows(world.a, COMPLETED)) == 11
    _photos_whole(world.office)
    assert json.loads(cli(capsys, *world.la, "hub", "status", "--json").out)["records_waiting"] == 0


def test_a_conflict_is_reported_kept_aside_and_nothing_overwritten(
        world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    connect_world(capsys, world, pg_cluster, hub_db)
    record_inspection(world.a, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0, photo=photo_files()[0])
    cli(capsys, *world.la, "sync")
    # The hub holds A's inspection under its id with other content (another copy of A's data
    # folder, restored from a backup, pushed a different state under the same id), and A
    # forgets that the hub confirmed it.
    tampered = pg_cluster.psql(
        "UPDATE records SET canonical = replace(canonical, '车身污渍', '别的内容'),"
        " sha256 = encode(sha256(convert_to(replace(canonical, '车身污渍', '别的内容'), 'UTF8')), 'hex')"
        " WHERE kind = 'inspection' RETURNING record_id, sha256", database=hub_db).stdout.strip()
    record_id, hub_sha = tampered.split("|")
    import sqlite3

    conn = sqlite3.connect(world.a / "inspector.db")
    conn.execute("DELETE FROM hub_sent")
    conn.commit()
    conn.close()
    done = cli(capsys, *world.la, "sync")
    assert f"conflict: inspection {record_id}" in done.out and "nothing overwritten" in done.out
    after = pg_cluster.psql(f"SELECT sha256 FROM records WHERE record_id = '{record_id}'", database=hub_db)
    assert after.stdout.strip() == hub_sha  # the hub's record untouched
    kept = pg_cluster.psql(f"SELECT count(*) FROM conflicts WHERE record_id = '{record_id}'", database=hub_db)
    assert int(kept.stdout) == 1
    # The office pulls the hub's state of it; the second report of the same conflict is not doubled.
    cli(capsys, *world.la, "sync")
    assert int(pg_cluster.psql("SELECT count(*) FROM conflicts", database=hub_db).stdout) == 1
    status = json.loads(cli(capsys, *world.o, "hub", "status", "--json").out)
    assert [conflict["record"] for conflict in status["conflicts"]] == [record_id]
    # The laptop's own record is as it was.
    assert rows(world.a, "SELECT count(*) FROM answers WHERE note = '车身污渍'") == [(1,)]


def test_a_newer_hub_schema_and_a_bad_dsn_are_refused_with_one_clear_line(
        world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.hub.world import credentials

    connect_world(capsys, world, pg_cluster, hub_db)
    role, password = credentials(world.b)
    not_admin = cli(capsys, *world.o, "hub", "init", "--dsn", pg_cluster.dsn(user=role, password=password,
                                                                               database=hub_db), ok=False)
    assert not_admin.code == 2 and "may not create" in not_admin.err, not_admin.err
    pg_cluster.psql("INSERT INTO hub_schema (version) VALUES (99)", database=hub_db)
    for args in (world.o, world.la):
        refused = cli(capsys, *args, "sync", ok=False)
        assert refused.code == 2 and "schema version 99" in refused.err, refused.err
    again = cli(capsys, *world.o, "hub", "init", "--dsn", pg_cluster.dsn(database=hub_db), ok=False)
    assert again.code == 2 and "schema version 99" in again.err
    bad = cli(capsys, *world.lb, "hub", "connect", "not a dsn", ok=False)
    assert bad.code == 2 and bad.err.startswith("error: ") and "hub address" in bad.err
    wrong = cli(capsys, *world.lb, "hub", "connect", pg_cluster.dsn(user="nobody", password="x", database=hub_db),
                ok=False)
    assert wrong.code == 2 and "refused the password" in wrong.err
    supervisor = cli(capsys, *world.la, "hub", "add-device", "x", "--for", "zhangwei", ok=False)
    assert supervisor.code == 2 and "Traceback" not in supervisor.err


def test_moved_to_a_new_hub_everything_is_sent_again(
        world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    connect_world(capsys, world, pg_cluster, hub_db)
    record_inspection(world.a, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0, photo=photo_files()[0])
    cli(capsys, *world.la, "sync")
    cli(capsys, *world.o, "sync")
    new_hub = f"{hub_db}_moved"
    pg_cluster.psql(f"CREATE DATABASE {new_hub}", database="postgres")
    try:
        cli(capsys, *world.o, "hub", "init", "--dsn", pg_cluster.dsn(database=new_hub))
        added = json.loads(cli(capsys, *world.o, "hub", "add-device", "a-2", "--for", "zhangwei", "--json").out)
        # The laptop's device id is bound on the first hub only: a new hub takes it.
        cli(capsys, *world.la, "hub", "connect", added["dsn"])
        moved = json.loads(cli(capsys, *world.la, "sync", "--json").out)
        assert moved["pushed"]["records"] == {"finding": 1, "inspection": 1, "photo": 1}
        assert moved["pulled"]["records"] == {}  # the office's records are here already (same ids)
        office = json.loads(cli(capsys, *world.o, "sync", "--json").out)
        assert office["pushed"]["records"].get("vehicle", 0) > 0 and office["pulled"]["records"] == {}
    finally:
        pg_cluster.psql(f"DROP DATABASE IF EXISTS {new_hub} WITH (FORCE)", database="postgres", check=False)


def test_connect_with_the_address_alone_takes_the_password_from_the_environment(
        world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.hub.world import credentials

    connect_world(capsys, world, pg_cluster, hub_db)
    role, password = credentials(world.b)
    address = pg_cluster.dsn(user=role, password="", database=hub_db).replace(f"{role}:@", f"{role}@")
    missing = cli(capsys, *world.lb, "hub", "connect", address, ok=False)
    assert missing.code == 2 and "Traceback" not in missing.err  # no password at all: one clear line
    monkeypatch.setenv("INSPECTOR_HUB_PASSWORD", password)
    cli(capsys, *world.lb, "hub", "connect", address)
    assert json.loads(cli(capsys, *world.lb, "sync", "--json").out)["pushed"]["conflicts"] == []
    assert password not in rows(world.b, "SELECT value FROM settings WHERE key = 'hub'")[0][0]
