"""Stage: intentions and states of affairs read from a sentence's dependency parse.

The trigger patterns (``triggers.py``) find claims by their words in a window. Many
intentions are told in forms no window catches: "the defence ministers of Estonia, Latvia,
Lithuania and Poland announced their intention to withdraw", "Burkina Faso, Mali and Niger
declared that they are withdrawing", "Sweden launched its bid to join NATO", "Washington's
intention to withdraw". Here such a sentence is parsed and the intention is read from the
tree:

- an **event word** (withdraw, leave, exit, join, accede, ratify, suspend, or their nouns)
  depends on a **word of intending** (announce, declare, decide, intend, plan, bid, apply,
  urge, recommend, decree ...), directly or through a noun ("announced their intention to
  withdraw") or a saying ("declared that they are withdrawing");
- the **states** are the intending's own: its possessor ("Washington's intention"), or the
  states in the subject of the verb that carries it ("the defence ministers of Estonia,
  Latvia ... announced"; "issued a statement urging ..."), never an object's ("welcomed
  Finland's decision" is Finland's, not the welcomer's);
- the intention is **asserted**: not negated, not in a conditional clause, not presupposed
  (a decision named as the subject of another verb: "their decision could jeopardise ...").

States of affairs the same way: a predicate noun ("Hungary is a founding member of the
ICC", "32 countries, including Russia, ... are not members"), an apposition or an "as"
phrase ("Hungary, a founding member of the ICC, ..."; "As a State Party to the Mine Ban
Treaty, Belarus ..."), and a consent verb negated ("the U.S. Senate never ratified",
"About three dozen countries have not joined it, including ... Russia", "neither the
United States nor China ever did", "have yet to accede").

Only sentences with the words of a reading and a state are parsed. The claims join those of the
trigger patterns; a state the patterns already read as intending the same step in the same
sentence is not read twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from treatywatch.reading.gazetteer import Mention
from treatywatch.reading.parse import parse


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Event words and the step they name.
_EVENTS: dict[str, str] = {}
for _action, _forms in (
    (
        "withdrawal",
        "withdraw withdraws withdrew withdrawn withdrawing withdrawal withdrawals leave leaving "
        "exit exits exiting quit quitting denounce denouncing denunciation",
    ),
    ("accession", "join joining accede acceding accession membership"),
    ("ratification", "ratify ratifying ratification"),
    ("suspension", "suspend suspending suspension"),
):
    for _form in _forms.split():
        _EVENTS[_form] = _action

#: Words of intending: verbs and nouns that make the event a plan, decision or request.
_INTENDING = _words(
    """announce announced announces announcing announcement declare declared declares
    declaring declaration decide decided decides deciding decision decisions intend intends
    intended intending intention intentions intent plan plans planned planning want wants
    wanted seek seeks sought seeking bid bids apply applies applied applying application
    urge urged urges urging recommend recommended recommends recommending recommendation
    propose proposed proposes proposing proposal commit commits committed commitment pledge
    pledged pledges vow vowed vows move initiative decree ordered orders threaten threatened
    threatens prepare prepares prepared preparing launch launched launches launching"""
)
#: Verbs that carry an intention made in a noun ("issued a statement urging", "signed a
#: decree to withdraw", "launched its bid to join", "made the decision to leave").
_CARRIERS = _words(
    """issue issued issues issuing sign signed signs signing publish published make made
    makes making take took taken takes launch launched launches submit submitted adopt
    adopted approve approved said say says announce announced confirm confirmed reaffirmed
    send sent present presented unveil unveiled has have had introduced tabled told stated"""
)
#: Nouns through which an intention travels to its carrier: "a joint statement urging ...".
_VEHICLES = _words(
    """statement statements declaration letter resolution bill bills draft proposal plan plans
    decree decision decisions bid intention intentions initiative move order note"""
)
#: Verbs that report an intention as news when its noun is their object.
_ANNOUNCING = _words(
    """announce announced announces announcing make made makes take took taken confirm
    confirmed confirms reaffirmed adopt adopted approve approved submit submitted present
    presented unveil unveiled declared declare"""
)
#: A parliament or its members: their "decision" is a vote (the trigger patterns' kind).
_LEGISLATURE = re.compile(
    r"\b(?:parliament|seimas|saeima|sejm|riigikogu|eduskunta|duma|senate|congress|"
    r"assembly|lawmakers|legislators|deputies|mps|chamber|house|federation council)\b",
    re.I,
)
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj"})
_UP = frozenset({"xcomp", "ccomp", "acl", "acl:relcl", "obj", "nmod", "obl", "advcl", "conj"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_CONDITIONAL = frozenset({"if", "unless", "whether"})
_WORD = re.compile(r"[a-z]+")


@dataclass
class Intention:
    """One intention read from the parse: its step, its states, and where its words are."""

    action: str
    states: list[str]
    cue: tuple[int, int]  # the word of intending (offsets in the sentence)
    event: tuple[int, int]  # the event word
    treaty_span: tuple[int, int] | None  # a treaty named in the event's phrase
    # The words a date of the intention may hang on: the event, the intending, and the
    # verbs up to the one whose subject intends (token indices in the parse).
    holds: tuple[int, ...] = ()


def worth_parsing(low: str, states: Sequence[Mention]) -> bool:
    """Whether a (lower-cased) sentence could hold an intention this stage reads: a word of
    each kind, and a state named."""
    if not states:
        return False
    words = set(_WORD.findall(low))
    if not any(w in _EVENTS for w in words):
        return False
    return (
        (bool(words & _INTENDING) and _NEAR.search(low) is not None)
        # a saying only with a step to come after it; a proposal only with its bill
        or (bool(words & _SAYING) and _SAID_COMING.search(low) is not None)
        or (bool(words & _PROPOSING) and bool(words & {"bill", "draft", "proposal"}))
    )


#: A word of intending with a step after it within a few words (the parse links them
#: within four steps: "announced their intention to withdraw").
_NEAR = re.compile(
    r"\b(?:"
    + "|".join(sorted(_INTENDING, key=len, reverse=True))
    + r")\b[^.;]{0,70}?\b(?:"
    + "|".join(sorted(_EVENTS, key=len, reverse=True))
    + r")\b"
)
#: "said it would withdraw", "said that Russia was suspending": a saying and a step to come.
_SAID_COMING = re.compile(
    r"\b(?:said|says|told|stated|declared)\b[^.;]{0,80}?\b(?:would|will|was|is|were|are)\s+"
    r"(?:\w+\s+)?(?:withdraw|leav|quit|join|suspend|ratif|exit|accede|denounc)"
)


def _span(tok: Any) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)


def _subtree_span(tok: Any) -> tuple[int, int]:
    toks = list(tok.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _states_in(span: tuple[int, int], states: Sequence[Mention]) -> list[str]:
    a, b = span
    return [c for m in states if a <= m.start and m.end <= b for c in m.codes]


#: Clauses inside a noun phrase: their states are not the phrase's ("The four NATO members,
#: which all border Russia or its ally Belarus, announced ...").
_INNER_CLAUSES = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "parataxis"})


def _phrase_states(tok: Any, states: Sequence[Mention]) -> list[str]:
    """The states named in a phrase, leaving out those in clauses inside it."""
    inner = [c for t in tok.subtree for c in t.children if c.dep_ in _INNER_CLAUSES]
    skip = [_subtree_span(c) for c in inner]
    # a relative pronoun opens a clause even where the parse missed it ("members, which
    # all border Russia")
    end = _subtree_span(tok)[1]
    skip += [(t.idx, end) for t in tok.subtree if t.lower_ in ("which", "who", "whose", "that")]
    # a state under a preposition inside the phrase is no actor ("Lithuania, at war with
    # Russia in all but name, announced"), unless it joins one ("along with", "alongside")
    skip += [_subtree_span(t) for t in tok.subtree if t.i != tok.i and _governed(t)]
    return [
        code
        for m in states
        if _subtree_span(tok)[0] <= m.start
        and m.end <= _subtree_span(tok)[1]
        and not any(a <= m.start < b for a, b in skip)
        for code in m.codes
    ]


#: Words before "with" that make its object a co-actor ("along with", "together with").
_WITH_ACTOR = frozenset({"along", "together", "jointly"})


def _governed(tok: Any) -> bool:
    """Whether a phrase hangs on a preposition other than "of" or one that joins a co-actor."""
    for c in tok.children:
        if c.dep_ != "case":
            continue
        if c.lower_ in ("of", "alongside", "including", "like", "as"):
            return False
        before = c.doc[c.i - 1].lower_ if c.i > 0 else ""
        return not (c.lower_ == "with" and before in _WITH_ACTOR)
    return False


def _text(tok: Any) -> str:
    """The words of a token's phrase."""
    return " ".join(t.text for t in tok.subtree)


