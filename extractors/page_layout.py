"""Positioned words → the same `Layout` the text path builds, in reading order.

Geometry decides the order, not the PDF's content stream: lines are words sharing a baseline;
a line splits into segments at wide gaps; runs of lines made only of left- and right-half
segments are the two-column blocks (agency | motto at the top, Nơi nhận | signature at the end)
and are read left column first. Tables found on the page are placed where they stand; a table
that ends one page and starts the next with as many columns is one table.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, replace

from extractors.columns import reading_order
from extractors.layout import Layout, Line, TableBlock
from extractors.layout_tables import column_lines as table_column_lines
from extractors.layout_tables import is_layout_table
from normalizers import normalize_text
from normalizers.lexicon import is_syllable, repair_glyphs
from normalizers.text import repair_caps_case
from pipeline.positioned import PageContent, TableGrid, Word


@dataclass(slots=True)
class Segment:
    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)


def layout_from_pages(pages: list[PageContent]) -> Layout:
    items: list[Segment | TableGrid] = []
    for page in pages:
        items += _page_items(page)
    return _assemble(items)


# ── one page ────────────────────────────────────────────────────────────────────────────────


def _page_items(page: PageContent) -> list[Segment | TableGrid]:
    words = [w for w in page.words if not any(_inside(w, t.bbox) for t in page.tables)]
    lines = _lines(words)
    if page.number > 1 and lines and _is_page_number(lines[0], page):
        lines = lines[1:]
    ordered = _reading_order(lines, page.width, _text_middle(words, page.width))
    return _insert_tables(ordered, sorted(page.tables, key=lambda t: t.bbox[1]))


def _inside(w: Word, bbox: tuple[float, float, float, float]) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _lines(words: list[Word]) -> list[list[Segment]]:
    """Words → lines (shared baseline) → segments (split at gaps wider than ~2 word heights)."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        mid = (w.top + w.bottom) / 2
        if rows and _same_row(rows[-1], w, mid):
            rows[-1].append(w)
        else:
            rows.append([w])
    heights = [w.bottom - w.top for w in words] or [10.0]
    gap = max(14.0, 1.3 * statistics.median(heights))  # word spaces are ~0.3 em even when justified
    out = []
    for row in rows:
        row.sort(key=lambda w: w.x0)
        segs = [Segment([row[0]])]
        for w in row[1:]:
            if w.x0 - segs[-1].words[-1].x1 > gap:
                segs.append(Segment([w]))
            elif _split_syllable(segs[-1].words[-1], w):
                segs[-1].words[-1] = _joined(segs[-1].words[-1], w)
            else:
                segs[-1].words.append(w)
        out.append(segs)
    return out


def _split_syllable(a: Word, b: Word) -> bool:
    """`TRƯỜN G`, `Ngọ c`: one syllable cut in two by OCR or kerning. Touching or nearly (a word space is
    ~0.3 of the height, measured on OCR'd pages), neither piece a syllable of its own (or the second a lone
    letter), together a syllable, in one case."""
    if not (a.text.isalpha() and b.text.isalpha()) or b.x0 - a.x1 > 0.15 * (b.bottom - b.top):
        return False
    if a.text.isupper() != b.text.isupper() and not b.text.islower():
        return False
    both = is_syllable(a.text) and is_syllable(b.text)
    return (not both or len(b.text) == 1) and is_syllable(a.text + b.text)


def _joined(a: Word, b: Word) -> Word:
    confs = [c for c in (a.conf, b.conf) if c is not None]
    return replace(a, text=a.text + b.text, x1=b.x1, top=min(a.top, b.top), bottom=max(a.bottom, b.bottom),
                   conf=min(confs) if confs else None)


def _same_row(row: list[Word], w: Word, mid: float) -> bool:
    if w.line_id is not None and row[0].line_id is not None and row[0].line_id == w.line_id:
        return True
    top = min(x.top for x in row)
    bottom = max(x.bottom for x in row)
    # measured against the row's word nearest across, not its last one: a signer column's words, between
    # two lines of recipients, would otherwise chain the next recipient line into this one
    near = min(row, key=lambda x: abs(x.x0 - w.x0))
    return top <= mid <= bottom and abs(mid - (near.top + near.bottom) / 2) < (w.bottom - w.top) * 0.6


def _is_page_number(line: list[Segment], page: PageContent) -> bool:
    text = " ".join(w.text for s in line for w in s.words)
    return text.strip("- ").isdigit() and line[0].top < page.height * 0.12


