"""Header metadata: số/ký hiệu, type line, agencies, place and date, decoys, title, signers, recipients, bases."""

from __future__ import annotations

import pytest

from extractors.doc_types import parse_doc_number
from extractors.header import extract_header
from extractors.layout import Line, build_layout
from extractors.references import extract_references

UBND_BAC_KAN = "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN"
DATE_BAC_KAN = "Bắc Kạn, ngày 16 tháng 5 năm 2016"
STAMP = "PHÒNG KINH TẾ VÀ HẠ TẦNG\n\n{word} Số: 2115\nNgày: 07/4/2022\nChuyển:\nLưu hồ sơ số:\n\n"


def header_of(text: str):
    return extract_header(build_layout(text))


def codes(result) -> list[str]:
    return [w.code for w in result.warnings]


def doc(number: str, type_line: str = "KẾ HOẠCH", agency: str = UBND_BAC_KAN, date: str = DATE_BAC_KAN,
        title: str = "Phát triển khoa học và công nghệ năm 2023", body: str = "") -> str:
    """A page-1 header in the order OCR usually serializes it, then the body."""
    return f"{agency}\n\n{number}\n\n{date}\n\n{type_line}\n\n{title}\n\n{body}"


def line_no(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


# ── số / ký hiệu ────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("agency", "number_line", "type_line", "number", "symbol", "reference", "doc_type", "code"),
    [
        (UBND_BAC_KAN, "Số: 684/QĐ-UBND", "QUYẾT ĐỊNH", "684", "QĐ-UBND", "684/QĐ-UBND", "Quyết định", "QĐ"),
        (UBND_BAC_KAN, "Số: 23 /KH-UBND", "KẾ HOẠCH", "23", "KH-UBND", "23/KH-UBND", "Kế hoạch", "KH"),
        (UBND_BAC_KAN, "Số: 52 /KH-SKHCN-UBND", "KẾ HOẠCH", "52", "KH-SKHCN-UBND", "52/KH-SKHCN-UBND",
         "Kế hoạch", "KH"),
        ("TỈNH UỶ CAO BẰNG\n\n*", "Số 34-CTr/TU", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "34", "CTr/TU", "34-CTr/TU",
         "Chương trình", "CTr"),
        ("HỘI ĐỒNG NHÂN DÂN\nTỈNH CAO BẰNG", "Số: 09/2009/NQ-HĐND", "NGHỊ QUYẾT", "09", "NQ-HĐND",
         "09/2009/NQ-HĐND", "Nghị quyết", "NQ"),
    ],
)
def test_number_symbol_reference_and_type(agency, number_line, type_line, number, symbol, reference, doc_type, code):
    h = header_of(doc(number_line, type_line, agency)).header
    assert (h.number, h.symbol, h.reference) == (number, symbol, reference)
    assert (h.doc_type, h.doc_type_code) == (doc_type, code)


def test_cong_van_has_no_type_part_and_a_vv_title():
    text = ("BỘ NỘI VỤ\n\nSố: 8151/BNV-CCHC\nV/v hướng dẫn xác định Chỉ số cải cách hành chính\n\n"
            "Hà Nội, ngày 30 tháng 12 năm 2022\n\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố\n")
    h = header_of(text).header
    assert (h.reference, h.symbol) == ("8151/BNV-CCHC", "BNV-CCHC")
    assert (h.doc_type, h.doc_type_code) == ("Công văn", "CV")
    assert h.title.lower().endswith("hướng dẫn xác định chỉ số cải cách hành chính")
    assert not h.title.startswith("V/v")


def test_cong_van_whose_symbol_starts_with_an_agency_code():
    """Cục Thuế Quảng Ninh (2015): `1802/CT-THNVDT` begins with the agency's code, not the type Chỉ thị."""
    h = header_of(doc("Số: 1802/CT-THNVDT\nV/v hướng dẫn quyết toán thuế", type_line="", title="",
                      body="Kính gửi: Các Chi cục Thuế\n")).header
    assert (h.doc_type_code, h.title) == ("CV", "Hướng dẫn quyết toán thuế")


def test_number_line_read_by_ocr_as_so_with_a_circumflex():
    h = header_of(doc("mơ Sô:40/HCCV", type_line="", title="", body="Kính gửi: Sở Tư pháp tỉnh Lâm Đồng\n")).header
    assert (h.number, h.symbol, h.doc_type_code) == ("40", "HCCV", "CV")


def test_cong_van_subject_read_by_ocr_as_v_x():
    h = header_of(doc("Số: 651/SLĐTBXH-VP\nV/x thực hiện đầy đủ pháp luật tố tụng hành chính", type_line="",
                      title="", body="Kính gửi: Phòng Chuyên môn\n")).header
    assert h.title == "Thực hiện đầy đủ pháp luật tố tụng hành chính"


def test_cong_van_title_is_sentence_case():
    text = ("BỘ NỘI VỤ\n\nSố: 8151/BNV-CCHC\nV/v hướng dẫn xác định Chỉ số cải cách hành chính\n\n"
            "Hà Nội, ngày 30 tháng 12 năm 2022\n")
    assert header_of(text).header.title[0].isupper()


def test_blank_number_keeps_symbol_and_warns():
    result = header_of(doc("Số:    /KH-UBND"))
    h = result.header
    assert (h.number, h.reference, h.symbol) == (None, None, "KH-UBND")
    assert "number_blank" in codes(result)


@pytest.mark.parametrize(
    ("text", "number", "year", "symbol", "reference"),
    [
        ("684/QĐ-UBND", "684", None, "QĐ-UBND", "684/QĐ-UBND"),
        ("23 /KH-UBND", "23", None, "KH-UBND", "23/KH-UBND"),
        ("52 /KH-SKHCN-UBND", "52", None, "KH-SKHCN-UBND", "52/KH-SKHCN-UBND"),
        ("34-CTr/TU", "34", None, "CTr/TU", "34-CTr/TU"),
        ("09/2009/NQ-HĐND", "09", "2009", "NQ-HĐND", "09/2009/NQ-HĐND"),
        ("20/2015/NĐ-CP", "20", "2015", "NĐ-CP", "20/2015/NĐ-CP"),
        ("8151/BNV-CCHC", "8151", None, "BNV-CCHC", "8151/BNV-CCHC"),
        ("    /KH-UBND", None, None, "KH-UBND", None),
    ],
)
def test_parse_doc_number(text, number, year, symbol, reference):
    n = parse_doc_number(text)
    assert (n.number, n.year, n.symbol, n.reference) == (number, year, symbol, reference)


@pytest.mark.parametrize("text", ["16/5/2016", "2019-2020", "giai đoạn 2019-2020"])
def test_dates_and_periods_are_not_numbers(text):
    assert parse_doc_number(text) is None


# ── type line ───────────────────────────────────────────────────────────────────────────────

QD_BODY = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\n"
           "Căn cứ Luật Khoa học và Công nghệ ngày 18/6/2013;\n\nQUYẾT ĐỊNH:\n\n"
           "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động.\n\n"
           "Điều 2. Giao Sở Khoa học và Công nghệ chủ trì thực hiện.\n")


def test_enacting_formula_after_can_cu_is_not_the_type_line():
    text = doc("Số: 684/QĐ-UBND", "QUYẾT ĐỊNH", title="Về việc ban hành Kế hoạch hành động", body=QD_BODY)
    result = header_of(text)
    assert result.header.provenance["doc_type"].line == line_no(text, "QUYẾT ĐỊNH")
    assert result.title_end < line_no(text, "QUYẾT ĐỊNH:")
    assert result.header.title == "Về việc ban hành Kế hoạch hành động"
    assert len(result.header.legal_bases) == 2


def test_enacting_formula_is_not_taken_when_the_type_line_is_missing():
    text = f"{UBND_BAC_KAN}\n\nSố: 684/QĐ-UBND\n\n{DATE_BAC_KAN}\n\n{QD_BODY}"
    result = header_of(text)
    assert result.header.doc_type_code == "QĐ"  # from the symbol
    assert result.title_end != line_no(text, "QUYẾT ĐỊNH:")
    assert "Điều 1" not in (result.header.title or "")


def test_legal_bases_found_when_the_type_line_is_missing():
    text = f"{UBND_BAC_KAN}\n\nSố: 684/QĐ-UBND\n\n{DATE_BAC_KAN}\n\n{QD_BODY}"
    assert len(header_of(text).header.legal_bases) == 2


# ── agency block ────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("agency", "number_line", "issuing", "parent"),
    [
        (UBND_BAC_KAN, "Số: 684/QĐ-UBND", "Ủy ban nhân dân tỉnh Bắc Kạn", None),
        ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
         "---------------", "Số: 684/QĐ-UBND", "Ủy ban nhân dân tỉnh Bắc Kạn", None),
        ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC KẠN Độc lập - Tự do - Hạnh phúc",
         "Số: 684/QĐ-UBND", "Ủy ban nhân dân tỉnh Bắc Kạn", None),
        ("TỈNH UỶ CAO BẰNG\n\n*", "Số 34-CTr/TU", "Tỉnh ủy Cao Bằng", None),
        ("UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ", "Số: 125/KH-SNV", "Sở Nội vụ", "Ủy ban nhân dân tỉnh Lâm Đồng"),
        # An Phú (An Giang): the office's name has a dash, not the `và` of other districts' offices
        ("UBND HUYỆN AN PHÚ\nPHÒNG KINH TẾ - HẠ TẦNG", "Số: 169/TTr-PKTHT", "Phòng Kinh tế - Hạ tầng",
         "Ủy ban nhân dân huyện An Phú"),
    ],
)
def test_agency_block(agency, number_line, issuing, parent):
    h = header_of(doc(number_line, agency=agency)).header
    assert h.issuing_body.startswith(issuing)
    assert h.parent_body == parent


