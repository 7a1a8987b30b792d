"""0015_comment_books: the passenger comment book on each bus (旅客意见簿), collected every day.

F2·1: 「每日回收、整理、分析旅客意见簿信息……当天将对意见的解释和改进措施等反馈到意见簿上或提意见的旅客本人」.
``comment_book_collections`` is one book collected from one vehicle on one day (an empty book
too: it was collected); it never changes. ``comment_book_entries`` are what passengers wrote in
it — praise, an opinion, a complaint — copied in at collection and never changed, except that an
entry's reply (当天反馈) and the complaint it was registered as are each written once.

NEVER edit this file after it has landed: add a new migration.
"""

from __future__ import annotations

import sqlite_utils

from inspector.storage.migrations.sql import run_statements

NAME = "0015_comment_books"


def migrate(db: sqlite_utils.Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE comment_book_collections (
            id INTEGER PRIMARY KEY,
            vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
            day TEXT NOT NULL,
            collected_at TEXT NOT NULL,
            collected_by INTEGER NOT NULL REFERENCES users(id),
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (vehicle_id, day)
        );
        CREATE INDEX comment_book_collections_day ON comment_book_collections(day);
        CREATE TRIGGER comment_book_collections_immutable BEFORE UPDATE ON comment_book_collections
        BEGIN SELECT RAISE(ABORT, 'a collected comment book is immutable'); END;
        CREATE TRIGGER comment_book_collections_undeletable BEFORE DELETE ON comment_book_collections
        BEGIN SELECT RAISE(ABORT, 'a collected comment book is immutable'); END;
        CREATE TABLE comment_book_entries (
            id INTEGER PRIMARY KEY,
            collection_id INTEGER NOT NULL REFERENCES comment_book_collections(id),
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('praise','opinion','complaint')),
            text TEXT NOT NULL,
            reply TEXT,
            replied_at TEXT,
            replied_by INTEGER REFERENCES users(id),
            complaint_id INTEGER REFERENCES complaints(id),
            UNIQUE (collection_id, position)
        );
        CREATE INDEX comment_book_entries_open ON comment_book_entries(kind, reply, complaint_id);
        CREATE TRIGGER comment_book_entries_written_once BEFORE UPDATE ON comment_book_entries
        WHEN NEW.collection_id IS NOT OLD.collection_id OR NEW.position IS NOT OLD.position
          OR NEW.kind IS NOT OLD.kind OR NEW.text IS NOT OLD.text
          OR (OLD.reply IS NOT NULL AND (NEW.reply IS NOT OLD.reply OR NEW.replied_at IS NOT OLD.replied_at
                                         OR NEW.replied_by IS NOT OLD.replied_by))
          OR (OLD.complaint_id IS NOT NULL AND NEW.complaint_id IS NOT OLD.complaint_id)
        BEGIN SELECT RAISE(ABORT, 'a comment book entry is written once; its reply and its complaint once each'); END;
        CREATE TRIGGER comment_book_entries_undeletable BEFORE DELETE ON comment_book_entries
        BEGIN SELECT RAISE(ABORT, 'a comment book entry is written once'); END;
        """,
    )
