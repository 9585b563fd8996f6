"""Quality of `quizgen extract`: recall of the curated deck, off-topic candidates, precision, and
answer recall on two Wikipedia articles it was not written for (SQuAD questions).

    python -m benchmarks.extract_quality            # the report
    python -m benchmarks.extract_quality --missed   # also list the curated facts not found

Matching (the brief's rule): a curated fact is found when a candidate's answer equals one of its
answers after fold(), or when the candidate's source quote overlaps the curated quote and one answer
contains the other. "Same sentence" recall additionally requires the quotes to overlap in both cases.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from quizgen.bank import Fact, load_bank
from quizgen.extract.pipeline import extract
from quizgen.resources import data_dir
from quizgen.textnorm import fold

DATA = Path(__file__).resolve().parent / "data"


def answers(f: Fact) -> list[str]:
    out = [fold(a) for a in f.answers]
    out += [re.sub(r"^(?:the|a|an) ", "", a) for a in out]
    return [a for a in dict.fromkeys(out) if a]


def quotes_overlap(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa in fb or fb in fa:
        return True
    wa, wb = set(fa.split()), set(fb.split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) >= 0.6


def contains(a: str, b: str) -> bool:
    """Whole-word containment either way."""
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def matches(cand: Fact, cur: Fact, same_sentence: bool) -> bool:
    ca, ka = answers(cand), answers(cur)
    overlap = bool(cand.source and cur.source and quotes_overlap(cand.source.quote, cur.source.quote))
    equal = any(x == y for x in ca for y in ka)
    if equal and (overlap or not same_sentence):
        return True
    return overlap and any(contains(x, y) for x in ca for y in ka)


def offtopic_lines() -> list[str]:
    lines = (DATA / "seed-offtopic.txt").read_text(encoding="utf-8").splitlines()
    return [fold(x) for x in lines if x.strip() and not x.startswith("#")]


def squad_recall(txt: Path, squad: Path) -> tuple[int, int, int, int, float]:
    """(answerable date/number/name questions, found exactly, found leniently, candidates, seconds)."""
    t0 = time.perf_counter()
    bank = extract([txt]).bank
    seconds = time.perf_counter() - t0
    cand = {a for f in bank.facts for a in answers(f)}
    data = json.loads(squad.read_text(encoding="utf-8"))
    total = exact = lenient = 0
    for para in data["paragraphs"]:
        for qa in para["qas"]:
            if qa.get("is_impossible") or not qa["answers"]:
                continue
            texts = [a["text"] for a in qa["answers"]]
            if not any(_typed(t) for t in texts):
                continue
            total += 1
            folded = [fold(t) for t in texts]
            if any(t in cand for t in folded):
                exact += 1
                lenient += 1
            elif any(contains(t, c) and min(len(t), len(c)) >= 0.5 * max(len(t), len(c)) for t in folded for c in cand):
                lenient += 1
    return total, exact, lenient, len(bank.facts), seconds


def _typed(answer: str) -> bool:
    """Is a SQuAD answer a date, a number or a name (what extract's kinds cover)?"""
    a = answer.strip()
    if re.search(r"\d", a):
        return True
    if re.search(
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|century)\b",
        a,
    ):
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", a) if w.lower() not in ("of", "the", "and", "de", "a")]
    return bool(words) and all(w[0].isupper() for w in words)


def main(argv: list[str]) -> int:
    seed = data_dir("seeds") / "trotsky-stalin.txt"
    deck = load_bank(data_dir("decks") / "trotsky-stalin.yaml")
    curated = deck.approved()
    t0 = time.perf_counter()
    result = extract([seed])
    seconds = time.perf_counter() - t0
    cands = result.bank.facts
    print(f"seed: {seed.name}: {result.summary()} in {seconds:.2f} s")

    found_lax = [c for c in curated if any(matches(x, c, False) for x in cands)]
    found_strict = [c for c in curated if any(matches(x, c, True) for x in cands)]
    print(
        f"recall of the curated deck ({len(curated)} facts): {len(found_lax)} = "
        f"{100 * len(found_lax) / len(curated):.1f}% (brief's rule); same sentence: {len(found_strict)} = "
        f"{100 * len(found_strict) / len(curated):.1f}%"
    )
    by_kind: dict[str, list[int]] = {}
    for c in curated:
        hit = any(matches(x, c, True) for x in cands)
        by_kind.setdefault(c.kind, [0, 0])[0] += hit
        by_kind[c.kind][1] += 1
    print("  same-sentence recall by kind: " + ", ".join(f"{k} {h}/{n}" for k, (h, n) in sorted(by_kind.items())))

    off = offtopic_lines()
    bad = [x for x in cands if x.source and any(o in fold(x.source.quote) or fold(x.source.quote) in o for o in off)]
    print(
        f"candidates from off-topic or boilerplate sentences: {len(bad)} "
        f"(of {len(off)} such sentences listed in benchmarks/data/seed-offtopic.txt)"
    )
    for x in bad:
        print(f"  ! {x.id}: {x.source.quote if x.source else ''}")

    useful = [x for x in cands if any(matches(x, c, True) for c in curated)]
    print(
        f"precision against the curated deck: {len(useful)}/{len(cands)} = "
        f"{100 * len(useful) / max(1, len(cands)):.1f}% of candidates match a curated fact "
        f"(a lower bound: the deck keeps ~80 of the seed's facts)"
    )
    conf_useful = sum(x.confidence or 0 for x in useful) / max(1, len(useful))
    conf_other = sum(x.confidence or 0 for x in cands if x not in useful) / max(1, len(cands) - len(useful))
    print(f"mean confidence: {conf_useful:.2f} for matching candidates, {conf_other:.2f} for the others")
    top = sorted(cands, key=lambda f: -(f.confidence or 0))[: len(curated)]
    top_hits = sum(1 for x in top if x in useful)
    print(f"precision of the {len(top)} most confident candidates: {100 * top_hits / max(1, len(top)):.1f}%")

    if "--missed" in argv:
        for c in curated:
            if c not in found_strict:
                print(f"  missed {c.kind:7} {c.id}: {c.answer!r}")

    print()
    for name in ("victoria-australia", "southern-california"):
        total, exact, lenient, n, secs = squad_recall(DATA / f"{name}.txt", DATA / f"squad-{name}.json")
        print(
            f"{name}: {n} candidates in {secs:.2f} s; SQuAD answers that are dates, numbers or names: "
            f"{total}; found as a candidate answer: {exact} = {100 * exact / max(1, total):.1f}% exactly, "
            f"{lenient} = {100 * lenient / max(1, total):.1f}% allowing containment"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
