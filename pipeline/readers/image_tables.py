"""Ruled tables on page images: ruling lines by morphology, the cell grid with merged cells, OCR words in cells.

Why not img2table (MIT, on PyPI; its bordered-table path is the same idea: opening with long
horizontal/vertical kernels, connected components, cells from line intersections, merged cells):
- it requires `opencv-contrib-python`, a second, non-headless OpenCV build that overwrites the
  `cv2` of our `opencv-python-headless` in the same environment (and pulls in GUI libraries);
- it runs its own OCR over the document, while we already hold Tesseract words with confidences
  (a second OCR pass would double the slowest step), and it returns DataFrames of strings where we
  need boxes, spans and the confidence of each cell;
- the part we need is ~200 lines of OpenCV/numpy here. Nothing is downloaded at run time either way.

Method: ink (Otsu) → horizontal and vertical line masks by opening with kernels just longer than a
text line's height (letters cannot survive, row and column rules can), small gaps closed again for
broken scan lines. Line segments are connected components of the masks; a table is a connected
structure of lines with at least 3 horizontal and 3 vertical rule positions (2 rows × 2 columns).
Row/column boundaries are the clustered y/x positions of the segments; a slot merges with its right
(lower) neighbour when no ruling segment actually separates them, which gives `col_span`/`row_span`.

The page is OCR'd with its rules: Tesseract finds and removes ruling lines itself and uses them to
keep cells apart; erasing them first made it lose `STT` and the lone digits of the STT column.
Cells left empty that do hold ink can be read again with `ocr_empty_cells` (one Tesseract call).

Words: a word belongs to the cell containing its centre. The cells of a grid tile its bbox, so a
caller can tell table words by testing the centre against `TableGrid.bbox` — `table_word_indices`
does exactly that and is the supported way.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from pipeline.readers.ocr import DEFAULT_LANG, ocr_page
from pipeline.readers.words import GridCell, TableGrid, Word

_MIN_COVERAGE = 0.6  # share of a slot edge that must be ruled to count as a separator (scan lines break)


@dataclass(slots=True)
class _Segment:
    pos: float  # y of a horizontal segment, x of a vertical one (px)
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


def find_table_grids(gray: np.ndarray, words: list[Word], page: int, dpi: float) -> list[TableGrid]:
    """Ruled tables of a page image (8-bit gray, as OCR'd) with OCR `words`; grids in PDF points."""
    text_h = text_height_px(words, dpi)
    h_mask, v_mask = line_masks(gray, text_h)
    tol = max(4.0, dpi / 40)  # ~0.6 mm: one rule drawn thick, or drifting by a pixel or two
    h_segs, v_segs = _segments(h_mask, horizontal=True), _segments(v_mask, horizontal=False)
    grids = []
    for x, y, w, h in _regions(h_mask, v_mask):
        hs = [s for s in h_segs if y - tol <= s.pos <= y + h + tol and x - tol <= s.start and s.end <= x + w + tol]
        vs = [s for s in v_segs if x - tol <= s.pos <= x + w + tol and y - tol <= s.start and s.end <= y + h + tol]
        ys = _cluster(hs, tol, min_total=3 * text_h)
        xs = _cluster(vs, tol, min_total=text_h)
        if hs and vs:
            # Open-sided tables (no outer vertical rules, or no top rule): the other lines' ends bound them.
            xs = _add_edges(xs, min(s.start for s in hs), max(s.end for s in hs), 2 * tol)
            ys = _add_edges(ys, min(s.start for s in vs), max(s.end for s in vs), 2 * tol)
        if len(ys) < 3 or len(xs) < 3:
            continue
        grids.append(_grid(ys, xs, h_mask, v_mask, words, page, dpi, tol))
    return grids


def text_height_px(words: list[Word], dpi: float) -> float:
    """Median OCR word height in pixels; 13-pt text (~0.17 in) when there are no words."""
    heights = [(w.bottom - w.top) * dpi / 72 for w in words if w.bottom > w.top]
    return float(np.median(heights)) if heights else 0.17 * dpi


def line_masks(gray: np.ndarray, text_h: float) -> tuple[np.ndarray, np.ndarray]:
    """(horizontal, vertical) ruling-line masks, 255 on lines, of an 8-bit gray page."""
    ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    # A kernel 1.2 text heights long: no letter stroke (or short dash) is that long, while every cell
    # edge is at least a text line high/wide. Relative to the text, so it holds at any dpi.
    k = max(15, round(1.2 * text_h))
    gap = max(3, round(text_h / 8))  # rejoin rules broken by a faint scan or by erased seal ink
    h = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    h = cv2.morphologyEx(h, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1)))
    v = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, k)))
    v = cv2.morphologyEx(v, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, gap)))
    return h, v


