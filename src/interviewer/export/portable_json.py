"""The ``json`` export format: the store's portable JSON writer, registered here.

The portable format belongs to the store (``interviewer.store.portable``), which also reads
it back (``interviewer import``); this module only adapts it to the exporter signature.
"""

from __future__ import annotations

from typing import IO

from interviewer.domain.session import Session
from interviewer.export.options import ExportOptions
from interviewer.store.portable import write_portable


def write_json(session: Session, stream: IO[bytes], options: ExportOptions) -> None:
    """Write one session as portable JSON (no key record: personal data is never exported).

    The analysis of the session's case travels with it (``options.analysis``, filled from
    the data folder by ``membercheck.exporting.export_options``), with the replacement list
    applied as it is to the notes, so a team pools conclusions by pooling sessions.
    """
    analysis = (options.analysis or {}).get(session.protocol.id)
    if analysis is not None:
        from interviewer.domain.analysis import rewrite_texts

        analysis = analysis.subset([session.case])
        if options.replacements:
            analysis = rewrite_texts(analysis, options.replacements.apply)
    write_portable(session, stream, analysis)
