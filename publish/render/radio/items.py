"""One bulletin as a read item (spec §2.2): its radio block, slug, spoken text, read time and flags."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import pickle
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from publish.cache import digest
from publish.config import Config
from publish.config_files import missing_abbreviations
from publish.config_reads import reads_digest
from publish.date_fixes import fix_or_example
from publish.errors import Problem
from publish.fields import kind, parse_datetime, typed_number, unlikely_year
from publish.frontmatter import Parsed, parse_file
from publish.held_link_words import neutral_link_words
from publish.model import Bulletin
from publish.packing import pack_bytes, unpack_bytes
from publish.pii_phones import unit_phone_numbers
from publish.radio.abbreviations import load_abbreviations, read_unit_file
from publish.radio.flags import BLOCKING, Flag
from publish.radio.markdown import byline
from publish.radio.normalise import normalise
from publish.radio.options import SpeakOptions, site_hosts
from publish.radio.place_kinds import site_places
from publish.radio.readtime import count_syllables, simple_seconds
from publish.render.radio.contact import contact_text
from publish.render.radio.told_numbers import with_told_numbers
from publish.render.radio_station import SLUG_MAX, air_at, next_air
from publish.shortcodes import blanked_out
from publish.text import fold, nfc, quoted

__all__ = [
    "BLOCK_KEYS",
    "DURATION_MODES",
    "ITEM_TYPES",
    "LEAD_IN_LABEL",
    "MAX_ITEM_SECONDS",
    "SLUG_MAX",
    "TAG_LABEL",
    "RadioBlock",
    "Segment",
    "Speaker",
    "air_at",
    "contact_read",
    "cue_length",
    "feedback_categories",
    "forget_spoken",
    "front_matter_read",
    "is_cue",
    "make_slug",
    "next_air",
    "pack",
    "project_places",
    "radio_block",
    "read_block",
    "restored",
    "retimed",
    "slug_forms",
    "spoken_parts",
    "stored",
    "with_contact",
]

ITEM_TYPES = {"tin": "Tin", "bai": "Bài"}
"""S3: the types a bulletin item may have (folded spelling → label)."""
BLOCK_KEYS = {
    "air_date": "ngày phát (giờ phát lấy từ [radio] air_time), ví dụ 2020-12-12",
    "lead_in": "lời dẫn của biên tập viên phát thanh (1–2 câu)",
    "tag": "lời kết tin",
    "reader": "người đọc",
    "slug": "tên ngắn của tin (chữ in hoa không dấu, tối đa 24 ký tự)",
    "type": "loại: Tin hoặc Bài",
    "floatable": "true nếu có thể bỏ khi chương trình quá giờ",
    "read_title": "true để đọc tiêu đề trước nội dung",
    "order": "thứ tự trong tập (số nhỏ đọc trước; mặc định 100)",
    "duration": 'thời lượng đặt tay, dạng phút:giây (ví dụ "1:30"), thay cho thời lượng ước tính',
    "aired": "thời lượng thực tế đo được sau khi phát, dạng phút:giây; dùng làm thời lượng của tin "
    "và để hiệu chỉnh tốc độ đọc của người đọc",
}
"""Keys a bulletin's `radio:` front matter block may hold, and what each means."""
LEAD_IN_LABEL = "LỜI DẪN: "
TAG_LABEL = "LỜI KẾT TIN: "
"""S4: what the script writes before the lead-in and the tag (never read, never counted)."""
_CUE = re.compile(r"\[[^\[\]]*\]")
_CUE_LENGTH = re.compile(r"(\d+):([0-5]\d)\s*\]$")
_SLUG_STOPWORD_TEXT = (
    "và của các những khi cho với trong tại về dịp là để ở từ đến theo một này đó "
    "được bị đã đang sẽ cũng như hay hoặc thì mà nếu qua"
)
_SLUG_STOPWORDS = frozenset(_SLUG_STOPWORD_TEXT.split())
"""Function words left out of generated slugs, with their marks: folded, "đang" would also
drop "đăng" (register), "từ" would drop "tù" (prison)."""


