"""A rebuild that reuses .cache/ and output/ gives exactly the files of a clean build.

Random sequences of edits (body, title, date, tags, tags differing only by symbols, links by
file name to other bulletins, a bulletin set back to a draft and let out again, a correction
added or taken away),
renames, deletions, new bulletins, image, template and site.toml changes, a theme using the
whole `site`, and hand edits of output/ are applied to a copy of the fixture site. After each step the
project is rebuilt in place (every channel, caches kept) and compared, file by file, with a clean
build of a copy without .cache/ and output/, and so are the warnings and notes it prints (some
results are kept across site.toml edits they do not read: publish.config_reads). Files whose bytes did not change must also keep
their inode and modification time: a rebuild rewrites what changed and nothing else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publish import config as config_module
from publish import replay
from publish.cli import main
from publish.errors import ContentError
from publish.model import Artifact, Bulletin, Kept
from publish.pipeline import build
from publish.writer import write
from tests.helpers import record_jobs_sent
from tests.web_fixture import NOW, SITE

CHANNELS = ("web", "zalo", "radio")
BUILTIN_THEME = Path(__file__).resolve().parents[1] / "templates"
EXAMPLES = int(os.environ.get("INCREMENTAL_EXAMPLES", "4"))
"""Random edit sequences per run (each ~6 s: a rebuild and a clean build per step); every run
draws others. INCREMENTAL_EXAMPLES=200 for a long search before a release."""


@pytest.fixture(autouse=True)
def replay_without_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let a build right after another be replayed (each step here takes far longer than a
    timestamp tick, so the "racy" guard is not needed for correctness)."""
    monkeypatch.setattr(replay, "RACY_SECONDS", 0.0)


def run_build(root: Path, now: dt.datetime = NOW) -> None:
    """`publish build` of every channel into root/output with a fixed clock (.cache/ kept)."""
    assert main(["build", "--root", str(root), "--now", now.isoformat(), "-q"]) == 0


REPORT_ONLY = re.compile(
    r"(web|zalo|radio): \d+ tệp|Xong sau |Website nằm ở |Không có gì thay đổi kể từ lần dựng trước"
)
"""Report lines that rightly differ between a rebuild and a clean build (files written, time, a
rebuild replaying the last one when a step changed nothing it reads)."""


def reported_build(root: Path, now: dt.datetime = NOW) -> list[str]:
    """`run_build`, but what it prints is returned: the warnings and notes, the project's folder
    written ROOT, without the lines on files written and time taken."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["build", "--root", str(root), "--now", now.isoformat()])
    assert code == 0, out.getvalue()
    text = out.getvalue().replace(str(root), "ROOT")
    return [line for line in text.splitlines() if not REPORT_ONLY.match(line)]


def library_build(root: Path) -> None:
    """Build every channel through the library, so content errors arrive as exceptions."""
    config = config_module.load(root)
    result = build(config, channels=CHANNELS, now=NOW)
    write(result.artifacts, root / "output", CHANNELS, cache=root / ".cache")


def tree(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Each file under `folder`: bytes, inode and mtime."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file():
            info = path.stat()
            found[path.relative_to(folder).as_posix()] = (
                path.read_bytes(),
                info.st_ino,
                info.st_mtime_ns,
            )
    return found


def clean_build(
    root: Path, scratch: Path, now: dt.datetime = NOW, report: list[str] | None = None
) -> dict[str, tuple[bytes, int, int]]:
    """The output of a cold build of the same sources, made in this process alone: the
    reference needs no pool (forking the test process cost more than this site's pages), and
    a rebuild made on every core still has to equal it. `report`: gets what it prints
    (reported_build)."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(root, scratch, ignore=shutil.ignore_patterns(".cache", "output"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PUBLISH_WORKERS", "1")
        if report is None:
            run_build(scratch, now)
        else:
            report += reported_build(scratch, now)
    return tree(scratch / "output")


def bulletins(root: Path) -> list[Path]:
    """The bulletin files, sorted."""
    return sorted((root / "content" / "bai-viet").glob("*.md"))


def replace_line(path: Path, key: str, value: str) -> None:
    """Set a top-level front matter key (added when missing)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    end = lines.index("---", 1)
    for i in range(1, end):
        if lines[i].startswith(f"{key}:"):
            lines[i] = f"{key}: {value}"
            break
    else:
        lines.insert(end, f"{key}: {value}")
    path.write_text("\n".join(lines), encoding="utf-8")


def own_theme(root: Path) -> Path:
    """The project's own copy of the theme (made on first use)."""
    theme = root / "templates"
    if not (theme / "web").is_dir():
        shutil.copytree(BUILTIN_THEME, theme, dirs_exist_ok=True)
    return theme


NEW_BULLETIN = """---
title: "Tin mới số {n}: cảnh giác cuộc gọi lạ"
date: 2024-03-{day:02d} 07:{n:02d}
category: canh-bao-toi-pham
summary: "Bản tin thêm trong kiểm thử số {n}."
tags: ["lừa đảo", "tin mới {n}"]
approved_by: "Đại úy Lê Văn Đức, Trưởng Công an xã"
---

Nội dung bản tin mới số {n}. Người dân **cảnh giác** với cuộc gọi lạ.
"""


