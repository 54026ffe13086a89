"""Documents cited in the text: number, type, date, issuer; self-citations; things that only look like citations."""

from __future__ import annotations

import pytest

from extractors.header import extract_header
from extractors.layout import build_layout
from extractors.references import extract_references
from extractors.tables import extract_tables

HEAD = ("ỦY BAN NHÂN DÂN\nHUYỆN DƯƠNG MINH CHÂU\n\nSố: 12/KH-UBND\n\nDương Minh Châu, ngày 10 tháng 6 năm 2022\n\n"
        "KẾ HOẠCH\n\nHoạt động khoa học, công nghệ và đổi mới sáng tạo năm 2023\n\n")


def references_of(text: str):
    layout = build_layout(text)
    extract_tables(layout)
    head = extract_header(layout)
    return extract_references(layout, head.header)


def cited(body: str) -> dict:
    refs, _ = references_of(HEAD + body)
    return {r.reference: r for r in refs}


@pytest.mark.parametrize(
    ("body", "reference", "doc_type", "date", "issuer"),
    [
        ("Căn cứ Quyết định số 792/QĐ-UBND ngày 06 tháng 5 năm 2011 của Ủy ban nhân dân tỉnh Cao Bằng về Quy hoạch "
         "phát triển Khoa học Công nghệ Cao Bằng 2011- 2020;",
         "792/QĐ-UBND", "Quyết định", "2011-05-06", "Ủy ban nhân dân tỉnh Cao Bằng"),
        ("Căn cứ Quyết định số: 2245/QĐ-TTg ngày 11/12/2015 của Thủ tướng Chính phủ ban hành Quyết định phê duyệt "
         "Đề án tái cơ cấu;", "2245/QĐ-TTg", "Quyết định", "2015-12-11", "Thủ tướng Chính phủ"),
        ("Thực hiện Công văn số 328/KHCN-KH ngày 27/4/2022 của Sở Khoa học và Công nghệ (KH&CN) về việc xây dựng "
         "kế hoạch.", "328/KHCN-KH", "Công văn", "2022-04-27", "Sở Khoa học và Công nghệ"),
        ("Nghị quyết số 05-NQ/TW ngày 01 tháng 11 năm 2016 của Ban Chấp hành Trung ương về chủ trương, chính sách lớn.",
         "05-NQ/TW", "Nghị quyết", "2016-11-01", "Ban Chấp hành Trung ương"),
        ("Nhằm thúc đẩy hoạt động theo Kết luận số 50-KL/TW ngày 30 tháng 5 năm 2019 của Ban Bí thư về tiếp tục.",
         "50-KL/TW", "Kết luận", "2019-05-30", "Ban Bí thư"),
        ("Căn cứ Nghị định số 20/2015/NĐ-CP ngày 14/02/2015 của Chính phủ;",
         "20/2015/NĐ-CP", "Nghị định", "2015-02-14", "Chính phủ"),
        ("Triển khai thực hiện Quyết định số 1186/QĐ-UBND ngày\n16/5/2016 của UBND tỉnh Tây Ninh phê duyệt dự án.",
         "1186/QĐ-UBND", "Quyết định", "2016-05-16", "Ủy ban nhân dân tỉnh Tây Ninh"),
    ],
)
def test_citation_type_date_and_issuer(body, reference, doc_type, date, issuer):
    ref = cited(body)[reference]
    assert (ref.doc_type, ref.issued_date, ref.issuer) == (doc_type, date, issuer)
    assert ref.is_self is False


def test_party_resolution_with_date_wrapped_to_the_next_line():
    refs = cited("**Ban Chấp hành Trung ương Đảng khoá XI (Nghị quyết số 20-NQ/TW\nngày 01/11/2012) về phát triển "
                 "khoa học và công nghệ**")
    assert (refs["20-NQ/TW"].doc_type_code, refs["20-NQ/TW"].issued_date) == ("NQ", "2012-11-01")


def test_normative_number_and_abbreviated_issuer_expanded():
    ref = cited("Tiếp tục triển khai có hiệu quả Nghị quyết số 09/2009/NQ-HĐND ngày 17/7/2009 của HĐND tỉnh ban hành "
                "chính sách hỗ trợ đầu tư đổi mới công nghệ.")["09/2009/NQ-HĐND"]
    assert (ref.doc_type, ref.doc_type_code, ref.issued_date) == ("Nghị quyết", "NQ", "2009-07-17")
    assert ref.issuer.startswith("Hội đồng nhân dân")
    assert "HĐND" not in ref.issuer


