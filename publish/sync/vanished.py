"""Bulletins that vanished from content/ wholesale: nothing withdraws them unasked.

A bulletin deleted from content/ is withdrawn from every channel by the next sync, which is how
an editor takes one down. The same reading turns a content/ that lost its bulletins by accident
(a link to a drive not mounted or to an empty folder, a mount point left empty, a checkout that
lost content/bai-viet or a year folder of it) into withdrawing them from the website, Zalo OA
and the radio folder at once. So `publish build`, `publish serve` (CI and some units deploy
output/web straight after them) and `publish sync` do nothing while content/ holds no bulletin
and state/ records published ones, or while half or more (at least MIN_SHARE_REFUSED) of the
bulletins the last sync published (state/published.json), or [policy] confirm_withdrawal_from
of them (a year folder lost from a large site is a minority of its bulletins), are gone from
content/ (a state/ written before published.json was: of those the channels' records show
published now: live on Zalo, with a page in the last output/web, or in a radio episode still to
air; not every address state/web-urls.json ever recorded, which keeps the withdrawn, unless no
output/web holds a page of them, as in a fresh CI checkout); the Zalo channel asks the same
of its own records of live articles. `--confirm-withdrawal` says it is meant.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from publish.config import Config
from publish.errors import PublishError
from publish.git_restore import BEFORE_DELETION
from publish.model import Bulletin, Site

if TYPE_CHECKING:
    from publish.id_holders import Records

__all__ = [
    "CONFIRM_FLAG",
    "MIN_RECORDED",
    "MIN_SHARE_REFUSED",
    "OFF_WEB",
    "PUBLISHED_NAME",
    "WEB_VERSIONS",
    "Published",
    "ever_published",
    "gone_published",
    "live_channels",
    "loaded_keys",
    "published_keys",
    "radio_records",
    "record_published",
    "refuse_many_gone",
    "refuse_vanished",
    "web_version",
    "zalo_records",
]

CONFIRM_FLAG = "--confirm-withdrawal"
MIN_SHARE_REFUSED = 5
"""Fewest Zalo articles of deleted bulletins, half or more of those live, that a sync refuses
to take down unconfirmed: a few deleted at once is an editor's everyday withdrawal."""
PUBLISHED_NAME = "published.json"
"""The file under state/ naming the bulletins the last sync found published."""
OFF_WEB = "off_web"
"""The key of published.json naming those of its bulletins that were not on the website (on
Zalo or the radio alone): state/web-urls.json keeps every address a bulletin ever had, so an
approver was told a bulletin taken off the website long ago was on it."""
FILES = "files"
"""The key of published.json giving the file of each of its bulletins: one whose file was
deleted is named by it (state/ knew only its key), and its undo is `git checkout main -- FILE`."""
WEB_VERSIONS = "web_versions"
"""The key of published.json giving, of each of its bulletins on the website approved by
`publish approve`, what its approval covers of the page (web_version): the report names one
approved again after an edit as its page replaced (a web-only one was named nowhere)."""
MIN_RECORDED = 2
"""Fewest published bulletins state/ records for a content/ without any to be refused: a
unit's only bulletin deleted is its editor's doing, not a folder lost."""
NAMED = 5
"""Keys named in the message; the rest are counted."""
# Whatever their share of those published, [policy] confirm_withdrawal_from bulletins or more
# gone at once are refused too: a unit withdraws a bulletin or a handful at once, and taking
# down a year's worth is a decision to confirm, not a folder gone missing to follow.


