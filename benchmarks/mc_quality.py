"""Quality of the multiple-choice sets: defects, skipped facts, letter balance, and speed.

    python -m benchmarks.mc_quality               # shipped deck: 50 seeds x 20 versions x 20 questions
    python -m benchmarks.mc_quality 200 BANK.yaml # more seeds, another bank

For each seed it builds a full set (build_mc_sets) and checks every item with item_defects; it also
runs the distractor generator on every fact without make_mc's safety net (make_mc drops an item the
checker rejects, so the raw rate is what shows the generator's quality). Reports the defects by
type, the facts skipped and why, the letter balance within versions and over the whole run, how
often each answer rank is used by dates and numbers, and the time per set.
"""

from __future__ import annotations

import collections
import random
import sys
import time
from pathlib import Path

from quizgen.bank import load_bank
from quizgen.mcsets import build_mc_sets, plan_mc_sets
from quizgen.questions import MCQuestion, item_defects, plan
from quizgen.questions.mc import build
from quizgen.resources import data_dir


def main(argv: list[str]) -> int:
    seeds = int(argv[0]) if argv else 50
    path = Path(argv[1]) if len(argv) > 1 else data_dir("decks") / "trotsky-stalin.yaml"
    bank = load_bank(path)
    facts = bank.approved()
    print(f"bank: {bank.id} ({len(facts)} approved facts); {seeds} seeds x 20 versions x 20 questions")

    sets = plan_mc_sets(bank, 1, 20, 0)
    print(f"usable facts: {sets.pool} of {len(facts)}; skipped {len(sets.skipped)}:")
    for line in sets.skipped:
        print(f"  {line}")

    defects: collections.Counter[str] = collections.Counter()
    letters_total: collections.Counter[int] = collections.Counter()
    worst_spread, items, elapsed = 0, 0, 0.0
    for seed in range(seeds):
        start = time.perf_counter()
        data = build_mc_sets(bank, 20, 20, seed)
        elapsed += time.perf_counter() - start
        for version in data["versions"]:
            counts = collections.Counter(q["answer_index"] for q in version["questions"])
            worst_spread = max(worst_spread, max(counts.values()) - min(counts.get(i, 0) for i in range(4)))
            letters_total.update(counts)
            for q in version["questions"]:
                fact = bank.fact(q["id"])
                assert fact is not None
                mcq = MCQuestion(q["id"], q["kind"], q["question"], q["options"], q["answer_index"], fact)
                for d in item_defects(mcq, bank):
                    defects[d.split(": ", 1)[1].split(" '")[0]] += 1
                items += 1
    print(f"\nMC sets: {items} questions checked, {sum(defects.values())} defects; "
          f"{elapsed / seeds * 1000:.0f} ms per 20x20 set")

    raw_defects: collections.Counter[str] = collections.Counter()
    ranks: collections.Counter[int] = collections.Counter()
    raw = 0
    for seed in range(seeds):
        rng = random.Random(seed)
        for fact in facts:
            p = plan(bank, fact)
            picked = p.pick(rng, 3, rng.randrange(4))
            if picked is None:
                continue
            mcq = build(p, picked, rng, rng.randrange(4))
            raw += 1
            if p.ordered:
                ranks[mcq.answer_index] += 1
            for d in item_defects(mcq, bank):
                raw_defects[d.split(": ", 1)[1][:60]] += 1
    print(f"generator alone: {raw} items, {sum(raw_defects.values())} defects")
    for text, n in (defects + raw_defects).most_common(10):
        print(f"  {n:5d}  {text}")

    total = sum(letters_total.values())
    share = "  ".join(f"{'ABCD'[i]} {letters_total[i] / total:.1%}" for i in range(4))
    print(f"\nletters over all versions: {share}; worst spread within one version: {worst_spread}")
    rshare = "  ".join(f"{'ABCD'[i]} {ranks[i] / max(sum(ranks.values()), 1):.1%}" for i in range(4))
    print(f"answer rank of dates/numbers asked for a random letter: {rshare}")
    return 1 if defects or worst_spread > 1 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
