"""The Zalo renderer: exact article/create bodies, readable plain text, limits reported before rendering."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import shutil
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.errors import ContentError
from publish.pipeline import build
from publish.render import zalo
from publish.render.web import images as images_module
from publish.render.zalo import images as zalo_images
from publish.render.zalo import payload as payload_module
from publish.render.zalo.blocks import markdown_blocks, plain_text
from publish.sanitize import WORD_JOINER
from publish.writer import write
from tests.helpers import SAMPLE_UNIT, refusing
from tests.zalo_project import BODY, jpeg, site_toml, zalo_bulletin, zalo_project

NOW = dt.datetime(2021, 1, 1, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
BASE = "https://congan-chauthanh.example.vn/"
KEY_ORDER = ["type", "title", "author", "description", "cover", "body", "status", "comment"]


def built(root: Path) -> Path:
    """Build web and Zalo into root/output; return the output folder."""
    config = config_module.load(root)
    result = build(config, channels=("web", "zalo"), now=NOW)
    write(result.artifacts, root / "output", ("web", "zalo"))
    return root / "output"


def payload(output: Path, key: str) -> dict:
    """One payload file, parsed."""
    return json.loads((output / "zalo" / f"{key}.json").read_text(encoding="utf-8"))


def problems(root: Path) -> list:
    """What zalo.check reports for a project."""
    config = config_module.load(root)
    return zalo.check(load_site(config, now=NOW))


def test_payload_is_the_create_body_with_cover_and_link_back(tmp_path: Path) -> None:
    output = built(zalo_project(tmp_path, 2, zalo='comment = "hide"'))
    body = payload(output, "bt-001")
    assert list(body) == KEY_ORDER
    assert body["type"] == "normal"
    assert body["title"] == "Cấp căn cước công dân lưu động tại xã An Nhơn (1)"
    assert body["author"] == "Công an Châu Thành"  # [unit] short_name when [zalo] author is empty
    assert body["description"] == "Người dân cần cảnh giác với cuộc gọi giả danh Công an."
    assert body["status"] == "show"
    assert body["comment"] == "hide"
    cover = body["cover"]
    assert list(cover) == ["cover_type", "photo_url", "status"]
    assert cover["cover_type"] == "photo" and cover["status"] == "show"
    # The cover is the website's own variant of the default cover, served from the web output.
    assert cover["photo_url"].startswith(BASE + "anh/bia-")
    assert (output / "web" / cover["photo_url"][len(BASE) :]).is_file()
    last = body["body"][-1]
    assert last["type"] == "text"
    assert BASE + "2020/12/" in last["content"]
    assert (output / "web" / last["content"].rsplit(BASE, 1)[1] / "index.html").is_file()


def test_body_blocks_are_readable_plain_text_with_absolute_image_urls(tmp_path: Path) -> None:
    output = built(zalo_project(tmp_path, 1))
    blocks = payload(output, "bt-000")["body"]
    texts = [b["content"] for b in blocks if b["type"] == "text"]
    assert texts[:5] == [
        "Sáng nay, Công an huyện cảnh báo người dân về thủ đoạn mới.",
        "DẤU HIỆU NHẬN BIẾT",
        "• Gọi điện tự xưng cán bộ Công an;",
        "• Yêu cầu chuyển tiền vào tài khoản lạ.",
        "“Công an không bao giờ yêu cầu chuyển tiền qua điện thoại.”",
    ]
    assert texts[5] == "Xem thêm tại Cổng thông tin Bộ Công an (https://bocongan.gov.vn)."
    images = [b for b in blocks if b["type"] == "image"]
    assert len(images) == 1
    assert images[0]["caption"] == "Cán bộ hướng dẫn người dân cài ứng dụng"
    assert images[0]["url"].startswith(BASE + "anh/anh-1-")
    assert (output / "web" / images[0]["url"][len(BASE) :]).is_file()
    assert all(set(b) <= {"type", "content", "url", "caption"} for b in blocks)


def test_no_html_scripts_or_unsafe_links_reach_zalo(tmp_path: Path) -> None:
    body = (
        "Đoạn có <b>chữ đậm</b> và <span style='color:red'>màu</span>.\n\n"
        "<script>alert('xss')</script>\n\n"
        '<div onclick="steal()">Khối HTML thô</div>\n\n'
        "Bấm [vào đây](javascript:alert(1)) hoặc [trang chủ](/lien-he/).\n"
    )
    root = zalo_project(tmp_path, 0, files={"content/bai-viet/x.md": zalo_bulletin(7, body=body)})
    blocks = payload(built(root), "bt-007")["body"]
    text = json.dumps(blocks, ensure_ascii=False)
    for bad in ("<", ">", "script", "alert", "javascript", "onclick", "style"):
        assert bad not in text
    contents = [b["content"] for b in blocks if b["type"] == "text"]
    assert "Đoạn có chữ đậm và màu." in contents
    assert "Khối HTML thô" in contents
    assert f"Bấm vào đây hoặc trang chủ ({BASE}lien-he/)." in contents
    assert all(b["type"] == "text" for b in blocks)


def test_the_units_name_in_the_last_block_is_plain_text_as_every_other_block(
    tmp_path: Path,
) -> None:
    """site.toml's [unit] name went into the article's last line («Xem bản tin đầy đủ…») as
    written: a name bolded with <b>…</b> or carrying a <script> reached Zalo as markup, which
    every other text block (the author from the same table too) is kept from."""
    root = zalo_project(tmp_path, 1)
    toml = root / "site.toml"
    written = toml.read_text("utf-8")
    named = 'name = "<b>Công an huyện Châu Thành</b><script>alert(1)</script>"'
    toml.write_text(written.replace('name = "Công an huyện Châu Thành"', named, 1), "utf-8")
    last = payload(built(root), "bt-000")["body"][-1]["content"]
    assert last.startswith(f"Xem bản tin đầy đủ trên trang thông tin của <{WORD_JOINER}b>Công an")
    assert "<b>" not in last and "<script" not in last and "</" not in last
    assert html_read(last) == (last, [])  # no tag for an app reading HTML


def test_an_image_with_a_script_address_is_refused_and_would_never_reach_zalo(
    tmp_path: Path,
) -> None:
    img = '<img src="javascript:alert(2)" alt="ảnh độc">\n'
    files = {"content/bai-viet/x.md": zalo_bulletin(7, body=BODY + "\n" + img)}
    with pytest.raises(ContentError) as raised:
        built(zalo_project(tmp_path / "hostile", 0, files=files))
    assert "đường dẫn ảnh không được phép: «javascript:alert(2)»" in str(raised.value)
    # Were it loaded, Zalo would still leave it out.
    site = load_site(config_module.load(zalo_project(tmp_path / "clean", 1)), now=NOW)
    # No ZaloImages: a script address must be left out before any image is looked up.
    image = payload_module._image_block(site.bulletins[0], site, None)  # type: ignore[arg-type]
    blocks = markdown_blocks(img, image=image, link=lambda href: None)
    assert blocks == []


def test_payload_bytes_are_stable_utf8_indented_json(tmp_path: Path) -> None:
    root = zalo_project(tmp_path, 3)
    first = (built(root) / "zalo" / "bt-002.json").read_bytes()
    second = (built(root) / "zalo" / "bt-002.json").read_bytes()
    assert first == second
    text = first.decode("utf-8")
    assert "Công an" in text  # not \\u-escaped
    assert text.startswith('{\n  "type": "normal",\n  "title": ')
    assert text.endswith("}\n")


def test_percent_encodes_remote_image_urls(tmp_path: Path) -> None:
    body = "![Ảnh ngoài](<https://anh.example.vn/thư%20mục/ảnh.jpg>)\n"
    root = zalo_project(tmp_path, 0, files={"content/bai-viet/x.md": zalo_bulletin(3, body=body)})
    image = payload(built(root), "bt-003")["body"][0]
    assert image["url"] == "https://anh.example.vn/th%C6%B0%20m%E1%BB%A5c/%E1%BA%A3nh.jpg"
    assert image["url"].isascii()


def test_a_remote_gif_webp_or_svg_is_left_out_of_the_article_with_a_note_naming_its_line(
    tmp_path: Path,
) -> None:
    """Zalo fetches JPG/PNG only: a GIF in the body made it refuse the whole article (-200 at
    verify), run after run, and followers saw nothing of the bulletin."""
    body = (
        "Đoạn đầu.\n\n"
        "![Ảnh động](https://anh.example.vn/canh-bao.GIF)\n\n"
        '<img src="https://anh.example.vn/a.webp?w=800" alt="Ảnh webp">\n\n'
        "![Biểu trưng](https://anh.example.vn/logo.svg)\n\n"
        "![Ảnh chụp](https://anh.example.vn/anh.jpg)\n"
    )
    root = zalo_project(tmp_path, 0, files={"content/bai-viet/x.md": zalo_bulletin(3, body=body)})
    blocks = payload(built(root), "bt-003")["body"]
    assert [b["url"] for b in blocks if b["type"] == "image"] == ["https://anh.example.vn/anh.jpg"]
    notes = [p for p in problems(root) if "Zalo chỉ nhận ảnh JPG hoặc PNG" in p.message]
    assert [(p.severity, p.line) for p in notes] == [("note", 12), ("note", 14), ("note", 16)]
    assert "ảnh GIF lấy từ trang khác «https://anh.example.vn/canh-bao.GIF»" in notes[0].message
    assert "content/images/" in (notes[0].hint or "")
    # The same once the bulletin comes from the build's shelf of checked bulletins (.cache/).
    again = [p for p in problems(root) if "Zalo chỉ nhận ảnh JPG hoặc PNG" in p.message]
    assert [(p.line, p.message) for p in again] == [(p.line, p.message) for p in notes]


def test_every_text_of_a_payload_is_nfc_when_site_toml_is_written_decomposed(
    tmp_path: Path,
) -> None:
    """Unikey's «Unicode tổ hợp» writes decomposed letters: the unit's name in the last block
    went out so, its marks drawn beside the letters on some phones."""
    root = zalo_project(tmp_path, 1, zalo='footer = "Mọi thông tin xin báo Công an huyện."')
    toml = root / "site.toml"
    toml.write_text(unicodedata.normalize("NFD", toml.read_text("utf-8")), "utf-8")
    text = (built(root) / "zalo" / "bt-000.json").read_text("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert "thông tin của Công an huyện Châu Thành: https://" in text


def test_summary_title_and_author_limits_name_file_and_field(tmp_path: Path) -> None:
    summary = "Người dân cần cảnh giác. " * 13 + "x" * 17  # 342 characters
    assert len(summary) == 342
    title = "Tiêu đề rất dài " * 10  # 160 characters, under the site's own 200 limit
    root = zalo_project(
        tmp_path,
        0,
        zalo='author = "' + "Công an " * 8 + '"',
        files={
            "content/bai-viet/a.md": zalo_bulletin(1, summary=f'"{summary}"'),
            "content/bai-viet/b.md": zalo_bulletin(2, title=f'"{title.strip()}"'),
        },
    )
    found = {(p.file, p.field): p for p in problems(root)}
    summary_problem = found[("content/bai-viet/a.md", "summary")]
    assert "tóm tắt dài 342/299 ký tự" in summary_problem.message
    assert "zalo:" in summary_problem.hint
    title_problem = found[("content/bai-viet/b.md", "title")]
    assert "tiêu đề dài 159/149 ký tự" in title_problem.message
    author_problem = found[("site.toml", "[zalo] author")]
    assert "63/50" in author_problem.message
    with pytest.raises(ContentError):
        built(root)


def test_a_too_long_author_is_fixed_where_it_was_written_naming_no_other_unit(
    tmp_path: Path,
) -> None:
    """The hint said 'ví dụ "Công an Châu Thành"' to every unit."""
    root = zalo_project(tmp_path, 1)
    toml = root / "site.toml"
    long_name = "Công an phường Hòa Khánh, quận Liên Chiểu, thành phố Đà Nẵng"  # 60 characters
    text = toml.read_text("utf-8").replace(
        'short_name = "Công an Châu Thành"', f'short_name = "{long_name}"'
    )
    toml.write_text(text.replace("Châu Thành", "Hòa Khánh"), "utf-8")
    [problem] = problems(root)
    assert problem.field == "[unit] short_name" and "60/50" in problem.message
    assert problem.hint is not None and not SAMPLE_UNIT.search(problem.hint)
    assert problem.hint.startswith("Rút gọn [unit] short_name, hoặc đặt [zalo] author")

    toml.write_text(
        site_toml('author = "' + "Công an " * 8 + '"').replace("Châu Thành", "Hòa Khánh"), "utf-8"
    )
    [problem] = problems(root)
    assert problem.field == "[zalo] author" and problem.hint is not None
    assert "xóa dòng đó để dùng tên ngắn của đơn vị «Công an Hòa Khánh»" in problem.hint


def test_an_author_of_spaces_only_is_the_units_short_name(tmp_path: Path) -> None:
    """`[zalo] author = "  "` would show a blank author on every article."""
    root = zalo_project(tmp_path, 1)
    (root / "site.toml").write_text(site_toml('author = "   "'), "utf-8")
    assert (
        main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q", "--channel", "zalo"])
        == 0
    )
    [payload] = (root / "output" / "zalo").glob("*.json")
    assert json.loads(payload.read_text("utf-8"))["author"] == "Công an Châu Thành"


def test_a_limit_broken_at_build_names_the_line_of_the_key_even_inside_the_zalo_block(
    tmp_path: Path,
) -> None:
    long = "Người dân cần cảnh giác. " * 14
    nested = f'\n  title: "Tiêu đề Zalo"\n  summary: "{long}"'
    root = zalo_project(
        tmp_path,
        0,
        zalo='author = "' + "Công an " * 8 + '"',
        files={
            "content/bai-viet/a.md": zalo_bulletin(1, summary=f'"{long}"'),
            "content/bai-viet/b.md": zalo_bulletin(2, zalo=nested),
        },
    )
    with pytest.raises(ContentError) as caught:
        build(config_module.load(root), channels=("web", "zalo"), now=NOW)
    found = {(p.file, p.field): p.line for p in caught.value.problems}
    assert found[("content/bai-viet/a.md", "summary")] == 5
    assert found[("content/bai-viet/b.md", "zalo.summary")] == 10
    assert found[("site.toml", "[zalo] author")] == len(site_toml(oa=False).splitlines()) + 3
    assert "content/bai-viet/b.md:10: lỗi: trường 'zalo.summary'" in str(caught.value)


def test_limits_count_nfc_characters(tmp_path: Path) -> None:
    title = "Đ" + "ạ" * 148  # 149 characters in NFC, many more in NFD
    nfd = unicodedata.normalize("NFD", title)
    assert len(nfd) > 149
    root = zalo_project(
        tmp_path, 0, files={"content/bai-viet/a.md": zalo_bulletin(1, title=f'"{nfd}"')}
    )
    assert problems(root) == []


@pytest.mark.parametrize("unit", ["", "utf16", "code_points"])
def test_zalo_limits_count_utf16_units_unless_site_toml_says_code_points(
    tmp_path: Path, unit: str
) -> None:
    """How Zalo counts is unconfirmed: an emoji is one code point but two UTF-16 units, the
    count of a JavaScript or Java server. A title of 149 code points with one emoji passed the
    check and could be refused by Zalo at send time; the stricter count is the default."""
    title = "Cảnh báo 🚨 lừa đảo "
    title += "x" * (149 - len(title))
    assert len(title) == 149 and len(title.encode("utf-16-le")) // 2 == 150
    root = zalo_project(
        tmp_path,
        0,
        zalo=f'length_unit = "{unit}"' if unit else "",
        files={"content/bai-viet/a.md": zalo_bulletin(1, title=f'"{title}"')},
    )
    found = {(p.file, p.field): p.message for p in problems(root)}
    if unit == "code_points":
        assert found == {}
    else:
        assert "tiêu đề dài 150/149 ký tự" in found[("content/bai-viet/a.md", "title")]


def test_a_title_zalo_counts_longer_than_its_characters_says_why(tmp_path: Path) -> None:
    """A 149-character title holding one emoji was told «dài 150/149 ký tự»: the editor counted
    149 and found nothing to cut. The message says an emoji counts 2 for Zalo, and both counts;
    a title without one is told as before."""
    emoji = "Cảnh báo 🚨 lừa đảo "
    emoji += "x" * (149 - len(emoji))
    plain = "Cảnh báo lừa đảo " + "x" * 133
    root = zalo_project(
        tmp_path,
        0,
        zalo='length_unit = "utf16"',
        files={
            "content/bai-viet/a.md": zalo_bulletin(1, title=f'"{emoji}"'),
            "content/bai-viet/b.md": zalo_bulletin(2, title=f'"{plain}"'),
        },
    )
    found = {p.file: p.message for p in problems(root)}
    assert found["content/bai-viet/a.md"] == (
        "tiêu đề dài 150/149 ký tự, vượt giới hạn của Zalo OA; Zalo đếm mỗi biểu tượng cảm xúc "
        "(emoji) hay ký tự đặc biệt là 2 ký tự, nên 149 ký tự được Zalo tính là 150"
    )
    assert found["content/bai-viet/b.md"] == "tiêu đề dài 150/149 ký tự, vượt giới hạn của Zalo OA"


def test_a_summary_exactly_at_zalos_300_is_refused_like_a_title_at_150(tmp_path: Path) -> None:
    """The contract: Zalo rejected a title of exactly its 150 limit, and the description takes
    the same caution, so 299 passes and 300 is reported."""
    at_limit = ("Người dân cần cảnh giác. " * 12).strip()
    at_limit += "x" * (300 - len(at_limit))
    root = zalo_project(
        tmp_path,
        0,
        files={
            "content/bai-viet/a.md": zalo_bulletin(1, summary=f'"{at_limit}"'),
            "content/bai-viet/b.md": zalo_bulletin(2, summary=f'"{at_limit[:-1]}"'),
        },
    )
    found = {(p.file, p.field): p for p in problems(root)}
    assert "tóm tắt dài 300/299 ký tự" in found[("content/bai-viet/a.md", "summary")].message
    assert ("content/bai-viet/b.md", "summary") not in found


def test_a_zalo_block_overrides_title_and_summary(tmp_path: Path) -> None:
    long = "Người dân cần cảnh giác. " * 14
    override = '\n  summary: "Tóm tắt ngắn cho Zalo."\n  title: "Tiêu đề Zalo"'
    body = zalo_bulletin(1, summary=f'"{long}"', zalo=override)
    root = zalo_project(tmp_path, 0, files={"content/bai-viet/a.md": body})
    assert problems(root) == []
    result = payload(built(root), "bt-001")
    assert result["description"] == "Tóm tắt ngắn cho Zalo."
    assert result["title"] == "Tiêu đề Zalo"


def test_missing_cover_and_zalo_only_bulletins_are_reported(tmp_path: Path) -> None:
    root = zalo_project(
        tmp_path,
        0,
        files={
            "site.toml": site_toml().replace('default_cover = "images/bia.jpg"\n', ""),
            "content/bai-viet/a.md": zalo_bulletin(1),
            "content/bai-viet/b.md": zalo_bulletin(
                2, cover="images/bia.jpg", cover_alt='"Ảnh bìa"', channels="[zalo]"
            ),
        },
    )
    found = {(p.file, p.field) for p in problems(root)}
    assert ("content/bai-viet/a.md", "cover") in found
    assert ("content/bai-viet/b.md", "channels") in found
    assert ("content/bai-viet/b.md", "cover") not in found


def test_a_cover_too_heavy_for_zalo_even_resized_is_reported(tmp_path: Path) -> None:
    root = zalo_project(
        tmp_path,
        0,
        zalo="cover_max_bytes = 200",
        files={
            "content/images/bia.jpg": jpeg(600, 400),
            "content/bai-viet/a.md": zalo_bulletin(1),
        },
    )
    cover = [p for p in problems(root) if p.field == "[site] default_cover"]
    assert cover and "Zalo chỉ nhận ảnh" in cover[0].message


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["build", "-q", "--channel", "zalo"],
        ["build", "-q", "--channel", "web"],
        ["build", "-q"],
    ],
    ids=" ".join,
)
def test_a_missing_default_cover_is_reported_once_whatever_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """Zalo sends the default cover too: without the web channel beside it, it must still say
    which setting is wrong (it used to stop on a bare file-system error)."""
    root = zalo_project(tmp_path, 2)
    (root / "content" / "images" / "bia.jpg").unlink()
    assert main([*command, "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    line = site_toml().splitlines().index('default_cover = "images/bia.jpg"') + 1
    wrong = f"site.toml:{line}: lỗi: trường '[site] default_cover': không tìm thấy ảnh bìa mặc định"
    assert err.count(wrong) == 1, err
    assert "Cách sửa:" in err and "Traceback" not in err and "lỗi hệ thống tệp" not in err
    assert not (root / "output").exists()


@pytest.mark.parametrize("channel", ["zalo", "web,zalo"])
def test_a_broken_body_image_is_reported_by_a_zalo_build_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], channel: str
) -> None:
    text = zalo_bulletin(1, body=BODY + "\n![Hiện trường](../images/hong.jpg)\n")
    root = zalo_project(
        tmp_path,
        0,
        files={"content/images/hong.jpg": b"not a picture", "content/bai-viet/a.md": text},
    )
    argv = ["build", "--channel", channel, "--root", str(root), "--now", NOW.isoformat(), "-q"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    line = text.splitlines().index("![Hiện trường](../images/hong.jpg)") + 1
    wrong = (
        f"content/bai-viet/a.md:{line}: lỗi: không đọc được ảnh content/images/hong.jpg: tệp hỏng"
    )
    assert err.count(wrong) == 1, err
    assert not (root / "output").exists()


def test_bulletins_not_for_zalo_get_no_payload(tmp_path: Path) -> None:
    root = zalo_project(
        tmp_path, 1, files={"content/bai-viet/w.md": zalo_bulletin(5, channels="[web]")}
    )
    assert sorted(p.name for p in (built(root) / "zalo").iterdir()) == ["bt-000.json"]


def noisy_jpeg(width: int, height: int) -> bytes:
    """A photo-like JPEG: noise compresses badly, so each width has a clearly different size."""
    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), random.Random(7).randbytes(width * height * 3)).save(
        out, "JPEG", quality=90
    )
    return out.getvalue()


def cli_build(root: Path) -> None:
    """`publish build` of every channel, as CI runs it (caches kept in .cache/)."""
    assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 0


def test_the_cover_is_the_widest_variant_within_zalo_byte_limit_first_time_and_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The choice depends on each variant's byte size: made in a first build, remembered by
    later ones (which no longer read the files)."""
    monkeypatch.setattr(images_module, "SETTLED_SECONDS", 0.0)
    root = zalo_project(
        tmp_path,
        1,
        zalo="cover_max_bytes = 90000000",
        files={"content/images/bia.jpg": noisy_jpeg(1000, 600)},
    )
    cli_build(root)
    sizes = {
        int(p.name.split("-")[1].split(".")[0]): p.stat().st_size
        for p in (root / "output" / "web" / "anh").glob("bia-*.jpg")
    }
    assert sorted(sizes) == [240, 480, 960]
    limit = (sizes[480] + sizes[960]) // 2  # 480 fits, 960 does not
    toml = root / "site.toml"
    toml.write_text(toml.read_text("utf-8").replace("= 90000000", f"= {limit}"), "utf-8")
    for _ in range(2):  # made again under the new site.toml, then from what it remembered
        cli_build(root)
        url = payload(root / "output", "bt-000")["cover"]["photo_url"]
        assert "/anh/bia-480." in url
        (root / "content" / "bai-viet" / "ban-tin-000.md").write_text(
            zalo_bulletin(0, body=BODY + "\nCập nhật.\n"), "utf-8"
        )


