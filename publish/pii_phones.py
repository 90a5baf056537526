"""A private person's phone number in a bulletin: a victim's, a witness's, a family's, a suspect's.

«Bị hại là ông Nguyễn Văn Bình, trú ấp 3, điện thoại 0912 345 678» went out on the website, Zalo
and the radio: a private number must not be published (Nghị định 13/2023/NĐ-CP). Bulletins do
publish numbers on purpose, far more often: the unit's hotline and stations (site.toml), an
officer's number to call («liên hệ đồng chí Trung úy Lê Văn A, số …»), 113-115 (too short to be
taken here), and a scammer's number in a warning («đối tượng dùng số 0912… gọi điện mạo danh»;
the radio tells those apart, Q6 in publish.radio.callers). So a number is told only when what
comes last before it in its sentence is a private person: a role word (bị hại, nạn nhân, nhân
chứng, người nhà, vợ, học sinh…), a titled name with where they live («ông Nguyễn Văn Bình,
trú ấp 3, …», «đối tượng Trần Văn B, ngụ …»), or a titled name the number follows at once
(«ông Nguyễn Văn A, 0912…»; «Ông Tư, 0912…» where a clause opens) in a sentence naming nobody
else, and never when the sentence asks the reader to call («liên hệ», «đường dây nóng»), when a unit, an officer or a caller comes after that person
(«… đến Công an xã Tân Phú, số …», «… bị đối tượng gọi, số …»), when the words right before it
say a caller used it («từ số», «dùng số») or the words right after say it is a scammer's
(«… tự xưng là …»), nor when site.toml holds it. A masked number («0912.xxx.678») is no number.

Speed: the number pattern starts with a literal «0» (re scans for it; the look-behinds come
after it); the forms with a country code («+84», «0084», «84») are tried only at each «84» of a
text, found by a pattern that is that literal alone: the numbers of 850 generated bulletins are
found in ~5 ms (~2.5 with the «0» pattern alone; 9–19 with one pattern starting with choices,
«+84|0084|84|0…»). The word patterns run only on the sentence of a number found.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from publish.config import Config
from publish.contact_numbers import country_lead, dialled, home_digits
from publish.number_words import DASH, GROUP_GAP, LIST_JOIN, bare_84_phone
from publish.text import mask

__all__ = [
    "PHONE_KIND",
    "invites",
    "named_last",
    "names_private",
    "phone_numbers",
    "phone_spans",
    "phone_verdicts",
    "private_phones",
    "unit_phone_numbers",
]

PHONE_KIND = "số điện thoại riêng của "
"""How a finding of this rule starts its kind: the hint for it differs (publish.pii)."""

_SEP = rf"{GROUP_GAP}?"
"""Between a number's digits: a space, a dot or a dash (any the radio reads as a hyphen, with
spaces or not: «0912 – 345 – 678», «0912—345—678»), as the radio reads them."""
_MOBILE = r"[35789]\d(?:" + _SEP + r"\d){7}"
_NUMBER_END = r"(?![\w/]|-\w|[.,]\d)"
_SUBSCRIBER = r"(?:" + _MOBILE + rf"|2\d(?:(?:{GROUP_GAP}|\){GROUP_GAP}?)?\d){{8}})" + _NUMBER_END
_PHONE = re.compile(r"0(?<![\w+]0)(?<!\d[.,]0)" + _SUBSCRIBER)
"""A whole Vietnamese number: a mobile (03, 05, 07, 08, 09 and eight digits more) or a landline
(02, an area code and the subscriber: eleven digits), digits grouped by a space, a dot or a
dash («0912 345 678», «0277.3610.113», «(0277) 3610 113», «(0277) – 3610 – 113», «0912 – 345 –
678»). Twelve digits (a CCCD), a code
glued to letters or «/» and an amount («1.0912…») are none. Starting with a literal «0» (the
look-behinds after it), it is searched several times faster than one starting with choices."""
_ABROAD = re.compile(
    r"(?:\((?<![\w(]\()\+84\)"
    + _SEP
    + "|"
    + country_lead(_SEP, (r"[\w+]", r"\d[.,]"))
    + ")"
    + _SUBSCRIBER
)
"""A number written with the country code for its 0, by the rule every channel reads one
(publish.contact_numbers.country_lead): «+84 912 345 678», «(+84) 912…», «0084 277 3610 113»,
and a bare «84» before a mobile's nine digits («84912345678», as Zalo copies a number). Matched
only at an «84» of the text (`_abroad`)."""
_EIGHTY_FOUR = re.compile("84")
"""What every `_ABROAD` number holds: searched first, as a pattern starting with a literal (4
times faster than `"84" in text` on a Vietnamese text; a pattern starting with choices, `0` among
them, is slower still)."""
_LEADS = (2, 1, 0)
"""How far before an «84» a number holding it may start: «(+84)», «0084»; «+84»; a bare «84»."""
_LIST_JOIN = re.compile(LIST_JOIN)
"""Between two numbers of one list («0912…, 0987… và 0903…»): one verdict for all."""
_SENTENCE_END = re.compile(r"[.!?;…\n](?<!(?<![^\W\d_])[^\W\d_][.!?;…])(?:(?<=\n)|(?=\s))")
"""A sentence's end (a stop before a space, a line break), but for an initial's full stop («em
H. (SĐT …)», «ông N.V.B.»). Starting with the characters, re scans for them: six times faster
than with the look-behind first."""
_REACH = 300
"""Characters before a number read for its sentence: more than any sentence giving a number."""
_TAIL = 80
"""Characters before a number read for the words right before it (`_CALLER_BEFORE`,
`_ATTACHED`): far more than those words and the spaces between them."""
_AFTER_REACH = 120
_W = r"(?<![^\W\d_])"
"""Where a word starts (re's «\\b» takes a digit for a letter)."""
_END = r"(?![^\W\d_])"
_INVITED = re.compile(
    _W + r"(?:liên hệ|liên lạc (?:với|qua|theo)|đường dây nóng|hotline|tổng đài"
    r"|(?<!trình )(?:báo|thông báo|phản ánh|cung cấp)(?: (?:ngay|tin|thông tin))?"
    r" (?:cho|về|tới|đến|vào|qua|theo)"
    r"|gọi (?:ngay|về|theo|tới|đến|vào)|(?:xin|hãy|vui lòng|đề nghị) gọi"
    r"|(?:qua|theo) (?:số|điện thoại|sđt|đt))" + _END
)
"""Anywhere before the number in its sentence: the reader is asked to call it (the unit's, an
officer's, or a family's that wants to be called: «ai biết tin xin báo cho gia đình theo số …»)."""
_NUMBER_NOUN = r"(?:số(?: điện thoại| thuê bao| máy)?|sim(?: rác)?|thuê bao|sđt)"
_CALLER_BEFORE = re.compile(
    _W + r"(?:(?:dùng|sử dụng|mượn|mua|từ|gắn với|liên kết với|đăng ký (?:bằng|với))"
    rf"(?: (?:các|một|những))?(?: {_NUMBER_NOUN})?(?: lạ)?"
    rf"|của(?: (?:các|một|những))? {_NUMBER_NOUN}|{_NUMBER_NOUN} lạ"
    r"|zalo|facebook|telegram|viber"
    r"|tài khoản|stk|tk|cccd|cmnd|cmt|căn cước(?: công dân)?|chứng minh(?: nhân dân| thư)?"
    r"|(?<!cuộc )gọi(?: ngay)?(?: (?:cho|tới|đến|vào))?(?: (?:số|sđt))?)"
    r"[ \t]*+(?:ngân hàng[ \t]*+)?[:(]?[ \t]*+$"
)
"""Right before the number: one a caller used or called from («từ số», «dùng số», «cuộc gọi
của số», «Zalo»), as publish.radio.callers reads it; one to call («gọi 0277…»); or an account
or an ID number (the account and ID rules' to tell: «CCCD 0872030012», a digit short, is no
phone of the person the sentence names)."""
_CALLER_AFTER = re.compile(
    r"[ \t]*+\)?[ \t]*+[,.]?[ \t]*+(?:(?:đã|liên tục|thường xuyên|nhiều lần|từng)[ \t]++)?"
    r"(?:tự xưng|giả danh|mạo danh|giả làm|giả mạo|lừa đảo"
    r"|là (?:số|thuê bao|sđt)(?: điện thoại)? (?:của|do) (?:(?:các|những|một|nhóm) )?"
    r"(?:đối tượng|kẻ gian|kẻ xấu|kẻ lừa đảo)"
    r"|là (?:số |thuê bao )?(?:lừa đảo|giả mạo))" + _END
)
"""Right after the number (or the list), the caller's deed: a scammer's number, told on purpose."""
_CALLED_AFTER = re.compile(
    r"[ \t]*+\)?[ \t]*+,?[ \t]*+(?:(?:đã|liên tục|thường xuyên|nhiều lần|từng)[ \t]++)?"
    r"(?:gọi điện|gọi đến|gọi cho|nhắn tin|liên lạc|kết bạn)" + _END
)
"""Right after the number, a call made from it: a caller's, unless the number is written as the
person's own (`_ATTACHED`): «Bị hại cho biết số 0912… gọi điện …» is the scammer's, «Bị hại
(SĐT 0912…) gọi điện trình báo» the victim's."""
_ATTACHED = re.compile(
    r"(?:[,(:–-]|" + _W + r"(?:có|là))[ \t]*+"
    r"(?:(?:số[ \t]++)?(?:điện thoại|đt|sđt|đtdđ|di động|máy)(?: di động)?|số)?"
    r"[ \t]*+:?[ \t]*+$"
)
"""How a person's own number follows them: «…, điện thoại 0912…», «(SĐT: 0912…)», «có số …»."""
_FAMILY = (
    r"gia đình|người nhà|người thân|phụ huynh"
    r"|con (?:trai|gái|ruột|nuôi|đẻ|của|ông|bà|anh|chị)|vợ|chồng(?! ch)"
    r"|(?<!công )(?<!tuyên )(?<!phân )(?<!ban )bố|mẹ|cha|ông bà"
    r"|cháu (?:nội|ngoại|ruột|họ|của)|cháu(?= là (?:ông|bà|anh|chị) )"
)
_MARKERS = re.compile(
    _W + r"(?:(?P<unit>công an|cảnh sát|csgt|đồn|trạm|trụ sở|cơ quan|ủy ban|uỷ ban|ubnd"
    r"|trực ban|cán bộ|chiến sĩ|đồng chí|đ/c|(?:đại|trung|thượng|thiếu) (?:úy|uý|tá|tướng)"
    r"|(?:phó |tổ )?trưởng(?! thành)|bí thư|chủ tịch|công chức|bảo vệ dân phố|bệnh viện"
    r"|ngân hàng|văn phòng|bộ phận|đội|trung tâm|phòng (?:cảnh sát|csgt|an ninh|cs|pc)"
    r"|tổ (?:an ninh|tự quản|bảo vệ|công tác)|ban (?:chỉ huy|bảo vệ)|bộ đội|biên phòng)"
    r"|(?P<caller>đối tượng|kẻ gian|kẻ lạ|kẻ xấu|kẻ lừa đảo|người lạ|người gọi|tự xưng"
    r"|giả danh|mạo danh|giả mạo|giả làm|xưng là|người (?:tên|tự giới thiệu|xưng)"
    r"|một (?:người|nam|nữ|phụ nữ|thanh niên|tài khoản)|zalo|facebook|telegram|viber|tiktok)"
    r"|(?P<victim>người bị hại|bị hại)|(?P<hurt>nạn nhân|người bị nạn)"
    r"|(?P<witness>nhân chứng|người làm chứng|người chứng kiến)"
    r"|(?P<informant>người tố giác|người báo tin|người phản ánh)"
    rf"|(?P<family>{_FAMILY})"
    r"|(?P<child>cháu|trẻ em|bé (?:trai|gái))"
    r"|(?P<named>học sinh|sinh viên|chủ (?:nhà|xe|hộ)))" + _END
)
"""Who a number before it belongs to, in the lower-cased sentence: the one written last wins.
A unit, an officer or a caller: a number published on purpose; the others are private people.
«Đối tượng» alone is a caller (scam warnings name the number a suspect used); a suspect's own
number comes as a titled name with a residence (`_TITLED`)."""
_OF = re.compile(r"[ \t]*+(?:của[ \t]++)?")
"""Between two role words the first of which is whose number it is («vợ nạn nhân», «mẹ của
cháu»)."""
_WHO = {
    "victim": "bị hại",
    "hurt": "nạn nhân",
    "witness": "nhân chứng",
    "informant": "người tố giác, báo tin",
    "family": "người nhà",
    "child": "trẻ em",
}
"""The private groups of `_MARKERS` as a finding names them; «named» by the word itself."""
_TITLED = re.compile(
    _W + r"(?P<title>(?i:ông|bà|anh|chị|em|cháu|đối tượng))[ \t]++(?P<name>[^\W\d_][\w.]*)"
)
"""A title and the first word of a name: a person when that word is capitalised."""
_NAME_ATTACHED = re.compile(
    _W + r"(?i:ông|bà|anh|chị|em|cháu)[ \t]++(?P<name>[^\W\d_]++(?:[ \t]++[^\W\d_]++){0,4})"
    r"[ \t]*+(?:[,(:–-]|\s-)[ \t]*+"
    r"(?:(?i:(?:số[ \t]++)?(?:điện thoại|đt|sđt|đtdđ|di động))[ \t]*+:?[ \t]*+)?$"
)
"""A titled full name with the number right after it and nothing else («ông Nguyễn Văn A,
0912…», «chị Lê Thị Hoa (SĐT 0987…»): the person's own number, when no role word, unit, officer
or caller is named in the sentence (see _owner)."""
_INITIALS_BEFORE = re.compile(
    _W + r"(?i:ông|bà|anh|chị|em|cô|chú|bác|cháu)[ \t]++TK[ \t]*+(?:\([ \t]*+)?$"
)
"""A person's title and initials «TK» right before the number, maybe in brackets («anh TK
(0912…)»): his own phone, as the radio reads it (publish.number_words.paid_into_tk: no account's «TK» there), not an account's label
(`_CALLER_BEFORE`). Not «đồng chí TK» (an officer's), nor «đối tượng TK» (a caller's)."""
_RESIDENCE = re.compile(_W + r"(?:trú|ngụ|địa chỉ|nơi ở|chỗ ở|quê)" + _END)
"""Where someone lives, after their name: the sentence is about a private person."""
_OWNER_AFTER = re.compile(
    r"[ \t]*+\)?,?[ \t]*+(?:là[ \t]++)?(?:(?:số|sđt)(?:[ \t]++điện thoại)?[ \t]++)?của[ \t]++"
    r"(?:(?P<victim>người bị hại|bị hại)|(?P<hurt>nạn nhân)|(?P<witness>nhân chứng)"
    rf"|(?P<family>{_FAMILY})|(?P<child>cháu)|(?P<named>học sinh))" + _END
)
"""With nothing before it: «0912… là số điện thoại của bị hại»."""


def unit_phone_numbers(config: Config) -> frozenset[str]:
    """The unit's own numbers site.toml gives ([contact] hotline, emergency and fax, each
    station's phones, the officer's, the Zalo footer), as `_digits` writes them: never a
    private person's."""
    contact = config.contact
    written = [contact.hotline, contact.emergency, contact.fax, contact.officer.phone]
    written.append(config.zalo.footer)
    written += [phone for station in contact.stations for phone in station.phone]
    return _unit_numbers(tuple(value for value in written if isinstance(value, str)))


@functools.lru_cache(maxsize=8)
def _unit_numbers(written: tuple[str, ...]) -> frozenset[str]:
    """unit_phone_numbers of the values `written`, read once per site.toml (a build asked again
    for each page and each bulletin linking a file): the number each value dials under the
    one rule of its «Gọi» link (a hotline typed with two spaces is still the unit's), and
    every other whole number in it (the second of «0277.3861.024/0277.3861.025», the footer's)."""
    numbers = set()
    for value in written:
        if (found := dialled(value)) is not None and _PHONE.fullmatch(
            home := home_digits(found.digits)
        ):
            numbers.add(home)  # 113 is never taken for a private number: not kept
        numbers.update(_digits(value, m) for m in _numbers(value))
    return frozenset(numbers)


def private_phones(text: str, unit_numbers: frozenset[str]) -> Iterator[tuple[int, str, str]]:
    """(offset, kind, masked number) of each private person's phone number in `text` (NFC)."""
    for at, digits, who in phone_verdicts(text, unit_numbers):
        if who:
            yield at, PHONE_KIND + who, mask(digits)


def phone_verdicts(
    text: str, unit_numbers: frozenset[str]
) -> Iterator[tuple[int, str, str | None]]:
    """(offset, digits, owner) of every number in `text` (NFC) but the unit's: the owner is the
    private person as a finding names them, "" when the rule judged the number not private (a
    unit's, an officer's, a caller's, one to call), None when its sentence says nothing of whose
    it is (publish.pii_english may read it: «The victim, Mr A, phone 0912…»)."""
    every = _numbers(text)
    found = next(every, None)
    done, who = 0, None  # where the last list of numbers ended, and whose it was
    while found is not None:
        numbers = [found]
        found = next(every, None)
        while found is not None and _LIST_JOIN.fullmatch(text, numbers[-1].end(), found.start()):
            numbers.append(found)
            found = next(every, None)
        listed = [(n.start(), _digits(text, n)) for n in numbers]
        listed = [(at, digits) for at, digits in listed if digits not in unit_numbers]
        # Only the unit's own (the hotline of most bulletins' closing line): nobody private's.
        # From the bracket of «(0277) 3610 113»: «Anh A, SĐT (» named no one, the number was told.
        start = _written_start(text, numbers[0].start())
        who = _owner(text, start, numbers[-1].end(), done, who) if listed else ""
        done = numbers[-1].end()
        for at, digits in listed:
            yield at, digits, who


def phone_numbers(text: str) -> Iterator[tuple[str, str]]:
    """(number as written, its digits as dialled at home) of every whole phone number in
    `text` (NFC), whoever's it is: a scammer's in a warning as well as the unit's."""
    for start, end, digits in phone_spans(text):
        yield text[_written_start(text, start) : end], digits


def phone_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits as dialled at home) of every whole phone number in `text` (NFC),
    whoever's it is: for the rule reading English phrasing (publish.pii_english)."""
    for found in _numbers(text):
        yield found.start(), found.end(), _digits(text, found)


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """Every whole phone number of `text`, in order: `_PHONE`'s and `_abroad`'s (never a bare
    «84» and digits that are an amount, a count or a typed code: `bare_84_phone`)."""
    abroad = _abroad(text, 0)
    if abroad is None:  # most bulletins: the fast pattern alone
        yield from _PHONE.finditer(text)
        return
    home = _PHONE.search(text)
    while True:
        if home is not None and (abroad is None or home.start() < abroad.start()):
            found = home
        elif abroad is not None:
            found = abroad
        else:
            return
        yield found
        if home is not None and home.start() < found.end():
            home = _PHONE.search(text, found.end())
        if abroad is not None and abroad.start() < found.end():
            abroad = _abroad(text, found.end())


