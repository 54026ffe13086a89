"""Text normalisation for Vietnamese administrative documents.

underthesea.text_normalize is deliberately not used: it re-spaces its input, turning the reference
number `684/QĐ-UBND` into `684 / QĐ-UBND`, and reference numbers must survive byte-identical.
"""

import re
import unicodedata

_CHAR_MAP = str.maketrans(
    {
        "\u00d0": "\u0110",  # Icelandic eth typed for Đ
        "\u0189": "\u0110",  # African D typed for Đ
        "\u00f0": "\u0111",
        "\u01a3": "\u01b0",  # ƣ/Ƣ (Latin "oi"): broken PDF fonts map ư/Ư to them; never Vietnamese
        "\u01a2": "\u01af",
        **{chr(cp): "-" for cp in range(0x2010, 0x2016)},
        "\u2212": "-",
        "\u2044": "/",  # fraction slash and division slash: OCR reads the `/` of `53/QĐ-UBND` as them
        "\u2215": "/",
        **{chr(cp): " " for cp in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))},
        **{chr(cp): None for cp in (0x200B, 0x200C, 0x200D, 0xFEFF)},
    }
)

_TONE_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def _vietnamese_letters() -> str:
    vowels = "aăâeêioôơuưy"
    return "đ" + "".join(unicodedata.normalize("NFC", v + t) for v in vowels for t in ("", *sorted(_TONE_MARKS)))


# Regex classes of the Vietnamese letters by case. A range such as `[À-Ỹ]` is no such class: it holds
# the small letters too (Latin Extended Additional alternates capital and small).
UPPER = "A-Z" + "".join(sorted({c.upper() for c in _vietnamese_letters() if not c.isascii()}))
LOWER = "a-z" + "".join(sorted({c for c in _vietnamese_letters() if not c.isascii()}))

# Old placement puts the tone on the second vowel of a final oa/oe/uy; the lookbehind keeps the
# "qu" cluster (quý, quỳ) out and the lookahead keeps syllables that go on (hoàn, khuỷu) out.
_OLD_TONE = re.compile("(?:([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ]))(?![^\\W\\d_])")
_SPACE_RUN = re.compile(" {2,}")


def _move_tone(match: re.Match[str]) -> str:
    """Move the tone mark from the second vowel of the pair onto the first one."""
    first = match.group(1) or match.group(3)
    second = match.group(2) or match.group(4)
    decomposed = unicodedata.normalize("NFD", second)
    tone = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", first + tone) + unicodedata.normalize("NFC", base)


def normalize_text(s: str) -> str:
    """Return s in NFC with Đ look-alikes, dashes, spaces, tone placement and letter-spaced capitals
    (`B Ộ  N Ộ I  V Ụ`) canonicalised."""
    text = unicodedata.normalize("NFC", s.translate(_CHAR_MAP))  # map first: ƣ + a combining tone composes
    return _LETTER_SPACED.sub(_join_letters, _OLD_TONE.sub(_move_tone, text))


# four or more single capital letters, one space inside a word and two between words
_LETTER_SPACED = re.compile(r"(?<!\S)\S(?: {1,2}\S){3,}(?!\S)")


def _join_letters(match: re.Match[str]) -> str:
    run = match.group(0)
    if not all(ch.isalpha() and ch.isupper() for ch in run.replace(" ", "")):
        return run
    return " ".join(word.replace(" ", "") for word in run.split("  "))


def normalize_spaces(s: str) -> str:
    """Collapse runs of spaces to one and strip spaces at both ends of every line."""
    # Only ' ' is touched: tabs separate table cells and a trailing tab marks an empty cell.
    return "\n".join(_SPACE_RUN.sub(" ", line).strip(" ") for line in s.split("\n"))


def fold_diacritics(s: str) -> str:
    """Remove all tone and vowel marks and map đ/Đ to d/D, keeping letter case."""
    decomposed = unicodedata.normalize("NFD", s.translate(_CHAR_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def unique_by_letters(spellings) -> dict[str, str]:
    """Spellings by their letters without marks, lower case (`so` → `sở`, `tran` → `Trần`), kept only where
    one spelling alone has those letters: a misread with two readings is not guessed."""
    by: dict[str, set[str]] = {}
    for spelling in spellings:
        by.setdefault(fold_diacritics(spelling).lower(), set()).add(spelling)
    return {k: next(iter(v)) for k, v in by.items() if len(v) == 1}


def is_all_caps(s: str) -> bool:
    """Return True when s has at least 2 letters and no lower-case letter."""
    letters = [ch for ch in s if ch.isalpha()]
    return len(letters) >= 2 and not any(ch.islower() for ch in letters)


# letters whose small form OCR takes for the capital (and back): `sỞ QUY HOẠCH` in a line of capitals
_LOOKALIKE_SMALL = "scovwxzư"


def repair_caps_case(s: str) -> str:
    """`ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH sỞ QUY HOẠCH` → `… SỞ QUY HOẠCH`: in a line of capitals (three
    words or more), a word whose first letter is a small look-alike of its capital and whose other
    letters are capitals."""
    words = s.split(" ")
    if sum(len(w) >= 2 and w.isupper() for w in words) < 3:
        return s
    return " ".join(w[0].upper() + w[1:] if len(w) >= 2 and w[0] in _LOOKALIKE_SMALL and w[1:].isupper() else w
                    for w in words)
