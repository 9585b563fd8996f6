from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..bank import KINDS, STATUSES, Bank
from .options import banks_argument, load_banks


def count_lines(bank: Bank) -> list[str]:
    kinds = Counter(f.kind for f in bank.facts)
    statuses = Counter(f.status for f in bank.facts)
    tags = Counter(t for f in bank.facts for t in f.tags)
    lines = [f"{bank.title} ({bank.id}): {len(bank.facts)} facts, {len(bank.people)} people, "
             f"{len(bank.works)} works"]
    lines.append("  by status: " + ", ".join(f"{s} {statuses[s]}" for s in STATUSES))
    lines.append("  by kind:   " + ", ".join(f"{k} {kinds[k]}" for k in KINDS if kinds[k]))
    if tags:
        ranked = sorted(tags.items(), key=lambda x: (-x[1], x[0]))
        lines.append("  by tag:    " + ", ".join(f"{t} {n}" for t, n in ranked))
    return lines


@click.command(help="Counts by kind, tag and status, and your quiz progress (due today, learned, retention).")
@banks_argument
@click.option("--store", type=click.Path(dir_okay=False, path_type=Path),
              help="Quiz progress database (default: the one `quizgen quiz` uses).")
def command(banks: tuple[Path, ...], store: Path | None) -> None:
    from ..quiz.report import progress_lines

    for bank in load_banks(banks):
        for line in count_lines(bank):
            click.echo(line)
        for line in progress_lines(bank, store):
            click.echo("  " + line)
