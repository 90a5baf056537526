"""Live reload: a rebuild counter that SSE clients wait on, and the snippet injected into served HTML.

The snippet is added by the server to each HTML response only; files in output/ never contain it,
so what `publish serve` writes is byte-for-byte what `publish build` writes.
"""

from __future__ import annotations

import html
import json
import re
import threading
from dataclasses import dataclass

__all__ = [
    "ERROR_ID",
    "EVENTS_PATH",
    "Held",
    "ReloadHub",
    "error_overlay",
    "error_page",
    "held_overlay",
    "inject",
    "reload_event",
    "snippet",
]

EVENTS_PATH = "/__publish/events"
"""The server-sent events endpoint open pages listen on."""

_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


class ReloadHub:
    """The latest rebuild: its number and error message, with a way to wait for the next one."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._generation = 0
        self._error: str | None = None
        self._moved: dict[str, str] = {}
        self._held: dict[tuple[str, ...], Held] = {}
        self._closed = False

    def state(self) -> tuple[int, str | None]:
        """The current rebuild number and its error message (None when it succeeded)."""
        with self._changed:
            return self._generation, self._error

    def finished(self, error: str | None, moved: dict[str, str] | None = None) -> int:
        """Record that a rebuild finished (with its error, if any, and the pages it gave a new
        address: old path → new path) and wake every listener."""
        with self._changed:
            self._generation += 1
            self._error = error
            self._moved = moved or {}
            self._changed.notify_all()
            return self._generation

    @property
    def moved(self) -> dict[str, str]:
        """The pages the last rebuild gave a new address (a renamed file, a new date or slug)."""
        with self._changed:
            return self._moved

    def hold(self, held: dict[tuple[str, ...], Held]) -> None:
        """Record the addresses (by their path segments) of the bulletins a good rebuild held
        back, and why: told before `finished`, so the pages it reloads find them."""
        with self._changed:
            self._held = held

    def held(self, parts: tuple[str, ...]) -> Held | None:
        """Why the last rebuild shows no page at the address of these path segments, when a
        bulletin it held back is (or last was) there; None otherwise."""
        with self._changed:
            return self._held.get(parts)

    def wait(self, since: int, timeout: float) -> int | None:
        """Block until the rebuild number differs from `since`; None on timeout or when closed."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._closed or self._generation != since, timeout=timeout
            )
            if self._closed or self._generation == since:
                return None
            return self._generation

    @property
    def closed(self) -> bool:
        """Whether the server is shutting down."""
        return self._closed

    def close(self) -> None:
        """Release every waiting listener so the server can stop."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()


def snippet(generation: int, error: str | None, site: str = "/", held: Held | None = None) -> str:
    """The script that reloads the page after the next rebuild, plus the error overlay if any.

    `site`: the path the site is served at for this page ("/congan-hoakhanh/"). A reload event
    says where it is served now (see reload_event): when site.toml moved it, the page goes to
    its own address in the new folder, or to the new home page when it has none there. A page
    the rebuild gave a new address (its file renamed, its date changed) goes to that address.
    `held`: why a held bulletin's address has no page, told when the build has no error.
    """
    # `since` lets the server tell a page that missed a rebuild (between loading and connecting)
    # to reload at once, and makes pages reload after `publish serve` is restarted.
    script = (
        "<script>(function(){"
        f"var here={_script_text(site)};"
        f'var s=new EventSource("{EVENTS_PATH}?since={generation}");'
        's.addEventListener("reload",function(e){s.close();var d={};'
        "try{d=JSON.parse(e.data);}catch(x){}"
        "var m=(d.moved||{})[location.pathname];"
        "if(m){location.replace(m+location.search+location.hash);return;}"
        "var to=d.site||here;"
        "if(to===here){location.reload();return;}"
        "var p=location.pathname;"
        "if(p.indexOf(here)!==0){location.replace(to);return;}"
        "var moved=to+p.slice(here.length)+location.search+location.hash;"
        'fetch(moved,{method:"HEAD",cache:"no-store"})'
        ".then(function(r){location.replace(r.ok?moved:to);},"
        "function(){location.replace(to);});"
        "});})();</script>"
    )
    if error is not None:
        return error_overlay(error, generation) + script
    return (held_overlay(held, generation) if held is not None else "") + script


def reload_event(generation: int, site: str, moved: dict[str, str] | None = None) -> bytes:
    """The server-sent event telling open pages to reload, with where the site is served now
    and the pages that moved (old path → new path)."""
    data = json.dumps({"generation": generation, "site": site, "moved": moved or {}})
    return f"event: reload\ndata: {data}\n\n".encode()


def _script_text(text: str) -> str:
    """A JavaScript string literal of `text` that cannot end the <script> element."""
    return json.dumps(text).replace("<", "\\u003c")


ERROR_ID = "__publish-error"
"""The error overlay's element id; `{ERROR_ID}-show` is the button that opens it again."""

