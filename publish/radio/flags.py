"""Editor flags (spec §7) and the per-run context the passes report them to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from publish.radio.options import SpeakOptions

__all__ = ["BLOCKING", "WARNING", "Context", "Flag", "lexicon_file", "rule_note"]

_T = TypeVar("_T")

BLOCKING = "blocking"
WARNING = "warning"


def lexicon_file(named: str) -> str:
    """Where an editor adds a reading, as hints name it: the file `named` in [radio]
    abbreviations (the one to open), never a `publish speak` option (a build copies hints into
    its warnings and rundown.txt, where no command line is at hand)."""
    if named:
        return f"tệp từ điển viết tắt {named}"
    return (
        "tệp từ điển viết tắt của đơn vị (chưa có thì tạo một tệp .tsv, ví dụ "
        "content/tu-viet-tat.tsv, rồi ghi tên tệp vào [radio] abbreviations trong site.toml)"
    )


@dataclass(frozen=True, slots=True)
class Flag:
    """One QA finding: rule code (e.g. "R14.6", "Q1"), severity, Vietnamese message, where."""

    code: str
    severity: str
    message: str
    excerpt: str
    line: int | None = None
    field: str = ""
    """The front-matter field whose text it was found in (`radio.lead_in`, `title`); empty
    for the body."""

    def render(self, source: str = "", *, excerpt: bool = False, level: str = "") -> str:
        """Format as `source:line: [mức] thông điệp[ — «đoạn»] (mã quy tắc MÃ)`; `level` names the
        severity as the caller's readers know it (the rule set's own words by default)."""
        where = source
        if self.line is not None:
            where = f"{source}:{self.line}" if source else f"dòng {self.line}"
        level = level or ("chặn duyệt" if self.severity == BLOCKING else "cảnh báo")
        prefix = f"{where}: " if where else ""
        shown = f" — «{self.excerpt}»" if excerpt else ""
        return f"{prefix}[{level}] {self.message}{shown} {rule_note(self.code)}"


def rule_note(code: str) -> str:
    """A rule's code, written last: editors act on the explanation, which comes first; the code
    is for whoever looks the rule up in the tool (it means nothing to an editor)."""
    return f"(mã quy tắc {code})"


@dataclass
class Context:
    """What every pass needs: options, the abbreviation lexicon and the flag sink."""

    options: SpeakOptions
    abbreviations: Mapping[str, str]
    flags: list[Flag] = field(default_factory=list)
    lines: tuple[tuple[int, str], ...] = ()
    flagged_tokens: set[str] = field(default_factory=set)
    sections: bool = True
    """Whether a paragraph may be a report's section heading («I. TÌNH HÌNH CHUNG»); never in a
    front-matter text (a title, a lead-in), where «V. Hùng» or «I.» opens no section."""
    names: tuple[str, ...] = ()
    """Persons' names the text being read has list items open with («H. Thanh Tùng» in a list
    of names, publish.radio.lists): their initials are no place's prefix (R14.3)."""
    title: str = ""
    """The bulletin's title when it is read first from the front matter (`read_title`): a
    heading of the body repeating it is not read again (publish.radio.markdown)."""
    author: str = ""
    """The bulletin's front-matter author: a last paragraph that is this name alone is the
    writer's credit, not read (publish.radio.markdown)."""
    initials: dict[str, str] = field(default_factory=dict)
    """Initials the bulletin wrote in brackets after a name (`Tân Phú (TP)`) that the lexicon
    reads otherwise, with the name: used again alone, they block (publish.radio.abbreviations)."""
    defined: dict[str, str] = field(default_factory=dict)
    """Abbreviations the bulletin defines in brackets right after their full form (`Tổ công tác
    đặc biệt (TCTĐB)`), with it: read as it where used after (publish.radio.abbreviations)."""
    near: dt.date | None = None
    """The bulletin's date: a date written without its year next to a day of the week is taken
    in the year nearest it (publish.weekday_dates); None outside a bulletin (not compared)."""
    quoted: bool = False
    """Whether the paragraph being read is a blockquote's (`> …`, publish.radio.markdown.Item)."""
    counted: bool = False
    """Whether a paragraph read before wrote an ordinal that counts («Thứ nhất, …»): a «Thứ
    hai, ngày 8/12» after it may be the second, not Monday (publish.weekday_dates)."""
    held_addresses: frozenset[str] = frozenset()
    """The addresses the bulletin writes that name a page the website does not have now, as
    written (links.resolve gives HELD): «/2020/12/TB-CONG-AN-XA» after «Số:» is then that page's
    address, dropped (R1.4), no document number left blank (publish.radio.markdown)."""
    capitals_read: list[tuple[str, tuple[tuple[int, str], ...]]] = field(default_factory=list)
    """The paragraphs and list items read so far that hold two capitals in a row, with their
    source lines: initials a later bracket writes for a name may have been used there."""
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _lines_looked_in: tuple[tuple[int, str], ...] | None = field(
        default=None, repr=False, compare=False
    )
    _line_found: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _told: dict[tuple[str, str, str, str], int] = field(
        default_factory=dict, repr=False, compare=False
    )
    """How many times more than once each finding was told in the paragraph `_lines_looked_in`
    (see flag)."""
    _held: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    """The lines of the paragraph `_lines_looked_in` holding each excerpt, one per occurrence."""
    _flagged: set[Flag] = field(init=False, default_factory=set, repr=False, compare=False)
    """The findings in `flags`, looked up in one step: a long script's findings, each looked
    for in the list, took time growing with the square of their number. Only `keep` adds to
    `flags` after the context is made."""

    def __post_init__(self) -> None:
        """The findings given with the context, as `_flagged` holds them."""
        self._flagged = set(self.flags)

    @property
    def lexicon_file(self) -> str:
        """The unit's abbreviation file as hints name it (see lexicon_file)."""
        return lexicon_file(self.options.lexicon_file)

    def memo(self, name: str, compute: Callable[[], _T]) -> _T:
        """A value derived from the options or lexicon, computed once per run instead of per item."""
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]

    def flag(
        self, code: str, severity: str, message: str, excerpt: str, line: int | None = None
    ) -> None:
        """Record a finding once, at the given line or the source line containing the excerpt:
        the same finding made again in one paragraph is at the next line holding the excerpt
        (`tăng -2 vụ` on lines 5, 9 and 12 is told at each, not once at line 5)."""
        if not line and self.lines:
            line = self._next_line(self.line_of(excerpt), (code, severity, message, excerpt))
        self.keep(Flag(code, severity, message, excerpt, line or self.line_of(excerpt)))

    def _next_line(self, first: int | None, finding: tuple[str, str, str, str]) -> int | None:
        """The line of the paragraph's next occurrence of `finding`'s excerpt (a line holding it
        twice counts twice), `first` for the first time; the last once every one was told."""
        told = self._told.get(finding)
        self._told[finding] = 0 if told is None else told + 1
        if told is None:
            return first
        needle = finding[3].strip()
        if not needle:
            return first
        held = self._held.get(needle)
        if held is None:
            held = self._held[needle] = [
                n for n, text in self.lines for _ in range(text.count(needle))
            ]
        return held[min(told + 1, len(held) - 1)] if held else first

    def keep(self, flag: Flag) -> None:
        """Add `flag` to `flags` after those found before it, unless it is there already."""
        if flag not in self._flagged:
            self._flagged.add(flag)
            self.flags.append(flag)

    def line_of(self, excerpt: str, lines: tuple[tuple[int, str], ...] | None = None) -> int | None:
        """The first source line of the current paragraph (or of `lines`) containing the
        excerpt."""
        lines = self.lines if lines is None else lines
        if not lines:
            return None
        # A paragraph of one mark repeated (20,000 «+84») flags the same excerpt at each: the
        # lines searched again for each took time growing with the square of its length.
        if lines is not self._lines_looked_in:
            self._lines_looked_in, self._line_found, self._told, self._held = lines, {}, {}, {}
        needle = excerpt.strip()
        found = self._line_found.get(needle)
        if found is None:
            found = self._line_found[needle] = _first_line_holding(needle, lines)
        return found


def _first_line_holding(needle: str, lines: tuple[tuple[int, str], ...]) -> int:
    """The number of the first of `lines` (not empty) whose text holds `needle`, else of the
    first line."""
    return next((number for number, text in lines if needle and needle in text), lines[0][0])
