"""Numbers written with their middle digits hidden (`091*****78`, `0912.xxx.678`), as scam
warnings quote a caller's number and as `publish check` tells editors to hide a person's: read
as where they start and end, digit by digit (R9.2), never as the two numbers either side."""

from __future__ import annotations

import re

from publish.contact_numbers import country_lead
from publish.number_words import bare_84_phone
from publish.radio.flags import BLOCKING, Context
from publish.radio.numbers import DIGIT_WORDS
from publish.radio.pauses import pause_after
from publish.radio.tail import SENTENCE_TAIL, ends_before
from publish.radio.unit_names import UNIT_OPENING

__all__ = ["MASK", "masks_kept", "read_masked_numbers"]

MASK = "x"
"""What every hidden digit is written as once `masks_kept` has run (the Markdown passes take a
star for emphasis: `087*******89` was left «087***89»)."""

_HIDDEN = r"(?:\*{2,}|[xX]{2,})(?:\.(?:\*+|[xX]+)|\s(?:[xX]+))*"
"""Two or more hidden digits, in groups split by a dot (`***.***`) or, for `x`, a space: a
star run split by a space is two bold marks (`**113** **114**`), no number."""
_MASKED = re.compile(
    rf"(?P<head>[+\d](?<![\w*#\\.,/+][+\d])(?:(?<=\+)\d|(?<!\+))(?:[ .]?\d){{1,8}})[ .]?(?P<hidden>{_HIDDEN})"
    rf"(?:(?! \d(?![ .]?\d))[ .]?(?P<tail>\d(?:[ .]?\d){{0,7}}))?(?![\w*]|[.,]\d)"
)
"""Digits, hidden ones, and the last ones if shown (`0868.***.***` hides them too, `0912.345.xxx`
only the last three; `+84 xxx xxx xxx`, a caller from abroad), in groups too (`0912 xxx 456
789`: «… kết thúc bằng bốn năm sáu» then «bảy trăm tám mươi chín» was read). One digit after a
space is no tail but a count (`0868.xxx.xxx 2 lần gọi` was read «… kết thúc bằng hai, lần
gọi»)."""
_HIDDEN_AFTER_DIGIT = re.compile(r"\d[ .]?[xX](?:[xX]|[ .]?\d)")
"""Two hidden digits, or one `x` between digits (`0912 x 456`): in every number this module reads."""
_LONE_X = re.compile(
    r"(?<![\w*#\\.,/+])(?P<head>(?:\+\d|0)\d(?:[ .]?\d){2,4})[ .]?(?P<hidden>[xX])[ .]?"
    r"(?P<tail>\d(?:[ .]?\d){1,7})(?![\w*]|[.,]\d)"
)
"""A phone number's start, one `x`, digits (`Gọi 0912 x 456`): hidden digits written with one
letter, or a product typed with the letter for ×? Either way no product of two numbers: it was
read «không chín một hai x bốn trăm năm mươi sáu» with no word to the editor."""
_LONE_NUMBER_WORD = re.compile(
    r"(?i:(?<!\w)(?:số(?: lạ)?|số điện thoại|SĐT|số máy|thuê bao))\s*:?\s*[\"”»]?\s*:?\s*$"
)
"""`số 091*****78`, `số: …`, `số lạ +84 xxx`, `SĐT 0865.xxx.xxx`: the number's own «số»
already said («số điện thoại số bắt đầu bằng …» was read), also as a quotation's last word
(`nhắn: "vui lòng liên hệ số" 0912.xxx.xxx`). After «điện thoại» alone, «số» is still said
(«dùng điện thoại số bắt đầu bằng …»)."""
_CALL_US = re.compile(
    r"(?i:(?:liên hệ|đường dây nóng|hotline|tổng đài|trực ban|(?:xin|hãy|vui lòng|ngay|cần|nên)"
    r" +(?:gọi|báo|phản ánh)(?: +(?:ngay|về|đến|tới|cho|qua))?)(?: +(?:số|qua số))?"
    r"(?: +điện thoại)? *:? *)$"
)
"""Words inviting the listener to call, right before a number: the unit's own line, never a
caller's number hidden in a scam warning, so its hidden digits are still to be filled in."""
_UNIT_NAMED = rf"(?:[Tt]rực ban +)?(?:{UNIT_OPENING})(?: +[^\W\d_]+){{0,6}}"
"""A unit's name («Công an xã Tân Phú», «Đội CSGT»), or its duty desk («trực ban Công an xã»,
written in lower case inside a sentence)."""
_UNIT_SPEAKS = re.compile(rf"(?<!\w)(?:{UNIT_OPENING})(?!\w)")
"""A unit named in the words introducing a quotation (`Công an xã khuyến cáo: "…"`): its own."""
_OFFICER_NAMED = (
    r"(?i:đồng chí|cán bộ|ông|bà|anh|chị)(?: +[^\W\d_]+){1,4}"
    rf"(?: *, *[^\W\d_]+(?: +[^\W\d_]+){{0,3}} +{_UNIT_NAMED})?"
)
"""An officer by name, and the post they hold in the unit («đồng chí Trần Văn Tú, Trưởng Công
an xã»)."""
_CALL_UNIT = re.compile(
    r"(?i:(?<!\w)(?:liên hệ|gọi|báo|phản ánh|gửi)(?: +(?:ngay|về|đến|tới|cho|với))*) +"
    rf"(?:{_UNIT_NAMED}|{_OFFICER_NAMED})"
    r"(?:(?i: +(?:qua|theo) +số| *, *(?:số(?: +điện thoại)?|điện thoại|SĐT|hotline))"
    r"(?i: +điện thoại)? *:? *| *: *| *\( *)$"
)
"""A call verb, then the unit's name or an officer's, then its number («gọi cho Công an xã
theo số …», «liên hệ Công an xã Tân Phú, số điện thoại …», «Liên hệ Công an xã Tân Phú: …»,
«… (0912.xxx.xxx)», «Mọi tin báo gửi về Trực ban Công an xã: …», «liên hệ đồng chí Trần Văn
Tú, Trưởng Công an xã, số …»): the unit's own line, as after `_CALL_US`."""
_UNITS_NUMBER = re.compile(
    r"(?i:(?<!\w)(?:số điện thoại|số máy|SĐT|điện thoại|đường dây nóng|hotline|số)"
    r"(?: +(?:trực ban|trực|đường dây nóng))?(?: +của)?) +"
    rf"{_UNIT_NAMED} *(?:là)? *:? *$"
)
"""The unit's number named as its («Số điện thoại của Công an xã Tân Phú: …», «Đường dây nóng
Công an xã …»): the unit's own line."""
_UNIT_LOOK_BACK = 90
"""Characters before a number in which `_CALL_UNIT` is looked for."""
_SENTENCE_END = re.compile(r"[.;!?\n](?!\d)")
_LISTENER = r"(?:người dân|bà con|nhân dân|quần chúng|mọi người|quý vị)"
"""The listener, as the unit names them when asking them to call."""
_INVITED_BY = re.compile(
    r"(?i:(?<!\w)(?:xin|hãy|vui lòng|đề nghị|(?:mọi )?(?:thông tin|tin báo)(?: chi tiết)?"
    rf"|khi cần|{_LISTENER}(?: +(?:cần|nên|hãy|vui lòng|có thể))?)) *$"
)
"""What may stand before the call words in their clause when the unit asks the listener to call
(`Người dân liên hệ …`, `Mọi thông tin xin liên hệ …`); anything else (`Nạn nhân đã liên hệ …`)
tells of someone else's call."""
_PHONE_NOUN = re.compile(r"(?i:(?:số +)?(?:điện thoại|máy)|số)")
"""A phone's noun alone before the line's name (`Điện thoại trực ban: …`)."""
_LISTENER_CALLS = re.compile(rf"\s*(?i:{_LISTENER})(?!\w)")
"""A clause opening with the listener («Người dân phát hiện đối tượng khả nghi báo ngay cho Công
an xã …»): theirs is the call, the scam word what they report."""
_CALL_VERB = re.compile(
    r"(?i:(?<!\w)(?:liên hệ|gọi|báo|phản ánh)(?: +(?:ngay|về|đến|tới|cho|qua|với))*) *$"
)
"""`liên hệ`, `báo ngay cho` before the line's name (`liên hệ đường dây nóng …`): still the call."""
_ASKED = re.compile(r"(?i:(?<!\w)(?:xin|hãy|vui lòng)) *$|(?i:xin|hãy|vui lòng)\s")
"""«hãy», «xin», «vui lòng» right before the call words (`… hãy liên hệ đường dây nóng`), or
opening them (`hãy gọi`): the unit asking the listener to call, even after a scam word."""
_CLAUSE_END = re.compile(r"[.;:!?,\n](?!\d)")
_SCAM_WORDS = re.compile(
    r"(?i:(?<!\w)(?:đối tượng|giả danh|mạo danh|kẻ gian|tự xưng|nạn nhân|lừa|số lạ)(?!\w))"
)
"""Words of a scam warning: a number after them in its clause is the caller's, hidden on
purpose, even after «liên hệ» or «tổng đài» (`tự xưng là nhân viên tổng đài 0912.xxx.xxx`;
`Kẻ mạo danh nhắn tin: "… liên hệ số 0912.xxx.xxx"` was held as the unit's line)."""
_OR = re.compile(r" *(?:,|/|hoặc|,? hay)(?: +số)? *")
"""What stands between two numbers a listener may call either of."""
_CALL_LOOK_BACK = 40
"""Characters before a number in which `_CALL_US` is looked for."""
UNFILLED = "số chưa điền"
"""What stands in the script for a number whose digits are still to be written: blocked, so
never read, and no digits left for the number passes to read («một chín không không»)."""
_NUMBER_WORD_BEFORE = re.compile(
    r"(?i:(?<!\w)số(?P<noun>(?>(?: +(?:điện thoại|máy|di động|đường dây nóng|hotline|tổng đài))*)))"
    r" *:? *$"
)
"""The «số» a number still to be filled in follows, which `UNFILLED` says again; with what
kind of number after it (`số điện thoại`), «số» stays and only «chưa điền» is added."""
_LOOK_BACK = 20
"""Characters before a number in which its «số» is looked for."""


