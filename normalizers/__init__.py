"""Pure normalisation helpers for Vietnamese administrative documents."""

from normalizers.dates import DATE_PATTERN, ONE_LOOKALIKES, find_dates, parse_vn_date, to_iso
from normalizers.encoding import (
    decode_bytes,
    decode_tcvn3,
    marked_share,
    repair_tcvn3_mojibake,
    undo_tcvn3_mojibake,
    vietnamese_score,
)
from normalizers.numbers import (
    UNIT_MULTIPLIERS,
    money_spelling,
    normalize_unit,
    parse_amount,
    parse_dot_decimal,
    parse_number,
    to_vnd,
)
from normalizers.text import (
    LOWER,
    UPPER,
    fold_diacritics,
    is_all_caps,
    normalize_spaces,
    normalize_text,
    repair_caps_case,
    unique_by_letters,
)

__all__ = [
    "DATE_PATTERN",
    "LOWER",
    "UPPER",
    "ONE_LOOKALIKES",
    "UNIT_MULTIPLIERS",
    "decode_bytes",
    "decode_tcvn3",
    "find_dates",
    "fold_diacritics",
    "is_all_caps",
    "repair_caps_case",
    "marked_share",
    "money_spelling",
    "normalize_spaces",
    "normalize_text",
    "normalize_unit",
    "parse_amount",
    "parse_dot_decimal",
    "parse_number",
    "parse_vn_date",
    "repair_tcvn3_mojibake",
    "to_iso",
    "to_vnd",
    "undo_tcvn3_mojibake",
    "unique_by_letters",
    "vietnamese_score",
]
