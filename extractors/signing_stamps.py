"""The signing stamp of a digitally signed PDF, as `pdftotext -layout` prints it: a small box of lines
(`Người ký: Sở` / `Tài chính` / `Email: …` / `Cơ quan: Tỉnh` / `Thời gian ký:` / `20.05.2019` /
`09:20:18 +07:00`) in a column of its own, beside the title or a table's caption. Left in place, its
column looks like one more table column and its words join the title; here it becomes lines of its own,
read before the lines it stood in, which keep their layout (the stamp's characters become spaces).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the layout module builds its lines with this stage
    from extractors.layout import Line

_START = re.compile(r"(?:Người ký|Ký bởi)\s*:")
_END = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*[+-]\d{2}:?\d{2}")  # the signing time's zone: `09:20:18 +07:00`
_MAX_LINES = 12
_NEAR = 3  # columns a stamp line may start left or right of `Người ký`
_GAP = re.compile(r" {3,}")  # what ends the stamp's text on a line: the gap to the next column


def separate_signing_stamps(lines: list[Line], clean: Callable[[str], str]) -> tuple[list[Line], set[int]]:
    """Lines with every signing stamp taken out into lines of its own (renumbered; `source_line` kept),
    and where the stamps' lines start (character offsets: later stages renumber lines, never move text);
    `clean` gives a piece's text from its raw characters."""
    out: list[Line] = []
    stamps: set[int] = set()
    i, found = 0, False
    while i < len(lines):
        block = _block(lines, i)
        if block is None:
            out.append(lines[i])
            i += 1
            continue
        end, col = block
        stamp, rest = [], []
        for ln in lines[i : end + 1]:
            seg = _segment(ln.raw, col)
            if seg is None:
                rest.append(ln)
                continue
            a, b = seg
            stamp.append(_piece(ln, ln.raw[a:b], ln.start + a, clean))
            rest.append(_piece(ln, ln.raw[:a] + " " * (b - a) + ln.raw[b:], ln.start, clean))
        stamps.update(ln.start for ln in stamp)
        out += stamp + rest
        i, found = end + 1, True
    if not found:
        return lines, stamps
    return [replace(ln, no=k, source_line=ln.source_line or ln.no) for k, ln in enumerate(out, start=1)], stamps


def _block(lines: list[Line], i: int) -> tuple[int, int] | None:
    """(last line, column) of a stamp starting on line i: `Người ký:` then, within a few lines in the same
    column, the signing time with its zone."""
    m = _START.search(lines[i].raw)
    if not m:
        return None
    col = m.start()
    for k in range(i, min(i + _MAX_LINES, len(lines))):
        seg = _segment(lines[k].raw, col)
        if seg and _END.search(lines[k].raw[seg[0] : seg[1]]):
            return k, col
    return None


def _segment(raw: str, col: int) -> tuple[int, int] | None:
    """The run of text that starts at (or next to) `col`, up to the next wide gap."""
    tail = raw[max(0, col - _NEAR) :]
    start = len(raw) - len(tail.lstrip())
    if not tail.strip() or abs(start - col) > _NEAR or (start and raw[start - 1] != " "):
        return None  # nothing there, or the middle of a word that began further left
    gap = _GAP.search(raw, start)
    return start, gap.start() if gap else len(raw.rstrip())


def _piece(ln: Line, raw: str, start: int, clean: Callable[[str], str]) -> Line:
    return replace(ln, start=start, end=start + len(raw), raw=raw, text=clean(raw))
