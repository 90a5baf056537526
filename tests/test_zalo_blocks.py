"""How many blocks a Zalo article has and how long each is: limits the contract leaves
unconfirmed (zalo-oa-api.md §2.3 [U]), so settings of [zalo], each kept before anything is sent
and checked against the emulator counting as Zalo might (code points or UTF-16 units)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from publish.cli import main
from publish.render.zalo import payload as payload_module
from publish.render.zalo.blocks import pieces
from publish.zalo.emulator import ZaloEmulator
from publish.zalo.emulator_state import ApiFailure, EmulatorConfig, validate_article
from tests.zalo_fixtures import sample_body
from tests.zalo_project import NOW, sync, told, zalo_bulletin, zalo_project

LONG = "content/bai-viet/ban-tin-001.md"
SHORT = "content/bai-viet/ban-tin-000.md"
PARAGRAPHS = "\n\n".join(f"Đoạn thứ {i}: người dân cần cảnh giác." for i in range(1, 13)) + "\n"
"""A body of twelve short paragraphs: twelve text blocks."""


def run(root: Path, command: str) -> int:
    """`publish <command>` (build or check) on the project."""
    return main(["--root", str(root), "--now", NOW, command])


def body_of(root: Path, key: str) -> list[dict]:
    """The blocks of one built payload."""
    path = root / "output" / "zalo" / f"{key}.json"
    return json.loads(path.read_text("utf-8"))["body"]


def body_line(root: Path, source: str) -> int:
    """The line of `source` where its body starts (after the front matter's closing ---)."""
    lines = (root / source).read_text("utf-8").splitlines()
    return lines.index("---", 1) + 2


def told_about(err: str, source: str) -> str:
    """The problem told of `source`: its line and the indented lines after it."""
    lines = err.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(f"{source}:"))
    rest = lines[first + 1 :]
    end = next((i for i, line in enumerate(rest) if not line.startswith(" ")), len(rest))
    return "\n".join(lines[first : first + 1 + end])


def long_project(tmp_path: Path, zalo: str = "", **fields: str) -> Path:
    """A project with a short bulletin and a long one (`fields` in its front matter)."""
    files = {LONG: zalo_bulletin(1, body=PARAGRAPHS, **fields)}
    return zalo_project(tmp_path, 2, zalo=zalo, files=files)


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_bulletin_over_the_block_limit_is_stopped_naming_the_file_the_limit_and_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """Zalo's limit on an article's blocks is not known, and the tool had none: a bulletin
    over a unit's limit went out and was refused whole at every sync. [zalo] max_body_blocks
    stops it at build and check, counted as the payload would be (a limit of exactly its
    count passes), with the file, the limit and how to fix it; the other bulletin is not
    blamed."""
    free = long_project(tmp_path / "free")
    assert run(free, "build") == 0
    count = len(body_of(free, "bt-001"))
    assert count == 13 and len(body_of(free, "bt-000")) < count  # 12 paragraphs, the link
    assert run(long_project(tmp_path / "fits", f"max_body_blocks = {count}"), command) == 0
    capsys.readouterr()

    root = long_project(tmp_path / "over", f"max_body_blocks = {count - 1}")
    assert run(root, command) == 1
    err = capsys.readouterr().err
    assert (
        f"{LONG}:{body_line(root, LONG)}: lỗi: bài Zalo của bản tin này có {count} khối "
        f"({count - 1} khối của thân bài, 1 khối dòng dẫn về website), quá giới hạn {count - 1} "
        "khối mỗi bài ([zalo] max_body_blocks trong site.toml): Zalo sẽ từ chối cả bài"
    ) in err
    assert f"Rút gọn thân bài còn tối đa {count - 2} khối" in err
    assert "hoặc tách thành hai bản tin, mỗi bản tin một tệp" in err
    assert SHORT not in err
    assert not (root / "output" / "zalo").exists()


def test_the_blocks_the_tool_adds_are_counted_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Corrections, the footer's paragraphs and the closing link are blocks of the article
    too: counted, and told apart from the body's, so the editor knows how far to shorten."""
    footer = 'footer = "Đường dây nóng: 0277 3610 113.\\n\\nKhẩn cấp gọi 113."'
    correction = '\n  - date: 2020-12-09 14:30\n    note: "Sửa tên xã: đúng là xã Phú Hựu."'
    free = long_project(tmp_path / "free", footer, corrections=correction)
    assert run(free, "build") == 0
    count = len(body_of(free, "bt-001"))
    assert count == 12 + 1 + 2 + 1
    root = long_project(
        tmp_path / "over", f"{footer}\nmax_body_blocks = 10", corrections=correction
    )
    assert run(root, "check") == 1
    err = capsys.readouterr().err
    assert (
        f"có {count} khối (12 khối của thân bài, 1 khối đính chính, 3 khối lời cuối ([zalo] "
        "footer) và dòng dẫn về website), quá giới hạn 10 khối"
    ) in err
    assert "Rút gọn thân bài còn tối đa 6 khối" in err
    # When they alone fill the article, no shorter body helps: the fix is in what they are.
    full = long_project(tmp_path / "full", f"{footer}\nmax_body_blocks = 4", corrections=correction)
    assert run(full, "check") == 1
    err = capsys.readouterr().err
    long, short = told_about(err, LONG), told_about(err, SHORT)
    assert "Riêng đính chính, lời cuối và dòng dẫn về website đã có 4 khối: rút gọn [zalo]" in long
    assert "Rút gọn thân bài" not in long
    assert "Rút gọn thân bài còn tối đa 1 khối" in short  # its footer and link leave room for 1


