"""The bank format: strict loading with file:line errors, and saving that keeps a teacher's comments."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.bank import (
    KINDS,
    Bank,
    DocSource,
    Fact,
    Person,
    Source,
    Work,
    dumps_bank,
    load_bank,
    loads_bank,
    save_bank,
)
from quizgen.errors import BankError, InputError, OutputError

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "data" / "bad"
DECK = ROOT / "decks" / "trotsky-stalin.yaml"

EXPECTED = {
    "missing-answer.yaml": "missing-answer.yaml:9: facts[1]: missing 'answer'",
    "unknown-key.yaml": "unknown-key.yaml:8: facts[0]: unknown key 'colour' (allowed: id, kind, question, answer, "
    "accept, when, cloze, source, note, tags, distractors, confidence, status)",
    "duplicate-id.yaml": "duplicate-id.yaml:8: facts[1]: duplicate fact id 'a' (first at line 4)",
    "wrong-kind.yaml": "wrong-kind.yaml:5: facts[0]: kind 'battle' is not one of date, person, place, work, term, "
    "number, event",
    "bad-when.yaml": "bad-when.yaml:8: facts[0]: when 'late summer 1940' is not a date: use 1940-08-20, 1940-08, "
    "1940, 1920s, 10th century or 1924/1928",
    "date-without-when.yaml": "date-without-when.yaml:4: facts[0]: a date fact needs 'when' (e.g. when: 1940-08-20)",
    "cloze-without-gap.yaml": "cloze-without-gap.yaml:8: facts[0]: cloze has no {{...}} gap",
    "object-tag.yaml": "object-tag.yaml:7: facts[0].answer: YAML tag "
    "'tag:yaml.org,2002:python/object/apply:os.system' is not allowed (banks hold plain text)",
    "malformed.yaml": "malformed.yaml:6: YAML syntax error: while parsing a flow sequence did not find "
    "expected ',' or ']'",
    "bad-status.yaml": "bad-status.yaml:8: facts[0]: status 'maybe' is not one of candidate, approved, rejected",
    "accept-not-list.yaml": "accept-not-list.yaml:8: facts[0]: 'accept' must be a list, e.g. accept: [one, two]",
    "unknown-source.yaml": "unknown-source.yaml:10: facts[0].source: doc 'film' is not one of the bank's sources "
    "(book)",
    "empty.yaml": "empty.yaml:1: empty bank: expected id, title and facts",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_validation_error_names_file_line_and_field(name: str) -> None:
    with pytest.raises(BankError) as info:
        load_bank(BAD / name)
    assert str(info.value) == str(BAD / EXPECTED[name])
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("name", "message"), [
    ("binary.yaml", "binary.yaml: binary file, not text"),
    ("latin1.yaml", "latin1.yaml:2: not UTF-8 text (byte 0xe9); save the file as UTF-8"),
])
def test_undecodable_files_are_input_errors(name: str, message: str) -> None:
    with pytest.raises(InputError, match=None) as info:
        load_bank(BAD / name)
    assert str(info.value) == str(BAD / message)


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        load_bank(BAD / "nope.yaml")


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = "id: x\ntitle: t\nfacts:\n  - {id: a, kind: dat, question: q, answer: b}\n  - {id: B!, kind: term}\n"
    with pytest.raises(BankError) as info:
        loads_bank(text, "b.yaml")
    assert [str(p) for p in info.value.problems] == [
        "b.yaml:4: facts[0]: kind 'dat' is not one of date, person, place, work, term, number, event",
        "b.yaml:5: facts[1]: missing 'question'",
        "b.yaml:5: facts[1]: missing 'answer'",
        "b.yaml:5: facts[1]: id 'B!' must be a lowercase slug (letters, digits, dashes)",
    ]


def test_anchors_and_aliases_are_refused() -> None:
    # A billion-laughs bank must not expand: aliases are rejected at the first reuse.
    text = "id: x\ntitle: &t t\ndeck: *t\nfacts: []\n"
    with pytest.raises(BankError, match="b.yaml:2: bank.deck: YAML anchors and aliases are not allowed"):
        loads_bank(text, "b.yaml")


def test_scalars_are_read_as_written() -> None:
    # YAML 1.1 would turn these into a bool, an int and a date; a bank keeps the teacher's text.
    text = ("id: x\ntitle: t\nfacts:\n  - {id: a, kind: term, question: Was it?, answer: yes}\n"
            "  - {id: b, kind: date, question: When?, answer: 1940, when: 1940-08-20}\n")
    bank = loads_bank(text)
    assert [f.answer for f in bank.facts] == ["yes", "1940"]
    assert bank.facts[1].when == "1940-08-20"
    assert bank.facts[1].when_value.start == (1940, 8, 20)


def test_shipped_deck_loads_and_is_traceable() -> None:
    bank = load_bank(DECK)
    approved = bank.approved()
    assert len(approved) >= 60
    assert {f.kind for f in approved} >= {"date", "person", "place", "work", "term"}
    seed = " ".join((ROOT / "seeds" / "trotsky-stalin.txt").read_text(encoding="utf-8").split())
    for fact in approved:
        assert fact.source is not None, fact.id
        assert " ".join(fact.source.quote.split()) in seed, fact.id
    names = {p.name for p in bank.people}
    assert len(names) == len(bank.people) >= 10
    assert all(p.role for p in bank.people)


def test_comments_and_layout_survive_a_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(
        "# My class bank: keep this header\n"
        "id: demo\n"
        "title: Demo\n"
        "facts:\n"
        "  # the first one I wrote\n"
        "  - id: a\n"
        "    kind: term\n"
        "    question: What?   # check wording\n"
        "    answer: X\n"
        "  - id: b\n"
        "    kind: term\n"
        "    question: Which?\n"
        "    answer: Y\n"
        "    status: candidate\n", encoding="utf-8")
    bank = load_bank(path)
    bank.facts[1].status = "approved"
    bank.facts[0].answer = "X prime"
    bank.facts.append(Fact(id="c", kind="person", question="Who?", answer="Z"))
    save_bank(bank, path)
    text = path.read_text(encoding="utf-8")
    for comment in ("# My class bank: keep this header", "# the first one I wrote", "# check wording"):
        assert comment in text
    again = load_bank(path)
    assert again == bank
    assert "status: approved" in text and text.count("status:") == 2


def test_save_is_atomic_and_leaves_old_file_when_interrupted(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("id: demo\ntitle: Demo\nfacts: []\n", encoding="utf-8")
    bank = load_bank(path)
    bank.title = "Changed"

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(KeyboardInterrupt):
        save_bank(bank, path)
    assert path.read_text(encoding="utf-8") == "id: demo\ntitle: Demo\nfacts: []\n"
    assert list(tmp_path.iterdir()) == [path]


# Text that a teacher could type: letters, punctuation that YAML cares about, accents, RTL, quotes.
_ALPHABET = string.ascii_letters + string.digits + " .,:;!?'\"#&*-{}[]|>%@`~=<" + "éçñÅ\u0301\u05d0\u0627«»"
_text = st.text(_ALPHABET, min_size=1, max_size=40).map(str.strip).filter(bool)
_slug = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
_when = st.sampled_from(["1940-08-20", "1924-01", "1928", "1920s", "10th century", "1924/1928", "44 BC"])


@st.composite
def _facts(draw: st.DrawFn) -> list[Fact]:
    ids = draw(st.lists(_slug, min_size=0, max_size=6, unique=True))
    facts = []
    for fid in ids:
        kind = draw(st.sampled_from(KINDS))
        answer = draw(_text)
        cloze = draw(st.none() | _text.map(lambda t, a=answer: f"{t} {{{{{a}}}}}"))
        facts.append(Fact(
            id=fid, kind=kind, question=draw(_text), answer=answer,
            accept=draw(st.lists(_text, max_size=3)),
            when=draw(_when) if kind == "date" else draw(st.none() | _when),
            cloze=cloze if cloze is None or "{{" not in cloze.split("{{", 1)[0] else None,
            source=draw(st.none() | st.builds(Source, doc=st.just("seed"), quote=_text)),
            note=draw(st.none() | _text), tags=draw(st.lists(_slug, max_size=3)),
            distractors=draw(st.lists(_text, max_size=3)),
            confidence=draw(st.none() | st.floats(0, 1).map(lambda x: round(x, 3))),
            status=draw(st.sampled_from(["candidate", "approved", "rejected"]))))
    return facts


@st.composite
def _banks(draw: st.DrawFn) -> Bank:
    return Bank(
        id=draw(_slug), title=draw(_text), deck=draw(st.none() | _text), description=draw(st.none() | _text),
        sources={"seed": DocSource(file=draw(st.none() | _text), title=draw(st.none() | _text))},
        people=[Person(name=n, aliases=draw(st.lists(_text, max_size=2)), role=draw(st.none() | _text))
                for n in draw(st.lists(_text, max_size=3, unique=True))],
        works=[Work(title=t, author=draw(st.none() | _text), year=draw(st.none() | st.just("1906")))
               for t in draw(st.lists(_text, max_size=2, unique=True))],
        facts=draw(_facts()))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_banks())
def test_valid_bank_survives_load_save_load(bank: Bank) -> None:
    text = dumps_bank(bank)
    loaded = loads_bank(text)
    assert loaded == bank
    # and rewriting a file with itself is a fixed point: same bank, same text
    again = dumps_bank(loaded, text)
    assert loads_bank(again) == bank
    assert again == text


def test_save_refuses_a_bank_that_would_not_load_back(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("id: demo\ntitle: Demo\nfacts: []\n", encoding="utf-8")
    bank = load_bank(path)
    bank.facts.append(Fact(id="a", kind="term", question="What?", answer="X", cloze="no gap here"))
    with pytest.raises(OutputError, match=f"{path}: not written, the result would be invalid: cloze has no"):
        save_bank(bank, path)
    assert path.read_text(encoding="utf-8") == "id: demo\ntitle: Demo\nfacts: []\n"
