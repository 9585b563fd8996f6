"""What goes on the cards: each approved fact as note fields, tags and a GUID.

Anki shows fields as HTML, so every piece of bank text is escaped here and nowhere else: a fact
that mentions `<script>`, `<b>` or `&` shows those characters on the card, it does not run them.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..bank import GAP, Bank, Fact
from ..textnorm import fold
from .models import CLOZE, QA, NoteType

# Kinds whose answer, shown alone, makes a fair prompt the other way round; the text is the prompt.
REVERSE_PROMPTS = {
    "person": "Who is this, and what did they do?",
    "term": "What is this, and why does it matter?",
}
# A longer answer is a description rather than a name or term: no card starts from it.
REVERSE_MAX_CHARS = 60


@dataclass(frozen=True)
class NoteSpec:
    key: str  # ledger key: the fact id, or "<fact id>/cloze"
    fact_id: str
    note_type: NoteType
    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def digest(self) -> str:
        """What the student's copy must match; any change here is a change worth delivering."""
        text = "\x1e".join((self.note_type.name, "\x1f".join(self.fields), " ".join(self.tags)))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    @property
    def cards(self) -> int:
        if self.note_type.cloze:
            return 1
        return 2 if self.fields[QA.fields.index("Add Reverse")] else 1


def guid_for(*parts: str) -> str:
    import genanki

    return genanki.guid_for(*parts)


def esc(text: str | None) -> str:
    """Bank text as it must appear literally on a card: NFC, HTML-escaped, line breaks kept."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def _no_braces(text: str) -> str:
    # Anki reads "{{c1::" anywhere in a cloze field; entities keep a literal brace from forming one.
    return text.replace("{", "&#123;").replace("}", "&#125;")


def cloze_field(cloze: str) -> str:
    """The bank's `... {{gap}} ...` as Anki's `... {{c1::gap}} ...`, escaped on both sides of the gap."""
    out: list[str] = []
    pos = 0
    for m in GAP.finditer(cloze):
        out.append(_no_braces(esc(cloze[pos:m.start()])))
        # a "::" inside the gap would start Anki's hint; an entity colon shows the same
        gap = _no_braces(esc(m.group(1))).replace(":", "&#58;")
        out.append("{{c1::" + gap + "}}")
        pos = m.end()
    out.append(_no_braces(esc(cloze[pos:])))
    return "".join(out)


def source_field(bank: Bank, fact: Fact) -> str:
    """The quote and the document it came from, so a student can check the card."""
    if fact.source is None:
        return ""
    doc = bank.sources.get(fact.source.doc)
    title = esc((doc.title if doc else None) or fact.source.doc)
    if doc and doc.url and urlsplit(doc.url).scheme in ("http", "https"):
        title = f'<a href="{html.escape(doc.url, quote=True)}">{title}</a>'
    quote = esc(fact.source.quote)
    return f"\u201c{quote}\u201d <cite>{title}</cite>" if quote else f"<cite>{title}</cite>"


def tags_for(fact: Fact) -> tuple[str, ...]:
    """The fact's own tags (Anki tags cannot hold spaces) and its kind as `kind::<kind>`."""
    tags = {re.sub(r"\s+", "_", t.strip()) for t in fact.tags if t.strip()}
    tags.add(f"kind::{fact.kind}")
    return tuple(sorted(tags))


def reversible(bank: Bank, facts: list[Fact]) -> set[str]:
    """Facts whose answer can stand alone as a prompt: the right kind, short, and the answer to no
    other approved fact (otherwise the front would not say which fact it asks for)."""
    folded = {f.id: fold(f.answer) for f in facts}
    counts = Counter(folded.values())
    return {f.id for f in facts if f.kind in REVERSE_PROMPTS and len(f.answer) <= REVERSE_MAX_CHARS
            and counts[folded[f.id]] == 1}


def note_specs(bank: Bank, *, reverse: bool = True, cloze: bool = True) -> list[NoteSpec]:
    """Every note for the bank's approved facts, in bank order: all Q/A notes, then the cloze notes.

    Clozes come second so a student meets each fact first as a question and, days later, as a
    sentence to complete: a second look in a new form rather than the same fact twice in one sitting.
    """
    facts = bank.approved()
    rev = reversible(bank, facts) if reverse else set()
    qa: list[NoteSpec] = []
    cz: list[NoteSpec] = []
    for f in facts:
        source, note, tags = source_field(bank, f), esc(f.note), tags_for(f)
        prompt = REVERSE_PROMPTS[f.kind] if f.id in rev else ""
        qa.append(NoteSpec(f.id, f.id, QA, guid_for(bank.id, f.id),
                           (esc(f.question), esc(f.answer), source, note, esc(prompt)), tags))
        if cloze and f.cloze:
            cz.append(NoteSpec(f"{f.id}/cloze", f.id, CLOZE, guid_for(bank.id, f.id, "cloze"),
                               (cloze_field(f.cloze), source, note), tags))
    return qa + cz
