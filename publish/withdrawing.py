"""What the next sync takes down: bulletins published now that this checkout holds back.

A bulletin set back to `draft: true`, edited after its approval or kept from a channel by
`draft: [zalo]` is left out of the build like any draft, and `publish check` said only «bản
nháp». If it is published now (state/ records it on the website, on Zalo, in an episode still
to air), merging the change withdraws it from those channels at the next sync: told here,
with the file and the channels, before anyone merges (session 68, the approver's week).

A bulletin whose file was deleted (or moved out of content/) is withdrawn the same way, and
an approver reviewing the pull request that deletes it is told so too, with what the sync does
on each channel and how to get the file back (session 69). A file renamed is no deletion: with
`id` its key stays; without, the new file is known again as the Zalo sync knows it (its body or
title in state/zalo.json, its title in state/radio.json, or the same file with another `slug`)
and told as renamed, with the line of `id` that keeps it one bulletin on every channel. A new
bulletin that declares its own `id` is never taken for one renamed (publish.rename_pairs): the
same file with another `id` is told as the id changed, which withdraws the old key; and the line
of a bulletin told as deleted while new bulletins without `id` came names them, since one renamed
and rewritten (new file, new title and words) is known again by nothing (session 70). It names
too the new bulletin with its own `id` known by the same tests (a lookalike: renamed by running
`publish new`, which writes an `id`, and pasting the text), with the `id` that keeps them one:
getting the old file back would publish the same text twice.

The bulletins that may be withdrawn are kept with a build's report (Outcome.withdrawable) and
state/ is read when the report is printed: a build replayed after a sync took them down must
not say they still will be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from publish.config import Config
from publish.gates import shell_word
from publish.git_restore import BEFORE_DELETION, FROM_MAIN, after_deletion
from publish.model import EDITED_CAUSES, Bulletin, Exclusion, Site
from publish.rename_pairs import Index, Pairs, lookalike_advice, pair_renames
from publish.unreadable import error_of, unreadable_line

if TYPE_CHECKING:
    from publish.id_holders import Records
    from publish.sync.vanished import Published

__all__ = [
    "CHANNEL_NAMES",
    "DELETED",
    "ID_CHANGED",
    "ID_TAKEN",
    "RENAMED",
    "UNREADABLE",
    "Built",
    "Withdrawable",
    "channel_names",
    "deleted_notices",
    "withdrawable",
    "withdrawal_lines",
    "withdrawal_notes",
]

CHANNEL_NAMES = {"web": "website", "zalo": "Zalo", "radio": "đài"}
"""Each channel as people of the unit call it."""

Answered = tuple[tuple[str, str, str, bool], ...]
"""The addresses of a bulletin gone from content/ that another bulletin on the website answers
at: (address, that bulletin's address, its file, whether it is in its `aliases`), the address
being its own, or one the build writes a redirect page at to it (its `aliases`, or an old
address of its own state/web-urls.json records)."""


class Withdrawable(NamedTuple):
    """A bulletin a sync would take down if published now."""

    key: str
    source: str
    """Its file (for one gone, the file state/ recorded, "" when none; the new one for one
    renamed or given another `id`)."""
    why: str
    """Why it is held: the gate's code, or its cause for one edited after its approval
    (EDITED_CAUSES: «changed», «bad_version») or held for its pii_reviewed_by («review_note»);
    "" for one published but kept from some channels; DELETED for one whose file is gone,
    RENAMED for one renamed without `id` and ID_CHANGED for one whose file now declares
    another `id`."""
    kept_from: tuple[str, ...]
    """The channels it is kept from (all for one held back)."""
    answered: Answered = ()
    """For one gone, its addresses another bulletin answers at."""
    candidates: tuple[str, ...] = ()
    """For one deleted, the files of the new bulletins without `id` it may have been renamed
    to (see _candidates)."""
    new_id: str = ""
    """For one whose file now declares another `id`, that id."""
    lookalike: str = ""
    """For one deleted, the file of a new bulletin with its own `id` and the same words or
    title ("" when none): the same bulletin if the editor says so (see _lookalike_hint)."""
    also: str = ""
    """For one held for its pii_reviewed_by, the approval check holding it too (Exclusion.also:
    fixing the reviewer's name alone does not put it back up); else ""."""
    holder: str = ""
    """For ID_TAKEN, the file that now has its key and is held."""
    held_why: str = ""
    """For ID_TAKEN, why `holder` is held (its own Withdrawable's `why`; its `also` is kept
    in `also`)."""
    said: str = ""
    """For one held as changed whose file is as approved, what changed (its address, an
    image: publish.approval_why), said instead of «đã sửa sau khi duyệt»; for UNREADABLE, the
    error its file cannot be read for («dòng 5, trường 'category': …»)."""
    restore: str = ""
    """For one held as changed whose file is as approved, how to get back what was approved
    (Exclusion.restore), "" when not known."""
    kept: str = ""
    """For UNREADABLE, what fixing the error leads to (publish.unreadable: kept up as
    approved, held for an edit, never published for a secret stamp; "" when not known)."""
    field: str = ""
    """For UNREADABLE, the field its error is in ("" when none): where outside the file a
    file still as approved is fixed."""
    draft_line: str = "draft: true"
    """For a draft, the `draft` line that holds it as the file has it (Bulletin.draft_line):
    `draft: [web, zalo]` over every channel it goes to is told so, not as `draft: true`."""


DELETED = "deleted"
RENAMED = "renamed"
ID_CHANGED = "id-changed"
UNREADABLE = "unreadable"
"""Withdrawable.why of a published bulletin whose file is still in content/ but cannot be read
(an error in it, or a category renamed in site.toml): not deleted, and the error stops every
sync until it is fixed."""
ID_TAKEN = "id-taken"
"""Withdrawable.why of a published bulletin whose file declares another `id` while another
file, held back, took its key: the fix of a duplicate id applied to the wrong file."""
SHOWN_CANDIDATES = 3
"""New files a deleted bulletin's line names as what it may have been renamed to; the rest are
counted."""

KEPT_AS_ONE = {
    "web": "địa chỉ cũ chuyển sang địa chỉ mới",
    "zalo": "giữ bài trên Zalo",
    "radio": "đài biết bài đã phát",
}
"""What writing a deleted bulletin's key as its lookalike's `id` keeps, by channel it leaves."""

HELD_WORDS = {
    "draft": "bản nháp, {line}",
    "unapproved": "chưa được duyệt",
    "changed": "đã sửa sau khi duyệt",
    "bad_version": "dấu duyệt approved_version không hợp lệ, có thể đã bị sửa tay",
    "review_note": "pii_reviewed_by chưa ghi tên người đã rà soát dữ liệu cá nhân",
    "scheduled": "hẹn giờ đăng sau",
    "secret": "mức phân loại không cho đăng",
}
"""Why a bulletin is held, in the note's brackets; the «Bỏ qua» line above says it whole.
`{line}`: a draft's `draft` line (Withdrawable.draft_line)."""

KEEP_IT = {
    "draft": " Chưa muốn rút thì bỏ dòng {line} {before} (không phải duyệt lại).",
    "unapproved": " Chưa muốn rút thì người duyệt đọc lại bản mới rồi chạy publish approve "
    "trước khi gộp.",
    "changed": " Chưa muốn rút thì người duyệt đọc lại bản mới rồi chạy publish approve trước "
    "khi gộp (hay trả tệp về bản đã duyệt{restore}).",
    "bad_version": " Chưa muốn rút thì người duyệt đọc lại bài rồi chạy publish approve trước "
    "khi gộp (hay trả tệp về bản đã duyệt{restore}).",
    "review_note": " Chưa muốn rút thì ghi họ tên người đã rà soát dữ liệu cá nhân vào "
    "pii_reviewed_by trước khi gộp.",
    "scheduled": " Tới giờ hẹn, bài được đăng lại.",
}
"""What keeps a bulletin up, by why it is held: a draft needs no new approval. `{restore}`:
RESTORE with the bulletin's file; `{before}`: the step the fix must come before (_taken_down);
`{line}`: the draft's `draft` line (Withdrawable.draft_line)."""
RESTORE = f" trên {FROM_MAIN}"
"""How an edited bulletin gets its approved copy back, `{file}` as typed in a shell (an editor
copies the command as printed). Not `git checkout -- FILE`: the edit is usually committed
already (check runs on the pull request), and that brings back the edited copy HEAD holds."""
FETCH = f"từ {FROM_MAIN}"
"""How a deleted bulletin's file comes back, `{file}` as typed in a shell. Not `git checkout
-- FILE`, for the same reason as RESTORE: the deletion is usually committed on the pull
request's branch already, and HEAD there holds no such file."""
REVIEWED_AND_APPROVED = (
    " Chưa muốn rút thì ghi họ tên người đã rà soát dữ liệu cá nhân vào pii_reviewed_by, rồi "
    "người duyệt đọc lại bản mới và chạy publish approve, trước khi gộp."
)
"""What keeps up one held for its pii_reviewed_by and by an approval check too."""

EVERY = ("web", "zalo", "radio")


def channel_names(channels: Iterable[str]) -> str:
    """«website, Zalo, đài» for ("web", "zalo", "radio")."""
    return ", ".join(CHANNEL_NAMES.get(c, c) for c in channels)


def withdrawable(site: Site, records: Records | None = None) -> tuple[Withdrawable, ...]:
    """The bulletins of `site` a sync takes down from some channel if they are published now:
    each held back (expiry aside: its end was meant, and said) and each kept from a channel.
    `records`: the command's reader of state/ (the one its load used, with the reader of
    published.json refuse_vanished used, whose gone keys are reused), one of its own when
    None."""
    from publish.id_holders import Records

    # One reader of state/ for _taken and _gone: published.json and zalo.json parsed once.
    records = Records(site.config.root) if records is None else records
    held = [
        Withdrawable(
            e.bulletin.key,
            e.bulletin.source,
            _held_why(e),
            EVERY,
            also=e.also,
            said=e.said,
            restore=e.restore,
            draft_line=e.bulletin.draft_line,
        )
        for e in site.excluded
        if e.code != "expired"
    ]
    kept = [
        Withdrawable(b.key, b.source, "", tuple(c for c in EVERY if c in b.held_from))
        for b in site.bulletins
        if b.held_from
    ]
    return tuple(_taken(held, site, records) + kept + _gone(site, records))


def _taken(held: list[Withdrawable], site: Site, records: Records) -> list[Withdrawable]:
    """`held`, each whose key state/ records published from another file, which now declares
    another `id`, told as ID_TAKEN of that file: a copy of a published bulletin whose original
    had its id changed is not the bulletin published, and the line must not say it is. Told
    as check's «bài đang đăng đổi id» tells it (id_holders.wrong_fix): a published bulletin
    moved to the held file, its old file given to a new one, keeps its own line."""
    from publish.id_holders import gave_up

    if not held:
        return held
    loaded = (*site.bulletins, *(e.bulletin for e in site.excluded))
    by_file = {b.source: b for b in loaded}
    by_address = {b.url: b for b in loaded}
    found = []
    for withdrawn in held:
        holder = by_file.get(withdrawn.source)
        gave = gave_up(holder, by_file, by_address, records) if holder else None
        if gave is None:
            found.append(withdrawn)
            continue
        original = gave[0]
        found.append(
            Withdrawable(
                withdrawn.key,
                original.source,
                ID_TAKEN,
                EVERY,
                new_id=original.key,
                also=withdrawn.also,
                holder=withdrawn.source,
                held_why=withdrawn.why,
                draft_line=withdrawn.draft_line,
            )
        )
    return found


def _held_why(excluded: Exclusion) -> str:
    """Withdrawable.why of a bulletin held back: an «unapproved» one was approved and edited
    since (EDITED_CAUSES, as the build counts it: a mark edited by hand too), or waits for its
    reviewer's name, not «chưa được duyệt», whose advice to approve it would not put it back."""
    if excluded.cause in EDITED_CAUSES or excluded.cause == "review_note":
        return excluded.cause
    return excluded.code


def _gone(site: Site, records: Records) -> list[Withdrawable]:
    """The bulletins the last sync published whose file `site` no longer has: each renamed
    without `id` (see _renamed) with its new file, each whose file now declares another `id`
    with that file, each other one deleted with the file state/ recorded for it ("" when it
    recorded none), the new files it may have been renamed to and its lookalike's."""
    state = site.config.root / "state"
    published = records.published
    gone = published.gone(site)
    if not gone:
        return []
    zalo = records.zalo
    new = _unknown(site, published, zalo)
    pairs = _renamed(gone, state, published, zalo, new)
    renamed = pairs.renamed
    answered = _answered(gone, site)
    with_id = {b.source: b.key for b in new.values() if b.has_id}
    loaded = {b.source for b in (*site.bulletins, *(e.bulletin for e in site.excluded))}
    candidates = _candidates(new, renamed)
    found: list[Withdrawable] = []
    for key in gone:
        if key in renamed:
            found.append(
                Withdrawable(key, renamed[key].source, RENAMED, EVERY, answered.get(key, ()))
            )
            continue
        source = records.file_of(key)
        if source and source not in loaded and (site.config.root / source).is_file():
            error, kept, field = error_of(site, source, key)
            found.append(
                Withdrawable(key, source, UNREADABLE, EVERY, said=error, kept=kept, field=field)
            )
            continue
        if source in with_id:
            answers = answered.get(key, ())
            found.append(Withdrawable(key, source, ID_CHANGED, EVERY, answers, (), with_id[source]))
        else:
            lookalike = pairs.lookalikes[key].source if key in pairs.lookalikes else ""
            answers = answered.get(key, ())
            found.append(
                Withdrawable(key, source, DELETED, EVERY, answers, candidates, lookalike=lookalike)
            )
    return found


def _unknown(site: Site, published: Published, zalo: Mapping[str, Any]) -> dict[str, Bulletin]:
    """The bulletins `site` loads (held back or not) that state/ knows nothing of, by key."""
    known = (published.keys or set()) | set(zalo)
    loaded = (*site.bulletins, *(e.bulletin for e in site.excluded), *site.previews)
    return {b.key: b for b in loaded if b.key not in known}


def _candidates(new: Mapping[str, Bulletin], renamed: Mapping[str, Bulletin]) -> tuple[str, ...]:
    """The files of the bulletins of `new` without `id` not told as another's rename: what a
    bulletin told as deleted may have been renamed to when its title and words changed too (a
    website-only one has no record of them to be known again by)."""
    paired = {b.key for b in renamed.values()}
    return tuple(sorted(b.source for b in new.values() if not b.has_id and b.key not in paired))


def _answered(gone: list[str], site: Site) -> dict[str, Answered]:
    """By key of `gone`, the addresses state/web-urls.json records for it that a bulletin the
    website publishes answers at: the replacement of an urgent bulletin takes its address in
    `aliases`, and that address then redirects there, not to «Không tìm thấy»."""
    from publish.errors import PublishError
    from publish.render.web.redirects import redirect_targets
    from publish.site_paths import recorded_history

    try:
        history = recorded_history(site)
    except PublishError:
        return {}  # check and build say what is wrong with the file
    wanted = {key: history.get(key, ()) for key in gone}
    if not any(wanted.values()):
        return {}
    live = {b.key: b for b in site.for_channel("web") if not site.is_preview(b)}
    # A page there comes before any redirect; the redirects are the build's own.
    answering = {b.url: b for b in live.values()} | redirect_targets(history, live, site.pages)
    found: dict[str, Answered] = {}
    for key, addresses in wanted.items():
        taken = tuple(
            (old, answering[old].url, answering[old].source, old in answering[old].aliases)
            for old in dict.fromkeys(addresses)
            if old in answering
        )
        if taken:
            found[key] = taken
    return found


def _renamed(
    gone: list[str],
    state: Path,
    published: Published,
    zalo: Mapping[str, Any],
    new: Mapping[str, Bulletin],
) -> Pairs[Bulletin]:
    """Old key → the bulletin it is now, for those of `gone` renamed without `id`, paired as
    the Zalo sync pairs them (publish.rename_pairs: same body, then same title) after the test
    only state/ can make here: a bulletin state/ does not know whose file is the one recorded
    (its `slug` edited); the radio's records keep a title too, tried last. `new`: the
    bulletins state/ knows nothing of (_unknown). With, for the others, the new bulletin with
    its own `id` that the same tests pair it with (Pairs.lookalikes)."""
    from publish.sync.vanished import radio_records
    from publish.sync.zalo_plan import body_digest, same_title

    if not new:
        return Pairs({}, {})
    files = published.files
    titles = {
        (v.get("bulletins") or [""])[0]: v.get("title")
        for k, v in radio_records(state).items()
        if k.startswith("items/") and isinstance(v.get("bulletins"), list)
    }

    def entry(key: str) -> Mapping[str, Any]:
        """The Zalo record of `key` ({} when none)."""
        found = zalo.get(key)
        return found if isinstance(found, dict) else {}

    normalised: dict[str, str] = {}

    def title_of(bulletin: Bulletin) -> str:
        """same_title of `bulletin`'s title, computed once for both title tests."""
        if bulletin.key not in normalised:
            normalised[bulletin.key] = same_title(bulletin.title)
        return normalised[bulletin.key]

    def recorded_title(title: object) -> str:
        """same_title of a title a record keeps ("" when it keeps none)."""
        return same_title(title) if isinstance(title, str) else ""

    indexes: tuple[Index[Bulletin], ...] = (
        (lambda old: files.get(old), lambda b: b.source),
        (lambda old: entry(old).get("body_digest"), body_digest),
        (lambda old: recorded_title(entry(old).get("title")), title_of),
        (lambda old: recorded_title(titles.get(old)), title_of),
    )
    return pair_renames(gone, new, indexes, own_id=lambda b: b.has_id)


class Built(NamedTuple):
    """The web folder a command just wrote, which no longer holds the pages of the bulletins
    it left out: the website loses them when that folder (or the next one built so) goes up."""

    folder: str
    """The folder, as the editor names it («output/web»)."""
    serving: bool = False
    """Whether `publish serve` wrote it: CI never deploys that one, the website loses the page
    when a build without it is deployed; `publish build`'s is deployed by CI right after it."""


def withdrawal_lines(
    bulletins: tuple[Withdrawable, ...],
    config: Config,
    now: dt.datetime,
    records: Records | None = None,
    built: Built | None = None,
) -> list[str]:
    """One line for each of `bulletins` that state/ records published now on a channel it will
    leave, naming the file and those channels; none when state/ records none of them
    (`records`: the build's reader of state/, None to read the files anew; `built`: the web
    folder the command just wrote, None for a command that wrote none)."""
    return [line for _, line in withdrawal_notes(bulletins, config, now, records, built)]


def withdrawal_notes(
    bulletins: tuple[Withdrawable, ...],
    config: Config,
    now: dt.datetime,
    records: Records | None = None,
    built: Built | None = None,
) -> list[tuple[str, str]]:
    """withdrawal_lines, each with the file it is about ("" when state/ names none): a CI
    report shows them by file."""
    if not bulletins:
        return []
    from publish.sync.vanished import live_channels  # read only when a bulletin is held

    live = live_channels(config.root / "state", now, config, (b.key for b in bulletins), records)
    leavings = [(w, [c for c in live.get(w.key, ()) if c in w.kept_from]) for w in bulletins]
    web = any("web" in leaving for _, leaving in leavings)
    history = _web_history(config) if web else {}
    lines: list[tuple[str, str]] = []
    for withdrawn, leaving in leavings:
        key, source, why = withdrawn.key, withdrawn.source, withdrawn.why
        if not leaving:
            continue
        names = channel_names(leaving)
        which = "các kênh ấy" if len(leaving) > 1 else "kênh ấy"
        web_paths = history.get(key, ()) if "web" in leaving else ()
        gone = _Gone(key, source, leaving, withdrawn.answered, web_paths)
        if why == UNREADABLE:
            named = _named(key, source)
            told = unreadable_line(
                named, source, names, which, withdrawn.said, withdrawn.kept, withdrawn.field
            )
            lines.append((source, told))
        elif why == DELETED:
            lines.append((source, _deleted_line(gone, config, withdrawn, built)))
        elif why == RENAMED:
            lines.append((source, _renamed_line(gone, config, built)))
        elif why == ID_CHANGED:
            lines.append((source, _id_changed_line(gone, config, withdrawn.new_id, built)))
        elif why == ID_TAKEN:
            lines.append((source, _id_taken_line(withdrawn, names, leaving, built)))
        elif why:
            done, before = _taken_down(leaving, built)
            words = _held_words(why, withdrawn.also, withdrawn.draft_line)
            restore = RESTORE.format(file=shell_word(source))
            keep = KEEP_IT.get(why, "").format(
                restore=restore, before=before, line=withdrawn.draft_line
            )
            if withdrawn.said:
                words = withdrawn.said
                back = f" (hay {withdrawn.restore})" if withdrawn.restore else ""
                keep = f" Chưa muốn rút thì người duyệt xem lại rồi chạy publish approve trước khi gộp{back}."
            if withdrawn.also:
                keep = REVIEWED_AND_APPROVED
            lines.append(
                (
                    source,
                    f"Sẽ rút bài đang đăng: {source} đang đăng trên {names} nhưng nay bị giữ lại "
                    f"({words}): {done}.{keep}",
                )
            )
        else:
            done, _ = _taken_down(leaving, built)
            lines.append(
                (
                    source,
                    f"Sẽ rút khỏi {names}: {source} đang đăng trên {names}, mà draft: "
                    f"[{', '.join(withdrawn.kept_from)}] giữ bài khỏi đó: {done} (các kênh khác "
                    "vẫn đăng).",
                )
            )
    return lines


def _taken_down(leaving: list[str], built: Built | None, key: str = "") -> tuple[str, str]:
    """What happens to a bulletin held back on each of the channels it leaves, and which step a
    fix keeping it up must come before (`built`: the web folder the command just wrote, which
    has its page no more; `key`: named as «bài «KEY»» when the line is about another file)."""
    bulletin = f"bài «{key}»" if key else "bài"
    if built is None or "web" not in leaving:
        which = "các kênh ấy" if len(leaving) > 1 else "kênh ấy"
        return f"lần đồng bộ tới sẽ rút {bulletin} khỏi {which}", "trước lần đồng bộ đó"
    # Saying «the next sync takes it off the website» of a page this build already left out
    # of the folder CI deploys sent the editor looking for a sync to stop.
    said = f"trang của {bulletin} {_web_left(built)}"
    rest = [c for c in leaving if c != "web"]
    if not rest:
        return said, _before(False)
    return (
        f"{said}; lần đồng bộ tới sẽ rút {bulletin} khỏi {channel_names(rest)}",
        _before(True),
    )


def _web_left(built: Built, *, lists: bool = True) -> str:
    """What happened to the page of a bulletin `built` left out and when the website loses it,
    after «trang của bài (ĐỊA_CHỈ) »; with the `lists` it left too (not on the page itself,
    `_deleted_notice`)."""
    left = ", cả trong danh sách, tìm kiếm, nguồn tin, sitemap," if lists else ""
    return f"đã không còn trong {built.folder}/{left} và sẽ rời website thật {_deployed(built)}"


def _deployed(built: Built) -> str:
    """When the website loses the pages `built` has no more."""
    if built.serving:
        return (
            "khi một bản dựng không có bài được triển khai (trong CI: ngay sau khi thay đổi được "
            "gộp vào nhánh chính)"
        )
    return "khi thư mục ấy được triển khai (trong CI: ngay sau lệnh này)"


def _before(synced: bool) -> str:
    """The step a fix keeping up a bulletin a build left out of its web folder must come
    before (`synced`: it leaves another channel too, at the next sync)."""
    return "trước lần triển khai và đồng bộ đó" if synced else "trước lần triển khai đó"


def _held_words(why: str, also: str, line: str = "draft: true") -> str:
    """Why a bulletin is held, in words (`why`: its Withdrawable's; `also`: the approval check
    holding it too, "" when none; `line`: a draft's `draft` line)."""
    words = HELD_WORDS.get(why, why).replace("{line}", line)
    return f"{words}; {HELD_WORDS.get(also, HELD_WORDS['unapproved'])}" if also else words


def _named(key: str, source: str) -> str:
    """A deleted bulletin as the editor knows it: its file, and its key when that is not in the
    file's name (an `id`); its key alone when state/ recorded no file."""
    if not source:
        return f"bản tin «{key}» (state/ không ghi tên tệp)"
    return source if key in source.rsplit("/", 1)[-1] else f"{source} (id: {key})"


class _Gone(NamedTuple):
    """A published bulletin gone from content/ that a line tells of."""

    key: str
    source: str
    """Its file, as state/ recorded it (the new one for one renamed or given another id)."""
    leaving: list[str]
    """The channels the next sync takes it down from."""
    answered: Answered
    """Its addresses another bulletin answers at."""
    paths: tuple[str, ...]
    """Its site paths state/web-urls.json records, oldest first (() when off the website)."""


def _web_history(config: Config) -> Mapping[str, tuple[str, ...]]:
    """state/web-urls.json's site paths of each bulletin ({} when it cannot be read): the
    reading _answered made when the file is unchanged."""
    from publish.errors import PublishError
    from publish.site_paths import project_history

    try:
        return project_history(config.root)
    except PublishError:
        return {}  # check and build say what is wrong with the file


def _done(gone: _Gone, config: Config) -> str:
    """What the next sync does to a bulletin gone from content/ on each of the channels it
    leaves, as the tool does it."""
    done = []
    if "web" in gone.leaving:
        done.append(
            f"gỡ trang của bài khỏi website{_page_address(gone, config)}, cả khỏi danh sách, "
            f"tìm kiếm, nguồn tin, sitemap: {_addresses_after(gone.paths, gone.answered, config)}"
        )
    if "zalo" in gone.leaving:
        done.append(
            'gỡ hẳn bài khỏi Zalo OA ([zalo] on_withdraw = "remove")'
            if config.zalo.on_withdraw == "remove"
            else "ẩn bài trên Zalo OA (bài vẫn nằm trên OA, chỉ người đọc không thấy)"
        )
    if "radio" in gone.leaving:
        done.append(
            "chuyển kịch bản của tập chưa phát vào _rut-lai/ của thư mục đài, kèm ghi chú "
            "«không phát»"
        )
    return "; ".join(done)


def _page_address(gone: _Gone, config: Config) -> str:
    """« (ĐỊA_CHỈ)», the address of the page of a bulletin gone from content/ ("" when
    state/web-urls.json records none)."""
    paths = gone.paths
    return f" ({config.base_url.rstrip('/')}{paths[-1]})" if paths else ""


def _built_done(gone: _Gone, config: Config, built: Built) -> tuple[str, str]:
    """What happened and happens to a bulletin gone from content/ that a command just took off
    its web folder `built`, and which step the file must come back before."""
    # The page is already gone from the folder CI deploys straight after the build: saying
    # «the next sync takes it off the website» sent the editor looking for a sync to stop.
    said = (
        f"trang của bài{_page_address(gone, config)} {_web_left(built)}: "
        f"{_addresses_after(gone.paths, gone.answered, config)}"
    )
    rest = _done(gone._replace(leaving=[c for c in gone.leaving if c != "web"]), config)
    if not rest:
        return said, _before(False)
    return f"{said}; lần đồng bộ tới sẽ {rest}", _before(True)


def _addresses_after(paths: tuple[str, ...], answered: Answered, config: Config) -> str:
    """Where the addresses `paths` of a bulletin gone from the website lead after the sync
    (the last its own, the others old ones): to a bulletin that takes one in `aliases`, was
    once there itself, or lives there; else to «Không tìm thấy»."""
    lost = "trả về trang «Không tìm thấy», không chuyển hướng đi đâu"
    if not answered:
        return f"địa chỉ ấy và các địa chỉ cũ của bài {lost}"
    site = config.base_url.rstrip("/")
    told = []
    for old, new, source, aliased in answered:
        named = "địa chỉ ấy" if paths and old == paths[-1] else f"địa chỉ cũ {site}{old}"
        why = "nhờ aliases của bài ấy" if aliased else "bài ấy từng đăng ở địa chỉ đó"
        told.append(
            f"{named} chuyển sang bài {source} ({site}{new}, {why})"
            if old != new
            else f"{named} nay là trang của bài {source}"
        )
    rest = [p for p in dict.fromkeys(paths) if p not in {a[0] for a in answered}]
    if rest:
        # Named when it is the bulletin's own address, the one people shared most.
        named = (
            "địa chỉ ấy và các địa chỉ cũ khác của bài"
            if paths[-1] in rest and len(rest) > 1
            else "địa chỉ ấy"
            if paths[-1] in rest
            else "các địa chỉ cũ khác của bài"
        )
        told.append(f"{named} {lost}")
    return "; ".join(told)


def _deleted_line(
    gone: _Gone, config: Config, deleted: Withdrawable, built: Built | None = None
) -> str:
    """The line of a published bulletin whose file is gone from content/ (`deleted`: its
    Withdrawable, with the new files it may be; `built`: the web folder a build just wrote,
    see withdrawal_lines)."""
    key, source = gone.key, gone.source
    named = _named(key, source)
    typed = shell_word(source)
    # Once the deletion is merged, main holds no such file either: the commit before it does.
    back = (
        f", {FETCH.format(file=typed)} (việc xóa đã gộp vào main thì {after_deletion(typed)})"
        if source
        else ": tìm tệp bằng git log --diff-filter=D --name-only -- content/ rồi "
        + BEFORE_DELETION.format(file="TỆP")
    )
    hint = _rename_hint(key, deleted.candidates)
    renamed = f" {hint[:1].upper()}{hint[1:]}." if hint else ""
    if built is not None and "web" in gone.leaving:
        done, before = _built_done(gone, config, built)
    else:
        done, before = f"lần đồng bộ tới sẽ {_done(gone, config)}", "trước lần đồng bộ đó"
    keep = f"Muốn giữ bài thì lấy lại tệp {before}{back}."
    if deleted.lookalike:
        keep = (
            f"{_lookalike_hint(key, deleted.lookalike, gone.leaving)}; nếu là hai bài khác nhau "
            f"mà muốn giữ bài cũ thì lấy lại tệp {before}{back}."
        )
    return (
        f"Sẽ rút bài đang đăng: tệp {named} đã bị xóa (không còn trong content/) mà bài đang "
        f"đăng trên {channel_names(gone.leaving)}: {done}. {keep}{renamed}"
    )


def _lookalike_hint(key: str, lookalike: str, leaving: Iterable[str]) -> str:
    """How to keep a deleted bulletin as one with `lookalike`, the file of a new bulletin with
    its own `id` and the same words or title: restoring the old file instead would publish
    the same text twice."""
    kept = ", ".join(KEPT_AS_ONE[c] for c in leaving if c in KEPT_AS_ONE)
    return f"{lookalike} có {lookalike_advice(key, kept)}, đừng lấy lại tệp cũ"


def _rename_hint(key: str, candidates: tuple[str, ...]) -> str:
    """How to keep a deleted bulletin that was in fact renamed to one of `candidates` (new
    files without `id`), in lower case; "" when there is none."""
    if not candidates:
        return ""
    if len(candidates) == 1:
        which = candidates[0]
    else:
        more = len(candidates) - SHOWN_CANDIDATES
        listed = ", ".join(candidates[:SHOWN_CANDIDATES])
        which = f"một trong các bài mới ({listed}{f' và {more} bài khác' if more > 0 else ''})"
    return (
        f"nếu đây là bài đổi tên thành {which} thì ghi «id: {key}» vào tệp ấy (website chuyển "
        "địa chỉ cũ sang địa chỉ mới)"
    )


def _id_changed_line(gone: _Gone, config: Config, new_id: str, built: Built | None) -> str:
    """The line of a published bulletin whose file now declares `new_id`, not its key (which
    it declared, or had from its file's name; `built`: see withdrawal_lines)."""
    key = gone.key
    if built is not None and "web" in gone.leaving:
        done = f"bài «{key}» bị rút như bài đã xóa: {_built_done(gone, config, built)[0]}"
    else:
        done = f"lần đồng bộ tới sẽ rút bài «{key}» như bài đã xóa: {_done(gone, config)}"
    return (
        f"Đổi id bài đang đăng: {gone.source} là bài «{key}» đang đăng trên "
        f"{channel_names(gone.leaving)}, nay ghi «id: {new_id}» nên mọi kênh coi tệp là một bài "
        f"mới, và {done}. Muốn giữ làm một bài thì sửa dòng id thành «id: {key}» trước khi gộp."
    )


def _id_taken_line(taken: Withdrawable, names: str, leaving: list[str], built: Built | None) -> str:
    """The line of a published bulletin whose file now declares another `id` while
    `taken.holder`, held back, took its key (`names`: the channels it leaves, `leaving`;
    `built`: see withdrawal_lines)."""
    key, source, holder = taken.key, taken.source, taken.holder
    words = _held_words(taken.held_why, taken.also, taken.draft_line)
    done, _ = _taken_down(leaving, built, key)
    return (
        f"Sẽ rút bài đang đăng: {source} là bài «{key}» đang đăng trên {names}, nay ghi "
        f"«id: {taken.new_id}», còn id «{key}» nay ở {holder}, tệp bị giữ lại ({words}): "
        f"{done}, và mọi kênh coi {source} là một bài mới. Chưa muốn rút thì trả dòng id của "
        f"{source} về «id: {key}» và đổi id của {holder} trước khi gộp."
    )


def _renamed_line(gone: _Gone, config: Config, built: Built | None) -> str:
    """The line of a published bulletin without `id` whose file (or `slug`) was renamed
    (`built`: see withdrawal_lines)."""
    key, source = gone.key, gone.source
    site = config.base_url.rstrip("/")
    old = f"trang ở địa chỉ cũ {site}{gone.paths[-1]}" if gone.paths else ""
    after = _addresses_after(gone.paths, gone.answered, config)
    web = (
        f"{old} bị gỡ: {after}"
        if old
        else "trang ở địa chỉ cũ trả về «Không tìm thấy», không chuyển hướng"
    )
    built_web = built if "web" in gone.leaving else None  # the page has left its folder
    if built_web is not None:
        web = f"{old or 'trang ở địa chỉ cũ'} {_web_left(built_web)}: {after}"
    parts = {
        "web": web,
        "zalo": "Zalo cập nhật bài cũ nếu bài mới được đăng lên Zalo, không thì ẩn bài",
        "radio": "đài coi bài mới là một bản tin khác",
    }
    if built_web is not None:
        rest = "; ".join(parts[c] for c in gone.leaving if c in parts and c != "web")
        synced = f"; ở lần đồng bộ tới, {rest}" if rest else ""
        done = f"bài «{key}» bị rút như bài đã xóa ({web}{synced})"
    else:
        what = "; ".join(parts[c] for c in gone.leaving if c in parts)
        done = f"lần đồng bộ tới sẽ rút bài «{key}» như bài đã xóa ({what})"
    return (
        f"Đổi tên bài đang đăng: {source} là bài «{key}» đang đăng trên "
        f"{channel_names(gone.leaving)} (cùng tệp, nội dung hoặc tiêu đề), không phải bài bị xóa; "
        f"nhưng bài không có id nên các kênh nhận ra nó theo địa chỉ bài: {done}. Muốn mọi kênh "
        f"nhận ra bài: ghi dòng «id: {key}» vào phần đầu {source} trước khi gộp (website chuyển "
        "địa chỉ cũ sang địa chỉ mới, đài biết bài đã phát)."
    )


def deleted_notices(
    deleted: Iterable[tuple[str, str]],
    config: Config,
    now: dt.datetime,
    withdrawable: Iterable[Withdrawable] = (),
    built: Built | None = None,
) -> dict[str, str]:
    """What `publish serve` tells on the page of each bulletin whose file was deleted (`deleted`:
    key and file), by key: the channels the next sync takes it down from (state/, read once
    for all of them), how to get the file back and, for one the build's `withdrawable` tells
    as deleted, the new files it may have been renamed to and its lookalike (`built`: the web
    folder the preview just wrote, None when it is not output/web)."""
    from publish.sync.vanished import live_channels

    deleted = list(deleted)
    if not deleted:
        return {}
    live = live_channels(config.root / "state", now, config, (key for key, _ in deleted))
    told = {w.key: w for w in withdrawable if w.why == DELETED}
    return {
        key: _deleted_notice(key, source, live.get(key, ()), told.get(key), built)
        for key, source in deleted
    }


def _deleted_notice(
    key: str,
    source: str,
    leaving: tuple[str, ...],
    told: Withdrawable | None = None,
    built: Built | None = None,
) -> str:
    """The notice of one deleted bulletin (`source`) the next sync takes down from `leaving`
    (`told`: the build's Withdrawable of it, with the new files it may be; `built`: see
    deleted_notices)."""
    typed = shell_word(source)
    if not leaving:
        # Never published, so maybe never on main: the copy HEAD holds is the one to ask for.
        return (
            f"Tệp {source} đã bị xóa: bài này chưa đăng ở kênh nào (state/ không ghi), nên "
            f"không có gì để rút; muốn giữ thì lấy lại tệp: git checkout -- {typed} (việc xóa "
            f"đã commit thì {after_deletion(typed)})"
        )
    fetch = FETCH.format(file=typed)
    back = f"muốn giữ thì lấy lại tệp {fetch}"
    if told and told.lookalike:
        back = (
            f"{_lookalike_hint(key, told.lookalike, leaving)}; nếu là hai bài khác nhau mà "
            f"muốn giữ bài cũ thì lấy lại tệp {fetch}"
        )
    hint = f"; {_rename_hint(key, told.candidates)}" if told and told.candidates else ""
    gone = f"bài này sẽ bị rút khỏi {channel_names(leaving)} ở lần đồng bộ tới"
    if built is not None and "web" in leaving:
        # The preview is output/web itself: the page has left it already.
        rest = [c for c in leaving if c != "web"]
        synced = f", và sẽ bị rút khỏi {channel_names(rest)} ở lần đồng bộ tới" if rest else ""
        gone = f"trang của bài {_web_left(built, lists=False)}{synced}"
    return f"Tệp {source} đã bị xóa: {gone}; {back}{hint}"
