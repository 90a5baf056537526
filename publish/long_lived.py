"""Objects a command keeps until it ends, made without the cycle collector walking them.

A no-op `publish sync` at 10,000 bulletins loads the last build's stamp and site, state/zalo.json
and its plan: a million objects that all stay alive, none of them garbage. Python's collector
still ran ~400 times while they were made, three of them full collections walking everything
made so far (~0.15-0.3 s of a ~1.2 s command). Inside `long_lived()` it does not run, and what
was made is then frozen: later collections leave it alone until `release()`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["long_lived", "release"]


@contextmanager
def long_lived() -> Iterator[None]:
    """Run the block without collecting, then freeze what exists (see the module docstring)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Also what the block left as garbage in cycles (rare in loading): collected once
        # release() unfreezes it.
        gc.freeze()
        if enabled:
            gc.enable()


def release() -> None:
    """Let the collector walk what `long_lived` froze again (at the end of a command: a process
    running many, like the test suite, must not keep its garbage cycles for ever)."""
    gc.unfreeze()
