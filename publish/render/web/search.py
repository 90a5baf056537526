"""The client-side search index of /tim-kiem/: small static JSON files that search.js reads.

Nothing runs on a server. The index is split so that one query downloads little even on a site
with 10,000 bulletins:

- `tim-kiem/chi-muc/index.json` — the manifest: categories (with their pages, which a result
  links), each bulletin's category (for the filter), the list of term shards, and a version string the script puts on every other URL.
- `tim-kiem/chi-muc/t/<key>.json` — the terms whose folded form starts with `<key>` (two letters
  at first; a shard over SHARD_LIMIT bytes is split by one more letter, and so on). Each term
  maps to its postings: delta-encoded bulletin numbers times 4, plus the best field it occurs in
  (3 title, 2 summary, 1 body), so the script ranks title hits, then summary, then body.
- `tim-kiem/chi-muc/f/<key>.json` — beside a term shard, which of its terms' bulletins write
  which form of the term ("den": «đến», «đèn», «đen»), one bit a bulletin (see _forms_entry):
  read only for a query typed with marks, whose words written so rank first.
- `tim-kiem/chi-muc/d/<n>.json` — the result cards (URL, title, date, category, summary) of
  CHUNK bulletins, fetched only for the results on screen.

Bulletins are numbered oldest first (the reverse of site order), so the everyday change — a new
newest bulletin — takes the next number: only the shards holding its terms, the last cards file
and the manifest change (numbered newest first, it shifted every posting and every cards file).
Equal scores rank the highest number, the newest bulletin, first.

Terms are `fold()`ed (no diacritics, đ → d, lower case): "lua dao" finds "lừa đảo". The last
word of a query also finds the longer words it starts (from PREFIX_MIN letters), so results
appear while it is being typed: "lừa đả" finds "lừa đảo"; whole-word matches rank first.
A phone number is also indexed as its digits alone ("0912 345 678", "0912.345.678",
"0912–345–678", "+84 912 345 678", "84912345678" and "0084912345678" all as "0912345678"; every
run of digit groups that is a number, so two numbers side by side are both found; "84", "0084"
only before a mobile number: «84123456789» is no number), and a query joins one the same way,
any number after "84" or "0084" and a mobile number typed without its 0 ("912345678") too, so
a citizen finds a warning about a number however either side wrote it (a number typed as one
run of digits is also searched as typed; one that finds nothing whole, as its groups). A query
naming a category — its whole name or two consecutive words of it — matches that category's
bulletins as body words would ("cai cach hanh chinh", "hanh chinh"; not "hanh" alone), from the
manifest: the index holds no postings for it.

Two adjacent syllables are also indexed as one pair term ("lua_dao"; a title's every pair, and
elsewhere those of names written with capitals, "xã Tân Phú": every pair of the bodies made the
index twice as large): a bulletin having two adjacent words of the query side by side, in order,
ranks above those having them apart.

A query typed with marks ("tín dụng đen") finds what it finds without them, but the bulletins
writing each word with the marks typed rank first (then those writing some with others: «đến»,
«đèn»); in quotes, only those are found when there are any. Where a word puts the tone of a final
«oa», «oe», «uy» does not count («hoà» is «hòa», «thuỷ» «thủy»: both are in use, keyboards type
either): the forms and the query's words hold it on the first vowel (`one_tone_placement`), and
the last word being typed starts the longer words with it on the second («hòa» starts «hoàng»).
A bulletin spelling out an abbreviation of the lexicon the read-aloud scripts use (the built-in
list and the unit's file) is indexed under it too ("căn cước công dân" under "cccd"), and
index.json lists those the site has, for search.js to say so and to find the bulletins writing
one for a query spelling it out.

Queries are read as citizens type them on phones (search.js does the same, `find` is the
reference): a word that matches nothing as typed but is a syllable typed the Telex way without a
Vietnamese keyboard ("luaf ddaor") is searched as that syllable folded ("lua dao"); a last single
letter after other words ("lua d") is a word only begun and is left out; a phone number is
always searched, past MAX_TERMS words; a word of JOINED_MIN letters or more that matches
nothing is read as two syllables run together ("duaxe"); in a short query, a word with two vowels
swapped ("lừa đỏa") is read as meant when the word beside it says so; and when no bulletin has every word (a pasted message),
those with the most of them are found — or those naming a number asked about — the page saying
so.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, repeat
from operator import rshift, sub
from pathlib import Path
from urllib.parse import urlsplit

from publish.cache import Fragments, owned_kind
from publish.contact_numbers import WRITTEN_COUNTRY
from publish.ledger import Entry, Ledger
from publish.links import (
    held_words,
    html_links,
    inline_links,
    linked_file,
    may_name_file,
    page_hrefs,
    reference_label,
)
from publish.markdown_angles import TAG_RE, raw_html_settled, tags_replaced
from publish.markdown_code import masked
from publish.markdown_images import DEFINITION_RE
from publish.model import Artifact, Bulletin, Kept, Page, Site
from publish.number_words import bare_84_phone
from publish.parallel import MIN_JOBS, run_jobs
from publish.radio.abbreviations import read_unit_file, seed_abbreviations
from publish.site_paths import category_path
from publish.text import CAPITALS, fold, nfc, one_tone_placement, tone_on_second, vn_short_date

__all__ = [
    "CHUNK",
    "FIELD_WEIGHTS",
    "INDEX_DIR",
    "MAX_TERMS",
    "PER_PAGE",
    "PREFIX_MIN",
    "SHARD_LIMIT",
    "Found",
    "Lexicon",
    "SearchDoc",
    "build_index",
    "files_for_query",
    "find",
    "index_terms",
    "phone_terms",
    "plain_text",
    "query_terms",
    "rank",
    "search_artifacts",
    "seed_lexicon",
    "shard_key",
    "site_categories",
    "site_lexicon",
    "telex",
    "terms",
    "too_short",
]

Lexicon = tuple[tuple[str, str], ...]
"""Abbreviations and what they stand for, sorted (see site_lexicon)."""
_Table = dict[str, list[tuple[frozenset[str], str, str]]]
"""Expansions by their first word: words, words joined, abbreviation (see _spelled_table)."""
Categories = Sequence[tuple[str, ...]]
"""Each category as (key, label, the site path of its page): search.js links a result's
category there. The path may be left out (tests of ranking alone)."""

INDEX_DIR = "tim-kiem/chi-muc"
"""Output folder of the index, under the search page."""
SHARD_LIMIT = 32_000
"""Largest term shard in bytes before it is split by one more letter."""
CHUNK = 10
"""Result cards per file in d/."""
BLOCK_RECYCLE = 8
"""Index blocks a worker process builds before a fresh one replaces it, where run_jobs cannot
read the memory (a block reads its bulletins' bodies, so a worker comes to hold copies of their
memory pages)."""
PER_PAGE = 10
"""Results the script shows before "Xem thêm"."""
MAX_TERMS = 6
"""Distinct query terms used; more are ignored (keeps the first download small)."""
FIELD_WEIGHTS = {3: 100, 2: 10, 1: 1}
"""Score of one query term by the best field it occurs in: title ≫ summary ≫ body."""
BLOCK = 80
"""Most documents one indexing job takes (a multiple of CHUNK)."""
PREFIX_MIN = 2
"""Letters the last query word needs before it also finds longer words ("lu" → lừa, luật): one
letter would download every shard of that letter."""
UPDATE_LIMIT = 400
"""Most bulletin numbers an update re-indexes (edited, added, removed, or given to another
bulletin); beyond that the index is built again. An update runs in this process and holds each
change of every touched term in memory, the build spreads over the workers; a bulletin inserted
or deleted far back renumbers every newer one, so the update would touch every shard anyway."""

TERM_RE = re.compile(r"[a-z0-9]+")
SPACES = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
"""White space between a number's groups: what JavaScript's `\\s` is (Python's differs), the
non-breaking space Word puts between them included."""
DASHES = "\\-\u2010-\u2015\u2212"
"""Hyphens and dashes between a number's groups: «0912-345-678», Word's «0912–345–678»."""
PHONE_RE = re.compile(rf"[+0-9][0-9]*(?:(?:[.{SPACES}{DASHES}]+|\)[{SPACES}]*)[0-9]+)*")
"""A run of digit groups as numbers are typed: `0912 345 678`, `0277.3610.113`, `(0277) 3610113`,
`+84 912-345-678`, two numbers side by side (search.js has the same pattern). It starts with a
character class: finditer then skips the text between digits fast."""
_GROUP_RE = re.compile(r"\+?[0-9]+")
"""One digit group of a PHONE_RE run, the "+" of "+84" with it."""
_DIGIT_RE = re.compile(r"[0-9]")
"""Whether a text has any digit: a bulletin without one has no phone number to find."""
_COUNTRY = re.compile(r"^\+?(?:00)?840?")
"""The country code starting a query's number, as "+84", "84" or "0084" (Zalo, Facebook and
call logs copy numbers so), with the 0 some keep after it ("+84 0912…"): read as the 0 of the
number at home. No number from 0 or 1800/1900 starts so."""
_BARE_MOBILE = re.compile(r"[35789][0-9]{8}")
"""A mobile number typed without its 0 ("912345678"): searched with it, when a query writes it
as one group (the groups of an amount, «350.000.000», are not; bulletins are not indexed so,
an account number of nine digits is no phone)."""
LONGEST_NUMBER = 14
"""Longest phone number as groups joined: "+84", a 0 and 10 digits."""
FIRST_GROUP = 3
"""Fewest characters of a number's first group ("091", "0277", "+84"): the groups of a date
or a time have two («ngày 05.06.2024 08.30» is no number 0506202408). A bare "84" is the other
(`_starts_number`): the country code as Zalo copies a number («84 912 345 678»)."""
LONGEST_TERM = 64
"""Longest term indexed: a term's shard is split letter by letter while over SHARD_LIMIT, so a
40,000-letter word («8h8h8h…») was dumped 40,000 times and named a file no disk can hold; no
one searches for a word that long (a query for one finds nothing, as for any unknown word)."""
MEND_MAX = 3
"""Most words of a query in which a word with two vowels swapped is read as meant ("lừa đỏa")."""
VOWELS = "aeiouy"
"""The vowels of a folded syllable."""
QUOTES = '"“”«»„'
"""Quote marks a reader may put around a query: they ask for the words as typed."""
PAIR = "_"
"""Joins two adjacent syllables into one pair term ("lua_dao"): no word term has it."""
JOINED_MIN = 5
"""Letters a query word run together needs before it is also read as two ("duaxe" → "dua xe"):
shorter ones would read too many words as pairs."""
TELEX_TONES = "fsrxj"
"""The letters that put a tone on a syllable typed in Telex; no Vietnamese syllable ends in one."""
_TELEX_TONE = re.compile(r"([aeiouyw])[fsrxj](ng|nh|ch|[cmnpt])$")
"""A Telex tone letter typed before the final consonant ("vieejt" for "việt")."""
_TELEX_DOUBLE = re.compile(r"([aeo])\1")
"""Telex "aa", "ee", "oo": â, ê, ô."""
_TELEX_W = re.compile(r"([aeiouy])w")
"""Telex "aw", "ow", "uw": ă, ơ, ư."""
_FORM_RE = re.compile(r"[^\W_]+")
"""A run of letters and digits as written, marks and all: the form of a word a reader types."""
FORM = "="
"""Starts the key of a word's form among a bulletin's terms ("=đến"): no term has it."""
_NAME_WORD = re.compile(rf"([{CAPITALS}]\w*)([^\w\s]*)")
"""A word of a name: starting with a capital, letters only but for punctuation after them
("Phú,"). Two in a row, the first without punctuation, are a name ("Tân Phú,")."""
SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$"
)
"""A Vietnamese syllable folded: initial consonant, one to three vowels, final consonant (search.js
has the same pattern)."""
# No run here may cross the character that starts another try: «[[[[…» or «<<<<…» (200,000 of
# them, a paste gone wrong) made each try scan to the end of the body, 155 s for one check.
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^)\]]*\)")
_MD_LINK = re.compile(
    r"\[(?P<words>[^\[\]]*)\]\((?P<href>[^)\]]*(?:\s(?:\"[^\"]*\"|'[^']*')\s*)?)\)"
)
"""An inline link; a quoted title may hold brackets of its own («"Mẫu [mới](2024)"»), as the
website reads it: its address and title are no words of the page."""
_MD_LINK_OPEN = re.compile(r"(?<!!)\[(?P<words>[^\[\]]*)\]\(")
"""An inline link's «[words](» (an image's went before), its address read by links.InlineEnds."""
_MD_REFERENCE = re.compile(r"\[(?P<words>[^\[\]]*)\](?:[ ]?\[(?P<id>[^\[\]]*)\])?")
"""A reference link «[words][id]», «[words][]» or «[words]» (its id its words)."""
_FILE_NAME = re.compile(
    r"(?<![^\s<>«»\"'()\[\]])[^\s<>«»\"'()\[\]]*?(?<![^\s<>«»\"'()\[\]/])"
    r"\d{4}-\d{2}-\d{2}-[^\s<>«»\"'()\[\]/]*\.md(?![\w-])(?:#[^\s<>«»\"'()\[\]]*)?",
    re.IGNORECASE,
)
"""A bulletin's file name (dated, as `publish new` names it) typed as text, no link, alone or
in an address («2020-12-20-ten-bai.md», «https://…/bai-viet/2020-12-20-ten-bai.md#muc»): no
word a reader searches for, and a held bulletin's carries its date and slug (as
publish.render.radio.layout.station_words reduces it for the station). Another name («hướng dẫn
README.md») is words."""
_HTML_TAG = re.compile(rf"{TAG_RE.pattern}|<[!?][^<>]*+>")
"""A tag as the radio reads one (`TAG_RE`): its quoted values may hold `>` (`<a title="a>b">`),
which ended it there and left «b">» in the text searched; or a `<!…>`, `<?…>`."""
_HIDDEN_HTML = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|template)\b[^<>]*>.*?(?:</\1\s*>|\Z)",
    re.DOTALL | re.IGNORECASE,
)
"""Raw HTML readers never see (comments: editors' notes; scripts, styles): not indexed."""


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One searchable bulletin: what is matched and what its result card shows."""

    url: str
    title: str
    summary: str
    body: str
    category: int
    date_iso: str
    date_label: str


WORD_TERMS_LIMIT = 200_000
"""Whitespace-separated words whose terms a process remembers before it starts afresh."""
_WordFacts = tuple[list[str], str | None, str | None, list[str], list[tuple[str, str]]]
"""A word's terms; its syllable when it can start a name (see _NAME_WORD) or end one; the terms
it writes without marks ("xe"); each one it writes with them, as its form's key and folded
(("=đến", "den"))."""
_word_facts: dict[str, _WordFacts] = {}


def _facts(word: str) -> _WordFacts:
    """What indexing needs of one whitespace-separated word, remembered for the process
    (Vietnamese is written in a few thousand syllables: indexing 10,000 bodies folded the same
    words again and again, ~0.15 ms a body; finding their names anew, 0.15 ms more)."""
    if len(_word_facts) >= WORD_TERMS_LIMIT:
        _word_facts.clear()
    word_terms = TERM_RE.findall(fold(word))
    first = last = None
    name = _NAME_WORD.fullmatch(word)
    if name is not None:
        syllables = TERM_RE.findall(fold(name[1]))
        if len(syllables) == 1 and SYLLABLE_RE.match(syllables[0]):
            last = syllables[0]
            first = None if name[2] else last
    plain, marked = (word_terms, []) if word.isascii() else _forms(word)
    facts = _word_facts[word] = (word_terms, first, last, plain, marked)
    return facts


def _forms(word: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The terms a word writes without marks, and those it writes with them (as the key of the
    form, as written in lower case, and folded): "Đến/ngày" → (["ngay"], [("=đến", "den")]),
    "ngày" → ([], [("=ngày", "ngay")]). Only a run of letters and digits that folds to one term is
    a form."""
    plain: list[str] = []
    marked: list[tuple[str, str]] = []
    # «hoà» and «hòa» are one spelling (see the module's docstring): the form keeps the tone of
    # a final «oa», «oe», «uy» on the first vowel, as a query's word is compared (_plan).
    for token in _FORM_RE.findall(one_tone_placement(word).lower()):
        if token.isascii():
            plain.append(token)
            continue
        term = fold(token)
        if len(term) <= LONGEST_TERM and TERM_RE.fullmatch(term):
            marked.append((FORM + token, term))
    return plain, marked


