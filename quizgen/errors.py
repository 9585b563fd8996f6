"""One error hierarchy; the CLI turns any QuizgenError into `Error: ...` and a non-zero exit."""

from __future__ import annotations

from dataclasses import dataclass


class QuizgenError(Exception):
    """Base class: everything a user can cause. Its message is shown as is, without a traceback."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bank, located by file and line."""

    path: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        loc = f"{self.path}:{self.line}" if self.line else self.path
        return f"{loc}: {self.where}: {self.message}" if self.where else f"{loc}: {self.message}"


class BankError(QuizgenError):
    """A bank that cannot be loaded; carries every problem found, each one line with file:line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class InputError(QuizgenError):
    """An input document or option that cannot be used (binary file, missing file, bad value)."""


class ExtractError(QuizgenError):
    """Extraction could not proceed."""


class RenderError(QuizgenError):
    """An output (deck, PDF, export) could not be produced."""


class OutputError(QuizgenError):
    """An output could not be written (unwritable folder, disk full)."""