def ocr_empty_cells(gray: np.ndarray, grids: list[TableGrid], dpi: float, lang: str = DEFAULT_LANG) -> int:
    """Read cells that have ink but got no OCR word, all in one Tesseract call; returns cells filled.

    Full-page segmentation drops lone short text (a `1` in the STT column, an `x`) as noise. Each such
    cell's ink, cropped inside its rules, is stacked into one strip read as a text block (psm 6), and
    the words are sent back by their vertical position: one process start instead of one per cell.
    """
    k = dpi / 72
    inset, pad = max(4, round(dpi / 50)), round(0.15 * dpi)
    crops: list[tuple[GridCell, np.ndarray]] = []
    for cell in (c for g in grids for row in g.rows for c in row if c is not None and not c.text):
        box = gray[round(cell.top * k) + inset:round(cell.bottom * k) - inset,
                   round(cell.x0 * k) + inset:round(cell.x1 * k) - inset]
        ys, xs = np.nonzero(box < 128) if box.size else ((), ())
        if len(ys) >= 10:  # a few stray pixels are scan dust, not text
            crops.append((cell, box[ys.min():ys.max() + 1, xs.min():xs.max() + 1]))
    if not crops:
        return 0
    strip = np.full((sum(c.shape[0] + pad for _, c in crops) + pad, max(c.shape[1] for _, c in crops) + 2 * pad),
                    255, np.uint8)
    spans, y = [], pad
    for _, crop in crops:
        strip[y:y + crop.shape[0], pad:pad + crop.shape[1]] = crop
        spans.append(((y - pad / 2) / k, (y + crop.shape[0] + pad / 2) / k))
        y += crop.shape[0] + pad
    words = ocr_page(strip, 0, dpi, lang=lang, psm=6)
    filled = 0
    for (cell, _), (top, bottom) in zip(crops, spans):
        inside = [w for w in words if top <= (w.top + w.bottom) / 2 < bottom]
        if inside:
            cell.text = cell_text(inside)
            cell.conf = min(w.conf for w in inside if w.conf is not None)
            filled += 1
    return filled


def table_word_indices(grids: list[TableGrid], words: list[Word]) -> set[int]:
    """Indices of `words` whose centre lies in a grid's bbox: the words placed in its cells."""
    out = set()
    for i, w in enumerate(words):
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        if any(g.page == w.page and g.bbox[0] <= cx <= g.bbox[2] and g.bbox[1] <= cy <= g.bbox[3] for g in grids):
            out.add(i)
    return out


def _segments(mask: np.ndarray, horizontal: bool) -> list[_Segment]:
    """Line segments: connected components of a line mask."""
    count, _, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    segs = []
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        if horizontal:
            segs.append(_Segment(float(centroids[i][1]), int(x), int(x + w)))
        else:
            segs.append(_Segment(float(centroids[i][0]), int(y), int(y + h)))
    return segs


