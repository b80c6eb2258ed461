"""Serving the app with waitress (`policykg serve`)."""
from __future__ import annotations

import logging


def serve(location: str, *, host: str = "127.0.0.1", port: int = 8000, threads: int = 8) -> None:
    from waitress import serve as waitress_serve

    from .app import create_app

    app = create_app(location)
    logging.getLogger("waitress").setLevel(logging.WARNING)
    print(f"policykg: serving {location} on http://{host}:{port}/ (SPARQL endpoint http://{host}:{port}/sparql)",
          flush=True)
    try:
        waitress_serve(app, host=host, port=port, threads=threads, ident="policykg", channel_timeout=60)
    finally:
        app.extensions["policykg"].executor.close()