@pytest.mark.parametrize(
    ("agency", "issuing", "parent"),
    [
        # OCR of real scans: the head lost its hook, the province its marks (Sở Tài chính Đắk Nông, 2019)
        ("UBND TÍNH ĐĂK NÓNG\nSƠ TÀI CHÍNH", "Sở Tài chính tỉnh Đắk Nông", "Ủy ban nhân dân tỉnh Đắk Nông"),
        ("BỘ CÔNG THƯƠNG\nTRƯỜNG ĐẠI HỌC CÔNG THƯƠNG\nTHÀNH PHỐ HỖ CHÍ MINH",
         "Trường Đại học Công Thương thành phố Hồ Chí Minh", "Bộ Công Thương"),
        # other engines' OCR joins the agency block into one line: the parent with its place, then the unit
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ QUY HOẠCH - KIẾN TRÚC",
         "Sở Quy hoạch - Kiến trúc thành phố Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
        ("HỘI ĐỒNG NHÂN DÂN TỈNH THANH HÓA BAN PHÁP CHẾ", "Ban Pháp chế tỉnh Thanh Hóa",
         "Hội đồng nhân dân tỉnh Thanh Hóa"),
    ],
)
def test_agency_names_read_by_ocr(agency, issuing, parent):
    h = header_of(doc("Số: 113/BC-STC", agency=agency)).header
    assert (h.issuing_body.lower(), h.parent_body) == (issuing.lower(), parent)


@pytest.mark.parametrize(
    ("agency", "issuing"),
    [
        # an organ is named after its organisation: a commune's Front after the 2025 merger (Quảng Ninh, 2025)
        ("ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC",
         "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"),
        # an election committee's sub-committee (Tuyên Quang, 2025)
        ("ỦY BAN BẦU CỬ XÃ PHỐ BẢNG\nTIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT",
         "Tiểu ban Thông tin, tuyên truyền, khánh tiết Ủy ban bầu cử xã Phố Bảng"),
        # a branch of a national system is a body of its own, not its parent's name run on (Hà Nội, 2020)
        ("BẢO HIỂM XÃ HỘI VIỆT NAM\nBẢO HIỂM XÃ HỘI THÀNH PHỐ HÀ NỘI", "Bảo hiểm xã hội thành phố Hà Nội"),
        # a contest's organising board is no organ of its steering committee (Sơn La, 2023)
        ("BCĐ CHUYỂN ĐỔI SỐ\nBAN TỔ CHỨC CUỘC THI", "Ban Tổ chức Cuộc thi"),
        # the provincial tax offices of July 2025 under Cục Thuế
        ("CỤC THUẾ\nTHUẾ TỈNH QUẢNG NINH", "Thuế tỉnh Quảng Ninh"),
        # `PHÒNG,` before a comma is no department: a steering committee's name goes on (Hà Nội, 2020, OCR)
        ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n: BẠN CHỈ ĐẠO CÔNG TÁC\nPHÒNG, CHỐNG DỊCH:BỆNH\n"
         "COVID-19, THÀNH PHỐ HÀ NỘI",
         "Ban Chỉ đạo công tác phòng, chống dịch bệnh COVID-19, thành phố Hà Nội"),
    ],
)
def test_issuer_under_an_organisation(agency, issuing):
    h = header_of(doc("Số: 16/KH-MTTQ-BTT", agency=agency)).header
    assert h.issuing_body.lower() == issuing.lower()


@pytest.mark.parametrize(("line", "place"), [
    # another engine's OCR merges the number and the place-date columns into one line
    ("Số: 1864 /CT-TTHT Thanh Hóa, ngày 13 tháng 04 năm 2021", "Thanh Hóa"),
    ("Số: 2967 /VPCP- KTTH Hà Nội, ngày 29 tháng 3 năm 2018", "Hà Nội"),
    # a province's name with marks lost is the province's
    ("Số: 1734/BHXH-QLT TP. Hồ Chi Minh, ngày 16 tháng 8 năm 2017", "TP. Hồ Chí Minh"),
])
def test_place_after_a_merged_number(line, place):
    h = header_of(f"{UBND_BAC_KAN}\n{line}\n\nV/v hướng dẫn thu bảo hiểm xã hội\n\nKính gửi: Các đơn vị.\n").header
    assert h.place == place


def test_place_kept_when_the_day_is_handwritten_and_the_year_word_lost():
    """UBND Quảng Bình (2022), OCR: `Quảng Bình, ngày ,Ø// tháng` / `2022` (the `năm` lost, the day written)."""
    h = header_of(doc("Số: 2871/QĐ-UBND", date="Quảng Bình, ngày ,Ø// tháng\n2022")).header
    assert (h.place, h.issued_year, h.issued_date) == ("Quảng Bình", 2022, None)


def test_agency_block_ends_where_ordinary_text_begins():
    """Cục An toàn thực phẩm (2018), a scanned record with no number: its form's capitals further down
    (`NỘI DUNG XÉT`) are no part of the agency's name."""
    text = ("BỘ Y TẾ\nCỤC AN TOÀN THỰC PHẨM\n\nBIÊN BẢN THẨM XÉT HỒ SƠ ĐĂNG KÝ BẢN CÔNG BỐ SẢN PHẨM\n"
            "Ngày nộp hồ sơ: 12/3/2018\nTên tổ chức, cá nhân: Công ty TNHH An Bình\nNỘI DUNG XÉT\n"
            "1. Về pháp chế: hồ sơ đầy đủ.\n")
    h = header_of(text).header
    assert (h.issuing_body, h.parent_body) == ("Cục An toàn thực phẩm", "Bộ Y tế")


def test_agency_marks_restored_with_a_warning():
    result = header_of(doc("Số: 113/BC-STC", agency="UBND TÍNH ĐĂK NÓNG\nSƠ TÀI CHÍNH"))
    assert "agency_marks_restored" in codes(result)
    clean = header_of(doc("Số: 125/KH-SNV", agency="UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ"))
    assert "agency_marks_restored" not in codes(clean)


def test_party_cell_under_its_party_committee_with_a_handwritten_number():
    """A chi bộ's giấy mời (Đắk Lắk, 2025): `Số: 01- GM/CBIOC` with the 01 written by hand (OCR: `O4`)."""
    agency = "ĐẢNG BỘ SỞ KHOA HỌC VÀ CÔNG NGHỆ\nCHI BỘ TRUNG TÂM\nĐIỀU HÀNH ĐÔ THỊ THÔNG MINH\n*"
    h = header_of(doc("Sô: O4- GM/CBIOC", "GIẤY MỜI", agency=agency, title="Dự Lễ kết nạp Đảng viên")).header
    assert (h.issuing_body.lower(), h.parent_body) == ("chi bộ trung tâm điều hành đô thị thông minh",
                                                       "Đảng bộ Sở Khoa học và Công nghệ")
    assert (h.number, h.symbol, h.doc_type_code) == (None, "GM/CBIOC", "GM")


def test_party_department_is_named_after_its_committee():
    h = header_of(doc("Số 21-HD/BTCTU", "HƯỚNG DẪN", agency="THÀNH ỦY HÀ NỘI\nBAN TỔ CHỨC\n*")).header
    assert (h.issuing_body, h.parent_body) == ("Ban Tổ chức Thành ủy Hà Nội", "Thành ủy Hà Nội")


def test_board_of_a_fund_is_named_after_the_fund():
    h = header_of(doc("Số: 01/NQ-HĐQL", "NGHỊ QUYẾT",
                      agency="QUỸ CƠ HỘI CHO PHỤ NỮ LÀM\nKINH TẾ TỈNH ĐẮK NÔNG\nHỘI ĐỒNG QUẢN LÝ")).header
    assert h.issuing_body == "Hội đồng quản lý Quỹ cơ hội cho phụ nữ làm kinh tế tỉnh Đắk Nông"


def test_department_takes_the_place_of_its_parent():
    h = header_of(doc("Số: 125/KH-SNV", agency="UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ")).header
    assert h.issuing_body == "Sở Nội vụ tỉnh Lâm Đồng"


# ── place and date ──────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("date_line", "place", "iso", "year"),
    [
        ("Bắc Kạn, ngày 16 tháng 5 năm 2016", "Bắc Kạn", "2016-05-16", 2016),
        ("TP. Cao Bằng, ngày 30 tháng 01 năm 2019", "TP. Cao Bằng", "2019-01-30", 2019),
        ("Cao Bằng, ngày 06 tháng 3 năm 2013", "Cao Bằng", "2013-03-06", 2013),
        ("Bắc Kạn, ngày 05 tháng 02 năm 2023", "Bắc Kạn", "2023-02-05", 2023),
        ("Bắc Kạn, ngày 16 tháng 5\nnăm 2016", "Bắc Kạn", "2016-05-16", 2016),
    ],
)
def test_place_and_date(date_line, place, iso, year):
    h = header_of(doc("Số: 684/QĐ-UBND", "QUYẾT ĐỊNH", date=date_line)).header
    assert (h.place, h.issued_date, h.issued_year) == (place, iso, year)


