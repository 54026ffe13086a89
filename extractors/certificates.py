"""What a PDF's digital signatures tell the header: the signer's name as the certificate spells it, and
the issuing body when the pages print none (an appendix filed alone).

The person who signs signs first and the body's seal certificate after (Nghị định 30/2020, Điều 13);
people who vet a draft may sign before the signer, so the signer is the last person to sign. A
publisher's seal on a copy names the publisher (`republishers.txt`), never the issuer.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from extractors.agency import proper_agency
from extractors.casing import CaseVocab
from extractors.resources import read_lines
from extractors.signature import is_person_name
from normalizers.text import fold_diacritics
from pipeline.model import DigitalSignature, Header, Signer, Warning

SAME_NAME = 0.8  # folded spellings this alike are one name read with OCR errors (`Phạm *ianh Cường`)


def apply_certificates(header: Header, signatures: list[DigitalSignature], vocab: CaseVocab | None = None
                       ) -> list[Warning]:
    """Fill or respell the header from the signatures' certificates; a warning for every value taken, naming
    the signature it came from (its place among the file's signatures and its signing time).
    `vocab` spells a body's name given in capitals as the document writes its words."""
    ordered = sorted(signatures, key=lambda s: s.signed_at or "")
    people = [s for s in ordered if is_person_name(s.name)]
    warnings = _signer_from(header, people[-1], _source(people[-1], signatures)) if people else []
    bodies = [s for s in ordered if not is_person_name(s.name) and not _republisher(s.name)]
    if header.issuing_body is None and bodies:
        header.issuing_body = proper_agency(bodies[0].name, vocab)
        warnings.append(Warning(code="issuer_from_certificate", message=(
            f"No issuing body printed; taken as '{header.issuing_body}' from {_source(bodies[0], signatures)}.")))
    return warnings


def _source(signature: DigitalSignature, signatures: list[DigitalSignature]) -> str:
    return (f"the certificate of digital signature {signatures.index(signature) + 1} of {len(signatures)}"
            f" (signed {signature.signed_at or 'at an unstated time'})")


def _signer_from(header: Header, signature: DigitalSignature, source: str) -> list[Warning]:
    name = signature.name
    named = [s for s in header.signers if s.name]
    if any(s.name == name for s in named):
        return []
    for signer in named:
        if difflib.SequenceMatcher(None, _folded(signer.name), _folded(name)).ratio() >= SAME_NAME:
            read, signer.name = signer.name, name
            return [Warning(code="signer_name_from_certificate", span=signer.span, message=(
                f"Signer's name read as '{read}', taken as '{name}' from {source}."))]
    unnamed = [s for s in header.signers if not s.name]
    if len(unnamed) == 1 and not named:
        unnamed[0].name = name
        return [Warning(code="signer_name_from_certificate", span=unnamed[0].span, message=(
            f"Signer's name not read on the page; taken as '{name}' from {source}."))]
    if not header.signers:
        header.signers.append(Signer(name=name))
        return [Warning(code="signer_from_certificate", message=(
            f"No signature block found; the signer taken as '{name}' from {source}."))]
    return []


def _republisher(name: str) -> bool:
    return _folded(name).startswith(_republishers())


@lru_cache(maxsize=1)
def _republishers() -> tuple[str, ...]:
    return tuple(_folded(n) for n in read_lines("republishers.txt"))


def _folded(text: str) -> str:
    return fold_diacritics(text).lower()
