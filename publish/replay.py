"""A no-op build in a fraction of a second: replay the last one when nothing it read has changed.

The last successful `publish build` leaves a stamp in `.cache/last-build.pickle` (a --drafts
preview in `.cache/last-preview.pickle`): the tool's code
and installed libraries, the options, the digest and size/mtime/ctime/inode of every file it read
(site.toml, content/, templates/, the abbreviation list, the sync records in state/ it reads), and
the span of time in which its gates give the same answers (no embargo lifting, nothing expiring,
no correction's date passing, no pin ending on the home page, no new year for the footer, no
radio air time for the episode warnings or that an episode was synced with). A build with the
same stamp, inside that span, whose output folders still hold exactly what the writer recorded,
and were last written by the write this stamp saw (see publish.output_stamp), cannot produce
other bytes: it reprints the last report and writes nothing. Anything else — or no stamp, e.g. after deleting .cache/ — builds normally.

Inputs are recorded by their path from the project root (files outside it, like the built-in
theme, by their absolute path), so `publish build` in the project folder and `publish --root
/abs/path build` (or a relative or linked spelling of it) replay each other's build.

A file whose stat differs (a fresh clone, a cache restored in CI, `touch`) is read and compared by
digest, as git does with its index; so is one changed close to when it was recorded ("racy").

A sync that replays a build still needs the loaded content for its channels' plans; the first
keeps it in `.cache/last-site.pickle` under the stamp's token, and later syncs replaying the same
stamp take it instead of loading every bulletin again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import os
import pickle
import secrets
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path

from publish import installed, linked_folders, output_stamp
from publish.cache import file_sha256, fingerprint, runtime, tool_digest, write_file
from publish.config import BUILTIN_THEME, Config
from publish.errors import Problem, PublishError, os_reason
from publish.ledger import Ledger
from publish.model import EXPIRED_LISTED, Site
from publish.radio_rates import load_kept_rates, rates_path
from publish.sync.vanished import PUBLISHED_NAME
from publish.text import vn_datetime
from publish.url_history import history_path
from publish.withdrawing import Withdrawable
from publish.writer import interrupted

__all__ = ["PREVIEW_STAMP", "STAMP", "LastBuild", "Outcome"]

STAMP = "last-build.pickle"
PREVIEW_STAMP = "last-preview.pickle"
"""The stamp of the last --drafts build: an editor alternating `build --drafts` and `build`
replays each from its own stamp (one stamp for both made every one of them a real build)."""
SITE = "last-site.pickle"
"""The site a sync loaded for its channels' plans after replaying the stamped build, with the
stamp's token: the next sync replaying the same stamp takes it instead of loading again."""
RACY_SECONDS = 1.0
"""A file changed this close to when its stat was taken may change again within the same timestamp
tick without its stat showing it (git's "racy" case): its bytes are compared every time."""
_VERSION = 11
_TOO_MANY = "một thư mục liên kết (symlink) có quá nhiều mục để xem hết có thay đổi không"
"""Why a walk that stopped at a linked folder's entry budget does not replay."""

Stat = tuple[int, int, int, int]
"""(size, mtime_ns, ctime_ns, inode) of an input file."""
Input = tuple[Stat | None, str]
"""An input file's stat (None: racy, always compare the bytes) and the sha256 of its bytes."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a successful build reported, to be printed again when it is replayed."""

    exclusions: tuple[str, ...]
    warnings: tuple[Problem, ...]
    files: tuple[tuple[str, int], ...]
    """Files per channel, in the order built."""
    published: int
    held: str = ""
    """The bulletins left out, counted by why (build.held_count)."""
    advice: tuple[str, ...] = ()
    """How to publish when nothing goes out (build.how_to_publish)."""
    unsent: tuple[str, ...] = ()
    """Channels built with nowhere to go (zalo without an OA): their line is left out of the
    report while none of their files changed."""
    withdrawable: tuple[Withdrawable, ...] = ()
    """The bulletins a sync takes down from some channel if state/ records them published
    (publish.withdrawing): state/ is read when the report is printed, replayed or not."""


