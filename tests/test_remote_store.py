"""The same store interface over a remote SPARQL 1.1 engine: a real Oxigraph server on
127.0.0.1 takes ingests, answers queries and named queries, replaces and removes
documents, exactly as the embedded store does."""
from __future__ import annotations

import pytest

from policykg.graph.ingest import ingest_files
from policykg.graph.store import open_store

from .servers import oxigraph_server


@pytest.fixture(scope="module")
def remote(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as location:
        yield location


def test_ingest_query_replace_remove_over_a_remote_engine(remote, cli, sample_path, tmp_path):
    r = cli("ingest", sample_path, "--store", remote)
    assert r.code == 0, r.err
    assert sample_path.name in cli("documents", "--store", remote).out
    again = cli("ingest", sample_path, "--store", remote)
    assert "1 unchanged" in again.out
    out = cli("query", "--name", "parks-and-subparks", "--param", "park=齐鲁化工区", "--store", remote, "--format", "csv")
    assert out.code == 0 and "马桥产业园" in out.out
    doc = tmp_path / "n.txt"
    doc.write_text("2017年，全市完成棚户区项目129个。", encoding="utf-8")
    cli("ingest", doc, "--store", remote)
    doc.write_text("2018年，计划建设城市公厕161座。", encoding="utf-8")
    assert "1 replaced" in cli("ingest", doc, "--store", remote).out
    assert cli("documents", "--store", remote, "--remove", "n.txt").code == 0
    assert "n.txt" not in cli("documents", "--store", remote).out


def test_embedded_and_remote_give_the_same_triples(remote, tmp_path, sample_path):
    local = open_store(str(tmp_path / "local"))
    ingest_files(local, [sample_path])
    far = open_store(remote)
    ingest_files(far, [sample_path])
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/policykg/ontology#Observation> }"
    assert next(iter(local.query(q)))["n"].value == next(iter(far.query(q)))["n"].value
    assert local.documents()[0].sha256 == far.document(sample_path.name).sha256


def test_an_unreachable_engine_is_one_clear_line(cli, sample_path):
    r = cli("ingest", sample_path, "--store", "http://127.0.0.1:9/query|http://127.0.0.1:9/update")
    assert r.code != 0 and "unreachable" in r.err and len(r.err.strip().splitlines()) <= 2


def test_a_remote_store_filled_without_the_union_gets_it(tmp_path):
    import urllib.request

    with oxigraph_server(tmp_path / "bare") as location:
        query_url, update_url = location.split("|")
        req = urllib.request.Request(update_url, method="POST", headers={"Content-Type": "application/sparql-update"},
                                     data='INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> "v" } }'.encode())
        urllib.request.urlopen(req, timeout=30).read()
        store = open_store(location)
        assert bool(store.query('ASK { <http://ex/a> <http://ex/p> "v" }'))
