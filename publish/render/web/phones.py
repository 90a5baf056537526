"""The unit's own numbers, written in a page body, become links that dial them on a phone.

Only the numbers site.toml gives, and the country's free emergency lines, are linked: the
hotline and the phones of the unit's posts ([[contact.stations]]) however they are typed (`0277
3610 113`, `0277.3610.113`, `(0277) 3610113`, `+84 277 3610 113`); an emergency number (`113`,
`114`, `115`…) where the text says it is one to call: right after «gọi» or a service's name
(«Cảnh sát 113», «Cứu hỏa, cứu nạn, cứu hộ: 114», «đường dây nóng 113», «Liên hệ: 113», «Báo
cháy: 114», bold or not, a line break between or not), or a
line's or a service's name and its owner before a colon («Đường dây nóng Công an tỉnh: 113»,
«Công an xã: 113», «Cảnh sát PCCC: 114»), each number of a list that follows such words («Số
khẩn cấp: 113, 114, 115», «113 – 114 – 115», «gọi 113 hoặc 114»), or alone in a table column
headed as numbers to call («Số gọi») and holding no count, in the column or in its row (duty
hours are no count). A contact list's items («Công an: 113», «Đường dây nóng UBND huyện: 1022»)
dial unless one is a figure: a label that counts («Tin báo trực tiếp: 45»), a number with what
it counts («45 tin») or one too short for a phone («Quân sự: 45»), in a list or in one sentence
(«Công an: 113, Tư pháp: 45»); a number that rose or fell («113 (tăng 12%)») never dials. After
«gọi» or a service's name, only where its phrase ends there (`cấp cứu 115 trẻ em` counts
children, `gọi 113 nam công dân` calls up citizens). A number after «số» alone is not (a house,
a decree: «nhà số 113», «Nghị định số 113»), nor a count (`xử lý 113 vụ`, `cấp cứu 115 ca`, `gọi
113 công dân nhập ngũ`, `Tổng số cuộc gọi đến tổng đài: 113`, `Số hộ đã liên hệ: 113`), a range
(`cấp cứu 115-120 ca`), a document's number (`số 113/CAH-PV01`), a house number (`chữa cháy 114
Trần Hưng Đạo`), an appeal (`kêu gọi`), an article (`Điều 113`), an amount (`113.000 đồng`). A
body also quotes scammers' numbers and account numbers in warnings, and one tap must never call
those. Phones that link numbers on their own (Safari on iOS) are told not to, in the page's
head. A page or bulletin written in English (`lang: en`) also links one after English words
(«call 113», «Fire and rescue: 114», «Ambulance: 115», «the hotline 0277 3610 113 or 113»:
english_emergency_linker).
A number part of which is bold or in italics («**0277** 3610 113», «0277 *3610 113*») is one
link around all of it, its emphasis inside, where the emphasis holds no other text; in
«**Đường dây nóng: 0277** 3610 113» a link would have to close the bold halfway: left as text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Protocol

from publish.contact_numbers import DASHES, SPACED_DASH, country_lead, home_digits
from publish.number_words import bare_84_phone
from publish.place_words import sub_commune_pattern
from publish.text import CAPITALS

__all__ = [
    "EMERGENCY_NUMBERS",
    "column_linker",
    "emergency_linker",
    "english_emergency_linker",
    "hotline_linker",
    "linking",
    "own_numbers_linker",
]

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_UNLINKED = frozenset({"a", "code", "pre", "kbd"})
"""Inside these a number is already a link, or is shown as typed."""
_BREAK = re.compile(r"<br\b[^>]*+>", re.IGNORECASE)
"""A line break inside a paragraph («Liên hệ:<br>113»): the run of text goes on past it."""
_EMPHASIS = frozenset({"strong", "b", "em", "i", "u", "mark", "span"})
"""Tags inside a sentence: «gọi» and the number around them are still one sentence."""
_GAP = r"(?:[ .\-\u00a0\u202f\n]|\)\s?)?"
"""What may separate two digits of a typed number: a space, a dot, a hyphen, an area code's `)`,
the end of a line where an editor's text wrapped inside the number («0277 3610⏎113»);
or the non-breaking space Word puts there, which a body pasted from it keeps (written `&nbsp;`
in the HTML, the linkers are handed the character: Views._body)."""
_OWN_GAP = rf"(?:{SPACED_DASH}|\)(?:{SPACED_DASH}|\s)?|[ .\u00a0\u202f\n])?"
"""Between two digits of one of the unit's own numbers: what _GAP allows, and a dash of any
kind with a space beside it or not («0912 – 345 – 678», «(0277) – 3610 – 113», as Word types
«0912 - 345 - 678»), which the personal-data check and the radio read as one number too. Only
for the unit's own numbers: a body's digits must spell one exactly to be linked, so a dash
never joins two other numbers into a call."""
_TAGS = r"(?>(?:<[^<>]*+>)*)"
"""Tags an editor's markup may put between two digits of a number («11</strong>3»)."""
_SPLIT_GAP = rf"(?>(?:<[^<>]*+>|[\s.){DASHES}-])*)"
"""Between two digits of a typed number in a body's HTML, what _OWN_GAP allows with tags anywhere
in it («0277</strong> 3610», «(0277)</em> 3610»), and more: a first look, which only has to
find every number the linker links, skipping what holds none."""
_COUNTED = (
    r"[^\S\n]*+(?:(?i:người|vụ|cuộc|lượt|lần|trường hợp|đối tượng|hộ|thanh niên|học sinh|chiếc"
    r"|cái|bệnh nhân|nạn nhân|phương tiện|xe|tàu|thuyền|căn|ngôi|nhà|đám|điểm|vị trí"
    r"|công dân|tân binh|quân nhân|cán bộ|chiến sĩ|đoàn viên|hội viên|đảng viên|sinh viên"
    r"|học viên|thí sinh|công nhân|ngư dân|nông dân|trẻ em|gia đình|hồ sơ|đơn|lao động"
    r"|đồng|nghìn|ngàn|triệu|tỷ|ngày|tháng|năm|giờ|phút|km|m|mét|m2|m²|ha|kg|tấn|lít)"
    r"|(?-i:ca|CBCS|CBCNV|CBCC|CBCNVC|ĐVTN|F[0-3]))(?!\w)"
)
"""After a number, what it counts or measures (`gọi 113 cuộc`, `kêu gọi 113 người`, `đã cấp
cứu 115 ca bệnh`, `cứu hộ 114 phương tiện`, `chữa cháy 114 m²`), or whom a call-up calls
(«Hội đồng NVQS gọi 113 công dân nhập ngũ», «gọi 115 tân binh», «114 CBCS», «115 F0»): no
number to dial (`vụ việc`, `bệnh nhân` start with a word listed). «ca» only in small letters:
«CA» is «Công an»; the abbreviations only in capitals."""
_SMALL = "".join(
    c for c in map(chr, range(ord("a"), 0x1EFF)) if c.islower() and c.isalpha() and c.isprintable()
)
_UNIT = r"(?-i:CA|CAX|CAH|CAT|CAP|UBND|HĐND|MTTQ|PCCC|CNCH|CSGT|CSKV|CSCĐ|TTYT|BV|BCH|BCHQS)(?!\w)"
"""A unit's abbreviation, which after a service's number starts the next phrase («Cảnh sát 113
CA huyện tiếp nhận»), as a name does; other words in capitals may be what it counts (CBCS)."""
_ADDRESS = (
    r"[^\S\n]++(?:[" + CAPITALS + r"]\w*+[^\S\n]++[" + CAPITALS + r"]|(?i:ql|tl)\.?[^\S\n]*+\d"
    r"|(?i:đường(?![^\S\n]++dây)|phố|ngõ|ngách|hẻm|kiệt|tổ|"
    + sub_commune_pattern(r"[^\S\n]++")
    + r"|quốc lộ|tỉnh lộ|đại lộ)(?!\w))"
)
"""After a number, what makes it a house number: a street's name, two words in capitals («chữa
cháy 114 Trần Hưng Đạo», the address of the fire police), or a word naming a street or a place
(«114 đường 30/4», «114 Quốc lộ 1A», «114 ấp Bắc», «114 Bản 3»: every kind of
publish.place_words' SUB_COMMUNE_KINDS; not «đường dây nóng»). Tapped, it would be a false
emergency call.
One capital is no address: «Cảnh sát 113 CA huyện tiếp nhận» dials. Neither looks past a line
break: in «Cảnh sát 113⏎Cứu Hỏa 114» (one paragraph in Markdown) the next line is the next item.
Only read after a service's name: after «gọi» the number is the one to call («gọi 113 Đội cảnh
sát cơ động sẽ đến»)."""
_STREET = (
    r"[^\S\n]++(?:(?i:ql|tl)\.?[^\S\n]*+\d"
    r"|(?i:đường(?![^\S\n]++dây)|phố|ngõ|ngách|hẻm|kiệt|quốc lộ|tỉnh lộ|đại lộ)(?!\w))"
)
"""After «gọi» and a number, a street that makes it a house number: «bị gọi đến số 113 đường Lê
Lợi để làm việc» (summoned to an address) dialled 113. Only a street word: «gọi 113 đường dây
nóng» and «gọi 113 Đội Cảnh sát cơ động sẽ đến» still name the line to call, and a village or
a team word («ấp», «tổ») after «gọi 113» is more often who comes than where."""
_CLAUSE_END = (
    r"(?=[^\S\n]*+(?:\Z|\n|[.,;:!?()\[\]\-–—…\"'«»“”]|/(?!\w)"
    r"|[" + CAPITALS + "][" + _SMALL + "]|" + _UNIT + ""
    r"|(?i:hoặc|và|hay|của|trực|trong|tại|khi|nếu|để|ngay|miễn phí|luôn|sẵn sàng|tiếp nhận"
    r"|hoạt động|hỗ trợ|đường dây nóng)(?!\w)))"
)
"""After a service's number, what shows the number ends its phrase, so names a line to call:
punctuation (not «/» before a letter: «số 113/CAH-PV01» is a document's), the end of the
line, «hoặc», «của», «trực», «đường dây nóng» (the next line named: «Cảnh sát 113 đường dây
nóng Công an huyện»), a name («Cảnh sát 113 Công an huyện») or a unit's abbreviation («Cảnh sát 113 CA huyện»). Anything else may be what it counts («cấp
cứu 115 trẻ em», «cứu hộ 114 ô tô», «Tổng đài 113 tin báo», «Cảnh sát 113 CBCS», «cấp cứu 115
F0»): a list of those could never be whole, so a number is linked only where it ends."""
_RANGE = (
    r"[^\S\n]*+[-–—][^\S\n]*+\d{1,4}+"
    r"(?![\d/:]|[.,]\d|[^\S\n]\d|[^\S\n]*+(?i:h|g|giờ|tiếng|phút)(?!\w))"
)
"""After the last number, a dash and a short number ending there: a range of counts («Cấp cứu
115-120 ca», «115 – 120 bệnh nhân»), no line to call. Not duty hours («113 – 24/7», «– 24
giờ», «– 7h30») nor a phone's first group («113 - 0277 3851 113»)."""
_DIGITS = re.compile(r"\d+")
_AND = r"(?:\s*+[,;–—-]\s*+|\s++(?i:và|hoặc|hay)\s++)"
"""Between two numbers of a list to call («113, 114, 115», «114 hoặc 115», «113 – 114 – 115»:
a dash ended the list, and only 113 was a link)."""
_OTHER_PHONE = (
    # The country code before «0»: read from its first 0, «0084 277 3610 113» is «0084 277
    # 3610» and 113.
    r"\(?(?:"
    + country_lead(_GAP)
    + r"(?>[35789](?:"
    + _GAP
    + r"\d){8}|2(?:"
    + _GAP
    + r"\d){9})|0(?>\d(?:"
    + _GAP
    + r"\d){8,9}))(?![\w]|[.,]\d)"
    r"(?:\s*+\([^()<>]{0,80}\))?" + _AND + r"(?i:số\s++)?"
)
"""A phone number the site does not link (a person's, another office's: 9 or 10 digits after the
0; a mobile's 9 or a landline's 10 after the country code, by the rule every channel reads one,
publish.contact_numbers.country_lead; typed as the hotline may be, see _GAP), maybe with a note in
brackets, then what leads on to the next number: «gọi 0912 345 678 (anh Nam) hoặc 113» offers
113 too, which dials like the 113 of «gọi 113»; the other number stays text."""
EMERGENCY_NUMBERS = ("111", "112", "113", "114", "115")
"""Vietnam's free emergency lines (children's protection, rescue, police, fire, ambulance): the
same for every unit, and linked where a body names them as numbers to call."""
_LINE = r"(?i:đường dây nóng|tổng đài|điện thoại|hotline)"
"""Words naming a line to call, which its owner may follow («Đường dây nóng Công an tỉnh: 113»)."""
_NAME = r"[" + CAPITALS + r"][^\s:<>.,;!?()]*+"
"""A word that starts with a capital: a name's («Tân Phú») or an abbreviation («PCCC»)."""
_LEVEL = (
    r"(?i:xã|phường|thị[^\S\n]++trấn|huyện|quận|thị[^\S\n]++xã|thành[^\S\n]++phố|tỉnh"
    r"|đặc[^\S\n]++khu)(?!\w)"
)
"""An administrative level, which names a unit in small letters («Công an xã», «phường Tân Phú»)."""
_OWNER = (
    r"(?:[^\S\n]++(?i:của[^\S\n]++)?(?:" + _NAME + r"(?:[^\S\n]++[^\s:<>.,;!?()\d]++){0,6}?"
    r"|" + _LEVEL + r"(?>(?:[^\S\n]++" + _NAME + r"){0,6}))(?=[^\S\n]*+[(:]))?"
)
"""After a line's word, whose line it is, up to a colon: a name («Công an tỉnh», «CA huyện Châu
Thành», «của Công an xã»), a few words that start with a capital and hold no digit, or a level
and its name («xã», «phường Tân Phú»). Only before a colon, where it is a contact list's label;
in a sentence such words may be what the number counts."""
_QUALIFIER = (
    r"(?:(?>(?:[^\S\n]++(?:(?i:công[^\S\n]++an|và|của)(?!\w)|&|"
    + _LEVEL
    + "|"
    + _NAME
    + r")){1,8})"
    r"(?=[^\S\n]*+[(:]))?"
)
"""After a service's name, whose service it is, up to a colon («Cảnh sát PCCC: 114», «Cấp cứu
Bệnh viện huyện: 115»): names, levels and «Công an» only, so that «Cảnh sát Giao thông xử
lý: 113» (what it did) is no label."""
_PHONE_LABEL = (
    r"(?i:số[^\S\n]++điện[^\S\n]++thoại)(?:[^\S\n]++[^\s:<>.,;!?()\d]++){1,8}?(?=[^\S\n]*+:)"
)
"""«Số điện thoại» and what the line is for, up to a colon («Số điện thoại tiếp nhận tin báo:
113»): a phone number, whatever words of its use follow (a heading so worded dials too)."""
_POLICE = r"(?i:công[^\S\n]++an)" + _OWNER + r"(?=[^\S\n]*+:)"
"""«Công an» as a contact list's label («Công an: 113», «Công an Tân Phú: 113»); only before a
colon, with no lowercase words between («Công an huyện bắt giữ: 113» is what it did)."""
_SERVICE = (
    r"(?:(?i:cảnh sát|cứu hỏa|cứu hoả|chữa cháy|cứu nạn|cứu hộ|cấp cứu|khẩn cấp|liên hệ"
    r"|bảo vệ trẻ em)|(?<!(?i:tin)\s)(?<!(?i:vụ)\s)(?i:báo cháy))"
    + _QUALIFIER
    + "|"
    + _PHONE_LABEL
    + "|"
    + _POLICE
    + "|"
    + _LINE
    + _OWNER
)
"""Words naming what a number right after them is: a line to call («Cảnh sát 113», «Liên hệ:
113», «Báo cháy: 114», «Tổng đài quốc gia bảo vệ trẻ em 111»; not «Tin báo cháy: 114»)."""
_FILLER = r"(?i:ngay|cho|đến|tới|số|điện thoại|đường dây nóng|tổng đài|khẩn cấp|miễn phí)"
"""Words that may come between «gọi» or a service's name and its number («gọi ngay số 113»)."""
_TO_CALL = re.compile(r"(?i:gọi|điện thoại|đường dây nóng|tổng đài|hotline)")
"""A table column whose heading says this lists numbers to call («Số gọi», «Điện thoại»)."""
_HOW_MANY = (
    r"(?<!\w)(?i:(?:cuộc|lượt|lần)\s+gọi|tổng\s+số"
    r"|số\s+(?:lượng|cuộc|lượt|lần|vụ|ca|tin|đơn|trường\s+hợp|người|hộ|gia\s+đình|công\s+dân"
    r"|đối\s+tượng|bệnh\s+nhân|nạn\s+nhân|học\s+sinh|thanh\s+niên|phương\s+tiện|hồ\s+sơ))(?!\w)"
)
"""Words that say how many («Tổng số», «Số cuộc gọi», «Lượt gọi», «Số tin báo», «Số ca», «Số
hộ», «Số người»): a number they lead to is a count, not a line to call. Not «số» alone («gọi số
113»), nor «số điện thoại», «số khẩn cấp», «số liên hệ»."""
_RECEIVED = (
    r"(?<!\w)(?i:(?:tin\s+báo|phản\s+ánh|cuộc\s+gọi)\s+(?:đã\s+)?(?:tiếp\s+)?nhận"
    r"|đã\s+(?:được\s+)?(?:tiếp\s+)?nhận|nhận\s+được)(?!\w)"
)
"""Words that say calls or reports came in («Tin báo đã nhận qua tổng đài», «Tin báo tiếp nhận
qua đường dây nóng», «Cuộc gọi nhận được»): a number they lead to is how many. Not «Tiếp nhận
tin báo» (what a line to call does) nor «Tin báo qua tổng đài» (where to report)."""
_COUNTS = re.compile(_HOW_MANY)
_COUNTS_CALLS = re.compile(_HOW_MANY + "|" + _RECEIVED)
"""A heading or a label that counts calls or reports («Số cuộc gọi đến đường dây nóng», «Lượt
gọi», «Tin báo đã nhận qua tổng đài»): its column, or the number after its colon, is a count,
not a number to call. One rule for both: «Tin báo qua tổng đài» headed a column of statistics
while «Tin báo qua tổng đài: 113» dialled."""
_CLAUSE_START = re.compile(r"[.,;:!?\n]")
"""What ends the clause before a number: a count said before it is of another clause."""
_CALL_LABEL = re.compile(
    r"(?<!\w)(?i:(?<!cuộc\s)(?<!lượt\s)(?<!lần\s)gọi|liên\s+hệ|số\s+điện\s+thoại)\s*+:$"
)
"""A label that ends saying to call the number after it («Mọi tin báo, xin gọi: 113»,
«Phản ánh vi phạm, liên hệ: 113»): whatever its sentence says before, it counts nothing. Not
«Lượt gọi:», «Cuộc gọi:», which count calls, nor _CONTACTED."""
_CONTACTED = re.compile(
    r"(?<!\w)(?i:đã|được|chưa|từng)\s++(?i:(?:được|từng)\s++)?(?i:liên\s+hệ|gọi)\s*+:$"
)
"""A label saying who made contact («Đã liên hệ:», «Số hộ được liên hệ:»): the number after it
is how many, not a line to call."""
_LABEL_SPAN = 160
"""How far before a number after a colon its label is read: a heading's words, not a page's."""
_SENTENCE_END = re.compile(r"[.!?;\n]")
_NOTE = re.compile(r"\([^()]*\)")
"""A note in brackets in a label («Cảnh sát (tiếp nhận tin báo): 113»): not what it counts."""
_NUMBER = re.compile(r"\+?[.,() ]*+\d[\d.,() ]*+")
"""A cell's text that is a number and nothing else (`27`, `1.024`, `0277 3610 113`)."""
_NUMBER_OF = re.compile(r"\d[\d.,]*+" + _COUNTED)
"""A cell's text that starts with a number and what it counts (`27 cuộc`, `12 vụ việc`); not a
phone with its hours («0277 3610 113 (7 giờ–17 giờ)»), whose groups are split by spaces."""
_HOURS = re.compile(
    r"(?i:(?>(?:\d{1,2}(?:[:h]\d\d)?[^\S\n]*+(?:giờ|h|g|tiếng|ngày|phút)(?!\w)"
    r"|\d{1,2}(?:[:h]\d\d)?|(?:cả|từ|đến|tới|trong|mỗi|các|tuần|ngày)(?!\w)|/|[-–—,]|\s)+))"
)
"""A cell's text that says when or how long a line is on duty («24 giờ», «24/24», «24/7»,
«7h–17h», «cả ngày»), not how many of something: no statistics beside a number to call."""
_HOUR_MARK = re.compile(r"(?i:/|giờ|h|g|tiếng|ngày|phút)")
"""What makes digits hours rather than a plain number (`24` alone is a count)."""
_ORDINAL = re.compile(r"(?i:stt|tt|số tt|số thứ tự|thứ tự|#)?")
"""A heading of row numbers (`STT`: 1, 2, 3…): a column of no counts beside lines to call."""
_TABLE_TAG = re.compile(r"<(/?)(table|tr|td|th)\b[^>]*>", re.IGNORECASE)
_SHOWN = re.compile(r"<(?:a|code|pre|kbd)\b", re.IGNORECASE)
"""In a cell, what already links its number or shows it as typed (as _UNLINKED in a sentence)."""


