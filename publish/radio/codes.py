"""Pass P2: codes that contain digits and are read specially (R9, R13, R14.4, R14.7)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from publish.contact_numbers import country_lead, home_digits
from publish.number_words import (
    ACCOUNT_DIGITS,
    ACCOUNT_LABEL,
    BARE_ACCOUNT,
    BARE_ACCOUNT_DIGITS,
    ID_DIGITS,
    ID_LABEL,
    LABEL_GAP,
    PASSPORT_LABEL,
    PASSPORT_NUMBER,
    TAX_GAP,
    TAX_LABEL,
    TIGHT_GAP,
    accounts_after_codes,
    bare_84_phone,
    bare_account_number,
    currency_end,
    digit_count,
    labelled_cards,
    labelled_number,
    listed_numbers,
    listed_passports,
    paid_into_tk,
    personal_tax_code,
    without_its_amount,
)
from publish.radio.accounts import read_short_accounts
from publish.radio.caps import CAPITAL_LETTERS
from publish.radio.dialling import read_codes_after_whole_numbers, read_dialling_codes
from publish.radio.either_case import word_alone
from publish.radio.entry_codes import digit_groups, read_entry_codes
from publish.radio.flags import BLOCKING, WARNING, Context
from publish.radio.given_names import a_full_name
from publish.radio.gold import read_gold_fineness
from publish.radio.masked import MASK, read_masked_numbers
from publish.radio.masked_plates import plate_head, read_masked_plates
from publish.radio.measures import money_follows, quantity_follows
from publish.radio.numbers import cardinal, digit_by_digit, has_digit
from publish.radio.pauses import pause_after
from publish.radio.place_kinds import KINDS_PATTERN, SUB_COMMUNE_PATTERN
from publish.radio.tail import ends_before
from publish.radio.titles import FORMS_OF_ADDRESS
from publish.text import YEAR, is_card, is_citizen_id, mask, mask_code, masked_passport

__all__ = ["dated_symbols", "left_blank_at", "read_codes"]

_ISSUERS = {
    "CP": "Chính phủ",
    "BCA": "Bộ Công an",
    "QH": "Quốc hội",
    "TTg": "Thủ tướng Chính phủ",
    "UBND": "Ủy ban nhân dân",
    "CAH": "Công an huyện",
    "CAT": "Công an tỉnh",
    "HU": "Huyện ủy",
    "ĐU": "Đảng ủy",
}
_KINDS = {
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "NQ": "Nghị quyết",
    "KH": "Kế hoạch",
    "CV": "Công văn",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "HD": "Hướng dẫn",
    "KL": "Kết luận",
    "QĐi": "Quy định",
}
_ISSUER_CODE = "(?:TTg|[A-ZĐ]+)"
"""One issuer in a document's symbol as R13.3 writes it: capitals (`UBND`, `BCA`), or `TTg`."""
_KIND_CODE = "(?:" + "|".join(sorted(_KINDS, key=len, reverse=True)) + ")"
"""A known kind of document in its symbol (`QĐ`, `TTLT` before `TT`)."""
_ISSUER_CODES = rf"{_ISSUER_CODE}(?:-{_ISSUER_CODE})*"
_ROADS = {
    "QL": "quốc lộ",
    "ĐT": "đường tỉnh",
    "TL": "tỉnh lộ",
    "ĐH": "đường huyện",
    "CT": "đường cao tốc",
}
_DOC_WORD = re.compile(
    r"(?i:luật|nghị định|thông tư(?: liên tịch)?|quyết định|chỉ thị|nghị quyết|kế hoạch|"
    r"công văn|thông báo|báo cáo|hướng dẫn|kết luận|quy định|văn bản|số)\s*:?\s*$"
)

_NAMED_NUMBER = re.compile(
    r"(?<!\w)((?i:đề án|dự án|chương trình|chỉ thị|nghị định|nghị quyết|quyết định|thông tư|"
    r"kế hoạch|công văn|kết luận|quy định|thông báo|báo cáo|hướng dẫn)(?:\s+(?i:số))?\s*)"
    r"(0\d{1,2})(?![\w/-]|[.,]\d)"
)
"""`Đề án 06`: a document or programme named by a number written with its zero, said with it."""

