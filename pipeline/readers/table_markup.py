"""Tables as readers render them into text: a layout table (the header or the signature block laid out in
cells) as its column lines, left column first; a data table as `<table>` markup, one row per line, for the
table extractor. Which is which is the layout stage's rule (`extractors.layout_tables`)."""

from __future__ import annotations

from extractors.layout_tables import column_lines, is_layout_table


def table_text_lines(cells: list[list[tuple[str, dict[str, str]]]]) -> list[str]:
    """A table read by any reader (rows of (cell text, span attributes)): a layout table as its column
    lines; a data table as `<table>` markup, one row per line, for the table extractor."""
    filled = [[text for text, _ in row] for row in cells if any(text.strip() for text, _ in row)]
    if not filled:
        return []
    if is_layout_table(filled):
        return [line for _, line in column_lines(filled)]
    out = ["<table>"]
    for row in cells:
        tds = []
        for text, attrs in row:
            span = "".join(f' {k}="{v}"' for k, v in attrs.items())
            tds.append(f"<td{span}>" + "".join(f"<p>{_escape(t)}</p>" for t in text.split("\n") if t) + "</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    return [*out, "</table>"]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
