"""Printable worksheets and tests: HTML from Jinja2 templates, PDF through WeasyPrint, plus an answer key.

`write_worksheets(bank, out_dir, versions, questions, seed, ...)` is the whole feature as a library call;
`quizgen worksheet` is a thin command over it.
"""

from .writer import write_worksheets

__all__ = ["write_worksheets"]