_PRIVATE_NUMBER = re.compile(
    rf"(?<!\w)(?P<label>(?P<id>{ID_LABEL}|(?P<passport>{PASSPORT_LABEL})|(?P<tax>{TAX_LABEL}))"
    rf"|{ACCOUNT_LABEL}"
    rf"|(?P<bare>{BARE_ACCOUNT}))(?![^\W\d_])"
    rf"(?P<gap>(?(bare){TIGHT_GAP}|(?(tax){TAX_GAP}|(?:{TIGHT_GAP}|{LABEL_GAP}(?<![^\W\d_])))))"
    rf"(?P<number>(?(passport){PASSPORT_NUMBER}(?!\d)|(?!))|\d[\d .xX-]{{4,}}\d)(?!\d)"
)
"""An ID or account number after its label (the website's, publish.number_words), of six
characters or more (an account's six digits: number_words.ACCOUNT_DIGITS), its middle
hidden or not (`012xxxxx89`, see publish.radio.masked), grouped by spaces, dots or hyphens:
never read either way. «Mã định danh cá nhân» is the citizen ID's number. Words may come between
(`số tài khoản Vietcombank 0071…`), not after a bare «tài khoản», and then the number is one
as the website tells it (publish.number_words' `labelled_number`). One hyphen may make a range
instead (`bare_account_number`). A passport's number (`C1234567`) after its word too: read as a
code before (R14.7), in full; a person's tax code (`personal_tax_code`), a business's read,
after the tax code's own gap (`TAX_GAP`: an aside in brackets may hold digits)."""
_ID_FEWEST_CHARACTERS = 8
"""An ID's number after its label is dropped from so many characters (the pattern's own bound
before accounts of six digits were taken too)."""
_AMOUNT_JOINT = re.compile(r"[ -]\d")
"""A hyphen or a space, then an amount, right after a dropped account's number."""
_SPACED_HYPHEN = re.compile(r" -|- ")
"""Between groups no CCCD hold reads (`087 - 123 - 456 - 789`): dropped here, as a tax code."""
_CLAUSE_CLOSE = re.compile(r" *+(?:[,;.!?](?=\s|$)|\)|$)")
"""After a private number: its clause ends there (a stop, a comma, a bracket, the text)."""
_CLAUSE_OPEN = re.compile(r"[,;(]")
_BRACKET_SHUT = re.compile(r"\s*+\)")
_SENTENCE_START = re.compile(r"[.!?]\s+")
_ISSUED = re.compile(
    r"(?:(?:\s*,)?\s+(?:(?:(?i:do)\s[^,;!?()]{0,80}?)?(?i:cấp)(?!\w)(?:\s+(?i:ngày|năm|tại|từ)(?!\w)"
    r"[^,;!?()]{0,80}?)?|(?i:ngày cấp|nơi cấp)(?!\w)[^,;!?()]{0,80}?)(?=\s*(?:[,;!?)]|\.(?:\s|$)|$)))+"
)
"""After an ID number: where and when it was issued (`do Cục Cảnh sát cấp`, `, cấp ngày 5/3/2021`),
details of the number alone, which go with it. Each part is short: bounded, so a long run of
«cấp ngày…» without a stop cannot take quadratic time."""
_OWN_NUMBER_WORD = re.compile(r"(?i:số)\s+")
"""`Số tài khoản`: «số» of the number that went, said «tài khoản» once the number is gone."""
_NUMBER_WORD = re.compile(r"(?i:\bsố)\s*$")
"""`số` right before a label: `số tài khoản`, `có số CCCD` («số» of the number that went)."""
_HAS_ID = re.compile(r"(?:\s+(?i:có|mang))?(?:\s+(?i:số))?\s*$")
"""What joins a person to their ID at the end of a sentence: `… có số CCCD`."""
_SUBJECT_WORDS = 5
"""Up to so many words before `có CCCD …` name the person only (`Đối tượng Nguyễn Văn A`): the
sentence says nothing else and goes; a longer one tells the news and stays."""
_PARTY_DOCUMENT = re.compile(r"(?<![\w/])(\d+)-([A-ZĐ][A-Za-zĐ]{0,3})/([A-ZĐ][A-Za-zĐ]*)(?!\w)")
"""A Party document, `05-CT/TW`: number, kind, issuer (`TW` Trung ương, `HU` Huyện ủy) (R13.3)."""
_CASE_KINDS = {
    "HS": "hình sự",
    "DS": "dân sự",
    "HC": "hành chính",
    "LĐ": "lao động",
    "KDTM": "kinh doanh thương mại",
    "HNGĐ": "hôn nhân và gia đình",
}
_TRIAL_STAGES = {"ST": "sơ thẩm", "PT": "phúc thẩm", "GĐT": "giám đốc thẩm"}
_COURT_CASE = re.compile(
    rf"(\d(?<![\w/]\d)\d*)/((?:19|20)\d{{2}})/({'|'.join(_CASE_KINDS)})-?({'|'.join(_TRIAL_STAGES)})"
    r"(?!\w)"
)
"""A court's judgment or case number, `12/2026/HS-ST`, `45/2026/HSST`: number, year, the case's
kind and the trial's stage, no issuer (R13.3 held «ST» as one)."""
_NUMBERED_IN_YEAR = re.compile(
    "("
    + word_alone(
        "(?i:luật|pháp lệnh|nghị định|thông tư liên tịch|thông tư|quyết định|chỉ thị|nghị quyết|"
        "kế hoạch|công văn|thông báo|hướng dẫn|kết luận|quy định|văn bản|số)",
        "NĐ|QĐ|NQ|KH|CV",
    )
    + r"(?:\s+(?i:số))?\s*:?\s*)(\d{1,5})\s*/\s*((?:19|20)\d{2})(?![\w/-]|[.,]\d)"
    r"((?:\s*(?:,|(?i:và|hoặc))\s*\d{1,5}\s*/\s*(?:19|20)\d{2}(?![\w/-]|[.,]\d))*)"
)
"""`Nghị định 168/2024`, `Chỉ thị 12/2024`, `Vụ án số 12/2024`: a document's or a case's number
and year with no kind or issuer written, said `<number> năm <year>` as R13.3 says the whole
form, never «một trăm sáu mươi tám trên hai nghìn …» (R12.3) nor a month «tháng mười hai năm …»
(R7): after «số» comes a number, never a month. Spaces around the slash change nothing
(«một trăm hai nghìn …» was one number), and more numbers in the list are of the same kind
(`Nghị định số 100/2019 và 123/2021`)."""
_IN_YEAR = re.compile(r"(\d{1,5})\s*/\s*((?:19|20)\d{2})")
_SPACED_DOCUMENT = re.compile(
    r"(\d(?<![\w/]\d)\d{0,4})\s*/\s*(?:((?:19|20)\d{2})\s*/\s*)?([A-ZĐ]{1,5}|[a-zđ]{1,5})\s*-\s*"
    r"([A-ZĐ][A-Za-zĐ]*|[a-zđ]+)(?![\w-])"
)
"""`100 / 2019 / NĐ - CP`, `100/2019/nđ-cp`: a document number pasted with spaces or typed in
lower case, which R13.3 did not know: its number and year were said as one number («một trăm
hai nghìn không trăm mười chín») and its kind left in writing."""
_SPACED_SLASH = re.compile(
    r"(?<![\w.,/])(?<!\d )(\d{1,4})(?:[^\S\n]+/[^\S\n]*|/[^\S\n]+)(\d{1,4})(?![\w/]|[.,]\d| \d)"
)
"""`3 / 4`, `45 /50`, `5/ 12`: a slash typed with spaces between two numbers is the slash written
tight, a fraction, a date or `trên`; left spaced, the slash was dropped unsaid and the numbers ran
together («có ba bốn số vụ»). Not between the groups of phone numbers (`… 678 / 0913 …`)."""
_LOWER_KINDS = {kind.casefold(): kind for kind in _KINDS}
_LOWER_ISSUERS = {issuer.casefold(): issuer for issuer in _ISSUERS}
_MAYBE_A_MONTH = re.compile(
    r"(?i:kế hoạch|báo cáo|thông báo|hướng dẫn|kết luận|quy định|văn bản|công văn)\s*"
)
"""A document's kind and no «số» before `N/YYYY`: «theo kế hoạch 12/2024» may be the plan of
December 2024 as well as plan number 12; so may «Kế hoạch 12/2024» opening a sentence or
written with the capital of a document's name (it was read as a number with no word)."""
_NUMBER_LABEL = r"(?<!\w)(?i:số)(?:\s+(?i:hiệu))?(?:\s*:)?"
"""What labels a document's number: «Số:», «số», «Số hiệu:»."""
_PLACEHOLDER = r"(?:(?:…|\.{3})[.…]*|_{2,})"
"""What a draft types where the number will go: «…», «...», «....», «___»."""
_BLANK_NUMBER = re.compile(
    rf"(?:(?P<said>{_NUMBER_LABEL})\s*)?(?:(?<![\w.…])(?P<blank>{_PLACEHOLDER})\s*|(?<![\w/.-]))"
    r"(?P<symbol>/(?:(?P<year>(?:19|20)\d{2})/"
    rf"(?:\d{{2}}/)?)?(?P<kind>{_KIND_CODE})-(?P<issuers>{_ISSUER_CODES})(?![\w/-]))"
)
"""A document's number left blank, as a draft is typed before the document has its number:
`Số: /2020/QĐ-UBND`, `số /2020/12/QĐ-UBND`, `Số: /QĐ-UBND`, `Số: …/2020/QĐ-UBND` (R13.3 reads
`N/YYYY/<KIND>-<ISSUER>`). Its «/» was left unread («Còn ký hiệu không đọc được: «/hai»», Q2);
a placeholder holds the number's place and is none of what is read."""
_LABEL_REACH = 80
"""How far before a dated path its number label and placeholder may start (`left_blank_at`)."""
_DATED_SYMBOL = re.compile(rf"/(?:19|20)\d{{2}}/\d{{2}}/{_KIND_CODE}-{_ISSUER_CODES}(?![\w/-])")
"""A dated path ending in what reads as a document's symbol («/2020/12/TB-CONG-AN-XA»), also
after a placeholder or folders: looked for from its «/» alone, which `re` skips to (each body
is searched on every build); what comes before is `left_blank_at`'s to judge."""
_LAW_QH = re.compile(r"(?<![\w/])(\d+)/(\d{4})/QH(\d+)(?!\w)")
_LEGAL = re.compile(
    r"(?<![\w/])(\d+)/(?:(\d{4})/)?([A-ZĐ]{1,5})-([A-ZĐ][A-Za-zĐ]*(?:-[A-ZĐ][A-Za-zĐ]*)*)(?!\w)"
)
_PHONE_TRIGGER = re.compile(
    "(" + word_alone("(?i:điện thoại|hotline|đường dây nóng|gọi|liên hệ|tổng đài)", "SĐT|ĐT") + ")"
    r"(\s*+:?+\s*+(?>(?:(?i:ngay|số|tới|đến|vào|qua)\s++){0,2}):?+\s*+)(\+?\d[\d .\-]*\d)(?![\w]|[.,]\d)"
)
_DIGIT_GAP = r"[ .\-]?"
_NATIONAL = rf"(?:[35789](?:{_DIGIT_GAP}\d){{8}}|2(?:{_DIGIT_GAP}\d){{9}})"
"""After a country code, a mobile's nine digits or a landline's ten."""
_NOT_AFTER = (r"[\w+.,/]",)
_PHONE_SHAPE = "(" + country_lead(_DIGIT_GAP) + _NATIONAL + r"|0\d(?:[ .\-]?\d){8,9})"
"""A phone number: one with its country code by the rule every channel reads one
(publish.contact_numbers.country_lead: «+84 912 345 678», «0084 277 3610 113» as dialled from
abroad, «84912345678» as Zalo copies a number), or 0 and nine or ten digits more."""
_PHONE_ALONE = (
    "("
    + country_lead(_DIGIT_GAP, _NOT_AFTER)
    + _NATIONAL
    + r"|0(?<![\w+.,/]0)\d(?:[ .\-]?\d){8,9})"
)
_PHONE = re.compile(_PHONE_ALONE + r"(?![\d]|[.,/]\d)")
"""`_PHONE_SHAPE` with nothing of a word or a number before it; each branch looks behind after
its first character, as `numbers.NUMBER_ALONE` does, so `re` skips to the next `+`, `0` or `8`.
«0084» is tried before «0»: from its first 0, «0084 277 3610 113» was «0084 277 3610» and 113."""
_PHONE_NUMBER = re.compile(_PHONE_SHAPE)
_AREA_CODE_PHONE = re.compile(
    r"\((?<![\w+.,/]\()\s*(\+84|0\d{1,3})\s*\)\s*(?:-\s*)?(\d(?:(?:[ ]?-[ ]?|[ .])?\d){5,9})"
    r"(?![\d]|[.,/]\d)"
)
"""`(0277) 3610113`, `(028) 3829 7143`: an area code in brackets, then the subscriber number,
its groups maybe apart by dashes (`(0277) – 3610 – 113`, its en dashes hyphens by now: it was
read as amounts, «ba nghìn sáu trăm mười»)."""
_SUBSCRIBER_GROUPS = {6: (3, 3), 7: (3, 4), 8: (4, 4), 9: (3, 3, 3), 10: (3, 3, 4)}
"""How an unseparated subscriber number is split for breath pauses (R9.2)."""
_PHONE_PAIR = re.compile(_PHONE_ALONE + r"(?:\s*/\s*|\s+-\s+)" + _PHONE_SHAPE + r"(?![\d]|[.,/]\d)")
"""`0912.345.678/0277.3851.234`, `0277.3861.234 - 0913.123.456`: two numbers, either will do;
a dash between them was said as a comma, and the first number ran into the second."""
_PHONE_LIST = re.compile(
    rf"{_PHONE_ALONE}(?:\s*+,\s*+{_PHONE_SHAPE}(?!\d))+"
    rf"(?:\s*+,?\s*+(?P<joiner>(?i:và|hoặc|hay))\s++{_PHONE_SHAPE})?(?![\d]|[.,/]\d)"
)
"""Whole phone numbers listed with commas (`0912…, 0987…`, `0912…, 0987… hoặc 0903…`): each
read in groups with commas between them (R9.2), they ran into one another."""
_SERVICE = re.compile(r"(?<![\w.,])(11[1345]|1[89]00(?:[ .]?\d)+)(?![\w]|[.,]\d)")
_SERVICE_WORD = (
    r"(?<!\w)(?i:gọi|báo(?!\s+cáo)|cảnh sát|cứu hỏa|cứu hoả|cứu nạn|cứu hộ|cấp cứu|khẩn cấp|"
    r"đường dây|tổng đài|hotline|liên hệ|điện thoại|SĐT|ĐT)"
)
_SERVICE_CONTEXT = re.compile(
    _SERVICE_WORD + r"(?>(?:\s++[^\W\d_]++){0,2})\s*+:?+\s*+$"
    r"|" + _SERVICE_WORD + r"[^.!?;]{0,80}\s(?i:hoặc)\s++(?>(?:(?i:gọi)\s++)?)(?>(?:(?i:số)\s++)?)$"
)
"""A trigger right before a service number or at most two words before it, or a number given as
an alternative (`đường dây nóng 0912… hoặc số 113`) to one a trigger introduced (R9.3)."""
_POLICE_COLON = re.compile(r"(?<!\w)(?i:công an)\s*+:\s*+$")
"""«Công an: 113» in a list of numbers to call (R9.3): with the colon only («Công an huyện bắt
113 đối tượng» is a count), and with no word after the number (`_WORD_AFTER`): «Công an: 113
đồng chí; Quân sự: 50 đồng chí» breaks a force down."""
_WORD_AFTER = re.compile(r"\s*+[^\W\d_]")
_SERVICE_NUMBER_WORD = re.compile(r"(?<!\w)(?<![Tt]ổng )(?<!TỔNG )(?i:số)(?:\s+(?i:máy))?\s*:?\s*$")
"""`số 113`, `số máy 115`: a service number named as a number (R9.3), unless `_NUMBERED` says
it numbers something else; not a total (`Tổng số: 112.`), a count of the same shape."""
_NUMBERED = re.compile(
    r"(?<!\w)(?i:luật|nghị định|thông tư|quyết định|chỉ thị|nghị quyết|kế hoạch|công văn|"
    r"thông báo|báo cáo|hướng dẫn|văn bản|tờ trình|nhà|phòng|căn hộ|căn|lô|thửa|tờ|ki-ốt|ki ốt|"
    r"kiốt|tổ|khu|" + SUB_COMMUNE_PATTERN + r"|phố|đường|ngõ|ngách|hẻm|kiệt|tập|kỳ|khóa|khoá)"
    r"\s+số\s*$"
)
"""A document or a place with a number (`báo cáo số 113`, `nhà số 115`): no service number."""
_ADDRESS_AFTER = re.compile(
    r"/|\s*+,?+\s*+(?i:đường|phố|ngõ|ngách|hẻm|kiệt|quốc lộ|tỉnh lộ|"
    + SUB_COMMUNE_PATTERN
    + r"|tổ|khu)(?!\w)"
)
"""After `số 113`: a street or a document series (`số 113 đường Lê Lợi`, `số 113/…`)."""
_NAME_AFTER = re.compile(r"\s+(\w)")
"""After `số 113`: a word whose first letter is a capital names a street (`số 113 Lê Lợi`)."""
_ISSUE_OF = re.compile(r"(?<!\w)(?i:báo|tạp chí|bản tin)((?:\s+\w+){1,4})\s+số\s*$")
"""`Báo Đồng Tháp số 115`: a newspaper's issue, when the words between are its capitalised name."""
_LIST_JOIN = r"(?:\s*+(?:[,;/]|(?i:và|hoặc))\s*+|\s++-\s++)"
_LISTED_AFTER = re.compile(r"(?<!\d)(\d++)(?:" + _LIST_JOIN + r"|-)$")
"""`113, 114 và 115`, `113 - 114 - 115`, `113-114-115`: the number before a service number in a
list (R9.3); a dash, spaced or not, lists them as a comma does once the first is a service number
(a range of counts is no service number, `từ 111 - 115 hộ`), the range rule read «từ 114 đến
115». Only here: after a number already said digit by digit (`_LISTED_AFTER_SPOKEN`) a bare dash
may join a phone to its extension."""
_DIGIT_WORD = r"(?:không|một|hai|ba|bốn|năm|sáu|bảy|tám|chín)"
_LISTED_AFTER_SPOKEN = re.compile(
    rf"(?<!\w){_DIGIT_WORD}(?: {_DIGIT_WORD}){{2,}}" + _LIST_JOIN + "$"
)
"""The same, when the number before was read already, digit by digit: a service line after a
trigger (`gọi 113, 114`), or a phone number (`liên hệ số 0277.3861.234, 113 hoặc 114`). No
cardinal says three digit words in a row."""
_RANGE_END = re.compile(r"[^\S\n]*+-[^\S\n]*+\d++(?>(?:\.\d{3})*)(?![.,]\d)")
"""` - 115` after a number: the end of a range, a count when a counted noun follows it."""
_NAMED_LINE = re.compile(_SERVICE_WORD + r"[^\S\n]*+:?[^\S\n]*+$")
"""`Cấp cứu 115`: a service's name right before its number. `Cấp cứu 115 - 113 cuộc gọi`, which
falls, is no range (R12.1, blocked): the line, then how many calls it took."""
_UNSPACED_DASH_AFTER_LINE = re.compile(r"(?<![\w.,])(11[1345])-(?=\d)")
"""`115-113`: a service line glued by a hyphen to a number, maybe the count it took
(`_lines_spaced_from_counts`)."""
_DASHED_BEFORE = re.compile(r"\d[^\S\n]*+-[^\S\n]*+$")
"""`113 - ` before a number: the one before it in a range or a dashed list."""
_DASHED_TWICE_BEFORE = re.compile(r"\d[^\S\n]*+-[^\S\n]*+\d++(?>(?:\.\d{3})*)[^\S\n]*+-[^\S\n]*+$")
"""`113 - 114 - ` before a number: it ends a dashed list of three or more, which no range is."""
_SERVICE_SLASH = re.compile(r"(1(?<![\w.,]1)1[1345])\s*/\s*(?=11[1345](?!\w))")
"""`113/114/115`: listed with a slash; read with a pause between, like a comma."""
_PLATE_TRIGGER = re.compile(
    "(" + word_alone("BKS", "(?i:biển kiểm soát|biển số)") + ")"
    r"(\s*+(?>(?:số)?)\s*+:?+\s*+)"
    r"(\d{2}[ -]?[A-ZĐ]{1,2}\d?(?: ?[-.] ?| )?\d{3,5}(?:\.\d{2})?)(?!\w)"
)
_PLATE_REST = r"(?:\d[A-Z]{1,2}\d?-\d{3}\.?\d{2}|\d-?[A-Z]{1,2}\d? \d{3}\.\d{2})"
_PLATE = re.compile(rf"(\d(?<![\w.]\d){_PLATE_REST})(?!\w|\.\d)")
"""A plate with no `BKS` before it: `30A-123.45`, or a motorbike's two lines typed on one,
`59-X1 123.45`, `66B1 234.56`, `66A 123.45` (its serial's dot required: `20-25 123` is no
plate)."""
_PLATE_SHAPE = r"\d" + _PLATE_REST
"""`_PLATE`'s shapes, with no look-around: a plate in a list."""
_PLATE_LIST = re.compile(
    rf"\d(?<![\w.]\d){_PLATE_REST}(?:\s*+,\s*+{_PLATE_SHAPE})+"
    rf"(?:\s*+,?\s*+(?P<joiner>(?i:và|hoặc|hay))\s++{_PLATE_SHAPE})?(?!\w|\.\d)"
)
"""Plates listed with commas (`66K1-123.45, 66K1-234.56 và 66K1-345.67`): each read with
commas between its parts (R9.4), they ran into one another."""
_PLATE_IN_LIST = re.compile(_PLATE_SHAPE)
_KM_POST = re.compile(r"[Kk](?<!\w[Kk])[Mm]\s*(\d+)(?:\s*\+\s*(\d+))?(?![\w]|[.,]\d)")
_ROAD = re.compile("(" + word_alone("QL|ĐT|TL|ĐH|CT") + r")\.?\s*(\d+)([A-Z]?)(?![\w]|[.,]\d)")
_ROAD_WORD_BEFORE = re.compile(r"(?<!\w)(?i:đường)\s*$")
"""`đường ĐT 741`: the road's own «đường», which `đường tỉnh` would say twice."""
_PROVINCIAL_ROAD_BEFORE = re.compile(r"(?<!\w)(?i:tỉnh lộ|đường tỉnh)\s*+$")
_ROAD_KIND_BEFORE = {
    "QL": re.compile(r"(?<!\w)(?i:quốc lộ)\s*+$"),
    "ĐT": _PROVINCIAL_ROAD_BEFORE,
    "TL": _PROVINCIAL_ROAD_BEFORE,
    "ĐH": re.compile(r"(?<!\w)(?i:huyện lộ|đường huyện)\s*+$"),
    "CT": re.compile(r"(?<!\w)(?i:cao tốc)\s*+$"),
}
"""`đường tỉnh ĐT.849`, `Quốc lộ QL30`, `cao tốc CT.01`: the road's kind written before its
code, which the code's reading would say again («đường tỉnh đường tỉnh tám trăm …»)."""
_FORM_CODE = re.compile("(" + word_alone("CT|CC|DC|TK") + r")(\d{2})(?![\w]|[.,]\d)")
"""`CT01`, `CC01`, `DC02`, `TK01`: the Ministry's forms for residence, ID cards, population data
and passports, written with no dot; read as written, letters then each digit (R14.7)."""
_FORM_WORD_BEFORE = re.compile(
    r"(?<!\w)(?i:mẫu|tờ khai|biểu mẫu|phiếu|đơn)(?:\s+(?i:số))?\s*+:?\s*+"
    r"(?>(?:(?:CT|CC|DC|TK)\d{2}\s*+(?:,|(?i:và|hoặc))\s*+)*)$"
)
"""A form's word before its code, or before the codes listed ahead of it (`mẫu CT01, CT02`)."""
_EXPRESSWAY_BEFORE = re.compile(r"(?<!\w)(?i:cao tốc|tuyến)\s*+$")
"""`cao tốc CT01`, `tuyến CT01`: the expressway, as `CT.01` is anywhere (R13.2)."""
_FORM_WORD = re.compile(r"(?<!\w)(?i:mẫu|tờ khai|biểu mẫu|phiếu|đơn|thủ tục)(?!\w)")
"""A sentence that names a form (`tải mẫu đơn đăng ký CT01`, `tờ khai thay đổi thông tin cư
trú CT01`): its `CT01` is that form, not the expressway, though no form word is just before."""
_ROAD_WORD = re.compile(
    r"(?<!\w)(?i:cao tốc|tuyến|đoạn|km|giao thông|lưu thông|ùn tắc|tai nạn|quốc lộ)(?!\w)"
)
"""A sentence about a road: there `CT01` may still be the expressway, and R13.2 is told."""
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|\n")
_NUMBERED_PLACE = re.compile(r"(?<![\w.])([QP])\.\s?(\d{1,2})(?![\w/]|[.,]\d)")
"""`Q.1`, `P.5`: a district or ward named by its number (R14.3)."""
_PLACE_WORDS = {"Q": "quận", "P": "phường"}
_BIRTH_YEAR = re.compile(word_alone("SN|Sn|sn") + r":?\s*(\d{4})(?!\d)")
"""`SN 1990`, also `Sn 1990` as many bulletins type it (R14.4)."""
_YEAR_IN_BRACKETS = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[^\W\d_]\.))(\s*+\(\s*+)((?:19|20)\d{2})(?=\s*+[,)])"
)
"""`Trần Văn Nam (1992)`, `(1992, trú tại …)`: a year alone opening a bracket after a word,
or after one's full stop (`N.V.A. (2005)`, `Nguyễn Văn A. (1995)`)."""
_WORDS_BEFORE = re.compile(r"(?<!\w)((?:[^\W\d_]++\s++){0,5}[^\W\d_]++)$")
_INITIALS_BEFORE = re.compile(rf"(?<![\w.])(?:[{CAPITAL_LETTERS}]\.){{1,3}}[{CAPITAL_LETTERS}]\.?$")
"""A person's initials (`N.V.A`, `Đ.V.S.`), as police bulletins name minors and suspects."""
_INITIAL_STOP = re.compile(rf"(?<![\w.])[{CAPITAL_LETTERS}]\.$")
"""A name's last word cut to its initial (`Nguyễn Văn A.`): its stop is no sentence's end."""
_PERSON_WORD = re.compile(
    rf"(?<!\w)(?i:{FORMS_OF_ADDRESS}|đối tượng|bị can|bị cáo|bị hại|nạn nhân|nghi phạm)$"
)
"""Words a person's full name follows (`Đối tượng Trần Văn Nam`), capitalised or not."""
_CIRCULAR = re.compile(r"(?<!\w)TT\s+(?=(?:số\s+)?\d)")
_KIND_BEFORE = re.compile(
    f"({word_alone('|'.join(sorted(_KINDS, key=len, reverse=True)))})"
    r"(\s+(?:số\s+)?)"
    r"(?=\d+/(?:\d{4}/)?\1-)"
)
"""`NĐ 100/2019/NĐ-CP`, `QĐ 15/QĐ-CAH`: the kind written before the number as in it, said once
as a word (never «nghị định Nghị định số …», nor «CT» read as a road)."""
_HYPHEN_CODE = re.compile(r"([A-ZĐ](?<!\w[A-ZĐ])[A-Za-zĐ]*)-(\d+)(?![\w]|[.,]\d)")
_DIGIT_CODE = re.compile(r"([A-ZĐ](?<!\w[A-ZĐ])[A-ZĐ]{0,5})(\d+)([A-ZĐ]*)(?!\w)")
_NUMBERED_AREAS = frozenset({"KP", "TDP", "KV"})
"""Lexicon letters of a neighbourhood numbered in a town (`KP2`, `TDP3`): «khu phố hai», no code
to declare; it was held back as an unknown code and read «KP hai»."""
_LICENCE_CLASS = re.compile(r"(?:[A-F]|FB|FC|FD|FE)\d(?:E)?")
"""A driving licence class with a digit, old (`A1`…`A4`, `B1`, `B2`, `FB2`) or since 2025 (`C1`,
`D1`, `D2`, `C1E`, `D2E`): its letters and digits are read as written («hạng B hai»)."""
_CLASS_BEFORE = re.compile(
    r"(?<!\w)(?i:hạng)\s*+(?:(?:[A-F]{1,2}\d?E?)\s*+(?:,|/|(?i:và|hoặc|đến))\s*+)*$"
)
"""`hạng` before the class, or before classes listed (`hạng A1, A2 và B2`): the licence's class,
no unit's code to look up (R14.7)."""
_PERSONAL_DIGITS = 6
"""A code with so many digits (C1234567) is a passport or another person's number, not a unit's or
a document's code (PC06, A05): its flag shows it masked."""
_LONG_NUMBER = re.compile(r"\d[\d .xX-]{4,}\d")
"""In every `_PRIVATE_NUMBER` match: checked first, as it is far cheaper than the triggers."""
_GROUP_SEPARATOR = re.compile(r"[ .\-]+")
_PLATE_PARTS = re.compile(r"(\d{2})[ -]?([A-ZĐ]{1,2})(\d?)(?: ?[-.] ?| )?(\d{3,5}(?:\.\d{2})?)")
"""`66B1-123.45`, and the two-line forms typed on one line: `66-B1 123.45`, `66 B1-123.45`."""
_FOLLOWED_BY_ISSUER = re.compile(
    r"(?:\s*,?\s+(?i:ngày|ký ngày|ban hành ngày)\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?"
    r"|\s+(?i:ngày)\s+\d{1,2}\s+(?i:tháng)\s+\d{1,2}(?:\s+(?i:năm)\s+\d{4})?)?"
    r"\s*,?\s+(?:của|do)\s"
)
"""After a document number, its issuer said by the writer, maybe after the date it was signed
(`168/2024/NĐ-CP ngày 26/12/2024 của Chính phủ`): ours would say it twice."""
_BODY_OF_A_PLACE = {"UBND": "Ủy ban nhân dân", "CAH": "Công an", "CAT": "Công an"}
"""Issuers that are a place's body, with the body's words said before the place."""
_PLACE_ONLY_ISSUER = re.compile(
    r"-(?P<issuer>UBND|CAH|CAT)(?P<said>"
    rf"{_FOLLOWED_BY_ISSUER.pattern})(?=(?i:{KINDS_PATTERN})(?!\w))"
)
"""A people's committee's or the police's document whose issuer the writer names by its place
alone (`123/QĐ-UBND của huyện`, `12/CV-CAH của huyện`): the body is said before the place, as
R13.3 reads `UBND`, `CAH`."""
_NUMBER_BEFORE = re.compile(r"\d\s*$")
_LONG_RUN = re.compile(r"\d(?<![\w.,/+\-]\d)\d{9,}(?![\w/]|[.,]\d)")
"""Ten digits or more with no separator, left by the rules before (R9.6): no phone (R9.1),
hotline, labelled ID or account (R9.5), typed code («mã OTP», «mã vạch»)."""
_GROUPED_RUN = re.compile(
    r"\d(?<![\w.,/+\-]\d)(?<!\d[ .\-]\d)\d{2,3}(?P<sep>[ .\-])\d{3,4}(?:(?P=sep)\d{3,4})*"
    r"(?:(?P=sep)\d{1,4})?(?![\w/]|[.,]\d|(?P=sep)\d)"
)
"""Groups of three or four digits after one another with one separator between them (`1903 4567
8901 23`, `9704.1234.5678.1012`), as account and card numbers are written: `_long_runs`
says which are one number to read as `_LONG_RUN`'s are, not thousands (`123 456 789`)."""


