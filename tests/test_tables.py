"""Tables: multi-row headers, page breaks, unit and caption, row types and levels, values, HTML/pipe, split rows."""

from __future__ import annotations

import pytest

from extractors.layout import build_layout
from extractors.tables import extract_tables
from tests.conftest import SAMPLES

SAMPLE_000 = (SAMPLES / "000_18a8787367065f0f.txt").read_text(encoding="utf-8")
# The budget table of sample 000: a three-row header, the column-number row, a blank line (page break) inside.
TABLE_000 = SAMPLE_000[SAMPLE_000.index("Số TT\t") : SAMPLE_000.index("\n\nIV. TỔ CHỨC")]


def tables_of(text: str):
    tables, _ = extract_tables(build_layout(text))
    return tables


def table_of(text: str):
    (table,) = tables_of(text)
    return table


def row(table, label_start: str):
    return next(r for r in table.rows if r.label.startswith(label_start))


def test_multi_row_header_becomes_one_name_per_column():
    assert table_of(TABLE_000).columns == [
        "Số TT", "Danh mục nhiệm vụ", "Kinh phí (Triệu đồng) / Tổng kinh phí",
        "Kinh phí (Triệu đồng) / Trong đó / Ngân sách hỗ trợ", "Kinh phí (Triệu đồng) / Trong đó / Xã hội hóa",
        "Phân kỳ vốn đầu tư (NSNN hỗ trợ) / 2019", "Phân kỳ vốn đầu tư (NSNN hỗ trợ) / 2020",
    ]


def test_column_number_row_dropped_and_page_break_bridged():
    table = table_of(TABLE_000)
    assert "\n\n3\tCác dự án sản xuất" in TABLE_000  # the blank line the page break left
    assert [r.stt for r in table.rows] == ["I", "II", "1", "2", "3", "III", "1", "", "2", "", "3", ""]
    assert all(r.cells[:2] != ["1", "2"] for r in table.rows)


@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n\n", "\n\f\n"], ids=["blank", "blanks", "form-feed"])
def test_table_cut_by_a_page_break_is_one_table(gap):
    text = f"STT\tNội dung\tKinh phí\nI\tTuyên truyền\t4\n1\tPhổ biến\t1{gap}2\tTập huấn\t3\n\tTổng cộng\t4\n"
    assert [r.stt for r in table_of(text).rows] == ["I", "1", "2", ""]


@pytest.mark.parametrize("repeated", ["STT\tNội dung\tKinh phí\tGhi chú", "1\t2\t3\t4"], ids=["header", "numbers"])
def test_header_repeated_after_a_page_break_is_not_a_row(repeated):
    text = (f"STT\tNội dung\tKinh phí\tGhi chú\n1\t2\t3\t4\nI\tTuyên truyền\t4\t\n1\tPhổ biến\t1\t\n\f\n{repeated}\n"
            "2\tTập huấn\t3\t\n\tTổng cộng\t4\t\n")
    assert [r.stt for r in table_of(text).rows] == ["I", "1", "2", ""]


def test_table_resumed_after_short_lines_is_one_table():
    """A long appendix table interrupted by what a text extraction leaves between its pieces (a page
    number, the header's words): one table, as the scorer and a database want it."""
    text = ("STT\tĐơn vị\tĐiểm\n1\tSở Nội vụ\t8,00\n2\tSở Tư pháp\t7,50\n\n- 2 -\n\nĐơn vị\n\n"
            "STT\tĐơn vị\tĐiểm\n3\tSở Y tế\t6,00\n4\tSở Xây dựng\t7,00\n")
    assert [r.stt for r in table_of(text).rows] == ["1", "2", "3", "4"]


@pytest.mark.parametrize("between", ["II. ĐỐI VỚI CẤP XÃ", "Biểu mẫu 2", "Bảng 3: Kết quả cấp xã"],
                         ids=["heading", "bare-caption", "caption"])
