"""Measure the diacritic confusions Tesseract makes on the scanned samples → normalizers/data/ocr_confusions.json.

Every page of samples/scan/ is OCR'd the way the pipeline does it (preprocess, one Tesseract thread)
and aligned, syllable by syllable, with the same page of its digital twin in samples/pdf/ (the text
layer the scan was rendered from). Aligned syllables with the same letters once marks are removed
(`chuyển`/`chuyên`) give the confusions: for every marked letter of the source (a vowel with its
marks, or d/đ), what OCR read in its place. Other OCR errors (split words, wrong letters) are not
diacritic confusions and are left out; their count is printed.

The corrector's channel model and the benchmark's error injection (`benchmarks/bench_correct.py`)
both read the JSON this writes.

    .venv/bin/python benchmarks/ocr_confusions.py [--lang vie] [--jobs 2]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from normalizers import fold_diacritics, normalize_text  # noqa: E402
from normalizers.diacritics import CONFUSIONS_PATH, MARKABLE, syllable_stream  # noqa: E402

SCANS = sorted((ROOT / "samples" / "scan").glob("*.pdf"))


def page_syllables(text: str) -> list[str]:
    return [s for s in syllable_stream(normalize_text(text).lower()) if s != "<s>"]


def ocr_pages(job: tuple[Path, str]) -> list[str]:
    from pipeline.readers.ocr import ocr_page, preprocess, words_text
    from pipeline.readers.raster import page_count, render_pdf_page

    scan, lang = job
    out = []
    for i in range(page_count(scan)):
        gray, _ = preprocess(render_pdf_page(scan, i, dpi=300))
        out.append(words_text(ocr_page(gray, i + 1, 300, lang)))
    return out


def twin_pages(scan: Path) -> list[str]:
    import pdfplumber

    twin = ROOT / "samples" / "pdf" / scan.name.replace("scan_", "pdf_", 1)
    with pdfplumber.open(twin) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def align(source: list[str], read: list[str]) -> list[tuple[str, str]]:
    """Pairs (source syllable, OCR syllable) aligned on their mark-free letters."""
    folded_src = [fold_diacritics(s) for s in source]
    folded_ocr = [fold_diacritics(s) for s in read]
    matcher = difflib.SequenceMatcher(None, folded_src, folded_ocr, autojunk=False)
    pairs = []
    for block in matcher.get_matching_blocks():
        pairs += [(source[block.a + k], read[block.b + k]) for k in range(block.size)]
    return pairs


def char_confusions(pairs: list[tuple[str, str]]) -> dict[str, Counter[str]]:
    """For every markable letter of a source syllable: what OCR read there (same position, same base)."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for src, ocr in pairs:
        src_n, ocr_n = unicodedata.normalize("NFC", src), unicodedata.normalize("NFC", ocr)
        if len(src_n) != len(ocr_n):
            continue
        for a, b in zip(src_n, ocr_n):
            if a in MARKABLE:
                table[a][b] += 1
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", default="vie", help="Tesseract model (default vie, as the issue asks)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=CONFUSIONS_PATH)
    ns = parser.parse_args()
    with ProcessPoolExecutor(max_workers=ns.jobs) as pool:
        read = list(pool.map(ocr_pages, [(s, ns.lang) for s in SCANS]))
    pairs: list[tuple[str, str]] = []
    total_src = 0
    for scan, pages in zip(SCANS, read):
        for src_text, ocr_text in zip(twin_pages(scan), pages):
            source = page_syllables(src_text)
            total_src += len(source)
            pairs += align(source, page_syllables(ocr_text))
    wrong = [(a, b) for a, b in pairs if a != b]
    table = char_confusions(pairs)
    report = {
        "_source": f"Tesseract '{ns.lang}' on samples/scan/*.pdf (300 dpi, pipeline preprocessing) aligned with "
                   "samples/pdf/ text layers by benchmarks/ocr_confusions.py",
        "lang": ns.lang,
        "source_syllables": total_src,
        "aligned_syllables": len(pairs),
        "diacritic_errors": len(wrong),
        "examples": Counter(f"{a}→{b}" for a, b in wrong).most_common(40),
        "chars": {c: dict(n.most_common()) for c, n in sorted(table.items())},
    }
    ns.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    rate = len(wrong) / max(len(pairs), 1)
    print(f"{ns.lang}: {len(pairs)} of {total_src} source syllables aligned on their letters; "
          f"{len(wrong)} read with other marks ({100 * rate:.2f} %) → {ns.out}")
    for ex, n in report["examples"][:15]:
        print(f"  {n:4d}  {ex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
