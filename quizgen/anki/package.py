"""A byte-for-byte reproducible .apkg: genanki's tables, our stamps, a zip with fixed metadata.

genanki stamps every note, card and note type with one build time and zips a temp file carrying
the clock's mtime. Here each note and its cards carry their own `mod`, each note type its fixed
`mod`, the collection is built in memory, and every zip entry gets the same fixed date, so the same
bank and ledger give the same bytes.
"""

from __future__ import annotations

import io
import itertools
import sqlite3
import zipfile

# Anki only needs a valid date here; 1980-01-01 is the earliest a zip entry can hold.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def stamped_note_class():  # -> type[genanki.Note], built lazily so importing quizgen stays light
    import genanki

    class PlacedCard(genanki.Card):
        """A card with its own place in the new-card queue (genanki gives every card its note's)."""

        def __init__(self, ord: int, due: int):
            super().__init__(ord)
            self.place = due

        def write_to_db(self, cursor, timestamp: float, deck_id: int, note_id: int, id_gen,
                        due: int = 0) -> None:
            super().write_to_db(cursor, timestamp, deck_id, note_id, id_gen, self.place)

    class StampedNote(genanki.Note):
        """A note whose row and cards carry `mod`, the time its content last changed, and whose
        cards (template ord -> new-card position) are given rather than guessed."""

        def __init__(self, *args, mod: int, cards: dict[int, int], **kwargs):
            super().__init__(*args, **kwargs)
            self.mod = mod
            # genanki's `cards` is a cached property: an instance value takes its place
            self.cards = [PlacedCard(ord_, due) for ord_, due in sorted(cards.items())]

        def write_to_db(self, cursor, timestamp: float, deck_id: int, id_gen) -> None:
            super().write_to_db(cursor, self.mod, deck_id, id_gen)

    return StampedNote


def package_bytes(decks: list, timestamp: int) -> bytes:
    """The .apkg for genanki `decks`; `timestamp` seeds the note and card ids (ms since 1970)."""
    import genanki

    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        genanki.Package(decks).write_to_db(cursor, timestamp, itertools.count(int(timestamp) * 1000))
        conn.commit()
        db = conn.serialize()
    finally:
        conn.close()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in (("collection.anki2", db), ("media", b"{}")):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the same bytes whichever system builds it
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()
