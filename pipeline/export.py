"""Tables as pandas DataFrames, and their CSV export (`vanban extract --tables-csv`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.model import Document, Table
from pipeline.write import write_atomic


def table_frame(table: Table) -> pd.DataFrame:
    """One row per table row: stt, label, row_type, level, then one column per table column (numbers parsed)."""
    records = []
    for row in table.rows:
        record = {"stt": row.stt, "label": row.label, "row_type": row.row_type, "level": row.level}
        for name, cell, value in zip(table.columns, row.cells, row.values):
            record[name] = value if value is not None else (cell or None)
        records.append(record)
    return pd.DataFrame.from_records(records)


def export_tables(doc: Document, out_dir: Path, stem: str) -> list[Path]:
    """Write `<stem>.table<N>.csv` (UTF-8 with BOM, so spreadsheet programs show Vietnamese)."""
    paths = []
    for i, table in enumerate(doc.tables, start=1):
        path = out_dir / f"{stem}.table{i}.csv"
        write_atomic(path, "\ufeff" + table_frame(table).to_csv(index=False))
        paths.append(path)
    return paths
