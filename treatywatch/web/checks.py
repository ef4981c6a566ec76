"""Checks run in child processes, with a deadline, a memory cap and a low priority.

Reading a text is CPU work that could take long on hostile input. Run in the server's own
process it would hold the interpreter lock and slow every other request, and a thread
cannot be stopped. So each check runs in a forked child that inherits the ledger (copy on
write, nothing to load or send), at ``nice`` 19 so the server's own requests win the CPU,
under an address-space cap, and is killed at the deadline. At most ``running`` children
work at once and at most ``waiting`` requests queue for a slot; beyond that the answer is
503 ``busy`` at once, and a child that misses its deadline gives 504 ``timeout``.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from treatywatch.errors import TreatywatchError
from treatywatch.web.errors import WebError

SECONDS = 20.0  # one check, fetch included
RUNNING = max(1, (os.cpu_count() or 2) - 1)
WAITING = 8
MEMORY = 1_500_000_000  # bytes a child may add to the address space it inherits
NICE = 19

Job = Callable[[], dict[str, Any]]


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _child(job: Job, out: Connection) -> None:
    try:
        os.nice(NICE)
        used = _address_space()
        if used:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (used + MEMORY, used + MEMORY))
    except (OSError, ValueError):
        pass
    try:
        result: tuple[str, Any] = ("ok", job())
    except TreatywatchError as exc:
        result = ("usage", str(exc))
    except WebError as exc:
        result = ("web", (exc.status, exc.message, exc.hint, exc.code))
    except MemoryError:
        result = ("memory", "")
    except BaseException:
        result = ("crash", "")
    try:
        out.send(result)
    except Exception:
        out.send(("crash", ""))


class CheckPool:
    def __init__(
        self, running: int = RUNNING, waiting: int = WAITING, seconds: float = SECONDS
    ) -> None:
        self.running, self.waiting, self.seconds = running, waiting, seconds
        self._slots = threading.BoundedSemaphore(running)
        self._lock = threading.Lock()
        self._queued = 0
        self._ctx = multiprocessing.get_context("fork")

    def run(self, job: Job) -> dict[str, Any]:
        """The job's answer; WebError 503 (no slot), 504 (deadline) or 500 (crashed);
        a TreatywatchError the job raised comes back as a UsageError-like 400."""
        deadline = time.monotonic() + self.seconds
        with self._lock:
            if self._queued >= self.running + self.waiting:
                raise WebError(503, "the checker is busy", hint="try again in a minute")
            self._queued += 1
        try:
            if not self._slots.acquire(timeout=self.seconds):
                raise WebError(503, "the checker is busy", hint="try again in a minute")
            try:
                return self._fork(job, deadline)
            finally:
                self._slots.release()
        finally:
            with self._lock:
                self._queued -= 1

    def _fork(self, job: Job, deadline: float) -> dict[str, Any]:
        receiver, sender = self._ctx.Pipe(duplex=False)
        child = self._ctx.Process(target=_child, args=(job, sender), daemon=True)
        child.start()
        sender.close()
        try:
            if not receiver.poll(max(0.0, deadline - time.monotonic())):
                raise WebError(
                    504,
                    f"the check took over {self.seconds:g} s and was stopped",
                    hint="send a shorter text",
                    code="timeout",
                )
            try:
                kind, value = receiver.recv()
            except EOFError:
                kind, value = "crash", ""
        finally:
            receiver.close()
            if child.is_alive():
                child.kill()
            child.join(1)
        if kind == "ok":
            answer: dict[str, Any] = value
            return answer
        if kind == "usage":
            raise WebError(400, value)
        if kind == "web":
            status, message, hint, code = value
            raise WebError(status, message, hint=hint, code=code)
        if kind == "memory":
            raise WebError(
                413, "the check needed more memory than allowed", hint="send a shorter text"
            )
        raise WebError(500, "the check failed")
