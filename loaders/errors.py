"""The one error a loader raises for bad input: it names the file and the reason."""


class LoadError(Exception):
    """A document could not be read or turned into triples. ``str()`` is one line:
    ``NAME: reason``."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")
