"""A pasted `<iframe>` (YouTube's «Nhúng» code) is dropped on every channel: check says so, at
its line, with the link to write instead (publish.embedded_frames)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish import config as config_module
from publish.content import load_site
from tests.helpers import NOW
from tests.test_links import A, project

YOUTUBE = (
    '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" '
    'title="YouTube video player" frameborder="0" allowfullscreen></iframe>'
)


def frame_warnings(root: Path) -> list:
    """The load's warnings about frames."""
    site = load_site(config_module.load(root), now=NOW)
    return [w for w in site.warnings if "<iframe>" in w.message]


def test_a_youtube_frame_is_told_at_its_line_with_the_videos_link(tmp_path: Path) -> None:
    """QA s77: «Mời bà con xem video hướng dẫn:» over a pasted YouTube frame showed nothing on
    the website, Zalo or the radio, and no check said so."""
    root = project(tmp_path, f"Mời bà con xem video hướng dẫn:\n\n{YOUTUBE}\n")
    [warning] = frame_warnings(root)
    assert (warning.file, warning.line, warning.severity) == (A, 12, "note")
    assert "bị bỏ ở mọi kênh: website, Zalo và đài không hiện gì ở chỗ này" in warning.message
    assert (warning.hint or "").startswith(
        "Thay khung nhúng bằng một liên kết: [Xem video trên YouTube]"
        "(https://www.youtube.com/watch?v=dQw4w9WgXcQ). "
    )


@pytest.mark.parametrize(
    "body",
    [f"Mã nhúng: `{YOUTUBE}`.\n", f"<!-- {YOUTUBE} -->\n\nNội dung.\n", "Xem video.\n"],
)
def test_a_frame_in_code_or_a_comment_is_not_told(tmp_path: Path, body: str) -> None:
    assert frame_warnings(project(tmp_path, body)) == []


@pytest.mark.parametrize(
    ("src", "link"),
    [
        (
            "https://www.youtube.com/embed/videoseries?si=abc&amp;list=PLxyz_12",
            "[Xem danh sách video trên YouTube](https://www.youtube.com/playlist?list=PLxyz_12)",
        ),
        (
            "https://www.youtube.com/embed/videoseries",
            "[Xem tại đây](https://www.youtube.com/embed/videoseries)",
        ),
    ],
)
def test_a_youtube_playlist_frame_is_told_the_playlists_link(
    tmp_path: Path, src: str, link: str
) -> None:
    """Review of session 77: a playlist's frame was told to link «watch?v=videoseries», a dead
    video."""
    body = f'<iframe width="560" height="315" src="{src}"></iframe>\n'
    [warning] = frame_warnings(project(tmp_path, body))
    assert link in (warning.hint or "")
    assert "watch?v=videoseries" not in (warning.hint or "")
