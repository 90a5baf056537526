"""Read-aloud normaliser: Markdown bulletin → human radio script + editor flags (passes P0–P9).

Public API: `normalise`, `normalise_fragment`, `tts_text`, `SpeakOptions`, `Spoken`, `Flag`,
`load_abbreviations`, `count_syllables`, `estimate_seconds`. Rule IDs are those of the team's
read-aloud research spec (radio-read-aloud.md, kept outside this repository); docs/doc-phat-thanh.md
explains each code a warning ends with to editors, in Vietnamese.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from publish.invisible import invisible_removed
from publish.number_words import DASHES
from publish.radio.abbreviations import expand_abbreviations, load_abbreviations
from publish.radio.arrows import arrows_read
from publish.radio.callers import caller_lists_told, callers_told
from publish.radio.codes import read_codes
from publish.radio.comrade_or_address import comrade_or_address
from publish.radio.dateline import without_dateline
from publish.radio.datetimes import read_dates_and_times
from publish.radio.flags import BLOCKING, WARNING, Context, Flag
from publish.radio.grades import read_roman_grades
from publish.radio.in_words import without_amounts_in_words
from publish.radio.keypad import read_keypad_codes
from publish.radio.lists import with_sub_bullets_marked
from publish.radio.markdown import (
    PLACEHOLDER_FIRST,
    PSEUDO_HEADING_LEVEL,
    Block,
    Item,
    marks_removed,
    split_blocks,
    strip_inline,
)
from publish.radio.marks import (
    heading_said,
    headings_lettered,
    lead_of,
    lead_said,
    opening_marks,
)
from publish.radio.masked import masks_kept
from publish.radio.masked_plates import masked_plate_stars
from publish.radio.measures import read_measures, read_rates
from publish.radio.numbers import join_spaced_groups
from publish.radio.numerals import read_ordinals, read_remaining_numbers, weekdays_written_short
from publish.radio.options import SpeakOptions
from publish.radio.pictographs import pictographs_told
from publish.radio.place_kinds import places_named
from publish.radio.punctuation import punctuate
from publish.radio.qa import check_paragraph
from publish.radio.readtime import count_syllables, estimate_seconds
from publish.radio.tts import tts_text
from publish.radio.weekday_flags import weekdays_told

__all__ = [
    "BLOCKING",
    "WARNING",
    "Flag",
    "SpeakOptions",
    "Spoken",
    "count_syllables",
    "estimate_seconds",
    "load_abbreviations",
    "normalise",
    "normalise_fragment",
    "tts_text",
]

_PRONOUNCER = re.compile(r"\(\s*đọc\s*:\s*([^()]*?)\s*\)")
_SPACES = re.compile(
    r"[\t\v\f\x1c-\x1f\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
"""Every character `str.isspace` accepts but the line break: one kind of space for every pass."""
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
_TAB_WIDTH = 4
"""Columns of a Tab in a line's indentation, as on the website (Python-Markdown)."""
_DASHES = re.compile(f"[{DASHES}]")
"""The dashes read as hyphens: the set the website's checks read numbers by (publish.number_words)."""
_MAX_PLACEHOLDERS = 256
_MAX_DIGITS = 100
_OVERLONG_NUMBER = re.compile(
    rf"\d(?:[.,]| (?=\d{{3}}(?!\d)))?(?:\d(?:[.,]| (?=\d{{3}}(?!\d)))?){{{_MAX_DIGITS - 1},}}"
)
"""A number of _MAX_DIGITS digits or more, grouped or not ("1.000.000…", "113 113 113…"): no
bulletin means one, and the passes' int() refuses one of over 4,300 digits (ValueError). Its first
digit is written out before the repeat so that `re` skips to the next digit instead of trying
the pattern at every character."""


@dataclass(frozen=True, slots=True)
class Spoken:
    """The human script (paragraphs separated by blank lines), its flags and the plain title."""

    text: str
    flags: tuple[Flag, ...]
    title: str | None = None

    @property
    def blocking(self) -> tuple[Flag, ...]:
        """Flags that must be resolved before the item can be approved."""
        return tuple(f for f in self.flags if f.severity == BLOCKING)


def _prepare(text: str) -> str:
    """Pass P0: NFC, one kind of line break and space (R1.0); dashes are unified per item."""
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The loader's own list (publish.invisible): a shorter one here let the Mongolian vowel
    # separator and the grapheme joiner through to the script, and a Braille blank read as a pause.
    text = with_sub_bullets_marked(invisible_removed(text))
    if "\t" in text:  # a Tab indenting a sub-list is a level (publish.radio.lists), not a space
        text = _INDENT.sub(lambda m: m[0].expandtabs(_TAB_WIDTH), text)
    return _SPACES.sub(" ", text)


def _holds_a_dash(text: str) -> bool:
    """Whether `text` holds one of `_DASHES`: a search for each character costs less than one
    for the class, and most paragraphs hold none."""
    return any(dash in text for dash in DASHES)