def hotline_linker(hotline: str, href: str) -> Callable[[str], str]:
    """A function linking every way of typing `hotline` in body HTML to `href` (a tel: URI);
    the identity when the hotline has too few digits to be told from other numbers."""
    return own_numbers_linker({hotline: href})


def own_numbers_linker(hrefs: Mapping[str, str]) -> Callable[[str], str]:
    """A function linking every way of typing each of the unit's own numbers of `hrefs` (the
    hotline, its posts' phones, as site.toml writes them) to its tel: URI, in one pass over a
    body; a number with too few digits to be told from other numbers is left out (as is one
    with no URI), and the identity is returned when none is left."""
    uris: dict[str, str] = {}  # national digits → URI: the first number written so kept
    leads: dict[str, list[str]] = {}  # how a number's start may be typed → its nationals
    for number, href in hrefs.items():
        digits = "".join(c for c in number if c.isdigit())
        national, lead = _national_form(number, digits)
        if len(digits) >= 8 and href and national not in uris:
            uris[national] = href
            leads.setdefault(lead, []).append(national)
    if not uris:
        return _unchanged
    # One tree of digits, not one branch per number: 40 posts' numbers as branches tried at
    # every digit of a body took 50 times the hotline's time.
    typed = "|".join(lead + _digit_tree(nationals, _OWN_GAP) for lead, nationals in leads.items())
    pattern = _PhonesOnly(re.compile(r"()(?<![\w+(])(" + typed + r")(?![\w]|[.,]\d)"))
    quick = re.compile(_digit_tree(uris, _SPLIT_GAP))
    if len(uris) == 1:
        return linking(pattern, quick, next(iter(uris.values())))
    return linking(pattern, quick, lambda found: uris[_national_digits(found)])


