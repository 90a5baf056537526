"""Text pasted from Word, Facebook or Zalo: decomposed letters (NFD), invisible characters and
Word's curly quotes around front matter values come out right on every channel."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.model import Site
from publish.pasted import LINES_LISTED, mend
from tests.helpers import NOW, accept_names, bulletin_md, make_project
from tests.test_approval_bound import as_session_33

ROOT = Path(__file__).parents[1]
INVISIBLE = ("\u00ad", "\u200b", "\u2060", "\u200c")


def load(root: Path) -> Site:
    """The site of the project at the fixed clock."""
    return load_site(config_module.load(root), now=NOW)


def test_invisible_characters_from_word_and_facebook_are_removed(tmp_path: Path) -> None:
    family = "👨\u200d👩\u200d👧"  # the joiners make one emoji: kept
    text = bulletin_md(
        {
            "title": '"Cảnh báo lừa đảo qua Face\u00adbook và Za\u200blo"',
            "summary": '"Đối tượng lập nhóm\u2060 giả danh Công\u200d an."',
            "tags": '["lừa\u00ad đảo", "lừa đảo", "an\u200b ninh"]',
        },
        body=f"Nhóm «Gia đình {family}» trên Face\u00adbook.\n",
    )
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.title == "Cảnh báo lừa đảo qua Facebook và Zalo"
    assert bulletin.summary == "Đối tượng lập nhóm giả danh Công an."
    assert bulletin.tags == ("lừa đảo", "an ninh")  # one tag, not two spellings of it
    assert bulletin.body.strip() == f"Nhóm «Gia đình {family}» trên Facebook."
    assert site.warnings == ()


def test_the_other_invisible_characters_zalo_and_facebook_paste_are_removed(
    tmp_path: Path,
) -> None:
    """The Mongolian vowel separator (U+180E), the grapheme joiner (U+034F) and an emoji's
    variation selector after a letter (U+FE0F) stayed in the title and the tag pages; the
    Braille blank (U+2800, Facebook's «invisible character») padded a title. In the title, the
    summary, the tags and the body alike, as the other invisible characters are."""
    heart = "❤\ufe0f"  # the selector makes the red heart: kept
    text = bulletin_md(
        {
            "title": '"Cảnh báo lừa\u180e đảo qua\u034f Zalo\ufe0f \u2800"',
            "summary": '"Đối tượng giả danh\u2800Công an."',
            "tags": '["OTP\ufe0f", "OTP", "an\u034f ninh"]',
        },
        body=f"Thả {heart} cho bài\u180e viết.\n\u2800\nĐoạn hai.\n",
    )
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.title == "Cảnh báo lừa đảo qua Zalo"
    assert bulletin.summary == "Đối tượng giả danh Công an."
    assert bulletin.tags == ("OTP", "an ninh")
    assert bulletin.body.strip() == f"Thả {heart} cho bài viết.\n \nĐoạn hai."
    assert site.warnings == ()


def test_invisible_characters_written_as_yaml_escapes_are_removed_too(tmp_path: Path) -> None:
    """«"Za\\u200blo"» is the same zero-width space once YAML has read it: it stayed in the
    title, the tags (a second «an ninh» tag page) and the Zalo title, where typed ones are
    removed. Removed as typed ones are: without a word, the Braille blank as a space."""
    text = bulletin_md(
        {
            "title": '"Cảnh báo lừa đảo qua Face\\u00adbook và Za\\u200blo\\u2800"',
            "summary": '"Đối tượng\\u2800giả danh Công\\u2060 an."',
            "tags": '["an\\u200b ninh", "an ninh", "\\ufeffOTP", "OTP\\ufe0f"]',
            "zalo": '{title: "Lừa đảo qua Za\\u034flo"}',
        }
    )
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.title == "Cảnh báo lừa đảo qua Facebook và Zalo"
    assert bulletin.summary == "Đối tượng giả danh Công an."
    assert bulletin.tags == ("an ninh", "OTP")
    assert bulletin.blocks["zalo"]["title"] == "Lừa đảo qua Zalo"
    assert site.warnings == ()


def test_new_writes_a_pasted_title_as_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title pasted from Zalo into `publish new` kept its invisible characters in the file
    (read without them: the file said another title than the one read)."""
    root = make_project(tmp_path, {})
    pasted = "Cảnh báo\u200b lừa đảo\u2800 qua Zalo\u200e "
    args = ["--root", str(root), "--category", "an-ninh-trat-tu", "--now", "2021-01-01 09:00"]
    assert main(["new", pasted, *args]) == 0
    made = Path(capsys.readouterr().out.strip())
    made = made if made.is_absolute() else Path.cwd() / made
    assert made.name == "2021-01-01-canh-bao-lua-dao-qua-zalo.md"
    assert 'title: "Cảnh báo lừa đảo qua Zalo"\n' in made.read_text(encoding="utf-8")
    assert main(["new", "Cảnh báo lừa đảo qua Zalo", *args]) == 1  # the same title: not twice
    assert "cùng tiêu đề" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("“Cảnh báo: lừa đảo mua sắm”", "Cảnh báo: lừa đảo mua sắm"),  # was a syntax error
        ("“Lừa đảo # mua sắm cuối năm”", "Lừa đảo # mua sắm cuối năm"),  # was cut at the #
        ("‘Cảnh báo lừa đảo’", "Cảnh báo lừa đảo"),
        ("Chiêu “việc nhẹ lương cao”", "Chiêu “việc nhẹ lương cao”"),  # quotes inside: kept
        ("“Việc nhẹ lương cao” — cạm bẫy mùa hè", "“Việc nhẹ lương cao” — cạm bẫy mùa hè"),
    ],
)
def test_words_curly_quotes_around_a_value_are_read_as_yaml_quotes(
    tmp_path: Path, written: str, title: str
) -> None:
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md({"title": written})})
    site = load(root)
    [bulletin] = site.bulletins
    assert bulletin.title == title
    notes = [p for p in site.warnings if "ngoặc kép cong" in p.message]
    if title == written:
        assert notes == []
    else:
        [note] = notes
        assert note.hint is not None
        assert note.severity == "note" and note.line == 2 and "Straight quotes" in note.hint


def test_curly_quoted_list_items_and_block_items_are_read_as_yaml_quotes(tmp_path: Path) -> None:
    text = bulletin_md({"tags": "[“lừa đảo”, ‘an ninh’]", "author": "“Minh Anh”"})
    text = text.replace('approved_by: "Thượng tá Nguyễn Văn Hùng"', "approved_by:\n  “Thượng tá A”")
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.tags == ("lừa đảo", "an ninh") and bulletin.author == "Minh Anh"
    # A value on its own line is not `key: value`: left as written.
    assert bulletin.approved_by == "“Thượng tá A”"


def test_curly_quotes_inside_a_block_value_are_the_editors_own(tmp_path: Path) -> None:
    # Lines of a block that read like `key: value` are text, not keys.
    text = bulletin_md({"summary": "|\n  Nguồn: “Bộ Công an”\n  - ‘cảnh báo’"})
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": text}))
    [bulletin] = site.bulletins
    assert bulletin.summary == "Nguồn: “Bộ Công an”\n- ‘cảnh báo’"
    assert not [p for p in site.warnings if "ngoặc kép cong" in p.message]


NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title: ", f"title:{NBSP}"),  # was «có dấu ':' ở chỗ không được phép»
        ("category: ", f"category:{NBSP}{NBSP}"),  # was «thiếu dấu ':'», the line after named
        ("category: ", "category:\u202f"),  # a Mac's narrow no-break space
        ("category: ", f"category{NBSP}: "),  # Word's French typography: an unknown key
        ('tags: ["lừa đảo", "an ninh"]', f"tags:\n-{NBSP}lừa đảo\n-{NBSP}an ninh"),
        ("title: ", "“title”: "),  # was an unknown key, and title «missing»
        ("title: ", f"‘title’:{NBSP}"),
    ],
)
def test_what_word_does_to_a_key_is_undone(tmp_path: Path, old: str, new: str) -> None:
    """Word puts a no-break space after a colon and curly quotes around a key: the file was
    refused with a syntax error naming no such thing (and the wrong line), or the key was
    unknown and the field «missing» on line 2."""
    text = bulletin_md({"title": "“Cảnh báo lừa đảo”", "tags": '["lừa đảo", "an ninh"]'})
    root = make_project(tmp_path, {"content/bai-viet/a.md": text.replace(old, new, 1)})
    site = load(root)
    [bulletin] = site.bulletins
    assert bulletin.title == "Cảnh báo lừa đảo" and bulletin.category
    assert bulletin.tags == ("lừa đảo", "an ninh")
    [note] = [p for p in site.warnings if "ngoặc kép cong" in p.message]
    curly_key = new.startswith(("“", "‘"))
    assert note.line == 2 and ("tên trường" if curly_key else "giá trị") in note.message
    assert [p for p in site.warnings if p is not note] == []


HOTLINE = f"Người dân cần hỗ trợ xin gọi\n  Hotline:{NBSP}0912 345 678 của Công an xã"


def test_a_no_break_space_on_the_next_line_of_a_value_is_the_values_own(tmp_path: Path) -> None:
    """«Hotline:\u00a00912» on a summary's second line is text (YAML needs a plain space after
    a colon to read a key): mended into a key, the file was «phần đầu sai cú pháp»."""
    text = bulletin_md({"summary": HOTLINE})
    root = make_project(tmp_path, {"content/bai-viet/a.md": text})
    site = load(root)
    [bulletin] = site.bulletins
    assert bulletin.summary.endswith("0912 345 678 của Công an xã")
    assert f"Hotline:{NBSP}0912" in bulletin.summary


