"""The words that name Vietnam's administrative places, one list for every reader of an address:
the radio script (publish.radio.place_kinds), the personal-data lint (publish.pii) and the
website's emergency-number links (publish.render.web.phones). Each wrote its own, and each
missed a different word («xóm», «bản», «buôn», «làng», «tổ dân phố»)."""

from __future__ import annotations

__all__ = ["KINDS", "SUB_COMMUNE_KINDS", "sub_commune_pattern"]

KINDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")
"""Every place's kind, in lower case; a unit adds one here and every reader of kinds sees it."""

SUB_COMMUNE_KINDS = ("tổ dân phố", "khu phố", "thôn", "ấp", "xóm", "khóm", "bản", "buôn", "làng")
"""The places below a commune or a ward (hamlets, villages, residential groups), in lower case,
one list for every rule that looks for an address: each rule wrote its own, and each missed a
different word («xóm 3, T. Nghệ An», «Đ/c: bản Na Hang»). «tổ» and «khu» alone are also such
places (`tổ 5`, `khu 3`) but as often a team or an area (`tổ công tác`, `khu vực`): the rules
that take them add them."""


def sub_commune_pattern(space: str = " ") -> str:
    """The sub-commune kinds as a regular expression's alternatives, the longest first («tổ dân
    phố» before «thôn»), `space` between a kind's words (`[ \\t]+` where a pattern must not
    cross a line); «buôn» not in «buôn bán», «buôn lậu» (trading, not a village: `số 111, buôn
    bán người`). No word boundary after: the caller adds its own."""
    gap = r"\s++" if space == " " else space
    return "|".join(
        kind.replace(" ", space) + rf"(?!{gap}(?i:bán|lậu)(?!\w))"
        if kind == "buôn"
        else kind.replace(" ", space)
        for kind in sorted(SUB_COMMUNE_KINDS, key=len, reverse=True)
    )