_OVERLAY_SCRIPT = (
    "<script>(function(){"
    'var box=document.getElementById("__publish-error"),'
    'shut=document.getElementById("__publish-error-close"),'
    'show=document.getElementById("__publish-error-show"),'
    'key="__publish-error-closed",gen=box.getAttribute("data-generation");'
    "function remember(v){try{if(v)sessionStorage.setItem(key,gen);"
    "else sessionStorage.removeItem(key);}catch(x){}}"
    # Shown and hidden by an inline display: a site's own `button{display:…}` would beat the
    # browser's rule for the hidden attribute.
    'function shown(open){box.style.display=open?"block":"none";'
    'show.style.display=open?"none":"block";}'
    "function open(){shown(true);remember(false);shut.focus();}"
    "function close(){shown(false);remember(true);show.focus();}"
    'shut.addEventListener("click",close);show.addEventListener("click",open);'
    'document.addEventListener("keydown",function(e){if(box.style.display==="none")return;'
    'if(e.key==="Escape"){e.preventDefault();close();}'
    # The overlay hides the whole page: Tab stays on its one control, not on links behind it.
    'else if(e.key==="Tab"){e.preventDefault();shut.focus();}});'
    "var closed=null;try{closed=sessionStorage.getItem(key);}catch(x){}"
    "if(closed===gen){shown(false);}else{shut.focus();}"
    "})();</script>"
)
"""Close (button, Escape) and open again; a page reloaded without a new rebuild (the editor
following a link) stays closed, the next failing rebuild shows the overlay again."""


def error_overlay(message: str, generation: int = 0) -> str:
    """A panel over the whole page showing the build error (HTML-escaped), which the editor can
    close to look at the last good build under it and open again from a button in the corner.

    An alert dialog: a screen reader says its title and message when focus moves to its close
    button as the page loads."""
    return _overlay(
        "Lỗi khi dựng lại website",
        message,
        "Sửa tệp rồi lưu lại: trang sẽ tự tải lại. Bên dưới vẫn là bản dựng tốt gần nhất: đóng "
        "thông báo để xem nó.",
        "Xem lỗi dựng website",
        generation,
    )


@dataclass(frozen=True, slots=True)
class Held:
    """Why the preview has no page at a bulletin's address: the bulletin is held back."""

    source: str
    reason: str
    """Why, as the build tells it (`Bỏ qua {source}: {reason}`)."""
    in_drafts: bool
    """Whether `publish serve --drafts` would show it (a draft, one awaiting approval)."""
    due: str = ""
    """When a scheduled bulletin goes out, as --now takes it ("2026-12-20 08:00"): the
    preview shows it with its clock set there."""
    deleted: bool = False
    """Whether its file was deleted: `reason` is then the whole notice (deleted_notices)."""


