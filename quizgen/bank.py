"""The question bank: schema, strict loading with file:line errors, and saving that keeps comments.

Loading walks PyYAML's node tree (libyaml when present): it is fast, safe (no object is ever
constructed from a tag) and every node knows its line. Saving goes through ruamel.yaml's round-trip
mode, imported only then, so a teacher's comments and key order survive our rewrites.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import BankError, InputError, OutputError, Problem
from .when import When, parse_when

KINDS = ("date", "person", "place", "work", "term", "number", "event")
STATUSES = ("candidate", "approved", "rejected")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
GAP = re.compile(r"\{\{(.+?)\}\}")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp",
                                                  "seq", "map")}


@dataclass
class Source:
    doc: str
    quote: str


@dataclass
class Fact:
    id: str
    kind: str
    question: str
    answer: str
    accept: list[str] = field(default_factory=list)
    when: str | None = None
    cloze: str | None = None
    source: Source | None = None
    note: str | None = None
    tags: list[str] = field(default_factory=list)
    distractors: list[str] = field(default_factory=list)
    confidence: float | None = None
    status: str = "approved"
    line: int = field(default=0, compare=False, repr=False)

    @property
    def answers(self) -> list[str]:
        """Every correct answer: the answer first, then the accepted alternatives."""
        return [self.answer, *self.accept]

    @property
    def when_value(self) -> When | None:
        return parse_when(self.when) if self.when else None

    @property
    def cloze_answer(self) -> str | None:
        m = GAP.search(self.cloze or "")
        return m.group(1) if m else None


@dataclass
class DocSource:
    file: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None


@dataclass
class Work:
    title: str
    author: str | None = None
    year: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Bank:
    id: str
    title: str
    deck: str | None = None
    description: str | None = None
    sources: dict[str, DocSource] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    works: list[Work] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    path: Path | None = field(default=None, compare=False, repr=False)

    @property
    def deck_name(self) -> str:
        return self.deck or self.title

    def approved(self) -> list[Fact]:
        return [f for f in self.facts if f.status == "approved"]

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def source_title(self, fact: Fact) -> str | None:
        if fact.source and fact.source.doc in self.sources:
            return self.sources[fact.source.doc].title
        return None


# Field order is the order we write; the schema says which fields a mapping may hold.
FACT_FIELDS = ("id", "kind", "question", "answer", "accept", "when", "cloze", "source", "note", "tags",
               "distractors", "confidence", "status")
BANK_FIELDS = ("id", "title", "deck", "description", "sources", "people", "works", "facts")
PERSON_FIELDS = ("name", "aliases", "role")
WORK_FIELDS = ("title", "author", "year", "aliases")
DOC_FIELDS = ("file", "title", "url")
SOURCE_FIELDS = ("doc", "quote")


class _Reader:
    """Turns a composed YAML node tree into a Bank, collecting every problem with its line."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def err(self, node: yaml.Node | None, where: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 0
        self.problems.append(Problem(self.path, line, where, message))

    def check_node(self, node: yaml.Node, where: str) -> bool:
        if id(node) in self._seen:
            self.err(node, where, "YAML anchors and aliases are not allowed in a bank")
            return False
        self._seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.err(node, where, f"YAML tag {node.tag!r} is not allowed (banks hold plain text)")
            return False
        return True

    def mapping(self, node: yaml.Node, where: str, allowed: tuple[str, ...],
                required: tuple[str, ...] = ()) -> dict[str, yaml.Node] | None:
        if not self.check_node(node, where):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.err(node, where, "expected a mapping of key: value")
            return None
        out: dict[str, yaml.Node] = {}
        for knode, vnode in node.value:
            key = str(knode.value)
            if not isinstance(knode, yaml.ScalarNode) or key not in allowed:
                near = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean '{near[0]}'?)" if near else f" (allowed: {', '.join(allowed)})"
                self.err(knode, where, f"unknown key '{key}'{hint}")
            elif key in out:
                self.err(knode, where, f"duplicate key '{key}' (first at line {out[key].start_mark.line + 1})")
            else:
                out[key] = vnode
        for key in required:
            if key not in out or _is_null(out[key]):
                self.err(node, where, f"missing '{key}'")
        return out

    def text(self, m: dict[str, yaml.Node], key: str, where: str) -> str | None:
        node = m.get(key)
        if node is None or _is_null(node) or not self.check_node(node, f"{where}.{key}"):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.err(node, where, f"'{key}' must be text")
            return None
        value = str(node.value).strip()
        return value or None

    def texts(self, m: dict[str, yaml.Node], key: str, where: str) -> list[str]:
        node = m.get(key)
        if node is None or _is_null(node) or not self.check_node(node, f"{where}.{key}"):
            return []
        if isinstance(node, yaml.ScalarNode):
            self.err(node, where, f"'{key}' must be a list, e.g. {key}: [one, two]")
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.err(node, where, f"'{key}' must be a list of text")
            return []
        out = []
        for i, item in enumerate(node.value):
            if not self.check_node(item, f"{where}.{key}[{i}]"):
                continue
            if not isinstance(item, yaml.ScalarNode) or _is_null(item) or not str(item.value).strip():
                self.err(item, where, f"'{key}' items must be non-empty text")
                continue
            out.append(str(item.value).strip())
        return out

    def seq(self, m: dict[str, yaml.Node], key: str, where: str) -> list[yaml.Node]:
        node = m.get(key)
        if node is None or _is_null(node) or not self.check_node(node, where):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.err(node, where, f"'{key}' must be a list")
            return []
        return list(node.value)

    def bank(self, root: yaml.Node) -> Bank | None:
        top = self.mapping(root, "bank", BANK_FIELDS, ("id", "title"))
        if top is None:
            return None
        bank_id = self.text(top, "id", "bank") or ""
        if bank_id and not SLUG.match(bank_id):
            self.err(top["id"], "id", f"'{bank_id}' must be a lowercase slug (letters, digits, dashes)")
        bank = Bank(id=bank_id, title=self.text(top, "title", "bank") or "",
                    deck=self.text(top, "deck", "bank"), description=self.text(top, "description", "bank"))
        if "sources" in top and not _is_null(top["sources"]):
            srcs = self.mapping(top["sources"], "sources", tuple(_keys(top["sources"])))
            for name, node in (srcs or {}).items():
                m = self.mapping(node, f"sources.{name}", DOC_FIELDS)
                if m is not None:
                    bank.sources[name] = DocSource(*(self.text(m, k, f"sources.{name}") for k in DOC_FIELDS))
        for i, node in enumerate(self.seq(top, "people", "people")):
            m = self.mapping(node, f"people[{i}]", PERSON_FIELDS, ("name",))
            if m is not None:
                bank.people.append(Person(self.text(m, "name", f"people[{i}]") or "",
                                          self.texts(m, "aliases", f"people[{i}]"),
                                          self.text(m, "role", f"people[{i}]")))
        for i, node in enumerate(self.seq(top, "works", "works")):
            m = self.mapping(node, f"works[{i}]", WORK_FIELDS, ("title",))
            if m is not None:
                bank.works.append(Work(self.text(m, "title", f"works[{i}]") or "",
                                       self.text(m, "author", f"works[{i}]"), self.text(m, "year", f"works[{i}]"),
                                       self.texts(m, "aliases", f"works[{i}]")))
        first_line: dict[str, int] = {}
        for i, node in enumerate(self.seq(top, "facts", "facts")):
            fact = self.fact(node, f"facts[{i}]", bank)
            if fact is None:
                continue
            if fact.id in first_line:
                self.err(node, f"facts[{i}]", f"duplicate fact id '{fact.id}' (first at line {first_line[fact.id]})")
                continue
            first_line[fact.id] = fact.line
            bank.facts.append(fact)
        return bank

    def fact(self, node: yaml.Node, where: str, bank: Bank) -> Fact | None:
        m = self.mapping(node, where, FACT_FIELDS, ("id", "kind", "question", "answer"))
        if m is None:
            return None
        before = len(self.problems)
        t = lambda key: self.text(m, key, where)  # noqa: E731
        fact = Fact(id=t("id") or "", kind=t("kind") or "", question=t("question") or "",
                    answer=t("answer") or "", accept=self.texts(m, "accept", where), when=t("when"),
                    cloze=t("cloze"), note=t("note"), tags=self.texts(m, "tags", where),
                    distractors=self.texts(m, "distractors", where), status=t("status") or "approved",
                    line=node.start_mark.line + 1)
        if fact.id and not SLUG.match(fact.id):
            self.err(m["id"], where, f"id '{fact.id}' must be a lowercase slug (letters, digits, dashes)")
        if fact.kind and fact.kind not in KINDS:
            self.err(m["kind"], where, f"kind '{fact.kind}' is not one of {', '.join(KINDS)}")
        if fact.status not in STATUSES:
            self.err(m["status"], where, f"status '{fact.status}' is not one of {', '.join(STATUSES)}")
        if fact.when is not None and parse_when(fact.when) is None:
            self.err(m["when"], where, f"when '{fact.when}' is not a date: use 1940-08-20, 1940-08, 1940, "
                                       "1920s, 10th century or 1924/1928")
        elif fact.kind == "date" and fact.when is None:
            self.err(node, where, "a date fact needs 'when' (e.g. when: 1940-08-20)")
        if fact.cloze is not None and not GAP.search(fact.cloze):
            self.err(m["cloze"], where, "cloze has no {{...}} gap")
        conf = t("confidence")
        if conf is not None:
            try:
                fact.confidence = float(conf)
                if not 0.0 <= fact.confidence <= 1.0:
                    raise ValueError
            except ValueError:
                self.err(m["confidence"], where, f"confidence '{conf}' must be a number from 0 to 1")
        if "source" in m and not _is_null(m["source"]):
            s = self.mapping(m["source"], f"{where}.source", SOURCE_FIELDS, ("doc", "quote"))
            if s is not None:
                doc, quote = self.text(s, "doc", f"{where}.source"), self.text(s, "quote", f"{where}.source")
                if doc and bank.sources and doc not in bank.sources:
                    self.err(s["doc"], f"{where}.source", f"doc '{doc}' is not one of the bank's sources "
                                                          f"({', '.join(bank.sources)})")
                fact.source = Source(doc or "", quote or "")
        return fact if len(self.problems) == before else None


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _keys(node: yaml.Node) -> list[str]:
    return [str(k.value) for k, _ in node.value] if isinstance(node, yaml.MappingNode) else []