def test_a_rebuild_reads_no_unchanged_image_for_zalo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every payload names a cover: a unit with a photo per bulletin had each rebuild read,
    hash and decode every photo and read its variants, twice (check, then render)."""
    monkeypatch.setattr(images_module, "SETTLED_SECONDS", 0.0)
    root = zalo_project(tmp_path, 3)
    cli_build(root)
    (root / "content" / "bai-viet" / "ban-tin-001.md").write_text(
        zalo_bulletin(1, body=BODY + "\nCập nhật.\n"), "utf-8"
    )

    refuse = refusing("an unchanged image was read again")
    monkeypatch.setattr(Image, "open", refuse)
    monkeypatch.setattr(images_module.Pictures, "_cached", refuse)
    cli_build(root)
    monkeypatch.undo()
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".cache", "output"))
    cli_build(clean)
    for path in (clean / "output" / "zalo").iterdir():
        assert (root / "output" / "zalo" / path.name).read_bytes() == path.read_bytes()


def test_images_new_to_zalo_are_resized_once_each_on_every_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Zalo's check runs before the website renders: in a first build it is what resizes every
    photo, so it hands them to the worker processes (one job per image, none known already)."""
    monkeypatch.setattr(images_module, "SETTLED_SECONDS", 0.0)
    root = zalo_project(
        tmp_path,
        0,
        files={
            f"content/bai-viet/a-{i}.md": zalo_bulletin(
                i, cover=f"images/bia-{i}.jpg", cover_alt="Ảnh"
            )
            for i in range(3)
        }
        | {f"content/images/bia-{i}.jpg": jpeg(color=(i, 2 * i, 3 * i)) for i in range(3)},
    )
    sent: list[int] = []
    real = zalo_images.run_jobs

    def spy(jobs, **kwargs):  # type: ignore[no-untyped-def]
        sent.append(len(jobs))
        return real(jobs, **kwargs)

    monkeypatch.setattr(zalo_images, "run_jobs", spy)
    cli_build(root)
    assert sent == [4]  # three covers and the body image every bulletin shows
    sent.clear()
    (root / "content" / "bai-viet" / "a-1.md").write_text(
        zalo_bulletin(1, body=BODY + "\nCập nhật.\n", cover="images/bia-1.jpg", cover_alt="Ảnh"),
        "utf-8",
    )
    cli_build(root)
    assert sent == [0]


