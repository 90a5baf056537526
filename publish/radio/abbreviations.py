"""Abbreviation lexicon (spec §6): the built-in seed TSV, unit files merged over it, and pass P7."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from publish.encoding import not_utf8
from publish.errors import ContentError, Problem, os_reason
from publish.radio.caps import CAPITAL_LETTERS, without_tone_marks
from publish.radio.flags import BLOCKING, WARNING, Context
from publish.radio.given_names import a_given_name, a_place_like_a_name
from publish.radio.name_titles import own_titles, read_titles_before_names
from publish.radio.numbers import DIGIT_WORDS
from publish.radio.place_kinds import (
    KINDS,
    KINDS_PATTERN,
    LETTERS,
    SUB_COMMUNE_PATTERN,
    opens_with_a_kind,
)
from publish.radio.provinces import province_spelled_at
from publish.radio.tail import ends_before
from publish.radio.titles import FORMS_OF_ADDRESS

__all__ = [
    "BRAND_OPENINGS",
    "COMPANY_LETTERS",
    "KEEP_AS_WORD",
    "SEVERAL_MEANINGS",
    "SPELLED_ACRONYMS",
    "brand_follows",
    "caps_spellings",
    "expand_abbreviations",
    "load_abbreviations",
    "read_unit_file",
    "seed_abbreviations",
    "unit_abbreviations",
]

COMPANY_LETTERS = frozenset({"PV"})
"""Letters a lexicon reads as a word that open a company's name too (`PV GAS`): there they are
kept as written (`_company_letters`), a name the presenter knows, never an unknown abbreviation."""
BRAND_OPENINGS: Mapping[str, str] = MappingProxyType({"CH": "play"})
"""Capitals opening a brand's name, with its next word casefolded: `CH Play`, the app store of
every scam warning («tải ứng dụng trên CH Play»), which the reader says letter by letter as
BIDV. Kept as written there only: «CH» alone (cửa hàng? căn hộ?) is still unknown (R14.6). The
lexicon has no key of two words (a unit's file may not: a space in column 1 is refused), and a
unit's reading of «CH» alone («CH<TAB>cửa hàng») does not reach the brand («cửa hàng Play»)."""
SEVERAL_MEANINGS: Mapping[str, tuple[tuple[str, ...], str]] = MappingProxyType(
    {"CH": (("cửa hàng", "căn hộ", "câu hỏi"), "chủ cửa hàng tạp hóa")}
)
"""Capitals units write for several words, with an example written out: «CH» is the shop of a
theft report («chủ CH tạp hóa»), the flat of a fire («CH 1205 chung cư»), the question of a
Q&A. No rule can tell which, and a guess read on air says the wrong thing: the block (R14.6)
names the words to choose from."""
KEEP_AS_WORD = frozenset(
    {"COVID", "ASEAN", "Zalo", "VNeID", "SIM", "AIDS", "NATO", "UNESCO", "UNICEF"}
    # The apps scam warnings name, often shouted in capitals (`chuyển qua ví MOMO`).
    | {"Facebook", "Messenger", "MoMo", "TikTok", "Telegram", "Viber", "YouTube", "ZaloPay"}
    | {"iCloud"}
    # Banks and carriers said as one word, often written in their logo's capitals (`AGRIBANK`).
    | {"Agribank", "Vietcombank", "VietinBank", "Techcombank", "Sacombank", "Viettel"}
    | {"MobiFone", "VinaPhone"}
)
"""Names a reader says as written (upper-case ones, and Zalo, VNeID, app names); kept, never
flagged (R14.6); their all-caps spelling is read as them."""

SPELLED_ACRONYMS = frozenset(
    {"VTV", "VOV", "VTC", "HTV", "OTP", "ATM", "QR", "GPS", "USB", "SMS", "PIN", "ID", "HIV"}
    | {"MDMA"}  # the drug's name in every seizure report; no Vietnamese word replaces it
    | {"APK", "IPA", "EXE"}  # the file types of fake apps in scam warnings (`đuôi .apk`)
)
"""Acronyms every listener knows letter by letter: kept for the reader, spelled for TTS (R16.4)."""

_CONTEXT_KEYS = ("BCH", "ĐT", "TT", "TX", "HS", "QL", "CN", "TN", "GĐ", "CP")
_CONTEXT_HINT = re.compile("|".join(_CONTEXT_KEYS))
_CONTEXT_TOKEN = re.compile(r"(?<!\w)(?:" + "|".join(_CONTEXT_KEYS) + r")(?![\w])")
_PREV_WORD = re.compile(r"(?<!\w)(\w++)\s*+$")
"""The word right before a place prefix; after a comma there is none (`Q. Bình Thạnh, P. Tân Định`)."""
_ETC = re.compile(r"(?<!\w)(?:v\.v\.|vv\.)")
_LETTERS_PATTERN = "|".join(sorted(LETTERS, key=len, reverse=True))
"""place_kinds' letters (`TX`, `H`) as a pattern's alternatives, the longest first."""
_PLACE_PREFIX = re.compile(rf"(?<!\w)({_LETTERS_PATTERN}|Ô)\.(?!HCM)\s*")
"""`TP.Cao Lãnh` typed without a space is the lexicon's `TP.` all the same (`TP.HCM` is its own)."""
_HO_CHI_MINH_CITY = re.compile(r"(?<!\w)(?:TP|Tp|tp)\.?\s*(?i:hcm|hồ\s+chí\s+minh)(?!\w)")
"""However the prefix and the name are typed (`tp.hcm`, `tp.hồ chí minh`, an editor's lower
case: «thành phố.hcm» was left), the city's name keeps its capital, as the seed's `TP.HCM`
does (§6; Decree 30/2020 writes «Thành phố Hồ Chí Minh» like «Thủ đô Hà Nội»)."""
_CITY_LETTERS = frozenset({"TP", "Tp", "tp"})
"""`tp.` before a name typed in lower case (`tp.cần thơ`) is a city's all the same: «thành
phố», where the dot was left in the script («thành phố.cần thơ») for the reader to stop at."""
_INITIALS_AFTER = re.compile(rf"[{CAPITAL_LETTERS}]\.[{CAPITAL_LETTERS}]")
"""More dotted capitals after a place's letter (`P.V.T`, `H.V.B`): a person's initials, kept as
written for the reader to say the letters; no place's name is one letter and a dot."""
_MAYBE_PLACE_PREFIX = re.compile(rf"[{''.join(sorted({letter[-1] for letter in LETTERS}))}Ô]\.")
"""In every `_PLACE_PREFIX` match, and much cheaper to look for."""
_ACTING_OR_DEPUTY = {"P": "Phó", "Q": "Quyền"}
_POST_AFTER = re.compile(
    r"(?i:giám đốc|tổng giám đốc|trưởng|chủ tịch|bí thư|chánh (?:văn phòng|án|thanh tra)|"
    r"đội trưởng|thủ trưởng|chỉ huy trưởng|chính ủy|chính uỷ|tư lệnh|hiệu trưởng|viện trưởng|"
    r"cục trưởng|vụ trưởng)(?!\w)"
)
"""A post after `P.`, `Q.` (`P. Giám đốc`, `Q. Trưởng Công an xã`): its deputy, acting holder;
no ward or district is named so (`P. Chánh Nghĩa` is a ward: «Chánh» a post only as written
here)."""
_TITLE_BEFORE = re.compile(rf"(?<!\w)(?i:{FORMS_OF_ADDRESS})\s*+$")
"""`chị H. Lan`, `Đại úy X. Hùng`: after a form of address or a rank comes a person's name."""
_PERSON_BEFORE = re.compile(
    rf"(?<!\w)(?i:{FORMS_OF_ADDRESS}|đối tượng|bị can|bị cáo|bị hại|nạn nhân|nghi phạm|tài xế)\s*+$"
)
"""A word naming the person whose initial follows («Đối tượng T. Thái Bình»)."""
_FORM_OF_ADDRESS = re.compile(f"(?i:{FORMS_OF_ADDRESS})")
_PERSON_DEED_AFTER = re.compile(
    r"\s*+(?:,\s*+|\(\s*+)?(?:(?:đã |cùng )?(?:khai (?:nhận|báo|rằng)|thừa nhận|nhận tội|bỏ trốn|đầu thú"
    r"|bị (?:bắt|tạm giữ|khởi tố|bắt giữ|truy nã))|sinh năm|SN|trú|ngụ|cư trú)(?!\w)"
)
"""What only a person does or is, after a name («khai nhận», «bị bắt», «, sinh năm»): a
province «khai nhận» nothing."""
_LIST_PLACE_BEFORE = re.compile(r"(?:^|[:;,.!?])\s*+$")
"""Where a byline or an item of a list of names starts: the text's start or a pause mark."""
_GIVEN_NAME_AFTER = re.compile(r"[^\W\d_]++\s*+(?:$|[-(,;.])")
"""One word, then the text's end, the unit or a note (`H. Lan - Công an xã`, `H. Lan.`): a
given name; a place has two syllables or more (`Châu Thành`, `Lấp Vò`, `Tân Bình`)."""
_PLACE_BEFORE = frozenset(
    {"tại", "ở", "thuộc", "về", "đến", "tới", "từ", "giữa", "qua", "sang", "trong", "ngoài"}
    | {"khắp", "trên", "và", "với", "cùng", "của", "cho", "sau", "trước", "gần", "quanh"}
)
"""Capitalised only at a sentence's start, never a surname followed by an initial: `Tại H. Châu
Thành`, `Từ X. Tân Bình đến X. Tân Hòa`, `Giữa X. Tân Bình và …` is a place."""
_TITLE_ABBREVIATIONS = frozenset({"PV", "BTV", "CTV", "TS", "BS", "LS", "GS", "PGS", "ThS"})
"""Capitals that address a person (`PV H. Thanh Mai`); other capitals before a prefix name an
organisation of the place (`UBND X. Tân Bình`, `CAH`), never a surname."""
_COLLECTIVE = re.compile(r"(?i:chiến sĩ)\s*+$")
"""`Cán bộ, chiến sĩ H. Châu Thành`: the soldiers of a place, not one person."""
_PLURAL_BEFORE = re.compile(r"(?<!\w)(?i:anh|chị|ông|bà|cô|chú|bác|con|các|những|mọi)\s++$")
"""Before a form of address, what makes it a plural of kinship (`anh em`, `chị em`, `ông bà`,
`cô bác`, `các anh`): the people of a place (`Anh em X. Tân Bình`), where `chị H. Thanh Mai`
addresses one person."""
_BYLINE_LABEL = re.compile(
    r"(?:^|(?<=[.!?”\"*_]))\s*+(?i:tin và ảnh|tin, ảnh|bài và ảnh|bài, ảnh|tin bài|bài|"
    r"thực hiện|người thực hiện|biên tập|trình bày|tác giả|phóng viên|PV|BTV|CTV)\s*+:\s*+$"
)
"""A byline's label opening a sentence: after it comes who wrote or read the item (`Bài và
ảnh: X. Thu Trang`), where `Kết quả thực hiện: X. Tân Bình …` goes on about a place."""
_SIGN_ON_AFTER = re.compile(
    r"\s*+[^\W\d_]++\s++[^\W\d_]++\s++(?:xin (?:kính )?chào|kính chào|"
    r"xin (?:hẹn gặp lại|tạm biệt|cảm ơn|trân trọng)|(?:thực hiện|trình bày|biên tập)\s*+(?:$|[.,;!]))"
)
"""A presenter's sign-on or sign-off, a reporter's credit: two words of given name, then a
greeting or what the person did (`X. Thu Trang xin kính chào quý vị`, `… thực hiện.`); a
commune greets no one, and `X. Tân Bình thực hiện tốt …` goes on past the verb."""
_UNIT_AFTER = re.compile(
    r"\s*+[^\W\d_]++\s++[^\W\d_]++\s*+(?:-\s++|\(\s*+)"
    r"(?:Công an|Đội|Đồn|Trạm|Phòng|Ban|Đoàn|Hội|Báo|Đài|Trung tâm|Văn phòng|"
    r"Phóng viên|Cộng tác viên|PV|CTV|BTV)(?!\w)"
    r"(?>(?:(?!\s(?:vừa|đã|đang|sẽ|ra quân|tổ chức|triển khai|tiến hành|bắt|phát hiện)(?!\w))"
    r"[^.!?()])*)\)?[.!?]?\s*+$"
)
"""A byline: two words of given name, then the unit after a spaced dash or in brackets, ending
the text (`X. Thu Trang - Công an huyện`); a dateline's unit does something (`H. Châu Thành -
Công an huyện ra quân …`) or a sentence follows (`… - Công an xã. Trong đợt …`)."""
_PLACE_NAMES = {
    **LETTERS,
    "Ô": "ông",  # `Ô. Trần Văn E`: a title before a name, by the same rule as a place's
}
_ADDRESS_PART_BEFORE = re.compile(
    rf"(?<!\w)(?:(?:{'|'.join(letter for letter in LETTERS if letter != 'T')})\.|(?i:"
    rf"{KINDS_PATTERN}|{SUB_COMMUNE_PATTERN}|tổ|đường|phố)(?!\w))"
    r"\s*+([^\W_]++)[^,;:.!?()]*+,\s*+$"
)
"""The address part right before a comma (`H. Châu Thành, `, `xã Tân Hòa, `, `thành phố
Vinh, `, `thôn 2, `, `đường Lê Lợi, `): a `T.` after it is the province, where `Nguyễn Văn A,
T. Minh Hùng` lists a person. The kinds and their letters are place_kinds' (`T.` itself is
what follows), with the parts below a commune."""
_NUMBER_FIRST_WORDS = frozenset({*DIGIT_WORDS, "mười"})
"""The first word of a number spelled out (`thôn hai`, `quận mười một`): numbers are read
before place prefixes, so `thôn 2, T. Nghệ An` shows no digit by then."""
_PROVINCE_BEFORE = re.compile(
    rf"(?<!\w)(?i:{'|'.join(sorted(_PLACE_BEFORE))}|quê quán\s*+:?|nguyên quán\s*+:?|quê|trú"
    r"|ngụ|cư trú|thường trú|tạm trú|địa chỉ\s*+:|công an|UBND|HĐND|VKSND|TAND|CA"
    r"|(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân|Viện kiểm sát nhân dân|Tòa án nhân dân"
    r"|Tỉnh (?:ủy|uỷ|đoàn|đội|hội)|Bộ Chỉ huy Quân sự|Mặt trận Tổ quốc|Báo|Đài)"
    r"\s*+$"
    r"|(?<!\w)(?:Sở|Cục|Chi cục|Ban|Hội|Bệnh viện|Liên đoàn|Bảo hiểm)(?:\s++[^\W\d_]++){0,4}\s*+$"
)
"""Words after which a province is named (`_province_prefix`): a place's preposition (`tại T.
Thái Bình`), where one comes from or lives (`quê quán: T. Thái Bình`, `trú`), a body of the
province (`Công an T. Bến Tre`, `UBND`, `Tỉnh ủy`, `Sở Y tế`); after anything else
(`Nạn nhân là T. Hà Giang`, `Sau đó T. Thái Bình bỏ trốn`, a sentence's start) `T.` is a
person's initial."""
_FILE_TYPE_HINTS = (".apk", ".APK", ".Apk", ".ipa", ".IPA", ".exe", ".EXE", ".Exe")
"""In every `_FILE_TYPE` match but a rare mixed case; a dot alone is in every paragraph."""
_FILE_TYPE_HINT = re.compile(rf"\.(?:{'|'.join(re.escape(hint[1:]) for hint in _FILE_TYPE_HINTS)})")
"""Any of `_FILE_TYPE_HINTS`, in one search from the dots instead of one per hint."""
_FILE_TYPE = re.compile(r"(?<![\w.])\.(?i:(apk|ipa|exe))(?!\w)")
"""`cài tệp đuôi .apk`: a presenter names the type by its letters («đuôi a-pê-ca»), no «chấm»."""
_CODE_HYPHEN = re.compile(r"(?<=[A-ZĐ])-(?=[A-ZĐ])")
_MILITARY = re.compile(r"\s+(?:[Qq]uân sự|PCTT|(?i:phòng,? chống thiên tai))")
"""After BCH, what a Ban Chỉ huy commands: the military, or disaster prevention (BCH PCTT)."""
_ORGANISATION = re.compile(
    r"\s+(?:Đoàn|Đảng|Hội|Công đoàn|Chi đoàn|Chi bộ|Chi hội|Liên đoàn|Trung ương"
    r"|(?i:tỉnh đoàn|huyện đoàn|thành đoàn|quận đoàn|khóa|khoá))(?!\w)"
)
"""After BCH, what elects a Ban Chấp hành: the Party, the Youth Union and the mass associations,
at any level (`BCH Trung ương Đảng`, `BCH Huyện Đoàn`), or its term (`BCH khóa XX`)."""
_MEMBER_BEFORE = re.compile(r"(?<!\w)(?i:ủy viên|uỷ viên)\s*+$")
"""`Ủy viên BCH`: a member of a Ban Chấp hành, which is elected; a Ban Chỉ huy has commanders."""
_YOUTH_BEFORE = re.compile(
    r"(?<!\w)((?i:đoàn viên|chi đoàn|tỉnh đoàn|huyện đoàn|thành đoàn|đoàn|tháng))\s*+$"
)
"""Before «TN», what makes it «Thanh niên»: the Youth Union (`Đoàn TN`, `đoàn viên TN`), its
month (`Tháng TN`)."""
_TRAFFIC_POLICE_BEFORE = re.compile(r"CSGT[-\s]$")
_CENTRE_AFTER = re.compile(
    r"\s++(?:Y|Văn|Hành|Phục|Dịch|Thông|Giáo|Huấn|Bảo|Kỹ|Nghiên|Chính|Truyền|Đào|Giám|Điều|"
    r"Quản|Phát|Lưu|Cấp|Thể|Trợ|Nuôi|Cai|Công|Kiểm|Xúc|Giới|Tư|Hỗ|Pháp|Dạy|Đăng|Thương|Hội)(?!\w)"
)
"""`TT Y Tế`, `TT Văn Hóa`: a centre («Trung tâm») named in capitals, never a town."""
_DIRECTED_AFTER = re.compile(
    r"\s++(?i:công ty|cty|tổng công ty|tập đoàn|ngân hàng|sở|công an|bệnh viện|trung tâm"
    r"|chi nhánh|nhà máy|xí nghiệp|doanh nghiệp|hợp tác xã|HTX|điện lực|kho bạc|quỹ|ban quản lý)"
    r"(?!\w)"
)
"""After «GĐ», what a director runs (`GĐ Công ty`, `GĐ Sở Tư pháp`): «giám đốc», where
`GĐ văn hóa` is «gia đình» and `GĐ 2021–2025` «giai đoạn»."""
_DEPUTY_BEFORE = re.compile(r"(?<!\w)(?i:phó|tổng)\s*+$")
"""`Phó GĐ`, `Tổng GĐ`: a director's title."""
_COMPANY_BEFORE = re.compile(
    r"(?<!\w)(?i:công ty|cty|tổng công ty)(?:\s++(?:TNHH|trách nhiệm hữu hạn))?\s*+$"
)
"""`Công ty CP`, `Cty CP`: a joint-stock company («cổ phần»), where `CP` alone may be «Chính phủ»."""
_CRIMINAL_CASE_BEFORE = re.compile(r"(?i:vụ án|tội phạm)\s*$")
_WEEKDAY_BEFORE = re.compile(r"(?i:sáng|trưa|chiều|tối|đêm|ngày|và|đến|từ|hôm|thứ \w+)[\s,]*$")
_WEEKDAY_AFTER = re.compile(r"[\s,]*(?:tuần|này|tới|vừa|hằng|hàng|ngày|\(|$)")
_DATE_WORD = r"(?:một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|mươi|mốt|lăm|trăm|nghìn|ngàn|không|linh|lẻ|giêng|chạp)"
_DATE_BRACKET_BEFORE = re.compile(rf"(?i:tháng)(?:\s+{_DATE_WORD}){{1,12}}\s*\(\s*$")
_BRACKET_CLOSE = re.compile(r"\s*\)")
"""`Ngày 6/12/2026 (CN)`, read by now «… tháng mười hai năm hai nghìn … (CN)»: the day of the
week of the date before, as `(Thứ Bảy)` is; it held the bulletin as «chủ nhật, công nhân hay
chi nhánh»."""
_BRACKETED = re.compile(r"(?<=\w)\s*+\(([^()]*+)\)")
"""A bracket right after a word: `Ủy ban nhân dân (UBND)` may repeat what was just said."""
_CONTEXT_READINGS = {
    "BCH": ("Ban Chỉ huy", "Ban Chấp hành"),
    "ĐT": ("điện thoại", "đường tỉnh", "đối tượng"),
    "TT": ("thị trấn", "thông tư", "trật tự"),
    "HS": ("hình sự", "học sinh"),
    "QL": ("quốc lộ", "quản lý"),
    "CN": ("chủ nhật", "công nhân", "chi nhánh"),
    "TN": ("thanh niên",),
    "GĐ": ("giám đốc", "gia đình", "giai đoạn"),
    "CP": ("cổ phần", "Chính phủ"),
}
"""What a context abbreviation (R14.5) may stand for: in brackets after one of them it says
which, and repeats it."""
_WORD = re.compile(r"[^\W_]+")
_PETROVIETNAM_AFTER = re.compile(r"[ -](?:[A-Z]{2,}|Gas|Oil|Power|Drilling|Trans)(?!\w)")
"""After «PV», the rest of a PetroVietnam company's name: a word in capitals without tone marks
(`GAS`, `OIL`; a reporter's name is never written so), or the English word of one."""


_EXAMPLE = "«CSĐTTP<TAB>Cảnh sát điều tra tội phạm»"


def _read_tsv(text: str, source: str) -> tuple[dict[str, str], list[Problem]]:
    """Parse `abbr<TAB>expansion[<TAB>note]` lines; `#` comments and blank lines skipped; every
    bad line is a problem naming `source` and the line."""
    entries: dict[str, str] = {}
    problems: list[Problem] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFC", raw.rstrip("\r\n"))
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) not in (2, 3):
            problems.append(_columns_problem(source, number, line, len(cells)))
            continue
        abbr, expansion = cells[0].strip(), cells[1].strip()
        if not abbr or not expansion or re.search(r"\s", abbr):
            problems.append(
                Problem(
                    source,
                    "cột 1 phải là một chữ viết tắt không có khoảng trắng và cột 2 là cách đọc "
                    f"không rỗng, nhưng dòng là «{line}»",
                    line=number,
                    hint=f"Viết chữ viết tắt, một ký tự Tab, rồi cách đọc, ví dụ {_EXAMPLE}.",
                )
            )
            continue
        entries[abbr] = expansion
    return entries, problems


