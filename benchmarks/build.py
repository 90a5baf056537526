#!/usr/bin/env python3
"""Benchmark `publish build`: cold, no-op, one-edit and one-added rebuilds, web and all channels.

Usage (from the repository, with the project venv active):
    python benchmarks/build.py                      # 1,000 and 10,000 bulletins
    python benchmarks/build.py --sizes 1000 --verify
    python benchmarks/build.py --peers hugo,eleventy,pelican --sizes 10000
    python benchmarks/build.py --work /dev/shm/publish-bench   # on tmpfs, as README's figures

The report names the filesystem of --work. On ext4 without a journal, creating files slows down
after many deletions (see `filesystem`), and each cold build follows the deletion of the last
output: figures there measure the filesystem's history as much as the tools.

Each build runs as a subprocess (`python -m publish build`), so a figure includes interpreter
start-up and every worker process. Peak memory is the largest sum of RSS over the build's whole
process tree, sampled every 20 ms; the same for PSS (a page shared by a forked worker and its
parent counts half in each, so the sum is the memory the tree really holds), sampled as often as
costs at most 2% of a core; and the largest single process (getrusage of the child).
The corpus comes from benchmarks/make_corpus.py (deterministic, seeded) and is kept in --work.

Hugo (`hugo`), Eleventy (`npx @11ty/eleventy`, or --eleventy-dir with it installed) and Pelican
(`pelican`, or --pelican) build the same bulletins with a comparable minimal theme when they are
installed; their figures and the ratios come from the same run. With `--rounds N`, the cold builds
of ours and of each peer run N times, interleaved round by round, and the cold figures and ratios
are the medians (the per-round ratios are printed too: a shared machine's speed drifts within a
run, and the two builds of a round are the closest in time). `hugo-norel` is Hugo with the
same theme less its related-bulletins list (`.Related`, the costliest part of Hugo's build here):
the stricter comparison README also reports. `eleventy` builds the site the issue compares
(bulletin pages with their neighbours, category and tag lists, pagination, feeds, sitemap);
`eleventy-min` the smaller site measured before session 51 (no category lists, feeds, sitemap or
neighbours, one unpaginated page per tag), kept so that figures compare across sessions.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import publish

HERE = Path(__file__).resolve().parent
PSS_SPACING = 50
"""A PSS sample that took d seconds is followed by the next one no sooner than 50·d later."""
SEED = "20250501"
"""make_corpus.py's default seed, which the corpora are made with."""
NOW = "2030-01-01 00:00"
"""A fixed clock after every generated bulletin, so runs are comparable."""


@dataclass
class Run:
    """One measured build."""

    label: str
    seconds: float
    peak_tree_mb: float
    peak_single_mb: float
    peak_pss_mb: float = 0.0
    """Largest sum of proportional set sizes over the tree: pages a forked worker shares with
    its parent (copy-on-write) count once, not once per process as in the RSS sum."""
    files_changed: int | None = None
    ok: bool = True
    output: str = ""
    """What the command printed (ours: the `--timings` table)."""


