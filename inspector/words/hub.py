"""Sentences for the error codes of the office hub (context "Errors"), merged into
``inspector.words.messages.TEMPLATES``. Each says which server or record and what to do."""

from __future__ import annotations

from inspector.words.i18n import QT_TRANSLATE_NOOP

HUB_TEMPLATES: dict[str, str] = {
    "hub_dsn_invalid": QT_TRANSLATE_NOOP(
        "Errors", "\"{dsn}\" is not a usable hub address: {reason}. Give it like "
        "postgresql://ROLE@SERVER:5432/DATABASE."),
    "hub_unreachable": QT_TRANSLATE_NOOP(
        "Errors", "The office hub {dsn} cannot be reached ({reason}). Work goes on here; sync again when the "
        "office network is there."),
    "hub_password_refused": QT_TRANSLATE_NOOP(
        "Errors", "The office hub {dsn} refused the password of this device's role; ask the quality office for "
        "a new one (hub add-device) and run hub connect again."),
    "hub_connection_lost": QT_TRANSLATE_NOOP(
        "Errors", "The connection to the office hub was lost ({reason}). What was sent is kept there and what "
        "came in is kept here; sync again later to go on."),
    "hub_schema_newer": QT_TRANSLATE_NOOP(
        "Errors", "The office hub has schema version {found}, newer than this program knows ({known}); update "
        "Inspector on this machine first."),
    "hub_not_admin": QT_TRANSLATE_NOOP(
        "Errors", "This role may not create the hub's tables and roles ({reason}); run hub init with the DSN of "
        "the database's administrator."),
    "hub_other_organisation": QT_TRANSLATE_NOOP(
        "Errors", "This office hub belongs to another organisation ({organisation}); nothing was changed."),
    "hub_role_taken": QT_TRANSLATE_NOOP(
        "Errors", "The hub refused this device: {reason}. Each laptop needs a role of its own (hub add-device "
        "at the office)."),
    "hub_other_user": QT_TRANSLATE_NOOP(
        "Errors", "The hub role {role} was made for the laptop of {user}, but this data folder belongs to "
        "{joined}; nothing was changed."),
    "hub_record_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The record at position {seq} on the office hub does not match its hash; nothing of it was "
        "taken in. Tell the quality office."),
    "hub_blob_changed": QT_TRANSLATE_NOOP(
        "Errors", "The file of photo {photo} ({path}) no longer matches what was recorded; it is not sent. Run "
        "the integrity check."),
    "hub_blob_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The {copy} copy of photo {photo} on the office hub is damaged; nothing of this batch was "
        "taken in. Tell the quality office."),
    "hub_photo_missing": QT_TRANSLATE_NOOP(
        "Errors", "The office hub lists photo {photo} but does not hold its file yet; nothing of this batch was "
        "taken in. Sync again later."),
    "hub_keyring_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "This computer has no keyring to keep the hub password in ({reason}); set the environment "
        "variable {variable} instead. The password is never kept in the database."),
    "hub_password_missing": QT_TRANSLATE_NOOP(
        "Errors", "The keyring holds no password for the hub role {role}; run hub connect again with the DSN "
        "the quality office gave you, or set {variable}."),
    "hub_device_exists": QT_TRANSLATE_NOOP(
        "Errors", "The hub already has a device named \"{name}\"; choose another name."),
    "hub_init_is_office": QT_TRANSLATE_NOOP(
        "Errors", "Only the quality office's data folder (with the office CA) sets up the hub and adds devices."),
    "hub_not_configured": QT_TRANSLATE_NOOP(
        "Errors", "No office hub is configured: at the office run hub init --dsn DSN, on a laptop hub connect DSN."),
    "hub_needed_for_number": QT_TRANSLATE_NOOP(
        "Errors", "Notice numbers come from the office hub ({dsn}), which cannot be reached now: connect to the "
        "office network and sync before issuing. Nothing was issued."),
    "hub_not_initialised": QT_TRANSLATE_NOOP(
        "Errors", "The database is not an Inspector hub yet: the office runs hub init --dsn DSN first."),
}
