"""Exports with the recording's verbatim transcript (``--verbatim``): per question in interview
order the segments (speaker, stamp), then the notes as interviewer memo; REFI-QDA selections
that pick out exactly each question's segments; pseudonyms and moves; the CLI."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

from interviewer.cli import main
from interviewer.domain.session import Session
from interviewer.export.docx_tools import speaker_safe
from interviewer.export.options import ExportOptions
from interviewer.export.qdpx import PROJECT_NS
from interviewer.export.registry import FORMATS, ExportError, render, write_export
from interviewer.export.transcript_lines import LINE_NUMBER_STYLE
from interviewer.pseudonym.replace import ReplacementList
from interviewer.transcript import Transcript, TranscriptStore, parse_transcript
from interviewer.transcript.service import move_segment, new_transcript, resolve_target

from .conftest import assert_valid, reopen, unnumbered

NS = {"q": PROJECT_NS}

# Recording times; the interview clock started 10 s into the recording (offset 10).
# Session: ervaring-1 at 60 s, feedback-1 at 180 s, ervaring-3 at 300 s (back to the first
# topic), closing question 'sterk' at 420 s, finished at 480 s.
SRT = """1
00:00:05,000 --> 00:00:08,000
Interviewer: Welkom bij dit interview.

2
00:01:15,000 --> 00:01:20,000
Interviewer: Heeft u eerder samengewerkt?

3
00:01:21,000 --> 00:01:30,500
1.1: Ja, met Ingrid Smit van het wijkteam.

4
00:03:15,000 --> 00:03:20,000
Interviewer: Hoe geeft u feedback?

5
00:03:21,000 --> 00:03:30,000
1.1: Meestal in het teamoverleg.

6
00:05:15,000 --> 00:05:20,000
1.1: Een knelpunt is de tijd.

7
00:05:21,000 --> 00:05:30,000
1.1: Dit hoort eigenlijk bij tijd en ruimte.

8
00:07:15,000 --> 00:07:20,000
1.1: Sterk is de korte lijn.

9
00:08:20,000 --> 00:08:25,000
1.1: Tot ziens.
"""

Q1 = "Vraag 1 over ervaring: wel/niet?"
FB = "Vraag 1 over feedback: wel/niet?"
Q3 = "Vraag 3 over ervaring: best practices/knelpunten?"
TR = "Vraag 1 over tijd en ruimte: wijze van tijd indelen?"
STRONG = "Wat zijn de sterke punten?"
OTHER = "Overige interessante informatie"
SEGMENTS = {
    Q1: ["Heeft u eerder samengewerkt?", "Ja, met Ingrid Smit van het wijkteam."],
    FB: ["Hoe geeft u feedback?", "Meestal in het teamoverleg."],
    Q3: ["Een knelpunt is de tijd."],
    TR: ["Dit hoort eigenlijk bij tijd en ruimte."],  # moved here by hand
    STRONG: ["Sterk is de korte lijn."],
}


@pytest.fixture
def session(make_session) -> Session:
    return make_session(
        {"ervaring-1": "Werkt al jaren samen.", "feedback-1": "Feedback in overleg.",
         "sterk": "Korte lijnen."},
        answers={"ervaring-1": "yes"},
        parts={"ervaring-3": {"kp": "Te weinig tijd."}},
        order=["ervaring-1", "feedback-1", "ervaring-3", "sterk"],
    )  # fmt: skip


@pytest.fixture
def transcript(session: Session) -> Transcript:
    result = parse_transcript(SRT, "srt", "opname.srt")
    transcript = new_transcript(session, result, source_name="opname.srt", offset=10)
    move_segment(transcript, 7, resolve_target(session.protocol, "tijd-en-ruimte-1"))
    return transcript


def _options(session: Session, transcript: Transcript, **kw) -> ExportOptions:
    return ExportOptions(verbatim=True, transcripts={session.id: transcript}, **kw)


def _md(session: Session, options: ExportOptions) -> list[str]:
    """The Markdown's lines without their line numbers and markup."""
    text = render(FORMATS["transcript-md"], [session], options).decode("utf-8")
    lines = []
    for raw in text.splitlines():
        line = re.sub(r"`\s*\d+`\s?", "", raw).replace("**", "").replace("*", "").strip()
        line = line.lstrip("#").strip()
        if line:
            lines.append(line)
    return lines


def _after(lines: list[str], heading: str, count: int) -> list[str]:
    start = lines.index(heading)
    return lines[start + 1 : start + 1 + count]


