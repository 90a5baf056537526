"""`publish speak`: print the radio read-aloud script of Markdown bulletins (or plain text).

Inside a project the [radio] settings of site.toml apply (abbreviation file, url_spoken, read
rate), so a sentence reads as the build will read it; the command line adds to or overrides them.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from publish import config as config_module
from publish import shortcodes
from publish.cli import common_options, resolve_now, typed_path
from publish.commands.arguments import read_rate
from publish.config import DEFAULT_TIMEZONE, Config, Policy
from publish.errors import Problem, PublishError, not_a_file
from publish.fields import Collector, category_key, read_moment
from publish.frontmatter import FrontMatterError, Parsed, split
from publish.gates import field_stamp, secret_classification, secret_stamp
from publish.limits import MARKDOWN_HINT, MAX_SOURCE_BYTES, megabytes, read_capped, too_large
from publish.locate import with_lines
from publish.pii_phones import unit_phone_numbers
from publish.radio.abbreviations import unit_abbreviations
from publish.radio.flags import Flag
from publish.radio.normalise import (
    SpeakOptions,
    Spoken,
    count_syllables,
    estimate_seconds,
    load_abbreviations,
    normalise,
    tts_text,
)
from publish.radio.options import site_hosts
from publish.radio.readtime import format_duration
from publish.render.radio.contact import contact_problems
from publish.render.radio.items import (
    LEAD_IN_LABEL,
    TAG_LABEL,
    RadioBlock,
    contact_read,
    cue_length,
    front_matter_read,
    project_places,
    radio_block,
    spoken_parts,
    with_contact,
)
from publish.render.radio.told_numbers import with_told_numbers
from publish.text import hidden_shown

__all__ = ["add_parser", "run"]

STDIN = "-"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `speak`."""
    parser = subparsers.add_parser(
        "speak",
        parents=[common_options()],
        help="in kịch bản đọc trên sóng phát thanh từ bản tin Markdown",
        description=(
            "Chuyển bản tin Markdown hoặc văn bản thường thành kịch bản đọc trên sóng: số, ngày "
            "giờ, tiền, đơn vị, chữ viết tắt được viết thành lời; phần không đọc được thành cảnh "
            "báo cho biên tập viên. Quy tắc và mã quy tắc: docs/doc-phat-thanh.md."
        ),
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="TỆP",
        help="tệp bản tin (.md hoặc .txt); không có hoặc '-' thì đọc từ đầu vào chuẩn",
    )
    parser.add_argument(
        "--flags",
        action="store_true",
        help="liệt kê các cảnh báo kiểm tra (kèm số dòng) thay vì in kịch bản",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="thoát với mã 1 nếu có cảnh báo chặn duyệt (chữ số, ký hiệu, viết tắt chưa biết)",
    )
    parser.add_argument(
        "--abbreviations",
        type=Path,
        metavar="TỆP_TSV",
        help="từ điển viết tắt (viết tắt<TAB>cách đọc), bổ sung cho từ điển có sẵn và tệp "
        "[radio] abbreviations của site.toml",
    )
    parser.add_argument(
        "--tts", action="store_true", help="in văn bản cho giọng đọc máy (đánh vần chữ cái)"
    )
    parser.add_argument(
        "--time", action="store_true", help="in số âm tiết và thời lượng ước tính ra stderr"
    )
    style = parser.add_argument_group(
        "cách đọc (để thử cách khác; bản dựng theo [radio] của site.toml và cách đọc chuẩn)"
    )
    style.add_argument("--zero-tens", choices=("linh", "lẻ"), default="linh", help="101: linh/lẻ")
    style.add_argument("--four", choices=("tư", "bốn"), default="tư", help="24: tư/bốn")
    style.add_argument("--thousand", choices=("nghìn", "ngàn"), default="nghìn", help="nghìn/ngàn")
    style.add_argument("--mung", action="store_true", help="đọc «mùng» trước ngày 1–10")
    style.add_argument(
        "--no-minutes-word", action="store_true", help="không thêm «phút» sau số phút"
    )
    style.add_argument(
        "--plate-style",
        choices=("digits", "pairs"),
        default="digits",
        help="biển số: từng chữ số (digits) hay theo cặp (pairs)",
    )
    style.add_argument(
        "--url-spoken",
        default=None,
        metavar="CỤM_TỪ",
        help="đọc cụm từ này thay cho địa chỉ web (mặc định: [radio] url_spoken của site.toml; "
        "không có thì bỏ vế câu và cảnh báo)",
    )
    style.add_argument(
        "--read-rate",
        type=read_rate,
        default=None,
        metavar="ÂM_TIẾT/PHÚT",
        help="tốc độ đọc để ước tính thời lượng (mặc định [radio] rate_spm của site.toml, "
        "hoặc 240)",
    )
    style.add_argument(
        "--timing-model",
        choices=("simple", "detailed"),
        default="simple",
        help="cách ước tính thời lượng: simple (T2) hoặc detailed (T4)",
    )
    style.add_argument(
        "--read-title",
        action="store_true",
        help="đọc cả tiêu đề bản tin (title: ở phần đầu, đọc trước nội dung như bản dựng đọc "
        "khi có read_title: true) và tiêu đề trong bài (#, ##), đúng như viết, không thêm dấu "
        "chấm; bản tin có radio: {read_title: true} thì không cần cờ này vẫn được đọc tiêu đề "
        "trước, như bản dựng",
    )
    parser.set_defaults(run=run)


