"""The Vietnamese lexicon underthesea ships (Viet74K, Apache-2.0): words, compounds and syllables.

Viet74K mostly writes the old tone placement (`hoà`, `uỷ`); entries are normalized to ours.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import underthesea

from normalizers.text import normalize_text

VIET74K = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """Lower-cased words and compounds, syllables separated by one space."""
    text = normalize_text(VIET74K.read_text(encoding="utf-8"))
    return frozenset(" ".join(w.lower().split()) for w in text.splitlines() if w.strip())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words and compounds written in lower case in Viet74K (its capitalised entries are proper names)."""
    text = normalize_text(VIET74K.read_text(encoding="utf-8"))
    return frozenset(" ".join(w.split()) for w in text.splitlines() if w.strip() and w == w.lower())


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    return frozenset(s for w in words() for s in w.split() if s.isalpha())


# Onset, vowel nucleus, coda: rules out acronyms that Viet74K also lists (ubnd, hđnd, tp).
_SYLLABLE = re.compile(
    r"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?$"
)


def is_syllable(token: str) -> bool:
    """A well-formed Vietnamese syllable that the lexicon uses."""
    low = token.lower()
    return well_formed(low) and low in syllables()


def well_formed(token: str) -> bool:
    """Onset, vowel nucleus and coda of a Vietnamese syllable (lower-case), whatever its marks."""
    return bool(_SYLLABLE.match(fold_marks(token)))


def fold_marks(s: str) -> str:
    """Drop tone marks only (keep ă â ê ô ơ ư đ): 'tiến' → 'tiên'."""
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if ch in _TONES:
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


# Glyphs some PDF fonts put in the text layer for others (seen in signed PDFs of Đắk Nông communes:
# `CỘNG HÕA`, `QUẢNG PHÖ`). Ö is never Vietnamese; Õ is (`Võ`), so a word is repaired only when it is no
# syllable as it stands and becomes one.
_GLYPH_SWAPS = str.maketrans({"Õ": "Ò", "õ": "ò", "Ö": "Ú", "ö": "ú"})
_SWAPPED_GLYPH = re.compile(r"[^\W\d_]*[ÕõÖö][^\W\d_]*")


def repair_glyphs(text: str) -> str:
    """`CỘNG HÕA` → `CỘNG HÒA`, `QUẢNG PHÖ` → `QUẢNG PHÚ`: words holding a swapped glyph that are no
    syllable, when the swap makes them one."""
    if not _SWAPPED_GLYPH.search(text):
        return text

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        fixed = word.translate(_GLYPH_SWAPS)
        return fixed if not is_syllable(word) and is_syllable(fixed) else word

    return _SWAPPED_GLYPH.sub(fix, text)
