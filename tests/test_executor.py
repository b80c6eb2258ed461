"""The query workers: they answer from an in-memory copy of a small store and from the files
of a large one, give the same answers either way, move to a new checkpoint after a write,
and do not count opening the store against a query's time limit."""
from __future__ import annotations

import json

import pytest

from policykg.graph.embedded import EmbeddedStore
from policykg.graph.executor import QueryExecutor, QueryJob, open_for_queries
from policykg.graph.ingest import ingest_files
from policykg.graph.store import open_store

SUBPARKS = """PREFIX pol: <https://w3id.org/policykg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label WHERE { ?s pol:partOf ?p . ?p rdfs:label "齐鲁化工区"@zh . ?s a pol:Park ; rdfs:label ?label } ORDER BY ?label"""


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, sample_path):
    path = tmp_path_factory.mktemp("executor") / "store"
    s = open_store(str(path))
    ingest_files(s, [sample_path])
    s.close()
    return path


def labels(answer) -> list[str]:
    return [b["label"]["value"] for b in json.loads(answer.body)["results"]["bindings"]]


def test_a_small_store_is_answered_from_memory_and_a_large_one_from_its_files(sample_store):
    small = open_for_queries(str(sample_store), memory_quads=10_000_000)
    large = open_for_queries(str(sample_store), memory_quads=10)
    assert isinstance(small, EmbeddedStore) and isinstance(large, EmbeddedStore)
    assert small.raw is not large.raw and len(small.raw) == len(large.raw)
    q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    assert sorted(map(str, small.query(q))) == sorted(map(str, large.query(q)))


def test_workers_give_the_same_answer_from_memory_or_from_disk(sample_store):
    answers = []
    for memory_quads in (0, 10_000_000):
        ex = QueryExecutor(str(sample_store), workers=1, timeout=5, memory_quads=memory_quads)
        try:
            answers.append(labels(ex.run(QueryJob(query=SUBPARKS, fmt="json"))))
        finally:
            ex.close()
    assert answers[0] == answers[1]
    assert {"齐鲁产业区", "金山产业园", "湖田产业园", "马桥产业园", "氟硅材料产业园"} <= set(answers[0])


def test_workers_move_to_the_new_checkpoint_after_a_write(tmp_path, sample_path):
    path = tmp_path / "store"
    store = open_store(str(path))
    ingest_files(store, [sample_path])
    generation = {"n": 0}

    def snapshot(n: int) -> str:
        target = tmp_path / f"checkpoint-{n}"
        store.raw.flush()
        store.raw.backup(str(target))
        generation["n"] = n
        return str(target)

    ex = QueryExecutor(str(path), workers=1, timeout=5, snapshot=snapshot, memory_quads=10_000_000)
    ask = 'ASK { <http://ex/new> <http://ex/p> "v" }'
    try:
        assert json.loads(ex.run(QueryJob(query=ask, fmt="json")).body)["boolean"] is False
        store.update('INSERT DATA { GRAPH <http://ex/g> { <http://ex/new> <http://ex/p> "v" } }')
        store.sync_union()
        ex.invalidate()
        assert json.loads(ex.run(QueryJob(query=ask, fmt="json")).body)["boolean"] is True
    finally:
        ex.close()
        store.close()


def test_opening_the_store_is_not_counted_against_the_time_limit(sample_store):
    # a limit far below the copy time: the first query still answers
    ex = QueryExecutor(str(sample_store), workers=1, timeout=0.5, memory_quads=10_000_000)
    try:
        assert labels(ex.run(QueryJob(query=SUBPARKS, fmt="json")))
    finally:
        ex.close()
