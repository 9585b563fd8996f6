"""The reading stage's fast searches agree with the plain definitions they stand for (word lists, substring tests)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.extract import analysis, topic, units
from quizgen.extract.folding import fold
from quizgen.extract.lexicon import AUXILIARIES, ED_VERBS_AFTER_SUBJECT, NOT_VERBS_ED, REPORTING, STOPWORDS
from quizgen.extract.morph import IRREGULAR_PARTICIPLE, IRREGULAR_PAST, is_past_form
from quizgen.extract.sentences import Sentence, _CapitalisedWords

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
    """units' spelling bits by their definitions: the lexicon's tables and morph's test of a past form."""
    if text in units.SEGMENT_PUNCT:
        return units._SEPARATOR
    if len(text) == 1 and text in units._DROPPED:
        return units._DROPPED_MARK
    low = text.lower()
    flags = 0
    lower_case = text[:1].islower()
    past = lower_case and low not in NOT_VERBS_ED and (low in IRREGULAR_PAST or is_past_form(low) and "-" not in low)
    if past or lower_case and low in AUXILIARIES:  # a finite verb
        flags |= units._FINITE | units._FINITE_CUE | units._VERB
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
def test_unit_spelling_bits_match_their_definitions(text: str) -> None:
    # tokens.py works the bits out from the word lists directly, spelt out for speed: this keeps the
    # spelt-out tests equal to their definitions
    assert units._flags_of(text) == _reference_flags(text), text


# pieces that exercise the gated regexes: their phrases, apostrophes, capitals, non-ASCII letters
_CUE_PIECES = [*topic._WORD_CUES[:40], *sorted(topic.HEDGES)[:40], *sorted(topic._FIRST_SECOND), "don't", "It's",
               "’s", "O'Neill", "well-known", "cookie-policy", "Policy", "PRIVACY", "Ünited", "walked", "gas",
               "Reads", "says", "is"]
_cue_text = st.lists(st.sampled_from(_CUE_PIECES + _PIECES) | st.text(max_size=5), max_size=10).map(
    lambda parts: "".join(p + (" " if k % 4 else "") for k, p in enumerate(parts)))


def _sentence(text: str) -> Sentence:
    return Sentence("d", 0, 0, text, text)


@settings(max_examples=400, deadline=None)
@given(_cue_text)
def test_gate_words_never_skip_a_match(text: str) -> None:
    # topic.py runs a phrase regex only when one of the phrases' gate words is among the sentence's words:
    # wherever the regex would match, the gate must let it run
    s = _sentence(text)
    words = topic.words_of(s)
    if text.isascii():
        assert words == re.findall("[a-z]+", text.lower().replace("'", ""))
    else:
        assert words is None
    plain = topic._plain_words(s)
    low = text.lower()
    if topic._BOILER_RE.search(low):
        assert topic._may_match(topic._BOILER_GATE, plain)
    if topic._HEDGE_RE.search(low):
        assert topic._may_match(topic._HEDGE_GATE, plain)
    if topic._FIRST_SECOND_RE.search(text) or topic._FIRST_WORD_FIRST_SECOND.match(text):
        assert topic._may_match(topic._FIRST_SECOND_GATE, plain)
    assert topic._has_verb_in(low, plain) == topic._has_verb(low)


_CAPITALISED = re.compile(r"([A-Z](?<=[\s(\"“][A-Z])[a-z]+)")


@settings(max_examples=300, deadline=None)
@given(st.lists(_cue_text, max_size=4), st.sampled_from(["Policy", "Reads", "It", "Ünited", "Ab", "Neill", "x"]))
def test_capitalised_words_are_found_as_the_one_pass_would(texts: list[str], word: str) -> None:
    # the words written capitalised anywhere but at a text's start, as one regex pass over all texts finds them
    every = set(_CAPITALISED.findall("\x00".join(texts)))
    assert (word in _CapitalisedWords(texts)) == (word in every)
    for w in list(every)[:5]:
        assert w in _CapitalisedWords(texts)