def _reading_order(lines: list[list[Segment]], width: float, middle: float) -> list[Segment]:
    """Two-column runs are read left column first; everything else line by line."""
    return [s for s in reading_order(lines, width, lambda a, b: Segment(a.words + b.words), middle, _is_text)
            if not isinstance(s, int)]


def _is_text(seg: Segment) -> bool:
    """A Vietnamese syllable, or a word OCR is fairly sure of (a text layer's words always are)."""
    return any(sum(ch.isalpha() for ch in w.text) >= 2 and (
        w.conf is None or w.conf >= 50 or is_syllable(w.text.strip(_PUNCTUATION))) for w in seg.words)


_PUNCTUATION = ".,;:()[]\"'“”‘’-–"


def _text_middle(words: list[Word], width: float) -> float:
    """The middle of where the page's text runs: a scan often sits off-centre on its sheet (and Nghị định
    30 margins are wider on the left), and a centred title is centred on the text, not on the sheet.
    The outermost 2 % of words on each side (specks, a stamp in the margin) do not count."""
    if len(words) < 50:
        return width / 2
    lefts, rights = sorted(w.x0 for w in words), sorted(w.x1 for w in words)
    cut = len(words) // 50
    return (lefts[cut] + rights[-1 - cut]) / 2


def _insert_tables(segments: list[Segment], tables: list[TableGrid]) -> list[Segment | TableGrid]:
    out: list[Segment | TableGrid] = []
    pending = list(tables)
    for seg in segments:
        while pending and pending[0].bbox[1] <= seg.top:
            out.append(pending.pop(0))
        out.append(seg)
    return out + pending


def _width(t: TableGrid) -> int:
    return max(len(r) for r in t.rows)


# ── assemble the Layout ─────────────────────────────────────────────────────────────────────


def _assemble(items: list[Segment | TableGrid]) -> Layout:
    lines: list[Line] = []
    tables: list[TableBlock] = []
    parts: list[str] = []
    offset, page = 0, 1

    def add(text: str, pg: int, bbox, bold=False, italic=False, conf=None) -> Line:
        nonlocal offset, page
        if pg != page:
            parts.append("\f")
            offset += 1
            page = pg
        clean = repair_caps_case(repair_glyphs(normalize_text(text)))
        line = Line(len(lines) + 1, offset, offset + len(text), text, clean, pg, bold, italic, bbox, conf)
        lines.append(line)
        parts.append(text + "\n")
        offset += len(text) + 1
        return line

    items_before_is_table = False
    for item in items:
        if isinstance(item, Segment):
            ws = item.words
            # a word of the text layer (no OCR confidence: exact) makes the line no OCR guess, even among
            # OCR'd words (a number stamped into a scan's text layer)
            exact = any(w.conf is None for w in ws)
            add(" ".join(w.text for w in ws), ws[0].page, (item.x0, item.top, item.x1, max(w.bottom for w in ws)),
                bold=sum(w.bold for w in ws) * 2 > len(ws), italic=sum(w.italic for w in ws) * 2 > len(ws),
                conf=None if exact else round(statistics.fmean(w.conf for w in ws), 1))
        elif is_layout_table(texts := [[c.text if c else "" for c in row] for row in item.rows]):
            # the header or end block laid out in a (borderless) table: read as columns, not as data
            for k, text in table_column_lines(texts):
                cells = [c for c in item.rows[k] if c is not None]
                add(text, item.page, (min(c.x0 for c in cells), min(c.top for c in cells),
                                      max(c.x1 for c in cells), max(c.bottom for c in cells)))
        else:
            prev = tables[-1] if tables and items_before_is_table else None
            rows = []
            for row in item.rows:
                cells = [c for c in row if c is not None]
                box = (min(c.x0 for c in cells), min(c.top for c in cells), max(c.x1 for c in cells),
                       max(c.bottom for c in cells)) if cells else item.bbox
                confs = [c.conf for c in cells if c.conf is not None]
                text = "\t".join((c.text if c else "").replace("\n", " ") for c in row)
                rows.append(add(text, item.page, box, conf=min(confs) if confs else None))
            if prev and prev.lines[-1].page + 1 == item.page and len(prev.grid[0]) == _width(item):
                prev.lines += rows  # continued from the previous page
                prev.grid += item.rows
            else:
                tables.append(TableBlock("grid", rows, grid=list(item.rows)))
        items_before_is_table = isinstance(item, TableGrid)
    text = "".join(parts)
    # one row is no table: two columns side by side (`- Lưu: VT, TH.` | the signer's name) read as a grid
    tables = [t for t in tables if sum(bool(ln.text.strip()) for ln in t.lines) > 1]
    return Layout(text=text, lines=lines, tables=tables, table_line_nos={ln.no for t in tables for ln in t.lines})
