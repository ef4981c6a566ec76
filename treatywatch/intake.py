"""Reading a file of acts to import: CSV with a header, or JSON lines, checked strictly.

Every problem is reported in the project's one form (file, line, field, value, hint)
before anything reaches the overlay: a file that is missing, a folder, binary or in an
unknown encoding; a JSON array (not JSON lines); a malformed JSON line; an unknown or
misspelt column; a header with no rows; an act given twice in the file. A byte-order mark
(Excel's "CSV UTF-8", UTF-16 text) is accepted.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from treatywatch.data import check_header, suggest
from treatywatch.errors import DataError, FileError, Problem, UsageError
from treatywatch.model import ACT_FIELDS

#: Columns an import file must have; the rest of ACT_FIELDS may be given.
REQUIRED = ("treaty", "state", "kind", "date", "sources")
#: Columns the ``acts`` export adds, derived from ``date`` and ``effective``: accepted so
#: that an export imports as it is, and ignored (the dates are read from their text).
DERIVED = tuple(
    f"{name}_{part}" for name in ("date", "effective") for part in ("start", "end", "precision")
)
OPTIONAL = (*(f for f in ACT_FIELDS if f not in REQUIRED), *DERIVED)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(raw: bytes, name: str) -> str:
    """Text from bytes: UTF-8, or UTF-8/UTF-16 with a byte-order mark; FileError for
    binary input or bytes in another encoding."""
    encoding = next((enc for bom, enc in _BOMS if raw.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in raw[:8192]:
        raise FileError(
            Problem(
                "binary input",
                file=name,
                line=raw[: raw.index(b"\x00")].count(b"\n") + 1,
                hint="give a CSV file with a header row, or JSON lines",
            )
        )
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileError(
            Problem(
                f"not {encoding.removesuffix('-sig').upper()} text ({exc.reason})",
                file=name,
                line=line,
                value=repr(raw[exc.start : exc.end]),
                hint="save the file as UTF-8",
            )
        ) from None
    if "\x00" in text[:8192]:
        raise FileError(
            Problem(
                "binary input",
                file=name,
                line=text[: text.index("\x00")].count("\n") + 1,
                hint="give a CSV file with a header row, or JSON lines",
            )
        )
    return text


def read_bytes(path: str) -> bytes:
    """The bytes of ``path`` ('-' is standard input); FileError when it cannot be read."""
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        hint = "check the path" + (
            f" (the folder {p.parent} does not exist)" if not p.parent.exists() else ""
        )
        raise FileError(Problem("no such file", file=path, hint=hint)) from None
    except IsADirectoryError:
        raise FileError(
            Problem("a folder, not a file", file=path, hint="name the CSV or JSON-lines file")
        ) from None
    except OSError as exc:
        raise FileError(Problem(f"cannot read the file ({exc.strerror})", file=path)) from None


def _json_rows(text: str, name: str, problems: list[Problem]) -> list[tuple[int, dict[str, str]]]:
    rows = []
    known = [*REQUIRED, *OPTIONAL]
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(
                Problem(
                    f"not a JSON object ({exc.msg}, column {exc.colno})",
                    file=name,
                    line=n,
                    value=line[:80],
                    hint="one JSON object per line",
                )
            )
            continue
        if not isinstance(obj, dict):
            problems.append(
                Problem(
                    f"a JSON {type(obj).__name__}, not an object",
                    file=name,
                    line=n,
                    value=line[:80],
                    hint="one JSON object per line",
                )
            )
            continue
        ok = True
        for key in obj:
            if key not in known:
                problems.append(
                    Problem(
                        "unknown field",
                        file=name,
                        line=n,
                        field=str(key),
                        value=str(obj[key])[:80],
                        hint=suggest(str(key), known) or f"the fields are {', '.join(known)}",
                    )
                )
                ok = False
        for key in REQUIRED:
            if key not in obj:
                problems.append(
                    Problem(f"missing field {key}", file=name, line=n, field=key, value="")
                )
                ok = False
        if ok:
            rows.append((n, {k: "" if v is None else str(v) for k, v in obj.items()}))
    return rows


def _csv_rows(text: str, name: str, problems: list[Problem]) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise FileError(Problem(f"unreadable CSV header ({exc})", file=name, line=1)) from None
    if not check_header(header, REQUIRED, OPTIONAL, name, problems):
        return []
    rows = []
    while True:
        done = reader.line_num  # the row that fails starts on the next line
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(
                Problem(
                    f"unreadable CSV row ({exc})",
                    file=name,
                    line=done + 1,
                    hint="an unclosed quote swallows the rest of the file",
                )
            )
            break
        if None in row:
            problems.append(
                Problem(
                    "more fields than the header has",
                    file=name,
                    line=reader.line_num,
                    value=",".join(str(v) for v in row[None]),
                    hint="quote a field that contains a comma",
                )
            )
            continue
        rows.append((reader.line_num, {k: (v or "") for k, v in row.items()}))
    return rows


def source_for_url(url: str) -> dict[str, str]:
    """A source named only by its URL (the same id as the overlay gives it)."""
    sid = "u-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]
    return {
        "id": sid,
        "url": url,
        "publisher": url.split("/")[2] if url.count("/") >= 2 else url,
        "title": url,
        "published": "",
        "accessed": date.today().isoformat(),
    }


def read_import(path: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Acts from CSV (header row) or JSON lines, and the sources given as URLs in them
    (see ``read_import_lines``)."""
    rows, sources, _ = read_import_lines(path)
    return rows, sources