@dataclass(frozen=True, slots=True)
class _Stamp:
    """The saved stamp of the last successful build."""

    key: tuple[object, ...]
    inputs: dict[str, Input]
    since: dt.datetime | None
    until: dt.datetime | None
    outcome: Outcome
    token: str
    """Names this build's inputs and time span (kept when only the inputs' stats are refreshed)."""
    addresses: str | None = None
    """The sha256 of state/web-urls.json in which a sync found every address of this build."""
    marks: tuple[tuple[str, output_stamp.Stamp | None], ...] = ()
    """Each channel folder's mark of its last write, as this build left (or found) it."""
    since_why: str = ""
    until_why: str = ""
    """What happens at `since` and at `until` (a bulletin's embargo lifting…), for the reason
    a build at a clock outside the span does not replay."""


class LastBuild:
    """The stamp of one project's last build with given options, and the replay it allows."""

    def __init__(
        self,
        config: Config,
        output: Path,
        options: tuple[object, ...],
        *,
        preview: bool = False,
        noted: tuple[str, ...] = (),
    ) -> None:
        """The stamp for builds of `config` into `output` with `options` (channels, flags);
        a --drafts `preview` has its own. `noted`: channels whose files' stats a replay keeps
        in `seen`."""
        self.config = config
        self.output = output
        self.cache = config.root / ".cache"
        self.path = self.cache / (PREVIEW_STAMP if preview else STAMP)
        self.options = options
        self._inputs: dict[str, Input] | None = None
        self._tops: list[tuple[str, str]] = []
        """(name, path as the build spells it) of each file or folder _roots() found."""
        self._stats: dict[str, Stat] | None = None
        """The inputs' stats taken by a replay that did not go through, for start() to reuse."""
        self._partial: str | None = None
        """Why _stat_inputs() stopped short (a linked folder too big to look through, a folder
        unreadable), or None."""
        self._recorded: dict[str, Input] = {}
        """The last stamp's inputs (whatever its tool and options), whose digests start() may
        reuse."""
        self._hashed: dict[str, str | None] = {}
        """Digests a replay that did not go through took of the inputs whose stat had changed."""
        self._token: str | None = None
        """The token of the stamp a replay went through with."""
        self._replayed: dict[str, Input] = {}
        """The inputs of the stamp a replay went through with."""
        self._stamped: str | None = None
        """The token of the stamp this run replayed or recorded."""
        self.until: dt.datetime | None = None
        """The end of the span in which the stamp this run replayed or recorded gives the same
        output (None: none, or no end)."""
        self.addresses_recorded = False
        """After a replay: whether state/web-urls.json, as the replay found it, holds every
        address of the replayed build (a sync found so), so a sync need not look again."""
        self.why_not = ""
        """After a replay that did not go through: why, in Vietnamese (for `--timings`)."""
        self.noted = noted
        self.seen: dict[str, tuple[dict[str, tuple[int, int, int, int]], int]] = {}
        """After a replay: for each `noted` channel whose folder the quick look found as
        recorded, each file's (size, mtime_ns, ctime_ns, inode) by relative path, and
        time.time_ns() from before they were taken (see Ledger.first_difference)."""
        self.digests: dict[str, str] = {}
        """After start(): the digest of each input as this build found it, by path (the recorded
        one when its settled stat is the recorded one, else hashed after taking its stat, so a
        later change shows in the next build's stat): the build takes them instead of reading
        those files again (bulletins found on the cache's shelf, images already resized)."""

    @cached_property
    def _key(self) -> tuple[object, ...]:
        """Everything besides input files that decides the output bytes: the tool's code, the
        libraries, and the Python, Unicode and data files it runs with (`fingerprint`: a
        .cache/ restored by CI under another Python must not replay)."""
        # fingerprint() hashes tool_digest() and runtime() too: they are kept beside it, as
        # the libraries are, for the message telling why the last build is not replayed (the
        # code changed; from which Python to which: `_key_change` reads them by place).
        return (
            _VERSION,
            tool_digest(),
            installed.libraries(),
            str(self.output.resolve()),
            self.options,
            runtime(),
            fingerprint(),
        )

    def _roots(self) -> list[Path]:
        """Files and folders a build reads."""
        root = self.config.root
        found = [
            root / "site.toml",
            root / "content",
            root / "templates",
            BUILTIN_THEME,
            history_path(root),  # old addresses get redirect pages
            rates_path(root),  # aired radio episodes keep their synced read rates
            # A bulletin approved by name only goes out once this list names it
            # (name_only_approvals = "published"): one pulled from the syncing machine changes
            # what the build publishes.
            root / "state" / PUBLISHED_NAME,
        ]
        if not found[-1].exists():
            # Only a state/ without published.json has the gate read the channels' records
            # (publish.name_only_record: what they list, or that they were written by a version
            # writing published.json, which then was deleted). Once it exists, even unreadable
            # (it vouches for nothing then, and its own stat changes), they are no input, and a
            # sync posting to Zalo or the radio does not make the next command build for real.
            found += [root / "state" / "zalo.json", root / "state" / "radio.json"]
        if self.config.radio.abbreviations:
            found.append(root / self.config.radio.abbreviations)
        return found

    def _name(self, path: Path) -> str:
        """How the stamp names an input: its path from the project root however the root was
        spelt (".", "./", "../proj", absolute, through a link), else its absolute path."""
        absolute = os.path.abspath(path)
        top = os.path.abspath(self.config.root)
        if absolute.startswith(top + os.sep) and top != os.sep:
            return absolute[len(top) + 1 :]
        return absolute

    def _stat_inputs(self) -> dict[str, Stat]:
        """The stat of every input file, by name (see _name)."""
        found: dict[str, Stat] = {}
        self._tops = []
        self._partial = None
        for path in self._roots():
            try:
                st = os.stat(path)
            except OSError:
                continue
            name, text = self._name(path), str(path)
            self._tops.append((name, text))
            if not stat.S_ISDIR(st.st_mode):
                found[name] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            elif name == text:  # run in the project folder: the walk's paths are the names
                self._partial = self._partial or _walk(text, found)
            else:
                walked: dict[str, Stat] = {}
                self._partial = self._partial or _walk(text, walked)
                cut = len(text)
                found.update((name + file[cut:], fst) for file, fst in walked.items())
        return found

    def _path(self, name: str) -> str:
        """The path, as the build spells it, of the input _stat_inputs() named `name`."""
        for top, text in self._tops:
            if name == top or name.startswith(top + os.sep):
                return text + name[len(top) :]
        return name

    def _hash(self, names: list[str]) -> dict[str, str | None]:
        """Each named input's sha256 (None when unreadable), read and hashed on every core; a
        folder link's mark (see _walk) gets where the link points."""
        files = [name for name in names if not name.endswith(os.sep)]
        found = dict(zip(files, _hash_all([self._path(n) for n in files]), strict=True))
        found.update((n, _link_target(self._path(n)[:-1])) for n in names if n.endswith(os.sep))
        return found

    def replay(self, now: dt.datetime, channels: tuple[str, ...]) -> Outcome | None:
        """The last build's outcome when this build would give the same output, else None
        (and `why_not` says why)."""
        stamp = self._stamp()
        if stamp is None:
            return None
        if interrupted(self.output, channels):
            # Its stamp is dropped before a write, but a sync's or a preview's write keeps it.
            # Only the folders replayed count: a radio/ left mixed does not stop `publish serve`.
            self.why_not = "lần ghi đầu ra trước bị ngắt giữa lúc thay tệp"
            return None
        if stamp.since is not None and now < stamp.since:
            self.why_not = (
                f"giờ dựng ({vn_datetime(now.astimezone(self.config.tz))}) sớm hơn "
                f"{stamp.since_why} ({vn_datetime(stamp.since.astimezone(self.config.tz))}), "
                "thời điểm lần dựng trước đã qua"
            )
            return None
        if stamp.until is not None and now >= stamp.until:
            self.why_not = (
                f"giờ dựng đã qua {stamp.until_why} "
                f"({vn_datetime(stamp.until.astimezone(self.config.tz))}), thời điểm lần dựng trước "
                "chưa tới"
            )
            return None
        current = self._stats = self._stat_inputs()
        if self._partial:
            self.why_not = self._partial
            return None
        if current.keys() != stamp.inputs.keys():
            added = sorted(current.keys() - stamp.inputs.keys())
            gone = sorted(stamp.inputs.keys() - current.keys())
            self.why_not = (
                f"có tệp mới: {_some(added)}"
                if added
                else f"tệp đã xóa hoặc đổi tên: {_some(gone)}"
            )
            return None
        checked = time.time_ns()
        stale = [name for name, st in current.items() if stamp.inputs[name][0] != st]
        # All of them, on every core, not up to the first that differs: a build that follows
        # needs each one's digest anyway (see start()). In CI, where every stat differs, one
        # edit at 10,000 bulletins hashed ~5,000 files here and all 10,000 again in start().
        self._hashed = self._hash(stale)
        edited = [name for name in stale if self._hashed[name] != stamp.inputs[name][1]]
        if edited:
            self.why_not = f"{_some(sorted(edited))} đã đổi"
            return None
        refreshed = {
            name: (settled(current[name], checked), stamp.inputs[name][1]) for name in stale
        }
        counts = dict(stamp.outcome.files)
        if any(counts.get(c) for c in channels) and not self.output.is_dir():
            # After `rm -rf output` the ledger's first missing file was named instead, one
            # page of thousands, as if someone had edited that page.
            self.why_not = f"thư mục {self._name(self.output)}/ đã bị xóa sau lần dựng trước"
            return None
        for channel in channels:
            ledger = Ledger(self.cache, self.output, channel)
            folder = self._name(self.output / channel)
            if len(ledger.entries) != counts.get(channel):
                self.why_not = f"sổ ghi các tệp của {folder}/ không còn là của lần dựng trước"
                return None
            if ledger.entries and not (self.output / channel).is_dir():
                self.why_not = f"thư mục {folder}/ đã bị xóa sau lần dựng trước"
                return None
            differs = ledger.first_difference(note=channel in self.noted)
            if differs is not None:
                self.why_not = f"{folder}/{differs} đã bị thêm, xóa hoặc sửa sau lần dựng trước"
                return None
            if ledger.seen is not None:
                self.seen[channel] = (ledger.seen, ledger.seen_since)
        if stamp.marks != self._marks(channels):
            # Another command wrote there since (an older `publish serve --drafts`, which built
            # its drafts into output/web): the ledger is then its, and may count as many files.
            self.why_not = "một lệnh khác đã ghi vào thư mục đầu ra sau lần dựng trước"
            return None
        if refreshed:  # next time, trust the new stats instead of reading those files again
            self._save(dataclasses.replace(stamp, inputs={**stamp.inputs, **refreshed}))
        self._token = self._stamped = stamp.token
        self.until = stamp.until
        self._replayed = stamp.inputs
        history = stamp.inputs.get(self._name(history_path(self.config.root)))
        self.addresses_recorded = history is not None and history[1] == stamp.addresses
        return stamp.outcome

    def _stamp(self) -> _Stamp | None:
        """The last stamp, when made by this tool with these options (else `why_not` says why)."""
        try:
            stamp = pickle.loads(self.path.read_bytes())
        except FileNotFoundError:
            self.why_not = (
                f"không có dấu của lần dựng thành công trước ({self._name(self.path)}: lần dựng "
                "đầu, .cache/ đã bị xóa, hoặc lần trước lỗi hay bị dừng)"
            )
            return None
        except Exception:  # a damaged stamp: build
            self.why_not = f"dấu của lần dựng trước ({self._name(self.path)}) hỏng"
            return None
        if isinstance(stamp, _Stamp) and stamp.key[:1] == (_VERSION,):
            # A file's digest does not depend on the options or the tool that took it: after
            # `build --channel web` (or `publish serve`), a whole build reads only what changed.
            self._recorded = stamp.inputs
        if not isinstance(stamp, _Stamp) or stamp.key[:2] != self._key[:2]:
            self.why_not = "mã của công cụ publish đã đổi (cập nhật hoặc sửa mã)"
            return None
        if stamp.key != self._key:
            self.why_not = _key_change(stamp.key, self._key)
            return None
        return stamp

    def check_digests(self) -> dict[str, str]:
        """Each input's digest, by path, for `publish check`: the one the last build recorded
        (whatever its options) where the stat is still the recorded one, else, for an input
        the build recorded, read and hashed on every core (one it never saw is left to the load,
        which reads it anyway: hashing it too doubled a cold check's reading). An input still
        holding its recorded bytes under a new stat (a fresh checkout in CI) gets that stat
        recorded, as a replay would: the build after the check need not read it again."""
        started = time.time_ns()
        try:
            stamp = pickle.loads(self.path.read_bytes())
        except Exception:  # none, or damaged: every file is hashed
            stamp = None
        if not isinstance(stamp, _Stamp) or stamp.key[:1] != (_VERSION,):
            stamp = None
        recorded = stamp.inputs if stamp is not None else {}
        stats = self._stat_inputs()
        known: dict[str, str | None] = {
            name: recorded[name][1]
            for name, st in stats.items()
            if name in recorded and recorded[name][0] == st
        }
        hashed = self._hash([name for name in stats if name not in known and name in recorded])
        refreshed = {
            name: (fresh, digest)
            for name, digest in hashed.items()
            if name in recorded
            and digest == recorded[name][1]
            and (fresh := settled(stats[name], started)) is not None
        }
        if stamp is not None and refreshed and not self._partial:
            self._save(dataclasses.replace(stamp, inputs={**stamp.inputs, **refreshed}))
        known.update(hashed)
        return {
            self._path(name): digest
            for name, digest in known.items()
            if digest is not None and not name.endswith(os.sep)
        }

    def replayed_digests(self) -> dict[str, str]:
        """After a replay: the digest of each input as the replayed build found it (and this
        replay confirmed), by path: a load given them takes files from the cache's shelf
        without reading them."""
        return {
            self._path(name): digest
            for name, (_stat, digest) in self._replayed.items()
            if not name.endswith(os.sep)
        }

    def replayed_site(self, now: dt.datetime) -> Site | None:
        """After a replay: the site an earlier sync kept for the same stamp, at `now`, or None."""
        if self._token is None:
            return None
        try:
            token, site = pickle.loads((self.cache / SITE).read_bytes())
        except Exception:  # none kept yet, or a damaged one: load the content
            return None
        if token != self._token or not isinstance(site, Site):
            return None
        # Same inputs and the same span in which every gate gives the same answer: only the
        # clock differs from the site loading would give.
        return dataclasses.replace(site, config=self.config, now=now)

    def keep_site(self, site: Site) -> None:
        """After a replay: keep `site` for the next sync that replays the same stamp."""
        if self._token is not None:
            # Without the inputs' digests: only renderers use them, and a sync renders nothing.
            kept = dataclasses.replace(site, digests={})
            write_file(
                self.cache / SITE, pickle.dumps((self._token, kept), pickle.HIGHEST_PROTOCOL)
            )

    def start(self) -> None:
        """Before a real build: note each input's stat, then its digest, and drop the old stamp."""
        started = time.time_ns()
        self.drop()
        inputs: dict[str, Input] = {}
        stats = self._stats if self._stats is not None else self._stat_inputs()
        known: dict[str, str | None] = {}
        for name, st in stats.items():
            # A file whose (settled) stat is the one recorded has the recorded bytes, as in
            # replay(); reading and hashing 10,000 unchanged files cost ~0.25 s of a rebuild.
            recorded = self._recorded.get(name)
            if recorded is not None and recorded[0] == st:
                known[name] = recorded[1]
            elif name in self._hashed:  # by replay(), after taking the same stat
                known[name] = self._hashed[name]
        # The others (in CI's fresh checkout: every file) are read and hashed on every core;
        # this process holds little yet, so forking is cheap. 10,000 bulletins with a photo
        # each (17,500 files, ~500 MB): 0.54 -> 0.45 s; small files alone gain nothing.
        known.update(self._hash([name for name in stats if name not in known]))
        for name, st in stats.items():
            digest = known[name]
            if digest is not None:
                inputs[name] = (settled(st, started), digest)
                if not name.endswith(os.sep):  # a folder link's mark is no file to read
                    self.digests[self._path(name)] = digest
        # Files past where the walk stopped are not in the stamp: a build it let replay could
        # miss a change there.
        self._inputs = None if self._partial else inputs

    def drop(self) -> None:
        """Before a build writes output/: remove the last stamp, or refuse to build. A stamp
        left in place would be taken later for the output written under it: a build after the
        sources went back to what it recorded replayed it over the newer pages (QA, session 77,
        .cache/ files the user may not replace). Saving the new stamp may then fail quietly:
        without one, the next build is a real one."""
        try:
            self.path.unlink()
        except (FileNotFoundError, NotADirectoryError):
            return  # no stamp, nor a .cache folder to hold one (.cache a file: the cache says so)
        except OSError as exc:
            raise PublishError(_stamp_stuck(self.path, exc)) from None

    def record(self, site: Site, channels: tuple[str, ...], outcome: Outcome) -> None:
        """After a successful build: save the stamp (its time span from the site's dates)."""
        if self._inputs is None:
            return
        span = _unchanged_span(site, channels)
        if span is not None:
            (since, since_why), (until, until_why) = span
            token = self._stamped = secrets.token_hex(16)
            self.until = until
            marks = self._marks(channels)
            self._save(
                _Stamp(
                    self._key,
                    self._inputs,
                    since,
                    until,
                    outcome,
                    token,
                    marks=marks,
                    since_why=since_why,
                    until_why=until_why,
                )
            )

    def _marks(
        self, channels: tuple[str, ...]
    ) -> tuple[tuple[str, output_stamp.Stamp | None], ...]:
        """The mark of the last write of each channel's output folder."""
        return tuple((c, output_stamp.read(self.cache, self.output, c)) for c in channels)

    def take_rewrite(
        self, path: Path, before: str | None, after: str | None, *, addresses: bool = False
    ) -> bool:
        """After the build this run replayed or recorded: a file of state/ it read (`path`),
        which a sync found with sha256 `before` (None: no file) and left with `after`, from
        both of which a build gives the same output. When the two differ, the stamp takes
        `after`, so that the next build replays. `addresses`: the file is state/web-urls.json
        and holds every address of this build. Only when the stamp on disk is still that
        build's and recorded `before`: the file was not changed by anything else since.
        Whether the stamp took it."""
        if self._stamped is None:
            return False
        try:
            stamp = pickle.loads(self.path.read_bytes())
        except Exception:  # no stamp, or a damaged one: the next build builds
            return False
        if not isinstance(stamp, _Stamp) or stamp.key != self._key or stamp.token != self._stamped:
            return False
        name = self._name(path)
        recorded = stamp.inputs.get(name)
        if (None if recorded is None else recorded[1]) != before:
            return False
        inputs = stamp.inputs
        if before != after:
            if after is None:  # not what a sync does: leave it to the next build
                return False
            # No stat to trust yet (written just now): the next replay compares its bytes, then
            # keeps its stat. The token stays: the site kept for it is the one loading now gives.
            inputs = {**stamp.inputs, name: (None, after)}
            if before is None and path.name == PUBLISHED_NAME:
                # The first published list: the channels' records it stands in for are no
                # input once it exists (_roots), and a stamp naming them never replayed again.
                for record in ("zalo.json", "radio.json"):
                    inputs.pop(self._name(path.parent / record), None)
        held = after if addresses and after is not None else stamp.addresses
        if inputs is not stamp.inputs or held != stamp.addresses:
            self._save(dataclasses.replace(stamp, inputs=inputs, addresses=held))
        return True

    def _save(self, stamp: _Stamp) -> None:
        """Write the stamp (best effort: without it the next build is a real one)."""
        write_file(self.path, pickle.dumps(stamp, pickle.HIGHEST_PROTOCOL))


