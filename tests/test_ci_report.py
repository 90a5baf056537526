"""An editor who works on github.com or gitlab.com sees `publish check`'s findings where they
look: GitHub annotations at the line of the changed file and the job summary, a GitLab Code
Quality report for the merge request's widget."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from publish import ci_report
from publish.cli import main
from publish.errors import Problem
from tests.helpers import bulletin_md, make_project
from tests.test_radio_air_dates import dated_bulletin
from tests.test_radio_timing import radio_project

NOW = "2020-12-09T08:00"
COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _unescape(text: str) -> str:
    """A workflow command's text as GitHub reads it back (the toolkit's escapes undone)."""
    return (
        text.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def _commands(out: str) -> list[tuple[str, dict[str, str], str]]:
    """The workflow commands printed on stdout: (kind, properties, message), as GitHub parses."""
    found = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(p.split("=", 1) for p in match[2].split(",") if p)
            found.append(
                (match[1], {k: _unescape(v) for k, v in props.items()}, _unescape(match[3]))
            )
    return found


def _bulletin(fields: dict[str, str] | None = None) -> str:
    """A good bulletin for the website alone (no Zalo cover needed), `fields` changed."""
    return bulletin_md({"channels": "[web]", **(fields or {})})


def _broken_project(tmp_path: Path) -> Path:
    """A project of a good bulletin and one with an unknown category and a bad date."""
    return make_project(
        tmp_path,
        {
            "content/bai-viet/tot.md": _bulletin(),
            "content/bai-viet/loi.md": _bulletin(
                {"category": "khong-co", "date": '"31/02/2020 08:00"'}
            ),
        },
    )


def _line_of(path: Path, start: str) -> int:
    """The line number of the first line of `path` starting with `start`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def test_under_github_actions_each_error_is_an_annotation_at_its_line_and_in_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The PR's «Files changed» shows each error under its line (file from the repository's top,
    line, field in the title, message and fix in Vietnamese); the summary lists them by file;
    the log still has every message, and the check still fails."""
    root = _broken_project(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))  # the project is a folder of the repo
    code = main(["check", "--strict", "--root", str(root), "--now", NOW])
    out, err = capsys.readouterr()
    assert code == 1
    errors = [c for c in _commands(out) if c[0] == "error"]
    source = root / "content/bai-viet/loi.md"
    by_field = {props["title"]: (props, message) for _, props, message in errors}
    props, message = by_field["Lỗi: trường 'category'"]
    assert props["file"] == "project/content/bai-viet/loi.md"
    assert props["line"] == str(_line_of(source, "category:"))
    assert "chuyên mục không tồn tại: «khong-co»" in message
    assert "\nCách sửa: " in message and "[categories.khong-co]" in message
    props, message = by_field["Lỗi: trường 'date'"]
    assert props["line"] == str(_line_of(source, "date:"))
    assert "chuyên mục không tồn tại" in err  # the log keeps the messages
    shown = summary.read_text(encoding="utf-8")
    assert shown.startswith("## publish check: 2 lỗi")
    assert "Chưa gộp được" in shown
    assert "### `content/bai-viet/loi.md`" in shown
    assert f"- dòng {_line_of(source, 'category:')} (lỗi) trường `category`:" in shown
    assert "&#91;categories.khong-co&#93;" in shown  # no Markdown link made of it


def test_a_clean_check_under_github_actions_says_so_in_the_summary_and_prints_no_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing wrong: no annotation, and the summary carries the check's closing line."""
    root = make_project(tmp_path, {"content/bai-viet/tot.md": _bulletin()})
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--root", str(root), "--now", NOW]) == 0
    out, _ = capsys.readouterr()
    assert [c for c in _commands(out) if c[0] == "error"] == []
    shown = summary.read_text(encoding="utf-8")
    assert shown.startswith("## publish check: không có lỗi")
    assert "Không có lỗi: đã kiểm tra 1 bản tin" in shown


def test_outside_github_actions_nothing_but_the_usual_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On an editor's own computer (or another CI) the output is what it always was."""
    root = _broken_project(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["check", "--root", str(root), "--now", NOW]) == 1
    out, err = capsys.readouterr()
    assert "::" not in out + err.replace("://", "")


def test_messages_and_properties_are_escaped_as_github_reads_them(tmp_path: Path) -> None:
    """A message with %, line breaks, commas and colons, and a field with them, come back whole:
    a raw newline would end the command and leave the fix as a stray log line."""
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    problem = Problem(
        "a.md",
        "giảm 50% phí,\r\nhạn: 31/12",
        field="radio: a,b",
        line=1,
        hint="sửa: «a, b»\nrồi lưu 100%",
    )
    [line] = ci_report.github_commands([problem], tmp_path, None)
    assert "\n" not in line and "\r" not in line
    [(kind, props, message)] = _commands(line)
    assert kind == "error"
    assert props == {"file": "a.md", "line": "1", "title": "Lỗi: trường 'radio: a,b'"}
    assert (
        message
        == "trường 'radio: a,b': giảm 50% phí,\r\nhạn: 31/12\nCách sửa: sửa: «a, b»\nrồi lưu 100%"
    )


