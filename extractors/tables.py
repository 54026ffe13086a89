"""Tables from text: tab-separated blocks, HTML <table> markup and pipe tables → `Table`.

A table block becomes a grid of cells; leading header rows become one name per column
(`Kinh phí (Triệu đồng) / Trong đó / Ngân sách hỗ trợ`); the `1 2 3 …` column-number row is
dropped; data rows get `stt`, `label`, `row_type`, `level` and parsed `values`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import lxml.html

from extractors.layout import Layout, Line, TableBlock, clean_inline
from extractors.numbering import (
    FIGURE_CELL,
    LABEL_START,
    STT_HEADER,
    LevelStack,
    next_roman,
    roman_lookalike,
    style_of,
)
from normalizers import normalize_text, normalize_unit, parse_dot_decimal, parse_number
from pipeline.model import Row, Table, Warning

# `1`, `1.2.3`, `II`, `A`, `a`, and compound outline numbers (`I.A.2`, `II.B`)
_DOT_GROUPED = re.compile(r"\(?-?[1-9]\d{0,2}(?:\.\d{3})+\)?")
_COMMA_GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")
_COMMA_DECIMAL = re.compile(r"-?\d+,\d{1,2}")
_BRACKETED = re.compile(r"\((\d{1,2})\)")
# `Mã hàng hóa` 10.001: an identifier; `Đơn vị tính` 1000 đ/chỉ: the row's unit. Neither is a figure.
# (A header `Đơn vị tính: triệu đồng …` names the table's unit, no column.)
_CODE_COLUMN = re.compile(r"^(?:(Mã|Mã số|Ký hiệu)\b|(?P<unit>Đơn vị tính|ĐVT)\s*$)", re.I)
_COLUMN_FORMULA = re.compile(r"^\s*\(?(\d{1,2})\)?\s*=\s*[\d()+\-x×*/÷:.,\s]+$")
_STT = re.compile(r"^\(?((?:[IVXLC]+|[A-ZĐ])(?:\.(?:[A-ZĐ]|\d{1,3}))+|[IVXLC]+|[A-ZĐ]|\d{1,3}(?:\.\d{1,3})*|[a-zđ])"
                  r"\)?[.)\-]?$")
# `I. Hàng ăn …`, and `III Vay các tổ chức …` (an STT column printed one space from the labels, one column)
_NUMBERED_LABEL = re.compile(r"^(?P<stt>[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2}){0,2}|[a-zđ])"
                             rf"(?:[.)]\s+(?=\S)|\s(?={LABEL_START}))")
_TOTAL = re.compile(r"^(tổng\s+cộng|tổng\s+số|tổng|cộng)\b", re.I)
# `Bảng 2:`, `Biểu mẫu 1:`, `Biểu số 59/CK-NSNN`, `Phụ biểu 03.`
_CAPTION = re.compile(r"^(Bảng|Biểu|Phụ biểu)\s*(mẫu\s*)?(số\s*)?\d+[a-z]?(\s*[:.\-/]|\s*$)", re.I)
_HEADING = re.compile(r"^([IVXLC]+|[A-ZĐ]|\d{1,2})\s*[.)]\s+\S+\s+\S")  # `II. ĐỐI VỚI CẤP XÃ`
_UNIT_LINE = re.compile(r"^(Đơn vị tính|Đơn vị|ĐVT)\s*:", re.I)
_BULLET = re.compile(r"^[-+•–]")


@dataclass(slots=True)
class Cell:
    text: str
    italic: bool = False
    conf: float | None = None
    box: tuple[float, float, float, float] | None = None


@dataclass(slots=True)
class RawRow:
    cells: list[Cell]
    line: Line

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(slots=True)
class DraftRow:
    """A logical table row; OCR may split one merged row into several physical rows."""

    stt: str
    cells: list[str]
    italic: bool
    line: Line
    numbers: bool
    parts: list[RawRow] = field(default_factory=list)

    def confidence(self) -> list[float | None] | None:
        """Lowest OCR confidence per column over the physical rows (None without OCR)."""
        confs = [[c.conf for c in p.cells] for p in self.parts]
        if all(c is None for row in confs for c in row):
            return None
        return [min((c for c in col if c is not None), default=None) for col in zip(*confs)]

    def boxes(self) -> list[list[float] | None] | None:
        if all(c.box is None for p in self.parts for c in p.cells):
            return None
        return [list(c.box) if c.box else None for c in self.parts[0].cells]


def extract_tables(layout: Layout) -> tuple[list[Table], list[Warning]]:
    tables, warnings = [], []
    for blocks, grid in _continued(layout):
        table = _build_table(grid, warnings)
        if table is None:
            continue
        table.title = _caption(layout, blocks[0])
        table.unit = _unit(layout, blocks[0], table.columns)
        table.page = blocks[0].lines[0].page
        table.span = blocks[0].lines[0].span()
        tables.append(table)
    return tables, warnings


def _continued(layout: Layout) -> list[tuple[list[TableBlock], list[RawRow]]]:
    """Table blocks with their grids, a block that continues the one before joined to it (its repeated
    header dropped): a long appendix table comes in pieces across pages, or out of a text extraction."""
    groups: list[tuple[list[TableBlock], list[RawRow]]] = []
    for block in layout.tables:
        grid = _grid(block)
        if len(grid) < 2:
            continue
        if groups and _continues(layout, groups[-1], block, grid):
            groups[-1][0].append(block)
            groups[-1][1].extend(_split_header(grid)[1])
        else:
            groups.append(([block], grid))
    return groups


def _header_words(grid: list[RawRow]) -> list[str]:
    """The header's words in order of appearance, whatever lines and cells a text extraction put them in."""
    return sorted(w.lower() for r in _split_header(grid)[0] for cell in r.texts() for w in cell.split())