def _negated(tok: Any) -> bool:
    """Whether a verb or noun is negated: a negation among its dependents, or just before it
    among its auxiliaries ("hasn't been ratified", "has never been signed")."""
    if any(c.lower_ in _NEGATIONS and c.dep_ in ("neg", "advmod", "det") for c in tok.children):
        return True
    doc = tok.doc
    for t in doc[max(0, tok.i - 4) : tok.i]:
        if t.lower_ in _NEGATIONS or t.lower_.endswith("n't") or t.lower_.endswith("n’t"):
            return True
    return False


def _conditional(tok: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in tok.children)


#: Verbs of saying: a step said to be coming ("said it would withdraw", "said that Russia
#: was suspending its participation") is an intention; one said to be done is not.
_SAYING = _words("said says told stated declared")
_COMING = _words("would will 'll wo going")


def _said_to_come(event: Any) -> bool:
    """Whether an event verb in a saying's complement is to come or under way: "would
    withdraw", "will leave", "was suspending", "is withdrawing"."""
    if not event.tag_.startswith("VB"):
        return False
    aux = [c for c in event.children if c.dep_ in ("aux", "aux:pass")]
    return any(a.lower_ in _COMING for a in aux) or (
        event.tag_ == "VBG" and any(a.lower_ in _COPULAS for a in aux)
    )


