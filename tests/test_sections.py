"""The heading tree: numbering styles, levels and parents, wrapped headings, attached parts, non-headings."""

from __future__ import annotations

import pytest

from extractors.header import extract_header
from extractors.layout import build_layout
from extractors.sections import extract_sections
from extractors.tables import extract_tables

HEAD = "Số: 12/KH-UBND\n\nCao Bằng, ngày 10 tháng 6 năm 2022\n\nKẾ HOẠCH\n\nHoạt động khoa học năm 2023\n\n"
QUY_CHE = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nQUY CHẾ\n\nTổ chức và hoạt động của Hội đồng thẩm định\n\n"
           "(Ban hành kèm theo Quyết định số 125/QĐ-UBND ngày 10 tháng 3 năm 2021 của Ủy ban nhân dân "
           "tỉnh Lâm Đồng)\n\n")
SIGNATURE = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nĐỗ Thị Minh Hoa\n\n"


def sections_of(body: str, head: str = HEAD):
    layout = build_layout(head + body)
    extract_tables(layout)
    result = extract_header(layout)
    return extract_sections(layout, result.parts, result.title_end)[0]


def flat(body: str, head: str = HEAD) -> list[tuple]:
    """(number, level, parent number) of every section, in document order."""
    out = []

    def walk(sections, parent):
        for s in sections:
            out.append((s.number, s.level, parent))
            walk(s.children, s.number)

    walk(sections_of(body, head), None)
    return out


@pytest.mark.parametrize(
    "body",
    [
        "I. MỤC ĐÍCH\n\n1. Tăng cường phối hợp\n\n1.1. Mục tiêu tổng quát\n\na) Đẩy mạnh ứng dụng\n\n"
        "b) Ưu tiên ứng dụng\n\n1.2. Mục tiêu cụ thể\n\n2. Nhiệm vụ\n\nII. NỘI DUNG\n",
        "I- MỤC ĐÍCH\n\n1- Tăng cường phối hợp\n\n1.1- Mục tiêu tổng quát\n\na) Đẩy mạnh ứng dụng\n\n"
        "b) Ưu tiên ứng dụng\n\n1.2- Mục tiêu cụ thể\n\n2- Nhiệm vụ\n\nII- NỘI DUNG\n",
    ],
    ids=["dot", "dash"],
)
def test_roman_arabic_decimal_letter_levels(body):
    assert flat(body) == [
        ("I", 1, None), ("1", 2, "I"), ("1.1", 3, "1"), ("a", 4, "1.1"), ("b", 4, "1.1"), ("1.2", 3, "1"),
        ("2", 2, "I"), ("II", 1, None),
    ]


def test_headings_without_the_trailing_mark():
    (s,) = sections_of("II- MỤC TIÊU, NHIỆM VỤ GIẢI PHÁP CHỦ YẾU\n\n2.1- Đổi mới tư duy nâng cao nhận thức\n")
    assert (s.number, s.heading) == ("II", "MỤC TIÊU, NHIỆM VỤ GIẢI PHÁP CHỦ YẾU")
    assert [(c.number, c.heading) for c in s.children] == [("2.1", "Đổi mới tư duy nâng cao nhận thức")]


def test_letter_with_dot():
    body = ("a. Kết quả hoạt động KH&CN 5 tháng đầu năm 2022\n\n- Được sự quan tâm lãnh đạo.\n\n"
            "b. Ước thực hiện 7 tháng cuối năm 2022\n")
    assert [(s.number, s.heading) for s in sections_of("1. Đánh giá tình hình\n\n" + body)[0].children] == [
        ("a", "Kết quả hoạt động KH&CN 5 tháng đầu năm 2022"), ("b", "Ước thực hiện 7 tháng cuối năm 2022")]


def test_upper_letters_under_roman():
    body = ("III. NỘI DUNG TÁI CƠ CẤU\n\nA. Tiềm lực khoa học và công nghệ\n\n1. Nhân lực khoa học và công nghệ\n\n"
            "2. Tổ chức khoa học và công nghệ\n\nB. Hoạt động nghiên cứu khoa học\n\n1. Xây dựng nhiệm vụ\n\n"
            "IV. GIẢI PHÁP CHỦ YẾU\n")
    assert flat(body) == [("III", 1, None), ("A", 2, "III"), ("1", 3, "A"), ("2", 3, "A"), ("B", 2, "III"),
                          ("1", 3, "B"), ("IV", 1, None)]


def test_chapters_sections_and_articles():
    body = ("Chương I. QUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n\nQuy chế này quy định.\n\n"
            "Điều 2. Đối tượng áp dụng\n\nChương II. TỔ CHỨC VÀ HOẠT ĐỘNG\n\nMục 1. Tổ chức\n\nĐiều 3. Nguyên tắc\n")
    sections = sections_of(body, QUY_CHE)
    assert flat(body, QUY_CHE) == [("Chương I", 1, None), ("Điều 1", 2, "Chương I"), ("Điều 2", 2, "Chương I"),
                                   ("Chương II", 1, None), ("Mục 1", 2, "Chương II"), ("Điều 3", 3, "Mục 1")]
    assert sections[0].heading == "QUY ĐỊNH CHUNG"
    assert sections[0].children[0].text == "Quy chế này quy định."


