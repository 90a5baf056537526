"""What state/published.json records of bulletins published on an approval by name alone.

A name typed into `approved_by` looks exactly like an approval given before `publish approve`
existed (gates.name_only_held). Under [policy] name_only_approvals = "published" a name counts
only for the content state/ recorded as published on it: each sync writes, beside the keys it
published, the fingerprint (approval.fingerprint: values, file bytes, linked files) of every
bulletin it published on a name alone (FIELD). A text edited since, a bulletin the last sync
published with an `approved_version` whose line was then deleted, and a new text under the id
or slug of a bulletin withdrawn long ago (state/web-urls.json keeps those for ever) match no
fingerprint, and wait for `publish approve`.

Only published.json is read while it exists, never the channels' records. A published.json
written before fingerprints were (or under a policy that judges no name) stands on the keys it
lists until the next sync records them: an upgrade withdraws no legacy approval. A state/ from
before published.json existed stands on every channel's record (sync.vanished.ever_published).

A published.json that exists but cannot be read (git's conflict markers after a merge, a file
cut short, another shape) vouches for nothing: every name alone is held, the reason naming the
file, what is wrong with it and how to take the good copy back from git. Falling back on the
channels' records there would publish what they name (web-urls.json keeps every key ever
published, withdrawn ones too) with any text, and the next sync would record that text as
published. The same holds for a missing published.json in a state/ whose channel records
(zalo.json, radio.json, web-urls.json) were written by a version that writes it
(sync.manifest.LISTED: the file was deleted, not never written), or that git knows the file in
(one written by a version from before LISTED: see `_deleted`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import shutil
import subprocess
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from publish.config import Config
from publish.errors import PublishError
from publish.gates import name_only
from publish.git_restore import last_good
from publish.model import Bulletin, Site

if TYPE_CHECKING:
    from publish import approval

__all__ = ["FIELD", "Judged", "judge", "published_as_is", "refuse_unvouched", "to_record"]

ReadBefore = Callable[[Bulletin, str, "approval.ImageDigests"], bool]
"""Whether a fingerprint is the bulletin's as an earlier reading took it (see `judge`)."""

FIELD = "name_only"
"""The key of published.json holding the fingerprints, by bulletin key."""
PUBLISHED_NAME = "published.json"
"""The file under state/ (sync.vanished.PUBLISHED_NAME, not imported: sync imports this)."""

SPOILED = "khi tệp hỏng hay bị xóa"
"""What spoiled published.json, for git_restore.last_good."""

NEVER = "never"
STAMPED = "stamped"
EDITED = "edited"
RESTORE = (
    f"lấy lại bản tốt của tệp từ git: {last_good('state/' + PUBLISHED_NAME, SPOILED)} (hay gỡ "
    "xung đột, giữ một bản đúng)"
)
"""How to mend an unreadable or deleted published.json (said in the hold's reason)."""
WHY = {
    NEVER: "lần đồng bộ trước không đăng bản tin này (state/published.json không ghi nó), nên "
    "tên có thể chỉ là ghi tay",
    STAMPED: "lần đồng bộ trước bản tin được đăng với dấu nội dung đã duyệt (approved_version, "
    "state/published.json ghi vậy); dòng approved_version đã bị xóa, mà tên không thay được "
    "dấu duyệt",
    EDITED: "nội dung đã đổi so với bản đã đăng chỉ với tên người duyệt (state/published.json "
    "ghi dấu của bản đó), nên tên không bảo đảm cho nội dung mới",
}
"""Why a name alone is not enough, by case (gates._name_only_reason says the rest)."""


@dataclass(frozen=True)
class Judged:
    """What state/ says of each bulletin approved by name alone."""

    vouched: frozenset[str] = frozenset()
    """Keys whose name alone counts: published on it with the content they have now."""
    why: Mapping[str, str] = field(default_factory=dict)
    """Why the others' does not, by key, when state/ tells more than «never published»."""
    fingerprints: Mapping[str, str] | None = None
    """The fingerprint of each, by key, for the sync to record (None: the policy judges no
    name, and published.json records none)."""


def judged(config: Config) -> bool:
    """Whether `config`'s policy judges approvals by name alone by what state/ records."""
    policy = config.policy
    return (
        policy.require_approval
        and policy.approval == "content"
        and policy.name_only_approvals == "published"
    )


