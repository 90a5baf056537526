"""One `publish serve` run: build the web channel, serve it, rebuild on every edit, reload pages."""

from __future__ import annotations

import datetime as dt
import errno
import socket
import sys
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from publish import config as config_module
from publish.carried import carried
from publish.cli import error_class, resolve_now
from publish.commands.build import outcome_of
from publish.config import DEFAULT_TIMEZONE
from publish.content import load_site
from publish.errors import ContentError, PublishError, full_disk_fix, os_reason, render_all
from publish.id_holders import Records
from publish.model import Bulletin, Site
from publish.moments import when
from publish.output_lock import Abandoned, output_lock
from publish.pipeline import build
from publish.preview import preview_output
from publish.progress import Status, counted
from publish.rename_pairs import Index, pair_renames
from publish.replay import LastBuild, Outcome
from publish.serve.clock import clock
from publish.serve.outside import OUTSIDE_POLL_SECONDS, OutsideWrites
from publish.serve.reload import Held, ReloadHub
from publish.serve.server import HOST, LAN_HOST, PreviewServer, request_parts
from publish.serve.single import PreviewClaim
from publish.serve.watch import Debouncer, Watcher
from publish.site_paths import recorded_history
from publish.sync.vanished import Published, loaded_keys, refuse_vanished
from publish.sync.zalo_plan import same_title
from publish.text import nfc
from publish.timings import Timings
from publish.withdrawing import (
    DELETED,
    Built,
    Withdrawable,
    deleted_notices,
    withdrawal_lines,
)
from publish.writer import WriteReport, interrupted_note, write

__all__ = ["CHANNELS", "PreviewSession"]

CHANNELS = ("web",)
"""Only the website is rebuilt while previewing: Zalo and radio are not looked at in a browser."""
INTERRUPTED = "Máy chủ xem trước ghi lại đủ mọi tệp cho khớp ở lần dựng này."
"""What a preview does on finding an interrupted move in its output (see interrupted_note)."""
PREVIEWED_CODES = frozenset({"draft", "unapproved"})
"""Why a bulletin is held back that `publish serve --drafts` still shows (see load_site)."""


