"""Input for the reader: a file, standard input or an http(s) URL; plain text or HTML.

Bounded: at most MAX_BYTES are read, a URL is fetched within a deadline, binary input is
refused, text that is not UTF-8 is decoded by its declared charset or as Windows-1252
(and says so). HTML is reduced to the article's text by trafilatura, which also reads
the publication date from the page's metadata; scripts are dropped, never run.

Only the CLI reads files and standard input (``read_source``). The web server reads text
it is sent or, unless switched off, a URL (``fetch_url``). Every URL is fetched by
``Fetcher``: http(s) only, no credentials, no host written as a bare number. For the
server (``public_only``) only public addresses on ports 80 and 443: the host name is
resolved once per hop, every address it resolves to is checked (no loopback,
private, link-local, shared (CGNAT), multicast, reserved, unspecified, documentation or
IPv4-embedding IPv6 ranges), and the connection goes to the address that was checked, so
a name that resolves differently a moment later (DNS rebinding) cannot redirect it.
Redirects are followed by hand, at most MAX_REDIRECTS, each hop checked the same way.
Failures say only that the page could not be fetched, never why the far end failed, so
the checker cannot be used to probe which hosts or ports answer.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from treatywatch.errors import UsageError

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_S = 10.0  # the whole fetch, redirects included
MAX_REDIRECTS = 5
PORTS = {"http": 80, "https": 443}
_HTML = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>]|<!--)", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
#: A host written as a number in a form other than the dotted quad (2130706433, 0x7f.1,
#: 0177.0.0.1, 127.1): resolvers read these as addresses; nobody writes them by accident.
_NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]*))*\.?$", re.I)
#: IPv6 ranges that carry an IPv4 address or reach one by translation.
_V6_EMBEDDING = [
    ipaddress.IPv6Network(n)
    for n in ("::ffff:0:0/96", "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "2002::/16", "2001::/32")
]


class InputError(UsageError):
    """Input the reader cannot use: empty, binary, too large, unreachable."""


class FetchRefused(InputError):
    """A URL the server will not fetch (scheme, port, or an address that is not public)."""


@dataclass
class Document:
    text: str
    published: str | None = None  # from the page's metadata (YYYY-MM-DD), if any
    title: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)


def read_source(source: str) -> Document:
    """Read SOURCE ('-' for standard input, a path or an http(s) URL) into a Document.

    For the command line only: the web server never reads paths or standard input."""
    if source.startswith(("http://", "https://")):
        return fetch_url(source, Fetcher(policy=any_address))
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


def fetch_url(url: str, fetcher: Fetcher | None = None) -> Document:
    """Fetch an http(s) URL to a public address (see ``Fetcher``) into a Document."""
    raw, ctype, final = (fetcher or Fetcher()).fetch(url)
    doc = from_bytes(raw, ctype)
    doc.url = final
    return doc


def address_is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True only for a globally routable unicast address; False for loopback, private,
    link-local, shared (100.64/10), multicast, reserved, unspecified, documentation
    ranges and every IPv6 form that embeds or translates an IPv4 address."""
    if isinstance(ip, ipaddress.IPv6Address) and (
        ip.scope_id or any(ip in net for net in _V6_EMBEDDING)
    ):
        return False
    return bool(
        ip.is_global
        and not ip.is_multicast
        and not ip.is_reserved
        and not ip.is_loopback
        and not ip.is_link_local
        and not ip.is_private
        and not ip.is_unspecified
    )


Resolver = Callable[[str, int], Sequence[str]]
Policy = Callable[[str, int], bool]


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver, TCP)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def public_only(ip: str, port: int) -> bool:
    """The server's policy: a public address, on port 80 or 443."""
    return port in PORTS.values() and address_is_public(ipaddress.ip_address(ip))