def terms(text: str) -> list[str]:
    """Folded search terms of a text, in order: "Lừa đảo, Đồng Tháp" → ["lua", "dao", "dong", "thap"].

    The same as TERM_RE.findall(fold(nfc(text))): folding never joins or splits across
    whitespace, so each word is folded once per process (see _facts).
    """
    found: list[str] = []
    remembered = _word_facts
    for word in nfc(text).split():
        found += (remembered.get(word) or _facts(word))[0]
    return found


def terms_and_names(text: str) -> tuple[list[str], list[str]]:
    """`terms` of a text, and the pair terms of the names it writes with capitals ("xã Tân Phú"
    → ["tan_phu"]): two adjacent words, each one syllable starting with a capital, no
    punctuation between them."""
    return _read(text).terms[:2]


@dataclass(frozen=True, slots=True)
class _Read:
    """What indexing takes from one field's text: `terms` (its terms, its names' pair terms),
    the terms it writes without marks, and those it writes with them (see _forms)."""

    terms: tuple[list[str], list[str]]
    plain: list[str]
    marked: list[tuple[str, str]]


def _read(text: str) -> _Read:
    """A field's terms, names and forms in one pass over its words (see _facts)."""
    found: list[str] = []
    names: list[str] = []
    plain: list[str] = []
    marked: list[tuple[str, str]] = []
    first = None
    remembered = _word_facts
    for word in nfc(text).split():
        word_terms, starts, ends, its_plain, its_marked = remembered.get(word) or _facts(word)
        found += word_terms
        plain += its_plain
        if its_marked:
            marked += its_marked
        if first is not None and ends is not None:
            names.append(first + PAIR + ends)
        first = starts
    return _Read((found, names), plain, marked)


def _phone(run: str, country: re.Pattern[str] = _COUNTRY) -> str | None:
    """The digits of a PHONE_RE run's groups joined when they are a Vietnamese phone number, the
    country code read as "0" (a query's, see _COUNTRY; or a bulletin's, WRITTEN_COUNTRY: the
    rule every channel reads it by, publish.contact_numbers): 10 or 11 digits from 0 but not 00
    (mobile, landline), 8 to 10 from 1800/1900 (call centres)."""
    digits = "".join(c for c in country.sub("0", run, count=1) if "0" <= c <= "9")
    if digits.startswith("0") and digits[1:2] != "0" and 10 <= len(digits) <= 11:
        return digits
    if digits.startswith(("1800", "1900")) and 8 <= len(digits) <= 10:
        return digits
    return None


def phone_terms(text: str) -> list[str]:
    """The phone numbers of a text as digits alone: "gọi 0912.345.678" → ["0912345678"].

    Every run of consecutive digit groups that is a number counts (its first group of at least
    FIRST_GROUP characters): two numbers side by side
    («0987 654 321 0912 345 679») are one run of twenty digits, and a count after a number
    («0912 345 678 3 lần») makes eleven; the query's number is then one of the runs."""
    if not _DIGIT_RE.search(text):
        return []
    found: list[str] = []
    for match in PHONE_RE.finditer(text):
        run = match.group()
        if len(run) < 8:  # the shortest number has eight digits: most runs are dates, counts
            continue
        groups = list(_GROUP_RE.finditer(run))
        for start in range(len(groups)):
            if not _starts_number(groups[start][0]):
                continue
            number = ""
            for group in groups[start:]:
                number += group[0]
                if len(number) > LONGEST_NUMBER:
                    break
                phone = _phone(number, WRITTEN_COUNTRY)
                # «Mã vận đơn 84912345678», «84912345678 đồng»: a code, an amount, as the
                # personal-data check and the radio read them (bare_84_phone), no phone.
                if phone is not None and not (
                    number.startswith("8")
                    and not bare_84_phone(
                        text, match.start() + groups[start].start(), match.start() + group.end()
                    )
                ):
                    found.append(phone)
    return found


def _starts_number(group: str) -> bool:
    """Whether a digit group may open a phone number: FIRST_GROUP characters, or a bare "84"
    (a bulletin's only before a mobile's nine digits that are no amount: `bare_84_phone`)."""
    return len(group) >= FIRST_GROUP or group == "84"


def _query_numbers(run: str) -> tuple[list[str], dict[str, list[str]]]:
    """The terms a PHONE_RE run of a query stands for, and each phone number's digit groups:
    from the left, the longest run of groups that is a number (see `phone_terms`), joined ("0912 345 678" →
    "0912345678"), else one group as a word ("1900 54 55 66" is one number, "0987 654 321 0912
    345 679" two); one group alone may be a mobile number without its 0 (see _BARE_MOBILE)."""
    groups = _GROUP_RE.findall(run)
    found: list[str] = []
    numbers: dict[str, list[str]] = {}
    start = 0
    while start < len(groups):
        end, phone, number = start, None, ""
        for at in range(start, len(groups)) if _starts_number(groups[start]) else ():
            number += groups[at]
            if len(number) > LONGEST_NUMBER:
                break
            bare = at == start and _BARE_MOBILE.fullmatch(number)
            joined = _phone("0" + number if bare else number)
            if joined is not None:
                end, phone = at, joined
        if phone is None:
            found.append(groups[start])
        else:
            found.append(phone)
            numbers.setdefault(phone, [group.lstrip("+") for group in groups[start : end + 1]])
        start = end + 1
    return found, numbers


def index_terms(text: str) -> list[str]:
    """The terms a text is indexed under: its `terms`, then its phone numbers' digits."""
    return terms(text) + phone_terms(text)


def query_terms(query: str) -> list[str]:
    """The distinct terms of a query, each phone number in it one term of its digits (as
    `phone_terms` indexed it): "0912 345 678" → ["0912345678"]."""
    return _query(query)[0]


