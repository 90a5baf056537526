"""The words around a number that say what it is: a currency or a counted noun after it (an
amount, a count), a typed code's words before it (`mã vận đơn`, `nhập mã`). The radio reads a
number by them (publish.radio) and the website's personal-data lint asks the same (publish.pii):
kept here, with no radio module, as every website build imports the lint."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from publish.contact_numbers import DASH, DASHES, SPACED_DASH, home_digits

__all__ = [
    "ACCOUNT_DIGITS",
    "ACCOUNT_LABEL",
    "BARE_ACCOUNT",
    "BARE_ACCOUNT_DIGITS",
    "CODE_BEFORE",
    "CODE_WORDS",
    "COUNTED_NOUN",
    "CURRENCIES",
    "DASH",
    "DASHES",
    "GROUP_GAP",
    "ID_DIGITS",
    "ID_LABEL",
    "ID_LABEL_WORDS",
    "LABEL_GAP",
    "LIST_JOIN",
    "LIST_OPENING",
    "NAMED_ITEM",
    "NUMBER_ALONE",
    "PASSPORT_ALONE",
    "PASSPORT_LABEL",
    "PASSPORT_NUMBER",
    "PRIVATE_LABEL_WORDS",
    "SCALE",
    "SCALE_VALUES",
    "SHORT_CODE_END",
    "STEP_ARROWS",
    "TAX_GAP",
    "TAX_LABEL",
    "TIGHT_GAP",
    "account_before_amount",
    "account_range",
    "accounts_after_codes",
    "alternation",
    "bare_84_phone",
    "bare_account_number",
    "currency_end",
    "digit_count",
    "label_ends",
    "labelled_cards",
    "labelled_number",
    "listed_numbers",
    "listed_passports",
    "money_follows",
    "names_ones_number",
    "paid_into_tk",
    "passport_label_ends",
    "personal_tax_code",
    "quantity_follows",
    "read_as_code",
    "short_codes",
    "spaced_range",
    "without_its_amount",
]

GROUP_GAP = rf"(?:[ .]|{SPACED_DASH})"
"""Between two groups of an ID's, an account's or a card's number: a space, a dot or a dash
(`DASH`) with or without spaces («087 - 123 - 456 - 789», «0071 — 0001 — 2345»), as the radio
holds them (its dashes are hyphens by then)."""

COUNTED_NOUN = (
    r"(?i:trường hợp|người|vụ|việc|phương tiện|đối tượng|xe|chiếc|cuộc|lượt|lần|hộ|cơ sở|ca|"
    r"bị can|bị cáo|nạn nhân|cán bộ|chiến sĩ|học sinh|gói|bánh|viên|khẩu|con|tài khoản|"
    r"cá nhân|tổ chức|đơn vị|điểm|tin|thanh niên|thanh thiếu niên|thiếu niên|trẻ em|em nhỏ|"
    r"cháu nhỏ|nhóm|băng nhóm|ô tô|mô tô|tàu|ghe|thuyền|căn nhà|ngôi nhà|căn hộ|công nhân|phụ nữ|"
    r"sinh viên|học viên)(?!\w)"
)
"""A noun that follows a count: a number right before it is a quantity, not a phone or date.
`tối 7-8 thanh niên` is seven or eight youths; a bare «em», «cháu» is left out (`sáng 2-9 em đi học`)."""

_ID_LABELS = {
    "CCCD": ("", ""),
    "CMND": ("", ""),
    "CMT": ("", ""),
    "căn cước": ("", "(?: công dân)?"),
    "chứng minh": ("", "(?: nhân dân| thư)?"),
    "định danh": ("(?:mã |số )?", "(?: cá nhân)?"),
}
"""Each word a citizen ID's label holds, with what may come before and after it."""
ID_LABEL_WORDS = tuple(_ID_LABELS)
"""The words every `ID_LABEL` match holds: the website's lint looks for them in the
lower-cased line before trying its patterns (publish.pii)."""
ID_LABEL = (
    "(?i:" + "|".join(before + word + after for word, (before, after) in _ID_LABELS.items()) + ")"
)
"""The words a citizen ID's number follows, an old card's too (`CMND`, `chứng minh thư`): the
radio never reads the number after one (R9.5), the website tells it (publish.pii)."""
PASSPORT_LABEL = r"(?i:hộ chiếu|passport)(?:[^\S\n]++(?i:no|nr|number)\.?+(?!\w))?"
"""The words a passport's number follows: never read on air (R9.5), as a citizen ID's; an
English «no.» after them too («passport no. C1234567» was read out while the website told it)."""
PASSPORT_NUMBER = r"[A-Za-z]{1,2} ?\d{7,8}"
"""A passport's number after `PASSPORT_LABEL` only (alone it is any code: «mã đơn hàng
B1234567»): a Vietnamese one's letter and 7 digits (C1234567), an older or foreign one's two
letters («Hộ chiếu AB1234567» was read on air, told by no check)."""
TAX_LABEL = r"(?:(?i:mã số thuế)|MST)(?:[^\S\n]++(?i:cá nhân|TNCN))?"
"""A tax code's label: a person's code is private (`personal_tax_code`), a business's public."""
_TAX_DIGITS = (10, 12)
"""A person's tax code: ten digits, or since 1/7/2025 their CCCD's twelve. Thirteen
(`0101234567-001`) is a business's branch."""
_BRANCH_CODE = re.compile(r"\d{10}(?:[^\S\n]*+-[^\S\n]*+)?\d{3}")
"""A code with its branch's suffix («8012345678-001», or its thirteen digits run together,
«8012345678001»): a person's code by its first ten digits, unless a business is named as for
any code (`personal_tax_code`); read out, the suffix too, it was told by neither channel."""
_OF_A_PERSON = re.compile(r"(?i:cá nhân|TNCN)$")
"""A tax code's label ending «cá nhân» or «TNCN»: a person's code whoever is named."""
_ORGANISATION = (
    r"(?:(?i:công ty|doanh nghiệp|tập đoàn|hợp tác xã|chi nhánh|nhà máy|văn phòng đại diện"
    r"|cổ phần|cửa hàng|cơ sở kinh doanh)|DN|DNTN|HTX|TNHH|CTCP)(?!\w)"
)
"""Who pays a business's tax code. A bank or an agency names no payer: «Bà B, nhân viên ngân
hàng X, MST 8012…», «Ông A bị cơ quan thuế xử phạt, MST 8012…» are the person's codes. A «cửa
hàng» is a business unless a person word follows it («Cửa hàng Bà Năm»); a «tiệm» or «quán» is
none: most are household businesses, whose code is the owner's, and the word is in «quê quán»,
«nguyên quán», «quán xuyến» («Ông Minh, quê quán Nghệ An, MST 8012…» was read on air)."""
_PERSON = (
    r"(?:(?i:ông|bà|anh|chị|em|cô|chú|bác|đối tượng|bị can|bị cáo|bị hại|nạn nhân|người"
    r"|hộ[^\S\n]++kinh[^\S\n]++doanh|hộ[^\S\n]++cá[^\S\n]++thể"
    r"|chủ[^\S\n]++(?:quán|tiệm|cửa[^\S\n]++hàng))"
    r"|[A-ZĐ]\w*+[^\S\n]++(?:Văn|Thị))(?!\w)"
)
"""Who pays a person's tax code: a person's title or a name with «Văn», «Thị»; a household
business too («Hộ kinh doanh Nguyễn Văn An, MST 8012…»: its code is its owner's own), and a
shop's owner («Bà Lan, chủ quán cơm X, MST 8012…»: a quán or tiệm is most often a household
business, whose code is the owner's)."""
_OWNERS = re.compile(rf"(?<!\w)(?:(?P<organisation>{_ORGANISATION})|{_PERSON})")
_OWNER_AFTER = re.compile(
    rf"[^\S\n]*+(?:,?[^\S\n]*+(?i:của)[^\S\n]++|\([^\S\n]*+){_OWNERS.pattern}"
)
"""Who pays a tax code named right after it: «của công ty», or in brackets («(Tập đoàn Điện
lực)» was told as a person's) when no person is named before it."""
_SENTENCE_END = re.compile(r"[.!?;\n](?=\s)|\n")
"""Where a tax code's sentence starts after: its payer is looked for from there."""


