"""`vanban extract` as a user runs it: folders, globs, bad inputs, name clashes, parallel jobs, encodings."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

SCRIPT = Path(sys.executable).parent / "vanban"
VANBAN = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "pipeline.cli"]
SAMPLE_STEMS = sorted(p.stem for p in SAMPLES.glob("*.txt"))
SUMMARY = re.compile(r"(\d+) documents → .+: (\d+) ok, (\d+) with warnings, (\d+) failed")


def vanban(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([*VANBAN, "extract", *map(str, args), "-q"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def outputs(folder: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


@pytest.fixture(scope="module")
def samples_run(tmp_path_factory):
    """A folder of documents (the text samples; the PDF and scan samples have their own tests)."""
    folder = tmp_path_factory.mktemp("in")
    for stem in SAMPLE_STEMS:
        shutil.copy(SAMPLES / f"{stem}.txt", folder)
    out = tmp_path_factory.mktemp("samples")
    run = vanban(folder, "-o", out)
    run.folder = folder
    return run, out


def test_samples_folder_gives_one_json_per_sample(samples_run):
    run, out = samples_run
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{s}.json" for s in SAMPLE_STEMS]
    assert all(d["status"] in ("ok", "warnings") for d in outputs(out).values())
    total, ok, warned, failed = map(int, SUMMARY.search(run.stderr).groups())
    assert (total, ok + warned, failed) == (len(SAMPLE_STEMS), len(SAMPLE_STEMS), 0)


def test_glob(tmp_path):
    run = vanban("samples/00[01]_*.txt", "-o", tmp_path)
    assert run.returncode == 0, run.stderr
    assert sorted(outputs(tmp_path)) == SAMPLE_STEMS[:2]


def test_bad_files_get_error_records_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00" + bytes(range(256)) * 4)
    (src / "notes.xyz").write_text("Số: 684/QĐ-UBND", encoding="utf-8")
    shutil.copy(SAMPLES / f"{SAMPLE_STEMS[1]}.txt", src / "good.txt")
    out = tmp_path / "out"
    run = vanban(src / "empty.txt", src / "scan.txt", src / "notes.xyz", src / "good.txt", "-o", out)
    assert run.returncode == 1
    docs = outputs(out)
    assert docs["good"]["status"] in ("ok", "warnings")
    assert docs["good"]["header"]["reference"] == "34-CTr/TU"
    errors = {name: (d["status"], d["error"]["code"]) for name, d in docs.items() if name != "good"}
    assert errors == {"empty": ("failed", "empty_file"), "scan": ("failed", "binary_file"),
                      "notes": ("failed", "unsupported_format")}
    assert sorted(p.name for p in out.iterdir()) == ["empty.json", "good.json", "notes.json", "scan.json"]
    assert SUMMARY.search(run.stderr).group(4) == "3"


def test_pdf_with_bytes_before_its_header_is_read_and_a_text_named_pdf_is_not(tmp_path):
    """Quảng Bình's scans (NAPS2, 2022) carry 21 bytes before `%PDF`, which pdfium and poppler skip."""
    pdf = sorted((SAMPLES / "pdf").glob("*.pdf"))[1]
    (tmp_path / "prefixed.pdf").write_bytes(bytes(range(1, 22)) + pdf.read_bytes())
    (tmp_path / "letter.pdf").write_text("Số: 684/QĐ-UBND\n" * 100, encoding="utf-8")
    out = tmp_path / "out"
    vanban(tmp_path / "prefixed.pdf", tmp_path / "letter.pdf", "-o", out)
    docs = outputs(out)
    assert docs["prefixed"]["status"] in ("ok", "warnings") and docs["prefixed"]["header"]["reference"] == "34-CTr/TU"
    assert (docs["letter"]["status"], docs["letter"]["error"]["code"]) == ("failed", "not_a_pdf")


