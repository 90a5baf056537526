"""Pass P9: whatever is still unreadable in the final script becomes an editor flag (spec §7)."""

from __future__ import annotations

import functools
import re

from publish.radio.abbreviations import (
    BRAND_OPENINGS,
    COMPANY_LETTERS,
    KEEP_AS_WORD,
    SEVERAL_MEANINGS,
    SPELLED_ACRONYMS,
    brand_follows,
    caps_spellings,
)
from publish.radio.caps import (
    VIETNAMESE_SYLLABLE,
    WORD,
    beside_shouted,
    may_hold_capitals,
    reads_as_a_word,
    shouted,
)
from publish.radio.flags import BLOCKING, WARNING, Context
from publish.radio.measures import CHANGE_ARROWS
from publish.radio.name_titles import THING_OR_TITLE
from publish.radio.numbers import roman_value
from publish.radio.readtime import (
    LONG_SENTENCE,
    count_syllables,
    long_sentences,
    long_unpaused_runs,
    spoken_part,
)

__all__ = ["check_paragraph"]

_DIGITS = re.compile(
    r"(?<![^\s,;!?“”\"()])(?:[^\s,;!?“”\"()]|,(?=\d))*[0-9](?:[^\s,;!?“”\"()]|,(?=\d))*"
)
"""A word holding a digit, its decimal comma inside it (`2,5T` is one word to show the editor,
not «2» and «5T»). Tried only where a word starts (the look-behind): tried at each character, a
long word with none was rescanned from each, 1 s of CPU for 5,000 characters."""
_SYMBOLS = r"[%/&@#*_\[\]{}<>=+$€~^|≥≤°º℃℉\\" + CHANGE_ARROWS + "]"
"""The symbols no rule reads (the arrows of a change where no number is beside them, a degree
sign with no number before it)."""
_SYMBOL = re.compile(r"(?<!\S)\S*" + _SYMBOLS + r"\S*")
"""A word holding a symbol, tried only where a word starts (as _DIGITS)."""
_SIGN = re.compile(r"(?<!\S)-+\S+")
"""A word that starts with a minus sign: no rule read it (R12.4), so the reader would have to."""
_ASCII_DIGIT = re.compile(r"[0-9]")
_SYMBOL_CHAR = re.compile(_SYMBOLS)
"""`\\` too: one the website shows (in code, `\\\\`, `C:\\Users`) is a path or a code no listener
can note down, and a reader would say it as they guess. The arrows of a change
(`measures.CHANGE_ARROWS`) too, where no number is beside them (`Số vụ ↓`): «tăng» or «giảm» of
what, the reader cannot tell."""


_SOURCE_BACKSLASH_WORD = re.compile(r"(?<!\S)\S*\\\S*")
_SHOWN_BACKSLASH = re.compile(r"\\\\|\\(?![!-/:-@\[-`{-~])")
"""A backslash the website shows: an escaped one (`\\\\`), or one escaping no ASCII punctuation
(`C:\\Users`); `\\*` shows a star alone."""
_QUOTE_ENDS = "`*_\"“”'()[]<>"
_LONE_X = re.compile(r"(?<![\w.@/-])x(?![\w@/-]|\.\w)")
"""A small «x» standing alone in the script («gấp hai x»): the letter typed for ×, which no rule
read; Vietnamese has no word «x»."""
_LONE_X_CONTEXT = re.compile(r"(?:\S+ )?(?<![\w.@/-])x(?![\w@/-]|\.\w)\S*(?: \S+)?")


_CAPITALISED_RUN = re.compile(
    r"(?<![A-Za-z])(?>[a-z]*)(?P<run>[A-Z](?>[A-Za-z]*)(?: [A-Z](?>[A-Za-z]*))+)"
)
"""Capitalised plain-ASCII words in a row (`run`, from a word's first capital: `iPhone Pro` is
`Phone Pro`): where names and phrases from English are found. Tried once per run of letters, at
its start: tried from each capital, 100,000 «X» in a row were scanned to their end each time."""
_PRONOUNCER_AFTER = re.compile(r"\s*\(\s*đọc\s*:")
_PRONOUNCED = re.compile(r"(?<!\w)([^\W\d_]+)\s*\(\s*đọc\s*:")
"""A word the editor wrote a pronouncer for (S6): the reader is told how to say it."""


