"""The README's console examples are what the CLI prints."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
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


PYTHON = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_the_readme_python_example_prints_what_its_comments_say(
    capsys: pytest.CaptureFixture[str],
) -> None:
    (code,) = PYTHON
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    promised = [
        line.split("# ", 1)[1].strip()
        for line in code.splitlines()
        if line.lstrip().startswith("print(") and "# " in line
    ]
    assert printed == promised


def test_the_readme_python_example_type_checks_downstream(tmp_path: Path) -> None:
    """As a user's code: treatywatch found as an installed package (on the path, so mypy
    needs its py.typed marker), the example checked with mypy --strict."""
    (code,) = PYTHON
    snippet = tmp_path / "example.py"
    snippet.write_text(code + "\nreveal_type(ledger.status)\n", encoding="utf-8")
    root = README.parent
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(root), "MYPYPATH": ""},
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0 and "Success: no issues found" in out, out
    # The reveal_type note: a real signature, not Any (what mypy sees without py.typed).
    assert 'Revealed type is "def (state: str, treaty: str, on: datetime.date)' in out, out
    assert (root / "treatywatch" / "py.typed").exists()
    assert '"py.typed"' in (root / "pyproject.toml").read_text(encoding="utf-8")
