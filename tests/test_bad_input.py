"""Bad input: one clear line naming the file and the reason, a non-zero exit, and the
store exactly as it was before."""
from __future__ import annotations

import pytest

from .documents import pdf_bytes_truncated, write_docx


def _bad_files(tmp_path):
    files = {}
    files["empty.txt"] = b""
    files["garbage.txt"] = bytes(range(256)) * 8
    files["truncated.pdf"] = pdf_bytes_truncated()
    files["notes.xyz"] = "2017年完成106个".encode()
    files["latin1.txt"] = "caf\xe9 na\xefve \xff\xfe".encode("latin-1") + b"\x81\x30\xff"
    files["broken.ttl"] = b"@prefix ex: <http://example.org/> .\nex:a ex:b "
    files["bomb.rdf"] = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                         b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')
    files["corrupt.docx"] = b"PK\x03\x04 this is not really a zip"
    out = {}
    for name, data in files.items():
        p = tmp_path / name
        p.write_bytes(data)
        out[name] = p
    return out


REASONS = {
    "empty.txt": "empty file",
    "garbage.txt": "binary content",
    "truncated.pdf": "PDF",
    "notes.xyz": "unsupported file type .xyz",
    "latin1.txt": "neither valid UTF-8 nor GB18030",
    "broken.ttl": "malformed RDF",
    "bomb.rdf": "<!ENTITY",
    "corrupt.docx": "DOCX",
}


@pytest.mark.parametrize("name", sorted(REASONS))
def test_bad_file_gets_one_line_and_leaves_the_store_unchanged(name, cli, store_dir, sample_path, tmp_path):
    assert cli("ingest", sample_path, "--store", store_dir).code == 0
    before = cli("documents", "--store", store_dir).out, cli("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store_dir, "--format", "csv").out
    bad = _bad_files(tmp_path)[name]
    r = cli("ingest", bad, "--store", store_dir)
    assert r.code != 0
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert name in lines[0] and REASONS[name] in lines[0], lines[0]
    after = cli("documents", "--store", store_dir).out, cli("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store_dir, "--format", "csv").out
    assert after == before


def test_extract_of_a_bad_file_is_one_line_too(cli, tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"  \n ")
    r = cli("extract", p)
    assert r.code == 1 and r.err.strip() == "policykg: empty.txt: empty file"


def test_encrypted_pdf_is_refused(cli, tmp_path):
    from pypdf import PdfReader, PdfWriter

    from .documents import write_pdf

    plain = write_pdf(tmp_path / "plain.pdf")
    w = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        w.add_page(page)
    w.encrypt(user_password="secret", owner_password="owner")
    enc = tmp_path / "locked.pdf"
    with open(enc, "wb") as fh:
        w.write(fh)
    r = cli("extract", enc)
    assert r.code == 1 and "locked.pdf: encrypted PDF" in r.err


def test_pdf_without_text_layer_is_refused(cli, tmp_path):
    from reportlab.pdfgen import canvas

    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p))
    c.rect(10, 10, 100, 100, fill=1)
    c.save()
    r = cli("extract", p)
    assert r.code == 1 and "no text layer" in r.err


def test_gb18030_text_is_read(cli, tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("2017年，全市完成老旧小区整治项目106个。".encode("gb18030"))
    r = cli("extract", p, "--format", "nquads")
    assert r.code == 0 and "老旧小区整治项目106个" in r.out


def test_missing_path(cli, store_dir):
    r = cli("ingest", "/nonexistent/file.txt", "--store", store_dir)
    assert r.code == 2 and "no such file" in r.err


def test_docx_fixture_roundtrip(tmp_path):
    assert write_docx(tmp_path / "a.docx").stat().st_size > 1000
