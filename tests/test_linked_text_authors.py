"""The people a PowerPoint file names as comment authors, old (commentAuthors.xml) and modern
(authors.xml, PowerPoint 365), are found and told as comment authors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from publish import linked_text
from tests.test_attachments_scan import problems, project

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


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def word_with_people() -> bytes:
    """A Word document whose word/people.xml names one person who commented."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Thông báo</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
        archive.writestr(
            "word/people.xml",
            f'<w15:people xmlns:w15="{W15}"><w15:person w15:author="Nguyễn Văn Bình">'
            '<w15:presenceInfo w15:providerId="AD" w15:userId="S::binh@x.vn::1"/>'
            "</w15:person></w15:people>",
        )
    return out.getvalue()


def test_a_word_comment_author_in_people_xml_is_named_as_a_comment_author(
    tmp_path: Path,
) -> None:
    """Word keeps the people who commented in word/people.xml as <w15:person w15:author=…>
    (their e-mail in its userId): the name was not found, the file went out with it."""
    data = word_with_people()
    assert linked_text.authors_at(data, ".docx") == [(linked_text.COMMENTS, "Nguyễn Văn Bình")]
    assert problems(project(tmp_path, "mau.docx", data)) == [
        (
            "warning",
            "tệp đính kèm «content/tep/mau.docx» còn ghi tên người viết ghi chú (comment): "
            "«Nguyễn Văn Bình»",
        )
    ]