def test_unsupported_files_in_a_folder_are_named_not_read(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLES / f"{SAMPLE_STEMS[0]}.txt", tmp_path / "in")
    (tmp_path / "in" / "ke-hoach.doc").write_bytes(b"\xd0\xcf\x11\xe0 old Word, not read")
    (tmp_path / "in" / ".DS_Store").write_bytes(b"\x00\x01")
    run = vanban(tmp_path / "in", "-o", tmp_path / "out")
    assert run.returncode == 0
    assert "skipped 1 file(s) of unsupported types in the folders (1 .doc)" in run.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{SAMPLE_STEMS[0]}.json"]


def test_path_that_matches_nothing_is_a_usage_error(tmp_path):
    run = vanban("samples/nothing_*.txt", "-o", tmp_path / "out")
    assert run.returncode == 2
    assert "no input matches" in run.stderr
    assert not (tmp_path / "out").exists()


def test_same_stem_in_two_folders_writes_both(tmp_path):
    for folder, sample in (("a", SAMPLE_STEMS[0]), ("b", SAMPLE_STEMS[1])):
        (tmp_path / folder).mkdir()
        shutil.copy(SAMPLES / f"{sample}.txt", tmp_path / folder / "plan.txt")
    run = vanban(tmp_path / "a", tmp_path / "b", "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    docs = outputs(tmp_path / "out")
    assert sorted(docs) == ["plan", "plan~2"]
    assert docs["plan"]["header"]["reference"] == "23/KH-UBND"
    assert docs["plan~2"]["header"]["reference"] == "34-CTr/TU"


def test_two_jobs_give_the_same_json_as_one(samples_run, tmp_path):
    first, one = samples_run
    run = vanban(first.folder, "-o", tmp_path, "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert outputs(tmp_path) == outputs(one)


def test_outputs_are_readable_like_any_new_file(samples_run):
    _, out = samples_run
    umask = os.umask(0)
    os.umask(umask)
    assert {p.stat().st_mode & 0o777 for p in out.glob("*.json")} == {0o666 & ~umask}


@pytest.mark.parametrize("stem", SAMPLE_STEMS[:2])
def test_utf16_and_bom_give_the_same_header(stem, tmp_path):
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    (tmp_path / "utf8.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(text.encode("utf-8-sig"))
    run = vanban(tmp_path / "utf8.txt", tmp_path / "utf16.txt", tmp_path / "bom.txt", "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    docs = outputs(tmp_path / "out")
    headers = {name: d["header"] for name, d in docs.items()}
    assert headers["utf16"] == headers["utf8"] == headers["bom"]
    assert headers["utf8"]["reference"] is not None
    assert docs["utf16"]["source"]["encoding"].startswith("utf-16")


def test_debug_writes_each_lines_zone(tmp_path):
    run = vanban(SAMPLES / f"{SAMPLE_STEMS[1]}.txt", "-o", tmp_path, "--debug")
    assert run.returncode == 0
    zones = json.loads((tmp_path / f"{SAMPLE_STEMS[1]}.zones.json").read_text(encoding="utf-8"))
    by_zone = {}
    for z in zones:
        by_zone.setdefault(z["zone"], []).append(z)
    assert {"header", "type_line", "title", "signature", "recipients", "body"} <= set(by_zone)
    source = (SAMPLES / f"{SAMPLE_STEMS[1]}.txt").read_text(encoding="utf-8")
    number = next(z for z in by_zone["header"] if z["text"].startswith("Số"))
    assert source[number["start"] : number["end"]].strip().startswith("Số")  # offsets point into the source
    assert not (tmp_path / f"{SAMPLE_STEMS[0]}.zones.json").exists()


def test_debug_zones_of_a_pdf_carry_boxes(tmp_path):
    pdf = SAMPLES / "pdf" / f"pdf_{SAMPLE_STEMS[1]}.pdf"
    run = vanban(pdf, "-o", tmp_path, "--debug")
    assert run.returncode == 0, run.stderr
    zones = json.loads((tmp_path / f"pdf_{SAMPLE_STEMS[1]}.zones.json").read_text(encoding="utf-8"))
    title = [z for z in zones if z["zone"] == "title"]
    assert title and all(z["bbox"] and 0 <= z["bbox"][0] < z["bbox"][2] <= 612 for z in title)
