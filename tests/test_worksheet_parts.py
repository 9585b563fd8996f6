"""The worksheet's parts without PDFs: what each version asks, event labels, the timeline layout, templates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.bank import Bank, Fact, Source, load_bank
from quizgen.errors import InputError
from quizgen.mcsets import build_mc_sets
from quizgen.textnorm import fold_loose
from quizgen.when import parse_when
from quizgen.worksheet.context import SIZES, build_plan, parse_sections
from quizgen.worksheet.fonts import harfbuzz_subsetting, with_small_fonts
from quizgen.worksheet.labels import event_label, format_when
from quizgen.worksheet.render import Templates, blanks, letter
from quizgen.worksheet.timeline import LINE, bank_timeline, layout

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DECK)


def fact(cloze: str, when: str, kind: str = "event", fid: str = "f") -> Fact:
    return Fact(id=fid, kind=kind, question="What happened?", answer="x", when=when, cloze=cloze,
                source=Source("doc", cloze))


# ---------------------------------------------------------------- what each version asks


def test_mc_section_is_the_mc_sets_version_of_the_same_code(bank) -> None:
    plan = build_plan(bank, 2, 10, 5)
    sets = build_mc_sets(bank, 2, 10, 5)
    for version, expected in zip(plan.versions, sets["versions"], strict=True):
        assert version.code == expected["code"]
        mc = next(s for s in version.sections if s.kind == "mc")
        assert [(it.fact_id, it.options, it.answer_index) for it in mc.items] == \
               [(q["id"], q["options"], q["answer_index"]) for q in expected["questions"]]
        assert [it.number for it in mc.items] == list(range(1, 11))


def test_same_seed_same_test_other_seed_other_test(bank) -> None:
    def asked(seed: int) -> list:
        return [[(s.kind, [(it.number, it.text, it.answer) for it in s.items]) for s in v.sections]
                for v in build_plan(bank, 2, 10, seed).versions]

    assert asked(3) == asked(3)
    assert asked(3) != asked(4)


@pytest.mark.parametrize("seed", range(8))
def test_sections_do_not_give_each_other_away(bank, seed: int) -> None:
    plan = build_plan(bank, 1, 20, seed)
    sections = {s.kind: s for s in plan.versions[0].sections}
    assert set(sections) == {"mc", "cloze", "matching", "timeline", "short"}
    facts = [bank.fact(it.fact_id) for s in sections.values() for it in s.items if it.fact_id]
    ids = [f.id for f in facts]
    assert len(ids) == len(set(ids)), "a fact is asked twice"
    # Beyond the MC set (chosen by `quizgen mc`), no two items come from one source sentence.
    mc_quotes = {bank.fact(it.fact_id).source.quote for it in sections["mc"].items}
    quotes = [f.source.quote for kind, s in sections.items() if kind != "mc"
              for f in (bank.fact(it.fact_id) for it in s.items if it.fact_id)]
    assert len(quotes) == len(set(quotes)) and not set(quotes) & mc_quotes
    mc_answers = {fold_loose(a) for it in sections["mc"].items for a in bank.fact(it.fact_id).answers}
    assert not {fold_loose(it.text) for it in sections["matching"].items} & mc_answers
    numbers = [it.number for s in plan.versions[0].sections for it in s.items if it.number]
    assert numbers == list(range(1, len(numbers) + 1)), "questions are numbered 1..N across sections"


@pytest.mark.parametrize("seed", range(8))
def test_timeline_events_can_be_ordered_and_hide_their_dates(bank, seed: int) -> None:
    plan = build_plan(bank, 2, 20, seed)
    for version in plan.versions:
        timeline = next(s for s in version.sections if s.kind == "timeline")
        assert 3 <= len(timeline.items) <= SIZES["timeline"]
        assert sorted(int(it.answer) for it in timeline.items) == list(range(1, len(timeline.items) + 1))
        whens = [bank.fact(it.fact_id).when_value for it in timeline.order]
        for a, b in zip(whens, whens[1:], strict=False):
            assert a.end < b.start, "events in order must not overlap in time"
        for it in timeline.items:
            assert str(bank.fact(it.fact_id).when_value.year) not in it.text


def test_matching_letters_point_at_the_right_descriptions(bank) -> None:
    for version in build_plan(bank, 3, 5, 9).versions:
        matching = next(s for s in version.sections if s.kind == "matching")
        assert sorted(matching.choices) == sorted(it.answer for it in matching.items)
        for it in matching.items:
            assert matching.choices[it.answer_index] == it.answer


def test_cloze_word_bank_holds_exactly_the_answers(bank) -> None:
    plan = build_plan(bank, 1, 5, 2)
    cloze = next(s for s in plan.versions[0].sections if s.kind == "cloze")
    assert sorted(cloze.word_bank) == sorted(it.answer for it in cloze.items)
    assert all("_____" in it.text for it in cloze.items)
    no_bank = build_plan(bank, 1, 5, 2, word_bank=False)
    assert next(s for s in no_bank.versions[0].sections if s.kind == "cloze").word_bank == []


def test_later_versions_point_to_the_first_versions_numbers(bank) -> None:
    plan = build_plan(bank, 2, 10, 1)
    first = {(s.kind, it.identity): it.number for s in plan.versions[0].sections for it in s.items}
    for section in plan.versions[1].sections:
        for it in section.items:
            if it.number:
                assert it.ref == first[(section.kind, it.identity)]


def test_sections_option_and_its_errors(bank) -> None:
    assert parse_sections(None) == ["mc", "cloze", "matching", "timeline", "short"]
    assert parse_sections(["Timeline", "mc", "mc"]) == ["timeline", "mc"]
    with pytest.raises(InputError, match="unknown section 'essay'"):
        parse_sections(["essay"])
    plan = build_plan(bank, 2, 5, 1, sections=["cloze"])
    assert [v.code for v in plan.versions] == ["A", "B"]
    assert [[s.kind for s in v.sections] for v in plan.versions] == [["cloze"], ["cloze"]]


def test_tags_narrow_the_pool_and_an_empty_pool_is_an_error(bank) -> None:
    tag = bank.approved()[0].tags[0]
    plan = build_plan(bank, 1, 3, 1, sections=["mc", "cloze"], tags=[tag])
    for s in plan.versions[0].sections:
        assert all(tag in bank.fact(it.fact_id).tags for it in s.items)
    with pytest.raises(InputError, match="no approved facts"):
        build_plan(bank, 1, 3, 1, tags=["no-such-tag"])


def test_a_bank_too_small_for_a_section_leaves_it_out_with_a_note(bank) -> None:
    small = Bank(id="tiny", title="Tiny", facts=[f for f in bank.approved() if not f.when][:6])
    plan = build_plan(small, 1, 3, 1, sections=["cloze", "timeline"])
    assert [s.kind for s in plan.versions[0].sections] == ["cloze"]
    assert any(note.startswith("put the events in order section left out") for note in plan.notes)


# ---------------------------------------------------------------- labels and dates


@pytest.mark.parametrize(("cloze", "when", "label"), [
    ("The council met in {{1648}} to sign the peace.", "1648", "The council met to sign the peace."),
    ("On {{March 3, 1861}}, the edict freed the serfs.", "1861-03-03", "The edict freed the serfs."),
    ("After the queen died in {{January 1901}}, her son was crowned.", "1901-01",
     "After the queen died, her son was crowned."),
    ("The guild's charter ({{1350}}) set the price of bread.", "1350", "The guild's charter set the price of bread."),
    ("In 1905 the mutiny on the cruiser began in {{the harbour}}.", "1905",
     "The mutiny on the cruiser began in the harbour."),
])
def test_event_labels_leave_the_date_out(cloze: str, when: str, label: str) -> None:
    kind = "event" if "1905" in cloze else "date"
    assert event_label(fact(cloze, when, kind)) == label


@pytest.mark.parametrize("cloze", [
    "The wars of {{1812}} and 1815 changed the map.",  # two dates: which one is the event?
    "Only {{1200}} soldiers came back.",  # a number that is not the date
    "In 1815 the army reached {{the river}}.",  # a date fact whose gap is not its date
])
def test_event_labels_refuse_what_cannot_be_cleaned(cloze: str) -> None:
    assert event_label(fact(cloze, "1815", "date")) is None


def test_event_label_keeps_the_date_when_asked() -> None:
    f = fact("On {{March 3, 1861}}, the edict freed the serfs.", "1861-03-03", "date")
    assert event_label(f, hide_date=False) == "On March 3, 1861, the edict freed the serfs."


@pytest.mark.parametrize(("when", "text"), [
    ("1861-03-03", "3 Mar 1861"), ("1901-01", "Jan 1901"), ("1648", "1648"), ("1923/1925", "1923\u20131925"),
    ("1920s", "1920s"), ("44 BC", "44 BC"), ("10th century", "10th century"),
])
def test_format_when(when: str, text: str) -> None:
    assert format_when(parse_when(when)) == text


# ---------------------------------------------------------------- timeline layout


def _assert_no_overlap(tl) -> None:
    blocks = sorted((p.label_y, p.label_y + LINE * len(p.lines)) for p in tl.points)
    for (_, bottom), (top, _) in zip(blocks, blocks[1:], strict=False):
        assert bottom <= top + 1e-6, "two labels overlap"
    assert all(p.label_y >= 0 and p.label_y + LINE * len(p.lines) <= tl.height for p in tl.points)
    assert all(len(line) <= 90 for p in tl.points for line in p.lines)


def test_timeline_of_the_shipped_deck_has_every_dated_event_and_no_overlap(bank) -> None:
    tl = bank_timeline(bank)
    assert tl is not None
    quotes = {f.source.quote for f in bank.approved() if f.when_value and f.source}
    assert len(tl.points) == len(quotes)
    assert [p.y for p in tl.points] == sorted(p.y for p in tl.points)
    _assert_no_overlap(tl)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1800, 1830), st.integers(1, 12), st.integers(1, 28),
                          st.text(alphabet="abcdefgh ", min_size=1, max_size=160)), min_size=2, max_size=30))
def test_timeline_labels_never_overlap(events) -> None:
    items = []
    for year, month, day, text in events:
        w = parse_when(f"{year}-{month:02d}-{day:02d}")
        items.append((w, format_when(w), text.strip() or "event"))
    items.sort(key=lambda e: e[0].start)
    _assert_no_overlap(layout(items))


def test_no_timeline_for_fewer_than_two_events() -> None:
    w = parse_when("1648")
    assert layout([]) is None and layout([(w, "1648", "One event.")]) is None


# ---------------------------------------------------------------- templates


def test_letters_and_blanks() -> None:
    assert [letter(i) for i in (0, 3, 25, 26, 27)] == ["A", "D", "Z", "AA", "AB"]
    assert str(blanks("<b>Tom</b> met _____ in 1900.")) == \
        '&lt;b&gt;Tom&lt;/b&gt; met <span class="gap"></span> in 1900.'


def test_text_from_the_bank_is_escaped(tmp_path) -> None:
    (tmp_path / "probe.html").write_text("{{ text }}", encoding="utf-8")
    assert Templates(tmp_path).render("probe.html", text="<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"


def test_stylesheet_gets_the_paper_size_and_a_bad_paper_is_an_error() -> None:
    assert Templates().stylesheet("letter").rstrip().endswith("@page { size: letter; }")
    with pytest.raises(InputError, match="unknown paper 'a5'"):
        Templates().stylesheet("a5")


# ---------------------------------------------------------------- cut-down fonts


@pytest.mark.skipif(harfbuzz_subsetting() or not shutil.which("fc-match"),
                    reason="only made when WeasyPrint subsets with fontTools and fontconfig can find DejaVu")
def test_small_fonts_are_listed_first_and_italics_only_when_asked() -> None:
    css = 'body { font-family: "DejaVu Serif", serif; }'
    plain = with_small_fonts(css, ["Plain text, \u00e9t\u00e9."])
    assert plain.count("@font-face") == 2 and "font-style: italic" not in plain
    assert 'font-family: "quizgen DejaVu Serif", "DejaVu Serif", serif;' in plain
    assert "DejaVu Sans" not in plain, "only the families the stylesheet names"
    with_em = with_small_fonts(css, ["<p><em>slanted</em></p>"])
    assert with_em.count("@font-face") == 4 and "font-style: italic" in with_em


def test_stylesheets_without_dejavu_are_left_alone() -> None:
    css = 'body { font-family: "Some Other Face", serif; }'
    assert with_small_fonts(css, ["text"]) == css


def test_short_answer_work_prompts_name_a_work_not_its_author() -> None:
    from quizgen.bank import load_bank
    from quizgen.textnorm import fold_loose
    from quizgen.worksheet.context import build_plan

    bank = load_bank(Path(__file__).resolve().parent.parent / "decks" / "trotsky-stalin.yaml")
    titles = {fold_loose(t) for w in bank.works for t in (w.title, *w.aliases)}
    seen = 0
    for seed in range(1, 40):
        plan = build_plan(bank, 1, 20, seed, sections=["mc", "short"])
        for section in plan.versions[0].sections:
            for item in section.items:
                if section.kind == "short" and item.text.startswith("What is \u201c"):
                    seen += 1
                    assert fold_loose(item.topic) in titles, item.text
    assert seen