@dataclass(frozen=True, slots=True)
class RadioBlock:
    """A bulletin's validated `radio:` settings."""

    air_date: dt.date | None = None
    lead_in: str = ""
    tag: str = ""
    reader: str = ""
    slug: str = ""
    type: str = "Tin"
    floatable: bool = False
    read_title: bool = False
    order: int = 100
    duration: int | None = None
    """E1: seconds the editor set by hand (overrides the estimate and the cues)."""
    aired: int | None = None
    """T3: the real seconds the item took on air (its duration, and a reading of its reader)."""


MAX_ITEM_SECONDS = 3600
"""Longest duration an item may be given by hand (one hour: longer is a typo)."""

DURATION_MODES = ("estimated", "fixed", "manual", "aired")
"""Where an item's duration comes from: read time (T2), a music cue's length, set by hand (E1),
or measured on air (T3) (spec §3.1 duration_mode)."""


def pack(paragraphs: Iterable[str]) -> bytes:
    """Paragraphs as one compressed blob (see Segment.packed)."""
    return pack_bytes(pickle.dumps(tuple(paragraphs), protocol=pickle.HIGHEST_PROTOCOL))


def _unpack(packed: bytes) -> tuple[str, ...]:
    """The paragraphs `pack` was given."""
    paragraphs: tuple[str, ...] = pickle.loads(unpack_bytes(packed))
    return paragraphs


_NOTHING_READ = pack(())


def spoken_parts(lead_in: str, paragraphs: Iterable[str], tag: str) -> str:
    """An item's lead-in, paragraphs and tag as read aloud, blank lines between them."""
    return "\n\n".join(p for p in (lead_in, *paragraphs, tag) if p)


