import unicodedata

import pytest

from normalizers import fold_diacritics, is_all_caps, normalize_spaces, normalize_text, repair_caps_case


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Uỷ", "Ủy"),
        ("UỶ", "ỦY"),
        ("hoà", "hòa"),
        ("Hoà", "Hòa"),
        ("HOÀ", "HÒA"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("Hoà An", "Hòa An"),
        ("TỈNH UỶ CAO BẰNG", "TỈNH ỦY CAO BẰNG"),
        ("Uỷ ban nhân dân tỉnh Bắc Kạn", "Ủy ban nhân dân tỉnh Bắc Kạn"),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Thuỷ lợi, thuỵ sĩ, tuý, huỷ bỏ", "Thủy lợi, thụy sĩ, túy, hủy bỏ"),
        ("kế hoạch, hoạ sĩ, xoè, loè", "kế hoạch, họa sĩ, xòe, lòe"),
        ("Nguỵ, luỹ kế", "Ngụy, lũy kế"),
        ("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
    ],
)
def test_normalize_text_moves_old_tone_placement(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "word",
    [
        "hoàn thành",
        "toán",
        "khuỷu tay",
        "quý",
        "quỳ",
        "quỹ",
        "Quỹ",
        "QUÝ IV",
        "Quỳnh",
        "gìa",
        "hoạch",
        "loạt",
    ],
)
def test_normalize_text_leaves_inner_and_qu_syllables(word: str) -> None:
    assert normalize_text(word) == word


@pytest.mark.parametrize(
    "ref",
    [
        "684/QĐ-UBND",
        "Số: 684/QĐ-UBND",
        "52/KH-SKHCN-UBND",
        "Số 34-CTr/TU",
        "09/2009/NQ-HĐND",
        "20/2015/NĐ-CP",
        "80/2015/QH13",
        "Số:    /KH-UBND",
        "23 /KH-UBND",
        "…/UBND-KGVX",
        "Hướng dẫn 36-HD/VPTW",
    ],
)
def test_normalize_text_keeps_references_byte_identical(ref: str) -> None:
    assert normalize_text(ref).encode() == ref.encode()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Số: 684/QÐ-UBND", "Số: 684/QĐ-UBND"),  # U+00D0
        ("\u0189ẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("\u00f0ồng", "đồng"),
        ("Độc lập – Tự do — Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
        ("\u2212 5", "- 5"),
        ("V/v\u2011triển khai", "V/v-triển khai"),
        ("Quyết định số 53\u2044QĐ-UBND", "Quyết định số 53/QĐ-UBND"),  # OCR's fraction slash
        ("ngày 21\u221512\u22152017", "ngày 21/12/2017"),
        ("Bắc\u00a0Kạn,\u202fngày\u20075", "Bắc Kạn, ngày 5"),
        ("Quyết\u200b định\ufeff", "Quyết định"),
        ("a\u200c\u200db", "ab"),
        ("STT\tNội dung\t\tKinh phí", "STT\tNội dung\t\tKinh phí"),
        ("hai  dấu   cách", "hai  dấu   cách"),
    ],
)
def test_normalize_text_characters(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_text_composes_nfd_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Quyết định số 684/QĐ-UBND")
    assert normalize_text(decomposed) == "Quyết định số 684/QĐ-UBND"


def test_normalize_text_composes_then_moves_tone() -> None:
    assert normalize_text(unicodedata.normalize("NFD", "Uỷ ban")) == "Ủy ban"


@pytest.mark.parametrize(
    "text",
    [
        "TỈNH UỶ CAO BẰNG\nSố 34-CTr/TU",
        "Hoà An, ngày 06 tháng 3 năm 2013",
        "Uỷ\u00a0ban – QÐ",
        unicodedata.normalize("NFD", "khoẻ mạnh, thuỷ lợi"),
    ],
)
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == unicodedata.normalize("NFC", once)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Ủy   ban  nhân dân  ", "Ủy ban nhân dân"),
        ("Nơi nhận:  \n  - Như trên;   \n- Lưu: VT.", "Nơi nhận:\n- Như trên;\n- Lưu: VT."),
        ("1\t  Chi   thường xuyên\t8.861,98", "1\t Chi thường xuyên\t8.861,98"),
        ("a\t\tb", "a\t\tb"),
        ("", ""),
    ],
)
def test_normalize_spaces(raw: str, expected: str) -> None:
    assert normalize_spaces(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ủy ban nhân dân tỉnh Bắc Kạn", "Uy ban nhan dan tinh Bac Kan"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CONG HOA XA HOI CHU NGHIA VIET NAM"),
        ("Đảng ủy, đồng", "Dang uy, dong"),
        ("QÐ-UBND", "QD-UBND"),
        ("Trường Đại học Sư phạm", "Truong Dai hoc Su pham"),
        ("684/QĐ-UBND", "684/QD-UBND"),
    ],
)
def test_fold_diacritics(raw: str, expected: str) -> None:
    assert fold_diacritics(raw) == expected


