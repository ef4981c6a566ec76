"""The reader's trigger phrases: which words make a sentence a claim of which kind.

Order matters only through PRIORITY: where two triggers overlap, the more specific kind
(lower number) wins. Each pattern is matched case-insensitively within one sentence.
"""

from __future__ import annotations

import re

from treatywatch.reading.screen import Folded, Screen, required_all
from treatywatch.reading.text import NUMBER, QUALIFIER


def _w(n: int) -> str:
    """Up to n characters within the same clause."""
    return f"[^.;:!?]{{0,{n}}}?"


def _in_clause(n: int) -> str:
    """Up to n characters, not past a sentence break nor into a new clause (", and ...")."""
    return rf"(?:(?!,\s*(?:and|but|while)\b)[^.;:!?]){{0,{n}}}?"


#: What follows a verb that means leaving only with a treaty as its object ("ditched the
#: ban", "abandons landmine treaty"; not "fortify with ditches", "abandoned mines").
_OBJECT = (
    r"\s+(?:it|them|out|from)\b|"
    # (a determiner then the treaty's name or noun: not "scrap the aircraft")
    r"\s+(?:(?:the|its|their|this|that)\s+)?(?:[\w’'-]+[- ]){0,4}?(?:treaty|convention|ban|pact|"
    r"accord|statute|court|protocol|agreement|deal|npt|ctbt|inf|cfe|icc|nato|eu)\b"
)
EXIT = (
    r"(?:withdr[ae]w\w*|leav(?:e|es|ing)\b|left\b(?!-|\s+(?:over|behind)\b)|exit(?:s|ed|ing)?\b|quit(?:s|ting)?\b|"
    r"pull\w*(?:\s+\w+){0,2}\s+out|"
    r"walk\w*\s+out|take\s+\w+\s+out|denounc\w*|denunciation|abandon\w*(?="
    + _OBJECT
    + r")|renounc\w*|"
    r"depart(?:s|ed|ing|ure|ures)?\b|"
    r"revok\w*\s+(?:its\s+|the\s+|\w+(?:'s|’s)\s+)?ratification|de-?ratif\w*|(?:ditch|scrap)\w*(?="
    + _OBJECT
    + "))"
)
JOIN = r"(?:join(?:s|ed|ing)?\b|accede\w*|accession|ratif\w*|sign up)"
SUSPEND = r"(?:suspen\w+)"
CHAMBER = (
    r"(?:parliaments?|parliamentarians|seimas|saeima|riigikogu|eduskunta|sejm|senate|"
    r"verkhovna rada|rada|state duma|duma|bundestag|storting|riksdag|lawmakers|legislators|MPs|"
    r"deputies|national assembly|congress|federation council|lower house|upper house|"
    r"legislature|house of representatives|the chamber)"
)
PARLIAMENTS = {
    "seimas": "LTU",
    "saeima": "LVA",
    "riigikogu": "EST",
    "eduskunta": "FIN",
    "sejm": "POL",
    "verkhovna rada": "UKR",
    "rada": "UKR",
    "duma": "RUS",
    "federation council": "RUS",
    "bundestag": "DEU",
    "storting": "NOR",
    "riksdag": "SWE",
}
_TREATY_NOUN = r"(?:treaty|convention|ban|pact|accord|statute|court|protocol)"
#: Treaties news names without a treaty noun ("quits NATO", "leaves Ottawa pact").
_TREATY_NAME = (
    r"(?:nato|eu|european union|ottawa|new start|open skies|inf|cfe|icc|ctbt|npt|att|tpnw|"
    r"ccw|ccm|bwc|cwc)\b"
)
#: A lookahead: what was submitted did not go to a parliament, a president or a cabinet.
_NOT_TO_LEGISLATURE = (
    r"(?![^.;]{0,60}?\bto\s+(?:the\s+)?(?:(?:lower|upper)\s+house|state\s+duma|duma|"
    r"parliament|seimas|sejm|saeima|riigikogu|eduskunta|senate|congress|national\s+assembly|"
    r"legislature|lawmakers|deputies|federation\s+council|president|cabinet|government)\b)"
)
#: Not a programme of the alliance ("joined NATO's Partnership for Peace in 1995").
_NOT_ITS_PROGRAMME = (
    r"(?!(?:'s|’s)\s+(?:partnership|membership action plan|map\b|pfp|programme|program|"
    r"mission))"
)
_YEAR_OR_DAY = (
    r"(?:\b(?:in|on|since|by)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+\w+\s+|\w+\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d\d\b"
    r"|\b(?:in|on)\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b|\blast\s+(?:week|month|year|\w+day)\b|\bon\s+\w+day\b|\bin\s+(?:19|20)\d\d\b)"
)

