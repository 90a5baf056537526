"""Every address each bulletin has been published at, so an old one can redirect to the new one.

A bulletin's address follows its date and slug (/2026/11/<slug>/): correcting either moves it,
and the old address may be printed on a poster as a QR code or shared on Zalo. `publish sync`
records each published bulletin's address by its `id` in state/web-urls.json (committed with the
rest of state/); the website build reads that file and writes a small redirect page at every
old address no page uses now. Bulletins without an `id` are keyed by slug, so a new slug is a new
bulletin to this history: give bulletins an `id` (`publish new` does).

The addresses are site paths under the website's base_url, and the file records every base_url
the website was published at too: a unit renamed or merged (2025) may move its website, and
printed QR codes, shared links and feed readers still know the old address. The load warns
(`moved_site`) while one of them is neither base_url nor listed in [site] old_base_urls, and a
sync records a new base_url only once none is (a sync without --strict must not end the
warning by forgetting the old address).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from publish.config import Config
from publish.errors import Problem, PublishError, os_reason, unreadable_fix
from publish.git_restore import restore_or_delete
from publish.syntax import json_error

__all__ = [
    "HISTORY_NAME",
    "REDIRECTABLE_RE",
    "base_urls_of",
    "builds_alike",
    "history_bytes",
    "history_file_bytes",
    "history_of",
    "history_path",
    "load_history",
    "moved_site",
    "recorded_base_urls",
    "with_addresses",
    "with_base_url",
]

REDIRECTABLE_RE = re.compile(
    r"/(?:[a-z0-9-]+/)+|/(?:[a-z0-9-]+/)*(?!(?:index|404)\.html$)[a-z0-9-]+\.html"
)
"""An old address a static redirect page can answer at: folders of lower-case letters, digits
and '-' ("/posts/ten-bai/"), or a page file in them ("/2019/05/ten-bai.html", as WordPress and
older sites wrote addresses); never the home page or the 404 page."""
HISTORY_NAME = "web-urls.json"
"""The file under state/."""
FORMAT_VERSION = 1


def history_path(root: Path) -> Path:
    """Where the project at `root` keeps its address history."""
    return root / "state" / HISTORY_NAME


def load_history(path: Path) -> dict[str, tuple[str, ...]]:
    """Bulletin key → the site paths it was published at, oldest first ({} when no file yet)."""
    data = history_file_bytes(path)
    return {} if data is None else history_of(data, path.name)


def history_file_bytes(path: Path) -> bytes | None:
    """The history file's bytes (None: no file yet); an unreadable one is a clear error."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        # Too many files open (QA, session 77: `ulimit -n 5`) is no damage: restoring the
        # file from git, or deleting it, would not have helped.
        fix = unreadable_fix(exc, f"state/{path.name}") or _mend(path.name)
        raise PublishError(
            f"không đọc được {path.name} trong state/ ({os_reason(exc)}). {fix}"
        ) from None


def _mend(name: str) -> str:
    """How to get past the history file `name` that cannot be read."""
    return restore_or_delete(f"state/{name}", "chỉ mất các trang chuyển hướng từ địa chỉ cũ")


def history_of(data: bytes, name: str = HISTORY_NAME) -> dict[str, tuple[str, ...]]:
    """The address history in the bytes of the file `name` (see load_history)."""
    try:
        document = json.loads(data)
    except ValueError as exc:
        raise PublishError(
            f"không đọc được {name} trong state/ ({json_error(exc).described()}). {_mend(name)}"
        ) from None
    urls = document.get("urls") if isinstance(document, dict) else None
    if not isinstance(urls, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(u, str) for u in v)
        for k, v in urls.items()
    ):
        raise PublishError(f"{name} trong state/ không đúng dạng. {_mend(name)}")
    return {key: tuple(found) for key, found in urls.items()}


def with_addresses(
    history: Mapping[str, tuple[str, ...]], published: Iterable[tuple[str, str]]
) -> dict[str, tuple[str, ...]] | None:
    """`history` with each (key, site path) now published added, or None when nothing is new."""
    updated = dict(history)
    for key, url in published:
        known = updated.get(key, ())
        if url not in known:
            updated[key] = (*known, url)
    return None if updated == dict(history) else updated


def builds_alike(
    before: tuple[Mapping[str, tuple[str, ...]], Sequence[str]],
    after: tuple[Mapping[str, tuple[str, ...]], Sequence[str]],
    own: Mapping[str, str],
    config: Config,
) -> bool:
    """Whether a build of a site whose bulletins on the website are at `own` (key → site path)
    writes and reports the same reading the history and base_urls `after` as `before`: so when
    `after` only adds to a bulletin's addresses the one it is at, and to base_urls one that
    moved_site does not warn about (what a sync records after such a build).

    Each reader of the file in a build passes over such an address: a redirect page is made only
    at an address no bulletin on the website is at (redirect_artifacts), an alias clash likewise
    (recorded_clashes); the follow page's /theo-doi/ is no bulletin's /YYYY/MM/slug/; a link
    check finds the address among the site's documents already (served_paths); base_urls decide
    moved_site's warning alone. A reader added to the build must keep this true or change it.
    """
    (old, old_bases), (new, new_bases) = before, after
    if not old.keys() <= new.keys():
        return False
    for key, found in new.items():
        kept = old.get(key, ())
        if found[: len(kept)] != kept or any(url != own.get(key) for url in found[len(kept) :]):
            return False
    return tuple(new_bases[: len(old_bases)]) == tuple(old_bases) and _unlisted(
        new_bases, config
    ) == _unlisted(old_bases, config)


