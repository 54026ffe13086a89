"""Parsing of numbers and money amounts written the Vietnamese way (Luật Kế toán)."""

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from normalizers.text import LOWER, normalize_text

UNIT_MULTIPLIERS: dict[str, int] = {
    "đồng": 1,
    "nghìn đồng": 1_000,
    "triệu đồng": 1_000_000,
    "tỷ đồng": 1_000_000_000,
}

_MONEY_PREFIXES = {
    "nghìn": "nghìn đồng",
    "ngàn": "nghìn đồng",
    "triệu": "triệu đồng",
    "tỷ": "tỷ đồng",
    "tỉ": "tỷ đồng",
}
_SCALE_UNITS = {1_000: "nghìn đồng", 1_000_000: "triệu đồng", 1_000_000_000: "tỷ đồng"}

# Words allowed after a number in a table cell; anything else (e.g. "02 nhãn hiệu") is running text.
_UNITS_FILE = Path(__file__).parent / "data" / "count_units.txt"
_OTHER_UNITS = frozenset(
    line.strip() for line in _UNITS_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)

_TAG = re.compile(r"<[^>]*>")
_CELL = re.compile(r"(?P<sign>[-+]?)(?P<num>[0-9][0-9.,]*)\s*(?P<unit>.*)", re.DOTALL)
_MONEY_UNIT = re.compile(r"(?:(nghìn|ngàn|triệu|tỷ|tỉ)\s+)?(đồng|vnđ|vnd)(?![^\W\d_])", re.IGNORECASE)
_SCALED_UNIT = re.compile(r"(?:^|[(:])\s*(1(?:[.,]000){1,3})\s*(?:đồng|vnđ|vnd)(?![^\W\d_])", re.IGNORECASE)
_BARE_CONTEXT = re.compile(r"(?:^|[(:/\[]|[0-9])\s*$")

