"""Clause -> natural question: "Mercader fatally struck Trotsky on August 20, 1940" ->
"When did Mercader fatally strike Trotsky?". Also the candidate record every fact kind produces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from .clauses import Clause, Parse, Unit
from .entities import Entity
from .lexicon import AUXILIARIES, CONJUNCTIONS, DETERMINERS, PREPOSITIONS, STOPWORDS, TITLES
from .morph import PARTICIPLE_TO_PAST, PAST_TO_BASE, base_of_past
from .names import Mention
from .sentences import Sentence
from .units import _is_participle

_DANGLING: Final = (
    PREPOSITIONS
    | CONJUNCTIONS
    | DETERMINERS
    | {"that", "which", "who", "whom", "to", "as", "than", "not", "also", "then"}
)
_PLURAL_DET: Final = {"these", "those", "many", "several", "both", "two", "three", "some"}


@dataclass(slots=True)  # (slots: one is made per question, and the pipeline reads their fields often)
class Candidate:
    kind: str
    question: str
    answer: str
    sentence: Sentence
    gap: tuple[int, int]  # the answer's span in sentence.fixed, for the cloze
    confidence: float
    accept: list[str] = field(default_factory=list)
    when: str | None = None
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    rule: str = ""

    # (written out: compiled by mypyc, this __init__ is native code; the one @dataclass writes is not)
    def __init__(self, kind: str, question: str, answer: str, sentence: Sentence, gap: tuple[int, int],
                 confidence: float, accept: list[str] | None = None, when: str | None = None,
                 tags: list[str] | None = None, note: str | None = None, rule: str = "") -> None:
        self.kind = kind
        self.question = question
        self.answer = answer
        self.sentence = sentence
        self.gap = gap
        self.confidence = confidence
        self.accept = [] if accept is None else accept
        self.when = when
        self.tags = [] if tags is None else tags
        self.note = note
        self.rule = rule

    @property
    def cloze(self) -> str:
        s, e = self.gap
        text = self.sentence.fixed
        return (text[:s] + "{{" + text[s:e] + "}}" + text[e:]).strip()


@dataclass(slots=True)
class Context:
    """What a question builder may need beyond the clause: who 'he' is, how to name an entity."""

    he: Entity | None = None  # the person a 'he'/'she' subject most likely is
    he_certain: bool = False  # named in this or the previous sentence

    # (written out: compiled by mypyc, this __init__ is native code; the one @dataclass writes is not)
    def __init__(self, he: Entity | None = None, he_certain: bool = False) -> None:
        self.he = he
        self.he_certain = he_certain


def short_name(ent: Entity) -> str:
    """How the documents usually call an entity ('Trotsky' rather than 'Leon Trotsky')."""
    return getattr(ent, "short", None) or ent.name


def entity_of(u: Unit) -> Entity | None:
    if u.kind == "name":
        ref = u.ref
        # the exact class first: the common case costs no call (this runs for every name in several rules)
        if ref.__class__ is Mention or isinstance(ref, Mention):
            ent = ref.entity
            if ent is not None and (ent.__class__ is Entity or isinstance(ent, Entity)):
                return ent
    return None


def render(units: list[Unit], parse: Parse, lower_first: bool = True) -> str:
    """The units as text, keeping the sentence's own spacing between neighbours."""
    if not units:
        return ""
    text = parse.parsed.sentence.fixed  # parse.text, without the property call
    sentence_units = parse.units
    res = ""
    prev: Unit | None = None
    prev_k: int | None = None  # the previous unit's index in the sentence (-1: not in it), worked out when needed
    for u in units:
        piece = u.text
        if lower_first and u.first and u.kind == "word" and piece[:1].isupper() \
                and not (piece.isupper() and len(piece) > 1) \
                and not (u.low in TITLES and parse.index_maps()[1].get(id(u))):  # "General William T. Sherman"
            piece = piece[:1].lower() + piece[1:]
        k: int | None = None
        if prev is not None:
            if prev_k is None:
                try:
                    prev_k = sentence_units.index(prev)  # units compare by identity
                except ValueError:
                    prev_k = -1
            try:  # neighbours in the sentence: u is the unit right after prev
                adjacent = prev_k >= 0 and sentence_units[prev_k + 1] is u
            except IndexError:
                adjacent = False
            if adjacent:
                k = prev_k + 1
                gap = text[prev.end : u.start]  # their own spacing, unless it holds text
                if gap == " " or gap == "" or not gap.strip():
                    res += gap
                elif u.text not in ",;:":
                    res += " "
            elif u.text not in ",;:":
                res += " "
        res += piece
        prev = u
        prev_k = k
    return res.strip()


