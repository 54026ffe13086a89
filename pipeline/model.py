"""The typed document model: the output contract (../shared/contract.md) plus provenance.

Field names of the contract are a public interface: add fields, never rename them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = "1.0"


class Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Span(Model):
    """Where a value came from: line number (1-based) and character offsets into the decoded source."""

    line: int
    start: int
    end: int
    page: int | None = None
    bbox: list[float] | None = None
    confidence: float | None = None


class DigitalSignature(Model):
    """One digital signature of a PDF, as its certificate names the signer (not verified)."""

    name: str = Field(description="The certificate's common name: a person, or a body's seal certificate.")
    unit: str | None = None
    organization: str | None = None
    signed_at: str | None = Field(None, description="Signing time as the signature states it, ISO 8601.")


class Source(Model):
    path: str
    sha256: str
    format: Literal["text", "pdf", "image", "docx", "html"] = "text"
    encoding: str | None = None
    pages: int = 1
    ocr: bool = False
    ocr_engine: str | None = None
    digital_signatures: list[DigitalSignature] = Field(default_factory=list)


class Signer(Model):
    name: str | None = None
    position: str | None = None
    authority: list[str] = Field(default_factory=list)
    body: str | None = Field(None, description="Agency named inside the signature block (joint documents).")
    span: Span | None = None


class Receipt(Model):
    """An incoming-document stamp (ĐẾN Số … Ngày …): never the document's own number or date."""

    number: str | None = None
    date: str | None = None
    received_by: str | None = None
    span: Span | None = None


class Header(Model):
    doc_type: str | None = None
    doc_type_code: str | None = None
    number: str | None = None
    symbol: str | None = None
    reference: str | None = None
    issuing_body: str | None = None
    co_issuing_bodies: list[str] = Field(default_factory=list)
    parent_body: str | None = None
    place: str | None = None
    issued_date: str | None = None
    issued_year: int | None = None
    title: str | None = None
    signers: list[Signer] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    legal_bases: list[str] = Field(default_factory=list)
    receipt: Receipt | None = None
    provenance: dict[str, Span] = Field(
        default_factory=dict, description="Field name → where its value was read."
    )


class Reference(Model):
    reference: str | None
    doc_type: str | None = None
    doc_type_code: str | None = None
    issued_date: str | None = None
    issuer: str | None = None
    is_self: bool = Field(False, description="The document citing itself (e.g. 'kèm theo Kế hoạch số …').")
    span: Span | None = None


class Section(Model):
    number: str
    level: int
    heading: str
    text: str = ""
    part: int = Field(1, description="1 for the main document, 2… for attached documents (kèm theo).")
    children: list[Section] = Field(default_factory=list)
    span: Span | None = None


class Check(Model):
    rule: Literal["sum_of_children", "sum_of_groups", "column_sum", "text_total"]
    row: str | None = None
    column: str | None = None
    expected: float
    found: float
    ok: bool
    terms: list[str] = Field(default_factory=list, description="What was added up (rows or columns).")


class Row(Model):
    stt: str
    label: str
    level: int
    row_type: Literal["group", "item", "detail", "total"]
    cells: list[str]
    values: list[float | int | None]
    confidence: list[float | None] | None = Field(None, description="OCR confidence (0–100) per cell.")
    boxes: list[list[float] | None] | None = Field(None, description="Cell boxes in PDF points, when read from a page.")
    span: Span | None = None


class Repair(Model):
    """A value OCR probably misread: one digit changed makes every check it is part of hold again."""

    row: str
    column: str
    read: str
    proposed: str
    proposed_value: float | int
    confidence: float | None = None
    checks: list[str] = Field(default_factory=list, description="The checks the proposal restores.")


class Table(Model):
    title: str | None = None
    unit: str | None = None
    page: int | None = None
    columns: list[str]
    rows: list[Row] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)
    span: Span | None = None


class FundingSource(Model):
    name: str
    amount: float | int
    span: Span | None = None


class Budget(Model):
    total: float | int | None = None
    unit: str | None = None
    total_vnd: int | None = None
    sources: list[FundingSource] = Field(default_factory=list)
    consistent: bool | None = None
    origin: Literal["text", "table"] | None = Field(None, description="Where the total was read.")
    span: Span | None = None


class Correction(Model):
    """An OCR diacritic error repaired: the word as read, as written now, and why."""

    from_: str = Field(alias="from")
    to: str
    offset: int = Field(description="Character offset of `to` in the document's `text`.")
    rule: str = Field(description="lexicon: the repaired syllable forms a Viet74K word with a neighbour; "
                                  "context: corpus n-grams alone.")
    score: float | None = Field(None, description="Nats by which the change beats the text as read.")
    reason: str = ""
    span: Span | None = None


class Warning(Model):
    code: str
    message: str
    span: Span | None = None


class Error(Model):
    code: str
    message: str


class ZoneLine(Model):
    """What one line was read as (`vanban extract --debug`): the zone an extractor took it for."""

    zone: str  # header, type_line, title, signature, recipients, receipt_stamp, web_metadata, table, body, head
    text: str
    line: int  # source line (1-based)
    page: int
    start: int
    end: int
    bbox: list[float] | None = None  # PDF points, for lines read from a page


class Document(Model):
    schema_version: str = SCHEMA_VERSION
    status: Literal["ok", "warnings", "failed"] = "ok"
    source: Source
    header: Header = Field(default_factory=Header)
    references: list[Reference] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    budget: Budget | None = None
    text: str = ""
    corrections: list[Correction] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    error: Error | None = None
    _zones: list[ZoneLine] = PrivateAttr(default_factory=list)  # not in the JSON: `--debug` writes them apart

    def zones(self) -> list[ZoneLine]:
        return self._zones