_BOUND = re.compile(r"^(?:tối\s+đa|tối\s+thiểu|không\s+quá|không\s+vượt\s+quá)\s*:?\s+(?=\d)", re.IGNORECASE)
_PER_WORD = re.compile(rf"^[{LOWER}]{{2,}}(?:\s|$)")  # `thành viên`, small letters: what a rate is per
_INT_PLAIN = re.compile(r"[0-9]+")
_VN_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_VN_DECIMAL = re.compile(r"[0-9]+,[0-9]+")
_EN_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){2,}|[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+")


def _clean_cell(s: str) -> str:
    """Strip HTML tags, asterisks and blanks around a table cell."""
    return _TAG.sub("", normalize_text(s)).strip().strip("*").strip()


def _digits_to_number(text: str) -> float | int | None:
    """Convert a bare numeral in Vietnamese (or unambiguous English) notation to a number."""
    if _INT_PLAIN.fullmatch(text):
        return int(text)
    if _VN_GROUPED.fullmatch(text) or _VN_DECIMAL.fullmatch(text):
        whole, _, frac = text.replace(".", "").partition(",")
    elif _EN_GROUPED.fullmatch(text):
        whole, _, frac = text.replace(",", "").partition(".")
    else:
        return None
    return float(f"{whole}.{frac}") if frac else int(whole)


def _is_unit(text: str) -> bool:
    """Tell whether the text after a number is a unit word rather than running text; a rate too
    (`đồng/lần cấp`, `USD/chiếc`, `đồng/học sinh/tháng`): a unit, then what it is per."""
    unit = text.strip().rstrip(".").strip().lower()
    if "/" in unit:
        unit, per = (part.strip() for part in text.strip().split("/", 1))
        unit = unit.lower()
        if len(text) > 40 or not unit and not _PER_WORD.match(per):
            return False  # `3/2024`, `10/QĐ`: a date or a reference, no amount; `3/thành viên` is a rate
    return unit == "" or unit in _OTHER_UNITS or _canonical_money_unit(unit) is not None


def _canonical_money_unit(text: str) -> str | None:
    """Return the canonical money unit when text is exactly one money unit."""
    match = _MONEY_UNIT.fullmatch(text.strip().lower())
    if match is None:
        return "đồng" if text.strip().lower() == "đ" else None
    return _MONEY_PREFIXES.get((match.group(1) or "").lower(), "đồng")


def _split_cell(s: str | None) -> tuple[float | int | None, str]:
    """Parse the leading number of a cell and return it with the trailing unit text; a bound before it
    (`Tối đa 350` in a table of spending norms) qualifies the amount, it is no running text."""
    if s is None:
        return None, ""
    text = _BOUND.sub("", _clean_cell(s))
    sign = 1
    if text.startswith("(") and text.endswith(")"):
        inner = text[1:-1].strip()
        # "(1)", "(12)" are column labels in budget tables; "(380)", "(5.000)" are negatives.
        if _INT_PLAIN.fullmatch(inner) and len(inner) <= 2:
            return None, ""
        text, sign = inner, -1
    match = _CELL.fullmatch(text)
    if match is None or not _is_unit(match.group("unit")):
        return None, ""
    value = _digits_to_number(match.group("num"))
    if value is None:
        return None, ""
    if match.group("sign") == "-":
        sign = -sign
    return sign * value, match.group("unit").strip()


def parse_number(s: str | None) -> float | int | None:
    """Parse a Vietnamese-format number (optionally followed by a unit), int unless decimals are written."""
    return _split_cell(s)[0]


_DOT_DECIMAL = re.compile(r"[0-9]{1,4}\.[0-9]{1,2}")


def parse_dot_decimal(s: str | None) -> float | None:
    """`99.52` as 99.52: a point decimal, for a column whose cells are written that way (price indexes in
    percent); alone it is ambiguous with a section number (`1.1`), so `parse_number` refuses it."""
    text = _clean_cell(s or "").rstrip("%").strip()
    return float(text) if _DOT_DECIMAL.fullmatch(text) else None


def parse_amount(s: str | None) -> tuple[float | int | None, str | None]:
    """Parse a number and the canonical money unit written after it, if any."""
    value, unit = _split_cell(s)
    if value is None:
        return None, None
    return value, _canonical_money_unit(unit.rstrip(".")) if unit else None


def to_vnd(amount: float | int | None, unit: str | None) -> int | None:
    """Convert an amount in a money unit to whole đồng, rounding half up."""
    canonical = _canonical_money_unit(normalize_text(unit)) if unit else None
    if amount is None or canonical is None:
        return None
    # Decimal(str(...)) avoids float artefacts such as 8971.98e6 == 8971980000.000001.
    exact = Decimal(str(amount)) * UNIT_MULTIPLIERS[canonical]
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


_SCALED_DONG = re.compile(r"\b(nghìn|ngàn|triệu|tỷ|tỉ)\s+[đd][oôồổốộỗ]ng\b", re.IGNORECASE)
_NUMBER_DONG = re.compile(r"(?<=\d\d\d)(\s*)[đd][ôồổốộỗ]ng\b", re.IGNORECASE)  # an amount: 3+ digits
_TRIEU_ABBREVIATED = re.compile(r"(?<=\d)\s*tr(?:\.\s*|\s+)?đ(?:ồng)?\b", re.IGNORECASE)


def money_spelling(text: str) -> str:
    """Money units as typed in a hurry or read by OCR, spelt out: `10.506 triệu đông` / `triệu dồng` →
    `triệu đồng`, `10.506 trđ` / `tr.đ` / `tr đồng` → `10.506 triệu đồng`, `500 đổng` → `500 đồng`.
    Only after an amount (three digits or more) or a scale word, where `đông` (east, crowded) cannot stand."""
    text = _SCALED_DONG.sub(lambda m: f"{m[1]} đồng", text)
    text = _TRIEU_ABBREVIATED.sub(" triệu đồng", text)
    return _NUMBER_DONG.sub(lambda m: f"{m[1]}đồng", text)


def normalize_unit(s: str | None) -> str | None:
    """Find a money unit in free text such as 'ĐVT: triệu đồng' and return it canonical."""
    if not s:
        return None
    text = normalize_text(s)
    scaled = _SCALED_UNIT.search(text)
    if scaled is not None:
        return _SCALE_UNITS[int(re.sub(r"[.,]", "", scaled.group(1)))]
    for match in _MONEY_UNIT.finditer(text):
        if match.group(1):
            return _MONEY_PREFIXES[match.group(1).lower()]
        # A bare "đồng" is also a word (Hội đồng, đồng chí): accept it only where a unit is expected.
        if _BARE_CONTEXT.search(text[: match.start()]):
            return "đồng"
    return None
