"""Real PDFs from ../shared/corpus/real: header facts from its SOURCES.md, and no crash on any file."""

from __future__ import annotations

import json

import pytest

from pipeline.run import extract_file
from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "real"
EXPECTED = {k: v for k, v in json.loads((ROOT / "tests" / "corpus_expected.json").read_text()).items()
            if not k.startswith("_")}

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/real is not beside this checkout")


@needs_corpus
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_digital_pdf_header(name):
    doc = extract_file(CORPUS / name)
    assert doc.status != "failed", doc.error
    got = {field: getattr(doc.header, field) for field in EXPECTED[name]}
    assert got == EXPECTED[name]
    assert doc.source.format == "pdf" and not doc.source.ocr


@needs_corpus
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*") if p.suffix.lower() in
                                        (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")) if CORPUS.is_dir() else [])
def test_every_real_file_goes_through(name):
    """Scans, phone photos, garbage and mojibake text layers: a document, never a failure."""
    doc = extract_file(CORPUS / name)
    assert doc.status != "failed", doc.error
    assert doc.text.strip() and doc.source.pages >= 1
    assert doc.source.ocr == any(w.code == "page_ocr" for w in doc.warnings)