def test_law_number_is_not_a_cong_van():
    ref = cited("Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19/6/2015;")["77/2015/QH13"]
    assert ref.doc_type == "Luật"


def test_duplicates_are_merged_and_completed():
    refs, _ = references_of(HEAD + "Quán triệt Nghị quyết số 20-NQ/TW của Trung ương.\n\n"
                            "Thực hiện Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương.\n\n"
                            "Kế hoạch thực hiện Nghị quyết số 20-NQ/TW.\n")
    assert [r.reference for r in refs] == ["20-NQ/TW"]
    assert refs[0].issued_date == "2012-11-01"


@pytest.mark.parametrize(
    "body",
    [
        "Tuyên truyền về mục đích, ý nghĩa của Ngày KH&CN Việt Nam 18/5; các hoạt động khoa học.",
        "Dự án được phê duyệt ngày 16/5/2016 và thực hiện giai đoạn 2019-2020.",
        "Đề án tái cơ cấu ngành nông nghiệp giai đoạn 2017- 2020, tầm nhìn năm 2016-2030.",
        "Bảo đảm tổng đầu tư xã hội cho KH&CN từ 1,5-2% tổng chi ngân sách, tỷ lệ 1/2 số xã.",
    ],
)
def test_dates_and_periods_are_not_references(body):
    assert cited(body) == {}


# ── the document citing itself ──────────────────────────────────────────────────────────────

JOINT = ("Số: 52 /KH-SKHCN-UBND\n\nĐồng Tháp, ngày 25 tháng 3 năm 2022\n\nKẾ HOẠCH\n\n"
         "Phối hợp giữa Sở Khoa học và Công nghệ với Uỷ ban nhân dân huyện Cao Lãnh giai đoạn 2022 – 2025\n\n"
         "I. MỤC ĐÍCH\n\n1. Tăng cường phối hợp hoạt động giữa hai đơn vị.\n\n"
         "**UBND HUYỆN CAO LÃNH\nCHỦ TỊCH**\n\n\n\nLê Chí Thiện\n\n"
         "**SỞ KHOA HỌC VÀ CÔNG NGHỆ\nGIÁM ĐỐC**\n\n\n\nTrần Thanh Liêm\n\nPhụ lục\n\n"
         "DANH MỤC NHIỆM VỤ ƯU TIÊN THỰC HIỆN (Kèm theo Kế hoạch số {ref} ngày 25 tháng 3 năm 2022 của Sở Khoa học "
         "và Công nghệ và Ủy ban nhân dân huyện Cao Lãnh)\n")


def test_self_citation_with_a_wrong_number_is_flagged():
    refs, warnings = references_of(JOINT.format(ref="58/KH-UBND"))
    (ref,) = refs
    assert (ref.reference, ref.is_self, ref.issued_date) == ("58/KH-UBND", True, "2022-03-25")
    assert [w.code for w in warnings] == ["reference_mismatch"]
    assert "52/KH-SKHCN-UBND" in warnings[0].message


def test_self_citation_with_the_right_number_is_not_flagged():
    refs, warnings = references_of(JOINT.format(ref="52/KH-SKHCN-UBND"))
    assert [(r.reference, r.is_self) for r in refs] == [("52/KH-SKHCN-UBND", True)]
    assert warnings == []


def test_self_citation_written_with_a_space_like_the_header():
    refs, warnings = references_of(JOINT.format(ref="52 /KH-SKHCN-UBND"))
    assert [(r.reference, r.is_self) for r in refs] == [("52/KH-SKHCN-UBND", True)]
    assert warnings == []


def test_other_plan_of_another_date_is_not_self():
    text = JOINT.replace("(Kèm theo Kế hoạch số {ref} ngày 25 tháng 3",
                         "(Thực hiện Kế hoạch số 58/KH-UBND ngày 11 tháng 1")
    refs, warnings = references_of(text)
    assert [(r.reference, r.is_self) for r in refs] == [("58/KH-UBND", False)]
    assert warnings == []