def _governor(event: Any) -> Any | None:
    """The word of intending the event depends on, within four steps up the tree, through
    nothing but event words and vehicles ("announced a law to revoke the ratification" is
    not an intention to ratify); or a verb of saying whose complement the event is, when
    the event is to come."""
    tok = event
    for _ in range(4):
        if tok.dep_ not in _UP or tok.head.i == tok.i:
            return None
        dep = tok.dep_
        tok = tok.head
        if tok.lower_ in _INTENDING:
            return tok
        if tok.lower_ in _SAYING and dep == "ccomp" and _said_to_come(event):
            return tok
        if _vehicle(tok) and tok.dep_ == "obj" and tok.head.lower_ in _PROPOSING:
            return tok  # "submitted a draft law on the denunciation of the CFE Treaty"
        if tok.lower_ not in _EVENTS and not _vehicle(tok):
            return None
    return None


#: Verbs that put a bill or proposal before others: the bill is the intention.
_PROPOSING = _words("submitted submits sent sends introduced introduces tabled tables presented")


def _vehicle(tok: Any) -> bool:
    """A noun that carries an intention ("a statement urging", "a bill on", "a draft law
    on the denunciation"); a law itself is enacted, not intended."""
    if tok.lower_ in _VEHICLES:
        return True
    return tok.lower_ in ("law", "laws") and any(c.lower_ == "draft" for c in tok.children)


#: Verbs that ask another to act: the one asked is the one to act ("urges all states not
#: party to accede"), unless it is the asker's own ("urging their countries to withdraw").
_ASKING = _words(
    "urge urged urges urging recommend recommended recommends recommending ask asked asks "
    "asking call called calls calling encourage encouraged encourages encouraging"
)
_OWN = _words("their its our his her")


def _actor_states(gov: Any, states: Sequence[Mention]) -> list[str]:
    """The states whose intention it is: the possessor of the intending noun, else the
    states in the subject of the verb that carries it; for a verb of asking, the states
    asked."""
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in gov.children):
        return []  # "it was intended by its ratifiers to ...": not a state's intention
    if gov.lower_ in _ASKING:
        asked = [c for c in gov.children if c.dep_ in ("obj", "iobj")]
        if asked and not any(t.lower_ in _OWN for t in asked[0].subtree):
            return _phrase_states(asked[0], states)
    poss = [c for c in gov.children if c.dep_ == "nmod:poss"]
    if poss:
        # "announced Washington's intention to withdraw" is news; "condemn Russia's
        # decision to withdraw", "Lithuania's decision ... struck a blow" presuppose it
        carrier = gov.head
        if gov.dep_ != "obj" or carrier.lower_ not in _ANNOUNCING:
            return []
        return _phrase_states(poss[0], states)
    tok = gov
    for _ in range(4):
        if _negated(tok) or _conditional(tok):
            return []
        if tok.tag_.startswith("VB"):
            subjects = [c for c in tok.children if c.dep_ in _SUBJECTS]
            if subjects:
                if tok.lower_ not in _INTENDING and tok.lower_ not in _CARRIERS:
                    return []  # "criticised the decision to withdraw": not the critic's
                if _LEGISLATURE.search(_text(subjects[0])):
                    return []  # a parliament's decision is its vote, read by the patterns
                return _phrase_states(subjects[0], states)
            agents = [c for c in tok.children if c.dep_ in ("obl:agent",)]
            if agents:
                return _phrase_states(agents[0], states)
            if tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.i != tok.i:
                tok = tok.head  # "After announcing its intention to withdraw, Burundi ..."
                continue
            return []
        # a noun: only a vehicle of intention passes it on, and only as an object or
        # modifier of its carrier ("issued a statement urging"), never as a subject
        # ("their decision could jeopardise ...": presupposed)
        if tok.dep_ in _SUBJECTS or not (_vehicle(tok) or tok.lower_ in _INTENDING):
            return []
        if tok.dep_ not in ("obj", "obl", "nmod", "appos", "conj") or tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def intentions(sentence: str, states: Sequence[Mention]) -> list[Intention]:
    """The intentions the parse of ``sentence`` shows, each with its states."""
    doc = parse(sentence)
    if doc is None:
        return []
    found: list[Intention] = []
    for tok in doc:
        action = _EVENTS.get(tok.lower_)
        if action is None or _negated(tok):
            continue
        gov = _governor(tok)
        if gov is None or _negated(gov):
            continue
        codes = list(dict.fromkeys(_actor_states(gov, states)))
        if not codes:
            continue
        objects = [c for c in tok.children if c.dep_ in ("obj", "obl", "nmod")]
        treaty_span = _subtree_span(objects[0]) if objects else None
        holds = [tok.i, gov.i]
        up = gov
        while up.dep_ in ("obj", "xcomp", "acl", "advcl", "conj") and len(holds) < 6:
            up = up.head
            holds.append(up.i)
        found.append(Intention(action, codes, _span(gov), _span(tok), treaty_span, tuple(holds)))
    return found