def _phone_groups(number: str) -> list[str]:
    """The writer's digit groups; unseparated numbers grouped 4-3-3, 4-4-3, or the country code
    (+84, 0084, 84) then 3-3-3 (R9.2)."""
    groups = [g for g in _GROUP_SEPARATOR.split(number.strip()) if g]
    if len(groups) > 1:
        # `0277.3861234`: the subscriber part typed whole gets its breath pause too
        return [part for g in groups for part in _subscriber_groups(g)]
    digits = groups[0]
    home = home_digits(digits)
    if home != digits and len(home) > 1:  # `+84912345678`, `0084…`, `84…`: the country code first
        national = home[1:]
        return [digits[: -len(national)], *_subscriber_groups(national)]
    if digits.startswith("0") and len(digits) == 10:
        return [digits[:4], digits[4:7], digits[7:]]
    if digits.startswith("0") and len(digits) == 11:
        return [digits[:4], digits[4:8], digits[8:]]
    if _is_hotline(digits):  # `19000368`: as it is printed, `1900 0368`
        return (
            [digits[:4], digits[4:]] if len(digits) == 8 else [digits[:4], digits[4:7], digits[7:]]
        )
    return [digits]


def _subscriber_groups(group: str) -> list[str]:
    """One written group, split 3-4, 4-4… when it is longer than anyone reads in one breath."""
    if len(group) <= 4 or len(group) not in _SUBSCRIBER_GROUPS or not group.isdigit():
        return [group]
    parts, rest = [], group
    for size in _SUBSCRIBER_GROUPS[len(group)]:
        parts.append(rest[:size])
        rest = rest[size:]
    return parts


