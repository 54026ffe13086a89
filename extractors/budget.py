"""Budget: the total, its unit and funding sources, from the text and from budget tables.

`Tổng kinh phí: 8.971,98 triệu đồng.` then `- Nguồn ngân sách Nhà nước hỗ trợ: 5.164,92 triệu đồng;`.
When the text states no total, the total row of the budget table is used (the dự toán table when
the title is about a dự toán). The stated total must equal the table's; every disagreement and
every failed table check is a warning and makes `consistent` false.
"""

from __future__ import annotations

import re

from extractors.layout import Layout
from extractors.repair import propose_repairs
from extractors.table_checks import table_checks
from normalizers import money_spelling, parse_amount, to_vnd
from pipeline.model import Budget, Check, FundingSource, Header, Table, Warning

# `Tổng kinh phí: 8.971,98 triệu đồng`, `Tổng kinh phí thực hiện Kế hoạch năm 2024 là 1.250.000.000 đồng`,
# `Kinh phí dự kiến khoảng 500 triệu đồng`, `Dự toán kinh phí: …`, `Kinh phí hỗ trợ: …`: the lead words, at
# most a clause of filler, the first amount. Not `Kinh phí được cấp trong năm 2022`: a report of funds received.
_AMOUNT = r"\d[\d.,]*\s*(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)?(?:đồng|đ|vnđ|vnd)(?![^\W\d_])"
_LEAD_WORDS = re.compile(r"tổng|kinh\s+phí", re.I)
_TOTAL_STATEMENT = re.compile(
    r"(?<![^\W\d_])(?:tổng\s+(?:kinh\s+phí|dự\s+toán|nguồn\s+vốn|số\s+vốn|vốn|mức\s+đầu\s+tư|cộng|số\s+tiền"
    r"|chi\s+phí|nhu\s+cầu\s+kinh\s+phí)|(?:dự\s+toán\s+)?kinh\s+phí\s+(?:thực\s+hiện|dự\s+kiến|để\s+thực\s+hiện"
    r"|hỗ\s+trợ|đề\s+nghị)|dự\s+toán\s+kinh\s+phí)"
    rf"(?P<filler>[^;\n]{{0,100}}?)(?P<amount>{_AMOUNT})",
    re.I,
)
_SOURCE = re.compile(
    r"^\W*(?P<name>(Nguồn\s+)?(ngân\s+sách|vốn|nguồn|xã\s+hội\s+hóa|kinh\s+phí)[^:]{0,80}?)"
    r"\s*:\s*(?P<amount>[\d.,]+\s*\S*\s*đồng)",
    re.I,
)
_MONEY_WORDS = re.compile(r"kinh phí|dự toán|ngân sách|vốn|thành tiền|số tiền|đồng", re.I)


def extract_budget(layout: Layout, tables: list[Table], header: Header) -> tuple[Budget | None, list[Warning]]:
    warnings: list[Warning] = []
    for table in tables:
        table.checks = table_checks(table)
        for c in table.checks:
            if not c.ok:
                warnings.append(Warning(code="table_check_failed", span=table.span, message=_describe(c, table)))
        table.repairs, repair_warnings = propose_repairs(table)
        warnings += repair_warnings
    budget = _from_text(layout)
    candidates = [t for t in tables if _is_budget_table(t)]
    table = _pick_table(candidates, header)
    table_total, total_column = _table_total(table) if table else (None, None)
    if budget is None and table_total is not None:
        budget = Budget(total=table_total, unit=table.unit, origin="table", span=table.span)
    if budget is None:
        return None, warnings
    if budget.origin == "text" and table_total is not None and table.unit == budget.unit:
        ok = abs(table_total - budget.total) < 0.005
        table.checks.append(Check(rule="text_total", row="total", column=total_column, expected=budget.total,
                                  found=table_total, ok=ok))
        if not ok:
            warnings.append(Warning(code="budget_total_mismatch", span=budget.span,
                                    message=f"The text states a total of {budget.total} {budget.unit} but the "
                                            f"table adds up to {table_total}."))
    budget.total_vnd = to_vnd(budget.total, budget.unit)
    budget.consistent = all(c.ok for t in ([table] if table else []) for c in t.checks)
    return budget, warnings


def _from_text(layout: Layout) -> Budget | None:
    body = layout.free()
    for i, ln in enumerate(body):
        m = _total_statement(ln.text, body[i + 1 : i + 3])
        if not m:
            continue
        total, unit = parse_amount(m["amount"])
        if total is None:
            continue
        budget = Budget(total=total, unit=unit, origin="text", span=ln.span())
        for nxt in body[i + 1 : i + 8]:
            s = _SOURCE.match(nxt.text)
            if s and (amount := parse_amount(s["amount"]))[0] is not None:
                name = re.sub(r"^Nguồn\s+", "", s["name"].strip(), flags=re.I)
                budget.sources.append(FundingSource(name=name[:1].upper() + name[1:], amount=amount[0],
                                                    span=nxt.span()))
        return budget
    return None


def _total_statement(text: str, following: list) -> re.Match | None:
    """The first total stated in a sentence that starts on this line (it may wrap over two more lines)."""
    if not _LEAD_WORDS.search(text):  # most lines: no statement starts here
        return None
    joined = money_spelling(" ".join([text, *(ln.text for ln in following)]))  # OCR'd `triệu đông`, `trđ`
    for m in _TOTAL_STATEMENT.finditer(joined):
        if m.start() >= len(money_spelling(text)):
            return None
        if not re.search(r"[.!?]\s", m["filler"]):  # the amount belongs to the same sentence
            return m
    return None


def _is_budget_table(table: Table) -> bool:
    has_total = any(r.row_type == "total" for r in table.rows)
    money = bool(table.unit) or any(_MONEY_WORDS.search(c) for c in table.columns)
    return has_total and money


def _pick_table(tables: list[Table], header: Header) -> Table | None:
    if not tables:
        return None
    if "dự toán" in (header.title or "").lower():
        for t in reversed(tables):
            if "dự toán" in ((t.title or "") + " ".join(t.columns)).lower():
                return t
    return tables[-1]


def _table_total(table: Table) -> tuple[float | int | None, str | None]:
    """The total row's value, and its column: the column the others add up to, else the money column."""
    total = next((r for r in table.rows if r.row_type == "total"), None)
    if total is None:
        return None, None
    sums = [c.column for c in table.checks if c.rule == "column_sum" and c.ok]
    order = sorted(range(len(table.columns)), key=lambda j: (
        table.columns[j] not in sums,
        not re.search(r"tổng|kinh phí|dự toán|thành tiền|số tiền", table.columns[j], re.I),
        j,
    ))
    for j in order:
        if total.values[j] is not None and (table.columns[j] in sums or _MONEY_WORDS.search(table.columns[j])):
            return total.values[j], table.columns[j]
    j = max((j for j, v in enumerate(total.values) if v is not None), default=None)
    return (None, None) if j is None else (total.values[j], table.columns[j])


def _describe(c: Check, table: Table) -> str:
    where = table.title or "table"
    what = {"sum_of_children": "the sum of its sub-rows", "sum_of_groups": "the sum of the groups",
            "column_sum": " + ".join(c.terms), "text_total": "the stated total"}[c.rule]
    return f"{where}: row {c.row!r}, column {c.column!r} is {c.found} but {what} is {c.expected}."
