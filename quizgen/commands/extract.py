"""`quizgen extract DOC... -o CANDIDATES.yaml`: documents in, candidate facts out (for `quizgen review`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..bank import SLUG, Bank, BankError, load_bank, save_bank
from ..errors import InputError, OutputError

# Inputs above this size get a progress bar (when standard error is a terminal).
PROGRESS_BYTES = 256 * 1024


class _Bar:
    """A click progress bar fed by the extractor (start once, then advance)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: object | None = None

    def start(self, total: int) -> None:
        self.bar = click.progressbar(length=max(1, total), label=self.label, file=sys.stderr,
                                     show_eta=True, width=30)
        self.bar.__enter__()  # type: ignore[attr-defined]

    def advance(self, n: int) -> None:
        if self.bar is not None and n > 0:
            self.bar.update(n)  # type: ignore[attr-defined]

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)  # type: ignore[attr-defined]
            self.bar = None


def _check_output(output: Path, inputs: list[Path], force: bool) -> Bank | None:
    """Refuse to clobber an input, a folder, or a curated bank; return the previous candidates file."""
    if output.is_dir():
        raise InputError(f"-o {output}: is a folder; give a file name, e.g. {output / 'candidates.yaml'}")
    resolved = output.resolve()
    for doc in inputs:
        if doc.exists() and doc.resolve() == resolved:
            raise InputError(f"-o {output}: is one of the input documents; choose another output file")
    if not output.exists():
        return None
    try:
        previous = load_bank(output)
    except (BankError, InputError):
        if force:
            return None
        raise InputError(f"-o {output}: exists and is not a quizgen bank; use --force to replace it") from None
    decided = [f for f in previous.facts if f.status != "candidate"]
    # a candidates file holds candidates (some perhaps already decided); a curated bank holds none
    if decided and not any(f.status == "candidate" for f in previous.facts) and not force:
        raise InputError(f"-o {output}: holds {len(decided)} approved or rejected facts (a curated bank?); "
                         "extract writes candidates: choose another file and `quizgen review` it into this one, "
                         "or use --force")
    return previous


def _keep_decisions(bank: Bank, previous: Bank | None) -> int:
    """Re-running extract over a candidates file keeps the facts already approved or rejected there."""
    if previous is None:
        return 0
    decided = {f.id: f for f in previous.facts if f.status != "candidate"}
    kept = 0
    for i, fact in enumerate(bank.facts):
        if fact.id in decided:
            bank.facts[i] = decided.pop(fact.id)
            kept += 1
    bank.facts.extend(decided.values())  # decided facts the new run no longer finds stay too
    return kept + len(decided)


@click.command(help="Read documents (.txt, .md, .html) and write candidate facts for `quizgen review`.\n\n"
               "Example: quizgen extract notes.txt lecture.html -o candidates.yaml --title 'The French Revolution'")
@click.argument("docs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Candidates file to write (a bank; written atomically).")
@click.option("--id", "bank_id", help="Bank id (a slug). Default: from the first document's file name.")
@click.option("--title", help="Bank title. Default: the first document's title.")
@click.option("--force", is_flag=True, help="Replace an output file that is not a candidates file.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: for large inputs on a terminal).")
def command(docs: tuple[Path, ...], output: Path, bank_id: str | None, title: str | None, force: bool,
            progress: bool | None) -> None:
    from ..extract.pipeline import extract_docs, read_documents

    if bank_id is not None and not SLUG.match(bank_id):
        raise InputError(f"--id {bank_id!r}: must be a lowercase slug (letters, digits, dashes), "
                         "e.g. french-revolution")
    if title is not None and not title.strip():
        raise InputError("--title: must not be empty")
    inputs = list(docs)
    previous = _check_output(output, inputs, force)
    documents = read_documents(inputs)
    size = sum(p.stat().st_size for p in inputs if p.is_file())
    show = progress if progress is not None else (size >= PROGRESS_BYTES and sys.stderr.isatty())
    bar = _Bar("extracting") if show else None
    try:
        result = extract_docs(documents, bank_id, title, bar)
    finally:
        if bar is not None:
            bar.close()
    kept = _keep_decisions(result.bank, previous)
    if not result.bank.facts:
        raise OutputError(f"no candidate facts found in {', '.join(str(d) for d in inputs)}; "
                          f"nothing written to {output}")
    save_bank(result.bank, output)
    note = f"; kept {kept} facts already approved or rejected in {output}" if kept else ""
    click.echo(f"wrote {output}: {result.summary()}{note}", err=True)
