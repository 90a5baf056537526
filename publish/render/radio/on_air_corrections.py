"""On-air corrections («Đính chính»): a bulletin corrected after its episode aired gets a short
item of its own in the first episode still to come at or after the correction.

The aired episode belongs to the station and is never written again, and a script not aired yet
simply reads the corrected text (publish/render/radio/items.py). The listeners who heard the old
version are told in a later episode: «Đính chính: Trong chương trình ngày …, chúng tôi đã đưa tin
“…”. <note>». The item has its own key (`<key>#dinh-chinh-<n>`), so its file, its line in the
rundown and the record of the episodes it was sent with (state/radio-rates.json) are its own,
and the aired bulletin stays recorded in the episode it aired in. Once its episode aired, that
record keeps it there, as it keeps a bulletin.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from publish.config import Config
from publish.correction_text import HEADING, on_air_key
from publish.model import Bulletin, Correction
from publish.radio.flags import Flag
from publish.render.radio.items import Segment, Speaker, make_slug, pack, retimed
from publish.sanitize import strip_markup

__all__ = ["LABEL", "OnAir", "due", "item", "script"]

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


def due(bulletin: Bulletin, aired: dt.datetime) -> list[OnAir]:
    """The corrections of a bulletin that aired at `aired` made after that broadcast (those made
    before it were in the script read then), each as the bulletin its item shows."""
    title = " ".join(strip_markup(bulletin.title).split())
    return [
        OnAir(
            dataclasses.replace(
                bulletin,
                key=on_air_key(bulletin.key, number),
                title=f"{LABEL}: {title}",
                date=correction.date,
                corrections=(),
            ),
            number,
            correction,
            aired,
        )
        for number, correction in enumerate(bulletin.corrections, start=1)
        if correction.date > aired
    ]


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
    reader's); its flags, blocking ones too, carry no source line (the text is made here)."""
    original = on_air.bulletin.title.removeprefix(f"{LABEL}: ")
    spoken, found = speaker.speak(script(original, on_air.aired, on_air.correction.note, config))
    flags: tuple[Flag, ...] = tuple(dataclasses.replace(f, line=None) for f in found)
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
    )
    return retimed(segment, speaker.rate)
