"""The people a PowerPoint file names as comment authors, old (commentAuthors.xml) and modern
(authors.xml, PowerPoint 365), are found and told as comment authors."""

from __future__ import annotations

import io
import zipfile

import pytest

from publish import linked_text

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
P188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


def pptx(part: str, xml: str, content_type: str) -> bytes:
    """A PowerPoint file holding a slide and the comment authors' part `part`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{TYPES}"><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>',
        )
        archive.writestr(
            "ppt/slides/slide1.xml",
            f'<p:sld xmlns:p="{P}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            "<p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>Thông báo</a:t></a:r></a:p>"
            "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>",
        )
        archive.writestr(part, xml)
    return out.getvalue()


MODERN = pptx(
    "ppt/authors.xml",
    f'<p188:authorLst xmlns:p188="{P188}"><p188:author id="{{6C0A}}" name="Nguyễn Văn An" '
    'initials="NVA" userId="S::an@example.vn::1" providerId="AD"/></p188:authorLst>',
    "application/vnd.ms-powerpoint.authors+xml",
)
OLD = pptx(
    "ppt/commentAuthors.xml",
    f'<p:cmAuthorLst xmlns:p="{P}"><p:cmAuthor id="0" name="Trần Thị Bình" initials="TTB" '
    'lastIdx="1" clrIdx="0"/></p:cmAuthorLst>',
    "application/vnd.openxmlformats-officedocument.presentationml.commentAuthors+xml",
)


@pytest.mark.parametrize(
    ("data", "name"), [(MODERN, "Nguyễn Văn An"), (OLD, "Trần Thị Bình")], ids=["modern", "old"]
)
def test_a_powerpoint_comment_author_is_named_as_a_comment_author(data: bytes, name: str) -> None:
    """PowerPoint 365 keeps its comment authors in <p188:author name=…>: none was found, the
    file went out with the names of those who commented on it."""
    assert linked_text.authors_at(data, ".pptx") == [(linked_text.COMMENTS, name)]
