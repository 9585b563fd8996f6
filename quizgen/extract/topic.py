"""Which sentences are the document's own prose: boilerplate cues, and a topic model of the document.

Two filters. Cues catch web furniture whatever the topic ("cookies", "sign up", "this answer", a
question ending in "?"). The topic model is the document's own: its central entities (names that
recur) and central vocabulary (content words that recur); a sentence sharing nothing with either is
off-topic ("Do I need a thermal expansion tank...", an SQL error message).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import chain, filterfalse
from typing import Final

from .folding import fold
from .lexicon import AUXILIARIES, BOILERPLATE, FIRST_SECOND_PERSON, HEDGES, STOPWORDS
from .morph import IRREGULAR_PAST
from .sentences import Sentence
from .wordtrie import alternation


def _bounded_words(words: Iterable[str], before: str, after: str) -> str:
    """Regex source matching any of `words` literally, not preceded by a character of class `before` nor
    followed by one of `after`. Each word's boundary test comes after its first letter, so the engine
    scans for the few first letters fast (worth it when they are few: "I", "we", "you"...)."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        by_first.setdefault(w[0], []).append(w[1:])
    alts = []
    for c, rests in by_first.items():
        first = re.escape(c)
        tails = [r for r in rests if r]
        tail = alternation(tails) if tails else ""
        if tails and "" in rests:
            tail = f"(?:{tail})?"
        alts.append(f"{first}(?<!{before}{first}){tail}")
    return "(?:" + "|".join(alts) + f")(?!{after})"


def _gate_word(phrase: str) -> str:
    """A run of [a-z] of a phrase, the one least likely in prose: not a stopword if it can, then the longest."""
    return max(re.findall("[a-z]+", phrase.lower()), key=lambda w: (w not in STOPWORDS, len(w)))


_WORD: Final = re.compile(r"[a-z][a-z'-]{2,}")
_LETTERS3: Final = re.compile(r"[a-z]{3,}")
_ANAPHORIC: Final = re.compile(r"(?:The|This|These|That|Those|It|He|She|They|His|Her|Their|Its)\s")
# \b(1\d{3}|20\d{2})\b, with the boundary test after the first digit: the engine scans for "1" and "2" fast
YEAR: Final = re.compile(r"(1(?<!\w1)\d{3}|2(?<!\w2)0\d{2})\b")
_HEDGE_RE: Final = re.compile(r"\b" + alternation(HEDGES) + r"\b")
_WORD_CUES: Final = sorted((b for b in BOILERPLATE if b[0].isalnum() and b[-1].isalnum()), key=len, reverse=True)
_BOILER_RE: Final = re.compile(r"(?<![\w-])" + alternation(_WORD_CUES) + r"(?![\w-])")
_OTHER_CUES: Final = tuple(b for b in BOILERPLATE if not (b[0].isalnum() and b[-1].isalnum()))
_BOILER_GATE: Final = frozenset(map(_gate_word, _WORD_CUES))
_HEDGE_GATE: Final = frozenset(map(_gate_word, HEDGES))


def _anchored_on_punctuation(cues: Iterable[str]) -> str:
    """Regex source for `any(c in text for c in cues)`, each cue found from a punctuation mark it has
    ("credit:" as a ":" preceded by "credit"): the engine scans for the few marks, not for every letter."""
    alts: dict[str, list[str]] = {}
    for cue in cues:
        # each cue begins or ends with a character that is not a letter or digit: a mark, rarely a space
        i = max((k for k, c in enumerate(cue) if not c.isalnum()), key=lambda k: (not cue[k].isspace(), k))
        after = f"(?={re.escape(cue[i + 1:])})" if cue[i + 1:] else ""
        alts.setdefault(cue[i], []).append(f"(?<={re.escape(cue[:i + 1])}){after}")
    return "|".join(re.escape(mark) + "(?:" + "|".join(parts) + ")" for mark, parts in alts.items())