def _stamp_stuck(path: Path, exc: OSError) -> str:
    """Why a build that could not remove the last stamp (`path`, as the command spells the
    project: typed from where it runs) wrote nothing, and what to do."""
    from publish.gates import shell_word  # only on this error's path

    folder = path.parent
    return (
        f"không xóa được dấu của lần dựng trước ({path}: {os_reason(exc)}), nên lần dựng này "
        "không ghi gì vào thư mục đầu ra: dấu cũ còn đó thì lần dựng sau có thể tưởng trang cũ "
        f"là trang mới nhất. Cách sửa: cho người dùng này quyền ghi {folder}/ (tệp do một lần "
        f"chạy lệnh bằng sudo ghi ra: sudo chown -R $USER {shell_word(str(folder))}) hoặc xóa "
        f"hẳn {folder}/ (chỉ là bộ nhớ đệm, lần sau tự dựng lại), rồi chạy lại lệnh."
    )


def settled(st: Stat, when_ns: int) -> Stat | None:
    """The stat to trust later, or None when the file changed so shortly before `when_ns` that
    a change within the same timestamp tick would not show in it."""
    return None if max(st[1], st[2]) >= when_ns - int(RACY_SECONDS * 1e9) else st


def _hash_all(paths: list[str]) -> list[str | None]:
    """Each file's sha256 (None when unreadable), in order, read and hashed on every core."""
    if not paths:
        return []
    # Imported only now: a replay whose stats all match hashes nothing, and the pool machinery
    # (multiprocessing, subprocess, socket…) was ~10 ms of every such no-op build.
    from publish.parallel import run_jobs

    return list(run_jobs([partial(file_sha256, p) for p in paths], chunk=64))


