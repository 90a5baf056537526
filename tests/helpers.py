"""Shared test helpers: throwaway projects, bulletin text, a fixed clock and a tiny renderer."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import subprocess
import sys
import types
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from io import BytesIO
from pathlib import Path
from typing import NoReturn

import pytest

from publish.config import parse
from publish.errors import ConfigError, Problem
from publish.model import Artifact, Site
from tests import forked

__all__ = [
    "FIXTURES",
    "NAME_ONLY_ACCEPTED",
    "NOW",
    "OA_ID",
    "OTHER_UNIT_TOML",
    "PLAIN_SITE_TOML",
    "SAMPLE_UNIT",
    "SITE_TOML",
    "TINY_JPEG",
    "accept_names",
    "add_toml",
    "bulletin_md",
    "install_fake_renderers",
    "make_project",
    "readable",
    "with_oa",
]

FIXTURES = Path(__file__).parent / "fixtures"

PLAIN_SITE_TOML = """\
[unit]
name = "Công an huyện Châu Thành"
short_name = "Công an Châu Thành"
area = "tỉnh Đồng Tháp"

[site]
title = "Công an huyện Châu Thành"
base_url = "https://congan-chauthanh.example.vn/"

[categories.canh-bao-toi-pham]
label = "Cảnh báo phương thức, thủ đoạn tội phạm"

[categories.an-ninh-trat-tu]
label = "Tình hình an ninh trật tự"
"""
"""A minimal valid site.toml: two categories, every other setting at its default."""

NAME_ONLY_ACCEPTED = """
# bulletin_md approves by name only, as bulletins were before `publish approve`: accepted here;
# by default a bulletin never published is held (tests/test_name_only_approvals.py).
[policy]
name_only_approvals = "accept"
"""
"""A [policy] table accepting approvals by name only, as bulletin_md writes them."""

SITE_TOML = PLAIN_SITE_TOML + NAME_ONLY_ACCEPTED
"""PLAIN_SITE_TOML whose bulletins bulletin_md approves (see NAME_ONLY_ACCEPTED)."""

OTHER_UNIT_TOML = """\
[unit]
name = "Công an phường Hòa Khánh, thành phố Đà Nẵng"
short_name = "Công an phường Hòa Khánh"
area = "thành phố Đà Nẵng"

[site]
title = "Công an phường Hòa Khánh"
base_url = "https://conganhoakhanh.example.vn/"

[categories.tin-tuc]
label = "Tin tức"

[categories.canh-bao]
label = "Cảnh báo"

[categories.thu-tuc]
label = "Thủ tục"

[policy]
name_only_approvals = "accept"
"""
"""Another unit's site.toml, changed only in data: what it sees must never name the sample unit."""
SAMPLE_UNIT = re.compile(r"Châu Thành|Đồng Tháp|chauthanh|canh-bao-toi-pham", re.IGNORECASE)
"""Words of the sample unit (and its categories) no other unit should be shown."""

NOW = dt.datetime(2021, 1, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
"""A fixed clock after every default bulletin date."""

TINY_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c"
    "1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0"
    "000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bff"
    "c400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a10823"
    "42b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a5354555657"
    "58595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aa"
    "b2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8"
    "f9faffda0008010100003f00fbd3ffd9"
)
"""A valid 1×1 JPEG, for projects whose images must exist."""


@functools.cache
def every_character() -> str:
    """Every code point, U+0000 to U+10FFFF, as one string (made once per process, on first use):
    a pattern's `findall` over it finds every character the pattern matches alone in one scan."""
    return "".join(map(chr, range(sys.maxunicode + 1)))


def add_toml(toml: str, snippet: str) -> str:
    """`toml` with `snippet` added at its end; a [policy] table in the snippet joins the one
    `toml` has (TOML allows a table once): its keys go at the top of that table."""
    head, found, rest = snippet.partition("[policy]\n")
    if not found or "\n[policy]\n" not in toml:
        return toml + snippet
    keys, table, after = rest.partition("\n[")
    toml = toml.replace("\n[policy]\n", "\n[policy]\n" + keys.strip("\n") + "\n", 1)
    return toml + head + (("\n" + table + after) if table else "")


def accept_names(root: Path) -> None:
    """Let the project at `root` publish bulletins approved by name only, as bulletin_md
    writes them (see NAME_ONLY_ACCEPTED): for a copy of the sample project, whose own are
    approved with publish approve."""
    toml = root / "site.toml"
    text = toml.read_text("utf-8")
    if "name_only_approvals" not in text:  # once: TOML refuses a key given twice
        toml.write_text(add_toml(text, NAME_ONLY_ACCEPTED), "utf-8")


