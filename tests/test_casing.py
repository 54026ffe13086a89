"""ALL-CAPS agency names and headings to proper case."""

from __future__ import annotations

import pytest

from extractors.agency import proper_agency
from extractors.casing import CaseVocab, recase


@pytest.mark.parametrize(
    ("caps", "proper"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "Ủy ban nhân dân tỉnh Bắc Kạn"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ CAO BẰNG", "Ủy ban nhân dân thành phố Cao Bằng"),
        ("ỦY BAN NHÂN DÂN XÃ VĨNH QUANG", "Ủy ban nhân dân xã Vĩnh Quang"),
        ("HỘI ĐỒNG NHÂN DÂN TỈNH CAO BẰNG", "Hội đồng nhân dân tỉnh Cao Bằng"),
        ("TỈNH ỦY CAO BẰNG", "Tỉnh ủy Cao Bằng"),
        ("TỈNH UỶ CAO BẰNG", "Tỉnh ủy Cao Bằng"),
        ("HUYỆN ỦY CAO LÃNH", "Huyện ủy Cao Lãnh"),
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"),
        ("SỞ NỘI VỤ", "Sở Nội vụ"),
        ("BỘ NỘI VỤ", "Bộ Nội vụ"),
        ("PHÒNG KINH TẾ VÀ HẠ TẦNG", "Phòng Kinh tế và Hạ tầng"),
        ("UBND HUYỆN CAO LÃNH", "Ủy ban nhân dân huyện Cao Lãnh"),
        ("UBND TỈNH LÂM ĐỒNG", "Ủy ban nhân dân tỉnh Lâm Đồng"),
        ("HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC TỈNH LÂM ĐỒNG", "Hội đồng thẩm định chỉ số CCHC tỉnh Lâm Đồng"),
    ],
)
def test_agency_names(caps, proper):
    assert proper_agency(caps) == proper
    assert recase(caps) == proper


@pytest.mark.parametrize(
    ("caps", "proper"),
    [
        ("KINH TẾ - XÃ HỘI TRÊN ĐỊA BÀN TỈNH BẮC KẠN", "Kinh tế - xã hội trên địa bàn tỉnh Bắc Kạn"),
        ("PHÁT TRIỂN KINH TẾ XÃ HỘI", "Phát triển kinh tế xã hội"),
        ("ĐÁNH GIÁ KẾT QUẢ TRÊN ĐỊA BÀN THÀNH PHỐ CAO BẰNG GIAI ĐOẠN 2015-2018",
         "Đánh giá kết quả trên địa bàn thành phố Cao Bằng giai đoạn 2015-2018"),
        ("XÂY DỰNG SẢN PHẨM OCOP CỦA HUYỆN CAO LÃNH", "Xây dựng sản phẩm OCOP của huyện Cao Lãnh"),
    ],
)
def test_headings_to_sentence_case(caps, proper):
    assert recase(caps) == proper


def test_words_written_the_way_the_document_writes_them():
    vocab = CaseVocab(["Phát triển Khoa học và Công nghệ giai đoạn 2019-2020 trên địa bàn thành phố."])
    assert recase("KẾ HOẠCH PHÁT TRIỂN KHOA HỌC VÀ CÔNG NGHỆ GIAI ĐOẠN 2019-2020", vocab) == (
        "Kế hoạch phát triển Khoa học và Công nghệ giai đoạn 2019-2020")
    assert recase("KẾ HOẠCH PHÁT TRIỂN KHOA HỌC VÀ CÔNG NGHỆ GIAI ĐOẠN 2019-2020") == (
        "Kế hoạch phát triển khoa học và công nghệ giai đoạn 2019-2020")


@pytest.mark.parametrize(
    "text",
    ["Ủy ban nhân dân tỉnh Bắc Kạn", "Về việc ban hành Kế hoạch hành động", "Sở KH&CN tỉnh Tây Ninh",
     "Phát triển Khoa học và Công nghệ giai đoạn 2019-2020"],
)
def test_text_that_is_not_all_caps_is_unchanged(text):
    assert recase(text) == text


def test_proper_agency_expands_abbreviations_in_mixed_case():
    assert proper_agency("UBND huyện Cao Lãnh") == "Ủy ban nhân dân huyện Cao Lãnh"


def test_unit_word_before_a_province_whose_marks_ocr_lost():
    """Khánh Hòa's QĐ 02/2020 scanned: `TÍNH KHANH HOA` — the province respelt from the list, and the word
    before it can only be `tỉnh`."""
    assert proper_agency("ỦY BAN NHÂN DÂN TÍNH KHANH HOA") == "Ủy ban nhân dân tỉnh Khánh Hòa"
    assert proper_agency("PHÒNG KINH TẾ - HẠ TẦNG") == "Phòng Kinh tế - Hạ tầng"


def test_capitals_that_lost_their_marks_take_the_documents_spelling():
    """Another engine's OCR of Cục Thuế Hà Nội (2023): `CỤC THUE` in the header, `Cục Thuế` in the body.
    An acronym with no such word in the text stays as printed."""
    vocab = CaseVocab(["Trả lời công văn, Cục Thuế thành phố Hà Nội có ý kiến như sau.",
                       "Đề nghị liên hệ Cục Thuế để được hướng dẫn."])
    assert recase("CỤC THUE THÀNH PHỐ HÀ NỘI", vocab) == "Cục Thuế thành phố Hà Nội"
    assert recase("BAN CCHC", vocab) == "Ban CCHC"
