"""Tables serialized column by column (plain `pdftotext`, pdfminer): the STT column, then each column.

Such text prints a table one column after the other, each as its header and then one cell per row:
`TT` / `1` / `2` / `3` // `Tên TTHC` / `Thủ tục đăng ký kết hôn (mã TTHC:` / `1.000894)` / `Đăng ký …` //
`Số lượng hồ sơ` / `1.700/2.912/3.141` / `1.315/2.342/2.572` / `403/1.096/1.186`. The run of row numbers
under the `STT` header gives the row count; each following block (blank-line separated) is a column whose
last lines are the cells: one figure per row, or text cells that wrap, a new cell starting with a capital.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.numbering import STT_HEADER

# the numbers of the STT column's run: whole numbers or Roman ones (a run of `1.`, `1.1.` interleaves
# with the labels of outline tables, which this reader does not rebuild)
_RUN_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,5})\.?$")
_FIGURE = re.compile(r"^[-+(]?\d[\d.,/%()\s]*$|^-$")
_END = re.compile(r"^(?:\d{1,2}|[IVXLC]+|[a-zđ])[.)]\s+\S|^Nơi nhận|^(?:Phụ lục|PHỤ LỤC)\b")
_MAX_LINE = 100  # a longer line is body text: a cell of a column this narrow never is


@dataclass(frozen=True, slots=True)
class ColumnTable:
    first: int  # the `STT` header line
    end: int  # the line after the table
    rows: list[list[str]]  # the header row first


def find_column_tables(texts: list[str]) -> list[ColumnTable]:
    out: list[ColumnTable] = []
    i = 0
    while i < len(texts):
        table = _table_at(texts, i) if STT_HEADER.match(texts[i].strip()) else None
        if table is None:
            i += 1
            continue
        out.append(table)
        i = table.end
    return out


def _table_at(texts: list[str], i: int) -> ColumnTable | None:
    k = _next_filled(texts, i + 1)
    numbers: list[str] = []
    while k < len(texts) and _RUN_NUMBER.match(texts[k].strip()):
        numbers.append(texts[k].strip().rstrip("."))
        k += 1
    if len(numbers) < 2:
        return None
    header, columns = [texts[i].strip()], [numbers]
    for block, end in _blocks(texts, k):
        column = _column(block, len(numbers))
        if column is None:
            break
        header.append(column[0])
        columns.append(column[1])
        k = end
    if len(columns) < 3:
        return None  # the numbers and one column are a list, not a table
    rows = [list(cells) for cells in zip(*columns)]
    return ColumnTable(i, k, [header, *rows])


def _next_filled(texts: list[str], k: int) -> int:
    while k < len(texts) and not texts[k].strip():
        k += 1
    return k


def _blocks(texts: list[str], k: int):
    """Blank-line separated blocks from line k, with the line after each; stops at the end of the table."""
    while (k := _next_filled(texts, k)) < len(texts):
        start = k
        while k < len(texts) and texts[k].strip():
            k += 1
        block = [t.strip() for t in texts[start:k]]
        if _END.match(block[0]) or any(len(t) > _MAX_LINE for t in block):
            return
        yield block, k


def _column(block: list[str], n: int) -> tuple[str, list[str]] | None:
    """(header, n cells) of one column's block: the last n lines when they are figures, else its lines
    grouped into cells (a cell starts with a capital; a wrapped line does not)."""
    if len(block) >= n and all(_FIGURE.match(t) for t in block[-n:]):
        return " ".join(block[:-n]), block[-n:]
    cells: list[list[str]] = []
    for line in block:
        if not cells or _starts_cell(line):
            cells.append([line])
        else:
            cells[-1].append(line)
    texts = [" ".join(c) for c in cells]
    if len(texts) == n + 1:
        return texts[0], texts[1:]
    if len(texts) == n:
        return "", texts
    return None


def _starts_cell(line: str) -> bool:
    """`Đăng ký thành lập …` starts a cell; `TTHC: 1.001612)`, `doanh (mã …`, `1.000894)` continue one."""
    first = line.split()[0]
    return first[:1].isupper() and not (first.rstrip(":").isupper() and len(first.rstrip(":")) > 1)
