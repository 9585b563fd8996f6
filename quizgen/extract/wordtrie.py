"""Many literal phrases as one regex alternation shaped like a trie.

`a|b|c...` over dozens of phrases makes the regex engine try every phrase at every position; the trie
form (`p(?:erhaps|robably)`) tries one branch per letter, 2-3x faster on whole sentences. At a given
position it still prefers the longest phrase (a longer branch is tried before ending), as the flat
alternation sorted longest first does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """Regex source (a non-capturing group) matching any of `words` literally, longest first."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _branch(trie) + ")"


def _branch(node: dict[str, dict]) -> str:
    ends = "" in node
    alts = [re.escape(ch) + _branch(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if ends:
        return body + "?" if len(alts) > 1 or len(alts[0]) == 1 else "(?:" + body + ")?"
    return body
