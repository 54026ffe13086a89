"""The seeds end to end: scored field by field against the hand-checked gold answers, schema-valid."""

from __future__ import annotations

import json

import jsonschema
import pytest

from pipeline.schema import document_schema
from tests.conftest import GOLD, ROOT
from tests.tools import score

BAR = 0.95


@pytest.fixture(scope="module")
def tally(docs):
    t = score.Tally()
    for gold_path in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        notes: list[str] = []
        score.score_doc(docs[gold_path.stem], gold, t, notes)
    return t


def test_every_seed_has_output(docs):
    assert sorted(docs) == sorted(p.stem for p in GOLD.glob("*.json"))
    assert all(d["status"] != "failed" for d in docs.values())


FIELDS = ["header.doc_type_code", "header.number", "header.symbol", "header.reference", "header.issuing_body",
          "header.place", "header.issued_date", "header.title", "header.signer_names", "header.recipients",
          "header.recipients_precision", "references", "references.date", "sections", "sections.parent",
          "tables.rows", "tables.rows_precision", "tables.values", "tables.unit"]


@pytest.mark.parametrize("field", FIELDS)
def test_field_meets_the_bar(tally, field):
    assert tally.total.get(field), f"{field} was never scored"
    assert tally.rate(field) >= BAR, f"{field}: {tally.hit[field]}/{tally.total[field]}"


def test_budget_totals_exact(tally):
    assert tally.rate("budget.total") == 1.0


def test_no_decoys_and_no_spurious_sections(tally):
    assert tally.rate("header.no_decoy") == 1.0
    assert tally.hit.get("sections.spurious_top_level", 0) == 0


def test_outputs_validate_against_committed_schema(docs):
    committed = json.loads((ROOT / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    assert committed == document_schema(), "schema/document.schema.json is stale: run `make schema`"
    for name, doc in docs.items():
        jsonschema.validate(doc, committed), name


def test_vendored_scorer_matches_shared_copy():
    shared = ROOT.parent / "shared" / "tools" / "score.py"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    assert shared.read_text() == (ROOT / "tests" / "tools" / "score.py").read_text()