@dataclass(frozen=True, slots=True)
class Segment:
    """One row of an episode: a read item (spoken text) or a fixed cue (music)."""

    kind: str
    """"read" or "fixed"."""
    slug: str
    label: str
    """S3 type: Tin, Bài, Lời dẫn, Nhạc hiệu, Nhạc cắt."""
    seconds: int
    """E1 duration: read time rounded up, or the fixed length."""
    syllables: int = 0
    reader: str = ""
    lead_in: str = ""
    packed: bytes = _NOTHING_READ
    """The paragraphs read aloud, as `pack` gives them: every item of a site is held from the
    check to the end of the build, and as str they took ~90 MB at 10,000 bulletins (~15 MB so)."""
    tag: str = ""
    cue: str = ""
    """Fixed items: the cue text, in capitals."""
    floatable: bool = False
    order: int = 100
    bulletin: Bulletin | None = None
    air: dt.datetime | None = None
    """Bulletin items: when the item is planned to air."""
    flags: tuple[Flag, ...] = ()
    """Non-blocking editor flags, with lines in the source file."""
    mode: str = "estimated"
    """One of DURATION_MODES."""
    rate: int = 0
    """Read items timed from their text: the read rate used (syllables a minute)."""
    cue_seconds: int = 0
    """Read items: the stated lengths of the cues inside them (S5), part of `seconds`."""
    byline: str = ""
    """Bulletin items: the byline that ended the body ("Tin: Thu Trang"), shown, never read."""
    numbered: str = ""
    """Bulletin items: the slug with the number of the title its limit cut off (`slug_forms`),
    given only when another item of the episode has the same slug ("" when none was cut)."""
    before_air: dt.datetime | None = None
    """On-air correction items made before the broadcast they correct, yet owed
    (on_air_corrections.OnAir.before): that broadcast, on the item's rundown.json row
    (correction_text.BEFORE_AIR) for the sync's plan to tell why the item is read."""

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The paragraphs read aloud, in order (cue lines among them)."""
        return _unpack(self.packed)

    @property
    def spoken(self) -> str:
        """Everything read aloud, paragraph by paragraph (what read time counts)."""
        return spoken_parts(self.lead_in, self.paragraphs, self.tag)


def project_places(config: Config) -> tuple[str, ...]:
    """The places site.toml names: [unit] name and area, [contact] address, and each post's
    name and address ([[contact.stations]]: «Công an xã Tân Phú», «thị trấn Cái Tàu Hạ»)."""
    stations = config.contact.stations
    return site_places(
        config.unit.name,
        config.unit.area,
        config.contact.address,
        *(station.name for station in stations),
        *(station.address for station in stations),
    )


ITEM_READS = (
    "base_url",
    "contact.address",
    "contact.emergency",
    "contact.fax",
    "contact.hotline",
    "contact.hours",
    "contact.officer",
    "contact.secrecy",
    "contact.stations",
    "radio.abbreviations",
    "radio.contact",
    "radio.feedback_categories",
    "radio.rate_spm",
    "radio.reader",
    "radio.url_spoken",
    "site.old_base_urls",
    "tz",
    "unit.area",
    "unit.name",
    "zalo.footer",
)
"""Every site.toml value a read item is made from (Speaker, read_block, the default reader):
the item shelf is kept under these alone (publish.config_reads), so that a category label or
[web] per_page changed does not read every bulletin aloud again. A test runs them on a Config
that notes what is read, and fails on a value missing here."""
ITEM_LOCATES = ("root",)
"""Read to find files whose bytes are in the item's version themselves (the abbreviation file,
as the lexicon; a bulletin's front matter, as its radio block): a project moved elsewhere keeps
its items."""


HeldLinks = tuple[tuple[str, str], ...]
"""(href, the address its file will have) of each link of a body to a file the website has no
page of now (links.held_address), and of each such page's address the body types as text in a
document symbol's shape («/2020/12/TB-CONG-AN-XA», codes.dated_symbols): after «Số:» it is then
no document number left blank."""


class Speaker:
    """The read-aloud normaliser configured for one site: options, lexicon, read rate."""

    def __init__(self, config: Config) -> None:
        self.rate = config.radio.rate_spm
        self.tz = config.tz
        self.options = SpeakOptions(
            read_rate_spm=config.radio.rate_spm,
            url_spoken=config.radio.url_spoken,
            unit_name=config.unit.name,
            places=project_places(config),
            lexicon_file=config.radio.abbreviations,
            site_hosts=site_hosts((config.base_url, *config.site.old_base_urls)),
            unit_numbers=tuple(sorted(unit_phone_numbers(config))),
        )
        path = config.root / config.radio.abbreviations if config.radio.abbreviations else None
        self.lexicon = tuple(sorted(load_abbreviations(path).items()))
        self.contact, self.contact_stoppers = contact_read(config, self.options, self.lexicon)
        """The contact line as read aloud, "" when [radio] contact is off or it cannot be read;
        what keeps it off the air (told by the episode frame)."""
        self._feedback = feedback_categories(config, self.contact)
        """The categories whose items end with the contact line."""
        self._made_of = digest(
            reads_digest(config, ITEM_READS),
            self.options,
            _lexicon_digest(self.lexicon),
            *((self.contact, *sorted(self._feedback)) if self._feedback else ()),
        )
        """What every item depends on besides its bulletin: the site.toml values it reads
        (ITEM_READS), reading options, lexicon, and the contact line its category may end with.
        The item shelf is narrow (not under the cache's salt of site.toml's bytes, which is
        read when the cache opens, after the settings were loaded anyway): its keys hold the
        tool's fingerprint (`tool_salt`), so the versions need not hash it again."""

    def version(
        self, bulletin: Bulletin, block: RadioBlock, *, reader: str, held: HeldLinks = ()
    ) -> str:
        """A digest of everything `item()` is made from, to keep finished items under: the
        bulletin's fields it reads as they are, not its file's digest (Bulletin.made_of), which
        stands for them only together with site.toml (a loader reading it, e.g. the timezone).
        The body as packed: the same bytes unpack to the same body, and hashing them costs
        ~1 µs a bulletin, unpacking it ~10. `held`: see item."""
        return digest(
            *held,
            self._made_of,
            bulletin.packed_body,
            bulletin.body_line,
            bulletin.title,
            bulletin.author,
            bulletin.category,
            block,
            reader,
            self.near(bulletin).isoformat(),
        )

    def near(self, bulletin: Bulletin) -> dt.date:
        """The bulletin's day, in the site timezone: the year of a date written without one
        next to a day of the week (publish.weekday_dates)."""
        return bulletin.date.astimezone(self.tz).date()

    def speak(
        self,
        text: str,
        *,
        front_matter: bool = False,
        title: str = "",
        author: str = "",
        near: dt.date | None = None,
        held_addresses: frozenset[str] = frozenset(),
    ) -> tuple[str, tuple[Flag, ...]]:
        """Normalised script text and its flags (lines relative to `text`); a `front_matter`
        text (title, lead-in, tag) opens no report's section; a heading repeating a `title` read
        before the text is not read, nor a last paragraph that is the `author`'s name alone;
        `near`: the bulletin's day (see near); `held_addresses`: the addresses the text writes
        that name a page the website does not have now (flags.Context.held_addresses)."""
        return _speak(
            nfc(text),
            self.options,
            self.lexicon,
            front_matter,
            nfc(title),
            nfc(author),
            near,
            held_addresses,
        )

    def syllables(self, text: str) -> int:
        """T1 syllable count of script text."""
        return count_syllables(text) if text else 0

    def item(
        self, bulletin: Bulletin, block: RadioBlock, *, reader: str, held: HeldLinks = ()
    ) -> Segment:
        """The bulletin as a read item; flags carry source lines; blocking ones are kept too.
        `held`: the links of its body to files the website has no page of now, with the address
        each will have, whose words are read as the page shows them (publish.held_link_words)."""
        flags: list[Flag] = []
        near = self.near(bulletin)
        lead_in = self._part(block.lead_in, flags, "radio.lead_in", near)
        tag = self._part(block.tag, flags, "radio.tag", near)
        if bulletin.category in self._feedback:
            tag = with_contact(tag, self.contact)
        title = bulletin.title if block.read_title else ""
        written = bulletin.body  # unpacked once: the byline below reads it too
        body, body_flags = self.speak(
            blanked_out(neutral_link_words(written, dict(held))),
            title=title,
            author=bulletin.author,
            near=near,
            held_addresses=frozenset(nfc(href) for href, _ in held),
        )
        flags += [_at_source(f, bulletin.body_line) for f in body_flags]
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
        if block.read_title:
            said_title = self._part(bulletin.title, flags, "title", near)
            paragraphs.insert(0, f"{block.type}: {said_title}")
        if block.slug:
            # The editor's own, but for a number telling it apart from another item's and for
            # an item the station has under another slug, which keeps that (episode._unique_slugs).
            slug, numbered = block.slug, ""
        else:
            slug, numbered = slug_forms(bulletin.title, lexicon=self.lexicon)
        # No «Đính chính» line (corrections): a script not yet aired already reads the corrected
        # text, and its listeners never heard the earlier one; an aired one is never rewritten.
        segment = Segment(
            kind="read",
            slug=slug,
            numbered=numbered,
            label=block.type,
            seconds=0,
            reader=block.reader or reader,
            lead_in=lead_in,
            packed=pack(paragraphs),
            tag=tag,
            floatable=block.floatable,
            order=block.order,
            bulletin=bulletin,
            flags=tuple(flags),
            byline=byline(
                nfc(written),
                author=nfc(bulletin.author),
                unit_name=self.options.unit_name,
                places=self.options.places,
            ),
        )
        cue_seconds = sum(cue_length(p) for p in paragraphs)
        # Counted once, from the text before it is packed: the read time follows from it.
        syllables = self.syllables(spoken_parts(lead_in, paragraphs, tag))
        timed = dataclasses.replace(segment, syllables=syllables, cue_seconds=cue_seconds)
        if block.aired is not None:
            return dataclasses.replace(timed, seconds=block.aired, mode="aired")
        if block.duration is not None:
            return dataclasses.replace(timed, seconds=block.duration, mode="manual")
        return retimed(timed, self.rate)

    def _part(self, text: str, flags: list[Flag], name: str, near: dt.date) -> str:
        """A one-paragraph front matter text, normalised (`front_matter_read`); its flags added
        to `flags`."""
        said, found = front_matter_read(text, name, self.options, self.lexicon, near)
        flags += found
        return said


