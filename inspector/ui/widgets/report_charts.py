"""The two charts of the reports page, drawn with QPainter: the score trend (average score rate
per unit over twelve months, one line per unit, with a legend) and the findings by section
(horizontal bars, general and serious side by side in one bar).

They only draw what they are given: the page hands them figures from ``MonthlyReport`` and the
texts already translated; ``trend_data`` turns a report into the trend chart's months and lines
(the reports page and the dashboard both use it); ``section_label`` names a section's bar in
the display language. Colours follow ``resources/style.qss`` (the
app's blues and greys, its red for what is serious); a month without inspections is a gap in a
line, never a zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from inspector.domain.reports import MonthlyReport, SectionLine, month_range
from inspector.ui.language import localized

BACKGROUND = QColor("#ffffff")
BORDER = QColor("#dbe2ea")
GRID = QColor("#edf1f6")
AXIS_TEXT = QColor("#5a6b7f")
TITLE_TEXT = QColor("#24364a")
GENERAL = QColor("#4a86c5")
SERIOUS = QColor("#b3261e")
# One colour per unit line: the app's blue first, then calm tones that stay apart from each other.
SERIES = tuple(QColor(code) for code in (
    "#2f6fb0", "#d9822b", "#2e8b57", "#8e44ad", "#1f8a99", "#b3261e", "#7a5c2e", "#5a6b7f",
    "#c2185b", "#689f38",
))
MARGIN = 14


@dataclass(frozen=True)
class TrendSeries:
    name: str
    rates: tuple[float | None, ...]  # one per month, fractions (0.875); None: no inspection


@dataclass(frozen=True)
class SectionBar:
    label: str
    general: int
    serious: int


def section_label(line: SectionLine) -> str:
    """A section's bar label in the display language: "T1 Exterior appearance" in English. A
    section the template names only in Chinese keeps that name (it is the template's data, as a
    unit's name is), the way every screen shows such a template (``localized``)."""
    return f"{line.template_code} {localized(line.section_title, line.section_title_en)}"


def trend_data(report: MonthlyReport) -> tuple[list[str], list[TrendSeries]]:
    """What ``ScoreTrendChart.set_data`` takes from a report: short month names, one line per unit."""
    locale = QLocale()
    months = [locale.monthName(month_range(month)[0].month, QLocale.FormatType.ShortFormat)
              for month in report.trend_months]
    return months, [TrendSeries(line.unit_name, tuple(point.average_rate for point in line.points))
                    for line in report.trend]


class _Chart(QWidget):
    """A white framed tile with a title; subclasses draw into ``plot_area``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(280)

    def sizeHint(self) -> QSize:
        return QSize(480, 280)

    def set_texts(self, title: str, empty_text: str) -> None:
        self.title = title
        self.empty_text = empty_text
        self.update()

    def is_empty(self) -> bool:
        raise NotImplementedError

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(BORDER, 1))
        painter.setBrush(BACKGROUND)
        painter.drawRoundedRect(frame, 8, 8)
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(TITLE_TEXT)
        title_height = QFontMetrics(title_font).height()
        painter.drawText(QRectF(MARGIN, 10, self.width() - 2 * MARGIN, title_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        area = QRectF(MARGIN, 10 + title_height + 10, self.width() - 2 * MARGIN,
                      self.height() - title_height - 20 - MARGIN)
        if self.is_empty():
            painter.setPen(AXIS_TEXT)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
        else:
            self.draw(painter, area)
        painter.end()

    def draw(self, painter: QPainter, area: QRectF) -> None:
        raise NotImplementedError


def bar_labels(font: QFont, labels: Sequence[str], room: float) -> tuple[float, list[str]]:
    """The width of the bars chart's label column (its widest label, at most ``room``) and each
    label as drawn: whole unless the column is at ``room``, then elided. Widths are rounded up
    from the font's fractional advances: the whole-pixel advance rounds down, and a Chinese
    section name measured so was cut by its own last character (「T3 楼宇内公共…」)."""
    metrics = QFontMetricsF(font)
    text_width = min(room, max((math.ceil(metrics.horizontalAdvance(label)) for label in labels), default=0))
    return text_width, [metrics.elidedText(label, Qt.TextElideMode.ElideRight, text_width) for label in labels]


def rate_range(series: Sequence[TrendSeries]) -> tuple[float, float]:
    """The y axis: from a round tenth under the lowest rate (at most 0.5 under it) up to 100 %."""
    values = [value for line in series for value in line.rates if value is not None]
    if not values:
        return 0.0, 1.0
    low = min(values)
    bottom = max(0.0, min(0.9, int(low * 10) / 10))
    return bottom, 1.0


class ScoreTrendChart(_Chart):
    """Average score rate per month, one line per unit; ``month_labels`` under the x axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month_labels: tuple[str, ...] = ()
        self.series: tuple[TrendSeries, ...] = ()

    def set_data(self, month_labels: Sequence[str], series: Sequence[TrendSeries]) -> None:
        self.month_labels = tuple(month_labels)
        self.series = tuple(series)
        self.update()

    def is_empty(self) -> bool:
        return not any(value is not None for line in self.series for value in line.rates)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetrics(self.font())
        line_height = metrics.height()
        legend_width = min(area.width() * 0.34,
                           max(metrics.horizontalAdvance(line.name) for line in self.series) + 26)
        axis_width = metrics.horizontalAdvance("100%") + 8
        plot = QRectF(area.left() + axis_width, area.top() + line_height / 2,
                      area.width() - axis_width - legend_width - 12, area.height() - line_height * 1.8)
        bottom, top = rate_range(self.series)
        span = top - bottom

        def y_of(value: float) -> float:
            return plot.bottom() - (value - bottom) / span * plot.height()

        step = 0.1 if span <= 0.5 + 1e-9 else 0.2
        tick = top
        while tick >= bottom - 1e-9:
            y = y_of(tick)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS_TEXT)
            painter.drawText(QRectF(area.left(), y - line_height / 2, axis_width - 6, line_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{tick * 100:.0f}%")
            tick -= step
        count = max(1, len(self.month_labels))
        slot = plot.width() / count

        def x_of(index: int) -> float:
            return plot.left() + slot * (index + 0.5)

        painter.setPen(AXIS_TEXT)
        for index, text in enumerate(self.month_labels):
            painter.drawText(QRectF(x_of(index) - slot / 2, plot.bottom() + 4, slot, line_height),
                             Qt.AlignmentFlag.AlignCenter, text)
        for number, line in enumerate(self.series):
            colour = SERIES[number % len(SERIES)]
            painter.setPen(QPen(colour, 2))
            path = QPainterPath()
            drawing = False
            points: list[QPointF] = []
            for index, value in enumerate(line.rates):
                if value is None:
                    drawing = False
                    continue
                point = QPointF(x_of(index), y_of(value))
                points.append(point)
                if drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    drawing = True
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            painter.setPen(QPen(BACKGROUND, 1))
            for point in points:
                painter.drawEllipse(point, 3.2, 3.2)
        self._draw_legend(painter, QRectF(plot.right() + 12, area.top(), legend_width, area.height()), metrics)

    def _draw_legend(self, painter: QPainter, box: QRectF, metrics: QFontMetrics) -> None:
        row = metrics.height() + 4
        for number, line in enumerate(self.series):
            y = box.top() + number * row
            if y + row > box.bottom():
                break
            colour = SERIES[number % len(SERIES)]
            painter.setPen(QPen(colour, 2.5))
            painter.drawLine(QPointF(box.left(), y + row / 2), QPointF(box.left() + 16, y + row / 2))
            painter.setPen(TITLE_TEXT)
            name = metrics.elidedText(line.name, Qt.TextElideMode.ElideRight, int(box.width() - 22))
            painter.drawText(QRectF(box.left() + 22, y, box.width() - 22, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)


class SectionBarsChart(_Chart):
    """Findings per section, most first: a bar of general (blue) then serious (red) findings."""

    MAX_BARS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: tuple[SectionBar, ...] = ()
        self.legend = ("", "")

    def set_data(self, bars: Sequence[SectionBar], legend: tuple[str, str]) -> None:
        """``legend``: the words for general and serious findings."""
        self.bars = tuple(bars)[: self.MAX_BARS]
        self.legend = legend
        self.update()

    def is_empty(self) -> bool:
        return not any(bar.general + bar.serious for bar in self.bars)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetrics(self.font())
        line_height = metrics.height()
        legend_y = area.bottom() - line_height
        x = area.left()
        for colour, text in ((GENERAL, self.legend[0]), (SERIOUS, self.legend[1])):
            painter.fillRect(QRectF(x, legend_y + line_height / 2 - 5, 10, 10), colour)
            painter.setPen(AXIS_TEXT)
            painter.drawText(QRectF(x + 15, legend_y, metrics.horizontalAdvance(text) + 4, line_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += 15 + metrics.horizontalAdvance(text) + 18
        text_width, labels = bar_labels(self.font(), [bar.label for bar in self.bars], area.width() * 0.4 - 8)
        label_width = text_width + 8
        largest = max(bar.general + bar.serious for bar in self.bars)
        value_width = metrics.horizontalAdvance(str(largest)) + 10
        bars_left = area.left() + label_width
        bars_width = area.width() - label_width - value_width
        rows_height = area.height() - line_height - 8
        row = min(rows_height / max(1, len(self.bars)), line_height * 2.0)
        thickness = min(row * 0.62, 18.0)
        for index, bar in enumerate(self.bars):
            top = area.top() + index * row
            middle = top + row / 2
            painter.setPen(TITLE_TEXT)
            painter.drawText(QRectF(area.left(), top, text_width, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, labels[index])
            general_width = bars_width * bar.general / largest
            serious_width = bars_width * bar.serious / largest
            painter.fillRect(QRectF(bars_left, middle - thickness / 2, general_width, thickness), GENERAL)
            painter.fillRect(QRectF(bars_left + general_width, middle - thickness / 2, serious_width, thickness),
                             SERIOUS)
            painter.setPen(AXIS_TEXT)
            painter.drawText(QRectF(bars_left + general_width + serious_width + 6, top, value_width, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             str(bar.general + bar.serious))
