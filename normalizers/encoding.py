"""Decoding of raw text-file bytes, including the legacy TCVN3 (ABC) and Windows-1258 encodings."""

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

_TABLE_PATH = Path(__file__).with_name("data") / "tcvn3.json"

_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"(?:iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi"
    r"|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|[aăâeêioôơuưy])"
    r"(?:ch|ng|nh|[cmnpt])?"
)
# Characters that Latin-1/cp1252 show for TCVN3 letter bytes (e.g. "nh©n", "tØnh", "B¾c").
_MOJIBAKE_CHARS = (
    frozenset(bytes(range(0x80, 0x100)).decode("latin-1"))
    | frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
) - frozenset("\u00a0ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_VIETNAMESE_ONLY = re.compile("[ĂăĐđƠơƯư\u1ea0-\u1ef9]")
_STRIP = "\"'()[]{}.,;:!?«»“”‘’…-–/*"


@cache
def _tcvn3_table() -> tuple[str, ...]:
    """Load the byte -> text table generated from glibc (see data/make_tcvn3_table.py)."""
    raw = json.loads(_TABLE_PATH.read_text(encoding="utf-8"))
    return tuple(raw[str(value)] for value in range(256))


def decode_tcvn3(data: bytes) -> str:
    """Decode TCVN3 (ABC) bytes to NFC text."""
    table = _tcvn3_table()
    return unicodedata.normalize("NFC", "".join(table[value] for value in data))


def _is_syllable(token: str) -> bool:
    """Tell whether a lower-case token is a well-formed Vietnamese syllable with at most one tone."""
    decomposed = unicodedata.normalize("NFD", token)
    if sum(ch in _TONES for ch in decomposed) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return _SYLLABLE.fullmatch(toneless) is not None


def vietnamese_score(text: str) -> float:
    """Share of letter-bearing tokens that are well-formed Vietnamese syllables (0.0 to 1.0)."""
    tokens = [t.strip(_STRIP).lower() for t in text.split()]
    tokens = [t for t in tokens if any(ch.isalpha() for ch in t)]
    if not tokens:
        return 0.0
    return sum(_is_syllable(t) for t in tokens) / len(tokens)


def marked_share(text: str) -> float | None:
    """Share of words (2+ letters) that carry a Vietnamese mark; None for fewer than 15 such words.

    Vietnamese prose marks most syllables (0.65–0.93 on the pages of real documents); a text layer
    from an OCR that dropped the marks (`UY BAN NHAN DAN TINH`) scores near 0.
    """
    tokens = [t.strip(_STRIP) for t in text.split()]
    words = [t for t in tokens if len(t) >= 2 and t.isalpha()]
    if len(words) < 15:
        return None
    return sum(any(ord(ch) > 127 for ch in w) for w in words) / len(words)


def _looks_like_tcvn3_mojibake(text: str) -> bool:
    """Cheap pre-check: many TCVN3-typical symbols and few genuine Vietnamese letters."""
    letters = [ch for ch in text if ch.isalpha() or ch in _MOJIBAKE_CHARS]
    if not letters:
        return False
    suspicious = sum(ch in _MOJIBAKE_CHARS for ch in letters)
    genuine = len(_VIETNAMESE_ONLY.findall(text))
    return suspicious >= 2 and suspicious / len(letters) >= 0.03 and genuine <= suspicious / 10


def _to_legacy_bytes(text: str) -> bytes:
    """Re-encode each character as Latin-1, else cp1252; unencodable characters become '?'."""
    out = bytearray()
    for ch in text:
        for codec in ("latin-1", "cp1252"):
            try:
                out += ch.encode(codec)
                break
            except UnicodeEncodeError:
                continue
        else:
            out += b"?"
    return bytes(out)


def undo_tcvn3_mojibake(text: str) -> str:
    """Decode text known to be TCVN3 bytes shown as Latin-1/cp1252 (no check: see repair_tcvn3_mojibake)."""
    return decode_tcvn3(_to_legacy_bytes(text))


def repair_tcvn3_mojibake(text: str) -> tuple[str, bool]:
    """Undo TCVN3 bytes mis-decoded as Latin-1/cp1252; return (text, whether it was repaired)."""
    if not _looks_like_tcvn3_mojibake(text):
        return text, False
    repaired = undo_tcvn3_mojibake(text)
    # A margin keeps genuine text with a few symbols (©, °, ½) from being "repaired".
    if vietnamese_score(repaired) >= vietnamese_score(text) + 0.2:
        return repaired, True
    return text, False


def _utf16_by_nuls(data: bytes) -> str | None:
    """Guess UTF-16 byte order from where NUL bytes sit (ASCII characters have a NUL half)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd >= 0.2 and even < 0.05:
        return "utf-16-le"
    if even >= 0.2 and odd < 0.05:
        return "utf-16-be"
    return None


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    """Decode data carrying a UTF-8 or UTF-16 byte-order mark."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le", errors="replace"), "utf-16-le"
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace"), "utf-16-be"
    return None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Pick cp1258 or TCVN3, whichever yields text that looks more Vietnamese."""
    cp1258 = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    tcvn3 = decode_tcvn3(data)
    # Ties go to cp1258: with no letters outside ASCII both decodings are equally plausible.
    if vietnamese_score(tcvn3) > vietnamese_score(cp1258) - 0.1 * cp1258.count("\ufffd"):
        return tcvn3, "tcvn3"
    return cp1258, "cp1258"


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw file bytes to NFC text and name the encoding that was detected."""
    bom = _decode_bom(data)
    if bom is not None:
        return unicodedata.normalize("NFC", bom[0]), bom[1]
    utf16 = _utf16_by_nuls(data)
    if utf16 is not None:
        try:
            return unicodedata.normalize("NFC", data.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    try:
        text = unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError:
        return _decode_legacy(data)
    repaired, changed = repair_tcvn3_mojibake(text)
    return (repaired, "tcvn3-mojibake") if changed else (text, "utf-8")
