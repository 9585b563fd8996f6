from __future__ import annotations

import difflib
from pathlib import Path

import click

from ..bank import SLUG, Fact, load_bank
from ..errors import InputError
from ..review import Environment, ReviewStore, Rules, plan, run_review
from .options import split_csv

_CONFIDENCE = click.FloatRange(0.0, 1.0)


def _line(fact: Fact) -> str:
    conf = f"{fact.confidence:.2f}" if fact.confidence is not None else "  - "
    return f"{fact.id} ({fact.kind}, {conf}): {fact.question}"


def _check_ids(ids: list[str], candidates_path: Path, known: list[str]) -> None:
    for fact_id in ids:
        if fact_id not in known:
            near = difflib.get_close_matches(fact_id, known, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise InputError(f"--ids: no candidate '{fact_id}' in {candidates_path}{hint}")


@click.command(help="""Review candidate facts (from `quizgen extract`) into a bank, one at a time:
approve, reject, edit the question/answer, skip, undo or quit. Every decision is saved to the --into bank as it is
made; candidates already in it (approved or rejected) are never asked about again, and the bank's own version
of a fact, with the teacher's edits and comments, always wins. On a terminal each command is one key; from
a pipe, one command per line (an edit reads the question, then the answer, from the next two lines).

\b
Examples:
  quizgen review candidates.yaml --into decks/my-deck.yaml
  quizgen review candidates.yaml --into decks/my-deck.yaml --approve-all-above 0.9 --reject-below 0.3
  printf 'a\\nr\\ne\\nWho led the army?\\n\\nq\\n' | quizgen review candidates.yaml --into deck.yaml""")
@click.argument("candidates", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--into", "into", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The bank to review into; created when it does not exist.")
@click.option("--approve-all-above", "approve_above", type=_CONFIDENCE, metavar="X",
              help="Approve every candidate with confidence >= X without asking; leave the rest undecided.")
@click.option("--reject-below", "reject_below", type=_CONFIDENCE, metavar="Y",
              help="Reject every candidate with confidence < Y without asking.")
@click.option("--approve-all", is_flag=True, help="Approve every undecided candidate.")
@click.option("--reject-all", is_flag=True, help="Reject every undecided candidate.")
@click.option("--ids", help="Only these candidates (comma-separated fact ids).")
@click.option("--dry-run", is_flag=True, help="Print what would be decided (or asked); write nothing.")
@click.option("--bank-id", help="Id of a new bank (default: the candidates file's id).")
@click.option("--title", help="Title of a new bank (default: the candidates file's title).")
def command(candidates: Path, into: Path, approve_above: float | None, reject_below: float | None,
            approve_all: bool, reject_all: bool, ids: str | None, dry_run: bool, bank_id: str | None,
            title: str | None) -> None:
    rules = Rules(approve_all, reject_all, approve_above, reject_below)
    rules.check()
    cands = load_bank(candidates)
    if (bank_id or title) and into.exists():
        raise InputError(f"--bank-id/--title name a new bank, and {into} exists: edit its id or title there")
    if bank_id and not SLUG.match(bank_id):
        raise InputError(f"--bank-id: '{bank_id}' must be a lowercase slug (letters, digits, dashes)")
    id_list = split_csv(ids)
    _check_ids(id_list, candidates, [f.id for f in cands.facts])
    store = ReviewStore(cands, into, bank_id=bank_id, title=title)
    pending = store.pending(id_list or None)
    scope = len(id_list) if id_list else len(cands.facts)
    decided = scope - len(pending)
    if not pending:
        click.echo(f"Nothing to review: all {scope} candidates are already decided in {into}.")
        return
    click.echo(f"{len(pending)} candidates to review from {candidates} into {into}"
               + (f" ({decided} already decided)" if decided else "") + ".")
    if rules.active:
        _batch(store, rules, pending, dry_run)
    elif dry_run:
        click.echo("Would ask about:")
        for fact in pending:
            click.echo(f"  {_line(fact)}")
        click.echo("Nothing written (--dry-run).")
    else:
        summary = run_review(store, Environment.terminal(), id_list or None)
        click.echo(f"{into}: {summary.line()}")
        if summary.left or summary.skipped:
            click.echo(f"Run the same command again to review the {summary.left + summary.skipped} undecided.")


def _batch(store: ReviewStore, rules: Rules, pending: list[Fact], dry_run: bool) -> None:
    steps = plan(rules, pending)
    decisions = [d for _, d in steps if d is not None]
    approved = sum(d.action == "approve" for d in decisions)
    rejected = len(decisions) - approved
    left = len(steps) - len(decisions)
    if dry_run:
        for fact, decision in steps:
            verb = "leave" if decision is None else decision.action
            click.echo(f"  would {verb:<7} {_line(fact)}")
        click.echo(f"Would approve {approved}, reject {rejected}, leave {left} undecided. Nothing written (--dry-run).")
        return
    if decisions:
        store.record(decisions)
    click.echo(f"{store.into}: approved {approved}, rejected {rejected}, left {left}")
