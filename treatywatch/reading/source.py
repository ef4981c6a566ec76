"""Input for the reader: a file, standard input or an http(s) URL; plain text or HTML.

Bounded: at most MAX_BYTES are read, a URL is fetched with a timeout, binary input is
refused, text that is not UTF-8 is decoded by its declared charset or as Windows-1252
(and says so). HTML is reduced to the article's text by trafilatura, which also reads
the publication date from the page's metadata; scripts are dropped, never run.
"""

from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from treatywatch.errors import UsageError

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_S = 10.0
_HTML = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>]|<!--)", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


class InputError(UsageError):
    """Input the reader cannot use: empty, binary, too large, unreachable."""


@dataclass
class Document:
    text: str
    published: str | None = None  # from the page's metadata (YYYY-MM-DD), if any
    title: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)


def read_source(source: str) -> Document:
    """Read SOURCE ('-' for standard input, a path or an http(s) URL) into a Document."""
    if source.startswith(("http://", "https://")):
        raw, ctype = _fetch(source)
        doc = from_bytes(raw, ctype)
        doc.url = source
        return doc
    if source == "-":
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"no such file: {source}")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(
                f"{source} is {path.stat().st_size / 1e6:.1f} MB; the reader takes "
                f"at most {MAX_BYTES / 1e6:.0f} MB"
            )
        raw = path.read_bytes()
    return from_bytes(raw, None)


def _fetch(url: str) -> tuple[bytes, str | None]:
    req = urllib.request.Request(url, headers={"User-Agent": "treatywatch (claim checker)"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:
            raw = resp.read(MAX_BYTES + 1)
            ctype = resp.headers.get("Content-Type")
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise InputError(f"could not fetch {url}: {exc}") from None
    return raw, ctype


def from_bytes(raw: bytes, content_type: str | None) -> Document:
    if len(raw) > MAX_BYTES:
        raise InputError(f"input larger than {MAX_BYTES / 1e6:.0f} MB")
    if not raw.strip():
        raise InputError("empty input: nothing to read")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with its byte-order mark (Windows "Unicode" text) is text: its zero
        # bytes are half of every ASCII character, not a sign of binary data.
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError("not UTF-16 text despite its byte-order mark") from None
    head = raw[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise InputError("binary input: give plain text or HTML")
    notes: list[str] = []
    is_html = bool(_HTML.match(raw[:2048])) or bool(content_type and "html" in content_type)
    text = _decode(raw, content_type, notes)
    if not is_html:
        return Document(_clean(text), notes=notes)
    return _from_html(text, notes)


def _control_ratio(data: bytes) -> float:
    bad = sum(1 for b in data if b < 9 or 13 < b < 32)
    return bad / max(1, len(data))


def _decode(raw: bytes, content_type: str | None, notes: list[str]) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = None
    if content_type and "charset=" in content_type:
        declared = content_type.split("charset=")[-1].split(";")[0].strip()
    m = _CHARSET.search(raw[:4096])
    if declared is None and m:
        declared = m.group(1).decode("ascii", "replace")
    for enc in filter(None, (declared, "cp1252")):
        try:
            text = raw.decode(enc)
            notes.append(f"input is not UTF-8; decoded as {enc}")
            return text
        except (UnicodeDecodeError, LookupError):
            continue
    notes.append("input is not UTF-8; undecodable bytes replaced")
    return raw.decode("utf-8", "replace")


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return re.sub(r"[ \t]+", " ", text).strip()


def _from_html(html: str, notes: list[str]) -> Document:
    import trafilatura  # heavy; only HTML needs it

    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
        )
    except Exception as exc:
        raise InputError(f"could not read this HTML: {exc}") from None
    if result is None:
        raise InputError("no article text found in this HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise InputError("no article text found in this HTML")
    title = data.get("title")
    body = _clean(text)
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    date = data.get("date")
    return Document(
        body, published=date if isinstance(date, str) else None, title=title, notes=notes
    )
