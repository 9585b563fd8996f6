"""Randomized multiple-choice versions of one test, with an answer key.

Every version holds the same questions (a "different version of the same test"), in its own order and
with its own option order. The correct letter is balanced within each version: target letters are
assigned first and the answer is put there (dates and numbers, which stay ascending, get it by choosing
how many distractors fall before the answer). Everything derives from one seed, so the same seed writes
byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bank import Bank, Fact
    from .questions import MCQuestion, Plan

    Entry = tuple[Fact, Plan, list[int]]

N_OPTIONS = 4
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class MCSets:
    """What `quizgen mc` reports besides the file contents."""

    data: dict[str, Any]
    pool: int = 0                                     # facts that could make an item
    skipped: list[str] = field(default_factory=list)  # "fact-id: why"
    selected: int = 0


def version_code(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, like spreadsheet columns."""
    code = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        code = LETTERS[r] + code
    return code


def select_facts(bank: Bank, tags: list[str] | None = None, kinds: list[str] | None = None) -> list[Fact]:
    tags, kinds = list(tags or []), list(kinds or [])
    return [f for f in bank.approved()
            if (not tags or set(tags) & set(f.tags)) and (not kinds or f.kind in kinds)]


def _fact_rng(seed: int, fact: Fact) -> random.Random:
    # A string seed is hashed with SHA-512 by random.Random: independent of PYTHONHASHSEED.
    return random.Random(f"{seed}/{fact.id}")


def plan_mc_sets(bank: Bank, versions: int, questions: int, seed: int, tags: list[str] | None = None,
                 kinds: list[str] | None = None) -> MCSets:
    """Build the versions and say what was left out."""
    from .questions import plan

    if versions < 1 or questions < 1:
        from .errors import InputError

        raise InputError(f"versions and questions must be at least 1 (got {versions} and {questions})")
    rng = random.Random(f"mcsets/{seed}")
    usable: list[Entry] = []
    skipped: list[str] = []
    for fact in select_facts(bank, tags, kinds):
        p = plan(bank, fact)
        ranks = _good_ranks(p, seed)
        if not ranks:
            skipped.append(f"{fact.id}: {p.reason or 'no good distractors'}")
            continue
        usable.append((fact, p, ranks))
    chosen = _draw(usable, questions, rng)
    out_versions = []
    for v in range(versions):
        vrng = random.Random(f"mcsets/{seed}/version/{v}")
        order = list(chosen)
        vrng.shuffle(order)
        positions = balance([ranks for _, _, ranks in order], N_OPTIONS, vrng)
        items = []
        for (fact, p, _), pos in zip(order, positions, strict=True):
            mcq = _item(p, seed, pos, vrng)
            assert mcq is not None  # checked above: the plan makes a good item at every rank it offers
            items.append({"id": fact.id, "kind": fact.kind, "question": fact.question, "options": mcq.options,
                          "answer_index": mcq.answer_index})
        out_versions.append({"code": version_code(v), "questions": items})
    data = {"deck": bank.id, "seed": seed, "versions": out_versions}
    return MCSets(data, pool=len(usable), skipped=skipped, selected=len(chosen))


def _good_ranks(p: Plan, seed: int) -> list[int]:
    """The answer positions at which the fact makes a defect-free item."""
    ranks = p.ranks(N_OPTIONS - 1)
    if not p.ordered:
        # The options are the same whatever the position: one check tells for all.
        return ranks if ranks and _item(p, seed, ranks[0], random.Random(0)) is not None else []
    return [r for r in ranks if _item(p, seed, r, random.Random(0)) is not None]


def _item(p: Plan, seed: int, position: int, arrange: random.Random) -> MCQuestion | None:
    """The item of `p` with the answer at `position`: its distractors chosen by the fact's own seed, so
    every version offers the same options (dates and numbers: those that put the answer there)."""
    from .questions import item_defects
    from .questions.mc import build

    picked = p.pick(_fact_rng(seed, p.fact), N_OPTIONS - 1, position)
    if picked is None:
        return None
    mcq = build(p, picked, arrange, position)
    if mcq is None or item_defects(mcq, p.bank):
        return None
    return mcq