def personal_tax_code(label: str, number: str, text: str, start: int, end: int) -> bool:
    """Whether the tax code `number` after `label` (a `TAX_LABEL` at text[start], the number
    ending at text[end]) is a person's, on both channels. Privacy first: ten or twelve digits
    are a person's unless a business (`_ORGANISATION`) pays it — «của công ty» or in brackets
    right after it with no person named before it in its sentence («Ông A, MST 8012…
    (Công ty X)» is his), or named last before it in its sentence («Công ty TNHH X, mã số
    thuế 1400…»); labelled «cá nhân» always. Ten with a branch's suffix are a code too
    (`_BRANCH_CODE`, its dash or none), and an amount after «là» is read
    (`_amount_after_is`)."""
    coded = digit_count(number) in _TAX_DIGITS or _BRANCH_CODE.fullmatch(number) is not None
    if not coded or _amount_after_is(label, number, text, start, end):
        return False
    if _OF_A_PERSON.search(label):
        return True
    sentence = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    # A person word in a business's name («Công ty TNHH Tuấn Anh») is a person's too: telling
    # a business's public code costs less than reading a person's («Công ty X thuê Bà Lan, MST»).
    last = person = None
    for last in _OWNERS.finditer(text, sentence, end - len(number)):  # its gap's payer too
        person = person or (None if last["organisation"] else last)
    after = _OWNER_AFTER.match(text, end)
    if after is not None and (person is None or after["organisation"] is None):
        return after["organisation"] is None
    return last is None or last["organisation"] is None


ID_DIGITS = (9, 12)
"""An old ID card's (CMND) or a CCCD's digits: with words between, a number after an ID's label
is one only so long (`CCCD gắn chip cho 1.234.567 người` is a count)."""
ACCOUNT_LABEL = (
    r"(?:(?i:số tài khoản|tài khoản số|STK|số[^\S\n]++TK|TK(?=\s*+:))|(?P<paid_tk>(?-i:TK)))"
)
"""The words that name a bank account's number (`tk:` with its colon, `số TK`), words maybe
between them and it (`LABEL_GAP`). `TK` alone (group `paid_tk`) is one only where money is paid
into it (`paid_into_tk`): elsewhere it is a form's letters (`TK01`) or a forest's «tiểu khu»."""
_PAID_INTO = re.compile(
    r"(?<!\w)(?<!(?i:vận) )(?<!(?i:di) )(?<!(?i:luân) )(?<!(?i:dịch) )"
    r"(?i:nộp|chuyển)(?!\w)"
    r"(?:[^\S\n]++(?:(?i:tiền|phạt|khoản|số|lệ phí|phí|thuế|án phí)(?!\w)"
    r"|\d[\d.,]*+(?:[^\S\n]*+(?i:nghìn|ngàn|triệu|tỷ|tỉ))?[^\S\n]*+(?i:đồng|VNĐ|VND|đ)(?!\w)"
    r"|(?i:từ)[^\S\n]++(?:STK|TK|(?i:tài khoản))[^\S\n]*+:?[^\S\n]*+\d{3,5}(?!\d))){0,4}"
    r"(?:[^\S\n]++(?i:vào|từ)|(?:(?<=(?i:khoản))|(?<=(?i:tiền))|(?<=(?i:đồng))|(?<=(?i:VNĐ))"
    r"|(?<=(?i:VND))|(?<=\d(?i:đ))|(?<=[^\S\n](?i:đ))|(?<=\d))"
    r"[^\S\n]++(?i:đến|tới|cho|sang|qua|về(?:[^\S\n]++cho)?))[^\S\n]++$"
)
"""Right before a bare `TK`: money paid into it, with its own words («nộp vào», «nộp tiền phạt
vào», «chuyển 5 triệu đồng vào»; not «vận chuyển», «di chuyển», «nộp hồ sơ»); after «chuyển
khoản», «chuyển tiền» or an amount to it too («chuyển khoản đến/tới/cho/sang/qua/về TK …»,
«chuyển khoản số tiền 5.000.000 đồng đến TK …», «chuyển 5 triệu đồng đến TK …», «chuyển 5
triệu đ về cho TK …»: a lone «đ» is only ever the amount's); money moved out of it too («chuyển
từ TK …», «chuyển tiền từ TK …»), and the one it went on to («chuyển từ TK 1234 sang TK 5678»;
after an account's number, «sang TK 9876…» is on its list: `listed_numbers`)."""
_MOVED_INTO = re.compile(
    r"(?<!\w)(?<!(?i:vận) )(?<!(?i:di) )(?<!(?i:luân) )(?<!(?i:dịch) )"
    r"(?i:chuyển)[^\S\n]++(?i:sang|qua)[^\S\n]++$"
)
"""Right before a bare `TK`: «chuyển sang», «chuyển qua», as «chuyển vào TK …» (not «chuyển về
TK …»). Files and batches move «sang TK» too («Hồ sơ chuyển sang TK 123456 xử lý»), so the
number must be an account's right after `TK` (`_moved_into_account`)."""
_MOVED_IN = re.compile(
    r"(?<!\w)(?<!(?i:vận) )(?<!(?i:di) )(?<!(?i:luân) )(?<!(?i:dịch) )"
    r"(?i:chuyển)[^\S\n]++(?i:vào)[^\S\n]++$"
)
"""Right before a bare `TK`: «chuyển vào», no money named between. Money goes into an account
there (`_PAID_INTO`), whatever words come before its number, but files go «vào TK» too:
`_no_account_moved_in` cuts out what is no account's."""
_BUDGET_BEFORE = re.compile(
    r"(?<!\w)(?:(?i:kho bạc|ngân sách|hạch toán|ghi thu)|KBNN)(?!\w)[^.!?;\n]{0,60}$"
)
"""A treasury or a budget in a bare `TK`'s clause before it."""
_BANK_BEFORE = re.compile(r"(?<!\w)(?i:ngân hàng)(?!\w)[^.!?;\n]{0,60}$")
"""A bank in a bare `TK`'s clause before it: an account's only with its number right after `TK`,
as long as one. «Tại ngân hàng, ông TK xuất trình CCCD …» names a man (session 78 review)."""
_PERSON_BEFORE = re.compile(
    r"(?<!\w)(?i:anh|chị|ông|bà|em|cô|chú|bác|cháu|đồng chí|đối tượng)[^\S\n]++$"
)
"""A person's word right before a bare `TK`: his initials («anh TK 0912…»)."""
_PHONE_BODY = r"(?:[35789]\d{8}|2\d{9})"
"""A phone's digits after its 0 or 84: a mobile's nine, a landline's ten."""
_PHONE_DIGITS = re.compile(rf"(?:0|84){_PHONE_BODY}")
"""A phone's digits, mobile or landline, with 0 or 84: after «anh TK» his phone, no account."""


def _counted(number: str) -> bool:
    """Whether `number` (a bare `TK` and what follows it) may count something: no leading 0 and
    fewer than ten digits — «TK 1234567 lượt»; «TK 0123456789 người hưởng» names its holder."""
    digits = "".join(c for c in number if c.isdigit())
    return not digits.startswith("0") and len(digits) < 10


_HOLDER_WORDS = re.compile(r"\s++(?i:người)\s++(?i:nhận|gửi|chuyển|thụ hưởng|đứng tên)(?!\w)")
"""«người nhận» after an account's number names its holder: no count of people."""
_BANK_NAME = (
    r"(?:(?:[A-ZĐ]\w*+[^\S\n]++){0,2}[A-ZĐ]?\w*?(?i:bank)|BIDV|ACB|VIB|SHB|MSB|OCB|SCB|NCB"
    r"|MB(?=[^\S\n]*+\)))(?!\w)"
)
"""A bank's own name: one ending in «bank» («Vietcombank», «MB Bank», «Nam A Bank»), or its
letters («BIDV», «ACB»; «MB» only in brackets, «(MB)»: alone it may be megabytes)."""
_HOLDER_AFTER = re.compile(
    r"[^\S\n]*+[,(]?[^\S\n]*+(?:(?i:của|tại|mở tại)[^\S\n]++)?"
    rf"(?:(?i:kho bạc|ngân hàng)(?!\w)|KBNN|{_BANK_NAME})"
)
"""After a bare `TK 7111`'s number: the treasury or the bank that holds it, by its name too
(«TK 0123456789 (MB Bank)», «TK 0123456789 tại Vietcombank»)."""
_FOREST_BEFORE = re.compile(r"(?<!\w)(?i:khoảnh)[^\S\n]*+\d+\w*+[^\S\n]*+,?[^\S\n]*+$")
"""`khoảnh 3, TK 262`: a forest's plot, then its sub-area («tiểu khu»), never an account."""
_PAID_REACH = 120
"""How far back `_PAID_INTO` is looked for: its words and 60 characters are far shorter."""


