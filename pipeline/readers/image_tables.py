"""Ruled tables on page images: ruling lines by morphology, the cell grid with merged cells, each cell OCR'd.

Why not img2table (MIT, on PyPI; its bordered-table path is the same idea: opening with long
horizontal/vertical kernels, connected components, cells from line intersections, merged cells):
- it requires `opencv-contrib-python`, a second, non-headless OpenCV build that overwrites the
  `cv2` of our `opencv-python-headless` in the same environment (and pulls in GUI libraries);
- it runs Tesseract once per cell (a process start each), where we read all the cells of a page in
  one call, and it returns DataFrames of strings where we need boxes, spans and the confidence of
  each cell;
- the part we need is ~250 lines of OpenCV/numpy here. Nothing is downloaded at run time either way.

Method: ink (Otsu) → horizontal and vertical line masks by opening with kernels just longer than a
text line's height (letters cannot survive, row and column rules can), small gaps closed again for
broken scan lines. The text height comes from the pixels (word blobs), so tables are found before
any OCR. Line segments are connected components of the masks; a table is a connected structure of
lines with at least 3 horizontal and 3 vertical rule positions (2 rows × 2 columns). Row/column
boundaries are the clustered y/x positions of the segments; a slot merges with its right (lower)
neighbour when no ruling segment actually separates them, which gives `col_span`/`row_span`.

Cells are read from their own pixels, not from a full-page OCR: Tesseract's page segmentation runs
text lines across column rules and reads digits in narrow cells as noise (`3.311,00` → `4 444 oo`,
`15,00` → `1500`, whole labels at confidence 0 on the samples). `read_cells` erases the rules, crops
every cell's ink, stacks the crops into one tall strip with white space between them and reads it
as a block of text (psm 6) in one Tesseract call per page; words go back to their cells by their
vertical position in the strip. The page itself is then OCR'd with its table regions blanked
(`blank_tables`), so no pixel is read twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cv2
import numpy as np

from pipeline.positioned import GridCell, TableGrid, Word
from pipeline.readers.ocr import DEFAULT_LANG, ocr_page

_MIN_COVERAGE = 0.6  # share of a slot edge that must be ruled to count as a separator (scan lines break)


@dataclass(slots=True)
class _Segment:
    pos: float  # y of a horizontal segment, x of a vertical one (px)
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


def read_tables(gray: np.ndarray, page: int, dpi: float, lang: str = DEFAULT_LANG,
                rules_from: np.ndarray | None = None) -> list[TableGrid]:
    """Ruled tables of a page image (8-bit gray, preprocessed) with every cell read; grids in PDF points.

    `rules_from`: the same page before binarization (`ocr.clean_page`), where hairline rules printed
    grey, which the black/white page has lost, are still found."""
    text_h = text_height_px(gray, dpi)
    h_mask, v_mask = line_masks(gray, text_h)
    if not cv2.countNonZero(v_mask) or not cv2.countNonZero(h_mask):
        return []  # a page of text: no rules both ways, no table (and no costly component analysis)
    faint = line_masks(rules_from, text_h, faint=True) if rules_from is not None else None
    without_rules = gray.copy()
    without_rules[rule_pixels(h_mask, v_mask, text_h) > 0] = 255
    grids = _grids(h_mask, v_mask, page, dpi, text_h, faint, text_ink=without_rules < 128)
    if grids:
        read_cells(without_rules, grids, dpi, text_h, lang)
    return grids


def find_table_grids(gray: np.ndarray, page: int, dpi: float) -> list[TableGrid]:
    """The ruled tables' structure only: cells with boxes and spans, no text."""
    text_h = text_height_px(gray, dpi)
    return _grids(*line_masks(gray, text_h), page, dpi, text_h)


def blank_tables(gray: np.ndarray, grids: list[TableGrid], dpi: float) -> np.ndarray:
    """A copy of the page with the tables' areas painted white: what is left for the page OCR."""
    out = gray.copy()
    k = dpi / 72
    for g in grids:
        x0, y0, x1, y1 = (round(v * k) for v in g.bbox)
        out[max(0, y0 - 2):y1 + 3, max(0, x0 - 2):x1 + 3] = 255
    return out