_SPACE_BEFORE: Final = tuple((" " + p, p) for p in ",;:.!?")
_DOUBLE_COMMA: Final = re.compile(r",\s*,")


def tidy(question: str) -> str:
    """Capitalise, drop dangling words and stray punctuation, end with one question mark."""
    q = " ".join(question.split())  # runs of whitespace -> one space, ends stripped
    # the only whitespace left is single spaces: a space before punctuation is one " ," pair
    if " ," in q or " ;" in q or " :" in q or " ." in q or " !" in q or " ?" in q:
        for spaced, p in _SPACE_BEFORE:
            q = q.replace(spaced, p)
    if '"' in q or "“" in q or "”" in q:
        q = q.replace('"', "").replace("“", "").replace("”", "")
    q = q.rstrip(" ,;:.!?—–-")
    if "," in q and q.count(",") > 1:
        q = _DOUBLE_COMMA.sub(",", q)
    return q[:1].upper() + q[1:] + "?"


def subject_text(clause: Clause, parse: Parse, ctx: Context) -> tuple[str, float] | None:
    """The subject as the question should name it, and a confidence factor (pronouns cost)."""
    # several rules ask for the same clause's subject: computed once per clause and context
    cache = parse._subject_texts
    if cache is None:
        cache = parse._subject_texts = {}
    key = id(clause)
    hit = cache.get(key)
    if hit is not None and hit[0] is clause and hit[1] is ctx.he and hit[2] == ctx.he_certain:
        return hit[3]
    got = _subject_text(clause, parse, ctx)
    cache[key] = (clause, ctx.he, ctx.he_certain, got)
    return got


_PRONOUN_SUBJECTS: Final = frozenset({"it", "they", "this", "these", "those", "which", "one", "we", "i", "you"})


def _subject_text(clause: Clause, parse: Parse, ctx: Context) -> tuple[str, float] | None:
    subj = clause.subject
    if not subj:
        return None
    if len(subj) == 1:
        head = subj[0]
        if head.is_word and head.low in ("he", "she"):
            return _he_text(clause, parse, ctx)
        if head.is_word and head.low == "it":
            return _it_text(clause, parse)
        if head.is_word and head.low in _PRONOUN_SUBJECTS:
            return None
        return render(subj, parse), 1.0
    # "Spanish communist Ramon Mercader" -> "Ramon Mercader": the descriptor is a role, not part of the name
    last = subj[-1]
    last_ent = entity_of(last)
    if (
        last_ent is not None
        and last_ent.kind == "person"
        and all(
            u.is_word and (u.text[:1].islower() or u.first)
            or u.kind == "name" and isinstance(u.ref, Mention) and u.ref.modifier
            for u in subj[:-1]
        )
        and subj[0].low not in DETERMINERS
    ):
        return last.text, 1.0
    return render(subj, parse), 1.0


def _he_text(clause: Clause, parse: Parse, ctx: Context) -> tuple[str, float] | None:
    """The person an earlier clause of this sentence named is the likeliest 'he'."""
    for c in parse.clauses:
        if c is clause:
            break
        ent = entity_of(c.subject[-1]) if c.subject and len(c.subject) <= 4 else None
        if ent is not None and ent.kind == "person":
            return short_name(ent), 1.0
    if ctx.he is None:
        return None
    return short_name(ctx.he), 1.0 if ctx.he_certain else 0.65


def _it_text(clause: Clause, parse: Parse) -> tuple[str, float] | None:
    """'The Assembly abolished ..., and on August 26 it adopted ...': 'it' is the earlier named subject."""
    for c in parse.clauses:
        if c is clause:
            break
        ent = entity_of(c.subject[-1]) if c.subject else None
        if ent is not None and ent.kind in ("term", "event", "place", "work") and c.ok:
            return render(c.subject, parse), 0.9
    return None


