"""The portable session file: one versioned JSON document per session, to move and pool them.

Written by ``interviewer export ID --format json`` (``write_portable``), read back by
``interviewer import FILE...`` (``read_portable``); its JSON Schema is printed by
``interviewer schema session`` (``portable_schema``). Layout (docs/session-format.md)::

    {"format": "interviewer-session", "version": 1, "exported_at": "...Z",
     "generator": "interviewer 0.1.0", "session": {...the session...}}

A file written with the analysis of the session's case (``interviewer export --format json``
when conclusions exist) is version 2 and has one more key, ``"analysis"``: the study's
analysis of that case and the comparison (``domain.analysis.StudyAnalysis``). Version 1
files are still written whenever there is no analysis (emergency copies, sessions of a
study without conclusions), so an older program reads them; it refuses a version 2 file
with its "written by a newer version" line rather than misreading it. ``interviewer
import`` pools the analysis (``store.importing``, docs/analysis.md).

Personal data (key records) is never part of it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from interviewer import __version__
from interviewer.domain.analysis import StudyAnalysis
from interviewer.domain.codes import SAFE_ID
from interviewer.domain.session import SESSION_FORMAT_VERSION, Session, session_to_json_dict
from interviewer.domain.session_check import non_finite_field
from interviewer.i18n.errors import Phrase
from interviewer.input_files import MAX_SESSION_BYTES, InputFileError, json_loads, read_bounded
from interviewer.store.errors import StoreError

PORTABLE_FORMAT = "interviewer-session"
PORTABLE_VERSION = 3
"""The newest envelope this program reads and writes (2 adds ``analysis``, 3 the
``pseudonymised`` marker of a shared copy)."""
PLAIN_VERSION = 1
"""The version written when the file carries no analysis."""
ANALYSIS_VERSION = 2
"""The version written when the file carries the analysis of the session's case."""
SHARED_VERSION = 3
"""The version of a pseudonymised copy (``json-shared``): an older program refuses it with
its "written by a newer version" line instead of importing it as if it were the session."""


class PortableError(StoreError, ValueError):
    """A file that is not a valid portable session; the message names the file."""


class PseudonymisedCopy(BaseModel):
    """The envelope's marker of a pseudonymised copy: which session it was made from."""

    model_config = ConfigDict(extra="forbid", title="Pseudonymised copy")

    from_session: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$",
        description="The id of the stored session this copy was made from.",
    )


class PortableSession(BaseModel):
    """An interviewer session file for moving sessions between computers (format 1)."""

    model_config = ConfigDict(extra="forbid", title="Interviewer portable session")

    format: Literal["interviewer-session"] = Field(
        description="Always 'interviewer-session': what this file is."
    )
    version: int = Field(
        ge=1, description="Version of this envelope; readers refuse versions they do not know."
    )
    exported_at: dt.datetime = Field(description="When the file was written (UTC).")
    generator: str | None = Field(default=None, description="Program and version that wrote it.")
    session: Session = Field(description="The session, exactly as stored.")
    analysis: StudyAnalysis | None = Field(
        default=None,
        description="Version 2: the study's analysis of the session's case and the "
        "comparison across cases (conclusions, keywords, key sentences).",
    )
    pseudonymised: PseudonymisedCopy | None = Field(
        default=None,
        description="Version 3: present in a pseudonymised copy for sharing (json-shared), "
        "whose texts have the replacement list applied and whose session has its own id; "
        "never imported where the session it was made from is stored.",
    )


def portable_document(
    session_data: dict[str, Any],
    analysis: StudyAnalysis | None = None,
    *,
    pseudonymised_from: str | None = None,
) -> dict[str, Any]:
    """The portable envelope around a session's JSON data (and its case's analysis); a
    pseudonymised copy is version 3 and names the session it was made from."""
    if pseudonymised_from is not None:
        version = SHARED_VERSION
    else:
        version = PLAIN_VERSION if analysis is None else ANALYSIS_VERSION
    document: dict[str, Any] = {
        "format": PORTABLE_FORMAT,
        "version": version,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "generator": f"interviewer {__version__}",
        "session": session_data,
    }
    if analysis is not None:
        document["analysis"] = analysis.model_dump(mode="json")
    if pseudonymised_from is not None:
        document["pseudonymised"] = {"from_session": pseudonymised_from}
    return document


def portable_bytes(
    session_data: dict[str, Any],
    analysis: StudyAnalysis | None = None,
    *,
    pseudonymised_from: str | None = None,
) -> bytes:
    """The portable file's bytes (indented UTF-8 JSON, trailing newline)."""
    document = portable_document(session_data, analysis, pseudonymised_from=pseudonymised_from)
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def exported_protocol_path(path: str | None) -> str | None:
    """Only the file name of where the protocol was loaded from, for files that leave the
    laptop: the absolute path names the user's home folder (and so the OS user), and the
    receiving computer could not use it anyway. Splits on both separators, so a path stored
    on Windows loses its folders on any system too."""
    if not path:
        return path
    name = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name or None