def _columns_problem(source: str, number: int, line: str, count: int) -> Problem:
    """A line that is not 2 or 3 Tab-separated columns; one typed with spaces gets its fix."""
    words = line.split()
    if count == 1 and len(words) >= 2:
        hint = (
            "Ngăn chữ viết tắt và cách đọc bằng một ký tự Tab, không dùng dấu cách (trình soạn "
            f"thảo có thể đã đổi Tab thành dấu cách): «{words[0]}<TAB>{' '.join(words[1:])}»."
        )
    else:
        hint = f"Ngăn các cột bằng đúng một ký tự Tab, ví dụ {_EXAMPLE}; cách đọc không chứa Tab."
    return Problem(
        source,
        f"cần 2 hoặc 3 cột ngăn bằng Tab (viết tắt, cách đọc, ghi chú) nhưng dòng có {count} "
        f"cột: «{line}»",
        line=number,
        hint=hint,
    )


@functools.cache
def _seed() -> tuple[tuple[str, str], ...]:
    """The packaged seed list, parsed once."""
    text = resources.files("publish.radio").joinpath("abbreviations.tsv").read_text("utf-8")
    entries, problems = _read_tsv(text, "publish/radio/abbreviations.tsv (có sẵn)")
    if problems:
        raise ContentError(problems)
    return tuple(entries.items())


