"""Issue 13, point 8: a source's GUID comes from what it holds. The notes project and the
verbatim project of one session, merged into one QDA project, share no GUID for different
texts; exporting again gives the same GUIDs. Every check reads the .qdpx back (lxml) and
validates it against Project.xsd (skipped, with its reason, where the schema is absent)."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from interviewer.domain.session import Session
from interviewer.export.options import ExportOptions
from interviewer.export.qdpx import PROJECT_NS
from interviewer.export.registry import FORMATS, render
from interviewer.transcript import parse_transcript
from interviewer.transcript.service import new_transcript

from .conftest import assert_valid

NS = {"q": PROJECT_NS}
SRT = (
    "1\n00:01:15,000 --> 00:01:20,000\nInterviewer: Heeft u eerder samengewerkt?\n\n"
    "2\n00:01:21,000 --> 00:01:30,500\n1.1: Ja, al jaren, met het wijkteam.\n\n"
    "3\n00:03:21,000 --> 00:03:30,000\n1.1: Meestal in het teamoverleg.\n\n"
)


def _project(session: Session, options: ExportOptions) -> tuple[etree._Element, dict[str, str]]:
    """The project.qde and the sources' texts by GUID, read back from the archive."""
    archive = zipfile.ZipFile(io.BytesIO(render(FORMATS["qdpx"], [session], options)))
    root = etree.fromstring(archive.read("project.qde"))
    texts = {
        name.removeprefix("sources/").removesuffix(".txt"): archive.read(name).decode("utf-8")
        for name in archive.namelist()
        if name.startswith("sources/")
    }
    return root, texts


def _guids(root: etree._Element, tag: str) -> list[str]:
    return [e.get("guid") for e in root.iter(f"{{{PROJECT_NS}}}{tag}")]


def _both(session: Session) -> tuple[tuple, tuple]:
    """The notes project and the verbatim project of ``session``."""
    parsed = parse_transcript(SRT, "srt", "opname.srt")
    transcript = new_transcript(session, parsed, source_name="opname.srt", offset=10)
    notes = _project(session, ExportOptions())
    verbatim = _project(session, ExportOptions(verbatim=True, transcripts={session.id: transcript}))
    return notes, verbatim


def test_notes_and_verbatim_projects_share_no_guid_for_different_texts(
    make_session, schema
) -> None:
    session = make_session({"ervaring-1": "Werkt al jaren samen.", "feedback-1": "In overleg."})
    (notes, notes_texts), (verbatim, verbatim_texts) = _both(session)
    for root in (notes, verbatim):
        assert_valid(schema, root)
    [notes_source] = _guids(notes, "TextSource")
    [verbatim_source] = _guids(verbatim, "TextSource")
    assert notes_texts[notes_source] != verbatim_texts[verbatim_source]
    assert notes_source != verbatim_source  # one session, two texts, two GUIDs
    # the archive names its text after the GUID, and the project points there
    [element] = notes.iterfind("q:Sources/q:TextSource", NS)
    assert element.get("plainTextPath") == f"internal://{notes_source}.txt"
    # merged, nothing of a source (its selections, their codings) shares a GUID either
    for tag in ("PlainTextSelection", "Coding"):
        a, b = set(_guids(notes, tag)), set(_guids(verbatim, tag))
        assert a and b and not a & b, tag
    # every GUID of a merged project names one thing, apart from what both projects hold
    # alike: the codebook, the cases, variables and the user
    shared = {"Code", "Case", "Variable", "User"}
    merged: dict[str, str] = {}
    for root in (notes, verbatim):
        for element in root.iter():
            found = element.get("guid")
            tag = etree.QName(element).localname
            if found is None or tag in shared:
                continue
            assert found not in merged, (tag, merged.get(found))
            merged[found] = tag


def test_exporting_again_gives_the_same_guids(make_session, schema) -> None:
    session = make_session({"ervaring-1": "Werkt al jaren samen.", "feedback-1": "In overleg."})
    first, second = _both(session), _both(session)
    for (root_a, texts_a), (root_b, texts_b) in zip(first, second, strict=True):
        assert_valid(schema, root_b)
        assert texts_a == texts_b
        for tag in ("TextSource", "PlainTextSelection", "Coding", "Code", "Case"):
            assert _guids(root_a, tag) == _guids(root_b, tag), tag
