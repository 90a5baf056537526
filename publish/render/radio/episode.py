"""Weekly episodes: which bulletins air when, in what order, with the unit's tunes, intro and outro."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from publish.cache import Fragments, Shelf, digest
from publish.config import Config
from publish.correction_text import corrected_key
from publish.errors import RADIO_FLAG, Problem
from publish.frontmatter import parse_file
from publish.links import HELD, held_address, page_hrefs, resolve
from publish.model import Bulletin, Site
from publish.parallel import run_jobs
from publish.radio.codes import dated_symbols
from publish.radio.flags import BLOCKING, Flag, lexicon_file, rule_note
from publish.radio_rates import (
    RATES_NAME,
    KeptRates,
    aired_bulletins,
    load_kept_rates,
    rates_path,
    reader_name,
)
from publish.render.radio import on_air_corrections
from publish.render.radio.calibration import LIMITS, ReadRates, reading
from publish.render.radio.contact import contact_problems
from publish.render.radio.items import (
    SLUG_MAX,
    HeldLinks,
    RadioBlock,
    Segment,
    Speaker,
    abbreviation_problems,
    blocking,
    forget_spoken,
    make_slug,
    next_air,
    pack,
    read_block,
    restored,
    retimed,
    stored,
)
from publish.render.radio.rundown import Row, Timing, mss, time_rundown
from publish.render.radio_station import air_after, set_for
from publish.sanitize import strip_markup
from publish.text import WEEKDAYS, vn_date, vn_datetime
from publish.titled_names import spellings

__all__ = [
    "TIMING_SEVERITY",
    "Assembly",
    "Episode",
    "assemble",
    "correction_air",
    "correction_expired",
    "episode_folder",
    "episode_version",
    "flag_severity",
    "forget_assembly",
    "kept_off",
    "left_out",
    "read_items",
    "shown_title",
    "slot_of",
    "week_of",
]


@dataclass(frozen=True, slots=True)
class Episode:
    """One weekly broadcast: its ISO week, air time, slot and timed running order."""

    week: str
    """The episode's folder name: its ISO week ("2020-W50"), and for a broadcast off the weekly
    slot day also its date ("2020-W50-2020-12-09"; see `episode_folder`)."""
    air: dt.datetime
    slot: int
    rate: int
    segments: tuple[Segment, ...]
    timing: Timing
    scheduled: tuple[dt.datetime, ...] = ()
    """When each scheduled bulletin set for this episode is published (and joins it), earliest
    first: only the times, as nothing of an embargoed bulletin may leave before them."""

    @property
    def warnings(self) -> list[str]:
        """E5 over/under warnings; none for a light episode that scheduled bulletins will still
        join (the rundown sent once they are published tells whether it is short)."""
        if self.scheduled and self.timing.over_under <= 0:
            return []
        return self.timing.warnings(_row_names(self.segments, self.timing.rows))

    @property
    def bulletins(self) -> tuple[Bulletin, ...]:
        """The bulletins read in this episode, in order."""
        return tuple(s.bulletin for s in self.segments if s.bulletin is not None)


@dataclass(frozen=True, slots=True)
class Assembly:
    """Everything the radio channel will publish, what it holds back, and the problems found."""

    episodes: tuple[Episode, ...]
    held: dict[str, tuple[Bulletin, tuple[Flag, ...]]]
    """Bulletin key → the bulletin and the blocking flags that keep it off the air."""
    problems: tuple[Problem, ...]
    versions: Mapping[str, str] = field(default_factory=dict)
    """Bulletin source → digest of everything its item is made from (see `Speaker.version`)."""
    dropped: Mapping[str, str] = field(default_factory=dict)
    """Bulletin key → why a bulletin published on the radio is in no episode for another reason
    than a flag (it expires before its air time…), as the station's withdrawal note says it."""
    withheld: Mapping[str, str] = field(default_factory=dict)
    """Scheduled bulletin key → why it will join no episode once published (a blocking flag,
    expiring before its air time…), as the station's note says it: a rundown announced it."""
    unbuilt: Mapping[str, str] = field(default_factory=dict)
    """Scheduled bulletin key → the extra broadcast's folder it joins once published, which is
    not built before one of its bulletins is (see `_announcing`)."""


HELD_FOR_READING = "tạm rút, chờ đơn vị sửa cách viết cho đọc được trên sóng"
"""Why a bulletin (or a correction) held back by a blocking read-aloud flag is off the radio, in
the station's note: the flag's message, its excerpt and rule code are the editor's (`check()`
tells them), and the excerpt may be the very text held back (an ID number, a name)."""


def shown_title(segment: Segment) -> str:
    """The bulletin's title as scripts show it ("" for the frame): plain text, as a tag pasted
    into a title (shown escaped on the website) must not reach the studio's script."""
    bulletin = segment.bulletin
    return " ".join(strip_markup(bulletin.title).split()) if bulletin is not None else ""


def _row_names(segments: Sequence[Segment], rows: Sequence[Row]) -> list[str]:
    """How a warning names each row: a bulletin by its title, which radio staff know it by
    (its slug added only when another bulletin of the episode has the same title), the frame
    by its type; each with its number in the rundown."""
    titles = [shown_title(s).casefold() for s in segments]
    twice = {t for t, n in Counter(titles).items() if t and n > 1}
    names = []
    for segment, row, title in zip(segments, rows, titles, strict=True):
        if not title:
            names.append(f"{segment.label.lower()} {row.number}")
        elif title in twice:
            names.append(f"«{shown_title(segment)}» ({row.number}, {segment.slug})")
        else:
            names.append(f"«{shown_title(segment)}» ({row.number})")
    return names


