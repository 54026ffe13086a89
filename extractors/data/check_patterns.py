"""Check the data files in this folder: valid JSON/CSV, NFC text, and EntityRuler patterns that
load into a blank Vietnamese spaCy pipeline and match sample lines from real documents.

    /work/main/.venv/bin/python extractors/data/check_patterns.py

Exits 1 on any failure.
"""

import csv
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import spacy

HERE = Path(__file__).parent
LABELS = {"ORG", "ORG_HEAD", "POSITION", "AUTHORITY", "GPE"}

# (text, entities that must be found as (label, canonical id))
SAMPLES = [
    ("Ủy ban nhân dân thành phố Cao Bằng xây dựng Kế hoạch",
     {("ORG", "Ủy ban nhân dân"), ("GPE", "Cao Bằng")}),
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", {("ORG", "Sở Khoa học và Công nghệ")}),
    ("Sở khoa học và công nghệ", {("ORG", "Sở Khoa học và Công nghệ")}),
    ("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG".lower(), {("ORG", "Ủy ban nhân dân"), ("GPE", "Cao Bằng")}),
    ("phòng tài chính - kế hoạch", {("ORG", "Phòng Tài chính - Kế hoạch")}),
    ("TM. ỦY BAN NHÂN DÂN", {("AUTHORITY", "TM."), ("ORG", "Ủy ban nhân dân")}),
    ("KT. CHỦ TỊCH", {("AUTHORITY", "KT."), ("POSITION", "Chủ tịch")}),
    ("PHÓ CHỦ TỊCH", {("POSITION", "Phó Chủ tịch")}),
    ("T/M BAN CHẤP HÀNH", {("AUTHORITY", "T/M"), ("ORG", "Ban Chấp hành")}),
    ("TỈNH UỶ CAO BẰNG", {("ORG", "Tỉnh ủy"), ("GPE", "Cao Bằng")}),
    ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN", {("ORG", "Ủy ban nhân dân"), ("GPE", "Bắc Kạn")}),
    # the longer ORG 'Văn phòng Ủy ban nhân dân' wins over the POSITION 'Chánh Văn phòng'
    ("Chánh Văn phòng Uỷ ban nhân dân tỉnh, Giám đốc Sở Khoa học và Công nghệ,",
     {("ORG", "Văn phòng Ủy ban nhân dân"), ("POSITION", "Giám đốc"),
      ("ORG", "Sở Khoa học và Công nghệ")}),
    ("CHÁNH VĂN PHÒNG", {("POSITION", "Chánh Văn phòng")}),
    ("Phối hợp giữa Sở Khoa học và Công nghệ với Uỷ ban nhân dân huyện Cao Lãnh",
     {("ORG", "Sở Khoa học và Công nghệ"), ("ORG", "Ủy ban nhân dân")}),
    ("Sở Nông nghiệp và Phát triển nông thôn trong việc chọn địa điểm",
     {("ORG", "Sở Nông nghiệp và Phát triển nông thôn")}),
    ("Giao Sở Văn hóa, Thể thao và Du lịch; Sở Lao động - Thương binh và Xã hội;",
     {("ORG", "Sở Văn hóa, Thể thao và Du lịch"),
      ("ORG", "Sở Lao động - Thương binh và Xã hội")}),
    ("Phòng Tài chính - Kế hoạch, Phòng Kinh tế và Hạ tầng huyện",
     {("ORG", "Phòng Tài chính - Kế hoạch"), ("ORG", "Phòng Kinh tế và Hạ tầng")}),
    ("Uỷ ban Mặt trận Tổ quốc, các đoàn thể nhân dân", {("ORG", "Ủy ban Mặt trận Tổ quốc")}),
    ("báo cáo Ban Thường vụ Tỉnh ủy", {("ORG", "Ban Thường vụ"), ("ORG", "Tỉnh ủy")}),
    ("Kết luận số 50-KL/TW của Ban Bí thư về Nghị quyết của Ban Chấp hành Trung ương Đảng",
     {("ORG", "Ban Bí thư"), ("ORG", "Ban Chấp hành Trung ương Đảng")}),
    ("của Thủ tướng Chính phủ ban hành", {("ORG", "Thủ tướng Chính phủ")}),
    ("UBND huyện Dương Minh Châu, Sở KH&CN tỉnh Tây Ninh",
     {("ORG", "Ủy ban nhân dân"), ("ORG", "Sở Khoa học và Công nghệ"), ("GPE", "Tây Ninh")}),
    ("tỉnh Bà Rịa - Vũng Tàu và tỉnh Thừa Thiên Huế",
     {("GPE", "Bà Rịa - Vũng Tàu"), ("GPE", "Thừa Thiên Huế")}),
    ("tỉnh Bà Rịa-Vũng Tàu, tỉnh Khánh Hoà, TP.HCM",
     {("GPE", "Bà Rịa - Vũng Tàu"), ("GPE", "Khánh Hòa"), ("GPE", "Hồ Chí Minh")}),
    ("TUQ. GIÁM ĐỐC\nTRƯỞNG PHÒNG", {("AUTHORITY", "TUQ."), ("POSITION", "Giám đốc"),
                                    ("POSITION", "Trưởng phòng")}),
    ("K/T BÍ THƯ\nPHÓ BÍ THƯ THƯỜNG TRỰC", {("AUTHORITY", "K/T"), ("POSITION", "Bí thư"),
                                            ("POSITION", "Phó Bí thư Thường trực")}),
    ("Giám đốc Công an tỉnh", {("POSITION", "Giám đốc Công an tỉnh")}),
    ("SỞ NỘI VỤ\nPHÒNG TỔ CHỨC", {("ORG", "Sở Nội vụ"), ("ORG_HEAD", "Phòng")}),
]
# must NOT produce these (label, id)
NEGATIVE = [
    ("góp phần giữ vững hòa bình, ổn định", {("GPE", "Hòa Bình")}),
    ("- Lưu: KT, VT.", {("AUTHORITY", "KT.")}),
    # Bộ …/Sở …/Chính phủ need a capital on the first word; bare heads (ORG_HEAD) too
    ("đội ngũ cán bộ khoa học và công nghệ của tỉnh", {("ORG", "Bộ Khoa học và Công nghệ")}),
    ("các cơ sở y tế, cơ sở giáo dục và đào tạo", {("ORG", "Sở Y tế"),
                                                   ("ORG", "Sở Giáo dục và Đào tạo")}),
    ("tổ chức phi chính phủ", {("ORG", "Chính phủ")}),
    ("phát triển kinh tế - xã hội, thị trường", {("ORG_HEAD", "Hội"), ("ORG_HEAD", "Trường")}),
]


