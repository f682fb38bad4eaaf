"""Trigger words for each claim type: the rules' vocabulary, kept apart from the rules.

Verbs name the relation and say which side is which; nouns name what is given
("weapons", "money") when a general verb ("provides", "sends") does not.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "CARRIERS",
    "COMPOUND",
    "DASHES",
    "GENERIC_VERBS",
    "JUDGED_LIKELY",
    "NOUN_FOR",
    "NOUN_TYPES",
    "PARTICIPLES",
    "PARTICIPLE_WORD",
    "RECEIVE_VERBS",
    "SANCTION_RELIEF",
    "SUPPORT_NOUNS",
    "SUPPORT_NOUN_STOP",
    "UNSTATED",
    "VERB_TYPES",
    "Nouns",
    "fold_dashes",
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
    r"intends?\s+to|consider(?:s|ed|ing)?|ready\s+to|prepared\s+to|preparing\s+to|"
    r"weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|might|may\s+(?:well\s+)?(?:have\s+to|need\s+to)|"
    r"if|were\s+to|unless|"
    r"urg(?:e|es|ed|ing)\b[^.]*?\bto|call(?:s|ed)?\s+on\b[^.]*?\bto|against|so\s+(?:that\s+)?"
    r"they|so\s+that|in\s+order\s+to|whether|to\s+(?:stop|prevent|halt|block|deter))\b"
    r"(?!\s+have\b)",
    re.IGNORECASE,
)

# A relation named first and judged after as a likelihood, not stated: "a Houthi attack
# on Saudi oil facilities is considered improbable", "an Israeli strike ... is seen as
# increasingly likely" (read from the trigger to the end of its clause).
JUDGED_LIKELY = re.compile(
    r"\b(?:is|are|was|were|remains?|seems?|looks?|appears?)\s+"
    r"(?:now\s+|still\s+|increasingly\s+|widely\s+|generally\s+|also\s+)?"
    r"(?:(?:seen|viewed|regarded)\s+as\s+|considered\s+|deemed\s+|judged\s+|"
    r"thought\s+(?:to\s+be\s+)?)?"
    r"(?:increasingly\s+|highly\s+|very\s+|more\s+|less\s+|quite\s+|now\s+)?"
    r"(?:un)?(?:likely|improbable|probable|possible|imminent)\b"
    r"(?!\s+to\s+(?:trace|see|find|identify|show|document|prove|confirm|follow)\b)",
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

#: Dashes that read as a hyphen when they follow a letter or digit: U+2010 (hyphen),
#: U+2011 (non-breaking hyphen), U+2012 (figure dash), U+2013 (en dash, "Iran–backed",
#: "2012–2016"), U+2212 (minus), U+FE63 and U+FF0D (small and full-width hyphen-minus).
#: An em dash is left alone: unspaced, it still sets off a clause ("Iran—which…").
DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
_JOINING_DASH = re.compile(r"(?<=\w)[" + DASHES + "]")


def fold_dashes(text: str) -> str:
    """``text`` with every dash joined to the word before it made "-", one character for
    one (offsets stay valid). Extraction reads a text through this, once, so every rule,
    prefilter and feature sees "Iran‐backed" (U+2010) as "Iran-backed".

    >>> fold_dashes("The Iran\u2010backed Houthis, 2012\u20132016 \u2013 and Iran\u2014which")
    'The Iran-backed Houthis, 2012-2016 \u2013 and Iran\u2014which'
    """
    if text.isascii():
        return text
    return _JOINING_DASH.sub("-", text)


# "Iran-backed", "Tehran-funded": type of the compound's second half (dashes folded).
COMPOUND = _rx(
    r"^-\s?(backed|sponsored|supported|funded|financed|armed|supplied|"
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

class Nouns(NamedTuple):
    """The nouns that name one support type (one row of :data:`SUPPORT_NOUNS`)."""

    type: str
    words: tuple[str, ...]  # single words, matched whole wherever they stand
    phrases: tuple[str, ...] = ()  # patterns of several words ("military\s+aid")
    heads: tuple[str, ...] = ()  # name the type only as the head of a phrase a rule parses
    signs: str = ""  # characters that name it in any word ("$")
    not_before: str = ""  # a pattern that, right after the noun, undoes it ("arms race")


#: What is given, by the support type it names: the one table of nouns. The scan of a
#: stretch of text (NOUN_TYPES) and the head of "Iran's support for" / "weapons from"
#: (NOUN_FOR) derive from it. ``heads`` name their type only as the head a rule has
#: found ("its hosting of", "information from"): bare "data" in a sentence is not
#: intelligence. Order is precedence: a text that names several types gives them in
#: this order.
SUPPORT_NOUNS: tuple[Nouns, ...] = (
    Nouns(
        "humanitarian",
        ("reconstruction", "food", "medicine", "salaries"),
        (
            r"humanitarian\s+(?:aid|assistance|support|relief)",
            r"relief\s+aid",
            r"medical\s+(?:aid|supplies)",
            r"fuel\s+for\s+(?:the\s+)?power",
            r"civil\s+servants",
        ),
    ),
    Nouns(
        "diplomatic",
        (),
        (r"(?:diplomatic|political)\s+(?:support|backing|cover|protection|access|recognition)",),
    ),
    Nouns(
        "intelligence",
        ("intelligence", "surveillance", "imagery"),
        (r"targeting\s+(?:data|information)", r"satellite\s+(?:imagery|images|data)"),
        heads=("information", "data"),
    ),
    Nouns(
        "training",
        ("training", "expertise", "know-how", "knowhow", "advisers", "advisors", "instruction",
         "instructors", "trainers"),
    ),
    Nouns(
        "arms",
        ("weapon", "weapons", "arms", "rocket", "rockets", "missile", "missiles", "drone",
         "drones", "munitions", "ammunition", "explosives", "rifles", "guns", "launchers",
         "arsenal", "weaponry", "anti-tank", "mortar", "mortars", "shells", "artillery",
         "interceptors"),
        (r"military\s+(?:aid|assistance|hardware|support)",),
        heads=("arming",),
        not_before=_ARM_STOP,
    ),
    Nouns(
        "materiel",
        ("equipment", "supplies", "logistics", "components", "materiel", "vehicles", "dual-use",
         "fuel", "helmets", "microelectronics"),
        (r"logistical\s+support", r"spare\s+parts", r"body\s+armou?r", r"machine\s+tools"),
    ),
    Nouns("troops", ("troops", "fighters", "soldiers", "militiamen", "mercenaries")),
    Nouns(
        "safe_haven",
        ("sanctuary", "refuge", "shelter", "headquarters", "base", "bases", "residence"),
        (r"safe\s+haven", r"political\s+(?:office|bureau)"),
        heads=("hosting",),
    ),
    Nouns(
        "funding",
        ("funding", "funds", "money", "cash", "financing", "payment", "payments", "dollars",
         "budget", "donation", "donations", "stipend", "stipends", "ransom", "million",
         "millions", "billion", "billions", "roubles", "rubles"),
        (
            r"financial\s+(?:support|aid|assistance|backing)",
            r"economic\s+(?:support|aid|assistance)",
        ),
        signs="$€£",  # an amount of money
    ),
    Nouns(
        "backing",
        ("support", "backing", "assistance", "aid", "help", "sponsorship", "patronage"),
    ),
)

#: Nouns that carry support without naming it ("an Iranian cargo", "convoys"): the type
#: comes from what they are said to carry.
CARRIERS = ("cargo", "convoy", "convoys", "shipment", "shipments")


def _noun_patterns(row: Nouns) -> list[re.Pattern[str]]:
    out = []
    if row.words or row.phrases:
        alternatives = [re.escape(w) for w in row.words] + list(row.phrases)
        out.append(_rx(r"\b(?:" + "|".join(alternatives) + r")\b" + row.not_before))
    if row.signs:
        out.append(re.compile("[" + re.escape(row.signs) + "]"))
    return out


#: (type, pattern) for every row of SUPPORT_NOUNS, in its order: what _noun_types scans.
NOUN_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (row.type, rx) for row in SUPPORT_NOUNS for rx in _noun_patterns(row)
)


def _noun_for() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in SUPPORT_NOUNS:
        for word in (*row.words, *row.heads):
            if out.setdefault(word, row.type) != row.type:
                raise ValueError(f"lexicon: {word!r} names both {out[word]} and {row.type}")
    return out


#: The support type a single noun names: ``NOUN_FOR["weapons"] == "arms"``.
NOUN_FOR: dict[str, str] = _noun_for()


# "support for the ceasefire" is no support for an actor.
SUPPORT_NOUN_STOP = _rx(
    r"^\s+for\s+(?:a|an|the|its|their)?\s*(?:ceasefire|truce|deal|agreement|resolution|plan|"
    r"proposal|talks|initiative|efforts?|idea|two-state|statehood|move|decision|bid|"
    r"negotiations|process|solution)\b"
)
