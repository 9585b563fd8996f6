"""Question forms: cloze, matching, timeline, and make_mc's contract."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizgen.bank import loads_bank
from quizgen.questions import (
    BLANK,
    MCQuestion,
    cloze_text,
    distractors,
    item_defects,
    make_mc,
    matching_pairs,
    qa,
    timeline_events,
)
from quizgen.textnorm import fold

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
SYNTH = Path(__file__).resolve().parent / "data" / "mc" / "synthetic.yaml"


def small_bank(facts: str, people: str = "", works: str = "") -> object:
    text = "id: t\ntitle: T\n"
    if people:
        text += "people:\n" + people
    if works:
        text += "works:\n" + works
    return loads_bank(text + "facts:\n" + facts)


def test_qa_is_question_and_answer(synth):
    fact = synth.fact("who-crossed")
    assert qa(fact) == (fact.question, fact.answer)


def test_cloze_text_blanks_the_gap_and_returns_its_answer():
    bank = small_bank("""  - id: a
    kind: date
    question: When?
    answer: "1917"
    when: "1917"
    cloze: "In {{1917}} the {{tsar}} fell."
  - id: b
    kind: term
    question: What?
    answer: x
""")
    text, answer = cloze_text(bank.fact("a"))
    assert answer == "1917"
    assert text == f"In {BLANK} the tsar fell."
    assert cloze_text(bank.fact("b")) is None


def test_cloze_text_of_every_deck_cloze_holds_one_blank(deck):
    made = [cloze_text(f) for f in deck.approved() if f.cloze]
    assert made
    for text, answer in made:
        assert text.count(BLANK) == 1 and "{{" not in text and answer


def test_matching_pairs_are_distinct_people_and_roles(deck):
    pairs = matching_pairs(deck, random.Random(1), 6)
    assert len(pairs) == 6
    people = {p.name: p.role for p in deck.people}
    for left, right in pairs:
        assert people[left] == right
    assert len({fold(r) for _, r in pairs}) == len(pairs)
    assert matching_pairs(deck, random.Random(1), 6) == pairs


def test_matching_pairs_use_works_when_they_outnumber_people():
    bank = small_bank("  - {id: a, kind: term, question: q, answer: a}\n",
                      people="  - {name: Ann Author, role: writer}\n",
                      works="  - {title: One, author: Ann Author}\n  - {title: Two, author: Bob Writer}\n"
                            "  - {title: Three, author: Cy Poet}\n")
    pairs = matching_pairs(bank, random.Random(0), 5)
    assert sorted(pairs) == [("One", "Ann Author"), ("Three", "Cy Poet"), ("Two", "Bob Writer")]


def test_timeline_events_have_distinct_non_overlapping_dates(deck):
    for seed in range(20):
        events = timeline_events(deck, random.Random(seed), 6)
        assert len(events) == 6
        spans = sorted((f.when_value.start, f.when_value.end) for f in events)
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end < start, "two events whose dates overlap cannot be put in order"
        assert all(f.status == "approved" for f in events)


def test_make_mc_returns_a_frozen_item_with_the_answer_keyed(deck):
    fact = deck.fact("mercader-infiltrates")
    mcq = make_mc(deck, fact, random.Random(3))
    assert isinstance(mcq, MCQuestion)
    assert (mcq.id, mcq.kind, mcq.question, mcq.fact) == (fact.id, fact.kind, fact.question, fact)
    assert len(mcq.options) == 4 and mcq.options[mcq.answer_index] == fact.answer
    with pytest.raises(AttributeError):
        mcq.answer_index = 0  # type: ignore[misc]


def test_make_mc_is_reproducible_from_the_rng(deck):
    for fact in deck.approved():
        a = make_mc(deck, fact, random.Random(f"x{fact.id}"))
        b = make_mc(deck, fact, random.Random(f"x{fact.id}"))
        assert a == b


def test_make_mc_puts_the_answer_where_asked(synth):
    for fact_id in ("who-crossed", "rubicon-city", "term-senate"):
        for position in range(4):
            mcq = make_mc(synth, synth.fact(fact_id), random.Random(position), position=position)
            assert mcq.answer_index == position


def test_make_mc_with_other_option_counts(synth):
    fact = synth.fact("who-orator")
    for n in (2, 3, 5):
        mcq = make_mc(synth, fact, random.Random(0), n_options=n)
        assert len(mcq.options) == n and not item_defects(mcq, synth)


def test_make_mc_none_without_three_good_distractors(synth):
    # The bank names only two countries: a country question cannot get three distractors of its type.
    assert make_mc(synth, synth.fact("gaul-country"), random.Random(0)) is None
    bank = small_bank("  - {id: only, kind: person, question: Who?, answer: Ann Author}\n",
                      people="  - {name: Ann Author, role: writer}\n  - {name: Bob Writer, role: writer}\n")
    assert make_mc(bank, bank.fact("only"), random.Random(0)) is None
    assert distractors(bank, bank.fact("only"), random.Random(0)) == []


def test_distractors_returns_n_wrong_options(synth):
    fact = synth.fact("who-orator")
    wrong = distractors(synth, fact, random.Random(5), n=3)
    assert len(wrong) == 3
    assert not {fold(w) for w in wrong} & {fold(a) for a in fact.answers}


def test_import_stays_light():
    import subprocess
    import sys

    code = ("import sys, quizgen.questions, quizgen.mcsets; "
            "heavy = [m for m in ('yaml', 'ruamel', 'click', 'jinja2', 'rapidfuzz', 'weasyprint') if m in sys.modules];"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
