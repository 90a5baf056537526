"""What a CI service shows of `publish check`'s findings beside its log, where an editor who
works on github.com or gitlab.com looks: GitHub Actions annotations (on the pull request's
changed files, at the line) and job summary, and a GitLab Code Quality report (the merge
request's widget). The log keeps every message as before; these are extra."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from publish.errors import Problem, severity_label
from publish.markdown_inert import code_span, inert

__all__ = [
    "ANNOTATIONS_SHOWN",
    "codequality_report",
    "github_commands",
    "github_summary",
    "report",
]

ANNOTATIONS_SHOWN = 10
"""Annotations of each kind (error, warning, notice) GitHub shows for one step; it drops the rest."""
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
    """A workflow command's message escaped as GitHub's toolkit does (escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value escaped as GitHub's toolkit does (escapeProperty)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def repository_path(problem: Problem, root: Path, top: Path | None) -> str | None:
    """The finding's file as a path from the repository's top folder (where GitHub and GitLab
    name files from), or None when it names no file there (an episode, a channel)."""
    where = root / problem.file
    if not problem.file or not where.is_file():
        return None
    if top is None:
        return Path(problem.file).as_posix()
    try:
        return where.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return None


def _text(problem: Problem, *, named: bool, fix: str = "\nCách sửa: ") -> str:
    """What a finding says, then `fix` and how to fix it (on a line of its own); `named`: its
    place is not given apart (no file), so the text starts with it."""
    field = f"trường '{problem.field}': " if problem.field else ""
    text = f"{field}{problem.message}"
    if problem.hint:
        text += f"{fix}{problem.hint}"
    return text if not named else f"{problem.where}: {text}"


def github_commands(problems: Sequence[Problem], root: Path, top: Path | None) -> list[str]:
    """One workflow command per finding, errors first: `::error file=…,line=…,title=…::…`."""
    lines = []
    for problem in _errors_first(problems):
        path = repository_path(problem, root, top)
        title = severity_label(problem.severity).capitalize()
        if problem.field:
            title += f": trường '{problem.field}'"
        properties = [] if path is None else [f"file={_property(path)}"]
        if path is not None and problem.line is not None:
            properties.append(f"line={problem.line}")
            if problem.column is not None:
                properties.append(f"col={problem.column}")
        properties.append(f"title={_property(title)}")
        kind = _GITHUB_KINDS[_kind(problem)]
        text = _text(problem, named=path is None)
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
            field = f" trường `{problem.field}`:" if problem.field else ""
            hint = f" Cách sửa: {inert(problem.hint)}" if problem.hint else ""
            label = severity_label(problem.severity)
            lines.append(f"- {place}({label}){field} {inert(problem.message)}.{hint}")
    return "\n".join(lines) + "\n"


def codequality_report(problems: Sequence[Problem], root: Path, top: Path | None) -> list[dict]:
    """The findings as GitLab's Code Quality report (a JSON list of issues)."""
    issues = []
    for problem in problems:
        found = repository_path(problem, root, top)
        path = found or Path(problem.file or "site.toml").as_posix()
        description = " ".join(_text(problem, named=found is None, fix=". Cách sửa: ").split())
        fingerprint = hashlib.sha256(
            "\0".join([path, str(problem.line), problem.code or "", problem.message]).encode()
        ).hexdigest()
        issues.append(
            {
                "description": description,
                "check_name": problem.code or f"publish-{problem.severity}",
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITIES[_kind(problem)],
                "location": {"path": path, "lines": {"begin": problem.line or 1}},
            }
        )
    return issues


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
        codequality.write_text(data + "\n", encoding="utf-8")
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
