"""Large inputs: extracted part by part, merged, capped to a reviewable number; never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from quizgen.bank import Bank, Fact, Source, load_bank
from quizgen.extract import chunked
from quizgen.extract.documents import Document, Paragraph
from quizgen.when import parse_when

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "extract"
_CAP = re.compile(r"\b([A-Z][a-z]{3,})\b")
_YEAR = re.compile(r"\b(1[0-9]{3})\b")
_ENDINGS = ["", "ov", "an", "ski", "er", "ez", "ini", "berg"]


def _varied(text: str, k: int) -> str:
    """Copy k: names get an ending, years shift, so that nothing repeats."""
    if k == 0:
        return text
    text = _CAP.sub(lambda m: m.group(1) + _ENDINGS[(len(m.group(1)) + k) % len(_ENDINGS)], text)
    return _YEAR.sub(lambda m: str(int(m.group(1)) + k % 23), text)


def test_a_few_mb_of_varied_prose_give_a_capped_correct_bank(tmp_path: Path) -> None:
    texts = [(ROOT / "seeds" / "trotsky-stalin.txt").read_text(encoding="utf-8"),
             (DATA / "american-civil-war.txt").read_text(encoding="utf-8"),
             (DATA / "norman-conquest.md").read_text(encoding="utf-8")]
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        k = 0
        while fh.tell() < 2.5 * 2**20:
            fh.write(_varied(texts[k % 3], k // 3) + "\n\n")
            k += 1
    out = tmp_path / "c.yaml"
    result = subprocess.run([sys.executable, "-m", "quizgen", "extract", str(big), "-o", str(out), "--no-progress"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "left out" in result.stderr  # the summary says candidates were capped
    bank = load_bank(out)
    assert len(bank.facts) == chunked.MAX_CANDIDATES
    assert len({f.id for f in bank.facts}) == len(bank.facts)
    assert len({f.question for f in bank.facts}) == len(bank.facts)
    body = " ".join(big.read_text(encoding="utf-8").split())
    for f in bank.facts[::50]:
        assert f.source is not None and f.source.quote in body  # quoted verbatim, never invented
        assert f.when is None or parse_when(f.when) is not None
    assert {"date", "person", "place"} <= {f.kind for f in bank.facts}  # the cap keeps every kind


def test_parts_cut_at_paragraphs_and_long_paragraphs_at_full_stops() -> None:
    long = " ".join(f"Sentence number {i} ends here." for i in range(100))
    doc = Document("d", "d.txt", "D", [Paragraph("A short first paragraph."), Paragraph(long)])
    groups = list(chunked.parts([doc], size=300))
    texts = [p.text for g in groups for d in g for p in d.paragraphs]
    assert " ".join(texts) == f"A short first paragraph. {long}"
    assert all(len(t) <= 300 for t in texts)
    assert all(t.endswith(".") for t in texts)
    assert all(d.key == "d" for g in groups for d in g)


def _fact(question: str, kind: str, conf: float) -> Fact:
    return Fact(id="x", kind=kind, question=question, answer="A", confidence=conf, status="candidate",
                source=Source("d", f"Quote for {question}"))


def test_merger_keeps_the_best_copy_of_a_question_and_each_kinds_share() -> None:
    merger = chunked.Merger(cap=6)
    merger.add(Bank(id="b", title="B", facts=[_fact("Who won?", "person", 0.4), _fact("When?", "date", 0.9),
                                               _fact("Where?", "place", 0.5), _fact("What?", "term", 0.2)]))
    merger.add(Bank(id="b", title="B", facts=[_fact("Who won?", "person", 0.8)] +
                    [_fact(f"When {i}?", "date", 0.95) for i in range(6)]))
    bank = Bank(id="b", title="B")
    left_out = merger.into(bank)
    assert len(bank.facts) == 6 and left_out == 4
    assert {f.kind for f in bank.facts} >= {"date", "person"}
    who = next(f for f in bank.facts if f.question == "Who won?")
    assert who.confidence == 0.8


def test_extraction_leaves_no_reference_cycles_behind() -> None:
    # extract_docs pauses the cyclic garbage collector for the run (it cost ~6% of a large run), which is
    # only safe while everything extraction makes is freed by reference counting: no cycles, so the
    # collector has nothing to find afterwards and memory cannot grow on a large input
    import gc

    from quizgen.extract.pipeline import extract

    paths = [ROOT / "seeds" / "trotsky-stalin.txt", *sorted(DATA.glob("*.*"))]
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        bank = extract(paths).bank
        assert bank.facts
        del bank
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
    assert gc.isenabled() == was
