from __future__ import annotations

from pathlib import Path

import click

from ..bank import load_bank
from ..errors import BankError, QuizgenError
from .options import banks_argument


@click.command(help="Check banks against the schema. Prints every problem as file:line: field: what is wrong.")
@banks_argument
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when the banks are valid.")
def command(banks: tuple[Path, ...], quiet: bool) -> None:
    failed = False
    for path in banks:
        try:
            bank = load_bank(path)
        except BankError as exc:
            failed = True
            for problem in exc.problems:
                click.echo(f"Error: {problem}", err=True)
            continue
        except QuizgenError as exc:
            failed = True
            click.echo(f"Error: {exc}", err=True)
            continue
        if not quiet:
            n = len(bank.approved())
            click.echo(f"{path}: ok ({len(bank.facts)} facts, {n} approved)")
    if failed:
        raise click.exceptions.Exit(1)
