"""The monthly report's notes on what its figures mean (口径说明): translated for the reports page,
and in Chinese for the documents (the PDF under its coverage table, the workbook's 概况 sheet),
which are written in Chinese whatever the interface language.

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


# The same two notes as the documents print them (the monthly report is a Chinese document).
INSPECTED_NOTE = ("口径说明：“已检查”指本月至少有一次已完成的检查（明查、暗访或走动式）针对该对象，"
                  "或针对其负责的对象——人员含其作为责任人负责的车辆、场所，单位含其名下被检查的一切对象；"
                  "人员排名与单位排名按同一口径取数（走动式检查只记问题、不计分），"
                  "因此排名中的人员不会出现在未检名单中。")
REGISTERED_NOTE = ("“登记总数”为本月内至少有一天在用的对象（启用日期不晚于月末、停用日期不早于月初），"
                   "按当月所属单位统计；只统计本月有生效检查表检查的对象类别。")
