"""PDF pages: page-type detection (text layer, image, garbage layer, mixed), the two-column header and
end blocks read by geometry, and a table continued on the next page joined into one.

PDFs are drawn with reportlab in Liberation Serif and read back through the real readers (pdfplumber,
pypdfium2, Tesseract); the geometry tests place words by hand, so the expected order is known exactly.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from extractors.header import extract_header
from extractors.page_layout import layout_from_pages
from extractors.tables import extract_tables
from pipeline.positioned import GridCell, PageContent, TableGrid, Word
from pipeline.readers import ocr
from pipeline.readers.pages import read_pdf
from pipeline.readers.pdf_text import usable_text_layer

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
LINES = ["ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "Số: 684/QĐ-UBND", "QUYẾT ĐỊNH",
         "Về việc ban hành Kế hoạch hành động thực hiện Đề án tái cơ cấu ngành Khoa học và Công nghệ",
         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"]

needs_font = pytest.mark.skipif(not FONT.exists(), reason="Liberation Serif 2 (fonts-liberation2) not installed")
needs_tesseract = pytest.mark.skipif(ocr.DEFAULT_LANG not in ocr.available_langs(), reason="Tesseract model missing")


# ── page-type detection ─────────────────────────────────────────────────────────────────────


def _words(text: str) -> list[Word]:
    return [Word(t, 10.0 * i, 100, 10.0 * i + 8, 112, 1) for i, t in enumerate(text.split())]


def test_vietnamese_text_layer_is_used():
    usable, note, _ = usable_text_layer(_words(" ".join(LINES)))
    assert usable and note.startswith("text layer")


@pytest.mark.parametrize("garbage", [
    "uY BAN NgAN nAN TINH LAMDONG ceNG HoA xA ugr cuu xcuia vrET NAM DQc l$p - Tg do - H4nh phric 56:]+9-} "
    "/TB-LIBND Ldm D6ng, ngdy fithdng 11 ndm 2025 THONGBAo fiit tu6n cria tldng chi Nguy6n",  # corpus file 12
    "UY BAN NHAN DAN TINH LAM DONG CONG HOA XA HOI CHU NGHIA VIET NAM Doc lap - Tu do - Hanh phuc "
    "QUYET DINH Ve viec ban hanh Ke hoach cai cach hanh chinh nam 2026",  # an OCR without marks
    "BØCÔNG AN CØNG HOÀXÃ HØI CHæNGH(AVIÆT NAM Ðíc lmp - Tñ do - H¥nh phúc nm 2025 TÒ TRÌNH vÁ viÇc",  # broken font
])
def test_garbage_text_layer_goes_to_ocr(garbage):
    usable, note, _ = usable_text_layer(_words(garbage))
    assert not usable and "not Vietnamese" in note


def test_almost_empty_layer_is_an_image_page():
    """A scan whose only text is the signing stamp's line."""
    usable, note, _ = usable_text_layer(_words("Ký bởi: Sở Nội vụ"))
    assert not usable and "no text layer" in note


def test_tcvn3_layer_is_decoded_not_ocrd():
    usable, note, words = usable_text_layer(_words("Uû ban nh©n d©n tØnh B¾c K¹n QuyÕt ®Þnh vÒ viÖc ban hµnh kÕ ho¹ch"))
    assert usable and "TCVN3" in note
    assert " ".join(w.text for w in words).startswith("Ủy ban nhân dân tỉnh Bắc Kạn Quyết định về việc")


