"""The one funnel that writes output: staged per channel, swapped in only when everything succeeded.

Unchanged files are hard-linked from the previous output, so their modification times stay the
same and a deploy (rsync, a CDN) uploads nothing for them; a no-op build replaces nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from publish.errors import ContentError, Problem, PublishError
from publish.model import Artifact

__all__ = ["WriteReport", "claim", "safe_relative", "write"]


@dataclass(slots=True)
class WriteReport:
    """What the writer did, per channel."""

    written: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Number of files in the new output."""
        return sum(self.written.values()) + sum(self.unchanged.values())


def safe_relative(path: str) -> PurePosixPath:
    """Check an artifact path stays inside its channel folder."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or any(p in ("..", ".", "") for p in pure.parts):
        raise PublishError(f"đường dẫn đầu ra không an toàn: {path!r}")
    return pure


def write(artifacts: Iterable[Artifact], output: Path, channels: Sequence[str]) -> WriteReport:
    """Write artifacts into output/<channel>/, replacing each channel folder only on success."""
    report = WriteReport()
    try:
        output.mkdir(parents=True, exist_ok=True)
        staging = {c: Path(tempfile.mkdtemp(prefix=f".{c}.staging-", dir=output)) for c in channels}
    except OSError as exc:
        raise PublishError(f"không tạo được thư mục đầu ra {output}: {exc.strerror}") from None
    sources: dict[tuple[str, str], str] = {}
    try:
        for artifact in artifacts:
            _stage(artifact, staging, output, sources, report)
        for channel in channels:
            _swap(staging[channel], output / channel, channel, report)
    except OSError as exc:
        raise PublishError(
            f"không ghi được đầu ra ({exc.strerror}: {exc.filename}). Đầu ra cũ vẫn giữ nguyên."
        ) from None
    finally:
        for folder in staging.values():
            shutil.rmtree(folder, ignore_errors=True)
    return report


def claim(artifact: Artifact, sources: dict[tuple[str, str], str]) -> PurePosixPath:
    """Check the artifact's path is safe and not taken by another one; record its source."""
    rel = safe_relative(artifact.path)
    slot = (artifact.channel, rel.as_posix())
    source = artifact.source or "(trang tổng hợp)"
    if slot in sources:
        raise ContentError(
            [
                Problem(
                    source,
                    f"hai tệp cùng tạo ra output/{artifact.channel}/{rel}: {sources[slot]} và {source}",
                    hint="Đổi slug của một trong hai bản tin.",
                )
            ]
        )
    sources[slot] = source
    return rel


def _stage(
    artifact: Artifact,
    staging: dict[str, Path],
    output: Path,
    sources: dict[tuple[str, str], str],
    report: WriteReport,
) -> None:
    """Put one artifact in the staging folder, linking the old file when the bytes are equal."""
    rel = claim(artifact, sources)
    target = staging[artifact.channel] / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    old = output / artifact.channel / rel
    if _same_bytes(old, artifact.data):
        try:
            os.link(old, target)
            report.unchanged[artifact.channel] = report.unchanged.get(artifact.channel, 0) + 1
            return
        except OSError:
            pass
    target.write_bytes(artifact.data)
    report.written[artifact.channel] = report.written.get(artifact.channel, 0) + 1


def _same_bytes(path: Path, data: bytes) -> bool:
    """Whether `path` is a regular file holding exactly `data`."""
    try:
        if path.is_symlink() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _swap(staged: Path, current: Path, channel: str, report: WriteReport) -> None:
    """Replace `current` with `staged`, unless nothing at all changed."""
    old_files = _files(current)
    new_files = _files(staged)
    report.removed[channel] = len(old_files - new_files)
    if not report.written.get(channel) and old_files == new_files and current.is_dir():
        return
    staged.chmod(0o755)
    if current.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{channel}.old-", dir=current.parent))
        os.rename(current, retired / "tree")
        os.rename(staged, current)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.rename(staged, current)


def _files(folder: Path) -> set[str]:
    """Relative paths of every file under `folder`."""
    if not folder.is_dir():
        return set()
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir()}
