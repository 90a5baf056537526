"""publish: one set of Markdown bulletins to website, Zalo OA articles and radio scripts."""

import time

__version__ = "0.1.0"

STARTED = time.perf_counter()
"""When this process imported the package: from the command line, ~20 ms after it started (what
a build reports as its time counts from here, like `time publish build` would)."""
