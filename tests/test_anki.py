"""The Anki package itself: stable identity, stamps from the ledger, reproducible bytes, escaping."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quizgen.anki import build_apkg
from quizgen.anki import ledger as ledger_mod
from quizgen.anki.build import deck_id
from quizgen.anki.fields import cloze_field, esc, note_specs
from quizgen.anki.ledger import Ledger, ledger_path
from quizgen.anki.models import CLOZE, QA, TEMPLATE_STAMPS
from quizgen.bank import load_bank, loads_bank
from quizgen.errors import InputError, OutputError, RenderError

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
SMALL = Path(__file__).parent / "data" / "anki" / "small.yaml"
T0 = 1_700_000_000


@pytest.fixture(autouse=True)
def _no_sde(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def copy(src: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(src, folder / src.name))


def package_rows(apkg: Path, tmp: Path) -> tuple[list[tuple], dict]:
    """(guid, mod, flds) of every note, and the note types, read back from the package's database."""
    db = tmp / "read.anki2"
    db.write_bytes(zipfile.ZipFile(apkg).read("collection.anki2"))
    con = sqlite3.connect(db)
    try:
        notes = con.execute("select guid, mod, flds from notes order by guid").fetchall()
        models = json.loads(con.execute("select models from col").fetchone()[0])
    finally:
        con.close()
    db.unlink()
    return notes, models


def test_same_bank_and_ledger_give_the_same_bytes(tmp_path: Path) -> None:
    path = copy(DECK, tmp_path / "bank")
    build_apkg([load_bank(path)], tmp_path / "first.apkg", now=T0)
    build_apkg([load_bank(path)], tmp_path / "a.apkg", now=T0 + 100)
    build_apkg([load_bank(path)], tmp_path / "b.apkg", now=T0 + 200)  # the clock moved; nothing else did
    assert (tmp_path / "a.apkg").read_bytes() == (tmp_path / "b.apkg").read_bytes()
    assert (tmp_path / "first.apkg").read_bytes() == (tmp_path / "a.apkg").read_bytes()


