"""The radio's intro or outro still naming the built-in programme after [radio] program was renamed.

`publish init` and the sample write the programme's name three times: `program`, and inside the
sentences of `intro` and `outro`. A unit that names its own programme («Phú Quốc bình yên») in
`program` sees it atop every script, while the presenter still reads «chuyên mục Vì an ninh Tổ
quốc» on air. The same holds for a programme renamed a second time: the name after «chuyên mục»
in the sentence is compared, not only the built-in one. A note names the lines; a text may
rightly name the national campaign, so it does not stop --strict.
"""

from __future__ import annotations

import re

from publish.config import CONFIG_NAME, DEFAULT_PROGRAM, Config, line_of_key
from publish.errors import Problem
from publish.text import fold, nfc

__all__ = ["check"]


def check(config: Config) -> list[Problem]:
    """A note for each of [radio] intro and outro that names a programme other than the one
    [radio] program names: the built-in one, or any named after «chuyên mục»."""
    radio = config.radio
    stale = {
        key: _other_programme(said, radio.program)
        for key, said in (("intro", radio.intro), ("outro", radio.outro))
    }
    if not any(stale.values()):
        return []
    try:
        text = (config.root / CONFIG_NAME).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""  # config.load read it a moment ago: the note goes without its line
    return [
        Problem(
            CONFIG_NAME,
            f"lời {'dẫn' if key == 'intro' else 'kết'} phát thanh nhắc chuyên mục "
            f"«{named}», nhưng [radio] program nay là «{radio.program}»",
            field=f"[radio] {key}",
            line=line_of_key(text, ("radio", key)) if text else None,
            hint=f"Người đọc đọc câu này trên sóng: sửa tên chuyên mục trong {key} thành "
            f"«{radio.program}»; nhắc «{named}» là đúng ý thì để nguyên.",
            severity="note",
        )
        for key, named in stale.items()
        if named
    ]


NAMED = re.compile(
    r"(?i)chuyên mục\s+[\"“«„']?(?P<name>[^\s\"”»“,.;:!?…()][^\"”»“,.;:!?…()\n]*?)"
    r"(?=[\"”»“,.;:!?…()\n]|\s+(?:do|đến đây|của|xin|hôm nay|tuần này|kỳ này|số|phát sóng|được"
    r"|hẹn|trên sóng|vừa|với|và|là|sẽ|tới)\b|$)"
)
"""A programme's name after «chuyên mục», capitalised as names are («chuyên mục Phú Quốc bình
yên do …»), up to the punctuation or the word that ends it."""


def _other_programme(said: str, program: str) -> str | None:
    """The programme `said` names that is not `program`: the built-in one, else the first
    named after «chuyên mục» when `program` is nowhere in it; None when it names no other."""
    heard, own = _said(said), _said(program)
    if own != _said(DEFAULT_PROGRAM) and _said(DEFAULT_PROGRAM) in heard:
        return DEFAULT_PROGRAM
    if own in heard:
        return None
    for found in NAMED.finditer(nfc(said)):
        name = found["name"].strip()
        if name[:1].isupper() and _said(name) != own:
            return name
    return None


def _said(text: str) -> str:
    """A text as it sounds for comparing: NFC, without case, accents or repeated spaces."""
    return " ".join(fold(nfc(text)).split())