def _walk(
    folder: str,
    found: dict[str, Stat],
    seen: set[str] | None = None,
    budget: list[int] | None = None,
) -> str | None:
    """Add the stat of every file under `folder` (a linked folder once: links may loop), and
    of each folder link itself, marked by a trailing separator. Why the walk stopped short, or
    None: a linked folder holds more entries than publish.linked_folders looks at (such a link
    is refused, and walking `content/o -> /usr` took 51 s before the refusal), or a folder
    could not be read (the load refuses that too; a stamp without the files in it could
    replay a build that read them)."""
    seen = set() if seen is None else seen
    real = os.path.realpath(folder)
    if real in seen:
        return None
    seen.add(real)
    try:
        entries = os.scandir(folder)
    except OSError as error:
        return _unreadable(folder, error)
    with entries:
        try:
            return _walk_entries(entries, found, seen, budget)
        except OSError as error:
            return _unreadable(folder, error)


def _unreadable(folder: str, error: OSError) -> str | None:
    """Why a walk that could not read `folder` stopped short (None: the folder is gone)."""
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return None
    return f"không đọc được thư mục {folder}: {os_reason(error)}"


def _walk_entries(
    entries: Iterator[os.DirEntry[str]],
    found: dict[str, Stat],
    seen: set[str],
    budget: list[int] | None,
) -> str | None:
    """_walk's look through one folder's entries."""
    for entry in entries:
        if budget is not None:
            budget[0] -= 1
            if budget[0] < 0:
                return _TOO_MANY
        if entry.is_dir():
            inner = budget
            if entry.is_symlink():
                if inner is None:
                    inner = [linked_folders.MAX_ENTRIES_LOOKED_AT]
                # A folder of bulletins replaced by a link to a copy holds the same files
                # under the same names: without the mark, the build that refuses the link
                # (see publish.linked_folders) was replayed as if nothing had changed.
                with contextlib.suppress(OSError):
                    st = os.lstat(entry.path)
                    found[entry.path + os.sep] = (
                        st.st_size,
                        st.st_mtime_ns,
                        st.st_ctime_ns,
                        st.st_ino,
                    )
            stopped = _walk(entry.path, found, seen, inner)
            if stopped:
                return stopped
        else:
            with contextlib.suppress(OSError):
                st = entry.stat()
                found[entry.path] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    return None