class PreviewSession:
    """The preview server, the watcher and the rebuilds that connect them; a context manager."""

    def __init__(
        self,
        root: Path,
        *,
        port: int = 8000,
        drafts: bool = False,
        confirmed: bool = False,
        now: str | None = None,
        debug: bool = False,
        lan: bool = False,
        delay: float = 0.2,
        out: TextIO | None = None,
        err: TextIO | None = None,
    ) -> None:
        if not (root / config_module.CONFIG_NAME).exists():
            # Stop like every other command, naming the project folder: run from content/, the
            # server would go on showing only «không tìm thấy tệp cấu hình» until Ctrl-C.
            config_module.load(root)
        self.root = root
        self._cache = root / ".cache"
        self.output = preview_output(root) if drafts else root / "output"
        """Where the preview is built (its web/ folder is served): output/ only without drafts."""
        self.hub = ReloadHub()
        self._drafts = drafts
        self._confirmed = confirmed
        """--confirm-withdrawal: output/ may lose every bulletin (see publish.sync.vanished)."""
        self._now = now
        self._debug = debug
        self._out = out or sys.stdout
        self._err = err or sys.stderr
        self._rebuilding = threading.Lock()
        self._closing = threading.Event()
        self._skipped: list[str] = []
        self._warned: set[str] = set()
        """The warnings of the last good build, as printed: the next build prints only the
        others, and those about the bulletins saved since (see _report)."""
        self._interrupted = ""
        """The note of an interrupted write last printed: one naming a channel a preview never
        writes (radio/) stays, and is not printed again at every rebuild."""
        self._built = False
        """Whether a rebuild succeeded in this session (the served folder is then its own)."""
        self._addresses: dict[tuple[str, str], str] = {}
        """Where the last good build served each bulletin (by id) and page (by file)."""
        self._files: dict[str, tuple[str, str]] = {}
        """The file of each bulletin of the last good build (by its key): path and digest."""
        self._titles: dict[str, str] = {}
        """The title of each bulletin of the last good build (by its key)."""
        self._tz: dt.tzinfo = ZoneInfo(DEFAULT_TIMEZONE)
        """The site's clock, for log lines (every other time an editor sees is on it)."""
        # Before the port: a second preview of the folder says where the first one is, not
        # only that its port is taken.
        self._claim = PreviewClaim(self._cache, drafts=drafts, shown=self._shown())
        try:
            self.server = PreviewServer(
                self.output / "web", self.hub, port=port, lan=lan, debug=debug
            )
        except OSError as exc:
            self._claim.release()
            if exc.errno == errno.EADDRINUSE:
                other = _free_port_after(port, LAN_HOST if lan else HOST)
                fix = (
                    f"chọn cổng khác, ví dụ --port {other} (hoặc --port 0 để tự chọn)."
                    if other
                    else "chạy lại với --port 0 để tự chọn một cổng trống."
                )
                raise PublishError(
                    f"Cổng {port} đang được chương trình khác dùng (có thể là một lệnh publish "
                    f"serve hay publish zalo-sandbox ở cửa sổ khác): chưa xem trước được. Cách sửa: {fix}"
                ) from None
            if exc.errno in (errno.EACCES, errno.EPERM) and 0 < port < 1024:
                # Below 1024 only the administrator may listen (Linux, macOS): `--port 80`.
                raise PublishError(
                    f"Không mở được máy chủ xem trước ở cổng {port}: {os_reason(exc)} (các cổng "
                    "dưới 1024 chỉ người quản trị máy mở được). Cách sửa: chọn cổng từ 1024 trở "
                    "lên, ví dụ --port 8000 (mặc định, bỏ --port cũng được), hoặc --port 0 để "
                    "tự chọn."
                ) from None
            raise PublishError(f"Không mở được máy chủ xem trước: {os_reason(exc)}.") from None
        self._claim.announce(self.server.url)
        self._debouncer = Debouncer(self.rebuild, delay=delay)
        self._watcher = Watcher(root, self._debouncer)
        self._serving: threading.Thread | None = None
        self._writes = OutsideWrites(
            self._cache, self.output, self._shown(), self._rebuilding, self._out, self._err
        )
        self._outside = threading.Thread(
            target=self._watch_output, name="publish-serve-outside", daemon=True
        )

    @property
    def url(self) -> str:
        """The address of the preview."""
        return self.server.url

    def rebuild(self) -> bool:
        """Build and write the web channel; on failure keep the old output, at the folder it was
        built for, and show the error."""
        with self._rebuilding:
            try:
                config = config_module.load(self.root)
                self._tz = config.tz
                folder = urlsplit(config.base_url).path
                if not self._built:
                    # Output left by an earlier build was most likely made with this site.toml.
                    self.server.serve_at(folder)
                now = resolve_now(self._now, config.tz)
                # `publish build` or `publish sync` in another terminal writes output/ too, and
                # every build writes .cache/ (a preview built into .cache/preview/ included).
                with output_lock(
                    self.root,
                    "serve",
                    echo=self._waiting,
                    stopping=self._closing.is_set,
                    tz=config.tz,
                ):
                    # Under the lock, as every command that reads the marker: another command's
                    # write is never taken for an interrupted one.
                    note = interrupted_note(self.output, INTERRUPTED, CHANNELS)
                    if note and note != self._interrupted:
                        print(note, file=self._err, flush=True)
                    self._interrupted = note
                    last = LastBuild(
                        config, self.output, (CHANNELS, self._drafts, False), preview=self._drafts
                    )
                    # Nothing it reads changed since the last build of the same options (this
                    # session's, or `publish build --channel web`'s): a save that changed no
                    # byte, `git checkout` back, a build in another terminal. Nothing is written.
                    replayed = last.replay(now, CHANNELS)
                    site: Site | None
                    records: Records | None = None  # a replay: its lines read state/
                    if replayed is None:
                        outcome, report, site, records = self._build_and_write(config, now, last)
                    else:
                        outcome, report = replayed, None
                        # The session's first build replayed: its site is what the next
                        # rebuild's renames and warnings are told against (a page open at a
                        # renamed bulletin follows it; only the edited files' warnings print).
                        site = None if self._addresses else self._replayed_site(config, now, last)
                # Only now: the last good build links to its own folder, and is kept there
                # under the error overlay until a build for the new folder succeeds.
                self.server.serve_at(folder)
                self._built = True
            except Abandoned:
                return False  # the server is closing
            except ContentError as exc:
                self._failed(str(exc), shown=errors_first(exc))
                return False
            except PublishError as exc:
                self._failed(str(exc))
                return False
            except OSError as exc:  # as `publish build` tells it (cli.main)
                if self._debug:
                    traceback.print_exc(file=self._err)
                where = f" ({exc.filename})" if exc.filename else ""
                fix = full_disk_fix(exc, "tệp đó")
                self._failed(
                    f"lỗi hệ thống tệp khi dựng website: {os_reason(exc)}{where}."
                    + (f" {fix}" if fix else "")
                )
                return False
            except Exception as exc:
                if self._debug:
                    traceback.print_exc(file=self._err)
                # The class alone, as `publish build` says: the text (English, at times a path
                # or a token) is in --debug's traceback.
                self._failed(
                    f"Lỗi nội bộ khi dựng website ({error_class(exc)}). "
                    "Chạy lại với --debug để xem chi tiết và báo cho nhóm phát triển."
                )
                return False
            # Without --drafts the preview is output/web itself: the pages are gone from it.
            built = self._served_folder()
            withdrawn = withdrawal_lines(outcome.withdrawable, config, now, records, built)
            self._report(outcome, report, set() if site is None else self._edited(site), withdrawn)
            if site is not None:
                # Before _moved forgets the last addresses.
                self.hub.hold(self._held_at(site, outcome.withdrawable))
            # After serve_at: a page moves to its address under the folder now served.
            self.hub.finished(None, {} if site is None else self._moved(site))
            return True

    def _replayed_site(
        self, config: config_module.Config, now: dt.datetime, last: LastBuild
    ) -> Site | None:
        """The site of the build `last` replayed, its unchanged bulletins from the cache's shelf
        (not read again: ~0.5 s at 10,000); None when it cannot be loaded as it was."""
        try:
            return last.replayed_site(now) or load_site(
                config, now=now, drafts=self._drafts, digests=last.replayed_digests()
            )
        except (ContentError, PublishError, OSError):
            return None  # changed meanwhile: the next rebuild says what is wrong

    def _build_and_write(
        self, config: config_module.Config, now: dt.datetime, last: LastBuild
    ) -> tuple[Outcome, WriteReport, Site, Records]:
        """Build the web channel and write it (holding the output lock); what to report, what
        was written, the site built and the reader of state/ it read."""
        with Status("Đang dựng website", stream=self._err) as status:
            last.start()
            # One reading of state/ for the load's checks, the refusal and the withdrawals told.
            records = Records(self.root, Published(self.root / "state"))
            published = records.published
            result = build(
                config,
                channels=CHANNELS,
                now=now,
                drafts=self._drafts,
                digests=last.digests,
                output=self.output,
                timings=Timings(on_phase=status.phase),
                records=records,
                every_key=True,
            )
            if not self._drafts:
                # Some units copy output/ to their web server: as `publish build`.
                refuse_vanished(
                    self.root / "state",
                    self.root / "content",
                    result.site,
                    confirmed=self._confirmed,
                    output="output",
                    published=published,
                )
            report = write(
                counted(result.artifacts, status.tick),
                self.output,
                CHANNELS,
                cache=self._cache,
                swapping=self.server.swapping(),
                by="serve",
                retired=self.server.retired,
            )
        # Read under the lock: no other command can have written since.
        self._writes.own_write()
        outcome = outcome_of(result, report, records)
        last.record(result.site, CHANNELS, outcome)
        return outcome, report, result.site, records

    def _watch_output(self) -> None:
        """Rebuild the preview whenever another command wrote the served folder, until closing."""
        while not self._closing.wait(OUTSIDE_POLL_SECONDS):
            if self.outside_write():
                self._debouncer.poke()

    def outside_write(self) -> bool:
        """Whether another command wrote the served folder since this session last looked (see
        OutsideWrites.check)."""
        return self._writes.check(self._tz)

    def _served_folder(self) -> Built | None:
        """The web folder a build just wrote when it is the one served (output/web: the pages
        left out are gone from it), None with --drafts (.cache/preview/web)."""
        return None if self._drafts else Built(self._shown(), serving=True)

    def _shown(self) -> str:
        """The served folder as the editor sees it in messages: output/web, .cache/preview/web."""
        return (self.output / "web").relative_to(self.root).as_posix()

    def _moved(self, site: Site) -> dict[str, str]:
        """The pages this build serves at another address than the last good one (old path →
        new path): a page open at the old one follows instead of showing «Không tìm thấy»."""
        prefix = self.server.site_path.rstrip("/")
        bulletins = site.for_channel("web")
        addresses = {("bulletin", b.key): prefix + b.url for b in bulletins}
        addresses |= {("page", p.source): prefix + p.url for p in site.pages}
        files = {b.key: (b.source, b.digest) for b in bulletins}
        before, self._addresses = self._addresses, addresses
        files_before, self._files = self._files, files
        self._titles = {b.key: b.title for b in bulletins}
        moved = {
            old: addresses[key]
            for key, old in before.items()
            if key in addresses and addresses[key] != old
        }
        gone = [key for key in before if key[0] == "bulletin" and key not in addresses]
        new = [key for key in addresses if key[0] == "bulletin" and key not in before]
        if len(gone) == 1 and len(new) == 1:
            was, now = files_before.get(gone[0][1]), files[new[0][1]]
            # A bulletin without `id` is known by its slug, which its file's name (or its `slug`)
            # gives. One gone and one come is it only when the file is the same: renamed, its
            # bytes unchanged, or edited in place. A `git pull` that removes one bulletin and
            # adds another also makes one gone and one come, of unrelated bulletins.
            if was is not None and (was[0] == now[0] or (was[1] and was[1] == now[1])):
                moved[before[gone[0]]] = addresses[new[0]]
        return moved

    def _held_at(
        self, site: Site, withdrawable: Sequence[Withdrawable]
    ) -> dict[tuple[str, ...], Held]:
        """Why `site` shows no page at the address of each bulletin it holds back (its own, and
        the one the last good build served it at), by the address's path segments; also at the
        addresses state/ recorded for each published bulletin whose file was deleted before
        this session (`withdrawable`: the build's, publish.withdrawing)."""
        prefix = self.server.site_path.rstrip("/")
        held: list[tuple[Bulletin, Held]] = [
            (
                e.bulletin,
                Held(
                    e.bulletin.source,
                    e.reason,
                    e.code in PREVIEWED_CODES,
                    _due(e.bulletin, site.config.tz) if e.code == "scheduled" else "",
                ),
            )
            for e in site.excluded
            if not site.is_preview(e.bulletin)
        ]
        if not self._drafts:
            held += [
                (b, Held(b.source, _web_draft(b, site), in_drafts=True))
                for b in site.bulletins
                if "web" in b.held_from
            ]
        found: dict[tuple[str, ...], Held] = {}
        deleted = self._deleted(site)
        addresses = {key: [self._addresses[("bulletin", key)]] for key, _ in deleted}
        # A tab left open from an earlier session (or a link the editor kept) on a bulletin
        # deleted since: this session never served it, state/ knows where it was.
        earlier = [
            (w.key, w.source)
            for w in withdrawable
            if w.why == DELETED and w.source and w.key not in addresses
        ]
        if earlier:
            try:
                history = recorded_history(site)
            except PublishError:
                history = {}  # the notice is a help, not worth stopping the preview for
            for key, _ in earlier:
                addresses[key] = [prefix + path for path in history.get(key, ())]
        built = self._served_folder()
        notices = deleted_notices([*deleted, *earlier], site.config, site.now, withdrawable, built)
        for key, source in [*deleted, *earlier]:
            for address in addresses[key]:
                parts = request_parts(address)
                if parts is None:
                    continue  # an address no request reaches: no page to put the notice on
                found[parts] = found[(*parts, "index.html")] = Held(
                    source, notices[key], False, deleted=True
                )
        for bulletin, why in held:
            before = self._addresses.get(("bulletin", bulletin.key))
            for address in {prefix + bulletin.url, before or prefix + bulletin.url}:
                parts = request_parts(address) or ()
                found[parts] = found[(*parts, "index.html")] = why
        return found

    def _deleted(self, site: Site) -> list[tuple[str, str]]:
        """The key and file of each bulletin of the last good build whose file `site` no longer
        has, renames aside: a bulletin with `id` keeps its key, and one without is paired with
        the new bulletin it became as `publish check` and the Zalo sync pair them (same file,
        same text, then same title: publish.rename_pairs), rather than told as deleted."""
        loaded = loaded_keys(site)
        gone = [k for kind, k in self._addresses if kind == "bulletin" and k not in loaded]
        if not gone:
            return []
        known = {k for kind, k in self._addresses if kind == "bulletin"}
        held = (e.bulletin for e in site.excluded)
        new = {b.key: b for b in (*site.bulletins, *held, *site.previews) if b.key not in known}
        files, titles = self._files, self._titles
        indexes: tuple[Index[Bulletin], ...] = (
            (lambda old: files[old][0] if old in files else None, lambda b: b.source),
            (lambda old: files[old][1] if old in files else None, lambda b: b.digest),
            (lambda old: same_title(titles.get(old) or ""), lambda b: same_title(b.title)),
        )
        renamed = pair_renames(gone, new, indexes, own_id=lambda b: b.has_id).renamed
        return [
            (key, files[key][0])
            for key in gone
            if key in files and key not in renamed and not (self.root / files[key][0]).exists()
        ]

    def _edited(self, site: Site) -> set[str]:
        """The files of the bulletins `site` has that the last good build did not, or with
        other bytes (all of them on the first)."""
        return {
            b.source
            for b in site.for_channel("web")
            if self._files.get(b.key) != (b.source, b.digest)
        }

    def _report(
        self,
        outcome: Outcome,
        report: WriteReport | None,
        edited: set[str],
        withdrawn: list[str],
    ) -> None:
        """Print the warnings about the `edited` files and those the last good build did not
        print, bulletins left out and those of them the next sync takes down (`withdrawn`:
        publish.withdrawing; only when those lines change) and what was written (`report`;
        None: the last build was replayed, nothing was)."""
        warned = [(warning.file, warning.render()) for warning in outcome.warnings]
        again = 0
        # Every save printed them all again: at 10,000 bulletins hundreds of lines, and those
        # about the bulletin just saved lost among them.
        for file, text in warned:
            if text not in self._warned or file in edited:
                print(text, file=self._err)
            else:
                again += 1
        if again:
            print(
                f"(Còn {again} cảnh báo, ghi chú giống lần dựng trước, không in lại; chạy "
                "publish check để xem tất cả.)",
                file=self._err,
            )
        self._warned = {text for _, text in warned}
        # As `publish build` says them: previewing a draft made of a published bulletin,
        # the editor heard only «bản nháp», not that merging it takes the bulletin down.
        skipped = [*outcome.exclusions, *withdrawn]
        if skipped != self._skipped:
            for line in skipped:
                print(line, file=self._out)
            self._skipped = skipped
        if report is None:
            files = dict(outcome.files).get("web", 0)
            done = (
                f"Website không đổi kể từ lần dựng trước: {files} tệp giữ nguyên, không ghi lại "
                "tệp nào."
            )
        else:
            done = (
                f"Đã dựng website: {report.written.get('web', 0)} tệp ghi mới, "
                f"{report.unchanged.get('web', 0)} không đổi, {report.removed.get('web', 0)} gỡ bỏ."
            )
        print(f"[{clock(self._tz)}] {done}", file=self._out, flush=True)

    def _waiting(self, message: str) -> None:
        """Say in the terminal that the rebuild waits for another command."""
        print(f"[{clock(self._tz)}] {message}", file=self._err, flush=True)

    def _failed(self, message: str, *, shown: str | None = None) -> None:
        """Report a failed rebuild in the terminal and on every open page (`shown`, when it
        differs), in NFC on both (a Mac names files in NFD; the terminal's stream is made NFC
        by cli.main, the page not)."""
        message = nfc(message)
        print(
            f"[{clock(self._tz)}] Không dựng được website; trang đang mở sẽ hiện lỗi này:",
            file=self._err,
        )
        print(message, file=self._err, flush=True)
        self.hub.finished(message if shown is None else nfc(shown))

    def start(self) -> str:
        """Build once, then serve and watch in background threads; return the URL."""
        self.rebuild()
        self._claim.announce(self.url)  # the site's folder is known once built
        serving = threading.Thread(
            target=self.server.serve_forever,
            kwargs={"poll_interval": 0.1},  # how long stop() waits for the loop to notice
            name="publish-serve",
            daemon=True,
        )
        serving.start()
        # Kept only once started: stop() waits for the serving loop, forever when a thread
        # refused by the system («can't start new thread») never ran it.
        self._serving = serving
        self._debouncer.start()
        self._watcher.start()
        self._outside.start()
        return self.url

    def stop(self) -> None:
        """Stop watching, end open event streams and close the server."""
        self._closing.set()
        self._watcher.stop()
        if self._outside.is_alive():
            self._outside.join(timeout=5)
        self._debouncer.stop()
        self.hub.close()
        if self._serving is not None:
            self.server.shutdown()
            self._serving.join(timeout=5)
        self.server.server_close()
        self._claim.release()

    def __enter__(self) -> PreviewSession:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _web_draft(bulletin: Bulletin, site: Site) -> str:
    """Why a bulletin published on other channels has no page on the website (`draft: [web]`)."""
    held = ", ".join(carried(bulletin.held_from, site.config))
    going = ", ".join(carried(bulletin.channels, site.config))
    return f"giữ khỏi kênh {held} (draft: [{held}])" + (f"; vẫn đăng ở {going}" if going else "")