def text_height_px(gray: np.ndarray, dpi: float) -> float:
    """Median height of the page's word blobs in pixels (a word with its diacritics); 13 pt when none.

    Letters are joined into word blobs by a small dilation, so the height is a whole word's (ascenders,
    descenders and tone marks), as an OCR word box would give, without running OCR first.
    """
    # At half size: the heights come out the same to a pixel, four times faster.
    half = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    ink = cv2.threshold(half, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, round(dpi / 80)), max(2, round(dpi / 120))))
    _, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(ink, kernel), connectivity=8)
    widths, heights = 2 * stats[1:, 2], 2 * stats[1:, 3]
    # Word-like blobs: taller than a speck, shorter than a stamp or a rule, not a long rule or a column of dots.
    keep = (heights >= 0.06 * dpi) & (heights <= 0.5 * dpi) & (widths <= 4 * dpi) & (widths >= 0.3 * heights)
    return float(np.median(heights[keep])) if keep.any() else 0.17 * dpi


def line_masks(gray: np.ndarray, text_h: float, faint: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(horizontal, vertical) ruling-line masks, 255 on lines, of an 8-bit gray page.

    `faint`: also the hairline rules of spreadsheet printouts, which scan light grey (≈ 170–220 on white
    paper, above Otsu's level): ink is then also what is clearly darker than its surroundings (two text
    heights around). Only used inside tables found from the dark rules, where a page edge's shadow or
    a form's faint boxes cannot start a table of their own."""
    ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    if faint:
        block = 2 * round(text_h) + 1
        ink |= cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 20)
    # A kernel 1.2 text heights long: no letter stroke (or short dash) is that long, while every cell
    # edge is at least a text line high/wide. Relative to the text, so it holds at any dpi.
    k = max(15, round(1.2 * text_h))
    gap = max(3, round(text_h / 8))  # rejoin rules broken by a faint scan or by erased seal ink
    h = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    h = cv2.morphologyEx(h, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1)))
    v = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, k)))
    v = cv2.morphologyEx(v, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, gap)))
    if faint:
        h |= _dotted_rules(ink, text_h, k)
    return h, v


def _dotted_rules(ink: np.ndarray, text_h: float, k: int) -> np.ndarray:
    """Row rules printed dotted or dashed (a spreadsheet's hair borders): flat specks in a row, joined.

    Only specks no taller than a rule and shorter than a word are joined, so text (whose strokes are
    taller) cannot become a rule; a run of them must still reach the kernel length `k`."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    speck = (stats[:, cv2.CC_STAT_HEIGHT] <= max(2, text_h / 8)) & (stats[:, cv2.CC_STAT_WIDTH] <= text_h)
    speck[0] = False
    dots = speck.astype(np.uint8)[labels] * 255
    dots = cv2.morphologyEx(dots, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (round(0.6 * text_h), 1)))
    return cv2.morphologyEx(dots, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))


def rule_pixels(h_mask: np.ndarray, v_mask: np.ndarray, text_h: float) -> np.ndarray:
    """The pixels to erase before reading cells: line-mask parts at least two text heights long, widened.

    Shorter parts are letter strokes that survived the opening (the joined crossbars of a bold `TT`);
    the widening takes the rules' anti-aliased, skew-stepped edges, which would read as `|`, `¡`, `„`.
    """
    rules = np.zeros(h_mask.shape, bool)
    for mask, extent in ((h_mask, cv2.CC_STAT_WIDTH), (v_mask, cv2.CC_STAT_HEIGHT)):
        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        long = [i for i in range(1, count) if stats[i, extent] >= 2 * text_h]
        rules |= np.isin(labels, long)
    return cv2.dilate(rules.astype(np.uint8) * 255, np.ones((5, 5), np.uint8))


MAX_STRIP_PX = 12_000  # tallest strip per Tesseract call; image formats and memory stay well within limits


def read_cells(gray: np.ndarray, grids: list[TableGrid], dpi: float, text_h: float, lang: str = DEFAULT_LANG) -> int:
    """Read every cell that holds ink from its own pixels (rules already erased); returns cells with text.

    Each cell's ink, cropped inside its box and cleared of specks, is stacked into a strip with blank
    space between crops; one strip (a few for huge tables) is read as a text block (psm 6), and the
    words are sent back to their cells by their vertical position in the strip.
    """
    crops = [(cell, crop) for g in grids for row in g.rows for cell in row
             if cell is not None and (crop := _cell_ink(gray, cell, dpi, text_h)) is not None]
    filled = 0
    for batch in _batches(crops, round(0.15 * dpi)):
        filled += _read_strip(batch, dpi, lang)
    for g in grids:
        _unstack_numbers(g)
    return filled


@dataclass(slots=True)
class _Crop:
    pixels: np.ndarray
    left: float  # page x of its first pixel column, in points
    top: float  # page y of its first pixel row, in points


def _cell_ink(gray: np.ndarray, cell: GridCell, dpi: float, text_h: float) -> _Crop | None:
    """The cell's ink cropped tight, scan specks removed; None for an empty cell."""
    k, inset = dpi / 72, max(4, round(dpi / 50))
    top, left = round(cell.top * k) + inset, round(cell.x0 * k) + inset
    box = gray[top:round(cell.bottom * k) - inset, left:round(cell.x1 * k) - inset]
    if box.size == 0:
        return None
    ink = (box < 128).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    # Specks: smaller than a full stop (≈ text height / 8 across); a real dot or comma survives.
    speck = max(4, round((text_h / 15) ** 2))
    small = [i for i in range(1, count) if stats[i, cv2.CC_STAT_AREA] < speck]
    if small:
        box = box.copy()
        box[np.isin(labels, small)] = 255
        ink[np.isin(labels, small)] = 0
    ys, xs = np.nonzero(ink)
    if len(ys) < 10:
        return None
    return _Crop(box[ys.min():ys.max() + 1, xs.min():xs.max() + 1], (left + xs.min()) / k, (top + ys.min()) / k)


