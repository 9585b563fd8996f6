"""`quizgen worksheet`: printable tests (one PDF per version) and the teacher's answer key."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import click

from ..bank import KINDS, load_bank
from ..errors import InputError
from .options import bank_argument, parse_filters, split_csv

# As quizgen.worksheet.context.SECTIONS, repeated so `--help` does not load Jinja2.
SECTION_NAMES = ("mc", "cloze", "matching", "timeline", "short")


@click.command(help="Printable tests: one PDF per version (<deck>-A.pdf, ...) with a Name line, and "
                    "<deck>-key.pdf with every version's answers, their source quotes and a timeline. "
                    "The same --seed gives the same test (and the same questions as `quizgen mc`).")
@bank_argument
@click.option("-n", "--versions", type=click.IntRange(1, 702), default=1, show_default=True,
              help="How many versions (A, B, C, ...) with shuffled questions and options.")
@click.option("-q", "--questions", type=click.IntRange(min=1), default=20, show_default=True,
              help="Multiple-choice questions per version.")
@click.option("--seed", type=int, help="Seed for the choice and order of questions (printed when chosen for you).")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out/worksheets"), show_default=True, help="Folder to write the PDFs into.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper size.")
@click.option("--sections", default=",".join(SECTION_NAMES), show_default=True,
              help="Which sections, in this order (comma-separated).")
@click.option("--title", help="Title printed on the sheets (default: the bank's title).")
@click.option("--template-dir", type=click.Path(path_type=Path),
              help="Folder of your own templates; any file there replaces the built-in one of that name.")
@click.option("--html", is_flag=True, help="Also write each document as .html next to its PDF.")
@click.option("--study-sheet", is_flag=True, help="Also write <deck>-study.pdf: the timeline and all the facts.")
@click.option("--word-bank/--no-word-bank", default=True, show_default=True,
              help="List the fill-in-the-blank answers in a box above the sentences.")
@click.option("--tags", multiple=True, help="Only facts with one of these tags (comma-separated or repeated).")
@click.option("--kinds", multiple=True, help=f"Only facts of these kinds ({', '.join(KINDS)}).")
def command(bank: Path, versions: int, questions: int, seed: int | None, out_dir: Path, paper: str,
            sections: str, title: str | None, template_dir: Path | None, html: bool, study_sheet: bool,
            word_bank: bool, tags: tuple[str, ...], kinds: tuple[str, ...]) -> None:
    from ..worksheet import write_worksheets

    tag_list, kind_list = parse_filters(tags, kinds)
    b = load_bank(bank)
    if seed is None:
        seed = random.SystemRandom().randrange(1, 10**6)
    section_list = split_csv(sections)
    if not section_list:
        raise InputError(f"--sections: name at least one of {', '.join(SECTION_NAMES)}")
    n_docs = versions + 1 + int(study_sheet)
    notes: list[str] = []
    kwargs = dict(paper=paper, sections=section_list, title=title, template_dir=template_dir, html=html,
                  study_sheet=study_sheet, tags=tag_list, kinds=kind_list, word_bank=word_bank,
                  notes=notes)
    if sys.stderr.isatty() and n_docs > 2:
        with click.progressbar(length=n_docs, label="Rendering PDFs", file=sys.stderr) as bar:
            paths = write_worksheets(b, out_dir, versions, questions, seed, progress=bar.update, **kwargs)
    else:
        paths = write_worksheets(b, out_dir, versions, questions, seed, **kwargs)
    for note in notes:
        click.echo(f"note: {note}", err=True)
    for path in paths:
        click.echo(f"wrote {path}")
    click.echo(f"seed: {seed} (run again with --seed {seed} for the same test)", err=True)
