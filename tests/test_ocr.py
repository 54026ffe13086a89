"""OCR reader: rendering/loading pages, preprocessing (red seal, skew) and Tesseract words, with real Tesseract.

Fixtures are drawn with PIL at 300 dpi in a Times-like serif, so expected positions are known exactly.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from pipeline.readers import ocr, raster  # noqa: E402

FONTS = ["/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"]
FONT = next((p for p in FONTS if Path(p).exists()), None)
DPI = 300
LINES = ["Số: 684/QĐ-UBND", "Bắc Kạn, ngày 16 tháng 5 năm 2016", "KẾ HOẠCH",
         "Phát triển khoa học và công nghệ giai đoạn 2016-2020"]
X0, Y0, STEP = 150, 120, 130  # px

pytestmark = [
    pytest.mark.skipif(FONT is None, reason="no serif font with Vietnamese glyphs"),
    pytest.mark.skipif(ocr.DEFAULT_LANG not in ocr.available_langs(), reason="Tesseract model missing"),
]


def _page() -> tuple[Image.Image, dict[str, tuple[int, int, int, int]]]:
    """A 1800×700 px page with LINES at 13 pt, and the pixel box of every drawn word."""
    font = ImageFont.truetype(FONT, 54)
    img = Image.new("RGB", (1800, 700), "white")
    draw = ImageDraw.Draw(img)
    boxes = {}
    for i, line in enumerate(LINES):
        x, y = X0, Y0 + i * STEP
        for word in line.split():
            boxes[word] = draw.textbbox((x, y), word, font=font)
            draw.text((x, y), word, font=font, fill=(15, 15, 15))
            x += draw.textlength(word + " ", font=font)
    return img, boxes


def _seal(img: Image.Image) -> Image.Image:
    """The page with a red seal multiplied over the date line (ink over ink, as on paper)."""
    layer = Image.new("RGB", img.size, "white")
    draw = ImageDraw.Draw(layer)
    cx, cy, r = 700, Y0 + STEP + 30, 170
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(215, 40, 50), width=12)
    draw.ellipse((cx - r + 30, cy - r + 30, cx + r - 30, cy + r - 30), outline=(230, 90, 110), width=4)
    draw.text((cx - 110, cy - 30), "ỦY BAN", font=ImageFont.truetype(FONT, 50), fill=(220, 50, 60))
    return ImageChops.multiply(img, layer)


def _text(words) -> str:
    return " ".join(w.text for w in words)


@pytest.fixture(scope="module")
def page():
    return _page()


@pytest.fixture(scope="module")
def plain_words(page):
    return ocr.ocr_page(ocr.preprocess(page[0])[0], 3, DPI)


def test_words_found_with_boxes_in_points(page, plain_words):
    _, boxes = page
    found = {w.text: w for w in plain_words}
    for word in ["684/QĐ-UBND", "Bắc", "Kạn,", "KẾ", "HOẠCH", "2016"]:
        assert word in found, (word, _text(plain_words))
        w, (x0, top, x1, bottom) = found[word], boxes[word]
        k = 72 / DPI
        assert w.x0 == pytest.approx(x0 * k, abs=3) and w.x1 == pytest.approx(x1 * k, abs=3)
        assert w.top == pytest.approx(top * k, abs=3) and w.bottom == pytest.approx(bottom * k, abs=3)
        assert 0 <= w.conf <= 100 and w.page == 3
    assert all(w.text == w.text.strip() and w.text for w in plain_words)


def test_line_ids_group_lines(plain_words):
    by_line: dict[int, list[str]] = {}
    for w in plain_words:
        by_line.setdefault(w.line_id, []).append(w.text)
    assert sorted(" ".join(v) for v in by_line.values()) == sorted(LINES)


def test_text_is_nfc(plain_words):
    import unicodedata

    assert all(unicodedata.is_normalized("NFC", w.text) for w in plain_words)


def test_engine_name():
    assert re.fullmatch(r"tesseract \d+\.\d+(\.\d+)? \(vie\)", ocr.engine_name("vie"))


def test_red_seal_removed_before_ocr(page, plain_words):
    sealed = _seal(page[0])
    gray, _ = ocr.preprocess(sealed)
    assert ocr.estimate_skew(gray) == pytest.approx(0, abs=0.2)
    cleaned = _text(ocr.ocr_page(gray, 1, DPI))
    assert difflib.SequenceMatcher(None, cleaned, _text(plain_words)).ratio() > 0.97, cleaned
    assert "Bắc Kạn, ngày 16 tháng 5 năm 2016" in cleaned
    assert "ỦY" not in cleaned


def test_drop_red_keeps_black_and_blue_ink():
    colours = {"seal red": (215, 40, 50), "pink": (240, 160, 180), "black": (20, 20, 20),
               "blue ink": (30, 50, 170), "black under seal": (18, 3, 4), "paper": (250, 248, 245)}
    rgb = np.array([[c] * 5 for c in colours.values()], dtype=np.uint8)
    gray = dict(zip(colours, ocr.drop_red(rgb)[:, 2]))
    assert gray["seal red"] > 200 and gray["pink"] > 200 and gray["paper"] > 240
    assert gray["black"] < 40 and gray["black under seal"] < 40 and gray["blue ink"] < 100


@pytest.mark.parametrize("angle", [2.0, -2.0])
def test_deskew(page, angle):
    tilted = page[0].rotate(angle, resample=Image.BICUBIC, fillcolor="white")
    gray, found = ocr.preprocess(tilted)
    assert found == pytest.approx(angle, abs=0.5)
    assert ocr.estimate_skew(gray) == pytest.approx(0, abs=0.3)


def test_deskewed_page_reads(page):
    gray, _ = ocr.preprocess(page[0].rotate(2.0, resample=Image.BICUBIC, fillcolor="white"))
    text = _text(ocr.ocr_page(gray, 1, DPI))
    assert "684/QĐ-UBND" in text and "KẾ HOẠCH" in text


def test_words_text_one_line_per_line_id(plain_words):
    assert ocr.words_text(plain_words).splitlines() == LINES


# --- raster -------------------------------------------------------------------------------------


def test_image_dpi_from_metadata_or_a4_guess(tmp_path):
    Image.new("L", (1654, 2339), 255).save(tmp_path / "tagged.png", dpi=(200, 200))
    Image.new("L", (2000, 2829), 255).save(tmp_path / "a4.png")  # no pHYs chunk
    Image.new("L", (2000, 2829), 255).save(tmp_path / "bogus.jpg", dpi=(72, 72))  # 28 × 39 in: not a page
    Image.new("L", (1500, 1500), 255).save(tmp_path / "square.png")
    dpis = {p: raster.load_image_pages(tmp_path / p)[0][1] for p in ["tagged.png", "a4.png", "bogus.jpg", "square.png"]}
    assert dpis["tagged.png"] == pytest.approx(200, abs=0.5)
    assert dpis["a4.png"] == pytest.approx(242, abs=3)
    assert dpis["bogus.jpg"] == pytest.approx(242, abs=3)
    assert dpis["square.png"] == 300


def test_exif_orientation_applied(tmp_path):
    img = Image.new("RGB", (300, 200), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    img.save(tmp_path / "photo.jpg", exif=exif)
    (page, _), = raster.load_image_pages(tmp_path / "photo.jpg")
    assert page.size == (200, 300) and page.mode == "RGB"


def test_multipage_tiff(tmp_path):
    frames = [Image.new("L", (827, 1169), v) for v in (255, 200)]
    frames[0].save(tmp_path / "scan.tif", save_all=True, append_images=frames[1:], dpi=(100, 100))
    pages = raster.load_image_pages(tmp_path / "scan.tif")
    assert [p[1] for p in pages] == [pytest.approx(100), pytest.approx(100)]
    assert [p[0].getpixel((5, 5)) for p in pages] == [255, 200]


def test_pdf_render_and_sizes(tmp_path, page):
    path = tmp_path / "scan.pdf"
    page[0].save(path, resolution=150.0)  # 1800×700 px at 150 dpi → 864×336 pt
    assert raster.page_count(path) == 1
    assert raster.page_size_points(path, 0) == pytest.approx((864, 336), abs=0.5)
    img = raster.render_pdf_page(path, 0, dpi=300)
    assert img.mode == "RGB" and img.size == pytest.approx((3600, 1400), abs=2)
    pdf = pdfium.PdfDocument(str(path))
    pdf[0].set_rotation(90)  # /Rotate 90: size and bitmap as displayed
    pdf.save(tmp_path / "rotated.pdf")
    pdf.close()
    assert raster.page_size_points(tmp_path / "rotated.pdf", 0) == pytest.approx((336, 864), abs=0.5)
    assert raster.render_pdf_page(tmp_path / "rotated.pdf", 0, dpi=72).size == pytest.approx((336, 864), abs=1)


def test_available_langs_lists_script_models():
    assert {"vie", "Vietnamese"} <= ocr.available_langs() and ocr.pick_lang() == ocr.DEFAULT_LANG


def test_grey_seal_faded_before_ocr(page, plain_words):
    """A red seal on a page scanned in grey is mid-grey ink over black type: found as a circle and taken out."""
    grey = _seal(page[0]).convert("L")
    assert not ocr.has_colour(grey) and ocr.has_colour(_seal(page[0]))
    clean, _ = ocr.clean_page(grey)
    faded = ocr.fade_seals(clean, DPI)
    text = _text(ocr.ocr_page(ocr.binarize_page(faded), 1, DPI))
    assert "Bắc Kạn, ngày 16 tháng 5 năm 2016" in text and "ỦY" not in text, text
    assert faded.min() < 60  # the type stays black


def test_page_without_a_seal_is_not_faded(page):
    clean, _ = ocr.clean_page(page[0].convert("L"))
    assert ocr.fade_seals(clean, DPI) is clean


def test_unread_signature_block_read_again():
    """The signer's name left unread by the page reading (only a speck there) is read as a block; a
    confident word elsewhere stays as it was."""
    img = Image.new("L", (2480, 3508), 255)  # an A4 page at 300 dpi
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 54)
    draw.text((1500, 300), "PHÓ CHỦ TỊCH", font=font, fill=10)
    draw.ellipse((1120, 400, 1480, 760), outline=30, width=10)  # a seal's ring, scanned in grey
    draw.line([(1350, 520), (1700, 420), (1900, 480), (2200, 400)], fill=40, width=6)  # a signature stroke
    draw.text((1500, 640), "Nguyễn Thị Hoa", font=font, fill=10)
    binary = ocr.binarize_page(np.asarray(img))
    kept = ocr.Word("Kính", 30, 30, 60, 42, 1, conf=96.0, line_id=0)
    speck = ocr.Word("„", 380, 160, 384, 166, 1, conf=12.0, line_id=1)
    words = ocr.reread_unread_ink(binary, [kept, speck], 1, DPI)
    texts = [w.text for w in words]
    assert kept in words and speck not in words
    assert "Nguyễn" in texts and "Hoa" in texts, texts
    hoa = next(w for w in words if w.text == "Hoa")
    assert hoa.x0 > 1500 * 72 / DPI and hoa.top > 600 * 72 / DPI  # in page points, not the region's
