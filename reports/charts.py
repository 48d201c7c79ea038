"""Small SVG charts for the PDFs, as data: URLs (nothing is fetched while rendering).

A chart is never the only place a figure is: the report prints the same figures as text or
a table beside it, and each chart carries a text alternative for screen readers.
"""

from dataclasses import dataclass
from urllib.parse import quote
from xml.sax.saxutils import escape

from participation.formatting import format_percent

BAR_COLOUR = "#0b5a8a"
TRACK_COLOUR = "#e3ebf1"
TEXT_COLOUR = "#1a1a1a"


@dataclass
class Bar:
    label: str
    value: float | None  # a percentage 0–100, or None when there is nothing to show


def percent_bars(bars: list[Bar], *, width: int = 460, label_width: int = 170) -> str:
    """Horizontal bars from 0 to 100 %, one per row, with the value at the end of each."""
    row = 22
    height = max(row * len(bars) + 6, row)
    track = width - label_width - 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, sans-serif" '
        f'font-size="11">'
    ]
    for index, bar in enumerate(bars):
        y = 3 + index * row
        label = escape(bar.label if len(bar.label) <= 28 else bar.label[:27] + "…")
        parts.append(
            f'<text x="0" y="{y + 14}" fill="{TEXT_COLOUR}">{label}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{track}" height="14" '
            f'fill="{TRACK_COLOUR}"/>'
        )
        if bar.value is not None:
            length = round(track * max(0.0, min(bar.value, 100.0)) / 100)
            parts.append(
                f'<rect x="{label_width}" y="{y + 3}" width="{length}" height="14" '
                f'fill="{BAR_COLOUR}"/>'
                f'<text x="{label_width + track + 6}" y="{y + 14}" fill="{TEXT_COLOUR}">'
                f"{escape(format_percent(bar.value))}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def data_url(svg: str) -> str:
    return "data:image/svg+xml;charset=utf-8," + quote(svg)
