"""One respondent code per case (``run``, ``import`` share the check), codes in number
order, planned sessions marked in ``interviewer sessions``. No terminal needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.domain.codes import code_sort_key
from interviewer.domain.session_factory import new_session
from interviewer.protocol.loader import load_protocol
from interviewer.respondent_codes import (
    RespondentCodes,
    RespondentCodeTaken,
    indexed_sessions,
)
from interviewer.store import SessionStore
from interviewer.store.importing import import_files
from interviewer.store.portable import portable_bytes
from interviewer.tui.start import light_start, new_live_session
from tests.fake_clock import FakeClock

REPO = Path(__file__).resolve().parents[2]
PROTOCOL = str(REPO / "protocols" / "sociale-teams-samenwerking.yaml")


def stored(store: SessionStore, clock: FakeClock, case: str, *codes: str) -> None:
    protocol = load_protocol(PROTOCOL)
    for code in codes:
        store.create(new_session(protocol, case=case, respondent=code, clock=clock))


def test_codes_sort_as_numbers() -> None:
    codes = ["1.10", "1.2", "2.1", "1.1", "10", "2", "team-a.3", "team-a.12"]
    assert sorted(codes, key=code_sort_key) == [
        "1.1",
        "1.2",
        "1.10",
        "2",
        "2.1",
        "10",
        "team-a.3",
        "team-a.12",
    ]


def test_the_register_names_the_owner_and_the_next_free_code(
    store: SessionStore, clock: FakeClock
) -> None:
    stored(store, clock, "Borne", "1.1", "1.2")
    stored(store, clock, "Haaksbergen", "2.1")
    codes = RespondentCodes.of(store.list())
    assert codes.next_free("Borne") == "1.3"
    assert codes.next_free("Wierden") == "3.1"  # a new case gets the next case number
    with pytest.raises(RespondentCodeTaken) as caught:
        codes.require_free("Borne", " 1.2 ")
    owner = codes.owner("Borne", "1.2")
    assert owner is not None and caught.value.existing.id == owner.id
    assert caught.value.message("nl") == (
        f"casus Borne heeft al respondent 1.2: sessie {owner.id} ({owner.date}, gepland); "
        "de volgende vrije code is 1.3"
    )
    codes.require_free("Borne", "1.2", session_id=owner.id)  # the session itself: no clash
    codes.require_free("Haaksbergen", "1.2")  # another case may have the same code


def test_the_listing_cache_read_without_the_store_agrees_with_the_store(
    store: SessionStore, clock: FakeClock
) -> None:
    stored(store, clock, "Borne", "1.1", "1.10")
    store.list()  # writes the cache
    light = sorted((s.id, s.case, s.respondent) for s in indexed_sessions(store.data_dir))
    assert light == sorted((s.id, s.case, s.respondent) for s in store.list())
    (store.data_dir / "index.json").write_text("{not json", encoding="utf-8")
    assert indexed_sessions(store.data_dir) == []  # damaged: the check at creation remains


def test_run_refuses_a_code_the_case_has_before_any_screen(
    store: SessionStore, clock: FakeClock
) -> None:
    stored(store, clock, "Borne", "1.1")
    store.list()
    [existing] = store.list()
    with pytest.raises(ValueError, match=r"already has respondent 1\.1") as caught:
        light_start(PROTOCOL, store.data_dir, case="Borne", respondent="1.1", lang="en")
    assert existing.id in str(caught.value) and "next free code is 1.2" in str(caught.value)
    # the full path (used when the cache is stale, and by the pending session) refuses too
    with pytest.raises(ValueError, match=r"already has respondent 1\.1"):
        new_live_session(store, PROTOCOL, case="Borne", respondent="1.1", lang="en")
    assert len(store.list()) == 1


def test_run_without_respondent_takes_the_next_free_code(
    store: SessionStore, clock: FakeClock
) -> None:
    stored(store, clock, "Borne", "1.1", "1.2")
    store.list()
    pending, _lang = light_start(PROTOCOL, store.data_dir, case="Borne", respondent=None)
    assert pending.respondent == "1.3"
    live, _lang = new_live_session(store, PROTOCOL, case="Borne", respondent=None, clock=clock)
    assert live.session.respondent == "1.3"
    # a fresh data folder starts at 1.1, every time the README's command runs
    live, _lang = new_live_session(
        SessionStore(store.data_dir.parent / "fresh"), PROTOCOL, case="Borne", respondent=None
    )
    assert live.session.respondent == "1.1"


def test_the_run_command_refuses_the_duplicate_in_one_line(
    store: SessionStore, clock: FakeClock
) -> None:
    stored(store, clock, "Borne", "1.1")
    store.list()
    args = ["--data-dir", str(store.data_dir), "--lang", "en", "run", PROTOCOL]
    result = CliRunner().invoke(main, [*args, "--case", "Borne", "--respondent", "1.1"])
    assert result.exit_code == 1
    assert "case Borne already has respondent 1.1" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_import_and_run_share_the_check(store: SessionStore, clock: FakeClock, tmp_path) -> None:
    stored(store, clock, "Borne", "1.1")
    other = new_session(load_protocol(PROTOCOL), case="Borne", respondent="1.1", clock=clock)
    path = tmp_path / "other.json"
    path.write_bytes(portable_bytes(other.model_dump(mode="json")))
    [outcome] = import_files(store, [path])
    assert not outcome.ok and outcome.message == "store.import.duplicate_code"
    assert outcome.values["suggestion"] == "1.2"


def test_sessions_marks_planned_sessions_and_sorts_codes_as_numbers(
    store: SessionStore, clock: FakeClock
) -> None:
    stored(store, clock, "Borne", "1.10", "1.2")
    result = CliRunner().invoke(
        main, ["--data-dir", str(store.data_dir), "--lang", "en", "sessions"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("○ planned") == 2
    assert "2 planned session(s) never started" in result.output
    assert result.output.index(" 1.2 ") < result.output.index(" 1.10 ")
    as_json = CliRunner().invoke(main, ["--data-dir", str(store.data_dir), "sessions", "--json"])
    assert {i["status"] for i in json.loads(as_json.output)} == {"planned"}
