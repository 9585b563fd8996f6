"""Real-client tests: packages imported with Anki's own library, with the options Anki desktop uses.

Each test makes its own collection. The options come from `get_import_anki_package_presets()`, the
call Anki's import dialog makes to fill itself in: update notes and note types "if newer", no
merging of note types, no scheduling. A test builds with an injected clock in the past, so a
student's edit (made now) is newer than the teacher's first build, as in real life.
"""

from __future__ import annotations

import html
import shutil
import time
from pathlib import Path

import pytest

from quizgen.anki import build_apkg
from quizgen.anki.fields import REVERSE_MAX_CHARS, REVERSE_PROMPTS
from quizgen.anki.models import CLOZE_NAME, QA_NAME
from quizgen.bank import Bank, load_bank
from quizgen.textnorm import fold

anki_collection = pytest.importorskip("anki.collection")

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
SMALL = Path(__file__).parent / "data" / "anki" / "small.yaml"
T0 = 1_700_000_000  # the teacher's first build, well before any student edit made during the test


class Student:
    """One student's collection, importing packages the way Anki desktop does."""

    def __init__(self, folder: Path):
        self.col = anki_collection.Collection(str(folder / "collection.anki2"))
        self.options = self.col._backend.get_import_anki_package_presets()

    def import_(self, apkg: Path):
        request = anki_collection.ImportAnkiPackageRequest(package_path=str(apkg), options=self.options)
        log = self.col.import_anki_package(request).log
        self.col.models._clear_cache()  # as Anki's main window does after an import: note types changed
        return log

    def notes(self) -> dict[str, object]:
        """Every note by GUID."""
        return {n.guid: n for n in (self.col.get_note(nid) for nid in self.col.find_notes(""))}

    def snapshot(self) -> list[tuple]:
        notes = [(n.guid, tuple(n.fields), tuple(n.tags), n.mod) for n in self.notes().values()]
        cards = self.col.db.all("select nid, ord, did, type, queue, due, ivl, mod from cards order by id")
        return sorted(notes) + [tuple(c) for c in cards]


@pytest.fixture
def student(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # whatever the library writes stays in the test's folder
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "student").mkdir()
    s = Student(tmp_path / "student")
    yield s
    s.col.close()


