"""Trigger words for each claim type: the rules' vocabulary, kept apart from the rules.

Verbs name the relation and say which side is which; nouns name what is given
("weapons", "money") when a general verb ("provides", "sends") does not.
"""

from __future__ import annotations

import re

__all__ = [
    "COMPOUND",
    "COMPOUND_DASHES",
    "GENERIC_VERBS",
    "NOUN_TYPES",
    "PARTICIPLES",
    "PARTICIPLE_WORD",
    "RECEIVE_VERBS",
    "SANCTION_RELIEF",
    "STEMS",
    "SUPPORT_NOUN_STOP",
    "UNSTATED",
    "VERB_TYPES",
    "sanction_relief",
]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_ARM_STOP = (
    r"(?!\s+(?:group|groups|wing|wings|forces?|struggle|conflict|men|militants?|"
    r"factions?|resistance|opposition|movements?|militias?|clashes|attacks?|robbery|"
    r"violence|personnel|insurgen\w+|rebels?|guards?|embargo|control|race|treaty|"
    r"inspectors?|wrestling|length)\b)"
)

# A gerund after a determiner is a noun ("its funding to Hamas"), not a verb.
_NOT_NOUN = (
    r"(?<!\bits )(?<!\btheir )(?<!\bthe )(?<!\bhis )(?<!\bher )"
    r"(?<!\bin )(?<!\bfor )(?<!\ban )(?<!\ba )(?<!\bmilitary )(?<!\bfinancial )"
    r"(?<!\bIranian )(?<!\bRussian )(?<!\bpolitical )(?<!\bdiplomatic )"
)

