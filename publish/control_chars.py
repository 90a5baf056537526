"""Control characters and the other invisible ones no reader sees (see CONTROL_RE), in a
file's text or written as YAML escapes ("\\x0b"): removed as the file is read, each line that
held one told in its own warning, with its field (or «nội dung»), the characters by name and
code, and what was done with them.

A removal must not join two words nor leave two spaces: Word's line and page breaks pasted
inside a line (U+000B, U+000C) between two words become a space; a character removed between
two spaces takes one of them with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from publish.errors import Problem
from publish.text import CharClass

__all__ = [
    "CONTROLS",
    "CONTROL_RE",
    "CONTROL_RUNS",
    "Lost",
    "Removed",
    "char_name",
    "chars_named",
    "problems",
    "scrubbed",
    "without_controls",
]

CONTROLS = CharClass(
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff"
    "\u2061-\u2064\u115f\u1160\u3164\uffa0",
    "\U000e0000-\U000e007f",
)
CONTROL_RE = CONTROLS.whole
"""Characters no XML (feeds, .docx) may hold and no reader can see; tab and newline are kept.
With them the direction marks and overrides (U+202E…): unseen, they show the text around them
backwards or out of order ("Trojan Source"), so a title can read unlike what it says, and
Vietnamese never needs one. So too the invisible operators (U+2061-2064), the Hangul fillers
(U+115F, U+1160, U+3164, U+FFA0: blank letters, used to make names or links that look empty)
and the tag characters (U+E0000-E007F: they hide text no reader sees; only the flags of
England, Scotland and Wales use them, which lose their emblem but stay flags)."""
CONTROL_RUNS = re.compile(f"(?:{CONTROL_RE.pattern})+")
"""A run of them, taken out at once (see control_chars.scrubbed)."""
BREAKS = frozenset("\x0b\x0c")
"""Word's line break (Shift+Enter) and page break, as pasted: a space where they part words."""
NAMES = {
    "\x00": "ký tự rỗng",
    "\x07": "ký tự chuông",
    "\x08": "ký tự xóa lùi",
    "\x0b": "ký tự ngắt dòng của Word",
    "\x0c": "ký tự ngắt trang",
    "\x1b": "ký tự thoát (ESC)",
    "\x7f": "ký tự xóa (DEL)",
    "\u061c": "dấu chiều chữ Ả Rập",
    "\u200e": "dấu chiều chữ trái sang phải",
    "\u200f": "dấu chiều chữ phải sang trái",
    "\ufffe": "ký tự không hợp lệ",
    "\uffff": "ký tự không hợp lệ",
}
"""What a warning calls the characters it names one by one (see char_name for the others)."""
_RANGES = (
    ("\x00", "\x1f", "ký tự điều khiển"),
    ("\x80", "\x9f", "ký tự điều khiển"),
    ("\u202a", "\u202e", "dấu đổi chiều chữ"),
    ("\u2066", "\u2069", "dấu đổi chiều chữ"),
    ("\u2061", "\u2064", "dấu phép toán vô hình"),
    ("\U000e0000", "\U000e007f", "ký tự thẻ vô hình"),
)
_FILLERS = "\u115f\u1160\u3164\uffa0"
HINT = (
    "Ký tự này không hiện trên màn hình và đã được xử lý khi đọc, nên bài vẫn đăng đúng. Muốn tệp "
    "sạch: gõ lại đoạn đó ở dòng này (dán từ Word thì dùng Ctrl+Shift+V để dán chữ thuần)."
)


@dataclass(frozen=True, slots=True)
class Removed:
    """One character removed from a text: where it was, and whether a space took its place."""

    at: int
    char: str
    spaced: bool


Lost = dict[str, list[Removed]]
"""The characters each field of the front matter lost, by its key (see _field)."""