def test_plain_text_collapses_every_kind_of_whitespace_to_one_space() -> None:
    """Zalo text is one line: tabs, line breaks, no-break and other Unicode spaces pasted from
    Word or the web become single spaces, none at the ends; the text comes out NFC."""
    spaces = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
    decomposed = "Ca\u0302\u0301p"  # "Cấp" typed with combining marks
    text = f"{spaces}Công{spaces}an\t\thuyện\n{decomposed}  {spaces}"
    assert plain_text(text) == "Công an huyện Cấp"


def test_a_cover_the_body_shows_again_is_shown_once_in_its_place_in_the_body(
    tmp_path: Path,
) -> None:
    """The cover shows above a Zalo article: one whose picture the body shows again (the
    sample's Ngày hội bulletin) had the follower see it twice. The body's keeps its place and
    caption; the cover still stands for the article in lists and messages."""
    again = BODY + '\n![Ảnh bìa](../images/anh-1.jpg "Các đại biểu tại Ngày hội")\n'
    root = zalo_project(
        tmp_path,
        0,
        files={
            "content/bai-viet/a.md": zalo_bulletin(
                1, body=again, cover="images/anh-1.jpg", cover_alt='"Ảnh"'
            ),
            "content/bai-viet/b.md": zalo_bulletin(2, cover="images/bia.jpg", cover_alt='"Ảnh"'),
        },
    )
    output = built(root)
    repeated, other = payload(output, "bt-001"), payload(output, "bt-002")
    images = [b for b in repeated["body"] if b["type"] == "image"]
    assert repeated["cover"]["photo_url"] in [b["url"] for b in images]
    assert repeated["cover"]["status"] == "hide"
    assert len(images) == 2 and images[-1]["caption"] == "Các đại biểu tại Ngày hội"
    assert other["cover"]["status"] == "show"


