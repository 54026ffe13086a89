#!/usr/bin/env python3
"""The real-document corpus: lay out its documents, and score the extractor on its dev and test splits.

usage: corpus.py docs [--mirror DIR] [--shared DIR] [--extra DIR...]
       corpus.py eval [--split dev|test|all] [--jobs N] [--verbose]

`tests/corpus/sources.tsv` names every document (repository, commit, path, SHA-256, form, split);
the gold answers, written by people reading each document, are `tests/corpus/gold/<split>/<stem>.json`.
The documents themselves are not committed: `docs` copies them byte for byte into `tests/corpus/docs/`
from `../shared/corpus/real`, from local snapshots of their repositories (`git show COMMIT:PATH` in
`--mirror`, one bare repository per `owner+name/repo`), or from `--extra` folders, checks each
SHA-256, and derives the `pdftotext` forms and 300-dpi renderings of short digital PDFs (`rendered-scan`).
`eval` extracts each split into `outputs/eval/<split>/`
and prints the scorer's per-field figures for each split and the overall rate per input form.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
DOCS = CORPUS / "docs"
SPLITS = ("dev", "test")
PDFTOTEXT_ARGS = {"pdftotext-layout": ["-layout"], "pdftotext-plain": []}


def read_sources() -> list[dict[str, str]]:
    with open(CORPUS / "sources.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lay_out(row: dict[str, str], mirror: Path, shared: Path, extra: list[Path]) -> str:
    """Put one document in DOCS; returns how (or why not)."""
    target = DOCS / row["file"]
    if target.exists() and sha256(target) == row["sha256"]:
        return "present"
    if row["derived_from"]:
        base = next(r for r in read_sources() if r["stem"] == row["derived_from"])
        pdf = DOCS / base["file"]
        if not pdf.exists():
            return f"missing (derive from {base['file']} first)"
        if row["form"] == "rendered-scan":
            render_scan(pdf, target)
        else:
            subprocess.run(["pdftotext", *PDFTOTEXT_ARGS[row["form"]], str(pdf), str(target)], check=True)
    elif row["repo"] == "shared":
        if not (shared / row["path"]).exists():
            return f"missing: {shared / row['path']} not found"
        shutil.copyfile(shared / row["path"], target)
    elif data := _from_mirror(mirror / row["repo"].replace("/", "+") / "repo", row):
        target.write_bytes(data)
    elif found := next((d / row["file"] for d in extra if (d / row["file"]).exists()), None):
        shutil.copyfile(found, target)
    else:
        return f"missing: no snapshot of {row['repo']} in {mirror}"
    if sha256(target) != row["sha256"]:
        target.unlink()
        return "checksum differs (not kept)"
    return "laid out"


def render_scan(pdf: Path, target: Path) -> None:
    """A digital PDF as a 300-dpi grey scan would give it: each page rendered by poppler and tilted 0.4°,
    as a page fed a little askew, in one multi-page TIFF (the same words and answers, read by OCR)."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), f"{tmp}/p"], check=True)
        # Poppler writes `-gray` pages as RGB PNGs: made grey first, or the corners fill red (255 → (255, 0, 0)).
        pages = [Image.open(p).convert("L").rotate(0.4, resample=Image.BICUBIC, fillcolor=255)
                 for p in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1]))]
        pages[0].save(target, save_all=True, append_images=pages[1:], dpi=(300, 300), compression="tiff_deflate")


def _from_mirror(repo: Path, row: dict[str, str]) -> bytes:
    """The file's bytes at its commit from a local snapshot (bare, or a work tree's `.git`), or b""."""
    git_dir = repo / ".git" if (repo / ".git").is_dir() else repo
    if not git_dir.is_dir():
        return b""
    return subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{row['commit']}:{row['path']}"],
                          capture_output=True, check=False).stdout


def cmd_docs(args: argparse.Namespace) -> int:
    DOCS.mkdir(parents=True, exist_ok=True)
    rows = sorted(read_sources(), key=lambda r: bool(r["derived_from"]))  # sources before what derives from them
    problems = 0
    for row in rows:
        how = lay_out(row, args.mirror, args.shared, args.extra)
        if how not in ("present", "laid out"):
            problems += 1
            print(f"{row['file']}: {how}", file=sys.stderr)
    print(f"{len(rows) - problems}/{len(rows)} documents in {DOCS.relative_to(ROOT)}")
    return 1 if problems else 0


def _scorer():
    sys.path.insert(0, str(ROOT / "tests" / "tools"))
    import score  # the vendored copy of ../shared/tools/score.py

    return score


def score_split(split: str, jobs: int, verbose: bool) -> None:
    score = _scorer()
    gold_dir, out_dir = CORPUS / "gold" / split, ROOT / "outputs" / "eval" / split
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}
    inputs = [DOCS / g["file"] for g in golds.values() if (DOCS / g["file"]).exists()]
    if len(inputs) < len(golds):
        print(f"{split}: {len(golds) - len(inputs)} documents missing; run `scripts/corpus.py docs`")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    subprocess.run([str(ROOT / ".venv" / "bin" / "vanban"), "extract", *map(str, inputs), "-o", str(out_dir),
                    "--jobs", str(jobs), "-q"], check=False)
    total, by_form = score.Tally(), defaultdict(score.Tally)
    print(f"\n== {split}: {len(inputs)} documents ==")
    for stem, gold in golds.items():
        out = out_dir / f"{stem}.json"
        pred = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
        t, notes = score.Tally(), []
        score.score_doc(pred, gold, t, notes)
        for k in t.total:
            total.add(k, t.hit[k], t.total[k])
            by_form[gold.get("form", "?")].add(k, t.hit[k], t.total[k])
        if verbose:
            hit, tot = sum(t.hit.values()), sum(t.total.values())
            print(f"{stem:60s} {100 * hit / max(tot, 1):6.1f}%")
            for n in notes:
                print("    -", n)
    for k in sorted(total.total):
        if k != "sections.spurious_top_level" and total.total[k]:
            print(f"  {k:32s} {100 * total.rate(k):6.1f}%  ({total.hit[k]}/{total.total[k]})")
    print(f"  {'overall':32s} {100 * overall(total):6.1f}%")
    print("  by form:")
    for form, t in sorted(by_form.items()):
        print(f"    {form:28s} {100 * overall(t):6.1f}%")


def overall(t) -> float:
    keys = [k for k in t.total if k != "sections.spurious_top_level" and t.total[k]]
    return sum(t.rate(k) for k in keys) / max(len(keys), 1)


def cmd_eval(args: argparse.Namespace) -> int:
    for split in SPLITS if args.split == "all" else (args.split,):
        score_split(split, args.jobs, args.verbose)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    docs = sub.add_parser("docs", help="lay out the corpus documents in tests/corpus/docs")
    docs.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    docs.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    docs.add_argument("--extra", type=Path, nargs="*", default=[])
    ev = sub.add_parser("eval", help="extract and score the dev and test splits")
    ev.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    ev.add_argument("--jobs", type=int, default=2)
    ev.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    return cmd_docs(args) if args.command == "docs" else cmd_eval(args)


if __name__ == "__main__":
    sys.exit(main())