def _abroad(text: str, pos: int) -> re.Match[str] | None:
    """The first `_ABROAD` number of `text` from `pos`, tried only at each «84»."""
    for at in _EIGHTY_FOUR.finditer(text, pos):
        for back in _LEADS:
            start = at.start() - back
            found = _ABROAD.match(text, start) if start >= pos else None
            if found is not None and (found[0][0] != "8" or bare_84_phone(text, *found.span())):
                return found
    return None


_DASH_GAP = re.compile(rf"[^\S\n]?{DASH}[^\S\n]?")
"""A dash between a phone's groups, spaces beside it or not: a hyphen to the «Gọi» links' rule,
which ends a number at a spaced or another dash («0912 – 345 – 678» dials 0912345678)."""


def _digits(text: str, number: re.Match[str]) -> str:
    """The digits of the number `number` found in `text` as dialled at home, read by the rule
    of the website's «Gọi» links (publish.contact_numbers): «+84 912 345 678» → «0912345678»,
    «(0277) 3610 113» → «02773610113», full-width digits as ASCII ones."""
    written = text[_written_start(text, number.start()) : number.end()]
    found = dialled(_DASH_GAP.sub("-", written))
    return home_digits(found.digits) if found is not None else number[0]


def _written_start(text: str, start: int) -> int:
    """Where the number found at `start` in `text` starts as written: at the bracket before its
    area code, «(0277) 3610 113», which the «Gọi» links' rule reads with it."""
    opened = start and text[start - 1] == "(" and text.startswith("0", start)
    return start - 1 if opened else start


