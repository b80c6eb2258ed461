"""What an entity page and a document page show, read from the store with a handful of
SPARQL queries per page (never one per neighbour)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..ontology import NIF, POL, PROV

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
HIDDEN = {RDFS_LABEL, SKOS_ALT, RDF_TYPE, str(POL.mentionedIn)}
# incoming links that are bookkeeping, not facts about the entity
INCOMING_HIDDEN = (str(POL.mentionOf), "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject",
                   "http://www.w3.org/1999/02/22-rdf-syntax-ns#object", str(POL.about), str(POL.describes),
                   str(POL.mentionedIn))
P = (f"PREFIX pol: <{POL}>\nPREFIX nif: <{NIF}>\nPREFIX prov: <{PROV}>\n"
     "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n")


@dataclass
class Value:
    text: str
    iri: str | None = None
    cls: str | None = None


@dataclass
class Fact:
    prop: str
    value: Value
    sentences: list[tuple[str, str]] = field(default_factory=list)  # (sentence text, sentence IRI)


@dataclass
class EntityView:
    iri: str
    label: str
    classes: list[str]
    aliases: list[str]
    facts: list[Fact]
    incoming: list[Fact]
    observations: list[dict]
    documents: list[dict]


def local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _labels(store, iris: set[str]) -> dict[str, tuple[str, str | None]]:
    """IRI -> (label, class) for many IRIs in one query."""
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris if ">" not in i)
    q = P + f"""SELECT ?s (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?cls) WHERE {{
      VALUES ?s {{ {values} }}
      OPTIONAL {{ ?s rdfs:label ?l }} OPTIONAL {{ ?s a ?c FILTER(STRSTARTS(STR(?c), STR(pol:))) }}
    }} GROUP BY ?s"""
    out = {}
    for r in store.query(q):
        out[r["s"].value] = (r["label"].value if r["label"] else local(r["s"].value),
                             local(r["cls"].value) if r["cls"] else None)
    return out


def entity_view(store, iri: str) -> EntityView | None:
    node = f"<{iri}>"
    rows = list(store.query(f"SELECT ?p ?o WHERE {{ {node} ?p ?o }}"))
    if not rows:
        return None
    label, classes, aliases, facts = None, [], set(), []
    linked: set[str] = set()
    for r in rows:
        p, o = r["p"].value, r["o"]
        if p == RDFS_LABEL and label is None:
            label = o.value
        elif p == SKOS_ALT:
            aliases.add(o.value)
        elif p == RDF_TYPE:
            classes.append(local(o.value))
        elif p not in HIDDEN:
            if isinstance(o, ox.NamedNode):
                linked.add(o.value)
                facts.append(Fact(p, Value(local(o.value), o.value)))
            else:
                facts.append(Fact(p, Value(o.value)))
    incoming = []
    inc_q = f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {node} FILTER (?p NOT IN ({', '.join(f'<{h}>' for h in INCOMING_HIDDEN)})) }} LIMIT 1000"
    for r in store.query(inc_q):
        if isinstance(r["s"], ox.NamedNode):
            linked.add(r["s"].value)
            incoming.append(Fact(r["p"].value, Value(local(r["s"].value), r["s"].value)))
    names = _labels(store, linked)
    for f in facts + incoming:
        if f.value.iri in names:
            f.value.text, f.value.cls = names[f.value.iri]
    # the sentences each fact was stated in (reified statements), both directions
    src_q = P + f"""SELECT ?s ?p ?o ?text ?sn WHERE {{
      {{ ?st rdf:subject {node} }} UNION {{ ?st rdf:object {node} }}
      ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; pol:statedIn ?sn .
      ?sn nif:anchorOf ?text .
    }}"""
    sources: dict[tuple[str, str, str], list] = defaultdict(list)
    for r in store.query(src_q):
        key = (r["s"].value, r["p"].value, r["o"].value)
        pair = (r["text"].value, r["sn"].value)
        if pair not in sources[key]:
            sources[key].append(pair)
    for f in facts:
        f.sentences = sources.get((iri, f.prop, f.value.iri or f.value.text), [])
    for f in incoming:
        f.sentences = sources.get((f.value.iri, f.prop, iri), [])
    obs_q = P + f"""SELECT ?obs ?kind ?value ?max ?unit ?year ?text ?sentence ?sn ?ind WHERE {{
      ?obs pol:about {node} ; a ?kind ; pol:value ?value ; pol:unit ?unit ; pol:valueText ?text ;
           prov:wasDerivedFrom ?sn .
      FILTER (?kind IN (pol:Target, pol:Achievement))
      ?sn nif:anchorOf ?sentence .
      OPTIONAL {{ ?obs pol:maxValue ?max }} OPTIONAL {{ ?obs pol:year ?year }}
      OPTIONAL {{ ?obs pol:indicator/rdfs:label ?ind }}
    }} ORDER BY ?year ?unit"""
    observations = [{"iri": r["obs"].value, "kind": local(r["kind"].value), "value": r["value"].value,
                     "max": r["max"].value if r["max"] else None, "unit": r["unit"].value,
                     "year": r["year"].value if r["year"] else "", "text": r["text"].value,
                     "sentence": r["sentence"].value, "sentence_iri": r["sn"].value,
                     "indicator": r["ind"].value if r["ind"] else ""} for r in store.query(obs_q)]
    doc_q = P + f"""SELECT ?g (COUNT(?m) AS ?n) (SAMPLE(?file) AS ?name) WHERE {{
      GRAPH ?g {{ ?m pol:mentionOf {node} }}
      OPTIONAL {{ GRAPH ?mg {{ ?g pol:sourceFileName ?file }} }}
    }} GROUP BY ?g ORDER BY DESC(?n)"""
    documents = [{"graph": r["g"].value, "mentions": int(r["n"].value), "name": r["name"].value if r["name"] else local(r["g"].value)}
                 for r in store.query(doc_q)]
    return EntityView(iri, label or local(iri), classes, sorted(aliases - {label}), facts, incoming, observations, documents)


@dataclass
class DocumentView:
    graph: str
    name: str
    text: str
    spans: list[dict]   # begin, end, kind (entity|figure), target IRI, class, title


def document_view(store, graph: str) -> DocumentView | None:
    g = f"<{graph}>"
    rows = list(store.query(P + f"SELECT ?text WHERE {{ GRAPH {g} {{ {g} pol:sourceText ?c . ?c nif:isString ?text }} }}"))
    if not rows:
        return None
    text = rows[0]["text"].value
    name_rows = list(store.query(P + f"SELECT ?n WHERE {{ {g} pol:sourceFileName ?n }}"))
    q = P + f"""SELECT ?b ?e ?t ?cls ?label ?value ?unit ?kind ?year WHERE {{ GRAPH {g} {{
      ?m pol:mentionOf ?t ; nif:beginIndex ?b ; nif:endIndex ?e .
      OPTIONAL {{ ?t a ?cls FILTER (?cls IN (pol:PolicyDocument, pol:Program, pol:Policy, pol:IssuingBody, pol:Park, pol:Place)) }}
      OPTIONAL {{ ?t rdfs:label ?label }}
      OPTIONAL {{ ?t pol:value ?value ; pol:unit ?unit ; a ?kind FILTER (?kind IN (pol:Target, pol:Achievement)) }}
      OPTIONAL {{ ?t pol:year ?year }}
    }} }}"""
    spans = {}
    for r in store.query(q):
        b, e = int(r["b"].value), int(r["e"].value)
        key = (b, e, r["t"].value)
        if r["value"] is not None:
            title = f"{r['value'].value} {r['unit'].value} · {local(r['kind'].value)}" + (f" · {r['year'].value}" if r["year"] else "")
            spans[key] = {"begin": b, "end": e, "kind": "figure", "target": r["t"].value, "cls": local(r["kind"].value), "title": title}
        elif key not in spans or r["cls"] is not None:
            cls = local(r["cls"].value) if r["cls"] else ""
            spans[key] = {"begin": b, "end": e, "kind": "entity", "target": r["t"].value, "cls": cls,
                          "title": (r["label"].value if r["label"] else "") + (f" · {cls}" if cls else "")}
    # keep non-overlapping spans, longer first
    chosen: list[dict] = []
    taken: set[int] = set()
    for s in sorted(spans.values(), key=lambda s: (-(s["end"] - s["begin"]), s["begin"])):
        if any(i in taken for i in range(s["begin"], s["end"])):
            continue
        taken.update(range(s["begin"], s["end"]))
        chosen.append(s)
    chosen.sort(key=lambda s: s["begin"])
    return DocumentView(graph, name_rows[0]["n"].value if name_rows else local(graph), text, chosen)


def search(store, q: str, limit: int = 50) -> list[dict]:
    """Entities whose label or alias contains ``q`` (exact and prefix matches first)."""
    if not q.strip():
        return []
    term = ox.Literal(q.strip())
    sparql = P + """SELECT ?q ?s (SAMPLE(?label) AS ?l) (SAMPLE(?cls) AS ?c) (MIN(?rank) AS ?r) WHERE {
      ?s a ?cls .
      FILTER (?cls IN (pol:PolicyDocument, pol:Program, pol:Policy, pol:IssuingBody, pol:Park, pol:Place))
      ?s rdfs:label ?label .
      { ?s rdfs:label ?name } UNION { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?name }
      FILTER (CONTAINS(STR(?name), STR(?q)))
      BIND (IF(STR(?name) = STR(?q), 0, IF(STRSTARTS(STR(?name), STR(?q)), 1, 2)) AS ?rank)
    } GROUP BY ?q ?s ORDER BY ?r STRLEN(STR(?l)) ?l LIMIT """ + str(int(limit))
    # ?q is bound by substitution (a term, never pasted); oxigraph wants it projected
    return [{"iri": r["s"].value, "label": r["l"].value, "class": local(r["c"].value)}
            for r in store.query(sparql, substitutions={ox.Variable("q"): term})]