def test_parts_numbered_in_words():
    """Party guidance (Ban Tổ chức Thành ủy Hà Nội, 2025): `PHẦN THỨ NHẤT` over its heading on the next line."""
    body = ("PHẦN THỨ NHẤT\nVỀ CÔNG TÁC TỔ CHỨC ĐẢNG\n\nI. THÀNH LẬP TỔ CHỨC ĐẢNG\n\n1. Căn cứ\n\n"
            "PHẦN THỨ HAI\nVỀ CÔNG TÁC ĐẢNG VIÊN\n\nA. CÔNG TÁC TẠO NGUỒN\n")
    sections = sections_of(body)
    assert [(s.number, s.heading) for s in sections] == [("Phần thứ nhất", "VỀ CÔNG TÁC TỔ CHỨC ĐẢNG"),
                                                         ("Phần thứ hai", "VỀ CÔNG TÁC ĐẢNG VIÊN")]
    assert [c.number for c in sections[0].children] == ["I"] and [c.number for c in sections[1].children] == ["A"]


def test_article_written_as_a_sentence_is_named_by_it_and_has_it_as_text():
    head = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n\nSố: 684/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nVề việc ban hành Kế hoạch\n\n"
            "QUYẾT ĐỊNH:\n\n")
    (s,) = sections_of("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động.\n", head)
    assert (s.number, s.level, s.heading) == ("Điều 1", 1, "Ban hành kèm theo Quyết định này Kế hoạch hành động")
    assert s.text == "Ban hành kèm theo Quyết định này Kế hoạch hành động."


def test_parts():
    body = ("Nội dung chung.\n\nPhần I. ĐÁNH GIÁ KẾT QUẢ\n\n1. Kết quả đạt được\n\n2. Hạn chế\n\n"
            "Phần II. NHIỆM VỤ NĂM 2023\n\n1. Mục tiêu\n")
    assert flat(body) == [("Phần I", 1, None), ("1", 2, "Phần I"), ("2", 2, "Phần I"), ("Phần II", 1, None),
                          ("1", 2, "Phần II")]


def test_part_right_after_the_title():
    assert flat("Phần I. ĐÁNH GIÁ KẾT QUẢ\n\n1. Kết quả đạt được\n\nPhần II. NHIỆM VỤ\n")[0] == ("Phần I", 1, None)


def test_chapter_title_on_the_next_line():
    sections = sections_of("Chương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n", QUY_CHE)
    assert (sections[0].number, sections[0].heading) == ("Chương I", "QUY ĐỊNH CHUNG")


@pytest.mark.parametrize(
    "body",
    [
        "I. ĐÁNH GIÁ KẾT QUẢ PHÁT TRIỂN KHOA HỌC VÀ CÔNG NGHỆ TRÊN ĐỊA BÀN\nTHÀNH PHỐ CAO BẰNG GIAI ĐOẠN 2015-2018\n\n"
        "1. Kết quả hoạt động\n",
        "**I. ĐÁNH GIÁ KẾT QUẢ PHÁT TRIỂN KHOA HỌC VÀ CÔNG NGHỆ TRÊN ĐỊA BÀN\n"
        "THÀNH PHỐ CAO BẰNG GIAI ĐOẠN 2015-2018**\n\n1. Kết quả hoạt động\n",
    ],
    ids=["plain", "bold"],
)
def test_all_caps_heading_wrapped_on_two_lines_is_one_heading(body):
    (s,) = sections_of(body)
    assert s.heading == ("ĐÁNH GIÁ KẾT QUẢ PHÁT TRIỂN KHOA HỌC VÀ CÔNG NGHỆ TRÊN ĐỊA BÀN THÀNH PHỐ CAO BẰNG "
                         "GIAI ĐOẠN 2015-2018")
    assert [c.number for c in s.children] == ["1"]


def test_attached_plan_after_the_signature_starts_a_new_part():
    head = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n\nSố: 684/QĐ-UBND\n\nBắc Kạn, ngày 16 tháng 5 năm 2016\n\nQUYẾT ĐỊNH\n\n"
            "Về việc ban hành Kế hoạch hành động\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\n"
            "QUYẾT ĐỊNH:\n\n")
    body = ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động.\n\n"
            "Điều 2. Giao Sở Khoa học và Công nghệ chủ trì.\n\n"
            "Điều 3. Các ông, bà: Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.\n\n" + SIGNATURE +
            "KẾ HOẠCH\n\nHÀNH ĐỘNG THỰC HIỆN ĐỀ ÁN TÁI CƠ CẤU NGÀNH KHOA HỌC VÀ CÔNG NGHỆ\n"
            "(Ban hành kèm theo Quyết định số: 684/QĐ-UBND ngày 16 tháng 5 năm 2016 của Ủy ban nhân dân "
            "tỉnh Bắc Kạn)\n\n"
            "I. QUAN ĐIỂM\n\n- Khoa học và công nghệ gắn với mô hình tăng trưởng.\n\nII. MỤC TIÊU\n\n"
            "1. Mục tiêu tổng quát\n")
    sections = sections_of(body, head)
    assert [(s.number, s.level, s.part) for s in sections] == [
        ("Điều 1", 1, 1), ("Điều 2", 1, 1), ("Điều 3", 1, 1), ("I", 1, 2), ("II", 1, 2)]
    assert [c.number for c in sections[-1].children] == ["1"]


