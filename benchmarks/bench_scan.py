"""Scanned-path benchmark on samples/scan/: pipeline vs plain Tesseract, scaling, memory, CER.

Prints, for the image-only sample PDFs:
- seconds per page of the whole pipeline next to plain `tesseract` on the same 300-dpi page images
  (same model, single-threaded), and the pipeline's overhead beyond OCR;
- pages per second with 1 and 2 worker processes (pages in parallel, Tesseract single-threaded);
- peak memory (RSS) per worker;
- the character error rate of the `text` field against the source text (the text layer of the
  digital twin in samples/pdf/, read by the same pipeline, so reading order is not counted as error),
  as OCR read it and after the diacritic corrector.
Run with `make bench`. Asserts nothing.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from pipeline.readers.ocr import DEFAULT_LANG  # noqa: E402
from pipeline.readers.raster import page_count, render_pdf_page  # noqa: E402
from pipeline.run import extract_file  # noqa: E402

SCANS = sorted((ROOT / "samples" / "scan").glob("*.pdf"))


def plain_tesseract_seconds(pdf: Path, workdir: Path) -> tuple[float, int]:
    """Time `tesseract page.png - -l LANG` over the page images (rendering not timed)."""
    images = []
    for i in range(page_count(pdf)):
        path = workdir / f"{pdf.stem}-{i}.png"
        render_pdf_page(pdf, i, dpi=300).save(path, dpi=(300, 300))
        images.append(path)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    t0 = time.perf_counter()
    for img in images:
        subprocess.run(["tesseract", str(img), "-", "-l", DEFAULT_LANG, "--dpi", "300"], env=env,
                       capture_output=True, check=True)
    return time.perf_counter() - t0, len(images)


def pipeline_seconds(pdf: Path) -> float:
    t0 = time.perf_counter()
    doc = extract_file(pdf)
    assert doc.status != "failed", doc.error
    return time.perf_counter() - t0


def _extract_in_worker(pdf: Path) -> tuple[int, float]:
    doc = extract_file(pdf)
    return doc.source.pages, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(workers: int) -> tuple[float, float]:
    """Pages per second over all scan samples, documents spread over `workers` processes."""
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_extract_in_worker, SCANS))
    elapsed = time.perf_counter() - t0
    return sum(p for p, _ in results) / elapsed, max(m for _, m in results)


def character_error_rates() -> tuple[float, float, int]:
    """CER of `text` against the digital twin, with the diacritic corrections and without them.

    The text as OCR read it is the corrected text with each correction undone (`to` back to `from` at
    its offset: corrections keep lengths), so the scans are OCR'd once. Also returns the corrections.
    """
    errors = {True: 0, False: 0}
    length = fixes = 0
    for scan in SCANS:
        twin = ROOT / "samples" / "pdf" / scan.name.replace("scan_", "pdf_", 1)
        if not twin.exists():
            continue
        ref = " ".join(extract_file(twin).text.split())
        doc = extract_file(scan)
        read = list(doc.text)
        for c in doc.corrections:
            if doc.text[c.offset:c.offset + len(c.to)] == c.to:
                read[c.offset:c.offset + len(c.to)] = c.from_
        fixes += len(doc.corrections)
        for corrected, text in ((True, doc.text), (False, "".join(read))):
            errors[corrected] += Levenshtein.distance(ref, " ".join(text.split()))
        length += len(ref)
    return errors[False] / max(length, 1), errors[True] / max(length, 1), fixes


def main() -> None:
    if not SCANS:
        sys.exit("no samples/scan/*.pdf: run samples/make_samples.py")
    with tempfile.TemporaryDirectory() as tmp:
        tess, pages = 0.0, 0
        for pdf in SCANS:
            seconds, n = plain_tesseract_seconds(pdf, Path(tmp))
            tess += seconds
            pages += n
    extract_file(SCANS[0])  # warm-up: spaCy patterns, lexicon
    pipe = sum(pipeline_seconds(pdf) for pdf in SCANS)
    print(f"scanned samples: {len(SCANS)} documents, {pages} pages, Tesseract model '{DEFAULT_LANG}', 300 dpi")
    print(f"  plain tesseract, seconds per page           {tess / pages:7.2f}")
    print(f"  whole pipeline, seconds per page            {pipe / pages:7.2f}")
    print(f"  pipeline overhead beyond OCR                {100 * (pipe - tess) / tess:6.1f} %")
    for workers in (1, 2):
        rate, peak = throughput(workers)
        print(f"  {workers} process(es): pages per second           {rate:7.2f}   peak RSS per worker {peak:6.0f} MB")
    before, after, fixes = character_error_rates()
    print(f"  character error rate of `text` (vs digital) {100 * before:6.2f} % as read, "
          f"{100 * after:6.2f} % after {fixes} diacritic corrections")


if __name__ == "__main__":
    main()