def _children(pid: int) -> list[int]:
    """Direct children of a process (Linux /proc)."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(p) for p in handle.read().split()]
    except OSError:
        pass
    return found


def _proc_kb(path: str, field: str) -> int:
    """A "Field:   N kB" value of a /proc file (0 when the process is gone or it is unreadable)."""
    try:
        with open(path) as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_kb(pids: list[int], path: str, field: str) -> int:
    """Sum of one /proc memory figure over processes (e.g. a tree, from `_tree_pids`)."""
    return sum(_proc_kb(path.format(pid=pid), field) for pid in pids)


def _tree_rss_kb(pid: int) -> int:
    """Sum of RSS over a process tree."""
    return _tree_kb(_tree_pids(pid), "/proc/{pid}/status", "VmRSS:")


def _tree_pids(pid: int) -> list[int]:
    """A process and all its descendants."""
    found, stack = [], [pid]
    while stack:
        found.append(stack.pop())
        stack += _children(found[-1])
    return sorted(found)


def _tree_pss_kb(pid: int) -> int:
    """Sum of PSS over a process tree (shared pages split between the processes sharing them),
    or 0 (no sample) when a process started or ended while it was read: a worker forked after
    its parent was read would count the pages they now share once whole, once halved (one such
    sample reported 454 MB for a build whose other samples stayed under 345)."""
    pids = _tree_pids(pid)
    total = _tree_kb(pids, "/proc/{pid}/smaps_rollup", "Pss:")
    return total if _tree_pids(pid) == pids else 0


def measure(label: str, argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command, timing it and sampling the memory of its process tree."""
    errors = tempfile.TemporaryFile()  # noqa: SIM115 - read after the process ends
    printed = tempfile.TemporaryFile()  # noqa: SIM115 - read after the process ends
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=printed, stderr=errors)
    peak = pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, pss
        next_pss = 0.0
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            if time.perf_counter() >= next_pss:
                # Reading smaps_rollup walks the page tables: ~14 ms for our 10,000-bulletin
                # tree, so every 20 ms it took ~8 s of CPU from the 2-core build it measured.
                # Spaced so it costs at most 2% of one core; RSS stays sampled every 20 ms.
                began = time.perf_counter()
                pss = max(pss, _tree_pss_kb(proc.pid))
                next_pss = began + PSS_SPACING * (time.perf_counter() - began)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors.seek(0)
    stderr = errors.read().decode("utf-8", "replace")
    errors.close()
    printed.seek(0)
    stdout = printed.read().decode("utf-8", "replace")
    printed.close()
    ok = proc.returncode == 0
    if not ok:
        print(f"  ! {label} failed ({proc.returncode}):\n{stderr[-2000:]}", file=sys.stderr)
    single = usage.ru_maxrss / 1024
    return Run(label, seconds, max(peak / 1024, single), single, pss / 1024, ok=ok, output=stdout)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime_ns) of every file under a folder."""
    result = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            info = os.stat(path)
            result[os.path.relpath(path, folder)] = (info.st_ino, info.st_mtime_ns)
    return result


def changed(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> int:
    """Files added, removed or rewritten between two snapshots."""
    keys = before.keys() | after.keys()
    return sum(1 for k in keys if before.get(k) != after.get(k))


def corpus(work: Path, n: int, layout: str, photos: bool = False) -> Path:
    """The generated corpus for n bulletins in a layout (made once, then reused)."""
    target = work / f"{layout}-{n}{'-photos' if photos else ''}"
    marker = target / ".complete"
    if not marker.exists():
        shutil.rmtree(target, ignore_errors=True)
        source = {"hugo-norel": "hugo", "eleventy-min": "eleventy"}.get(layout, layout)
        subprocess.run(
            [sys.executable, str(HERE / "make_corpus.py"), str(target), str(n), "--layout", source]
            + (["--photos"] if photos else []),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        if layout != "publish":
            peer_scaffold(target, layout)
        marker.touch()
    return target


def cold_copy(source: Path, root: Path) -> None:
    """`root` made a copy of the corpus project `source` without any .cache/ or output/ in it: a
    build someone ran in the corpus folder (to look at the site) left them there, and the
    «cold» build then took every resized photo from that cache (10,000 bulletins with photos:
    53 s instead of ~300)."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(source, root, ignore=shutil.ignore_patterns(".cache", "output"))


def edit_one(root: Path, n: int) -> Path:
    """Append a sentence to the body of the middle bulletin (a typical correction)."""
    files = sorted((root / "content" / "bai-viet").glob("*.md"))
    path = files[n // 2]
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"\nCập nhật lúc {time.time_ns()}: thông tin đã được xác minh thêm.\n")
    return path


def add_one(root: Path, n: int) -> Path:
    """Add the next bulletin of the same generator, the newest of all (a unit's everyday change)."""
    sys.path.insert(0, str(HERE))
    import make_corpus

    bulletin = make_corpus.Bulletin(SEED, n + 1)  # the corpus holds bulletins 1 to n
    path = Path(make_corpus.target_path(str(root), "publish", bulletin.slug))
    path.write_text(make_corpus.publish_markdown(bulletin), encoding="utf-8")
    return path


def as_ci_checkout(root: Path) -> None:
    """Put the project back where it was as a CI run finds it: a fresh checkout (every file
    new: other inodes and times) with .cache/ and output/ restored from the CI cache (same
    bytes and times, other inodes), so no stat recorded by the last build matches."""
    last = root.with_name(root.name + "-last")
    shutil.rmtree(last, ignore_errors=True)
    root.rename(last)
    ignore = shutil.ignore_patterns(".cache", "output")
    shutil.copytree(last, root, ignore=ignore, copy_function=shutil.copyfile)
    shutil.copytree(last / ".cache", root / ".cache")
    shutil.copytree(last / "output", root / "output")
    shutil.rmtree(last)


