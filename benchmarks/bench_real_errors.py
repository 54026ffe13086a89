"""Diacritic corrector on REAL OCR errors: the hand-checked list in benchmarks/real_ocr_errors.tsv.

The texts are corrected exactly as the pipeline sees them: the seeds (samples/*.txt, upstream OCR)
through `build_layout` and `correct_layout`, paragraphs and table cells; our own Tesseract output on
real scans (benchmarks/real_ocr_scan_pages.txt, the covered pages only) as the OCR'd lines of a page,
corrected a paragraph at a time. Every change is then checked against the list:
- a listed error is fixed when every wrong syllable in it is restored (recall: fixed / listed);
- a change that is not the restoration of a listed wrong syllable is a wrong change (printed);
  the covered texts are exhaustive, so there is no third kind.

    .venv/bin/python benchmarks/bench_real_errors.py [--missed]
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.corrections import correct_layout  # noqa: E402
from extractors.layout import Layout, Line, build_layout, clean_inline  # noqa: E402
from normalizers.text import normalize_text  # noqa: E402

ERRORS_PATH = ROOT / "benchmarks" / "real_ocr_errors.tsv"
SCAN_PAGES_PATH = ROOT / "benchmarks" / "real_ocr_scan_pages.txt"
Position = tuple[str, int, int]  # file, line no, letter run in the line


@dataclass(frozen=True, slots=True)
class RealError:
    """One listed error: the words as read and as written, in `source`'s `where` (file:line)."""

    read: str
    written: str
    source: str  # "seed" or "scan", "-unsure" after it when the row is not a clean diacritic error
    where: str
    context: str

    @property
    def file_line(self) -> tuple[str, int]:
        name, _, line = self.where.rpartition(":")
        return name, int(line)


@dataclass(slots=True)
class Tally:
    listed: int = 0
    fixed: int = 0
    syllables: int = 0
    syllables_fixed: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)


def load_errors(path: Path = ERRORS_PATH) -> list[RealError]:
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    return [RealError(*(c.strip() for c in row[:5])) for row in rows[1:]]  # the first row: column names


LETTERS = re.compile(r"[^\W\d_]+")


def _runs(text: str) -> list[str]:
    """Letter runs, lower-cased and normalized: syllables, and the letters of references too (`sô:40`)."""
    return [normalize_text(m.group()).lower() for m in LETTERS.finditer(text)]


def seed_texts() -> dict[str, dict[int, tuple[str, str]]]:
    """{file: {line no: (raw as read, raw as corrected)}} for every seed, corrected as the pipeline does."""
    out = {}
    for path in sorted((ROOT / "samples").glob("*.txt")):
        layout = build_layout(path.read_text(encoding="utf-8"))
        before = {ln.no: ln.raw for ln in layout.lines}
        correct_layout(layout, clean_inline)
        out[path.name] = {ln.no: (before[ln.no], ln.raw) for ln in layout.lines}
    return out


def scan_pages(path: Path = SCAN_PAGES_PATH) -> dict[str, list[tuple[int, int, str]]]:
    """{file: [(page, line no in the OCR output, text)]} from the committed covered pages."""
    pages: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    name, page = "", 0
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.startswith("#"):
            continue
        if row.startswith("=== "):  # `=== <file> page <n>`
            name, _, page_no = row[4:].rpartition(" page ")
            page = int(page_no)
            continue
        no, _, text = row.partition("\t")
        pages[name].append((page, int(no), text))
    return pages


def scan_texts() -> dict[str, dict[int, tuple[str, str]]]:
    """The covered pages as the OCR path corrects them: the lines of a page, a paragraph at a time."""
    out = {}
    for name, rows in scan_pages().items():
        lines = [Line(no=no, start=0, end=len(text), raw=text, text=normalize_text(text), page=page)
                 for page, no, text in rows]
        before = {ln.no: ln.raw for ln in lines}
        correct_layout(Layout(text="\n".join(r[2] for r in rows), lines=lines), normalize_text)
        out[name] = {ln.no: (before[ln.no], ln.raw) for ln in lines}
    return out


