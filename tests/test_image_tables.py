"""Ruled tables on page images: grid, merged header cells, every cell read from its own pixels (real Tesseract)."""

from __future__ import annotations

import difflib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.readers import ocr  # noqa: E402
from pipeline.readers.image_tables import blank_tables, find_table_grids, read_tables, text_height_px  # noqa: E402

FONTS = ["/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"]
FONT = next((p for p in FONTS if Path(p).exists()), None)
DPI = 300
XS = [150, 300, 1000, 1400, 1800]  # column rules (px)
YS = [260, 360, 460, 560, 660, 760]  # row rules (px): 2 header rows, 3 body rows
# (row, col, row_span, col_span, text)
CELLS = [
    (0, 0, 2, 1, "STT"), (0, 1, 2, 1, "Nội dung"), (0, 2, 1, 2, "Kinh phí"),
    (1, 2, 1, 1, "Năm 2016"), (1, 3, 1, 1, "Năm 2017"),
    (2, 0, 1, 1, "1"), (2, 1, 1, 1, "Hỗ trợ doanh nghiệp"), (2, 2, 1, 1, "8.971,98"), (2, 3, 1, 1, "60,00"),
    (3, 0, 1, 1, "2"), (3, 1, 1, 1, "Đào tạo cán bộ"), (3, 2, 1, 1, "1.250,50"), (3, 3, 1, 1, "45,00"),
    (4, 0, 1, 1, "3"), (4, 1, 1, 1, "Tổng cộng"), (4, 2, 1, 1, "10.222,48"), (4, 3, 1, 1, "105,00"),
]

pytestmark = [
    pytest.mark.skipif(FONT is None, reason="no serif font with Vietnamese glyphs"),
    pytest.mark.skipif(ocr.DEFAULT_LANG not in ocr.available_langs(), reason="Tesseract model missing"),
]


def _table_page() -> Image.Image:
    """A title line, then the table: rules drawn per cell edge, so merged cells have no inner rule."""
    font = ImageFont.truetype(FONT, 46)
    img = Image.new("RGB", (1950, 900), "white")
    draw = ImageDraw.Draw(img)
    draw.text((700, 120), "KẾ HOẠCH", font=ImageFont.truetype(FONT, 54), fill="black")
    for r, c, rs, cs, text in CELLS:
        x0, y0, x1, y1 = XS[c], YS[r], XS[c + cs], YS[r + rs]
        draw.rectangle((x0, y0, x1, y1), outline="black", width=3)
        w = draw.textlength(text, font=font)
        x = x1 - 20 - w if text[0].isdigit() and c >= 2 else (x0 + x1 - w) / 2 if r < 2 else x0 + 20
        draw.text((x, (y0 + y1) / 2 - 28), text, font=font, fill="black")
    return img


@pytest.fixture(scope="module")
def gray():
    """The page as OCR sees it: preprocessed."""
    return ocr.preprocess(_table_page())[0]


@pytest.fixture(scope="module")
def grid(gray):
    grids = read_tables(gray, 1, DPI)
    assert len(grids) == 1
    return grids[0]


def test_grid_shape_and_bbox(grid):
    assert len(grid.rows) == 5 and all(len(row) == 4 for row in grid.rows)
    k = 72 / DPI
    assert grid.bbox == pytest.approx((XS[0] * k, YS[0] * k, XS[-1] * k, YS[-1] * k), abs=2)
    assert grid.method == "ruling-lines" and grid.page == 1


def test_merged_header_cells(grid):
    head, sub = grid.rows[0], grid.rows[1]
    assert head[2].text == "Kinh phí" and head[2].col_span == 2 and head[2].row_span == 1
    assert head[3] is None
    assert head[0].text == "STT" and head[0].row_span == 2 and sub[0] is None
    assert head[1].text == "Nội dung" and head[1].row_span == 2 and sub[1] is None
    assert [sub[2].text, sub[3].text] == ["Năm 2016", "Năm 2017"]