def test_heading_or_caption_between_tables_keeps_them_apart(between):
    text = (f"STT\tĐơn vị\tĐiểm\n1\tSở Nội vụ\t8,00\n2\tSở Tư pháp\t7,50\n\n{between}\n\n"
            "STT\tĐơn vị\tĐiểm\n1\tXã Tân Hải\t6,00\n2\tXã Tân Minh\t7,00\n")
    assert [len(t.rows) for t in tables_of(text)] == [2, 2]


def test_bare_caption_takes_the_name_under_it():
    """`Biểu mẫu 1` on its own line, its name on the next (Lâm Đồng's report on administrative reform)."""
    text = ("Biểu mẫu 1\nCông tác chỉ đạo điều hành CCHC\n\nSTT\tNội dung\tSố liệu\n"
            "1\tSố văn bản chỉ đạo CCHC đã ban hành\t12\n2\tSố cuộc kiểm tra\t4\n")
    assert table_of(text).title == "Biểu mẫu 1: Công tác chỉ đạo điều hành CCHC"


# ── unit and caption ────────────────────────────────────────────────────────────────────────

BUDGET_2023 = ("STT\tNội dung\tĐơn vị tính\tSố lượng\tKinh phí\tGhi chú\n"
               "I\tHoạt động tuyên truyền phổ biến các văn bản KH&CN\tLớp\t1\t4\t\n"
               "01\tPhổ biến, hướng dẫn các văn bản quản lý nhà nước về KH&CN\t\t\t\t\n"
               "02\tTuyên truyền, phổ biến thông tin các kết quả, tiến bộ KH&CN\tLớp\t1\t4\t\n"
               "II\tTriển khai thực hiện, ứng dụng kết quả đề tài, dự án đã nghiệm thu\tMô hình\t03\t110\t\n"
               "III\tPhối hợp thực hiện quản lý nhà nước về tiêu chuẩn - đo lường - chất lượng\t0\t0\t0\t\n"
               "Tổng cộng:\t\t\t\t114\t\n")


def test_unit_from_the_line_above_and_caption_from_the_line_after():
    text = ("+ Các nội dung chi:\n\nĐơn vị tính: triệu đồng\n\n" + BUDGET_2023 +
            "\nBảng 2: Tổng hợp dự toán ngân sách KH&CN năm 2023\n\nIII. ĐỀ XUẤT, KIẾN NGHỊ\n")
    table = table_of(text)
    assert table.unit == "triệu đồng"
    assert table.title == "Bảng 2: Tổng hợp dự toán ngân sách KH&CN năm 2023"


def test_unit_from_a_column_header():
    assert table_of(TABLE_000).unit == "triệu đồng"


def test_no_unit_no_caption():
    table = table_of(BUDGET_2023)
    assert (table.unit, table.title) == (None, None)


# ── rows: type, level, values ───────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("label", "stt", "row_type", "level"),
    [
        ("Các lớp tập huấn kỹ thuật", "I", "group", 1),
        ("Các Đề tài/dự án khoa học công nghệ", "II", "group", 1),
        ("Dự án hỗ trợ doanh nghiệp", "1", "item", 2),
        ("Chi phục vụ Hội đồng KH&CN", "", "detail", 3),
        ("TỔNG CỘNG", "", "total", 0),
    ],
)
def test_row_type_and_level(label, stt, row_type, level):
    r = row(table_of(TABLE_000), label)
    assert (r.stt, r.row_type, r.level) == (stt, row_type, level)


def test_zero_padded_numbers_are_items_and_total_in_the_stt_cell():
    table = table_of(BUDGET_2023)
    assert [(r.stt, r.row_type, r.level) for r in table.rows] == [
        ("I", "group", 1), ("01", "item", 2), ("02", "item", 2), ("II", "group", 1), ("III", "group", 1),
        ("", "total", 0)]
    assert table.rows[-1].label == "Tổng cộng:"
    assert table.rows[-1].values[4] == 114


