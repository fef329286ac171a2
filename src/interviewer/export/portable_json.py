"""The ``json`` export format: the store's portable JSON writer, registered here.

The portable format belongs to the store (``interviewer.store.portable``), which also reads
it back (``interviewer import``); this module only adapts it to the exporter signature.
"""

from __future__ import annotations

import importlib
from typing import IO

from interviewer.domain.session import Session
from interviewer.export.options import ExportOptions


def write_json(session: Session, stream: IO[bytes], options: ExportOptions) -> None:
    """Write one session as portable JSON (no key record: personal data is never exported).

    The analysis of the session's case travels with it (``options.analysis``, filled from
    the data folder by ``membercheck.exporting.export_options``), with the replacement list
    applied as it is to the notes, so a team pools conclusions by pooling sessions.
    """
    analysis = (getattr(options, "analysis", None) or {}).get(session.protocol.id)
    if analysis is not None:
        from interviewer.domain.analysis import rewrite_texts

        analysis = analysis.subset([session.case])
        if options.replacements:
            analysis = rewrite_texts(analysis, options.replacements.apply)
    try:
        portable = importlib.import_module("interviewer.store.portable")
    except ImportError:
        raise ValueError(
            "the json format needs interviewer.store.portable, not installed"
        ) from None
    writer = getattr(portable, "write_portable", None)
    if writer is None:
        raise ValueError("interviewer.store.portable has no write_portable(session, stream)")
    if analysis is None:
        writer(session, stream)
    else:
        writer(session, stream, analysis)
