"""Terminal I/O for the quiz, injectable so tests can drive a session with strings.

On a terminal: colours (unless NO_COLOR is set or TERM=dumb), line editing, text wrapped to the
window, answer times measured. In a pipe: one answer per line from stdin, the answer echoed after
its prompt so the transcript reads like a session, no escape codes, no wrapping, no timing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from typing import TextIO

import click

_STYLES: dict[str, dict[str, object]] = {
    "title": {"bold": True},
    "ok": {"fg": "green", "bold": True},
    "bad": {"fg": "red", "bold": True},
    "warn": {"fg": "yellow"},
    "dim": {"dim": True},
    "label": {"fg": "cyan", "bold": True},
    "accent": {"fg": "cyan"},
}


def wants_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR", "") != "" or os.environ.get("TERM") == "dumb":
        return False
    return _isatty(stream)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Terminal:
    """Where the quiz writes and reads. Defaults to sys.stdin/sys.stdout, detected as TTY or pipe."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None, *,
                 interactive: bool | None = None, color: bool | None = None, width: int | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        if self.stdout is sys.stdout and hasattr(sys.stdout, "reconfigure"):
            # a terminal that cannot show "—" or "“" gets "?" rather than a crash mid-quiz
            sys.stdout.reconfigure(errors="replace")
        self.interactive = _isatty(self.stdin) and _isatty(self.stdout) if interactive is None else interactive
        self.color = wants_color(self.stdout) if color is None else color
        if width is None and self.interactive:
            width = min(shutil.get_terminal_size((80, 24)).columns, 100)
        self.width = width  # None: do not wrap (a pipe keeps one line per paragraph)
        self.clock = clock
        self._readline_ready = False

    def style(self, text: str, role: str | None) -> str:
        if not self.color or not role:
            return text
        return click.style(text, **_STYLES[role])  # type: ignore[arg-type]

    def write(self, text: str = "", role: str | None = None) -> None:
        self.stdout.write(self.style(text, role) + "\n")
        self.stdout.flush()

    def para(self, text: str, role: str | None = None, indent: str = "", hang: str | None = None) -> None:
        """A paragraph, wrapped to the window on a terminal; `hang` indents its continuation lines."""
        if self.width:
            lines = textwrap.wrap(text, self.width, initial_indent=indent,
                                  subsequent_indent=indent if hang is None else hang) or [indent]
        else:
            lines = [indent + text]
        for line in lines:
            self.write(line, role)

    def ask(self, prompt: str) -> str:
        """One answer line. Raises EOFError at end of input, KeyboardInterrupt on Ctrl-C."""
        if self.interactive and self.stdin is sys.stdin and self.stdout is sys.stdout:
            self._enable_line_editing()
            return input(prompt).strip()
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")
            raise EOFError
        answer = line.strip()
        if not self.interactive:
            self.stdout.write(answer)  # a pipe does not echo: show what was answered
        self.stdout.write("\n")
        self.stdout.flush()
        return answer

    def _enable_line_editing(self) -> None:
        # arrow keys and backspace across wrapped lines work with readline loaded; not on the
        # first-question path of a pipe, and harmless if the platform lacks it
        if not self._readline_ready:
            self._readline_ready = True
            with contextlib.suppress(ImportError):
                import readline  # noqa: F401


@contextlib.contextmanager
def hold_interrupts() -> Iterator[None]:
    """Delay Ctrl-C until the block ends, so an answer being saved is saved whole."""
    try:
        previous = signal.getsignal(signal.SIGINT)
        caught: list[bool] = []
        signal.signal(signal.SIGINT, lambda *_: caught.append(True))
    except ValueError:  # not the main thread: nothing to hold
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt
