"""Words of the exchange screens (context "ExchangeWords"): what each kind of travelling record is
called in the summary of an import, which side of the organisation a data folder is, and the
status bar's line about the last exchange with the quality office.

The error sentences of exchange files are in ``inspector.words.exchange``; these are the labels
and lines around them, shared by the main window, the dialogs and the settings page.
"""

from __future__ import annotations

from inspector.domain.records import RecordKind as K
from inspector.words.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "ExchangeWords"

KIND_WORDS: dict[K, str] = {
    K.TEMPLATE_VERSION: QT_TRANSLATE_NOOP("ExchangeWords", "Checklist versions"),
    K.UNIT: QT_TRANSLATE_NOOP("ExchangeWords", "Units"),
    K.VEHICLE: QT_TRANSLATE_NOOP("ExchangeWords", "Vehicles"),
    K.STAFF: QT_TRANSLATE_NOOP("ExchangeWords", "Staff"),
    K.LOCATION: QT_TRANSLATE_NOOP("ExchangeWords", "Locations"),
    K.USER: QT_TRANSLATE_NOOP("ExchangeWords", "User accounts"),
    K.CERTIFICATE: QT_TRANSLATE_NOOP("ExchangeWords", "Signing certificates"),
    K.CA_CERTIFICATE: QT_TRANSLATE_NOOP("ExchangeWords", "The office's CA certificate"),
    K.INSPECTION: QT_TRANSLATE_NOOP("ExchangeWords", "Inspections"),
    K.FINDING: QT_TRANSLATE_NOOP("ExchangeWords", "Findings"),
    K.PHOTO: QT_TRANSLATE_NOOP("ExchangeWords", "Photo records"),
    K.NOTICE: QT_TRANSLATE_NOOP("ExchangeWords", "Rectification notices"),
    K.RECEIPT: QT_TRANSLATE_NOOP("ExchangeWords", "Receipts"),
    K.REPLY: QT_TRANSLATE_NOOP("ExchangeWords", "Units' replies"),
    K.FOLLOWUP: QT_TRANSLATE_NOOP("ExchangeWords", "Follow-ups"),
    K.SIGNATURE: QT_TRANSLATE_NOOP("ExchangeWords", "Signed notice copies"),
    K.COMPLAINT: QT_TRANSLATE_NOOP("ExchangeWords", "Complaints"),
    K.SETTINGS: QT_TRANSLATE_NOOP("ExchangeWords", "Settings"),
    K.ACKNOWLEDGEMENT: QT_TRANSLATE_NOOP("ExchangeWords", "Acknowledgements"),
}
PHOTO_FILES = QT_TRANSLATE_NOOP("ExchangeWords", "Photo files")

SIDE_WORDS: dict[str, str] = {
    "office": QT_TRANSLATE_NOOP("ExchangeWords", "The quality office's data folder"),
    "laptop": QT_TRANSLATE_NOOP("ExchangeWords", "A laptop of the organisation"),
    "unjoined": QT_TRANSLATE_NOOP("ExchangeWords", "Not joined to an organisation yet"),
}


def kind_label(kind: str) -> str:
    """The translated name of a kind of record (``"inspection"`` → 检查记录); the raw value if unknown."""
    try:
        return translate(CONTEXT, KIND_WORDS[K(kind)])
    except ValueError:
        return kind


def photo_files_label() -> str:
    return translate(CONTEXT, PHOTO_FILES)


def side_label(side: str) -> str:
    text = SIDE_WORDS.get(side)
    return translate(CONTEXT, text) if text else side


def laptop_status_line(office: str, when: str | None, waiting: int) -> str:
    """The status bar on a laptop: when it last exchanged with the office, and what waits to go."""
    if when is None:
        return translate("ExchangeWords", "Not yet exchanged with {office} · {count} waiting to be sent").format(
            office=office, count=waiting)
    return translate("ExchangeWords", "Last exchange with {office}: {date} · {count} waiting to be sent").format(
        office=office, date=when, count=waiting)


def office_status_line(laptops: int, when: str | None, sender: str | None, missing: int) -> str:
    """The status bar at the office: how many laptops have reported, the latest and lost files."""
    if when is None or sender is None:
        line = translate("ExchangeWords", "No exchange file received from a laptop yet")
    else:
        line = translate("ExchangeWords", "Laptops reported: {count} · latest file {date} from {sender}").format(
            count=laptops, date=when, sender=sender)
    if missing:
        line += translate("ExchangeWords", " · {count} files missing").format(count=missing)
    return line


def unjoined_status_line() -> str:
    return translate("ExchangeWords",
                     "Not joined to an organisation: import the exchange file from the quality office")