def _options(args: argparse.Namespace, project: Config | None) -> SpeakOptions:
    """The §8 switches from the command line, else from the project's [radio] settings."""
    radio = project.radio if project is not None else None
    url_spoken = args.url_spoken if args.url_spoken is not None else ""
    read_rate = args.read_rate if args.read_rate is not None else 240
    if radio is not None:
        url_spoken = args.url_spoken if args.url_spoken is not None else radio.url_spoken
        read_rate = args.read_rate if args.read_rate is not None else radio.rate_spm
    return SpeakOptions(
        zero_tens_word=args.zero_tens,
        four_after_tens=args.four,
        thousand_word=args.thousand,
        day_prefix_mung=args.mung,
        minutes_word=not args.no_minutes_word,
        plate_style=args.plate_style,
        url_spoken=url_spoken,
        read_rate_spm=read_rate,
        timing_model=args.timing_model,
        read_title=args.read_title,
        unit_name=project.unit.name if project is not None else "",
        places=_site_places(project),
        lexicon_file=_lexicon_file(args, project),
        site_hosts=_site_hosts(project),
        unit_numbers=tuple(sorted(unit_phone_numbers(project))) if project is not None else (),
    )


def _lexicon_file(args: argparse.Namespace, project: Config | None) -> str:
    """The abbreviation file hints name: --abbreviations (read last, so its readings win), else
    the project's [radio] abbreviations."""
    if args.abbreviations is not None:
        return str(args.abbreviations)
    return project.radio.abbreviations if project is not None else ""


def _site_places(project: Config | None) -> tuple[str, ...]:
    """The places site.toml names, read where a bulletin's last line names one alone."""
    if project is None:
        return ()
    return project_places(project)


def _site_hosts(project: Config | None) -> tuple[str, ...]:
    """The hosts of the project's website, the only addresses [radio] url_spoken stands for."""
    if project is None:
        return ()
    return site_hosts((project.base_url, *project.site.old_base_urls))


def _project(root: Path) -> Config | None:
    """The project's settings, or None outside a project (or when its site.toml is broken:
    `publish check` reports that, a sentence can still be read)."""
    try:
        return config_module.load(root)
    except PublishError:
        return None


def _lexicon(args: argparse.Namespace, project: Config | None) -> dict[str, str]:
    """The built-in abbreviations, the project's file over them, then --abbreviations."""
    lexicon = load_abbreviations(None)
    if project is not None and project.radio.abbreviations:
        name = project.radio.abbreviations
        lexicon.update(unit_abbreviations(project.root / name, name))
    if args.abbreviations is not None:
        lexicon.update(unit_abbreviations(args.abbreviations))
    return lexicon