def judge(
    bulletins: list[Bulletin],
    config: Config,
    digests: Mapping[str, str],
    read_before: ReadBefore | None = None,
) -> Judged:
    """What state/ says of each of `bulletins` approved by name alone (see the module).
    `read_before`: whether a recorded fingerprint that no longer matches is the bulletin's as an
    earlier reading of the tool took it (publish.content: key_lines.READINGS_BEFORE)."""
    named = [b for b in bulletins if name_only(b)]
    if not judged(config) or not named:
        return Judged()
    # Loaded here, not at the top: a no-op sync writes published.json through to_record and
    # must not pay for the linked-file readers and Markdown (test_sync_zalo_memo).
    from publish import approval, attachments

    state = config.root / "state"
    images = approval.ImageDigests(config.root / "content", digests)
    prints = {b.key: fingerprint(b, config, images) for b in named}
    read = _read(state)
    if isinstance(read, str) or (read is None and _deleted(state)):
        held = (
            f"state/published.json {read or _DELETED}, nên không biết lần đồng bộ trước đã đăng "
            f"bản tin này với nội dung nào; cách sửa: {RESTORE}"
        )
        return Judged(frozenset(), dict.fromkeys(prints, held), prints)
    if read is None:
        from publish.sync.vanished import ever_published  # the sync's records, read here only

        return Judged(frozenset(ever_published(state)), {}, prints)
    listed, recorded = read
    if recorded is None:
        return Judged(frozenset(listed), {}, prints)
    by_key = {b.key: b for b in named}

    def still(key: str, now: str) -> bool:
        """Whether the fingerprint recorded of `key` is the one it has `now`, or the one it
        had as an earlier version recorded it: without the file's part, with a linked text
        file's line endings counted, of the file not made NFC, or under a reading since
        replaced (an upgrade must not withdraw every legacy bulletin nobody touched)."""
        was = recorded.get(key)
        if was is None or was == now:
            return was is not None
        content, _, linked = now.split("-")
        if was == f"{content}--{linked}":
            return True  # recorded before the file's part was taken: the next sync adds it
        paths = attachments.linked_paths(by_key[key], config)
        if approval.linked_before(was, now, paths, images):
            return True  # a linked text file's line endings counted when it was recorded
        if approval.file_before(was, now, _loaded(config.root, by_key[key])):
            return True  # the file not in NFC when it was recorded, and as it was then
        return read_before is not None and read_before(by_key[key], was, images)

    vouched = frozenset(k for k, v in prints.items() if still(k, v))
    why = {
        k: WHY[EDITED if k in recorded else STAMPED if k in listed else NEVER]
        for k in prints
        if k not in vouched
    }
    return Judged(vouched, why, prints)


def _loaded(root: Path, bulletin: Bulletin) -> bytes:
    """The bytes `bulletin` was loaded from, read again (asked of one recorded otherwise only,
    rare: kept for every bulletin approved by name alone, 10,000 in a corpus that old, they
    would be held in memory for nothing); b"" when the file is not those bytes any more (saved
    since: judged by the next build) or cannot be read. A file judged as a later step finds it
    may vouch for a text the build did not load."""
    try:
        raw = (root / bulletin.source).read_bytes()
    except OSError:
        return b""
    return raw if hashlib.sha256(raw).hexdigest() == bulletin.digest else b""


def published_as_is(config: Config, raw: bytes, keys: Collection[str]) -> bool:
    """Whether the file `raw` of a bulletin approved by name alone, keyed by one of `keys` (its
    id or slug), is recorded in published.json as published on that name with these very bytes
    (a record of its keys alone, from before fingerprints were, vouches as `judge` has it): an
    edit would withdraw it until `publish approve`. For the hint of a bulletin no longer loaded
    whole (its category renamed in site.toml), not for the gate, which is `judge`."""
    if not judged(config) or not keys:
        return False
    read = _read(config.root / "state")
    if not isinstance(read, tuple):
        return False
    listed, recorded = read
    if recorded is None:
        return not listed.isdisjoint(keys)
    from publish import approval

    parts = [recorded.get(key, "").split("-")[1:2] for key in keys]
    return any(part and approval.file_digest(raw, part[0]) == part[0] for part in parts)


def refuse_unvouched(site: Site, state_dir: Path) -> None:
    """Raise a PublishError (before anything is written or sent) when bulletins approved by name
    alone are loaded and published.json cannot be read or was deleted (see the module): the
    sync would withdraw them from every channel and write a new list without their records,
    so only `publish approve` could bring them back."""
    named = site.name_only_fingerprints or {}
    held = [
        e.bulletin.source
        for e in site.excluded
        if e.code == "unapproved" and e.bulletin.key in named
    ]
    problem = _unvouched(state_dir) if held else ""
    if not problem:
        return
    shown = ", ".join(held[:5]) + (f" và {len(held) - 5} bản tin khác" if len(held) > 5 else "")
    raise PublishError(
        f"state/published.json {problem}. Tệp này ghi những bản tin đã đăng với việc duyệt chỉ "
        f"bằng tên và nội dung đã đăng; thiếu nó, {len(held)} bản tin duyệt chỉ bằng tên bị giữ "
        f"lại ({shown}): lần đồng bộ này sẽ rút khỏi mọi kênh những bài trong số đó đang đăng, "
        "và ghi danh sách mới không còn dấu của chúng. Chưa gửi, chưa ghi gì. "
        f"Cách sửa: {RESTORE}, rồi chạy lại; hay người duyệt đọc lại từng bài rồi chạy "
        "publish approve."
    )


def _unvouched(state_dir: Path) -> str:
    """What is wrong with published.json when it exists but cannot be read, or was deleted from
    a state/ whose records tell it was written (see `_deleted`); "" otherwise."""
    read = _read(state_dir)
    if isinstance(read, str):
        return read
    return _DELETED if read is None and _deleted(state_dir) else ""