def week_of(moment: dt.datetime) -> str:
    """The ISO week of a moment, as used for episode folders: "2020-W50"."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def episode_folder(air: dt.datetime, config: Config) -> str:
    """The folder of the episode airing at `air`: its ISO week, with the date after it when that
    is not the weekly slot day (an extra broadcast is an episode of its own, never merged into
    the week's, whose bulletins would otherwise be read days early or late)."""
    local = air.astimezone(config.tz)
    week = week_of(local)
    return week if local.isoweekday() == config.radio.air_weekday else f"{week}-{local.date()}"


SHORT_NOTICE = dt.timedelta(days=3)
"""How long before it airs a short or empty coming episode is told by check and build (Q9).
Told from the week's start, a small unit, with a bulletin or two a week, read the same note on
every check while the week's bulletins were still to be written; three days (from Wednesday
17:00 for a Saturday 17:00 broadcast) leave time to write and approve one more, or to tell the
station. rundown.txt says it all along; a long episode is told at once (it only grows)."""

TIMING_SEVERITY = "note"
"""How a Q9 timing finding is ranked, in `publish check` and in rundown.txt alike: editorial
advice (no bulletin is wrong), which --strict must not stop on."""


def flag_severity(flag: Flag) -> str:
    """How `publish check` ranks a read-aloud flag, which rundown.txt repeats: one that holds a
    bulletin off the air is a warning; any other is a note (the bulletin airs, the editor only
    checks the reading)."""
    return "warning" if flag.severity == BLOCKING else "note"


ITEM_SHELF = "radio-item"
"""Finished read items between builds, under each bulletin's source and `Speaker.version`: an
unchanged bulletin is neither normalised nor counted again, nor after a site.toml edit that its
item does not read (a narrow shelf: items.ITEM_READS)."""

_last: list[tuple[Site, Assembly]] = []
"""The latest site assembled and its result: check(), render() and sync ask for the same site."""


def assemble(site: Site) -> Assembly:
    """Read every radio bulletin aloud, hold back the flagged ones, and group the rest by week."""
    if _last and _last[0][0] is site:
        return _last[0][1]
    assembly = _assemble(site)
    _last[:] = [(site, assembly)]
    return assembly


def forget_assembly() -> None:
    """Drop the memory of the last site's assembly (radio's render, when done: at 10,000
    bulletins the later channels' phases carried its ~45 MB; a later caller assembles again,
    its items from the shelf)."""
    _last.clear()
    forget_spoken()


def _made_item(
    speaker: Speaker, bulletin: Bulletin, block: RadioBlock, reader: str, held: HeldLinks
) -> tuple[object, ...]:
    """A bulletin's finished read item, as the shelf keeps it (a job: may run in a worker)."""
    return stored(speaker.item(bulletin, block, reader=reader, held=held))


def _held_links(site: Site, bulletin: Bulletin) -> HeldLinks:
    """The links of a bulletin's body to files the website has no page of now, with the
    address each will have: their words are read as the page shows them (Speaker.item); and
    such a page's address typed as text, ending in what reads as a document's symbol."""
    addresses = site.config.addresses
    # A page's address typed from the browser («/2020/12/ten-bai/»), spaces around it dropped
    # as the radio's readers of links drop them.
    hrefs = [href for href, _ in bulletin.links] + page_hrefs(bulletin.body, addresses)
    # A held page's address typed in capitals after «Số:» («/2020/12/TB-CONG-AN-XA») would read
    # as a document number left blank: told held here, the radio drops it as the address it is.
    symbols = dated_symbols(bulletin.body)
    hrefs += symbols
    if not hrefs:
        return ()
    unlinked, documents = site.unlinked(), site.documents
    found: dict[str, str] = {}
    for href in hrefs:
        # A symbol is compared as `publish check` tells a held address typed with marks
        # («/2020/12/QĐ-UBND» spells the held slug qd-ubnd): folded, as a slug is made.
        for form in spellings(href) if href in symbols else (href,):
            if resolve(form, bulletin.source, documents, addresses, unlinked) == HELD:
                found[href] = held_address(form, bulletin.source, documents, addresses, unlinked)
                break
    return tuple(sorted(found.items()))


def _assemble(site: Site) -> Assembly:
    """`assemble` without the memory of the last site."""
    config = site.config
    problems = _no_broadcast_typos(config, site.now)
    broken = abbreviation_problems(config)
    if broken:
        return Assembly((), {}, (*problems, *broken))
    speaker = Speaker(config)
    fragments = Fragments(config.root)
    shelf = Shelf(fragments, ITEM_SHELF, narrow=True)
    reader = config.radio.reader
    held: dict[str, tuple[Bulletin, tuple[Flag, ...]]] = {}
    weeks: dict[str, list[Segment]] = defaultdict(list)
    # Per episode folder, the scheduled bulletins that will join it, read aloud like any other:
    # only their publish times ever leave (`Episode.scheduled`).
    later: dict[str, list[Segment]] = defaultdict(list)
    versions: dict[str, str] = {}
    dropped: dict[str, str] = {}
    withheld: dict[str, str] = {}
    # Corrections made after their bulletin aired, to read in an episode to come, and the
    # reader of each such bulletin (who reads its correction).
    corrections: list[on_air_corrections.OnAir] = []
    readers: dict[str, str] = {}
    scheduled_ones = _scheduled(site)
    coming_keys = {b.key for b in scheduled_ones}
    radio = (*site.for_channel("radio"), *scheduled_ones)
    blocks = [(bulletin, *read_block(bulletin, config)) for bulletin in radio]
    held_links = {b.source: _held_links(site, b) for b, _, bad in blocks if not bad}
    for bulletin, block, block_problems in blocks:
        if not block_problems:
            versions[bulletin.source] = speaker.version(
                bulletin, block, reader=reader, held=held_links[bulletin.source]
            )
    kept = {b.source: shelf.get(b.source, versions[b.source]) for b, _, bad in blocks if not bad}
    # Reading a body aloud is the radio channel's main cost: the items not kept from an earlier
    # build are made on every core (10,000 of them took ~40 s on one).
    misses = [
        (b, block) for b, block, bad in blocks if not bad and not isinstance(kept[b.source], tuple)
    ]
    jobs = [
        partial(_made_item, speaker, b, block, reader, held_links[b.source]) for b, block in misses
    ]
    for (bulletin, _), fresh in zip(misses, run_jobs(jobs, chunk=8), strict=True):
        kept[bulletin.source] = fresh
    synced = load_kept_rates(rates_path(config.root))
    sent = aired_bulletins(synced, site.now)
    aired_items = read_items(synced, sent)
    for bulletin, block, block_problems in blocks:
        problems += block_problems
        if block_problems:
            continue
        version = versions[bulletin.source]
        made = kept[bulletin.source]
        assert isinstance(made, tuple)  # kept from the shelf, or made just above
        shelf.keep(bulletin.source, version, made)
        air, folder, aired = slot_of(bulletin, block, config, synced, sent)
        scheduled = bulletin.key in coming_keys
        item = _located(restored(made, bulletin, air), config)
        if aired is not None:
            # Told on air even when the corrected text itself is now held back: its listeners
            # heard the wrong version, whatever becomes of the aired episode's copy.
            was = aired.sent.get(bulletin.key)
            corrections += on_air_corrections.due(
                bulletin, aired.air, was, config, aired_items.get(bulletin.key)
            )
            readers[bulletin.key] = item.reader
        # One test for a published bulletin and a scheduled one alike: a scheduled bulletin
        # that will not air is never promised to the station (and its editor is told why).
        off = kept_off(bulletin, air, item, config, aired=aired is not None)
        if isinstance(off, tuple):
            problem, why = off
            problems.append(problem)
            (withheld if scheduled else dropped)[bulletin.key] = why
            continue
        if stoppers := off:
            if scheduled:
                withheld[bulletin.key] = HELD_FOR_READING
            else:
                held[bulletin.key] = (bulletin, tuple(stoppers))
            problems += [_held_problem(bulletin, flag, config) for flag in stoppers]
            continue
        if block.air_date and folder != week_of(air) and air >= site.now:
            problems.append(_off_slot(bulletin, air, folder, config))
        if aired is None and air < site.now and not scheduled:
            problems += _untold(bulletin, air, site.now, config)
        (later if scheduled else weeks)[folder].append(item)
    problems += on_air_corrections.unread_while_held(site, synced, sent)
    for owed in corrections:
        read = on_air_corrections.item(
            speaker, owed, config, readers[corrected_key(owed.bulletin.key)]
        )
        key = owed.bulletin.key
        if key in sent:
            # Aired: kept in the episode it was read in, as an aired bulletin is.
            air, folder = synced[sent[key]].air, sent[key]
        else:
            air = correction_air(owed, site.now, config)
            folder = episode_folder(air, config)
            if expires := correction_expired(owed, air):
                problems.append(_correction_expired(owed, expires, air))
                dropped[key] = _expiry_text(expires, air)
                continue
        read = dataclasses.replace(read, air=air)
        stoppers = blocking(read.flags)
        if stoppers:
            held[key] = (owed.bulletin, tuple(stoppers))
            problems += [_held_correction(owed, flag) for flag in stoppers]
            continue
        weeks[folder].append(read)
    with fragments.batched():
        shelf.save()
    frame = _frame(speaker, config, problems)
    on_air = [item for items in weeks.values() for item in items]
    rates = ReadRates(config.radio.rate_spm, on_air)
    problems += [p for p in map(_unlikely_reading, on_air) if p is not None]
    made_episode = partial(_episode, frame=frame, config=config, rates=rates, now=site.now)
    # A week whose bulletins are all still scheduled has an episode too: its rundown tells the
    # station that they are coming. An extra broadcast has none until one of its bulletins is
    # published: it exists only for them, and its folder (named by its date) would tell the
    # station of a broadcast nothing public is in yet.
    awaited = _announcing(later, config)
    episodes = sorted(
        (
            made_episode(
                folder,
                weeks.get(folder, []),
                kept=synced.get(folder),
                later=later.get(folder, []),
            )
            for folder in {*weeks, *awaited}
        ),
        key=lambda e: (e.air, e.week),
    )
    coming = next_air(site.now, config)
    in_use = any(not bad for _bulletin, _block, bad in blocks)
    due = coming - site.now <= SHORT_NOTICE
    if in_use and due and all(e.week != episode_folder(coming, config) for e in episodes):
        problems.append(_empty_slot(coming, config))
    for episode in episodes:
        joining = later.get(episode.week, [])
        # The editor is told of the episode as it will air, scheduled bulletins in it; its items
        # named as the rundown sent names them, whether a sync recorded those slugs yet or not
        # (radio_rates.builds_alike lets the build after that sync replay this report).
        record = synced.get(episode.week)
        sent_as = {s.bulletin.key: s.slug for s in episode.segments if s.bulletin is not None}
        whole = (
            made_episode(
                episode.week,
                [*weeks.get(episode.week, []), *joining],
                kept=None,
                known={**(record.slugs if record is not None else {}), **sent_as},
            )
            if joining
            else episode
        )
        if _timing_actionable(whole, site.now, coming):
            problems += [
                _timing_problem(episode, text, len(joining), whole.bulletins)
                for text in whole.warnings
            ]
    problems += _slugs_kept(episodes, synced, blocks, site.now)
    problems += [
        _flag_note(segment.bulletin, flag)
        for episode in episodes
        if episode.air >= site.now  # an aired script is the station's: nothing left to do
        for segment in [*episode.segments, *later.get(episode.week, [])]
        if segment.bulletin is not None
        for flag in segment.flags
    ]
    unbuilt = {
        s.bulletin.key: folder
        for folder, items in later.items()
        if folder not in weeks and folder not in awaited
        for s in items
        if s.bulletin is not None
    }
    return Assembly(tuple(episodes), held, tuple(problems), versions, dropped, withheld, unbuilt)


def _announcing(later: Mapping[str, Sequence[Segment]], config: Config) -> set[str]:
    """The folders of `later` (scheduled bulletins only) that are built all the same: weekly
    episodes, whose rundown tells the station bulletins are coming."""
    return {
        folder
        for folder, items in later.items()
        if (air := items[0].air) is not None and folder == week_of(air.astimezone(config.tz))
    }


def _no_broadcast_typos(config: Config, now: dt.datetime) -> list[Problem]:
    """A warning for each coming [radio] no_broadcast day that is not the weekly air day: it
    skips no weekly broadcast (most likely a mistyped date), only an extra one set on it."""
    weekday = WEEKDAYS[config.radio.air_weekday - 1]
    today = now.astimezone(config.tz).date()
    problems = []
    for day in sorted(set(config.radio.no_broadcast)):
        if day < today or day.isoweekday() == config.radio.air_weekday:
            continue
        meant = day + dt.timedelta(days=config.radio.air_weekday - day.isoweekday())
        problems.append(
            Problem(
                "site.toml",
                f"ngày không phát {day.isoformat()} ({vn_date(day)}) không phải ngày phát hằng tuần "
                f"({weekday}, theo [radio] air_weekday): ngày này không bỏ buổi phát hằng tuần nào, chỉ chặn bản tin ghi "
                "radio.air_date đúng ngày ấy. Có lẽ ngày bị gõ nhầm",
                field="[radio] no_broadcast",
                hint=f"Sửa thành ngày {weekday} cần nghỉ phát (cùng tuần là {meant.isoformat()}, "
                f"{vn_date(meant)}), hoặc xóa ngày {day.isoformat()} khỏi no_broadcast.",
                severity="warning",
            )
        )
    return problems


def _scheduled(site: Site) -> list[Bulletin]:
    """The radio bulletins held back only by their publish time (the gate gives a bulletin's
    first reason, so a secret, draft or unapproved one is never among them)."""
    return [
        e.bulletin
        for e in site.excluded
        if e.code == "scheduled" and "radio" in e.bulletin.channels
    ]


def slot_of(
    bulletin: Bulletin,
    block: RadioBlock,
    config: Config,
    synced: Mapping[str, KeptRates],
    sent: Mapping[str, str],
) -> tuple[dt.datetime, str, KeptRates | None]:
    """When a bulletin airs, the folder of its episode, and the record of the aired episode it
    was read in (None: not aired), from state/radio-rates.json as read (`synced`, and `sent`:
    aired_bulletins of it). Aired in an episode, it stays there: a changed air_weekday or
    air_time must not move it to another (perhaps one to come, sent again); only a new
    air_date does."""
    air = set_for(bulletin.date, block.air_date, config)
    aired = synced[sent[bulletin.key]] if bulletin.key in sent else None
    if (
        aired is not None
        and aired.air > bulletin.date
        and (not block.air_date or aired.air.astimezone(config.tz).date() == block.air_date)
    ):
        return aired.air, sent[bulletin.key], aired
    return air, episode_folder(air, config), None


def correction_air(owed: on_air_corrections.OnAir, now: dt.datetime, config: Config) -> dt.datetime:
    """When the item telling listeners of a correction owed to them airs, its bulletin's
    episode aired (and the item not yet): the first broadcast at or after both the correction
    and `now`."""
    return next_air(max(owed.correction.date, now), config)


def read_items(
    synced: Mapping[str, KeptRates], sent: Mapping[str, str]
) -> dict[str, dict[str, dt.datetime]]:
    """Bulletin key → its correction items that aired, each with its episode's air time, from
    state/radio-rates.json as read (`synced`, and `sent`: aired_bulletins of it)."""
    found: defaultdict[str, dict[str, dt.datetime]] = defaultdict(dict)
    for key, aired_in in sent.items():
        if corrected_key(key) != key:
            found[corrected_key(key)][key] = synced[aired_in].air
    return dict(found)


def correction_expired(owed: on_air_corrections.OnAir, air: dt.datetime) -> dt.datetime | None:
    """When the bulletin of a correction owed on air expires, if that is not after the
    broadcast at `air` that would read it (withdrawn everywhere else by then, no correction of
    it is read either); None when it is read."""
    expires = owed.bulletin.expires
    return expires if expires is not None and expires <= air else None


def kept_off(
    bulletin: Bulletin, air: dt.datetime, item: Segment, config: Config, *, aired: bool
) -> tuple[Problem, str] | list[Flag]:
    """Why the build keeps a bulletin set to air at `air` off the radio, first reason first as
    it tells them: a reason it is in no episode (left_out's warning and station's words), else
    the read-aloud flags that block it; [] when it airs. One verdict for the build and for
    `publish approve` (publish.approval_radio), which told the flags first."""
    left = left_out(bulletin, air, item, config, aired=aired)
    return left if left is not None else blocking(item.flags)


def left_out(
    bulletin: Bulletin, air: dt.datetime, item: Segment, config: Config, *, aired: bool
) -> tuple[Problem, str] | None:
    """Why a bulletin set to air at `air` (`aired`: in an episode that aired with it) is in no
    episode, published or scheduled alike: the editor's warning and the words of the
    station's withdrawal note; None when it airs (unless a flag holds it back)."""
    tz = config.tz
    if not aired and air.astimezone(tz).date() in config.radio.no_broadcast:
        # The station does not air that day ([radio] no_broadcast).
        problem = _no_broadcast(bulletin, air, air_after(bulletin.date, config))
        return problem, f"chuyên mục không phát buổi {vn_datetime(air.astimezone(tz))}"
    if air <= bulletin.date:
        # Its episode has aired by the time the script may leave for the station.
        problem = _too_late(bulletin, air, air_after(bulletin.date, config))
        return problem, (f"buổi phát {vn_datetime(air.astimezone(tz))} không sau giờ đăng bản tin")
    if bulletin.expires is not None and bulletin.expires <= air:
        # It would be read on air after it was withdrawn everywhere else.
        problem = _expires_before_air(bulletin, bulletin.expires, air)
        return problem, _expiry_text(bulletin.expires, air)
    if not item.syllables:
        # A heading or a photo alone: an empty slot and a stinger on air.
        return _nothing_to_read(bulletin), "bản tin không còn câu nào để đọc trên sóng"
    return None


def _slugs_kept(
    episodes: Sequence[Episode],
    synced: Mapping[str, KeptRates],
    blocks: Sequence[tuple[Bulletin, RadioBlock, list[Problem]]],
    now: dt.datetime,
) -> list[Problem]:
    """A warning for each bulletin of an episode to come whose `radio.slug` is not the slug the
    station was sent it under, nor that slug told apart by a number: the item keeps the
    station's (`_unique_slugs`), and an editor who changed the field after the sync was told
    nothing of it."""
    own = {bulletin.key: block.slug for bulletin, block, bad in blocks if not bad and block.slug}
    found = []
    for episode in episodes:
        record = synced.get(episode.week)
        if record is None or episode.air < now:  # aired: the station is done with its rundown
            continue
        for segment in episode.segments:
            bulletin = segment.bulletin
            if bulletin is None or bulletin.key not in own:
                continue
            sent = record.slugs.get(bulletin.key)
            if sent is not None and not _told_apart(sent, own[bulletin.key]):
                found.append(_slug_kept(bulletin, sent, own[bulletin.key], episode.air))
    return found


def _told_apart(slug: str, own: str) -> bool:
    """Whether `slug` is `own` as `_unique_slugs` may give it: itself, or numbered (-2, -3…)."""
    if slug == own:
        return True
    number = slug.rpartition("-")[2]
    return number.isdigit() and int(number) >= 2 and slug == _numbered(own, int(number))


def _slug_kept(bulletin: Bulletin, sent: str, own: str, air: dt.datetime) -> Problem:
    """The warning that an item keeps the slug the station has, not the one `radio.slug` says."""
    return Problem(
        bulletin.source,
        f"tập phát {vn_datetime(air)} giữ slug {sent} mà đài đã nhận cho tin này (cán bộ đài in "
        f"và ghi chú theo slug ấy); slug {own} ghi ở radio.slug chỉ dùng cho các tập phát sau",
        field="radio.slug",
        hint=f"Muốn hết cảnh báo này thì ghi lại radio.slug: {sent} (hoặc bỏ radio.slug); cần đài "
        "gọi tin bằng slug mới ngay trong tập này thì báo cán bộ đài.",
        severity="warning",
    )


def _flag_note(bulletin: Bulletin, flag: Flag) -> Problem:
    """A read-aloud flag that did not keep a bulletin off the air (a dropped web address, a
    guessed date…), told where editors look (check, build) and not only in rundown.txt."""
    what, _, fix = flag.message.partition(" Cách sửa: ")
    shown = "" if flag.excerpt in what else f" — đoạn: «{flag.excerpt}»"
    return Problem(
        bulletin.source,
        f"phát thanh{_in_body(flag)}: {what}{shown} {rule_note(flag.code)}",
        field=flag.field or None,
        line=flag.line,
        hint=fix[:1].upper() + fix[1:] if fix else None,
        severity=flag_severity(flag),
        code=RADIO_FLAG,
    )


def _in_body(flag: Flag) -> str:
    """Where a flag's text is when neither a field nor a line says it: the body. Never a field
    'radio' (the bulletin may have no `radio:` block: editors looked for one)."""
    return ", trong thân bài" if not flag.field and flag.line is None else ""


def _timing_actionable(episode: Episode, now: dt.datetime, coming: dt.datetime) -> bool:
    """Whether an episode's Q9 warning asks the editor for something now: never once it aired;
    a short one only up to the next weekly broadcast (`coming`) and within SHORT_NOTICE of its
    air time, as its bulletins are mostly still to be written before; a long one always (it
    only grows)."""
    if episode.air < now:
        return False
    if episode.timing.over_under > 0:
        return True
    return episode.air <= coming and episode.air - now <= SHORT_NOTICE


def _timing_problem(
    episode: Episode, text: str, joining: int = 0, read: tuple[Bulletin, ...] = ()
) -> Problem:
    """A Q9 warning, told of the episode by its air time, which editors know it by (the
    folder's ISO week and its rundown.txt mean nothing to them); `joining`: the scheduled
    bulletins counted in it; `read`: every bulletin it reads (its only one is what a CI report
    shows the note on, e.g. the bulletin whose air_date made an extra episode)."""
    extra = "" if episode.week == week_of(episode.air) else " thêm"
    counted = f"Tính cả {joining} bản tin hẹn giờ sẽ vào tập này: " if joining else ""
    return Problem(
        f"Tập phát thanh{extra} {vn_datetime(episode.air)}",
        f"{counted}{text} " + rule_note("Q9"),
        severity=TIMING_SEVERITY,
        about=read[0].source if len(read) == 1 else None,
    )


def _empty_slot(air: dt.datetime, config: Config) -> Problem:
    """The Q9 note for the next weekly broadcast when no bulletin is set to air in it: it has
    no episode, so no rundown reaches the station and no over/under note would say so."""
    return Problem(
        f"Tập phát thanh {vn_datetime(air)}",
        "chưa có bản tin nào được xếp vào buổi phát này: đài chưa có kịch bản cho "
        f"{_minutes(config.radio.slot_minutes)} của chuyên mục " + rule_note("Q9"),
        hint="Đăng bản tin có kênh radio trước giờ phát (hoặc ghi radio: {air_date: "
        f"{air.date().isoformat()}}} cho một bản tin đã đăng), hoặc báo đài tuần này không "
        "có chuyên mục.",
        severity=TIMING_SEVERITY,
    )


def _minutes(value: float) -> str:
    """A slot length in words: «10 phút», «2,5 phút» (never «10:00», read as a time of day)."""
    return f"{value:g}".replace(".", ",") + " phút"


def episode_version(episode: Episode, versions: Mapping[str, str]) -> str | None:
    """A digest of everything an episode's files are made from, or None when an item's is unknown.

    A bulletin item stands as its item version (`Speaker.version`) plus what the episode and the
    layouts add: its unique slug, air time, duration and read rate (calibrated from other
    bulletins), and the bulletin's key, source and title. Frame segments are given whole; the
    settings they and the layouts read are in the cache salt.
    """
    parts: list[object] = [episode.week, episode.air.isoformat(), episode.slot, episode.rate]
    if episode.scheduled:  # only then: the versions of every other episode stay as they were
        parts.append(("scheduled", *(t.isoformat() for t in episode.scheduled)))
    for segment in episode.segments:
        bulletin = segment.bulletin
        if bulletin is None:
            parts.append(repr(segment))
            continue
        version = versions.get(bulletin.source)
        if version is None or segment.air is None:
            return None
        air = segment.air.isoformat()
        if corrected_key(bulletin.key) != bulletin.key:
            # A correction item is made from its note and aired date, not the body.
            version = digest(version, segment.packed)
        parts.append(
            (
                version,
                segment.slug,
                air,
                segment.seconds,
                segment.rate,
                bulletin.key,
                bulletin.source,
                bulletin.title,
            )
        )
    return digest(*parts)


def _located(item: Segment, config: Config) -> Segment:
    """`item` with each flag found in a front-matter field (title, radio.lead_in) given the line
    that field is written on: read aloud on its own, the field's text has no source line, and
    the rundown.json's finding told neither where nor what to edit. The file is read again only
    for an item with such flags (few: most flags are in the body). No cache key needs the lines:
    the item's and episode's versions hold the file's digest (Bulletin.made_of)."""
    if not any(f.field and f.line is None for f in item.flags) or item.bulletin is None:
        return item
    parsed = parse_file(config.root / item.bulletin.source)
    if parsed is None:
        return item
    flags = tuple(
        dataclasses.replace(f, line=parsed.line_of(f.field)) if f.field and f.line is None else f
        for f in item.flags
    )
    return dataclasses.replace(item, flags=flags)


def _unlikely_reading(item: Segment) -> Problem | None:
    """A warning when an aired duration gives a read rate no reader has (likely a typo): the
    calibration keeps it within LIMITS, but the editor should check the value."""
    rate = reading(item)
    if rate is None or LIMITS[0] <= rate <= LIMITS[1] or item.bulletin is None:
        return None
    return Problem(
        item.bulletin.source,
        f"thời lượng thực tế {mss(item.seconds)} cho {item.syllables} âm tiết là "
        f"{round(rate)} âm tiết/phút, ngoài khoảng {LIMITS[0]}–{LIMITS[1]} của người đọc",
        field="radio.aired",
        hint="Kiểm tra lại số phút:giây đo được sau buổi phát (ví dụ 2:05 thay vì 1:05).",
        severity="warning",
    )


def _nothing_to_read(bulletin: Bulletin) -> Problem:
    """The warning for a bulletin whose body has nothing to read aloud (left out of the radio)."""
    return Problem(
        bulletin.source,
        "nội dung không có câu nào để đọc trên sóng (chỉ có tiêu đề mục, ảnh hay liên kết): "
        "không đưa vào tập phát sóng",
        hint="Viết ít nhất một đoạn văn, hoặc ghi draft: [radio] nếu bản tin không dành cho đài "
        "(giữ bài khỏi đài, không phải duyệt lại).",
        severity="warning",
    )


def _off_slot(bulletin: Bulletin, air: dt.datetime, folder: str, config: Config) -> Problem:
    """The reminder that a bulletin set to air off the weekly slot day makes an extra episode,
    which the station has to schedule."""
    weekday = WEEKDAYS[config.radio.air_weekday - 1]
    return Problem(
        bulletin.source,
        f"ngày phát {vn_date(air)} không phải ngày của chương trình hằng tuần ({weekday}): bản tin "
        f"được xếp vào một tập phát riêng, thư mục {folder}",
        field="radio.air_date",
        hint="Hẹn với đài buổi phát thêm này. Muốn phát trong chương trình hằng tuần thì đổi air_date "
        f"sang ngày {weekday} (buổi kế tiếp: {vn_datetime(next_air(air, config))}) hoặc bỏ air_date.",
        severity="warning",
    )


def _too_late(bulletin: Bulletin, air: dt.datetime, instead: dt.datetime) -> Problem:
    """The warning for a bulletin left out of the radio because its slot is not after its
    publication time (the script could only reach the station after the broadcast)."""
    tz = instead.tzinfo
    return Problem(
        bulletin.source,
        f"buổi phát {vn_datetime(air.astimezone(tz))} đã qua lúc bản tin được đăng "
        f"({vn_datetime(bulletin.date.astimezone(tz))}): kịch bản chỉ đến được đài sau buổi phát, "
        "nên không đưa vào tập phát sóng",
        field="radio.air_date",
        hint="Chọn ngày phát sau ngày đăng (radio: {air_date: …}), hoặc bỏ air_date để tin vào "
        f"buổi phát kế tiếp ({vn_datetime(instead)}).",
        severity="warning",
    )


def _no_broadcast(bulletin: Bulletin, air: dt.datetime, instead: dt.datetime) -> Problem:
    """The warning for a bulletin whose air_date is a day the segment does not air."""
    return Problem(
        bulletin.source,
        f"ngày phát {vn_datetime(air.astimezone(instead.tzinfo))} là ngày chuyên mục không phát "
        "(no_broadcast trong bảng [radio] của site.toml), nên không đưa vào tập phát sóng",
        field="radio.air_date",
        hint="Chọn ngày phát khác (radio: {air_date: …}), hoặc bỏ air_date để tin vào buổi phát "
        f"kế tiếp ({vn_datetime(instead)}).",
        severity="warning",
    )


def _expires_before_air(bulletin: Bulletin, expires: dt.datetime, air: dt.datetime) -> Problem:
    """The warning for a bulletin left out of the radio because it expires before its air time."""
    return Problem(
        bulletin.source,
        f"{_expiry_text(expires, air)}: không đưa vào tập phát sóng",
        field="expires",
        hint="Lùi expires qua giờ phát, hoặc chọn ngày phát sớm hơn (radio: {air_date: …}); "
        "không cần phát thì ghi draft: [radio] (giữ bài khỏi đài, không phải duyệt lại).",
        severity="warning",
    )


def _expiry_text(expires: dt.datetime, air: dt.datetime) -> str:
    """ "bản tin hết hạn lúc …, trước giờ phát …", in the site timezone of `air`."""
    local = expires.astimezone(air.tzinfo)
    return f"bản tin hết hạn lúc {vn_datetime(local)}, trước giờ phát {vn_datetime(air)}"


def _held_correction(on_air: on_air_corrections.OnAir, flag: Flag) -> Problem:
    """The warning that a correction to read on air is held back by a read-aloud flag: its
    note (or the bulletin's title it quotes) cannot be read as written."""
    what, _, fix = flag.message.partition(" Cách sửa: ")
    return Problem(
        on_air.bulletin.source,
        f"chặn phát thanh lời đính chính thứ {on_air.number}: {what} — đoạn: «{flag.excerpt}». "
        "Tin đã lên sóng nên người nghe cần nghe lời đính chính, nhưng lời này chưa đọc được "
        f"nên không được đưa vào tập phát sóng nào. {rule_note(flag.code)}",
        field=f"corrections.{on_air.number}.note",
        line=on_air.correction.line,
        hint=(fix[:1].upper() + fix[1:] + " " if fix else "")
        + "Viết lại ghi chú đính chính (hoặc tiêu đề bản tin) cho dễ đọc thành tiếng, rồi dựng lại.",
        severity=flag_severity(flag),
    )


def _untold(
    bulletin: Bulletin, air: dt.datetime, now: dt.datetime, config: Config
) -> list[Problem]:
    """A warning for each correction of a bulletin set to air at `air` (past) made after it,
    while the next episode after it is still to come, when no record in
    state/radio-rates.json says what aired (none kept, or older than the records kept): no
    item can tell its listeners, so the editor must."""
    problems = []
    # Keyed by its slug (no `id`), a bulletin renamed after it aired is not the one the records
    # hold: the line that makes it so again lets the correction be read on air after all.
    renamed = (
        ", hay bản tin không có id đã đổi tên tệp hoặc slug sau khi lên sóng"
        if bulletin.key == bulletin.slug
        else ""
    )
    renamed_fix = (
        "Nếu bản tin đã đổi tên tệp hay slug sau khi lên sóng: ghi dòng «id: <địa chỉ cũ>» (phần "
        "sau ngày trong tên tệp cũ) vào phần đầu rồi dựng lại, công cụ tự thêm tin. Nếu không, "
        if renamed
        else ""
    )
    for correction in bulletin.corrections:
        if (
            not on_air_corrections.after(correction, air, config)
            # The next episode after both: a day-only date on the broadcast day (its 00:00)
            # would otherwise name that evening's episode, aired, and end the warning at once.
            or next_air(max(correction.date, air + dt.timedelta(seconds=1)), config) < now
        ):
            continue
        problems.append(
            Problem(
                bulletin.source,
                f"lần đính chính thứ {correction.number} ghi sau giờ phát "
                f"{vn_datetime(air.astimezone(config.tz))} của bản tin, nhưng "
                f"state/{RATES_NAME} không ghi tập nào đã phát bản tin này (chưa từng "
                f"`publish sync radio`, tập đó đã quá cũ{renamed}): công cụ không biết đài "
                "đã đọc bản nào nên không tự thêm tin «Đính chính».",
                field=f"corrections.{correction.number}.date",
                line=correction.date_line or correction.line,
                hint=(
                    renamed_fix
                    + ("b" if renamed_fix else "B")
                    + "áo đài, và viết tin đính chính như một bản tin mới có kênh `radio` nếu "
                    "người nghe đã nghe bản cũ."
                ),
                severity="warning",
            )
        )
    return problems


def _correction_expired(
    on_air: on_air_corrections.OnAir, expires: dt.datetime, air: dt.datetime
) -> Problem:
    """The warning that a correction is not read on air as its bulletin expires before the
    episode that would read it."""
    return Problem(
        on_air.bulletin.source,
        f"lời đính chính thứ {on_air.number} không được đọc trên sóng: "
        f"{_expiry_text(expires, air)}.",
        field=f"corrections.{on_air.number}",
        line=on_air.correction.line,
        hint="Nếu người nghe vẫn cần biết, báo đài hoặc dời `expires` của bản tin về sau.",
        severity="warning",
    )


def _held_problem(bulletin: Bulletin, flag: Flag, config: Config) -> Problem:
    """The warning that says which flag keeps a bulletin off the radio, with the text in question."""
    what, _, fix = flag.message.partition(" Cách sửa: ")
    return Problem(
        bulletin.source,
        f"chặn phát thanh{_in_body(flag)}: {what} — đoạn: «{flag.excerpt}». Bản tin không được "
        f"đưa vào kịch bản phát thanh (các kênh khác vẫn dựng). {rule_note(flag.code)}",
        field=flag.field or None,
        line=flag.line,
        hint=(fix[:1].upper() + fix[1:] + " Rồi dựng lại.")
        if fix
        else "Viết lại đoạn đó cho dễ đọc thành tiếng, hoặc thêm chữ viết tắt vào "
        f"{lexicon_file(config.radio.abbreviations)}, rồi dựng lại.",
        severity=flag_severity(flag),
        code=RADIO_FLAG,
    )


@dataclass(frozen=True, slots=True)
class _Frame:
    """The fixed parts of every episode: tunes, intro, outro and the stinger between bulletins."""

    opening: tuple[Segment, ...]
    stinger: Segment | None
    closing: tuple[Segment, ...]


def _frame(speaker: Speaker, config: Config, problems: list[Problem]) -> _Frame:
    """Build the episode frame from [radio]; an unreadable intro or outro is left out and reported."""
    radio = config.radio

    def tune(text: str, seconds: int, label: str) -> tuple[Segment, ...]:
        if seconds <= 0 or not text.strip():
            return ()
        cue = text.strip().upper()
        return (
            Segment("fixed", make_slug(cue, keep_all=True), label, seconds, cue=cue, mode="fixed"),
        )

    def told(key: str, stoppers: Sequence[Flag], hint: str) -> None:
        problems.extend(
            Problem(
                "site.toml",
                f"{f.message} — đoạn: «{f.excerpt}». Tập phát thanh sẽ không có phần này. "
                + rule_note(f.code),
                field=f"[radio] {key}",
                hint=hint,
                severity="warning",
            )
            for f in stoppers
        )

    def link(text: str, key: str, slug: str, first: str = "") -> tuple[Segment, ...]:
        paragraphs: tuple[str, ...] = (first,) if first else ()
        if text.strip():
            # A greeting, not a report: «V. Hùng xin chào…» names the presenter, no «Phần năm».
            spoken, flags = speaker.speak(text, front_matter=True)
            if stoppers := blocking(flags):
                told(key, stoppers, "Viết lại câu cho dễ đọc thành tiếng.")
            else:
                paragraphs += tuple(" ".join(p.split()) for p in spoken.split("\n\n") if p.strip())
        if not paragraphs:
            return ()
        segment = Segment(
            "read",
            slug,
            "Lời dẫn",
            0,
            syllables=speaker.syllables("\n\n".join(paragraphs)),
            reader=radio.reader,
            packed=pack(paragraphs),
        )
        return (retimed(segment, speaker.rate),)  # timed as every read item is

    problems.extend(contact_problems(config, speaker.contact_stoppers))
    stinger = tune(radio.stinger, radio.stinger_seconds, "Nhạc cắt")
    return _Frame(
        opening=tune(radio.tune_open, radio.tune_open_seconds, "Nhạc hiệu")
        + link(radio.intro, "intro", "LOI-CHAO"),
        stinger=stinger[0] if stinger else None,
        # Before the unit's farewell: the goodbye stays the last thing said.
        closing=link(
            radio.outro, "outro", "LOI-KET", speaker.contact if radio.contact == "outro" else ""
        )
        + tune(radio.tune_close, radio.tune_close_seconds, "Nhạc hiệu"),
    )


def _episode(
    week: str,
    items: list[Segment],
    frame: _Frame,
    config: Config,
    rates: ReadRates,
    kept: KeptRates | None,
    now: dt.datetime,
    later: Sequence[Segment] = (),
    known: Mapping[str, str] | None = None,
) -> Episode:
    """One episode: frame, bulletins in order with stingers between, slugs unique, timed (each
    read item at its reader's calibrated rate, or once aired at the rate `kept` for it; an
    episode `kept` as aired also keeps its air time). `later`: the items of the scheduled
    bulletins that will join it, of which it keeps only their publish times; `known`: the
    slugs the station knows its items by (`_unique_slugs`), by default those `kept` records."""
    if known is None:
        known = kept.slugs if kept is not None else {}
    items = sorted(items, key=lambda s: (s.order, s.bulletin.date, s.bulletin.key))  # type: ignore[union-attr]
    air = min(s.air for s in (items or later) if s.air is not None)
    if kept is not None and kept.air < now:
        air = kept.air  # aired as it was sent, whatever [radio] air_weekday/air_time say now
    elif air >= now:
        kept = None
    default = kept.rate if kept is not None else config.radio.rate_spm

    def rate(reader: str) -> int:
        found = kept.readers.get(reader_name(reader)) if kept is not None else None
        return found if found is not None else rates.at(reader, air)

    items = [retimed(s, rate(s.reader)) for s in items]
    opening = [retimed(s, rate(s.reader)) for s in frame.opening]
    closing = [retimed(s, rate(s.reader)) for s in frame.closing]
    middle: list[Segment] = []
    joins = [False] * len(opening)
    for index, item in enumerate(items):
        if index and frame.stinger is not None:
            middle.append(frame.stinger)
            joins.append(True)
        middle.append(item)
        joins.append(False)
    segments = _unique_slugs([*opening, *middle, *closing], known)
    slot = round(config.radio.slot_minutes * 60)
    timing = time_rundown(
        [s.seconds for s in segments],
        air_start=air,
        slot=slot,
        floatable=[s.floatable for s in segments],
        separators=joins,
        fades_out=bool(closing) and closing[-1].kind == "fixed",
    )
    scheduled = sorted(s.bulletin.date.astimezone(config.tz) for s in later if s.bulletin)
    return Episode(week, air, slot, default, tuple(segments), timing, tuple(scheduled))


def _cut_slug(slug: str, room: int) -> str:
    """`slug` in at most `room` characters, cut between its words (a word cut short, SO → S,
    read as another word), or within its first word when that alone is longer."""
    if len(slug) <= room:
        return slug
    head = slug[: room + 1].rpartition("-")[0]
    return head.rstrip("-") or slug[:room]


def _numbered(slug: str, number: int) -> str:
    """`slug` told apart by `number` (2, 3…) within SLUG_MAX: «-2» after it, cut between its
    words when the number leaves no room (`_cut_slug`)."""
    suffix = f"-{number}"
    return _cut_slug(slug, SLUG_MAX - len(suffix)) + suffix


def _unique_slugs(segments: list[Segment], known: Mapping[str, str]) -> list[Segment]:
    """S2: read items get unique slugs within the episode; music cues may repeat. An item the
    station knows by a slug (`known`, item key → slug, as the last sync recorded them) keeps it,
    and no other item takes one of those: the station's rundowns and scripts name it, and an
    item added later, sorting first or with its own slug the same as a numbered one, must not
    rename it (review F3 #1 of session 74). Of the rest, the first item with a slug keeps it
    (review R14); a later one takes the number of its title the slug's limit cut off, if any
    (Segment.numbered: TIN-ANTT-TUAN-THU-BA-2), else "-2", "-3" …, never the slug of another
    item."""
    pinned: dict[int, str] = {}
    pinned_slugs: set[str] = set()
    for index, segment in enumerate(segments):
        bulletin = segment.bulletin
        slug = known.get(bulletin.key, "") if bulletin is not None else ""
        # A slug twice in a record (only by hand) is kept by the first item alone.
        if slug and segment.kind == "read" and slug not in pinned_slugs:
            pinned[index] = slug
            pinned_slugs.add(slug)
    # Every slug of the record, a withdrawn item's too: its script is in _rut-lai/.
    taken = set(known.values())
    plain = {s.slug for s in segments if s.kind == "read"}
    seen: set[str] = set()
    result = []
    for index, segment in enumerate(segments):
        slug = pinned.get(index, segment.slug)
        if index not in pinned and segment.kind == "read" and (slug in seen or slug in taken):
            if segment.numbered and segment.numbered not in seen | plain | taken:
                slug = segment.numbered
            base = slug
            number = 2
            while slug in seen or slug in plain or slug in taken:
                slug = _numbered(base, number)
                number += 1
        if segment.kind == "read":
            seen.add(slug)
        result.append(dataclasses.replace(segment, slug=slug) if slug != segment.slug else segment)
    return result