def read_text(path: str | Path) -> str:
    """A bank or document's text; a clear InputError for missing, binary or non-UTF-8 files."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                         "save the file as UTF-8") from None


def loads_bank(text: str, path: str = "<bank>") -> Bank:
    """Parse and validate a bank from text; raise BankError listing every problem."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        # the context mark is where the broken construct began: where a teacher should look
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else 0
        what = " ".join(filter(None, [exc.context, exc.problem]))
        raise BankError([Problem(path, line, "", f"YAML syntax error: {what}")]) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        problem = Problem(path, line, "", f"control character {exc.character!r} is not allowed in YAML")
        raise BankError([problem]) from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BankError([Problem(path, 0, "", f"YAML error: {first}")]) from None
    if root is None:
        raise BankError([Problem(path, 1, "", "empty bank: expected id, title and facts")])
    reader = _Reader(path)
    bank = reader.bank(root)
    if reader.problems or bank is None:
        raise BankError(sorted(reader.problems, key=lambda p: p.line))
    return bank


def load_bank(path: str | Path) -> Bank:
    """Load and validate the bank at `path`."""
    bank = loads_bank(read_text(path), str(path))
    bank.path = Path(path)
    return bank


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """The fact as the bank writes it: empty optional fields left out, in FACT_FIELDS order."""
    out: dict[str, Any] = {}
    for key in FACT_FIELDS:
        value = getattr(fact, key)
        if key == "source":
            value = {"doc": value.doc, "quote": value.quote} if value else None
        if value is None or value == []:
            continue
        out[key] = list(value) if isinstance(value, list) else value
    return out