def expected_fixes(errors: list[RealError], texts: dict[str, dict[int, tuple[str, str]]]
                   ) -> dict[RealError | int, dict[Position, str]]:
    """{error: {(file, line, letter run): as written}} for the wrong letter runs of every listed error.

    The k-th row listing the same words on one line is their k-th occurrence there.
    """
    out: dict = {}
    seen: Counter[tuple[str, str]] = Counter()
    for n, e in enumerate(errors):
        name, no = e.file_line
        runs = _runs(texts[name][no][0])
        read, written = _runs(e.read), _runs(e.written)
        found = [k for k in range(len(runs) - len(read) + 1) if runs[k:k + len(read)] == read]
        if seen[(e.where, e.read)] >= len(found):
            raise SystemExit(f"{e.where}: {e.read!r} is not there (as often as listed)")
        k = found[seen[(e.where, e.read)]]
        seen[(e.where, e.read)] += 1
        out[n] = {(name, no, k + m): written[m] for m in range(len(read)) if read[m] != written[m]}
    return out


def score(errors: list[RealError], texts: dict[str, dict[int, tuple[str, str]]]) -> Tally:
    """Match every change made in `texts` against the listed errors (and the unsure ones) of those texts."""
    sure = [e for e in errors if not e.source.endswith("-unsure")]
    expected = expected_fixes(sure, texts)
    unsure = {key for fixes in expected_fixes([e for e in errors if e not in sure], texts).values() for key in fixes}
    wanted = {key: w for fixes in expected.values() for key, w in fixes.items()}
    tally = Tally()
    made: dict[Position, str] = {}
    for name, lines in texts.items():
        for no, (before, after) in lines.items():
            pairs = list(zip(LETTERS.findall(before), LETTERS.findall(after), strict=True))
            for k, (a, b) in enumerate(pairs):
                if a == b:
                    continue
                made[(name, no, k)] = _key(b)
                if wanted.get((name, no, k)) == _key(b):
                    tally.right += 1
                elif (name, no, k) in unsure:
                    tally.unsure.append(f"{name}:{no}: {a}→{b}")
                else:
                    tally.wrong.append(f"{name}:{no}: {a}→{b}  in …{_around(pairs, k)}…")
    for n, fixes in expected.items():
        tally.listed += 1
        tally.syllables += len(fixes)
        done = sum(made.get(key) == w for key, w in fixes.items())
        tally.syllables_fixed += done
        if done == len(fixes):
            tally.fixed += 1
        else:
            tally.missed.append(f"{sure[n].where}: {sure[n].read} → {sure[n].written}")
    return tally


def _key(word: str) -> str:
    return normalize_text(word).lower()


def _around(pairs: list[tuple[str, str]], k: int) -> str:
    return " ".join(b for _, b in pairs[max(0, k - 3):k + 4])


def report(name: str, tally: Tally, show_missed: bool = False) -> None:
    recall = tally.fixed / tally.listed if tally.listed else 0.0
    print(f"  {name:6s} errors fixed {tally.fixed:3d} / {tally.listed:3d} listed ({100 * recall:5.1f} %), "
          f"wrong syllables {tally.syllables_fixed:3d} / {tally.syllables:3d}; "
          f"wrong changes {len(tally.wrong)}")
    for w in tally.wrong:
        print(f"      wrong: {w}")
    for w in tally.unsure:
        print(f"      unsure (neither right nor wrong): {w}")
    for m in tally.missed if show_missed else ():
        print(f"      missed: {m}")


def run(show_missed: bool = False) -> dict[str, Tally]:
    errors = load_errors()
    print("diacritic corrector on real OCR errors (benchmarks/real_ocr_errors.tsv, checked by hand)")
    results = {}
    for source, texts in (("seed", seed_texts), ("scan", scan_texts)):
        if source == "scan" and not SCAN_PAGES_PATH.exists():
            continue
        results[source] = score([e for e in errors if e.source.split("-")[0] == source], texts())
        report(source + "s", results[source], show_missed)
    fixed, listed = sum(t.fixed for t in results.values()), sum(t.listed for t in results.values())
    print(f"  all    errors fixed {fixed:3d} / {listed:3d} listed ({100 * fixed / max(listed, 1):5.1f} %), "
          f"wrong changes {sum(len(t.wrong) for t in results.values())}")
    return results


if __name__ == "__main__":
    run(show_missed="--missed" in sys.argv)