def test_a_no_break_space_under_a_key_whose_value_starts_on_the_next_line_is_text(
    tmp_path: Path,
) -> None:
    """`summary:` with its text on the lines below («  Gọi ngay» then «  Hotline:\u00a00912»):
    the first line of text was taken to start a value of its own, so the next one at the same
    indent for a key, mended into «Hotline: 0912», and the file was «phần đầu sai cú pháp»."""
    text = bulletin_md({"summary": "\n" + HOTLINE.replace("Người", "  Người", 1)})
    root = make_project(tmp_path, {"content/bai-viet/a.md": text})
    site = load(root)
    assert [p.message for p in site.warnings if p.severity == "error"] == []
    [bulletin] = site.bulletins
    assert bulletin.summary.endswith(f"Hotline:{NBSP}0912 345 678 của Công an xã")


def test_a_no_break_space_in_a_quoted_value_keeps_its_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a quoted summary over two lines, the mending turned the value's no-break space into a
    space: the value changed, and a bulletin approved with it was held as changed since."""
    escaped = HOTLINE.replace(NBSP, "\\_")  # YAML's escape for a no-break space: not mended
    text = bulletin_md({"summary": f'"{escaped}"', "approved_by": '""'})
    root = make_project(tmp_path, {"content/bai-viet/a.md": text})
    assert (
        main(["approve", "--root", str(root), "content/bai-viet/a.md", "--by", "Thượng tá A"]) == 0
    )
    # The values fingerprint alone, as approvals were before they were bound to the file's
    # bytes (which this edit changes: tests/test_approval_bound.py).
    as_session_33(root)
    file = root / "content/bai-viet/a.md"
    file.write_text(file.read_text("utf-8").replace(escaped, HOTLINE), "utf-8")  # as Word wrote it
    capsys.readouterr()
    site = load(root)
    assert [e.code for e in site.excluded] == []
    [bulletin] = site.bulletins
    assert f"Hotline:{NBSP}0912" in bulletin.summary


def test_approve_writes_into_a_file_word_put_a_no_break_space_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read, the file could not be approved: the line-by-line edit refused its front matter."""
    fields = {"title": "“Cảnh báo”", "author": "“Minh Anh”", "approved_by": '""'}
    text = bulletin_md({**fields, "channels": "[web]"})
    text = text.replace("author: ", f"“author”:{NBSP}").replace("title: ", f"title:{NBSP}")
    root = make_project(tmp_path, {"content/bai-viet/a.md": text})
    assert (
        main(["approve", "--root", str(root), "content/bai-viet/a.md", "--by", "Thượng tá A"]) == 0
    )
    capsys.readouterr()
    [bulletin] = load(root).bulletins
    assert bulletin.approved_by == "Thượng tá A" and bulletin.author == "Minh Anh"
    assert main(["check", "--root", str(root), "--now", "2026-11-29T10:00"]) == 0
    assert "chưa được duyệt" not in capsys.readouterr().err


def test_decomposed_text_comes_out_composed_on_every_channel(tmp_path: Path) -> None:
    """NFD (from macOS, some web pages and phones) in the file name, title, summary, tags and
    body: the website, its search index, Zalo's JSON and the radio script are all NFC."""
    root = tmp_path / "site"
    root.mkdir()
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "site.toml", root / "site.toml")
    accept_names(root)  # the bulletin below is approved by name only
    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    name = nfd("2026-11-20-cảnh-báo-lừa-đảo-nfd.md")
    text = nfd(
        '---\ntitle: "Công an huyện cảnh báo lừa đảo trên mạng xã hội"\n'
        "date: 2026-11-20 08:00\ncategory: canh-bao-toi-pham\n"
        'summary: "Người dân Đồng Tháp cần cảnh giác với thủ đoạn mới."\n'
        'tags: ["lừa đảo qua mạng", "Bảo vệ an ninh Tổ quốc"]\napproved_by: "Thượng tá A"\n'
        "---\n\nNgày 15 tháng 11, Công an huyện Châu Thành tiếp nhận trình báo của người dân.\n"
    )
    assert not unicodedata.is_normalized("NFC", text)
    (root / "content/bai-viet" / name).write_text(text, encoding="utf-8")
    assert main(["build", "--root", str(root), "--now", "2026-11-29T10:00", "--quiet"]) == 0
    page = root / "output/web/2026/11/canh-bao-lua-dao-nfd/index.html"
    zalo = root / "output/zalo/canh-bao-lua-dao-nfd.json"
    radio = root / "output/radio/2026-W47/script.txt"
    search = "".join(p.read_text(encoding="utf-8") for p in (root / "output/web").rglob("*.json"))
    for output in (page.read_text(encoding="utf-8"), zalo.read_text(encoding="utf-8"), search):
        assert unicodedata.is_normalized("NFC", output)
    assert json.loads(zalo.read_text(encoding="utf-8"))["title"] == (
        "Công an huyện cảnh báo lừa đảo trên mạng xã hội"
    )
    script = radio.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", script) and "cảnh báo lừa đảo trên mạng" in script
    assert "Đồng Tháp" in search and (root / "output/web/the/bao-ve-an-ninh-to-quoc").is_dir()


# Lists and hashtags as pasted from Word, a PDF or a post ------------------------------------


def web_html(body: str) -> str:
    """The website's sanitised HTML of one body."""
    from publish.render.web.markdown import MarkdownRenderer

    return MarkdownRenderer().convert(body, lookup=lambda src: None)


def zalo_texts(body: str) -> list[str]:
    """The text blocks of one body in the Zalo article."""
    from publish.render.zalo.blocks import markdown_blocks

    blocks = markdown_blocks(body, image=lambda *a: None, link=lambda href: href)
    return [b["content"] for b in blocks if b["type"] == "text"]


def spoken(body: str) -> str:
    """The radio script's text of one body."""
    from publish.radio.normalise import normalise

    return normalise(body).text


WORD_LISTS = (
    "Công an huyện đã:\n"
    "• Tổ chức 15 buổi tuyên truyền;\n"
    "\uf0b7\tPhát tờ rơi cảnh báo.\n\n"
    "Bà con lưu ý:\n"
    "👉 Không bấm vào đường link lạ\n"
    "👉🏻 Không cung cấp mã OTP\n"
    "Chia sẻ cho người thân!\n\n"
    "Các biện pháp khác:\n"
    "– Tuần tra ban đêm;\n"
    "– Kiểm tra cơ sở kinh doanh.\n\n"
    "Các bước cần làm:\n"
    "1) Không chuyển tiền;\n"
    "2) Báo ngay cho Công an.\n"
)


def test_list_glyphs_pasted_from_word_and_posts_are_lists_on_every_channel() -> None:
    """«•», the Symbol font's bullet, «👉», a run of «– » and «1) 2)» pasted as text were one
    paragraph with the glyphs in it on the website and on Zalo."""
    html = web_html(WORD_LISTS)
    assert html.count("<ul>") == 3 and html.count("<ol>") == 1
    for item in ("Tổ chức 15 buổi tuyên truyền;", "Phát tờ rơi cảnh báo.", "Tuần tra ban đêm;"):
        assert f"<li>{item}</li>" in html
    assert "<li>Không cung cấp mã OTP</li>" in html  # the skin tone went with the glyph
    assert "<li>Báo ngay cho Công an.</li>" in html
    assert "<p>Chia sẻ cho người thân!</p>" in html  # a line of its own, not in the last item
    assert not any(glyph in html for glyph in "•\uf0b7👉–")
    texts = zalo_texts(WORD_LISTS)
    assert "• Tổ chức 15 buổi tuyên truyền;" in texts and "• Phát tờ rơi cảnh báo." in texts
    assert "• Không bấm vào đường link lạ" in texts and "Chia sẻ cho người thân!" in texts
    assert "1. Không chuyển tiền;" in texts and "2. Báo ngay cho Công an." in texts
    script = spoken(WORD_LISTS)
    assert "Không bấm vào đường link lạ; Không cung cấp mã OTP.\n\nChia sẻ" in script
    assert not any(glyph in script for glyph in "•\uf0b7👉")


def test_text_that_only_looks_like_a_pasted_list_is_left_alone() -> None:
    """A lone «– » under a quote is its attribution; «3)» alone, a year, code are not items."""
    body = (
        "> Mỗi người dân là một tai mắt.\n– Thượng tá Nguyễn Văn Hùng\n\n"
        "Năm 2020) là mốc.\n\n3) không phải danh sách\n\n```\n• mã\n```\n"
    )
    html = web_html(body)
    assert "<li>" not in html and "– Thượng tá" in html and "• mã" in html


def test_pdf_item_wrapped_in_lower_case_stays_in_its_item() -> None:
    body = "• Tổ chức tuyên truyền tại\ncác xã, thị trấn;\n• Phát tờ rơi.\n"
    assert "<li>Tổ chức tuyên truyền tại\ncác xã, thị trấn;</li>" in web_html(body)


def test_lettered_cases_each_go_on_their_own_line() -> None:
    body = "Các trường hợp:\na) Trường hợp thứ nhất;\nb) Trường hợp thứ hai.\n"
    assert "Các trường hợp:<br>\na) Trường hợp thứ nhất;<br>\nb) Trường hợp thứ hai." in (
        web_html(body)
    )
    assert zalo_texts(body) == [
        "Các trường hợp:",
        "a) Trường hợp thứ nhất;",
        "b) Trường hợp thứ hai.",
    ]