@pytest.mark.parametrize(("stamp", "date"), [("Thời gian ký: 28/08/2026 08:51:03", "2026-08-28"),
                                             ("Thời gian ký: 2026-08-28T08:51:03+07:00", "2026-08-28"),
                                             ("Thời gian ký: 28/09/2026 08:51:03", None)])
def test_blank_day_taken_from_the_signing_stamp(stamp, date):
    """A digitally signed report: `ngày   tháng 8 năm 2026` in the body, the day only in the stamp; a stamp
    of another month is another copy's."""
    h = header_of(doc("Số:    /BC-SNNMT", "BÁO CÁO", date="Lâm Đồng, ngày    tháng 8 năm 2026",
                      body=f"I. KẾT QUẢ\n\nĐạt.\n\nKý bởi: Sở Nông nghiệp và Môi trường\n{stamp}\n")).header
    assert (h.issued_year, h.issued_date) == (2026, date)


def test_blank_day_and_month_keep_only_the_year_and_warn():
    result = header_of(doc("Số:    /KH-UBND", date="Huyện Dương Minh Châu, ngày tháng năm 2022"))
    h = result.header
    assert (h.place, h.issued_date, h.issued_year) == ("Huyện Dương Minh Châu", None, 2022)
    assert "date_incomplete" in codes(result)


# ── decoys: receipt stamp, cited documents, web metadata ────────────────────────────────────


@pytest.mark.parametrize("word", ["ĐẾN", "ĐIỀN"])
def test_receipt_stamp_after_the_real_number_and_date(word):
    text = ("Số: 52 /KH-SKHCN-UBND\n\nĐồng Tháp, ngày 25 tháng 3 năm 2022\n\n" + STAMP.format(word=word)
            + "KẾ HOẠCH\n\nPhối hợp giữa Sở Khoa học và Công nghệ với Uỷ ban nhân dân huyện Cao Lãnh\n")
    h = header_of(text).header
    assert (h.number, h.reference, h.issued_date) == ("52", "52/KH-SKHCN-UBND", "2022-03-25")
    assert (h.receipt.number, h.receipt.date) == ("2115", "2022-04-07")


def test_receipt_stamp_never_fills_a_blank_number_or_date():
    text = doc("Số:    /KH-UBND", agency="ỦY BAN NHÂN DÂN\nHUYỆN CAO LÃNH",
               date="Cao Lãnh, ngày    tháng 3 năm 2022\n\n" + STAMP.format(word="ĐẾN"))
    h = header_of(text).header
    assert (h.number, h.reference, h.issued_date) == (None, None, None)
    assert h.receipt.number == "2115"


def test_receipt_stamp_at_the_top_of_the_page():
    text = STAMP.format(word="ĐẾN") + doc("Số: 52/KH-UBND", agency="ỦY BAN NHÂN DÂN\nHUYỆN CAO LÃNH",
                                          date="Cao Lãnh, ngày 25 tháng 3 năm 2022")
    h = header_of(text).header
    assert (h.reference, h.issued_date, h.receipt.number) == ("52/KH-UBND", "2022-03-25", "2115")
    assert h.issuing_body == "Ủy ban nhân dân huyện Cao Lãnh"
    assert h.parent_body is None


def test_cited_decision_never_becomes_the_number_or_date():
    text = (f"{UBND_BAC_KAN}\n\nQUYẾT ĐỊNH\n\nVề việc ban hành Kế hoạch\n\n"
            "Căn cứ Quyết định số 2245/QĐ-TTg ngày 11/12/2015 của Thủ tướng Chính phủ;\n\nQUYẾT ĐỊNH:\n\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n")
    h = header_of(text).header
    assert (h.number, h.reference, h.issued_date, h.issued_year) == (None, None, None, None)


def test_cited_decision_does_not_replace_the_own_number():
    text = doc("Số: 684/QĐ-UBND", "QUYẾT ĐỊNH", title="Về việc ban hành Kế hoạch",
               body="Căn cứ Quyết định số: 2245/QĐ-TTg ngày 11/12/2015 của Thủ tướng Chính phủ;\n")
    h = header_of(text).header
    assert (h.reference, h.issued_date) == ("684/QĐ-UBND", "2016-05-16")


WEB_META = ("Thông tin văn bản\n  • Số hiệu văn bản: 684/QĐ-UBND\n  • Loại văn bản: Quyết định\n"
            "  • Cơ quan ban hành: Tỉnh Bắc Kạn\n  • Ngày ban hành: 16-05-2016\n  • Ngôn ngữ:\n\n")


def test_web_metadata_above_the_document_does_not_disturb_the_header():
    text = WEB_META + doc("Số: 684/QĐ-UBND", "QUYẾT ĐỊNH", title="Về việc ban hành Kế hoạch hành động")
    h = header_of(text).header
    assert (h.reference, h.issued_date, h.place) == ("684/QĐ-UBND", "2016-05-16", "Bắc Kạn")
    assert h.issuing_body == "Ủy ban nhân dân tỉnh Bắc Kạn"
    assert h.title == "Về việc ban hành Kế hoạch hành động"


def test_web_metadata_fills_what_the_document_lacks():
    h = header_of(WEB_META + "QUYẾT ĐỊNH\n\nVề việc ban hành Kế hoạch hành động\n\nĐiều 1. Ban hành.\n").header
    assert (h.reference, h.doc_type, h.issued_date) == ("684/QĐ-UBND", "Quyết định", "2016-05-16")


# ── title ───────────────────────────────────────────────────────────────────────────────────


def test_title_spanning_a_bold_block():
    title = ("Thực hiện Nghị quyết Hội nghị lần thứ sáu\n\n"
             "**Ban Chấp hành Trung ương Đảng khoá XI (Nghị quyết số 20-NQ/TW\n"
             "ngày 01/11/2012) về phát triển khoa học và công nghệ\n"
             "phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa**")
    text = doc("Số 34-CTr/TU", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "TỈNH UỶ CAO BẰNG\n\n*", "Cao Bằng, ngày 06 tháng 3 năm 2013",
               title, body="**I- TÌNH HÌNH PHÁT TRIỂN KHOA HỌC VÀ CÔNG NGHỆ**\n\nTrong những năm qua.\n")
    assert header_of(text).header.title == (
        "Thực hiện Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XI (Nghị quyết số 20-NQ/TW "
        "ngày 01/11/2012) về phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa")


def test_title_on_the_type_line():
    """`BÁO CÁO GIÁ THỊ TRƯỜNG THÁNG 05/2019` (Sở Tài chính Đắk Nông): the numbered heading below is the body."""
    text = doc("Số: 113/BC-STC", "BÁO CÁO GIÁ THỊ TRƯỜNG THÁNG 05/2019", title="",
               body="I. Tổng quan chung về tình hình giá thị trường tháng 05/2019:\n\nChỉ số giá tăng.\n")
    assert header_of(text).header.title == "Giá thị trường tháng 05/2019"


@pytest.mark.parametrize(("type_line", "code"), [("QUYÉT ĐỊNH", "QĐ"), ("KÉ HOẠCH", "KH"), ("THÔNG BẢO", "TB")])
def test_type_line_with_marks_shifted_by_ocr(type_line, code):
    h = header_of(doc("Số: 12/UBND", type_line, title="Về việc tổ chức hội nghị tổng kết năm 2025")).header
    assert (h.doc_type_code, h.title) == (code, "Về việc tổ chức hội nghị tổng kết năm 2025")


def test_title_line_naming_a_deputy_and_a_year_is_no_authority_line():
    title = "LỊCH TIẾP CÔNG DÂN CỦA CHỦ TỊCH\nPHÓ CHỦ TỊCH UBND XÃ QUẢNG PHÚ NĂM 2019"
    text = doc("Số: 02/TB-UBND", "THÔNG BÁO", title=title, body="Căn cứ Luật Tiếp công dân số 42/2013/QH13;\n")
    got = header_of(text).header.title.lower()
    assert got.startswith("lịch tiếp công dân của chủ tịch phó chủ tịch") and got.endswith("quảng phú năm 2019")


def test_signing_stamp_fields_under_the_text_are_no_portal_metadata():
    """`Người ký: …`, `Cơ quan: …` of a signing stamp below the document must not swallow it."""
    end = "\nNơi nhận:\n- UBND huyện;\n- Lưu VT.\nNgười ký: Ủy ban nhân dân xã Quảng Phú\nCơ quan: Huyện Krông Nô\n"
    h = header_of(doc("Số: 02/TB-UBND", "THÔNG BÁO", body="I. Tiếp công dân định kỳ\n" + end)).header
    assert (h.reference, h.doc_type_code, h.issuing_body) == ("02/TB-UBND", "TB", "Ủy ban nhân dân tỉnh Bắc Kạn")


