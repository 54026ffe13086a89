"""Write stage: one JSON file per document, written atomically (never half-written)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pipeline.model import Document


def to_json(doc: Document) -> str:
    return doc.model_dump_json(by_alias=True, indent=2, exclude_none=False)


def write_atomic(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_document(doc: Document, out_dir: Path, stem: str) -> Path:
    path = out_dir / f"{stem}.json"
    write_atomic(path, to_json(doc))
    return path


def write_zones(doc: Document, out_dir: Path, stem: str) -> Path:
    """`--debug`: each line with the zone it was read as, so a person can see why a field was missed."""
    path = out_dir / f"{stem}.zones.json"
    write_atomic(path, json.dumps([z.model_dump() for z in doc.zones()], ensure_ascii=False, indent=1) + "\n")
    return path
