"""Two-column runs read left column first: the geometry shared by PDF pages and fixed-width text.

The page-1 header (agency | motto, number | place-date) and the end block (Nơi nhận | signer) are
two columns side by side. A PDF gives each word's box; `pdftotext -layout` text and other fixed-width
exports give each word's character column. Both become lines of segments with `x0`/`x1`, and one rule
orders them: a run of lines made only of left- and right-half segments is read left column first;
a centred or page-wide line ends the run and is read where it stands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar


class Box(Protocol):
    @property
    def x0(self) -> float: ...

    @property
    def x1(self) -> float: ...


S = TypeVar("S", bound=Box)

# 8 pt on an A4 page (595 pt wide): how far a left column may run past the middle and stay "left".
_MARGIN_SHARE = 8.0 / 595.0


def side(seg: Box, width: float, middle: float | None = None) -> str:
    """`left` / `right` column, or `full`: a centred or page-wide line (a left column may run past the middle).

    `middle`: the centre of the text on the page when it is not the page's (a scan placed off-centre)."""
    half, margin = width / 2, width * _MARGIN_SHARE
    mid = _middle(width, middle)
    centre = (seg.x0 + seg.x1) / 2
    # centred: a type line, a title (not a speck of a seal or a rule that OCR read as `|`)
    if abs(centre - mid) < 0.16 * half and seg.x1 - seg.x0 >= 0.03 * width:
        return "full"
    if seg.x0 < mid - 0.25 * half and seg.x1 > mid + 0.25 * half:  # well over both halves: no column is that wide
        return "full"
    if seg.x1 <= mid + margin:
        return "left"
    if seg.x0 >= mid - margin:
        return "right"
    return "left" if centre < mid else "right"


def _middle(width: float, middle: float | None) -> float:
    return width / 2 if middle is None else middle


def _side_of(seg: S, width: float, middle: float | None, is_text: Callable[[S], bool] | None) -> str:
    where = side(seg, width, middle)
    if where == "full" and is_text is not None and not is_text(seg):
        where = "left" if (seg.x0 + seg.x1) / 2 < _middle(width, middle) else "right"
    return where


def merge_same_side(line: Sequence[S], width: float, merge: Callable[[S, S], S], middle: float | None = None
                    ) -> list[S]:
    """Blanks left for a handwritten number or day (`Số:      /QĐ-UBND`, `ngày   tháng   năm 2025`)
    split a line into segments on the same side of the page: they are still one segment."""
    out = [line[0]]
    for seg in line[1:]:
        if side(out[-1], width, middle) == side(seg, width, middle) != "full":
            out[-1] = merge(out[-1], seg)
        else:
            out.append(seg)
    return out


def reading_order(lines: Sequence[Sequence[S]], width: float, merge: Callable[[S, S], S],
                  middle: float | None = None, is_text: Callable[[S], bool] | None = None) -> list[S | int]:
    """Segments in reading order. An empty line (a blank in text) is neutral: it neither ends a run
    nor appears inside a reordered one; elsewhere its index in `lines` stands for it.

    `is_text`: False for OCR specks (a seal's, a signature's), which never count as a centred line that
    ends a two-column run: they go with the column their centre is in."""
    merged = [merge_same_side(line, width, merge, middle) if line else [] for line in lines]
    sides = [[_side_of(s, width, middle, is_text) for s in line] for line in merged]
    out: list[S | int] = []
    i = 0
    while i < len(merged):
        j = i
        while j < len(merged) and "full" not in sides[j]:
            j += 1
        run = range(i, j)
        has_left = any("left" in sides[k] for k in run)
        has_right = any("right" in sides[k] for k in run)
        if has_left and has_right:
            out += [s for k in run for s, sd in zip(merged[k], sides[k]) if sd == "left"]
            out += [s for k in run for s, sd in zip(merged[k], sides[k]) if sd == "right"]
        else:
            for k in run:
                out += merged[k] or [k]
        if j < len(merged):
            out += merged[j]
        i = j + 1
    return out