def history_bytes(
    history: Mapping[str, tuple[str, ...]], base_urls: Sequence[str] = (), *, listed: bool = False
) -> bytes:
    """The file's bytes: every base_url the website was published at (oldest first, when
    given), then one sorted address list per key, stable for git diffs. `listed`: written by a
    sync, which writes state/published.json too (publish.name_only_record tells a published.json
    deleted from one never written by it)."""
    body: dict[str, object] = {"version": FORMAT_VERSION}
    if listed:
        body["published_list"] = "published.json"
    if base_urls:
        body["base_urls"] = list(base_urls)
    body["urls"] = {k: list(history[k]) for k in sorted(history)}
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def recorded_base_urls(path: Path) -> tuple[str, ...]:
    """Every base_url syncs published the website at, oldest first (none: no file, a file
    written before they were recorded, or one load_history reports as unreadable)."""
    try:
        return base_urls_of(path.read_bytes())
    except OSError:
        return ()


def base_urls_of(data: bytes) -> tuple[str, ...]:
    """The base_urls recorded in the bytes of the file (see recorded_base_urls)."""
    try:
        document = json.loads(data)
    except ValueError:
        return ()
    if not isinstance(document, dict):
        return ()
    found = document.get("base_urls")
    if found is None:
        found = [document.get("base_url")]  # the first files of this record kept the last one only
    if not isinstance(found, list):
        return ()
    return tuple(a for a in found if isinstance(a, str) and a)


def with_base_url(recorded: Sequence[str], config: Config) -> tuple[str, ...]:
    """`recorded` with base_url added once the site has not moved or its move is told in
    [site] old_base_urls; while `moved_site` warns, `recorded` unchanged, so that a sync
    without --strict does not end the warning by forgetting the old address."""
    slashed = {_slashed(a) for a in recorded}
    if _slashed(config.base_url) in slashed or _unlisted(recorded, config):
        return tuple(recorded)
    return (*recorded, config.base_url)


def moved_site(config: Config) -> list[Problem]:
    """A warning (an error under --strict, so CI publishes nothing) while an address the
    website was published at is neither base_url nor in [site] old_base_urls: the feeds would
    give every bulletin a new id, and the old address is in people's hands."""
    recorded = recorded_base_urls(history_path(config.root))
    missing = _unlisted(recorded, config)
    if not missing:
        return []
    quoted = ", ".join(f"«{a}»" for a in missing)
    if config.site.old_base_urls:
        todo = (
            f"thêm {quoted} vào old_base_urls của bảng [site], đúng thứ tự từ cũ đến mới "
            f"(state/{HISTORY_NAME} ghi các địa chỉ theo thứ tự đó)"
        )
    else:
        listed = ", ".join(f'"{a}"' for a in missing)
        todo = f"thêm vào bảng [site] dòng old_base_urls = [{listed}]"
    return [
        Problem(
            "site.toml",
            f"địa chỉ website đã đổi: website đã đăng ở {quoted} (ghi trong "
            f"state/{HISTORY_NAME}), nay base_url là «{config.base_url}» và old_base_urls không "
            "ghi địa chỉ cũ đó. Mã QR đã in, liên kết đã chia sẻ trên Zalo, Facebook vẫn trỏ tới "
            "địa chỉ cũ, và nguồn tin Atom sẽ đổi mã mọi bài (người theo dõi nhận lại bài cũ như "
            "bài mới)",
            "base_url",
            hint=f"Website chuyển chỗ thật: {todo} (nguồn tin giữ mã bài cũ), rồi nhờ người "
            "quản lý máy chủ chuyển hướng địa chỉ cũ sang địa chỉ mới (README, mục «Đơn vị đổi "
            "tên hoặc sáp nhập»). Sửa nhầm base_url thì ghi lại địa chỉ cũ. Lời báo còn cho tới "
            "khi làm một trong hai việc đó, kể cả sau khi đã đồng bộ.",
            severity="warning",
        )
    ]


def _unlisted(recorded: Sequence[str], config: Config) -> list[str]:
    """The addresses of `recorded` that are neither base_url nor in [site] old_base_urls."""
    known = {_slashed(config.base_url), *(_slashed(a) for a in config.site.old_base_urls)}
    return [a for a in recorded if _slashed(a) not in known]


def _slashed(address: str) -> str:
    """An address as compared with another: ending with one '/'."""
    return address.rstrip("/") + "/"
