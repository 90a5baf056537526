"""Where drafts are previewed: .cache/preview/, never output/, which is deployed as it is.

`publish serve --drafts` and `publish build --drafts` build the website with drafts and
unapproved bulletins (under a «Bản nháp» banner) into .cache/preview/web: a `publish build &&
rsync output/web …`, or a CI step uploading output/, then never ships a draft a preview made.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["PREVIEW_SHOWN", "in_deployed_output", "preview_output"]

PREVIEW_SHOWN = ".cache/preview"
"""The preview's folder as the editor is told it (relative to the project)."""


def preview_output(root: Path) -> Path:
    """The folder a drafts preview is built into (its channel folder web/ is served)."""
    return root / PREVIEW_SHOWN


def in_deployed_output(root: Path, folder: Path) -> bool:
    """Whether `folder` is the project's output/ or inside it: where builds fit to deploy go."""
    deployed = (root / "output").resolve()
    target = folder.resolve()
    return target == deployed or deployed in target.parents
