"""The two Anki note types every quizgen deck uses, with identities that never change.

Anki matches an imported note type to the student's copy by id, and keeps using that copy only while
the field names and template names (its "schema") stay the same; a different schema makes Anki add a
second note type and refuse to update any existing note. So the names below are fixed forever: new
looks go into the templates and CSS, never into new fields.

A note type's `mod` decides whether an import replaces the student's copy (only when it is newer), so
it is a fixed time per version of the templates, not the build time: a student who restyled the cards
keeps the new look until quizgen ships new templates.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

QA_NAME = "quizgen Q/A"
CLOZE_NAME = "quizgen Cloze"

QA_FIELDS = ("Question", "Answer", "Source", "Note", "Add Reverse")
CLOZE_FIELDS = ("Text", "Source", "Note")

# (hash of the templates and CSS, the time that version was made). Change a template or the CSS and
# tests/test_anki.py fails until a new line is added here with the new hash and the current time.
TEMPLATE_STAMPS: dict[str, tuple[str, int]] = {
    QA_NAME: ("32512fa26ce032fc", 1795557600),
    CLOZE_NAME: ("9aed4d81eca07435", 1795557600),
}

_BACK_EXTRAS = """\
{{#Note}}<div class="qz-note">{{Note}}</div>{{/Note}}
{{#Source}}<div class="qz-source">{{Source}}</div>{{/Source}}"""

QA_TEMPLATES = (
    {
        "name": "Question",
        "qfmt": '<div class="qz"><div class="qz-prompt">{{Question}}</div></div>',
        "afmt": '<div class="qz"><div class="qz-prompt">{{Question}}</div>\n<hr id="answer">\n'
                '<div class="qz-answer">{{Answer}}</div>\n' + _BACK_EXTRAS + "\n</div>",
    },
    {
        # The field holds the prompt ("Who is this, ...?"): filled, it also switches the card on.
        "name": "Reverse",
        "qfmt": '{{#Add Reverse}}<div class="qz"><div class="qz-prompt qz-big">{{Answer}}</div>\n'
                '<div class="qz-hint">{{Add Reverse}}</div></div>{{/Add Reverse}}',
        "afmt": '<div class="qz"><div class="qz-prompt qz-big">{{Answer}}</div>\n<hr id="answer">\n'
                '<div class="qz-answer qz-fact">{{Question}}</div>\n' + _BACK_EXTRAS + "\n</div>",
    },
)

CLOZE_TEMPLATES = (
    {
        "name": "Cloze",
        "qfmt": '<div class="qz"><div class="qz-prompt qz-cloze">{{cloze:Text}}</div></div>',
        "afmt": '<div class="qz"><div class="qz-prompt qz-cloze">{{cloze:Text}}</div>\n<hr id="answer">\n'
                + _BACK_EXTRAS + "\n</div>",
    },
)

# Light by default; Anki desktop and AnkiMobile mark night mode with .nightMode, AnkiDroid with
# .night_mode, on the body (newer) or on a parent of .card (older), so each rule names all four.
CSS = """\
.card {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue",
    Arial, sans-serif;
  font-size: 21px;
  line-height: 1.5;
  text-align: left;
  color: #1f2328;
  background-color: #fbfaf7;
}
.qz { max-width: 34em; margin: 1.4em auto; padding: 0 0.8em; overflow-wrap: break-word; }
.qz-prompt { font-weight: 600; }
.qz-big { font-size: 1.3em; text-align: center; }
.qz-hint { margin-top: 0.4em; text-align: center; font-size: 0.85em; color: #6e7781; }
.qz-cloze { font-weight: 400; }
.cloze { font-weight: 700; color: #0a5ab8; }
#answer { border: 0; border-top: 1px solid #d0d7de; margin: 1em 0; }
.qz-answer { font-size: 1.15em; font-weight: 600; color: #0a5ab8; }
.qz-fact { font-size: 1em; }
.qz-note {
  margin-top: 1em; padding: 0.5em 0.8em; font-size: 0.85em;
  background: #fff8c5; border-left: 4px solid #d4a72c; border-radius: 4px;
}
.qz-source { margin-top: 1.2em; font-size: 0.72em; color: #6e7781; }
.qz-source cite { display: block; margin-top: 0.2em; font-style: normal; }
.qz-source cite::before { content: "\\2014\\00a0"; }
.qz-source a { color: inherit; }
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  color: #e6edf3; background-color: #1c1e22;
}
.nightMode .qz-answer, .night_mode .qz-answer, .nightMode .cloze, .night_mode .cloze { color: #79b8ff; }
.nightMode .qz-hint, .night_mode .qz-hint, .nightMode .qz-source, .night_mode .qz-source { color: #9da7b3; }
.nightMode .qz-note, .night_mode .qz-note { background: #3a2f0f; border-left-color: #bb8009; }
.nightMode #answer, .night_mode #answer { border-top-color: #444c56; }
@media (max-width: 480px) {
  .card { font-size: 19px; }
  .qz { margin: 0.9em auto; padding: 0 0.4em; }
}
"""


def stable_id(*parts: str) -> int:
    """A fixed id from names: sha256, kept between 2**31 and 2**52.

    The floor keeps clear of Anki's built-in ids; the ceiling keeps ids exact in JavaScript, which
    Anki's editor and AnkiDroid's web views use for note type and deck ids.
    """
    digest = hashlib.sha256(" ".join(parts).encode("utf-8")).digest()
    return 2**31 + int.from_bytes(digest[:8], "big") % (2**52 - 2**31)


@dataclass(frozen=True)
class NoteType:
    name: str
    fields: tuple[str, ...]
    templates: tuple[dict[str, str], ...]
    cloze: bool

    @property
    def id(self) -> int:
        # "v1" names the schema; a new field list would need a new name and id, never a reused one
        return stable_id("quizgen note type", self.name, "v1")

    @property
    def template_hash(self) -> str:
        h = hashlib.sha256()
        for t in self.templates:
            h.update(f"{t['name']}\x1f{t['qfmt']}\x1f{t['afmt']}\x1e".encode())
        h.update(CSS.encode())
        return h.hexdigest()[:16]

    @property
    def mod(self) -> int:
        return TEMPLATE_STAMPS[self.name][1]


QA = NoteType(QA_NAME, QA_FIELDS, QA_TEMPLATES, cloze=False)
CLOZE = NoteType(CLOZE_NAME, CLOZE_FIELDS, CLOZE_TEMPLATES, cloze=True)


def genanki_model(note_type: NoteType):  # -> genanki.Model (imported lazily)
    """A genanki Model that writes the note type's fixed `mod` instead of the build time."""
    import genanki

    class _Model(genanki.Model):
        def to_json(self, timestamp: float, deck_id: int) -> dict:
            data = super().to_json(timestamp, deck_id)
            data["mod"] = note_type.mod
            return data

    return _Model(
        note_type.id,
        note_type.name,
        fields=[{"name": f} for f in note_type.fields],
        templates=[dict(t) for t in note_type.templates],
        css=CSS,
        model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
    )
