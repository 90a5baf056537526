"""Gold's fineness (`vàng 9999`, `vàng 999,9`, `vàng 999`): said digit by digit as shops and
listeners say it, never as an amount («chín nghìn chín trăm chín mươi chín»)."""

from __future__ import annotations

import re

from publish.number_words import money_follows
from publish.radio.numbers import digit_by_digit

__all__ = ["read_gold_fineness"]

_FINENESS = re.compile(r"(?<!\w)((?i:vàng))[^\S\n]++(9999|999[.,]9(?![%‰])|999)(?![\w/]|[.,]\d)")
"""`vàng 9999`, `Vàng 999`: the two finenesses a theft or a pawn bulletin names, the first also
written as the share it is (`vàng 999,9`, `999.9`: «chín trăm chín mươi chín phẩy chín» was no
gold anyone names); a count of gold (`10 chỉ vàng`) has the number before the word, a share
(`vàng 999,9%`) its sign after, an amount its currency or scale word after it (`money_follows`, `_SCALE_AFTER`)."""
_SCALE_AFTER = re.compile(r"[^\S\n]*+(?i:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)")
"""`vàng 999,9 nghìn`, its currency left unsaid: an amount still."""


def read_gold_fineness(text: str) -> str:
    """`10 chỉ vàng 9999` → `10 chỉ vàng chín chín chín chín`, `vàng 999,9` as `vàng 9999`."""
    if "9" not in text or ("vàng" not in text and "Vàng" not in text and "VÀNG" not in text):
        return text

    def fineness(m: re.Match[str]) -> str:
        if money_follows(text, m.end()) or _SCALE_AFTER.match(text, m.end()):
            return m[0]  # `bán vàng 999,9 nghìn đồng`: an amount after the word, R5 reads it
        return f"{m[1]} {digit_by_digit(m[2])}"

    return _FINENESS.sub(fineness, text)
