"""Fixed-width text (`pdftotext -layout`, other engines' layout exports): columns from character positions.

Such text prints the two-column header and end block side by side, separated by runs of spaces:
`Số: 666 /TTr-SNV        Lâm Đồng, ngày 22 tháng 12 năm 2025`. A run of three or more spaces splits
a line into segments whose character columns are their boxes, and the geometry of a PDF page
(`extractors.columns`) orders them. Lines of a fixed-width table (three or more segments on several
nearby lines) are left whole for the table reader.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from extractors.columns import reading_order
from extractors.numbering import FIGURE_CELL, LABEL_START, STT_HEADER

_SEGMENT = re.compile(r"\S+(?:[ \u00a0]{1,2}\S+)*")
# a blank left for the number or the day to be filled in by hand or by the signing system
_BLANK_LEFT = re.compile(r"(?:\bngày|\btháng|\bSố\s*:?)$", re.I)
_BLANK_RIGHT = re.compile(r"(?:tháng|năm)\b|/", re.I)
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
    out: list[TextSegment] = []
    for m in _SEGMENT.finditer(raw):
        if out and _BLANK_LEFT.search(raw[out[-1].x0:out[-1].x1]) and _BLANK_RIGHT.match(raw, m.start()):
            out[-1] = TextSegment(line, out[-1].x0, m.end())  # `ngày      tháng 8`: a day left blank, no gap
        else:
            out.append(TextSegment(line, m.start(), m.end()))
    return out


def table_rows(split: list[list[TextSegment]], raws: list[str]) -> set[int]:
    """Indexes of lines inside fixed-width tables: clusters of lines with 3+ segments, and what lies between.
    A numbered line with two segments (`3.    Kết quả giải quyết TTHC`: a row with no figures), or a row
    number alone at the left (its label wrapped onto the lines above and below it), keeps a cluster
    together but does not make one."""
    many = {i for i, segs in enumerate(split) if len(segs) >= _TABLE_MIN_SEGMENTS}
    width = max((segs[-1].x1 for segs in split if segs), default=80)
    numbered = {i for i, segs in enumerate(split)
                if (len(segs) == 2 or (len(segs) == 1 and segs[0].x0 <= _STT_MAX_INDENT
                                       and not _footnote(split, i, width)))
                and _ROW_NUMBER.match(raws[i][segs[0].x0:segs[0].x1])}
    rows: set[int] = set()
    cluster: list[int] = []
    for i in [*sorted(many | numbered), None]:
        if i is not None and cluster and i - cluster[-1] <= _TABLE_MAX_GAP + 1:
            cluster.append(i)
            continue
        if sum(k in many for k in cluster) >= _TABLE_MIN_LINES:
            rows.update(range(cluster[0], _wrapped_label_end(split, cluster[-1]) + 1))
        cluster = [] if i is None else [i]
    return rows


def _footnote(split: list[list[TextSegment]], i: int, width: int) -> bool:
    """A number alone over a sentence that runs from the margin across the page: a footnote's marker and
    text at the foot of a page, not a row number with its label wrapped around it."""
    nxt = next((segs for segs in split[i + 1 : i + 3] if segs), [])
    return len(nxt) == 1 and nxt[0].x0 <= _STT_MAX_INDENT and nxt[0].x1 - nxt[0].x0 >= 0.85 * width


def _wrapped_label_end(split: list[list[TextSegment]], last: int) -> int:
    """The last row's label may wrap onto the lines below it (`Tổng số DVCTT có phát sinh hồ` / `sơ trực
    tuyến …)`, its number printed between the two): single segments starting at the column of a cell of the
    last lines belong to the table."""
    starts = {seg.x0 for segs in split[max(last - 2, 0):last + 1] for seg in segs if seg.x0 > _STT_MAX_INDENT}
    end = last
    while end + 1 < len(split) and len(split[end + 1]) == 1 and split[end + 1][0].x0 > _STT_MAX_INDENT \
            and any(abs(split[end + 1][0].x0 - x) <= 1 for x in starts):
        end += 1
    return end


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
    rows = table_rows(list(split.values()), [raws[i] for i in page])
    whole = {i for i in keep_whole if i in split} | {page.start + k for k in rows}
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


# ── fixed-width tables ───────────────────────────────────────────────────────────────────────

_HEADING = re.compile(r"(?:\d{1,2}|[IVXLC]+|[a-zđ])[.)]\s+[^\W\d]")
_STT_MAX_INDENT = 8  # characters: the STT column is the table's first
_GROUPED = re.compile(r"^-?\d{1,3}(?:[.,]\d{3})+(?:,\d+)?$")
_ROW_NUMBER = re.compile(r"^(?:[IVXLC]+|\d{1,4}(?:\.\d{1,3})*|[a-zđ]|\(\d{1,3}\)|[A-Z](?:\.[A-Z0-9]+)*)[.)]?$")


def table_regions(raws: list[str]) -> list[range]:
    """Fixed-width tables: clusters of lines with 3+ segments, widened upwards over the header lines
    (2+ segments, no blank between) that sit on top of them."""
    split = [segments(raw, i) for i, raw in enumerate(raws)]
    rows = sorted(table_rows(split, raws))
    regions: list[range] = []
    for i in rows:
        if regions and i == regions[-1].stop:
            regions[-1] = range(regions[-1].start, i + 1)
        else:
            regions.append(range(i, i + 1))
    regions = _with_headed_regions(regions, split, raws)
    out = []
    for r in regions:
        start = r.start
        while start > 0 and start - 1 not in rows and _header_line(split[start - 1]):
            start -= 1
        if start > 0 and split[start] and split[start - 1] and STT_HEADER.match(_column_head(split, raws, start)):
            start -= 1  # the first fragment of a header cell wrapped over lines (`Số thứ` / `tự`)
        out.append(range(start, r.stop))
    return out


def _with_headed_regions(regions: list[range], split: list[list[TextSegment]], raws: list[str]) -> list[range]:
    """Tables whose rows have one or two columns of text, found from their `STT …` header line down to the
    first line of prose: their wrapped cells rarely leave three segments on a line (a table found from its
    rows already is left as found)."""
    width = max((segs[-1].x1 for segs in split if segs), default=80)
    found = list(regions)
    for i, segs in enumerate(split):
        if len(segs) < 2 or not STT_HEADER.match(_column_head(split, raws, i)):
            continue
        end = i + 1
        # a wrapped label runs as wide as prose: prose has no row number on the next line
        while end < len(split) and not (_prose_line(split[end], raws[end], width)
                                        and not (end + 1 < len(split) and _numbered(split[end + 1], raws[end + 1]))):
            end += 1
        while end > i + 1 and not split[end - 1]:
            end -= 1
        overlaps = any(r.start < end and i < r.stop for r in found)  # the header repeated on the next page
        if not overlaps and any(_numbered(split[k], raws[k]) for k in range(i + 1, end)):
            found.append(range(i, end))
    return sorted(found, key=lambda r: r.start)


def _column_head(split: list[list[TextSegment]], raws: list[str], i: int) -> str:
    """The first column's header at line i: the segment at the left margin, with the fragments above and
    under it that a header cell centred on several lines wraps onto (`Số thứ` / `tự`)."""
    parts = []
    for k in range(max(i - 1, 0), min(i + 2, len(split))):
        first = split[k][0] if split[k] else None
        if first and first.x0 <= _STT_MAX_INDENT and (k == i or first.x1 - first.x0 <= 8):
            parts.append(raws[k][first.x0 : first.x1])
    return " ".join(parts)


def _prose_line(segs: list[TextSegment], raw: str, width: int) -> bool:
    """A line of body text after the table: one run of words from the left margin to the right, or a numbered
    heading (`3. Mô hình …`: a row's wrapped label never starts with a number)."""
    return len(segs) == 1 and ((segs[0].x0 <= _STT_MAX_INDENT and segs[0].x1 >= 0.85 * width)
                               or bool(_HEADING.match(raw, segs[0].x0)))


def _numbered(segs: list[TextSegment], raw: str) -> bool:
    """A row's line: its first segment, at the left, is a row number (alone when the cells are centred)."""
    return bool(segs) and segs[0].x0 <= _STT_MAX_INDENT and bool(_ROW_NUMBER.match(raw[segs[0].x0 : segs[0].x1]))


def _header_line(segs: list[TextSegment]) -> bool:
    """A line of a table's header: several cells, or one indented fragment of a wrapped column name
    (a caption or heading starts at the left margin)."""
    return len(segs) >= 2 or (len(segs) == 1 and segs[0].x0 > 10)


def parse_table(raws: list[str]) -> list[list[str]]:
    """One fixed-width table → rows of cell texts, the header lines merged into the first row.

    Columns are the gaps that every data line leaves open. A data row is a line with a row number in
    the first column (or, with no numbered rows, a line filling 3+ columns); the lines between rows are
    wrapped cell text, given to the nearer row — to the row whose label cell is empty on its own line
    when both are as near (cells centred vertically print text above and below their row's number)."""
    split = [_figures_apart(_number_apart(segments(raw, 0), raw), raw) for raw in raws]
    data = _data_lines(split, raws)
    if not data:
        return []
    wide = [split[i] for i in data if len(split[i]) >= 3 and not _column_numbers(split[i], raws[i])]
    # a numbered row with its label only (a group heading) has the row number's column
    numbers = [split[i][:1] for i in data if len(split[i]) == 2 and _numbered(split[i], raws[i])]
    cols = _columns(wide + numbers if len(wide) >= 2 else split[_body_start(split, raws, data) :])
    cells = [_assign(segs, cols, raws[k]) for k, segs in enumerate(split)]
    label = _label_column(cells, data)
    _labels_back_from_the_margin(cells, data, label)
    wrapped = _row_lines(split, raws, data, cells, label)
    # the first row's cell, centred, prints as many lines above its number as below it
    first = data[0]
    above = len(wrapped[first]) - 1 if not cells[first][label] else 0
    lifted = [k for k in range(first - 1, -1, -1) if split[k]][:above]
    wrapped[first] += lifted
    header = [" ".join(filter(None, (cells[k][c] for k in range(first) if k not in lifted))) for c in range(len(cols))]
    rows = [[" ".join(filter(None, (cells[k][c] for k in sorted(wrapped[i])))) for c in range(len(cols))]
            for i in data]
    return _one_number_column([header] * any(header) + rows, label)


def _labels_back_from_the_margin(cells: list[list[str]], data: list[int], label: int) -> None:
    """A label wrapped back to the margin (`IV. Nhà ở, điện nước, chất đốt và` / `VLXD`) is the label's."""
    for k in range(data[0], len(cells)):
        if label and k not in data and cells[k][0] and not _ROW_NUMBER.match(cells[k][0]):
            cells[k][label], cells[k][0] = f"{cells[k][0]} {cells[k][label]}".strip(), ""


def _row_lines(split: list[list[TextSegment]], raws: list[str], data: list[int], cells: list[list[str]],
               label: int) -> dict[int, list[int]]:
    """Each row's lines, in order: its own and the wrapped ones nearest to it; the header printed again on
    a new page belongs to no row."""
    wrapped: dict[int, list[int]] = {i: [i] for i in data}
    header_lines = {" ".join(raw.split()) for raw in raws[: data[0]]} - {""}
    for k in range(data[0], len(raws)):
        if split[k] and k not in wrapped and " ".join(raws[k].split()) not in header_lines:
            wrapped[_owner(k, data, cells, label)].append(k)
    return wrapped


def _one_number_column(rows: list[list[str]], label: int) -> list[list[str]]:
    """`III` | `1` | label: groups and their items numbered in two columns make one STT column."""
    if label != 2 or not all(not (r[0] and r[1]) and (not r[1] or _ROW_NUMBER.match(r[1])) for r in rows[1:]):
        return rows
    return [[r[0] or r[1], *r[2:]] for r in rows]


# `2.2.1. Tổng số …`, `1. Số …`, `I. Hàng ăn …` and `III Vay các tổ chức …`, `1 Vay Ngân hàng …` (an Excel
# sheet's STT column printed a space from its label): a number, then one space and a label's capital; parts of
# two digits at most (`1.000 tấn đến 1.500 tấn` is a wrapped label, not row 1.000)
_GLUED_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})+\.?(?= \S)|\d{1,3}\.(?= [^\W\d])"
                           rf"|(?:[IVXLC]{{1,5}}|\d{{1,3}})\.?(?= {LABEL_START})")


def _number_apart(segs: list[TextSegment], raw: str) -> list[TextSegment]:
    """`2.2.1. Tổng số VBQPPL …`: a long row number leaves one space before its label, too little for a
    column gap; a row number at the start of the line's first segment is a cell of its own."""
    if not segs or not (m := _GLUED_NUMBER.match(raw, segs[0].x0)):
        return segs
    first = segs[0]
    return [TextSegment(first.line, first.x0, m.end()), TextSegment(first.line, m.end() + 1, first.x1), *segs[1:]]


def _figures_apart(segs: list[TextSegment], raw: str) -> list[TextSegment]:
    """`93.671 366.928`, `Nội nghiệp 17.819.055`: figures of adjacent columns printed one space apart are
    cells of their own, and so is a grouped amount one space after a label."""
    out: list[TextSegment] = []
    for s in segs:
        words = [TextSegment(s.line, s.x0 + m.start(), s.x0 + m.end()) for m in re.finditer(r"\S+", raw[s.x0 : s.x1])]
        texts = [raw[w.x0 : w.x1] for w in words]
        if len(words) > 1 and _figures(raw[s.x0 : s.x1]) and any(t != "-" for t in texts):
            out += words
        elif len(words) > 1 and _GROUPED.match(texts[-1]) and not _figures(texts[-2]):
            out += [TextSegment(s.line, s.x0, words[-2].x1), words[-1]]
        else:
            out.append(s)
    return out


def _data_lines(split: list[list[TextSegment]], raws: list[str]) -> list[int]:
    """Lines holding a row number: with the row's cells, or alone in the STT column (cells centred on it)."""
    numbered = [i for i, segs in enumerate(split) if _ROW_NUMBER.match(raws[i][segs[0].x0 : segs[0].x1] if segs else "")
                and (len(segs) >= 2 or segs[0].x0 <= _STT_MAX_INDENT)]
    headed = any(STT_HEADER.match(raw.split()[0]) for raw in raws[: numbered[0]] if raw.split()) if numbered else False
    if len(numbered) < 2 and not headed:
        numbered = []
    figured = [i for i, segs in enumerate(split) if len(segs) >= 3 and i not in numbered
               and sum(_figures(raws[i][s.x0 : s.x1]) for s in segs[1:]) >= 2]
    # a row without a number (`Tổng cộng`, `Nội nghiệp` under a numbered task) is a row when it has figures:
    # a wrapped cell's line never holds two of them
    return sorted([*numbered, *figured]) if numbered else [i for i, segs in enumerate(split) if len(segs) >= 3]


def _column_numbers(segs: list[TextSegment], raw: str) -> bool:
    """`a   b   1   2   3`: the row numbering the columns, centred in them, says little of their edges."""
    return all(s.x1 - s.x0 <= 3 for s in segs)


def _figures(text: str) -> bool:
    """Figures or dashes (an empty cell) only."""
    return all(FIGURE_CELL.match(word) for word in text.split())


def _body_start(split: list[list[TextSegment]], raws: list[str], data: list[int]) -> int:
    """The first line under the header: after the `STT …` line, else the first row's."""
    stt = next((k for k in range(data[0]) if split[k] and STT_HEADER.match(raws[k][split[k][0].x0 : split[k][0].x1])),
               None)
    return data[0] if stt is None else stt + 1


def _columns(lines: list[list[TextSegment]]) -> list[tuple[int, int]]:
    """Column spans: the union of the data lines' segments, split where no data line has text."""
    spans = sorted((s.x0, s.x1) for segs in lines for s in segs)
    cols: list[list[int]] = []
    for x0, x1 in spans:
        if cols and x0 < cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return [part for a, b in cols for part in _split_column(a, b, lines)]


def _split_column(x0: int, x1: int, lines: list[list[TextSegment]]) -> list[tuple[int, int]]:
    """Right-aligned figures of different widths overlap from line to line and close the gaps between their
    columns; a line holding several cells in one span shows where its columns part."""
    inside = max(([s for s in segs if x0 <= s.x0 and s.x1 <= x1] for segs in lines), key=len, default=[])
    if len(inside) < 2:
        return [(x0, x1)]
    cuts = [(a.x1 + b.x0) // 2 for a, b in zip(inside, inside[1:])]
    return list(zip([x0, *cuts], [*cuts, x1]))


def _assign(segs: list[TextSegment], cols: list[tuple[int, int]], raw: str) -> list[str]:
    """Each segment's text into the column it overlaps most (the nearest when it overlaps none); a text
    running over several columns (a group heading's label) into the column it starts in."""
    placed: dict[int, list[TextSegment]] = {}
    for s in segs:
        spanned = [c for c in range(len(cols)) if s.x0 < cols[c][1] and cols[c][0] < s.x1]
        if len(spanned) > 2 and not _figures(raw[s.x0 : s.x1]):
            best = spanned[0]
        else:
            best = max(range(len(cols)), key=lambda c: (min(s.x1, cols[c][1]) - max(s.x0, cols[c][0]),
                                                       -abs(_centre(s) - sum(cols[c]) / 2)))
        placed.setdefault(best, []).append(s)
        _part_figures(placed, best, cols, raw)
    return [" ".join(raw[s.x0 : s.x1] for s in placed.get(c, [])) for c in range(len(cols))]


def _part_figures(placed: dict[int, list[TextSegment]], col: int, cols: list[tuple[int, int]], raw: str) -> None:
    """Two figures in one column: right-aligned figures of varying widths drift by a few characters from
    line to line; the one nearer a free neighbouring column moves there."""
    if len(placed[col]) != 2 or not all(_figures(raw[s.x0 : s.x1]) for s in placed[col]):
        return
    left, right = placed[col]
    moves = [(abs(_centre(left) - sum(cols[col - 1]) / 2), col - 1, left)] if col > 0 and col - 1 not in placed else []
    if col + 1 < len(cols) and col + 1 not in placed:
        moves.append((abs(_centre(right) - sum(cols[col + 1]) / 2), col + 1, right))
    if moves:
        _, target, seg = min(moves, key=lambda m: m[0])
        placed[col].remove(seg)
        placed[target] = [seg]


def _centre(s: TextSegment) -> float:
    return (s.x0 + s.x1) / 2


def _label_column(cells: list[list[str]], data: list[int]) -> int:
    """The column of the rows' labels: the one holding the most letters in the body, wrapped lines
    included (the column after the row number, unless a table numbers its groups and their items in two
    columns: `III` | `1` | label)."""
    if len(cells[data[0]]) == 1:
        return 0
    body = cells[data[0] :]
    worded = [sum(sum(c.isalpha() for c in line[col]) for line in body if not _ROW_NUMBER.match(line[col]))
              for col in range(len(cells[data[0]]))]
    return max(range(1, len(worded)), key=lambda col: (worded[col], -col))


def _owner(k: int, data: list[int], cells: list[list[str]], label: int) -> int:
    at = bisect_left(data, k)  # data lines are in order
    before = data[at - 1] if at else None
    after = data[at] if at < len(data) else None
    if before is None or after is None:
        return after if before is None else before
    if k - before != after - k:
        return before if k - before < after - k else after
    own = cells[after][label]
    # the next row's label goes on from this line when it starts in lower case (`Tổng số hồ sơ của DVCTT
    # (gồm hồ sơ nộp trực tuyến` / `4.3.1. + trực tiếp)`)
    return after if not own or (own[:1].islower() or not own[:1].isalnum()) and cells[k][label][:1].isupper() \
        else before