def test_a_hashtag_line_is_text_not_a_heading_on_the_website_and_zalo() -> None:
    """Python-Markdown made «#luadao #canhbao» a heading (in capitals on Zalo); CommonMark,
    GitHub's preview and the radio script read it as text."""
    body = "Chia sẻ cho người thân.\n\n#luadao #canhbao #CongAnChauThanh\n\n## Mục\n"
    html = web_html(body)
    assert "<p>#luadao #canhbao #CongAnChauThanh</p>" in html and "<h2" in html
    assert zalo_texts(body)[1] == "#luadao #canhbao #CongAnChauThanh"


@pytest.mark.parametrize("tags", ["#CongAn#AnNinh", "#CongAn#AnNinh #ToQuoc", "  #TetAnToan#2026"])
def test_hashtags_joined_without_spaces_are_a_hashtag_line_on_every_channel(tags: str) -> None:
    """QA s74: «#CongAn#AnNinh» was a heading «CongAn#AnNinh» on the website (and in capitals
    on Zalo) while the radio skipped it as hashtags: now a line of hashtags everywhere, as
    «#TetAnToan #ToQuoc» is. «#Tiêu đề» (a space inside) stays the heading it is."""
    body = f"Chia sẻ cho người thân.\n\n{tags}\n\nĐoạn cuối.\n"
    html = web_html(body)
    assert f"<p>{tags.strip()}</p>" in html and "<h2" not in html
    assert zalo_texts(body)[1] == tags.strip()
    assert spoken(body) == spoken("Chia sẻ cho người thân.\n\nĐoạn cuối.\n")
    assert "<h2" in web_html("#CongAn#AnNinh là gì\n\nĐoạn.")


def test_formatting_the_editor_chose_is_kept() -> None:
    """A dialogue's «– » lines with hard breaks, a lone «👉» line and a «#Tiêu đề» heading were
    made a list (trailing spaces in its items), a list of one (the emoji dropped) and text."""
    dialogue = "Đối tượng gọi:\n\n– Alo, tôi là cán bộ.  \n– Dạ, có chuyện gì ạ?  \n– Chị nghe đây."
    html = web_html(dialogue)
    assert "<li>" not in html and "– Alo, tôi là cán bộ.<br>" in html
    lone = web_html("Người dân cần cảnh giác.\n\n👉 Mọi thông tin xin liên hệ 113.")
    assert "<li>" not in lone and "<p>👉 Mọi thông tin xin liên hệ 113.</p>" in lone
    assert "<h2" in web_html("#Tiêu đề\n\nĐoạn.") and "<h2" in web_html("##Tiêu đề\n\nĐoạn.")
    for marks in ("#", "##"):  # the radio script reads them as the headings they are
        typed = spoken(f"Mở đầu.\n\n{marks}Tiêu đề\n\nĐoạn.")
        assert typed == spoken(f"Mở đầu.\n\n{marks} Tiêu đề\n\nĐoạn.")


WRAPPED = "• Trung tá Nguyễn Văn A, Trưởng Công an xã\nTân Bình, nhận nhiệm vụ.\n• Mục hai.\n"


def test_an_item_wrapped_before_a_capitalised_word_stays_one_item_on_every_channel() -> None:
    """The item stops mid-sentence and another follows: the line under it is the item wrapped,
    not a paragraph (a proper noun opened it)."""
    html = web_html(WRAPPED)
    assert "<li>Trung tá Nguyễn Văn A, Trưởng Công an xã\nTân Bình, nhận nhiệm vụ.</li>" in html
    assert "Công an xã Tân Bình, nhận nhiệm vụ. Mục hai." in spoken(WRAPPED)
    assert "👉 Không cung cấp mã OTP" not in web_html(WORD_LISTS)  # a run: still a list


WORD_LEVELS = (
    "Các biện pháp:\n"
    "\uf0b7\tTuần tra ban đêm:\n"
    "o\tTại các xã;\n"
    "o  Tại thị trấn.\n"
    "\uf0b7\tPhát tờ rơi.\n"
)


def test_words_second_level_bullets_are_a_list_in_their_item_on_every_channel(
    tmp_path: Path,
) -> None:
    """Word's «o<Tab>» under a «•<Tab>» item stayed in that item as text («o Tại các xã»), the
    radio read the «o», and two of them in a row were told as a Word table."""
    html = web_html(WORD_LEVELS)
    assert "<li>Tuần tra ban đêm:<ul>\n<li>Tại các xã;</li>\n<li>Tại thị trấn.</li>\n</ul>" in html
    assert "<li>Phát tờ rơi.</li>" in html
    texts = zalo_texts(WORD_LEVELS)
    assert "   • Tại các xã;" in texts and "   • Tại thị trấn." in texts
    script = spoken(WORD_LEVELS)
    assert "Tại các xã" in script and "o Tại" not in script and "O Tại" not in script
    assert warnings_of(tmp_path, WORD_LEVELS) == []


def test_an_o_that_is_a_word_stays_text() -> None:
    """«o» (an aunt) opening a line is an item only as Word writes its second level, under a
    pasted bullet: with one space, or under text or a typed «- » item, it is the word."""
    for body in ("Mở đầu.\n\no  Hoa bế em.\n", "• Một\no Hoa bế em.\n", "- Một\no  Hoa.\n"):
        html = web_html(body)
        assert "o  Hoa" in html or "o Hoa" in html, body
        assert html.count("<li>") <= 1, body


def test_the_word_o_where_a_justified_pdf_line_broke_stays_in_its_item_on_every_channel() -> None:
    """A justified PDF pads its lines with spaces: «o  ép» under a «•» item is the word «o» of
    the item's sentence, not Word's second level (it became a nested item «ép bị hại …»)."""
    body = "• Đối tượng gọi điện dụ dỗ,\no  ép bị hại chuyển tiền.\n• Không cung cấp mã OTP.\n"
    html = web_html(body)
    assert "<li>Đối tượng gọi điện dụ dỗ,\no  ép bị hại chuyển tiền.</li>" in html
    assert html.count("<ul>") == 1
    assert "• Đối tượng gọi điện dụ dỗ, o ép bị hại chuyển tiền." in zalo_texts(body)
    assert "dụ dỗ, o ép bị hại" in spoken(body)


@pytest.mark.parametrize(
    ("body", "nested"),
    [
        ("• Tuần tra:\no  tại các xã.\n", "tại các xã."),  # the item announces a list
        ("• Tuần tra\no  Tại các xã.\n", "Tại các xã."),  # a capital letter opens it
        ("• Tuần tra\no  tại các xã\no  tại thị trấn\n", "tại các xã"),  # another «o» line
        ("• Tuần tra\no\ttại các xã.\n", "tại các xã."),  # Word's own Tab
    ],
)
def test_words_second_level_after_spaces_is_still_a_list_where_it_looks_like_one(
    body: str, nested: str
) -> None:
    assert f"<ul>\n<li>{nested}</li>" in web_html(body)


def test_a_capitalised_line_under_a_numbered_item_is_a_paragraph_on_every_channel() -> None:
    """The website made it a paragraph; the radio read it as the item's end."""
    body = "Năm 2023:\n1) Khởi tố 12 vụ.\n2) Bắt 20 đối tượng.\nĐây là kết quả tốt.\n"
    assert "</ol>\n<p>Đây là kết quả tốt.</p>" in web_html(body)
    assert "Bắt hai mươi đối tượng.\n\nĐây là kết quả tốt." in spoken(body)


# Mended at load, or told ---------------------------------------------------------------------


def test_pdf_ligatures_and_link_tracking_are_mended_at_load(tmp_path: Path) -> None:
    """«ﬁ» (one character from a PDF) is not read by the radio voice nor found by the search;
    «?fbclid=…» tracks whoever opens the link shared from Facebook."""
    body = (
        "Chương trình ﬁnh ﬂy.\n\n"
        "Chi tiết: https://www.facebook.com/congan/posts/123?fbclid=IwAR0abc&mibextid=Zx2c\n\n"
        "[Bài gốc](https://congan.gov.vn/tin?id=7&utm_source=zalo&utm_medium=oa#muc-2) và "
        "https://vneid.gov.vn/?utm_campaign=x&lang=vi\n"
    )
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md(body=body)}))
    [bulletin] = site.bulletins
    assert bulletin.body.strip() + "\n" == (
        "Chương trình finh fly.\n\n"
        "Chi tiết: https://www.facebook.com/congan/posts/123\n\n"
        "[Bài gốc](https://congan.gov.vn/tin?id=7#muc-2) và https://vneid.gov.vn/?lang=vi\n"
    )
    assert site.warnings == ()


