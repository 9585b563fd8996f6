"""Banks → one .apkg that updates in place when a student imports it again.

Identity never depends on text: the deck id comes from the bank id, each note's GUID from the bank
id and fact id, so an edited question updates its note instead of adding a twin. Each note is
stamped with the time its content last changed (see ledger.py); that is what makes Anki's default
import ("update notes if newer") deliver the teacher's fixes and keep the students' own edits.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_bytes
from ..bank import Bank
from ..errors import InputError, RenderError
from .ledger import Ledger, base_time, ledger_path
from .models import stable_id


@dataclass
class AnkiReport:
    path: Path
    notes: int
    cards: int
    decks: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)  # "<bank id>:<note key>" first seen in this build
    changed: list[str] = field(default_factory=list)  # ... whose content changed since the last build
    ledgers: list[Path] = field(default_factory=list)  # ledgers written by this build
    warnings: list[str] = field(default_factory=list)

    def facts(self, which: list[str]) -> list[str]:
        """Note keys of `which` reduced to facts (a fact's Q/A and cloze notes count once)."""
        return list(dict.fromkeys(k.split("/", 1)[0] for k in which))


def deck_id(bank_id: str) -> int:
    return stable_id("quizgen deck", bank_id)


def deck_description(bank: Bank) -> str:
    parts = [f"<b>{html.escape(bank.title)}</b>"]
    if bank.description:
        parts.append(html.escape(bank.description))
    titles = [s.title for s in bank.sources.values() if s.title]
    if titles:
        parts.append("Sources: " + "; ".join(html.escape(t) for t in titles))
    return "<br>".join(parts)


def build_apkg(banks: list[Bank], out: Path, *, now: float | None = None, reverse: bool = True,
               cloze: bool = True) -> AnkiReport:
    """Write one Anki package holding one deck per bank (its `deck` path, e.g. `History::Topic`).

    Every approved fact gives a Q/A note (with a reversed card for people and terms when `reverse`)
    and, when it has a cloze and `cloze` is set, a cloze note. `now` stands in for the clock (tests);
    SOURCE_DATE_EPOCH, when set, stamps content first seen. The ledgers beside the banks are written
    after the package, so a failed build never records stamps nobody received.
    """
    import genanki

    from .fields import note_specs
    from .models import CLOZE, QA, genanki_model
    from .package import package_bytes, stamped_note_class

    out = Path(out)
    seen: dict[str, Bank] = {}
    for bank in banks:
        if bank.id in seen:
            raise InputError(f"two banks share the id '{bank.id}' ({seen[bank.id].path} and {bank.path}): "
                             "their notes would collide in Anki; give one a new id")
        seen[bank.id] = bank
    base = base_time(now)
    models = {QA.name: genanki_model(QA), CLOZE.name: genanki_model(CLOZE)}
    note_cls = stamped_note_class()
    report = AnkiReport(out, 0, 0)
    decks: dict[str, genanki.Deck] = {}  # by Anki's idea of a deck name: case does not count
    placed: dict[str, int] = {}  # new-card positions used so far in each deck
    ledgers: list[Ledger] = []
    newest = 0
    for bank in banks:
        specs = note_specs(bank, reverse=reverse, cloze=cloze)
        if not specs:
            report.warnings.append(f"warning: {bank.path or bank.id}: no approved facts, no deck for it")
            continue
        ledger = Ledger.load(ledger_path(bank.path) if bank.path else None, bank.id)
        ledgers.append(ledger)
        key = bank.deck_name.casefold()
        if key not in decks:  # banks naming the same deck share it rather than make a renamed twin
            decks[key] = genanki.Deck(deck_id(bank.id), bank.deck_name, description=deck_description(bank))
            report.decks.append(bank.deck_name)
        deck = decks[key]
        # New cards in the order a student should meet them: questions, then clozes, then the
        # reversed cards, so a reversed card never follows its own question in the same session.
        first = placed.get(key, 0)
        reversed_due = first + len(specs)
        for due, spec in enumerate(specs, start=first + 1):
            cards = {0: due}
            if spec.cards == 2:
                reversed_due += 1
                cards[1] = reversed_due
            mod, status = ledger.stamp(spec.key, spec.digest, base)
            if status == "new":
                report.new.append(f"{bank.id}:{spec.key}")
            elif status == "changed":
                report.changed.append(f"{bank.id}:{spec.key}")
            newest = max(newest, mod)
            deck.add_note(note_cls(models[spec.note_type.name], list(spec.fields), tags=list(spec.tags),
                                   guid=spec.guid, due=due, mod=mod, cards=cards))
            report.notes += 1
            report.cards += spec.cards
        placed[key] = reversed_due
    if not decks:
        raise RenderError("no approved facts in any bank: nothing to put in an Anki deck "
                          "(approve facts with `quizgen review`, or set status: approved)")
    write_bytes(out, package_bytes(list(decks.values()), newest))
    for ledger in ledgers:
        was_dirty = ledger.dirty and ledger.path is not None
        warning = ledger.save()
        if warning:
            report.warnings.append(warning)
        elif was_dirty and ledger.path is not None:
            report.ledgers.append(ledger.path)
    return report