def test_wrapped_title_line_starting_with_a_stop_word():
    title = "Kế hoạch tổ chức thi đánh giá năng lực ngoại ngữ\ntheo định hướng giao tiếp nghề nghiệp"
    h = header_of(doc("Số: 2184/TB-ĐHNN", "THÔNG BÁO", title=title)).header
    assert h.title == "Kế hoạch tổ chức thi đánh giá năng lực ngoại ngữ theo định hướng giao tiếp nghề nghiệp"


def test_long_title_line_ending_in_a_preposition_goes_on():
    title = ("Về việc đính chính Thông tư số 138/2025/TT-BTC sửa đổi, bổ sung một số điều của Thông tư 95/2020/TT-BTC "
             "ngày 16 tháng 11 năm 2020 của\nThông tư số 139/2025/TT-BTC")
    h = header_of(doc("Số: 372/QĐ-BTC", "QUYẾT ĐỊNH", title=title)).header
    assert h.title.endswith("của Thông tư số 139/2025/TT-BTC")


def test_place_kept_when_the_year_is_misprinted():
    h = header_of(doc("Số: 333/QĐ-BTC", "QUYẾT ĐỊNH", date="Hà Nội, ngày 23 tháng 02 năm 20264")).header
    assert (h.place, h.issued_date) == ("Hà Nội", None)


def test_party_type_line_continued_by_its_issuer():
    """Hướng dẫn 36: `CHỈ THỊ` / `CỦA BAN THƯỜNG VỤ TỈNH ỦY` / `về …` (Tỉnh ủy Sơn La, 2023)."""
    text = doc("Số 29-CT/TU", "CHỈ THỊ", agency="TỈNH ỦY SƠN LA\n*",
               title="CỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề tăng cường sự lãnh đạo của các cấp ủy đảng")
    assert header_of(text).header.title == "Về tăng cường sự lãnh đạo của các cấp ủy đảng"


def test_type_line_with_an_ocr_speck():
    h = header_of(doc("Số: 505/QĐ-TTg", "“QUYẾT ĐỊNH", title="Về Ngày Chuyển đổi số quốc gia")).header
    assert (h.doc_type_code, h.title) == ("QĐ", "Về Ngày Chuyển đổi số quốc gia")


def test_appendix_heading_typed_without_a_space_and_with_a_speck_inside():
    """Trường Đại học Việt Nhật's Phụ lục (2024): `PHỤ LỤC1`, the heading's two lines with a speck between."""
    text = ("PHỤ LỤC1\nBẢNG THAM CHIẾU QUY ĐỔI CHỨNG CHỈ NGOẠI NGỮ\n'\nVỚI YÊU CẦU CHUẨN ĐẦU RA\n"
            "(Kèm theo Hướng dẫn số 259/HD-ĐHVN của Hiệu trưởng)\n1. Tiếng Anh\n")
    h = header_of(text).header
    assert h.title.lower() == "bảng tham chiếu quy đổi chứng chỉ ngoại ngữ với yêu cầu chuẩn đầu ra"
    assert h.issuing_body is None


def test_appendix_titled_on_its_own_line_under_a_signing_stamp():
    """Trường Đại học Việt Nhật's Phụ lục 2 (2025): the heading on the `Phụ lục` line, the stamp's number beside."""
    text = ("Phụ lục 2. Lịch trình đào tạo dành cho sinh viên Khóa VJU2024\nSố: 840/ĐHVN-ĐT\n"
            "Thời gian ký: 08/08/2025 11:32:57 +07:00\nTT\tThời gian\tNội dung\n1\t04/08/2025\tĐăng ký học phần\n")
    h = header_of(text).header
    assert (h.title, h.reference) == ("Lịch trình đào tạo dành cho sinh viên Khóa VJU2024", "840/ĐHVN-ĐT")


@pytest.mark.parametrize("opening", [
    "Ủy ban nhân dân tỉnh tổ chức buổi làm việc để nghe Sở Nội vụ báo cáo.",
    # BHXH Hà Nội (2020): the subject is a branch the entity list does not name; the formula tells
    "Bảo hiểm xã hội Thành phố trân trọng kính mời Sở Y tế, Sở Tài chính dự họp thống nhất điều chỉnh dự toán."])
def test_invitation_without_a_subject_has_no_title(opening):
    """Giấy mời with no trích yếu: the body starts under GIẤY MỜI with the inviting body as subject."""
    text = doc("Số: 560/GM-UBND", "GIẤY MỜI", agency=UBND_BAC_KAN, title=opening,
               body="1. Chủ trì: Đồng chí Phó Chủ tịch UBND tỉnh.\n")
    assert header_of(text).header.title is None


def test_title_ends_at_a_heading_typed_without_a_space():
    """Sở Tài chính Hậu Giang (2024): `I.Tổng quan …` right under the title."""
    text = doc("Số: 01/BC-STC", "BÁO CÁO", title="Tình hình giá cả thị trường tháng 01/2024\n\nI.Tổng quan về giá",
               body="Năm 2023, nền kinh tế trong nước có những chuyển biến tích cực.\n")
    assert header_of(text).header.title == "Tình hình giá cả thị trường tháng 01/2024"


def test_subject_of_a_cong_van_with_its_slash_read_as_a_semicolon():
    """Cục Thuế (2026), OCR: `V;v chính sách thuế TNDN` under the number; `CT` is Cục Thuế's, no Chỉ thị."""
    text = ("BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 2191/CT-CS\nV;v chính sách thuế TNDN\n"
            f"{DATE_BAC_KAN}\nKính gửi: Thuế tỉnh Ninh Bình.\n")
    h = header_of(text).header
    assert (h.title, h.doc_type_code) == ("Chính sách thuế TNDN", "CV")


def test_title_ends_at_the_authority_line_over_the_legal_bases():
    """Thuế tỉnh Quảng Ninh (2025), a web page: the authority line is bold like the title."""
    text = doc("Số: 180/QĐ-QNI", "QUYẾT ĐỊNH", agency="CỤC THUẾ\nTHUẾ TỈNH QUẢNG NINH",
               title="Về việc phân công nhiệm vụ cho các Phòng Quản lý, hỗ trợ\ndoanh nghiệp và Phòng Thuế cá nhân\n"
                     "TRƯỞNG THUẾ TỈNH QUẢNG NINH",
               body="Căn cứ Quyết định số 1376/QĐ-CT ngày 30 tháng 6 năm 2025 của Cục trưởng Cục Thuế;\n")
    assert header_of(text).header.title == ("Về việc phân công nhiệm vụ cho các Phòng Quản lý, hỗ trợ doanh nghiệp "
                                            "và Phòng Thuế cá nhân")


def test_title_of_consecutive_lines_ends_at_a_blank_line_in_text():
    """Kết luận 77-KL/TW as another engine's OCR: the body's first sentence follows the title after a blank."""
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 77-KL/TW Hà Nội, ngày 05 tháng 6 năm 2020\n\n"
            "KẾT LUẬN\nCỦA BỘ CHÍNH TRỊ\nvề chủ trương khắc phục tác động của đại dịch Covid-19\n"
            "để phục hồi và phát triển nền kinh tế đất nước\n\nTại phiên họp ngày 29/5/2020, sau khi nghe Ban cán "
            "sự đảng Chính phủ báo cáo, Bộ Chính trị đã thảo luận và kết luận:\n\nI- ĐÁNH GIÁ TÌNH HÌNH\n")
    assert header_of(text).header.title == ("Về chủ trương khắc phục tác động của đại dịch Covid-19 để phục hồi và "
                                            "phát triển nền kinh tế đất nước")


def test_title_ends_at_a_dated_first_sentence():
    """Văn phòng UBND Đắk Lắk's notice (2023) as plain pdftotext: no blank line between title and body."""
    text = doc("Số: 131/TB-VPUBND", "THÔNG BÁO", title="Kết luận của đồng chí Phó Chủ tịch UBND tỉnh tại cuộc họp\n"
               "xem xét việc thu hồi đất của Tịnh xá Ngọc Quang\nNgày 06/10/2023, tại trụ sở HĐND và UBND tỉnh, "
               "đồng chí Phó Chủ tịch chủ trì cuộc họp.", body="1. Giao Sở Tài nguyên và Môi trường.\n")
    assert header_of(text).header.title == ("Kết luận của đồng chí Phó Chủ tịch UBND tỉnh tại cuộc họp xem xét việc "
                                            "thu hồi đất của Tịnh xá Ngọc Quang")


def test_subject_stops_at_a_stamps_line_run_into_the_addressee():
    """Văn phòng Chính phủ (2018), OCR: a received stamp's words on the line of `Kính gửi:`."""
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 2967/VPCP-KTTH\nHà Nội, ngày 02 tháng 4 năm 2018\n"
            "V/v hướng dẫn hoàn thuế tiêu thụ\nđặc biệt đối với xăng E5\nCole THỘNG TA BIỆN TỰ CNH PHD Kính gửi:\n"
            "- Bộ Tài chính;\n")
    assert header_of(text).header.title == "Hướng dẫn hoàn thuế tiêu thụ đặc biệt đối với xăng E5"


def test_words_qualifying_the_type_are_not_a_title():
    text = doc("Số: 12/KH-UBND", "KẾ HOẠCH LIÊN TỊCH", title="Phối hợp tuyên truyền pháp luật năm 2025")
    assert header_of(text).header.title == "Phối hợp tuyên truyền pháp luật năm 2025"