def _link_target(path: str) -> str | None:
    """What stands for a folder link's bytes in the stamp: where it points (None: unreadable)."""
    try:
        return "-> " + os.readlink(path)
    except OSError:
        return None


Moment = tuple[dt.datetime | None, str]
"""A time at which a build's output may change (None: none), and what happens then."""


def _unchanged_span(site: Site, channels: tuple[str, ...]) -> tuple[Moment, Moment] | None:
    """The times around `site.now` between which the output is the same, with what happens at
    each, or None if it may change at any moment (a website with no bulletin dates its feed by
    the clock)."""
    if "web" in channels and not site.for_channel("web"):
        return None
    now = site.now
    tz = site.config.tz
    moments: list[tuple[dt.datetime, str]] = []
    every = [*site.bulletins, *(e.bulletin for e in site.excluded), *site.previews]
    for bulletin in every:
        moments.append((bulletin.date, f"giờ đăng của {bulletin.source}"))
        # A correction dated after the clock is an error (publish.corrections.future): a build
        # at an earlier clock than one that passed it must be a real one, to refuse it.
        moments += [(c.date, f"giờ đính chính của {bulletin.source}") for c in bulletin.corrections]
        if bulletin.pinned_until is not None:  # the home page's pinned block changes then
            moments.append((bulletin.pinned_until, f"giờ hết ghim (pinned) của {bulletin.source}"))
        if bulletin.expires is not None:
            # A week later the report counts it among the long expired instead of naming it.
            moments += [
                (bulletin.expires, f"hạn gỡ (expires) của {bulletin.source}"),
                (bulletin.expires + EXPIRED_LISTED, f"một tuần sau hạn gỡ của {bulletin.source}"),
            ]
    local = now.astimezone(tz)
    moments += [
        (
            dt.datetime(local.year + k, 1, 1, tzinfo=tz),
            f"đầu năm {local.year + k} (năm ở chân trang)",
        )
        for k in (0, 1)
    ]
    if "radio" in channels:  # warnings name episodes still to come
        hour, minute = (int(part) for part in site.config.radio.air_time.split(":"))
        today = dt.datetime.combine(local.date(), dt.time(hour, minute), tzinfo=tz)
        slot = f"mốc giờ phát sóng {site.config.radio.air_time} hằng ngày"
        moments += [(today + dt.timedelta(days=k), slot) for k in (-1, 0, 1)]
        # An episode synced to air at a time the settings no longer give airs as it was sent
        # once that time passes (radio_rates): its layout changes then, not at a slot.
        with contextlib.suppress(PublishError):  # a damaged file: the build reported it
            kept = load_kept_rates(rates_path(site.config.root))
            moments += [(r.air, f"giờ phát tập {week} đã gửi") for week, r in kept.items()]
    since = max((m for m in moments if m[0] <= now), default=(None, ""), key=_when)
    until = min((m for m in moments if m[0] > now), default=(None, ""), key=_when)
    return since, until