def _query(query: str) -> tuple[list[str], dict[str, list[str]]]:
    """The distinct terms of a query (see `query_terms`), and each phone number's digit groups
    as typed (searched as words when the number as a whole finds nothing)."""
    numbers: dict[str, list[str]] = {}

    def joined(match: re.Match[str]) -> str:
        found, groups = _query_numbers(match.group())
        for number, its in groups.items():
            numbers.setdefault(number, its)
        return " ".join(found) or match.group()

    wanted = list(dict.fromkeys(terms(PHONE_RE.sub(joined, nfc(query)))))
    # A number typed otherwise than its term ("0912 345 678", "912345678", "+84912345678") is
    # also searched as typed: a bulletin may write those digits as no number (an account).
    return wanted, {term: numbers[term] for term in wanted if numbers.get(term, [term]) != [term]}


def too_short(wanted: Sequence[str]) -> bool:
    """Whether a query's terms are too few to search: none, or single letters only ("a" would
    match every "à", "á", "ạ" of the site: search.js asks for a longer word instead)."""
    return all(len(term) < 2 and not term.isdigit() for term in wanted)


_MD_SUFFIX = re.compile(r"\.[mM][dD]")
"""«.md» in any case: a content file's name may be written in a text."""


def plain_text(markdown: str, pages: Mapping[str, str] | None = None) -> str:
    """Markdown reduced to its words: link and image text kept, URLs, reference definitions,
    tags, comments dropped
    (words in angle brackets that are no tag kept, as the page shows them: a lone «<Em>» in a
    raw HTML block is a tag, see raw_html_settled); `pages`: the site path of the page each
    link to a content file leads to, by its href (see LinkedPages)."""
    pages = pages or {}
    references: dict[str, str] = {}
    if "]:" in markdown:
        text = DEFINITION_RE.sub(partial(_unless_footnote, references), markdown)
    else:
        text = markdown
    text = _HIDDEN_HTML.sub(" ", raw_html_settled(text)) if "<" in text else text
    text = _MD_IMAGE.sub(r" \1 ", text)
    # Words that spell a content file's name go (see _link_words); lower() of every body, twice,
    # cost a cold index ~0.5 s at 10,000 bulletins. Nothing below writes a «.md» of its own.
    names_file = _MD_SUFFIX.search(text) is not None or bool(pages)
    if names_file:
        words = partial(_link_words, pages)
        if "<" in text:
            text = _html_links_read(text, pages)
        text = _MD_LINK.sub(words, _links_read(text, pages) if "](" in text else text)
    else:
        text = _MD_LINK.sub(r" \1 ", text)
    if any(".md" in href.lower() for href in references.values()):
        text = _MD_REFERENCE.sub(partial(_reference_words, references, pages), text)
    if names_file:  # what is left is text: a bulletin's file name typed in it
        text = _FILE_NAME.sub(" ", text)
    return tags_replaced(_HTML_TAG, text, " ") if "<" in text else text


def _unless_footnote(references: dict[str, str], definition: re.Match[str]) -> str:
    """A reference definition dropped (the page shows none of it, and its file name carries a
    held bulletin's date and slug), its address kept in `references` by its id for the links
    that use it; a footnote's «[^1]: …», which the page shows, kept."""
    if definition[1].startswith("^"):
        return definition[0]
    references.setdefault(reference_label(definition[1]), definition[2].strip("<>"))
    return ""


def _reference_words(
    references: Mapping[str, str], pages: Mapping[str, str], match: re.Match[str]
) -> str:
    """A reference link's words for the index as `_link_words` gives them; left as written
    when no definition has its id (a footnote's «[^1]», words in brackets)."""
    href = references.get(reference_label(match["id"] or match["words"]))
    return match[0] if href is None else _indexed(href, match["words"], pages)


def _links_read(text: str, pages: Mapping[str, str]) -> str:
    """`text` with each inline link its words for the index (see _indexed), its address read
    as the page links it (links.InlineEnds: «[x](2020-12-22-x (1).md)» whole, where _MD_LINK
    ends at its first «)» and left «.md)» and its words to the index)."""
    parts, done = [], 0
    for match, href, end in inline_links(text, _MD_LINK_OPEN):
        parts += [text[done : match.start()], _indexed(href, match["words"], pages)]
        done = end
    return "".join(parts) + text[done:]


def _link_words(pages: Mapping[str, str], match: re.Match[str]) -> str:
    """A link's words for the index (see _indexed)."""
    target = match["href"].strip().removeprefix("<").split(">", 1)[0].split(None, 1)
    return _indexed(target[0] if target else "", match["words"], pages)


def _html_links_read(text: str, pages: Mapping[str, str]) -> str:
    """`text` with each raw HTML link to a content file (by its name or its page's address) its
    words for the index (see _indexed), read as the page reads it (links.html_links: «<a
    href="2020-12-22-vu an mat.md">» whole, a link never closed or ended by «</a >» too); a link
    to no content file as written, its tags dropped later."""
    parts, done = [], 0
    # Code masked first: «`<a href="x.md">x.md`» is shown as typed, no link, and read as one
    # it took the rest of its paragraph («xong.») out of the index.
    for match, href in html_links(masked(text)):
        if ".md" in href.lower() or href in pages:  # a file's name, or its page's address
            words = text[match.start("words") : match.end("words")]
            parts += [text[done : match.start()], _indexed(href, words, pages)]
            done = match.end()
    return "".join(parts) + text[done:]


def _indexed(href: str, words: str, pages: Mapping[str, str]) -> str:
    """A link's words for the index, none when they spell the content file it names or the
    address of its page (`pages`, which its `slug` makes) (links.held_words, whether that file
    is held now or not: the index then does not follow the clock): its date and slug may name
    a victim or an embargoed fact, and the page shows neutral words instead. A lone slug is
    compared as typed: folded, «Hướng-dẫn» spells «huong-dan», a published page's, and a
    reader searching «hướng dẫn» would not find the bulletin."""
    if (href in pages or may_name_file(href)) and held_words(
        href, words, pages.get(href, ""), slug_alone_folded=False
    ):
        return " "
    return f" {words} "


def shard_key(term: str, keys: Sequence[str] | set[str]) -> str | None:
    """The longest shard key that starts `term` (where the term's postings are), if any."""
    for length in range(len(term), 0, -1):
        if term[:length] in keys:
            return term[:length]
    return None


def pair(first: str, second: str) -> str:
    """The term two adjacent words are indexed under as a pair: "lua", "dao" → "lua_dao"."""
    return first + PAIR + second


def pairs(words: Sequence[str]) -> list[str]:
    """The pair terms of a text's terms in order: each two adjacent Vietnamese syllables."""
    paired = [SYLLABLE_RE.match(word) is not None for word in words]
    return [
        pair(words[i - 1], words[i]) for i in range(1, len(words)) if paired[i] and paired[i - 1]
    ]


def name_pairs(text: str) -> list[str]:
    """The pair terms of the names a text writes with capitals (see terms_and_names)."""
    return terms_and_names(text)[1]


def _field_terms(read: _Read, text: str, table: _Table | None, *, title: bool = False) -> list[str]:
    """The terms one field of a document is indexed under: its words, its phone numbers' digits,
    the abbreviations it spells out (see _spelled_in), and its adjacent
    syllables as pairs — outside the title only those of names written with capitals (every
    pair of summaries and bodies made the index of 1,000 bulletins twice, the sample's four
    times as large; these add a tenth)."""
    words, names = read.terms
    spelled = _spelled_in(words, table) if table else []
    return words + phone_terms(text) + spelled + (pairs(words) if title else names)


def doc_fields(doc: SearchDoc, lexicon: Lexicon = ()) -> dict[str, int]:
    """Each term of one document → the best field it occurs in (3 title, 2 summary, 1 body);
    and each form of its words that tells marks apart (see _form_keys) → 1."""
    reads = [_read(doc.body), _read(doc.summary), _read(doc.title)]
    table = _spelled_table(lexicon) if lexicon else None
    # A later, better field overrides an earlier one; keys keep first-seen order (body first).
    best = dict.fromkeys(_field_terms(reads[0], doc.body, table), 1)
    best.update(dict.fromkeys(_field_terms(reads[1], doc.summary, table), 2))
    best.update(dict.fromkeys(_field_terms(reads[2], doc.title, table, title=True), 3))
    if max(map(len, best), default=0) > LONGEST_TERM:
        best = {term: field for term, field in best.items() if len(term) <= LONGEST_TERM}
    best.update(_form_keys(reads, best))
    return best


def _form_keys(reads: Sequence[_Read], terms: Mapping[str, int]) -> dict[str, int]:
    """The keys of the forms of a document's words that tell its marks apart: each form written
    with marks ("=đến"), and a term's form without them ("=den") only where the document also
    writes that term with marks (elsewhere the index reads it from the term's postings). The
    field is not kept: search ranks by the term's (a form is one bit, see _forms_entry)."""
    marked: dict[str, str] = {}
    plain: set[str] = set()
    for read in reads:
        marked.update(read.marked)
        plain.update(read.plain)
    # The keys are made once per word a process reads (see _forms), not again per document.
    found = dict.fromkeys([key for key, term in marked.items() if term in terms], 1)
    for term in plain.intersection(marked.values()):
        if term in terms:
            found[FORM + term] = 1
    return found


def _postings(
    docs: Sequence[SearchDoc],
    fields: Iterable[Mapping[str, int]] | None = None,
    lexicon: Lexicon = (),
) -> dict[str, list[int]]:
    """Term → encoded postings (delta × 4 + best field), documents numbered in order.

    `fields`: `doc_fields` of each document in order, when already known (e.g. from the cache);
    consumed one document at a time, so they are never all in memory at once.
    """
    values: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    found = (doc_fields(doc, lexicon) for doc in docs) if fields is None else fields
    # Documents come in order, so each posting is appended already delta-encoded: a dict per
    # term of every document number held 10,000 bulletins' words at ~175 MB, this ~25 MB.
    for number, per_doc in enumerate(found):
        for term, field in per_doc.items():
            values.setdefault(term, []).append((number - last.get(term, 0)) * 4 + field)
            last[term] = number
    return values


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)
"""What json.dumps builds anew on every call given these options (~2 µs, for each of the tens
of thousands of terms of a large index)."""


def _dumps(value: object) -> bytes:
    """Compact, stable JSON."""
    return _ENCODER.encode(value).encode()


def _shard_files(postings: Mapping[str, list[int]]) -> dict[str, bytes]:
    """Shard files (path → JSON): terms grouped by two-letter prefix, any group over
    SHARD_LIMIT split by one more letter."""
    groups: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term, values in postings.items():
        groups[_group(term)][term] = values
    files: dict[str, bytes] = {}
    # Dumping a large index's JSON takes a second: the groups are dumped in worker processes.
    for found in run_jobs([partial(_split_files, *item) for item in groups.items()], chunk=8):
        files.update(found)
    return files


def _group(key: str) -> str:
    """The two-letter group a term, or a form's key, is kept in: the term's first two letters
    (a form's, those of the term it folds to: "=đến" with "den")."""
    return fold(key[1:])[:2] if key[0] == FORM else key[:2]