def test_bracketed_line_under_the_title_belongs_to_it():
    text = doc("Số: 23-TB/TCT", "THÔNG BÁO", title="LỊCH CÔNG TÁC CỦA BAN GIÁM HIỆU\n(Từ ngày 08/7/2019 - 12/7/2019)",
               body="* Thứ năm (11/7): Ban Giám hiệu dự xét tốt nghiệp.\n")
    title = header_of(text).header.title
    assert title.startswith("Lịch công tác") and title.lower().endswith("ban giám hiệu (từ ngày 08/7/2019 - 12/7/2019)")


def test_all_caps_title_recased_to_sentence_case():
    title = "VỀ VIỆC BAN HÀNH KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI TRÊN ĐỊA BÀN TỈNH BẮC KẠN"
    h = header_of(doc("Số: 684/QĐ-UBND", "QUYẾT ĐỊNH", title=title, body="ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\n")).header
    assert h.title.startswith("Về việc ban hành")
    assert h.title.endswith("kinh tế - xã hội trên địa bàn tỉnh Bắc Kạn")
    assert h.title.lower() == title.lower()


def test_title_stops_before_the_first_body_sentence():
    text = doc("Số: 23 /KH-UBND", date="TP. Cao Bằng, ngày 30 tháng 01 năm 2019",
               title="Phát triển Khoa học và Công nghệ giai đoạn 2019-2020", agency="",
               body="Ủy ban nhân dân thành phố Cao Bằng xây dựng Kế hoạch phát triển Khoa học và Công nghệ "
                    "giai đoạn 2019-2020 như sau:\n\nI. ĐÁNH GIÁ KẾT QUẢ\n")
    assert header_of(text).header.title == "Phát triển Khoa học và Công nghệ giai đoạn 2019-2020"


# ── signers, recipients, legal bases ────────────────────────────────────────────────────────

BODY = "I. MỤC TIÊU\n\nNâng cao trình độ nghiên cứu khoa học.\n\n"


@pytest.mark.parametrize(
    ("block", "name", "position", "authority"),
    [
        ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nĐỗ Thị Minh Hoa", "Đỗ Thị Minh Hoa", "Phó Chủ tịch",
         ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]),
        ("**TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH**\n\n\n\nNguyễn Quốc Trung", "Nguyễn Quốc Trung", None,
         ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]),
        ("**T/M BAN CHẤP HÀNH\nBÍ THƯ**\n\n\n\nHà Ngọc Chiến", "Hà Ngọc Chiến", "Bí thư", ["T/M Ban Chấp hành"]),
        ("**KT.CHỦ TỊCH\nPHÓ CHỦ TỊCH**", None, "Phó Chủ tịch", ["KT. Chủ tịch"]),
        # ranks and degrees before the name (police, academies), OCR specks around them (real scans)
        ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nThiếu ướng Trương Minh Đương", "Trương Minh Đương", "Phó Giám đốc",
         ["KT. Giám đốc"]),
        ("TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n\n'- ... ES. TS. Đỗ Ngọc Thịnh", "Đỗ Ngọc Thịnh", "Chủ tịch",
         ["TM. Ban Thường vụ"]),
        ("TM. HỘI ĐỒNG\nCHỦ TỊCH\n\nĐại tá Nguyễn Văn Hùng", "Nguyễn Văn Hùng", "Chủ tịch", ["TM. Hội đồng"]),
        # an Ê Đê name: the prefix H' marks it, the family name comes last
        ("TM. HỘI ĐỒNG QUẢN LÝ\nCHỦ TỊCH\n\nH'Vi ÊBan", "H'Vi ÊBan", "Chủ tịch", ["TM. Hội đồng quản lý"]),
        # a published copy marks the signature (`Đã ký:` before the name, or `(Đã ký)` on its own line)
        ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐã ký: Trần Hoàng Tựu", "Trần Hoàng Tựu", "Phó Chủ tịch",
         ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]),
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nNguyễn Văn An", "Nguyễn Văn An", "Chủ tịch", ["TM. Ủy ban nhân dân"]),
        # a number read in a seal's ink inside the name is no part of it
        ("TM. BAN CHẤP HÀNH\nCHỦ TỊCH\n\nNguyễn Thị 14 Dung", "Nguyễn Thị Dung", "Chủ tịch", ["TM. Ban Chấp hành"]),
        # a Tày surname (Quảng Ninh, 2025); the seal's ring read in capitals over the printed name (Hà Nội, 2020)
        ("TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n\nLan Thị Vân", "Lan Thị Vân", "Chủ tịch", ["TM. Ban Thường trực"]),
        ("KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nLÝ THỊ\nCỤC TRƯỞNG\nChu Xuân Kiên", "Chu Xuân Kiên", "Phó Trưởng ban",
         ["KT. Trưởng ban"]),
        # a biên bản's secretary (Sở Tư pháp Quảng Bình, 2022)
        ("THƯ KÝ\n\nNguyễn Văn Nghĩa", "Nguyễn Văn Nghĩa", "Thư ký", []),
    ],
)
def test_signer(block, name, position, authority):
    (signer,) = header_of(doc("Số: 23 /KH-UBND", body=BODY + block)).header.signers
    assert (signer.name, signer.position, signer.authority) == (name, position, authority)


def test_signer_named_after_the_recipients_when_the_block_head_is_unknown_or_lost():
    """Thuế tỉnh Quảng Ninh (2025): `TRƯỞNG THUẾ TỈNH` is a post no list names; Kết luận 77-KL/TW, OCR:
    `T/M BỘ CHÍNH TRỊ` run into the `Nơi nhận:` line. A name in the recipients' list is no signer."""
    end = "Nơi nhận:\n- Lãnh đạo Thuế tỉnh;\n- Lưu: VT, TCCB.\nTRƯỞNG THUẾ TỈNH\nHà Văn Trường\n"
    h = header_of(doc("Số: 180/QĐ-QNI", body=BODY + end)).header
    assert [(s.name, s.position) for s in h.signers] == [("Hà Văn Trường", "Trưởng Thuế tỉnh")]
    end = ("Nơi nhận: „/M BỘ CHÍNH TRỊ\n- Các tỉnh ủy, thành ủy,\n- VPCP: BTCN,\ncác PCN: Nguyễn Sỹ Hiệp,\n"
           "Nguyễn Duy Hưng,\n~- Lưu Văn phòng Trung ương Đảng.\n\nTrần Quốc Vượng\n")
    h = header_of(doc("Số 77-KL/TW", body=BODY + end)).header
    assert [s.name for s in h.signers] == ["Trần Quốc Vượng"]


@pytest.mark.parametrize("heading", ["Nơi nhậm:", "Nanh"], ids=["one-letter-off", "unreadable"])
def test_recipients_under_a_heading_ocr_misread(heading):
    """Real scans (Đắk Nông, 2019): the heading read as `Nơi nhậm:` or `Nanh`; an attached document's own
    Nơi nhận list after the signature must not replace the document's."""
    body = (BODY + f"{heading}\n- Như trên;\n- UBND tỉnh (báo cáo);\n- Lưu: VT, VP.\nTL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\n\n"
            "Hoàng Việt Nam\n\nBỘ TƯ PHÁP\nSố: 901/BTP-TCTHADS\nNơi nhận:\n- Thủ tướng Chính phủ;\n- Lưu: VT.\n")
    assert header_of(doc("Số: 651/SLĐTBXH-VP", body=body)).header.recipients == [
        "Như trên", "UBND tỉnh (báo cáo)", "Lưu: VT, VP"]


def test_headless_recipients_with_seal_specks_between():
    """Liên đoàn Luật sư (2025), OCR: the heading lost, the signer's column read as specks between bullets."""
    body = BODY + ("Nhiên\n- Như trên;\n› TỊCH\n- Bộ Tư pháp (để b/c);\n„ii „CHỦ\n- Sở Nội vụ tỉnh Lâm Đồng;\n"
                   "- Lưu VPLĐLSVN.\n")
    assert header_of(doc("Số: 562/LĐLSVN-BTV", body=body)).header.recipients == [
        "Như trên", "Bộ Tư pháp (để b/c)", "Sở Nội vụ tỉnh Lâm Đồng", "Lưu VPLĐLSVN"]


def test_recipient_wrapped_after_a_comma_onto_a_line_of_codes():
    """Sở Tài chính Hậu Giang (2023): `- Các Sở: CT, LĐTBXH, TNMT, XD,` / `TTTT, NN&PTNT, GTVT;`."""
    body = BODY + ("Nơi nhận:\n- Văn phòng UBND tỉnh;\n- Các Sở: CT, LĐTBXH, TNMT, XD,\nTTTT, NN&PTNT, GTVT;\n"
                   "- Lưu: VT.\n")
    assert header_of(doc("Số: 01/BC-STC", body=body)).header.recipients == [
        "Văn phòng UBND tỉnh", "Các Sở: CT, LĐTBXH, TNMT, XD, TTTT, NN&PTNT, GTVT", "Lưu: VT"]


def test_archive_line_of_the_other_column_is_no_signer():
    """OCR interleaves Nơi nhận with the signature: `- Lưu VPLĐLSVN.` starts with a surname, but an acronym
    among proper-case words is no name."""
    body = BODY + "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n- Như trên;\n- Lưu VPLĐLSVN.\n\nLS. TS. Đỗ Ngọc Thịnh"
    (signer,) = header_of(doc("Số: 23 /KH-UBND", body=body)).header.signers
    assert signer.name == "Đỗ Ngọc Thịnh"