def test_source_date_epoch_stamps_first_sightings_reproducibly(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    one = load_bank(copy(DECK, tmp_path / "one"))
    two = load_bank(copy(DECK, tmp_path / "two"))  # a fresh checkout: no ledger either time
    build_apkg([one], tmp_path / "one.apkg", now=T0)
    build_apkg([two], tmp_path / "two.apkg", now=T0 + 999)
    assert (tmp_path / "one.apkg").read_bytes() == (tmp_path / "two.apkg").read_bytes()
    notes, _ = package_rows(tmp_path / "one.apkg", tmp_path)
    assert {mod for _, mod, _ in notes} == {1600000000}


def test_bad_source_date_epoch_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(InputError, match="SOURCE_DATE_EPOCH must be whole seconds"):
        build_apkg([load_bank(copy(SMALL, tmp_path))], tmp_path / "x.apkg")
    assert not (tmp_path / "x.apkg").exists()


def test_only_changed_notes_get_a_new_stamp(tmp_path: Path) -> None:
    path = copy(SMALL, tmp_path / "bank")
    build_apkg([load_bank(path)], tmp_path / "v1.apkg", now=T0)
    path.write_text(path.read_text().replace("The society wrote", "The society drafted"), encoding="utf-8")
    report = build_apkg([load_bank(path)], tmp_path / "v2.apkg", now=T0 + 50)
    assert report.changed == ["anki-small:term-fact"] and report.new == []
    v1 = {g: mod for g, mod, _ in package_rows(tmp_path / "v1.apkg", tmp_path)[0]}
    v2 = {g: mod for g, mod, _ in package_rows(tmp_path / "v2.apkg", tmp_path)[0]}
    changed = {g for g in v2 if v2[g] != v1[g]}
    assert len(changed) == 1 and v2[changed.pop()] == T0 + 50
    assert v1.keys() == v2.keys()  # same GUIDs: the text changed, the identity did not


def test_a_change_is_always_newer_than_the_last_stamp_even_if_the_clock_is_behind(tmp_path: Path) -> None:
    path = copy(SMALL, tmp_path / "bank")
    build_apkg([load_bank(path)], tmp_path / "v1.apkg", now=T0)
    path.write_text(path.read_text().replace("Ada Example founded", "Ada founded"), encoding="utf-8")
    build_apkg([load_bank(path)], tmp_path / "v2.apkg", now=T0 - 3600)  # a machine with a slow clock
    stamps = json.loads(ledger_path(path).read_text())["notes"]
    assert stamps["person-fact"]["mod"] == T0 + 1 and stamps["term-fact"]["mod"] == T0


def test_guid_comes_from_bank_and_fact_id_never_from_text() -> None:
    bank = load_bank(SMALL)
    before = {s.key: s.guid for s in note_specs(bank)}
    bank.facts[0].question, bank.facts[0].answer = "Something else entirely?", "Someone else"
    after = {s.key: s.guid for s in note_specs(bank)}
    assert before == after and len(set(before.values())) == len(before)
    renamed = load_bank(SMALL)
    renamed.id = "another-bank"
    assert not set(before.values()) & {s.guid for s in note_specs(renamed)}


def test_ids_are_fixed_and_in_anki_range() -> None:
    assert deck_id("anki-small") == deck_id("anki-small") != deck_id("trotsky-stalin")
    for i in (deck_id("anki-small"), QA.id, CLOZE.id):
        assert 2**31 <= i < 2**52
    assert QA.id != CLOZE.id


def test_note_types_keep_their_stamp_until_the_templates_change() -> None:
    # Changing a template or the CSS without a new stamp would keep students on the old look
    # (Anki only takes a newer note type): add a line to TEMPLATE_STAMPS with the new hash and time.
    for nt in (QA, CLOZE):
        assert TEMPLATE_STAMPS[nt.name][0] == nt.template_hash, f"{nt.name}: templates changed: new stamp"
    assert QA.fields == ("Question", "Answer", "Source", "Note", "Add Reverse")
    assert CLOZE.fields == ("Text", "Source", "Note")


def test_note_type_mod_in_the_package_is_the_template_stamp_not_the_build_time(tmp_path: Path) -> None:
    build_apkg([load_bank(copy(SMALL, tmp_path))], tmp_path / "x.apkg", now=T0 + 12345)
    _, models = package_rows(tmp_path / "x.apkg", tmp_path)
    assert {m["name"]: m["mod"] for m in models.values()} == {
        QA.name: TEMPLATE_STAMPS[QA.name][1], CLOZE.name: TEMPLATE_STAMPS[CLOZE.name][1]}


def test_fields_are_escaped_and_clozes_cannot_be_forged() -> None:
    assert esc("<script>alert(1)</script> & <b>x</b>") == \
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;"
    assert esc("line one\nline two") == "line one<br>line two"
    assert cloze_field("In {{1901}}, a {busy} & <i> year") == \
        "In {{c1::1901}}, a &#123;busy&#125; &amp; &lt;i&gt; year"
    assert cloze_field("{{Alpha}} and {{Beta}}") == "{{c1::Alpha}} and {{c1::Beta}}"  # one card, both hidden
    assert cloze_field("A {{x::y}} b") == "A {{c1::x&#58;&#58;y}} b"


def test_counts_follow_the_documented_rule(tmp_path: Path) -> None:
    bank = load_bank(SMALL)
    specs = note_specs(bank)
    assert [s.key for s in specs] == [
        "person-fact", "term-fact", "date-fact", "script-fact", "shared-answer-one", "shared-answer-two",
        "person-fact/cloze", "date-fact/cloze", "script-fact/cloze"]
    assert {s.key for s in specs if s.cards == 2} == {"person-fact", "term-fact"}
    assert len(note_specs(bank, cloze=False)) == len(bank.approved())
    assert all(s.cards == 1 for s in note_specs(bank, reverse=False))


@pytest.mark.parametrize("text", ['{"bank": "anki-small", "notes": {"person-fact": {"hash": 1}}}',
                                  '{"bank": "anki-small", "notes": {', "[]"])
def test_corrupt_ledger_stops_the_build_instead_of_restamping_everything(tmp_path: Path, text: str) -> None:
    path = copy(SMALL, tmp_path)
    ledger_path(path).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="not a valid Anki ledger"):
        build_apkg([load_bank(path)], tmp_path / "x.apkg", now=T0)
    assert not (tmp_path / "x.apkg").exists()


def test_unwritable_ledger_is_a_warning_and_the_package_still_built(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, text: str) -> None:
        raise OutputError(f"cannot write {path}: Read-only file system")

    monkeypatch.setattr(ledger_mod, "write_text", refuse)
    path = copy(SMALL, tmp_path)
    report = build_apkg([load_bank(path)], tmp_path / "x.apkg", now=T0)
    assert (tmp_path / "x.apkg").is_file() and report.notes == 9
    assert len(report.warnings) == 1 and "Read-only file system" in report.warnings[0]
    assert "\n" not in report.warnings[0] and not report.ledgers


