"""Where the packaged templates, decks and seeds are: inside the wheel, or the checkout's top level."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`templates`, `decks` or `seeds`: the installed copy (quizgen/_data/NAME) or the source tree's."""
    installed = _PKG / "_data" / name
    if installed.is_dir():
        return installed
    return _PKG.parent / name