def paid_into_tk(text: str, start: int, end: int, gap: str) -> bool:
    """Whether a bare `TK` at text[start], `gap` between it and its number ending at text[end],
    names an account, on both channels: money paid into it right before it, but after «chuyển
    vào» no hotline, short number or phone (`_no_account_moved_in`); after «chuyển sang/qua»,
    an account's number right after it (`_moved_into_account`); else, its number
    right after it (`TIGHT_GAP`), a treasury or a budget before it or a treasury, a bank after
    the number, or a bank before it and the number an account's length; never after a forest's
    plot («khoảnh 3, TK 262»)."""
    window = max(0, start - _PAID_REACH)
    if _FOREST_BEFORE.search(text, window, start):
        return False
    # «anh TK 0912 345 678»: a man's initials and his phone; another number stays an account.
    if _PERSON_BEFORE.search(text, window, start) and _PHONE_DIGITS.fullmatch(
        "".join(c for c in text[start:end] if c.isdigit())
    ):
        return False
    if _MOVED_IN.search(text, window, start) and _no_account_moved_in(text, start, end, gap):
        return False
    if _PAID_INTO.search(text, window, start):
        return True
    if _MOVED_INTO.search(text, window, start):
        return _moved_into_account(text, start, end, gap)
    # `TK` alone is often someone's initials («anh TK (SĐT 0912…)»): with words between, the
    # number is his, not an account's.
    if _TIGHT.fullmatch(gap) is None:
        return False
    if _BUDGET_BEFORE.search(text, window, start) or _HOLDER_AFTER.match(text, end):
        return True
    # A bank before it names an account only by a number as long as one («Ngân hàng đã phong
    # tỏa TK 0123456789»), not a short one («ngân hàng hỗ trợ TK 2024»).
    return (
        digit_count(text[start:end]) >= min(ACCOUNT_DIGITS)
        and not (
            _counted(text[start:end])
            and quantity_follows(text, end)
            and not _HOLDER_WORDS.match(text, end)
        )
        and bool(_BANK_BEFORE.search(text, window, start))
    )


BARE_ACCOUNT = r"(?i:tài khoản(?: ngân hàng)?)"
"""«tài khoản» alone: it may count or price accounts (`300 tài khoản 2024-2025`), so its
number is one only right after it."""
TIGHT_GAP = r"\s*+(?>(?:(?i:số)(?!\w))?)\s*+[:/]?+\s*+(?:\(\s*+)?"
"""Between a label and its number with no words: spaces, its «số», a colon or a slash
(`CCCD/0872…`), a bracket opening around the number (`tài khoản (0071…)`); all a
`BARE_ACCOUNT` may have."""
_TIGHT = re.compile(TIGHT_GAP)
"""`TIGHT_GAP` as a whole gap: a label's number right after it."""
ACCOUNT_DIGITS = range(6, 20)
"""A bank account's digits: with words between, a number after an account's label is one only
so long."""
BARE_ACCOUNT_DIGITS = range(8, max(ACCOUNT_DIGITS) + 1)
"""An account's digits right after a bare «tài khoản»: fewer are a count or an amount (`tài
khoản 1234567`), as the word may count accounts (`BARE_ACCOUNT`); at most an account's, as after
«số tài khoản» (16 to 19 were dropped on air and told by no check: the website stopped at 15)."""
_MOVED_GAP = re.compile(rf"{TIGHT_GAP}|[^\S\n]*+\(?{_BANK_NAME}\)?[^\S\n]*+:?[^\S\n]*+")
"""Between «chuyển sang/qua TK» and an account's number: `TIGHT_GAP` or a bank's name («chuyển sang
TK Vietcombank 0123…»); other words («TK rồi anh Nam 0912…», «TK (SĐT 0912…)») make the number
no account's."""
MOVED_INTO_DIGITS = range(9, max(ACCOUNT_DIGITS) + 1)
"""An account's digits after «chuyển sang/qua TK»: banks here number accounts with nine digits and
more (VPBank's nine, Vietcombank's thirteen); fewer there are a file's, a batch's or a year."""
_HOTLINE = re.compile(r"1[89]00\d{4}(?:\d\d)?")
"""A 1900/1800 line's digits (8 or 10): no one's account."""


def _moved_into_account(text: str, start: int, end: int, gap: str) -> bool:
    """Whether the number after «chuyển sang/qua TK» at text[start], `gap` between, ending at
    text[end], is an account's: right after `TK` (`_MOVED_GAP`), as long as one
    (`MOVED_INTO_DIGITS`), no hotline, nothing counted or paid after it."""
    digits = "".join(c for c in text[start + len("TK") + len(gap) : end] if c.isdigit())
    return (
        _MOVED_GAP.fullmatch(gap) is not None
        and len(digits) in MOVED_INTO_DIGITS
        and _HOTLINE.fullmatch(digits) is None
        and not quantity_follows(text, end)
    )


_SHORT_MOVED_IN = range(7)
"""Digits after «chuyển vào TK» no account has: six and fewer are a file's, a batch's or a year
(«Hồ sơ chuyển vào TK 123456 xử lý»); seven and eight stay accounts' (as before session 81)."""


def _no_account_moved_in(text: str, start: int, end: int, gap: str) -> bool:
    """Whether the number after «chuyển vào TK» at text[start], `gap` between, ending at
    text[end], is surely no account's: a hotline's, a short one (`_SHORT_MOVED_IN`), or a
    phone's past words other than a bank's name («Chuyển vào TK rồi anh Nam 0912…»)."""
    digits = "".join(c for c in text[start + len("TK") + len(gap) : end] if c.isdigit())
    return (
        len(digits) in _SHORT_MOVED_IN
        or _HOTLINE.fullmatch(digits) is not None
        or (_PHONE_DIGITS.fullmatch(digits) is not None and _MOVED_GAP.fullmatch(gap) is None)
    )


LABEL_GAP = r"(?:[^\d\n;!?.]|\.(?!\s)|(?<![^\W\d_])(?:[A-ZĐ]|T[PXTp])\.){0,40}?"
"""What may come between `ID_LABEL` or `ACCOUNT_LABEL` and the number (`số tài khoản
Vietcombank 0071…`, `căn cước công dân của ông A: 0872…`): no digit, no line's end, and no
sentence's end — «Không cung cấp số tài khoản cho ai; hãy gọi 0912…» names the hotline, which
the radio read out and the website let be (review F3); the dot of an initial or a place's short
form is none («chi nhánh TP. HCM: 0071…», «bà Nguyễn T. Lan: 0871…»)."""
_ASIDE = r"[^\S\n]*+\([^()\n]{0,40}\)"
"""An aside in brackets, digits and all (`(cấp năm 2010)`)."""
_IS = r"(?i:là)(?!\w)"
"""«là» before a tax code's number («mã số thuế là 8012…»)."""
_WORD = r"[^\S\n]++[^\W\d_]++"
"""A word of letters only, its space before it."""
TAX_GAP = (
    rf"(?:[^\S\n]++(?i:của)(?!\w){LABEL_GAP}(?:\([^()\n]{{0,40}}\){LABEL_GAP})?(?<![^\W\d_])"
    rf"|(?:{_ASIDE}){{1,2}}(?:[^\S\n]++{_IS})?|(?:{_WORD}){{0,2}}[^\S\n]++{_IS}"
    rf"|[^\S\n]*+{DASH})?"
    rf"{TIGHT_GAP}"
)
"""Between a tax code's label and its number: `TIGHT_GAP`, or its payer named first («Mã số
thuế của ông A là 8012…» was read on air, told by no check), maybe an aside in brackets, digits
and all («của ông Nguyễn Văn A (sinh năm 1980) là 8012…»); or one or two asides, «là» or both
(«Ông A có mã số thuế là 8012…», «mã số thuế (cấp năm 2010) là 8012…», «MST (mới) (cấp 2010) là
8012…» were read out, told by none); one or two words before «là» («mã số thuế hiện tại là
8012…»); a dash («MST - 8012…»)."""