_Digits = dict[str, "_Digits"]
"""A tree of numbers' digits: each digit that may come next, and "" where a number ends."""


def _digit_tree(numbers: Iterable[str], gap: str) -> str:
    """A pattern matching each of `numbers` (digits), `gap` between two digits, numbers that
    start alike sharing their start; where one number is another's start, the longer is tried
    first («0277 3610 20 1» is the post's «0277 3610 201», not another's «…20» and a digit)."""
    tree: _Digits = {}
    for number in numbers:
        node = tree
        for digit in number:
            node = node.setdefault(digit, {})
        node[""] = {}  # a number ends here
    return _branches(tree, gap)


def _branches(node: _Digits, gap: str) -> str:
    """The pattern of the digits after `node` of a _digit_tree."""
    ways = [digit + _after(child, gap) for digit, child in sorted(node.items()) if digit]
    return ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"


def _after(node: _Digits, gap: str) -> str:
    """What follows a digit of a _digit_tree: nothing where its number ends, the next digits
    (optional where a number ends there too: the longer one first)."""
    if len(node) == 1 and "" in node:
        return ""
    rest = gap + _branches(node, gap)
    return f"(?:{rest})?" if "" in node else rest


def _national_form(number: str, digits: str) -> tuple[str, str]:
    """A number's digits after its 0 or country code, and the pattern its start may be typed as
    (`0`, `(0`, `+84 `, `0084 `, and `84 ` before a mobile's nine digits: any of them, whichever
    site.toml writes; the rule every channel reads a country code by, home_digits); a line with
    no area code (`1900 1234`) is its digits, with no such start."""
    plus = "+" if number.lstrip("( ").startswith("+") else ""
    home = home_digits(plus + digits)
    if not home.startswith("0"):
        return digits, ""
    national = home[1:]
    return national, _LEAD


