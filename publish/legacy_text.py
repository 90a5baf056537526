"""Text that is valid UTF-8 and still garbage: Vietnamese typed in an old code page, or UTF-8
decoded twice, as it looks once pasted from an old Word document, Excel or a web page.

Three forms come up, each Vietnamese read as Windows-1252:

- TCVN3 (ABC, fonts .VnTime): «C«ng an huyÖn Ch©u Thµnh» (one byte a letter);
- VNI (VNI-Times): «Coâng an huyeän Chaâu Thaønh» (a letter, then its marks as a second byte);
- UTF-8 decoded a second time: «CÃ´ng an huyá»‡n» (two or three characters a letter).

Telling them from real text: a cheap search first (SUSPECT: characters Vietnamese never uses,
or vowel pairs only VNI writes), which fails fast on nearly every bulletin; then, line by line,
words are decoded and kept only when the result is a Vietnamese syllable, so that «», ©, ×, µm,
Müller, José or French text are not taken for garbage.

The decode tables come from public references, not guesswork: TCVN3 is the ABC (VN3) part of
TCVN 5712:1993 as in glibc's TCVN5712-1 charmap, checked against UniKey's converter table
(vnconv data.cpp); VNI is VNI-Windows as in UniKey and the vietnamese-conversion package.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "SOURCES",
    "Garbled",
    "find_garbled",
    "from_tcvn3",
    "from_utf8_twice",
    "from_vni",
    "message",
    "unikey_hint",
]

SOURCES = {
    "tcvn3": "gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) rồi dán sang",
    "vni": "gõ bằng bảng mã VNI (phông VNI-Times) rồi dán sang",
    "utf8": "chữ Unicode bị đọc sai bảng mã (UTF-8 đọc thành Windows-1252), thường do chép từ "
    "tệp CSV/Excel, email hay trang web mở sai bảng mã",
}
"""Where each form of garbage likely comes from, in words an editor knows."""
UNIKEY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI Windows", "utf8": "UTF-8 Literal"}
"""The source code page to choose in UniKey's converter for each form."""

# TCVN3 byte (as its Windows-1252 character) → letter: lower case, then the seven capitals ABC
# fonts hold (other capitals come from the .VnTimeH fonts, which reuse the lower-case bytes).
_TCVN3_PAIRS = (
    "¸á µà ¶ả ·ã ¹ạ ©â Êấ Çầ Èẩ Éẫ Ëậ ¨ă ¾ắ »ằ ¼ẳ ½ẵ Æặ Ðé Ìè Îẻ Ïẽ Ñẹ ªê Õế Òề Óể Ôễ Öệ "
    "Ýí ×ì Øỉ Üĩ Þị ãó ßò áỏ âõ äọ «ô èố åồ æổ çỗ éộ ¬ơ íớ êờ ëở ìỡ îợ óú ïù ñủ òũ ôụ \xadư "
    "øứ õừ öử ÷ữ ùự ýý úỳ ûỷ üỹ þỵ ®đ ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¡Ă"
)
TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}
"""Each TCVN3 (ABC) byte, as Windows-1252 shows it, and the letter it stands for."""

_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip


def _vni_marks() -> dict[tuple[str, str], str]:
    """(letter, VNI mark byte) → the marked letter, upper and lower case."""
    pairs = {}
    for base in "aeouyơư":
        for mark, byte in _TONES.items():
            pairs[base, byte] = base + mark
    for base in "aeo":
        for tone, byte in _CIRCUMFLEX.items():
            pairs[base, byte] = base + "\u0302" + tone
    for tone, byte in _BREVE.items():
        pairs["a", byte] = "a\u0306" + tone
    both = {}
    for (base, byte), letter in pairs.items():
        both[base, byte] = unicodedata.normalize("NFC", letter)
        both[base.upper(), byte.upper()] = unicodedata.normalize("NFC", letter.upper())
    return both


VNI_MARKS = _vni_marks()
VNI_SINGLE = {**_VNI_SINGLE, **{k.upper(): v.upper() for k, v in _VNI_SINGLE.items()}}

SUSPECT = re.compile(
    "[\\x80-\\x9f\\xa1-\\xbf\\xc4-\\xc7\\xcb\\xce-\\xd1\\xd6-\\xd8\\xdb\\xdc\\xde\\xdf"
    "\\xe4-\\xe7\\xeb\\xee-\\xf1\\xf6-\\xf8\\xfb\\xfc\\xfe\\xffâÂêÊ]"
    "(?<![^aeoAEO][âÂ])(?<![^aA][êÊ])(?<!^[âÂêÊ])"
)
"""What no Vietnamese text typed in Unicode holds but garbled text almost always does: Latin-1
characters that are no Vietnamese letter (ä, «, µ, ©…), and vowel pairs only VNI writes (the
â of «Coâng», the ê of «aê»). One character class, then a look back only at â and ê: written
as two alternatives, the search was 3 times slower (it could not skip ahead to a candidate)."""
VNI_PAIR = re.compile("[aeoAEO][âÂ]|[aA][êÊ]")

_CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CP1252_BYTES = b"\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8e\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9e\x9f"
BYTE_OF = {chr(b): b for b in range(0x80, 0x100)} | dict(
    zip(_CP1252_EXTRA, _CP1252_BYTES, strict=True)
)
"""The byte each character stood for when UTF-8 was read as Windows-1252 (or as Latin-1, whose
C1 controls stand for the bytes Windows-1252 leaves undefined)."""
_TRAIL = "\x80-\xbf" + _CP1252_EXTRA
UTF8_TWICE = re.compile(f"[\xc2-\xdf][{_TRAIL}]|[\xe0-\xef][{_TRAIL}]{{2}}")
"""A UTF-8 sequence of two or three bytes, as Windows-1252 shows it."""

_VN_ONLY = re.compile("[ăâđêôơưĩũĂÂĐÊÔƠƯĨŨ\u1ea0-\u1ef9]")
_BEYOND_CP1252 = re.compile("[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9]")
"""Vietnamese letters Windows-1252 has no byte for: a line holding one was typed in Unicode."""
_QUOTED = re.compile(r"(?<!\w)«([^«»]*)»(?!\w)")
_TONE_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_NUCLEUS = (
    "iêu|oai|oay|oao|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|yêu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    "[aăâeêioôơuưy]"
)
SYLLABLE = re.compile(f"(?:{_ONSET})?(?:{_NUCLEUS})(?:ch|ng|nh|[cmnpt])?")
"""A Vietnamese syllable without its tone mark (lower case)."""
_STOP_CODA = re.compile("(?:c|ch|p|t)$")
_STOP_TONES = frozenset("\u0301\u0323")
"""The only tones (sắc, nặng) a syllable ending in c, ch, p or t takes: French «coût», «août»
read as VNI («cỏt», «aỏt») are no syllables."""
_WORD = re.compile(
    "(?:[^\\W\\d_]|[" + re.escape("".join(c for c in sorted(TCVN3) if not c.isalpha())) + "])+"
)
"""A word: letters, and the TCVN3 bytes that Windows-1252 shows as signs («, ¸, ­…)."""
_TCVN3_ONLY = re.compile("[A-Za-z" + "".join(sorted(TCVN3)) + "]+")
_VNI_ONLY = re.compile("[A-Za-z\xc0-\xff]+")
_TCVN3_MARKS = frozenset(c for c in TCVN3 if not _VN_ONLY.match(c) and c not in "àáâãèéêìíòóôõùúý")
_VNI_MARK_CHARS = frozenset("øïûöñæîäåëüØÏÛÖÑÆÎÄÅËÜ")
WESTERN_LETTERS = frozenset("äëïöüÿâêîôûàèìòùáéíóúýãõñçåæøœß" + "ÄËÏÖÜŸÂÊÎÔÛÀÈÌÒÙÁÉÍÓÚÝÃÕÑÇÅÆØŒ")
"""Letters with marks that French, German, Spanish, Nordic… names are spelt with: one of them
in a word is no sign of TCVN3 or VNI on its own (µ, «, ©, ¸ are no letters of a name)."""
EXCERPT = 60
"""Characters of a garbled line shown in a message."""


@dataclass(frozen=True, slots=True)
class Garbled:
    """One line of garbled text: where, what it likely was, and what it says converted."""

    line: int
    """1-based, in the text given to find_garbled."""
    source: str
    """A key of SOURCES."""
    excerpt: str
    converted: str | None
    """The excerpt converted to Unicode, when every garbled word in it converted to Vietnamese."""


def find_garbled(text: str) -> list[Garbled]:
    """Each line of `text` that holds Vietnamese in an old code page or UTF-8 decoded twice."""
    if not SUSPECT.search(text):
        return []
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if SUSPECT.search(line) and (garbled := _garbled_line(line)) is not None:
            source, start = garbled
            excerpt = _excerpt(line, start)
            converted = _convert(excerpt, source)
            found.append(Garbled(number, source, excerpt, converted))
    return found


def message(first: Garbled, more: int = 0, others: Sequence[Garbled] = ()) -> str:
    """The error for one text holding garbled lines: the first shown, the `more` others counted,
    and the first of `others` garbled another way shown with its own source."""
    counted = f" (và {more} dòng khác)" if more else ""
    said = f"chữ tiếng Việt sai bảng mã{counted}: «{first.excerpt}» — có lẽ {SOURCES[first.source]}"
    for other in _other_sources(first, others):
        said += f"; «{other.excerpt}» — có lẽ {SOURCES[other.source]}"
    return said


