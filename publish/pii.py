"""Personal-data lint for `publish check`: ID and passport numbers, bank accounts, birth dates,
children's and informants' names, house numbers, private phone numbers (publish.pii_phones).

Bulletins about crimes and accidents name people. Citizen ID numbers (CCCD 12 digits, CMND 9),
bank account numbers, the exact birth date of a victim or a minor, a child's full name, the name
of whoever reported a crime and the house number of where someone lives must not be published
(Nghị định 13/2023/NĐ-CP on personal data; Luật Trẻ em 2016). The lint finds likely cases and
reports each with its line; the found value is masked in the message (numbers to their first three
and last two digits, a birth date to its year, a name to its initials, a house number to stars),
because CI logs are read by more people than the bulletin. A name in the title or the slug is
told as lasting: the web address and the sync state keep them. `--strict` (CI) makes findings
errors for bulletins that will be published, unless the bulletin names who reviewed them in
`pii_reviewed_by`.

Speed: a bulletin whose texts and year were linted before takes its findings from the fragments
cache; otherwise only the lines holding a run of digits that some pattern needs are searched, and
each pattern that starts with a word is tried only where str.find finds that word in the
lower-cased text (a regex tries every character: several times slower on a body that holds none).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import NamedTuple

from publish import approval, attachments, pii_english
from publish.cache import Fragments, Shelf, digest
from publish.config import Config
from publish.errors import Problem
from publish.frontmatter import parse_file
from publish.gates import shell_word
from publish.model import Bulletin, Page, Site
from publish.number_words import (
    ACCOUNT_DIGITS,
    ACCOUNT_LABEL,
    BARE_ACCOUNT,
    BARE_ACCOUNT_DIGITS,
    GROUP_GAP,
    ID_DIGITS,
    ID_LABEL,
    ID_LABEL_WORDS,
    LABEL_GAP,
    LIST_MARK,
    LIST_OPENING,
    NAMED_ITEM,
    NUMBER_ALONE,
    PASSPORT_ALONE,
    PASSPORT_NUMBER,
    PRIVATE_LABEL_WORDS,
    TAX_GAP,
    TAX_LABEL,
    TIGHT_GAP,
    accounts_after_codes,
    bare_account_number,
    label_ends,
    labelled_cards,
    labelled_number,
    listed_numbers,
    listed_passports,
    money_follows,
    paid_into_tk,
    passport_label_ends,
    personal_tax_code,
    read_as_code,
    without_its_amount,
)
from publish.parallel import run_jobs
from publish.pii_phones import PHONE_KIND, phone_verdicts, unit_phone_numbers
from publish.pii_reader import reader_text
from publish.place_words import KINDS, SUB_COMMUNE_KINDS, sub_commune_pattern
from publish.text import (
    CITIZEN_ID_SHAPE,
    YEAR,
    LineCounter,
    is_card,
    is_citizen_id,
    mask,
    masked_passport,
    matches_at,
    nfc,
    one_tone_placement,
    slugify,
    word_starts,
)

__all__ = [
    "Finding",
    "bulletin_findings",
    "findings",
    "linked_findings",
    "lint",
    "mask",
    "review_findings",
]

ADULT_AGE = 18
_ID_WORDS = "(?:" + ID_LABEL + "|hộ chiếu|" + pii_english.ID_WORDS + ")"
"""The words an ID number follows, Vietnamese (the radio's, publish.number_words) and English
(«ID card», «citizen ID»)."""
_CITIZEN_ID = re.compile(r"(?<![\w.,/-])" + CITIZEN_ID_SHAPE + r"(?![\w/-]|[.,]\d)")
"""Twelve digits with no ID word before them, shaped as a CCCD (`CITIZEN_ID_SHAPE`), its
holder born by the bulletin's year (`is_citizen_id`), no money after it (`money_follows`, as
the radio asks: «đồng thời» is none). Any other twelve digits are a code, an order
or an amount; so are twelve glued to letters or a hyphen («MV087123456789», «…/QĐ»). After
«tài khoản»/«STK» they are told as an account number; in groups («0871 2345 6789») see
`_GROUPED_CITIZEN_ID`."""


_GROUPED_CITIZEN_ID = re.compile(
    r"(?<![\w.,/=?&-])(?<!\d[ .-])0\d{2,3}(?P<sep>[ .-])\d{3,4}(?:(?P=sep)\d{3,4})*"
    r"(?:(?P=sep)\d{1,4})?(?![\w/-]|[.,]\d|(?P=sep)\d)"
)
"""`_CITIZEN_ID`'s twelve digits in groups of three or four with one space, dot or hyphen
between (`087 123 456 789`, `0871 2345 6789`), with no ID word before them: as the radio script
holds them (R9.6; no amount starts with 0). Checked as the bare number is (`is_citizen_id`)."""
_GROUPED_GATE = re.compile(r"0\d{2,3}[ .-]\d{3,4}[ .-]\d")
"""What every `_GROUPED_CITIZEN_ID` match holds: searched first, far cheaper."""
_ID_FEWEST, _ID_MOST = min(ID_DIGITS) - 1, max(ID_DIGITS) + 2
"""Digits of a number right after an ID's words told as the ID's: one or two mistyped («CCCD
0872030012» was dropped by the radio, R9.5, and told by no check here)."""
_ID_NEAR = re.compile(
    _ID_WORDS
    + f"(?P<gap>{LABEL_GAP})"
    + rf"(?P<number>\d(?:{GROUP_GAP}?\d){{{_ID_FEWEST - 1},{_ID_MOST - 1}}})(?![\d])",
    re.IGNORECASE,
)
"""An ID's number after its words, told as the radio holds it (`labelled_number`): right after
them, one of any length («CCCD 0872030012», a digit short: mistyped, still someone's), with
words between only one as long as an ID's."""
_PASSPORT = re.compile(
    r"(?:hộ chiếu|" + pii_english.PASSPORT_WORDS + r")[^\d\n]{0,30}?(?<![^\W\d_])"
    rf"(?P<number>{PASSPORT_NUMBER})(?!\d)",
    re.IGNORECASE,
)
"""A Vietnamese passport number (a letter, 7 digits: C1234567) after its word («hộ chiếu»,
«passport») only: alone it is any code («mã đơn hàng B1234567»)."""
_MOBILE = re.compile(r"0[35789]\d{8}")
"""A mobile's number (as `pii_phones` tells it) listed after a tax code: a phone, not a code."""
_TAX_CODE = re.compile(
    rf"(?<!\w)(?P<label>{TAX_LABEL})(?![^\W\d_])(?P<gap>{TAX_GAP})"
    rf"(?P<number>\d(?:{GROUP_GAP}?\d){{9,12}})(?!\d|{GROUP_GAP}\d)"
)
"""A tax code right after its label: a person's is told (`personal_tax_code`), as the radio
drops it (R9.5); a business's is public."""
_ACCOUNT = re.compile(
    rf"(?<!\w){ACCOUNT_LABEL}(?![^\W\d_])(?P<gap>{LABEL_GAP})"
    rf"(?P<number>\d(?:{GROUP_GAP}?\d)"
    rf"{{{min(ACCOUNT_DIGITS) - 1},{max(ACCOUNT_DIGITS) - 1}}})(?!\d)",
    re.IGNORECASE,
)
"""An account's number after the words that name it (the radio's, publish.number_words), its
groups maybe apart by a space, a dot, a hyphen with or without spaces («0071 - 0001 - 2345»,
dropped on air, R9.5)."""
_BARE_ACCOUNT = re.compile(
    rf"(?<!\w){BARE_ACCOUNT}(?![^\W\d_])(?P<gap>{TIGHT_GAP})"
    rf"(?P<number>\d(?:{GROUP_GAP}?\d){{{min(BARE_ACCOUNT_DIGITS) - 1},"
    rf"{max(BARE_ACCOUNT_DIGITS) - 1}}})(?!\d|{GROUP_GAP}\d)"
)
"""An account's number, 8 to 19 digits (`BARE_ACCOUNT_DIGITS`), right after a bare «tài
khoản» (a colon or «số» between at most), as the radio drops it (R9.5): not money after it,
nor a range of counts or prices (`account_range`: `300 tài khoản 2024-2025`, `tài khoản
1000-2000 USDT`)."""
_CARD = re.compile(
    r"(?<![\w.,/=?&-])(?<!\d[ .-])\d{4}(?P<sep>[ .-]?)\d{4}(?P=sep)\d{4}(?P=sep)\d{4}"
    r"(?:(?P=sep)\d{1,3})?(?![\w/-]|[.,]\d|(?P=sep)\d)"
)
"""A bank card's number, 16 to 19 digits, written whole or in fours with one space, dot or
hyphen between (`9704 1234 5678 1012`): as the radio script holds it (R9.6), with or without a
word before it. Not glued to letters, a slash or a hyphen (a code, a document), nor a web
address's value (`profile.php?id=1000…`); an amount is told by the words after it (`_is_card`)."""
_CARD_GATE = re.compile(r"\d{4}[ .-]?\d{4}[ .-]?\d{4}")
"""What every `_CARD` match holds: searched first, far cheaper."""
_BIRTH_WORDS = r"(?:\bSN|\bsinh ngày|\bngày sinh|\bsinh)"
_BIRTH_DATE = re.compile(
    _BIRTH_WORDS + r"\s*:?\s*(?P<date>(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d{2}))"
)
_BIRTH_YEAR = re.compile(r"(?:\bSN|\bsinh năm|\bnăm sinh)\s*:?\s*(?P<y>(?:19|20)\d{2})(?![/\d])")
_BIRTH_DATE_WORDS = ("SN", "sinh", "ngày sinh", "năm sinh")
"""Where a `_BIRTH_DATE` or `_BIRTH_YEAR` match may start («sinh ngày», «sinh năm» start with
«sinh»)."""
_ANCHOR = re.compile(rf"\d\d\d\d|\d(?:{GROUP_GAP}?\d){{5}}")
"""Digits every pattern above needs: four in a row (the year of both birth patterns, a bare 12-digit
ID) or six with single separators or dashes with spaces (ID and account numbers after their words,
«087 - 123 - 456 - 789»). A line without them is skipped unsearched; having no letters, this
pattern is fast on whole texts, unlike the others."""
_TRIGGER = re.compile(
    r"\d{12}|s(?:n|inh)|t(?:k|ài khoản|hẻ)|c(?:ccd|mnd|mt|ăn cước|hứng minh)|định danh|hộ chiếu"
    r"|m(?:st|ã số thuế)"
    r"|id(?<![^\W\d_]id)|passport|b(?:orn|irth)|d\.?o\.?b|\d{4}[ .-]\d{4}[ .-]\d{4}"
    r"|0\d{2,3}[ .-]\d{3,4}[ .-]\d",
    re.IGNORECASE,
)
"""Something every pattern above needs besides digits (a card's or a grouped ID's number, its
digits alone): a line without it is skipped (most are).
Alternatives sharing a first letter are grouped: the same words, searched twice as fast. «id»
only as a word starts («ID card», «identity»): not in «said», «video», «incident»."""
_ID_WORD_STARTS = (
    *(word.lower() for word in ID_LABEL_WORDS),
    "hộ chiếu",
    *pii_english.ID_WORD_STARTS,
)
"""What `_ID_NEAR` needs, in the lower-cased line."""
_TRIGGER_WORDS = (
    "sn",
    "sinh",
    "tk",
    "tài khoản",
    "thẻ",
    "mst",
    "mã số thuế",
    *_ID_WORD_STARTS,
    *pii_english.BIRTH_WORDS,
)
"""`_TRIGGER`'s words as the lower-cased line holds them: found there with `in`, far cheaper
(with `pii_english.ID_WORD`, «id» as a word starts)."""
_TWELVE = re.compile(r"\d{12}")
"""What `_CITIZEN_ID` needs (without its look-behind, tried at every character); `_CARD_GATE`
holds it, and stands for `_TRIGGER`'s digits in the lower-cased line."""
_ODD_CASES = ("ı", "ſ", "İ")
"""Letters a case-blind regex takes for «i» or «s» that str.lower() does not turn into them
(dotless ı, long ſ; İ lower-cases to two characters): in a text holding one, words are not
looked for in the lower-cased text, each pattern is searched as a whole (tests check that these
are the only ones)."""
_AGE_BEFORE = re.compile(r"(?<![\d.,])(?P<age>\d{1,2})\s*$")
"""The age right before a "tuổi" (found with str.find: the word is mostly "người cao tuổi")."""
_REACH = 300
"""Characters before an age or a birth year read for the name (far more than five words)."""
_NAME_LENGTH = 100
"""Characters at the end of that searched for the name's words: five words of a name are
shorter, and each character more is a place the search starts from."""
_WORDS_BACK = re.compile(r"\s*,?\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,4}")
"""Up to five words ending where an age is given (where a child's name would be), matched on
the text before it read backwards: searched forwards, a regex for them tried each word start
and backtracked through every split of the words after it before failing there."""
_NEXT_WORD = re.compile(r"[^\W\d_]+\s+(?=[^\W\d_])")
"""A word and the spaces to the next one."""
_BEFORE_NAME = frozenset(
    [
        "em",
        "cháu",
        "bé",
        "anh",
        "chị",
        "ông",
        "bà",
        "cô",
        "chú",
        "bác",
        "học",
        "sinh",
        "viên",
        "nữ",
        "nam",
        "trẻ",
        "nạn",
        "nhân",
        "đối",
        "tượng",
    ]
)
"""Words (lower case, with their marks) a name follows: kinship and roles ("Cháu Lê Văn Tèo"; a
sentence may open so). Many are given names too (Nam, Anh, Nhân): inside a name they do not end
it (see `_named`). Marks count: "Bá", "Tường", "Chi" are not "bà", "tượng", "chị"."""
_PLACE = frozenset(
    ["trường", "lớp", "phố", "tổ", "khu"]
    + [kind for kind in KINDS + SUB_COMMUNE_KINDS if " " not in kind]
)
"""Words (lower case, with their marks) that make the capitalised words after them a place or a
school, not a child ("Trường THCS Tân Bình (14 tuổi)"); so does an acronym, and the pairs of
`_PLACE_PAIRS`. The kinds of one word are publish.place_words' («xã», «thôn», «xóm», «bản»…:
«em Hùng, bản Na Hang (15 tuổi)» named no child «Na Hang»). Marks count: "Trương", "Tô" are
surnames, not "trường", "tổ"."""
_PLACE_PAIRS = frozenset([("thành", "phố"), ("công", "an")])
"""Two words that make a place ("Thành phố", "Công an xã"), when each alone is a given name
("Nguyễn Văn Thành", "Lê Thị An")."""
_TOLD = r"(?:tố giác|tố cáo|báo tin|tin báo|cung cấp thông tin|phản ánh)"
_TITLE = r"(?:ông|bà|anh|chị|em|cháu|cô|chú|bác)"
_PERSON = r"[^\W\d_]+(?:[ \t]+[^\W\d_]+){1,4}"
_INFORMANT = re.compile(
    rf"{_TOLD}(?:[ \t]*:|[ \t]+(?:của|là|từ))[ \t]+{_TITLE}[ \t]+(?P<name>{_PERSON})"
    rf"|(?<![^\W\d_]){_TITLE}[ \t]+(?P<name2>{_PERSON})[ \t]+(?:đã[ \t]+)?(?:tố giác|báo tin)",
    re.IGNORECASE,
)
"""Who told the police ("người tố giác là ông …", "phản ánh của bà …", "anh … đã tố giác"): an
informant named in public is in danger. A name after the word with no "của", "là" or ":" is
whom the report is about ("tố giác ông A"), not who made it."""
_TOLD_WORDS = ("tố giác", "tố cáo", "báo tin", "tin báo", "cung cấp thông tin", "phản ánh")
"""`_TOLD`'s words, found with str.find in the lower-cased text: `_INFORMANT` is tried only
around them."""
_TITLE_WORDS = ("ông", "bà", "anh", "chị", "em", "cháu", "cô", "chú", "bác")
"""`_TITLE`'s words: with `_TOLD_WORDS`, where an `_INFORMANT` match can start."""
_TOLD_AFTER_NAME = ("tố giác", "báo tin")
"""The told words `_INFORMANT`'s second form ends with: a title word is tried only before one."""
_FOOTER = "tố giác tội phạm"
"""After «thông tin»: the footer «Mọi thông tin tố giác tội phạm…», no informant's name."""
_TOLD_REACH = 150
"""How far before and after a told word an informant's match may reach: a title and five words
of a name, or the told words and a name, are far shorter."""
_NAME_YEAR = re.compile(
    r"\((?P<bare>(?:19|20)\d{2})\)"
    r"|(?<![^\W\d_])(?:SN|Sn|(?i:sinh năm|năm sinh))\s*:?\s*(?P<y>(?:19|20)\d{2})(?![/\d])"
)
"""A birth year where a child's age could be ("Lê Văn Tèo (SN 2010)", "em …, sinh năm 2012"),
or alone in brackets right after the name ("Học sinh Trần Văn Hậu (2011)"): a year in brackets
is as often an event's, so that form counts only after a kinship or role word (`_BEFORE_NAME`)."""
_NAME_YEAR_WORDS = ("sn", "sinh năm", "năm sinh")
"""What `_NAME_YEAR` needs in the lower-cased text, unless a «(19»/«(20» in brackets."""
_HOUSE_NUMBER = r"(?P<number>\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*)(?![\w/-]|[.,]\d)"
"""A house number (45, 12A, 12/3/4): at most four digits a part, so a phone or an ID number is
none, and a document number («Luật Cư trú số 68/2020/QH14») goes on past it."""
_RESIDENCE = re.compile(
    r"(?<![^\W\d_])(?:(?:thường|tạm|cư)[ \t]+trú|(?<!lưu[ \t])trú(?![ \t]+(?:ẩn|mưa)(?![^\W\d_]))"
    r"|ngụ|nơi[ \t]+ở|chỗ[ \t]+ở)(?![^\W\d_])(?P<clause>[^\n.;!?()]{0,80})"
)
"""Where someone lives («trú tại», «ngụ», «thường trú tại», «nơi ở»), and the rest of its clause:
the house number, if any, is in it. «Trụ sở» (an office) is another word; so are «lưu trú» (a
hotel's guests: «cơ sở lưu trú tại số 12»), «trú ẩn» and «trú mưa» (shelter)."""
_SUB_COMMUNE = sub_commune_pattern(r"[ \t]+") + "|tổ|khu"
"""A place below a commune, «tổ» and «khu» with them (publish.place_words), not across a line."""
_LEVEL_WORDS = "|".join(
    kind.replace(" ", r"[ \t]+") for kind in sorted(KINDS, key=len, reverse=True)
)
"""A commune or a larger unit's kind (publish.place_words), not across a line."""
_UNITS = "(?:" + _LEVEL_WORDS + "|" + _SUB_COMMUNE + ")"
_STREETS = r"(?:đường|phố|ngõ|ngách|hẻm|kiệt|quốc[ \t]+lộ|tỉnh[ \t]+lộ|đại[ \t]+lộ)"
_HOUSE_IN_CLAUSE = re.compile(
    r"^[ \t]*(?:(?:tại|ở)(?![^\W\d_]))?[ \t]*(?:trên[ \t]+)?:?[ \t]*"
    + _HOUSE_NUMBER.replace("number", "direct")
    + r"(?![ \t]+"
    + _UNITS
    + r"(?:[ \t]+[^\W\d_]+)?[ \t]+trên(?![^\W\d_]))"
    + r"(?=[ \t]*,?[ \t]*(?:trên[ \t]+)?(?:đường|phố|ngõ|ngách|hẻm|kiệt|"
    + _SUB_COMMUNE
    + r")(?![^\W\d_])|[ \t]+[A-ZĐ]|/)"
    r"|(?:(?<![^\W\d_])(?:tại|ở|trên)|,|:|^)[ \t]*(?:trên[ \t]+)?(?:(?:căn[ \t]+)?nhà[ \t]+)?số[ \t]*"
    r"(?:nhà[ \t]*)?:?[ \t]*"
    + _HOUSE_NUMBER
    + r"|(?<![^\W\d_])(?:nhà[ \t]+số|số[ \t]+nhà)[ \t]*:?[ \t]*"
    + _HOUSE_NUMBER.replace("number", "named")
    + r"|(?<![^\W\d_])"
    + _STREETS
    + r"[ \t]+(?:(?!số(?![^\W\d_]))\w[\w/.-]*[ \t]+){1,5}số[ \t]*:?[ \t]*"
    + _HOUSE_NUMBER.replace("number", "street"),
    re.IGNORECASE,
)
"""A house number in a residence clause: right after «tại» when a street or a name follows it
(«trú tại 45 Lê Lợi», «ngụ 12/3 đường …»), after «số» that starts the place («trú tại số 45, tổ
3», «ngụ số 12/3», «…, số 45 đường …»: «gọi số 113», «tổ số 3», «biển số» are no houses), or
after «nhà số»/«số nhà» anywhere in it, or after a street's name («ngụ trên đường Lê Lợi số 45»:
«trên tuyến đường số 12» is a numbered street). «Trên» may come between («trú trên số 12 đường
…», «tại 45 trên đường …»), but a number of wards or hamlets «trên địa bàn» is a count («tạm trú
tại 4 ấp trên địa bàn xã»). «Phường 12», «tổ 3» name a ward or a group, not a house."""
_LEVELS = "(?:" + _LEVEL_WORDS + r")(?![^\W\d_])"
"""A commune or a larger unit: no house number is written right before one («trú tại 2 xã»)."""
_HAMLETS = "(?:" + _SUB_COMMUNE + r")(?![^\W\d_])"
"""A hamlet or a group, which a house number does come before («45 ấp Tân Hòa», «15 khóm 2»)."""
_PLACE_NAME = (
    r"(?!(?:và|hoặc)(?![^\W\d_])|" + _LEVELS + "|" + _HAMLETS + r")[^\W_]+"
    r"(?:[ \t]+(?!(?:và|hoặc)(?![^\W\d_]))[^\W_]+){0,2}?"
)
"""One place's name or number in a list of them («tân hòa», «3»): at most three words."""
_UNITS_COUNTED = re.compile(
    r"[ \t]+(?:(?P<level>" + _LEVELS + ")|" + _HAMLETS + ")"
    r"(?:(?P<unnamed>[ \t]*(?:$|,|(?:trên|của|thuộc|trong|khác|lân[ \t]+cận|giáp[ \t]+ranh"
    r"|liền[ \t]+kề|đó|này)(?![^\W\d_])))"
    r"|[ \t]+(?P<names>" + _PLACE_NAME + r"(?:[ \t]*(?:,|và|hoặc)[ \t]*" + _PLACE_NAME + r")+)"
    r"(?=[ \t]*(?:$|,|(?:thuộc|trên|của)(?![^\W\d_])|" + _LEVELS + ")))?"
)
"""After a number right after «trú tại», what makes it a count of places: a commune or a larger
unit («2 xã An Hiệp và An Nhơn», «3 phường»), or hamlets named by none («2 ấp giáp ranh», «5 tổ
thuộc khóm 2») or by a list of as many names as it counts («2 ấp Tân Hòa và Tân Lợi», «2 khóm 3
và 4»). A list must end the clause or its part of the address: «7 ấp Tân Hòa và làm thuê ở…»
is one hamlet, and 7 the house."""
_HAMLET_NAMED = re.compile(r"[ \t]+" + _HAMLETS + r"[ \t]+", re.IGNORECASE)
"""A hamlet or group word after a number, in the text as written («2 ấp Tân Hòa …»)."""
_NAME_TOKENS = re.compile(r"[^\W_]+|[^\w\s]")
"""Words and marks: a full stop or a bracket ends a list of names."""
_LIST_REACH = 200
"""Characters after the hamlet word searched for its list of names."""
_LIST_SEPARATOR = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:và|hoặc)[ \t]+")
_HOUSE = re.compile(r"(?<![^\W\d_])(?:nhà[ \t]+số|số[ \t]+nhà)[ \t]*:?[ \t]*" + _HOUSE_NUMBER)
"""«Nhà số 15», «số nhà 15» with no residence word: a private house too (a fire, a theft).
This and `_RESIDENCE` are searched in the lower-cased text: a case-blind search is slower."""
_NOT_A_HOME = re.compile(r"trụ[ \t]+sở|tòa[ \t]+nhà|dãy[ \t]+nhà|khu[ \t]+nhà", re.IGNORECASE)
"""Before «nhà số …» in its sentence: an office or a public building, not someone's home."""
_NOT_A_HOME_STARTS = ("trụ", "tòa", "toà", "dãy", "khu")
"""What a `_NOT_A_HOME` match starts with in the lower-cased text, «toà» as many type «tòa» (no
letter of them is folded by a case-blind regex unlike str.lower): a sentence without one is not
searched."""
_OFFICE = re.compile(
    r"trụ[ \t]+sở|công[ \t]+an|ubnd|ủy[ \t]+ban|cơ[ \t]+quan|tòa[ \t]+nhà", re.IGNORECASE
)
"""Before the house number in a residence clause: the number is an office's («đăng ký tạm trú
tại Công an phường, số 15 đường …»), not the home's."""
_SENTENCE_REACH = 300
"""Characters before «nhà số» searched for `_NOT_A_HOME` (its sentence, cut there): going back
to the sentence's start for each of many finds is quadratic."""
_SERVICE = re.compile(r"11[1345]|1[89]00\d*")
"""Emergency and service lines («số 113»): a number, not a house, when no street follows."""
_STREET_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:đường|phố|ngõ|ngách|hẻm|kiệt)(?![^\W\d_])|[ \t]+[A-ZĐ]|/", re.IGNORECASE
)
"""After «số 113»: a street, so a house after all («số 113 đường Lê Lợi», «số 113 Lê Lợi»)."""
_HOME_WORDS = ("trú", "ngụ", "nơi ở", "chỗ ở", "nhà số", "số nhà")
"""What `_RESIDENCE` or `_HOUSE` needs, in the lower-cased text."""
_RESIDENCE_WORDS = ("trú", "ngụ", "nơi", "chỗ")
"""Where a `_RESIDENCE` match starts, but for «thường», «tạm» or «cư» before a «trú»."""
_RESIDENCE_LEADS = ("thường", "tạm", "cư")
"""Words a `_RESIDENCE` match may start with before «trú» and spaces («thường trú»)."""
_ACCOUNT_WORDS = re.compile(r"t(?:k|ài khoản)", re.IGNORECASE)
"""What `_ACCOUNT` needs: far cheaper to rule out first than `_ACCOUNT` itself."""


