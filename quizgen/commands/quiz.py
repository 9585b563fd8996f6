"""`quizgen quiz BANK...`: the terminal self-quiz. Kept import-light so the first question shows fast."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from ..errors import InputError
from .options import banks_argument, load_banks, split_csv

MODES = ("mixed", "mc", "type", "cloze")


def clock_from_env() -> Callable[[], datetime]:
    """The quiz's clock: real time, or QUIZGEN_NOW (a testing aid) moving on from that instant."""
    fixed = os.environ.get("QUIZGEN_NOW")
    if not fixed:
        return lambda: datetime.now(UTC)
    try:
        base = datetime.fromisoformat(fixed.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"QUIZGEN_NOW: '{fixed}' is not an ISO date-time (e.g. 2030-01-01T09:00:00Z)") from None
    if base.tzinfo is None:
        base = base.replace(tzinfo=UTC)
    start = time.monotonic()
    return lambda: base + timedelta(seconds=time.monotonic() - start)


@click.command(help="Quiz yourself in the terminal. Due cards first, then new ones; every answer is "
                    "saved at once (FSRS spaced repetition). In a pipe, reads one answer per line.")
@banks_argument
@click.option("-m", "--mode", type=click.Choice(MODES), default="mixed", show_default=True,
              help="mc: choose A-D; type: type the answer; cloze: fill the gap; mixed: chosen per fact.")
@click.option("-n", "--count", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many questions.")
@click.option("--tags", help="Only facts with one of these tags (comma-separated).")
@click.option("--seed", type=int, help="Shuffle new facts (default: bank order) and fix MC options.")
@click.option("--store", type=click.Path(dir_okay=False, path_type=Path),
              help="Progress database (default: QUIZGEN_STORE, else progress.sqlite3 in your data folder).")
@click.option("--ahead", is_flag=True, help="When fewer cards are due or new than --count, review early.")
@click.option("--again/--no-again", default=True, show_default=True,
              help="At the end, ask each missed question once more.")
def command(banks: tuple[Path, ...], mode: str, count: int, tags: str | None, seed: int | None,
            store: Path | None, ahead: bool, again: bool) -> None:
    from ..quiz.session import QuizOptions, Session, select_facts
    from ..quiz.store import Store, default_path
    from ..quiz.terminal import Terminal

    loaded = load_banks(banks)
    ids = [b.id for b in loaded]
    if len(set(ids)) != len(ids):
        raise InputError(f"the same bank was given twice ({', '.join(sorted({i for i in ids if ids.count(i) > 1}))})")
    options = QuizOptions(mode=mode, count=count, tags=split_csv(tags), seed=seed, ahead=ahead,
                          again=again)
    if not any(select_facts(b, options.tags) for b in loaded):
        if options.tags:
            known = sorted({t for b in loaded for f in b.approved() for t in f.tags})
            raise InputError(f"no approved facts with tags {', '.join(options.tags)} (tags: {', '.join(known)})")
        raise InputError("no approved facts to quiz on: approve some with `quizgen review`")
    now = clock_from_env()
    progress = Store.open(store or default_path())
    try:
        code = Session(loaded, progress, Terminal(), options, now).run()
    finally:
        progress.close()
    if code:
        raise click.exceptions.Exit(code)
