#!/usr/bin/env python3
"""Benchmark Python-Markdown's inline pass and whole conversion on a corpus's bodies, the tuned
converters of this tree against another tree's (a checkout of main) and stock Python-Markdown.

Bodies are read from the project's content/ (front matter removed). Each round converts every
body with the website's converter and Zalo's, once with each tree's markdown_tuning (interleaved,
order swapped each round), and runs the website converter's inline pass alone on copies of the
trees it is handed; prints CPU µs per body, medians and each round, and the load average.

Usage (from the repository, with the project venv active):
    python benchmarks/make_corpus.py /tmp/corpus 1000
    python benchmarks/markdown_inline.py /tmp/corpus [--baseline /tmp/main-checkout] [--rounds 8]
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import os
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import ModuleType

import frontmatter
import markdown

from publish import markdown_tuning
from publish.markdown_escapes import QuoteEscapes
from publish.markdown_lists import ListsAfterText
from publish.markdown_pasted import PastedLists
from publish.render.web import markdown as web_markdown


def _tuning(tree: Path) -> ModuleType:
    """The markdown_tuning module of another checkout, loaded under its own name."""
    spec = importlib.util.spec_from_file_location(
        "baseline_tuning", tree / "publish" / "markdown_tuning.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _web(tuning: ModuleType | None) -> web_markdown.MarkdownRenderer:
    """The website's converter, tuned by `tuning` (stock Python-Markdown when None)."""
    saved = web_markdown.tuned
    web_markdown.tuned = tuning.tuned if tuning else (lambda md: md)
    try:
        return web_markdown.MarkdownRenderer()
    finally:
        web_markdown.tuned = saved


def _zalo(tuning: ModuleType | None) -> markdown.Markdown:
    """Zalo's converter, tuned by `tuning` (stock Python-Markdown when None)."""
    md = markdown.Markdown(
        extensions=["extra", "sane_lists", PastedLists(), ListsAfterText(), QuoteEscapes()],
        output_format="html",
    )
    return tuning.tuned(md) if tuning else md


def _inline_trees(renderer: web_markdown.MarkdownRenderer, bodies: list[str]) -> list[ET.Element]:
    """The trees the website converter's inline pass is handed, one a body."""
    inline = renderer._md.treeprocessors["inline"]
    trees: list[ET.Element] = []
    stock_run = inline.run

    def kept(tree: ET.Element) -> ET.Element | None:
        """Keep a copy of the tree, then run the pass."""
        trees.append(copy.deepcopy(tree))
        return stock_run(tree)

    inline.run = kept  # type: ignore[method-assign,assignment]
    for body in bodies:
        renderer.convert(body, lookup=lambda src: None)
    del inline.run
    return trees


def _web_time(renderer: web_markdown.MarkdownRenderer, bodies: list[str]) -> float:
    """CPU seconds the website's converter takes for the bodies."""
    start = time.process_time()
    for body in bodies:
        renderer.convert(body, lookup=lambda src: None)
    return time.process_time() - start


def _zalo_time(md: markdown.Markdown, bodies: list[str]) -> float:
    """CPU seconds Zalo's converter takes for the bodies."""
    start = time.process_time()
    for body in bodies:
        md.reset().convert(body)
    return time.process_time() - start


def _inline_time(renderer: web_markdown.MarkdownRenderer, trees: list[ET.Element]) -> float:
    """CPU seconds the converter's inline pass takes for copies of the trees."""
    md = renderer._md
    inline = md.treeprocessors["inline"]
    copies = copy.deepcopy(trees)
    md.reset()
    start = time.process_time()
    for tree in copies:
        inline.run(tree)
    return time.process_time() - start


def main() -> None:
    """Time each side and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a project folder (site.toml, content/)")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    bodies = [
        frontmatter.loads(path.read_text(encoding="utf-8")).content
        for path in sorted((args.project / "content").rglob("*.md"))
    ]
    tunings: dict[str, ModuleType | None] = {"this tree": markdown_tuning, "stock": None}
    if args.baseline:
        tunings["baseline"] = _tuning(args.baseline)
    webs = {name: _web(tuning) for name, tuning in tunings.items()}
    zalos = {name: _zalo(tuning) for name, tuning in tunings.items()}
    trees = _inline_trees(webs["this tree"], bodies)
    sides: dict[str, Callable[[], float]] = {}
    for name in tunings:
        sides[f"web convert, {name}"] = partial(_web_time, webs[name], bodies)
        sides[f"Zalo convert, {name}"] = partial(_zalo_time, zalos[name], bodies)
        sides[f"web inline pass, {name}"] = partial(_inline_time, webs[name], trees)
    spent: dict[str, list[float]] = {name: [] for name in sides}
    loads = []
    for number in range(args.rounds):
        for name in sorted(sides, reverse=number % 2 == 1):
            spent[name].append(sides[name]() / len(bodies) * 1e6)
        loads.append(os.getloadavg()[0])
    print(f"{len(bodies)} bodies, {args.rounds} rounds, load {min(loads):.1f}-{max(loads):.1f}")
    for name in sorted(sides):
        rounds = " ".join(f"{value:.0f}" for value in spent[name])
        print(f"{name}: median {statistics.median(spent[name]):.0f} µs a body ({rounds})")


if __name__ == "__main__":
    main()