#: Relations by which a date's words hang on what they date ("In March, ... issued a
#: statement": obl; "on March 18, 2025": nmod of the date's head).
_DATING = frozenset({"obl", "obl:tmod", "nmod", "nmod:tmod", "nmod:unmarked", "obl:npmod"})


def dated_by(sentence: str, span: tuple[int, int], holds: Sequence[int]) -> bool:
    """Whether the date in ``span`` hangs on one of the words ``holds`` in the parse,
    directly or through the phrase that carries it ("In a statement published on March 18,
    the ministers announced": the statement's day is the announcement's)."""
    doc = parse(sentence)
    if doc is None or not holds:
        return False
    toks = [t for t in doc if t.idx < span[1] and t.idx + len(t.text) > span[0]]
    if not toks:
        return False
    inside = {t.i for t in toks}
    tok = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
    for _ in range(4):
        if (
            tok.dep_.split(":")[0] not in ("obl", "nmod", "acl", "appos")
            and tok.dep_ not in _DATING
        ):
            return False
        tok = tok.head
        if tok.i in holds:
            return True
    return False


#: Nouns of membership, as a predicate ("is a member of"), in apposition or after "as".
_MEMBERSHIP = _words("member members party parties signatory signatories part")
#: Consent verbs whose negation says a state is not a party ("never ratified").
_CONSENTING = _words(
    "sign signed signing ratify ratified ratifying join joined joining accede acceded acceding"
)
_COPULAS = _words("is are was were be been being")
#: Pro-verbs standing for the sentence's earlier consent verb ("neither X nor Y ever did").
_PRO_VERBS = _words("did do does have has had")


@dataclass
class Standing:
    """One state of affairs read from the parse: party, not_party or never_party."""

    action: str
    states: list[str]
    cue: tuple[int, int]
    treaty_span: tuple[int, int] | None


#: A membership noun with its treaty: "a member of", "party to", "a NATO member".
_MEMBER_OF = re.compile(
    r"\b(?:members?|part(?:y|ies)|signator(?:y|ies)|part)\s+(?:of|to|in)\b"
    r"|\b(?:nato|eu|alliance|founding)\s+members?\b"
)


def worth_parsing_status(low: str, states: Sequence[Mention], treaties: Sequence[Mention]) -> bool:
    """Whether a (lower-cased) sentence could state who is or is not a party: a state, a
    treaty (or "the convention"), and the words of membership or of a consent denied."""
    if not states or not treaties:
        return False
    words = set(_WORD.findall(low))
    if (
        words & _MEMBERSHIP
        and (words & (_COPULAS | {"as"}) or "," in low)
        and _MEMBER_OF.search(low) is not None
    ):
        return True
    return bool(words & _CONSENTING) and bool(words & {"not", "never", "yet", "neither", "t"})


def _negation(tok: Any) -> str | None:
    """'never', 'not' or None: how a predicate is negated ("have yet to accede": not)."""
    for c in tok.children:
        if c.lower_ == "never":
            return "never"
        if c.lower_ in ("not", "n't", "no") and c.dep_ in ("advmod", "det", "neg"):
            return "not"

    head = tok.head
    if tok.dep_ == "xcomp" and any(c.lower_ == "yet" for c in head.children):
        return "not"
    return None


def _neither(tok: Any) -> bool:
    """A subject of the form "neither X nor Y"."""
    return any(t.lower_ == "neither" for t in tok.subtree)


def _object_span(tok: Any) -> tuple[int, int] | None:
    for c in tok.children:
        if c.dep_ in ("nmod", "obj", "obl", "compound"):
            return _subtree_span(c)
    return None