def test_words_before_a_name_that_are_no_title_keep_the_line_from_being_a_name():
    body = BODY + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nGiao cho Trần Văn Hải"
    (signer,) = header_of(doc("Số: 23 /KH-UBND", body=body)).header.signers
    assert signer.name is None


def test_joint_document_has_one_issuer_per_signature_block():
    body = BODY + ("**UBND HUYỆN CAO LÃNH\nCHỦ TỊCH**\n\n\n\nLê Chí Thiện\n\n"
                   "**SỞ KHOA HỌC VÀ CÔNG NGHỆ\nGIÁM ĐỐC**\n\n\n\nTrần Thanh Liêm\n")
    h = header_of(doc("Số: 52 /KH-SKHCN-UBND", agency="", date="Đồng Tháp, ngày 25 tháng 3 năm 2022",
                      body=body)).header
    assert [(s.name, s.position) for s in h.signers] == [("Lê Chí Thiện", "Chủ tịch"), ("Trần Thanh Liêm", "Giám đốc")]
    assert h.issuing_body.startswith("Sở Khoa học và Công nghệ")  # SKHCN comes first in the symbol
    assert h.co_issuing_bodies == ["Ủy ban nhân dân huyện Cao Lãnh"]


def test_a_sentence_wrapped_at_noi_nhan_is_no_recipients_heading():
    """Ban Tổ chức Thành ủy Hà Nội's guidance (2025): a body line wraps at `… đảng ủy cơ sở nơi giao,` /
    `nơi nhận vào trang đầu sổ …`; the list is under the real heading, whose entries end in commas."""
    from extractors.layout import build_layout
    from extractors.signature import find_recipients

    lines = build_layout("nơi nhận vào trang đầu sổ danh sách đảng viên và biên bản bàn giao.\n\n"
                         "Hướng dẫn này được phổ biến đến chi bộ./.\n\nNơi nhận:\n- Thường trực Thành ủy,\n"
                         "- Lưu.\n").lines
    assert find_recipients(lines)[0] == ["Thường trực Thành ủy", "Lưu"]


def test_recipients_after_a_speck_and_an_entry_whose_dash_ocr_lost():
    """Hà Nội's Ban Chỉ đạo and Ban Chỉ huy PCTT (2020), OCR: `ằ. Nơi nhận:`; `PCT UBND TP Nguyễn Văn Sửu;`
    lost its dash between two entries; an entry wrapped onto a line ending in `;` stays one entry."""
    from extractors.layout import build_layout
    from extractors.signature import find_recipients

    lines = build_layout("ằ. Nơi nhận:\n- VP Ủy ban Quốc gia Ứng phó sự cố\nthiên tai và TKCN;\n"
                         "- Trưởng ban BCH PCTT và TKCN TP;\nPCT UBND TP Nguyễn Văn Sửu;\n- Các Sở: CT, XD,\n"
                         "TTTT, NN&PTNT, GTVT;\n- Lưu: VT.\n").lines
    assert find_recipients(lines)[0] == ["VP Ủy ban Quốc gia Ứng phó sự cố thiên tai và TKCN",
                                         "Trưởng ban BCH PCTT và TKCN TP", "PCT UBND TP Nguyễn Văn Sửu",
                                         "Các Sở: CT, XD, TTTT, NN&PTNT, GTVT", "Lưu: VT"]


def test_subject_in_brackets_and_a_speck_before_the_agency_line():
    """Trường ĐH Công nghệ Thông tin (2013), OCR: `_ TRƯỜNG ĐẠI HỌC` under its parent; `(V/v …)` under the type."""
    text = ("ĐẠI HỌC QUỐC GIA TP.HCM\n_ TRƯỜNG ĐẠI HỌC\nCÔNG NGHỆ THÔNG TIN\nSố: 01/TB-BGH\n\n"
            "Tp. Hồ Chí Minh, ngày 22 tháng 01 năm 2013\n\nTHÔNG BÁO\n(V/v Tăng cường giám sát trong phòng thi)\n\n"
            "Hiện nay Phòng Công tác Sinh viên đã nhận được 3 bản tường trình.\n")
    h = header_of(text).header
    assert h.issuing_body.lower() == "trường đại học công nghệ thông tin"  # the parent is not part of it
    assert h.title == "Tăng cường giám sát trong phòng thi"


def test_recipients_one_entry_per_line_without_bullet_and_end_mark():
    body = BODY + ("Nơi nhận:\n\n- Sở Khoa học và Công nghệ;\n- Thường trực HĐND TP;\n- VP: LĐ, CV;\n- Lưu: KT, VT.\n\n"
                   "**TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH**\n\n\n\nNguyễn Quốc Trung")
    h = header_of(doc("Số: 23 /KH-UBND", body=body)).header
    assert h.recipients == ["Sở Khoa học và Công nghệ", "Thường trực HĐND TP", "VP: LĐ, CV", "Lưu: KT, VT"]


def test_legal_bases_and_closing_can_cu_is_not_one():
    bases = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
             "Căn cứ Quyết định số: 2245/QĐ-TTg ngày 11/12/2015 của Thủ tướng Chính phủ ban hành Quyết định "
             "phê duyệt Đề án;",
             "Xét đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số: 19/TTr-SKHCN ngày 04 tháng 5 năm 2016,"]
    body = ("\n\n".join(bases) + "\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\n"
            "Căn cứ nội dung Kế hoạch này, Ủy ban nhân dân Thành phố yêu cầu các phòng, ban tổ chức thực hiện./.\n")
    h = header_of(doc("Số: 684/QĐ-UBND", "QUYẾT ĐỊNH", title="Về việc ban hành Kế hoạch", body=body)).header
    assert h.legal_bases == bases


def test_issuer_inferred_from_the_body_when_the_agency_block_is_missing():
    body = ("Căn cứ Quyết định số 792/QĐ-UBND ngày 06 tháng 5 năm 2011 của Ủy ban nhân dân tỉnh Cao Bằng về Quy hoạch "
            "phát triển Khoa học Công nghệ Cao Bằng 2011- 2020;\n\n"
            "Ủy ban nhân dân thành phố Cao Bằng xây dựng Kế hoạch phát triển Khoa học và Công nghệ giai đoạn "
            "2019-2020 như sau:\n\nI. ĐÁNH GIÁ KẾT QUẢ\n\nNội dung.\n\n"
            "**TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH**\n\n\n\nNguyễn Quốc Trung")
    result = header_of(doc("Số: 23 /KH-UBND", agency="", date="TP. Cao Bằng, ngày 30 tháng 01 năm 2019",
                           title="Phát triển Khoa học và Công nghệ giai đoạn 2019-2020", body=body))
    assert result.header.issuing_body == "Ủy ban nhân dân thành phố Cao Bằng"
    assert "issuing_body_inferred" in codes(result)


@pytest.mark.parametrize(("number_line", "symbol", "type_code"), [
    ("Số:Z74É /QĐ-UBND", "QĐ-UBND", "QĐ"),  # real scans of Lâm Đồng: the handwritten number read as a scrawl
    ("Sô#f /TTr- CAT-PC04", "TTr-CAT-PC04", "TTr"),  # `Số` lost its mark too
    ("Số: 5 6 Õ/GM-UBND", "GM-UBND", "GM"),
    ("Số:0J/NQ-HĐQL", "NQ-HĐQL", "NQ"),
    # scans of Vĩnh Long, Đắk Nông and Khánh Hòa: the handwritten number before a printed (or half-written) year
    ("Số: 4Ø/2017/QĐ-UBND", "QĐ-UBND", "QĐ"),
    ("Số: 4J/2019/NQ-HĐND", "NQ-HĐND", "NQ"),
    ("Số: 024. /20/f0/QĐ-UBND", "QĐ-UBND", "QĐ"),
    ("sẻ: 3Ÿ /QLTTHN-TCHC", "QLTTHN-TCHC", "CV"),  # Cục QLTT Hà Nội (2020): `Số` itself misread
])
def test_unreadable_handwritten_number_keeps_the_symbol(number_line, symbol, type_code):
    text = doc(number_line, type_line="")
    r = header_of(text)
    assert (r.header.number, r.header.symbol, r.header.reference, r.header.doc_type_code) == (
        None, symbol, None, type_code)
    assert "number_unreadable" in codes(r) and "number_blank" not in codes(r)
    assert r.header.provenance["number"].line == line_no(text, number_line)


def test_number_after_a_markless_so_is_read():
    r = header_of(doc("Sô: 01/NQ-LĐVTCT.LĐ", type_line="NGHỊ QUYẾT"))
    assert (r.header.reference, r.header.doc_type_code) == ("01/NQ-LĐVTCT.LĐ", "NQ")
    assert "number_unreadable" not in codes(r)


