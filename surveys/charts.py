"""Small SVG bar charts drawn on the server: no JavaScript, sharp on any screen and in PDFs.

Each chart is an image with a text alternative that says what it shows; the table beside it
carries the same figures for screen readers and for anyone who wants the numbers.
"""

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 600
BAR_AREA = 470
ROW = 46
COLOUR = "#0b5a8a"


def percent_label(value: float | None) -> str:
    """The percent in Norwegian format; None is a figure hidden to protect a small group."""
    return _("hidden") if value is None else f"{number_format(value, 0)} %"


def bar_chart(items: list[tuple[str, float | None]], *, title: str) -> SafeString:
    """Horizontal bars, one per (label, percent), each labelled with its text and value; a
    hidden percent (None) draws no bar."""
    height = ROW * len(items) + 4
    summary = f"{title}: " + "; ".join(f"{label} {percent_label(p)}" for label, p in items)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(summary)}" '
        f'font-family="system-ui, Arial, sans-serif" font-size="15">'
        f"<title>{escape(summary)}</title>"
    ]
    for index, (label, percent) in enumerate(items):
        top = index * ROW
        width = 0.0 if percent is None else max(0.0, min(100.0, percent)) * BAR_AREA / 100
        parts.append(f'<text x="0" y="{top + 15}" fill="#1a1a1a">{escape(label)}</text>')
        parts.append(
            f'<rect x="0" y="{top + 21}" width="{BAR_AREA}" height="18" fill="#e3e8ee"/>'
            f'<rect x="0" y="{top + 21}" width="{width:.1f}" height="18" fill="{COLOUR}"/>'
        )
        value = percent_label(percent)
        parts.append(f'<text x="{BAR_AREA + 8}" y="{top + 35}" fill="#1a1a1a">{value}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def question_chart(result) -> SafeString | None:
    """The chart of a question's distribution (surveys.selectors.QuestionResult)."""
    row = result.chart_row
    if row is None or not row.cells:
        return None
    title = f"{result.question.text} ({row.label}, n = {row.n})"
    items = [(cell.label, None if cell.is_hidden else cell.percent) for cell in row.cells]
    return bar_chart(items, title=title)
