"""`publish serve`: a real server on 127.0.0.1, real file edits, real server-sent events.

The web channel is rendered by this module's own `render()` (a tiny stand-in for the real web
renderer), so these tests exercise serve's mechanics: serving, 404, traversal, watch, rebuild,
reload events, the error overlay, and a clean Ctrl-C.
"""

from __future__ import annotations

import datetime as dt
import errno
import html
import http.client
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from publish import pipeline
from publish.cli import main
from publish.editor_files import is_editor_temp
from publish.model import Artifact
from publish.serve import PreviewSession
from publish.serve import server as server_module
from publish.serve.lock import ReadWriteLock
from publish.serve.reload import EVENTS_PATH, inject
from publish.serve.server import below, host_refusal, request_parts
from publish.serve.watch import Debouncer
from tests.helpers import accept_names

REPO = Path(__file__).resolve().parents[1]
EVENT_WAIT = 5.0  # generous upper bound for one debounced rebuild; normally ~0.3 s

BULLETIN = """---
title: "{title}"
date: 2024-01-02 08:00
category: {category}
summary: "Tóm tắt bản tin thử."
approved_by: "Trưởng Công an huyện"
---

Nội dung bản tin thử.
"""


def render(site: object) -> Iterator[Artifact]:
    """Stand-in web renderer: a home page listing titles, one page per bulletin, 404 and CSS."""
    items = "".join(
        f'<li><a href="{b.url}">{html.escape(b.title)}</a></li>'
        for b in site.for_channel("web")  # type: ignore[attr-defined]
    )
    yield Artifact.text("web", "index.html", _page("Trang chủ", f"<ul>{items}</ul>"))
    for b in site.for_channel("web"):  # type: ignore[attr-defined]
        path = b.url.strip("/") + "/index.html"
        yield Artifact.text("web", path, _page(b.title, b.summary), source=b.source, key=b.key)
    yield Artifact.text("web", "404.html", _page("Không tìm thấy", "Trang 404 của website"))
    yield Artifact.text("web", "style.css", "body { color: #222; }\n")


def _page(title: str, body: str) -> str:
    """A minimal HTML document."""
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}'
        f"</title></head><body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )


def write_project(root: Path, title: str = "Bản tin thử nghiệm") -> Path:
    """A tiny project: the real site.toml and one approved bulletin; returns the bulletin file."""
    shutil.copy(REPO / "site.toml", root / "site.toml")
    accept_names(root)  # BULLETIN is approved by name only
    (root / "templates").mkdir()
    bulletin = root / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    bulletin.parent.mkdir(parents=True)
    bulletin.write_text(BULLETIN.format(title=title, category="an-ninh-trat-tu"), encoding="utf-8")
    return bulletin


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose web channel is rendered by this module."""
    monkeypatch.setitem(pipeline.RENDERERS, "web", __name__)
    write_project(tmp_path)
    return tmp_path


@pytest.fixture
def session(project: Path) -> Iterator[PreviewSession]:
    """A running preview on a free port; stopped afterwards."""
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as running:
        yield running


def get(session: PreviewSession, path: str, method: str = "GET") -> tuple[int, dict, str]:
    """Send one raw request (the path is sent exactly as given) and return status, headers, body."""
    conn = http.client.HTTPConnection("127.0.0.1", session.server.server_address[1], timeout=5)
    try:
        conn.request(method, path)
        response = conn.getresponse()
        body = response.read().decode("utf-8")
        return response.status, dict(response.getheaders()), body
    finally:
        conn.close()


class EventStream:
    """A client of the live-reload endpoint that reads whole events."""

    def __init__(self, session: PreviewSession, since: int | None = None) -> None:
        port = session.server.server_address[1]
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=EVENT_WAIT)
        query = "" if since is None else f"?since={since}"
        self.conn.request("GET", EVENTS_PATH + query)
        self.response = self.conn.getresponse()

    def next_event(self) -> str:
        """The next event's name (comments and the retry hint are skipped); its data is kept
        in `data`."""
        name = ""
        while True:
            line = self.response.fp.readline().decode("utf-8")
            if not line:
                raise ConnectionError("stream closed")
            if line.startswith("event:"):
                name = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                self.data = line.split(":", 1)[1].strip()
            elif line == "\n" and name:
                return name

    def close(self) -> None:
        """Hang up."""
        self.conn.close()


def renderer_changed(project: Path) -> None:
    """Make the next rebuild render: a test that swaps the stand-in renderer changes the output
    without changing any file the build reads (in use, output changes only with content,
    templates, site.toml or the tool), so a rebuild would replay the last build."""
    for stamp in ("last-build.pickle", "last-preview.pickle"):
        (project / ".cache" / stamp).unlink(missing_ok=True)


def edit(path: Path, text: str) -> None:
    """Save a file the way an editor does: write a temp file, then rename it into place."""
    temp = path.with_name(f".{path.name}.swp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


# --- serving -------------------------------------------------------------------------------------


def test_serves_built_pages_with_reload_script_only_in_html(session: PreviewSession) -> None:
    status, headers, body = get(session, "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Bản tin thử nghiệm" in body
    assert EVENTS_PATH in body

    status, _, body = get(session, "/2024/01/ban-tin-thu/")
    assert status == 200 and "Tóm tắt bản tin thử." in body

    status, headers, body = get(session, "/style.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert body == "body { color: #222; }\n"


def test_injected_script_never_reaches_output_files(session: PreviewSession) -> None:
    served = get(session, "/")[2]
    written = (session.output / "web" / "index.html").read_text(encoding="utf-8")
    assert EVENTS_PATH in served
    assert EVENTS_PATH not in written
    assert all(
        EVENTS_PATH.encode() not in f.read_bytes()
        for f in (session.output / "web").rglob("*")
        if f.is_file()
    )
    assert not (session.output / "zalo").exists(), "serve builds the web channel only"


def test_folder_without_slash_redirects(session: PreviewSession) -> None:
    status, headers, _ = get(session, "/2024/01/ban-tin-thu")
    assert status == 301
    assert headers["Location"] == "/2024/01/ban-tin-thu/"


def test_a_folder_with_a_marked_letter_redirects_once_encoded(session: PreviewSession) -> None:
    """The browser sends "tâm" percent-encoded; the redirect must not encode it a second time."""
    (session.output / "web" / "tâm").mkdir()
    (session.output / "web" / "tâm" / "index.html").write_text("<p>tâm</p>", encoding="utf-8")
    status, headers, _ = get(session, "/t%C3%A2m")
    assert (status, headers["Location"]) == (301, "/t%C3%A2m/")
    assert get(session, headers["Location"])[0] == 200


def raw_get(session: PreviewSession, path: str, host: str | None) -> tuple[int, dict, str]:
    """A GET with the Host header given (None: none sent)."""
    conn = http.client.HTTPConnection("127.0.0.1", session.server.server_address[1], timeout=5)
    try:
        conn.putrequest("GET", path, skip_host=True)
        if host is not None:
            conn.putheader("Host", host)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8")
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1", True),
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("LOCALHOST", True),
        ("[::1]:8000", True),
        ("evil.example", False),
        ("evil.example:8000", False),
        ("127.0.0.1.evil.example", False),
        ("localhost.evil.example:8000", False),
        ("127.0.0.1:8000@evil.example", False),
        ("", False),
    ],
)
def test_only_a_local_host_header_is_answered(
    session: PreviewSession, host: str, allowed: bool
) -> None:
    """DNS rebinding: a page of another site, its name pointed at 127.0.0.1, must not read drafts."""
    status, _, body = raw_get(session, "/", host)
    if allowed:
        assert status in (200, 302)
    else:
        assert status == 403 and "127.0.0.1 hoặc localhost" in body
        assert raw_get(session, EVENTS_PATH, host)[0] == 403  # an allowed one would stream on


def raw_reply(session: PreviewSession, request: bytes) -> bytes:
    """The whole reply to a request written byte for byte (the server closes after it)."""
    port = session.server.server_address[1]
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    return reply


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET / HTTP/1.0\r\n\r\n", b"200"),  # a tool on this machine: no browser sends this
        (b"HEAD / HTTP/1.0\r\n\r\n", b"200"),
        (b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n", b"400"),
        (b"HEAD / HTTP/1.1\r\nConnection: close\r\n\r\n", b"400"),
        (f"GET {EVENTS_PATH} HTTP/1.1\r\nConnection: close\r\n\r\n".encode(), b"400"),
        (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n", b"400"),
        (b"GET / HTTP/1.0\r\nHost: localhost\r\nHost: localhost\r\n\r\n", b"400"),
    ],
)
def test_a_request_without_exactly_one_host_is_answered_only_in_http_1_0(
    session: PreviewSession, request_bytes: bytes, status: bytes
) -> None:
    """HTTP/1.1 requires one Host (RFC 9112): without it, or with two, the request is refused,
    as a DNS-rebinding page's would be; HTTP/1.0 had no Host yet."""
    reply = raw_reply(session, request_bytes)
    assert reply.split(b" ", 2)[1] == status, reply[:200]