def _mixed_pdf(tmp_path: Path) -> Path:
    """Page 1 digital text; page 2 the same page as a 300-dpi image; page 3 the image under invisible garbage."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("LiberationSerif", str(FONT)))

    def digital_page(c: canvas.Canvas) -> None:
        c.setFont("LiberationSerif", 13)
        for i, line in enumerate(LINES):
            c.drawString(85, 780 - 24 * i, line)

    c = canvas.Canvas(str(tmp_path / "digital.pdf"), pagesize=A4)
    digital_page(c)
    c.save()
    pdf = pdfium.PdfDocument(str(tmp_path / "digital.pdf"))
    png = io.BytesIO()
    pdf[0].render(scale=300 / 72).to_pil().convert("L").save(png, format="PNG")
    pdf.close()

    mixed = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(mixed), pagesize=A4)
    digital_page(c)
    c.showPage()
    for garbage in (False, True):
        png.seek(0)
        c.drawImage(ImageReader(png), 0, 0, *A4)
        if garbage:  # an old OCR's invisible layer that lost the diacritics
            text = c.beginText(85, 780)
            text.setTextRenderMode(3)
            text.setFont("LiberationSerif", 13)
            for line in ("uY BAN NgAN nAN TiNH BAC KAN", "So: 6B4/QD-UBND", "QUYET DINH Ve viec ban hanh Ke hoach"):
                text.textLine(line)
            c.drawText(text)
        c.showPage()
    c.save()
    return mixed


@needs_font
@needs_tesseract
def test_mixed_pdf_decided_page_by_page(tmp_path):
    pages = read_pdf(_mixed_pdf(tmp_path))
    assert [p.kind for p in pages] == ["text", "ocr", "ocr"]
    assert "not Vietnamese" in pages[2].note and "no text layer" in pages[1].note
    digital = " ".join(w.text for w in pages[0].words)
    assert "684/QĐ-UBND" in digital and all(w.conf is None for w in pages[0].words)
    for scanned in pages[1:]:
        text = " ".join(w.text for w in scanned.words)
        assert "684/QĐ-UBND" in text and "QUYẾT ĐỊNH" in text, text
        assert all(w.conf is not None for w in scanned.words)
        assert scanned.ocr_engine.startswith("tesseract")
        # Boxes are PDF points of the same page: the number sits where the digital page has it.
        number = next(w for w in scanned.words if "684" in w.text)
        twin = next(w for w in pages[0].words if "684" in w.text)
        assert number.top == pytest.approx(twin.top, abs=4) and number.x0 == pytest.approx(twin.x0, abs=4)


@needs_font
@needs_tesseract
def test_number_a_numbering_system_stamped_into_a_scans_text_layer(tmp_path):
    """Bộ GDĐT's công văn 1849 (2026): a scan whose only text is `1849`, stamped into the blank of
    `Số:       /BGDĐT-GDPT`. The exact number joins the OCR'd words and is the document's."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from pipeline.model import Source
    from pipeline.run import extract_pages

    pdfmetrics.registerFont(TTFont("LiberationSerif", str(FONT)))
    lines = ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Số:            /BGDĐT-GDPT", "V/v kiểm tra, khảo sát thực trạng phòng học",
             "Kính gửi: Các Sở Giáo dục và Đào tạo"]
    c = canvas.Canvas(str(tmp_path / "image.pdf"), pagesize=A4)
    c.setFont("LiberationSerif", 13)
    for i, line in enumerate(lines):
        c.drawString(85, 780 - 24 * i, line)
    c.save()
    pdf = pdfium.PdfDocument(str(tmp_path / "image.pdf"))
    png = io.BytesIO()
    pdf[0].render(scale=300 / 72).to_pil().convert("L").save(png, format="PNG")
    pdf.close()
    png.seek(0)
    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan), pagesize=A4)
    c.drawImage(ImageReader(png), 0, 0, *A4)
    text = c.beginText(112, 756)  # the numbering system's text in the blank after `Số:`, which OCR misses
    text.setTextRenderMode(3)  # (stamped over the slash on the real scan; invisible here)
    text.setFont("LiberationSerif", 13)
    text.textLine("1849")
    c.drawText(text)
    c.save()
    pages = read_pdf(scan)
    assert pages[0].kind == "ocr" and "'1849' kept" in pages[0].note
    header = extract_pages(pages, Source(path=str(scan), sha256="")).header
    assert header.number == "1849" and header.reference.startswith("1849/BGDĐ")  # OCR may misread the symbol's T


# ── header and end blocks by geometry ───────────────────────────────────────────────────────


def _line(text: str, x0: float, top: float, page: int = 1, size: float = 13.0) -> list[Word]:
    """Words of one line at (x0, top), about half an em per character."""
    out, x = [], x0
    for t in text.split():
        w = len(t) * size * 0.5
        out.append(Word(t, x, top, x + w, top + size, page))
        x += w + size * 0.3
    return out


