from __future__ import annotations

from pathlib import Path

import click

from ..bank import Bank, load_bank
from ..errors import InputError
from ..resources import data_dir


def find_banks(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("."))


@click.command(help="Build every bank in decks/ (or the BANKS given) into out/: an Anki package, "
                    "multiple-choice sets with answer keys, and printable worksheets with a key.")
@click.argument("banks", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder to write into.")
@click.option("--versions", default=3, show_default=True, help="Versions of each test (A, B, C, ...).")
@click.option("--questions", default=20, show_default=True, help="Multiple-choice questions per version.")
@click.option("--seed", default=1, show_default=True, help="Seed for versions; the same seed rebuilds the same tests.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@click.option("--skip", "skip", multiple=True, type=click.Choice(["anki", "mc", "worksheets"]),
              help="Leave an output out (repeatable).")
def command(banks: tuple[Path, ...], out_dir: Path, versions: int, questions: int, seed: int, paper: str,
            skip: tuple[str, ...]) -> None:
    paths = list(banks)
    if not paths:
        folder = Path("decks") if Path("decks").is_dir() else data_dir("decks")
        paths = find_banks(folder)
        if not paths:
            raise InputError(f"no banks (*.yaml) in {folder}: give BANK files or run from a folder with decks/")
    loaded: list[tuple[Path, Bank]] = [(p, load_bank(p)) for p in paths]  # all valid before anything is written
    click.echo(f"Building {len(loaded)} bank(s) into {out_dir}/ (seed {seed})")
    for path, bank in loaded:
        stem = path.stem
        if "anki" not in skip:
            from ..anki import build_apkg

            report = build_apkg([bank], out_dir / f"{stem}.apkg")
            click.echo(f"  wrote {report.path} ({report.notes} notes, {report.cards} cards)")
            for warning in report.warnings:
                click.echo(warning, err=True)
        if "mc" not in skip:
            from ..mcsets import write_mc_sets

            for written in write_mc_sets(bank, out_dir / stem / "mc", versions, questions, seed):
                click.echo(f"  wrote {written}")
        if "worksheets" not in skip:
            from ..worksheet import write_worksheets

            for written in write_worksheets(bank, out_dir / stem / "worksheets", versions, questions, seed,
                                            paper=paper):
                click.echo(f"  wrote {written}")
