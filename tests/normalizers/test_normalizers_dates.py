import pytest

from normalizers import DATE_PATTERN, find_dates, parse_vn_date, to_iso


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bắc Kạn, ngày 16 tháng 5 năm 2016", (2016, 5, 16)),
        ("ngày 05 tháng 02 năm 2023", (2023, 2, 5)),
        ("Cao Bằng, ngày 06 tháng 3 năm 2013", (2013, 3, 6)),
        ("Huyện Dương Minh Châu, ngày   tháng   năm 2022", (2022, None, None)),
        ("ngày   tháng   năm 2022", (2022, None, None)),
        ("Tây Ninh, ngày ..... tháng ..... năm 2022", (2022, None, None)),
        ("Hà Nội, ngày 20 tháng 11 năm 2015", (2015, 11, 20)),
        ("Hà Nội, ngày 20 tháng  năm 2015", (2015, None, 20)),
        ("NGÀY 1 THÁNG 1 NĂM 2020", (2020, 1, 1)),
        ("ngày 11/12/2015", (2015, 12, 11)),
        ("Ngày ban hành: 16/5/2016", (2016, 5, 16)),
        ("16/5/2016", (2016, 5, 16)),
        ("16-05-2016", (2016, 5, 16)),
        ("16.05.2016", (2016, 5, 16)),
        ("Báo cáo tháng 3/2026", (2026, 3, None)),
        ("tháng 3 năm 2026", (2026, 3, None)),
        ("Căn cứ Nghị quyết số 09/2009/NQ-HĐND ngày 10 tháng 12 năm 2009", (2009, 12, 10)),
    ],
)
def test_parse_vn_date(text: str, expected: tuple) -> None:
    assert parse_vn_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "năm 2025",
        "Kế hoạch năm 2025",
        "Số: 684/QĐ-UBND",
        "09/2009/NQ-HĐND",
        "20/2015/NĐ-CP",
        "2019-2020",
        "",
        None,
    ],
)
def test_parse_vn_date_without_date(text: str | None) -> None:
    assert parse_vn_date(text) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 31/02/2020", (2020, 2, None)),
        ("ngày 29/02/2023", (2023, 2, None)),
        ("ngày 29/02/2024", (2024, 2, 29)),
        ("ngày 16 tháng 13 năm 2016", (2016, None, 16)),
        ("ngày 32 tháng 5 năm 2016", (2016, 5, None)),
        ("ngày 16 tháng 5 năm 1900", (None, 5, 16)),
        ("ngày 00 tháng 00 năm 2016", (2016, None, None)),
    ],
)
def test_parse_vn_date_validates_parts(text: str, expected: tuple) -> None:
    assert parse_vn_date(text) == expected


def test_parse_vn_date_returns_first_date() -> None:
    text = "Thực hiện Công văn ngày 05/01/2016, Kế hoạch ngày 16 tháng 5 năm 2016"
    assert parse_vn_date(text) == (2016, 1, 5)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((2016, 5, 16), "2016-05-16"),
        ((2023, 2, 5), "2023-02-05"),
        ((2024, 2, 29), "2024-02-29"),
        ((2023, 2, 29), None),
        ((2016, 4, 31), None),
        ((2022, None, None), None),
        ((2026, 3, None), None),
        ((None, 5, 16), None),
        ((1900, 5, 16), None),
    ],
)
def test_to_iso(parts: tuple, expected: str | None) -> None:
    assert to_iso(*parts) == expected


def test_date_pattern_groups() -> None:
    match = DATE_PATTERN.search("Bắc Kạn, ngày 16 tháng 5 năm 2016")
    assert match is not None
    assert match.group(0) == "ngày 16 tháng 5 năm 2016"
    assert (match.group("day"), match.group("month"), match.group("year")) == ("16", "5", "2016")


def test_date_pattern_blank_day_and_month() -> None:
    match = DATE_PATTERN.search("Huyện Dương Minh Châu, ngày   tháng   năm 2022")
    assert match is not None
    assert (match.group("day"), match.group("month"), match.group("year")) == (None, None, "2022")


def test_date_pattern_ignores_bare_year() -> None:
    assert DATE_PATTERN.search("Kế hoạch năm 2025") is None


def test_find_dates_spans_and_order() -> None:
    text = (
        "Căn cứ Quyết định số 684/QĐ-UBND ngày 16 tháng 5 năm 2016; Công văn ngày 11/12/2015; "
        "dự thảo ngày   tháng   năm 2022; số liệu đến 16.05.2016."
    )
    found = find_dates(text)
    assert [iso for _, _, iso in found] == ["2016-05-16", "2015-12-11", None, "2016-05-16"]
    assert [text[start:end] for start, end, _ in found] == [
        "ngày 16 tháng 5 năm 2016",
        "ngày 11/12/2015",
        "ngày   tháng   năm 2022",
        "16.05.2016",
    ]


def test_find_dates_does_not_split_spelled_date() -> None:
    found = find_dates("Cao Bằng, ngày 06 tháng 3 năm 2013")
    assert found == [(10, 34, "2013-03-06")]


def test_find_dates_none() -> None:
    assert find_dates("Số: 09/2009/NQ-HĐND, năm 2025") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Tà Nội, ngày 27 thàng 5 năm 2026", (2026, 5, 27)),  # OCR of a Party guide's date line (VPTW, 2026)
    ("ngảy 5 tháng 6 nắm 2020", (2020, 6, 5)),
])
def test_date_words_with_tones_ocr_shifted(text, expected):
    assert parse_vn_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lâm Đồng, ngày 22 tháng ]2 năm 2025", (2025, 12, 22)),  # Tesseract on a 300-dpi rendering
        ("Quảng Bình, ngày 03 tháng Ï0 năm 2022", (2022, 10, 3)),
        ("Căn cứ Thông tư số 01/2014/TT-BGDĐT ngày 24 tháng 0l năm 2014", (2014, 1, 24)),
        ("ngày 1O tháng 3 năm 2021", (2021, 3, 10)),
        ("ngày | tháng | năm 2025", (None, None, None)),  # rules of a box, no figure: no day read into them
        ("Hà Nội, ngày ... tháng ... năm 2025", (2025, None, None)),
    ],
)
def test_day_and_month_read_with_look_alikes_of_one_and_zero(text: str, expected: tuple) -> None:
    assert parse_vn_date(text) == expected
