"""Document types (Phụ lục III, NĐ 30/2020) and the số/ký hiệu grammar.

`684/QĐ-UBND`, `23 /KH-UBND`, `52/KH-SKHCN-UBND`, Party `34-CTr/TU`, normative `09/2009/NQ-HĐND`,
công văn `8151/BNV-CCHC` (no type part), blank `/KH-UBND`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.resources import read_csv
from normalizers import fold_diacritics


@dataclass(frozen=True, slots=True)
class DocType:
    name: str
    code: str
    old_codes: tuple[str, ...]
    family: str


@dataclass(frozen=True, slots=True)
class DocNumber:
    """A parsed số hiệu."""

    number: str | None
    year: str | None
    symbol: str
    type_code: str | None
    party: bool

    @property
    def reference(self) -> str | None:
        if not self.number:
            return None
        if self.party:
            return f"{self.number}-{self.symbol}"
        return "/".join(p for p in (self.number, self.year, self.symbol) if p)

    @property
    def agency_codes(self) -> list[str]:
        """Agency parts of the symbol: KH-SKHCN-UBND → [SKHCN, UBND]; CTr/TU → [TU]."""
        parts = re.split(r"[-/]", self.symbol)
        return [p for p in parts if p and p != self.type_code]


@lru_cache(maxsize=1)
def doc_types() -> list[DocType]:
    return [
        DocType(r["name"], r["code"], tuple(c for c in r["old_codes"].split("|") if c), r["family"])
        for r in read_csv("doc_types.csv")
    ]


@lru_cache(maxsize=1)
def _by_code() -> dict[str, DocType]:
    table: dict[str, DocType] = {}
    for t in doc_types():
        for code in (t.code, *t.old_codes):
            if code:
                table.setdefault(code.upper(), t)
    return table


def type_by_code(code: str | None) -> DocType | None:
    return _by_code().get((code or "").upper().replace("Đ", "Đ"))


@lru_cache(maxsize=1)
def _names_longest_first() -> list[DocType]:
    seen, out = set(), []
    for t in sorted(doc_types(), key=lambda t: -len(t.name)):
        if t.name.lower() not in seen:
            seen.add(t.name.lower())
            out.append(t)
    return out


def type_by_name(text: str) -> DocType | None:
    """The type whose name starts `text` (case-insensitive, longest name first)."""
    low = " ".join(text.lower().split())
    for t in _names_longest_first():
        n = t.name.lower()
        if low == n or low.startswith(n + " "):
            return t
    return None


def type_by_letters(text: str) -> DocType | None:
    """`type_by_name` with the marks left out (`QUYÉT ĐỊNH`, `KÉ HOẠCH` as OCR reads a type line), when
    only one type name has those letters."""
    low = fold_diacritics(" ".join(text.lower().split()))
    for key, t in _names_by_letters():
        if low == key or low.startswith(key + " "):
            return t
    return None


@lru_cache(maxsize=1)
def _names_by_letters() -> list[tuple[str, DocType]]:
    keys: dict[str, list[DocType]] = {}
    for t in _names_longest_first():
        keys.setdefault(fold_diacritics(t.name.lower()), []).append(t)
    return [(k, ts[0]) for k, ts in keys.items() if len(ts) == 1]


def type_names_pattern() -> str:
    """Regex alternation of all type names, longest first (for finding citations in running text)."""
    return "|".join(re.escape(t.name) for t in _names_longest_first())


_SYMBOL = r"[A-ZĐ][A-Za-zĐđ0-9&.]*(?:[-/][A-ZĐ0-9][A-Za-zĐđ0-9&.]*)*"
# number (may be blank), optional year, then / or - and the symbol
NUMBER_RE = re.compile(
    rf"(?P<number>\d{{1,6}}[a-z]?|[.…_\s]*)\s*(?:/\s*(?P<year>(?:19|20)\d\d)\s*)?(?P<sep>[/-])\s*(?P<symbol>{_SYMBOL})"
)


def parse_doc_number(text: str) -> DocNumber | None:
    """Parse a số hiệu such as '684/QĐ-UBND', '34-CTr/TU', '09/2009/NQ-HĐND' or ' /KH-UBND'."""
    m = NUMBER_RE.match(text.strip())
    if not m:
        return None
    number = m["number"].strip(" ._…") or None
    symbol = m["symbol"].rstrip(".")
    party = m["sep"] == "-" and number is not None and "/" in symbol
    if m["sep"] == "-" and not party:
        return None
    first = re.split(r"[-/]", symbol)[0]
    code = first if type_by_code(first) else None
    return DocNumber(number, m["year"], symbol, code, party)
