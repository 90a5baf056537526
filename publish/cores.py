"""How many processes a build uses, without loading the pool that uses them.

`publish build --timings` prints this number after every build, also after one that replays
the last (which needs no pool): here, reading it costs nothing, while `publish.parallel` loads
multiprocessing, subprocess, socket and traceback (~10 ms of a no-op build's CPU).
"""

from __future__ import annotations

import os

CGROUP_ROOT = "/sys/fs/cgroup"
"""Where Linux mounts the cgroup file systems, which show the CPU quota of the container (or
systemd slice) a build runs in."""
SELF_CGROUP = "/proc/self/cgroup"
"""The groups this process belongs to, one line per hierarchy ("0::/path" for cgroup v2)."""
V1_MOUNTS = ("cpu", "cpu,cpuacct")
"""Where cgroup v1's cpu controller is mounted under CGROUP_ROOT (distributions differ)."""


def workers() -> int:
    """How many processes to use: PUBLISH_WORKERS, else the usable CPU count, no more than
    the container's CPU quota allows."""
    wanted = os.environ.get("PUBLISH_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        usable = max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        usable = max(1, os.cpu_count() or 1)
    allowed = quota_cores()
    return usable if allowed is None else min(usable, allowed)


def quota_cores(root: str | None = None, membership: str | None = None) -> int | None:
    """Cores' worth of CPU time the cgroup quotas over this process allow, rounded up (cgroup
    v2 `cpu.max`, v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us`, of its own group and each group
    above it: the least); None when unlimited or unreadable. `root`: where the cgroup file
    systems are mounted; `membership`: the file naming this process's groups (/proc/self/cgroup).

    A CI job in a container limited to 2 CPUs (docker --cpus=2, a Kubernetes runner's limit)
    still sees every core of the host as usable: a build would fork a worker per host core,
    each holding its own pages, in a job given 2 CPUs' worth of time and often 2-4 GB of memory.
    """
    root = CGROUP_ROOT if root is None else root
    groups = {"v2": "/", "v1": "/"}
    for line in (_read(SELF_CGROUP if membership is None else membership) or "").splitlines():
        number, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if number == "0" and not controllers:
            groups["v2"] = path
        elif "cpu" in controllers.split(","):
            groups["v1"] = path
    # A container sees its own group at the root of the mount while /proc/self/cgroup may name
    # it by the host's path (no cgroup namespace): levels that are not there are skipped.
    found = [
        *(_v2_quota(f"{root}{level}") for level in _levels(groups["v2"])),
        *(
            _v1_quota(f"{root}/{mount}{level}")
            for mount in V1_MOUNTS
            for level in _levels(groups["v1"])
        ),
    ]
    limits = [cores for cores in found if cores is not None]
    return min(limits) if limits else None


def _levels(path: str) -> list[str]:
    """A group's path and those of the groups above it, the root as "": "/a/b" → "/a/b", "/a", ""."""
    parts = [part for part in path.strip().split("/") if part and part not in (".", "..")]
    return ["/" + "/".join(parts[:depth]) for depth in range(len(parts), 0, -1)] + [""]


def _v2_quota(folder: str) -> int | None:
    """The cores a cgroup v2 group's cpu.max allows, None when unlimited or not there."""
    fields = (_read(f"{folder}/cpu.max") or "").split()
    return _cores(fields[0], fields[1]) if len(fields) >= 2 else None


def _v1_quota(folder: str) -> int | None:
    """The cores a cgroup v1 group's CFS quota allows, None when unlimited or not there."""
    quota = _read(f"{folder}/cpu.cfs_quota_us")
    period = _read(f"{folder}/cpu.cfs_period_us")
    return None if quota is None or period is None else _cores(quota, period)


def _read(path: str) -> str | None:
    """A small kernel file's text, stripped; None where it is missing or unreadable."""
    try:
        with open(path, encoding="ascii") as handle:
            return handle.read().strip()
    except (OSError, ValueError):
        return None


def _cores(quota: str, period: str) -> int | None:
    """Quota over period in whole cores, rounded up; None for no limit ("max", -1) or nonsense."""
    try:
        allowed, every = int(quota), int(period)
    except ValueError:
        return None  # "max": no limit
    if allowed <= 0 or every <= 0:
        return None  # -1 (v1): no limit
    return max(1, -(-allowed // every))
