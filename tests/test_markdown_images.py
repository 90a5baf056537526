"""ImageScan finds exactly the images IMAGE_RE finds, in linear time."""

from __future__ import annotations

import random
from xml.etree import ElementTree

import markdown
import pytest

from publish.markdown_images import IMAGE_RE, Image, ImageScan, spaced, substituted

PIECES = ["![", "]", "(", ")", "<", ">", '"', "'", " ", "\n", "a", "x.jpg", "\\", "![a](", ')"']


def by_regex(text: str) -> list[tuple[int, int, str, str, str, int]]:
    """The images IMAGE_RE.finditer finds, as ImageScan gives them."""
    return [
        (m.start(), m.end(), m[1], m[2], m[3] or m[4] or "", m.start(2))
        for m in IMAGE_RE.finditer(text)
    ]


@pytest.mark.parametrize("seed", range(4))
def test_the_scan_finds_what_the_regex_finds(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        assert [tuple(image) for image in ImageScan(text)] == by_regex(text), repr(text)


@pytest.mark.parametrize("seed", range(2))
def test_substituting_images_is_what_the_regex_substitutes(seed: int) -> None:
    """Each image's reference swapped for its length, as IMAGE_RE.sub would."""
    rng = random.Random(seed)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))

        def length_for_reference(i: Image, text: str = text) -> str:
            """The image's text with its reference swapped for the reference's length."""
            return (
                f"{text[i.start : i.ref_start]}{len(i.ref)}{text[i.ref_start + len(i.ref) : i.end]}"
            )

        by_scan = substituted(text, length_for_reference)
        by_sub = IMAGE_RE.sub(
            lambda m: f"{m[0][: m.start(2) - m.start()]}{len(m[2])}{m[0][m.end(2) - m.start() :]}",
            text,
        )
        assert by_scan == by_sub, repr(text)


@pytest.mark.parametrize(
    "text",
    [
        '![Ảnh](images/a.jpg "Chú thích có \\"ngoặc\\"")',
        "![a](<images/b c.jpg>) ![b](  x.png  'một'  )",
        "![a](<)",
        '![a](x "không đóng\n") ![b](y)',
    ],
)
def test_written_images_are_read_alike(text: str) -> None:
    assert [tuple(image) for image in ImageScan(text)] == by_regex(text)


@pytest.mark.parametrize(
    "written",
    [
        "![Hội nghị](images/Ảnh hội nghị.jpg)",
        '![Hội nghị](images/Ảnh hội nghị.jpg "Chú thích có dấu cách")',
        "![Hội nghị](images/Ảnh hội nghị.jpg 'Chú thích')",
        "![Hội nghị](  images/Ảnh hội nghị.jpg  )",
        "![Hội nghị](<images/Ảnh hội nghị.jpg>)",
        "Trước ![Hội nghị](images/a b.jpg) sau ![x](c.jpg) và ![y](d e.png).",
    ],
)
def test_images_with_a_space_in_the_name_are_read_as_python_markdown_shows_them(
    written: str,
) -> None:
    """What the website shows (Python-Markdown's src, alt and title), IMAGE_RE takes for text."""
    html = markdown.markdown(written)
    shown = [
        (img.get("src"), img.get("alt"), img.get("title") or "")
        for img in ElementTree.fromstring(f"<div>{html}</div>").iter("img")
    ]
    found = [(i.ref, i.alt, i.title) for i in ImageScan(written)]
    found += [(i.ref, i.alt, i.title) for i in spaced(written)]
    assert sorted(found) == sorted(shown)
    for image in spaced(written):
        assert written[image.start : image.end].startswith("![") and written[image.end - 1] == ")"


@pytest.mark.parametrize(
    "written",
    ["![a](b.jpg)", '![a](b.jpg "t t")', "[liên kết](a b)", "![a\nb](c d)", "![a](c d", "](]("],
)
def test_no_spaced_image_where_there_is_none_or_imagescan_finds_it(written: str) -> None:
    assert list(spaced(written)) == []
