"""How many processes a build uses: never more than the container's CPU quota allows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from publish import cores
from publish.cores import quota_cores, workers


def _cgroup(root: Path, files: dict[str, str]) -> str:
    """A fake /sys/fs/cgroup holding `files` (relative path → text, as the kernel writes it)."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text + "\n", encoding="ascii")
    return str(root)


def _member(tmp_path: Path, text: str = "0::/\n1:cpu,cpuacct:/") -> str:
    """A fake /proc/self/cgroup (by default: at the root of every hierarchy, as in a container)."""
    path = tmp_path / "self-cgroup"
    path.write_text(text + "\n", encoding="ascii")
    return str(path)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"cpu.max": "200000 100000"}, 2),  # docker --cpus=2 on cgroup v2
        ({"cpu.max": "150000 100000"}, 2),  # 1.5 CPUs: a second process still gets half a core
        ({"cpu.max": "50000 100000"}, 1),
        ({"cpu.max": "400000 100000 0"}, 4),  # with a burst column
        ({"cpu.max": "max 100000"}, None),  # no limit
        ({"cpu/cpu.cfs_quota_us": "300000", "cpu/cpu.cfs_period_us": "100000"}, 3),  # v1
        ({"cpu,cpuacct/cpu.cfs_quota_us": "100000", "cpu,cpuacct/cpu.cfs_period_us": "100000"}, 1),
        ({"cpu/cpu.cfs_quota_us": "-1", "cpu/cpu.cfs_period_us": "100000"}, None),  # v1: none
        ({"cpu.max": "garbage"}, None),
        ({}, None),  # no cgroup files at all (macOS, Windows, a bare chroot)
    ],
)
def test_the_quota_is_read_as_whole_cores(
    tmp_path: Path, files: dict[str, str], expected: int | None
) -> None:
    """cgroup v2 and v1 quotas, rounded up to whole cores; unlimited or unreadable: None."""
    assert quota_cores(_cgroup(tmp_path / "fs", files), _member(tmp_path)) == expected


@pytest.mark.parametrize(
    ("membership", "files", "expected"),
    [
        # A systemd slice or CI job group below the root: its own limit counts…
        ("1:cpu:/ci/job", {"cpu/ci/job/cpu.cfs_quota_us": "100000"}, 1),
        # …and so does a group above it, the least of them winning.
        ("1:cpu:/ci/job", {"cpu/ci/cpu.cfs_quota_us": "200000"}, 2),
        (
            "1:cpu:/ci/job",
            {"cpu/ci/cpu.cfs_quota_us": "200000", "cpu/ci/job/cpu.cfs_quota_us": "400000"},
            2,
        ),
        ("0::/kubepods/pod1/c1", {"kubepods/pod1/cpu.max": "300000 100000"}, 3),
        # A container named by the host's path (no cgroup namespace) sees its group at the root.
        ("0::/docker/abc123", {"cpu.max": "200000 100000"}, 2),
        # No quota anywhere on the way up.
        ("0::/user.slice/session-1", {"user.slice/cpu.max": "max 100000"}, None),
    ],
)
def test_the_quota_of_the_build_s_own_group_and_those_above_it_counts(
    tmp_path: Path, membership: str, files: dict[str, str], expected: int | None
) -> None:
    """The group /proc/self/cgroup names, then each above it up to the root: the least quota."""
    periods = {
        f"{name.rpartition('/')[0]}/cpu.cfs_period_us": "100000"
        for name in files
        if name.endswith("cfs_quota_us")
    }
    root = _cgroup(tmp_path / "fs", {**files, **periods})
    assert quota_cores(root, _member(tmp_path, membership)) == expected


def test_a_build_in_a_container_uses_no_more_processes_than_its_quota(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A host with many cores, a job limited to 2 CPUs: 2 processes; PUBLISH_WORKERS still rules."""
    monkeypatch.delenv("PUBLISH_WORKERS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    monkeypatch.setattr(cores, "SELF_CGROUP", _member(tmp_path))
    monkeypatch.setattr(cores, "CGROUP_ROOT", _cgroup(tmp_path, {"cpu.max": "200000 100000"}))
    assert workers() == 2
    monkeypatch.setenv("PUBLISH_WORKERS", "8")
    assert workers() == 8


def test_a_quota_above_the_usable_cores_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quota caps the count, never raises it past the cores this process may run on."""
    monkeypatch.delenv("PUBLISH_WORKERS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(cores, "SELF_CGROUP", _member(tmp_path))
    monkeypatch.setattr(cores, "CGROUP_ROOT", _cgroup(tmp_path, {"cpu.max": "1600000 100000"}))
    assert workers() == 2
    monkeypatch.setattr(cores, "CGROUP_ROOT", _cgroup(tmp_path / "none", {}))
    assert workers() == 2


def test_a_group_path_going_up_is_not_followed_out_of_the_mount(tmp_path: Path) -> None:
    """«/../etc» in /proc/self/cgroup never makes a file beside the mount count."""
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "cpu.max").write_text("100000 100000\n", encoding="ascii")
    root = _cgroup(tmp_path / "fs", {"cpu.max": "max 100000"})
    assert quota_cores(root, _member(tmp_path, "0::/../etc")) is None
    assert quota_cores(root, _member(tmp_path, "0::/")) is None
