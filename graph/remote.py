"""A remote SPARQL 1.1 engine (Oxigraph server, Virtuoso, …) behind the store interface.

Queries go out as SPARQL 1.1 Protocol requests; answers are parsed back into the same
pyoxigraph objects the embedded store returns, so callers cannot tell the two apart.
The union of the named graphs is stored in the engine's default graph (see store.py), so
the engine needs no union setting of its own.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from .sparql_text import inline_values
from .store import DEFAULT_BASE, Store, StoreError

TIMEOUT_S = 120


class RemoteStore(Store):
    def __init__(self, query_url: str, update_url: str | None = None, *, base: str = DEFAULT_BASE,
                 token: str | None = None):
        self.query_url = query_url
        self.update_url = update_url
        self.base = base
        self.token = token

    def _post(self, url: str, body: str, content_type: str, accept: str) -> tuple[str, bytes]:
        req = urllib.request.Request(url, data=body.encode("utf-8"), method="POST",
                                     headers={"Content-Type": content_type, "Accept": accept})
        if self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:  # noqa: S310 - configured endpoint
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            raise StoreError(f"{url}: HTTP {exc.code}: {detail[0] if detail else exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{url}: unreachable: {getattr(exc, 'reason', exc)}") from None

    def query(self, sparql: str, *, substitutions: dict | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None):
        if substitutions:
            sparql = inline_values(sparql, {(k.value if isinstance(k, ox.Variable) else k): str(v)
                                            for k, v in substitutions.items()})
        params = [("default-graph-uri", g) for g in default_graph or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        url = self.query_url + ("?" + urllib.parse.urlencode(params) if params else "")
        ctype, data = self._post(url, sparql, "application/sparql-query",
                                 "application/sparql-results+json, application/n-triples;q=0.9")
        if "n-triples" in ctype or "turtle" in ctype:
            return iter(ox.parse(data, format=ox.RdfFormat.N_TRIPLES if "n-triples" in ctype else ox.RdfFormat.TURTLE))
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        if base_iri:
            sparql = f"BASE <{base_iri}>\n{sparql}"
        if not self.update_url:
            raise StoreError(f"{self.query_url}: no update endpoint configured (use 'QUERY_URL|UPDATE_URL')")
        self._post(self.update_url, sparql, "application/sparql-update", "*/*")
