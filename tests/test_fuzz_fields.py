"""No text of a fact can break out of its field on an Anki card or in a worksheet's HTML."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.anki.fields import cloze_field, esc
from quizgen.bank import Bank, DocSource, Fact, Person, Source, Work
from quizgen.worksheet.context import build_plan
from quizgen.worksheet.render import Templates
from quizgen.worksheet.writer import plan_documents

_HOSTILE = st.lists(st.sampled_from(list("<>&\"'{}:~=#/\\ \n ab") + ["<script>", "</div>", "{{c1::", "]]>",
                                                                      "&amp;", "\u202e", "e\u0301", "\u05d0"]),
                    min_size=1, max_size=30).map("".join).map(str.strip).filter(bool)


class _Shape(HTMLParser):
    """The tags of a document and its text, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _shape(markup: str) -> _Shape:
    parser = _Shape()
    parser.feed(markup)
    parser.close()
    return parser


@settings(max_examples=300, deadline=None)
@given(_HOSTILE)
def test_anki_field_shows_the_text_literally(text: str) -> None:
    shape = _shape(esc(text))
    assert set(shape.tags) <= {"br"}
    assert "".join(shape.text) == unicodedata.normalize("NFC", text).replace("\n", "")


# In a bank's cloze the first "{{" opens the gap and a gap is one line, so the text around it holds no "{{"/"}}".
_AROUND = _HOSTILE.filter(lambda t: "{{" not in t and "}}" not in t)


@settings(max_examples=300, deadline=None)
@given(_AROUND, _AROUND.filter(lambda t: "\n" not in t and not t.endswith("}")), _AROUND)
def test_anki_cloze_has_exactly_one_deletion_holding_the_gap(before: str, gap: str, after: str) -> None:
    field = cloze_field(f"{before} {{{{{gap}}}}} {after}")
    deletions = re.findall(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", field, flags=re.S)
    assert [(n, hint) for n, _, hint in deletions] == [("1", "")]
    assert html.unescape(deletions[0][1]).replace("<br>", "\n") == unicodedata.normalize("NFC", gap)
    assert set(_shape(field).tags) <= {"br"}


def _bank(payload: str) -> Bank:
    facts = []
    for i in range(8):
        facts.append(Fact(id=f"d{i}", kind="date", question=f"When did {payload} happen {i}?", answer=str(1900 + i),
                          when=str(1900 + i), cloze=f"{payload} happened in {{{{{1900 + i}}}}}.",
                          source=Source("doc", f"{payload} happened in {1900 + i}.")))
        facts.append(Fact(id=f"p{i}", kind="person", question=f"Who led {payload} {i}?", answer=f"Person {i}",
                          cloze=f"{{{{Person {i}}}}} led {payload}.", source=Source("doc", f"Person {i} led it.")))
    return Bank(id="fuzz", title=f"Test {payload}", sources={"doc": DocSource(title=payload)},
                people=[Person(name=f"Person {i}", role=f"{payload} leader {i}") for i in range(8)],
                works=[Work(title=f"Book {i}", author=f"Person {i}") for i in range(3)], facts=facts)


def _render_all(payload: str) -> list[str]:
    plan = build_plan(_bank(payload), 2, 6, 1)
    templates = Templates()
    return [templates.render(d.template, **d.context) for d in plan_documents(plan, Path("out"), study_sheet=True)]


_BENIGN = [_shape(h).tags for h in _render_all("x")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_HOSTILE)
def test_worksheet_html_keeps_its_shape_whatever_the_text(payload: str) -> None:
    for markup, benign in zip(_render_all(payload), _BENIGN, strict=True):
        shape = _shape(markup)
        # a long label takes more lines on the study sheet's SVG timeline: one <text> per line; every
        # other tag, and their order, is the same whatever the text
        assert [t for t in shape.tags if t != "text"] == [t for t in benign if t != "text"]
        assert shape.tags.count("text") >= benign.count("text")
        assert "script" not in shape.tags


def test_a_long_timeline_label_takes_more_lines_not_other_tags() -> None:
    """Found by the test above: 66 characters of '<' and '<script>' wrapped a timeline label onto two lines."""
    payload = "<<<<<<<<<<<<<<<<<<script><script><script><script><script><script>"
    study = _render_all(payload)[-1]
    shape = _shape(study)
    assert "script" not in shape.tags
    assert payload in "".join(shape.text).replace("\n", "")  # shown as text, escaped
    assert shape.tags.count("text") > _BENIGN[-1].count("text")