def _including(tok: Any, states: Sequence[Mention]) -> list[str]:
    """States listed after "including" that hang on a verb ("have not joined it, including
    the United States, China ...")."""
    found: list[str] = []
    for c in tok.children:
        first = next(iter(c.subtree))
        if first.lower_ == "including" and c.dep_ in ("obl", "advcl", "nmod"):
            found += _states_in(_subtree_span(c), states)
    return found


#: Words that make a state of affairs something to come or a change just made ("will be a
#: member", "is now a member", "is officially a member": events, read by the patterns).
_NOT_A_STATE = _words("will would could might may shall should now officially formally finally")


def _unsettled(tok: Any) -> bool:
    """Whether a predicate is future, hypothetical or a change just made ("is no longer a
    member" reports the exit: an event)."""
    return any(
        (c.lower_ in _NOT_A_STATE and c.dep_ in ("aux", "advmod"))
        or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))
        for c in tok.children
    )


def _for_another(verb: Any, states: Sequence[Mention]) -> bool:
    """A consent to another state's membership ("not yet ratified Sweden's membership")."""
    return any(
        c.dep_ == "obj"
        and any(g.dep_ == "nmod:poss" and _states_in(_span(g), states) for g in c.children)
        for c in verb.children
    )


def standings(
    sentence: str, states: Sequence[Mention], treaties: Sequence[Mention]
) -> list[Standing]:
    """The states of affairs the parse of ``sentence`` shows, each with its states. A
    membership noun counts only with a treaty in its phrase ("a member of the ICC", "a
    NATO member"; not "is part of our own security")."""
    doc = parse(sentence)
    if doc is None:
        return []
    found: list[Standing] = []
    consent_seen: Any = None
    for tok in doc:
        low = tok.lower_
        if low in _MEMBERSHIP and tok.tag_.startswith("NN"):
            if any(c.lower_ in ("former", "ex") for c in tok.children) or _unsettled(tok):
                continue
            negated = _negation(tok) is not None or tok.text.lower().startswith("non")
            if low.startswith("signator") and not negated:
                continue  # a signatory is not a party
            if not any(
                tok.left_edge.idx <= t.start < tok.right_edge.idx + len(tok.right_edge.text)
                for t in treaties
            ):
                continue
            action = "not_party" if negated else "party"
            subject = [c for c in tok.children if c.dep_ in _SUBJECTS]
            if subject and any(c.dep_ == "cop" for c in tok.children):
                codes = _phrase_states(subject[0], states)
            elif tok.dep_ == "appos" and _states_in(_span(tok.head), states):
                codes = _states_in(_span(tok.head), states)  # "Hungary, a founding member"
            elif tok.dep_ in ("obl", "advcl") and any(c.lower_ == "as" for c in tok.children):
                heads = [c for c in tok.head.children if c.dep_ in _SUBJECTS]
                codes = _phrase_states(heads[0], states) if heads else []
                if negated:
                    continue
            else:
                continue
            if codes:
                found.append(Standing(action, codes, _span(tok), _object_span(tok)))
            continue
        if low in _CONSENTING and tok.tag_.startswith("VB"):
            consent_seen = tok
            how = _negation(tok)
            subject_of = tok.head if tok.dep_ == "xcomp" else tok
        elif low in _PRO_VERBS and consent_seen is not None and tok.i > consent_seen.i:
            subjects = [c for c in tok.children if c.dep_ in _SUBJECTS]
            how = "not" if subjects and _neither(subjects[0]) else _negation(tok)
            subject_of = tok
        else:
            continue
        if how is None or _unsettled(tok) or _unsettled(subject_of) or _for_another(tok, states):
            continue
        subjects = [c for c in subject_of.children if c.dep_ in ("nsubj",)]
        agents = [
            c
            for c in tok.children
            if c.dep_ == "obl:agent" and not any(t.lower_ == "any" for t in c.subtree)
        ]
        codes = []
        for phrase in subjects[:1] + agents[:1]:
            codes += _phrase_states(phrase, states)
        codes += _including(tok, states)
        if not codes:
            continue
        verb = consent_seen.lower_ if consent_seen is not None else low
        never = how == "never" and verb.startswith(("sign", "join"))
        found.append(
            Standing(
                "never_party" if never else "not_party",
                list(dict.fromkeys(codes)),
                _span(tok),
                _object_span(consent_seen) if consent_seen is not None else None,
            )
        )
    return found


# --- votes ------------------------------------------------------------------------------