def _split_files(key: str, group: dict[str, list[int]]) -> dict[str, bytes]:
    """The shard files of one two-letter group (each group is split on its own), each as
    `_dumps` writes it, and beside each shard the forms file of its terms written with marks
    (see _forms_files).

    Each term's JSON is made once: a shard's size is the sum of its terms', so a group split
    again and again (the largest, by four or five letters) is not dumped whole at each level."""
    forms = {term: values for term, values in group.items() if term[0] == FORM}
    group = {term: values for term, values in group.items() if term[0] != FORM}
    entries = {term: _entry(term, values) for term, values in group.items()}
    files: dict[str, bytes] = {}
    where: dict[str, list[str]] = {}
    pending: list[tuple[str, list[str]]] = [(key, list(group))]
    while pending:
        key, terms = pending.pop()
        # `{` and `}`, and a comma between two entries.
        size = 1 + sum(len(entries[term]) + 1 for term in terms)
        if size <= SHARD_LIMIT or all(len(t) <= len(key) for t in terms):
            files[f"t/{key}.json"] = _shard(entries, terms)
            where[key] = terms
            continue
        stay = [t for t in terms if len(t) <= len(key)]
        longer: dict[str, list[str]] = defaultdict(list)
        for term in terms:
            if len(term) > len(key):
                longer[term[: len(key) + 1]].append(term)
        if stay:
            files[f"t/{key}.json"] = _shard(entries, stay)
            where[key] = stay
        pending.extend(longer.items())
    if forms:
        files.update(_forms_files(where, group, forms))
    return files


def _forms_files(
    where: Mapping[str, list[str]],
    postings: Mapping[str, list[int]],
    forms: Mapping[str, list[int]],
) -> dict[str, bytes]:
    """The forms files of a group's shards (`where`: each shard's terms): `f/<key>.json` beside
    `t/<key>.json`, for each of its terms some bulletin writes with marks, which bulletins write
    which form (see _forms_entry). Only a query typed with marks reads them."""
    by_term: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for key, values in forms.items():
        by_term[fold(key[1:])][key[1:]] = values
    files: dict[str, bytes] = {}
    for key, terms in where.items():
        entries = {}
        for term in terms:
            if term in by_term:
                entry = _forms_entry(term, postings[term], by_term[term])
                if entry:
                    entries[term] = entry
        if entries:
            files[f"f/{key}.json"] = _dumps(entries)
    return files


def _forms_entry(
    term: str, values: list[int], forms: Mapping[str, list[int]]
) -> dict[str, int | str | list[int]]:
    """Which of a term's bulletins write which of its forms: {form: members}, `members` over the
    places of the bulletins in the term's postings (see _members); the form without marks is
    every bulletin writing no other but those that wrote it beside one (see _form_keys). Empty
    when no bulletin writes the term with marks."""
    count = len(values)
    steps = [value >> 2 for value in values]
    if len(forms) == 1 and term not in forms:
        # The commonest case, a third of the forms' postings: every bulletin writing the term
        # writes it one way ("người"), the same numbers (the same steps between them).
        ((token, found),) = forms.items()
        if len(found) == count and [value >> 2 for value in found] == steps:
            return {token: 1}
    place = dict(zip(accumulate(steps), range(count), strict=True))
    written = {token: _places(found, place) for token, found in forms.items() if token != term}
    written = {token: places for token, places in written.items() if places}
    if not written:
        return {}
    anywhere = set().union(*written.values())
    beside = set(_places(forms.get(term, []), place))
    plain = [i for i in range(count) if i not in anywhere or i in beside]
    if plain:
        written[term] = plain
    return {token: _members(places, count) for token, places in written.items()}


def _places(values: list[int], place: Mapping[int, int]) -> list[int]:
    """The places (`place`: bulletin number → place) of the bulletins encoded postings name, in
    order, leaving out any not placed."""
    try:
        # A form's bulletins all write its term (see _form_keys): looked up without a test each.
        return list(map(place.__getitem__, accumulate(map(rshift, values, repeat(2)))))
    except KeyError:
        return [place[n] for n in accumulate(value >> 2 for value in values) if n in place]


def _members(places: list[int], count: int) -> int | str | list[int]:
    """Places among `count` postings, in as few bytes as JSON takes: 1 for all of them, else
    the shorter of their deltas (sparse) or a bitmap (dense: base64url, bit i of byte i // 8 for
    place i, no padding)."""
    if len(places) == count:
        return 1
    deltas = list(map(sub, places, [0, *places]))
    size = (count + 7) // 8
    # The bitmap's length without padding, known before it is made: most forms are sparse.
    if (4 * size + 2) // 3 + 2 >= len(_dumps(deltas)):
        return deltas
    bits = bytearray(size)
    for i in places:
        bits[i >> 3] |= 1 << (i & 7)
    return base64.urlsafe_b64encode(bits).rstrip(b"=").decode()


def _form_postings(
    postings: Mapping[str, list[int]], forms: Mapping[str, Mapping[str, int | str | list[int]]]
) -> dict[str, list[int]]:
    """The postings of the forms' keys (see _form_keys) a group's forms files were made from,
    read back with its terms' postings: what `_forms_files` makes them from again."""
    found: dict[str, list[int]] = {}
    for term, entry in forms.items():
        numbers = list(accumulate(value >> 2 for value in postings[term]))
        written: set[int] = set()
        plain: list[int] = []
        for token, members in entry.items():
            places = [numbers[i] for i in _member_places(members, len(numbers))]
            if token == term:
                plain = places
            else:
                written.update(places)
                found[FORM + token] = _encoded(places)
        beside = [n for n in plain if n in written]
        if beside:
            found[FORM + term] = _encoded(beside)
    return found


def _encoded(numbers: Iterable[int]) -> list[int]:
    """Bulletin numbers, in order, as postings of a form's key (delta × 4 + 1, see _form_keys)."""
    found, last = [], 0
    for number in numbers:
        found.append((number - last) * 4 + 1)
        last = number
    return found


def _member_places(members: int | str | list[int], count: int) -> list[int]:
    """The places `_members` encoded, in order."""
    if isinstance(members, int):
        return list(range(count))
    if isinstance(members, list):
        return list(accumulate(members))
    bits = base64.urlsafe_b64decode(members + "=" * (-len(members) % 4))
    return [i for i in range(min(count, len(bits) * 8)) if bits[i >> 3] >> (i & 7) & 1]


def _entry(term: str, values: list[int]) -> bytes:
    """One term of a shard as `_dumps` writes it inside the shard's object: `"term":[…]`."""
    return _dumps(term) + b":" + _dumps(values)


def _shard(entries: Mapping[str, bytes], terms: Iterable[str]) -> bytes:
    """The shard file of `terms`: `_dumps` of {term: values}, keys sorted, from their entries."""
    return b"{" + b",".join(entries[term] for term in sorted(terms)) + b"}"


def _patch(values: list[int], changes: Mapping[int, int | None]) -> list[int]:
    """Encoded postings with `changes` made: {bulletin number: its best field, or None when the
    term is no longer in it}.

    Only the postings from the first changed number on are encoded again: a new newest
    bulletin's posting is appended after the others, which keep their bytes."""
    numbers = list(accumulate(value >> 2 for value in values))
    cut = bisect_left(numbers, min(changes))
    tail = {number: value & 3 for number, value in zip(numbers[cut:], values[cut:], strict=True)}
    for number, field in changes.items():
        if field is None:
            tail.pop(number, None)
        else:
            tail[number] = field
    patched, previous = values[:cut], numbers[cut - 1] if cut else 0
    for number in sorted(tail):
        patched.append((number - previous) * 4 + tail[number])
        previous = number
    return patched


def build_index(
    docs: Sequence[SearchDoc],
    categories: Categories,
    fields: Iterable[Mapping[str, int]] | None = None,
    lexicon: Lexicon | None = None,
) -> dict[str, bytes]:
    """Every index file, by path relative to INDEX_DIR, for bulletins oldest first (each one's
    number is its place in `docs`; see site_docs).

    `fields`: `doc_fields` of each document, when already known; `lexicon`: the abbreviations
    a bulletin spelling one out is also found by (see site_lexicon; the built-in ones when not
    given).
    """
    lexicon = seed_lexicon() if lexicon is None else lexicon
    chunks = (docs[start : start + CHUNK] for start in range(0, len(docs), CHUNK))
    postings = _postings(docs, fields, lexicon)
    shorts = _abbreviations(lexicon, postings.__contains__)
    return _index_files(postings, chunks, [d.category for d in docs], categories, shorts)


def _index_files(
    postings: Mapping[str, list[int]],
    chunks: Iterable[Sequence[SearchDoc]],
    doc_categories: list[int],
    categories: Categories,
    abbreviations: Mapping[str, str],
) -> dict[str, bytes]:
    """The index files from the postings and the documents' cards, CHUNK at a time."""
    files = _shard_files(postings)
    for number, chunk in enumerate(chunks):
        files[_chunk_path(number * CHUNK)] = _cards(chunk)
    _add_manifest(files, _digests(files), doc_categories, categories, abbreviations)
    return files


def _chunk_path(number: int) -> str:
    """The cards file holding bulletin `number`."""
    return f"d/{number // CHUNK}.json"


def _cards(docs: Sequence[SearchDoc]) -> bytes:
    """One cards file."""
    return _dumps([[d.url, d.title, d.date_iso, d.date_label, d.category, d.summary] for d in docs])


def _digests(files: Mapping[str, bytes]) -> dict[str, str]:
    """sha256 of each file."""
    return {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}


def _add_manifest(
    files: dict[str, bytes],
    digests: dict[str, str],
    doc_categories: list[int],
    categories: Categories,
    abbreviations: Mapping[str, str],
) -> None:
    """Put index.json, made for the files `digests` lists, in `files` and `digests`."""
    data = _manifest(digests, doc_categories, categories, abbreviations)
    files["index.json"] = data
    digests["index.json"] = hashlib.sha256(data).hexdigest()


def _manifest(
    digests: Mapping[str, str],
    doc_categories: list[int],
    categories: Categories,
    abbreviations: Mapping[str, str],
) -> bytes:
    """index.json for the other files, by their digests (its version changes whenever any of
    them does: an update knows the digests of the files it did not touch, not their bytes)."""
    others = sorted(k for k in digests if k != "index.json")
    version = hashlib.sha256("".join(digests[k] for k in others).encode()).hexdigest()[:10]
    manifest = {
        "format": 2,
        "version": version,
        "count": len(doc_categories),
        "chunk": CHUNK,
        "per_page": PER_PAGE,
        "max_terms": MAX_TERMS,
        "prefix_min": PREFIX_MIN,
        "joined_min": JOINED_MIN,
        "mend_max": MEND_MAX,
        "weights": {str(k): v for k, v in FIELD_WEIGHTS.items()},
        "categories": [
            {"key": c[0], "label": c[1], **({"url": c[2]} if len(c) > 2 else {})}
            for c in categories
        ],
        "doc_categories": doc_categories,
        "shards": sorted(k[2:-5] for k in others if k.startswith("t/")),
        "forms": sorted(k[2:-5] for k in others if k.startswith("f/")),
        "abbreviations": abbreviations,
    }
    return _dumps(manifest)


def _decode(values: Sequence[int]) -> dict[int, int]:
    """Encoded postings → {bulletin number: best field}."""
    found, number = {}, 0
    for value in values:
        number += value // 4
        found[number] = value % 4
    return found


def prefix_keys(word: str, keys: Sequence[str] | set[str]) -> list[str]:
    """The shards holding every term that starts with `word`: its own and those split off it."""
    found = sorted(k for k in keys if k.startswith(word))
    own = shard_key(word, keys)
    return found if own is None or own in found else [own, *found]