def test_a_finding_of_no_file_is_an_annotation_of_the_run_naming_its_place(tmp_path: Path) -> None:
    """A radio episode's note names no file in the repository: no file property (GitHub would
    drop it), and the text starts with the place."""
    problem = Problem(
        "Tập phát thanh 17:00, Thứ Bảy, 05/12/2026", "chưa có bản tin", severity="note"
    )
    [(kind, props, message)] = _commands(
        "\n".join(ci_report.github_commands([problem], tmp_path, None))
    )
    assert kind == "notice" and "file" not in props
    assert message.startswith("Tập phát thanh 17:00, Thứ Bảy, 05/12/2026: chưa có bản tin")


def test_more_errors_than_github_shows_are_told_of_in_the_log_and_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """GitHub shows 10 error annotations a step: the editor is told where the other ones are."""
    files = {
        f"content/bai-viet/loi-{i:02}.md": _bulletin({"category": "khong-co"}) for i in range(12)
    }
    root = make_project(tmp_path, files)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--root", str(root), "--now", NOW]) == 1
    out, _ = capsys.readouterr()
    assert len([c for c in _commands(out) if c[0] == "error"]) == 12
    assert "GitHub chỉ hiện 10 lỗi đầu tiên bên cạnh tệp (có tất cả 12 lỗi)" in out
    shown = summary.read_text(encoding="utf-8")
    assert "GitHub chỉ hiện 10 lỗi đầu tiên" in shown
    assert shown.count("(lỗi) trường `category`") == 12


