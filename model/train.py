"""Train the reader's tagger and dependency parser on UD English EWT (`make model`).

Reproducible: fixed seed, the treebank's official splits, the config beside this file.
The trained pipeline is written into the package (treatywatch/reading/parser/), with the
treebank's licence (CC BY-SA 4.0) and its scores on the dev and test splits.

    python model/train.py [--treebank DIR] [--steps N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET = ROOT / "treatywatch" / "reading" / "parser"
DEFAULT_TREEBANK = ROOT.parent / "shared" / "reference" / "ud-english-ewt"
SPLITS = ("train", "dev", "test")


def _spacy(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "spacy", *args], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--treebank", type=Path, default=DEFAULT_TREEBANK)
    parser.add_argument("--steps", type=int, default=None, help="override max_steps")
    args = parser.parse_args()
    for split in SPLITS:
        if not (args.treebank / f"en_ewt-ud-{split}.conllu").is_file():
            sys.exit(f"model/train.py: {args.treebank}: no en_ewt-ud-{split}.conllu")
    with tempfile.TemporaryDirectory(prefix="tw-model-") as tmp:
        work = Path(tmp)
        for split in SPLITS:
            _spacy(
                "convert",
                str(args.treebank / f"en_ewt-ud-{split}.conllu"),
                str(work),
                "--converter",
                "conllu",
                "--n-sents",
                "10",
            )
        overrides = [
            f"--paths.train={work / 'en_ewt-ud-train.spacy'}",
            f"--paths.dev={work / 'en_ewt-ud-dev.spacy'}",
        ]
        if args.steps:
            overrides.append(f"--training.max_steps={args.steps}")
        _spacy("train", str(HERE / "config.cfg"), "--output", str(work / "out"), *overrides)
        best = work / "out" / "model-best"
        scores = {}
        for split in ("dev", "test"):
            out = work / f"scores-{split}.json"
            _spacy("evaluate", str(best), str(work / f"en_ewt-ud-{split}.spacy"), "--output", str(out))
            data = json.loads(out.read_text())
            scores[split] = {k: round(float(data[k]), 4) for k in ("tag_acc", "dep_uas", "dep_las")}
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.copytree(best, TARGET)
        shutil.copy(args.treebank / "LICENSE.txt", TARGET / "LICENSE-UD_English-EWT.txt")
        (TARGET / "SCORES.json").write_text(json.dumps(scores, indent=2, sort_keys=True) + "\n")
        print(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