def _two_column_page() -> PageContent:
    """A decision's first and last blocks, words listed row by row across both columns (content-stream
    order of many exporters), so only geometry can give the left column first."""
    rows = [
        ("UBND TỈNH BẮC KẠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 52/KH-SKHCN", "Bắc Kạn, ngày 16 tháng 5 năm 2016"),
    ]
    words: list[Word] = []
    for i, (left, right) in enumerate(rows):
        words += _line(left, 60, 60 + 18 * i) + _line(right, 310, 60 + 18 * i)
    words += _line("KẾ HOẠCH", 260, 140) + _line("Phát triển khoa học và công nghệ năm 2016", 160, 158)
    words += _line("I. MỤC ĐÍCH, YÊU CẦU", 85, 200)
    end = [("Nơi nhận:", "KT. GIÁM ĐỐC"), ("- UBND tỉnh;", "PHÓ GIÁM ĐỐC"), ("- Lưu: VT.", ""),
           ("", "Nguyễn Văn An")]
    for i, (left, right) in enumerate(end):
        top = 600 + 18 * i
        words += (_line(left, 60, top) if left else []) + (_line(right, 340, top) if right else [])
    return PageContent(1, 595, 842, "text", words)


def test_header_block_read_left_column_first():
    texts = [ln.text for ln in layout_from_pages([_two_column_page()]).lines]
    assert texts[:6] == ["UBND TỈNH BẮC KẠN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 52/KH-SKHCN",
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                         "Bắc Kạn, ngày 16 tháng 5 năm 2016"]
    assert texts[6:9] == ["KẾ HOẠCH", "Phát triển khoa học và công nghệ năm 2016", "I. MỤC ĐÍCH, YÊU CẦU"]


def test_end_block_recipients_then_signature():
    texts = [ln.text for ln in layout_from_pages([_two_column_page()]).lines]
    assert texts[9:] == ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]


def test_header_fields_from_the_geometric_order():
    layout = layout_from_pages([_two_column_page()])
    header = extract_header(layout).header
    assert (header.reference, header.issued_date, header.place) == ("52/KH-SKHCN", "2016-05-16", "Bắc Kạn")
    assert header.issuing_body == "Sở Khoa học và Công nghệ tỉnh Bắc Kạn"
    assert header.recipients == ["UBND tỉnh", "Lưu: VT"]
    assert [s.name for s in header.signers] == ["Nguyễn Văn An"]
    assert header.provenance["number"].page == 1 and header.provenance["number"].bbox is not None


# ── a table continued on the next page ──────────────────────────────────────────────────────


def _grid(page: int, top: float, rows: list[list[str]]) -> TableGrid:
    xs = [60, 100, 380, 480, 540][: len(rows[0]) + 1]
    cells = [[GridCell(text, xs[c], top + 20 * r, xs[c + 1], top + 20 * (r + 1), conf=90.0)
              for c, text in enumerate(row)] for r, row in enumerate(rows)]
    return TableGrid(page, (xs[0], top, xs[-1], top + 20 * len(rows)), cells, "ruling-lines")


HEAD = ["STT", "Nội dung", "Kinh phí"]


def _pages(second_width: int = 3) -> list[PageContent]:
    first = _grid(1, 600, [HEAD, ["I", "Tập huấn kỹ thuật", "60,00"], ["1", "Lớp trồng trọt", "30,00"]])
    rest = [["2", "Lớp chăn nuôi", "30,00"], ["II", "Đề tài khoa học", "90,00"], ["", "Tổng cộng", "150,00"]]
    # The header repeated on the new page; a fourth column makes it another table.
    second = _grid(2, 80, [[*r, ""][:second_width] for r in [HEAD, *rest]])
    return [PageContent(1, 595, 842, "ocr", _line("Bảng 1: Dự toán kinh phí", 60, 570), [first]),
            PageContent(2, 595, 842, "ocr", _line("2", 290, 30, page=2) + _line("Nơi nhận:", 60, 400, page=2),
                        [second])]


def test_a_grid_with_one_row_of_text_is_no_table():
    # Sơn La 62/KH-TTTTƯD (2019) at 300 dpi: the last recipient and the signer's name, side by side, found
    # as a grid of one row (and an empty one); its line stays in the body, where the signature is read
    grid = _grid(1, 600, [["- Lưu: VT, TH.", "", "Đặng Chiến Thắng"], ["", "", ""]])
    layout = layout_from_pages([PageContent(1, 595, 842, "ocr", _line("Nơi nhận:", 60, 570), [grid])])
    assert not layout.tables
    assert any("Đặng Chiến Thắng" in ln.text for ln in layout.body())