def publish_argv(root: Path, channels: str | None) -> list[str]:
    """The `publish build` command line."""
    argv = [sys.executable, "-m", "publish", "build", "--root", str(root), "--now", NOW, "-q"]
    argv.append("--timings")  # printed after the table: where each build's time went
    return argv + (["--channel", channels] if channels else [])


def check_argv(root: Path, channels: str | None) -> list[str]:
    """The `publish check` command line (as CI runs it before each build)."""
    argv = [sys.executable, "-m", "publish", "check", "--root", str(root), "--now", NOW]
    return argv + (["--channel", channels] if channels else [])


def measure_check(label: str, root: Path, channels: str | None) -> Run:
    """`publish check`, its report cut to the last line (thousands of warnings otherwise)."""
    run = measure(label, check_argv(root, channels), root)
    run.output = run.output.rstrip().rsplit("\n", 1)[-1]
    return run


def bench_publish(
    work: Path, n: int, channels: str | None, verify: bool, photos: bool = False
) -> list[Run]:
    """Cold, no-op, one-edit and one-added builds of our tool on n bulletins, then one edit as CI sees it
    (see as_ci_checkout); a `publish check` first after the no-op build (no page checked before)
    and before each one-edit build, as CI checks then builds each merge; with `verify`, the final
    output is compared with a clean build."""
    name = channels or "all"
    source = corpus(work, n, "publish", photos)
    root = work / f"run-{n}-{name}{'-photos' if photos else ''}"
    cold_copy(source, root)
    argv = publish_argv(root, channels)
    runs = [measure(f"publish {name} cold", argv, root)]
    before = snapshot(root / "output")
    runs.append(measure(f"publish {name} no-op", argv, root))
    runs[-1].files_changed = changed(before, snapshot(root / "output"))
    if (why := rebuilt(runs[-1].output)) is not None:
        print(f"  ! {name} n={n}: the no-op build built again, its figure is no no-op: {why}")
    runs.append(measure_check(f"publish {name} first check", root, channels))
    edit_one(root, n)
    runs.append(measure_check(f"publish {name} check one edit", root, channels))
    before = snapshot(root / "output")
    runs.append(measure(f"publish {name} one edit", argv, root))
    runs[-1].files_changed = changed(before, snapshot(root / "output"))
    add_one(root, n)
    before = snapshot(root / "output")
    runs.append(measure(f"publish {name} one added", argv, root))
    runs[-1].files_changed = changed(before, snapshot(root / "output"))
    if channels == "web":  # what `publish serve` builds
        runs += bench_serve(root, n)
    as_ci_checkout(root)
    edit_one(root, n)
    runs.append(measure_check(f"publish {name} check one edit in CI", root, channels))
    before = snapshot(root / "output")
    runs.append(measure(f"publish {name} one edit in CI", argv, root))
    runs[-1].files_changed = changed(before, snapshot(root / "output"))
    if verify:
        clean = work / f"clean-{n}-{name}"
        shutil.rmtree(clean, ignore_errors=True)
        shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "output"))
        subprocess.run(publish_argv(clean, channels), check=True, stdout=subprocess.DEVNULL)
        diff = compare_trees(root / "output", clean / "output")
        print(f"  verify {name} n={n}: {'identical to a clean build' if not diff else diff[:10]}")
        shutil.rmtree(clean, ignore_errors=True)
    shutil.rmtree(root, ignore_errors=True)
    return runs


def bench_cold(work: Path, n: int, channels: str | None, photos: bool = False) -> Run:
    """One more cold build of our tool on n bulletins (a round of --rounds after the first)."""
    name = channels or "all"
    root = work / f"cold-{n}-{name}{'-photos' if photos else ''}"
    cold_copy(corpus(work, n, "publish", photos), root)
    run = measure(f"publish {name} cold", publish_argv(root, channels), root)
    shutil.rmtree(root, ignore_errors=True)
    return run


def median_run(runs: list[Run]) -> Run:
    """The run of median time (of an even count, the faster of the two middle ones)."""
    middle = statistics.median_low(run.seconds for run in runs)
    return next(run for run in runs if run.seconds == middle)