def _batches(crops: list[tuple[GridCell, _Crop]], pad: int) -> list[list[tuple[GridCell, _Crop]]]:
    out: list[list[tuple[GridCell, _Crop]]] = []
    height = MAX_STRIP_PX
    for cell, crop in crops:
        if height + crop.pixels.shape[0] + pad > MAX_STRIP_PX:
            out.append([])
            height = pad
        out[-1].append((cell, crop))
        height += crop.pixels.shape[0] + pad
    return out


def _read_strip(batch: list[tuple[GridCell, _Crop]], dpi: float, lang: str) -> int:
    pad, k = round(0.15 * dpi), dpi / 72
    strip = np.full((sum(c.pixels.shape[0] + pad for _, c in batch) + pad,
                     max(c.pixels.shape[1] for _, c in batch) + 2 * pad), 255, np.uint8)
    spans, y = [], pad
    for _, crop in batch:
        strip[y:y + crop.pixels.shape[0], pad:pad + crop.pixels.shape[1]] = crop.pixels
        spans.append(((y - pad / 2) / k, (y + crop.pixels.shape[0] + pad / 2) / k,
                      crop.left - pad / k, crop.top - y / k))
        y += crop.pixels.shape[0] + pad
    words = ocr_page(strip, 0, dpi, lang=lang, psm=6)
    filled = 0
    for (cell, _), (top, bottom, dx, dy) in zip(batch, spans):
        # back to page coordinates: the stacked lines of a merged cell are placed by them
        inside = [Word(w.text, w.x0 + dx, w.top + dy, w.x1 + dx, w.bottom + dy, w.page, w.conf)
                  for w in words if top <= (w.top + w.bottom) / 2 < bottom]
        cell.text = cell_text(inside)
        confs = [w.conf for w in inside if w.conf is not None]
        cell.conf = min(confs) if confs else None
        cell.words = inside
        filled += bool(cell.text)
    return filled


_STACKED_NUMBER = re.compile(r"^\W*[\w.]{1,4}\W*$")  # `12`, `II`, `3.1`, misread `l4`, `]7`
_NOISE = re.compile(r"^\W*$")


def _unstack_numbers(grid: TableGrid) -> None:
    """Split a merged cell that is really a column of row numbers over row rules too faint to find.

    The sign: one short line (an STT) inside each of the rows it spans, where the other columns have
    their own cells. A real merged cell (an agency over its task rows) holds words, not one number per row.
    """
    for r, row in enumerate(grid.rows):
        for c, cell in enumerate(row):
            if cell is None or cell.row_span < 2 or not cell.words:
                continue
            bounds = _row_tops(grid, r, cell.row_span)
            if bounds is None:
                continue
            lines = [ln for ln in _lines(cell.words) if not _NOISE.match(_line_text(ln))]
            slots = [next(i for i in range(len(bounds)) if i == len(bounds) - 1 or _centre(ln) < bounds[i + 1])
                     for ln in lines]
            if len(lines) < 2 or len(set(slots)) < len(slots) \
                    or not all(_STACKED_NUMBER.match(_line_text(ln)) for ln in lines):
                continue
            texts = {slot: _line_text(ln) for slot, ln in zip(slots, lines)}
            edges = [*bounds, cell.bottom]
            for i in range(cell.row_span):
                part = GridCell(texts.get(i, ""), cell.x0, edges[i], cell.x1, edges[i + 1], cell.conf,
                                col_span=cell.col_span)
                grid.rows[r + i][c] = part


