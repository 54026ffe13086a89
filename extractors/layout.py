"""Lines and blocks: the text as the extractors see it, each line keeping its offsets into the source.

Upstream OCR text marks emphasis with Markdown (`**bold**`, `*italic*`) or HTML (`<i>`), separates
table cells with tabs or writes `<table>` markup, and marks page breaks with form feeds. This module
turns that into plain lines with `bold`/`italic` flags, and groups table lines into table blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.column_tables import find_column_tables
from extractors.fixed_width import column_order, parse_table, table_regions
from extractors.flat_tables import find_tables, items_of
from extractors.layout_tables import column_lines as table_column_lines
from extractors.layout_tables import html_table_cells, is_layout_table
from extractors.numbering import ROW_NUMBER
from extractors.page_furniture import PAGE_NUMBER, drop_page_furniture
from normalizers import normalize_text
from normalizers.lexicon import repair_glyphs
from normalizers.text import repair_caps_case
from pipeline.model import Span

_TAG = re.compile(r"<[^>]+>")
_STARS = re.compile(r"\*+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_SPACES = re.compile(r"[ \u00a0]+")
_HTML_TABLE_OPEN = re.compile(r"<table\b", re.I)
_HTML_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")


@dataclass(slots=True)
class Line:
    """One source line; `text` is normalized and free of markup."""

    no: int
    start: int
    end: int
    raw: str
    text: str
    page: int = 1
    bold: bool = False
    italic: bool = False
    bbox: tuple[float, float, float, float] | None = None  # PDF points, when read from a page
    conf: float | None = None  # mean OCR confidence of its words
    source_line: int | None = None  # the source line, when reading order put this text elsewhere

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """Provenance of this line, or of text[start:end] (offsets are approximate after markup removal)."""
        end = len(self.raw) if end is None else end
        return Span(line=self.source_line or self.no, start=self.start + start,
                    end=self.start + min(end, len(self.raw)), page=self.page,
                    bbox=list(self.bbox) if self.bbox else None, confidence=self.conf)


@dataclass(slots=True)
class TableBlock:
    """Consecutive lines that form one table (page breaks inside it already bridged)."""

    kind: str  # "tsv" | "html" | "pipe" | "grid" (found on a page: cells already known)
    lines: list[Line]
    grid: list[list] | None = None  # for "grid": rows of GridCell | None, one row per line


@dataclass(slots=True)
class Layout:
    text: str
    lines: list[Line]
    tables: list[TableBlock] = field(default_factory=list)
    table_line_nos: set[int] = field(default_factory=set)
    claimed: dict[int, str] = field(default_factory=dict)  # line no → what an extractor used it for

    def body(self) -> list[Line]:
        """Non-blank lines outside tables, in order."""
        return [ln for ln in self.lines if not ln.blank and ln.no not in self.table_line_nos]

    def free(self) -> list[Line]:
        """Body lines no extractor has claimed yet."""
        return [ln for ln in self.body() if ln.no not in self.claimed]

    def claim(self, lines: list[Line], role: str) -> None:
        for ln in lines:
            self.claimed.setdefault(ln.no, role)

    def zone_of(self, line: Line, body_start: int) -> str:
        """What the extractors took a line for; unclaimed lines are `head` before the body, `body` after."""
        if line.no in self.claimed:
            return self.claimed[line.no]
        if line.no in self.table_line_nos:
            return "table"
        return "body" if line.no > body_start else "head"


# Markdown from Word (pandoc): `\-` for a dash that starts a line, `\*`, and a backslash that ends a line
_MD_ESCAPE = re.compile(r"\\([-*_`#+.!|~<>()\[\]{}\\])")
_MD_HARD_BREAK = re.compile(r"\\(?=\s|$)")


def clean_inline(raw: str) -> str:
    """Normalized text of a line without Markdown/HTML markup."""
    s = _MD_HEADING.sub("", repair_caps_case(repair_glyphs(normalize_text(raw))))  # `## ỦY BAN …`: Markdown
    s = _TAG.sub(" ", s)
    s = _MD_ESCAPE.sub(r"\1", _MD_HARD_BREAK.sub(" ", s))
    if s.strip() not in ("*", "(*)"):
        s = _STARS.sub("", s)
    return _SPACES.sub(" ", s.replace("\t", " ")).strip()


def split_lines(text: str) -> list[Line]:
    """Split into lines with offsets, page numbers (form feeds) and emphasis flags."""
    lines: list[Line] = []
    offset, page, bold_open = 0, 1, False
    for no, raw in enumerate(text.split("\n"), start=1):
        end = offset + len(raw)
        page += raw.count("\f")
        body = raw.replace("\f", "").rstrip("\r")
        stripped = body.strip()
        n_bold = stripped.count("**")
        bold = bold_open or stripped.startswith(("**", "#"))  # a Markdown heading is set in bold
        if n_bold % 2:
            bold_open = not bold_open
        italic = bool(re.match(r"^(<i>|\*[^*])", stripped)) and not stripped.startswith("**")
        lines.append(Line(no, offset, end, body, clean_inline(body), page, bold and bool(stripped), italic))
        offset = end + 1
    return lines


def _is_tsv(line: Line) -> bool:
    return "\t" in line.raw.strip("\n") and bool(line.raw.replace("\t", "").strip())


def find_table_blocks(lines: list[Line]) -> list[TableBlock]:
    """Group tab-separated, HTML and pipe-table lines into blocks; bridge blank lines (page breaks)."""
    blocks: list[TableBlock] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if _HTML_TABLE_OPEN.search(ln.raw):
            j = i
            while j < len(lines) - 1 and not _HTML_TABLE_CLOSE.search(lines[j].raw):
                j += 1
            blocks.append(TableBlock("html", lines[i : j + 1]))
            i = j + 1
            continue
        for kind, test in (("tsv", _is_tsv), ("pipe", lambda x: bool(_PIPE_ROW.match(x.raw)))):
            if test(ln):
                j = _extend(lines, i, test)
                blocks.append(TableBlock(kind, [x for x in lines[i:j] if not x.blank]))
                i = j
                break
        else:
            i += 1
    return _join_html_continuations(blocks)


def _extend(lines: list[Line], i: int, test) -> int:
    """End index of the table starting at i: table lines, and blank runs followed by more table lines."""
    j = i
    while j < len(lines):
        if test(lines[j]):
            j += 1
            continue
        k = j
        while k < len(lines) and lines[k].blank:
            k += 1
        if k > j and k < len(lines) and test(lines[k]):
            j = k
            continue
        break
    return j


def _join_html_continuations(blocks: list[TableBlock]) -> list[TableBlock]:
    """An HTML table cut by a page break arrives as two <table> elements with only blanks between."""
    out: list[TableBlock] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev and prev.kind == b.kind == "html" and b.lines[0].no - prev.lines[-1].no <= 3:
            prev.lines.extend(b.lines)
            continue
        out.append(b)
    return out


def column_lines(lines: list[Line], tables: list[TableBlock]) -> list[Line]:
    """Fixed-width two-column runs (header, end block) re-read left column first; lines renumbered in
    reading order, each keeping its source line and exact offsets."""
    keep = {ln.no - 1 for t in tables for ln in t.lines} | {i for i, ln in enumerate(lines) if "<" in ln.raw}
    out: list[Line] = []
    for seg in column_order([ln.raw for ln in lines], [ln.page for ln in lines], keep):
        src = lines[seg] if isinstance(seg, int) else lines[seg.line]
        if isinstance(seg, int) or (seg.x0, seg.x1) == (0, len(src.raw)) or src.no - 1 in keep:
            line = src
        else:
            raw = src.raw[seg.x0 : seg.x1]
            line = Line(0, src.start + seg.x0, src.start + seg.x1, raw, clean_inline(raw), src.page, src.bold,
                        src.italic)
        line.source_line, line.no = src.source_line or src.no, len(out) + 1
        out.append(line)
    return out


_BR = re.compile(r"<br\s*/?>", re.I)


def layout_table_lines(lines: list[Line], tables: list[TableBlock]) -> list[Line]:
    """Pipe and HTML tables that lay out the header or the signature block become lines, left column first."""
    replaced: dict[int, list[Line]] = {}
    for block in tables:
        if block.kind == "html":  # other engines' Markdown carries HTML tables; a row's span is the table's
            cells = html_table_cells("\n".join(ln.raw for ln in block.lines))
            first, last = block.lines[0], block.lines[-1]
            spans = [(first.no, first.start, last.end, first.page)] * len(cells)
        elif block.kind == "pipe":
            rows = [ln for ln in block.lines if not _PIPE_RULE.match(ln.raw)]
            cells = [[_BR.sub("\n", c) for c in ln.raw.strip().strip("|").split("|")] for ln in rows]
            spans = [(ln.no, ln.start, ln.end, ln.page) for ln in rows]
        else:
            continue
        if cells and is_layout_table(cells):
            replaced |= {ln.no: [] for ln in block.lines}
            replaced[block.lines[0].no] = [Line(spans[k][0], spans[k][1], spans[k][2], text, clean_inline(text),
                                                spans[k][3]) for k, text in table_column_lines(cells)]
    out = [new for ln in lines for new in replaced.get(ln.no, [ln])]
    for no, ln in enumerate(out, start=1):
        ln.source_line, ln.no = ln.source_line or ln.no, no
    return out


def fixed_width_table_lines(lines: list[Line]) -> list[Line]:
    """Fixed-width tables (`pdftotext -layout`) become tab-separated rows, one line per row with the
    offsets of the source lines it spans; a table continued on the next page (only blanks and a page
    number between, as many columns) is one table, its repeated header dropped."""
    out: list[Line] = []
    done, width = 0, 0  # lines[:done] are placed; the column count of the table placed last
    for region in _table_regions(lines):
        rows = parse_table([ln.raw for ln in lines[region.start : region.stop]])
        if not rows:
            continue
        between = lines[done : region.start]
        if out and len(rows[0]) == width and all(ln.blank or PAGE_NUMBER.match(ln.raw) for ln in between):
            if not _numbered_row(rows[0]):
                rows = rows[1:]  # continued on this page, under its header printed again
        else:
            out += between
        src = lines[region.start : region.stop]
        out += [Line(src[0].no, src[0].start, src[-1].end, raw, clean_inline(raw.replace("\t", " ")), src[0].page)
                for raw in ("\t".join(cells) for cells in rows)]
        done, width = region.stop, len(rows[0]) if rows else width
    out += lines[done:]
    for no, ln in enumerate(out, start=1):
        ln.source_line, ln.no = ln.source_line or ln.no, no
    return out


def _numbered_row(cells: list[str]) -> bool:
    """A row of data (`1.4 | Phối hợp …`), not a header or its column numbers (`1 | 2 | 3`)."""
    return bool(ROW_NUMBER.match(cells[0].strip())) and any(c.isalpha() for c in "".join(cells[1:]))


def column_table_lines(lines: list[Line]) -> list[Line]:
    """Tables serialized column by column (plain `pdftotext`) become tab-separated rows, each with the
    offsets of the whole table's source lines."""
    out: list[Line] = []
    done = 0
    for table in find_column_tables([ln.raw if not any(c in ln.raw for c in "\t|<") else "" for ln in lines]):
        src = lines[table.first : table.end]
        out += lines[done : table.first]
        out += [Line(src[0].no, src[0].start, src[-1].end, raw, clean_inline(raw.replace("\t", " ")), src[0].page)
                for raw in ("\t".join(cells) for cells in table.rows)]
        done = table.end
    out += lines[done:]
    for no, ln in enumerate(out, start=1):
        ln.source_line, ln.no = ln.source_line or ln.no, no
    return out


