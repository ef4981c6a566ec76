"""Building many small records at once without the cyclic garbage collector in the way.

Loading a large overlay creates hundreds of thousands of acts, reasons and spans, none of
which form reference cycles; each time allocations pass the collector's threshold it walks
every tracked object again. Pausing it while a load runs and restoring it afterwards
removes that work (bench/overlay.py measures the effect) and changes no result.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable cyclic garbage collection inside the block; restore the previous setting.

    On leaving, everything allocated so far is frozen out of the collector's walks
    (``settle``): a record made in the block lives long, and cyclic garbage is not made
    there. The switch is process-wide. With threads (the web server), the block that found the
    collector on turns it back on when it ends, even if another block is still running;
    that block then merely runs at the ordinary speed, and nothing leaves it off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What the block built is a long-lived record. Re-enabled as it stands, the
        # collector would find all of it in its youngest generation and walk it at the
        # next allocation (0.15-0.3 s for a large overlay), then again as it ages; frozen,
        # it is left alone.
        settle()
        if was_enabled:
            gc.enable()


def settle() -> None:
    """Take everything allocated so far out of the collector's sight (``gc.freeze``).

    For a process that loads a record once and then works on it for long (the web app, a
    reader run over many articles): the record's hundreds of thousands of objects are
    otherwise walked again at every full collection the work triggers, which costs the
    reader about a third of its time (bench/reader.py). Frozen objects are still freed
    when nothing refers to them; objects made later are collected as usual.
    """
    gc.freeze()