def _phone(number: str) -> str:
    """Digit by digit, `+` → `cộng`, a comma (breath pause) between groups (R9.2)."""
    spoken = []
    for group in _phone_groups(number):
        words = digit_by_digit(group)
        spoken.append(f"cộng {words}" if group.startswith("+") else words)
    return ", ".join(spoken)


def _area_code_phone(m: re.Match[str]) -> str:
    """An area code in brackets and its number, digit by digit in groups (R9.1, R9.2)."""
    area, number = m[1], m[2]
    digits = sum(c.isdigit() for c in number)
    # +84 then a mobile's 9 digits or a landline's 10 (`(+84) 277 3861 234`)
    whole = digits in (9, 10) if area.startswith("+") else 10 <= len(area) + digits <= 11
    if not whole:
        return m[0]  # not a whole Vietnamese number: `(02) 123 456` is something else
    groups = [g for g in _GROUP_SEPARATOR.split(number) if g]
    if len(groups) == 1:
        groups = _subscriber_groups(groups[0])
    said = ", ".join([_phone(area), *(digit_by_digit(g) for g in groups)])
    return said + pause_after(m.string, m.end())


def _private_numbers(text: str, ctx: Context) -> str:
    """Citizen ID and bank account numbers are never read (R9.5, Q6); a label the number
    leaves dangling goes too, so the script stays a sentence (see `_without_number`)."""
    if not _LONG_NUMBER.search(text):
        return text
    position = 0
    while found := _PRIVATE_NUMBER.search(text, position):
        # An ID's too: «CCCD 087203001234 500.000 đồng» went with its amount.
        m = without_its_amount(_PRIVATE_NUMBER, found)
        if not _private(text, m):
            position = m.end("label")  # another label may be among the words between
            continue
        listed = _listed_after(text, m)
        onto = next((at for at, item in enumerate(listed) if _onto_word(item)), None)
        if onto is None:
            end = listed[-1].end() if listed else m.end()
            # A currency no amount is left before: «STK 0123-4567-89 đồng» read «Tài khoản đồng».
            end = currency_end(text, end) or end
            before, after, what = _without_number(text, m, end)
            if _AMOUNT_JOINT.match(after):
                # «STK 0123456789-50 triệu», «CCCD 0872… 500.000 đồng»: a pause before the
                # amount, as after « - » (a glued hyphen was left in the script).
                after = "," + " " + after[1:]
            if m["id"] is None and _moved_on_to(before):
                before += " khác"  # «… từ TK 1234 sang tài khoản.» said no more where it went
        else:
            # Money moved on to another account: «sang tài khoản khác» stays, so the sentence
            # still says where it went («Chuyển từ tài khoản.» lost it); only the digits go.
            first_end = listed[onto - 1].end() if onto else m.end()
            before, _, what = _without_number(text, m, first_end)
            other = "số khác" if m["id"] is not None else "tài khoản khác"  # an ID is no account
            rest = text[listed[-1].end() :]
            if _AMOUNT_JOINT.match(rest):
                rest = ", " + rest[1:]  # «… sang tài khoản khác, năm trăm nghìn đồng»
            after = f" {_onto_word(listed[onto])} {other}" + rest
        passport = _lettered_passport(m)
        for number in (m["number"], *(item["number"] for item in listed)):
            # Hidden as the editor hid it, else masked here as the website masks it: the
            # rundown that quotes it goes to the station, and CI logs print it.
            shown = (
                number.replace(MASK, "*")
                if MASK in number
                else masked_passport(number)
                if passport
                else mask(number)
            )
            ctx.flag(
                "R9.5",
                WARNING,
                f"Số giấy tờ hoặc tài khoản «{shown}» là dữ liệu cá nhân; đã bỏ {what} khỏi "
                "kịch bản. Biên tập viên kiểm tra lại quyền riêng tư.",
                shown,
                ctx.line_of(number),
            )
        text = before + after
        position = len(before)
    return _accounts_after_codes(text, ctx)


def _lettered_passport(m: re.Match[str]) -> bool:
    """Whether `m` is a passport's number written with its letter(s) («C1234567»)."""
    return m["passport"] is not None and not m["number"][0].isdigit()


def _listed_after(text: str, m: re.Match[str]) -> list[re.Match[str]]:
    """The private numbers listed after that of `m`, as the website tells them: passports after
    a passport, tax codes as long as an account's, IDs' or accounts' after theirs."""
    if _lettered_passport(m):
        return listed_passports(text, m.end())
    of_id = m["id"] is not None and m["tax"] is None
    return listed_numbers(text, m.end(), of_id=of_id, bare=m["bare"] is not None)


_QUA = re.compile(r"(?i:qua)")
"""The arrow «qua», said again as written; any other arrow is said «sang»."""


def _onto_word(item: re.Match[str]) -> str:
    """«sang» or «qua» if a listed number follows an arrow, «sang» or «qua» (its group `onto`:
    money moved on to it, publish.number_words._ONTO), else ""."""
    onto = item["onto"]
    if onto is None:
        return ""
    return "qua" if _QUA.fullmatch(onto) else "sang"


_ONTO_AN_ACCOUNT = re.compile(r"(?<!\w)(?i:sang|qua)[^\S\n]++(?i:tài khoản)$")
"""The end of the text before an account's number that went: «sang», «qua» it."""
_FROM_AN_ACCOUNT = re.compile(r"(?<!\w)(?i:từ)[^\S\n]++(?:STK|TK|(?i:tài khoản))(?!\w)")
"""Money moved from an account: «từ TK», «từ STK», «từ tài khoản»."""
_CLAUSE_ENDS = ".!?;\n"
"""What ends a clause `_moved_on_to` looks back through for «từ TK»."""


