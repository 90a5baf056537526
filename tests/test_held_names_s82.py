"""Session 82 (helper held): two ways a published page named a held bulletin and the check said
nothing.

A hand-typed figure's caption («<figcaption>Xem 2020-12-22-vu-an-mat.md</figcaption>») naming a
held file or its page's address: the website dropped it when typed on one line, showed it when
typed on several or with markup inside, and the check told neither. A held bulletin's page
address or slug typed with Vietnamese marks or «_» («/2020/12/vụ-án-mat/», «vu_an_mat») spells
its slug as much as «/2020/12/vu-an-mat/» does (folded as slugs are made): the check told none."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.links import held_words
from publish.render.web.search import plain_text
from publish.titled_names import caption_words
from tests.helpers import bulletin_md
from tests.test_held_links import NEUTRAL, index_terms, run, sent, with_b, write_held_draft

HELD = "content/bai-viet/2020-12-22-vu-an-mat.md"
"""A draft: its name, its slug and its page's address must not go out."""
IMG = '<img src="/images/bia.jpg" alt="x">'
FIGURES = {
    "its file, one line": (
        f"<figure>{IMG}<figcaption>Xem 2020-12-22-vu-an-mat.md</figcaption></figure>",
        12,
    ),
    "its page, one line": (
        f"<figure>{IMG}<figcaption>Xem /2020/12/vu-an-mat/</figcaption></figure>",
        12,
    ),
    "its file, several lines": (
        f"<figure>\n{IMG}\n<figcaption>Xem 2020-12-22-vu-an-mat.md</figcaption>\n</figure>",
        14,
    ),
    "its file in italics": (
        f"<figure>{IMG}<figcaption>Xem <em>2020-12-22-vu-an-mat.md</em></figcaption></figure>",
        12,
    ),
    "the caption first": (
        f"<figure><figcaption>Xem 2020-12-22-vu-an-mat.md</figcaption>{IMG}</figure>",
        12,
    ),
}
"""A hand-typed figure whose caption names the held draft, and the caption's line."""


@pytest.mark.parametrize(("figure", "line"), FIGURES.values(), ids=FIGURES.keys())
def test_a_hand_typed_caption_naming_a_held_bulletin_goes_out_on_no_channel_and_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], figure: str, line: int
) -> None:
    """The page and the feeds dropped it on one line and showed it otherwise, Zalo showed it
    always, and the check told none: the photo stays, its caption goes, the check tells it."""
    root = with_b(tmp_path, f"Công an.\n\n{figure}\n")
    write_held_draft(root, HELD)
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert 'alt="x"' in page
    for path, text in sent(root).items():
        assert "vu-an-mat" not in text, path
    address = "/2020/" in figure
    # The index drops a file's name typed anywhere, not an address's words: the check says so.
    assert address or not index_terms(root) & {"mat"}
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    named = (
        "địa chỉ trang «/2020/12/vu-an-mat/»" if address else "tên tệp «2020-12-22-vu-an-mat.md»"
    )
    indexed = ", nhưng chỉ mục tìm kiếm vẫn lấy các chữ của địa chỉ ấy" if address else "\n"
    assert (
        f"content/bai-viet/2021-01-01-b.md:{line}: cảnh báo: chú thích (figcaption) của ảnh nêu "
        f"{named} của bản tin không được đăng lúc này: bản nháp (draft: true) (tệp {HELD}); "
        f"website bỏ chú thích ấy đi{indexed}"
    ) in err, err
    assert "khỏi chú thích của ảnh, hoặc viết chú thích bằng lời của mình." in err
    # The page drops it: no warning says the page shows it as typed.
    assert "hiện nguyên văn trên website" not in err, err


