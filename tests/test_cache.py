"""The ledger cache: a faithful copy, invalidated by any change to the data."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from treatywatch import cache
from treatywatch.data import bundled_path
from treatywatch.ledger import Ledger, load


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TREATYWATCH_NO_CACHE", raising=False)
    return tmp_path / "cache"


def test_cached_ledger_answers_the_same(cache_home: Path, ledger: Ledger) -> None:
    first = load()
    assert list((cache_home / "treatywatch").glob("ledger-*.pickle"))
    second = load()  # from the cache
    on = date(2026, 3, 1)
    assert second.statuses_on(on) == ledger.statuses_on(on) == first.statuses_on(on)
    assert [c.date for c in second.changes(date(2025, 1, 1), on)] == [
        c.date for c in ledger.changes(date(2025, 1, 1), on)
    ]


def test_a_changed_file_misses_the_cache(cache_home: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(bundled_path(), root)
    before = cache.key(root)
    events = root / "events.csv"
    events.write_text(events.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(events, ns=(1, 1))
    assert cache.key(root) != before


def test_a_broken_cache_file_is_a_miss(cache_home: Path) -> None:
    load()
    for f in (cache_home / "treatywatch").glob("ledger-*.pickle"):
        f.write_bytes(b"not a pickle")
    assert isinstance(load(), Ledger)
