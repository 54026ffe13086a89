"""Text-path benchmark: documents per second and peak memory on the bundled text samples.

Run with `make bench`. Prints figures; asserts nothing (targets live here, not in unit tests).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.entities import clear_cache  # noqa: E402
from pipeline.run import extract_file  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=10, help="passes over the samples (default 10)")
    args = ap.parse_args()
    paths = sorted((ROOT / "samples").glob("*.txt"))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)

    t0 = time.perf_counter()
    for p in paths:  # first pass: loads spaCy patterns, lexicon, data files
        extract_file(p)
    warmup = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for p in paths:
            clear_cache()  # no help from having seen the same lines in an earlier round
            extract_file(p)
    elapsed = time.perf_counter() - t0

    tracemalloc.start()  # a separate pass: tracing slows Python down
    for p in paths:
        clear_cache()
        extract_file(p)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    n = len(paths) * args.rounds
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"text path, {len(paths)} samples × {args.rounds} rounds ({chars:,} characters per round)")
    print(f"  first pass (cold, incl. loading models/data) {warmup:8.2f} s")
    print(f"  documents per second                         {n / elapsed:8.1f}")
    print(f"  milliseconds per document                    {1000 * elapsed / n:8.1f}")
    print(f"  characters per second                        {chars * args.rounds / elapsed:8,.0f}")
    print(f"  peak memory, process RSS                     {rss_mb:8.1f} MB")
    print(f"  peak memory, Python allocations per document {traced_peak / 2**20:8.1f} MB")


if __name__ == "__main__":
    main()
