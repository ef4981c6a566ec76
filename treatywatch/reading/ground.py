"""Stage: is a claim's reading grounded in its sentence's structure?

The claim finder works from surface patterns; before a claim may accuse a report of being
wrong, the sentence is parsed and the reading checked against the dependency tree:

- the **state** is an argument of the event (its subject, possessor, or a conjunct of
  one), or of a verb the event is the complement of ("Finland decided to withdraw"), never
  the object of a verb, nor a word in another clause ("..., months after Finland had
  notified");
- the event is **asserted**: not in a conditional clause, nor in a temporal one about what
  is to come ("when it becomes"), not under a modal verb or in the complement of a
  future, and negated exactly when the claim says so;
- when the verdict is about the **date**, the date modifies the event, not a neighbouring
  verb ("said on Monday that it had notified"); a detached date leaves the claim undated.

Each failure is a reason; a claim with reasons keeps a neutral verdict (``unverifiable``,
"reading uncertain: …"). Without a parser nothing can be grounded.
"""

from __future__ import annotations

from typing import Any

from treatywatch.reading.claims import Claim
from treatywatch.reading.parse import parse

#: Relations that open a clause of their own: an argument does not cross them.
_CLAUSAL = frozenset({"ROOT", "advcl", "ccomp", "csubj", "acl", "acl:relcl", "parataxis", "list"})
#: Subordinators that make a clause's event hypothetical, conditional or to come.
_CONDITIONAL = frozenset({"if", "unless", "whether", "so", "lest", "should"})
#: Temporal subordinators: the event is a fact ("Before joining the convention in 2011,
#: Helsinki had ...") unless the clause speaks of what is to come ("when it becomes").
_TEMPORAL = frozenset({"when", "once", "until", "before", "after", "as soon as"})
_HEDGES = frozenset({"could", "might", "may", "would", "should"})
_FUTURE = frozenset({"will", "shall", "'ll"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "expl"})
#: The reason given when the contested date modifies another verb than the event.
DATE_DETACHED = "the parse does not attach the date to the event"
#: Pronouns by which a speaker speaks of its own state.
_SELF = frozenset({"it", "they", "we"})


def _tokens(doc: Any, span: tuple[int, int]) -> list[Any]:
    start, end = span
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def _head_of(tokens: list[Any]) -> Any:
    """The token of a phrase whose head lies outside it (its syntactic head)."""
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]


def _predicate(tok: Any) -> Any:
    """The predicate a word belongs to: up through non-clausal relations to a verb or
    the head of a clause."""
    while tok.dep_ not in _CLAUSAL and tok.head.i != tok.i:
        if tok.tag_.startswith("VB") and tok.dep_ in ("conj", "xcomp"):
            return tok
        tok = tok.head
    return tok


def _shares_subject(pred: Any, other: Any) -> bool:
    """Whether ``other`` takes its subject from ``pred``: a conjoined verb or a complement
    without a subject of its own ("decided to withdraw", "signed and ratified")."""
    tok = other
    while tok.i != pred.i:
        if tok.dep_ not in ("conj", "xcomp") or _has_subject(tok):
            return False
        tok = tok.head
    return True


def _has_subject(verb: Any) -> bool:
    """Whether a verb has a subject of its own, also where the parse hung it on the verb's
    auxiliary ("but the law has yet to be promulgated")."""
    return any(
        c.dep_ in _SUBJECTS
        or (c.dep_ in ("aux", "aux:pass") and any(g.dep_ in _SUBJECTS for g in c.children))
        for c in verb.children
    )


def _within(tok: Any, pred: Any) -> bool:
    """Whether ``tok`` lies in ``pred``'s clause (no clause boundary between them)."""
    while tok.i != pred.i:
        if tok.dep_ in _CLAUSAL and tok.dep_ != "ROOT":
            return False
        if tok.head.i == tok.i or _own_clause(tok):
            return False
        tok = tok.head
    return True


def _own_clause(tok: Any) -> bool:
    """A coordinated verb that is a clause of its own: it has its own subject ("was
    signed, but it was ratified by ..."), or it is a bare participle after a verb of
    another form ("becomes a party, approved by the General Assembly in 2013": a reduced
    relative clause the parser joined to the verb)."""
    if tok.dep_ != "conj" or not tok.tag_.startswith("VB"):
        return False
    if any(c.dep_ in _SUBJECTS for c in tok.children):
        return True
    bare = not any(c.dep_ in ("aux", "aux:pass", "cop") for c in tok.children)
    return tok.tag_ == "VBN" and bare and tok.head.tag_ != "VBN"