def _moved_on_to(before: str) -> bool:
    """Whether `before`, the text before an account's number that went, moves money from one
    account «sang», «qua» it, in the same clause: it is another one. Its end is found first and
    «từ TK» looked for once in its clause (one search from each «từ TK» to the end took 25 s for
    16,000 of them)."""
    onto = _ONTO_AN_ACCOUNT.search(before)
    if onto is None:
        return False
    clause = max(before.rfind(end, 0, onto.start()) for end in _CLAUSE_ENDS) + 1
    return _FROM_AN_ACCOUNT.search(before, clause, onto.start()) is not None


def _accounts_after_codes(text: str, ctx: Context) -> str:
    """Someone's account listed after a public account's short code («STK 1234 và 1903 4567
    8901 23») goes with its joint, as the website tells it (`accounts_after_codes`, R9.5): the
    code is read digit by digit after (publish.radio.accounts); money moved on to it is said
    to go «sang tài khoản khác»."""
    items = accounts_after_codes(text)
    for item in items:
        shown = (
            item["number"].replace(MASK, "*") if MASK in item["number"] else mask(item["number"])
        )
        ctx.flag(
            "R9.5",
            WARNING,
            f"Số giấy tờ hoặc tài khoản «{shown}» là dữ liệu cá nhân; đã bỏ số tài khoản khỏi "
            "kịch bản. Biên tập viên kiểm tra lại quyền riêng tư.",
            shown,
            ctx.line_of(item["number"]),
        )
    for item in reversed(items):
        # «Chuyển từ TK 1234 sang 0123…»: where the money went stays said, its digits go.
        onto = _onto_word(item)
        text = (
            text[: item.start()] + (f" {onto} tài khoản khác" if onto else "") + text[item.end() :]
        )
    return text


def _private(text: str, m: re.Match[str]) -> bool:
    """Whether the number of a `_PRIVATE_NUMBER` match is an ID's or an account's, as the
    website tells it (publish.number_words): not money, a count after words between, nor a
    range of counts or prices right after a bare «tài khoản» (R12.1). An account's from as
    many digits as the website's check takes (six after its label, eight after a bare «tài
    khoản»: «tài khoản số 123456 của bị hại» was read on air as an amount); an ID's from eight
    characters, as before."""
    number = m["number"]
    if m["paid_tk"] is not None and not paid_into_tk(text, m.start(), m.end(), m["gap"]):
        return False
    if _lettered_passport(m):
        return True  # a letter and 7 digits after «hộ chiếu»: its shape alone, as the website's
    if m["tax"] is not None:
        if digit_count(number) == max(ID_DIGITS) and not _SPACED_HYPHEN.search(number):
            return False  # a CCCD's twelve digits, held as one further on (R9.6, blocking)
        # Its gap is TAX_GAP's: _PRIVATE_NUMBER takes no other after a tax code's label.
        return personal_tax_code(m["tax"], number, text, m.start(), m.end())
    if m["id"] is not None:
        if len(number) < _ID_FEWEST_CHARACTERS:
            return False
    elif digit_count(number) < min(BARE_ACCOUNT_DIGITS if m["bare"] else ACCOUNT_DIGITS):
        return False
    if m["bare"]:
        return bare_account_number(m["number"], m["gap"], text, m.end())
    return labelled_number(m["number"], m["gap"], text, m.end(), of_id=m["id"] is not None)


def _without_number(text: str, m: re.Match[str], end: int) -> tuple[str, str, str]:
    """The text before and after the private number of `m` once it is gone with the numbers
    listed after it up to `end` (`STK 0123…, 9876…`), and what went.

    Followed by more of its clause (`tài khoản 0123 của đối tượng`), only the number goes (an
    account's «số» too, see `_kept_label`). At the end of its clause the label would dangle
    («căn cước công dân.»), so the clause goes: an ID's, or an account's that holds nothing but
    the label; the whole sentence when that clause is all of it and names no more than whose ID
    it is (else only `có CCCD …` goes). Where an ID was issued counts as the end of its clause
    («căn cước công dân do Cục Cảnh sát cấp» says nothing). An account
    after other words stays as the account (`chuyển vào tài khoản.`).
    """
    account = m["id"] is None
    if m["gap"].rstrip().endswith("("):
        # `tài khoản (0071…)`: the bracket around the number goes with it.
        bracket = _BRACKET_SHUT.match(text, end)
        if bracket is None:
            return text[: m.start()] + _kept_label(m) + " (", text[end:], "số đó"
        end = bracket.end()
    issued = None if account else _ISSUED.match(text, end)
    close = _CLAUSE_CLOSE.match(text, issued.end() if issued else end)
    if close is None:
        return text[: m.start()] + _kept_label(m), text[end:], "số đó"
    closer = close.end() - 1 if close[0].strip() else len(text)
    sentence = max(
        (
            s.end()
            for s in _SENTENCE_START.finditer(text, 0, m.start())
            if not text[s.end()].islower()  # `Chị Nguyễn Thị A. có CCCD …`: an initial's stop
        ),
        default=0,
    )
    opener = max((o.start() for o in _CLAUSE_OPEN.finditer(text, sentence, m.start())), default=-1)
    lead = text[(opener + 1 if opener >= 0 else sentence) : m.start()]
    if account and _NUMBER_WORD.sub("", lead).strip():
        return _NUMBER_WORD.sub("", text[: m.start()]) + "tài khoản", text[end:], "số đó"
    shut = text[closer] if closer < len(text) else ""
    if opener < 0 and shut in ("", ".", "!", "?", ";"):
        # Only the end can match: searched there, a long run of spaces is no quadratic scan.
        told = lead[:-40] + _HAS_ID.sub("", lead[-40:], count=1)
        if len(told.split()) > _SUBJECT_WORDS:
            # `Công an đã bắt giữ Nguyễn Văn A có CCCD 0871….`: the sentence tells more than
            # whose ID it is; only `có CCCD 0871…` goes.
            return text[:sentence] + told, text[closer:], "tên giấy tờ và số đó"
        return text[:sentence], text[closer + 1 :].lstrip(), "câu chứa số đó"
    if opener < 0 and shut == "," and not _NUMBER_WORD.sub("", lead).strip():
        rest = text[closer + 1 :].lstrip()
        return text[:sentence], rest[:1].upper() + rest[1:], "vế câu chứa số đó"
    if opener >= 0 and text[opener] == "(" and shut == ")":
        return text[:opener].rstrip(), text[closer + 1 :], "ngoặc chứa số đó"
    if opener >= 0 and text[opener] == "(" and shut == ",":
        return text[: opener + 1], text[closer + 1 :].lstrip(), "vế câu chứa số đó"
    if opener >= 0 and text[opener] in ",;":
        return text[:opener], text[closer:], "vế câu chứa số đó"
    if opener >= 0 and shut in ("", ".", "!", "?", ";"):
        # A bracket never closed («Ông A (CCCD 0871….»): its clause ends with the sentence.
        return text[:opener].rstrip(), text[closer:], "vế câu chứa số đó"
    # Brackets that pair with none around the number: only the number goes.
    return text[: m.start()] + _kept_label(m), text[end:], "số đó"


def _kept_label(m: re.Match[str]) -> str:
    """The label of `m` its dropped number leaves: an ID's as written; an account's without
    «số», which named the number (`Số tài khoản 0123… tại Vietcombank` → «Tài khoản tại
    Vietcombank», not «Số tài khoản tại Vietcombank», which reads as if a number were still to
    come)."""
    label = m["label"]
    if m["id"]:
        return label
    if _OWN_NUMBER_WORD.sub("", label, count=1).upper() in ("STK", "TK"):  # `số TK` too
        return "tài khoản"
    kept = _OWN_NUMBER_WORD.sub("", label, count=1) if _OWN_NUMBER_WORD.match(label) else label
    kept = kept.removesuffix(" số")  # `tài khoản số`
    return kept[:1].upper() + kept[1:] if label[:1].isupper() else kept


def _document_number(number: str, ctx: Context) -> str:
    """A document's number as said: with its leading zero (`06` → `không sáu`), else a cardinal."""
    if number.startswith("0") and len(number) > 1:
        return digit_by_digit(number)
    return cardinal(int(number), ctx.options)


_RUNS_ON = re.compile(r"(?<!\w)(?:trăm|nghìn|ngàn|triệu|tỷ|năm)$")
"""The last word of a document's number after which «năm <year>» runs into it: «một trăm năm»
is heard as 150 (as «hai trăm tư» is 240), «một trăm linh năm năm» as 105 years."""


def _in_year(number: str, year: str, ctx: Context) -> str:
    """`<number> năm <year>` of a document (R13.3), with a breath before «năm» where the two
    would run together («Nghị định một trăm, năm hai nghìn không trăm mười chín»)."""
    said = _document_number(number, ctx)
    pause = "," if _RUNS_ON.search(said) else ""
    return f"{said}{pause} năm {cardinal(int(year), ctx.options)}"


def _named_numbers(text: str, ctx: Context) -> str:
    """`Đề án 06` → `Đề án không sáu`; `thông báo 02 trường hợp` is a count (R2)."""

    def spoken(m: re.Match[str]) -> str:
        if quantity_follows(text, m.end()):
            return m[0]
        return m[1] + _document_number(m[2], ctx)

    return _NAMED_NUMBER.sub(spoken, text) if " 0" in text else text


def _issuer(code: str, ctx: Context) -> str:
    """Expand one issuer code (R13.3); unknown ones are kept and flagged."""
    if code in _ISSUERS:
        return _ISSUERS[code]
    if code in ctx.abbreviations:
        return ctx.abbreviations[code]
    ctx.flagged_tokens.add(code)
    ctx.flag(
        "R13.3",
        BLOCKING,
        f"Không biết cơ quan ban hành «{code}» trong số hiệu văn bản; đã giữ nguyên. "
        f"Cách sửa: viết tên cơ quan đầy đủ hoặc thêm vào {ctx.lexicon_file} một dòng: «{code}», "
        "một ký tự Tab, tên cơ quan đọc trên sóng.",
        code,
    )
    return code