def _regions(h_mask: np.ndarray, v_mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h) of connected line structures, largest first."""
    both = cv2.dilate(h_mask | v_mask, np.ones((5, 5), np.uint8))  # corners that do not quite touch
    count, _, stats, _ = cv2.connectedComponentsWithStats(both, connectivity=8)
    boxes = [tuple(int(v) for v in stats[i][:4]) for i in range(1, count)]
    return sorted(boxes, key=lambda b: -b[2] * b[3])


def _cluster(segs: list[_Segment], tol: float, min_total: float) -> list[float]:
    """Positions of rules: segment positions within `tol` grouped, weighted by length.

    A group counts only when its segments add up to `min_total` px, so a dash or an underline inside
    a cell does not become a row boundary.
    """
    out: list[float] = []
    group: list[_Segment] = []
    for s in [*sorted(segs, key=lambda s: s.pos), None]:
        if group and (s is None or s.pos - group[-1].pos > tol):
            total = sum(g.length for g in group)
            if total >= min_total:
                out.append(sum(g.pos * g.length for g in group) / total)
            group = []
        if s is not None:
            group.append(s)
    return out


def _add_edges(positions: list[float], lo: float, hi: float, tol: float) -> list[float]:
    """Add `lo`/`hi` as outer boundaries when no rule lies near them."""
    out = list(positions)
    if not out or out[0] - lo > tol:
        out.insert(0, float(lo))
    if out[-1] < hi - tol:
        out.append(float(hi))
    return out


def _ruled(mask: np.ndarray, pos: float, start: float, end: float, tol: float, vertical: bool) -> bool:
    """Does a rule run along `pos` from `start` to `end` (px)? At least _MIN_COVERAGE of it inked."""
    p0, p1 = max(0, round(pos - tol)), round(pos + tol) + 1
    a, b = round(start + tol), round(end - tol)  # skip the crossing rules at both ends
    if b <= a:
        return True
    band = mask[a:b, p0:p1] if vertical else mask[p0:p1, a:b].T
    return float((band.max(axis=1) > 0).mean()) >= _MIN_COVERAGE


def _grid(ys: list[float], xs: list[float], h_mask: np.ndarray, v_mask: np.ndarray, words: list[Word],
          page: int, dpi: float, tol: float) -> TableGrid:
    """Cells from rule positions; slots without a rule between them are merged into one cell."""
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    vsep = [[_ruled(v_mask, xs[c], ys[r], ys[r + 1], tol, True) for c in range(1, n_cols)] for r in range(n_rows)]
    hsep = [[_ruled(h_mask, ys[r], xs[c], xs[c + 1], tol, False) for c in range(n_cols)] for r in range(1, n_rows)]
    k = 72.0 / dpi
    covered = np.zeros((n_rows, n_cols), bool)
    rows: list[list[GridCell | None]] = [[None] * n_cols for _ in range(n_rows)]
    for r in range(n_rows):
        for c in range(n_cols):
            if covered[r, c]:
                continue
            cs = 1
            while c + cs < n_cols and not vsep[r][c + cs - 1] and not covered[r, c + cs]:
                cs += 1
            rs = 1
            while r + rs < n_rows and not any(hsep[r + rs - 1][c:c + cs]) and not covered[r + rs, c:c + cs].any():
                rs += 1
            covered[r:r + rs, c:c + cs] = True
            box = (xs[c] * k, ys[r] * k, xs[c + cs] * k, ys[r + rs] * k)
            inside = [w for w in words if w.page == page and box[0] <= (w.x0 + w.x1) / 2 < box[2]
                      and box[1] <= (w.top + w.bottom) / 2 < box[3]]
            confs = [w.conf for w in inside if w.conf is not None]
            rows[r][c] = GridCell(cell_text(inside), *box, conf=min(confs) if confs else None,
                                  row_span=rs, col_span=cs)
    return TableGrid(page, (xs[0] * k, ys[0] * k, xs[-1] * k, ys[-1] * k), rows, "ruling-lines")


def cell_text(words: list[Word]) -> str:
    """Words in reading order: lines by vertical overlap (top to bottom), words left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        last = lines[-1] if lines else None
        # Same line when the centre falls inside the line's first word's vertical extent.
        if last and last[0].top <= (w.top + w.bottom) / 2 <= last[0].bottom:
            last.append(w)
        else:
            lines.append([w])
    return "\n".join(" ".join(w.text for w in sorted(ln, key=lambda w: w.x0)) for ln in lines)
