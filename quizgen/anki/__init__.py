"""Anki packages (.apkg) that update in place when students import a new build.

`build_apkg(banks, out) -> AnkiReport`; genanki is imported only when a package is built.
"""

from __future__ import annotations

from .build import AnkiReport, build_apkg

__all__ = ["AnkiReport", "build_apkg"]