_LEAD = r"\(?(?:0|" + country_lead(_OWN_GAP) + ")"
"""How a number's start may be typed before its national digits: `0`, `(0`, `+84 `, `0084 `,
and `84 ` before a mobile's (as Zalo copies a number), by publish.contact_numbers.country_lead;
after `+84`, `0084` what may come between the number's own digits (`_OWN_GAP`: «0084 – 912 –
345 – 678» was left unlinked at its first dash)."""


def _national_digits(typed: str) -> str:
    """The digits of a number as a body types it, after its 0 or country code (see
    _national_form)."""
    return _national_form(typed, "".join(c for c in typed if c.isdigit()))[0]


def emergency_linker(hrefs: Mapping[str, str]) -> Callable[[str], str]:
    """A function linking each emergency number of `hrefs` (`113` → its tel: URI) where a body
    says to call it: after «gọi» or the name of a service («Cảnh sát», «cấp cứu», «đường dây
    nóng»…), and in a list after them («Số khẩn cấp: 113, 114, 115»), also one after a linked
    number to call («đường dây nóng 0277 3851 113 hoặc 113»)."""
    numbers = {number: href for number, href in hrefs.items() if number.isdigit() and href}
    if not numbers:
        return _unchanged
    one = "(?:" + "|".join(sorted(numbers, key=len, reverse=True)) + r")(?![\w]|[.,]\d|/\w)"
    # Atomic: a long run of spaces after «gọi» is scanned once, not once per way to split it.
    # A list is one match, and a count or an address after its last number leaves all of it
    # unlinked («cấp cứu 113, 114 ca»): the numbers before it are counts too.
    # Group 1 is «gọi» when it leads in: its number too is linked only where its phrase ends
    # (a list of what a call-up counts, «nam công dân», «con em», «TNXP», is never whole), and
    # then a name after it is who comes («gọi 113 Công an xã sẽ đến»), not an address.
    pattern = re.compile(
        r"(?<!\w)(?:((?<!(?i:kêu|lần)\s)(?<!(?i:cuộc|lượt)\s)(?i:gọi))|" + _SERVICE + r")"
        r"(?>(?:\s++" + _FILLER + r")*)"
        r"(?:\s*+\([^()<>]{0,80}\))?"  # «Cảnh sát (tội phạm, an ninh) 113»
        r"(?:\s*+:\s*+|\s++)(?:" + _OTHER_PHONE + ")?"
        r"(" + one + "(?>(?:" + _AND + one + ")*))(?!" + _RANGE + ")"
        r"(?(1)" + _CLAUSE_END + "(?!" + _COUNTED + "|" + _STREET + ")"
        r"|" + _CLAUSE_END + "(?!" + _COUNTED + "|" + _ADDRESS + "))"
    )
    quick = re.compile(
        "(?:"
        + "|".join(_TAGS.join(n) for n in sorted(numbers, key=len, reverse=True))
        + r")(?![\w]|[.,]\d|/\w)"
    )
    link = linking(_Unlabelled(pattern), quick, numbers)
    # «gọi đường dây nóng <a href="tel:…">0277 3851 113</a> hoặc 113»: the link ended the run
    # of text the pattern reads, and with it the «gọi» its list needs.
    after_link = _after_link(
        re.compile(
            "(" + _LINK_THEN + r"(?i:hoặc|hay|và)[^\S\n]++(?i:số[^\S\n]++)?)"
            r"(" + one + "(?>(?:" + _AND + one + ")*))"
            r"(?!" + _RANGE + ")" + _CLAUSE_END + "(?!" + _COUNTED + "|" + _ADDRESS + ")"
        ),
        numbers,
    )

    def linked(html: str) -> str:
        """`html` with its numbers to call linked, those in a list of figures left as text."""
        html = after_link(html)
        listed = _listed_counts(html) if quick.search(html) and ":" in html else frozenset()
        if not listed:
            return link(html)
        return linking(_Unlabelled(pattern, listed), quick, numbers)(html)

    return linked


_LINK_THEN = (
    r'<a href="tel:[^"<>]*+">(?>(?:[^<]|<(?!/a>))*)</a>(?>(?:</(?:strong|b|em|i|u|mark)>)*)'
    r"(?:[^\S\n]*+,)?[^\S\n]++"
)
"""A number already linked to call, the emphasis it closes, a comma, then a space: what an
«or» («hoặc») offering another number to call follows."""


def _after_link(pattern: re.Pattern[str], numbers: Mapping[str, str]) -> Callable[[str], str]:
    """A function linking each number of `numbers` in `pattern`'s group 2 where it matches,
    after a link to call (group 1, _LINK_THEN and an «or»): «call the hotline <a …>0277 3610
    113</a> or 113». The link ended the run of text a cue's pattern reads (linking), and with
    it the cue the list after it needs."""

    def to_call(number: re.Match[str]) -> str:
        """An emergency number as a link."""
        return f'<a href="{numbers[number[0]]}">{number[0]}</a>'

    def linked(html: str) -> str:
        """`html` with the numbers after a link to call linked."""
        if "tel:" not in html:
            return html
        return pattern.sub(lambda m: m[1] + _DIGITS.sub(to_call, m[2]), html)

    return linked