def test_cells_in_place_with_confidence(grid):
    cell = grid.rows[2][2]
    k = 72 / DPI
    assert (cell.x0, cell.top, cell.x1, cell.bottom) == pytest.approx((XS[2] * k, YS[2] * k, XS[3] * k, YS[3] * k),
                                                                        abs=2)
    assert 0 <= cell.conf <= 100
    assert grid.rows[0][2].conf is not None and grid.rows[4][4 - 1].conf is not None
    # the words read in it, in page coordinates: inside the cell's box
    assert cell.words and all(cell.x0 <= w.x0 < w.x1 <= cell.x1 and cell.top <= w.top < w.bottom <= cell.bottom
                              for w in cell.words)


def test_text_height_from_pixels(gray):
    """46 px Liberation Serif: Tesseract's word boxes on this page have a median height of 35 px."""
    assert 30 <= text_height_px(gray, DPI) <= 45


def test_structure_alone_has_empty_cells(gray):
    grids = find_table_grids(gray, 1, DPI)
    assert len(grids) == 1 and len(grids[0].rows) == 5 and grids[0].rows[0][2].col_span == 2
    assert all(cell is None or cell.text == "" for row in grids[0].rows for cell in row)


def test_every_cell_read(grid):
    for r, c, _, _, text in CELLS:
        got = grid.rows[r][c].text
        if text[0].isdigit():  # numbers exactly; words may lose a tone mark (`cán` → `cần` at 11 pt)
            assert got == text
        else:
            assert difflib.SequenceMatcher(None, got, text).ratio() > 0.85, (got, text)


def test_page_ocr_sees_the_page_without_its_tables(gray, grid):
    """The table area is painted white for the page OCR (no cell read twice); the title stays."""
    words = ocr.ocr_page(blank_tables(gray, [grid], DPI), 1, DPI)
    texts = {w.text for w in words}
    assert {"KẾ", "HOẠCH"} <= texts
    assert not texts & {"8.971,98", "60,00", "STT", "Tổng"}


def test_text_page_has_no_table():
    img = Image.new("L", (1800, 700), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 54)
    draw.text((150, 120), "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", font=font, fill=0)
    draw.line((300, 200, 700, 200), fill=0, width=3)  # the short rule under the agency name
    draw.text((150, 260), "Số: 684/QĐ-UBND ——— Độc lập - Tự do - Hạnh phúc", font=font, fill=0)
    assert find_table_grids(np.asarray(img), 1, DPI) == []


def test_hairline_row_rules_found_on_the_grey_page():
    """The table is found from its dark rules; its rows from the grey page's hairlines too, so each row is
    a row of its own instead of one cell holding every line."""
    clean, _ = ocr.clean_page(_spreadsheet_page(_hairline))
    gray = ocr.binarize_page(clean)
    assert len(read_tables(gray, 1, DPI)[0].rows) == 2  # the black/white page alone: the body is one row
    grid = read_tables(gray, 1, DPI, rules_from=clean)[0]
    assert len(grid.rows) == 5
    assert [row[2].text for row in grid.rows[1:]] == ["1.967.948", "3.309", "4.598.933", "101.770"]


_BODY = [("1", "Thu nội địa", "1.967.948"), ("2", "Thu viện trợ", "3.309"), ("3", "Chi thường xuyên", "4.598.933"),
         ("4", "Dự phòng ngân sách", "101.770")]


