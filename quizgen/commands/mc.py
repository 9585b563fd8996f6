"""`quizgen mc`: randomized multiple-choice versions of a test, with an answer key."""

from __future__ import annotations

import random
from pathlib import Path

import click

from ..bank import KINDS, load_bank
from ..errors import InputError
from .options import bank_argument, parse_filters


@click.command(help="Write randomized multiple-choice versions of one test (DIR/mc-sets.json) and their "
                    "answer key (DIR/answer-key.csv). Every version has the same questions, in its own "
                    "order and option order; the same --seed writes the same files.")
@bank_argument
@click.option("-n", "--versions", type=click.IntRange(1, 702), default=4, show_default=True,
              help="How many versions (A, B, C, ...).")
@click.option("-q", "--questions", type=click.IntRange(1), default=20, show_default=True,
              help="Questions per version (all usable facts if the bank has fewer).")
@click.option("--seed", type=int, help="Seed; the same seed gives the same sets (printed when chosen for you).")
@click.option("--tags", multiple=True, help="Only facts with one of these tags (comma-separated or repeated).")
@click.option("--kinds", multiple=True, help=f"Only facts of these kinds ({', '.join(KINDS)}).")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out/mc"),
              show_default=True, help="Folder to write mc-sets.json and answer-key.csv into.")
def command(bank: Path, versions: int, questions: int, seed: int | None, tags: tuple[str, ...],
            kinds: tuple[str, ...], out_dir: Path) -> None:
    from ..mcsets import plan_mc_sets, write_sets

    tag_list, kind_list = parse_filters(tags, kinds)
    b = load_bank(bank)
    if seed is None:
        seed = random.SystemRandom().randrange(1, 10**6)
        click.echo(f"seed: {seed}")
    sets = plan_mc_sets(b, versions, questions, seed, tag_list, kind_list)
    if sets.selected == 0:
        what = " matching --tags/--kinds" if tag_list or kind_list else ""
        raise InputError(f"{bank}: no approved fact{what} can make a multiple-choice question"
                         + (f" ({len(sets.skipped)} skipped for want of good distractors)" if sets.skipped else ""))
    paths = write_sets(sets.data, out_dir)
    codes = [v["code"] for v in sets.data["versions"]]
    span = codes[0] if len(codes) == 1 else f"{codes[0]}-{codes[-1]}"
    click.echo(f"{versions} version{'s' if versions != 1 else ''} ({span}) x {sets.selected} questions, seed {seed}; "
               f"{sets.pool} of {sets.pool + len(sets.skipped)} facts make a good multiple-choice item")
    if sets.selected < questions:
        click.echo(f"note: asked for {questions} questions but only {sets.pool} facts are usable: all of them are used")
    if sets.skipped:
        click.echo(f"skipped {len(sets.skipped)} without 3 good distractors (give them distractors: in the bank):")
        for line in sets.skipped:
            click.echo(f"  {line}")
    for p in paths:
        click.echo(f"wrote {p}")