def test_table_continued_on_next_page_is_one_table():
    tables, _ = extract_tables(layout_from_pages(_pages()))
    (table,) = tables
    assert table.columns == HEAD and table.page == 1
    assert [r.stt for r in table.rows] == ["I", "1", "2", "II", ""]
    assert [r.span.page for r in table.rows] == [1, 1, 2, 2, 2]
    assert table.rows[-1].row_type == "total" and table.rows[-1].values[2] == 150.0


def test_next_page_table_with_other_columns_is_another_table():
    tables, _ = extract_tables(layout_from_pages(_pages(second_width=4)))
    assert len(tables) == 2


def test_two_page_table_in_the_digital_sample(pdf_docs):
    """samples/pdf/pdf_003: the appendix table runs from page 4 onto page 5."""
    doc = pdf_docs["pdf_003_ff8ec06e504eaced"]
    (table,) = [t for t in doc["tables"] if len(t["rows"]) >= 6]
    pages = [r["span"]["page"] for r in table["rows"]]
    assert pages[0] < pages[-1] and [r["stt"] for r in table["rows"]] == ["1", "2", "3", "4", "5", "6"]


def test_syllable_cut_in_two_by_ocr_is_one_word():
    """Tesseract on a real scan (Trường Đại học Công Thương TP.HCM): `TRƯỜN` and `G` touching."""
    words = [Word("TRƯỜN", 55.2, 74.6, 99.4, 89.0, 1), Word("G", 99.4, 78.0, 109.0, 91.7, 1),
             Word("ĐẠI", 113.0, 74.6, 135.0, 89.0, 1), Word("HỌC", 139.0, 74.6, 165.0, 89.0, 1)]
    texts = [ln.text for ln in layout_from_pages([PageContent(1, 595, 842, "ocr", words)]).lines]
    assert texts == ["TRƯỜNG ĐẠI HỌC"]


def test_words_a_space_apart_stay_apart():
    """`khu` + `I` would make the syllable `khui`, but a word space lies between them."""
    words = _line("KHU I", 60, 60) + _line("Ngọ c", 60, 80)
    texts = [ln.text for ln in layout_from_pages([PageContent(1, 595, 842, "ocr", words)]).lines]
    assert texts == ["KHU I", "Ngọ c"]


def test_page_scanned_sideways_is_turned_upright():
    """Landscape tables are scanned sideways on portrait pages (Đắk Nông's 2019 budget reports): OCR of
    the page as it lies is noise, so its orientation is detected and the page read upright."""
    from pipeline.readers.pages import MIN_READABLE, _ocr_image, readable_share
    from pipeline.readers.raster import render_pdf_page
    from tests.conftest import SAMPLES

    image = render_pdf_page(SAMPLES / "scan" / "scan_000_18a8787367065f0f.pdf", 0, dpi=300)
    page = _ocr_image((image.rotate(90, expand=True), 1, 300))
    assert "turned" in page.note and readable_share(page) > MIN_READABLE
    assert "KẾ HOẠCH" in " ".join(w.text for w in page.words)


def test_signing_stamp_between_the_columns_does_not_end_the_recipients():
    """A commune's signed Thông báo (Đắk Nông, 2019): the stamp's `Người ký: …` lines stand between
    Nơi nhận and the signer, on the recipients' lines."""
    rows = [("Nơi nhận:", "", ""), ("", "Người ký: Ủy ban", ""), ("- UBND huyện;", "", "CHỦ TỊCH"),
            ("", "nhân dân xã", ""), ("- Ban tự quản các thôn;", "", ""), ("", "Thời gian ký:", ""),
            ("- Lưu VT.", "", "Vũ Hoàng Phú")]
    words = _line("Trên đây là lịch tiếp công dân của Chủ tịch, Phó chủ tịch của UBND xã Quảng Phú.", 60, 560)
    for i, cols in enumerate(rows):
        for text, x in zip(cols, (60, 230, 400)):
            words += _line(text, x, 600 + 18 * i) if text else []
    lines = layout_from_pages([PageContent(1, 595, 842, "text", words)]).lines
    from extractors.signature import find_recipients

    assert find_recipients(lines)[0] == ["UBND huyện", "Ban tự quản các thôn", "Lưu VT"]