_LASTING = {
    "title": (
        "Tiêu đề không rút lại được: nó thành tên tệp và địa chỉ web (publish new lấy địa chỉ bài "
        "từ tiêu đề), được ghi vào state/zalo.json và lịch sử git, còn lại cả khi bản tin đã rút. "
    ),
    "slug": (
        "Địa chỉ web không rút lại được: state/web-urls.json và lịch sử git giữ nó, kể cả khi "
        "đã đổi địa chỉ bài, slug (trang chuyển hướng vẫn mở ở địa chỉ cũ). "
    ),
}
"""Why a finding in the title or the slug weighs more: what keeps them for good."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One likely piece of personal data: where (0-based line of the text), what, masked value."""

    line: int
    kind: str
    value: str
    slug_form: str = ""
    """A name as a slug writes it ("tran-thi-my-duyen"), to find it in the bulletin's slug; never
    shown (CI logs get `value`)."""


class _Spans:
    """Character spans already reported in one text, so one number is reported once."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        """Of the reported spans, apart, in order: only the one starting last before a new
        span's end may overlap it (comparing with all is quadratic on a long body)."""

    def __call__(self, span: tuple[int, int]) -> bool:
        """Whether `span` overlaps no reported span (and remember it)."""
        at = bisect_left(self.starts, span[1])
        if at and self.ends[at - 1] > span[0]:
            return False
        self.starts.insert(at, span[0])
        self.ends.insert(at, span[1])
        return True


