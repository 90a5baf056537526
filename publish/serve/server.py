"""The preview web server: the built website on 127.0.0.1, live reload, 404 page, nothing outside.

The site is served at the path of its base_url ("/congan-hoakhanh/" for a site published under
that folder), as the host will serve it: its pages link to their styles, images and each other
with that folder in front.
"""

from __future__ import annotations

import ipaddress
import mimetypes
import os
import re
import socket
import socketserver
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from publish.render.web.assets import OUTPUT_DIR as ASSETS
from publish.render.web.images import OUTPUT_DIR as IMAGES
from publish.serve.lock import ReadWriteLock
from publish.serve.reload import EVENTS_PATH, ReloadHub, error_page, inject, reload_event

__all__ = [
    "HOST",
    "LAN_HOST",
    "PreviewServer",
    "below",
    "host_refusal",
    "lan_address",
    "local_host",
    "request_parts",
    "this_machine",
]

HOST = "127.0.0.1"
"""Loopback only: the preview may contain drafts and must not be reachable from the network."""
LAN_HOST = "0.0.0.0"
"""With `publish serve --lan` only: every address of this machine, for a phone on its Wi-Fi."""

NOT_FOUND = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title>'
    "</head><body><h1>Không tìm thấy trang</h1><p>Địa chỉ này không có trong website.</p>"
    '<p><a href="/">Về trang chủ</a></p></body></html>'
).encode()
FORBIDDEN = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bị từ chối</title></head>'
    "<body><h1>Bị từ chối</h1><p>Chỉ phục vụ các tệp của website đã dựng.</p></body></html>"
).encode()
NOT_BUILT = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Chưa có website</title>'
    "</head><body><h1>Chưa có website</h1><p>Chưa dựng được website. Xem thông báo trong "
    "cửa sổ dòng lệnh.</p></body></html>"
).encode()
ERROR_ELSEWHERE = (
    "Có lỗi khi dựng lại website. Lỗi có thể nêu tên tệp, bài bị giữ lại và dữ liệu cá nhân, "
    "nên chỉ hiện trên máy chạy publish serve: xem trong cửa sổ dòng lệnh hay trình duyệt của "
    "máy đó."
)
"""The build error another device of the network is shown under --lan, in place of the error."""
WRONG_HOST = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bị từ chối</title></head>'
    "<body><h1>Bị từ chối</h1><p>Máy chủ xem trước chỉ trả lời địa chỉ 127.0.0.1 hoặc "
    "localhost trên máy này (chạy publish serve --lan thì cả địa chỉ IP của máy trong mạng "
    "nội bộ, như http://192.168.1.5:8000/, cho điện thoại cùng mạng Wi-Fi).</p></body></html>"
).encode()
NO_HOST = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Yêu cầu sai</title></head>'
    "<body><h1>Yêu cầu sai</h1><p>Yêu cầu HTTP/1.1 phải có đúng một dòng Host, ví dụ "
    "Host: 127.0.0.1.</p></body></html>"
).encode()
HTML_TYPE = "text/html; charset=utf-8"
KEPT_IMAGE_BYTES = 64 * 1024 * 1024
"""At most this much of the images a rebuild took away is kept in memory (a change of image
widths in site.toml takes every variant away: none beyond this is kept)."""
KEPT_IMAGE_SECONDS = 60.0
"""How long they are kept: an open page reloads at once after the rebuild, and only a page
loaded just before it still asks for them. Dropped then by a timer, even if nothing asks."""
IMAGE_LINK_RE = re.compile(rf"(?:^|[/\"'\s,(]){IMAGES}/([^\"'\s,()?#<>]+)")
"""An image of the web folder named in a page (src, srcset, og:image; with the site's folder or
the whole base_url before it, or relative: "../anh/…")."""
LOCAL_HOST_RE = re.compile(r"(?:127\.0\.0\.1|localhost|\[::1\])(?::[0-9]{1,5})?", re.IGNORECASE)
"""The Host a browser on this machine sends. Any other name (one of the attacker's, pointed at
127.0.0.1 by DNS rebinding) would let a web page read the preview, drafts included."""


