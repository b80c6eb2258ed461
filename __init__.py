"""policykg: a knowledge graph of Chinese government policy documents.

Data flows one way: ``loaders`` turn documents into RDF with provenance, ``graph`` stores
them (embedded Oxigraph or a remote SPARQL 1.1 engine) and derives NetworkX views, and
``web`` serves the SPARQL endpoint and the planners' pages. ``ontology`` is the contract
all of them speak.
"""

__version__ = "0.1.0"