def _owner(text: str, start: int, end: int, done: int, before: str | None) -> str | None:
    """Whom the number (or list of numbers) at `[start, end)` belongs to, when a private person
    (who, as the finding names them); "" when judged not private, None when nothing in its
    sentence says whose it is: see the module's docstring. Its sentence is
    read back to `done`, the end of the number before it, whose owner was `before`: a number
    after another one in a sentence is the same person's unless words between name another
    («Ông A, trú …, điện thoại 0912…, nhà riêng 0277…»), and no text is read twice."""
    reach = max(done, start - _REACH)
    opening = reach
    for opening_match in _SENTENCE_END.finditer(text, reach, start):
        opening = opening_match.end()
    lead = text[opening:start]
    low = lead.lower()
    close = _SENTENCE_END.search(text, end, end + _AFTER_REACH)
    after = text[end : close.start() if close else end + _AFTER_REACH].lower()
    tail = max(0, len(low) - _TAIL)
    initials = _INITIALS_BEFORE.search(lead, tail)
    if (
        (_CALLER_BEFORE.search(low, tail) and initials is None)
        or _CALLER_AFTER.match(after)
        or _INVITED.search(low)
    ):
        return ""
    last = _last_named(low)
    if initials is not None and (last is None or initials.start() >= last[0]):
        # «Tại ngân hàng, anh TK 0912…»: his initials and his phone, named after the bank; after
        # another unit or an officer («Cán bộ phụ trách là anh TK 0912…») published on purpose,
        # as a full name's is (`_named_here`).
        last = (initials.start(), _initials_owner(low, last))
    for titled in _TITLED.finditer(lead):
        # At the same offset, «Đối tượng Trần Văn B, trú …» is the suspect, not a caller.
        if (last is None or titled.start() >= last[0]) and _lives(lead, low, titled):
            # «Bị hại là ông Nguyễn Văn Bình, trú …»: the role word before names them better.
            if titled["title"].lower() == "đối tượng":
                who = "đối tượng"
            else:
                who = last[1] if last is not None and last[1] else "người dân"
            last = (titled.start(), who)
    if last is None:
        if opening == done and done > 0:
            return before  # the same sentence as the number before, nobody else named
        if _named_here(lead, tail):
            return "" if _office_after(after) else "người dân"
        owned = _OWNER_AFTER.match(after)
        return None if owned is None else _who(owned)
    if not last[1] or (_CALLED_AFTER.match(after) and not _ATTACHED.search(low, tail)):
        return ""
    return last[1]


