"""On-air corrections («Đính chính»): a bulletin corrected after its episode aired gets a short
item of its own in the first episode still to come at or after the correction.

The aired episode belongs to the station and is never written again, and a script not aired yet
simply reads the corrected text (publish/render/radio/items.py). The listeners who heard the old
version are told in a later episode: «Đính chính: Trong chương trình ngày …, chúng tôi đã đưa tin
“…”. <note>». Owed are the corrections the aired script did not carry, as state/radio-rates.json
records what the station was sent (publish/radio_rates.py): not those dated after the air time,
as a correction made before it reaches the station only with a sync between the two. The item
has its own key (`<key>#dinh-chinh-<id>`, the correction's stable id), so its file, its line in the
rundown and the record of the episodes it was sent with (state/radio-rates.json) are its own,
and the aired bulletin stays recorded in the episode it aired in. Once its episode aired, that
record keeps it there, as it keeps a bulletin.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from publish.config import Config
from publish.correction_text import (
    HEADING,
    corrected_key,
    correction_id,
    correction_ids,
    on_air_key,
    position,
)
from publish.errors import Problem
from publish.model import Bulletin, Correction, Exclusion, Site
from publish.radio_rates import KeptRates, SentItem
from publish.render.radio.items import Segment, Speaker, make_slug, next_air, pack, retimed
from publish.sanitize import strip_markup
from publish.text import vn_datetime

__all__ = [
    "LABEL",
    "OnAir",
    "after",
    "due",
    "item",
    "script",
    "unread_while_held",
]

LABEL = HEADING
"""The item's type in its header and the rundown: what every channel calls a correction."""
ORDER = 0
"""Read before the week's bulletins (default order 100): it answers an earlier broadcast."""


@dataclasses.dataclass(frozen=True, slots=True)
class OnAir:
    """One correction to read on air: the bulletin as the item shows it (own key, title and
    date), its correction, and when the bulletin aired."""

    bulletin: Bulletin
    number: int
    correction: Correction
    aired: dt.datetime
    before: bool = False
    """Made before the broadcast, yet owed: the script state/radio-rates.json records the
    station held at the broadcast did not carry it, for one of two causes. The station had
    edited its copy of a script with the bulletin, which was kept (ours, whatever it carried,
    only beside it as .moi), so which version went on air is not known; or no sync sent a
    script carrying it between the correction and the broadcast, so the old one went on air.
    Read either way; the item's rundown.json row says so (correction_text.BEFORE_AIR), for the
    sync's plan to tell the editor why."""


def due(
    bulletin: Bulletin,
    aired: dt.datetime,
    sent: SentItem | None,
    config: Config,
    read: Mapping[str, dt.datetime] | None = None,
) -> list[OnAir]:
    """The corrections of a bulletin that aired at `aired` its listeners were never told, each
    as the bulletin its item shows: those the script `sent` did not carry; with no such record
    (written before it was kept), those made after the broadcast or, written as a day alone, on
    its day. One whose item aired (its key among `read`, the keys of aired items) keeps that
    item's key, even one an older version gave it: it stays in the episode it was read in and
    is never read again (`read` gives the air time of each). The item quotes the title as it is now, which passed every check
    before publishing: the one sent may hold what was taken out since (a child's name)."""
    title = " ".join(strip_markup(bulletin.title).split())
    told = _told(bulletin, read or {}, config)
    return [
        OnAir(
            dataclasses.replace(
                bulletin,
                key=told.get(number) or on_air_key(bulletin.key, correction_id(correction)),
                title=f"{LABEL}: {title}",
                date=correction.date,
                corrections=(),
            ),
            number,
            correction,
            aired,
            number not in told and sent is not None and not after(correction, aired, config),
        )
        for number, correction in enumerate(bulletin.corrections, start=1)
        if number in told
        or (
            not sent.corrections.intersection(correction_ids(correction))
            if sent
            else after(correction, aired, config)
        )
    ]


def _told(bulletin: Bulletin, read: Mapping[str, dt.datetime], config: Config) -> dict[int, str]:
    """Place of a correction (1 for the first) → the key of its item that aired (`read`: key →
    its episode's air time), by its id, an id older versions gave it, or (as they keyed it
    once) its place in the list, if made by that air time: one made later replaced the
    correction that aired there."""
    by_id = {
        on_air_key(bulletin.key, ident): number
        for number, correction in enumerate(bulletin.corrections, start=1)
        for ident in correction_ids(correction)
    }
    told: dict[int, str] = {}
    for key in sorted(read):
        if corrected_key(key) != bulletin.key:
            continue
        number = by_id.get(key) or _by_place(bulletin, key, read[key], config)
        if number is not None and number <= len(bulletin.corrections):
            told.setdefault(number, key)
    return told


def _by_place(bulletin: Bulletin, key: str, aired: dt.datetime, config: Config) -> int | None:
    """The place an item keyed by place tells, if the correction there was surely made by
    `aired`: one dated by a day alone only if before the broadcast's day (on that day it may
    have come after the broadcast, see `after`, and replaced the correction read there)."""
    number = position(key)
    if number is None or number > len(bulletin.corrections):
        return None
    return None if after(bulletin.corrections[number - 1], aired, config) else number


def after(correction: Correction, aired: dt.datetime, config: Config) -> bool:
    """Whether a correction may have been made after the broadcast at `aired`: a day alone (its
    00:00) counts for the whole day, as the broadcast that day may have been first."""
    if correction.timed:
        return correction.date > aired
    return correction.date.astimezone(config.tz).date() >= aired.astimezone(config.tz).date()


