"""Merging review decisions into a bank: a pure function, no files and no terminal.

The rules that make decisions stick: a candidate whose id is already in the bank (any status) is
never touched again, so a teacher's own edits and comments always win over a re-extracted candidate;
rejected candidates are kept with `status: rejected` so they are never asked about again.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..bank import Bank, DocSource, Fact, Person, Source, Work
from ..textnorm import fold, fold_loose
from .edit import apply_edit

ACTIONS = ("approve", "reject")


@dataclass(frozen=True)
class Decision:
    """What the reviewer said about one candidate. An edit is an approve with a new question/answer."""

    fact_id: str
    action: str  # approve | reject
    question: str | None = None
    answer: str | None = None

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"action must be one of {ACTIONS}, not {self.action!r}")

    @property
    def edited(self) -> bool:
        return self.question is not None or self.answer is not None


@dataclass
class MergeResult:
    bank: Bank
    added: list[Fact] = field(default_factory=list)      # facts written into the bank by this merge
    kept: list[str] = field(default_factory=list)        # decided ids already in the bank: the bank's version won
    notes: list[str] = field(default_factory=list)       # e.g. "when still 1924: check it" after an edit


def reviewable(candidates: Bank, target: Bank | None, ids: Iterable[str] | None = None) -> list[Fact]:
    """The candidates still to decide, in file order: not in the bank yet, not rejected at the source."""
    decided = {f.id for f in target.facts} if target else set()
    wanted = set(ids) if ids is not None else None
    return [f for f in candidates.facts
            if f.id not in decided and f.status != "rejected" and (wanted is None or f.id in wanted)]


def new_bank(candidates: Bank, bank_id: str | None = None, title: str | None = None) -> Bank:
    """The empty bank a first review run starts from: id and title default to the candidates file's."""
    return Bank(id=bank_id or candidates.id, title=title or candidates.title, deck=candidates.deck,
                description=candidates.description)


def merge(candidates: Bank, target: Bank | None, decisions: Iterable[Decision], *,
          candidates_dir: Path | None = None, target_dir: Path | None = None,
          bank_id: str | None = None, title: str | None = None) -> MergeResult:
    """A new bank: `target` (or a new one) plus the decided candidates, its sources, people and works.

    `candidates_dir`/`target_dir` are the folders of the two files, used to rewrite relative
    `sources.*.file` paths so they still point at the same documents from the bank's folder.
    Neither input is modified.
    """
    bank = copy.deepcopy(target) if target is not None else new_bank(candidates, bank_id, title)
    result = MergeResult(bank)
    doc_keys = _merge_sources(bank, candidates, candidates_dir, target_dir)
    _merge_people(bank, candidates.people)
    _merge_works(bank, candidates.works)
    present = {f.id for f in bank.facts}
    by_id = {f.id: f for f in candidates.facts}
    for decision in decisions:
        cand = by_id.get(decision.fact_id)
        if cand is None:
            raise KeyError(f"no candidate with id {decision.fact_id!r}")
        if cand.id in present:
            result.kept.append(cand.id)
            continue
        fact = copy.deepcopy(cand)
        fact.line = 0
        if decision.edited:
            result.notes.extend(apply_edit(fact, decision.question, decision.answer))
        fact.status = "approved" if decision.action == "approve" else "rejected"
        if fact.source is not None:
            fact.source = Source(doc_keys.get(fact.source.doc, fact.source.doc), fact.source.quote)
            if bank.sources and fact.source.doc and fact.source.doc not in bank.sources:
                # a doc the candidates file never described: keep the reference valid
                bank.sources[fact.source.doc] = DocSource()
        bank.facts.append(fact)
        present.add(fact.id)
        result.added.append(fact)
    return result


def _resolve(file: str | None, base: Path | None) -> str | None:
    if not file:
        return None
    p = Path(file)
    return os.path.normpath(p if p.is_absolute() or base is None else base / p)


def _rebase(file: str | None, src_dir: Path | None, dst_dir: Path | None) -> str | None:
    """`file` as written relative to src_dir, rewritten relative to dst_dir (same document)."""
    if not file or Path(file).is_absolute() or src_dir is None or dst_dir is None:
        return file
    absolute = os.path.abspath(src_dir / file)
    try:
        return Path(os.path.relpath(absolute, os.path.abspath(dst_dir))).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return absolute


def _merge_sources(bank: Bank, candidates: Bank, cand_dir: Path | None, bank_dir: Path | None) -> dict[str, str]:
    """Add the candidates' sources to the bank; return candidate doc key -> bank doc key.

    The bank's entry wins on a shared key unless both name different files; then the candidate's
    document gets a fresh key (`seed-2`) so no fact ends up pointing at the wrong document.
    """
    mapping: dict[str, str] = {}
    for key, src in candidates.sources.items():
        file = _rebase(src.file, cand_dir, bank_dir)
        where = _resolve(file, bank_dir)
        same = next((k for k, s in bank.sources.items() if where and _resolve(s.file, bank_dir) == where), None)
        if same is not None:
            mapping[key] = same
            continue
        existing = bank.sources.get(key)
        if existing is None or not existing.file or not file:
            mapping[key] = key
            if existing is None:
                bank.sources[key] = DocSource(file, src.title, src.url)
            continue
        n = 2
        while f"{key}-{n}" in bank.sources:
            n += 1
        mapping[key] = f"{key}-{n}"
        bank.sources[mapping[key]] = DocSource(file, src.title, src.url)
    return mapping


def _merge_people(bank: Bank, people: list[Person]) -> None:
    """Add people the bank does not know yet; a person is known by name or by one of their aliases."""
    known = {fold(n) for p in bank.people for n in (p.name, *p.aliases)}
    for person in people:
        if fold(person.name) in known:
            continue
        # a candidate "Jane Roe" with alias "Roe" is the bank's "Roe" too: match the full name both ways
        names = {fold(p.name) for p in bank.people}
        if any(fold(a) in names for a in person.aliases):
            continue
        bank.people.append(copy.deepcopy(person))
        known.add(fold(person.name))


def _merge_works(bank: Bank, works: list[Work]) -> None:
    known = {fold_loose(t) for w in bank.works for t in (w.title, *w.aliases)}
    for work in works:
        if fold_loose(work.title) in known or any(fold_loose(a) in known for a in work.aliases):
            continue
        bank.works.append(copy.deepcopy(work))
        known.add(fold_loose(work.title))