# --- transcript for approval ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("stamps", "first", "answer"),
    [
        ("maxqda", "Interviewer: Heeft u eerder samengewerkt? #00:01:20-0#",
         "1.1: Ja, met Ingrid Smit van het wijkteam. #00:01:30-5#"),
        ("bracket", "[00:01:15] Interviewer: Heeft u eerder samengewerkt?",
         "[00:01:21] 1.1: Ja, met Ingrid Smit van het wijkteam."),
        (None, "Interviewer: Heeft u eerder samengewerkt?",
         "1.1: Ja, met Ingrid Smit van het wijkteam."),
    ],
)  # fmt: skip
def test_markdown_segments_then_memo_per_question(session, transcript, stamps, first, answer):
    lines = _md(session, _options(session, transcript, stamps=stamps))
    assert _after(lines, Q1, 4) == [
        first,
        answer,
        "Memo interviewer: Ja.",
        "Memo interviewer: Werkt al jaren samen.",
    ]
    # Interview order: the first topic, feedback, back to the first topic (vervolg), the
    # moved segment's question, the closing, then speech outside any question.
    headings = [ln for ln in lines if ln in (Q1, FB, Q3, TR, STRONG) or ln.endswith("(vervolg)")]
    assert headings == [Q1, FB, "Eerdere ervaringen met samenwerking (vervolg)", Q3, TR, STRONG]
    assert lines.index(TR) < lines.index(STRONG) < lines.index(OTHER)
    body = _after(lines, OTHER, 3)
    assert body[0] == "Gezegd terwijl er geen vraag openstond"
    assert "Welkom bij dit interview." in body[1] and "Tot ziens." in body[2]
    assert _after(lines, Q3, 2)[1] == "Memo interviewer: KP: Te weinig tijd."


def test_moved_segment_is_under_its_new_question(session, transcript):
    lines = _md(session, _options(session, transcript, stamps=None))
    assert _after(lines, TR, 1) == ["1.1: Dit hoort eigenlijk bij tijd en ruimte."]
    q3 = _after(lines, Q3, 3)
    assert all("tijd en ruimte" not in line for line in q3)


def test_docx_transcript_runs_and_line_numbers(session, transcript):
    options = _options(session, transcript, stamps="maxqda")
    doc = reopen(render(FORMATS["transcript-docx"], [session], options))
    paragraphs = doc.paragraphs
    texts = [unnumbered(p.text) for p in paragraphs]
    at = texts.index(Q1)
    assert texts[at + 1 : at + 5] == [
        "Interviewer: Heeft u eerder samengewerkt? #00:01:20-0#",
        "1.1: Ja, met Ingrid Smit van het wijkteam. #00:01:30-5#",
        "Memo interviewer: Ja.",
        "Memo interviewer: Werkt al jaren samen.",
    ]

    def text_runs(paragraph):  # the line number run first, then the text
        number, *rest = paragraph.runs
        assert number.style.name == LINE_NUMBER_STYLE
        return rest

    speaker_run = text_runs(paragraphs[at + 2])[0]
    assert speaker_run.text == "1.1: " and speaker_run.bold
    memo = text_runs(paragraphs[at + 3])
    assert memo[0].bold and memo[0].text == "Memo interviewer: " and memo[1].italic
    # the lines carry their own numbers; Word's layout-dependent numbering is off
    assert not doc.sections[0]._sectPr.xpath("./w:lnNumType")
    assert "Akkoord" in texts  # approval block at the end


def test_english_protocol_language_labels(session, transcript):
    lines = _md(session, _options(session, transcript, stamps=None, lang="en"))
    assert "Interviewer memo: Yes." in lines
    assert "Spoken while no question was open" in lines


# --- coding document -----------------------------------------------------------------------


def test_coding_docx_headings_speakers_colours_memo(session, transcript):
    options = _options(session, transcript, stamps="bracket")
    doc = reopen(render(FORMATS["coding-docx"], [session], options))
    pairs = [(p.style.name, p.text) for p in doc.paragraphs]
    h1 = [text for style, text in pairs if style == "Heading 1"]
    # Variables in protocol order, then the extra code (closing + outside speech).
    assert h1 == ["Ervaring", "Tijd en ruimte", "Feedback", OTHER]
    at = pairs.index(("Heading 2", speaker_safe(Q1)))
    assert pairs[at + 1 : at + 5] == [
        ("Normal", "[00:01:15] Interviewer: Heeft u eerder samengewerkt?"),
        ("Normal", "[00:01:21] 1.1: Ja, met Ingrid Smit van het wijkteam."),
        ("Normal", "[Memo interviewer] Ja."),  # no 'Name:' start: not a speaker
        ("Normal", "[Memo interviewer] Werkt al jaren samen."),
    ]
    segment = doc.paragraphs[at + 2]
    assert segment.runs[0].text == "[00:01:21] 1.1: Ja, met Ingrid Smit van het wijkteam."
    assert segment.runs[0].font.highlight_color is not None  # the variable's colour
    memo = doc.paragraphs[at + 3]
    assert memo.runs[1].italic and memo.runs[1].font.highlight_color is None
    tr = pairs.index(("Heading 2", speaker_safe(TR)))
    assert pairs[tr + 1] == ("Normal", "[00:05:21] 1.1: Dit hoort eigenlijk bij tijd en ruimte.")
    other = pairs.index(("Heading 1", OTHER))
    assert ("Heading 2", "Gezegd terwijl er geen vraag openstond") in pairs[other:]


