"""Plain-text layouts: one item (§2.2), the episode script, and the running order (§3) as text and JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from publish.config import Config
from publish.correction_text import BEFORE_AIR
from publish.correction_text import HEADING as CORRECTION
from publish.errors import severity_label
from publish.links import held_words, html_links, inline_links
from publish.markdown_code import masked
from publish.radio.flags import Flag, rule_note
from publish.render.radio.episode import TIMING_SEVERITY, Episode, flag_severity, shown_title
from publish.render.radio.items import LEAD_IN_LABEL, TAG_LABEL, Segment, is_cue
from publish.render.radio.rundown import Row, air_clock, clock, mss
from publish.render.radio_station import END_MARK, WIDTH, wrapped
from publish.text import vn_date, vn_datetime

__all__ = [
    "END_MARK",
    "NEWS_TYPES",
    "WIDTH",
    "Page",
    "cue_line",
    "editor_notes_text",
    "episode_heading",
    "header_fields",
    "item_text",
    "pages",
    "rundown_json",
    "rundown_text",
    "script_text",
    "shown_title",
    "station_words",
    "title_line",
]

NEWS_TYPES = ("Tin", "Bài", CORRECTION)
"""The items a bulletin gives, each closed by the end mark (S7): a correction read on air is
news too, told after its own text as every other item is (it had no end mark)."""
RULE = "-" * WIDTH
PAGE_RULE = "=" * WIDTH
DURATION_LABELS = {"estimated": "Ước tính", "manual": "Đặt tay", "aired": "Thực tế"}
"""How an item's duration is labelled in its header, by where it comes from."""
ROW_NOTES = {"manual": "đặt tay", "aired": "thực tế"}
"""Running order notes for durations not estimated from the text."""


@dataclass(frozen=True, slots=True)
class Page:
    """What the reader sees on one page: one read item and the music cues around it."""

    before: tuple[int, ...]
    item: int
    after: tuple[int, ...]


def pages(segments: Sequence[Segment]) -> list[Page]:
    """Group rows into pages: cues before the first read item lead it, later cues follow their item."""
    reads = [i for i, s in enumerate(segments) if s.kind == "read"]
    result = []
    for position, index in enumerate(reads):
        start = 0 if position == 0 else index
        end = reads[position + 1] if position + 1 < len(reads) else len(segments)
        before = tuple(range(start, index)) if position == 0 else ()
        result.append(Page(before, index, tuple(range(index + 1, end))))
    return result


def header_fields(segment: Segment, row: Row | None = None) -> str:
    """S3 header fields: type, reader, estimated duration and, in an episode, cumulative start."""
    fields = [segment.label]
    if segment.reader:
        fields.append(f"Đọc: {segment.reader}")
    fields.append(f"{DURATION_LABELS.get(segment.mode, 'Ước tính')} {mss(segment.seconds)}")
    if row is not None:
        fields.append(f"Tích lũy {mss(row.cume)}")
    return " | ".join(fields)


def title_line(segment: Segment) -> list[str]:
    """The bulletin's title under an item's header, which staff know it by (S2 keeps the slug
    short and ASCII; the title is not read unless the item asks, S8), and its byline, which the
    body no longer reads out ("Tin: Thu Trang" at the end of every corpus bulletin); none for
    the frame."""
    title = shown_title(segment)
    lines = [f"Tiêu đề (không đọc): {title}"] if title else []
    label, _, name = segment.byline.partition(": ")
    return [*lines, f"{label} (không đọc): {name}"] if name else lines


def _header(left: str, right: str) -> list[str]:
    """Left and right parts on one line of WIDTH, with at least two spaces between; when both
    do not fit (a long reader's name), the right part goes under the left, right-aligned."""
    if len(left) + 2 + len(right) <= WIDTH:
        return [f"{left}{' ' * (WIDTH - len(left) - len(right))}{right}"]
    return [left, *(line.rjust(WIDTH) for line in _fitted(right))]