@pytest.mark.parametrize(
    ("typed", "mended"),
    [
        ("Trang «https://x.vn/a?utm_source=zalo», và", "Trang «https://x.vn/a», và"),
        ("Xem “https://x.vn/a?gclid=1”!", "Xem “https://x.vn/a”!"),
        ("Xem tại https://x.vn/a?fbclid=IwAR123.", "Xem tại https://x.vn/a."),
        ("https://x.vn/a?id=3&fbclid=IwAR1, rồi", "https://x.vn/a?id=3, rồi"),
        ("https://x.vn/a?fbclid=1;tiếp", "https://x.vn/a;tiếp"),
        ("https://x.vn/a?id=3&fbclid=1;tiếp", "https://x.vn/a?id=3;tiếp"),
        ("https://x.vn/a?utm_source=zalo;id=3", "https://x.vn/a?id=3"),
        ("https://x.vn/a?id=3;utm_source=zalo", "https://x.vn/a?id=3"),
        ("https://x.vn/a?id=3;k;fbclid=1", "https://x.vn/a?id=3;k"),
        ("https://x.vn/a?;x&fbclid=1 và https://y.vn/?;z", "https://x.vn/a?;x và https://y.vn/?;z"),
        ("https://x.vn/a?utm_source=zalo&id=3#muc", "https://x.vn/a?id=3#muc"),
        ("https://x.vn/a?fbclid=1;x&id=3", "https://x.vn/a?;x&id=3"),
        ("https://x.vn/a?a=1&;b=2&fbclid=1", "https://x.vn/a?a=1&;b=2"),
        ("https://x.vn/a?id=3;fbclid=1;tiếp", "https://x.vn/a?id=3;tiếp"),
    ],
)
def test_dropping_tracking_parameters_keeps_the_editors_text(typed: str, mended: str) -> None:
    """The link ended at a quote mark or a sentence's stop no more than on GitHub: the tracking
    parameter took «»,», the stop or «;tiếp» with it; a «?» no parameter follows any more is
    dropped, and only a link that had tracking is changed."""
    assert mend(typed) == mended


def warnings_of(tmp_path: Path, body: str) -> list[tuple[int | None, str]]:
    """(line, message) of each warning about a bulletin with `body` (its first line is 9)."""
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md(body=body)}))
    return [(p.line, p.message) for p in site.warnings]


def test_leftovers_of_a_pdf_are_told_with_their_lines(tmp_path: Path) -> None:
    body = (
        "Các đối tượng lừa đ-\nảo qua điện thoại. Đội Tham mưu -\nCông an huyện.\n\n"
        "Trang 3/5\n\nTiếp theo.\n\n- 4 -\n\nHết.\n"
    )
    found = warnings_of(tmp_path, body)
    assert [line for line, _ in found] == [9, 13]
    assert "«đ-» / «ảo»" in found[0][1] and "«đ- ảo»" in found[0][1]
    assert "«Trang 3/5»" in found[1][1] and "(cả ở dòng 17)" in found[1][1]


def test_a_word_table_and_indented_paragraphs_are_told(tmp_path: Path) -> None:
    body = (
        "Bảng số liệu:\n\nLoại vụ việc\tSố vụ\nLừa đảo\t12\nTrộm cắp\t5\n\n"
        "\tĐoạn thụt đầu dòng bằng Tab.\n\nGiữa.\n\n    Đoạn thụt bốn dấu cách.\n\n"
        "- Mục một\n\n    đoạn thứ hai của mục\n\n"
        "\u00b7\tÝ một\n\u00b7\tÝ hai\n"
    )
    found = warnings_of(tmp_path, body)
    assert [line for line, _ in found] == [11, 15]
    assert found[0][1].startswith("3 dòng có ô ngăn bằng ký tự Tab")
    assert "thụt đầu dòng" in found[1][1] and "(cả ở dòng 19)" in found[1][1]


def test_paragraphs_indented_under_a_footnote_a_definition_or_a_pasted_bullet_are_not_told(
    tmp_path: Path,
) -> None:
    """Each is the block's next paragraph on the website, not code (--strict made it an error)."""
    body = (
        "Theo số liệu[^1].\n\n[^1]: Báo cáo của Công an tỉnh.\n\n    Số liệu đến tháng 10.\n\n"
        "Lừa đảo\n:   Dùng thủ đoạn gian dối.\n\n    Đoạn hai của định nghĩa.\n\n"
        "• Mục một\n\n    Đoạn của mục một.\n"
    )
    assert warnings_of(tmp_path, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Theo số liệu[^1].\n\n[^1]: Báo cáo của Công an tỉnh.\nTháng 10.\n\n    Số liệu.\n",
        "Lừa đảo\n:   Dùng thủ đoạn gian dối.\nChiếm đoạt.\n\n    Đoạn hai của định nghĩa.\n",
        "Mở đầu.\n\n- Mục một\nvà thêm.\n\n    Đoạn của mục một.\n",
    ],
)
def test_a_paragraph_indented_under_lines_typed_on_a_footnote_or_item_is_not_told(
    tmp_path: Path, body: str
) -> None:
    """Lines typed under the block's first without indent go on it (Markdown's lazy lines):
    the paragraph is still the block's on the website, which the check called code."""
    assert "<pre>" not in web_html(body)
    assert warnings_of(tmp_path, body) == []


@pytest.mark.parametrize("hashtags", ["#CongAnTinh", "#CongAn #AnNinhTrật_tự", "#2026"])
@pytest.mark.parametrize(
    "above",
    [
        "Lừa đảo\n:   Dùng thủ đoạn.\n",
        "Theo số liệu[^1].\n\n[^1]: Báo cáo của Công an tỉnh.\n",
        "- Mục một\n",
    ],
)
def test_a_line_of_hashtags_under_a_block_does_not_end_its_lines(
    tmp_path: Path, above: str, hashtags: str
) -> None:
    """A line of hashtags is text on the website (its `#` escaped), no heading: it goes on the
    definition, footnote or item above, whose paragraph the indented one then is. The check
    took it for a heading and told «thụt đầu dòng» (an error under --strict)."""
    body = f"Câu đầu.\n\n{above}{hashtags}\n\n    Đoạn hai của nó.\n\nCâu cuối.\n"
    assert "<pre>" not in web_html(body) and "Đoạn hai của nó." in web_html(body)
    assert warnings_of(tmp_path, body) == []


def test_a_paragraph_indented_under_a_heading_after_a_footnote_is_told(tmp_path: Path) -> None:
    """A heading ends the footnote's lines: the paragraph under it is code on the website."""
    body = "Theo số liệu[^1].\n\n[^1]: Báo cáo.\nTháng 10.\n## Ghi chú\n\n    Số liệu.\n"
    assert "<pre><code>Số liệu." in web_html(body)
    found = warnings_of(tmp_path, body)
    assert [line for line, _ in found] == [15] and "thụt đầu dòng" in found[0][1]


def test_a_paragraph_indented_under_a_lone_pointing_hand_is_told(tmp_path: Path) -> None:
    """A lone «👉» line stays text on the website, so a paragraph indented under it is a box of
    code; the check took the line for a list item (whose next paragraph it would be) and said
    nothing. A lone «👉» line of Tab-separated cells is a table row, as the next one is."""
    body = "Mở đầu.\n\n👉 Mọi thông tin xin liên hệ 113.\n\n    Đoạn thụt đầu dòng.\n"
    assert "<pre><code>Đoạn thụt đầu dòng." in web_html(body)
    found = warnings_of(tmp_path, body)
    assert [line for line, _ in found] == [13] and "thụt đầu dòng" in found[0][1]
    table = warnings_of(tmp_path, "Số liệu:\n\n👉 Loại vụ việc\tSố vụ\nLừa đảo\t12\n")
    assert [line for line, _ in table] == [11] and "2 dòng có ô ngăn" in table[0][1]
    run = "Mở đầu.\n\n👉 Một.\n👉 Hai.\n\n    Đoạn hai của mục.\n"
    assert warnings_of(tmp_path, run) == []  # a run is a list: the paragraph is the item's


def test_a_pasted_book_gets_a_few_warnings_not_one_per_line(tmp_path: Path) -> None:
    """Each cut word and leftover line was a warning of its own (500,000 for a long paste)."""
    body = "lừa đ-\nảo. " * 40 + "\n\n" + "Xem thêm\n\n" * 30
    found = warnings_of(tmp_path, body)
    cut = [m for _, m in found if "ngắt ở cuối dòng" in m]
    leftover = [m for _, m in found if "Xem thêm" in m or "dòng thừa" in m]
    assert len(cut) == len(leftover) == LINES_LISTED + 1
    assert cut[-1].startswith("còn 30 chữ bị ngắt ở cuối dòng bằng dấu gạch nối nữa, từ dòng 19")
    assert leftover[-1].startswith("còn 20 dòng thừa như vậy nữa")


def test_leftovers_of_a_post_or_an_e_mail_are_told(tmp_path: Path) -> None:
    body = (
        "Nội dung.\nXem thêm\n\n"
        "> Vào 20/11/2026, Nguyễn Văn A <a@congan.gov.vn> đã viết:\n> Đề nghị đăng.\n\n"
        "-- \nNguyễn Văn A\nSent from my iPhone\n\n"
        "-----Original Message-----\nFrom: abc@congan.gov.vn\n\n"
        "Trên trang cá nhân, đối tượng đã viết:\n\n```\n-- \n```\n"
    )
    lines = [line for line, _ in warnings_of(tmp_path, body)]
    # A warning without a line sorts first and fails the comparison, as it should.
    assert sorted(lines, key=lambda line: -1 if line is None else line) == [10, 12, 15, 17, 19, 20]


def test_a_bulletin_written_in_markdown_gets_no_paste_warning(tmp_path: Path) -> None:
    body = (
        "## Xem thêm\n\nXem thêm: trang Gửi phản ánh. Đội Tham mưu -\nCông an huyện; COVID-\n19.\n\n"
        "- Mục một\n\n    đoạn thứ hai của mục\n\n| Cột | Cột |\n| --- | --- |\n| a | b |\n\n"
        "Trang 3 của bài có ảnh.\n\nTrên trang cá nhân, đối tượng đã viết:\n\n"
        "```\nTên\tSố\nA\t1\n    thụt\n-- \n```\n\n"
        "<!-- wp:paragraph -->Đoạn chép từ WordPress, mở đầu bằng ghi chú.<!-- /wp:paragraph -->\n"
    )
    assert warnings_of(tmp_path, body) == []


