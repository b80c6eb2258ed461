"""Unit checks of the app factory with Flask's test client (the HTTP behaviour itself is
tested against the real server elsewhere)."""
from __future__ import annotations

import pytest

from policykg.web.app import create_app


@pytest.fixture
def app_without_token(tmp_path, monkeypatch):
    monkeypatch.delenv("POLICYKG_TOKEN", raising=False)
    app = create_app(str(tmp_path / "store"), token=None, workers=1)
    yield app
    app.extensions["policykg"].executor.close()


def test_without_a_configured_token_writes_are_off(app_without_token):
    c = app_without_token.test_client()
    r = c.post("/sparql", data={"update": "INSERT DATA { <http://a> <http://b> <http://c> }"})
    assert r.status_code == 403 and b"writes are disabled" in r.data
    r = c.put("/data?graph=http%3A%2F%2Fex%2Fg", data=b"<http://a> <http://b> <http://c> .",
              headers={"Content-Type": "text/turtle", "Authorization": "Bearer anything"})
    assert r.status_code == 403


def test_service_description_lists_no_update_without_a_token(app_without_token):
    r = app_without_token.test_client().get("/sparql", headers={"Accept": "text/turtle"})
    assert b"SPARQL11Query" in r.data and b"SPARQL11Update" not in r.data