def test_two_captions_of_one_line_naming_a_held_page_are_both_dropped_as_the_check_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second caption's name was told already (same line), and the check then did not count
    that caption as dropped: it said its address showed as typed, which the page drops too."""
    caption = f"<figure>{IMG}<figcaption>Xem /2020/12/vu-an-mat/</figcaption></figure>"
    root = with_b(tmp_path, f"Công an.\n\n{caption}{caption}\n")
    write_held_draft(root, HELD)
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert "vu-an-mat" not in page
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert "chú thích (figcaption) của ảnh nêu địa chỉ trang «/2020/12/vu-an-mat/»" in err, err
    assert "hiện nguyên văn trên website" not in err, err


def test_a_hand_typed_caption_naming_a_published_bulletin_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its name is no secret: the caption stays on the page and Zalo, and nothing is told."""
    root = with_b(tmp_path, f"Công an.\n\n{FIGURES['its file, several lines'][0]}\n")
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert "<figcaption>Xem 2020-12-22-vu-an-mat.md</figcaption>" in page
    assert "Xem 2020-12-22-vu-an-mat.md" in (root / "output/zalo/b.json").read_text("utf-8")
    capsys.readouterr()
    run(root, "check")
    assert "chú thích (figcaption)" not in capsys.readouterr().err


TYPED = {
    "with Vietnamese marks": "/2020/12/vụ-án-mat/",
    "with underscores": "/2020/12/vu_an_mat/",
    "marks, capitals and underscores": "/2020/12/Vụ_Án_Mat",
}
"""The held draft's page address typed otherwise than its slug, its words the slug's."""


@pytest.mark.parametrize("written", TYPED.values(), ids=TYPED.keys())
def test_a_held_page_address_typed_with_marks_or_underscores_as_text_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """The page shows it as typed, the held slug's words in it, and the check said nothing."""
    root = with_b(tmp_path, f"Công an.\n\nXem {written} sau.\n")
    write_held_draft(root, HELD)
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert f"Xem {written} sau." in page  # shown as typed: the check must say so
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert (
        f"content/bai-viet/2021-01-01-b.md:12: cảnh báo: nội dung bài nêu địa chỉ trang "
        f"«{written}» của bản tin không được đăng lúc này: bản nháp (draft: true) (tệp {HELD}); "
        "địa chỉ ấy hiện nguyên văn trên website"
    ) in err, err


