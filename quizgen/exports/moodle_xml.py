"""Moodle XML: a category, then one `multichoice` question per fact with a multiple-choice form and a
`shortanswer` question (every accepted answer) for the others; the source quote is the general feedback.

Built with ElementTree, so every character is escaped by the XML writer (no hand-made CDATA that a
`]]>` could end). Question text and options are HTML (`format="html"`) made from plain text by escaping
it; short-answer answers are plain strings that Moodle compares with what a student types.

Each question carries the fact id as its Moodle `idnumber` (unique in the category, so a teacher can find
and replace a question after editing the bank) and the fact's tags and kind as Moodle tags, which the
question bank filters on. Moodle stores an idnumber in 100 characters and a tag in 50: longer ones are left
out rather than cut, as a cut one could collide with another.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..bank import Bank, Fact
from . import ExportOptions, ExportResult
from .common import category_path, clean, html_inline, html_paragraph, mc_questions, unique

# Options of these kinds come in a meaningful order (ascending dates and numbers); others are shuffled
# by Moodle for each student.
_ORDERED_KINDS = {"date", "number"}
_PENALTY = "0.3333333"
_IDNUMBER_MAX = 100
_TAG_MAX = 50


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {**({"format": fmt} if fmt else {}), **attrs})
    ET.SubElement(el, "text").text = text
    return el


def _common(q: ET.Element, fact: Fact, question: str) -> None:
    _text(q, "name", clean(fact.id))
    _text(q, "questiontext", html_paragraph(question), "html")
    quote = fact.source.quote if fact.source else ""
    _text(q, "generalfeedback", html_paragraph(quote) if quote.strip() else "", "html")
    ET.SubElement(q, "defaultgrade").text = "1"
    ET.SubElement(q, "penalty").text = _PENALTY
    ET.SubElement(q, "hidden").text = "0"
    if len(fact.id) <= _IDNUMBER_MAX:
        ET.SubElement(q, "idnumber").text = fact.id


def _tags(q: ET.Element, fact: Fact) -> None:
    names = [t for t in unique(clean(t) for t in [*fact.tags, fact.kind]) if t and len(t) <= _TAG_MAX]
    if names:
        tags = ET.SubElement(q, "tags")
        for name in names:
            _text(tags, "tag", name)


def _answer(q: ET.Element, fraction: int, text: str, fmt: str) -> None:
    ans = _text(q, "answer", text, fmt, fraction=str(fraction))
    _text(ans, "feedback", "", "html")


def _multichoice(quiz: ET.Element, fact: Fact, question: str, options: list[str], answer_index: int) -> None:
    q = ET.SubElement(quiz, "question", type="multichoice")
    _common(q, fact, question)
    ET.SubElement(q, "single").text = "true"
    ET.SubElement(q, "shuffleanswers").text = "false" if fact.kind in _ORDERED_KINDS else "true"
    ET.SubElement(q, "answernumbering").text = "abc"
    for i, option in enumerate(options):
        _answer(q, 100 if i == answer_index else 0, html_inline(option), "html")
    _tags(q, fact)


def _shortanswer(quiz: ET.Element, fact: Fact) -> None:
    q = ET.SubElement(quiz, "question", type="shortanswer")
    _common(q, fact, fact.question)
    ET.SubElement(q, "usecase").text = "0"
    for text in unique(clean(a) for a in fact.answers):
        # Moodle's short-answer matching reads * as a wildcard; \* is a literal asterisk.
        _answer(q, 100, text.replace("*", "\\*"), "moodle_auto_format")
    _tags(q, fact)


def export(bank: Bank, options: ExportOptions) -> ExportResult:
    items = mc_questions(bank, options)
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(f" quizgen export, seed {options.seed} "))
    cat = ET.SubElement(quiz, "question", type="category")
    _text(cat, "category", category_path(bank))
    for fact, mc in items:
        if mc is None:
            _shortanswer(quiz, fact)
        else:
            _multichoice(quiz, fact, mc.question, list(mc.options), mc.answer_index)
    ET.indent(quiz, space="  ")
    body = ET.tostring(quiz, encoding="unicode", short_empty_elements=False)
    return ExportResult('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n", len(items))
