"""Print the JSON Schema of the output document (committed as schema/document.schema.json)."""

from __future__ import annotations

import json

from pipeline.model import Document


def document_schema() -> dict:
    return Document.model_json_schema(by_alias=True, mode="serialization")


if __name__ == "__main__":
    print(json.dumps(document_schema(), ensure_ascii=False, indent=2))
