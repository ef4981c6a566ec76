"""The README's console examples are what the CLI prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from treatywatch.docgen import run

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(
    r"```console\n\$ \.venv/bin/treatywatch ([^\n]+)\n(.*?)```", README.read_text(), re.S
)


def test_the_readme_has_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize(("command", "shown"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_readme_example_matches_the_cli(command: str, shown: str) -> None:
    code, out = run(shlex.split(command))
    assert code == 0
    lines = out.splitlines()
    for line in shown.splitlines():
        if line.strip() in ("…", "..."):
            break  # the example stops here
        assert line in lines, f"README shows {line!r}, the CLI does not print it"