@functools.lru_cache(maxsize=4096)
def _foreign(word: str) -> bool:
    """A word a Vietnamese reader cannot read by its spelling (`Official`); not an acronym."""
    return not word.isupper() and not VIETNAMESE_SYLLABLE.fullmatch(word)


_FOREIGN_WORDS = frozenset(
    # Drugs every seizure report names by their foreign name.
    {"methamphetamine", "amphetamine", "ketamine", "cocaine", "cannabis", "fentanyl", "ecstasy"}
    | {"nimetazepam", "tramadol"}
    # Platforms and words of online fraud and crypto scams.
    | {"binance", "bybit", "huobi", "coinbase", "metamask", "deepfake", "livestream", "crypto"}
    | {"blockchain", "metaverse", "airdrop", "forex", "stablecoin"}
)
"""Single foreign words a reader may trip on (S6), in lower case. `_foreign_phrases` sees only
two capitalised words in a row (`Honda Vision`): telling one foreign word by its spelling alone
would flag every brand and app name, so the ones bulletins keep using are listed (household
names read as written, `Facebook`, `Zalo`, are KEEP_AS_WORD)."""
_FOREIGN_WORD = re.compile(
    rf"(?<![^\W\d_])(?i:{'|'.join(sorted(_FOREIGN_WORDS, key=len, reverse=True))})(?![^\W\d_])"
)


def _foreign_phrases(text: str, ctx: Context) -> None:
    """Two or more foreign words in a row: the reader may trip, so suggest a pronouncer (S6) at
    the first, until the editor wrote one."""
    known = ctx.memo("known caps", lambda: _known_caps(ctx))
    said: set[str] = ctx.memo("foreign said", set)  # told or pronounced: asked once a bulletin
    for m in _CAPITALISED_RUN.finditer(text):
        start, end = m.span("run")
        if start and text[start - 1].isalpha():
            continue
        pronounced = bool(_PRONOUNCER_AFTER.match(text, end))
        words = m["run"].split(" ")
        if end < len(text) and text[end].isalpha():
            words.pop()  # `Phan Thủy`: the last word goes on in letters the run does not take
        run: list[str] = []
        for word in [*words, ""]:
            if word and _foreign(word) and word not in known:
                run.append(word)
                continue
            phrase = " ".join(run)
            if len(run) >= 2 and phrase not in said:
                said.add(phrase)
                if not pronounced:
                    _ask_pronouncer(ctx, "Cụm từ", phrase)
            run = []


def _foreign_words(text: str, ctx: Context) -> None:
    """One of `_FOREIGN_WORDS` (`Methamphetamine`, `livestream`): suggest a pronouncer (S6) at
    its first, until the editor wrote one, as for a phrase."""
    lowered = text.lower()
    if not any(word in lowered for word in _FOREIGN_WORDS):
        return  # most paragraphs: cheaper than the search below
    said: set[str] = ctx.memo("foreign said", set)
    for m in _FOREIGN_WORD.finditer(text):
        word = m[0].lower()
        if word in said:
            continue
        said.add(word)
        if not _PRONOUNCER_AFTER.match(text, m.end()):
            _ask_pronouncer(ctx, "Từ", m[0])


def _ask_pronouncer(ctx: Context, kind: str, written: str) -> None:
    """Tell the editor of a foreign `written` word or phrase to say in Vietnamese (S6)."""
    ctx.flag(
        "S6",
        WARNING,
        f"{kind} nước ngoài «{written}»: người đọc có thể vấp. Nên viết bằng tiếng Việt, hoặc "
        f"ghi cách đọc ngay sau lần đầu: «{written} (đọc: …)».",
        written,
    )


