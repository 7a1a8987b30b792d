"""XLSForm as pyxform reads it, for forms written by anyone (ODK's samples, Kobo's library, an
office's own): what each ``type`` cell is, which header is which language, which names pyxform
accepts, and what a choice list means for a checklist.

- **Types** (``classify_type``): groups and repeats open and close sections; ``select_one`` (all
  of pyxform's spellings: ``select one from``, ``select1``, ``add select one prompt using``…),
  numbers, text and photos may become checklist items; notes, metadata (start, end, deviceid…)
  and the other question types pyxform knows (date, geopoint, barcode…) are skipped and listed;
  a type pyxform does not know is refused, as pyxform refuses it.
- **Headers** (``xlsform_key``): ``label::English (en)``, ``label:English``, ``label::en``,
  ``label::中文 (zh)``, a bare ``label``; ``list name`` = ``list_name``; ``value`` = ``name`` in
  choices; ``caption`` = ``label``. Languages other than Chinese and English are kept under
  ``label@<tag>`` so that a form in a third language still has its texts.
- **Choice lists** (``list_meaning``): a list of two or three choices whose names or labels mean
  yes/no, 是/否, 合格/不合格, pass/fail, ok/not ok, 有/无 (plus n/a, 不适用) is a pass/fail/na
  answer; any other list of 2–8 choices is shown to the supervisor, who answers pass or fail.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from inspector.domain.templates import CODE_PATTERN
from inspector.services.template_sheets_format import CHOICE_NAMES, fold, language_of

# kinds that classify_type returns
BEGIN, END, SELECT_ONE, SELECT_MULTIPLE, NUMBER, TEXT, PHOTO, NOTE = (
    "begin", "end", "select_one", "select_multiple", "number", "text", "photo", "note")
METADATA, SKIPPED, UNKNOWN, BLANK = "metadata", "skipped", "unknown", "blank"

_SELECT_ONE = ("select_one", "select1", "select one", "select one from", "select one using",
               "add select one prompt using", "q select1")
_SELECT_MULTIPLE = ("select_multiple", "select all that apply", "select all that apply from", "select multiple from",
                    "select multiple using", "add select multiple prompt using", "q select")
_SELECT_FROM_FILE = ("select_one_from_file", "select_multiple_from_file", "select one from file",
                     "select multiple from file", "select_one_external", "select one external", "rank")
_NUMBERS = {"integer", "int", "decimal", "q int", "q decimal", "add integer prompt", "add decimal prompt"}
_TEXTS = {"text", "string", "q string", "add text prompt"}
_PHOTOS = {"image", "photo", "q image", "q picture", "add image prompt", "add photo prompt"}
_NOTES = {"note", "q note", "add note prompt"}
_METADATA = {"start", "end", "today", "deviceid", "device id", "imei", "subscriberid", "subscriber id", "simserial",
             "sim id", "phonenumber", "phone number", "username", "email", "audit", "start-geopoint",
             "start time", "end time", "get start time", "get end time", "get today", "get device id",
             "get sim id", "get subscriber id", "get phone number", "uri:deviceid", "uri:subscriberid",
             "uri:simserial", "uri:phonenumber", "uri:username", "uri:email", "background-audio",
             "background-geopoint"}
_OTHER_QUESTIONS = {"date", "time", "datetime", "date time", "geopoint", "geotrace", "geoshape", "gps", "location",
                    "barcode", "audio", "video", "file", "range", "acknowledge", "trigger", "hidden",
                    "xml-external", "csv-external", "osm", "percentage", "entity", "q date", "q time",
                    "q datetime", "q geopoint", "q geoshape", "q geotrace", "q location", "q audio", "q video",
                    "q barcode", "q acknowledge", "add date prompt", "add time prompt",
                    "add datetime prompt", "add date time prompt", "add location prompt", "add barcode prompt",
                    "add audio prompt", "add video prompt", "add file prompt", "add acknowledge prompt",
                    "number of days in last month", "number of days in last six months",
                    "number of days in last year"}
CALCULATE = "calculate"  # the argument of a skipped calculate row
_CALCULATES = {"calculate", "q calculate", "add calculate prompt"}
_CONTROLS = {"group": "group", "repeat": "repeat", "looped group": "repeat", "lgroup": "repeat", "loop": "repeat"}

SUPPORTED_QUESTIONS = ("begin group / end group, begin repeat / end repeat, select_one LIST, integer, decimal, "
                       "text, image; note, date, geopoint, calculate, metadata and the other XLSForm types "
                       "are listed as skipped")


@dataclass(frozen=True)
class RowType:
    """What a survey row's ``type`` cell says: the kind, the select list, group or repeat."""

    kind: str
    argument: str = ""  # the list of a select; "group" or "repeat" for begin/end; CALCULATE
    text: str = ""  # the type as written, for the summary


