"""Repairs that need the document's names: lost accents and letters, lost possessive apostrophes.

Never invent: a spelling is only replaced by another spelling the documents themselves use
("Ramn Mercader" -> "Ramon Mercader" because "Ramon Mercader" occurs), and "Trotskys" only becomes
"Trotsky's" when "Trotsky" is a name and the word stands where a possessive stands.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from functools import partial
from itertools import accumulate
from typing import Final

from .folding import strip_accents
from .wordtrie import alternation

_VOWELS: Final = set("aeiouy")


def letter_repairs(runs: list[list[str]]) -> dict[str, str]:
    """From multi-word names, map a damaged spelling to the intact one used with the same neighbours.

    `runs`: the words of each name mention. 'Ramn' -> 'Ramon' when both precede 'Mercader';
    'Ramon' -> 'Ramón' when 'Ramón' occurs with the same neighbours.
    """
    slots: dict[tuple, dict[str, int]] = {}  # (plain dicts: a defaultdict's factory is a call per new key)
    # names recur: each distinct run once, with its count (in the order of first use, as the slots and their
    # variants were filled run by run)
    for run, n in Counter(map(tuple, runs)).items():
        if len(run) < 2:
            continue
        for p, w in enumerate(run):
            context = run[:p] + ("_",) + run[p + 1 :]
            variants = slots.get(context)
            if variants is None:
                slots[context] = {w: n}
            else:
                variants[w] = variants.get(w, 0) + n
    out: dict[str, str] = {}
    for variants in slots.values():
        if len(variants) < 2:
            continue
        names = sorted(variants, key=lambda w: (-sum(ord(c) > 127 for c in w), -variants[w]))
        for a in names:
            for b in names:
                if a == b or a in out:
                    continue
                if _damaged_form_of(a, b):
                    out[a] = b
    return out


def _damaged_form_of(a: str, b: str) -> bool:
    """Is `a` the word `b` with an accent or one letter (an accented vowel, usually) lost?"""
    if strip_accents(a) == strip_accents(b):
        return a == strip_accents(a) and b != strip_accents(b)
    if len(b) != len(a) + 1 or len(a) < 3:
        return False
    for i, ch in enumerate(b):
        if b[:i] + b[i + 1 :] == a:
            return ch.lower() in _VOWELS or ord(ch) > 127 or ch in "'’"
    return False


_CAP_S: Final = re.compile(r"([A-Z](?<![\w'’][A-Z])[a-z]+s)\b(?!['’])")  # lookbehind after the first letter: faster
_PREV_WORD: Final = re.compile(r"([A-Za-z'’]+)\W*$")
_NEXT_WORD: Final = re.compile(r"^\W*([A-Za-z'’]+)")
_Y_AFTER_CONSONANT: Final = re.compile(r"[^aeiou]y$")


def possessive_words(sentences: list, name_words: set[str]) -> set[str]:
    """Capitalised words like 'Trotskys' that are a known name plus a lost apostrophe."""
    out: set[str] = set()
    texts = [s.fixed for s in sentences]
    # One scan of all sentences: "\x00" between two of them reads as the start or end of a string to
    # _CAP_S (not a word character, not an apostrophe); each candidate is then looked at in its sentence.
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    for m in _CAP_S.finditer("\x00".join(texts)):
        word = m.group(1)
        stem = word[:-1]
        if stem not in name_words or word[-2:] == "ss" or len(word) < 4:
            continue
        k = bisect_right(starts, m.start()) - 1
        if _lost_apostrophe(texts[k], m.start() - starts[k], m.end() - starts[k], stem):
            out.add(word)
    return out


def _lost_apostrophe(text: str, start: int, end: int, stem: str) -> bool:
    """Does the name + s at text[start:end] stand where a possessive stands?"""
    plural_impossible = _Y_AFTER_CONSONANT.search(stem) is not None  # "Armys": plural is "Armies"
    before = _PREV_WORD.search(text, 0, start)
    after = _NEXT_WORD.match(text[end : end + 40])
    prev = before.group(1) if before and text[before.end() : start].strip() == "" else None
    nxt = after.group(1) if after and text[end : end + after.start(1)].strip() == "" else None
    if not plural_impossible:
        if prev is not None and (prev[:1].isupper() and prev != "The" or prev.lower() in ("the", "a", "an")):
            return False  # "Roger Williams", "the Bolsheviks"
        if nxt is None or _VERBISH.match(nxt):
            return False  # "Williams founded": a name, not a possessive
    return True


_VERBISH: Final = re.compile(r"^(?:[a-z]+ed|was|were|is|are|had|has|have|did|does|said|says|and|or|of|in|on|at|to|for|"
                      r"by|with|from|as|who|which|that|wrote|led|took|made|won|fought|became)$")


def repairer(letters: dict[str, str], possessives: set[str]) -> Callable[[str], str]:
    """The repairs of a run as one function over a sentence: its regex is built once, not per sentence."""
    if not letters and not possessives:
        return lambda text: text
    # (partials, not closures: compiled, two closures of one scope make a reference cycle)
    return partial(_repair_pattern(letters, possessives).sub, partial(_fixed_word, letters))


def _fixed_word(letters: dict[str, str], m: re.Match[str]) -> str:
    return letters.get(m.group(0)) or m.group(0)[:-1] + "'s"


def _repair_pattern(letters: dict[str, str], possessives: set[str]) -> re.Pattern[str]:
    """One regex for every damaged word: a single pass over each sentence.

    Written as r"\b(?:word|...)\b", but with the first boundary checked behind each word's first letter:
    a pattern that starts with its first letters is scanned from one candidate letter to the next."""
    words = sorted(set(letters) | possessives, key=len, reverse=True)
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    branches = [rf"{re.escape(c)}(?<=\b{re.escape(c)}){alternation(rests)}" for c, rests in sorted(by_first.items())]
    return re.compile("(?:" + "|".join(branches) + r")\b")