def test_a_long_bulletin_is_refused_by_zalo_then_stopped_before_sending_once_the_limit_is_set(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Against a Zalo refusing articles of more than 10 blocks: without the setting the long
    bulletin is sent and refused, told as too many blocks with the setting that would have
    stopped it; with it, the sync's build stops and nothing at all is sent."""
    emulator.configure(max_body_blocks=10)
    root = long_project(tmp_path)
    assert sync(root) == 3
    out = told(capsys)
    assert f"{LONG}: Zalo từ chối bài" in out
    assert "bài có 13 khối, nhiều hơn 10 khối Zalo nhận" in out
    assert "đặt max_body_blocks = 10 trong mục [zalo] của site.toml" in out
    assert len(emulator.articles) == 1  # the short one

    again = long_project(tmp_path / "set", "max_body_blocks = 10")
    emulator.clear_calls()
    assert sync(again) != 0
    out = told(capsys)
    assert f"{LONG}:{body_line(again, LONG)}: lỗi: bài Zalo của bản tin này có 13 khối" in out
    assert [c for c in emulator.calls if "/article/" in c.path] == []


def test_with_a_block_limit_an_unchanged_body_is_not_converted_again_and_an_edited_one_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting blocks needs each body converted, which render does anyway: the count of an
    unchanged one comes from the cache, and an edited body is converted once a build, for
    the check and the payload both."""
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    root = long_project(tmp_path, "max_body_blocks = 20")
    assert run(root, "build") == 0
    before = body_of(root, "bt-001")
    converted: list[str] = []
    real = payload_module.markdown_blocks

    def counting(body: str, **kwargs: object) -> list:
        converted.append(body)
        return real(body, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(payload_module, "markdown_blocks", counting)
    assert run(root, "build") == 0
    assert converted == []
    path = root / LONG
    path.write_text(path.read_text("utf-8") + "\nĐoạn bổ sung.\n", "utf-8")
    assert run(root, "build") == 0
    assert len(converted) == 1 and "Đoạn bổ sung." in converted[0]
    assert body_of(root, "bt-001") == [
        *before[:-1],
        {"type": "text", "content": "Đoạn bổ sung."},
        before[-1],
    ]
    converted.clear()
    path.write_text(path.read_text("utf-8") + "\n".join(["\nThêm."] * 10) + "\n", "utf-8")
    assert run(root, "build") == 1  # 24 blocks now: stopped, converted for the check only
    assert len(converted) == 1


def utf16(text: str) -> int:
    """Length in UTF-16 units, as a Java or JavaScript server counts."""
    return len(text.encode("utf-16-le")) // 2


def test_the_emulator_counts_a_text_block_in_the_unit_it_is_told() -> None:
    """The emulator counted text blocks in code points whatever length_unit said: no test could
    show a block the tool cut too long for a server counting UTF-16 units."""
    body = sample_body()
    body["body"] = [{"type": "text", "content": "🚨" + "x" * 9}]
    validate_article(body, EmulatorConfig(text_block_max_len=10))
    with pytest.raises(ApiFailure) as caught:
        validate_article(body, EmulatorConfig(text_block_max_len=10, length_unit="utf16"))
    assert caught.value.code == -201 and "body[0] content allow 1 to 10" in caught.value.message


SENTENCE = "Cảnh báo 🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨 lừa đảo 📱📱📱📱📱📱📱📱📱📱 qua mạng. "
"""A sentence of 50 characters, 70 UTF-16 units: ten emoji and ten phones."""


@pytest.mark.parametrize(
    ("tool", "server", "accepted"),
    [
        ("code_points", "code_points", True),
        ("utf16", "utf16", True),
        ("utf16", "code_points", True),  # cut shorter than that server needs
        ("code_points", "utf16", False),  # what utf16, the default, guards against
    ],
)
def test_blocks_are_cut_to_fit_the_limit_as_the_unit_counts_it(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    tool: str,
    server: str,
    accepted: bool,
) -> None:
    """[zalo] text_block_max counted code points whatever length_unit said: under utf16 (the
    default) a paragraph of emoji was cut into blocks Zalo, counting UTF-16, would refuse.
    Each block now fits as the unit counts it, and the text is all there, in order."""
    emulator.configure(length_unit=server, text_block_max_len=200)
    paragraph = (SENTENCE * 12).strip()
    files = {SHORT: zalo_bulletin(0, body=paragraph + "\n")}
    zalo = f'length_unit = "{tool}"\ntext_block_max = 200'
    root = zalo_project(tmp_path, 1, zalo=zalo, files=files)
    code = sync(root)
    out = told(capsys)
    if not accepted:
        assert code == 3 and "content allow 1 to 200 characters" in out
        assert not emulator.articles
        return
    assert code == 0
    (article,) = emulator.articles.values()
    texts = [b["content"] for b in article["body"][:-1]]
    count = utf16 if tool == "utf16" else len
    assert len(texts) > 1 and all(count(text) <= 200 for text in texts)
    assert " ".join(texts) == paragraph
    if tool == "code_points":
        assert any(utf16(text) > 200 for text in texts)  # what a UTF-16 server refuses


def test_a_run_of_emoji_with_no_space_is_cut_within_the_limit_in_utf16_units() -> None:
    """With no space to cut at, a run is cut at the limit: in UTF-16 units, at half as many
    emoji; never between the two units of one."""
    run = "🚨" * 130
    cut = pieces(run, 101, "utf16")
    assert [utf16(p) for p in cut] == [100, 100, 60]
    assert "".join(cut) == run
    assert pieces(run, 101, "code_points") == ["🚨" * 101, "🚨" * 29]