def test_ledger_is_written_only_when_something_changed(tmp_path: Path) -> None:
    path = copy(SMALL, tmp_path)
    first = build_apkg([load_bank(path)], tmp_path / "x.apkg", now=T0)
    assert first.ledgers == [ledger_path(path)]
    data = json.loads(ledger_path(path).read_text())
    assert data["bank"] == "anki-small" and len(data["notes"]) == 9
    assert build_apkg([load_bank(path)], tmp_path / "x.apkg", now=T0 + 5).ledgers == []
    loaded = Ledger.load(ledger_path(path), "anki-small")
    assert loaded.entries["person-fact"].mod == T0


def test_bank_without_a_file_builds_without_a_ledger(tmp_path: Path) -> None:
    bank = loads_bank(SMALL.read_text(encoding="utf-8"), "memory.yaml")
    report = build_apkg([bank], tmp_path / "x.apkg", now=T0)
    assert report.notes == 9 and report.ledgers == [] and list(tmp_path.iterdir()) == [tmp_path / "x.apkg"]


def test_no_approved_facts_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    bank = loads_bank("id: empty\ntitle: Empty\nfacts:\n  - {id: a, kind: term, question: Q?, answer: A, "
                      "status: candidate}\n")
    with pytest.raises(RenderError, match="no approved facts"):
        build_apkg([bank], tmp_path / "x.apkg", now=T0)
    assert not (tmp_path / "x.apkg").exists()


def test_two_banks_with_one_id_are_refused(tmp_path: Path) -> None:
    a, b = load_bank(copy(SMALL, tmp_path / "a")), load_bank(copy(SMALL, tmp_path / "b"))
    with pytest.raises(InputError, match="two banks share the id 'anki-small'"):
        build_apkg([a, b], tmp_path / "x.apkg", now=T0)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


def test_cli_reports_what_it_wrote_and_what_changed(tmp_path: Path) -> None:
    path = copy(SMALL, tmp_path)
    out = run("anki", str(path), "-o", "small.apkg", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "wrote small.apkg: 9 notes, 11 cards in 1 deck (Tests::Small bank)"
    assert lines[1].startswith("  new since the last build: 6 facts (person-fact, term-fact, date-fact")
    assert lines[2] == f"  updated {ledger_path(path)} (commit it with the bank)"
    path.write_text(path.read_text().replace("answer: Ada Example", "answer: Ada E."), encoding="utf-8")
    again = run("anki", str(path), cwd=tmp_path)  # default output: <bank>.apkg here
    assert again.returncode == 0 and (tmp_path / "small.apkg").is_file()
    assert "  changed since the last build: 1 fact (person-fact)" in again.stdout.splitlines()


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "deck.zip"], "Error: -o deck.zip: name the package *.apkg"),
    (["SECOND"], "Error: give -o OUT.apkg when building several banks into one package"),
    (["MISSING", "-o", "x.apkg"], "Error: missing.yaml: no such file"),
])
def test_cli_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    path = copy(SMALL, tmp_path)
    args = [{"SECOND": str(path), "MISSING": "missing.yaml"}.get(a, a) for a in args]
    out = run("anki", str(path), *args, cwd=tmp_path)
    assert out.returncode == 1 and out.stderr.startswith(message) and len(out.stderr.splitlines()) == 1
    assert not list(tmp_path.glob("*.apkg"))


def test_command_module_does_not_import_genanki() -> None:
    code = "import sys, quizgen.commands.anki; print('genanki' in sys.modules or 'anki' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.strip() == "False"


def test_a_bank_without_approved_facts_is_left_out_with_a_warning(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("id: empty\ntitle: Empty\nfacts:\n  - {id: a, kind: term, question: Q?, answer: A, "
                     "status: candidate}\n", encoding="utf-8")
    report = build_apkg([load_bank(copy(SMALL, tmp_path)), load_bank(empty)], tmp_path / "x.apkg", now=T0)
    assert report.decks == ["Tests::Small bank"] and report.notes == 9
    assert report.warnings == [f"warning: {empty}: no approved facts, no deck for it"]
    assert not ledger_path(empty).exists()
