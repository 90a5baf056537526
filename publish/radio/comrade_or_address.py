"""`Đ/c` before a colon: «địa chỉ» when an address follows, «đồng chí» before a person's name
(R14.4 reads every `Đ/c` «đồng chí»: «Đồng chí: số mười hai, ấp ba» was read on air)."""

from __future__ import annotations

import re

from publish.radio.flags import BLOCKING, Context
from publish.radio.given_names import a_full_name, a_given_name, a_place_like_a_name
from publish.radio.place_kinds import KINDS_PATTERN, SUB_COMMUNE_PATTERN

__all__ = ["comrade_or_address"]

_BEFORE_A_COLON = re.compile(r"(?<![\w/])([Đđ])/([cC])(?![\w/])[^\S\n]*+:[^\S\n]*+")
"""`Đ/c:`, `đ/c:`, `Đ/C:` and the spaces around its colon."""
_ADDRESS = re.compile(
    r"(?:\d|(?i:số|số nhà|nhà|trụ sở|đường|phố|hẻm|ngõ|ngách|kiệt|lô|"
    + SUB_COMMUNE_PATTERN
    + r"|tổ|khu vực|quốc lộ|tỉnh lộ|"
    + KINDS_PATTERN
    + r")(?!\w)|(?:KP|TDP|QL|TP|TX|TT)(?![^\W_])|[PQ]\.?[^\S\n]*+\d)"
)
"""What opens an address: a house number, a street, a hamlet, a commune, a ward (`số 12`,
`ấp 3`, `12 Lê Lợi`, `P. 5`, `trụ sở Công an xã`), in any case (`Ấp Tân Hòa`); not `H. Lan`, a person's initial."""
_CLAUSE = re.compile(r"[^,;:()\n]{0,80}")
"""What follows the colon up to the clause's first mark: where a name would be."""
_PLACE_NEXT = re.compile(
    r"[^\S\n]*+,[^\S\n]*+(?i:" + KINDS_PATTERN + "|" + SUB_COMMUNE_PATTERN + r"|tổ)(?!\w)"
)
"""`, phường 5` after a name: a street named after someone (`Đ/c: Nguyễn Văn Cừ, phường 5`)."""


def _name_after(text: str, start: int) -> bool:
    """Whether a person's name, and no street named after one, opens `text` at `start`: a full
    name (`Nguyễn Văn A`), a given name (`Thanh Tùng`) or an initial and one (`Q. Tâm`), its
    words capitalised, not a place's (`Long An`), with no commune or ward after it."""
    clause = _CLAUSE.match(text, start)
    written = clause[0].split() if clause else []
    words: list[str] = []
    for word in written:
        if not word[0].isupper() or not word.rstrip(".").isalpha():
            break
        words.append(word.rstrip("."))
    if words and len(words[0]) == 1 and len(words) > 1:
        words = words[1:]  # `Q. Tâm`: the initial of a name
    if not (a_full_name(words) or a_given_name(words[-2:]) or a_given_name(words[-1:])):
        return False
    if a_place_like_a_name(" ".join(words)):
        return False
    # `Đ/c: Nguyễn Văn Cừ, phường 5`: a street named after someone, if the name is all there is.
    end = clause.end() if clause else start
    return len(words) < len(written) or not _PLACE_NEXT.match(text, end)


def comrade_or_address(text: str, ctx: Context) -> str:
    """`Đ/c:` before an address is «địa chỉ»; before a person's name «đồng chí» (`Đ/c`, `đ/c`
    left for the lexicon to read so; `Đ/C`, which R14.5 holds, written out); otherwise the
    item is held (R14.5): the reader cannot tell which is meant."""
    if "/" not in text:
        return text

    def said(m: re.Match[str]) -> str:
        if _ADDRESS.match(text, m.end()):
            return "địa chỉ: "
        if _name_after(text, m.end()):
            return "đồng chí: " if m[2] == "C" else m[0]
        if m[2] == "c":  # `Đ/C` is held as written by the lexicon pass (R14.5)
            written = f"{m[1]}/c:"
            ctx.flag(
                "R14.5",
                BLOCKING,
                f"«{written}» có thể là «địa chỉ» hay «đồng chí»: sau nó không rõ là một địa chỉ "
                "(số nhà, «số», «ấp», «đường», «xã», «phường»…) hay họ tên một người (họ tên mà "
                "ngay sau là «, phường», «, xã» có thể là tên đường), nên công cụ không đoán; tạm "
                "đọc «đồng chí». Cách sửa: viết đầy đủ, ví dụ «Địa chỉ: trụ sở Công an xã …» hay "
                "«Đồng chí Nguyễn Văn A …».",
                written,
            )
        return m[0]

    return _BEFORE_A_COLON.sub(said, text)