def test_values_parsed_per_column():
    table = table_of(TABLE_000)
    assert row(table, "Các Đề tài").values == [None, None, 8861.98, 5054.92, 3807.06, 4322.65, 732.27]
    assert row(table, "Các lớp tập huấn").values == [None, None, 60.0, 60.0, None, 30.0, 30.0]
    assert row(table, "TỔNG CỘNG").values[2] == 8971.98
    assert row(table, "Chi phục vụ Hội đồng").values[2:4] == [15.0, 15.0]  # <i> cells


@pytest.mark.parametrize(
    ("cell", "value"),
    [("8.971,98", 8971.98), ("130.000.000", 130000000), ("0", 0), ("03", 3), ("", None), ("-", None),
     ("đã chi", None), ("<i>7,50</i>", 7.5)],
)
def test_cell_values(cell, value):
    table = table_of(f"STT\tNội dung\tKinh phí\tGhi chú\n1\tTuyên truyền\t{cell}\tLớp\n2\tTập huấn\t4\t\n")
    values = table.rows[0].values
    assert values[2] == value
    assert type(values[2]) is type(value)
    assert values[:2] == [None, None]  # STT and label columns
    assert values[3] is None  # text column


def test_html_table_with_spans_and_block_cells():
    text = ('<table><tr><td rowspan="2">STT</td><td rowspan="2">Nội dung</td>'
            '<td colspan="2">Kinh phí (triệu đồng)</td></tr><tr><td>Ngân sách</td><td>Xã hội hóa</td></tr>'
            '<tr><td>1</td><td><p>Chuyển giao công nghệ.</p><ul><li>- Hỗ trợ kỹ thuật chế biến khô cá</li>'
            '<li>- Hỗ trợ kỹ thuật sản xuất bột rau má</li></ul></td><td>1.240,00</td><td>826,60</td></tr>'
            '<tr><td></td><td><i>Chi phục vụ Hội đồng</i></td><td><i>15,00</i></td><td></td></tr>'
            '<tr><td></td><td>Tổng cộng</td><td>1.255,00</td><td>826,60</td></tr></table>')
    table = table_of(text)
    assert table.columns == ["STT", "Nội dung", "Kinh phí (triệu đồng) / Ngân sách",
                             "Kinh phí (triệu đồng) / Xã hội hóa"]
    assert table.unit == "triệu đồng"
    assert [(r.stt, r.row_type) for r in table.rows] == [("1", "item"), ("", "detail"), ("", "total")]
    assert table.rows[0].label.split("\n") == ["Chuyển giao công nghệ.", "- Hỗ trợ kỹ thuật chế biến khô cá",
                                               "- Hỗ trợ kỹ thuật sản xuất bột rau má"]
    assert table.rows[0].values == [None, None, 1240.0, 826.6]
    assert table.rows[1].values == [None, None, 15.0, None]


def test_pipe_table():
    text = ("| STT | Nội dung | Kinh phí (triệu đồng) |\n|---|---|---|\n| I | Tuyên truyền | 4 |\n"
            "| 1 | Phổ biến văn bản | 1,5 |\n| 2 | Tập huấn | 2,5 |\n| | Tổng cộng | 4 |\n")
    table = table_of(text)
    assert table.columns == ["STT", "Nội dung", "Kinh phí (triệu đồng)"]
    assert [(r.stt, r.row_type, r.values[2]) for r in table.rows] == [
        ("I", "group", 4), ("1", "item", 1.5), ("2", "item", 2.5), ("", "total", 4)]


