"""Round-trip YAML writing: patch the teacher's file in place so comments and layout survive."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

# List items of these sections are matched by this key, so an edited fact keeps its comments.
_IDENTITY = {"facts": "id", "people": "name", "works": "title"}
_FLOW_LISTS = {"accept", "tags", "aliases", "distractors"}
# Text left unquoted only when every YAML reader (1.1 or 1.2, block or flow) reads it back the same.
_SAFE_PLAIN = re.compile(r"[^\W_][\w .;!?'()/-]*(?<! )")


def _yaml() -> YAML:
    y = YAML(typ="rt")
    # No folding: ruamel can fold a double-quoted line right after an escape, which changes the text
    y.width = 1_000_000
    y.indent(mapping=2, sequence=4, offset=2)
    y.preserve_quotes = True
    return y


def dump_roundtrip(data: dict[str, Any], previous: str | None) -> str:
    y = _yaml()
    doc = None
    if previous:
        try:
            doc = y.load(previous)
        except Exception:  # an unreadable old file is replaced, not patched
            doc = None
    if isinstance(doc, CommentedMap):
        _patch_map(doc, data, None)
    else:
        doc = _fresh(data, None)
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def _fresh(value: Any, key: str | None) -> Any:
    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = _fresh(v, k)
        return m
    if isinstance(value, list):
        s = CommentedSeq(_fresh(v, None) for v in value)
        if key in _FLOW_LISTS:
            s.fa.set_flow_style()
        return s
    if isinstance(value, str) and not _SAFE_PLAIN.fullmatch(value):
        return DoubleQuotedScalarString(value)
    return value


def _same(old: Any, new: Any) -> bool:
    if isinstance(new, dict):
        return isinstance(old, dict) and old.keys() == new.keys() and all(_same(old[k], new[k]) for k in new)
    if isinstance(new, list):
        return isinstance(old, list) and len(old) == len(new) and all(map(_same, old, new))
    if isinstance(old, bool):
        old = "true" if old else "false"
    elif isinstance(old, (dt.date, dt.datetime)):
        old = old.isoformat()
    if isinstance(new, float) or isinstance(old, float):
        try:
            return float(old) == float(new)
        except (TypeError, ValueError):
            return False
    return old is not None and str(old) == str(new)


def _patch_map(old: CommentedMap, new: dict[str, Any], order: list[str] | None) -> None:
    for k in [k for k in old if k not in new]:
        del old[k]
    for pos, (k, v) in enumerate(new.items()):
        if k not in old:
            if k == "status" and v == "approved":
                continue  # the default: a teacher who left it out keeps their file as written
            old.insert(min(pos, len(old)), k, _fresh(v, k))
        elif _same(old[k], v):
            continue
        elif isinstance(v, dict) and isinstance(old[k], CommentedMap):
            _patch_map(old[k], v, None)
        elif isinstance(v, list) and k in _IDENTITY and isinstance(old[k], CommentedSeq):
            _patch_seq(old[k], v, _IDENTITY[k])
        else:
            old[k] = _fresh(v, k)


def _patch_seq(old: CommentedSeq, new: list[dict[str, Any]], ident: str) -> None:
    old_keys = [item.get(ident) if isinstance(item, dict) else None for item in old]
    new_keys = [item.get(ident) for item in new]
    if old_keys == new_keys[: len(old_keys)]:
        for i, item in enumerate(new):
            if i < len(old):
                if not _same(old[i], item):
                    _patch_map(old[i], item, None)
            else:
                old.append(_fresh(item, None))
        return
    # Items were removed or reordered: reuse each surviving item's map so its comments stay with it.
    by_key = {k: item for k, item in zip(old_keys, old, strict=True) if isinstance(item, CommentedMap)}
    rebuilt = []
    for item in new:
        existing = by_key.get(item.get(ident))
        if existing is not None:
            _patch_map(existing, item, None)
            rebuilt.append(existing)
        else:
            rebuilt.append(_fresh(item, None))
    del old[:]
    old.extend(rebuilt)