def script(title: str, aired: dt.datetime, note: str, config: Config) -> str:
    """The text read on air, before the normaliser gives its spoken forms."""
    day = aired.astimezone(config.tz)
    note = " ".join(note.split())
    return (
        f"{LABEL}: Trong chương trình ngày {day.day}/{day.month}/{day.year}, chúng tôi đã đưa "
        f"tin “{title}”. {note}"
    )


def item(speaker: Speaker, on_air: OnAir, config: Config, reader: str) -> Segment:
    """The read item of one correction, timed at the site's rate (the episode retimes it at its
    reader's); its flags, blocking ones too, name the correction's note and its line (the text
    is made here from it and the bulletin's title, not read from the body)."""
    original = on_air.bulletin.title.removeprefix(f"{LABEL}: ")
    spoken, found = speaker.speak(script(original, on_air.aired, on_air.correction.note, config))
    line, field = on_air.correction.line, f"corrections.{on_air.number}.note"
    flags = tuple(dataclasses.replace(f, line=line, field=field) for f in found)
    paragraphs = tuple(" ".join(p.split()) for p in spoken.split("\n\n") if p.strip())
    segment = Segment(
        kind="read",
        slug=make_slug(on_air.bulletin.title, lexicon=speaker.lexicon),
        label=LABEL,
        seconds=0,
        syllables=speaker.syllables("\n\n".join(paragraphs)),
        reader=reader,
        packed=pack(paragraphs),
        order=ORDER,
        bulletin=on_air.bulletin,
        flags=flags,
        before_air=on_air.aired if on_air.before else None,
    )
    return retimed(segment, speaker.rate)


def unread_while_held(
    site: Site, synced: Mapping[str, KeptRates], sent: Mapping[str, str]
) -> list[Problem]:
    """A warning for each correction owed to the listeners of an aired bulletin now kept off
    the radio (unapproved after an edit, secret, draft, expired, its `radio` channel taken
    off), while the episode that would read it is still to come: no item is made for it, and
    the editor, who wrote the correction for them, believed it would be read."""
    config = site.config
    held = [e for e in site.excluded if e.code != "scheduled"]
    held += [
        Exclusion(b, "bản tin không còn kênh `radio` (channels)", "channels")
        for b in site.bulletins
        if "radio" not in b.channels
    ]
    problems = []
    for excluded in held:
        bulletin = excluded.bulletin
        folder = sent.get(bulletin.key)
        if folder is None:
            continue
        aired = synced[folder]
        for owed in due(bulletin, aired.air, aired.sent.get(bulletin.key), config):
            episode = next_air(
                max(owed.correction.date, aired.air + dt.timedelta(seconds=1)), config
            )
            if episode < site.now:
                continue  # the episode that would have read it aired: nothing left to plan
            problems.append(_held_back(owed, excluded, episode, config))
    return problems


_HELD_HINTS = {
    "secret": "Bản tin mật không bao giờ lên sóng: nếu người nghe cần biết, báo đài bằng đường khác.",
    "unapproved": "Để đài đọc lời đính chính, duyệt lại bản tin rồi dựng lại; nếu không, báo đài.",
    "draft": "Để đài đọc lời đính chính, bỏ `draft: true` rồi dựng lại; nếu không, báo đài.",
    "expired": "Để đài đọc lời đính chính, dời `expires` về sau buổi phát đó rồi dựng lại; nếu "
    "không, báo đài.",
    "channels": "Để đài đọc lời đính chính, thêm `radio` vào `channels` rồi dựng lại; nếu không, "
    "báo đài.",
}
"""What the editor can do, by why the bulletin is off the radio (publish.gates' codes)."""
_REVIEW_HINT = (
    "Để đài đọc lời đính chính, ghi họ tên người đã rà soát dữ liệu cá nhân vào "
    "`pii_reviewed_by` rồi dựng lại; nếu không, báo đài."
)
"""The hint for a bulletin held for its pii_reviewed_by alone (Exclusion.cause)."""
_REVIEW_AND_APPROVAL_HINT = (
    "Để đài đọc lời đính chính, ghi họ tên người đã rà soát dữ liệu cá nhân vào "
    "`pii_reviewed_by` và nhờ người duyệt duyệt lại bản tin (publish approve), rồi dựng lại; nếu "
    "không, báo đài."
)
"""The hint for one held for its pii_reviewed_by that waits for an approval too
(Exclusion.for_approver)."""


def _held_back(on_air: OnAir, excluded: Exclusion, episode: dt.datetime, config: Config) -> Problem:
    """The warning that one correction is not read as its bulletin is off the radio (no title
    or note quoted: the bulletin may be secret)."""
    hint = _HELD_HINTS.get(excluded.code, "Cho bản tin lên sóng lại rồi dựng lại, hoặc báo đài.")
    if excluded.cause == "review_note":  # approving again alone would not release it
        hint = _REVIEW_AND_APPROVAL_HINT if excluded.for_approver else _REVIEW_HINT
    return Problem(
        on_air.bulletin.source,
        f"lời đính chính thứ {on_air.number} không được đọc trên sóng: buổi phát "
        f"{vn_datetime(episode.astimezone(config.tz))} sẽ không có tin «Đính chính» cho người "
        f"đã nghe bản tin lúc {vn_datetime(on_air.aired.astimezone(config.tz))}, vì bản tin nay "
        f"không lên sóng: {excluded.reason}.",
        field=f"corrections.{on_air.number}",
        line=on_air.correction.line,
        hint=hint,
        severity="warning",
    )
