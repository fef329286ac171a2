"""Where the TUI gets protocols: the lead's loader and library, with a plain fallback.

No Textual here, so the CLI can use it without importing the app. When
``interviewer.protocol_loader`` / ``interviewer.protocol_library`` are installed they are
used; otherwise YAML is validated with pydantic directly (the team's documented fallback).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer import paths

if TYPE_CHECKING:  # imported when loading: pydantic is not needed to find a protocol
    from interviewer.domain.protocol import InterviewProtocol


class ProtocolLoadError(ValueError):
    """A protocol file that cannot be used, with a one-line reason."""


@dataclass(frozen=True)
class ProtocolChoice:
    """A protocol found on disk, for the home screen (``error`` set when it does not load)."""

    path: Path
    id: str
    title: str
    language: str
    error: str | None = None


def _optional(module: str) -> Any | None:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def load_protocol(path: Path | str) -> InterviewProtocol:
    """Load and validate a protocol file; ProtocolLoadError with one line on failure."""
    loader = _optional("interviewer.protocol_loader")
    file = Path(path).expanduser()
    if loader is not None:
        try:
            return loader.load_protocol(file)
        except Exception as exc:  # the loader's ProtocolError, OSError, ...
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ProtocolLoadError(first) from None
    try:
        from ruamel.yaml import YAML

        from interviewer.domain.protocol import InterviewProtocol

        data = YAML(typ="safe").load(file.read_text(encoding="utf-8"))
        return InterviewProtocol.model_validate(data)
    except OSError as exc:
        raise ProtocolLoadError(f"cannot read {file}: {exc.strerror or exc}") from None
    except Exception as exc:
        lines = str(exc).strip().splitlines()
        raise ProtocolLoadError(f"{file}: {lines[0] if lines else type(exc).__name__}") from None


def find_protocol(name_or_path: str) -> Path:
    """A protocol file by path, file name or id (ProtocolLoadError when not found).

    A path or a file name in the search folders is answered without reading any protocol
    (start-up time); ids are looked up by the library, which loads every protocol.
    """
    candidate = Path(name_or_path).expanduser()
    if candidate.is_file():
        return candidate
    for file in paths.iter_protocol_files(paths.protocol_search_dirs()):
        if name_or_path in (file.stem, file.name):
            return file
    library = _optional("interviewer.protocol_library")
    if library is not None:
        try:
            return Path(library.find_protocol(name_or_path))
        except Exception as exc:
            raise ProtocolLoadError(str(exc).strip().splitlines()[0]) from None
    for choice in list_protocols():
        if choice.id == name_or_path and choice.error is None:
            return choice.path
    raise ProtocolLoadError(f"no protocol called {name_or_path!r} (give a path to a .yaml file)")


def list_protocols() -> list[ProtocolChoice]:
    """Every protocol in the search folders (./protocols, user config, bundled)."""
    library = _optional("interviewer.protocol_library")
    if library is not None:
        return [
            ProtocolChoice(Path(e.path), e.id, e.title, e.language, e.error)
            for e in library.list_protocols()
        ]
    found: list[ProtocolChoice] = []
    seen: set[Path] = set()
    for file in paths.iter_protocol_files(paths.protocol_search_dirs()):
        resolved = file.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        try:
            protocol = load_protocol(file)
        except ProtocolLoadError as exc:
            found.append(ProtocolChoice(file, file.stem, file.stem, "", str(exc)))
            continue
        found.append(ProtocolChoice(file, protocol.id, protocol.title, protocol.language))
    return found
