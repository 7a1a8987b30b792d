"""Words of backups and restore: the error sentences (context "Errors", joined to
``inspector.words.messages.TEMPLATES``) and the reasons a backup was made, as the list shows them.
"""

from __future__ import annotations

from inspector.words.i18n import QT_TRANSLATE_NOOP, translate

ERROR_SENTENCES: dict[str, str] = {
    "backup_write_failed": QT_TRANSLATE_NOOP(
        "Errors", "The backup {file} could not be written ({reason}); nothing was changed."),
    "backup_target_is_folder": QT_TRANSLATE_NOOP(
        "Errors", "{file} is a folder; give the name of the backup file to write."),
    "backup_not_sqlite": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not a database backup (it is not an SQLite file); nothing was changed."),
    "backup_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The backup {file} is damaged (SQLite's integrity check: {problem}); nothing was changed."),
    "backup_checksum_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The backup {file} no longer matches the SHA-256 recorded when it was made (changed or "
        "incomplete copy); nothing was changed."),
    "backup_not_inspector": QT_TRANSLATE_NOOP(
        "Errors", "{file} is an SQLite file but not an Inspector database; nothing was changed."),
    "backup_too_new": QT_TRANSLATE_NOOP(
        "Errors", "The backup {file} was made by a newer version of Inspector (it has changes this version "
        "does not know: {unknown}); update Inspector first. Nothing was changed."),
    "backup_newer_build": QT_TRANSLATE_NOOP(
        "Errors", "The backup {file} was made by Inspector {version}, newer than this {current}; update "
        "Inspector first. Nothing was changed."),
    "restore_failed": QT_TRANSLATE_NOOP(
        "Errors", "Restoring {file} failed ({reason}); the database is as it was."),
    "restore_folder_in_use": QT_TRANSLATE_NOOP(
        "Errors", "Inspector is open on {folder} (process {pid}); close it before restoring a backup."),
    "database_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The database {file} cannot be read ({reason}); restore a backup (inspector-cli restore FILE, "
        "the backups are in the backups folder beside it)."),
    "database_busy": QT_TRANSLATE_NOOP(
        "Errors", "The database {file} is busy with another change; try again in a moment."),
}

REASONS: dict[str, str] = {
    "daily": QT_TRANSLATE_NOOP("Backups", "daily"),
    "manual": QT_TRANSLATE_NOOP("Backups", "by hand"),
    "migration": QT_TRANSLATE_NOOP("Backups", "before an upgrade"),
    "import": QT_TRANSLATE_NOOP("Backups", "before an import"),
    "restore": QT_TRANSLATE_NOOP("Backups", "before a restore"),
}


def reason_label(reason: str) -> str:
    """Why a backup was made, in the current language (an unknown word as it is)."""
    template = REASONS.get(reason)
    return translate("Backups", template) if template else reason