def named_last(low: str) -> str | None:
    """Whom the lower-cased sentence `low` names last in Vietnamese words, as a finding names a
    private person: "" for a unit, an officer or a caller, or for a sentence asking to call;
    None for nobody. The English rule reads a number's line with it when its English words
    name nobody («Đội CSHS.\nTel: 0912…» gives the unit's number)."""
    if _INVITED.search(low):
        return ""
    last = _last_named(low)
    return None if last is None else last[1]


def invites(low: str) -> bool:
    """Whether the lower-cased sentence `low` asks the reader to call, in Vietnamese words
    («Mọi thông tin xin liên hệ Đội CSHS.»): the English rule gives the «Tel:» line after it
    the unit's number, and after a sentence only naming a unit or an officer none."""
    return _INVITED.search(low) is not None


def names_private(text: str) -> bool:
    """Whether the sentence `text` (NFC) names a private person in Vietnamese words: a role word
    («bị hại», «vợ») or a titled name («bà Nguyễn Thị C»). The English rule gives a «Tel:» line
    the sentence before it only when that names nobody private («Bà C báo Công an xã.\nTel:
    0912…» may be hers)."""
    if any(_who(marker) for marker in _MARKERS.finditer(text.lower())):
        return True
    return any(titled["name"][:1].isupper() for titled in _TITLED.finditer(text))


