"""Protocol files: finding, reading, checking and loading them, and what is shown of them.

The modules, from the file to what the researcher sees:

* ``library``: the one lookup (``find_protocol``: a path, a file stem or name, an id) and
  the listing of the search folders (``list_protocols``);
* ``yaml_source``: the file read into plain data that remembers every value's position;
* ``check``: the checks across a protocol (ids, references, planning warnings);
* ``loader``: the one loader (``load_protocol``, ``check_protocol``): the pydantic models of
  ``interviewer.domain.protocol``, the checks, every problem with its line and column;
* ``problems``: ``Problem``, ``ProtocolError``, ``ProtocolNotFound``;
* ``view``: the few values the introduction shows, read before the models exist (start-up),
  under the rules of ``interviewer.domain.protocol_shape``, which the models also follow;
* ``outline`` (rich) and ``schema`` (JSON Schema) for ``interviewer show`` and editors.

Importing this package imports none of them: the names below load their module on first use
(PEP 562), so ``interviewer run`` finds a protocol and draws the introduction before pydantic
is imported.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.protocol.library import ProtocolEntry, find_protocol, list_protocols
    from interviewer.protocol.loader import (
        AUTO_LANGUAGE,
        CheckResult,
        check_protocol,
        check_protocol_text,
        load_protocol,
        load_protocol_text,
    )
    from interviewer.protocol.outline import protocol_outline
    from interviewer.protocol.problems import Problem, ProtocolError, ProtocolNotFound, Severity
    from interviewer.protocol.schema import protocol_json_schema
    from interviewer.protocol.view import IntroductionView, read_view, view_of

_HOME = {
    "ProtocolEntry": "library",
    "find_protocol": "library",
    "list_protocols": "library",
    "AUTO_LANGUAGE": "loader",
    "CheckResult": "loader",
    "check_protocol": "loader",
    "check_protocol_text": "loader",
    "load_protocol": "loader",
    "load_protocol_text": "loader",
    "protocol_outline": "outline",
    "Problem": "problems",
    "ProtocolError": "problems",
    "ProtocolNotFound": "problems",
    "Severity": "problems",
    "protocol_json_schema": "schema",
    "IntroductionView": "view",
    "read_view": "view",
    "view_of": "view",
}

__all__ = [
    "AUTO_LANGUAGE",
    "CheckResult",
    "IntroductionView",
    "Problem",
    "ProtocolEntry",
    "ProtocolError",
    "ProtocolNotFound",
    "Severity",
    "check_protocol",
    "check_protocol_text",
    "find_protocol",
    "list_protocols",
    "load_protocol",
    "load_protocol_text",
    "protocol_json_schema",
    "protocol_outline",
    "read_view",
    "view_of",
]


def __getattr__(name: str) -> object:
    """The public name from its module, imported now (pydantic only with the loader)."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
