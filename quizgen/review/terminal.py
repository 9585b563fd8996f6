"""Input and output for the review loop, injectable so tests drive it without a terminal.

On a terminal a command is one key press (no Enter) and edits are pre-filled with the current text;
from a pipe every command is one line, so a review can be scripted: `printf 'a\\nr\\nq\\n' | quizgen review`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TextIO

import click

from .keys import TerminalKeys


@dataclass
class Environment:
    """What the loop needs from the outside world.

    read_key() returns one command (a key or a line) and raises EOFError at the end of input and
    KeyboardInterrupt on Ctrl-C; read_line(prompt, current) returns typed text ('' keeps current).
    """

    read_key: Callable[[], str]
    read_line: Callable[[str, str], str]
    write: Callable[[str], None]
    color: bool = False
    width: int = 80
    keys: bool = False  # commands are single key presses (a terminal), not lines
    hold: Callable[[], AbstractContextManager[None]] = contextlib.nullcontext  # the loop runs inside it

    def style(self, text: str, **kw: object) -> str:
        return click.style(text, **kw) if self.color else text  # type: ignore[arg-type]

    @classmethod
    def scripted(cls, lines: Iterable[str], out: list[str] | None = None, width: int = 80) -> Environment:
        """Commands and edit answers taken from `lines`; everything written is appended to `out`."""
        feed: Iterator[str] = iter(lines)
        sink = out if out is not None else []

        def next_line() -> str:
            try:
                return next(feed)
            except StopIteration:
                raise EOFError from None

        def read_line(prompt: str, current: str) -> str:
            sink.append(prompt)
            text = next_line()
            sink.append(text + "\n")
            return text

        return cls(next_line, read_line, sink.append, color=False, width=width)

    @classmethod
    def terminal(cls, stdin: TextIO | None = None, stdout: TextIO | None = None) -> Environment:
        """Keys on a TTY, lines from a pipe; colours only on a TTY and never with NO_COLOR."""
        stdin = stdin or sys.stdin
        stdout = stdout or sys.stdout
        tty_in, tty_out = _isatty(stdin), _isatty(stdout)
        color = tty_out and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        width = min(shutil.get_terminal_size((80, 24)).columns, 100)

        def write(text: str) -> None:
            click.echo(text, nl=False, file=stdout, color=color)

        if tty_in:
            keys = TerminalKeys(stdin)
            return cls(keys.key, keys.line, write, color=color, width=width, keys=True, hold=keys.hold)

        def read_key() -> str:
            line = stdin.readline()
            if not line:
                raise EOFError
            return line.rstrip("\r\n")

        def read_line(prompt: str, current: str) -> str:
            write(prompt)
            text = read_key()
            write(text + "\n")  # a pipe's input is not echoed: show it, so the transcript reads well
            return text

        return cls(read_key, read_line, write, color=color, width=width)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
