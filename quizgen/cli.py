"""The `quizgen` command: a click group whose subcommands load only when run.

Each command lives in `quizgen/commands/<name>.py` as `command`; the table below holds its
one-line help so `quizgen --help` imports none of them (and none of their heavy libraries).
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from . import __version__
from .errors import BankError, QuizgenError

COMMANDS: dict[str, str] = {
    "build": "Build every bank in decks/ into out/: Anki deck, MC sets, worksheets.",
    "validate": "Check banks; list every problem with file:line.",
    "stats": "Counts by kind, tag and status; study progress with --store.",
    "export": "Export a bank: json, gift, moodle-xml, qti, csv, quizlet, kahoot, blooket, gimkit.",
    "extract": "Read documents and write candidate facts for review.",
    "review": "Approve, reject or edit candidates into a bank.",
    "anki": "Build an Anki package (.apkg) from banks.",
    "mc": "Randomized multiple-choice versions with an answer key.",
    "worksheet": "Printable worksheets and tests (PDF) with an answer key.",
    "quiz": "Quiz yourself in the terminal with spaced repetition.",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"quizgen.commands.{cmd_name}")
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl(list(COMMANDS.items()))


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizgen")
def cli() -> None:
    """Turn history documents into a curated question bank, and the bank into Anki decks,
    printable tests, multiple-choice sets with LMS exports, and a terminal self-quiz."""


def main(argv: list[str] | None = None) -> None:
    try:
        rc = cli.main(args=argv, prog_name="quizgen", standalone_mode=False)
    except BankError as exc:
        for problem in exc.problems:
            click.echo(f"Error: {problem}", err=True)
        sys.exit(exc.exit_code)
    except QuizgenError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("\nInterrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # `quizgen export ... | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # a bug of ours: still one line for the user, the trace on request
        if os.environ.get("QUIZGEN_DEBUG"):
            raise
        click.echo(f"Error: internal error ({type(exc).__name__}: {exc}); "
                   "run with QUIZGEN_DEBUG=1 for details and please report it", err=True)
        sys.exit(70)
    # standalone_mode=False hands back the code of a click Exit instead of exiting
    sys.exit(rc if isinstance(rc, int) else 0)