def test_an_address_of_another_slug_typed_with_marks_is_not_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«vụ-án-mật-2» folds to another slug than the held one: no warning."""
    root = with_b(tmp_path, "Công an.\n\nXem /2020/12/vụ-án-mật-2/ và /2020/11/vụ-án-mat/ sau.\n")
    write_held_draft(root, HELD)
    capsys.readouterr()
    run(root, "check")
    assert "nội dung bài nêu địa chỉ trang" not in capsys.readouterr().err


WORDS = {
    "its slug with underscores": "vu_an_mat",
    "its address with marks": "/2020/12/vụ-án-mat/",
    "its address with underscores": "/2020/12/vu_an_mat/",
    "its name with marks": "2020-12-22-vụ-án-mật.md",
}
"""A link to the held draft whose words spell its slug, typed otherwise than the slug."""


@pytest.mark.parametrize("words", WORDS.values(), ids=WORDS.keys())
def test_link_words_spelling_a_held_slug_folded_go_neutral(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: str
) -> None:
    """«[vu-an-mat](…)» showed neutral words, «[vu_an_mat](…)» its own: the held slug's words
    went out on the page, the feeds and Zalo while the check told only the link."""
    assert held_words("2020-12-22-vu-an-mat.md", words) == NEUTRAL
    root = with_b(tmp_path, f"Công an.\n\nXem [{words}](2020-12-22-vu-an-mat.md) sau.\n")
    write_held_draft(root, HELD)
    assert run(root, "build", "-q") == 0
    out = root / "output"
    assert f"Xem {NEUTRAL} sau." in (out / "web/2021/01/b/index.html").read_text("utf-8")
    assert f"Xem {NEUTRAL} sau." in (out / "zalo/b.json").read_text("utf-8")
    for path, text in sent(root).items():
        assert words not in text, path
    capsys.readouterr()
    run(root, "check")
    assert "trỏ tới bản tin không được đăng lúc này" in capsys.readouterr().err


@pytest.mark.parametrize("words", ["vụ án mật", "Vụ án mật đã xử", "vu_an"])
def test_link_words_of_their_own_stay(words: str) -> None:
    """Words (not one word spelling the slug) or a shorter slug are words of their own."""
    assert held_words("2020-12-22-vu-an-mat.md", words) is None


TITLED = {
    "a link's title": 'Xem [đây](https://x.vn "/2020/12/vụ-án-mat/") sau.',
    "a hand-typed caption": f"<figure>{IMG}<figcaption>Xem /2020/12/vu_an_mat/</figcaption></figure>",
}


@pytest.mark.parametrize("line", TITLED.values(), ids=TITLED.keys())
def test_a_title_or_caption_naming_a_held_page_typed_otherwise_is_dropped_and_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    """The page kept «title="/2020/12/vụ-án-mat/"», the held slug's words in it, and the check
    said nothing; as «/2020/12/vu-an-mat/» it was dropped and told."""
    root = with_b(tmp_path, f"Công an.\n\n{line}\n")
    write_held_draft(root, HELD)
    assert run(root, "build", "-q") == 0
    for path, text in sent(root).items():
        assert "vụ-án-mat" not in text and "vu_an_mat" not in text, path
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert "content/bai-viet/2021-01-01-b.md:12: cảnh báo: " in err, err
    assert (
        f"của bản tin không được đăng lúc này: bản nháp (draft: true) (tệp {HELD}); website bỏ"
        in err
    )
    assert "hiện nguyên văn trên website" not in err, err


BLOCK_CAPTIONS = {
    "in a paragraph": f"<figure>{IMG}<figcaption><p>Xem 2020-12-22-vu-an-mat.md</p></figcaption>"
    "</figure>",
    "in a div": f"<figure>{IMG}<figcaption><div>Xem 2020-12-22-vu-an-mat.md</div></figcaption>"
    "</figure>",
    "its page in a paragraph": f"<figure>{IMG}<figcaption><p>Xem /2020/12/vu-an-mat/</p>"
    "</figcaption></figure>",
    "nested": f"<figure>{IMG}<figcaption><div><p>Xem <em>2020-12-22-vu-an-mat.md</em></p></div>"
    "</figcaption></figure>",
    "the second of several paragraphs": f"<figure>\n{IMG}\n<figcaption>\n<p>Ảnh hiện trường.</p>"
    "\n<p>Xem 2020-12-22-vu-an-mat.md</p>\n</figcaption>\n</figure>",
}
"""A hand-typed caption naming the held draft, its words in block tags: Zalo ended the caption's
words as a paragraph at «</p>», before the caption ended, and kept them."""


@pytest.mark.parametrize("figure", BLOCK_CAPTIONS.values(), ids=BLOCK_CAPTIONS.keys())
def test_a_held_naming_caption_in_block_tags_goes_out_on_no_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], figure: str
) -> None:
    """The page and the feeds drop the whole caption, and so does Zalo now: every paragraph of
    it (one names the held page), the photo kept; the check tells it."""
    root = with_b(tmp_path, f"Công an.\n\n{figure}\n\nHết.\n")
    write_held_draft(root, HELD)
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert 'alt="x"' in page and "<figcaption" not in page
    for path, text in sent(root).items():
        assert "vu-an-mat" not in text and "Ảnh hiện trường" not in text, path
    zalo = (root / "output/zalo/b.json").read_text("utf-8")
    assert "Công an." in zalo and "Hết." in zalo and '"content": "Xem 2020' not in zalo
    capsys.readouterr()
    run(root, "check")
    assert "cảnh báo: chú thích (figcaption) của ảnh nêu " in capsys.readouterr().err


def test_a_caption_in_block_tags_naming_a_published_bulletin_is_kept_on_zalo(
    tmp_path: Path,
) -> None:
    """Its name is no secret: each of its paragraphs stays on the page and Zalo."""
    root = with_b(tmp_path, f"Công an.\n\n{BLOCK_CAPTIONS['the second of several paragraphs']}\n")
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert "<p>Xem 2020-12-22-vu-an-mat.md</p>" in page
    zalo = (root / "output/zalo/b.json").read_text("utf-8")
    assert "Ảnh hiện trường." in zalo and "Xem 2020-12-22-vu-an-mat.md" in zalo


PUBLISHED_WORDS = {
    "Hướng-dẫn": "2020-12-23-huong-dan.md",
    "Cập_nhật": "2020-12-22-cap-nhat.md",
    "Đà_Nẵng": "2020-12-22-da-nang.md",
    "COVID_19": "2020-12-22-covid-19.md",
    "Tin_tức": "tin-tuc.md",
}
"""Words of a reader's own, joined by «-» or «_», that fold to the slug of the file linked."""


