"""`publish serve --lan`: a phone on the office Wi-Fi previews the site; without it, only this
machine does (the preview may hold drafts)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from publish import pipeline
from publish.commands.serve import lan_lines
from publish.serve import PreviewSession, server
from publish.serve.server import host_refusal, this_machine
from tests.test_serve import EVENTS_PATH, raw_get, write_project

PHONE_HOST = "192.168.1.5:8000"
"""The Host a phone sends when it opens this machine's address on the Wi-Fi."""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose web channel is rendered by test_serve's stand-in renderer."""
    monkeypatch.setitem(pipeline.RENDERERS, "web", "tests.test_serve")
    write_project(tmp_path)
    return tmp_path


def test_without_lan_the_preview_listens_on_this_machine_only(project: Path) -> None:
    with PreviewSession(project, port=0, out=io.StringIO(), err=io.StringIO()) as running:
        assert running.server.server_address[0] == "127.0.0.1"
        status, _, body = raw_get(running, "/", PHONE_HOST)
    assert status == 403 and "publish serve --lan" in body


def test_with_lan_a_phone_on_the_network_gets_the_pages_and_their_reloads(project: Path) -> None:
    with PreviewSession(project, port=0, lan=True, out=io.StringIO(), err=io.StringIO()) as running:
        # Every address of the machine: the one the phone knows it by included.
        assert running.server.server_address[0] == "0.0.0.0"
        status, _, body = raw_get(running, "/2024/01/ban-tin-thu/", PHONE_HOST)
        assert status == 200 and "Bản tin thử nghiệm" in body and EVENTS_PATH in body
        # A name is still refused: DNS rebinding points one of the attacker's at the machine.
        assert raw_get(running, "/", "evil.example:8000")[0] == 403
        assert raw_get(running, "/", "localhost:8000")[0] in (200, 302)


@pytest.mark.parametrize(
    ("host", "client", "status"),
    [
        (PHONE_HOST, "192.168.1.23", None),
        ("10.0.0.7", "10.0.0.9", None),
        ("[fe80::1]:8000", "fe80::2", None),
        (PHONE_HOST, "8.8.8.8", 403),  # a machine with no firewall, reached from outside
        ("evil.example", "192.168.1.23", 403),
        ("192.168.1.5.evil.example", "192.168.1.23", 403),
    ],
)
def test_lan_answers_an_address_from_the_local_network_only(
    host: str, client: str, status: int | None
) -> None:
    assert host_refusal([host], "HTTP/1.1", client, lan=True) == status
    assert host_refusal([host], "HTTP/1.1", client) == 403  # never without --lan


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000", PHONE_HOST])
@pytest.mark.parametrize("client", ["8.8.8.8", "::ffff:8.8.8.8", "2001:4860::8888"])
def test_lan_refuses_a_public_client_whatever_host_it_writes(host: str, client: str) -> None:
    """A Host header is written by the client: one from outside the local network writing
    «localhost» (curl -H 'Host: localhost') must not read the preview, drafts included."""
    assert host_refusal([host], "HTTP/1.1", client, lan=True) == 403
    assert host_refusal([], "HTTP/1.0", client, lan=True) == 403


def test_lan_tells_the_phone_s_address_and_who_else_sees_the_preview() -> None:
    told = lan_lines("http://192.168.1.5:8000/", 8000, drafts=True)
    assert "mở http://192.168.1.5:8000/" in told and "kể cả bản nháp" in told
    assert "tường lửa" in told
    # No address in a local network (no Wi-Fi yet): how to find one, with the port to add.
    lost = lan_lines(None, 8123, drafts=False)
    assert "ipconfig" in lost and ":8123/" in lost and "bản nháp" not in lost


def test_why_a_bulletin_is_held_is_told_to_this_machine_only(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 404 page at a held bulletin's address names its file and why it is held (its hour,
    when scheduled): under --lan anyone on the network could check a guessed address with it.
    The editor's own browser still gets it; a device of the network gets the site's 404."""
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    text = bulletin.read_text("utf-8")
    bulletin.write_text(text.replace("---\ntitle", "---\ndraft: true\ntitle", 1), "utf-8")
    address = "/2024/01/ban-tin-thu/"
    with PreviewSession(project, port=0, lan=True, out=io.StringIO(), err=io.StringIO()) as running:
        status, _, mine = raw_get(running, address, PHONE_HOST)
        assert status == 404
        assert "Bản tin này đang bị giữ lại" in mine and "2024-01-02-ban-tin-thu.md" in mine
        monkeypatch.setattr(server, "this_machine", lambda client, local: False)
        status, _, theirs = raw_get(running, address, PHONE_HOST)
    assert status == 404
    assert "Trang 404 của website" in theirs  # what a reader will meet
    assert "bị giữ lại" not in theirs and "ban-tin-thu.md" not in theirs
    assert "bản nháp" not in theirs and EVENTS_PATH in theirs  # it still reloads


@pytest.mark.parametrize(
    ("client", "local", "mine"),
    [
        ("127.0.0.1", "127.0.0.1", True),
        ("127.0.0.2", "127.0.0.1", True),
        ("::1", "::1", True),
        ("::ffff:127.0.0.1", "::ffff:127.0.0.1", True),
        ("192.168.1.5", "192.168.1.5", True),  # its browser opening the address phones use
        ("192.168.1.23", "192.168.1.5", False),
        ("fe80::2", "fe80::1", False),
        ("khong-phai-dia-chi", "127.0.0.1", False),
    ],
)
def test_this_machine_is_a_loopback_client_or_the_address_it_reached(
    client: str, local: str, mine: bool
) -> None:
    assert this_machine(client, local) is mine


def test_a_build_error_is_shown_to_this_machine_only(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 76 review: under --lan the held bulletin's notice was the editor's only, yet the
    build error's overlay, naming files, lines and what was found (a secret bulletin, personal
    data), was shown to every device of the network. Another device is told an error stopped
    the rebuild and where to read it; the last good build still shows under it."""
    bulletin = project / "content" / "bai-viet" / "2024-01-02-ban-tin-thu.md"
    text = bulletin.read_text("utf-8")
    address = "/2024/01/ban-tin-thu/"
    with PreviewSession(project, port=0, lan=True, out=io.StringIO(), err=io.StringIO()) as running:
        running._debouncer.stop()  # the edit below is rebuilt here, once
        bulletin.write_text(text.replace("an-ninh-trat-tu", "sai-chuyen-muc"), "utf-8")
        assert not running.rebuild()
        mine = raw_get(running, address, PHONE_HOST)
        monkeypatch.setattr(server, "this_machine", lambda client, local: False)
        theirs = raw_get(running, address, PHONE_HOST)
    assert mine[0] == 200 and "chuyên mục không tồn tại" in mine[2]
    assert "2024-01-02-ban-tin-thu.md" in mine[2]
    assert theirs[0] == 200 and "Bản tin thử nghiệm" in theirs[2]  # the last good build
    assert "Lỗi khi dựng lại website" in theirs[2] and "chỉ hiện trên máy chạy" in theirs[2]
    assert "chuyên mục không tồn tại" not in theirs[2] and "ban-tin-thu.md" not in theirs[2]
    assert "Chi tiết lỗi khi dựng" in lan_lines("http://192.168.1.5:8000/", 8000, drafts=False)
