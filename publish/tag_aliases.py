"""Tags merged or renamed in site.toml (`[tag_aliases]`, old tag = the tag it is now), applied as
bulletins are loaded.

A unit that merges «cảnh giác» into «cảnh giác lừa đảo» writes one line in site.toml instead of
editing every bulletin: an edited bulletin waits for approval again, while a bulletin whose file
is unchanged keeps its approval (its fingerprint is of the file, publish.approval). The old tag's
page becomes a redirect page to the new one (publish.render.web.redirects.tag_redirects), as a
category's old key does. A tag is matched as bulletins' tags are (publish.tags.tag_key: any case,
accents or spacing), and a chain («a» = «b», «b» = «c») leads to its last tag: a tag renamed
twice over the years keeps one line per rename.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from publish.schema import SchemaIssue
from publish.tags import tag_key, tag_slugs
from publish.text import fold, nfc, quoted

if TYPE_CHECKING:  # publish.model imports publish.config, which checks [tag_aliases] here
    from publish.model import Bulletin

__all__ = ["TABLE", "apply", "issues", "moved_slugs", "renames", "unused"]

TABLE = "tag_aliases"
"""The site.toml table: each key an old tag, its value the tag bulletins carrying it now have."""
EXAMPLE = f'[{TABLE}] rồi dòng "cảnh giác" = "cảnh giác lừa đảo"'


def _named(tag: object) -> str:
    """A tag as written in site.toml, as bulletins' tags are read (NFC, spaces trimmed); "" when
    it names no tag (not text, or no letter or digit: such a tag has no page)."""
    if not isinstance(tag, str):
        return ""
    tag = nfc(tag).strip()
    return tag if any(c.isalnum() for c in tag) else ""


def renames(aliases: Mapping[str, str]) -> dict[str, str]:
    """The tag each old tag is now, by the old tag's key (publish.tags.tag_key), chains followed
    to their end; lines that issues() refuses (a loop, a tag renamed to itself) are left out."""
    first: dict[str, str] = {}
    for old, new in aliases.items():
        old, new = _named(old), _named(new)
        if old and new and tag_key(old) != tag_key(new):
            first.setdefault(tag_key(old), new)
    found = {}
    for key, new in first.items():
        seen = {key}
        while tag_key(new) in first and tag_key(new) not in seen:
            seen.add(tag_key(new))
            new = first[tag_key(new)]
        if tag_key(new) not in seen:  # a loop leads nowhere
            found[key] = new
    return found


def issues(aliases: Mapping[str, str]) -> list[SchemaIssue]:
    """What is wrong in [tag_aliases]: a name that is no tag, a tag renamed to itself, one old
    tag written twice with two new ones, and loops (each told once, at its first line)."""
    told: list[SchemaIssue] = []
    targets: dict[str, tuple[str, str]] = {}
    for written, value in aliases.items():
        where = (TABLE, written)
        old, new = _named(written), _named(value)
        if not old:
            told.append(
                SchemaIssue(
                    where,
                    f"thẻ cũ {quoted(written)} không có chữ hay số nào nên không là thẻ nào",
                    f"Ghi tên thẻ cũ trong ngoặc kép, ví dụ {EXAMPLE}.",
                )
            )
        elif not new:
            if isinstance(value, str):  # any other value is told by its type (publish.schema)
                told.append(
                    SchemaIssue(
                        where,
                        f"thẻ mới của thẻ {quoted(old)} không có chữ hay số nào",
                        f"Ghi tên thẻ mới trong ngoặc kép, ví dụ {EXAMPLE}.",
                    )
                )
        elif tag_key(old) == tag_key(new):
            told.append(
                SchemaIssue(
                    where,
                    f"{quoted(old)} và {quoted(new)} đã là một thẻ (chỉ khác chữ hoa, dấu hay "
                    "khoảng cách): dòng này không đổi gì",
                    "Xóa dòng này. Các cách viết ấy đã chung một trang thẻ; trang hiện cách viết "
                    "mà nhiều bản tin đã đăng dùng nhất.",
                )
            )
        elif tag_key(old) in targets and tag_key(targets[tag_key(old)][1]) != tag_key(new):
            other, before = targets[tag_key(old)]
            told.append(
                SchemaIssue(
                    where,
                    f"thẻ cũ {quoted(old)} đã ghi ở dòng {quoted(other)} = {quoted(before)}, "
                    f"nay lại ghi là {quoted(new)}",
                    "Một thẻ cũ chỉ chuyển được sang một thẻ: giữ một trong hai dòng.",
                )
            )
        else:
            targets.setdefault(tag_key(old), (old, new))
    return told + _loops(targets)


def _loops(targets: Mapping[str, tuple[str, str]]) -> list[SchemaIssue]:
    """A loop of renames («a» = «b», «b» = «a»): no tag to end at. Told at its first line."""
    told, looped = [], set()
    for start in targets:
        path, key = [start], tag_key(targets[start][1])
        while key in targets and key not in path:
            path.append(key)
            key = tag_key(targets[key][1])
        if key != start or start in looped:
            continue
        looped.update(path)
        names = " → ".join(quoted(targets[k][0]) for k in (*path, start))
        told.append(
            SchemaIssue(
                (TABLE, targets[start][0]),
                f"các thẻ đổi tên thành vòng tròn ({names}): không có thẻ nào để chuyển tới",
                "Chọn một thẻ giữ lại và xóa dòng có thẻ đó ở bên trái dấu =; các dòng còn lại "
                "chuyển thẻ cũ sang nó.",
            )
        )
    return told


def _written(aliases: Mapping[str, str], key: str) -> str:
    """The site.toml key (as written, for its line) of the old tag with `key`."""
    return next(k for k in aliases if _named(k) and tag_key(_named(k)) == key)


def apply(bulletins: list[Bulletin], moved: Mapping[str, str]) -> list[Bulletin]:
    """Each bulletin with its old tags replaced by the tags they are now (`moved`, from
    renames()), a tag it then carries twice kept once, where it was first."""
    if not moved:
        return bulletins
    changed = []
    for bulletin in bulletins:
        if not any(tag_key(tag) in moved for tag in bulletin.tags):
            changed.append(bulletin)
            continue
        tags: dict[str, str] = {}
        for tag in bulletin.tags:
            now = moved.get(tag_key(tag), tag)
            tags.setdefault(tag_key(now), now)
        changed.append(dataclasses.replace(bulletin, tags=tuple(tags.values())))
    return changed


def unused(aliases: Mapping[str, str], tags: Iterable[str]) -> list[SchemaIssue]:
    """The issue of each old tag none of `tags` is (the tags of every bulletin, drafts and
    held ones included, before the renames): a mistyped name merges nothing."""
    moved = renames(aliases)
    if not moved:
        return []  # nearly every site: no tag of its bulletins is looked at
    carried = {tag_key(tag): tag for tag in tags}
    # A link of a chain («a» = «b», «b» = «c»): its line leads «a» on, carried or not.
    linked = {tag_key(_named(new)) for new in aliases.values() if _named(new)}
    told = []
    for key, new in moved.items():
        if key in carried or key in linked:
            continue
        written = _written(aliases, key)
        old = _named(written)
        # Not the new tag itself: «có phải «lừa đảo qua mạng»?» on its own line misleads.
        others = {fold(t): t for k, t in carried.items() if k != tag_key(new)}
        near = difflib.get_close_matches(fold(old), others, n=1)
        guess = ""
        if near:
            meant = quoted(_label(near[0], carried))
            guess = f"Nếu gõ nhầm thì sửa cho đúng thẻ của bản tin (có phải {meant}?). "
        told.append(
            SchemaIssue(
                (TABLE, written),
                f"không bản tin nào gắn thẻ {quoted(old)}: dòng này không chuyển bản tin nào "
                f"sang thẻ {quoted(new)}",
                guess + "Nếu các bản tin đã được sửa sang thẻ mới thì cứ giữ dòng này: địa chỉ "
                "cũ của trang thẻ vẫn chuyển sang trang thẻ mới.",
            )
        )
    return told


def _label(folded: str, carried: Mapping[str, str]) -> str:
    """The tag as bulletins write it whose folded form is `folded`."""
    return next(tag for tag in carried.values() if fold(tag) == folded)


def moved_slugs(
    moved: Mapping[str, str], aliases: Iterable[str], slugs: Mapping[str, str]
) -> dict[str, str]:
    """The slug of each old tag's page (as it would be beside the tags there are now) → the
    slug of the page of the tag it is now (`slugs`: of every tag bulletins carry once renamed,
    publish.tags.tag_slugs), for each old tag whose new one has a page and whose old page is
    no live tag's."""
    by_key = {tag_key(label): label for label in slugs}
    # One spelling per old tag: two spellings of one tag had one page.
    old_names = {
        tag_key(name): name for a in aliases if (name := _named(a)) and tag_key(name) in moved
    }.values()
    if not old_names:
        return {}
    before = tag_slugs({*slugs, *old_names})
    live = set(slugs.values())
    found = {}
    for old in sorted(old_names, key=tag_key):
        label = by_key.get(tag_key(moved[tag_key(old)]))
        if label is not None and before[old] not in live:
            found[before[old]] = slugs[label]
    return found
