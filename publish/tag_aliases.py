"""Tags merged or renamed in site.toml (`[tag_aliases]`, old tag = the tag it is now), applied as
bulletins are loaded.

A unit that merges «cảnh giác» into «cảnh giác lừa đảo» writes one line in site.toml instead of
editing every bulletin: an edited bulletin waits for approval again, while a bulletin whose file
is unchanged keeps its approval (its fingerprint is of the file, publish.approval). The old tag's
page becomes a redirect page to the new one (publish.render.web.redirects.list_redirects), as a
category's old key does, and keeps its address (addresses). A tag is matched as bulletins' tags
are (publish.tags.tag_key: any case, accents or spacing), and a chain («a» = «b», «b» = «c») leads
to its last tag: a tag renamed twice over the years keeps one line per rename. The gate reads the
tags a file holds, before the renames: a line whose new tag is a secret grade is refused.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from publish.schema import SchemaIssue
from publish.tags import tag_key, tag_name, tag_slugs
from publish.text import fold, quoted

if TYPE_CHECKING:  # publish.model imports publish.config, which checks [tag_aliases] here
    from publish.config import Policy
    from publish.model import Bulletin

__all__ = ["TABLE", "Renames", "addresses", "apply", "issues", "renames", "unused"]

TABLE = "tag_aliases"
"""The site.toml table: each key an old tag, its value the tag bulletins carrying it now have."""
EXAMPLE = f'[{TABLE}] rồi dòng "cảnh giác" = "cảnh giác lừa đảo"'

Lines = dict[str, tuple[str, str]]
"""The lines of [tag_aliases] that rename a tag: old tag's key (publish.tags.tag_key) → (the
old tag as written, the site.toml key of its line; the new tag as read)."""


@dataclasses.dataclass(frozen=True, slots=True)
class Renames:
    """[tag_aliases] read once per load, for every step that follows it."""

    lines: Mapping[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    """See Lines."""
    now: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """The tag each old tag is now, by the old tag's key, chains followed to their end."""


def _secret(tag: str, policy: Policy) -> str | None:
    """The tag as written when it is a secret grade (publish.gates.tag_stamp), else None."""
    # Imported here: publish.gates imports publish.config, which imports this module.
    from publish.gates import tag_stamp

    return tag_stamp([tag], policy)