_IS_IN_GAP = re.compile(rf"(?<![^\W\d_]){_IS}")
"""«là» between a tax code's label and its number (`TAX_GAP`)."""


_WORD_GOES_ON = re.compile(r"[^\S\n]*+[^\W\d_]|/")
"""A letter after a currency or a scale word: the start of another word made with it («đồng
hồ», «triệu chứng», «tỷ lệ», «nghìn lần»), no amount («MST là 8012… triệu chứng» is his code);
or a slash, a rate («đồng/tháng») the code may be read as too: privacy first, as on air."""


def _amount_after_is(label: str, number: str, text: str, start: int, end: int) -> bool:
    """Whether `number`, after a `TAX_LABEL` at text[start] and a gap holding «là», ending at
    text[end], is an amount: a currency or a scale word (then maybe a currency) right after it,
    its decimals maybe between, and no letter after that word (`_WORD_GOES_ON`): «Ông A, MST nợ
    là 1234567890 đồng» says what he owes, not his code."""
    decimal = _DECIMAL.match(text, end)
    after = decimal.end() if decimal is not None else end
    word = _CURRENCY_AFTER.match(text, after) or _SCALE_ALONE.match(text, after)
    if word is None or _WORD_GOES_ON.match(text, word.end()):
        return False
    return _IS_IN_GAP.search(text, start + len(label), end - len(number)) is not None


CURRENCIES = {
    "đồng VNĐ": "đồng",
    "đồng VND": "đồng",
    "VNĐ": "đồng",
    "VND": "đồng",
    "vnđ": "đồng",
    "đồng": "đồng",
    "đ": "đồng",
    "₫": "đồng",
    "USD": "đô la Mỹ",
    "$": "đô la Mỹ",
    "EUR": "ơ-rô",
    "€": "ơ-rô",
    "NDT": "nhân dân tệ",
}
"""The currencies written after an amount, and how each is said (R5)."""


def alternation(words: Collection[str]) -> str:
    """Regex alternation of the keys, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


SCALE_VALUES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
"""The scale words written after an amount's figures, and what each multiplies by."""
SCALE_WORD = "(" + alternation(SCALE_VALUES) + ")"
SCALE = r"(?:\s?" + SCALE_WORD + r"(?!\w))?"
"""The scale word an amount may have before its currency (`5 triệu đồng`), as a group."""
_CURRENCY_AFTER = re.compile(
    SCALE + r"\s?(?:" + alternation(CURRENCIES) + r")(?!\w)"
    r"(?!\s+(?i:chí|phạm|thời|bào|bộ|loạt|ý|nghiệp|hương|tình)(?!\w))"  # `đồng chí` is no money
)
_COUNTED_AFTER = re.compile(r"\s*" + COUNTED_NOUN)


_RANGE_END = re.compile(rf"\s*{DASH}\s*")
_PRICE_DIGITS = 6
"""Digits a range's end may have after «tài khoản» with money after it: a price (`Mỗi tài
khoản 100000-200000 đồng`). With none, `190345-678901` is an account's number, whatever noun
follows («… người nhận là Nguyễn Văn A»: the sentence goes on); so are longer ends
(`0071000-123456`, `19034567-890123`)."""
_SHORT_END = 4
"""An end so short that the two make no account's number even with nothing after them
(`Có 35 tài khoản 2024 - 2025 bị khóa`, `tài khoản 100 - 200 triệu`), unless one starts with
0, as no count or price is written (`tài khoản 0071-2345`)."""


def account_range(number: str, text: str, pos: int) -> bool:
    """Whether `number`, right after a bare «tài khoản» and ending at text[pos], is a range of
    counts or prices, read as one (R12.1), no account's: one hyphen, neither end starting with
    0, each end short, or no longer than a price with money after it (`100000-200000 đồng`)."""
    ends = _RANGE_END.split(number)
    if len(ends) != 2 or any(end.startswith("0") for end in ends):
        return False
    digits = max(sum(c.isdigit() for c in end) for end in ends)
    return digits <= _SHORT_END or (digits <= _PRICE_DIGITS and money_follows(text, pos))


_DECIMAL = re.compile(r"[.,]\d++")
"""An amount's decimal part (`2,5 triệu`), its figures before taken as the number's last group."""
_SCALE_ALONE = re.compile(r"\s?" + SCALE_WORD + r"(?!\w)")
"""A scale word with no currency after it (`50 triệu`): an amount still."""
_RUN_THEN_AMOUNT = re.compile(
    r"(?P<run>\d{8,}) (?:[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d*+)"
    r"|(?P<groups>\d+(?: \d+)+) [1-9]\d{0,2}(?P<thousands>(?:\.\d{3})+)?"
)
"""An account's or ID's digits in one run, a space, then an amount (`500.000`, `500000`, `50
triệu`): two numbers; in groups apart by spaces, then an amount in dotted thousands or a
figure before its scale word («STK 0123 4567 89 500.000 đồng», «… 5 triệu đồng»: its 17 or 11
digits were told, the amount lost on air). A figure before a currency alone may be the last
group («0123 4567 89 đồng»)."""
_RUN_DIGITS = 8
"""The fewest digits before an amount cut off as an account's or ID's (a CMND has nine)."""
_GLUED = re.compile(r"\d++(?:-\d++){2,}")
"""Three groups or more glued by hyphens: one number written so, its last group no amount."""
_LONG_START = 10
"""Digits from which a range's start is no price, as none is written so long (`0123456789 — 2
triệu đồng` is an account and its amount)."""
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:[. ]\d{3})+")
"""A number in groups of thousands (`1.200.000.000`, `1 200 000 000`): how money is written."""


def account_before_amount(number: str, text: str, end: int) -> int | None:
    """Where an account's number ends in `number` (ending at text[end]) when its last dash and
    what follows it are an amount (`STK: 0123456789 — 2 triệu đồng`): a range's start of
    `_LONG_START` digits or more, or starting with 0, is never a price — unless written in groups
    of thousands (`1.200.000.000 - 1.500.000.000 đồng`); None when the number is whole, no amount
    after it or its start a price's (`Mỗi tài khoản 100000-200000 đồng`). The amount may have a
    decimal part or no currency (`- 2,5 triệu đồng`, `-50 triệu`); groups all glued by hyphens
    (`0123-4567-89 đồng`) are one number, never cut at the last."""
    decimal = _DECIMAL.match(text, end)
    after = decimal.end() if decimal is not None else end
    money = _CURRENCY_AFTER.match(text, after) or _SCALE_ALONE.match(text, after)
    if money is None:
        return None
    spaced = _RUN_THEN_AMOUNT.fullmatch(number)
    if spaced is not None and spaced["run"] is not None:
        return spaced.end("run")  # «STK 0123456789 500.000 đồng»: read out, told by no check
    amount = spaced is not None and (spaced["thousands"] is not None or money[1] is not None)
    if spaced is not None and amount and digit_count(spaced["groups"]) >= _RUN_DIGITS:
        return spaced.end("groups")
    dashes = list(_HYPHENS.finditer(number))
    if not dashes or _GLUED.fullmatch(number):
        return None
    cut = dashes[-1].start()
    start = number[:cut]
    if start.startswith("0"):
        return cut
    if _THOUSANDS.fullmatch(start.strip()) and _rises(start, number[dashes[-1].end() :], money[1]):
        return None  # «1.200.000.000 - 1.500.000.000 đồng»: written as money is, a price's start
    return cut if digit_count(start) >= _LONG_START else None


def _rises(start: str, rest: str, scale: str | None) -> bool:
    """Whether a range from `start` to `rest` (`scale` the word after it) does not fall:
    «STK 123.456.789.012 - 5 triệu đồng» falls from billions to millions, an account and its
    amount, not a price range."""
    high = rest.strip()
    high = high.replace(".", "").replace(" ", "") if _THOUSANDS.fullmatch(high) else high
    try:
        top = float(high.replace(",", "."))
    except ValueError:
        return False
    return int(_NOT_DIGITS.sub("", start)) <= top * SCALE_VALUES.get(scale or "", 1)


