"""Arithmetic checks discovered from a table's own numbers, not from its column names.

- `sum_of_children`: a group row equals the sum of the rows one level below it;
- `sum_of_groups`: the total row equals the sum of the top-level rows;
- `column_sum`: a column equals the sum of two or three other columns in (almost) every row
  (Tổng = Ngân sách + Xã hội hóa; 2019 + 2020 = Ngân sách).
A column takes part only if at least one of its checks holds: quantities and unit prices are
not additive, and a check that never holds says more about the column than about the digits.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations

from pipeline.model import Check, Row, Table

_TOL = Decimal("0.001")
# The relation search tries every pair (and triple) of numeric columns for every column: bounded so that a
# wide table (a 300-column grid misread from plain text) costs milliseconds, not hours.
MAX_TRIPLE_COLUMNS = 12
MAX_PAIR_COLUMNS = 40


def _dec(v: float | int | None) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def _equal(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= _TOL


def _row_name(row: Row) -> str:
    return row.stt or row.label[:40]


def table_checks(table: Table) -> list[Check]:
    numeric = _numeric_columns(table)
    checks = _hierarchy_checks(table, numeric) + _column_checks(table, numeric)
    # Evidence that a column adds up: a check that holds over two or more non-empty terms, or the
    # column taking part in a relation between columns (Tổng = Ngân sách + Xã hội hóa).
    additive = {c.column for c in checks if c.ok and len(c.terms) >= 2 and c.found != 0}
    additive |= {name for c in checks if c.rule == "column_sum" for name in (c.column, *c.terms)}
    return [c for c in checks if c.column in additive]


def _numeric_columns(table: Table) -> list[int]:
    data = [r for r in table.rows if r.row_type != "total"] or table.rows
    return [j for j in range(len(table.columns))
            if sum(r.values[j] is not None for r in data) >= max(1, len(data) // 4)]


def _children(rows: list[Row], i: int) -> list[Row]:
    """Rows one level below rows[i], up to the next row at its level or above."""
    level, kids = rows[i].level, []
    for r in rows[i + 1 :]:
        if r.level <= level or r.row_type == "total":
            break
        kids.append(r)
    if not kids:
        return []
    top = min(r.level for r in kids)
    return [r for r in kids if r.level == top]


def _hierarchy_checks(table: Table, numeric: list[int]) -> list[Check]:
    rows, checks = table.rows, []
    for i, row in enumerate(rows):
        if row.row_type == "total":
            top = min((x.level for x in rows if x.row_type != "total"), default=0)
            parts = [r for r in rows if r.row_type != "total" and r.level == top]
            checks += _sum_checks(table, row, parts, numeric, "sum_of_groups")
        elif kids := _children(rows, i):
            checks += _sum_checks(table, row, kids, numeric, "sum_of_children")
    return checks


def _sum_checks(table: Table, row: Row, parts: list[Row], numeric: list[int], rule: str) -> list[Check]:
    out = []
    for j in numeric:
        found = _dec(row.values[j])
        vals = [_dec(p.values[j]) for p in parts]
        if found is None or all(v is None for v in vals):
            continue
        expected = sum((v for v in vals if v is not None), Decimal(0))
        terms = [_row_name(p) for p, v in zip(parts, vals) if v is not None]
        out.append(Check(rule=rule, row=_row_name(row), column=table.columns[j], expected=float(expected),
                         found=float(found), ok=_equal(expected, found), terms=terms))
    return out


def _column_checks(table: Table, numeric: list[int]) -> list[Check]:
    """Find column relations that hold in ≥ 80 % of at least 3 rows, then check every row. Sums of three
    columns are sought only in tables of a few numeric columns: the search grows with the cube."""
    checks: list[Check] = []
    explained: set[int] = set()
    sizes = (2, 3) if len(numeric) <= MAX_TRIPLE_COLUMNS else (2,) if len(numeric) <= MAX_PAIR_COLUMNS else ()
    for size in sizes:
        for target in numeric:
            if target in explained:
                continue
            for parts in combinations([j for j in numeric if j != target], size):
                rel = _relation_rows(table, target, parts)
                if rel is None:
                    continue
                checks += rel
                explained.add(target)
                break
    return checks


def _relation_rows(table: Table, target: int, parts: tuple[int, ...]) -> list[Check] | None:
    checks = []
    for row in table.rows:
        found = _dec(row.values[target])
        vals = [_dec(row.values[j]) for j in parts]
        if found is None or all(v is None for v in vals):
            continue
        expected = sum((v for v in vals if v is not None), Decimal(0))
        checks.append(Check(rule="column_sum", row=_row_name(row), column=table.columns[target],
                            expected=float(expected), found=float(found), ok=_equal(expected, found),
                            terms=[table.columns[j] for j in parts]))
    each_used = all(any(row.values[j] not in (None, 0) for row in table.rows) for j in parts)
    nontrivial = sum(1 for c in checks if c.ok and c.found != 0)
    if len(checks) < 3 or not each_used or nontrivial < 2 or sum(c.ok for c in checks) < 0.8 * len(checks):
        return None
    return checks
