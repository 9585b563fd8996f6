"""Helpers shared by the LMS and classroom-game exports: text cleaning, spreadsheet safety, the
multiple-choice questions of an export, and byte-identical zips."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import random
import re
import zipfile
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..bank import Bank, Fact
from . import ExportOptions, ExportResult

if TYPE_CHECKING:
    from ..questions import MCQuestion

# Characters no XML 1.0 document may hold (C0 controls other than tab/newline, lone surrogates,
# U+FFFE/U+FFFF). They never belong in a question, and one of them makes a Moodle or Canvas
# import fail without saying why, so every export drops them.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINEBREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85")

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
# (OWASP "CSV injection"); tab and carriage return are on OWASP's list too.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA = re.compile("'*[=+\\-@\t\r]")

# ZIP (DOS) timestamps cannot go below 1980; a fixed stamp makes the same seed give the same bytes.
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

NO_MC = "no multiple-choice form (not enough good wrong options)"


def clean(text: str) -> str:
    """A field as every export writes it: one kind of line break, nothing an XML parser rejects, no
    space at either end (every importer trims, each with its own idea of what a space is)."""
    return _ILLEGAL.sub("", _LINEBREAKS.sub("\n", text)).strip()


def one_line(text: str) -> str:
    """For single-line targets (game templates, Quizlet, comments): tabs and line breaks become spaces."""
    return re.sub(r"[\t\n]", " ", clean(text))


def html_inline(text: str) -> str:
    """Plain text as HTML for targets that render HTML (Moodle XML, Canvas): `<script>` stays text,
    line breaks stay visible."""
    return html.escape(clean(text), quote=False).replace("\n", "<br>")


def html_paragraph(text: str) -> str:
    return f"<p>{html_inline(text)}</p>"


def neutralise(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would otherwise run as a formula.

    A text that already starts with apostrophes before a formula character gets one more, so the
    rule can be undone without guessing: drop one apostrophe from a cell matching `'+[=+-@]`."""
    return "'" + cell if _FORMULA.match(cell) else cell


def unique(items: Iterable[str]) -> list[str]:
    """Keep the first of each text, in order (accepted answers often repeat the answer)."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def mc_questions(bank: Bank, options: ExportOptions, n_options: int = 4) -> list[tuple[Fact, MCQuestion | None]]:
    """Each selected fact with its multiple-choice form (None when it has none).

    One Random(seed) walks the facts in bank order, so the same seed gives the same options and the
    same order in every format. The right answer's position is dealt from a shuffled, evenly filled
    list, so it is balanced over the whole export rather than merely random (dates and numbers stay
    in ascending order, so theirs follows from the dates)."""
    from ..questions import make_mc

    rng = random.Random(options.seed)
    facts = options.select(bank)
    positions = [i % n_options for i in range(len(facts))]
    rng.shuffle(positions)
    return [(fact, make_mc(bank, fact, rng, n_options=n_options, position=pos))
            for fact, pos in zip(facts, positions, strict=True)]


def category_path(bank: Bank) -> str:
    """Moodle category for the deck: `$course$/History/Trotsky` from an Anki-style `History::Trotsky`.

    Moodle splits category paths on `/` and reads `//` as a literal slash."""
    parts = [one_line(p).strip() for p in bank.deck_name.split("::")]
    parts = [p.replace("/", "//") for p in parts if p]
    return "/".join(["$course$", *parts])


def ident(*parts: str) -> str:
    """A stable identifier from names (Canvas needs ids; the same bank must give the same ones)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return f"quizgen_{digest}"


def csv_text(rows: Iterable[list[str | int]], bom: bool = False) -> str:
    """RFC 4180 CSV (CRLF, quotes doubled). `bom` lets Excel see UTF-8 and show accents correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(c) if isinstance(c, str) else c for c in row])
    return ("\ufeff" if bom else "") + buf.getvalue()


def deterministic_zip(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip with fixed timestamps and permissions, entries sorted by name: same input, same bytes.

    A name ending in "/" is written as a folder entry."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.create_system = 3  # unix, so the permission bits below are read
            if name.endswith("/"):
                info.external_attr = (0o40755 << 16) | 0x10
                zf.writestr(info, b"")
            else:
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
    return buf.getvalue()


def template_sheet(bank: Bank, options: ExportOptions, title: str, header: list[str],
                   row: Callable[[int, MCQuestion], list[str | int]]) -> ExportResult:
    """A game's CSV import template: title row padded to the header's width, the header, one row per MC item.

    Games need wrong answers, so a fact with no multiple-choice form is skipped and said so.
    """
    rows: list[list[str | int]] = [[title] + [""] * (len(header) - 1), header]
    skipped = []
    for fact, mc in mc_questions(bank, options):
        if mc is None:
            skipped.append(f"{fact.id}: {NO_MC}")
            continue
        rows.append(row(len(rows) - 1, mc))
    return ExportResult(csv_text(rows), len(rows) - 2, skipped)
