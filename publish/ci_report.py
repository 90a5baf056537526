"""What a CI service shows of `publish check`'s findings beside its log, where an editor who
works on github.com or gitlab.com looks: GitHub Actions annotations (on the pull request's
changed files, at the line) and job summary, and a GitLab Code Quality report (the merge
request's widget). The log keeps every message as before; these are extra."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from publish.config import CONFIG_NAME
from publish.errors import (
    NAME_CONTROL,
    Problem,
    PublishError,
    os_reason,
    severity_label,
    shown_name,
)
from publish.markdown_inert import code_span, inert, sentence

__all__ = [
    "ANNOTATIONS_SHOWN",
    "codequality_report",
    "github_commands",
    "github_summary",
    "report",
    "unwritable",
]

ANNOTATIONS_SHOWN = 10
"""Annotations of each kind (error, warning, notice) GitHub shows for one step; it drops the rest."""
REPORT_NAME = "gl-code-quality-report.json"
"""The report's name in GitLab's documentation and in ci/gitlab-ci.yml."""
_GITHUB_KINDS = {"error": "error", "warning": "warning", "note": "notice"}
_GITLAB_SEVERITIES = {"error": "blocker", "warning": "minor", "note": "info"}
"""An error stops the merge request's publishing; a warning or a note does not."""


def _kind(problem: Problem) -> str:
    """The finding's severity as one of error, warning, note (an unknown one as a warning, as
    severity_label names it)."""
    return problem.severity if problem.severity in _GITHUB_KINDS else "warning"


def _errors_first(problems: Sequence[Problem]) -> list[Problem]:
    """The findings errors first, then warnings, then notes, each kind in its order."""
    order = list(_GITHUB_KINDS)
    return sorted(problems, key=lambda p: order.index(_kind(p)))


def _data(text: str) -> str:
    """A workflow command's message escaped as GitHub's toolkit does (escapeData), and each
    other control character as its escape («\\x1b», «\\t»): printed raw in the log, an
    escape sequence from a file name recolours or hides the lines after it."""
    text = _LOG_CONTROL.sub(_control_escape, text) if _LOG_CONTROL.search(text) else text
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


_LOG_CONTROL = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""The control characters (errors.NAME_CONTROL) but the line breaks _data writes as GitHub's."""


def _control_escape(found: re.Match[str]) -> str:
    """A control character as Python writes it in a string: «\\t», «\\x1b»."""
    return repr(found[0])[1:-1]


