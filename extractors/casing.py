"""ALL-CAPS lines to proper case: `ỦY BAN NHÂN DÂN TỈNH BẮC KẠN` → `Ủy ban nhân dân tỉnh Bắc Kạn`.

Agency blocks, type lines and titles are printed in capitals. The rules, in order: expand
abbreviations (UBND, TP.); known agencies, positions and places take their canonical form
(EntityRuler ids); an administrative-unit word (tỉnh, huyện, …) is lower case and the place after
it is title case; acronyms (not Vietnamese syllables: CCHC, OCOP, KH&CN) stay; any other word is
written the way the document itself writes it elsewhere, else lower case.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extractors.entities import find_entities
from extractors.resources import read_csv
from normalizers.lexicon import is_syllable, words
from normalizers.text import fold_diacritics, is_all_caps, normalize_text

_WORD = re.compile(r"[^\W\d_]+(?:[&'][^\W\d_]+)*\.?|\S")
_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    return {r["abbr"]: r["expansion"] for r in read_csv("abbreviations.csv")}


@lru_cache(maxsize=1)
def admin_units() -> dict[str, str]:
    """Lower-cased unit word or abbreviation → full lower-case form (`tp.` → `thành phố`)."""
    return {r["word"].lower(): r["proper"] for r in read_csv("admin_units.csv")}


def expand_abbreviations(text: str) -> str:
    """UBND → Ủy ban nhân dân, TP. Cao Bằng → thành phố Cao Bằng (whole tokens only)."""
    table, units = abbreviations(), admin_units()

    def swap(m: re.Match) -> str:
        tok = m.group()
        if tok in table and not is_syllable(tok):  # TU, HU are also syllables (TU SỬA)
            return table[tok]
        full = units.get(tok.lower())
        return full if full and (tok.endswith(".") or tok.isupper()) and len(tok) <= 4 else tok

    return re.sub(r"(?<![\w/&-])[A-Za-zĐđ&]+\.?(?![\w/&-])", swap, text)


class CaseVocab:
    """How the document writes each word outside capitals and sentence starts."""

    def __init__(self, lines: list[str]) -> None:
        self.counts: dict[str, Counter] = {}
        self.by_letters: dict[str, Counter] = {}  # the words of ordinary type by their letters without marks
        for line in lines:
            if is_all_caps(line):
                continue
            toks = _WORD.findall(line)
            for prev, tok in zip(["."] + toks, toks):
                if not tok[0].isalpha():
                    continue
                if not tok.isupper():
                    self.by_letters.setdefault(fold_diacritics(tok.lower()), Counter())[tok.lower()] += 1
                if prev not in ".:;!?-+•(":
                    self.counts.setdefault(tok.lower(), Counter())[tok] += 1

    def form(self, token: str) -> str | None:
        seen = self.counts.get(token.lower())
        return seen.most_common(1)[0][0] if seen else None

    def marked(self, token: str) -> str | None:
        """A capitals word that is no syllable (`THUE`: OCR lost its marks), as the document spells those
        letters in ordinary type (`thuế`), when it is a syllable there."""
        seen = self.by_letters.get(fold_diacritics(token.lower()))
        best = seen.most_common(1)[0][0] if seen else None
        return (self.form(best) or best) if best and best != token.lower() and is_syllable(best) else None


def _is_acronym(token: str) -> bool:
    letters = token.rstrip(".")
    return len(letters) >= 2 and (not (_VOWELS & set(letters.lower())) or not is_syllable(letters))


def recase(text: str, vocab: CaseVocab | None = None, sentence: bool = True) -> str:
    """Proper case for an ALL-CAPS phrase (text that is not all caps is returned as is)."""
    text = normalize_text(text)
    if not is_all_caps(text):
        return text
    text = expand_abbreviations(" ".join(text.split()))
    out = list(text)
    fixed = [False] * len(text)
    for ent in find_entities(text):
        if ent.label in ("ORG", "POSITION", "GPE", "AUTHORITY") and len(ent.canonical) == ent.end - ent.start:
            out[ent.start : ent.end] = ent.canonical
            fixed[ent.start : ent.end] = [True] * (ent.end - ent.start)
    place, skip_to = 0, 0  # place: syllables of a place name still to title-case
    for m in _WORD.finditer(text):
        tok, a, b = m.group(), m.start(), m.end()
        if a < skip_to or fixed[a]:
            place = place if a < skip_to else (4 if _names_place(text, a, fixed) else 0)
            continue
        if not tok[0].isalpha():
            place = place if tok == "-" else 0
            continue
        unit = _unit_at(text, a)
        if unit and not place:
            out[a : a + len(unit)] = unit
            place, skip_to = 4, a + len(unit)
            continue
        out[a:b] = _case_token(tok, vocab, place > 0)
        place = max(place - 1, 0)
    result = "".join(out)
    return result[:1].upper() + result[1:] if sentence else result


def _names_place(text: str, at: int, fixed: list[bool]) -> bool:
    """After a Party committee (`HUYỆN ỦY`, `TỈNH ỦY`) comes the name of its place."""
    end = at
    while end < len(fixed) and fixed[end]:
        end += 1
    return text[at:end].lower().endswith(("ủy", "uỷ")) and end == at + len(text[at:end]) and end < len(text)


def _unit_at(text: str, at: int) -> str | None:
    """The administrative-unit phrase (lower case) starting at `at` and followed by a name.

    `XÃ HỘI` is a word (society), not the commune `xã` + a place: the lexicon tells them apart.
    """
    rest = text[at:].lower()
    for unit in sorted(set(admin_units().values()), key=len, reverse=True):
        if rest.startswith(unit + " "):
            following = rest[len(unit) + 1 :].split(" ", 1)[0]
            return None if f"{unit} {following}" in words() else unit
    return None


def _case_token(tok: str, vocab: CaseVocab | None, place: bool) -> str:
    if place:
        return tok[:1].upper() + tok[1:].lower()
    if _is_acronym(tok) and tok.isupper():
        marked = vocab.marked(tok) if vocab and _VOWELS & set(tok.lower()) else None
        return marked or tok
    form = vocab.form(tok) if vocab else None
    return form if form else tok.lower()
