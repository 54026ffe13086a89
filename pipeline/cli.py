"""`vanban extract PATH... -o DIR`: files, folders and globs in, one `DIR/<stem>.json` each.

Exit codes: 0 every file extracted (some may carry warnings), 1 at least one file failed (its
JSON still holds the error record), 2 bad usage (no inputs found, output dir not writable).
"""

from __future__ import annotations

import argparse
import glob
import logging
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tqdm import tqdm

from pipeline.load import SUPPORTED

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def find_inputs(args: list[str]) -> tuple[list[Path], list[str], Counter[str]]:
    """Expand files, folders (recursively, supported types only) and globs.

    Returns the inputs, the arguments that matched nothing, and the files skipped inside folders
    counted by suffix (a `.docx` among the scans is named, not silently passed over).
    """
    found: dict[Path, None] = {}
    missing = []
    skipped: Counter[str] = Counter()
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            files = [f for f in sorted(p.rglob("*")) if f.is_file() and not f.name.startswith(".")]
            hits = [f for f in files if f.suffix.lower() in SUPPORTED]
            skipped.update(f.suffix.lower() or "(no suffix)" for f in files if f.suffix.lower() not in SUPPORTED)
        elif p.is_file():
            hits = [p]
        else:
            hits = [Path(g) for g in sorted(glob.glob(arg, recursive=True)) if Path(g).is_file()]
        if not hits:
            missing.append(arg)
        found.update(dict.fromkeys(hits))
    return list(found), missing, skipped


def output_stems(paths: list[Path]) -> dict[Path, str]:
    """`<stem>` per input; a stem already taken gets `~2`, `~3` so no output overwrites another."""
    seen: Counter[str] = Counter()
    stems = {}
    for p in paths:
        seen[p.stem] += 1
        stems[p] = p.stem if seen[p.stem] == 1 else f"{p.stem}~{seen[p.stem]}"
    return stems


def _process(job: tuple[Path, Path, str, bool, bool, bool]) -> tuple[Path, str, str, int, str | None]:
    from pipeline.run import extract_file
    from pipeline.write import write_document, write_zones

    path, out_dir, stem, tables_csv, correct, debug = job
    doc = extract_file(path, correct)  # never raises: failures come back as a `failed` document
    out = write_document(doc, out_dir, stem)
    if debug:
        write_zones(doc, out_dir, stem)
    if tables_csv:
        from pipeline.export import export_tables

        export_tables(doc, out_dir, stem)
    return path, str(out), doc.status, len(doc.warnings), doc.error.message if doc.error else None


def cmd_extract(ns: argparse.Namespace) -> int:
    paths, missing, skipped = find_inputs(ns.paths)
    for m in missing:
        print(f"vanban: no input matches '{m}'", file=sys.stderr)
    if skipped:
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(skipped.items()))
        print(f"vanban: skipped {sum(skipped.values())} file(s) of unsupported types in the folders ({kinds})",
              file=sys.stderr)
    if not paths:
        return EXIT_USAGE
    out_dir = Path(ns.output)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"vanban: cannot create output folder {out_dir}: {e.strerror}", file=sys.stderr)
        return EXIT_USAGE
    stems = output_stems(paths)
    for p, s in stems.items():
        if s != p.stem:
            print(f"vanban: {p} has the same name as another input; writing {s}.json", file=sys.stderr)
    jobs = [(p, out_dir, stems[p], ns.tables_csv, not ns.no_correct, ns.debug) for p in paths]
    tally: Counter[str] = Counter()
    bar = tqdm(total=len(jobs), unit="doc", disable=ns.quiet or None, file=sys.stderr, dynamic_ncols=True)
    for path, out, status, n_warn, error in _run(jobs, ns.jobs):
        tally[status] += 1
        if error:
            tqdm.write(f"FAILED {path}: {error}", file=sys.stderr)
        elif ns.verbose:
            tqdm.write(f"{status:8s} {path} → {out} ({n_warn} warnings)", file=sys.stderr)
        bar.update()
    bar.close()
    print(f"{len(jobs)} documents → {out_dir}: {tally['ok']} ok, {tally['warnings']} with warnings, "
          f"{tally['failed']} failed", file=sys.stderr)
    return EXIT_FAILED if tally["failed"] else EXIT_OK


def _run(jobs: list, n: int):
    if n <= 1 or len(jobs) == 1:
        yield from map(_process, jobs)
        return
    with ProcessPoolExecutor(max_workers=n) as pool:
        yield from pool.map(_process, jobs, chunksize=1)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vanban", description="Extract structured JSON from Vietnamese "
                                     "administrative documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract files, folders or globs into DIR/<stem>.json")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="input files, folders or glob patterns")
    ex.add_argument("-o", "--output", required=True, metavar="DIR", help="output folder")
    ex.add_argument("-j", "--jobs", type=int, default=1, help="documents processed in parallel (default 1)")
    ex.add_argument("--tables-csv", action="store_true", help="also write each table as DIR/<stem>.table<N>.csv")
    ex.add_argument("--no-correct", action="store_true",
                    help="leave OCR diacritic errors as read (default: repair them, listed in `corrections`)")
    ex.add_argument("--debug", action="store_true",
                    help="also write DIR/<stem>.zones.json: every line with the zone it was read as")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.add_argument("-v", "--verbose", action="store_true", help="one line per document")
    ex.set_defaults(func=cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    ns = build_parser().parse_args(argv)
    # a reader library's note on a file (pdfplumber: metadata it cannot parse) is no answer for the user;
    # what matters about a document is in its JSON's warnings
    for library in ("pdfplumber", "pdfminer"):
        logging.getLogger(library).setLevel(logging.ERROR)
    if getattr(ns, "jobs", 1) < 1:
        ns.jobs = os.cpu_count() or 1
    return ns.func(ns)


if __name__ == "__main__":
    sys.exit(main())
