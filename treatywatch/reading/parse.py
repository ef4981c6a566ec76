"""Stage: a dependency analysis of a sentence, by the project's own trained parser.

The pipeline (tagger + dependency parser, Universal Dependencies relations) is trained
on the UD English EWT treebank by ``make model`` (model/train.py, model/config.cfg) and
shipped in ``treatywatch/reading/parser/`` with the treebank's licence (CC BY-SA 4.0) and
its scores (SCORES.json). Only sentences that need it are parsed; each parse is cached.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

PARSER_DIR = Path(__file__).resolve().parent / "parser"


@functools.lru_cache(maxsize=1)
def _pipeline() -> Any:
    """The trained spaCy pipeline, loaded once; None when it has not been built."""
    if not (PARSER_DIR / "config.cfg").is_file():
        return None
    import spacy  # a second or so to import: only when a sentence must be parsed

    return spacy.load(PARSER_DIR)


def available() -> bool:
    """Whether the trained parser is present (``make model`` builds it)."""
    return _pipeline() is not None


@functools.lru_cache(maxsize=512)
def parse(sentence: str) -> Any:
    """The sentence's spaCy ``Doc`` (tokens with ``head``, ``dep_``, ``tag_``), or None
    when no parser is available."""
    nlp = _pipeline()
    return None if nlp is None else nlp(sentence)


def scores() -> dict[str, dict[str, float]]:
    """The parser's measured accuracy on the treebank's dev and test splits."""
    path = PARSER_DIR / "SCORES.json"
    if not path.is_file():
        return {}
    data: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    return data
