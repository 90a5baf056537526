"""Emoji that stand for a word (R1.9). Every emoji is dropped (publish.radio.markdown), which
is right for decoration (⚠️, ✅, 📞 before a number) but not where it carries the sentence: a
«no» sign with no «không» beside it (`🚫 Chuyển tiền cho người lạ` read as advice to send
money) holds the item, and an emoji where a verb goes, after «hãy», «đừng», «không» (`Hãy 📞
cho Công an`), is told to the editor. Neither is read as a word: «cấm» or «không» is a guess
(the sign may be a list's bullet).
"""

from __future__ import annotations

import re
import unicodedata

from publish.radio.flags import BLOCKING, WARNING, Context
from publish.radio.tail import ends_before

__all__ = ["NO_PAUSE_AFTER", "pictographs_told"]

NEGATION_SIGNS = "🚫⛔❌❎✖✗✘🛑🙅"
"""Signs that say «no», «don't»: dropping one can turn a warning into its opposite."""
NO_PAUSE_AFTER = frozenset({"hãy", "đừng", "không", "chớ", "cấm", "nên", "phải"})
"""Words an emoji after them leaves no comma behind («Không, chuyển tiền» says the opposite of
`Không 🚫 chuyển tiền`): what follows is their verb."""
_MAYBE_EMOJI = re.compile("[\u2190-\u2bff\U0001f000-\U0001faff]")
"""Where emoji and these signs are (arrows, symbols, dingbats, pictographs): no Vietnamese letter
or punctuation, so a paragraph without one skips the checks."""
_NEGATION_SIGN = re.compile(f"[{NEGATION_SIGNS}]")
_NEGATION = r"(?i:không|đừng|chớ|cấm|tránh)(?!\w)"
_NEGATION_BEFORE = re.compile(r"(?<!\w)" + _NEGATION + r"[^.,;:!?\n]*$")
_NEGATION_AFTER = re.compile(r"[^\w.,;:!?]*" + _NEGATION)
"""`Không 🚫 chuyển tiền`, `Không cung cấp mã OTP ❌`, `❌ KHÔNG chuyển tiền`: a word of the
clause before the sign, or the word right after it, says it; the sign only repeats it."""
_DECORATION = "✅✔☑⚠❗❕‼⭐🌟✨🔥💯👉➡📢📣🔴🟢"
"""Emoji that mark or point and never stand for a verb (`Hãy ✅ báo ngay`)."""
_SIGN_FOR_A_VERB = re.compile(
    r"(?<!\w)(" + "|".join(sorted(NO_PAUSE_AFTER)) + r")[ *_]+([^\w\s.,;:!?()\"'*_-])"
    r"[\ufe0f\u200d\U0001f3fb-\U0001f3ff ]*[*_]*\s*(?=[^\W\d_])",
    re.IGNORECASE,
)
"""An emoji between «hãy», «đừng», «không»… and the next word (`Đừng 💸 cho người lạ`): where
their verb goes."""


def pictographs_told(text: str, ctx: Context) -> None:
    """Flag the emoji of `text` whose dropping changes what the sentence says (R1.9)."""
    if not _MAYBE_EMOJI.search(text):
        return
    for m in _NEGATION_SIGN.finditer(text):
        if not _negation_beside(text, m):
            ctx.flag(
                "R1.9",
                BLOCKING,
                f"Biểu tượng «{m[0]}» có nghĩa «không», «cấm» nhưng không được đọc: bỏ nó đi "
                f"thì câu có thể thành ngược nghĩa («{m[0]} Chuyển tiền cho người lạ» thành lời "
                "khuyên chuyển tiền). Cách sửa: viết «không», «đừng» hay «cấm» bằng lời (ví dụ "
                "«Không chuyển tiền cho người lạ»); nếu biểu tượng chỉ là dấu đầu dòng, thay "
                "bằng dấu «-».",
                m[0],
            )
    for m in _SIGN_FOR_A_VERB.finditer(text):
        sign = m[2]
        if sign in NEGATION_SIGNS or sign in _DECORATION or unicodedata.category(sign) != "So":
            continue
        ctx.flag(
            "R1.9",
            WARNING,
            f"Biểu tượng «{sign}» sau «{m[1]}» có thể thay cho một từ (việc cần làm) mà không "
            f"được đọc: người nghe chỉ nghe «{m[1]}» rồi phần sau. Cách sửa: viết từ ấy bằng "
            "lời; biểu tượng chỉ để trang trí thì bỏ đi.",
            sign,
        )


def _negation_beside(text: str, m: re.Match[str]) -> bool:
    """Whether a word saying «no» opens the clause of the sign at `m`, or follows the sign."""
    return bool(
        ends_before(_NEGATION_BEFORE, text, m.start()) or _NEGATION_AFTER.match(text, m.end())
    )
