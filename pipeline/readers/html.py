"""HTML (saved web pages of legal portals) → text lines, with a real parser.

Scripts, styles and other non-content elements are dropped; every block element (paragraph, heading,
list item, `<br>`) is a line, its whitespace collapsed (saved Word pages hard-wrap inside paragraphs);
a block set entirely in bold keeps the mark as `**…**`. Tables that lay out the header or the
signature block are read left column first (`layout_tables`); data tables stay `<table>` markup, one
row per line, for the table extractor.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from pipeline.readers.layout_tables import table_text_lines

_DROP = ("script", "style", "noscript", "head", "template", "svg", "iframe", "object", "button", "form", "select")
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
           "footer", "nav", "aside", "main", "blockquote", "pre", "dd", "dt", "dl", "center", "address", "body"}
_BOLD = {"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6"}


def html_to_text(html: str) -> str:
    root = lxml.html.document_fromstring(html) if html.strip() else None
    if root is None:
        return ""
    etree.strip_elements(root, *_DROP, etree.Comment, with_tail=False)
    lines: list[str] = []
    _walk(root, lines, [])
    return "\n".join(lines).strip() + "\n"


def _walk(el, lines: list[str], inline: list[str]) -> None:
    """Depth-first: inline text accumulates in `inline` until a block boundary flushes it as one line."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "table":
        _flush(lines, inline)
        lines += _table_lines(el)
    elif tag == "br":
        _flush(lines, inline)
    else:
        block = tag in _BLOCKS
        if block:
            _flush(lines, inline)
        if el.text:
            inline.append(_marked(el, el.text))
        for child in el:
            _walk(child, lines, inline)
        if block:
            _flush(lines, inline)
    if el.tail:
        inline.append(el.tail)


def _marked(el, text: str) -> str:
    return f"**{text.strip()}**" if el.tag in _BOLD and text.strip() else text


def _flush(lines: list[str], inline: list[str]) -> None:
    text = " ".join("".join(inline).split())
    inline.clear()
    if text:
        lines.append(text.replace("** **", " ").replace("****", ""))


def _cell_text(cell) -> str:
    lines: list[str] = []
    inline: list[str] = [cell.text or ""]
    for child in cell:
        _walk(child, lines, inline)
    _flush(lines, inline)
    return "\n".join(lines)


def _table_lines(table) -> list[str]:
    rows = [[c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")] for tr in table.iter("tr")]
    return table_text_lines([[(_cell_text(c), {a: c.get(a) for a in ("colspan", "rowspan") if c.get(a)})
                              for c in row] for row in rows])


def html_table_cells(fragment: str) -> list[list[str]]:
    """The cell texts of the first table in an HTML fragment (a table inside Markdown), row by row."""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    table = next(root.iter("table"), None)
    if table is None:
        return []
    return [[_cell_text(c) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")] for tr in table.iter("tr")]
