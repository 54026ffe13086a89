"""Digital signatures: the certificates' names read from a PDF, and what they give the header."""

from __future__ import annotations

import datetime

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from extractors.certificates import apply_certificates
from pipeline.model import DigitalSignature, Header, Signer
from pipeline.readers.pdf_signatures import read_signatures
from pipeline.run import extract_file
from tests.conftest import SAMPLES

ULIS = [("Nguyễn Quỳnh Hoa", "ĐẠI HỌC QUỐC GIA HÀ NỘI", "D:20241206082104+07'00'"),  # vets the draft first
        ("Hà Lê Kim Anh", "ĐẠI HỌC QUỐC GIA HÀ NỘI", "D:20241206084431+07'00'"),
        ("TRƯỜNG ĐẠI HỌC NGOẠI NGỮ", "ĐẠI HỌC QUỐC GIA HÀ NỘI", "D:20241206103203+07'00'")]


def _signature_der(common_name: str, organization: str) -> bytes:
    """A PKCS#7 detached signature by a fresh self-signed certificate with this subject."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization)])
    start = datetime.datetime(2024, 1, 1)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(start).not_valid_after(start + datetime.timedelta(days=365))
            .sign(key, hashes.SHA256()))
    return (pkcs7.PKCS7SignatureBuilder().set_data(b"signed bytes").add_signer(cert, key, hashes.SHA256())
            .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature]))


def _signed_pdf(signers: list[tuple[str, str, str]]) -> bytes:
    """A blank one-page PDF with one signature field per (name, organization, PDF date); /Contents is
    zero-padded as signing tools leave it."""
    objs = ["<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [%s] /SigFlags 3 >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    fields = []
    for name, org, when in signers:
        n = len(objs) + 1
        objs.append(f"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /M ({when}) "
                    f"/Contents <{_signature_der(name, org).hex()}{'0' * 64}> >>")
        objs.append(f"<< /FT /Sig /T (Signature{n}) /V {n} 0 R /Rect [0 0 0 0] /Subtype /Widget /P 3 0 R >>")
        fields.append(f"{n + 1} 0 R")
    objs[0] = objs[0] % " ".join(fields)
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_certificates_read_in_file_order_with_local_times(tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(_signed_pdf(ULIS))
    found = read_signatures(path)
    assert [(s.name, s.organization, s.signed_at) for s in found] == [
        ("Nguyễn Quỳnh Hoa", "ĐẠI HỌC QUỐC GIA HÀ NỘI", "2024-12-06T08:21:04+07:00"),
        ("Hà Lê Kim Anh", "ĐẠI HỌC QUỐC GIA HÀ NỘI", "2024-12-06T08:44:31+07:00"),
        ("TRƯỜNG ĐẠI HỌC NGOẠI NGỮ", "ĐẠI HỌC QUỐC GIA HÀ NỘI", "2024-12-06T10:32:03+07:00")]


def test_unsigned_pdf_has_no_signatures():
    assert read_signatures(next((SAMPLES / "pdf").glob("*.pdf"))) == []


def _signed(*names: str) -> list[DigitalSignature]:
    return [DigitalSignature(name=n, signed_at=f"2025-09-18T08:{k:02d}:00+07:00") for k, n in enumerate(names)]


def test_signer_name_misread_by_ocr_takes_the_certificate_spelling():
    # Bộ Nội vụ 8151 at 300 dpi: `Nguyễn Văn Hồi` read `Nguyễn Văn Hội`
    header = Header(issuing_body="Bộ Nội vụ", signers=[Signer(name="Nguyễn Văn Hội", position="Thứ trưởng")])
    warnings = apply_certificates(header, _signed("Nguyễn Văn Hồi", "Bộ Nội vụ"))
    assert header.signers[0].name == "Nguyễn Văn Hồi"
    assert [w.code for w in warnings] == ["signer_name_from_certificate"]


def test_signer_whose_name_was_not_read_is_named_by_the_last_person_to_sign():
    header = Header(signers=[Signer(position="Phó Hiệu trưởng", authority=["KT. Hiệu trưởng"])])
    apply_certificates(header, _signed("Nguyễn Quỳnh Hoa", "Hà Lê Kim Anh", "TRƯỜNG ĐẠI HỌC NGOẠI NGỮ"))
    assert header.signers[0].name == "Hà Lê Kim Anh"


def test_another_printed_name_is_kept():
    header = Header(signers=[Signer(name="Phạm Minh Chính", position="Thủ tướng")])
    assert apply_certificates(header, _signed("Trần Hồng Hà")) == []
    assert header.signers[0].name == "Phạm Minh Chính"


@pytest.mark.parametrize(("printed", "names", "issuer"), [
    (None, ["TRƯỜNG ĐẠI HỌC VIỆT NHẬT"], "trường đại học việt nhật"),  # an appendix filed alone
    (None, ["CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ"], None),  # the publisher of a copy is no issuer
    (None, ["Ủy ban nhân dân tỉnh Quảng Ngãi", "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC"], "ủy ban nhân dân tỉnh quảng ngãi"),
    ("Thủ tướng Chính phủ", ["Văn phòng Chính phủ"], "thủ tướng chính phủ"),  # the printed issuer stays
])
def test_issuer_from_a_body_certificate_only_when_none_is_printed(printed, names, issuer):
    header = Header(issuing_body=printed)
    warnings = apply_certificates(header, _signed(*names))
    assert (header.issuing_body or "").lower() == (issuer or "")
    assert ("issuer_from_certificate" in [w.code for w in warnings]) == (printed is None and issuer is not None)


def test_signed_pdf_without_a_signature_block_gets_its_signer_and_issuer(tmp_path):
    path = tmp_path / "phu-luc.pdf"
    path.write_bytes(_signed_pdf(ULIS))
    doc = extract_file(path)
    assert doc.status != "failed", doc.error
    assert [s.name for s in doc.header.signers] == ["Hà Lê Kim Anh"]
    assert doc.header.issuing_body.lower() == "trường đại học ngoại ngữ"
    assert len(doc.source.digital_signatures) == 3
    assert {"signer_from_certificate", "issuer_from_certificate"} <= {w.code for w in doc.warnings}
    traced = {w.code: w.message for w in doc.warnings}
    assert "digital signature 2 of 3 (signed 2024-12-06T08:44:31+07:00)" in traced["signer_from_certificate"]
    assert "digital signature 3 of 3" in traced["issuer_from_certificate"]
