"""A secret stamp in an image's alt text or caption is one as in the title: the page shows the
alt text when the picture does not load, the feeds carry it, a caption is written under the
picture. The same rule as the title's reads them («[MẬT] …», «MẬT»); ordinary words pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import TINY_JPEG, bulletin_md, make_project

NOW = "2021-01-01T09:00"
FILE = "content/bai-viet/2020-12-08-ban-do.md"


def project(tmp_path: Path, fields: dict[str, str], body: str) -> Path:
    """One bulletin with `fields` and `body`, and the image it may show."""
    return make_project(
        tmp_path,
        {
            FILE: bulletin_md({"id": "ban-do", **fields}, body=body),
            "content/images/ban-do.jpg": TINY_JPEG,
        },
    )


def build(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The exit code and what `publish build --channel web` prints on stderr."""
    code = main(["build", "--root", str(root), "--now", NOW, "--channel", "web"])
    return code, capsys.readouterr().err


def test_a_stamp_in_the_covers_alt_text_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fields = {"cover": "images/ban-do.jpg", "cover_alt": '"[MẬT] Bản đồ bố trí lực lượng"'}
    root = project(tmp_path, fields, "Nội dung.\n")
    code, err = build(root, capsys)
    assert code == 1
    assert (
        f"{FILE}:9: lỗi: trường 'cover_alt': văn bản mang dấu mật «MẬT»: không bao giờ được "
        "xuất bản"
    ) in err
    assert not (root / "output").exists()


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("Đoạn đầu.\n\n![MẬT](../images/ban-do.jpg)\n", 12),
        ('Đoạn đầu.\n\n![Bản đồ](../images/ban-do.jpg "MẬT")\n', 12),
        ("![TỐI MẬT][h]\n\n[h]: ../images/ban-do.jpg\n", 10),
        ('Đoạn đầu.\n\n<img src="../images/ban-do.jpg" alt="Bản đồ" title="[Mật] Sơ đồ">\n', 12),
    ],
    ids=["alt", "title", "reference", "html"],
)
def test_a_stamp_in_a_body_images_alt_text_or_caption_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, line: int
) -> None:
    root = project(tmp_path, {}, body)
    code, err = build(root, capsys)
    assert code == 1
    assert f"{FILE}:{line}: lỗi: ảnh mang dấu mật «" in err
    assert "ở mô tả (alt) hay chú thích: không bao giờ được xuất bản" in err
    assert not (root / "output").exists()


@pytest.mark.parametrize(
    "alt",
    ["Bản đồ xã", "Mật ong rừng U Minh", "Tuyên truyền BẢO VỆ BÍ MẬT NHÀ NƯỚC", "“Mắt” bão"],
)
def test_ordinary_alt_texts_are_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], alt: str
) -> None:
    body = f'![{alt}](../images/ban-do.jpg "{alt}")\n'
    root = project(tmp_path, {"cover": "images/ban-do.jpg", "cover_alt": f'"{alt}"'}, body)
    code, err = build(root, capsys)
    assert code == 0, err


def test_the_load_reads_a_bodys_images_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stamp check and the image check read one scan of the body: each scan costs ~180 µs
    per 10 KB body, half a second of a cold build of 3,000 bulletins when done twice."""
    from publish import config as config_module
    from publish import content, content_images

    root = project(tmp_path, {}, '![Bản đồ xã](../images/ban-do.jpg "Bản đồ xã")\n')
    scanned: list[str] = []
    scan = content_images._shown

    def counted(body: str) -> list[content_images._Shown]:
        scanned.append(body)
        return scan(body)

    monkeypatch.setattr(content_images, "_shown", counted)
    bulletin, problems, _ = content.load_bulletin(root / FILE, config_module.load(root))
    assert bulletin is not None and [i.path for i in bulletin.images] == ["images/ban-do.jpg"]
    assert not [p for p in problems if p.severity == "error"]
    assert len(scanned) == 1
