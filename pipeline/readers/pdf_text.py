"""Digital PDF pages: words with positions and font styles (pdfplumber), ruled tables (pdfplumber, camelot).

A page's text layer is used only when it reads as Vietnamese: scans often carry an invisible OCR
layer that lost its diacritics (`uY BAN NgAN nAN`) or a broken font encoding (`CØNG HOÀXÃ HØI`);
such pages, and pages with no text, go to OCR instead (see `pipeline.readers.pages`).
"""

from __future__ import annotations

import html
import re
import subprocess
import warnings
from pathlib import Path

import pdfplumber

from normalizers import marked_share, normalize_text, repair_tcvn3_mojibake, undo_tcvn3_mojibake, vietnamese_score
from pipeline.positioned import GridCell, TableGrid, Word

MIN_CHARS = 40  # fewer characters than this: an image page (maybe with a signature stamp's text)
MIN_VIETNAMESE = 0.6  # share of well-formed syllables; real text layers score > 0.75, OCR garbage < 0.45
SLIVER = 7.0  # points: rulings closer than this are one double-drawn border, not a column
MIN_MARKED = 0.3  # share of words with a Vietnamese mark; real pages 0.65–0.93, mark-less OCR layers ~0
WEAK_VIETNAMESE, WEAK_MARKED = 0.7, 0.45  # both low together: a half-marked OCR layer (0.67 / 0.34 seen)
_BBOX_WORD = re.compile(
    r'<word xMin="(?P<x0>[\d.]+)" yMin="(?P<top>[\d.]+)" xMax="(?P<x1>[\d.]+)" yMax="(?P<bottom>[\d.]+)">'
    r"(?P<text>[^<]*)</word>"
)
Box = tuple[float, float, float, float]
_BOLD = re.compile(r"bold|black|heavy|semibold|,b\b|-b\b", re.I)
_ITALIC = re.compile(r"italic|oblique|,i\b|-i\b", re.I)


def page_words(page: pdfplumber.page.Page, number: int) -> list[Word]:
    # Font attributes are read per word, not used to split words: Vietnamese marks often come
    # from a fallback font, and splitting on font would cut `họp` into `h ọ p`.
    # Gaps are measured relative to the font size: some exporters (DevExpress) write no space
    # characters and leave ~0.2 em between words, which the fixed 3-point default glues together.
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, return_chars=True,
                               x_tolerance_ratio=0.15)
    out = []
    for w in words:
        text = normalize_text(w["text"])
        if not text.strip():
            continue
        fonts = [c.get("fontname", "") for c in w.get("chars", [])]
        bold = sum(bool(_BOLD.search(f)) for f in fonts) * 2 > len(fonts)
        italic = sum(bool(_ITALIC.search(f)) for f in fonts) * 2 > len(fonts)
        out.append(Word(text, w["x0"], w["top"], w["x1"], w["bottom"], number, bold=bold, italic=italic))
    return out + [a for a in annotation_words(page, number) if not any(_overlaps(a, w) for w in out)]


def _overlaps(a: Word, b: Word) -> bool:
    cx, cy = (a.x0 + a.x1) / 2, (a.top + a.bottom) / 2
    return b.x0 - 1 <= cx <= b.x1 + 1 and b.top - 1 <= cy <= b.bottom + 1


def annotation_words(page: pdfplumber.page.Page, number: int) -> list[Word]:
    """Text drawn by annotations (signing systems stamp the number and day into signature fields).

    pdfplumber reads page content only; poppler's `pdftotext -bbox` also draws annotation
    appearances, so its words that fall inside an annotation's rectangle are added.
    """
    try:
        rects = [(a["x0"], a["top"], a["x1"], a["bottom"]) for a in page.annots if (a.get("data") or {}).get("AP")]
    except Exception:  # noqa: BLE001 — annotations too deeply nested for pdfminer: take any word it missed
        rects = [(0.0, 0.0, float(page.width), float(page.height))]
    if not rects or not getattr(page.pdf.stream, "name", None):
        return []
    try:
        out = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-bbox", page.pdf.stream.name, "-"],
                             capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    words = []
    for m in _BBOX_WORD.finditer(out):
        x0, top, x1, bottom = (float(m[k]) for k in ("x0", "top", "x1", "bottom"))
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        if any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in rects):
            words.append(Word(normalize_text(html.unescape(m["text"])), x0, top, x1, bottom, number))
    return words


