"""Radio items read aloud, and episode files made, in worker processes give the same files as in
one process."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from publish import parallel
from publish.cli import main
from publish.render import radio
from publish.render.radio import episode
from tests.helpers import record_jobs_sent

ROOT = Path(__file__).parents[1]
NOW = "2030-01-01T00:00"


def radio_files(root: Path) -> dict[str, bytes]:
    """Every file of output/radio/, by path."""
    folder = root / "output" / "radio"
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_items_and_episodes_made_on_every_core_equal_those_made_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)  # even beside an idle test thread
    sent = record_jobs_sent(monkeypatch, episode)
    word_jobs: list[int] = []
    apart = radio.run_apart

    def counting(
        jobs: Iterable[tuple[Any, Callable[[], Any] | None]], **kwargs: Any
    ) -> Iterator[tuple[Any, Any]]:
        """`run_apart`, counting the Word files among the jobs."""
        listed = list(jobs)
        word_jobs.append(sum(job is not None for _, job in listed))
        # 90 bulletins make two episodes: fewer Word files than make fresh workers pay (at
        # ~100 bulletins a week it would take ~1,700 bulletins), so the threshold is lowered.
        return apart(listed, **kwargs, min_jobs=2)

    monkeypatch.setattr(radio, "run_apart", counting)
    built = {}
    for workers in ("1", "2"):
        root = tmp_path / f"workers-{workers}"
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(root), "90"],
            check=True,
            capture_output=True,
        )
        monkeypatch.setenv("PUBLISH_WORKERS", workers)
        assert main(["build", "--root", str(root), "--now", NOW, "-q", "--channel", "radio"]) == 0
        built[workers] = radio_files(root)
    assert len(built["1"]) > 90  # an item per bulletin, and the episodes
    assert sent[-1] >= parallel.MIN_JOBS  # enough items for the workers to be used
    assert word_jobs[-1] >= 2  # and Word files of more than one episode for the fresh workers
    assert built["2"] == built["1"]


def test_a_small_sites_word_files_are_built_without_starting_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starting a fresh worker costs ~0.3 s of CPU, more than the sample's 15 Word files take
    to build here (a site with APART_MIN_JOBS of them still gets workers: test_parallel)."""
    monkeypatch.setenv("PUBLISH_WORKERS", "2")
    started: list[int] = []
    fresh = parallel._Fresh

    def counting(count: int, preload):  # type: ignore[no-untyped-def]
        started.append(count)
        return fresh(count, preload)

    monkeypatch.setattr(parallel, "_Fresh", counting)
    sample = tmp_path / "sample"
    sample.mkdir()
    for name in ("content", "templates", "state"):
        shutil.copytree(ROOT / name, sample / name)
    shutil.copy(ROOT / "site.toml", sample / "site.toml")
    assert main(["build", "--root", str(sample), "--now", NOW, "-q", "--channel", "radio"]) == 0
    assert len(list((sample / "output" / "radio").rglob("*.docx"))) >= 2
    assert started == []


def test_the_radio_channel_loads_python_docx_only_where_a_word_file_is_made() -> None:
    """The build's own process lays out each episode's Word file as plain data; python-docx
    (a tenth of a second to import) loads in the workers that make the files."""
    code = (
        "import sys, publish.render.radio, publish.cache as cache; "
        "cache.fingerprint(); print('docx' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_word_file_workers_import_none_of_the_radio_renderer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh worker that builds Word files imports python-docx and the Word writer, not the
    radio renderer and its read-aloud rules (~0.2 s of CPU of every worker of every build)."""
    root = tmp_path / "site"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(root), "90"],
        check=True,
        capture_output=True,
    )
    monkeypatch.setenv("PUBLISH_WORKERS", "2")
    loaded: list[tuple[int, list[str]]] = []
    word_file_pids: set[int] = set()
    apart = radio.run_apart

    def probing(
        jobs: Iterable[tuple[Any, Callable[[], Any] | None]], **kwargs: Any
    ) -> Iterator[tuple[Any, Any]]:
        """The renderer's jobs, each also telling the process it ran in, then one job per worker
        reporting its process and what it imported (all taken at once: the renderer stops
        asking after its last episode)."""
        # eval, not a function of this module: a worker importing this test module would
        # import the radio renderer through it.
        tagged = [
            (
                context,
                job and functools.partial(eval, "(__import__('os').getpid(), job())", {"job": job}),
            )
            for context, job in jobs
        ]
        probe = "(__import__('os').getpid(), list(__import__('sys').modules))"
        probes = [("probe", functools.partial(eval, probe))] * 2
        # min_jobs: 2 episodes, see above
        done: list[tuple[Any, Any]] = list(apart([*tagged, *probes], **kwargs, min_jobs=2))
        loaded.extend((pid, sorted(names)) for context, (pid, names) in done if context == "probe")
        word_file_pids.update(
            result[0] for context, result in done if context != "probe" and result
        )
        return iter([(c, r and r[1]) for c, r in done if c != "probe"])

    monkeypatch.setattr(radio, "run_apart", probing)
    assert main(["build", "--root", str(root), "--now", NOW, "-q", "--channel", "radio"]) == 0
    assert len(loaded) == 2
    for pid, modules in loaded:
        # python-docx is preloaded in every worker: only the process ids tell who built files.
        assert pid != os.getpid() and pid in word_file_pids, "this worker built no Word file"
        assert [m for m in modules if m.startswith(("publish.render.radio", "publish.radio"))] == [
            "publish.render.radio_docx"
        ]
