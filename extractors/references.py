"""Documents cited in the text: `Quyết định số 792/QĐ-UBND ngày 06 tháng 5 năm 2011 của Ủy ban nhân dân tỉnh Cao Bằng`.

A citation of the document itself (`kèm theo Kế hoạch số 58/KH-UBND ngày 25 tháng 3 năm 2022`,
same type and date as the header) is marked `is_self`; when its number differs from the header's,
the document contradicts itself and a warning says so.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.agency import agency_mentions
from extractors.casing import expand_abbreviations
from extractors.doc_types import DocType, parse_doc_number, type_by_code, type_by_name, type_names_pattern
from extractors.entities import find_entities
from extractors.layout import Layout, Line
from normalizers import parse_vn_date, to_iso
from pipeline.model import Header, Reference, Warning

_REF = (  # 684/QĐ-UBND, 52 /KH-SKHCN-UBND, 09/2009/NQ-HĐND
    r"\d{1,6}\s?(?:/(?:19|20)\d\d)?/[A-ZĐ][A-Za-zĐđ0-9&.]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9&.]*)*"
    r"|\d{1,6}-[A-ZĐ][A-Za-zđ]*/[A-ZĐ][A-Za-zĐđ0-9&.\-]*"  # Party: 20-NQ/TW
)
_DATE_AFTER = re.compile(
    r"^\W{0,3}(?:ban hành\s+)?ngày\s+(\d{1,2}\s*(?:tháng|/|-|\.)\s*\d{1,2}\s*(?:năm|/|-|\.)\s*\d{4})", re.I
)
_ISSUER_END = re.compile(
    r"\s+(?:về|ban hành|phê duyệt|quy định|hướng dẫn|thông qua|thực hiện|triển khai|tại|đã|sẽ|trên|và)\b|[,;:)(.]", re.I
)
_SELF_CONTEXT = re.compile(r"\(\s*(ban hành\s+)?kèm\s+theo\s*$", re.I)


@lru_cache(maxsize=1)
def _citation() -> re.Pattern:
    return re.compile(
        rf"(?:(?P<type>{type_names_pattern()})\s+)?(?:số\s*(?:hiệu\s*)?[:.]?\s*)?(?<![\w/])(?P<ref>{_REF})(?![\w/])",
        re.I,
    )


def extract_references(layout: Layout, header: Header) -> tuple[list[Reference], list[Warning]]:
    found: dict[str, Reference] = {}
    warnings: list[Warning] = []
    lines = [ln for ln in layout.lines if not ln.blank]
    for ln, nxt in zip(lines, lines[1:] + [None]):
        if layout.claimed.get(ln.no) in ("header", "receipt_stamp", "web_metadata"):
            continue
        for ref, context in _citations(ln, nxt.text if nxt else ""):
            _mark_self(ref, context, ln, header, warnings)
            key = ref.reference.upper()
            if key not in found:
                found[key] = ref
            else:
                _merge(found[key], ref)
    return list(found.values()), warnings


def _citations(ln: Line, next_text: str) -> list[tuple[Reference, str]]:
    """Citations in a line, with the text before each; a date wrapped onto the next line still counts."""
    out = []
    for m in _citation().finditer(ln.text):
        num = parse_doc_number(m["ref"])
        if num is None or num.reference is None or not re.search(r"[A-ZĐ]{2}|[A-Z][a-z]+[A-Z]", num.symbol):
            continue
        named = type_by_name(m["type"]) if m["type"] else _type_named_before(ln.text[: m.start("ref")])
        kind = named or (type_by_code(num.type_code) if num.type_code else None)
        if kind is None and not num.party and not num.type_code:
            kind = type_by_name("Công văn")  # a công văn's ký hiệu has no type part
        rest = f"{ln.text[m.end():]} {next_text}"
        date = _DATE_AFTER.match(rest)
        iso = to_iso(*parse_vn_date(date.group(0))) if date else None
        ref = Reference(reference=num.reference, doc_type=kind.name if kind else None,
                        doc_type_code=kind.code if kind else None, issued_date=iso,
                        issuer=_issuer(rest[date.end():] if date else rest), span=ln.span(m.start(), m.end()))
        out.append((ref, ln.text[: m.start()]))
    return out


def _type_named_before(context: str) -> DocType | None:
    """`Luật Tổ chức chính quyền địa phương số 77/2015/QH13`: the type named a few words before `số`."""
    near = context[-80:]
    if not re.search(r"\bsố\s*[:.]?\s*$", near, re.I):
        return None
    names = list(re.finditer(rf"\b({type_names_pattern()})\b", near))
    return type_by_name(names[-1].group()) if names else None


def _issuer(text: str) -> str | None:
    """`của Ủy ban nhân dân tỉnh Cao Bằng về …` → the agency (with its place) after `của`."""
    m = re.match(r"^\s*của\s+", text, re.I)
    if not m:
        return None
    rest = expand_abbreviations(text[m.end():])
    head = find_entities(rest[:120], ("ORG",))
    if head and head[0].start == 0:
        named = agency_mentions(rest[:120], head[0].canonical)
        return named[0][1] if named and named[0][0] == 0 else head[0].canonical
    cut = _ISSUER_END.search(rest)
    name = rest[: cut.start() if cut else 80].strip()
    return name or None


def _mark_self(ref: Reference, context: str, ln: Line, header: Header, warnings: list[Warning]) -> None:
    same_ref = bool(header.reference) and ref.reference.upper() == header.reference.upper()
    before = re.sub(r"\s*(số\s*[:.]?\s*)?$", "", context, flags=re.I)
    if ref.doc_type and before.lower().endswith(ref.doc_type.lower()):
        before = before[: -len(ref.doc_type)]
    attached = bool(_SELF_CONTEXT.search(before)) and ref.doc_type_code == header.doc_type_code
    same_doc = ref.doc_type_code == header.doc_type_code and ref.issued_date == header.issued_date is not None
    ref.is_self = same_ref or attached or same_doc
    if ref.is_self and header.reference and not same_ref:
        warnings.append(Warning(
            code="reference_mismatch", span=ref.span,
            message=f"The document cites itself as {ref.reference} (line {ln.no}) but its header says "
                    f"{header.reference}.",
        ))


def _merge(kept: Reference, new: Reference) -> None:
    for field in ("doc_type", "doc_type_code", "issued_date", "issuer"):
        if getattr(kept, field) is None and getattr(new, field) is not None:
            setattr(kept, field, getattr(new, field))
