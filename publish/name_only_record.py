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
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from publish.config import Config
from publish.gates import name_only
from publish.model import Bulletin, Site

if TYPE_CHECKING:
    from publish import approval

__all__ = ["FIELD", "Judged", "judge", "to_record"]

FIELD = "name_only"
"""The key of published.json holding the fingerprints, by bulletin key."""
PUBLISHED_NAME = "published.json"
"""The file under state/ (sync.vanished.PUBLISHED_NAME, not imported: sync imports this)."""

NEVER = "never"
STAMPED = "stamped"
EDITED = "edited"
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


def judge(bulletins: list[Bulletin], config: Config, digests: Mapping[str, str]) -> Judged:
    """What state/ says of each of `bulletins` approved by name alone (see the module)."""
    named = [b for b in bulletins if name_only(b)]
    if not judged(config) or not named:
        return Judged()
    # Loaded here, not at the top: a no-op sync writes published.json through to_record and
    # must not pay for the linked-file readers and Markdown (test_sync_zalo_memo).
    from publish import approval

    state = config.root / "state"
    images = approval.ImageDigests(config.root / "content", digests)
    prints = {b.key: fingerprint(b, config, images) for b in named}
    read = _read(state)
    if read is None:
        from publish.sync.vanished import ever_published  # the sync's records, read here only

        return Judged(frozenset(ever_published(state)), {}, prints)
    listed, recorded = read
    if recorded is None:
        return Judged(frozenset(listed), {}, prints)
    vouched = frozenset(k for k, v in prints.items() if recorded.get(k) == v)
    why = {
        k: WHY[EDITED if k in recorded else STAMPED if k in listed else NEVER]
        for k in prints
        if k not in vouched
    }
    return Judged(vouched, why, prints)


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
    recorded = read[1] if read is not None else None
    for key, value in (recorded or {}).items():
        if key in held:
            found.setdefault(key, value)
    return dict(sorted(found.items()))


def _read(state_dir: Path) -> tuple[set[str], dict[str, str] | None] | None:
    """published.json's keys and fingerprints (None: it records none); None when the file is
    missing or unreadable."""
    with contextlib.suppress(OSError, ValueError):
        document = json.loads((state_dir / PUBLISHED_NAME).read_bytes())
        found = document.get("bulletins") if isinstance(document, dict) else None
        if isinstance(found, list):
            prints = document.get(FIELD)
            recorded = (
                {k: v for k, v in prints.items() if isinstance(v, str)}
                if isinstance(prints, dict)
                else None
            )
            return {key for key in found if isinstance(key, str)}, recorded
    return None