def rounds_summary(colds: dict[str, list[Run]], ours: str) -> list[str]:
    """Lines giving each tool's cold times over the rounds and their median, then for each
    peer the ratio of our cold build to its own in each round (the two minutes apart: this
    machine's speed drifts over a run; the ratio of a round drifts least)."""
    lines = [
        f"|  | {label}, {len(runs)} rounds: "
        + " / ".join(f"{run.seconds:.2f}" for run in runs)
        + f" s; median {median_run(runs).seconds:.2f} s | | | | | |"
        for label, runs in colds.items()
    ]
    mine = colds.get(ours, [])
    for label, runs in colds.items():
        if label == ours or not mine:
            continue
        ratios = [a.seconds / b.seconds for a, b in zip(mine, runs, strict=False) if b.seconds]
        if ratios:
            lines.append(
                f"|  | {ours} / {label} by round: "
                + " / ".join(f"{r:.2f}" for r in ratios)
                + f"; median {statistics.median_low(ratios):.2f} | | | | | |"
            )
    return lines


SERVE_STEPS = {
    "first": "serve start",
    "edit": "serve one edit",
    "save": "serve save unchanged",
}
"""benchmarks/serve_rebuilds.py's rebuilds, as the table names them."""


def bench_serve(root: Path, n: int) -> list[Run]:
    """`publish serve`'s rebuilds in one process (see serve_rebuilds.py), right after a build of
    the web channel: each row's time is the rebuild's own (the server's start-up is not in it),
    its memory the whole process's."""
    files = sorted((root / "content" / "bai-viet").glob("*.md"))
    edited = files[n // 2 + 1].relative_to(root).as_posix()  # not the one edit_one edited
    script = str(HERE / "serve_rebuilds.py")
    argv = [sys.executable, script, str(root), "--edit", edited, "--now", NOW]
    process = measure("publish web serve", argv, root)
    if not process.ok:
        return [process]
    figures = json.loads(process.output)
    runs = []
    for step, label in SERVE_STEPS.items():
        seconds, logged, files_changed = figures[step]
        run = Run(f"publish web {label}", seconds, process.peak_tree_mb, process.peak_single_mb)
        run.peak_pss_mb, run.output, run.files_changed = process.peak_pss_mb, logged, files_changed
        runs.append(run)
    return runs


REBUILT = "Không dùng lại lần dựng trước: "
"""How `publish build --timings` opens the line saying why it did not replay the last build."""


def rebuilt(printed: str) -> str | None:
    """Why a build that should have replayed the last one built again (e.g. the tool's code
    changed in the middle of the benchmark), as the tool printed it; None when it replayed."""
    for line in printed.splitlines():
        if line.startswith(REBUILT):
            return line.removeprefix(REBUILT)
    return None


def compare_trees(a: Path, b: Path) -> list[str]:
    """Paths that differ between two output trees (missing on one side or other bytes)."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = sorted(files_a ^ files_b)
    differ += sorted(p for p in files_a & files_b if (a / p).read_bytes() != (b / p).read_bytes())
    return differ


# Peers ----------------------------------------------------------------------

HUGO_CONFIG = """\
baseURL = "https://congan-chauthanh.example.vn/"
languageCode = "vi"
title = "Công an huyện Châu Thành"
paginate = 10
[taxonomies]
category = "categories"
tag = "tags"
[related]
includeNewer = true
threshold = 10
toLower = true
[[related.indices]]
name = "tags"
weight = 100
[[related.indices]]
name = "categories"
weight = 50
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{{ .Title }} | {{ .Site.Title }}</title><meta name="description" content="{{ .Summary | plainify }}">
<link rel="canonical" href="{{ .Permalink }}"></head><body>
<nav><a href="/">Trang chủ</a>{{ range .Site.Taxonomies.categories }}<a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main><footer>{{ .Site.Title }}</footer></body></html>""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "02/01/2006" }}</time>
{{ .Content }}<ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
<aside>{{ range first 4 (.Site.RegularPages.Related .) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</aside>
</article>{{ end }}""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Params.summary }}</p></article>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}""",
    "index.html": """{{ define "main" }}{{ $p := .Paginate (where .Site.RegularPages "Type" "bai-viet") }}
{{ range $p.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Params.summary }}</p></article>{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}""",
}
PELICAN_CONFIG = """\
AUTHOR = "Công an huyện Châu Thành"
SITENAME = "Công an huyện Châu Thành"
SITEURL = "https://congan-chauthanh.example.vn"
PATH = "content"
ARTICLE_PATHS = ["bai-viet"]
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_PAGINATION = 10
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
RELATIVE_URLS = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""
ELEVENTY_MINIMAL_FILES = {
    "eleventy.config.js": """export default function (cfg) {
  cfg.addCollection("bulletins", (api) => api.getFilteredByGlob("bai-viet/*.md").reverse());
  return { dir: { input: ".", output: "_site" }, markdownTemplateEngine: false };
}
""",
    "bai-viet/bai-viet.11tydata.json": '{"layout": "post.njk"}\n',
    "_includes/post.njk": """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ title }}</title>
<meta name="description" content="{{ summary }}"></head><body><article><h1>{{ title }}</h1>
<time>{{ page.date.toISOString() }}</time>{{ content | safe }}
<ul>{% for t in tags %}<li><a href="/the/{{ t | slugify }}/">{{ t }}</a></li>{% endfor %}</ul>
</article></body></html>""",
    "index.njk": """---
pagination:
  data: collections.bulletins
  size: 10
permalink: "/{% if pagination.pageNumber > 0 %}trang/{{ pagination.pageNumber + 1 }}/{% endif %}"
---
<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang chủ</title></head><body>
{% for b in pagination.items %}<article><h2><a href="{{ b.url }}">{{ b.data.title }}</a></h2><p>{{ b.data.summary }}</p></article>{% endfor %}
{% if pagination.href.next %}<a href="{{ pagination.href.next }}">Sau</a>{% endif %}</body></html>
""",
    "tags.njk": """---
pagination:
  data: collections
  size: 1
  alias: tag
  filter: ["all", "bulletins"]
permalink: "/the/{{ tag | slugify }}/"
---
<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ tag }}</title></head><body>
{% for b in collections[tag] | reverse %}<article><a href="{{ b.url }}">{{ b.data.title }}</a></article>{% endfor %}
</body></html>
""",
}
"""`eleventy-min`: the Eleventy site of sessions before 51 (bulletin pages, home pages, one
unpaginated page per tag): no category lists, no paginated tag lists, no feed, no sitemap, no
links to the previous and next bulletin. Kept so that figures compare across sessions."""

