"""Text from data made safe to print: the terminal never receives control characters.

A case name or code holding ``ESC[31m`` (or a bidi override, or a new line) would colour,
move or reorder what the terminal shows, so listings print such characters as visible
escapes (``\\x1b``, ``\\u202e``). New sessions cannot have them (``domain.codes``); this is
for sessions stored before that check, or edited by hand.
"""

from __future__ import annotations

import json
import unicodedata

from interviewer.domain.codes import UNSAFE_CATEGORIES


def _escape(char: str) -> str:
    point = ord(char)
    if point < 0x100:
        return f"\\x{point:02x}"
    if point < 0x10000:
        return f"\\u{point:04x}"
    return f"\\U{point:08x}"


def printable(text: object) -> str:
    """``text`` as a string with every control, format (bidi) and line-separator character
    written as a visible escape; other text, accents and emoji included, is unchanged."""
    value = str(text)
    if value.isprintable():  # the common case: nothing to do
        return value
    return "".join(
        _escape(char) if unicodedata.category(char) in UNSAFE_CATEGORIES else char for char in value
    )


def json_printable(text: str) -> str:
    """JSON text with every unsafe character inside its strings written as a ``\\u`` escape.

    ``json.dumps(..., ensure_ascii=False)`` escapes U+0000-U+001F but passes DEL, the C1
    controls (U+009B starts a terminal command like ESC [) and bidi overrides; those can
    only stand inside strings, where the ``\\u`` escape means the same character.
    """
    if text.isprintable():
        return text
    return "".join(
        json.dumps(char)[1:-1]
        if char not in "\n " and unicodedata.category(char) in UNSAFE_CATEGORIES
        else char
        for char in text
    )