def test_the_text_block_limit_is_a_setting_the_payload_keeps(tmp_path: Path) -> None:
    """How long a Zalo text block may be is not known (contract [U]): an OA that finds its
    paragraphs refused or cut sets [zalo] text_block_max, and every block keeps to it."""
    sentence = "Người dân cần cảnh giác với cuộc gọi giả danh Công an yêu cầu chuyển tiền. "
    files = {"content/bai-viet/bt-001.md": zalo_bulletin(1, body=sentence * 12)}
    output = built(zalo_project(tmp_path, 1, zalo="text_block_max = 200", files=files))
    texts = [b["content"] for b in payload(output, "bt-001")["body"][:-1] if b["type"] == "text"]
    assert len(texts) > 4 and all(len(text) <= 200 for text in texts)
    assert " ".join(texts) == (sentence * 12).strip()


def test_a_footer_in_site_toml_closes_every_article_and_a_changed_one_is_rebuilt(
    tmp_path: Path,
) -> None:
    footer = r"Đường dây nóng Công an huyện: 0277 3610 113.\n\n  Khẩn cấp   gọi 113."
    root = zalo_project(tmp_path, 2, zalo=f'footer = "{footer}"')

    def texts() -> list[list[str]]:
        """The text blocks of each article, after a build by the command line."""
        assert main(["build", "--root", str(root), "--now", NOW.isoformat(), "-q"]) == 0
        return [
            [b["content"] for b in payload(root / "output", key)["body"] if b["type"] == "text"]
            for key in ("bt-000", "bt-001")
        ]

    for blocks in texts():
        assert blocks[-3:-1] == [
            "Đường dây nóng Công an huyện: 0277 3610 113.",
            "Khẩn cấp gọi 113.",
        ]
        assert blocks[-1].startswith("Xem bản tin đầy đủ trên trang thông tin của")
    site = root / "site.toml"
    site.write_text(site.read_text("utf-8").replace("0277 3610 113", "0277 3999 999"), "utf-8")
    for blocks in texts():  # the payloads kept from the last build are not reused
        assert blocks[-3] == "Đường dây nóng Công an huyện: 0277 3999 999."
    kept = [line for line in site.read_text("utf-8").splitlines() if not line.startswith("footer")]
    site.write_text("\n".join(kept) + "\n", "utf-8")
    for blocks in texts():
        assert not any("Đường dây nóng" in text or "113" in text for text in blocks)