def bank_to_dict(bank: Bank) -> dict[str, Any]:
    out: dict[str, Any] = {"id": bank.id, "title": bank.title}
    if bank.deck:
        out["deck"] = bank.deck
    if bank.description:
        out["description"] = bank.description
    if bank.sources:
        out["sources"] = {k: {f: getattr(v, f) for f in DOC_FIELDS if getattr(v, f)} for k, v in bank.sources.items()}
    if bank.people:
        out["people"] = [_compact({"name": p.name, "aliases": p.aliases, "role": p.role}) for p in bank.people]
    if bank.works:
        out["works"] = [_compact({"title": w.title, "author": w.author, "year": w.year, "aliases": w.aliases})
                        for w in bank.works]
    out["facts"] = [fact_to_dict(f) for f in bank.facts]
    return out


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, [], "")}


def dumps_bank(bank: Bank, previous: str | None = None, path: str = "<bank>") -> str:
    """The bank as YAML. With `previous` (the file's current text) its comments and layout are kept.

    The text is loaded back before it is returned, so no command of ours ever writes a bank that would
    not load: an invalid fact (a bug, a bad edit) stops the write with an OutputError naming `path`.
    """
    from .bank_yaml import dump_roundtrip

    text = dump_roundtrip(bank_to_dict(bank), previous)
    try:
        loads_bank(text, path)
    except BankError as exc:
        raise OutputError(f"{path}: not written, the result would be invalid: "
                          f"{exc.problems[0].message if exc.problems else exc}") from None
    return text


def save_bank(bank: Bank, path: str | Path | None = None) -> None:
    """Write the bank atomically, keeping the comments of the file it replaces."""
    from .atomic import write_text

    target = Path(path or bank.path or f"{bank.id}.yaml")
    previous = target.read_text(encoding="utf-8") if target.exists() else None
    write_text(target, dumps_bank(bank, previous, str(target)))
