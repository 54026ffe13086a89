"""Load stage: a file on disk → its decoded text and a `Source` record. The only stage that reads files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from normalizers import decode_bytes
from pipeline.model import Source

TEXT_SUFFIXES = {".txt", ".text", ".md", ".tsv"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES


class InputError(Exception):
    """A file that cannot be read as a document; `code` names the reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(slots=True)
class Loaded:
    source: Source
    text: str


def load(path: Path) -> Loaded:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError("unsupported_format", f"{path.name}: unsupported file type '{suffix or '(none)'}' "
                                               f"(supported: {', '.join(sorted(SUPPORTED))})")
    data = path.read_bytes()
    if not data.strip():
        raise InputError("empty_file", f"{path.name}: the file is empty")
    text, encoding = decode_bytes(data)
    if "\x00" in text:
        raise InputError("binary_file", f"{path.name}: binary content, not text")
    fmt = "html" if suffix in HTML_SUFFIXES else "text"
    source = Source(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=fmt, encoding=encoding,
                    pages=text.count("\f") + 1)
    return Loaded(source, text)
