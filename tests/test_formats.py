"""Every reader yields the same findings from the same policy text: plain text (UTF-8 and
GB18030, and wrapped at a fixed width), HTML with page furniture around it, DOCX and PDF;
offsets point at the characters of the text the document shows."""
from __future__ import annotations

import pytest
from rdflib import Dataset, Namespace
from rdflib.namespace import RDF, RDFS

from policykg.graph.serialize import serialize_quads
from policykg.loaders.pipeline import extract_path

from .documents import FIGURES, POLICY_TEXT, write_docx, write_html, write_pdf, write_text, write_wrapped_text

POL = Namespace("https://w3id.org/policykg/ontology#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

WRITERS = {
    "policy.txt": write_text,
    "policy-gbk.txt": lambda p: write_text(p, "gb18030"),
    "policy-wrapped.txt": write_wrapped_text,   # copied from a PDF, a line break every 16 characters
    "policy.html": write_html,
    "policy.docx": write_docx,
    "policy.pdf": write_pdf,
}


def findings(path):
    ex = extract_path(path)
    ds = Dataset(default_union=True)
    ds.parse(data=serialize_quads(ex.quads, "trig"), format="trig")
    figures = {(str(ds.value(o, POL.value)), str(ds.value(o, POL.unit))) for o in ds.subjects(RDF.type, POL.Observation)}
    labels = {str(l) for cls in ("PolicyDocument", "Program", "Policy", "IssuingBody", "Park", "Place")
              for e in ds.subjects(RDF.type, POL[cls]) for l in ds.objects(e, RDFS.label)}
    return ex, ds, figures, labels


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_each_format_gives_the_same_figures_and_entities(name, tmp_path):
    _, _, base_figures, base_labels = findings(write_text(tmp_path / "base.txt"))
    assert base_figures == FIGURES
    assert {"关于推进智慧城市建设的指导意见", "湖州市人民政府关于加快推进智慧园区建设的实施意见"} <= base_labels
    _, _, figures, labels = findings(WRITERS[name](tmp_path / name))
    assert figures == base_figures
    assert labels == base_labels


def test_only_a_text_wrapped_at_a_fixed_width_has_its_lines_joined():
    from policykg.loaders.read import rejoin_wrapped

    wrapped = "\n".join(
        line[k:k + 16] for line in POLICY_TEXT.splitlines() for k in range(0, len(line), 16))
    assert rejoin_wrapped(wrapped).splitlines() == POLICY_TEXT.splitlines()
    # paragraphs of any length, headings, list items and table rows stay as the author broke them
    text = POLICY_TEXT + "序号\t任务\t牵头单位\n1\t建设智慧园区12个，新增投资30亿元以上\t市经信局\n" * 6
    assert rejoin_wrapped(text) == text
    items = "\n".join(f"（{n}）推进智慧园区示范项目建设，完成投资{n}亿元；" for n in "一二三四五六七八九十") + "\n"
    assert rejoin_wrapped(items) == items


def test_html_page_furniture_is_dropped(tmp_path):
    _, ds, figures, _ = findings(write_html(tmp_path / "page.html"))
    text = str(next(ds.objects(None, NIF.isString)))
    assert "首页" not in text and "tracking" not in text and "备案号" not in text and "访问量" not in text
    assert ("88", "个") not in figures and ("999", "个") not in figures


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_offsets_point_at_the_right_characters(name, tmp_path):
    _, ds, _, _ = findings(WRITERS[name](tmp_path / name))
    text = str(next(ds.objects(None, NIF.isString)))
    spans = list(ds.subjects(NIF.anchorOf, None))
    assert len(spans) > 10
    for span in spans:
        b, e = int(ds.value(span, NIF.beginIndex)), int(ds.value(span, NIF.endIndex))
        assert text[b:e] == str(ds.value(span, NIF.anchorOf))
    for obs in ds.subjects(RDF.type, POL.Observation):
        sentence = ds.value(obs, URIRef_prov_derived())
        assert str(ds.value(obs, POL.valueText)) in str(ds.value(sentence, NIF.anchorOf))


def URIRef_prov_derived():
    from rdflib import URIRef

    return URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")


def test_the_document_is_described(tmp_path):
    _, ds, _, _ = findings(write_text(tmp_path / "policy.txt"))
    (doc,) = [d for d in ds.subjects(RDF.type, POL.PolicyDocument)
              if str(ds.value(d, RDFS.label)) == "湖州市人民政府关于加快推进智慧园区建设的实施意见"]
    assert str(ds.value(doc, POL.issuedOn)) == "2019-03-15"
    issuers = {str(ds.value(b, RDFS.label)) for b in ds.objects(doc, POL.issuedBy)}
    assert "湖州市人民政府" in issuers or issuers, issuers
    implemented = {str(ds.value(t, RDFS.label)) for t in ds.objects(doc, POL.implements)}
    assert "关于推进智慧城市建设的指导意见" in implemented


def test_rdf_files_are_ingested_as_given(tmp_path):
    p = tmp_path / "extra.ttl"
    p.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b \"中文\"@zh .\n", encoding="utf-8")
    ex = extract_path(p)
    assert len(ex.quads) == 1 and ex.quads[0].graph_name.value == ex.graph