def contact_read(
    config: Config, options: SpeakOptions, lexicon: tuple[tuple[str, str], ...]
) -> tuple[str, tuple[Flag, ...]]:
    """The contact line as read aloud on one line ("" when [radio] contact is off or a blocking
    finding keeps it off the air) and those blocking findings: what the build reads, and what
    `publish speak` adds to an item of a feedback category."""
    if config.radio.contact not in ("outro", "feedback"):
        return "", ()
    said, found = front_matter_read(contact_text(config), "[radio] contact", options, lexicon)
    stoppers = tuple(blocking(found))
    return ("" if stoppers else said), stoppers


def feedback_categories(config: Config, contact: str) -> frozenset[str]:
    """The category keys whose items end with the read contact line `contact` (none unless
    [radio] contact is "feedback" and the line can be read)."""
    if config.radio.contact != "feedback" or not contact:
        return frozenset()
    return frozenset(config.radio.feedback_categories)


def with_contact(tag: str, contact: str) -> str:
    """An item's closing words with the contact line read after them."""
    # Last, after the editor's own closing: the number is what a listener keeps.
    return f"{tag} {contact}" if tag else contact


def front_matter_read(
    text: str,
    name: str,
    options: SpeakOptions,
    lexicon: tuple[tuple[str, str], ...],
    near: dt.date | None = None,
) -> tuple[str, tuple[Flag, ...]]:
    """A one-paragraph front matter text (`radio.lead_in`, `radio.tag`, `title`) as read aloud,
    on one line, and its flags, which name its field `name` as they have no source line: what
    the build reads, and what `publish speak` shows of a bulletin."""
    if not text.strip():
        return "", ()
    spoken, found = _speak(nfc(text), options, lexicon, True, "", "", near)
    return " ".join(spoken.split()), tuple(
        dataclasses.replace(f, line=None, field=name) for f in found
    )