def _protect(text: str) -> tuple[str, list[str]]:
    """Swap pronouncers `(đọc: …)` for placeholders so no pass touches them (S6)."""
    kept: list[str] = []
    if "đọc" not in text:
        return text, kept

    def hide(m: re.Match[str]) -> str:
        if len(kept) >= _MAX_PLACEHOLDERS:
            return m[0]
        kept.append(f"(đọc: {m[1]})")
        return f" {chr(ord(PLACEHOLDER_FIRST) + len(kept) - 1)}"

    return _PRONOUNCER.sub(hide, text), kept


def _restore(text: str, kept: list[str]) -> str:
    """Put the pronouncers back."""
    if not kept:
        return text
    for i, original in enumerate(kept):
        text = text.replace(chr(ord(PLACEHOLDER_FIRST) + i), original)
    return text


def _speak(item: Item, ctx: Context, *, final_stop: bool, sentence_start: bool) -> str:
    """Passes P1 (inline) to P8 over one paragraph or list item."""
    ctx.lines, ctx.names, ctx.quoted = item.lines, item.names, item.quoted
    for flag in item.flags:
        ctx.keep(flag)
    text = _DASHES.sub("-", item.text) if _holds_a_dash(item.text) else item.text
    text, kept = _protect(text)  # dashes unified after block splitting: `— Tên` is no list
    if len(text) >= _MAX_DIGITS:
        text = _OVERLONG_NUMBER.sub(lambda m: _overlong(m[0], ctx), text)
    text = masks_kept(
        masked_plate_stars(read_keypad_codes(text), ctx)
    )  # before P1 takes `*` and `#` for marks
    pictographs_told(text, ctx)  # R1.9: before P1 drops the emoji
    text = marks_removed(text) if item.cleaned else strip_inline(text, ctx)  # P1
    text = arrows_read(text)  # before P3 reads `từ 7h => 11h` and P4 takes `>` for «hơn»
    weekdays_told(text, ctx)  # Q5: before P2 and P3 read the date's digits
    text = comrade_or_address(text, ctx)  # R14.4: before P2 reads the address's numbers
    text = without_amounts_in_words(text, ctx)  # `01 (một) xe`: before P2 takes `01` for a code
    callers_told(text, ctx)  # Q6: before P2 reads the numbers
    caller_lists_told(text, ctx)
    text = read_rates(text)  # `/` meaning per, before P3 reads the `7h` of `7h/ngày`
    text = read_codes(weekdays_written_short(text), ctx)  # P2 (`T2-T7` no code)
    text = read_dates_and_times(text, ctx)  # P3
    text = join_spaced_groups(text)  # after phones (P2) and dates (P3), which keep their spaces
    text = read_measures(text, ctx)  # P4
    text = read_ordinals(read_roman_grades(text, ctx.options, ctx.lines), ctx)  # P5
    text = read_remaining_numbers(text, ctx)  # P6
    text = expand_abbreviations(text, ctx)  # P7
    text = punctuate(text, ctx, final_stop=final_stop and bool(text), sentence_start=sentence_start)
    return _restore(text, kept)


def _overlong(number: str, ctx: Context) -> str:
    """Block an item holding a number too long to read (Q1), keeping the passes off it."""
    digits = sum(c.isdigit() for c in number)
    ctx.flag(
        "Q1",
        BLOCKING,
        f"Số dài {digits} chữ số «{number[:12].rstrip()}…» không đọc thành lời được. Cách sửa: bỏ số này "
        "hoặc viết lại bằng lời.",
        number[:12].rstrip(),
    )
    return "số quá dài"


def _context(
    options: SpeakOptions | None,
    abbreviations: Mapping[str, str] | None,
    *,
    sections: bool = True,
    title: str = "",
    author: str = "",
    near: dt.date | None = None,
) -> Context:
    """Options and the seed lexicon with any given entries merged over it."""
    entries = tuple(abbreviations.items()) if abbreviations else ()
    lexicon = _lexicon(entries)
    options = options or SpeakOptions()
    return Context(options, lexicon, sections=sections, title=title, author=author, near=near)


