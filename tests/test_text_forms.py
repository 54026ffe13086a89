"""Text forms users have: `pdftotext -layout` columns, Markdown and HTML layout tables, web pages."""

from pathlib import Path

import pytest

from extractors.layout import build_layout
from extractors.layout_tables import cell_lines, is_layout_table
from pipeline.model import Source
from pipeline.readers.html import html_to_text
from pipeline.run import extract_text

LAYOUT_HEADER = """\
    UBND TỈNH LÂM ĐỒNG                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
         SỞ NỘI VỤ                                    Độc lập - Tự do - Hạnh phúc
     Số: 666 /TTr-SNV                           Lâm Đồng, ngày 22 tháng 12 năm 2025

                                  TỜ TRÌNH
        Về việc trình ký dự thảo Kế hoạch cải cách hành chính nhà nước
                            năm 2026 tỉnh Lâm Đồng

       Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban
hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 -
2030 và các văn bản hướng dẫn của Bộ Nội vụ về cải cách hành chính.
      Sở Nội vụ kính trình dự thảo Kế hoạch cải cách hành chính nhà nước năm
2026 tỉnh Lâm Đồng để Ủy ban nhân dân tỉnh xem xét, ký duyệt./.
Nơi nhận:                                                                  KT. GIÁM ĐỐC
- Như trên;                                                                PHÓ GIÁM ĐỐC
- Lãnh đạo SNV;
- Lưu: VT, CCHC&VTLT(Tín).



                                                                            Trần Hữu Tuấn
"""


def _doc(text: str):
    return extract_text(text, Source(path="x.txt", sha256=""))


def test_layout_text_header_columns_are_read_left_first():
    texts = [ln.text for ln in build_layout(LAYOUT_HEADER).lines if ln.text]
    assert texts[:6] == ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "Số: 666 /TTr-SNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 22 tháng 12 năm 2025"]
    assert texts[6] == "TỜ TRÌNH"  # centred: read where it stands


def test_layout_text_lines_keep_their_source_offsets():
    layout = build_layout(LAYOUT_HEADER)
    place = next(ln for ln in layout.lines if ln.text.startswith("Lâm Đồng"))
    assert LAYOUT_HEADER[place.start : place.end] == "Lâm Đồng, ngày 22 tháng 12 năm 2025"
    assert place.span().line == 3


def test_layout_text_fields():
    h = _doc(LAYOUT_HEADER).header
    assert (h.reference, h.issuing_body, h.place, h.issued_date) == (
        "666/TTr-SNV", "Sở Nội vụ tỉnh Lâm Đồng", "Lâm Đồng", "2025-12-22")
    assert [(s.name, s.position, s.authority) for s in h.signers] == [
        ("Trần Hữu Tuấn", "Phó Giám đốc", ["KT. Giám đốc"])]
    assert h.recipients == ["Như trên", "Lãnh đạo SNV", "Lưu: VT, CCHC&VTLT(Tín)"]


def test_fixed_width_table_rows_are_not_reordered():
    text = ("Bảng 1\n"
            "STT   Nội dung                              Đơn vị      Kinh phí\n"
            "1     Tập huấn kỹ thuật                     Lớp         60\n"
            "2     Chuyển giao công nghệ                 Mô hình     30\n"
            "3     Hội thảo                              Cuộc        12\n")
    texts = [ln.text for ln in build_layout(text).lines if ln.text]
    assert texts[2].startswith("1 ") and texts[4].startswith("3 ")


MD_PAGE = """\
Trang chủ > Văn bản > Quyết định 378

| ỦY BAN NHÂN DÂN TỈNH HÀ GIANG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ------- |
|---|---|
| Số: 378/QĐ-UBND | Hà Giang, ngày 05 tháng 3 năm 2021 |

**QUYẾT ĐỊNH**

**VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2021**

Điều 1. Phê duyệt Kế hoạch.

| Nơi nhận: - Như Điều 3; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Đức Quý |
|---|---|
"""


def test_markdown_layout_tables():
    h = _doc(MD_PAGE).header
    assert (h.reference, h.issuing_body, h.place, h.issued_date) == (
        "378/QĐ-UBND", "Ủy ban nhân dân tỉnh Hà Giang", "Hà Giang", "2021-03-05")
    assert h.title == "Về việc phê duyệt Kế hoạch chuyển đổi số năm 2021"  # the body names it so
    assert [(s.name, s.position, s.authority) for s in h.signers] == [
        ("Trần Đức Quý", "Phó Chủ tịch", ["TM. Ủy ban nhân dân", "KT. Chủ tịch"])]
    assert h.recipients == ["Như Điều 3", "Lưu: VT"]


def test_flattened_signature_cell():
    assert cell_lines("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Hòa") == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hòa"]
    assert cell_lines("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n-------") == ["ỦY BAN NHÂN DÂN", "TỈNH KON TUM"]


