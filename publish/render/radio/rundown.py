"""Rundown timing for one episode (spec §3.2, E1–E6): durations, cume, on-air, backtime, over/under."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["LIGHT_TOLERANCE", "Row", "Timing", "clock", "mss", "time_rundown"]

LIGHT_TOLERANCE = 15
"""E5: an episode lighter than its slot by more than this many seconds gets a warning."""


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
    """E5: indexes of floatable items to drop (bottom up) when heavy."""

    @property
    def verdict(self) -> str:
        """The over/under in words: "vừa khung giờ", "thừa 0:12", "thiếu 0:48"."""
        if self.over_under > 0:
            return f"thừa {mss(self.over_under)}"
        if self.over_under < 0:
            return f"thiếu {mss(-self.over_under)}"
        return "vừa khung giờ"

    def warnings(self, slugs: Sequence[str]) -> list[str]:
        """E5 warnings in Vietnamese (never automatic edits); `slugs` name the rows."""
        if self.over_under > 0:
            text = (
                f"Chương trình dài {mss(self.total)}, thừa {mss(self.over_under)} so với "
                f"khung giờ {mss(self.slot)}."
            )
            if self.drop:
                names = ", ".join(f"{self.rows[i].number} {slugs[i]}" for i in self.drop)
                text += f" Đề nghị bỏ các mục có thể bỏ (từ dưới lên): {names}."
            else:
                text += " Cần rút gọn tin hoặc đọc nhanh hơn."
            return [text]
        if -self.over_under > LIGHT_TOLERANCE:
            return [
                f"Chương trình dài {mss(self.total)}, thiếu {mss(-self.over_under)} so với "
                f"khung giờ {mss(self.slot)}: thêm một tin ngắn hoặc đọc chậm hơn."
            ]
        return []


def time_rundown(
    seconds: Sequence[int],
    *,
    air_start: dt.datetime,
    slot: int,
    floatable: Sequence[bool] = (),
) -> Timing:
    """Apply E2–E5 to item durations (already E1-rounded) for an episode starting at `air_start`."""
    total = sum(seconds)
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
                backtime=air_start + dt.timedelta(seconds=slot - remaining),
            )
        )
        cume += duration
    over_under = total - slot
    drop: list[int] = []
    excess = over_under
    flags = list(floatable) + [False] * (len(seconds) - len(floatable))
    for index in range(len(seconds) - 1, -1, -1):
        if excess <= 0:
            break
        if flags[index]:
            drop.append(index)
            excess -= seconds[index]
    return Timing(tuple(rows), total, slot, over_under, tuple(drop))


def mss(seconds: int) -> str:
    """E6: a duration as m:ss."""
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


def clock(moment: dt.datetime) -> str:
    """E6: a clock time as hh:mm:ss."""
    return f"{moment:%H:%M:%S}"
