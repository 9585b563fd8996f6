"""QTI zip read back with zipfile and ElementTree: the layout Canvas imports, every XML well-formed, each
item's correct response one of its choices and the right option's text."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st
from test_exports_helpers import bank_of, deck, expected, fact, field_text, fixed_mc, html_text, opts

from quizgen.exports import qti
from quizgen.exports.common import mc_questions

NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2", "cp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
      "c": "http://canvas.instructure.com/xsd/cccv1p0"}


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        return {name: zf.read(name) for name in zf.namelist()}


def shown(mattext: ET.Element | None) -> str:
    assert mattext is not None and mattext.get("texttype") == "text/html"
    text, tags = html_text(mattext.text or "")
    assert tags <= {"p", "/p", "br"}, tags
    return text


def layout(files: dict[str, bytes]) -> tuple[ET.Element, ET.Element, ET.Element]:
    """Check the Canvas layout; return the manifest, assessment and meta documents."""
    assert files["non_cc_assessments/"] == b""
    manifest = ET.fromstring(files["imsmanifest.xml"])
    resources = manifest.findall("cp:resources/cp:resource", NS)
    qti_res = [r for r in resources if r.get("type") == "imsqti_xmlv1p2"]
    assert len(qti_res) == 1
    ident = qti_res[0].get("identifier")
    assert qti_res[0].find("cp:file", NS).get("href") == f"{ident}/{ident}.xml"
    dep = qti_res[0].find("cp:dependency", NS).get("identifierref")
    meta_res = next(r for r in resources if r.get("identifier") == dep)
    assert meta_res.get("href") == f"{ident}/assessment_meta.xml"
    assert sorted(files) == sorted(["imsmanifest.xml", "non_cc_assessments/", f"{ident}/{ident}.xml",
                                    f"{ident}/assessment_meta.xml"])
    for name, data in files.items():
        if name.endswith(".xml"):
            assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assessment = ET.fromstring(files[f"{ident}/{ident}.xml"])
    assert assessment.find("q:assessment", NS).get("ident") == ident
    meta = ET.fromstring(files[f"{ident}/assessment_meta.xml"])
    assert meta.get("identifier") == ident
    return manifest, assessment, meta


def item_fields(item: ET.Element) -> dict[str, str]:
    return {f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", default="", namespaces=NS)
            for f in item.findall("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", NS)}


def correct_responses(item: ET.Element) -> list[str]:
    for cond in item.findall("q:resprocessing/q:respcondition", NS):
        if cond.findtext("q:setvar", namespaces=NS) == "100":
            return [v.text or "" for v in cond.findall("q:conditionvar/q:varequal", NS)]
    raise AssertionError("no scoring condition")


def choices(item: ET.Element) -> dict[str, str]:
    labels = item.findall("q:presentation/q:response_lid/q:render_choice/q:response_label", NS)
    return {lab.get("ident"): shown(lab.find("q:material/q:mattext", NS)) for lab in labels}


def test_deck_export_layout_and_correct_responses() -> None:
    bank = deck()
    items = mc_questions(bank, opts(9))
    result = qti.export(bank, opts(9))
    assert isinstance(result.data, bytes) and result.count == len(items)
    _, assessment, meta = layout(unzip(result.data))
    assert meta.findtext("c:title", namespaces=NS) == bank.title
    xml_items = assessment.findall("q:assessment/q:section/q:item", NS)
    assert len(xml_items) == len(items)
    assert len({i.get("ident") for i in xml_items}) == len(items)
    for item, (f, mc) in zip(xml_items, items, strict=True):
        assert item.get("title") == f.id
        fields = item_fields(item)
        right = correct_responses(item)
        if mc is None:
            assert fields["question_type"] == "short_answer_question"
            assert right == list(dict.fromkeys(expected(a) for a in f.answers))
            continue
        assert fields["question_type"] == "multiple_choice_question"
        assert shown(item.find("q:presentation/q:material/q:mattext", NS)) == expected(mc.question)
        options = choices(item)
        assert list(options.values()) == [expected(o) for o in mc.options]
        assert fields["original_answer_ids"].split(",") == list(options)
        assert len(right) == 1 and right[0] in options
        assert options[right[0]] == expected(mc.options[mc.answer_index])
        if f.source:
            fb = item.find("q:itemfeedback[@ident='general_fb']/q:flow_mat/q:material/q:mattext", NS)
            assert shown(fb) == expected(f.source.quote)


def test_same_seed_gives_byte_identical_zip() -> None:
    bank = deck()
    assert qti.export(bank, opts(4)).data == qti.export(bank, opts(4)).data
    with zipfile.ZipFile(io.BytesIO(qti.export(bank, opts(4)).data)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert zf.namelist() == sorted(zf.namelist())


def test_short_answer_item() -> None:
    f = fact("sa", "Who?", "Natalya Sedova", accept=["Sedova", "Natalia Sedova"], quote=None)
    with fixed_mc(None):
        _, assessment, _ = layout(unzip(qti.export(bank_of(f), opts()).data))
    item = assessment.find("q:assessment/q:section/q:item", NS)
    assert item_fields(item)["question_type"] == "short_answer_question"
    assert item.find("q:presentation/q:response_str/q:render_fib", NS) is not None
    assert correct_responses(item) == ["Natalya Sedova", "Sedova", "Natalia Sedova"]
    assert item.find("q:itemfeedback", NS) is None


@settings(max_examples=100, deadline=None)
@given(question=field_text, answers=st.lists(field_text, min_size=4, max_size=4, unique_by=expected),
       right=st.integers(0, 3), quote=field_text, title=field_text)
def test_any_text_round_trips(question: str, answers: list[str], right: int, quote: str, title: str) -> None:
    f = fact("any", question, answers[right], quote=quote)
    with fixed_mc(answers, right):
        _, assessment, meta = layout(unzip(qti.export(bank_of(f, title=title), opts()).data))
    assert meta.findtext("c:title", namespaces=NS) == expected(title)
    assert assessment.find("q:assessment", NS).get("title") == expected(title)
    item = assessment.find("q:assessment/q:section/q:item", NS)
    assert shown(item.find("q:presentation/q:material/q:mattext", NS)) == expected(question)
    options = choices(item)
    assert list(options.values()) == [expected(a) for a in answers]
    assert options[correct_responses(item)[0]] == expected(answers[right])
    fb = item.find("q:itemfeedback/q:flow_mat/q:material/q:mattext", NS)
    assert shown(fb) == expected(quote)
    with fixed_mc(None):
        _, sa, _ = layout(unzip(qti.export(bank_of(f), opts()).data))
    assert correct_responses(sa.find("q:assessment/q:section/q:item", NS)) == [expected(answers[right])]
