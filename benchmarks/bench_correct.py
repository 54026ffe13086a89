"""Diacritic corrector benchmark: inject the OCR confusions Tesseract really makes, correct, score.

Text: the seed documents in samples/*.txt (what the project ships; the corrector's n-grams leave them
out), line by line as the pipeline sees them. Syllables are corrupted at the rate Tesseract `vie`
misread marks on the scanned samples (normalizers/data/ocr_confusions.json, 1.06 %), each by one
letter confusion drawn from the same measured table (`đổi→đối`, `tổ→tố`, `chuyển→chuyến`); a second
scenario makes half of the corruptions tone drops (`chuyển→chuyên`), what other OCR engines do. Then:
- precision: right changes / all changes. A change restoring a corrupted syllable is right; so is
  one repairing an OCR error the seed itself carries, when it is listed (checked by hand) in
  benchmarks/real_ocr_errors.tsv; any other change is wrong;
- recall: corrupted syllables restored / corrupted syllables;
- words per second of `Corrector.correct`, one core.
Then the real OCR errors of the seeds and of our own OCR of real scans (benchmarks/bench_real_errors.py).

    .venv/bin/python benchmarks/bench_correct.py [--runs 5] [--rate R] [--show 10]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import bench_real_errors  # noqa: E402
from benchmarks.bench_real_errors import LETTERS, expected_fixes, load_errors  # noqa: E402
from extractors.corrections import corrector as shipped_corrector  # noqa: E402
from extractors.layout import build_layout  # noqa: E402
from normalizers.diacritics import CONFUSIONS_PATH, MARKABLE, Corrector, tokens  # noqa: E402
from normalizers.text import fold_diacritics  # noqa: E402

_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def seed_lines() -> list[str]:
    return [text for _, _, text in seed_sources()]


def seed_sources() -> list[tuple[str, int, str]]:
    """(file, line no, text) of every non-blank line of the seeds, as the layout reads it."""
    lines = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        lines += [(path.name, ln.no, ln.text) for ln in build_layout(path.read_text(encoding="utf-8")).lines
                  if ln.text.strip()]
    return lines


def confusion_sampler(generic: float):
    """Draw a misreading of one letter: measured confusions, or (with probability `generic`) a tone drop."""
    table = json.loads(CONFUSIONS_PATH.read_text(encoding="utf-8"))["chars"]
    wrong = {c: {r: n for r, n in reads.items() if r != c} for c, reads in table.items()}

    def misread(letter: str, rng: random.Random) -> str | None:
        if rng.random() < generic and letter not in "dđ":
            base = unicodedata.normalize("NFD", letter)
            tone = next((t for t in _TONES[1:] if t in base), "")
            if tone:  # drop the tone (tiến → tiên), the commonest generic confusion
                return unicodedata.normalize("NFC", base.replace(tone, ""))
            return None
        options = wrong.get(letter)
        if not options:
            return None
        return rng.choices(list(options), weights=list(options.values()))[0]

    return misread


def corrupt(line: str, rate: float, rng: random.Random, misread) -> tuple[str, dict[int, str]]:
    """The line with some syllables misread; {start offset: original syllable} of those changed."""
    chars = list(line)
    changed = {}
    for tok in tokens(line):
        if not tok.syllable or rng.random() >= rate:
            continue
        positions = [k for k, ch in enumerate(tok.text) if ch.lower() in MARKABLE]
        rng.shuffle(positions)
        for k in positions:
            ch = tok.text[k]
            read = misread(ch.lower(), rng)
            if read and read != ch.lower():
                new = tok.text[:k] + (read.upper() if ch.isupper() else read) + tok.text[k + 1:]
                if fold_diacritics(new) == fold_diacritics(tok.text):
                    chars[tok.start:tok.end] = new
                    changed[tok.start] = tok.text
                    break
    return "".join(chars), changed


def seed_errors(sources: list[tuple[str, int, str]]) -> dict[tuple[int, int], str]:
    """{(line index, letter run): as written} of the OCR errors the seeds carry (checked by hand)."""
    errors = [e for e in load_errors() if e.source == "seed"]
    texts: dict[str, dict[int, tuple[str, str]]] = {}
    for name, no, text in sources:
        texts.setdefault(name, {})[no] = (text, text)
    index = {(name, no): k for k, (name, no, _) in enumerate(sources)}
    return {(index[(name, no)], run): w for fixes in expected_fixes(errors, texts).values()
            for (name, no, run), w in fixes.items()}


def _run_index(text: str, start: int) -> int:
    return len(LETTERS.findall(text[:start]))


def evaluate(corrector: Corrector, lines: list[str], rate: float, seed: int, generic: float,
             known: dict[tuple[int, int], str] | None = None) -> dict:
    rng = random.Random(seed)
    misread = confusion_sampler(generic)
    made = right = injected = words = 0
    wrong_changes: list[str] = []
    seconds = 0.0
    known = known or {}
    for n, line in enumerate(lines):
        bad, changed = corrupt(line, rate, rng, misread)
        injected += len(changed)
        words += sum(t.syllable for t in tokens(bad))
        t0 = time.perf_counter()
        fixes = corrector.correct(bad)
        seconds += time.perf_counter() - t0
        for f in fixes:
            made += 1
            listed = known.get((n, _run_index(bad, f.start))) == f.after.lower()
            if changed.get(f.start) == f.after or (f.start not in changed and listed):
                right += 1
            else:
                where = bad[max(0, f.start - 25):f.end + 25]
                wrong_changes.append(f"{where!r}: {f.before}→{f.after} ({f.rule} {f.score})")
    return {"made": made, "right": right, "injected": injected, "words": words, "seconds": seconds,
            "wrong": wrong_changes}


def scenario(corrector: Corrector, lines: list[str], rate: float, generic: float, runs: int, known) -> dict:
    total = {"made": 0, "right": 0, "injected": 0, "words": 0, "seconds": 0.0, "wrong": []}
    for seed in range(1, runs + 1):
        r = evaluate(corrector, lines, rate, seed, generic, known)
        for k in total:
            total[k] += r[k]
    total["precision"] = total["right"] / total["made"] if total["made"] else 1.0
    total["recall"] = total["right"] / total["injected"] if total["injected"] else 0.0
    return total


def main() -> int:
    measured = json.loads(CONFUSIONS_PATH.read_text(encoding="utf-8"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=measured["diacritic_errors"] / measured["aligned_syllables"],
                        help="share of syllables corrupted (default: the rate measured on the scans)")
    parser.add_argument("--runs", type=int, default=5, help="corruptions with seeds 1..N, added up")
    parser.add_argument("--show", type=int, default=10, help="wrong changes to print")
    ns = parser.parse_args()
    corrector = shipped_corrector()
    sources = seed_sources()
    lines = [text for _, _, text in sources]
    known = seed_errors(sources)
    print(f"diacritic corrector on the seeds: {ns.runs} runs, {ns.rate:.2%} of syllables corrupted")
    for generic, name in ((0.0, "Tesseract `vie` confusions as measured"), (0.5, "half of them tone drops")):
        r = scenario(corrector, lines, ns.rate, generic, ns.runs, known)
        print(f"  {name:40s} injected {r['injected']:4d}  changes {r['made']:4d}  "
              f"precision {100 * r['precision']:5.1f} %  recall {100 * r['recall']:5.1f} %")
        for w in list(dict.fromkeys(r["wrong"]))[:ns.show]:
            print(f"      wrong: {w}")
    print(f"  speed {r['words'] / r['seconds']:8.0f} words per second (one core)")
    clean = [(n, line, f) for n, line in enumerate(lines) for f in corrector.correct(line)]
    listed = sum(known.get((n, _run_index(line, f.start))) == f.after.lower() for n, line, f in clean)
    print(f"  changes on the uncorrupted seeds, line by line: {len(clean)} ({listed} of them listed seed OCR errors)")
    print()
    bench_real_errors.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
