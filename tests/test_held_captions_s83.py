"""Session 83 (helper caption): a hand-typed <figcaption> in malformed HTML, where the page's
sanitiser (html5ever, as a browser) ends it and the one reader of captions
(titled_names.caption_spans) did not, so Zalo and the check disagreed with the page.

An unclosed caption in a <div>, <li> or <blockquote> ends where that element closes: the reader
ran it on to the body's end (Zalo dropped the rest of the bulletin with a held name found later;
the check warned wrongly). One in a table's cell ends with the cell, the row or the table (Zalo
sent the held name). A «</figcaption>» inside a table the caption opened is nothing (the reader
ended the caption there: check silent, Zalo sent a name typed after the table). A name right
before bold or italics («…mat.md**đậm**») is the name the page shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_held_links import index_terms, run, sent, with_b, write_held_draft
from tests.test_held_names_s82 import HELD, IMG

WARNING = (
    "cảnh báo: chú thích (figcaption) của ảnh nêu tên tệp «2020-12-22-vu-an-mat.md» của bản tin "
    f"không được đăng lúc này: bản nháp (draft: true) (tệp {HELD}); website bỏ chú thích ấy đi"
)
"""What the check tells of a caption naming the held draft's file (after the body's file and
line)."""
WHERE = "content/bai-viet/2021-01-01-b.md"


def zalo_words(root: Path) -> list[str]:
    """The text blocks of B's Zalo article, in order."""
    payload = json.loads((root / "output/zalo/b.json").read_text("utf-8"))
    return [block["content"] for block in payload["body"] if block.get("type") == "text"]


def built(tmp_path: Path, body: str) -> tuple[Path, str]:
    """The project with B of `body` and the held draft, built: its root and B's page."""
    root = with_b(tmp_path, body)
    write_held_draft(root, HELD)
    assert run(root, "build", "-q") == 0
    return root, (root / "output/web/2021/01/b/index.html").read_text("utf-8")


def checked(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`publish check`'s exit code and what it wrote to stderr."""
    capsys.readouterr()
    code = run(root, "check")
    return code, capsys.readouterr().err


UNCLOSED_IN_BLOCK = {
    "a div": f"<div><figure>{IMG}<figcaption>Ảnh hiện trường</div>",
    "a list item": f"<ul><li><figure>{IMG}<figcaption>Ảnh hiện trường</li></ul>",
    "a quotation": f"<blockquote><figure>{IMG}<figcaption>Ảnh hiện trường</blockquote>",
}
"""A caption never closed, nor its figure, in a block that is: the page ends it there."""


@pytest.mark.parametrize("block", UNCLOSED_IN_BLOCK.values(), ids=UNCLOSED_IN_BLOCK.keys())
def test_an_unclosed_caption_ends_with_the_block_around_it_on_every_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], block: str
) -> None:
    """The page ends it where the block closes and shows all that follows; Zalo ran it on to the
    body's end and, a held name found there, dropped the rest of the bulletin, and the check
    told a caption naming it at line 12. Now each keeps what the page shows, and the check
    tells only the caption that does name the held draft (line 18)."""
    root, page = built(
        tmp_path,
        f"Công an.\n\n{block}\n\nĐoạn sau thường.\n\nXem 2020-12-22-vu-an-mat.md nhé.\n\n"
        f"<figure>{IMG}<figcaption>Xem 2020-12-22-vu-an-mat.md</figcaption></figure>\n\nHết.\n",
    )
    assert "<figcaption>Ảnh hiện trường</figcaption>" in page
    assert "<p>Đoạn sau thường.</p>" in page and "<p>Hết.</p>" in page
    assert page.count("<figcaption") == 1
    blocks = zalo_words(root)
    words = " ".join(blocks)
    assert "Ảnh hiện trường" in words and "Đoạn sau thường." in words and "Hết." in words
    assert "Xem 2020-12-22-vu-an-mat.md" not in blocks  # the second caption
    code, err = checked(root, capsys)
    assert code == 0
    assert f"{WHERE}:18: {WARNING}" in err, err
    assert f"{WHERE}:12: cảnh báo: chú thích" not in err, err


CELL_ENDS = {
    "the table's end": "</table>",
    "the row's end": "</tr></table>",
    "the next cell": "<td>Ô hai</td></tr></table>",
    "the next row": "<tr><td>Ô hai</td></tr></table>",
}
"""What ends a table's cell whose caption, and the cell, were never closed."""


@pytest.mark.parametrize("end", CELL_ENDS.values(), ids=CELL_ENDS.keys())
def test_a_held_naming_caption_in_a_cell_never_closed_goes_out_on_no_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], end: str
) -> None:
    """«<td><figure>…<figcaption>Xem …mat.md</table>»: the page drops the caption, Zalo sent
    the held name; now no channel has it, the row's other words stay and the check tells it."""
    root, page = built(
        tmp_path,
        f"Công an.\n\n<table><tr><td><figure>{IMG}<figcaption>Xem 2020-12-22-vu-an-mat.md{end}"
        "\n\nHết.\n",
    )
    assert "<figcaption" not in page and 'alt="x"' in page
    for path, text in sent(root).items():
        assert "vu-an-mat" not in text, path
    words = zalo_words(root)
    assert "Công an." in words and "Hết." in words
    assert "Ô hai" not in end or any("Ô hai" in word for word in words)
    code, err = checked(root, capsys)
    assert code == 0
    assert f"{WHERE}:12: {WARNING}" in err, err