def _masked(m: re.Match[str]) -> bool:
    """Whether a `_MASKED` match is a masked number: with no digits after the hidden ones,
    only when they are more than the two stars closing bold (`**113**`)."""
    return bool(m["tail"]) or m["hidden"] not in ("**", "__")


def masks_kept(text: str) -> str:
    """`text` with the hidden digits of every masked number written `x`, before the Markdown
    passes take a run of stars for emphasis."""
    if "*" not in text:
        return text
    return _MASKED.sub(lambda m: m[0].replace("*", MASK) if _masked(m) else m[0], text)


_GROUP_GAP = re.compile(r"[ .]")
_PHONE_GROUPS = (4, 3, 3)
"""R9.2: a phone number written without separators is said 4-3-3 (`0912345678`)."""
_ABROAD = re.compile(country_lead("[ .]?"))
"""A country code opening a number's shown digits, by the rule every channel reads one
(publish.contact_numbers.country_lead): «+84», «0084» (as dialled from abroad), a bare «84»
before a mobile's digits (as Zalo copies a number: `84912xxx678` was held as a number still to be
filled in, «0084 912 xxx 678» lost its end); never «84.9xx.xxx đồng», an amount's thousands."""
_ABROAD_GROUP = 3
"""R9.2: after the country code, the nine digits are said 3-3-3."""