_ELEVENTY_LIST = """---
layout: base.njk
pagination:
  data: collections.COLLECTION
  size: 1
  alias: part
  addAllPagesToCollections: true
eleventyComputed:
  title: "{{ part.key }}"
permalink: "/FOLDER/{{ part.key | slugify }}/{% if part.number > 0 %}trang/{{ part.number + 1 }}/{% endif %}"
---
<h1>{{ part.key }}</h1>
{% for b in part.items %}<article><h2><a href="{{ b.url }}">{{ b.data.title }}</a></h2>
<time>{{ b.date | vnDate }}</time><p>{{ b.data.summary }}</p></article>{% endfor %}
<nav>{% if part.number > 0 %}<a href="/FOLDER/{{ part.key | slugify }}/{% if part.number > 1 %}trang/{{ part.number }}/{% endif %}">Trước</a>{% endif %}
{% if part.number + 1 < part.count %}<a href="/FOLDER/{{ part.key | slugify }}/trang/{{ part.number + 2 }}/">Sau</a>{% endif %}</nav>
"""
_ELEVENTY_ENTRIES = """{% for b in items %}<entry><id>{{ site }}{{ b.url }}</id><title>{{ b.data.title | escape }}</title>
<link href="{{ site }}{{ b.url }}"/><updated>{{ b.date.toISOString() }}</updated>
<summary>{{ b.data.summary | escape }}</summary><content type="html">{{ b.content | escape }}</content></entry>
{% endfor %}</feed>
"""
ELEVENTY_FILES = {
    "eleventy.config.js": """export default function (cfg) {
  const PER_PAGE = 10;
  const FEED_ITEMS = 20;
  const bulletins = (api) => api.getFilteredByGlob("bai-viet/*.md").reverse();
  const grouped = (posts, keysOf) => {
    const groups = new Map();
    for (const post of posts) {
      for (const key of keysOf(post)) {
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(post);
      }
    }
    return groups;
  };
  const listPages = (posts, keysOf) => {
    const pages = [];
    for (const [key, items] of grouped(posts, keysOf)) {
      const count = Math.ceil(items.length / PER_PAGE);
      for (let number = 0; number < count; number++) {
        const part = items.slice(number * PER_PAGE, (number + 1) * PER_PAGE);
        pages.push({ key, number, count, items: part });
      }
    }
    return pages;
  };
  const category = (post) => [post.data.category];
  const tags = (post) => post.data.tags || [];
  cfg.addCollection("bulletins", bulletins);
  cfg.addCollection("categoryPages", (api) => listPages(bulletins(api), category));
  cfg.addCollection("tagPages", (api) => listPages(bulletins(api), tags));
  cfg.addCollection("categoryFeeds", (api) =>
    [...grouped(bulletins(api), category)].map(([key, items]) => ({ key, items: items.slice(0, FEED_ITEMS) })));
  cfg.addFilter("vnDate", (d) =>
    `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`);
  return { dir: { input: ".", output: "_site" }, markdownTemplateEngine: false };
}
""",
    "bai-viet/bai-viet.11tydata.json": '{"layout": "post.njk"}\n',
    "_includes/base.njk": """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{{ title }} | Công an huyện Châu Thành</title><meta name="description" content="{{ summary }}">
<link rel="canonical" href="https://congan-chauthanh.example.vn{{ page.url }}">
<link rel="alternate" type="application/atom+xml" href="/feed.xml"></head><body>
<nav><a href="/">Trang chủ</a>{% for f in collections.categoryFeeds %}<a href="/chuyen-muc/{{ f.key | slugify }}/">{{ f.key }}</a>{% endfor %}</nav>
<main>{{ content | safe }}</main><footer>Công an huyện Châu Thành</footer></body></html>""",
    "_includes/post.njk": """---
layout: base.njk
---
<article><h1>{{ title }}</h1>
<time datetime="{{ page.date.toISOString() }}">{{ page.date | vnDate }}</time>{{ content | safe }}
<p><a href="/chuyen-muc/{{ category | slugify }}/">{{ category }}</a></p>
<ul>{% for t in tags %}<li><a href="/the/{{ t | slugify }}/">{{ t }}</a></li>{% endfor %}</ul>
{% set previous = collections.bulletins | getPreviousCollectionItem(page) %}
{% set next = collections.bulletins | getNextCollectionItem(page) %}
{% if previous %}<a href="{{ previous.url }}">{{ previous.data.title }}</a>{% endif %}
{% if next %}<a href="{{ next.url }}">{{ next.data.title }}</a>{% endif %}
</article>""",
    "index.njk": """---
layout: base.njk
title: Trang chủ
pagination:
  data: collections.bulletins
  size: 10
  addAllPagesToCollections: true
permalink: "/{% if pagination.pageNumber > 0 %}trang/{{ pagination.pageNumber + 1 }}/{% endif %}"
---
{% for b in pagination.items %}<article><h2><a href="{{ b.url }}">{{ b.data.title }}</a></h2>
<time>{{ b.date | vnDate }}</time><p>{{ b.data.summary }}</p></article>{% endfor %}
<nav>{% if pagination.href.previous %}<a href="{{ pagination.href.previous }}">Trước</a>{% endif %}
{% if pagination.href.next %}<a href="{{ pagination.href.next }}">Sau</a>{% endif %}</nav>
""",
    "categories.njk": _ELEVENTY_LIST.replace("COLLECTION", "categoryPages").replace(
        "FOLDER", "chuyen-muc"
    ),
    "tags.njk": _ELEVENTY_LIST.replace("COLLECTION", "tagPages").replace("FOLDER", "the"),
    "feed.njk": """---
permalink: /feed.xml
eleventyExcludeFromCollections: true
site: https://congan-chauthanh.example.vn
---
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Công an huyện Châu Thành</title>
<id>{{ site }}/</id><updated>{{ collections.bulletins[0].date.toISOString() }}</updated>
{% set items = collections.bulletins.slice(0, 20) %}"""
    + _ELEVENTY_ENTRIES,
    "category-feeds.njk": """---
pagination:
  data: collections.categoryFeeds
  size: 1
  alias: f
permalink: "/chuyen-muc/{{ f.key | slugify }}/feed.xml"
eleventyExcludeFromCollections: true
site: https://congan-chauthanh.example.vn
---
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{{ f.key }}</title>
<id>{{ site }}/chuyen-muc/{{ f.key | slugify }}/</id><updated>{{ f.items[0].date.toISOString() }}</updated>
{% set items = f.items %}"""
    + _ELEVENTY_ENTRIES,
    "sitemap.njk": """---
permalink: /sitemap.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{% for p in collections.all %}<url><loc>https://congan-chauthanh.example.vn{{ p.url }}</loc><lastmod>{{ p.date.toISOString() }}</lastmod></url>
{% endfor %}</urlset>
""",
}
"""`eleventy`: the site the issue compares (bulletin pages, category and tag lists, pagination,
feed), as Hugo's here builds it: each bulletin with its category, tags and the previous and next
bulletin; home, category and tag lists 10 to a page; the site's Atom feed and one per category
(20 latest, whole text, as ours); a sitemap. No related bulletins (as `hugo-norel`)."""


