"""Quote attributions in the two schemes of the seeds, with a configurable template.

Seed 000 cites ``(respondent 2.3, regel 114-117)`` (case numbering, transcript lines);
seed 003 cites ``(resp. 7)`` and lists the role in the code list. A template may use
``{code}``, ``{role}`` and ``{lines}``.
"""

from __future__ import annotations

CITATION_TEMPLATES = {
    "case": {
        "nl": "(respondent {code}, regel {lines})",
        "en": "(respondent {code}, lines {lines})",
    },
    "sequential": {"nl": "(resp. {code})", "en": "(resp. {code})"},
}


def line_range(first: int, last: int | None = None) -> str:
    """``64`` or ``64-65``."""
    return str(first) if last is None or last == first else f"{first}-{last}"


def cite(
    code: str,
    *,
    lines: str | None = None,
    role: str | None = None,
    scheme: str | None = None,
    template: str | None = None,
    lang: str = "nl",
) -> str:
    """The attribution of a quote; the scheme follows the code unless given."""
    if template is None:
        scheme = scheme or ("sequential" if code.isdigit() else "case")
        template = CITATION_TEMPLATES[scheme]["nl" if lang == "nl" else "en"]
        if lines is None:
            template = template.replace(", regel {lines}", "").replace(", lines {lines}", "")
    text = template.format(code=code, lines=lines or "", role=role or "")
    return " ".join(text.split())