def test_appendix_after_the_signature_is_top_level():
    body = ("I. MỤC ĐÍCH\n\nNội dung.\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ\n\n"
            "2. Uỷ ban nhân dân huyện Cao Lãnh\n\n- Tạo điều kiện thuận lợi.\n\n"
            "**SỞ KHOA HỌC VÀ CÔNG NGHỆ\nGIÁM ĐỐC**\n\n\n\nTrần Thanh Liêm\n\n"
            "Nơi nhận:\n\n- Tỉnh ủy (để báo cáo);\n- Lưu: VT.\n\nPhụ lục\n\nDANH MỤC NHIỆM VỤ ƯU TIÊN THỰC HIỆN\n")
    assert ("Phụ lục", 1, None) in flat(body)


def test_numbered_appendix():
    assert flat("I. MỤC ĐÍCH\n\nNội dung.\n\nPhụ lục 1. Danh mục nhiệm vụ ưu tiên\n")[-1][0] == "Phụ lục 1"


def test_table_rows_numbered_like_headings_are_not_sections():
    body = ("II. XÂY DỰNG DỰ TOÁN\n\nĐơn vị tính: triệu đồng\n\n"
            "STT\tNội dung\tĐơn vị tính\tSố lượng\tKinh phí\tGhi chú\n"
            "I\tHoạt động tuyên truyền phổ biến các văn bản KH&CN\tLớp\t1\t4\t\n"
            "01\tPhổ biến, hướng dẫn các văn bản quản lý nhà nước về KH&CN\t\t\t\t\n"
            "II\tTriển khai thực hiện, ứng dụng kết quả đề tài\tMô hình\t03\t110\t\n"
            "Tổng cộng:\t\t\t\t114\t\n\nIII. ĐỀ XUẤT, KIẾN NGHỊ\n\nKiến nghị Sở Khoa học và Công nghệ.\n")
    assert flat(body) == [("II", 1, None), ("III", 1, None)]


@pytest.mark.parametrize(
    "line",
    ["1.000 người tham gia các lớp tập huấn trên địa bàn huyện.",
     "5 - 7 ngày tổ chức một đợt kiểm tra chất lượng hàng hóa.",
     "2019-2020 là giai đoạn tập trung đầu tư."],
)
def test_sentences_starting_with_numbers_are_not_headings(line):
    body = f"I. MỤC TIÊU\n\n{line}\n\n1. Nhiệm vụ\n"
    assert flat(body) == [("I", 1, None), ("1", 2, "I")]
    assert sections_of(body)[0].text == line


def test_chapter_numerals_and_a_one_misread_by_ocr():
    # Vĩnh Long 01/2020/QĐ-UBND rendered at 300 dpi: `Chương II` read `Chương HI`, `III` read `HH`, and a
    # `1.` in ordinary type read `Ï.` (its next item of that rank is `2.`)
    body = ("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuyết định này hướng dẫn.\n"
            "Chương HI\nQUY ĐỊNH CỤ THỂ\nĐiều 4. Nội dung dự toán chi phí\nÏ. Dự toán chi phí dịch vụ công ích\n"
            "a. Nội dung dự toán chi phí\nb. Định mức tỷ lệ chi phí quản lý chung\n"
            "2. Chi phí giám sát, chi phí quản lý dịch vụ\nChương HH\nTỔ CHỨC THỰC HIỆN\n"
            "Điều 7. Trách nhiệm của Sở Xây dựng\n")
    assert flat(body, QUY_CHE) == [
        ("Chương I", 1, None), ("Điều 1", 2, "Chương I"),
        ("Chương II", 1, None), ("Điều 4", 2, "Chương II"), ("1", 3, "Điều 4"), ("a", 4, "1"), ("b", 4, "1"),
        ("2", 3, "Điều 4"),
        ("Chương III", 1, None), ("Điều 7", 2, "Chương III"),
    ]


def test_roman_one_followed_by_its_own_one_stays_roman():
    # Đắk Nông 113/BC-STC scan: `Ì. Tổng quan …` then `]. Diễn biến …` (its 1.) then `2. Phân tích …`
    body = ("Ì. Tổng quan chung về tình hình giá thị trường tháng 05/2019:\n]. Diễn biến chỉ số giá tiêu dùng:\n"
            "Chỉ số tăng.\n2. Phân tích một số nguyên nhân chính\nGiá xăng tăng.\n")
    # `Ì.` is not taken for a misread 1; `].` is
    assert [(s.number, s.heading[:10]) for s in sections_of(body)] == [("1", "Diễn biến "), ("2", "Phân tích ")]