def fingerprint(bulletin: Bulletin, config: Config, images: approval.ImageDigests) -> str:
    """What the record binds a name-only approval to: what `publish approve` would write now."""
    from publish import approval, attachments

    return approval.fingerprint(bulletin, images, attachments.linked_paths(bulletin, config))


def to_record(site: Site, state_dir: Path) -> dict[str, str] | None:
    """The fingerprints published.json is to record after `site` was published (None: none,
    the policy judges no name): those of the bulletins it published on a name alone, and the
    recorded ones of bulletins still in content/ but held back now (a legacy approval drafted
    or edited for a while goes out again with the text published before)."""
    if site.name_only_fingerprints is None:
        return None
    published = {b.key for b in site.bulletins}
    found = {k: v for k, v in site.name_only_fingerprints.items() if k in published}
    held = {e.bulletin.key for e in site.excluded} - published
    read = _read(state_dir)
    recorded = read[1] if isinstance(read, tuple) else None
    for key, value in (recorded or {}).items():
        if key in held:
            found.setdefault(key, value)
    return dict(sorted(found.items()))


_DELETED = (
    "đã mất, dù bản ghi của kênh trong state/ (hay lịch sử git của kho) cho biết tệp này đã "
    "được ghi"
)


def _read(state_dir: Path) -> tuple[frozenset[str], Mapping[str, str] | None] | str | None:
    """published.json's keys and fingerprints (None: it records none); None when the file is
    missing; what is wrong with it, in Vietnamese, when it exists but cannot be read."""
    path = state_dir / PUBLISHED_NAME
    try:
        found = path.stat()
        return _parsed(path, (found.st_ino, found.st_size, found.st_mtime_ns))
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"không mở được ({exc.strerror or exc})"


@functools.lru_cache(maxsize=2)
def _parsed(
    path: Path, stamp: tuple[int, int, int]
) -> tuple[frozenset[str], Mapping[str, str] | None] | str:
    """`_read` of published.json at `path`, read and parsed once while its stat `stamp` stays
    as it was (as site_paths.recorded_history): a load asks again for each bulletin whose
    category site.toml renamed (fields._published_on_a_name), and a hit reads nothing. Read
    only: the result is shared. An OSError is raised, so not cached."""
    from publish.syntax import json_error

    document = path.read_bytes()
    try:
        read = json.loads(document.decode("utf-8"))
    except ValueError as exc:
        return f"không đọc được: {json_error(exc).described()}"
    found = read.get("bulletins") if isinstance(read, dict) else None
    if not isinstance(found, list):
        return "không đọc được: thiếu danh sách «bulletins» (tệp không phải do publish sync ghi)"
    prints = read.get(FIELD)
    if prints is not None and not isinstance(prints, dict):
        return f"không đọc được: mục «{FIELD}» không phải bảng dấu nội dung theo bản tin"
    recorded = (
        MappingProxyType({k: v for k, v in prints.items() if isinstance(v, str)})
        if prints is not None
        else None
    )
    return frozenset(key for key in found if isinstance(key, str)), recorded


def _deleted(state_dir: Path) -> bool:
    """Whether a channel record in `state_dir` was written by a version that writes
    published.json on every sync (sync.manifest.LISTED, also in web-urls.json, by the sync
    only), or git has known state/published.json beside such records: then its absence is a
    deletion."""
    from publish.sync.manifest import LISTED

    found = False
    for name in ("zalo.json", "radio.json", "web-urls.json"):
        with contextlib.suppress(OSError, ValueError):
            document = json.loads((state_dir / name).read_bytes())
            if isinstance(document, dict) and document.get(LISTED):
                return True
            found = True
    # Versions that wrote published.json before LISTED existed left records no different from
    # those of a state/ that never had the file, whose records stand in for it by design (an
    # upgrade withdraws nothing). Taken for such a state/, a deleted file vouched for every key
    # ever published with any text: an edited legacy bulletin and a new text under a withdrawn
    # id went out, and the next sync recorded them as published. Git's history tells the two
    # apart (a shallow CI clone whose commits never held the file cannot: its records stand in
    # until a sync writes LISTED). A state/ without any record is a fresh start: nothing stands.
    return found and _in_git(state_dir / PUBLISHED_NAME)


def _in_git(path: Path) -> bool:
    """Whether git knows `path` in the repository holding it: in the commit checked out, or in
    a commit of the history at hand (False without git, or outside a repository)."""
    git = shutil.which("git")
    if git is None:
        return False
    folder, name = path.parent, path.name
    for args in (["cat-file", "-e", f"HEAD:./{name}"], ["log", "-1", "--format=%H", "--", name]):
        try:
            done = subprocess.run(
                [git, "-C", str(folder), *args], capture_output=True, timeout=30, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return False
        if done.returncode == 0 and (args[0] == "cat-file" or done.stdout.strip()):
            return True
    return False