def telex(term: str) -> str | None:
    """The folded syllable a term typed the Telex way without a Vietnamese keyboard stands for
    ("luaf" → "lua", "ddaor" → "dao", "nguowif" → "nguoi"), or None when it reads as no
    Telex-typed syllable ("facebook", "zalo", "sms", "cong")."""
    plain = term[:-1] if term[-1] in TELEX_TONES else _TELEX_TONE.sub(r"\1\2", term)
    plain = _TELEX_W.sub(r"\1", _TELEX_DOUBLE.sub(r"\1", plain.replace("dd", "d")))
    plain = plain.replace("w", "u")  # a "w" after a consonant is "ư"
    if plain == term or len(plain) < 2 or not SYLLABLE_RE.fullmatch(plain):
        return None
    return plain


def _half_typed(term: str) -> bool:
    """Whether a last query term is a word only begun: one letter, or "dd" (Telex for "đ")."""
    return (len(term) == 1 and not term.isdigit()) or term == "dd"


def _is_phone(term: str) -> bool:
    """Whether a query term is a phone number, its digits joined (see `query_terms`)."""
    return _phone(term) == term


def _used(wanted: Sequence[str], max_terms: int) -> tuple[list[str], bool]:
    """The query terms ranked by, and whether the last of them is open (finds the longer words
    it starts).

    A last word only begun after others ("lua d") is left out and the word before it stays
    whole: as "d" it matched the word "d" alone, as a prefix it would fetch every shard of "d".
    Of the words, the first `max_terms` are kept, less one for each phone number, which is
    always kept: the number in a pasted SMS is what a citizen checks, wherever it comes."""
    begun = len(wanted) > 1 and _half_typed(wanted[-1])
    kept = wanted[: len(wanted) - begun]
    room = max_terms - sum(map(_is_phone, kept))
    used: list[str] = []
    for term in kept:
        if _is_phone(term):
            used.append(term)
        elif room > 0:
            used.append(term)
            room -= 1
    return used, not begun


def _prefixed(term: str, last: bool, prefix_min: int) -> bool:
    """Whether a query term also finds the longer terms it starts (the last, long enough)."""
    return last and len(term) >= prefix_min


@dataclass(frozen=True, slots=True)
class _Plan:
    """How a query is searched: the terms ranked by, whether the last is open, what each stands
    for when typed in Telex, and each phone number's digit groups (searched as words when the
    number as a whole finds nothing: a bulletin wrote it in a way the index does not join)."""

    used: list[str]
    open_: bool
    spelled: list[str | None]
    groups: list[list[str]]
    typed: list[str | None]
    """Each term as typed, lower case, marks and all ("đen"), the tone of a final «oa», «oe»,
    «uy» where the forms keep it (`one_tone_placement`); None for a phone number."""
    begun: list[str | None]
    """Each term as typed, lower case, the tone of a final «oa», «oe», «uy» on the second vowel
    (`tone_on_second`): the open last word starts the longer words beginning with this
    («hoà», «hòa» start «hoàng») or with `typed` («hòa2», «khủyu» as a bulletin writes them):
    typed either way, a word is on its way to both (a keyboard moves the tone as letters come)."""
    marked: bool
    """Whether the query has marks: then the bulletins writing its words so rank first."""
    quoted: bool
    """Whether the query is in quotes: then only those bulletins are found, when any is."""
    short: list[tuple[int, int, str]]
    """Each run of terms that spells an abbreviation out, as (first, end, abbreviation): the
    bulletins writing the abbreviation have those words."""

    def last(self, i: int) -> bool:
        """Whether term `i` is the open last one."""
        return self.open_ and i == len(self.used) - 1


def _query_shards(plan: _Plan, keys: Sequence[str] | set[str], prefix_min: int) -> list[str]:
    """The shard keys a query needs, in the order search.js asks for them: each term's, those
    of what it stands for when typed in Telex (`spelled`), and those of a number's groups."""
    found: list[str] = []
    for i, typed in enumerate(plan.used):
        for term in (typed, plan.spelled[i]):
            if term is None:
                continue
            prefixed = _prefixed(term, plan.last(i), prefix_min)
            for key in prefix_keys(term, keys) if prefixed else [shard_key(term, keys)]:
                if key is not None and key not in found:
                    found.append(key)
        for group in plan.groups[i]:
            key = shard_key(group, keys)
            if key is not None and key not in found:
                found.append(key)
    for _, _, short in plan.short:
        key = shard_key(short, keys)
        if key is not None and key not in found:
            found.append(key)
    return found


def _form_keys_of(plan: _Plan, keys: Sequence[str] | set[str], prefix_min: int) -> list[str]:
    """The keys of the forms files a query with marks needs: those beside its typed words'
    shards (see _written)."""
    found: list[str] = []
    for i, term in enumerate(plan.used if plan.marked else ()):
        prefixed = _prefixed(term, plan.last(i), prefix_min)
        for key in prefix_keys(term, keys) if prefixed else [shard_key(term, keys)]:
            if key is not None and key not in found:
                found.append(key)
    return found


def _add_named(hits: dict[int, int], doc_categories: Sequence[int], named: Sequence[int]) -> None:
    """Count each bulletin of the `named` categories as having the term in its body (the field
    it has it in stays when better)."""
    if named:
        for n, c in enumerate(doc_categories):
            if c in named:
                hits.setdefault(n, 1)


def _named(plan: _Plan, labels: Sequence[Sequence[str]], prefix_min: int) -> list[list[int]]:
    """The categories each query term names: those whose whole name, or two consecutive words
    of it, are consecutive terms of the query ("cai cach hanh chinh", "hanh chinh"). One word
    alone does not: "an", "bao", "hanh" named whole categories ("hanh vi" found 7 bulletins,
    then 11). A term matches a name's word as typed or read as Telex, the open last one also
    the words it starts ("hanh ch")."""

    def fits(i: int, word: str) -> bool:
        """Whether query term `i` is (or, open, starts) a word of a name."""
        return any(
            form is not None
            and (
                form == word
                or (_prefixed(form, plan.last(i), prefix_min) and word.startswith(form))
            )
            for form in (plan.used[i], plan.spelled[i])
        )

    named: list[list[int]] = [[] for _ in plan.used]
    for c, label in enumerate(labels):
        size = min(2, len(label))
        for i in range(len(plan.used) - size + 1) if size else ():
            for k in range(len(label) - size + 1):
                if all(fits(i + d, label[k + d]) for d in range(size)):
                    for d in range(size):
                        if c not in named[i + d]:
                            named[i + d].append(c)
    return named


class _Shards(dict[str, dict]):
    """The term shards of an index, each read from its file when first needed; `loaded` lists
    them in that order (what search.js downloads: it fetches in rounds as words need them)."""

    def __init__(self, files: Mapping[str, bytes], loaded: list[str], folder: str = "t") -> None:
        super().__init__()
        self.files = files
        self.loaded = loaded
        self.folder = folder

    def __missing__(self, key: str) -> dict:
        """A shard read the first time it is asked for (a forms file the index does not have:
        empty, no term of that shard is written with marks)."""
        path = f"{self.folder}/{key}.json"
        if path not in self.files:
            shard = self[key] = {}
            return shard
        self.loaded.append(path)
        shard = self[key] = json.loads(self.files[path])
        return shard


@dataclass(frozen=True, slots=True)
class _Lookup:
    """What one query's terms are looked up in: its shards, each bulletin's category, the words
    of each category's name."""

    shards: _Shards
    keys: set[str]
    cats: Sequence[int]
    labels: Sequence[Sequence[str]]
    forms: _Shards
    """The forms files (see _forms_files), by the key of the shard they are beside."""
    written_labels: Sequence[Sequence[str]]
    """The words of each category's name as written, lower case, marks and all."""


def _hits(
    term: str, prefixed: bool, at: _Lookup, named: Sequence[int] = ()
) -> tuple[dict[int, int], dict[int, int]]:
    """The bulletins having `term` as a whole word, then those having it or (`prefixed`) a
    longer word it starts: {number: best field}; the bulletins of the `named` categories count
    when the term is a word of the name (or starts one)."""
    key = shard_key(term, at.keys)
    exact = _decode(at.shards[key].get(term, [])) if key else {}
    _add_named(exact, at.cats, [c for c in named if term in at.labels[c]])
    hits = dict(exact)
    if prefixed:
        for shard in (at.shards[k] for k in prefix_keys(term, at.keys)):
            for other, values in shard.items():
                if other != term and other.startswith(term):
                    for n, f in _decode(values).items():
                        hits[n] = max(hits.get(n, 0), f)
        starts = [c for c in named if any(w.startswith(term) for w in at.labels[c])]
        _add_named(hits, at.cats, starts)
    return exact, hits


def _all_of(groups: Sequence[str], at: _Lookup) -> dict[int, int]:
    """The bulletins having every one of a number's digit groups as a whole word, each with the
    worst field of them ("0912,345,678" is no number the index joins)."""
    found: dict[int, int] | None = None
    for group in groups:
        hits = _hits(group, False, at)[0]
        found = (
            hits if found is None else {n: min(f, hits[n]) for n, f in found.items() if n in hits}
        )
    return found or {}


@dataclass(frozen=True, slots=True)
class Found:
    """What a query finds: bulletin numbers, best first; whether none has every word searched
    and these have only some (the most first); the words searched, a word typed in Telex as
    read ("ddaor" → "dao"); the phone numbers asked about that no bulletin of the site names,
    in whatever category (the page says so, not "no bulletin" of a number a bulletin warns
    against); not nine digits typed alone, read as a mobile number without its 0 (its words is
    then those digits: «385123457» may be an old CMND)."""

    numbers: list[int]
    partial: bool
    words: list[str]
    unnamed: list[str]
    written: int = 0
    """How many of the first results write every word as typed, marks and all (all of them when
    the query has no marks)."""


def _plan(manifest: Mapping, query: str) -> _Plan | None:
    """How a query is searched; None when it is too short to search."""
    wanted, numbers = _query(query)
    if too_short(wanted):
        return None
    used, open_ = _used(wanted, manifest["max_terms"])
    typed = _typed(query)
    forms = [typed.get(t) for t in used]
    lexicon = manifest.get("abbreviations", {})
    return _Plan(
        used,
        open_,
        [telex(t) for t in used],
        [numbers.get(t, []) for t in used],
        [None if form is None else one_tone_placement(form.lower()) for form in forms],
        [None if form is None else tone_on_second(form.lower()) for form in forms],
        any(form is not None and not form.isascii() for form in forms),
        any(mark in query for mark in QUOTES),
        _spelled_out(used, lexicon),
    )


def _typed(query: str) -> dict[str, str]:
    """Each term of a query as first typed, case and marks kept: "Đen đen" → {"den": "Đen"}."""
    found: dict[str, str] = {}
    for token in _FORM_RE.findall(nfc(query)):
        term = fold(token)
        if TERM_RE.fullmatch(term):
            found.setdefault(term, token)
    return found


