"""QTI 1.2 zip as Canvas imports it (Settings > Import course content > QTI .zip), laid out as Canvas's
own exports and text2qti's are:

    imsmanifest.xml               the package: one imsqti_xmlv1p2 resource and its meta dependency
    <id>/<id>.xml                 the assessment: one item per fact
    <id>/assessment_meta.xml      Canvas quiz settings (title, description, no shuffling, 1 attempt)
    non_cc_assessments/           empty folder Canvas expects

Multiple choice becomes `multiple_choice_question`; a fact without a multiple-choice form becomes a
`short_answer_question` accepting every accepted answer. The source quote is the general feedback.
Identifiers derive from the bank and fact ids, and the zip has fixed timestamps, so the same seed gives
the same bytes. XML is written by ElementTree, so text is always escaped; question text is HTML made
from plain text by escaping it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..bank import Bank, Fact
from . import ExportOptions, ExportResult
from .common import clean, deterministic_zip, html_inline, html_paragraph, ident, mc_questions, unique

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
IMSMD_NS = "http://www.imsglobal.org/xsd/imsmd_v1p2"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _xml(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8",
                                                                     xml_declaration=False) + b"\n"


def _material(parent: ET.Element, html: str) -> None:
    _sub(_sub(parent, "material"), "mattext", html, texttype="text/html")


def _metadata(item: ET.Element, fields: list[tuple[str, str]]) -> None:
    meta = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields:
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _item(section: ET.Element, bank: Bank, fact: Fact, question: str, options: list[str] | None,
          answer_index: int) -> None:
    item_id = ident(bank.id, fact.id)
    item = _sub(section, "item", ident=item_id, title=clean(fact.id))
    labels = [f"{item_id}_{i + 1}" for i in range(len(options or []))]
    _metadata(item, [
        ("question_type", "multiple_choice_question" if options is not None else "short_answer_question"),
        ("points_possible", "1.0"),
        ("original_answer_ids", ",".join(labels)),
        ("assessment_question_identifierref", ident(bank.id, fact.id, "bank")),
    ])
    presentation = _sub(item, "presentation")
    _material(presentation, html_paragraph(question))
    if options is not None:
        choice = _sub(_sub(presentation, "response_lid", ident="response1", rcardinality="Single"),
                      "render_choice")
        for label, option in zip(labels, options, strict=True):
            _material(_sub(choice, "response_label", ident=label), html_inline(option))
    else:
        fib = _sub(_sub(presentation, "response_str", ident="response1", rcardinality="Single"), "render_fib")
        _sub(fib, "response_label", ident="answer1", rshuffle="No")

    proc = _sub(item, "resprocessing")
    _sub(_sub(proc, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    quote = fact.source.quote if fact.source and fact.source.quote.strip() else None
    if quote:
        cond = _sub(proc, "respcondition", **{"continue": "Yes"})
        _sub(_sub(cond, "conditionvar"), "other")
        _sub(cond, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    correct = _sub(proc, "respcondition", **{"continue": "No"})
    var = _sub(correct, "conditionvar")
    if options is not None:
        _sub(var, "varequal", labels[answer_index], respident="response1")
    else:
        # Canvas marks a short answer right when it equals (case-insensitively) any of these.
        for answer in unique(clean(a) for a in fact.answers):
            _sub(var, "varequal", answer, respident="response1")
    _sub(correct, "setvar", "100", action="Set", varname="SCORE")
    if quote:
        feedback = _sub(item, "itemfeedback", ident="general_fb")
        _material(_sub(feedback, "flow_mat"), html_paragraph(quote))


def _assessment(bank: Bank, assessment_id: str, items: list) -> bytes:
    root = ET.Element("questestinterop", {
        "xmlns": QTI_NS, "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"})
    assessment = _sub(root, "assessment", ident=assessment_id, title=clean(bank.title))
    field = _sub(_sub(assessment, "qtimetadata"), "qtimetadatafield")
    _sub(field, "fieldlabel", "cc_maxattempts")
    _sub(field, "fieldentry", "1")
    section = _sub(assessment, "section", ident="root_section")
    for fact, mc in items:
        if mc is None:
            _item(section, bank, fact, fact.question, None, -1)
        else:
            _item(section, bank, fact, mc.question, list(mc.options), mc.answer_index)
    return _xml(root)


def _meta(bank: Bank, assessment_id: str, points: int) -> bytes:
    root = ET.Element("quiz", {
        "identifier": assessment_id, "xmlns": CANVAS_NS, "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": f"{CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd"})
    _sub(root, "title", clean(bank.title))
    _sub(root, "description", html_paragraph(bank.description) if bank.description else "")
    for tag, value in [("shuffle_answers", "false"), ("scoring_policy", "keep_highest"), ("hide_results", ""),
                       ("quiz_type", "assignment"), ("points_possible", f"{points:.1f}"),
                       ("show_correct_answers", "true"), ("anonymous_submissions", "false"),
                       ("could_be_locked", "false"), ("allowed_attempts", "1"),
                       ("one_question_at_a_time", "false"), ("cant_go_back", "false"), ("available", "false"),
                       ("one_time_results", "false"), ("show_correct_answers_last_attempt", "false"),
                       ("only_visible_to_overrides", "false"), ("module_locked", "false")]:
        _sub(root, tag, value)
    return _xml(root)


def _manifest(bank: Bank, assessment_id: str) -> bytes:
    root = ET.Element("manifest", {
        "identifier": ident(bank.id, "manifest"), "xmlns": CP_NS, "xmlns:imsmd": IMSMD_NS,
        "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd "
                              f"{IMSMD_NS} http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd"})
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", "IMS Content")
    _sub(metadata, "schemaversion", "1.1.3")
    title = _sub(_sub(_sub(metadata, "imsmd:lom"), "imsmd:general"), "imsmd:title")
    _sub(title, "imsmd:string", clean(bank.title))
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    meta_id = ident(bank.id, "meta")
    res = _sub(resources, "resource", identifier=assessment_id, type="imsqti_xmlv1p2")
    _sub(res, "file", href=f"{assessment_id}/{assessment_id}.xml")
    _sub(res, "dependency", identifierref=meta_id)
    meta = _sub(resources, "resource", identifier=meta_id,
                type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
                href=f"{assessment_id}/assessment_meta.xml")
    _sub(meta, "file", href=f"{assessment_id}/assessment_meta.xml")
    return _xml(root)


def export(bank: Bank, options: ExportOptions) -> ExportResult:
    items = mc_questions(bank, options)
    assessment_id = ident(bank.id, "assessment")
    data = deterministic_zip([
        ("imsmanifest.xml", _manifest(bank, assessment_id)),
        (f"{assessment_id}/{assessment_id}.xml", _assessment(bank, assessment_id, items)),
        (f"{assessment_id}/assessment_meta.xml", _meta(bank, assessment_id, len(items))),
        ("non_cc_assessments/", b""),
    ])
    return ExportResult(data, len(items))