def _split(text: str) -> Parsed | None:
    """`text`'s front matter and body, or None for plain text or front matter the build would
    refuse (`publish check` reports that): split once per file, for every reader of it."""
    try:
        return split(text)
    except FrontMatterError:
        return None


def _secret(name: str, text: str, policy: Policy, parsed: Parsed | None) -> str | None:
    """Why `text` (`parsed`: see _split) must not be read aloud (a secret classification or
    stamp), or None."""
    label = "đầu vào chuẩn" if name == STDIN else name
    data: dict[str, object] = {}
    body = text
    if parsed is not None:  # else plain text, or front matter the build would refuse: all of it
        data, body = parsed.data, parsed.body
    classification = data.get("classification")
    if isinstance(classification, str) and secret_classification(classification, policy):
        shown = hidden_shown(classification.strip())
        return f"{label}: tài liệu mật (classification: {shown}): không bao giờ đọc thành lời"
    found = field_stamp(data, policy) or secret_stamp(body, policy)
    if found is not None:
        return f"{label}: văn bản mang dấu mật «{found[1]}»: không bao giờ đọc thành lời"
    return None


def _without_shortcodes(label: str, text: str, parsed: Parsed | None) -> tuple[str, list[Problem]]:
    """`text` (`parsed`: see _split) with its shortcodes blanked out (line breaks kept) as the
    build blanks them for the radio, and the load's error for each: their fragments (`{{<`,
    `src="/images`), flagged one by one, buried the one thing to do (write the Markdown the
    error names)."""
    if "{{" not in text and "[" not in text:
        return text, []
    if parsed is None:
        parsed = Parsed({}, text, 1)  # plain text: all of it is the body
    body = shortcodes.blanked_out(parsed.body)
    if body is parsed.body:
        return text, []
    col = Collector(label, [])
    shortcodes.check(col, parsed)
    return text[: len(text) - len(parsed.body)] + body, col.problems


@dataclasses.dataclass(frozen=True)
class _Title:
    """A bulletin's front matter title, the line of its key and the first line of the body."""

    text: str
    line: int | None
    body_line: int
    label: str = "Tin"
    """The item's type (`radio.type`), which the build reads before the title («Tin: …»)."""


def _radio_block(
    parsed: Parsed | None, label: str, tz: dt.tzinfo
) -> tuple[RadioBlock, list[Problem]]:
    """The file's `radio:` block as the build and `publish check` read it (`radio_block`), and
    its problems at the lines of their keys: `speak` read the block and dropped them, so a
    misspelt key or an air date that is none went unsaid while the build stops on it."""
    radio = parsed.data.get("radio") if parsed is not None else None
    block, problems = radio_block(
        radio if isinstance(radio, dict) else {}, label, tz, lambda: parsed
    )
    if parsed is not None:
        problems = [
            dataclasses.replace(p, line=parsed.line_of(p.field or "radio")) for p in problems
        ]
    return block, problems


def _front_matter_title(parsed: Parsed | None, block: RadioBlock, *, asked: bool) -> _Title | None:
    """The bulletin's `title:` to read first, or None: read when `asked` (--read-title) or when
    its `radio:` block says `read_title: true`, decided by the build's own `radio_block` (a
    bulletin with the field was rehearsed without the title the station would hear); None for
    plain text, no title, broken front matter (`publish check` reports that)."""
    if parsed is None:
        return None
    title = parsed.data.get("title")
    if not isinstance(title, str) or not title.strip():
        return None
    if not (asked or block.read_title):
        return None
    return _Title(title.strip(), parsed.line_of("title"), parsed.body_line, block.type)


