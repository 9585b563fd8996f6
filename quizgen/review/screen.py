"""What the reviewer sees for one candidate: everything needed to judge it against its source."""

from __future__ import annotations

import re
import textwrap

from ..bank import Fact
from .terminal import Environment

KEYS = "[a]pprove [r]eject [e]dit [s]kip [u]ndo [q]uit [?]help"
HELP = """\
  a  approve: the fact goes into the bank as it is
  r  reject: kept in the bank as rejected, so it is never asked about again
  e  edit: change the question, then the answer (Enter keeps each), then approve
  s  skip: decide later; the next run asks again
  u  undo: take back the last decision (or skip) and show that candidate again
  q  quit: every decision is already saved; the next run starts where you stopped
"""


def _wrap(env: Environment, label: str, text: str) -> list[str]:
    indent = " " * len(label)
    lines = textwrap.wrap(text, width=max(env.width - 1, 40), initial_indent=label, subsequent_indent=indent,
                          break_on_hyphens=False) or [label]
    return lines


def _mark(env: Environment, text: str, answers: list[str]) -> str:
    """The quote with the answer underlined (colour terminals only), so the eye finds it at once."""
    if not env.color:
        return text
    for answer in sorted(filter(None, answers), key=len, reverse=True):
        m = re.search(re.escape(answer), text, re.IGNORECASE)
        if m:
            return text[: m.start()] + env.style(m.group(0), bold=True, underline=True) + text[m.end():]
    return text


def render(env: Environment, fact: Fact, position: int, total: int, duplicate_of: str | None = None) -> str:
    s = env.style
    head = f"-- {position}/{total} "
    kind = f" {fact.kind}" + (f" · confidence {fact.confidence:.2f}" if fact.confidence is not None else "")
    rule = "-" * max(env.width - len(head) - len(kind) - len(fact.id) - 3, 3)
    out = [s(head, fg="cyan") + s(fact.id, bold=True) + " " + s(rule, fg="cyan") + s(kind, fg="yellow")]
    out += [s(line, bold=True) for line in _wrap(env, "Q: ", fact.question)]
    out += [s(line, fg="green") for line in _wrap(env, "A: ", fact.answer)]
    if fact.accept:
        out += _wrap(env, "   also accept: ", "; ".join(fact.accept))
    if fact.when:
        out.append(f"   when: {fact.when}")
    if fact.cloze:
        out += _wrap(env, "Cloze: ", fact.cloze)
    if fact.source and fact.source.quote:
        label = f"Source ({fact.source.doc}): " if fact.source.doc else "Source: "
        # wrap the plain text, then mark: escape codes must not count towards the width
        lines = _wrap(env, label, f"\u201c{fact.source.quote}\u201d")
        answers = [*fact.answers, fact.cloze_answer or ""]
        out += [s(line[: len(label)], dim=True) + _mark(env, line[len(label):], answers) for line in lines]
    else:
        out.append(s("Source: none given (check this fact against the document)", fg="red"))
    if fact.note:
        out += _wrap(env, "Note: ", fact.note)
    if fact.tags:
        out.append("Tags: " + ", ".join(fact.tags))
    if duplicate_of:
        out.append(s(f"! The bank already asks this as '{duplicate_of}'", fg="red", bold=True))
    return "\n" + "\n".join(out) + "\n"


def keys_prompt(env: Environment) -> str:
    return env.style(KEYS, fg="cyan") + " > "
