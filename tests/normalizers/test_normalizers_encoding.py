import json
import unicodedata
from pathlib import Path

import pytest

from normalizers import (
    decode_bytes,
    decode_tcvn3,
    marked_share,
    normalize_text,
    repair_tcvn3_mojibake,
    undo_tcvn3_mojibake,
    vietnamese_score,
)
from normalizers.lexicon import repair_glyphs

TABLE_PATH = Path(__file__).resolve().parents[2] / "normalizers" / "data" / "tcvn3.json"
TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}

SENTENCES = [
    "Ủy ban nhân dân tỉnh Bắc Kạn ban hành Quyết định số 684/QĐ-UBND ngày 16 tháng 5 năm 2016.",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    "Kế hoạch 52/KH-SKHCN-UBND về phát triển khoa học và công nghệ, tổng kinh phí 8.971,98 triệu đồng.",
    "Nơi nhận:\n- Như trên;\n- Thường trực Tỉnh ủy;\n- Lưu: VT, KGVX.",
    "Thực hiện Chương trình số 34-CTr/TU của Tỉnh ủy Cao Bằng về chuyển giao tiến bộ kỹ thuật.",
]


def _tcvn3_inverse() -> dict[str, int]:
    table = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    inverse: dict[str, int] = {}
    for key, char in sorted(table.items(), key=lambda item: int(item[0])):
        inverse.setdefault(char, int(key))
    return inverse


def _split_tone(char: str) -> tuple[str, str]:
    decomposed = unicodedata.normalize("NFD", char)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    return base, "".join(c for c in decomposed if c in TONES)


def encode_tcvn3(text: str) -> bytes:
    inverse = _tcvn3_inverse()
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in inverse:
            out.append(inverse[char])
        else:  # TCVN3 lacks some precomposed capitals: write base letter + combining tone
            base, tone = _split_tone(char)
            out += bytes(inverse[c] for c in base + tone)
    return bytes(out)


def encode_cp1258(text: str) -> bytes:
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:  # cp1258 has â, ơ, ... but writes tones as combining marks
            base, tone = _split_tone(char)
            out += (base + tone).encode("cp1258")
    return bytes(out)


def test_tcvn3_table_is_complete_and_matches_known_bytes() -> None:
    table = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    assert sorted(int(key) for key in table) == list(range(256))
    assert (table["184"], table["169"], table["174"], table["167"]) == ("á", "â", "đ", "Đ")
    assert all(table[str(value)] == chr(value) for value in range(0x20, 0x7F))
    assert (table["9"], table["10"], table["13"]) == ("\t", "\n", "\r")


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_encoder_round_trips(sentence: str) -> None:
    assert decode_tcvn3(encode_tcvn3(sentence)) == sentence


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize(
    ("encode", "expected_name"),
    [
        (lambda s: s.encode("utf-8-sig"), "utf-8-sig"),
        (lambda s: s.encode("utf-16"), "utf-16-le"),
        (lambda s: b"\xfe\xff" + s.encode("utf-16-be"), "utf-16-be"),
        (lambda s: s.encode("utf-16-le"), "utf-16-le"),
        (lambda s: s.encode("utf-16-be"), "utf-16-be"),
        (lambda s: s.encode("utf-8"), "utf-8"),
        (lambda s: unicodedata.normalize("NFD", s).encode("utf-8"), "utf-8"),
        (encode_cp1258, "cp1258"),
        (encode_tcvn3, "tcvn3"),
    ],
)
def test_decode_bytes(sentence: str, encode, expected_name: str) -> None:
    text, name = decode_bytes(encode(sentence))
    assert name == expected_name
    assert text == sentence
    assert "\ufeff" not in text


def test_cp1258_bytes_really_use_combining_tones() -> None:
    data = encode_cp1258("Kạn")
    assert data == b"Ka\xf2n"
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == "Kạn"


def test_decode_bytes_reads_tcvn3_mojibake_stored_as_utf8() -> None:
    text, name = decode_bytes("Uû ban nh©n d©n tØnh B¾c K¹n".encode())
    assert name == "tcvn3-mojibake"
    assert text == "Uỷ ban nhân dân tỉnh Bắc Kạn"