def findings(
    text: str, *, year: int, unit_numbers: frozenset[str] = frozenset()
) -> Iterator[Finding]:
    """Every likely ID, passport and account number, exact/minor birth date, child's or
    informant's name, house number and private phone number in `text`, by line.
    `unit_numbers`: the unit's own phone numbers (`unit_phone_numbers`), never private."""
    text = nfc(text)
    low = text.lower()
    # Offsets in `low` are offsets in `text` unless lower-casing changed a length (rare).
    aligned = len(low) == len(text)
    plain = aligned and not any(c in text for c in _ODD_CASES)
    yield from _number_findings(text, low if plain else None, year)
    named: set[int] = set()  # where each child's name found ends: found once
    if "tuổi" in text:
        yield from _named_minors(text, named)
    if "(19" in text or "(20" in text or any(word in low for word in _NAME_YEAR_WORDS):
        yield from _minors_named_with_year(text, low if plain else None, year, named)
    if any(word in low for word in _HOME_WORDS):
        yield from _home_addresses(low, text if aligned else None)
    words = _told_words(low)
    if told := _told_at(low, words):
        near = (low, words) if plain else None
        yield from _named_informants(text, told if aligned else None, near)
    line = LineCounter(text)
    # Where each number the Vietnamese rule judged starts: the English one must not judge it
    # again («liên hệ Công an xã …, Tel: 0277…» is the unit's, not a private «Tel.»).
    phoned: set[int] = set()
    for at, digits, who in phone_verdicts(text, unit_numbers):
        if who is not None:
            phoned.add(at)
        if who:
            yield Finding(line(at), PHONE_KIND + who, mask(digits))
    if any(word in low for word in pii_english.WORDS):
        # Its rules read the lower-cased text at the text's offsets: «İ» kept as it is.
        same = low if aligned else "".join(c if len(c.lower()) > 1 else c.lower() for c in text)
        for at, kind, value in sorted(pii_english.findings(text, same, unit_numbers, phoned)):
            yield Finding(line(at), kind, value)


def _number_findings(text: str, low: str | None, year: int) -> Iterator[Finding]:
    """The findings of the number patterns, line by line, on the lines holding the digits
    (`_ANCHOR`) and a word (`_TRIGGER`) they need, each line then read with a label's line
    before it (`_joined_line`). `low`: the lower-cased text, when its words are at the text's
    offsets and fold as a case-blind regex's (see `_ODD_CASES`)."""
    number = start = 0  # line `number` (0-based) starts at offset `start`
    fences: list[int] | None = None  # found only for a join: most texts have none
    recent: dict[int, list[Finding]] = {}  # each line's own findings, for a join's
    link: _Link | None = None  # the list line `linked` is of (`_joined_line`)
    linked = -1
    anchor = _ANCHOR.search(text)
    while anchor is not None:
        at = anchor.start()
        number += text.count("\n", start, at)
        start = text.rfind("\n", 0, at) + 1
        end = _line_end(text, at)
        line = text[start:end]  # alone, as the patterns' `\s*` must not reach into the next line
        own: list[Finding] = []
        if low is None:
            if _TRIGGER.search(line):
                own = list(_line_findings(line, number, year, None))
        else:
            words = low[start:end]
            if (
                any(word in words for word in _TRIGGER_WORDS)
                or pii_english.ID_WORD.search(words)
                or _CARD_GATE.search(line)
                or _GROUPED_GATE.search(line)
            ):
                own = list(_line_findings(line, number, year, words))
        yield from own
        # Most lines follow a blank one (a paragraph of one line): none to join with.
        # A paragraph's number alone may be its label's after a blank line: `_after_blank`.
        if (
            start > 1
            and (
                text[start - 2] != "\n" or _may_join_after_blank(text, start, end, link is not None)
            )
            and (
                joined := _joined_line(
                    text,
                    low,
                    start,
                    link if linked == number - 1 else None,
                    (link, number - linked) if link is not None and linked < number - 1 else None,
                )
            )
        ):
            fences = _fenced(text) if fences is None else fences
            if not bisect_left(fences, start) % 2:  # code is shown line by line
                # Every joined line's findings, a middle line's own join's too: told once.
                lines = (
                    [number - joined.back] if joined.listed else range(number - joined.back, number)
                )
                apart = [f for at in lines for f in recent.get(at, [])]
                more = list(_joined_findings(joined.text, number, year, apart + own))
                yield from more
                own = own + more
            link, linked = joined.link, number
        if own:
            recent[number] = own
        anchor = _ANCHOR.search(text, end)