# type -> verb pattern; subject before, object after (active voice).
VERB_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "funding",
        _rx(
            r"\b(?=[fbup])" + _NOT_NOUN + r"(?:fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|"
            r"bankroll(?:s|ed|ing)?|underwr(?:ite|ites|ote|itten)|pa(?:ys|id|ying)|"
            r"pay)\b(?!\s+(?:by|from|for\s+the\s+rebuilding)\b)"
            r"(?!\s+(?:\w+\s+)?(?:tribute|attention|homage|respects?|a\s+visit|visits?|"
            r"price|heed|compliments?)\b)"
        ),
    ),
    (
        "arms",
        _rx(
            r"\b(?=arm)(?<!\ban )(?<!\bthe )(?<!\bits )(?<!\bheavily )(?<!\blightly )(?<!-)"
            r"\barm(?:s|ed|ing)?\b" + _ARM_STOP
        ),
    ),
    (
        "training",
        _rx(
            r"\b(?=[tim])" + _NOT_NOUN + r"(?:train(?:s|ed|ing)?|instruct(?:s|ed|ing)?|"
            r"mentor(?:s|ed|ing)?)\b(?!\s+(?:station|line|tracks?|camps?)\b)"
        ),
    ),
    (
        "safe_haven",
        _rx(
            r"\b(?:host(?:s|ed|ing)?|shelter(?:s|ed|ing)?|harbou?r(?:s|ed|ing)?|"
            r"gave refuge to|give refuge to)\b"
            r"(?!\s+(?:\S+\s+){0,5}?(?:talks|meetings?|summit|conference|forum|"
            r"delegations?|visit|negotiations|round|games|tournament|cup|event)\b)"
        ),
    ),
    ("materiel", _rx(r"\b(?:equip(?:s|ped|ping)?)\b")),
    (
        "troops",
        _rx(
            r"\b(?:fought|fight(?:s|ing)?)\s+(?:alongside|for|on\s+behalf\s+of|on\s+the"
            r"\s+side\s+of|in\s+support\s+of)\b|\bdeploy(?:s|ed|ing)?\s+"
            r"(?:\w+\s+)?(?:troops|forces|fighters|soldiers)\b(?=.{0,40}\b(?:to help|"
            r"in support of|to support|to back)\b)"
        ),
    ),
    (
        "intelligence",
        _rx(
            r"\b(?:shar(?:e|es|ed|ing)|pass(?:es|ed)?|provid(?:e|es|ed|ing)|"
            r"g[ai]ve)\s+(?:\w+\s+)?intelligence\b"
        ),
    ),
    (
        "diplomatic",
        _rx(
            r"\b(?:defend(?:s|ed|ing)?|endors(?:e|es|ed|ing)|champion(?:s|ed|ing)?|"
            r"lobb(?:y|ies|ied|ying) for)\b(?=.{0,60}\b(?:at the"
            r" un|united nations|security council|diplomatic|internationally|"
            r"politically|in international))|\b(?:diplomatic|political)(?:\s+and\s+"
            r"\w+)?\s+(?:support|backing|cover)\b|\b(?:politically|diplomatically|"
            r"publicly|verbally|openly)\s+(?:support|back|defend|endors)\w*|"
            r"\bshield(?:s|ed|ing)?\b|\bstands?\s+by\b|\bvoic(?:e|es|ed|ing)\s+"
            r"(?:\w+\s+)?support\s+for\b"
        ),
    ),
    (
        "backing",
        _rx(
            r"\b(?=[bspcan])"
            + _NOT_NOUN
            + r"(?:back(?:s|ed|ing)?|support(?:s|ed|ing)?|sponsor(?:s|ed|ing)?|"
            r"prop(?:s|ped|ping)? up|patron(?:ise|ize|ises|izes|ised|ized)?|"
            r"complicit\s+in|(?:a|any|no)\s+role\s+in)\b"
            r"(?!\s+(?:by|from|down|off|away|out|to|into|in|home|on|up)\b)"
        ),
    ),
    (
        "attack",
        _rx(
            r"\b(?:attack(?:s|ed|ing)?|strikes?|struck|bomb(?:s|ed|ing)?|"
            r"shell(?:ed|ing)|fired\s+(?:\S+\s+){0,6}?(?:at|on|into|toward)|"
            r"launch(?:es|ed|ing)?\s+(?:\S+\s+){0,8}?(?:at|against|on|toward|into)|"
            r"target(?:ed|ing)(?!\s+(?:data|information|imagery|intelligence))|"
            r"kill(?:s|ed|ing)?|assassinat\w+|raid(?:s|ed|ing)?|"
            r"invad(?:e|es|ed|ing)|ambush(?:es|ed)?|hit)\b"
        ),
    ),
    ("threat", _rx(r"\b(?:threat(?:en|ens|ened|ening)|warn(?:s|ed|ing)?)\b")),
    (
        "sanction",
        _rx(
            r"\b(?:sanction(?:s|ed|ing)?|designat(?:e|es|ed|ing)|blacklist(?:s|ed|ing)?"
            r"|impos(?:e|es|ed|ing)\s+sanctions\s+on|froze\s+(?:the\s+)?assets\s+of|"
            r"(?:placed|imposed|put)\s+(?:an?\s+)?(?:arms\s+)?embargo\s+on)\b"
        ),
    ),
    (
        "member_of",
        _rx(
            r"\b(?:(?:is|are|was|were|became|become|been)\s+(?:a\s+)?(?:founding\s+)?"
            r"(?:member|members|part|component|pillar)s?\s+of|belongs?\s+to|joined|"
            r"sits?\s+in|sat\s+in)\b"
        ),
    ),
    (
        "alliance",
        _rx(
            r"\b(?:all(?:y|ies)\s+(?:of|with)|allied\s+(?:with|to)|alliance\s+with|"
            r"partner(?:s|ed)?\s+with|strategic\s+partner(?:ship)?\s+with|"
            r"(?:close\s+|closest\s+|key\s+)?allies|signed\s+(?:an?\s+)?(?:\S+\s+){0,3}?"
            r"(?:defen[cs]e\s+pact|alliance|partnership\s+treaty|defen[cs]e\s+treaty|"
            r"security\s+pact))\b"
        ),
    ),
    (
        "meeting",
        _rx(
            r"\b(?:met|meets?|meeting\s+with|visit(?:s|ed|ing)?|held\s+talks\s+with|"
            r"talks\s+with|hosted\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:delegation|meeting|"
            r"summit|talks)|received\s+(?:a\s+)?(?:\w+\s+)?delegation)\b"
        ),
    ),
    ("mediation", _rx(r"\b(?:mediat(?:e|es|ed|ing|ion|or|ors)|broker(?:s|ed|ing)?)\b")),
    (
        "rupture",
        _rx(
            r"\b(?:(?:suspen(?:d|ds|ded|ding|sion\s+of)|cancel\w*|withdr[ae]w\w*|"
            r"freez(?:e|es|ing)|froze|halt\w*|stopp?\w*|end(?:s|ed|ing)?)\s+(?:\w+\s+){0,2}?"
            r"(?:aid|assistance|funding|support|payments|arms\s+sales|supplies|deliveries|"
            r"shipments)|"
            r"cut\s+(?:off\s+)?(?:\w+\s+){0,3}?(?:ties|funding|support|aid|"
            r"relations|money)|slowed\s+to\s+a\s+trickle|collapsed|ruptured|cooled|soured|"
            r"broke\s+down|sever(?:s|ed|ing)?|suspend(?:s|ed|ing)?\s+(?:its\s+)?"
            r"(?:funding|aid|support|ties)|reduc(?:e|es|ed|ing)\s+(?:its\s+)?(?:funding|"
            r"support|aid)|halt(?:s|ed|ing)?\s+(?:its\s+)?(?:funding|support|aid)|"
            r"strain(?:s|ed)?|rift|fell\s+out|fallen\s+out|broke\s+with|break\s+with|"
            r"split\s+with|abandon(?:s|ed|ing)?|froze\s+(?:ties|relations))\b"
        ),
    ),
    (
        "resumption",
        _rx(
            r"\b(?:resum(?:e|es|ed|ing|ption)|restor(?:e|es|ed|ing)\s+(?:its\s+)?"
            r"(?:ties|relations|funding|support|aid)|reconcil\w+|rapprochement|"
            r"mend(?:s|ed|ing)?\s+(?:ties|relations|fences)|back\s+on\s+track)\b"
        ),
    ),
)