def read_import_lines(
    path: str,
) -> tuple[list[dict[str, str]], list[dict[str, str]], list[int]]:
    """Acts from CSV (header row) or JSON lines, the sources given as URLs in them, and
    the line of the file each act is on.

    Raises FileError (exit 2) when the file cannot be read as text, DataError (exit 1)
    listing every problem in its content. A source given as an http(s) URL becomes a
    source of its own.
    """
    name = "<stdin>" if path == "-" else path
    text = decode(read_bytes(path), name)
    if not text.strip():
        raise FileError(
            Problem("nothing to import: the file is empty", file=name, hint="give acts to import")
        )
    head = text.lstrip()
    problems: list[Problem] = []
    if head.startswith("["):
        raise FileError(
            Problem(
                "a JSON array: give JSON lines (one object per line) or CSV",
                file=name,
                line=text[: len(text) - len(head)].count("\n") + 1,
                value=head[:40],
                hint="convert with: jq -c '.[]' FILE",
            )
        )
    if head.startswith("{"):
        items = _json_rows(text, name, problems)
    else:
        items = _csv_rows(text, name, problems)
    if not items and not problems:
        raise FileError(
            Problem(
                "nothing to import: a header and no rows",
                file=name,
                line=1,
                hint="add one act per line below the header",
            )
        )
    sources: dict[str, dict[str, str]] = {}
    out = []
    lines = []
    seen: dict[tuple[str, ...], int] = {}
    for line, r in items:
        row = {f: str(r.get(f) or "").strip() for f in ACT_FIELDS}
        key = tuple(
            row.get(f) or "" for f in ("treaty", "state", "kind", "date", "depositary", "reading")
        )
        if key in seen:
            problems.append(
                Problem(
                    f"duplicate act: the same row is on line {seen[key]}",
                    file=name,
                    line=line,
                    field="date",
                    value=row["date"],
                    hint="give each act once; a second source goes in sources as a;b",
                )
            )
            continue
        seen[key] = line
        ids = []
        for s in filter(None, (x.strip() for x in row["sources"].split(";"))):
            if s.startswith(("http://", "https://")):
                src = source_for_url(s)
                sources[src["id"]] = src
                ids.append(src["id"])
            else:
                ids.append(s)
        row["sources"] = ";".join(ids)
        out.append(row)
        lines.append(line)
    if problems:
        raise DataError(problems)
    if not out:  # pragma: no cover - every item either became a row or a problem
        raise UsageError(f"{name}: nothing to import")
    return out, list(sources.values()), lines