def _fitted(line: str) -> list[str]:
    """A line of the tool's within WIDTH: fields joined by « | » are packed whole onto lines,
    other text (and a field too long alone) wrapped at words with a two-space hanging indent."""
    if len(line) <= WIDTH:
        return [line]
    lines: list[str] = []
    for field in line.split(" | "):
        if lines and len(lines[-1]) + 3 + len(field) <= WIDTH:
            lines[-1] += f" | {field}"
        else:
            lines += _wrapped(field, "", "  ")
    return lines


def _wrapped(text: str, first: str, rest: str) -> list[str]:
    """`text` wrapped within this module's WIDTH, which a test sets to lay out as another
    version does (see radio_station.wrapped)."""
    return wrapped(text, first, rest, WIDTH)


def cue_line(segment: Segment, row: Row | None = None, faded: int | None = None) -> str:
    """S5: a music cue in square brackets and capitals, with its number and length; `faded`:
    the seconds a closing tune airs before it is faded out (the studio plays no more)."""
    number = f"{row.number} " if row is not None else ""
    fade = f", HẠ NHỎ DẦN SAU {mss(faded)}" if faded is not None else ""
    return f"[{number}{segment.cue} {mss(segment.seconds)}{fade}]"


def _body(segment: Segment) -> list[str]:
    """The spoken parts of an item: lead-in, paragraphs, tag, separated by blank lines."""
    lines: list[str] = []
    if segment.lead_in:
        lines += [f"{LEAD_IN_LABEL}{segment.lead_in}", ""]
    for paragraph in segment.paragraphs:
        lines += [paragraph.upper() if is_cue(paragraph) else paragraph, ""]
    if segment.tag:
        lines += [f"{TAG_LABEL}{segment.tag}", ""]
    return lines


def _end(segment: Segment) -> list[str]:
    """The right-aligned end mark of a news item."""
    return [END_MARK.rjust(WIDTH)] if segment.label in NEWS_TYPES else []


