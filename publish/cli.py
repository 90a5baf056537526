"""The `publish` command line: parse arguments, run one command, turn errors into exit codes.

Exit codes: 0 success, 1 content or config error, 2 usage error, 3 a remote channel failed
(progress saved), another sync was running or another command kept writing output/ (nothing
done). No traceback unless --debug.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import importlib
import itertools
import os
import re
import sys
import traceback
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import NoReturn

from publish import STARTED, __version__
from publish.errors import PublishError, full_disk_fix, os_reason, show_details
from publish.nfc_streams import wrapped
from publish.process_exit import exit_now
from publish.secret_mask import masked
from publish.timings import Timings
from publish.trust import refuse_untrusted

__all__ = [
    "COMMANDS",
    "common_options",
    "content_options",
    "main",
    "make_parser",
    "resolve_now",
    "typed_path",
]

COMMANDS = {
    "approve": "approve",
    "build": "build",
    "check": "check",
    "import-hugo": "import_hugo",
    "init": "init",
    "new": "new",
    "next": "next",
    "report": "report",
    "serve": "serve",
    "speak": "speak",
    "sync": "sync",
    "zalo-login": "zalo_login",
    "zalo-preview": "zalo_preview",
    "zalo-sandbox": "zalo_sandbox",
}
"""Command → its module in publish.commands; each has `add_parser(subparsers)` and `run(args)`."""

NOW_EXAMPLES = '--now 2020-12-08T09:00, --now "2020-12-08 09:00" hoặc --now "08/12/2020 9h"'
"""How --now may be written: the forms a bulletin's `date:` takes, the editor's own among them."""

VALUED_OPTIONS = {"--root", "--now"}
"""Top-level options that take the next word as their value (which may spell a command)."""

ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "options": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "expected one argument": "cần một giá trị",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "not allowed with argument %s": "không dùng chung với %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị: bỏ «=%s» đi",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s chưa rõ là tùy chọn nào: %(matches)s; gõ đủ tên tùy chọn"
    ),
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "one of the arguments %s is required": "cần một trong các tham số %s",
}


def _translate(message: str) -> str:
    """Vietnamese for argparse's own messages (editors read these too)."""
    return ARGPARSE_VI.get(message, message)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks `_` up at call time


COMMON_DEFAULTS = {"root": Path("."), "debug": False, "now": None}


def common_options() -> argparse.ArgumentParser:
    """Options every subcommand accepts: --root, --debug, --now."""
    # Defaults are suppressed here and set once on the top-level parser: otherwise a
    # subcommand's defaults overwrite `publish --root X build` back to the current folder.
    parent = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    parent.add_argument(
        "--root",
        type=Path,
        metavar="THƯ_MỤC",
        help="thư mục dự án (nơi có site.toml); mặc định: thư mục hiện tại",
    )
    parent.add_argument("--debug", action="store_true", help="hiện traceback khi có lỗi")
    parent.add_argument(
        "--now",
        metavar="THỜI_ĐIỂM",
        help="coi như bây giờ là thời điểm này, để xem trước bài hẹn giờ; viết như ngày đăng "
        f"của bản tin, ví dụ {NOW_EXAMPLES}",
    )
    return parent