@functools.lru_cache(maxsize=16)
def _lexicon(entries: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    """The seed lexicon with the given entries (NFC) merged over it; read-only, built once."""
    lexicon = load_abbreviations(None)
    lexicon.update(
        {unicodedata.normalize("NFC", k): unicodedata.normalize("NFC", v) for k, v in entries}
    )
    return MappingProxyType(lexicon)


def _lettered(blocks: list[Block], ctx: Context) -> tuple[bool, bool]:
    """Whether the headings' capital marks, and the bold lead-ins', go as letters («U., V.,
    X.»): each kind alone, or all of them in the order written (a heading «U.», then lead-ins
    «**V.**», «**X.**»)."""
    headings: list[str] = []
    leads: list[str] = []
    both: list[str] = []
    for block in blocks:
        first = block.items[0]
        if block.level:
            headings.append(first.text)
            both.append(first.text)
        elif (
            block.kind == "body"
            and ctx.sections
            and not first.list_item
            and (lead := lead_of(first.text)) is not None
        ):
            leads.append(lead)
            both.append(lead)
    together = len(both) > len(headings) and headings_lettered(both)
    lettered_leads = bool(leads) and (headings_lettered(leads) or together)
    return headings_lettered(headings) or together, lettered_leads


def _run(markdown_text: str, ctx: Context, *, fragment: bool, sentence_start: bool) -> Spoken:
    """Normalise every block; headings become the title (read only when asked), cues kept."""
    paragraphs: list[str] = []
    title: str | None = None
    blocks = split_blocks(_prepare(markdown_text), ctx)
    # A heading's mark is read as its text's headings go together: «V.» then «X.» are letters;
    # so is a bold lead-in's («**V. Kết quả:** …»), with the other lead-ins or the headings.
    lettered_headings, lettered_leads = _lettered(blocks, ctx)
    opening = opening_marks([block.items[0].text for block in blocks])
    dateline_possible = not fragment
    for block in blocks:
        if block.kind == "cue":
            paragraphs.append(block.items[0].text)
            continue
        if block.kind == "heading" and not fragment:
            item = block.items[0]
            if title is None and block.level in (1, 2, PSEUDO_HEADING_LEVEL):
                title = strip_inline(item.text, Context(ctx.options, ctx.abbreviations))
            if ctx.options.read_title and not block.repeats_title:
                said_title = heading_said(item.text, lettered_headings=lettered_headings)
                item = dataclasses.replace(item, text=said_title)
                spoken = _speak(item, ctx, final_stop=False, sentence_start=True)
                paragraphs.append(spoken)
                check_paragraph(spoken, ctx)
            continue
        items = block.items
        if dateline_possible and block.kind == "body":
            dateline_possible = False  # only the bulletin's first paragraph opens with one
            # A district named after a person («huyện Trần Văn Thời») is named as a place
            # anywhere in the bulletin, not only in its first paragraph.
            places = (*ctx.options.places, *places_named(markdown_text))
            said = without_dateline(items[0].text, places)
            items = _first_said(items, said)
        # A sub-heading, or a paragraph's bold lead-in, says its own mark («I.», «1.») as a
        # presenter does.
        if not items[0].list_item and ctx.sections:
            first = items[0].text
            if block.level:
                first = heading_said(first, lettered_headings=lettered_headings, marks=opening)
            else:
                first = lead_said(first, lettered_headings=lettered_leads, marks=opening)
            items = _first_said(items, first)
        parts = [
            _speak(
                item,
                ctx,
                final_stop=item.list_item or not fragment,
                sentence_start=item.list_item or not fragment or sentence_start,
            )
            for item in items
        ]
        paragraph = " ".join(p for p in parts if p)
        if paragraph:
            ctx.lines = tuple(line for item in block.items for line in item.lines)
            check_paragraph(paragraph, ctx)  # P9
            paragraphs.append(paragraph)
    text = unicodedata.normalize("NFC", "\n\n".join(paragraphs))
    return Spoken(text, tuple(ctx.flags), title)


def _first_said(items: list[Item], text: str) -> list[Item]:
    """`items` with the first one's text as said: the same items when it is unchanged, as it
    mostly is (copying an item with dataclasses.replace cost every paragraph)."""
    if text == items[0].text:
        return items
    return [dataclasses.replace(items[0], text=text), *items[1:]]


def normalise(
    markdown_text: str,
    *,
    options: SpeakOptions | None = None,
    abbreviations: Mapping[str, str] | None = None,
    front_matter: bool = False,
    title: str = "",
    author: str = "",
    near: dt.date | None = None,
    held_addresses: frozenset[str] = frozenset(),
) -> Spoken:
    """The read-aloud script of a Markdown bulletin (front matter allowed) with QA flags; with
    `front_matter`, of a title, lead-in or tag: no report's section, whose opening «I.» or «V.»
    is read as written, never «Phần một», «Phần năm». A `title` read before it is not read again
    where a heading repeats it; a last paragraph that is the `author`'s name alone is not read.
    `near`: the bulletin's date, the year of a date written without one next to a day of the
    week (not compared when None). `held_addresses`: the addresses it writes that name a page
    the website does not have now (Context.held_addresses)."""
    ctx = _context(
        options, abbreviations, sections=not front_matter, title=title, author=author, near=near
    )
    ctx.held_addresses = held_addresses
    return _run(markdown_text, ctx, fragment=False, sentence_start=True)


def normalise_fragment(
    text: str,
    *,
    options: SpeakOptions | None = None,
    abbreviations: Mapping[str, str] | None = None,
    sentence_start: bool = False,
) -> Spoken:
    """Normalise a sentence fragment: no final stop, no first capital unless `sentence_start`.

    This is how the spec's test vectors are stated (§5 conventions); headings are read as text.
    """
    ctx = _context(options, abbreviations)
    return _run(text, ctx, fragment=True, sentence_start=sentence_start)