def item_text(segment: Segment, episode: Episode) -> str:
    """items/<key>.txt: one bulletin item on its own (slug, type, duration, lead-in, body, end mark)."""
    # No bulletin file name here nor in the rundown: the station reads none, and a file renamed
    # (its id or slug kept) would send it a revision to reprint for nothing.
    lines = [
        *_header(segment.slug, header_fields(segment)),
        *_titles(segment),
        *_fitted(
            f"Phát sóng: {air_clock(episode.air)}, {vn_date(episode.air)} "
            f"(tập {episode.week}) | {_timing_note(segment, episode)}"
        ),
        RULE,
        *_body(segment),
        *_end(segment),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _titles(segment: Segment) -> list[str]:
    """`title_line` within WIDTH: a long title goes on under itself, indented."""
    return [wrapped for line in title_line(segment) for wrapped in _fitted(line)]


def _timing_note(segment: Segment, episode: Episode) -> str:
    """T6: the syllable count and the rate used, or where a duration set otherwise came from."""
    if segment.mode == "manual":
        return f"{segment.syllables} âm tiết, thời lượng đặt tay"
    if segment.mode == "aired":
        return f"{segment.syllables} âm tiết, thời lượng thực tế khi phát"
    return f"{segment.syllables} âm tiết, {segment.rate or episode.rate} âm tiết/phút"


def _reader_rates(episode: Episode) -> str:
    """The readers of the episode timed at a calibrated rate (T3), e.g. "; theo người đọc: …"."""
    found = {
        s.reader or "(không ghi tên)": s.rate
        for s in episode.segments
        if s.kind == "read" and s.mode == "estimated" and s.rate and s.rate != episode.rate
    }
    if not found:
        return ""
    return "; theo người đọc: " + ", ".join(f"{name} {rate}" for name, rate in found.items())


def episode_heading(episode: Episode, config: Config) -> list[str]:
    """The lines at the top of the script: programme, unit, week, air time, slot and total."""
    return [
        f"{config.radio.program.upper()} — KỊCH BẢN PHÁT SÓNG",
        config.unit.name,
        f"Tập {episode.week} | Phát sóng {air_clock(episode.air)}, {vn_date(episode.air)} | "
        f"Thời lượng khung {mss(episode.slot)} | Tổng {mss(episode.timing.total)} ({episode.timing.verdict})",
    ]


def script_text(episode: Episode, config: Config) -> str:
    """script.txt: the whole episode, item after item, pages separated by a rule of '='."""
    timing = episode.timing
    rows = timing.rows
    segments = episode.segments
    heading = [fitted for line in episode_heading(episode, config) for fitted in _fitted(line)]
    lines = [*heading, PAGE_RULE, ""]
    for number, page in enumerate(pages(segments)):
        if number:
            lines += [PAGE_RULE, ""]
        lines += [cue_line(segments[i], rows[i], timing.faded(i)) for i in page.before]
        if page.before:
            lines.append("")
        segment, row = segments[page.item], rows[page.item]
        lines += _header(f"[{row.number}]  {segment.slug}", header_fields(segment, row))
        lines += [*_titles(segment), RULE]
        lines += _body(segment)
        if _end(segment):
            lines += [*_end(segment), ""]  # S7: the item ends before the music that follows it
        for index in page.after:
            lines += [cue_line(segments[index], rows[index], timing.faded(index)), ""]
    return "\n".join(lines).rstrip() + "\n"


def rundown_text(episode: Episode, config: Config) -> str:
    """rundown.txt: the running order with duration, cume, on-air time and backtime per item,
    each row's slug, title and notes on an indented line under it (the grid stays in WIDTH)."""
    timing = episode.timing
    heading = [
        *_fitted(f"{config.radio.program.upper()} — THỨ TỰ PHÁT SÓNG TẬP {episode.week}"),
        *_fitted(
            f"Phát sóng: {air_clock(episode.air)}, {vn_date(episode.air)} | Thời lượng khung: "
            f"{mss(episode.slot)} | Tốc độ đọc: {episode.rate} âm tiết/phút{_reader_rates(episode)}"
        ),
    ]
    if not episode.bulletins:
        return "\n".join([*heading, "", *_nothing_yet(episode)]) + "\n"
    # «Đính chính» is one letter wider than the other types: the column widens for it, or its
    # row's times stand one place right of the others on the printed sheet.
    kind = max(9, *(len(segment.label) for segment in episode.segments))
    lines = [
        *heading,
        *_scheduled_line(episode),
        "",
        f"{'Số':<4} {'Loại':<{kind}} {'Âm tiết':>7} {'Thời lượng':>10} {'Tích lũy':>8} "
        f"{'Lên sóng':>9} {'Hạn bắt đầu':>11}",
        f"{'':<4} Slug  Tiêu đề (ghi chú)",
    ]
    hopeless = False
    for index, (segment, row) in enumerate(zip(episode.segments, timing.rows, strict=True)):
        syllables = str(segment.syllables) if segment.kind == "read" else "–"
        notes = [ROW_NOTES[segment.mode]] if segment.mode in ROW_NOTES else []
        notes += ["có thể bỏ"] if segment.floatable else []
        faded = timing.faded(index)
        if faded is not None:
            notes.append(f"chỉ phát {mss(faded)} rồi hạ nhỏ dần")
        elif timing.late(index):
            notes.append("không kịp phát")
        # E4 before the air time: this row and those after it outrun the whole slot.
        deadline = clock(row.backtime) if row.backtime >= episode.air else "–"
        hopeless = hopeless or deadline == "–"
        lines.append(
            f"{row.number:<4} {segment.label:<{kind}} {syllables:>7} {mss(row.seconds):>10} "
            f"{mss(row.cume):>8} {clock(row.on_air):>9} {deadline:>11}"
        )
        # The title on a line of its own: as the last column it made every row 150-185
        # characters, which Notepad broke in two on the printed sheet.
        named = _wrapped(
            "  ".join(filter(None, (segment.slug, shown_title(segment)))), " " * 5, " " * 7
        )
        said = f"({', '.join(notes)})" if notes else ""
        if said and len(named[-1]) + 1 + len(said) <= WIDTH:
            named[-1] += f" {said}"
        elif said:  # a note stays whole on a line of its own rather than split across two
            named += _wrapped(said, " " * 7, " " * 7)
        lines += named
    lines += [
        "",
        *_fitted(
            f"Tổng thời lượng (TRT): {mss(timing.total)} | Thời lượng khung: {mss(timing.slot)} | "
            f"{timing.verdict}"
        ),
    ]
    if hopeless:
        lines.append(
            "Hạn bắt đầu «–»: mục đó cùng các mục sau nó dài hơn cả khung giờ, bắt đầu lúc nào "
            "cũng không kịp."
        )
    label = severity_label(TIMING_SEVERITY).upper()  # the word `publish check` uses for it
    lines += [f"{label}: {warning} {rule_note('Q9')}" for warning in episode.warnings]
    return "\n".join(lines) + "\n"


def editor_notes_text(episode: Episode, config: Config) -> str | None:
    """ghi-chu-bien-tap.txt beside rundown.txt: each item's read-aloud notes for the unit's
    editors, by item number, bulletin file and line; None when there are none. Not sent to
    the station (its staff read the rundown, not the editors' fixes)."""
    notes = [
        f"  {row.number} {s.bulletin.source if s.bulletin is not None else s.slug} "
        f"{_flag_line(flag)}"
        for s, row in zip(episode.segments, episode.timing.rows, strict=True)
        for flag in s.flags
    ]
    if not notes:
        return None
    return (
        "\n".join(
            [
                f"GHI CHÚ CHO BIÊN TẬP VIÊN — TẬP {episode.week} (không gửi đài)",
                f"{config.radio.program}, phát sóng {air_clock(episode.air)}, {vn_date(episode.air)}",
                "Những chỗ biên tập viên cần xem lại trong kịch bản của tập; đài không nhận tệp này. "
                "Sửa bản tin rồi dựng lại nếu cần (publish check cũng nêu khi tập chưa phát).",
                "",
                *notes,
            ]
        )
        + "\n"
    )


def _nothing_yet(episode: Episode) -> list[str]:
    """What the rundown of an episode with no bulletin yet says instead of a running order of
    the intro and closing alone: there is nothing to read, and when there will be."""
    count = len(episode.scheduled)
    times = "; ".join(vn_datetime(moment) for moment in episode.scheduled)
    when = f"lần lượt lúc {times}" if count > 1 else f"lúc {times}"
    coming = (
        f" Tin hẹn giờ: {count} bản tin sẽ vào tập này khi đến giờ đăng, {when}; kịch bản và "
        "thứ tự phát sẽ được gửi sau giờ đó."
        if count
        else " Kịch bản và thứ tự phát sẽ được gửi khi có tin."
    )
    return [
        "CHƯA CÓ BẢN TIN NÀO: tập này chưa có tin nào để đọc nên chưa có kịch bản "
        "(script.docx, script.txt)." + coming
    ]


def _scheduled_line(episode: Episode) -> list[str]:
    """The line that tells the presenter how many scheduled bulletins will join the episode and
    when each is published: the time only, as nothing else of them may leave before it."""
    if not episode.scheduled:
        return []
    count = len(episode.scheduled)
    times = "; ".join(vn_datetime(moment) for moment in episode.scheduled)
    when = f"lần lượt lúc {times}" if count > 1 else f"lúc {times}"
    return [
        f"Tin hẹn giờ: {count} bản tin nữa sẽ vào tập này khi đến giờ đăng, {when}. Kịch bản "
        "và thứ tự phát cập nhật sẽ được gửi sau giờ đó; tổng thời lượng dưới đây chưa tính các tin này."
    ]


def _flag_line(flag: Flag) -> str:
    """A flag as rundown.txt lists it, ranked in the word `publish check` prints for it: by
    its line («dòng 24») under the item's number, not its file (see `item_text`)."""
    return flag.render(excerpt=True, level=severity_label(flag_severity(flag)))


def rundown_json(episode: Episode, config: Config) -> str:
    """rundown.json: the same running order for machines (seconds and ISO times)."""
    timing = episode.timing
    document: dict[str, Any] = {
        "programme": config.radio.program,
        "unit": config.unit.name,
        "week": episode.week,
        "air_start": episode.air.isoformat(),
        "slot_seconds": episode.slot,
        "rate_spm": episode.rate,
        "trt_seconds": timing.total,
        "over_under_seconds": timing.over_under,
        "drop_suggestion": [timing.rows[i].number for i in timing.drop],
        # Only when it happens: other rundowns keep their bytes.
        **({"closing_tune_cut_seconds": timing.cut} if timing.cut else {}),
        "warnings": episode.warnings,
        **_scheduled_json(episode),
        "items": [
            _row_json(segment, row)
            for segment, row in zip(episode.segments, timing.rows, strict=True)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _scheduled_json(episode: Episode) -> dict[str, Any]:
    """rundown.json's "scheduled" (count and publish times of the scheduled bulletins that will
    join the episode), only when there are some: other rundowns keep their bytes."""
    if not episode.scheduled:
        return {}
    return {
        "scheduled": {
            "count": len(episode.scheduled),
            "available_at": [moment.isoformat() for moment in episode.scheduled],
        }
    }


_MD_LINK = re.compile(r"\[(?P<words>[^\[\]\n]*)\]\(")
"""A Markdown link's «[words](», its address read as links.InlineEnds reads it."""
_NAMES_FILE = re.compile(r"\.md(?![^()\s<>?#])", re.IGNORECASE)
"""«.md» ending a file's name in an address («2062-12-05-ten-bai.md#muc», «bai viet.md»)."""
_FILE_ADDRESS = re.compile(
    r"<?(?<![^\s<>«»\"'()\[\]])(?P<host>(?:https?:)?//[^/\s<>«»\"'()\[\]]+/)?"
    r"[^\s<>«»\"'()\[\]]+\.md(?![\w-])(?:#[^\s<>«»\"'()\[\]]*)?>?",
    re.IGNORECASE,
)
"""The address of a content file alone (an autolink, an address in the text), with its host."""
_NOT_IN_ADDRESS = "\\s<>«»\"'()\\[\\]"
_PAGE_ADDRESS = re.compile(
    rf"<?(?<![^{_NOT_IN_ADDRESS}])(?:(?P<host>(?:https?:)?//[^/{_NOT_IN_ADDRESS}]+/"
    rf"|[^/.{_NOT_IN_ADDRESS}]+(?:\.[^/.{_NOT_IN_ADDRESS}]+)+/)|/)"
    rf"(?:[^/{_NOT_IN_ADDRESS}]+/)*?\d{{4}}/\d{{2}}/[^/{_NOT_IN_ADDRESS}]+"
    rf"(?:/(?:index\.html)?)?(?:#[^{_NOT_IN_ADDRESS}]*)?>?",
    re.IGNORECASE,
)
"""A bulletin's page address alone («https://…/2020/12/ten-bai/», «/2020/12/ten-bai/», a host
without its scheme, «www.…/2020/12/ten-bai/»), with its host: its slug is the file's title
words, as a name is (Bulletin.url_at). A host's dots part its names, so no name is tried twice."""


def station_words(text: str) -> str:
    """`text` (a flag's message or excerpt, quoting the bulletin's source) with each link to a
    content file reduced to its words, an address of one or of a bulletin's page alone to its host
    and «…»: rundown.json
    goes to the station, which must not learn the names of bulletins not published yet (the
    name carries the date and the title's slug), and has no use for a file name anyway."""
    if "/" in text:
        # A page's address, which the radio's note on a dropped address quotes: the station
        # has no use for it either, and a held bulletin's slug must not reach it.
        text = _PAGE_ADDRESS.sub(_address_words, text)
    if ".md" not in text.lower():
        return text
    text = _markdown_links_worded(text) if "](" in text else text
    text = _html_links_worded(text) if "<" in text else text
    return _FILE_ADDRESS.sub(_address_words, text)


def _markdown_links_worded(text: str) -> str:
    """`text` with each Markdown link to a content file («[bài sắp tới](2062-12-05-ten-bai.md)»,
    «[x](<bai viet.md> "Tiêu đề")») reduced to its words, its address read whole as the page
    links it (links.InlineEnds: a name with spaces is no address cut at its first word)."""
    parts, done = [], 0
    for match, href, end in inline_links(text, _MD_LINK):
        if _NAMES_FILE.search(href) is not None:
            parts += [text[done : match.start()], _linked_words(href, match["words"])]
            done = end
    return "".join(parts) + text[done:]


def _html_links_worded(text: str) -> str:
    """`text` with each raw HTML link to a content file reduced to its words, read as the page
    reads it (links.html_links: its quoted address whole, a link never closed or ended by
    «</a >» too); a link to no content file left to be read as any text is."""
    parts, done = [], 0
    # Code masked first: «`<a href="x.md">x.md`» is shown as typed, no link (read as one, its
    # words ran on over the code's closing backtick).
    for match, href in html_links(masked(text)):
        if _NAMES_FILE.search(href) is not None:
            words = text[match.start("words") : match.end("words")]
            parts += [text[done : match.start()], _linked_words(href, words)]
            done = match.end()
    return "".join(parts) + text[done:]


def _address_words(match: re.Match[str]) -> str:
    """What an address of a content file alone is reduced to: its host and «…»."""
    return (match["host"] or "") + "…"


def _linked_words(href: str, words: str) -> str:
    """A link's words for the station, reduced in turn: they may be the file's name or address,
    «[2020-12-20-ten-bai.md](2020-12-20-ten-bai.md)», or spell it without «.md»: then «…»."""
    reduced = station_words(words)
    # A name with spaces («2020-12-22-vu an mat.md») is cut by the reduction at its last word:
    # its words as written are asked too.
    spaced = " " in unquote(href) and held_words(href, words) is not None
    return "…" if spaced or held_words(href, reduced) else reduced


def _row_json(segment: Segment, row: Row) -> dict[str, Any]:
    """One rundown row for rundown.json."""
    bulletin = segment.bulletin
    return {
        "no": row.number,
        "slug": segment.slug,
        "kind": segment.kind,
        "type": segment.label,
        "reader": segment.reader,
        "syllables": segment.syllables,
        "seconds": row.seconds,
        "duration_mode": segment.mode,
        "rate_spm": segment.rate or None,
        "cume_seconds": row.cume,
        "on_air": row.on_air.isoformat(),
        "backtime": row.backtime.isoformat(),
        "floatable": segment.floatable,
        "cue": segment.cue,
        "key": bulletin.key if bulletin else None,
        "title": bulletin.title if bulletin else None,
        "flags": [
            {
                "code": f.code,
                "severity": f.severity,
                "message": station_words(f.message),
                "excerpt": station_words(f.excerpt),
                "field": f.field or "body",
                "line": f.line,
            }
            for f in segment.flags
        ],
        **_before_air_json(segment),
    }


def _before_air_json(segment: Segment) -> dict[str, Any]:
    """The row's BEFORE_AIR, for an on-air correction item made before the broadcast it
    corrects (Segment.before_air), only then: every other row keeps its bytes."""
    if segment.before_air is None or segment.bulletin is None:
        return {}
    made = segment.bulletin.date  # an on-air correction's item is dated by the correction
    return {BEFORE_AIR: {"made": made.isoformat(), "aired": segment.before_air.isoformat()}}
