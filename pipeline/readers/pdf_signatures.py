"""Digital signatures of a PDF: who signed (the certificate's subject) and when.

Vietnamese e-government PDFs are signed by the person who signs the document and then by the
issuing body's seal certificate (Nghị định 30/2020, Điều 13); copies are re-signed by publishers
(Cổng Thông tin điện tử, Trung tâm Công báo). The subject names are the exact spelling of the signer's
name and often of the body, whatever the page's OCR made of them. Read with pdfium (the signature
dictionaries) and `cryptography` (the PKCS#7 certificates); nothing is verified here.
"""

from __future__ import annotations

import ctypes
import re
import warnings
from datetime import datetime
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509 import Certificate
from cryptography.x509.oid import NameOID

from pipeline.model import DigitalSignature

_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?(?:([+-])(\d{2})'?(\d{2})'?|Z)?")


def read_signatures(path: Path) -> list[DigitalSignature]:
    """Each signature's certificate subject and signing time, in the file's order; unreadable ones skipped."""
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return []  # the page reader reports what is wrong with the file
    try:
        with warnings.catch_warnings():
            # real certificates are often loosely encoded (BER, over-long names): read them without a fuss
            warnings.simplefilter("ignore", UserWarning)
            return _signatures(pdf)
    finally:
        pdf.close()


def _signatures(pdf: pdfium.PdfDocument) -> list[DigitalSignature]:
    found = []
    for i in range(pdfium_c.FPDF_GetSignatureCount(pdf.raw)):
        handle = pdfium_c.FPDF_GetSignatureObject(pdf.raw, i)
        contents = _der(_bytes(pdfium_c.FPDFSignatureObj_GetContents, handle))
        try:
            certificates = pkcs7.load_der_pkcs7_certificates(contents)
        except ValueError:
            continue  # not PKCS#7 (e.g. a bare RSA signature), or damaged
        subject = _leaf(certificates).subject
        name = _attribute(subject, NameOID.COMMON_NAME)
        if not name:
            continue
        when = _bytes(pdfium_c.FPDFSignatureObj_GetTime, handle).rstrip(b"\0").decode("latin-1")
        found.append(DigitalSignature(name=name, unit=_attribute(subject, NameOID.ORGANIZATIONAL_UNIT_NAME),
                                      organization=_attribute(subject, NameOID.ORGANIZATION_NAME),
                                      signed_at=_iso_time(when)))
    return found


def _bytes(getter, handle) -> bytes:
    size = getter(handle, None, 0)
    buffer = ctypes.create_string_buffer(size)
    getter(handle, buffer, size)
    return buffer.raw[:size]


def _der(blob: bytes) -> bytes:
    """The DER structure at the start of the zero-padded /Contents string."""
    if len(blob) < 2 or blob[1] < 0x80:
        return blob[: 2 + (blob[1] if len(blob) > 1 else 0)]
    size = blob[1] & 0x7F
    return blob[: 2 + size + int.from_bytes(blob[2 : 2 + size], "big")]


def _leaf(certificates: list[Certificate]) -> Certificate:
    """The signer's own certificate: the one that issued none of the others (the rest is its chain)."""
    issuers = {c.issuer.rfc4514_string() for c in certificates}
    return next((c for c in certificates if c.subject.rfc4514_string() not in issuers), certificates[0])


def _attribute(subject, oid) -> str | None:
    values = subject.get_attributes_for_oid(oid)
    return str(values[0].value).strip() or None if values else None


def _iso_time(pdf_date: str) -> str | None:
    """`D:20250808113257+07'00'` → `2025-08-08T11:32:57+07:00`."""
    m = _PDF_DATE.match(pdf_date)
    if not m:
        return None
    y, mo, d, h, mi, s, sign, oh, om = m.groups()
    try:
        moment = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None
    zone = f"{sign}{oh}:{om or '00'}" if sign else ""
    return moment.isoformat() + zone
