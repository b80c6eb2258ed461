"""The planners' pages in headless Chromium (Debian's chromium via Playwright): search,
entity pages with their graph, the explorer, the document page; everything offline, and
names carrying HTML never execute."""
from __future__ import annotations

import re

import pytest

from .servers import policykg_server

pytestmark = pytest.mark.browser

HOSTILE = ("关于《<img src=x onerror=\"window.__xss=1\">实施方案》的说明\n"
           "2018年，市委印发《<script>window.__xss=2</script>管理办法》，实施“<b onmouseover=window.__xss=3>攻坚</b>行动”，"
           "完成项目12个。“<img src=x onerror=alert(4)>工程”包括“甲工程”、“乙工程”。\n")


@pytest.fixture(scope="module")
def pages_server(tmp_path_factory, sample_path):
    from policykg.graph.ingest import ingest_files
    from policykg.graph.store import open_store

    root = tmp_path_factory.mktemp("pages")
    hostile = root / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    store = open_store(str(root / "store"))
    assert not ingest_files(store, [sample_path, hostile]).failures
    store.close()
    del store
    with policykg_server(root / "store") as base:
        yield base


def offline(page, base):
    return [u for u in page.requests_seen if not u.startswith(base) and not u.startswith(("data:", "blob:"))]


def test_search_open_entity_see_parts_and_click_a_node(pages_server, page, artifacts):
    page.goto(pages_server + "/")
    page.fill("#q", "三改三建")
    page.wait_for_selector("#suggest li a")
    assert "三改三建" in page.inner_text("#suggest")
    page.screenshot(path=str(artifacts / "home-suggest.png"))
    page.click("#suggest li a >> text=三改三建")
    page.wait_for_selector("h1")
    assert page.inner_text("h1").startswith("三改三建")
    assert "老旧小区整治" in page.inner_text("body")  # a part of it, with the sentence that says so
    page.wait_for_selector("#network[data-stable='1']", timeout=20000)
    page.screenshot(path=str(artifacts / "entity-sangaisanjian.png"), full_page=True)
    # the canvas draws nodes: find one on screen and click it
    positions = page.evaluate("""() => { const n = window.policykgNetwork, pos = n.getPositions(), ids = Object.keys(pos);
        return {count: ids.length, dom: ids.map(i => [i, n.canvasToDOM(pos[i])])}; }""")
    assert positions["count"] >= 2
    box = page.query_selector("#network").bounding_box()
    here = page.url
    current = here.split("/id/", 1)[1]
    for iri, xy in positions["dom"]:
        if iri.endswith("/" + current):
            continue  # the entity itself
        if 0 < xy["x"] < box["width"] and 0 < xy["y"] < box["height"] and page.evaluate(
                "(xy) => window.policykgNetwork.getNodeAt(xy)", xy) == iri:
            page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
            break
    page.wait_for_url(lambda u: u != here, timeout=10000, wait_until="domcontentloaded")
    assert "/id/" in page.url
    assert offline(page, pages_server) == []


def test_explorer_and_path_finder(pages_server, page, artifacts):
    page.goto(pages_server + "/graph?entity=齐鲁化工区&depth=2")
    page.wait_for_selector("#network[data-stable='1']", timeout=20000)
    assert int(page.get_attribute("#network", "data-nodes")) >= 6
    page.screenshot(path=str(artifacts / "explorer-qilu.png"), full_page=True)
    page.goto(pages_server + "/graph?from=马桥产业园&to=金山产业园")
    path = page.inner_text("ol.path")
    assert "马桥产业园" in path and "齐鲁化工区" in path and "金山产业园" in path
    assert offline(page, pages_server) == []


def test_document_page_highlights_figures_and_entities(pages_server, page, artifacts):
    page.goto(pages_server + "/")
    page.click("text=zibo-2018-glossary.txt")
    page.wait_for_selector(".doctext")
    figures = page.query_selector_all(".doctext mark.fig")
    assert len(figures) >= 100
    assert any(f.inner_text() == "553.42万平方米" for f in figures)
    title = page.get_attribute(".doctext mark.fig >> text=553.42万平方米", "title")
    assert "5534200 平方米" in title and "Achievement" in title
    assert len(page.query_selector_all(".doctext a.ent")) >= 100
    page.screenshot(path=str(artifacts / "document-zibo.png"))
    assert offline(page, pages_server) == []


def test_hostile_names_never_execute(pages_server, page, artifacts):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    urls = ["/search?q=" + q for q in ("img", "script", "工程", "攻坚")]
    page.goto(pages_server + "/search?q=工程")
    urls += [a.get_attribute("href") for a in page.query_selector_all(".results a")]
    page.goto(pages_server + "/")
    urls += [a.get_attribute("href") for a in page.query_selector_all("a") if "hostile" in (a.inner_text() or "")]
    urls += ["/graph?entity=" + q for q in ("<img src=x onerror=alert(4)>工程", "script")]
    seen_hostile_label = False
    for u in dict.fromkeys(urls):
        page.goto(pages_server + u)
        body = page.content()
        seen_hostile_label |= "&lt;img src=x onerror" in body or "&lt;script&gt;" in body
        if page.query_selector("#network"):
            page.wait_for_selector("#network[data-stable='1']", timeout=20000)
            for iri, xy in page.evaluate("""() => { const n = window.policykgNetwork, p = n.getPositions();
                    return Object.keys(p).map(i => [i, n.canvasToDOM(p[i])]); }"""):
                box = page.query_selector("#network").bounding_box()
                page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
                page.wait_for_timeout(150)
        assert page.evaluate("() => window.__xss") is None, u
        page.mouse.move(0, 0)
        page.keyboard.press("Tab")
    page.type("#q", "<img src=x onerror=alert(5)>") if page.query_selector("#q") else None
    page.screenshot(path=str(artifacts / "hostile.png"), full_page=True)
    assert seen_hostile_label, "the hostile names should be shown, escaped"
    assert dialogs == []
    assert page.evaluate("() => window.__xss") is None


def test_english_interface(pages_server, page):
    page.goto(pages_server + "/?lang=en")
    assert "Latest documents" in page.inner_text("body")
    page.goto(pages_server + "/graph")
    assert "Path finder" in page.inner_text("body")
    page.goto(pages_server + "/?lang=zh")
    assert "最新文档" in page.inner_text("body")


def test_no_page_references_an_outside_address(pages_server, page):
    for u in ["/", "/search?q=化工", "/graph?entity=齐鲁化工区", "/editor", "/queries"]:
        page.goto(pages_server + u)
        html = page.content()
        refs = re.findall(r'(?:src|href)=["\'](https?://[^"\']+)', html)
        assert [r for r in refs if not r.startswith(pages_server)] == [], u