def _continues(layout: Layout, group: tuple[list[TableBlock], list[RawRow]], block: TableBlock,
               grid: list[RawRow]) -> bool:
    """Same columns, the same header or none, and nothing between the two but short lines (a page number,
    the header's words, a `Đơn vị tính` line): no heading, caption or sentence starts something else."""
    prev_grid = group[1]
    if len(grid[0].cells) != len(prev_grid[0].cells):
        return False
    header, prev_header = Counter(_header_words(grid)), Counter(_header_words(prev_grid))
    # the header printed again: its words, or nearly all of them (a first row's text can cling to the first)
    if header and not (header <= prev_header and header.total() >= 0.8 * prev_header.total()):
        return False
    end, start = group[0][-1].lines[-1], block.lines[0]
    between = [ln for ln in layout.lines if end.no < ln.no < start.no and ln.text.strip()
               and ln.no not in layout.table_line_nos]
    # sentences at the foot of the page before are its footnotes; a caption or heading anywhere starts anew
    prose = [ln for ln in between if ln.page == start.page] if start.page == end.page + 1 else between
    if prose and not prose[-1].text.rstrip().endswith((".", ":", ";")):
        prose = prose[:-1]  # the first row's label wrapped above its number (`Điện năng … dưới 50` / `2 … GWh/tháng`)
    return not any(_CAPTION.match(ln.text) or _HEADING.match(ln.text) for ln in between) \
        and not any(len(ln.text.split()) > 8 for ln in prose)


# ── grid ────────────────────────────────────────────────────────────────────────────────────


def _grid(block: TableBlock) -> list[RawRow]:
    if block.kind == "grid":
        rows = [RawRow([_grid_cell(c) for c in cells], ln) for cells, ln in zip(block.grid, block.lines)]
    elif block.kind == "html":
        rows = _html_rows(block)
    elif block.kind == "pipe":
        rows = [RawRow([_cell(c) for c in ln.raw.strip().strip("|").split("|")], ln)
                for ln in block.lines if not re.match(r"^\s*\|?[\s:|-]+\|?\s*$", ln.raw)]
    else:
        rows = [RawRow([_cell(c) for c in ln.raw.split("\t")], ln) for ln in block.lines]
    width = max((len(r.cells) for r in rows), default=0)
    for r in rows:
        r.cells += [Cell("")] * (width - len(r.cells))
    return rows


