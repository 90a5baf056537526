"""Draft radio audio: `publish build --audio` with espeak-ng, and the message when it is missing."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import pytest

from publish.cli import main
from publish.radio.audio import synthesise, wav_seconds
from tests.helpers import FIXTURES

NOW = "2024-12-12T12:00"
needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng chưa được cài trên máy này (CI cài bằng: apt-get install espeak-ng)",
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh copy of the radio fixture project."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def test_wav_length_is_read_from_the_header(tmp_path: Path) -> None:
    """22 050 frames at 22.05 kHz is one second, whatever the sample width."""
    path = tmp_path / "one-second.wav"
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(22050)
        handle.writeframes(b"\0\0" * (22050 * 3 // 2))
    assert wav_seconds(path) == 1.5


def test_audio_without_espeak_says_how_to_install_it(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No espeak-ng on PATH: exit 1, a Vietnamese hint with apt-get, and nothing is built."""
    monkeypatch.setenv("PATH", str(root / "khong-co-gi"))
    code = main(["--root", str(root), "build", "--channel", "radio", "--audio", "--now", NOW])
    err = capsys.readouterr().err
    assert code == 1
    assert "espeak-ng" in err and "apt-get install espeak-ng" in err
    assert not (root / "output").exists()


@needs_espeak
def test_build_audio_writes_one_wav_per_item_and_reports_length_beside_estimate(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One WAV per radio item in output/radio/audio/, its length printed next to the estimate."""
    code = main(["--root", str(root), "build", "--channel", "radio", "--audio", "--now", NOW])
    out = capsys.readouterr().out
    assert code == 0
    audio = root / "output/radio/audio"
    assert sorted(p.name for p in audio.iterdir()) == [
        "canh-bao-lua-dao-shipper.wav",
        "ra-quan-ttatgt-cuoi-nam.wav",
    ]
    line = next(x for x in out.splitlines() if "ra-quan-ttatgt-cuoi-nam.wav" in x)
    assert "ước tính 0:42" in line  # lead-in and body at 240 syllables per minute
    seconds = wav_seconds(audio / "ra-quan-ttatgt-cuoi-nam.wav")
    assert 0.5 * 42 < seconds < 2 * 42  # §9: espeak-ng at -s 160 is close to the planning rate


@needs_espeak
def test_tts_text_is_spoken_not_the_markdown(tmp_path: Path) -> None:
    """The synthesiser gets the R16 TTS text: a longer script gives a longer WAV."""
    short, long = synthesise(
        [("ngan", "Xin chào.", 1), ("dai", "Xin chào quý vị. " * 10, 10)], tmp_path
    )
    assert short.path.name == "ngan.wav" and long.seconds > 3 * short.seconds


@needs_espeak
def test_draft_audio_goes_with_the_next_build_without_audio(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The WAVs are written beside the writer but recorded as the build's own: the next build
    without --audio takes them away, not keeps them as files put there by hand."""
    build = ["--root", str(root), "build", "--channel", "radio", "--now", NOW]
    assert main([*build, "--audio"]) == 0
    assert (root / "output/radio/audio/ra-quan-ttatgt-cuoi-nam.wav").is_file()
    capsys.readouterr()
    assert main(build) == 0
    assert not (root / "output/radio/audio").exists()
    assert "không do publish ghi ra" not in capsys.readouterr().err