# General giving verbs: the type comes from the nouns around (NOUN_TYPES), else "backing".
GENERIC_VERBS = _rx(
    # A cheap first-letter check before the look-behinds keeps this fast.
    r"\b(?=[pgsdtcfehamloibPGSDTCFEHAMLOIB])(?<!\bthe )(?<!\ban )(?<!\ba )(?<!\bmilitary )"
    r"(?<!\bhumanitarian )(?<!\beconomic )(?<!\bforeign )"
    r"\b(?:provid(?:e|es|ed|ing)|giv(?:e|es|en|ing)|gave|suppl(?:y|ies|ied|ying)|"
    r"sen(?:d|ds|t|ding)|deliver(?:s|ed|ing)?|transfer(?:s|red|ring)?|ship(?:s|ped|ping)?|"
    r"smuggl(?:e|es|ed|ing)|channel(?:s|led|ed|ling)?|funnel(?:s|led|ed|ling)?|"
    r"extend(?:s|ed|ing)?|furnish(?:es|ed|ing)?|donat(?:e|es|ed|ing)|"
    r"grant(?:s|ed|ing)?|help(?:s|ed|ing)?|assist(?:s|ed|ing)?|aid(?:s|ed|ing)?|"
    r"transport(?:s|ed|ing)?|fly|flew|flown|shar(?:e|es|ed|ing)|pass(?:es|ed|ing)?|"
    r"mov(?:e|es|ed|ing)|sold|sell(?:s|ing)?|lent|loan(?:s|ed)?|offer(?:s|ed|ing)?|"
    r"increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|step(?:s|ped)?\s+up|expand(?:s|ed|ing)?)\b"
    r"(?!\s+to\s+\w)(?!\s+(?:deal|deals|chain|chains|route|routes|line|lines|agreement|contract))"
)

# General verbs that say nothing of support unless a noun says what moved.
NEEDS_NOUN = _rx(
    r"^(?:transfer|ship|smuggl|channel|funnel|transport|fl[yeo]|shar|pass|mov|"
    r"sold|sell|lent|loan|deliver|sen[dt]|extend|grant|donat|increas|boost|step|expand)"
)