def _grid_cell(c) -> Cell:
    return Cell(_without_rulings(c.text), c.italic, c.conf, (c.x0, c.top, c.x1, c.bottom)) if c else Cell("")


def _without_rulings(text: str) -> str:
    """OCR reads the ruling lines at a cell's edges as `|`, `[`, `]`: drop them around the text."""
    text = normalize_text(text)
    text = re.sub(r"(?<=\d)[|\]\[¦!]+|[|\]\[¦!]+(?=\d)", "", text)
    text = re.sub(r"^[.,·'`]+(?=\d)", "", text)  # a speck before a number (`.826,60`): no number starts so
    return "\n".join(part.strip(" |[]¦!;:'`’") for part in text.split("\n")).strip()


def _cell(raw: str) -> Cell:
    """Cell text; HTML fragments inside a cell (<p>, <ul>, <i>) parsed with a real HTML parser."""
    raw = raw.strip()
    if "<" not in raw:
        return Cell(clean_inline(raw))
    root = lxml.html.fragment_fromstring(raw, create_parent="div")
    return _element_cell(root)


def _element_cell(el) -> Cell:
    blocks = el.xpath(".//p | .//li")
    texts = [" ".join(b.text_content().split()) for b in blocks] if blocks else []
    if not texts or sum(map(len, texts)) < len(" ".join(el.text_content().split())) * 0.8:
        texts = [" ".join(el.text_content().split())]
    italic_text = " ".join(" ".join(i.text_content().split()) for i in el.xpath(".//i | .//em"))
    full = "\n".join(normalize_text(t) for t in texts if t)
    return Cell(full, bool(italic_text) and len(italic_text) >= len(full.replace("\n", " ")) * 0.9)


def _html_rows(block: TableBlock) -> list[RawRow]:
    """Rows of an HTML table, with colspan/rowspan laid out on a grid (value in the first cell)."""
    doc = lxml.html.fragment_fromstring("\n".join(ln.raw for ln in block.lines), create_parent="div")
    rows: list[RawRow] = []
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan above
    for tr in doc.xpath(".//tr"):
        cells: list[Cell] = []
        col = 0
        for td in [*tr.xpath("./td | ./th"), None]:
            while pending.get(col, 0) > 0:
                pending[col] -= 1
                cells.append(Cell(""))
                col += 1
            if td is None:
                break  # slots covered at the row's end too
            span = int(td.get("colspan", "1") or 1)
            down = int(td.get("rowspan", "1") or 1)
            cells.append(_element_cell(td))
            cells += [Cell("")] * (span - 1)
            for c in range(col, col + span):
                if down > 1:
                    pending[c] = down - 1
            col += span
        rows.append(RawRow(cells, _line_of(block, tr)))
    return rows


def _line_of(block: TableBlock, tr) -> Line:
    """Best-effort source line of an HTML row (lxml counts lines from the block start)."""
    idx = max(0, min((tr.sourceline or 1) - 1, len(block.lines) - 1))
    return block.lines[idx]


# ── header and columns ──────────────────────────────────────────────────────────────────────


def _is_column_number_row(texts: list[str]) -> bool:
    """`1 2 3 4 5 6 7`, `(1) (2) (3)` or `A B 1 2 3`: short labels, the numbers counting up by one;
    a computed column gives its formula after its number (`(7)=(6)÷5`, `5=3+4`)."""
    texts = [_COLUMN_FORMULA.sub(r"\1", t) for t in texts]
    # `(7)` turned `-7` by a spreadsheet; `a b` of two columns a text extraction printed as one
    vals = [v for t in texts for v in (tok.strip("().|;: -") for tok in t.split()) if v]
    digits = [v for v in vals if v.isdigit()]
    short = all(len(v) <= 3 and (v.isdigit() or v.isalpha()) for v in vals)
    return short and len(digits) >= 3 and len(digits) >= len(vals) * 0.6 and all(
        int(b) == int(a) + 1 for a, b in zip(digits, digits[1:])
    )


