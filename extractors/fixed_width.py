"""Fixed-width text (`pdftotext -layout`, other engines' layout exports): columns from character positions.

Such text prints the two-column header and end block side by side, separated by runs of spaces:
`Số: 666 /TTr-SNV        Lâm Đồng, ngày 22 tháng 12 năm 2025`. A run of three or more spaces splits
a line into segments whose character columns are their boxes, and the geometry of a PDF page
(`extractors.columns`) orders them. Lines of a fixed-width table (three or more segments on several
nearby lines) are left whole for the table reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.columns import reading_order

_SEGMENT = re.compile(r"\S+(?:[ \u00a0]{1,2}\S+)*")
_TABLE_MIN_SEGMENTS = 3
_TABLE_MIN_LINES = 3
_TABLE_MAX_GAP = 2


@dataclass(frozen=True, slots=True)
class TextSegment:
    """Characters [x0, x1) of source line `line` (an index into the caller's list)."""

    line: int
    x0: int
    x1: int


def segments(raw: str, line: int) -> list[TextSegment]:
    return [TextSegment(line, m.start(), m.end()) for m in _SEGMENT.finditer(raw)]


def table_rows(split: list[list[TextSegment]]) -> set[int]:
    """Indexes of lines inside fixed-width tables: clusters of lines with 3+ segments, and what lies between."""
    many = [i for i, segs in enumerate(split) if len(segs) >= _TABLE_MIN_SEGMENTS]
    rows: set[int] = set()
    cluster: list[int] = []
    for i in [*many, None]:
        if i is not None and cluster and i - cluster[-1] <= _TABLE_MAX_GAP + 1:
            cluster.append(i)
            continue
        if len(cluster) >= _TABLE_MIN_LINES:
            rows.update(range(cluster[0], cluster[-1] + 1))
        cluster = [] if i is None else [i]
    return rows


def text_width(split: list[list[TextSegment]]) -> float:
    """The text width in characters: the median end of long lines (justified body text ends at the right
    margin; footnotes in a smaller font run longer and a few of them must not widen the page)."""
    ends = sorted(segs[-1].x1 for segs in split if segs)
    if not ends:
        return 80.0
    long_ends = sorted(segs[-1].x1 for segs in split if segs and segs[-1].x1 - segs[0].x0 >= 0.6 * ends[-1])
    return float(long_ends[len(long_ends) // 2]) if long_ends else float(ends[-1])


def column_order(raws: list[str], pages: list[int], keep_whole: set[int]) -> list[TextSegment | int]:
    """Reading order of the lines' segments, page by page (pages differ in width: landscape appendices);
    lines in `keep_whole` (tables, markup) are one segment each, and a blank line is its index."""
    ordered: list[TextSegment | int] = []
    start = 0
    for end in [i for i in range(1, len(raws)) if pages[i] != pages[i - 1]] + [len(raws)]:
        ordered += _page_order(raws, range(start, end), keep_whole)
        start = end
    return ordered


def _page_order(raws: list[str], page: range, keep_whole: set[int]) -> list[TextSegment | int]:
    split = {i: segments(raws[i], i) for i in page}
    whole = {i for i in keep_whole if i in split} | {page.start + k for k in table_rows(list(split.values()))}
    for i in whole:
        if split[i]:
            split[i] = [TextSegment(i, split[i][0].x0, split[i][-1].x1)]
    if not any(len(segs) > 1 for i, segs in split.items() if i not in whole):
        return [s for i in page for s in (split[i] or [i])]  # nothing side by side: not a fixed-width page
    width = text_width([s for i, s in split.items() if i not in whole])
    # a line from the left edge to well past the middle is body text, not a column
    whole |= {i for i, segs in split.items() if len(segs) == 1 and segs[0].x0 <= 1 and segs[0].x1 > width * 0.75}
    ordered: list[TextSegment | int] = []
    start = page.start
    # lines kept whole are read where they stand: geometry orders only what lies between them
    for i in [*sorted(whole), page.stop]:
        run = reading_order([split[k] for k in range(start, i)], width, lambda a, b: TextSegment(a.line, a.x0, b.x1))
        ordered += [s + start if isinstance(s, int) else s for s in run]
        if i < page.stop:
            ordered += split[i] or [i]
        start = i + 1
    return ordered