def without_its_amount(pattern: re.Pattern[str], m: re.Match[str]) -> re.Match[str]:
    """`m`, a match of `pattern` ending with its group `number`, without the amount its number
    took after a dash (`account_before_amount`), on both channels: matched again, up to the
    account's end."""
    cut = account_before_amount(m["number"], m.string, m.end("number"))
    if cut is None:
        return m
    return pattern.match(m.string, m.start(), m.start("number") + cut) or m


_CURRENCY_ALONE = re.compile(r"[^\S\n]*+(?:[.,;:!?)\n]|$|(?i:và|rồi|để)(?!\w))")
"""After a currency word that is the whole word: punctuation, the text's end, or a word no
compound goes on with («đồng bọn», «đồng hồ», «đồng hành» are no money)."""


def currency_end(text: str, pos: int) -> int | None:
    """Where a currency (with an optional scale word) right at text[pos] ends, None with none:
    left by a dropped number it names no amount («STK 0123-4567-89 đồng» → «Tài khoản đồng»).
    Only a whole currency word: «cho STK 0123… đồng bọn sử dụng» lost the «đồng» of «đồng bọn»."""
    money = _CURRENCY_AFTER.match(text, pos)
    if money is None or _CURRENCY_ALONE.match(text, money.end()) is None:
        return None
    return money.end()


def money_follows(text: str, pos: int) -> bool:
    """A currency (with an optional scale word) right after text[:pos]: the number is money."""
    return _CURRENCY_AFTER.match(text, pos) is not None


def quantity_follows(text: str, pos: int) -> bool:
    """A counted noun or a currency right after text[:pos]: the number before is a quantity
    (`1234567890 lượt`), read as one on air. A card's or a CCCD's number is one only before
    money (R9.6, publish.pii): «Số thẻ 4111… đối tượng đã dùng» goes on after the card."""
    return bool(_COUNTED_AFTER.match(text, pos) or money_follows(text, pos))


def labelled_number(number: str, gap: str, text: str, end: int, *, of_id: bool) -> bool:
    """Whether `number`, after an ID's label (`of_id`) or an account's and `gap`, ending at
    text[end], is that ID's or account's number: what the radio never reads (R9.5) and the
    website tells (publish.pii). Never before money; with words between (`gap` more than
    `TIGHT_GAP`), only as long as one and with nothing counted after it: «căn cước … cấp cho
    123.456.789 người» is a count."""
    # No amount is written with a leading 0: «STK 0123-4567-89 đồng» is the account, read out.
    money = money_follows(text, end) and not number.startswith("0")
    if money or spaced_range(number, text, end):
        return False
    return _TIGHT.fullmatch(gap) is not None or _long_enough(number, text, end, of_id=of_id)


_SPACED_HYPHEN = re.compile(rf"\s{DASH}|{DASH}\s")
_HYPHENS = re.compile(rf"\s*{DASH}\s*")
_DATE_GROUPS = re.compile(r"(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:\d\d|(?:19|20)\d\d)")
"""A date's three groups, as `spaced_range` joins them: «12 - 3 - 2024»; «125 - 10 - 00 -
123456», «12 - 3456 - 7890» are accounts."""
_YEAR = re.compile(r"(?:19|20)\d\d")
_GROUP_DIGITS = 4
"""Two groups shorter than this each («120 - 150») make no account's number."""
_FROM_BEFORE = re.compile(r"(?<!\w)(?i:từ)\s*+$")
"""«từ» right before two groups: a range («từ 1000 - 2000 cái»)."""
_RATE_AFTER = re.compile(r"(?:\s++(?i:mỗi|một)\s++|\s*+/\s*+)(?i:ngày|tuần|tháng|quý|năm)(?!\w)")
"""A rate after two groups: a range of counts («1200 - 1500 mỗi tháng»), no account."""


def spaced_range(number: str, text: str, end: int) -> bool:
    """Whether `number`, ending at text[end], its groups apart by a hyphen with a space beside it,
    is a range, a date or a count after an account's or ID's label, no one's number, on both
    channels: three groups a day, a month and a year («ngày 12 - 3 - 2024»); two, years
    («giai đoạn 2021 - 2025»), after «từ» («từ 1000 - 2000») or with something counted after
    them («1000 - 2000 tài khoản»). «0071 - 0001 - 2345», «STK: 1903 - 4567» stay accounts
    (session 78)."""
    if not _SPACED_HYPHEN.search(number):
        return False
    groups = _HYPHENS.split(number)
    if len(groups) > 2:
        return _DATE_GROUPS.fullmatch(" ".join(groups)) is not None
    if len(groups) != 2 or any(group.startswith("0") for group in groups):
        return False  # no count, year or price is written with a leading 0
    # Two short groups right after a label are its number («STK: 1903 - 4567», 8 digits):
    # a range only by its years, a «từ» before or something counted after.
    years = all(_YEAR.fullmatch(group) for group in groups)
    if all(digit_count(group) < _GROUP_DIGITS for group in groups):
        return True  # «120 - 150»: six digits at most, in two short groups, is no account
    start = end - len(number)
    return (
        years
        or bool(_FROM_BEFORE.search(text, max(0, start - 8), start))
        or quantity_follows(text, end)
        or _RATE_AFTER.match(text, end) is not None
    )


def digit_count(number: str) -> int:
    """How many digits `number` holds, its hidden ones too (`012xxxxx89`)."""
    return sum(c.isdigit() or c in "xX" for c in number)


def _long_enough(number: str, text: str, end: int, *, of_id: bool) -> bool:
    """Whether `number`, ending at text[end] with words before it, is as long as an ID's
    (`of_id`) or an account's, with nothing counted and no money after it."""
    digits = digit_count(number)
    return digits in (ID_DIGITS if of_id else ACCOUNT_DIGITS) and not quantity_follows(text, end)


_LABELLED_CARD = re.compile(
    r"(?<!\w)(?i:số thẻ|thẻ)(?:[^\S\n]++(?i:ATM|tín dụng|ghi nợ|ngân hàng))?(?![^\W\d_])"
    rf"(?P<gap>{TIGHT_GAP})"
    rf"(?P<number>(?:\d{{16,19}}|\d{{4}}(?:{GROUP_GAP}\d{{4}}){{3}}(?:{GROUP_GAP}\d{{1,3}})?)"
    rf"(?=[^\S\n]++\d[\d.,]*+{_CURRENCY_AFTER.pattern})"
    rf"|\d(?:{GROUP_GAP}?\d){{15,18}}(?!\d|{GROUP_GAP}\d))"
)
"""A card's number right after its label («thẻ», «thẻ ATM», «số thẻ», «thẻ tín dụng số:»), in
groups apart by a space, a dot, a hyphen or another dash (`DASH`), with spaces or not («9704 -
1234 - 5678 - 9012»); before an amount, its digits in one run or four groups of four (and a
19-digit card's last three) are the card's, the amount its own («Thẻ ATM 9704 1234 5678 9012
500.000 đồng bị rút», «Thẻ ATM 9704123456789012 500.000 đồng»: no 19-digit number). Words between (`thẻ cào`, a scratch card's; `thẻ BHYT`) make it no bank card's."""

_NOT_DIGITS = re.compile(r"\D+")
_CARD_HINT = re.compile("(?i:thẻ)")
"""What every `_LABELLED_CARD` match holds: searched first, far cheaper."""


def labelled_cards(text: str) -> Iterator[re.Match[str]]:
    """Each bank card's number right after its label in `text` (`_LABELLED_CARD`), whether or not
    its last digit checks (publish.text.is_card: a mistyped card is still someone's), on both
    channels: no money after it (`Thẻ 4111… đồng` is an amount), no range nor date, no years
    listed (`thẻ 2019 2020 2021 2022`, as publish.pii's bare card)."""
    if _CARD_HINT.search(text) is None:
        return
    for m in _LABELLED_CARD.finditer(text):
        if all(_YEAR.fullmatch(group) for group in _NOT_DIGITS.split(m["number"])):
            continue
        if labelled_number(m["number"], m["gap"], text, m.end(), of_id=False):
            yield m


def bare_account_number(number: str, gap: str, text: str, end: int) -> bool:
    """Whether `number`, right after a bare «tài khoản» and `gap` (a `TIGHT_GAP`), ending at
    text[end], is an account's number on both channels: no money after it, no range of counts
    or prices right after the word (`account_range`; never after a colon or «số»: the number
    is named there, `tài khoản: 1903-4567`)."""
    if money_follows(text, end) or spaced_range(number, text, end):
        return False
    return bool(gap.replace("(", "").strip()) or not account_range(number, text, end)


