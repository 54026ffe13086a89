"""Budget checks as OCR repair: propose the one-digit fix that makes a misread cell add up again.

A cell is a suspect when its OCR confidence is low and it takes part in a failing check. Each
single-digit substitution of its text is tried; a substitution that makes every check the cell
takes part in hold (and breaks none) is a candidate. Only a cell with exactly one candidate gets
a proposal; the value read stays in the table, the proposal goes to `repairs` and a warning —
never a silent change.
"""

from __future__ import annotations

from extractors.table_checks import table_checks
from normalizers import parse_number
from pipeline.model import Check, Repair, Table, Warning

LOW_CONFIDENCE = 85.0  # Tesseract word confidence below which a digit may be misread


def propose_repairs(table: Table) -> tuple[list[Repair], list[Warning]]:
    failing = [c for c in table.checks if not c.ok]
    if not failing:
        return [], []
    repairs, warnings = [], []
    for i, j in _suspects(table, failing):
        row, column = table.rows[i], table.columns[j]
        candidates = _candidates(table, i, j)
        conf = row.confidence[j] if row.confidence else None
        if len(candidates) == 1:
            text, value, restored = candidates[0]
            repairs.append(Repair(row=_name(row), column=column, read=row.cells[j], proposed=text,
                                  proposed_value=value, confidence=conf, checks=restored))
            warnings.append(Warning(code="ocr_repair_proposed", span=row.span, message=(
                f"Row {_name(row)!r}, column {column!r}: read {row.cells[j]!r} (confidence {conf}); "
                f"{text!r} would make {len(restored)} failing check(s) hold. The value read is kept.")))
        else:
            warnings.append(Warning(code="low_confidence_cell", span=row.span, message=(
                f"Row {_name(row)!r}, column {column!r}: {row.cells[j]!r} (confidence {conf}) breaks a check; "
                f"{'no' if not candidates else 'more than one'} single-digit fix restores it.")))
    return repairs, warnings


def _name(row) -> str:
    return row.stt or row.label[:40]


def _suspects(table: Table, failing: list[Check]) -> list[tuple[int, int]]:
    """Low-confidence numeric cells named by a failing check (as its row, or one of its terms)."""
    out = []
    for i, row in enumerate(table.rows):
        for j, column in enumerate(table.columns):
            conf = row.confidence[j] if row.confidence else None
            if row.values[j] is None or conf is None or conf >= LOW_CONFIDENCE:
                continue
            if any(_involves(c, row, column) for c in failing):
                out.append((i, j))
    return out


def _involves(check: Check, row, column: str) -> bool:
    name = _name(row)
    if check.rule == "column_sum":
        return check.row == name and (check.column == column or column in check.terms)
    return check.column == column and (check.row == name or name in check.terms)


def _candidates(table: Table, i: int, j: int) -> list[tuple[str, float | int, list[str]]]:
    """Single-digit substitutions of cell (i, j) under which no check fails any more."""
    row, column = table.rows[i], table.columns[j]
    read = row.cells[j]
    before = {_key(c) for c in table.checks if not c.ok}
    mine = {_key(c) for c in table.checks if not c.ok and _involves(c, row, column)}
    found = []
    for text in _one_digit_variants(read):
        value = parse_number(text)
        if value is None:
            continue
        trial = table.model_copy(deep=True)
        trial.rows[i].values[j] = value
        still = {_key(c) for c in table_checks(trial) if not c.ok}
        if not (still & mine) and still <= before:  # its checks hold now, and nothing new breaks
            found.append((text, value, sorted(mine)))
    return found


def _key(c: Check) -> str:
    return f"{c.rule}:{c.row}:{c.column}"


def _one_digit_variants(text: str) -> list[str]:
    out = []
    for k, ch in enumerate(text):
        if ch.isdigit():
            out += [text[:k] + d + text[k + 1 :] for d in "0123456789" if d != ch]
    return out