def _told_words(low: str) -> list[tuple[int, str]]:
    """Every told word (`_TOLD`) in lower-cased `low`: (offset, word), in order."""
    found = []
    for word in _TOLD_WORDS:
        at = low.find(word)
        while at >= 0:
            found.append((at, word))
            at = low.find(word, at + len(word))
    return sorted(found)


def _told_at(low: str, words: list[tuple[int, str]]) -> list[int]:
    """Where the told `words` of lower-cased `low` start, but for the footer's «thông tin tố
    giác tội phạm»: nearly every bulletin ends with it, and no informant is named there."""
    return [
        at
        for at, _ in words
        if not (low.startswith(_FOOTER, at) and low.endswith("thông tin ", 0, at))
    ]


def _named_informants(
    text: str, told: list[int] | None, near: tuple[str, list[tuple[int, str]]] | None
) -> Iterator[Finding]:
    """Full names of whoever reported a crime or a complaint (a shortened name is not reported),
    searched around each told word at `told` (in the whole text when None). `near`: the
    lower-cased text when its words can be looked for there (see `_number_findings`), and
    every told word in it (footers too)."""
    line = LineCounter(text)
    matches = _INFORMANT.finditer(text) if told is None else _informants_near(text, told, near)
    for match in matches:
        name = match["name"] or match["name2"]
        words: list[str] = []
        split = name.split()
        for i, word in enumerate(split):
            if not word[0].isupper() or _place(split, i):
                break
            words.append(word)
        if _full(words):
            kind = "họ tên người tố giác, báo tin"
            yield Finding(line(match.start()), kind, _initials(words), slugify(" ".join(words)))


def _informants_near(
    text: str, told: list[int], near: tuple[str, list[tuple[int, str]]] | None
) -> Iterator[re.Match[str]]:
    """`_INFORMANT`'s matches in windows of `_TOLD_REACH` around each offset of `told` (merged
    where they overlap): most of a long body is never searched. With `near` (see
    `_named_informants`), each window is tried only where a match can start: at a told word,
    or at a title word when «tố giác» or «báo tin» comes after it (the second form)."""
    windows: list[list[int]] = []
    for at in told:
        start, end = max(0, at - _TOLD_REACH), min(len(text), at + _TOLD_REACH)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    for start, end in windows:
        if near is None:
            yield from _INFORMANT.finditer(text, start, end)
            continue
        low, words = near
        inside = words[bisect_left(words, (start, "")) : bisect_left(words, (end, ""))]
        inside = [(at, word) for at, word in inside if at + len(word) <= end]
        starts = [at for at, _ in inside]
        last = max((at for at, word in inside if word in _TOLD_AFTER_NAME), default=start)
        starts += _title_starts(text, low, start, last)
        yield from matches_at(_INFORMANT, text, sorted(starts), end)


def _title_starts(text: str, low: str, start: int, end: int) -> list[int]:
    """Where a title word starts a word of `text` in `[start, end)` and spaces follow it, as
    `_INFORMANT`'s second form needs: «ông» and «cô» are in «không», «công», «thông»…"""
    found = []
    for word in _TITLE_WORDS:
        at = low.find(word, start, end)
        while at >= 0:
            if (at == 0 or not _letter(text[at - 1])) and low.startswith(
                (" ", "\t"), at + len(word)
            ):
                found.append(at)
            at = low.find(word, at + 1, end)
    return found


def _letter(char: str) -> bool:
    """Whether `char` is what the patterns' «[^\\W\\d_]» matches (a letter, or a number that is
    no decimal digit, like «²»): re's «\\w» is str.isalnum() or «_», its «\\d» str.isdecimal()."""
    return char.isalnum() and not char.isdecimal()


def _named_minors(text: str, named: set[int]) -> Iterator[Finding]:
    """Full names written next to an age under 18: "em Lê Văn Tèo (15 tuổi)" (Luật Trẻ em 2016).

    A name shortened to its initial ("Nguyễn Văn A") is how bulletins protect a child: not reported.
    """
    line = LineCounter(text)
    at = text.find("tuổi")
    while at >= 0:
        match = _AGE_BEFORE.search(text, max(0, at - 8), at)
        at = text.find("tuổi", at + 4)
        if match is None or int(match["age"]) >= ADULT_AGE:
            continue
        name, _, end = _name_before(text, match.start())
        if _full(name) and end not in named:
            named.add(end)
            yield Finding(
                line(match.start()),
                f"họ tên của trẻ vị thành niên ({match['age']} tuổi)",
                _initials(name),
                slugify(" ".join(name)),
            )


def _minors_named_with_year(
    text: str, low: str | None, year: int, named: set[int]
) -> Iterator[Finding]:
    """Full names written with a birth year that makes them under 18 in the bulletin's `year`:
    "Cháu Trần Thị Mỹ Duyên (SN 2017)", "Học sinh Trần Văn Hậu (2011)". `low`: see
    `_number_findings`."""
    line = LineCounter(text)
    if low is None:
        matches = _NAME_YEAR.finditer(text)
    else:
        starts = word_starts(low, ("(19", "(20", *_NAME_YEAR_WORDS))
        matches = matches_at(_NAME_YEAR, text, starts)
    for match in matches:
        born = int(match["bare"] or match["y"])
        age = year - born
        if not 0 <= age < ADULT_AGE:
            continue
        name, before, end = _name_before(text, match.start())
        if match["bare"] and (before.lower() not in _BEFORE_NAME or before.lower() == "em"):
            continue  # "em" alone may be "trẻ em Việt Nam (2016)"; "cháu", "bé", "sinh" name
        if _full(name) and end not in named:
            named.add(end)
            yield Finding(
                line(match.start()),
                f"họ tên của trẻ vị thành niên ({age} tuổi)",
                _initials(name),
                slugify(" ".join(name)),
            )


def _name_before(text: str, at: int) -> tuple[list[str], str, int]:
    """The capitalised name right before `at` on its line (its words, maybe none), the word
    before the name ("" when none) and where the name ends, for telling two finds of one name.

    Only the last `_REACH` characters of the line are read: looking back to the line's start
    for every age or year on a long line is quadratic, and a name is far shorter."""
    newline = text.rfind("\n", max(0, at - _REACH), at)
    start = newline + 1 if newline >= 0 else max(0, at - _REACH)
    cut = int(start > 0 and text[start - 1] != "\n")  # the window starts inside the line
    start -= cut  # one character more, so a match cannot start inside the cut word
    segment = text[start:at]
    opened = segment.rfind("(")
    if opened > segment.rfind(")"):
        segment = segment[:opened]  # "Lê Văn Tèo (sinh năm 2010, 15 tuổi)": before the "("
    last = segment.rstrip(" \t\n,")[-1:]
    if not last.isalnum() or last.isdecimal():
        return [], "", -1  # no word ends there: ruled out before searching back
    found = _words_start(segment, max(cut, len(segment) - _NAME_LENGTH))
    if found < 0:
        return [], "", -1
    name: list[str] = []
    words = segment[found:].replace(",", " ").split()
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if _place(words, i) and not _given_name(words, i):
            return [], word, -1
        if not word[0].isupper() or (word.lower() in _BEFORE_NAME and not _named(words[:i])):
            return name, word, start + len(segment.rstrip(" \t,"))
        name.insert(0, word)
    return name, "", start + len(segment.rstrip(" \t,"))


def _words_start(segment: str, pos: int) -> int:
    """Where the first of the (up to five) words that end `segment` starts, at or after `pos`
    and not inside a word, before spaces and one comma; -1 when no word ends it. `segment`
    holds no line break."""
    lead = max(pos - 1, 0)  # one character more: a word running on before `pos` is cut there
    back = _WORDS_BACK.match(segment[lead:][::-1])
    if back is None:
        return -1
    start = len(segment) - back.end()
    if start >= pos:
        return start
    after = _NEXT_WORD.match(segment, start)  # the first word starts before `pos`: the next one
    return -1 if after is None else after.end()


def _full(name: list[str]) -> bool:
    """Whether `name` names someone: two words or more, the last not an initial ("Nguyễn Văn A")."""
    return len(name) >= 2 and len(name[-1]) > 1


def _initials(name: list[str]) -> str:
    """A name as CI logs show it: Lê Văn Tèo → L.V.T."""
    return ".".join(word[0] for word in name) + "."


def _home_addresses(low: str, text: str | None = None) -> Iterator[Finding]:
    """House numbers of where people live ("trú tại số 45, tổ 3", "ngụ 12/3 đường …", "nhà số
    15") in the lower-cased text `low`: with the ward they say which door to knock on. A ward or
    group number is not reported. `text`: the text as written, when at `low`'s offsets (its
    capitals tell where a list of hamlets' names ends)."""
    fresh = _Spans()
    line = LineCounter(low)
    for match in matches_at(_RESIDENCE, low, _residence_starts(low)):
        clause = match["clause"]
        for house in _HOUSE_IN_CLAUSE.finditer(clause):
            groups = ("direct", "number", "named", "street")
            group = next(g for g in groups if house[g] is not None)
            number = house[group]
            after = clause[house.end(group) :]
            if _SERVICE.fullmatch(number) and not _STREET_AFTER.match(after):
                continue
            at = match.start("clause") + house.end(group)
            if group == "direct" and (
                _counts_places(number, after)
                or (text is not None and _counts_named(number, text, at))
            ):
                continue
            if _OFFICE.search(one_tone_placement(clause[: house.start()])):
                continue  # «uỷ ban», «toà nhà» as typed with the tone on the second vowel
            start = match.start("clause") + house.start(group)
            if fresh((start, start + len(number))):
                yield _home_finding(line(start), number)
    line = LineCounter(low)
    for house in _HOUSE.finditer(low) if "nhà số" in low or "số nhà" in low else ():
        at = house.start()
        reach = max(0, at - _SENTENCE_REACH)
        sentence = max(reach, *(low.rfind(c, reach, at) + 1 for c in "\n.;!?"))
        # «tòa nhà số 9», «khu nhà số 5»: the «nhà» of the match ends the building's name.
        if _not_a_home(low, sentence, at + 3 if low.startswith("nhà", at) else at):
            continue
        if fresh(house.span("number")):
            yield _home_finding(line(house.start("number")), house["number"])