def test_a_warning_found_after_loading_names_the_line_word_spaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A personal data warning on `summary:\\u00a0…` named no line: the lookup of lines read
    the front matter without undoing Word's no-break space."""
    summary = '"Nguyễn Văn A, CCCD 048090001234, bị lừa."'
    text = bulletin_md({"summary": "§", "channels": "[web]"}).replace(
        "summary: §", f"summary:{NBSP}{summary}"
    )
    line = text.split("\n").index(f"summary:{NBSP}{summary}") + 1
    root = make_project(tmp_path, {"content/bai-viet/a.md": text})
    main(["check", "--root", str(root), "--now", "2026-11-29T10:00"])
    err = capsys.readouterr().err
    assert (
        f"content/bai-viet/a.md:{line}: cảnh báo: trường 'summary': có thể là dữ liệu cá nhân"
        in err
    )


def test_curly_quotes_on_a_value_s_next_line_are_the_value_s_own() -> None:
    """A plain value going on over a second line («  Hotline: “Đội CSGT”») is the editor's text:
    its quotes were made YAML quotes as if the line held a key of its own."""
    from publish.frontmatter import straight_quotes

    text = "summary: Người dân cần hỗ trợ xin liên hệ\n  Hotline: “Đội CSGT”\ntitle: “Tiêu đề”"
    mended, changed = straight_quotes(text)
    assert mended.splitlines()[1] == "  Hotline: “Đội CSGT”"
    assert mended.splitlines()[2] == 'title: "Tiêu đề"' and changed == [2]


class _Counted(str):
    """A line of text that counts the characters its slices and indexing copy."""

    copied = 0

    def __getitem__(self, key: Any) -> str:
        """The slice or character, counted."""
        got = super().__getitem__(key)
        _Counted.copied += len(got)
        return got


def test_finding_where_a_quoted_value_closes_grows_with_its_length_only() -> None:
    """A quoted summary going on over a line of 100,000 «\\"» (escaped quotes) took 6.7 s to
    read, ~10 min at the 2 MB a file may have: the text before each quote was copied twice to
    count the backslashes before it. Now each character is looked at a bounded number of times."""
    from publish.key_lines import lines_with_keys

    long = _Counted('\\"' * 5_000 + 'x\\\\"')
    _Counted.copied = 0
    assert list(lines_with_keys(['summary: "Gọi', long, "title: Tin"])) == [0, 2]
    assert _Counted.copied <= 4 * len(long)


@pytest.mark.parametrize(
    "written",
    [
        "“Người dân lưu ý: cảnh giác\n  với cuộc gọi lạ”",
        "‘Người dân lưu ý: cảnh giác\n  với cuộc gọi lạ’  ",
    ],
)
def test_a_value_word_put_in_curly_quotes_over_two_lines_with_a_colon_is_read(
    tmp_path: Path, written: str
) -> None:
    """A summary in curly quotes going on over a second line, with a colon inside: the file
    failed («phần đầu sai cú pháp», its hint saying to put the value in quotes, which the
    editor had done)."""
    files = {"content/bai-viet/a.md": bulletin_md({"summary": written})}
    site = load(make_project(tmp_path, files))
    [bulletin] = site.bulletins
    assert bulletin.summary == "Người dân lưu ý: cảnh giác với cuộc gọi lạ"
    [note] = [p for p in site.warnings if "ngoặc kép cong" in p.message]
    assert note.line == 5


def test_a_value_in_curly_quotes_over_two_lines_that_reads_is_read_as_before(
    tmp_path: Path,
) -> None:
    """Without a colon the file read, quotes and all: it is read so still, or an approval given
    to it (whose fingerprint covers the values as read) would hold the bulletin back."""
    written = "“Người dân cần cảnh giác\n  với cuộc gọi lạ”"
    site = load(
        make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md({"summary": written})})
    )
    assert site.bulletins[0].summary == "“Người dân cần cảnh giác với cuộc gọi lạ”"


def test_earlier_readings_do_not_read_a_value_in_curly_quotes_over_two_lines() -> None:
    """No version before 6238010 could read such a file, so none approved it: read under an
    earlier version's rules (to keep its approvals, key_lines.READINGS_BEFORE) it fails as it
    did then, and cannot lend an approval to an edited file."""
    from publish.frontmatter import FrontMatterError, split
    from publish.key_lines import READINGS_BEFORE

    text = '---\ntitle: "Tin"\nsummary: “Người dân lưu ý: cảnh giác\n  với cuộc gọi lạ”\n---\n\nX\n'
    assert split(text).data["summary"] == "Người dân lưu ý: cảnh giác với cuộc gọi lạ"
    for reading in READINGS_BEFORE:
        with pytest.raises(FrontMatterError, match="phần đầu sai cú pháp"):
            split(text, reading)


def test_curly_quotes_that_do_not_enclose_a_value_over_two_lines_are_the_editor_s_own() -> None:
    """Only quotes opening the value and closing its last line are YAML's."""
    from publish.frontmatter import straight_quotes

    assert straight_quotes("s: “a:\n  b”\nt: x", spanning=True) == ('s: "a:\n  b"\nt: x', [0])
    for text in ("summary: “a” và\n  “b”", "summary: “a\n  b", "summary: “a\n  b”\n  c"):
        assert straight_quotes(text, spanning=True) == (text, [])


def test_the_curly_quote_note_shows_the_line_as_it_should_be_typed(tmp_path: Path) -> None:
    """Word's quotes around a summary: the hint gave `title: "Tiêu đề"` as its example, a line
    the editor had not written; it now gives the editor's own line, retyped."""
    text = bulletin_md({"summary": "“Đối tượng dọa cắt điện để lừa chuyển tiền.”"})
    site = load(make_project(tmp_path, {"content/bai-viet/a.md": text}))
    [note] = [p for p in site.warnings if "ngoặc kép cong" in p.message]
    assert note.line is not None and note.hint is not None
    line = text.splitlines()[note.line - 1]
    assert line.startswith("summary: “")
    assert 'summary: "Đối tượng dọa cắt điện để lừa chuyển tiền."' in note.hint
    assert "Tiêu đề" not in note.hint and "Straight quotes" in note.hint


def test_the_curly_quote_note_of_an_approved_bulletin_says_retyping_needs_approval(
    tmp_path: Path,
) -> None:
    """Following the note on an approved, published bulletin (quotes retyped, nothing else)
    withdrew it from Zalo and the radio until approved again, which the note never said."""
    summary = "“Đối tượng dọa cắt điện để lừa chuyển tiền.”"
    approved = bulletin_md({"summary": summary, "approved_version": '"abc"'})
    fresh = bulletin_md({"summary": summary})
    files = {"content/bai-viet/a.md": approved, "content/bai-viet/b.md": fresh}
    site = load(make_project(tmp_path, files))
    notes = {p.file: p.hint for p in site.warnings if "ngoặc kép cong" in p.message}
    approved_hint, fresh_hint = notes["content/bai-viet/a.md"], notes["content/bai-viet/b.md"]
    assert approved_hint is not None and fresh_hint is not None
    assert "duyệt lại" in approved_hint
    assert "duyệt lại" not in fresh_hint


def test_a_non_joiner_after_punctuation_or_a_space_is_removed(tmp_path: Path) -> None:
    """A zero-width non-joiner is part of no emoji sequence: after «:», «(» or a space it stayed
    in the title and the body, splitting «(lừa» from the search's «lừa»."""
    text = bulletin_md(
        {"title": '"Cảnh báo:\u200c lừa đảo"'},
        body="Thủ đoạn (\u200clừa đảo) mới, \u200cgiả danh.\n",
    )
    [bulletin] = load(make_project(tmp_path, {"content/bai-viet/a.md": text})).bulletins
    assert bulletin.title == "Cảnh báo: lừa đảo"
    assert bulletin.body.strip() == "Thủ đoạn (lừa đảo) mới, giả danh."


def test_a_joiner_pasted_between_digits_is_removed(tmp_path: Path) -> None:
    """A zero-width (non-)joiner after a digit split «123» for the search and the radio script;
    a digit's variation selector is its keycap's (`3️⃣`): kept. One with no keycap after it
    (`7️`, a paste that lost the keycap) shows nothing and split «7» from its search: removed."""
    keycap = "3\ufe0f\u20e3"
    body = f"Xảy ra 12\u200c3 vụ, 4\u200d5 người, 7\ufe0f xe; {keycap} bước.\n"
    text = bulletin_md({}, body=body)
    [bulletin] = load(make_project(tmp_path, {"content/bai-viet/a.md": text})).bulletins
    assert bulletin.body.strip() == f"Xảy ra 123 vụ, 45 người, 7 xe; {keycap} bước."