def _last_named(low: str) -> tuple[int, str] | None:
    """(offset, who) of the last `_MARKERS` word in the lower-cased `low`, who "" for a unit, an
    officer or a caller; None for none."""
    last: tuple[int, str] | None = None
    head = -1  # where the last marker ended
    for marker in _MARKERS.finditer(low):
        who = _who(marker)
        if who and last is not None and last[1] and _OF.fullmatch(low, head, marker.start()):
            who = last[1]  # «vợ nạn nhân», «mẹ của cháu»: the first names whose number it is
        last, head = (marker.start(), who), marker.end()
    return last


def _initials_owner(low: str, last: tuple[int, str] | None) -> str:
    """Whose phone follows «anh TK» in the lower-cased sentence `low`, `last` its last named
    (`_last_named`): a private person's after nobody or after the bank he stands in (where `TK`
    might have been an account's label: publish.number_words.paid_into_tk), "" after another
    unit, an officer or a caller, as a titled full name's."""
    if last is None:
        return "người dân"
    if last[1] or low.startswith("ngân hàng", last[0]):
        return last[1] or "người dân"
    return ""


def _who(marker: re.Match[str]) -> str:
    """The private person a `_MARKERS` or `_OWNER_AFTER` match names, "" for a unit or a caller."""
    group = marker.lastgroup or ""
    if group in ("unit", "caller"):
        return ""
    return _WHO.get(group) or marker[group]


