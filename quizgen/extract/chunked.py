"""Large inputs: extract part by part with bounded memory, then merge and keep a reviewable number.

A whole-run analysis holds every sentence's tokens and names at once (about 60 MB per MB of prose), so a
50 MB file would need gigabytes. Above CHUNK_CHARS the documents are cut at paragraph boundaries into
parts of about CHUNK_CHARS (a part is the size of a long book: enough text for its own topic model, name
merging and spelling repairs), each part is extracted on its own, and only its candidates are kept.
Candidates are merged by question (the most confident wins), and at most MAX_CANDIDATES are kept, the
most confident first (no teacher reviews 300,000 candidates); the summary says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from ..bank import Bank, Fact, Person, Work
from .documents import Document, Paragraph
from .folding import fold
from .ids import assign_ids

# Characters per part: about 170,000 words, 60-100 MB of working memory while it is read.
CHUNK_CHARS = 1_000_000
# Most candidates one run writes (the most confident); small documents give far fewer.
MAX_CANDIDATES = 2000


def doc_chars(docs: list[Document]) -> int:
    return sum(len(p.text) for d in docs for p in d.paragraphs)


def _pieces(p: Paragraph, size: int) -> Iterator[Paragraph]:
    """A paragraph longer than a part (a file without blank lines) is cut after a sentence's full stop."""
    text = p.text
    while len(text) > size:
        cut = text.rfind(". ", 0, size)
        cut = cut + 1 if cut > size // 2 else size
        yield Paragraph(text[:cut].strip(), p.heading)
        text = text[cut:]
    if text.strip():
        yield Paragraph(text.strip(), p.heading)


def parts(docs: list[Document], size: int = CHUNK_CHARS) -> Iterator[list[Document]]:
    """Documents cut into groups of about `size` characters, in order, each a list of partial Documents."""
    group: list[Document] = []
    n = 0
    for d in docs:
        cur = Document(d.key, d.path, d.title, [])
        for para in d.paragraphs:
            for piece in _pieces(para, size):
                cur.paragraphs.append(piece)
                n += len(piece.text)
                if n >= size:
                    group.append(cur)
                    yield group
                    group, n = [], 0
                    cur = Document(d.key, d.path, d.title, [])
        if cur.paragraphs:
            group.append(cur)
    if group:
        yield group


class Merger:
    """Candidates of all parts: one per question (the most confident copy), at most `cap` in all.

    The cap keeps each kind's share of the distinct questions (dates do not crowd out terms) and, within
    a kind, the most confident, then the earliest."""

    def __init__(self, cap: int = MAX_CANDIDATES) -> None:
        self.cap = cap
        self.best: dict[str, tuple[float, int, Fact]] = {}
        self.kind_total: Counter = Counter()  # distinct questions seen, by kind
        self.seen: set[int] = set()  # hashes of every question seen, trimmed or not: an exact count
        self.order = 0
        self.people: dict[str, Person] = {}
        self.works: dict[str, Work] = {}

    def add(self, bank: Bank) -> None:
        for f in bank.facts:
            key = fold(f.question)
            self.order += 1
            old = self.best.get(key)
            if old is None:
                h = hash(key)
                if h not in self.seen:
                    self.seen.add(h)
                    self.kind_total[f.kind] += 1
                self.best[key] = (f.confidence or 0.0, -self.order, f)
            elif (f.confidence or 0.0) > old[0]:
                self.best[key] = (f.confidence or 0.0, old[1], f)
        if len(self.best) > 3 * self.cap:
            self._trim_kinds()
        for p in bank.people:
            have = self.people.get(p.name)
            if have is None:
                self.people[p.name] = Person(p.name, list(p.aliases), p.role)
            else:
                have.aliases.extend(a for a in p.aliases if a not in have.aliases)
                have.role = have.role or p.role
        for w in bank.works:
            self.works.setdefault(fold(w.title), w)

    def _ranked(self) -> dict[str, list[tuple[str, tuple[float, int, Fact]]]]:
        by_kind: dict[str, list[tuple[str, tuple[float, int, Fact]]]] = {}
        for key, item in self.best.items():
            by_kind.setdefault(item[2].kind, []).append((key, item))
        for items in by_kind.values():
            items.sort(key=lambda kv: (kv[1][0], kv[1][1]), reverse=True)
        return by_kind

    def _trim_kinds(self) -> None:
        # no kind can keep more than `cap`: what is trimmed here could never be chosen at the end
        # (the `cap` ahead of it in its kind stay, and a question seen again keeps its best copy)
        self.best = dict(kv for items in self._ranked().values() for kv in items[: self.cap])

    def select(self) -> list[Fact]:
        """The kept candidates in document order."""
        chosen: list[tuple[float, float, tuple[float, int, Fact]]] = []
        for kind, items in self._ranked().items():
            total = self.kind_total[kind]
            # Webster's divisors: each kind gets its share of the cap, rounded fairly
            chosen.extend(((r + 0.5) / total, -item[0], item) for r, (_, item) in enumerate(items))
        chosen.sort(key=lambda t: (t[0], t[1], -t[2][1]))
        kept = [item for _, _, item in chosen[: self.cap]]
        return [f for _, _, f in sorted(kept, key=lambda t: -t[1])]

    def into(self, bank: Bank) -> int:
        """Fill `bank` (its sources already set); returns how many candidates were left out by the cap."""
        facts = self.select()
        ids = assign_ids([(f.kind, f.answer, f.question, f.when, f.source.quote if f.source else "")
                          for f in facts])
        for fid, f in zip(ids, facts, strict=True):
            f.id = fid
        bank.facts = facts
        answers = {fold(a) for f in facts for a in f.answers}
        bank.people = [p for p in self.people.values()
                       if fold(p.name) in answers or any(fold(a) in answers for a in p.aliases) or p.role]
        bank.works = list(self.works.values())
        return len(self.seen) - len(facts)


def extract_in_parts(
    docs: list[Document],
    one: Callable[[list[Document]], tuple[Bank, int, Counter, int]],
    advance: Callable[[int], None] | None,
) -> tuple[Bank, int, Counter, int, int]:
    """Run `one` (a whole extraction of a few documents) part by part; merged bank, sentences, dropped,
    words, and how many candidates the cap left out."""
    merger = Merger()
    sentences, words = 0, 0
    dropped: Counter = Counter()
    for group in parts(docs):
        bank, n_sent, n_dropped, n_words = one(group)
        merger.add(bank)
        sentences += n_sent
        dropped.update(n_dropped)
        words += n_words
        if advance:
            advance(doc_chars(group))
    out = Bank(id="", title="")
    left_out = merger.into(out)
    return out, sentences, dropped, words, left_out
