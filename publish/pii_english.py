"""Personal data written in English (a bulletin or page with `lang: en`, or an English line in
a Vietnamese one): birth dates, ID and passport numbers, private phone numbers, house numbers
of where someone lives, licence plates.

The rules of publish.pii and publish.pii_phones read Vietnamese words («sinh ngày», «CCCD»,
«hộ chiếu», «trú tại», «bị hại»): «born 12/03/1985, passport C1234567, ID card 012345678901,
phone 0912 345 678, lives at 12 Nguyen Hue street» went out unflagged, and the radio, whose
ID-code rule caught some of it, reads no English bulletin. The ID and passport words here join
publish.pii's patterns (one number reported once); the other rules run on a text holding one of
`WORDS`. Findings are told as the Vietnamese ones are: the same kinds, messages and review.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from publish.pii_phones import PHONE_KIND, invites, named_last, names_private, phone_spans
from publish.radio.unit_names import UNIT_OPENING, after_units_name
from publish.text import CAPITALS, mask, mask_code

__all__ = [
    "BIRTH_WORDS",
    "ID_WORD",
    "ID_WORDS",
    "ID_WORD_STARTS",
    "PASSPORT_WORDS",
    "WORDS",
    "birth_findings",
    "findings",
]

_W = r"(?<![^\W\d_])"
"""Where a word starts (re's «\\b» takes a digit for a letter)."""
_END = r"(?![^\W\d_])"

ID_WORDS = (
    r"(?:" + _W + r"(?:citizen(?:'s|’s)?[ \t]+ID|national[ \t]+ID|personal[ \t]+ID"
    r"|ID[ \t]*(?:card|no\.?|number|#)|identity[ \t]+(?:card|number|document)"
    r"|identification[ \t]+(?:card|number|no\.?)|passport)" + _END + r")"
)
"""An ID document's number follows («ID card 012345678901», «citizen ID: …», «passport no.
…»): case-blind, joined to publish.pii's `_ID_WORDS`. «ID» alone is not one («Zalo ID»)."""
ID_WORD_STARTS = ("passport",)
"""With `ID_WORD`, what `ID_WORDS` needs in the lower-cased line (every form holds «passport» or
an «id» starting a word)."""
ID_WORD = re.compile(r"id(?<![^\W\d_]id)")
"""«id» starting a word, in the lower-cased line: not in «said», «video», «incident», «covid»
(the look-behind after the letters, so that re scans for them)."""
PASSPORT_WORDS = "passport"
"""Joined to publish.pii's `_PASSPORT` word: a letter and 7 digits after it is a passport's."""
BIRTH_WORDS = ("born", "birth", "dob", "d.o.b")
"""What `_BIRTH_DATE` or `_BIRTH_YEAR` needs in the lower-cased line."""

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d{2}(?![/\d])"
_BIRTH_LEAD = (
    _W + r"(?:date[ \t]+of[ \t]+birth|birth[ \t]*date|d\.?o\.?b\.?|born)" + r"(?![^\W\d_])"
    r"[ \t]*[:,–-]?[ \t]*(?:on[ \t]+)?"
)
_BIRTH_DATE = re.compile(
    _BIRTH_LEAD + r"(?P<date>\d{1,2}[/.-]\d{1,2}[/.-](?P<y>" + _YEAR + r")"
    r"|\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?" + _MONTH + r",?[ \t]+(?P<y2>" + _YEAR + ")"
    r"|" + _MONTH + r"[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+(?P<y3>" + _YEAR + "))",
    re.IGNORECASE,
)
"""A whole birth date in English phrasing: «born 12/03/1985», «date of birth: 12 March 1985»,
«DOB March 12, 1985»."""
_BIRTH_YEAR = re.compile(
    _W + r"(?:born|year[ \t]+of[ \t]+birth|birth[ \t]+year)(?![^\W\d_])[ \t]*:?[ \t]*"
    r"(?:in[ \t]+)?(?P<y>" + _YEAR + ")",
    re.IGNORECASE,
)
"""A birth year («born in 2012», «year of birth: 2012»): told for a minor only, as «sinh năm»."""

_SENTENCE_END = re.compile(r"[.!?;\n](?=\s)")
_FULL_STOP = re.compile(r"[.!?\n](?=\s)")
"""A sentence's end when reading whose a number is: «;» parts two clauses of one sentence, and
«The victim's son; Lieutenant B, phone …» still names the son (review R6)."""
_ABBREVIATIONS = frozenset(["tel", "no", "mr", "mrs", "ms", "dr", "st", "rd", "nos", "ph"])
"""Words whose full stop ends no sentence («Tel. 0912…», «Mr. Nguyen Van A»)."""
_REACH = 300
"""Characters before a number read for its sentence."""
_PHONE_WORD = re.compile(
    _W
    + r"(?:(?:mobile|cell|tele)?phone(?:[ \t]+(?:number|no\.?))?|mobile(?:[ \t]+(?:number|no\.?))?"
    r"|cell|tel\.?|contact[ \t]+number)(?![^\W\d_])[ \t]*[:(]?[ \t]*$"
)
"""Right before a number, in the lower-cased text: the word giving a phone number."""
_PHONE_TAIL = 40
"""Characters before a number searched for `_PHONE_WORD`."""
_INVITED = re.compile(
    _W + r"(?:call|dial|ring|contact|reach|hotline|report(?:[ \t]+it)?[ \t]+to)" + _END
)
"""Before the number in its sentence: the reader is asked to call it (the unit's, an officer's)."""
_PHONE_VERB = re.compile(
    _W + r"(?:please|to|then|or|immediately|just|can|may|should|must|will|you)[ \t]*$"
)
"""Right before a bare «phone» (no «:», «number»): the word is a verb, the reader asked to call
(«Please phone 0912…», «…, or phone 0912…»)."""
_INTRO = re.compile(
    _W
    + r"(?:for|to|if|in|when|whenever|should|after|before|anyone|whoever|please)"
    + _END
    + r"[^,;:]*,[ \t]*$"
)
"""A sentence opened by an adverbial clause and its comma before a bare «phone»: a verb («For
more information, phone 0913…», «To report suspicious calls, phone 0912…»); after a name
(«Mr Nguyen Van A, phone 0912…») it is the noun."""
_RANK = (
    r"(?:(?:senior|junior|first|second)[ \t]+)?lieutenant(?:[ \t]+(?:colonel|general))?"
    r"|(?:senior[ \t]+)?colonel|major(?:[ \t]+general)?|general|captain|sergeant|corporal"
    r"|(?:deputy[ \t]+)?chief|deputy|officer[ \t]+in[ \t]+charge|officer|investigator"
)
_MARKERS = re.compile(
    _W + r"(?:(?P<retired>(?:retired|former|ex-)[ \t]*(?:[^\W\d_]+[ \t]+){0,2}?(?:" + _RANK + "))"
    r"|(?P<officer>" + _RANK + ")"
    r"|(?P<unit>police|station|office|officers|unit|department|headquarters|committee|hotline"
    r"|bank)"
    r"|(?P<caller>scammer|scammers|scam|fraudster|fraudsters|caller|callers|impersonat\w*"
    r"|posing|pretend\w*|fake)"
    r"|(?P<victim>victim|victims)|(?P<witness>witness|witnesses)"
    r"|(?P<suspect>suspect|suspects|accused|defendant|defendants|detainee)"
    r"|(?P<family>family|relative|relatives|wife|husband|son|daughter|mother|father|parent|parents)"
    r"|(?P<private>mr|mrs|ms|miss|resident|residents|citizen|owner|student|man|woman|born"
    r"|lives|living|passport))" + _END
)
"""Whose a number is, in the lower-cased sentence before it: the one written last wins (but a
person's title or deed after a role: the role's). A caller: a number given on purpose; a unit
and an officer's rank or police role only as `_unit` and `_officer` read them (review R6: «Mr
A, a cleaner at the police station, phone …» is Mr A's); the others are private people, a
retired officer too («a retired army captain»), a suspect too («The suspect, Police Sergeant
T»)."""
_PRIVATE = frozenset(["victim", "witness", "family", "suspect", "private", "retired"])
_TITLE = frozenset(["mr", "mrs", "ms", "miss"])
"""Private words that are a name's title: a private word right after one is the name («Mr
Son»)."""
_CAPITAL = "[" + CAPITALS + "]"
_NAME_WORD = r"(?!(?i:of|at|in|the|for|from|with|and)(?![^\W\d_]))" + _CAPITAL + r"[\w'’.-]*"
"""A word of a name: capitalised, but no preposition of a title written in title case («Ms
Lan, Investigator Of Bao Viet Insurance», review R6)."""
_NAME = _NAME_WORD + r"(?:[ \t]+(?:" + _NAME_WORD + r"|(?:van|văn|thi|thị)(?![^\W\d_]))){0,5}"
"""A name: capitalised words («Le Van B», «Tran Thi E»), a middle name maybe in small letters
(«Nguyen van Hung»)."""
_POLICE = r"(?i:police|công[ \t]+an)(?![^\W\d_])"
_UNIT_WORD = (
    # Atomic: «Ward» is a qualifier and a capitalised word, and is tried once.
    r"(?>(?i:ward|commune|district|provincial|city|town|township|traffic|criminal|economic"
    r"|drug|security|border|mobile|local|people['’]s)(?![^\W\d_])"
    r"|(?!(?:Mr|Mrs|Ms|Miss|Dr)(?![^\W\d_]))" + _CAPITAL + r"[\w.-]*|\d{1,3}(?!\w))"
)
"""A word of a police unit's name: a qualifier («ward», «traffic», «People's Committee»), a
capitalised word («Tan Hoa») or a number («Ward 5»); no name's title, no possessive («Ms Lan's
office»)."""
_DETERMINER = r"(?:(?i:the|a|an|our)[ \t]+)?"
_OF_POLICE = (
    r"[ \t]+(?i:of|at|in|from|with)[ \t]+"
    + _DETERMINER
    + r"(?:"
    + _UNIT_WORD
    + r"[ \t]+)*"
    + _POLICE
    + r"(?:[ \t]+(?i:station|department|team|unit|division|headquarters|office))?"
)
"""After a rank or a role, the police unit it serves in («of the ward police», «at the Tan Hoa
police station»): a club's, a boat's or a company's is none («captain of the football club»),
nor one other words come before («a cleaner at the police station», review R6)."""
_BREAKS = ",;:(–—|"
"""What parts a sentence's clauses, a name from what follows it and a private role from the
same person's rank: one set (review R6: three sets let «The victim's son: Lieutenant B»,
«| Victim | Sergeant B |» through)."""
_SEP = r"\s*(?:[" + _BREAKS + r"-]\s*)?"
_LIST_MARK = r"[\s>•*+-]*(?:\d{1,2}[.)][ \t]+)?"
_OFFICER_LEAD = re.compile(
    _LIST_MARK + _DETERMINER + r"(?:(?:" + _UNIT_WORD + r"[ \t]+)*" + _POLICE + r"[ \t]+)?"
)
"""From where its clause starts to a rank or role: at most a list's mark, a determiner and the
police the officer serves in («The commune police chief»); a bank's, a village's, an army's or
a boat's («A bank officer», «The village chief», «the boat's captain») is no police officer,
nor one a verb or «of» comes before («told Sergeant Hai», «daughter of Colonel C»)."""
_OFFICER_TAIL = re.compile(
    r"(?:[ \t]+"
    + _NAME
    + r")?(?:"
    + _OF_POLICE
    + r")?"
    + _SEP
    + r"|(?:"
    + _OF_POLICE
    + r")?"
    + _SEP
    + r"(?:(?i:mr|mrs|ms|miss)\.?[ \t]+)?"
    + _NAME
    + _SEP
)
"""From a rank or role to the phone word: only the officer's name, their police unit, their
title and punctuation («Rank Name, phone», «the police chief, Mr X, phone»); anything else
(«told Sergeant Hai his phone», «Captain Nam of the fishing boat, phone») makes the number
someone else's or no officer's."""
_UNIT_LEAD = re.compile(_LIST_MARK + _DETERMINER + r"(?:" + _UNIT_WORD + r"[ \t]+)*")
_UNIT_TAIL = re.compile(
    r"(?:[ \t]+(?:(?i:of|in|for|the|police|station|department|team|unit|division"
    r"|headquarters|office|hotline)(?![^\W\d_])|(?!(?i:"
    + _RANK
    + r")(?![^\W\d_]))"
    + _UNIT_WORD
    + "))*"
    + _SEP
)
"""From a unit's word («police», «office») to the phone word, and from where its clause starts
to that word: only the unit's name («The Tan Hoa Ward Police, phone …», «Traffic Police Team
of Chau Thanh District, tel. …»); «Police Sergeant T» is `_officer`'s to read."""
_CLAUSE_BREAK = re.compile(r"[" + _BREAKS + r"\n]|(?<=\s)-(?=\s)")
_POLICE_WORD = re.compile(_W + _POLICE)
_AMBIGUOUS = frozenset(["chief", "deputy chief", "deputy", "captain", "major", "general"])
"""Ranks and roles that are other words too («Chief Accountant», «General Director», «captain
of the football club», «Deputy Head of the school»): one only with «police» in its phrase."""
_PRIVATE_ROLES = frozenset(["victim", "witness", "family", "suspect"])
_APPOSED = re.compile(_SEP + _OFFICER_LEAD.pattern)
"""Between a private role and a rank naming the same person («the victim's son, Lieutenant
B», «Victim: Sergeant A», «Her son, a lieutenant»)."""
_OF_CALLER = re.compile(r"[ \t]+(?:of|by)[ \t]+(?:(?:the|a|an|this|that|these|those)[ \t]+)?")
"""Between a private role and a caller's word: the role's («a victim of the scam»)."""
_WHO = {
    "victim": "bị hại",
    "witness": "nhân chứng",
    "family": "người nhà",
    "suspect": "người dân",
    "private": "người dân",
}
_PRONOUN = re.compile(
    _W + r"(?:he|she|his|her|hers|him|they|them|their|(?:anh|chị|ông|bà|cô|em|cháu|chú|bác)"
    r"[ \t]+(?:ấy|ta)|hắn)" + _END
)
"""A person the sentence before a «Phone:» line speaks of («He went to the police station.»):
no invitation or heading of the unit's then (review R6)."""
_CARD_FIELD = re.compile(
    r"[ \t>*+•-]*(?:address|e-?mail|website|web|fax|zalo|facebook|(?:office|working)[ \t]+hours"
    r"|hours|địa[ \t]+chỉ|thư[ \t]+điện[ \t]+tử)[ \t]*:[^\n]*"
)
"""A contact card's line that is no phone's, in lower case («Address: 12 Le Loi»)."""
_VN_RANK = (
    r"(?:(?i:đồng[ \t]+chí|đ/c)[ \t]+)?(?i:(?:đại|thượng|trung|thiếu)[ \t]+(?:tướng|tá|úy|uý)"
    r"|thượng[ \t]+sĩ|trung[ \t]+sĩ|hạ[ \t]+sĩ)|(?i:đồng[ \t]+chí|đ/c)"
)
_VN_HEADING = re.compile(
    _LIST_MARK
    + r"(?:(?P<officer>"
    + _VN_RANK
    + r")[ \t]+"
    + _NAME
    + r"(?:"
    + _SEP
    + r"(?=\S)|[ \t]*$))?"
    + r"(?:(?:"
    + UNIT_OPENING
    + r")(?![^\W\d_])(?P<rest>.*))?",
    re.DOTALL,
)
"""A unit's name or an officer's rank and name in Vietnamese words alone, a heading or a
sign-off («Đội Cảnh sát hình sự Công an huyện.», «Thượng úy Trần Văn C»): what follows the
unit's first word is read by `after_units_name`."""
_AFTER_NUMBER = r"[ \t]*\)?[ \t]*,?[ \t]*(?:(?:to|who|which)[ \t]+)?"
_CALLER_AFTER = re.compile(
    _AFTER_NUMBER + r"(?:pretend\w*|pos(?:e|ed|ing)[ \t]+as"
    r"|claim\w*|impersonat\w*|call(?:ed|ing)|belong\w*[ \t]+to[ \t]+(?:the[ \t]+)?scam)" + _END
)
"""Right after the number: a caller's deed, a scammer's number told on purpose."""
_EVIDENCE_AFTER = re.compile(
    _AFTER_NUMBER
    + r"(?:was|were|is|had[ \t]+been)[ \t]+(?:registered|bought|used|seized|confiscated)"
    + _END
)
"""Right after the number: what was done with it, a device or a SIM as evidence («the phone
0987… was registered to a fake name»), unless the sentence says whose it is (_OWNER_NAMED)."""
_OWNER_NAMED = re.compile(
    _W + r"(?:victim|victims|witness|witnesses|mr|mrs|ms|miss|citizen|citizens|resident|residents"
    r"|owner|family|relative|relatives|wife|husband|son|daughter|mother|father|parent|parents)"
    + _END
)
"""In the sentence before the number, a private person whose number it is: «The victim's
mobile number 0912… was used by scammers» gives the victim's number, not evidence."""
_OF_SOMEONE_AFTER = re.compile(r"[ \t]*(?:of|was|were|is|belong\w*|had|has)" + _END)
"""Right after a number after «phone»: the word is a noun, whatever the sentence opens with
(«After the theft, phone 0912… of the victim was found» is no invitation to phone)."""

_HOUSE_NUMBER = r"(?P<number>\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*)(?![\w/-]|[.,]\d)"
_STREET_AFTER = (
    r"(?=[ \t]*,?[ \t]*(?:[A-ZĐ]|(?i:street|road|alley|lane|hamlet|st\.|rd\.|đường|hẻm|ngõ"
    r"|kiệt|ấp|khóm)(?![^\W\d_]))|/)"
)
_HOME = re.compile(
    _W + r"(?i:(?:lives|lived|living|resides|resided|residing|stays|staying|resident)"
    r"(?:[ \t]+(?:at|in|on|of))?"
    r"|(?:home|residential|permanent|temporary)[ \t]+address|(?:place|address)[ \t]+of"
    r"[ \t]+residence|house[ \t]+(?:no\.?|number))(?![^\W\d_])[ \t]*:?[ \t]*"
    r"(?:(?i:(?:house[ \t]+)?(?:no\.?|number|#))[ \t]*)?" + _HOUSE_NUMBER + _STREET_AFTER
)
"""A house number where someone lives: «lives at 12 Nguyen Hue street», «residing at No. 45,
Le Loi», «home address: 12/3 …», «house no. 15 Tran Phu»; a street's or a place's name (capital)
or a street word must follow: «lives in 2 communes» counts places."""
_OFFICE = re.compile(
    _W + r"(?:police|station|office|headquarters|committee|department|hotel|guesthouse)" + _END
)
"""Before a house number in its sentence: an office's or a hotel's address, not a home."""

_PLATE = re.compile(
    _W + r"(?i:licen[cs]e[ \t]+plate|number[ \t]+plate|registration[ \t]+(?:plate|number)|plate)"
    r"(?:[ \t]+(?i:number|no\.?))?(?![^\W\d_])[^\d\n]{0,20}?"
    r"(?<![\w-])(?P<plate>\d{2}[ \t]?-?[ \t]?[A-ZĐ]{1,2}\d?[ \t]?-?[ \t]?(?:\d{3}\.?\d{2}|\d{4}))"
    r"(?![\w]|[.,]\d)"
)
"""A Vietnamese licence plate after its English word («licence plate 66A-123.45», «plate no.
66-B1 234.56»): the vehicle's owner is told by it (plates follow their owner's ID since 2023)."""

WORDS = (
    "phone",
    "mobile",
    "cell",
    "tel",
    "contact number",
    "live",
    "living",
    "resid",
    "stay",
    "address",
    "house",
    "plate",
    "registration",
)
"""What `findings` needs in the lower-cased text: most texts hold none of them."""


def birth_findings(
    line: str, low: str, year: int, adult: int
) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, kind, masked value) of each birth date, and birth year of a minor (under
    `adult` in `year`), in English phrasing on `line` (`low` lower-cased)."""
    if not any(word in low for word in BIRTH_WORDS):
        return
    for match in _BIRTH_DATE.finditer(line):
        born = int(match["y"] or match["y2"] or match["y3"])
        who = " của trẻ vị thành niên" if year - born < adult else ""
        yield *match.span("date"), f"ngày sinh đầy đủ{who}", f"**/**/{born}"
    for match in _BIRTH_YEAR.finditer(line):
        age = year - int(match["y"])
        if 0 <= age < adult:
            yield *match.span("y"), f"năm sinh của trẻ vị thành niên ({age} tuổi)", match["y"]


def findings(
    text: str, low: str, unit_numbers: frozenset[str], phones_judged: set[int]
) -> Iterator[tuple[int, str, str]]:
    """(offset, kind, masked value) of each private phone number, house number and licence
    plate in English phrasing in `text` (NFC; `low` lower-cased, at its offsets). Numbers of
    `unit_numbers` (site.toml's) are the unit's; a number starting at an offset of
    `phones_judged` was judged already by the Vietnamese words around it (publish.pii_phones),
    private or not."""
    if any(word in low for word in ("phone", "mobile", "cell", "tel", "contact number")):
        for start, end, digits in phone_spans(text):
            if start in phones_judged or digits in unit_numbers:
                continue
            if (who := _phone_owner(text, low, start, end)) is not None:
                yield start, PHONE_KIND + who, mask(digits)
    if any(word in low for word in ("live", "living", "resid", "stay", "address", "house")):
        for match in _HOME.finditer(text):
            if not _OFFICE.search(low, _sentence_start(low, match.start()), match.start()):
                number = match["number"]
                yield (
                    match.start("number"),
                    "số nhà nơi ở của người dân",
                    "số " + re.sub(r"\d", "*", number),
                )
    if "plate" in low or "registration" in low:
        for match in _PLATE.finditer(text):
            yield match.start("plate"), "biển số xe", mask_code(match["plate"])


def _sentence_start(low: str, at: int, ends: re.Pattern[str] = _SENTENCE_END) -> int:
    """Where the lower-cased sentence before offset `at` starts, back to `_REACH` characters: a
    full stop after an abbreviation («tel.», «mr.», «no.») ends none; `ends` says what ends one."""
    reach = max(0, at - _REACH)
    start = reach
    for end in ends.finditer(low, reach, at):
        word = low[max(reach, end.start() - 4) : end.start()].split()
        last = re.split(r"[^\w]", word[-1])[-1] if word else ""
        if low[end.start()] != "." or last not in _ABBREVIATIONS:
            start = end.end()
    return start


def _phone_owner(text: str, low: str, start: int, end: int) -> str | None:
    """Whose the number at `[start, end)` of `text` (`low` lower-cased) is, as a finding names a
    private person, when the word right before it gives a phone number; None for no phone word,
    a number to call (an invitation, a unit's, an officer's) or a caller's."""
    word = _PHONE_WORD.search(low, max(0, start - _PHONE_TAIL), start)
    if word is None:
        return None
    opening = _sentence_start(low, word.start())
    line = low.rfind("\n", opening, word.start())
    if line >= 0 and not low[line + 1 : word.start()].strip():
        opening = line + 1  # «Lieutenant Nguyen Van Hung\nMobile: 0912…»: the line before says
    lead = low[opening : word.start()]  # «contact number: 0912…» is no invitation
    if _INVITED.search(lead) or _CALLER_AFTER.match(low, end):
        return None
    if _EVIDENCE_AFTER.match(low, end) and not _OWNER_NAMED.search(lead):
        return None
    if word[0].rstrip() == "phone" and (
        _PHONE_VERB.search(lead)
        or (_INTRO.match(lead.lstrip()) and not _OF_SOMEONE_AFTER.match(low, end))
    ):
        return None  # «Please phone 0912… to report»: a number to call
    if lead.strip():
        who = _whom(text, low, _sentence_start(low, word.start(), _FULL_STOP), word.start())
    else:
        # «Please contact the ward police. Phone: 0912…», «…Đội CSHS.\nTel: 0912…»: a line
        # holding only the number goes with the sentence before it (review R1: not «Her
        # phone …», whose owner that sentence need not name).
        who = _before(text, low, opening, word.start())
    if who is None:
        return _WHO["private"]  # nobody named: «Tel. 0912…» alone is a private line
    return who or None


def _before(text: str, low: str, opening: int, at: int) -> str | None:
    """Whose a line holding only the phone word at `at` and its number is, by the sentence
    ending right before offset `opening`: "" when that sentence asks the reader to call or is
    only a unit's or an officer's name (`_heading`) and names nobody private; the private person
    it names as a finding names them; None otherwise, or when a blank line or no sentence's end
    comes between it and the phone word (review R6: «He went to the police station. Phone: …»
    is his)."""
    end = opening - 1
    if end < 0 or low[end] not in ".!?;\n" or low.count("\n", end, at) > 1:
        return None
    if low[end] == "\n":  # «Tan Hoa Ward Police.\nPhone: …»: the sentence ends at its stop
        end = _card_top(low, end)
        while end > 0 and low[end - 1] in " \t":
            end -= 1
        if end > 0 and low[end - 1] in ".!?;":
            end -= 1
    begin = _sentence_start(low, end, _FULL_STOP)
    who, private, _ = _named_last(text, low, begin, end)
    if who in _WHO:
        return _WHO[who]
    private = private or _PRONOUN.search(low, begin, end) is not None
    if not private and not names_private(text[begin:end]):
        if _INVITED.search(low, begin, end) or invites(low[begin:end]):
            return ""
        # Its last line: «Lieutenant Nguyen Van Hung\nTan Hoa Ward Police\nPhone: …».
        if _heading(text, low, max(begin, low.rfind("\n", begin, end) + 1), end):
            return ""
    return named_last(low[begin:end]) or None


def _card_top(low: str, end: int) -> int:
    """Where the line ending at the line break at `end` of `low` ends, or, when it is a contact
    card's field («Address: 12 Le Loi», «Email: …»), the first line above not one: a «Phone:»
    line under them goes with the unit's or officer's name heading the card."""
    while (start := low.rfind("\n", 0, end) + 1) > 0 and _CARD_FIELD.fullmatch(low, start, end):
        end = start - 1
    return end


def _heading(text: str, low: str, begin: int, end: int) -> bool:
    """Whether `text[begin:end]` (`low` lower-cased) is only a police unit's name or an officer's
    rank and name, a heading or a sign-off: «Senior Lieutenant Tran Van C», «Tan Hoa Ward
    Police», «Đội Cảnh sát hình sự Công an huyện», «Thượng úy Trần Văn C»."""
    while end > begin and text[end - 1].isspace():
        end -= 1
    first = _MARKERS.search(low, begin, end)
    if first is not None and first.lastgroup in ("officer", "unit"):
        officer = first.lastgroup == "officer"
        if (_OFFICER_LEAD if officer else _UNIT_LEAD).fullmatch(text, begin, first.start()):
            return (_officer if officer else _unit)(text, low, first, begin, end)
    named = _VN_HEADING.fullmatch(text, begin, end)
    if named is None or (named["officer"] is None and named["rest"] is None):
        return False
    return named["rest"] is None or not after_units_name(named["rest"])


def _whom(text: str, low: str, start: int, end: int) -> str | None:
    """Whom `text[start:end]` (`low` lower-cased) names last, as a finding names a private
    person, "" for a unit, an officer, a caller or (in Vietnamese words) an invitation to
    call; None for nobody. English words first: Vietnamese ones read only when no English one
    is there («Mr A posted on Facebook»: a private person, not a caller; «He went to Công an
    xã, phone …»: a unit's word not heading its clause names no unit's number)."""
    who, _, named = _named_last(text, low, start, end)
    if who is not None:
        return "" if who in ("unit", "caller") else _WHO[who]
    return None if named else named_last(low[start:end])


def _named_last(text: str, low: str, start: int, end: int) -> tuple[str | None, bool, bool]:
    """Of `low[start:end]`, right before a phone word at `end`: the group of `_MARKERS` naming
    whose number it is last («unit» for a unit or an officer whose number it is, as `_unit` and
    `_officer` read them), a role named before a person's title or deed winning, None for
    nobody; whether it names a private person; whether it holds a `_MARKERS` word at all."""
    who: str | None = None
    private = named = False
    head = -1  # where the last marker counted ended
    title = False  # whether that marker was a name's title
    for marker in _MARKERS.finditer(low, start, end):
        named = True
        group = marker.lastgroup or "private"
        if title and group in _PRIVATE and not low[head : marker.start()].strip(" \t."):
            continue  # «Mr Son»: the name, not a son
        if group in ("officer", "unit"):
            if who in _PRIVATE_ROLES and _APPOSED.fullmatch(text, head, marker.start()):
                continue  # «the victim's son, Lieutenant Le Van B»: still the son
            if group == "unit" and private:
                continue  # «| Mr A | Tan Hoa Ward Police | phone … |»: maybe Mr A's
            if (_officer if group == "officer" else _unit)(text, low, marker, start, end):
                return "unit", private, named  # what follows up to the phone word is theirs
            continue
        if (
            group == "caller"
            and who in _PRIVATE
            and _OF_CALLER.fullmatch(low, head, marker.start())
        ):
            continue  # «Ms Lan, a victim of the scam»: still the victim
        if group == "retired":
            group = "private"
        private = private or group in _PRIVATE
        # «The victim, Mr A, born …, phone …»: a role named first says best whose it is.
        if group != "private" or who in (None, "caller"):
            who = group
        head, title = marker.end(), marker[0] in _TITLE
    return who, private, named


def _clause(low: str, start: int, at: int) -> int:
    """Where the clause holding offset `at` starts, at `start` or after a `_CLAUSE_BREAK`."""
    clause = start
    for clause_break in _CLAUSE_BREAK.finditer(low, start, at):
        clause = clause_break.end()
    return clause


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is written in capitals only: its capitalised words say nothing
    of names («MR HUNG, INVESTIGATOR AT BAO VIET INSURANCE, PHONE …», review R6)."""
    return not any(c.islower() for c in text[start:end])


def _officer(text: str, low: str, marker: re.Match[str], start: int, end: int) -> bool:
    """Whether the `_MARKERS` rank or role `marker`, in `text[start:end]` right before a phone
    word at `end`, is a police officer's whose number that is: opening its clause
    (`_OFFICER_LEAD`), only their name, unit and title up to the phone word (`_OFFICER_TAIL`),
    and an ambiguous word (`_AMBIGUOUS`) only with «police» in that phrase."""
    if _OFFICER_TAIL.fullmatch(text, marker.end(), end) is None:
        return False
    clause = _clause(low, start, marker.start())
    if _OFFICER_LEAD.fullmatch(text, clause, marker.start()) is None or _shouted(text, clause, end):
        return False
    return (
        " ".join(marker[0].split()) not in _AMBIGUOUS
        or _POLICE_WORD.search(low, clause, end) is not None
    )


def _unit(text: str, low: str, marker: re.Match[str], start: int, end: int) -> bool:
    """Whether the `_MARKERS` unit's word `marker`, in `text[start:end]` right before a phone
    word at `end`, is in the name of the unit whose number that is: its clause holding only that
    name (`_UNIT_LEAD`, `_UNIT_TAIL`), as an officer's rank for `_officer`."""
    if _UNIT_TAIL.fullmatch(text, marker.end(), end) is None:
        return False
    clause = _clause(low, start, marker.start())
    return _UNIT_LEAD.fullmatch(text, clause, marker.start()) is not None and not _shouted(
        text, clause, end
    )