def classify_type(text: str) -> RowType:
    if not text.strip():
        return RowType(BLANK)
    folded = fold(text)
    spaced = " ".join(folded.replace("_", " ").split())
    words = spaced.split()
    if len(words) >= 2 and words[0] in ("begin", "end"):
        control = _CONTROLS.get(" ".join(words[1:]))
        if control is not None:
            return RowType(BEGIN if words[0] == "begin" else END, control, text.strip())
    tokens = text.split()
    for spellings, kind in ((_SELECT_FROM_FILE, SKIPPED), (_SELECT_ONE, SELECT_ONE),
                            (_SELECT_MULTIPLE, SELECT_MULTIPLE)):
        for spelling in sorted(spellings, key=len, reverse=True):
            head = spelling.split()
            if [fold(t) for t in tokens[:len(head)]] == head and len(tokens) in (len(head) + 1, len(head) + 2):
                rest = tokens[len(head):]
                if len(rest) == 2 and fold(rest[1]) != "or_other":
                    return RowType(UNKNOWN, text=text.strip())
                return RowType(kind, rest[0], text.strip())
    if folded in _NUMBERS:
        return RowType(NUMBER, text=text.strip())
    if folded in _TEXTS:
        return RowType(TEXT, text=text.strip())
    if folded in _PHOTOS:
        return RowType(PHOTO, text=text.strip())
    if folded in _NOTES:
        return RowType(NOTE, text=text.strip())
    if folded in _METADATA:
        return RowType(METADATA, text=text.strip())
    if spaced in _CALCULATES:  # skipped, but pyxform refuses one without its calculation (SurveyReader)
        return RowType(SKIPPED, CALCULATE, text.strip())
    if folded in _OTHER_QUESTIONS or fold(tokens[0]) in ("range", "rank") or spaced in _OTHER_QUESTIONS:
        return RowType(SKIPPED, text=text.strip())
    return RowType(UNKNOWN, text=text.strip())


# --- headers -------------------------------------------------------------------------------------
_TRANSLATABLE = {"label": "label", "caption": "label", "hint": "hint"}


def translated_key(header: str) -> str | None:
    """``label::English (en)`` → label_en, ``label:中文`` → label_zh, ``label`` → label,
    ``label::Français (fr)`` → ``label@français (fr)``; None for any other header."""
    text = fold(header)
    match = re.match(r"^(label|caption|hint)\s*(?:::?\s*(.*))?$", text)
    if match is None:
        return None
    base, tag = _TRANSLATABLE[match.group(1)], (match.group(2) or "").strip()
    if not tag:
        return base
    language = language_of(tag)
    return f"{base}_{language}" if language else f"{base}@{tag}"


# --- names --------------------------------------------------------------------------------------
# An XML name as pyxform checks it: a letter or _ first, then letters, digits, _, - and '.'.
_XML_NAME = re.compile(r"^[^\W\d][\w.\-]*$")


def is_xml_name(name: str) -> bool:
    return bool(_XML_NAME.match(name))


def is_code(text: str) -> bool:
    return bool(CODE_PATTERN.match(text))


def code_from(text: str) -> str:
    """A template code made from a form_id or file name that is not one (``B 1`` → ``B-1``;
    ``车容检查`` → ``F`` + 8 hex digits of its SHA-1, the same every time the file is imported)."""
    ascii_part = re.sub(r"[^A-Za-z0-9_.\-]+", "-", text).strip("-._")[:32].rstrip("-._")
    if ascii_part and is_code(ascii_part) and len(ascii_part) >= 2:
        return ascii_part
    return "F" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8].upper()


# --- choice lists -------------------------------------------------------------------------------
PASS, FAIL, NA = CHOICE_NAMES
_MEANINGS: dict[str, str] = {}
for _word in ("yes", "y", "pass", "passed", "ok", "okay", "true", "是", "合格", "有", "符合", "正常", "达标", "通过",
              "对", "√", "✓"):
    _MEANINGS[_word] = PASS
for _word in ("no", "n", "fail", "failed", "not ok", "not_ok", "notok", "nok", "false", "否", "不合格", "无", "不符合",
              "不正常", "不达标", "未通过", "不通过", "错", "×", "✗"):
    _MEANINGS[_word] = FAIL
for _word in ("na", "n/a", "n_a", "not applicable", "not_applicable", "不适用", "不涉及", "无此项"):
    _MEANINGS[_word] = NA
MAX_SHOWN_CHOICES = 8


@dataclass(frozen=True)
class Choice:
    row: int
    name: str
    label_zh: str
    label_en: str

    @property
    def shown(self) -> str:
        return self.label_zh or self.label_en or self.name


def _meaning(choice: Choice) -> str | None:
    for text in (choice.name, choice.label_zh, choice.label_en):
        folded = fold(text).replace("-", " ").strip(" .!?。")
        if folded in _MEANINGS:
            return _MEANINGS[folded]
    return None


def list_meaning(choices: list[Choice]) -> dict[str, str] | None:
    """{choice name: pass | fail | na} when the list is a pass/fail(/na) answer, else None."""
    if not 2 <= len(choices) <= 3:
        return None
    names = [fold(choice.name) for choice in choices]
    if set(names) <= set(CHOICE_NAMES) and {PASS, FAIL} <= set(names):
        return {choice.name: fold(choice.name) for choice in choices}  # our own list
    meanings = [_meaning(choice) for choice in choices]
    if meanings.count(PASS) != 1 or meanings.count(FAIL) != 1 or meanings.count(None) or meanings.count(NA) > 1:
        return None
    return {choice.name: meaning for choice, meaning in zip(choices, meanings) if meaning is not None}
