"""A small cache of query answers: the same query, in the same format, over the same
dataset, answered again while the store has not changed, is served from memory without
a round trip to a query worker. Keyed by the store's generation, so any write empties it
in effect; only small answers are kept."""
from __future__ import annotations

import threading
from collections import OrderedDict


class AnswerCache:
    def __init__(self, entries: int = 512, max_bytes: int = 256 * 1024):
        self.entries = entries
        self.max_bytes = max_bytes
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        if not self.entries:
            return None
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key, value, size: int) -> None:
        if not self.entries or size > self.max_bytes:
            return
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.entries:
                self._data.popitem(last=False)
