"""Item-quality checks for a multiple-choice item: what a careful teacher would reject.

`item_defects` is used by make_mc (an item with a defect is never handed out), by the tests over
thousands of generated items, and by benchmarks/mc_quality.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import dates, numbers
from .distractors import banned_texts, length_outlier
from .entities import answer_type, fold, fold_loose, index, mentions, people_of, place_type, said

if TYPE_CHECKING:
    from ..bank import Bank
    from .mc import MCQuestion

_ABOVE = ("all of the above", "none of the above", "both of the above", "all of these", "none of these")
# A distractor this many years from the answer is "decades away" for dates of year precision or finer.
FAR_YEARS = 30


def item_defects(mcq: MCQuestion, bank: Bank) -> list[str]:
    """Every defect of the item, one line each; [] for a good item."""
    fact, options, out = mcq.fact, mcq.options, []
    if len(options) < 2 or not 0 <= mcq.answer_index < len(options):
        return [f"{fact.id}: malformed item ({len(options)} options, answer index {mcq.answer_index})"]
    answer = options[mcq.answer_index]
    wrong = [o for i, o in enumerate(options) if i != mcq.answer_index]
    if fold_loose(answer) not in {fold_loose(a) for a in fact.answers}:
        out.append(f"{fact.id}: the keyed option {answer!r} is not an answer of the fact")
    keys = [_set_key(bank, o) for o in options]
    if len(set(keys)) < len(keys):
        out.append(f"{fact.id}: duplicate options {options}")
    banned = banned_texts(index(bank), fact)
    question = said(fact.question)
    for o in wrong:
        if fold_loose(o) in banned:
            out.append(f"{fact.id}: option {o!r} is a correct answer or an alias of it")
        names = [o, *(t for person, _ in people_of(index(bank), o) or [] for t in (person.name, *person.aliases))]
        if any(mentions(question, t) for t in names):
            out.append(f"{fact.id}: option {o!r} is named in the question")
    for o in options:
        if any(phrase in fold(o) for phrase in _ABOVE):
            out.append(f"{fact.id}: option {o!r} is an all/none-of-the-above option")
    out.extend(_kind_defects(mcq, bank, answer, wrong))
    if length_outlier(answer, wrong):
        mean = sum(len(o) for o in wrong) / len(wrong)
        out.append(f"{fact.id}: the answer ({len(answer)} chars) is much longer than the distractors "
                   f"(mean {mean:.0f})")
    return out


def _set_key(bank: Bank, text: str) -> str:
    """Duplicate detection: folded text, and a pair of people in either order counts once."""
    people = people_of(index(bank), text)
    if people and len(people) > 1:
        return "|".join(sorted(fold(p.name) for p, _ in people))
    return fold_loose(text)


def _kind_defects(mcq: MCQuestion, bank: Bank, answer: str, wrong: list[str]) -> list[str]:
    fact, idx = mcq.fact, index(bank)
    kind = answer_type(idx, fact)
    teacher = {fold_loose(d) for d in fact.distractors}
    generated = [o for o in wrong if fold_loose(o) not in teacher]
    out = []
    if kind == "date":
        form = dates.form_of(fact.answer, fact.when_value)
        if form is not None:
            out.extend(_order_defects(fact.id, mcq.options, form.parse, "date"))
            for o in wrong:
                key = form.parse(o)
                if key is None:
                    if o in generated:
                        out.append(f"{fact.id}: option {o!r} is not a date written like {fact.answer!r}")
                    continue
                far = max(FAR_YEARS, dates.window(form) * 1.5)
                # A teacher's own distractor may be far on purpose (a date students confuse it with).
                if o in generated and abs(form.year_of(key) - form.year_of(form.key)) > far:
                    out.append(f"{fact.id}: option {o!r} is decades away from {fact.answer!r}")
                if key == form.key:
                    out.append(f"{fact.id}: option {o!r} is the same date as the answer")
    elif kind == "number":
        form = numbers.detect(fact.answer)
        if form is not None:
            out.extend(_order_defects(fact.id, mcq.options, form.parse, "number"))
            for o in generated:
                if form.parse(o) is None:
                    out.append(f"{fact.id}: option {o!r} is not a number written like {fact.answer!r}")
                elif form.parse(o) == form.value:
                    out.append(f"{fact.id}: option {o!r} is the same number as the answer")
    elif kind == "person":
        named = people_of(idx, answer)
        right = {id(p) for p, _ in named or []}
        pool = {fold_loose(t) for t in idx.kinds.get("person", [])}
        for o in generated:
            theirs = people_of(idx, o)
            if theirs is None:
                if named is not None or fold_loose(o) not in pool:
                    out.append(f"{fact.id}: option {o!r} is not a person of the bank")
            elif named is not None and len(theirs) != len(named):
                out.append(f"{fact.id}: option {o!r} names {len(theirs)} people, the answer {len(named)}")
            elif right & {id(p) for p, _ in theirs}:
                out.append(f"{fact.id}: option {o!r} shares a person with the answer")
    else:
        pool = {fold_loose(t) for t in idx.kinds.get(kind, [])}
        ptype = place_type(fact.question) if kind == "place" else ""
        for o in generated:
            if fold_loose(o) not in pool:
                out.append(f"{fact.id}: option {o!r} is not a {kind} of the bank")
            elif people_of(idx, o) is not None and kind != "person":
                out.append(f"{fact.id}: option {o!r} is a person, the answer a {kind}")
            elif ptype and idx.places.get(fold(o), ("", ""))[1] != ptype:
                out.append(f"{fact.id}: option {o!r} is not a {ptype}")
    return out


def _order_defects(fact_id: str, options: list[str], key, what: str) -> list[str]:  # type: ignore[no-untyped-def]
    values = [key(o) for o in options]
    known = [v for v in values if v is not None]
    if known != sorted(known) or len(set(known)) < len(known):
        return [f"{fact_id}: {what}s not in ascending order: {options}"]
    return []


__all__ = ["item_defects", "FAR_YEARS"]
