"""HTML (saved web pages of legal portals) → text lines, with a real parser.

Scripts, styles and other non-content elements are dropped; blocks become lines (`pipeline.markup`).
Tables that lay out the header or the signature block are read left column first; data tables stay
`<table>` markup, one row per line, for the table extractor (`table_markup`).
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from pipeline.markup import cell_text, walk
from pipeline.readers.table_markup import table_text_lines

_DROP = ("script", "style", "noscript", "head", "template", "svg", "iframe", "object", "button", "form", "select")


def html_to_text(html: str) -> str:
    root = lxml.html.document_fromstring(html) if html.strip() else None
    if root is None:
        return ""
    etree.strip_elements(root, *_DROP, etree.Comment, with_tail=False)
    lines: list[str] = []
    walk(root, lines, [], _table_lines)
    return "\n".join(lines).strip() + "\n"


def _table_lines(table) -> list[str]:
    rows = [[c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")] for tr in table.iter("tr")]
    return table_text_lines([[(cell_text(c, _table_lines), {a: c.get(a) for a in ("colspan", "rowspan") if c.get(a)})
                              for c in row] for row in rows])