def scrubbed(text: str, runs: re.Pattern[str]) -> tuple[str, list[Removed]]:
    """`text` without the characters `runs` finds (a run of them per match), a space left where
    a line or page break parted two words and one space taken where two would be left; and
    each character removed."""
    kept: list[str] = []
    removed: list[Removed] = []
    done = 0
    for run in runs.finditer(text):
        start, end = run.span()
        if start < done:
            continue  # its run began inside the space taken after the run before
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        spaced = not before.isspace() and not after.isspace() and not BREAKS.isdisjoint(run[0])
        kept.append(text[done:start] + (" " if spaced else ""))
        removed += [Removed(start + i, c, spaced and c in BREAKS) for i, c in enumerate(run[0])]
        done = end + 1 if before == " " and after == " " else end
    if not removed:
        return text, []
    kept.append(text[done:])
    return "".join(kept), removed


def without_controls(
    value: Any,
    runs: re.Pattern[str],
    field: str = "",
    then: Callable[[str], str] | None = None,
) -> tuple[Any, Lost]:
    """`value` (front matter data) with the characters `runs` finds removed from every string
    inside it (keys too), as `scrubbed` does, each string then passed through `then` when
    given (the loader's other cleanup, told of by no one), and what each field lost (see
    _field)."""
    if isinstance(value, str):
        text, removed = scrubbed(value, runs)
        return then(text) if then else text, {field: removed} if removed else {}
    lost: Lost = {}
    if isinstance(value, list):
        items = []
        for item in value:
            clean, found = without_controls(item, runs, field, then)
            items.append(clean)
            _merge(lost, found)
        return items, lost
    if isinstance(value, dict):
        mapping = {}
        for key, item in value.items():
            inner = _field(field, str(key))
            clean_key, found_key = without_controls(key, runs, inner, then)
            clean, found = without_controls(item, runs, inner, then)
            mapping[clean_key] = clean
            _merge(lost, found_key)
            _merge(lost, found)
        return mapping, lost
    return value, {}


def _field(outer: str, key: str) -> str:
    """The field a key inside `outer` is told as: a top-level key, or one of a block
    (`zalo.title`), as frontmatter.Parsed.line_of finds their lines."""
    if not outer:
        return key
    return outer if "." in outer else f"{outer}.{key}"


def _merge(into: Lost, found: Lost) -> None:
    """Add what `found` says each field lost to `into`."""
    for key, removed in found.items():
        into.setdefault(key, []).extend(removed)


def problems(
    source: str,
    by_line: dict[int, tuple[str | None, list[Removed]]],
) -> list[Problem]:
    """A warning for each line of `source` that lost a character: its field (None: the body;
    "": a line of the front matter holding none), the characters and what was done with them."""
    return [
        Problem(source, _message(field, removed), field or None, line, HINT, "warning")
        for line, (field, removed) in sorted(by_line.items())
    ]


def _message(field: str | None, removed: Iterable[Removed]) -> str:
    """«đã bỏ ký tự xóa lùi (U+0008) …» for what one line lost (in its field, or «nội dung»)."""
    dropped = chars_named(r.char for r in removed if not r.spaced)
    spaced = chars_named(r.char for r in removed if r.spaced)
    done = []
    if dropped:
        done.append(f"bỏ {dropped}")
    if spaced:
        done.append(f"thay {spaced} bằng dấu cách")
    where = "" if field else "nội dung: " if field is None else "phần đầu: "
    return (
        f"{where}đã {' và '.join(done)} (ký tự điều khiển vô hình, thường do dán từ Word hoặc PDF)"
    )


def chars_named(chars: Iterable[str]) -> str:
    """Each distinct character of `chars` by name and code, in the order first met."""
    return ", ".join(char_name(c) for c in dict.fromkeys(chars))


def char_name(char: str) -> str:
    """«ký tự xóa lùi (U+0008)»: a character no reader sees, by what it is and its code."""
    name = NAMES.get(char) or _range_name(char)
    return f"{name} (U+{ord(char):04X})"


def _range_name(char: str) -> str:
    """The name of the kind of invisible character `char` is."""
    if char in _FILLERS:
        return "ký tự trống tiếng Hàn"
    for first, last, name in _RANGES:
        if first <= char <= last:
            return name
    return "ký tự vô hình"