def _property(text: str) -> str:
    """A workflow command's property value escaped as GitHub's toolkit does (escapeProperty)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _in_repository(name: str | None, root: Path, top: Path | None) -> str | None:
    """The file `name` (from the project root) as a path from the repository's top folder
    (where GitHub and GitLab name files from), or None when it is no file there."""
    if not name or not (root / name).is_file():
        return None
    if top is None:
        return Path(name).as_posix()
    try:
        return (root / name).resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return None


def _placed(problem: Problem, root: Path, top: Path | None) -> tuple[str | None, bool]:
    """(the finding's file as a path from the repository's top folder, else the file it is
    about (an extra radio episode's bulletin), or None when it names no file there (an
    episode); whether that is the finding's own `file`: its line one of that file, not a place
    the text must name), each file looked up once."""
    own = _in_repository(problem.file, root, top)
    if own is not None:
        return own, True
    return _in_repository(problem.about, root, top), False


def _text(problem: Problem, *, named: bool, inline: bool = False) -> str:
    """What a finding says, then how to fix it (on a line of its own, or `inline` after it as a
    sentence); `named`: its place is not given apart (no file of its own), so the text starts
    with it."""
    field = f"trường '{problem.field}': " if problem.field else ""
    text = f"{field}{problem.message}"
    if problem.hint:
        text = (
            f"{sentence(text)} Cách sửa: {problem.hint}"
            if inline
            else f"{text}\nCách sửa: {problem.hint}"
        )
    return text if not named else f"{problem.where}: {text}"


def github_commands(problems: Sequence[Problem], root: Path, top: Path | None) -> list[str]:
    """One workflow command per finding, errors first: `::error file=…,line=…,title=…::…`."""
    lines = []
    for problem in _errors_first(problems):
        path, own = _placed(problem, root, top)
        if path is not None and NAME_CONTROL.search(path):
            # A name GitHub cannot be given inert (it reads the property raw) gets no
            # annotation at the file: the text names it, escaped (Problem.where).
            path, own = None, False
        title = severity_label(problem.severity).capitalize()
        if problem.field:
            title += f": trường '{problem.field}'"
        properties = [] if path is None else [f"file={_property(path)}"]
        if own and problem.line is not None:
            properties.append(f"line={problem.line}")
            if problem.column is not None:
                properties.append(f"col={problem.column}")
        properties.append(f"title={_property(title)}")
        kind = _GITHUB_KINDS[_kind(problem)]
        text = _text(problem, named=not own)
        lines.append(f"::{kind} {','.join(properties)}::{_data(text)}")
    return lines


def _counts(problems: Sequence[Problem]) -> dict[str, int]:
    """How many findings of each severity."""
    return {kind: sum(1 for p in problems if _kind(p) == kind) for kind in _GITHUB_KINDS}


def _tally(counts: Mapping[str, int]) -> str:
    """«2 lỗi, 1 cảnh báo» (only the severities found)."""
    return ", ".join(f"{n} {severity_label(kind)}" for kind, n in counts.items() if n)


def unshown_note(problems: Sequence[Problem]) -> str | None:
    """Which findings GitHub shows no annotation for (over ANNOTATIONS_SHOWN of a kind), or None."""
    over = {kind: n for kind, n in _counts(problems).items() if n > ANNOTATIONS_SHOWN}
    if not over:
        return None
    return (
        f"GitHub chỉ hiện {ANNOTATIONS_SHOWN} {('/'.join(severity_label(k) for k in over))} đầu "
        f"tiên bên cạnh tệp (có tất cả {_tally(over)}): xem đủ ở bản tóm tắt của lần chạy "
        "(Summary) hoặc trong nhật ký của bước này."
    )


def github_summary(problems: Sequence[Problem], checked: str) -> str:
    """The job summary in Markdown: the findings by file, errors first, and what to do next.
    `checked`: the closing line of a check that found no error (empty when it found errors)."""
    counts = _counts(problems)
    if not counts["error"]:
        lines = ["## publish check: không có lỗi", "", inert(checked)] if checked else []
        if problems:
            lines += ["", f"Còn {_tally(counts)} (không chặn việc gộp):"]
    else:
        lines = [
            f"## publish check: {_tally(counts)}",
            "",
            "Chưa gộp được: sửa các lỗi dưới đây rồi commit vào cùng nhánh, kiểm tra tự chạy lại. "
            "Trên github.com: mở tệp ở thẻ «Files changed» (lỗi hiện ngay dưới dòng của nó), "
            "bấm «…» → «Edit file», sửa, rồi «Commit changes».",
        ]
    note = unshown_note(problems)
    if note:
        lines += ["", inert(note)]
    by_file: dict[str, list[Problem]] = {}
    for problem in _errors_first(problems):
        by_file.setdefault(problem.file, []).append(problem)
    for file, found in by_file.items():
        lines += ["", f"### {code_span(file)}", ""]
        for problem in found:
            place = f"dòng {problem.line} " if problem.line is not None else ""
            field = f" trường {code_span(problem.field)}:" if problem.field else ""
            hint = f" Cách sửa: {inert(problem.hint)}" if problem.hint else ""
            label = severity_label(problem.severity)
            lines.append(f"- {place}({label}){field} {inert(sentence(problem.message))}{hint}")
    return "\n".join(lines) + "\n"


def codequality_report(problems: Sequence[Problem], root: Path, top: Path | None) -> list[dict]:
    """The findings as GitLab's Code Quality report (a JSON list of issues)."""
    issues = []
    # GitLab shows a finding at a file of the repository, or as a broken entry: one of no file
    # (an episode of several bulletins) is shown at site.toml, its text naming its place.
    config = _in_repository(CONFIG_NAME, root, top) or CONFIG_NAME
    for problem in problems:
        found, own = _placed(problem, root, top)
        path = found or config
        description = " ".join(_text(problem, named=not own, inline=True).split())
        # Two episodes' same note at site.toml are two findings: the place is hashed too.
        place = [] if own else [problem.file]
        fingerprint = hashlib.sha256(
            "\0".join(
                [path, *place, str(problem.line), problem.code or "", problem.message]
            ).encode()
        ).hexdigest()
        issues.append(
            {
                "description": description,
                "check_name": problem.code or f"publish-{problem.severity}",
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITIES[_kind(problem)],
                "location": {
                    "path": path,
                    "lines": {"begin": problem.line if own and problem.line else 1},
                },
            }
        )
    return issues