def _looks_like_data(texts: list[str]) -> bool:
    """A row number, then figures; or a row number with a digit in it (`2`, `I.A.2`), which no header has."""
    if not _STT.match(texts[0]):
        return False
    return any(ch.isdigit() for ch in texts[0]) or any(parse_number(t) is not None for t in texts[2:])


def _split_header(grid: list[RawRow]) -> tuple[list[RawRow], list[RawRow]]:
    """Header rows, then data rows (column-number row dropped)."""
    if _looks_like_data(grid[0].texts()):
        return [], grid
    # the `(1) (2) (3) …` row closes the header, however many rows it has (`Mã nhóm` over `Cấp 1 … Cấp 6`)
    numbered = next((i for i in range(1, min(len(grid), 6)) if _is_column_number_row(grid[i].texts())), None)
    if numbered is not None:
        return grid[:numbered], grid[numbered + 1 :]
    header = [grid[0]]
    for i, row in enumerate(grid[1:], start=1):
        t = row.texts()
        if _is_column_number_row(t):
            return header, grid[i + 1 :]
        if i < 5 and not t[0] and not (len(t) > 1 and t[1]) and any(t):
            header.append(row)
            continue
        return header, grid[i:]
    return header, []


def column_names(header: list[list[str]], width: int) -> list[str]:
    """One name per column from multi-row headers: a cell spans right over empty cells, within its parent."""
    parts: list[list[str]] = [[] for _ in range(width)]
    spans = [(0, width)]
    for row in header:
        nxt = []
        for a, b in spans:
            starts = [j for j in range(a, b) if row[j].strip()]
            if not starts:
                nxt.append((a, b))
                continue
            if starts[0] > a:
                nxt.append((a, starts[0]))
            for k, j in enumerate(starts):
                end = starts[k + 1] if k + 1 < len(starts) else b
                nxt.append((j, end))
                for c in range(j, end):
                    parts[c].append(" ".join(row[j].split()))
        spans = nxt
    return [" / ".join(dict.fromkeys(p)) or f"Cột {i + 1}" for i, p in enumerate(parts)]


def _key_columns(columns: list[str], data: list[RawRow]) -> tuple[int, int]:
    """Index of the STT column and of the label column."""
    stt = 0 if (STT_HEADER.match(columns[0].split(" / ")[0]) or _mostly_stt(data)) else -1
    # the first column of words after it: a column of dates or figures (`04/08/2025-27/08/2025`) is no label
    label = next((c for c in range(stt + 1, len(columns)) if _mostly_words(data, c)), stt + 1)
    return stt, min(label, len(columns) - 1)


def _mostly_words(data: list[RawRow], col: int) -> bool:
    texts = [r.cells[col].text for r in data if col < len(r.cells) and r.cells[col].text]
    return not texts or sum(_words(t) for t in texts) >= len(texts) * 0.5


def _words(text: str) -> bool:
    """Prose, not a code: three letters or more, in lower case or over several words (`III`, `II202` are codes)."""
    return sum(ch.isalpha() for ch in text) >= 3 and (any(ch.islower() for ch in text) or len(text.split()) > 1)


def _mostly_stt(data: list[RawRow]) -> bool:
    firsts = [r.cells[0].text for r in data if r.cells[0].text]
    return bool(firsts) and sum(bool(_STT.match(f)) for f in firsts) >= len(firsts) * 0.6


# ── rows ────────────────────────────────────────────────────────────────────────────────────


