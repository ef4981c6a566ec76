"""Train the reader's tagger and dependency parser on UD English EWT (`make model`).

Reproducible: fixed seed, the treebank's official splits, the config beside this file
(a run is deterministic on CPU: the same steps give the same model). The trained pipeline
is written into the package (treatywatch/reading/parser/), with the treebank's licence
(CC BY-SA 4.0) and its scores on the dev and test splits.

    python model/train.py [--treebank DIR] [--steps N]

The converted treebank and the checkpoints stay in build/model/ (git-ignored), so an
interrupted run loses nothing; each run starts from an empty folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET = ROOT / "treatywatch" / "reading" / "parser"
WORK = ROOT / "build" / "model"
DEFAULT_TREEBANK = ROOT.parent / "shared" / "reference" / "ud-english-ewt"
SPLITS = ("train", "dev", "test")
MEASURES = ("tag_acc", "dep_uas", "dep_las")


def _spacy(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "spacy", *args], check=True)


def _convert(treebank: Path) -> None:
    for split in SPLITS:
        conllu = treebank / f"en_ewt-ud-{split}.conllu"
        _spacy("convert", str(conllu), str(WORK), "--converter", "conllu", "--n-sents", "10")


def _scores(best: Path) -> dict[str, dict[str, float]]:
    scores = {}
    for split in ("dev", "test"):
        out = WORK / f"scores-{split}.json"
        corpus = WORK / f"en_ewt-ud-{split}.spacy"
        _spacy("evaluate", str(best), str(corpus), "--output", str(out))
        data = json.loads(out.read_text())
        scores[split] = {k: round(float(data[k]), 4) for k in MEASURES}
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--treebank", type=Path, default=DEFAULT_TREEBANK)
    parser.add_argument("--steps", type=int, default=None, help="override max_steps")
    args = parser.parse_args()
    for split in SPLITS:
        if not (args.treebank / f"en_ewt-ud-{split}.conllu").is_file():
            sys.exit(f"model/train.py: {args.treebank}: no en_ewt-ud-{split}.conllu")
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    _convert(args.treebank)
    overrides = [
        f"--paths.train={WORK / 'en_ewt-ud-train.spacy'}",
        f"--paths.dev={WORK / 'en_ewt-ud-dev.spacy'}",
    ]
    if args.steps:
        overrides.append(f"--training.max_steps={args.steps}")
    _spacy("train", str(HERE / "config.cfg"), "--output", str(WORK / "out"), *overrides)
    best = WORK / "out" / "model-best"
    scores = _scores(best)
    if TARGET.exists():
        shutil.rmtree(TARGET)
    shutil.copytree(best, TARGET)
    shutil.copy(args.treebank / "LICENSE.txt", TARGET / "LICENSE-UD_English-EWT.txt")
    (TARGET / "SCORES.json").write_text(json.dumps(scores, indent=2, sort_keys=True) + "\n")
    print(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
