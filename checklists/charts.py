"""Geometry for the horizontal bar charts the templates draw as inline SVG.

The template `checklists/_bar_chart.html` draws them; the same figures are always shown in a
table beside the chart, so the chart is a picture of the table, never the only place a number
lives. Bars are sized in percent of the chart's width and the text in pixels, so the text
stays readable from a 360 px phone to a wide screen; long labels are shortened (the table
has them in full).
"""

from dataclasses import dataclass

BAR_MAX_PERCENT = 82  # room for the value after the longest bar
ROW = 44
LABEL_MAX = 44


@dataclass(frozen=True)
class Bar:
    label: str
    display: str  # the value as text, e.g. "12" or "85 %"
    label_y: int
    bar_y: int
    width_percent: float
    value_x_percent: float
    value_y: int


@dataclass(frozen=True)
class BarChart:
    chart_id: str
    title: str
    description: str
    bars: list[Bar]
    height: int


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1].rstrip() + "…"


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    rows: list[tuple[str, float | None, str]],
    max_value: float | None = None,
) -> BarChart:
    """A chart of (label, value, value as text) rows; None draws no bar (e.g. no data)."""
    values = [value for _, value, _ in rows if value is not None]
    top = max_value if max_value is not None else max(values, default=0)
    bars = []
    for index, (label, value, display) in enumerate(rows):
        y = index * ROW
        width = round(BAR_MAX_PERCENT * value / top, 1) if top and value else 0
        bars.append(
            Bar(
                label=_short(label),
                display=display,
                label_y=y + 15,
                bar_y=y + 21,
                width_percent=width,
                value_x_percent=round(width + 1.5, 1),
                value_y=y + 35,
            )
        )
    return BarChart(
        chart_id=chart_id,
        title=title,
        description=description,
        bars=bars,
        height=max(len(rows) * ROW + 4, ROW),
    )
