"""#15.5 on the desktop: a signed-in laptop syncs on a worker thread when the window comes up,
the status line says "已同步 HH:MM · 待上传 N" or "离线 · 待上传 N"; Tools → 办公室服务器 tests a
connection and keeps a new DSN (its password in the keyring)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from inspector.context import open_context
from inspector.domain.inspections import InspectionMode
from inspector.ui.dialogs.hub_settings import HubSettingsDialog
from inspector.ui.language import apply_language
from inspector.ui.mainwindow import MainWindow
from inspector.ui.uicontext import UiContext
from tests.exchange.organisation import PASSWORD, cli, photo_files, record_inspection
from tests.hub.cluster import Cluster
from tests.hub.world import World, connect_world, rows

TIMEOUT_MS = 60_000


def _window(qtbot: Any, context: Any, username: str) -> MainWindow:
    ui = UiContext(app=context)
    ui.sign_in(context.users.authenticate(username, PASSWORD))
    window = MainWindow(ui)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_window_syncs_in_the_background_and_says_how_things_stand(
        qtbot: Any, world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    connect_world(capsys, world, pg_cluster, hub_db)
    photos = photo_files()
    record_inspection(world.a, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0, photo=photos[0])
    context = open_context(world.a)
    window = None
    try:
        window = _window(qtbot, context, "zhangwei")
        actions = window.hub_sync
        assert actions.sync_action.isEnabled() or actions.task is not None
        qtbot.waitUntil(lambda: actions.online is True and actions.task is None, timeout=TIMEOUT_MS)
        assert rows(world.a, "SELECT count(*) FROM hub_sent") == [(3,)]  # inspection, finding, photo went up
        now = datetime.now().strftime("%H:%M")
        line = actions.refresh_status()
        assert line.startswith("Synced ") and line.endswith(" · 0 to upload"), line
        apply_language("zh_CN")
        try:
            assert actions.refresh_status().startswith("已同步 ") and actions.refresh_status().endswith(" · 待上传 0")
        finally:
            apply_language("en")
        assert now[:2] in line  # the time of the sync, as HH:MM

        pg_cluster.stop("immediate")
        try:
            record_inspection(world.a, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=1, photo=photos[1])
            assert actions.sync()
            qtbot.waitUntil(lambda: actions.online is False and actions.task is None, timeout=TIMEOUT_MS)
            assert actions.refresh_status() == "Offline · 3 to upload"
            apply_language("zh_CN")
            try:
                assert actions.refresh_status() == "离线 · 待上传 3"
            finally:
                apply_language("en")
        finally:
            pg_cluster.start()
        assert actions.sync()
        qtbot.waitUntil(lambda: actions.online is True and actions.task is None, timeout=TIMEOUT_MS)
        assert actions.refresh_status().endswith(" · 0 to upload")
    finally:
        if window is not None:
            window.close()
        context.close()


def test_office_server_settings_test_a_connection_and_keep_the_address(
        qtbot: Any, world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.hub.world import credentials

    connect_world(capsys, world, pg_cluster, hub_db)
    role, password = credentials(world.b)
    added = json.loads(cli(capsys, *world.o, "hub", "add-device", "lina-2", "--for", "lina", "--json").out)
    context = open_context(world.b)
    try:
        ui = UiContext(app=context)
        ui.sign_in(context.users.authenticate("lina", PASSWORD))
        dialog = HubSettingsDialog(ui)
        qtbot.addWidget(dialog)
        kept = dialog.dsn.text()
        assert f"user={role}" in kept and "password" not in kept  # the kept DSN, without its password
        dialog.password.setText("wrong")
        dialog.test_connection()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=TIMEOUT_MS)
        assert "refused the password" in dialog.result.text()
        dialog.password.setText(password)
        dialog.test_connection()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=TIMEOUT_MS)
        assert dialog.result.text().startswith("Connected: the hub of ")
        # Another role for a device already registered is refused in the dialog's own words.
        dialog.dsn.setText(added["dsn"])
        dialog.save()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=TIMEOUT_MS)
        assert "already registered under another role" in dialog.result.text()
        assert context.hub.link() is not None and context.hub.link().role == role
        dialog.dsn.setText(kept)
        dialog.password.setText(password)
        dialog.save()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=TIMEOUT_MS)
        assert dialog.password.text() == "" and dialog.result.text().startswith("Saved.")
        stored = rows(world.b, "SELECT value FROM settings WHERE key = 'hub'")[0][0]
        assert password not in stored  # never in the database
    finally:
        context.close()


def test_the_office_sees_the_conflicts_in_a_list(
        qtbot: Any, world: World, pg_cluster: Cluster, hub_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    from inspector.ui.dialogs.hub_conflicts import HubConflictsDialog

    connect_world(capsys, world, pg_cluster, hub_db)
    record_inspection(world.a, "zhangwei", mode=InspectionMode.ONSITE, vehicle_index=0, photo=photo_files()[0])
    cli(capsys, *world.la, "sync")
    record_id = pg_cluster.psql(
        "UPDATE records SET canonical = replace(canonical, '车身污渍', '别的'), sha256 = encode(sha256(convert_to("
        "replace(canonical, '车身污渍', '别的'), 'UTF8')), 'hex') WHERE kind = 'inspection' RETURNING record_id",
        database=hub_db).stdout.strip()
    conn = sqlite3.connect(world.a / "inspector.db")
    conn.execute("DELETE FROM hub_sent")
    conn.commit()
    conn.close()
    cli(capsys, *world.la, "sync")
    context = open_context(world.office)
    try:
        ui = UiContext(app=context)
        ui.sign_in(context.users.authenticate("wangfang", PASSWORD))
        dialog = HubConflictsDialog(ui)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.task is None, timeout=TIMEOUT_MS)
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == record_id
        assert dialog.summary.text().startswith("1 records set aside")
    finally:
        context.close()