STEP_ARROWS = "→⇒⟶⟹⇨⇾⟾↦➔➙➛➜➝➞➟➠➡⮕⭢"
"""Arrows pointing on to the next step. Not `➢`, `➤`, `►`: bullets more often than arrows,
dropped as pictographs are."""
_ARROW = rf"(?:[-=－＝]{{1,2}}[^\S\n]?[>＞]{{1,2}}=?|-[^\S\n]?=[^\S\n]?>|[{STEP_ARROWS}]|(?i:sang|qua)(?!\w))"
"""An arrow typed any way, «sang» or «qua»: on from one private number to the next."""
_ONTO = (
    rf"(?P<onto>{_ARROW})"
    r"\s*+(?>(?:(?i:(?:số[^\S\n]++)?(?:tài khoản|STK|TK))(?!\w)\s*+(?:(?i:số)(?!\w))?\s*+:?\s*+)?)"
)
"""An arrow (group `onto`), maybe the account's label again, after an account's number: money
moved from it to the number after («STK 0123456789 => 9876543210», «từ tài khoản 123456789 sang
TK 987654321»), someone's account too on both channels."""
_LISTED = re.compile(
    rf"(?:[^\S\n]*+\([^\S\n]*+{_BANK_NAME}[^\S\n]*+\))?"
    r"\s*+(?:(?P<open>\(\s*+(?>(?:(?i:hoặc|hay)\s++)?))"
    rf"|[,;/]\s*+(?>(?:(?i:và|hoặc|hay)\s++)?)|(?i:và|hoặc|hay)\s++|{_ONTO})"
    rf"(?>(?:{_BANK_NAME}[^\S\n]*+:[^\S\n]*+)?)"
    rf"(?P<number>\d(?>(?:{GROUP_GAP}?\d)*))(?(open)\s*+\))"
)
"""One more number in a list after a private one: after a comma, a semicolon, a slash, «và»,
«hoặc», «hay», an arrow, «sang» or «qua» (`_ONTO`), or in brackets (`STK 0123456789 (hoặc 9876543210)`), the bracket closed right
after it; its groups apart as the first's may be («9876 - 5432 - 10»: its groups were read as a
range). A semicolon or a slash joined no list: the second account was read on air in full. The
number before may have its bank in brackets («0987654321 (Vietcombank); 1234567890 (Agribank)»:
the radio read the second out, the website told neither), the number its bank and «:» before
it («Vietcombank: 0123456789; BIDV: 0987654321», a list's items read on: the second read out)."""
_DATE_OR_AMOUNT = re.compile(
    r"\d{1,2}(?P<s>[.-])\d{1,2}(?P=s)\d{4}|\d{4}-\d{1,2}-\d{1,2}"  # 15.03.2024, 2024-03-15
    r"|[1-9]\d{0,2}(?:\.\d{3}){1,2}"  # 1.500.000
)
"""A listed item that is a date or an amount in thousands: no account's or ID's number a list
would hold, written so after a comma or «và» («…, 15.03.2024 mới báo»). An amount up to
hundreds of millions only: a longer one in threes is an account's (`190.345.678.901`), and
money or a scale word after a bigger amount ends the list anyway (`quantity_follows`)."""
_YEARS = re.compile(r"((?:19|20)\d\d)-((?:19|20)\d\d)")
_YEARS_SPAN = 20
"""The most years a listed range of years spans (`2024-2025`, `2021-2030`): two groups of
four further apart, or out of order, are an account's (`1903-2001`)."""


def _not_listed(number: str) -> bool:
    """Whether a listed `number` is a date, an amount in thousands or a range of years: the
    list of accounts or IDs ends before it, its hyphens spaced or not («2024 - 12 - 05»)."""
    number = _HYPHENS.sub("-", number)
    if _DATE_OR_AMOUNT.fullmatch(number):
        return True
    years = _YEARS.fullmatch(number)
    return years is not None and 0 < int(years[2]) - int(years[1]) <= _YEARS_SPAN


_LISTED_PASSPORT = re.compile(
    r"\s*+(?:(?P<open>\(\s*+(?>(?:(?i:hoặc|hay)\s++)?))"
    r"|[,;/]\s*+(?>(?:(?i:và|hoặc|hay)\s++)?)|(?i:và|hoặc|hay)\s++"
    rf"|(?P<onto>{_ARROW})\s*+(?>(?:{PASSPORT_LABEL}\s*+(?:(?i:số)(?!\w))?\s*+:?\s*+)?))"
    rf"(?P<number>{PASSPORT_NUMBER})(?!\w)(?(open)\s*+\))"
)
"""One more passport in a list after one: after a comma, a semicolon, a slash, «và», «hoặc», in
brackets («(hoặc C7654321)»), or after an arrow, «sang» or «qua» (group `onto`, as `_LISTED`'s):
«Hộ chiếu C1234567 => C7654321» had its second read on air in full and told by no check."""


LIST_OPENING = re.compile(
    rf"[^\S\n]*+(?:[,;/(]|(?i:và|hoặc|hay)(?=\s)|{_ARROW})[^\S\n]*+(?:[^\W\d_]{{1,2}}[^\S\n]?)?\d"
)
"""A line opening with a list's joint or an arrow before a number (`_LISTED`,
`_LISTED_PASSPORT`): the number goes on the list of a private number ending the line before
(«STK 0123456789⏎=> 9876543210»: Markdown joins the two). Never a dash alone: a list item."""


NUMBER_ALONE = re.compile(
    rf"[^\S\n]{{0,3}}(?:(?:[-*+]|\d{{1,3}}[.)])[^\S\n]++)?(?P<number>\d(?>(?:{GROUP_GAP}?\d)*))"
    r"[^\S\n]*+[,;.]?[^\S\n]*+"
)
"""A line holding a number alone, maybe a list item's («- 9876543210», «2. 9876543210»), on both
channels: after a line ending in a private number, the next of its list («STK 0123456789⏎-
9876543210», «số tài khoản⏎0123456789⏎0987654321»: the website shows each); opening a paragraph
after one a label ends, its number («Số tài khoản⏎⏎0123456789»)."""
PRIVATE_LABEL_WORDS = (
    r"t(?:k|ài khoản)|c(?:ccd|mnd|mt|ăn cước|hứng minh)|định danh|hộ chiếu|passport"
    r"|m(?:st|ã số thuế)"
)
"""The words of a private number's label, an account's, a citizen ID's, a passport's, a tax
code's, as a cheap search finds them (inside «STK» too; case-blind or in a lower-cased text)."""
_LABEL_AT_END = re.compile(
    rf"(?i:{PRIVATE_LABEL_WORDS})"
    r"(?:[^\S\n]++(?i:công dân|nhân dân|thư|cá nhân|ngân hàng|TNCN)(?!\w))?"
    r"[^\S\n]*+(?:(?i:số)[^\S\n]*+)?:?[^\S\n]*+$"
)
"""A private number's label ending a text, its own last words («căn cước công dân», «tài
khoản ngân hàng»), its «số» or colon after it (`label_ends`)."""
_LABEL_AT_END_REACH = 40
"""How far back from a line's end `_LABEL_AT_END` is looked for: a label and its colon."""


PASSPORT_ALONE = re.compile(rf"[^\S\n]{{0,3}}(?P<number>{PASSPORT_NUMBER})[^\S\n]*+[,;.]?[^\S\n]*+")
"""A line holding a passport's number alone, on both channels: opening a paragraph after one a
passport's label ends (`passport_label_ends`), its number («Hộ chiếu số⏎⏎C1234567»)."""
_PASSPORT_LABEL_AT_END = re.compile(rf"{PASSPORT_LABEL}[^\S\n]*+(?:(?i:số)[^\S\n]*+)?:?[^\S\n]*+$")
"""A passport's label ending a text, its «số» or colon after it."""


def passport_label_ends(text: str, start: int, end: int) -> bool:
    """Whether a passport's label ends text[start:end], its «số» or colon after it: a passport's
    number alone opening the next paragraph is its (`PASSPORT_ALONE`)."""
    reach = max(start, end - _LABEL_AT_END_REACH)
    return _PASSPORT_LABEL_AT_END.search(text, reach, end) is not None