def _counts_places(number: str, after: str) -> bool:
    """Whether a plain `number` right after «trú tại», with the lower-cased words `after` it,
    counts communes or hamlets («2 xã An Hiệp và An Nhơn») rather than numbering a house."""
    if not number.isdigit():
        return False  # «45/3 ấp Tân Hòa», «12A ấp …»: no count is so written
    counted = _UNITS_COUNTED.match(after)
    if counted is None:
        return False
    if counted["level"] is not None or counted["unnamed"] is not None:
        return True
    names = counted["names"]
    return names is not None and len(_LIST_SEPARATOR.split(names)) == int(number)


def _counts_named(number: str, text: str, at: int) -> bool:
    """Whether a plain `number` right after «trú tại», with the words as written `at` its end,
    counts hamlets named with capitals, however the sentence goes on («2 ấp Tân Hòa và Tân Lợi
    bị bắt»): the list ends at the first word in lower case («7 ấp Tân Hòa và làm thuê» names
    one hamlet, and 7 is the house)."""
    if not number.isdigit():
        return False
    hamlet = _HAMLET_NAMED.match(text, at)
    if hamlet is None:
        return False
    names, state = 0, "name"  # what may come next: a "name", more of "one", or a "separator"
    for token in _NAME_TOKENS.findall(text, hamlet.end(), hamlet.end() + _LIST_REACH):
        if token in (",", "và", "hoặc") and state != "name":
            state = "name"
        elif (token.isdigit() or token[0].isupper()) and state != "separator":
            names += state == "name"  # a name's next capitalised word is the same name
            state = "separator" if token.isdigit() else "one"  # «khóm 3 và 4»: numbers alone
        else:
            break
    return names >= 2 and names == int(number)


def _not_a_home(low: str, start: int, end: int) -> bool:
    """Whether lower-cased `low` names an office or a public building in `[start, end)`: the
    regex only where one of its first words is, as a «nhà số» repeated thousands of times in
    a paste has none, and searching for it took most of the lint's time there."""
    if all(low.find(word, start, end) < 0 for word in _NOT_A_HOME_STARTS):
        return False
    # «toà nhà» as «tòa nhà»: the pattern is written with one placement of the tone.
    return _NOT_A_HOME.search(one_tone_placement(low[start:end])) is not None


def _residence_starts(low: str) -> list[int]:
    """Every offset of lower-cased `low` where a `_RESIDENCE` match may start: its words, and
    «thường», «tạm», «cư» before a «trú» and the spaces between them."""
    starts = word_starts(low, _RESIDENCE_WORDS)
    for at in [at for at in starts if low.startswith("trú", at)]:
        spaces = at
        while spaces and low[spaces - 1] in " \t":
            spaces -= 1  # each «trú» steps back over its own spaces: linear in all
        if spaces < at:
            for lead in _RESIDENCE_LEADS:
                if low.endswith(lead, 0, spaces):
                    starts.append(spaces - len(lead))
    return sorted(starts)


def _home_finding(line: int, number: str) -> Finding:
    """A house number found on `line`, masked: «số 12/3» → «số **/*»."""
    return Finding(line, "số nhà nơi ở của người dân", "số " + re.sub(r"\d", "*", number))


def _named(words: list[str]) -> bool:
    """Whether the word after `words` is inside a name: the capitalised words right before it
    hold one that is no kinship or role word ("Nguyễn Bá Tường", not "Em Nam")."""
    for word in reversed(words):
        if not word[0].isupper():
            return False
        if word.lower() not in _BEFORE_NAME:
            return True
    return False


def _given_name(words: list[str], i: int) -> bool:
    """Whether the place kind `words[i]` is the given name of the name before it."""
    # «Lò Văn Bản»: a place kind written capitalised after a name's words is a given name
    # (`bản`, `tổ` open places only in lower case there); the child went unfound. With at most
    # one capitalised word after it («Hà Thị Tổ Như», «Lò Bản Sơn»): two after it, as in
    # «Trần Phú Xã Tân Bình», are a school's name and a commune, no child's name.
    word = words[i]
    return (
        i >= len(words) - 2 and word[0].isupper() and word.lower() in _PLACE and _named(words[:i])
    )


def _place(words: list[str], i: int) -> bool:
    """Whether `words[i]` makes the capitalised words after it a place, a school or a unit."""
    word = words[i].lower()
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    return (
        word in _PLACE
        or (word, after) in _PLACE_PAIRS
        or (words[i].isupper() and len(words[i]) > 1)
    )


def _labelled_accounts(line: str) -> Iterator[re.Match[str]]:
    """The `_ACCOUNT` matches of `line` whose label names an account: a bare `TK` only where
    money is paid into it (`paid_into_tk`)."""
    at = 0
    while (found := _ACCOUNT.search(line, at)) is not None:
        match = without_its_amount(_ACCOUNT, found)
        if match["paid_tk"] is not None and not paid_into_tk(
            line, match.start(), match.end(), match["gap"]
        ):
            # Someone's initials («Anh TK có số tài khoản … 0123…»): a label among the words
            # after them still names the number (session 78 review), as on air (R9.5).
            at = match.end("paid_tk")
            continue
        yield match
        at = match.end()


_LABEL_WORDS = re.compile(PRIVATE_LABEL_WORDS, re.IGNORECASE)
"""The words of a private number's label: an account's, a citizen ID's, a passport's, a tax
code's. A line ending with one (no digit after it) is read on to its number (`_joined_line`)."""
_LOW_LABEL_WORDS = re.compile(_LABEL_WORDS.pattern)
"""`_LABEL_WORDS` in a lower-cased text."""
_LAST_DIGIT = re.compile(r"\d\D*$")
"""A line's last digit (and the rest of the line)."""
_OWN_BLOCK = re.compile(r"[^\S\n]{0,3}(?:#{1,6}(?!\S)|```|~~~)|[^\S\n]*(?:\||$)")
"""A line Markdown joins with no other: a heading, a fence, a table's row, a blank line."""
_LABEL_LINES = 3
"""How many lines after a label's its number may be: digit-less lines between carry it on."""
_LIST_ITEM = re.compile(LIST_MARK)
"""A list item's mark: a list after a paragraph is read on from it on the radio too."""
_ITEM_NUMBER = re.compile(rf"{LIST_MARK}[^\S\n]*+(?P<number>\d)")
"""A list item opening with a number («- 9876543210 (Vietcombank)»): the next of a list as a
number alone is, what follows it read with it (the radio reads such items on too)."""


def _fenced(text: str) -> list[int]:
    """The offsets of the fence lines of `text`, in order: a line between an odd and an even
    one is code, shown as written (never joined)."""
    if "```" not in text and "~~~" not in text:
        return []
    fence = re.compile(r"^[^\S\n]{0,3}(?:```|~~~)", re.MULTILINE)
    return [m.start() for m in fence.finditer(text)]


class _Link(NamedTuple):
    """A line of a list of private numbers, what the next of the list is read on from."""

    back: int
    """How many lines back from this line its head's number is (`_Join.back`)."""
    text: str
    """The head's text as read: the next number of the list is read after it."""


class _Join(NamedTuple):
    """A line read with lines before it (`_joined_line`)."""

    back: int
    """How many lines back what it is read with starts; a list's line: its head's number's."""
    text: str
    """The text so read."""
    listed: bool
    """Whether read on from a list's head: of the lines between, only the head's findings are
    told already (the others' numbers are not in `text`)."""
    link: _Link | None
    """What the next line of a list is read on from, when this line ends in a number or is one
    of a list's."""


def _joined_line(
    text: str,
    low: str | None,
    start: int,
    link: _Link | None = None,
    far: tuple[_Link, int] | None = None,
) -> _Join | None:
    """The line starting at `start` read with the lines before it back to a label's with no
    digit after its last label word (Markdown joins a soft line break: «Ông A, MST\n8012…»,
    «số tài khoản\ntại Agribank là\n0123…» are published whole), within `_LABEL_LINES` lines and
    its paragraph, through digit-less lines only; a list's line (a number alone, `NUMBER_ALONE`,
    a list item opening with one, `_ITEM_NUMBER`, a line opening with a list's joint,
    `LIST_OPENING`) after a number's line with its list's head (`_listed_line`: «Mã số
    thuế⏎8012345678⏎→ 8098765432»); a number alone opening a paragraph with the line before
    the blank lines (`_after_blank`). `link`: the line before's, when it is a list's or ends in
    a number read with its label's; `far`: such a line's further up, and how many lines up.
    `low`: as in `_number_findings` (a case-blind search is
    slower)."""
    if start == 0:
        return None
    labels, words = (_LABEL_WORDS, text) if low is None else (_LOW_LABEL_WORDS, low)
    before = text.rfind("\n", 0, start - 1) + 1
    # Asked first, as nearly every line of a body of numbers has one with no label before it.
    after_number = link is None and _ends_in_number(text, before, start - 1)
    if after_number and not labels.search(words, before, start - 1):
        return None  # no list's head, and a line's number is read there
    line_end = _line_end(text, start)
    whole = NUMBER_ALONE.fullmatch(text, start, line_end)
    alone = whole or _ITEM_NUMBER.match(text, start, line_end)
    if alone is None and link is not None:
        named = NAMED_ITEM.match(text, start, line_end)
        if named is not None:
            at = named.start("passport" if named["number"] is None else "number")
            return _listed_line(text, words, labels, (at, line_end), True, link)
    listed = alone is not None or LIST_OPENING.match(text, start, line_end) is not None
    if listed:
        number = (start if alone is None else alone.start("number"), line_end)
        # The line before a number's (or one of the list): the list's; else a label's further up.
        if link is not None or after_number:
            return _listed_line(text, words, labels, number, alone is not None, link)
    spans = [(start, line_end)]
    for back in range(1, _LABEL_LINES + 1):
        if start == 0:
            return None
        end, start = start - 1, text.rfind("\n", 0, start - 1) + 1
        if _OWN_BLOCK.match(text, start, end):
            if back > 1 or text[start:end].strip():
                return None
            if alone is not None:
                return _after_blank(text, words, labels, start, number, whole is not None, far)
            passport = PASSPORT_ALONE.fullmatch(text, *spans[0])
            if passport is not None:
                number = (passport.start("number"), spans[0][1])
                return _after_blank(text, words, None, start, number, True)
            return None
        digit = _LAST_DIGIT.search(text, start, end)
        label = labels.search(words, digit.start() + 1 if digit else start, end)
        if label is None and digit is not None:
            return None  # a label's number on its own line is read there
        spans.append((start, end))
        if label is not None:
            if _OWN_BLOCK.match(text, *spans[0]):
                return None
            item = _LIST_ITEM.match(text, *spans[0])
            if item is not None and back == 1:
                # «Số tài khoản:⏎1. 0123…»: the item's mark is no part of its number.
                spans[0] = (item.end(), spans[0][1])
            both = " ".join(text[s:e] for s, e in reversed(spans))
            ends = _ends_in_number(text, *spans[0])
            return _Join(back, both, False, _Link(0, both) if ends or listed else None)
    return None


