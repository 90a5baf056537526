"""Draft audio with espeak-ng (spec §9): hear the expanded numbers and check the read-time estimate.

Not for air. Runs after the build has written output/, never inside the pure renderer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import wave
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from publish.errors import PublishError
from publish.radio.tts import tts_text

__all__ = ["ESPEAK", "INSTALL_HINT", "Clip", "find_espeak", "synthesise", "wav_seconds"]

ESPEAK = "espeak-ng"
SPEED = 160
"""Words per minute passed to espeak-ng (-s); §9 measured 3.9 syllables/s, close to planning."""
INSTALL_HINT = (
    "cần chương trình espeak-ng để tạo âm thanh nháp (--audio) nhưng máy chưa cài. "
    "Cách cài trên Debian/Ubuntu: sudo apt-get install espeak-ng — rồi chạy lại. "
    "Bỏ --audio nếu chỉ cần kịch bản."
)


@dataclass(frozen=True, slots=True)
class Clip:
    """One draft WAV and how its length compares with the estimate."""

    key: str
    path: Path
    seconds: float
    estimate: int


def find_espeak() -> str:
    """The espeak-ng executable, or a PublishError saying how to install it."""
    found = shutil.which(ESPEAK)
    if found is None:
        raise PublishError(INSTALL_HINT)
    return found


def synthesise(
    items: Iterable[tuple[str, str, int]], folder: Path, *, voice: str = "vi"
) -> list[Clip]:
    """Write `<key>.wav` for each (key, script text, estimated seconds) and measure it."""
    program = find_espeak()
    folder.mkdir(parents=True, exist_ok=True)
    clips = []
    for key, text, estimate in items:
        target = folder / f"{key}.wav"
        _speak(program, tts_text(text), target, voice)
        clips.append(Clip(key, target, wav_seconds(target), estimate))
    return clips


def _speak(program: str, text: str, target: Path, voice: str) -> None:
    """Run espeak-ng into a temporary WAV beside `target`, then rename it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        result = subprocess.run(
            [program, "-v", voice, "-s", str(SPEED), "-b", "1", "-w", tmp, "--stdin"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=300,
            check=False,
        )
        if result.returncode != 0:
            detail = result.stderr.decode("utf-8", "replace").strip()
            raise PublishError(
                f"espeak-ng không tạo được {target.name}: {detail or result.returncode}"
            )
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)


def wav_seconds(path: Path) -> float:
    """Length of a WAV file from its header: frames ÷ frame rate."""
    with wave.open(str(path), "rb") as handle:
        return handle.getnframes() / handle.getframerate()
