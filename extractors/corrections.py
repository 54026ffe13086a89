"""Stage: repair OCR diacritic errors in the layout's lines before any extractor reads them.

The title, headings, table labels, bodies' names and the `text` then all carry the corrected words.
Only text that came from OCR is corrected: a text input that reads as upstream OCR output (enough of
its words draw a fix) and the lines of OCR'd pages; a digital text layer is what its author typed.
Body lines are corrected a paragraph at a time (a word wrapped over a line break keeps its context),
table rows cell by cell; a cell holding a number is never touched. Fixes keep lengths, so every
offset stays valid.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from extractors.layout import Layout, Line, TableBlock
from extractors.resources import read_csv, read_lines
from normalizers import normalize_text, parse_number
from normalizers.diacritics import Corrector, Fix, apply_fixes, load_corrector
from pipeline.model import Correction

_SEPARATORS = {"tsv": "\t", "grid": "\t", "pipe": "|"}


@dataclass(frozen=True, slots=True)
class LineFix:
    """A fix made in `line.raw` (positions relative to the line), with the word it made."""

    line: Line
    fix: Fix
    before_word: str
    after_word: str


@lru_cache(maxsize=1)
def corrector() -> Corrector:
    """The shipped model, with the surnames and province names it must leave alone (loaded once)."""
    surnames = frozenset(normalize_text(s).lower() for s in read_lines("surnames.txt"))
    places = frozenset(tuple(normalize_text(r["name"]).lower().split()) for r in read_csv("provinces.csv"))
    return load_corrector(surnames=surnames, places=places)


def correct_layout(layout: Layout, clean: Callable[[str], str], pages: set[int] | None = None) -> list[LineFix]:
    """Correct, in place, the lines on `pages` (None: every page); `clean` re-derives a line's text from raw."""
    fixes: list[LineFix] = []
    for paragraph in _paragraphs(layout, pages):
        fixes += _correct_segments([(ln, 0, len(ln.raw)) for ln in paragraph], joiner="\n")
    for block in layout.tables:
        for k, line in enumerate(block.lines):
            if pages is None or line.page in pages:
                fixes += _correct_row(block, k, line)
    for line in {id(f.line): f.line for f in fixes}.values():
        line.text = clean(line.raw)
    return fixes


# Proposed fixes per 1,000 words that tell OCR'd text from typed text. On the dev corpus typed texts (web pages,
# pdftotext output) draw at most 3, every one a wrong change (`bán điện` → `bán diện`); OCR'd ones 4 to 30.
# One or two fixes in a short text say nothing either way: it is left as typed.
OCR_FIXES_PER_1000_WORDS = 4
OCR_FIXES_AT_LEAST = 3


def correct_if_ocr(layout: Layout, clean: Callable[[str], str]) -> tuple[Layout, list[LineFix]]:
    """A text input is corrected only when it reads as OCR output: a typed text keeps its words."""
    trial = copy.deepcopy(layout)
    fixes = correct_layout(trial, clean)
    words = sum(len(ln.text.split()) for ln in layout.lines)
    ocr = len(fixes) >= OCR_FIXES_AT_LEAST and len(fixes) * 1000 >= OCR_FIXES_PER_1000_WORDS * words
    return (trial, fixes) if ocr else (layout, [])


def _paragraphs(layout: Layout, pages: set[int] | None) -> list[list[Line]]:
    """Runs of body lines (outside tables, on the chosen pages) that continue one sentence.

    A line joins the one before when that one does not end a sentence and it starts in lower case:
    the sign of a wrapped line. Headings, list items and new sentences start their own run.
    """
    runs: list[list[Line]] = [[]]
    for line in layout.lines:
        if line.blank or line.no in layout.table_line_nos or (pages is not None and line.page not in pages):
            runs.append([])
            continue
        prev = runs[-1][-1] if runs[-1] else None
        if prev and (prev.text.rstrip()[-1:] in ".;:!?" or not line.text.lstrip()[:1].islower()):
            runs.append([])
        runs[-1].append(line)
    return [r for r in runs if r]