_OTHER_CUES_RE: Final = re.compile(_anchored_on_punctuation(_OTHER_CUES))
# "I demand ..." after a dash is speech the sentence reports; "if you read X" is the generic you.
_SPEECH: Final = re.compile(r"\s—\s*(?=I\b)[^—]*")
_REGNAL: Final = re.compile(r"I(?<=[a-z] I)\b(?= [a-z])")  # "Elizabeth I ruled": a numeral, not the pronoun
_GENERIC_YOU: Final = re.compile(r"\bif you\b", re.IGNORECASE)
_QUOTED: Final = re.compile(r"[\"“][^\"”]*[\"”]")
_SHOUT: Final = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]+(?:\s+[A-Z]{2,}){2,}\b")  # \b[A-Z]{2,}...: capitals scan fast
# bytes -> "A" for an ASCII capital, " " for any other: a shout needs two capitals in a row (in UTF-8 too, as
# no byte of a non-ASCII character, nor of a lone surrogate, is ASCII), which most sentences lack: a translation
# finds out faster
_CAPITALS: Final = bytes(65 if 65 <= c <= 90 else 32 for c in range(256))
_VERB_WORDS: Final = AUXILIARIES | IRREGULAR_PAST | {"will", "can", "may", "shall", "must"}
# a word (a run of [a-z]) of 4+ letters ending in "ed", or in "s" but not "ss", "us", "is"
_VERB_ENDING: Final = re.compile(r"[a-z][a-z](?:ed|[a-hj-rtv-z]s)(?![a-z])")
_VERB_WORD_SET: Final = frozenset(w for w in _VERB_WORDS if re.fullmatch("[a-z]+", w))
_VERB_WORD: Final = re.compile(r"(?<![a-z])" + alternation(_VERB_WORD_SET) + r"(?![a-z])")


_QUESTION_END: Final = re.compile(r"\?[\"”']?$")
_DANGLING_END: Final = re.compile(r"\b(?:of|the|a|for|to|and|by)\W*$")
_CONTINUATION: Final = re.compile(r"^(?:and|but|so|which|because|or)\b")


def _has_verb(low: str) -> bool:
    """Any word that can be a finite verb: a sentence without one is a heading or a fragment."""
    # (two searches, not a loop over the words: most sentences have an "-ed" or "-s" word)
    return _VERB_ENDING.search(low) is not None or _VERB_WORD.search(low) is not None


# ASCII bytes -> the letters, lower-cased, and a space for every other byte (translate() deletes the apostrophe)
_LOWER_LETTERS: Final = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


def words_of(s: Sentence) -> list[str] | None:
    """The runs of [a-z] of s.fixed lower-cased with its apostrophes deleted; None for a non-ASCII text.

    Read once per text and kept on the sentence: the cue, topic and stance filters all need the words (a
    repair in between changes a few sentences' text, and those are read again)."""
    text = s.fixed
    read = s.words
    if read is not None and read[0] == text:
        return read[1]
    # (a byte translation and a split, in C: no regex, no lower())
    words = text.encode().translate(_LOWER_LETTERS, b"'").decode().split() if text.isascii() else None
    s.words = (text, words)
    return words


def _plain_words(s: Sentence) -> list[str] | None:
    """words_of(s) when they are the [a-z] runs of s.fixed.lower() (no apostrophe deleted), else None."""
    words = words_of(s)
    return words if words is not None and "'" not in s.fixed else None


def _may_match(gate: frozenset[str], words: list[str] | None) -> bool:
    """Could a regex of phrases, each bounded by non-letters, match a text whose [a-z] runs are `words`?
    Only if one of the phrases' gate words is among them. (None: the runs are unknown, so it may.)"""
    return words is None or not gate.isdisjoint(words)


def _has_verb_in(low: str, words: list[str] | None) -> bool:
    """_has_verb(low), `words` being low's [a-z] runs (or None): a verb word is one of them."""
    if words is None:
        return _has_verb(low)
    return not _VERB_WORD_SET.isdisjoint(words) or _VERB_ENDING.search(low) is not None


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem good enough for overlap: 'Victorians' ~ 'Victoria', 'revolutionary' ~ 'revolution'."""
    w = word.strip("'-")
    if w[-2:] == "'s":
        w = w[:-2]
    n = len(w)
    return w[:7] if n > 7 else w.rstrip("s") if n > 4 else w


def _folded_words(text: str) -> list[str]:
    """_WORD's words of fold(text)."""
    if text.isascii():
        # without folding: fold lowers, drops "'" and makes other punctuation a space, so its words are the
        # runs of 3+ letters of the lowered text without its apostrophes
        return _LETTERS3.findall(text.lower().replace("'", ""))
    return _WORD.findall(fold(text))


_is_stopword = STOPWORDS.__contains__
_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"
_is_short_or_stopword = STOPWORDS.union(_LETTERS, (a + b for a in _LETTERS for b in _LETTERS)).__contains__


def content_stems(text: str) -> set[str]:
    # (filtered and stemmed on the way into the set, in C: no set of the words first)
    return set(map(stem, filterfalse(_is_stopword, _folded_words(text))))