def _country_code(head: str) -> str:
    """The country code opening a masked number's shown digits `head` («+84», «0084», «84»,
    with the gap after it), or "" for a number written from its 0."""
    found = _ABROAD.match(head)
    return found[0] if found else ""


def _digits(part: str, *, start: bool = False) -> str:
    """The digits of `part`, one word each, a leading `+` «cộng», a comma (a breath pause)
    between the writer's groups (R9.2: «Keep the writer's grouping; insert `,` between
    groups»); a number's `start` written in one run is grouped as its whole number would be."""
    groups = [group for group in _GROUP_GAP.split(part) if group]
    if start and len(groups) == 1:
        groups = _phone_groups(groups[0])
    return ", ".join(_digit_words(group) for group in groups)


def _phone_groups(run: str) -> list[str]:
    """An unseparated start of a phone number in R9.2's groups: `0912345` → 0912, 345;
    `+84912` → +84, 912; `0084912` → 0084, 912."""
    if abroad := _country_code(run):
        rest = run[len(abroad) :]
        chunks = [rest[i : i + _ABROAD_GROUP] for i in range(0, len(rest), _ABROAD_GROUP)]
        return [abroad, *chunks]
    groups = []
    for size in _PHONE_GROUPS:
        if run:
            groups.append(run[:size])
            run = run[size:]
    return groups + ([run] if run else [])