# Words that put a relation under a modal, plan, threat, condition or purpose: not stated.
UNSTATED = re.compile(
    r"\b(?:threaten(?:s|ed|ing)?\s+to|plans?\s+to|planning\s+to|pledg(?:e|es|ed)\s+to|"
    r"promis\w*|pledg\w*|would|could|will|shall|vow(?:s|ed)?\s+to|offer(?:s|ed)?|"
    r"expect(?:s|ed)?\s+(?:[^\s,;.]+\s+){0,5}?to|"
    r"decision\s+to|decided\s+to|propos\w*|penalis\w*|penaliz\w*|wish\w*|hop(?:e|es|ed)\s+(?:to|that)|willing\s+to|"
    r"agree(?:s|d)?\s+to|able\s+to|seek(?:s|ing)?\s+to|sought\s+to|want(?:s|ed)?\s+to|"
    r"intends?\s+to|consider(?:s|ed|ing)?|ready\s+to|prepared\s+to|if|were\s+to|unless|"
    r"urg(?:e|es|ed|ing)\b[^.]*?\bto|call(?:s|ed)?\s+on\b[^.]*?\bto|against|so\s+(?:that\s+)?"
    r"they|so\s+that|in\s+order\s+to|whether|to\s+(?:stop|prevent|halt|block|deter))\b"
    r"(?!\s+have\b)",
    re.IGNORECASE,
)

# Sanctions lifted, eased or suspended: the end of a sanction, not a sanction. Either the
# relief verb comes first ("lifted long-standing sanctions on") or the sanction is its
# passive subject ("sanctions against Iran were lifted").
SANCTION_RELIEF = re.compile(
    r"\b(?:lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|remov(?:e|es|ed|ing)|"
    r"waiv(?:e|es|ed|ing)|relax(?:es|ed|ing)?|rescind(?:s|ed|ing)?|revok(?:e|es|ed|ing)|"
    r"scrap(?:s|ped|ping)?|end(?:s|ed|ing)?|loosen(?:s|ed|ing)?|drop(?:s|ped|ping)?|"
    r"unfr(?:eeze|eezes|oze|ozen))(?:\s+[\w'’-]+){0,4}?\s+(?:sanctions?|embargo(?:es)?|"
    r"restrictions|designations?|blacklisting)\b|"
    r"\b(?:sanctions?|embargo(?:es)?|restrictions|designations?)\b[^.;]{0,60}?\b(?:was|were|"
    r"been|being|are|is|get|got)\s+(?:\w+\s+)?(?:lifted|eased|suspended|removed|waived|"
    r"relaxed|rescinded|revoked|scrapped|ended|dropped|loosened)\b|"
    r"\bsanctions?\s+relief\b",
    re.IGNORECASE,
)


def sanction_relief(text: str, start: int, end: int) -> bool:
    """Whether a phrase of sanctions relief ("eased some sanctions on", "sanctions on
    Eritrea were lifted") overlaps ``text[start:end]``, the trigger or the stretch
    between the two parties.

    >>> t = "The US lifted sanctions on Sudan but imposed new sanctions on Iran."
    >>> sanction_relief(t, 14, 23), sanction_relief(t, 50, 59)
    (True, False)
    """
    lo = max(0, start - 60)
    return any(m.start() + lo < end and start < m.end() + lo
               for m in SANCTION_RELIEF.finditer(text[lo : min(len(text), end + 80)]))


# Recipient first: "Hamas receives money from Iran".
RECEIVE_VERBS = _rx(
    r"\b(?:receiv(?:e|es|ed|ing)|got|gets|getting|obtain(?:s|ed|ing)?|acquir(?:e|es|ed|ing)|"
    r"rel(?:y|ies|ied|ying)\s+on|depend(?:s|ed|ing)?\s+on|"
    r"benefit(?:s|ed|ted)?\s+from|take[sn]?|took)\b"
)

_PARTICIPLE = (
    r"(?:funded|financed|bankrolled|armed|trained|backed|supported|sponsored|equipped|"
    r"supplied|hosted|sheltered|harbou?red|advised|aided|assisted|helped|propped up|"
    r"attacked|targeted|struck|killed|sanctioned|designated|threatened|mediated)"
)
# "funded and trained by Iran": every participle of the list names a relation.
PARTICIPLES = _rx(r"\b" + _PARTICIPLE + r"(?:(?:\s*,\s*|,?\s+and\s+)" + _PARTICIPLE + r")*\s+by\b")
PARTICIPLE_WORD = _rx(_PARTICIPLE)

