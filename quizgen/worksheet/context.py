"""What goes on each sheet: the sections of every version, their items and answers, as plain data.

The multiple-choice section is the version of the same code from `build_mc_sets`, so a worksheet and
the MC sets (and their LMS exports) made with one seed are the same test. Like the MC sets, every
version asks the same things in its own order, so marks compare across a class. The other sections are
drawn once from their own seeded generators and keep away from facts the test already asks about: a
fill-in-the-blank sentence must not hand out the answer to question 7.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import zip_longest

from ..bank import Bank, Fact
from ..errors import InputError
from ..questions import cloze_text, matching_pairs, timeline_events
from ..textnorm import fold, fold_loose
from .labels import event_label, filled_cloze, format_when
from .render import letter

SECTIONS = ("mc", "cloze", "matching", "timeline", "short")
# Items per section besides multiple choice (whose count is --questions), and marks per item.
SIZES = {"cloze": 5, "matching": 6, "timeline": 6, "short": 3}
MARKS = {"mc": 1, "cloze": 1, "matching": 1, "timeline": 1, "short": 2}
TITLES = {"mc": "Multiple choice", "cloze": "Fill in the blanks", "matching": "Matching",
          "timeline": "Put the events in order", "short": "Short answer"}
# Short-answer prompts for facts whose answer is a thing worth explaining; people come from bank.people.
SHORT_STEMS = {"term": "Explain what is meant by \u201c{}\u201d.", "event": "What was {}, and why did it matter?",
               "work": "What is \u201c{}\u201d, and who wrote it?"}
MIN_ITEMS = {"mc": 1, "cloze": 2, "matching": 3, "timeline": 3, "short": 1}
SHORT_OPTION = 34  # options no longer than this sit two to a row
WRITING_LINES = 4
TIMELINE_DRAWS = 12


@dataclass
class Item:
    number: int  # printed question number; 0 for timeline events, which the student numbers
    text: str  # the question, the sentence with its blank, the name to match or the event
    answer: str  # as the key prints it
    quote: str | None = None  # the source sentence the answer comes from
    options: list[str] = field(default_factory=list)  # multiple choice
    answer_index: int = 0  # MC option, matching letter, or timeline position (0-based)
    when: str = ""  # timeline events: the date, for the key
    fact_id: str | None = None
    columns: int = 1  # MC options per row
    ref: int = 0  # the same item's number in the first version (the key prints its source there)
    topic: str = ""  # short answer: what the question is about, for the compact key

    @property
    def identity(self) -> str:
        return self.fact_id or self.text

    @property
    def answer_letter(self) -> str:
        return letter(self.answer_index)


@dataclass
class Section:
    kind: str
    number: int
    title: str
    instructions: str
    items: list[Item]
    marks: int
    word_bank: list[str] = field(default_factory=list)  # fill in the blanks
    choices: list[str] = field(default_factory=list)  # matching: the lettered column
    lines: int = WRITING_LINES  # short answer: writing lines per question

    @property
    def order(self) -> list[Item]:
        """Timeline events in the order they happened (the key's view)."""
        return sorted(self.items, key=lambda it: it.answer_index)


@dataclass
class Version:
    code: str
    sections: list[Section]

    @property
    def marks(self) -> int:
        return sum(s.marks for s in self.sections)

    def key_rows(self) -> list[tuple[KeyRow | None, KeyRow | None]]:
        """The compact key as pairs of rows for a two-sided table: whole sections on each side,
        split where the two sides come out most even (a table paginates; CSS columns are slow)."""
        blocks = []
        for s in self.sections:
            rows = [KeyRow("head", text=f"{s.number}. {s.title}")]
            if s.kind == "timeline":
                rows += [KeyRow("item", num=it.answer, text=_clip(f"{it.when}: {it.text}")) for it in s.order]
                rows.append(KeyRow("line", text=", ".join(it.answer for it in s.items)))
            else:
                rows += [KeyRow("item", num=str(it.number),
                                letter=it.answer_letter if s.kind in ("mc", "matching") else "",
                                text=_clip(it.topic or it.text if s.kind in ("matching", "short") else it.answer),
                                ref=str(it.ref or "")) for it in s.items]
            blocks.append(rows)
        total = sum(len(b) for b in blocks)
        best = min(range(len(blocks) + 1), key=lambda i: abs(2 * sum(len(b) for b in blocks[:i]) - total))
        left = [r for b in blocks[:best] for r in b]
        right = [r for b in blocks[best:] for r in b]
        return list(zip_longest(left, right))


def _clip(text: str, width: int = 32) -> str:
    """One line of a compact key: the full text is in the first version's table."""
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


@dataclass
class KeyRow:
    kind: str  # head | item | line (the timeline's numbers as listed)
    text: str
    num: str = ""
    letter: str = ""
    ref: str = ""


@dataclass
class Plan:
    """Everything a run prints, before any template sees it."""

    bank: Bank
    title: str
    seed: int
    versions: list[Version]
    pool: list[Fact]
    dated: list[Fact]  # the facts the key's timeline shows: the chosen tags, any kind
    notes: list[str] = field(default_factory=list)  # sections left out, and why


def parse_sections(value: Sequence[str] | None) -> list[str]:
    if not value:
        return list(SECTIONS)
    out: list[str] = []
    for name in value:
        name = name.strip().lower()
        if name not in SECTIONS:
            raise InputError(f"--sections: unknown section '{name}' (choose from {', '.join(SECTIONS)})")
        if name not in out:
            out.append(name)
    return out


def _pool(bank: Bank, tags: Sequence[str], kinds: Sequence[str]) -> list[Fact]:
    return [f for f in bank.approved()
            if (not tags or set(tags) & set(f.tags)) and (not kinds or f.kind in kinds)]


class _Used:
    """Facts (and source sentences) a version already asks about."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.quotes: set[str] = set()
        self.answers: set[str] = set()

    def free(self, fact: Fact) -> bool:
        quote = fold(fact.source.quote) if fact.source else ""
        return fact.id not in self.ids and not (quote and quote in self.quotes)

    def take(self, fact: Fact) -> None:
        self.ids.add(fact.id)
        if fact.source and fact.source.quote:
            self.quotes.add(fold(fact.source.quote))
        self.answers.update(fold_loose(a) for a in fact.answers)


def _quote(fact: Fact | None) -> str | None:
    return fact.source.quote if fact and fact.source and fact.source.quote else None


def _mc(bank: Bank, questions: list[dict], start: int) -> list[Item]:
    items = []
    for i, q in enumerate(questions):
        fact = bank.fact(q["id"])
        options = list(q["options"])
        short = all(len(o) <= SHORT_OPTION for o in options)
        items.append(Item(number=start + i, text=q["question"], answer=options[q["answer_index"]],
                          quote=_quote(fact), options=options, answer_index=q["answer_index"],
                          fact_id=q["id"], columns=2 if short and len(options) == 4 else 1))
    return items


def _cloze(pool: list[Fact], rng: random.Random, used: _Used) -> list[Item]:
    candidates = [f for f in pool if f.cloze]
    rng.shuffle(candidates)
    items: list[Item] = []
    answers: set[str] = set()
    for fact in candidates:
        made = cloze_text(fact) if used.free(fact) else None
        if not made or fold_loose(made[1]) in answers:  # two blanks with one answer: which goes where?
            continue
        used.take(fact)
        answers.add(fold_loose(made[1]))
        items.append(Item(number=1, text=made[0], answer=made[1], quote=_quote(fact), fact_id=fact.id))
        if len(items) == SIZES["cloze"]:
            break
    return items


def _matching(bank: Bank, rng: random.Random, used: _Used) -> list[Item]:
    pairs: list[tuple[str, str]] = []
    for left, right in matching_pairs(bank, rng, SIZES["matching"] * 3):
        # A description naming an answer asked for elsewhere on the sheet would give it away.
        if fold_loose(left) in used.answers or fold_loose(right) in used.answers:
            continue
        if any(fold(right) == fold(r) or fold(left) == fold(lf) for lf, r in pairs):
            continue  # two identical descriptions: either letter would be right
        pairs.append((left, right))
        if len(pairs) == SIZES["matching"]:
            break
    used.answers.update(fold_loose(left) for left, _ in pairs)
    return [Item(number=1, text=left, answer=right) for left, right in pairs]


def _timeline(bank: Bank, pool: list[Fact], rng: random.Random, used: _Used) -> list[Item]:
    labels: dict[str, str] = {}
    for fact in pool:
        label = event_label(fact) if fact.when_value and used.free(fact) else None
        if label and fold(label) not in {fold(v) for v in labels.values()}:
            labels[fact.id] = label
    # timeline_events keeps the dates apart ("1917" and "7 Nov 1917" cannot be ordered); it only sees
    # the facts whose event reads well without its date.
    eligible = replace(bank, facts=[f for f in bank.facts if f.id in labels])
    chosen: list[Fact] = []
    for _ in range(TIMELINE_DRAWS):  # a greedy draw can paint itself into a corner: take the fullest
        drawn = timeline_events(eligible, rng, SIZES["timeline"])
        if len(drawn) > len(chosen):
            chosen = drawn
        if len(chosen) == SIZES["timeline"]:
            break
    chosen.sort(key=lambda f: f.when_value.start)  # type: ignore[union-attr]
    for fact in chosen:
        used.take(fact)
    return [Item(number=0, text=labels[fact.id], answer=str(i + 1), quote=_quote(fact), answer_index=i,
                 when=format_when(fact.when_value), fact_id=fact.id)  # type: ignore[arg-type]
            for i, fact in enumerate(chosen)]


def _short(bank: Bank, pool: list[Fact], rng: random.Random, used: _Used) -> list[Item]:
    """Questions wanting a sentence or two: who someone was, what a term means, what an event was."""
    people = [p for p in bank.people if p.role]
    titles = {fold_loose(t) for w in bank.works for t in (w.title, *w.aliases)}
    # "Who wrote X?" facts are work facts too, but their answer is a person, not a title to explain
    facts = [f for f in pool if f.kind in SHORT_STEMS and f.cloze
             and (f.kind != "work" or fold_loose(f.answer) in titles)]
    rng.shuffle(people)
    rng.shuffle(facts)
    items: list[Item] = []
    while (people or facts) and len(items) < SIZES["short"]:
        # Alternate fact prompts and people so a sheet does not ask three "Who was ...?" in a row.
        if facts and (len(items) % 2 == 0 or not people):
            fact = facts.pop()
            if not used.free(fact) or fold_loose(fact.answer) in used.answers:
                continue
            used.take(fact)
            name = fact.answer
            if fact.kind == "event" and fold_loose(name) == fold(name):
                name = f"the {name}"  # "the Battle of X": events take the article the answer may leave out
            items.append(Item(number=1, text=SHORT_STEMS[fact.kind].format(name),
                              answer=filled_cloze(fact) or fact.answer, quote=_quote(fact), fact_id=fact.id,
                              topic=fact.answer))
        else:
            person = people.pop()
            names = [person.name, *person.aliases]
            if any(fold_loose(n) in used.answers for n in names):
                continue
            used.answers.update(fold_loose(n) for n in names)
            items.append(Item(number=1, text=f"Who was {person.name}, and what part did they play?",
                              answer=person.role or "", topic=person.name))
    return items


def _arrange(kind: str, picked: list[Item], rng: random.Random, start: int) -> tuple[list[Item], dict]:
    """This version's order of the shared items (and of the matching letters), numbered from `start`."""
    items = list(picked)
    rng.shuffle(items)
    extra: dict = {}
    if kind == "matching":
        right = [it.answer for it in items]
        rng.shuffle(right)
        extra["choices"] = right
        return [replace(it, number=start + i, answer_index=right.index(it.answer))
                for i, it in enumerate(items)], extra
    if kind == "timeline":
        return [replace(it) for it in items], extra
    return [replace(it, number=start + i) for i, it in enumerate(items)], extra


def _instructions(kind: str, n: int, word_bank: bool) -> str:
    return {
        "mc": "Circle the letter of the best answer.",
        "cloze": "Write the missing word or words in each blank."
                 + (" Choose from the word bank; each answer is used once." if word_bank else ""),
        "matching": "Write the letter of the matching description in the blank beside each name. "
                    "Use each letter once.",
        "timeline": f"Number the events in the order they happened, from 1 (earliest) to {n} (latest).",
        "short": "Answer each question in one or two complete sentences.",
    }[kind]


def build_plan(bank: Bank, versions: int, questions: int, seed: int, sections: Sequence[str] | None = None,
               title: str | None = None, tags: Sequence[str] = (), kinds: Sequence[str] = (),
               word_bank: bool = True) -> Plan:
    """Every version holds the same items (so their marks compare), each in its own order."""
    chosen = parse_sections(sections)
    pool = _pool(bank, tags, kinds)
    if not pool:
        raise InputError(f"{bank.path or bank.id}: no approved facts" + (" with these --tags/--kinds"
                                                                         if tags or kinds else ""))
    plan = Plan(bank=bank, title=title or bank.title, seed=seed, versions=[], pool=pool,
                dated=[f for f in _pool(bank, tags, ()) if f.when_value])
    if "mc" in chosen:
        from ..mcsets import plan_mc_sets

        sets = plan_mc_sets(bank, versions, questions, seed, list(tags), list(kinds))
        mc_versions = sets.data["versions"]
        if sets.selected < questions:
            plan.notes.append(f"multiple choice: {sets.selected} questions, not {questions}: the bank has only "
                              f"{sets.pool} facts that make a good multiple-choice item")
    else:
        mc_versions = [{"code": letter(i), "questions": []} for i in range(versions)]
    used = _Used()
    for fact_id in {q["id"] for v in mc_versions for q in v["questions"]}:
        fact = bank.fact(fact_id)
        if fact:
            used.take(fact)
    picked: dict[str, list[Item]] = {}
    for kind in chosen:
        if kind == "mc":
            continue
        rng = random.Random(f"worksheet/{seed}/{kind}")
        items = (_cloze(pool, rng, used) if kind == "cloze" else _matching(bank, rng, used) if kind == "matching"
                 else _timeline(bank, pool, rng, used) if kind == "timeline" else _short(bank, pool, rng, used))
        if len(items) < MIN_ITEMS[kind]:
            plan.notes.append(f"{TITLES[kind].lower()} section left out: the bank gives {len(items)} usable "
                              f"item{'' if len(items) == 1 else 's'}, at least {MIN_ITEMS[kind]} needed")
            continue
        picked[kind] = items
    for mc in mc_versions:
        code, sheet, number = mc["code"], [], 1
        for kind in chosen:
            extra: dict = {}
            if kind == "mc":
                items = _mc(bank, mc["questions"], number)
                if not items:
                    continue
            elif kind in picked:
                items, extra = _arrange(kind, picked[kind], random.Random(f"worksheet/{seed}/{code}/{kind}"),
                                        number)
                if kind == "cloze" and word_bank:
                    extra["word_bank"] = sorted((it.answer for it in items), key=fold)
            else:
                continue
            number += sum(1 for it in items if it.number)
            sheet.append(Section(kind=kind, number=len(sheet) + 1, title=TITLES[kind],
                                 instructions=_instructions(kind, len(items), word_bank), items=items,
                                 marks=MARKS[kind] * len(items), **extra))
        plan.versions.append(Version(code=code, sections=sheet))
    first = {(s.kind, it.identity): it.number for s in plan.versions[0].sections for it in s.items} \
        if plan.versions else {}
    for version in plan.versions[1:]:
        for section in version.sections:
            for item in section.items:
                item.ref = first.get((section.kind, item.identity), 0)
    return plan