def stamp_only_layer(page: pdfplumber.page.Page, words: list[Word]) -> str | None:
    """A scanned page that a signing system stamped: an image covers the page and the only text is the
    stamp's few lines (`Ký bởi: … Thời gian ký: …`). Returns why the page must be OCR'd, else None."""
    area = float(page.width * page.height)
    covered = max((float((i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images), default=0.0)
    if covered < 0.5 * area or len(words) > 120:
        return None
    extent = max(w.bottom for w in words) - min(w.top for w in words)
    if extent > 0.35 * float(page.height):
        return None
    return f"page image with a signature stamp as its only text ({len(words)} words)"


def usable_text_layer(words: list[Word]) -> tuple[bool, str, list[Word]]:
    """Is this text layer real text? Returns (usable, reason, words — repaired when TCVN3 mojibake)."""
    text = " ".join(w.text for w in words)
    if len(text) < MIN_CHARS:
        return False, f"no text layer ({len(text)} characters)", words
    if repair_tcvn3_mojibake(text)[1]:
        # The page is TCVN3 as a whole; single words are too short to tell, so each is decoded.
        fixed = [Word(normalize_text(undo_tcvn3_mojibake(w.text)), w.x0, w.top, w.x1, w.bottom, w.page,
                      bold=w.bold, italic=w.italic) for w in words]
        return True, "text layer in TCVN3, decoded", fixed
    score = vietnamese_score(text)
    if score < MIN_VIETNAMESE:
        return False, f"text layer is not Vietnamese text (syllable score {score:.2f})", words
    marked = marked_share(text)
    if marked is not None and marked < MIN_MARKED:
        return False, f"text layer is not Vietnamese text: it lost its marks ({marked:.0%} of words marked)", words
    if marked is not None and score < WEAK_VIETNAMESE and marked < WEAK_MARKED:
        # an OCR layer that kept some marks (`Quy djnh s 294-QD/TW … cüa Ban Chip hành`), the signing
        # stamp's clean text lifting both measures a little
        return False, (f"text layer is not Vietnamese text: few syllables (score {score:.2f}) and few marks "
                       f"({marked:.0%} of words marked)"), words
    return True, f"text layer (syllable score {score:.2f})", words


def page_tables(page: pdfplumber.page.Page, number: int, path: Path, words: list[Word]) -> list[TableGrid]:
    """Ruled tables: pdfplumber's line strategy first, camelot lattice when it finds none but lines exist."""
    page = page.filter(_visible)
    found = page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
    grids = [_plumber_grid(t, words, number) for t in found]
    grids = [g for g in grids if g and len(g.rows) >= 2 and max(len(r) for r in g.rows) >= 2]
    if grids or not _has_ruling_grid(page):
        return grids
    return _camelot_grids(path, page, number)


_WHITE = ((1,), (1, 1, 1), (0, 0, 0, 0))  # grey, RGB and CMYK white


def _visible(obj: dict) -> bool:
    """A rectangle filled white and not stroked draws nothing: a cell's background (a Công báo page paints
    one under every line of text), never a ruling."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    colour = obj.get("non_stroking_color")
    colour = tuple(colour) if isinstance(colour, (list, tuple)) else (colour,)
    return not (obj.get("fill") and colour in _WHITE)


def _has_ruling_grid(page: pdfplumber.page.Page) -> bool:
    """At least 3 columns and 3 rows of rulings (underlines and boxes alone do not make a table)."""
    xs = {round(e["x0"]) for e in page.edges if e["orientation"] == "v" and e["height"] > 8}
    ys = {round(e["top"]) for e in page.edges if e["orientation"] == "h" and e["width"] > 40}
    return len(xs) >= 3 and len(ys) >= 3


def _plumber_grid(table, page_words: list[Word], number: int) -> TableGrid | None:
    """Cells from pdfplumber's table finder; each page word goes to the cell holding its centre."""
    rows: list[list[GridCell | None]] = []
    for row in _snapped_columns([row.cells for row in table.rows]):
        cells: list[GridCell | None] = []
        for bbox in row:
            if bbox is None:
                cells.append(None)
                continue
            x0, top, x1, bottom = bbox
            words = [w for w in page_words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]
            cells.append(GridCell(_cell_text(words), x0, top, x1, bottom,
                                  italic=bool(words) and all(w.italic for w in words),
                                  bold=bool(words) and all(w.bold for w in words)))
        rows.append(cells)
    return TableGrid(number, tuple(table.bbox), rows, "pdfplumber") if rows else None


def _snapped_columns(rows: list[list[Box | None]]) -> list[list[Box | None]]:
    """Rows of cell boxes on one set of column edges. Word exports draw a cell's border as two or three
    close rulings, so pdfplumber sees sliver columns a few points wide between the real ones; edges
    closer than SLIVER are one edge, and a sliver cell (both its edges on one) is no cell."""
    edges = sorted({round(x, 1) for row in rows for box in row if box for x in (box[0], box[2])})
    clusters: list[float] = []  # the first edge of each run of close edges
    column_of: dict[float, int] = {}
    for previous, x in zip([None, *edges], edges):
        if previous is None or x - previous > SLIVER:
            clusters.append(x)
        column_of[x] = len(clusters) - 1
    width = len(clusters) - 1
    snapped: list[list[Box | None]] = []
    for row in rows:
        out: list[Box | None] = [None] * width
        for box in row:
            if box is None:
                continue
            start, end = column_of[round(box[0], 1)], column_of[round(box[2], 1)]
            if end > start and out[start] is None:
                out[start] = box
            elif end > start:  # two boxes start on one edge: one cell
                out[start] = _union(out[start], box)
        snapped.append(out)
    return snapped


def _union(a: Box | None, b: Box) -> Box:
    if a is None:
        return b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _cell_text(words: list[Word]) -> str:
    """Words in reading order: lines by their top, then left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - w.top) < (w.bottom - w.top) * 0.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    return "\n".join(" ".join(w.text for w in sorted(ln, key=lambda w: w.x0)) for ln in lines)


def _camelot_grids(path: Path, page: pdfplumber.page.Page, number: int) -> list[TableGrid]:
    import camelot  # slow to import; only pages with unframed-by-pdfplumber rulings need it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tables = camelot.read_pdf(str(path), pages=str(number), flavor="lattice")
        except Exception:  # noqa: BLE001 — camelot fails on odd pages; the text path still has the words
            return []
    grids = []
    for t in tables:
        x0, y0, x1, y1 = t._bbox  # camelot: PDF user space, origin bottom-left
        top, bottom = page.height - y1, page.height - y0
        rows = [
            [GridCell(normalize_text(str(value)), c.x1, page.height - c.y2, c.x2, page.height - c.y1)
             for value, c in zip(values, cells)]
            for values, cells in zip(t.df.itertuples(index=False), t.cells)
        ]
        grids.append(TableGrid(number, (x0, top, x1, bottom), rows, "camelot-lattice"))
    return grids
