"""Exporters: one module per output, found through a registry (``registry.write_export``).

Public entry points (the CLI and the TUI call these; nothing here imports python-docx,
openpyxl or lxml until a format is actually written):

* ``write_export(sessions, fmt, out_dir, options) -> list[Path]``
* ``write_protocol_document(protocol, "guide" | "letter", "docx" | "md", out_dir) -> Path``
* ``FORMATS`` / ``SESSION_FORMATS``, ``ExportOptions``, ``ExportError``
"""

from interviewer.export.options import LAYOUTS, ExportOptions
from interviewer.export.registry import (
    FORMATS,
    SESSION_FORMATS,
    ExportError,
    ExportFormat,
    format_label,
    write_export,
    write_protocol_document,
)

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "SESSION_FORMATS",
    "ExportError",
    "ExportFormat",
    "ExportOptions",
    "format_label",
    "write_export",
    "write_protocol_document",
]