def test_lines_a_post_opens_with_emoji_each_go_on_their_own_line() -> None:
    """QA s77: «✅ …», «❌ …» lines pasted from Zalo or Facebook ran into one paragraph on the
    website and into one text block on Zalo («… hãng ✅ Không chuyển khoản … ❌ Không bấm …»),
    while the radio read them apart. Each now goes on its own line with its emoji, which tells a
    «do» from a «don't»; the radio reads as before."""
    body = (
        "Người dân lưu ý:\n"
        "✅ Chỉ mua vé tại website của hãng\n"
        "✅ Không chuyển khoản cho tài khoản cá nhân\n"
        "❌ Không bấm vào đường link lạ\n"
    )
    assert (
        "<p>Người dân lưu ý:<br>\n✅ Chỉ mua vé tại website của hãng<br>\n"
        "✅ Không chuyển khoản cho tài khoản cá nhân<br>\n❌ Không bấm vào đường link lạ</p>"
    ) in web_html(body)
    assert zalo_texts(body) == [
        "Người dân lưu ý:",
        "✅ Chỉ mua vé tại website của hãng",
        "✅ Không chuyển khoản cho tài khoản cá nhân",
        "❌ Không bấm vào đường link lạ",
    ]
    assert spoken(body) == (
        "Người dân lưu ý: Chỉ mua vé tại website của hãng, Không chuyển khoản cho tài khoản cá "
        "nhân, Không bấm vào đường link lạ."
    )


def test_steps_numbered_with_keycap_emoji_each_go_on_their_own_line() -> None:
    """«1️⃣ …», «2️⃣ …» steps of a post ran into one paragraph too."""
    body = "Các bước:\n1️⃣ Tải ứng dụng VNeID\n2️⃣ Chọn đăng ký tài khoản\n"
    assert "<p>Các bước:<br>\n1️⃣ Tải ứng dụng VNeID<br>\n2️⃣ Chọn đăng ký tài khoản</p>" in (
        web_html(body)
    )
    assert zalo_texts(body) == ["Các bước:", "1️⃣ Tải ứng dụng VNeID", "2️⃣ Chọn đăng ký tài khoản"]


def test_a_lone_line_opening_with_an_emoji_stays_in_its_paragraph() -> None:
    """One «⚠️ …» line in a paragraph is emphasis, not a list of lines: no line break is added."""
    body = "Thủ đoạn mới.\n⚠️ Đối tượng giả danh nhân viên điện lực.\nHãy cảnh giác.\n"
    assert "<br>" not in web_html(body)
    lines = ["Thủ đoạn mới.", "⚠️ Đối tượng giả danh nhân viên điện lực.", "Hãy cảnh giác."]
    assert "<p>" + "\n".join(lines) + "</p>" in web_html(body)
    assert zalo_texts(body) == [" ".join(lines)]


@pytest.mark.parametrize("lead", ["≥", "→", "≤", "─"])
def test_lines_opening_with_an_arrow_or_a_sign_stay_one_paragraph(lead: str) -> None:
    """Review of session 77: the emoji rule took every symbol from U+2190 (arrows, signs of
    mathematics, box drawing) and broke such lines of a paragraph apart on web and Zalo."""
    body = f"Mức phạt:\n{lead} 5 triệu đồng với cá nhân\n{lead} 10 triệu đồng với tổ chức\n"
    assert "<br>" not in web_html(body)
    lines = ["Mức phạt:", f"{lead} 5 triệu đồng với cá nhân", f"{lead} 10 triệu đồng với tổ chức"]
    assert "<p>" + "\n".join(lines) + "</p>" in web_html(body)
    assert zalo_texts(body) == [" ".join(lines)]


@pytest.mark.parametrize("indent", ["", "  ", "    "], ids=["lazy", "two", "four"])
def test_lines_opening_with_emoji_in_a_list_item_each_go_on_their_own_line(indent: str) -> None:
    """Review of session 77: under «- Mua vé:» the «✅ …», «❌ …» lines ran on after the item's
    words on the website («Mua vé: ✅ Chỉ mua …», or all in one line when indented four) and in
    one Zalo block, while outside a list each has its own line."""
    body = (
        "Lưu ý:\n\n- Mua vé:\n"
        f"{indent}✅ Chỉ mua tại website của hãng\n{indent}❌ Không chuyển khoản cá nhân\n"
        "- Báo ngay cho Công an xã.\n"
    )
    assert (
        f"<li>Mua vé:<br>\n{indent}✅ Chỉ mua tại website của hãng<br>\n"
        f"{indent}❌ Không chuyển khoản cá nhân</li>"
    ) in web_html(body)
    assert [text.strip() for text in zalo_texts(body)] == [
        "Lưu ý:",
        "• Mua vé:",
        "✅ Chỉ mua tại website của hãng",
        "❌ Không chuyển khoản cá nhân",
        "• Báo ngay cho Công an xã.",
    ]
    assert spoken(body) == (
        "Lưu ý: Mua vé: Chỉ mua tại website của hãng, Không chuyển khoản cá nhân; Báo ngay cho "
        "Công an xã."
    )


def test_an_emoji_run_under_a_pasted_bullet_goes_line_by_line_under_its_words() -> None:
    body = "• Mua vé:\n    ✅ Chỉ mua tại website\n    ❌ Không chuyển khoản\n• Khác\n"
    html = web_html(body)
    assert "<p>Mua vé:</p>" in html
    assert "<p>✅ Chỉ mua tại website<br>\n❌ Không chuyển khoản</p>" in html


def test_an_indented_emoji_run_outside_a_list_is_still_code() -> None:
    body = "Mã lỗi:\n\n    ✅ a\n    ❌ b\n"
    assert "<pre><code>✅ a\n❌ b\n</code></pre>" in web_html(body)


def test_a_line_of_text_right_under_an_emoji_run_goes_on_its_own_line() -> None:
    """Session 78: a post's closing line typed right under its «✅ …», «❌ …» lines ran into the
    last of them on every channel («❌ Không bấm đường link lạ. Mọi thắc mắc …»: one line on the
    website, one Zalo block). Pasted, it was a line of its own: the line above ends a sentence
    (without a stop it may have wrapped: see the test after)."""
    body = (
        "Người dân lưu ý:\n"
        "✅ Không chuyển khoản cho tài khoản cá nhân\n"
        "❌ Không bấm đường link lạ.\n"
        "Mọi thắc mắc xin gọi 113.\n"
    )
    assert "❌ Không bấm đường link lạ.<br>\nMọi thắc mắc xin gọi 113.</p>" in web_html(body)
    assert zalo_texts(body)[-2:] == ["❌ Không bấm đường link lạ.", "Mọi thắc mắc xin gọi 113."]
    assert spoken(body) == (
        "Người dân lưu ý: Không chuyển khoản cho tài khoản cá nhân, Không bấm đường link lạ. "
        "Mọi thắc mắc xin gọi một một ba."
    )


def test_the_last_line_of_an_emoji_run_wrapped_in_small_letters_goes_on() -> None:
    """A line under the run opening in small letters is its last line wrapped (typed so, or a
    PDF's line end): it stays on that line, as a pasted bullet's wrapped line does."""
    body = "Lưu ý:\n✅ Chỉ mua vé tại website\n❌ Không bấm vào đường link\nlạ do người khác gửi\n"
    assert "❌ Không bấm vào đường link\nlạ do người khác gửi</p>" in web_html(body)
    assert zalo_texts(body)[-1] == "❌ Không bấm vào đường link lạ do người khác gửi"
    assert "đường link lạ do người khác gửi." in spoken(body)


@pytest.mark.parametrize("indent", ["", "  "], ids=["lazy", "two"])
def test_a_line_of_text_under_an_emoji_run_in_a_list_item_goes_on_its_own_line(
    indent: str,
) -> None:
    body = (
        "- Mua vé:\n"
        f"{indent}✅ Chỉ mua tại website của hãng\n{indent}❌ Không chuyển khoản cá nhân.\n"
        f"{indent}Nếu bị lừa, báo ngay cho Công an xã.\n"
        "- Giữ lại biên lai.\n"
    )
    assert (
        f"❌ Không chuyển khoản cá nhân.<br>\n{indent}Nếu bị lừa, báo ngay cho Công an xã.</li>"
    ) in web_html(body)
    assert [text.strip() for text in zalo_texts(body)][2:4] == [
        "❌ Không chuyển khoản cá nhân.",
        "Nếu bị lừa, báo ngay cho Công an xã.",
    ]
    assert "Không chuyển khoản cá nhân. Nếu bị lừa" in spoken(body)


def test_an_emoji_run_in_a_list_items_second_paragraph_goes_line_by_line() -> None:
    """Session 78: in an item's second paragraph (indented four under a blank line) the
    «✅ …», «❌ …» lines ran into one line on the website and one Zalo block, as they did
    in its first before session 77."""
    body = (
        "- Mua vé tàu Tết:\n\n"
        "    Người dân lưu ý:\n"
        "    ✅ Chỉ mua tại website của hãng\n"
        "    ❌ Không chuyển khoản cá nhân.\n"
        "    Mọi thắc mắc xin gọi 113.\n"
        "- Báo ngay cho Công an xã.\n"
    )
    assert (
        "<p>Người dân lưu ý:<br>\n✅ Chỉ mua tại website của hãng<br>\n"
        "❌ Không chuyển khoản cá nhân.<br>\nMọi thắc mắc xin gọi 113.</p>"
    ) in web_html(body)
    assert [text.strip() for text in zalo_texts(body)] == [
        "• Mua vé tàu Tết:",
        "Người dân lưu ý:",
        "✅ Chỉ mua tại website của hãng",
        "❌ Không chuyển khoản cá nhân.",
        "Mọi thắc mắc xin gọi 113.",
        "• Báo ngay cho Công an xã.",
    ]
    assert "Chỉ mua tại website của hãng, Không chuyển khoản cá nhân. Mọi thắc mắc" in (
        spoken(body)
    )


