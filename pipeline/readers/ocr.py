"""OCR of page images with Tesseract: cleaning (seals out, red or grey; deskew; binarisation), positioned words,
and a second reading of inked areas the page reading left unread (a signature block under a seal).

Coordinates: `preprocess` deskews by rotating the image about its centre on a canvas of the same size,
and `ocr_page` reports boxes in the coordinates of the image it is given. Callers OCR the deskewed
image and keep its boxes as the page's coordinates: at most ±5° of skew moves a point near a page edge
by a few points, far less than a line, and the words then sit on horizontal lines, which is what the
layout code downstream (lines by `top`, columns by `x0`) needs.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import tempfile
import unicodedata

import cv2
import numpy as np
import pytesseract
from PIL import Image

from pipeline.positioned import Word, words_overlap

# Chosen by benchmarks/ocr_models.py, accuracy first: on degraded pages after `preprocess` the
# `Vietnamese` script model (Debian tesseract-ocr-script-viet) made 0.09–0.19 % character errors
# against 0.32–0.34 % for `vie` (which drops or shifts tones: chuyển→chuyến, đổi→đối), for 15–35 %
# more time; `vie` is marginally better only on noiseless renders (0.10–0.13 % vs 0.19–0.20 %).
# Use `pick_lang()` to fall back to `vie` where the script model is not installed.
DEFAULT_LANG = "Vietnamese"
MAX_SKEW = 5.0  # degrees; beyond this a page is rotated on purpose (or needs OSD), not skewed
TIMEOUT = 180  # seconds per page: a pathological image must not hang a whole batch

# Seal ink in OpenCV HSV (H in 0–180): red wraps around 0. Black ink has low saturation and blue
# ink a hue near 110, so neither is touched; dark pixels where a seal crosses black text stay.
_RED_HUE = ((0, 12), (150, 180))  # 150+ also takes the magenta-pink of faded or cheap seal ink
_RED_MIN_SAT, _RED_MIN_VAL = 60, 90
_PINK_MIN_SAT, _PINK_MIN_VAL = 25, 170  # light, washed-out seal edges and JPEG colour bleed


def preprocess(image: Image.Image | np.ndarray, binarize: str = "otsu") -> tuple[np.ndarray, float]:
    """Clean a page for Tesseract; returns (8-bit grayscale image, skew angle in degrees).

    `clean_page` (seal ink out, deskew, contrast stretch), then `binarize_page`.
    """
    gray, angle = clean_page(image)
    return binarize_page(gray, binarize), angle


def clean_page(image: Image.Image | np.ndarray) -> tuple[np.ndarray, float]:
    """Red/pink seal ink → paper white (`drop_red`), grayscale, skew estimate (±MAX_SKEW) and rotation,
    contrast stretch: the page's grey levels, which ruling lines too faint for a binarized page keep.
    The angle is the content's counter-clockwise tilt (PIL's `rotate` sense); the returned image was
    rotated by −angle, same size, white corners (see module docstring).
    """
    arr = np.asarray(image)
    if arr.ndim == 3:
        rgb = arr[:, :, :3] if arr.shape[2] >= 3 else np.repeat(arr[:, :, :1], 3, axis=2)
        gray = drop_red(np.ascontiguousarray(rgb))
    else:
        gray = arr.astype(np.uint8, copy=True)
    angle = estimate_skew(gray)
    if abs(angle) >= 0.05:
        gray = rotate(gray, -angle)
    # No denoising filter: on the benchmark's noisy JPEG pages a 3×3 median raised the CER (0.13 % →
    # 0.18 %, it thins diacritics) and fastNlMeans cost 5.6 s per page for no gain; the "soft"
    # threshold below already whitens background speckle.
    return cv2.normalize(gray, None, 0, 255, cv2.NORM_MINMAX), angle  # stretch faded scans to full contrast


def binarize_page(gray: np.ndarray, mode: str = "otsu") -> np.ndarray:
    """A cleaned page made ready for Tesseract: "otsu" (global black/white, the default), "soft" (paper above
    Otsu's level → white, ink keeps its grey levels), "adaptive" (local mean) or "none" (as it is).
    benchmarks/ocr_models.py, degraded pages, `Vietnamese` model, two seeds (CER; s/page):
    otsu 0.09 %, 0.19 % (2.0; 3.5 s) · none 0.12 %, 0.17 % (3.5; 5.3 s) · soft 0.13 %, 0.23 % ·
    adaptive 6.6 %, 5.6 % (it keeps the JPEG noise). Otsu is as accurate as gray and 1.5× faster.
    """
    if mode == "otsu":
        return cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]
    gray = gray.copy()
    if mode == "soft":
        level = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[0]
        gray[gray > level] = 255
    elif mode == "adaptive":
        block = _odd(max(15, gray.shape[1] // 40))  # a few character widths
        gray = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, block, 15)
    return gray


def drop_red(rgb: np.ndarray) -> np.ndarray:
    """Grayscale of an RGB page with red/pink seal ink turned (near) white; black and blue ink kept.

    Seal pixels are not painted white: they take the red channel's value instead. Red ink passes red
    light, so in that channel the seal is as light as paper, while black text under the seal stays
    black (painting the mask white cut the strokes where a seal crosses text).
    """
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    # Most pages carry no seal: a look at every 4th pixel decides before the full-size mask is made.
    if not red_mask(np.ascontiguousarray(rgb[::4, ::4])).any():
        return gray
    mask = red_mask(rgb) > 0
    gray[mask] = rgb[:, :, 0][mask]
    return gray


def red_mask(rgb: np.ndarray) -> np.ndarray:
    """Mask (255 = seal ink) of red and pinkish pixels of an RGB image."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    hue, sat, val = hsv[:, :, 0], hsv[:, :, 1], hsv[:, :, 2]
    red_hue = np.zeros(hue.shape, bool)
    for lo, hi in _RED_HUE:
        red_hue |= (hue >= lo) & (hue <= hi)
    strong = (sat >= _RED_MIN_SAT) & (val >= _RED_MIN_VAL)
    pale = (sat >= _PINK_MIN_SAT) & (val >= _PINK_MIN_VAL)
    mask = (red_hue & (strong | pale)).astype(np.uint8) * 255
    # Grow by one pixel: anti-aliased stroke edges are grey-pink and would leave a faint ghost ring.
    return cv2.dilate(mask, np.ones((3, 3), np.uint8))


SEAL_RADIUS_MM = (13, 24)  # round seals of Vietnamese bodies are 30–45 mm across (Nghị định 99/2016)
SEAL_MIN_RING = 0.4  # share of the circle that is ink: a printed ring, not a round shape met in text
FADE_SHARE = 0.5  # of the way from type to ring: 0.5–0.7 read the names under five seals alike, 0.85 left specks
SEAL_MIN_CONTRAST = 40  # grey levels between the ring and the page's text: a seal printed lighter than text


def fade_seals(gray: np.ndarray, dpi: float) -> np.ndarray:
    """A cleaned page with the grey ink of round seals turned white, and with it the signature strokes next to them.

    In grey scans (and colour scans saved grey) a red seal is mid-grey, lighter than the black type; it
    survives binarization and Tesseract reads the signer's name under it as noise. A seal is found as
    a circle of seal size (Hough, on a 75-dpi copy) whose ring is mostly ink and clearly lighter than
    the page's text. Around it (the seal, and the signature it overlaps to its right), ink lighter than
    midway between ring and text becomes paper; the type stays.
    """
    paper = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[0]
    ink = gray[::4, ::4]
    ink = ink[ink < paper]
    if ink.size == 0:
        return gray
    text = float(np.percentile(ink, 25))  # the type's core, not its anti-aliased edges
    out = gray
    for x, y, r in _seal_circles(gray, dpi):
        coverage, ring = _ring_ink(gray, x, y, r, (paper + 255) / 2)  # pale seal ink is lighter than Otsu's level
        if coverage < SEAL_MIN_RING or ring - text < SEAL_MIN_CONTRAST:
            continue
        level = text + FADE_SHARE * (ring - text)
        # the circle found may be the inner ring; signatures lie right of the seal
        x0, x1 = max(0, int(x - 1.3 * r)), min(gray.shape[1], int(x + 3 * r))
        y0, y1 = max(0, int(y - 1.3 * r)), min(gray.shape[0], int(y + 1.3 * r))
        if out is gray:
            out = gray.copy()
        zone = out[y0:y1, x0:x1]
        zone[zone > level] = 255
    return out


def has_colour(image: Image.Image | np.ndarray) -> bool:
    """Whether a page carries colour ink (then `drop_red` has taken the seals out) or is a grey page."""
    arr = np.asarray(image)
    if arr.ndim != 3 or arr.shape[2] < 3:
        return False
    sample = np.ascontiguousarray(arr[::4, ::4, :3])
    saturation = cv2.cvtColor(sample, cv2.COLOR_RGB2HSV)[:, :, 1]
    return bool((saturation > 80).mean() > 0.0005)  # JPEG noise of a grey scan stays far below


def _seal_circles(gray: np.ndarray, dpi: float) -> list[tuple[float, float, float]]:
    """Circles of seal size on the page, in its pixels: Hough on a 75-dpi copy (about 10 ms a page)."""
    scale = min(1.0, 75 / dpi)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    per_mm = dpi * scale / 25.4
    circles = cv2.HoughCircles(cv2.GaussianBlur(small, (3, 3), 0), cv2.HOUGH_GRADIENT, dp=1,
                               minDist=int(30 * per_mm), param1=100, param2=40,
                               minRadius=int(SEAL_RADIUS_MM[0] * per_mm), maxRadius=int(SEAL_RADIUS_MM[1] * per_mm))
    return [] if circles is None else [(x / scale, y / scale, r / scale) for x, y, r in circles[0]]


def _ring_ink(gray: np.ndarray, x: float, y: float, r: float, blank: float) -> tuple[float, float]:
    """(share of ink, median grey of that ink) along the best of the circles within ±6 % of radius `r`:
    the Hough radius is only as exact as the 75-dpi copy."""
    angles = np.linspace(0, 2 * np.pi, 720, endpoint=False)
    best = (0.0, 255.0)
    for radius in r * np.linspace(0.94, 1.06, 13):
        xs = np.clip((x + radius * np.cos(angles)).astype(int), 0, gray.shape[1] - 1)
        ys = np.clip((y + radius * np.sin(angles)).astype(int), 0, gray.shape[0] - 1)
        values = gray[ys, xs]
        ink = values < blank
        if ink.mean() > best[0]:
            best = (float(ink.mean()), float(np.median(values[ink])))
    return best


def estimate_skew(gray: np.ndarray, limit: float = MAX_SKEW) -> float:
    """Counter-clockwise tilt of the text lines in degrees, by maximising the row-profile sharpness.

    Text lines give a spiky horizontal projection when the shear matches their slope. Shearing the
    coordinates of ink pixels (on a ~1000 px copy) instead of rotating the image makes each trial angle
    a single `bincount`: a coarse 0.25° sweep, then 0.02° around the best.
    """
    scale = min(1.0, 1000 / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    # Long rules (table borders, underlines) would dominate the profile: keep text-sized blobs.
    ink = cv2.subtract(ink, cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, max(15, small.shape[1] // 8)), np.uint8)))
    ys, xs = np.nonzero(ink)
    if len(xs) < 50:
        return 0.0
    xs = xs - small.shape[1] / 2
    height = small.shape[0]

    def sharpness(deg: float) -> float:
        # Content tilted counter-clockwise by deg: a line's y falls as x grows, y + x·tan(deg) is constant.
        rows = np.round(ys + xs * np.tan(np.radians(deg))).astype(np.int64) + height
        return float(np.square(np.bincount(rows, minlength=3 * height).astype(np.float64)).sum())

    coarse = np.arange(-limit, limit + 1e-9, 0.25)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, 0.02)
    best = max(fine, key=sharpness)
    return float(np.clip(round(best, 2), -limit, limit))


def rotate(gray: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate counter-clockwise by `degrees` about the centre, same size, white fill."""
    h, w = gray.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=255)


def ocr_page(image: Image.Image | np.ndarray, page: int, dpi: float, lang: str = DEFAULT_LANG,
             psm: int = 3) -> list[Word]:
    """Words of one page image with boxes in PDF points (72/dpi), Tesseract confidence and line ids.

    The image is OCR'd as given (pass `preprocess(...)[0]` for scans). `line_id` numbers the
    (block, paragraph, line) triples in Tesseract's reading order, from 0 on each page.
    """
    # One Tesseract thread: the pipeline parallelises over pages/documents with processes, and
    # Debian's OpenMP build then oversubscribes the cores (tesseract-ocr/tesseract#3109). Measured on
    # this 2-core machine, A4 page, `Vietnamese`: 4 pages in 4 processes 10.0 s with the limit, 23.7 s
    # without; even one page alone 2.3 s vs 7.0 s. pytesseract passes os.environ to the subprocess,
    # so setting it here is enough; a value the user set explicitly wins.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    arr = np.asarray(image)
    # --dpi: arrays carry no resolution, and Tesseract would assume 70 dpi and misjudge noise sizes.
    config = f"--psm {psm} --dpi {round(dpi)}"
    # The page goes to Tesseract as an uncompressed PGM/PPM we write, not the PNG pytesseract would
    # compress: ~0.1 s per 300-dpi page saved, a twentieth of the OCR itself.
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
        path = os.path.join(tmp, "page.ppm" if arr.ndim == 3 else "page.pgm")
        cv2.imwrite(path, cv2.cvtColor(arr, cv2.COLOR_RGB2BGR) if arr.ndim == 3 else arr)
        data = pytesseract.image_to_data(path, lang=lang, config=config, output_type=pytesseract.Output.DICT,
                                         timeout=TIMEOUT)
    k = 72.0 / dpi
    line_ids: dict[tuple[int, int, int], int] = {}
    words = []
    for i, raw in enumerate(data["text"]):
        text = unicodedata.normalize("NFC", str(raw)).strip()
        conf = float(data["conf"][i])  # pytesseract's DICT truncates conf to int; -1 = not a word row
        if not text or conf < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        line_id = line_ids.setdefault(key, len(line_ids))
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        words.append(Word(text, x * k, y * k, (x + w) * k, (y + h) * k, page, conf=conf, line_id=line_id))
    return words


REREAD_MIN_CONF = 60  # a word below this is no reading of the ink under it
REREAD_KEEP_CONF = 75  # a word of the second reading taken into the page


def reread_unread_ink(binary: np.ndarray, words: list[Word], page: int, dpi: float, lang: str = DEFAULT_LANG
                      ) -> list[Word]:
    """The page's words with large inked areas that the page reading left unread read again as one block.

    Tesseract's page segmentation takes a seal with a signature over a name for a picture and drops the
    text in it: the signer's name, in the signature block's seal and strokes, comes out as specks or not
    at all. Ink left without a confident word, joined into regions a few lines tall, is read again with
    `--psm 6` (one block of text); its confident words take the place of the specks they cover, never of a
    confident word. Only large regions are read again (a signature block, about one per signed page):
    ~0.3 s a region.
    """
    k = 72.0 / dpi
    regions = _unread_regions(binary, words, dpi)
    if not regions:
        return words
    kept = list(words)
    next_line = max((w.line_id or 0 for w in words), default=0) + 1
    for x0, y0, x1, y1 in regions:
        found = ocr_page(binary[y0:y1, x0:x1], page, dpi, lang, psm=6)
        fresh = [w for w in found if w.conf is not None and w.conf >= REREAD_KEEP_CONF
                 and sum(ch.isalnum() for ch in w.text) >= 2]
        if not fresh:
            continue
        for w in fresh:
            moved = Word(w.text, w.x0 + x0 * k, w.top + y0 * k, w.x1 + x0 * k, w.bottom + y0 * k, page,
                         conf=w.conf, line_id=next_line + (w.line_id or 0))
            under = [o for o in kept if words_overlap(o, moved)]
            if all(o.conf is not None and o.conf < REREAD_MIN_CONF for o in under):  # specks give way; words stay
                kept = [o for o in kept if o not in under]
                # on a line the page reading has (its bullet, its other words), the word joins that line
                row = next((o for o in under + kept if o.top <= (moved.top + moved.bottom) / 2 <= o.bottom), None)
                if row is not None:
                    moved.line_id = row.line_id
                kept.append(moved)
        next_line += max(w.line_id or 0 for w in fresh) + 1
    return kept


def _unread_regions(binary: np.ndarray, words: list[Word], dpi: float) -> list[tuple[int, int, int, int]]:
    """Pixel boxes of large inked areas with no confident word: ink minus the boxes of confident words,
    dilated by a line height into regions; those at least three lines tall and eight wide with ink of
    a few words, up to half the page wide and a third tall (a signature block; not a speck, a rule, a
    word OCR read poorly or a column of text)."""
    k = dpi / 72
    ink = (binary < 128).astype(np.uint8)
    for w in words:
        if w.conf is not None and w.conf >= REREAD_MIN_CONF:
            ink[max(0, int(w.top * k) - 3):int(w.bottom * k) + 3, max(0, int(w.x0 * k) - 3):int(w.x1 * k) + 3] = 0
    line = max(1, round(dpi * 12 / 72))  # a 12-pt line
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(ink, np.ones((line, line), np.uint8)), 8)
    regions = []
    for x, y, w, h, _area in stats[1:count]:
        if 3 * line <= h <= binary.shape[0] / 3 and 8 * line <= w <= binary.shape[1] / 2 \
                and ink[y:y + h, x:x + w].sum() >= 0.25 * line * line * 8:  # a seal with its signature, not a column
            pad = line // 2
            regions.append((max(0, x - pad), max(0, y - pad), min(binary.shape[1], x + w + pad),
                            min(binary.shape[0], y + h + pad)))
    return regions


OSD_DPI = 150  # measured on real scans: orientation right at 150 dpi in 0.8 s, unreliable at 75 dpi
_OSD_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_OSD_CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")


def page_turn(gray: np.ndarray, dpi: float, min_confidence: float = 1.0) -> int:
    """Quarter turns counter-clockwise (np.rot90's k) that put the text of a page upright, by Tesseract's
    orientation detection (osd model) on a 150-dpi copy; 0 when upright, undecided or not installed.

    Landscape tables are often scanned sideways on portrait pages; OCR of such a page is noise.
    """
    if "osd" not in available_langs():
        return 0
    scale = min(1.0, OSD_DPI / dpi)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    try:
        out = pytesseract.image_to_osd(Image.fromarray(small), config=f"--psm 0 --dpi {round(dpi * scale)}",
                                       timeout=TIMEOUT)
    except (pytesseract.TesseractError, RuntimeError):
        return 0  # too little text to decide
    rotate, confidence = _OSD_ROTATE.search(out), _OSD_CONFIDENCE.search(out)
    if not rotate or not confidence or float(confidence.group(1)) < min_confidence:
        return 0
    return (4 - int(rotate.group(1)) // 90) % 4  # Tesseract's `Rotate` is clockwise degrees


@functools.cache
def available_langs() -> frozenset[str]:
    """Installed Tesseract models, script models included (pytesseract.get_languages drops `Vietnamese`).

    Its pattern accepts only lower-case names; `tesseract --list-langs` prints one model per line
    after a header line.
    """
    out = subprocess.run([pytesseract.pytesseract.tesseract_cmd, "--list-langs"], capture_output=True,
                         text=True, timeout=30).stdout
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def pick_lang() -> str:
    """DEFAULT_LANG when installed (Debian tesseract-ocr-script-viet), else `vie` (tesseract-ocr-vie)."""
    return DEFAULT_LANG if DEFAULT_LANG in available_langs() else "vie"


def engine_name(lang: str = DEFAULT_LANG) -> str:
    """Engine label for the output, e.g. "tesseract 5.3.0 (Vietnamese)"."""
    return f"tesseract {pytesseract.get_tesseract_version()} ({lang})"


def words_text(words: list[Word]) -> str:
    """Plain text of OCR words: one line per `line_id`, words separated by spaces."""
    lines: dict[int | None, list[str]] = {}
    for w in words:
        lines.setdefault(w.line_id, []).append(w.text)
    return "\n".join(" ".join(ws) for ws in lines.values())


def _odd(n: int) -> int:
    return n if n % 2 else n + 1