def _content_stems_of(sentences: list[Sentence]) -> list[set[str]]:
    """content_stems of each sentence (in one loop: this runs over every sentence)."""
    out = []
    stem_of = _Stems().__getitem__  # (these documents' words only: a dict lookup per word, in C)
    for s in sentences:
        words = words_of(s)
        if words is not None:
            # the words of _LETTERS3 are these, less those of one or two letters (and the stopwords): their stem
            # is _LEFT_OUT (no word's is), taken out again
            stems = set(map(stem_of, words))
            stems.discard(_LEFT_OUT)
            out.append(stems)
        else:
            out.append(set(map(stem, filterfalse(_is_stopword, _WORD.findall(fold(s.fixed))))))
    return out


_LEFT_OUT: Final = " "  # (no stem of a run of [a-z])


class _Stems(dict[str, str]):
    """stem(word) of words that are runs of [a-z], each worked out when first met (a plain dict: a hit costs
    less than one of stem's lru cache, which keeps its order up to date); _LEFT_OUT for a word of one or two
    letters or a stopword, which content_stems leaves out (one lookup per word, not a filter and a lookup)."""

    def __missing__(self, word: str) -> str:
        # (stem() of a word without apostrophes or dashes: letters only, never _LEFT_OUT; "" for "sssss")
        if _is_short_or_stopword(word):
            out = self[word] = _LEFT_OUT
        else:
            out = self[word] = word[:7] if len(word) > 7 else word.rstrip("s") if len(word) > 4 else word
        return out


def cue_topic(s: Sentence) -> str:
    """Classify by surface cues alone: boilerplate | question | fragment | ok."""
    text = s.fixed.strip()
    low = text.lower()
    words = _plain_words(s)
    # (the word cues' regex only where one of their gate words occurs: most sentences have none)
    if ((_may_match(_BOILER_GATE, words) and _BOILER_RE.search(low)) or _OTHER_CUES_RE.search(low)
            or (b"AA" in text.encode(errors="surrogatepass").translate(_CAPITALS) and _SHOUT.search(text))
            or "@" in text):
        return "boilerplate"
    if "?" in text and (text.endswith(("?", "?)")) or _QUESTION_END.search(text)):
        return "question"
    start = text[:1]
    if not start.isupper() and not start.isdigit() and start not in "\"“'‘":
        return "fragment"  # starts mid-sentence: a scraping remnant
    n = len(text.split(None, 8))  # (only "fewer than 4" and "fewer than 8" matter)
    if n < 4 or not _has_verb_in(low, words):
        return "fragment"
    if n < 8 and (_DANGLING_END.search(low) or text[-1:] not in ".!\"”'’)"):
        return "fragment"
    return "ok"


_FIRST_SECOND: Final = frozenset(FIRST_SECOND_PERSON | {"I"})
# one of _FIRST_SECOND as a whole word (a run of [a-z'], or "I", with no word character or "'" either side):
# (a search for the few words, not a list of every word of the sentence)
_FIRST_SECOND_RE: Final = re.compile(_bounded_words(_FIRST_SECOND, r"[\w']", r"[\w']"))
# the sentence's first word (its first run of [A-Za-z'], after non-word characters), lower-cased, is one of them
_FIRST_WORD_FIRST_SECOND: Final = re.compile(
    r"\W*(?ai:" + alternation(w for w in _FIRST_SECOND if w.islower()) + r")(?![A-Za-z'])")  # (ASCII case only)
_FIRST_SECOND_GATE: Final = frozenset(map(_gate_word, _FIRST_SECOND))


def stance(s: Sentence) -> str:
    """fact | hedged | opinion: only `fact` sentences give candidates."""
    text = s.fixed
    # (the substitutions below only blank parts of the text: its words are a subset of these)
    words = _plain_words(s)
    # each substitution only where its character occurs (most sentences have none of them)
    if " I " in text:
        text = _REGNAL.sub("", text)
    if '"' in text or "“" in text:
        text = _QUOTED.sub(" ", text)
    if "—" in text:
        text = _SPEECH.sub(" ", text)
    low = text.lower()
    if "you" in low:
        text = _GENERIC_YOU.sub(" ", text)
        low = text.lower()
    # "I", "we", "my" (but "My Life" inside a sentence is a title, not the writer speaking)
    if _may_match(_FIRST_SECOND_GATE, words) and (
            _FIRST_SECOND_RE.search(text) or _FIRST_WORD_FIRST_SECOND.match(text)):
        return "opinion"
    if _may_match(_HEDGE_GATE, words) and _HEDGE_RE.search(low):
        return "hedged"
    if "!" in s.fixed and s.fixed.rstrip().endswith("!") and len(s.fixed.split()) < 12:
        return "opinion"
    if _CONTINUATION.match(low):
        return "hedged"
    return "fact"


