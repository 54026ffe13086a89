"""The spaCy patterns in extractors/data/entity_patterns.jsonl, through our own tokenizer."""

from __future__ import annotations

import pytest

from extractors.entities import find_entities, nlp, patterns

NAMED = sorted({(p["label"], p["id"]) for p in patterns() if p["label"] in ("ORG", "POSITION", "GPE")})


@pytest.mark.parametrize(("label", "name"), NAMED, ids=[n for _, n in NAMED])
def test_every_name_matches_itself(label, name):
    assert any(e.label == label and e.canonical == name and (e.start, e.end) == (0, len(name))
               for e in find_entities(name))


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Ủy ban nhân dân tỉnh Bắc Kạn, KH&CN", ["Ủy", "ban", "nhân", "dân", "tỉnh", "Bắc", "Kạn", ",", "KH&CN"]),
        ("TM. ỦY BAN; T/M BAN", ["TM.", "ỦY", "BAN", ";", "T/M", "BAN"]),
        ("Quyết định số 684/QĐ-UBND.", ["Quyết", "định", "số", "684/QĐ-UBND", "."]),
    ],
)
def test_tokenizer_splits_punctuation_but_keeps_symbols(text, tokens):
    assert [t.text for t in nlp()(text)] == tokens


@pytest.mark.parametrize(
    ("text", "label", "canonical"),
    [
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "ORG", "Sở Khoa học và Công nghệ"),
        ("Ủy ban nhân dân thành phố Cao Bằng xây dựng Kế hoạch", "ORG", "Ủy ban nhân dân"),
        ("PHÓ CHỦ TỊCH", "POSITION", "Phó Chủ tịch"),
        ("TM. ỦY BAN NHÂN DÂN", "AUTHORITY", "TM."),
        ("tỉnh Đắk Nông", "GPE", "Đắk Nông"),
    ],
)
def test_entities_in_document_lines(text, label, canonical):
    assert (label, canonical) in {(e.label, e.canonical) for e in find_entities(text)}


def test_cadre_is_not_a_ministry():
    """`cán bộ khoa học và công nghệ` is not `Bộ Khoa học và Công nghệ` (first word must be capitalized)."""
    assert not [e for e in find_entities("đội ngũ cán bộ khoa học và công nghệ") if e.label == "ORG"]
