"""Finding and parsing dates in Vietnamese administrative text."""

import datetime
import re
import unicodedata

_BLANK = r"[\s.…_,]*"
# the date words with any tone OCR may give them (`thàng`, `ngảy`, `nắm`): the figures around them decide
DAY_WORD = r"ng[aàáảãạ]y"
MONTH_WORD = r"th[aàáảãạ]ng"
YEAR_WORD = r"n[aăâắằẳẵặấầẩẫậ]m"

# What OCR gives for a printed 1 (`]2`, `Ï0`, `0l`: 12, 10, 01); dates also take O for 0.
ONE_LOOKALIKES = "lIÏÌÍ][|"
_LOOKALIKES = ONE_LOOKALIKES + "Oo"
_OCR_DIGITS = str.maketrans(_LOOKALIKES, "1" * len(ONE_LOOKALIKES) + "00")
_FIGURE = rf"[0-9]{{1,2}}|[0-9][{re.escape(_LOOKALIKES)}]|[{re.escape(_LOOKALIKES)}][0-9]"

DATE_PATTERN = re.compile(
    rf"{DAY_WORD}{_BLANK}(?P<day>{_FIGURE})?{_BLANK}{MONTH_WORD}{_BLANK}(?P<month>{_FIGURE})?{_BLANK}"
    rf"{YEAR_WORD}\s*(?P<year>[0-9]{{4}})(?![0-9])",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"(?:ngày\s*)?(?<![0-9/.-])(?P<day>[0-9]{1,2})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?P=sep)"
    r"(?P<year>[0-9]{4})(?![0-9]|[/.-][0-9])",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    rf"{MONTH_WORD}\s*(?P<month>[0-9]{{1,2}})\s*(?:[/-]|{YEAR_WORD})\s*(?P<year>[0-9]{{4}})(?![0-9])", re.IGNORECASE
)
_PATTERNS = (DATE_PATTERN, _NUMERIC_DATE, _MONTH_YEAR)

Date = tuple[int | None, int | None, int | None]


def _group_int(match: re.Match[str], name: str) -> int | None:
    """Return a named group as int, or None when the pattern lacks it or it is blank."""
    value = match.groupdict().get(name)
    return int(value.translate(_OCR_DIGITS)) if value else None


def _validate(year: int | None, month: int | None, day: int | None) -> Date:
    """Drop out-of-range parts, checking the day against the real calendar when possible."""
    year = year if year is not None and 1945 <= year <= 2100 else None
    month = month if month is not None and 1 <= month <= 12 else None
    if day is not None and not 1 <= day <= 31:
        day = None
    if day is not None and month is not None:
        try:
            datetime.date(year or 2000, month, day)  # 2000 is a leap year: 29/02 stays when year is unknown
        except ValueError:
            day = None
    return year, month, day


def _matches(text: str) -> list[re.Match[str]]:
    """Return non-overlapping date matches of every form, leftmost (then longest) first."""
    found = sorted(
        (m for pattern in _PATTERNS for m in pattern.finditer(text)), key=lambda m: (m.start(), -m.end())
    )
    kept: list[re.Match[str]] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def _to_date(match: re.Match[str]) -> Date:
    """Turn a date match into validated (year, month, day)."""
    return _validate(_group_int(match, "year"), _group_int(match, "month"), _group_int(match, "day"))


def parse_vn_date(s: str | None) -> Date:
    """Return (year, month, day) of the first date in s; unknown or invalid parts are None."""
    if not s:
        return None, None, None
    matches = _matches(unicodedata.normalize("NFC", s))
    return _to_date(matches[0]) if matches else (None, None, None)


def to_iso(year: int | None, month: int | None, day: int | None) -> str | None:
    """Return 'YYYY-MM-DD' when all three parts are known and form a valid date."""
    if year is None or month is None or day is None or _validate(year, month, day) != (year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str) -> list[tuple[int, int, str | None]]:
    """Return (start, end, iso or None) for every spelled or numeric date in text, in order."""
    return [(m.start(), m.end(), to_iso(*_to_date(m))) for m in _matches(text)]