#: The dashes that join a compound ("Iran-backed", "Iran‐backed" with U+2010, U+2011,
#: "Iran–backed"): the one list the compound rule, its prefilters and features read.
COMPOUND_DASHES = "-\u2010\u2011\u2013"

# "Iran-backed", "Tehran-funded": type of the compound's second half.
COMPOUND = _rx(
    "^[" + COMPOUND_DASHES + r"]\s?(backed|sponsored|supported|funded|financed|armed|supplied|"
    r"trained|allied|aligned)\b"
)
COMPOUND_TYPES = {
    "backed": "backing",
    "sponsored": "backing",
    "supported": "backing",
    "funded": "funding",
    "financed": "funding",
    "armed": "arms",
    "supplied": "arms",
    "trained": "training",
    "allied": "alliance",
    "aligned": "alliance",
}
PARTICIPLE_TYPES = {
    "funded": "funding",
    "financed": "funding",
    "bankrolled": "funding",
    "armed": "arms",
    "trained": "training",
    "backed": "backing",
    "supported": "backing",
    "sponsored": "backing",
    "equipped": "materiel",
    "supplied": "arms",
    "hosted": "safe_haven",
    "sheltered": "safe_haven",
    "harbored": "safe_haven",
    "harboured": "safe_haven",
    "advised": "training",
    "aided": "backing",
    "assisted": "backing",
    "helped": "backing",
    "propped up": "backing",
    "attacked": "attack",
    "targeted": "attack",
    "struck": "attack",
    "killed": "attack",
    "sanctioned": "sanction",
    "designated": "sanction",
    "threatened": "threat",
    "mediated": "mediation",
}

# What is given: nouns that name a support type.
NOUN_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "humanitarian",
        _rx(
            r"\b(?:humanitarian\s+(?:aid|assistance|support|relief)|relief\s+aid|"
            r"reconstruction|food|medicine|medical\s+(?:aid|supplies)|fuel\s+for"
            r"\s+(?:the\s+)?power|salaries|civil\s+servants)\b"
        ),
    ),
    (
        "diplomatic",
        _rx(
            r"\b(?:diplomatic|political)\s+(?:support|backing|cover|protection|access|"
            r"recognition)\b"
        ),
    ),
    (
        "intelligence",
        _rx(
            r"\b(?:intelligence|surveillance|targeting\s+(?:data|information)|"
            r"satellite\s+(?:imagery|images|data)|imagery)\b"
        ),
    ),
    (
        "training",
        _rx(
            r"\b(?:training|expertise|know-how|knowhow|advisers|advisors|"
            r"instruction|instructors|trainers)\b"
        ),
    ),
    (
        "arms",
        _rx(
            r"\b(?:weapons?|arms|rockets?|missiles?|drones?|munitions|ammunition|"
            r"explosives|rifles|guns|launchers|arsenal|weaponry|military\s+(?:aid|"
            r"assistance|hardware|support)|anti-tank|mortars?|shells|artillery|"
            r"interceptors|munitions)\b" + _ARM_STOP
        ),
    ),
    (
        "materiel",
        _rx(
            r"\b(?:equipment|supplies|logistics|logistical\s+support|components|"
            r"materiel|spare\s+parts|vehicles|dual-use|fuel|helmets|body\s+armou?r|"
            r"machine\s+tools|microelectronics)\b"
        ),
    ),
    ("troops", _rx(r"\b(?:troops|fighters|soldiers|militiamen|mercenaries)\b")),
    (
        "safe_haven",
        _rx(
            r"\b(?:safe\s+haven|sanctuary|refuge|shelter|headquarters|political\s+"
            r"(?:office|bureau)|bases?|residence)\b"
        ),
    ),
    (
        "funding",
        _rx(
            r"(?:\b(?:funding|funds|money|cash|financing|financial\s+(?:support|aid|"
            r"assistance|backing)|economic\s+(?:support|aid|assistance)|payments?|dollars|"
            r"budget|donations?|stipends?|ransom|millions?|billions?|roubles|rubles)\b)"
        ),
    ),
    ("funding", re.compile(r"[$€£]")),  # an amount of money
    ("backing", _rx(r"\b(?:support|backing|assistance|aid|help|sponsorship|patronage)\b")),
)