@pytest.mark.parametrize(
    ("read", "restored"),
    [("Trương Minh Đuong", "Trương Minh Đương"),  # Lâm Đồng police scan: the horns lost
     ("Lê Xuân Hông", "Lê Xuân Hồng"),  # Bộ Tư pháp scan: a real syllable no name uses, a frequent name's letters
     ("Trần Phước Hiện", "Trần Phước Hiền"),  # Quảng Ngãi scan
     ("Đặng Chiên Thắng", "Đặng Chiến Thắng"),  # Sơn La scan
     ("Lê Diễn", "Lê Diễn"),  # a real syllable whose name spellings (Diên) are rare: kept
     ("Nguyễn Văn Năm", "Nguyễn Văn Năm"),  # a birth-order name, not `Nam`
     ("Lê Chí Thiện", "Lê Chí Thiện"),  # … as it may be a name the list lacks
     ("Hoàng Viết Nam", "Hoàng Viết Nam"),  # a rare name syllable is kept
     ("Nguyễn Văn Gấu", "Nguyễn Văn Gấu"),  # letters no listed syllable has: kept
     ("Võ Nguyễn Hoàng Nam", "Võ Nguyễn Hoàng Nam"),  # a surname as middle name (Nguyên is a name too)
     ("NGUYỄN VĂN HUNG", "NGUYỄN VĂN HUNG")],  # capitals are left to the caller
)
def test_given_name_syllables_read_with_other_marks(read, restored):
    from extractors.signature import _given_names_restored

    assert _given_names_restored(read) == restored


def test_cong_van_subject_written_ve_viec_under_the_number():
    # Phú Thọ 4532/UBND-KSTTHC (a scan): no `V/v`, the subject spelled out under the number.
    text = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 4532/UBND-KSTTHC\nVề việc xây dựng kế hoạch rà\n"
            "soát quy định, thủ tục hành chính.\nKính gửi:\n- Các sở, ban, ngành;\n"
            "Thực hiện Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ, Chủ tịch UBND tỉnh có ý kiến như sau:\n")
    h = extract_header(build_layout(text)).header
    assert h.title == "Về việc xây dựng kế hoạch rà soát quy định, thủ tục hành chính"


def test_licence_type_and_a_garbled_number_line_is_no_title():
    # HCMC's Sở Quy hoạch - Kiến trúc licence as another engine's OCR: `Số: …/GPQH` read as `IGPQH`.
    text = ("SỞ QUY HOẠCH - KIẾN TRÚC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Thành phố Hồ Chí Minh, ngày 03 tháng 5 năm 2017\nGIẤY PHÉP QUY HOẠCH\nIGPQH\n"
            "1. Cấp cho: Công ty Cổ phần Đầu tư và Kinh doanh Bất động sản Đức Long Gia Lai.\n")
    h = extract_header(build_layout(text)).header
    assert (h.doc_type, h.doc_type_code, h.title) == ("Giấy phép", "GP", None)


def test_form_states_its_subject_in_a_trich_yeu_field():
    # Lâm Đồng's phiếu trình 02-02/26/PT-NC (a phone scan): no trích yếu under PHIẾU TRÌNH, a numbered field.
    text = ("UBND TỈNH LÂM ĐỒNG\nVĂN PHÒNG\nSố: 02/PT-NC\nPHIẾU TRÌNH\nKính gửi: Lãnh đạo UBND tỉnh\n"
            "I. NỘI DUNG TRÌNH/CHỈ ĐẠO\n1. Văn bản/cơ quan, đơn vị: Tờ trình số 95/TTr-HĐTĐ của Hội đồng Thẩm định\n"
            "2. Trích yếu: V/v tờ trình Quyết định công bố Chỉ số cải cách hành chính năm 2025 của các _\n"
            "cơ quan chuyên môn thuộc UBND tỉnh.\nII. RÀ SOÁT, TỔNG HỢP\n")
    h = extract_header(build_layout(text)).header
    assert h.title == ("Tờ trình Quyết định công bố Chỉ số cải cách hành chính năm 2025 của các cơ quan chuyên "
                       "môn thuộc UBND tỉnh")


def test_party_notice_with_its_type_line_lost_and_bulleted_bases():
    # Thái Nguyên's Thông báo 348-TB/TU as OCR read it: the type and issuer lines garbled together.
    text = ("TỈNH ỦY THÁI NGUYÊN\n*\nSố 348-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nThái Nguyên, ngày 22 tháng 8 năm 2025\n"
            "CỦA „...\nBẠN CHẤP THÔNG HÀNH BẢO ĐẢNG - BỘ - TĨNH\n"
            "Về nội dung, thời gian, địa điểm tổ chức Đại hội đại biểu\nĐảng bộ tỉnh Thái Nguyên lần thứ XXI\n"
            "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam; Quy định số 294-QĐ/TW,\n"
            "ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;\n")
    layout = build_layout(text)
    head = extract_header(layout)
    assert head.header.title == ("Về nội dung, thời gian, địa điểm tổ chức Đại hội đại biểu Đảng bộ tỉnh Thái "
                                 "Nguyên lần thứ XXI")
    assert "title_without_type_line" in [w.code for w in head.warnings]
    refs, _ = extract_references(layout, head.header)
    assert [r.reference for r in refs] == ["294-QĐ/TW"]


@pytest.mark.parametrize(("authority", "line", "position"), [
    ("KT. Bộ trưởng", "THƯ TRƯƠNG", "Thứ trưởng"),  # Bộ Nội vụ 8151, rendered at 300 dpi: marks lost
    ("KT. Chủ tịch", "PHÔ CHỦ TỊCH", "Phó Chủ tịch"),
    ("KT. Hiệu trưởng", "PHÓ HIỆU TRƯỞN", "Phó Hiệu trưởng"),  # Việt Nhật 323 scan: a letter lost
])
def test_deputy_position_read_with_other_marks(authority, line, position):
    from extractors.signature import _deputy
    from pipeline.model import Signer

    assert _deputy(line, Signer(authority=[authority])) == position


@pytest.mark.parametrize(("line", "position"), [("PHỌ GIÁM ĐỐC", "Phó Giám đốc"), ("CHU TICH", "Chủ tịch"),
                                                ("Nguyễn Văn An", None), ("THƯ TRƯƠNG", None)])
def test_position_line_with_misread_marks_is_the_listed_position(line, position):
    """`THƯ TRƯƠNG` could be Thứ trưởng or Thủ trưởng: no guess without the block's authority."""
    from extractors.signature import known_position

    assert known_position(line) == position


@pytest.mark.parametrize(("line", "number", "warned"), [
    ("Số:0l /BC-STC", "01", True),  # Hậu Giang 01/BC-STC rendered at 300 dpi: `1` read as `l`
    ("Số: ô: 2184 /TB-ĐHNN", "2184", True),  # a speck between `Số:` and the printed number
    ("Số:Z74É /QĐ-UBND", None, True),  # a handwritten number: not guessed
    ("Sô: O4- GM/CBIOC", None, True),  # Party number written by hand into the blank (01 read as O4)
])
def test_printed_number_read_with_look_alikes_or_specks(line, number, warned):
    r = header_of(doc(line, type_line="BÁO CÁO"))
    assert r.header.number == number
    assert bool({"number_corrected", "number_unreadable"} & set(codes(r))) == warned


@pytest.mark.parametrize("block", [
    ["T. GIÁM ĐỐC", "§ Á 8", "Nguyễn Thị Kim Loan"],  # Hậu Giang 01/BC-STC at 300 dpi: the K of KT. lost
    ["KT, GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Kim Loan"],  # the dot read as a comma
])
def test_signer_block_with_its_authority_misread(block):
    from extractors.signature import find_signers

    lines = [Line(k + 1, 0, len(t), t, t) for k, t in enumerate(["Nơi nhận:", "- Lưu: VT.", *block])]
    signers, _, _ = find_signers(lines)
    assert [s.name for s in signers] == ["Nguyễn Thị Kim Loan"]


def test_deputy_line_cut_by_a_seal_is_no_name():
    # Hậu Giang 01/BC-STC at 300 dpi, seal faded: `PHÓ GIÁM ĐỐC` read in two pieces, the name's `L` as `l`
    from extractors.signature import find_signers

    block = ["KT. GIÁM ĐỐC", "PHÓ HỖ GIẢM Á 8", "ĐỌC", "_\"ĐĐýÔÔ-", "-", "Nguyên Thị Kim loan"]
    lines = [Line(k + 1, 0, len(t), t, t) for k, t in enumerate(["Nơi nhận:", "- Lưu: VT.", *block])]
    signers, _, warnings = find_signers(lines)
    assert [(s.name, s.position) for s in signers] == [("Nguyễn Thị Kim Loan", "Phó Giám đốc")]
    assert "signer_surname_corrected" in [w.code for w in warnings]


def _placed(k: int, text: str, x0: float, x1: float) -> Line:
    return Line(k, 0, len(text), text, text, bbox=(x0, 100 + 14 * k, x1, 112 + 14 * k), conf=90.0)


@pytest.mark.parametrize(("x0", "x1", "name"), [(390, 450, "Nguyễn Hiệu"), (60, 120, None)])
def test_two_word_name_with_shifted_marks_taken_only_under_the_block(x0, x1, name):
    # Đại học Quốc gia Hà Nội 4618 at 300 dpi: `Nguyên Hiệu` under `KT. GIÁM ĐỐC`, a seal's specks between.
    # A two-word name is taken with its surname restored only in the signer's column.
    from extractors.signature import find_signers

    lines = [_placed(1, "Nơi nhận:", 60, 110), _placed(2, "- Lưu: VT.", 60, 110),
             _placed(3, "KT. GIÁM ĐỐC", 370, 470), _placed(4, "DI : ;", 380, 400),
             _placed(5, "PH*) GIÁM ĐỐC", 370, 470), _placed(6, "/", 400, 402), _placed(7, "Nguyên Hiệu", x0, x1)]
    signers, _, _ = find_signers(lines)
    assert [s.name for s in signers] == [name]