_SPECS: list[tuple[str, str]] = [
    # --- political steps ------------------------------------------------------------------
    (
        "parliament_vote",
        rf"\b{CHAMBER}\b{_w(80)}\b(?:vot(?:ed|es|ing)|approv(?:ed|es|ing)|backed|backs|endors\w+|"
        r"pass(?:ed|es)|adopt(?:ed|s)|ratified|gave (?:its |their )?(?:final )?(?:approval|consent|"
        r"green light|backing)|(?:is|are) (?:expected|due|set) to vote|will vote|followed|"
        r"rejected|voted down)",
    ),
    ("parliament_vote", rf"\bvote[sd]?\b{_w(40)}\bin (?:the )?{CHAMBER}\b"),
    (
        "law_signed",
        r"\b(?:president|head of state|putin|zelensk\w*|nauseda|rinkevics|karis|stubb|duda|"
        r"nawrocki|orban|trump|biden)\b"
        + _w(80)
        + r"\b(?:signed|signs|has signed|promulgated|sign|proclaim\w*)\b"
        + _w(50)
        + r"\b(?:law|bill|act|legislation|denunciation)\b",
    ),
    ("law_signed", r"\bsigned (?:the (?:bill|law|act|legislation) )?into law\b"),
    # "The Seimas approved the withdrawal law ..., and President Nauseda signed it".
    (
        "law_signed",
        r"\b(?:law|bill|legislation)\b"
        + _w(120)
        + r"\b(?:president|head of state)\b"
        + _w(60)
        + r"\b(?:signed|has signed|signs) (?:it|them)\b",
    ),
    # --- the depositary ---------------------------------------------------------------------
    (
        "deposit",
        r"\b(?:notif(?:y|ied|ies|ying|ication)|informed|inform|told)\b"
        + _w(50)
        + r"\b(?:U\.?N\.?|United Nations|Secretary[- ]General|secretary general|depositary)\b",
    ),
    (
        "deposit",
        r"\b(?:deposit(?:ed|s|ing)?|submit(?:ted|s)?|hand(?:ed|s|ing)?(?: over| in)?|lodg(?:ed|es)|"
        r"delivered|present(?:ed|s)|transmitted)\b"
        + _w(60)
        + r"\b(?:instruments?|notices?|notifications?|documents?|papers|paperwork|letters?|note)\b"
        # not a bill sent to a parliament or a president ("submitted the document to the
        # State Duma"): that is a step at home
        + _NOT_TO_LEGISLATURE,
    ),
    (
        "deposit",
        r"\b(?:g[ai]ve|given|giving|serve[sd]?|serving|file[sd]?|files|filing|sen[dt]|sending|"
        r"lodged|submitted)\s+(?:its |their |a |the |official |written |formal )*"
        r"(?:notices?|notifications?|paperwork|papers|instruments?|letters?)\b",
    ),
    (
        "deposit",
        r"\b(?:notices?|notifications?|instruments?|letters?|papers|paperwork)\b"
        + _w(40)
        + r"\b(?:reached|arrived at|landed at|was received by|were received by|received|"
        r"(?:was|were|had been|has been) (?:formally |officially )?(?:deposited|lodged|submitted|"
        r"handed over|delivered))\b",
    ),
    (
        "deposit",
        r"\b(?:notified|submitted|deposited|lodged|filed)\s+(?:a|any|its|the|no|their)\s+"
        r"(?:formal\s+)?(?:withdrawal|notice|instrument|denunciation|notification)\b",
    ),
    ("deposit", r"\bsimilar notices from\b"),
    # The states after the words: "ratified only by Russia, Belarus, Kazakhstan and Ukraine",
    # "The states that ratified the treaty today are ..." (not "has not been ratified by").
    (
        "deposit",
        # (the states must follow at once: "ratified by 110 countries" names none)
        r"(?<!not been )(?<!n't been )(?<!n’t been )(?<!never been )\b(?:ratified|acceded to)\s+"
        r"(?:only\s+)?by(?:\s+only)?(?:\s+\w+\s+(?:countries|states|nations)\s*[-–—:])?"
        r"|\b(?:states|countries|nations)\s+(?:that|which)\s+(?:have\s+)?(?:ratified|acceded\s+to)\b"
        r"[^.;:]{0,50}?\b(?:are|include|included)\b",
    ),
    # "revoked its withdrawal": the notice taken back before it took effect.
    (
        "deposit",
        r"\b(?:revoked|rescinded|reversed|withdrew|cancelled|canceled|pulled back)\s+"
        r"(?:its|their|the)\s+(?:notice of |notification of )?(?:withdrawal|decision to withdraw|"
        r"move to (?:leave|withdraw|quit))\b"
        # "South Africa's withdrawal was revoked in March"
        r"|\bwithdrawal\b[^.;]{0,60}?\b(?:was|were|had been|has been)\s+(?:formally\s+)?"
        r"(?:revoked|rescinded|reversed|cancell?ed)\b",
    ),
    # "declared in July that it was suspending its obligations": the suspension declared.
    (
        "deposit",
        r"\bdeclared\b" + _in_clause(40) + r"\b(?:was|is|would be)\s+suspending\b",
    ),
    # "did not ratify it until 2012": a ratification in 2012.
    (
        "deposit",
        r"\b(?:did not|didn't|would not|wouldn't)\s+(?:ratify|accede(?:\s+to)?|join)\b"
        + _in_clause(40)
        + r"\buntil\b",
    ),
    # De-ratification done (past tense only: "could consider revoking" is an intent): leaving
    # by revoking the consent, the state may remain a signatory.
    (
        "deposit",
        r"\b(?:de-?ratified|(?:revoked|withdrew|rescinded|cancell?ed)\s+(?:its\s+|the\s+|"
        r"\w+(?:'s|’s)\s+)?ratification)\b",
    ),
    (
        "deposit",
        r"(?<!de-)(?<!de)\b(?:ratified|acceded to|acceded|ratifying|acceding to)\b"
        + _in_clause(60)
        + _YEAR_OR_DAY,
    ),
    ("deposit", r"\b(?:signed and ratified|ratified (?:it )?in|ratified on)\b"),
    # "Nigeria has ratified the Convention on Cluster Munitions", "Nigeria ratifies cluster
    # munitions treaty": no date needed where the treaty is the object.
    (
        "deposit",
        r"(?<!de-)(?<!de)\b(?:(?:has|have)\s+(?:now\s+|formally\s+|officially\s+|also\s+)?"
        r"(?:ratified|acceded to)|ratifies|accedes to)\s+(?:the\s+)?(?:"
        + _TREATY_NAME
        + r"|(?:[\w-]+\s+){0,4}?"
        + _TREATY_NOUN
        + r"\b)",
    ),
    # "became the 74th state to ratify": a count of deposits, so the deposit itself.
    (
        "deposit",
        r"\bbec(?:ame|omes|oming|ome)\s+the\s+(?P<ordinal>\d+(?:st|nd|rd|th)|[\w-]+(?:st|nd|rd|th))\s+"
        r"(?:state|country|nation|member|signatory)\s+to\s+(?:ratify|accede|join|adhere)\b",
    ),
    ("deposit", r"\b(?:has|have|had)?\s*(?:never|not) (?:yet )?ratified\b"),
    (
        "deposit",
        r"\b(?:suspended|suspends)\s+(?:(?:it|them)\b(?!\s+(?:to|from)\b)|(?:its\s+)?"
        r"(?:participation in\s+)?(?:the\s+)?(?:\w+[- ]){0,3}?"
        rf"(?:{_TREATY_NOUN}|participation|obligations)\b)",
    ),
    ("deposit", r"\bdeclared (?:a |the |its )?suspension\b"),
    (
        "deposit",
        r"\b(?:revoke|revoked|withdraw|withdrew|withdrawn)\s+(?:its|their|the)\s+signature\b|"
        r"\b(?:does|did|do) not intend to become a party\b",
    ),
    # "Trump said he was revoking his predecessor's signature": the unsigning announced
    (
        "intent",
        r"\b(?:is|was|are|were|would be|will be)\s+(?:revoking|withdrawing|rescinding)\s+"
        r"(?:(?:his|her|its|their|the|our)\s+)?(?:predecessor(?:'s|’s)\s+|\w+(?:'s|’s)\s+)?"
        r"signature\b|\btaking\s+(?:our|its|their)\s+signature\s+back\b",
    ),
    # --- effect --------------------------------------------------------------------------------
    (
        "effective",
        r"\b(?:withdrawals?|exits?|departures?|denunciations?|decision)\b"
        + _w(60)
        + r"\b(?:took|takes|take|taking|will take|came|comes|come|went|goes|go|become|became|"
        r"becomes|entered|enters|will enter) (?:legal |full )?(?:into )?(?:effect|force|effective)\b",
    ),
    (
        "effective",
        # (not "signed a law to officially quit the treaty": a purpose, the step to come)
        r"(?<!\bto )\b(?:officially|formally|legally|finally|now) (?:left|quit|exited|withdrew|"
        r"withdrawn|out of|leaves|quits|exits|withdraws|leave|quit|exit|withdraw|ceased)\b",
    ),
    (
        "effective",
        r"\b(?:has|have|had) (?:now |officially |formally |already |just |since )?(?:left|quit|"
        r"exited|withdrawn from|pulled out of|abandoned|dropped out of|walked out of)\b"
        r"(?!\s+\S+\s+(?:no|little|few|with|without)\b)",  # not "had left Kyiv no choice"
    ),
    (
        "effective",
        # (not "a law to officially quit the treaty": "quit" there is the infinitive)
        r"(?<!\bto )(?<!\bto officially )(?<!\bto formally )"
        r"\b(?:left|quit|exited|withdrew from|pulled out of|walked out of|dropped out of)\s+"
        r"(?:the|a|an|its|their|that)\b",
    ),
    (
        "effective",
        r"(?<!\bto )(?<!\bwould )(?<!\bwill )\b(?:quits?|leaves|exits|withdraws from|pulls out of|walks out of|ditches|abandons|"
        r"drops out of)\s+(?:the\s+)?(?:"
        + _TREATY_NAME
        + r"|(?:\w+[- ]){0,3}?"
        + _TREATY_NOUN
        + r"\b)",
    ),
    (
        "effective",
        r"\b(?:left|withdrew|exited|quit)\s+(?:it\s+|them\s+)?(?:on|in|at|as of|last|this|"
        r"effective|formally|officially|at midnight)\b",
    ),
    ("effective", r"\b(?:and\s+)?(?:left|withdrew)\s+(?:six|\d+|twelve)\s+months\s+later\b"),
    # "was the first country to leave the court"
    (
        "effective",
        r"\b(?:was|is|became|becomes)\s+the\s+(?:[\w-]+(?:st|nd|rd|th)|last|latest)\s+"
        # ("the first European Union member to leave": up to three words before the noun)
        r"(?:[\w-]+\s+){0,3}?(?:country|state|nation|member|party)\s+(?:ever\s+)?to\s+"
        r"(?:leave|quit|exit|withdraw)\b",
    ),
    ("effective", r"\b(?:will follow|follows|to follow|followed)\s+(?:suit\s+)?(?:on|in|at)\b"),
    ("effective", r"(?<!\bto )(?<!\bwill )\b(?:walked|pulled|dropped|stormed) out of\b"),
    (
        "effective",
        r"\b(?:did not|didn't|has not|have not|had not|never)\s+(?:formally\s+|yet\s+)?(?:withdraw|withdrawn|leave|left|quit|exit|exited)\b",
    ),
    (
        "effective",
        r"\b(?:is|are|was|were|will be)\s+out\b(?!\s+of\s+(?:the\s+)?(?:question|reach|time|ammunition))",
    ),
    (
        "effective",
        r"\b(?:is|are|was|were|will be|would be) no longer (?:a |an )?(?:state |states )?"
        r"(?:party|parties|bound|member|members|part|signatory)\b",
    ),
    ("effective", r"\bcease[sd]? to be (?:a |an )?(?:state )?(?:party|bound|member)"),
    # "Russia finalized its withdrawal from the CFE Treaty", "the procedure for Russia's
    # withdrawal ... is fully completed": the exit done
    (
        "effective",
        r"\b(?:finali[sz]ed|completed|completes|finali[sz]es)\s+(?:its|their|the)\s+"
        r"withdrawal\b|\bwithdrawal\b[^.;]{0,80}?\b(?:is|was|has been|had been)\s+"
        r"(?:fully\s+|officially\s+|formally\s+)?(?:completed|complete|finali[sz]ed)\b",
    ),
    (
        "effective",
        r"\b(?:is|are|was|were|be|now|officially|formally)\s+out of the (?:\w+[- ]){0,3}?"
        + _TREATY_NOUN
        + r"\b",
    ),
    ("effective", r"\b\w+\s+out of (?:the\s+)?(?:\w+[- ]){0,3}?" + _TREATY_NOUN + r"\s*[;:]"),
    (
        "join_effective",
        r"\b(?:became|becomes|become|becoming|has become|will become)\s+"
        r"(?:the\s+(?:(?P<ordinal>\d+(?:st|nd|rd|th)|[\w-]+(?:st|nd|rd|th))\s+|\w+\s+)|a\s+full\s+|an?\s+)?"
        r"(?:new\s+)?(?:full\s+)?(?:state |states )?part(?:y|ies)\b",
    ),
    # "became NATO's 31st member", "became a member of the EU": joining an alliance.
    (
        "join_effective",
        r"\b(?:(?:officially|formally|now)\s+)?(?:became|becomes|become|becoming|has become|will become)\s+"
        r"(?:(?:the|a|an|a full|its)\s+|(?:NATO|the EU|the European Union|the [Aa]lliance)"
        r"(?:'s|’s)\s+)?"
        r"(?:(?P<ordinal>[\w-]+(?:st|nd|rd|th))\s+)?(?:full\s+)?(?:(?:NATO|EU|alliance)\s+)?"
        # (not "became the last EU member state to sign onto the treaty": a descriptor)
        r"(?:member|ally)\b(?!\s+(?:states?\s+|countr(?:y|ies)\s+|nations?\s+)?(?:to|that)\s)",
    ),
    # "Finland is officially a member of NATO", "is now the 31st member": the day it joined.
    (
        "join_effective",
        r"\b(?:is|are)\s+(?:now\s+)?(?:officially|formally|now)\s+(?:a|an|the)\s+"
        r"(?:(?P<ordinal>[\w-]+(?:st|nd|rd|th))\s+)?(?:full\s+)?(?:(?:NATO|EU)\s+)?(?:member|ally)\b"
        # "we can now declare that Finland is the 31st member": a count names the day it
        # joined as much as "now" does
        r"|\b(?:is|are)\s+the\s+(?P<ordinal2>\d+(?:st|nd|rd|th))\s+(?:full\s+)?member\b",
    ),
    (
        "join_effective",
        # (not "applied to join ... in May 2022", "bid to join", "seeking to join": an aim;
        # not "joined NATO's Partnership for Peace in 1995": a programme, not the alliance)
        r"(?<!\bto )\bjoin(?:ed|ing|s)?\b(?!\s+(?:the\s+)?(?:nato|alliance|eu)"
        + _NOT_ITS_PROGRAMME[3:-1]
        + r")"
        + _w(60)
        + r"\b(?:in|on|since)\s+(?:\d{1,2}\s+\w+\s+|[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d\d\b",
    ),
    # "Sweden joined NATO on Thursday", "Finland joined the alliance in April last year":
    # a treaty or alliance right after the verb, and a day or month.
    (
        "join_effective",
        r"\bjoin(?:ed|s)\s+(?:the\s+)?(?:"
        + _TREATY_NAME
        + r"|alliance|(?:[\w-]+\s+){0,3}?"
        + _TREATY_NOUN
        + r"\b)"
        + _NOT_ITS_PROGRAMME
        + _w(30)
        + _YEAR_OR_DAY,
    ),
    # "China joined a global arms trade treaty", "Moldova joined the Ottawa Convention":
    # the treaty named right after the verb, undated (a past verb: not "joins", a headline's
    # news of the decision; not "to join", an aim). Read as the day it became bound, as the
    # other "joined" patterns (claim_guidelines.md B allows deposit or effective).
    (
        "join_effective",
        r"(?<!\bto )\bjoined\s+(?:the\s+|a\s+|an\s+)?(?:"
        + _TREATY_NAME
        + r"|(?:[\w-]+\s+){0,3}?"
        + _TREATY_NOUN
        + r"\b)"
        + _NOT_ITS_PROGRAMME
        + r"(?!\s+(?:in|on|as)\s+(?:calling|urging|condemning|criticis|support))",
    ),
    ("join_effective", r"\b(?:entered|enters|enter|came|comes|come) into force for\b"),
    # --- signature ------------------------------------------------------------------------------
    ("never_signed", r"\b(?:has|have|had)?\s*never signed\b|\b(?:has|have) not signed\b"),
    (
        "signature",
        # (not "the 164 signatory countries": a count, no state's act)
        r"(?<!\byet to )(?<!\d )\b(?:signed|signing|signatory|signatories|sign)\b(?!\s+(?:(?:the|a|an)\s+"
        r"(?:[\w-]+\s+){0,2}?)?(?:law|bill|decree|order|executive order|act|legislation|extension)\b|"
        r"\s+into law)"
        # an instrument of ratification or an accession paper signed is not the treaty signed
        r"(?!\s+(?:the\s+|an\s+|its\s+|their\s+)?(?:(?:instruments?|documents?|papers|letters?)\s+"
        r"of\s+(?:ratification|accession|acceptance|approval)|(?:accession|ratification)\s+"
        r"(?:documents?|papers|instruments?|protocols?|letters?)))"
        + _w(50)
        + r"\b(?:convention|treaty|statute|pact|accord|protocol|agreement|it|in (?:19|20)\d\d|"
        r"on the same day|" + _TREATY_NAME + r")",
    ),
    (
        "signature",
        r"\b(?:was|were) among the (?:first|original|\d+) (?:states |countries )?to sign\b",
    ),
    ("signature", r"\b(?:has|have|had) signed but\b"),
    # A list after a colon: "Signed on 20th September: Algeria, Austria, ..."
    ("signature", r"^\s*(?:signed|signatures?)\s+(?:on|in)\s+[^:.;]{3,30}:"),
    ("deposit", r"^\s*(?:ratified|ratifications?|acceded|accessions?)\s+(?:on|in)\s+[^:.;]{3,30}:"),
    # --- status ---------------------------------------------------------------------------------
    (
        "status",
        r"\b(?:has|have|had) never (?:been (?:a |an )?(?:state )?(?:part(?:y|ies) to|"
        r"signator(?:y|ies)|members?)|joined|ratified|acceded)\b|\bnever joined\b|\bnon-signator(?:y|ies)\b|\bneither has\b|\bnor has\b|"
        # "Neither Russia nor Ukraine has joined it"
        r"\bneither\b[^.;:]{0,60}?\bnor\b[^.;:]{0,60}?\b(?:has|have)\s+(?:yet\s+)?"
        r"(?:joined|ratified|acceded)\b",
    ),
    (
        "status",
        r"\b(?:remains?|remained|is still|are still|stays?|continues? to be)\s+(?:a\s+|an\s+)?"
        r"(?:full\s+|legally\s+)?(?:state\s+|states\s+)?(?:part(?:y|ies)|bound|member|obliged)\b",
    ),
    ("status", r"\bobligations (?:continue|remain|still apply|stand)\b"),
    (
        "status",
        r"\b(?:remains?|remained|stays?|stayed)\s+outside\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,4}?"
        r"(?:treaty|convention|statute|ban|accord|pact|protocol|court|alliance)\b|"
        r"(?:npt|ctbt|att|ccm|ccw|cwc|bwc|tpnw|icc|nato|eu)\b)",
    ),
    (
        "status",
        r"\b(?:is (?:also |still )?not|are (?:also |still )?not|isn't|aren't|was not|were not|"
        r"has not joined|have not joined|"
        r"is not yet|are not yet|remains? outside|stayed outside|stays? outside)\b"
        + _w(20)
        + r"\b(?:a |an )?(?:state )?(?:part(?:y|ies)|members?|signator(?:y|ies)|the treaty|"
        r"the convention|joined)\b",
    ),
    ("status", r"\b(?:is|are)\s+(?:a |an )?(?:state\s+)?part(?:y|ies)\s+to\b"),
    # "became the 54th state to ratify the TPNW, joining Cambodia, Laos and Thailand": the
    # states after are parties already.
    ("status", r",\s+joining\s+(?=[^.;:]{0,40}?(?:,|\band\b))"),
    # "Israel is not a party. Neither are China, India and Pakistan.": the states after.
    ("status", r"^\s*(?:neither|nor)\s+(?:are|is)\b"),
    # "Most states are parties. The United States, Russia and China are not.": the status
    # understood from the sentence before (a sentence that ends on it).
    ("status", r"\b(?:is|are)\s+not(?:\s+either)?\.$"),
    ("status", r"\b(?:has|have) been (?:a |an )?(?:full )?(?:state )?part(?:y|ies)\b"),
    # "Cambodia, a party to the Ottawa Convention since 1999,"
    # (a treaty must follow: "Russia, a party to the war," is no such claim)
    (
        "status",
        r"(?<=, )(?:a|an) (?:full )?(?:state )?party to (?:the\s+)?(?:(?:[\w-]+\s+){0,4}?"
        r"(?:treaty|convention|statute|ban|accord|pact|protocol|court)\b|"
        r"(?:npt|ctbt|att|ccm|ccw|cwc|bwc|tpnw|icc)\b)",
    ),
    ("status", r"\b(?:is|are|was|were) not (?:among|one of) (?:them|the (?:states )?parties)\b"),
    # The states listed after the words: "hasn't been ratified by China, India and Iran",
    # "eight countries have not ratified the treaty, including China", "non-member Russia",
    # "countries that have not signed the convention are the USA, Russia ...".
    (
        "status",
        r"\b(?:has|have)(?:n[’']t|\s+not|\s+never)\s+(?:yet\s+)?been\s+(?:ratified|signed|joined)"
        r"\s+by\b|\b(?:have|has)(?:\s+not|n[’']t|\s+never)\s+(?:yet\s+)?(?:signed|ratified|"
        r"joined)\b[^.;:]{0,60}?\b(?:including|include|includes|such as|among them|namely|are)\b|"
        r"\bnon-members?\b(?=\s+[A-Z])",
    ),
    # "Countries that have shunned the treaty entirely include Russia, North Korea and
    # Syria", "the states that have refused to join it are ...": the states listed after.
    (
        "status",
        r"\b(?:states|countries|nations|governments)\s+(?:that|which|who)\s+(?:have\s+|had\s+)?"
        r"(?:never\s+\w+|not\s+(?:yet\s+)?\w+|shunned|rejected|refused\s+to\s+\w+|stayed\s+out\s+of|"
        r"boycotted)\b[^.;:]{0,60}?\b(?:are|include|includes|included)\b|"
        # "Other holdouts to the treaty include China, India, ...", "Non-signatory countries
        # include China, Russia, ..."
        r"\bholdouts?\b[^.;:]{0,40}?\b(?:are|include|includes|included)\b|"
        r"\bnon-(?:signator(?:y|ies)|members?|part(?:y|ies))\s+(?:states|countries|nations)\s+"
        r"(?:are|include|includes|included)\b",
    ),
    # "have yet to accede to it", "are yet to be members", "has yet to ratify": not a party.
    (
        "status",
        r"\b(?:has|have|is|are)\s+yet\s+to\s+(?:accede|ratify|join|sign|become|be)\b|"
        # "the only Pacific nations yet to ratify the treaty"
        r"\b(?:states?|countr(?:y|ies)|nations?|members?)\s+yet\s+to\s+(?:accede|ratify|join|"
        r"sign)\b",
    ),
    # "Major countries that are not members of the ICC include the United States, ...".
    (
        "status",
        r"\b(?:are|is)\s+not\s+(?:members?|part(?:y|ies)|signatories)\b[^.;:]{0,60}?"
        r"\b(?:include|includes|including)\b",
    ),
    # A negated consent is a state of affairs: "has signed but not ratified", "hasn't
    # ratified", "refused to join" (claim_guidelines.md A3: never an event).
    (
        "status",
        # ("signed but never ratified": the signature is a claim of its own, the status
        # begins after "but")
        r"\b(?:has|have|had)\s+(?:not|never)\s+(?:yet\s+)?"
        r"(?:ratified|joined|acceded)\b|\b(?:hasn[’']t|haven[’']t|hadn[’']t)\s+(?:yet\s+)?"
        r"(?:ratified|joined|acceded)\b|(?<=signed but )(?:never|not)\s+(?:yet\s+)?ratified\b|"
        r"\brefused\s+to\s+(?:join|sign|ratify|accede)\b",
    ),
    # --- intentions ---------------------------------------------------------------------------
    # A head of state's decree or order starts the procedure; it is no law passed
    # (claim_guidelines.md B): "Zelensky signed a decree on Ukraine's withdrawal", "Putin
    # signed an order suspending ...", "according to a decree signed by President Putin".
    (
        "intent",
        r"\b(?:signed|signs|has signed|issued|issues|has issued)\s+(?:a|an|the)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:decree|executive order|order)\b|\bdecree signed by\b",
    ),
    (
        "intent",
        # (not "calls for universal ratification": every state's, no state's intention)
        r"(?!calls?\s+for\s+(?:the\s+)?(?:universal|global|wider|broader|full)\b)"
        r"\b(?:decided|decides|decision|deciding|plans?|planned|planning|intends?|intention|"
        r"intended|announced|announces|announcement|wants?|wanted|seeks?|sought|seeking|moving|"
        r"moves|moved|set|preparing|prepares|prepared|will|would|could|may|might|considering|"
        r"considers|considered|mulls|mulling|weighing|weighs|proposed|proposes|proposal|"
        r"expected|aims?|aiming|ready|vowed|vows|pledged|pledges|committed|commitment|"
        r"began|begun|begins|started|starts|launched|launches|initiated|process|steps|bid|"
        r"push|calls?|called|recommended|recommends|recommendation|urged|urges|urging|floated|"
        r"approved|asked|applied|applies|applying|application|bid)\b"
        + _w(40)
        + r"\b(?:to |of |for )?(?:"
        + EXIT
        + "|"
        + JOIN
        + "|"
        + SUSPEND
        + r")\b",
    ),
    (
        "intent",
        r"\b(?:announced|declared|proclaimed)\s+(?:the|its|their)\s+(?:"
        + EXIT
        + "|"
        + SUSPEND
        + r")",
    ),
    ("intent", r"\bweighing its position on\b"),
    # "submitted its NATO bid", "applied for NATO membership", "launched its bid to join".
    (
        "intent",
        r"\b(?:applied|applies|apply|applying|submitted|submits|filed|files|launched|launches)\s+"
        r"(?:(?:its|their|a|an|the|formal|official|joint)\s+)*(?:(?:nato|eu|membership|accession)\s+)*"
        r"(?:bid|application|request|applications)\b|\bapplied\s+(?:\w+\s+){0,3}?for\s+"
        r"(?:(?:nato|eu|full)\s+)?membership\b",
    ),
    # "The United States said Friday it was withdrawing": the progressive announces it.
    (
        "intent",
        # (not the content of a notice: "notified the UN that it was withdrawing")
        r"(?<!that it )(?<!that they )(?<!that we )"
        r"\b(?:is|are|was|were)\s+(?:formally\s+|officially\s+)?(?:withdrawing|leaving|quitting|"
        r"exiting|pulling\s+out)\b",
    ),
    (
        "intent",
        r"\b(?:government|cabinet|ministers?|prime minister|president|coalition)\b"
        + _w(60)
        + r"\b(?:asked for|approved|launched|started|initiated|floated|recommended|proposed|backed|"
        r"submitted|endorsed|announced)\b"
        + _w(40)
        + r"\b(?:move|process|bill|step|proposal|idea|plan|decision|withdrawal|exit|it)\b",
    ),
    ("intent", r"\b(?:announced|took|made|reached)\s+(?:the|its|their|this)\s+decision\b"),
    (
        "intent",
        r"\b(?:considering|weighing|mulling|studying)\s+(?:a\s+)?(?:similar|the same|such a)\s+(?:step|move|decision)\b",
    ),
    (
        "intent",
        r"\b(?:joint\s+)?recommendation\b"
        + _w(60)
        + r"\b(?:to\s+)?(?:withdraw\w*|leav\w*|exit\w*)",
    ),
    # "has ruled out leaving", "refused to join": an intention, negated.
    (
        "intent",
        r"\b(?:ruled out|rules out|rule out|refused to|refuses to)\s+(?:" + EXIT + "|" + JOIN + ")",
    ),
    # --- the same again: "Estonia did the same", "Finland did so in January" -------------
    (
        "repeat",
        r"\b(?:did|does|will do|would do|has done|have done|had done)\s+(?:the same|so|likewise)\b"
        r"|\b(?:followed|follows|will follow|to follow)\s+suit\b",
    ),
    # --- figures and plans --------------------------------------------------------------------
    (
        "production_plan",
        r"\b(?:produc(?:e|es|ed|ing|tion)|manufactur\w+|make|making|made|build(?:ing)?)\b"
        + _w(60)
        + r"\b(?:mines|landmines|munitions|explosives|missiles)\b",
    ),
    (
        "production_plan",
        r"\b(?:mines|landmines|munitions)\b"
        + _w(30)
        + r"\b(?:could be |be )?(?:produced|made|manufactured)\b",
    ),
    (
        "transfer_plan",
        r"\b(?:suppl(?:y|ying|ies)|send(?:ing)?|deliver(?:ing|ies)?|transfer(?:ring)?|provid(?:e|ing)|"
        r"export(?:ing)?|ship(?:ping)?|give)\b"
        + _w(50)
        + r"\b(?:mines|landmines|munitions|them)\b"
        + _w(30)
        + r"\bto\s+",
    ),
    ("transfer_plan", r"\bsuppl(?:y|ying)\s+(?!(?:us|me|you|him|her|them|it)\b)(?=[A-Z])"),
    # A purchase: the buyer is the recipient ("plans to buy anti-personnel mines from
    # abroad", "a joint purchase", "asked an ally about buying them").
    (
        "transfer_plan",
        r"\b(?:buy(?:ing)?|bought|purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|procur(?:e|es|ed|ing))\b"
        + _w(40)
        + r"\b(?:mines|landmines|munitions|them)\b"
        + r"|\b(?:mines|landmines|munitions)\b"
        + _w(30)
        + r"\b(?:bought|purchased|acquired|procured)\s+(?:from|abroad)\b"
        + r"|\b(?:joint\s+)?purchase\s+of\s+(?:anti-personnel\s+)?(?:mines|landmines|munitions)\b",
    ),
    (
        "stockpile",
        r"\b(?:had|has|have|holds?|held|possess\w*|stockpil\w*|store[sd]?|kept|keeps|inherited|"
        r"at (?:its|their) disposal|arsenal of|stock of|inventory of)\b"
        + _w(50)
        # (a year is no quantity: "have used cluster munitions since 2022, ... the Cluster")
        + r"(?<!since )(?<!\bin )(?<!\bby )(?<!from )(?<!until )\b(?:"
        + QUALIFIER
        + r"\s+)?"
        + NUMBER
        # (a duration is no quantity: "destroy stockpiled munitions within eight years")
        + r"\b(?!\s*(?:years?|months?|days?|weeks?|per ?cent|percent|%))"
        + _w(30)
        + r"\b(?:anti-personnel |anti-tank |land|stockpiled )?(?:mines|landmines|munitions|cluster)",
    ),
    (
        "stockpile",
        r"\b(?:" + QUALIFIER + r"\s+)?" + NUMBER + r"\s+stockpiled\s+(?:mines|landmines|munitions)",
    ),
    (
        "border_length",
        r"(?P<num>" + NUMBER + r")[\s-]*(?:km|kilomet(?:er|re)s?|-kilomet(?:er|re))(?:[\s-]long)?"
        r"\s+(?:\(\d[\d,.]*[\s-](?:miles?|mi)\)\s+)?(?:land\s+|long\s+|shared\s+)?(?:border|frontier|with)",
    ),
    (
        "border_length",
        r"\b(?:border|frontier)\b" + _w(60) + r"\b(?:at|of|is|spans|stretches|runs|measures)\s+"
        r"(?:some\s+|about\s+|roughly\s+|nearly\s+|almost\s+|more than\s+|just over\s+)?(?P<num>"
        + NUMBER
        + r")\s*(?:km|kilomet(?:er|re)s?)\b",
    ),
    (
        "spending_target",
        r"(?P<num>\d+(?:\.\d+)?|one|two|three|four|five|six)\s*(?:%|per ?cent|percent)\s+of\s+"
        r"(?:[\w'’]+\s+){0,3}?(?:GDP|gross domestic product|economic output)",
    ),
]

TRIGGERS: list[tuple[str, re.Pattern[str]]] = [(k, re.compile(p, re.I)) for k, p in _SPECS]
#: Per pattern, the words it cannot match without (see ``screen.required_all``): a sentence
#: lacking a word of one of its sets is not scanned by that pattern. For lower-cased text
#: with its white space made single spaces (``screen.spaced``).
SCREENS: list[Screen] = [required_all(rx, spaces=True) for _, rx in TRIGGERS]
#: The same patterns, each ready to run over lower-cased text (see ``Folded``).
FOLDED: list[tuple[str, Folded]] = [(kind, Folded(rx)) for kind, rx in TRIGGERS]

PRIORITY = {
    "parliament_vote": 0,
    "law_signed": 0,
    "border_length": 0,
    "spending_target": 0,
    "deposit": 1,
    "join_effective": 2,
    "status": 1,
    "effective": 2,
    "stockpile": 2,
    "transfer_plan": 2,
    "signature": 3,
    "production_plan": 3,
    "intent": 4,
    "repeat": 5,
}