def test_a_run_with_no_space_longer_than_the_block_limit_is_cut_to_it(tmp_path: Path) -> None:
    """A shared link pasted whole (hundreds of characters, no space) was left in one block over
    [zalo] text_block_max: an OA whose Zalo refuses longer blocks had the whole article refused
    at every sync. Every block keeps to the limit; the text is all there, in order."""
    link = "https://www.facebook.com/share/p/" + "AbC9xYz-" * 40 + "1/"
    body = f"Thông tin chính thức đăng tại:\n{link}\n"
    files = {"content/bai-viet/bt-001.md": zalo_bulletin(1, body=body)}
    output = built(zalo_project(tmp_path, 1, zalo="text_block_max = 200", files=files))
    texts = [b["content"] for b in payload(output, "bt-001")["body"][:-1] if b["type"] == "text"]
    assert len(texts) > 1 and all(len(text) <= 200 for text in texts)
    assert "".join(texts[1:]) == link


def html_read(text: str) -> tuple[str, list[str]]:
    """`text` as an app reading HTML shows it: its text, and the tags it would obey."""
    tags: list[str] = []
    shown: list[str] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            tags.append(tag)

        def handle_endtag(self, tag: str) -> None:
            tags.append("/" + tag)

        def handle_data(self, data: str) -> None:
            shown.append(data)

    reader = Reader(convert_charrefs=True)
    reader.feed(text)
    reader.close()
    return "".join(shown), tags


