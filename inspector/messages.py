"""Sentences for error codes, in English source text marked for Qt Linguist (context "Errors").

The domain and services raise codes with parameters; the GUI shows ``describe(error)`` in the
user's language, the CLI prints it after ``error:``. Add a line here with every new code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from inspector.domain.errors import ImportRejected, InspectorError, RowProblem
from inspector.domain.users import Permission, Role
from inspector.i18n import translate
from inspector.labels import entity_label, label

CONTEXT = "Errors"

TEMPLATES: dict[str, str] = {
    "error": QT_TRANSLATE_NOOP("Errors", "Something went wrong: {detail}"),
    "invalid": QT_TRANSLATE_NOOP("Errors", "The value of {field} is not valid."),
    "invalid_value": QT_TRANSLATE_NOOP("Errors", "The value of {field} is not valid."),
    "not_found": QT_TRANSLATE_NOOP("Errors", "Not found: {entity} \"{key}\"."),
    "conflict": QT_TRANSLATE_NOOP("Errors", "This clashes with existing data."),
    "permission_denied": QT_TRANSLATE_NOOP(
        "Errors", "Your role ({role}) may not {permission}."
    ),
    "not_your_inspection": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} belongs to another supervisor; only its author or the quality office may change it."
    ),
    "covert_not_visible": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} is a covert visit; only its author, the quality office and admins may see it."
    ),
    "inspection_completed": QT_TRANSLATE_NOOP(
        "Errors", "Inspection {inspection} is completed and can no longer be edited."
    ),
    "template_not_published": QT_TRANSLATE_NOOP(
        "Errors", "Template {template} version {version} is a draft; inspections use published versions only."
    ),
    "subject_not_found": QT_TRANSLATE_NOOP("Errors", "No {kind} with id {id} is in the registry."),
    "subject_retired": QT_TRANSLATE_NOOP(
        "Errors", "The {kind} {subject} is retired; reactivate it in the registry before inspecting it."
    ),
    "subject_kind_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "Template {template} inspects a {expected}, not a {given}."
    ),
    "auth_failed": QT_TRANSLATE_NOOP("Errors", "Wrong user name or password for \"{user}\"."),
    "no_acting_user": QT_TRANSLATE_NOOP(
        "Errors", "No acting user: give --user NAME (or $INSPECTOR_USER); this data folder has no single admin to default to."
    ),
    "password_required": QT_TRANSLATE_NOOP(
        "Errors", "A password is needed for \"{user}\": set $INSPECTOR_PASSWORD or run in a terminal."
    ),
    "password_too_short": QT_TRANSLATE_NOOP("Errors", "The password must have at least {minimum} characters."),
    "username_format": QT_TRANSLATE_NOOP(
        "Errors", "A user name has 2–32 letters, digits, dots, dashes or underscores."
    ),
    "username_taken": QT_TRANSLATE_NOOP("Errors", "The user name \"{username}\" is already taken."),
    "display_name_empty": QT_TRANSLATE_NOOP("Errors", "The display name must not be empty."),
    "admin_exists": QT_TRANSLATE_NOOP("Errors", "This data folder already has an administrator."),
    "last_admin": QT_TRANSLATE_NOOP(
        "Errors", "\"{username}\" is the last active administrator and must stay one."
    ),
    "setting_invalid": QT_TRANSLATE_NOOP("Errors", "The setting {field} is not valid."),
    "database_too_new": QT_TRANSLATE_NOOP(
        "Errors",
        "The database {file} was written by a newer version of Inspector (it has {unknown}). "
        "Install the newer version; nothing was changed.",
    ),
    "migration_foreign_keys": QT_TRANSLATE_NOOP(
        "Errors", "Upgrading {file} left {problems} broken references; the backup beside it is untouched."
    ),
    "import_rejected": QT_TRANSLATE_NOOP(
        "Errors", "{file}: {count} problem(s) found; nothing was imported."
    ),
    "file_missing": QT_TRANSLATE_NOOP("Errors", "The file {file} does not exist."),
    "file_unreadable": QT_TRANSLATE_NOOP("Errors", "The file {file} could not be read ({reason})."),
    "unsupported_format": QT_TRANSLATE_NOOP(
        "Errors", "The file {file} is not a format Inspector reads ({suffix}); save it as {expected}."
    ),
    "file_empty": QT_TRANSLATE_NOOP("Errors", "The file {file} has no rows to import."),
    "duplicate_key": QT_TRANSLATE_NOOP("Errors", "{kind}: {field} \"{value}\" already exists"),
    "unit_retired": QT_TRANSLATE_NOOP("Errors", "The unit {unit} is retired; reactivate it or choose another unit."),
    "unit_not_found": QT_TRANSLATE_NOOP("Errors", "No unit has the code or name \"{value}\"."),
    "duplicate_in_file": QT_TRANSLATE_NOOP("Errors", "\"{value}\" appears twice in the file (also in row {other_row})."),
    "demo_needs_empty_registry": QT_TRANSLATE_NOOP(
        "Errors", "This data folder already has {units} unit(s); demo data goes only into an empty registry. "
        "Use a new data folder (--data-dir)."
    ),
    "demo_needs_admin": QT_TRANSLATE_NOOP(
        "Errors", "This data folder already has accounts: only an administrator may add demo data."
    ),
    "data_dir_locked": QT_TRANSLATE_NOOP(
        "Errors", "Inspector is already open on the data folder {path}. Use that window."
    ),
    "month_format": QT_TRANSLATE_NOOP("Errors", "\"{month}\" is not a month in the form YYYY-MM (e.g. 2025-07)."),
    "template_published": QT_TRANSLATE_NOOP(
        "Errors", "Template {code} version {version} is published and can no longer change; copy it to a new month instead."
    ),
    "template_invalid": QT_TRANSLATE_NOOP(
        "Errors", "Template {code} version {version} cannot be published: {count} problem(s), first {first}."
    ),
    "template_no_draft": QT_TRANSLATE_NOOP(
        "Errors", "Template {code} has no draft to publish; start one with \"templates copy {code} --month YYYY-MM\"."
    ),
    "template_code_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The template body has code {code} but this version belongs to template {expected}."
    ),
    "template_resource_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The built-in template file {file} is damaged ({detail}); reinstall Inspector."
    ),
}

# Codes used inside import problems (per row and column).
ROW_TEMPLATES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Errors", "a value is required"),
    "plate_format": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a plate like 粤B·12345"),
    "location_code_format": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a code like A-3F-WC-02"),
    "key_format": QT_TRANSLATE_NOOP("Errors", "\"{value}\" may only hold letters, digits, - and _"),
    "enum": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not one of: {expected}"),
    "int_parsing": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a whole number"),
    "float_parsing": QT_TRANSLATE_NOOP("Errors", "\"{value}\" is not a number"),
    "missing": QT_TRANSLATE_NOOP("Errors", "a value is required"),
    "column_missing": QT_TRANSLATE_NOOP("Errors", "this required column is missing (accepted headers: {expected})"),
    "column_unknown": QT_TRANSLATE_NOOP("Errors", "this column is not recognised (expected: {expected})"),
    "duplicate_key": QT_TRANSLATE_NOOP("Errors", "\"{value}\" already exists in the registry"),
    "duplicate_in_file": QT_TRANSLATE_NOOP("Errors", "\"{value}\" also appears in row {other_row}"),
    "unit_not_found": QT_TRANSLATE_NOOP("Errors", "no unit has the code or name \"{value}\""),
    "unit_retired": QT_TRANSLATE_NOOP("Errors", "the unit \"{value}\" is retired"),
    "unit_ambiguous": QT_TRANSLATE_NOOP("Errors", "several units are named \"{value}\" ({codes}); give the unit code"),
    "staff_not_found": QT_TRANSLATE_NOOP("Errors", "no staff member has the staff number (工号) \"{value}\""),
}


def _format(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _readable_params(params: dict[str, Any]) -> dict[str, Any]:
    """Role and permission codes in words (``supervisor`` → 督导员)."""
    readable = dict(params)
    if params.get("role") in Role._value2member_map_:
        readable["role"] = label(Role(params["role"]))
    if params.get("permission") in Permission._value2member_map_:
        readable["permission"] = label(Permission(params["permission"]))
    for key in ("kind", "entity"):
        if isinstance(params.get(key), str):
            readable[key] = entity_label(params[key])
    return readable


def describe(error: InspectorError) -> str:
    """One sentence for ``error`` in the current language."""
    template = TEMPLATES.get(error.code)
    if template is None and error.code in ROW_TEMPLATES:
        # A field-level validation code (plate_format…) raised outside an import.
        reason = _format(translate(CONTEXT, ROW_TEMPLATES[error.code]), {"value": "", **error.params})
        field = error.params.get("field")
        if field:
            return translate("Errors", "{field}: {reason}").format(field=field, reason=reason)
        return reason
    if template is None:
        detail = ", ".join(f"{k}={v}" for k, v in error.params.items())
        return f"{error.code}" + (f" ({detail})" if detail else "")
    return _format(translate(CONTEXT, template), {"detail": "", **_readable_params(error.params)})


def describe_problem(problem: RowProblem) -> str:
    """``row 7, column plate: "XX" is not a plate like 粤B·12345``."""
    template = ROW_TEMPLATES.get(problem.code)
    reason = _format(translate(CONTEXT, template), problem.params) if template else problem.code
    where = translate("Errors", "row {row}, column {column}").format(row=problem.row, column=problem.column)
    return f"{where}: {reason}"


def describe_import(error: ImportRejected) -> list[str]:
    """The headline and one line per problem."""
    return [describe(error), *(describe_problem(p) for p in error.problems)]