def write_portable(
    session: Session,
    stream: IO[bytes],
    analysis: StudyAnalysis | None = None,
    *,
    pseudonymised_from: str | None = None,
) -> None:
    """Write ``session`` as a portable file (the ``json`` export format), with ``analysis``
    (its case's part of the study's analysis) when given and not empty.

    The session is written as given: the ``json`` format passes the stored session, the
    ``json-shared`` format a pseudonymised copy under ``shared_copy_id`` with
    ``pseudonymised_from`` the stored session's id (the marker ``import`` checks). The
    session's ``protocol_path`` keeps only its file name (``exported_protocol_path``): an
    export carries no absolute path. The stored session keeps the full path.
    """
    data = session_to_json_dict(session)
    data["protocol_path"] = exported_protocol_path(data.get("protocol_path"))
    if analysis is not None and analysis.is_empty():
        analysis = None
    stream.write(portable_bytes(data, analysis, pseudonymised_from=pseudonymised_from))


def shared_copy_id(session_id: str) -> str:
    """The id of the pseudonymised copy of session ``session_id`` (``json-shared``): derived,
    so sharing the same session twice gives the same copy (a duplicate on the second
    import), and never the original's id, so no ``import --replace`` of the copy, nor of a
    colleague's export of it, can land over the original session."""
    digest = hashlib.sha256(f"interviewer-shared-copy:{session_id}".encode()).hexdigest()
    return digest[:12]


def _first_problem(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "the file"
    more = exc.error_count() - 1
    return f"{where}: {first['msg']}" + (f" (and {more} more problem(s))" if more else "")


def parse_portable(raw: bytes, name: str = "<data>") -> Session:
    """Validate portable bytes; ``PortableError`` says what is wrong, naming ``name``."""
    return parse_portable_document(raw, name).session


def parse_portable_document(raw: bytes, name: str = "<data>") -> PortableSession:
    """``parse_portable`` keeping the whole envelope (the analysis with the session)."""
    if not raw.strip():
        raise PortableError("portable.error.empty", name=name)
    try:
        data = json_loads(raw)  # deep nesting and 5,000-digit numbers are ValueErrors too
    except ValueError as exc:
        raise PortableError("portable.error.not_json", name=name, error=exc) from None
    if not isinstance(data, dict):
        raise PortableError("portable.error.not_session", name=name)
    not_finite = non_finite_field(data)  # json reads NaN/Infinity, which are not JSON
    if not_finite is not None:
        raise PortableError("portable.error.not_finite", name=name, field=not_finite)
    if data.get("format") != PORTABLE_FORMAT:
        if "session" in data and isinstance(data.get("session"), dict) and len(data) == 1:
            hint: object = Phrase("portable.hint.store_file")
        elif "protocol" in data and "records" in data:
            hint = Phrase("portable.hint.bare")
        else:
            hint = Phrase("portable.hint.format", format=PORTABLE_FORMAT)
        raise PortableError("portable.error.not_session_hint", name=name, hint=hint)
    version = data.get("version")
    if isinstance(version, int) and version > PORTABLE_VERSION:
        raise PortableError(
            "portable.error.newer", name=name, version=version, reads=PORTABLE_VERSION
        )
    inner = data.get("session")
    inner_version = inner.get("format") if isinstance(inner, dict) else None
    if isinstance(inner_version, int) and inner_version > SESSION_FORMAT_VERSION:
        raise PortableError(
            "portable.error.newer_session",
            name=name,
            version=inner_version,
            reads=SESSION_FORMAT_VERSION,
        )
    try:
        portable = PortableSession.model_validate(data)
    except RecursionError:
        raise PortableError("portable.error.not_json", name=name, error="nested too deep") from None
    except ValidationError as exc:
        raise PortableError(
            "portable.error.invalid", name=name, problem=_first_problem(exc)
        ) from None
    if not SAFE_ID.match(portable.session.id):
        raise PortableError("portable.error.bad_id", name=name, id=portable.session.id)
    marker = portable.pseudonymised
    if marker is not None and marker.from_session == portable.session.id:
        # a copy must have its own id: one under the original's id could replace it
        raise PortableError("portable.error.shared_same_id", name=name, id=portable.session.id)
    analysis = portable.analysis
    if analysis is not None and analysis.study != portable.session.protocol.id:
        raise PortableError(
            "portable.error.analysis_study",
            name=name,
            study=analysis.study,
            protocol=portable.session.protocol.id,
        )
    return portable


def read_portable(path: Path) -> Session:
    """Read and validate a portable session file (a regular file of at most 50 MiB)."""
    return read_portable_document(path).session


def read_portable_document(path: Path) -> PortableSession:
    """``read_portable`` keeping the whole envelope (the analysis with the session)."""
    try:
        raw = read_bounded(path, MAX_SESSION_BYTES)
    except InputFileError as exc:
        raise PortableError("input.error.refused", error=exc) from None
    except OSError as exc:
        raise PortableError(
            "portable.error.unreadable", name=path, error=exc.strerror or exc
        ) from None
    return parse_portable_document(raw, str(path))


def portable_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the portable session file."""
    schema = PortableSession.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
