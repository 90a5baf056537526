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
whose bytes git holds otherwise in the approval's commit, told with the old address when the
file was renamed too. Without git, the images are named as what may have been replaced, and
the address with them unless the front matter writes `slug`: the approval may be newer than
the last publication (published at /a/, renamed b and approved there, renamed a again).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from publish.approval_diff import Approved, Deleted, approved_in_git, replaced_since
from publish.config import Config
from publish.content_images import body_line
from publish.fields import file_slug
from publish.gates import shell_word
from publish.git_restore import FROM_MAIN
from publish.model import Bulletin

if TYPE_CHECKING:
    from publish.id_holders import Records

__all__ = [
    "Clues",
    "Explained",
    "address_moved",
    "explain",
    "images_named",
    "images_replaced",
    "shown_images",
]

GIT_LOOKUPS = 20
"""Bulletins a build asks git about at most: one shared photo replaced holds every bulletin
showing it. Each asks git three times to find its approval (where the repository is, the
file's history, the commit's copy: publish.approval_diff), twice more when the file's history
does not hold it (whether the last commit has the file; if not, the history of the file
deleted since whose last copy writes its approval: which files those are, and their copies,
asked once a build), and twice for its images, unless each was told for the same commit
already. The rest are told without git."""


class Explained(NamedTuple):
    """Why a bulletin whose file is as approved is held, and how to get back what was approved."""

    said: str
    """In Vietnamese, said instead of «nội dung đã đổi sau khi duyệt»."""
    restore: str
    """The command bringing back what was approved (the file's old name, the images
    approved), "" when none is known."""


class Clues:
    """What tells where a project's bulletins were approved, read once for a build: state/
    (`records`, the load's reader: the file and addresses each published bulletin had) and
    git (at most GIT_LOOKUPS asks, an image's bytes in a commit asked once)."""

    def __init__(self, config: Config, records: Records) -> None:
        self.config = config
        self.records = records
        self.asked = 0
        self._replaced: dict[tuple[str, str], bool] = {}
        self._deleted = Deleted()

    def in_git(self, bulletin: Bulletin) -> Approved | None:
        """The approval of `bulletin` as git found it (approved_in_git), None without git or
        once GIT_LOOKUPS were asked."""
        if self.asked >= GIT_LOOKUPS:
            return None
        self.asked += 1
        path = self.config.root / bulletin.source
        return approved_in_git(path, bulletin.approved_version, self.config.tz, self._deleted)

    def replaced(self, approved: Approved, images: Sequence[str]) -> list[str] | None:
        """images_replaced, each image's bytes in the approval's commit compared once a build
        (a shared photo held every bulletin showing it, and was hashed for each)."""
        if approved.found is None:
            return None
        commit = approved.found[0]
        unknown = [p for p in images if (commit, p) not in self._replaced]
        if unknown:
            found = images_replaced(approved, self.config.root, unknown)
            if found is None:
                return None
            self._replaced.update(((commit, p), p in found) for p in unknown)
        return [p for p in images if self._replaced[commit, p]]


def explain(
    bulletin: Bulletin,
    clues: Clues,
    approved_at: Callable[[str, str], bool],
    slug_written: bool,
) -> Explained | None:
    """Why `bulletin` is held although its file is as approved, or None when neither its
    address nor an image tells it. `approved_at(slug, key)`: whether its approval is its
    fingerprint at that address; `slug_written`: its front matter writes `slug` (a rename
    then moves nothing)."""
    images = shown_images(bulletin)
    if slug_written and not images:
        return None  # its address written, no image: nothing git could tell (not asked)
    if not slug_written:
        recorded = clues.records.file_of(bulletin.key)
        history = clues.records.history.get(bulletin.key, ())
        for old, slug in _old_names(bulletin, recorded, history):
            if approved_at(slug, _key(bulletin, slug)):
                return _moved(bulletin, old, slug)
    found = clues.in_git(bulletin)
    commit = found.found[0] if found is not None and found.found is not None else ""
    named = _project_name(found, clues.config.root)
    # Renamed since its approval (git found it under another name), to another address.
    old = ""
    if not slug_written and named and named != bulletin.source:
        slug = file_slug(Path(named))
        if slug != bulletin.slug:
            if approved_at(slug, _key(bulletin, slug)):
                return _moved(bulletin, named, slug)
            old = named
    if not images:
        return None
    replaced = clues.replaced(found, images) if found is not None and commit else None
    if replaced == [] and slug_written:
        return None  # git holds every image as approved, and the address is written
    if replaced:
        told = f"{images_named(replaced, bulletin, clues.config)} đã được thay"
        typed = " ".join(shell_word(f"content/{p}") for p in replaced)
        back = f"trả ảnh về bản đã duyệt: git checkout {commit[:8]} -- {typed}"
        if old:  # both: told together, with both ways back (one alone left it held)
            slug = file_slug(Path(old))
            return Explained(
                f"{_address_told(bulletin, slug)} và {told} sau khi duyệt, chữ của bài không "
                f"đổi; {ADDRESS_APPROVED}",
                f"{_moved(bulletin, old, slug).restore}; {back}",
            )
        return Explained(f"{told} sau khi duyệt, chữ của bài không đổi", back)
    told = images_named(images, bulletin, clues.config, among=True)
    if slug_written:
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
    return _address_told(bulletin, slug)


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


ADDRESS_APPROVED = "địa chỉ là một phần nội dung được duyệt"
"""Why a new address holds an approved bulletin, said after it."""


def _address_told(bulletin: Bulletin, slug: str) -> str:
    """«đổi địa chỉ: /cũ/ → /mới/ (tên tệp đổi)» of `bulletin` approved at `slug`."""
    return f"đổi địa chỉ: {bulletin.url_at(slug)} → {bulletin.url} (tên tệp đổi)"


def _moved(bulletin: Bulletin, old: str, slug: str) -> Explained:
    """The bulletin approved at `slug` (its file `old`, "" when unknown) and renamed since."""
    restore = f"trả tệp về tên cũ: git mv {shell_word(bulletin.source)} {shell_word(old)}"
    return Explained(
        f"chỉ {_address_told(bulletin, slug)}, chữ không đổi; {ADDRESS_APPROVED}",
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
        return ""


def images_named(
    images: Sequence[str], bulletin: Bulletin, config: Config, *, among: bool = False
) -> str:
    """The images named with where the bulletin shows them: «ảnh content/images/x.jpg (ảnh
    bìa, dòng 12)», several joined; `among`: one of them, not all («hoặc»)."""
    cover = bulletin.cover.path if bulletin.cover else ""
    told = []
    for path in images:
        where = ["ảnh bìa"] if path == cover else []
        line = body_line(bulletin, path, config)  # a cover may be shown in the body too
        where += [f"dòng {line}"] if line is not None else []
        told.append(f"content/{path}" + (f" ({', '.join(where)})" if where else ""))
    if len(told) == 1:
        return f"ảnh {told[0]}"
    if among:
        return f"một trong các ảnh {', '.join(told[:-1])} hoặc {told[-1]}"
    return f"các ảnh {', '.join(told)}"


def _main_images(images: Sequence[str]) -> str:
    """How to get the images approved back from main when git cannot tell which changed."""
    typed = " ".join(shell_word(f"content/{p}") for p in images)
    return f"trả ảnh về bản đã duyệt trên {FROM_MAIN.format(file=typed)}"


EDITED = "nội dung đã đổi sau khi duyệt: "
"""How the gate's reason starts when what changed is not known (model.EDITED_SAID): kept when
explain can only say it is the address or an image."""
