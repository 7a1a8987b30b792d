"""Notice numbers from the office hub (#15.4): when the quality office's data folder is connected
to a hub, each notice's serial is taken from the hub's per-year counter — the counter advanced and
the number entered in the hub's register in one transaction, the counter's row locked until then
— so two office machines can never issue the same number. Without a hub the database's own
counter serves, as before. When the hub is configured but cannot be reached the office is told to
sync (reach the hub) before issuing: nothing is issued with a number the hub has not given.

A number is taken before the notice's own transaction commits here; if that transaction then
fails (a full disk while writing the PDF) the number stays unused, visible as taken in the
hub's register: a gap, never a duplicate.
"""

from __future__ import annotations

import sqlite_utils

from inspector.domain.errors import InspectorError
from inspector.hub.keyring_store import HubPasswords
from inspector.services.notices import LocalSerials
from inspector.storage import hub_repo
from inspector.storage.travel import ids as device_repo


class HubNoticeSerials:
    def __init__(self, passwords: HubPasswords | None = None) -> None:
        self.passwords = passwords or HubPasswords()
        self.local = LocalSerials()

    def next(self, db: sqlite_utils.Database, year: int) -> int:
        link = hub_repo.link(db)
        device = device_repo.device(db)
        if link is None or device.office_device_id:  # no hub, or a laptop (its reissues stay local)
            return self.local.next(db, year)
        import psycopg

        from inspector.hub import connection
        from inspector.hub.transport import HubSession

        try:
            session = HubSession(connection.connect(link.dsn, self.passwords.load(link.role)))
        except InspectorError as error:
            if error.code in ("hub_unreachable", "hub_password_refused"):
                raise InspectorError("hub_needed_for_number", dsn=link.dsn) from None
            raise
        try:
            serial = session.take_notice_serial(year, hub_repo.notice_serial(db, year), device.device_id)
        except psycopg.Error:
            raise InspectorError("hub_needed_for_number", dsn=link.dsn) from None
        finally:
            session.close()
        hub_repo.raise_notice_serial(db, year, serial)
        return serial