def flat_table_lines(lines: list[Line]) -> list[Line]:
    """Tables flattened one cell per line or paragraph (plain `pdftotext`, copied web pages) become
    tab-separated rows, each with the offsets of the source lines it spans."""
    out: list[Line] = []
    run: list[Line] = []
    for ln in [*lines, None]:
        if ln is not None and not any(c in ln.raw for c in "\t|<"):
            run.append(ln)
            continue
        out += _flat_tables_in(run)
        run = []
        if ln is not None:
            out.append(ln)
    for no, ln in enumerate(out, start=1):
        ln.source_line, ln.no = ln.source_line or ln.no, no
    return out


def _flat_tables_in(run: list[Line]) -> list[Line]:
    items = items_of([ln.raw for ln in run])
    out: list[Line] = []
    done = 0
    for table in find_tables(items):
        begin = items[table.first].first + table.lead
        src = run[begin : items[table.end - 1].last + 1]
        out += run[done:begin]
        out += [Line(src[0].no, src[0].start, src[-1].end, raw, clean_inline(raw.replace("\t", " ")), src[0].page)
                for raw in ("\t".join(cells) for cells in table.rows)]
        done = items[table.end - 1].last + 1
    return out + run[done:]


def _table_regions(lines: list[Line]) -> list[range]:
    """Regions of fixed-width tables, page by page, among lines no other table form claims."""
    regions: list[range] = []
    start = 0
    for end in [i for i in range(1, len(lines)) if lines[i].page != lines[i - 1].page] + [len(lines)]:
        for r in table_regions([ln.raw for ln in lines[start:end]]):
            region = range(start + r.start, start + r.stop)
            if not any(c in lines[i].raw for i in region for c in "\t|<"):
                regions.append(region)
        start = end
    return regions


def build_layout(text: str) -> Layout:
    from extractors.signing_stamps import separate_signing_stamps  # it works on this module's lines

    lines, stamps = separate_signing_stamps(split_lines(text), clean_inline)
    lines = drop_page_furniture(lines)
    lines = layout_table_lines(lines, find_table_blocks(lines))
    lines = fixed_width_table_lines(lines)
    lines = column_table_lines(lines)
    lines = flat_table_lines(lines)
    lines = column_lines(lines, find_table_blocks(lines))
    tables = find_table_blocks(lines)
    table_nos = {ln.no for t in tables for ln in t.lines}
    layout = Layout(text=text, lines=lines, tables=tables, table_line_nos=table_nos)
    layout.claim([ln for ln in lines if ln.start in stamps and ln.text], "signing_stamp")
    return layout