def peer_scaffold(target: Path, layout: str) -> None:
    """Configuration and a minimal comparable theme for a peer tool."""
    files: dict[str, str] = {}
    if layout in ("hugo", "hugo-norel"):
        layouts = HUGO_LAYOUTS
        if layout == "hugo-norel":
            layouts = {k: _without_related(v) for k, v in HUGO_LAYOUTS.items()}
        files = {"hugo.toml": HUGO_CONFIG, **{f"layouts/{k}": v for k, v in layouts.items()}}
    elif layout == "pelican":
        files = {"pelicanconf.py": PELICAN_CONFIG}
    elif layout == "eleventy":
        files = {"package.json": '{"type": "module"}\n', **ELEVENTY_FILES}
    elif layout == "eleventy-min":
        files = {"package.json": '{"type": "module"}\n', **ELEVENTY_MINIMAL_FILES}
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _without_related(template: str) -> str:
    """A Hugo template without its lines that list related bulletins."""
    return "".join(line for line in template.splitlines(keepends=True) if ".Related" not in line)


def peer_command(name: str, args: argparse.Namespace) -> tuple[list[str], dict[str, str]] | None:
    """The command line that builds a peer corpus, or None when the tool is not installed."""
    env = dict(os.environ)
    if name in ("hugo", "hugo-norel") and shutil.which("hugo"):
        return ["hugo", "--quiet", "--destination", "public"], env
    if name == "pelican":
        exe = args.pelican or shutil.which("pelican")
        if exe:
            return [exe, "content", "-o", "output", "-s", "pelicanconf.py", "-q"], env
    if name in ("eleventy", "eleventy-min"):
        if args.eleventy_dir:
            env["NODE_PATH"] = str(Path(args.eleventy_dir) / "node_modules")
            binary = Path(args.eleventy_dir) / "node_modules" / ".bin" / "eleventy"
            return [str(binary), "--quiet"], env
        if shutil.which("npx"):
            return ["npx", "--no-install", "@11ty/eleventy", "--quiet"], env
    return None


