"""Shared fixtures: the bundled samples, their gold answers, and the seeds extracted once per session."""

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


@pytest.fixture(scope="session")
def extracted(tmp_path_factory) -> Path:
    """Every text sample run through the pipeline and written as JSON (as `vanban extract` does)."""
    from pipeline.run import extract_file
    from pipeline.write import write_document

    out = tmp_path_factory.mktemp("outputs")
    for path in sorted(SAMPLES.glob("*.txt")):
        write_document(extract_file(path), out, path.stem)
    return out


@pytest.fixture(scope="session")
def docs(extracted) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(extracted.glob("*.json"))}
