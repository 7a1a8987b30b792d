"""The monthly report's charts (``reportlab.graphics`` drawings the report places inline):
the score trend of every unit over twelve months, the findings per checklist section as stacked
horizontal bars, and the notices closed on time as a gauge-like bar.

Every label is drawn in the bundled font. The charts carry unit and section names only, never an
inspector's: covert inspections are inside the averages and counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm

from inspector.domain.reports import NoticeFigures, SectionLine, TrendLine
from inspector.pdf.fonts import cjk_font
from inspector.pdf.layout import ACCENT, FRAME_WIDTH, GREY, INK

SERIES_COLOURS = tuple(colors.HexColor(value) for value in (
    "#1f4e8c", "#c0392b", "#2e8b57", "#e67e22", "#7b3f9e", "#17a2b8", "#8c6d1f", "#d63384", "#555555", "#6b8e23"))
DASHES: tuple[tuple[float, ...] | None, ...] = (None, (4, 2), (1.5, 1.5))  # after every colour is used once
GENERAL_COLOUR = colors.HexColor("#5b7fb5")
GRID_COLOUR = colors.HexColor("#dddddd")
TRACK_COLOUR = colors.HexColor("#e6e6e6")
ON_TIME_COLOUR = colors.HexColor("#2e8b57")
LABEL_SIZE = 7.5
TREND_PLOT_HEIGHT = 58 * mm
LEGEND_ROW = 4.6 * mm
LEGEND_COLUMNS = 3
SECTION_BAR_ROW = 6.5 * mm
SECTION_LABEL_CHARS = 16
MOST_SECTIONS = 12


def percent_axis(values: Sequence[float]) -> tuple[int, int, int]:
    """(lowest, highest, step) of a percent axis ending at 100: down to at least three points below the
    lowest value rounded down to a five, so that rates between 90 and 100 do not lie flat at the top."""
    lowest = min(values) if values else 0.0
    bottom = max(0, int((lowest - 3) // 5) * 5)
    span = 100 - bottom
    return bottom, 100, 5 if span <= 30 else 10 if span <= 60 else 20


def _segments(line: TrendLine) -> list[list[tuple[int, float]]]:
    """Runs of months with a score: a month without inspections breaks the line instead of dropping to 0."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for index, point in enumerate(line.points):
        if point.average_rate is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((index, point.average_rate * 100))
    if current:
        runs.append(current)
    return runs