def _due(bulletin: Bulletin, tz: dt.tzinfo) -> str:
    """When a scheduled bulletin goes out, written as --now reads it: on the site's clock
    (`tz`; a time without offset is read as site time), to the second, never before it."""
    due = bulletin.date.astimezone(tz)
    if due.microsecond:
        due = due.replace(microsecond=0) + dt.timedelta(seconds=1)
    return when(due)


def errors_first(exc: ContentError) -> str:
    """A failed build's problems for the page's error overlay: the errors that stopped it
    first, then the count, then the warnings and notes. On a phone the overlay shows a few
    lines, and a note of another bulletin (Word's quotes…) came before the error to fix."""
    errors = [p for p in exc.problems if p.severity == "error"]
    others = [p for p in exc.problems if p.severity != "error"]
    lines = render_all(errors)
    lines.append(exc.closing)  # the terminal's line, not a copy of its words that may drift
    if exc.note:
        lines.append(exc.note)
    if others:
        lines.append("")
        lines.append("Cảnh báo và ghi chú (không chặn việc dựng):")
        lines += render_all(others)
    return "\n".join(lines)


def _free_port_after(port: int, host: str) -> int | None:
    """The first of the ten ports after `port` (from 8001 when none was asked) that `host`
    can listen on now, or None: the port suggested when `port` is taken must not be taken too."""
    start = port + 1 if 0 < port < 65535 else 8001
    for candidate in range(start, min(start + 10, 65536)):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((host, candidate))
            except OSError:
                continue
            return candidate
    return None