def test_rows_split_by_ocr_are_merged_back():
    # Sample 003's appendix: one merged row arrives as text-only rows with the STT in the middle one.
    text = ("TT\tTên nội dung/nhiệm vụ\tĐơn vị chủ trì\tĐơn vị tiếp nhận kết quả\n"
            "1\tChuyển giao công nghệ bảo quản, sơ chế sản phẩm tại địa phương.\tCơ sở sản xuất khô Hải Yên\t\n"
            "\tHỗ trợ việc tạo lập và phát triển 02 nhãn hiệu chứng nhận sản phẩm của địa phương gồm:\t"
            "Phòng Quản lý công nghệ và chuyên ngành\n"
            "2\t- Quản lý và phát triển nhãn hiệu chứng nhận Chanh Cao Lãnh.\t"
            "Phòng Nông nghiệp và Phát triển nông thôn huyện Cao Lãnh\n"
            "3\tHỗ trợ thành lập ít nhất 02 doanh nghiệp khoa học và công nghệ.\tPhòng Quản lý Công nghệ\t"
            "Doanh nghiệp đủ điều kiện\n"
            "\tHướng dẫn xây dựng tiêu chuẩn cơ sở cho các sản phẩm OCOP gồm:\tChi cục Tiêu chuẩn Đo lường Chất lượng\n"
            "\t- Bột rau má thủy canh.\tCông ty TNHH BC Vũ Long\n"
            "4\t- Gạo AKITA X và Gạo đen X.\tHộ kinh doanh Lê Bo\n"
            "\t- Xoài cát chu Thiên Phú.\t\n"
            "5\tTriển khai nhiệm vụ KH-CN cấp cơ sở.\tPhòng Quản lý Khoa học\tHợp tác xã DV NN Nhị Mỹ\n")
    table = table_of(text)
    assert [r.stt for r in table.rows] == ["1", "2", "3", "4", "5"]
    assert table.rows[1].label == ("Hỗ trợ việc tạo lập và phát triển 02 nhãn hiệu chứng nhận sản phẩm của địa "
                                   "phương gồm:\n- Quản lý và phát triển nhãn hiệu chứng nhận Chanh Cao Lãnh.")
    assert table.rows[3].label.split("\n") == ["Hướng dẫn xây dựng tiêu chuẩn cơ sở cho các sản phẩm OCOP gồm:",
                                               "- Bột rau má thủy canh.", "- Gạo AKITA X và Gạo đen X.",
                                               "- Xoài cát chu Thiên Phú."]
    assert table.rows[3].cells[2].split("\n")[0] == "Chi cục Tiêu chuẩn Đo lường Chất lượng"


def test_sample_003_appendix_has_six_rows():
    text = (SAMPLES / "003_ff8ec06e504eaced.txt").read_text(encoding="utf-8")
    table = table_of(text)
    assert [r.stt for r in table.rows] == ["1", "2", "3", "4", "5", "6"]
    assert "Ối lê Mỹ Hiệp" in table.rows[1].label


def test_label_is_the_first_column_of_words():
    """A schedule appendix (Trường Đại học Việt Nhật, 2025): the dates column after TT is no label."""
    text = ("TT\tThời gian thực hiện\tNội dung công việc\tĐơn vị đầu mối\n"
            "1\t04/08/2025-27/08/2025\tTổ chức đăng ký, điều chỉnh học phần\tPhòng Đào tạo\n"
            "2\t03/09/2025-16/12/2025\tTổ chức giảng dạy các học phần của học kỳ 1\tCác Khoa\n")
    assert [r.label for r in table_of(text).rows] == ["Tổ chức đăng ký, điều chỉnh học phần",
                                                       "Tổ chức giảng dạy các học phần của học kỳ 1"]


def test_header_rows_end_at_the_column_number_row_and_codes_are_no_label():
    """An Giang's resource-tax price table (2021): `Mã nhóm` over `Cấp 1 … Cấp 3`, then `(1) (2) …`;
    the group codes (`II`, `II202`) stand before the names."""
    text = ("Số TT\tMã nhóm\t\t\tTên nhóm, loại tài nguyên\tĐơn vị tính\tGiá tính thuế\n"
            "\tCấp 1\tCấp 2\tCấp 3\t\t\t\n(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)\n"
            "I\tII\t\t\tKhoáng sản không kim loại\t\t\n1\t\tII1\t\tĐất khai thác để san lấp\tđồng/m3\t70.000\n"
            "2\t\tII2\t\tĐá, sỏi\t\t\n\t\t\tII202\tĐá xây dựng\tđồng/m3\t850.000\n")
    table = table_of(text)
    assert table.columns[1] == "Mã nhóm / Cấp 1"
    assert [(r.stt, r.label) for r in table.rows] == [
        ("I", "Khoáng sản không kim loại"), ("1", "Đất khai thác để san lấp"), ("2", "Đá, sỏi"), ("", "Đá xây dựng")]