def refuse_vanished(
    state_dir: Path,
    content: Path,
    site: Site,
    *,
    confirmed: bool,
    output: str | None = None,
    published: Published | None = None,
) -> None:
    """Raise a PublishError (nothing sent, nothing written) when content/ holds no bulletin
    while state/ records MIN_RECORDED published ones or more, or when too many of those the last
    sync published are gone from it (see too_many). Only state/published.json is read while
    content/ holds bulletins, the channels' records only when it is missing: a sync with
    nothing to send stays as quick as it was. `output`:
    the folder a `publish build` was to write (None: a sync), named in the message.
    `published`: the command's reader of published.json, whose gone keys its report reuses."""
    if confirmed:
        return
    if loaded_keys(site):
        published = published or Published(state_dir)
        shown, source = published.shown(site)
        gone = published.gone(site)
        cap = site.config.policy.confirm_withdrawal_from
        if too_many(len(gone), len(shown), cap):
            raise PublishError(
                _many_vanished(content, gone, len(shown), cap, output, source, state_dir)
            )
        return
    recorded = published_keys(state_dir) | _shown_by(state_dir, site)[0]
    if len(recorded) >= MIN_RECORDED:
        if output is None:
            raise PublishError(_nothing_found(content, recorded, state_dir))
        raise PublishError(_nothing_built(content, recorded, output, state_dir))


def too_many(gone: int, shown: int, cap: int) -> bool:
    """Whether `gone` of `shown` bulletins (or articles) withdrawn at once asks for
    --confirm-withdrawal: half or more and at least MIN_SHARE_REFUSED, or `cap` or more."""
    return (gone >= MIN_SHARE_REFUSED and 2 * gone >= shown) or gone >= cap


def refuse_many_gone(
    records: Mapping[str, Any], content: Path, site: Site, *, confirmed: bool
) -> None:
    """Raise a PublishError (nothing sent to Zalo) when too many of the articles `records`
    (state/zalo.json, as the Zalo sync read it) show live belong to bulletins no longer in
    content/ (see too_many)."""
    if confirmed:
        return
    live = {k for k, v in records.items() if isinstance(v, dict) and v.get("status") == "live"}
    gone = sorted(live - loaded_keys(site))
    if too_many(len(gone), len(live), site.config.policy.confirm_withdrawal_from):
        raise PublishError(_many_gone(content, gone, len(live)))


def published_keys(state_dir: Path) -> set[str]:
    """The keys state/published.json names (none when it is missing or unreadable: a state/
    written before the file was, whose Zalo records still guard the OA)."""
    return _read_published(state_dir) or set()


def _read_published(state_dir: Path) -> set[str] | None:
    """The keys state/published.json names; None when it is missing or unreadable."""
    return Published(state_dir).keys


def _published_record(state_dir: Path) -> tuple[set[str], set[str] | None] | None:
    """The keys state/published.json names, and those of them the sync that wrote it kept off
    the website (None: written before it recorded them); None when it is missing or
    unreadable."""
    return Published(state_dir).record