def test_title_ends_where_the_body_starts_after_a_space():
    """Văn phòng Chính phủ's Thông báo 79 (2022): the body's first line, under a rule and a space, begins
    right after the two title lines."""
    words = _line("VĂN PHÒNG CHÍNH PHỦ", 90, 64) + _line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 265, 64)
    words += _line("Số: 79/TB-VPCP", 125, 109) + _line("Hà Nội, ngày 22 tháng 3 năm 2022", 308, 109)
    words += _line("THÔNG BÁO", 269, 143) + _line("Kết luận của Thủ tướng Chính phủ Phạm Minh Chính", 149, 160)
    words += _line("tại Phiên họp thứ nhất Ban Chỉ đạo Cải cách hành chính", 110, 176)
    words += _line("Ngày 09 tháng 3 năm 2022, tại trụ sở Chính phủ, Thủ tướng", 120, 225)
    words += _line("Chính phủ đã chủ trì Phiên họp thứ nhất của Ban Chỉ đạo.", 85, 243)
    header = extract_header(layout_from_pages([PageContent(1, 595, 842, "ocr", words)])).header
    assert header.title == ("Kết luận của Thủ tướng Chính phủ Phạm Minh Chính tại Phiên họp thứ nhất "
                            "Ban Chỉ đạo Cải cách hành chính")


def test_signer_column_between_two_recipient_lines_does_not_join_them():
    """Lâm Đồng 93/TTr-SNV rendered at 300 dpi (Tesseract's boxes and line ids): `- Như trên;` and `- Lãnh đạo
    Sở;` 13 pt apart in small type; Tesseract put the signer column's `Ó GIÁM ĐÓC` and a scrawl `_.` reaching
    down to the next line into the first one. Each recipient line stays a line."""
    boxes = [("Như", 91.4, 551.3, 110.9, 559.2, 27), ("-", 85.4, 556.1, 88.1, 556.8, 27),
             ("trên;", 113.8, 552.5, 133.0, 560.6, 27), ("ĐÓC", 433.4, 553.2, 463.7, 564.5, 27),
             ("GIÁM", 390.5, 554.6, 429.6, 564.5, 27), ("Ó", 376.1, 554.9, 385.9, 564.5, 27),
             ("_.", 345.6, 559.0, 372.0, 569.8, 27), ("Lãnh", 91.4, 564.0, 113.8, 571.7, 28),
             ("Sở;", 136.1, 564.2, 149.8, 573.1, 28), ("đạo", 116.9, 564.0, 132.2, 573.6, 28),
             ("-", 85.4, 568.8, 88.1, 569.5, 28)]
    words = [Word(t, x0, top, x1, bottom, 5, line_id=line) for t, x0, top, x1, bottom, line in boxes]
    layout = layout_from_pages([PageContent(5, 595, 842, "ocr", words)])
    texts = [ln.text for ln in layout.lines]
    assert "- Như trên;" in texts and "- Lãnh đạo Sở;" in texts


def test_title_of_a_scan_placed_off_centre_is_a_centred_line():
    """Bến Tre's Thông báo 666 (2011) scanned against the left edge of the sheet: its text runs from 2 pt
    to 460 pt of 595. The title, centred on the text, is no left-column line; the second title line
    stays with the first."""
    words = _line("UBND TỈNH BẾN TRE", 51, 9) + _line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 234, 8)
    words += _line("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", 2, 23) + _line("Độc lập - Tự do - Hạnh phúc", 290, 25)
    words += _line("Số: 666/TB-STTTT", 55, 49) + _line("Bến Tre, ngày 14 tháng 12 năm 2011", 265, 51)
    words += _line("THÔNG BÁO", 192, 110) + _line("Về việc giới thiệu chức danh và chữ ký", 101, 128)
    words += _line("Phó Giám đốc Sở Thông tin và Truyền thông tỉnh Bến Tre", 60, 141)
    for k in range(12):
        words += _line("Sở Thông tin và Truyền thông tỉnh Bến Tre xin trân trọng thông báo chức danh", 14, 190 + 16 * k)
    header = extract_header(layout_from_pages([PageContent(1, 595, 842, "ocr", words)])).header
    assert (header.place, header.issued_date) == ("Bến Tre", "2011-12-14")
    assert header.title == ("Về việc giới thiệu chức danh và chữ ký Phó Giám đốc Sở Thông tin và Truyền thông "
                            "tỉnh Bến Tre")