def _birth_year(text: str, m: re.Match[str]) -> str:
    """`Trần Văn Nam (1992)` → `Trần Văn Nam (SN 1992)`, read «sinh năm …» (R14.4): after a
    person's full name, standing alone or after a word naming a person, or after a person's
    initials (`N.V.A (2005)`), a bracketed year is when they were born (it was read «Trần Văn
    Nam, một nghìn chín trăm chín mươi hai»)."""
    if ends_before(_INITIALS_BEFORE, text, m.start()):
        return f"{m[1]}SN {m[2]}"
    end = m.start()
    if text[end - 1] == ".":
        if not ends_before(_INITIAL_STOP, text, end):
            return m[0]
        end -= 1
    found = ends_before(_WORDS_BEFORE, text, end)
    words = found[1].split() if found else []
    for size in (4, 3):
        name, before = words[-size:], words[:-size]
        if len(name) < size or not all(w[0].isupper() for w in name) or not a_full_name(name):
            continue
        if not before or not before[-1][0].isupper() or _PERSON_WORD.search(" ".join(before)):
            return f"{m[1]}SN {m[2]}"
    return m[0]


def _legal(text: str, ctx: Context) -> str:
    """`58/2020/TT-BCA` → `năm mươi tám năm … của Bộ Công an` (R13.3)."""
    opts = ctx.options

    def law(m: re.Match[str]) -> str:
        return f"{_in_year(m[1], m[2], ctx)} của Quốc hội khóa {cardinal(int(m[3]), opts)}"

    def document(m: re.Match[str]) -> str:
        number, year, kind, issuers = m[1], m[2], m[3], m[4]
        return _document(text, m, number, year, kind, issuers.split("-"), ctx)

    def party_document(m: re.Match[str]) -> str:
        return _document(text, m, m[1], None, m[2], [m[3]], ctx)

    def in_year(number: str, year: str) -> str:
        return _in_year(number, year, ctx)

    def numbered_in_year(m: re.Match[str]) -> str:
        if _MAYBE_A_MONTH.fullmatch(m[1]) and 1 <= int(m[2]) <= 12:
            _flag_month_or_number(m, ctx)
        more = _IN_YEAR.sub(lambda n: in_year(n[1], n[2]), m[4])
        return f"{m[1]}{in_year(m[2], m[3])}{more}"

    if "/" not in text:
        return text
    text = _SPACED_DOCUMENT.sub(_document_written_together, text)
    if "/QH" in text:
        text = _LAW_QH.sub(law, text)
    text = _COURT_CASE.sub(lambda m: _court_case(text, m, ctx), text)
    if "-" in text:
        if "-UBND" in text or "-CA" in text:
            # «… số 123/QĐ-UBND của huyện.» was read «… của huyện.», the committee left out.
            text = _PLACE_ONLY_ISSUER.sub(lambda m: f"{m[0]}{_BODY_OF_A_PLACE[m['issuer']]} ", text)
        if "/" in text:
            text = _BLANK_NUMBER.sub(lambda m: _left_blank(text, m, ctx), text)
        text = _LEGAL.sub(document, text)
        text = _PARTY_DOCUMENT.sub(party_document, text)
    return _NUMBERED_IN_YEAR.sub(numbered_in_year, text) if "/" in text else text


_CASE_NAMED_REACH = 60
"""Characters before a court's number in which its kind and stage may already be said."""


def _court_case(text: str, m: re.Match[str], ctx: Context) -> str:
    """`12/2026/HS-ST` → `mười hai năm hai nghìn … hình sự sơ thẩm`; the kind and stage once
    when the words before name them (`Bản án hình sự sơ thẩm số 12/2026/HS-ST`)."""
    said = _in_year(m[1], m[2], ctx)
    named = f"{_CASE_KINDS[m[3]]} {_TRIAL_STAGES[m[4]]}"
    before = text[max(0, m.start() - _CASE_NAMED_REACH) : m.start()].casefold()
    if named in before:
        return said
    return f"{said} {named}"


def _flag_month_or_number(m: re.Match[str], ctx: Context) -> None:
    """R7.4: `kế hoạch 12/2024` is read as a document's number; it may be a month."""
    written = m[0].strip()
    ctx.flag(
        "R7.4",
        WARNING,
        f"«{written}» được đọc là số văn bản («{m[1].strip()} {m[2]} năm {m[3]}»), nhưng cũng có "
        f"thể là tháng {int(m[2])}/{m[3]}. Cách sửa: viết «{m[1].strip()} số {m[2]}/{m[3]}» nếu là "
        f"số văn bản, «{m[1].strip()} tháng {m[2]}/{m[3]}» nếu là tháng.",
        written,
    )


def _document_written_together(m: re.Match[str]) -> str:
    """A document number as R13.3 reads it: no spaces, its kind and issuer in capitals; a
    lower-case pair that is not a known kind and issuer is left as written."""
    kind, issuer = m[3], m[4]
    if kind.islower():
        if kind not in _LOWER_KINDS or issuer not in _LOWER_ISSUERS:
            return m[0]
        kind, issuer = _LOWER_KINDS[kind], _LOWER_ISSUERS[issuer]
    elif issuer.islower() or not any(c.isspace() for c in m[0]):
        return m[0]
    year = f"{m[2]}/" if m[2] else ""
    return f"{m[1]}/{year}{kind}-{issuer}"