def test_an_emoji_run_under_a_list_item_as_code_stays_code() -> None:
    """Eight columns under a top-level item, after a blank line, is a code block in the item."""
    body = "- Mã lỗi:\n\n        ✅ a\n        ❌ b\n"
    assert "<pre><code>✅ a\n❌ b\n</code></pre>" in web_html(body)


def test_a_line_under_keycap_steps_is_its_own_on_air_too() -> None:
    """The radio reads keycap steps as a list: the line under them was read on in the last step
    («… Chọn đăng ký tài khoản Chúc bà con thành công!») while the page shows it apart."""
    body = "Các bước:\n1️⃣ Tải ứng dụng VNeID\n2️⃣ Chọn đăng ký tài khoản.\nChúc bà con thành công!\n"
    assert "2️⃣ Chọn đăng ký tài khoản.<br>\nChúc bà con thành công!</p>" in web_html(body)
    assert zalo_texts(body)[-2:] == ["2️⃣ Chọn đăng ký tài khoản.", "Chúc bà con thành công!"]
    assert "Chọn đăng ký tài khoản." in spoken(body)
    assert "tài khoản Chúc" not in spoken(body)


def test_hashtags_under_an_emoji_run_are_a_line_of_their_own() -> None:
    """«#luadao #canhbao» closing a post ran on after its last «❌ …» line on web and Zalo."""
    body = "Lưu ý:\n✅ Chỉ mua tại website\n❌ Không chuyển khoản\n#luadao #canhbao\n"
    assert "❌ Không chuyển khoản<br>\n#luadao #canhbao</p>" in web_html(body)
    assert zalo_texts(body)[-2:] == ["❌ Không chuyển khoản", "#luadao #canhbao"]
    assert spoken(body) == "Lưu ý: Chỉ mua tại website, Không chuyển khoản."


def test_emoji_led_lines_opening_with_a_number_are_read_apart() -> None:
    """The radio drops an emoji with no pause before a digit (`gọi 📞 113` stays one phrase):
    «📌 Năm 2024⏎📌 2025 tăng 10%» was read «Năm hai nghìn … hai mươi tư hai nghìn … hai mươi
    lăm tăng …», and «tại nhà văn hóa⏎✅ 120 người» as one phrase, while the page shows lines."""
    body = "Tuyên truyền tại nhà văn hóa\n✅ 120 người tham dự\n✅ 300 tờ rơi được phát\n"
    assert "nhà văn hóa<br>\n✅ 120 người tham dự<br>\n✅ 300 tờ rơi được phát</p>" in (
        web_html(body)
    )
    assert spoken(body) == (
        "Tuyên truyền tại nhà văn hóa, một trăm hai mươi người tham dự, ba trăm tờ rơi được phát."
    )
    years = spoken("Số vụ:\n📌 Năm 2024\n📌 2025 tăng 10%\n")
    assert "hai mươi tư, hai nghìn" in years


def test_a_line_of_hashtags_right_under_text_stays_its_own_line() -> None:
    """A post's «#canhgiac #luadao» under its last sentence ran on after it on the website and
    in its Zalo block («… cùng biết! #canhgiac #luadao»); the radio reads no hashtags."""
    body = "Hãy chia sẻ để người thân cùng biết!\n#canhgiac #luadao\n"
    assert "<p>Hãy chia sẻ để người thân cùng biết!<br>\n#canhgiac #luadao</p>" in web_html(body)
    assert zalo_texts(body) == ["Hãy chia sẻ để người thân cùng biết!", "#canhgiac #luadao"]
    assert spoken(body) == "Hãy chia sẻ để người thân cùng biết!"


def test_a_rule_under_an_emoji_run_is_no_line_of_text() -> None:
    """«---» under the run is the rule it is; the run's last line is left as typed."""
    html = web_html("Lưu ý:\n✅ Chỉ mua tại website\n❌ Không chuyển khoản\n---\nSau.\n")
    assert "❌ Không chuyển khoản</p>\n<hr>" in html


def test_service_numbers_a_post_lists_with_a_phone_sign_are_said_as_numbers() -> None:
    """«☎️ 114 - Cứu hỏa» under «☎️ 113 - Công an» was read «Công an một trăm mười bốn»: the
    number of a line of the run is a phone number as on a line of its own («số một một bốn»)."""
    body = "Số điện thoại cần nhớ:\n☎️ 113 - Công an\n☎️ 114 - Cứu hỏa\n☎️ 115 - Cấp cứu\n"
    assert spoken(body) == (
        "Số điện thoại cần nhớ: một một ba, Công an, số một một bốn, Cứu hỏa, số một một năm, "
        "Cấp cứu."
    )


@pytest.mark.parametrize(
    ("body", "read"),
    [
        (
            "✅ Khi bị đe dọa, hãy gọi ngay\n✅ Khi phát hiện cháy, gọi ngay\n"
            "114 để được lực lượng chữa cháy hỗ trợ.\n",
            "gọi ngay một một bốn để được lực lượng chữa cháy hỗ trợ.",
        ),
        (
            "✅ Không tin lời người lạ\n✅ Khi nghi ngờ, gọi đường dây nóng\n"
            "113 hoặc 0277 3851 234 để được hỗ trợ.\n",
            "gọi đường dây nóng một một ba hoặc không hai bảy bảy",
        ),
        (
            "✅ Không tin lời người lạ.\n✅ Khi nghi ngờ, báo ngay cho Công an xã\n"
            "Tân Bình để được hỗ trợ.\n",
            "báo ngay cho Công an xã Tân Bình để được hỗ trợ.",
        ),
        (
            "✅ Không tin lời người lạ\n❌ Không cung cấp mã OTP hay\n“hoàn tiền” của người lạ.\n",
            "mã OTP hay “hoàn tiền” của người lạ.",
        ),
    ],
    ids=["service-number", "hotline", "place-name", "quote"],
)
def test_a_line_under_an_emoji_run_whose_last_line_ends_no_sentence_goes_on_it(
    body: str, read: str
) -> None:
    """Review of session 78: a line under a run opening with a number, a place's name or a
    quote was split off mid-sentence on every channel («gọi ngay<br>114», its own Zalo block, «gọi
    ngay. Một trăm mười bốn» on air where a service number is read digit by digit, R9.3). A
    post's lines often have no stop, so only a line ending a sentence tells the next is its own:
    otherwise the line wrapped, as before session 78."""
    last, under = body.splitlines()[1:]
    assert f"{last}\n{under}</p>" in web_html(body)
    assert zalo_texts(body)[-1] == f"{last} {under}"
    assert read in spoken(body)


@pytest.mark.parametrize(
    "last",
    [
        "❌ Không bấm đường link lạ.",
        "❌ Không bấm đường link lạ 🚫",
        "❌ Không bấm link (kể cả Zalo)",
    ],
    ids=["stop", "emoji", "bracket"],
)
def test_a_line_under_an_emoji_run_ending_a_sentence_is_its_own(last: str) -> None:
    """The run's last line ends with a stop, an emoji or a closing bracket: the capitalised line
    under it is a line of its own on every channel, a new sentence on air."""
    body = f"✅ Không chuyển khoản.\n{last}\nMọi thắc mắc xin gọi 113.\n"
    assert f"{last}<br>\nMọi thắc mắc xin gọi 113.</p>" in web_html(body)
    assert zalo_texts(body)[-2:] == [last, "Mọi thắc mắc xin gọi 113."]
    assert spoken(body).endswith(". Mọi thắc mắc xin gọi một một ba.")


@pytest.mark.parametrize(
    "last",
    [
        "❌ **Không bấm link lạ.**",
        "❌ *Không bấm link lạ.*",
        "❌ _Không bấm link lạ._",
        "❌ **Không bấm link lạ 🚫**",
        "❌ `Không bấm link lạ.`",
    ],
    ids=["bold", "italic", "underscore", "bold-emoji", "code"],
)
def test_a_run_line_ending_a_sentence_in_emphasis_ends_it(last: str) -> None:
    """Review of session 78: a run's last line in bold («❌ **Không bấm link lạ.**») ends in
    `**`, not in its stop: the website and Zalo ran «Mọi thắc mắc xin gọi 113.» into it while
    the radio read it apart. The stop is looked for before the marks closing an emphasis."""
    body = f"✅ **Không chuyển khoản.**\n{last}\nMọi thắc mắc xin gọi 113.\n"
    assert "<br>\nMọi thắc mắc xin gọi 113.</p>" in web_html(body)
    assert zalo_texts(body)[-1] == "Mọi thắc mắc xin gọi 113."
    assert spoken(body).endswith(". Mọi thắc mắc xin gọi một một ba.")


LINK_LINE = "❌ Xem hướng dẫn tại [đây](https://dichvucong.gov.vn)"


def test_a_run_line_ending_in_a_link_goes_on_and_the_radio_keeps_the_next_sentence() -> None:
    """Review of session 78: the `)` closing a link was taken for a sentence's end, so the
    website and Zalo put «Mọi thắc mắc…» on a line of its own, while the radio, dropping the
    link's sentence (R1.3), dropped the hotline with it: on air only «Không chuyển khoản.».
    The link ends no sentence: the line goes on, on the website and Zalo alike, and on air
    the link's sentence ends with its line, the hotline said."""
    body = f"✅ Không chuyển khoản.\n{LINK_LINE}\nMọi thắc mắc xin gọi 113.\n"
    assert '">đây</a>\nMọi thắc mắc xin gọi 113.</p>' in web_html(body)
    assert zalo_texts(body)[-1] == (
        "❌ Xem hướng dẫn tại đây (https://dichvucong.gov.vn) Mọi thắc mắc xin gọi 113."
    )
    assert spoken(body) == "Không chuyển khoản. Mọi thắc mắc xin gọi một một ba."