def _read(aliases: Mapping[str, str], policy: Policy) -> tuple[Lines, list[SchemaIssue]]:
    """The lines that rename a tag, and what is wrong in the others: a name that is no tag, a tag
    renamed to itself or to a secret grade, one old tag written twice with two new ones."""
    told: list[SchemaIssue] = []
    lines: Lines = {}
    for written, value in aliases.items():
        where = (TABLE, written)
        old, new = tag_name(written), tag_name(value)
        if not old:
            told.append(
                SchemaIssue(
                    where,
                    f"thẻ cũ {quoted(written)} không có chữ hay số nào nên không phải là thẻ",
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
        elif (stamp := _secret(new, policy)) is not None:
            # The gate reads the tags a file holds, before this line renames them: the bulletin
            # would go out under a secret grade.
            told.append(
                SchemaIssue(
                    where,
                    f"thẻ mới {quoted(stamp)} là dấu mật: bản tin gắn thẻ {quoted(old)} sẽ lên "
                    "website mang dấu mật ấy, mà dấu mật thì không bao giờ được xuất bản",
                    "Chọn thẻ mới không phải một mức mật (ba mức của luật và các mức trong "
                    "[policy] secret_classifications), hoặc xóa dòng này. Bản tin có nội dung "
                    "mật thì không được đăng ở kênh nào.",
                )
            )
        elif tag_key(old) in lines and tag_key(lines[tag_key(old)][1]) != tag_key(new):
            other, before = lines[tag_key(old)]
            told.append(
                SchemaIssue(
                    where,
                    f"thẻ cũ {quoted(old)} đã ghi ở dòng {quoted(tag_name(other))} = "
                    f"{quoted(before)}, nay lại ghi là {quoted(new)}",
                    "Một thẻ cũ chỉ chuyển được sang một thẻ: giữ một trong hai dòng.",
                )
            )
        else:
            lines.setdefault(tag_key(old), (written, new))
    return lines, told


def _chain(lines: Mapping[str, tuple[str, str]], key: str) -> list[str]:
    """The keys of the old tags a rename from `key` goes through, `key` first, up to the last
    one or, in a loop, to the line before it comes back."""
    path = [key]
    while (key := tag_key(lines[key][1])) in lines and key not in path:
        path.append(key)
    return path


def renames(aliases: Mapping[str, str], policy: Policy) -> Renames:
    """[tag_aliases] read: its lines that rename a tag and where each old tag ends; lines that
    issues() refuses (a loop, a tag renamed to itself or to a secret grade) rename nothing."""
    if not aliases:
        return Renames()
    lines, _ = _read(aliases, policy)
    now = {}
    for key in lines:
        last = lines[_chain(lines, key)[-1]][1]
        if tag_key(last) not in lines:  # a loop leads nowhere
            now[key] = last
    return Renames(lines, now)


def issues(aliases: Mapping[str, str], policy: Policy) -> list[SchemaIssue]:
    """What is wrong in [tag_aliases] (see _read), and its loops (each told once, at its first
    line)."""
    lines, told = _read(aliases, policy)
    return told + _loops(lines)


def _loops(lines: Mapping[str, tuple[str, str]]) -> list[SchemaIssue]:
    """A loop of renames («a» = «b», «b» = «a»): no tag to end at. Told at its first line."""
    told, looped = [], set()
    for start, (written, _) in lines.items():
        path = _chain(lines, start)
        if tag_key(lines[path[-1]][1]) != start or start in looped:
            continue
        looped.update(path)
        names = " → ".join(quoted(tag_name(lines[k][0])) for k in (*path, start))
        told.append(
            SchemaIssue(
                (TABLE, written),
                f"các thẻ đổi tên thành vòng tròn ({names}): không có thẻ nào để chuyển tới",
                "Chọn một thẻ giữ lại và xóa dòng có thẻ đó ở bên trái dấu =; các dòng còn lại "
                "chuyển thẻ cũ sang nó.",
            )
        )
    return told


def apply(bulletins: list[Bulletin], renamed: Renames) -> list[Bulletin]:
    """Each bulletin with its old tags replaced by the tags they are now, a tag it then carries
    twice kept once, where it was first."""
    moved = renamed.now
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


def unused(renamed: Renames, carried: Iterable[str], shown: Iterable[str]) -> list[SchemaIssue]:
    """The issue of each old tag no bulletin carries (`carried`: the key of every tag of every
    bulletin, drafts and held ones included, before the renames): a mistyped name merges
    nothing. The tag it names as the one meant is a label the site shows (`shown`: one per tag,
    as the renames and publish.content._canonical_tags leave them)."""
    if not renamed.now:
        return []
    carried = set(carried)
    labels = {tag_key(label): label for label in shown}
    # A link of a chain («a» = «b», «b» = «c»): its line leads «a» on, carried or not.
    linked = {tag_key(new) for _, new in renamed.lines.values()}
    told = []
    for key, new in renamed.now.items():
        if key in carried or key in linked:
            continue
        written = renamed.lines[key][0]
        old = tag_name(written)
        # Not the new tag itself: «có phải «lừa đảo qua mạng»?» on its own line misleads.
        others = {fold(label): label for k, label in labels.items() if k != tag_key(new)}
        near = difflib.get_close_matches(fold(old), others, n=1)
        guess = ""
        if near:
            meant = quoted(others[near[0]])
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


def addresses(
    renamed: Renames, labels: Iterable[str], carried: Collection[str] = ()
) -> tuple[dict[str, str], dict[str, str]]:
    """The page slug of each tag label (`labels`: the tags bulletins carry once renamed, one
    label per tag), and the slug of each old tag's page → the slug of the page of the tag it
    is now (when a bulletin carries that tag).

    Old tags keep their addresses: their names are given slugs beside the tags there are now
    (publish.tags.tag_slugs), so no tag takes an old tag's address («C#» keeps /the/c-sharp/
    when «C» is renamed) and each old address redirects. An old tag no bulletin carries
    (`carried`: tag keys before the renames) had no page: it takes no address a tag there is
    now holds (a mistyped «C» line moved «C++» off /the/c/)."""
    labels = set(labels)
    if not renamed.now:
        return tag_slugs(labels), {}
    # One spelling per old tag: two spellings of one tag had one page.
    old = {key: tag_name(renamed.lines[key][0]) for key in renamed.now}
    every = tag_slugs([*labels, *old.values()])
    held = set(tag_slugs(labels).values())
    while taking := [k for k, n in old.items() if k not in carried and every[n] in held]:
        for key in taking:
            del old[key]
        every = tag_slugs([*labels, *old.values()])
    by_key = {tag_key(label): label for label in labels}
    moves = {}
    for key, name in sorted(old.items()):
        label = by_key.get(tag_key(renamed.now[key]))
        if label is not None:
            moves[every[name]] = every[label]
    return {label: every[label] for label in labels}, moves
