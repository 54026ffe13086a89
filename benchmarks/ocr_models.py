"""OCR model and preprocessing benchmark: Tesseract `vie` vs `Vietnamese`, CER and seconds per page.

Renders real Vietnamese administrative text (from samples/*.txt) as 300-dpi A4 pages in a Times-like
serif (Liberation Serif 2 from Debian `fonts-liberation2`, which has the Vietnamese glyphs; DejaVu
Serif otherwise), makes a degraded copy (tilt 0.5–1.5°, a red seal over the text, blur, noise, JPEG
quality 40; fixed seed), OCRs both with each model and prints the character error rate (Levenshtein
distance / reference length, whitespace collapsed) and the seconds per page (one Tesseract thread).
Degraded pages are read raw and after `preprocess` with each binarisation, to choose its default too.

    .venv/bin/python benchmarks/ocr_models.py [--pages 5] [--lines 30] [--seed N]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import sys
import textwrap
import time
import unicodedata
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.readers.ocr import ocr_page, preprocess, words_text  # noqa: E402

FONTS = ["/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"]
DPI = 300
A4 = (2480, 3508)  # pixels at 300 dpi
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP = 354, 236, 236  # 30 mm / 20 mm / 20 mm, as in NĐ 30/2020
FONT_PX = round(13 * DPI / 72)  # 13 pt body text
MODELS = ["vie", "Vietnamese"]


def levenshtein(a: str, b: str) -> int:
    """Edit distance, one numpy row per character of `a` (insertions resolved with a running minimum)."""
    if not a or not b:
        return len(a) or len(b)
    codes = np.array([ord(c) for c in b])
    row = np.arange(len(b) + 1)
    steps = np.arange(len(b) + 1)
    for i, ch in enumerate(a, 1):
        tmp = np.empty_like(row)
        tmp[0] = i
        tmp[1:] = np.minimum(row[1:] + 1, row[:-1] + (codes != ord(ch)))  # deletion, substitution
        row = np.minimum.accumulate(tmp - steps) + steps  # insertion: new[j] = min_k tmp[k] + (j − k)
    return int(row[-1])


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate on NFC text with all whitespace runs collapsed to one space."""
    ref = " ".join(unicodedata.normalize("NFC", reference).split())
    hyp = " ".join(unicodedata.normalize("NFC", hypothesis).split())
    return levenshtein(ref, hyp) / max(1, len(ref))


def page_lines(path: Path, font: ImageFont.FreeTypeFont, count: int) -> list[str]:
    """The first `count` wrapped body lines of a sample (table rows and markup skipped)."""
    width = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
    avg = font.getlength("nguyễn thị hoà bình 2019,") / 25
    lines: list[str] = []
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        # Markdown emphasis, bullets and rules are not what the models are compared on.
        text = re.sub(r"\s+", " ", re.sub(r"[*_•]+", " ", raw)).strip()
        if not text or "\t" in raw or "|" in text or text.startswith(("#", "<")) or not re.search(r"\w", text):
            continue
        for line in textwrap.wrap(text, int(width / avg)):
            while font.getlength(line) > width and " " in line:  # wrap estimate too generous: trim
                line = line.rsplit(" ", 1)[0]
            lines.append(line)
        if len(lines) >= count:
            break
    return lines[:count]


def render(lines: list[str], font: ImageFont.FreeTypeFont) -> Image.Image:
    """An A4 page at 300 dpi with the lines at 1.3 line spacing."""
    img = Image.new("RGB", A4, "white")
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((MARGIN_LEFT, MARGIN_TOP + i * round(FONT_PX * 1.3)), line, font=font, fill=(20, 20, 20))
    return img


def degrade(img: Image.Image, font_path: str, rng: random.Random) -> Image.Image:
    """A scan-like copy: red seal over text, tilt, blur, noise, JPEG quality 40."""
    # The seal is drawn on its own white layer and multiplied in, as ink absorbs light: where it
    # crosses black text the text stays black (an alpha blend would tint the text red instead).
    seal = Image.new("RGB", img.size, "white")
    draw = ImageDraw.Draw(seal)
    cx, cy, r = int(A4[0] * 0.62), MARGIN_TOP + 9 * round(FONT_PX * 1.3), 260
    red = (220, 40, 50)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=14)
    draw.ellipse((cx - r + 40, cy - r + 40, cx + r - 40, cy + r - 40), outline=red, width=5)
    seal_font = ImageFont.truetype(font_path, 46)
    for k, word in enumerate(["ỦY BAN", "NHÂN DÂN", "TỈNH"]):
        w = draw.textlength(word, font=seal_font)
        draw.text((cx - w / 2, cy - 90 + k * 60), word, font=seal_font, fill=red)
    img = ImageChops.multiply(img, seal)
    angle = rng.uniform(0.5, 1.5) * rng.choice([-1, 1])
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor="white")
    img = img.filter(ImageFilter.GaussianBlur(1.1))
    arr = np.asarray(img, dtype=np.float64)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 14, arr.shape[:2])[:, :, None]
    img = Image.fromarray(np.clip(arr + noise, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=40)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def run(image, reference: str, lang: str) -> tuple[float, float]:
    """(CER, OCR seconds) of one page image with one model."""
    t0 = time.perf_counter()
    words = ocr_page(image, 1, DPI, lang=lang)
    return cer(reference, words_text(words)), time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=5, help="pages, one per sample (default 5)")
    ap.add_argument("--lines", type=int, default=30, help="text lines per page (default 30)")
    ap.add_argument("--seed", type=int, default=20160516, help="random seed of the degradations")
    args = ap.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    font_path = next(p for p in FONTS if Path(p).exists())
    font = ImageFont.truetype(font_path, FONT_PX)
    rng = random.Random(args.seed)
    print(f"font: {Path(font_path).name}, {FONT_PX} px (13 pt at {DPI} dpi), A4 {A4[0]}×{A4[1]} px")

    variants = ["clean", "degraded raw", "degraded + pre none", "degraded + pre otsu",
                "degraded + pre soft", "degraded + pre adaptive"]
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    pre_seconds: list[float] = []
    chars = 0
    for path in sorted((ROOT / "samples").glob("*.txt"))[: args.pages]:
        lines = page_lines(path, font, args.lines)
        reference = "\n".join(lines)
        chars += len(reference)
        clean = render(lines, font)
        bad = degrade(clean, font_path, rng)
        images = {"clean": clean, "degraded raw": bad}
        for mode in ("none", "otsu", "soft", "adaptive"):
            t0 = time.perf_counter()
            images[f"degraded + pre {mode}"] = preprocess(bad, binarize=mode)[0]
            pre_seconds.append(time.perf_counter() - t0)
        for lang in MODELS:
            for name in variants:
                results.setdefault((lang, name), []).append(run(images[name], reference, lang))
        print(f"  {path.name}: {len(lines)} lines, {len(reference)} chars", flush=True)

    print(f"\n{args.pages} pages, {chars} reference characters; preprocess {np.mean(pre_seconds):.2f} s/page")
    print(f"{'variant':26}" + "".join(f"{lang + ' CER':>16}{'s/page':>8}" for lang in MODELS))
    for name in variants:
        cells = ""
        for lang in MODELS:
            rs = results[(lang, name)]
            cells += f"{100 * np.mean([r[0] for r in rs]):15.2f}%{np.mean([r[1] for r in rs]):8.2f}"
        print(f"{name:26}{cells}")


if __name__ == "__main__":
    main()
