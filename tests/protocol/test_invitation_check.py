"""The ``invitation`` part of a protocol: validated like the rest, with file:line:col problems
(issue 13.4); a protocol without one gets a warning, never an error."""

from __future__ import annotations

from interviewer.protocol.loader import check_protocol_text, load_protocol_text

from .test_loader_errors import VALID, problems

INVITATION = (
    "invitation:\n  purpose: Ik onderzoek hoe professionals in sociale teams samenwerken.\n"
)


def test_the_fixture_ends_with_its_invitation() -> None:
    assert VALID.endswith(INVITATION)


def test_a_protocol_without_invitation_gets_a_warning_and_loads() -> None:
    text = VALID.removesuffix(INVITATION)
    assert problems(text) == [
        (
            1,
            1,
            "warning",
            "no 'invitation': the letter to respondents will be the tool's generic one "
            "(add invitation: purpose: ... in plain words)",
        )
    ]
    assert load_protocol_text(text).invitation is None
    dutch = check_protocol_text(text, "p.yaml", lang="nl").problems
    assert dutch[0].message.startswith("geen 'invitation': de brief aan respondenten")


def test_theme_naming_a_missing_or_repeated_topic_is_an_error_at_its_place() -> None:
    text = VALID + (
        "  themes:\n"
        "    - {topic: ervaring, text: uw ervaring}\n"
        "    - {topic: ervring}\n"
        "    - topic: ervaring\n"
    )
    lines = text.splitlines()
    missing = next(i for i, line in enumerate(lines, 1) if "ervring" in line)
    repeated = len(lines)
    assert problems(text) == [
        (
            missing,
            lines[missing - 1].index("ervring") + 1,
            "error",
            "the letter's theme names topic 'ervring', which does not exist (topics: ervaring)",
        ),
        (
            repeated,
            lines[repeated - 1].index("ervaring") + 1,
            "error",
            f"topic 'ervaring' is already a theme of the letter (line {missing - 1})",
        ),
    ]


def test_unknown_invitation_key_and_missing_purpose_are_model_errors() -> None:
    text = VALID.removesuffix(INVITATION) + "invitation:\n  greting: Hallo,\n"
    found = problems(text)
    last = len(text.splitlines())
    assert (last, 3, "error", "unknown key 'greting' (did you mean 'greeting'?)") in found
    assert any(p[2] == "error" and "purpose" in p[3] for p in found), found


def test_addressed_to_a_mode_the_protocol_never_runs_is_a_warning() -> None:
    text = VALID + "  addressed_to: group\n"
    last = len(text.splitlines())
    assert problems(text) == [
        (
            last,
            17,
            "warning",
            "the letter is addressed to 'group' but the protocol's mode is 'individual'",
        )
    ]
    assert load_protocol_text(text).invitation.addressed_to == "group"


def test_a_wrong_value_for_addressed_to_names_the_choices() -> None:
    text = VALID + "  addressed_to: everyone\n"
    (problem,) = problems(text)
    assert problem[:3] == (len(text.splitlines()), 17, "error")
    assert "individual" in problem[3] and "group" in problem[3]