def _digit_words(group: str) -> str:
    """The digits of one group, one word each, a leading `+` «cộng»."""
    plus = ["cộng"] if group.startswith("+") else []
    return " ".join(plus + [DIGIT_WORDS[int(c)] for c in group if c.isdigit()])


def read_masked_numbers(text: str, ctx: Context) -> str:
    """`gọi từ số 091xxxxx78` → `gọi từ số bắt đầu bằng không chín một, kết thúc bằng bảy
    tám`; «số» is said first when the text does not already say it. A number still to be
    filled in (`1900.xxxx`, `liên hệ 0912.xxx.xxx`) blocks the item (Q1) and is not read."""
    if not _HIDDEN_AFTER_DIGIT.search(text):
        return text  # the usual case: «xe», «xã» hold an x, no number does
    text = _LONE_X.sub(lambda m: _lone_x(m, ctx), text)
    text = _phone_words_written_out(text)
    parts = []
    done = 0
    unfilled_end = -1
    for m in _MASKED.finditer(text):
        if not _masked(m):
            continue
        before = text[done : m.start()]
        # «xin gọi 1900.xxxx hoặc 0912.xxx.xxx»: the other way to call us is unfilled too.
        alternative = unfilled_end >= 0 and _OR.fullmatch(text, unfilled_end, m.start())
        if alternative or _unfilled(text, m):
            _flag_unfilled(m[0], ctx)
            # «Liên hệ số 0912.xxx.xxx» said «Liên hệ số số chưa điền», «số điện thoại
            # 0912.xxx.xxx» «số điện thoại số chưa điền».
            said_before = _NUMBER_WORD_BEFORE.search(before)
            if said_before is None:
                parts += [before, UNFILLED]
            elif said_before["noun"]:
                parts += [before, UNFILLED.removeprefix("số ")]
            else:
                parts += [before[: said_before.start()], UNFILLED]
            done = unfilled_end = m.end()
            continue
        tail = m["tail"] if m["tail"] and not _whole_without_tail(m) else ""
        end = m.end() if tail else m.end("hidden")
        said = f"bắt đầu bằng {_digits(m['head'], start=True)}"
        if tail:
            said += f", kết thúc bằng {_digits(tail)}"
        if not _LONE_NUMBER_WORD.search(text[max(0, m.start() - _LOOK_BACK) : m.start()]):
            said = "số " + said
        said += pause_after(text, end)  # «… kết thúc bằng bảy tám, tự xưng …»: its end
        parts += [before, said]
        done = end
    return "".join([*parts, text[done:]])


_PHONE_ABBREVIATION = re.compile(
    r"(?<!\w)(?:(?P<number>[Ss]ố) +ĐT|SĐT|ĐT)"
    rf"(?P<gap>(?: +(?:trực ban|của))*(?: +{_UNIT_NAMED})? *(?:là)? *:? *)$"
)
"""«SĐT», «ĐT», «số ĐT» right before a number, or before the unit's name and its number («ĐT
của Công an xã Tân Phú: …»): the phone (R9.1, R14.5)."""


def _phone_words_written_out(text: str) -> str:
    """`text` with «SĐT», «ĐT», «số ĐT» before a masked number written as the words they stand
    for, which every rule here reads: «liên hệ SĐT 0912.xxx.xxx» was read by its start where
    «liên hệ số điện thoại 0912.xxx.xxx» is held, and «ĐT», the number already words when
    the abbreviations are read, was held as unresolved."""
    if "ĐT" not in text:
        return text
    parts = []
    done = 0
    for m in _MASKED.finditer(text):
        said = ends_before(_PHONE_ABBREVIATION, text, m.start()) if _masked(m) else None
        if said is None or said.start() < done:
            continue
        number = said["number"] or ("số" if said[0].startswith("S") else "")
        words = f"{number} điện thoại" if number else "điện thoại"
        parts += [text[done : said.start()], words, said["gap"]]
        done = m.start()
    return "".join([*parts, text[done:]])