#: Verbs by which a chamber acts on a treaty or its bill.
_VOTING = _words(
    """voted votes vote approved approves approve passed passes adopted adopts backed backs
    supported supports endorsed endorses ratified ratifies concurred concurs decided decides
    repealed repeals"""
)
#: Words that make a phrase a chamber of a parliament (or its members).
_CHAMBER = re.compile(
    r"\b(?:parliament|parliamentarians|seimas|saeima|sejm|riigikogu|eduskunta|duma|senate|"
    r"congress|national assembly|house of representatives|lower house|upper house|"
    r"legislature|legislative body|lawmakers|legislators|deputies|mps|senators|"
    r"federation council|council of the russian federation|verkhovna rada|rada|bundestag|"
    r"storting|riksdag|knesset|majlis)\b",
    re.I,
)
#: Step words in what a chamber voted for ("voted to withdraw", "the bill denouncing").
_STEPS = {
    **_EVENTS,
    **dict.fromkeys(
        ["denounced", "denouncing", "denunciation", "repeal", "repealed"], "withdrawal"
    ),
    **dict.fromkeys(["ratifying", "ratified"], "ratification"),
    **dict.fromkeys(["waiver"], "withdrawal"),
}


@dataclass
class Vote:
    """A chamber's vote read from the parse: the step, the chamber's words, the state the
    chamber belongs to (when its phrase names it), and the date's words if one hangs on
    that chamber or its verb."""

    action: str
    chamber: tuple[int, int]
    states: list[str]
    cue: tuple[int, int]
    date: tuple[int, int] | None
    holds: tuple[int, ...]


def worth_parsing_vote(low: str) -> bool:
    """Whether a (lower-cased) sentence could tell a chamber's vote on a treaty: a voting
    verb, a chamber, and a step named."""
    words = set(_WORD.findall(low))
    return (
        bool(words & _VOTING)
        and any(w in _STEPS for w in words)
        and _CHAMBER.search(low) is not None
    )


def _step_in(tok: Any, skip: Sequence[tuple[int, int]]) -> str | None:
    """The step named in a verb's phrase (its own word first), leaving out the actors'."""
    if tok.lower_ in ("ratified", "ratifies", "ratify"):
        own: str | None = "ratification"
    else:
        own = None
    for t in tok.subtree:
        if any(a <= t.idx < b for a, b in skip):
            continue
        action = _STEPS.get(t.lower_)
        if action is not None and t.i != tok.i:
            # "repeal the law ratifying the Rome Statute": the repeal is the step
            if action == "ratification" and any(
                _STEPS.get(h.lower_) == "withdrawal" for h in t.ancestors if h.i != tok.i
            ):
                return "withdrawal"
            return action
    return own


def _own_words(tok: Any) -> str:
    """A phrase's words without the clauses and conjuncts hanging on it."""
    skip = {c.i for c in tok.children if c.dep_ in _INNER_CLAUSES | {"conj", "nmod", "cc"}}
    drop: set[int] = set()
    for c in tok.children:
        if c.i in skip:
            drop.update(t.i for t in c.subtree)
    return " ".join(t.text for t in tok.subtree if t.i not in drop)


def _dates_on(tok: Any) -> list[tuple[int, int]]:
    """The date-like phrases hanging on a word ("on May 16", "last Thursday")."""
    out = []
    for c in tok.children:
        if c.dep_.split(":")[0] in ("obl", "nmod") and any(
            t.like_num or t.text[:3].lower() in _MONTHS_DAYS for t in c.subtree
        ):
            out.append(_subtree_span(c))
    return out


_MONTHS_DAYS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "las",
    ]
)


def votes(sentence: str, states: Sequence[Mention]) -> list[Vote]:
    """The chambers' votes the parse of ``sentence`` shows: a chamber as the subject of a
    voting verb, or as the agent of a passive one ("approved by the State Duma on October 18,
    and by the Federation Council on October 25": two votes, each with its date)."""
    doc = parse(sentence)
    if doc is None:
        return []
    found: list[Vote] = []
    for tok in doc:
        if tok.lower_ not in _VOTING or not tok.tag_.startswith("VB"):
            continue
        if _negated(tok) or _unsettled(tok) or _conditional(tok):
            continue
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children)
        # (a passive's subject is what was voted on: "the decision of the parliament was
        # approved by the head of state")
        actors = [] if passive else [c for c in tok.children if c.dep_ in ("nsubj",)]
        # the agents of a passive, wherever the parse hung the second "by ..." phrase
        agents = [
            t
            for t in tok.subtree
            if t.i != tok.i and any(c.dep_ == "case" and c.lower_ == "by" for c in t.children)
        ]
        chambers = [p for p in actors + agents if _CHAMBER.search(_own_words(p))]
        if not chambers:
            continue
        action = _step_in(tok, [_subtree_span(p) for p in chambers]) or next(
            (_STEPS[h.lower_] for h in list(tok.ancestors)[:2] if h.lower_ in _STEPS), None
        )
        if action is None:
            continue
        verb_dates = _dates_on(tok)
        starts = sorted(p.left_edge.idx for p in chambers)
        for phrase in chambers:
            own = _dates_on(phrase)
            if not own and len(chambers) > 1:
                # "by the State Duma on May 16 and by the Federation Council on May 24": the
                # words after each chamber, up to the next
                later = [x for x in starts if x > phrase.idx]
                own = [(_span(phrase)[1], later[0] if later else len(sentence))]
            spans_of_date = own or (verb_dates if len(chambers) == 1 else [])
            date = spans_of_date[0] if spans_of_date else None
            found.append(
                Vote(
                    action,
                    _span(phrase),
                    _phrase_states(phrase, states),
                    _span(tok),
                    date,
                    (tok.i, phrase.i),
                )
            )
    return found