def _row_tops(grid: TableGrid, r: int, span: int) -> list[float] | None:
    """Tops of rows r … r+span−1 from the cells that start in them; None if a row has none."""
    tops = []
    for i in range(span):
        starts = [c.top for c in grid.rows[r + i] if c is not None]
        if not starts:
            return None
        tops.append(min(starts))
    return tops


def _lines(words: list[Word]) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for w in sorted(words, key=_centre_of):
        if lines and lines[-1][0].top <= _centre_of(w) <= lines[-1][0].bottom:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def _centre_of(w: Word) -> float:
    return (w.top + w.bottom) / 2


def _centre(line: list[Word]) -> float:
    return sum(_centre_of(w) for w in line) / len(line)


def _line_text(line: list[Word]) -> str:
    return " ".join(w.text for w in sorted(line, key=lambda w: w.x0))


def _grids(h_mask: np.ndarray, v_mask: np.ndarray, page: int, dpi: float, text_h: float,
           faint: tuple[np.ndarray, np.ndarray] | None = None, text_ink: np.ndarray | None = None) -> list[TableGrid]:
    """Tables where the dark rules make a structure; rows and columns from `faint` rules too, when given.

    `text_ink` (the page's ink without its rules) lets a row rule that a photo or a faint print broke
    up still separate the cells it crosses (`_split_rows`)."""
    if not cv2.countNonZero(v_mask) or not cv2.countNonZero(h_mask):
        return []  # a page of text: no rules both ways, no table (and no costly component analysis)
    rules = faint or (h_mask, v_mask)
    grids = _grids_in(_regions(h_mask, v_mask), *rules, page, dpi, text_h, text_ink)
    if not grids and faint is not None:
        # Row rules printed grey or dotted (a spreadsheet's) under dark column rules still make a table.
        grids = _grids_in(_regions(h_mask | faint[0], v_mask), *rules, page, dpi, text_h, text_ink)
    return grids


def _grids_in(regions: list[tuple[int, int, int, int]], h_mask: np.ndarray, v_mask: np.ndarray, page: int,
              dpi: float, text_h: float, text_ink: np.ndarray | None) -> list[TableGrid]:
    tol = max(4.0, dpi / 40)  # ~0.6 mm: one rule drawn thick, or drifting by a pixel or two
    h_segs, v_segs = _segments(h_mask, horizontal=True), _segments(v_mask, horizontal=False)
    grids = []
    for x, y, w, h in regions:
        hs = [s for s in h_segs if y - tol <= s.pos <= y + h + tol and x - tol <= s.start and s.end <= x + w + tol]
        vs = [s for s in v_segs if x - tol <= s.pos <= x + w + tol and y - tol <= s.start and s.end <= y + h + tol]
        # Rules closer than half a text line are one rule drawn double, or bent across a photographed page.
        ys = _cluster(hs, max(tol, text_h / 2), min_total=3 * text_h)
        xs = _cluster(vs, max(tol, text_h / 2), min_total=text_h)
        if hs and vs:
            # Open-sided tables (no outer vertical rules, or no top rule): the other lines' ends bound them.
            xs = _add_edges(xs, min(s.start for s in hs), max(s.end for s in hs), 2 * tol)
            ys = _add_edges(ys, min(s.start for s in vs), max(s.end for s in vs), 2 * tol)
            xs = _trim_outer(xs, ys, v_mask, h_mask, tol)
        if len(ys) < 3 or len(xs) < 3:
            continue
        grids.append(_grid(ys, xs, h_mask, v_mask, page, dpi, tol, text_ink))
    return grids


def _trim_outer(xs: list[float], ys: list[float], v_mask: np.ndarray, h_mask: np.ndarray, tol: float) -> list[float]:
    """Drop an outermost column with neither a rule along its outer edge nor row rules across it: a
    seal's strokes beside the table, which would add an empty column and stop the table joining its
    continuation on the next page."""
    def stray(outer: float, inner: float) -> bool:
        lo, hi = sorted((outer, inner))
        crossed = sum(_ruled(h_mask, y, lo, hi, tol, False, share=0.3) for y in ys)
        return not _ruled(v_mask, outer, ys[0], ys[-1], 2 * tol, True, share=0.5) and crossed <= len(ys) / 4

    out = list(xs)
    while len(out) > 3 and stray(out[-1], out[-2]):
        out.pop()
    while len(out) > 3 and stray(out[0], out[1]):
        out.pop(0)
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
    return sorted(_union_overlapping(boxes), key=lambda b: -b[2] * b[3])