def label_ends(text: str, start: int, end: int) -> bool:
    """Whether a private number's label (`PRIVATE_LABEL_WORDS`) ends text[start:end], its «số»
    or colon after it: a number alone opening the next paragraph is its (`NUMBER_ALONE`)."""
    return _LABEL_AT_END.search(text, max(start, end - _LABEL_AT_END_REACH), end) is not None


LIST_MARK = r"[^\S\n]{0,3}(?:[-*+]|\d{1,3}[.)])[^\S\n]"
"""A Markdown list item's mark opening a line, a space after it («- », «2. », «  * »)."""
NAMED_ITEM = re.compile(
    rf"{LIST_MARK}[^\S\n]*+"
    rf"(?:{_BANK_NAME}[^\S\n]*+:[^\S\n]*+(?P<number>\d)|(?P<passport>{PASSPORT_NUMBER})(?!\w))"
)
"""A list item opening with a bank's name and «:» before a number («- BIDV: 0987…») or with a
passport's number («- B7654321»), on both channels: the next of a list of private numbers
after one, as an item opening with a number is («Số tài khoản:⏎- Vietcombank: 0123…⏎- BIDV:
0987…»: the second was read out, told by no check)."""


def listed_passports(text: str, end: int) -> list[re.Match[str]]:
    """The passports' numbers listed after one ending at text[end], each its letter and seven
    or eight digits, on both channels (R9.5)."""
    found = []
    while (item := _LISTED_PASSPORT.match(text, end)) is not None:
        found.append(item)
        end = item.end()
    return found


def listed_numbers(text: str, end: int, *, of_id: bool, bare: bool = False) -> list[re.Match[str]]:
    """The numbers listed after an ID's (`of_id`) or an account's number ending at text[end]
    (`STK: 0123456789, 9876543210 và 1122334455`), each an ID's or an account's as the first
    is, on both channels: the radio read them out and the website told none. Each as long as
    one (after a `bare` «tài khoản», as its first: `bare_account_number`), with neither money
    nor anything counted after it, nor a date's or thousands' shape: the list ends before any
    other («STK 0123456789, 15.03.2024 mới báo»)."""
    found = []
    while (item := _LISTED.match(text, end)) is not None:
        number, after = item["number"], item.end("number")
        cut = account_before_amount(number, text, after)
        if cut is not None:
            # «STK 0123… => 9876543210 500.000 đồng»: the amount is its own, no list's end.
            item = _LISTED.match(text, end, item.start("number") + cut) or item
            number, after = item["number"], item.end("number")
        if _not_listed(number) or not _long_enough(number, text, after, of_id=of_id):
            break
        if spaced_range(number, text, after):
            break
        # _long_enough asked for money after it already: only the bare word's range is left
        if bare and (
            digit_count(number) not in BARE_ACCOUNT_DIGITS or account_range(number, text, after)
        ):
            break
        found.append(item)
        end = item.end()
    return found


SHORT_CODE_END = r"(?![\w/]|[.,]\d|[ .-]\d)"
"""Digits ending a short code: no letter, slash, decimal, nor a group after a space, a dot or a
hyphen (`số TK 1903 4567 8901 23`, `TK 0071-0001-2345`: one long number, someone's account)."""
_SHORT_CODE = re.compile(
    rf"(?<!\w){ACCOUNT_LABEL}(?![^\W\d_])(?P<gap>{TIGHT_GAP})(?P<code>\d{{3,5}}){SHORT_CODE_END}"
)
"""A public account's short code right after an account's label (`STK 1234`, `nộp vào TK 3511`):
no one's number, read digit by digit (publish.radio.accounts)."""
_CODE_HINT = re.compile(r"(?i:tk|khoản)\s*+(?:(?i:số)\s*+){0,2}[:/]?\s*+\(?\s*+\d{3,5}(?!\d)")
"""What every `_SHORT_CODE` match holds: searched first, far cheaper than its labels."""


def short_codes(text: str) -> Iterator[re.Match[str]]:
    """Each account's label and short code right after it in `text` (`_SHORT_CODE`), a bare `TK`
    among them (group `paid_tk`): the one pattern the radio reads codes by and both channels
    find the accounts listed after one by (`accounts_after_codes`)."""
    if _CODE_HINT.search(text):
        yield from _SHORT_CODE.finditer(text)


def accounts_after_codes(text: str) -> list[re.Match[str]]:
    """The numbers as long as an account's listed after an account's short code («STK 1234 và
    1903 4567 8901 23», «Nộp vào TK 3511 và 0123456789»): someone's accounts, on both channels
    (the radio read them out, the website told none). Short codes among them are passed over;
    the list ends before a date, an amount, a count (`listed_numbers`)."""
    found: list[re.Match[str]] = []
    for code in short_codes(text):
        tk = code["paid_tk"] is not None
        if tk and not paid_into_tk(text, code.start(), code.end(), code["gap"]):
            continue
        end = code.end()
        while (item := _LISTED.match(text, end)) is not None:
            number, after = item["number"], item.end("number")
            if _not_listed(number) or quantity_follows(text, after):
                break
            if spaced_range(number, text, after):
                break
            if digit_count(number) >= min(ACCOUNT_DIGITS):
                if not _long_enough(number, text, after, of_id=False):
                    break
                found.append(item)
            end = item.end()
    return found


_ONES_KINDS = ("thẻ", "số", "số thuế")
"""What a «mã» may name that is a person's card or ID number: `mã thẻ`, `mã số thẻ`, `mã số`,
`mã số thuế` (since 1/7/2025 a person's tax code is their CCCD's number)."""
_KINDS = (
    r"Smart OTP|OTP|PIN|(?i:xác thực|xác nhận|xác minh|kích hoạt|bảo mật|đăng nhập|giao dịch|"
    r"đơn hàng|vận đơn|bưu kiện|bưu phẩm|khách hàng|hồ sơ|tra cứu|hợp đồng|thẻ cào|thẻ|"
    r"dự thưởng|trúng thưởng|nhận thưởng|giới thiệu|tham chiếu|chuyển khoản|cuộc họp|phòng|vé|"
    r"nhân viên|sản phẩm|vạch|bưu chính|số thuế|số)"
)
"""What a scam warning's «mã» names that is a number: a one-time or secret code, an order's,
a transaction's, a prize's, a scratch card's, a meeting room's, a fake staff member's, a
product's bar code. Not «mã QR» (a picture), «mã độc» (malware), «mã giảm giá», «mã khuyến
mãi» (an amount may follow)."""
_KIND = re.compile(rf"(?<!\w)(?:{_KINDS})(?!\w)")
_GIVEN = (
    r"(?i:nhập|cung cấp|gửi|đọc|nhận|chia sẻ|tiết lộ|điền|gõ|đưa|nhắn)"
    r"(?:\s++(?i:lại|sai|đúng|được))?"
)
"""A verb of typing or handing over before a bare «mã»: `nhập mã 0071`, `đọc lại mã 1234`."""
CODE_WORDS = (
    rf"(?<!\w)(?:(?i:mã)(?:\s++(?:{_KINDS})(?!\w)){{1,3}}|{_GIVEN}\s++(?i:mã)(?!\w))"
    r"\s*+(?::|(?i:là)(?!\w))?\s*+"
)
"""«mã» and what it names, or a verb and a bare «mã», then a colon or «là»: the digits after
them are a typed code (publish.radio.entry_codes)."""
CODE_BEFORE = re.compile(CODE_WORDS + "$")
"""What makes the digits after it a typed code (`mã vận đơn`, `nhập mã:`), read digit by digit
and never held as a card's number (R9.6): the website's personal-data lint asks the same."""
_CODE_REACH = 200
"""How far back `CODE_BEFORE` is looked for: its words are far shorter."""


def names_ones_number(words: str) -> bool:
    """Whether a typed code's `words` (a `CODE_WORDS` match) may name a bank card's or a CCCD's
    number: a bare «mã» handed over (`nhập mã`, `cung cấp mã`: what a scam asks for) or a «mã»
    naming a card, a tax code or a number alone (`mã thẻ`, `mã số thuế`, `mã số`), not an
    order's or a waybill's."""
    named = words.lower().find("mã") + len("mã")
    return all(kind[0].lower() in _ONES_KINDS for kind in _KIND.finditer(words, named))


