"""The radio channel: one script per bulletin, and per weekly episode a rundown and a script.

Output under output/radio/: `items/<key>.txt` for every bulletin on air, and for each episode
`<yyyy-Www>/rundown.txt`, `rundown.json`, `script.txt` and `script.docx`. A bulletin with a
blocking read-aloud flag (spec §7) stays out of the channel and `check()` reports it as a warning,
so the other channels still build.

`check()`, `render()` and the sync helpers share one assembly per site (each bulletin is read aloud
once per build), and normalised scripts and Word files are kept in `<root>/.cache/radio/` between
builds (see cache.py), so a rebuild redoes only the edited bulletins and their episodes.
"""

from __future__ import annotations

from collections.abc import Iterator

from publish.errors import Problem
from publish.model import Artifact, Site
from publish.render.radio.episode import Assembly, Episode, assemble
from publish.render.radio.items import cue_length, is_cue
from publish.render.radio.layout import item_text, rundown_json, rundown_text, script_text
from publish.render.radio.word import script_docx

__all__ = [
    "Assembly",
    "Episode",
    "assemble",
    "check",
    "draft_audio_items",
    "held_reasons",
    "render",
]

CHANNEL = "radio"


def check(site: Site) -> list[Problem]:
    """Radio block errors, bulletins held back by blocking flags, and upcoming over/under episodes."""
    return list(assemble(site).problems)


def render(site: Site) -> Iterator[Artifact]:
    """Item scripts and, per episode, the rundown (text and JSON) and the script (text and Word)."""
    config = site.config
    for episode in assemble(site).episodes:
        for segment in episode.segments:
            bulletin = segment.bulletin
            if bulletin is not None:
                yield Artifact.text(
                    CHANNEL,
                    f"items/{bulletin.key}.txt",
                    item_text(segment, episode),
                    source=bulletin.source,
                    key=bulletin.key,
                )
        folder = episode.week
        yield Artifact.text(CHANNEL, f"{folder}/rundown.txt", rundown_text(episode, config))
        yield Artifact.text(CHANNEL, f"{folder}/rundown.json", rundown_json(episode, config))
        yield Artifact.text(CHANNEL, f"{folder}/script.txt", script_text(episode, config))
        yield Artifact(CHANNEL, f"{folder}/script.docx", script_docx(episode, config))


def held_reasons(site: Site) -> dict[str, str]:
    """Why each bulletin held back by a blocking flag is not on the radio (for withdrawal notes)."""
    return {
        key: "bị giữ lại vì lỗi đọc thành tiếng: "
        + "; ".join(f"{f.code} {f.message} «{f.excerpt}»" for f in flags)
        for key, (_bulletin, flags) in assemble(site).held.items()
    }


def draft_audio_items(site: Site) -> list[tuple[str, str, int]]:
    """(key, text read aloud, estimated seconds of speech) for every bulletin item on air."""
    result = []
    for episode in assemble(site).episodes:
        for segment in episode.segments:
            if segment.bulletin is None:
                continue
            parts = [segment.lead_in, *segment.paragraphs, segment.tag]
            spoken = "\n\n".join(p for p in parts if p and not is_cue(p))
            cues = sum(cue_length(p) for p in segment.paragraphs)
            result.append((segment.bulletin.key, spoken, segment.seconds - cues))
    return result
