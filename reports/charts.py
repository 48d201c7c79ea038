"""Small SVG charts for the PDFs, as data: URLs (nothing is fetched while rendering).

A chart is never the only place a figure is: the report prints the same figures as text or
a table beside it, and each chart carries a text alternative for screen readers.
"""

from dataclasses import dataclass
from urllib.parse import quote
from xml.sax.saxutils import escape

from .formatting import format_percent

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


BASELINE_COLOUR = "#6a737d"
TARGET_COLOUR = "#a8321e"


def trend_columns(
    points: list[tuple[str, float | None, str]],
    *,
    target: float | None,
    target_text: str,
    title: str,
    width: int = 600,
    height: int = 230,
) -> str:
    """Columns over time, one per (label, value, value as text), the first (the baseline) in
    grey, with the target as a dashed line. An empty value draws no column, only its label.
    The same figures are always printed in a table beside the chart."""
    top, bottom, left = 24, 44, 8
    # The target's label stands to the right of the columns, never on top of one.
    right = 110 if target is not None else 0
    plot = height - top - bottom
    values = [value for _label, value, _text in points if value is not None]
    ceiling = max([*values, target or 0, 0.0001]) * 1.15
    slot = (width - left - right) / max(len(points), 1)
    column = min(slot * 0.6, 70)
    summary = f"{title}: " + "; ".join(f"{label} {text or '–'}" for label, _v, text in points)
    if target is not None:
        summary += f"; {target_text}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(summary)}" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">'
        f"<title>{escape(summary)}</title>"
        f'<line x1="{left}" y1="{top + plot}" x2="{width}" y2="{top + plot}" '
        f'stroke="{TEXT_COLOUR}" stroke-width="1"/>'
    ]
    for index, (label, value, text) in enumerate(points):
        centre = left + slot * index + slot / 2
        fits = max(int(slot / 6.3), 6)  # about 6 px a character at 11 px
        short = label if len(label) <= fits else label[: fits - 1] + "…"
        parts.append(
            f'<text x="{centre:.1f}" y="{top + plot + 18}" text-anchor="middle" '
            f'font-size="11" fill="{TEXT_COLOUR}">{escape(short)}</text>'
        )
        if value is None:
            continue
        tall = plot * max(value, 0) / ceiling
        colour = BASELINE_COLOUR if index == 0 else BAR_COLOUR
        parts.append(
            f'<rect x="{centre - column / 2:.1f}" y="{top + plot - tall:.1f}" '
            f'width="{column:.1f}" height="{tall:.1f}" fill="{colour}"/>'
            f'<text x="{centre:.1f}" y="{top + plot - tall - 5:.1f}" text-anchor="middle" '
            f'fill="{TEXT_COLOUR}">{escape(text)}</text>'
        )
    if target is not None:
        y = top + plot - plot * target / ceiling
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right + 4}" y2="{y:.1f}" '
            f'stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>'
            f'<text x="{width - right + 8}" y="{y + 4:.1f}" '
            f'fill="{TARGET_COLOUR}">{escape(target_text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