def _to_come(pred: Any) -> bool:
    """Whether a subordinate clause speaks of the future: its verb in the present ("when it
    becomes") or a future or modal in the clause it depends on."""
    if pred.tag_ in ("VBZ", "VBP"):
        return True
    head = pred.head
    return any(c.dep_ == "aux" and c.lower_ in (_FUTURE | _HEDGES) for c in head.children)


#: The roles of a word that a verb acts upon: such a state is not the one acting.
_OBJECTS = frozenset({"obj", "iobj"})


def _role(tok: Any) -> str:
    """A word's relation to its verb, read through the list it stands in ("Estonia,
    Latvia and Lithuania notified": Latvia's role is Estonia's)."""
    while tok.dep_ in ("conj", "appos", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return str(tok.dep_)


#: Relations by which a word belongs to the noun phrase of its head: "the Lithuanian
#: parliament", "Lithuania's parliament", "the parliament of Lithuania", "Estonia and Latvia".
_IN_PHRASE = frozenset({"conj", "appos", "flat", "compound", "amod", "nmod", "det", "nummod"})


def _phrase_top(tok: Any) -> Any:
    """The head of the noun phrase a word stands in (relation subtypes included:
    ``nmod:poss``, ``nmod:desc``, ``compound:prt`` …)."""
    while tok.dep_.split(":")[0] in _IN_PHRASE and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _acts_as(state: Any, trigger: Any) -> bool:
    """Whether the state is an actor: in the phrase of a subject (or of a passive's "by"
    agent), or in the phrase of the event's own noun ("Lithuania's withdrawal"). A state
    named as a place, a time or a circumstance ("at midnight in Brussels", "in Kyiv") is
    not the one acting."""
    tok = state
    while True:
        if tok.i == trigger.i or tok.dep_ in _SUBJECTS:
            return True
        if tok.dep_ == "obl:agent" or (
            tok.dep_ == "obl" and any(c.dep_ == "case" and c.lower_ == "by" for c in tok.children)
        ):
            return True
        if tok.dep_.split(":")[0] not in _IN_PHRASE or tok.head.i == tok.i:
            return False
        tok = tok.head


def _not_the_subject(state: Any, pred: Any) -> bool:
    """A verb the parse gives several subjects that are not one list, the state's not the
    nearest: the parse is broken there ("among those that border Russia or Ukraine only
    Lithuania has signed"). A dateline's words before the subject ("UNITED NATIONS (AFP)
    - China signed") leave the nearest subject right."""
    subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) < 2:
        return False
    top = _phrase_top(state)
    nearest = min(subjects, key=lambda c: abs(c.i - pred.i))
    return top.dep_ in ("nsubj", "nsubj:pass") and top.head.i == pred.i and top.i != nearest.i


_CHAMBER_WORDS = frozenset(
    {
        *("parliament", "senate", "duma", "seimas", "saeima", "sejm", "riigikogu"),
        *("eduskunta", "assembly", "lawmakers", "legislators", "deputies", "mps", "house"),
        *("legislature", "rada", "majlis", "congress", "council", "chamber"),
    }
)


def _passive_by_other(pred: Any) -> bool:
    """ "the decision of the parliament was approved by the head of state": not a vote."""
    if not any(c.dep_ in ("aux:pass", "nsubj:pass") for c in pred.children):
        return False
    agents = [c for c in pred.children if c.dep_ == "obl:agent"]
    return bool(agents) and not any(t.lower_ in _CHAMBER_WORDS for a in agents for t in a.subtree)


def _committee(pred: Any) -> bool:
    """Whether the one voting is a committee ("the Seimas National Security and Defence
    Committee also approved"): a step before the chamber's own vote."""
    return any(
        c.dep_ in _SUBJECTS and any(t.lower_ in ("committee", "commission") for t in c.subtree)
        for c in pred.children
    )


def _disjunction(pred: Any) -> bool:
    """An event offered as one of alternatives ("have left, or are in the process of
    withdrawing"): which one happened is not asserted."""
    for tok in (pred, pred.head if pred.dep_ == "conj" else None):
        if tok is None:
            continue
        for c in tok.children:
            if c.dep_ == "conj" and any(g.dep_ == "cc" and g.lower_ == "or" for g in c.children):
                return True
    return pred.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in pred.children)