def years_in(text: str) -> list[int]:
    """The years (1000-2099) a text names, in order."""
    return list(map(int, YEAR.findall(text)))


_NONE: Final[frozenset[str]] = frozenset()


class TopicModel:
    """Central entities and vocabulary of one document, from its own non-boilerplate sentences."""

    def __init__(self, sentences: list[Sentence], names: Mapping[int, AbstractSet[str]],
                 years: dict[int, list[int]] | None = None):
        self.n = max(1, len(sentences))
        # each sentence's years, when the caller has read them already (keyed by sentence index)
        self.years: dict[int, list[int]] = years if years is not None else {}
        stems = _content_stems_of(sentences)
        self.stems: dict[int, set[str]] = {s.index: st for s, st in zip(sentences, stems, strict=True)}
        # (one Counter over all sentences: the same counts, in the same insertion order, as one update each)
        self.df: Counter = Counter(chain.from_iterable(stems))
        self.name_df: Counter = Counter(chain.from_iterable(names.get(s.index, _NONE) for s in sentences))
        # "central": recurs in the document (at least twice, and in the top part of its vocabulary)
        min_df = 2 if self.n < 400 else max(2, int(self.n * 0.004))
        self.central_names = {k for k, c in self.name_df.items() if c >= min_df}
        # the recurring words only (most words occur once, so the filter comes before the sort), by count,
        # ties by the word itself: "first seen" would be the order of a set of strings, which changes with
        # the process's hash seed, and so would the cut at `top` and the sentences it leaves off-topic
        ranked = [w for w, c in self.df.items() if c >= min_df]
        top = max(40, int(math.sqrt(self.n) * 12))
        if len(ranked) > top:
            df = self.df
            ranked.sort(key=lambda w: (-df[w], w))
        self.central_words = set(ranked[:top])
        # the document's own period: a sentence dated inside it belongs to the story
        dated = sorted(y for s in sentences for y in self._years_of(s))
        if len(dated) >= 3:
            lo, hi = dated[len(dated) // 20], dated[(len(dated) * 19) // 20]
            self.period: tuple[int, int] | None = (lo - 10, hi + 10)
        else:
            self.period = None

    def _years_of(self, s: Sentence) -> list[int]:
        years = self.years.get(s.index)
        if years is None:
            years = self.years[s.index] = years_in(s.fixed)
        return years

    def _in_period(self, s: Sentence) -> bool:
        if self.period is None:
            return False
        lo, hi = self.period
        return any(lo <= y <= hi for y in self._years_of(s))

    def score(self, s: Sentence, names: AbstractSet[str]) -> float:
        """How much a sentence shares with the document's centre (0: nothing)."""
        own = self.stems.get(s.index) or content_stems(s.fixed)
        shared_names = len(names & self.central_names)
        # a word counts only if it recurs elsewhere: a sentence cannot make itself central (every central
        # word does: its document frequency is at least min_df, at least 2)
        shared_words = len(own & self.central_words)
        return 2.0 * shared_names + shared_words + (1.0 if self._in_period(s) else 0.0)

    def on_topic(self, s: Sentence, names: AbstractSet[str]) -> bool:
        """Off-topic means sharing nothing: no central name, no central word, no date in the period."""
        # score(s, names) >= 1, without counting: any one of the three is enough
        own = self.stems.get(s.index) or content_stems(s.fixed)
        return (not names.isdisjoint(self.central_names) or not own.isdisjoint(self.central_words)
                or self._in_period(s))


def classify(sentences: Iterable[Sentence], names: Mapping[int, AbstractSet[str]],
             years: dict[int, list[int]] | None = None) -> None:
    """Set `topic` (off-topic by the document's own topic model) on sentences that passed the cues.
    `years`: each sentence's years (years_in) by index, if the caller has them."""
    by_doc: dict[str, list[Sentence]] = {}
    for s in sentences:
        if s.topic == "ok":
            by_doc.setdefault(s.doc, []).append(s)
    for doc_sentences in by_doc.values():
        if len(doc_sentences) < 8:
            continue  # too little text to know its topic: keep it all
        model = TopicModel(doc_sentences, names, years)
        previous_on = False
        for s in doc_sentences:
            own = model.on_topic(s, names.get(s.index, _NONE))
            # "The novel sold 300,000 copies": a sentence that points back continues its neighbour's topic
            if not own and not (previous_on and _ANAPHORIC.match(s.fixed)):
                s.topic = "offtopic"
            previous_on = own
