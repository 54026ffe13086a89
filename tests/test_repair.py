"""OCR repair proposals from budget checks: a deliberately misread digit in a low-confidence cell."""

from __future__ import annotations

from extractors.budget import extract_budget
from extractors.layout import build_layout
from extractors.tables import extract_tables
from pipeline.model import Header

TABLE = ("STT\tNội dung\tTổng\tNgân sách\tXã hội hóa\n"
         "I\tCác lớp tập huấn kỹ thuật\t60,00\t60,00\t\n"
         "II\tCác đề tài, dự án\t8.861,98\t5.054,92\t3.807,06\n"
         "1\tDự án hỗ trợ doanh nghiệp\t3.484,38\t2.116,78\t1.367,60\n"
         "2\tMô hình chăn nuôi an toàn sinh học\t3.311,00\t1.698,14\t1.612,86\n"
         "3\tMô hình nhà màng\t2.066,60\t1.240,00\t826,60\n"
         "\tTỔNG CỘNG\t8.921,98\t5.114,92\t3.807,06\n")


def budget_of(text: str, conf: dict[tuple[str, int], float]):
    """Run tables + budget, with OCR confidences set on the given (stt, column) cells (others 95)."""
    layout = build_layout(text)
    tables, _ = extract_tables(layout)
    for row in tables[0].rows:
        row.confidence = [conf.get((row.stt, j), 95.0) for j in range(len(row.cells))]
    budget, warnings = extract_budget(layout, tables, Header())
    return tables[0], warnings


def test_misread_digit_gets_exactly_one_proposal():
    misread = TABLE.replace("3.311,00\t1.698,14", "3.317,00\t1.698,14")  # OCR read 1 as 7
    table, warnings = budget_of(misread, {("2", 2): 61.0})
    (repair,) = table.repairs
    assert (repair.row, repair.read, repair.proposed, repair.proposed_value) == ("2", "3.317,00", "3.311,00", 3311.0)
    assert repair.column == "Tổng" and repair.confidence == 61.0 and repair.checks
    assert table.rows[3].values[2] == 3317.0, "the value read is kept"
    assert "ocr_repair_proposed" in {w.code for w in warnings}


def test_confident_cells_are_not_repaired():
    misread = TABLE.replace("3.311,00\t1.698,14", "3.317,00\t1.698,14")
    table, warnings = budget_of(misread, {})
    assert table.repairs == []
    assert "table_check_failed" in {w.code for w in warnings}


def test_correct_table_needs_no_repair():
    table, warnings = budget_of(TABLE, {("2", 2): 40.0})
    assert table.repairs == [] and all(c.ok for c in table.checks)
    assert not {w.code for w in warnings} & {"ocr_repair_proposed", "low_confidence_cell"}