@functools.cache
def _seed_mapping() -> Mapping[str, str]:
    """The seed dictionary, read-only, built once (copying it cost every bulletin)."""
    return MappingProxyType(dict(_seed()))


def seed_abbreviations() -> dict[str, str]:
    """A fresh copy of the built-in seed dictionary."""
    return dict(_seed())


def load_abbreviations(path: Path | None) -> dict[str, str]:
    """The seed dictionary with a unit TSV file merged over it (unit entries win)."""
    merged = seed_abbreviations()
    if path is not None:
        merged.update(unit_abbreviations(path))
    return merged


def unit_abbreviations(path: Path, shown: str | None = None) -> dict[str, str]:
    """The entries of one unit TSV file alone; ContentError listing every problem in it
    (named `shown`, else by its path)."""
    entries, problems = read_unit_file(path, shown)
    if problems:
        raise ContentError(problems)
    return entries


def read_unit_file(path: Path, shown: str | None = None) -> tuple[dict[str, str], list[Problem]]:
    """The entries of one unit TSV file, and its problems (missing, unreadable, not UTF-8, bad
    lines), each naming the file as `shown` (else its path) and the line where known."""
    name = shown or str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return {}, [
            Problem(
                name,
                "không tìm thấy tệp từ điển viết tắt",
                hint="Kiểm tra lại đường dẫn (tệp TSV: viết tắt<TAB>cách đọc).",
            )
        ]
    except OSError as exc:
        return {}, [Problem(name, f"không đọc được tệp từ điển viết tắt: {os_reason(exc)}")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        told = not_utf8(data, exc)
        return {}, [Problem(name, told.message, line=told.line, hint=told.hint)]
    return _read_tsv(text, name)


@functools.lru_cache(maxsize=16)
def _lexicon_pattern(keys: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation of the keys, longest first (R14.1), on whole tokens."""
    if not keys:
        return None
    # Grouped by first character, behind a one-character lookahead: `re` tries alternatives one
    # by one, so with a few hundred keys a flat alternation cost every word start hundreds of
    # comparisons (most words start with a letter no key does).
    groups: dict[str, list[str]] = {}
    for key in sorted(keys, key=len, reverse=True):
        groups.setdefault(key[0], []).append(re.escape(key[1:]))
    # Each branch opens with its character and only then looks behind it (`(?<!\w.)`: nothing
    # of a word before that character): an alternation whose branches all open with a character
    # lets `re` skip to the next of those characters, where a leading look-behind or look-ahead
    # was tried at every character of the text (three times slower on a bulletin).
    branches = "|".join(
        f"{re.escape(first)}(?<!\\w(?s:.))(?:{'|'.join(rests)})"
        for first, rests in sorted(groups.items())
    )
    return re.compile(rf"(?:{branches})(?!\w)")


def _replace_keys(text: str, lexicon: Mapping[str, str], keys: tuple[str, ...]) -> str:
    """Replace every whole-token occurrence of the given keys by their expansions, except the
    letters of a company's name (`PV GAS`)."""
    return _replaced(text, lexicon, _lexicon_pattern(keys))


def _replaced(text: str, lexicon: Mapping[str, str], pattern: re.Pattern[str] | None) -> str:
    """`_replace_keys` with the keys' pattern at hand: finding it in the cache hashed all the
    keys, for every paragraph."""
    if pattern is None:
        return text
    return pattern.sub(lambda m: m[0] if _company_letters(text, m) else lexicon[m[0]], text)


def _company_letters(text: str, m: re.Match[str]) -> bool:
    """Whether `m` is «PV» opening the name of a PetroVietnam company (`PV GAS`, `PV Oil`): no
    reporter («phóng viên GAS»), its letters are read as written; or the letters opening a brand
    (`CH Play`), whatever a unit's file reads them as alone."""
    if m[0] in BRAND_OPENINGS:
        return brand_follows(m[0], text, m.end())
    return m[0] == "PV" and bool(_PETROVIETNAM_AFTER.match(text, m.end()))


def brand_follows(letters: str, text: str, end: int) -> bool:
    """Whether `letters`, ending at `end` of `text`, open the brand BRAND_OPENINGS names
    (`CH Play`)."""
    after = _BRAND_AFTER.get(letters)
    return after is not None and bool(after.match(text, end))


_BRAND_AFTER = {
    letters: re.compile(rf"\s+(?i:{re.escape(word)})(?!\w)")
    for letters, word in BRAND_OPENINGS.items()
}
"""The word after the letters opening a brand (BRAND_OPENINGS): `CH Play`, `CH PLAY`."""


_NEXT_AFTER_QUOTES = re.compile(r'[ "“”]*+(.)', re.DOTALL)
"""The first character after spaces and quotes: found where it is, as copying the rest of the
text for each match made a long bulletin quadratic."""


def _etc(text: str) -> str:
    """`v.v.`/`vv.` → `vân vân`, keeping the stop when it ended the sentence (R14.4)."""

    def spoken(m: re.Match[str]) -> str:
        tail = _NEXT_AFTER_QUOTES.match(text, m.end())
        return "vân vân." if tail is None or tail[1].isupper() else "vân vân"

    return _ETC.sub(spoken, text) if "v." in text else text


def _place_prefixes(text: str, ctx: Context) -> str:
    """`TX.`/`TT.`/`Q.`/`P.`/`H.`/`X.` before a capitalised place name (R14.3), `P.`/`Q.` before a
    post «Phó», «Quyền»; `TP. HCM`; the initial of one of `ctx.names` (a list of names' «H.
    Thanh Tùng») is left as it is."""
    names = ctx.names

    def spoken(m: re.Match[str]) -> str:
        if m[1] in _ACTING_OR_DEPUTY and _POST_AFTER.match(text, m.end()):
            said = _ACTING_OR_DEPUTY[m[1]]
            return f"{said} " if text[m.end()].isupper() else f"{said.lower()} "
        if m[1] in _CITY_LETTERS and text[m.end() : m.end() + 1].islower():
            return "thành phố "
        if not text[m.end() : m.end() + 1].isupper() or _INITIALS_AFTER.match(text, m.end()):
            return m[0]
        if names and _one_of(names, text, m):
            return m[0]
        if m[1] == "T" and province_spelled_at(text, m.end()):
            if _in_an_address(text, m):
                return "tỉnh "
            if _after_a_name_and_comma(text, m):
                _flag_person_or_province(text, m, ctx)
                return m[0]
        if len(m[1]) == 1 and (_name_initial(text, m) or _initial_before_a_deed(text, m)):
            return m[0]
        if m[1] == "T" and not _province_prefix(text, m, ctx):
            return m[0]
        return _PLACE_NAMES[m[1]] + " "

    lowered = text.lower()
    if "hcm" in lowered or "chí minh" in lowered:
        text = _HO_CHI_MINH_CITY.sub("Thành phố Hồ Chí Minh", text)
    return _PLACE_PREFIX.sub(spoken, text) if _MAYBE_PLACE_PREFIX.search(text) else text


def _province_prefix(text: str, m: re.Match[str], ctx: Context) -> bool:
    """Whether `T.` is a province's: before a province's name, after a district's or commune's
    part of the same address (`H. Vũ Thư, T. Thái Bình`) or a word naming a place or a body
    (`Công an T. Bến Tre`, `_PROVINCE_BEFORE`); a person's initial everywhere else, which is
    the common case (`Đối tượng T. Hùng`, `Bị hại (T. Hoa)`, `Sau đó T. Thái Bình bỏ trốn`)."""
    if not province_spelled_at(text, m.end()):
        if ends_before(_PROVINCE_BEFORE, text, m.start()):
            _flag_no_province(text, m, ctx)
        return False  # «xã Tân Hòa, T. Hùng khai nhận»: no province is one word
    if _in_an_address(text, m):
        return True
    joined = ends_before(_JOINED_BEFORE, text, m.start())
    if joined:
        return _joined_to_a_place(text, m, joined.start(), ctx)
    return bool(ends_before(_PROVINCE_BEFORE, text, m.start()))


def _in_an_address(text: str, m: re.Match[str]) -> bool:
    """Whether `T.` follows a district's or commune's part of an address (`H. Vũ Thư, T. Thái
    Bình`) or a person's year of birth (`sinh năm …, T. Hưng Yên`): the province of that
    address, even with a deed after it (`…, T. Tiền Giang bị bắt`)."""
    part = ends_before(_ADDRESS_PART_BEFORE, text, m.start())
    if part and (part[1][0].isupper() or part[1][0].isdigit() or part[1] in _NUMBER_FIRST_WORDS):
        return True
    return bool(ends_before(_BORN_BEFORE, text, m.start()))


def _after_a_name_and_comma(text: str, m: re.Match[str]) -> bool:
    """Whether `T.` follows a person's name or initials and a comma (`P.V.T, T.Hưng Yên`,
    `Lê Văn Hải, T. Thái Bình`): the person's province, or a second person of a list."""
    name = ends_before(_NAME_AND_COMMA_BEFORE, text, m.start())
    return bool(name and name[1][0].isupper())


def _flag_person_or_province(text: str, m: re.Match[str], ctx: Context) -> None:
    """R14.5: `T.` and a province's name after a name and a comma is left as written, and the
    editor told; it was left so silently, read by the letter's name."""
    name = _TWO_WORDS_AFTER.match(text, m.end())
    written = text[m.start() : name.end()] if name else m[0].strip()
    ctx.flag(
        "R14.5",
        BLOCKING,
        f"Chưa rõ «{written}» sau tên người là tỉnh nơi người đó ở («{m[1]}.» đọc là «tỉnh») hay "
        f"tên một người khác («{m[1]}.» là chữ cái đầu của tên); đã giữ nguyên «{m[1]}.». Cách "
        "sửa: viết «trú tại tỉnh …» nếu là tỉnh, hoặc viết đủ tên người.",
        written,
    )


_BORN_BEFORE = re.compile(r"(?<!\w)(?i:sinh năm)(?>(?:\s++[^\W\d_]++)+)\s*+,\s*+$")
"""A year of birth, spelled out by now, and a comma: an address follows (`SN 1990, T. Nam Định`)."""
_NAME_AND_COMMA_BEFORE = re.compile(
    rf"(?<![\w.])((?>(?:[{CAPITAL_LETTERS}]\.)*)[^\W\d_]++)\.?\s*+,\s*+$"
)
"""The last word of a name, or initials (`P.V.T`), then a comma."""


def _flag_no_province(text: str, m: re.Match[str], ctx: Context) -> None:
    """Tell the editor of `T.` where a province is named (`quê ở T. Kim Sơn`, `Công an T. …`)
    before two capitalised words that are no province: left as written, the reader said «tê
    Kim Sơn» with no word to the editor (R14.5)."""
    name = _TWO_WORDS_AFTER.match(text, m.end())
    if name is None or not (name[1][0].isupper() and name[2][0].isupper()):
        return  # «tại T. Hùng»: one word is a person's name, never a province's
    written = f"{m[1]}. {name[1]} {name[2]}"
    ctx.flag(
        "R14.5",
        BLOCKING,
        f"«{written}» đứng ở chỗ của một địa danh nhưng «{name[1]} {name[2]}» không phải tên "
        f"một tỉnh, nên «{m[1]}.» không được đọc là «tỉnh» mà giữ nguyên (người đọc sẽ đọc tên "
        f"chữ cái). Cách sửa: viết đủ «tỉnh …», «huyện …», «xã …» nếu là địa danh, hoặc viết đủ "
        "tên người.",
        written,
    )


def _joined_to_a_place(text: str, m: re.Match[str], end: int, ctx: Context) -> bool:
    """Whether `T.` after «và», «với», «cùng» is a province's: joined to a place (`tỉnh Đồng
    Tháp và T. Tiền Giang`, `Long An và T. Tiền Giang`); joined to a person (`anh Minh và T.
    Hà Giang`, `Nguyễn Văn A cùng T. Thái Bình`) it is the initial, as it was never said
    «tỉnh Hà Giang»; joined to neither, it is left as written and the editor told (R14.5)."""
    start = _capitalised_run(text, end)
    if start is not None:
        # Else a person's name before the conjunction: `T.` is the initial of another.
        return bool(
            ends_before(_PLACE_WORD_BEFORE, text, start)
            or province_spelled_at(text, start)
            or opens_with_a_kind(text[start:end].split())
        )
    name = _TWO_WORDS_AFTER.match(text, m.end())  # a province's name is two words or more
    written = f"{m[1]}. {name[1]} {name[2]}" if name else m[0].strip()
    ctx.flag(
        "R14.5",
        BLOCKING,
        f"Chưa rõ «{written}» là tên người («{m[1]}.» là chữ cái đầu của tên) hay một tỉnh "
        f"(«{m[1]}.» là «tỉnh»); đã giữ nguyên «{m[1]}.». Cách sửa: viết «tỉnh …» nếu là tỉnh, "
        "hoặc viết đủ tên người.",
        written,
    )
    return False


_JOINED_BEFORE = re.compile(r"(?<!\w)(?i:và|với|cùng)\s*+$")
"""A conjunction before `T.`: it joins a province to a place, an initial to a person."""
_WORD_BEFORE_END = re.compile(r"([^\W\d_]++)\s*+$")
_PLACE_WORD_BEFORE = re.compile(rf"(?<!\w)(?:(?i:{KINDS_PATTERN})|(?:{_LETTERS_PATTERN})\.)\s*+$")
"""A place's kind before its name (`tỉnh Đồng Tháp`, `H. Châu Thành`)."""


def _capitalised_run(text: str, end: int) -> int | None:
    """Where the capitalised words ending `text[:end]` start (`Đồng Tháp`, `anh Minh` → `Minh`),
    spaces alone between them; None when the last word is in lower case."""
    start = None
    while (word := ends_before(_WORD_BEFORE_END, text, end)) and word[1][0].isupper():
        start = end = word.start()
    return start


def _initial_before_a_deed(text: str, m: re.Match[str]) -> bool:
    """Whether a one-letter place prefix and the words after it are a person's initial and
    given name («Sau đó, H. Lan khai nhận», «Đối tượng T. Thái Bình khai nhận», «T. Thái Bình,
    sinh năm 1990»): after a word naming a person or where a sentence or clause opens, and
    before what only a person does or is; no district or province «khai nhận»."""
    at, deed = m.end(), False
    for _ in range(2):  # a given name of one or two capitalised words
        word = _WORD.match(text, at)
        if word is None or not word[0][0].isupper():
            break
        at = word.end()
        deed = deed or bool(_PERSON_DEED_AFTER.match(text, at))
        while text.startswith(" ", at):  # not text[at:]: a copy of the rest on every word
            at += 1
    if not deed:
        return False
    return bool(
        ends_before(_PERSON_BEFORE, text, m.start())
        or ends_before(_LIST_PLACE_BEFORE, text, m.start())
    )


def _one_of(names: tuple[str, ...], text: str, m: re.Match[str]) -> bool:
    """Whether the prefix `m` and the words after it are one of `names` («H. Thanh Tùng»)."""
    for name in names:
        initial, _, given = name.partition(" ")
        end = m.end() + len(given)
        # «H. Thanh Tùngx» is no such name: the given name ends where a word does.
        if (
            initial == f"{m[1]}."
            and text.startswith(given, m.end())
            and not text[end : end + 1].isalnum()
        ):
            return True
    return False


def _name_initial(text: str, m: re.Match[str]) -> bool:
    """Whether a one-letter place prefix before a capitalised word is a person's initial: after
    a capitalised name (`Nguyễn Văn H. Đồng`), a form of address (`đồng chí H. Lan`), or opening
    a byline or a list's name with one word of given name (`H. Lan - Công an xã`, `Tin: H.
    Lan`). `Ô.` is itself a title (`Ô. Trần Văn E`)."""
    if m[1] == "Ô":
        before = ends_before(_PREV_WORD, text, m.start())
        return bool(before and before[1][0].isupper())
    title = ends_before(_TITLE_BEFORE, text, m.start())
    if title and (_addresses_one(text, title) or not _place_name_after(text, m.end())):
        return True
    before = ends_before(_PREV_WORD, text, m.start())
    if before:
        word = before[1]
        if len(word) > 1 and word.isupper() and word not in _TITLE_ABBREVIATIONS:
            after = _WORD.match(text, m.end())  # `UBND X. Tân Bình`, unless all is shouted
            return bool(after and after[0].isupper())
        return word[0].isupper() and word.casefold() not in _PLACE_BEFORE
    if not ends_before(_LIST_PLACE_BEFORE, text, m.start()):
        return False
    return bool(
        _GIVEN_NAME_AFTER.match(text, m.end())
        or _SIGN_ON_AFTER.match(text, m.end())
        or _UNIT_AFTER.match(text, m.end())
        or ends_before(_BYLINE_LABEL, text, m.start())
    )


def _addresses_one(text: str, title: re.Match[str]) -> bool:
    """Whether the form of address `title` speaks to one person (`chị H. Thanh Mai`, `Đại úy
    …`), not to the people of a place (`anh em`, `chị em`, `các anh`, `chiến sĩ`)."""
    if _COLLECTIVE.match(title[0].lstrip()):
        return False
    return not ends_before(_PLURAL_BEFORE, text, title.start())


_TWO_WORDS_AFTER = re.compile(r"\s*+([^\W\d_]++)\s++([^\W\d_]++)")


def _place_name_after(text: str, at: int) -> bool:
    """Whether two capitalised words follow `at`: a place's name (`X. Tân Bình`), even after a
    word that may address a person (`Anh em X. Tân Bình`, `chiến sĩ H. Châu Thành`), where a
    given name is one word (`chị H. Mai cho biết`)."""
    found = _TWO_WORDS_AFTER.match(text, at)
    return bool(found and found[1][0].isupper() and found[2][0].isupper())


def _town_named_after(text: str, at: int) -> bool:
    """Whether a town's name follows `TT`, `TX` written without a dot: two capitalised words
    (`Cái Tàu Hạ`, `Hồng Ngự`), not a centre's (`TT Y tế`, `TT Văn Hóa`)."""
    return _place_name_after(text, at) and not _CENTRE_AFTER.match(text, at)


def _unresolved(ctx: Context, token: str, hint: str) -> None:
    """Flag a context abbreviation that no rule could resolve (R14.5, Q3)."""
    ctx.flagged_tokens.add(token)
    ctx.flag(
        "R14.5",
        BLOCKING,
        f"Chữ viết tắt «{token}» có nhiều nghĩa và ngữ cảnh không đủ để chọn ({hint}); "
        "đã giữ nguyên. Cách sửa: viết đầy đủ trong bản tin.",
        token,
    )


def _context_abbreviations(text: str, ctx: Context) -> str:
    """Resolve BCH, ĐT, TT, HS, QL, CN, TN, GĐ, CP from neighbouring words (R14.5, R10.2)."""

    def spoken(m: re.Match[str]) -> str:
        token = m[0]
        if token in ctx.abbreviations:
            return ctx.abbreviations[token]
        if token == "BCH":
            if _MILITARY.match(text, m.end()):
                return "Ban Chỉ huy"
            if _ORGANISATION.match(text, m.end()) or ends_before(_MEMBER_BEFORE, text, m.start()):
                return "Ban Chấp hành"
            _unresolved(ctx, token, "Ban Chỉ huy hay Ban Chấp hành")
        elif token == "TT":
            if ends_before(_TRAFFIC_POLICE_BEFORE, text, m.start()):
                return "trật tự"
            if _town_named_after(text, m.end()):
                return "thị trấn"  # `TT Cái Tàu Hạ`, as `TT. Cái Tàu Hạ` (R14.3)
            _unresolved(ctx, token, "thị trấn, thông tư hay trật tự")
        elif token == "TX":
            if _town_named_after(text, m.end()):
                return "thị xã"  # `TX Hồng Ngự`, as `TX. Hồng Ngự`; else left to R14.6
        elif token == "HS":
            criminal = ends_before(_CRIMINAL_CASE_BEFORE, text, m.start())
            return "hình sự" if criminal else "học sinh"
        elif token == "QL":
            return "quản lý"
        elif token == "TN":
            youth = ends_before(_YOUTH_BEFORE, text, m.start())
            # «Ông Đoàn TN»: after a form of address «Đoàn» is a surname, TN its initials.
            if youth and youth[1] == "Đoàn" and ends_before(_PERSON_BEFORE, text, youth.start()):
                youth = None
            if youth:
                return "Thanh niên" if youth[1][0].isupper() else "thanh niên"
            # Else «tai nạn», «Tây Ninh», «thí nghiệm»…: left to R14.6, told as unknown.
        elif token == "GĐ":
            if _DIRECTED_AFTER.match(text, m.end()) or ends_before(_DEPUTY_BEFORE, text, m.start()):
                return "giám đốc"
            _unresolved(ctx, token, "giám đốc, gia đình hay giai đoạn")
        elif token == "CP":
            if ends_before(_COMPANY_BEFORE, text, m.start()):
                return "cổ phần"
            _unresolved(ctx, token, "cổ phần hay Chính phủ")
        elif token == "CN":
            if ends_before(_WEEKDAY_BEFORE, text, m.start()) or _WEEKDAY_AFTER.match(text, m.end()):
                return "chủ nhật"
            if _BRACKET_CLOSE.match(text, m.end()) and ends_before(
                _DATE_BRACKET_BEFORE, text, m.start()
            ):
                return "chủ nhật"
            _unresolved(ctx, token, "chủ nhật, công nhân hay chi nhánh")
        else:
            _unresolved(ctx, token, "điện thoại, đường tỉnh hay đối tượng")
        return token

    if not _CONTEXT_HINT.search(text):
        return text
    return _CONTEXT_TOKEN.sub(spoken, text)


_LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=16)
def caps_spellings(keys: frozenset[str]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """All-caps spellings of the known mixed-case words (lexicon `keys` and KEEP_AS_WORD): those
    of one word (VNEID → VNeID), read as that word, and those of several (→ every one), which
    R14.6 flags. A spelling that is itself known (TP beside Tp) keeps its own reading."""
    known = keys | KEEP_AS_WORD | SPELLED_ACRONYMS
    words: dict[str, set[str]] = {}
    for word in known:
        if _LETTERS.fullmatch(word) and not word.isupper() and not word.islower():
            words.setdefault(word.upper(), set()).add(word)
    spelled = {caps: found for caps, found in words.items() if caps not in known}
    single = {caps: next(iter(found)) for caps, found in spelled.items() if len(found) == 1}
    several = {caps: tuple(sorted(found)) for caps, found in spelled.items() if len(found) > 1}
    return single, several


@functools.lru_cache(maxsize=16)
def _lexicon_keys(keys: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lexicon's keys with a hyphen, and the plain ones that are no context abbreviation."""
    ordered = sorted(keys)  # the alternation sorts by length, stably: keep the order fixed
    hyphenated = tuple(k for k in ordered if "-" in k)
    plain = tuple(k for k in ordered if "-" not in k and k not in _CONTEXT_KEYS)
    return hyphenated, plain


def _folded_words(text: str) -> list[str]:
    """The words of `text` however cased or accented (`Uỷ`/`Ủy`), without the punctuation
    (`phòng cháy, chữa cháy` is `phòng cháy chữa cháy`)."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)))


_INITIALS = re.compile(rf"\s*+((?:[{CAPITAL_LETTERS}]\.?){{2,5}})\s*+")
"""A bracket's initials, dotted or not (`NVH`, `N.V.H.`, `NVƯ` for «Nguyễn Văn Ưng»)."""
_CAPITALISED_WORDS_BEFORE = re.compile(r"(?<!\w)((?:[^\W\d_]++\s++){1,4}[^\W\d_]++)\s*+$")
_WORDS_BEFORE = re.compile(r"(?<!\w)((?:[^\W\d_]++\s++){0,4}[^\W\d_]++)\s*+$")
"""One word to five before a bracket: a given name alone may open the sentence (`Hải (NVH)`)."""
_NON_SPACE = re.compile(r"\S+")
_PLACE_KIND_BEFORE = re.compile(
    rf"(?<!\w)(?i:{KINDS_PATTERN}|{SUB_COMMUNE_PATTERN}|phố|đường|sông)\s++$"
)
"""A place's kind before a name that is also a given name («thành phố Vinh», «sông Hậu»)."""


def _initials_of_the_name_before(text: str, inside: str, at: int) -> bool:
    """Whether a bracket's `inside`, after the words ending at `at`, holds only the initials of
    the name just before it (`Nguyễn Văn Hải (NVH)`): the same person said again as letters, which R14.6 held as an unknown
    abbreviation; tone marks aside (`Ánh` is `A`), «Đ», «Ư», «Â»… are letters of their own
    (`Ưng` is `Ư`, or `U` as `_stands_for` says)."""
    initials = _INITIALS.fullmatch(inside)
    if initials is None:
        return False
    letters = initials[1].replace(".", "")
    words = ends_before(_CAPITALISED_WORDS_BEFORE, text, at)
    if words is None:
        return False
    name = words[1].split()[-len(letters) :]
    if len(name) != len(letters) or not all(word[0].isupper() for word in name):
        return False
    return all(map(_stands_for, letters, name))


def _initials(words: list[str]) -> str:
    """The first letters of `words`, tone marks aside (`Ánh` is `A`), «Đ» its own letter."""
    firsts = unicodedata.normalize("NFD", "".join(word[0] for word in words))
    return "".join(c for c in firsts if not unicodedata.combining(c))


_SEIZED_BEFORE = re.compile(r"(?<!\w)(?i:bắt(?>(?:\s++giữ|\s++quả\s++tang)?)|triệu\s++tập)\s++$")
"""A police act whose object is a person («bắt», «bắt giữ», «bắt quả tang», «triệu tập»): the
capitalised word after it is who, by a name not every list holds (`Bắt Tèo (NVT)`)."""
_BODIES = frozenset(
    {"Đoàn", "Hội", "Ban", "Đội", "Tổ", "Phòng", "Cục", "Sở", "Chi", "Nhóm", "Bộ", "Viện"}
)
"""Bodies a police act may take too (`triệu tập Đoàn (BCHĐ)`, its committee): after the act
such a word is no given name."""
_SEIZE_WORD = "bắt"
"""The act's word a sentence opens with (`Bắt Hải (NVH, SN 1990)`): capitalised, yet never
part of a name, as «Thanh» in «Thanh Hải (NTH)» is."""

_MOST_NAME_WORDS = 4
"""Words of a Vietnamese full name at most (surname, one or two middle names, given name)."""


def _initials_after_the_given_name(
    text: str, inside: str, at: int, lexicon: Mapping[str, str]
) -> bool:
    """Whether a bracket's `inside`, after the words ending at `at`, holds a full name's
    initials after its given name alone (`Hải (NVH)`, `chị Lan (NTL)`): the letters end with the given name's, and the name is a common
    given name or follows a word naming a person (`đối tượng Tèo (NVT)`) or a police act on
    one (`bắt giữ Tèo (NVT)`, `Bắt Hải (NVH)` opening a sentence). Letters the lexicon
    knows say something else (`đồng chí Hải (CAH)`: his unit) and are read."""
    initials = _INITIALS.fullmatch(inside)
    if initials is None:
        return False
    letters = initials[1].replace(".", "")
    if letters in lexicon or letters in _CONTEXT_READINGS:
        return False
    words = ends_before(_WORDS_BEFORE, text, at)
    if words is None:
        return False
    found = words[1].split()
    starts = [word.start() for word in _NON_SPACE.finditer(words[1])]
    for size in (1, 2):
        name, before = found[-size:], found[:-size]
        if not size < len(letters) <= _MOST_NAME_WORDS or len(name) < size:
            continue
        if not all(word[0].isupper() for word in name):
            continue
        if not all(map(_stands_for, letters[-size:], name)):
            continue
        if a_place_like_a_name(" ".join(name)):
            continue
        # «Thanh Hải (NTH)» is one name: «Hải» alone after a capitalised word is no given name.
        if (
            before
            and before[-1][0].isupper()
            and not _FORM_OF_ADDRESS.fullmatch(before[-1])
            and before[-1].casefold() != _SEIZE_WORD
        ):
            continue
        start = words.start(1) + starts[-size]
        if ends_before(_PLACE_KIND_BEFORE, text, start):
            continue  # «thành phố Vinh (TPV)»: a place's letters, not a person's
        if (
            a_given_name(name)
            or ends_before(_PERSON_BEFORE, text, start)
            or (name[0] not in _BODIES and ends_before(_SEIZED_BEFORE, text, start))
        ):
            return True
    return False


_DEFINED = re.compile(
    r"\s*+(?:(?i:(?:sau đây\s++)?(?:gọi|viết)\s++tắt(?:\s++là)?)\s*+:?\s*+)?"
    rf"([{CAPITAL_LETTERS}]{{2,8}})\s*+"
)
"""A bracket defining an abbreviation: its capitals (`TCTĐB`), or `gọi tắt là TCTĐB`."""
_FULL_FORM_BEFORE = re.compile(r"(?<!\w)((?:[^\W\d_]++\s++){1,7}[^\W\d_]++)\s*+$")
"""Up to eight words before a bracket: the full form an abbreviation's letters may stand for."""


def _full_form(text: str, inside: str, at: int) -> tuple[str, str] | None:
    """The letters a bracket's `inside` defines and the words before `at` they are the first
    letters of, tone marks aside, in any case (`Tổ công tác đặc biệt (TCTĐB)`); None when the
    bracket holds more, or the words before it are not what its letters stand for."""
    defined = _DEFINED.fullmatch(inside)
    if defined is None or defined[1] in KEEP_AS_WORD or defined[1] in SPELLED_ACRONYMS:
        return None
    letters = defined[1]
    words = ends_before(_FULL_FORM_BEFORE, text, at)
    if words is None:
        return None
    form = words[1].split()[-len(letters) :]
    if len(form) != len(letters) or not all(map(_stands_for, letters, form)):
        return None
    return letters, " ".join(form)


def _stands_for(letter: str, word: str) -> bool:
    """Whether an abbreviation's `letter` is `word`'s first, tone marks aside: a letter with a
    mark of its own (Ư, Â, Ô) only for a word opening with it (`ương` in `Trung ương (BCĐTƯ)`),
    one without for that letter marked or not (`Trung ương (TU)`, as `Ánh` is `A`)."""
    first = word[0].upper()
    return letter == without_tone_marks(first) or letter == _initials([first])


def _name_initialled(text: str, inside: str, at: int) -> str:
    """The words before a bracket whose initials `_initials_of_the_name_before` found in it."""
    letters = inside.strip().replace(".", "")
    words = ends_before(_CAPITALISED_WORDS_BEFORE, text, at)
    return " ".join(words[1].split()[-len(letters) :]) if words is not None else ""


def _without_repeats(
    text: str,
    lexicon: Mapping[str, str],
    keys: tuple[str, ...],
    defined: dict[str, str],
    own: dict[str, str] | None = None,
) -> str:
    """Drop a bracket holding only an abbreviation (with any words) that repeats the full form
    written just before it: `Ủy ban nhân dân (UBND) xã` is said once, not «Ủy ban nhân dân, Ủy
    ban nhân dân» (R15.1 would make it a second reading); so is one after the full form and a
    place's name (`Công an huyện Châu Thành (CAH)`), and one holding the full form of the
    abbreviation before it (`CAX (Công an xã)`; its place's name, if it has one, kept). A
    bracket that adds anything (another
    abbreviation, a number) matches no full form and is read as R15.1 says. Initials the
    lexicon reads otherwise (`Tân Phú (TP)`, TP «thành phố») go into `defined`, with the name;
    letters it does not know, defined by the words before them (`Tổ công tác đặc biệt
    (TCTĐB)`), into `own`, with those words (when given: else such a bracket is read)."""
    pattern = _lexicon_pattern(keys)  # once, not for each bracket: finding it hashes the keys

    def readings(inside: str) -> tuple[str, ...]:
        if inside in lexicon:
            return (lexicon[inside],)
        if inside in _CONTEXT_READINGS:
            return _CONTEXT_READINGS[inside]
        expanded = _replaced(inside, lexicon, pattern)
        return (expanded,) if expanded != inside else ()

    def initials(inside: str, at: int) -> bool:
        return _initials_of_the_name_before(text, inside, at) or _initials_after_the_given_name(
            text, inside, at, lexicon
        )

    def repeated(m: re.Match[str]) -> str:
        if initials(m[1], m.start()):
            letters = m[1].strip().replace(".", "")
            if letters in lexicon or letters in _CONTEXT_READINGS:
                defined.setdefault(letters, _name_initialled(text, m[1], m.start()))
            elif own is not None and (found := _full_form(text, m[1], m.start())) is not None:
                # A full name's initials define them as any words' letters do (`Nguyễn Văn Hải
                # (NVH)`, then `NVH khai nhận`): «NVƯ» was, «NVH» held where used again.
                own.setdefault(*found)
            return ""
        # «Hải (NVH, SN 1990)»: the initials go, what the bracket adds is read.
        first, comma, rest = m[1].partition(",")
        if comma and rest.strip() and initials(first, m.start()):
            return f"{m[0][: m.start(1) - m.start()]}{rest.lstrip()})"
        written = ends_before(_TOKEN_BEFORE, text, m.start())
        if written is not None and (expanded := readings(written[1])):
            # `CAX (Công an xã) Tân Phú`: the letters said, then what they stand for again.
            inside = _replaced(m[1], lexicon, pattern)
            for reading in expanded:
                if (named := _named_after(_folded_words(reading), inside)) is not None:
                    return " " + named if named else ""
        candidates = readings(m[1].strip())
        if not candidates:
            found = _full_form(text, m[1], m.start()) if own is not None else None
            if own is None or found is None:
                return m[0]
            own.setdefault(*found)
            return ""
        # The full form as written is at most about as long as read (`phòng cháy, chữa cháy`),
        # maybe with a place's name after it (`Công an huyện Châu Thành (CAH)`).
        start = max(0, m.start() - 2 * max(map(len, candidates)) - 16 - _PLACE_REACH)
        before = _WORD.findall(_replaced(text[start : m.start()], lexicon, pattern))
        if start:
            before = before[1:]  # the reach may cut its first word
        for reading in candidates:
            words = _folded_words(reading)
            for name in range(min(_PLACE_WORDS, len(before)) + 1):
                said = before[: len(before) - name]
                if name and not _in_a_place_name(before[-name]):
                    break  # a place's name is written with capitals, after its kind
                if words and _folded_words(" ".join(said[-len(words) :])) == words:
                    return ""
        return m[0]

    return _BRACKETED.sub(repeated, text)


_TOKEN_BEFORE = re.compile(r"(?<!\S)(\S++)$")
"""The word right before a bracket, which may be the abbreviation the bracket spells out."""
_PLACE_WORDS = 4
"""Up to so many words, capitalised or of a place's kind, name the place after a full form
(`Công an huyện Châu Thành (CAH)`, `Tòa án nhân dân huyện Châu Thành (TAND)`): the bracket still
says the full form again."""
_PLACE_REACH = 40
"""How much more text, in characters, a place's name after a full form may take."""


_KIND_WORDS = frozenset(word for kind in KINDS for word in kind.split())
"""The words of a place's kind («huyện», «thành phố»), in lower case before its name."""


def _in_a_place_name(word: str) -> bool:
    """Whether `word` may be part of a place's name as a bulletin writes it: a capitalised word,
    or a word of its kind (`huyện Châu Thành`, `thành phố Cao Lãnh`)."""
    return word[0].isupper() or word in _KIND_WORDS


def _named_after(reading: list[str], inside: str) -> str | None:
    """What a bracket after an abbreviation says besides its `reading` (folded words): "" when
    it says that alone, a place's capitalised name when that follows it (`CAH (Công an huyện
    Châu Thành)`), as the bracket writes it (`Tân Phú, Châu Thành`: its comma a pause) but for
    a stop after it, which would end the sentence; None when it says anything else."""
    words = list(_WORD.finditer(inside))
    head, rest = words[: len(reading)], words[len(reading) :]
    said = " ".join(word[0] for word in head)
    if not reading or _folded_words(said) != reading or len(rest) > _PLACE_WORDS:
        return None
    if not all(_in_a_place_name(word[0]) for word in rest):
        return None
    return inside[rest[0].start() : rest[-1].end()] if rest else ""


def expand_abbreviations(text: str, ctx: Context) -> str:
    """Pass P7: dictionary and context abbreviations; hyphens inside codes become spaces."""
    lexicon = ctx.abbreviations
    searches = ctx.memo("lexicon searches", lambda: _lexicon_searches(lexicon))
    if "(" in text:
        known = len(ctx.initials)
        text = _without_repeats(text, lexicon, searches.keys, ctx.initials, ctx.defined)
        if len(ctx.initials) > known:  # new initials: «Công an xã TP» may have come before
            written = dict(list(ctx.initials.items())[known:])
            for earlier, lines in ctx.capitals_read:
                _initials_used_again(earlier, written, ctx, lines)
        _lone_letters_told(text, ctx)
    if ctx.defined and _TWO_CAPITALS.search(text):
        # Its own abbreviation, used after the bracket defining it (`TCTĐB đã bắt giữ …`), is
        # its full form: the reader cannot say «TCTĐB», R14.6 held it.
        text = _replaced(text, ctx.defined, _lexicon_pattern(tuple(sorted(ctx.defined))))
    if ctx.initials:
        _initials_used_again(text, ctx.initials, ctx)
    if _TWO_CAPITALS.search(text):
        ctx.capitals_read.append((text, ctx.lines))
    if "Đ/C" in text and _COMRADE_OR_ADDRESS.search(text):
        _unresolved(ctx, "Đ/C", "đồng chí hay địa chỉ")
    text = _etc(text)
    if _FILE_TYPE_HINT.search(text):
        text = _FILE_TYPE.sub(lambda m: m[1].upper(), text)
    text = _place_prefixes(text, ctx)
    # After the prefixes, which keep a name's initial.
    text = read_titles_before_names(text, searches.own)
    if "-" in text:
        text = _replaced(text, lexicon, searches.hyphenated)
        # R12.5: `CSGT-TT`, `A-B`; before the context words, whose expansions end the code
        text = _CODE_HYPHEN.sub(" ", text)
    text = _context_abbreviations(text, ctx)
    # Written in capitals, a known mixed-case word is still that word (VNEID is VNeID).
    text = _replaced(text, searches.spellings, searches.spelled)
    return _replaced(text, lexicon, searches.plain)


_COMRADE_OR_ADDRESS = re.compile(r"(?<![\w/])Đ/C(?![\w/])")
"""`Đ/C` in capitals: «đồng chí» (`Đ/c`, R14.4) or «địa chỉ» (`Đ/C: thôn 3`), which no rule
can tell apart; it was read «Đ C» with no word to the editor."""


class _Searches(NamedTuple):
    """What `expand_abbreviations` derives from a lexicon, found once per bulletin (one memo:
    looking up several cost each paragraph)."""

    keys: tuple[str, ...]
    """The hyphenated keys, then the plain ones (`_lexicon_keys`)."""
    own: frozenset[str]
    """The titles the lexicon reads its own way (`own_titles`)."""
    hyphenated: re.Pattern[str] | None
    spellings: Mapping[str, str]
    """All-caps spellings of the lexicon's mixed-case words, with the word (`caps_spellings`)."""
    spelled: re.Pattern[str] | None
    plain: re.Pattern[str] | None


def _lexicon_searches(lexicon: Mapping[str, str]) -> _Searches:
    """`lexicon`'s keys and own titles, the patterns of its hyphenated and plain keys and of its
    words' all-caps spellings."""
    keys = frozenset(lexicon)
    hyphenated, plain = _lexicon_keys(keys)
    spellings = caps_spellings(keys)[0]
    return _Searches(
        hyphenated + plain,
        own_titles(lexicon, _seed_mapping()),
        _lexicon_pattern(hyphenated),
        spellings,
        _lexicon_pattern(tuple(sorted(spellings))),
        _lexicon_pattern(plain),
    )


_LONE_LETTER = re.compile(r"(?<=[^\W\d_])\s*+\(\s*+([A-ZĐ])\.?\s*+\)")
"""One capital letter alone in brackets after a word (`xã Tân Phú (H)`): read «, H,»."""


def _lone_letters_told(text: str, ctx: Context) -> None:
    """Tell the editor of a capital letter alone in brackets: an abbreviation (`(H)` for
    «huyện»?) the reader can only spell. R14.6 holds unknown capitals of two letters or more;
    one letter is read as written (a house's, a road's letter), so this only warns."""
    for m in _LONE_LETTER.finditer(text):
        letter = m[1]
        if letter in ctx.abbreviations:
            continue
        ctx.flag(
            "R14.6",
            WARNING,
            f"Chữ «{letter}» đứng một mình trong ngoặc được đọc như viết («…, {letter}, …»): "
            "người đọc chỉ đọc được tên chữ cái. Cách sửa: nếu là chữ viết tắt, viết đầy đủ "
            f"trong bản tin; nếu không cần, bỏ ngoặc. Không nên thêm «{letter}» vào "
            f"{ctx.lexicon_file}: cách đọc ghi ở đó thay cho mọi chữ «{letter}» đứng riêng (như "
            f"«Nguyễn Văn {letter}»).",
            f"({letter})",
        )


_PLACE_AFTER = re.compile(r"\.?\s*+[A-ZĐ]")
"""After `TP`: a place's name (`TP. Hồ Chí Minh`, `TP Vinh`), where the prefix is meant (R14.3)."""


_TWO_CAPITALS = re.compile(f"[{CAPITAL_LETTERS}][{CAPITAL_LETTERS}]")
"""What initials used alone need (`TP`): a text without it cannot have used any. Not `[A-ZĐ]{2}`,
which gives `re` no first character to skip to."""


def _initials_used_again(
    text: str,
    defined: dict[str, str],
    ctx: Context,
    lines: tuple[tuple[int, str], ...] | None = None,
) -> None:
    """Block a bulletin using again, alone, initials it wrote in brackets after a name that
    the lexicon reads otherwise (R14.5): after «xã Tân Phú (TP)», or before it, «Công an xã TP»
    would be read «Công an xã thành phố». `lines` are those of an earlier paragraph's `text`."""
    for letters, name in defined.items():
        for m in re.finditer(rf"(?<![\w.]){re.escape(letters)}(?!\w)", text):
            if _PLACE_AFTER.match(text, m.end()):
                continue
            reading = _CONTEXT_READINGS.get(letters, (ctx.abbreviations.get(letters, ""),))
            ctx.flag(
                "R14.5",
                BLOCKING,
                f"«{letters}» có hai nghĩa trong bản tin: viết trong ngoặc sau «{name}» là chữ "
                f"viết tắt của tên ấy, nhưng từ điển đọc «{letters}» là «{reading[0]}», nên ở "
                f"chỗ khác nó được đọc «{reading[0]}». Cách sửa: viết đầy đủ «{name}» ở mọi chỗ.",
                letters,
                ctx.line_of(letters, lines),
            )
            break
