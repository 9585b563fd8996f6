"""Works: titles of books and memoirs with their authors and years.

"Trotsky's Results and Prospects (1906)", "his autobiography, My Life", 'his memoirs "Special Tasks"',
"his famed History of the Russian Revolution", "Stalin: A biography by Robert Service".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .entities import Entity, Registry
from .facts import SentenceFacts
from .folding import fold
from .lexicon import WORK_NOUNS
from .questions import entity_of, inverted, short_name, subject_text

_CONNECT: Final = r"(?:and|of|the|in|on|a|an|to|for|at|by|with|from|without|de|la|le|or)"
_TITLE: Final = rf"(?:The\s+|A\s+|An\s+)?[A-Z][\w'’-]*(?:\s+(?:{_CONNECT}\s+)*[A-Z][\w'’-]*)*"
_NAME: Final = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
_NOUNS: Final = "|".join(sorted(WORK_NOUNS, key=len, reverse=True))
_ADJ: Final = (
    r"(?:famed|famous|celebrated|acclaimed|classic|great|monumental|seminal|best-known|influential|last|"
    r"first|final|major|short|long|three-volume|two-volume|unfinished|posthumous|own)"
)

_PATTERNS: Final = [
    # Trotsky's Results and Prospects (1906)
    (
        "poss_year",
        re.compile(
            rf"\b(?P<owner>{_NAME}(?:'s|’s)|[Hh]is|[Hh]er|[Tt]heir)\s+(?P<title>{_TITLE})\s*"
            rf"\((?P<year>\d{{4}})\)"
        ),
    ),
    # his autobiography, My Life / his memoirs "Special Tasks"
    (
        "poss_noun",
        re.compile(
            rf"\b(?P<owner>{_NAME}(?:'s|’s)|[Hh]is|[Hh]er|[Tt]heir)\s+(?:{_ADJ}\s+)?"
            rf"(?P<noun>{_NOUNS}),?\s+[\"“]?(?P<title>{_TITLE})[\"”]?"
        ),
    ),
    # his famed History of the Russian Revolution
    (
        "poss_adj",
        re.compile(
            rf"\b(?P<owner>{_NAME}(?:'s|’s)|[Hh]is|[Hh]er|[Tt]heir)\s+{_ADJ}\s+"
            rf"(?P<title>{_TITLE})"
        ),
    ),
    # The Revolution Betrayed and Stalin by Trotsky / Stalin: A biography by Robert Service
    ("by", re.compile(rf"(?P<title>{_TITLE}(?::\s+[A-Z][^,;:]*?)?)\s+by\s+(?P<author>{_NAME})")),
    # outlined in The Revolution Betrayed
    (
        "in_the",
        re.compile(
            rf"(?<=[a-z,] )(?:in|from|of)\s+(?P<title>The\s+[A-Z][\w'’-]*(?:\s+(?:{_CONNECT}\s+)*"
            rf"[A-Z][\w'’-]*)*)"
        ),
    ),
    # wrote the Ecclesiastical History / published Uncle Tom's Cabin
    (
        "wrote",
        re.compile(
            rf"\b(?:wrote|published|completed|penned|authored|composed)\s+(?:(?:the|a|an|his|her|their)\s+)?"
            rf"(?:(?P<noun>{_NOUNS}),?\s+)?[\"“]?(?P<title>{_TITLE})"
        ),
    ),
    # the pamphlet What Is the Third Estate? / a novel, The X
    (
        "the_noun",
        re.compile(rf"\b(?:the|a|an)\s+(?:{_ADJ}\s+)?(?P<noun>{_NOUNS}),?\s+[\"“]?(?P<title>{_TITLE}\??)[\"”]?"),
    ),
    # Reflections on the Revolution in France (1790)
    ("title_year", re.compile(rf"(?<=[a-z,] )(?P<title>{_TITLE}\??)\s*\((?P<year>\d{{4}})\)")),
    # a book called / entitled / titled X
    ("called", re.compile(rf"\b(?P<noun>{_NOUNS})\s+(?:called|entitled|titled|named)\s+[\"“]?(?P<title>{_TITLE})")),
]
_PAREN_YEAR: Final = re.compile(r"\(\d{4}\)")  # both year patterns need one: "(1906)"
_YEAR_AFTER: Final = re.compile(r"\s*\((\d{4})\)")
_IN_YEAR_AFTER: Final = re.compile(r"\s+in\s+(1\d{3}|20\d{2})\b")
_AND_SPLIT: Final = re.compile(r"\s+and\s+")
_CUE: Final = re.compile(rf"\b(?:read|reads|wrote|written|write|published|book|books|{_NOUNS})\b", re.IGNORECASE)


@dataclass
class FoundWork:
    title: str
    author: str | None
    year: str | None
    noun: str | None
    start: int  # title span in the sentence
    end: int
    author_span: tuple[int, int] | None


_POSSESSIVE_END: Final = re.compile(r"(?:'s|’s)$")


def _author(sf: SentenceFacts, registry: Registry, owner: str) -> tuple[Entity | None, str | None]:
    owner = _POSSESSIVE_END.sub("", owner)
    if owner.lower() in ("his", "her", "their"):
        clause = next((c for c in sf.p.clauses if c.ok and c.subject), None)
        if clause is None:
            return None, None
        named = [entity_of(u) for u in clause.subject]
        person = next((e for e in reversed(named) if e is not None and e.kind == "person"), None)
        if person is not None:  # "The chronicler Orderic Vitalis ... wrote"
            return person, None
        subj = subject_text(clause, sf.p, sf.ctx)
        if subj is None:
            return None, None
        ent = registry.entity(subj[0]) or (sf.ctx.he if subj[0] == (sf.ctx.he and short_name(sf.ctx.he)) else None)
        if ent is None or ent.kind != "person":
            return None, None
        return ent, None
    ent = registry.entity(owner)
    if ent is None or ent.kind != "person":
        return None, None
    return ent, owner


_ADJ_WORDS: Final = set(re.findall(r"[a-z-]+", _ADJ))


_WROTE_WORDS: Final = frozenset({"wrote", "published", "completed", "penned", "authored", "composed"})
_CALLED_WORDS: Final = frozenset({"called", "entitled", "titled", "named"})
# Every byte but a-z becomes a space (UTF-8 writes no such byte inside a non-ASCII character): split() then gives
# the runs of lower-case ASCII letters, the words a cue can be, in C and several times faster than a regex over
# the text ("surrogatepass": any str encodes)
_NOT_LOWER: Final = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
# "a work noun, then a capital" (rf"(?:{_NOUNS}),?\s+[\"“]?[A-Z]") and "an adjective, then a capital"
# (rf"{_ADJ}\s+[A-Z]"), found the other way round: the places a capital follows (a few in a sentence), then
# whether one of the words ends right there (str.endswith, in C). The same answer as those patterns, which
# try their many words at every character (several times slower).
_BEFORE_TITLE: Final = re.compile(r"(?=,?\s+[\"“]?[A-Z])")
_BEFORE_CAPITAL: Final = re.compile(r"(?=\s+[A-Z])")
_NOUN_ENDS: Final = tuple(sorted(WORK_NOUNS))
_ADJ_ENDS: Final = tuple(re.findall(r"[a-z-]+", _ADJ))


def _ends_before(text: str, words: tuple[str, ...], place: re.Pattern[str]) -> bool:
    """Does one of `words` end where `place` matches (the text after it)?"""
    return any(text.endswith(words, 0, m.start()) for m in place.finditer(text))
_BY_NAME: Final = re.compile(r"by\s+[A-Z]")


_BY: Final = frozenset({"by"})
_ANY_CUE: Final = frozenset(WORK_NOUNS | _ADJ_WORDS | _WROTE_WORDS | _CALLED_WORDS | _BY)
_ANY_CUE_BYTES: Final = frozenset(w.encode() for w in _ANY_CUE)


def _patterns_to_try(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """Cheap tests first: most sentences cannot hold a title in the form any pattern looks for.
    The patterns that may match, in their order (an earlier pattern's title wins an overlap)."""
    found = _ANY_CUE_BYTES.intersection(text.encode("utf-8", "surrogatepass").translate(_NOT_LOWER).split())
    cues = {c.decode() for c in found} if found else found
    paren_year = "(" in text and bool(_PAREN_YEAR.search(text))
    in_the = " The " in text
    if not cues and not paren_year and not in_the:
        return []
    # a title starts with a capital letter right after its noun, adjective or 'by'
    work_noun = bool(cues & WORK_NOUNS) and _ends_before(text, _NOUN_ENDS, _BEFORE_TITLE)
    worth = {
        "poss_year": paren_year,
        "poss_noun": work_noun,
        "poss_adj": bool(cues & _ADJ_WORDS) and _ends_before(text, _ADJ_ENDS, _BEFORE_CAPITAL),
        "by": "by" in cues and bool(_BY_NAME.search(text)),
        "in_the": in_the,
        "called": bool(cues & _CALLED_WORDS),
        "wrote": bool(cues & _WROTE_WORDS),
        "the_noun": work_noun,
        "title_year": paren_year,
    }
    return [kp for kp in _PATTERNS if worth[kp[0]]]


def find_works(sf: SentenceFacts, registry: Registry) -> list[FoundWork]:
    text = sf.s.fixed
    found: list[FoundWork] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _patterns_to_try(text):
        for m in pattern.finditer(text):
            if kind in ("by",) and not (
                _CUE.search(text[: m.start()]) or ":" in m.group("title") or m.group("title").startswith("The ")
            ):
                continue
            titles = [(m.group("title"), m.start("title"))]
            if kind == "by" and " and " in m.group("title"):
                t0 = m.start("title")
                titles = []
                for part in _AND_SPLIT.split(m.group("title")):
                    titles.append((part, text.index(part, t0)))
                    t0 = titles[-1][1] + len(part)
            author_ent: Entity | None = None
            author_span = None
            if kind in ("wrote", "the_noun", "title_year"):  # the clause's subject wrote it
                author_ent, _ = _author(sf, registry, "his")
            elif "owner" in m.groupdict() and m.group("owner"):
                author_ent, surface = _author(sf, registry, m.group("owner"))
                if surface:
                    author_span = (m.start("owner"), m.start("owner") + len(surface))
            elif "author" in m.groupdict() and m.group("author"):
                author_ent = registry.entity(m.group("author"))
                if author_ent is not None and author_ent.kind != "person":
                    author_ent = None
                author_span = (m.start("author"), m.end("author"))
            for title, start in titles:
                title = title.strip()
                end = start + len(title)
                if any(s < end and start < e for s, e in taken) or len(title) < 3:
                    continue
                ent = registry.entity(title)
                if ent is not None and ent.kind in ("person", "place") and kind not in ("by", "poss_noun"):
                    continue
                if ent is not None and ent.kind in ("term",) and kind not in ("poss_noun", "poss_year"):
                    continue
                if kind == "in_the" and ent is not None and ent.kind != "work":
                    continue
                if kind in ("wrote", "title_year", "the_noun") and len(title.split()) < 2 and not (
                        ent is not None and ent.kind == "work"):
                    continue  # "wrote Stalin": one capitalised word is too often a name
                taken.append((start, end))
                year = m.groupdict().get("year")
                after = _YEAR_AFTER.match(text, end)
                if year is None and after:  # "the pamphlet What Is the Third Estate? (1789)"
                    year = after.group(1)
                after = _IN_YEAR_AFTER.match(text, end)
                if year is None and kind == "wrote" and after:  # "published Uncle Tom's Cabin in 1852"
                    year = after.group(1)
                found.append(
                    FoundWork(
                        title,
                        author_ent.name if author_ent else None,
                        year,
                        m.groupdict().get("noun"),
                        start,
                        end,
                        author_span,
                    )
                )
    return found


_ARTICLE: Final = re.compile(r"^(?:The|A|An)\s+")
_ARTICLE_START: Final = re.compile(r"^(?:The|A|An)\s")


def work_facts(sf: SentenceFacts, registry: Registry, catalogue: dict[str, FoundWork]) -> None:
    for w in find_works(sf, registry):
        sf.work_spans.append((w.start, w.end))
        key = fold(w.title)
        known = catalogue.get(key)
        if known is None:
            catalogue[key] = w
        else:
            known.author = known.author or w.author
            known.year = known.year or w.year
        gap = (w.start, w.end)
        accept = [_ARTICLE.sub("", w.title)] if _ARTICLE_START.match(w.title) else []
        author_ent = registry.entity(w.author) if w.author else None
        author_name = short_name(author_ent) if author_ent else w.author
        if w.author and not w.author_span and author_ent is not None:
            # "his memoirs": the author is named elsewhere in the sentence
            for form in sorted(author_ent.forms, key=len, reverse=True):
                if form not in sf.s.fixed:  # no need to compile a pattern for it
                    continue
                m = re.search(rf"\b{re.escape(form)}\b", sf.s.fixed)
                if m:
                    w.author_span = (m.start(), m.end())
                    break
        if w.author and w.author_span:
            a_accept = [f for f in author_ent.forms if f != w.author] if author_ent else []
            sf.add("work", f"Who wrote {w.title}", w.author, w.author_span, 0.75, "work-author", a_accept)
        if w.noun and author_name:
            noun = w.noun.lower()
            sf.add("work", f"What is the title of {author_name}'s {noun}", w.title, gap, 0.75, "work-title", accept)
        elif w.year and author_name:
            sf.add("work", f"Which work by {author_name} appeared in {w.year}", w.title, gap, 0.75, "work-year", accept)
        else:
            _work_in_clause(sf, w, gap, accept)
        if w.year:
            ystart = sf.s.fixed.find(w.year, w.end)
            who = f"{author_name}'s " if author_name else ""
            if ystart >= 0:
                sf.add(
                    "date",
                    f"In what year did {who}{w.title} appear",
                    w.year,
                    (ystart, ystart + len(w.year)),
                    0.75,
                    "work-date",
                    when=w.year,
                )


def _work_in_clause(sf: SentenceFacts, w: FoundWork, gap: tuple[int, int], accept: list[str]) -> None:
    """'events he would later chronicle in his famed History of ...' -> 'In which work would Trotsky
    later chronicle events?'"""
    unit = next((u for u in sf.p.units if u.start <= w.start < u.end), None)
    if unit is None:
        return
    clause = sf.clause_with(unit)
    if clause is None or not clause.ok or unit not in clause.rest:  # (units compare by identity)
        return
    idx = clause.rest.index(unit)
    j = idx - 1
    while (
        j >= 0
        and clause.rest[j].is_word
        and clause.rest[j].text[:1].islower()
        and clause.rest[j].low not in ("in", "from", "of", "through", "by")
    ):
        j -= 1
    if j < 0 or clause.rest[j].low not in ("in", "from", "through"):
        return
    subj = subject_text(clause, sf.p, sf.ctx)
    if subj is None:
        return
    drop = {id(x) for x in clause.rest[j : idx + 1]}
    body = inverted(clause, sf.p, subj[0], drop)
    if body:
        sf.add(
            "work",
            f"{clause.rest[j].low.capitalize()} which work {body}",
            w.title,
            gap,
            0.6 * subj[1] * sf.pronoun_factor(clause),
            "work-clause",
            accept,
        )


