"""Running heads and page numbers of a text with page breaks (form feeds): the lines printed at the edge of
every page that belong to no part of the document (`CÔNG BÁO/Số 59/Ngày 27-01-2026`, `63`).

Left in, they land in the middle of whatever runs over the page break: a table's rows (`63` read as a row
number), a paragraph, a section heading. Only what the pages themselves show to repeat is dropped: the
first or last line of a page, holding a number, whose text, digits aside, stands there on at least three
pages and half of them (never on the first page, whose top is the document's header), and a lone number
at a page's edge that counts the pages (its value minus the page's index the same on half the pages).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Protocol, TypeVar

_EDGE = 3  # non-blank lines at each end of a page that may be furniture (a footnote mark can come first)
PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*(\d{1,4})\s*[-–]?\s*$")  # `63`, `- 2 -`
_COLUMNS = re.compile(r"\S {3,}\S.* {3,}\S")  # two wide gaps: a fixed-width table row, not a running head
_MIN_PAGES = 3


class _Line(Protocol):
    page: int
    raw: str

    @property
    def blank(self) -> bool: ...


def page_furniture(lines: list[_Line]) -> set[int]:
    """Indexes into `lines` of the running heads and page numbers."""
    pages: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        if not ln.blank:
            pages[ln.page].append(i)
    if len(pages) < _MIN_PAGES:
        return set()
    edges = {page: sorted({*idx[:_EDGE], *idx[-_EDGE:]}) for page, idx in pages.items()}
    # the first page's top is the document's own header: it is never furniture
    outer = {page: [idx[0], idx[-1]] for page, idx in pages.items() if page != min(pages)}
    return _running_heads(lines, outer) | _page_numbers(lines, edges)


def _key(raw: str) -> str:
    return re.sub(r"\d+", "#", " ".join(raw.split())).casefold()


def _running_heads(lines: list[_Line], edges: dict[int, list[int]]) -> set[int]:
    seen = Counter(k for idx in edges.values() for k in {_key(lines[i].raw) for i in idx
                                                         if not _COLUMNS.search(lines[i].raw.strip())})
    # a running head carries a number (issue, date, page): a table header or a signer's name repeated at
    # the top or foot of pages does not, and is the document's own
    repeated = {k for k, n in seen.items() if n >= max(_MIN_PAGES, len(edges) / 2) and "#" in k
                and re.search(r"[^\W\d_]", k)}
    return {i for idx in edges.values() for i in idx if _key(lines[i].raw) in repeated}


def _page_numbers(lines: list[_Line], edges: dict[int, list[int]]) -> set[int]:
    found = [(i, int(m.group(1)) - page) for page, idx in edges.items() for i in idx
             if (m := PAGE_NUMBER.match(lines[i].raw))]
    # one numbering, on half the pages or more: row numbers at a page's edge seldom count the pages twice
    counting = Counter(offset for _, offset in found).most_common(1)
    if not counting or counting[0][1] < max(2, len(edges) // 2):
        return set()
    return {i for i, offset in found if offset == counting[0][0]}


L = TypeVar("L", bound=_Line)


def drop_page_furniture(lines: list[L]) -> list[L]:
    furniture = page_furniture(lines)
    return [ln for i, ln in enumerate(lines) if i not in furniture]