def _draw(usable: list[Entry], k: int, rng: random.Random) -> list[Entry]:
    """`k` facts drawn round-robin across kinds, and within a kind round-robin across tags."""
    by_kind: dict[str, list[Entry]] = {}
    for item in usable:
        by_kind.setdefault(item[0].kind, []).append(item)
    queues = []
    for kind in sorted(by_kind):
        queues.append(_round_robin_tags(by_kind[kind], rng))
    rng.shuffle(queues)
    out: list[Entry] = []
    while len(out) < k and any(queues):
        for q in queues:
            if q and len(out) < k:
                out.append(q.pop(0))
    return out


def _round_robin_tags(items: list[Entry], rng: random.Random) -> list[Entry]:
    items = list(items)
    rng.shuffle(items)
    by_tag: dict[str, list[Entry]] = {}
    for item in items:
        by_tag.setdefault(item[0].tags[0] if item[0].tags else "", []).append(item)
    groups = list(by_tag.values())
    out = []
    while any(groups):
        for g in groups:
            if g:
                out.append(g.pop(0))
    return out


def balance(allowed: list[list[int]], n: int, rng: random.Random) -> list[int]:
    """A position for each item, from its allowed ones, so that the positions' counts differ as little
    as possible: the most constrained items choose first, each taking its least used position; then
    items are moved along chains (one leaves a crowded position for another's, which moves on) while
    that evens the counts."""
    counts = [0] * n
    order = sorted(range(len(allowed)), key=lambda i: (len(allowed[i]), rng.random()))
    out = [0] * len(allowed)
    for i in order:
        options = allowed[i] or [0]
        least = min(counts[p] for p in options)
        p = rng.choice([p for p in options if counts[p] == least])
        counts[p] += 1
        out[i] = p
    while _even_out(allowed, out, counts):
        pass
    return out


def _even_out(allowed: list[list[int]], out: list[int], counts: list[int]) -> bool:
    """Move items along one chain from a position to one used at least 2 fewer times; False when no
    such chain exists. With no such chain left the counts are as even as the constraints allow (the
    optimality condition of semi-matchings: no cost-reducing path)."""
    for source in sorted(range(len(counts)), key=lambda p: -counts[p]):
        top = counts[source]
        # Breadth-first search over positions: an edge p -> q is an item at p that may stand at q.
        parent: dict[int, tuple[int, int]] = {}
        frontier, seen = [source], {source}
        while frontier:
            nxt = []
            for p in frontier:
                for i, at in enumerate(out):
                    if at != p:
                        continue
                    for q in allowed[i]:
                        if q in seen:
                            continue
                        seen.add(q)
                        parent[q] = (p, i)
                        if counts[q] <= top - 2:
                            while q in parent:  # move every item on the chain one step along
                                p0, item = parent[q]
                                out[item] = q
                                counts[q] += 1
                                counts[p0] -= 1
                                q = p0
                            return True
                        nxt.append(q)
            frontier = nxt
    return False


def build_mc_sets(bank: Bank, versions: int, questions: int, seed: int, tags: list[str] | None = None,
                  kinds: list[str] | None = None) -> dict[str, Any]:
    """The structure written to mc-sets.json: {"deck", "seed", "versions": [{"code", "questions": [
    {"id", "kind", "question", "options", "answer_index"}]}]}."""
    return plan_mc_sets(bank, versions, questions, seed, tags, kinds).data


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def answer_key_csv(data: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["version", "number", "fact_id", "letter", "answer"])
    for version in data["versions"]:
        for number, q in enumerate(version["questions"], 1):
            w.writerow([version["code"], number, q["id"], LETTERS[q["answer_index"]],
                        q["options"][q["answer_index"]]])
    return buf.getvalue()


def write_mc_sets(bank: Bank, out_dir: str | Path, versions: int, questions: int, seed: int,
                  tags: list[str] | None = None, kinds: list[str] | None = None) -> list[Path]:
    """Write out_dir/mc-sets.json and out_dir/answer-key.csv (atomically); return their paths."""
    return write_sets(plan_mc_sets(bank, versions, questions, seed, tags, kinds).data, out_dir)


def write_sets(data: dict[str, Any], out_dir: str | Path) -> list[Path]:
    from .atomic import write_text

    out = Path(out_dir)
    paths = [out / "mc-sets.json", out / "answer-key.csv"]
    write_text(paths[0], to_json(data))
    write_text(paths[1], answer_key_csv(data))
    return paths