def _union_overlapping(boxes: list[tuple[int, ...]]) -> list[tuple[int, int, int, int]]:
    """One box for structures whose boxes mostly overlap: a table whose broken rules left it in pieces
    (not a page edge's shadow that only touches a table)."""
    out = [(x, y, x + w, y + h) for x, y, w, h in boxes]
    merged = True
    while merged:
        merged = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                a, b = out[i], out[j]
                if _overlap_share(a, b) >= 0.5:
                    out[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    del out[j]
                    merged = True
                    break
            if merged:
                break
    return [(x0, y0, x1 - x0, y1 - y0) for x0, y0, x1, y1 in out]


def _overlap_share(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """The share of the smaller of two (x0, y0, x1, y1) boxes that lies inside the other."""
    w, h = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(1, min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1])))


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


def _ruled(mask: np.ndarray, pos: float, start: float, end: float, tol: float, vertical: bool,
           share: float = _MIN_COVERAGE) -> bool:
    """Does a rule run along `pos` from `start` to `end` (px)? At least `share` of it inked."""
    return _ruled_share(mask, pos, start, end, tol, vertical) >= share


def _ruled_share(mask: np.ndarray, pos: float, start: float, end: float, tol: float, vertical: bool) -> float:
    """The share of the line along `pos` from `start` to `end` (px) that the mask inks, within `tol` of it."""
    p0, p1 = max(0, round(pos - tol)), round(pos + tol) + 1
    a, b = round(start + tol), round(end - tol)  # skip the crossing rules at both ends
    if b <= a:
        return 1.0
    band = mask[a:b, p0:p1] if vertical else mask[p0:p1, a:b].T
    return float((band.max(axis=1) > 0).mean())


def _grid(ys: list[float], xs: list[float], h_mask: np.ndarray, v_mask: np.ndarray, page: int, dpi: float,
          tol: float, text_ink: np.ndarray | None = None) -> TableGrid:
    """Cells from rule positions; slots without a rule between them are merged into one cell."""
    vsep = [[_ruled(v_mask, x, ys[r], ys[r + 1], tol, True) for x in xs[1:-1]] for r in range(len(ys) - 1)]
    # a column line ruled in no row (a seal's stroke inside the table) separates nothing: not a column
    xs = [xs[0], *(x for c, x in enumerate(xs[1:-1]) if any(row[c] for row in vsep)), xs[-1]]
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    vsep = [[_ruled(v_mask, xs[c], ys[r], ys[r + 1], tol, True) for c in range(1, n_cols)] for r in range(n_rows)]
    hsep = [[_ruled(h_mask, ys[r], xs[c], xs[c + 1], tol, False) for c in range(n_cols)] for r in range(1, n_rows)]
    if text_ink is not None:
        hsep = _split_rows(hsep, ys, xs, h_mask, text_ink, tol)
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
            rows[r][c] = GridCell("", xs[c] * k, ys[r] * k, xs[c + cs] * k, ys[r + rs] * k, row_span=rs, col_span=cs)
    return TableGrid(page, (xs[0] * k, ys[0] * k, xs[-1] * k, ys[-1] * k), rows, "ruling-lines")


_BROKEN_RULE = 0.15  # share of a slot's width a broken rule still inks (a merged cell's gap: none)


def _split_rows(hsep: list[list[bool]], ys: list[float], xs: list[float], h_mask: np.ndarray,
                text_ink: np.ndarray, tol: float) -> list[list[bool]]:
    """Row rules that a phone photo or a faint print broke into dashes (ruled under `_MIN_COVERAGE` of a
    slot) still separate cells, when the same rule is whole in another column and no text runs across it.

    A merged cell has no rule inside it at all, or text across the slot line (one line centred in it)."""
    out = [list(row) for row in hsep]
    for r, row in enumerate(hsep):
        if all(row) or not any(row):
            continue
        y = ys[r + 1]
        for c, ruled in enumerate(row):
            if not ruled and _ruled_share(h_mask, y, xs[c], xs[c + 1], 2 * tol, False) >= _BROKEN_RULE \
                    and not _text_across(text_ink, y, xs[c], xs[c + 1], tol):
                out[r][c] = True
    return out


def _text_across(text_ink: np.ndarray, y: float, x0: float, x1: float, tol: float) -> bool:
    """Does text run across the line `y` in the slot: ink in every pixel row of a band around it?"""
    half = max(1, round(tol / 2))
    band = text_ink[max(0, round(y) - half):round(y) + half + 1, round(x0 + tol):round(x1 - tol)]
    return bool(band.size) and bool(band.any(axis=1).all())


def cell_text(words: list[Word]) -> str:
    """Words in reading order: lines by vertical overlap (top to bottom), words left to right."""
    return "\n".join(_line_text(ln) for ln in _lines(words))
