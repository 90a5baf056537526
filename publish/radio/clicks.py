"""Whether a sentence holding a link asks the listener to click it (R1.3), or only mentions one.

R1.3 lists `Link` among the words of a call to action. Searched anywhere in a sentence, «link»
took every sentence that holds a link and names one for a call to click: «[Công an tỉnh](…)
khuyến cáo không nhấn vào link trong tin nhắn.», a warning, went off air whole. A call to click
opens with «Link» (`Link đăng ký: …`), names the link it gives (`link sau: https://…`, `link
[này](…)`, `[link](…)`), or asks to click (`bấm vào`, `nhấn vào`); the same words after
«không», «đừng», «chớ», «tránh» tell the listener not to, a warning read on air.
"""

from __future__ import annotations

import re

from publish.radio.tail import ends_before

__all__ = ["POINTER", "calls_to_click"]

POINTER = re.compile(r"(?i:xem thêm|xem chi tiết|xem tại|tại đây|nguồn:)")
"""Words that only send the reader to look elsewhere, whatever else the sentence says: never
a scam warning's (publish.radio.markdown)."""
_HERE_LINK = re.compile(r"\[\s*+(?i:(?:ở\s++)?đây)\s*+\]\(")
"""A link that reads only «đây» (`bấm [đây](…)`): it points, whatever the words before it."""
_CLICK = re.compile(
    r"(?i:^[\W_]*+link(?!\w)"
    r"|(?<!\w)link(?:\s++[^\W\d_]++){0,2}?\s*+:?\s*+(?=\[|https?://|www\.)"
    r"|\[[^\[\]]*?(?<!\w)link(?!\w)[^\[\]]*\]\("
    r"|(?<!\w)(?:bấm|nhấn) vào(?!\w))"
)
"""«Link» opening the sentence, naming the link right after it (up to two words between) or
being the link's own text, and the verbs of clicking."""
_REFUSED = re.compile(r"(?i:(?<!\w)(?:không|đừng|chớ|tránh)(?:\s++[^\W\d_]++){0,3}?\s*+$)")
"""A refusal up to three words before the click: `không nhấn vào`, `tuyệt đối không bấm vào`,
`không nên nhấn vào [link](…)`, `đừng vội bấm vào`."""


def calls_to_click(sentence: str) -> bool:
    """Whether a sentence that holds a link sends the listener to it (R1.3): pointing words,
    or a click it does not tell them to refrain from."""
    if POINTER.search(sentence) or _HERE_LINK.search(sentence):
        return True
    return any(
        not ends_before(_REFUSED, sentence, click.start()) for click in _CLICK.finditer(sentence)
    )
