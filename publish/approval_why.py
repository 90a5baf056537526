"""Why an approved bulletin whose file is as approved is held: its address or an image changed.

An approval covers more than the file's bytes (publish.approval): the address, taken from the
file's name when the front matter has no `slug` (a rename moves the page), and the bytes of
every image the bulletin shows (a photo replaced under the same name). Held for either, the
bulletin was told «nội dung đã đổi sau khi duyệt» with a `git checkout` of its .md file, which
nobody had touched, and `publish approve` said «không đổi chữ nào» or, the file renamed, that
the approval was never committed (session 74, QA items 6 and 7). Here the address and the
images are told apart: an old address is tried from what state/ recorded (the file and the
addresses of the bulletin published) and from git (the approval's commit, found across the
rename), each confirmed by taking the fingerprint again at it; the images replaced are those
whose bytes git holds otherwise in the approval's commit. Without git, the images are named
as what may have been replaced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from publish.approval_diff import Approved, approved_in_git, replaced_since
from publish.fields import file_slug
from publish.gates import shell_word
from publish.git_restore import FROM_MAIN
from publish.model import Bulletin

__all__ = [
    "Clues",
    "Explained",
    "address_moved",
    "explain",
    "images_replaced",
    "shown_images",
    "told_apart",
]

GIT_LOOKUPS = 20
"""Bulletins a build asks git about at most: one shared photo replaced holds every bulletin
showing it, and each asks git twice or thrice; the rest are told without git."""


class Explained(NamedTuple):
    """Why a bulletin whose file is as approved is held, and how to get back what was approved."""

    said: str
    """In Vietnamese, said instead of «nội dung đã đổi sau khi duyệt»."""
    restore: str
    """The command bringing back what was approved (the file's old name, the images
    approved), "" when none is known."""


class Clues:
    """What tells where a project's bulletins were approved, read once for a build: state/
    (the file and addresses each published bulletin had) and git (at most GIT_LOOKUPS asks)."""

    def __init__(self, root: Path, tz: dt.tzinfo) -> None:
        self.root = root
        self.tz = tz
        self.asked = 0

    @cached_property
    def files(self) -> Mapping[str, str]:
        """The file state/published.json records for each bulletin published, by key."""
        from publish.sync.vanished import Published

        return Published(self.root / "state").files

    @cached_property
    def history(self) -> Mapping[str, tuple[str, ...]]:
        """The site paths state/web-urls.json records for each bulletin, oldest first."""
        from publish.errors import PublishError
        from publish.site_paths import project_history

        try:
            return project_history(self.root)
        except PublishError:
            return {}  # check and build say what is wrong with the file

    def in_git(self, bulletin: Bulletin) -> Approved | None:
        """The approval of `bulletin` as git found it (approved_in_git), None without git or
        once GIT_LOOKUPS were asked."""
        if self.asked >= GIT_LOOKUPS:
            return None
        self.asked += 1
        return approved_in_git(self.root / bulletin.source, bulletin.approved_version, self.tz)


def explain(
    bulletin: Bulletin,
    raw: bytes,
    clues: Clues,
    approved_at: Callable[[str, str], bool],
    slug_written: bool,
) -> Explained | None:
    """Why `bulletin` (its file's bytes `raw`, as approved) is held although its file is as
    approved, or None when neither its address nor an image tells it. `approved_at(slug,
    key)`: whether its approval is its fingerprint at that address; `slug_written`: its front
    matter writes `slug` (a rename then moves nothing)."""
    history = clues.history.get(bulletin.key, ())
    if not slug_written:
        for old, slug in _old_names(bulletin, clues.files.get(bulletin.key, ""), history):
            if approved_at(slug, _key(bulletin, slug)):
                return _moved(bulletin, old, slug)
    found = clues.in_git(bulletin)
    commit = found.found[0] if found is not None and found.found is not None else ""
    named = _project_name(found, clues.root)
    if not slug_written and named and named != bulletin.source:
        slug = file_slug(Path(named))
        if approved_at(slug, _key(bulletin, slug)):
            return _moved(bulletin, named, slug)
    images = shown_images(bulletin)
    if not images:
        return None
    replaced = images_replaced(found, clues.root, images) if found is not None and commit else None
    if replaced:
        told = _images_told(replaced, bulletin, raw)
        typed = " ".join(shell_word(f"content/{p}") for p in replaced)
        return Explained(
            f"{told} đã được thay sau khi duyệt, chữ của bài không đổi",
            f"trả ảnh về bản đã duyệt: git checkout {commit[:8]} -- {typed}",
        )
    told = _images_told(images, bulletin, raw, among=True)
    # The address is ruled out when it is the one the bulletin was last published at.
    if slug_written or (history and history[-1] == bulletin.url):
        return Explained(
            f"chữ của bài không đổi, nên {told} đã được thay sau khi duyệt", _main_images(images)
        )
    return Explained(
        f"{EDITED}chữ của bài không đổi, nên tên tệp (địa chỉ bài) đã đổi hoặc {told} đã được thay",
        "",
    )


def address_moved(bulletin: Bulletin, approved: Approved, root: Path) -> str:
    """«đổi địa chỉ: /cũ/ → /mới/ (tên tệp đổi)» when git found `bulletin`'s approval under
    another file name giving it another address, else "" (`root`: the project's folder)."""
    named = _project_name(approved, root)
    if not named or named == bulletin.source or bulletin.slug != file_slug(Path(bulletin.source)):
        return ""
    slug = file_slug(Path(named))
    if slug == bulletin.slug:
        return ""
    return f"đổi địa chỉ: {_url(bulletin, slug)} → {bulletin.url} (tên tệp đổi)"


def images_replaced(approved: Approved, root: Path, images: Sequence[str]) -> list[str] | None:
    """Those of `images` (paths under content/) whose bytes are not those of the commit
    `approved` was found in, None when git cannot tell."""
    if approved.found is None:
        return None
    files = [root / "content" / p for p in images]
    replaced = replaced_since(approved.root, approved.found[0], files)
    if replaced is None:
        return None
    return [p for p, f in zip(images, files, strict=True) if f in replaced]


def images_told(bulletin: Bulletin, images: Sequence[str], raw: bytes) -> str:
    """«ảnh content/images/x.jpg (ảnh bìa) đã được thay» for the images of `bulletin` replaced."""
    return f"{_images_told(images, bulletin, raw)} đã được thay"


def shown_images(bulletin: Bulletin) -> list[str]:
    """The paths under content/ of the images the approval covers: the cover, then the body's."""
    paths = [bulletin.cover.path] if bulletin.cover else []
    paths += [image.path for image in bulletin.shown_images]
    return list(dict.fromkeys(paths))


def _old_names(bulletin: Bulletin, recorded: str, history: Sequence[str]) -> list[tuple[str, str]]:
    """(its old file or "", its slug there) for each address state/ knows `bulletin` had."""
    found: dict[str, str] = {}
    if recorded and recorded != bulletin.source:
        found.setdefault(file_slug(Path(recorded)), recorded)
    for path in reversed(history):
        slug = path.rstrip("/").rsplit("/", 1)[-1]
        if slug and path != bulletin.url:
            found.setdefault(slug, "")
    return [(old, slug) for slug, old in found.items() if slug != bulletin.slug]


def _key(bulletin: Bulletin, slug: str) -> str:
    """The key `bulletin` had at `slug`: its `id`, or the slug itself."""
    return bulletin.key if bulletin.has_id else slug


def _url(bulletin: Bulletin, slug: str) -> str:
    """The site path `bulletin` has at `slug` (as Bulletin.url makes it)."""
    return f"/{bulletin.date.year}/{bulletin.date.month:02d}/{slug}/"


def _moved(bulletin: Bulletin, old: str, slug: str) -> Explained:
    """The bulletin approved at `slug` (its file `old`, "" when unknown) and renamed since."""
    restore = f"trả tệp về tên cũ: git mv {shell_word(bulletin.source)} {shell_word(old)}"
    return Explained(
        f"chỉ đổi địa chỉ: {_url(bulletin, slug)} → {bulletin.url} (tên tệp đổi), chữ không đổi; "
        "địa chỉ là một phần nội dung được duyệt",
        restore if old else "",
    )


def _project_name(approved: Approved | None, root: Path) -> str:
    """The file's name, from the project's folder, in the commit `approved` was found in
    ("" when not found or outside the project)."""
    if approved is None or approved.found is None or not approved.named:
        return ""
    try:
        return (approved.root / approved.named).relative_to(root.resolve()).as_posix()
    except ValueError:
        try:
            return (approved.root / approved.named).relative_to(root).as_posix()
        except ValueError:
            return ""


def _images_told(
    images: Sequence[str], bulletin: Bulletin, raw: bytes, *, among: bool = False
) -> str:
    """The images named with where the bulletin shows them: «ảnh content/images/x.jpg (ảnh
    bìa)», several joined; `among`: one of them, not all («hoặc»)."""
    lines = _lines_of(images, raw)
    cover = bulletin.cover.path if bulletin.cover else ""
    told = []
    for path in images:
        where = ["ảnh bìa"] if path == cover else []
        where += [f"dòng {n}" for n in lines.get(path, ())]
        told.append(f"content/{path}" + (f" ({', '.join(where)})" if where else ""))
    if len(told) == 1:
        return f"ảnh {told[0]}"
    if among:
        return f"một trong các ảnh {', '.join(told[:-1])} hoặc {told[-1]}"
    return f"các ảnh {', '.join(told)}"


def _lines_of(images: Sequence[str], raw: bytes) -> dict[str, list[int]]:
    """The numbers of the lines of the body of the file (`raw`) naming each of `images`, by
    path (the cover's line of the front matter is told as «ảnh bìa»)."""
    text = raw.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    closing = [i for i, line in enumerate(lines) if line.rstrip() in ("---", "...")]
    start = (
        closing[1] + 1 if len(closing) > 1 and lines[0].lstrip("\ufeff").rstrip() == "---" else 0
    )
    found: dict[str, list[int]] = {}
    for number, line in enumerate(lines[start:], start=start + 1):
        for path in images:
            if path in line or path.rsplit("/", 1)[-1] in line:
                found.setdefault(path, []).append(number)
    return found


def _main_images(images: Sequence[str]) -> str:
    """How to get the images approved back from main when git cannot tell which changed."""
    typed = " ".join(shell_word(f"content/{p}") for p in images)
    return f"trả ảnh về bản đã duyệt trên {FROM_MAIN.format(file=typed)}"


HELD_UNTIL = ": không đăng ở kênh nào cho tới khi"
"""How the gate goes on after what changed (publish.gates): where told_apart cuts."""
EDITED = "nội dung đã đổi sau khi duyệt: "
"""How the gate's reason starts when what changed is not known (model.EDITED_SAID): kept when
explain can only say it is the address or an image."""
_OPENINGS = (
    "chỉ đổi địa chỉ: ",
    "ảnh ",
    "các ảnh ",
    "chữ của bài không đổi",
    f"{EDITED}chữ của bài",
)


def told_apart(reason: str) -> str:
    """What changed, as `explain` said it, in the reason of a bulletin held as changed (up to
    what the gate adds), or "" when the reason is not one of explain's."""
    if not reason.startswith(_OPENINGS):
        return ""
    return reason.split(HELD_UNTIL, 1)[0]