_EN_VERB = r"(?i:call|dial|ring|phone)"
"""English verbs that say to call the number after them («call 113», «dial 115»)."""
_EN_NOUN = r"(?i:police|fire|rescue|ambulance|emergency|hotline)"
"""English nouns a number to call follows («Police: 113», «Fire and rescue: 114», «The hotline
113»)."""
_EN_FILLER = (
    r"(?i:the|us|police|emergency|number|numbers|line|hotline|services?|now|immediately"
    r"|free|toll-free)(?!\w)"
)
"""Words that may come between an English cue and its number («Emergency services: 113»)."""
_EN_VERB_FILLER = r"(?:" + _EN_FILLER + r"|(?i:on|at)(?!\w))"
"""After a verb, also on and at («call the police on 113»); after a noun they give an address
(«Police at 113 Le Loi Street»)."""
_EN_CUE = (
    r"(?:" + _EN_VERB + r"(?<!(?i:a)\scall)(?<!(?i:the)\scall)(?>(?:\s++" + _EN_VERB_FILLER + ")*)"
    r"|" + _EN_NOUN + r"(?>(?:\s++" + _EN_FILLER + ")*))"
)
"""English words after which a number is one to call («call 113», «dial 115», «Police: 113»,
«Fire and rescue: 114», «Ambulance: 115», «Emergency: 113»): read only on a page or bulletin
written in English (front matter `lang: en`), whose numbers the Vietnamese words never reach."""
_EN_BRACKET = r"(?:\s*+\([^()<>\d\n]{1,40}\))?"
"""What a number is for, in brackets, before the next of a list («113 (police), 114 (fire)»);
no digit inside («Police (2023): 113» is a year's figure)."""
_EN_AND = _EN_BRACKET + r"(?:\s*+[,;/–—-]\s*+|\s++(?i:or|and)\s++)"
"""Between two numbers of an English list to call («call 113 or 114», «113, 114, 115»)."""
_EN_CLAUSE_END = (
    r"(?=[^\S\n]*+(?:\Z|\n|[.,;:!?()\[\]\-–—…\"'«»“”]|/(?![^\S\n]*+\d)"
    r"|(?i:or|and|from|for|free|if|when|any|anytime|day|24|now|immediately|right|is)(?!\w)"
    r"|(?i:to|in|at)(?!\w)(?![^\S\n]++\d)))"
)
"""After an English cue's number, what shows it ends its phrase («call 113, free from any
phone», «call 113 or 114», «Call 113 to report», «The hotline 113 is free»); anything else may
be what it counts («Police handled 113 cases», «rescue 114 people», «Emergency: 113 USD») or an
address («Police at 113 Le Loi Street»: a capital letter starts a street's name), which is left
as text; so is a number before a year («Fire 114 / 2023») or another number («Fire: 113 to
115 cases», «Police: 113 in 2023»). A slash before a word ends the phrase: it parts a list
(«Police 113 / Fire 114 / Ambulance 115»)."""
_EN_COMPARED = r"(?![^\S\n]*+[(,–—-]?[^\S\n]*+(?i:up|down)(?!\w))"
"""Not before a comparison («Police: 113, up from 98»): a figure that rose or fell."""


def english_emergency_linker(hrefs: Mapping[str, str]) -> Callable[[str], str]:
    """A function linking each emergency number of `hrefs` where an English body says to call
    it (see _EN_CUE): «call 113», «Fire and rescue: 114», «Ambulance: 115». For a page or
    bulletin in English only: the Vietnamese cues of emergency_linker do not reach its text."""
    numbers = {number: href for number, href in hrefs.items() if number.isdigit() and href}
    if not numbers:
        return _unchanged
    one = "(?:" + "|".join(sorted(numbers, key=len, reverse=True)) + r")(?![\w]|[.,]\d|/\w)"
    pattern = re.compile(
        r"(?<!\w)()" + _EN_CUE + r"(?:\s*+\([^()<>\d]{0,80}\))?"  # «Emergency (police): 113»
        r"(?:\s*+[:–—]\s*+|\s++-\s++|\s++)"
        r"("
        + one
        + "(?>(?:"
        + _EN_AND
        + one
        + ")*))(?!"
        + _RANGE
        + ")"
        + _EN_COMPARED
        + _EN_CLAUSE_END
    )
    quick = re.compile(
        "(?:"
        + "|".join(_TAGS.join(n) for n in sorted(numbers, key=len, reverse=True))
        + r")(?![\w]|[.,]\d|/\w)"
    )
    # «the duty hotline <a …>0277 3610 113</a> or 113»: as in Vietnamese (emergency_linker).
    after_link = _after_link(
        re.compile(
            "(" + _LINK_THEN + r"(?i:or|and)[^\S\n]++)"
            "(" + one + "(?>(?:" + _EN_AND + one + ")*))"
            "(?!" + _RANGE + ")" + _EN_COMPARED + _EN_CLAUSE_END
        ),
        numbers,
    )
    link = linking(_EnglishCalls(pattern), quick, numbers)

    def linked(html: str) -> str:
        """`html` with the numbers its English says to call linked."""
        return link(after_link(html))

    return linked


_EN_COUNTS = re.compile(
    r"(?<!\w)(?i:number\s+of|total|cases?|reports?|calls|incidents?|received|handled)(?!\w)"
)
"""English words that say how many, before a noun cue in its phrase («Reports to police: 113»,
«Number of calls to emergency: 113»): the number is a count, not a line to call."""
_EN_VERB_AT = re.compile(_EN_VERB + r"(?!\w)")
"""A verb cue at a match's start: no count before it stops the call."""
_EN_PHRASE_ENDS = ".,;!?\n"
"""Where the look-back for a count stops («In total, police: 113» dials)."""


class _EnglishCalls:
    """The matches of an English pattern whose noun cue follows no count in its phrase."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        """Filter `pattern`'s matches."""
        self.pattern = pattern

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        """Each match of the pattern in `string` but a noun cue's after a count in its phrase."""
        for m in self.pattern.finditer(string):
            cue = m.start()
            # «To report a crime, call 113»: a verb says to call whatever came before it.
            if _EN_VERB_AT.match(string, cue):
                yield m
                continue
            start = max(string.rfind(c, 0, cue) for c in _EN_PHRASE_ENDS) + 1
            if not _EN_COUNTS.search(string, start, cue):
                yield m


class _Finder(Protocol):
    """What finds the matches `linking` links: a compiled pattern, or one filtered."""

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        """Each match in `string`, left to right."""
        ...


class _PhonesOnly:
    """The matches of a pattern but a bare «84» and digits the check and the radio read as no
    phone (bare_84_phone: «84.912.000.201 đồng», «mã đơn 84912000201»)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        """Filter `pattern`'s matches, its number group 2."""
        self.pattern = pattern

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        """Each match of the pattern in `string` but a bare «84» that is no phone."""
        return (
            m
            for m in self.pattern.finditer(string)
            if not m[2].startswith("8") or bare_84_phone(string, m.start(2), m.end(2))
        )


class _Unlabelled:
    """The matches of a pattern whose number does not follow a label that counts calls."""

    def __init__(self, pattern: re.Pattern[str], listed: frozenset[str] = frozenset()) -> None:
        """Filter `pattern`'s matches; `listed` are the texts of items in a list of counts."""
        self.pattern = pattern
        self.listed = listed

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        """Each match of the pattern in `string` but those whose number is a count."""
        if self.listed and " ".join(string.split()) in self.listed:
            return iter(())
        figures = _sentence_figures(string) if string.count(":") > 1 else []
        return (
            m
            for m in self.pattern.finditer(string)
            if not _within(figures, m.start(2))
            and not _counted_label(string, m.start(2))
            and not _counted_before(string, m.start())
            and not _COMPARED.match(string, m.end(2))
        )


