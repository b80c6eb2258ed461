"""The store: one named graph per document, a manifest, idempotent re-ingest, atomic
replace and remove, the union as default graph, deterministic IRIs."""
from __future__ import annotations

import shutil

import pytest

from policykg.graph.ingest import ingest_files
from policykg.graph.store import graph_iri_for, open_store


def test_ingest_records_the_manifest(store, sample_path):
    report = ingest_files(store, [sample_path])
    assert report.added == [sample_path.name] and not report.failures
    (doc,) = store.documents()
    assert doc.name == sample_path.name
    assert doc.graph == graph_iri_for(sample_path.name)
    assert len(doc.sha256) == 64 and doc.byte_size == sample_path.stat().st_size
    assert doc.triple_count == store.triple_count() > 1000
    assert doc.ingested_at.endswith("Z") and doc.extractor_version


def test_reingesting_the_same_content_is_a_no_op(store, sample_path):
    ingest_files(store, [sample_path])
    before = (store.triple_count(), store.documents())
    report = ingest_files(store, [sample_path])
    assert report.unchanged == [sample_path.name]
    assert (store.triple_count(), store.documents()) == before


def test_changed_content_under_the_same_name_replaces_its_graph(store, tmp_path, sample_path):
    doc = tmp_path / "notice.txt"
    doc.write_text("2017年，全市完成老旧小区整治项目106个。", encoding="utf-8")
    ingest_files(store, [doc])
    first = store.documents()[0]
    doc.write_text("2018年，全市计划新建便民农贸市场18处、公共停车场148处。", encoding="utf-8")
    report = ingest_files(store, [doc])
    assert report.replaced == ["notice.txt"]
    (second,) = store.documents()
    assert second.graph == first.graph and second.sha256 != first.sha256
    values = {r["v"].value for r in store.query("SELECT ?v WHERE { ?o <https://w3id.org/policykg/ontology#value> ?v }")}
    assert values == {"18", "148"}
    assert store.triple_count() == second.triple_count


def test_remove_drops_one_document_and_its_record(store, tmp_path, sample_path):
    other = tmp_path / "other.txt"
    other.write_text("2017年，全市完成棚户区项目129个。", encoding="utf-8")
    ingest_files(store, [sample_path, other])
    assert store.remove_document("other.txt")
    assert [d.name for d in store.documents()] == [sample_path.name]
    assert store.triple_count() == store.documents()[0].triple_count
    assert not store.remove_document("other.txt")


def test_default_graph_is_the_union_of_document_graphs(store, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("2017年，全市完成棚户区项目129个。", encoding="utf-8")
    b.write_text("2018年，计划建设城市公厕161座。", encoding="utf-8")
    ingest_files(store, [a, b])
    rows = list(store.query("SELECT (COUNT(?o) AS ?n) WHERE { ?o a <https://w3id.org/policykg/ontology#Observation> }"))
    assert rows[0]["n"].value == "2"


def test_a_triple_stated_by_two_documents_is_in_the_default_graph_once(store, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("国务院印发《关于推进老旧小区改造的通知》。", encoding="utf-8")
    b.write_text("国务院印发《关于加强河长制工作的意见》。", encoding="utf-8")
    ingest_files(store, [a, b])
    who = 'SELECT ?b WHERE { ?b <http://www.w3.org/2000/01/rdf-schema#label> "国务院"@zh }'
    in_graphs = 'SELECT ?g WHERE { GRAPH ?g { ?b <http://www.w3.org/2000/01/rdf-schema#label> "国务院"@zh } }'
    assert len(list(store.query(who))) == 1
    assert len(list(store.query(in_graphs))) == 2
    store.remove_document("a.txt")  # b still names the body: it stays
    assert len(list(store.query(who))) == 1
    store.remove_document("b.txt")
    assert list(store.query(who)) == []
    assert not bool(store.query("ASK { ?s ?p ?o }"))  # nothing is left behind, records included


def test_the_manifest_is_part_of_the_union(store, sample_path):
    ingest_files(store, [sample_path])
    q = "SELECT ?name WHERE { ?d <https://w3id.org/policykg/ontology#sourceFileName> ?name }"
    assert [r["name"].value for r in store.query(q)] == [sample_path.name]


def test_a_store_written_before_the_stored_union_gets_it_on_opening(store_dir, tmp_path):
    import pyoxigraph as ox

    raw = ox.Store(str(store_dir))
    raw.add(ox.Quad(ox.NamedNode("http://ex/a"), ox.NamedNode("http://ex/p"), ox.Literal("v"), ox.NamedNode("http://ex/g")))
    raw.flush()
    del raw
    s = open_store(str(store_dir))
    assert bool(s.query('ASK { <http://ex/a> <http://ex/p> "v" }'))


def test_iris_are_deterministic_across_stores(tmp_path, sample_path):
    def entity_iris(path):
        s = open_store(str(path))
        ingest_files(s, [sample_path])
        return {r["e"].value for r in s.query("SELECT DISTINCT ?e WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }")}

    assert entity_iris(tmp_path / "one") == entity_iris(tmp_path / "two")


def test_a_failed_document_leaves_the_store_exactly_as_before(store, tmp_path, sample_path):
    ingest_files(store, [sample_path])
    before = (store.triple_count(), store.documents())
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://example.org/> . ex:a ex:b ", encoding="utf-8")
    report = ingest_files(store, [bad])
    assert report.failures and "bad.ttl" in report.failures[0]
    assert (store.triple_count(), store.documents()) == before


def test_a_second_writer_gets_a_clear_error(store_dir, sample_path):
    from policykg.graph.store import StoreError

    first = open_store(str(store_dir))
    with pytest.raises(StoreError, match="another process holds the store|cannot open store"):
        open_store(str(store_dir))
    first.close()
    shutil.rmtree(store_dir, ignore_errors=True)