def held_overlay(held: Held, generation: int = 0) -> str:
    """The panel over the «Không tìm thấy» page at a held bulletin's address: why the preview
    does not show it and, when it would, how to see it (an editor who fixed a typo in an
    approved bulletin saw only the site's 404 page, the reason in the terminal)."""
    see = (
        " Muốn xem bài trước khi được đăng: dừng lệnh này (Ctrl+C) rồi chạy publish serve "
        "--drafts (xem cả bản nháp và bài chưa duyệt, có dải «Bản nháp»; không bao giờ ghi vào "
        "output/)."
        if held.in_drafts
        else ""
    )
    if held.due:
        # Approved, only not due yet: the editor still wants to see it before it goes out.
        see = (
            " Muốn xem trước bài hẹn giờ: dừng lệnh này (Ctrl+C) rồi chạy publish serve --drafts "
            f'--now "{held.due}" (bản xem trước đặt đồng hồ tới giờ đăng; không bao giờ ghi vào '
            "output/)."
        )
    if held.deleted:
        return _overlay(
            "Tệp của bản tin này đã bị xóa",
            held.reason,
            "Bên dưới là trang «Không tìm thấy» người xem website sẽ gặp ở địa chỉ này khi bài "
            "đã bị rút. Lấy lại tệp xong, trang tự tải lại.",
            "Xem vì sao không có trang",
            generation,
        )
    return _overlay(
        "Bản tin này đang bị giữ lại",
        f"{held.source}: {held.reason}",
        "Bản tin bị giữ lại nên website không có trang này: bên dưới là trang «Không tìm thấy» "
        f"người xem sẽ gặp.{see} Lưu tệp xong, trang tự tải lại.",
        "Xem vì sao không có trang",
        generation,
    )


def _overlay(title: str, message: str, hint: str, reopen: str, generation: int) -> str:
    """A panel over the whole page: `title`, `message` (HTML-escaped, as written), `hint`; the
    editor closes it to look at the page under it and opens it again with the `reopen` button
    in the corner."""
    button = (
        "font:inherit;cursor:pointer;border-radius:4px;padding:.5rem 1rem;border:2px solid #b00020;"
    )
    return (
        f'<div id="{ERROR_ID}" role="alertdialog" aria-modal="true" '
        f'aria-labelledby="{ERROR_ID}-title" aria-describedby="{ERROR_ID}-text {ERROR_ID}-hint" '
        f'data-generation="{generation}" style="position:fixed;inset:0;z-index:2147483647;'
        "overflow:auto;background:rgba(255,255,255,.97);color:#1a1a1a;padding:2rem;"
        'font:16px/1.5 system-ui,sans-serif">'
        f'<button type="button" id="{ERROR_ID}-close" style="{button}float:right;'
        'margin:0 0 1rem 1rem;background:#fff;color:#b00020">Đóng thông báo (Esc)</button>'
        f'<h1 id="{ERROR_ID}-title" style="color:#b00020;font-size:1.4rem;margin:0 0 1rem">'
        f"{html.escape(title)}</h1>"
        f'<pre id="{ERROR_ID}-text" style="white-space:pre-wrap;background:#fdecea;padding:1rem;'
        f'border-radius:4px">{html.escape(message)}</pre>'
        f'<p id="{ERROR_ID}-hint">{html.escape(hint)}</p>'
        "</div>"
        f'<button type="button" id="{ERROR_ID}-show" style="{button}display:none;position:fixed;'
        "right:1rem;bottom:1rem;z-index:2147483647;background:#b00020;color:#fff;"
        f'font:16px/1.5 system-ui,sans-serif">{html.escape(reopen)}</button>'
        f"{_OVERLAY_SCRIPT}"
    )


def inject(
    page: bytes, generation: int, error: str | None, site: str = "/", held: Held | None = None
) -> bytes:
    """The HTML page with the snippet placed just before `</body>` (or at the end)."""
    extra = snippet(generation, error, site, held).encode("utf-8")
    ends = list(_BODY_END.finditer(page))
    if not ends:
        return page + extra
    at = ends[-1].start()
    return page[:at] + extra + page[at:]


def error_page(message: str, generation: int, site: str = "/") -> bytes:
    """A whole page for when there is no good build to show under the error."""
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        "<title>Lỗi khi dựng website</title></head><body>"
        f"{snippet(generation, message, site)}</body></html>"
    ).encode()