def local_host(header: str) -> bool:
    """Whether a request's Host header names this machine's loopback address."""
    return LOCAL_HOST_RE.fullmatch(header.strip()) is not None


IP_HOST_RE = re.compile(r"(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")
"""A Host written as an IP address (a phone opening http://192.168.1.5:8000/). DNS rebinding
needs a name of the attacker's: an address names no one else's site."""


def host_refusal(hosts: list[str], version: str, client: str, *, lan: bool = False) -> int | None:
    """The status refusing a request with these Host headers (400, 403), or None to answer it.

    HTTP/1.1 requires exactly one Host (RFC 9112, 3.2). Only an HTTP/1.0 request from this
    machine may go without: browsers always send one, so it cannot come from a page of another
    site whose name points at 127.0.0.1. `lan` (`publish serve --lan`): a device of the local
    network may ask too, at this machine's address; one from outside it (a public address
    reaching a machine with no firewall) may not, whatever Host it writes.
    """
    if not _nearby(client):
        return 403  # a Host header is the client's to write: «localhost» proves nothing
    if not hosts:
        before_host = version in ("HTTP/0.9", "HTTP/1.0")
        return None if before_host and ipaddress.ip_address(client).is_loopback else 400
    if len(hosts) > 1:
        return 400
    if local_host(hosts[0]):
        return None
    if lan and IP_HOST_RE.fullmatch(hosts[0].strip()) and _nearby(client):
        return None
    return 403


def _nearby(client: str) -> bool:
    """Whether a request comes from this machine or its local network (private addresses)."""
    address = _address(client)
    return address is not None and (
        address.is_private or address.is_loopback or address.is_link_local
    )


def this_machine(client: str, local: str) -> bool:
    """Whether a request comes from the machine the preview runs on, the editor's: a loopback
    address, or the one it was sent to (the machine opening its own network address)."""
    address = _address(client)
    return address is not None and (address.is_loopback or address == _address(local))


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address written, an IPv4 one mapped into IPv6 as itself; None when not one."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped  # «::ffff:8.8.8.8» is public, whatever 3.11 says
    return address