_COMPARED = re.compile(
    r"[^\S\n]*+[(,–—-]?[^\S\n]*+(?i:tăng|giảm)(?!\w)(?![^\S\n]++(?i:cường)(?!\w))"
    r"(?:[^\S\n]++[^.;()\n]{0,60}?(?<!\w)(?i:so\s+với)(?!\w)"
    r"|[^\S\n]*+(?i:thêm[^\S\n]++)?\d)"
)
"""After a number, a comparison («113 (tăng 12 so với tháng trước)», «113 (tăng 12%)», «113,
giảm 5 vụ»): the number is a figure that rose or fell, never a line to call. Not «tăng cường»
(«Cảnh sát: 113 (tăng cường trực 24/24)» still dials)."""
_LABELLED_ITEM = re.compile(
    r"<(?:li|p)\b[^>]*+>((?>(?:[^<]++|</?(?:strong|b|em|i|span|br)\b[^>]*+>)+))</(?:li|p)>"
)
"""A list item or paragraph with no other block inside (`<li>Tin báo trực tiếp: 45</li>`), of
any length: _items keeps those of at most _ITEM_UNITS."""
_ITEM_UNITS = 300
"""The most characters and tags (a tag counts one) an item holds: longer is a paragraph of prose."""
_COLON_NUMBER = re.compile(r":(?>(?:\s|<[^>]*+>)*)\d")
"""A colon, then only spaces and tags before a digit: what every «label: number» item holds in
its HTML (its text is the HTML without tags, <br> a space, spaces run together)."""
_BETWEEN_ITEMS = re.compile(r"(?>(?:\s|</?(?:li|p)\b[^>]*+>)*)")
"""What may part two items of one list: spaces, the tags closing one and opening the next."""
_LABEL_NUMBER = re.compile(
    r"([^:]{1,120}):\s*+(\d[\d.,]*+)(" + _COUNTED + r"|[^\S\n]*+(?i:tin(?:[^\S\n]++báo)?"
    r"|phản[^\S\n]++ánh|đơn[^\S\n]++thư)(?!\w))?\s*+\.?"
)
"""An item's text that is a label and a number, maybe with what it counts («Tin báo trực tiếp:
45», «Tin báo trực tiếp: 45 tin.», «Tổng cộng: 12 vụ»)."""
_CLAUSE_CUT = re.compile(r"[,;.!?\n](?!\d)")
"""What ends a clause of a sentence: a comma or a stop not inside a number («1,5», «1.024»)."""
_COUNT_LABEL = re.compile(
    r"(?<!\w)(?i:tin|tin\s+báo|tin\s+nhắn|vụ|vụ\s+việc|cuộc|lượt|lần|trường\s+hợp|đối\s+tượng"
    r"|đơn(?!\s+vị)|đơn\s+thư|phản\s+ánh|số\s+lượng|tổng\s+số|tổng\s+cộng)(?!\w)"
)
"""A label's words that say it counts («Tin báo trực tiếp», «Số vụ việc», «Lượt gọi»): its item
is a figure, and so is a short number in the same list. Not «Đơn vị trực», a unit's name."""


def _listed_counts(html: str) -> frozenset[str]:
    """The texts of items that stand in a run of «label: number» items where some item is a
    figure («Tin báo qua đường dây nóng: 113», then «Tin báo trực tiếp: 45» or «…: 45 tin»): a
    list of figures, whose «113» is a count too. Short numbers alone make no figures: a
    contact list gives landlines without their area code («Trực ban Công an xã: 3851113») and
    a district's own short line («Đường dây nóng UBND huyện: 1022»)."""
    listed: set[str] = set()
    group: list[tuple[str, bool]] = []
    end = -1

    def close() -> None:
        """Keep the group's texts when it is a list of figures."""
        if len(group) > 1 and any(figure for _, figure in group):
            listed.update(text for text, _ in group)

    numbers = _COLON_NUMBER.finditer(html)
    if next(numbers, None) is None or next(numbers, None) is None:
        return frozenset()  # no two items can be «label: number», so no list of them
    for item in _items(html):
        text, shaped = "", None
        if _COLON_NUMBER.search(item[1]):  # most paragraphs are prose: not read further
            text = " ".join(_text(_BREAK.sub(" ", item[1])).split())
            shaped = _LABEL_NUMBER.fullmatch(text)
        if shaped is None or not _BETWEEN_ITEMS.fullmatch(html, end, item.start()):
            close()
            group = []
        if shaped is not None:
            group.append((text, _is_figure(shaped)))
        end = item.end()
    close()
    return frozenset(listed)


def _items(html: str) -> Iterator[re.Match[str]]:
    """The list items and paragraphs of `html` holding only text, emphasis and line breaks, of
    1 to _ITEM_UNITS characters and tags, left to right as a regex finds them: one whose
    match is longer is skipped and the search goes on from its next character, as a bounded
    lazy regex would (`{1,300}?`, which tried to close the item after every character)."""
    at = 0
    while (item := _LABELLED_ITEM.search(html, at)) is not None:
        content = item[1]
        if len(content) <= _ITEM_UNITS or _units(content) <= _ITEM_UNITS:
            yield item
            at = item.end()
        else:
            at = item.start() + 1


def _units(content: str) -> int:
    """How many characters and tags an item's content holds, a tag counting one."""
    return len(content) - sum(len(tag) - 1 for tag in _TAG.findall(content))


def _sentence_figures(text: str) -> list[tuple[int, int]]:
    """Where the «label: number» clauses of a sentence stand when one of them is a figure
    («Kết quả: Công an: 113, Tư pháp: 45»): as items of a list, its «113» is a count too.
    Clauses are parted by «,» or «;» (not in «1,5»); «.», «!», «?» or a line end the run."""
    spans: list[tuple[int, int]] = []
    group: list[tuple[int, int, bool]] = []
    start = 0
    for cut in [*_CLAUSE_CUT.finditer(text), None]:
        end = cut.start() if cut is not None else len(text)
        clause = text[start:end]
        item = _label_number(clause) if len(clause) <= _LABEL_SPAN else None
        if item is not None:
            group.append((start, end, _is_figure(item)))
        if item is None or cut is None or cut[0] not in ",;":
            if len(group) > 1 and any(figure for _, _, figure in group):
                spans += [(s, e) for s, e, _ in group]
            group = []
        start = cut.end() if cut is not None else end
    return spans


