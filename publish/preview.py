"""Where drafts are previewed: .cache/preview/, never output/, which is deployed as it is.

`publish serve --drafts` and `publish build --drafts` build the website with drafts and
unapproved bulletins (under a «Bản nháp» banner) into .cache/preview/web: a `publish build &&
rsync output/web …`, or a CI step uploading output/, then never ships a draft a preview made.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PREVIEW_SHOWN", "in_deployed_output", "in_preview", "preview_output"]

PREVIEW_SHOWN = ".cache/preview"
"""The preview's folder as the editor is told it (relative to the project)."""


def preview_output(root: Path) -> Path:
    """The folder a drafts preview is built into (its channel folder web/ is served)."""
    return root / PREVIEW_SHOWN


def in_deployed_output(root: Path, folder: Path) -> bool:
    """Whether the website a build into `folder` writes (`folder`/web) is the project's output/
    or inside it, however it is reached: by its name, a name differing in case only (on a
    disk that ignores case), or a link (`folder`/web, or `folder` itself, linked into output/)."""
    return _within(folder, (root / "output").resolve())


def in_preview(root: Path, folder: Path) -> bool:
    """Whether a sync into `folder` (whose web/ is what gets deployed) would write the drafts
    preview's folder or inside it, however it is reached: by its name, a name differing in case
    only, or a link (`folder`/web, or `folder` itself, linked into .cache/preview/)."""
    return _within(folder, preview_output(root).resolve())


def _within(folder: Path, place: Path) -> bool:
    """Whether `folder`/web or `folder` is `place` or inside it, by name or on disk."""
    return any(holds(place, written.resolve()) for written in (folder / "web", folder))


def holds(outer: Path, inner: Path) -> bool:
    """Whether `inner` (resolved) is `outer` or inside it, by name or on disk."""
    return any(same_folder(candidate, outer) for candidate in (inner, *inner.parents))


def same_folder(one: Path, other: Path) -> bool:
    """Whether two paths are one folder: the same name, or the same folder on disk (same device
    and inode: a link, a name differing in case only on a disk that ignores case)."""
    if one == other:
        return True
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False