def make_project(tmp_path: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write a throwaway project under tmp_path; site.toml defaults to SITE_TOML unless given."""
    root = tmp_path / "project"
    root.mkdir(parents=True, exist_ok=True)
    wanted = {"site.toml": SITE_TOML, **files}
    for rel, content in wanted.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    return root


def bulletin_md(
    fields: Mapping[str, object] | None = None,
    body: str = "Nội dung bản tin.\n",
    *,
    drop: Iterable[str] = (),
) -> str:
    """A bulletin file: valid, approved front matter by default; `fields` override, `drop` removes.

    Values are written verbatim after `key: `, so pass YAML source text (quote strings as needed).
    """
    front: dict[str, object] = {
        "title": '"Cảnh báo lừa đảo qua mạng"',
        "date": "2020-12-08 08:00",
        "category": "canh-bao-toi-pham",
        "summary": '"Người dân cần cảnh giác với cuộc gọi giả danh Công an."',
        "approved_by": '"Thượng tá Nguyễn Văn Hùng"',
    }
    front.update(fields or {})
    for key in drop:
        front.pop(key, None)
    lines = [f"{key}: {value}" for key, value in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def fake_renderer(channel: str, *, fail_after: int | None = None) -> types.ModuleType:
    """A renderer module writing index.txt plus one file per bulletin; raises after N artifacts."""
    module = types.ModuleType(f"tests_fake_renderer_{channel}")

    def render(site: Site) -> Iterable[Artifact]:
        """One listing and one page per bulletin."""
        listing = "\n".join(f"{b.key} {b.title}" for b in site.for_channel(channel))
        yield Artifact.text(channel, "index.txt", listing + "\n")
        for count, bulletin in enumerate(site.for_channel(channel), start=1):
            if fail_after is not None and count > fail_after:
                raise RuntimeError("renderer exploded mid-stream")
            yield Artifact.text(
                channel,
                f"{bulletin.url.strip('/')}/index.txt",
                bulletin.body,
                source=bulletin.source,
                key=bulletin.key,
            )

    module.render = render  # type: ignore[attr-defined]
    return module


def install_fake_renderers(
    monkeypatch: pytest.MonkeyPatch,
    channels: Iterable[str] = ("web", "zalo", "radio"),
    **kw: int | None,
) -> None:
    """Point publish.pipeline.RENDERERS at fake renderer modules for `channels`."""
    import publish.pipeline

    for channel in channels:
        module = fake_renderer(channel, **kw)
        monkeypatch.setitem(sys.modules, module.__name__, module)
        monkeypatch.setitem(publish.pipeline.RENDERERS, channel, module.__name__)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def stats(folder: Path) -> dict[str, tuple[int, int]]:
    """Inode and mtime of every file: any rewrite (even of equal bytes) changes one of them."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def record_jobs_sent(monkeypatch: pytest.MonkeyPatch, module: types.ModuleType) -> list[int]:
    """The number of jobs each later `run_jobs` call of `module` is given, in order."""
    sent: list[int] = []
    original = module.run_jobs

    def recording(jobs: Sequence[Callable[[], object]], **kwargs: object) -> Iterator[object]:
        """Note how many jobs were sent, then run them as the original does."""
        sent.append(len(jobs))
        return original(jobs, **kwargs)

    monkeypatch.setattr(module, "run_jobs", recording)
    return sent


def hint_of(problem: Problem) -> str:
    """The problem's hint (a problem without one fails the test that reads it)."""
    assert problem.hint is not None, problem.message
    return problem.hint


def refusing(why: str) -> Callable[..., NoReturn]:
    """A stand-in that fails the test, saying `why`, whenever it is called."""

    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError(why)

    return refuse


def search_index_written(root: Path, site: Site) -> tuple[dict[str, bytes], int]:
    """The search index files of `site` as the web renderer gives them, written to output/web/
    (where the next build finds the files it keeps), by path; and how many were kept."""
    files, made = search_index_made(root, site)
    return files, len(files) - len(made)


def search_index_made(root: Path, site: Site) -> tuple[dict[str, bytes], set[str]]:
    """As search_index_written, but the paths of the files made this time (not kept)."""
    from publish.ledger import Ledger
    from publish.model import Kept
    from publish.render.web import search
    from publish.writer import write

    ledger = Ledger(root / ".cache", root / "output", "web")
    artifacts = list(search.search_artifacts(site, ledger))
    write(artifacts, root / "output", ["web"], cache=root / ".cache")
    files = {a.path: (root / "output" / "web" / a.path).read_bytes() for a in artifacts}
    return files, {a.path for a in artifacts if not isinstance(a, Kept)}


class FakeClock:
    """A wall clock that moves only when told to."""

    def __init__(self) -> None:
        """Start at an arbitrary reading."""
        self.reading = 1000.0

    def __call__(self) -> float:
        """The current reading."""
        return self.reading

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass."""
        self.reading += seconds


def rows(lines: list[str]) -> dict[str, str]:
    """Phase label → its seconds as printed, from the lines of the table."""
    found = {}
    for line in lines[1:]:
        match = re.match(r"  (.+?)\s{2,}(\d+,\d+)", line)
        assert match, line
        found[match.group(1)] = match.group(2)
    return found


def running_order(text: str) -> dict[str, tuple[str, str]]:
    """rundown.txt's rows by number («A3»): the grid row, and the slug, title and notes on the
    indented lines under it joined into one line."""
    found: dict[str, tuple[str, str]] = {}
    number = ""
    for line in text.splitlines():
        if line[:1] == "A" and line[1:2].isdigit():
            number = line.split()[0]
            found[number] = (line, "")
        elif number and line.startswith("     "):
            row, named = found[number]
            found[number] = (row, f"{named} {line.strip()}".lstrip())
        else:
            number = ""
    return found


def publish_command(
    *args: str | Path, cwd: Path | None = None, timeout: float = 120, fresh: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run `python -m publish ARGS` with the test interpreter (the project's venv) as an editor
    would: no PUBLISH_ settings of the machine, stdin not a terminal. Forked from a process that
    has imported publish (tests/forked.py: a fresh interpreter cost ~0.5-1 s of CPU a run) unless
    `fresh`: a test of the command as an entry point of its own runs a real interpreter."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PUBLISH_")}
    argv = ["-m", "publish", *map(str, args)]
    if not fresh:
        return forked.run(argv, cwd=cwd, env=env, encoding="utf-8", timeout=timeout)
    return subprocess.run(
        [sys.executable, *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


def web_notes(command: str, root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """stderr of `publish <command>` on the web channel at NOW, in this process; it must succeed
    (a theme note is no error)."""
    from publish.cli import main

    argv = [command, "--root", str(root), "--now", NOW.isoformat(), "--channel", "web", *extra]
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 0, err
    return err


def readable(name: str, data: bytes) -> str:
    """What a person opening the file `name` reads in it: a Word file's document text (its
    XML, the words in it as typed: a search in the zipped bytes finds nothing), else the text."""
    if name.endswith(".docx"):
        with zipfile.ZipFile(BytesIO(data)) as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
        assert "<w:body" in xml, name
        return xml
    return data.decode("utf-8-sig")


OA_ID = "1234567890123456789"
"""The Zalo OA id with_oa gives a project."""


def with_oa(root: Path) -> Path:
    """The project at `root`, its site.toml naming a Zalo OA (without one nothing is built or
    sent for Zalo, and Zalo's limits are not checked): into its [zalo] table, or a new one."""
    toml = root / "site.toml"
    text = toml.read_text("utf-8")
    if re.search(r"(?m)^[ \t]*oa_id[ \t]*=", text):
        return root
    if re.search(r"(?m)^\[zalo\][ \t]*$", text):
        text = re.sub(r"(?m)^\[zalo\][ \t]*$", f'[zalo]\noa_id = "{OA_ID}"', text, count=1)
    else:
        text += f'\n[zalo]\noa_id = "{OA_ID}"\n'
    toml.write_text(text, "utf-8")
    return root


SITE_ROOT = Path("/srv/du-an")
"""Where the site.toml texts of config tests say they live (never read: parse takes the text)."""


def problems_of(text: str) -> tuple[Problem, ...]:
    """The problems of a site.toml text that must fail to parse."""
    with pytest.raises(ConfigError) as info:
        parse(text, root=SITE_ROOT)
    return info.value.problems


def one_problem(text: str) -> Problem:
    """The single problem of a site.toml text that must fail to parse."""
    problems = problems_of(text)
    assert len(problems) == 1, [p.render() for p in problems]
    return problems[0]


def include_in_footer(root: Path, template: str) -> None:
    """Give the own theme under `root` a templates/web/chan-trang.html of `template`, included
    at the end of its base.html's footer (a unit moving the footer's lines to its own file)."""
    (root / "templates/web/chan-trang.html").write_text(template, "utf-8")
    base = root / "templates/web/base.html"
    text = base.read_text("utf-8")
    assert "</footer>" in text
    base.write_text(text.replace("</footer>", '{% include "chan-trang.html" %}</footer>'), "utf-8")
