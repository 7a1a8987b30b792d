"""A live preview of a checklist as the supervisor will meet it while recording.

``TemplatePreview.set_body(body, staff_role=…)`` shows a header (title in the display language,
what it inspects, the scoring scheme, the maximum score and the number of items; for staff
templates a role selector) above the sections and their items. Each item is a compact row: code,
text, the inspection standard in grey under it, small badges (serious, veto, photos required on
fail, numeric threshold, not checkable covertly) and what failing it costs; a reference photo's
thumbnail sits beside the text when the photo is on this computer.

Why a ``QTextBrowser`` with generated HTML rather than a card widget per item in a QScrollArea:
a 2 000-item template would need some 12 000 widgets (seconds to build, and to re-lay out on
every resize), while one rich-text document of 2 000 table rows is built and laid out in about
0.2 s, its text is drawn by the same font engine as every label (crisp with the bundled
WenQuanYi font), it scrolls smoothly, and it can be selected and copied. One table per section
keeps re-layout cheap (a single 2 000-row table costs four times as much). Thumbnails are served
lazily through ``loadResource`` so only the rows laid out read their image. The colours below
repeat the palette of ``resources/style.qss``: a rich-text document cannot read the widget
stylesheet.

The editor re-renders on every change: the scroll position is kept, and a body equal to the one
shown is not rendered again.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from inspector.domain.registry import StaffRole
from inspector.domain.scoring import applicable_items, max_score
from inspector.domain.templates import (
    Origin,
    ResponseType,
    ScoringScheme,
    Severity,
    SubjectKind,
    TemplateBody,
    TemplateItem,
    TemplateSection,
)
from inspector.words.labels import label
from inspector.ui.language import localized

ThumbnailLookup = Callable[[str], Path | None]  # sha256 → thumbnail file (PhotoService.thumbnail_path)
THUMBNAIL_SCHEME = "thumbnail"
THUMBNAIL_HEIGHT = 64
TABLE_ROWS = 50  # Qt lays a table out as a whole: 2 000 rows in one table take five times longer

STYLE = """
body { background-color: #f6f8fb; }
h3 { color: #24364a; margin-top: 16px; margin-bottom: 5px; }
h4 { color: #24364a; margin-top: 10px; margin-bottom: 4px; margin-left: 18px; }
table.items { background-color: #ffffff; }
table.sub { margin-left: 18px; }
td { border-bottom: 1px solid #e3e8ee; }
.code { color: #5a6b7f; }
.meta { color: #7a8899; font-weight: normal; }
.guide { color: #6b7a8c; }
.points { color: #17324f; font-weight: bold; }
.serious { color: #b3261e; background-color: #fbe9e7; }
.veto { color: #ffffff; background-color: #b3261e; font-weight: bold; }
.tag { color: #3d5068; background-color: #edf1f6; }
.missing { color: #7a8899; }
"""


def _number(value: float) -> str:
    return f"{value:g}"


def maximum_text(body: TemplateBody, *, staff_role: StaffRole | None = None) -> str:
    """"Maximum score: 100", "Maximum: 37 points" or the five-point scale, in the UI language."""
    top = _number(max_score(body, staff_role=staff_role))
    if body.scheme is ScoringScheme.DEDUCTION:
        return QCoreApplication.translate("TemplatePreview", "Maximum score: {score}").format(score=top)
    if body.scheme is ScoringScheme.WEIGHTED:
        return QCoreApplication.translate("TemplatePreview", "Maximum: {points} points").format(points=top)
    return QCoreApplication.translate("TemplatePreview", "Five-point scale: at most {score}").format(score=top)


def section_roles(body: TemplateBody) -> list[StaffRole]:
    """The staff roles that some section is limited to, in the order of ``StaffRole``."""
    named = {role for section in body.iter_sections() for role in section.roles}
    return [role for role in StaffRole if role in named]


def _badge(css: str, text: str) -> str:
    return f'<span class="{css}">&nbsp;{escape(text)}&nbsp;</span>'


def item_badges(item: TemplateItem) -> list[str]:
    """The HTML badges of one item (serious, veto, photos, threshold, covert, not scored)."""
    badges = []
    if item.severity is Severity.SERIOUS:
        badges.append(_badge("serious", label(Severity.SERIOUS)))
    if item.veto:
        badges.append(_badge("veto", QCoreApplication.translate("TemplatePreview", "Veto")))
    if item.photos_on_fail:
        photos = QCoreApplication.translate("TemplatePreview", "Photo ×{n}")
        badges.append(_badge("tag", photos.format(n=item.photos_on_fail)))
    if item.response is ResponseType.NUMERIC and item.threshold is not None:
        badges.append(_badge("tag", f"≥ {_number(item.threshold)} {item.unit_of_measure}".strip()))
    if item.response is ResponseType.TEXT:
        badges.append(_badge("tag", QCoreApplication.translate("TemplatePreview", "observation, not scored")))
    if not item.covert:
        badges.append(_badge("tag", QCoreApplication.translate("TemplatePreview", "covert: no")))
    if item.origin is Origin.INFERRED:  # the editor-only flag (#13.6)
        badges.append(_badge("tag", QCoreApplication.translate("TemplatePreview", "inferred, to confirm")))
    return badges


def item_points(item: TemplateItem, scheme: ScoringScheme) -> str:
    """What failing ``item`` costs: "−2" (deduction), "2 pts" (weighted), "×2" (five-point weight)."""
    if item.response is ResponseType.TEXT:
        return "—"
    if scheme is ScoringScheme.DEDUCTION:
        return f"−{_number(item.deduct)}" if item.deduct else "0"
    if scheme is ScoringScheme.WEIGHTED:
        return QCoreApplication.translate("TemplatePreview", "{n} pts").format(n=_number(item.weight))
    return f"×{_number(item.weight)}" if item.weight != 1 else ""


class _Browser(QTextBrowser):
    """A QTextBrowser that serves ``thumbnail:<sha256>`` images through a lookup function."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookup: ThumbnailLookup | None = None
        self.paths: dict[str, Path | None] = {}
        self.images: dict[str, QImage] = {}

    def clear_cache(self) -> None:
        self.paths.clear()
        self.images.clear()

    def thumbnail_path(self, sha256: str) -> Path | None:
        """Where the thumbnail of a photo is (None: not on this computer); asked once per photo."""
        if sha256 not in self.paths:
            self.paths[sha256] = self.lookup(sha256) if self.lookup is not None else None
        return self.paths[sha256]

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url)
        if url.scheme() != THUMBNAIL_SCHEME:
            return super().loadResource(kind, url)
        sha256 = url.path()
        if sha256 not in self.images:  # read when the row is laid out, not when the HTML is made
            path = self.thumbnail_path(sha256)
            image = QImage(str(path)) if path is not None else QImage()
            self.images[sha256] = image if image.isNull() else image.scaledToHeight(
                THUMBNAIL_HEIGHT, Qt.TransformationMode.SmoothTransformation)
        return self.images[sha256]


class TemplatePreview(QWidget):
    """The checklist as recorded: header, role selector (staff templates), sections and items."""

    role_changed = Signal(object)  # the StaffRole chosen in the selector, or None for all roles

    def __init__(self, parent: QWidget | None = None, *, thumbnails: ThumbnailLookup | None = None) -> None:
        super().__init__(parent)
        self.body: TemplateBody | None = None
        self._role: StaffRole | None = None
        self._retranslate_pending = False
        self.title_label = QLabel()
        self.title_label.setProperty("role", "sectionTitle")
        self.title_label.setWordWrap(True)
        self.facts_label = QLabel()
        self.facts_label.setProperty("role", "hint")
        self.facts_label.setWordWrap(True)
        self.max_label = QLabel()
        self.max_label.setProperty("role", "sectionTitle")
        self.role_caption = QLabel()
        self.role_combo = QComboBox()
        self.role_combo.setMinimumContentsLength(12)
        self.role_caption.setBuddy(self.role_combo)
        self.browser = _Browser()
        self.browser.lookup = thumbnails
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.document().setDocumentMargin(10)

        maximum = QHBoxLayout()
        maximum.setContentsMargins(0, 0, 0, 0)
        maximum.addWidget(self.max_label, 1)
        maximum.addWidget(self.role_caption)
        maximum.addWidget(self.role_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.facts_label)
        layout.addLayout(maximum)
        layout.addWidget(self.browser, 1)
        self.role_combo.currentIndexChanged.connect(self._role_chosen)
        self._render(keep_scroll=False)

    # --- public -----------------------------------------------------------------------------
    def set_body(self, body: TemplateBody | None, *, staff_role: StaffRole | None = None) -> None:
        """Show ``body`` (nothing when None) for a subject with ``staff_role`` (None: every role).

        While the same template is shown (the editor calls this after every edit), ``staff_role``
        None keeps the role chosen in the selector rather than resetting it to all roles.
        """
        same = body is not None and self.body is not None and body.code == self.body.code
        if same and staff_role is None:
            staff_role = self._role
        if same and body == self.body and staff_role is self._role:
            return
        self.body = body
        self._role = staff_role if body is not None and body.subject is SubjectKind.STAFF else None
        if not same:
            self.browser.clear_cache()
        self._fill_roles()
        self._render(keep_scroll=same)

    def staff_role(self) -> StaffRole | None:
        """The role the preview is filtered to (None: all roles)."""
        return self._role

    def set_thumbnail_lookup(self, thumbnails: ThumbnailLookup | None) -> None:
        self.browser.lookup = thumbnails
        self.browser.clear_cache()
        self._render(keep_scroll=True)

    def plain_text(self) -> str:
        """Everything shown, as text (header and checklist): for tests and copying."""
        header = [self.title_label.text(), self.facts_label.text(), self.max_label.text()]
        return "\n".join([*header, self.browser.toPlainText()])

    # --- behaviour --------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text again in the display language (titles and items in their zh/en version too)."""
        self._retranslate_pending = False
        self._fill_roles()
        self._render(keep_scroll=True)

    def changeEvent(self, event: QEvent) -> None:
        # A switch of translators sends two LanguageChange events: render once, when control returns.
        if event.type() == QEvent.Type.LanguageChange and not self._retranslate_pending:
            self._retranslate_pending = True
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def _fill_roles(self) -> None:
        body = self.body
        roles = section_roles(body) if body is not None and body.subject is SubjectKind.STAFF else []
        if self._role is not None and self._role not in roles:
            roles.append(self._role)
        blocked = self.role_combo.blockSignals(True)
        self.role_combo.clear()
        self.role_combo.addItem(self.tr("All roles"), None)
        for role in roles:
            self.role_combo.addItem(label(role), role.value)  # a StrEnum would come back as a plain str
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(self._role.value if self._role else None)))
        self.role_combo.blockSignals(blocked)
        self.role_caption.setText(self.tr("Preview for:"))
        self.role_combo.setToolTip(self.tr("Sections limited to other roles are left out, as when recording."))
        for widget in (self.role_caption, self.role_combo):
            widget.setVisible(bool(roles))

    def _role_chosen(self, index: int) -> None:
        data = self.role_combo.itemData(index)
        role = StaffRole(data) if data else None
        if role == self._role:
            return
        self._role = role
        self._render(keep_scroll=False)
        self.role_changed.emit(role)

    def _render(self, *, keep_scroll: bool) -> None:
        body = self.body
        if body is None:
            self.title_label.setText(self.tr("No template to preview"))
            self.facts_label.clear()
            self.max_label.clear()
            self.browser.clear()
            return
        applicable = applicable_items(body, staff_role=self._role)
        self.title_label.setText(f"{body.code} · {localized(body.title_zh, body.title_en)}")
        facts = [label(body.subject), label(body.scheme), self.tr("%n item(s)", "", len(applicable))]
        if self._role is not None:
            facts.append(self.tr("as seen for: {role}").format(role=label(self._role)))
        self.facts_label.setText(" · ".join(facts))
        self.max_label.setText(maximum_text(body, staff_role=self._role))
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(self._html(body, {item.code for _, item in applicable}))
        bar.setValue(position if keep_scroll else 0)

    # --- the document -----------------------------------------------------------------------
    def _html(self, body: TemplateBody, shown: set[str]) -> str:
        parts = ["<html><body>"]
        description = localized(body.description_zh, body.description_en)
        if description:
            parts.append(f'<p class="guide">{escape(description)}</p>')
        for section in body.sections:
            subs = [sub for sub in section.sections if any(item.code in shown for item in sub.items)]
            own = [item for item in section.items if item.code in shown]
            if not own and not subs:
                continue
            parts.append(self._section_heading(section, own, nested=False))
            parts.append(self._items_table(own, body.scheme, nested=False))
            for sub in subs:
                items = [item for item in sub.items if item.code in shown]
                parts.append(self._section_heading(sub, items, nested=True))
                parts.append(self._items_table(items, body.scheme, nested=True))
        if not shown:
            nothing = self.tr("No items apply.")
            parts.append(f'<p class="meta">{escape(nothing)}</p>')
        parts.append("</body></html>")
        return "".join(parts)

    def _section_heading(self, section: TemplateSection, items: list[TemplateItem], *, nested: bool) -> str:
        meta = [self.tr("%n item(s)", "", len(items))] if items else []
        if section.deduct_cap is not None and self.body is not None and self.body.scheme is ScoringScheme.DEDUCTION:
            meta.append(self.tr("at most −{cap} in this section").format(cap=_number(section.deduct_cap)))
        if section.roles and self._role is None:
            names = ", ".join(label(role) for role in section.roles)
            meta.append(self.tr("only for: {roles}").format(roles=names))
        tag = "h4" if nested else "h3"
        title = escape(localized(section.title_zh, section.title_en))
        extra = f' <span class="meta">· {escape(" · ".join(meta))}</span>' if meta else ""
        return f'<{tag}><span class="code">{escape(section.code)}</span>&nbsp;&nbsp;{title}{extra}</{tag}>'

    def _items_table(self, items: list[TemplateItem], scheme: ScoringScheme, *, nested: bool) -> str:
        if not items:
            return ""
        css = "items sub" if nested else "items"
        rows = []
        for number, item in enumerate(items):
            if number % TABLE_ROWS == 0:  # a long section as back-to-back tables: each lays out fast
                rows.append(("</table>" if number else "")
                            + f'<table class="{css}" width="100%" cellspacing="0" cellpadding="7">')
            rows.append(
                f'<tr><td class="code" width="76">{escape(item.code)}</td>'
                f"<td>{self._item_body(item)}</td>"
                f'<td class="points" align="right" width="56">{escape(item_points(item, scheme))}</td></tr>'
            )
        rows.append("</table>")
        return "".join(rows)

    def _item_body(self, item: TemplateItem) -> str:
        parts = []
        photo = item.reference_photo and self.browser.thumbnail_path(item.reference_photo)
        if photo:
            parts.append(f'<img src="{THUMBNAIL_SCHEME}:{escape(item.reference_photo)}" '
                         f'height="{THUMBNAIL_HEIGHT}" style="float: right">')
        parts.append(escape(localized(item.text_zh, item.text_en)))
        guidance = localized(item.shown_guidance_zh, item.shown_guidance_en)
        if guidance:
            parts.append(f'<br><span class="guide">{escape(guidance)}</span>')
        badges = item_badges(item)
        if item.reference_photo and not photo:
            missing = self.tr("reference photo not on this computer")
            badges.append(f'<span class="missing">{escape(missing)}</span>')
        if badges:
            parts.append("<br>" + "&nbsp;".join(badges))
        return "".join(parts)
