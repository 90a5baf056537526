"""Raw HTML tables typed without «</td>» keep every cell's words on Zalo, as the page shows them,
and a caption's end tag inside an HTML comment or an attribute ends nothing (session 83's
review of the shared caption reader: the Zalo article lost cells, or a bulletin's rest)."""

from __future__ import annotations

import pytest

from publish.titled_names import caption_spans, held_captions_dropped
from tests.test_zalo_reading import texts


@pytest.mark.parametrize(
    ("typed", "closed"),
    [
        ("<table><tr><td>A1<td>B1</tr></table>", "<table><tr><td>A1</td><td>B1</td></tr></table>"),
        ("<table><tr><td>A1<td>B1</table>", "<table><tr><td>A1</td><td>B1</td></tr></table>"),
        (
            "<table><tr><th>Tên<th>Số</tr><tr><td>A1<td>B1</tr></table>",
            "<table><tr><th>Tên</th><th>Số</th></tr><tr><td>A1</td><td>B1</td></tr></table>",
        ),
        (
            "<table><tr><td>A1<td>B1<tr><td>A2<td>B2</table>",
            "<table><tr><td>A1</td><td>B1</td></tr><tr><td>A2</td><td>B2</td></tr></table>",
        ),
    ],
)
def test_a_cell_left_open_reads_as_the_closed_cell(typed: str, closed: str) -> None:
    """«<td>A1<td>B1</tr>» was sent as «• A1»: the last open cell's words went with its row; the
    page closes such cells, so Zalo reads the table as if they were closed."""
    assert texts(typed + "\n") == texts(closed + "\n")
    assert "B1" in " ".join(texts(typed + "\n"))


def test_a_cell_tag_outside_a_table_is_nothing() -> None:
    """«W0 <td> W1 <td> W2» outside any table: the page shows «W0 W1 W2»; Zalo kept only «W0»."""
    sent = " ".join(texts("W0 <td> W1 <td> W2\n"))
    assert all(word in sent for word in ("W0", "W1", "W2")), sent


def _held(words: str) -> bool:
    """Whether the caption's words name the held draft of these tests."""
    return "vu-an-mat.md" in words


def test_a_caption_end_tag_in_a_comment_ends_nothing() -> None:
    """The page reads «<!-- </figcaption> -->» as a comment: the caption goes on to its real end."""
    html = (
        "<figure><img src=a.jpg><figcaption>Ảnh <!-- </figcaption> --> "
        "Xem 2020-12-22-vu-an-mat.md</figcaption></figure><p>Hết.</p>"
    )
    assert held_captions_dropped(html, _held) == "<figure><img src=a.jpg></figure><p>Hết.</p>"


def test_a_figure_in_a_comment_opens_no_caption() -> None:
    """A commented-out old figure dropped the bulletin's rest from Zalo."""
    html = (
        "<!-- <figure><img src=a.jpg><figcaption>Ảnh cũ -->\n<p>Đoạn sau thường.</p>\n"
        "<p>Xem 2020-12-22-vu-an-mat.md nhé.</p><p>Hết.</p>"
    )
    assert caption_spans(html) == []
    assert held_captions_dropped(html, _held) == html


def test_a_caption_end_tag_in_an_attribute_ends_nothing() -> None:
    """«<img alt="</figcaption>">» is an image's text, not the caption's end."""
    html = (
        '<figure><figcaption>Ảnh <img alt="</figcaption>"> Xem 2020-12-22-vu-an-mat.md'
        "</figcaption></figure>"
    )
    assert held_captions_dropped(html, _held) == "<figure></figure>"


def test_a_caption_end_tag_in_a_select_or_textarea_ends_nothing() -> None:
    """The page ignores «</figcaption>» inside «<select>» (and reads «<textarea>»'s inside as
    text), so it drops the whole caption naming a held file; Zalo sent the name after it."""
    for holder in ("select", "textarea"):
        html = (
            f"<figure><figcaption>Ảnh <{holder}></figcaption>Xem 2020-12-22-vu-an-mat.md"
            f"</{holder}></figcaption></figure><p>Hết.</p>"
        )
        assert held_captions_dropped(html, _held) == "<figure></figure><p>Hết.</p>", holder


@pytest.mark.parametrize("holder", ["script", "style", "noscript", "xmp", "title", "iframe"])
def test_a_caption_end_tag_in_raw_text_ends_nothing(holder: str) -> None:
    """The page's parser reads no tag inside a script, style, … element: «</figcaption>» there
    ended the caption early on Zalo, which then sent the held name after it."""
    html = (
        f"<figure><figcaption>Ảnh<{holder}></figcaption></{holder}> Xem 2020-12-22-vu-an-mat.md"
        "</figcaption></figure><p>Hết.</p>"
    )
    assert held_captions_dropped(html, _held) == "<figure></figure><p>Hết.</p>"


def test_a_select_left_open_ends_with_its_table() -> None:
    """The parser ends an open select at «</table>»: the caption in the cell ends there, and the
    paragraphs after the table are no caption's (Zalo dropped the bulletin's rest)."""
    html = (
        "<table><tr><td><figure><img src=a.jpg><figcaption>Ảnh<select></table>"
        "<p>Đoạn sau thường.</p><p>Xem 2020-12-22-vu-an-mat.md nhé.</p><p>Hết.</p>"
    )
    assert held_captions_dropped(html, _held) == html