def content_options() -> argparse.ArgumentParser:
    """Options of the commands that build content (build, check): --channel and --strict."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--channel",
        action="append",
        metavar="KÊNH",
        help="chỉ dùng kênh này (web, zalo, radio); lặp lại hoặc ngăn bằng dấu phẩy",
    )
    parent.add_argument(
        "--strict",
        action="store_true",
        help="coi cảnh báo nội dung và dữ liệu cá nhân chưa được duyệt là lỗi (dùng trong CI)",
    )
    return parent


def resolve_now(value: str | None, tz: dt.tzinfo) -> dt.datetime:
    """The clock in the site timezone: --now when given (naive = site timezone), else the real time."""
    if value is None:
        return dt.datetime.now(tz)
    from publish.date_fixes import fix_or_example
    from publish.moments import parse_datetime, unlikely_year

    parsed = parse_datetime(value, tz)
    if parsed is None:
        told = fix_or_example(value, f"Ví dụ: {NOW_EXAMPLES}")
        raise PublishError(f"--now: không đọc được thời điểm «{value}». {told}")
    if (year_problem := unlikely_year(parsed)) is not None:
        # A mistyped clock would withdraw (or release) every bulletin: refuse it.
        raise PublishError(f"--now {value}: {year_problem}. Ví dụ: {NOW_EXAMPLES}")
    # `--now 2020-12-08T01:00Z` must mean 08:00 local: callers format its wall time (new, gates).
    return parsed.astimezone(tz)


def typed_path(name: str, root: Path) -> str:
    """A file path typed on the command line, as the file is named: its Windows «\\» written
    «/» when only that form names a file (from the current folder or `root`): «content\\bai-
    viet\\a.md», copied from Windows Explorer or a guide written on Windows, names the same file
    on Linux and in CI; and its letters composed as the file's name has them («tin-mạng.md»
    typed on Linux names the file a Mac wrote, whose «ạ» is two characters)."""
    if any(os.path.lexists(base / name) for base in (Path(), root)):
        return name
    if "\\" in name:
        slashed = name.replace("\\", "/")
        if any(os.path.lexists(base / slashed) for base in (Path(), root)):
            return slashed
        name = slashed if "/" not in name else name
    for base in (root, Path()):
        if (spelt := _spelt_as_on_disk(name, base)) is not None:
            return spelt
    return name


def _spelt_as_on_disk(name: str, base: Path) -> str | None:
    """`name` (from `base`) with each part spelt as the one entry of its folder whose letters
    compose the same (NFC), or None when a part matches none or several."""
    if name.isascii():
        return None
    parts = Path(name).parts
    folder = Path(parts[0]) if Path(name).is_absolute() else base
    spelt: list[str] = [parts[0]] if Path(name).is_absolute() else []
    for part in parts[1:] if Path(name).is_absolute() else parts:
        if not os.path.lexists(folder / part):
            try:
                same = [e for e in os.listdir(folder) if _composed(e) == _composed(part)]
            except OSError:
                return None
            if len(same) != 1:
                return None
            part = same[0]
        spelt.append(part)
        folder = folder / part
    return str(Path(*spelt))


def _composed(name: str) -> str:
    """`name` in NFC (publish.text.nfc, without its import on every command line)."""
    return unicodedata.normalize("NFC", name)


def _command_in(argv: Sequence[str]) -> str | None:
    """The command `argv` runs, when its first word that is not an option names one."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return None  # help before any command lists every command
        if word in VALUED_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def make_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser: with only the command `argv` names (each command's module imports
    what it needs: a build need not load the Zalo client, the link checker or the preview
    server, ~70 ms of a no-op build's ~0.5 s), else with every command."""
    parser = argparse.ArgumentParser(
        prog="publish",
        description="Biến bản tin Markdown thành website, bài viết Zalo OA và kịch bản phát thanh.",
        parents=[common_options()],
    )
    parser.set_defaults(**COMMON_DEFAULTS)
    parser.add_argument(
        "--version",
        action="version",
        version=f"publish {__version__}",
        help="hiện số phiên bản rồi thoát",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="LỆNH", title="các lệnh")
    subparsers.required = True
    wanted = _command_in(argv) if argv is not None else None
    for name, module_name in COMMANDS.items():
        if wanted in (None, name):
            importlib.import_module(f"publish.commands.{module_name}").add_parser(subparsers)
    return parser


QUOTE_HINT = (
    'Giá trị có dấu cách phải đặt trong ngoặc kép, ví dụ publish new "Cảnh báo lừa đảo qua '
    'mạng" --category … hay --by "Thượng tá Nguyễn Văn Hùng, Trưởng Công an xã".'
)
FILES_FIRST_HINT = "Ghi mọi tệp trước --by, ví dụ publish approve {files} --by {by}."
"""Said when a bulletin file is typed after `approve --by NAME`: argparse takes only one word."""


def _unrecognized(
    parser: argparse.ArgumentParser,
    args: argparse.Namespace,
    extras: list[str],
    typed: Sequence[str] = (),
) -> NoReturn:
    """Exit 2 on words the command does not take (of the command line `typed`), with its own
    usage and what was likely meant: the rest of a title or a name typed without quotes, a file
    typed after `approve --by NAME`, a value given to an option that takes none («--strict 1»),
    or a misspelt option (and that it takes no value, if it takes none)."""
    own = parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            own = action.choices.get(args.command, parser)
    actions = {o: a for a in [*parser._actions, *own._actions] for o in a.option_strings}
    said = _translate("unrecognized arguments: %s") % " ".join(extras)
    for word in extras:
        option, equals, _value = word.partition("=")
        close = difflib.get_close_matches(option, sorted(actions), n=1, cutoff=0.7)
        if word.startswith("-") and close:
            said += f"; có phải ý bạn là {close[0]} (thay cho {word})?"
            if equals and actions[close[0]].nargs == 0:
                said += f" {close[0]} không nhận giá trị: chỉ ghi {close[0]}, không có «=…»."
    files = [w for w in extras if w.lower().endswith(".md")] if args.command == "approve" else []
    words = [w for w in extras if not w.startswith("-") and w not in files]
    for before, word in itertools.pairwise(typed):
        if word in words and before in actions and actions[before].nargs == 0:
            said += f"; {before} không nhận giá trị: bỏ «{word}» đi, chỉ ghi {before}"
            words.remove(word)
    if files:
        from publish.gates import shell_word  # only on this mistake: not on every command line

        # «Tin mới.md» unquoted in the command to copy would be read as two files again.
        named = " ".join(shell_word(name) for name in [*getattr(args, "files", []), *files])
        hint = FILES_FIRST_HINT.format(files=named, by=shell_word(" ".join([args.by, *words])))
        said += ("" if said.endswith((".", "?")) else ".") + " " + hint
    if words:
        said += ("" if said.endswith((".", "?")) else ".") + " " + QUOTE_HINT
    own.error(said)


def run() -> NoReturn:
    """The `publish` command: `main` on the process's arguments, then exit without the
    interpreter's teardown (see publish.process_exit)."""
    # --debug lets the error out of main(), after its streams (which mask secrets) are undone:
    # Python prints that traceback, whose messages may quote what a server sent.
    sys.excepthook = _masked_traceback
    exit_now(main())


def _masked_traceback(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Print an uncaught error's traceback as Python does, every known secret masked."""
    text = "".join(traceback.format_exception(kind, error, trace))
    # After what stdout printed before the error, as every other stderr line (nfc_streams):
    # in a log (`> log 2>&1`) stdout waits in its buffer while stderr is written at once.
    with contextlib.suppress(OSError, ValueError):  # a reader gone, a stream closed
        if sys.stdout is not None:
            sys.stdout.flush()
    sys.stderr.write(masked(text))
    sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit code, every message in NFC (see nfc_streams)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = wrapped(out), wrapped(err, first=out)
    try:
        code = _main(argv)
        try:
            # What a pipe's buffer still holds is written now, where a reader gone (`| head`)
            # is told as one, not by Python at exit («Exception ignored … BrokenPipeError», 120).
            if out is not None:
                out.flush()
        except BrokenPipeError:
            return _reader_gone() if code == 0 else code
        return code
    finally:
        sys.stdout, sys.stderr = out, err


def _full_disk(exc: OSError, args: argparse.Namespace) -> str:
    """What to do when the disk (or the user's quota) is full, "" for other failures: a sync
    stopped so may have sent to Zalo what it could not yet record."""
    fix = full_disk_fix(exc, "tệp đó")
    if not fix:
        return ""
    sync = (
        " Lần `publish sync` này dừng giữa chừng: bài đã gửi lên Zalo mà chưa kịp ghi vào "
        "state/ được lần đồng bộ sau tìm lại trên OA trước khi tạo, không đăng trùng; vẫn "
        "commit state/ như mọi lần (bước commit của CI)."
        if getattr(args, "command", "") == "sync"
        else ""
    )
    return f". {fix}{sync}"


def _main(argv: Sequence[str] | None) -> int:
    """Run the CLI; return the process exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    parser = make_parser(words)
    args, extras = parser.parse_known_args(words)
    if extras:
        _unrecognized(parser, args, extras, words)
    # In-process callers (tests) time from this call, the command line from the process's start.
    args.stopwatch = Timings() if argv is not None else Timings(STARTED, cpu_started=(0.0, 0.0))
    show_details(bool(getattr(args, "debug", False)))
    try:
        if isinstance(getattr(args, "root", None), Path):
            refuse_untrusted(args.root, default_output=_writes_default_output(args))
        return int(args.run(args) or 0)
    except PublishError as exc:
        if args.debug:
            raise
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as stopped:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return int(getattr(stopped, "exit_code", 130))  # 143 after SIGTERM (stop_signal)
    except BrokenPipeError:
        return _reader_gone()
    except OSError as exc:
        if args.debug:
            raise
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"lỗi hệ thống tệp: {os_reason(exc)}{where}{_full_disk(exc, args)}", file=sys.stderr)
        return 1
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"Lỗi nội bộ không mong đợi ({error_class(exc)}). Chạy lại với --debug để xem chi "
            "tiết và báo cho nhóm phát triển.",
            file=sys.stderr,
        )
        return 1


def error_class(exc: BaseException) -> str:
    """How an unexpected error is named to the user: its class alone. Its text is English, and
    may carry a path or a token: only --debug's traceback shows it."""
    return re.sub(r"[^A-Za-z]", "", type(exc).__name__)


def _writes_default_output(args: argparse.Namespace) -> bool:
    """Whether the command writes the project's output/: not one given --output (nor a
    `publish build --drafts`, which writes its preview into .cache/preview/)."""
    output = getattr(args, "output", "output")
    return output == "output" or (output is None and not getattr(args, "drafts", False))


def _reader_gone() -> int:
    """Stop quietly when whatever read our output (`| head`) has closed it, as a shell
    command killed by SIGPIPE does (exit code 128 + 13)."""
    # Python would flush stdout again at exit and print its own BrokenPipeError.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141