def plural(units: list[Unit]) -> bool:
    if not units:
        return False
    if any(u.is_word and u.low == "and" for u in units):
        return True
    head = units[0]
    if head.is_word and head.low in _PLURAL_DET or head.kind == "num" and head.text not in ("1", "one"):
        return True
    last = units[-1]
    return last.kind in ("word", "name") and last.low.endswith("s") and not last.low.endswith(("ss", "us", "is"))


def base_verb(word: str) -> str | None:
    w = word.lower()
    if w in PARTICIPLE_TO_PAST:
        past = PARTICIPLE_TO_PAST[w]
        return PAST_TO_BASE.get(past, base_of_past(past))
    return base_of_past(w)


def rest_units(clause: Clause, drop: set[int], parse: Parse, limit: int = 18) -> list[Unit]:
    """The clause after its verb, without the answer's phrase, cut to a readable length."""
    rest = clause.rest
    if drop:
        ids = list(map(id, rest))
        end = len(rest)
        dropped_last = False
        kept = False
        for k, uid in enumerate(ids):
            if uid in drop:
                dropped_last = True
                continue
            # "arrested [in July 1794] and executed the next day": the second verb is another fact
            if dropped_last and rest[k].low in ("and", "but") and k + 1 < end and _is_participle(rest[k + 1]) \
                    and kept:
                end = k
                break
            dropped_last = False
            kept = True
        out = [u for u, uid in zip(rest[:end], ids, strict=False) if uid not in drop]
    else:
        out = rest[:]  # nothing dropped: the whole rest
    if len(out) > limit:
        cut = next(
            (
                k
                for k in range(8, len(out))
                if out[k].is_word and out[k].low in ("that", "which", "who", "while", "because") or out[k].text in ",;"
            ),
            limit,
        )
        out = out[:cut]
    while out and (out[-1].is_word and out[-1].low in _DANGLING or out[-1].kind == "punct"):
        out.pop()
    return out


def _coordinated_bases(units: list[Unit], parse: Parse) -> str:
    """'and resumed life' -> 'and resume life' after 'did': coordinated past verbs take the base form."""
    pieces = render(units, parse)
    words = pieces.split(" ")
    if "and" not in words and "or" not in words:
        return pieces  # nothing coordinated (joining the words again gives the same text)
    for k in range(len(words) - 1):
        if words[k] in ("and", "or") and k + 1 < len(words):
            j = k + 1
            while j < len(words) - 1 and (
                words[j].endswith("ly") or words[j] in ("always", "never", "later", "also", "then", "soon")
            ):
                j += 1
            w = words[j]
            if w.islower() and (w.endswith("ed") or w in PAST_TO_BASE) and w not in STOPWORDS:
                base = base_verb(w)
                if base:
                    words[j] = base
    return " ".join(words)


def _been_at(rest: list[Unit]) -> int | None:
    """Index of 'been' in 'had (already) been ...', or None."""
    for k, u in enumerate(rest[:3]):
        if u.low == "been":
            return k
        if u.low not in ("already", "long", "never", "just", "also"):
            return None
    return None


_BARE_AUXILIARIES: Final = frozenset(AUXILIARIES - {"had", "has", "have", "did", "does", "do"})


_NOT_PREDICATE: Final = frozenset(DETERMINERS | PREPOSITIONS | CONJUNCTIONS | STOPWORDS)


def _predicate_tail(clause: Clause, parse: Parse) -> list[Unit]:
    """The rest of a list of predicates a comma cut off the clause: 'about 23,000 men were killed[, wounded or
    missing in a single day]' (without it, a question about the men 'killed' asks for a wrong number)."""
    last = clause.rest[-1] if clause.rest else clause.verb
    if last is None or last.kind != "word" or not (last is clause.verb or _is_participle(last)):
        return []
    units = parse.units
    try:  # (a scan in C: cheaper than the maps of all the units when a sentence asks this once or twice)
        k = units.index(last)  # units compare by identity
    except ValueError:
        return []
    if k + 3 >= len(units) or units[k + 1].text != ",":
        return []
    nxt = units[k + 2]
    if not (
        nxt.kind == "word"
        and nxt.text.islower()
        and nxt.low not in _NOT_PREDICATE
        and units[k + 3].low in ("or", "and", ",")
        and (_is_participle(nxt) or units[k + 3].low != ",")
    ):
        return []
    j = k + 3
    while j < len(units) and units[j].low not in ("or", "and"):
        j += 1
    while j < len(units) and units[j].kind != "punct":
        j += 1
    return units[k + 1 : j]