def test_price_index_table_without_stt_column_and_with_point_decimals():
    """Sở Tài chính's CPI tables (Hậu Giang 2023, Khánh Hòa 2024): the label numbers itself (`I. Hàng ăn`),
    and the indexes are written with a decimal point (`115.18`), which a lone `1.1` never is."""
    text = ("NHÓM HÀNG\tSo với tháng trước (%)\tSo với cùng kỳ (%)\n"
            "CHỈ SỐ GIÁ TIÊU DÙNG\t110.51\t99.79\nI. Hàng ăn và dịch vụ ăn uống\t115.18\t100.09\n"
            "1. Lương thực\t116.56\t100.49\n2. Thực phẩm\t115.72\t99.99\n")
    rows = [(r.stt, r.label, [v for v in r.values if v is not None]) for r in table_of(text).rows]
    assert rows == [("", "CHỈ SỐ GIÁ TIÊU DÙNG", [110.51, 99.79]),
                    ("I", "Hàng ăn và dịch vụ ăn uống", [115.18, 100.09]),
                    ("1", "Lương thực", [116.56, 100.49]), ("2", "Thực phẩm", [115.72, 99.99])]


def test_text_table_continued_without_its_header_and_outline_numbers():
    """Văn phòng Đoàn ĐBQH và HĐND Thanh Hóa's task list (2026): rows numbered `I.A.1`, no figures, the
    next page's piece starting with a row (no header): one table, no row taken for a header."""
    text = ("STT\tNhiệm vụ\tSản phẩm\nI.A.1\tChỉ đạo, điều hành\tVăn bản chỉ đạo\n"
            "I.A.2\tXem xét, ký ban hành văn bản\tVăn bản đã ký\n\f\n"
            "I.A.3\tChủ trì các cuộc họp\tThông báo kết luận\nI.A.4\tĐánh giá, xếp loại công chức\tPhiếu đánh giá\n")
    assert [r.stt for r in table_of(text).rows] == ["I.A.1", "I.A.2", "I.A.3", "I.A.4"]


def test_amount_column_with_english_grouping_and_bracketed_decrease():
    # Hậu Giang's price appendix (Word): hotel prices typed `220,000` among `20.740`s, a fall of 70 as `(70)`.
    text = ("<table><tr><td>STT</td><td>Tên hàng hóa</td><td>Giá kỳ trước</td><td>Giá kỳ này</td>"
            "<td>Mức tăng (giảm)</td></tr>"
            "<tr><td>1</td><td>Xăng E5 Ron 92</td><td>20.740</td><td>20.360</td><td>(380)</td></tr>"
            "<tr><td>2</td><td>Dầu Diezel</td><td>22.100</td><td>22.030</td><td>(70)</td></tr>"
            "<tr><td>3</td><td>Phòng khách sạn 3 sao</td><td>220,000</td><td>220,000</td><td>-</td></tr>"
            "<tr><td>4</td><td>Gas đun</td><td>361.000</td><td>362.000</td><td>1.000</td></tr>"
            "<tr><td>5</td><td>Thóc, gạo tẻ thường</td><td>13.000</td><td>16.000</td><td>3.000</td></tr>"
            "<tr><td>6</td><td>Thịt lợn hơi</td><td>60.000</td><td>55.000</td><td>(5.000)</td></tr></table>")
    table = table_of(text)
    assert [[v for v in r.values if v is not None] for r in table.rows] == [
        [20740, 20360, -380], [22100, 22030, -70], [220000, 220000], [361000, 362000, 1000],
        [13000, 16000, 3000], [60000, 55000, -5000]]


