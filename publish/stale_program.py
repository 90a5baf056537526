"""The radio's intro or outro still naming the built-in programme after [radio] program was renamed.

`publish init` and the sample write the programme's name three times: `program`, and inside the
sentences of `intro` and `outro`. A unit that names its own programme («Phú Quốc bình yên») in
`program` sees it atop every script, while the presenter still reads «chuyên mục Vì an ninh Tổ
quốc» on air. A note names the lines; a text may rightly name the national campaign, so it does
not stop --strict.
"""

from __future__ import annotations

from publish.config import CONFIG_NAME, DEFAULT_PROGRAM, Config, line_of_key
from publish.errors import Problem
from publish.text import fold, nfc

__all__ = ["check"]


def check(config: Config) -> list[Problem]:
    """A note for each of [radio] intro and outro that names the built-in programme while
    [radio] program names another."""
    radio = config.radio
    built_in = _said(DEFAULT_PROGRAM)
    if _said(radio.program) == built_in:
        return []
    try:
        text = (config.root / CONFIG_NAME).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""  # config.load read it a moment ago: the note goes without its line
    return [
        Problem(
            CONFIG_NAME,
            f"lời {'dẫn' if key == 'intro' else 'kết'} phát thanh nhắc chuyên mục "
            f"«{DEFAULT_PROGRAM}», nhưng [radio] program nay là «{radio.program}»",
            field=f"[radio] {key}",
            line=line_of_key(text, ("radio", key)) if text else None,
            hint=f"Người đọc đọc câu này trên sóng: sửa tên chuyên mục trong {key} thành "
            f"«{radio.program}»; nhắc «{DEFAULT_PROGRAM}» là đúng ý thì để nguyên.",
            severity="note",
        )
        for key, said in (("intro", radio.intro), ("outro", radio.outro))
        if built_in in _said(said)
    ]


def _said(text: str) -> str:
    """A text as it sounds for comparing: NFC, without case, accents or repeated spaces."""
    return " ".join(fold(nfc(text)).split())
