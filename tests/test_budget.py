"""Budget: the stated total and sources, the arithmetic checks of budget tables, and what a wrong digit does."""

from __future__ import annotations

import pytest

from extractors.budget import extract_budget
from extractors.header import extract_header
from extractors.layout import build_layout
from extractors.references import extract_references
from extractors.sections import extract_sections
from extractors.table_checks import table_checks
from extractors.tables import extract_tables
from tests.conftest import SAMPLES

SAMPLE_000 = (SAMPLES / "000_18a8787367065f0f.txt").read_text(encoding="utf-8")
TABLE_000 = SAMPLE_000[SAMPLE_000.index("Số TT\t") : SAMPLE_000.index("\n\nIV. TỔ CHỨC")]
SAMPLE_004 = (SAMPLES / "004_8b827fb77414bd5d.txt").read_text(encoding="utf-8")
TABLE_004 = SAMPLE_004[SAMPLE_004.index("Đơn vị tính: triệu đồng\n\nSTT\tNội dung\tĐơn vị tính\tSố lượng\tKinh phí") :
                       SAMPLE_004.index("III. ĐỀ XUẤT")]

HEAD = ("Số: 23 /KH-UBND\n\nTP. Cao Bằng, ngày 30 tháng 01 năm 2019\n\nKẾ HOẠCH\n"
        "Phát triển Khoa học và Công nghệ giai đoạn 2019-2020\n\nCăn cứ Quyết định số 792/QĐ-UBND ngày 06 tháng 5 "
        "năm 2011 của Ủy ban nhân dân tỉnh Cao Bằng;\n\nIII. KẾ HOẠCH PHÁT TRIỂN KHOA HỌC VÀ CÔNG NGHỆ\n\n")
STATED = ("Tổng kinh phí: 8.971,98 triệu đồng.\n\nTrong đó:\n\n"
          "- Nguồn ngân sách Nhà nước hỗ trợ: 5.164,92 triệu đồng;\n- Nguồn xã hội hóa: 3.807,06 triệu đồng.\n\n")

TOTAL = "Kinh phí (Triệu đồng) / Tổng kinh phí"
STATE = "Kinh phí (Triệu đồng) / Trong đó / Ngân sách hỗ trợ"
SOCIAL = "Kinh phí (Triệu đồng) / Trong đó / Xã hội hóa"
Y2019 = "Phân kỳ vốn đầu tư (NSNN hỗ trợ) / 2019"
Y2020 = "Phân kỳ vốn đầu tư (NSNN hỗ trợ) / 2020"


def budget_of(text: str):
    """The stages in pipeline.run's order; returns budget, warning codes and tables."""
    layout = build_layout(text)
    tables, _ = extract_tables(layout)
    head = extract_header(layout)
    extract_references(layout, head.header)
    extract_sections(layout, head.parts, head.title_end)
    budget, warnings = extract_budget(layout, tables, head.header)
    return budget, [w.code for w in warnings], tables


def failed(tables) -> set[tuple[str, str, str]]:
    return {(c.rule, c.row, c.column) for t in tables for c in t.checks if not c.ok}


def test_stated_total_and_sources():
    budget, warnings, _ = budget_of(HEAD + STATED + TABLE_000)
    assert (budget.total, budget.unit, budget.total_vnd) == (8971.98, "triệu đồng", 8971980000)
    assert budget.origin == "text"
    assert [s.amount for s in budget.sources] == [5164.92, 3807.06]
    assert budget.sources[0].name.lower().startswith("ngân sách nhà nước")
    assert budget.sources[1].name.lower() == "xã hội hóa"
    assert budget.consistent is True
    assert warnings == []


