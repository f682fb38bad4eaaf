"""Where Patron records sit in FollowTheMoney entities: shared by export and import.

:mod:`patron.interop.ftm` writes these and :mod:`patron.importers.ftm` reads them
back; each is defined here once, so a round trip cannot drift apart.

>>> ACTOR_PREFIX + "hamas", LINK_ENDS["Payment"]
('actor-hamas', ('payer', 'beneficiary'))
"""

from __future__ import annotations

__all__ = ["ACTOR_PREFIX", "FIELDS_KEY", "LINK_ENDS"]

#: An actor's entity id is this prefix and the actor id.
ACTOR_PREFIX = "actor-"

#: The key, in a link's JSON ``description``, of the claim fields FtM has no slot for.
FIELDS_KEY = "patron"

#: The link schemata claims become, each with its (subject, object) properties.
LINK_ENDS: dict[str, tuple[str, str]] = {
    "UnknownLink": ("subject", "object"),
    "Payment": ("payer", "beneficiary"),
    "Membership": ("member", "organization"),
}
