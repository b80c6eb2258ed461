"""One entity, one IRI across documents; local names scoped to their jurisdiction or to
their document; deterministic, readable IRIs under a configurable base."""
from __future__ import annotations

from policykg.loaders.gazetteer import gazetteer
from policykg.loaders.pipeline import extract_text
from policykg.loaders.identity import resolve_jurisdiction

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"


def iri_of(ex, name: str) -> str:
    """The entity whose label or alias is ``name``."""
    hits = {q.subject.value for q in ex.quads if q.predicate.value in (RDFS_LABEL, SKOS_ALT) and q.object.value == name}
    assert len(hits) == 1, (name, hits)
    return hits.pop()


def test_central_organs_by_any_official_name():
    a = extract_text("2016年9月，国家发改委印发《关于甲的通知》。", "a.txt")
    b = extract_text("2025年，国家发展改革委印发《关于乙的通知》。", "b.txt")
    assert iri_of(a, "国家发改委") == iri_of(b, "国家发展改革委") == iri_of(b, "国家发展和改革委员会")


def test_a_cited_document_is_one_entity_across_documents():
    a = extract_text("为贯彻《关于全面推行河长制的意见》，我市印发《实施方案》。", "a.txt")
    b = extract_text("按照《关于全面推行河长制的意见》要求，全面建立河长制。", "b.txt")
    assert iri_of(a, "关于全面推行河长制的意见") == iri_of(b, "关于全面推行河长制的意见")


def test_local_organs_resolve_to_their_jurisdiction():
    zibo = resolve_jurisdiction("淄博市")
    a = extract_text("2017年，市政府印发《关于甲的意见》。", "a.txt", jurisdiction=zibo)
    b = extract_text("2018年，市人民政府出台《关于乙的意见》。", "b.txt", jurisdiction=zibo)
    c = extract_text("2018年，淄博市人民政府出台《关于丙的意见》。", "c.txt")
    assert iri_of(a, "市政府") == iri_of(b, "市人民政府") == iri_of(c, "淄博市人民政府")
    # the shared entity carries the official name as its label in every document
    assert {q.object.value for q in a.quads if q.subject.value == iri_of(a, "市政府") and q.predicate.value == RDFS_LABEL} \
        == {"淄博市人民政府"}


def test_the_same_local_name_in_two_cities_is_two_entities():
    a = extract_text("市委印发《关于甲的意见》。", "a.txt", jurisdiction=resolve_jurisdiction("淄博市"))
    b = extract_text("市委印发《关于乙的意见》。", "b.txt", jurisdiction=resolve_jurisdiction("衢州市"))
    assert iri_of(a, "市委") != iri_of(b, "市委")


def test_without_a_jurisdiction_local_names_stay_in_their_document():
    a = extract_text("市委印发《关于甲的意见》。", "a.txt")
    b = extract_text("市委印发《关于乙的意见》。", "b.txt")
    assert iri_of(a, "市委") != iri_of(b, "市委")


def test_the_jurisdiction_is_read_from_the_header():
    text = "衢州市人民政府文件\n衢政发〔2017〕46号\n衢州市人民政府关于推进创新驱动加快绿色发展的若干政策意见（试行）\n市政府办公室负责解释。\n"
    ex = extract_text(text, "q.txt")
    assert iri_of(ex, "市政府办公室") == iri_of(extract_text("衢州市政府办公室印发《关于丁的通知》。", "d.txt"), "衢州市政府办公室")
    doc = iri_of(ex, "衢州市人民政府关于推进创新驱动加快绿色发展的若干政策意见(试行)")
    assert any(q.subject.value == doc and q.predicate.value.endswith("#documentNumber") and q.object.value == "衢政发〔2017〕46号"
               for q in ex.quads)


def test_iris_are_readable_ascii_under_a_configurable_base():
    ex = extract_text("国家发改委印发《关于甲的通知》。", "政策.txt", base="https://example.org/kg/")
    subjects = {q.subject.value for q in ex.quads}
    assert all(s.startswith("https://example.org/kg/") for s in subjects)
    assert all(s.isascii() for s in subjects)


def test_jurisdiction_argument_is_checked(cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("市委印发《关于甲的意见》。", encoding="utf-8")
    r = cli("extract", p, "--jurisdiction", "不存在的地方")
    assert r.code == 1 and "--jurisdiction" in r.err
    assert cli("extract", p, "--jurisdiction", "山东省淄博市").code == 0
    assert gazetteer().places["淄博市"].level == "city"


def test_departments_named_without_their_province():
    sichuan = resolve_jurisdiction("四川省")
    a = extract_text("2025年6月，自然资源厅会同农业农村厅印发《关于甲的方案》。", "a.txt", jurisdiction=sichuan)
    b = extract_text("四川省自然资源厅印发《关于乙的通知》。", "b.txt")
    assert iri_of(a, "自然资源厅") == iri_of(b, "四川省自然资源厅")
    c = extract_text("自然资源厅印发《关于丙的通知》。", "c.txt")
    d = extract_text("自然资源厅印发《关于丁的通知》。", "d.txt")
    assert iri_of(c, "自然资源厅") != iri_of(d, "自然资源厅")


def test_a_county_level_city_is_the_city_of_its_own_documents():
    liuyang = resolve_jurisdiction("浏阳市")
    a = extract_text("由市农业农村局牵头，市政府印发《关于甲的方案》。", "a.txt", jurisdiction=liuyang)
    labels = {q.object.value for q in a.quads if q.predicate.value == RDFS_LABEL}
    assert {"浏阳市农业农村局", "浏阳市人民政府"} <= labels and not any(x.startswith("长沙市") for x in labels)