def test_checks_on_the_sample_000_table_all_hold():
    _, _, (table,) = budget_of(HEAD + STATED + TABLE_000)
    assert {c.rule for c in table.checks} == {"sum_of_children", "sum_of_groups", "column_sum", "text_total"}
    assert all(c.ok for c in table.checks)
    found = {(c.rule, c.row, c.column): c for c in table.checks}
    assert found[("sum_of_children", "II", TOTAL)].terms == ["1", "2", "3"]
    assert found[("sum_of_groups", "TỔNG CỘNG", TOTAL)].terms == ["I", "II", "III"]
    assert found[("column_sum", "II", TOTAL)].terms == [STATE, SOCIAL]  # Tổng = Ngân sách + Xã hội hóa
    assert found[("column_sum", "II", STATE)].terms == [Y2019, Y2020]  # 2019 + 2020 = Ngân sách
    assert found[("text_total", "total", TOTAL)].found == 8971.98


def test_table_checks_is_pure():
    _, _, (table,) = budget_of(HEAD + TABLE_000)
    assert table_checks(table) == table_checks(table)
    assert all(c.ok for c in table_checks(table))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # one item of group II: its group and its own Tổng = Ngân sách + Xã hội hóa break
        ("3.311,00", "3.317,00", {("sum_of_children", "II", TOTAL), ("column_sum", "2", TOTAL)}),
        # the Xã hội hóa cell of the same item
        pytest.param("\t1.612,86\t", "\t1.612,88\t", {("sum_of_children", "II", SOCIAL), ("column_sum", "2", TOTAL)}),
        # a group: its children, the grand total and its own row sum
        ("8.861,98", "8.861,99", {("sum_of_children", "II", TOTAL), ("sum_of_groups", "TỔNG CỘNG", TOTAL),
                                  ("column_sum", "II", TOTAL)}),
        # the 2020 share of one item: its group and Ngân sách = 2019 + 2020
        ("\t112,27", "\t112,37", {("sum_of_children", "II", Y2020), ("column_sum", "2", STATE)}),
    ],
)
def test_one_changed_digit_fails_the_right_checks(old, new, expected):
    assert TABLE_000.count(old) == 1
    budget, warnings, tables = budget_of(HEAD + STATED + TABLE_000.replace(old, new))
    assert failed(tables) == expected
    assert warnings.count("table_check_failed") == len(expected)
    assert budget.consistent is False


def test_changed_detail_row_fails_its_parent():
    old = "<i>15,00</i>\t<i>15,00</i>\t\t<i>7,50</i>"
    assert TABLE_000.count(old) == 1
    budget, _, tables = budget_of(HEAD + STATED + TABLE_000.replace(old, "<i>16,00</i>\t<i>15,00</i>\t\t<i>7,50</i>"))
    detail = "Chi phục vụ Hội đồng KH&CN (Văn phòng ph"
    assert failed(tables) == {("sum_of_children", "1", TOTAL), ("column_sum", detail, TOTAL)}
    assert budget.consistent is False


def test_stated_total_that_disagrees_with_the_table():
    budget, warnings, (table,) = budget_of(HEAD + STATED.replace("8.971,98", "8.917,98") + TABLE_000)
    assert budget.total == 8917.98
    assert "budget_total_mismatch" in warnings
    assert failed([table]) == {("text_total", "total", TOTAL)}
    assert budget.consistent is False


def test_quantity_column_is_not_checked():
    # Sample 004: group V has Số lượng 1 but its children 1 + 1; quantities do not add up and are not money.
    budget, warnings, (table,) = budget_of(HEAD + TABLE_004)
    v = next(i for i, r in enumerate(table.rows) if r.stt == "V")
    assert [r.values[3] for r in table.rows[v : v + 3]] == [1, 1, 1]
    assert all(c.column != "Số lượng" for c in table.checks)
    assert {c.rule for c in table.checks} == {"sum_of_children", "sum_of_groups"}
    assert warnings == []
    assert (budget.total, budget.unit, budget.origin, budget.consistent) == (130, "triệu đồng", "table", True)


