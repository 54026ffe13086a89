"""Page by page: a usable text layer is read directly, anything else is OCR'd.

Mixed PDFs are common (a digital letter with a scanned appendix, a scan whose invisible OCR layer
is garbage), so the decision is per page. OCR pages run in parallel across processes, Tesseract
itself single-threaded (`OMP_THREAD_LIMIT=1`): pages scale better than Tesseract's threads.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pdfplumber

from normalizers.lexicon import is_syllable
from pipeline.positioned import PageContent, Word, words_overlap
from pipeline.readers import pdf_text

OCR_DPI = 300


def page_workers() -> int:
    """Processes for OCR pages: VANBAN_PAGE_JOBS, else 1 (the CLI parallelises across documents)."""
    return max(1, int(os.environ.get("VANBAN_PAGE_JOBS", "1")))


def read_pdf(path: Path) -> list[PageContent]:
    pages: list[PageContent] = []
    stamps: dict[int, list[Word]] = {}
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            words = pdf_text.page_words(page, number)
            usable, note, words = pdf_text.usable_text_layer(words)
            if usable and (stamp := pdf_text.stamp_only_layer(page, words)):
                usable, note = False, stamp
            if usable:
                tables = pdf_text.page_tables(page, number, path, words)
                pages.append(PageContent(number, page.width, page.height, "text", words, tables, note=note))
            else:
                pages.append(PageContent(number, page.width, page.height, "ocr", note=note))
                stamps[number] = _numbering_stamp(words)
    todo = [p for p in pages if p.kind == "ocr"]
    for done in _map(_ocr_pdf_page, [(path, p.number, p.width, p.height, p.note) for p in todo]):
        # OCR may have read the stamp's digits too (then they are already there)
        kept = [w for w in stamps.get(done.number, [])
                if not any(words_overlap(w, o) and w.text in o.text for o in done.words)]
        if kept:
            done.words += kept
            done.note += f"; the text layer's {' '.join(w.text for w in kept)!r} kept (a numbering stamp)"
        pages[done.number - 1] = done
    return pages


def _numbering_stamp(words: list[Word]) -> list[Word]:
    """A scan whose only text is a few numbers: a numbering system stamped the document's number (or date)
    into the blank of `Số:    /…` on the image. Those words are exact; they join the OCR'd words."""
    if not words or len(words) > 4 or not all(any(ch.isdigit() for ch in w.text) for w in words):
        return []
    return words


def read_image(path: Path) -> list[PageContent]:
    from pipeline.readers.raster import load_image_pages

    images = load_image_pages(path)
    jobs = [(img, number, dpi) for number, (img, dpi) in enumerate(images, start=1)]
    return list(_map(_ocr_image, jobs))


def _map(fn, jobs: list):
    if page_workers() <= 1 or len(jobs) <= 1:
        return map(fn, jobs)
    with ProcessPoolExecutor(max_workers=min(page_workers(), len(jobs))) as pool:
        return list(pool.map(fn, jobs))


def _ocr_pdf_page(job: tuple) -> PageContent:
    from pipeline.readers.raster import render_pdf_page

    path, number, width, height, note = job
    image = render_pdf_page(path, number - 1, dpi=OCR_DPI)
    page = _ocr_image((image, number, OCR_DPI))
    if page.note == "OCR":  # a page turned upright keeps its own (landscape) size
        page.width, page.height = width, height
    page.note = f"{page.note}: {note}"
    return page


def _ocr_image(job: tuple) -> PageContent:
    """Clean the page, read it; a page whose reading is not Vietnamese is turned upright if its text
    stands sideways or upside down (orientation detection runs only then: it costs ~0.8 s a page)."""
    from pipeline.readers.ocr import binarize_page, clean_page, fade_seals, has_colour, page_turn

    image, number, dpi = job
    clean, _angle = clean_page(image)
    if not has_colour(image):  # on colour pages `clean_page` has already taken red seal ink out
        clean = fade_seals(clean, dpi)
    gray = binarize_page(clean)
    page = _read_page(gray, clean, number, dpi)
    if readable_share(page) < MIN_READABLE and (turn := page_turn(gray, dpi)):
        turned = _read_page(np.ascontiguousarray(np.rot90(gray, turn)), np.ascontiguousarray(np.rot90(clean, turn)),
                            number, dpi)
        if readable_share(turned) > readable_share(page):
            turned.note = f"OCR, page turned {90 * turn}° counter-clockwise"
            return turned
    return page


def _read_page(gray, clean, number: int, dpi: float) -> PageContent:
    """Ruled tables read cell by cell, then the rest of the page (`gray` binarized for Tesseract, `clean`
    its grey levels, where faint rules are found)."""
    from pipeline.readers.image_tables import blank_tables, read_tables
    from pipeline.readers.ocr import DEFAULT_LANG, engine_name, ocr_page, reread_unread_ink

    tables = read_tables(gray, number, dpi, DEFAULT_LANG, rules_from=clean)
    text_part = blank_tables(gray, tables, dpi) if tables else gray
    words = reread_unread_ink(text_part, ocr_page(text_part, number, dpi, DEFAULT_LANG), number, dpi, DEFAULT_LANG)
    height, width = gray.shape[:2]
    return PageContent(number, width * 72 / dpi, height * 72 / dpi, "ocr", words, tables,
                       ocr_engine=engine_name(DEFAULT_LANG), note="OCR")


MIN_READABLE = 0.6  # share of Vietnamese syllables: 0.74–0.99 on the corpus scans, 0.41–0.47 on sideways ones


def readable_share(page: PageContent) -> float:
    """Share of the page's letter tokens (words and table cells) that are Vietnamese syllables; 1.0 for
    a page with almost no text (a blank page or a photo is nothing to turn)."""
    texts = [w.text for w in page.words] + [c.text for t in page.tables for row in t.rows for c in row if c]
    tokens = [t.strip(".,;:()[]\"'") for text in texts for t in text.split()]
    letters = [t for t in tokens if any(ch.isalpha() for ch in t)]
    if len(letters) < 10:
        return 1.0 if not page.tables else 0.0
    return sum(is_syllable(t) for t in letters) / len(letters)