def unikey_hint(garbled: Garbled, others: Sequence[Garbled] = ()) -> str:
    """How to convert a garbled text with UniKey, and what it says once converted; the lines
    of `others` garbled another way are converted apart, each with its own source."""
    hint = (
        "Chuyển mã bằng UniKey: bấm chuột phải vào biểu tượng UniKey, chọn «Công cụ… "
        "[CS+F6]» (công cụ chuyển mã, hay bấm Ctrl+Shift+F6); Nguồn: "
        f"{UNIKEY_NAMES[garbled.source]}, "
        "Đích: Unicode. Chép đoạn chữ lỗi, bấm «Chuyển mã», rồi dán đè lên đoạn cũ."
    )
    if garbled.converted is None:
        hint += " Đọc lại đoạn đã chuyển trước khi lưu."
    else:
        hint += f" Chuyển xong, đoạn trên thành: «{garbled.converted}»."
    for other in _other_sources(garbled, others):
        # One source for all would garble the other lines further: each is converted apart.
        hint += (
            f" Các dòng {SHORT_NAMES[other.source]} (như «{other.excerpt}») chuyển riêng, với "
            f"Nguồn: {UNIKEY_NAMES[other.source]}"
        )
        hint += "." if other.converted is None else f": thành «{other.converted}»."
    return hint


SHORT_NAMES = {"tcvn3": "gõ bằng TCVN3", "vni": "gõ bằng VNI", "utf8": "bị đọc sai UTF-8"}
"""Each form of garbage in a few words, for a text holding two of them."""


def _other_sources(first: Garbled, others: Sequence[Garbled]) -> list[Garbled]:
    """The first of `others` for each source other than `first`'s, in the order found."""
    seen = {first.source}
    found = []
    for other in others:
        if other.source not in seen:
            seen.add(other.source)
            found.append(other)
    return found


def _garbled_line(line: str) -> tuple[str, int] | None:
    """The likely source of a garbled line and where its first garbled word starts, or None.

    A TCVN3 or VNI guess needs a word with a sign of it (C«ng, Coâng) that reads as Vietnamese,
    and more: a second such word; or, inside the word, a sign no Western name is spelt with
    (C«ng, ®ång, Coâng; not µm, and not Loïc, a French name that reads as VNI «Lọc»); or the
    sign after a letter (tæ, Loïc; not µm) and another word that reads as Vietnamese only once
    decoded (quèc, quoác; not Ông, whose «Ơng» is a letter for a letter). That last one is not sought in a line holding
    a letter Windows-1252 cannot show (ư, ạ), which garbled text cannot hold: its words were
    typed right.
    """
    twice = [m for m in UTF8_TWICE.finditer(line) if _utf8_letter(m.group(), line, m.end())]
    if twice:
        return "utf8", twice[0].start()
    typed_right = _BEYOND_CP1252.search(line) is not None
    # «…» around words are quotes: in TCVN3, « and » (ô, ằ) sit inside words (C«ng, b»ng).
    line = _QUOTED.sub(lambda m: " " + m.group(1) + " ", line)
    best: tuple[int, str, int] | None = None
    for source, only, marked, decode in (
        ("tcvn3", _TCVN3_ONLY, _tcvn3_marked, from_tcvn3),
        ("vni", _VNI_ONLY, _vni_marked, from_vni),
    ):
        signed: dict[str, int] = {}
        read = set()
        inner = strong = after = False
        bad = 0
        for m in _WORD.finditer(line):
            word = m.group()
            if not only.fullmatch(word) or not _has_ascii_letter(word):
                continue
            decoded = decode(word).lower()
            if not marked(word):
                if (
                    not typed_right
                    and decoded != word.lower()
                    and is_syllable(decoded)
                    and _vni_evidence(word, source)
                ):
                    read.add(decoded)
                continue
            if not is_syllable(decoded):
                bad += 1
                continue
            signed.setdefault(decoded, m.start())
            if len(word) > 2 and marked(word[:-1]):
                inner = True
                strong |= not _western(word)
            after |= marked(word[1:])
        if len(signed) >= 2 or (signed and ((strong and not bad) or ((inner or after) and read))):
            first = min(signed.values())
            if best is None or len(signed) > best[0]:
                best = (len(signed), source, first)
    return None if best is None else (best[1], best[2])


def _western(word: str) -> bool:
    """Whether the signs of `word` are all letters Western names are spelt with (Loïc, Zoë,
    Müller, Noël, Søren), and hold no vowel pair only VNI writes (oâ)."""
    signs = (c for c in word if c in _TCVN3_MARKS or c in _VNI_MARK_CHARS)
    return all(c in WESTERN_LETTERS for c in signs) and VNI_PAIR.search(word) is None