def test_a_caption_end_tag_inside_a_table_the_caption_opened_is_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page's caption runs on past «</figcaption>» typed in its table's cell, to the held
    name after the table, and the page drops it; the reader ended it there: the check said
    nothing and Zalo sent the name. Now neither does."""
    root, page = built(
        tmp_path,
        f"Công an.\n\n<figure>{IMG}<figcaption>Ảnh <table><tr><td>ô</figcaption></td></tr>"
        "</table> Xem 2020-12-22-vu-an-mat.md</figcaption></figure>\n\nHết.\n",
    )
    assert "<figcaption" not in page and 'alt="x"' in page
    for path, text in sent(root).items():
        assert "vu-an-mat" not in text, path
    assert "Ảnh" not in zalo_words(root) and "Hết." in zalo_words(root)
    code, err = checked(root, capsys)
    assert code == 0
    assert f"{WHERE}:12: {WARNING}" in err, err


NAME_THEN_MARKUP = {
    "bold in Markdown": "Công an. <figure>{img}<figcaption>Xem 2020-12-22-vu-an-mat.md**đậm**"
    "</figcaption></figure>",
    "italics in Markdown": "Công an. <figure>{img}<figcaption>Xem 2020-12-22-vu-an-mat.md*nghiêng*"
    "</figcaption></figure>",
    "bold in HTML": "Công an.\n\n<figure>{img}<figcaption>Xem 2020-12-22-vu-an-mat.md<b>đậm</b>"
    "</figcaption></figure>",
    "after italics in HTML": "Công an.\n\n<figure>{img}<figcaption>Xem <em>2020-12-22-vu-an-mat.md"
    "</em>Ảnh</figcaption></figure>",
}
"""A caption whose held name bold or italics follow right after «.md», on the caption's line."""


@pytest.mark.parametrize("body", NAME_THEN_MARKUP.values(), ids=NAME_THEN_MARKUP.keys())
def test_a_held_name_right_before_inline_markup_is_the_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    """The page shows «…vu-an-mat.md» and then the bold word: the name, which went out on the
    page and Zalo. Now the caption goes, and the check tells it as dropped."""
    root, page = built(tmp_path, body.format(img=IMG) + "\n\nHết.\n")
    line = 10 if body.startswith("Công an. ") else 12
    assert "<figcaption" not in page and 'alt="x"' in page
    for path, text in sent(root).items():
        assert "vu-an-mat" not in text, path
    assert "Hết." in zalo_words(root)
    code, err = checked(root, capsys)
    assert code == 0
    assert f"{WHERE}:{line}: {WARNING}" in err, err


ORDINARY = {
    "unclosed in a div": f"<div><figure>{IMG}<figcaption>Ảnh hiện trường</div>",
    "unclosed in a list item": f"<ul><li><figure>{IMG}<figcaption>Ảnh hiện trường</li></ul>",
    "unclosed in a quotation": f"<blockquote><figure>{IMG}<figcaption>Ảnh hiện trường</blockquote>",
    "unclosed in a cell": f"<table><tr><td><figure>{IMG}<figcaption>Ảnh hiện trường</table>",
    "unclosed in a cell, the next cell": f"<table><tr><td><figure>{IMG}<figcaption>Ảnh hiện "
    "trường<td>Ô hai</td></tr></table>",
    "an end tag in its table": f"<figure>{IMG}<figcaption>Ảnh <table><tr><td>ô</figcaption>"
    "</td></tr></table> hiện trường</figcaption></figure>",
    "bold after a name": "<figure>{img}<figcaption>Xem 2020-12-09-da-dang.md**đậm**"
    "</figcaption></figure>",
}
"""The malformed shapes above in captions naming no held bulletin (2020-12-09-da-dang.md is
published)."""


@pytest.mark.parametrize("block", ORDINARY.values(), ids=ORDINARY.keys())
def test_an_ordinary_caption_in_malformed_html_keeps_every_word_on_every_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], block: str
) -> None:
    """No held name: the page, Zalo and the index keep each word, and the check tells nothing of
    captions."""
    root, page = built(
        tmp_path, f"Công an.\n\n{block.format(img=IMG)}\n\nĐoạn sau thường.\n\nHết.\n"
    )
    shown = [
        word
        for word in ("Ảnh", "hiện trường", "Ô hai", "Xem 2020-12-09-da-dang.md", "đậm")
        if word in block
    ]
    words = " ".join(zalo_words(root))
    for word in [*shown, "Đoạn sau thường.", "Hết."]:
        assert word in page, word
        assert word in words, (word, words)
    assert {"doan", "sau", "thuong"} <= index_terms(root)
    code, err = checked(root, capsys)
    assert code == 0
    assert "chú thích (figcaption)" not in err, err
