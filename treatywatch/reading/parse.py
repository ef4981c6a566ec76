"""Stage: a dependency analysis of a sentence, by the project's own trained parser.

The pipeline (tagger + dependency parser, Universal Dependencies relations) is trained
on the UD English EWT treebank by ``make model`` (model/train.py, model/config.cfg) and
shipped in ``treatywatch/reading/parser/`` with the treebank's licence (CC BY-SA 4.0) and
its scores (SCORES.json). Only sentences that need it are parsed, an article's in one
batch; each parse is kept for the next time the same sentence comes (a bounded cache).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

PARSER_DIR = Path(__file__).resolve().parent / "parser"
_CACHE_SIZE = 512
_cache: OrderedDict[str, Any] = OrderedDict()


_loaded: list[Any] = []  # the pipeline, once loaded (None when not built)


def _pipeline() -> Any:
    """The trained spaCy pipeline, loaded once; None when it has not been built."""
    if not _loaded:
        if (PARSER_DIR / "config.cfg").is_file():
            import spacy  # a second or so to import: only when a sentence must be parsed

            _loaded.append(spacy.load(PARSER_DIR))
        else:
            _loaded.append(None)
    return _loaded[0]


def available() -> bool:
    """Whether the trained parser is present (``make model`` builds it)."""
    return _pipeline() is not None


def parse_many(sentences: Iterable[str]) -> None:
    """Parse, in one batch, the sentences not parsed yet (what ``parse`` then returns)."""
    nlp = _pipeline()
    todo = list(dict.fromkeys(s for s in sentences if s not in _cache))
    if nlp is None or not todo:
        return
    for sentence, doc in zip(todo, nlp.pipe(todo), strict=True):
        _remember(sentence, doc)


def parse(sentence: str) -> Any:
    """The sentence's spaCy ``Doc`` (tokens with ``head``, ``dep_``, ``tag_``), or None
    when no parser is available."""
    doc = _cache.get(sentence)
    if doc is not None:
        _cache.move_to_end(sentence)
        return doc
    nlp = _pipeline()
    if nlp is None:
        return None
    doc = nlp(sentence)
    _remember(sentence, doc)
    return doc


def _remember(sentence: str, doc: Any) -> None:
    _cache[sentence] = doc
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)


def cache_clear() -> None:
    """Forget every parse (benchmarks measure cold reading)."""
    _cache.clear()


def scores() -> dict[str, dict[str, float]]:
    """The parser's measured accuracy on the treebank's dev and test splits."""
    path = PARSER_DIR / "SCORES.json"
    if not path.is_file():
        return {}
    data: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    return data