def test_coding_docx_two_column(session, transcript):
    options = _options(session, transcript, stamps=None, layout="two-column")
    doc = reopen(render(FORMATS["coding-docx"], [session], options))
    rows = [[c.text for c in row.cells] for t in doc.tables[1:] for row in t.rows]
    assert ["1.1: Ja, met Ingrid Smit van het wijkteam.", "Ervaring / Wel/niet"] in rows
    assert ["[Memo interviewer] Werkt al jaren samen.", "Memo"] in rows


def test_coding_docx_uses_final_text_as_memo(session, transcript):
    records = dict(session.records)
    records["feedback-1"] = records["feedback-1"].model_copy(update={"notes": "Goedgekeurd."})
    final = session.model_copy(update={"records": records})
    options = _options(session, transcript, stamps=None, final_sessions={session.id: final})
    data = render(FORMATS["coding-docx"], [final], options)
    texts = [p.text for p in reopen(data).paragraphs]
    assert "[Memo interviewer (goedgekeurde tekst)] Goedgekeurd." in texts
    assert "1.1: Meestal in het teamoverleg." in texts  # the recording is unchanged


# --- REFI-QDA --------------------------------------------------------------------------------


def _project(session, options) -> tuple[str, etree._Element]:
    archive = zipfile.ZipFile(io.BytesIO(render(FORMATS["qdpx"], [session], options)))
    (source,) = [n for n in archive.namelist() if n.startswith("sources/")]
    return archive.read(source).decode("utf-8"), etree.fromstring(archive.read("project.qde"))


@pytest.mark.parametrize("stamps", ["maxqda", "bracket", None])
def test_qdpx_selections_pick_out_each_questions_segments(session, transcript, schema, stamps):
    text, root = _project(session, _options(session, transcript, stamps=stamps))
    assert_valid(schema, root)
    names = {c.get("guid"): c.get("name") for c in root.iter(f"{{{PROJECT_NS}}}Code")}
    picked: dict[str, list[str]] = {}
    for sel in root.iter(f"{{{PROJECT_NS}}}PlainTextSelection"):
        chunk = text[int(sel.get("startPosition")) : int(sel.get("endPosition"))]
        codes = [names[r.get("targetGUID")] for r in sel.iter(f"{{{PROJECT_NS}}}CodeRef")]
        picked.setdefault(" + ".join(codes), []).append(chunk)
    assert set(picked) == {"Wel/niet", "Best practices/knelpunten", "Wijze van tijd indelen", OTHER}
    assert len(picked["Wel/niet"]) == 2  # ervaring-1 and feedback-1
    assert len(picked[OTHER]) == 2  # the closing question and speech outside any question
    q1 = picked["Wel/niet"][0]
    lines = q1.split("\n")
    assert [re.sub(r"^\[[\d:]+\] |#[\d:-]+#$", "", ln).strip() for ln in lines] == [
        "Interviewer: Heeft u eerder samengewerkt?",
        "1.1: Ja, met Ingrid Smit van het wijkteam.",
    ]
    assert picked["Wijze van tijd indelen"][0].endswith(
        "1.1: Dit hoort eigenlijk bij tijd en ruimte."
        + (" #00:05:30-0#" if stamps == "maxqda" else "")
    )
    # The memo follows the segments and lies outside the selection.
    end = text.index(q1) + len(q1)
    assert text[end:].startswith("\nMemo interviewer: Ja.\nMemo interviewer: Werkt al jaren")
    for chunks in picked.values():
        assert all("Memo interviewer" not in c for c in chunks)


def test_qdpx_every_question_selection_is_exact(session, transcript, schema):
    """Each coded selection equals the question's segment lines joined, nothing more."""
    text, root = _project(session, _options(session, transcript, stamps=None))
    chunks = [
        text[int(s.get("startPosition")) : int(s.get("endPosition"))]
        for s in root.iter(f"{{{PROJECT_NS}}}PlainTextSelection")
    ]
    speakers = {
        "Heeft u eerder samengewerkt?": "Interviewer", "Hoe geeft u feedback?": "Interviewer",
    }  # fmt: skip
    for title, segments in SEGMENTS.items():
        expected = "\n".join(f"{speakers.get(s, '1.1')}: {s}" for s in segments)
        assert expected in chunks, title
        assert text[text.index(title + "\n") + len(title) + 1 :].startswith(expected)


