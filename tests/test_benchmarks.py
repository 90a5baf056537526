"""The benchmark scripts still run against the tool as it is now (they print figures; nothing
here is timed): a change of behaviour must not leave README's reproduction commands broken."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


def run(script: str, *args: str) -> str:
    """Run one benchmark script; its output."""
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _build_benchmark(monkeypatch: pytest.MonkeyPatch) -> Any:
    """benchmarks/build.py loaded as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_build", BENCHMARKS / "build.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, bench)  # its dataclasses look themselves up
    spec.loader.exec_module(bench)
    return bench


def test_the_zalo_sync_benchmark_publishes_every_bulletin_once() -> None:
    out = run("zalo_sync.py", "--count", "3", "--latency", "0", "--processing", "0")
    assert "zalo: 3 tạo mới" in out and "no-op sync" in out
    assert "calls: none" in out  # the resync sends nothing


def test_the_build_benchmark_runs_every_step_and_verifies(tmp_path: Path) -> None:
    out = run(
        "build.py",
        *("--work", str(tmp_path), "--sizes", "30", "--channels", "web", "--peers", ""),
        "--verify",
    )
    assert "identical to a clean build" in out
    steps = ("cold", "no-op", "first check", "check one edit", "one edit", "one added")
    serve = ("serve start", "serve one edit", "serve save unchanged")
    for step in (*steps, *serve, "check one edit in CI", "one edit in CI"):
        assert f"| publish web {step} |" in out, step
    assert "Không có lỗi: đã kiểm tra 30 bản tin" in out  # each check's last line, passed
    # The preview replays the build just made and a save without a change; it builds the edit.
    logged = re.findall(
        r"^publish web serve ([a-z ]+), 30 bulletins \(its log line\):\n(.+)$", out, re.M
    )
    unchanged = "Website không đổi kể từ lần dựng trước:"
    assert [(step, line.startswith(unchanged)) for step, line in logged] == [
        ("start", True),
        ("one edit", False),
        ("save unchanged", True),
    ]
    assert re.search(r"^\| 30 \| publish web serve one edit \|[^\n]*\| [1-9]\d* \|$", out, re.M)
    assert "the no-op build built again" not in out


def test_the_build_benchmark_repeats_the_cold_builds_and_reports_medians(tmp_path: Path) -> None:
    out = run(
        "build.py",
        *("--work", str(tmp_path), "--sizes", "30", "--channels", "web", "--peers", ""),
        *("--rounds", "3"),
    )
    [times] = re.findall(
        r"^\|  \| publish web cold, 3 rounds: (.+) s; median ([\d.]+) s \|", out, re.M
    )
    seconds = sorted(float(t) for t in times[0].split(" / "))
    assert len(seconds) == 3 and float(times[1]) == seconds[1]


def test_rounds_pair_each_peer_with_our_build_of_the_same_round(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bench = _build_benchmark(monkeypatch)
    ours = [bench.Run("publish web cold", s, 0, 0) for s in (10.0, 12.0, 11.0)]
    theirs = [bench.Run("pelican cold", s, 0, 0) for s in (20.0, 30.0, 22.0)]
    assert bench.median_run(ours).seconds == 11.0
    assert bench.median_run(ours[:2]).seconds == 10.0  # of two, the faster
    lines = bench.rounds_summary(
        {"publish web cold": ours, "pelican cold": theirs}, "publish web cold"
    )
    assert "publish web cold, 3 rounds: 10.00 / 12.00 / 11.00 s; median 11.00 s" in lines[0]
    assert "pelican cold, 3 rounds: 20.00 / 30.00 / 22.00 s; median 22.00 s" in lines[1]
    assert "publish web cold / pelican cold by round: 0.50 / 0.40 / 0.50; median 0.50" in lines[2]


def test_the_build_benchmark_tells_a_no_op_that_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The benchmark reads the tool's own line saying why a build did not replay the last one:
    a «no-op» figure of a build that built everything again (the tool's code edited while the
    benchmark ran) is flagged, not printed as a no-op."""
    bench = _build_benchmark(monkeypatch)
    run("make_corpus.py", str(tmp_path), "5")
    argv = bench.publish_argv(tmp_path, "web")

    def printed() -> str:
        """What one build prints (its --timings table)."""
        done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, check=True)
        return done.stdout

    assert bench.rebuilt(printed()) is not None  # the first build
    assert bench.rebuilt(printed()) is None  # nothing changed: replayed
    with (tmp_path / "site.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n# sửa\n")
    assert bench.rebuilt(printed()) == "site.toml đã đổi."


def test_the_qr_benchmark_compares_drawings_of_the_same_code() -> None:
    """Both drawings it measures stroke exactly the code's dark modules (a fair comparison),
    and it prints bytes written, gzipped and drawing time for each."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import qr_path
    finally:
        sys.path.remove(str(BENCHMARKS))
    from publish.render.web.qr import BORDER, modules
    from tests.test_qr import _strokes

    for address in qr_path.ADDRESSES[::5]:
        width, cells = modules(address)
        dark = {(i % width, i // width) for i, cell in enumerate(cells) if cell == 0}
        drawn = _strokes(qr_path.svg(qr_path.shortest, address))
        assert {(x + i - BORDER, y - BORDER) for x, y, n in drawn for i in range(n)} == dark
    out = run("qr_path.py", "--repeat", "1")
    assert "| publish (folded runs) |" in out and "| shortest path |" in out


def test_the_cores_benchmark_sees_a_busy_core_and_passes_the_exit_code_on() -> None:
    """A command that keeps a core busy for 1 s of CPU shows, step by step, most of the CPU it
    used (however much of a core it got: under CI's load a busy loop got half of one in each
    step, and a test that wanted more than half a core in some step failed; the CPU of its last
    moments, after the last step, is not seen); a failing command's exit code is the script's."""
    busy = "import time\nt = time.process_time()\nwhile time.process_time() - t < 1.0: pass"
    out = run("cores.py", "--step", "0.1", "--", sys.executable, "-c", busy)
    cores = [float(line.split()[2]) for line in out.splitlines() if line.strip().endswith("#")]
    assert cores and "wall" in out
    assert sum(cores) * 0.1 >= 0.6, out
    failed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "cores.py"), "--", sys.executable, "-c", "exit(3)"],
        capture_output=True,
        timeout=60,
    )
    assert failed.returncode == 3


