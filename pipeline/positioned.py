"""The positioned form every reader produces and the layout stage reads: pages of words with boxes and
style, and table grids, in PDF points.

Coordinates are PDF points (1/72 inch) with the origin at the top-left of the page, like
pdfplumber's `x0, top, x1, bottom`. OCR readers convert pixels with `72 / dpi`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    page: int  # 1-based
    conf: float | None = None  # OCR confidence 0–100; None for a text layer
    bold: bool = False
    italic: bool = False
    line_id: int | None = None  # reader's own line grouping when it has one (Tesseract block/par/line)


def words_overlap(a: Word, b: Word) -> bool:
    """Whether either word's centre lies in the other's box."""
    def centre_in(w: Word, o: Word) -> bool:
        return o.x0 <= (w.x0 + w.x1) / 2 <= o.x1 and o.top <= (w.top + w.bottom) / 2 <= o.bottom
    return centre_in(a, b) or centre_in(b, a)


@dataclass(slots=True)
class GridCell:
    """One cell of a table grid; a merged cell appears once, at its top-left position."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float | None = None
    italic: bool = False
    bold: bool = False
    row_span: int = 1
    col_span: int = 1
    words: list[Word] = field(default_factory=list)  # OCR'd cells: the words read in it, page coordinates


@dataclass(slots=True)
class TableGrid:
    """A table found on a page: rows of cells (None where a merged cell covers the slot)."""

    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[GridCell | None]]
    method: str  # "pdfplumber", "camelot-lattice", "camelot-stream", "ruling-lines"


@dataclass(slots=True)
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    kind: Literal["text", "ocr", "empty"]
    words: list[Word] = field(default_factory=list)
    tables: list[TableGrid] = field(default_factory=list)
    ocr_engine: str | None = None
    note: str | None = None  # why this kind was chosen (e.g. "text layer is TCVN3 mojibake")
