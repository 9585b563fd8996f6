"""Export formats: one module per format, each with `export(bank, options) -> ExportResult`.

The registry below is the only place a format is named; `quizgen export --format` lists it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from ..bank import Bank, Fact

# name: (module, default file suffix, one-line description)
FORMATS: dict[str, tuple[str, str, str]] = {
    "json": ("json_export", ".json", "the bank as JSON (the documented contract)"),
    "gift": ("gift", ".gift.txt", "Moodle GIFT"),
    "moodle-xml": ("moodle_xml", ".xml", "Moodle XML"),
    "qti": ("qti", ".zip", "QTI 1.2 zip for Canvas"),
    "csv": ("csv_export", ".csv", "CSV: one question per row with options and answer"),
    "quizlet": ("quizlet", ".tsv", "Quizlet import: term TAB definition"),
    "kahoot": ("kahoot", ".xlsx", "Kahoot spreadsheet template"),
    "blooket": ("blooket", ".csv", "Blooket CSV template"),
    "gimkit": ("gimkit", ".csv", "Gimkit CSV template"),
}


@dataclass
class ExportOptions:
    seed: int = 0
    tags: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    def select(self, bank: Bank) -> list[Fact]:
        """The approved facts these options ask for, in bank order."""
        return [f for f in bank.approved()
                if (not self.tags or set(self.tags) & set(f.tags)) and (not self.kinds or f.kind in self.kinds)]


@dataclass
class ExportResult:
    data: bytes | str
    count: int
    skipped: list[str] = field(default_factory=list)  # one line each: "fact-id: why it was left out"


Exporter = Callable[[Bank, ExportOptions], ExportResult]


def get_exporter(name: str) -> Exporter:
    module, _, _ = FORMATS[name]
    return importlib.import_module(f"quizgen.exports.{module}").export