def _within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` is inside one of `spans` (in order, not overlapping): found by bisection,
    as a long sentence of «label: number» clauses has as many spans as links."""
    k = bisect.bisect_right(spans, at, key=lambda span: span[0]) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _label_number(clause: str) -> re.Match[str] | None:
    """A clause read as «label: number», the label being its words after the colon before it
    («Kết quả: Công an: 113» is «Công an: 113»); not an hour («Từ 7:30 đến 17:00») nor a
    label saying to call («liên hệ: 113»), which is no item of a list of figures."""
    colon = clause.rfind(":")
    if colon < 1 or clause[colon - 1].isdigit():
        return None
    start = clause.rfind(":", 0, colon) + 1
    label = clause[start : colon + 1].strip()
    if _CALL_LABEL.search(label) and not _CONTACTED.search(label):
        return None
    return _LABEL_NUMBER.fullmatch(" ".join(clause[start:].split()))


def _is_figure(item: re.Match[str]) -> bool:
    """Whether a «label: number» item is a figure: its number says what it counts («45 tin»),
    it has three digits or fewer and is no emergency line nor service line (no phone is so
    short: «Quân sự: 45»), it is written in thousands («Quân sự: 1.024»), or its label counts
    and its number is no emergency line nor phone («Tin báo trực tiếp: 1024»)."""
    if item[3]:  # duty hours («Thời gian trực: 24 giờ») count nothing
        said = item[0][item.start(2) - item.start() :].strip(" .")
        return not (_HOURS.fullmatch(said) and _HOUR_MARK.search(said))
    digits = "".join(c for c in item[2] if c.isdigit())
    if digits in EMERGENCY_NUMBERS:
        return False
    counts = _COUNT_LABEL.search(_NOTE.sub(" ", item[1])) is not None
    if len(digits) == 3 and digits.startswith("11"):
        return counts  # 111-119 are national service lines («Tra cứu: 116»), as a contact list gives them
    return (
        len(digits) <= 3
        or _THOUSANDS.fullmatch(item[2].rstrip(".,")) is not None
        or (len(digits) < 8 and counts)
    )


_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
"""A number written in thousands («1.024», «12.500»): a count, as no phone number is written."""


def _counted_label(text: str, at: int) -> bool:
    """Whether the number at `at` follows a colon after a label that says how many («Tổng số
    cuộc gọi đến tổng đài: 113», «Số ca cấp cứu: 115»), or that they were received («Tin báo đã
    nhận qua tổng đài: 113»), as a table heading does: the label is its sentence's words before
    the colon, notes in brackets left out; one that ends saying to call («xin gọi:», «liên
    hệ:») counts nothing unless its own clause counts («Số hộ liên hệ:») or says who made
    contact («Đã liên hệ:»), nor does one naming the way to report («Tin báo qua đường dây
    nóng: 113»: where to call, as a contact list writes it)."""
    before = text[max(0, at - _LABEL_SPAN) : at].rstrip()
    if not before.endswith(":"):
        return False
    label = _NOTE.sub(" ", _SENTENCE_END.split(before)[-1])
    if _CONTACTED.search(label):
        return True
    if _CALL_LABEL.search(label):
        # «Số hộ liên hệ:» counts; «Tổng số 5 vụ, liên hệ:» names the line after another clause.
        return _COUNTS.search(_CLAUSE_START.split(label[:-1])[-1]) is not None
    return _COUNTS_CALLS.search(label) is not None


def _counted_before(text: str, at: int) -> bool:
    """Whether the clause before the service's name or «gọi» at `at` says how many («Tổng số
    cuộc gọi đến tổng đài 113: 27 cuộc.»): the line's number is then what was counted, named,
    not a number to call."""
    clause = _CLAUSE_START.split(text[max(0, at - _LABEL_SPAN) : at])[-1]
    return _COUNTS.search(clause) is not None


def column_linker(number: str, href: str) -> Callable[[str], str]:
    """A function linking the emergency `number` where it is all a table cell holds, in a
    column headed as numbers to call (the contact page's «| Cấp cứu y tế | **115** |»)."""
    if not number.isdigit() or not href:
        return _unchanged

    def linked(html: str) -> str:
        """`html` with each such cell's number made a link."""
        if number not in html or "<t" not in html:
            return html
        parts, last = [], 0
        for start, end in _calling_cells(html, number):
            pieces = _TAG.split(html[start:end])
            pieces[::2] = [p.replace(number, f'<a href="{href}">{number}</a>') for p in pieces[::2]]
            parts += [html[last:start], "".join(pieces)]
            last = end
        return "".join(parts) + html[last:]

    return linked


def _calling_cells(html: str, number: str) -> Iterator[tuple[int, int]]:
    """Where the cells that hold only `number`, in columns headed as numbers to call and with
    no count in another cell of the column or of a row (row numbers aside), have their
    content; one walk over the table tags (an unclosed one costs no second pass). A table of
    one row has no other cell in the column: a count beside the number, or a label saying how
    many («| Số tin báo | 113 |»), shows it statistics."""
    heads: list[str] | None = None
    calling: set[int] = set()
    ordinal: set[int] = set()
    counted: set[int] = set()
    found: list[tuple[int, int, int]] = []
    column, opened = -1, -1
    for tag in _TABLE_TAG.finditer(html):
        closing, name = tag[1] == "/", tag[2].lower()
        if name == "table":
            yield from ((start, end) for col, start, end in found if col not in counted)
            heads, calling, counted, found, opened = (None if closing else []), set(), set(), [], -1
        elif heads is None:
            continue
        elif name == "tr" and not closing:
            column, opened = -1, -1
        elif name == "tr":
            if not calling and heads:
                calling = {i for i, head in enumerate(heads) if _calls(head)}
                ordinal = {i for i, head in enumerate(heads) if _ORDINAL.fullmatch(head)}
                heads = [] if calling else None  # no column to call: the rest is not read
        elif not closing:
            column, opened = column + 1, tag.end()
        elif opened >= 0:
            content = html[opened : tag.start()]
            if not calling:
                heads.append(_text(content))
            else:
                text = _text(content)
                if column in calling and text == number and not _SHOWN.search(content):
                    found.append((column, opened, tag.start()))
                elif column in calling and _is_count(text):
                    counted.add(column)
                elif (column not in ordinal and _is_count(text)) or _COUNTS.match(text):
                    counted |= calling  # a row of statistics: its numbers are counts
            opened = -1
    yield from ((start, end) for col, start, end in found if col not in counted)


def _is_count(text: str) -> bool:
    """Whether a cell's text is a plain number that is neither an emergency number nor a phone
    (`27`, `1.024`), or a number with what it counts (`27 cuộc`, `113 vụ`): its column or row
    holds statistics, and a «113» beside it is one too."""
    if _HOURS.fullmatch(text) and _HOUR_MARK.search(text):
        return False  # duty hours («24 giờ», «24/7», «7h–17h»), not a count
    if _NUMBER_OF.match(text):
        return True
    digits = "".join(c for c in text if c.isdigit())
    return (
        _NUMBER.fullmatch(text) is not None and digits not in EMERGENCY_NUMBERS and len(digits) < 8
    )


def _calls(heading: str) -> bool:
    """Whether a column's heading says it lists numbers to call (not how many calls came)."""
    return bool(_TO_CALL.search(heading)) and not _COUNTS_CALLS.search(heading)


def _text(html: str) -> str:
    """The text of a bit of HTML, tags left out, spaces at its ends too."""
    return "".join(_TAG.split(html)[::2]).strip()


def linking(
    pattern: _Finder, quick: re.Pattern[str], href: str | Mapping[str, str] | Callable[[str], str]
) -> Callable[[str], str]:
    """A function making `pattern`'s group 2 a link to `href` in body HTML, outside links and
    code; `quick` finds a part of every group 2, in the body's HTML too (where tags may split
    its digits), and is cheap to search for (it starts with a digit): a body, or a run of its
    text, without it is skipped.
    With `href` a mapping, group 2 is a list: each of its parts the mapping names is a link to
    the URI it gives that part. With `href` a function, group 2 links to the URI it gives for
    group 2's text.
    """
    items = (
        re.compile("|".join(map(re.escape, sorted(href, key=len)[::-1])))
        if isinstance(href, Mapping)
        else None
    )

    def linked(html: str) -> str:
        """`html` with each match outside links and code made a link."""
        if quick.search(html) is None:
            return html
        parts = _TAG.split(html)
        runs, linkable = _runs(parts)
        # Matched on runs of text joined across emphasis (`gọi ngay <strong>113</strong>`): an
        # editor bolds the number to call, and its «gọi» is then in another piece of text.
        for run in runs:
            starts, text = [], ""
            for i in run:
                starts.append(len(text))
                text += parts[i] if i % 2 == 0 else "\n"  # a <br> reads as a line break
            if quick.search(text) is None:  # most paragraphs: `pattern` would try every place
                continue
            marks: dict[int, list[tuple[int, int, str]]] = {}
            for m in pattern.finditer(text):
                for at, length in _linked_spans(m, items):
                    first = bisect.bisect_right(starts, at) - 1
                    last = bisect.bisect_right(starts, at + length - 1) - 1
                    place = _wrapping(
                        parts,
                        (run[first], at - starts[first]),
                        (run[last], at + length - starts[last]),
                        linkable,
                    )
                    if place is None:
                        continue
                    uri = _uri(href, text[at : at + length])
                    (i, start), (j, end), head, tail = place
                    opening = f'<a href="{uri}">'
                    marks.setdefault(i, []).append(
                        (start, 1, head.replace("\0", opening) if head else opening)
                    )
                    marks.setdefault(j, []).append(
                        (end, 0, tail.replace("\0", "</a>") if tail else "</a>")
                    )
            for i, inserted in marks.items():
                parts[i] = _with_marks(parts[i], inserted)
        return "".join(parts)

    return linked


def _uri(href: str | Mapping[str, str] | Callable[[str], str], linked: str) -> str:
    """The URI the text `linked` links to (see linking's `href`)."""
    if isinstance(href, str):
        return href
    return href[linked] if isinstance(href, Mapping) else href(linked)


def _with_marks(text: str, marks: list[tuple[int, int, str]]) -> str:
    """`text` with each (offset, order, tag) mark put at its offset, a link closed there before
    the next one opens; the pieces joined once (a whole text rebuilt for each link made 192 KB
    of «gọi 113. » take 8.9 s)."""
    pieces, last = [], 0
    for at, _, tag in sorted(marks):
        pieces += [text[last:at], tag]
        last = at
    pieces.append(text[last:])
    return "".join(pieces)


_Place = tuple[tuple[int, int], tuple[int, int], str, str]
"""Where a link opens and closes ((piece, offset) each), and the emphasis tags around its own
tags there: «</strong>» before it and «<strong>» inside it where it opens, likewise where it
closes (see _wrapping)."""
_VOID = frozenset({"br", "img", "wbr", "hr"})


def _wrapping(
    parts: list[str], start: tuple[int, int], end: tuple[int, int], linkable: set[int]
) -> _Place | None:
    """Where one link around a number from `start` to `end` ((piece, offset) in `parts`) opens
    and closes, or None when none can without breaking the HTML's nesting. A number split by
    emphasis («<strong>0277</strong> 3610 113», «0277 <em>3610 113</em>») is wrapped with the
    emphasis it starts or ends in when that holds no other text; when it does, the emphasis is
    closed where the link opens and opened again inside it («<strong>Đường dây nóng: 0277
    </strong> 3610 113» → «<strong>Đường dây nóng: </strong><a><strong>0277</strong> 3610
    113</a>»), as it is where the link closes: the reader sees the same, and taps the number."""
    (i, at), (j, to) = start, end
    if i == j:
        return (start, end, "", "") if i in linkable and to <= len(parts[i]) else None
    if i % 2 or j % 2 or any(k not in linkable for k in range(i, j + 1, 2)):
        return None  # a line break in the number (its odd index), or a piece inside a link
    closed_before: list[str] = []  # closed within the number, opened before it
    opened: list[tuple[str, str]] = []  # opened within the number, still open at its end
    for k in range(i + 1, j, 2):
        closing, name = _tag_of(parts[k])
        if name == "br":
            return None
        if not closing:
            opened.append((name, parts[k]))
        elif opened and opened[-1][0] == name:
            opened.pop()
        elif opened:
            return None  # «<em>0277 <strong>3610</em>…»: tags crossed in the editor's HTML
        else:
            closed_before.append(name)
    head = tail = ""
    if closed_before:
        before = _opening_run(parts, i, closed_before) if at == 0 else None
        if before is not None:
            i, at = before, len(parts[before])
        else:
            tags = _opening_tags(parts, i, closed_before)
            if tags is None:
                return None
            head = "".join(f"</{name}>" for name in closed_before) + "\0" + "".join(tags[::-1])
    if opened:
        after = (
            _closing_run(parts, j, [n for n, _ in opened[::-1]]) if to == len(parts[j]) else None
        )
        if after is not None:
            j, to = after, 0
        else:
            shut = "".join(f"</{name}>" for name, _ in opened[::-1])
            tail = shut + "\0" + "".join(tag for _, tag in opened)
    return (i, at), (j, to), head, tail


def _opening_tags(parts: list[str], i: int, names: list[str]) -> list[str] | None:
    """The tags, as written, that opened `names` (innermost first) before piece `i` and are
    still open there, innermost first; None when another tag left open comes first."""
    found: list[str] = []
    shut: list[str] = []  # tags closed between, walking back
    for k in range(i - 1, 0, -2):
        closing, name = _tag_of(parts[k])
        if closing:
            shut.append(name)
        elif name in _VOID:
            continue
        elif shut and shut[-1] == name:
            shut.pop()
        elif name == names[len(found)]:
            found.append(parts[k])
            if len(found) == len(names):
                return found
        else:
            return None
    return None


def _opening_run(parts: list[str], i: int, names: list[str]) -> int | None:
    """The text piece right before the tags opening `names` (innermost first) just before
    piece `i`, with no text between them; None when they are not there."""
    for n, name in enumerate(names):
        if (n and parts[i]) or i < 2 or _tag_of(parts[i - 1]) != (False, name):
            return None
        i -= 2
    return i


def _closing_run(parts: list[str], j: int, names: list[str]) -> int | None:
    """The text piece right after the tags closing `names` (innermost first) just after piece
    `j`, with no text between them; None when they are not there."""
    for n, name in enumerate(names):
        if (n and parts[j]) or j + 1 >= len(parts) or _tag_of(parts[j + 1]) != (True, name):
            return None
        j += 2
    return j


def _linked_spans(m: re.Match[str], items: re.Pattern[str] | None) -> Iterator[tuple[int, int]]:
    """(start, length) in the run's text of what a match links: its group 2, or each number
    `items` finds in it when it is a list."""
    if items is None:
        yield m.start(2), len(m[2])
        return
    for part in items.finditer(m[2]):
        yield m.start(2) + part.start(), len(part[0])


def _runs(parts: list[str]) -> tuple[list[list[int]], set[int]]:
    """The text pieces of `parts` (tags at odd indexes) grouped into runs read as one (only
    emphasis tags and line breaks between; a <br>'s index is in its run), and the indexes of
    those outside links and code."""
    runs: list[list[int]] = [[]]
    linkable, depth = set(), 0
    for i, part in enumerate(parts):
        if i % 2 == 0:
            runs[-1].append(i)
            if depth == 0:
                linkable.add(i)
            continue
        step, ends_run = _tag_kind(part)
        if step:
            depth = max(0, depth + step)
        if ends_run:
            runs.append([])
        elif _BREAK.fullmatch(part):
            runs[-1].append(i)
    return [run for run in runs if run], linkable


# Cached: a body's tags are mostly the same few (`<p>`, `</strong>`…), read again for every body.
@functools.lru_cache(maxsize=4096)
def _tag_kind(tag: str) -> tuple[int, bool]:
    """How a tag moves the depth inside links and code (+1 opening, -1 closing, 0 other), and
    whether it ends a run of text (any tag but emphasis)."""
    closing, name = _tag_of(tag)
    step = (-1 if closing else 1) if name in _UNLINKED else 0
    return step, name not in _EMPHASIS and name != "br"


@functools.lru_cache(maxsize=4096)
def _tag_of(tag: str) -> tuple[bool, str]:
    """Whether a tag closes, and its name in small letters ("" for no tag's)."""
    m = _TAG_NAME.match(tag)
    return (m[1] == "/", m[2].lower()) if m is not None else (False, "")


def _unchanged(html: str) -> str:
    """The body as it is."""
    return html
