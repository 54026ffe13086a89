"""Regenerate tcvn3.json (TCVN3/ABC byte -> Unicode text) from glibc iconv's TCVN5712-1 codec."""

import json
import subprocess
from pathlib import Path

OUT = Path(__file__).with_name("tcvn3.json")


def decode_byte(value: int) -> str:
    """Decode one byte with iconv; each byte is fed alone so no composition state carries over."""
    result = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([value]), capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def main() -> None:
    """Write the 256-entry table as JSON keyed by the decimal byte value."""
    table = {str(value): decode_byte(value) for value in range(256)}
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
