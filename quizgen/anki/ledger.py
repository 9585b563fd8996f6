"""When each note's content last changed: the stamp Anki compares on re-import.

Anki replaces a student's note with the package's only when the package's note is newer. A note
therefore carries the time its content last changed: unchanged notes keep their old stamp (a
student's own edit, being newer, survives), changed notes get a new one (the fix arrives).

The ledger keeps that memory between builds: one small JSON file beside the bank
(`<bank>.anki-ledger.json`), meant to be committed with it. One line per note, so diffs read well.
Entries of facts that left the bank stay, so a fact that comes back unchanged keeps its stamp.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_text
from ..errors import InputError, QuizgenError

LEDGER_SUFFIX = ".anki-ledger.json"
_ABOUT = ("quizgen Anki ledger: when each note's content last changed. Commit it with the bank; "
          "deleting it re-stamps every note, and the next import then overwrites students' own edits.")


def ledger_path(bank_path: Path) -> Path:
    return bank_path.with_name(bank_path.stem + LEDGER_SUFFIX)


def base_time(now: float | None = None) -> int:
    """The stamp for content first seen in this build: SOURCE_DATE_EPOCH when set, else the clock."""
    sde = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if sde:
        if not sde.isdigit():
            raise InputError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {sde!r}")
        return int(sde)
    if now is None:
        import time

        now = time.time()
    return int(now)


@dataclass
class Entry:
    hash: str
    mod: int


@dataclass
class Ledger:
    path: Path | None
    bank_id: str
    entries: dict[str, Entry] = field(default_factory=dict)
    dirty: bool = False

    @classmethod
    def load(cls, path: Path | None, bank_id: str) -> Ledger:
        """The ledger at `path`; empty when there is none yet (or the bank id changed: new GUIDs)."""
        if path is None or not path.exists():
            return cls(path, bank_id, dirty=path is not None)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("bank") != bank_id:
                return cls(path, bank_id, dirty=True)
            entries = {str(k): Entry(str(v["hash"]), int(v["mod"])) for k, v in data["notes"].items()}
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read the Anki ledger: {exc}") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            # guessing here would re-stamp every note and overwrite every student's edits on import
            raise InputError(f"{path}: not a valid Anki ledger ({type(exc).__name__}: {exc}); restore it "
                             "from version control, or delete it to re-stamp every note") from None
        return cls(path, bank_id, entries)

    def stamp(self, key: str, digest: str, base: int) -> tuple[int, str]:
        """The note's `mod` and whether it is "new", "changed" or "same" since the last build."""
        old = self.entries.get(key)
        if old is not None and old.hash == digest:
            return old.mod, "same"
        # a change must be newer than the stamp the students already have, whatever the clock says
        mod = base if old is None else max(base, old.mod + 1)
        self.entries[key] = Entry(digest, mod)
        self.dirty = True
        return mod, "new" if old is None else "changed"

    def dumps(self) -> str:
        head = (f'{{\n "about": {json.dumps(_ABOUT)},\n "bank": {json.dumps(self.bank_id)},\n'
                ' "version": 1,\n "notes": ')
        if not self.entries:
            return head + "{}\n}\n"
        body = ",\n".join(f'  {json.dumps(k)}: {{"hash": "{e.hash}", "mod": {e.mod}}}'
                          for k, e in sorted(self.entries.items()))
        return head + "{\n" + body + "\n }\n}\n"

    def save(self) -> str | None:
        """Write the ledger if anything changed; a one-line warning instead of failing the build."""
        if self.path is None or not self.dirty:
            return None
        try:
            write_text(self.path, self.dumps())
        except QuizgenError as exc:
            return (f"warning: {exc}; the Anki package is fine, but the next build will stamp these "
                    "notes again (their import would then overwrite students' edits to them)")
        self.dirty = False
        return None