def _build_table(grid: list[RawRow], warnings: list[Warning]) -> Table | None:
    header, data = _split_header(grid)
    width = len(grid[0].cells)
    columns = column_names([r.texts() for r in header], width)
    if not data:
        return None
    data = _drop_repeated_headers(data, header)
    columns, data = _split_composite_columns(columns, data)
    stt_col, label_col = _key_columns(columns, data)
    drafts = _merge_split_rows([_draft(r, stt_col, label_col) for r in data], label_col)
    _fix_misread_roman(drafts, warnings)
    rows = _finish_rows(drafts, stt_col, label_col, columns)
    return Table(columns=columns, rows=rows)


_COMPOSITE = re.compile(r"^\s*\d[\d.,]*(?:\s*/\s*\d[\d.,]*)+(?:\s*\(\s*\d[\d.,]*\s*%?\s*\))?\s*$")
_COMPOSITE_PART = re.compile(r"\d[\d.,]*\s*%?")


def _split_composite_columns(columns: list[str], data: list[RawRow]) -> tuple[list[str], list[RawRow]]:
    """A column whose header names several figures (`Số hồ sơ hỗ trợ/Tổng hồ sơ trực tuyến/Tổng số hồ sơ`)
    and whose every cell holds them as `1.700/2.912/3.141`, or `862/1.266 (68,1%)` with the share, becomes
    one column per figure. Dates (`15/03/2026`) are no such cells: their header names one thing."""
    j = len(columns) - 1
    while j >= 0:
        cells = [r.cells[j].text for r in data if j < len(r.cells) and r.cells[j].text.strip()]
        counts = {len(_COMPOSITE_PART.findall(c)) for c in cells}
        if "/" in columns[j] and len(cells) >= 2 and all(_COMPOSITE.match(c) for c in cells) and len(counts) == 1:
            k = counts.pop()
            names = [n.strip() for n in columns[j].split("/")]
            if len(names) in (k, k - 1):
                names = (names + ["Tỷ lệ (%)"])[:k]  # `862/1.266 (68,1%)`: the share is the header's unnamed part
            else:
                names = [f"{columns[j]} ({n})" for n in range(1, k + 1)]
            columns = columns[:j] + names + columns[j + 1 :]
            for r in data:
                cell = r.cells[j]
                parts = [p.strip() for p in _COMPOSITE_PART.findall(cell.text)] or [""] * k
                r.cells[j : j + 1] = [Cell(p, cell.italic, cell.conf, cell.box) for p in parts]
        j -= 1
    return columns, data


def _drop_repeated_headers(data: list[RawRow], header: list[RawRow]) -> list[RawRow]:
    """A table continued on a new page repeats its header and its `1 2 3 …` row: not data."""
    seen = {tuple(r.texts()) for r in header}
    return [r for r in data if tuple(r.texts()) not in seen and not _is_column_number_row(r.texts())
            and not STT_HEADER.match(r.texts()[0])]


def _draft(row: RawRow, stt_col: int, label_col: int) -> DraftRow:
    texts = row.texts()
    stt = texts[stt_col] if stt_col >= 0 else ""
    if stt_col < 0 and (m := _NUMBERED_LABEL.match(texts[label_col])):
        stt, texts[label_col] = m["stt"], texts[label_col][m.end():]  # no STT column: `I. Hàng ăn …` numbers itself
    if stt and not _STT.match(stt) and not texts[label_col]:
        texts[label_col], stt = stt, ""  # a label merged over the STT cell (e.g. "Tổng cộng:")
        texts[stt_col] = ""
    others = [j for j, t in enumerate(texts) if t and j not in (stt_col, label_col)]
    if not texts[label_col] and len(others) == 1 and _words(texts[others[0]]):
        # a group's name merged across the row from a column left of the label (`LĨNH VỰC TRỒNG TRỌT …`)
        texts[label_col], texts[others[0]] = texts[others[0]], ""
    numbers = any(parse_number(t) is not None or parse_dot_decimal(t) is not None
                  for j, t in enumerate(texts) if j not in (stt_col, label_col))
    italic = any(c.italic for c in row.cells if c.text)
    return DraftRow(stt.strip().rstrip(".)-").lstrip("(").strip(), texts, italic, row.line, numbers, [row])