def lan_address() -> str | None:
    """This machine's address in its local network (the one a phone on the same Wi-Fi opens),
    or None when there is none: the route out is asked of the system, nothing is sent."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # UDP: connect only picks the interface
            address = probe.getsockname()[0]
        except OSError:
            return None
    found = ipaddress.ip_address(address)
    return address if found.is_private and not found.is_loopback else None


def request_parts(url_path: str) -> tuple[str, ...] | None:
    """The path segments of a request, or None when it tries to leave the web folder."""
    decoded = unquote(url_path)
    if "\x00" in decoded or "\\" in decoded:
        return None
    parts = tuple(p for p in decoded.split("/") if p)
    if any(p in (".", "..") for p in parts):
        return None
    return parts


def below(parts: tuple[str, ...], folder: tuple[str, ...]) -> tuple[str, ...] | None:
    """The segments of a request path inside the site's folder, None when it lies outside."""
    return parts[len(folder) :] if parts[: len(folder)] == folder else None


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server bound to 127.0.0.1 (every address with `lan`) that serves one
    folder and a reload stream."""

    daemon_threads = True  # open event streams must never hold up shutdown

    def __init__(
        self,
        web_root: Path,
        hub: ReloadHub,
        *,
        port: int = 8000,
        keepalive: float = 15.0,
        lan: bool = False,
        debug: bool = False,
    ) -> None:
        self.web_root = web_root
        self.lan = lan
        self.debug = debug
        """Whether an error answering a request prints its traceback (`publish serve --debug`)."""
        """Whether devices of the local network are answered (`publish serve --lan`)."""
        self.hub = hub
        self.keepalive = keepalive
        self.files = ReadWriteLock()
        """Held to read web_root, and alone while a rebuild moves files in and out of it."""
        self.folder: tuple[str, ...] = ()
        """The segments of the base_url's path: the site is served below them."""
        self.replaced_assets: dict[str, bytes] = {}
        """The style sheets and icons of the build the last rebuild replaced, by their path in
        assets/ (named by their content, so never another file's bytes)."""
        self.replaced_images: dict[str, bytes] = {}
        """The images the last rebuild took away or replaced, by their path below the web root
        ("anh/…"; named by their content too), up to KEPT_IMAGE_BYTES."""
        self._images_until = 0.0
        """When replaced_images are dropped (time.monotonic)."""
        self._taking: dict[str, bytes] | None = None
        """The images the rebuild moving files now took away so far."""
        self._taken_bytes = 0
        self._pages_taken: list[tuple[Path, str]] = []
        """The pages the rebuild moving files now took away or replaced: live path, held path."""
        self._expiry: threading.Timer | None = None
        """Drops replaced_images after KEPT_IMAGE_SECONDS: an idle preview holds no memory."""
        self._images_root = web_root
        """web_root/anh as the writer names its files (resolved)."""
        super().__init__((LAN_HOST if lan else HOST, port), PreviewHandler)

    @contextmanager
    def swapping(self) -> Iterator[None]:
        """Held by a rebuild while it moves files: no request is read meanwhile, and the assets
        of the build being replaced, and the images it takes away (see `retired`), are kept in
        memory. A page loaded just before the move asks for its style sheet and images after
        it: the new build's have other names, and without them the page showed unstyled, its
        pictures broken, until its reload."""
        with self.files.writing():
            self.replaced_assets = self._assets_now()
            self._images_root = (self.web_root / IMAGES).resolve()  # as the writer names files
            self._taking, self._taken_bytes, self._pages_taken = {}, 0, []
            taken = self._taking
            try:
                yield
            finally:
                self._taking = None
            _drop_withdrawn(taken, self._pages_taken)
            self._pages_taken = []
            self.replaced_images = taken
            self._images_until = time.monotonic() + KEPT_IMAGE_SECONDS
            self._expire_later()

    def _expire_later(self) -> None:
        """Drop the kept images after KEPT_IMAGE_SECONDS (the last rebuild's timer replaced)."""
        if self._expiry is not None:
            self._expiry.cancel()
        self._expiry = threading.Timer(KEPT_IMAGE_SECONDS, self._drop_images)
        self._expiry.daemon = True
        self._expiry.start()

    def _drop_images(self) -> None:
        """Let go of the kept images (their time is up)."""
        with self.files.writing():  # the next rebuild's swapping sets them under this lock too
            if time.monotonic() >= self._images_until:
                self.replaced_images = {}

    def retired(self, live: Path, held: str) -> None:
        """Keep in memory an image the rebuild takes away or replaces (`live`, now at `held`):
        a page loaded just before the move asks for it after, and showed a broken image until
        its reload. Called by the writer while `swapping` is held."""
        taken = self._taking
        if taken is None:
            return
        if live.suffix == ".html":
            self._pages_taken.append((live, held))
            return
        if not live.is_relative_to(self._images_root):
            return
        try:
            size = os.stat(held).st_size
            if self._taken_bytes + size > KEPT_IMAGE_BYTES:
                return
            with open(held, "rb") as handle:
                data = handle.read()
        except OSError:
            return  # only a nicety for pages already open
        taken[f"{IMAGES}/{live.relative_to(self._images_root).as_posix()}"] = data
        self._taken_bytes += len(data)

    def replaced_image(self, path: str) -> bytes | None:
        """The bytes of an image the last rebuild took away, while they are kept."""
        if time.monotonic() > self._images_until:
            self.replaced_images = {}
            return None
        return self.replaced_images.get(path)

    def _assets_now(self) -> dict[str, bytes]:
        """The files in web_root/assets, read only when not already kept under that name."""
        folder = self.web_root / ASSETS
        kept: dict[str, bytes] = {}
        try:
            for path in folder.rglob("*"):
                if path.is_file() and not path.is_symlink():
                    name = path.relative_to(folder).as_posix()
                    known = self.replaced_assets.get(name)
                    kept[name] = known if known is not None else path.read_bytes()
        except OSError:
            pass  # kept as far as it could be read: only a nicety for pages already open
        return kept

    def serve_at(self, base_path: str) -> None:
        """Serve the site at `base_path` (the base_url's path, e.g. "/congan-hoakhanh/")."""
        self.folder = request_parts(base_path) or ()

    @property
    def site_path(self) -> str:
        """The site's home page path on this server, quoted: "/" or "/congan-hoakhanh/"."""
        return quote("".join(f"/{part}" for part in self.folder) + "/")

    def server_close(self) -> None:
        """Close the socket and stop the timer of the kept images."""
        if self._expiry is not None:
            self._expiry.cancel()
        super().server_close()

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup, which can stall for seconds."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = HOST, self.server_address[1]

    @property
    def url(self) -> str:
        """The address to open in a browser."""
        return f"http://{HOST}:{self.server_address[1]}{self.site_path}"

    @property
    def lan_url(self) -> str | None:
        """The address a phone on the same network opens (`lan` only; None when this machine
        has no address in a local network)."""
        address = lan_address() if self.lan else None
        return f"http://{address}:{self.server_address[1]}{self.site_path}" if address else None

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore browsers hanging up; report anything else in one line (with its traceback
        under --debug)."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        said = f"Máy chủ xem trước gặp lỗi khi trả lời một yêu cầu: {error!r}"
        if self.debug:
            print(said, file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
            return
        print(
            f"{said}. Chạy lại với --debug để xem chi tiết và báo cho nhóm phát triển.",
            file=sys.stderr,
        )


class PreviewHandler(BaseHTTPRequestHandler):
    """Answers GET and HEAD from the web folder; HTML gets the live-reload snippet."""

    server: PreviewServer
    server_version = "publish-serve"

    def do_GET(self) -> None:
        """Serve a file, the 404 page or the event stream."""
        if self._refused(send_body=True):
            return
        url = urlsplit(self.path)
        if url.path == EVENTS_PATH:
            self._events(url.query)
        else:
            self._file(url.path, url.query, send_body=True)

    def do_HEAD(self) -> None:
        """Like GET without the body."""
        if self._refused(send_body=False):
            return
        url = urlsplit(self.path)
        self._file(url.path, url.query, send_body=False)

    def _refused(self, *, send_body: bool) -> bool:
        """Refuse the request when its Host is missing, doubled or not this machine's (see
        host_refusal); whether it was."""
        hosts = self.headers.get_all("Host") or []
        client = self.client_address[0]
        status = host_refusal(hosts, self.request_version, client, lan=self.server.lan)
        if status is None:
            return False
        self._send(status, HTML_TYPE, WRONG_HOST if status == 403 else NO_HOST, send_body)
        return True

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the terminal is for build results and errors."""

    def _file(self, url_path: str, query: str, *, send_body: bool) -> None:
        """Find the file for `url_path` inside the web folder and send it."""
        parts = request_parts(url_path)
        if parts is None:
            self._send(403, HTML_TYPE, FORBIDDEN, send_body)
            return
        # Read while no rebuild moves files; sent after, so a slow browser holds up no rebuild.
        with self.server.files.reading():
            status, kind, body, location = self._answer(parts, url_path, query)
        self._send(status, kind, body, send_body, location=location)

    def _answer(
        self, parts: tuple[str, ...], url_path: str, query: str
    ) -> tuple[int, str, bytes, str | None]:
        """The status, type, body and redirect of the answer to a request for `parts`."""
        generation, error = self.server.hub.state()
        # Under --lan, a build's error (files, lines, a secret bulletin's, personal data found)
        # and why a bulletin is held are the editor's: another device is told where to look.
        mine = this_machine(self.client_address[0], self.connection.getsockname()[0])
        if error is not None and not mine:
            error = ERROR_ELSEWHERE
        site = self.server.site_path
        root = self.server.web_root
        if not root.is_dir():
            body = (
                error_page(error, generation, site)
                if error
                else inject(NOT_BUILT, generation, None, site)
            )
            return 503, HTML_TYPE, body, None
        inside = below(parts, self.server.folder)
        if inside is None and not parts:
            # 302, not 301: the folder follows site.toml, and browsers keep a 301 for good.
            return 302, HTML_TYPE, b"", self.server.site_path
        data: bytes | None = None
        if inside is not None:
            target = root.joinpath(*inside)
            if _is_folder(target):
                if not url_path.endswith("/"):
                    # Relative links in index.html only work under the trailing-slash address.
                    # Made of the segments: "/%2Fx" must not send the browser to "//x/", another
                    # site.
                    location = quote("/" + "/".join(parts) + "/") + (f"?{query}" if query else "")
                    return 301, HTML_TYPE, b"", location
                target = target / "index.html"
            data = _read_inside(root, target)
        status = 200
        if data is None and inside and inside[0] == ASSETS:
            data = self.server.replaced_assets.get("/".join(inside[1:]))
        elif data is None and inside and inside[0] == IMAGES:
            data = self.server.replaced_image("/".join(inside))
        held = None
        if data is None:
            status, target = 404, root / "404.html"
            data = _read_inside(root, target) or NOT_FOUND
            # A bulletin held back (edited since its approval, a draft again): the site's
            # «Không tìm thấy» alone left the editor with no clue why. Told the editor only:
            # under --lan anyone on the network could learn a guessed address's file and hour.
            if mine:
                held = self.server.hub.held(parts)
        kind = _content_type(target)
        if kind == HTML_TYPE:
            data = inject(data, generation, error, site, held)
        return status, kind, data, None

    def _send(
        self, status: int, kind: str, body: bytes, send_body: bool, location: str | None = None
    ) -> None:
        """Write a complete response that browsers never cache."""
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if location:
            self.send_header("Location", location)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _events(self, query: str) -> None:
        """Stream a `reload` event after every rebuild until the page or the server goes away."""
        hub = self.server.hub
        try:
            since = int(parse_qs(query).get("since", [""])[0])
        except ValueError:
            since = hub.state()[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while not hub.closed:
                generation = hub.wait(since, timeout=self.server.keepalive)
                if hub.closed:
                    break
                if generation is None:
                    self.wfile.write(b": ping\n\n")  # finds pages that were closed
                else:
                    # Read now: a rebuild sets the folder from site.toml before it finishes.
                    self.wfile.write(reload_event(generation, self.server.site_path, hub.moved))
                    since = generation
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass


def _drop_withdrawn(taken: dict[str, bytes], pages: list[tuple[Path, str]]) -> None:
    """Remove from `taken` the images named by a page this rebuild withdrew (its bulletin made
    secret, a draft again, expired, deleted): only pages it still serves keep theirs. `pages`:
    the pages taken away or replaced, live path and where the old one is held."""
    for live, held in pages:
        if not taken:
            return
        if os.path.lexists(live):
            continue  # replaced: the page is still served
        try:
            with open(held, "rb") as handle:
                text = handle.read().decode("utf-8", "replace")
        except OSError:
            taken.clear()  # cannot tell which images it showed: keep none
            return
        for name in IMAGE_LINK_RE.findall(text):
            taken.pop(f"{IMAGES}/{unquote(name)}", None)


def _is_folder(path: Path) -> bool:
    """Whether `path` is a folder; False for a name the system refuses to look up."""
    try:
        return path.is_dir()
    except OSError:
        # Python 3.11's is_dir() raises ENAMETOOLONG: a segment over 255 bytes (a title pasted
        # into the address) closed the connection without an answer.
        return False


def _read_inside(root: Path, target: Path) -> bytes | None:
    """The bytes of `target` when it is a file really inside `root` (symlinks followed)."""
    try:
        resolved = target.resolve()
        if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
            return None
        return resolved.read_bytes()
    except OSError:
        return None


def _content_type(path: Path) -> str:
    """The Content-Type for a file, UTF-8 for text."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if kind == "text/html":
        return HTML_TYPE
    if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
        return f"{kind}; charset=utf-8"
    return kind
