"""The reading stage's fast searches agree with the plain definitions they stand for (word lists, substring tests)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.extract import analysis, tokens, topic, units
from quizgen.extract.folding import fold
from quizgen.extract.lexicon import AUXILIARIES, ED_VERBS_AFTER_SUBJECT, NOT_VERBS_ED, REPORTING, STOPWORDS
from quizgen.extract.morph import IRREGULAR_PARTICIPLE, IRREGULAR_PAST

_PIECES = ["I", "i", "I'd", "we", "We", "WE", "you're", "your", "my", "mine", "he", "she", "his", "her", "him",
           "ſhe", "hıs", "1848", "2012", "21848", "x1848", "1848s", "credit:", "www.", ".com", "votes,", "Ed",
           "worked", "goes", "class", "bus", "is", "was", "ran", "US ARMY NOW", "NASA", "It", "'", "’", "-",
           "é", "ǅ", "K", "_", "?", "!", "\"", "“", "—", " ", "\n", "a", "the", "author of.", "perhaps"]
_text = st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=12).map(
    lambda parts: "".join(p + (" " if k % 3 else "") for k, p in enumerate(parts)))


def _plain_has_verb(low: str) -> bool:
    for w in re.findall(r"[a-z]+", low):
        if w in topic._VERB_WORDS or len(w) >= 4 and w.endswith("ed") or len(w) >= 4 and w.endswith("s") \
                and not w.endswith(("ss", "us", "is")):
            return True
    return False


def _plain_first_second(text: str) -> bool:
    words = set(re.findall(r"(?:I(?<![\w']I)|[a-z'](?<![\w'][a-z'])[a-z']*)(?![\w'])", text))
    first = re.match(r"\W*([A-Za-z']+)", text)
    if first:
        words.add(first.group(1).lower())
    return bool(words & topic._FIRST_SECOND)


@settings(max_examples=300, deadline=None)
@given(_text)
def test_searches_match_their_definitions(text: str) -> None:
    low = text.lower()
    assert topic._has_verb(low) == _plain_has_verb(low)
    assert bool(topic._FIRST_SECOND_RE.search(text) or topic._FIRST_WORD_FIRST_SECOND.match(text)) \
        == _plain_first_second(text)
    assert bool(topic._OTHER_CUES_RE.search(low)) == any(c in low for c in topic._OTHER_CUES)
    assert topic.YEAR.findall(text) == re.findall(r"\b(1\d{3}|20\d{2})\b", text)
    assert bool(topic._SHOUT.search(text)) == bool(re.search(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}\b", text))
    assert bool(analysis._HE.search(text)) == bool(re.search(r"\b(?:h(?:e|er|i[ms])|she)\b", text, re.IGNORECASE))
    assert topic.content_stems(text) == {topic.stem(w) for w in re.findall(r"[a-z][a-z'-]{2,}", fold(text))
                                         if w not in STOPWORDS}


def test_examples() -> None:
    assert topic._has_verb("the treaty was signed") and not topic._has_verb("the class of the bus")
    assert _plain_first_second("In my view it rained") and topic._FIRST_SECOND_RE.search("In my view it rained")
    assert topic._FIRST_WORD_FIRST_SECOND.match("“My tale begins") and not topic._FIRST_SECOND_RE.search("My Life")
    assert topic.years_in("In 1848 and 2012, not 21848 or 1848s") == [1848, 2012]


def _reference_flags(text: str) -> int:
    """units' spelling bits by their definitions: the token tests of tokens.py and the lexicon's tables."""
    if text in units.SEGMENT_PUNCT:
        return units._SEPARATOR
    if len(text) == 1 and text in units._DROPPED:
        return units._DROPPED_MARK
    low = text.lower()
    flags = 0
    if tokens._finite_word(text):
        flags |= units._FINITE | units._FINITE_CUE
    if flags or tokens._past_word(text):
        flags |= units._VERB
    if low in REPORTING:
        flags |= units._FINITE_CUE | units._REPORTING_VERB
    if low in ED_VERBS_AFTER_SUBJECT:
        flags |= units._FINITE_CUE | units._ED_AFTER_SUBJECT
    if text[:1].islower() and (low in IRREGULAR_PARTICIPLE or (low.endswith("ed") and len(low) > 4)):
        flags |= units._PARTICIPLE
    if low in units._OPENERS:
        flags |= units._OPENER
    return flags


_LEXICON_WORDS = sorted(AUXILIARIES | NOT_VERBS_ED | IRREGULAR_PAST | IRREGULAR_PARTICIPLE | REPORTING
                        | ED_VERBS_AFTER_SUBJECT | units._OPENERS)
_spelling = st.tuples(
    st.sampled_from(_LEXICON_WORDS) | st.text("abcdeflnorstuyz-'ſİı", min_size=1, max_size=7),
    st.sampled_from(["", "ed", "d", "s", "-led"]),
    st.sampled_from([str, str.upper, str.capitalize]),
).map(lambda t: t[2](t[0] + t[1]))


@given(_spelling | st.sampled_from(sorted(units.SEGMENT_PUNCT) + list(units._DROPPED)))
@settings(max_examples=400)
def test_unit_spelling_bits_match_the_token_tests(text: str) -> None:
    # units.py works its bits out without calling tokens' verb tests (cold cached calls cost more than the
    # test): a change to those tests must be made there too, and this catches it
    assert units._flags_of(text) == _reference_flags(text), text