def _merge_split_rows(rows: list[DraftRow], label_col: int) -> list[DraftRow]:
    """Rejoin rows that OCR split out of one merged row (text-only rows; rows with numbers stay)."""
    out: list[DraftRow] = []
    for r in rows:
        label = r.cells[label_col]
        # a bullet or a lower-case letter goes on from the row above (`[à-ỹ]` would take in Đ and Ấ)
        cont = not label or bool(_BULLET.match(label)) or label[0].islower()
        prev = out[-1] if out else None
        mergeable = prev is not None and not r.numbers and not prev.numbers and not _TOTAL.match(label)
        if mergeable and cont and not r.stt:
            _absorb(prev, r)
        elif mergeable and cont and r.stt and not prev.stt:
            _absorb(prev, r)
            prev.stt = r.stt
        else:
            out.append(r)
    return out


def _fix_misread_roman(drafts: list[DraftRow], warnings: list[Warning]) -> None:
    """Group numbers I, II, III … run in sequence: `H` or a second `II` where `II`/`III` is due is OCR."""
    last: str | None = None
    previous = ""
    for d in drafts:
        expected = next_roman(last)
        if expected and d.stt and d.stt != expected and not _continues_letters(d.stt, previous) and (
                roman_lookalike(d.stt, expected) or d.stt == last):
            warnings.append(Warning(code="row_number_guessed", span=d.line.span(),
                                    message=f"Row numbered '{d.stt}' read as {expected}: OCR misreads Roman numerals."))
            d.stt = expected
        if style_of(d.stt) == "roman":
            last = d.stt
        previous = d.stt or previous


def _continues_letters(stt: str, previous: str) -> bool:
    """`n` right after `m` is the next item of a lettered list, not a misread `II`."""
    return len(stt) == len(previous) == 1 and stt.isalpha() and ord(stt) == ord(previous) + 1


def _absorb(into: DraftRow, row: DraftRow) -> None:
    into.cells = ["\n".join(x for x in (a, b) if x) for a, b in zip(into.cells, row.cells)]
    into.parts.extend(row.parts)


def _finish_rows(drafts: list[DraftRow], stt_col: int, label_col: int, columns: list[str]) -> list[Row]:
    stack, rows = LevelStack(), []
    last_upper: str | None = None
    last_numbered = 0
    styles: list[str | None] = []
    for d in drafts:
        style = style_of(d.stt, last_upper) if d.stt else None
        if style == "upper":
            last_upper = d.stt
        styles.append(style)
    codes = {j: m for j, name in enumerate(columns) if (m := _CODE_COLUMN.match(name))}
    keys = {stt_col, label_col} | set(codes)
    # a unit is words (`Mô hình`, `1000 đ/chỉ`); a bare number typed into the unit column is a figure
    units = {j for j, m in codes.items() if m["unit"]}
    figures = _column_cells(drafts, keys)
    point_columns = {j for j, cells in figures.items() if _point_decimal(cells)}
    comma_columns = {j for j, cells in figures.items() if _dot_grouped_amounts(cells)}
    for i, d in enumerate(drafts):
        label = d.cells[label_col]
        style = styles[i]
        if not d.stt and _TOTAL.match(label):
            level, kind = 0, "total"
        elif style:
            level = last_numbered = stack.level(style)
            kind = "group" if style in ("roman", "upper") or _has_children(drafts, styles, i, stack) else "item"
        else:
            level, kind = last_numbered + 1, "detail" if d.italic else "item"
        values = [None if j in keys and not (j in units and FIGURE_CELL.match(t.strip()))
                  else _value(t, j in point_columns, j in comma_columns) for j, t in enumerate(d.cells)]
        rows.append(Row(stt=d.stt, label=label, level=level, row_type=kind, cells=d.cells, values=values,
                        confidence=d.confidence(), boxes=d.boxes(), span=d.line.span()))
    return rows


