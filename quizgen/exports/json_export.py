"""The JSON contract: {"id", "title", "items": [{"id", "kind", "question", "answer", "accept", "cloze",
"when", "source": {"doc", "quote"}, "status", "tags"}]}. Other tools read this; keep it stable."""

from __future__ import annotations

import json
from typing import Any

from ..bank import Bank, Fact
from . import ExportOptions, ExportResult


def item(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "kind": fact.kind,
        "question": fact.question,
        "answer": fact.answer,
        "accept": list(fact.accept),
        "cloze": fact.cloze,
        "when": fact.when,
        "source": {"doc": fact.source.doc, "quote": fact.source.quote} if fact.source else None,
        "status": fact.status,
        "tags": list(fact.tags),
    }


def to_json(bank: Bank, facts: list[Fact] | None = None) -> str:
    items = [item(f) for f in (bank.facts if facts is None else facts)]
    return json.dumps({"id": bank.id, "title": bank.title, "items": items}, ensure_ascii=False, indent=2) + "\n"


def export(bank: Bank, options: ExportOptions) -> ExportResult:
    # Every status is exported (the contract carries it); --tags/--kinds still filter.
    facts = [f for f in bank.facts if (not options.tags or set(options.tags) & set(f.tags))
             and (not options.kinds or f.kind in options.kinds)]
    return ExportResult(to_json(bank, facts), len(facts))
