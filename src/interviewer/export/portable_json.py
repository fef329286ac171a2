"""The ``json`` and ``json-shared`` export formats: the store's portable JSON writer.

The portable format belongs to the store (``interviewer.store.portable``), which also reads
it back (``interviewer import``); this module only adapts it to the exporter signature.

``json`` is the session exactly as stored, and so is the analysis it carries: no replacement
list is applied (``registry.AS_STORED_FORMATS``), because it is what ``import --replace``
restores. ``json-shared`` is the pseudonymised copy for sharing: the replacement list applied
to the session and its analysis (case names included), its own session id
(``store.portable.shared_copy_id``) and the marker naming the session it was made from, so
``import`` never loads it over the real notes.
"""

from __future__ import annotations

from typing import IO

from interviewer.domain.analysis import StudyAnalysis
from interviewer.domain.session import Session
from interviewer.export.options import ExportOptions
from interviewer.pseudonym.replace import ReplacementList
from interviewer.store.portable import shared_copy_id, write_portable


def write_json(session: Session, stream: IO[bytes], options: ExportOptions) -> None:
    """Write one session as portable JSON, exactly as stored (no key record: personal data
    is never exported).

    The analysis of the session's case travels with it (``options.analysis``, filled from
    the data folder by ``membercheck.exporting.export_options``), as stored too, so a team
    pools conclusions by pooling sessions.
    """
    analysis = (options.analysis or {}).get(session.protocol.id)
    if analysis is not None:
        analysis = analysis.subset([session.case])
    write_portable(session, stream, analysis)


def write_json_shared(session: Session, stream: IO[bytes], options: ExportOptions) -> None:
    """Write the pseudonymised copy of one session for sharing (``json-shared``).

    ``session`` has the replacement list applied already (``registry.prepare_sessions``),
    as every other shareable format has; the analysis is rewritten here the same way. An
    empty list rewrites nothing, as in those formats, but the copy still has its own id and
    its marker, so it can never be imported over the session.
    """
    replacements = options.replacements or ReplacementList()
    original_id = session.id
    copy_id = shared_copy_id(original_id)
    analysis = (options.analysis or {}).get(session.protocol.id)
    if analysis is not None:
        case = _stored_case(analysis, session.case, replacements)
        analysis = shared_analysis(analysis.subset([case]), replacements, {original_id: copy_id})
    copy = session.model_copy(update={"id": copy_id})
    write_portable(copy, stream, analysis, pseudonymised_from=original_id)


def _stored_case(analysis: StudyAnalysis, shown: str, replacements: ReplacementList) -> str:
    """The analysis' name of the case shown (pseudonymised) as ``shown``: the case key whose
    replaced form is ``shown`` (the session reaching the writer is pseudonymised already)."""
    for name in analysis.cases:
        if name == shown or replacements.apply(name) == shown:
            return name
    return shown


def shared_analysis(
    analysis: StudyAnalysis, replacements: ReplacementList, ids: dict[str, str]
) -> StudyAnalysis:
    """``analysis`` as a shared copy carries it: the replacement list applied to every text
    and to the case names, the digests of earlier contents dropped (they would confirm a
    guess at the real text), and key sentences pointing at the copy's session id."""
    from interviewer.domain.analysis import rewrite_texts

    rewritten = rewrite_texts(analysis, replacements.apply)
    data = rewritten.model_dump(mode="python")
    data["cases"] = {replacements.apply(name): case for name, case in data["cases"].items()}
    _share(data, ids)
    return StudyAnalysis.model_validate(data)


def _share(value: object, ids: dict[str, str]) -> None:
    """In a dumped analysis: empty every ``history`` (digests of replaced contents) and
    point every source at the copy's session id."""
    if isinstance(value, dict):
        if "history" in value and "updated_at" in value:
            value["history"] = ()
        if value.get("session_id") in ids:
            value["session_id"] = ids[value["session_id"]]
        for inner in value.values():
            _share(inner, ids)
    elif isinstance(value, list | tuple):
        for inner in value:
            _share(inner, ids)