def _named_here(lead: str, tail: int) -> bool:
    """Whether the number follows a titled name, its words capitalised, with nothing but a
    comma, a bracket or «SĐT» between («Bà Nguyễn Thị C, 0912…»; a name in lower case, «anh em
    trong xóm, 0912…», is none). A name of one word («Ông Tư, 0912…», as the South calls people
    by their rank among siblings) only where a clause starts: after a title inside a clause
    it is a place or a shop («chợ Bà Chiểu», «quán Ông Tư, 0912…»)."""
    named = _NAME_ATTACHED.search(lead, tail)
    if named is None or not all(word[0].isupper() for word in named["name"].split()):
        return False
    return " " in named["name"].strip() or _CLAUSE_OPENS.search(lead, 0, named.start()) is not None


_CLAUSE_OPENS = re.compile(r"(?:^|[,:;(–-]|" + _W + r"là)[ \t*•]*+$")
"""What comes right before a title that opens a clause: nothing, a comma, a colon, a bracket,
a dash (a list's), or «là» («Người trình báo là ông Tư, …»)."""


_BEFORE_OFFICE = re.compile(r"[ \t]*+\)?[ \t]*+[,–-]?[ \t]*+(?:là[ \t]++)?")
"""Between a number and what its owner is («…, 0912…, tổ trưởng tổ dân phố»)."""


def _office_after(after: str) -> bool:
    """Whether `after` (lower-cased, right after the number) says its owner is a unit, an
    officer or a caller («ông Trần Văn Lan, 0912…, tổ trưởng tổ dân phố 3»)."""
    found = _MARKERS.match(after, _BEFORE_OFFICE.match(after).end())  # type: ignore[union-attr]
    return found is not None and found.lastgroup in ("unit", "caller")


def _lives(lead: str, low: str, titled: re.Match[str]) -> bool:
    """Whether `titled` names a person (a capitalised name) whose residence follows in `lead`
    (`low` lower-cased)."""
    return titled["name"][0].isupper() and _RESIDENCE.search(low, titled.end()) is not None
