from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from .options import banks_argument, load_banks

_SHOW = 8  # fact ids listed by name before "and N more"


def _since_last_build(what: str, ids: list[str]) -> str:
    shown = ", ".join(ids[:_SHOW]) + (f" and {len(ids) - _SHOW} more" if len(ids) > _SHOW else "")
    return f"  {what} since the last build: {len(ids)} fact{'' if len(ids) == 1 else 's'} ({shown})"


@click.command(help="Build an Anki package (.apkg) from banks: one deck per bank (its `deck:` path, "
                    "e.g. History::Topic), approved facts only. Re-importing a new build updates the "
                    "changed cards, adds new ones, and keeps review history and students' own edits. "
                    "When each note last changed is kept in <bank>.anki-ledger.json beside the bank: "
                    "commit it with the bank.")
@banks_argument
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Package to write (atomically). Default: <bank>.apkg here, for a single bank.")
@click.option("--no-cloze", "no_cloze", is_flag=True,
              help="Leave out the cloze notes (by default every fact with a cloze also gets one).")
@click.option("--no-reverse", "no_reverse", is_flag=True,
              help="No reversed cards (by default people and terms also get an answer-first card).")
def command(banks: tuple[Path, ...], output: Path | None, no_cloze: bool, no_reverse: bool) -> None:
    if output is None:
        if len(banks) > 1:
            raise InputError("give -o OUT.apkg when building several banks into one package")
        output = Path(banks[0].stem + ".apkg")
    if output.suffix.lower() != ".apkg":
        raise InputError(f"-o {output}: name the package *.apkg (Anki recognises packages by that suffix)")
    loaded = load_banks(banks)  # every bank valid before anything is written

    from ..anki import build_apkg

    report = build_apkg(loaded, output, reverse=not no_reverse, cloze=not no_cloze)
    decks = ", ".join(report.decks)
    click.echo(f"wrote {report.path}: {report.notes} notes, {report.cards} cards "
               f"in {len(report.decks)} deck{'s' if len(report.decks) != 1 else ''} ({decks})")
    new, changed = report.facts(report.new), report.facts(report.changed)
    if len(loaded) == 1:  # one bank: its id in front of every fact says nothing
        new, changed = [k.split(":", 1)[1] for k in new], [k.split(":", 1)[1] for k in changed]
    if not new and not changed:
        click.echo("  no new or changed facts since the last build")
    if new:
        click.echo(_since_last_build("new", new))
    if changed:
        click.echo(_since_last_build("changed", changed))
    for path in report.ledgers:
        click.echo(f"  updated {path} (commit it with the bank)")
    for line in report.warnings:
        click.echo(line, err=True)