def seen(text: str) -> str:
    """What a follower sees of a text block read as the plain text it is documented as: the
    word joiner is invisible."""
    return text.replace(WORD_JOINER, "")


def test_angle_brackets_in_the_title_and_summary_keep_their_words_on_zalo(
    tmp_path: Path,
) -> None:
    """Editors type «<<…>>» for «…» and «<…>» around a law's name. Title and summary are text,
    shown on the website as typed; the Zalo payload took «<Vì an ninh Tổ quốc>» for a tag and
    dropped the words. They stay, exactly as typed (a space after «<», showed to every follower,
    is now an invisible word joiner), and no tag start is left for an app that might read HTML."""
    files = {
        "content/bai-viet/bt-001.md": zalo_bulletin(
            1,
            title='"Hưởng ứng Tháng hành động <<Vì an ninh Tổ quốc>> năm 2027"',
            summary='"Theo Luật số 36/2024/QH15 <Luật Trật tự, an toàn giao thông đường bộ>, '
            'người vi phạm bị xử lý nghiêm."',
        )
    }
    body = payload(built(zalo_project(tmp_path, 1, files=files)), "bt-001")
    title = "Hưởng ứng Tháng hành động <<Vì an ninh Tổ quốc>> năm 2027"
    description = (
        "Theo Luật số 36/2024/QH15 <Luật Trật tự, an toàn giao thông đường bộ>, "
        "người vi phạm bị xử lý nghiêm."
    )
    assert seen(body["title"]) == title and seen(body["description"]) == description
    for text in (body["title"], body["description"]):
        assert html_read(text) == (text, [])
        assert WORD_JOINER in text and "< " not in text


