#!/usr/bin/env python3
"""Benchmark the radio channel: normalise() per bulletin and the whole radio check + render.

Usage (from the repository, with the project venv active):
    python benchmarks/radio.py                       # 300 bulletins for normalise, 1,000 rendered
    python benchmarks/radio.py --render 10000 --normalise 1000
    python benchmarks/radio.py --render 0            # normalise only

Bulletins come from benchmarks/make_corpus.py (deterministic, seeded): a `publish` project under
--work, made once per size, as the build benchmark builds it. Each phase runs in a fresh
interpreter so in-memory caches do not flatter the numbers:

  cold      no <root>/.cache/radio/ — every bulletin normalised, every episode built
  warm      the cache from the cold run — nothing changed
  edit      one bulletin's body changed — only it is normalised and only its episode rebuilt

Each phase prints check() and render() wall time and how many normalisations and Word documents
this process computed (the worker processes' are not counted). A phase whose radio channel took
fewer bulletins than asked for (all held back: an approval rule, a missing image) stops the
benchmark instead of printing figures for nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS_TOOL = HERE / "make_corpus.py"
"""Our corpus generator (deterministic, seeded), as the build benchmark uses."""
NOW = "2030-01-01 00:00"
"""A fixed clock after every generated bulletin, so every bulletin is on air and runs compare."""


def make_project(root: Path, count: int) -> list[Path]:
    """A `publish` project of `count` bulletins from our generator (benchmarks/make_corpus.py:
    approvals accepted, images and pages in place, as the build benchmark builds), made once;
    its bulletin files."""
    bulletins = root / "content" / "bai-viet"
    files = sorted(bulletins.glob("*.md")) if bulletins.is_dir() else []
    if len(files) != count:
        shutil.rmtree(root, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(CORPUS_TOOL), str(root), str(count)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        files = sorted(bulletins.glob("*.md"))
    shutil.rmtree(root / ".cache", ignore_errors=True)
    return files


def bench_normalise(files: list[Path], rounds: int) -> float:
    """Median over `rounds` of the mean ms per bulletin of normalise() on whole files."""
    from publish.radio.normalise import normalise

    texts = [f.read_text("utf-8") for f in files]
    for text in texts[:20]:
        normalise(text)  # warm up regex compilation and the lexicon
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            normalise(text)
        samples.append((time.perf_counter() - start) * 1000 / len(texts))
    return statistics.median(samples)


def phase(root: Path) -> dict[str, float]:
    """One radio check + render in this process; figures as a dict (run in a child process)."""
    from publish.config import load
    from publish.content import load_site
    from publish.render import radio
    from publish.render.radio import items as radio_items
    from publish.render.radio import word

    counts = {"normalised": 0, "docx": 0}
    real_normalise = radio_items.normalise
    real_docx = word.build_docx

    def counting_normalise(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts["normalised"] += 1
        return real_normalise(*args, **kwargs)

    def counting_docx(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts["docx"] += 1
        return real_docx(*args, **kwargs)

    radio_items.normalise = counting_normalise
    word.build_docx = counting_docx
    config = load(root)
    from publish.cli import resolve_now

    start = time.perf_counter()
    site = load_site(config, now=resolve_now(NOW, config.tz))
    loaded = time.perf_counter()
    problems = radio.check(site)
    checked = time.perf_counter()
    # Word files are built a batch of episodes at a time, on every core, before the batch's
    # text files come out: render time is not split between text and Word any more.
    before = time.perf_counter()
    artifacts = sum(1 for _ in radio.render(site))
    render_seconds = time.perf_counter() - before
    return {
        "bulletins": len(site.for_channel("radio")),
        "load_s": loaded - start,
        "check_s": checked - loaded,
        "render_s": render_seconds,
        "artifacts": artifacts,
        "problems": len(problems),
        **counts,
    }


def _run_phase(root: Path) -> dict[str, float]:
    """`phase(root)` in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, __file__, "--phase", str(root)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _edit_one(root: Path) -> None:
    """Change one sentence in the body of the first bulletin."""
    first = sorted((root / "content" / "bai-viet").glob("*.md"))[0]
    text = first.read_text("utf-8")
    first.write_text(
        text.rstrip("\n") + "\n\nCông an huyện đề nghị người dân cảnh giác.\n", "utf-8"
    )


PHASES = {"cold": None, "warm": None, "edit": _edit_one}
"""Phase name → what to change in the project before it (in this order)."""


def bench_render(work: Path, count: int, phases: list[str]) -> None:
    """Cold, warm and one-edit radio builds of `count` bulletins, one child process each."""
    root = work / f"project-{count}"
    files = make_project(root, count)
    original = files[0].read_bytes()
    try:
        _render_phases(root, count, phases)
    finally:
        files[0].write_bytes(original)  # the project is reused by the next run as it was made


def _render_phases(root: Path, count: int, phases: list[str]) -> None:
    """Each phase's figures; stops when the radio channel did not take every bulletin (a
    figure for fewer bulletins than announced measures nothing)."""
    for label in phases:
        prepare = PHASES[label]
        if prepare is not None:
            prepare(root)
        r = _run_phase(root)
        if r["bulletins"] != count:
            sys.exit(
                f"{label}: the radio channel took {r['bulletins']} of {count} bulletins "
                f"(run `publish check --root {root}` to see why); no figures"
            )
        total = r["check_s"] + r["render_s"]
        print(
            f"  {label:5s} {r['bulletins']:6d} bulletins: check {r['check_s']:6.2f} s, "
            f"render {r['render_s']:6.2f} s "
            f"→ radio total {total:6.2f} s ({total * 1000 / max(r['bulletins'], 1):.1f} ms/bulletin); "
            f"in this process (worker processes not counted): normalised {r['normalised']}, "
            f"docx built {r['docx']}; load_site {r['load_s']:.2f} s"
        )


def main() -> None:
    """Parse arguments and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--normalise", type=int, default=300, help="bulletins for normalise()")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over the normalise sample")
    parser.add_argument("--render", type=int, default=1000, help="bulletins rendered (0: skip)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/publish-radio-bench"))
    parser.add_argument(
        "--phases", default="cold,warm,edit", help="comma-separated: cold, warm, edit (one edit)"
    )
    parser.add_argument("--phase", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    if args.normalise:
        files = make_project(args.work / f"project-{args.normalise}", args.normalise)
        ms = bench_normalise(files, args.rounds)
        print(
            f"normalise: {ms:.2f} ms/bulletin (median of {args.rounds} rounds, {len(files)} files)"
        )
    if args.render:
        print(f"radio channel, {args.render} bulletins:")
        phases = [p.strip() for p in args.phases.split(",") if p.strip()]
        unknown = sorted(set(phases) - set(PHASES))
        if unknown:
            parser.error(f"unknown phases {unknown}; choose from {sorted(PHASES)}")
        bench_render(args.work, args.render, phases)


if __name__ == "__main__":
    main()
