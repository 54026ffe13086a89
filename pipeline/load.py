"""Load stage: a file on disk → its decoded text and a `Source` record. The only stage that reads files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from normalizers import decode_bytes
from pipeline.model import Source
from pipeline.positioned import PageContent

TEXT_SUFFIXES = {".txt", ".text", ".md", ".tsv"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | IMAGE_SUFFIXES | DOCX_SUFFIXES


class InputError(Exception):
    """A file that cannot be read as a document; `code` names the reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(slots=True)
class Loaded:
    """Decoded text (text and HTML files) or pages of positioned words (PDFs, images)."""

    source: Source
    text: str | None = None
    pages: list[PageContent] | None = None


def load(path: Path) -> Loaded:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError("unsupported_format", f"{path.name}: unsupported file type '{suffix or '(none)'}' "
                                               f"(supported: {', '.join(sorted(SUPPORTED))})")
    data = path.read_bytes()
    if not data.strip():
        raise InputError("empty_file", f"{path.name}: the file is empty")
    if suffix in PDF_SUFFIXES | IMAGE_SUFFIXES:
        return _load_pages(path, data, suffix)
    if suffix in DOCX_SUFFIXES:
        return _load_docx(path, data)
    text, encoding = decode_bytes(data)
    if "\x00" in text:
        raise InputError("binary_file", f"{path.name}: binary content, not text")
    fmt = "html" if suffix in HTML_SUFFIXES else "text"
    if fmt == "html":
        from pipeline.readers.html import html_to_text

        text = html_to_text(text)  # offsets and lines then refer to this text rendering of the page
    source = Source(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=fmt, encoding=encoding,
                    pages=text.count("\f") + 1)
    return Loaded(source, text=text)


def _load_docx(path: Path, data: bytes) -> Loaded:
    from pipeline.readers.docx import DocxError, docx_to_text

    try:
        text = docx_to_text(data)
    except DocxError as e:
        raise InputError("damaged_docx", f"{path.name}: {e}") from e
    source = Source(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="docx", encoding="utf-8")
    return Loaded(source, text=text)


PDF_HEADER_WITHIN = 1024  # bytes: where Acrobat, pdfium and poppler look for the header


def _load_pages(path: Path, data: bytes, suffix: str) -> Loaded:
    from pipeline.readers.pages import read_image, read_pdf
    from pipeline.readers.pdf_signatures import read_signatures

    is_pdf = suffix in PDF_SUFFIXES
    # bytes before the header (a download's or scanner's prefix) are tolerated as pdfium and poppler do
    if is_pdf and data.find(b"%PDF", 0, PDF_HEADER_WITHIN) < 0:
        raise InputError("not_a_pdf", f"{path.name}: not a PDF (no %PDF header in its first {PDF_HEADER_WITHIN} bytes)")
    try:
        pages = read_pdf(path) if is_pdf else read_image(path)
    except InputError:
        raise
    except Exception as e:  # noqa: BLE001 — pdfminer/PIL raise many types for damaged files
        kind = "damaged_pdf" if is_pdf else "unreadable_image"
        raise InputError(kind, f"{path.name}: cannot be read ({type(e).__name__}: {e})") from e
    ocr_pages = [p for p in pages if p.kind == "ocr"]
    source = Source(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="pdf" if is_pdf else "image",
                    pages=len(pages), ocr=bool(ocr_pages),
                    ocr_engine=ocr_pages[0].ocr_engine if ocr_pages else None,
                    digital_signatures=read_signatures(path) if is_pdf else [])
    return Loaded(source, pages=pages)
