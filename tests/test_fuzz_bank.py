"""Fuzzing the bank loader: no text makes it fail with anything but a clean QuizgenError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.bank import loads_bank
from quizgen.errors import BankError

_YAMLISH = st.lists(st.sampled_from(list("ab:- \n\t[]{}#&*!|>'\"%@`?,.0123456789")
                                   + ["facts", "id", "kind", "question", "answer", "!!"]), max_size=120).map("".join)

_FIELDS = ["id: x", "title: t", "facts:", "  - id: a", "    kind: date", "    question: q?", "    answer: b",
           "    when: 1940", "    cloze: '{{b}}'", "    accept: [c]", "    tags: x", "  - {id: a}", "people:",
           "  - name: n", "    aliases: n", "sources:", "  s: {file: f}", "    source: {doc: s, quote: q}",
           "    confidence: 2", "    status: approved", "deck: !!binary aGk=", "&a x: *a", "---", "..."]


def _check(text: str) -> None:
    try:
        bank = loads_bank(text, "f.yaml")
    except BankError as exc:
        assert exc.problems
        for p in exc.problems:
            assert "\n" not in str(p) and str(p).startswith("f.yaml")
        return
    assert bank.id and bank.title


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(_YAMLISH)
def test_yaml_shaped_noise(text: str) -> None:
    _check(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FIELDS), max_size=14))
def test_bank_shaped_lines(lines: list[str]) -> None:
    _check("\n".join(lines) + "\n")
