"""Reading a file the user named, safely: only regular files, never more than a set size.

Every reader of outside input (``import``, ``transcript import``, ``approval receive``,
``check``, the session files of the data folder) goes through ``read_bounded``: a FIFO would
block ``open()`` for ever and ``/dev/zero`` would fill memory, so the file is ``stat``-ed
before it is opened, opened non-blocking, checked again on the open descriptor (the path
may have been swapped in between), and read no further than its limit plus one byte.

The limits (docs/limits.md) are far above anything the app writes or a researcher makes:

* a protocol: 2 MiB (``protocol.yaml_source.MAX_FILE_BYTES``);
* a session file or a portable session: 50 MiB (a 3-hour interview is about 1 MiB);
* a transcript: 50 MiB (a 3-hour Whisper JSON with word times is about 10 MiB);
* a returned .docx: 50 MiB compressed (``membercheck.docx_text`` bounds what is inside).

Nesting is bounded by ``MAX_JSON_DEPTH``: Python's JSON parser recurses once per level and
stops with ``RecursionError`` near 1,000 levels; ``json_loads`` turns that (and the
4,300-digit ``int`` limit) into one ``ValueError`` line like any other syntax error.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from interviewer.i18n.errors import Phrase, TranslatableError

MIB = 1024 * 1024
MAX_SESSION_BYTES = 50 * MIB
MAX_TRANSCRIPT_BYTES = 50 * MIB
MAX_DOCX_BYTES = 50 * MIB
MAX_JSON_DEPTH = 200
"""Levels of nesting in a JSON file; a session file has about 6, a transcript about 4."""


class InputFileError(TranslatableError, ValueError):
    """A file that is refused before (or while) it is read: not a regular file, too large."""


def _kind(mode: int) -> Phrase:
    """What a non-regular file is, in words of the tables."""
    for test, name in (
        (stat.S_ISFIFO, "fifo"),
        (stat.S_ISCHR, "device"),
        (stat.S_ISBLK, "device"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISDIR, "folder"),
    ):
        if test(mode):
            return Phrase(f"input.kind.{name}")
    return Phrase("input.kind.special")


def _size(count: int) -> str:
    """A byte count for messages: "2 MiB", "50 MiB", "1.5 MiB", "812 bytes"."""
    if count < MIB:
        return f"{count:,} bytes"
    return f"{count / MIB:.1f}".removesuffix(".0") + " MiB"


def check_regular(mode: int, path: Path | str) -> None:
    """Refuse anything but a regular file (``InputFileError``; a folder is ``IsADirectoryError``
    so callers keep their own "is a folder" line)."""
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(mode):
        raise InputFileError("input.error.not_regular", path=path, kind=_kind(mode))


def read_bounded(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    ``OSError`` for a missing or unreadable file (callers have their own line for that);
    ``InputFileError`` for a FIFO, device or socket and for a file over the limit. Never
    blocks on a FIFO and never reads more than ``limit + 1`` bytes.
    """
    st = os.stat(path)
    check_regular(st.st_mode, path)
    if st.st_size > limit:
        raise InputFileError(
            "input.error.too_large",
            path=path,
            size=_size(st.st_size),
            limit=_size(limit),
            bytes=st.st_size,
        )
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        check_regular(os.fstat(fd).st_mode, path)  # swapped for a FIFO after the stat
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # the file grew after the stat
        raise InputFileError(
            "input.error.too_large",
            path=path,
            size=_size(len(data)),
            limit=_size(limit),
            bytes=len(data),
        )
    return data


def nesting_depth(value: Any, limit: int = MAX_JSON_DEPTH) -> int:
    """How deep lists and dicts nest in parsed JSON, counting no further than ``limit + 1``.

    Iterative (an explicit stack), so it cannot itself run out of recursion.
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, dict | list):
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children)
    return deepest


class JSONTooDeep(ValueError):
    """JSON nested deeper than ``MAX_JSON_DEPTH``; the message is the line's reason."""


def json_loads(raw: bytes | str, limit: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` that never raises anything but ``ValueError``.

    Nesting deeper than ``limit`` (``JSONTooDeep``), numbers with more digits than Python
    converts (the 4,300-digit limit) and syntax errors (``json.JSONDecodeError``) all come
    out as ``ValueError`` with a one-line message.
    """
    try:
        data = json.loads(raw)
    except RecursionError:
        raise JSONTooDeep(f"nested deeper than {limit} levels") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # int too long, NaN handling in subclasses
        raise ValueError(str(exc).split("\n")[0].split(";")[0]) from None
    if nesting_depth(data, limit) > limit:
        raise JSONTooDeep(f"nested deeper than {limit} levels")
    return data