def _title_first(
    spoken: Spoken, title: _Title, options: SpeakOptions, lexicon: dict[str, str], near: dt.date
) -> Spoken:
    """The script with the front matter's title read first, as the build reads it for a bulletin
    with `read_title: true` (publish.render.radio.items); its findings at the `title:` line."""
    said = normalise(
        title.text, options=options, abbreviations=lexicon, front_matter=True, near=near
    )
    said = with_told_numbers(title.text, said, near, options)
    flags = tuple(dataclasses.replace(flag, line=title.line) for flag in said.flags)
    text = f"{title.label}: {' '.join(said.text.split())}"
    if spoken.text:
        text = f"{text}\n\n{spoken.text}"
    return dataclasses.replace(spoken, text=text, flags=flags + spoken.flags)


@dataclasses.dataclass(frozen=True)
class _Around:
    """A bulletin's `radio.lead_in` and `radio.tag` as the build reads them, and their findings
    at the lines of their keys."""

    lead_in: str = ""
    tag: str = ""
    flags: tuple[Flag, ...] = ()

    def flags_of(self, field: str) -> tuple[Flag, ...]:
        """The findings in the front matter field `field`."""
        return tuple(flag for flag in self.flags if flag.field == field)


def _lead_in_and_tag(
    parsed: Parsed | None, options: SpeakOptions, lexicon: dict[str, str], near: dt.date
) -> _Around:
    """The bulletin's lead-in and tag read by the build's own `front_matter_read` (the build
    reads them before and after the body; `speak` showed neither, nor their findings); nothing
    for plain text, broken front matter or a value that is no text (`publish check` reports
    those)."""
    if parsed is None:
        return _Around()
    radio = parsed.data.get("radio")
    if not isinstance(radio, dict):
        return _Around()
    pairs = tuple(sorted(lexicon.items()))
    said: dict[str, str] = {}
    flags: list[Flag] = []
    for key in ("lead_in", "tag"):
        value = radio.get(key)
        said[key], found = (
            front_matter_read(value, f"radio.{key}", options, pairs, near)
            if isinstance(value, str)
            else ("", ())
        )
        flags += [dataclasses.replace(f, line=parsed.line_of(f.field)) for f in found]
    return _Around(said["lead_in"], said["tag"], tuple(flags))


def _contact(
    parsed: Parsed | None, project: Config | None, options: SpeakOptions, lexicon: dict[str, str]
) -> tuple[str, list[Problem]]:
    """The contact line the build reads after this bulletin, by the build's own functions, when
    [radio] contact = "feedback" names its category; "" otherwise (outside a project, plain
    text, a category site.toml does not know). With it, when a blocking finding keeps the line
    of such a bulletin off the air, the site.toml warnings `publish check` gives of it: the
    script shown lacks the line, and nothing said why."""
    if parsed is None or project is None:
        return "", []
    written = parsed.data.get("category")
    key = category_key(written, project) if isinstance(written, str) else None
    if key is None:
        return "", []
    # Only where [radio] contact = "feedback" names the category does its item end with the
    # line: then read it, or tell why it cannot be.
    wanted = project.radio.contact == "feedback" and key in project.radio.feedback_categories
    if not wanted:
        return "", []
    contact, stoppers = contact_read(project, options, tuple(sorted(lexicon.items())))
    if contact:
        return contact, []
    return "", with_lines(contact_problems(project, stoppers), project.root) if stoppers else []


def _day_of(parsed: Parsed | None, tz: dt.tzinfo) -> dt.date | None:
    """The day of the bulletin's `date` field, as the build reads it: the year of a date
    written without one next to a day of the week (publish.weekday_dates); None for plain text
    or a date the build would refuse."""
    if parsed is None:
        return None
    moment = read_moment(parsed.data.get("date"), tz)
    return moment.date() if isinstance(moment, dt.datetime) else None