_ELSEWHERE = (
    "chọn một tệp trong thư mục có sẵn mà bạn ghi được (ví dụ --codequality "
    f"{REPORT_NAME}: ghi vào thư mục đang đứng), rồi chạy lại publish check."
)


def _unwritten(path: Path, reason: str, fix: str) -> str:
    """The error of a Code Quality report that cannot be written to `path`."""
    return f"Không ghi được báo cáo Code Quality vào {shown_name(str(path))}: {reason}. Cách sửa: {fix}"


def unwritable(path: Path) -> str | None:
    """Why the Code Quality report cannot be written to `path`, None when nothing says so: told
    before the check runs, not after its «Không có lỗi» as a bare file-system error."""
    folder = path.parent
    if path.is_dir():
        return _unwritten(
            path,
            "đây là thư mục, không phải tệp",
            f"ghi cả tên tệp, ví dụ --codequality {shown_name(str(path / REPORT_NAME))}, rồi chạy "
            "lại publish check.",
        )
    if not folder.exists():
        return _unwritten(
            path,
            f"chưa có thư mục {shown_name(str(folder))}",
            f"tạo thư mục đó trước (mkdir -p {shown_name(str(folder))}), hoặc {_ELSEWHERE}",
        )
    if not folder.is_dir():
        return _unwritten(path, f"{shown_name(str(folder))} là tệp, không phải thư mục", _ELSEWHERE)
    if not os.access(path if path.exists() else folder, os.W_OK):
        return _unwritten(path, "không có quyền ghi", _ELSEWHERE)
    return None


def _top(environ: Mapping[str, str], name: str) -> Path | None:
    """The repository's top folder a CI service names in `name`, None when not set."""
    value = environ.get(name, "")
    return Path(value) if value else None


def report(
    problems: Sequence[Problem],
    root: Path,
    *,
    checked: str = "",
    codequality: Path | None = None,
    environ: Mapping[str, str] = os.environ,
) -> None:
    """Show the findings where the CI service shows them: under GitHub Actions
    (GITHUB_ACTIONS=true) as workflow commands on stdout and in the job summary; as a GitLab
    Code Quality report in `codequality` when given (written even when nothing was found, so
    the report replaces an older one)."""
    if codequality is not None:
        top = _top(environ, "CI_PROJECT_DIR")
        data = json.dumps(codequality_report(problems, root, top), ensure_ascii=False, indent=1)
        try:
            codequality.write_text(data + "\n", encoding="utf-8")
        except OSError as exc:
            raise PublishError(_unwritten(codequality, os_reason(exc), _ELSEWHERE)) from exc
    if environ.get("GITHUB_ACTIONS") != "true":
        return
    top = _top(environ, "GITHUB_WORKSPACE")
    for line in github_commands(problems, root, top):
        print(line, flush=True)
    note = unshown_note(problems)
    if note:
        print(note, flush=True)
    summary = environ.get("GITHUB_STEP_SUMMARY", "")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(github_summary(problems, checked))
