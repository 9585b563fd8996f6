"""Distractor quality: same kind and form as the answer, never correct, never a duplicate, never obvious.

The generator is tested directly (plan().pick + build), not through make_mc, which drops any item the
defect checker rejects: the point is that the generator makes no such item in the first place.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from quizgen.bank import load_bank
from quizgen.questions import MCQuestion, item_defects, make_mc, plan
from quizgen.questions import dates as qdates
from quizgen.questions import numbers as qnumbers
from quizgen.questions.entities import index, people_of
from quizgen.questions.mc import build
from quizgen.textnorm import fold, fold_loose

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
SYNTH = Path(__file__).resolve().parent / "data" / "mc" / "synthetic.yaml"


def generate(bank, seeds: range) -> list[MCQuestion]:
    out = []
    for seed in seeds:
        rng = random.Random(seed)
        for fact in bank.approved():
            p = plan(bank, fact)
            picked = p.pick(rng, 3, rng.randrange(4))
            if picked is not None:
                out.append(build(p, picked, rng, rng.randrange(4)))
    return out


@pytest.mark.parametrize("path", [DECK, SYNTH], ids=["deck", "synthetic"])
def test_no_defect_in_thousands_of_generated_items(path):
    bank = load_bank(path)
    items = generate(bank, range(40))
    assert len(items) >= 1000
    defects = [d for mcq in items for d in item_defects(mcq, bank)]
    assert defects == []


@pytest.mark.parametrize("path", [DECK, SYNTH], ids=["deck", "synthetic"])
def test_most_facts_make_an_item(path):
    bank = load_bank(path)
    made = [f for f in bank.approved() if make_mc(bank, f, random.Random(0)) is not None]
    assert len(made) >= 0.9 * len(bank.approved())


def test_options_never_repeat_an_answer_or_alias(deck, synth):
    for bank in (deck, synth):
        idx = index(bank)
        for mcq in generate(bank, range(10)):
            wrong = [o for i, o in enumerate(mcq.options) if i != mcq.answer_index]
            right = {fold_loose(a) for a in mcq.fact.answers}
            for person, _ in people_of(idx, mcq.fact.answer) or []:
                right |= {fold_loose(t) for t in (person.name, *person.aliases)}
            assert not right & {fold_loose(o) for o in wrong}, mcq
            assert len({fold(o) for o in mcq.options}) == 4


def test_handwritten_distractors_win(deck, synth):
    for bank in (deck, synth):
        for fact in bank.approved():
            if len(fact.distractors) >= 3:
                mcq = make_mc(bank, fact, random.Random(1))
                assert mcq is not None
                wrong = {o for i, o in enumerate(mcq.options) if i != mcq.answer_index}
                assert wrong <= set(fact.distractors)


def test_person_options_are_people_of_the_bank_not_named_in_the_question(synth):
    fact = synth.fact("who-crossed")  # the question names no one; the answer is written in full
    names = {p.name for p in synth.people}
    seen = set()
    for seed in range(30):
        mcq = make_mc(synth, fact, random.Random(seed))
        seen |= set(mcq.options)
        assert set(mcq.options) <= names
    fact = synth.fact("gallic-war-author")  # a work fact answered by a person gets people
    for seed in range(30):
        assert set(make_mc(synth, fact, random.Random(seed)).options) <= names
    fact = synth.fact("who-orator")  # "...attacked Antony...": Antony is never offered
    for seed in range(30):
        assert "Marcus Antonius" not in make_mc(synth, fact, random.Random(seed)).options


def test_surname_answers_get_surnames_and_pairs_get_disjoint_pairs(synth):
    for seed in range(30):
        mcq = make_mc(synth, synth.fact("who-led-plot"), random.Random(seed))
        assert all(" " not in o for o in mcq.options)
        pairs = make_mc(synth, synth.fact("who-triumvirs"), random.Random(seed)).options
        people = [{p.name for p, _ in people_of(index(synth), o)} for o in pairs]
        assert all(len(group) == 2 for group in people)
        assert all(a.isdisjoint(b) for i, a in enumerate(people) for b in people[i + 1:])
        assert "Caesar" not in " ".join(pairs)  # named in the question


def test_a_woman_gets_women_and_a_bank_without_them_gets_no_item(synth):
    women = {"Cleopatra", "Calpurnia", "Livia Drusilla", "Octavia", "Servilia"}
    for seed in range(20):
        assert set(make_mc(synth, synth.fact("who-wife"), random.Random(seed)).options) <= women
    fewer = replace(synth, people=[p for p in synth.people if p.name not in {"Octavia", "Servilia", "Calpurnia"}])
    assert make_mc(fewer, fewer.fact("who-wife"), random.Random(0)) is None


def test_places_keep_their_type_and_skip_places_said_with_the_answer(synth):
    countries = {"Gaul", "Egypt"}
    for seed in range(30):
        city = make_mc(synth, synth.fact("cleopatra-city"), random.Random(seed)).options
        assert not countries & set(city)
        # Rome is named in a fact with Ostia ("Ostia was the harbour of which city?"): not a wrong answer.
        assert "Rome" not in make_mc(synth, synth.fact("grain-ships"), random.Random(seed)).options
        assert "Brindisi" not in make_mc(synth, synth.fact("rubicon-city"), random.Random(seed)).options


@pytest.mark.parametrize("fact_id, pattern", [
    ("crossing-year", r"\d+ BC"),
    ("fall-year", r"\d{3,4}"),
    ("sack-date", r"[A-Z][a-z]+ \d{1,2}, \d{3,4}"),
    ("vandal-sack", r"\d{1,2} [A-Z][a-z]+ \d{3,4}"),
    ("hagia", r"[A-Z][a-z]+ \d{3,4}"),
    ("code-decade", r"\d{2,3}0s"),
    ("plague-century", r"\d+(st|nd|rd|th) century"),
    ("reign-range", r"\d{3}-\d{3}"),
    ("late-date", r"early \d{3}"),
    ("day-only", r"[A-Z][a-z]+ \d{1,2}"),
])
def test_dates_keep_the_answers_form_and_ascend(synth, fact_id, pattern):
    import re

    fact = synth.fact(fact_id)
    form = qdates.form_of(fact.answer, fact.when_value)
    for seed in range(25):
        mcq = make_mc(synth, fact, random.Random(seed), position=seed % 4)
        assert mcq is not None
        assert all(re.fullmatch(pattern, o) for o in mcq.options), mcq.options
        keys = [form.parse(o) for o in mcq.options]
        assert keys == sorted(keys) and len(set(keys)) == 4
        assert all(abs(form.year_of(k) - form.year_of(form.key)) <= qdates.window(form) for k in keys)


def test_date_ranges_do_not_overlap_the_answer(synth):
    fact = synth.fact("reign-range")
    w = fact.when_value
    for seed in range(20):
        for option in make_mc(synth, fact, random.Random(seed)).options:
            start, end = (int(x) for x in option.split("-"))
            assert (start, end) == (w.start[0], w.end[0]) or end < w.start[0] or start > w.end[0]


def test_a_year_answer_never_gets_a_full_date(deck):
    for fact in deck.approved():
        if fact.kind == "date" and fact.when_value and fact.when_value.precision == "year":
            for seed in range(10):
                mcq = make_mc(deck, fact, random.Random(seed))
                if mcq is not None:
                    assert all(qdates.detect(o).unit == "year" for o in mcq.options), mcq.options


@pytest.mark.parametrize("fact_id, unit", [("n-years-gaul", " years"), ("n-distance", " km"),
                                           ("n-legion-size", ""), ("n-population", "")])
def test_numbers_keep_their_unit_and_ascend(synth, fact_id, unit):
    fact = synth.fact(fact_id)
    form = qnumbers.detect(fact.answer)
    for seed in range(20):
        options = make_mc(synth, fact, random.Random(seed)).options
        assert all(o.endswith(unit) and o.startswith(form.prefix) for o in options)
        values = [form.parse(o) for o in options]
        assert values == sorted(values) and len(set(values)) == 4
        assert all(0 < v <= 2 * form.value for v in values)


def test_round_numbers_get_round_neighbours_and_words_stay_words():
    form = qnumbers.detect("20 years")
    assert [form.render(v) for v in qnumbers.near_values(form)][:2] == ["15 years", "25 years"]
    form = qnumbers.detect("20,000")
    assert all(v % 5000 == 0 for v in qnumbers.near_values(form))
    form = qnumbers.detect("Three")
    assert form.render(4) == "Four" and form.render(21) is None


def test_date_forms_round_trip():
    cases = [("August 20, 1940", "1940-08-20"), ("20 August 1940", "1940-08-20"), ("Aug. 20, 1940", "1940-08-20"),
             ("January 1924", "1924-01"), ("1923-25", "1923/1925"), ("1924-1928", "1924/1928"),
             ("late 1927", "1927"), ("1920s", "1920s"), ("10th century", "10th century"), ("44 BC", "44 BC"),
             ("1940-08-20", "1940-08-20"), ("1940-08", "1940-08"), ("November 7", "1917-11-07")]
    from quizgen.when import parse_when

    for answer, when in cases:
        form = qdates.form_of(answer, parse_when(when))
        assert form is not None, answer
        assert form.render(form.key) == answer
        assert form.parse(answer) == form.key


def test_unreadable_date_form_uses_only_handwritten_distractors(synth):
    fact = synth.fact("ides-date")  # "March 15, 44 BC": a BC day this version does not compute with
    mcq = make_mc(synth, fact, random.Random(0))
    assert set(mcq.options) == {fact.answer, *fact.distractors}


def _item(bank, fact_id, options, answer_index=0):
    fact = bank.fact(fact_id)
    return MCQuestion(fact.id, fact.kind, fact.question, options, answer_index, fact)


def test_defect_checker_finds_each_defect(synth):
    def defects(fact_id, options, answer_index=0):
        return " | ".join(item_defects(_item(synth, fact_id, options, answer_index), synth))

    assert defects("who-orator", ["Marcus Tullius Cicero", "Gaius Octavius", "Marcus Porcius Cato",
                                  "Gaius Cassius Longinus"]) == ""
    assert "duplicate" in defects("who-orator", ["Marcus Tullius Cicero", "Cato", "cato!", "Gaius Octavius"])
    assert "alias" in defects("who-orator", ["Marcus Tullius Cicero", "Cicero", "Cato", "Gaius Octavius"])
    assert "not a person" in defects("who-orator", ["Marcus Tullius Cicero", "Rome", "Cato", "Gaius Octavius"])
    assert "named in the question" in defects("who-orator", ["Marcus Tullius Cicero", "Marcus Antonius", "Cato",
                                                             "Gaius Octavius"])
    assert "all/none" in defects("who-orator", ["Marcus Tullius Cicero", "Cato", "Gaius Octavius",
                                                "All of the above"])
    assert "not an answer" in defects("who-orator", ["Cato", "Marcus Tullius Cicero", "Gaius Octavius",
                                                     "Brutus"])
    assert "shares a person" in defects("who-triumvirs", ["Pompey and Crassus", "Pompey and Cato",
                                                          "Brutus and Cassius", "Lepidus and Cicero"])
    assert "duplicate" in defects("who-triumvirs", ["Pompey and Crassus", "Brutus and Cassius",
                                                    "Cassius and Brutus", "Lepidus and Cicero"])
    assert "decades away" in defects("fall-year", ["476", "477", "478", "520"])
    assert "ascending" in defects("fall-year", ["476", "478", "477", "479"])
    assert "not a date written like" in defects("fall-year", ["476", "477", "478", "August 24, 479"])
    assert "ascending" in defects("n-stab", ["23", "19", "21", "25"])
    assert "not a number" in defects("n-stab", ["23", "25", "27", "many"])
    assert "not a city" in defects("cleopatra-city", ["Alexandria", "Rome", "Egypt", "Ravenna"])
    assert "much longer" in defects("caesar-war-book", ["Commentaries on the Gallic War", "Philippics",
                                                        "The Aeneid", "The Civil War"])
    assert "malformed" in defects("fall-year", ["476"], 3)


def test_handwritten_dates_are_sorted_and_placed_at_any_rank(synth):
    fact = synth.fact("carthage-end")  # four teacher-written dates, two on each side of the answer
    for position in range(4):
        mcq = make_mc(synth, fact, random.Random(position), position=position)
        # Three of them put the answer second or third; first or last cannot be made from them.
        if position in (1, 2):
            assert mcq.answer_index == position
        assert mcq.answer_index in (1, 2)
        assert set(mcq.options) <= {fact.answer, *fact.distractors}
        years = [-int(o.split()[0]) for o in mcq.options]
        assert years == sorted(years)
    fact = synth.fact("gracchus")  # one teacher-written date, always used, the rest generated
    for seed in range(10):
        mcq = make_mc(synth, fact, random.Random(seed), position=seed % 4)
        assert "121 BC" in mcq.options and not item_defects(mcq, synth)


def test_any_bank_gives_a_good_item_or_none():
    """Random small banks (odd answers, forms, aliases): make_mc never fails and never hands out a defect."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from quizgen.bank import Bank, Fact, Person
    from quizgen.when import parse_when

    whens = ["1905", "1917-11-07", "1924-01", "1920s", "10th century", "1924/1928", "44 BC", "0410-08-24"]
    answers = {"1905": ["1905", "late 1905", "in 1905"], "1917-11-07": ["November 7, 1917", "7 November 1917",
               "November 7", "1917-11-07"], "1924-01": ["January 1924", "Jan. 1924"], "1920s": ["1920s", "the 1920s"],
               "10th century": ["10th century"], "1924/1928": ["1924-1928", "1924-28", "1924 to 1928"],
               "44 BC": ["44 BC"], "0410-08-24": ["24 August 410"]}
    chars = st.sampled_from("abcdéEF -'.,&0123456789")
    text = st.text(alphabet=chars, min_size=1, max_size=12).map(str.strip).filter(bool)
    person = st.builds(lambda n, a, r: Person(n, a, r), text, st.lists(text, max_size=2),
                       st.one_of(st.none(), st.sampled_from(["his wife", "a general", "the king", "her son"])))

    @st.composite
    def fact(draw, i):
        kind = draw(st.sampled_from(["date", "person", "place", "work", "term", "number", "event"]))
        when = draw(st.sampled_from(whens)) if kind == "date" else None
        answer = draw(st.sampled_from(answers[when])) if when else draw(
            st.one_of(text, st.sampled_from(["2", "20 years", "20,000", "two", "3.5 km"]) if kind == "number"
                      else text))
        return Fact(id=f"f{i}", kind=kind, question=draw(text) + "?", answer=answer,
                    accept=draw(st.lists(text, max_size=2)), when=when,
                    distractors=draw(st.lists(text, max_size=4)))

    @settings(max_examples=150, deadline=None)
    @given(st.lists(person, max_size=8), st.data(), st.integers(0, 1000))
    def check(people, data, seed):
        facts = [data.draw(fact(i)) for i in range(data.draw(st.integers(1, 10)))]
        for f in facts:
            assert f.when is None or parse_when(f.when) is not None
        bank = Bank(id="b", title="B", people=people, facts=facts)
        for f in facts:
            mcq = make_mc(bank, f, random.Random(seed), position=seed % 4)
            if mcq is not None:
                assert item_defects(mcq, bank) == []
                assert mcq.options[mcq.answer_index] == f.answer

    check()