@pytest.mark.parametrize(
    "body",
    [
        f"✅ Không chuyển khoản.\n{LINK_LINE}.\nMọi thắc mắc xin gọi 113.\n",
        f"✅ Không chuyển khoản.\n{LINK_LINE}\n✅ Mọi thắc mắc xin gọi 113.\n",
        "Không chuyển khoản. Xem hướng dẫn tại [đây](https://dichvucong.gov.vn)\n"
        "Mọi thắc mắc xin gọi 113.\n",
        "Không chuyển khoản. Xem hướng dẫn tại **[đây](https://dichvucong.gov.vn)**\n"
        "Mọi thắc mắc xin gọi 113.\n",
    ],
    ids=["stop-after-link", "run-goes-on", "paragraph", "bold-link"],
)
def test_the_radio_never_drops_the_line_under_a_dropped_link_line(body: str) -> None:
    """With a stop after the link, in a run that goes on, or in a paragraph, the sentence the
    radio drops for its link is its own line's: the next line is said."""
    assert spoken(body) == "Không chuyển khoản. Mọi thắc mắc xin gọi một một ba."


def test_a_link_line_over_a_line_in_small_letters_is_one_sentence_on_air() -> None:
    """The line under a link in small letters is its sentence going on: no stop is put there."""
    body = "Đối tượng gửi [đường link](https://a.vn)\ncho nạn nhân. Mọi thắc mắc gọi 113.\n"
    assert spoken(body) == "Đối tượng gửi đường link cho nạn nhân. Mọi thắc mắc gọi một một ba."


def test_a_line_under_keycap_steps_ending_no_sentence_is_the_step_wrapped_on_air_too() -> None:
    """As on the website and Zalo, the radio reads the line under a step with no stop as the step
    going on, not a sentence of its own."""
    body = "Các bước:\n1️⃣ Tải ứng dụng VNeID\n2️⃣ Chọn đăng ký tài khoản\nđể nhận mã.\n"
    assert "2️⃣ Chọn đăng ký tài khoản\nđể nhận mã.</p>" in web_html(body)
    assert "Chọn đăng ký tài khoản để nhận mã." in spoken(body)
    body = "Các bước:\n1️⃣ Tải ứng dụng VNeID\n2️⃣ Chọn đăng ký tài khoản\nTại nhà.\n"
    assert "2️⃣ Chọn đăng ký tài khoản\nTại nhà.</p>" in web_html(body)
    assert zalo_texts(body)[-1] == "2️⃣ Chọn đăng ký tài khoản Tại nhà."
    assert "Chọn đăng ký tài khoản Tại nhà." in spoken(body)


def test_a_phone_emoji_before_a_count_after_a_comma_says_no_number_sign() -> None:
    """Review of session 78: «📱 12 điện thoại» after a comma was read «số mười hai điện thoại»:
    only a telephone sign before a service or a phone number is a phone's «số»."""
    said = spoken("Kết quả: thu giữ 🏍️ 3 xe máy, 📱 12 điện thoại di động.")
    assert said == "Kết quả: thu giữ ba xe máy, mười hai điện thoại di động."
    run = spoken("Kết quả:\n🏍️ 3 xe máy\n📱 12 điện thoại di động\n📞 40 cuộc gọi được xác minh\n")
    assert "ba xe máy, mười hai điện thoại di động, bốn mươi cuộc gọi" in run
    phones = spoken("Liên hệ:\n☎️ 0277 3851 234 - Công an xã\n📞 0912 345 678 - Trưởng công an\n")
    assert "Công an xã, số không chín một hai, ba bốn năm, sáu bảy tám" in phones
    # After a sentence's end, or opening the paragraph, the same (helper radio3): «Thu giữ 3
    # xe. 📱 12 điện thoại.» was read «… Số mười hai điện thoại.».
    assert spoken("Thu giữ 3 xe. 📱 12 điện thoại.") == "Thu giữ ba xe. Mười hai điện thoại."
    assert spoken("Xác minh xong. 📞 40 cuộc gọi.") == "Xác minh xong. Bốn mươi cuộc gọi."
    assert spoken("📱 12 điện thoại bị thu giữ.") == "Mười hai điện thoại bị thu giữ."
    assert spoken("Cần giúp? ☎️ 113 ngay.") == "Cần giúp? Số một một ba ngay."
    assert spoken("Liên hệ. 📱 0912.345.678.") == (
        "Liên hệ. Số không chín một hai, ba bốn năm, sáu bảy tám."
    )


@pytest.mark.parametrize(
    ("last", "line", "read"),
    [
        (
            "✅ Không mua qua mạng",
            "✅ Mua vé tại quầy<br>\n  ✅ Không mua qua mạng\n  Mọi thắc mắc gọi 113.</li>",
            "Mua vé tại quầy, Không mua qua mạng Mọi thắc mắc gọi một một ba.",
        ),
        (
            "✅ Không mua qua mạng.",
            "✅ Mua vé tại quầy<br>\n  ✅ Không mua qua mạng.<br>\n  Mọi thắc mắc gọi 113.</li>",
            "Mua vé tại quầy, Không mua qua mạng. Mọi thắc mắc gọi một một ba.",
        ),
    ],
    ids=["wrapped", "ended"],
)
def test_an_emoji_run_opening_a_list_item_goes_line_by_line_on_every_channel(
    last: str, line: str, read: str
) -> None:
    """Review of session 78: «- ✅ Mua vé tại quầy» with «✅ …» lines under it is a run on air
    (the item's text), but the website and Zalo saw no run and ran the lines into one."""
    body = f"- ✅ Mua vé tại quầy\n  {last}\n  Mọi thắc mắc gọi 113.\n"
    assert line in web_html(body)
    texts = [text.strip() for text in zalo_texts(body)]
    assert texts[0] == "• ✅ Mua vé tại quầy"
    assert texts[1].startswith(last)
    assert spoken(body) == read
    above = web_html(f"Lưu ý:\n✅ Chỉ mua tại quầy\n❌ Không mua qua mạng\n{body}")
    assert "❌ Không mua qua mạng</p>\n<ul>\n<li>✅ Mua vé tại quầy<br>" in above  # no run across


def test_an_emoji_run_in_an_outer_items_paragraph_after_a_nested_item_goes_line_by_line() -> None:
    """Review of session 78: only the last item's column was known, so a later paragraph of the
    outer item after a nested one was taken out of the list: its run was one line."""
    body = (
        "- Mua vé tàu Tết:\n"
        "    - Tại quầy ga.\n\n"
        "    Người dân lưu ý:\n"
        "    ✅ Chỉ mua tại website của hãng\n"
        "    ❌ Không chuyển khoản cá nhân\n"
        "- Báo ngay cho Công an xã.\n"
    )
    assert (
        "<p>Người dân lưu ý:<br>\n✅ Chỉ mua tại website của hãng<br>\n"
        "❌ Không chuyển khoản cá nhân</p>"
    ) in web_html(body)
    assert [text.strip() for text in zalo_texts(body)][2:5] == [
        "Người dân lưu ý:",
        "✅ Chỉ mua tại website của hãng",
        "❌ Không chuyển khoản cá nhân",
    ]
    assert "Chỉ mua tại website của hãng, Không chuyển khoản cá nhân." in spoken(body)


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (
            "- Liên hệ [Công an xã](https://congan.vn/a)\n  Tân Hòa để được hỗ trợ.\n",
            "Liên hệ Công an xã Tân Hòa để được hỗ trợ.",
        ),
        (
            "Theo [Báo Công an](https://cand.com.vn/a)\nCông an huyện Tân Châu đã bắt 2 đối tượng.\n",
            "Theo Báo Công an Công an huyện Tân Châu đã bắt hai đối tượng.",
        ),
        (
            "Ông [Nguyễn Văn A](https://x.vn/a)\nChủ tịch UBND xã cho biết như vậy.\n",
            "Ông Nguyễn Văn A Chủ tịch Ủy ban nhân dân xã cho biết như vậy.",
        ),
    ],
    ids=["place", "source", "person"],
)
def test_a_link_read_on_air_carries_its_sentence_on_past_a_capital(body: str, said: str) -> None:
    """Review of s78-mend3: the stop after a link line was put after every link over a capital,
    though only a sentence dropped for its link (R1.3) needs it; a place, a newspaper, a person
    linked and read cut their sentence in two («Liên hệ Công an xã. Tân Hòa …»)."""
    assert spoken(body) == said


def test_the_radio_keeps_the_line_under_a_link_whose_sentence_began_a_line_before() -> None:
    """Review of 3e6919de: the pointing words («xem thêm») were looked for on the link's line
    alone; a sentence wrapped before its link took the hotline under it off the air again."""
    body = (
        "Người dân có nhu cầu xem thêm hướng dẫn\n"
        "trên [Cổng dịch vụ công](https://dichvucong.gov.vn)\n"
        "Mọi thắc mắc xin gọi 113.\n"
    )
    assert spoken(body) == "Mọi thắc mắc xin gọi một một ba."
