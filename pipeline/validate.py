"""Validate stage: cross-field consistency of one document, and its status."""

from __future__ import annotations

from pipeline.model import Document, Warning
from pipeline.positioned import PageContent


def validate(doc: Document) -> Document:
    h = doc.header
    found = {w.code for w in doc.warnings}
    if h.reference is None and h.symbol is None and "number_missing" not in found:
        doc.warnings.append(Warning(code="number_missing", message="No số/ký hiệu found in the header."))
    if h.issued_year is None:
        doc.warnings.append(Warning(code="date_missing", message="No issue date found in the header."))
    if not h.title:
        doc.warnings.append(Warning(code="title_missing", message="No title (trích yếu) found."))
    if h.doc_type is None:
        doc.warnings.append(Warning(code="doc_type_missing", message="Document type not recognised."))
    if h.receipt and h.number and h.receipt.number == h.number:
        doc.warnings.append(Warning(code="number_equals_receipt",
                                    message="The document number equals the receipt stamp's number."))
    if doc.budget and doc.budget.consistent is False and not any(w.code == "budget_inconsistent" for w in doc.warnings):
        doc.warnings.append(Warning(code="budget_inconsistent", message="Budget figures do not add up."))
    doc.status = "warnings" if doc.warnings else "ok"
    return doc


def page_warnings(pages: list[PageContent]) -> list[Warning]:
    """Say which pages were OCR'd and why, and which pages gave no text at all."""
    out = []
    for p in pages:
        if p.kind == "ocr" and p.note:
            out.append(Warning(code="page_ocr", message=f"Page {p.number}: {p.note}.", span=None))
        if not p.words and not p.tables:
            out.append(Warning(code="page_empty", message=f"Page {p.number}: no text found."))
    return out