def retimed(segment: Segment, rate: int) -> Segment:
    """A read item timed from its text at `rate` (E1/T2: read time rounded up, plus its cues);
    any other item as it is."""
    if segment.kind != "read" or segment.mode != "estimated":
        return segment
    speech = int(simple_seconds(segment.syllables, rate)) if segment.syllables else 0
    seconds = speech + segment.cue_seconds
    if seconds == segment.seconds and rate == segment.rate:
        return segment
    return dataclasses.replace(segment, seconds=seconds, rate=rate)


_STORED = tuple(f.name for f in dataclasses.fields(Segment) if f.name not in ("bulletin", "air"))
"""The fields of a finished item kept between builds (the bulletin and air time are the build's)."""


def stored(item: Segment) -> tuple[object, ...]:
    """An item as plain values for the build cache, without its bulletin and air time."""
    return tuple(getattr(item, name) for name in _STORED)


def restored(values: tuple[object, ...], bulletin: Bulletin, air: dt.datetime | None) -> Segment:
    """The item `stored` gave, for `bulletin` airing at `air`."""
    fields = dict(zip(_STORED, values, strict=True))
    return Segment(**fields, bulletin=bulletin, air=air)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=1024)
def _speak(
    text: str,
    options: SpeakOptions,
    lexicon: tuple[tuple[str, str], ...],
    front_matter: bool = False,
    title: str = "",
    author: str = "",
    near: dt.date | None = None,
    held_addresses: frozenset[str] = frozenset(),
) -> tuple[str, tuple[Flag, ...]]:
    """Normalisation, remembered for this build's check, render and sync.

    Nothing is written per text between builds: the item shelf keeps each finished item under
    its bulletin's digest (see episode.py), and one file per body cost a cold build at 10,000
    bulletins ~3 s of writes to save ~3 ms when a title alone changed.
    """
    return _normalise(text, options, lexicon, front_matter, title, author, near, held_addresses)


def forget_spoken() -> None:
    """Drop the normalisations `_speak` remembers (up to 1,024 bodies with their script text:
    ~12 MB at 10,000 bulletins that the web and Zalo phases carried for nothing)."""
    _speak.cache_clear()


def _normalise(
    text: str,
    options: SpeakOptions,
    lexicon: tuple[tuple[str, str], ...],
    front_matter: bool = False,
    title: str = "",
    author: str = "",
    near: dt.date | None = None,
    held_addresses: frozenset[str] = frozenset(),
) -> tuple[str, tuple[Flag, ...]]:
    """The normaliser itself: script text and flags."""
    spoken = normalise(
        text,
        options=options,
        abbreviations=dict(lexicon),
        front_matter=front_matter,
        title=title,
        author=author,
        near=near,
        held_addresses=held_addresses,
    )
    spoken = with_told_numbers(text, spoken, near, options)
    return spoken.text, tuple(spoken.flags)


@functools.lru_cache(maxsize=8)
def _lexicon_digest(lexicon: tuple[tuple[str, str], ...]) -> str:
    """A short stand-in for the whole lexicon in cache keys."""
    return hashlib.sha256(json.dumps(lexicon, ensure_ascii=False).encode()).hexdigest()


