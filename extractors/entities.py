"""Agencies, positions, authority prefixes and places found with spaCy's EntityRuler.

spaCy has no Vietnamese model; a blank `vi` pipeline with our own tokenizer (syllables, with
punctuation split off but `684/QĐ-UBND`, `KH&CN`, `TM.` and `T/M` kept whole) carries an
EntityRuler whose patterns live in `data/entity_patterns.jsonl`. Each pattern's `id` is the
canonical, properly cased form (`ỦY BAN NHÂN DÂN` → `Ủy ban nhân dân`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.tokens import Doc

from extractors.resources import data_path

# A token: an abbreviation with its dot (TM., TP.), a word possibly joined by & / - (KH&CN,
# 684/QĐ-UBND, T/M), or any single other character.
_TOKEN = re.compile(r"(?:[A-ZĐ]{1,4}\.(?=\s|$))|\w+(?:[&/\-.]\w+)*|\S")


class SyllableTokenizer:
    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = [], []
        for m in _TOKEN.finditer(text):
            words.append(m.group())
            spaces.append(m.end() < len(text) and text[m.end()].isspace())
        return Doc(self.vocab, words=words, spaces=spaces)


@dataclass(frozen=True, slots=True)
class Entity:
    label: str
    start: int
    end: int
    text: str
    canonical: str


@lru_cache(maxsize=1)
def patterns() -> list[dict]:
    """The entries of entity_patterns.jsonl (`label`, `pattern`, `id`)."""
    out = []
    for line in data_path("entity_patterns.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        out.append(json.loads(line))
    return out


@lru_cache(maxsize=1)
def nlp() -> spacy.language.Language:
    pipeline = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    pipeline.tokenizer = SyllableTokenizer(pipeline.vocab)
    ruler = pipeline.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(patterns())
    return pipeline


def find_entities(text: str, labels: tuple[str, ...] | None = None) -> list[Entity]:
    return [e for e in _entities(text) if labels is None or e.label in labels]


@lru_cache(maxsize=4096)
def _entities(text: str) -> tuple[Entity, ...]:
    return tuple(Entity(e.label_, e.start_char, e.end_char, e.text, e.ent_id_ or e.text) for e in nlp()(text).ents)


def clear_cache() -> None:
    _entities.cache_clear()
