"""The words of a checklist import: the summary lines (what each row became, what was skipped
and why), the problems only XLSForm and .xls files have, and the choices text an item shows
when its list is neither pass/fail nor yes/no.

The summary lines are ``RowProblem`` records like the problems (sheet, row, column, code,
params), so ``describe_problem`` words both; their sentences are registered with the problem
sentences in ``inspector.words.messages``.
"""

from __future__ import annotations

from inspector.words.i18n import QT_TRANSLATE_NOOP

# Written into an item's guidance in both languages (template content, like the item's own text).
CHOICES_SHOWN_ZH = "选项：{choices}（按合格 / 不合格判定）"
CHOICES_SHOWN_EN = "Choices: {choices} (judged as pass / fail)"

# What a row became (the "mapped" part of the summary).
MAPPED_SENTENCES: dict[str, str] = {
    "mapped_section": QT_TRANSLATE_NOOP("Errors", "section {code}: {title}"),
    "mapped_repeat": QT_TRANSLATE_NOOP(
        "Errors", "repeat {code} became a section (answered once per inspection): {title}"),
    "mapped_pass_fail": QT_TRANSLATE_NOOP("Errors", "pass/fail item {code}: {text}"),
    "mapped_numeric": QT_TRANSLATE_NOOP("Errors", "measured item {code}: {text}"),
    "mapped_text": QT_TRANSLATE_NOOP("Errors", "observation item {code} (not scored): {text}"),
    "item_choices_shown": QT_TRANSLATE_NOOP(
        "Errors", "pass/fail item {code}: {text} — its choices ({choices}) are shown, the supervisor answers "
        "pass or fail"),
    "choices_mapped": QT_TRANSLATE_NOOP("Errors", "list \"{value}\" answers pass/fail: {mapping}"),
    "photo_of_item": QT_TRANSLATE_NOOP("Errors", "photo question: item {code} asks for a photo when it fails"),
    "note_description": QT_TRANSLATE_NOOP("Errors", "note: added to the template description"),
    "outside_group": QT_TRANSLATE_NOOP(
        "Errors", "questions outside any group go into section {code}, named after the form"),
    "group_merged": QT_TRANSLATE_NOOP(
        "Errors", "group \"{value}\" nests more than two levels deep: its questions go into section {code}"),
    "code_generated": QT_TRANSLATE_NOOP("Errors", "the name \"{value}\" is not a code; the code is {code}"),
    "section_title_from_name": QT_TRANSLATE_NOOP("Errors", "section {code} has no label; its name is the title"),
    "template_code_generated": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a template code; the template code is {code}"),
    "template_code_from_file": QT_TRANSLATE_NOOP(
        "Errors", "no form_id: the template code {code} comes from the file name"),
    "settings_missing": QT_TRANSLATE_NOOP(
        "Errors", "no settings sheet: the code and title come from the file name"),
    "macros_ignored": QT_TRANSLATE_NOOP("Errors", "the workbook's macros were ignored (never run)"),
    "office_layout": QT_TRANSLATE_NOOP(
        "Errors", "read as an office checklist sheet: {items} items in {sections} sections"),
}

# Why a row was left out (the "skipped" part of the summary).
SKIPPED_SENTENCES: dict[str, str] = {
    "skipped_metadata": QT_TRANSLATE_NOOP("Errors", "skipped {name}: \"{type}\" is form metadata, not a question"),
    "skipped_type": QT_TRANSLATE_NOOP("Errors", "skipped {name}: a \"{type}\" question is not a checklist item"),
    "skipped_multiple": QT_TRANSLATE_NOOP(
        "Errors", "skipped {name}: a question with several answers (\"{type}\") has no pass/fail mapping"),
    "skipped_list": QT_TRANSLATE_NOOP(
        "Errors", "skipped {name}: the list \"{value}\" has {count} choices, which do not map to pass/fail"),
    "skipped_number": QT_TRANSLATE_NOOP(
        "Errors", "skipped {name}: a number without a threshold (add a threshold column to check it)"),
    "skipped_photo": QT_TRANSLATE_NOOP("Errors", "skipped {name}: a photo question not right after an item"),
    "skipped_note": QT_TRANSLATE_NOOP("Errors", "skipped {name}: a note, not a question"),
    "skipped_group_empty": QT_TRANSLATE_NOOP(
        "Errors", "left out group {name}: none of its rows is a checklist item"),
}

# Problems only XLSForm and .xls files have.
PROBLEM_SENTENCES: dict[str, str] = {
    "xls_encrypted": QT_TRANSLATE_NOOP(
        "Errors", "the workbook is protected by a password; remove the password in Excel or WPS and save it again"),
    "xls_not_workbook": QT_TRANSLATE_NOOP(
        "Errors", "this is an Office file of another kind (such as a Word .doc), not an Excel workbook"),
    "name_invalid": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a valid XLSForm name (letters, digits, _, - and '.', starting with a letter "
        "or _; no spaces)"),
    "group_end_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" does not close what is open here (the group or repeat {group})"),
    "no_checklist_items": QT_TRANSLATE_NOOP(
        "Errors", "no checklist items found: the {count} question row(s) listed below were all skipped"),
}

# The import needs a subject kind the file does not name (the CLI names its option).
SUBJECT_MISSING = QT_TRANSLATE_NOOP(
    "Errors", "{file} does not say what it inspects; choose the subject kind ({kinds})")
SUBJECT_OPTION = QT_TRANSLATE_NOOP(
    "Errors", "{file} does not say what it inspects; give --subject KIND (one of: {kinds})")
