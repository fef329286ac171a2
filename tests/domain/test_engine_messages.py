"""The engine's message table: both languages, the same placeholders, renderable."""

from __future__ import annotations

import string

import pytest

from interviewer.i18n import translate
from interviewer.i18n.table_engine import MESSAGES


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_same_placeholders(key: str) -> None:
    texts = MESSAGES[key]
    assert key.startswith("engine.")
    assert set(texts) == {"en", "nl"}
    assert placeholders(texts["en"]) == placeholders(texts["nl"])
    values = {name: 3 for name in placeholders(texts["en"])}
    for lang in ("en", "nl"):
        rendered = translate(key, lang, **values)
        assert rendered.strip() and "{" not in rendered