@pytest.mark.parametrize(("words", "file"), PUBLISHED_WORDS.items(), ids=PUBLISHED_WORDS.keys())
def test_the_index_keeps_the_words_of_a_link_that_fold_to_its_slug(words: str, file: str) -> None:
    """The index does not know which file is held: a lone slug is compared as typed there, as
    before session 82, so «[Cập_nhật](2020-12-22-cap-nhat.md)» keeps «Cập_nhật»."""
    assert plain_text(f"Đọc [{words}]({file}) nay.") == f"Đọc  {words}  nay."


def test_a_published_bulletin_is_found_by_its_link_words_that_fold_to_a_slug(
    tmp_path: Path,
) -> None:
    """A reader searching «hướng dẫn» found B before session 82; its link words fold to the
    linked bulletin's slug, which is published: nothing to hold back."""
    root = with_b(tmp_path, "Công an.\n\nĐọc [Hướng-dẫn](2020-12-23-huong-dan.md) nay.\n")
    (root / "content/bai-viet/2020-12-23-huong-dan.md").write_text(
        bulletin_md({"id": "hd", "title": '"Thủ tục"', "date": "2020-12-23 09:00"}), "utf-8"
    )
    assert run(root, "build", "-q", "--channel", "web") == 0
    assert {"huong", "dan"} <= index_terms(root)


@pytest.mark.parametrize("words", ["/2020/12/vụ-án-mat/", "2020-12-22-vụ-án-mật.md"])
def test_the_index_drops_an_address_or_file_name_of_a_held_page_typed_with_marks(
    tmp_path: Path, words: str
) -> None:
    """No reader types an address or a file's name as words of their own: folded, it spells
    the held slug, and the index takes none of its words («mat»)."""
    root = with_b(tmp_path, f"Công an.\n\nXem [{words}](2020-12-22-vu-an-mat.md) sau.\n")
    write_held_draft(root, HELD)
    assert run(root, "build", "-q", "--channel", "web") == 0
    assert not index_terms(root) & {"mat", "mật"}


GAPPED_CAPTIONS = {
    "two paragraphs": f"<figure>{IMG}<figcaption><p>Xem 2020-12-22-vu-an-mat.md</p>"
    "<p>Ảnh hiện trường</p></figcaption></figure>",
    "a line break": f"<figure>{IMG}<figcaption>Xem 2020-12-22-vu-an-mat.md<br>Ảnh hiện trường"
    "</figcaption></figure>",
    "list items": f"<figure>{IMG}<figcaption><ul><li>2020-12-22-vu-an-mat.md</li><li>Ảnh</li>"
    "</ul></figcaption></figure>",
    "table cells": f"<figure>{IMG}<figcaption><table><tr><td>2020-12-22-vu-an-mat.md</td>"
    "<td>Ảnh</td></tr></table></figcaption></figure>",
    "nested, its name outside the inner caption": "<figure><figcaption>Ngoài "
    f"2020-12-22-vu-an-mat.md <figure>{IMG}<figcaption>Trong</figcaption></figure> còn"
    "</figcaption></figure>",
    "nested, its name after the inner caption": f"<figure><figcaption>Ngoài <figure>{IMG}"
    "<figcaption>Trong</figcaption></figure> còn 2020-12-22-vu-an-mat.md</figcaption></figure>",
    "never closed, to the figure's end": f"<figure>{IMG}<figcaption>Xem 2020-12-22-vu-an-mat.md"
    "</figure>",
    "never closed, over lines to the figure's end": f"<figure>{IMG}<figcaption>Xem "
    "2020-12-22-vu-an-mat.md\n</figure>",
    "in a table's cell": f"<table><tr><td><figure>{IMG}<figcaption>Xem 2020-12-22-vu-an-mat.md"
    "</figcaption></figure></td><td>Ô hai</td></tr></table>",
    "never closed, in a table's cell": f"<table><tr><td><figure>{IMG}<figcaption>Xem "
    "2020-12-22-vu-an-mat.md</td><td>Ô hai</td></tr></table>",
}
"""A hand-typed caption naming the held draft where a block tag or a line break ends its name
(«…mat.md</p><p>Ảnh» read «…mat.mdẢnh»: no name), inside another caption (Zalo kept the outer
one's words: the inner caption's end ended it), in a table's cell (Zalo read it as the row's
words), or never closed (its figure's or its cell's end ends it)."""


