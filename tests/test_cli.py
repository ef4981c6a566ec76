"""Golden files for each command's output; regenerate with UPDATE_GOLDEN=1 and review."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from treatywatch.docgen import coverage, render, run

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "status_fin_json": "status FIN apmbc --on 2026-02-01 --json",
    "status_ltu_text": "status Lithuania apmbc --on 2025-12-26",
    "status_ukr_json": "status Ukraine 'Ottawa Convention' --on 2026-03-01 --json",
    "status_rus_json": "status RU apmbc --on 2026-03-01 --json",
    "parties_withdrawn_json": "parties apmbc --on 2026-03-01 --status withdrawn --format json",
    "parties_exits_table": (
        "parties apmbc --on 2026-03-01 --status withdrawn,withdrawal_pending,suspended"
    ),
    "parties_ccm_csv": "parties ccm --on 2010-08-01 --format csv",
    # The CFE record is complete since the United States' ratification was found (2018
    # UNODA harvest); Czechoslovakia, which ceased to exist in 1993, is not listed.
    "parties_incomplete_table": "parties cfe --on 2020-01-01",
    # A treaty whose record may lag (reconciled to the UN page of 2026-02-03) says so.
    "parties_lagging_table": "parties att --on 2026-06-01 --status signatory",
    "timeline_fin_json": "timeline FIN --treaty apmbc --json",
    "changes_table": "changes --since 2025-06-01 --until 2026-03-01 --treaty apmbc",
    "upcoming_json": "upcoming --after 2025-12-01 --json",
    "unknown_state": "status Lituania apmbc",
    "bad_date": "status FIN apmbc --on 2026-02-30",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    code, out = run(shlex.split(CASES[name]))
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(f"exit {code}\n{out}", encoding="utf-8")
    assert f"exit {code}\n{out}" == path.read_text(encoding="utf-8")


def test_status_json_contract() -> None:
    code, out = run(["status", "FIN", "apmbc", "--on", "2026-02-01", "--json"])
    obj = json.loads(out)
    assert code == 0
    for key in ("state", "treaty", "on", "status", "since", "until", "reasons", "sources"):
        assert key in obj
    assert obj["state"] == "FIN" and obj["status"] == "withdrawn" and obj["until"] is None
    assert {"date", "act", "article", "text"} <= set(obj["reasons"][0])
    assert {"url", "publisher", "title"} <= set(obj["sources"][0])


def test_parties_json_is_a_list_of_status_objects() -> None:
    _, out = run(["parties", "ccm", "--on", "2025-03-06", "--format", "json"])
    rows = json.loads(out)
    assert len(rows) == 111 and all(r["treaty"] == "ccm" for r in rows)
    assert "LTU" not in {r["state"] for r in rows}


def test_unknown_name_exits_2_with_a_suggestion() -> None:
    code, out = run(["status", "Lituania", "apmbc"])
    assert code == 2 and "did you mean Lithuania?" in out


def test_cli_reference_is_current() -> None:
    doc = Path(__file__).parents[1] / "docs" / "cli.md"
    assert doc.read_text(encoding="utf-8").rstrip() == render().rstrip(), (
        "docs/cli.md is stale: run `make docs`"
    )


def test_coverage_page_is_current() -> None:
    doc = Path(__file__).parents[1] / "docs" / "coverage.md"
    assert doc.read_text(encoding="utf-8").rstrip() == coverage().rstrip(), (
        "docs/coverage.md is stale: run `make docs`"
    )


def test_console_script_runs_cold() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "treatywatch.cli", "status", "FIN", "apmbc", "--on", "2026-01-10"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and "withdrawn since 2026-01-10" in proc.stdout


def test_broken_pipe_is_clean() -> None:
    proc = subprocess.run(
        f"{shlex.quote(sys.executable)} -m treatywatch.cli parties apmbc --on 2020-01-01 | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in proc.stderr