def test_total_from_the_table_when_the_text_states_none():
    budget, warnings, _ = budget_of(HEAD + TABLE_000)
    assert (budget.total, budget.total_vnd, budget.origin) == (8971.98, 8971980000, "table")
    assert warnings == []


@pytest.mark.parametrize(
    "body",
    ["Nội dung kế hoạch không nêu kinh phí.\n",
     "STT\tNội dung\tSố lượng\tGhi chú\nI\tTập huấn\t2\t\n1\tLớp cơ bản\t1\t\n2\tLớp nâng cao\t1\t\n",
     "Tổng kinh phí được bố trí theo dự toán hằng năm. Năm 2024 đã chi 30 triệu đồng.\n",
     "Hội đồng nhân dân tỉnh quyết định tổng biên chế năm 2025 là 1.234 người.\n"],
    ids=["text", "table-without-total", "amount-in-another-sentence", "no-money"],
)
def test_no_total_anywhere_means_no_budget(body):
    budget, warnings, _ = budget_of(HEAD + body)
    assert budget is None
    assert warnings == []


@pytest.mark.parametrize(
    ("sentence", "total", "unit"),
    [
        ("Tổng kinh phí thực hiện Kế hoạch năm 2024 là 1.250.000.000 đồng (Bằng chữ: Một tỷ hai trăm năm mươi "
         "triệu đồng).", 1250000000, "đồng"),
        ("Tổng kinh phí dự kiến khoảng 500 triệu đồng, từ nguồn ngân sách tỉnh.", 500, "triệu đồng"),
        ("Kinh phí thực hiện: 45.600.000đ.", 45600000, "đồng"),
        ("Năm 2025, tỉnh được giao với tổng dự toán là 23.997 tỷ đồng, trong đó:", 23997, "tỷ đồng"),
        # a statement wrapped over lines, as printed
        ("Tổng kinh phí thực hiện các nhiệm vụ của Đề án giai đoạn\n2026 - 2030 là 12.345,6 triệu đồng.",
         12345.6, "triệu đồng"),
        ("Dự toán kinh phí thực hiện năm 2025: 10.522,6 triệu đồng.", 10522.6, "triệu đồng"),
        ("Kinh phí hỗ trợ: 350 triệu đồng (Ba trăm năm mươi triệu đồng).", 350, "triệu đồng"),
        ("Kinh phí đề nghị bổ sung là 2.500 triệu đồng.", 2500, "triệu đồng"),
        # read by OCR, or typed in a hurry
        ("Tổng kinh phí thực hiện: 10.506 triệu đông.", 10506, "triệu đồng"),
        ("Tổng kinh phí: 1.200 trđ, từ nguồn sự nghiệp.", 1200, "triệu đồng"),
    ],
)
def test_total_stated_in_a_sentence(sentence, total, unit):
    budget, _, _ = budget_of(HEAD + sentence + "\n")
    assert (budget.total, budget.unit, budget.origin) == (total, unit, "text")


@pytest.mark.parametrize(("width", "sums_found"), [(6, True), (60, False)])
def test_column_sums_sought_only_in_tables_of_bounded_width(width, sums_found):
    """Every pair of numeric columns is tried for every column: a 60-column grid (plain text misread into
    one wide row) is not searched, so a bad table costs nothing; a normal table's sums are found."""
    from extractors.table_checks import MAX_PAIR_COLUMNS
    from pipeline.model import Row, Table

    assert 6 < MAX_PAIR_COLUMNS < 60
    def row(i: int) -> Row:
        values = [float(3 * i), float(i), float(2 * i)] + [float(i * i + 7 * k) for k in range(width - 3)]
        return Row(stt=str(i), label=f"Xã {i}", level=1, row_type="item", cells=[str(v) for v in values],
                   values=values)

    rows = [row(i) for i in range(1, 6)]
    table = Table(columns=[f"Cột {k}" for k in range(width)], rows=rows)
    found = [c for c in table_checks(table) if c.rule == "column_sum"]
    assert bool(found) == sums_found
