"""Moodle XML export read back with the standard library: ElementTree for the XML, html.parser for the
HTML inside question and answer text (only <p> and <br> may appear: the fact's text stays text)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st
from test_exports_helpers import bank_of, deck, expected, fact, field_text, fixed_mc, html_text, opts

from quizgen.exports import moodle_xml
from quizgen.exports.common import mc_questions


def read(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "quiz"
    return root


def shown(el: ET.Element | None) -> str:
    """The text a student sees for an HTML <text> element."""
    assert el is not None
    text, tags = html_text(el.findtext("text") or "")
    assert tags <= {"p", "/p", "br"}, tags
    return text


def test_deck_export_is_well_formed_and_marks_the_right_answers() -> None:
    bank = deck()
    items = mc_questions(bank, opts(5))
    root = read(moodle_xml.export(bank, opts(5)).data)
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == \
        "$course$/" + "/".join(p.strip() for p in bank.deck_name.split("::"))
    assert len(questions) == len(items) + 1
    for q, (f, mc) in zip(questions[1:], items, strict=True):
        assert q.findtext("name/text") == f.id
        assert shown(q.find("generalfeedback")) == (expected(f.source.quote) if f.source else "")
        if mc is None:
            assert q.get("type") == "shortanswer"
            continue
        assert q.get("type") == "multichoice"
        assert q.findtext("single") == "true" and q.findtext("answernumbering") == "abc"
        assert q.findtext("shuffleanswers") in ("true", "false")
        assert shown(q.find("questiontext")) == expected(mc.question)
        answers = q.findall("answer")
        assert [shown(a) for a in answers] == [expected(o) for o in mc.options]
        assert [a.get("fraction") for a in answers] == ["100" if i == mc.answer_index else "0"
                                                        for i in range(len(mc.options))]


def test_no_mc_fact_is_a_short_answer_with_all_accepted_answers() -> None:
    f = fact("sa", "Name the 1940 killer", "Ramón Mercader", accept=["Mercader", "Ramon Mercader", "Mercader"])
    with fixed_mc(None):
        root = read(moodle_xml.export(bank_of(f), opts()).data)
    q = root.findall("question")[1]
    assert q.get("type") == "shortanswer" and q.findtext("usecase") == "0"
    assert [a.findtext("text") for a in q.findall("answer")] == ["Ramón Mercader", "Mercader", "Ramon Mercader"]
    assert {a.get("fraction") for a in q.findall("answer")} == {"100"}


def test_markup_and_cdata_end_stay_text() -> None:
    f = fact("x", "<script>alert(1)</script> ]]> & <![CDATA[", "a]]>b", quote="<img src=x onerror=alert(1)>")
    with fixed_mc(["a]]>b", "<b>", "&amp;", "\"q\""], 0):
        text = moodle_xml.export(bank_of(f), opts()).data
    assert "<script>" not in text and "<img" not in text
    q = read(text).findall("question")[1]
    assert shown(q.find("questiontext")) == "<script>alert(1)</script> ]]> & <![CDATA["
    assert [shown(a) for a in q.findall("answer")] == ["a]]>b", "<b>", "&amp;", "\"q\""]
    assert shown(q.find("generalfeedback")) == "<img src=x onerror=alert(1)>"


def test_dates_keep_their_order_other_kinds_are_shuffled() -> None:
    facts = [fact("d", kind="date"), fact("t", kind="term")]
    with fixed_mc(["1917", "1918", "1919", "1920"], 1):
        root = read(moodle_xml.export(bank_of(*facts), opts()).data)
    assert [q.findtext("shuffleanswers") for q in root.findall("question")[1:]] == ["false", "true"]


@settings(max_examples=150, deadline=None)
@given(question=field_text, answers=st.lists(field_text, min_size=4, max_size=4, unique_by=expected),
       right=st.integers(0, 3), quote=field_text)
def test_any_text_round_trips(question: str, answers: list[str], right: int, quote: str) -> None:
    f = fact("any", question, answers[right], accept=answers[:right], quote=quote)
    with fixed_mc(answers, right):
        q = read(moodle_xml.export(bank_of(f), opts()).data).findall("question")[1]
    assert shown(q.find("questiontext")) == expected(question)
    assert [shown(a) for a in q.findall("answer")] == [expected(a) for a in answers]
    assert [a.get("fraction") for a in q.findall("answer")].index("100") == right
    assert shown(q.find("generalfeedback")) == expected(quote)
    with fixed_mc(None):
        sa = read(moodle_xml.export(bank_of(f), opts()).data).findall("question")[1]
    # Short answers are plain strings; Moodle reads \* as a literal asterisk.
    got = [a.findtext("text").replace("\\*", "*") for a in sa.findall("answer")]
    assert got == list(dict.fromkeys(expected(a) for a in [answers[right], *answers[:right]]))


def test_same_seed_same_file() -> None:
    bank = deck()
    assert moodle_xml.export(bank, opts(2)).data == moodle_xml.export(bank, opts(2)).data


def test_questions_carry_the_fact_id_as_idnumber_and_tags_and_kind_as_moodle_tags() -> None:
    bank = deck()
    root = read(moodle_xml.export(bank, opts(3)).data)
    by_id = {f.id: f for f in bank.facts}
    questions = root.findall("question")[1:]
    assert questions
    for q in questions:
        f = by_id[q.findtext("idnumber") or ""]
        assert q.findtext("name/text") == f.id
        tags = [t.findtext("text") for t in q.findall("tags/tag")]
        assert tags == list(dict.fromkeys([*f.tags, f.kind]))


def test_an_id_or_tag_longer_than_moodle_stores_is_left_out_not_cut() -> None:
    long_id = "a" * 101
    f = fact(long_id, kind="person")
    f.tags = ["t" * 51, "unit-3"]
    with fixed_mc(None):
        q = read(moodle_xml.export(bank_of(f), opts()).data).findall("question")[1]
    assert q.find("idnumber") is None
    assert [t.findtext("text") for t in q.findall("tags/tag")] == ["unit-3", "person"]