def bench_peer(work: Path, n: int, name: str, args: argparse.Namespace) -> Run | None:
    """A cold build of the same corpus with a peer tool."""
    found = peer_command(name, args)
    if found is None:
        return None
    argv, env = found
    root = corpus(work, n, name)
    for out in ("public", "resources", "output", "_site", "__pycache__"):
        shutil.rmtree(root / out, ignore_errors=True)
    if name in ("eleventy", "eleventy-min") and args.eleventy_dir:
        link = root / "node_modules"
        if not link.exists():
            link.symlink_to(Path(args.eleventy_dir).resolve() / "node_modules")
    return measure(f"{name} cold", argv, root, env)


# Report ---------------------------------------------------------------------


def machine() -> str:
    """CPU model, core count, memory and Python version of this machine."""
    model = "?"
    try:
        text = Path("/proc/cpuinfo").read_text()
        model = re.search(r"model name\s*:\s*(.*)", text).group(1)  # type: ignore[union-attr]
    except (OSError, AttributeError):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {mem:.0f} GB RAM, Python {sys.version.split()[0]}"


def filesystem(folder: Path) -> str:
    """The filesystem type holding `folder`, with a warning when file creation there is known to
    depend on what was deleted before (so that figures from it are not compared blindly)."""
    target = os.path.realpath(folder)
    best = ("", "?", "?")
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            device, point, kind = line.split()[:3]
            inside = target == point or target.startswith(point.rstrip("/") + "/")
            if inside and len(point) >= len(best[0]):
                best = (point, kind, device)
    except OSError:
        return "?"
    point, kind, device = best
    name = os.path.basename(device)
    if kind == "ext4" and Path(f"/proc/fs/ext4/{name}").is_dir():
        journals = Path("/proc/fs/jbd2")
        if journals.is_dir() and not any(j.name.startswith(name) for j in journals.iterdir()):
            # Without a journal, ext4 skips free inodes that were freed recently while their
            # inode-table block is cached: each new file scans past the files deleted before it.
            # Measured here: 10,000 files took 0.3 s of kernel time in a fresh folder, ~10 s
            # after deleting 10,000 others (still so 35 s later and after `sync`), 1.6 s once
            # the page cache was dropped; a 10,000-bulletin cold build lost 2-12 s to it.
            return (
                f"{kind} without a journal at {point}: file creation slows down after many "
                "deletions there (ext4 recently-deleted inode check); use --work on tmpfs "
                "(e.g. /dev/shm/publish-bench) for figures that measure the tools"
            )
    return f"{kind} at {point}"