# "support for the ceasefire" is no support for an actor.
SUPPORT_NOUN_STOP = _rx(
    r"^\s+for\s+(?:a|an|the|its|their)?\s*(?:ceasefire|truce|deal|agreement|resolution|plan|"
    r"proposal|talks|initiative|efforts?|idea|two-state|statehood|move|decision|bid|"
    r"negotiations|process|solution)\b"
)


# Literal pieces one of which must occur (lower-cased) for a pattern to match at all:
# checking them with ``in`` first skips most patterns for most sentences.
STEMS: dict[str | None, tuple[str, ...]] = {
    "funding": ("fund", "financ", "bankroll", "underwr", "pay", "paid"),
    "arms": ("arm",),
    "training": ("train", "instruct", "mentor"),
    "safe_haven": ("host", "shelter", "harbo", "refuge"),
    "materiel": ("equip",),
    "troops": ("fought", "fight", "deploy"),
    "intelligence": ("intelligence",),
    "diplomatic": (
        "defend",
        "endors",
        "champion",
        "lobb",
        "diplomatic",
        "political",
        "shield",
        "stand",
        "voic",
    ),
    "backing": ("back", "support", "sponsor", "prop", "patron", "complicit", "role"),
    "attack": (
        "attack",
        "strike",
        "struck",
        "bomb",
        "shell",
        "fire",
        "launch",
        "target",
        "kill",
        "assassinat",
        "raid",
        "invad",
        "ambush",
        "hit",
    ),
    "threat": ("threat", "warn"),
    "sanction": ("sanction", "designat", "blacklist", "impos", "froze", "embargo"),
    "member_of": ("member", "part", "component", "pillar", "belong", "join", "sit", "sat"),
    "alliance": ("ally", "allie", "allied", "alliance", "partner", "sign"),
    "meeting": ("met", "meet", "visit", "talks", "hosted", "received"),
    "mediation": ("mediat", "broker"),
    "rupture": (
        "suspen",
        "cancel",
        "withdr",
        "freez",
        "froze",
        "halt",
        "stop",
        "end",
        "cut",
        "slowed",
        "collaps",
        "ruptur",
        "cool",
        "sour",
        "broke",
        "sever",
        "reduc",
        "strain",
        "rift",
        "fell",
        "fallen",
        "break",
        "split",
        "abandon",
    ),
    "resumption": ("resum", "restor", "reconcil", "rapprochement", "mend", "back on track"),
    "receive": (
        "receiv",
        "got",
        "get",
        "obtain",
        "acquir",
        "rely",
        "reli",
        "depend",
        "benefit",
        "tak",
        "took",
    ),
    "nouns": (
        "weapon",
        "money",
        "cash",
        "rocket",
        "missile",
        "drone",
        "munition",
        "fighter",
        "troop",
        "adviser",
        "advisor",
        "trainer",
        "instructor",
        "fuel",
        "cargo",
        "convoy",
        "shipment",
        "proxy",
        "proxies",
        "backer",
        "patron",
        "sponsor",
        "source of",
    ),
    "transit_cue": ("bridge", "conduit", "transit", "corridor", "cross", "through", "under its"),
    None: (
        "provid",
        "giv",
        "gave",
        "suppl",
        "sen",
        "deliver",
        "transfer",
        "ship",
        "smuggl",
        "channel",
        "funnel",
        "extend",
        "furnish",
        "donat",
        "grant",
        "help",
        "assist",
        "aid",
        "transport",
        "fly",
        "flew",
        "flown",
        "shar",
        "pass",
        "mov",
        "sold",
        "sell",
        "lent",
        "loan",
        "offer",
        "increas",
        "boost",
        "step",
        "expand",
    ),
}