# --- signatures and instruments -----------------------------------------------------------

#: Verbs of a state's own consent, and the claim each makes.
_CONSENT_VERBS = {
    **dict.fromkeys(["signed", "signs"], ("signature", "signature")),
    **dict.fromkeys(["ratified", "ratifies"], ("deposit", "ratification")),
    **dict.fromkeys(["acceded", "accedes"], ("deposit", "accession")),
}
#: What a state signs that is no treaty: a law, a decree (the patterns read those).
_NOT_A_TREATY = _words(
    "law laws decree decrees bill bills order orders resolution memorandum letter deal contract "
    "directive directives document documents it them this that"
)
_TREATY_WORDS = _words("treaty convention pact accord agreement protocol statute ban")


@dataclass
class Consent:
    """A signature or instrument read from the parse, with its states and date words."""

    kind: str
    action: str
    states: list[str]
    cue: tuple[int, int]
    treaty_span: tuple[int, int] | None
    holds: tuple[int, ...]


def worth_parsing_consent(low: str, states: Sequence[Mention], treaties: Sequence[Mention]) -> bool:
    """Whether a (lower-cased) sentence could tell a state's signature or instrument: a
    state, a treaty named (or "the treaty"), and a verb of consent."""
    return bool(states and treaties) and any(w in _CONSENT_VERBS for w in _WORD.findall(low))


def _antecedent(subject: Any) -> Any:
    """The noun a relative pronoun stands for ("the U.S., which signed but never ratified")."""
    if subject.lower_ in ("which", "who", "that"):
        clause = subject.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        head = clause.head
        # the noun right before the pronoun ("Samoa, which"): a parse that hangs the clause
        # on a farther noun is not trusted
        if clause.dep_ in ("acl:relcl", "acl") and head.i != clause.i and subject.i - head.i <= 2:
            return head
    return subject


def consents(sentence: str, states: Sequence[Mention]) -> list[Consent]:
    """The signatures and instruments the parse of ``sentence`` shows: a state (or its
    leader) as the subject of "signed"/"ratified"/"acceded", the subject a coordinated or
    relative clause shares ("Russia signed and ratified it"; "the United States, which
    signed but never ratified"), a passive's agent ("signed by former US President Ronald
    Reagan"), or "on behalf of" a state."""
    doc = parse(sentence)
    if doc is None:
        return []
    found: list[Consent] = []
    for tok in doc:
        kind_action = _CONSENT_VERBS.get(tok.lower_)
        if kind_action is None or not tok.tag_.startswith("VB"):
            continue
        if _negated(tok) or _unsettled(tok) or _conditional(tok):
            continue
        following = doc[tok.i + 1 : tok.i + 3].text.lower()
        if following.startswith("into law") or following.startswith("a law"):
            continue  # "signed into law Russia's de-ratification": a law, not the treaty
        objects = [c for c in tok.children if c.dep_ == "obj"]
        if tok.dep_ == "acl":  # "a directive signed by President Putin": what was signed
            objects = [tok.head]
        if objects and (
            objects[0].lower_ in _NOT_A_TREATY
            or (objects[0].lower_ not in _TREATY_WORDS and not _is_treaty(objects[0]))
        ):
            continue  # "signed a decree", "signed the law": not the treaty
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        verb = tok
        while not subjects and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head  # "signed and ratified", "signed but never ratified"
            if _negated(verb) and verb.i != tok.i:
                break
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        phrases = [_antecedent(s) for s in subjects[:1]]
        # the verb's own "by ..." or "on behalf of ..." phrases, not a conjoined verb's ("was
        # signed at the summit, but was ratified only by Russia")
        agents = [
            c
            for c in tok.children
            if any(g.dep_ == "case" and g.lower_ in ("by", "behalf") for g in c.children)
            or c.lower_ == "behalf"
        ]
        for a in list(agents):
            agents += [c for c in a.children if c.dep_ in ("conj", "nmod")]
        phrases += agents
        codes: list[str] = []
        for phrase in phrases:
            if _CHAMBER.search(_own_words(phrase)):
                continue  # a chamber's ratification is its vote
            codes += _phrase_states(phrase, states)
        if not codes:
            continue
        passive = [c for c in tok.children if c.dep_ == "nsubj:pass"]
        target = objects[:1] or passive[:1]
        found.append(
            Consent(
                kind_action[0],
                kind_action[1],
                list(dict.fromkeys(codes)),
                _span(tok),
                _subtree_span(target[0]) if target else None,
                (tok.i, verb.i),
            )
        )
    return found