def test_data_tables_are_not_layout_tables():
    assert not is_layout_table([["STT", "Nội dung", "Kinh phí"], ["1", "Tập huấn", "60"]])
    assert is_layout_table([["Nơi nhận:\n- Như trên;", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"]])


HTML_PAGE = """<html><head><title>Kế hoạch 1518</title><style>p {color: red}</style>
<script>var hotline = "1900 6192"; document.write("Số: 999/QĐ-UBND");</script></head><body>
<div class="menu">Trang chủ | Văn bản mới</div>
<table><tr><td><p><b>ỦY BAN NHÂN DÂN<br>TỈNH KON TUM</b></p><p>-------</p></td>
<td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>
<tr><td><p>Số: 1518/KH-UBND</p></td><td><p><i>Kon Tum, ngày 19
  tháng 5 năm 2022</i></p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Triển khai thực hiện Chương trình hành động quốc gia vì trẻ em năm 2022</b></p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p><p>Bảo đảm quyền trẻ em.</p>
<table><tr><td>STT</td><td>Nội dung</td><td>Kinh phí</td></tr><tr><td>1</td><td>Tập huấn</td><td>60</td></tr>
<tr><td>2</td><td>Hội thảo</td><td>40</td></tr></table>
<table><tr><td><p><b><i>Nơi nhận:</i></b><br>- Bộ Lao động - Thương binh và Xã hội;<br>- Lưu: VT, KGVX.</p></td>
<td><p><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH<br><br><br>Y Ngọc</b></p></td></tr></table>
<p>Bản quyền thuộc về Thư viện Pháp luật. Hotline 1900 6192</p></body></html>"""


def test_html_page():
    text = html_to_text(HTML_PAGE)
    assert "hotline =" not in text and "color: red" not in text and "999/QĐ" not in text
    assert "Kon Tum, ngày 19 tháng 5 năm 2022" in text  # hard-wrapped paragraph joined
    h = _doc(text).header
    assert (h.reference, h.issuing_body, h.place, h.issued_date) == (
        "1518/KH-UBND", "Ủy ban nhân dân tỉnh Kon Tum", "Kon Tum", "2022-05-19")
    assert [(s.name, s.position) for s in h.signers] == [("Y Ngọc", "Phó Chủ tịch")]
    assert h.recipients == ["Bộ Lao động - Thương binh và Xã hội", "Lưu: VT, KGVX"]


def test_html_data_table_is_a_table():
    doc = _doc(html_to_text(HTML_PAGE))
    assert [[r.stt, r.values[-1]] for r in doc.tables[0].rows] == [["1", 60], ["2", 40]]


CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("stem", ["04_lamdong_666-TTr-SNV_2025_totrinh-kh-cchc-2026.layout",
                                  "07_lamdong_93-TTr-SNV_2025_totrinh-hopnhat-hoi.layout"])
def test_dev_corpus_layout_text(stem):
    """Real `pdftotext -layout` output of dev-corpus documents: header and signer from the columns."""
    import json

    gold = json.loads((CORPUS / "gold" / "dev" / f"{stem}.json").read_text(encoding="utf-8"))
    path = CORPUS / "docs" / gold["file"]
    if not path.exists():
        pytest.skip("corpus documents not laid out (scripts/corpus.py docs)")
    h = _doc(path.read_text(encoding="utf-8")).header
    g = gold["header"]
    assert h.reference == g["reference"] and h.place == g["place"] and h.issued_date == g["issued_date"]
    assert {s.name for s in h.signers} >= {s["name"] for s in g["signers"]}


def _docx_bytes(build) -> bytes:
    import io

    import docx

    document = docx.Document()
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_header_and_signature_in_table_cells():
    from pipeline.readers.docx import docx_to_text

    def build(d):
        head = d.add_table(rows=2, cols=2)
        head.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA"
        head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
        head.cell(1, 0).text = "Số: 15/KH-UBND"
        head.cell(1, 1).text = "Tân Hòa, ngày 03 tháng 7 năm 2025"
        d.add_paragraph().add_run("KẾ HOẠCH").bold = True
        d.add_paragraph().add_run("Tổ chức chính quyền địa phương hai cấp").bold = True
        d.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
        d.add_paragraph("Bảo đảm hoạt động thông suốt.")
        data = d.add_table(rows=3, cols=3)
        for r, row in enumerate([("STT", "Nội dung", "Kinh phí"), ("1", "Tập huấn", "60"), ("2", "Hội nghị", "40")]):
            for c, text in enumerate(row):
                data.cell(r, c).text = text
        end = d.add_table(rows=1, cols=2)
        end.cell(0, 0).text = "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT."
        end.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Bình"

    doc = _doc(docx_to_text(_docx_bytes(build)))
    h = doc.header
    assert (h.reference, h.issuing_body, h.place, h.issued_date) == (
        "15/KH-UBND", "Ủy ban nhân dân xã Tân Hòa", "Tân Hòa", "2025-07-03")
    assert [(s.name, s.position, s.authority) for s in h.signers] == [
        ("Nguyễn Văn Bình", "Chủ tịch", ["TM. Ủy ban nhân dân"])]
    assert h.recipients == ["UBND tỉnh", "Lưu: VT"]
    assert [[r.stt, r.values[-1]] for r in doc.tables[0].rows] == [["1", 60], ["2", 40]]


def test_docx_end_block_with_the_recipients_cell_merged_down_the_rows():
    # Khánh Hòa's report 1424/BC-STC as written in Word: the Nơi nhận cell spans both rows, the
    # signer's name sits in the second row's right cell.
    from pipeline.readers.docx import docx_to_text

    def build(d):
        d.add_paragraph("Số: 1424/BC-STC")
        d.add_paragraph("BÁO CÁO")
        d.add_paragraph("Tình hình giá cả thị trường tháng 3 năm 2024")
        d.add_paragraph("I. Tình hình chung")
        end = d.add_table(rows=2, cols=2)
        merged = end.cell(0, 0).merge(end.cell(1, 0))
        merged.text = "Nơi nhận:\n- Bộ Tài chính;\n- Lưu: VT, QLG."
        end.cell(0, 1).text = "KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
        end.cell(1, 1).text = "Nguyễn Phi Vũ"

    h = _doc(docx_to_text(_docx_bytes(build))).header
    assert [(s.name, s.position) for s in h.signers] == [("Nguyễn Phi Vũ", "Phó Giám đốc")]
    assert h.recipients == ["Bộ Tài chính", "Lưu: VT, QLG"]


def test_broken_docx_is_a_clear_error(tmp_path):
    from pipeline.run import extract_file

    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    doc = extract_file(bad)
    assert doc.status == "failed" and doc.error.code == "damaged_docx" and "hong.docx" in doc.error.message


def test_dev_corpus_docx_draft():
    """A real Word draft (header in table cells and shapes, number and day left blank)."""
    import json

    from pipeline.run import extract_file

    stem = "27_lamdong_KH-UBND_2026_kehoach-cchc-2026-2030_duthao"
    gold = json.loads((CORPUS / "gold" / "dev" / f"{stem}.json").read_text(encoding="utf-8"))["header"]
    path = CORPUS / "docs" / f"{stem}.docx"
    if not path.exists():
        pytest.skip("corpus documents not laid out (scripts/corpus.py docs)")
    doc = extract_file(path)
    h = doc.header
    assert doc.source.format == "docx"
    assert (h.number, h.symbol, h.issued_date, h.place) == (None, "KH-UBND", None, "Lâm Đồng")
    assert h.issuing_body in gold["issuing_body"] and h.title == gold["title"]
    assert [s.name for s in h.signers] == [s["name"] for s in gold["signers"]]
    assert any(w.code == "number_blank" for w in doc.warnings)


def test_cong_van_subject_wrapped_in_plain_text():
    text = ("BỘ NỘI VỤ\n\nSố: 8151 /BNV-CCHC\n\nHà Nội, ngày 18 tháng 9 năm 2025\n\n"
            "V/v lấy ý kiến góp ý dự thảo Báo\ncáo Sơ kết giai đoạn 2021 - 2025 thực hiện\n"
            "Chương trình tổng thể cải cách hành chính\n\nKính gửi: Ủy ban nhân dân các tỉnh.\n\n"
            "Thực hiện Quyết định số 145/QĐ-BNV ngày 03/3/2025 của Bộ trưởng Bộ Nội vụ.\n")
    assert _doc(text).header.title == ("Lấy ý kiến góp ý dự thảo Báo cáo Sơ kết giai đoạn 2021 - 2025 thực hiện "
                                       "Chương trình tổng thể cải cách hành chính")


def test_pdf_end_block_in_a_borderless_table_is_read_as_columns():
    from extractors.page_layout import layout_from_pages
    from pipeline.positioned import GridCell, PageContent, TableGrid, Word

    left = GridCell("Nơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Lưu: VT, NN.", 70, 600, 300, 700)
    right = GridCell("TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nTrần Hồng Hà", 300, 600, 540, 700)
    page = PageContent(1, 595, 842, "text",
                       words=[Word("Điều", 70, 500, 95, 512, 1), Word("1.", 97, 500, 105, 512, 1)],
                       tables=[TableGrid(1, (70, 600, 540, 700), [[left, right]], "pdfplumber")])
    layout = layout_from_pages([page])
    assert not layout.tables
    assert [ln.text for ln in layout.lines][1:] == [
        "Nơi nhận:", "- Ban Bí thư Trung ương Đảng;", "- Lưu: VT, NN.",
        "TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Trần Hồng Hà"]


def test_layout_text_long_recipient_does_not_break_the_end_block():
    text = ("BỘ NỘI VỤ\nSố: 1187/QĐ-BNV\nHà Nội, ngày 15 tháng 10 năm 2025\n\nQUYẾT ĐỊNH\n"
            "Phê duyệt Đề án xác định Chỉ số cải cách hành chính\n\n"
            "Điều 3. Chánh Văn phòng Bộ và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành./.\n"
            "Nơi nhận:                                                BỘ TRƯỞNG\n"
            "- Như Điều 3;\n"
            "- Sở Nội vụ các tỉnh/TP trực thuộc TW (để T/H);\n"
            "- Lưu: VT, CCHC.\n\n\n"
            "                                                      Phạm Thị Thanh Trà\n")
    h = _doc(text).header
    assert [(s.name, s.position) for s in h.signers] == [("Phạm Thị Thanh Trà", "Bộ trưởng")]
    assert h.recipients == ["Như Điều 3", "Sở Nội vụ các tỉnh/TP trực thuộc TW (để T/H)", "Lưu: VT, CCHC"]


# end blocks as Tesseract read them on real scans of the dev corpus (seal rims, scribbles, specks)
OCR_END_BLOCKS = [
    ("Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, NC.cnau\nKT. CHỦ TỊCH\nPHÔ : CHỦ „ TỊCH\nWuuu›-\nx1.\nNguyễn Ngọc Phúc\n",
     ("Nguyễn Ngọc Phúc", "Phó Chủ tịch", ["KT. Chủ tịch"])),
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT, Vụ GDPT.\n„ TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ GIÁO DỤC PHỔ THÔNG\nThái Văn Tài\n",
     ("Thái Văn Tài", "Vụ trưởng Vụ giáo dục phổ thông", ["TL. Bộ trưởng"])),
    ("Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, KSTT(2).\nĐ THỦ TƯỚNG\n;\nPhạm Minh ì Chính ‹\n",
     ("Phạm Minh Chính", "Thủ tướng", [])),
]


@pytest.mark.parametrize(("end", "want"), OCR_END_BLOCKS)
def test_signer_read_through_ocr_specks(end, want):
    head = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 1716/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc thành lập Hội đồng\n\n"
    signers = _doc(head + "Điều 1. Thành lập Hội đồng thẩm định.\n" + end).header.signers
    # a unit's name inside a position is not recased yet (`Vụ Giáo dục Phổ thông`): compare positions folded
    assert [(s.name, s.position.lower(), s.authority) for s in signers] == [(want[0], want[1].lower(), want[2])]


@pytest.mark.parametrize(("ocr", "body"), [("ỦY BAN NHÂN DÂN TĨNH QUẢNG NGÃI", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
                                          ("Ủy ban nhân dân tính Đắk Nông", "Ủy ban nhân dân tỉnh Đắk Nông"),
                                          ("HỘI CÔNG CHỨNG VIÊN TĨNH LÂM ĐỒNG", "Hội Công chứng viên tỉnh Lâm Đồng"),
                                          ("BẠN THƯỜNG VỤ TỈNH ỦY", "Ban thường vụ Tỉnh ủy")])
def test_unit_word_misread_in_a_body_name(ocr, body):
    from extractors.agency import proper_agency

    assert proper_agency(ocr) == body


def test_place_before_a_handwritten_day_read_as_a_letter():
    h = _doc("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 84 /QĐ-UBND\nQuảng Ngãi, ngàyÀ3 tháng 02 năm 2025\n\n"
             "QUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch ứng phó sự cố tràn dầu\n\nĐiều 1. Phê duyệt.\n").header
    assert h.place == "Quảng Ngãi" and h.issued_date is None and h.issued_year == 2025


def test_scanned_page_with_only_a_signing_stamp_is_ocrd():
    """Quảng Ngãi scans signed digitally: the only text layer is `Ký bởi: … Thời gian ký: …`."""
    import pdfplumber

    from pipeline.readers import pdf_text

    path = CORPUS / "docs" / "quangngai_84-qd-ubnd_2025.pdf"
    digital = CORPUS / "docs" / "04_lamdong_666-TTr-SNV_2025_totrinh-kh-cchc-2026.pdf"
    if not (path.exists() and digital.exists()):
        pytest.skip("corpus documents not laid out (scripts/corpus.py docs)")
    with pdfplumber.open(path) as pdf:
        first = pdf.pages[0]
        words = pdf_text.page_words(first, 1)
        assert pdf_text.usable_text_layer(words)[0]  # the stamp alone reads as Vietnamese...
        assert "signature stamp" in pdf_text.stamp_only_layer(first, words)  # ...but the page is an image
    with pdfplumber.open(digital) as pdf:
        assert pdf_text.stamp_only_layer(pdf.pages[0], pdf_text.page_words(pdf.pages[0], 1)) is None


def test_signer_surname_with_shifted_marks_is_restored_with_a_warning():
    head = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 84/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch\n\n"
    end = "Nơi nhận:\n- Như Điều 5;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n:\nTrân Phước Hiền\n"
    doc = _doc(head + "Điều 1. Phê duyệt.\n" + end)
    assert [s.name for s in doc.header.signers] == ["Trần Phước Hiền"]
    assert [w.code for w in doc.warnings if w.code == "signer_surname_corrected"] == ["signer_surname_corrected"]
    # a name that is already right is left alone, with no warning
    doc = _doc(head + "Điều 1. Phê duyệt.\n" + end.replace("Trân", "Trần"))
    assert [s.name for s in doc.header.signers] == ["Trần Phước Hiền"]
    assert not [w for w in doc.warnings if w.code == "signer_surname_corrected"]


def test_appendix_sent_alone_has_its_heading_as_title_and_no_issuer():
    text = ("                        Phụ lục VI\n"
            "      KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ THUỘC CẢI CÁCH\n"
            "                TÀI CHÍNH CÔNG NĂM 2025\n\n"
            "      I. ĐỐI VỚI CẤP SỞ\n"
            " 1    Ban Quản lý các KCN              6,00        6,00     6,00   100,00%\n"
            " 2    Sở Công Thương                   6,00        5,50     5,50    91,67%\n"
            " 3    Sở Tài chính                     6,00        6,00     6,00   100,00%\n")
    h = _doc(text).header
    # recasing follows the body's own capitals (`Sở Tài chính`): compare case-folded
    assert h.title.lower() == "kết quả đánh giá các tiêu chí thuộc cải cách tài chính công năm 2025"
    assert h.issuing_body is None


LAYOUT_TABLE = """\
                                 Chỉ tiêu thống kê                                  Kết quả thống kê
STT                                                                                                          Ghi chú
                 (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)              Đơn vị tính       Số liệu
         Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công
  1.                                                                              Văn bản              82
         văn chỉ đạo, quán triệt)
         Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm
  2.                                                                                 %                 100
         báo cáo)
 2.1.    Số nhiệm vụ đề ra trong kế hoạch                                        Nhiệm vụ              45
 2.2.    Số nhiệm vụ đã hoàn thành                                               Nhiệm vụ              45
                                                          26
\f
                                 Chỉ tiêu thống kê                                  Kết quả thống kê
STT                                                                                                          Ghi chú
                 (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)              Đơn vị tính       Số liệu
  3.     Số nhiệm vụ quá hạn nhưng chưa hoàn thành                            Nhiệm vụ              0
 3.1.    Số lượng phiếu khảo sát                                               Số lượng          25.898
"""


def test_fixed_width_table_rows_cells_and_page_continuation():
    doc = _doc("Biểu mẫu 1\n\n" + LAYOUT_TABLE)
    assert len(doc.tables) == 1
    rows = [(r.stt + ".", r.label, [v for v in r.values if v is not None]) for r in doc.tables[0].rows]
    assert rows == [
        ("1.", "Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)", [82]),
        ("2.", "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", [100]),
        ("2.1.", "Số nhiệm vụ đề ra trong kế hoạch", [45]),
        ("2.2.", "Số nhiệm vụ đã hoàn thành", [45]),
        ("3.", "Số nhiệm vụ quá hạn nhưng chưa hoàn thành", [0]),
        ("3.1.", "Số lượng phiếu khảo sát", [25898]),
    ]


# pdftotext -layout of Lâm Đồng's report (Biểu mẫu 2–3): a three-level row number leaves one space before
# its label; a row with no figures has two segments; the table goes on after the page number and its
# repeated header, laid out on other lines.
LONG_NUMBERS = """\
                              Chỉ tiêu thống kê                           Kết quả thống kê       Ghi chú
STT
              (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)        Đơn vị tính     Số liệu
 2.    Kiểm tra, xử lý VBQPPL
2.1.   Số VBQPPL đã kiểm tra theo thẩm quyền của cấp tỉnh               Văn bản         116
2.2.   Tỷ lệ xử lý VBQPPL sau kiểm tra                                     %            100
2.2.1. Tổng số VBQPPL cần phải xử lý sau kiểm tra                       Văn bản          0
2.2.2. Số VBQPPL có kiến nghị xử lý đã được xử lý xong                  Văn bản          0

 3.    Kết quả giải quyết TTHC

3.1.   Số VBQPPL đã rà soát thuộc thẩm quyền của cấp tỉnh               Văn bản         194
                                                            28
\f
STT                               Chỉ tiêu thống kê                      Kết quả thống kê
                                                                                                  Ghi chú
                  (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)      Đơn vị tính    Số liệu
3.2.   Tỷ lệ xử lý VBQPPL sau rà soát                                      %            100
3.2.1. Tổng số VBQPPL cần phải xử lý sau rà soát                        Văn bản         194
"""


def test_fixed_width_long_row_numbers_figureless_rows_and_repeated_header():
    (table,) = _doc("Biểu mẫu 2\n\n" + LONG_NUMBERS).tables
    rows = [(r.stt, [v for v in r.values if v is not None]) for r in table.rows]
    assert rows == [("2", []), ("2.1", [116]), ("2.2", [100]), ("2.2.1", [0]), ("2.2.2", [0]), ("3", []),
                    ("3.1", [194]), ("3.2", [100]), ("3.2.1", [194])]


# pdftotext -layout of Lâm Đồng's report (Biểu mẫu 7): labels wrapped around their row number (the number
# alone on its line, the label above and below it), the last row's label wrapping past the table's last
# figure, and the header printed again on the next page with its words on other lines.
WRAPPED_LABELS = """\
                                                                                       Kết quả thống kê
                               Chỉ tiêu thống kê
STT                                                                                                          Ghi chú
               (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)                 Đơn vị tính       Số liệu

  2.     Tỷ lệ báo cáo định kỳ được gửi, nhận qua Hệ thống thông tin                  %             100
  3.     Số liệu về trao đổi văn bản điện tử
         Thực hiện kết nối, liên thông các Hệ thống quản lý văn bản điều
 3.1.
         hành từ cấp tỉnh đến cấp xã
3.1.1.   Tỷ lệ sở, ngành đã kết nối, liên thông với UBND tỉnh                         %             100
3.1.2.   Tỷ lệ UBND cấp xã đã kết nối, liên thông với UBND tỉnh.                      %             100
 4.2.    Tỷ lệ DVC có phát sinh hồ sơ nộp trực tuyến (toàn trình + một phần)          %             95,99
         Tổng số DVCTT có phát sinh hồ sơ (gồm các DVCTT có phát sinh hồ
4.2.1.                                                                             Thủ tục           599
         sơ trực tuyến hoặc trực tiếp hoặc cả 2 hình thức)
\fSTT                             Chỉ tiêu thống kê                                    Kết quả thống kê      Ghi chú
                (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)
                                                                                Đơn vị tính      Số liệu
4.2.2.   Số DVCTT có phát sinh hồ sơ trực tuyến                                   Thủ tục         575
 4.3.    Tỷ lệ hồ sơ trực tuyến toàn trình                                          %             90,58
         Tổng số hồ sơ của DVCTT toàn trình (gồm hồ sơ nộp trực tuyến
4.3.1.   + trực tiếp)                                                             Thủ tục        462.814

4.3.2.   Số hồ sơ nộp trực tuyến của các DVCTT toàn trình                         Thủ tục        419.218
"""


def test_fixed_width_labels_wrapped_around_their_numbers_and_header_repeated_on_other_lines():
    (table,) = _doc("Biểu mẫu 7\n\n" + WRAPPED_LABELS).tables
    rows = {r.stt: (r.label, [v for v in r.values if v is not None]) for r in table.rows}
    assert list(rows) == ["2", "3", "3.1", "3.1.1", "3.1.2", "4.2", "4.2.1", "4.2.2", "4.3", "4.3.1", "4.3.2"]
    assert rows["3.1"][0] == ("Thực hiện kết nối, liên thông các Hệ thống quản lý văn bản điều hành từ cấp tỉnh "
                              "đến cấp xã")
    assert rows["4.2.1"] == ("Tổng số DVCTT có phát sinh hồ sơ (gồm các DVCTT có phát sinh hồ sơ trực tuyến hoặc "
                             "trực tiếp hoặc cả 2 hình thức)", [599])
    assert rows["4.3"] == ("Tỷ lệ hồ sơ trực tuyến toàn trình", [90.58])
    assert rows["4.3.1"] == ("Tổng số hồ sơ của DVCTT toàn trình (gồm hồ sơ nộp trực tuyến + trực tiếp)", [462814])


def test_scan_end_block_with_interleaved_columns():
    """As Tesseract read a Đắk Nông report: the position between two recipients, specks of the seal,
    the name after the list, stamp text after `Lưu`."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\nSố: 379/BC-UBND\n\nBÁO CÁO\nCông khai dự toán ngân sách\n\nI. KẾT QUẢ\n"
    end = ("Nơi nhận:\n\" “ . CHỦ TỊCH\n- Bộ Tài chính;\nNi\nNGA\n- Thường trực Tỉnh ủy;\n- CVP, các PCVP UBND tỉnh;\n"
           "- Lưu: VT, KTTH(TT).\n0#\nme“\nNguyễn Bốn\n")
    h = _doc(head + "Thu ngân sách đạt kế hoạch.\n" + end).header
    assert [(s.name, s.position) for s in h.signers] == [("Nguyễn Bốn", "Chủ tịch")]
    assert h.recipients == ["Bộ Tài chính", "Thường trực Tỉnh ủy", "CVP, các PCVP UBND tỉnh", "Lưu: VT, KTTH(TT)"]


def test_deputy_line_with_specks():
    head = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 23/BC-UBND\n\nBÁO CÁO\nTình hình cải cách thủ tục hành chính\n\n"
    end = "Nơi nhận:\n- Như trên;\n- Lưu: VT, TTHC.\nKT. CHỦ TỊCH\nPHÔ \" CHỦ r TỊCH\nng\nTrần Hoàng Tuấn\n"
    h = _doc(head + "I. KẾT QUẢ\nĐạt yêu cầu.\n" + end).header
    assert [(s.name, s.position, s.authority) for s in h.signers] == [
        ("Trần Hoàng Tuấn", "Phó Chủ tịch", ["KT. Chủ tịch"])]


@pytest.mark.parametrize("line", ["Lâm Đồng, ngày DŠ tháng l1 năm 2025", "Quảng Ngãi, ngày $3 tháng 0] năm 2025",
                                  "Hà Nội, ngàx)đthángDj năm 2025"])
def test_handwritten_day_unreadable_keeps_place_and_printed_year(line):
    doc = _doc(f"ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/QĐ-UBND\n{line}\n\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n\n"
               "Điều 1. Ban hành.\n")
    assert (doc.header.place, doc.header.issued_year, doc.header.issued_date) == (line.split(",")[0], 2025, None)
    assert "date_unreadable" in [w.code for w in doc.warnings]


def test_plain_text_blank_number_with_the_motto_between_its_parts():
    text = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH THANH HÓA\nSố:\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
            "Độc lập - Tự do - Hạnh phúc\n\n/QĐ-HĐND\n\nThanh Hóa, ngày\n\ntháng 6 năm 2026\n\nQUYẾT ĐỊNH\n"
            "Ban hành Danh mục công việc\n\nĐiều 1. Ban hành.\n")
    h = _doc(text).header
    assert (h.number, h.symbol, h.issuing_body) == (None, "QĐ-HĐND", "Hội đồng nhân dân tỉnh Thanh Hóa")


def test_subject_continues_onto_a_reference_line():
    text = ("VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND\nTỈNH THANH HÓA\nSố: 295/VP-CTHĐND\nThanh Hóa, ngày 22 tháng 5 năm 2026\n"
            "V/v gửi Danh mục sản phẩm/công việc quy đổi theo Nghị định số\n335/2025/NĐ-CP.\n\n"
            "Kính gửi: Các phòng thuộc Văn phòng.\n")
    assert _doc(text).header.title == "Gửi Danh mục sản phẩm/công việc quy đổi theo Nghị định số 335/2025/NĐ-CP"


MINERU_MD = """\
# ỦY BAN NHÂN DÂN TỈNH LAI CHÂU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Độc lập - Tự do - Hạnh phúc

Số: 1234/QĐ-UBND Lai Châu, ngày 15 tháng 8 năm 2025

# QUYẾT ĐỊNH

Về việc công bố danh mục thủ tục hành chính lĩnh vực hỗ trợ đầu tư

# CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;

# QUYẾT ĐỊNH:

Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.

<table><tr><td>Nơi nhận:<br>- Như Điều 2;<br>- Lưu: VT, KTN.</td>
<td>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH<br><br>Hà Trọng Hải</td></tr></table>
"""


def test_other_engines_markdown_headings_merged_columns_and_html_signature_table():
    """MinerU/Marker-style Markdown: invented `#` headings, the header columns merged into one line,
    the end block as an HTML table."""
    doc = _doc(MINERU_MD)
    h = doc.header
    assert (h.reference, h.issuing_body, h.place, h.issued_date) == (
        "1234/QĐ-UBND", "Ủy ban nhân dân tỉnh Lai Châu", "Lai Châu", "2025-08-15")
    assert h.title == "Về việc công bố danh mục thủ tục hành chính lĩnh vực hỗ trợ đầu tư"
    assert [(s.name, s.position) for s in h.signers] == [("Hà Trọng Hải", "Phó Chủ tịch")]
    assert h.recipients == ["Như Điều 2", "Lưu: VT, KTN"]
    assert not any(line.startswith("#") for line in doc.text.split("\n"))  # heading marks are markup


PARTY_LAYOUT = """\
        ĐẢNG BỘ TỈNH LÂM ĐỒNG                          ĐẢNG CỘNG SẢN VIỆT NAM
    BAN CHẤP HÀNH ĐẢNG BỘ XÃ ĐAM RÔNG
                   *                           Đam Rông, ngày 12 tháng 3 năm 2025
           Số 34-NQ/ĐU

                                   NGHỊ QUYẾT
              về phát triển kinh tế - xã hội năm 2025 của xã Đam Rông

       Căn cứ Điều lệ Đảng Cộng sản Việt Nam;
I. MỤC TIÊU
Phát triển kinh tế nhanh và bền vững.
Nơi nhận:                                           T/M BAN CHẤP HÀNH
- Ban Thường vụ Tỉnh ủy (b/c);                             BÍ THƯ
- Lưu Văn phòng Đảng ủy.


                                                       Nguyễn Văn Hùng
"""


def test_party_document_in_layout_text():
    """Hướng dẫn 36-HD/VPTW layout: `Số 34-NQ/ĐU` without a colon, `*` under the body, place-date on the
    right above the number, `T/M` signer; a commune's Party committee after the 2025 merger."""
    h = _doc(PARTY_LAYOUT).header
    assert (h.doc_type_code, h.number, h.symbol, h.reference) == ("NQ", "34", "NQ/ĐU", "34-NQ/ĐU")
    assert (h.issuing_body, h.parent_body) == ("Ban Chấp hành Đảng bộ xã Đam Rông", "Đảng bộ tỉnh Lâm Đồng")
    assert (h.place, h.issued_date) == ("Đam Rông", "2025-03-12")
    assert h.title == "Về phát triển kinh tế - xã hội năm 2025 của xã Đam Rông"
    assert [(s.name, s.position, s.authority) for s in h.signers] == [
        ("Nguyễn Văn Hùng", "Bí thư", ["T/M Ban Chấp hành"])]


FLAT_TABLE = """\
Phụ lục VI
KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ THUỘC CẢI CÁCH
TÀI CHÍNH CÔNG NĂM 2025
STT

Đơn vị

Điểm
chuẩn tối
đa

Điểm tự
đánh giá

Chỉ số

1

Ban Quản lý các KCN

6,00

6,00

100,00%

2

Sở Công thương

6,00

5,00

83,33%

3

Sở Dân tộc và Tôn giáo

8,00

7,31

66,38%
"""


def test_plain_pdftotext_table_flattened_one_cell_per_paragraph():
    doc = _doc(FLAT_TABLE)
    assert doc.header.title.lower().startswith("kết quả đánh giá các tiêu chí")  # the caption is not a cell
    table = doc.tables[0]
    assert table.columns == ["STT", "Đơn vị", "Điểm chuẩn tối đa", "Điểm tự đánh giá", "Chỉ số"]
    assert [(r.stt, r.label, r.values[2:]) for r in table.rows] == [
        ("1", "Ban Quản lý các KCN", [6, 6, 100]), ("2", "Sở Công thương", [6, 5, 83.33]),
        ("3", "Sở Dân tộc và Tôn giáo", [8, 7.31, 66.38])]


def test_flattened_table_with_glued_numbers_and_rows_without_figures():
    """Plain pdftotext of Lâm Đồng's report, Biểu mẫu 2: `2.2.1. Tổng số …` in one paragraph, `2.` with no figures."""
    cells = ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "1.", "Tổng số VBQPPL do địa phương ban hành",
             "Văn bản", "249", "1.1.", "Số VBQPPL do cấp tỉnh ban hành", "Văn bản", "174", "2.",
             "Kiểm tra, xử lý VBQPPL", "2.1.", "Số VBQPPL đã kiểm tra theo thẩm quyền của cấp tỉnh", "Văn bản", "116",
             "2.2.", "Tỷ lệ xử lý VBQPPL sau kiểm tra", "%", "100",
             "2.2.1. Tổng số VBQPPL cần phải xử lý sau kiểm tra", "Văn bản", "0"]
    (table,) = _doc("Biểu mẫu 2\n\n" + "\n\n".join(cells) + "\n\nIII. ĐÁNH GIÁ CHUNG\n").tables
    assert [(r.stt, [v for v in r.values if v is not None]) for r in table.rows] == [
        ("1", [249]), ("1.1", [174]), ("2", []), ("2.1", [116]), ("2.2", [100]), ("2.2.1", [0])]


def test_numbered_paragraphs_are_no_flattened_table():
    text = "I. MỤC TIÊU\n\n1\n\nNâng cao chất lượng.\n\n2\n\nBảo đảm tiến độ.\n\n3\n\nTăng cường kiểm tra.\n"
    assert not _doc(text).tables  # no row holds a number: a list, not a table


def _ocr_page(lines: list[tuple[str, float]]):
    from pipeline.positioned import PageContent, Word

    words = []
    for k, (text, conf) in enumerate(lines):
        x = 70.0
        for w in text.split():
            words.append(Word(w, x, 60 + 20 * k, x + 8 * len(w), 72 + 20 * k, 1, conf=conf))
            x += 8 * len(w) + 4
    return PageContent(1, 595, 842, "ocr", words=words)


@pytest.mark.parametrize(("conf", "number"), [(46.5, None), (92.0, "233")])
def test_number_read_with_low_ocr_confidence_is_taken_for_handwriting(conf, number):
    from pipeline.run import extract_pages

    page = _ocr_page([("TRƯỜNG ĐẠI HỌC ĐIỆN LỰC", 95.0), ("Số: 233/TB-ĐHĐL", conf),
                      ("THÔNG BÁO", 95.0), ("Về kế hoạch giảng dạy", 95.0), ("Căn cứ tình hình thực tế.", 95.0)])
    doc = extract_pages([page], Source(path="x.pdf", sha256=""), correct=False)
    assert (doc.header.number, doc.header.symbol) == (number, "TB-ĐHĐL")
    assert ("number_unreadable" in [w.code for w in doc.warnings]) == (number is None)


def test_layout_text_with_the_number_and_day_left_blank():
    """`pdftotext -layout` of a digitally signed report: the blanks are runs of spaces, not column gaps;
    the signing stamp gives the day."""
    text = ("UBND TỈNH LÂM ĐỒNG                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG                      Độc lập - Tự do - Hạnh phúc\n\n"
            "Số:       /BC-SNNMT                    Lâm Đồng, ngày       tháng 8 năm 2026\n\n"
            "                                  BÁO CÁO\n                Kết quả thực hiện nhiệm vụ tháng 8\n\n"
            "     I. KẾT QUẢ\n     Đạt.\nKý bởi: Sở Nông nghiệp và Môi trường\nThời gian ký: 28/08/2026 08:51:03\n")
    h = _doc(text).header
    assert (h.number, h.symbol, h.place, h.issued_date) == (None, "BC-SNNMT", "Lâm Đồng", "2026-08-28")


def test_roman_one_read_with_a_speck_above():
    """Sở Tài chính Đắk Nông's price report (2019), OCR: `Ì. Tổng quan chung …` is section I."""
    from pipeline.run import extract_pages

    page = _ocr_page([("SỞ TÀI CHÍNH", 95.0), ("Số: 113/BC-STC", 95.0), ("BÁO CÁO", 95.0),
                      ("Giá thị trường tháng 05/2019", 95.0), ("Ì. Tổng quan chung về tình hình giá", 90.0),
                      ("Chỉ số giá tiêu dùng tăng.", 95.0), ("II. Tình hình quản lý giá", 95.0)])
    doc = extract_pages([page], Source(path="x.pdf", sha256=""), correct=False)
    assert [s.number for s in doc.sections] == ["I", "II"]


def test_office_under_its_parent_body_is_named_after_it():
    h = _doc("UBND TỈNH LÂM ĐỒNG\nVĂN PHÒNG\nSố: 45/VP-NC\nLâm Đồng, ngày 02 tháng 02 năm 2026\n"
             "V/v công bố Chỉ số cải cách hành chính\n\nKính gửi: Các sở, ngành.\n").header
    assert h.issuing_body == "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng"
    assert h.parent_body == "Ủy ban nhân dân tỉnh Lâm Đồng"


# pdftotext -layout of Lâm Đồng's report 181/BC-SNV: a table of two columns of text and one of figures, so
# no line has three segments; each row number stands alone or with the figures, its label wrapped above
# and below it; the numbered heading and the paragraph after the table are not rows.
CENTRED_ROWS = """\
tuyến. Qua đó, đã hỗ trợ hướng dẫn đối với 3.418 hồ sơ TTHC, cụ thể:
                                                         Số lượng hồ sơ hỗ
 TT                     Tên TTHC                        trợ/Tổng hồ sơ trực
                                                        tuyến/Tổng số hồ sơ
         Thủ tục đăng ký kết hôn (mã TTHC:
    1                                                    1.700/2.912/3.141
         1.000894)
         Đăng ký thành lập hộ kinh doanh (mã
    2                                                    1.315/2.342/2.572
         TTHC: 1.001612)
         Đăng ký thay đổi nội dung đăng ký hộ kinh
    3                                                     403/1.096/1.186
         doanh (mã TTHC: 2.000720)
         4. Mô hình “Hồ sơ không hẹn”
      Trong thời gian thí điểm, Văn phòng Đăng ký đất đai tỉnh, các chi nhánh
Văn phòng Đăng ký đất đai khu vực và các xã, phường, đặc khu đã bố trí cán
bộ, công chức, viên chức tại Trung tâm Phục vụ hành chính công cấp xã, Bộ
"""


def test_fixed_width_table_found_from_its_stt_header_with_centred_row_numbers():
    doc = _doc("Biểu 1\n\n" + CENTRED_ROWS)
    (table,) = doc.tables
    assert [(r.stt, r.label) for r in table.rows] == [
        ("1", "Thủ tục đăng ký kết hôn (mã TTHC: 1.000894)"),
        ("2", "Đăng ký thành lập hộ kinh doanh (mã TTHC: 1.001612)"),
        ("3", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh (mã TTHC: 2.000720)"),
    ]
    assert [v for v in table.rows[0].values if v is not None] == [1700, 2912, 3141]  # one figure per column
    assert "4. Mô hình" in doc.text and "Mô hình" not in table.rows[-1].label


def test_signer_holding_two_posts_under_a_unit_head_position():
    # Sơn La's Kế hoạch 07-KH/BTC (a scan): the position names the unit it heads, no authority prefix.
    end = ("Nơi nhận:\n- Thường trực Tỉnh ủy (b/c),\n- Lưu BCĐ.\nTRƯỞNG BAN TUYÊN GIÁO TỈNH ỦY\nKiêm\n"
           "TRƯỞNG BAN TỔ CHỨC CUỘC THI\nĐinh Thị Bích Thảo\n")
    head = ("BAN TỔ CHỨC CUỘC THI\nSố 07-KH/BTC\nSơn La, ngày 06 tháng 3 năm 2023\nKẾ HOẠCH\n"
            "Tổ chức Cuộc thi trực tuyến\n1. Mục đích\nNội dung kế hoạch.\n")
    (signer,) = _doc(head + end).header.signers
    assert (signer.name, signer.position) == ("Đinh Thị Bích Thảo", "Trưởng Ban Tuyên giáo Tỉnh ủy")


@pytest.mark.parametrize(
    ("note", "issuer"),
    [("(Ban hành kèm theo Quyết định số 66/2021/QĐ-UBND ngày 24 tháng 12 năm 2021\n"
      "của Ủy ban nhân dân tỉnh An Giang)", "Ủy ban nhân dân tỉnh An Giang"),
     ("(Kèm theo Hướng dẫn số /HD-ĐHVN ngày\ntháng\nnăm 2024 của Hiệu trưởng Trường Đại học Việt Nhật, ĐHQGHN)",
      "Trường Đại học Việt Nhật")],
)
def test_appendix_sent_alone_names_its_issuer_in_the_attached_to_note(note, issuer):
    text = f"Phụ lục\nBẢNG GIÁ TÍNH THUẾ TÀI NGUYÊN\n{note}\nI. Khoáng sản kim loại\n"
    doc = _doc(text)
    assert doc.header.issuing_body == issuer
    assert "issuing_body_inferred" in [w.code for w in doc.warnings]


def test_typed_formats_are_not_corrected(tmp_path):
    # Hậu Giang's price appendix (Word): `Thịt lợn hơi` (live pig) and `Bắp cải trắng` are right as typed.
    from pipeline.run import extract_file

    def build(d):
        d.add_paragraph("BẢNG GIÁ THỊ TRƯỜNG THÁNG 12 NĂM 2022")
        d.add_paragraph("Thịt lợn hơi và bắp cải trắng giữ giá.")

    path = tmp_path / "bang-gia.docx"
    path.write_bytes(_docx_bytes(build))
    doc = extract_file(path)
    assert doc.corrections == [] and "Thịt lợn hơi và bắp cải trắng" in doc.text


def test_docx_data_table_with_a_row_number_merged_down_keeps_its_columns():
    # Hậu Giang's price appendix: item 21 (seed rice) spans the rows of its four varieties.
    from pipeline.readers.docx import docx_to_text

    def build(d):
        d.add_paragraph("BẢNG GIÁ THỊ TRƯỜNG")
        t = d.add_table(rows=4, cols=4)
        for r, row in enumerate([("STT", "Tên hàng hóa", "Giá kỳ trước", "Giá kỳ này"),
                                 ("21", "Giống lúa RVT", "26.500", "26.500"),
                                 ("", "Giống lúa OM5451", "15.500", "16.000"),
                                 ("22", "Giống ngô MX10", "220.000", "220.000")]):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
        t.cell(1, 0).merge(t.cell(2, 0)).text = "21"

    (table,) = _doc(docx_to_text(_docx_bytes(build))).tables
    assert [(r.stt, r.label, [v for v in r.values if v is not None]) for r in table.rows] == [
        ("21", "Giống lúa RVT", [26500, 26500]), ("", "Giống lúa OM5451", [15500, 16000]),
        ("22", "Giống ngô MX10", [220000, 220000])]


# Plain pdftotext of Lâm Đồng's report 181/BC-SNV: the table printed column by column, the STT column
# first, the names wrapped over two lines each, then the figures.
COLUMN_WISE = """\
cao tuổi, phụ nữ mang thai, người khuyết tật và những trường hợp khác có khó
khăn cần hướng dẫn, hỗ trợ); đồng thời, các TTHC có thực hiện nghĩa vụ tài
chính sẽ được Bộ phận Một cửa hỗ trợ hướng dẫn thực hiện thanh toán trực
tuyến. Qua đó, đã hỗ trợ hướng dẫn đối với 3.418 hồ sơ TTHC, cụ thể:
TT
1
2
3

Tên TTHC
Thủ tục đăng ký kết hôn (mã TTHC:
1.000894)
Đăng ký thành lập hộ kinh doanh (mã
TTHC: 1.001612)
Đăng ký thay đổi nội dung đăng ký hộ kinh
doanh (mã TTHC: 2.000720)

Số lượng hồ sơ hỗ
trợ/Tổng hồ sơ trực
tuyến/Tổng số hồ sơ
1.700/2.912/3.141
1.315/2.342/2.572
403/1.096/1.186

4. Mô hình “Hồ sơ không hẹn”
"""


def test_plain_text_table_serialized_column_by_column():
    doc = _doc("Biểu 1\n\n" + COLUMN_WISE)
    (table,) = doc.tables
    assert table.columns[:2] == ["TT", "Tên TTHC"]
    assert [(r.stt, r.label, [v for v in r.values if v is not None]) for r in table.rows] == [
        ("1", "Thủ tục đăng ký kết hôn (mã TTHC: 1.000894)", [1700, 2912, 3141]),
        ("2", "Đăng ký thành lập hộ kinh doanh (mã TTHC: 1.001612)", [1315, 2342, 2572]),
        ("3", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh (mã TTHC: 2.000720)", [403, 1096, 1186]),
    ]
    assert "4. Mô hình" in doc.text


HEADERS_FIRST = """TT

Địa phương

Lĩnh vực

1
2

Phường Bình Thuận
Xã Hàm Liêm

Việc làm
Người có công

Số lượng hồ sơ hỗ
trợ/Tổng hồ sơ trực
tuyến/Tổng số hồ sơ
12/73/82
02/08/08

Có 14 hồ sơ phi địa giới TTHC/137 hồ sơ nộp trực tuyến/156 tổng số hồ sơ.
"""

ONE_ROW_PER_PAGE = """TT

Tên TTHC

Số lượng hồ sơ đã
hỗ trợ/Tổng số hồ
sơ

1

Đăng ký biến động đối với trường hợp thay đổi quyền
sử dụng đất theo thỏa thuận của các thành viên hộ gia đình (Mã TTHC:
1.013980)

862/1.266
(68,1%)

4
TT

Tên TTHC

2

Xác nhận tiếp tục sử dụng đất nông nghiệp (Mã
TTHC: 1.013947)

Số lượng hồ sơ đã
hỗ trợ/Tổng số hồ
sơ
1.732/2.090
(82,9%)

3. Mô hình “Hồ sơ không bản giấy”
"""


def test_plain_text_column_headers_printed_before_the_row_numbers():
    # Lâm Đồng 181/BC-SNV as plain pdftotext: `TT`, `Địa phương`, `Lĩnh vực`, then the numbers and columns
    (table,) = _doc("Biểu 5\n\n" + HEADERS_FIRST).tables
    assert table.columns[:3] == ["TT", "Địa phương", "Lĩnh vực"]
    assert [(r.stt, r.label, [v for v in r.values if v is not None]) for r in table.rows] == [
        ("1", "Phường Bình Thuận", [12, 73, 82]), ("2", "Xã Hàm Liêm", [2, 8, 8])]


def test_plain_text_table_of_one_row_on_each_page():
    # the same report: a two-row table broken by a page, each part with its headers and one row; the share
    # in brackets on its own line ends the figure above it, the code `1.013980)` ends the wrapped label
    doc = _doc("Biểu 1\n\n" + ONE_ROW_PER_PAGE)
    rows = [(r.stt, r.label[:30]) for t in doc.tables for r in t.rows]
    assert rows == [("1", "Đăng ký biến động đối với trườ"), ("2", "Xác nhận tiếp tục sử dụng đất ")]
    assert "3. Mô hình" in doc.text


def test_cells_serialized_row_by_row_are_no_column_table():
    # Lâm Đồng's phụ lục VI as plain pdftotext: after the headers, each row's cells one per block
    from extractors.column_tables import find_column_tables

    text = "STT\n\nĐơn vị\n\nĐiểm\nchuẩn tối\nđa\n\nChỉ số\n\n1\n\nBan Quản lý các KCN\n\n6,00\n\n100,00%\n\n" \
           "2\n\nSở Công thương\n\n6,00\n\n83,33%\n"
    assert find_column_tables(text.split("\n")) == []


def test_numbered_lines_without_columns_after_them_are_no_table():
    text = "STT\n1\n2\n\nMột đoạn văn bản bình thường nói về nội dung của kế hoạch năm nay và các năm tiếp theo.\n"
    assert _doc(text).tables == []


def test_cong_van_subject_and_recipients_through_ocr_specks():
    # Cục Thông tin cơ sở's 443/TTCS-TTTH (a scan): `V/v` read `Vé ˆv`, a seal speck under `Nơi nhận:`.
    text = ("CỤC THÔNG TIN CƠ SỞ\nSố: 443/TTCS-TTTH\nVé ˆv cung cấp tài liệu tuyên truyền về một\n"
            "số biện pháp khẩn cấp\nHà Nội, ngày 03 tháng 6 năm 2019\nKính gửi: Sở Thông tin và Truyền thông\n"
            "Thực hiện Thông báo số 192/TB-VPCP ngày 17/5/2019 của Văn phòng Chính phủ, Cục Thông tin cơ sở "
            "cung cấp tài liệu tuyên truyền.\nTrân trọng./.\nNơi nhận:\nPP -NNNNN\n"
            "- Bộ Nông nghiệp và Phát triển nông thôn;\n- Lưu: VT, BH.\n")
    h = _doc(text).header
    assert h.title == "Cung cấp tài liệu tuyên truyền về một số biện pháp khẩn cấp"
    assert h.recipients == ["Bộ Nông nghiệp và Phát triển nông thôn", "Lưu: VT, BH"]


def test_inferred_issuer_says_where_it_was_read():
    text = ("Phụ lục\nBẢNG GIÁ TÍNH THUẾ TÀI NGUYÊN\n(Ban hành kèm theo Quyết định số 66/2021/QĐ-UBND ngày 24/12/2021\n"
            "của Ủy ban nhân dân tỉnh An Giang)\nI. Khoáng sản kim loại\n")
    doc = _doc(text)
    where = doc.header.provenance["issuing_body"]
    assert "Ủy ban nhân dân tỉnh An Giang" in text[where.start : where.end]
    assert next(w for w in doc.warnings if w.code == "issuing_body_inferred").span == where


def test_council_of_a_department_and_its_chair_signing_under_another_post():
    """`pdftotext -layout` of Đồng Tháp 355/BC-HĐXTH: a council under the Sở is named after it; its chair
    signs with his own post on two lines, the second of which (`ĐÀO TẠO`) is no name."""
    text = ("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "         ĐỒNG THÁP                 Độc lập - Tự do - Hạnh phúc\n"
            " HỘI ĐỒNG XÉT THĂNG HẠNG        Đồng Tháp, ngày 13 tháng 4 năm 2026\n"
            "  CDNN VIÊN CHỨC NĂM 2025\n\n      Số: 355 /BC-HĐXTH\n"
            "                                   BÁO CÁO\n"
            "  Kết quả thẩm định kỳ xét thăng hạng chức danh nghề nghiệp viên chức năm 2025\n\n"
            "        Căn cứ Nghị định số 115/2020/NĐ-CP ngày 25/9/2020 của Chính phủ;\n"
            "        Hội đồng báo cáo kết quả./.\n"
            "Nơi nhận:                                        TM. HỘI ĐỒNG\n"
            "- Như trên;                                        CHỦ TỊCH\n"
            "- Lưu: VT, HĐXTH (V3b).\n\n\n"
            "                                          GIÁM ĐỐC SỞ GIÁO DỤC VÀ\n"
            "                                                 ĐÀO TẠO\n"
            "                                                Lê Quang Trí\n")
    h = _doc(text).header
    assert h.issuing_body == ("Hội đồng xét thăng hạng CDNN viên chức năm 2025 Sở Giáo dục và Đào tạo "
                              "tỉnh Đồng Tháp")
    assert [(s.name, s.position) for s in h.signers] == [("Lê Quang Trí", "Chủ tịch")]


def test_flattened_table_ends_at_the_next_sections_heading():
    # plain pdftotext, one cell per line: the last row is followed by `5. Mô hình …`, not by more cells
    from extractors.flat_tables import find_tables, items_of

    lines = ["1", "Phường Bình Thuận", "Việc làm", "12", "73", "2", "Xã Hàm Liêm", "Người có công", "2", "8",
             "3", "Xã Tuy Phong", "4", "9",  # its field left blank: one cell short
             "5. Mô hình “Hồ sơ phi địa giới hành chính” đối với các TTHC thuộc", "thẩm quyền giải quyết của Sở Nội vụ"]
    (table,) = find_tables(items_of(lines))
    assert table.rows[-1] == ["3", "Xã Tuy Phong", "", "4", "9"]
    assert table.end == 14


# pdftotext -layout of Đắk Nông's Sở Tài chính appendix (2019), signed: the signing stamp's box stands
# beside the heading, in a column of its own; the STT column is printed one space from the labels.
SIGNED_APPENDIX = """\
                       Người ký: Sở
                       Tài chính
                       Email:                                                               Phụ lục I
                       stc@daknong.g
                       ov.vn                        BÁO CÁO THỰC HIỆN VAY VÀ TRẢ NỢ ĐỊNH KỲ
                       Cơ quan: Tỉnh
                       Đắk Nông
                       Thời gian ký:                                     Kỳ báo cáo: Năm 2018
                       20.05.2019      (Kèm theo Công văn số 1064/STC-QLNS ngày 20/5/2019 của Sở Tài chính Đắk Nông)
                       09:20:18 +07:00
                                                                                          Đơn vị tính: Triệu đồng
                                                           Dư nợ          Vay trong           Trả nợ
TT                             Chỉ tiêu                                                                    Dư nợ cuối kỳ
                                                           đầu kỳ            kỳ                Gốc
    a                             b                           1                2                 3               4
I           Phát hành trái phiếu chính quyền địa phương

III Vay các tổ chức tài chính, tín dụng                    161.773            -              89.523           72.250

        1 Vay Ngân hàng phát triển Việt Nam                  161.773                           89.523           72.250
        2 Vay Ngân hàng thương mại…

IV Vay lại nguồn vốn vay nước ngoài                               -         2.166              -             2.166
"""


def test_signing_stamp_beside_a_layout_heading_is_lines_of_its_own():
    doc = _doc(SIGNED_APPENDIX)
    assert doc.header.issuing_body == "Sở Tài chính Đắk Nông"  # named by the attachment line, not the stamp
    assert doc.header.title.startswith("Thực hiện vay và trả nợ")
    lines = build_layout(SIGNED_APPENDIX).lines
    assert [ln.text for ln in lines[:3]] == ["Người ký: Sở", "Tài chính", "Email:"]
    assert lines[0].source_line == 1 and SIGNED_APPENDIX[lines[2].start:lines[2].end] == "Email:"


def test_fixed_width_row_numbers_one_space_from_their_labels():
    (table,) = _doc(SIGNED_APPENDIX).tables
    rows = [(r.stt, r.label, [v for v in r.values if v is not None]) for r in table.rows]
    assert rows == [("I", "Phát hành trái phiếu chính quyền địa phương", []),
                    ("III", "Vay các tổ chức tài chính, tín dụng", [161773, 89523, 72250]),
                    ("1", "Vay Ngân hàng phát triển Việt Nam", [161773, 89523, 72250]),
                    ("2", "Vay Ngân hàng thương mại…", []),
                    ("IV", "Vay lại nguồn vốn vay nước ngoài", [2166, 2166])]


def test_pandoc_markdown_escapes_and_hard_breaks():
    """Nghị quyết 60-NQ/TW as Markdown converted from Word: a backslash ends the header's lines, and
    `\\-` escapes the dash that starts a paragraph."""
    from extractors.layout import clean_inline

    assert clean_inline("    **BAN CHẤP HÀNH TRUNG ƯƠNG\\") == "BAN CHẤP HÀNH TRUNG ƯƠNG"
    assert clean_inline("\\- Báo cáo chính trị của Ban Chấp hành") == "- Báo cáo chính trị của Ban Chấp hành"


# pdftotext -layout of Vĩnh Long's price appendix (16/2024/QĐ-UBND): rows without a number (`Tổng cộng`,
# `Nội nghiệp` under a numbered task) hold the figures; figures of adjacent columns print one space apart,
# drift a few characters from line to line, and one follows its label after a single space.
PRICE_APPENDIX = """\
                                                                        Đơn vị tính: đồng
        Nội dung            Chi phí      Chi phí     Chi phí trực tiếp           Đơn giá
STT                          nhân        dụng cụ
        công việc            công                  Không có    Có chi       Không có     Có chi
       Tổng cộng      26.478.495      333.055 27.691.083 28.058.011       32.179.360 32.610.568
       Nội nghiệp 19.983.915          286.539 20.998.787 21.180.915       24.148.605 24.358.053
 1    Công tác chuẩn bị
      Tổng             1.703.160       24.384   1.789.525 1.805.024          2.057.954   2.075.778
       Ngoại nghiệp              -            -          -            -           -              -
 2     Điều tra, tổng hợp, phân tích thông tin về thửa đất, giá đất thị trường
      Tổng            12.447.945      131.933 12.948.194 13.187.286 15.225.038 15.509.234
"""


def test_fixed_width_rows_without_numbers_and_figures_one_space_apart():
    (table,) = _doc("Phụ lục I\n\n" + PRICE_APPENDIX).tables
    rows = [(r.stt, r.label, [v for v in r.values if v is not None]) for r in table.rows]
    assert rows == [
        ("", "Tổng cộng", [26478495, 333055, 27691083, 28058011, 32179360, 32610568]),
        ("", "Nội nghiệp", [19983915, 286539, 20998787, 21180915, 24148605, 24358053]),
        ("1", "Công tác chuẩn bị", []),
        ("", "Tổng", [1703160, 24384, 1789525, 1805024, 2057954, 2075778]),
        ("", "Ngoại nghiệp", []),
        ("2", "Điều tra, tổng hợp, phân tích thông tin về thửa đất, giá đất thị trường", []),
        ("", "Tổng", [12447945, 131933, 12948194, 13187286, 15225038, 15509234])]


def test_fixed_width_groups_and_items_numbered_in_two_columns():
    """Đắk Nông's appendix: `IV` at the margin, its items `1`, `2` indented, their labels wrapped around them."""
    text = SIGNED_APPENDIX + """\
          Dự án Sửa chữa và nâng cao an toàn đập (WB8)
        1                                                          14.027              -             966
          tỉnh Đắk Nông
"""
    (table,) = _doc(text).tables
    assert [(r.stt, r.label) for r in table.rows][-2:] == [
        ("IV", "Vay lại nguồn vốn vay nước ngoài"), ("1", "Dự án Sửa chữa và nâng cao an toàn đập (WB8) tỉnh Đắk Nông")]


def test_flattened_table_of_names_headed_by_stt():
    """Plain pdftotext of Đồng Tháp's plan 362/KH-SGDĐT, Phụ lục I: a list of schools, no figures, under `TT`."""
    cells = ["TT", "Tên đơn vị", "Cấp học", "1", "Trường TH Nguyễn Thị Tốt, xã Vĩnh Hựu", "Tiểu học",
             "2", "Trường TH An Thạnh 2, phường Hồng Ngự", "Tiểu học", "3", "Trường THCS An Thạnh, phường Hồng Ngự",
             "Trung học cơ sở", "4", "Trường THPT Tân Hồng", "Trung học phổ thông"]
    (table,) = _doc("Phụ lục I\n\n" + "\n\n".join(cells) + "\n\nDanh sách có 09 trường tham gia làm việc./.\n").tables
    assert [(r.stt, r.label) for r in table.rows] == [
        ("1", "Trường TH Nguyễn Thị Tốt, xã Vĩnh Hựu"), ("2", "Trường TH An Thạnh 2, phường Hồng Ngự"),
        ("3", "Trường THCS An Thạnh, phường Hồng Ngự"), ("4", "Trường THPT Tân Hồng")]


# pdftotext -layout of Thông tư 39/2026/TT-BTC as printed in the Công báo: the STT header wraps over two lines
# (`Số thứ` / `tự`), rows are lettered `a)`, a label wraps onto a line starting with `1.000`, and the header
# is printed again on the next page.
FEE_TABLE = """\
       1. Mức thu phí, lệ phí áp dụng tại cảng, bến thủy nội địa như sau:

Số thứ
                              Nội dung khoản thu                             Mức thu
  tự

   1     Phí trọng tải tàu, thuyền

  a)     Lượt vào (kể cả có tải, không tải)                                165 đồng/tấn

   2     Lệ phí ra, vào cảng, bến thủy nội địa

         Phương tiện chở hàng, đoàn lai có trọng tải toàn phần trên           40.000
  đ)
         1.000 tấn đến 1.500 tấn                                             đồng/chuyến
\f
Số thứ
                              Nội dung khoản thu                             Mức thu
  tự

  e)     Phương tiện chở hàng, đoàn lai có trọng tải toàn phần trên 1.500 tấn   50.000 đồng/chuyến

      2. Đối với tàu biển ra, vào cảng, bến thủy nội địa phải chịu phí, lệ phí theo quy định tại khoản 1.
"""


def test_fixed_width_header_wrapped_lettered_rows_and_header_repeated_on_the_next_page():
    (table,) = _doc("Điều 4. Mức thu phí, lệ phí\n\n" + FEE_TABLE).tables
    assert table.columns[0] == "Số thứ tự"
    rows = [(r.stt, r.label, [v for v in r.values if v is not None]) for r in table.rows]
    assert rows == [
        ("1", "Phí trọng tải tàu, thuyền", []), ("a", "Lượt vào (kể cả có tải, không tải)", [165]),
        ("2", "Lệ phí ra, vào cảng, bến thủy nội địa", []),
        ("đ", "Phương tiện chở hàng, đoàn lai có trọng tải toàn phần trên 1.000 tấn đến 1.500 tấn", [40000]),
        ("e", "Phương tiện chở hàng, đoàn lai có trọng tải toàn phần trên 1.500 tấn", [50000])]


def test_table_goes_on_past_the_footnotes_at_the_bottom_of_its_page():
    """Thông tư 148/2025/TT-BTC: each page of the norms table ends in footnotes; the next page has no header."""
    page1 = ("STT        Nhiệm vụ và hoạt động                                  Định mức      Sản phẩm\n"
             " 1.1       Xây dựng dự thảo thông tư (đơn vị chủ trì soạn thảo)   Tối đa 270    Dự thảo\n"
             " 1.2       Tổng hợp xây dựng dự toán kinh phí xây dựng thông tư   5             Dự toán\n"
             " 1.3       Phê duyệt, ký ban hành thông tư                        7             Thông tư\n\n"
             "3\n  Đơn vị chủ trì thẩm định chủ động sử dụng kinh phí thẩm định cho các hoạt động như thuê chuyên "
             "gia, tổ chức tư vấn.\n")
    page2 = (" 1.4       Phối hợp tham gia ý kiến xây dựng dự thảo thông tư     3/thành viên  Văn bản\n"
             " 1.5       Rà soát báo cáo lãnh đạo Bộ về hồ sơ dự thảo           2             Phiếu trình\n"
             " 1.6       Rà soát hồ sơ, trình Ban Thường vụ Đảng ủy             2             Phiếu trình\n")
    (table,) = _doc("Phụ lục\n\n" + page1 + "\f" + page2).tables
    assert [(r.stt, [v for v in r.values if v is not None]) for r in table.rows] == [
        ("1.1", [270]), ("1.2", [5]), ("1.3", [7]), ("1.4", [3]), ("1.5", [2]), ("1.6", [2])]


def test_flattened_fee_table_of_amounts_with_their_units():
    """Plain pdftotext of Thông tư 56/2026/TT-BTC: the `Số TT` header ran into the paragraph above it, and
    each fee is an amount with its unit (`50 triệu đồng`, `01 tỷ đồng`)."""
    cells = ["1", "Dưới 20 tỷ đồng", "50 triệu đồng", "2", "Từ 20 tỷ đồng đến dưới 50 tỷ đồng", "250 triệu đồng",
             "3", "Từ 50 tỷ đồng đến dưới 100 tỷ đồng", "400 triệu đồng", "4", "Từ 500 tỷ đồng đến dưới 1.000 tỷ đồng",
             "01 tỷ đồng"]
    text = "Điều 1. Mức thu phí như sau:\nSố TT\n\nMức doanh thu\n\nMức thu (năm)\n\n" + "\n\n".join(cells) + "\n"
    (table,) = _doc(text).tables
    assert [(r.stt, [v for v in r.values if v is not None]) for r in table.rows] == [
        ("1", [50]), ("2", [250]), ("3", [400]), ("4", [1])]


def test_flattened_table_with_group_numbers_glued_to_their_labels():
    """Plain pdftotext of Sở Tài chính Hậu Giang's price report (2024): `I. Hàng ăn …` then its figures; a
    numbered heading with no figure next to it (`4. Mô hình …`) ends the table."""
    cells = ["NHÓM HÀNG", "So với kỳ gốc 2019", "Tháng 12 năm 2023", "I. Hàng ăn và dịch vụ ăn uống", "122,62",
             "99,64", "1. Lương thực", "151,21", "101,04", "2. Thực phẩm", "117,52", "99,16", "II. Đồ uống và thuốc lá",
             "110,55", "100,00", "4. Mô hình “Hồ sơ không hẹn”",
             "Trong thời gian thí điểm, Văn phòng Đăng ký đất đai đã giải quyết 20.316 hồ sơ."]
    (table,) = _doc("Báo cáo giá\n\n" + "\n\n".join(cells) + "\n").tables
    assert [(r.stt, r.label, [v for v in r.values if v is not None]) for r in table.rows] == [
        ("I", "Hàng ăn và dịch vụ ăn uống", [122.62, 99.64]), ("1", "Lương thực", [151.21, 101.04]),
        ("2", "Thực phẩm", [117.52, 99.16]), ("II", "Đồ uống và thuốc lá", [110.55, 100.0])]


def test_running_heads_and_page_numbers_of_a_gazette_text_are_dropped():
    # plain pdftotext of Thông tư 148/2025/TT-BTC as Công báo printed it: its running head and its page
    # number at the top of every page; a table row number at a page's edge stays
    from extractors.layout import split_lines
    from extractors.page_furniture import page_furniture

    pages = ["BỘ TÀI CHÍNH\n\nSố: 148/2025/TT-BTC\n\nĐiều 1. Phạm vi điều chỉnh\n"]
    for n in range(60, 64):
        pages.append(f"CÔNG BÁO/Số 59/Ngày 27-01-2026\n\n{n}\n\n1.{n - 59}\n\nRà soát hồ sơ dự thảo thông tư\n\n5\n")
    lines = split_lines("\f".join(pages))
    dropped = {lines[i].raw for i in page_furniture(lines)}
    assert dropped == {"CÔNG BÁO/Số 59/Ngày 27-01-2026", "60", "61", "62", "63"}


def test_a_table_header_repeated_at_each_page_top_is_no_running_head():
    from extractors.layout import split_lines
    from extractors.page_furniture import page_furniture

    page = "STT\n\nChỉ số\n\n1\n\nCải cách thể chế\n\n2,5\n"
    lines = split_lines("\f".join([page] * 5))
    assert not page_furniture(lines)


def test_flattened_table_goes_on_past_a_row_the_page_break_scattered():
    # plain pdftotext of Thông tư 148/2025/TT-BTC: rows with and without a figure; at the page's foot the
    # values of rows above (`Tối đa 350`) and a footnote land after row 1.3.3, and a figure (`5`) lands
    # before a label; the numbering (1.3.3 → 1.4) says where the rows go on
    from extractors.flat_tables import find_tables, items_of

    lines = ["STT", "", "Nhiệm vụ và hoạt động", "", "Định mức", "", "I", "", "Mức chi cho xây dựng thông tư", "",
             "1", "", "Soạn thảo, ban hành thông tư", "", "1.1", "", "Bộ trưởng", "", "7", "",
             "1.2", "", "Thứ trưởng phụ trách", "", "7", "", "1.3", "", "Các thành viên Ban Thường vụ", "",
             "Sản phẩm", "", "Tối đa 350", "", "Thông tư đã được ký ban hành.", "", "1.4", "",
             "Phối hợp tham gia ý kiến", "", "Từ 1 đến 5", "", "1.5", "", "Rà soát báo cáo lãnh đạo Bộ", "",
             "5", "", "Phiếu trình Bộ", "", "1.6", "", "Rà soát hồ sơ", "", "5", ""]
    (table,) = find_tables(items_of(lines))
    assert [r[0] for r in table.rows] == ["STT", "I", "1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    assert table.rows[5][1].startswith("Các thành viên Ban Thường vụ")
    assert table.rows[8] == ["1.6", "Rà soát hồ sơ", "5"]


def test_numbers_that_follow_one_another_in_a_table():
    from extractors.numbering import follows

    assert follows("1.2", "1.2.1") and follows("1.2.1", "1.2.2") and follows("1.2.2", "1.3")
    assert follows("1.3.3", "2") and follows("1.6", "II") and follows("II", "1")
    assert not follows("1.6", "5") and not follows("1.2.1", "42") and not follows("II", "3")


# pdftotext -layout of Thông tư 30/2026/TT-BTC, its fee schedule: the `Số` / `TT` header wrapped around the
# column name, and a group's label as wide as a line of prose right under it (its letter on the next line)
FEE_SCHEDULE = """\
Số                                                                Mức thu
                    Nội dung công việc thu phí
TT                                                                (đồng)
    Thẩm định cấp giấy phép hoạt động điện lực do Bộ Công Thương phân
A
    cấp cho Cục Điện lực thực hiện
 I Lĩnh vực phát điện
1.1 Công suất đặt dưới 10 MW                                     10.600.000
1.2 Công suất đặt từ 10 MW đến dưới 30 MW                         15.000.000
"""


def test_fixed_width_table_whose_first_label_is_as_wide_as_prose():
    from extractors.fixed_width import table_regions

    lines = FEE_SCHEDULE.splitlines()
    (region,) = table_regions(lines)
    assert (region.start, region.stop) == (0, len(lines))


def test_table_continued_under_a_label_wrapped_above_its_number():
    # the fee schedule's second page: the header printed again, then the first row's label begun above its
    # number; one table, not two
    page2 = """\
Số                                                                Mức thu
                    Nội dung công việc thu phí
TT                                                                (đồng)
     Điện năng thương phẩm tiêu thụ từ 10 GWh/tháng đến dưới 50
2                                                               12.500.000
     GWh/tháng
3    Điện năng thương phẩm tiêu thụ từ 50 GWh/tháng trở lên     16.700.000
     Thẩm định cấp giấy phép hoạt động điện lực do Ủy ban nhân dân cấp tỉnh
B
     thực hiện
1    Lĩnh vực phát điện                                         2.100.000
2    Lĩnh vực phân phối điện                                      800.000
"""
    tables = _doc("Biểu mức thu phí\n\n" + FEE_SCHEDULE + "\f" + page2).tables
    assert len(tables) == 1
    assert [r.stt for r in tables[0].rows][-5:] == ["2", "3", "B", "1", "2"]
