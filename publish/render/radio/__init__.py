"""The radio channel: one script per bulletin, and per weekly episode a rundown and a script.

Output under output/radio/: `items/<key>.txt` for every bulletin on air, and for each episode
`<yyyy-Www>/rundown.txt`, `rundown.json`, `script.txt`, `script.docx` and, when an item has
read-aloud notes, `ghi-chu-bien-tap.txt` for the editors (never synced). A weekly episode with
no bulletin yet (only scheduled ones to join it) has its rundown alone, which says so: a script
of the intro and the closing alone has nothing to read, and printed it could go on air. A bulletin with a
blocking read-aloud flag (spec §7) stays out of the channel and `check()` reports it as a warning,
so the other channels still build.

`check()`, `render()` and the sync helpers share one assembly per site (each bulletin is read aloud
once per build). Between builds, each bulletin's finished read item and each episode's file digests
are kept in shelves of `<root>/.cache/fragments-v2.sqlite` (see publish/cache.py), and Word files
in `<root>/.cache/radio/` (see cache.py), so a rebuild redoes only the edited bulletins and their
episodes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from publish.cache import Fragments, Shelf
from publish.config import Config
from publish.errors import Problem
from publish.ledger import Ledger
from publish.model import Artifact, Kept, Site
from publish.parallel import run_apart
from publish.render import radio_docx
from publish.render.radio.episode import (
    HELD_FOR_READING,
    Assembly,
    Episode,
    assemble,
    episode_version,
    forget_assembly,
)
from publish.render.radio.items import cue_length, is_cue
from publish.render.radio.layout import (
    editor_notes_text,
    item_text,
    rundown_json,
    rundown_text,
    script_text,
)
from publish.render.radio.word import (
    WordPlan,
    docx_index,
    keep_docx,
    settle_docx,
    word_plan,
)
from publish.render.radio_station import EDITOR_NOTES, station_text

__all__ = [
    "HELD_FOR_READING",
    "Assembly",
    "Episode",
    "assemble",
    "check",
    "draft_audio_items",
    "held_reasons",
    "item_keys",
    "render",
    "station_text",
    "unbuilt_extras",
    "withheld_reasons",
]

CHANNEL = "radio"
EPISODE_SHELF = "radio-episode"
"""Per episode week: its version and (path, digest, source, key) of each file it gave."""


def check(site: Site) -> list[Problem]:
    """Radio block errors, bulletins held back by blocking flags, and upcoming over/under episodes."""
    return list(assemble(site).problems)


def render(site: Site) -> Iterator[Artifact | Kept]:
    """Item scripts and, per episode, the rundown (text and JSON) and the script (text and Word).

    An episode made of exactly what an earlier build's was (`episode_version`), whose files in
    output/radio/ still hold what was written then (the writer's ledger), is passed on as kept
    files: most weeks are unchanged between builds, and their layouts, Word file and digests
    would otherwise be made again only for the writer to find the same bytes.
    """
    config = site.config
    root = config.root
    assembly = assemble(site)
    fragments = Fragments(root)
    shelf = Shelf(fragments, EPISODE_SHELF)
    ledger = Ledger(root / ".cache", root / "output", CHANNEL)
    versions = [episode_version(e, assembly.versions) for e in assembly.episodes]
    kept: dict[int, tuple[tuple[tuple[str, str, str, str], ...], list[Kept]]] = {}
    for i, episode in enumerate(assembly.episodes):
        version = versions[i]
        last = shelf.get(episode.week, version) if version is not None else None
        if isinstance(last, tuple):
            # On the ledger's word, or read and checked (output/ restored from a CI cache).
            found = [k for file in last if (k := ledger.kept(*file)) is not None]
            if len(found) == len(last):
                kept[i] = (last, found)
    todo = [e for i, e in enumerate(assembly.episodes) if i not in kept]
    made = _made_episodes(todo, config)
    before = docx_index(config)
    index: dict[str, str] = {}  # week → its Word file's key in the radio cache
    for i, episode in enumerate(assembly.episodes):
        version = versions[i]
        if i in kept:
            assert version is not None  # only a versioned episode is ever kept
            files_kept, found = kept[i]
            yield from found
            shelf.keep(episode.week, version, files_kept)
            if before is not None and episode.week in before:
                index[episode.week] = before[episode.week]
            continue
        files = []
        made_files, key = next(made)
        if key is not None:
            index[episode.week] = key
        for artifact in made_files:
            files.append((artifact.path, artifact.digest, artifact.source, artifact.key))
            yield artifact
        if version is not None:
            shelf.keep(episode.week, version, tuple(files))
    with fragments.batched():
        shelf.save()
    settle_docx(config, index, before)
    forget_assembly()


EPISODES_AHEAD = 6
"""Episodes laid out ahead of the one being written, their Word files building meanwhile."""


def _made_episodes(
    episodes: list[Episode], config: Config
) -> Iterator[tuple[list[Artifact], str | None]]:
    """The files of each episode, in order, and its Word file's key in the radio cache (None
    for an episode with no bulletin, which has no script: see `_readable`).

    Building a Word file takes python-docx tens of milliseconds and allocates much, so those
    builds go to fresh worker processes (`run_apart`: at 10,000 bulletins, workers forked from
    this process each copied ~85 MB of it), while this process lays out the next episodes.
    """
    made = run_apart(
        _laid_out(episodes, config), preload=[radio_docx.__name__, "docx"], ahead=EPISODES_AHEAD
    )
    for (episode, files, plan), built in made:
        if plan is None:
            yield files, None
            continue
        data = plan.cached if plan.cached is not None else built
        assert data is not None  # a plan without cached bytes was built
        keep_docx(plan, data, config)
        yield [*files, Artifact(CHANNEL, f"{episode.week}/script.docx", data)], plan.key


_LaidOut = tuple[Episode, list[Artifact], WordPlan | None]


def _laid_out(
    episodes: list[Episode], config: Config
) -> Iterator[tuple[_LaidOut, Callable[[], bytes] | None]]:
    """Each episode with its text files and Word plan, and the job that builds its Word file
    (None when the radio cache holds it)."""
    for episode in episodes:
        files = list(_text_files(episode, config))
        if not _readable(episode):
            yield (episode, files, None), None
            continue
        plan = word_plan(episode, config)
        yield (episode, files, plan), plan.job() if plan.cached is None else None


def _readable(episode: Episode) -> bool:
    """Whether an episode has a script to read: a bulletin (or a correction) in it. A week whose
    bulletins are all still scheduled has only its rundown, telling the station they come."""
    return bool(episode.bulletins)


def _text_files(episode: Episode, config: Config) -> Iterator[Artifact]:
    """The item scripts of one episode, its rundown (text and JSON) and script text."""
    for segment in episode.segments:
        bulletin = segment.bulletin
        if bulletin is not None:
            yield Artifact(
                CHANNEL,
                f"items/{bulletin.key}.txt",
                station_text(item_text(segment, episode)),
                source=bulletin.source,
                key=bulletin.key,
            )
    folder = episode.week
    yield Artifact(CHANNEL, f"{folder}/rundown.txt", station_text(rundown_text(episode, config)))
    yield Artifact.text(CHANNEL, f"{folder}/rundown.json", rundown_json(episode, config))
    if _readable(episode):
        yield Artifact(CHANNEL, f"{folder}/script.txt", station_text(script_text(episode, config)))
    notes = editor_notes_text(episode, config)
    if notes is not None:  # the editors', beside the rundown; `publish sync` never sends it
        yield Artifact(CHANNEL, f"{folder}/{EDITOR_NOTES}", station_text(notes))


def held_reasons(site: Site) -> dict[str, str]:
    """Why each bulletin published on the radio is in no episode, as the station reads it: held
    back by a blocking flag, expiring before its air time… (for withdrawal notes)."""
    assembly = assemble(site)
    return {**assembly.dropped, **dict.fromkeys(assembly.held, HELD_FOR_READING)}


def withheld_reasons(site: Site) -> dict[str, str]:
    """Why each scheduled bulletin will join no episode once published, as the station reads
    it (a rundown announced it): held back by a blocking flag, expiring before its air time…"""
    return dict(assemble(site).withheld)


def unbuilt_extras(site: Site) -> dict[str, str]:
    """Scheduled bulletin key → the extra broadcast it joins once published, whose folder is
    not built before that (one sent before is withdrawn meanwhile)."""
    return dict(assemble(site).unbuilt)


def item_keys(site: Site) -> frozenset[str]:
    """The keys of every item the radio channel builds (bulletins and corrections on air)."""
    return frozenset(b.key for episode in assemble(site).episodes for b in episode.bulletins)


def draft_audio_items(site: Site) -> list[tuple[str, str, int]]:
    """(key, text read aloud, estimated seconds of speech) for every bulletin item on air."""
    result = []
    for episode in assemble(site).episodes:
        for segment in episode.segments:
            if segment.bulletin is None:
                continue
            paragraphs = segment.paragraphs  # unpacked once
            parts = [segment.lead_in, *paragraphs, segment.tag]
            spoken = "\n\n".join(p for p in parts if p and not is_cue(p))
            cues = sum(cue_length(p) for p in paragraphs)
            result.append((segment.bulletin.key, spoken, segment.seconds - cues))
    return result