def _spreadsheet_page(row_rule, stt_rules: bool = True, seal: bool = False) -> Image.Image:
    """Dark border, column rules and header rule; body row rules drawn by `row_rule(draw, x0, x1, y)`,
    across the STT column too or not; optionally a seal's ring touching the table's right edge."""
    font = ImageFont.truetype(FONT, 46)
    img = Image.new("RGB", (1950, 900), "white")
    draw = ImageDraw.Draw(img)
    for y in YS[2:-1]:
        row_rule(draw, XS[0] if stt_rules else XS[1], XS[3], y)
    draw.line((XS[0], YS[1], XS[3], YS[1]), fill="black", width=3)
    draw.rectangle((XS[0], YS[0], XS[3], YS[-1]), outline="black", width=3)
    for x in XS[1:3]:
        draw.line((x, YS[0], x, YS[-1]), fill="black", width=3)
    for (stt, label, amount), y0 in zip(_BODY, YS[1:]):
        draw.text((XS[0] + 30, y0 + 22), stt, font=font, fill="black")
        draw.text((XS[1] + 20, y0 + 22), label, font=font, fill="black")
        draw.text((XS[3] - 20 - draw.textlength(amount, font=font), y0 + 22), amount, font=font, fill="black")
    draw.text((XS[1] + 20, YS[0] + 22), "Nội dung", font=font, fill="black")
    if seal:
        draw.ellipse((XS[3] - 4, YS[2] - 40, XS[3] + 316, YS[2] + 280), outline="black", width=6)
    return img


def _hairline(draw, x0, x1, y):
    """A spreadsheet printout's row rule: one pixel of light grey (≈ 200 on white), which a black/white page
    loses."""
    draw.line((x0, y, x1, y), fill=(200, 200, 200), width=1)


def _dotted(draw, x0, x1, y):
    """A spreadsheet's hair border as printed: dark dashes with gaps."""
    for x in range(x0, x1, 26):
        draw.line((x, y, min(x + 12, x1), y), fill="black", width=2)


def _solid(draw, x0, x1, y):
    draw.line((x0, y, x1, y), fill="black", width=3)


def _grid_of(img: Image.Image):
    clean, _ = ocr.clean_page(img)
    grids = read_tables(ocr.binarize_page(clean), 1, DPI, rules_from=clean)
    assert len(grids) == 1
    return grids[0]


def test_dotted_row_rules_separate_the_rows():
    """Dashes too short for a rule each, in a row, are one: every body line is a row of its own."""
    grid = _grid_of(_spreadsheet_page(_dotted))
    assert len(grid.rows) == 5
    assert [row[0].text for row in grid.rows[1:]] == ["1", "2", "3", "4"]
    assert [row[2].text for row in grid.rows[1:]] == ["1.967.948", "3.309", "4.598.933", "101.770"]


def test_row_numbers_over_lost_rules_are_one_per_row():
    """The STT column's row rules did not print (or scan): its one tall cell of stacked numbers is split
    along the rows the other columns have, one number each."""
    grid = _grid_of(_spreadsheet_page(_solid, stt_rules=False))
    assert len(grid.rows) == 5
    assert [row[0].text for row in grid.rows[1:]] == ["1", "2", "3", "4"]
    assert all(row[0].row_span == 1 for row in grid.rows[1:])


def test_a_real_merged_cell_keeps_its_words():
    """A merged cell holding words (an agency over its task rows) is no stack of row numbers."""
    img = _spreadsheet_page(_solid, stt_rules=False)
    draw = ImageDraw.Draw(img)
    draw.rectangle((XS[0] + 4, YS[1] + 4, XS[1] - 4, YS[-1] - 4), fill="white")
    font = ImageFont.truetype(FONT, 40)
    for k, word in enumerate(["Sở", "Tài", "chính"]):
        draw.text((XS[0] + 20, YS[2] + 20 + 100 * k), word, font=font, fill="black")
    grid = _grid_of(img)
    assert grid.rows[1][0].row_span == 4 and "Tài" in grid.rows[1][0].text


def test_seal_ring_over_the_edge_adds_no_column():
    """A seal stamped against the table's right border: its strokes outside the table are no column."""
    grid = _grid_of(_spreadsheet_page(_solid, seal=True))
    assert all(len(row) == 3 for row in grid.rows)
    assert grid.bbox[2] == pytest.approx(XS[3] * 72 / DPI, abs=3)
