"""The records Patron keeps: Actor, Document, Claim and their parts (pydantic).

Claims are content-addressed: :func:`claim_id` hashes the fields that make a claim
the same claim, so loading or extracting it twice yields one row.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from patron.timespan import TimeSpan, parse_partial_date
from patron.vocab import VOCAB, parse_grade

__all__ = [
    "MAX_COMMENT",
    "Actor",
    "Attribution",
    "Claim",
    "Document",
    "Evidence",
    "Magnitude",
    "ReviewEntry",
    "TimeSpan",
    "claim_id",
    "document_id",
]

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _partial_date(value: object) -> str | None:
    if value is None or value == "":
        return None
    text = str(value)
    parse_partial_date(text)
    return text


def _stance(value: str) -> str:
    if value not in VOCAB.stances:
        raise ValueError(f"unknown stance {value!r}; one of {', '.join(VOCAB.stances)}")
    return value


def _review(value: str) -> str:
    if value not in VOCAB.reviews:
        raise ValueError(f"unknown review status {value!r}")
    return value


def _grade(value: str) -> str:
    rel, cred = parse_grade(value)
    if cred is None:
        raise ValueError(f"a claim's grade needs both letter and digit: {value!r}")
    return f"{rel}{cred}"


#: A stance from the vocabulary; a review status; a full Admiralty grade (``B2``).
Stance = Annotated[str, AfterValidator(_stance)]
ReviewStatus = Annotated[str, AfterValidator(_review)]
Grade = Annotated[str, AfterValidator(_grade)]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Actor(_Record):
    id: str
    name: str
    kind: str
    country: str | None = None
    iso3: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    part_of: str | None = None
    sect: str | None = None
    ideology: tuple[str, ...] = ()
    active: TimeSpan | None = None
    source: str | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError(f"actor id must be a lowercase slug (a-z, 0-9, -): {value!r}")
        return value

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in VOCAB.actor_kinds:
            raise ValueError(f"unknown actor kind {value!r}; one of {', '.join(VOCAB.actor_kinds)}")
        return value

    @field_validator("wikidata")
    @classmethod
    def _qid(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^Q\d+$", value):
            raise ValueError(f"not a Wikidata QID: {value!r}")
        return value

    def names(self) -> list[tuple[str, str]]:
        """Every ``(form, name)`` this actor answers to, the id included."""
        forms = [("id", self.id), ("name", self.name)]
        forms += [("alias", a) for a in self.aliases]
        forms += [("acronym", a) for a in self.acronyms]
        forms += [("demonym", a) for a in self.demonyms]
        forms += [("metonym", a) for a in self.metonyms]
        if self.wikidata:
            forms.append(("wikidata", self.wikidata))
        return forms


def document_id(url: str | None, text: str | None, title: str | None = None) -> str:
    """Documents are keyed by their text when there is one, else by URL and title."""
    basis = text if text else f"{url or ''}\n{title or ''}"
    return "doc-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


class Document(_Record):
    id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    kind: str | None = None
    text: str | None = None

    _published = field_validator("published", mode="before")(
        classmethod(lambda cls, v: _partial_date(v))
    )

    def brief(self) -> str:
        """A narrow table's name for the source: ``Publisher (date)``; a dataset adds
        the first part of its title (``UCDP External Support Dataset v18.1 (2018)``)."""
        name = self.publisher or self.title or self.id
        if self.kind == "dataset" and self.title:
            head = self.title.split(",")[0]
            name = f"{self.publisher} {head}" if self.publisher else head
        return f"{name} ({self.published})" if self.published else name

    def citation(self, short: bool = False) -> str:
        """``Publisher, "Title", date`` for a table cell; ``short`` trims the title."""
        title = self.title
        if title and short and len(title) > 48:
            title = title[:47].rstrip() + "…"
        parts = [p for p in (self.publisher, f'"{title}"' if title else None, self.published) if p]
        return ", ".join(parts) or self.id


class Magnitude(_Record):
    """How much: ``$100 million annually`` is ``Magnitude(1e8, "USD", "year")``."""

    amount: float = Field(ge=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    per: Literal["once", "day", "week", "month", "year"] | None = None

    def label(self) -> str:
        amount = self.amount
        for unit, size in (("bn", 1e9), ("M", 1e6), ("k", 1e3)):
            if amount >= size:
                text = f"{amount / size:g}{unit}"
                break
        else:
            text = f"{amount:g}"
        per = f"/{self.per}" if self.per and self.per != "once" else ""
        return f"{self.currency} {text}{per}"


class Attribution(_Record):
    """Who asserts the claim, and when they did."""

    by: str | None = None
    date: str | None = None

    _date = field_validator("date", mode="before")(classmethod(lambda cls, v: _partial_date(v)))


class Evidence(_Record):
    """Where in which document the claim stands; offsets are character offsets."""

    document: str
    quote: str | None = None
    span: tuple[int, int] | None = None
    subject_span: tuple[int, int] | None = None
    object_span: tuple[int, int] | None = None

    @field_validator("span", "subject_span", "object_span")
    @classmethod
    def _ordered(cls, value: tuple[int, int] | None) -> tuple[int, int] | None:
        if value is not None and not 0 <= value[0] <= value[1]:
            raise ValueError(f"a span is (start, end) with 0 <= start <= end, not {value}")
        return value


def claim_id(evidence: Evidence, subject: str, type_: str, object_: str, time: TimeSpan) -> str:
    """Stable hash of (document, span, subject, type, object).

    Curated claims have no span; their time joins the key so that one source's
    claims about two periods (funding in 2010 and in 2020) stay two claims.
    """
    span = f"{evidence.span[0]}:{evidence.span[1]}" if evidence.span else ""
    key = "\x1f".join(
        [evidence.document, span, subject, type_, object_, time.start or "", time.end or ""]
    )
    return "clm-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class Claim(_Record):
    """One sourced assertion: ``subject`` ``type`` ``object`` over ``time``."""

    id: str = ""
    subject: str
    type: str
    object: str
    time: TimeSpan = TimeSpan()
    magnitude: Magnitude | None = None
    route: tuple[str, ...] = ()
    attribution: Attribution = Attribution()
    stance: Stance = "asserted"
    grade: Grade = "F6"
    evidence: Evidence
    origin: str = "curated"
    score: float | None = Field(default=None, ge=0.0, le=1.0)  # the classifier's probability
    review: ReviewStatus = "proposed"
    statement: str | None = None

    @property
    def unreviewed(self) -> bool:
        """Made by an extraction stage and not reviewed yet (the store's
        ``ClaimFilter.unreviewed`` selects the same claims)."""
        return self.origin.startswith("extract") and self.review == "proposed"

    @property
    def provenance(self) -> str:
        """Where the claim comes from, for a reader: ``curated``, ``imported``,
        ``extracted, unreviewed`` or ``extracted, accepted`` (``…, rejected``)."""
        if self.origin.startswith("extract"):
            return "extracted, " + ("unreviewed" if self.unreviewed else self.review)
        if self.origin.startswith("import"):
            return "imported"
        return self.origin

    @field_validator("type")
    @classmethod
    def _type(cls, value: str) -> str:
        if value not in VOCAB.claim_types:
            raise ValueError(f"unknown claim type {value!r}")
        return value

    @model_validator(mode="after")
    def _identity(self) -> Claim:
        if self.subject == self.object:
            raise ValueError(f"subject and object are the same actor: {self.subject}")
        expected = claim_id(self.evidence, self.subject, self.type, self.object, self.time)
        if not self.id:
            object.__setattr__(self, "id", expected)
        elif self.id != expected:
            raise ValueError(f"id {self.id} does not match the claim's content ({expected})")
        return self

    @property
    def family(self) -> str:
        return VOCAB.claim_types[self.type].family


#: Longest review comment stored, in characters.
MAX_COMMENT = 10_000


class ReviewEntry(_Record):
    """One review row as a claim's wire form carries it (``reviews``): the claim's
    review status, stance and grade after it, who wrote it and when, an optional
    comment, and the claim that replaced it when it was a correction."""

    status: ReviewStatus
    stance: Stance
    grade: Grade
    at: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
    by: str | None = None
    comment: str | None = Field(default=None, max_length=MAX_COMMENT)
    corrected: str | None = Field(default=None, pattern=r"^clm-[0-9a-f]{24}$")
