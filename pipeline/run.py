"""The whole flow on one screen: load → normalize → correct → extract → validate (→ write, in `pipeline.write`).

Text files are normalized from their characters (`build_layout`), PDFs and images from the positions
of their words (`layout_from_pages`); OCR diacritic errors are then repaired in the lines that came
from OCR (`correct_layout`; a text input only when it reads as OCR output, `correct_if_ocr`), and from
there every document takes the same extractors.

Each stage is a plain function over the model. A failure of any stage becomes an error record
for that file (status "failed"), never a crash of the batch.
"""

from __future__ import annotations

import hashlib
import traceback
from pathlib import Path

from extractors.budget import extract_budget
from extractors.certificates import apply_certificates
from extractors.corrections import LineFix, correct_if_ocr, correct_layout, corrections
from extractors.header import extract_header
from extractors.layout import Layout, build_layout, clean_inline
from extractors.page_layout import layout_from_pages
from extractors.references import extract_references
from extractors.sections import extract_sections
from extractors.tables import extract_tables
from normalizers import normalize_text
from pipeline.load import InputError, load
from pipeline.model import Document, Error, Source, ZoneLine
from pipeline.positioned import PageContent
from pipeline.validate import page_warnings, validate

TYPED_FORMATS = ("docx", "html")


def extract_text(text: str, source: Source, correct: bool = True) -> Document:
    """Decoded text (upstream OCR output, exports): lines, markup and table blocks from the characters."""
    layout = build_layout(text)
    layout, fixes = correct_if_ocr(layout, clean_inline) if correct else (layout, [])
    return extract_layout(layout, source, fixes)


def extract_pages(pages: list[PageContent], source: Source, correct: bool = True) -> Document:
    """PDF pages and images: lines and tables from word positions (text layer or OCR)."""
    layout = layout_from_pages(pages)
    ocr_pages = {p.number for p in pages if p.kind == "ocr"}
    fixes = correct_layout(layout, normalize_text, ocr_pages) if correct and ocr_pages else []
    return extract_layout(layout, source, fixes, pages)


def extract_layout(layout: Layout, source: Source, fixes: list[LineFix] | None = None,
                   pages: list[PageContent] | None = None) -> Document:
    """Run every extractor over the normalized (and corrected) layout."""
    tables, table_warnings = extract_tables(layout)
    head = extract_header(layout)
    head.warnings += apply_certificates(head.header, source.digital_signatures, head.vocab)
    references, reference_warnings = extract_references(layout, head.header)
    sections, section_warnings = extract_sections(layout, head.parts, head.title_end)
    budget, budget_warnings = extract_budget(layout, tables, head.header)
    doc = Document(source=source, header=head.header, references=references, sections=sections,
                   tables=tables, budget=budget, text="\n".join(ln.text for ln in layout.lines).strip(),
                   corrections=corrections(fixes or [], layout),
                   warnings=table_warnings + head.warnings + reference_warnings + section_warnings + budget_warnings)
    doc.warnings += page_warnings(pages or [])
    doc._zones = [ZoneLine(zone=layout.zone_of(ln, head.title_end), text=ln.text, line=ln.source_line or ln.no,
                           page=ln.page, start=ln.start, end=ln.end, bbox=list(ln.bbox) if ln.bbox else None)
                  for ln in layout.lines if not ln.blank]
    return validate(doc)


def extract_file(path: Path, correct: bool = True) -> Document:
    """Load and extract one file; any failure becomes a `failed` document with a specific error.

    `correct=False` leaves OCR diacritic errors as read (`vanban extract --no-correct`).
    """
    try:
        loaded = load(path)
        if loaded.pages is not None:
            return extract_pages(loaded.pages, loaded.source, correct)
        # Word files and web pages are typed text: only a plain text may be another engine's OCR
        return extract_text(loaded.text, loaded.source, correct and loaded.source.format not in TYPED_FORMATS)
    except InputError as e:
        return failed(path, e.code, str(e))
    except OSError as e:
        return failed(path, "unreadable", f"{path.name}: {e.strerror or e}")
    except Exception as e:  # noqa: BLE001 — one bad document must not stop the batch
        where = traceback.extract_tb(e.__traceback__)[-1]
        return failed(path, "extractor_error",
                      f"{path.name}: {type(e).__name__}: {e} (at {Path(where.filename).name}:{where.lineno})")


def failed(path: Path, code: str, message: str) -> Document:
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = ""
    return Document(source=Source(path=str(path), sha256=digest), status="failed",
                    error=Error(code=code, message=message))