@pytest.mark.parametrize("figure", GAPPED_CAPTIONS.values(), ids=GAPPED_CAPTIONS.keys())
def test_a_held_naming_caption_ended_by_a_block_nested_or_unclosed_goes_out_on_no_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], figure: str
) -> None:
    """The page, the feeds and Zalo showed its name and the check said nothing, or Zalo alone
    showed it: now the caption goes on every channel, the words after its figure stay, and the
    check tells it at the caption's line."""
    root = with_b(tmp_path, f"Công an.\n\n{figure}\n\nB sau.\n")
    write_held_draft(root, HELD)
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert 'alt="x"' in page or "Ngoài" in figure
    assert "<p>B sau.</p>" in page
    for path, text in sent(root).items():
        assert "vu-an-mat" not in text, path
    zalo = (root / "output/zalo/b.json").read_text("utf-8")
    assert '"content": "Công an."' in zalo and '"content": "B sau."' in zalo
    assert "Ô hai" not in figure or "Ô hai" in zalo
    assert not index_terms(root) & {"mat"}
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert (
        "content/bai-viet/2021-01-01-b.md:12: cảnh báo: chú thích (figcaption) của ảnh nêu tên "
        f"tệp «2020-12-22-vu-an-mat.md» của bản tin không được đăng lúc này: bản nháp (draft: "
        f"true) (tệp {HELD}); website bỏ chú thích ấy đi"
    ) in err, err


def test_a_held_naming_caption_never_closed_to_the_body_s_end_goes_with_what_it_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Never closed nor its figure: the sanitiser ends it at the body's end, the paragraph after
    it in it, and the page drops all that; Zalo sent «Xem 2020-12-22-vu-an-mat.md B sau.» and
    the check said nothing. Now Zalo drops what the page drops, and the check tells it."""
    root = with_b(
        tmp_path, f"Công an.\n\n<figure>{IMG}<figcaption>Xem 2020-12-22-vu-an-mat.md\n\nB sau.\n"
    )
    write_held_draft(root, HELD)
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert 'alt="x"' in page and "<figcaption" not in page and "B sau." not in page
    for path, text in sent(root).items():
        assert "vu-an-mat" not in text, path
    zalo = (root / "output/zalo/b.json").read_text("utf-8")
    assert '"content": "Công an."' in zalo and "B sau." not in zalo
    capsys.readouterr()
    run(root, "check")
    assert (
        "content/bai-viet/2021-01-01-b.md:12: cảnh báo: chú thích (figcaption) của ảnh nêu tên "
        "tệp «2020-12-22-vu-an-mat.md»"
    ) in capsys.readouterr().err


def test_a_name_split_across_a_caption_s_paragraphs_is_no_name_on_any_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«<p>Xem 2020-12-22-vu-an-</p><p>mat.md</p>»: a reader sees two lines, no file's name. The
    page dropped the caption (its words run together) while Zalo sent both halves: now both
    keep it, as they keep any words of the reader's own, and the check tells nothing."""
    root = with_b(
        tmp_path,
        f"Công an.\n\n<figure>{IMG}<figcaption><p>Xem 2020-12-22-vu-an-</p>"
        "<p>mat.md</p></figcaption></figure>\n",
    )
    write_held_draft(root, HELD)
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert "<p>Xem 2020-12-22-vu-an-</p><p>mat.md</p>" in page
    zalo = (root / "output/zalo/b.json").read_text("utf-8")
    assert '"content": "Xem 2020-12-22-vu-an-"' in zalo and '"content": "mat.md"' in zalo
    capsys.readouterr()
    run(root, "check")
    assert "chú thích (figcaption)" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("inner", "words"),
    [
        ("Xem 2020-12-20-<b>x</b>.md", "Xem 2020-12-20-x.md"),
        ("a.md<br>Ảnh", "a.md Ảnh"),
        ("<p>a.md</p><p>Ảnh</p>", " a.md  Ảnh "),
        ("<ul><li>a.md</li><li>b</li></ul>", "  a.md  b  "),
        ("Xem <em>a.md</em>Ảnh", "Xem a.mdẢnh"),
    ],
)
def test_caption_words_part_blocks_and_lines_not_inline_tags(inner: str, words: str) -> None:
    """A block's or a line's end parts words as the reader sees them; bold or italics do not."""
    assert caption_words(inner) == words
