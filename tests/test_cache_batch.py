"""Batched cache writes: nothing a build (or its worker processes) stored is lost or seen early."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from publish.cache import Fragments, file_sha256
from publish.parallel import MIN_JOBS, run_jobs


def test_batched_puts_are_read_back_at_once_and_stored_when_the_block_ends(tmp_path: Path) -> None:
    """The writing process sees its entries immediately; other readers after the flush."""
    writer, reader = Fragments(tmp_path), Fragments(tmp_path)
    with writer.batched():
        writer.put("k", {"trang": 1})
        assert writer.get("k") == {"trang": 1}
        assert reader.get("k") is None
    assert reader.get("k") == {"trang": 1}
    assert Fragments(tmp_path).get("k") == {"trang": 1}


def test_a_put_outside_a_batch_is_stored_at_once(tmp_path: Path) -> None:
    """Code that never batches keeps the old behaviour."""
    Fragments(tmp_path).put("k", "giá trị")
    assert Fragments(tmp_path).get("k") == "giá trị"


def _store(fragments: Fragments, number: int) -> int:
    """A job that caches something, as a page job caches its record."""
    fragments.put(f"trang-{number}", number * 2)
    return number


@pytest.mark.parametrize("workers", ["1", "2"])
def test_entries_batched_in_workers_are_written_before_the_workers_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    """Pool workers are terminated without running exit handlers: each writes after its chunk."""
    monkeypatch.setenv("PUBLISH_WORKERS", workers)
    fragments = Fragments(tmp_path)
    count = MIN_JOBS * 3
    with fragments.batched():
        jobs = [partial(_store, fragments, n) for n in range(count)]
        assert list(run_jobs(jobs, after_chunk=fragments.flush)) == list(range(count))
    fresh = Fragments(tmp_path)
    assert [fresh.get(f"trang-{n}") for n in range(count)] == [n * 2 for n in range(count)]


@pytest.mark.parametrize("size", [0, 16_000, (1 << 22) + 1])
def test_file_sha256_is_the_sha256_of_the_bytes_small_or_large(tmp_path: Path, size: int) -> None:
    """Small files are hashed from one read, large ones in pieces: the same digest either way;
    an unreadable path gives None."""
    data = os.urandom(size)
    path = tmp_path / "trang.html"
    path.write_bytes(data)
    assert file_sha256(path) == hashlib.sha256(data).hexdigest()
    assert file_sha256(tmp_path / "khong-co.html") is None
    assert file_sha256(tmp_path) is None


def test_a_new_cache_is_made_without_waiting_for_the_disk(tmp_path: Path) -> None:
    """A cold build's cache starts without a sync to disk (a lost entry is only rendered again):
    switching the new file to WAL before turning syncs off cost fdatasyncs, 25-130 ms on
    a busy disk. Counted with strace where it can trace."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed")
    log = tmp_path / "strace.txt"
    code = (
        "import sys; from pathlib import Path; from publish.cache import Fragments; "
        "f = Fragments(Path(sys.argv[1])); f.put('k', 1); assert f.get('k') == 1"
    )
    traced = [sys.executable, "-c", code, str(tmp_path / "site")]
    done = subprocess.run(
        [strace, "-f", "-e", "trace=fsync,fdatasync", "-o", str(log), *traced],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 and not log.exists():
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / ".cache").is_dir()
    assert [line for line in log.read_text().splitlines() if "sync(" in line] == []
