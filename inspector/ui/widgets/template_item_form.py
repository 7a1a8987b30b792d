"""The form of one check item in the template editor (split from ``template_forms`` for size).

Code, texts and inspection standard (检查标准) in both languages, how it is answered (pass/fail/
N-A, a measured value against a threshold, a free observation), severity, what failing it costs
(a deduction or a weight, following the template's scheme), veto (一票否决), photos required on
fail, whether a covert visit can check it (可暗访), the default rectification days, where it came
from, and a reference photo showing what good looks like. The photo is chosen through
``ReferencePhotoPicker.choose`` (a classmethod tests replace); the editor stores it through
``PhotoService`` — the form only asks (``photo_requested``) and shows the thumbnail.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from inspector.domain.templates import Origin, ResponseType, ScoringScheme, Severity, TemplateBody, TemplateItem
from inspector.words.labels import label
from inspector.ui.widgets.template_forms import THUMBNAIL_SIZE, NodeForm, ThumbnailLookup, refill

PHOTO_FILTER = "*.jpg *.jpeg *.png *.heic *.heif *.webp"
DECIMAL_COMMA = str.maketrans(",", ".")  # 2,5 and 2.5 are the same threshold


class ReferencePhotoPicker:
    """Asks for the file of a reference photo (tests replace ``choose``)."""

    @classmethod
    def choose(cls, parent: QWidget | None) -> Path | None:
        caption = QCoreApplication.translate("ReferencePhotoPicker", "Choose a reference photo")
        photos = QCoreApplication.translate("ReferencePhotoPicker", "Photos")
        path, _filter = QFileDialog.getOpenFileName(parent, caption, "", f"{photos} ({PHOTO_FILTER})")
        return Path(path) if path else None


def _threshold(text: str) -> float | None:
    """The typed threshold as a number (either decimal mark), or None when empty or not a number."""
    text = text.strip().translate(DECIMAL_COMMA)
    try:
        return float(text) if text else None
    except ValueError:
        return None


class ItemForm(NodeForm):
    """One check item; ``photo_requested`` when the user wants to choose a reference photo."""

    photo_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, thumbnails: ThumbnailLookup | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.scheme = ScoringScheme.DEDUCTION
        self.add_row("code", self.line("code", typing=False, read=str.strip))
        self.add_row("text_zh", self.line("text_zh"))
        self.add_row("text_en", self.line("text_en"))
        self.add_row("guidance_zh", self.text_box("guidance_zh"))
        self.add_row("guidance_en", self.text_box("guidance_en"))
        self.response = QComboBox()
        self.response.activated.connect(lambda _index: self._response_chosen())
        self.fields["response"] = self.response
        self.add_row("response", self.response)
        threshold = self.line("threshold", typing=False, read=_threshold)
        # No QDoubleValidator: it would never accept the empty field that clears a threshold.
        threshold.setMaximumWidth(110)
        unit = self.line("unit_of_measure")
        unit.setMaximumWidth(110)
        self.unit_caption = QLabel()
        measure = QWidget()
        row = QHBoxLayout(measure)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(threshold)
        row.addWidget(self.unit_caption)
        row.addWidget(unit)
        row.addStretch(1)
        self.add_row("threshold", measure)
        self.fields["threshold"] = threshold
        self.add_row("severity", self.combo("severity", Severity))
        points = QDoubleSpinBox()
        points.setRange(0, 1000)
        points.setDecimals(1)
        points.setSingleStep(0.5)
        points.setMaximumWidth(120)
        self.add_row("points", self.spin("points", points, points.value))
        self.add_row("veto", self.check("veto"))
        photos = QSpinBox()
        photos.setRange(0, 9)
        photos.setMaximumWidth(120)
        self.add_row("photos_on_fail", self.spin("photos_on_fail", photos, photos.value))
        self.add_row("covert", self.check("covert"))
        days = QSpinBox()
        days.setRange(0, 365)
        days.setMaximumWidth(200)
        self.add_row("action_days", self.spin("action_days", days, lambda: days.value() or None))
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.origin.setProperty("role", "hint")
        self.origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_row("origin", self.origin)
        self.photo = QLabel()
        self.photo.setFixedSize(THUMBNAIL_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setProperty("role", "muted")
        self.photo.setWordWrap(True)
        self.choose_photo = QPushButton()
        self.choose_photo.clicked.connect(lambda: (self.flush(), self.photo_requested.emit()))
        self.remove_photo = QPushButton()
        self.remove_photo.clicked.connect(lambda: self.choose({"reference_photo": None}))
        photo_box = QWidget()
        column = QVBoxLayout(photo_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.photo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_photo)
        buttons.addWidget(self.remove_photo)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.add_row("reference_photo", photo_box)
        self.retranslate()

    def points_field(self) -> str:
        """The item field the points box edits: ``deduct`` or ``weight`` as the scheme says."""
        return "deduct" if self.scheme is ScoringScheme.DEDUCTION else "weight"

    def _response_chosen(self) -> None:
        response = ResponseType(self.response.currentData())
        updates: dict[str, object] = {"response": response}
        if response is not ResponseType.NUMERIC:
            updates["threshold"] = None  # a threshold only means something for a measured item
        self.choose(updates)

    def load(self, item: TemplateItem, body: TemplateBody, same_record: bool) -> None:
        self.begin_load(same_record)
        self.scheme = body.scheme
        self.heading.setText(self.tr("Item {code}").format(code=item.code))
        for field in ("code", "text_zh", "text_en", "guidance_zh", "guidance_en", "response", "threshold",
                      "unit_of_measure", "severity", "veto", "photos_on_fail", "covert"):
            self.put(field, getattr(item, field))
        self.put("points", item.deduct if self.scheme is ScoringScheme.DEDUCTION else item.weight)
        self.put("action_days", item.action_days or 0)
        numeric = item.response is ResponseType.NUMERIC
        for widget in (self.fields["threshold"], self.fields["unit_of_measure"], self.unit_caption,
                       self.captions["threshold"]):
            widget.setEnabled(numeric)
        scored = item.response is not ResponseType.TEXT
        self.fields["points"].setEnabled(scored)
        self.captions["points"].setText(self._points_caption())
        self.origin.setText(self._origin_text(item))
        self._show_photo(item.reference_photo)
        self.end_load()

    def _points_caption(self) -> str:
        if self.scheme is ScoringScheme.DEDUCTION:
            return self.tr("Deduction on fail")
        return self.tr("Weight (points)")

    def _origin_text(self, item: TemplateItem) -> str:
        origins = {Origin.DIRECT: self.tr("Taken from the regulations"),
                   Origin.ADAPTED: self.tr("Adapted from the regulations"),
                   Origin.INFERRED: self.tr("Not in the regulations: a suggestion to confirm")}
        text = origins[item.origin]
        return f"{text} · {item.source}" if item.source else text

    def _show_photo(self, sha256: str | None) -> None:
        self.remove_photo.setEnabled(sha256 is not None)
        path = self.thumbnails(sha256) if sha256 and self.thumbnails is not None else None
        pixmap = QPixmap(str(path)) if path is not None else QPixmap()
        if not pixmap.isNull():
            self.photo.setPixmap(pixmap.scaled(THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
            self.photo.setToolTip(sha256 or "")
            return
        self.photo.setPixmap(QPixmap())
        self.photo.setText(self.tr("Photo not on this computer") if sha256 else self.tr("No photo"))
        self.photo.setToolTip(sha256 or "")

    def retranslate(self) -> None:
        texts = {"code": self.tr("Code"), "text_zh": self.tr("Text (Chinese)"), "text_en": self.tr("Text (English)"),
                 "guidance_zh": self.tr("Standard (Chinese)"), "guidance_en": self.tr("Standard (English)"),
                 "response": self.tr("Answered as"), "threshold": self.tr("At least"),
                 "severity": self.tr("Severity"), "points": self._points_caption(), "veto": self.tr("Veto"),
                 "photos_on_fail": self.tr("Photos on fail"), "covert": self.tr("Covert visits"),
                 "action_days": self.tr("Days to rectify"), "origin": self.tr("Origin"),
                 "reference_photo": self.tr("Reference photo")}
        for field, text in texts.items():
            self.captions[field].setText(text)
        self.unit_caption.setText(self.tr("unit"))
        self.fields["veto"].setText(self.tr("Fails the whole inspection (一票否决)"))  # type: ignore[attr-defined]
        self.fields["covert"].setText(self.tr("Checkable on covert visits (可暗访)"))  # type: ignore[attr-defined]
        days = self.fields["action_days"]
        assert isinstance(days, QSpinBox)
        days.setSpecialValueText(self.tr("Severity default"))
        days.setSuffix(self.tr(" days"))
        self.fields["threshold"].setToolTip(self.tr("The lowest measured value that passes"))
        self.choose_photo.setText(self.tr("Choose photo…"))
        self.remove_photo.setText(self.tr("Remove"))
        responses = {ResponseType.PASS_FAIL: self.tr("Pass / fail / N-A"),
                     ResponseType.NUMERIC: self.tr("Measured value"), ResponseType.TEXT: self.tr("Observation (not scored)")}
        refill(self.response, list((text, code) for code, text in responses.items()))
        refill(self.fields["severity"], [(label(s), s) for s in Severity])  # type: ignore[arg-type]
