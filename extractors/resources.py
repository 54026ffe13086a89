"""Access to the data files under extractors/data/ (document types, agencies, places, names)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def data_path(name: str) -> Path:
    return DATA_DIR / name


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a one-item-per-line data file."""
    text = data_path(name).read_text(encoding="utf-8")
    return tuple(s.strip() for s in text.splitlines() if s.strip() and not s.startswith("#"))


@cache
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    with open(data_path(name), encoding="utf-8") as f:
        return tuple({k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f))
