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
    pending: list[str] = []  # headers of the next columns, printed before the numbers (`TT` / `Địa phương` / …)
    for block, end in _blocks(texts, k):
        if not _header_block(block):
            break
        pending.append(" ".join(block))
        k = _next_filled(texts, end)
    numbers: list[str] = []
    while k < len(texts) and _RUN_NUMBER.match(texts[k].strip()):
        numbers.append(texts[k].strip().rstrip("."))
        k += 1
    if len(numbers) < 2 and not (numbers and pending):  # one row: a table cut by a page, its headers above
        return None
    header, columns = [texts[i].strip()], [numbers]
    most = len(pending) + 2 if len(numbers) == 1 else None  # one row: its headers say how many columns
    for block, end in _blocks(texts, k):
        if most is not None and len(columns) >= most:
            break
        if most is not None and len(block) == 1 and _RUN_NUMBER.match(block[0]):
            return None  # `1` / `Ban Quản lý …` / `6,00` / `2` / …: cells serialized row by row (`flat_tables`)
        column = _column(block, len(numbers))
        if column is None:
            break
        header.append(column[0] or (pending.pop(0) if pending else ""))
        columns.append(column[1])
        k = end
    if len(columns) < 3:
        return None  # the numbers and one column are a list, not a table
    if len(numbers) == 1 and _lone_number_next(texts, k):
        return None  # the next row's number after the last column: serialized row by row
    rows = [list(cells) for cells in zip(*columns)]
    return ColumnTable(i, k, [header, *rows])


def _lone_number_next(texts: list[str], k: int) -> bool:
    block = next(_blocks(texts, k), ([""], k))[0]
    return len(block) == 1 and bool(_RUN_NUMBER.match(block[0]))


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
        block = _with_shares([t.strip() for t in texts[start:k]])
        if _END.match(block[0]) or any(len(t) > _MAX_LINE or STT_HEADER.match(t) for t in block):
            return  # body text, or the next table (the same table's part on the next page: `4` / `TT`)
        yield block, k


_SHARE = re.compile(r"^\(\s*\d[\d.,]*\s*%\s*\)$")


def _with_shares(block: list[str]) -> list[str]:
    """`862/1.266` / `(68,1%)`: a share in brackets on its own line is the end of the figure above it."""
    out: list[str] = []
    for line in block:
        if out and _SHARE.match(line) and _FIGURE.match(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _header_block(block: list[str]) -> bool:
    """A column's header alone in its block, before the row numbers: a few short lines, no figure."""
    return len(block) <= 3 and all(len(t) <= 40 and not _FIGURE.match(t) and not _RUN_NUMBER.match(t)
                                   for t in block) and block[0][:1].isupper()


def _column(block: list[str], n: int) -> tuple[str, list[str]] | None:
    """(header, n cells) of one column's block: the last n lines when they are figures, else its lines
    grouped into cells (a cell starts with a capital; a wrapped line does not)."""
    head = " ".join(block[:-n])
    if len(block) >= n and all(_FIGURE.match(t) for t in block[-n:]) and head.count("(") <= head.count(")"):
        return head, block[-n:]  # (not `… (Mã TTHC:` / `1.013980)`: the end of a wrapped cell)
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
