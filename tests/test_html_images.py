"""Images an editor writes as raw HTML (`<img src="images/x.jpg" alt="…">`) are content images
like Markdown ones: checked at load, and shown on the website from their processed files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from publish.cli import main
from tests.helpers import SITE_TOML, bulletin_md, make_project, with_oa
from tests.zalo_project import jpeg

NOW = "2021-01-01T09:00"
PAGE = "output/web/2020/12/a/index.html"
WIDE = jpeg(1200, 800)
COVER = {"cover": "images/bia.jpg", "cover_alt": '"Ảnh bìa"'}


def project(tmp_path: Path, body: str, *, toml: str = SITE_TOML) -> Path:
    """One bulletin a.md with `body`, a cover, and content/images/anh.jpg (1200 × 800)."""
    return with_oa(
        make_project(
            tmp_path,
            {
                "site.toml": toml,
                "content/images/bia.jpg": jpeg(),
                "content/images/anh.jpg": WIDE,
                "content/bai-viet/a.md": bulletin_md(COVER, body),
            },
        )
    )


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Exit code and stderr of `publish ARGS --now NOW`."""
    code = main([*args, "--now", NOW])
    return code, capsys.readouterr().err


def images_of(html: str) -> list[dict[str, str]]:
    """The attributes of every <img> of the body of a bulletin page."""
    start = html.index('<div class="prose">')
    body = html[start : html.index("</div>", start)]
    return [
        dict(re.findall(r'([a-z]+)="([^"]*)"', tag)) for tag in re.findall(r"<img [^>]+>", body)
    ]


def test_a_raw_html_image_shows_the_processed_file_as_a_markdown_image_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remote = "https://example.org/anh.jpg"
    body = (
        "![markdown](images/anh.jpg)\n\n"
        'Ảnh: <img src="images/anh.jpg" alt="html"> trong câu.\n\n'
        f'<img src="{remote}" alt="ảnh ngoài">\n'
    )
    root = project(tmp_path, body)
    assert run(capsys, "build", "--root", str(root), "-q") == (0, "")
    markdown, html, elsewhere = images_of((root / PAGE).read_text(encoding="utf-8"))
    assert elsewhere == {"src": remote, "alt": "ảnh ngoài"}  # as written: not ours to resize
    assert html["alt"] == "html"
    assert re.fullmatch(r"/anh/anh-960\.[0-9a-f]{8}\.jpg", html["src"])
    for name in ("src", "srcset", "sizes", "width", "height"):
        assert html[name] == markdown[name]
    assert (html["loading"], html["decoding"]) == ("lazy", "async")
    assert (root / "output/web" / html["src"].lstrip("/")).is_file()
    payload = json.loads((root / "output/zalo/a.json").read_text(encoding="utf-8"))
    urls = [block["url"] for block in payload["body"] if block["type"] == "image"]
    assert urls == ["https://congan-chauthanh.example.vn" + markdown["src"]] * 2 + [remote]


def test_a_raw_html_image_keeps_the_size_the_editor_gave_and_the_site_s_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = SITE_TOML.replace("example.vn/", "example.vn/chau-thanh/")
    body = '<p><img alt="html" width="300" src="../images/anh.jpg" loading="eager"></p>\n'
    root = project(tmp_path, body, toml=toml)
    assert run(capsys, "build", "--root", str(root), "-q") == (0, "")
    [html] = images_of((root / PAGE).read_text(encoding="utf-8"))
    assert html["src"].startswith("/chau-thanh/anh/anh-960.")
    assert (html["width"], html["loading"]) == ("300", "eager")
    assert "height" not in html
    assert run(capsys, "check", "--root", str(root))[0] == 0


def test_a_missing_raw_html_image_is_an_error_of_the_load_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = 'Mở đầu.\n\n<img src="images/thieu.jpg" alt="html">\n'
    root = project(tmp_path, body)
    code, err = run(capsys, "build", "--root", str(root))
    assert code == 1
    assert "content/bai-viet/a.md:13: lỗi: không tìm thấy ảnh «images/thieu.jpg»" in err
    assert not (root / "output").exists()
    code, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert err.count("không tìm thấy ảnh «images/thieu.jpg»") == 1, err  # told once


def test_an_unreadable_raw_html_image_is_told_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, 'Mở đầu.\n\n<img src="images/hong.jpg" alt="html">\n')
    (root / "content/images/hong.jpg").write_text("không phải ảnh", encoding="utf-8")
    code, err = run(capsys, "build", "--root", str(root))
    assert code == 1
    assert "a.md:13: lỗi: không đọc được ảnh content/images/hong.jpg" in err


def _camera_photo() -> bytes:
    """A phone photo of a person at their home: GPS and camera in EXIF, GPS in XMP, a comment."""
    import io

    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (10.0, 15.0, 30.5), 3: "E", 4: (105.0, 50.0, 12.0)}
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf'
        b'-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
        b'exif:GPSLatitude="10,15.5N"/></rdf:RDF></x:xmpmeta>'
    )
    out = io.BytesIO()
    Image.new("RGB", (1200, 800), (90, 120, 60)).save(
        out, "JPEG", exif=exif, xmp=xmp, comment=b"Nha chau Nguyen Van Ba, so 45 ap Phu Hoa"
    )
    return out.getvalue()


def test_no_published_image_keeps_the_photo_s_location_camera_or_comment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A photo taken at a victim's house carries its GPS position (EXIF, XMP) and often a
    comment: none of it is in any file of output/ (the web variants Zalo also points at), and
    the original is not copied there. The JPEG comment was copied into every variant."""
    from PIL import Image

    photo = _camera_photo()
    root = with_oa(
        make_project(
            tmp_path,
            {
                "content/images/bia.jpg": photo,
                "content/images/anh.jpg": photo,
                "content/bai-viet/a.md": bulletin_md(COVER, "![Hiện trường](images/anh.jpg)\n"),
            },
        )
    )
    assert run(capsys, "build", "--root", str(root), "-q") == (0, "")
    made = [p for p in (root / "output").rglob("*") if p.is_file()]
    variants = [p for p in made if p.suffix == ".jpg"]
    payload = json.loads((root / "output/zalo/a.json").read_text(encoding="utf-8"))
    sent = [payload["cover"]["photo_url"]] + [b["url"] for b in payload["body"] if "url" in b]
    assert variants and {u.rsplit("/", 1)[1] for u in sent} <= {p.name for p in variants}
    for path in made:
        data = path.read_bytes()
        assert data != photo
        assert b"Nguyen" not in data and b"GPS" not in data and b"PhoneMaker" not in data
    for path in variants:
        with Image.open(path) as image:
            assert not image.getexif() and set(image.info) & {"exif", "xmp", "comment"} == set()
