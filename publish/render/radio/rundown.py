"""Rundown timing for one episode (spec §3.2, E1–E6): durations, cume, on-air, backtime, over/under."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "LIGHT_TOLERANCE",
    "MIN_TUNE_PLAY",
    "RATE_ADJUST",
    "Row",
    "Timing",
    "air_clock",
    "clock",
    "mss",
    "time_rundown",
]

LIGHT_TOLERANCE = 15
"""E5: an episode lighter than its slot by more than this many seconds gets a warning."""
RATE_ADJUST = 0.10
"""Share of an episode's length a reader can gain or lose by reading a little slower or faster
(240 → ~218 or ~264 syllables a minute): a larger gap is not advised to be read away."""
MIN_TUNE_PLAY = 5
"""Seconds of the closing tune that must still air for it to be faded out early (as a studio
does when the programme runs a few seconds long) rather than not aired at all."""


@dataclass(frozen=True, slots=True)
class Row:
    """One timed line of the running order."""

    number: str
    """A1…An in rundown order (S1)."""
    seconds: int
    cume: int
    """E2: seconds from the start of the episode to the start of this item."""
    on_air: dt.datetime
    backtime: dt.datetime
    """E4: latest start of this item if everything after it runs as planned."""


@dataclass(frozen=True, slots=True)
class Timing:
    """The timed running order and its verdict against the slot."""

    rows: tuple[Row, ...]
    total: int
    """E3: total running time (TRT) in seconds."""
    slot: int
    over_under: int
    """E3: TRT − slot; positive = heavy (over), negative = light (under)."""
    drop: tuple[int, ...] = ()
    """E5: indexes of rows to drop when heavy: floatable items bottom up, each followed by the
    stinger that goes with it, if any."""
    separators: frozenset[int] = frozenset()
    """Indexes of the rows that only join two items (stingers)."""
    left_over: int = 0
    """E5: seconds still over the slot once every suggested row is dropped and the closing tune,
    if it may be, is faded out early."""
    cut: int = 0
    """Seconds the closing tune (the last row) is faded out early by, once the suggested rows
    are dropped, so that the episode ends on time: 0 when it airs whole or cannot air."""
    fades_out: bool = False
    """Whether the last row is a closing tune, which may end early with a fade."""

    @property
    def verdict(self) -> str:
        """The over/under in words: "vừa khung giờ", "thừa 0:12", "thiếu 0:48"."""
        if self.over_under > 0:
            return f"thừa {mss(self.over_under)}"
        if self.over_under < 0:
            return f"thiếu {mss(-self.over_under)}"
        return "vừa khung giờ"

    def warnings(self, names: Sequence[str]) -> list[str]:
        """E5 warnings in Vietnamese (never automatic edits); `names` say how the suggestion to
        drop rows names each row (a bulletin by its title, which staff know it by)."""
        if self.over_under > 0:
            text = (
                f"Chương trình dài {mss(self.total)}, thừa {mss(self.over_under)} so với "
                f"khung giờ {mss(self.slot)}."
            )
            if self.drop:
                dropped: list[str] = []
                for i in self.drop:
                    if i in self.separators:
                        dropped[-1] += f" cùng {names[i]}"
                    else:
                        dropped.append(names[i])
                # Titles hold commas: a semicolon parts the suggestions.
                text += f" Đề nghị bỏ các mục có thể bỏ (từ dưới lên): {'; '.join(dropped)}."
            if self.left_over > 0:
                if self.drop:
                    text += f" Nhưng bỏ hết các mục có thể bỏ vẫn thừa {mss(self.left_over)}."
                text += f" {self._cut_off()} {self._shorten()}"
            elif self.cut:
                lead = "Bỏ các mục đó rồi, n" if self.drop else "N"
                tune = self.rows[-1]
                text += (
                    f" {lead}hạc hiệu kết thúc ({tune.number}) chỉ phát "
                    f"{mss(tune.seconds - self.cut)} trong {mss(tune.seconds)} rồi hạ nhỏ dần để "
                    "chương trình kết thúc đúng giờ."
                )
            return [text]
        if -self.over_under > LIGHT_TOLERANCE:
            short = -self.over_under
            fill = (
                "thêm một tin ngắn hoặc đọc chậm hơn một chút"
                if short <= self.total * RATE_ADJUST
                else f"cần thêm tin cho khoảng {mss(short)} nữa; đọc chậm hơn không bù được "
                "chừng ấy"
            )
            return [
                f"Chương trình dài {mss(self.total)}, thiếu {mss(short)} so với "
                f"khung giờ {mss(self.slot)}: {fill}."
            ]
        return []

    def _cut_off(self) -> str:
        """Which rows, read in order without those suggested for dropping, end after the slot."""
        dropped = set(self.drop)
        end = 0
        last = None
        for index, row in enumerate(self.rows):
            if index in dropped:
                continue
            end += row.seconds
            if end > self.slot:
                break
            last = row.number
        lead = "Bỏ các mục đó rồi" if self.drop else "Theo thứ tự hiện tại"
        if last is None:
            return f"{lead}, ngay mục đầu tiên đã không kịp phát hết trong khung giờ."
        return f"{lead}, chỉ phát kịp đến hết {last}: các mục sau {last} không kịp phát."

    def _shorten(self) -> str:
        """What can make a long episode fit: reading faster only when a little is missing."""
        faster = " hoặc đọc nhanh hơn" if self.left_over <= self.total * RATE_ADJUST else ""
        return (
            f"Cần rút gọn tin{faster}, hoặc chuyển bớt tin sang buổi phát sau "
            "(radio: {air_date: …})."
        )

    def late(self, index: int) -> bool:
        """Whether row `index`, read in order, ends after the slot (it cannot make it)."""
        row = self.rows[index]
        return row.cume + row.seconds > self.slot

    def faded(self, index: int) -> int | None:
        """The seconds row `index` airs for, read in order, when it is the closing tune that
        ends after the slot yet starts early enough to be faded out (`MIN_TUNE_PLAY`)."""
        row = self.rows[index]
        room = self.slot - row.cume
        if not self.fades_out or index != len(self.rows) - 1:
            return None
        return room if MIN_TUNE_PLAY <= room < row.seconds else None


def time_rundown(
    seconds: Sequence[int],
    *,
    air_start: dt.datetime,
    slot: int,
    floatable: Sequence[bool] = (),
    separators: Sequence[bool] = (),
    fades_out: bool = False,
) -> Timing:
    """Apply E2–E5 to item durations (already E1-rounded) for an episode starting at `air_start`;
    a `separators` row (a stinger between two items) is dropped with an item it no longer joins.
    `fades_out`: the last row is a closing tune, which absorbs a few seconds over the slot by
    ending early rather than having an item dropped for them."""
    total = sum(seconds)
    count = len(seconds)
    room = max(seconds[-1] - MIN_TUNE_PLAY, 0) if fades_out and count else 0
    # E4 with the closing tune ending as early as the running order needs (and may): an
    # episode a few seconds long can still start its first item on time.
    faded = min(max(total - slot, 0), room)
    rows = []
    cume = 0
    for index, duration in enumerate(seconds):
        remaining = total - cume
        rows.append(
            Row(
                number=f"A{index + 1}",
                seconds=duration,
                cume=cume,
                on_air=air_start + dt.timedelta(seconds=cume),
                backtime=air_start + dt.timedelta(seconds=slot - remaining + faded),
            )
        )
        cume += duration
    over_under = total - slot
    drop: list[int] = []
    excess = over_under
    flags = list(floatable) + [False] * (count - len(floatable))
    joins = list(separators) + [False] * (count - len(separators))
    kept = [True] * count
    for index in range(count - 1, -1, -1):
        if excess <= room:
            break
        if flags[index] and not joins[index]:
            kept[index] = False
            drop.append(index)
            excess -= seconds[index]
            partner = _lone_separator(index, kept, joins)
            if partner is not None:
                kept[partner] = False
                drop.append(partner)
                excess -= seconds[partner]
    over = excess if drop else over_under
    return Timing(
        tuple(rows),
        total,
        slot,
        over_under,
        tuple(drop),
        frozenset(i for i in range(count) if joins[i]),
        0 if over <= room else over,
        over if 0 < over <= room else 0,
        fades_out,
    )


def _lone_separator(index: int, kept: Sequence[bool], joins: Sequence[bool]) -> int | None:
    """The separator that row `index`, just dropped, leaves joining nothing: the nearest kept row
    before it if that is one (it led into the dropped item), else the nearest kept row after."""
    before = next((i for i in range(index - 1, -1, -1) if kept[i]), None)
    if before is not None and joins[before]:
        return before
    after = next((i for i in range(index + 1, len(kept)) if kept[i]), None)
    return after if after is not None and joins[after] else None


def mss(seconds: int) -> str:
    """E6: a duration as m:ss; from an hour on as h:mm:ss ("61:40" was read as a clock time)."""
    minutes, rest = divmod(int(seconds), 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{rest:02d}"
    return f"{minutes}:{rest:02d}"


def clock(moment: dt.datetime) -> str:
    """E6: a clock time as hh:mm:ss."""
    return f"{moment:%H:%M:%S}"


def air_clock(moment: dt.datetime) -> str:
    """An episode's air time as hh:mm, as [radio] air_time sets it and staff say it ("17:00"),
    the same in every header (the running order's columns keep seconds, E6)."""
    return f"{moment:%H:%M}"