def _listed_line(
    text: str,
    words: str,
    labels: re.Pattern[str],
    number: tuple[int, int],
    alone: bool,
    link: _Link | None,
) -> _Join | None:
    """A list's line (its number or list item's from `number`, `alone` when a number alone or
    a list item opening with one, else a line opening with a list's joint, `LIST_OPENING`) read
    after its list's head: the head `link` names (the line before is one of the list), or the
    line before when it ends in a number with a label before it («STK 0123456789⏎- 9876…»),
    «; » between (a joint's line: a space). Only the head's text and this line's are read, so
    a list costs as many lines as it has (session 81 review)."""
    part = text[slice(*number)]
    if link is not None:
        back = link.back + 1
        return _Join(back, _list_joined(link.text, part, alone), True, _Link(back, link.text))
    end = text.rfind("\n", 0, number[0])
    start = text.rfind("\n", 0, end) + 1
    digit = _LAST_DIGIT.search(text, start, end)
    if (
        digit is None
        or not labels.search(words, start, digit.start())
        or _OWN_BLOCK.match(text, start, end)
    ):
        return None
    head = text[start:end]
    return _Join(1, _list_joined(head, part, alone), True, _Link(1, head))


def _list_joined(head: str, part: str, alone: bool) -> str:
    """A list's number `part` read after its `head`: «; » between a number alone's (`alone`), a
    space only when the head ends in one already or the line opens with its joint."""
    if not alone or head.rstrip()[-1:] in (";", ","):
        return f"{head} {part}"
    return f"{head}; {part}"