def _spelled_out(used: Sequence[str], lexicon: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """The runs of a query's terms that spell an abbreviation of the lexicon out ("can cuoc cong
    dan" → "cccd"), as (first, end, abbreviation)."""
    found: list[tuple[int, int, str]] = []
    for short, expansion in lexicon.items():
        words = terms(expansion)
        for first in range(len(used) - len(words) + 1) if len(words) > 1 else ():
            if used[first : first + len(words)] == words:
                found.append((first, first + len(words), short))
    return found


def find(files: Mapping[str, bytes], query: str, category: str = "") -> Found:
    """The bulletins a query finds — the same rules as search.js.

    Each term scores the weight of the best field it occurs in (a word of a bulletin's category
    name counts as in its body, when the query names the category: see `_named`); the last term
    also matches the longer terms it starts, and among equal scores the bulletins having it as
    a whole word come first; then the newest (the highest number) first, as in site order. A
    term that matches nothing as typed but reads as a Telex-typed syllable that matches is
    searched as that syllable; a phone number that matches nothing, as its digit groups. When
    no bulletin has every term, those having at least half of them are found, the most terms
    first (a pasted message rarely has all its first words in one bulletin) — or, when the
    query has phone numbers, those naming any of them, whatever else they have."""
    manifest = json.loads(files["index.json"])
    plan = _plan(manifest, query)
    if plan is None:
        return Found([], False, [], [])
    return _find(files, manifest, plan, category)[0]


def _find(
    files: Mapping[str, bytes], manifest: Mapping, plan: _Plan, category: str
) -> tuple[Found, list[str]]:
    """What `find` finds for a query's plan, and the files it read, in the order search.js
    downloads them (the first round together, then those the words' readings need)."""
    keys = set(manifest["shards"])
    prefix_min = manifest["prefix_min"]
    labels = [terms(c["label"]) for c in manifest["categories"]]
    written_labels = [
        _FORM_RE.findall(one_tone_placement(nfc(c["label"])).lower())
        for c in manifest["categories"]
    ]
    loaded: list[str] = []
    forms = _Shards(files, loaded, "f")
    cats = manifest["doc_categories"]
    at = _Lookup(_Shards(files, loaded), keys, cats, labels, forms, written_labels)
    for key in _query_shards(plan, keys, prefix_min):
        at.shards[key]  # the first round of downloads, together
    for key in _form_keys_of(plan, keys, prefix_min):
        at.forms[key]
    named = _named(plan, labels, prefix_min)
    read = _read_words(plan, at, named, prefix_min)
    index = next((i for i, c in enumerate(manifest["categories"]) if c["key"] == category), None)
    return _ranked(
        read, plan, [n for n, c in enumerate(cats) if index is None or c == index]
    ), loaded


@dataclass(frozen=True, slots=True)
class _Words:
    """A query's words as read, and the bulletins of each: as a whole word and (`per_word`) all
    of them; those writing it as typed, marks and all (`written`); those having two words side by
    side (`adjacent`)."""

    words: list[str]
    exacts: list[dict[int, int]]
    per_word: list[dict[int, int]]
    written: list[set[int]]
    adjacent: list[dict[int, int]]
    whole: dict[int, int]


def _read_words(plan: _Plan, at: _Lookup, named: list[list[int]], prefix_min: int) -> _Words:
    """How each word of a query is read, and the bulletins it finds (see `find`)."""
    words: list[str] = []
    exacts: list[dict[int, int]] = []
    per_word: list[dict[int, int]] = []
    adjacent: list[dict[int, int]] = []
    for i, typed in enumerate(plan.used):
        last = plan.last(i)
        term, (exact, hits) = typed, _hits(typed, _prefixed(typed, last, prefix_min), at, named[i])
        other = plan.spelled[i]
        if not hits and other is not None:
            read = _hits(other, _prefixed(other, last, prefix_min), at, named[i])
            if read[1]:
                term, (exact, hits) = other, read
        groups = plan.groups[i]
        if groups and (not hits or len(groups) == 1):
            if not hits and len(groups) == 1 and typed == "0" + groups[0]:
                # Nine digits read with a 0 the citizen never typed (an old CMND, an account),
                # which no bulletin names: no number to warn of (see Found.unnamed).
                term = groups[0]
            # A number typed as one run of digits ("912345678", "84123456789") is those digits
            # too: a bulletin may write them as no number (an account), beside one naming it.
            as_typed = _all_of(groups, at)
            exact, hits = _or(exact, as_typed), _or(hits, as_typed)
        if not hits and not _is_phone(typed):
            joined = _joined(typed, _prefixed(typed, last, prefix_min), at)
            if joined is not None:
                term, exact, hits = joined[0], joined[1], joined[1]
                adjacent.append(joined[2])
        words.append(term)
        exacts.append(exact)
        per_word.append(hits)
    shortened = [_hits(short, False, at)[0] for _, _, short in plan.short]
    for (first, end, _), spelled in zip(plan.short, shortened, strict=True):
        for i in range(first, end):
            exacts[i], per_word[i] = _or(exacts[i], spelled), _or(per_word[i], spelled)
    _mend(words, exacts, per_word, plan, at, prefix_min)
    whole: dict[int, int] = {}
    if plan.open_ and words and _prefixed(words[-1], True, prefix_min):
        whole = exacts[-1]
    adjacent += _adjacent(words, plan, at, prefix_min)
    written = [
        _written(plan, i, at, named[i], prefix_min) if _as_typed(plan, i, words) else set(hits)
        for i, hits in enumerate(per_word)
    ]
    for (first, end, _), spelled in zip(plan.short, shortened, strict=True):
        for i in range(first, end):
            written[i].update(spelled)
    return _Words(words, exacts, per_word, written, adjacent, whole)


def _as_typed(plan: _Plan, i: int, words: Sequence[str]) -> bool:
    """Whether query word `i` is told apart by its marks: the query has marks, and the word was
    read as typed (not as Telex, two words, a slip; not a phone number)."""
    return plan.marked and plan.typed[i] is not None and words[i] == plan.used[i]


def _or(one: dict[int, int], other: Mapping[int, int]) -> dict[int, int]:
    """The bulletins of either, each with its better field."""
    found = dict(one)
    for n, f in other.items():
        found[n] = max(found.get(n, 0), f)
    return found


def _written(plan: _Plan, i: int, at: _Lookup, named: Sequence[int], prefix_min: int) -> set[int]:
    """The bulletins writing query word `i` as typed, marks and all (the last word, open, also
    the longer words it starts: "đả" writes «đảo», not «đáo»), read from the forms files (a term
    none of the site writes with marks is in none: every bulletin having it writes it so). A word of a category the query names counts as written by its bulletins when the name
    writes it so."""
    term, typed, begun = plan.used[i], plan.typed[i] or "", plan.begun[i] or ""
    prefixed = _prefixed(term, plan.last(i), prefix_min)
    found: set[int] = set()
    for key in prefix_keys(term, at.keys) if prefixed else [shard_key(term, at.keys)]:
        if key is None:
            continue
        shard, forms = at.shards[key], at.forms[key]
        # A pair term ("cao_luong") starts with its first word: not a longer word.
        for other in (
            [t for t in shard if t.startswith(term) and PAIR not in t] if prefixed else [term]
        ):
            if other not in shard:
                continue
            numbers = list(_decode(shard[other]))
            entry: Mapping[str, int | str | list[int]] = forms.get(other) or {other: 1}
            for form, members in entry.items():
                if form == typed or (prefixed and form.startswith((typed, begun))):
                    found.update(numbers[p] for p in _member_places(members, len(numbers)))
    for c in named:
        if any(
            w == typed or (prefixed and w.startswith((typed, begun))) for w in at.written_labels[c]
        ):
            found.update(n for n, its in enumerate(at.cats) if its == c)
    return found


def _ranked(read: _Words, plan: _Plan, allowed: Sequence[int]) -> Found:
    """The bulletins a query's words find in the `allowed` ones (a category's), best first
    (see `find`)."""
    words, per_word, adjacent = read.words, read.per_word, read.adjacent
    allowed_set = set(allowed)
    candidates = {n for hits in per_word for n in hits if n in allowed_set}
    count = {n: sum(n in hits for hits in per_word) for n in candidates}
    chosen = [n for n in candidates if count[n] == len(per_word)]
    partial = not chosen and len(per_word) > 1
    phones = [hits for term, hits in zip(words, per_word, strict=True) if _is_phone(term)]
    if partial and phones:
        chosen = [n for n in candidates if any(n in hits for hits in phones)]
    elif partial:
        chosen = [n for n in candidates if count[n] >= (len(per_word) + 1) // 2]
    written = {n: sum(n in found for found in read.written) for n in chosen}
    every = [n for n in chosen if written[n] == len(per_word)]
    if plan.quoted and plan.marked and every and not partial:
        chosen = every
    score = {
        n: sum(FIELD_WEIGHTS[hits[n]] for hits in per_word + adjacent if n in hits) for n in chosen
    }
    near = {n: sum(n in hits for hits in adjacent) for n in chosen}
    numbers = sorted(
        chosen,
        key=lambda n: (-count[n], -written[n], -near[n], -score[n], n not in read.whole, -n),
    )
    unnamed = [t for t, hits in zip(words, per_word, strict=True) if _is_phone(t) and not hits]
    shown = [word.replace(PAIR, " ") for word in words]
    return Found(numbers, partial and bool(numbers), shown, unnamed, 0 if partial else len(every))


def _plain(term: str) -> bool:
    """Whether a query term is one syllable's letters (not a number, not two words read as one)."""
    return term.isalpha() and PAIR not in term


def _joined(
    term: str, prefixed: bool, at: _Lookup
) -> tuple[str, dict[int, int], dict[int, int]] | None:
    """A word of JOINED_MIN letters or more typed without the space between two syllables
    ("duaxe", "tanphu"), as the pair term of the cut into two syllables that the most bulletins
    have both words of (the first of equals: "congan" is «công an» in every bulletin, not «có
    ngăn», the first cut that found some), {number: field} of those bulletins, and of those
    having them side by side as the index's pairs tell; None when no cut finds any."""
    if len(term) < JOINED_MIN or not term.isalpha():
        return None
    best: tuple[str, dict[int, int], dict[int, int]] | None = None
    for cut in range(1, len(term)):
        first, second = term[:cut], term[cut:]
        if not (SYLLABLE_RE.match(first) and SYLLABLE_RE.match(second)):
            continue
        ones = _hits(first, False, at)[0]
        twos = _hits(second, prefixed, at)[1]
        both = {n: min(field, twos[n]) for n, field in ones.items() if n in twos}
        if len(both) > (len(best[1]) if best else 0):
            best = pair(first, second), both, _hits(pair(first, second), prefixed, at)[1]
    return best


def swaps(term: str) -> list[str]:
    """The syllables a word is with two adjacent vowels swapped ("doa" → ["dao"]): the slip of
    the fingers on a syllable's vowels and their marks ("đỏa" for "đảo", "ddoar" for "ddaor")."""
    found: list[str] = []
    for i in range(len(term) - 1):
        if term[i] not in VOWELS or term[i + 1] not in VOWELS:
            continue
        swapped = term[:i] + term[i + 1] + term[i] + term[i + 2 :]
        if swapped != term and SYLLABLE_RE.match(swapped) and swapped not in found:
            found.append(swapped)
    return found


def _mend(
    words: list[str],
    exacts: list[dict[int, int]],
    per_word: list[dict[int, int]],
    plan: _Plan,
    at: _Lookup,
    prefix_min: int,
) -> None:
    """Read a word as the same letters with two vowels swapped ("lừa đỏa" as "lua dao") when a
    word beside it says so: the swapped word is a pair with it in the index and the word as
    typed is not; or the word as typed finds nothing at all and the swapped one is in bulletins
    with the word beside it. Only in a query of at most MEND_MAX words, typed: a pasted message
    is as it was written. (A word that is a pair with a word beside it is left as typed,
    without downloading the shards of its swaps.)"""
    for i, word in enumerate(words if len(words) <= MEND_MAX else ()):
        if not _plain(word):
            continue
        prefixed = _prefixed(word, plan.last(i), prefix_min)
        beside = [j for j in (i - 1, i + 1) if 0 <= j < len(words) and _plain(words[j])]
        if not beside:
            continue
        paired = [_side(words, i, j, word) for j in beside]
        if any(_hits(typed, prefixed, at)[1] for typed in paired):
            continue
        for other in swaps(word):
            found = _hits(other, False, at)[0]
            if not found:
                continue
            for j in beside:
                confirmed = bool(_hits(_side(words, i, j, other), False, at)[0])
                if not confirmed and not per_word[i]:
                    confirmed = any(n in per_word[j] for n in found)
                if confirmed:
                    words[i], exacts[i], per_word[i] = other, found, found
                    break
            if words[i] == other:
                break


def _side(words: Sequence[str], i: int, j: int, word: str) -> str:
    """The pair term of `word` in place of word `i` and word `j` beside it, in query order."""
    return pair(words[j], word) if j < i else pair(word, words[j])


def _adjacent(
    words: Sequence[str], plan: _Plan, at: _Lookup, prefix_min: int
) -> list[dict[int, int]]:
    """For each two adjacent words of a query, the bulletins having them side by side in that
    order (a title's words, a name written with capitals): {number: field}."""
    found: list[dict[int, int]] = []
    for i in range(1, len(words)):
        if _plain(words[i - 1]) and _plain(words[i]):
            prefixed = _prefixed(words[i], plan.last(i), prefix_min)
            found.append(_hits(pair(words[i - 1], words[i]), prefixed, at)[1])
    return found


def rank(files: Mapping[str, bytes], query: str, category: str = "") -> list[int]:
    """The bulletin numbers a query finds, best first (see `find`)."""
    return find(files, query, category).numbers


def files_for_query(files: Mapping[str, bytes], query: str, category: str = "") -> list[str]:
    """The index files search.js downloads for a first query (manifest, shards, first page's cards)."""
    manifest = json.loads(files["index.json"])
    plan = _plan(manifest, query)
    if plan is None:
        return []
    found, loaded = _find(files, manifest, plan, category)
    cards = [f"d/{n // manifest['chunk']}.json" for n in found.numbers[: manifest["per_page"]]]
    return ["index.json", *loaded, *dict.fromkeys(cards)]


def site_docs(site: Site) -> list[SearchDoc]:
    """The website's bulletins as search documents, oldest first (as they are numbered)."""
    prefix, order, _ = _shape(site)
    pages = _site_linked_pages(site)
    return [_doc(b, prefix, order, pages=pages.get(b.source, ())) for b in _numbered(site)]


LinkedPages = tuple[tuple[str, str], ...]
"""(href, site path of its page) of each link of a body to a loaded content file, held or not:
a link's words spelling that address name the file (links.held_words), and the address comes
from its `slug`, which need not be in its file's name."""


def linked_pages(item: Bulletin | Page, site: Site) -> LinkedPages:
    """The LinkedPages of one bulletin's or page's body."""
    found: dict[str, str] = {}
    # A page's address typed from the browser («/2020/12/ten-bai/»): words spelling it name
    # that page's file too.
    hrefs = [href for href, _ in item.links] + page_hrefs(item.body, site.config.addresses)
    for href in hrefs:
        file = linked_file(href, item.source, site.documents, site.config.addresses)
        if file is not None:
            found[href] = site.documents[file]
    return tuple(sorted(found.items()))


def _site_linked_pages(site: Site) -> dict[str, LinkedPages]:
    """The LinkedPages of each website bulletin whose body links to a content file, by its file."""
    bulletins = _numbered(site)
    # On both cores: each body is unpacked and read for addresses, ~0.25 s at 10,000 bulletins
    # that this process spent alone, the other core idle.
    jobs = [partial(linked_pages, b, site) for b in bulletins]
    found = run_jobs(jobs, chunk=256)
    return {b.source: pages for b, pages in zip(bulletins, found, strict=True) if pages}


def _numbered(site: Site) -> tuple[Bulletin, ...]:
    """The website's bulletins in the order the index numbers them: oldest first, the reverse
    of site order (a new newest bulletin is appended, the others keep their numbers)."""
    return site.for_channel("web")[::-1]


def _doc_inputs(bulletin: Bulletin, pages: LinkedPages = ()) -> str:
    """What one bulletin's part of the index is made of but its URL (see Bulletin.made_of;
    site.toml, with the categories, is in the cache salt), and the addresses its links lead to
    (`pages`), as text: 10,000 strings pickle faster than 10,000 tuples of them."""
    b = bulletin
    made = (b.source, b.tags, *b.made_of("body", "title", "summary", "category", "date"))
    return repr((*made, pages) if pages else made)


def _doc(
    bulletin: Bulletin,
    prefix: str,
    order: Mapping[str, int],
    *,
    body: bool = True,
    pages: LinkedPages = (),
) -> SearchDoc:
    """One bulletin as a search document (`body=False`: for its card, which shows no body);
    `pages`: the addresses its links lead to."""
    text = plain_text(bulletin.body, dict(pages)) if body else ""
    return SearchDoc(
        url=prefix + bulletin.url,
        title=bulletin.title,
        summary=bulletin.summary,
        body=text + " " + " ".join(bulletin.tags) if body else "",
        category=order[bulletin.category],
        date_iso=bulletin.date.date().isoformat(),
        date_label=vn_short_date(bulletin.date),
    )


FIELDS_KIND = "search-fields"
"""The cache kind of a bulletin's search fields (see Fragments.own)."""
CHECKED = ":check"
"""Ends the kind of the fields a `publish check` made: its own, so that they do not replace
(and so drop) the fields of the last build, which the next build's update of the index reads
to take out the edited bulletin's old words."""


def _fields_key(cache: Fragments, doc: SearchDoc, lexicon: Lexicon = ()) -> str:
    """The cache key of a document's `doc_fields` (with the abbreviations it is read with).
    Narrow (kept across site.toml edits, see Fragments.narrow_key): `doc_fields` reads the
    texts and the abbreviations the key holds, and nothing of site.toml."""
    texts = (doc.title, doc.summary, doc.body)
    return cache.narrow_key("search-fields", *texts, _lexicon_digest(lexicon))


@functools.cache
def _lexicon_digest(lexicon: Lexicon) -> str:
    """A short digest of what of a lexicon the fields are read with (see _shorts), for their
    cache keys: an entry the index does not use (a radio reading of one word, «TP.») keeps
    every bulletin's cached fields."""
    return hashlib.sha256(repr(sorted(_shorts(lexicon).items())).encode()).hexdigest()[:16]


def _cached_fields(
    cache: Fragments,
    doc: SearchDoc,
    key: str,
    owner: str,
    kind: str,
    *,
    stored: bool = True,
    lexicon: Lexicon = (),
) -> dict[str, int]:
    """`doc_fields` of a document, from the cache when its texts were indexed before (then
    marked as `owner`'s: a renamed file's bulletin keeps its fields, see Fragments.sweep);
    `stored`: whether the cache may hold any document's fields (see Fragments.holds_kind)."""
    found = cache.get(key) if stored else None
    if not isinstance(found, dict):
        found = doc_fields(doc, lexicon)
        cache.put(key, found, owner=owner, kind=kind, narrow=True)
    else:
        cache.own(key, owner, kind)
    return found


@dataclass(frozen=True, slots=True)
class _Built:
    """What the last build's index was made from (its bulletins' URLs as numbered, the rest of
    each one's inputs), each document's fields key, and the digest of each of its files (their
    bytes are in output/, where the ledger vouches for them)."""

    urls: tuple[str, ...]
    inputs: tuple[str, ...]
    keys: tuple[str, ...]
    digests: dict[str, str]
    lexicon: Lexicon = ()
    present: frozenset[str] = frozenset()
    """The lexicon's abbreviations the index has (see _abbreviations)."""


def _fields_kind(site: Site) -> str:
    """The kind the site's search fields are owned under (see CHECKED, owned_kind)."""
    return owned_kind(FIELDS_KIND, site.drafts) + ("" if site.written else CHECKED)


def search_artifacts(site: Site, ledger: Ledger | None = None) -> Iterator[Artifact | Kept]:
    """The index files of /tim-kiem/: as Kept those output/ still holds from the last build
    (per `ledger`; none without one), the others as artifacts."""
    cache = Fragments(site.config.root)
    slot = cache.key("search-built", site.drafts)  # a preview's index apart (see render)
    bulletins = _numbered(site)
    urls = tuple(b.url for b in bulletins)
    pages = _site_linked_pages(site)
    inputs = tuple(_doc_inputs(b, pages.get(b.source, ())) for b in bulletins)
    last = cache.get(slot) if ledger is not None else None
    if not isinstance(last, _Built) or ledger is None:
        last = on_disk = None
    else:
        on_disk = _on_disk(last, ledger)
    lexicon = site_lexicon(site)
    if last is not None and on_disk is not None and _shorts(last.lexicon) != _shorts(lexicon):
        on_disk = None  # the abbreviations the index uses change: built again
    if last is not None and on_disk is not None and last.urls == urls and last.inputs == inputs:
        files: dict[str, bytes] = {}
        digests = last.digests
    else:
        with cache.batched():
            found = None
            if last is not None and on_disk is not None and ledger is not None:
                read = partial(_last_bytes, last, ledger)
                found = _update(last, urls, inputs, site, cache, read, pages)
            if found is None:
                found = _build(site, cache, lexicon, pages)
            keys, files, digests, present = found
            if site.written:
                cache.put(slot, _Built(urls, inputs, keys, digests, lexicon, present))
    for path in sorted(digests):
        rel = f"{INDEX_DIR}/{path}"
        if path in files:
            yield Artifact("web", rel, files[path])
        else:
            assert ledger is not None and on_disk is not None  # a file not made was vouched for
            yield ledger.kept_as(rel, digests[path], on_disk[path])


def _on_disk(last: _Built, ledger: Ledger) -> dict[str, Entry | bool] | None:
    """Each file of the last index output/ still holds (see Ledger.verdict), or None when any
    is missing or changed (then the index is built again: its bytes are nowhere else)."""
    found: dict[str, Entry | bool] = {}
    for path, digest in last.digests.items():
        verdict = ledger.verdict(f"{INDEX_DIR}/{path}", digest)
        if verdict is None:
            return None
        found[path] = verdict
    return found


def _last_bytes(last: _Built, ledger: Ledger, path: str) -> bytes | None:
    """One file of the last index read back from output/, None when it is not those bytes."""
    try:
        data = Path(ledger.where(f"{INDEX_DIR}/{path}")).read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == last.digests[path] else None


def _shape(site: Site) -> tuple[str, dict[str, int], list[tuple[str, str, str]]]:
    """The site's URL path prefix, each category's number, and the categories (see
    site_categories)."""
    config = site.config
    prefix = urlsplit(config.base_url).path.rstrip("/")
    order = {key: i for i, key in enumerate(config.categories)}
    return prefix, order, site_categories(site)


def site_categories(site: Site) -> list[tuple[str, str, str]]:
    """The site's categories as the index lists them: key, label and its page's URL path."""
    prefix = urlsplit(site.config.base_url).path.rstrip("/")
    return [
        (key, c.label, prefix + category_path(key)) for key, c in site.config.categories.items()
    ]


def site_lexicon(site: Site) -> Lexicon:
    """The abbreviations the site's read-aloud scripts spell out: the built-in list with the
    unit's file ([radio] abbreviations) over it; a file that cannot be read adds nothing here
    (the radio channel and `publish check` tell what is wrong with it)."""
    name = site.config.radio.abbreviations
    if not name:
        return seed_lexicon()
    merged = dict(seed_abbreviations())
    merged.update(read_unit_file(site.config.root / name, name)[0])
    return tuple(sorted(merged.items()))


@functools.cache
def seed_lexicon() -> Lexicon:
    """The built-in abbreviations (see site_lexicon)."""
    return tuple(sorted(seed_abbreviations().items()))


def _abbreviations(lexicon: Lexicon, present: Callable[[str], bool]) -> dict[str, str]:
    """The abbreviations of the index, each with what it stands for ("cccd": "căn cước công
    dân"; see _spelled_table): only those some bulletin writes or spells out, which index.json
    lists for search.js to say what it searched, and to find the bulletins writing one for a
    query spelling it out."""
    return {
        short: expansion
        for short, (expansion, _) in sorted(_shorts(lexicon).items())
        if present(short)
    }


@functools.cache
def _shorts(lexicon: Lexicon) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The abbreviations of the lexicon the index finds bulletins spelling out, folded, each with
    its expansion (the first the lexicon gives) and its words folded: those of two words or more
    whose abbreviation is no Vietnamese syllable ("cccd", "antt"; not "cat" for «Công an tỉnh»:
    «cát», «cắt» are words), and is one term."""
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    for short, expansion in lexicon:
        key, words = fold(short), tuple(terms(expansion))
        if TERM_RE.fullmatch(key) and len(words) > 1 and not SYLLABLE_RE.fullmatch(key):
            found.setdefault(key, (nfc(expansion), words))
    return found


@functools.cache
def _spelled_table(lexicon: Lexicon) -> _Table:
    """The expansions of the lexicon's abbreviations (see _shorts) by their first word, each
    with its words, its words joined between spaces, and its abbreviation: "can" →
    [({"can", "cuoc", "cong", "dan"}, " can cuoc cong dan ", "cccd")]."""
    table: _Table = defaultdict(list)
    for key, (_, words) in _shorts(lexicon).items():
        table[words[0]].append((frozenset(words), f" {' '.join(words)} ", key))
    return dict(table)


def _spelled_in(words: list[str], table: _Table) -> list[str]:
    """The abbreviations a field's terms spell out ("căn cước công dân" → ["cccd"]; `table`: see
    _spelled_table): a bulletin spelling one out is found by it, as if it wrote it."""
    # Sets, join and `in` run in C: a loop over every term of 10,000 bodies, then over the
    # places of «công», «an», took 0.2–0.3 ms a body. An expansion every word of which the text
    # has is looked for in the text.
    have = set(words)
    text = ""
    found: list[str] = []
    for first in table.keys() & have:
        for its, phrase, key in table[first]:
            if its <= have:
                text = text or f" {' '.join(words)} "
                if phrase in text:
                    found.append(key)
    return found


def _build(
    site: Site,
    cache: Fragments,
    lexicon: Lexicon = (),
    pages: Mapping[str, LinkedPages] | None = None,
) -> tuple[tuple[str, ...], dict[str, bytes], dict[str, str], frozenset[str]]:
    """The whole index, exactly as build_index() makes it, a block of documents at a time:
    each document's fields key, the files and their digests, the `lexicon`'s abbreviations
    it has (`pages`: the LinkedPages of each bulletin with any, by its file).

    Each block's fields (plain text, folding, terms: most of the work), postings and cards are
    made in worker processes, which also write the fields to the cache; the blocks' postings
    are joined here in order. (10,000 bodies as plain text at once would add ~80 MB to the
    build's peak: a block's texts live only while it is indexed.)
    """
    prefix, order, categories = _shape(site)
    bulletins = _numbered(site)
    size = _block_size(len(bulletins))
    kind = _fields_kind(site)
    # Asked here, before the workers fork and write fields of their own (see holds_kind).
    stored = cache.holds_kind(FIELDS_KIND)
    pages = _site_linked_pages(site) if pages is None else pages
    jobs = [
        partial(
            _index_block,
            cache,
            bulletins[start : start + size],
            start,
            prefix,
            order,
            kind,
            stored,
            lexicon,
            {
                b.source: pages[b.source]
                for b in bulletins[start : start + size]
                if b.source in pages
            },
        )
        for start in range(0, len(bulletins), size)
    ]
    keys: list[str] = []
    postings: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    cards: dict[str, bytes] = {}
    for block in run_jobs(jobs, chunk=1, after_chunk=cache.flush, recycle=BLOCK_RECYCLE):
        keys.extend(block.keys)
        cards.update(block.cards)
        for term, values in block.postings.items():
            before = last.get(term)
            if before is None:
                postings[term] = values
            else:
                values[0] -= before * 4  # the block encoded its first posting from 0
                postings[term].extend(values)
        last.update(block.last)
    files = _shard_files(postings)
    files.update(cards)
    digests = _digests(files)
    present = frozenset(w for w in _shorts(lexicon) if w in postings)
    shorts = _abbreviations(lexicon, present.__contains__)
    _add_manifest(files, digests, [order[b.category] for b in bulletins], categories, shorts)
    return tuple(keys), files, digests, present


def _block_size(count: int) -> int:
    """Documents per indexing job: whole card files, enough jobs for run_jobs to fork."""
    return max(CHUNK, min(BLOCK, count // MIN_JOBS // CHUNK * CHUNK))


@dataclass(frozen=True, slots=True)
class _Block:
    """One block's part of the index: fields keys, postings and card files."""

    keys: list[str]
    postings: dict[str, list[int]]
    """Term → postings as _postings encodes them, the first one counted from bulletin 0."""
    last: dict[str, int]
    """Term → the last bulletin number in its postings."""
    cards: dict[str, bytes]


def _index_block(
    cache: Fragments,
    bulletins: Sequence[Bulletin],
    start: int,
    prefix: str,
    order: Mapping[str, int],
    kind: str,
    stored: bool = True,
    lexicon: Lexicon = (),
    pages: Mapping[str, LinkedPages] | None = None,
) -> _Block:
    """The part of the index of bulletins[start:], numbered from `start` (a job that may run
    in a worker process; `start` is a multiple of CHUNK); `kind`: the fields' cache kind;
    `stored`: whether the cache may hold any document's fields; `pages`: the LinkedPages of each
    bulletin with any, by its file."""
    pages = pages or {}
    keys: list[str] = []
    postings: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    for number, bulletin in enumerate(bulletins, start):
        doc = _doc(bulletin, prefix, order, pages=pages.get(bulletin.source, ()))
        keys.append(_fields_key(cache, doc, lexicon))
        fields = _cached_fields(
            cache, doc, keys[-1], bulletin.source, kind, stored=stored, lexicon=lexicon
        )
        for term, field in fields.items():
            values = postings.get(term)
            if values is None:
                postings[term] = [number * 4 + field]
            else:
                values.append((number - last[term]) * 4 + field)
            last[term] = number
    cards = {
        _chunk_path(start + i): _cards(
            [_doc(b, prefix, order, body=False) for b in bulletins[i : i + CHUNK]]
        )
        for i in range(0, len(bulletins), CHUNK)
    }
    return _Block(keys, postings, last, cards)


def _update(
    last: _Built,
    urls: tuple[str, ...],
    inputs: tuple[str, ...],
    site: Site,
    cache: Fragments,
    read: Callable[[str], bytes | None],
    pages: Mapping[str, LinkedPages],
) -> tuple[tuple[str, ...], dict[str, bytes], dict[str, str], frozenset[str]] | None:
    """The last index with the numbers whose bulletin changed re-indexed — each document's
    fields key, the files that are new or changed, the digests of all — or None when more than
    UPDATE_LIMIT did (then the whole index is built again), or a file it needs from the last
    index cannot be `read` back.

    Bulletins are compared number by number: a new newest bulletin adds a number at the end, a
    removed newest one takes one away, an edit or a new address changes its own number's; a
    bulletin inserted or removed further back gives every newer one another number.

    Exactly what build_index() gives: each two-letter group of terms a change touches is read
    back from its shards, patched, and split again on its own, as build_index() splits it.
    """
    count, before = len(urls), len(last.urls)
    changed = [
        i
        for i in range(max(count, before))
        if i >= min(count, before) or urls[i] != last.urls[i] or inputs[i] != last.inputs[i]
    ]
    if len(changed) > UPDATE_LIMIT:
        return None
    prefix, order, categories = _shape(site)
    bulletins = _numbered(site)
    keys = [*last.keys[:count], *[""] * (count - before)]
    edits: dict[str, dict[str, dict[int, int | None]]] = defaultdict(lambda: defaultdict(dict))
    for i in changed:
        old = cache.get(last.keys[i]) if i < before else {}
        if not isinstance(old, dict):
            return None
        new: dict[str, int] = {}
        if i < count:
            doc = _doc(bulletins[i], prefix, order, pages=pages.get(bulletins[i].source, ()))
            keys[i] = _fields_key(cache, doc, last.lexicon)
            kind = _fields_kind(site)
            new = _cached_fields(
                cache, doc, keys[i], bulletins[i].source, kind, lexicon=last.lexicon
            )
        for term in old.keys() | new.keys():
            if old.get(term) != new.get(term):
                edits[_group(term)][term][i] = new.get(term)
    digests = dict(last.digests)
    files: dict[str, bytes] = {}
    there: set[str] = set()  # the terms of the groups patched
    shard_keys = [path[2:-5] for path in last.digests if path.startswith("t/")]
    for group, changes in edits.items():
        postings: dict[str, list[int]] = {}
        forms: dict[str, dict] = {}
        for key in [k for k in shard_keys if k[:2] == group]:
            for kind, into in (("t", postings), ("f", forms)):
                path = f"{kind}/{key}.json"
                if kind == "f" and path not in digests:
                    continue
                data = read(path)
                if data is None:
                    return None
                del digests[path]
                into.update(json.loads(data))
        postings.update(_form_postings(postings, forms))
        for term, by_doc in changes.items():
            values = _patch(postings.get(term, []), by_doc)
            if values:
                postings[term] = values
            else:
                postings.pop(term, None)
        if postings:
            files.update(_split_files(group, postings))
        there.update(postings)
    for start in sorted({i - i % CHUNK for i in changed}):
        chunk = bulletins[start : start + CHUNK]
        if chunk:
            files[_chunk_path(start)] = _cards([_doc(b, prefix, order, body=False) for b in chunk])
        else:
            del digests[_chunk_path(start)]  # past the last bulletin now
    digests.update(_digests(files))
    words = _shorts(last.lexicon)
    present = frozenset(
        w for w in words if (w in there if _group(w) in edits else w in last.present)
    )
    shorts = _abbreviations(last.lexicon, present.__contains__)
    _add_manifest(files, digests, [order[b.category] for b in bulletins], categories, shorts)
    return tuple(keys), files, digests, present