def _read_stdin() -> str:
    """Standard input's text, at most MAX_SOURCE_BYTES of it: a file piped in by mistake (a video,
    a disk image) is refused after cap+1 bytes instead of being held whole in memory."""
    binary = getattr(sys.stdin, "buffer", None)
    if binary is not None:
        data = binary.read(MAX_SOURCE_BYTES + 1)
    else:  # a text stream with no bytes under it (an embedding program's own)
        data = sys.stdin.read(MAX_SOURCE_BYTES + 1).encode("utf-8", "surrogateescape")
    if len(data) > MAX_SOURCE_BYTES:
        raise PublishError(
            f"đầu vào chuẩn: văn bản nặng hơn {megabytes(MAX_SOURCE_BYTES)}, giới hạn cho một tệp "
            f"Markdown: không đọc. Cách sửa: {MARKDOWN_HINT[0].lower()}{MARKDOWN_HINT[1:]}"
        )
    return _decode("đầu vào chuẩn", data, "dữ liệu")


def _decode(label: str, data: bytes, noun: str = "tệp") -> str:
    """UTF-8 text (a byte-order mark dropped, CRLF line ends made LF); a Vietnamese error naming
    the line otherwise."""
    try:
        # Cleaned here, once, as the build reads a file: the front matter of a file saved by
        # Notepad splits, and every reader gets the text its Parsed was split from.
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PublishError(
            f"{label}, dòng {line}: {noun} không phải văn bản UTF-8. Cách sửa: lưu lại với bảng "
            "mã UTF-8."
        ) from None


def _given_by_the_shell(name: str) -> bool:
    """Whether `name` is a pipe the shell opened for this command (`publish speak <(cat a.md)`,
    /dev/stdin): its writer is already there, so reading it cannot wait forever."""
    return name == "/dev/stdin" or name.startswith(("/dev/fd/", "/proc/self/fd/"))