def fail(msg):
    print("FAIL:", msg)
    fail.count += 1


fail.count = 0


def check_text_files():
    for path in sorted(HERE.glob("*")):
        if path.suffix not in {".csv", ".txt", ".jsonl", ".md"}:
            continue
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            fail(f"{path.name}: BOM")
        text = raw.decode("utf-8")
        if unicodedata.normalize("NFC", text) != text:
            fail(f"{path.name}: not NFC")
        if path.suffix != ".md" and ("\u00d0" in text or "\u00f0" in text):
            fail(f"{path.name}: contains eth (Ð/ð) instead of Đ/đ")
    headers = {
        "doc_types.csv": ["name", "code", "old_codes", "family"],
        "admin_units.csv": ["word", "proper", "level"],
        "provinces.csv": ["name", "type", "status"],
        "abbreviations.csv": ["abbr", "expansion"],
    }
    rows = {}
    for name, header in headers.items():
        with open(HERE / name, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != header:
                fail(f"{name}: header {reader.fieldnames}")
            rows[name] = list(reader)
        print(f"{name}: {len(rows[name])} rows")
    status = Counter()
    for r in rows["provinces.csv"]:
        for s in r["status"].split("|"):
            status[s] += 1
        if r["type"] not in {"tỉnh", "thành phố"}:
            fail(f"provinces.csv: bad type {r}")
    print("provinces per status:", dict(status))
    if status["pre2025"] != 63 or status["2025"] != 34:
        fail(f"provinces.csv: expected 63 pre2025 and 34 2025, got {dict(status)}")
    families = {"administrative", "normative", "party"}
    for r in rows["doc_types.csv"]:
        if not set(r["family"].split("|")) <= families:
            fail(f"doc_types.csv: bad family {r}")
    for r in rows["admin_units.csv"]:
        if not set(r["level"].split("|")) <= {"province", "district", "commune"}:
            fail(f"admin_units.csv: bad level {r}")
    surnames = (HERE / "surnames.txt").read_text(encoding="utf-8").split("\n")
    surnames = [s for s in surnames if s]
    print(f"surnames.txt: {len(surnames)} names")
    if len(set(surnames)) != len(surnames):
        fail("surnames.txt: duplicates")
    return rows


def load_patterns(provinces):
    patterns = []
    for n, line in enumerate((HERE / "entity_patterns.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        try:
            p = json.loads(line)
        except json.JSONDecodeError as e:
            fail(f"entity_patterns.jsonl:{n}: {e}")
            continue
        if set(p) != {"label", "pattern", "id"} or p["label"] not in LABELS:
            fail(f"entity_patterns.jsonl:{n}: bad keys/label {line[:80]}")
        patterns.append(p)
    counts = Counter(p["label"] for p in patterns)
    print("patterns per label:", dict(counts))
    gpe_ids = {p["id"] for p in patterns if p["label"] == "GPE"}
    names = {r["name"] for r in provinces}
    if gpe_ids != names:
        fail(f"GPE ids differ from provinces.csv: {sorted(gpe_ids ^ names)}")
    return patterns


def main():
    rows = check_text_files()
    patterns = load_patterns(rows["provinces.csv"])
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    ruler = nlp.add_pipe("entity_ruler", config={"validate": True})
    ruler.add_patterns(patterns)  # raises on an invalid pattern
    print("\nblank 'vi' tokenizer (use_pyvi False) splits on whitespace only:")
    print(" ", [t.text for t in nlp("Sở Văn hóa, Thể thao và Du lịch; KT.CHỦ TỊCH (Sở KH&CN)")])
    print()
    for text, expected in SAMPLES:
        doc = nlp(text)
        found = {(e.label_, e.ent_id_) for e in doc.ents}
        print(repr(text[:70]), "->", [(e.text, e.label_, e.ent_id_) for e in doc.ents])
        if not expected <= found:
            fail(f"{text!r}: missing {sorted(expected - found)}")
    for text, forbidden in NEGATIVE:
        doc = nlp(text)
        found = {(e.label_, e.ent_id_) for e in doc.ents}
        print(repr(text[:70]), "->", [(e.text, e.label_, e.ent_id_) for e in doc.ents])
        if forbidden & found:
            fail(f"{text!r}: unexpected {sorted(forbidden & found)}")
    # every GPE name and every ORG/POSITION id matches its own canonical text
    for p in patterns:
        if p["label"] in {"ORG", "POSITION", "GPE", "ORG_HEAD"}:
            doc = nlp(p["id"])
            if not any(e.ent_id_ == p["id"] and e.label_ == p["label"] for e in doc.ents):
                fail(f"{p['label']} {p['id']!r} does not match its own id")
    print("\nOK" if not fail.count else f"\n{fail.count} failure(s)")
    return 1 if fail.count else 0


if __name__ == "__main__":
    sys.exit(main())