def _vni_evidence(word: str, source: str) -> bool:
    """Whether unmarked `word` changing under `source` tells of it: in VNI, only when a letter
    takes a mark byte (baùo); a letter for a letter (Ông → Ơng, có → cĩ) is how Vietnamese
    typed right reads too."""
    return source != "vni" or any((a, b) in VNI_MARKS for a, b in itertools.pairwise(word))


def _utf8_letter(chars: str, line: str, end: int) -> bool:
    """Whether `chars` are the UTF-8 of a letter, inside a word (a letter follows)."""
    try:
        letter = bytes(BYTE_OF[c] for c in chars).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return False
    return letter.isalpha() and end < len(line) and line[end].isalpha()


def _has_ascii_letter(word: str) -> bool:
    """Whether `word` holds a letter a-z (a garbled word of vowels alone is too short to tell)."""
    return any("a" <= c <= "z" or "A" <= c <= "Z" for c in word)


def _tcvn3_marked(word: str) -> bool:
    """Whether `word` holds a TCVN3 byte that is no Vietnamese letter in Unicode."""
    return any(c in _TCVN3_MARKS for c in word)


def _vni_marked(word: str) -> bool:
    """Whether `word` holds a VNI mark byte that is no Vietnamese letter, or a VNI pair (oâ)."""
    return any(c in _VNI_MARK_CHARS for c in word) or VNI_PAIR.search(word) is not None


def is_syllable(word: str) -> bool:
    """Whether lower-case `word` is one Vietnamese syllable (at most one tone mark)."""
    tones = _TONE_MARKS.findall(unicodedata.normalize("NFD", word))
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", _TONE_MARKS.sub("", unicodedata.normalize("NFD", word)))
    if _STOP_CODA.search(bare) and not _STOP_TONES.issuperset(tones or [""]):
        return False
    return SYLLABLE.fullmatch(bare) is not None


def from_tcvn3(text: str) -> str:
    """`text` read as TCVN3 (ABC): each of its bytes, shown as Windows-1252, made the letter."""
    return "".join(TCVN3.get(c, c) for c in text)


def from_vni(text: str) -> str:
    """`text` read as VNI Windows: letters and their mark bytes made marked letters."""
    out: list[str] = []
    for c in text:
        if out and (marked := VNI_MARKS.get((out[-1], c))) is not None:
            out[-1] = marked
        else:
            out.append(VNI_SINGLE.get(c, c))
    return "".join(out)


def from_utf8_twice(text: str) -> str:
    """`text` with each UTF-8 sequence shown as Windows-1252 decoded (others left as they are)."""

    def letter(m: re.Match[str]) -> str:
        try:
            return bytes(BYTE_OF[c] for c in m.group()).decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return m.group()

    return UTF8_TWICE.sub(letter, text)


def _excerpt(line: str, start: int) -> str:
    """Up to EXCERPT characters of `line` from the start of the word at `start`."""
    begin = 0 if start < EXCERPT // 2 else line.find(" ", start - EXCERPT // 3, start) + 1
    piece = line[begin : begin + EXCERPT]
    if begin + EXCERPT < len(line):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return piece.strip()


def _convert(excerpt: str, source: str) -> str | None:
    """`excerpt` converted from `source`, or None when a garbled word in it did not convert to
    Vietnamese (the conversion is not certain: the editor converts and checks it) or nothing in
    it converted."""
    if source == "utf8":
        converted = unicodedata.normalize("NFC", from_utf8_twice(excerpt))
        return None if SUSPECT.search(converted) or converted == excerpt else converted
    only, decode = (_TCVN3_ONLY, from_tcvn3) if source == "tcvn3" else (_VNI_ONLY, from_vni)
    changed: list[tuple[str, str]] = []

    def word(m: re.Match[str]) -> str:
        new = decode(m.group()) if only.fullmatch(m.group()) else m.group()
        changed.append((m.group(), new))
        return new

    # «…» around words are quotes, as _garbled_line reads them: taken into the word, «Coâng»
    # matched no code page and the "converted" excerpt came out unchanged.
    pieces, at = [], 0
    for m in _QUOTED.finditer(excerpt):
        pieces += [_WORD.sub(word, excerpt[at : m.start()]), "«", _WORD.sub(word, m[1]), "»"]
        at = m.end()
    pieces.append(_WORD.sub(word, excerpt[at:]))
    if any(new != old and not is_syllable(new.lower()) for old, new in changed):
        return None
    converted = unicodedata.normalize("NFC", "".join(pieces))
    return None if converted == excerpt else converted  # nothing converted: nothing to show