def _read(name: str) -> str:
    """One input's text; Vietnamese errors for missing, too large or non-UTF-8 files."""
    if name == STDIN:
        return _read_stdin()
    if (
        os.path.lexists(name)
        and not os.path.isfile(name)
        and not os.path.isdir(name)
        and not _given_by_the_shell(name)
    ):
        # Opened, a FIFO waits forever for a writer: `publish speak` hung without a word.
        raise PublishError(
            f"{name}: {not_a_file(Path(name))}; hãy đưa từng tệp bản tin (.md), hoặc dùng - "
            "để đọc từ đầu vào chuẩn."
        )
    try:
        with open(name, "rb") as handle:
            data, size = read_capped(handle, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        raise PublishError(f"Không tìm thấy tệp {name}. Kiểm tra lại đường dẫn.") from None
    except IsADirectoryError:
        raise PublishError(f"{name} là thư mục; hãy đưa từng tệp bản tin (.md).") from None
    if size > MAX_SOURCE_BYTES:
        raise PublishError(
            f"{name}: tệp {too_large(size, MAX_SOURCE_BYTES)} cho một tệp Markdown: không đọc. "
            f"Cách sửa: {MARKDOWN_HINT[0].lower()}{MARKDOWN_HINT[1:]}"
        )
    return _decode(name, data)


def _report_time(label: str, spoken: Spoken, options: SpeakOptions) -> None:
    """Syllables and estimated duration on stderr (T6), with the stated lengths of the cues in
    the text added, as the build times an item (E1, T5)."""
    seconds = estimate_seconds(
        spoken.text, rate_spm=options.read_rate_spm, model=options.timing_model
    )
    cues = sum(cue_length(paragraph) for paragraph in spoken.text.split("\n\n"))
    rate = f"tốc độ {options.read_rate_spm} âm tiết/phút"
    how = (
        f"lời đọc {format_duration(seconds)} theo {rate}, cộng {format_duration(cues)} "
        "của chỉ dẫn kỹ thuật"
        if cues
        else rate
    )
    print(
        f"{label}: {count_syllables(spoken.text)} âm tiết, ước tính "
        f"{format_duration(seconds + cues)} ({how}).",
        file=sys.stderr,
    )


def run(args: argparse.Namespace) -> int:
    """Normalise each input; print the script (or TTS text, or the findings)."""
    project = _project(args.root)
    options = _options(args, project)
    lexicon = _lexicon(args, project)
    tz = project.tz if project is not None else ZoneInfo(DEFAULT_TIMEZONE)
    now = resolve_now(args.now, tz)
    # Files are read from the current folder: a Windows path is tried there only.
    names = [typed_path(name, Path()) for name in args.files] or [STDIN]
    texts = {name: _read(name) for name in names}
    policy = project.policy if project is not None else Policy()
    # Blanking shortcodes out keeps the front matter: one split serves every reader of a file.
    parsed = {name: _split(text) for name, text in texts.items()}
    refused = [
        f
        for name, text in texts.items()
        if (f := _secret(name, text, policy, parsed[name])) is not None
    ]
    if refused:  # like every other command: nothing at all is output
        raise PublishError("\n".join(refused) + "\nKhông đọc thành lời tệp nào.")
    blocking = 0
    outputs: list[str] = []
    for name in names:
        label = "đầu vào chuẩn" if name == STDIN else name
        source, errors = _without_shortcodes(label, texts[name], parsed[name])
        block, block_errors = _radio_block(parsed[name], label, tz)
        title = _front_matter_title(parsed[name], block, asked=options.read_title)
        said = title.text if title is not None else ""
        near = _day_of(parsed[name], tz) or now.date()
        spoken = normalise(source, options=options, abbreviations=lexicon, title=said, near=near)
        spoken = with_told_numbers(source, spoken, near, options)
        if title is not None:
            spoken = _title_first(spoken, title, options, lexicon, near)
        around = _lead_in_and_tag(parsed[name], options, lexicon, near)
        contact, unread = _contact(parsed[name], project, options, lexicon)
        if contact:
            around = dataclasses.replace(around, tag=with_contact(around.tag, contact))
        shown = spoken.text
        if around.lead_in or around.tag or around.flags:
            lead_in = f"{LEAD_IN_LABEL}{around.lead_in}" if around.lead_in else ""
            tag = f"{TAG_LABEL}{around.tag}" if around.tag else ""
            shown = spoken_parts(lead_in, [spoken.text], tag)
            spoken = dataclasses.replace(
                spoken,
                text=spoken_parts(around.lead_in, [spoken.text], around.tag),
                # In the order read: the lead-in's, the title's and body's, the tag's.
                flags=around.flags_of("radio.lead_in")
                + spoken.flags
                + around.flags_of("radio.tag"),
            )
        blocking += len(spoken.blocking) + len(errors) + len(block_errors)
        if args.flags:
            outputs.extend(problem.render() for problem in block_errors + errors)
            outputs.extend(flag.render(label) for flag in spoken.flags)
            outputs.extend(problem.render() for problem in unread)
        else:
            text = tts_text(spoken.text) if args.tts else shown
            outputs.append(f"[TỆP: {label}]\n\n{text}" if len(names) > 1 else text)
            if block_errors:
                print(
                    f"{label}: {len(block_errors)} lỗi ở khối radio (publish check cũng báo; bài "
                    "đã đăng thì bản dựng dừng ở lỗi này); chạy với --flags để xem cách sửa.",
                    file=sys.stderr,
                )
            if errors:
                print(
                    f"{label}: {len(errors)} lỗi mã ngắn (shortcode) không đọc: bản dựng báo lỗi "
                    "và bỏ bài khỏi kênh phát thanh; chạy với --flags để xem cách sửa.",
                    file=sys.stderr,
                )
            if spoken.flags:
                print(
                    f"{label}: {len(spoken.flags)} cảnh báo ({len(spoken.blocking)} chặn duyệt); "
                    "chạy với --flags để xem chi tiết.",
                    file=sys.stderr,
                )
            if unread:
                print(
                    f"{label}: không có lời liên hệ ([radio] contact) sau tin: site.toml có chỗ "
                    "không đọc được thành lời, nên bản dựng cũng bỏ lời này (publish check cũng "
                    "báo); chạy với --flags để xem cách sửa.",
                    file=sys.stderr,
                )
        if args.time:
            _report_time(label, spoken, options)
    if args.flags and not outputs:
        outputs.append("Không có cảnh báo nào.")
    print(("\n" if args.flags else "\n\n").join(outputs))
    return 1 if args.strict and blocking else 0
