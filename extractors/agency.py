"""Issuing bodies: the agency block at the top left, or — when OCR lost it — the body and signature.

`ỦY BAN NHÂN DÂN` + `TỈNH BẮC KẠN` is one agency (the second line starts with a unit word);
`UBND TỈNH LÂM ĐỒNG` + `SỞ NỘI VỤ` is a parent and its department (the second line starts with an
agency head); `TỈNH UỶ CAO BẰNG` is a Party committee.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from extractors.casing import CaseVocab, admin_units, expand_abbreviations, recase
from extractors.entities import find_entities, patterns
from extractors.resources import read_csv, read_lines
from normalizers import UPPER, fold_diacritics, unique_by_letters

_MOTTOS = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "dang cong san viet nam")
_MOTTO_START = re.compile(r"(CỘNG\s*H[OÒ]A\s*X[AÃ]|Đ[ỘO]C\s*L[ẬA]P\s*-|ĐẢNG\s*CỘNG\s*SẢN)", re.I)
_RULE = re.compile(r"^[\s\-_=*~.–—]+$")
# Department-level heads that take the province/district of their parent body.
_OFFICES_OF_PARENT = ("Văn phòng",)  # an office is named after its parent body (Văn phòng UBND tỉnh X), not a place
# institutions whose councils and boards are named after them, not after a place
_INSTITUTIONS = ("Quỹ", "Trường", "Công ty", "Tổng công ty", "Bệnh viện", "Viện", "Học viện", "Đại học", "Ngân hàng")
_BOARDS = ("Hội đồng", "Ban")
# bodies whose organs are named after them (Ban Thường trực Ủy ban MTTQ … xã X, Thường trực Hội đồng nhân dân
# tỉnh X, Tiểu ban … Ủy ban bầu cử xã X, Văn phòng Thường trực Ban Chỉ huy … tỉnh X), and those organs
_ORGANISATIONS = ("Ủy ban Mặt trận", "Ủy ban MTTQ", "Ủy ban bầu cử", "Ủy ban Kiểm tra", "Hội", "Liên đoàn", "Đoàn",
                  *_BOARDS)
_ORGANS = ("Ban Thường trực", "Ban Thường vụ", "Ban Chấp hành", "Thường trực", "Tiểu ban", "Văn phòng")
_DEPARTMENTS = ("Sở", "Bộ", "Cục", "Tổng cục")  # a council of a department is named after it, not a place
_PARTY_COMMITTEE = re.compile(r"^(Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy\b")
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


def is_national(name: str) -> bool:
    """A body of the whole country (Chính phủ, Bộ Tài chính): its name needs no place."""
    folded = name.strip().lower()
    ministry = folded.startswith("bộ ") and not folded.startswith("bộ chỉ huy")  # a province's military command
    return ministry or folded in _national_bodies()


@cache
def _national_bodies() -> frozenset[str]:
    return frozenset(b.lower() for b in read_lines("national_bodies.txt"))


def starts_with_agency(text: str) -> bool:
    ents = find_entities(expand_abbreviations(text), ("ORG", "ORG_HEAD"))
    return bool(ents) and ents[0].start == 0


def starts_with_position(text: str) -> bool:
    """`GIÁM ĐỐC SỞ …`, `TRƯỞNG BAN TUYÊN GIÁO …` (where the body's name overlaps the position's words)."""
    ents = find_entities(text, ("POSITION",))
    if ents and ents[0].start == 0:
        return True
    words = text.lower().split()
    return any(words[: len(p)] == p for p in _position_words())


@cache
def _position_words() -> tuple[list[str], ...]:
    return tuple(p["id"].lower().split() for p in patterns() if p["label"] == "POSITION")


def group_agency_lines(lines: list[str]) -> list[str]:
    """Join the lines of one agency name; a line starting with an agency head starts a new one."""
    groups: list[str] = []
    lines = [line.lstrip("_-–—.,;:|*~'\" ") for line in lines]  # `_ TRƯỜNG ĐẠI HỌC`: a speck OCR read first
    for text in (part for line in lines if line for part in split_merged_agencies(head_marks(line))):
        # `PHÒNG, CHỐNG DỊCH BỆNH …` goes on a board's name: a head word is no head before a comma
        if groups and (not starts_with_agency(text) or re.match(r"^\w+,", text)):
            groups[-1] += " " + text
        else:
            groups.append(text)
    return groups


def split_merged_agencies(text: str) -> list[str]:
    """`ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ QUY HOẠCH - KIẾN TRÚC`, `BỘ CÔNG THƯƠNG TRƯỜNG ĐẠI HỌC ĐIỆN LỰC`
    as one line (other engines' OCR joins the agency block into a paragraph): a body with its place, or a
    national one, then the unit under it, split where the unit's head begins."""
    ents = find_entities(text, ("ORG", "ORG_HEAD"))
    if not ents or ents[0].start != 0:
        return [text]
    for ent in ents[1:]:
        head, rest = text[: ent.start].strip(), text[ent.start:].strip()
        parent = proper_agency(head)
        if (place_part(parent) or is_national(parent)) and len(rest.split()) >= 2:
            return [head, rest]
    return [text]


def head_marks(text: str) -> str:
    """An agency line whose head word lost its marks to OCR (`SƠ TÀI CHÍNH`, `CUC THUẾ`), or whose long head
    OCR garbled by a letter (`HỘI ĐỒNG NHÂN DÂẦN`): the head as it is spelt (entity_patterns.jsonl), when
    that makes the line an agency's name."""
    if (fixed := _long_head_respelled(text)) is not None:
        return fixed
    first, _, rest = text.partition(" ")
    head = _heads_by_letters().get(fold_diacritics(first).lower())
    if not rest or head is None or head == first.lower() or starts_with_agency(text):
        return text
    fixed = f"{head.upper() if first.isupper() else head.capitalize()} {rest}"
    return fixed if starts_with_agency(fixed) else text


def _long_head_respelled(text: str) -> str | None:
    words = text.split()
    for head in _long_heads():
        n = len(head.split())
        # a dash is no misread `và` (`PHÒNG KINH TẾ - HẠ TẦNG` is another office than `… KINH TẾ VÀ HẠ TẦNG`)
        if len(words) < n or " ".join(words[:n]).lower() == head or not all(w.isalnum() for w in words[:n]):
            continue
        read, want = fold_diacritics(" ".join(words[:n])).lower(), fold_diacritics(head)
        # the first word must be the head's (`SỞ` is no misread `BỘ`: a department is no ministry)
        if read.split()[0] == want.split()[0] and difflib.SequenceMatcher(None, read, want).ratio() >= 0.93:
            spelled = head.upper() if text.isupper() else head[:1].upper() + head[1:]
            fixed = " ".join([spelled, *words[n:]])
            return fixed if starts_with_agency(fixed) else None
    return None


@cache
def _long_heads() -> tuple[str, ...]:
    """Agency names of several words, long enough that one misread letter cannot make another (`ủy ban nhân
    dân`, `hội đồng nhân dân`), longest first."""
    heads = {" ".join(str(t["LOWER"]) for t in e["pattern"]) for e in patterns()
             if e["label"] in ("ORG", "ORG_HEAD") and len(e["pattern"]) >= 3
             and all(isinstance(t.get("LOWER"), str) for t in e["pattern"])}
    return tuple(sorted((h for h in heads if len(h) >= 15), key=len, reverse=True))


@cache
def _heads_by_letters() -> dict[str, str]:
    """One-word agency heads by their letters without marks (`so` → `sở`), where only one head has them."""
    return unique_by_letters(str(e["pattern"][0].get("LOWER", "")) for e in patterns()
                             if e["label"] == "ORG_HEAD" and len(e["pattern"]) == 1)


def proper_agency(text: str, vocab: CaseVocab | None = None) -> str:
    """`ỦY BAN NHÂN DÂN TỈNH BẮC KẠN` → `Ủy ban nhân dân tỉnh Bắc Kạn`; `UBND huyện X` → `Ủy ban nhân dân huyện X`."""
    words = re.sub(r"(?<=\w)[:;](?=\w)", " ", text).split()  # `DỊCH:BỆNH`: a speck read between two words
    # OCR specks (`. | ;`) go; a dash between two words stays (`SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI`)
    text = " ".join(w for k, w in enumerate(words) if any(ch.isalnum() for ch in w) or (
        w in ("-", "–") and 0 < k < len(words) - 1)).strip(" *-")
    return _unit_marks(_after_dash(recase(text, vocab)) if text.isupper() else expand_abbreviations(text))


def _after_dash(name: str) -> str:
    """Two fields joined by a dash in a body's name each start with a capital (`Phòng Tài chính - Kế hoạch`,
    `Phòng Kinh tế - Hạ tầng`, `Sở Lao động - Thương binh và Xã hội`)."""
    return re.sub(r"(?<= [-–] )\w", lambda m: m.group().upper(), name)


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
    return province_marks(" ".join(words))


def province_marks(text: str) -> str:
    """A province after its unit word, with marks OCR shifted (`thành phố Hỗ Chí Minh`, `tỉnh Đăk Nông`),
    spelt as the province list has it. Folding keeps one character per character, so offsets match."""
    folded = fold_diacritics(text).lower()
    for name in _provinces_longest_first():
        key = fold_diacritics(name).lower()
        if key not in folded:
            continue
        for m in re.finditer(r"\b(tinh|thanh pho|tp\.?)\s+(" + re.escape(key) + r")\b", folded):
            if any(w.lower() not in _place_syllables() for w in text[m.start(2):m.end(2)].split()):
                text = text[: m.start(2)] + name + text[m.end(2):]  # `Đăk Nông` is a spelling, `Hỗ` is none
            if m[1] == "tinh" and text[m.start(1):m.end(1)].lower() != "tỉnh":
                # `tính Khánh Hòa`: before a province the word can only be `tỉnh`
                unit = text[m.start(1):m.end(1)]
                text = text[: m.start(1)] + ("TỈNH" if unit.isupper() else "Tỉnh" if unit[0].isupper() else "tỉnh") \
                    + text[m.end(1):]
    return text


@cache
def _provinces_longest_first() -> tuple[str, ...]:
    return tuple(sorted({r["name"] for r in read_csv("provinces.csv")}, key=len, reverse=True))


@cache
def _place_syllables() -> frozenset[str]:
    """Syllables of the province names and of their spellings in entity_patterns.jsonl (`Đăk`, `Kontum`)."""
    words = {w.lower() for name in _provinces_longest_first() for w in name.split()}
    for entry in patterns():
        if entry["label"] == "GPE":
            words.update(str(t.get("LOWER", "")) for t in entry["pattern"] if isinstance(t.get("LOWER"), str))
    return frozenset(words)


def place_part(agency: str) -> str | None:
    """`Ủy ban nhân dân tỉnh Lâm Đồng` → `tỉnh Lâm Đồng`."""
    units = sorted(set(admin_units().values()), key=len, reverse=True)
    m = re.search(r"\b(" + "|".join(map(re.escape, units)) + r")\s+[A-ZĐ]", agency)
    return agency[m.start() :] if m else None


def with_parent_place(issuer: str, parent: str | None) -> str:
    """A department named without its place takes the place of its parent body."""
    if parent and issuer in _OFFICES_OF_PARENT:  # `UBND TỈNH X` over `VĂN PHÒNG`: the body's own office
        return f"{issuer} {parent}"
    if parent and parent.startswith(_ORGANISATIONS) and issuer.startswith(_ORGANS) and not place_part(issuer):
        return f"{issuer} {parent}"
    if parent and _PARTY_COMMITTEE.match(parent) and not place_part(issuer) and issuer.startswith(_LOCAL_HEADS):
        return f"{issuer} {parent}"  # `THÀNH ỦY HÀ NỘI` over `BAN TỔ CHỨC`: Ban Tổ chức Thành ủy Hà Nội
    if parent and parent.startswith(_INSTITUTIONS + _DEPARTMENTS) and issuer.startswith(_BOARDS) \
            and not place_part(issuer):
        return f"{issuer} {parent}"  # a fund's, a school's or a Sở's board: Hội đồng quản lý Quỹ … tỉnh Đắk Nông
    if not parent or place_part(issuer) or not issuer.startswith(_LOCAL_HEADS):
        return issuer
    where = place_part(parent)
    return f"{issuer} {where}" if where else issuer


def issuer_spelled_as_in_text(agency: str, texts: list[str]) -> str:
    """A body's name, or else the place in it, spelt as the document spells it most often: OCR misreads the
    marks of the header's capitals (`TỎNG CỤC THUÊ`, `XÃ QUẢNG PHỦ`, `HUYỆN TUÂN GIÁO`) while the place
    line and the body, in ordinary type, repeat `Tổng cục Thuế`, `Quảng Phú`, `Tuần Giáo`. Only a spelling
    with the same letters, found at least twice (once for a name of three words or more), replaces it; a
    listed province keeps the list's."""
    texts = [(text, fold_diacritics(text).lower()) for text in texts]  # folded once: one char per char
    where = place_part(agency)
    name = (where[10:] if where.lower().startswith("thành phố ") else where.split(" ", 1)[1]) \
        if where and " " in where else None
    if name in _provinces_longest_first():  # a province's name is spelt from the list already (`province_marks`)
        head = agency[: len(agency) - len(name)].rstrip()
        spelled = _most_spelled(head, texts) if len(head.split()) >= 2 else None
        return f"{spelled} {name}" if spelled else agency
    if len(agency.split()) >= 2 and (spelled := _most_spelled(agency, texts)):
        return spelled
    spelled = _most_spelled(name, texts) if name else None
    return agency[: len(agency) - len(name)] + spelled if spelled else agency


def _most_spelled(name: str, texts: list[tuple[str, str]]) -> str | None:
    """The most frequent spelling of `name` (same letters, other marks or case) in the (text, folded text)
    pairs, written in ordinary type (not all capitals), when it differs from `name` and occurs twice or more."""
    key = fold_diacritics(name).lower()
    counts: dict[str, int] = {}
    for text, folded in texts:
        if key not in folded:  # cheap test first
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", folded):
            spelled = text[m.start() : m.end()]
            if spelled[:1].isupper() and not spelled.isupper():
                counts[spelled] = counts.get(spelled, 0) + 1
    best = max(counts, key=lambda k: (counts[k], k == name), default=None)
    # a name of three words or more spelt once with its letters is no chance likeness (`Cục Thuế tỉnh`)
    if best is None or best.lower() == name.lower() or counts[best] < (1 if len(key.split()) >= 3 else 2):
        return None  # the same, or only its case differs: the name's own case stays
    # the marks of the text's spelling, the case of the name's words (a word in capitals takes the text's)
    return " ".join(b if w.isupper() and len(w) > 1 else (b[:1].upper() + b[1:] if w[:1].isupper() else b.lower())
                    for w, b in zip(name.split(), best.split()))


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
        m = re.match(rf"\s+(?i:({units}))\s+((?:[{UPPER}][^\s,;.()]*\s?){{1,4}})", text[ent.end :])
        if m:
            out.append((ent.start, f"{head} {m.group(1).lower()} {m.group(2).strip()}"))
    return out
