"""Shared pieces of the export tests (banks, text strategies, readers), and the tests of the helpers
every export uses: text cleaning, spreadsheet formula neutralising, category paths, deterministic zips."""

from __future__ import annotations

import io
import re
import zipfile
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quizgen.bank import Bank, Fact, Source, load_bank
from quizgen.exports import ExportOptions
from quizgen.exports.common import (
    category_path,
    clean,
    csv_text,
    deterministic_zip,
    html_inline,
    neutralise,
    one_line,
)

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
DATA = Path(__file__).parent / "data" / "exports"

# Characters that mean something to one of the targets, plus right-to-left text, its override mark and
# combining accents; hypothesis mixes them with any other character.
NASTY = list("~=#{}:\\%*[]<>&\"',;|/-+@$\t\n") + ["<script>", "]]>", "\u202e", "\u05e9\u05dc\u05d5\u05dd",
                                                   "\u0627\u0644\u0633\u0644\u0627\u0645", "e\u0301", "\u0308",
                                                   "--", "&amp;", "\\n", "//", "::", "####", "%50%", "\r\n"]
_chars = st.characters(blacklist_categories=("Cs", "Cc"))
field_text = (st.lists(st.one_of(st.text(_chars, min_size=1, max_size=6), st.sampled_from(NASTY)),
                       min_size=1, max_size=8)
              .map(lambda parts: "".join(parts).strip())
              .filter(lambda s: clean(s) != ""))


def deck() -> Bank:
    return load_bank(DECK)


def fact(fid: str = "f1", question: str = "Q?", answer: str = "A", accept: list[str] | None = None,
         quote: str | None = "A quote.", kind: str = "term") -> Fact:
    return Fact(id=fid, kind=kind, question=question, answer=answer, accept=list(accept or []),
                source=Source("seed", quote) if quote is not None else None)


def bank_of(*facts: Fact, title: str = "Test bank", deck_name: str | None = None) -> Bank:
    return Bank(id="test-bank", title=title, deck=deck_name, facts=list(facts))


@contextmanager
def fixed_mc(options: list[str] | None, answer_index: int = 0, question: str | None = None):
    """make_mc answering with the given options for every fact (None: no multiple-choice form).

    The writers' escaping is what these tests are about; the real make_mc is used on the shipped deck."""
    from unittest import mock

    import quizgen.questions as questions

    def make_mc(bank, f, rng, n_options=4, position=None):
        if options is None:
            return None
        return questions.MCQuestion(id=f.id, kind=f.kind, question=question or f.question,
                                    options=list(options), answer_index=answer_index, fact=f)

    with mock.patch.object(questions, "make_mc", make_mc):
        yield


def opts(seed: int = 1) -> ExportOptions:
    return ExportOptions(seed=seed)


def expected(text: str) -> str:
    return clean(text)


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        if tag == "br":
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tags.append("/" + tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(fragment: str) -> tuple[str, set[str]]:
    """The text a browser shows for an HTML fragment, and the tags in it."""
    p = _HTMLText()
    p.feed(fragment)
    p.close()
    return "".join(p.parts), set(p.tags)


def unneutralise(cell: str) -> str:
    return cell[1:] if re.match("'+[=+\\-@\t\r]", cell) else cell


# --- the helpers themselves -------------------------------------------------------------------------

def test_clean_drops_what_xml_cannot_hold_and_unifies_line_breaks() -> None:
    assert clean("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert clean("x\x00y\x1bz\ufffe") == "xyz"
    assert clean("  padded\t") == "padded"
    assert one_line("two\nlines\tand tab") == "two lines and tab"


def test_neutralise_only_touches_formula_starts() -> None:
    for text in ["=1+1", "+44 20", "-5 degrees", "@SUM(A1)", "=HYPERLINK(\"http://x\")"]:
        assert neutralise(text) == "'" + text
        assert unneutralise(neutralise(text)) == text
    for text in ["1917", "a=b", "'quoted'", "Lenin"]:
        assert neutralise(text) == text
    assert neutralise("'=already quoted") == "''=already quoted"
    assert unneutralise(neutralise("'=already quoted")) == "'=already quoted"


def test_csv_text_quotes_and_neutralises() -> None:
    import csv

    out = csv_text([["=cmd|' /C calc'!A0", 'say "hi", then\nleave', 3]], bom=True)
    assert out.startswith("\ufeff") and out.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline="")))
    assert rows == [["'=cmd|' /C calc'!A0", 'say "hi", then\nleave', "3"]]


def test_category_path_from_anki_deck_name() -> None:
    assert category_path(bank_of(deck_name="History::Russia/USSR::Trotsky")) == \
        "$course$/History/Russia//USSR/Trotsky"
    assert category_path(bank_of(title="Plain title")) == "$course$/Plain title"


def test_html_inline_escapes_markup() -> None:
    text, tags = html_text(html_inline("<script>alert('x')</script> & <b>\nnext"))
    assert text == "<script>alert('x')</script> & <b>\nnext"
    assert tags == {"br"}


def test_deterministic_zip_is_byte_identical_and_sorted() -> None:
    entries = [("b.xml", b"<b/>"), ("a/", b""), ("a/c.xml", b"<c/>")]
    first = deterministic_zip(entries)
    assert first == deterministic_zip(list(reversed(entries)))
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert zf.namelist() == ["a/", "a/c.xml", "b.xml"]
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert zf.read("a/c.xml") == b"<c/>"


@given(field_text)
def test_clean_is_idempotent_and_xml_safe(text: str) -> None:
    out = clean(text)
    assert clean(out) == out
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\r]", out)


def test_right_answer_position_is_balanced_over_an_export() -> None:
    """Positions are dealt evenly; options of dates and numbers keep ascending order, so the check runs
    on the other kinds, where make_mc honours the position asked for."""
    from collections import Counter

    from quizgen.exports.common import mc_questions

    bank = deck()
    unordered = ExportOptions(kinds=["person", "place", "work", "term", "event"])
    for seed in range(20):
        unordered.seed = seed
        items = mc_questions(bank, unordered)
        counts = Counter(mc.answer_index for _, mc in items if mc)
        missing = sum(mc is None for _, mc in items)
        assert len(counts) == 4
        assert max(counts.values()) - min(counts.values()) <= 1 + missing