def test_signers_name_whose_surname_ocr_lost_completed_from_the_recipients():
    # Quyết định 985/QĐ-TTg (2024) at 300 dpi: `Đức Phớc` under the seal, `PTTg Hồ Đức Phớc` among the recipients
    from extractors.signature import find_signers

    texts = ["Nơi nhận:", "- Như Điều 3;", "- Thủ tướng CP, PTTg Hồ Đức Phớc;", "- Lưu: VT, KTTH.", "KT. THỦ TƯỚNG",
             "PHÓ THỦ TƯỚNG", "Đức Phớc"]
    lines = [Line(k + 1, 0, len(t), t, t) for k, t in enumerate(texts)]
    signers, _, warnings = find_signers(lines)
    assert [(s.name, s.position) for s in signers] == [("Hồ Đức Phớc", "Phó Thủ tướng")]
    assert "signer_name_completed" in [w.code for w in warnings]
    lines = [ln for ln in lines if "PTTg" not in ln.text]  # no full name to complete it from: no guess
    assert [s.name for s in find_signers(lines)[0]] == [None]


def test_signers_surname_misread_by_one_letter():
    # Hà Nội, Ban QLDA 88/TTr (2020) at 300 dpi: `Thạm Đình Tuấn` under `PHÓ GIÁM ĐỐC`; only Phạm is that near
    from extractors.signature import find_signers

    texts = ["Nơi nhận:", "- Lưu VT,TCKT.", "KT.GIÁM ĐỐC", "--* PHÓ GIÁM ĐÓC", "NmÂ-", "Thạm Đình Tuấn"]
    signers, _, warnings = find_signers([Line(k + 1, 0, len(t), t, t) for k, t in enumerate(texts)])
    assert [s.name for s in signers] == ["Phạm Đình Tuấn"]
    assert "signer_surname_corrected" in [w.code for w in warnings]


def test_signers_name_in_the_right_column_of_a_recipients_line():
    # Sơn La 62/KH-TTTTƯD (2019) at 300 dpi: OCR put the name beside the last recipient, a wide gap between
    from extractors.signature import find_signers

    texts = ["Nơi nhận:", "- Sở KH&CN (để b/c);", "GIÁM ĐỐC", "mơ", "NỰˆ",
             "+ ~ -Lưu: VT,TH,Y(03b). 5\t\tĐặng Chiến Thắng"]
    lines = [Line(k + 1, 0, len(t), t, t.replace("\t", " ")) for k, t in enumerate(texts)]
    signers, _, _ = find_signers(lines)
    assert [(s.name, s.position) for s in signers] == [("Đặng Chiến Thắng", "Giám đốc")]


@pytest.mark.parametrize(("agency", "texts", "spelled"), [
    # Đắk Nông commune notice at 300 dpi: the header's capitals lost the acute, the place line and body kept it
    ("Ủy ban nhân dân xã Quảng Phủ", ["Quảng Phú, ngày 10 tháng 01 năm 2019", "UBND xã Quảng Phú thông báo lịch",
                                     "Phó Chủ tịch UBND xã Quảng Phú"], "Ủy ban nhân dân xã Quảng Phú"),
    ("Hội đồng nhân dân huyện Tuân Giáo", ["Tuần Giáo, ngày 12 tháng 11 năm 2020", "HĐND huyện Tuần Giáo"],
     "Hội đồng nhân dân huyện Tuần Giáo"),
    ("Ủy ban nhân dân tỉnh Lâm Đồng", ["tỉnh Lâm Đông", "Lâm Đông, ngày 6"], "Ủy ban nhân dân tỉnh Lâm Đồng"),  # listed
    ("Ủy ban nhân dân xã Quảng Phủ", ["Quảng Phú, ngày 10 tháng 01 năm 2019"], "Ủy ban nhân dân xã Quảng Phủ"),  # once
    # Tổng cục Thuế công văn as another engine's OCR: the header's capitals misread, the body names it twice
    ("Tổng cục THUÊ", ["Tổng cục Thuế hướng dẫn Cục Thuế", "đề nghị báo cáo Tổng cục Thuế"], "Tổng cục Thuế"),
    ("Sở Nội vụ", ["Sở nội vụ tham mưu", "Sở nội vụ"], "Sở Nội vụ"),  # the body's case alone changes nothing
])
def test_issuers_place_spelt_as_the_document_spells_it(agency, texts, spelled):
    from extractors.agency import issuer_spelled_as_in_text

    assert issuer_spelled_as_in_text(agency, texts) == spelled


@pytest.mark.parametrize(("line", "fixed"), [
    ("HỘI ĐỒNG NHÂN DÂẦN", "HỘI ĐỒNG NHÂN DÂN"),  # Điện Biên giấy mời at 300 dpi
    ("ỦY BAN NHẦN DÂN HUYỆN TUẦN GIÁO", "ỦY BAN NHÂN DÂN HUYỆN TUẦN GIÁO"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),  # one letter from BỘ GIÁO DỤC VÀ ĐÀO TẠO: kept
    ("HỘI ĐỒNG QUẢN LÝ QUỸ", "HỘI ĐỒNG QUẢN LÝ QUỸ"),
])
def test_long_agency_head_misread_by_a_letter(line, fixed):
    from extractors.agency import head_marks

    assert head_marks(line) == fixed


def test_scrawl_under_the_type_line_is_no_title():
    # a handwritten mark OCR'd between the type line and the trích yếu (Lâm Đồng phiếu trình scan)
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/QĐ-UBND\nLâm Đồng, ngày 3 tháng 2 năm 2026\nQUYẾT ĐỊNH\n"
            "4 L / Ạ 4 “(`\nVề việc ban hành Kế hoạch cải cách hành chính\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert extract_header(build_layout(text)).header.title == "Về việc ban hành Kế hoạch cải cách hành chính"


@pytest.mark.parametrize(("line", "warned"), [("Lâm Đồng, ngày 22 tháng ]2 năm 2025", True),
                                              ("Lâm Đồng, ngày 22 tháng 12 năm 2025", False)])
def test_date_read_through_look_alikes_is_a_warned_guess(line, warned):
    r = extract_header(build_layout(f"UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 5/TTr-SNV\n{line}\nTỜ TRÌNH\n"
                                    "Về việc trình ký kế hoạch\nKính gửi: Ủy ban nhân dân tỉnh\n"))
    assert r.header.issued_date == "2025-12-22"
    assert ("date_corrected" in codes(r)) == warned


@pytest.mark.parametrize("type_line", ["THÔNG BÁO", "THÔNG BÁO - - TĨNH"])
def test_party_notice_title_between_its_issuer_clause_and_bulleted_bases(type_line):
    # Thái Nguyên's Thông báo 348-TB/TU, OCR'd: a seal's specks on the type line (`- - TĨNH`), the issuer
    # clause `CỦA BAN CHẤP HÀNH ĐẢNG BỘ` under it, and the Party's bulleted `- Căn cứ` right after the title
    text = ("TỈNH ỦY THÁI NGUYÊN\n*\nSố 348-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nThái Nguyên, ngày 22 tháng 8 năm 2025\n"
            f"{type_line}\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ\n"
            "Về nội dung, thời gian, địa điểm tổ chức Đại hội đại biểu\n"
            "Đảng bộ tỉnh Thái Nguyên lần thứ XXI, nhiệm kỳ 2025 - 2030\n"
            "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam; Quy định số 294-QĐ/TW,\n")
    h = extract_header(build_layout(text)).header
    assert (h.doc_type, h.title) == ("Thông báo", "Về nội dung, thời gian, địa điểm tổ chức Đại hội đại biểu Đảng bộ "
                                                  "tỉnh Thái Nguyên lần thứ XXI, nhiệm kỳ 2025 - 2030")


def test_cong_van_subject_merged_with_kinh_gui_by_ocr():
    # Tổng cục Thuế 4254/TCT-KK as another engine's OCR: the number's slash lost, `Kính gửi` on a subject line
    text = ("BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỔNG CỤC THUẾ Độc lập - Tự do - Hạnh phúc\n"
            "Số: 4451 CT-KK Hà Nội, ngày 14 tháng 4 năm 2016.\nV/v hướng dẫn kê khai và điều\n"
            "chỉnh thuế TTĐB của hàng hóa nhập khẩu bán ra trong\nnước. - ae” Kính gửi: Cục Thuế các tỉnh, thành phố\n"
            "Căn cứ Luật thuế Tiêu thụ đặc biệt số 27/2008/QH12 ngày 14/11/2008;\n")
    h = extract_header(build_layout(text)).header
    assert (h.doc_type_code, h.title) == ("CV", "Hướng dẫn kê khai và điều chỉnh thuế TTĐB của hàng hóa nhập khẩu "
                                                "bán ra trong nước")