def copy_bank(src: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    return Path(shutil.copy(src, folder / src.name))


def edit_bank(path: Path, old: str, new: str) -> Bank:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_bank(path)


def expected_counts(bank: Bank) -> tuple[int, int, int]:
    """(notes, cards, reversed cards) by the documented rule, computed from the bank itself."""
    approved = bank.approved()
    answers = [fold(f.answer) for f in approved]
    reverse = sum(1 for f in approved if f.kind in REVERSE_PROMPTS and len(f.answer) <= REVERSE_MAX_CHARS
                  and answers.count(fold(f.answer)) == 1)
    clozes = sum(1 for f in approved if f.cloze)
    return len(approved) + clozes, len(approved) + clozes + reverse, reverse


def test_shipped_deck_imports_every_note_card_field_tag_and_deck(student: Student, tmp_path: Path) -> None:
    bank = load_bank(copy_bank(DECK, tmp_path / "bank"))
    report = build_apkg([bank], tmp_path / "deck.apkg", now=T0)
    log = student.import_(tmp_path / "deck.apkg")
    notes, cards, reverse = expected_counts(bank)
    assert (report.notes, report.cards) == (notes, cards)
    assert len(log.new) == notes and not log.updated and not log.duplicate and not log.conflicting
    assert student.col.note_count() == notes and student.col.card_count() == cards
    assert len(student.col.find_cards("card:Reverse")) == reverse > 0
    names = {d.name for d in student.col.decks.all_names_and_ids()}
    parts = bank.deck_name.split("::")
    assert {"::".join(parts[: i + 1]) for i in range(len(parts))} <= names
    deck_cards = student.col.find_cards(f'"deck:{bank.deck_name}"')
    assert len(deck_cards) == cards
    assert {m["name"] for m in student.col.models.all()} >= {QA_NAME, CLOZE_NAME}
    # new cards come as questions first, then clozes, then reversed cards (never right after their question)
    order = student.col.db.all("select c.ord, t.name, min(c.due), max(c.due) from cards c join notes n "
                               "on n.id = c.nid join notetypes t on t.id = n.mid group by t.name, c.ord")
    spans = {(name, ord_): (lo, hi) for ord_, name, lo, hi in order}
    questions, clozes, reversed_ = spans[(QA_NAME, 0)], spans[(CLOZE_NAME, 0)], spans[(QA_NAME, 1)]
    assert questions[1] < clozes[0] <= clozes[1] < reversed_[0]

    import genanki

    by_guid = student.notes()
    for fact in bank.approved():
        note = by_guid[genanki.guid_for(bank.id, fact.id)]
        assert note.note_type()["name"] == QA_NAME
        assert note["Question"] == html.escape(fact.question, quote=False)
        assert note["Answer"] == html.escape(fact.answer, quote=False)
        if fact.source:
            assert bank.source_title(fact) in note["Source"]
        assert set(note.tags) == {*(t.replace(" ", "_") for t in fact.tags), f"kind::{fact.kind}"}
        if fact.cloze:
            cz = by_guid[genanki.guid_for(bank.id, fact.id, "cloze")]
            assert cz.note_type()["name"] == CLOZE_NAME and "{{c1::" in cz["Text"]
    assert len(by_guid) == notes


def test_text_shows_literally_html_is_escaped(student: Student, tmp_path: Path) -> None:
    bank = load_bank(copy_bank(SMALL, tmp_path / "bank"))
    report = build_apkg([bank], tmp_path / "small.apkg", now=T0)
    student.import_(tmp_path / "small.apkg")
    notes, cards, reverse = expected_counts(bank)
    counts = (student.col.note_count(), student.col.card_count())
    assert counts == (report.notes, report.cards) == (notes, cards)
    assert reverse == 2  # the two people sharing an answer get none: the front would be ambiguous

    import genanki

    note = student.notes()[genanki.guid_for(bank.id, "script-fact")]
    assert note["Question"].startswith("Which tag does &lt;script&gt;alert('x')&lt;/script&gt; use")
    assert note["Answer"] == "&lt;script&gt; &amp; &lt;b&gt;"
    assert note["Note"] == "Escaped: &lt;i&gt;not italic&lt;/i&gt; &amp; \"quoted\""
    card = student.col.get_card(note.cards()[0].id)
    rendered = card.question() + card.answer()
    for raw in ("<script>alert", "<b>this</b>", "<i>not italic"):
        assert raw not in rendered
    assert "&lt;script&gt;alert(" in rendered

    cloze_note = student.notes()[genanki.guid_for(bank.id, "script-fact", "cloze")]
    cloze_card = student.col.get_card(cloze_note.cards()[0].id)
    # the gap's "::" stays text, not an Anki hint; the gap itself is hidden on the front
    assert "[...]" in cloze_card.question() and "&lt;script&gt;" not in cloze_card.question()
    assert "&lt;script&gt; &amp; a&#58;&#58;b" in cloze_card.answer()
    date_cloze = student.notes()[genanki.guid_for(bank.id, "date-fact", "cloze")]
    assert "&#123;busy&#125;" in date_cloze["Text"]
    source = note_source = student.notes()[genanki.guid_for(bank.id, "person-fact")]["Source"]
    assert "Test document &lt;i&gt;one&lt;/i&gt; &amp; two" in note_source
    assert 'href="https://example.org/source?a=1&amp;b=2"' in source
    assert {d.name for d in student.col.decks.all_names_and_ids()} >= {"Tests", "Tests::Small bank"}


def test_edited_fact_updates_its_note_and_adds_none(student: Student, tmp_path: Path) -> None:
    path = copy_bank(SMALL, tmp_path / "bank")
    build_apkg([load_bank(path)], tmp_path / "v1.apkg", now=T0)
    student.import_(tmp_path / "v1.apkg")
    before = student.col.note_count(), student.col.card_count()

    bank = edit_bank(path, "Who founded the test society?", "Who founded the test society in 1901?")
    report = build_apkg([bank], tmp_path / "v2.apkg", now=T0 + 1)  # rebuilt a second later
    assert report.changed == ["anki-small:person-fact"] and not report.new
    log = student.import_(tmp_path / "v2.apkg")
    assert len(log.updated) == 1 and not log.new and not log.conflicting
    assert (student.col.note_count(), student.col.card_count()) == before

    import genanki

    note = student.notes()[genanki.guid_for(bank.id, "person-fact")]
    assert note["Question"] == "Who founded the test society in 1901?" and note.mod == T0 + 1


def test_new_fact_arrives_and_nothing_is_duplicated(student: Student, tmp_path: Path) -> None:
    path = copy_bank(SMALL, tmp_path / "bank")
    build_apkg([load_bank(path)], tmp_path / "v1.apkg", now=T0)
    student.import_(tmp_path / "v1.apkg")
    notes, cards = student.col.note_count(), student.col.card_count()
    bank = edit_bank(path, "  - id: candidate-fact\n", "  - id: new-fact\n    kind: place\n"
                     "    question: Where is the archive?\n    answer: Lisbon\n"
                     "    cloze: \"The archive is in {{Lisbon}}.\"\n  - id: candidate-fact\n")
    build_apkg([bank], tmp_path / "v2.apkg", now=T0 + 60)
    log = student.import_(tmp_path / "v2.apkg")
    assert len(log.new) == 2 and not log.updated  # its Q/A note and its cloze note
    assert student.col.note_count() == notes + 2 and student.col.card_count() == cards + 2
    guids = [n.guid for n in student.notes().values()]
    assert len(guids) == len(set(guids))


def test_student_edit_to_an_untouched_note_survives_the_update(student: Student, tmp_path: Path) -> None:
    import genanki

    path = copy_bank(SMALL, tmp_path / "bank")
    build_apkg([load_bank(path)], tmp_path / "v1.apkg", now=T0)
    student.import_(tmp_path / "v1.apkg")
    mine = student.notes()[genanki.guid_for("anki-small", "term-fact")]
    mine["Note"] = "My own mnemonic: blue like the sea."
    mine.tags.append("my-tag")
    student.col.update_note(mine)

    bank = edit_bank(path, "answer: Ada Example", "answer: Ada M. Example")
    build_apkg([bank], tmp_path / "v2.apkg", now=T0 + 1)
    log = student.import_(tmp_path / "v2.apkg")
    assert len(log.updated) == 1 and not log.new
    after = student.notes()
    assert after[genanki.guid_for("anki-small", "person-fact")]["Answer"] == "Ada M. Example"
    kept = after[genanki.guid_for("anki-small", "term-fact")]
    assert kept["Note"] == "My own mnemonic: blue like the sea." and "my-tag" in kept.tags


def test_teacher_change_newer_than_a_student_edit_wins(student: Student, tmp_path: Path) -> None:
    import genanki

    path = copy_bank(SMALL, tmp_path / "bank")
    build_apkg([load_bank(path)], tmp_path / "v1.apkg", now=T0)
    student.import_(tmp_path / "v1.apkg")
    mine = student.notes()[genanki.guid_for("anki-small", "term-fact")]
    mine["Note"] = "My own note"
    student.col.update_note(mine)
    bank = edit_bank(path, "Some sources call it the Azure Charter.", "Also called the Azure Charter.")
    build_apkg([bank], tmp_path / "v2.apkg", now=time.time() + 5)  # the fix is made after the student's edit
    student.import_(tmp_path / "v2.apkg")
    note = student.notes()[genanki.guid_for("anki-small", "term-fact")]
    assert note["Note"] == "Also called the Azure Charter."


def test_importing_the_same_package_twice_changes_nothing(student: Student, tmp_path: Path) -> None:
    bank = load_bank(copy_bank(DECK, tmp_path / "bank"))
    build_apkg([bank], tmp_path / "deck.apkg", now=T0)
    student.import_(tmp_path / "deck.apkg")
    before = student.snapshot()
    log = student.import_(tmp_path / "deck.apkg")
    assert not log.new and not log.updated and not log.conflicting
    assert len(log.duplicate) == student.col.note_count()
    assert student.snapshot() == before
    # and a rebuild from the unchanged bank and its ledger is no different
    build_apkg([load_bank(bank.path)], tmp_path / "again.apkg", now=T0 + 3600)
    log = student.import_(tmp_path / "again.apkg")
    assert not log.new and not log.updated
    assert student.snapshot() == before


def test_review_history_survives_an_update(student: Student, tmp_path: Path) -> None:
    import genanki

    path = copy_bank(SMALL, tmp_path / "bank")
    build_apkg([load_bank(path)], tmp_path / "v1.apkg", now=T0)
    student.import_(tmp_path / "v1.apkg")
    note = student.notes()[genanki.guid_for("anki-small", "person-fact")]
    card = note.cards()[0]
    card.start_timer()
    student.col.sched.answerCard(card, 4)  # "Easy": graduates to review
    reviewed = student.col.get_card(card.id)
    revlog = student.col.db.all("select id, cid, ease, ivl from revlog")
    assert reviewed.ivl > 0 and len(revlog) == 1

    bank = edit_bank(path, "Who founded the test society?", "Who founded the society?")
    build_apkg([bank], tmp_path / "v2.apkg", now=T0 + 1)
    log = student.import_(tmp_path / "v2.apkg")
    assert len(log.updated) == 1
    after = student.col.get_card(card.id)
    assert (after.ivl, after.type, after.queue, after.due) == (reviewed.ivl, reviewed.type, reviewed.queue,
                                                                reviewed.due)
    assert student.col.db.all("select id, cid, ease, ivl from revlog") == revlog
    assert after.note()["Question"] == "Who founded the society?"


def test_student_restyling_survives_a_rebuild(student: Student, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from quizgen.anki import models

    # templates released long before the student's tweak, whatever this machine's clock says
    for name in (QA_NAME, CLOZE_NAME):
        monkeypatch.setitem(models.TEMPLATE_STAMPS, name, (models.TEMPLATE_STAMPS[name][0], T0))
    path = copy_bank(SMALL, tmp_path / "bank")
    build_apkg([load_bank(path)], tmp_path / "v1.apkg", now=T0)
    student.import_(tmp_path / "v1.apkg")
    model = student.col.models.by_name(QA_NAME)
    model["css"] += "\n.card { font-size: 30px; }"
    student.col.models.update_dict(model)

    bank = edit_bank(path, "answer: Ada Example", "answer: Ada B. Example")
    build_apkg([bank], tmp_path / "v2.apkg", now=T0 + 86400)
    student.import_(tmp_path / "v2.apkg")
    assert student.col.models.by_name(QA_NAME)["css"].endswith(".card { font-size: 30px; }")
    assert len([m for m in student.col.models.all() if m["name"].startswith("quizgen")]) == 2


def test_several_banks_each_keep_their_deck(student: Student, tmp_path: Path) -> None:
    small = load_bank(copy_bank(SMALL, tmp_path / "a"))
    deck = load_bank(copy_bank(DECK, tmp_path / "b"))
    report = build_apkg([small, deck], tmp_path / "both.apkg", now=T0)
    student.import_(tmp_path / "both.apkg")
    assert report.decks == [small.deck_name, deck.deck_name]
    for bank in (small, deck):
        notes, cards, _ = expected_counts(bank)
        assert len(student.col.find_cards(f'"deck:{bank.deck_name}" -"deck:{bank.deck_name}::*"')) == cards
    assert student.col.note_count() == report.notes == expected_counts(small)[0] + expected_counts(deck)[0]


def test_new_templates_from_quizgen_replace_an_untouched_note_type(student: Student, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from quizgen.anki import models

    path = copy_bank(SMALL, tmp_path / "bank")
    build_apkg([load_bank(path)], tmp_path / "v1.apkg", now=T0)
    student.import_(tmp_path / "v1.apkg")
    # the note type carries its template stamp, not the build time
    assert student.col.models.by_name(QA_NAME)["mod"] == models.TEMPLATE_STAMPS[QA_NAME][1]

    monkeypatch.setattr(models, "CSS", models.CSS + "\n.qz { letter-spacing: 0.01em; }\n")
    monkeypatch.setitem(models.TEMPLATE_STAMPS, QA_NAME, (models.QA.template_hash, int(time.time()) + 10))
    build_apkg([load_bank(path)], tmp_path / "v2.apkg", now=T0)
    student.import_(tmp_path / "v2.apkg")
    assert "letter-spacing: 0.01em" in student.col.models.by_name(QA_NAME)["css"]


def test_banks_naming_the_same_deck_share_it(student: Student, tmp_path: Path) -> None:
    first = load_bank(copy_bank(SMALL, tmp_path / "a"))
    second = edit_bank(copy_bank(SMALL, tmp_path / "b"), "id: anki-small", "id: anki-other")
    report = build_apkg([first, second], tmp_path / "both.apkg", now=T0)
    log = student.import_(tmp_path / "both.apkg")
    assert report.decks == [first.deck_name] and len(log.new) == report.notes
    names = {d.name for d in student.col.decks.all_names_and_ids()}
    assert not any(n.startswith(first.deck_name) and n != first.deck_name for n in names)  # no renamed twin
    assert len(student.col.find_cards(f'"deck:{first.deck_name}"')) == report.cards
