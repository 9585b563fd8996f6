"""`write_worksheets`: plan the versions, render every document's HTML, then the PDFs, then write them.

All HTML is rendered before the first PDF, so a broken template stops the run before any slow work
and before any file is replaced; each file is then written atomically.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import __version__
from ..atomic import write_bytes, write_text
from ..bank import Bank
from ..errors import InputError
from .context import Plan, build_plan
from .fonts import with_small_fonts
from .pdf import render_pdfs
from .render import PAPER, Templates
from .timeline import bank_timeline


@dataclass
class Document:
    path: Path  # the PDF
    template: str
    context: dict[str, Any]


def _created() -> str | None:
    """ISO time for the PDF's metadata from SOURCE_DATE_EPOCH, so rebuilds are byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError, OSError):
        raise InputError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from None


def _groups(plan: Plan) -> list[dict[str, Any]]:
    """The study sheet's facts under their first tag, in bank order."""
    groups: dict[str, list] = {}
    for fact in plan.pool:
        name = fact.tags[0].replace("-", " ").capitalize() if fact.tags else "Other facts"
        groups.setdefault(name, []).append(fact)
    return [{"name": name, "facts": facts} for name, facts in groups.items()]


def plan_documents(plan: Plan, out_dir: Path, study_sheet: bool = False) -> list[Document]:
    bank = plan.bank
    deck_title = bank.title
    common = {"title": plan.title, "deck_title": deck_title, "bank": bank, "seed": plan.seed,
              "generator": f"quizgen {__version__}", "created": _created(), "lang": "en", "inline_css": None}
    docs = []
    for sheet in plan.versions:
        docs.append(Document(out_dir / f"{bank.id}-{sheet.code}.pdf", "worksheet.html", {
            **common, "sheet": sheet, "doc_title": f"{plan.title} \u2013 Version {sheet.code}",
            "subtitle": f"Answer every question. Total: {sheet.marks} marks.",
            "footer": f"{deck_title} \u00b7 Version {sheet.code}"}))
    timeline = bank_timeline(bank, plan.dated)
    docs.append(Document(out_dir / f"{bank.id}-key.pdf", "key.html", {
        **common, "versions": plan.versions, "timeline": timeline,
        "doc_title": f"{plan.title} \u2013 answer key", "footer": f"{deck_title} \u00b7 Answer key"}))
    if study_sheet:
        docs.append(Document(out_dir / f"{bank.id}-study.pdf", "study.html", {
            **common, "timeline": timeline, "groups": _groups(plan),
            "description": bank.description, "doc_title": f"{plan.title} \u2013 study sheet",
            "footer": f"{deck_title} \u00b7 Study sheet"}))
    return docs


def write_worksheets(bank: Bank, out_dir: str | Path, versions: int, questions: int, seed: int,
                     paper: str = "a4", sections: Sequence[str] | None = None, title: str | None = None,
                     template_dir: str | Path | None = None, html: bool = False, *, study_sheet: bool = False,
                     tags: Sequence[str] = (), kinds: Sequence[str] = (), word_bank: bool = True,
                     progress: Callable[[int], None] | None = None,
                     notes: list[str] | None = None) -> list[Path]:
    """Write `<deck>-A.pdf` ... one per version, `<deck>-key.pdf` (and `-study.pdf`); return the paths.

    `notes` (if given) receives one line per section the bank could not fill.
    """
    if paper not in PAPER:
        raise InputError(f"--paper: unknown paper '{paper}' (choose {' or '.join(PAPER)})")
    if versions < 1:
        raise InputError("--versions must be at least 1")
    templates = Templates(template_dir)
    css = templates.stylesheet(paper)
    plan = build_plan(bank, versions, questions, seed, sections, title, tags, kinds, word_bank)
    if notes is not None:
        notes.extend(plan.notes)
    out = Path(out_dir)
    docs = plan_documents(plan, out, study_sheet)
    htmls = [templates.render(d.template, **d.context) for d in docs]
    copies = [templates.render(d.template, **{**d.context, "inline_css": Markup(css)}) for d in docs] if html else []
    base_url = str(bank.path.parent) if bank.path else None
    written: list[Path] = []
    pdf_css = with_small_fonts(css, htmls)
    for doc, pdf in zip(docs, render_pdfs(htmls, pdf_css, base_url, progress), strict=True):
        write_bytes(doc.path, pdf)
        written.append(doc.path)
    for doc, text in zip(docs, copies, strict=False):
        write_text(doc.path.with_suffix(".html"), text)
        written.append(doc.path.with_suffix(".html"))
    return written