def relink(root: Path, old: str, new: str | None) -> None:
    """Point every link to the bulletin file named `old` at `new` (None: unlink its text), as
    an editor renaming or deleting a bulletin must."""
    pattern = re.compile(
        r"\[([^\]]*)\]\(((?:\.\./bai-viet/)?)" + re.escape(old) + r"((?:#[^)]*)?)\)"
    )
    for path in (root / "content").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        changed = pattern.sub(
            lambda m: m[1] if new is None else f"[{m[1]}]({m[2]}{new}{m[3]})", text
        )
        if changed != text:
            path.write_text(changed, encoding="utf-8")


def apply(root: Path, op: tuple[str, int]) -> None:
    """Change the project the way an editor or developer would."""
    name, n = op
    files = bulletins(root)
    target = files[n % len(files)] if files else None
    if name == "link" and target:
        # A link by file name from a bulletin (or the contact page) to another bulletin: its
        # page must follow when the other's address changes ("date"), the file itself not.
        linked = files[(n + 1) % len(files)].name
        source, href = target, linked
        if n % 4 == 0:
            source, href = root / "content" / "pages" / "lien-he.md", f"../bai-viet/{linked}"
        with source.open("a", encoding="utf-8") as handle:
            handle.write(f"\nXem thêm [bài liên quan {n}]({href}#muc).\n")
    elif name == "hold" and target:
        # A bulletin set back to a draft, or let out again: each link to it by file name
        # ("link") keeps its words alone, then gets its address back, its file unchanged.
        text = target.read_text(encoding="utf-8")
        if "\ndraft: true\n" in text:
            target.write_text(text.replace("\ndraft: true\n", "\n", 1), encoding="utf-8")
        else:
            replace_line(target, "draft", "true")
    elif name == "body" and target:
        with target.open("a", encoding="utf-8") as handle:
            handle.write(f"\nĐoạn bổ sung số {n}: thông tin đã được xác minh.\n")
    elif name == "title" and target:
        replace_line(target, "title", f'"Tiêu đề đã sửa lần {n}"')
    elif name == "date" and target:
        replace_line(target, "date", f"2024-01-{1 + n % 28:02d} 06:{n % 60:02d}")
    elif name == "correction" and target:
        # A correction added to a published bulletin (its page, feeds, sitemap, Zalo article
        # and radio script change), or taken away again.
        text = target.read_text(encoding="utf-8")
        if "\ncorrections:" in text:
            text = re.sub(r"\ncorrections:\n(?:  .*\n)+", "\n", text, count=1)
        else:
            correction = (
                f"corrections:\n  - date: 2024-03-31 10:{n:02d}\n"
                f'    note: "Sửa lần {n}: số điện thoại đúng là 0912 345 678."\n'
            )
            text = text.replace("\n---\n", f"\n{correction}---\n", 1)
        target.write_text(text, encoding="utf-8")
    elif name == "pin" and target:
        # A pin on the home page taken off, or put on: for good, ended before the clock, or
        # ending after it (every end after every bulletin's date).
        text = target.read_text(encoding="utf-8")
        if "\npinned:" in text:
            target.write_text(re.sub(r"\npinned: [^\n]*", "", text, count=1), encoding="utf-8")
        else:
            replace_line(target, "pinned", ("true", "2024-04-01 08:00", "2024-04-02 08:00")[n % 3])
    elif name == "tags" and target:
        replace_line(target, "tags", f'["tuần tra", "thẻ {n % 3}"]')
    elif name == "symbol-tag" and target:
        # Tags a slug cannot tell apart: the address of each moves as the others come and go.
        replace_line(target, "tags", f'["lừa đảo", "{("C", "C++", "C#")[n % 3]}"]')
    elif name == "rename" and target:
        renamed = target.with_name(f"2024-03-0{1 + n % 9}-doi-ten-{n}.md")
        target.rename(renamed)
        relink(root, target.name, renamed.name)
    elif name == "delete" and target and len(files) > 1:
        target.unlink()
        relink(root, target.name, None)
    elif name == "add":
        path = root / "content" / "bai-viet" / f"2024-03-{1 + n % 28:02d}-tin-moi-{n}.md"
        path.write_text(NEW_BULLETIN.format(n=n % 60, day=1 + n % 28), encoding="utf-8")
    elif name == "image":
        image = root / "content" / "images" / "canh-bao.jpg"
        other = root / "content" / "images" / "bia-mac-dinh.jpg"
        data = other.read_bytes()
        other.write_bytes(image.read_bytes())
        image.write_bytes(data)
    elif name == "template":
        page = own_theme(root) / "web" / "bulletin.html"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{{# sửa {n} #}}x{n}\n", "utf-8")
    elif name == "base-template":
        base = own_theme(root) / "web" / "base.html"
        text = base.read_text(encoding="utf-8")
        base.write_text(text.replace("</body>", f"<!-- phiên bản {n} --></body>", 1), "utf-8")
    elif name == "per-page":
        toml = root / "site.toml"
        text = toml.read_text(encoding="utf-8")
        per_page = 2 + n % 3
        if "per_page" in text:
            lines = [
                f"per_page = {per_page}" if line.startswith("per_page") else line
                for line in text.split("\n")
            ]
            toml.write_text("\n".join(lines), encoding="utf-8")
        else:
            toml.write_text(text + f"\n[web]\nper_page = {per_page}\n", encoding="utf-8")
    elif name == "whole-site-template":
        # A theme that shows something of every bulletin: no page may be reused from the cache.
        base = own_theme(root) / "web" / "base.html"
        text = base.read_text(encoding="utf-8")
        shown = f"<!-- {n}: {{{{ site.bulletins | length }}}} bản tin --></body>"
        base.write_text(text.replace("</body>", shown, 1), "utf-8")
    elif name == "count-template":
        # A theme whose menu shows each category's count: a bulletin added or removed anywhere
        # changes every page.
        base = own_theme(root) / "web" / "base.html"
        text = base.read_text(encoding="utf-8")
        shown = "{{ category['label'] }} ({{ category.count }})"
        base.write_text(text.replace("{{ category['label'] }}", shown, 1), "utf-8")
    elif name == "tamper-output":
        # Someone edits (or truncates) a published page by hand: the rebuild must repair it.
        pages = sorted((root / "output" / "web").rglob("index.html"))
        if pages:
            pages[n % len(pages)].write_text(f"sửa tay {n}", encoding="utf-8")
    elif name == "tamper-search":
        # Someone deletes one file of the search index and edits another: the index is made
        # again, as its bytes are kept nowhere but in output/.
        index = sorted((root / "output" / "web" / "tim-kiem" / "chi-muc").rglob("*.json"))
        if len(index) > 1:
            index[n % len(index)].unlink()
            index[(n + 1) % len(index)].write_text("{}", encoding="utf-8")
    elif name == "station":
        # One more of the unit's posts, listed on the contact page (layout: contact).
        toml = root / "site.toml"
        added = f'\n[[contact.stations]]\nname = "Công an xã Tân Phú ({n})"\nphone = "0277 3610 2{n:02d}"\n'
        toml.write_text(toml.read_text(encoding="utf-8") + added, encoding="utf-8")
    elif name == "english-page":
        # A page in English, or one renamed: the first English page lists the others («More
        # in English»), which a rebuild must follow as a clean build does.
        folder = root / "content" / "pages"
        english = sorted(folder.glob("en-*.md"))
        if english and n % 3 == 0:
            english[n % len(english)].write_text(
                english[n % len(english)]
                .read_text(encoding="utf-8")
                .replace("title: ", f"title: Renamed {n} ", 1),
                encoding="utf-8",
            )
        else:
            (folder / f"en-{n}.md").write_text(
                f'---\ntitle: "Page {n}"\nlang: en\norder: {10 + n % 5}\n---\n\nText {n}.\n',
                encoding="utf-8",
            )
    elif name == "tag-alias":
        # A tag merged into another, renamed to a new one, renamed where tags differ only by
        # symbols, or the line taken away again: tags, tag pages and redirects follow site.toml.
        toml = root / "site.toml"
        text = re.sub(r'\n\[tag_aliases\]\n(?:"[^\n]*\n)*', "\n", toml.read_text(encoding="utf-8"))
        line = (
            '"lừa đảo" = "an ninh mạng"',
            '"tuần tra" = "tuần tra cơ động"',
            '"C#" = "C"',
            None,
        )[n % 4]
        if line:
            text += f"\n[tag_aliases]\n{line}\n"
        toml.write_text(text, encoding="utf-8")
    elif name == "category-label":
        # A category's label: every page's menu shows it, no bulletin's text or reading has it.
        toml = root / "site.toml"
        text = toml.read_text(encoding="utf-8")
        label = ("An ninh trật tự", f"An ninh, trật tự ({n})", "Tình hình an ninh trật tự")[n % 3]
        text = re.sub(r'(\[categories\.an-ninh-trat-tu\]\nlabel = )"[^"]*"', rf'\1"{label}"', text)
        toml.write_text(text, encoding="utf-8")
    elif name == "unit-name":
        # The unit's name: read in a radio item (the byline, the places a last line names).
        toml = root / "site.toml"
        text = toml.read_text(encoding="utf-8")
        unit = ("Công an xã Tân Phú Đông", "Công an xã Mỹ Hiệp", f"Công an xã Tân Thới {n}")
        text = re.sub(r'(\[unit\]\nname = )"[^"]*"', rf'\1"{unit[n % 3]}"', text)
        toml.write_text(text, encoding="utf-8")
    elif name == "private-phone" and target:
        # A number the personal data scan tells, unless it is the unit's (see "hotline"), and
        # an abbreviation the radio reads only once the unit's abbreviation file has it.
        with target.open("a", encoding="utf-8") as handle:
            handle.write(f"\nSố điện thoại của bị hại là 0912 345 60{n % 2}, CATX cho biết.\n")
    elif name == "hotline":
        # The unit's hotline (never a private person's number, and read in the radio contact).
        toml = root / "site.toml"
        text = toml.read_text(encoding="utf-8")
        hotline = ("0273 3850 113", "0912 345 600", "0912 345 601")[n % 3]
        text = re.sub(r'(?m)^hotline = "[^"]*"', f'hotline = "{hotline}"', text, count=1)
        toml.write_text(text, encoding="utf-8")
    elif name == "abbreviations":
        # [radio] abbreviations named or taken away, or the file it names written anew.
        toml = root / "site.toml"
        text = toml.read_text(encoding="utf-8")
        tsv = root / "content" / "tu-viet-tat.tsv"
        tsv.write_text(f"CATX\tCông an thị xã {n}\n", encoding="utf-8")
        setting = '\n[radio]\nabbreviations = "content/tu-viet-tat.tsv"\n'
        if n % 2 == 0:
            text = text.replace(setting, "") if setting in text else text + setting
            toml.write_text(text, encoding="utf-8")
    elif name == "zalo-footer":
        # [zalo] footer set, changed or taken away: every Zalo article ends with it.
        toml = root / "site.toml"
        text = re.sub(r'(?m)^footer = "[^"\n]*"\n', "", toml.read_text(encoding="utf-8"))
        footer = ("", "Đường dây nóng: 0273 3850 113.", f"Lời cuối {n}.\\n\\nĐoạn hai.")[n % 3]
        if footer:
            text = text.replace("[zalo]\n", f'[zalo]\nfooter = "{footer}"\n', 1)
        toml.write_text(text, encoding="utf-8")
    elif name == "short-name":
        # The unit's short name: the author and the closing line of every Zalo article.
        toml = root / "site.toml"
        text = toml.read_text(encoding="utf-8")
        short = ("Công an Tân Phú Đông", f"CA Tân Phú Đông {n}", "Công an xã TPĐ")[n % 3]
        text = re.sub(r'(?m)^short_name = "[^"]*"', f'short_name = "{short}"', text, count=1)
        toml.write_text(text, encoding="utf-8")
    elif name == "document" and target:
        # A form linked as the website serves it («/tep/mau-don.pdf»): content/tep/mau-don.pdf
        # when there is one, else content/mau-don.pdf. Linked first (with the latter), then the
        # former added or taken away: where the link leads changes, no bulletin's text.
        content = root / "content"
        if not any("(/tep/mau-don.pdf)" in p.read_text(encoding="utf-8") for p in files):
            (content / "mau-don.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
            with target.open("a", encoding="utf-8") as handle:
                handle.write(f"\nTải [mẫu đơn số {n}](/tep/mau-don.pdf) về điền.\n")
        elif (content / "tep" / "mau-don.pdf").exists():
            (content / "tep" / "mau-don.pdf").unlink()
        else:
            (content / "tep").mkdir(exist_ok=True)
            (content / "tep" / "mau-don.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    elif name == "folder-page" and target:
        # A site served under a folder (/ca/) and a link written with it («/ca/»): the
        # website's home, or the page /ca/ once there is one. Linked first, then that page
        # added or taken away: where the link leads changes, no bulletin's text.
        page = root / "content" / "pages" / "ca.md"
        if not any("(/ca/)" in p.read_text(encoding="utf-8") for p in files):
            toml = root / "site.toml"
            text = toml.read_text(encoding="utf-8")
            text = re.sub(
                r'(?m)^base_url = "https://([^/"]*)/"', r'base_url = "https://\1/ca/"', text
            )
            toml.write_text(text, encoding="utf-8")
            with target.open("a", encoding="utf-8") as handle:
                handle.write(f"\nXem [trang của đơn vị {n}](/ca/).\n")
        elif page.exists():
            page.unlink()
        else:
            page.write_text(f'---\ntitle: "Giới thiệu {n}"\n---\n\nGiới thiệu.\n', "utf-8")
    elif name == "site-title":
        toml = root / "site.toml"
        lines = toml.read_text(encoding="utf-8").split("\n")
        at = lines.index("[site]") + 1
        lines[at] = f'title = "Công an xã Tân Phú Đông ({n})"'
        toml.write_text("\n".join(lines), encoding="utf-8")


OPERATIONS = st.tuples(
    st.sampled_from(
        [
            "link",
            "hold",
            "symbol-tag",
            "body",
            "title",
            "date",
            "tags",
            "correction",
            "pin",
            "rename",
            "delete",
            "add",
            "image",
            "template",
            "base-template",
            "per-page",
            "category-label",
            "unit-name",
            "zalo-footer",
            "short-name",
            "private-phone",
            "hotline",
            "abbreviations",
            "site-title",
            "document",
            "folder-page",
            "station",
            "tag-alias",
            "english-page",
            "whole-site-template",
            "count-template",
            "tamper-output",
            "tamper-search",
            "nothing",
        ]
    ),
    st.integers(min_value=0, max_value=59),
)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """SITE after its first build, made once: every example of the stateful test starts here."""
    root = tmp_path_factory.mktemp("first-build") / "site"
    shutil.copytree(SITE, root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(replay, "RACY_SECONDS", 0.0)  # as replay_without_delay, for every example
        run_build(root)
    return root


def check_step(root: Path, scratch: Path, before: dict[str, tuple[bytes, int, int]]) -> dict:
    """Rebuild in place; compare with a clean build (files and what it prints) and with the
    previous output."""
    told = reported_build(root)
    after = tree(root / "output")
    clean_told: list[str] = []
    clean = clean_build(root, scratch, report=clean_told)
    assert told == clean_told, "warnings or notes differ from a clean build's"
    assert sorted(after) == sorted(clean), "different set of files than a clean build"
    differ = [path for path in after if after[path][0] != clean[path][0]]
    assert not differ, f"bytes differ from a clean build: {differ[:5]}"
    rewritten = [
        path
        for path, (data, ino, mtime) in after.items()
        if path in before and before[path][0] == data and before[path][1:] != (ino, mtime)
    ]
    assert not rewritten, f"unchanged files were rewritten: {rewritten[:5]}"
    return after


KNOWN_SEQUENCES = [
    [("link", 1), ("date", 2), ("link", 4), ("rename", 2)],
    [("link", 1), ("hold", 2), ("link", 3), ("hold", 2), ("hold", 4)],
    [("symbol-tag", 1), ("symbol-tag", 3), ("symbol-tag", 4)],
    [("add", 5), ("count-template", 0), ("delete", 3), ("add", 6)],
    [("correction", 1), ("body", 1), ("correction", 1), ("correction", 2)],
    [("pin", 2), ("pin", 4), ("date", 4), ("pin", 2), ("per-page", 0)],
    [("english-page", 1), ("english-page", 2), ("english-page", 4), ("english-page", 3)],
    [("document", 1), ("folder-page", 2), ("document", 3), ("folder-page", 4)],
]
"""Sequences that once gave an incremental build different from a clean one (each its own
test: together with the random ones they made one test of ~50 s, the last to end in CI)."""


SITE_TOML_SEQUENCES = [
    [("private-phone", 0), ("hotline", 1), ("category-label", 1), ("abbreviations", 0)],
    [("abbreviations", 0), ("private-phone", 1), ("unit-name", 1), ("abbreviations", 3)],
    [("per-page", 1), ("hotline", 2), ("hotline", 0), ("category-label", 2), ("unit-name", 2)],
    [("zalo-footer", 1), ("category-label", 1), ("short-name", 1), ("zalo-footer", 2)],
    [("zalo-footer", 2), ("hotline", 1), ("zalo-footer", 0), ("short-name", 2), ("correction", 1)],
]
"""site.toml edits among those that some cached results read (the unit's name and numbers, the
abbreviations, a Zalo article's footer and author) and those they do not (a label, the page
size), with bulletins that give
personal data and radio warnings: the results kept across an edit must be a clean build's."""


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(OPERATIONS, min_size=1, max_size=4))
def test_incremental_rebuilds_equal_clean_builds(
    tmp_path_factory: pytest.TempPathFactory, built_site: Path, steps: list[tuple[str, int]]
) -> None:
    """Every step's rebuild equals a clean build, and rewrites only changed files."""
    rebuild_step_by_step(tmp_path_factory, built_site, steps)


@pytest.mark.parametrize("steps", KNOWN_SEQUENCES, ids=lambda steps: "-".join(s[0] for s in steps))
def test_known_edit_sequences_rebuild_as_clean_builds(
    tmp_path_factory: pytest.TempPathFactory, built_site: Path, steps: list[tuple[str, int]]
) -> None:
    """The sequences once found wrong still rebuild as a clean build does."""
    rebuild_step_by_step(tmp_path_factory, built_site, steps)


@pytest.mark.parametrize(
    "steps", SITE_TOML_SEQUENCES, ids=lambda steps: "-".join(s[0] for s in steps)
)
def test_site_toml_edits_rebuild_as_clean_builds(
    tmp_path_factory: pytest.TempPathFactory, built_site: Path, steps: list[tuple[str, int]]
) -> None:
    """site.toml edits read by some kept results and not by others rebuild as a clean build."""
    rebuild_step_by_step(tmp_path_factory, built_site, steps)


def test_tags_merged_renamed_and_unmerged_in_site_toml_rebuild_as_clean_builds(
    tmp_path_factory: pytest.TempPathFactory, built_site: Path
) -> None:
    """[tag_aliases] written, changed and taken away, between edits of the bulletins' tags: the
    bulletins' pages, the tag pages and the old tags' redirect pages follow, as a clean build's.
    (The random sequences draw these edits too, among many others.)"""
    root = rebuild_step_by_step(tmp_path_factory, built_site, [("tag-alias", 0)])
    web = root / "output" / "web"
    assert "url=/the/an-ninh-mang/" in (web / "the" / "lua-dao" / "index.html").read_text("utf-8")
    before = tree(root / "output")
    for step in [("tags", 1), ("tag-alias", 1), ("symbol-tag", 2), ("tag-alias", 2)]:
        apply(root, step)
        before = check_step(root, root.parent / "clean", before)
        if step == ("tag-alias", 1):
            moved = (web / "the" / "tuan-tra" / "index.html").read_text("utf-8")
            assert "url=/the/tuan-tra-co-dong/" in moved
    apply(root, ("tag-alias", 3))
    check_step(root, root.parent / "clean", before)
    assert "url=" not in (web / "the" / "tuan-tra" / "index.html").read_text("utf-8")


def test_a_post_added_to_site_toml_is_on_the_contact_page_of_the_rebuild(
    tmp_path_factory: pytest.TempPathFactory, built_site: Path
) -> None:
    """[[contact.stations]] shows on the contact page only: added, then another after an edit,
    each rebuild (cache and output kept) equals a clean build and lists them."""
    steps = [("station", 1), ("body", 2), ("station", 3)]
    root = rebuild_step_by_step(tmp_path_factory, built_site, steps)
    page = (root / "output" / "web" / "lien-he" / "index.html").read_text(encoding="utf-8")
    assert page.index("Công an xã Tân Phú (1)") < page.index("Công an xã Tân Phú (3)")
    assert 'href="tel:02773610203"' in page


def test_a_posts_number_changed_in_site_toml_dials_anew_in_the_bulletins_writing_it(
    tmp_path_factory: pytest.TempPathFactory, built_site: Path
) -> None:
    """A bulletin body dials a post's number ([[contact.stations]]) as the hotline's: when
    site.toml changes that number, the rebuild (cache and output kept) links the new one and
    no longer the old, as a clean build does."""
    work = tmp_path_factory.mktemp("station-number")
    root = work / "site"
    shutil.copytree(built_site, root)
    before = tree(root / "output")
    post = bulletins(root)[0]
    told = "Báo tin cho Công an xã Tân Phú: 0277 3610 201 hoặc 0277 3610 202."
    post.write_text(post.read_text(encoding="utf-8") + f"\n{told}\n", encoding="utf-8")
    toml = root / "site.toml"
    station = '\n[[contact.stations]]\nname = "Công an xã Tân Phú"\nphone = "0277 3610 201"\n'
    toml.write_text(toml.read_text(encoding="utf-8") + station, encoding="utf-8")
    before = check_step(root, work / "clean", before)
    assert _dialled_in_page_of(before, "Báo tin cho Công an xã Tân Phú:") == ["tel:02773610201"]
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("0277 3610 201", "0277 3610 202"),
        encoding="utf-8",
    )
    after = check_step(root, work / "clean", before)
    assert _dialled_in_page_of(after, "Báo tin cho Công an xã Tân Phú:") == ["tel:02773610202"]


def _dialled_in_page_of(output: dict[str, tuple[bytes, int, int]], text: str) -> list[str]:
    """The tel: links after `text` in the one web page of `output` holding it."""
    pages = [
        data.decode("utf-8")
        for path, (data, _, _) in output.items()
        if path.startswith("web/") and path.endswith(".html") and text.encode() in data
    ]
    assert len(pages) == 1, len(pages)
    sentence = pages[0][pages[0].index(text) :].split("</p>")[0]
    return re.findall(r'href="(tel:[^"]+)"', sentence)


def rebuild_step_by_step(
    tmp_path_factory: pytest.TempPathFactory, built_site: Path, steps: list[tuple[str, int]]
) -> Path:
    """Apply `steps` to a copy of the built site, checking each rebuild against a clean build;
    the copy's root."""
    work = tmp_path_factory.mktemp("incremental")
    root = work / "site"
    shutil.copytree(built_site, root)  # sources, output/ and .cache/, with their mtimes
    before = tree(root / "output")
    for step in steps:
        apply(root, step)
        if step[0] in ("tamper-output", "tamper-search"):
            before = tree(root / "output")  # the repaired page is rewritten, rightly
        before = check_step(root, work / "clean", before)
    return root


def test_a_pin_ending_by_the_clock_rebuilds_as_a_clean_build_at_that_time(tmp_path: Path) -> None:
    """No file changes when a pin ends: the rebuild after its end (cache and output kept)
    still equals a clean build at that clock, and rewrites the home page alone."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    target = bulletins(root)[0]
    end = NOW + dt.timedelta(hours=1)
    replace_line(target, "pinned", f"{end:%Y-%m-%d %H:%M}")
    run_build(root)
    before = tree(root / "output")
    assert 'class="pinned"' in before["web/index.html"][0].decode("utf-8")
    later = end + dt.timedelta(hours=1)
    run_build(root, later)
    after = tree(root / "output")
    clean = clean_build(root, tmp_path / "clean", later)
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in clean.items()}
    rewritten = [k for k in after if k in before and after[k][1:] != before[k][1:]]
    assert rewritten == ["web/index.html"]


def test_noop_rebuild_writes_nothing(tmp_path: Path) -> None:
    """A rebuild with nothing changed keeps every file's inode and mtime."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    run_build(root)
    before = tree(root / "output")
    run_build(root)
    assert tree(root / "output") == before


def test_deleting_the_cache_gives_the_same_output(tmp_path: Path) -> None:
    """.cache/ is only a speed-up: deleting it between builds changes nothing in output/."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    run_build(root)
    assert (root / ".cache").is_dir()
    before = tree(root / "output")
    shutil.rmtree(root / ".cache")
    run_build(root)
    assert tree(root / "output") == before


def test_a_page_edited_by_hand_in_output_is_repaired(tmp_path: Path) -> None:
    """A reused page comes from output/ only while it still holds exactly what was rendered."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    run_build(root)
    page = sorted((root / "output" / "web").rglob("index.html"))[0]
    good = page.read_bytes()
    page.write_bytes(good[:-10] + b"sua tay\n")
    run_build(root)
    assert page.read_bytes() == good


@pytest.mark.parametrize("edit", [False, True])
def test_search_index_files_changed_in_output_are_made_again(tmp_path: Path, edit: bool) -> None:
    """The search index is reused from output/ only while output/ holds it all as built: a
    deleted or hand-edited file is made again (with an edit to apply, or none), like a clean build."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    run_build(root)
    index = sorted((root / "output" / "web" / "tim-kiem" / "chi-muc").rglob("*.json"))
    index[1].unlink()
    index[2].write_bytes(index[2].read_bytes()[:-1] + b" ")
    if edit:
        apply(root, ("title", 3))
    check_step(root, tmp_path / "clean", tree(root / "output"))


def rendered_bulletins(monkeypatch: pytest.MonkeyPatch) -> list[Bulletin]:
    """The bulletins whose pages are rendered from now on in this process, in order."""
    from publish.render.web import pages

    rendered: list[Bulletin] = []
    original = pages.Views.bulletin

    def counting(self: pages.Views, bulletin: Bulletin, index: int) -> pages.View:
        """`Views.bulletin`, noting the bulletin rendered."""
        rendered.append(bulletin)
        return original(self, bulletin, index)

    monkeypatch.setattr(pages.Views, "bulletin", counting)
    return rendered


def test_unchanged_pages_are_not_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild (not a replay) reuses every bulletin page; a theme using the whole `site` none."""

    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    library_build(root)
    rendered = rendered_bulletins(monkeypatch)
    library_build(root)
    assert rendered == []
    base = own_theme(root) / "web" / "base.html"
    text = base.read_text(encoding="utf-8")
    base.write_text(text.replace("</body>", "{{ site.now.year }}</body>", 1), "utf-8")
    library_build(root)
    library_build(root)
    keys = [b.key for b in rendered]
    assert keys and len(keys) == 2 * len(set(keys))  # every web bulletin, both times


def test_a_preview_and_a_published_build_each_reuse_their_own_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`build --drafts` and `build` keep their page records apart, and a preview reuses the
    pages its own folder (.cache/preview/web) holds: alternating the two (or previewing only,
    with no output/ at all) renders no page again, and each equals its clean build."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    now = NOW.isoformat()
    drafts = ["build", "--root", str(root), "--now", now, "-q", "--drafts"]
    assert main(drafts) == 0
    rendered = rendered_bulletins(monkeypatch)
    for stamp in (root / ".cache").glob("last-*.pickle"):
        stamp.unlink()  # a real build, not a replay
    assert main(drafts) == 0
    assert rendered == []  # no output/ yet: the pages came from the preview's own folder
    run_build(root)
    rendered.clear()
    for stamp in (root / ".cache").glob("last-*.pickle"):
        stamp.unlink()
    run_build(root)
    assert main(drafts) == 0
    assert rendered == []
    clean = clean_build(root, tmp_path / "clean")
    assert {k: v[0] for k, v in tree(root / "output").items()} == {
        k: v[0] for k, v in clean.items()
    }
    assert main([*drafts[:2], str(tmp_path / "clean"), *drafts[3:]]) == 0
    preview = tree(root / ".cache" / "preview")
    assert preview and {k: v[0] for k, v in preview.items()} == {
        k: v[0] for k, v in tree(tmp_path / "clean" / ".cache" / "preview").items()
    }


def test_after_one_edit_only_the_pages_showing_it_go_to_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reuse is decided before any page renders (for every page, on every core): after an edit
    the workers get the edited bulletin's page and the few pages that show it, not every page
    of the site."""
    import publish.render.web as web

    root = tmp_path / "site"
    make_corpus = Path(__file__).parents[1] / "benchmarks" / "make_corpus.py"
    subprocess.run(
        [sys.executable, str(make_corpus), str(root), "120"], check=True, capture_output=True
    )
    sent = record_jobs_sent(monkeypatch, web)
    library_build(root)
    rendered = rendered_bulletins(monkeypatch)
    edited = sorted((root / "content" / "bai-viet").glob("*.md"))[60]
    edited.write_text(edited.read_text("utf-8") + "\nĐã cập nhật thêm.\n", "utf-8")
    library_build(root)
    assert len(sent) == 3, sent  # the pages; then, rebuilt: the decisions, the pages left
    assert sent[1] == sent[0], sent
    assert edited.relative_to(root).as_posix() in [b.source for b in rendered]
    assert 0 < sent[2] < sent[0] / 5, sent  # its page, neighbours, related, lists showing it
    assert len(rendered) < 120 / 5


def test_a_new_bulletin_renders_its_neighbours_not_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adding a bulletin (the everyday change) renders again its page, the newest one's and the
    related ones, not every bulletin page; unless the theme shows the categories' counts on
    every page, and then every page shows the new counts."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    library_build(root)
    rendered = rendered_bulletins(monkeypatch)
    unrelated = "content/bai-viet/2024-02-28-dang-ky-thuong-tru.md"  # no tag in common
    (root / "content" / "bai-viet" / "tin-moi-1.md").write_text(
        NEW_BULLETIN.format(n=1, day=28), encoding="utf-8"
    )
    library_build(root)
    sources = [b.source for b in rendered]
    assert "content/bai-viet/tin-moi-1.md" in sources and unrelated not in sources
    search = (root / "output" / "web" / "tim-kiem" / "index.html").read_text("utf-8")
    assert search == clean_build(root, tmp_path / "clean")["web/tim-kiem/index.html"][0].decode()

    apply(root, ("count-template", 0))
    library_build(root)
    rendered.clear()
    (root / "content" / "bai-viet" / "tin-moi-2.md").write_text(
        NEW_BULLETIN.format(n=2, day=29), encoding="utf-8"
    )
    library_build(root)
    assert unrelated in [b.source for b in rendered]
    page = root / "output" / "web" / "2024" / "02" / "dang-ky-thuong-tru" / "index.html"
    after = tree(root / "output")
    clean = clean_build(root, tmp_path / "clean")
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in clean.items()}
    assert "Cảnh báo tội phạm (" in page.read_text("utf-8")


def test_a_cached_bulletin_whose_image_went_missing_is_refused(tmp_path: Path) -> None:
    """A bulletin loaded from the cache still has its images looked up: a deleted one is an error."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    run_build(root)
    (root / "content" / "images" / "so-do.png").unlink()
    with pytest.raises(ContentError) as raised:
        library_build(root)
    assert any(
        p.file.endswith("canh-bao-gia-danh-cong-an.md") and "so-do.png" in p.message
        for p in raised.value.problems
    )


def test_a_cached_bulletin_keeps_its_warnings(tmp_path: Path) -> None:
    """Warnings of a bulletin loaded from the cache are reported on every build, not only the first."""
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    replace_line(bulletins(root)[0], "titel", '"Tiêu đề gõ nhầm khóa"')
    config = config_module.load(root)
    first = build(config, channels=CHANNELS, now=NOW)
    write(first.artifacts, root / "output", CHANNELS)
    again = build(config_module.load(root), channels=CHANNELS, now=NOW)
    assert [p for p in first.warnings if p.field == "titel"]
    assert again.warnings == first.warnings


def test_zalo_bodies_are_converted_again_only_when_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild takes each unchanged body's Zalo blocks from the cache; an edited one is converted."""
    from publish.render.zalo import payload

    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    library_build(root)
    before = tree(root / "output" / "zalo")
    converted: list[str] = []
    real = payload.markdown_blocks

    def counting(body: str, **kwargs: Any) -> list[dict[str, Any]]:
        """`markdown_blocks`, noting the body converted."""
        converted.append(body)
        return real(body, **kwargs)

    monkeypatch.setattr(payload, "markdown_blocks", counting)
    library_build(root)
    assert converted == []
    assert tree(root / "output" / "zalo") == before
    from publish.content import load_site

    site = load_site(config_module.load(root), now=NOW)
    target = root / site.for_channel("zalo")[0].source
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\nĐoạn bổ sung cho Zalo.\n")
    library_build(root)
    assert len(converted) == 1 and "Đoạn bổ sung cho Zalo." in converted[0]
    after = tree(root / "output")
    clean = clean_build(root, tmp_path / "clean")
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in clean.items()}
    # A payload edited by hand in output/zalo/ is made again, not trusted.
    payload_file = sorted((root / "output" / "zalo").glob("*.json"))[0]
    payload_file.write_text("{}", encoding="utf-8")
    converted.clear()
    library_build(root)
    assert len(converted) == 1
    assert payload_file.read_bytes() == clean[f"zalo/{payload_file.name}"][0]


@pytest.mark.parametrize("workers", [1, 2])
def test_output_restored_from_a_ci_cache_is_reused_not_held_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """CI checks out a fresh clone and restores .cache/ and output/ (new inodes, so the ledger
    cannot vouch for any file): after an edit, unchanged pages are read once to check them and
    passed on as kept, never held as bytes until the writer (17,500 pages held that way took
    514 MB at 10,000 bulletins), nothing unchanged is rewritten, and the next build trusts the
    refreshed ledger again. With 2 workers the pages are checked in forked processes (as at
    10,000 bulletins; this site has fewer pages than make that pay, so the threshold is lowered)."""
    import publish.render.web as web
    from publish import ledger as ledger_module
    from publish import parallel

    monkeypatch.setenv("PUBLISH_WORKERS", str(workers))
    decided: list[int] = []

    def run_jobs(jobs, **kwargs):  # type: ignore[no-untyped-def]
        if jobs and getattr(getattr(jobs[0], "func", None), "__name__", "") == "decide":
            decided.append(len(jobs))
            kwargs["min_jobs"] = 2
        return parallel.run_jobs(jobs, **kwargs)

    monkeypatch.setattr(web, "run_jobs", run_jobs)
    ci = tmp_path / "site"
    shutil.copytree(SITE, ci)
    run_build(ci)
    # The next run's checkout lies where the last one did (a CI workspace path does not
    # change): fresh files, and copies of .cache/ and output/ with other inodes.
    last = ci.rename(tmp_path / "lan-truoc")
    shutil.copytree(last, ci, ignore=shutil.ignore_patterns(".cache", "output"))
    shutil.copytree(last / ".cache", ci / ".cache")
    shutil.copytree(last / "output", ci / "output")
    shutil.rmtree(last)
    edited = bulletins(ci)[0]
    edited.write_text(edited.read_text("utf-8") + "\nĐã cập nhật thêm.\n", "utf-8")
    before = tree(ci / "output")
    held: list[str] = []
    others: list[str] = []

    def build_and_write() -> None:
        result = build(config_module.load(ci), channels=CHANNELS, now=NOW)

        def spy(artifacts: Iterable[Artifact | Kept]) -> Iterator[Artifact | Kept]:
            """The artifacts, noting the pages rendered (not kept)."""
            for artifact in artifacts:
                if not hasattr(artifact, "origin"):
                    if artifact.channel == "web":
                        held.append(artifact.path)
                    else:
                        others.append(f"{artifact.channel}/{artifact.path}")
                yield artifact

        write(spy(result.artifacts), ci / "output", CHANNELS, cache=ci / ".cache")

    build_and_write()
    after = tree(ci / "output")
    # Rendered pages: not the redirect pages at trimmed addresses (/2024/03/), made afresh.
    pages = [
        p
        for p in after
        if p.startswith("web/")
        and p.endswith(".html")
        and 'http-equiv="refresh"' not in (ci / "output" / p).read_text("utf-8")
    ]
    assert len(decided) == 1 and decided[0] >= len(pages) - 5, decided
    rendered = {"web/" + p for p in held}
    assert 0 < len(rendered & set(pages)) < len(pages) / 2, held
    assert not [p for p in held if p.startswith("anh/")]  # image variants: checked, not held
    for channel in ("zalo", "radio"):  # the edited bulletin's files only
        made = [p for p in others if p.startswith(channel + "/")]
        assert len(made) < len([p for p in after if p.startswith(channel + "/")]) / 2, made
    assert all(after[p][1:] == before[p][1:] for p in pages if p not in rendered)
    clean = clean_build(ci, tmp_path / "sach")
    assert {p: v[0] for p, v in after.items()} == {p: v[0] for p, v in clean.items()}

    confirmed: list[str | Path] = []  # output files read and hashed to check them
    original = ledger_module.file_sha256

    def counting(path: str | Path) -> str | None:
        """`file_sha256`, noting the file hashed."""
        confirmed.append(path)
        return original(path)

    monkeypatch.setattr(ledger_module, "file_sha256", counting)
    edited.write_text(edited.read_text("utf-8") + "\nĐã cập nhật lần hai.\n", "utf-8")
    held.clear()
    build_and_write()
    assert confirmed == []
    assert 0 < len({"web/" + p for p in held} & set(pages)) < len(pages) / 2