def _correct_row(block: TableBlock, k: int, line: Line) -> list[LineFix]:
    """A table row, cell by cell (each cell its own context); numeric cells are left as read."""
    if block.kind == "grid":
        return _correct_grid_row(block.grid[k], line)
    sep = _SEPARATORS.get(block.kind)
    cells, start = [], 0
    for part in line.raw.split(sep) if sep else [line.raw]:
        cells.append((line, start, start + len(part)))
        start += len(part) + (len(sep) if sep else 0)
    return [f for cell in cells if not _numeric(cell[0].raw[cell[1]:cell[2]])
            for f in _correct_segments([cell], joiner="")]


def _correct_grid_row(cells: list, line: Line) -> list[LineFix]:
    """Grid rows (page tables): fix the cells themselves, then rebuild the row's raw text from them."""
    out: list[LineFix] = []
    offset = 0
    for cell in cells:
        text = cell.text if cell else ""
        if cell and not _numeric(text):
            fixes = corrector().correct(text)
            if fixes:
                cell.text = apply_fixes(text, fixes)
                out += [_line_fix(line, f, offset, text, cell.text) for f in fixes]
        offset += len(text) + 1
    if out:
        line.raw = "\t".join((c.text if c else "").replace("\n", " ") for c in cells)
    return out


def _correct_segments(segments: list[tuple[Line, int, int]], joiner: str) -> list[LineFix]:
    """Correct the text of several line segments as one context; write the fixes back into each line."""
    joined, starts = "", []
    for line, a, b in segments:
        starts.append(len(joined))
        joined += line.raw[a:b] + joiner
    fixes = corrector().correct(joined)
    if not fixes:
        return []
    corrected = apply_fixes(joined, fixes)
    out = []
    for f in fixes:
        k = max(j for j, s in enumerate(starts) if s <= f.start)
        line, a, _ = segments[k]
        shift = starts[k] - a
        line.raw = line.raw[:f.start - shift] + f.after + line.raw[f.end - shift:]
        # A word wrapped over the line break: its span in this line is the syllable itself.
        w0, w1 = (f.word_start, f.word_end) if "\n" not in joined[f.word_start:f.word_end] else (f.start, f.end)
        out.append(LineFix(line, dataclasses.replace(f, word_start=w0, word_end=w1).shifted(-shift),
                           joined[w0:w1], corrected[w0:w1]))
    return out


def _line_fix(line: Line, f: Fix, offset: int, before: str, after: str) -> LineFix:
    return LineFix(line, f.shifted(offset), before[f.word_start:f.word_end],
                   after[f.word_start:f.word_end])


def _numeric(cell: str) -> bool:
    """A number, an amount, or mostly digits: never corrected."""
    text = cell.strip()
    digits = sum(ch.isdigit() for ch in text)
    return parse_number(text) is not None or digits > sum(ch.isalpha() for ch in text)


def corrections(fixes: list[LineFix], layout: Layout) -> list[Correction]:
    """Output records: `offset` into the document's `text`, `span` into the source, the word made."""
    starts, position = {}, 0
    for line in layout.lines:
        starts[line.no] = position
        position += len(line.text) + 1
    joined = "\n".join(ln.text for ln in layout.lines)
    lead = len(joined) - len(joined.lstrip())  # the document's `text` is this, stripped
    out = []
    for lf in fixes:
        line, f = lf.line, lf.fix
        hint = max(0, len(normalize_text(line.raw[:f.word_start]).lstrip()) - 2)
        found = line.text.find(lf.after_word, hint)
        found = line.text.find(lf.after_word) if found < 0 else found
        offset = starts[line.no] - lead + max(found, 0)
        out.append(Correction(from_=lf.before_word, to=lf.after_word, offset=max(offset, 0), rule=f.rule,
                              score=f.score, reason=f.reason, span=line.span(f.word_start, f.word_end)))
    return sorted(out, key=lambda c: c.offset)
