"""The key file as a table: which person is behind which code (for ``interviewer key``).

Read from the store's key file (``interviewer.store.keyfile``, one file per data folder,
0600); this module only joins it with the session list and formats it. Printing or
writing it happens only on the researcher's explicit command; no export includes it.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from interviewer.domain.codes import code_sort_key

COLUMNS = ("code", "case", "role", "name", "function", "contact")


def key_rows(store: Any, case: str | None = None) -> list[dict[str, str]]:
    """One row per session with a key record: code, case, role, name, function, contact."""
    rows = []
    for summary in store.list(case=case):
        key = store.load_key(summary.id)
        if key is None:
            continue
        contact = "; ".join(dict.fromkeys(v for v in key.fields.values() if v))  # once each
        rows.append(
            {
                "code": key.respondent or summary.respondent,
                "case": summary.case,
                "role": summary.role or "",
                "name": key.name or "",
                "function": key.function or "",
                "contact": contact,
                "session": summary.id,
            }
        )
    return sorted(rows, key=lambda r: (r["case"].casefold(), code_sort_key(r["code"])))


def format_table(rows: list[dict[str, str]]) -> str:
    """Aligned plain-text table."""
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in COLUMNS}
    lines = ["  ".join(c.upper().ljust(widths[c]) for c in COLUMNS)]
    lines += ["  ".join(r[c].ljust(widths[c]) for c in COLUMNS) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def render_keys(rows: list[dict[str, str]], fmt: str) -> bytes:
    """The rows as JSON (list of objects) or CSV (UTF-8 with BOM)."""
    if fmt == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=[*COLUMNS, "session"])
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue().encode("utf-8-sig")
    return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
