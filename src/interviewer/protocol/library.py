"""Finding protocols by name or path, in the documented lookup order.

Order: paths given on the command line, ``./protocols``, the user's config folder
(``<config>/protocols``), then the protocols bundled with the package. A name matches a
file's stem (``sociale-teams-samenwerking``), its file name or the ``id`` inside it, so a
researcher can type any of them. The one lookup: the CLI and the TUI both call
``find_protocol`` (the TUI turns its errors into one line at its edge, ``tui.sources``).

A path or a file name is answered without importing the loader (and with it pydantic), so
``interviewer run`` can find its protocol before the first frame; only ids load protocols.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from interviewer import paths
from interviewer.i18n import translate
from interviewer.i18n.errors import Phrase
from interviewer.protocol.problems import ProtocolNotFound


@dataclass(frozen=True)
class ProtocolEntry:
    """A protocol file found on disk; ``error`` says why it cannot be used, if so."""

    path: Path
    id: str
    title: str
    language: str
    topics: int
    minutes: float
    source: str
    error: str | None = None


def _source_of(path: Path, extra: list[Path]) -> str:
    folder = path.parent.resolve()
    if any(folder == p.resolve() for p in extra):
        return "command line"
    if folder == (Path.cwd() / "protocols").resolve():
        return "./protocols"
    if folder == (paths.config_dir() / "protocols").resolve():
        return "config"
    return "bundled"


def search_dirs(extra: Iterable[Path] = ()) -> list[Path]:
    """Folders searched, in order, without duplicates."""
    ordered: list[Path] = []
    for folder in [*extra, *paths.protocol_search_dirs()]:
        if folder.resolve() not in [f.resolve() for f in ordered]:
            ordered.append(folder)
    return ordered


def list_protocols(extra: Iterable[Path] = (), lang: str | None = None) -> list[ProtocolEntry]:
    """Every protocol file in the search folders; a file shadowed by an earlier one is left out.

    ``error`` is in ``lang`` (as for ``check_protocol``: English when None).
    """
    from interviewer.protocol.loader import check_protocol  # pydantic: only when listing

    extra = list(extra)
    entries: list[ProtocolEntry] = []
    seen_stems: set[str] = set()
    for path in paths.iter_protocol_files(search_dirs(extra)):
        if path.stem in seen_stems:
            continue
        seen_stems.add(path.stem)
        result = check_protocol(path, lang)
        source = _source_of(path, extra)
        if result.protocol is None:
            invalid = translate("check.invalid_protocol", result.lang)
            first = result.errors[0].headline() if result.errors else invalid
            entries.append(ProtocolEntry(path, path.stem, path.stem, "", 0, 0, source, first))
            continue
        protocol = result.protocol
        entries.append(
            ProtocolEntry(
                path,
                protocol.id,
                protocol.title,
                protocol.language,
                len(protocol.topics),
                protocol.duration_minutes,
                source,
            )
        )
    return entries


def find_protocol(name_or_path: str | Path, extra: Iterable[Path] = ()) -> Path:
    """The file for a path, a file stem or name or a protocol id; ``ProtocolNotFound`` when
    not found (said in the interface language through its ``message(lang)``)."""
    candidate = Path(name_or_path).expanduser()
    if candidate.is_file():
        return candidate
    name = str(name_or_path)
    files = paths.iter_protocol_files(search_dirs(extra))
    for path in files:
        if name in (path.stem, path.name):
            return path
    for entry in list_protocols(extra):
        if entry.id == name and entry.error is None:
            return entry.path
    if candidate.suffix.lower() in paths.PROTOCOL_SUFFIXES or len(candidate.parts) > 1:
        # meant as a file: say so, rather than "no protocol named 'my-protocol.yaml'"
        raise ProtocolNotFound("check.no_such_file", path=name)
    ids = {e.id for e in list_protocols(extra) if e.error is None}
    known: object = ", ".join(sorted(ids)) or Phrase("check.none_found")
    raise ProtocolNotFound("check.no_protocol_named", name=name, known=known)
