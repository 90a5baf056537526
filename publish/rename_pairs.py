"""Which new bulletin an old key without `id` became: one pairing for every channel's reader.

A bulletin without `id` is known by its slug, so renaming its file (or editing its `slug`)
makes an old key gone and a new one come. The Zalo sync (publish.sync.zalo_plan), `publish
check` and build's report (publish.withdrawing) and `publish serve` (publish.serve.session)
each tell such a pair apart from a deletion by the same tests, in the same order, so that what
check announces as renamed is what the sync then updates: the same body, then the same title
(and whatever else the caller knows, such as the file a record names). A new bulletin that
declares its own `id` is paired with nothing, however alike: its id is the editor's word that it
is a bulletin of its own (a replacement written with the same title, say), and taking it for the
gone one renamed told check to write the gone key over that id and made the Zalo sync overwrite
the gone one's article with it. Such a one is still found by a second pass of the same tests
over the new bulletins with `id`, for the gone keys left unpaired, as a lookalike: not paired,
told, since an editor who renamed a bulletin by running `publish new` (which writes an `id`) and
pasting its text would otherwise hear only that the old one was deleted. Each test is an index
built once, so pairing N gone keys with N new bulletins costs O(N), not O(N²): a pull request
renaming thousands of files is checked in milliseconds.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Index", "Pairs", "lookalike_advice", "pair_renames"]

T = TypeVar("T")

Index = tuple[Callable[[str], Hashable | None], Callable[[T], Hashable | None]]
"""One test: what an old key is known by (None or "" when it is not known by this), and what
a new bulletin is known by; they pair when both are the same."""


@dataclass(frozen=True, slots=True)
class Pairs(Generic[T]):
    """What pair_renames found, each by old key."""

    renamed: dict[str, T]
    """The new item each old key became."""
    lookalikes: dict[str, T]
    """For old keys none became, the new item that declares its own `id` and matches it
    (same body, same title…): the same bulletin if the editor says so, never taken for it."""


def lookalike_advice(key: str, kept: str, *, whose: str = "") -> str:
    """How a lookalike (Pairs.lookalikes) is told, in lower case, by every reader that tells
    one (`publish check`, build's report, `publish serve`, the Zalo sync's plan): «cùng nội
    dung hoặc tiêu đề`whose` nhưng ghi id riêng: nếu là một bài thì sửa dòng id thành «id:
    KEY» (`kept`)», `key` being the gone bulletin's, `kept` what one bulletin keeps ("" to say
    nothing) and `whose` the gone bulletin named after «tiêu đề» ("" when the sentence names
    it already)."""
    advice = (
        f"cùng nội dung hoặc tiêu đề{whose} nhưng ghi id riêng: nếu là một bài thì sửa dòng id "
        f"thành «id: {key}»"
    )
    return f"{advice} ({kept})" if kept else advice


def pair_renames(
    gone: Sequence[str],
    new: Mapping[str, T],
    indexes: Iterable[Index[T]],
    *,
    own_id: Callable[[T], bool],
) -> Pairs[T]:
    """The new item each of `gone` became and, for those left, the lookalike among the items
    for which `own_id` is true (they declare an `id`, never a gone key's): each paired with
    one of `new` (new key → item, in that order) by the first of `indexes` that pairs it."""
    indexes = tuple(indexes)
    without_id: dict[str, T] = {}
    with_id: dict[str, T] = {}
    for key, item in new.items():
        (with_id if own_id(item) else without_id)[key] = item
    renamed = _pair(gone, without_id, indexes)
    left = [old for old in gone if old not in renamed]
    lookalikes = _pair(left, with_id, indexes) if left and with_id else {}
    return Pairs(renamed, lookalikes)


def _pair(gone: Sequence[str], new: Mapping[str, T], indexes: Sequence[Index[T]]) -> dict[str, T]:
    """Old key → the new item it matches, for each of `gone` (in that order) that one of `new`
    matches by the first of `indexes` that pairs it. Each new item stands for one old key at
    most; within one index the i-th old key of a value takes the i-th new item of it not taken
    yet, whichever side is walked first."""
    found: dict[str, T] = {}
    taken: set[str] = set()
    for old_value, new_value in indexes:
        wanted = {}
        for old in gone:
            if old not in found and (value := old_value(old)):
                wanted[old] = value
        if not wanted:
            continue  # nothing to pair by it: the new side's values are not computed
        needed = set(wanted.values())
        by_value: dict[Hashable, deque[str]] = {}
        for key, item in new.items():
            if key in taken:
                continue
            value = new_value(item)
            if value and value in needed:
                by_value.setdefault(value, deque()).append(key)
        for old, value in wanted.items():
            waiting = by_value.get(value)
            if waiting:
                key = waiting.popleft()
                found[old] = new[key]
                taken.add(key)
    return found
