"""Review library without a terminal: merge rules, edits, non-interactive rules, the bank store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgen.bank import Bank, DocSource, Fact, Person, Source, Work, load_bank, loads_bank
from quizgen.errors import InputError, QuizgenError
from quizgen.review import Decision, ReviewStore, Rules, merge, plan, reviewable
from quizgen.review.edit import apply_edit, when_from_answer

DATA = Path(__file__).parent / "data" / "review"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    return tmp_path


def cands() -> Bank:
    return load_bank(DATA / "candidates.yaml")


def test_new_bank_takes_id_title_sources_people_and_works_from_candidates() -> None:
    result = merge(cands(), None, [Decision("bastille-stormed", "approve"), Decision("necker-role", "reject")])
    bank = result.bank
    assert (bank.id, bank.title) == ("revolution-1789", "The French Revolution, 1789")
    assert [(f.id, f.status) for f in bank.facts] == [("bastille-stormed", "approved"), ("necker-role", "rejected")]
    assert list(bank.sources) == ["notes"]
    assert [p.name for p in bank.people] == ["Louis XVI", "Jacques Necker", "Emmanuel Joseph Sieyès"]
    assert [w.title for w in bank.works] == ["What Is the Third Estate?"]
    assert [f.id for f in result.added] == ["bastille-stormed", "necker-role"]


def test_bank_id_and_title_can_be_given_for_a_new_bank() -> None:
    bank = merge(cands(), None, [], bank_id="year-9", title="Year 9 revolution").bank
    assert (bank.id, bank.title) == ("year-9", "Year 9 revolution")


def test_the_banks_version_of_a_decided_fact_always_wins() -> None:
    target = load_bank(DATA / "teacher-bank.yaml")
    result = merge(cands(), target, [Decision("bastille-stormed", "approve", question="Changed?"),
                                     Decision("tennis-court-oath-place", "approve")])
    assert result.added == []
    assert result.kept == ["bastille-stormed", "tennis-court-oath-place"]
    fact = result.bank.fact("bastille-stormed")
    assert fact is not None and fact.question == "On what day did Parisians storm the Bastille?"
    assert result.bank.fact("tennis-court-oath-place").status == "rejected"  # type: ignore[union-attr]


def test_merge_does_not_modify_its_inputs() -> None:
    target, candidates = load_bank(DATA / "teacher-bank.yaml"), cands()
    before = (len(target.facts), len(target.people), candidates.facts[2].question)
    merge(candidates, target, [Decision("necker-role", "approve", question="New?")])
    assert (len(target.facts), len(target.people), candidates.facts[2].question) == before


def test_a_person_already_in_the_bank_by_name_or_alias_is_not_added_again() -> None:
    target = Bank("t", "T", people=[Person("Necker", [], "my wording"), Person("King Louis XVI", ["Louis XVI"])])
    bank = merge(cands(), target, []).bank
    names = [p.name for p in bank.people]
    assert names == ["Necker", "King Louis XVI", "Emmanuel Joseph Sieyès"]
    assert bank.people[0].role == "my wording"


def test_a_work_already_in_the_bank_is_not_added_again() -> None:
    target = Bank("t", "T", works=[Work("what is the third estate", "Sieyès")])
    assert len(merge(cands(), target, []).bank.works) == 1


def test_reviewable_skips_decided_ids_and_rejected_candidates_and_honours_ids() -> None:
    candidates = cands()
    candidates.facts[1].status = "rejected"
    target = load_bank(DATA / "teacher-bank.yaml")
    assert [f.id for f in reviewable(candidates, target)] == ["necker-role", "third-estate-pamphlet",
                                                              "great-fear-term"]
    assert [f.id for f in reviewable(candidates, target, ["great-fear-term", "bastille-stormed"])] == \
        ["great-fear-term"]


def test_relative_source_files_are_rewritten_for_the_banks_folder(tmp_path: Path) -> None:
    bank = merge(cands(), None, [], candidates_dir=DATA, target_dir=DATA / "decks").bank
    assert bank.sources["notes"].file == "../docs/revolution.txt"
    same = merge(cands(), None, [], candidates_dir=DATA, target_dir=DATA).bank
    assert same.sources["notes"].file == "docs/revolution.txt"


def test_a_source_key_naming_another_document_gets_a_fresh_key() -> None:
    target = Bank("t", "T", sources={"notes": DocSource("other.txt", "Other notes")},
                  facts=[Fact("x", "term", "Q?", "A", source=Source("notes", "q"))])
    result = merge(cands(), target, [Decision("necker-role", "approve")], candidates_dir=DATA, target_dir=DATA)
    assert result.bank.sources["notes"].file == "other.txt"
    assert result.bank.sources["notes-2"].file == "docs/revolution.txt"
    assert result.added[0].source == Source("notes-2", result.added[0].source.quote)  # type: ignore[union-attr]


def test_a_source_for_the_same_document_under_another_key_is_reused() -> None:
    target = Bank("t", "T", sources={"class": DocSource("docs/revolution.txt")})
    result = merge(cands(), target, [Decision("necker-role", "approve")], candidates_dir=DATA, target_dir=DATA)
    assert list(result.bank.sources) == ["class"]
    assert result.added[0].source.doc == "class"  # type: ignore[union-attr]


def test_unknown_decision_id_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        merge(cands(), None, [Decision("nope", "approve")])
    with pytest.raises(ValueError):
        Decision("x", "maybe")


# --- edits ---------------------------------------------------------------------------------------------


def date_fact() -> Fact:
    return Fact("d", "date", "When?", "July 14, 1789", when="1789-07-14",
                cloze="It fell on {{July 14, 1789}}.")


def test_edit_keeps_blank_fields_and_updates_cloze_gap_and_when() -> None:
    fact = date_fact()
    notes = apply_edit(fact, "", "14 July 1790")
    assert (fact.question, fact.answer, fact.when) == ("When?", "14 July 1790", "1790-07-14")
    assert fact.cloze == "It fell on {{14 July 1790}}."
    assert any("cloze gap now" in n for n in notes) and any("1789-07-14 -> 1790-07-14" in n for n in notes)


def test_edit_warns_when_the_date_cannot_be_read_from_the_new_answer() -> None:
    fact = date_fact()
    notes = apply_edit(fact, None, "the day of the storming")
    assert fact.when == "1789-07-14"
    assert any("when is still 1789-07-14" in n for n in notes)


def test_edit_leaves_a_cloze_gap_that_was_not_the_answer_and_says_so() -> None:
    fact = Fact("p", "person", "Who?", "Necker", cloze="{{Jacques Necker}} was dismissed.")
    notes = apply_edit(fact, None, "Louis")
    assert fact.cloze == "{{Jacques Necker}} was dismissed."
    assert notes == ["p: cloze gap {{Jacques Necker}} was left as it is: check it in the bank"]


def test_edit_to_an_accepted_answer_drops_it_from_accept() -> None:
    fact = Fact("p", "person", "Who?", "Necker", accept=["Jacques Necker", "the minister"])
    assert apply_edit(fact, "Which minister?", "jacques necker") == []
    assert (fact.question, fact.answer, fact.accept) == ("Which minister?", "jacques necker", ["the minister"])


@pytest.mark.parametrize(("answer", "when"), [
    ("August 20, 1940", "1940-08-20"), ("20 August 1940", "1940-08-20"), ("20th of Aug. 1940", "1940-08-20"),
    ("March 1917", "1917-03"), ("in 1917", "1917"), ("1920s", "1920s"), ("from 1924 to 1928", "1924/1928"),
    ("1940-08-20", "1940-08-20"), ("February 30, 1917", None), ("sometime", None), ("1917 or 1918 or 1919", None),
])
def test_when_from_answer(answer: str, when: str | None) -> None:
    assert when_from_answer(answer) == when


# --- non-interactive rules -----------------------------------------------------------------------------


def test_rules_approve_above_and_reject_below_leave_the_middle_and_unscored_undecided() -> None:
    steps = plan(Rules(approve_above=0.8, reject_below=0.3), cands().facts)
    got = {f.id: d.action if d else None for f, d in steps}
    assert got == {"bastille-stormed": "approve", "estates-general-meets": "approve", "necker-role": None,
                   "third-estate-pamphlet": None, "tennis-court-oath-place": "reject", "great-fear-term": None}


def test_rules_approve_all_and_reject_all_decide_everything() -> None:
    assert all(d and d.action == "approve" for _, d in plan(Rules(approve_all=True), cands().facts))
    assert all(d and d.action == "reject" for _, d in plan(Rules(reject_all=True), cands().facts))


@pytest.mark.parametrize(("rules", "message"), [
    (Rules(approve_all=True, reject_all=True), "--approve-all and --reject-all cannot be used together"),
    (Rules(approve_all=True, approve_above=0.5), "--approve-all and --approve-all-above cannot be used together"),
    (Rules(reject_all=True, reject_below=0.5), "--reject-below cannot be used with --reject-all"),
    (Rules(approve_above=0.5, reject_below=0.6), "--reject-below 0.6 is above --approve-all-above 0.5: "
                                                 "a candidate cannot be both"),
    (Rules(approve_above=1.5), "--approve-all-above: 1.5 is not a confidence from 0 to 1"),
])
def test_rules_reject_contradictions(rules: Rules, message: str) -> None:
    with pytest.raises(InputError) as exc:
        rules.check()
    assert str(exc.value) == message


# --- the store -----------------------------------------------------------------------------------------


def test_store_writes_a_valid_bank_that_keeps_the_teachers_comments(work: Path) -> None:
    store = ReviewStore(load_bank(work / "candidates.yaml"), work / "teacher-bank.yaml")
    store.record([Decision("necker-role", "approve")])
    text = (work / "teacher-bank.yaml").read_text()
    assert "# My 1789 deck: I keep my own notes here. Do not lose this comment!" in text
    assert "# I reworded this one myself" in text and "status: rejected  # too easy for my class" in text
    bank = loads_bank(text)
    assert [f.id for f in bank.facts][-1] == "necker-role"
    assert store.undo("necker-role") and load_bank(work / "teacher-bank.yaml").fact("necker-role") is None
    assert "# I reworded this one myself" in (work / "teacher-bank.yaml").read_text()


def test_store_refuses_to_write_an_invalid_bank(work: Path) -> None:
    candidates = load_bank(work / "candidates.yaml")
    candidates.facts[0].cloze = "no gap any more"  # as if a bug produced a broken fact
    store = ReviewStore(candidates, work / "new.yaml")
    with pytest.raises(QuizgenError, match="not written, the result would be invalid: cloze has no"):
        store.record([Decision("bastille-stormed", "approve")])
    assert not (work / "new.yaml").exists()


def test_store_refuses_the_candidates_file_as_its_own_target(work: Path) -> None:
    with pytest.raises(InputError, match="the candidates file and --into are the same file"):
        ReviewStore(load_bank(work / "candidates.yaml"), work / "candidates.yaml")


def test_a_bank_changed_while_a_save_is_prepared_is_reread_not_overwritten(work: Path, monkeypatch) -> None:
    import quizgen.review.store as store_module

    deck = work / "teacher-bank.yaml"
    real = store_module.dumps_bank
    calls: list[int] = []

    def racing_dump(bank: Bank, previous: str | None, path: str = "<bank>") -> str:
        if not calls:  # the teacher's editor saves while we prepare our write
            deck.write_text(deck.read_text() + "  - id: typed-meanwhile\n    kind: term\n"
                            "    question: Typed meanwhile?\n    answer: yes\n")
        calls.append(1)
        return real(bank, previous, path)

    monkeypatch.setattr(store_module, "dumps_bank", racing_dump)
    ReviewStore(load_bank(work / "candidates.yaml"), deck).record([Decision("necker-role", "approve")])
    ids = [f.id for f in load_bank(deck).facts]
    assert len(calls) == 2 and ids[-2:] == ["typed-meanwhile", "necker-role"]