def _ends_in_number(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends in a digit, maybe spaces, a comma or «;» after it: a
    number a list's next line goes on from («Các TK: 0123456789;⏎0987654321;⏎…»)."""
    return text[start:end].rstrip(" \t,;")[-1:].isdigit()


def _may_join_after_blank(text: str, start: int, end: int, linked: bool) -> bool:
    """Whether the line at text[start:end], after a blank line, may be read with the paragraph
    before (`_after_blank`): a list item opening with a number after a paragraph ending in a
    number, a number alone after one ending otherwise (in a label, maybe) or after a list's
    number (`linked`: «Số tài khoản:⏎⏎0123…⏎⏎0987…»). The paragraph's
    last character is looked at first: a body of thousands of one-number paragraphs asks no
    more of each."""
    at = start - 1
    while at > 0 and text[at - 1].isspace():
        at -= 1
    if at == 0:
        return False
    if text[at - 1] in "0123456789,;":
        if linked and NUMBER_ALONE.fullmatch(text, start, end) is not None:
            return True
        return _ITEM_NUMBER.match(text, start, end) is not None
    return (
        NUMBER_ALONE.fullmatch(text, start, end) is not None
        or PASSPORT_ALONE.fullmatch(text, start, end) is not None
    )


def _after_blank(
    text: str,
    words: str,
    labels: re.Pattern[str] | None,
    blank: int,
    number: tuple[int, int],
    whole: bool,
    far: tuple[_Link, int] | None = None,
) -> _Join | None:
    """A number alone (its span `number`; `whole`: nothing after it) opening a paragraph, the
    blank lines before it starting with the one at text[blank], read with the line before them:
    after a label ending it («Số tài khoản⏎⏎0123456789»: privacy first, the reader takes the one
    for the other); a list item's after a number with a label before it ending it («Số tài
    khoản 0123456789⏎⏎- 0987654321», as the radio reads a list on from its paragraph). No
    `labels`: a passport's number alone (`PASSPORT_ALONE`), after its label only. `far`: a
    list's line and how many lines up: a number alone after it is the list's next."""
    back = 1
    while blank > 0:
        end = blank - 1
        start = text.rfind("\n", 0, end) + 1
        back += 1
        if text[start:end].strip():
            break
        blank = start
    else:
        return None
    if _OWN_BLOCK.match(text, start, end):
        return None
    head = text[start:end]
    if far is not None and whole and far[1] == back:
        at = back + far[0].back
        part = text[slice(*number)]
        return _Join(at, _list_joined(far[0].text, part, True), True, _Link(at, far[0].text))
    if labels is None:
        if not passport_label_ends(words, start, end):
            return None
        return _Join(back, f"{head} {text[slice(*number)]}", False, None)
    if whole and label_ends(words, start, end):
        both = f"{head} {text[slice(*number)]}"
        return _Join(back, both, False, _Link(0, both))
    digit = _LAST_DIGIT.search(text, start, end)
    if (
        _LIST_ITEM.match(text, text.rfind("\n", 0, number[0]) + 1)
        and _ends_in_number(text, start, end)
        and digit is not None
        and labels.search(words, start, digit.start())
    ):
        return _Join(back, _list_joined(head, text[slice(*number)], True), True, _Link(back, head))
    return None


def _line_end(text: str, start: int) -> int:
    """Where the line starting at `start` ends."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _joined_findings(
    joined: str, number: int, year: int, apart: list[Finding]
) -> Iterator[Finding]:
    """The findings on line `number` of its line `joined` with the lines before it, but no
    value `apart`, its first and last lines' own findings, gives: told there already, maybe
    under another kind («Số CCCD:\n0872…» is a bare 12-digit ID on its own line), told once."""
    told = Counter(found.value for found in apart)
    for found in _line_findings(joined, number, year, None):
        if told[found.value] > 0:
            told[found.value] -= 1
        else:
            yield found


def _line_findings(line: str, number: int, year: int, low: str | None) -> Iterator[Finding]:
    """The findings of one line (number `number`), each span reported once. Each pattern is
    searched only when the line holds what it needs: in `low`, the lower-cased line, when given
    (see `_number_findings`), else by a case-blind regex."""
    fresh = _Spans()
    if low is None:
        accounts, ids, passport = bool(_ACCOUNT_WORDS.search(line)), True, True
    else:
        accounts = "tk" in low or "tài khoản" in low
        ids = any(word in low for word in _ID_WORD_STARTS) or bool(pii_english.ID_WORD.search(low))
        passport = "hộ chiếu" in low or pii_english.PASSPORT_WORDS in low
    for match in _labelled_accounts(line) if accounts else ():
        named = labelled_number(match["number"], match["gap"], line, match.end(), of_id=False)
        for span, written in _with_listed(line, match) if named else ():
            if fresh(span):
                yield Finding(number, "số tài khoản ngân hàng", mask(written))
    for item in accounts_after_codes(line) if accounts else ():
        if fresh(item.span("number")):
            yield Finding(number, "số tài khoản ngân hàng", mask(item["number"]))
    for found in _BARE_ACCOUNT.finditer(line) if accounts else ():
        match = without_its_amount(_BARE_ACCOUNT, found)
        named = bare_account_number(match["number"], match["gap"], line, match.end())
        for span, written in _with_listed(line, match, bare=True) if named else ():
            if fresh(span):
                yield Finding(number, "số tài khoản ngân hàng", mask(written))
    for found in _ID_NEAR.finditer(line) if ids else ():
        match = without_its_amount(_ID_NEAR, found)  # «CCCD 0872…1234 50 triệu đồng»: 12 digits
        named = _citizen_id(line, match)
        for span, written in _with_listed(line, match, of_id=True) if named else ():
            each = re.sub(r"\D", "", written)
            if fresh(span):
                kind = _ID_KINDS.get(len(each), f"số CCCD/CMND ({len(each)} chữ số, có thể gõ sai)")
                yield Finding(number, kind, mask(each))
    for match in _PASSPORT.finditer(line) if passport else ():
        for item in (match, *listed_passports(line, match.end())):
            if fresh(item.span("number")):
                yield Finding(number, "số hộ chiếu", masked_passport(item["number"]))
    for digits, span in _bare_citizen_ids(line, year):
        if fresh(span):
            yield Finding(number, "số CCCD (12 chữ số)", mask(digits))
    taxed = "mst" in low or "mã số thuế" in low if low is not None else True
    for match in _TAX_CODE.finditer(line) if taxed else ():
        personal = personal_tax_code(
            match["label"], match["number"], line, match.start(), match.end()
        )
        for span, written in _with_listed(line, match) if personal else ():
            # «Ông A, MST 8012…, 0912345678»: the mobile listed after it is his phone.
            mobile = span[0] > match.start("number") and _MOBILE.fullmatch(written)
            kind = PHONE_KIND + "người dân" if mobile else "mã số thuế cá nhân"
            if fresh(span):
                yield Finding(number, kind, mask(written))
    for match in labelled_cards(line):
        if fresh(match.span("number")):
            yield Finding(number, "số thẻ ngân hàng", mask(match["number"]))
    for match in _CARD.finditer(line) if _CARD_GATE.search(line) else ():
        if _is_card(line, match) and fresh(match.span()):
            yield Finding(number, "số thẻ ngân hàng", mask(match[0]))
    born = word_starts(line, _BIRTH_DATE_WORDS)  # as written: neither pattern ignores case
    for match in matches_at(_BIRTH_DATE, line, born):
        if fresh(match.span("date")):
            age = year - int(match["y"])
            who = "của trẻ vị thành niên" if age < ADULT_AGE else ""
            yield Finding(number, f"ngày sinh đầy đủ {who}".strip(), _masked_date(match))
    for match in matches_at(_BIRTH_YEAR, line, born):
        age = year - int(match["y"])
        if 0 <= age < ADULT_AGE and fresh(match.span("y")):
            yield Finding(number, f"năm sinh của trẻ vị thành niên ({age} tuổi)", match["y"])
    english = pii_english.birth_findings(line, low or line.lower(), year, ADULT_AGE)
    for start, end, kind, value in english:
        if fresh((start, end)):
            yield Finding(number, kind, value)


def _bare_citizen_ids(line: str, year: int) -> Iterator[tuple[str, tuple[int, int]]]:
    """The digits and span of each CCCD's number in `line` with no ID word before it, whole or
    in groups, as the radio script holds it (R9.6): shaped as one for the bulletin's `year`
    (`is_citizen_id`), no money after it, not a typed code naming no one's number that the
    radio reads out digit by digit (`mã hồ sơ 087 203 001 234`; dots group no code there)."""
    whole = _CITIZEN_ID.finditer(line) if _TWELVE.search(line) else ()
    grouped = _GROUPED_CITIZEN_ID.finditer(line) if _GROUPED_GATE.search(line) else ()
    for match in chain(whole, grouped):
        sep = match.groupdict().get("sep") or ""
        digits = match[0].replace(sep, "") if sep else match[0]
        if not is_citizen_id(digits, year) or money_follows(line, match.end()):
            continue
        if sep == "." or not read_as_code(line, match.start()):
            yield digits, match.span()


def _with_listed(
    line: str, match: re.Match[str], *, of_id: bool = False, bare: bool = False
) -> Iterator[tuple[tuple[int, int], str]]:
    """The span and the number as written of an ID's (`of_id`) or an account's number found by
    `match` in `line` (after a `bare` «tài khoản»), then of each listed after it
    (`listed_numbers`: «STK: 0123456789, 9876543210»), as the radio drops them all."""
    yield match.span("number"), match["number"]
    for item in listed_numbers(line, match.end(), of_id=of_id, bare=bare):
        yield item.span("number"), item["number"]


_ID_KINDS = {9: "số CMND", 12: "số CCCD"}
"""An ID's kind by its digits; another length is a mistyped one, told with its count."""


def _citizen_id(line: str, match: re.Match[str]) -> bool:
    """Whether an `_ID_NEAR` match in `line` is an ID's number, as the radio drops it (R9.5,
    `labelled_number`): right after the ID's words, of any length (a mistyped one is still
    someone's); with words between, as long as one (its kind, CMND or CCCD, is told by it)
    and no count after it («căn cước … cấp cho 123.456.789 người»); never before money."""
    return labelled_number(match["number"], match["gap"], line, match.end(), of_id=True)


def _is_card(line: str, match: re.Match[str]) -> bool:
    """Whether a `_CARD` match in `line` is a bank card's number, as the radio script holds it
    (R9.6, `is_card`): not digits failing the card's check (a waybill, a SIM's serial), listed
    years (`các năm 2019 2020 2021 2022`), an amount (`… USD`) nor a code naming no card that
    the radio reads out digit by digit (`mã vận đơn 4123 …`; dots group no code there). A
    counted noun after it is the sentence going on (`Số thẻ 4111… đối tượng đã dùng`)."""
    sep = match["sep"]
    if not is_card(match[0].replace(sep, "") if sep else match[0]):
        return False
    if sep and all(YEAR.fullmatch(g) for g in match[0].split(sep)):
        return False
    if money_follows(line, match.end()):
        return False
    return sep == "." or not read_as_code(line, match.start())


def _masked_date(match: re.Match[str]) -> str:
    """A birth date with its day and month hidden, as CI logs show it: 12/03/2010 → **/**/2010."""
    return re.sub(r"\d", "*", match["date"][: -len(match["y"])]) + match["y"]


def lint(site: Site, *, strict: bool = False) -> list[Problem]:
    """Personal-data problems of every bulletin in content/, warnings unless `strict` says errors."""
    seen: set[str] = set()
    problems: list[Problem] = []
    cache = Fragments(site.config.root)
    every = [*site.bulletins, *(e.bulletin for e in site.excluded), *site.previews]
    # The loader already gated every bulletin: reuse its verdicts instead of gating again.
    codes = {e.bulletin.source: e.code for e in site.excluded}
    unique = []
    for bulletin in every:
        if bulletin.source not in seen:
            seen.add(bulletin.source)
            unique.append(bulletin)
    with cache.batched():
        found = _cached_findings(unique, cache, unit_phone_numbers(site.config))
    for bulletin, bulletin_found in zip(unique, found, strict=True):
        going_out = codes.get(bulletin.source) in (None, "scheduled")
        problems.extend(
            _bulletin_problems(bulletin, site, bulletin_found, strict=strict, going_out=going_out)
        )
        problems.extend(_linked_problems(bulletin, site, strict=strict, going_out=going_out))
    for page in site.pages:
        # A page (a list of those rewarded, a notice) and the files it links to go out as a
        # bulletin's do.
        problems.extend(_page_problems(page, site, strict=strict, going_out=not page.draft))
        problems.extend(_linked_problems(page, site, strict=strict, going_out=not page.draft))
    return problems


def review_findings(page: Page, config: Config, now: dt.datetime) -> list[Problem]:
    """The personal-data problems of a page and the files it links to, as a build at `now`
    tells them (publish approve shows them to the person recording the review)."""
    site = Site(config=config, now=now, bulletins=())
    going_out = not page.draft
    return [
        *_page_problems(page, site, strict=False, going_out=going_out),
        *_linked_problems(page, site, strict=False, going_out=going_out),
    ]


def bulletin_findings(bulletin: Bulletin, config: Config, now: dt.datetime) -> list[Problem]:
    """The personal-data problems of a bulletin's own texts as a build at `now` tells them
    (without --strict): publish approve shows them to the approver before the build does."""
    site = Site(config=config, now=now, bulletins=())
    found = _fresh_findings(bulletin, unit_phone_numbers(config))
    return list(_bulletin_problems(bulletin, site, found, strict=False, going_out=True))


def linked_findings(
    item: Bulletin | Page, config: Config, now: dt.datetime, *, strict: bool, going_out: bool
) -> list[Problem]:
    """The personal-data problems of the documents `item` links to, as a build at `now` tells
    them (publish approve shows them to the approver before the build does)."""
    site = Site(config=config, now=now, bulletins=())
    return list(_linked_problems(item, site, strict=strict, going_out=going_out))


_CSV_SEPARATOR = re.compile(r"[,;]")


def _linked_problems(
    item: Bulletin | Page, site: Site, *, strict: bool, going_out: bool
) -> Iterator[Problem]:
    """The findings in the documents a bulletin or a page links to (a list as .csv, a report
    as .docx: the website serves them as they are), told as a body's are, at the link's line,
    naming the file and the line in it."""
    if isinstance(item, Bulletin) and item.channels and not {"web", "zalo"} & set(item.channels):
        return  # the radio reads no linked file
    year = (item.date or site.now).year
    severity, hint = _judged(
        item,
        site,
        "Sửa tệp đó trước khi đăng: xóa hoặc che bớt (ví dụ 087*******89, chỉ ghi năm sinh, "
        "viết tắt tên), hoặc bỏ liên kết tới nó",
        strict=strict,
        going_out=going_out,
    )
    numbers: frozenset[str] | None = None  # read only when a file is linked
    for shown, line, text in attachments.document_texts(item, site.config):
        if shown.lower().endswith(".csv"):
            # Cells apart, as a table shows them: a number right after a comma reads as part
            # of a larger one in a body («1,234567891234»), never in a sheet.
            text = _CSV_SEPARATOR.sub("\t", text)
        if numbers is None:
            numbers = unit_phone_numbers(site.config)
        for finding in findings(text, year=year, unit_numbers=numbers):
            yield Problem(
                item.source,
                f"tệp đính kèm «{shown}» (dòng {finding.line + 1} của tệp) có thể là dữ liệu "
                f"cá nhân: {finding.kind} «{finding.value}»",
                None,
                line,
                _phone_hint(item, site, linked=True) if _is_phone(finding) else hint,
                severity,
            )


def _judged(
    item: Bulletin | Page, site: Site, fix: str, *, strict: bool, going_out: bool
) -> tuple[str, str]:
    """The severity and hint of a finding in `item` or a file it links to: a warning once a
    review holds (an error under `strict` for what goes out until one does), and the hint
    `fix`, or how to record a review, or why the one written no longer holds."""
    reviewer, stale = _review(item, site.config)
    severity = "error" if strict and going_out and not reviewer else "warning"
    if reviewer:
        return severity, f"Đã được {reviewer} xem xét (pii_reviewed_by); chỉ nhắc lại."
    return severity, stale or f"{fix}; nếu đã cân nhắc và vẫn cần đăng, {_how_to_review(item)}"


_PHONE_MASK = "che bớt số (ví dụ 0912.xxx.678) hoặc bỏ số"
"""How to fix a private phone number: only its ends remain, as the radio reads such a number
(Q6: «số bắt đầu bằng …, kết thúc bằng …»)."""
_PHONE_WHY = (
    ": số điện thoại riêng của người dân không được đăng (Nghị định 13/2023/NĐ-CP). Số của đơn "
    "vị thì ghi vào site.toml ([contact] hotline hay phone của [[contact.stations]]): số ở đó "
    "không bị nhắc. Số của cán bộ hay số kẻ gian đã dùng mà tin cần nêu, hoặc số đã cân nhắc và "
    "vẫn cần đăng: "
)
"""Why, and what to do with a number published on purpose that the rule took for private."""


def _is_phone(finding: Finding) -> bool:
    """Whether `finding` is a private phone number (publish.pii_phones): told with its own fix."""
    return finding.kind.startswith(PHONE_KIND)


def _phone_fix(how_to_review: str, *, linked: bool = False) -> str:
    """The hint of a private phone number (in a file the bulletin or page links to when
    `linked`), ending with `how_to_review`."""
    if linked:
        fix = f"Sửa tệp đó trước khi đăng: {_PHONE_MASK}, hoặc bỏ liên kết tới tệp"
    else:
        fix = _PHONE_MASK.capitalize()
    return fix + _PHONE_WHY + how_to_review


def _phone_hint(item: Bulletin | Page, site: Site, *, linked: bool = False) -> str:
    """The hint of a private phone number in `item` (in a file it links to when `linked`): how
    to mask it or to record the decision to publish it, or that one was recorded."""
    reviewer, stale = _review(item, site.config)
    if reviewer:
        return f"Đã được {reviewer} xem xét (pii_reviewed_by); chỉ nhắc lại."
    return stale or _phone_fix(_how_to_review(item), linked=linked)


def _how_to_review(item: Bulletin | Page) -> str:
    """How to record that a person weighed the personal data of `item` and lets it go out:
    a page's review is recorded with the digests of what was reviewed (see _review)."""
    if isinstance(item, Page):
        return (
            f"ghi lại việc xem xét bằng lệnh publish approve {shell_word(item.source)} "
            '--by "Họ tên người '
            'duyệt" (lệnh ghi pii_reviewed_by và dấu của trang cùng các tệp đã xem).'
        )
    return 'thêm pii_reviewed_by: "Họ tên người duyệt".'


def _review(item: Bulletin | Page, config: Config) -> tuple[str, str]:
    """Who reviewed the personal data of `item`, when the review still holds ("" otherwise),
    and else, for a review that no longer holds, what to do. A bulletin's review goes with
    its approval (approved_version binds its linked files); a page is not approved, so its
    review holds only for the page and the files it links to as they were reviewed
    (pii_reviewed_version, written by `publish approve`)."""
    reviewer = item.pii_reviewed_by.strip()
    if not reviewer or isinstance(item, Bulletin):
        return reviewer, ""
    linked = attachments.linked_paths(item, config)
    images = approval.ImageDigests(config.root / "content")
    # The page's part is of the bytes loaded (what goes out), never of the file as found now.
    now = approval.review_of(item.file_digest, linked, images, item)
    if item.file_digest and item.pii_reviewed_version == now:
        return reviewer, ""
    if not item.pii_reviewed_version:
        why = "việc xem xét chưa được ghi kèm dấu của trang và các tệp đã xem"
    elif item.pii_reviewed_version.count("-") == 1:
        # Two parts: recorded before the page's values were bound (publish.approval).
        why = "việc xem xét được ghi bằng bản công cụ trước, dấu chưa gắn với nội dung trang"
    else:
        why = "trang hay tệp nó liên kết tới đã đổi sau lần xem xét đó"
    return "", (
        f"pii_reviewed_by ghi {reviewer} đã xem xét, nhưng {why}, nên không còn tính. Xem lại "
        f"trang và các tệp, rồi ghi lại: publish approve {shell_word(item.source)} --by "
        f"{shell_word(reviewer)}."
    )


def _page_problems(page: Page, site: Site, *, strict: bool, going_out: bool) -> Iterator[Problem]:
    """The findings in a page's title, summary and body, told as a bulletin's are (a page
    listing those rewarded may name a child or give an ID number as a bulletin may)."""
    severity, hint = _judged(
        page,
        site,
        "Xóa hoặc che bớt (ví dụ 087*******89, chỉ ghi năm sinh, viết tắt tên)",
        strict=strict,
        going_out=going_out,
    )
    year = (page.date or site.now).year
    lines: dict[str, int] | None = None  # read only when something is found
    numbers = unit_phone_numbers(site.config)
    for field, text in (("title", page.title), ("summary", page.summary), (None, page.body)):
        for finding in findings(reader_text(text), year=year, unit_numbers=numbers):
            line: int | None
            if field is None:
                line = page.body_line + finding.line
            else:
                if lines is None:
                    lines = _field_lines(site.config.root / page.source)
                first = lines.get(field)
                line = None if first is None else first + finding.line
            yield Problem(
                page.source,
                f"có thể là dữ liệu cá nhân: {finding.kind} «{finding.value}»",
                field,
                line,
                _phone_hint(page, site) if _is_phone(finding) else hint,
                severity,
            )


def _cached_findings(
    bulletins: list[Bulletin], cache: Fragments, unit_numbers: frozenset[str]
) -> list[tuple[tuple[Finding, ...], ...]]:
    """The findings of each bulletin's title, summary, body and correction notes, kept on a
    shelf under the bulletin's file, its texts and the unit's phone numbers. Those not kept
    are searched in worker processes. The shelf is narrow (kept across site.toml edits): the
    search reads nothing but what the version holds (see _fresh_findings' arguments)."""
    shelf = Shelf(cache, "pii-findings", narrow=True)
    numbers = tuple(sorted(unit_numbers))
    versions = [_findings_version(b, numbers) for b in bulletins]
    found = [shelf.get(b.source, v) for b, v in zip(bulletins, versions, strict=True)]
    missing = [i for i, hit in enumerate(found) if not isinstance(hit, tuple)]
    jobs = [partial(_fresh_findings, bulletins[i], unit_numbers) for i in missing]
    for i, fresh in zip(missing, run_jobs(jobs, chunk=64), strict=True):
        found[i] = fresh
    for bulletin, version, hit in zip(bulletins, versions, found, strict=True):
        shelf.keep(bulletin.source, version, hit)
    shelf.save()
    return found  # type: ignore[return-value]


def _findings_version(bulletin: Bulletin, unit_numbers: tuple[str, ...]) -> str:
    """What a bulletin's findings are made of: its texts, its slug and the year of its date as
    loaded, and the unit's phone numbers site.toml gives (a number added there is no longer
    told). The values themselves, not the file's digest (Bulletin.made_of), which stands for
    them only together with site.toml (the timezone a date is read in). The body as packed:
    the same bytes unpack to the same body, without unpacking 10,000 bodies."""
    notes = tuple(c.note for c in bulletin.corrections)
    return digest(
        bulletin.date.year,
        bulletin.title,
        bulletin.summary,
        bulletin.packed_body,
        bulletin.slug,
        notes,
        unit_numbers,
    )


def _fresh_findings(
    bulletin: Bulletin, unit_numbers: frozenset[str]
) -> tuple[tuple[Finding, ...], ...]:
    """The findings of a bulletin's texts, searched now (a job that may run in a worker
    process)."""
    year = bulletin.date.year
    # The notes one to a line: a finding's line is the index of its correction.
    notes = "\n".join(" ".join(c.note.split()) for c in bulletin.corrections)
    texts = (bulletin.title, bulletin.summary, bulletin.body, notes)
    found = tuple(
        tuple(findings(reader_text(text), year=year, unit_numbers=unit_numbers)) for text in texts
    )
    return (*found, _in_slug(bulletin.slug, found))


def _in_slug(slug: str, found: tuple[tuple[Finding, ...], ...]) -> tuple[Finding, ...]:
    """The names found in the texts that the slug spells too ("chau-tran-thi-my-duyen"), once
    each: the web address keeps them after the text is corrected."""
    padded = f"-{slug}-"
    named = {f.slug_form: f for texts in found for f in texts if f.slug_form}
    return tuple(
        Finding(0, f.kind, f.value, form) for form, f in named.items() if f"-{form}-" in padded
    )


def _bulletin_problems(
    bulletin: Bulletin,
    site: Site,
    found: tuple[tuple[Finding, ...], ...],
    *,
    strict: bool,
    going_out: bool,
) -> Iterator[Problem]:
    """The findings of one bulletin (title, summary, body, correction notes, names its slug
    spells) as Problems
    with file lines; one in the title or the slug says what keeps it for good.

    `going_out`: published now or scheduled (drafts and unapproved bulletins still need a
    person's approval before anything is published).
    """
    reviewer = bulletin.pii_reviewed_by.strip()
    severity = "error" if strict and going_out and not reviewer else "warning"
    lines: dict[str, int] | None = None  # read only when something is found: most files are clean
    named = ("title", "summary", None, "corrections", "slug")
    for field, field_findings in zip(named, found, strict=True):
        for finding in field_findings:
            line: int | None
            if field is None:
                line = bulletin.body_line + finding.line
            elif field == "corrections":
                line = bulletin.corrections[finding.line].line  # the item's: one note a line
            else:
                if lines is None:
                    lines = _field_lines(site.config.root / bulletin.source)
                first = lines.get(field)
                line = None if first is None else first + finding.line
            where = _LASTING.get(field or "", "")
            if reviewer:
                hint = f"{where}Đã được {reviewer} xem xét (pii_reviewed_by); chỉ nhắc lại."
            elif _is_phone(finding):
                hint = where + _phone_fix('thêm pii_reviewed_by: "Họ tên người duyệt".')
            else:
                hint = (
                    f"{where}{'Sửa trước khi đăng: ' if where else ''}{_fix(finding, field)}; nếu đã "
                    'cân nhắc và vẫn cần đăng, thêm pii_reviewed_by: "Họ tên người duyệt".'
                )
            yield Problem(
                bulletin.source,
                f"có thể là dữ liệu cá nhân: {finding.kind} «{finding.value}»"
                + (" nằm trong địa chỉ web của bản tin" if field == "slug" else ""),
                field,
                line,
                hint,
                severity,
            )


_AGE = re.compile(r"\((\d+) tuổi\)")


def _fix(finding: Finding, field: str | None) -> str:
    """How to fix one kind of finding in `field`: one hint for all told a minor's birth year to
    «chỉ ghi năm sinh», a name the log shows as initials to «viết tắt tên» as if already done,
    and a name in the slug to abbreviate it in the text, where it is not."""
    kind = finding.kind
    if field == "slug":
        return (
            "Đổi địa chỉ bài thành một địa chỉ không có tên người, ở dòng slug: (ví dụ slug: "
            "trao-tra-chau-be-cho-gia-dinh; chưa có dòng này thì địa chỉ lấy từ tên tệp: thêm nó)"
        )
    if kind.startswith("năm sinh của trẻ"):
        age = found[1] if (found := _AGE.search(kind)) else ""
        return f"Bỏ năm sinh của em, chỉ ghi tuổi (ví dụ «em {age} tuổi») hoặc bỏ hẳn"
    if "tố giác" in kind:
        return "Bỏ tên người tố giác, báo tin (ghi «một người dân»): chữ viết tắt vẫn có thể lộ họ"
    if kind.startswith("họ tên"):  # of a minor: the only other name told
        return (
            f"Trong tệp là họ tên đầy đủ (ở đây chỉ in chữ đầu {finding.value} để tên không lọt "
            f"vào nhật ký): viết tắt như vậy, ví dụ «cháu {finding.value}» (trẻ vị thành niên: "
            "bỏ cả chữ viết tắt nếu cùng địa danh, trường học vẫn nhận ra được em)"
        )
    if kind.startswith("ngày sinh"):
        return "Chỉ ghi năm sinh (hoặc tuổi), bỏ ngày và tháng"
    if kind.startswith("số nhà"):
        return "Bỏ số nhà, chỉ ghi tới ấp, khu phố hay xã, phường"
    return "Xóa hoặc che bớt số (ví dụ chỉ để lại vài chữ số cuối: ******6789)"


def _field_lines(path: Path) -> dict[str, int]:
    """Lines of the title, summary and slug keys in the source file (empty when unreadable)."""
    parsed = parse_file(path)
    if parsed is None:
        return {}
    keys = ("title", "summary", "slug")
    return {k: line for k in keys if (line := parsed.line_of(k)) is not None}
