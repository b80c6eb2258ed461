"""Every command of the `policykg` command line, on real files."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from rdflib import Dataset

from .documents import write_text


def test_help_for_every_command(cli):
    for cmd in ["ingest", "extract", "query", "export", "documents", "validate", "serve"]:
        r = cli(cmd, "--help")
        assert r.code == 0 and "usage: policykg " + cmd in r.out


def test_ingest_prints_a_summary(cli, store_dir, sample_path, tmp_path):
    other = write_text(tmp_path / "policy.txt")
    r = cli("ingest", sample_path, other, "--store", store_dir)
    assert r.code == 0, r.err
    assert "2 documents (2 added" in r.out and "triples" in r.out and "observations" in r.out


def test_ingest_folder_recursively_and_report_failures_but_continue(cli, store_dir, tmp_path):
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    write_text(tmp_path / "docs" / "sub" / "a.txt")
    (tmp_path / "docs" / "empty.txt").write_text("")
    r = cli("ingest", tmp_path / "docs", "--store", store_dir)
    assert r.code == 1
    assert "empty.txt: empty file" in r.err
    assert "1 documents (1 added" in r.out


def test_extract_writes_trig_that_rdflib_reads(cli, sample_path):
    for fmt, parse_as in [("trig", "trig"), ("nquads", "nquads"), ("turtle", "turtle"), ("json-ld", "json-ld")]:
        r = cli("extract", sample_path, "--format", fmt)
        assert r.code == 0, r.err
        ds = Dataset()
        ds.parse(data=r.out, format=parse_as)
        assert len(ds) > 1000 or sum(len(g) for g in ds.graphs()) > 1000


def test_query_formats(cli, store_dir, sample_path):
    cli("ingest", sample_path, "--store", store_dir)
    q = "SELECT ?l WHERE { ?p a <https://w3id.org/policykg/ontology#Park> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l"
    table = cli("query", q, "--store", store_dir)
    assert table.code == 0 and "齐鲁化工区" in table.out
    js = json.loads(cli("query", q, "--store", store_dir, "--format", "json").out)
    assert {"type": "literal", "value": "齐鲁化工区", "xml:lang": "zh"} in [b["l"] for b in js["results"]["bindings"]]
    csv = cli("query", q, "--store", store_dir, "--format", "csv").out
    assert csv.splitlines()[0] == "l" and "齐鲁化工区" in csv
    tsv = cli("query", q, "--store", store_dir, "--format", "tsv").out
    assert tsv.splitlines()[0] == "?l" and '"齐鲁化工区"@zh' in tsv
    ask = cli("query", "ASK { ?s ?p ?o }", "--store", store_dir, "--format", "json").out
    assert json.loads(ask)["boolean"] is True
    construct = cli("query", "CONSTRUCT { ?p a <https://w3id.org/policykg/ontology#Park> } WHERE { ?p a <https://w3id.org/policykg/ontology#Park> }",
                    "--store", store_dir)
    assert "ontology#Park>" in construct.out or "pol:Park" in construct.out


def test_query_from_file_and_bad_query(cli, store_dir, sample_path, tmp_path):
    cli("ingest", sample_path, "--store", store_dir)
    f = tmp_path / "q.rq"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    r = cli("query", "--file", f, "--store", store_dir, "--format", "csv")
    assert r.code == 0 and int(r.out.splitlines()[1]) > 1000
    bad = cli("query", "SELEKT nothing", "--store", store_dir)
    assert bad.code == 2 and bad.err.startswith("policykg: query:") and len(bad.err.strip().splitlines()) == 1


def test_export_and_documents_and_remove(cli, store_dir, sample_path, tmp_path):
    other = write_text(tmp_path / "policy.txt")
    cli("ingest", sample_path, other, "--store", store_dir)
    listing = cli("documents", "--store", store_dir)
    assert sample_path.name in listing.out and "policy.txt" in listing.out
    dump = cli("export", "--store", store_dir, "--format", "nquads")
    ds = Dataset()
    ds.parse(data=dump.out, format="nquads")
    assert len({g.identifier for g in ds.graphs()}) >= 3  # two documents + manifest (+ default)
    trig = cli("export", "--store", store_dir)
    assert trig.code == 0 and "@prefix" in trig.out
    removed = cli("documents", "--store", store_dir, "--remove", "policy.txt")
    assert removed.code == 0
    assert "policy.txt" not in cli("documents", "--store", store_dir).out
    missing = cli("documents", "--store", store_dir, "--remove", "nope.txt")
    assert missing.code == 1 and "nope.txt" in missing.err


def test_validate_passes_on_the_sample_and_reports_a_planted_violation(cli, store_dir, sample_path, tmp_path):
    cli("ingest", sample_path, "--store", store_dir)
    ok = cli("validate", "--store", store_dir)
    assert ok.code == 0 and "conforms" in ok.out
    planted = tmp_path / "planted.ttl"
    planted.write_text(
        "@prefix pol: <https://w3id.org/policykg/ontology#> .\n"
        "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
        "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .\n"
        "<http://example.org/o> a pol:Observation , pol:Target ; pol:value -5.0 ; pol:unit \"%\" ;\n"
        "  prov:wasDerivedFrom <http://example.org/s> .\n"
        "<http://example.org/s> nif:anchorOf \"覆盖率达到-5%。\" ; nif:beginIndex 0 ; nif:endIndex 10 .\n",
        encoding="utf-8")
    assert cli("ingest", planted, "--store", store_dir).code == 0
    bad = cli("validate", "--store", store_dir)
    assert bad.code == 1
    assert "a percentage must not be negative" in bad.out and "覆盖率达到-5%。" in bad.out


def test_store_defaults_to_the_environment_variable(cli, store_dir, sample_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_STORE", str(store_dir))
    assert cli("ingest", sample_path).code == 0
    assert sample_path.name in cli("documents").out


def test_the_installed_console_script_runs(tmp_path, sample_path):
    exe = Path(sys.executable).parent / "policykg"
    out = subprocess.run([str(exe), "extract", str(sample_path), "--format", "nquads"], capture_output=True,
                         text=True, env=dict(os.environ), timeout=120)
    assert out.returncode == 0 and out.stdout.startswith("<https://w3id.org/policykg/id/")