def test_fold_diacritics_makes_tone_placements_equal() -> None:
    assert fold_diacritics("thuỷ") == fold_diacritics("thủy") == "thuy"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QUYẾT ĐỊNH", True),
        ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", True),
        ("KẾ HOẠCH 52/KH-SKHCN-UBND", True),
        ("UBND", True),
        ("Quyết định", False),
        ("TỈNH ỦY Cao Bằng", False),
        ("A", False),
        ("A 1", False),
        ("123/456", False),
        ("", False),
        ("Đ Đ", True),
    ],
)
def test_is_all_caps(text: str, expected: bool) -> None:
    assert is_all_caps(text) is expected


def test_broken_layer_oi_letters_are_u_horn():
    # broken PDF fonts map ư/Ư to ƣ/Ƣ (U+01A3/U+01A2); with a combining tone they compose
    assert normalize_text("Hƣớng dẫn số 36-HD/VPTW của NGƢỜI ký") == "Hướng dẫn số 36-HD/VPTW của NGƯỜI ký"
    assert normalize_text("tr\u01a3\u0301c") == "trức"


def test_letter_spaced_capitals_are_joined():
    assert normalize_text("B Ộ  L A O  Đ Ộ N G") == "BỘ LAO ĐỘNG"
    assert normalize_text("B Ộ  N Ộ I  V Ụ") == "BỘ NỘI VỤ"


def test_spaced_letters_that_are_not_words_stay():
    assert normalize_text("Phụ lục A B C") == "Phụ lục A B C"
    assert normalize_text("A  B  1  2  3") == "A  B  1  2  3"
    assert normalize_text("a b c d") == "a b c d"


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        # TP.HCM's Sở Quy hoạch - Kiến trúc licence read by another OCR engine: both header columns merged
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH sỞ QUY HOACH-KIÉN TRÚC",
         "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ QUY HOACH-KIÉN TRÚC"),
        ("cÔNG TY CỔ PHẦN ĐẦU TƯ", "CÔNG TY CỔ PHẦN ĐẦU TƯ"),
        ("Sở Xây dựng tỉnh Lâm Đồng", "Sở Xây dựng tỉnh Lâm Đồng"),  # ordinary text is left alone
        ("UBND TỈNH cT", "UBND TỈNH cT"),  # too few capitals to tell
        ("xã Tân Hòa, THÀNH PHỐ HÀ NỘI", "xã Tân Hòa, THÀNH PHỐ HÀ NỘI"),  # a small word, not a look-alike capital
    ],
)
def test_repair_caps_case(line: str, repaired: str) -> None:
    assert repair_caps_case(line) == repaired


def test_unique_by_letters_keeps_only_unambiguous_spellings():
    from normalizers import unique_by_letters

    by = unique_by_letters(["Trần", "Nguyễn", "Thứ trưởng", "Thủ trưởng", "sở"])
    assert by["tran"] == "Trần" and by["nguyen"] == "Nguyễn" and by["so"] == "sở"
    assert "thu truong" not in by  # Thứ trưởng or Thủ trưởng: two readings, no guess
