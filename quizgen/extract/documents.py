"""Documents -> paragraphs of plain text. Reads .txt, .md and .html (HTML through a real parser).

A paragraph keeps a `heading` flag: headings give a document its title and split topics, but they are
not sentences and never yield facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..bank import read_text
from ..errors import InputError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MD_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
TEXT_SUFFIXES = {".txt", ".text", ""}
# Large inputs are extracted part by part (chunked.py: memory stays bounded), at about a minute per
# 50 MB; beyond this a run would take many minutes: the message says how to proceed. The limit holds
# for one document and for all of a run's documents.
MAX_BYTES = 200 * 1024 * 1024

_SPACE = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class Paragraph:
    text: str
    heading: bool = False


@dataclass
class Document:
    key: str  # the bank's sources key: a slug of the file name
    path: str  # as the user gave it
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(map(word_count, (p.text for p in self.paragraphs)))


# ASCII bytes -> " " for a space (what str.split() splits at: "\x1c"-"\x1f" too), "w" for any other byte
_SPACE_OR_NOT = bytes(32 if chr(c).isspace() else 119 for c in range(128)) + b"w" * 128


def word_count(text: str) -> int:
    """len(text.split()), without making the words: a word starts at a non-space after a space, or at 0."""
    if not text.isascii():
        return len(text.split())
    shape = text.encode().translate(_SPACE_OR_NOT)
    return shape.count(b" w") + (shape[:1] == b"w")


def slugify(text: str, limit: int = 60) -> str:
    from .folding import strip_accents

    slug = _SLUG.sub("-", strip_accents(text).lower()).strip("-")
    return slug[:limit].strip("-") or "doc"


def read_document(path: str | Path, key: str | None = None) -> Document:
    """Read one document; InputError (one clear line) for anything we cannot use."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if p.is_dir():
        raise InputError(f"{path}: is a folder, not a document (give the files, e.g. {path}/*.txt)")
    if size > MAX_BYTES:
        raise InputError(
            f"{path}: {size / 2**20:.0f} MB is too large to extract from (limit "
            f"{MAX_BYTES // 2**20} MB); split it into smaller documents"
        )
    text = read_text(p)
    suffix = p.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in MD_SUFFIXES | TEXT_SUFFIXES and _looks_html(text)):
        title, paragraphs = html_paragraphs(text)
    elif suffix in MD_SUFFIXES:
        title, paragraphs = markdown_paragraphs(text)
    else:
        title, paragraphs = text_paragraphs(text)
    paragraphs = [para for para in paragraphs if para.text]
    if not any(not para.heading for para in paragraphs):
        raise InputError(f"{path}: empty document, no text to extract from")
    stem = p.stem
    return Document(
        key=key or slugify(stem),
        path=str(path),
        title=title or " ".join(w[:1].upper() + w[1:] for w in re.split(r"[-_\s]+", stem) if w),
        paragraphs=paragraphs,
    )


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head


