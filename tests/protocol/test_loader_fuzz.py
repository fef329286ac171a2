"""Mutated YAML either loads or raises the project's own error: never anything else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewer.protocol.loader import ProtocolError, check_protocol_text, load_protocol_text

SEED = Path(__file__).resolve().parents[2] / "protocols" / "example-en.yaml"
FALLBACK = """\
id: demo
title: Demo
duration_minutes: 30
mode: both
address: {singular: you, plural: you all}
topics:
  - id: t1
    title: Topic
    variable: Var
    colour: yellow
    characteristics: [{id: c1, label: C1}]
    questions:
      - {id: q1, text: Any?, characteristic: c1, answer: {type: yes-no}}
      - {id: q2, text: Why?, kind: follow-up, show_when: {question: q1, answer: "no"}}
      - {id: q3, text: More?, kind: probe, priority: 2, answer: {type: scale, min: 1, max: 5}}
extra_codes: [{id: other, name: Other, colour: grey}]
closing: {questions: [{id: c1, text: Anything else?}], fields: [{id: mail, label: Email}]}
"""
BASE = SEED.read_text(encoding="utf-8") if SEED.exists() else FALLBACK
YAML_BITS = [
    ":",
    "-",
    " ",
    "\n",
    "  ",
    "&a",
    "*a",
    "!!",
    "{",
    "}",
    "[",
    "]",
    "'",
    '"',
    "#",
    "\t",
    "\x00",
    "null",
    "~",
    "yes",
    "1e9",
    "-1",
    "<<: *a",
    "? ",
    "|",
    ">",
    "%YAML 1.1",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = BASE
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        bit = draw(st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=5)))
        span = draw(st.integers(0, 40))
        if action == "insert":
            text = text[:at] + bit + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + span :]
        else:
            text = text[:at] + bit + text[at + len(bit) :]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_yaml_loads_or_raises_protocol_error(text: str) -> None:
    try:
        load_protocol_text(text, "fuzz.yaml")
    except ProtocolError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.line >= 1 and problem.column >= 1
        exc.report()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes_the_checker(text: str) -> None:
    result = check_protocol_text(text, "any.yaml")
    assert (result.protocol is None) == bool(result.errors)
