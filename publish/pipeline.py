"""The whole build, readable in one place: load → check every channel → render artifacts lazily."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from types import ModuleType

from publish import held_by_unpublished
from publish.config import CHANNELS, Config
from publish.content import load_site
from publish.errors import STRICT_EXEMPT, ContentError, Problem
from publish.held_page_links import linked_held_pages
from publish.held_spaced import held_spaced
from publish.id_holders import Records
from publish.locate import with_lines
from publish.memory import give_back_freed_memory
from publish.model import Artifact, Build, Site
from publish.parallel import meanwhile
from publish.pii import lint
from publish.secret_live import live_secrets
from publish.site_paths import forget_site_paths
from publish.timings import STARTUP, Timings

__all__ = ["RENDERERS", "Build", "build", "renderer", "strictly"]

RENDERERS = {name: f"publish.render.{name}" for name in CHANNELS}
"""Channel name → module with `render(site) -> Iterable[Artifact]`, optional `check(site) ->
list[Problem]` and optional `warm_up(site) -> list of tasks` (see parallel.meanwhile: e.g.
templates the check compiles, compiled while workers search for personal data)."""


RENDER_ORDER = ("radio", "web", "zalo")
"""The order channels render in, for the lowest peak of memory: the radio channel's Word files
are built by worker processes beside this one, so while it is still small. After the web
channel this process is ~80 MB larger (freed memory it keeps mapped), and at 10,000 bulletins the
Word phase then peaked at 355 MB PSS; first, at ~290 MB, and the build's peak was the web
channel's ~340 MB (since bodies are held packed and the radio assembly is let go when radio is
done, the whole build peaks at ~250 MB). The writer takes files of any channel in any order."""


def renderer(channel: str) -> ModuleType:
    """The renderer module of a channel."""
    return importlib.import_module(RENDERERS[channel])


def build(
    config: Config,
    *,
    channels: Sequence[str],
    now: dt.datetime,
    drafts: bool = False,
    strict: bool = False,
    digests: Mapping[str, str] | None = None,
    timings: Timings | None = None,
    keep_going: bool = False,
    output: Path | None = None,
    records: Records | None = None,
    every_key: bool = False,
) -> Build:
    """Load and gate the content, run every channel's checks, then return the lazy artifact stream.

    Every stage runs on what loaded whole enough (see load_site's `salvage`), so the errors of
    loading and of every channel's checks are raised together, in one ContentError; with
    `keep_going` they are not raised but returned among the warnings, and the artifacts
    are those of that site (to check more, never to write). `output`: the folder the artifacts
    will be written into (None: output/), where the website takes the pages it can reuse.
    `records`: the command's reader of state/, for the load, and `every_key` whether its
    wrong-fix check looks up every bulletin (see load_site).

    `strict` (CI): content warnings (a misspelt front matter key) and unreviewed personal data in
    bulletins that will be published become errors. `timings` gets a phase for loading, for the
    checks, and for each channel as its artifacts are taken.
    """
    timings = timings if timings is not None else Timings()
    # The site lives until the build ends: the collector need not walk its ~10^6 objects on
    # every full collection (a rebuild after one edit at 10,000 bulletins spent ~0.3 s so); the
    # cache's shelves freeze what they load likewise. Unfrozen when the build ends or fails,
    # so a long-lived process (publish serve, tests) still collects whatever garbage was frozen.
    _collect_seldom()
    # The cache writes the load leaves (its shelf), done while the workers search bulletins;
    # run again after that phase in any case (a shelf saved already writes nothing again).
    saves: list[Callable[[], None]] = []
    try:
        # The channels' modules are imported while the workers load bulletins (see meanwhile).
        with (
            timings.phase("nạp và kiểm tra bản tin"),
            meanwhile(partial(renderer, name) for name in channels),
        ):
            site = load_site(
                config,
                now=now,
                drafts=drafts,
                digests=digests,
                salvage=True,
                later=saves.append,
                records=records,
                every_key=every_key,
            )
            if output is not None:
                site = dataclasses.replace(site, output=output)
            if keep_going:
                site = dataclasses.replace(site, written=False)
        gc.freeze()
        loaded = live_secrets(site, held_spaced(site, linked_held_pages(site, site.warnings)))
        content = strictly(loaded) if strict else loaded
        with timings.phase(STARTUP):
            modules = {name: renderer(name) for name in channels}
        tripped = False
        # What the channels' checks will compile is compiled while the workers search bulletins.
        warm = [t for m in modules.values() if hasattr(m, "warm_up") for t in m.warm_up(site)]
        with timings.phase("dò dữ liệu cá nhân, kiểm tra từng kênh"), meanwhile([*saves, *warm]):
            try:
                checked = [*lint(site, strict=strict)]
                checked += [
                    p
                    for module in modules.values()
                    if hasattr(module, "check")
                    for p in module.check(site)
                ]
            except Exception:
                if not any(p.severity == "error" for p in content):
                    raise
                # A file kept despite its errors can trip a check in ways no whole file can:
                # its own errors are what the editor must fix first, so they are what is told.
                checked, tripped = [], True
        # Channels sharing a source report its problem once.
        found = with_lines(dict.fromkeys([*content, *_judged(checked, content)]), config.root)
        if (tripped or not keep_going) and any(p.severity == "error" for p in found):
            # Tripped, no channel checked the bulletins to publish: their errors are not known.
            note = "" if tripped else held_by_unpublished.note(site, found)
            raise ContentError(found, note)
    except BaseException:
        _collect_as_before()
        raise
    finally:
        for save in saves:
            save()  # those no pool left time for (or all of them, when the build stopped)
    rendered = {name: modules[name] for name in sorted(channels, key=RENDER_ORDER.index)}
    # A check renders in memory only: its phases must not say files are written.
    doing = "dựng" if keep_going else "dựng và ghi"
    return Build(site, tuple(channels), tuple(found), _render_all(site, rendered, timings, doing))


def strictly(problems: Iterable[Problem]) -> list[Problem]:
    """`problems` as --strict judges them: each warning an error (saying its strict_message,
    when it has one), but those whose code is exempt (errors.STRICT_EXEMPT); a note is advice
    no option turns into an error."""
    return [
        dataclasses.replace(p, severity="error", message=p.strict_message or p.message)
        if p.severity == "warning" and not _exempt(p)
        else p
        for p in problems
    ]


def _exempt(problem: Problem) -> bool:
    """Whether --strict leaves `problem` a warning: by its code, never by its words."""
    return problem.code in STRICT_EXEMPT


STAND_INS = frozenset({"cover"})
"""Fields a file loaded despite errors holds a stand-in for when the loader rejected them (no
cover: Zalo would say one is needed): a channel's verdict on the stand-in is no news."""


def _judged(checked: Iterable[Problem], loaded: Sequence[Problem]) -> list[Problem]:
    """The problems the checks found, but those about a stand-in for a rejected field."""
    rejected = {(p.file, p.field) for p in loaded if p.severity == "error" and p.field in STAND_INS}
    return [p for p in checked if (p.file, p.field) not in rejected]


def _render_all(
    site: Site, modules: Mapping[str, ModuleType], timings: Timings, doing: str
) -> Iterator[Artifact]:
    """Each channel's artifacts, one channel after another (then the site may be collected);
    a channel's phase, named `kênh <name>: <doing>`, is the time until its last artifact was
    taken."""
    try:
        for name, module in modules.items():
            with timings.phase(f"kênh {name}: {doing}"):
                yield from module.render(site)
                give_back_freed_memory()
    finally:
        forget_site_paths()  # the website's memos of the site: a website-only build's are left
        _collect_as_before()


BUILD_GC_THRESHOLD = (10_000, 10, 10)
"""The collector's thresholds while a build runs (Python's: 700, 10, 10). A build makes millions
of objects and almost no reference cycles: a cold 10,000-bulletin build collected ~1,270 times
in its main process (0.45 s), a rebuild after one edit in CI ~860 times (0.12 s); with these,
~190 times (0.20 s) and ~180 (0.08 s). Full collections stay as frequent as before: with
(10,000, 20, 20) they came 40 times rarer, and after the web phase of a rebuild of the photo
corpus after a tool upgrade the main process held ~70 MB more."""
_before: tuple[int, int, int] | None = None


def _collect_seldom() -> None:
    """Collect less often until `_collect_as_before` (nested builds keep the first setting)."""
    global _before
    if _before is None:
        _before = gc.get_threshold()
        gc.set_threshold(*BUILD_GC_THRESHOLD)


def _collect_as_before() -> None:
    """Unfreeze what the build froze and restore the collector's thresholds."""
    global _before
    gc.unfreeze()
    if _before is not None:
        gc.set_threshold(*_before)
        _before = None