def clean_space(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00ad", "")).strip()


def _is_heading_line(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 12 and not re.search(r"[.!?:;,\"”)]$", line) and line[0].isupper()


def text_paragraphs(text: str) -> tuple[str | None, list[Paragraph]]:
    """Blank lines separate paragraphs; a short line without end punctuation is a heading."""
    paragraphs: list[Paragraph] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [clean_space(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        # a heading line on top of its paragraph, without a blank line between them
        while len(lines) > 1 and _is_heading_line(lines[0]) and len(lines[0].split()) <= 8:
            paragraphs.append(Paragraph(lines.pop(0), heading=True))
        if lines:
            joined = " ".join(lines)
            paragraphs.append(Paragraph(joined, heading=len(lines) == 1 and _is_heading_line(joined)))
    title = paragraphs[0].text if paragraphs and paragraphs[0].heading else None
    return title, paragraphs


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_MD_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>]+>")
_MD_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_REFDEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")
_MD_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")


def _md_inline(line: str) -> str:
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_AUTOLINK.sub("", line)
    line = _MD_FOOTNOTE.sub("", line)
    line = _MD_CODE.sub(r"\1", line)
    for _ in range(2):  # nested **_emphasis_**
        line = _MD_EMPH.sub(r"\2", line)
    if "<" in line and ">" in line:
        _, paras = html_paragraphs(line, fragment=True)
        line = " ".join(p.text for p in paras)
    return clean_space(line.replace("\\", ""))


def markdown_paragraphs(text: str) -> tuple[str | None, list[Paragraph]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title: str | None = None
    if lines and lines[0].strip() == "---":  # YAML front matter
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                for meta in lines[1:i]:
                    m = re.match(r"\s*title:\s*[\"']?(.*?)[\"']?\s*$", meta)
                    if m:
                        title = m.group(1)
                lines = lines[i + 1 :]
                break
    paragraphs: list[Paragraph] = []
    buf: list[str] = []
    fence = False

    def flush() -> None:
        if buf:
            paragraphs.append(Paragraph(_md_inline(" ".join(buf))))
            buf.clear()

    for raw in lines:
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            flush()
            fence = not fence
            continue
        if fence or raw.startswith(("    ", "\t")) and not buf:
            continue
        m = _MD_HEADING.match(stripped)
        if m:
            flush()
            heading = _md_inline(m.group(2))
            paragraphs.append(Paragraph(heading, heading=True))
            if title is None and len(m.group(1)) == 1:
                title = heading
            continue
        if _MD_SETEXT.match(stripped) and buf and len(buf) == 1:
            heading = _md_inline(buf.pop())
            paragraphs.append(Paragraph(heading, heading=True))
            if title is None and stripped.startswith("="):
                title = heading
            continue
        if not stripped or _MD_RULE.match(stripped) or _MD_REFDEF.match(stripped) or stripped.startswith("|"):
            flush()
            continue
        if _MD_LIST.match(raw):
            flush()
            stripped = _MD_LIST.sub("", raw).strip()
        buf.append(stripped.lstrip(">").strip())
    flush()
    if title is None and paragraphs and paragraphs[0].heading:
        title = paragraphs[0].text
    return title, paragraphs


# Page furniture that never holds the document's own prose.
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "svg",
    "iframe",
    "template",
    "select",
    "input",
    "textarea",
    "canvas",
    "object",
    "embed",
    "menu",
    "dialog",
)
_BOILER_ATTR = re.compile(
    r"cookie|consent|banner|newsletter|subscribe|share|social|comment|sidebar|advert|"
    r"promo|breadcrumb|(?<![a-z])menu|navbar|navigation|footer|related|popup|modal|"
    r"signup|sign-up|login|toolbar|masthead|skip-link",
    re.IGNORECASE,
)
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "table",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "caption",
    "address",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "body",
    "center",
    "details",
    "summary",
    "fieldset",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def html_paragraphs(text: str, fragment: bool = False) -> tuple[str | None, list[Paragraph]]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    title_node = tree.css_first("title")
    title = clean_space(title_node.text()) if title_node is not None and not fragment else None
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for node in tree.css("header"):
        # a page header is navigation; an article's own header holds its title
        if not _inside(node, ("article", "main")):
            node.decompose()
    for node in tree.css("[class], [id], [role]"):
        attrs = " ".join(str(v) for k, v in node.attributes.items() if k in ("class", "id", "role") and v)
        if _BOILER_ATTR.search(attrs) and node.tag not in ("html", "body", "main", "article"):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    paragraphs: list[Paragraph] = []
    if root is None:
        return title, paragraphs
    buf: list[str] = []

    def flush(heading: bool = False) -> None:
        joined = clean_space("".join(buf))
        buf.clear()
        if joined:
            paragraphs.append(Paragraph(joined, heading=heading))

    # Iterative walk (deeply nested HTML must not exhaust the stack); ("end", tag) marks a closing tag.
    stack: list[object] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            if item[1] in _BLOCK:
                flush(heading=item[1] in _HEADINGS)
            continue
        node = item
        tag = node.tag  # type: ignore[attr-defined]
        if tag == "-text":
            buf.append(node.text_content or "")  # type: ignore[attr-defined]
            continue
        if tag == "br":
            buf.append(" ")
            continue
        if tag in _BLOCK:
            flush()
        stack.append(("end", tag))
        children = list(node.iter(include_text=True))  # type: ignore[attr-defined]
        stack.extend(reversed(children))
    flush()
    if not title:
        h1 = next((para.text for para in paragraphs if para.heading), None)
        title = h1
    elif fragment is False:
        h1_node = tree.css_first("h1")
        if h1_node is not None and clean_space(h1_node.text()):
            title = clean_space(h1_node.text())
    return title, paragraphs


def _inside(node: object, tags: tuple[str, ...]) -> bool:
    parent = getattr(node, "parent", None)
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False
