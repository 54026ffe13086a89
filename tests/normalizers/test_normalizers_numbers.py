import pytest

from normalizers import (
    UNIT_MULTIPLIERS,
    money_spelling,
    normalize_unit,
    parse_amount,
    parse_dot_decimal,
    parse_number,
    to_vnd,
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("8.971,98", 8971.98),
        ("8.861,98", 8861.98),
        ("5.054,92", 5054.92),
        ("3.807,06", 3807.06),
        ("4.322,65", 4322.65),
        ("732,27", 732.27),
        ("2.116,78", 2116.78),
        ("130.000.000", 130000000),
        ("130.000.000 đồng", 130000000),
        ("01", 1),
        ("0", 0),
        ("60,00", 60.0),
        ("1,5", 1.5),
        ("83,33%", 83.33),
        ("100 %", 100),
        ("1.234", 1234),
        ("2019", 2019),
        ("-5", -5),
        ("-1.250,5", -1250.5),
        ("(5.000)", -5000),
        ("(380)", -380),  # Hậu Giang's price appendix: the price of petrol fell by 380 đồng
        ("(1.234,5)", -1234.5),
        ("<i>5.054,92</i>", 5054.92),
        ("<b><i>8.861,98</i></b>", 8861.98),
        ("  732,27  ", 732.27),
        ("*2.116,78*", 2116.78),
        ("**4.322,65**", 4322.65),
        ("2,039,792,989", 2039792989),
        ("1,234.56", 1234.56),
        ("1,234,567.5", 1234567.5),
        ("8.971,98 triệu đồng", 8971.98),
        ("1,5 tỷ đồng", 1.5),
        ("35 người", 35),
        ("12 lớp", 12),
        ("450 học sinh", 450),
        ("3 Lớp", 3),
        ("25 ha", 25),
        # fee tables (Thông tư 28, 30/2026/TT-BTC; Nghị quyết học phí Vĩnh Long): a rate, its unit per something
        ("25 USD/chiếc", 25),
        ("200.000 đồng/lần cấp", 200000),
        ("1.250.000 đồng/học sinh/tháng", 1250000),
        # spending norms (Thông tư 148/2025/TT-BTC): a bound before the amount, an amount per member
        ("Tối đa 350", 350),
        ("Tối thiểu 1,5", 1.5),
        ("3/thành viên", 3),
        ("0,5/thành viên", 0.5),
    ],
)
def test_parse_number_values(cell: str, expected: float) -> None:
    result = parse_number(cell)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    "cell",
    [
        "-",
        "–",
        "—",
        "",
        None,
        "  ",
        "(1)",
        "(2)",
        "(5)",
        "(12)",  # column labels run to (12) in price tables
        "Lớp",
        "Tổng cộng",
        "02 nhãn hiệu chứng nhận",
        "KH&CN",
        "18/5",
        "2019-2020",
        "1.1.",
        "1.1",
        "684/QĐ-UBND",
        "10/QĐ",
        "3/2024",
        "5/Tổ",  # a capital after the slash: a reference's part, not what a rate is per
        "Tối đa",
        "12 lần/năm kiểm tra tại các cơ sở trên địa bàn toàn tỉnh",
        "34-CTr/TU",
        "Năm 2019",
        "1,2,3",
        "1.23",
        "- 5",
        "<i></i>",
    ],
)
def test_parse_number_rejects_non_numbers(cell: str | None) -> None:
    assert parse_number(cell) is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("8.971,98 triệu đồng", (8971.98, "triệu đồng")),
        ("130.000.000 đồng", (130000000, "đồng")),
        ("250 nghìn đồng", (250, "nghìn đồng")),
        ("250 ngàn đồng", (250, "nghìn đồng")),
        ("1,5 tỷ đồng", (1.5, "tỷ đồng")),
        ("2 tỉ đồng", (2, "tỷ đồng")),
        ("3.807,06 Triệu đồng", (3807.06, "triệu đồng")),
        ("50.000đ", (50000, "đồng")),
        ("732,27", (732.27, None)),
        ("83,33%", (83.33, None)),
        ("-", (None, None)),
        ("triệu đồng", (None, None)),
    ],
)
def test_parse_amount(cell: str, expected: tuple) -> None:
    assert parse_amount(cell) == expected


def test_unit_multipliers() -> None:
    assert UNIT_MULTIPLIERS == {
        "đồng": 1,
        "nghìn đồng": 1_000,
        "triệu đồng": 1_000_000,
        "tỷ đồng": 1_000_000_000,
    }


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (8971.98, "triệu đồng", 8_971_980_000),
        (8861.98, "triệu đồng", 8_861_980_000),
        (732.27, "triệu đồng", 732_270_000),
        (130000000, "đồng", 130_000_000),
        (1.5, "tỷ đồng", 1_500_000_000),
        (2, "tỉ đồng", 2_000_000_000),
        (250, "nghìn đồng", 250_000),
        (12.5, "đồng", 13),
        (0.1234, "nghìn đồng", 123),
        (None, "triệu đồng", None),
        (5, None, None),
        (5, "người", None),
    ],
)
def test_to_vnd(amount: float | None, unit: str | None, expected: int | None) -> None:
    assert to_vnd(amount, unit) == expected


def test_to_vnd_chains_with_parse_amount() -> None:
    assert to_vnd(*parse_amount("5.054,92 triệu đồng")) == 5_054_920_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kinh phí (Triệu đồng)", "triệu đồng"),
        ("ĐVT: triệu đồng", "triệu đồng"),
        ("Đơn vị tính: Triệu đồng", "triệu đồng"),
        ("Đơn vị: 1.000 đồng", "nghìn đồng"),
        ("Đơn vị tính: 1.000.000 đồng", "triệu đồng"),
        ("ĐVT: Đồng", "đồng"),
        ("ĐVT: đồng", "đồng"),
        ("Số tiền (đồng)", "đồng"),
        ("Dự toán năm 2016 (tỷ đồng)", "tỷ đồng"),
        ("ĐVT: ngàn đồng", "nghìn đồng"),
        ("Đơn vị tính: Nghìn đồng", "nghìn đồng"),
        ("Hội đồng nhân dân tỉnh", None),
        ("Cộng đồng dân cư, đồng chí Chủ tịch", None),
        ("Đơn vị tính: người", None),
        ("Nội dung", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_unit(text: str | None, expected: str | None) -> None:
    assert normalize_unit(text) == expected


@pytest.mark.parametrize(("cell", "value"),
                         [("99.52", 99.52), ("100.06%", 100.06), ("1.200", None), ("8.971,98", None)])
def test_point_decimal_for_columns_written_that_way(cell, value):
    assert parse_dot_decimal(cell) == value


@pytest.mark.parametrize(("text", "spelt"), [
    ("Tổng kinh phí: 10.506 triệu đông.", "Tổng kinh phí: 10.506 triệu đồng."),  # OCR lost the grave
    ("5 tỷ dồng", "5 tỷ đồng"),
    ("1.250.000.000 dồng", "1.250.000.000 đồng"),
    ("1.200 trđ", "1.200 triệu đồng"),
    ("1.200 tr.đ", "1.200 triệu đồng"),
    ("45 tr đồng", "45 triệu đồng"),
    ("ngày 10 tháng 5 đông người dự", "ngày 10 tháng 5 đông người dự"),  # no amount before it
    ("phía Đông giáp huyện Ba Tơ", "phía Đông giáp huyện Ba Tơ"),
    ("Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh"),
])
def test_money_spelling(text, spelt):
    assert money_spelling(text) == spelt