def test_decode_bytes_ascii_is_utf8() -> None:
    assert decode_bytes(b"So: 684/QD-UBND") == ("So: 684/QD-UBND", "utf-8")


def test_decode_bytes_empty() -> None:
    assert decode_bytes(b"") == ("", "utf-8")


def test_repair_tcvn3_mojibake_example() -> None:
    repaired, changed = repair_tcvn3_mojibake("Uû ban nh©n d©n tØnh B¾c K¹n")
    assert changed is True
    assert repaired == "Uỷ ban nhân dân tỉnh Bắc Kạn"
    assert normalize_text(repaired) == "Ủy ban nhân dân tỉnh Bắc Kạn"


def windows_1252(data: bytes) -> str:
    """Decode like Windows does: the five bytes cp1252 leaves undefined become C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("decode", [lambda data: data.decode("latin-1"), windows_1252])
def test_repair_tcvn3_mojibake_round_trip(sentence: str, decode) -> None:
    mojibake = decode(encode_tcvn3(sentence))
    assert mojibake != sentence
    assert repair_tcvn3_mojibake(mojibake) == (sentence, True)


@pytest.mark.parametrize(
    "text",
    [
        *SENTENCES,
        "Uỷ ban nhân dân tỉnh Bắc Kạn",
        "© 2016 Cổng thông tin điện tử tỉnh Bắc Kạn",
        "Nhiệt độ trung bình 25°C, lượng mưa ½ so với cùng kỳ",
        "Số: 684/QĐ-UBND",
        "Report on science and technology",
        "",
    ],
)
def test_repair_tcvn3_mojibake_leaves_unicode_alone(text: str) -> None:
    assert repair_tcvn3_mojibake(text) == (text, False)


def test_vietnamese_score_orders_candidates() -> None:
    good = "Ủy ban nhân dân tỉnh Bắc Kạn"
    assert vietnamese_score(good) == 1.0
    assert vietnamese_score("Uû ban nh©n d©n tØnh B¾c K¹n") < 0.5
    assert vietnamese_score("") == 0.0


def test_undo_tcvn3_mojibake_decodes_single_words() -> None:
    """Words alone are too short for the repair's check; once a page is known to be TCVN3 each decodes."""
    assert [undo_tcvn3_mojibake(w) for w in ("Uû", "nh©n", "tØnh", "B¾c", "K¹n", "2016", "684/Q§-UBND")] == [
        "Uỷ", "nhân", "tỉnh", "Bắc", "Kạn", "2016", "684/QĐ-UBND"]  # tone placement is normalize_text's job
    assert repair_tcvn3_mojibake("Uû")[1] is False


def test_marked_share_separates_prose_from_markless_ocr() -> None:
    prose = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Xét đề nghị của Giám đốc "
             "Sở Khoa học và Công nghệ tại Tờ trình số 19/TTr-SKHCN, Ủy ban nhân dân tỉnh quyết định ban hành")
    markless = ("Can cu Luat To chuc chinh quyen dia phuong ngay 19 thang 6 nam 2015; Xet de nghi cua Giam doc "
                "So Khoa hoc va Cong nghe tai To trinh so 19/TTr-SKHCN, Uy ban nhan dan tinh quyet dinh ban hanh")
    assert marked_share(prose) > 0.6
    assert marked_share(markless) == 0.0
    assert marked_share("Kinh phí 8.971,98 triệu đồng") is None  # too few words to tell


@pytest.mark.parametrize(("layer", "meant"), [
    ("CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),  # a signed PDF of Đắk Nông, 2019
    ("XÃ QUẢNG PHÖ", "XÃ QUẢNG PHÚ"),
    ("Ông Võ Văn Kiệt, VÕ THỊ SÁU", "Ông Võ Văn Kiệt, VÕ THỊ SÁU"),  # Õ is Vietnamese: a syllable stays
])
def test_swapped_glyphs_of_broken_fonts_repaired_only_into_syllables(layer, meant):
    assert repair_glyphs(layer) == meant
