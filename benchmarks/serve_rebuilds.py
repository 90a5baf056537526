#!/usr/bin/env python3
"""Time `publish serve`'s rebuilds in one process, as an editor previewing meets them: the first
(right after a `publish build --channel web`: a replay), one after editing a bulletin, one after
saving that file again without a change. Prints one JSON object: for each, its seconds, the line
it logged and how many files of output/web it added, removed or rewrote.

Usage (benchmarks/build.py runs it; from the repository, with the project venv active):
    python benchmarks/serve_rebuilds.py PROJECT --edit content/bai-viet/x.md [--now "2030-01-01 00:00"]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
from pathlib import Path

from publish.serve import PreviewSession


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime_ns) of every file under `folder`."""
    found = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            info = os.stat(os.path.join(dirpath, name))
            found[os.path.join(dirpath, name)] = (info.st_ino, info.st_mtime_ns)
    return found


def timed(session: PreviewSession, out: io.StringIO) -> tuple[float, str, int]:
    """One rebuild's seconds, the line it logged (its clock cut off) and the files it changed;
    a failed one stops."""
    web = session.output / "web"
    before = snapshot(web)
    start = time.perf_counter()
    ok = session.rebuild()
    seconds = time.perf_counter() - start
    logged = out.getvalue().rstrip().rsplit("\n", 1)[-1].split("] ", 1)[-1]
    if not ok:
        raise SystemExit(f"the rebuild failed: {logged}")
    after = snapshot(web)
    changed = sum(1 for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    return seconds, logged, changed


def main() -> int:
    """Rebuild three times and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--edit", required=True, help="the bulletin to edit, from the project")
    parser.add_argument("--now", default=None)
    args = parser.parse_args()
    out = io.StringIO()
    session = PreviewSession(args.root, port=0, now=args.now, out=out, err=io.StringIO())
    figures: dict[str, tuple[float, str, int]] = {}
    try:
        figures["first"] = timed(session, out)
        bulletin = args.root / args.edit
        with open(bulletin, "a", encoding="utf-8") as handle:
            handle.write(f"\nCập nhật lúc {time.time_ns()}: đã xác minh thêm khi xem trước.\n")
        figures["edit"] = timed(session, out)
        bulletin.write_bytes(bulletin.read_bytes())  # saved again: a new mtime, the same bytes
        figures["save"] = timed(session, out)
    finally:
        session.stop()
    json.dump(figures, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