def _is_treaty(tok: Any) -> bool:
    """Whether a noun phrase is a treaty: its head a treaty word ("the Comprehensive
    Nuclear-Test-Ban Treaty") or an acronym ("the TPNW"), or a name whose words end in one
    ("the Ottawa Convention"); not "Russia's de-ratification of the CTBT", which only
    contains one."""
    if tok.lower_ in _TREATY_WORDS or tok.text.isupper():
        return True
    flat = [c for c in tok.children if c.dep_ in ("compound", "flat", "amod")]
    return tok.text[:1].isupper() and any(c.lower_ in _TREATY_WORDS for c in flat)


def worth_parsing_any(low: str, states: Sequence[Mention], treaties: Sequence[Mention]) -> bool:
    """Whether any reader of this stage will parse the sentence."""
    return (
        worth_parsing(low, states)
        or worth_parsing_status(low, states, treaties)
        or worth_parsing_vote(low)
        or worth_parsing_consent(low, states, treaties)
        or worth_parsing_instrument(low, states)
    )


# --- instruments deposited -----------------------------------------------------------------

_INSTRUMENTS = _words(
    "instrument instruments notification notifications notice notices document documents "
    "papers paperwork letter"
)
_DEPOSITING = _words(
    "deposited deposits deposit depositing submitted submits handed hands delivered delivers "
    "presented presents lodged transmitted sent gave filed"
)
#: The step an instrument is of ("instrument of accession", "withdrawal documents").
_OF_STEP = {
    **dict.fromkeys(["accession"], "accession"),
    **dict.fromkeys(["ratification"], "ratification"),
    **dict.fromkeys(["withdrawal", "denunciation"], "withdrawal"),
    **dict.fromkeys(["acceptance", "approval"], "ratification"),
}


@dataclass
class Instrument:
    """An instrument deposited, read from the parse: its step, its states, its words."""

    action: str
    states: list[str]
    cue: tuple[int, int]
    holds: tuple[int, ...]


def worth_parsing_instrument(low: str, states: Sequence[Mention]) -> bool:
    """Whether a (lower-cased) sentence could tell an instrument deposited by a state."""
    words = set(_WORD.findall(low))
    return bool(states) and bool(words & _INSTRUMENTS) and bool(words & _DEPOSITING)


def instruments(sentence: str, states: Sequence[Mention]) -> list[Instrument]:
    """Instruments deposited: "Sweden's instrument of accession was deposited with the
    United States", "the three countries submitted their documents for withdrawal",
    "Finland presented the instrument of withdrawal on 10 July 2025"."""
    doc = parse(sentence)
    if doc is None:
        return []
    found: list[Instrument] = []
    for tok in doc:
        if tok.lower_ not in _INSTRUMENTS or tok.dep_ not in ("obj", "nsubj:pass"):
            continue
        verb = tok.head
        if verb.lower_ not in _DEPOSITING or not verb.tag_.startswith("VB"):
            continue
        if _negated(verb) or _unsettled(verb) or _conditional(verb):
            continue
        action = next(
            (_OF_STEP[t.lower_] for t in tok.subtree if t.lower_ in _OF_STEP and t.i != tok.i),
            None,
        )
        if action is None:
            continue
        poss = [c for c in tok.children if c.dep_ == "nmod:poss"]
        # ("Samoa, which deposited its instrument": the state the relative stands for)
        subjects = [_antecedent(c) for c in verb.children if c.dep_ == "nsubj"]
        agents = [c for c in verb.children if c.dep_ == "obl:agent"]
        codes: list[str] = []
        for phrase in poss[:1] + subjects[:1] + agents[:1]:
            if phrase.lower_ in ("their", "its") and subjects:
                continue
            codes += _phrase_states(phrase, states)
        if codes:
            found.append(
                Instrument(action, list(dict.fromkeys(codes)), _span(verb), (verb.i, tok.i))
            )
    return found
