"""Issuing bodies: the agency block at the top left, or — when OCR lost it — the body and signature.

`ỦY BAN NHÂN DÂN` + `TỈNH BẮC KẠN` is one agency (the second line starts with a unit word);
`UBND TỈNH LÂM ĐỒNG` + `SỞ NỘI VỤ` is a parent and its department (the second line starts with an
agency head); `TỈNH UỶ CAO BẰNG` is a Party committee.
"""

from __future__ import annotations

import difflib
import re

from extractors.casing import CaseVocab, admin_units, expand_abbreviations, recase
from extractors.entities import find_entities
from normalizers import fold_diacritics

_MOTTOS = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "dang cong san viet nam")
_MOTTO_START = re.compile(r"(CỘNG\s*H[OÒ]A\s*X[AÃ]|Đ[ỘO]C\s*L[ẬA]P\s*-|ĐẢNG\s*CỘNG\s*SẢN)", re.I)
_RULE = re.compile(r"^[\s\-_=*~.–—]+$")
# Department-level heads that take the province/district of their parent body.
_OFFICES_OF_PARENT = ("Văn phòng",)  # an office is named after its parent body (Văn phòng UBND tỉnh X), not a place
_LOCAL_HEADS = ("Sở", "Ban", "Phòng", "Công an", "Chi cục", "Trung tâm", "Văn phòng", "Hội đồng", "Ban Chỉ đạo")


def is_motto(text: str) -> bool:
    key = re.sub(r"\s+", " ", fold_diacritics(text).lower().replace("–", "-")).strip(" .")
    return any(difflib.SequenceMatcher(None, key, m).ratio() >= 0.8 for m in _MOTTOS)


def is_rule(text: str) -> bool:
    return bool(_RULE.match(text))


def strip_motto(text: str) -> str:
    """Left column only, when OCR put both header columns on one line."""
    m = _MOTTO_START.search(text)
    return text[: m.start()].strip() if m and m.start() > 0 else text


def starts_with_agency(text: str) -> bool:
    ents = find_entities(expand_abbreviations(text), ("ORG", "ORG_HEAD"))
    return bool(ents) and ents[0].start == 0


def starts_with_position(text: str) -> bool:
    ents = find_entities(text, ("POSITION",))
    return bool(ents) and ents[0].start == 0


def group_agency_lines(lines: list[str]) -> list[str]:
    """Join the lines of one agency name; a line starting with an agency head starts a new one."""
    groups: list[str] = []
    for text in lines:
        if groups and not starts_with_agency(text):
            groups[-1] += " " + text
        else:
            groups.append(text)
    return groups


def proper_agency(text: str, vocab: CaseVocab | None = None) -> str:
    """`ỦY BAN NHÂN DÂN TỈNH BẮC KẠN` → `Ủy ban nhân dân tỉnh Bắc Kạn`; `UBND huyện X` → `Ủy ban nhân dân huyện X`."""
    text = " ".join(w for w in text.split() if any(ch.isalnum() for ch in w)).strip(" *-")  # OCR specks: `. | ;`
    return _unit_marks(recase(text, vocab) if text.isupper() else expand_abbreviations(text))


def _unit_marks(agency: str) -> str:
    """A one-word unit before a place name keeps its marks even when OCR shifted them (`tĩnh Quảng Ngãi`,
    `tính Đắk Nông`): in a body's name `tinh` before a capitalised word can only be `tỉnh`."""
    words = agency.split(" ")
    units = {fold_diacritics(u): u for u in admin_units().values() if " " not in u}
    for k, w in enumerate(words[:-1]):
        if w not in units.values() and (unit := units.get(fold_diacritics(w).lower())) and words[k + 1][:1].isupper():
            words[k] = unit
        elif w == "Bạn":  # `BẠN CHẤP HÀNH`: a body's name never holds `bạn`, OCR added the dot to `BAN`
            words[k] = "Ban"
    return " ".join(words)


def place_part(agency: str) -> str | None:
    """`Ủy ban nhân dân tỉnh Lâm Đồng` → `tỉnh Lâm Đồng`."""
    units = sorted(set(admin_units().values()), key=len, reverse=True)
    m = re.search(r"\b(" + "|".join(map(re.escape, units)) + r")\s+[A-ZĐ]", agency)
    return agency[m.start() :] if m else None


def with_parent_place(issuer: str, parent: str | None) -> str:
    """A department named without its place takes the place of its parent body."""
    if parent and issuer in _OFFICES_OF_PARENT:  # `UBND TỈNH X` over `VĂN PHÒNG`: the body's own office
        return f"{issuer} {parent}"
    if not parent or place_part(issuer) or not issuer.startswith(_LOCAL_HEADS):
        return issuer
    where = place_part(parent)
    return f"{issuer} {where}" if where else issuer


def agency_mentions(text: str, head: str) -> list[tuple[int, str]]:
    """Mentions of `head` followed by a unit word and a capitalized place name, in a body line."""
    text = expand_abbreviations(text)
    if head.lower() not in text.lower():  # cheap test first: most lines name no agency
        return []
    units = "|".join(map(re.escape, sorted(set(admin_units().values()), key=len, reverse=True)))
    out = []
    for ent in find_entities(text, ("ORG",)):
        if ent.canonical != head:
            continue
        m = re.match(rf"\s+(?i:({units}))\s+((?:[A-ZĐÀ-Ỹ][^\s,;.()]*\s?){{1,4}})", text[ent.end :])
        if m:
            out.append((ent.start, f"{head} {m.group(1).lower()} {m.group(2).strip()}"))
    return out
