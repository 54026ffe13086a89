"""Tables whose cells were flattened one per line: plain `pdftotext`, pdfminer, copied web pages.

Such text prints a table row after row, each cell on its own line or paragraph:
`1` / `Ban Quản lý các KCN` / `6,00` / `6,00` / `100,00%` / `2` / `Sở Công thương` / `6,00` / …
A row starts where a row number (`1`, `2.1`, `II`) is followed by a text label; rows of one table hold
the same number of cells (give or take a blank one) and at least one number. The cells of the header
are the items just before the first row, as many as a row has.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from extractors.numbering import FIGURE_CELL, ROW_NUMBER, STT_HEADER, follows
from normalizers import UPPER, parse_number

_GLUED_NUMBER = re.compile(rf"^(\d{{1,3}}(?:\.\d{{1,3}}){{1,3}}\.?) (?=[^\W\d])"
                           rf"|^([IVXLC]{{1,5}}\.|\d{{1,2}}\.) (?=[{UPPER}])")
_HEADING = re.compile(rf"^(?:[IVXLC]+|\d{{1,2}})\.\s+[{UPPER}]")
_MIN_ROWS = 3
_MAX_CELL = 200  # a longer item is body text, not a cell
_MAX_WIDTH = 16  # cells in a row: more is no table flattened, but numbered paragraphs


@dataclass(frozen=True, slots=True)
class Item:
    """One cell candidate: the text of a paragraph (lines `first`..`last` of the caller's list)."""

    text: str
    first: int
    last: int
    last_line: str = ""
    heading_like: bool = False  # a single-level number split from its text (`4.` of `4. Mô hình …`)


def items_of(texts: list[str]) -> list[Item]:
    """Paragraphs when blank lines separate the cells (plain `pdftotext`), else lines. A row number printed
    one space before its label (`2.2.1. Tổng số VBQPPL …`, `I. Hàng ăn và dịch vụ ăn uống`) is an item of
    its own."""
    blank_separated = sum(not t.strip() for t in texts) * 3 >= len(texts)
    items: list[Item] = []
    block: list[int] = []
    for i, t in enumerate([*texts, ""]):
        if t.strip():
            block.append(i)
        if block and (not t.strip() or not blank_separated):
            text = " ".join(texts[j].strip() for j in block)
            if m := _GLUED_NUMBER.match(text):
                number = m.group(1) or m.group(2)
                items.append(Item(number, block[0], block[0], number, heading_like=bool(m.group(2))))
                text = text[m.end():]
            items.append(Item(text, block[0], block[-1], texts[block[-1]].strip()))
            block = []
    return items


@dataclass(frozen=True, slots=True)
class FlatTable:
    first: int  # first item (the header's, when it has one)
    end: int  # item after the last row
    rows: list[list[str]]  # header first, when it has one
    lead: int  # lines of the first item that precede the table (a caption run into the header's first cell)


def find_tables(items: list[Item]) -> list[FlatTable]:
    """Flattened tables among the items."""
    starts = [k for k in range(len(items) - 1) if _row_start(items, k)]
    out: list[FlatTable] = []
    k = 0
    while k < len(starts) - _MIN_ROWS + 1:
        run = _run(items, starts, k)
        if run is None:
            k += 1
            continue
        first, end, width, rows = run
        header = [it.text for it in items[max(first - width, 0) : first]]
        lead = 0
        if len(header) == width and not any(FIGURE_CELL.match(h) for h in header):
            first -= width
            lead = items[first].last - items[first].first
            rows = [[items[first].last_line or header[0], *header[1:]], *rows]
        out.append(FlatTable(first, end, rows, lead))
        k = bisect_left(starts, end)
    return out


def _row_start(items: list[Item], k: int) -> bool:
    """A row number followed by a label; a figure followed by the next section's heading (`0` /
    `III. ĐÁNH GIÁ CHUNG`) ends the table instead."""
    nxt = items[k + 1].text
    return bool(ROW_NUMBER.match(items[k].text)) and not FIGURE_CELL.match(nxt) and not ROW_NUMBER.match(nxt) \
        and not _HEADING.match(nxt)


def _fit(cells: list[str], width: int) -> list[str]:
    """A row's cells to the table's width: the values keep the last columns; a missing cell is blank,
    extra text cells (labels of rows that shared a merged cell) join the label."""
    if len(cells) < width:
        return cells[:2] + [""] * (width - len(cells)) + cells[2:]
    extra = len(cells) - width
    return [cells[0], " ".join(cells[1 : 2 + extra]), *cells[2 + extra :]]


def _figure(cell: str) -> bool:
    return bool(FIGURE_CELL.match(cell)) or parse_number(cell) is not None


def _fits(cells: list[str], width: int, headed: bool) -> bool:
    """A row: about the table's width, short cells, figures or amounts (`50 triệu đồng`) after the label
    (unless an `STT` header heads the table: a list of schools or tasks), and extra text cells (labels of
    rows that shared a merged cell) holding no figure or row number."""
    extra = len(cells) - width
    return not (len(cells) < width - 1 or any(len(c) > _MAX_CELL for c in cells)
                or not (headed or any(_figure(c) for c in cells[2:]))
                or (extra > 0 and any(FIGURE_CELL.match(c) or ROW_NUMBER.match(c) for c in cells[1 : 2 + extra])))


def _numbered_in_turn(items: list[Item], starts: list[int]) -> list[int]:
    """The row starts whose numbers follow one another; any other (a figure before a label: a value out
    of its row, a page number) is a cell of the row before."""
    kept = starts[:1]
    for s in starts[1:]:
        if follows(items[kept[-1]].text, items[s].text) or items[s].heading_like:  # a heading ends the run
            kept.append(s)
    return kept


def _run(items: list[Item], starts: list[int], k: int):
    """The longest run of rows from starts[k] holding numbers, fitted to their common length."""
    starts = _numbered_in_turn(items, starts[k:])  # from here on, the run's own row starts
    lengths = [b - a for a, b in zip(starts[:12], starts[1:12])]  # a few rows tell the width
    if len(lengths) < _MIN_ROWS - 1:
        return None
    # rows of a number and a label only (groups, tasks with no figure of their own) say nothing of the width
    width = Counter(lengths[:6]).most_common(1)[0][0]
    with_cells = Counter(n for n in lengths if n >= 3).most_common(1)
    if width == 2 and with_cells and with_cells[0][1] >= 2:
        width = with_cells[0][0]
    if not 3 <= width <= _MAX_WIDTH:
        return None
    headed = any(STT_HEADER.match(it.text) for it in items[max(starts[0] - width, 0) : starts[0]])
    rows: list[list[str]] = []
    end, fitted = starts[0], 0  # rows that have the table's shape: the others are taken on their evidence
    for j in range(len(starts)):
        a = starts[j]
        b = starts[j + 1] if j + 1 < len(starts) else min(a + width, len(items))
        cells = [it.text for it in items[a:b]]
        heading = next((i for i, c in enumerate(cells) if i and _HEADING.match(c)), None)
        if heading is not None:  # `(50%)` / `5. Mô hình …`: the next section's heading ends the table
            cells, b = cells[:heading], a + heading
        if items[a].heading_like and not (len(cells) > 2 and _figure(cells[2])):
            break  # `4. Mô hình “Hồ sơ không hẹn”` with no figure next to it: a heading, not `I. Hàng ăn … 122,62`
        if len(cells) == 2 and j + 1 < len(starts) and len(cells[1]) <= _MAX_CELL:
            rows.append([*cells, *[""] * (width - 2)])  # a row with no figures (`2. Kiểm tra, xử lý VBQPPL`)
            end = b
            continue
        if not _fits(cells, width, headed):
            head_fits = len(cells) > width and _fits(cells[:width], width, headed)
            if fitted and len(cells) <= 4 * width and j + 1 < len(starts) and len(cells[1]) <= _MAX_CELL \
                    and follows(items[a].text, items[starts[j + 1]].text) \
                    and sum(len(c) > _MAX_CELL for c in cells) <= 1:
                # the numbering goes on after it: a row whose cells a page break scattered (footnotes, values
                # printed at the page's foot); past its first cells, which of them are its values is unsure
                rows.append(cells[:width] if head_fits or len(cells) == width else [*cells[:2], *[""] * (width - 2)])
                end = b
                continue
            # the table's last row runs on into what follows (a summary line, the next part's heading):
            # it ends where its width does, and so does the table
            if head_fits:
                rows.append(cells[:width])
                end = a + width
            break
        rows.append(_fit(cells, width))
        end, fitted = b, fitted + 1
        if heading is not None:
            break
    if len(rows) < _MIN_ROWS or fitted < 2:
        return None
    return starts[0], end, width, rows