def left_blank_at(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, a dated path («/2020/12/QĐ-UBND»), is a document number left
    blank right after its label, as `_left_blank` reads it: the one dated path that is no page
    address (R1.4); with no label, or folders before the year, it may be a held slug typed in
    capitals («/2020/12/HD-CAH»)."""
    for m in _BLANK_NUMBER.finditer(text, max(0, start - _LABEL_REACH), end + 1):
        if m.start("symbol") >= start:
            return m["said"] is not None and m.span("symbol") == (start, end)
    return False


def dated_symbols(text: str) -> list[str]:
    """Each dated path `text` writes ending in what reads as a document's symbol, as written
    («/2020/12/TB-CONG-AN-XA»): after a number label it is read as a number left blank
    (`left_blank_at`) unless it names a held bulletin's page, which only the site knows
    (publish.radio.flags.Context.held_addresses)."""
    return _DATED_SYMBOL.findall(text) if "/" in text else []


def _left_blank(text: str, m: re.Match[str], ctx: Context) -> str:
    """`[<kind>] [năm <year>] của <issuers>` for a document number left blank in `text`
    (`_BLANK_NUMBER`), flagged: the script cannot read a number that is not there."""
    symbol, said = m["symbol"], m["said"]
    written = f"{m['blank'] or ''}{symbol}"
    drop = f"bỏ «{said}» cùng số hiệu này" if said else "bỏ số hiệu này"
    # As R13.3 reads one: `N/YYYY/<KIND>-<ISSUER>`, a month after the year is none of it.
    year = f"/{m['year']}" if m["year"] else ""
    filled = f"15{year}/{m['kind']}-{m['issuers']}"
    ctx.flag(
        "R13.3",
        BLOCKING,
        f"Số hiệu văn bản «{written}» để trống số: chưa điền số văn bản trước dấu «/», nên kịch "
        f"bản không có số nào để đọc. Cách sửa: điền số văn bản vào trước dấu «/» (ví dụ "
        f"«{filled}»); nếu văn bản chưa có số, {drop}.",
        written,
    )
    spoken = f"năm {cardinal(int(m['year']), ctx.options)}" if m["year"] else ""
    spoken += _issued_by(text, m, m["issuers"].split("-"), ctx)
    if not ends_before(_DOC_WORD, text, m.start()):
        spoken = f"{_KINDS[m['kind']]} {spoken}"
    return spoken.strip()


def _issued_by(text: str, m: re.Match[str], issuers: list[str], ctx: Context) -> str:
    """` của <issuers>` said after a document reference `m` in `text`, unless the writer says
    its issuer right after it (`… TT-BCA của Bộ Công an`)."""
    if _FOLLOWED_BY_ISSUER.match(text, m.end()):
        return ""
    # `QĐ-XPVPHC`: a lower-case reading is what the document is about, no body issuing it
    bodies = [name for name in (_issuer(code, ctx) for code in issuers) if not name.islower()]
    return " của " + " và ".join(bodies) if bodies else ""


def _document(
    text: str,
    m: re.Match[str],
    number: str,
    year: str | None,
    kind: str,
    issuers: list[str],
    ctx: Context,
) -> str:
    """`[<kind> số] <number> [năm <year>] của <issuers>` for a document reference in `text`."""
    spoken = _in_year(number, year, ctx) if year else _document_number(number, ctx)
    spoken += _issued_by(text, m, issuers, ctx)
    if kind in _KINDS and not ends_before(_DOC_WORD, text, m.start()):
        spoken = f"{_KINDS[kind]} số {spoken}"
    return spoken


def _phones(text: str, ctx: Context) -> str:
    """Numbers after a phone trigger word, then anything shaped like a phone number (R9.1–R9.3)."""

    def after_trigger(m: re.Match[str]) -> str:
        digits = sum(c.isdigit() for c in m[3])
        if digits < 3 or (m[1] == "ĐT" and ":" not in m[2] and digits < 9):
            return m[0]  # `ĐT 741` is a provincial road (R14.5), read in `_roads`
        # «84.912.345.678» fits a phone's shape, as an amount's thousands do: a count still
        phone_shaped = _PHONE_NUMBER.fullmatch(m[3]) and not m[3].startswith("84.")
        if not phone_shaped and quantity_follows(text, m.end()):
            return m[0]  # `gọi 150 cuộc`, `1 điện thoại 500.000 đồng`: counts and money
        trigger = "điện thoại" if m[1] == "ĐT" else m[1]
        return f"{trigger}{m[2]}{_phone(m[3])}{_phone_pause(m, m[3])}"

    def alone(m: re.Match[str]) -> str:
        if _not_a_phone(m):
            return m[0]  # `84912345678 đồng`, `mã vận đơn 84912345678`: an amount, a code
        return _phone(m[1]) + pause_after(m.string, m.end())

    def pair(m: re.Match[str]) -> str:
        if _not_a_phone(m):
            return m[0]  # `Số hồ sơ 84912345678 - 84912345679`: two codes
        return f"{_phone(m[1])} hoặc {_phone(m[2])}{pause_after(m.string, m.end())}"

    listed = _listed(_PHONE_NUMBER)

    def phone_list(m: re.Match[str]) -> str:
        return m[0] if _not_a_phone(m) else listed(m)

    service_ends: set[int] = set()
    joints: set[int] = set()  # the bare dashes (`113-114`) between listed service numbers

    def service(m: re.Match[str]) -> str:
        start = m.start()
        if _counted(text, start, m.end()) or ends_before(_NUMBERED, text, start):
            return m[0]  # `xử lý 113 trường hợp` is a count, `nhà số 113` an address
        listed = ends_before(_LISTED_AFTER, text, start)
        listed_after_one = listed is not None and listed.end(1) in service_ends
        if listed_after_one and text[start - 1] == "-":
            joints.add(start - 1)  # `113-114`: said as the comma a spaced dash is
        if (
            _is_hotline(m[1])
            or listed_after_one
            or ends_before(_LISTED_AFTER_SPOKEN, text, start)
            or ends_before(_SERVICE_CONTEXT, text, start)
            or (ends_before(_POLICE_COLON, text, start) and not _WORD_AFTER.match(text, m.end()))
            or (ends_before(_SERVICE_NUMBER_WORD, text, start) and not _numbers_a_place(text, m))
        ):
            service_ends.add(m.end())
            return _phone(m[1]) + _phone_pause(m, m[1])
        return m[0]

    if "(" in text:
        text = _AREA_CODE_PHONE.sub(_area_code_phone, text)
    if "/" in text or " - " in text:
        text = _PHONE_PAIR.sub(pair, text)
    if "/" in text:
        text = _SERVICE_SLASH.sub(r"\1, ", text)
    if "," in text:
        # Only the joints between the numbers change here: they stay digits, which the
        # trigger's rule and `_PHONE` read after.
        text = _PHONE_LIST.sub(phone_list, text)
    # The codes listed after a whole number, before its digits become words: `hoặc +62`.
    text = read_codes_after_whole_numbers(text, lambda n: bool(_PHONE_NUMBER.fullmatch(n)))
    text = _PHONE_TRIGGER.sub(after_trigger, text)
    text = _PHONE.sub(alone, text)
    if "11" in text or "1800" in text or "1900" in text:
        text = _lines_spaced_from_counts(text)
        text = _said_with_joints(text, _SERVICE.finditer(text), service, joints)
    return read_dialling_codes(text)  # `đầu số 024`, `+855`: what the rules above leave


def _said_with_joints(
    text: str,
    matches: Iterator[re.Match[str]],
    say: Callable[[re.Match[str]], str],
    joints: set[int],
) -> str:
    """`re.sub` of `say` over `matches`, the dash at each of `joints` (which `say` fills) said
    as a comma: `113-114-115` listed is «một một ba, một một bốn, một một năm», no hyphen."""
    pieces: list[str] = []
    last = 0
    for m in matches:
        said = say(m)
        between = text[last : m.start()]
        if m.start() - 1 in joints:
            between = between[:-1] + ", "
        pieces += (between, said)
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _counted(text: str, start: int, end: int) -> bool:
    """Whether the number from `start` to `end` counts something: a counted noun after it (`113
    trường hợp`), or after the range it opens (`113 - 115 cuộc gọi`, R12.1), no service line
    listed («một một ba, một trăm mười lăm cuộc gọi»). A range has two numbers: in a longer
    dashed list (`113 - 114 - 115 cuộc gọi miễn phí`) none counts, each is a service line; nor
    does a service's number right after its name before a smaller count (`Cấp cứu 115 - 113
    cuộc gọi`: the line 115 took 113 calls, «một một năm, một trăm mười ba cuộc gọi»)."""
    if ends_before(_DASHED_TWICE_BEFORE, text, start):
        return False
    if quantity_follows(text, end):
        return True
    if ends_before(_DASHED_BEFORE, text, start):
        return False  # `114` in `113 - 114 - 115 cuộc gọi` opens no range
    ranged = _RANGE_END.match(text, end)
    if ranged is None or not quantity_follows(text, ranged.end()):
        return False
    return not _line_then_count(text, start, end, ranged[0])


def _line_then_count(text: str, start: int, end: int, dashed_end: str) -> bool:
    """Whether the number from `start` to `end` is a service line right after its name and
    ` - 113` after it the smaller count it took (`Cấp cứu 115 - 113 cuộc gọi`)."""
    return _falls(text[start:end], dashed_end) and ends_before(_NAMED_LINE, text, start) is not None


def _lines_spaced_from_counts(text: str) -> str:
    """`Cấp cứu 115-113 cuộc gọi` as `Cấp cứu 115 - 113 …`: the dash between the line and its
    count is said as the pause a spaced one is, not left between the words."""

    def spaced(m: re.Match[str]) -> str:
        ranged = _RANGE_END.match(text, m.end(1))
        if ranged is None or not quantity_follows(text, ranged.end()):
            return m[0]
        return f"{m[1]} - " if _line_then_count(text, m.start(1), m.end(1), ranged[0]) else m[0]

    return _UNSPACED_DASH_AFTER_LINE.sub(spaced, text)


def _falls(first: str, dashed_end: str) -> bool:
    """Whether the range from `first` to `dashed_end` (` - 113`) falls: no range, R12.1."""
    # Digits only, of each: a number in groups («1900 1234 8012345678 - 001 …») crashed int().
    low, high = ("".join(c for c in part if c.isdecimal()) for part in (first, dashed_end))
    return bool(low and high) and int(low) >= int(high)


def _not_a_phone(m: re.Match[str]) -> bool:
    """Whether a phone pattern's match, its first number `m[1]`, opens with a bare «84» and is
    an amount, a count or a labelled code (`bare_84_phone`, which reads a range of amounts to
    its unit: «84 912 345 678 - 84 987 654 321 đồng»): so is the pair or list it opens."""
    return m[1][0] == "8" and not bare_84_phone(m.string, m.start(1), m.end(1))


def _listed(item: re.Pattern[str]) -> Callable[[re.Match[str]], str]:
    """The reading of a comma list of `item`s (phone numbers, plates): «và» (or the writer's
    «hoặc», «hay») before the last, as `_PHONE_PAIR` puts «hoặc» between two, and «;» between
    the others: a longer pause than the commas inside each one, so the listener hears where
    one ends."""

    def joined(m: re.Match[str]) -> str:
        found = [each[0] for each in item.finditer(m[0])]
        return f"{'; '.join(found[:-1])} {(m['joiner'] or 'và').lower()} {found[-1]}"

    return joined


_SERVICE_LINE_LAST = re.compile(r"(?:^|[ .\-])11[1345]$")
"""A number that is, or ends with, a service line (`113`, `113 114`): known as one word."""


def _phone_pause(m: re.Match[str], number: str) -> str:
    """The pause after a phone number a word follows (R9.2), not after a service line's three
    digits, which every listener knows whole («gọi một một ba ngay»)."""
    return "" if _SERVICE_LINE_LAST.search(number.strip()) else pause_after(m.string, m.end())


def _is_hotline(number: str) -> bool:
    """`1900 0368`, `1800.1234`, `19001234xx`: a 1900/1800 line has 8 or 10 digits, a shape no
    amount or year has, so it needs no trigger word (R9.3); a round `18000000` (`m2`, `người`)
    is an amount typed without dots."""
    digits = "".join(c for c in number if c.isdigit())
    return digits[1] in "89" and len(digits) in (8, 10) and digits[4:].strip("0") != ""


def _numbers_a_place(text: str, m: re.Match[str]) -> bool:
    """Whether `số 113` numbers a house, street or newspaper issue rather than naming a line."""
    if _ADDRESS_AFTER.match(text, m.end()):
        return True
    after = _NAME_AFTER.match(text, m.end())
    if after is not None and after[1].isupper():
        return True
    issue = ends_before(_ISSUE_OF, text, m.start())
    return issue is not None and all(w[0].isupper() for w in issue[1].split())


def _plate_words(plate: str, ctx: Context) -> str:
    """A licence plate: province and series, then the serial digit by digit (R9.4)."""
    m = _PLATE_PARTS.fullmatch(plate)
    if not m:
        return plate
    head = plate_head(m[1], m[2], m[3], ctx)
    serial = ", ".join(digit_by_digit(group) for group in m[4].split("."))
    ctx.flag(
        "Q6",
        WARNING,
        f"Biển số xe «{plate}»: nếu là xe của người dân, cân nhắc không đọc trên sóng "
        "(quyền riêng tư).",
        plate,
    )
    return f"{head}, {serial}"


def _plates(text: str, ctx: Context) -> str:
    """Plates after `BKS`/`biển số`, and plate-shaped tokens anywhere (R9.4); a comma after one
    a word follows: «… hai ba bốn, năm sáu vi phạm nồng độ cồn» was heard as fifty-six
    violations, the plate's end unmarked."""
    # A comma and a hyphen or a dot are in every `_PLATE_LIST` match. Only the joints between
    # the plates change here: they stay as written, which `_PLATE_TRIGGER` and `_PLATE` read.
    if "," in text and ("-" in text or "." in text):
        text = _PLATE_LIST.sub(_listed(_PLATE_IN_LIST), text)
    if "BKS" in text or "ể" in text or "Ể" in text:  # «biển» in any case (see `word_alone`)
        text = _PLATE_TRIGGER.sub(
            lambda m: f"{m[1]}{m[2]}{_plate_words(m[3], ctx)}{pause_after(m.string, m.end())}",
            text,
        )
    if "-" not in text and "." not in text:
        return text
    return _PLATE.sub(lambda m: _plate_words(m[1], ctx) + pause_after(m.string, m.end()), text)


def _form_codes(text: str, ctx: Context) -> str:
    """Form codes (`mẫu CT01`) said as written, «CT không một», never the expressway «đường cao
    tốc một» (R13.2) nor held as a unit's unknown code (R14.7); `CT01` with neither a form's nor
    a road's word before it, in a sentence that does not name it a form, is told to the editor,
    who may mean the expressway."""

    def form_code(m: re.Match[str]) -> str:
        series, start = m[1], m.start()
        if m[0] in ctx.abbreviations:
            return ctx.abbreviations[m[0]]  # the unit's own reading, as `_digit_codes` says it
        form = ends_before(_FORM_WORD_BEFORE, text, start) is not None
        if series == "CT" and not form:
            if ends_before(_EXPRESSWAY_BEFORE, text, start):
                return m[0]  # read by `_roads`
            if not _named_as_form(text, start, m.end()):
                ctx.flag(
                    "R13.2",
                    WARNING,
                    f"«{m[0]}» được đọc là mã biểu mẫu («{series} {digit_by_digit(m[2])}», như "
                    f"tờ khai cư trú mẫu CT01), không phải đường cao tốc. Cách sửa: nếu là biểu "
                    f"mẫu, viết «mẫu {m[0]}»; nếu là đường cao tốc, viết «cao tốc CT.{m[2]}».",
                    m[0],
                )
        ctx.flagged_tokens.add(series)  # letters to read, no abbreviation to look up (Q3)
        return f"{series} {digit_by_digit(m[2])}"

    return _FORM_CODE.sub(form_code, text)


def _named_as_form(text: str, start: int, end: int) -> bool:
    """Whether the sentence holding `text[start:end]` names a form and no road: R13.2 told
    there repeated, on every check, build and sync, what the sentence already says."""
    first = max((s.end() for s in _SENTENCE_BREAK.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_BREAK.search(text, end)
    sentence = text[first : stop.start() if stop else len(text)]
    return bool(_FORM_WORD.search(sentence)) and not _ROAD_WORD.search(sentence)


def _roads(text: str, ctx: Context) -> str:
    """Km posts (R13.1) and road codes before a number (R13.2)."""
    opts = ctx.options

    def km_post(m: re.Match[str]) -> str:
        if ends_before(_NUMBER_BEFORE, text, m.start()):
            return m[0]  # `25 km 300`: a unit after a number, P4 reads it
        spoken = f"ki-lô-mét {cardinal(int(m[1]), opts)}"
        return spoken + (f" cộng {cardinal(int(m[2]), opts)}" if m[2] else "")

    def road(m: re.Match[str]) -> str:
        name = _ROADS[m[1]]
        if ends_before(_ROAD_KIND_BEFORE[m[1]], m.string, m.start()):
            name = ""  # the kind is said already: only the number is left to say
        elif name.startswith("đường ") and ends_before(_ROAD_WORD_BEFORE, m.string, m.start()):
            name = name.removeprefix("đường ")  # `tuyến đường ĐT 741`: «đường» said once
        said = f"{name} {cardinal(int(m[2]), opts)}".lstrip()
        return said + (f" {m[3]}" if m[3] else "")

    # `road` looks back in the text it is read in, after the km posts: in `text` its offsets
    # pointed elsewhere («Km 12+300 tuyến đường ĐT 741» said «đường» twice).
    posts = text
    if "km" in text or "Km" in text or "kM" in text or "KM" in text:  # as `_KM_POST` needs
        posts = _KM_POST.sub(km_post, text)
    return _ROAD.sub(road, posts)


def _long_runs(text: str, ctx: Context) -> str:
    """A run of ten digits or more that nothing else reads (R9.6): read digit by digit in
    threes, never as an amount («tám nghìn chín trăm ba mươi tư tỷ…» for a bar code), and the
    editor told to write what to say; shaped like a citizen ID or a bank card, it is held back
    as R9.5 holds them (privacy) and shown masked (rundown.txt and CI logs quote flags). Written
    in groups (`1903 4567 8901 23`), it is the same number, read in the writer's groups: each
    group was read as an amount («một nghìn chín trăm linh ba bốn nghìn…»), with no word."""

    year = ctx.near.year if ctx.near else None

    def amount(digits: str, end: int) -> bool:
        """`1500000000 đồng`, `1234567890 lượt`: an amount, R2 reads it; a card's or a CCCD's
        number only before money (`Số thẻ 4111… đối tượng đã dùng` goes on after the card)."""
        if is_card(digits) or is_citizen_id(digits, year):
            return money_follows(text, end)
        return quantity_follows(text, end)

    def run(m: re.Match[str]) -> str:
        if amount(m[0], m.end()):
            return m[0]
        return _long_number(m[0], m[0], digit_groups(m[0]), ctx) + pause_after(m.string, m.end())

    def grouped(m: re.Match[str]) -> str:
        groups = m[0].split(m["sep"])
        digits = "".join(groups)
        # No amount starts with 0: `087 123 456 789` is a CCCD's number in threes.
        thousands = groups[0][0] != "0" and len(groups[0]) <= 3
        thousands = thousands and all(len(g) == 3 for g in groups[1:])
        years = all(YEAR.fullmatch(g) for g in groups)  # `các năm 2019 2020 2021`
        if len(digits) < 10 or thousands or years or amount(digits, m.end()):
            return m[0]
        return _long_number(m[0], digits, groups, ctx) + pause_after(m.string, m.end())

    return _LONG_RUN.sub(run, _GROUPED_RUN.sub(grouped, text))


def _labelled_cards(text: str, ctx: Context) -> str:
    """A bank card's number after its label («Thẻ ATM số 9704 - 1234 - 5678 - 9012»), its
    check digit right or not, holds the bulletin as a bare card's does (R9.6), as the website
    tells it (publish.number_words.labelled_cards): its groups were read as amounts and ranges."""
    if "ẻ" not in text and "Ẻ" not in text:
        # Every «thẻ» holds one, in any case («tHẺ» was read out while the website told it):
        # most paragraphs none, far cheaper than the case-blind search.
        return text
    pieces, position = [], 0
    for m in labelled_cards(text):
        written = m["number"]
        groups = [g for g in _GROUP_SEPARATOR.split(written) if g]
        digits = "".join(groups)
        if len(groups) == 1:
            groups = digit_groups(digits)
        said = _long_number(written, digits, groups, ctx, card=True)
        pieces += [text[position : m.start("number")], said, pause_after(text, m.end())]
        position = m.end()
    return "".join([*pieces, text[position:]])


def _long_number(
    written: str, number: str, groups: list[str], ctx: Context, *, card: bool = False
) -> str:
    """A long number's digits said in `groups`, and what the editor is told about it (R9.6):
    `written` as the bulletin has it, `number` its digits alone; a `card` by its label."""
    digits = len(number)
    card = card or is_card(number)
    how, split = (
        ("viết liền", "ngắt nhóm ba") if written == number else ("viết thành nhóm", "theo nhóm")
    )
    # A CCCD as the website's lint tells one: a province's code, a birth year not yet to come.
    if card or is_citizen_id(number, ctx.near.year if ctx.near else None):
        shown = mask(number)
        ctx.flag(
            "R9.6",
            BLOCKING,
            f"Dãy {digits} chữ số «{shown}» {how}, có dạng "
            f"{'số thẻ ngân hàng' if card else 'số căn cước'}: dữ liệu cá nhân, không "
            "được đọc trên sóng. Cách sửa: bỏ số khỏi bản tin; nếu là mã khác, ghi rõ trước "
            "số đó là mã gì («mã hồ sơ …», «mã vạch …»).",
            shown,
            ctx.line_of(written),
        )
    else:
        ctx.flag(
            "R9.6",
            WARNING,
            f"Dãy {digits} chữ số «{written}» {how}, không phải số điện thoại, không có chữ "
            "nào cho biết là số gì (mã vạch, số thẻ, số tài khoản, số hồ sơ?): đọc như một số "
            f"lượng thì thành hàng tỷ, nên tạm đọc từng chữ số, {split}. Cách sửa: ghi rõ "
            "trước số đó là mã gì («mã vạch 893…», «mã hồ sơ …»: đọc từng chữ số, không cảnh "
            "báo), hoặc bỏ số nếu người nghe không cần.",
            written,
            ctx.line_of(written),
        )
    return ", ".join(digit_by_digit(group) for group in groups)


def _not_a_code(digits: str, ctx: Context) -> str:
    """A run after a bare «mã» that is no code's: a phone as a phone (R9.1), any other told to
    the editor and read digit by digit (R9.6), as they are with no «mã» before."""
    if digits.startswith("0") and _PHONE_NUMBER.fullmatch(digits):
        return _phone(digits)
    return _long_number(digits, digits, digit_groups(digits), ctx)


def _digit_codes(text: str, ctx: Context) -> str:
    """`COVID-19` → `COVID mười chín` (R12.5); `PC06` from the lexicon, else spelled + flag (R14.7)."""
    lexicon = ctx.abbreviations

    def hyphen_code(m: re.Match[str]) -> str:
        if m[0] in lexicon:
            return lexicon[m[0]]
        return f"{m[1]} {cardinal(int(m[2]), ctx.options)}"

    def digit_code(m: re.Match[str]) -> str:
        if m[0] in lexicon:
            return lexicon[m[0]]
        if m[1] in _NUMBERED_AREAS and not m[3] and m[1] in lexicon:
            return f"{m[1]} {cardinal(int(m[2]), ctx.options)}"  # the letters read in P7
        ctx.flagged_tokens.update({m[1], m[3]} - {""})
        if _LICENCE_CLASS.fullmatch(m[0]) and ends_before(_CLASS_BEFORE, text, m.start()):
            return " ".join(part for part in (m[1], digit_by_digit(m[2]), m[3]) if part)
        if len(m[2]) >= _PERSONAL_DIGITS:
            # Masked, as R9.5: the rundown that quotes it goes to the station, and CI logs print it.
            shown = mask_code(m[0])
            ctx.flag(
                "R14.7",
                BLOCKING,
                f"Mã «{shown}» chưa có trong từ điển viết tắt, có thể là số hộ chiếu hay giấy tờ "
                "của một người (dữ liệu cá nhân); tạm đọc từng chữ số. Cách sửa: bỏ khỏi bản tin "
                "nếu là số giấy tờ; nếu là mã, viết đầy đủ hoặc thêm vào "
                f"{ctx.lexicon_file} một dòng: mã, một ký tự Tab, cách đọc.",
                shown,
                ctx.line_of(m[0]),
            )
        else:
            ctx.flag(
                "R14.7",
                BLOCKING,
                f"Mã «{m[0]}» chưa có trong từ điển viết tắt; tạm đọc từng chữ số. Cách sửa: viết "
                f"đầy đủ trong bản tin hoặc thêm vào {ctx.lexicon_file} một dòng: «{m[0]}», một "
                "ký tự Tab, cách đọc.",
                m[0],
            )
        return " ".join(part for part in (m[1], digit_by_digit(m[2]), m[3]) if part)

    if "-" in text:
        text = _HYPHEN_CODE.sub(hyphen_code, text)
    return _DIGIT_CODE.sub(digit_code, text)


def read_codes(text: str, ctx: Context) -> str:
    """Pass P2: private numbers, legal references, phones, plates, roads, `SN yyyy`, codes."""
    if not has_digit(text):
        return text  # every rule here reads digits
    # Masked plates first: `66A-123.xx` is no phone number still to be filled in.
    text = read_masked_numbers(_private_numbers(read_masked_plates(text, ctx), ctx), ctx)
    text = _labelled_cards(text, ctx)
    text = read_short_accounts(text)  # what R9.5 left: no one's bank account, a budget's code
    if " /" in text or "/ " in text:
        text = _SPACED_SLASH.sub(r"\1/\2", text)
    if "TT" in text:  # before `_legal` reads the number: `TT số 28/2024/TT-BCA`
        text = _CIRCULAR.sub("thông tư ", text)
    if "/" in text:
        text = _KIND_BEFORE.sub(lambda m: _KINDS[m[1]].lower() + m[2], text)
    text = _legal(text, ctx)
    text = read_gold_fineness(_named_numbers(text, ctx))
    year = ctx.near.year if ctx.near else None
    text = _phones(
        read_entry_codes(text, lambda digits: _not_a_code(digits, ctx), year), ctx
    )  # `mã số thuế 0312…` is no phone
    text = _plates(text, ctx)
    if "CT" in text or "CC" in text or "DC" in text or "TK" in text:
        text = _form_codes(text, ctx)
    text = _roads(text, ctx)
    if "Q." in text or "P." in text:
        text = _NUMBERED_PLACE.sub(
            lambda m: f"{_PLACE_WORDS[m[1]]} {cardinal(int(m[2]), ctx.options)}", text
        )
    if "(" in text:
        text = _YEAR_IN_BRACKETS.sub(lambda m: _birth_year(text, m), text)
    if "SN" in text or "Sn" in text or "sn" in text:
        text = _BIRTH_YEAR.sub(lambda m: f"sinh năm {cardinal(int(m[1]), ctx.options)}", text)
    return _digit_codes(_long_runs(text, ctx), ctx)