def test_angle_brackets_in_the_body_keep_their_words_on_zalo(tmp_path: Path) -> None:
    """The body's «<<Vì an ninh Tổ quốc>>» and «<Tết an toàn>» were taken for tags and dropped
    («Tháng hành động <> năm 2027», «Chủ đề của năm nay»). They stay, as in the title, as typed
    (no visible space after «<»); real tags and comments are still taken out, and no tag start
    is left for an app that might read HTML."""
    body = (
        "Hưởng ứng Tháng hành động <<Vì an ninh Tổ quốc>> năm 2027.\n\n"
        "Chủ đề <Tết an toàn> của năm nay, <b>không</b> đốt pháo.<!-- ghi chú của biên tập -->\n"
    )
    files = {"content/bai-viet/bt-001.md": zalo_bulletin(1, body=body)}
    blocks = payload(built(zalo_project(tmp_path, 1, files=files)), "bt-001")["body"]
    texts = [block["content"] for block in blocks[:2]]
    assert [seen(text) for text in texts] == [
        "Hưởng ứng Tháng hành động <<Vì an ninh Tổ quốc>> năm 2027.",
        "Chủ đề <Tết an toàn> của năm nay, không đốt pháo.",
    ]
    for text in texts:
        assert html_read(text) == (text, [])