@pytest.mark.parametrize(
    ("hosts", "version", "client", "status"),
    [
        ([], "HTTP/1.0", "127.0.0.1", None),
        ([], "HTTP/1.0", "::1", None),
        ([], "HTTP/1.0", "192.0.2.7", 400),
        ([], "HTTP/1.1", "127.0.0.1", 400),
        (["localhost:8000"], "HTTP/1.1", "127.0.0.1", None),
        (["evil.example"], "HTTP/1.0", "127.0.0.1", 403),
        (["localhost", "localhost"], "HTTP/1.1", "127.0.0.1", 400),
    ],
)
def test_host_refusal(hosts: list[str], version: str, client: str, status: int | None) -> None:
    assert host_refusal(hosts, version, client) == status


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/%2F2024/01/ban-tin-thu", "/2024/01/ban-tin-thu/"),
        ("/%2F%2F2024/01/ban-tin-thu", "/2024/01/ban-tin-thu/"),
        ("/2024//01/ban-tin-thu", "/2024/01/ban-tin-thu/"),
    ],
)
def test_a_redirect_never_leaves_the_site(
    session: PreviewSession, path: str, location: str
) -> None:
    """'//x/' is protocol-relative: the browser would go to the host x."""
    status, headers, _ = get(session, path)
    assert (status, headers["Location"]) == (301, location)


def test_missing_path_gets_the_site_404_page(session: PreviewSession) -> None:
    status, headers, body = get(session, "/khong-co-trang-nay/")
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Trang 404 của website" in body
    assert get(session, "/khong-co.css", method="HEAD")[0] == 404