def test_composite_cells_named_by_a_slashed_header_become_one_column_per_figure():
    # Lâm Đồng 181/BC-SNV: `số hồ sơ hỗ trợ/tổng hồ sơ trực tuyến/tổng số hồ sơ` in one cell, and a share
    # after the two counts
    text = ("TT\tTên TTHC\tSố lượng hồ sơ hỗ trợ/Tổng hồ sơ trực tuyến/Tổng số hồ sơ\n"
            "1\tThủ tục đăng ký kết hôn (mã TTHC: 1.000894)\t1.700/2.912/3.141\n"
            "2\tĐăng ký thành lập hộ kinh doanh (mã TTHC: 1.001612)\t1.315/2.342/2.572\n\n"
            "Nội dung khác.\n\n"
            "TT\tTên TTHC\tSố lượng hồ sơ đã hỗ trợ/Tổng số hồ sơ\n"
            "1\tXác nhận tiếp tục sử dụng đất nông nghiệp\t1.732/2.090 (82,9%)\n"
            "2\tĐăng ký biện pháp bảo đảm bằng quyền sử dụng đất\t8.368/8.654 (96,7%)\n")
    counts, shares = extract_tables(build_layout(text))[0]
    assert counts.columns[2:] == ["Số lượng hồ sơ hỗ trợ", "Tổng hồ sơ trực tuyến", "Tổng số hồ sơ"]
    assert [r.values[2:] for r in counts.rows] == [[1700, 2912, 3141], [1315, 2342, 2572]]
    assert shares.columns[2:] == ["Số lượng hồ sơ đã hỗ trợ", "Tổng số hồ sơ", "Tỷ lệ (%)"]
    assert [r.values[2:] for r in shares.rows] == [[1732, 2090, 82.9], [8368, 8654, 96.7]]


def test_dates_are_not_composite_figures():
    text = ("TT\tNội dung công việc\tThời gian\n1\tTổ chức đăng ký học phần\t04/08/2025\n"
            "2\tTổ chức giảng dạy\t03/09/2025\n3\tThi kết thúc học phần\t05/01/2026\n")
    (table,) = extract_tables(build_layout(text))[0]
    assert table.columns == ["TT", "Nội dung công việc", "Thời gian"]


def test_unit_column_and_rates_with_their_unit():
    """Sở Tài chính Đắk Nông's price report (2019) and Bộ Tài chính's fee table (2026): the `Đơn vị tính`
    column's `1000 đ/chỉ` is the row's unit, no figure; a rate's unit per something (`25 USD/chiếc`,
    `200.000 đồng/lần cấp`) leaves its amount a figure."""
    table = table_of("| Mã hàng hóa | Tên hàng hóa | Đơn vị tính | Giá kỳ này | Mức thu |\n"
                     "|---|---|---|---|---|\n"
                     "| 100.001 | Vàng 99,99% | 1000 đ/chỉ | 3.647.000 | 25 USD/chiếc |\n"
                     "| 100.002 | Bạc | 1000 đ/lượng | 52.000 | 200.000 đồng/lần cấp |\n")
    assert [[v for v in r.values if v is not None] for r in table.rows] == [[3647000, 25], [52000, 200000]]


def test_bare_number_typed_into_the_unit_column_is_a_figure():
    """Seed 004's budget table: a group row with nothing to count puts `0` in every column, unit included."""
    table = table_of("| STT | Nội dung | Đơn vị tính | Số lượng | Kinh phí |\n|---|---|---|---|---|\n"
                     "| 03 | Thực hiện mô hình ứng dụng | Mô hình | 03 | 110 |\n"
                     "| III | Phối hợp kiểm tra trên địa bàn | 0 | 0 | 0 |\n")
    assert [[v for v in r.values if v is not None] for r in table.rows] == [[3, 110], [0, 0, 0]]