def _known_caps(ctx: Context) -> frozenset[str]:
    """Upper-case words read as written: fixed lists and lexicon entries that expand to themselves."""
    same = {k for k, v in ctx.abbreviations.items() if k == v}
    return KEEP_AS_WORD | SPELLED_ACRONYMS | COMPANY_LETTERS | same


def _unknown_caps(text: str, ctx: Context, pronounced: set[str]) -> None:
    """Unknown upper-case tokens stay as written and block approval (R14.6, Q3), unless the
    editor wrote how to say them (`pronounced`, S6)."""
    if not may_hold_capitals(text):
        return
    words = WORD.findall(text)
    known = ctx.memo("known caps", lambda: _known_caps(ctx))
    for i, token in enumerate(words):
        if len(token) < 2 or not token.isupper() or reads_as_a_word(token):
            continue
        if token in known or token in ctx.flagged_tokens or roman_value(token):
            continue
        if _opens_a_brand(words, i) or (i and _opens_a_brand(words, i - 1)):
            continue  # `CH Play`, and `CH PLAY` in the capitals of a scam warning
        if token in pronounced:
            continue  # `Wave RSX (đọc: …)`: S6 says how; it need not be written out or listed
        if shouted(words, i):
            continue  # part of a line written in capitals ("CẢNH BÁO TIN GIẢ", "AN NINH")
        if beside_shouted(words, i):
            # Such lines always passed: blocking them now would stop bulletins unannounced. Not
            # remembered in flagged_tokens, so the token still blocks where written alone.
            ctx.flag("R14.6", WARNING, _shouted_message(token, ctx), token)
            continue
        ctx.flagged_tokens.add(token)
        ctx.flag("R14.6", BLOCKING, _unknown_message(token, ctx), token, _line_alone(token, ctx))


def _line_alone(token: str, ctx: Context) -> int | None:
    """The first source line of the paragraph where `token` stands as a word of its own: the
    line of its first letters anywhere named «CHÚ Ý» or «CH Play» when the «CH» to write out
    was on the next. None when no line holds it so (the passes wrote it): `line_of` decides."""
    alone = re.compile(rf"(?<!\w){re.escape(token)}(?!\w)")
    for number, text in ctx.lines:
        if any(not brand_follows(token, text, m.end()) for m in alone.finditer(text)):
            return number
    return None


def _opens_a_brand(words: list[str], i: int) -> bool:
    """Whether `words[i]` is the letters of a brand's name before its next word (`CH Play`)."""
    following = BRAND_OPENINGS.get(words[i])
    return following is not None and i + 1 < len(words) and words[i + 1].casefold() == following


def _unknown_message(token: str, ctx: Context) -> str:
    """Why an upper-case token is kept and flagged, and how to fix it."""
    several = ctx.memo("caps several", lambda: caps_spellings(frozenset(ctx.abbreviations))[1])
    if token in several:
        words = " hay ".join(f"«{word}»" for word in several[token])
        return (
            f"Chữ «{token}» viết hoa toàn bộ có thể là {words} nên được giữ nguyên, không đánh "
            "vần. Cách sửa: viết đúng chữ hoa, chữ thường của chữ muốn dùng."
        )
    if token in SEVERAL_MEANINGS:
        return _several_meanings_message(token, ctx)
    if token in THING_OR_TITLE:
        # A reading in the unit's dictionary wins over the title before every name
        # (name_titles.own_titles): «TS<TAB>tài sản» would read «tài sản Nguyễn Văn A».
        thing, title = THING_OR_TITLE[token]
        return (
            f"Chữ viết tắt «{token}» chưa có trong từ điển nên được giữ nguyên, không đánh vần "
            f"(nó chỉ được đọc là «{title}» khi chắc chắn đứng trước tên người). Cách sửa: viết "
            f"đầy đủ chữ muốn đọc trong bản tin (như «{thing}»). Không nên thêm «{token}» vào "
            f"{ctx.lexicon_file}: cách đọc ghi ở đó thay cho «{title}» trước mọi tên người (như "
            f"«{token} Nguyễn Văn A»)."
        )
    return (
        f"Chữ viết tắt «{token}» chưa có trong từ điển nên được giữ nguyên, không đánh vần. "
        f"Cách sửa: viết đầy đủ trong bản tin hoặc thêm vào {ctx.lexicon_file} một dòng: chữ viết "
        f"tắt, một ký tự Tab, cách đọc (ví dụ «{token}<TAB>…»); tên riêng, tên mẫu xe, tên sản "
        f"phẩm thì ghi cách đọc ngay sau lần viết đầu: «{token} (đọc: …)»."
    )


