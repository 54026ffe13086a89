"""The Vietnamese lexicon underthesea ships (Viet74K, Apache-2.0): words, compounds and syllables.

Viet74K mostly writes the old tone placement (`hoà`, `uỷ`); entries are normalized to ours.
"""

from __future__ import annotations

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
def syllables() -> frozenset[str]:
    return frozenset(s for w in words() for s in w.split() if s.isalpha())


def is_syllable(token: str) -> bool:
    return token.lower() in syllables()