def _when(moment: Moment) -> dt.datetime:
    """When a moment is (only moments with a time are compared)."""
    assert moment[0] is not None
    return moment[0]


def _some(names: list[str]) -> str:
    """The first of some files, and how many more."""
    return names[0] + (f" (và {len(names) - 1} tệp khác)" if len(names) > 1 else "")


def _key_change(old: tuple[object, ...], new: tuple[object, ...]) -> str:
    """Why a stamp made by the same code was made for other builds: what differs in its key
    (libraries, output folder, options, Python, the tool's data files)."""
    if old[2] != new[2]:
        was, now = set(old[2]), set(new[2])  # type: ignore[call-overload]
        changed = [f"{name} {version}" for name, version in sorted(now - was)]
        changed += [f"gỡ {name} {version}" for name, version in sorted(was - now)]
        return "thư viện Python đã đổi: " + ", ".join(changed)
    if old[3] != new[3]:
        return f"thư mục đầu ra khác lần trước ({old[3]})"
    was_options, options = old[4], new[4]
    if isinstance(was_options, tuple) and isinstance(options, tuple) and len(options) == 3:
        if was_options[0] != options[0]:
            return (
                f"lần trước dựng kênh {', '.join(was_options[0])}, lần này {', '.join(options[0])}"
            )
        if was_options[2] != options[2]:
            return "lần trước " + ("có" if was_options[2] else "không có") + " --strict"
    if old[4] != new[4]:
        return "tùy chọn dựng khác lần trước"
    if old[5:6] != new[5:6]:
        was = old[5] if len(old) > 5 else None
        return f"Python khác lần trước ({_runtime(was)} → {_runtime(new[5])})"
    if old[6:] != new[6:]:
        return "tệp dữ liệu của công cụ (từ điển đọc, danh sách địa danh…) đã đổi"
    return "tùy chọn dựng khác lần trước"


def _runtime(recorded: object) -> str:
    """Python's version, its Unicode's and zlib's as a stamp records them (`runtime`)."""
    if not isinstance(recorded, tuple) or len(recorded) != 3:
        return "?"
    python, unicode, zlib = recorded
    shown = ".".join(map(str, python)) if isinstance(python, tuple) else str(python)
    return f"Python {shown}, Unicode {unicode}, zlib {zlib}"
