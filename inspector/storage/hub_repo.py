"""The office hub on this data folder's side (only SQL): the connection's settings and pull cursor
(settings key ``hub``), what the hub confirmed holding (``hub_sent``, migration 0016), and who may
read each record that goes there — whether it belongs to a covert inspection, whose inspection it
is and on which device it was recorded."""

from __future__ import annotations

from dataclasses import asdict, dataclass
import sqlite_utils

from inspector.storage import settings_repo

KEY = "hub"


@dataclass(frozen=True)
class HubLink:
    dsn: str  # without the password
    role: str
    cursor: int = 0  # the hub's seq of the last record pulled
    organisation_id: str = ""
    last_sync_at: str | None = None
    last_pushed: int = 0
    last_pulled: int = 0


def link(db: sqlite_utils.Database) -> HubLink | None:
    stored = settings_repo.read(db, KEY)
    if not stored or not stored.get("dsn"):
        return None
    known = set(HubLink.__dataclass_fields__)
    return HubLink(**{key: value for key, value in stored.items() if key in known})


def save_link(db: sqlite_utils.Database, value: HubLink) -> None:
    settings_repo.write(db, KEY, asdict(value))


def sent(db: sqlite_utils.Database) -> dict[str, str]:
    return {str(row[0]): str(row[1]) for row in db.execute("SELECT record_id, sha256 FROM hub_sent").fetchall()}


def forget_sent(db: sqlite_utils.Database) -> None:
    """Another hub: what the previous one confirmed says nothing about this one."""
    db.execute("DELETE FROM hub_sent")


def mark_sent(db: sqlite_utils.Database, pairs: list[tuple[str, str]], at: str) -> None:
    db.conn.executemany("INSERT INTO hub_sent (record_id, sha256, at) VALUES (?,?,?) ON CONFLICT(record_id) DO UPDATE"
                   " SET sha256 = excluded.sha256, at = excluded.at", [(rid, sha, at) for rid, sha in pairs])


# --- who may read a record ------------------------------------------------------------------
def inspection_covert(db: sqlite_utils.Database, inspection_id: int) -> bool:
    row = db.execute("SELECT mode = 'covert' FROM inspections WHERE id = ?", [inspection_id]).fetchone()
    return bool(row and row[0])


def finding_inspection(db: sqlite_utils.Database, finding_id: int) -> int | None:
    row = db.execute("SELECT inspection_id FROM findings WHERE id = ?", [finding_id]).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def photo_covert(db: sqlite_utils.Database, photo_id: int) -> bool:
    row = db.execute("SELECT EXISTS (SELECT 1 FROM answer_photos a JOIN inspections i ON i.id = a.inspection_id"
                     " WHERE a.photo_id = ? AND i.mode = 'covert')", [photo_id]).fetchone()
    return bool(row and row[0])


def photo_notice(db: sqlite_utils.Database, photo_id: int) -> int | None:
    """The notice whose reply or follow-up shows this photo (None: an inspection's photo)."""
    row = db.execute("SELECT notice_id FROM reply_photos WHERE photo_id = ? UNION SELECT f.notice_id FROM"
                     " followup_photos p JOIN followups f ON f.id = p.followup_id WHERE p.photo_id = ? LIMIT 1",
                     [photo_id, photo_id]).fetchone()
    return None if row is None else int(row[0])


@dataclass(frozen=True)
class NoticeReaders:
    inspection_id: int
    covert: bool
    author: str  # the username of the inspection's author


def notice_readers(db: sqlite_utils.Database, notice_id: int) -> NoticeReaders | None:
    row = db.execute("SELECT n.inspection_id, n.covert OR i.mode = 'covert', u.username FROM notices n"
                     " JOIN inspections i ON i.id = n.inspection_id JOIN users u ON u.id = i.author_id"
                     " WHERE n.id = ?", [notice_id]).fetchone()
    return None if row is None else NoticeReaders(int(row[0]), bool(row[1]), str(row[2]))


def signature_notice(db: sqlite_utils.Database, signature_id: int) -> int | None:
    row = db.execute("SELECT notice_id FROM notice_signatures WHERE id = ?", [signature_id]).fetchone()
    return None if row is None else int(row[0])


def followup_notice(db: sqlite_utils.Database, followup_id: int) -> int | None:
    row = db.execute("SELECT notice_id FROM followups WHERE id = ?", [followup_id]).fetchone()
    return None if row is None else int(row[0])


def documents(db: sqlite_utils.Database) -> dict[str, str]:
    """Every notice PDF and signed copy: SHA-256 → path under the data folder."""
    return {str(row[0]): str(row[1]) for row in db.execute(
        "SELECT pdf_sha256, pdf_path FROM notices UNION ALL SELECT pdf_sha256, pdf_path FROM notice_signatures")}



def notice_serial(db: sqlite_utils.Database, year: int) -> int:
    """The last serial this database issued in ``year`` (0: none)."""
    row = db.execute("SELECT last_serial FROM notice_serials WHERE year = ?", [year]).fetchone()
    return 0 if row is None else int(row[0])


def raise_notice_serial(db: sqlite_utils.Database, year: int, serial: int) -> None:
    """The local counter follows the hub's (a preview then shows the next number likely)."""
    db.execute("INSERT INTO notice_serials (year, last_serial) VALUES (?, ?) ON CONFLICT(year) DO UPDATE"
               " SET last_serial = MAX(last_serial, excluded.last_serial)", [year, serial])