def _column_cells(drafts: list[DraftRow], keys: set[int]) -> dict[int, list[str]]:
    """The filled cells of each column that may hold figures (not the STT, label or code columns)."""
    width = max((len(d.cells) for d in drafts), default=0)
    cells = {j: [d.cells[j].strip() for d in drafts if j < len(d.cells) and d.cells[j].strip()]
             for j in range(width) if j not in keys}
    return {j: c for j, c in cells.items() if c}


def _point_decimal(cells: list[str]) -> bool:
    """A column written with a decimal point (`99.52`, `100.06`: CPI tables of Sở Tài chính), told by most of
    its cells; a lone `1.1` elsewhere stays no number."""
    return sum(parse_dot_decimal(c) is not None for c in cells) >= 0.6 * len(cells)


def _dot_grouped_amounts(cells: list[str]) -> bool:
    """A column of whole amounts grouped by dots (`20.740`), where a lone `220,000` is 220000 written the
    English way, not 220 with three decimals, and `(70)` is -70."""
    return sum(bool(_DOT_GROUPED.fullmatch(c)) for c in cells) >= 3 and not any(_COMMA_DECIMAL.fullmatch(c)
                                                                                 for c in cells)


def _value(cell: str, point_decimal: bool, comma_grouped: bool) -> float | int | None:
    if comma_grouped and _COMMA_GROUPED.fullmatch(cell.strip()):
        return int(cell.strip().replace(",", ""))  # `220,000` among `20.740`s: typed with English grouping
    if comma_grouped and (m := _BRACKETED.fullmatch(cell.strip())):
        return -int(m[1])  # `(70)` among amounts is a decrease, not a column label
    value = parse_number(cell)
    return parse_dot_decimal(cell) if value is None and point_decimal else value


def _has_children(drafts: list[DraftRow], styles: list[str | None], i: int, stack: LevelStack) -> bool:
    nxt = styles[i + 1] if i + 1 < len(styles) else None
    return bool(nxt) and nxt != styles[i] and nxt not in stack.styles


# ── context: caption and unit ───────────────────────────────────────────────────────────────


def _neighbours(layout: Layout, block: TableBlock, before: bool, n: int = 3) -> list[Line]:
    """Up to n non-blank body lines just before (nearest first) or after the table."""
    first, last = block.lines[0].no, block.lines[-1].no
    pool = [ln for ln in layout.body() if (ln.no < first if before else ln.no > last)]
    return (pool[::-1] if before else pool)[:n]


def _caption(layout: Layout, block: TableBlock) -> str | None:
    """`Bảng 2: …` above the table (or below it); a bare `Biểu mẫu 1` takes the line under it as its name."""
    for before in (True, False):
        near = _neighbours(layout, block, before)
        for k, ln in enumerate(near):
            if _CAPTION.match(ln.text) and ln.no not in layout.claimed:
                name = near[k - 1] if before and k and _CAPTION.fullmatch(ln.text.strip()) else None
                if name is None or _UNIT_LINE.match(name.text) or name.no in layout.claimed:
                    layout.claim([ln], "table_caption")
                    return ln.text
                layout.claim([ln, name], "table_caption")
                return f"{ln.text.strip()}: {name.text.strip()}"
    return None


def _unit(layout: Layout, block: TableBlock, columns: list[str]) -> str | None:
    for ln in _neighbours(layout, block, before=True) + _neighbours(layout, block, before=False, n=1):
        if _UNIT_LINE.match(ln.text) and (unit := normalize_unit(ln.text)):
            layout.claim([ln], "table_unit")
            return unit
    for name in columns:
        if unit := normalize_unit(name):
            return unit
    return None
