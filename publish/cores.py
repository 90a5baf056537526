"""How many processes a build uses, without loading the pool that uses them.

`publish build --timings` prints this number after every build, also after one that replays
the last (which needs no pool): here, reading it costs nothing, while `publish.parallel` loads
multiprocessing, subprocess, socket and traceback (~10 ms of a no-op build's CPU).
"""

from __future__ import annotations

import os


def workers() -> int:
    """How many processes to use: PUBLISH_WORKERS, else the usable CPU count."""
    wanted = os.environ.get("PUBLISH_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
