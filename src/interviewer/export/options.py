"""Options every exporter accepts (one frozen value, so the CLI and the TUI pass the same)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Layout = Literal["margin", "two-column"]
LAYOUTS: tuple[str, ...] = ("margin", "two-column")


@dataclass(frozen=True)
class ExportOptions:
    """How to export.

    ``lang`` overrides the protocol's language for document texts; ``timestamps`` adds the
    session time before each question; ``layout`` picks the coding document's layout;
    ``force`` lets ``write_export`` replace existing files instead of adding -2, -3.
    """

    lang: str | None = None
    timestamps: bool = False
    layout: Layout = "margin"
    force: bool = False
