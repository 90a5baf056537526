"""A tags line typed as words without commas (`tags: lừa đảo ngân hàng OTP`) made one tag page
without a word: told when it may be several tags, never for a list nor a tag the site uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.errors import TAGS_RUN_TOGETHER
from tests.helpers import NOW, bulletin_md, make_project

OTHERS = {
    "content/a.md": bulletin_md({"tags": '["Tết", "pháo nổ", "lừa đảo qua mạng"]'}),
    "content/b.md": bulletin_md({"tags": '["an toàn giao thông", "phòng cháy chữa cháy"]'}),
}


def told(tmp_path: Path, tags: str) -> list:
    """The run-together warnings of a site where content/c.md writes `tags: <tags>`."""
    files = {**OTHERS, "content/c.md": bulletin_md({"tags": tags})}
    site = load_site(config_module.load(make_project(tmp_path, files)), now=NOW)
    return [p for p in site.warnings if p.code == TAGS_RUN_TOGETHER]


@pytest.mark.parametrize(
    ("tags", "listed"),
    [
        ("Tết pháo nổ", '["Tết", "pháo nổ"]'),
        ("lừa đảo qua mạng OTP", '["lừa đảo qua mạng", "OTP"]'),
        ("lừa đảo ngân hàng OTP", '["thẻ thứ nhất", "thẻ thứ hai"]'),
    ],
)
def test_a_line_of_words_that_may_be_several_tags_is_told(
    tmp_path: Path, tags: str, listed: str
) -> None:
    """Two tags the site has, or four words or more, with no comma: the list to write, made of
    the site's tags where it holds them."""
    [warning] = told(tmp_path, tags)
    assert (warning.file, warning.field, warning.line, warning.severity) == (
        "content/c.md",
        "tags",
        7,
        "warning",
    )
    assert warning.message.startswith(f"thẻ «{tags}» được đọc là một thẻ duy nhất")
    assert f"tags: {listed}" in (warning.hint or "")
    assert f'tags: ["{tags}"] (cảnh báo này không hiện nữa)' in (warning.hint or "")


@pytest.mark.parametrize(
    "tags",
    [
        '["lừa đảo ngân hàng OTP"]',  # a list says it is one tag
        "lừa đảo, ngân hàng, OTP",  # commas part them
        "an toàn giao thông",  # a tag the site uses
        "phòng cháy chữa cháy",
        "tín dụng đen",  # three words, none a tag of the site
        "Tết Nguyên đán",  # one tag of the site inside is not two
        "cảnh giác",
    ],
)
def test_a_list_a_known_tag_or_a_short_line_is_not_told(tmp_path: Path, tags: str) -> None:
    """Tags of several words are common and meant (the sample's and the benchmark corpus's)."""
    assert told(tmp_path, tags) == []


def test_strict_leaves_it_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One long tag may be meant: nothing wrong goes out either way, CI does not stop."""
    files = {**OTHERS, "content/c.md": bulletin_md({"tags": "Tết pháo nổ"})}
    root = make_project(tmp_path, files)
    assert main(["check", "--root", str(root), "--now", "2021-01-01 09:00", "--strict"]) == 0
    said = capsys.readouterr()
    assert "content/c.md:7: cảnh báo: trường 'tags': thẻ «Tết pháo nổ»" in said.err
    assert "về thẻ có thể là nhiều thẻ viết liền) không chặn việc đăng" in said.out


def test_the_sample_site_has_none(tmp_path: Path) -> None:
    """The repository's bulletins all write their tags as lists."""
    root = Path(__file__).resolve().parents[1]
    site = load_site(config_module.load(root), now=NOW.replace(year=2027))
    assert [p for p in site.warnings if p.code == TAGS_RUN_TOGETHER] == []


def test_it_is_told_from_the_loaded_bulletins_without_reading_their_files_again(
    tmp_path: Path,
) -> None:
    """Every build read and parsed again the file of each bulletin it might tell: whether the
    line was one string, and its line, are kept with the bulletin (and its cache) at load."""
    from publish.tags_written import run_together

    files = {**OTHERS, "content/c.md": bulletin_md({"tags": "Tết pháo nổ"})}
    root = make_project(tmp_path, files)
    load_site(config_module.load(root), now=NOW)
    site = load_site(config_module.load(root), now=NOW)  # the bulletins from the cache
    for path in (root / "content").glob("*.md"):
        path.unlink()
    [warning] = run_together(list(site.bulletins))
    assert (warning.file, warning.line) == ("content/c.md", 7)