def is_cue(paragraph: str) -> bool:
    """S5: a cue line (`[NHẠC CẮT 0:05]`, `[BĂNG: … | 0:35]`) is never read aloud."""
    return bool(_CUE.fullmatch(paragraph.strip()))


def cue_length(paragraph: str) -> int:
    """E1/T5: the stated length of a cue line in seconds (0 for read text or a cue without one)."""
    found = _CUE.fullmatch(paragraph.strip())
    length = found and _CUE_LENGTH.search(found[0])
    return int(length[1]) * 60 + int(length[2]) if length else 0


def _at_source(flag: Flag, body_line: int) -> Flag:
    """A body flag with its line counted in the Markdown file instead of the body."""
    if flag.line is None:
        return flag
    return dataclasses.replace(flag, line=flag.line + body_line - 1)


def blocking(flags: tuple[Flag, ...]) -> list[Flag]:
    """The flags that keep an item off the air."""
    return [f for f in flags if f.severity == BLOCKING]


def make_slug(
    text: str,
    *,
    limit: int = SLUG_MAX,
    keep_all: bool = False,
    lexicon: tuple[tuple[str, str], ...] = (),
) -> str:
    """S2: upper-case ASCII-folded keywords joined by '-', at most `limit` characters.

    Phrases the abbreviation lexicon knows are written short ("Công an huyện" → CAH), as in the
    spec's example slug CAH-TTATGT-CUOINAM.
    """
    return slug_forms(text, limit=limit, keep_all=keep_all, lexicon=lexicon)[0]


def slug_forms(
    text: str,
    *,
    limit: int = SLUG_MAX,
    keep_all: bool = False,
    lexicon: tuple[tuple[str, str], ...] = (),
) -> tuple[str, str]:
    """The slug of `text` (make_slug), and the same slug with the first number the limit cut
    off in place of the words before it that leave no room ("" when none was cut): «Tin … tuần
    thứ ba số 1» is TIN-ANTT-TUAN-THU-BA-SO, or with its number TIN-ANTT-TUAN-THU-BA-1, which
    only an item whose slug another of its episode shares is given (`episode._unique_slugs`):
    a slug the station has is never renamed for nothing."""
    tokens = [w for w in re.split(r"[\W_]+", nfc(text).lower()) if w]
    folded = [re.sub(r"[^a-z0-9]", "", fold(w)) for w in tokens]
    phrases = _short_forms(lexicon)
    kept: list[tuple[str, bool]] = []  # (folded word or short form, is a function word)
    i = 0
    while i < len(tokens):
        for phrase, short in phrases.get(folded[i], ()):
            if tuple(folded[i : i + len(phrase)]) == phrase:
                kept.append((short, False))
                i += len(phrase)
                break
        else:
            kept.append((folded[i], tokens[i] in _SLUG_STOPWORDS))
            i += 1
    words = [w for w, stop in kept if w and not (stop and not keep_all)]
    words = words or [w for w, _ in kept if w]
    keywords = words or ["tin"]
    slug = ""
    rest: list[str] = []
    for index, word in enumerate(keywords):
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            rest = keywords[index:]
            break
        slug = candidate
    plain = (slug or keywords[0][:limit]).upper()
    number = next((w for w in rest if w.isdigit()), None)
    if number is None or not slug:
        return plain, ""
    words = slug.split("-")
    while len(words) > 1 and len("-".join([*words, number])) > limit:
        words.pop()
    joined = "-".join([*words, number])
    return plain, joined.upper() if len(joined) <= limit else ""