def any_address(ip: str, port: int) -> bool:
    """The command line's policy: the user runs it with their own rights, so any address
    they name is theirs to read (loopback included)."""
    return True


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to a fixed, already checked address (the Host header keeps the
    name)."""

    def __init__(self, host: str, port: int, ip: str, timeout: float, opener: Opener) -> None:
        super().__init__(host, port, timeout=timeout)
        self._ip, self._opener, self._seconds = ip, opener, timeout

    def connect(self) -> None:
        self.sock = self._opener(self._ip, self.port, self._seconds)


class _PinnedHTTPS(_PinnedHTTP):
    default_port = 443

    def __init__(self, host: str, port: int, ip: str, timeout: float, opener: Opener) -> None:
        super().__init__(host, port, ip, timeout, opener)
        self._context = ssl.create_default_context()

    def connect(self) -> None:
        raw = self._opener(self._ip, self.port, self._seconds)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)


Opener = Callable[[str, int, float], socket.socket]


def open_socket(ip: str, port: int, timeout: float) -> socket.socket:
    return socket.create_connection((ip, port), timeout=timeout)


class Fetcher:
    """Fetches one URL under the rules in this module's docstring.

    ``resolver``, ``policy`` and ``opener`` are injectable so that the rules can be tested
    without any traffic leaving the machine."""

    def __init__(
        self,
        resolver: Resolver = system_resolver,
        policy: Policy = public_only,
        opener: Opener = open_socket,
        timeout: float = TIMEOUT_S,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.resolver, self.policy, self.opener = resolver, policy, opener
        self.timeout, self.max_bytes = timeout, max_bytes

    def fetch(self, url: str) -> tuple[bytes, str | None, str]:
        """(body, content type, final URL) of ``url``; FetchRefused or InputError."""
        deadline = time.monotonic() + self.timeout
        for _ in range(MAX_REDIRECTS + 1):
            status, headers, body = self._hop(url, deadline)
            if status in (301, 302, 303, 307, 308):
                location = headers.get("Location")
                if not location:
                    raise InputError("could not fetch the URL: a redirect without a target")
                url = urljoin(url, location.strip())
                continue
            if status != 200:
                raise InputError("could not fetch the URL: the site did not answer with a page")
            return body, headers.get("Content-Type"), url
        raise InputError(f"could not fetch the URL: more than {MAX_REDIRECTS} redirects")

    def _target(self, url: str) -> tuple[str, str, int, str]:
        """(scheme, host, port, path) of a URL the rules allow to be tried."""
        if len(url) > 2000 or any(c.isspace() or ord(c) < 32 for c in url):
            raise FetchRefused("refused: not a well-formed URL")
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise FetchRefused("refused: not a well-formed URL") from None
        scheme, host = parts.scheme.lower(), parts.hostname
        if scheme not in PORTS:
            raise FetchRefused("refused: only http and https URLs are fetched")
        if not host:
            raise FetchRefused("refused: the URL names no host")
        if parts.username is not None or parts.password is not None:
            raise FetchRefused("refused: URLs with credentials are not fetched")
        port = PORTS[scheme] if port is None else port
        if not host.isascii():
            try:
                host = host.encode("idna").decode("ascii")  # an international name
            except UnicodeError:
                raise FetchRefused("refused: not a well-formed host name") from None
        if _NUMERIC_HOST.match(host) and not _is_dotted_quad(host):
            raise FetchRefused("refused: a host written as a number")
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        return scheme, host, port, path

    def _address(self, host: str, port: int) -> str:
        """The first address of ``host``, after checking every address it resolves to."""
        try:
            literal = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        if literal is not None:
            addresses = [str(literal)]
        else:
            try:
                addresses = list(self.resolver(host, port))
            except (OSError, UnicodeError):
                raise InputError(
                    "could not fetch the URL: its host name does not resolve"
                ) from None
        if not addresses:
            raise InputError("could not fetch the URL: its host name does not resolve")
        for ip in addresses:
            try:
                ok = self.policy(ip, port)
            except ValueError:
                ok = False
            if not ok:
                raise FetchRefused(
                    "refused: the URL's host is not a public internet address on port 80 or 443"
                )
        return addresses[0]

    def _hop(self, url: str, deadline: float) -> tuple[int, http.client.HTTPMessage, bytes]:
        scheme, host, port, path = self._target(url)
        ip = self._address(host, port)
        left = deadline - time.monotonic()
        if left <= 0:
            raise InputError(f"could not fetch the URL within {self.timeout:g} s")
        kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
        con = kind(host, port, ip, left, self.opener)
        try:
            con.request(
                "GET",
                path,
                headers={
                    "User-Agent": "treatywatch (claim checker)",
                    "Accept": "text/html, text/plain;q=0.9",
                    "Accept-Encoding": "identity",
                },
            )
            resp = con.getresponse()
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise InputError(f"the page is larger than {self.max_bytes / 1e6:.0f} MB")
            chunks: list[bytes] = []
            size = 0
            while resp.status == 200:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise InputError(f"could not fetch the URL within {self.timeout:g} s")
                if con.sock is not None:
                    con.sock.settimeout(min(left, self.timeout))
                chunk = resp.read1(65536) if hasattr(resp, "read1") else resp.read(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > self.max_bytes:
                    raise InputError(f"the page is larger than {self.max_bytes / 1e6:.0f} MB")
            return resp.status, resp.headers, b"".join(chunks)
        except InputError:
            raise
        except (OSError, http.client.HTTPException, ValueError):
            # No detail: the reason (refused, reset, timed out, bad TLS) would tell a caller
            # which hosts and ports answer.
            raise InputError("could not fetch the URL") from None
        finally:
            con.close()


def _is_dotted_quad(host: str) -> bool:
    parts = host.split(".")
    return len(parts) == 4 and all(
        p.isascii() and p.isdigit() and (p == "0" or not p.startswith("0")) and int(p) < 256
        for p in parts
    )


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