class Published:
    """state/published.json as one command reads it, parsed once (~1.6 MB at 10,000
    bulletins): its keys, the file of each, and the keys a site no longer holds, which a build
    refuses too many of (refuse_vanished) and then reports (publish.withdrawing)."""

    def __init__(self, state_dir: Path) -> None:
        """A reader of `state_dir`/published.json; nothing is read yet."""
        self.state_dir = state_dir
        self._gone: tuple[Site, list[str]] | None = None
        self._shown: tuple[Site, tuple[set[str], str]] | None = None

    @cached_property
    def _document(self) -> dict[str, Any] | None:
        """The parsed file; None when it is missing, unreadable or not an object."""
        with contextlib.suppress(OSError, ValueError):
            document = json.loads((self.state_dir / PUBLISHED_NAME).read_bytes())
            return document if isinstance(document, dict) else None
        return None

    @cached_property
    def record(self) -> tuple[set[str], set[str] | None] | None:
        """The keys the file names, and those of them the sync that wrote it kept off the
        website (None: written before it recorded them); None when it is missing or
        unreadable."""
        document = self._document
        if document is None:
            return None
        found, off = document.get("bulletins"), document.get(OFF_WEB)
        if not isinstance(found, list):
            return None
        keys = {key for key in found if isinstance(key, str)}
        return keys, {k for k in off if isinstance(k, str)} if isinstance(off, list) else None

    @property
    def keys(self) -> set[str] | None:
        """The keys the file names; None when it is missing or unreadable."""
        record = self.record
        return None if record is None else record[0]

    @cached_property
    def web_versions(self) -> dict[str, str] | None:
        """The web_version of each bulletin the file names on the website approved by `publish
        approve`; None when missing, unreadable or written before it recorded them."""
        versions = (self._document or {}).get(WEB_VERSIONS)
        if not isinstance(versions, dict):
            return None
        return {k: v for k, v in versions.items() if isinstance(k, str) and isinstance(v, str)}

    @cached_property
    def files(self) -> dict[str, str]:
        """The file of each bulletin the file names, as the sync that wrote it read it ({} when
        missing, unreadable or written before it recorded files)."""
        files = (self._document or {}).get(FILES)
        if not isinstance(files, dict):
            return {}
        return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}

    def shown(self, site: Site) -> tuple[set[str], str]:
        """The keys of the bulletins the last sync published, and the state/ files that say
        so: published.json; a state/ written before it was, the channels' records of what they
        show now (_shown_by: not every key they ever recorded, or bulletins withdrawn long ago
        would count as gone on every command)."""
        if self._shown is None or self._shown[0] is not site:
            keys = self.keys
            found = (keys, f"state/{PUBLISHED_NAME}") if keys is not None else None
            self._shown = (site, found or _shown_by(self.state_dir, site))
        return self._shown[1]

    def gone(self, site: Site) -> list[str]:
        """The keys of shown(site) that `site` no longer holds (deleted, moved out of content/,
        renamed without `id`), sorted; computed once for a site."""
        if self._gone is None or self._gone[0] is not site:
            self._gone = (site, sorted(self.shown(site)[0] - loaded_keys(site)))
        return self._gone[1]


def _shown_by(state_dir: Path, site: Site) -> tuple[set[str], str]:
    """Keys of the bulletins the channels show published now, and the files that say so: live
    on Zalo (state/zalo.json), with a page in the last output/web (of the address
    state/web-urls.json gives it last), or in a radio episode still to air (state/radio.json).
    Not every key web-urls.json ever recorded: it keeps the addresses of bulletins withdrawn
    long ago, which would count as lost from content/ on every sync. Unless output/web holds
    no page of them (a fresh CI checkout, output/ deleted): then nothing tells which are
    published, and every key recorded is counted, so a mass loss is refused, not let through."""
    pages = _web_pages(state_dir)
    web = "state/web-urls.json"
    if pages is None:
        pages = _web_keys(state_dir)
        web += _EVERY_ADDRESS
    found = {
        "state/zalo.json": _zalo_live(state_dir),
        web: pages,
        "state/radio.json": _radio_coming(state_dir, site.now, site.config),
    }
    keys = set().union(*found.values())
    return keys, ", ".join(name for name, named in found.items() if named) or "state/"


def ever_published(state_dir: Path) -> set[str]:
    """The keys of every bulletin state/ records as published on some channel, now or before:
    published.json, the website's addresses (web-urls.json), Zalo articles ever posted and
    radio scripts sent (a state/ written before published.json was names them only there)."""
    return (
        published_keys(state_dir)
        | _web_keys(state_dir)
        | _zalo_posted(state_dir)
        | _radio_keys(state_dir)
    )


def _zalo_posted(state_dir: Path) -> set[str]:
    """Keys of state/zalo.json's records of articles posted on the OA, shown or since hidden
    or removed (none when the file is missing or unreadable)."""
    records = zalo_records(state_dir)
    return {k for k, v in records.items() if isinstance(v, dict) and v.get("article_id")}


