"""Stage: discourse. What a text has said so far, for the sentences that follow it.

The claim finder reads one sentence at a time; "it", "they", "both countries", "did the
same" and a treaty named only at the top of the article are resolved from this record of
the text so far, which each sentence updates and hands on. Nothing here reads back into
an earlier sentence.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Context:
    """What the reading of one text carries from sentence to sentence: the treaty and
    states it is about so far, the last step named (for "Estonia did the same"), and the
    budget of candidate claims still to read."""

    treaty: str | None = None
    subjects: tuple[str, ...] = ()
    action: str | None = None
    kind: str | None = None  # the kind of the last claim with an action, for "did the same"
    kind_at: int = -1  # where that claim's sentence starts
    pair: tuple[str, ...] = ()  # the first "A and B" in the text, for "both countries" before it
    # The states named so far, the most recent last (each once), for "all three governments".
    recent: tuple[str, ...] = ()
    # Trigger matches still to read in this text (see MAX_CANDIDATES).
    budget: int = 0
    # The index of the sentence being read (0: the headline).
    index: int = 0
    # How many different treaties (not alliances) the text names: with more than one, a
    # claim whose sentence names none is not certain to be about the text's main one.
    treaties_named: int = 0
