"""Pixels for OCR: PDF pages rendered with pypdfium2, and image files (PNG, JPEG, multi-page TIFF) with a dpi.

The dpi matters because every OCR box is converted to PDF points with `72 / dpi`; an image file's own
resolution tag is trusted only when it gives a plausible paper size (scanners and phones often write
72 or 96 dpi whatever the real resolution).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageOps, ImageSequence

A4_INCHES = (8.27, 11.69)
DEFAULT_DPI = 300.0
_A4_RATIO = A4_INCHES[1] / A4_INCHES[0]
_RATIO_TOLERANCE = 0.04  # 4 %: scanner crops and phone photos of A4 stay within this
_PAGE_INCHES = (5.0, 17.5)  # long side of a plausible page: A6 … A3 (and some slack)


def page_count(path: Path) -> int:
    """Number of pages in a PDF."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def page_size_points(path: Path, index: int) -> tuple[float, float]:
    """(width, height) in PDF points of page `index` (0-based), as displayed (the page's /Rotate applied)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        # FPDF_GetPageWidthF/HeightF report the size after /Rotate, like the rendered bitmap.
        width, height = page.get_size()
        page.close()
        return float(width), float(height)
    finally:
        pdf.close()


def render_pdf_page(path: Path, index: int, dpi: int = 300) -> Image.Image:
    """Render page `index` (0-based) of a PDF as an RGB PIL image at `dpi`.

    RGB, not grayscale: OCR preprocessing needs the colour to drop red seals. Annotations are drawn
    (signing systems put the number and date in them); pdfium is not thread-safe, so parallelism has
    to come from processes, one document per process.
    """
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        bitmap = page.render(scale=dpi / 72, draw_annots=True)
        image = bitmap.to_pil().convert("RGB")  # to_pil shares pdfium's buffer: copy before closing
        page.close()
        return image
    finally:
        pdf.close()


def load_image_pages(path: Path) -> list[tuple[Image.Image, float]]:
    """Every page (frame) of an image file as (RGB or L image, dpi), EXIF orientation applied."""
    pages = []
    with Image.open(path) as img:
        for frame in ImageSequence.Iterator(img):
            # exif_transpose returns a copy, so the frame survives leaving the `with` block.
            image = _plain_mode(ImageOps.exif_transpose(frame) or frame.copy())
            pages.append((image, _image_dpi(image, frame.info.get("dpi"))))
    return pages


def _plain_mode(image: Image.Image) -> Image.Image:
    """8-bit L or RGB: what OpenCV and Tesseract expect (palette, 1-bit, 16-bit, alpha, CMYK converted)."""
    if image.mode in ("L", "RGB"):
        return image
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # PIL's convert("L") clips 16-bit values at 255 (a white page); scale instead.
        arr = np.asarray(image, dtype=np.float64)
        top = arr.max() or 1.0
        return Image.fromarray((arr * (255.0 / top)).astype(np.uint8), "L")
    if image.mode in ("1", "LA") or (image.mode == "P" and _grey_palette(image)):
        return image.convert("L")
    if "A" in image.getbands() or image.mode == "P":
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")  # transparent → white paper, not black
    return image.convert("RGB")


def _grey_palette(image: Image.Image) -> bool:
    palette = image.getpalette() or []
    return all(palette[i] == palette[i + 1] == palette[i + 2] for i in range(0, len(palette) - 2, 3))


def _image_dpi(image: Image.Image, tagged: object) -> float:
    """The file's dpi when it gives a plausible page size; else A4 inferred from the aspect ratio; else 300."""
    w, h = image.size
    long_px, short_px = max(w, h), min(w, h)
    if isinstance(tagged, tuple) and len(tagged) == 2:
        try:
            dpi = float(tagged[1] or tagged[0])
        except (TypeError, ValueError):
            dpi = 0.0
        if dpi > 0 and _PAGE_INCHES[0] <= long_px / dpi <= _PAGE_INCHES[1]:
            return dpi
    if short_px and abs(long_px / short_px - _A4_RATIO) / _A4_RATIO <= _RATIO_TOLERANCE:
        # Average both sides: cropped scans are a little off on one of them.
        return round((long_px / A4_INCHES[1] + short_px / A4_INCHES[0]) / 2, 1)
    return DEFAULT_DPI