_PHONE_DIGITS = 10
"""Digits of a Vietnamese phone number (0 and nine more; +84 and nine more is eleven, 0084 and
nine more thirteen)."""


def _whole_without_tail(m: re.Match[str]) -> bool:
    """Whether the shown and hidden digits already make a whole phone number, so digits after a
    space are a count of something else: `0868.xxx.xxx 25 lần` was read «… kết thúc bằng hai
    năm, lần»."""
    between = m.string[m.end("hidden") : m.start("tail")]
    if between != " ":
        return False
    head = sum(c.isdigit() for c in m["head"])
    hidden = sum(c in "xX*" for c in m["hidden"])
    # The country code stands for the number's 0: «+84», «84» a digit more, «0084» three.
    code = _country_code(m["head"])
    extra = sum(c.isdigit() for c in code) - 1 if code else int(m["head"].startswith("+"))
    return head + hidden >= _PHONE_DIGITS + extra


def _unfilled(text: str, m: re.Match[str]) -> bool:
    """Whether a masked number is one still to be written: no phone or ID number's (those open
    with 0 or a country code; `1900.xxxx`, `113x`), or the unit's own line shown by its first digits alone after
    words asking the listener to call (`liên hệ 0912.xxx.xxx`)."""
    code = _country_code(m["head"])
    if not m["head"].startswith(("0", "+")) and not code:
        return True
    if code.startswith("8") and not bare_84_phone(text, m.start(), m.end()):
        return True  # «Số 845xx người», «mã đơn 84912xxx678»: no phone's, as before a bare 84 was
    if m["tail"]:
        return False
    quoted = _quote_opened(text, m.start())
    if quoted >= 0 and _a_scammers_quote(text, quoted):
        # «Đối tượng nhắn tin: "Anh vui lòng liên hệ số 0912.xxx.xxx …"»: the scammer's own
        # words quoted, their «vui lòng» no unit asking; the number is the caller's, hidden.
        return False
    window = max(0, m.start() - _CALL_LOOK_BACK)
    call = _CALL_US.search(text, window, m.start())
    if call is None:
        return _unit_named_line(text, m)
    # Only the call's own clause: «Khi phát hiện đối tượng nghi vấn, người dân hãy liên hệ …»
    # is the unit's line, the scam word belonging to the clause before.
    start = _last_end(_CLAUSE_END, text, call.start())
    clause = _CALL_VERB.sub("", text[start : call.start()])
    # «Người dân khi phát hiện đối tượng nghi vấn hãy liên hệ …»: the unit asking, whatever
    # the words before; a scammer's demand so written is held too, the safe way round.
    if _ASKED.search(clause) or _ASKED.match(call[0]):
        return True
    if _SCAM_WORDS.search(text, start, m.start()):
        return False
    # «Điện thoại trực ban: 0912.xxx.xxx», «Số điện thoại đường dây nóng: …»: the line's name.
    invited = not clause.strip() or _PHONE_NOUN.fullmatch(clause.strip()) is not None
    return invited or _INVITED_BY.search(clause) is not None


def _a_scammers_quote(text: str, quoted: int) -> bool:
    """Whether the quotation opening at `quoted` gives a scammer's words: a scam word in the
    words introducing it (`Đối tượng nhắn tin: "…"`), or, when those name neither a scammer nor
    a unit (`Đối tượng gọi cho chị B, nói: "…"`), in its sentence before it."""
    sentence = _last_end(_SENTENCE_END, text, quoted)
    # The clause the quotation's own colon ends: «Trước tình hình lừa đảo, Công an xã khuyến
    # cáo: "…"» is the unit speaking, the scam word belonging to the clause before.
    said_end = sentence + len(text[sentence:quoted].rstrip(" :"))
    said = max(sentence, _last_end(_CLAUSE_END, text, said_end))
    if _SCAM_WORDS.search(text, said, quoted):
        return True
    if _UNIT_SPEAKS.search(text, said, quoted):
        return False
    return _SCAM_WORDS.search(text, sentence, quoted) is not None