def inverted(clause: Clause, parse: Parse, subj: str, drop: set[int]) -> str | None:
    """'did Trotsky secure permission to move to France' (no wh-word yet); None if not possible."""
    rest = rest_units(clause, drop, parse)
    cut = _predicate_tail(clause, parse)
    if cut:
        rest = [*rest, *(x for x in cut if id(x) not in drop)]
    adverbs = render(clause.adverbs, parse) if clause.adverbs else ""
    if clause.passive_of is not None:  # clause.passive, without the property call
        aux = "were" if plural(clause.subject) else "was"
        verb = clause.verb.text if clause.verb else ""
        body = [aux, subj, adverbs, verb, render(rest, parse)]
    elif clause.aux is not None:
        aux = clause.aux.low
        if aux == "had" and rest and _is_participle(rest[0]):
            base = base_verb(rest[0].text)  # "had met and married" -> "did meet and marry"
            if not base:
                return None
            body = ["did", subj, adverbs, base, _coordinated_bases(rest[1:], parse)]
        elif aux in ("had", "has", "have") and (k := _been_at(rest)) is not None:
            # "had already been purged" -> "were the Girondins already purged"
            body = ["were" if plural(clause.subject) else "was", subj, adverbs, render(rest[:k], parse),
                    render(rest[k + 1 :], parse)]
        elif (
            aux in ("had", "has", "have")
            and rest
            and rest[0].low in ("already", "long", "never", "just")
            and len(rest) > 1
            and _is_participle(rest[1])
        ):
            base = base_verb(rest[1].text)
            body = [
                "did",
                subj,
                adverbs,
                render(rest[:1], parse),
                base or rest[1].text,
                _coordinated_bases(rest[2:], parse),
            ]
        elif clause.object_np and rest:
            # "would later chronicle [events] in ...": the object goes back after the verb
            k = next(
                (
                    i
                    for i, u in enumerate(rest)
                    if u.is_word and u.low not in ("later", "also", "then", "never", "soon", "not")
                ),
                0,
            )
            body = [
                aux,
                subj,
                adverbs,
                render(rest[: k + 1], parse),
                render(clause.object_np, parse),
                render(rest[k + 1 :], parse),
            ]
        else:
            body = [aux, subj, adverbs, render(rest, parse)]
    elif clause.verb is not None:
        base = base_verb(clause.verb.text)
        if not base or clause.verb.low in _BARE_AUXILIARIES:
            return None
        if clause.object_np:
            obj = render(clause.object_np, parse)
            body = ["did", subj, adverbs, base, obj, _coordinated_bases(rest, parse)]
        else:
            body = ["did", subj, adverbs, base, _coordinated_bases(rest, parse)]
    else:
        return None
    return " ".join(filter(None, body))  # the non-empty parts


def as_subject_question(wh: str, clause: Clause, parse: Parse, drop: set[int], tail: str = "") -> str | None:
    """'Who fatally struck Trotsky with an ice pick?': the answer was the subject."""
    rest_list = rest_units(clause, drop, parse)
    cut = _predicate_tail(clause, parse)
    if cut:
        rest_list = [*rest_list, *(x for x in cut if id(x) not in drop)]
    rest = render(rest_list, parse)
    adverbs = render(clause.adverbs, parse) if clause.adverbs else ""
    if clause.passive_of is not None:  # clause.passive, without the property call
        aux = "were" if wh.lower().startswith("which") and plural(clause.subject) else "was"
        verb = clause.verb.text if clause.verb else ""
        body = [wh, aux, adverbs, verb, rest, tail]
    elif clause.aux is not None:
        body = [wh, clause.aux.text.lower(), adverbs, rest, tail]
    elif clause.verb is not None:
        body = [wh, adverbs, clause.verb.text.lower(), rest, tail]
    else:
        return None
    return " ".join(filter(None, body))  # the non-empty parts