def _several_meanings_message(token: str, ctx: Context) -> str:
    """Why «CH» alone is held: it stands for several words, and the fix is the word meant,
    written out where the flag's line shows it and wherever else it stands alone."""
    meanings, example = SEVERAL_MEANINGS[token]
    words = ", ".join(f"«{word}»" for word in meanings[:-1]) + f" hay «{meanings[-1]}»"
    brand = BRAND_OPENINGS.get(token)
    kept = f" («{token} {brand.capitalize()}», tên kho ứng dụng, thì giữ nguyên)" if brand else ""
    return (
        f"Chữ viết tắt «{token}» có thể là {words}: người đọc không biết đọc chữ nào, nên bản "
        f"đọc giữ nguyên «{token}» và người nghe không hiểu. Cách sửa: viết đầy đủ chữ muốn đọc, "
        f"ví dụ «{example}», ở dòng này và ở mọi chỗ khác trong bản tin có «{token}» đứng "
        f"riêng{kept}. Chỉ thêm vào {ctx.lexicon_file} một dòng «{token}<TAB>{meanings[0]}» khi "
        f"mọi chữ «{token}» đơn vị viết đều là «{meanings[0]}»."
    )


def _shouted_message(token: str, ctx: Context) -> str:
    """Why an unknown upper-case token in a line written in capitals is worth a look."""
    return (
        f"Chữ «{token}» trong dòng viết hoa chưa có trong từ điển: bản đọc giữ nguyên, âm thanh "
        "nháp đánh vần từng chữ cái. Nếu là chữ viết tắt, nên thêm vào "
        f"{ctx.lexicon_file} một dòng: chữ viết tắt, một ký tự Tab, cách đọc (ví dụ "
        f"«{token}<TAB>…»)."
    )


def symbol_message(word: str) -> str:
    """The Q2 message for a word holding a symbol; a backslash says what it usually is."""
    if "\\" in word:
        return (
            f"Còn dấu gạch chéo ngược không đọc được: «{word}» (thường là đường dẫn thư mục hay "
            "mã trên máy tính, người nghe không ghi lại được). Cách sửa: viết lại bằng lời (ví dụ "
            "«thư mục Tài liệu trên ổ đĩa D»), hoặc bỏ khỏi bản tin."
        )
    if any(arrow in word for arrow in CHANGE_ARROWS):
        return (
            f"Còn mũi tên không đọc được: «{word}». Mũi tên chỉ được đọc «tăng», «giảm» khi đứng "
            "sát một con số (ví dụ «↓20%»). Cách sửa: viết «tăng …», «giảm …» bằng lời, hoặc bỏ "
            "mũi tên."
        )
    if any(sign in word for sign in "°º℃℉"):
        return (
            f"Còn ký hiệu độ không đọc được: «{word}» (không có con số đứng ngay trước). Cách "
            "sửa: viết số liền trước ký hiệu (ví dụ «30°C», «45°») hoặc viết bằng lời («độ C»)."
        )
    return f"Còn ký hiệu không đọc được: «{word}». Cách sửa: viết lại bằng lời."