@functools.lru_cache(maxsize=8)
def _short_forms(
    lexicon: tuple[tuple[str, str], ...],
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Folded multi-word expansions as word tuples → folded abbreviation, by first word,
    longest phrase first."""
    forms: dict[tuple[str, ...], str] = {}
    for abbr, expansion in lexicon:
        phrase = tuple(w for w in re.split(r"[^a-z0-9]+", fold(expansion)) if w)
        short = re.sub(r"[^a-z0-9]", "", fold(abbr))
        if short and len(phrase) >= 2 and phrase not in forms:
            forms[phrase] = short
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, short in sorted(forms.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        by_first.setdefault(phrase[0], []).append((phrase, short))
    return {first: tuple(found) for first, found in by_first.items()}


def read_block(bulletin: Bulletin, config: Config) -> tuple[RadioBlock, list[Problem]]:
    """The bulletin's `radio:` block, checked; problems name the file and the key."""
    # Its file is read again only for an air date YAML read as a number, to quote it as typed.
    front = functools.partial(parse_file, config.root / bulletin.source)
    return radio_block(bulletin.block("radio"), bulletin.source, config.tz, front)


def radio_block(
    raw: Mapping[str, Any],
    source: str,
    tz: dt.tzinfo,
    front: Callable[[], Parsed | None] = lambda: None,
) -> tuple[RadioBlock, list[Problem]]:
    """A `radio:` front matter block `raw` of the file `source`, checked (`tz` dates its
    `air_date`; `front` gives the file's front matter, to quote a value as typed): how the build
    reads a bulletin's (`read_block`), and `publish speak` a file's, so both read the title
    first, and with the same type, for the same front matter."""
    problems: list[Problem] = []

    def bad(key: str, message: str, hint: str) -> None:
        problems.append(Problem(source, message, field=f"radio.{key}", hint=hint))

    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in BLOCK_KEYS:
            known = "; ".join(f"{k} ({v})" for k, v in BLOCK_KEYS.items())
            bad(key, "khóa không được hỗ trợ trong khối radio", f"Các khóa hợp lệ: {known}.")
        elif value is None or value == "":
            continue
        elif key == "air_date":
            parsed = parse_datetime(value, tz)
            if parsed is None:
                written = typed_number(value, front, "radio.air_date") or value
                told = (
                    fix_or_example(written, "Viết dạng 2020-12-12.")
                    if isinstance(written, str)
                    else "Viết dạng 2020-12-12."
                )
                bad(key, f"không đọc được ngày phát {quoted(written)}", told)
            elif (year_problem := unlikely_year(parsed)) is not None:
                bad(key, f"ngày phát: {year_problem}", "Kiểm tra lại năm; viết dạng 2020-12-12.")
            else:
                values[key] = parsed.date()
        elif key in ("floatable", "read_title"):
            if not isinstance(value, bool):
                bad(key, f"cần true hoặc false, nhận được {kind(value)}", f"{key}: true")
            else:
                values[key] = value
        elif key == "order":
            if not isinstance(value, int) or isinstance(value, bool):
                bad(key, f"cần một số nguyên, nhận được {kind(value)}", "order: 1")
            else:
                values[key] = value
        elif key in ("duration", "aired"):
            seconds = _duration_value(value)
            if seconds is None:
                bad(
                    key,
                    f"không đọc được thời lượng {quoted(value)} (cần từ 0:01 đến 60:00)",
                    f'Viết dạng phút:giây trong ngoặc kép, ví dụ {key}: "1:30".',
                )
            else:
                values[key] = seconds
        elif not isinstance(value, str):
            bad(key, f"cần một chuỗi ký tự, nhận được {kind(value)}", f'{key}: "…"')
        elif key == "type":
            label = ITEM_TYPES.get(fold(value.strip()))
            if label is None:
                bad(
                    key,
                    f"loại tin {quoted(value)} không hợp lệ",
                    "type: Tin (tin ngắn) hoặc type: Bài",
                )
            else:
                values[key] = label
        elif key == "slug":
            values[key] = make_slug(value, keep_all=True)
        else:
            values[key] = nfc(value.strip())
    return RadioBlock(**values), problems


def _duration_value(value: object) -> int | None:
    """Seconds from "m:ss" (or "h:mm:ss"), or from a whole number of seconds; None if neither.

    YAML reads an unquoted 1:30 as the number 90 (base 60), which is the same duration."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        seconds = value
    elif isinstance(value, str) and re.fullmatch(r"\d{1,3}(:[0-5]\d){1,2}", value.strip()):
        seconds = 0
        for part in value.strip().split(":"):
            seconds = seconds * 60 + int(part)
    else:
        return None
    return seconds if 0 < seconds <= MAX_ITEM_SECONDS else None


def abbreviation_problems(config: Config) -> list[Problem]:
    """A missing unit abbreviation file (against site.toml) and the problems inside it (its
    bad lines), reported with the other content problems instead of failing later."""
    name = config.radio.abbreviations
    if not name:
        return []
    missing = missing_abbreviations(config.root, name)
    if missing is not None:
        return [missing]
    return read_unit_file(config.root / name, name)[1]
