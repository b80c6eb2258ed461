"""The query editor in headless Chromium: it loads with no request leaving the app, runs
an example query of the catalogue and shows rows."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_editor_runs_an_example_and_shows_rows_offline(sample_server, page, artifacts):
    page.goto(sample_server + "/editor")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click("button.example[data-name='parks-and-subparks']")
    page.wait_for_selector(".yasr table tbody tr", timeout=20000)
    text = page.inner_text(".yasr")
    assert "马桥产业园" in text and "齐鲁化工区" in text
    page.screenshot(path=str(artifacts / "editor.png"), full_page=True)
    outside = [u for u in page.requests_seen if not u.startswith(sample_server) and not u.startswith(("data:", "blob:"))]
    assert outside == []
    assert page.console_errors == []


def test_shareable_url_carries_the_query(sample_server, page):
    import urllib.parse

    q = "SELECT ?l WHERE { ?p a <https://w3id.org/policykg/ontology#Park> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 3"
    page.goto(sample_server + "/editor?" + urllib.parse.urlencode({"query": q}))
    page.wait_for_selector(".yasr table tbody tr", timeout=20000)
    assert "LIMIT 3" in page.inner_text(".yasqe")
    assert len(page.query_selector_all(".yasr table tbody tr")) == 3