def _backslash_words_written(ctx: Context) -> list[str]:
    """The words of the paragraph's source lines holding a backslash the website shows, as the
    editor wrote them, without the marks and stops around them (`C:\\Users\\a`)."""
    words: list[str] = []
    for _, line in ctx.lines:
        for m in _SOURCE_BACKSLASH_WORD.finditer(line) if "\\" in line else ():
            word = m[0].strip(_QUOTE_ENDS).rstrip(".,;:!?").rstrip(_QUOTE_ENDS)
            if _SHOWN_BACKSLASH.search(m[0]) and word not in words:
                words.append(word)
    return words


def _not_flagged_yet(words: list[str], ctx: Context) -> list[str]:
    """`words` but those a pass kept as written and flagged already (`Đ/C`, R14.5): a second
    flag for their slash told the editor nothing more."""
    return [
        word
        for word in words
        if word.strip(_QUOTE_ENDS).rstrip(".,;:!?").rstrip(_QUOTE_ENDS) not in ctx.flagged_tokens
    ]


def check_paragraph(text: str, ctx: Context) -> None:
    """Run Q1, Q2, Q3 (R14.6), S6, T7 and T8 on one finished paragraph of the human script."""
    _foreign_phrases(text, ctx)  # with the pronouncers, which answer it
    _foreign_words(text, ctx)
    pronounced: set[str] = ctx.memo("pronounced", set)  # a pronouncer holds for later paragraphs
    if "đọc" in text:
        pronounced.update(m[1] for m in _PRONOUNCED.finditer(text))
    text = spoken_part(text)
    for m in _DIGITS.finditer(text) if _ASCII_DIGIT.search(text) else ():
        ctx.flag(
            "Q1",
            BLOCKING,
            f"Còn chữ số chưa chuyển thành lời: «{m[0].rstrip('.:')}». Cách sửa: viết lại bằng "
            "chữ hoặc theo cách viết chuẩn (ngày 8/12/2020, 14h30, 105.500.000 đồng).",
            m[0].rstrip(".:"),
        )
    symbols = [m[0] for m in _SYMBOL.finditer(text)] if _SYMBOL_CHAR.search(text) else []
    if any("\\" in word for word in symbols):
        written = _backslash_words_written(ctx)
        if written:  # the passes may have read part of it («C:» after «thư mục» as «một trăm:»)
            symbols = [word for word in symbols if "\\" not in word] + written
    for word in _not_flagged_yet(symbols, ctx) if symbols and ctx.flagged_tokens else symbols:
        ctx.flag("Q2", BLOCKING, symbol_message(word), word)
    for m in _SIGN.finditer(text) if "-" in text else ():
        ctx.flag(
            "Q2",
            BLOCKING,
            f"Còn dấu trừ không đọc được: «{m[0]}». Cách sửa: viết lại bằng lời (ví dụ «giảm "
            "15%» thay cho «-15%»).",
            m[0],
        )
    for m in _LONE_X.finditer(text) if " x" in text else ():
        found = _LONE_X_CONTEXT.search(text, max(0, m.start() - 20), m.end() + 20)
        said = found[0] if found else m[0]  # in the script's words: no source line to point at
        ctx.flag(
            "Q2",
            BLOCKING,
            f"Còn chữ «x» đứng riêng: «{said}»; người đọc không biết đọc «nhân» hay tên chữ cái. "
            "Cách sửa: viết «×» hay «nhân» nếu là phép nhân, hoặc viết lại bằng lời.",
            said,
        )
    _unknown_caps(text, ctx, pronounced)
    for run in long_unpaused_runs(text):
        excerpt = " ".join(run.split()[:8]) + " …"
        ctx.flag(
            "T7",
            WARNING,
            "Câu dài hơn 40 âm tiết mà không có dấu ngắt hơi; nên tách câu hoặc thêm dấu phẩy.",
            excerpt,
        )
    for sentence in long_sentences(text):
        ctx.flag(
            "T8",
            WARNING,
            f"Câu dài {count_syllables(sentence)} âm tiết (quá {LONG_SENTENCE}): người đọc hụt "
            "hơi, người nghe khó theo. Cách sửa: tách thành hai, ba câu ngắn.",
            " ".join(sentence.split()[:8]) + " …",
        )
