#!/usr/bin/env python3
"""Build the syllable n-gram counts the diacritic corrector ships (normalizers/data/syllable_ngrams.tsv.gz).

Sources (counts only are shipped, never the text):
- the VLSP 2013 sentences that underthesea 9.5.0 (Apache-2.0) bundles as its POS tagger's test output
  (`underthesea/pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt`): news and legal prose;
- the text layers of the digital PDFs in ../shared/corpus/real (public administrative documents of
  Vietnamese state bodies: official documents are not protected by copyright, Luật SHTT art. 15).
The seed documents (samples/*.txt) are deliberately left out: the corrector's benchmark runs on them.

Text is lowered and normalized (NFC, official tone placement); a syllable is a run of letters;
anything else (numbers, punctuation, line ends) is a boundary `<s>`. Output lines: `w1<TAB>count` for
unigrams and `w1 w2<TAB>count` for bigrams, most frequent first.

    .venv/bin/python scripts/build_ngrams.py [--corpus ../shared/corpus/real] [--exclude NAME ...]
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from normalizers import normalize_text, vietnamese_score  # noqa: E402
from normalizers.diacritics import BOUNDARY, NGRAMS_PATH, syllable_stream  # noqa: E402

VLSP = Path("pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt")


def vlsp_sentences() -> list[str]:
    import underthesea

    path = Path(underthesea.__file__).parent / VLSP
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append(" ".join(words))
            words = []
            continue
        words.append(line.split("\t")[0])
    return sentences + ([" ".join(words)] if words else [])


def corpus_pages(folder: Path, exclude: set[str]) -> list[str]:
    """Text of every page with a real Vietnamese text layer (scans and OCR garbage are skipped)."""
    import pdfplumber

    pages = []
    for pdf_path in sorted(folder.glob("*.pdf")):
        if pdf_path.name in exclude:
            continue
        with pdfplumber.open(pdf_path) as pdf:
            for page in pdf.pages:
                text = page.extract_text() or ""
                if len(text) > 200 and vietnamese_score(text) >= 0.75:
                    pages.append(text)
    return pages


def count(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    unigrams: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for text in texts:
        stream = [BOUNDARY] + list(syllable_stream(normalize_text(text).lower())) + [BOUNDARY]
        unigrams.update(s for s in stream if s != BOUNDARY)
        bigrams.update(f"{a} {b}" for a, b in zip(stream, stream[1:]) if not (a == b == BOUNDARY))
    return unigrams, bigrams


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    parser.add_argument("--exclude", nargs="*", default=[], help="corpus file names to leave out")
    parser.add_argument("--out", type=Path, default=NGRAMS_PATH)
    ns = parser.parse_args()
    texts = vlsp_sentences()
    n_vlsp = len(texts)
    if ns.corpus.is_dir():
        texts += corpus_pages(ns.corpus, set(ns.exclude))
    else:
        print(f"warning: {ns.corpus} not found; counts from underthesea's VLSP sentences only", file=sys.stderr)
    unigrams, bigrams = count(texts)
    # mtime=0: the same counts give the same bytes (no timestamp in the gzip header)
    with io.TextIOWrapper(gzip.GzipFile(ns.out, "wb", compresslevel=9, mtime=0), encoding="utf-8") as f:
        f.write(f"# syllable n-grams: {n_vlsp} VLSP sentences, {len(texts) - n_vlsp} corpus pages "
                f"(scripts/build_ngrams.py)\n")
        for key, n in [*unigrams.most_common(), *bigrams.most_common()]:
            f.write(f"{key}\t{n}\n")
    print(f"{sum(unigrams.values())} syllables, {len(unigrams)} distinct, {len(bigrams)} bigrams → {ns.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

