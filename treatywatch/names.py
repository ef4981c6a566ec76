"""Resolve what people type (codes, names, aliases, capitals) to states and treaties."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import Generic, TypeVar

from treatywatch.errors import NotFound
from treatywatch.model import State, Treaty

_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Côte d'Ivoire" -> "cote d ivoire"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _PUNCT.sub(" ", plain.casefold().replace("’", "'"))
    plain = _SPACE.sub(" ", plain).strip()
    return plain.removeprefix("the ")


T = TypeVar("T")


class Index(Generic[T]):
    """Keys (normalized) to items, with close-match suggestions for misspellings."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.keys: dict[str, T] = {}
        self.labels: dict[str, str] = {}

    def add(self, item: T, label: str, names: Iterable[str]) -> None:
        for name in names:
            key = normalize(name)
            if key and key not in self.keys:
                self.keys[key] = item
                self.labels[key] = label

    def get(self, text: str) -> T:
        key = normalize(text)
        if key in self.keys:
            return self.keys[key]
        raise NotFound(self.what, text, self.suggestions(key))

    def suggestions(self, key: str) -> list[str]:
        """Up to three labels for a normalized key that names nothing: names that hold it
        as whole words ("ottawa" -> the Ottawa Convention), then close spellings."""
        found: list[str] = []
        if key:
            padded = f" {key} "
            found += [k for k in self.keys if padded in f" {k} "]
        found += difflib.get_close_matches(key, list(self.keys), n=6, cutoff=0.75)
        labels: list[str] = []
        for k in found:
            if self.labels[k] not in labels:
                labels.append(self.labels[k])
        return labels[:3]

    def has(self, text: str) -> T | None:
        """The item ``text`` names, or None."""
        return self.keys.get(normalize(text))


def state_index(states: Iterable[State]) -> Index[State]:
    index: Index[State] = Index("state")
    states = list(states)
    # Codes and official names first so that an alias can never shadow them.
    for st in states:
        index.add(st, st.name, [st.alpha3, st.name, st.depositary_name])
    for st in states:
        index.add(st, st.name, [*st.aliases, st.capital])
    for st in states:
        if st.alpha2 and st.kind != "historic":
            index.add(st, st.name, [st.alpha2])
    return index


def treaty_index(treaties: Iterable[Treaty]) -> Index[Treaty]:
    index: Index[Treaty] = Index("treaty")
    for t in treaties:
        index.add(t, t.id, [t.id, t.short_name, t.full_name, *t.aliases])
    return index