def record_published(state_dir: Path, site: Site) -> None:
    """Name in state/published.json every bulletin `site` publishes on some channel (previews
    never), for the next command's refuse_vanished, those of them not on the website (OFF_WEB,
    for live_channels), the web_version of those on it (WEB_VERSIONS, for the report's pages
    replaced), and the fingerprints of those published on
    a name alone (publish.name_only_record); the file is rewritten only when that changed."""
    from publish.name_only_record import FIELD, to_record
    from publish.sync.manifest import atomic_write_bytes

    keys = sorted({b.key for b in site.bulletins})
    shown = {b.key: b for b in site.for_channel("web") if not site.is_preview(b)}
    files = {b.key: b.source for b in site.bulletins}
    versions = {key: web_version(b) for key, b in shown.items()}
    body: dict[str, Any] = {
        "version": 1,
        "bulletins": keys,
        OFF_WEB: [key for key in keys if key not in shown],
        FILES: {key: files[key] for key in keys},
        WEB_VERSIONS: {key: versions[key] for key in keys if versions.get(key)},
    }
    fingerprints = to_record(site, state_dir)
    if fingerprints is not None:
        body[FIELD] = fingerprints
    with contextlib.suppress(OSError, ValueError):
        if json.loads((state_dir / PUBLISHED_NAME).read_bytes()) == body:
            return
    data = (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    atomic_write_bytes(state_dir / PUBLISHED_NAME, data)


def web_version(bulletin: Bulletin) -> str:
    """What the bulletin's approval covers of its page: the values and linked-files parts of
    its `approved_version` (not the file part: a comment edited or an approval taken again of
    the same text replaces no page); the whole of one written before session 34; "" without."""
    parts = bulletin.approved_version.split("-")
    return f"{parts[0]}-{parts[2]}" if len(parts) == 3 else bulletin.approved_version


def gone_published(state_dir: Path, site: Site, published: Published | None = None) -> list[str]:
    """The keys of the bulletins the last sync published (see Published.shown) that content/
    no longer holds: deleted, moved out of content/, or renamed without `id`."""
    return (published or Published(state_dir)).gone(site)


def loaded_keys(site: Site) -> set[str]:
    """The key of every bulletin read from content/, published, held back or previewed."""
    held = (exclusion.bulletin for exclusion in site.excluded)
    return {b.key for b in (*site.bulletins, *held, *site.previews)}


def _zalo_live(state_dir: Path) -> set[str]:
    """Keys of state/zalo.json's records of articles shown on the OA (none when the file is
    missing or unreadable: the Zalo channel tells that itself, and sends nothing)."""
    return _live(zalo_records(state_dir))


def _live(records: Mapping[str, Any]) -> set[str]:
    """Keys of the zalo.json `records` of articles shown on the OA."""
    return {k for k, v in records.items() if isinstance(v, dict) and v.get("status") == "live"}


def zalo_records(state_dir: Path) -> Mapping[str, Any]:
    """state/zalo.json's records ({} when the file is missing or unreadable)."""
    from publish.sync.manifest import Manifest

    with contextlib.suppress(PublishError, OSError):
        return Manifest.load(state_dir / "zalo.json", "zalo", read_only=True).as_read()
    return {}


def _web_keys(state_dir: Path) -> set[str]:
    """Keys of every bulletin state/web-urls.json records as published on the website."""
    return set(_web_history(state_dir))


def _web_history(state_dir: Path) -> Mapping[str, tuple[str, ...]]:
    """state/web-urls.json's addresses of each bulletin, oldest first ({} when unreadable:
    check and build say what is wrong with the file), as every other reader has them."""
    from publish.site_paths import state_history

    with contextlib.suppress(PublishError, OSError):
        return state_history(state_dir)
    return {}


_EVERY_ADDRESS = (
    ", kể cả bản tin đã rút từ trước: không có output/web của lần dựng trước để biết trang nào "
    "còn đăng"
)
"""Said after state/web-urls.json when every bulletin it ever recorded is counted."""


def _web_pages(state_dir: Path) -> set[str] | None:
    """Keys of the bulletins whose page (at their last address) the last build left in the
    project's output/web, the folder CI deploys: a withdrawn bulletin's page is removed.
    None when web-urls.json records bulletins and output/web holds no page of any of them
    (missing, as in a fresh CI checkout, or emptied): it tells nothing then."""
    web = state_dir.parent / "output" / "web"
    history = _web_history(state_dir)
    pages = {
        key
        for key, paths in history.items()
        if paths and (web / paths[-1].strip("/") / "index.html").is_file()
    }
    return None if history and not pages else pages


def _radio_keys(state_dir: Path) -> set[str]:
    """Keys of the bulletins state/radio.json records scripts of in the station folder."""
    return set(_strings(v.get("bulletins") for v in radio_records(state_dir).values()))


def radio_records(state_dir: Path) -> Mapping[str, dict[str, Any]]:
    """state/radio.json's records of files in the station folder ({} when unreadable)."""
    if not (state_dir / "radio.json").is_file():
        return {}  # a unit not on the radio: the readers below cost every build ~75 ms to load
    from publish.sync.manifest import Manifest

    with contextlib.suppress(PublishError, OSError):
        records = Manifest.load(state_dir / "radio.json", "radio", read_only=True).as_read()
        return {k: v for k, v in records.items() if isinstance(v, dict)}
    return {}


def _radio_coming(state_dir: Path, now: dt.datetime, config: Config) -> set[str]:
    """Keys of the bulletins state/radio.json records in an episode still to air at `now`: an
    aired episode keeps its records of bulletins withdrawn since."""
    records = radio_records(state_dir)
    if not records:
        return set()
    from publish.radio_rates import RATES_NAME, load_kept_rates
    from publish.sync.radio import entry_episode, folder_air

    with contextlib.suppress(PublishError, OSError, ValueError):
        kept = load_kept_rates(state_dir / RATES_NAME)
        coming = []
        for path, entry in records.items():
            air = folder_air(entry_episode(path, entry), now, config, kept)
            if air is None or air >= now:
                coming.append(entry.get("bulletins"))
        return set(_strings(coming))
    return _radio_keys(state_dir)


def live_channels(
    state_dir: Path,
    now: dt.datetime,
    config: Config,
    keys: Iterable[str],
    records: Records | None = None,
) -> dict[str, tuple[str, ...]]:
    """The channels (web, zalo, radio, in that order) on which state/ records each of `keys`
    published now, for those it records on one at least: the website when the last sync
    published it there (published.json, less its off_web; one written before off_web was:
    published and given an address once, web-urls.json), or, for a state/ written before
    published.json was, when the last build left its page in output/web; Zalo
    when its article is live (zalo.json); the radio when an episode still to air holds its
    script (radio.json). What an approver re-approving an edit replaces, and what a sync
    withdraws from a bulletin now held back. `records`: the command's reader of state/, whose
    published.json and zalo.json it (or the load) may have parsed already."""
    wanted = set(keys)
    if not wanted:
        return {}
    record = (records.published if records is not None else Published(state_dir)).record
    if record is None:
        web = _web_pages(state_dir) or set()
    elif record[1] is not None:
        web = record[0] - record[1]  # as the last sync published them: exact
    else:
        # Written before off_web was: any address ever recorded stands in (one taken off the
        # website since, still published elsewhere, is named on it until the next sync).
        web = record[0] & wanted & _web_keys(state_dir)
    on = {
        "web": web & wanted,
        "zalo": _live(records.zalo if records is not None else zalo_records(state_dir)) & wanted,
    }
    if wanted & _radio_keys(state_dir):
        # Only then: an episode's air time needs the radio channel's code (~75 ms to import).
        on["radio"] = _radio_coming(state_dir, now, config) & wanted
    found: dict[str, tuple[str, ...]] = {}
    for key in sorted(wanted):
        channels = tuple(c for c in ("web", "zalo", "radio") if key in on.get(c, ()))
        if channels:
            found[key] = channels
    return found


def _strings(lists: Iterable[object]) -> Iterable[str]:
    """Every string in those of `lists` that are lists."""
    for items in lists:
        if isinstance(items, list):
            yield from (item for item in items if isinstance(item, str))


def _where(content: Path) -> str:
    """content/, and where it leads when it is a symbolic link."""
    if content.is_symlink():
        with contextlib.suppress(OSError):
            return f"content/ (liên kết tới «{os.readlink(content)}»)"
    return "content/"


SAMPLE_KEYS = frozenset(
    {
        "ct-2020-12-zalo-oa",
        "ct-2021-02-antt-tet-tan-suu",
        "ct-2021-06-cccd-luu-dong",
        "ct-2021-10-phan-anh-zalo",
        "ct-2022-05-gia-danh-cong-an",
        "ct-2022-08-ngay-hoi-tan-nhuan-dong",
        "ct-2022-12-tong-ket-nam",
        "ct-2023-04-camera-an-ninh-tan-binh",
        "ct-2023-08-bien-so-dinh-danh",
        "ct-2023-11-vneid-muc-2",
        "ct-2024-03-tin-dung-den-app",
        "ct-2024-09-danh-bac-phu-long",
        "ct-2025-06-viec-nhe-luong-cao",
        "ct-2025-10-dua-xe-an-phu-thuan",
        "ct-2026-07-so-ket-6-thang",
        "ct-2026-11-mua-sam-cuoi-nam",
        "ct-2026-12-ra-quan-tet-dinh-mui",
    }
)
"""The ids of the sample project's bulletins (content/bai-viet of the publish repository): a
state/ recording only these is the sample's, which a unit that deleted them may delete too.
Listed, not read: the tool installed from a wheel has no sample project to read them from."""


def _cause_and_fix(keys: Iterable[str], state_dir: Path) -> str:
    """Why content/ lost bulletins state/ records as published (`keys`), and how to fix it. Only
    when every one of them, and everything else state/ records, is a sample bulletin is deleting
    state/'s .json files advised: a unit would lose its own Zalo, radio and web records by it,
    whether its checkout lost them or it has records beside the sample's. Every key state/zalo.json
    has a record of counts, not only the posted: an article still being created (a pending
    create, a token to verify) would be posted a second time once its record is gone."""
    recorded = ever_published(state_dir) | set(zalo_records(state_dir))
    if _sample_only(keys) and _sample_only(recorded):
        return (
            "Các bản tin đó đều là bản tin mẫu: nếu đã xóa chúng để dùng cho đơn vị, state/ còn "
            "các tệp .json của dự án mẫu (cả published.json); xóa các tệp .json trong state/ "
            "(README, «Dùng cho đơn vị của bạn», bước 5) rồi chạy lại."
        )
    # CI syncs on main: a deletion committed there is main's own, so the copy to get back is
    # in the commit before it.
    return (
        "Thường là một thư mục bản tin (content/bai-viet, hay cả một năm) bị mất: content/ trỏ "
        "tới ổ đĩa chưa gắn hoặc một thư mục trống, liên kết hỏng, bản checkout hay bản chép "
        "thiếu tệp. Cách sửa: gắn lại ổ đĩa, sửa liên kết, hoặc lấy lại các tệp đã mất từ git "
        "trước (xem tệp nào "
        "mất bằng git status và git log --diff-filter=D --name-only -- content/; lấy lại bằng "
        "git checkout -- content khi việc xóa chưa được commit; đã commit, kể cả đã gộp vào "
        f"main, thì bằng {BEFORE_DELETION.format(file='TỆP')}), rồi chạy lại. Đừng xóa các tệp "
        "trong state/: đó là hồ sơ các bài đã đăng trên "
        "Zalo OA, đài phát thanh và website."
    )


def _sample_only(keys: Iterable[str]) -> bool:
    """Whether `keys` are some of the sample project's bulletins and nothing else."""
    keys = set(keys)
    return bool(keys) and keys <= SAMPLE_KEYS


_IN_CI = (
    f"trong CI, thêm {CONFIRM_FLAG} vào cả bước publish build và bước publish sync của tệp CI "
    "(ci/github-actions.yml hay ci/gitlab-ci.yml) cho một lần chạy, rồi bỏ đi."
)
"""Where the flag goes in CI, told by every refusal: an operator reruns a CI job by its file."""


def _to_confirm(what: str, threshold: str = "") -> str:
    """The closing sentence of every refusal: how to confirm withdrawing `what`, here and in CI."""
    return f"Nếu thật sự muốn rút {what}, chạy lại với {CONFIRM_FLAG}{threshold}; {_IN_CI}"


def _nothing_found(content: Path, recorded: set[str], state_dir: Path) -> str:
    """The refusal of a sync that found no bulletin at all."""
    return (
        f"{_where(content)} không có bản tin nào, trong khi state/ ghi {len(recorded)} bản tin "
        "đã đăng: đồng bộ lúc này sẽ rút mọi bản tin khỏi website, Zalo OA và thư mục đài phát "
        f"thanh. Chưa làm gì. {_cause_and_fix(recorded, state_dir)} {_to_confirm('mọi bản tin')}"
    )


def _nothing_built(content: Path, recorded: set[str], output: str, state_dir: Path) -> str:
    """The refusal of a `publish build` that found no bulletin at all."""
    deployed = Path(output) == Path("output")  # the folder CI's templates deploy
    return (
        f"{_where(content)} không có bản tin nào, trong khi state/ ghi {len(recorded)} bản tin "
        f"đã đăng: dựng lúc này sẽ xóa mọi bản tin khỏi {output}/"
        + (" (CI triển khai website từ output/web ngay sau publish build)" if deployed else "")
        + f". Chưa ghi gì, {output}/ giữ nguyên. {_cause_and_fix(recorded, state_dir)} "
        + _to_confirm("mọi bản tin")
    )


def _named(gone: list[str]) -> str:
    """The first NAMED of `gone`, and how many more."""
    named = ", ".join(gone[:NAMED])
    if len(gone) > NAMED:
        named += f" và {len(gone) - NAMED} bản tin khác"
    return named


def _threshold(cap: int) -> str:
    """When a withdrawal is to be confirmed, and where the unit changes it."""
    return (
        f"(phải xác nhận khi từ {cap} bản tin trở lên, hoặc từ một nửa số bản tin đã đăng và "
        f"ít nhất {MIN_SHARE_REFUSED}, biến khỏi content/ cùng lúc; đổi số {cap} ở "
        "confirm_withdrawal_from trong bảng [policy] của site.toml)"
    )


def _many_vanished(
    content: Path,
    gone: list[str],
    published: int,
    cap: int,
    output: str | None,
    source: str,
    state_dir: Path,
) -> str:
    """The refusal of a build, preview or sync that would withdraw too many bulletins at once
    (`source`: the state/ files that say they were published)."""
    what = (
        f"{len(gone)} trong {published} bản tin lần đồng bộ trước đã đăng ({source}) không còn "
        f"trong {_where(content)} ({_named(gone)})"
    )
    if output is None:
        done = (
            "đồng bộ lúc này sẽ rút chúng khỏi website, Zalo OA và thư mục đài phát thanh. "
            "Chưa làm gì."
        )
    else:
        deployed = Path(output) == Path("output")  # the folder CI's templates deploy
        done = (
            f"dựng lúc này sẽ xóa trang của chúng khỏi {output}/"
            + (" (CI triển khai website từ output/web ngay sau publish build)" if deployed else "")
            + f". Chưa ghi gì, {output}/ giữ nguyên."
        )
    return f"{what}: {done} {_cause_and_fix(gone, state_dir)} " + _to_confirm(
        "chừng ấy bản tin", " " + _threshold(cap)
    )


def _many_gone(content: Path, gone: list[str], live: int) -> str:
    """The refusal of a Zalo sync that would take down most, or many, of the OA's articles
    at once."""
    return (
        f"{len(gone)} trong {live} bài đang hiện trên Zalo OA thuộc bản tin không còn trong "
        f"{_where(content)} ({_named(gone)}): không ẩn hay gỡ bài nào, không gửi gì lên Zalo. "
        "Nếu các tệp bị mất do nhầm (ổ đĩa chưa gắn, liên kết hỏng, bản checkout thiếu tệp), "
        "lấy lại chúng rồi chạy lại (website và thư mục đài được đồng bộ theo content/ như hiện "
        f"có). {_to_confirm('các bản tin này khỏi Zalo')}"
    )
