"""Real files from ../shared/corpus/real: every one goes through, and the header facts its SOURCES.md states
(tests/corpus_expected.json) come out right. Each file is extracted once."""

from __future__ import annotations

import json

import pytest

from pipeline.run import extract_file
from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "real"
EXPECTED = {k: v for k, v in json.loads((ROOT / "tests" / "corpus_expected.json").read_text()).items()
            if not k.startswith("_")}
READABLE = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")
FILES = sorted(p.name for p in CORPUS.glob("*") if p.suffix.lower() in READABLE) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/real is not beside this checkout")
@pytest.mark.parametrize("name", FILES)
def test_real_file(name):
    """Scans, phone photos, garbage and mojibake text layers: a document, never a failure; stated facts right."""
    doc = extract_file(CORPUS / name)
    assert doc.status != "failed", doc.error
    assert doc.text.strip() and doc.source.pages >= 1
    assert doc.source.ocr == any(w.code == "page_ocr" for w in doc.warnings)
    expected = EXPECTED.get(name, {})
    assert {field: getattr(doc.header, field) for field in expected} == expected


def test_every_stated_file_is_in_the_corpus():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/real is not beside this checkout")
    assert set(EXPECTED) <= set(FILES)
