"""Charts drawn on the server as inline SVG: no JavaScript, nothing fetched, any browser.

Two shapes cover the pages: quotes per month (columns along time, empty
months kept so gaps show) and a ranking (horizontal bars: top speakers,
channel mix).  Every label goes through ``escape``; the result is Markup for
the templates.
"""
from __future__ import annotations

import math
import re
from typing import Iterable, Optional, Sequence

from markupsafe import Markup, escape

WIDTH = 720
BAR_HEIGHT, BAR_GAP, LABEL_WIDTH = 18, 6, 220
COLUMN_AREA = 160       # height of the month chart's columns
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")   # published dates as sources give them may be odd


def month_chart(counts: Iterable[tuple[str, int]], title: str) -> Markup:
    """Columns per month, ``counts`` as ("YYYY-MM", n); months without quotes drawn empty."""
    by_month = {month: n for month, n in counts if month and MONTH.fullmatch(month)}
    if not by_month:
        return Markup('<p class="quotes-chart-empty">No dated quotes to chart.</p>')
    months = list(_months_between(min(by_month), max(by_month)))
    top = max(by_month.values())
    step = min(40.0, max(2.0, (WIDTH - 40) / len(months)))
    bars = []
    for index, month in enumerate(months):
        n = by_month.get(month, 0)
        height = COLUMN_AREA * n / top
        x, y = 30 + index * step, 10 + COLUMN_AREA - height
        bars.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{max(1.0, step - 1):.1f}" '
                    f'height="{height:.1f}" data-month="{month}" data-count="{n}">'
                    f'<title>{month}: {n:,} quote{"s" if n != 1 else ""}</title></rect>')
    labels = [f'<text x="{30 + i * step:.1f}" y="{COLUMN_AREA + 26}" class="axis">{month}</text>'
              for i, month in enumerate(months) if month.endswith("-01") or i == 0]
    if len(labels) > 12:
        labels = labels[::math.ceil(len(labels) / 12)]
    height = COLUMN_AREA + 34
    return Markup(
        f'<svg class="quotes-chart months" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}"><title>{escape(title)}</title>'
        f'<text x="0" y="16" class="axis">{top:,}</text>'
        f'<line x1="28" y1="{10 + COLUMN_AREA}" x2="{WIDTH}" y2="{10 + COLUMN_AREA}" class="baseline"/>'
        + "".join(bars) + "".join(labels) + "</svg>")


def bar_chart(rows: Sequence[tuple[str, int, Optional[str]]], title: str) -> Markup:
    """Horizontal bars, ``rows`` as (label, count, link or None), biggest first."""
    if not rows:
        return Markup('<p class="quotes-chart-empty">Nothing to chart.</p>')
    top = max(count for _, count, _ in rows) or 1
    room = WIDTH - LABEL_WIDTH - 70
    parts = []
    for index, (label, count, href) in enumerate(rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        text = escape(_shorten(str(label)))
        name = f'<a href="{escape(href)}">{text}</a>' if href else text
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" class="label">{name}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{max(1.0, room * count / top):.1f}" '
            f'height="{BAR_HEIGHT}" data-count="{count}"><title>{escape(str(label))}: {count:,}</title></rect>'
            f'<text x="{LABEL_WIDTH + room * count / top + 6:.1f}" y="{y + 13}" class="value">{count:,}</text>')
    height = len(rows) * (BAR_HEIGHT + BAR_GAP)
    return Markup(
        f'<svg class="quotes-chart bars" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}"><title>{escape(title)}</title>' + "".join(parts) + "</svg>")


def _months_between(first: str, last: str):
    year, month = int(first[:4]), int(first[5:7])
    while f"{year:04d}-{month:02d}" <= last:
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _shorten(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"