def test_the_radio_benchmark_reads_every_bulletin_or_prints_nothing(tmp_path: Path) -> None:
    """Every phase reads all the bulletins asked for; when the channel holds them back (here:
    approvals by name no longer accepted) the script stops instead of printing figures for
    zero bulletins (as it did once approvals by name stopped being accepted by default)."""
    args = ("--work", str(tmp_path), "--normalise", "4", "--rounds", "1", "--render", "12")
    out = run("radio.py", *args)
    assert "normalise:" in out and "(median of 1 rounds, 4 files)" in out
    for phase in ("cold", "warm", "edit"):
        assert f"{phase:5s}     12 bulletins:" in out, out
    site = tmp_path / "project-12" / "site.toml"
    site.write_text(site.read_text("utf-8").replace('name_only_approvals = "accept"\n', ""))
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "radio.py"), *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode != 0
    assert "the radio channel took 0 of 12 bulletins" in done.stderr
    assert "bulletins: check" not in done.stdout


def test_the_cold_build_copies_no_cache_left_in_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build run in the corpus folder leaves .cache/ and output/ there; the benchmark's cold
    build starts from a copy without them (it once took every resized photo from that cache)."""
    bench = _build_benchmark(monkeypatch)
    source = tmp_path / "publish-3"
    (source / "content" / "bai-viet").mkdir(parents=True)
    (source / "content" / "bai-viet" / "a.md").write_text("---\ntitle: A\n---\nB\n", "utf-8")
    (source / "site.toml").write_text("[site]\n", "utf-8")
    for left in (".cache/images/x-480.jpg", "output/web/index.html"):
        (source / left).parent.mkdir(parents=True, exist_ok=True)
        (source / left).write_bytes(b"x")
    root = tmp_path / "run-3-web"
    (root / ".cache").mkdir(parents=True)  # an earlier run's copy goes too
    bench.cold_copy(source, root)
    copied = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert copied == ["content/bai-viet/a.md", "site.toml"]


def test_the_eleventy_peer_builds_the_site_the_issue_compares_and_the_old_one_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`eleventy` is the comparable site (category and tag lists ten to a page, feeds, sitemap,
    neighbours), `eleventy-min` the smaller one of earlier figures; both from the same bulletins."""
    bench = _build_benchmark(monkeypatch)
    full = bench.corpus(tmp_path, 3, "eleventy")
    small = bench.corpus(tmp_path, 3, "eleventy-min")
    bulletins = sorted(p.name for p in (full / "bai-viet").glob("*.md"))
    assert len(bulletins) == 3
    assert bulletins == sorted(p.name for p in (small / "bai-viet").glob("*.md"))
    for name in bulletins:
        assert (full / "bai-viet" / name).read_bytes() == (small / "bai-viet" / name).read_bytes()
    for template, folder in (("categories.njk", "chuyen-muc"), ("tags.njk", "the")):
        text = (full / template).read_text("utf-8")
        # Written through str.format: the Nunjucks must come out with single braces.
        assert "{{{" not in text and "}}}" not in text
        assert (
            f'permalink: "/{folder}/{{{{ part.key | slugify }}}}/{{% if part.number > 0 %}}' in text
        )
        assert "size: 1" in text and "addAllPagesToCollections: true" in text
    post = (full / "_includes" / "post.njk").read_text("utf-8")
    assert "getPreviousCollectionItem" in post and "getNextCollectionItem" in post
    assert "/chuyen-muc/" in post
    for made in ("feed.njk", "category-feeds.njk", "sitemap.njk"):
        assert (full / made).is_file()
        assert not (small / made).exists()
    assert not (small / "categories.njk").exists()
    assert "collections[tag]" in (small / "tags.njk").read_text("utf-8")


def test_the_packing_benchmark_round_trips_and_prints_both_packers() -> None:
    """It checks each packer gives every body back and prints a row for each."""
    out = run("packing.py", "--count", "20")
    assert "20 bodies" in out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "µs" not in line]
    assert [row.split(" | ")[0] for row in rows] == [
        "| zlib level 1 (before)",
        "| publish.packing (Zstandard level 1)",
    ]