@pytest.mark.parametrize("segment", ["a" * 300, "c%E1%BA%A3nh-b%C3%A1o-" * 25])
def test_a_segment_too_long_for_a_file_name_gets_the_404_page(
    session: PreviewSession, segment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An address with a title pasted into it (more than 255 bytes in one segment, the longest
    file name): the site's 404 page, as the host answers it, not a connection closed without an
    answer (the browser's «ERR_EMPTY_RESPONSE») and «OSError(36, 'File name too long')» in the
    editor's terminal."""
    for path in (f"/{segment}/", f"/2024/{segment}", f"/{segment}/index.html"):
        status, _, body = get(session, path)
        assert status == 404, path
        assert "Trang 404 của website" in body
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_an_error_answering_a_request_shows_its_traceback_with_debug_only(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    debug: bool,
) -> None:
    """An unexpected error while answering a request: one Vietnamese line in the terminal, and
    with --debug the traceback, as every other command gives (--debug said the same line)."""

    def broken(*_: object) -> None:
        """Fail as a bug in the handler would."""
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(server_module.PreviewHandler, "_answer", broken)
    out, err = io.StringIO(), io.StringIO()
    with (
        PreviewSession(project, port=0, debug=debug, out=out, err=err) as running,
        pytest.raises(http.client.RemoteDisconnected),
    ):
        get(running, "/")
    said = capsys.readouterr().err  # the serving thread's, not the rebuilds' (`err`)
    assert "Máy chủ xem trước gặp lỗi khi trả lời một yêu cầu" in said
    assert ("Traceback (most recent call last)" in said) is debug
    assert ("in broken" in said) is debug
    assert ("Chạy lại với --debug" in said) is not debug


@pytest.mark.parametrize(
    "path",
    [
        "/../site.toml",
        "/../../site.toml",
        "/%2e%2e/site.toml",
        "/..%2fsite.toml",
        "/2024/%2e%2e/%2e%2e/%2e%2e/site.toml",
        "/..%5csite.toml",
        "//etc/passwd",
    ],
)
def test_paths_outside_output_web_are_refused(session: PreviewSession, path: str) -> None:
    status, _, body = get(session, path)
    assert status in (403, 404)
    assert "[unit]" not in body and "root:" not in body


def test_symlink_pointing_outside_output_web_is_not_followed(session: PreviewSession) -> None:
    (session.output / "web" / "lo.toml").symlink_to(session.root / "site.toml")
    status, _, body = get(session, "/lo.toml")
    assert status == 404
    assert "[unit]" not in body


def test_request_parts() -> None:
    assert request_parts("/2024/01/a/") == ("2024", "01", "a")
    assert request_parts("/t%C3%A2m%20s%E1%BB%B1.html") == ("tâm sự.html",)
    assert request_parts("/a/../b") is None
    assert request_parts("/a/%2E%2E/b") is None
    assert request_parts("/a%00.html") is None


def test_inject_places_snippet_before_the_last_body_end() -> None:
    page = b"<html><body><p>x</p></BODY ></html>"
    result = inject(page, 3, None)
    assert result.startswith(b"<html><body><p>x</p><script>")
    assert result.endswith(b"</script></BODY ></html>")
    assert b"since=3" in result
    assert inject(b"<p>no body</p>", 1, None).startswith(b"<p>no body</p><script>")


def under_folder(project: Path, folder: str = "congan-hoakhanh") -> None:
    """Publish the project's site under https://example.gov.vn/<folder>/."""
    toml = project / "site.toml"
    text = toml.read_text("utf-8")
    old = 'base_url = "https://congan-chauthanh.example.vn/"'
    assert old in text
    toml.write_text(text.replace(old, f'base_url = "https://example.gov.vn/{folder}/"'), "utf-8")


def test_a_site_under_a_folder_is_served_at_that_folder(project: Path) -> None:
    under_folder(project)
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        port = session.server.server_address[1]
        assert session.url == f"http://127.0.0.1:{port}/congan-hoakhanh/"
        status, _, body = get(session, "/congan-hoakhanh/")
        assert status == 200 and "Bản tin thử nghiệm" in body and EVENTS_PATH in body
        status, _, body = get(session, "/congan-hoakhanh/2024/01/ban-tin-thu/")
        assert status == 200 and "Tóm tắt bản tin thử." in body
        status, headers, body = get(session, "/congan-hoakhanh/style.css")
        assert status == 200 and headers["Content-Type"].startswith("text/css")

        status, headers, _ = get(session, "/")
        assert (status, headers["Location"]) == (302, "/congan-hoakhanh/")
        status, headers, _ = get(session, "/congan-hoakhanh")
        assert (status, headers["Location"]) == (301, "/congan-hoakhanh/")
        for outside in ("/style.css", "/2024/01/ban-tin-thu/", "/congan-hoakhanhx/", "/index.html"):
            status, _, body = get(session, outside)
            assert status == 404, outside
            assert "Trang 404 của website" in body and EVENTS_PATH in body
        assert get(session, "/congan-hoakhanh/../site.toml")[0] == 403


def test_live_reload_works_under_the_folder(project: Path) -> None:
    under_folder(project)
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        stream = EventStream(session, since=session.hub.state()[0])
        try:
            bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
            edit(bulletin, BULLETIN.format(title="Tiêu đề đã sửa", category="an-ninh-trat-tu"))
            assert stream.next_event() == "reload"
        finally:
            stream.close()
        assert "Tiêu đề đã sửa" in get(session, "/congan-hoakhanh/")[2]


def test_changing_base_url_while_serving_moves_the_site(
    session: PreviewSession, project: Path
) -> None:
    stream = EventStream(session, since=session.hub.state()[0])
    try:
        under_folder(project, "phuong-moi")
        assert stream.next_event() == "reload"
    finally:
        stream.close()
    assert session.url.endswith("/phuong-moi/")
    assert get(session, "/")[1]["Location"] == "/phuong-moi/"
    assert get(session, "/phuong-moi/")[0] == 200
    assert get(session, "/2024/01/ban-tin-thu/")[0] == 404


def test_a_reload_after_the_folder_moved_tells_pages_where_the_site_is_now(
    session: PreviewSession, project: Path
) -> None:
    """A page reloaded at its old address would be a 404: it needs the new folder (and its
    own, to find its path inside the site)."""
    status, _, body = get(session, "/2024/01/ban-tin-thu/")
    assert status == 200 and 'var here="/";' in body
    stream = EventStream(session, since=session.hub.state()[0])
    try:
        under_folder(project, "phuong-moi")
        assert stream.next_event() == "reload"
        assert json.loads(stream.data)["site"] == "/phuong-moi/"
    finally:
        stream.close()
    status, _, body = get(session, "/phuong-moi/2024/01/ban-tin-thu/")
    assert status == 200 and 'var here="/phuong-moi/";' in body
    status, _, body = get(session, "/2024/01/ban-tin-thu/")  # its 404 page, moved on the same way
    assert status == 404 and 'var here="/phuong-moi/";' in body


def test_a_failed_rebuild_after_the_folder_changed_keeps_the_last_good_build_at_its_folder(
    project: Path,
) -> None:
    """The old pages, linking to the old folder, were served at the new one (their styles and
    links broken under the error): the folder moves with the first build made for it."""
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        stream = EventStream(session, since=session.hub.state()[0])
        try:
            edit(bulletin, BULLETIN.format(title="Bản tin thử nghiệm", category="khong-co"))
            assert stream.next_event() == "reload"
            under_folder(project, "phuong-moi")
            assert stream.next_event() == "reload"
            assert json.loads(stream.data)["site"] == "/"

            assert session.url.endswith(":" + str(session.server.server_address[1]) + "/")
            status, _, body = get(session, "/2024/01/ban-tin-thu/")
            assert status == 200 and 'id="__publish-error"' in body
            assert "chuyên mục không tồn tại" in body and 'var here="/";' in body
            assert get(session, "/phuong-moi/")[0] == 404

            edit(bulletin, BULLETIN.format(title="Đã sửa xong", category="an-ninh-trat-tu"))
            assert stream.next_event() == "reload"
            assert json.loads(stream.data)["site"] == "/phuong-moi/"
        finally:
            stream.close()
        status, _, body = get(session, "/phuong-moi/")
        assert status == 200 and "Đã sửa xong" in body and "__publish-error" not in body
        assert get(session, "/")[1]["Location"] == "/phuong-moi/"


def test_a_first_build_failing_serves_at_the_folder_site_toml_names(project: Path) -> None:
    """No good build yet in this session: output/ left by an earlier build was most likely
    made with this site.toml."""
    under_folder(project)
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    bulletin.write_text(BULLETIN.format(title="X", category="khong-co"), encoding="utf-8")
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        assert session.url.endswith("/congan-hoakhanh/")
        status, _, body = get(session, "/congan-hoakhanh/")
        assert status == 503 and "chuyên mục không tồn tại" in body


def test_below() -> None:
    assert below(("a", "b", "c"), ("a",)) == ("b", "c")
    assert below(("a",), ("a",)) == ()
    assert below(("b", "c"), ()) == ("b", "c")
    assert below(("ab", "c"), ("a",)) is None
    assert below((), ("a",)) is None


# --- watching, rebuilding, reloading --------------------------------------------------------------


def test_content_edit_rebuilds_and_sends_reload(session: PreviewSession, project: Path) -> None:
    generation = session.hub.state()[0]
    stream = EventStream(session, since=generation)
    try:
        bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
        edit(bulletin, BULLETIN.format(title="Tiêu đề đã sửa", category="an-ninh-trat-tu"))
        assert stream.next_event() == "reload"
    finally:
        stream.close()
    assert "Tiêu đề đã sửa" in get(session, "/")[2]
    assert "Tiêu đề đã sửa" in (project / "output" / "web" / "index.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("site.toml", None),
        ("templates/base.html", "<main>{{ content }}</main>"),
        (
            "content/bai-viet/2024-02-03-bai-moi.md",
            BULLETIN.format(title="Bài mới", category="an-ninh-trat-tu"),
        ),
        ("content/images/anh.jpg", "jpeg"),
    ],
)
def test_watched_files_trigger_a_rebuild(
    session: PreviewSession, project: Path, path: str, text: str | None
) -> None:
    generation = session.hub.state()[0]
    stream = EventStream(session, since=generation)
    try:
        target = project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            text = target.read_text("utf-8") + "\n"
        target.write_text(text, encoding="utf-8")
        assert stream.next_event() == "reload"
    finally:
        stream.close()
    assert session.hub.state() == (generation + 1, None)


def test_a_renamed_bulletin_tells_open_pages_its_new_address(
    session: PreviewSession, project: Path
) -> None:
    """The editor renames the file (a new slug) or changes its date: the page open at the old
    address follows it, instead of reloading into «Không tìm thấy trang»."""
    folder = project / "content" / "bai-viet"
    old = folder / "2024-01-02-ban-tin-thu.md"
    text = BULLETIN.format(title="Có id", category="an-ninh-trat-tu")
    stream = EventStream(session, since=session.hub.state()[0])
    try:
        edit(old, text.replace("---\ntitle", "---\nid: ct-2024-01-thu\ntitle", 1))
        assert stream.next_event() == "reload"
        os.replace(old, folder / "2024-01-02-tuan-tra-dem.md")
        assert stream.next_event() == "reload"
        moved = json.loads(stream.data)["moved"]
        assert moved == {"/2024/01/ban-tin-thu/": "/2024/01/tuan-tra-dem/"}
    finally:
        stream.close()
    assert get(session, "/2024/01/tuan-tra-dem/")[0] == 200


def test_a_renamed_bulletin_without_id_tells_open_pages_its_new_address(
    session: PreviewSession, project: Path
) -> None:
    """Without `id` a bulletin is known by its slug, which the rename changes: one bulletin gone
    and one come in the same rebuild is taken for it, renamed."""
    folder = project / "content" / "bai-viet"
    stream = EventStream(session, since=session.hub.state()[0])
    try:
        os.replace(folder / "2024-01-02-ban-tin-thu.md", folder / "2024-01-02-tuan-tra-dem.md")
        assert stream.next_event() == "reload"
        moved = json.loads(stream.data)["moved"]
        assert moved == {"/2024/01/ban-tin-thu/": "/2024/01/tuan-tra-dem/"}
    finally:
        stream.close()


def test_two_bulletins_without_id_renamed_at_once_are_not_guessed(
    session: PreviewSession, project: Path
) -> None:
    """Two gone and two come: which is which cannot be told, so no page is sent to another's
    address (they reload into «Không tìm thấy trang» as before)."""
    folder = project / "content" / "bai-viet"
    second = BULLETIN.format(title="Bản tin thứ hai", category="an-ninh-trat-tu")
    stream = EventStream(session, since=session.hub.state()[0])
    try:
        edit(folder / "2024-01-02-ban-tin-hai.md", second)
        assert stream.next_event() == "reload"
        session._debouncer.stop()  # both renames in one rebuild, whatever the machine's pace
        os.replace(folder / "2024-01-02-ban-tin-thu.md", folder / "2024-01-02-tuan-tra-dem.md")
        os.replace(folder / "2024-01-02-ban-tin-hai.md", folder / "2024-01-02-tuan-tra-ngay.md")
        session.rebuild()
        assert stream.next_event() == "reload"
        assert json.loads(stream.data)["moved"] == {}
    finally:
        stream.close()


def test_a_bulletin_removed_and_another_added_in_one_rebuild_are_not_taken_for_a_rename(
    session: PreviewSession, project: Path
) -> None:
    """A `git pull` that deletes one bulletin without id and adds an unrelated one: the page
    open at the deleted one reloads into «Không tìm thấy trang» as it would alone, instead of
    jumping to a bulletin the editor never opened."""
    folder = project / "content" / "bai-viet"
    stream = EventStream(session, since=session.hub.state()[0])
    try:
        session._debouncer.stop()  # both changes in one rebuild, as a pull brings them
        (folder / "2024-01-02-ban-tin-thu.md").unlink()
        added = BULLETIN.format(title="Cảnh báo lừa đảo qua mạng", category="an-ninh-trat-tu")
        (folder / "2024-01-05-canh-bao-lua-dao.md").write_text(
            added.replace("Nội dung bản tin thử.", "Người dân cảnh giác với cuộc gọi lạ."),
            encoding="utf-8",
        )
        session.rebuild()
        assert stream.next_event() == "reload"
        assert json.loads(stream.data)["moved"] == {}
    finally:
        stream.close()


def test_a_bulletin_whose_slug_is_edited_follows_to_its_new_address(
    session: PreviewSession, project: Path
) -> None:
    """Without `id` the slug is its name: the same file with another `slug` is the same
    bulletin at a new address, though its bytes changed."""
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    text = BULLETIN.format(title="Bản tin thử nghiệm", category="an-ninh-trat-tu")
    stream = EventStream(session, since=session.hub.state()[0])
    try:
        edit(bulletin, text.replace("---\ntitle", "---\nslug: tuan-tra-dem\ntitle", 1))
        assert stream.next_event() == "reload"
        moved = json.loads(stream.data)["moved"]
        assert moved == {"/2024/01/ban-tin-thu/": "/2024/01/tuan-tra-dem/"}
    finally:
        stream.close()


def _notice(body: str) -> tuple[str, str, str]:
    """The title, text and hint of the overlay on a served page (unescaped)."""
    parts = [
        re.search(rf'id="__publish-error-{name}"[^>]*>(.*?)</', body, re.S)
        for name in ("title", "text", "hint")
    ]
    found = [html.unescape(match[1]) if match else "" for match in parts]
    return found[0], found[1], found[2]


def test_a_bulletin_edited_after_its_approval_tells_the_open_page_why_it_is_gone(
    project: Path,
) -> None:
    """An editor fixes one word of an approved, published bulletin: the page open at it
    reloads to the site's «Không tìm thấy» page with the reason the build gives (held until
    approved again) and how to see it anyway (`publish serve --drafts`), not a bare 404."""
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    by = ["--by", "Thượng tá Trần Minh Trí, Trưởng Công an huyện"]
    assert main(["approve", "--root", str(project), str(bulletin), *by]) == 0
    out = io.StringIO()
    with PreviewSession(project, port=0, out=out, err=io.StringIO()) as session:
        address = "/2024/01/ban-tin-thu/"
        assert get(session, address)[0] == 200
        edit(bulletin, bulletin.read_text("utf-8").replace("bản tin thử.\n", "bản tin thật.\n"))
        assert session.rebuild()
        status, _, body = get(session, address)
        assert status == 404
        assert "Trang 404 của website" in body  # what a reader will meet, under the notice
        title, text, hint = _notice(body)
        assert title == "Bản tin này đang bị giữ lại"
        assert text.startswith(
            "content/bai-viet/2024-01-02-ban-tin-thu.md: nội dung đã đổi sau khi duyệt"
        )
        assert "publish approve" in text
        assert "publish serve --drafts" in hint
        assert get(session, address + "index.html")[0] == 404
        assert "Bản tin này đang bị giữ lại" in get(session, address + "index.html")[2]
        assert "__publish-error" not in get(session, "/2024/01/khong-co-bai-nay/")[2]
        assert main(["approve", "--root", str(project), str(bulletin), *by]) == 0
        assert session.rebuild()
        assert get(session, address)[0] == 200
    assert "nội dung đã đổi sau khi duyệt" in out.getvalue()  # the terminal's line stays
    assert "__publish" not in (project / "output/web/404.html").read_text("utf-8")


SERVED_GONE = (
    "trang của bài đã không còn trong output/web/ và sẽ rời website thật khi một bản dựng "
    "không có bài được triển khai (trong CI: ngay sau khi thay đổi được gộp vào nhánh chính)"
)
"""What a deleted bulletin's notice says of the website when the preview is output/web: the
page has left that folder already (it said «sẽ bị rút khỏi website ở lần đồng bộ tới»)."""


def _published(project: Path) -> None:
    """Record the project's bulletin as published on the website by the last sync."""
    (project / "state").mkdir(exist_ok=True)
    record = {"version": 1, "bulletins": ["ban-tin-thu"], "off_web": []}
    (project / "state" / "published.json").write_text(json.dumps(record), "utf-8")


def test_a_deleted_bulletin_tells_the_open_page_what_the_next_sync_does(project: Path) -> None:
    """The page open at a bulletin whose file was deleted reloaded to the bare «Không tìm
    thấy» page: held bulletins get a notice, a deleted one says its page has left output/web
    (it leaves the website when that is deployed) and how to get the file back."""
    _published(project)
    name = "content/bai-viet/2024-01-02-ban-tin-thu.md"
    text = (project / name).read_text("utf-8")
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        address = "/2024/01/ban-tin-thu/"
        assert get(session, address)[0] == 200
        (project / name).unlink()
        assert session.rebuild()
        status, _, body = get(session, address)
        assert status == 404
        assert "Trang 404 của website" in body
        title, told, hint = _notice(body)
        assert title == "Tệp của bản tin này đã bị xóa"
        assert told == (
            f"Tệp {name} đã bị xóa: {SERVED_GONE}; muốn giữ thì lấy lại tệp từ nhánh chính, "
            f"thường là main, rồi commit: git checkout main -- {name}"
        )
        assert "tự tải lại" in hint
        edit(project / name, text)
        assert session.rebuild()
        assert get(session, address)[0] == 200


@pytest.mark.parametrize("edited", [False, True], ids=["renamed", "renamed-and-edited"])
def test_a_renamed_bulletin_is_not_told_as_deleted(project: Path, edited: bool) -> None:
    """Without `id` a renamed file is a bulletin at another address: renamed as it was it is
    followed there; renamed and edited in one save, its title still tells it is no deletion."""
    _published(project)
    folder = project / "content" / "bai-viet"
    text = (folder / "2024-01-02-ban-tin-thu.md").read_text("utf-8")
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        assert get(session, "/2024/01/ban-tin-thu/")[0] == 200
        (folder / "2024-01-02-ban-tin-thu.md").unlink()
        new = text.replace("thử.\n", "thử, đã sửa.\n") if edited else text
        edit(folder / "2024-01-02-tuan-tra-dem.md", new)
        assert session.rebuild()
        status, _, body = get(session, "/2024/01/ban-tin-thu/")
        assert get(session, "/2024/01/tuan-tra-dem/")[0] == 200
    assert status == 404
    assert "đã bị xóa" not in body


def test_a_bulletin_made_a_draft_under_a_new_address_is_explained_at_its_old_one(
    session: PreviewSession, project: Path
) -> None:
    """Made a draft again and renamed in one save (a bulletin with `id`, as `publish new`
    writes): the address the page was open at (the last build's) and its new one both say why
    there is no page."""
    folder = project / "content" / "bai-viet"
    text = BULLETIN.format(title="Bản tin thử nghiệm", category="an-ninh-trat-tu")
    text = text.replace("---\ntitle", "---\nid: ct-2024-01-thu\ntitle", 1)
    edit(folder / "2024-01-02-ban-tin-thu.md", text)
    assert session.rebuild()
    (folder / "2024-01-02-ban-tin-thu.md").unlink()
    edit(folder / "2024-01-02-tuan-tra-dem.md", text.replace("---\n", "---\ndraft: true\n", 1))
    assert session.rebuild()
    for address in ("/2024/01/ban-tin-thu/", "/2024/01/tuan-tra-dem/"):
        status, _, body = get(session, address)
        assert status == 404
        _, told, hint = _notice(body)
        assert told == "content/bai-viet/2024-01-02-tuan-tra-dem.md: bản nháp (draft: true)"
        assert "publish serve --drafts" in hint


def test_a_held_bulletin_under_drafts_is_told_without_suggesting_drafts(project: Path) -> None:
    """With --drafts a draft is shown; a bulletin held for another reason (its publication
    time to come) is told at its address, without sending the editor to --drafts again."""
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    edit(
        bulletin,
        bulletin.read_text("utf-8").replace(
            "date: 2024-01-02 08:00", "date: 2024-01-02 08:00\nexpires: 2024-01-03"
        ),
    )
    with PreviewSession(
        project, port=0, drafts=True, out=io.StringIO(), err=io.StringIO()
    ) as session:
        status, _, body = get(session, "/2024/01/ban-tin-thu/")
    assert status == 404
    _, told, hint = _notice(body)
    assert told.startswith("content/bai-viet/2024-01-02-ban-tin-thu.md: ")
    assert "hết hạn" in told
    assert "--drafts" not in hint


@pytest.mark.parametrize(
    ("written", "due"),
    [
        ("2024-01-02 08:00", "2024-01-02 08:00"),
        # In UTC: the command is on the site's clock, which --now reads a bare time as.
        ("2024-01-02T01:00:00Z", "2024-01-02 08:00"),
        # A minute cut short would still be before it: held again.
        ("2024-01-02 08:00:30", "2024-01-02 08:00:30"),
    ],
)
def test_a_scheduled_bulletin_is_told_how_to_preview_it_before_it_goes_out(
    project: Path, written: str, due: str
) -> None:
    """Approved for tomorrow 08:00: --drafts does not show it (it is no draft), and the editor
    saw only «hẹn giờ» on the «Không tìm thấy» page. The notice gives the command that does,
    whatever clock and precision its date was written in, and that command shows it, without
    writing it into output/."""
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    edit(
        bulletin, bulletin.read_text("utf-8").replace("date: 2024-01-02 08:00", f"date: {written}")
    )
    with PreviewSession(
        project, port=0, drafts=True, now="2024-01-01 09:00", out=io.StringIO(), err=io.StringIO()
    ) as session:
        status, _, body = get(session, "/2024/01/ban-tin-thu/")
    assert status == 404
    _, told, hint = _notice(body)
    assert "hẹn giờ" in told
    command = re.search(r'publish serve --drafts --now "([^"]+)"', hint)
    assert command is not None, hint
    assert command[1] == due
    with PreviewSession(
        project, port=0, drafts=True, now=command[1], out=io.StringIO(), err=io.StringIO()
    ) as session:
        assert get(session, "/2024/01/ban-tin-thu/")[0] == 200
    assert not (project / "output").exists()


def test_a_draft_shown_by_serve_drafts_is_told_as_previewed_not_skipped(project: Path) -> None:
    """`publish serve --drafts` shows the draft: its line says so («Xem trước (không đăng)»),
    not «Bỏ qua» (skipped) about the page the editor is looking at."""
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    edit(bulletin, bulletin.read_text("utf-8").replace("---\n", "---\ndraft: true\n", 1))
    out = io.StringIO()
    with PreviewSession(project, port=0, drafts=True, out=out, err=io.StringIO()) as session:
        assert get(session, "/2024/01/ban-tin-thu/")[0] == 200
    told = out.getvalue().splitlines()
    line = (
        "Xem trước (không đăng) content/bai-viet/2024-01-02-ban-tin-thu.md: bản nháp (draft: true)"
    )
    assert line in told
    assert not [t for t in told if t.startswith("Bỏ qua")]


def test_page_that_missed_a_rebuild_reloads_at_once(session: PreviewSession) -> None:
    session.rebuild()
    stale = session.hub.state()[0] - 1
    stream = EventStream(session, since=stale)
    try:
        assert stream.next_event() == "reload"
    finally:
        stream.close()


def test_broken_edit_shows_error_overlay_until_fixed(project: Path) -> None:
    err = io.StringIO()
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    with PreviewSession(project, port=0, out=io.StringIO(), err=err) as session:
        stream = EventStream(session, since=session.hub.state()[0])
        try:
            edit(bulletin, BULLETIN.format(title="Bản tin thử nghiệm", category="<b>sai</b>"))
            assert stream.next_event() == "reload"

            status, _, body = get(session, "/")
            assert status == 200
            assert 'id="__publish-error"' in body
            assert "chuyên mục không tồn tại" in body
            assert "&lt;b&gt;sai&lt;/b&gt;" in body and "<b>sai</b>" not in body
            assert "Bản tin thử nghiệm" in body, "the last good page stays under the overlay"
            assert "chuyên mục không tồn tại" in err.getvalue()
            assert "<b>sai</b>" not in (project / "output/web/index.html").read_text("utf-8")

            edit(bulletin, BULLETIN.format(title="Đã sửa xong", category="an-ninh-trat-tu"))
            assert stream.next_event() == "reload"
        finally:
            stream.close()
        body = get(session, "/")[2]
        assert "__publish-error" not in body
        assert "Đã sửa xong" in body


def test_the_overlay_shows_the_error_to_fix_before_other_bulletins_notes(project: Path) -> None:
    """A phone shows the overlay's first lines: a note on Word's quotes in another bulletin
    (listed first, by file name) hid the error that stopped the rebuild. The error comes
    first, the notes after the count; the terminal keeps the order of `publish check`."""
    quoted = BULLETIN.format(title="Bài có ngoặc cong", category="an-ninh-trat-tu").replace(
        'summary: "Tóm tắt bản tin thử."', "summary: “Tóm tắt dán từ Word.”"
    )
    edit(project / "content" / "bai-viet" / "2024-01-01-a.md", quoted)
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    err = io.StringIO()
    with PreviewSession(project, port=0, out=io.StringIO(), err=err) as session:
        edit(bulletin, BULLETIN.format(title="Bản tin thử nghiệm", category="sai-chuyen-muc"))
        assert not session.rebuild()
        shown = session.hub.state()[1]
    assert shown is not None
    lines = shown.splitlines()
    assert "chuyên mục không tồn tại" in lines[0]
    assert lines.index("Tìm thấy 1 lỗi. Chưa có gì được ghi hay xuất bản.") < next(
        i for i, line in enumerate(lines) if "ngoặc kép cong" in line
    )
    told = err.getvalue()
    assert told.index("ngoặc kép cong") < told.index("chuyên mục không tồn tại")


def test_a_failed_rebuild_tells_its_closing_line_once(project: Path) -> None:
    """The line that ends a content error («Tìm thấy N lỗi…») comes once in the terminal and once
    on the page's overlay, the same words in both: the overlay reorders the problems but ends
    their errors with the error's own line, not a copy of it kept in the serve session."""
    quoted = BULLETIN.format(title="Bài có ngoặc cong", category="an-ninh-trat-tu").replace(
        'summary: "Tóm tắt bản tin thử."', "summary: “Tóm tắt dán từ Word.”"
    )
    edit(project / "content" / "bai-viet" / "2024-01-01-a.md", quoted)
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    err = io.StringIO()
    with PreviewSession(project, port=0, out=io.StringIO(), err=err) as session:
        told = len(err.getvalue())
        session._debouncer.stop()  # the edit below is rebuilt here, once
        edit(bulletin, BULLETIN.format(title="Bản tin thử nghiệm", category="sai-chuyen-muc"))
        assert not session.rebuild()
        body = get(session, "/")[2]
        shown = session.hub.state()[1]
    terminal = err.getvalue()[told:].splitlines()
    closing = "Tìm thấy 1 lỗi. Chưa có gì được ghi hay xuất bản."
    assert terminal[-1] == closing and terminal.count(closing) == 1
    assert shown is not None and shown.splitlines().count(closing) == 1
    assert body.count(closing) == 1
    assert body.count("Sửa tệp rồi lưu lại") == 1


def test_a_page_asked_for_while_a_rebuild_moves_files_comes_whole_from_one_build(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rebuild stops after moving in the bulletin's new page, before the home page: a
    # request then must wait for the rest, not get the old home page beside the new bulletin.
    moved, release = threading.Event(), threading.Event()
    real = os.replace

    def pausing(source: str, target: str) -> None:
        real(source, target)
        if ".staging-" in str(source) and not moved.is_set():
            moved.set()
            release.wait(EVENT_WAIT)

    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        monkeypatch.setattr(os, "replace", pausing)
        stream = EventStream(session, since=session.hub.state()[0])
        try:
            edit(bulletin, BULLETIN.format(title="Tiêu đề mới", category="an-ninh-trat-tu"))
            assert moved.wait(EVENT_WAIT)
            answers: dict[str, str] = {}
            asking = threading.Thread(target=lambda: answers.update(home=get(session, "/")[2]))
            asking.start()
            asking.join(0.5)
            waited = asking.is_alive()
            release.set()
            asking.join(EVENT_WAIT)
            assert stream.next_event() == "reload"
        finally:
            release.set()
            stream.close()
        assert waited, "a request answered while files were being moved"
        assert "Tiêu đề mới" in answers["home"]
        assert "Bản tin thử nghiệm" not in answers["home"]


def test_a_page_loaded_just_before_a_rebuild_still_gets_its_style_sheet(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The style sheet is named by its content: a page loaded just before a rebuild that changed
    it asks for the old name once the new build is in. It gets the old sheet, not a 404 that
    showed the page unstyled until its reload; output/ holds only the new build's."""
    module = sys.modules[__name__]
    plain = module.render

    def styled(name: str, css: str):  # type: ignore[no-untyped-def]
        """The stand-in renderer with a style sheet published as assets/<name>."""

        def render(site: object) -> Iterator[Artifact]:
            yield from plain(site)
            yield Artifact.text("web", f"assets/{name}", css)

        return render

    monkeypatch.setattr(module, "render", styled("style.aaaa1111.css", "body { color: red; }"))
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        page = get(session, "/2024/01/ban-tin-thu/")
        assert page[0] == 200
        monkeypatch.setattr(module, "render", styled("style.bbbb2222.css", "body { color: blue; }"))
        renderer_changed(project)
        assert session.rebuild()
        status, headers, body = get(session, "/assets/style.aaaa1111.css")
        assert status == 200 and body == "body { color: red; }"
        assert headers["Content-Type"] == "text/css; charset=utf-8"
        assert get(session, "/assets/style.bbbb2222.css")[2] == "body { color: blue; }"
        assert get(session, "/assets/khong-co.css")[0] == 404
    assert sorted(p.name for p in (project / "output" / "web" / "assets").iterdir()) == [
        "style.bbbb2222.css"
    ]


PLAIN_RENDER = render
"""The stand-in renderer, whatever a test put in its place."""


def with_photo(name: str, data: bytes):  # type: ignore[no-untyped-def]
    """The stand-in renderer with a photo published as anh/<name> (named by its content, as
    the web renderer names each image variant)."""
    plain = PLAIN_RENDER

    def render(site: object) -> Iterator[Artifact]:
        yield from plain(site)
        yield Artifact("web", f"anh/{name}", data)

    return render


def test_a_page_loaded_just_before_a_rebuild_still_gets_its_images(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The photo of a bulletin is replaced (a new name): a page loaded just before the rebuild
    asks for the old one after it, and gets it instead of a broken image until its reload;
    output/ holds only the new build's."""
    module = sys.modules[__name__]
    monkeypatch.setattr(module, "render", with_photo("anh-640.aaaa1111.jpg", b"JFIF old"))
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        monkeypatch.setattr(module, "render", with_photo("anh-640.bbbb2222.jpg", b"JFIF new"))
        renderer_changed(project)
        assert session.rebuild()
        status, headers, _ = get(session, "/anh/anh-640.aaaa1111.jpg")
        assert status == 200 and headers["Content-Type"] == "image/jpeg"
        assert session.server.replaced_images == {"anh/anh-640.aaaa1111.jpg": b"JFIF old"}
        assert get(session, "/anh/anh-640.bbbb2222.jpg")[0] == 200
        assert get(session, "/anh/khong-co.jpg")[0] == 404
    assert [p.name for p in (project / "output" / "web" / "anh").iterdir()] == [
        "anh-640.bbbb2222.jpg"
    ]


def test_images_taken_away_are_kept_only_within_their_bounds(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept for a minute, up to a size (a change of widths takes every image away), and only
    images: a page the rebuild withdrew is not served from memory."""
    module = sys.modules[__name__]
    monkeypatch.setattr(module, "render", with_photo("lon.aaaa1111.jpg", b"x" * 2000))
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        monkeypatch.setattr(server_module, "KEPT_IMAGE_BYTES", 1000)
        monkeypatch.setattr(module, "render", with_photo("nho.bbbb2222.jpg", b"y" * 800))
        renderer_changed(project)
        assert session.rebuild()
        assert get(session, "/anh/lon.aaaa1111.jpg")[0] == 404, "kept beyond the size limit"
        monkeypatch.setattr(module, "render", with_photo("khac.cccc3333.jpg", b"z"))
        session._debouncer.stop()  # the move below is rebuilt here, once
        os.replace(
            project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md",
            project / "tin-da-go.md",
        )
        assert session.rebuild()
        assert get(session, "/anh/nho.bbbb2222.jpg")[0] == 200
        assert get(session, "/2024/01/ban-tin-thu/")[0] == 404, "a withdrawn page served"
        later = time.monotonic() + server_module.KEPT_IMAGE_SECONDS + 1
        monkeypatch.setattr(server_module, "time", SimpleNamespace(monotonic=lambda: later))
        assert get(session, "/anh/nho.bbbb2222.jpg")[0] == 404, "kept past its time"


def with_photos(site: object) -> Iterator[Artifact]:
    """The stand-in renderer where each bulletin's page shows its own photo, anh/<slug>.jpg."""
    for artifact in PLAIN_RENDER(site):
        if artifact.key is None:
            yield artifact
            continue
        slug = artifact.path.split("/")[-2]
        photo = (
            f'<img src="/anh/{slug}-640.aaaa1111.jpg" srcset="../../anh/{slug}-320.bbbb.jpg 320w">'
        )
        yield Artifact.text(
            "web", artifact.path, _page(slug, photo), source=artifact.source, key=artifact.key
        )
        yield Artifact("web", f"anh/{slug}-640.aaaa1111.jpg", b"JFIF " + slug.encode())
        yield Artifact("web", f"anh/{slug}-320.bbbb.jpg", b"JFIF small " + slug.encode())


def test_the_images_of_a_bulletin_withdrawn_are_not_kept(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bulletin made a draft again (or secret) is withdrawn by the rebuild: its photos are not
    kept in memory for a page loaded just before, they are gone at once like its page. A photo
    replaced on a page still served is kept."""
    module = sys.modules[__name__]
    monkeypatch.setattr(module, "render", with_photos)
    source = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    other = project / "content" / "bai-viet" / "2024-01-03-tin-khac.md"
    other.write_text(BULLETIN.format(title="Tin khác", category="an-ninh-trat-tu"), "utf-8")
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        session._debouncer.stop()  # the edit below is rebuilt here, once
        assert get(session, "/anh/ban-tin-thu-640.aaaa1111.jpg")[0] == 200
        text = source.read_text("utf-8")
        source.write_text(text.replace("---\ntitle", "---\ndraft: true\ntitle", 1), "utf-8")
        monkeypatch.setattr(module, "render", lambda site: (
            a if a.path != "anh/tin-khac-640.aaaa1111.jpg" else Artifact(
                "web", "anh/tin-khac-640.cccc.jpg", a.data
            )
            for a in with_photos(site)
        ))  # fmt: skip
        assert session.rebuild()
        assert get(session, "/2024/01/ban-tin-thu/")[0] == 404
        assert get(session, "/anh/ban-tin-thu-640.aaaa1111.jpg")[0] == 404, "a draft's photo kept"
        assert get(session, "/anh/ban-tin-thu-320.bbbb.jpg")[0] == 404, "a draft's photo kept"
        assert get(session, "/anh/tin-khac-640.aaaa1111.jpg")[0] == 200
        assert set(session.server.replaced_images) == {"anh/tin-khac-640.aaaa1111.jpg"}


def test_images_taken_away_are_dropped_even_if_nothing_asks(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An idle preview does not hold the images a rebuild took away past their time: a timer
    drops them, not the next request for one."""
    module = sys.modules[__name__]
    monkeypatch.setattr(module, "render", with_photo("anh-640.aaaa1111.jpg", b"JFIF old"))
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        monkeypatch.setattr(server_module, "KEPT_IMAGE_SECONDS", 0.0)
        monkeypatch.setattr(module, "render", with_photo("anh-640.bbbb2222.jpg", b"JFIF new"))
        renderer_changed(project)
        assert session.rebuild()
        deadline = time.monotonic() + EVENT_WAIT
        while session.server.replaced_images and time.monotonic() < deadline:
            time.sleep(0.01)
        assert session.server.replaced_images == {}, "kept past its time with nothing asking"


def test_a_rebuild_failing_while_moving_files_keeps_the_last_good_build_whole(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace

    def failing(source: str, target: str) -> None:
        if ".staging-" in str(source) and str(target).endswith(f"{os.sep}web{os.sep}index.html"):
            raise OSError(28, "No space left on device", str(target))
        real(source, target)

    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    page = "/2024/01/ban-tin-thu/"
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        monkeypatch.setattr(os, "replace", failing)
        stream = EventStream(session, since=session.hub.state()[0])
        try:
            edit(bulletin, BULLETIN.format(title="Tiêu đề mới", category="an-ninh-trat-tu"))
            assert stream.next_event() == "reload"
        finally:
            stream.close()
        status, _, home = get(session, "/")
        assert status == 200 and 'id="__publish-error"' in home
        assert "hết chỗ trên đĩa" in home and "Đầu ra cũ vẫn giữ nguyên" in home
        assert "Bản tin thử nghiệm" in home
        assert "Tiêu đề mới" not in get(session, page)[2], "the last good build, not a mix"


def test_a_rebuild_moves_files_only_once_the_requests_being_read_are_done() -> None:
    files = ReadWriteLock()
    order: list[str] = []

    def move() -> None:
        with files.writing():
            order.append("w")

    with files.reading():
        moving = threading.Thread(target=move)
        moving.start()
        moving.join(0.3)
        order.append("r")
    moving.join(EVENT_WAIT)
    assert order == ["r", "w"]


def test_first_build_failing_still_serves_an_error_page(project: Path) -> None:
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    bulletin.write_text(BULLETIN.format(title="X", category="khong-co"), encoding="utf-8")
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        status, _, body = get(session, "/")
        assert status == 503
        assert "chuyên mục không tồn tại" in body and EVENTS_PATH in body

        stream = EventStream(session, since=session.hub.state()[0])
        try:
            edit(bulletin, BULLETIN.format(title="Đã sửa", category="an-ninh-trat-tu"))
            assert stream.next_event() == "reload"
        finally:
            stream.close()
        status, _, body = get(session, "/")
        assert status == 200 and "Đã sửa" in body


def test_the_error_page_names_a_macs_files_in_nfc_as_the_terminal_does(project: Path) -> None:
    """A Mac names files in NFD: the terminal shows every message in NFC, the error page showed
    the other file's name as stored, a word the browser's find (Ctrl+F) does not match."""
    folder = project / "content" / "bai-viet"
    for name in ("2024-01-02-cảnh-báo.md", "2024-01-03-cảnh-giác.md"):
        text = BULLETIN.format(title="X", category="an-ninh-trat-tu").replace(
            "---\n\n", "slug: trung\n---\n\n"
        )
        (folder / unicodedata.normalize("NFD", name)).write_text(text, encoding="utf-8")
    err = io.StringIO()
    with PreviewSession(project, port=0, out=io.StringIO(), err=err) as session:
        status, _, body = get(session, "/")
    assert status == 503 and "trùng với" in body
    assert "content/bai-viet/2024-01-02-cảnh-báo.md" in body
    assert unicodedata.is_normalized("NFC", body)


def test_renderer_crash_keeps_server_running(
    session: PreviewSession, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(site: object) -> Iterator[Artifact]:
        raise RuntimeError("hỏng mẫu")
        yield  # pragma: no cover

    monkeypatch.setattr(sys.modules[__name__], "render", broken)
    renderer_changed(project)
    assert session.rebuild() is False
    status, _, body = get(session, "/")
    assert status == 200 and "Lỗi nội bộ" in body and "Bản tin thử nghiệm" in body


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    ("error", "said"),
    [
        (
            RuntimeError("token=abc123 /home/canbo/.secret"),
            "Lỗi nội bộ khi dựng website (RuntimeError). Chạy lại với --debug để xem chi tiết",
        ),
        (
            OSError(errno.ENOSPC, "No space left on device", "/tmp/trang.html"),
            "lỗi hệ thống tệp khi dựng website: hết chỗ trên đĩa (/tmp/trang.html). Cách sửa: ",
        ),
    ],
)
def test_an_unexpected_error_of_a_rebuild_is_told_as_the_cli_tells_it(
    project: Path, monkeypatch: pytest.MonkeyPatch, error: Exception, said: str, debug: bool
) -> None:
    """QA, session 77: the terminal and every open page showed the exception's own text
    («RuntimeError: failed to map segment from shared object»), English, and at times a path
    or a token, where `publish build` names its class alone; its text is --debug's to show."""

    from publish.serve import session as session_module

    def broken(*args: object, **kwargs: object) -> None:
        raise error

    err = io.StringIO()
    with PreviewSession(project, port=0, debug=debug, out=io.StringIO(), err=err) as session:
        monkeypatch.setattr(session_module, "build", broken)
        renderer_changed(project)
        assert session.rebuild() is False
        _, _, body = get(session, "/")
    told = err.getvalue()
    assert said in told and said in body
    assert "token=abc123" not in body and "No space left" not in body
    assert ("Traceback" in told) is debug
    assert ("token=abc123" in told or "No space left" in told) is debug


def test_editor_temp_files_do_not_trigger_rebuilds(session: PreviewSession, project: Path) -> None:
    generation = session.hub.state()[0]
    folder = project / "content" / "bai-viet"
    for name in (".ban-tin.md.swp", "ban-tin.md~", "#ban-tin.md#", ".#ban-tin.md", "4913"):
        (folder / name).write_text("tạm", encoding="utf-8")
    # Explorer's thumbnail view writes Thumbs.db beside the photos: no rebuild, no reload.
    for name in ("Thumbs.db", "desktop.ini"):
        (project / "content" / name).write_text("x", encoding="utf-8")
    (project / "output" / "web" / "ghi-chu.txt").write_text("x", encoding="utf-8")
    time.sleep(0.6)  # three debounce periods: long enough for a rebuild to have started
    assert session.hub.state()[0] == generation


@pytest.mark.parametrize(
    ("name", "temp"),
    [
        ("bai.md", False),
        ("anh-bia.jpg", False),
        ("base.html", False),
        (".bai.md.swp", True),
        (".bai.md.swx", True),
        ("bai.md~", True),
        ("#bai.md#", True),
        (".#bai.md", True),
        ("4913", True),
        ("~$bai.docx", True),
        (".goutputstream-XYZ12", True),
        ("bai.md___jb_tmp___", True),
    ],
)
def test_is_editor_temp(name: str, temp: bool) -> None:
    assert is_editor_temp(name) is temp


def test_debouncer_runs_once_per_burst() -> None:
    calls: list[float] = []
    # The burst's time is the test's: a stalled test thread cannot split it into two bursts.
    now = [0.0]
    debouncer = Debouncer(lambda: calls.append(now[0]), delay=0.05, clock=lambda: now[0])
    debouncer.start()
    try:
        for _ in range(20):
            debouncer.poke()
            now[0] += 0.005
            time.sleep(0.005)  # real time too, for a debouncer that would not wait to run
        now[0] += 0.05  # then quiet for the whole delay
        deadline = time.monotonic() + EVENT_WAIT
        while not calls and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.15)
    finally:
        debouncer.stop()
    assert len(calls) == 1


# --- the command ----------------------------------------------------------------------------------


def test_port_in_use_is_a_clear_error(session: PreviewSession, tmp_path: Path) -> None:
    from publish.errors import PublishError

    other = tmp_path / "du-an-khac"  # the same project's second preview is told of the first
    other.mkdir()
    write_project(other)
    port = session.server.server_address[1]
    with pytest.raises(PublishError, match="đang được chương trình khác dùng") as told:
        PreviewSession(other, port=port)
    # The port suggested is another one (it said «--port 8001» when 8001 was the one taken).
    suggested = re.search(r"ví dụ --port (\d+)", str(told.value))
    assert suggested is not None and int(suggested[1]) != port
    # Nor the next port when that one is taken too: the one suggested can be listened on.
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", int(suggested[1])))
        taken.listen()
        with pytest.raises(PublishError) as again:
            PreviewSession(other, port=port)
        offered = re.search(r"ví dụ --port (\d+)", str(again.value))
        assert offered is not None and int(offered[1]) not in (port, int(suggested[1]))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", int(offered[1])))
    assert str(told.value).startswith(f"Cổng {port} ") and "Cách sửa:" in str(told.value)


def test_a_port_only_the_administrator_may_open_is_a_clear_error(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--port 80` (an address without «:8000») as a user: the system refuses ports below 1024
    to all but the administrator. The message said «không có quyền» and nothing to do; it says
    to choose a port from 1024 up, or none (8000)."""
    from publish.errors import PublishError

    def refused(*_: object, **__: object) -> None:
        """Bind as Linux and macOS do for a user asking for port 80."""
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("publish.serve.session.PreviewServer", refused)
    with pytest.raises(PublishError) as told:
        PreviewSession(project, port=80)
    said = str(told.value)
    assert said.startswith("Không mở được máy chủ xem trước ở cổng 80: không có quyền")
    assert "Cách sửa:" in said and "--port 8000" in said and "--port 0" in said


def test_cli_serves_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    write_project(tmp_path)
    # A process started in the background inherits an ignored SIGINT; a terminal's Ctrl-C is not.
    launcher = (
        "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from publish import pipeline; "
        f"pipeline.RENDERERS['web'] = {__name__!r}; "
        "from publish.cli import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-c", launcher, "--root", str(tmp_path), "serve", "--port", "0"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        url = ""
        for line in proc.stdout:  # type: ignore[union-attr]
            if "http://127.0.0.1:" in line:
                url = line.split("http://", 1)[1].split()[0]
                break
        assert url, proc.stderr.read()  # type: ignore[union-attr]
        host, port = url.rstrip("/").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(b"GET / HTTP/1.0\r\n\r\n")
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        assert reply.startswith(b"HTTP/1.0 200")
        assert "Bản tin thử nghiệm".encode() in reply

        events = socket.create_connection((host, int(port)), timeout=5)  # open SSE must not block
        events.sendall(f"GET {EVENTS_PATH}?since=1 HTTP/1.0\r\n\r\n".encode())
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
        events.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "Đã dừng máy chủ xem trước" in out
    assert "Traceback" not in err


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_a_server_thread_that_cannot_start_stops_serve_with_the_error(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    debug: bool,
) -> None:
    """Out of threads or memory (a container's pids limit, `ulimit -v`): Python raises
    «can't start new thread». `publish serve` stops with the error, in Vietnamese and exit 1
    (with --debug: the real exception, for its traceback), not waiting forever, the address
    never printed and Ctrl-C's «Đã dừng theo yêu cầu.» the only thing it ever said: stop()
    waited for a serving loop that had never started."""
    starting = threading.Thread.start

    def start(thread: threading.Thread) -> None:
        """Refuse the serving thread as the system refuses a thread."""
        if thread.name == "publish-serve":
            raise RuntimeError("can't start new thread")
        starting(thread)

    monkeypatch.setattr(threading.Thread, "start", start)
    argv = ["--root", str(project), "serve", "--port", "0", *(["--debug"] if debug else [])]
    ended: list[object] = []

    def serve() -> None:
        """Run the command, keeping its exit code or the exception it let out."""
        try:
            ended.append(main(argv))
        except RuntimeError as exc:
            ended.append(exc)

    runner = threading.Thread(target=serve, daemon=True)
    starting(runner)
    runner.join(timeout=30)
    assert not runner.is_alive(), "publish serve hung after its serving thread failed to start"
    out, err = capsys.readouterr()
    assert "Xem trước website tại" not in out
    if debug:
        assert len(ended) == 1 and isinstance(ended[0], RuntimeError)
    else:
        assert ended == [1]
        assert "Lỗi nội bộ không mong đợi (RuntimeError)" in err
        assert "Traceback" not in err


@pytest.mark.parametrize(
    ("code", "reason", "setting"),
    [
        (errno.ENOSPC, "inotify watch limit reached", "fs.inotify.max_user_watches"),
        (errno.EMFILE, "inotify instance limit reached", "fs.inotify.max_user_instances"),
    ],
)
def test_a_watch_limit_reached_is_told_as_such_not_as_a_full_disk(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: int,
    reason: str,
    setting: str,
) -> None:
    """Linux watches folders through inotify, within limits that editors (VS Code), sync
    clients and other previews share: watchdog says so with ENOSPC or EMFILE. The preview said
    «hết chỗ trên đĩa» and to free disk space or delete .cache/ (or «mở quá nhiều tệp»), which
    changes nothing; it names the limit and how to raise it, exit 1."""
    from publish.serve import watch

    def refused(observer: object) -> None:
        """Start as watchdog's inotify observer does when the limit is reached."""
        raise OSError(code, reason)

    monkeypatch.setattr(watch.Observer, "start", refused)
    assert main(["--root", str(project), "serve", "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert "hết chỗ trên đĩa" not in err and "df -h" not in err
    assert "tự dựng lại" in err
    assert f"sudo sysctl {setting}=" in err
    assert "Cách sửa:" in err and "Traceback" not in err


def test_log_lines_tell_the_time_on_the_sites_clock(project: Path) -> None:
    # Every other time an editor sees is on the site's clock; a server set to UTC said 01:30
    # for a rebuild at 08:30 in Châu Thành.
    machine = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        out = io.StringIO()
        with PreviewSession(project, port=0, out=out, err=io.StringIO()):
            there = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh"))
        stamp = re.search(r"^\[(\d\d):(\d\d):\d\d\] Đã dựng website", out.getvalue(), re.M)
        assert stamp is not None, out.getvalue()
        told = int(stamp[1]) * 60 + int(stamp[2])
        assert abs(told - (there.hour * 60 + there.minute)) % (24 * 60) in (0, 1, 1439)
    finally:
        if machine is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = machine
        time.tzset()


def test_serve_run_inside_the_project_stops_and_names_the_project_folder(tmp_path: Path) -> None:
    # Run from content/, it used to serve an error page until Ctrl-C; every other command stops.
    write_project(tmp_path)
    inside = tmp_path / "content"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "publish", "serve", "--port", "0"],
        cwd=inside,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,  # the old server never stopped by itself
    )
    assert done.returncode == 1
    assert f"Thư mục dự án có vẻ là {tmp_path.resolve()} (có site.toml)" in done.stderr
    assert f'cd "{tmp_path.resolve()}"' in done.stderr
    assert "Xem trước website tại" not in done.stdout


def test_a_rebuild_prints_the_warnings_about_the_files_saved_and_the_new_ones(
    project: Path,
) -> None:
    """Each save printed every warning of the site again (hundreds at 10,000 bulletins, those
    about the bulletin just saved lost among them): a rebuild prints all the warnings about the
    files saved since the last good build, and of the others those that build did not print,
    then how many stand as before."""
    first = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    first.write_text(first.read_text("utf-8") + "\nem D (sinh năm 2008) bị dụ dỗ.\n", "utf-8")
    second = project / "content" / "bai-viet" / "2024-01-05-ban-tin-khac.md"
    second.write_text(
        BULLETIN.format(title="Bản tin khác", category="an-ninh-trat-tu")
        + "\nem Lê Văn Tèo (15 tuổi) bị dụ dỗ.\n",
        "utf-8",
    )
    err = io.StringIO()
    session = PreviewSession(project, port=0, now="2024-02-01 09:00", out=io.StringIO(), err=err)

    def rebuilt() -> str:
        """What one rebuild printed on the error stream."""
        err.seek(0)
        err.truncate()
        assert session.rebuild()
        return err.getvalue()

    try:
        printed = rebuilt()
        assert "«2008»" in printed and "«L.V.T.»" in printed
        assert "giống lần dựng trước" not in printed
        edit(second, second.read_text("utf-8") + "\nem Trần Thị Na (14 tuổi) bị dụ dỗ.\n")
        printed = rebuilt()
        assert "«T.T.N.»" in printed and "«L.V.T.»" in printed and "«2008»" not in printed
        told = re.search(r"\(Còn (\d+) cảnh báo, ghi chú giống lần dựng trước", printed)
        assert told is not None, printed
        standing = int(told[1]) + 2  # and the two about the file saved
        printed = rebuilt()  # nothing changed: the build is replayed, nothing saved
        assert "«" not in printed
        assert f"(Còn {standing} cảnh báo, ghi chú giống lần dựng trước" in printed
    finally:
        session.stop()


def test_a_tab_left_open_from_an_earlier_session_on_a_deleted_bulletin_gets_the_notice(
    project: Path,
) -> None:
    """The file is deleted while no preview runs (a `git pull`, the next morning): the tab kept
    open at the bulletin, or a link to it, reloaded to the bare «Không tìm thấy» page, as this
    session never served it. state/ knows where the published bulletin was: told as when it is
    deleted under the preview's eyes, at its address and at its earlier ones."""
    name = "content/bai-viet/2024-01-02-ban-tin-thu.md"
    # As the last syncs left state/: the bulletin published, at an earlier address then this.
    state = project / "state"
    state.mkdir(exist_ok=True)
    record = {"version": 1, "bulletins": ["ban-tin-thu"], "off_web": [], "files": {}}
    record["files"] = {"ban-tin-thu": name}
    (state / "published.json").write_text(json.dumps(record), "utf-8")
    urls = {"ban-tin-thu": ["/2024/01/ban-tin-cu/", "/2024/01/ban-tin-thu/"]}
    (state / "web-urls.json").write_text(json.dumps({"version": 1, "urls": urls}), "utf-8")
    (project / name).unlink()
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as session:
        for address in ("/2024/01/ban-tin-thu/", "/2024/01/ban-tin-cu/"):
            status, _, body = get(session, address)
            assert status == 404
            assert "Trang 404 của website" in body
            title, told, _ = _notice(body)
            assert title == "Tệp của bản tin này đã bị xóa"
            assert told == (
                f"Tệp {name} đã bị xóa: {SERVED_GONE}; muốn giữ thì lấy lại tệp từ nhánh "
                f"chính, thường là main, rồi commit: git checkout main -- {name}"
            )
        assert "__publish-error" not in get(session, "/2024/01/khong-co-bai-nay/")[2]
