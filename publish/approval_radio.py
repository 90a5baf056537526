"""The radio's verdict on a bulletin being approved, as the build will give it.

`publish approve` printed «kênh: web, radio» for a bulletin whose script the build then kept
off the air (an abbreviation the dictionary lacks, a body with nothing to read…): only
`publish check` said so, and only once it was approved and published. So approve reads aloud
each bulletin it approves now (those only: one body each) and says in its line that the
radio holds it and why. It still approves: what the approver signs is the text, which goes
to the website and Zalo; the radio waits for a reading it can say (a dictionary line needs no
new approval, `draft: [radio]` neither). A `radio:` block the build cannot read is another
matter: it stops the whole build once published, so it refuses the approval.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from publish.config import Config
from publish.errors import Problem
from publish.model import Bulletin
from publish.radio.flags import rule_note
from publish.render.radio.episode import left_out
from publish.render.radio.items import (
    Speaker,
    abbreviation_problems,
    blocking,
    read_block,
)
from publish.render.radio_station import set_for

__all__ = ["OffAir", "block_errors", "off_air"]


@dataclass(frozen=True, slots=True)
class OffAir:
    """Why the build keeps a bulletin off the radio: the first reason, and how many read-aloud
    findings block it (`publish speak --flags` lists them; 0 when another reason holds it)."""

    first: str
    count: int


def block_errors(bulletin: Bulletin, config: Config) -> list[Problem]:
    """The errors of the bulletin's `radio:` block (a date that is none, a key misspelt), which
    stop every build once it is published; none for a bulletin not on the radio."""
    if "radio" not in bulletin.channels:
        return []
    return read_block(bulletin, config)[1]


def off_air(bulletins: Iterable[Bulletin], config: Config) -> dict[str, OffAir]:
    """Each of `bulletins` for the radio that the build keeps off the air, by file, with why:
    a read-aloud finding that blocks it, or a reason the build leaves it out of every episode
    (nothing to read, expiring before its broadcast, a day without one). None is told while the
    unit's abbreviation file is broken: the build stops on it, whatever the bulletins say."""
    radio = [b for b in bulletins if "radio" in b.channels]
    if not radio or abbreviation_problems(config):
        return {}
    speaker = Speaker(config)
    found: dict[str, OffAir] = {}
    for bulletin in radio:
        block, problems = read_block(bulletin, config)
        if problems:
            continue  # refused before: see block_errors
        item = speaker.item(bulletin, block, reader=config.radio.reader)
        stoppers = blocking(item.flags)
        if stoppers:
            flag = stoppers[0]
            what = flag.message.partition(" Cách sửa: ")[0].rstrip(" .")
            shown = "" if flag.excerpt in what else f" (đoạn «{flag.excerpt}»)"
            first = f"{what}{shown} {rule_note(flag.code)}"
            found[bulletin.source] = OffAir(first, len(stoppers))
            continue
        air = set_for(bulletin.date, block.air_date, config)
        left = left_out(bulletin, air, item, config, aired=False)
        if left is not None:
            found[bulletin.source] = OffAir(left[0].message, 0)
    return found