def _unit_named_line(text: str, m: re.Match[str]) -> bool:
    """Whether a masked number follows a call verb and the unit's name in its sentence, the
    unit asking the listener to call (`Vui lòng gọi cho Công an xã theo số 0912.xxx.xxx`)."""
    start = max(_last_end(_SENTENCE_END, text, m.start()), m.start() - _UNIT_LOOK_BACK)
    call = _CALL_UNIT.search(text, start, m.start()) or _UNITS_NUMBER.search(text, start, m.start())
    if call is None:
        return False
    # Only the call's own clause: «Người dân phát hiện đối tượng khả nghi, liên hệ Công an xã
    # …» is the unit's line, the scam word belonging to the clause before.
    start = max(start, _last_end(_CLAUSE_END, text, call.start()))
    before = text[start : call.start()]
    if _LISTENER_CALLS.match(before):
        return True
    if _SCAM_WORDS.search(text, start, m.start()):
        return False
    return not before.strip() or bool(_ASKED.search(before) or _INVITED_BY.search(before))


_OPENING_QUOTES = "“«"
_CLOSING_QUOTES = "”»"


def _quote_opened(text: str, pos: int) -> int:
    """Where the quotation holding `pos` opens in its paragraph («"…», «“…»: a quoted message
    may hold sentences of its own), or -1 when `pos` stands in no quotation. One closed before
    the number needs no look: its call words (`nhắn: "vui lòng liên hệ" số 0912.xxx.xxx`) end
    at the quote mark, where `_CALL_US` finds none, so the number is the caller's; words asking
    to call after it (`"trúng thưởng", người dân vui lòng liên hệ số …`) are the unit's."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - SENTENCE_TAIL)
    opened = -1
    for at in range(start, pos):
        char = text[at]
        if char in _OPENING_QUOTES:
            opened = at
        elif char in _CLOSING_QUOTES:
            opened = -1
        elif char == '"':
            side = _straight_quote_side(text, at)
            opened = at if side > 0 or (side == 0 and opened < 0) else -1
    return opened


_BEFORE_AN_OPENING = "([:–-"
_AFTER_A_CLOSING = ".,;:!?…)]–-"


def _straight_quote_side(text: str, at: int) -> int:
    """Whether the `"` at `at` opens (1) or closes (-1) a quotation by what stands either side
    (` "Lừa`, `sản".`), or 0 when they do not tell: the look back starts 1,000 characters
    before a number, maybe inside a quotation, where counting marks took a closing one for an
    opening one."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    opens_after = before.isspace() or before in _BEFORE_AN_OPENING
    closes_before = after.isspace() or after in _AFTER_A_CLOSING
    if opens_after and not closes_before:
        return 1
    if closes_before and not opens_after:
        return -1
    return 0


def _last_end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where the last match of `pattern` in text[:pos] ends (the window's start when none):
    where the sentence or clause holding `pos` begins."""
    end = max(0, pos - SENTENCE_TAIL)  # bounded: a paragraph of masked numbers stays linear
    for m in pattern.finditer(text, end, pos):
        end = m.end()
    return end


def _flag_unfilled(written: str, ctx: Context) -> None:
    """Q1: a number with digits still to be written is not read, and keeps the item off air."""
    ctx.flag(
        "Q1",
        BLOCKING,
        f"Số «{written}» còn để trống chữ số (x): số chưa điền, không đọc lên sóng. Cách sửa: "
        "nếu là số của đơn vị (đường dây nóng, trực ban), viết đủ các chữ số; nếu số được che "
        "có chủ ý (số của đối tượng, của người dân), đừng viết các chữ số ra mà ghi rõ đó là số "
        "của ai (ví dụ «đối tượng dùng số 0912.xxx.xxx»), hoặc bỏ số này khỏi bản tin.",
        written,
    )


def _lone_x(m: re.Match[str], ctx: Context) -> str:
    """A phone number with one `x` between its digits, written as a masked number's `xx` for
    `read_masked_numbers` to read by its ends, and blocked (Q1): the editor says which it is."""
    ctx.flag(
        "Q1",
        BLOCKING,
        f"Số «{m[0]}» có một chữ x giữa các chữ số: không rõ là số bị che hay dấu nhân; tạm đọc "
        "là số bị che. Cách sửa: nếu che số, viết mỗi chữ số bị che bằng một x (ví dụ "
        "«0912.xxx.456»); nếu không, viết đủ các chữ số.",
        m[0],
    )
    return f"{m['head']} {MASK * 2} {m['tail']}"
