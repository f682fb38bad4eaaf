"""Name normalisation shared by the resolver and the store's name index.

One function decides when two spellings are the same name: case, diacritics,
Arabic letter variants and vowel marks, apostrophes, hyphens, dots, possessives
and a leading "the" do not count.

>>> normalize("Iran's"), normalize("the Houthis"), normalize("Kata'ib Ḥizballah")
('iran', 'houthis', 'kataib hizballah')
>>> normalize("U.S."), normalize("حَمَاس")
('us', 'حماس')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize"]

_ARABIC = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ـ": None,
        "ك": "ك",
        "ی": "ي",
        "ک": "ك",
    }
)
_POSSESSIVE = re.compile(r"(?:['’`]s|s['’`])$")
_APOSTROPHES = re.compile(r"['’`´ʿʾ‘.]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/,;:()\"“”]+")


def normalize(name: str) -> str:
    """The comparison key of a name."""
    text = unicodedata.normalize("NFKD", name.strip())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFKC", text).casefold().translate(_ARABIC)
    text = _POSSESSIVE.sub(lambda m: "s" if m.group(0).startswith("s") else "", text)
    text = _APOSTROPHES.sub("", text)
    text = _SEPARATORS.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text
