"""Tables as readers render them into text: a layout table (the header or the signature block laid out in
cells) as its column lines, left column first; a data table as `<table>` markup, one row per line, for the
table extractor. Which is which is the layout stage's rule (`extractors.layout_tables`)."""

from __future__ import annotations

from extractors.layout_tables import column_lines, is_layout_table
from extractors.numbering import STT_HEADER

COVERED = "covered"  # attribute of a slot under a vertically merged cell (a Word `vMerge` continuation)


def table_text_lines(cells: list[list[tuple[str, dict[str, str]]]]) -> list[str]:
    """A table read by any reader (rows of (cell text, span attributes)): a layout table as its column
    lines; a data table as `<table>` markup, one row per line, for the table extractor."""
    filled = [row for row in _slots(cells) if any(text.strip() for text in row)]
    if not filled:
        return []
    if is_layout_table(filled):
        return [line for _, line in column_lines(filled)]
    lead = _title_rows(cells)
    out = [text for row in cells[:lead] for text in dict.fromkeys(t.strip() for t, _ in row) if text]
    out.append("<table>")
    for row in cells[lead:]:
        tds = []
        for text, attrs in row:
            if COVERED in attrs:
                continue
            span = "".join(f' {k}="{v}"' for k, v in attrs.items())
            tds.append(f"<td{span}>" + "".join(f"<p>{_escape(t)}</p>" for t in text.split("\n") if t) + "</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    return [*out, "</table>"]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _title_rows(cells: list[list[tuple[str, dict[str, str]]]]) -> int:
    """Rows above the `STT …` header that only carry text across the table (an appendix laid out whole in
    one table: `PHỤ LỤC SỐ 1`, the issuing body, the title, `(Ban hành kèm theo …)`): text, not data."""
    for k, row in enumerate(cells[:8]):
        texts = [t.strip() for t, attrs in row if t.strip() and COVERED not in attrs]
        if texts and STT_HEADER.match(texts[0]):
            return k
        if len(set(texts)) > 2:
            return 0
    return 0


def _slots(cells: list[list[tuple[str, dict[str, str]]]]) -> list[list[str]]:
    """Cell texts by grid slot: a cell spanning rows (`rowspan`) leaves its column
    empty below it, so that what follows in the row stays in its own column (a signer's name under
    the position, beside a merged `Nơi nhận` cell)."""
    grid: list[list[str]] = []
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan above
    for row in cells:
        out: list[str] = []
        for text, attrs in row:
            if COVERED in attrs:
                continue  # its slot is kept by the rowspan of the cell above
            while pending.get(len(out), 0) > 0:
                pending[len(out)] -= 1
                out.append("")
            if (rows := span(attrs.get("rowspan"))) > 1:
                pending[len(out)] = rows - 1
            out.append(text)
            out += [""] * (span(attrs.get("colspan")) - 1)
        while pending.get(len(out), 0) > 0:
            pending[len(out)] -= 1
            out.append("")
        grid.append(out)
    return grid


def span(value: str | None) -> int:
    """A `colspan` / `rowspan` value as a count of slots; a missing, odd or huge one is 1."""
    return int(value) if value and value.isdigit() and 0 < int(value) <= 50 else 1
