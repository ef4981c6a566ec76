"""A cache of the validated ledger, so that a cold command does not re-derive the record.

The key covers the package version and every data file's path, size and modification
time; any change to the data (or to treatywatch) misses the cache. Writes are atomic
(temporary file + rename). A cache that cannot be read or written is ignored: it is an
optimisation, never a source of truth. Set TREATYWATCH_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from treatywatch import __version__
from treatywatch.bulk import paused_gc


def _dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "treatywatch"


def key(root: Path) -> str:
    h = hashlib.sha256(__version__.encode())
    h.update(str(root.resolve()).encode())
    code = Path(__file__).parent
    for path in sorted([*root.rglob("*"), *code.glob("*.py")]):
        if path.is_file():
            st = path.stat()
            h.update(f"{path}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def get(root: Path) -> object | None:
    if os.environ.get("TREATYWATCH_NO_CACHE"):
        return None
    try:
        with open(_dir() / f"ledger-{key(root)}.pickle", "rb") as f, paused_gc():
            value: object = pickle.load(f)  # ~20% faster without collector passes
            return value
    except Exception:
        return None


def put(root: Path, value: object) -> None:
    if os.environ.get("TREATYWATCH_NO_CACHE"):
        return
    try:
        folder = _dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"ledger-{key(root)}.pickle"
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".ledger-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        for old in folder.glob("ledger-*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        return