_LISTED_NUMBER = r"\+?\d(?>(?:[ .-]?\d)*)"
_SOFT_GAP = r"[^\S\n]*+(?:\n[^\S\n]*+)?"
"""Spaces with at most one line break: a paragraph's soft break, which the page shows as a space."""
LIST_JOIN = (
    rf"[^\S\n]*+(?:[,;/–-]{_SOFT_GAP}(?:(?i:và|hoặc|hay)(?=\s){_SOFT_GAP})?"
    rf"|(?i:và|hoặc|hay)(?=\s){_SOFT_GAP})"
)
"""Between two numbers of one list («A, B», «A và B», «A - B», «A/B», «A, hoặc B»): a joint, never
a space alone («Số tiền 500 84987654321»: two numbers, no list); a line may break after the
joint, as in a paragraph («0912…,⏎0987…»), never before it («0912…⏎- 0987…»: a list item).
publish.pii_phones and publish.radio.callers read a list with it too."""
_OTHER_LABEL = re.compile(
    r"(?<![^\W\d_])(?i:mã|số(?![^\S\n]++(?:điện thoại|máy|thuê bao|di động|lạ|đt|sđt|của|là)"
    r"(?![^\W\d_]))[^\S\n]++[^\W\d_]++)(?>(?:[^\S\n]++[^\W\d_]++){0,3})[^\S\n]*+:?[^\S\n]*+"
    rf"(?:(?P<first>{_LISTED_NUMBER}){LIST_JOIN}(?>(?:{_LISTED_NUMBER}{LIST_JOIN})*))?$"
)
"""A label naming what digits after it are, other than a phone's: «mã đơn», «số hồ sơ», «số
hợp đồng» (not «số điện thoại», «số lạ», nor «số» right before the digits); right before them
or before the list they follow («Số hồ sơ 84912345678 - 84912345679»: its `first` number)."""
_HOME_PHONE = re.compile(rf"0{_PHONE_BODY}")
"""A phone number's digits as dialled at home (publish.contact_numbers.home_digits)."""
_LISTED_ON = re.compile(
    rf"(?:{LIST_JOIN}|[^\S\n]++(?i:đến|tới)[^\S\n]++)(?P<number>\d(?:[ .-]?\d){{6,}})(?![\d]|[ .-]\d)"
)
"""After a number, one more of its list or range («- 84 987 654 321», «đến 94 987 654 321»,
«, 84987654321 và 84987654322»), of 7 digits or more, as an amount's (`_range_of_amounts`)."""
_PHONE_WORD_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?i:điện thoại|hotline|đường dây nóng|gọi|liên hệ|tổng đài|thuê bao"
    r"|(?P<so>số))|SĐT|ĐT)"
    r"(?>(?:[^\S\n]*+:?[^\S\n]*+(?i:ngay|số|tới|đến|vào|qua|từ|cho|máy)(?![^\W\d_])){0,2})"
    r"[^\S\n]*+:?[^\S\n]*+$"
)
"""A phone's word right before a number, which the radio reads a number after digit by digit
(publish.radio.codes' trigger), or «số» («nhắn tin đến số», «Zalo số», «Số 84…»; never «con
số», «chỉ số», «tổng số», «hệ số», «đa số», «doanh số», «biển số», «xổ số», which are no
phone's, however many spaces between: `_COUNT_BEFORE`): after it, «84.912.345.678» is a phone
from abroad; anywhere else an amount's thousands."""
_COUNT_BEFORE = re.compile(r"(?i:tổng|con|chỉ|hệ|đa|doanh|biển|xổ)[^\S\n]++$")
"""Right before a «số» `_PHONE_WORD_BEFORE` found, the word making it a count's («tổng  số»:
two spaces, a no-break space, which a look-behind of fixed width let through)."""
_COUNT_REACH = 16
"""How far before a «số» `_COUNT_BEFORE` is looked for: its words and a few spaces."""
_PHONE_WORD_REACH = 60
"""How far back `_PHONE_WORD_BEFORE` is looked for: its words are far shorter."""


def bare_84_phone(text: str, start: int, end: int) -> bool:
    """Whether the digits at text[start:end], a bare «84» and a mobile's nine digits
    («84912345678», publish.contact_numbers.WRITTEN_COUNTRY), may be a phone number: not an
    amount or a count (`84912345678 đồng`, also after the last of its range: «84 912 345 678
    - 84 987 654 321 đồng», `_range_of_amounts`), nor digits a label names as something else
    (`mã đơn 84912345678`, `số hồ sơ …`), as they were before a bare «84» was read as the
    country code; «84.» (a dot after the code) only right after a phone's word
    (`_PHONE_WORD_BEFORE`). A list is judged once, by its first number: after «mã hồ sơ
    84912345678, » the next is a code too, after «mã đơn 0912345678, » a phone, as its first
    is. The radio, the website's personal-data lint and its links ask the same."""
    if quantity_follows(text, end):
        return False
    phone_word = _phone_word_before(text, start)
    if phone_word is None and (
        text.startswith("84.", start) or _range_of_amounts(text, start, end)
    ):
        return False
    label = _OTHER_LABEL.search(text, max(0, start - _CODE_REACH), start)
    if label is None:
        return True
    first = label["first"]
    return first is not None and _phone_at_home(first)


def _phone_word_before(text: str, start: int) -> re.Match[str] | None:
    """A phone's word right before text[start] (`_PHONE_WORD_BEFORE`), but a count's «số»."""
    pos = max(0, start - _PHONE_WORD_REACH)
    while (found := _PHONE_WORD_BEFORE.search(text, pos, start)) is not None:
        at = found.start()
        if found["so"] is None or not _COUNT_BEFORE.search(text, max(0, at - _COUNT_REACH), at):
            return found
        pos = at + 1
    return None


def _range_of_amounts(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] opens a list or range of amounts, a unit after
    its last: each of the others of 7 digits or more, however long («từ 84 500 000 000 đến 1 200
    000 000 000 đồng»), and no whole phone number («84912345678 - 0987654321 người nhà»: two
    phones); after a number written whole, as a phone is, only numbers about as long."""
    first = text[start:end]
    # Written whole, a phone's shape: money after it is no end of its range unless about as
    # long («Anh A 84912345678, 2.500.000 đồng» names a phone, then what was taken).
    after = _LISTED_ON.match(text, end) if first.isdigit() else None
    if after is not None and sum(c.isdigit() for c in after["number"]) < len(first) - 1:
        return False
    last = _range_end(text, end)
    return last != end and quantity_follows(text, last)


_RANGE_ENDS: list[tuple[str, dict[int, int]]] = [("", {})]
"""The last text walked by `_range_end` and, for each place in it walked from, where its walk
ended: every number of a list walks to the same end, asked afresh each it was quadratic (a
list of 4,000 numbers took seconds)."""


def _range_end(text: str, end: int) -> int:
    """Where the list or range after the number ending at text[end] ends (`_LISTED_ON`),
    before its first whole phone number (`_phone_at_home`)."""
    walked, ends = _RANGE_ENDS[0]
    if walked is not text:
        ends = {}
        _RANGE_ENDS[0] = (text, ends)
    passed: list[int] = []
    pos = end
    while (last := ends.get(pos)) is None:
        passed.append(pos)
        item = _LISTED_ON.match(text, pos)
        if item is None or _phone_at_home(item["number"]):
            last = pos
            break
        pos = item.end()
    for place in passed:
        ends[place] = last
    return last


def _phone_at_home(number: str) -> bool:
    """Whether `number`, as written, is a whole phone number from its 0 or its «+»: a list it
    opens is one of phones («mã đơn 0912345678, 84912345679»), not one it opens as a code does
    («Số hồ sơ 012, 84912345678»)."""
    if not number.startswith(("0", "+")):
        return False
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    return _HOME_PHONE.fullmatch(home_digits(digits)) is not None


def read_as_code(text: str, pos: int) -> bool:
    """Whether the digits at text[pos:] follow a typed code's words naming no one's card or ID
    (`mã vận đơn 4123…`): the radio reads them digit by digit, no one's number (R9.6)."""
    # Bounded: searched from 0 for every number of a paragraph, it would be quadratic.
    code = CODE_BEFORE.search(text, max(0, pos - _CODE_REACH), pos)
    return code is not None and not names_ones_number(code[0])
