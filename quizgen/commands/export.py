from __future__ import annotations

import random
import sys
from pathlib import Path

import click

from ..atomic import write_bytes, write_text
from ..bank import KINDS, load_bank
from ..errors import InputError
from ..exports import FORMATS, ExportOptions, get_exporter
from .options import bank_argument, parse_filters

_FORMAT_HELP = "; ".join(f"{name}: {desc}" for name, (_, _, desc) in FORMATS.items())


@click.command(help=f"Export a bank's approved facts to another format. Formats: {_FORMAT_HELP}.")
@bank_argument
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (atomically). Default: standard output for text formats.")
@click.option("--seed", type=int, help="Seed for option order and distractors (printed when chosen for you).")
@click.option("--tags", help="Only facts with one of these tags (comma-separated).")
@click.option("--kinds", help=f"Only facts of these kinds (comma-separated: {', '.join(KINDS)}).")
def command(bank: Path, fmt: str, output: Path | None, seed: int | None, tags: str | None,
            kinds: str | None) -> None:
    b = load_bank(bank)
    tag_list, kind_list = parse_filters([tags], [kinds])
    options = ExportOptions(seed=seed or 0, tags=tag_list, kinds=kind_list)
    if (options.tags or options.kinds) and not options.select(b) and fmt != "json":
        raise InputError(f"no approved facts in {bank} match --tags/--kinds: nothing to export")
    if seed is None:
        options.seed = random.SystemRandom().randrange(1, 10**6)
        if fmt != "json":
            click.echo(f"seed: {options.seed}", err=True)
    result = get_exporter(fmt)(b, options)
    for line in result.skipped:
        click.echo(f"skipped {line}", err=True)
    if output is None:
        if isinstance(result.data, bytes):
            if sys.stdout.isatty():
                raise InputError(f"--format {fmt} writes a binary file: give -o FILE{FORMATS[fmt][1]}")
            sys.stdout.buffer.write(result.data)
        else:
            click.echo(result.data, nl=False)
        return
    if isinstance(result.data, bytes):
        write_bytes(output, result.data)
    else:
        write_text(output, result.data)
    click.echo(f"wrote {output} ({result.count} questions, {len(result.skipped)} skipped)", err=True)