def test_qdpx_group_participants_cases_refer_to_their_segments(make_session, schema):
    session = make_session(
        {"ervaring-1": "Ik wel.", "ervaring-2": "Ik niet."},
        speakers={"ervaring-1": "R1", "ervaring-2": "R2"},
        participants=("R1", "R2"),
    )
    srt = (
        "1\n00:01:05,000 --> 00:01:08,000\nR1: Ik werk veel samen.\n\n"
        "2\n00:01:09,000 --> 00:01:12,000\nR2: Ik minder.\n\n"
        "3\n00:03:05,000 --> 00:03:08,000\nR2: Niet echt.\n"
    )
    result = parse_transcript(srt, "srt", "groep.srt")
    transcript = new_transcript(session, result, source_name="groep.srt", offset=0)
    text, root = _project(session, _options(session, transcript, stamps=None))
    assert_valid(schema, root)
    cases = {c.get("name"): c for c in root.findall("q:Cases/q:Case", NS)}
    selections = {s.get("guid"): s for s in root.iter(f"{{{PROJECT_NS}}}PlainTextSelection")}

    def picked(case: str) -> list[str]:
        out = []
        for ref in cases[case].findall("q:SelectionRef", NS):
            sel = selections[ref.get("targetGUID")]
            out.append(text[int(sel.get("startPosition")) : int(sel.get("endPosition"))])
        return out

    assert picked("1.1 R1") == ["R1: Ik werk veel samen."]
    assert picked("1.1 R2") == ["R2: Ik minder.", "R2: Niet echt."]
    assert "Memo interviewer (R1): Ik wel." in text


# --- pseudonyms, missing transcripts, the CLI ------------------------------------------------


def test_replacement_list_applies_to_verbatim_text(session, transcript, tmp_path):
    replacements = ReplacementList.of([("Ingrid Smit", "[collega]")])
    options = _options(session, transcript, stamps="bracket", replacements=replacements)
    for fmt in ("transcript-docx", "transcript-md", "coding-docx", "qdpx"):
        (path,) = write_export([session], fmt, tmp_path / fmt, options)
        if path.suffix == ".md":
            blobs = [path.read_bytes()]
        else:
            archive = zipfile.ZipFile(path)
            blobs = [archive.read(name) for name in archive.namelist()]
        joined = b"\n".join(blobs).decode("utf-8", "replace")
        assert "Ingrid" not in joined, fmt
        assert "[collega]" in joined, fmt


def test_missing_transcript_is_one_clear_error(session, tmp_path):
    options = ExportOptions(verbatim=True, transcripts={})
    with pytest.raises(ExportError) as caught:
        write_export([session], "coding-docx", tmp_path, options)
    message = str(caught.value)
    assert "\n" not in message
    assert session.id in message and f"interviewer transcript import {session.id}" in message
    # Formats that print no verbatim text ignore the option.
    assert write_export([session], "json", tmp_path, options)


def test_without_verbatim_nothing_changes(session, transcript):
    plain = render(FORMATS["transcript-md"], [session], ExportOptions())
    ignored = render(
        FORMATS["transcript-md"],
        [session],
        dataclasses.replace(_options(session, transcript), verbatim=False),
    )
    assert plain == ignored
    assert b"Memo interviewer" not in plain


@pytest.fixture
def stored(data_dir, session, transcript):
    from interviewer.store import SessionStore

    SessionStore(data_dir).create(session)
    TranscriptStore(data_dir).save(transcript)
    return session


def test_cli_verbatim_every_format(stored, data_dir, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["export", stored.id, "--all-formats", "--verbatim", "--stamps", "maxqda",
         "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    md = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "**1.1:** Ja, met Ingrid Smit van het wijkteam. #00:01:30-5#" in md
    assert "**Memo interviewer:** *Werkt al jaren samen.*" in md
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".docx", ".json", ".md", ".qdpx"]


def test_cli_verbatim_without_transcript(data_dir, session, tmp_path):
    from interviewer.store import SessionStore

    SessionStore(data_dir).create(session)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["export", session.id, "--format", "coding-docx", "--verbatim", "--out", str(out)]
    )
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.startswith("interviewer: error")]
    assert len(lines) == 1
    assert f"interviewer transcript import {session.id}" in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()