def series_style(index: int) -> tuple[colors.Color, tuple[float, ...] | None]:
    colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
    return colour, DASHES[(index // len(SERIES_COLOURS)) % len(DASHES)]


def _short(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[:limit - 1] + "…"


def trend_chart(months: Sequence[str], lines: Sequence[TrendLine]) -> Drawing:
    """Average score rate (%) per unit and month, one coloured line per unit, the legend underneath."""
    font = cjk_font()
    legend_rows = -(-len(lines) // LEGEND_COLUMNS)
    legend_height = legend_rows * LEGEND_ROW + 3 * mm
    height = TREND_PLOT_HEIGHT + legend_height
    drawing = Drawing(FRAME_WIDTH, height, initialFontName=font)
    plot = LinePlot()
    plot.x, plot.y = 14 * mm, legend_height + 9 * mm
    plot.width, plot.height = FRAME_WIDTH - 20 * mm, TREND_PLOT_HEIGHT - 13 * mm
    data: list[list[tuple[int, float]]] = []
    owners: list[int] = []
    for index, line in enumerate(lines):
        for run in _segments(line):
            data.append(run)
            owners.append(index)
    values = [value for run in data for _, value in run]
    if not data:  # no unit scored in the twelve months: an empty frame, the axes still labelled
        data, owners = [[(0, 100.0)]], [-1]
    plot.data = data
    plot.joinedLines = 1
    for position, owner in enumerate(owners):
        colour, dash = series_style(owner) if owner >= 0 else (colors.white, None)
        style = plot.lines[position]
        style.strokeColor, style.strokeWidth = colour, 1.3
        style.strokeDashArray = dash
        style.symbol = makeMarker("FilledCircle", size=3.2, fillColor=colour, strokeColor=colour)
    x_axis, y_axis = plot.xValueAxis, plot.yValueAxis
    x_axis.valueMin, x_axis.valueMax = -0.4, len(months) - 0.6
    x_axis.valueSteps = list(range(len(months)))
    x_axis.labelTextFormat = lambda value: months[round(value)] if 0 <= round(value) < len(months) else ""
    y_axis.valueMin, y_axis.valueMax, y_axis.valueStep = percent_axis(values)
    y_axis.labelTextFormat = "%d%%"
    y_axis.visibleGrid, y_axis.gridStrokeColor, y_axis.gridStrokeWidth = 1, GRID_COLOUR, 0.4
    for axis in (x_axis, y_axis):
        axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = font, LABEL_SIZE, INK
        axis.strokeColor = GREY
    drawing.add(plot)
    if lines:
        legend = Legend()
        legend.x, legend.y = plot.x, legend_height - 1 * mm
        legend.alignment = "right"
        legend.columnMaximum = legend_rows
        legend.deltax = (FRAME_WIDTH - plot.x) / LEGEND_COLUMNS
        legend.dx, legend.dy = 14, 4  # a short thick bar in the line's colour, no black frame
        legend.strokeColor, legend.strokeWidth = None, 0
        legend.deltay = LEGEND_ROW
        legend.fontName, legend.fontSize, legend.fillColor = font, 8.5, INK
        legend.colorNamePairs = [(series_style(index)[0], _short(line.unit_name, 14)) for index, line in
                                 enumerate(lines)]
        drawing.add(legend)
    return drawing


def sections_chart(sections: Sequence[SectionLine]) -> Drawing:
    """Findings per section, general and serious stacked, the most first (at the top)."""
    font = cjk_font()
    shown = list(sections[:MOST_SECTIONS])
    height = len(shown) * SECTION_BAR_ROW + 16 * mm
    drawing = Drawing(FRAME_WIDTH, height, initialFontName=font)
    chart = HorizontalBarChart()
    chart.x, chart.y = 48 * mm, 12 * mm
    chart.width, chart.height = FRAME_WIDTH - 56 * mm, len(shown) * SECTION_BAR_ROW
    ordered = list(reversed(shown))  # the chart draws its first category at the bottom
    chart.data = [[line.general for line in ordered], [line.serious for line in ordered]]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [_short(f"{line.section_code} {line.section_title}", SECTION_LABEL_CHARS)
                                        for line in ordered]
    chart.bars.strokeColor = None
    chart.bars[0].fillColor, chart.bars[1].fillColor = GENERAL_COLOUR, ACCENT
    chart.barSpacing, chart.groupSpacing = 0, 2.5
    top = max((line.total for line in shown), default=0)
    step = max(1, -(-top // 6))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, max(step * 6, 1), step
    chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = 1, GRID_COLOUR
    chart.valueAxis.labelTextFormat = "%d"
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = font, LABEL_SIZE, INK
        axis.strokeColor = GREY
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -2
    drawing.add(chart)
    for colour, label, x in ((GENERAL_COLOUR, "一般", chart.x), (ACCENT, "严重", chart.x + 18 * mm)):
        drawing.add(Rect(x, 2 * mm, 3 * mm, 3 * mm, fillColor=colour, strokeColor=None))
        drawing.add(String(x + 4.5 * mm, 2.4 * mm, label, fontName=font, fontSize=8, fillColor=INK))
    return drawing


def on_time_gauge(notices: NoticeFigures) -> Drawing:
    """A track the width of the page filled to the on-time rate, with the counts written beside it."""
    font = cjk_font()
    height = 14 * mm
    drawing = Drawing(FRAME_WIDTH, height, initialFontName=font)
    track_x = 26 * mm
    track_width, track_y, track_height = FRAME_WIDTH - track_x - 44 * mm, 5 * mm, 5 * mm
    drawing.add(String(0, track_y + 1.4 * mm, "按期关闭率", fontName=font, fontSize=10, fillColor=INK))
    drawing.add(Rect(track_x, track_y, track_width, track_height, fillColor=TRACK_COLOUR, strokeColor=None))
    rate = notices.on_time_rate
    if rate:
        drawing.add(Rect(track_x, track_y, track_width * rate, track_height, fillColor=ON_TIME_COLOUR,
                         strokeColor=None))
    for tick in (0, 50, 100):
        x = track_x + track_width * tick / 100
        drawing.add(String(x, 1 * mm, f"{tick}%", fontName=font, fontSize=6.5, fillColor=GREY, textAnchor="middle"))
    summary = (f"{rate * 100:.1f}%（{notices.closed_on_time} / {notices.closed}）" if rate is not None
               else "本月无关闭的通知单")
    drawing.add(String(track_x + track_width + 3 * mm, track_y + 1.4 * mm, summary, fontName=font, fontSize=9.5,
                       fillColor=INK))
    return drawing
