"""[zalo] max_body_blocks is told while a bulletin waits (a draft, unapproved, scheduled) and
`publish approve` refuses a bulletin over it, as Zalo's title limits are: told only when it went
out, the limit stopped that whole build, at the scheduled hour, nothing published."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import publish.render.zalo as zalo_render
from publish.cache import Fragments, Shelf
from publish.cli import main
from publish.model import Bulletin
from publish.render.zalo import payload as payload_module
from tests.test_zalo_blocks import LONG, PARAGRAPHS, body_line, long_project
from tests.zalo_project import NOW, zalo_bulletin, zalo_project

APPROVER = "Thượng tá Nguyễn Văn Hùng, Trưởng Công an huyện"
SCHEDULED = "2021-01-02 08:00"
"""A day after NOW: the bulletin goes out at the build of that hour."""


def run(capsys: pytest.CaptureFixture[str], *args: str, now: str = NOW) -> tuple[int, str]:
    """Exit code and stderr of `publish ARGS --now NOW`."""
    code = main([*args, "--now", now])
    return code, capsys.readouterr().err


def told_of_blocks(err: str) -> list[str]:
    """The lines telling the long bulletin's block count."""
    return [line for line in err.splitlines() if "max_body_blocks" in line and LONG in line]


def test_a_scheduled_bulletin_over_the_block_limit_is_warned_of_with_its_hour(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It passed every check until its hour, when it stopped the whole build."""
    root = long_project(tmp_path, "max_body_blocks = 10", date=SCHEDULED)
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 0
    assert told_of_blocks(err) == [
        f"{LONG}:{body_line(root, LONG)}: cảnh báo: bài Zalo của bản tin này có 13 khối (12 "
        "khối của thân bài, 1 khối dòng dẫn về website), quá giới hạn 10 khối mỗi bài ([zalo] "
        "max_body_blocks trong site.toml): Zalo sẽ từ chối cả bài. Bài hẹn giờ đăng lúc 08:00, "
        "Thứ Bảy, 02/01/2021; tới giờ đó, lỗi này dừng cả lần dựng và không bài nào được đăng"
    ], err
    assert "Rút gọn thân bài còn tối đa 9 khối" in err
    code, err = run(capsys, "build", "--root", str(root))
    assert code == 0 and len(told_of_blocks(err)) == 1
    # CI's scheduled job checks --strict before it syncs: today's others still go out.
    code, err = run(capsys, "check", "--strict", "--root", str(root))
    assert code == 0 and len(told_of_blocks(err)) == 1
    # At that hour it is the error it said it would be.
    code, err = run(capsys, "check", "--root", str(root), now="2021-01-02T08:00")
    assert code == 1
    assert f"{LONG}:{body_line(root, LONG)}: lỗi: bài Zalo của bản tin này có 13 khối" in err


@pytest.mark.parametrize(
    "fields",
    [{"approved_by": '""'}, {"draft": "true"}],
    ids=["unapproved", "draft"],
)
def test_a_waiting_bulletin_over_the_block_limit_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fields: dict[str, str]
) -> None:
    root = long_project(tmp_path, "max_body_blocks = 10", **fields)
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 0
    [line] = told_of_blocks(err)
    assert ": cảnh báo: bài Zalo của bản tin này có 13 khối" in line
    assert line.endswith(
        "Bài chưa được đăng nên đây mới là cảnh báo; publish approve không duyệt bài như vậy, "
        "và bài được đăng khi còn lỗi này thì lỗi dừng cả lần dựng"
    )


def test_without_the_setting_a_long_waiting_bulletin_is_not_told_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = long_project(tmp_path, date=SCHEDULED)
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 0 and not [line for line in err.splitlines() if "khối" in line]


def test_approve_refuses_a_bulletin_over_the_block_limit_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It approved it without a word; the build that published it then failed."""
    root = long_project(tmp_path, "max_body_blocks = 10", approved_by='""')
    before = (root / LONG).read_bytes()
    code, err = run(capsys, "approve", LONG, "--root", str(root), "--by", APPROVER)
    assert code == 1
    assert f"{LONG}:{body_line(root, LONG)}: lỗi: bài Zalo của bản tin này có 13 khối" in err
    assert f"{LONG}: ghi chú: bản tin còn lỗi (ở trên): chưa duyệt được" in err
    assert (root / LONG).read_bytes() == before
    # Shortened as the hint says (at most 9 blocks of body): approved then, and published.
    short = "\n\n".join(PARAGRAPHS.split("\n\n")[:9]) + "\n"
    (root / LONG).write_text(zalo_bulletin(1, body=short, approved_by='""'), "utf-8")
    code, err = run(capsys, "approve", LONG, "--root", str(root), "--by", APPROVER)
    assert code == 0, err
    code, err = run(capsys, "build", "--root", str(root))
    assert code == 0, err


def test_approve_counts_the_blocks_with_the_addresses_the_build_gives_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link to another bulletin's file shows that bulletin's page address after its text,
    which decides whether a paragraph is one block or two: approve counts as the build does
    (that address, not the file's path joined to the page's), neither more nor less."""
    other = "2020-12-01-ban-tin-dau.md"
    paragraph = "Người dân cần cảnh giác. " * 4 + f"Xem [bản tin trước](../bai-viet/{other})."
    files = {
        f"content/bai-viet/{other}": zalo_bulletin(0),
        LONG: zalo_bulletin(1, body=f"{paragraph}\n\nĐoạn hai.\n"),
    }
    free = zalo_project(tmp_path / "free", 0, files=files)
    assert run(capsys, "build", "--root", str(free))[0] == 0
    shown = payload(free, "bt-001")[0]["content"]
    assert shown.endswith("(https://congan-chauthanh.example.vn/2020/12/ban-tin-dau/).")
    # A limit the paragraph just fits with its address (a body's text is cut 5 short of the
    # limit): 3 blocks, it, «Đoạn hai.» and the link; with a longer address, 4.
    fits = f"text_block_max = {len(shown) + 5}"
    sized = zalo_project(tmp_path / "sized", 0, zalo=fits, files=files)
    assert run(capsys, "build", "--root", str(sized))[0] == 0
    assert payload(sized, "bt-001")[0]["content"] == shown
    files[LONG] = zalo_bulletin(1, body=f"{paragraph}\n\nĐoạn hai.\n", approved_by='""')
    for limit, refused in ((3, False), (2, True)):
        zalo = f"{fits}\nmax_body_blocks = {limit}"
        root = zalo_project(tmp_path / str(limit), 0, zalo=zalo, files=files)
        code, err = run(capsys, "approve", LONG, "--root", str(root), "--by", APPROVER)
        assert (code == 1) is refused, err
        assert ("có 3 khối (2 khối của thân bài, 1 khối dòng dẫn về website)" in err) is refused


def payload(root: Path, key: str) -> list:
    """The body blocks of a built payload."""
    return json.loads((root / "output" / "zalo" / f"{key}.json").read_text("utf-8"))["body"]


def test_a_waiting_body_is_converted_only_with_the_setting_and_then_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Counting a held-back bulletin's blocks converts its body: never when the setting is off,
    and with it on, once, as a published one's (kept by the build, not converted again
    until it changes)."""
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    converted: list[str] = []
    real = payload_module.markdown_blocks

    def counting(body: str, **kwargs: object) -> list:
        converted.append(body)
        return real(body, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(payload_module, "markdown_blocks", counting)
    off = long_project(tmp_path / "off", date=SCHEDULED)
    for _ in range(2):
        assert run(capsys, "build", "--root", str(off))[0] == 0
    assert not [body for body in converted if "Đoạn thứ 12" in body]
    on = long_project(tmp_path / "on", "max_body_blocks = 20", date=SCHEDULED)
    converted.clear()
    assert run(capsys, "build", "--root", str(on))[0] == 0
    assert len([body for body in converted if "Đoạn thứ 12" in body]) == 1
    converted.clear()
    assert run(capsys, "build", "--root", str(on))[0] == 0
    assert converted == []
    path = on / LONG
    path.write_text(path.read_text("utf-8") + "\nĐoạn bổ sung.\n", "utf-8")
    assert run(capsys, "build", "--root", str(on))[0] == 0
    assert len(converted) == 1 and "Đoạn bổ sung." in converted[0]


def test_with_the_block_limit_a_build_checks_each_payload_once_and_follows_a_link_that_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Counting blocks ahead (check) worked out each payload's version and asked again of its
    images and links, and the build did both a second time; a link whose target moved since
    must still reach the article, as a cold build writes it."""
    monkeypatch.setenv("PUBLISH_WORKERS", "1")
    other = "content/bai-viet/2020-12-01-ban-tin-dau.md"
    files = {
        other: zalo_bulletin(0),
        LONG: zalo_bulletin(1, body="Xem [bản tin trước](2020-12-01-ban-tin-dau.md).\n"),
    }
    root = zalo_project(tmp_path, 0, zalo="max_body_blocks = 20", files=files)
    assert run(capsys, "build", "--root", str(root))[0] == 0
    before = payload(root, "bt-001")
    asked: list[str] = []
    for name in ("_version", "same_calls"):
        real = getattr(zalo_render, name)

        def counting(
            bulletin: Bulletin, *args: object, _real: Any = real, _name: str = name
        ) -> Any:
            asked.append(f"{_name} {bulletin.source}")
            return _real(bulletin, *args)

        monkeypatch.setattr(zalo_render, name, counting)
    third = "content/bai-viet/2020-12-03-ban-tin-ba.md"
    (root / third).write_text(zalo_bulletin(2), "utf-8")  # a build that renders the channel
    assert run(capsys, "build", "--root", str(root))[0] == 0
    # The new one has no earlier calls to ask again.
    assert sorted(asked) == sorted(
        [*(f"_version {source}" for source in (other, LONG, third))]
        + [f"same_calls {source}" for source in (other, LONG)]
    )
    assert payload(root, "bt-001") == before
    # The linked bulletin moves: a new slug, a new address in the link's block.
    path = root / other
    path.write_text(path.read_text("utf-8").replace("id: bt-000", "id: bt-000\nslug: dia-chi-moi"))
    assert run(capsys, "build", "--root", str(root))[0] == 0
    after = payload(root, "bt-001")
    assert after != before
    shutil.rmtree(root / ".cache")
    shutil.rmtree(root / "output")
    assert run(capsys, "build", "--root", str(root))[0] == 0
    assert payload(root, "bt-001") == after


def test_approving_many_bulletins_reads_the_kept_payloads_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file approved made a site of its own to count its blocks in, and read the shelf of
    payloads the last build kept (and chose the images) again: over `content/bai-viet/*.md`
    of a large site, once a file. Each bulletin is still counted, the long one refused."""
    files = {
        f"content/bai-viet/ban-tin-{i:03d}.md": zalo_bulletin(i, approved_by='""') for i in (0, 2)
    }
    files[LONG] = zalo_bulletin(1, body=PARAGRAPHS, approved_by='""')
    root = zalo_project(tmp_path, 0, zalo="max_body_blocks = 10", files=files)
    assert run(capsys, "build", "--root", str(root))[0] == 0  # the payloads' shelf exists
    read: list[str] = []
    real = zalo_render.Shelf

    def counted(fragments: Fragments, name: str, **options: Any) -> Shelf:
        """The shelf, its reading counted."""
        read.append(name)
        return real(fragments, name, **options)

    monkeypatch.setattr(zalo_render, "Shelf", counted)
    code, err = run(capsys, "approve", *sorted(files), "--root", str(root), "--by", APPROVER)
    assert code == 1
    assert f"{LONG}:{body_line(root, LONG)}: lỗi: bài Zalo của bản tin này có 13 khối" in err
    assert read == ["zalo-payload"]
