"""Answers kept by their ETag, bounded in bytes (see :mod:`patron.api.caching` for why a
kept answer is current)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from fastapi import Response

__all__ = ["Answer", "Answers"]


@dataclass(frozen=True)
class Answer:
    tag: str
    headers: list[tuple[bytes, bytes]]
    body: bytes

    def response(self) -> Response:
        out = Response(self.body)
        out.raw_headers = list(self.headers)
        return out


class Answers:
    """Recent answers by ETag, the least recently used dropped past ``max_bytes``;
    an answer over ``max_item`` bytes (a large export) is not kept."""

    def __init__(self, max_bytes: int = 64 << 20, max_item: int = 4 << 20) -> None:
        self.max_bytes = max_bytes
        self.max_item = max_item
        self._kept: OrderedDict[str, Answer] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, tag: str) -> Answer | None:
        with self._lock:
            found = self._kept.get(tag)
            if found is not None:
                self._kept.move_to_end(tag)
            return found

    def put(self, tag: str, response: Response) -> None:
        body = bytes(response.body)
        if len(body) > self.max_item:
            return
        with self._lock:
            if tag in self._kept:
                return
            self._kept[tag] = Answer(tag, list(response.raw_headers), body)
            self._size += len(body)
            while self._size > self.max_bytes:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped.body)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._kept)