def row(run: Run, n: int) -> str:
    """One Markdown table row."""
    rate = n / run.seconds if run.seconds else 0
    changed_files = "" if run.files_changed is None else str(run.files_changed)
    status = "" if run.ok else " (FAILED)"
    return (
        f"| {n:,} | {run.label}{status} | {run.seconds:.2f} | {rate:,.0f} | "
        f"{run.peak_tree_mb:.0f} | {run.peak_pss_mb:.0f} | {run.peak_single_mb:.0f} | {changed_files} |"
    )


def compile_tool() -> None:
    """Byte-compile the tool first, as an install does: with PYTHONDONTWRITEBYTECODE set (as on
    some CI images) an editable install is compiled from source at every start (~0.1-0.2 s)."""
    compileall.compile_dir(Path(publish.__file__).parent, quiet=1)


def main() -> int:
    """Run every benchmark asked for and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="bulletin counts, comma-separated")
    parser.add_argument("--work", default="/tmp/publish-bench", help="corpus and scratch folder")
    parser.add_argument("--channels", default="web,all", help="web, all, or both (web,all)")
    parser.add_argument(
        "--peers",
        default="hugo,hugo-norel,eleventy,eleventy-min,pelican",
        help="peers to try; '' for none",
    )
    parser.add_argument("--pelican", help="path of a pelican executable (e.g. in another venv)")
    parser.add_argument("--eleventy-dir", help="folder where @11ty/eleventy is npm-installed")
    parser.add_argument(
        "--verify", action="store_true", help="compare the one-edit output with a clean build"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="cold builds of ours and of each peer, interleaved round by round; the table's "
        "cold figures and ratios are then the medians (the machine's speed drifts over a run)",
    )
    parser.add_argument(
        "--photos",
        action="store_true",
        help="our tool only: every cover is the bulletin's own photo (peers resize no images)",
    )
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    compile_tool()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    peers = [p for p in args.peers.split(",") if p] if not args.photos else []
    print(f"Machine: {machine()}")
    print(f"Work folder: {work} ({filesystem(work)})")
    if args.photos:
        print("Corpus: each cover is the bulletin's own photo (3 in 4 bulletins); no peers")
    print()
    print(
        "| bulletins | build | wall s | bulletins/s | peak MB (tree RSS) | peak MB (tree PSS) "
        "| peak MB (largest process) | files changed |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    phases: list[tuple[int, Run]] = []
    for n in sizes:
        results: dict[str, Run] = {}
        for channels in args.channels.split(","):
            chosen = None if channels == "all" else channels
            for run in bench_publish(work, n, chosen, args.verify, args.photos):
                results[run.label] = run
                phases.append((n, run))
                print(row(run, n), flush=True)
        for name in peers:
            peer = bench_peer(work, n, name, args)
            if peer is not None:
                results[peer.label] = peer
                print(row(peer, n), flush=True)
        colds = {label: [run] for label, run in results.items() if label.endswith(" cold")}
        for _ in range(args.rounds - 1):
            for channels in args.channels.split(","):
                again = bench_cold(work, n, None if channels == "all" else channels, args.photos)
                colds[again.label].append(again)
            for name in peers:
                peer = bench_peer(work, n, name, args)
                if peer is not None:
                    colds.setdefault(peer.label, []).append(peer)
        if args.rounds > 1:
            for line in rounds_summary(colds, "publish web cold"):
                print(line, flush=True)
            results.update({label: median_run(runs) for label, runs in colds.items()})
        ours = results.get("publish web cold")
        for name in peers:
            peer = results.get(f"{name} cold")
            if ours and peer and peer.ok:
                print(
                    f"|  | ratio publish web cold / {name} cold = {ours.seconds / peer.seconds:.2f}; "
                    f"one edit / {name} = {results['publish web one edit'].seconds / peer.seconds:.3f}; "
                    f"one added / {name} = {results['publish web one added'].seconds / peer.seconds:.3f}; "
                    f"one edit in CI / {name} = "
                    f"{results['publish web one edit in CI'].seconds / peer.seconds:.3f}; "
                    f"check one edit / {name} = "
                    f"{results['publish web check one edit'].seconds / peer.seconds:.3f}; "
                    f"no-op / {name} = {results['publish web no-op'].seconds / peer.seconds:.3f} | | | | | |",
                    flush=True,
                )
    for n, run in phases:
        said = (
            "last line"
            if " check" in run.label
            else "its log line"
            if " serve" in run.label
            else "`--timings`"
        )
        print(f"\n{run.label}, {n:,} bulletins ({said}):\n{run.output.rstrip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