def test_the_gitlab_code_quality_report_lists_every_finding_in_gitlab_s_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--codequality FILE`: GitLab's documented fields, paths from the repository's top
    (CI_PROJECT_DIR), the line, a blocker for an error; written on success too (an empty list
    replaces the last run's findings)."""
    root = _broken_project(tmp_path)
    report = tmp_path / "gl-code-quality-report.json"
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["check", "--root", str(root), "--now", NOW, "--codequality", str(report)]) == 1
    issues = json.loads(report.read_text(encoding="utf-8"))
    source = root / "content/bai-viet/loi.md"
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    category = next(i for i in issues if "khong-co" in i["description"])
    assert category["severity"] == "blocker"
    assert category["location"] == {
        "path": "project/content/bai-viet/loi.md",
        "lines": {"begin": _line_of(source, "category:")},
    }
    assert category["description"].startswith("trường 'category': chuyên mục không tồn tại")
    assert ". Cách sửa: " in category["description"]
    (root / "content/bai-viet/loi.md").unlink()
    assert main(["check", "--root", str(root), "--now", NOW, "--codequality", str(report)]) == 0
    assert json.loads(report.read_text(encoding="utf-8")) == []


def test_an_extra_episode_s_note_is_reported_on_its_bulletin_naming_the_episode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitLab shows an entry only at a file of the repository: the short extra episode that one
    bulletin's air_date made is shown on that bulletin, the text naming the broadcast."""
    root = radio_project(
        tmp_path,
        {
            "content/bai-viet/thu-tu.md": dated_bulletin("2024-12-09 08:00", "2024-12-11"),
            "content/bai-viet/thu-bay.md": dated_bulletin("2024-12-09 08:00", "2024-12-14"),
        },
    )
    report = tmp_path / "gl-code-quality-report.json"
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    args = ["check", "--root", str(root), "--now", "2024-12-09T12:00"]
    assert main([*args, "--codequality", str(report)]) == 0
    issues = json.loads(report.read_text(encoding="utf-8"))
    [episode] = [i for i in issues if "Q9" in i["description"]]
    assert episode["location"] == {
        "path": "project/content/bai-viet/thu-tu.md",
        "lines": {"begin": 1},
    }
    assert episode["description"].startswith("Tập phát thanh thêm 17:00, Thứ Tư, 11/12/2024: ")
    assert all((tmp_path / i["location"]["path"]).is_file() for i in issues)


def test_an_episode_of_no_single_bulletin_is_reported_at_site_toml(tmp_path: Path) -> None:
    """Two broadcasts with the same note: each at site.toml (a file GitLab can show), each
    naming its broadcast, two findings (not one fingerprint), on GitHub as notes of the run."""
    root = make_project(tmp_path, {})
    found = [
        Problem(f"Tập phát thanh 17:00, Thứ Bảy, {day}", "chưa có bản tin", severity="note")
        for day in ("05/12/2026", "12/12/2026")
    ]
    issues = ci_report.codequality_report(found, root, tmp_path)
    assert [i["location"]["path"] for i in issues] == ["project/site.toml"] * 2
    assert issues[1]["description"] == "Tập phát thanh 17:00, Thứ Bảy, 12/12/2026: chưa có bản tin"
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]
    commands = _commands("\n".join(ci_report.github_commands(found, root, tmp_path)))
    assert all("file" not in props for _, props, _ in commands)


def test_a_message_ending_in_a_question_takes_no_full_stop_before_the_fix(tmp_path: Path) -> None:
    """«có phải ý bạn là 'title'?» is followed by the fix, not by «?.»; a plain one by «.»."""
    (tmp_path / "a.md").write_text("---\ntitel: x\n---\n", encoding="utf-8")
    asked = Problem(
        "a.md",
        "trường không biết: 'titel' — có phải ý bạn là 'title'?",
        line=2,
        hint="đổi 'titel' thành 'title'.",
        severity="warning",
    )
    plain = Problem("a.md", "thiếu tiêu đề", hint="thêm dòng title: …")
    issues = ci_report.codequality_report([asked, plain], tmp_path, None)
    assert issues[0]["description"].endswith("'title'? Cách sửa: đổi 'titel' thành 'title'.")
    assert issues[1]["description"] == "thiếu tiêu đề. Cách sửa: thêm dòng title: …"
    summary = ci_report.github_summary([asked, plain], "")
    assert "'title'? Cách sửa:" in summary and "?." not in summary
    assert "thiếu tiêu đề. Cách sửa:" in summary


def test_a_report_that_cannot_be_written_is_told_before_the_check_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder that does not exist: the check stops at once, naming the report file and the
    fix, instead of saying «Không có lỗi» and then a bare file-system error."""
    root = make_project(tmp_path, {"content/bai-viet/tot.md": _bulletin()})
    report = tmp_path / "bao-cao" / "gl-code-quality-report.json"
    args = ["check", "--root", str(root), "--now", NOW, "--codequality", str(report)]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert "Không có lỗi" not in out
    assert f"Không ghi được báo cáo Code Quality vào {report}: chưa có thư mục" in err
    assert f"mkdir -p {report.parent}" in err
    assert main([*args[:-1], str(tmp_path)]) == 1
    assert "đây là thư mục, không phải tệp" in capsys.readouterr().err
    report.parent.mkdir()
    assert main(args) == 0
    assert json.loads(report.read_text(encoding="utf-8")) == []


def test_the_gitlab_template_hands_the_report_to_the_merge_request() -> None:
    """ci/gitlab-ci.yml's check writes the report and keeps it as a codequality artifact, also
    when the check fails (that is when the editor needs it)."""
    text = (Path(__file__).parents[1] / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8")
    assert "publish check --strict --codequality gl-code-quality-report.json" in text
    assert re.search(r"codequality: gl-code-quality-report\.json", text)
    assert re.search(r"artifacts:\s*\n\s*when: always", text)


def test_errors_come_first_and_an_unknown_severity_is_a_warning(tmp_path: Path) -> None:
    """Errors lead (GitHub keeps the first 10 of a kind); a severity this module does not know
    is shown as the warning severity_label calls it, never a crash of the check."""
    found = [Problem("a", "ghi chú", severity="note"), Problem("b", "lạ", severity="khác")]
    found.append(Problem("c", "lỗi"))
    kinds = [
        kind
        for kind, _, _ in _commands("\n".join(ci_report.github_commands(found, tmp_path, None)))
    ]
    assert kinds == ["error", "warning", "notice"]
    report = ci_report.codequality_report(found, tmp_path, None)
    assert [i["severity"] for i in report] == ["info", "minor", "blocker"]


def test_an_annotation_prints_no_control_character_of_a_file_name(tmp_path: Path) -> None:
    """A pull request may add a file named with an escape sequence or a tab: the log showed it
    raw in the annotation's `file=` property and text (an «ESC[8m» hides the log's next lines),
    where the log's own line and the summary show it escaped. The annotation names the place
    in its text, escaped, and is attached to no file: GitHub reads a property raw."""
    name = "content/bai-viet/a\x1b[8mb\t.md"
    (tmp_path / "content/bai-viet").mkdir(parents=True)
    (tmp_path / name).write_text("x\n", encoding="utf-8")
    problem = Problem(name, "ngày sai\x1b[2J", field="da\tte", line=3, hint="sửa\tlại")
    [line] = ci_report.github_commands([problem], tmp_path, None)
    assert not re.search("[\x00-\x1f\x7f-\x9f]", line), repr(line)
    [(kind, props, message)] = _commands(line)
    assert kind == "error" and "file" not in props and "line" not in props
    assert props["title"] == "Lỗi: trường 'da\\tte'"
    assert message == (
        "content/bai-viet/a\\x1b[8mb\\t.md:3: trường 'da\\tte': ngày sai\\x1b[2J\n"
        "Cách sửa: sửa\\tlại"
    )