def _state_grounded(doc: Any, claim: Claim, trigger: Any) -> bool:
    span = claim.anchors.get("state")
    if span is None:
        return False
    tokens = _tokens(doc, span)
    if not tokens:
        return False
    state = _head_of(tokens)
    if _role(state) in _OBJECTS:
        return False  # "to admit Finland after Turkey deposited ...": an object acts not
    if not _acts_as(state, trigger):
        return False
    pred = _predicate(trigger)
    if _within(state, trigger) or _within(state, pred):
        return True
    # The state is the subject of a verb the event shares it with.
    governor = _predicate(state)
    if _shares_subject(governor, pred) or _shares_subject(governor, trigger):
        return True
    # "Hungary became the first EU member to leave the court": the infinitive modifies
    # the predicate noun of the state's verb, and leaving is the state's.
    noun = trigger.head if trigger.dep_ == "acl" else None
    if (
        noun is not None
        and noun.dep_ in ("obj", "xcomp", "attr", "ROOT")
        and any(c.dep_ == "mark" and c.lower_ == "to" for c in trigger.children)
        and any(c.i == state.i for c in noun.head.children if c.dep_ in _SUBJECTS)
    ):
        return True
    # A non-finite adverbial clause takes the main clause's subject ("Before joining the
    # convention in 2011, Helsinki had ..."; "..., becoming the 112th state party").
    if (
        pred.dep_ == "advcl"
        and pred.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in _SUBJECTS for c in pred.children)
        and any(c.i == state.i for c in pred.head.children if c.dep_ in _SUBJECTS)
    ):
        return True
    # Reported speech about itself: "Lithuania said (that) it had notified the UN".
    subject = [c for c in pred.children if c.dep_ in _SUBJECTS]
    return (
        pred.dep_ == "ccomp"
        and pred.head.i == governor.i
        and bool(subject)
        and subject[0].lower_ in _SELF
    )


#: Prepositions that make a date a limit, not the event's day: "had all joined by 2005".
_BOUNDS = frozenset({"by", "until", "till", "before", "since"})


def _bound(date_head: Any) -> bool:
    """Whether a date is a limit the event falls before or after, not its own date."""
    return any(c.dep_ == "case" and c.lower_ in _BOUNDS for c in date_head.children)


def reasons(claim: Claim) -> list[str]:
    """Why the claim's reading is not certain, from its sentence's parse; [] if certain."""
    sentence = str(claim.evidence.get("text", ""))
    cue = claim.anchors.get("cue")
    if not sentence or cue is None:
        return ["the claim's words could not be located in its sentence"]
    doc = parse(sentence)
    if doc is None:
        return ["no parser is available to confirm the reading"]
    cue_tokens = _tokens(doc, cue)
    if not cue_tokens:
        return ["the claim's words could not be located in its sentence"]
    verbs = [t for t in cue_tokens if t.tag_.startswith("VB")]
    trigger = _head_of(verbs) if verbs else _head_of(cue_tokens)
    pred = _predicate(trigger)
    found: list[str] = []
    if claim.state is not None and not _state_grounded(doc, claim, trigger):
        found.append("the parse does not make the state an argument of the event")
    words = {c.lower_ for c in pred.children} | {c.lower_ for c in trigger.children}
    marks = {c.lower_ for t in (pred, trigger) for c in t.children if c.dep_ in ("mark", "advmod")}
    state_span = claim.anchors.get("state")
    state_tokens = _tokens(doc, state_span) if state_span else []
    if state_tokens and any(_not_the_subject(_head_of(state_tokens), p) for p in (pred, trigger)):
        found.append("the parse gives the event another, nearer subject")
    if claim.kind == "parliament_vote" and _committee(pred):
        found.append("the vote is a committee's, not the chamber's")
    if claim.kind == "parliament_vote" and _passive_by_other(pred):
        found.append("the verb is passive and its agent is no chamber")
    if _disjunction(pred):
        found.append("the event is one of alternatives ('or')")
    if marks & _CONDITIONAL:
        found.append("the event stands in a conditional clause")
    elif marks & _TEMPORAL and _to_come(pred):
        found.append("the event stands in a temporal clause about what is to come")
    if claim.modality == "asserted" and words & _HEDGES:
        found.append("a modal verb qualifies the event")
    # A complement of a verb of planning or a future ("will ensure that Canada becomes a
    # party"): the governing verb's modal is the event's too.
    governing = pred.head if pred.dep_ in ("ccomp", "xcomp") else None
    if (
        claim.modality == "asserted"
        and governing is not None
        and {c.lower_ for c in governing.children if c.dep_ == "aux"} & (_HEDGES | _FUTURE)
    ):
        found.append("the event is the complement of a verb in the future or under a modal")
    if claim.modality != "negated" and words & _NEGATIONS:
        found.append("the event is negated")
    if claim.modality == "negated" and claim.kind != "status" and not words & _NEGATIONS:
        found.append("the parse finds no negation on the event")
    if claim.conflict == "date":
        span = claim.anchors.get("date")
        if span is None:
            if claim.date is not None and not claim.date_assumed:
                found.append("the date is not written in the sentence")
        else:
            tokens = _tokens(doc, span)
            if (
                not tokens
                or _bound(_head_of(tokens))
                or not (_within(_head_of(tokens), trigger) or _within(_head_of(tokens), pred))
            ):
                found.append(DATE_DETACHED)
    return found
