"""The monthly report's notes on what its figures mean (口径说明), for the reports page; the PDF
prints the same in Chinese (``inspector.pdf.report_lists.INSPECTED_NOTE``).

One definition of "inspected" serves the coverage, the list of subjects not inspected and both
rankings (``storage.reports_repo``), so nobody ranked is ever listed as not inspected.
"""

from __future__ import annotations

from inspector.words.i18n import QT_TRANSLATE_NOOP, translate

INSPECTED = QT_TRANSLATE_NOOP(
    "ReportNotes",
    "Inspected: at least one completed inspection observed in the month (on-site, covert or walk-around) "
    "was about the subject, or about what it answers for — a staff member for the vehicles and places in "
    "their charge, a unit for everything inspected in it. The staff and unit rankings score the same "
    "inspections (walk-arounds record findings and are not scored), so nobody ranked is listed as not "
    "inspected.")
REGISTERED = QT_TRANSLATE_NOOP(
    "ReportNotes",
    "Registered: the subjects in service on at least one day of the month (active from no later than its "
    "last day, retired no earlier than its first), in the unit they belonged to then. Only the kinds a "
    "checklist in force that month inspects are counted.")


def coverage_notes() -> str:
    """Both notes, translated, one paragraph each."""
    return "\n".join(translate("ReportNotes", text) for text in (INSPECTED, REGISTERED))
