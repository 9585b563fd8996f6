"""Moodle GIFT: multiple choice `{=right ~wrong}`, short answer `{=one =other}` when a fact has no
multiple-choice form, the source quote as general feedback (`####`).

The rules come from Moodle's own reader and writer (question/format/gift/format.php):
- backslash first, then `~ = # { } :` are escaped with a backslash and line breaks written as `\\n`;
- `[plain]` before the question text: Moodle then shows `<script>` as text instead of running it, and
  answers and feedback inherit the format;
- an answer starting with `%` would be read as a grade weight (`~%50%...`), so those get an explicit
  weight in front; one starting with `[` could set its own format, so it gets `[plain]` in front;
- short answers also escape Moodle's `*` wildcard as `\\*`.
"""

from __future__ import annotations

from ..bank import Bank, Fact
from . import ExportOptions, ExportResult
from .common import category_path, clean, mc_questions, one_line, unique

_SPECIAL = str.maketrans({c: "\\" + c for c in "~=#{}:"})


def escape(text: str) -> str:
    """GIFT-escape one field: backslash first, then the six special characters, then line breaks."""
    return clean(text).replace("\\", "\\\\").translate(_SPECIAL).replace("\n", "\\n")


def _answer(marker: str, text: str, weight: str = "") -> str:
    """One answer (or, with marker "####", the general feedback) as Moodle must read it back."""
    body = escape(text)
    # Moodle reads a leading %n% after ~ (and after = in a short answer) as a grade: an explicit weight
    # in front keeps a text that really starts with % whole. A leading [html] or [markdown] would set
    # the answer's format: [plain] in front keeps it text.
    return marker + (weight if body.startswith("%") else "") + ("[plain]" if body.startswith("[") else "") + body


def _shortanswer(text: str) -> str:
    # Moodle's short-answer matching treats * as "anything"; \* is a literal asterisk.
    return text.replace("*", "\\*")


def _question(fact: Fact, question: str, options: list[str] | None, answer_index: int) -> str:
    lines = [f"// {fact.id} ({fact.kind})", f"::{escape(fact.id)}::[plain]{escape(question)}{{"]
    if options is not None:
        for i, option in enumerate(options):
            lines.append("\t" + (_answer("=", option) if i == answer_index else _answer("~", option, "%0%")))
    else:
        for text in unique(clean(a) for a in fact.answers):
            lines.append("\t" + _answer("=", _shortanswer(text), "%100%"))
    if fact.source and fact.source.quote.strip():
        lines.append("\t" + _answer("####", fact.source.quote))
    lines.append("}")
    return "\n".join(lines)


def export(bank: Bank, options: ExportOptions) -> ExportResult:
    items = mc_questions(bank, options)
    n_mc = sum(mc is not None for _, mc in items)
    # The category line is not unescaped like question text: only a backslash needs doubling.
    category = category_path(bank).replace("\\", "\\\\")
    blocks = [
        f"// quizgen export of {one_line(bank.title)} (bank {bank.id}, seed {options.seed})\n"
        f"// {len(items)} questions: {n_mc} multiple choice, {len(items) - n_mc} short answer",
        f"$CATEGORY: {category}",
    ]
    for fact, mc in items:
        if mc is None:
            blocks.append(_question(fact, fact.question, None, -1))
        else:
            blocks.append(_question(fact, mc.question, list(mc.options), mc.answer_index))
    return ExportResult("\n\n".join(blocks) + "\n", len(items))