def test_a_lone_capitalised_element_name_keeps_its_word_on_zalo(tmp_path: Path) -> None:
    """«<Em>» and «<Mark>» name HTML elements: never closed, they were taken for tags and the
    words vanished from the title and the body, as from the website. A closed one is a tag."""
    files = {
        "content/bai-viet/bt-001.md": zalo_bulletin(
            1,
            title='"Ca khúc <Em> đoạt giải"',
            body="Ca khúc <Em> của nhóm, <Mark Zuckerberg> và <Mark>.\n\n"
            "Chữ <Em>nghiêng</em> là một thẻ.\n",
        )
    }
    article = payload(built(zalo_project(tmp_path, 1, files=files)), "bt-001")
    assert seen(article["title"]) == "Ca khúc <Em> đoạt giải"
    assert [seen(block["content"]) for block in article["body"][:2]] == [
        "Ca khúc <Em> của nhóm, <Mark Zuckerberg> và <Mark>.",
        "Chữ nghiêng là một thẻ.",
    ]
    for block in article["body"][:2]:
        assert html_read(block["content"])[1] == []


def _zalo_texts(body: str) -> list[str]:
    """The text blocks Zalo gets for `body`."""
    blocks = markdown_blocks(body, image=lambda *_: None, link=lambda href: None)
    return [b["content"] for b in blocks if b["type"] == "text"]


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        (
            "**Giả danh ngân hàng:**Đối tượng gọi điện.",
            "Giả danh ngân hàng: Đối tượng gọi điện.",
        ),
        ("*Lưu ý!*Không chuyển tiền.", "Lưu ý! Không chuyển tiền."),
        ("- **Bước 1:**Gọi 113.", "• Bước 1: Gọi 113."),
    ],
)
def test_a_word_glued_to_bold_ending_on_a_mark_gets_its_space_on_zalo(
    body: str, shown: str
) -> None:
    """Zalo's plain text drops the bold that told the label from the text: «…hàng:Đối tượng»
    read as one word."""
    assert _zalo_texts(body) == [shown]


@pytest.mark.parametrize(
    "body",
    [
        "**Giả danh ngân hàng:** Đối tượng gọi điện.",  # spaced already: one space, not two
        "gọi **113**ngay",  # no mark before the letter: the editor's glue, kept as typed
        "**Số tiền:**50 triệu",  # a digit: «:50» may be a time or a ratio, kept as typed
        "Chữ **đậm**và chữ thường",
    ],
)
def test_no_space_is_added_where_a_reader_needs_none(body: str) -> None:
    assert _zalo_texts(body) == [plain_text(body.replace("**", ""))]
