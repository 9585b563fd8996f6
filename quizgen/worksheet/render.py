"""Templates → HTML: one Jinja2 environment over the teacher's folder, then the packaged templates/.

Autoescape is on and undefined names are errors, so a typo in a teacher's template stops the run with
its file and line instead of printing a blank. The print stylesheet is a template too (worksheet.css):
a teacher overrides it by name like any other, and the paper size is added as its own small rule.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..errors import InputError, RenderError
from ..resources import data_dir

STYLESHEET = "worksheet.css"
PAPER = {"a4": "A4", "letter": "letter"}
# What each paper size measures in PDF points (for tests and for checking what was produced).
PAPER_POINTS = {"a4": (595, 842), "letter": (612, 792)}


class Templates:
    def __init__(self, template_dir: str | Path | None = None):
        folders = [data_dir("templates")]
        if template_dir is not None:
            custom = Path(template_dir)
            if not custom.is_dir():
                raise InputError(f"--template-dir {custom}: no such folder")
            folders.insert(0, custom)
        self.folders = folders
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(f)) for f in folders]),
            autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True)
        self.env.filters["letter"] = letter
        self.env.filters["blanks"] = blanks

    def _where(self) -> str:
        return " or ".join(str(f) for f in self.folders)

    def render(self, name: str, **context: Any) -> str:
        try:
            return self.env.get_template(name).render(**context)
        except jinja2.TemplateNotFound as exc:
            raise RenderError(f"template '{exc.name}' not found in {self._where()}") from None
        except jinja2.TemplateSyntaxError as exc:
            raise RenderError(f"{exc.filename or exc.name}:{exc.lineno}: template syntax error: {exc.message}") \
                from None
        except jinja2.UndefinedError as exc:
            raise RenderError(f"template '{name}' (or one it includes): {exc.message}") from None

    def stylesheet(self, paper: str) -> str:
        """The print CSS, as written (it is not rendered: CSS braces and quotes stay untouched)."""
        if paper not in PAPER:
            raise InputError(f"--paper: unknown paper '{paper}' (choose {' or '.join(PAPER)})")
        try:
            source, _, _ = self.env.loader.get_source(self.env, STYLESHEET)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            raise RenderError(f"template '{STYLESHEET}' not found in {self._where()}") from None
        return f"{source}\n@page {{ size: {PAPER[paper]}; }}\n"


def letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: option and matching letters."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


_BLANK = re.compile(r"_{3,}")


def blanks(text: str) -> Markup:
    """A cloze sentence with each run of underscores drawn as a writing gap."""
    return Markup(_BLANK.sub(Markup('<span class="gap"></span>'), str(escape(text))))
