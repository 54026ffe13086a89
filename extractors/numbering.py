"""Numbering styles (I, A, 1, 1.1, a) and the levels they take in one document.

Vietnamese documents do not fix which style nests in which (`III > A > 1` in one plan,
`A > I > 1` in another), so the level of a style is the order in which it first appears under
its parent: a style seen before closes everything opened after it.
"""

from __future__ import annotations

import re

from normalizers import LOWER, UPPER

# The header of a table's row-number column, and a row number as it stands alone in a cell or line.
STT_HEADER = re.compile(r"^(?:STT|TT|Số\s*TT|Số\s*thứ\s*tự)\.?$", re.I)
# what follows a row number printed one space from its label (`III Vay các tổ chức …`): a word's capital
LABEL_START = rf"[{UPPER}][{LOWER}]"
# A cell that holds one figure and nothing else: `1.200`, `83,33 %`, `(380)`, `-5`, or `-` for none.
FIGURE_CELL = re.compile(r"^[-+(]?\d[\d.,]*\s*%?\)?$|^-$")
ROW_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,4}(?:\.\d{1,3}){0,3})\.?$")

_ROMAN = re.compile(r"^(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ARABIC = re.compile(r"^\d{1,3}$")
_DECIMAL = re.compile(r"^\d{1,3}(\.\d{1,3})+$")
_UPPER = re.compile(r"^[A-ZĐ]$")
_LOWER = re.compile(r"^[a-zđ]$")


def roman_value(s: str) -> int | None:
    if not s or not _ROMAN.match(s):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total


def style_of(number: str, last_upper: str | None = None) -> str | None:
    """'roman', 'upper', 'arabic', 'decimal2'…, 'lower', or None.

    A single letter that is also a Roman numeral (C, D, L, V, X, I) counts as a letter when it
    follows its predecessor letter (`B.` then `C.`).
    """
    n = number.strip()
    if _DECIMAL.match(n):
        return f"decimal{n.count('.') + 1}"
    if _ARABIC.match(n):
        return "arabic"
    if _UPPER.match(n) and last_upper and ord(n) == ord(last_upper) + 1:
        return "upper"
    if roman_value(n):
        return "roman"
    if _UPPER.match(n):
        return "upper"
    if _LOWER.match(n):
        return "lower"
    return None


def next_roman(roman: str | None) -> str | None:
    """The Roman numeral after `roman` (I when there was none)."""
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    if roman is None:
        return "I"
    return numerals[numerals.index(roman) + 1] if roman in numerals[:-1] else None


# Tesseract reads Roman numerals as letters: II → H, Il, ]I; III → HI, Ill, IIl; IV → lV.
_ROMAN_LOOKALIKE = str.maketrans({"l": "I", "1": "I", "|": "I", "!": "I", "L": "I", "]": "I", "[": "I",
                                  "i": "I", "v": "V", "x": "X", "Ì": "I", "Í": "I", "Î": "I", "Ï": "I"})
# Glyphs it gives for runs of upright strokes with touching serifs (II → n, III → m, Im, HI).
_STROKES = frozenset("Il1|!][iHnm")


def roman_lookalike(token: str, expected: str) -> bool:
    """Is `token` an OCR misreading of the Roman numeral `expected` (the next one in sequence)?

    Plain numbers (`1`, `11`) never are: they are Arabic numbering in their own right; nor is a
    valid Roman numeral (a repeated or restarted number is the caller's call).
    """
    if token.isdigit() or token == expected:
        return False
    if token.translate(_ROMAN_LOOKALIKE).replace("H", "II") == expected:
        return True
    strokes_only = len(expected) > 1 and set(expected) == {"I"}
    return strokes_only and len(token) <= 3 and set(token) <= _STROKES and not roman_value(token)


def follows(previous: str, number: str) -> bool:
    """Can `number` be the row after `previous` in a numbered table: a first child (`1.2` → `1.2.1`), the
    next at some level (`1.2.1` → `1.2.2`, `1.3`, `2`), a Roman group, or `1` under a Roman group?
    A figure that strayed from its column (`42`, `5` after `1.6`) cannot."""
    previous, number = previous.strip().rstrip("."), number.strip().rstrip(".")
    if roman_value(number):
        return True
    if not re.fullmatch(r"\d{1,4}(?:\.\d{1,3}){0,3}", number):
        return False
    n = [int(x) for x in number.split(".")]
    if roman_value(previous):
        return n == [1]
    if not re.fullmatch(r"\d{1,4}(?:\.\d{1,3}){0,3}", previous):
        return False
    p = [int(x) for x in previous.split(".")]
    if n == [*p, 1]:
        return True
    return len(n) <= len(p) and n[:-1] == p[: len(n) - 1] and n[-1] == p[len(n) - 1] + 1


class LevelStack:
    """Assigns levels to numbering styles as they appear (see the module docstring)."""

    def __init__(self, base: int = 1) -> None:
        self.base = base
        self.styles: list[str] = []

    def level(self, style: str) -> int:
        if style in self.styles:
            del self.styles[self.styles.index(style) + 1 :]
        else:
            self.styles.append(style)
        return self.base + self.styles.index(style)

    def reset(self) -> None:
        self.styles.clear()
