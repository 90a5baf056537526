"""Two files with one `id`, told by what state/ records of the bulletin published under it.

An editor starts a new bulletin by copying a published one, changes its title and keeps its
`id` (session 73, QA item 1). The duplicate was told on whichever of the two files came second by
name, with «đổi id của một trong hai tệp, tệp chưa được đăng»: the editor who changed the id of
the file named there took the published bulletin down. Every channel knows a bulletin by its
id, so the copy then stood for it (unapproved: withdrawn; approved: its text over the published
one) and the original came back as a new bulletin, which check passed.

state/ knows which file is the published one: the file published.json and zalo.json record for
the id, the address web-urls.json records last for it, the title zalo.json and radio.json keep.
So the error goes on the other file, names the published one and gives an id ready to paste,
made as `publish new` makes one; when state/ cannot tell (nothing synced yet, or both files or
neither match), on a file without an approver when the other has one (a copy usually has its
approval cleared, and usually keeps the original's date), else on the newer file by its `date`,
then by its name, and the message says so. And a published file whose id was changed while
another file took that id is warned of (an error under --strict): «bài đang đăng đổi id», and
the withdrawal line names it (publish.withdrawing), both by wrong_fix, for a bulletin never on
the website (radio only) too when the command asks (moved_ids' `every_key`: check, build,
serve and sync, which parse published.json anyway; their Records, shared with the load, parse
state/ once).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from publish.errors import Problem, PublishError
from publish.fields import new_identifier
from publish.model import Bulletin
from publish.text import nfc, quoted

if TYPE_CHECKING:
    from publish.sync.vanished import Published

__all__ = [
    "Evidence",
    "Records",
    "duplicate_ids",
    "fresh_id",
    "gave_up",
    "moved_ids",
    "published_file",
    "wrong_fix",
]

Where = Callable[[Bulletin], tuple[int | None, str]]
"""The line of a bulletin's `id` (None when it has none) and a note saying where its key comes
from when not from that line ("" when it does)."""


class Recorded(NamedTuple):
    """What state/ records of the bulletin published under one key."""

    files: Mapping[str, str]
    """Each file recorded for it → the state/ file that records it."""
    address: str
    """The site path web-urls.json records last for it ("" when none)."""
    titles: frozenset[str]
    """The titles zalo.json and radio.json keep for it, as same_title compares them."""


class Evidence(NamedTuple):
    """How state/ tells which file is a key's published bulletin (published_file's tests)."""

    test: str
    """«file», «address» or «title»."""
    record: str
    """For «file», the state/ file that records it; for «address», that address; else ""."""


class Records:
    """What state/ of the project at `root` records of published keys, each file read when
    first asked: web-urls.json on every load (moved_ids looks for moved files by address; the
    website's build reads it too, once), published.json, zalo.json and radio.json only when
    two files share an id or a file looks moved (or a withdrawal line asks)."""

    def __init__(self, root: Path, published: Published | None = None) -> None:
        """A reader of `root`/state; nothing is read yet. `published`: the command's reader of
        published.json, which the command parses anyway (check, build, serve and sync tell
        or refuse what the next sync withdraws), shared so the file is parsed once (~1.6 MB
        at 10,000 bulletins); its folder is the state/ read (a sync's may be elsewhere)."""
        self.root = root
        self.state = root / "state" if published is None else published.state_dir
        self._published = published

    @cached_property
    def history(self) -> Mapping[str, tuple[str, ...]]:
        """state/web-urls.json: each key's site paths, oldest first ({} when unreadable: check
        says what is wrong with it)."""
        from publish.site_paths import state_history

        with contextlib.suppress(PublishError, OSError):
            return state_history(self.state)
        return {}

    @cached_property
    def published(self) -> Published:
        """The reader of state/published.json (the one given, else one of its own)."""
        from publish.sync.vanished import Published

        return self._published or Published(self.state)

    @cached_property
    def zalo(self) -> Mapping[str, Any]:
        """state/zalo.json's records by key ({} when missing or unreadable)."""
        from publish.sync.vanished import zalo_records

        return zalo_records(self.state)

    @cached_property
    def _radio_titles(self) -> Mapping[str, str]:
        """The title state/radio.json keeps for each key it sent a script of."""
        from publish.sync.vanished import radio_records

        return {
            v["bulletins"][0]: v["title"]
            for k, v in radio_records(self.state).items()
            if k.startswith("items/")
            and isinstance(v.get("bulletins"), list)
            and v["bulletins"]
            and isinstance(v["bulletins"][0], str)
            and isinstance(v.get("title"), str)
        }

    def _zalo_entry(self, key: str) -> Mapping[str, Any]:
        """state/zalo.json's record of `key` ({} when none or not an object)."""
        entry = self.zalo.get(key)
        return entry if isinstance(entry, dict) else {}

    def _files(self, key: str, entry: Mapping[str, Any]) -> dict[str, str]:
        """Each file state/ records for `key` (`entry`: its zalo.json record) → the state/
        file that records it: published.json's first, then zalo.json's (all an older state/
        has)."""
        files: dict[str, str] = {}
        recorded = self.published.files.get(key)
        if recorded is not None:
            files[recorded] = "state/published.json"
        if source := _zalo_source(entry):
            files.setdefault(source, "state/zalo.json")
        return files

    def file_of(self, key: str) -> str:
        """The file state/ records for `key` ("" when none): published.json's; zalo.json's
        only when published.json has no file map at all (an older state/). A key published.json
        names no file for is one never published, as a new bulletin held for approval: reading
        zalo.json for it made every check and build with one read zalo.json and its journal."""
        files = self.published.files
        return files.get(key, "") if files else _zalo_source(self._zalo_entry(key))

    def of(self, key: str) -> Recorded | None:
        """What state/ records of `key` published; None when it records nothing of it."""
        entry = self._zalo_entry(key)
        files = self._files(key, entry)
        paths = self.history.get(key, ())
        # A title written by hand or by another tool may be a list or an object: it tells
        # nothing, as _radio_titles drops it too.
        titles = {
            t for t in (entry.get("title"), self._radio_titles.get(key)) if isinstance(t, str) and t
        }
        if not (files or paths or titles):
            return None
        return Recorded(files, paths[-1] if paths else "", frozenset(map(_same, titles)))


def _zalo_source(entry: Mapping[str, Any]) -> str:
    """The file the zalo.json record `entry` names ("" when none)."""
    source = entry.get("source")
    return source if isinstance(source, str) else ""


def _same(title: object) -> str:
    """A title as the Zalo sync compares titles: NFC, inner whitespace collapsed."""
    return " ".join(nfc(title).split()) if isinstance(title, str) else ""


def _titles(bulletin: Bulletin) -> set[str]:
    """The titles `bulletin` is published under: its own, and its Zalo one when it has one."""
    zalo = bulletin.block("zalo").get("title")
    return {_same(bulletin.title), *([_same(zalo)] if isinstance(zalo, str) else [])}


def published_file(
    group: Sequence[Bulletin], recorded: Recorded
) -> tuple[Bulletin, Evidence] | None:
    """The one of `group` (files sharing a key) state/ records as that key's published bulletin,
    and how it tells: by its file, else its address, else its title, the first test only one
    of them passes; None when no test tells them apart."""
    tests: list[tuple[Callable[[Bulletin], bool], Callable[[Bulletin], Evidence]]] = [
        (
            lambda b: b.source in recorded.files,
            lambda b: Evidence("file", recorded.files[b.source]),
        ),
        (
            lambda b: bool(recorded.address) and b.url == recorded.address,
            lambda b: Evidence("address", b.url),
        ),
        (lambda b: bool(recorded.titles & _titles(b)), lambda b: Evidence("title", "")),
    ]
    for passes, evidence in tests:
        found = [b for b in group if passes(b)]
        if len(found) == 1:
            return found[0], evidence(found[0])
    return None


def _told(evidence: Evidence, named: str) -> str:
    """How state/ tells the file `named` («tệp ấy», «tệp này») is the published one."""
    if evidence.test == "file":
        return f"{evidence.record} ghi {named} là tệp của bài ấy"
    if evidence.test == "address":
        return f"state/web-urls.json ghi bài ấy đăng ở địa chỉ {evidence.record} của {named}"
    return f"tiêu đề của {named} là tiêu đề state/ ghi cho bài ấy"


def _approved(bulletin: Bulletin) -> bool:
    """Whether `bulletin` names an approver: a copy of a published bulletin usually has its
    approval cleared, to be read anew."""
    return bool(bulletin.approved_by) and not bulletin.approval_note


def fresh_id(bulletin: Bulletin, taken: Iterable[str]) -> str:
    """An `id` for `bulletin` made as `publish new` makes one (its slug and 6 hex digits), none
    of `taken`: the digits come from its file's name, so every check suggests the same one."""
    taken = set(taken)
    for n in itertools.count():
        digest = hashlib.sha256(f"{bulletin.source}\n{bulletin.key}\n{n}".encode()).hexdigest()
        ident = new_identifier(bulletin.slug, digest[:6])
        if ident not in taken:
            return ident
    raise AssertionError("unreachable")  # pragma: no cover


def duplicate_ids(bulletins: Sequence[Bulletin], records: Records, where: Where) -> list[Problem]:
    """An error on each bulletin whose key another one has too (without `id`: their slug
    problem says it), naming the one it duplicates: the published one state/ knows, else one
    naming an approver before one naming none (a copy usually keeps its original's date, so
    the date alone could blame the original), then the oldest (by `date`, then by its place in
    `bulletins`, that is by name). The id suggested is none of theirs."""
    groups: dict[str, list[Bulletin]] = {}
    for bulletin in bulletins:
        groups.setdefault(bulletin.key, []).append(bulletin)
    order = {id(b): n for n, b in enumerate(bulletins)}
    taken = {b.key for b in bulletins}
    problems: list[tuple[int, Problem]] = []
    for key, group in groups.items():
        if len(group) < 2:
            continue
        recorded = records.of(key)
        found = published_file(group, recorded) if recorded is not None else None
        original = (
            found[0]
            if found
            else min(group, key=lambda b: (not _approved(b), b.date, order[id(b)]))
        )
        for bulletin in group:
            # Without `id` the key is the slug: the slug problem already says it, once.
            if bulletin is original or original.key == original.slug == bulletin.slug:
                continue
            new = fresh_id(bulletin, taken)
            taken.add(new)
            if found:
                problem = _copy_of_published(bulletin, original, found[1], new, where)
            else:
                problem = _copy_of(bulletin, original, recorded is not None, new, where)
            problems.append((order[id(bulletin)], problem))
    return [problem for _, problem in sorted(problems, key=lambda p: p[0])]


def _where_text(bulletin: Bulletin, where: Where) -> str:
    """`file:line` of `bulletin`'s id (its file alone when none), and where its key is from."""
    line, origin = where(bulletin)
    return f"{bulletin.source}{'' if line is None else f':{line}'}{origin}"


def _id_line(bulletin: Bulletin, new: str) -> str:
    """The line to paste into `bulletin`, said as the fix says it."""
    return f"{'sửa dòng id thành' if bulletin.has_id else 'thêm vào phần đầu dòng'} «id: {new}»"


def _copy_of_published(
    copy: Bulletin, original: Bulletin, why: Evidence, new: str, where: Where
) -> Problem:
    """The error on a file that shares the key of the bulletin state/ records as published."""
    line, origin = where(copy)
    return Problem(
        copy.source,
        f"id {quoted(copy.key)}{origin} trùng với {_where_text(original, where)}, tệp của bài "
        f"đã đăng ({_told(why, 'tệp ấy')}); tệp này chưa được đăng",
        "id",
        line,
        f"Đổi id của tệp này (thường là bản chép từ bài đã đăng): {_id_line(copy, new)}. Đừng đổi "
        f"id của {original.source}: website, Zalo và đài nhận ra bài đã đăng theo id ấy, đổi "
        "đi thì lần đồng bộ tới rút bài đang đăng.",
    )


def _copy_of(copy: Bulletin, original: Bulletin, recorded: bool, new: str, where: Where) -> Problem:
    """The error on the one of two files sharing a key told as the copy when state/ does not
    tell which one is published (`recorded`: whether it records the key at all): without an
    approver while `original` has one, else the newer by date, else the later by name."""
    line, origin = where(copy)
    if _approved(copy) != _approved(original):
        told = "tệp này chưa có người duyệt (approved_by), tệp kia đã có"
        which = "chưa có người duyệt (approved_by) trong khi tệp kia có"
    elif copy.date != original.date:
        told = (
            f"tệp này mới hơn (date {copy.date:%d/%m/%Y %H:%M}, tệp kia "
            f"{original.date:%d/%m/%Y %H:%M})"
        )
        which = "mới hơn theo ngày đăng (date)"
    else:
        told = f"hai tệp cùng ngày đăng ({copy.date:%d/%m/%Y %H:%M}), tệp này xếp sau theo tên"
        which = "xếp sau theo tên tệp (hai tệp cùng ngày đăng)"
    state = (
        f"state/ ghi bài {quoted(copy.key)} đã đăng nhưng không cho biết tệp nào trong hai tệp "
        "là bài ấy (tệp, địa chỉ và tiêu đề state/ ghi khớp cả hai hoặc không khớp tệp nào)"
        if recorded
        else f"state/ chưa ghi bài {quoted(copy.key)} đã đăng ở kênh nào (chưa đồng bộ lần nào?)"
    )
    return Problem(
        copy.source,
        f"id {quoted(copy.key)}{origin} trùng với {_where_text(original, where)}; {told}",
        "id",
        line,
        f"Đổi id của một trong hai tệp, tệp chưa được đăng: Zalo nhận bài đã đăng theo id. "
        f"Vì {state}, lỗi ghi ở tệp {which}, thường là bản chép. Tệp "
        f"này là bản chép thì {_id_line(copy, new)}; tệp này mới là bài đã đăng thì đổi id của "
        f"{original.source}.",
    )


def moved_ids(
    bulletins: Sequence[Bulletin],
    records: Records,
    where: Where,
    duplicated: Iterable[str],
    *,
    every_key: bool = False,
) -> list[Problem]:
    """A warning on each file state/ records as a published bulletin's that now declares another
    id while another file holds the published one's (the fix of a duplicate id applied to the
    wrong file): the channels take that other file for the published bulletin. Looked for, as
    the withdrawal line looks (gave_up), by the file and the address state/ records for the
    key, for a key whose file is not at the address web-urls.json records last for it (read
    once a process: the website's build reads it too): a wrong fix leaves the key at the
    copy's address, so published.json is not parsed on every load. With `every_key` (a
    command that parses published.json anyway), a key web-urls.json has no address for (a
    bulletin never on the website, radio only) is looked up too, by the file published.json
    names alone (that withdrawal line named such a wrong fix while check warned of nothing):
    an older published.json, without files, would have had zalo.json parsed on every command
    for it. `duplicated`: the keys two files share, told as such."""
    history = records.history
    # Only the map: an older state/ (no files recorded) leaves these keys to the next sync.
    every = every_key and bool(records.published.files)
    if not (history or every):
        return []
    skip = set(duplicated)
    by_file = {b.source: b for b in bulletins}
    by_address = {b.url: b for b in bulletins}
    order = {id(b): n for n, b in enumerate(bulletins)}
    taken = {b.key for b in bulletins}
    found = []
    for holder in bulletins:
        paths = history.get(holder.key)
        if holder.key in skip or (paths and holder.url == paths[-1]) or not (paths or every):
            continue
        if gave := gave_up(holder, by_file, by_address, records):
            found.append((order[id(gave[0])], _moved(gave[0], holder, gave[1], where, taken)))
    return [problem for _, problem in sorted(found, key=lambda p: p[0])]


def wrong_fix(moved: Bulletin, holder: Bulletin, recorded: Recorded | None) -> Evidence | None:
    """How state/ (`recorded`: what it records of `holder`'s key) tells `moved` is the file of
    the bulletin published under that key, which now declares another id while `holder` holds
    it (a duplicate fixed on the wrong file); None when it does not tell so, or when `holder`
    is that bulletin moved to another file (_retitled)."""
    if recorded is None or moved.key == holder.key:
        return None
    found = published_file([moved, holder], recorded)
    if found is None or found[0] is not moved or _retitled(holder, moved, recorded):
        return None
    return found[1]


def gave_up(
    holder: Bulletin,
    by_file: Mapping[str, Bulletin],
    by_address: Mapping[str, Bulletin],
    records: Records,
) -> tuple[Bulletin, Evidence] | None:
    """The file state/ records for `holder`'s key (the one published.json names, or zalo.json
    in an older state/: Records.file_of; or the one at the address web-urls.json records last;
    `by_file`, `by_address`: the loaded bulletins so) when wrong_fix tells it gave that key up
    to `holder`, with how state/ tells it; None when none."""
    key = holder.key
    paths = records.history.get(key, ())
    found = [by_file.get(records.file_of(key)), by_address.get(paths[-1]) if paths else None]
    candidates = [b for b in found if b is not None and b.key != key]
    if not candidates:
        return None  # the usual case: state/ records no other file (titles not read)
    recorded = records.of(key)
    for candidate in candidates:
        if why := wrong_fix(candidate, holder, recorded):
            return candidate, why
    return None


def _retitled(holder: Bulletin, moved: Bulletin, recorded: Recorded) -> bool:
    """Whether `holder` has the title state/ records and `moved` not: the published bulletin
    renamed to `holder` and a new one written at its old file and address, not a wrong fix."""
    titles = recorded.titles
    return bool(titles & _titles(holder)) and not titles & _titles(moved)


def _moved(
    moved: Bulletin, holder: Bulletin, why: Evidence, where: Where, taken: Iterable[str]
) -> Problem:
    """The warning on `moved`, a published bulletin's file that gave its id up to `holder`
    (`why`: how state/ tells it is the published one)."""
    line, _ = where(moved)
    key = holder.key
    now = f"«id: {moved.key}»" if moved.has_id else "không còn dòng id"
    return Problem(
        moved.source,
        f"bài đang đăng đổi id: tệp này là bài {quoted(key)} đã đăng ({_told(why, 'tệp này')}), "
        f"nay ghi {now}, "
        f"còn id {quoted(key)} nay ở tệp khác, {_where_text(holder, where)}: lần đồng bộ tới "
        f"mọi kênh coi tệp ấy là bài {quoted(key)} (chưa được duyệt thì bài đang đăng bị rút "
        "khỏi website, Zalo, đài; được duyệt thì nội dung tệp ấy thay bài đang đăng), còn tệp "
        "này là một bài mới",
        "id",
        line,
        f"Thường là đổi id nhầm tệp khi sửa lỗi «id trùng»: trả dòng id của tệp này về "
        f"«id: {key}», rồi đổi id của {holder.source}, ví dụ «id: "
        f"{fresh_id(holder, taken)}».",
        severity="warning",
    )
