"""HTML markup → text lines: every block element (paragraph, heading, list item, `<br>`) is a line, its
whitespace collapsed (saved Word pages hard-wrap inside paragraphs); a block set entirely in bold keeps the
mark as `**…**`. Shared by the HTML reader and the layout stage (HTML tables inside Markdown exports)."""

from __future__ import annotations

from collections.abc import Callable

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
          "footer", "nav", "aside", "main", "blockquote", "pre", "dd", "dt", "dl", "center", "address", "body"}
_BOLD = {"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6"}

TableLines = Callable[[object], list[str]]  # a `<table>` element → its lines


def walk(el, lines: list[str], inline: list[str], table_lines: TableLines | None = None) -> None:
    """Depth-first: inline text accumulates in `inline` until a block boundary flushes it as one line.
    A table goes to `table_lines` when given, else it is read as blocks (a table nested in a cell)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "table" and table_lines is not None:
        flush(lines, inline)
        lines += table_lines(el)
    elif tag == "br":
        flush(lines, inline)
    else:
        block = tag in BLOCKS or tag in ("table", "tr", "td", "th")
        if block:
            flush(lines, inline)
        if el.text:
            inline.append(_marked(el, el.text))
        for child in el:
            walk(child, lines, inline, table_lines)
        if block:
            flush(lines, inline)
    if el.tail:
        inline.append(el.tail)


def flush(lines: list[str], inline: list[str]) -> None:
    text = " ".join("".join(inline).split())
    inline.clear()
    if text:
        lines.append(text.replace("** **", " ").replace("****", ""))


def cell_text(cell, table_lines: TableLines | None = None) -> str:
    """A table cell's text, one line per paragraph."""
    lines: list[str] = []
    inline: list[str] = [cell.text or ""]
    for child in cell:
        walk(child, lines, inline, table_lines)
    flush(lines, inline)
    return "\n".join(lines)


def _marked(el, text: str) -> str:
    return f"**{text.strip()}**" if el.tag in _BOLD and text.strip() else text
