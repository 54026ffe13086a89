"""Shared fixtures: the bundled samples (text, digital PDF, scanned PDF), extracted once per session."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "gold"
KINDS = {"text": SAMPLES.glob("*.txt"), "pdf": (SAMPLES / "pdf").glob("*.pdf"),
         "scan": (SAMPLES / "scan").glob("*.pdf")}


def _extract(paths, out: Path) -> dict[str, dict]:
    """Run the pipeline as `vanban extract` does and read the JSON back."""
    from pipeline.run import extract_file
    from pipeline.write import write_document

    docs = {}
    for path in sorted(paths):
        written = write_document(extract_file(path), out, path.stem)
        docs[path.stem] = json.loads(written.read_text(encoding="utf-8"))
    return docs


@pytest.fixture(scope="session")
def docs(tmp_path_factory) -> dict[str, dict]:
    return _extract(KINDS["text"], tmp_path_factory.mktemp("text"))


@pytest.fixture(scope="session")
def pdf_docs(tmp_path_factory) -> dict[str, dict]:
    return _extract(KINDS["pdf"], tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="session")
def scan_docs(tmp_path_factory) -> dict[str, dict]:
    return _extract(KINDS["scan"], tmp_path_factory.mktemp("scan"))
