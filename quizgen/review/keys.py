"""Single key presses on a terminal, without losing keys typed ahead.

click.getchar switches to raw mode with TCSAFLUSH on every call, which throws away keys pressed while
the next screen was being printed (a quick "a a" approves one candidate and echoes a stray "a").
Instead the whole review runs in cbreak mode without echo (set with TCSANOW, which keeps pending
input), going back to the normal line mode only while an edit is typed. Ctrl-C still raises
KeyboardInterrupt (ISIG stays on); Ctrl-D ends the review like quit.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from typing import TextIO

import click

# one key: an escape sequence (arrows, function keys) or a single character
_KEY = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|O.|.)?|.", re.DOTALL)


class TerminalKeys:
    def __init__(self, stream: TextIO):
        self.stream = stream
        self.saved: list | None = None
        self.pending = ""

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """Keep the terminal in cbreak/no-echo mode for the whole review (when termios exists)."""
        try:
            import termios

            fd = self.stream.fileno()
            self.saved = termios.tcgetattr(fd)
        except (ImportError, OSError, ValueError):  # no termios (Windows) or not a real terminal
            yield
            return
        try:
            self._cbreak()
            yield
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, self.saved)
            self.saved = None

    def _cbreak(self) -> None:
        import termios

        fd = self.stream.fileno()
        mode = termios.tcgetattr(fd)
        mode[3] &= ~(termios.ICANON | termios.ECHO)
        mode[6][termios.VMIN], mode[6][termios.VTIME] = 1, 0
        termios.tcsetattr(fd, termios.TCSANOW, mode)

    def key(self) -> str:
        if self.saved is None:
            return click.getchar(echo=False)
        if not self.pending:
            data = os.read(self.stream.fileno(), 64)
            if not data:
                raise EOFError
            self.pending = data.decode("utf-8", "replace")
        m = _KEY.match(self.pending)
        key = m.group(0) if m else self.pending
        self.pending = self.pending[len(key):]
        if key == "\x04":
            raise EOFError
        return key

    def line(self, prompt: str, current: str) -> str:
        """Read an edit in normal line mode, pre-filled with the current text (GNU readline)."""
        if self.saved is not None:
            import termios

            termios.tcsetattr(self.stream.fileno(), termios.TCSANOW, self.saved)
        try:
            return _edit_prefilled(prompt, current)
        finally:
            if self.saved is not None:
                self._cbreak()


def _edit_prefilled(prompt: str, current: str) -> str:
    """A line editor that starts with the current text, so fixing a typo does not mean retyping."""
    try:
        import readline
    except ImportError:  # no GNU readline (Windows): show the current text, Enter keeps it
        return input(f"{prompt}[{current}] ")
    readline.set_startup_hook(lambda: readline.insert_text(current))
    try:
        return input(prompt)
    finally:
        readline.set_startup_hook()
