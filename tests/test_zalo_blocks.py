"""How long each block of a Zalo article is: a limit the contract leaves unconfirmed
(zalo-oa-api.md §2.3 [U]), a setting of [zalo] counted in its length_unit, checked against the
emulator counting as Zalo might (code points or UTF-16 units)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.render.zalo.blocks import pieces
from publish.zalo.emulator import ZaloEmulator
from publish.zalo.emulator_state import ApiFailure, EmulatorConfig, validate_article
from tests.zalo_fixtures import sample_body
from tests.zalo_project import sync, told, zalo_bulletin, zalo_project

SHORT = "content/bai-viet/ban-tin-000.md"


def utf16(text: str) -> int:
    """Length in UTF-16 units, as a Java or JavaScript server counts."""
    return len(text.encode("utf-16-le")) // 2


def test_the_emulator_counts_a_text_block_in_the_unit_it_is_told() -> None:
    """The emulator counted text blocks in code points whatever length_unit said: no test could
    show a block the tool cut too long for a server counting UTF-16 units."""
    body = sample_body()
    body["body"] = [{"type": "text", "content": "🚨" + "x" * 9}]
    validate_article(body, EmulatorConfig(text_block_max_len=10))
    with pytest.raises(ApiFailure) as caught:
        validate_article(body, EmulatorConfig(text_block_max_len=10, length_unit="utf16"))
    assert caught.value.code == -201 and "body[0] content allow 1 to 10" in caught.value.message


SENTENCE = "Cảnh báo 🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨 lừa đảo 📱📱📱📱📱📱📱📱📱📱 qua mạng. "
"""A sentence of 50 characters, 70 UTF-16 units: ten emoji and ten phones."""


@pytest.mark.parametrize(
    ("tool", "server", "accepted"),
    [
        ("code_points", "code_points", True),
        ("utf16", "utf16", True),
        ("utf16", "code_points", True),  # cut shorter than that server needs
        ("code_points", "utf16", False),  # what utf16, the default, guards against
    ],
)
def test_blocks_are_cut_to_fit_the_limit_as_the_unit_counts_it(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    tool: str,
    server: str,
    accepted: bool,
) -> None:
    """[zalo] text_block_max counted code points whatever length_unit said: under utf16 (the
    default) a paragraph of emoji was cut into blocks Zalo, counting UTF-16, would refuse.
    Each block now fits as the unit counts it, and the text is all there, in order."""
    emulator.configure(length_unit=server, text_block_max_len=200)
    paragraph = (SENTENCE * 12).strip()
    files = {SHORT: zalo_bulletin(0, body=paragraph + "\n")}
    zalo = f'length_unit = "{tool}"\ntext_block_max = 200'
    root = zalo_project(tmp_path, 1, zalo=zalo, files=files)
    code = sync(root)
    out = told(capsys)
    if not accepted:
        assert code == 3 and "content allow 1 to 200 characters" in out
        assert not emulator.articles
        return
    assert code == 0
    (article,) = emulator.articles.values()
    texts = [b["content"] for b in article["body"][:-1]]
    count = utf16 if tool == "utf16" else len
    assert len(texts) > 1 and all(count(text) <= 200 for text in texts)
    assert " ".join(texts) == paragraph
    if tool == "code_points":
        assert any(utf16(text) > 200 for text in texts)  # what a UTF-16 server refuses


def test_a_run_of_emoji_with_no_space_is_cut_within_the_limit_in_utf16_units() -> None:
    """With no space to cut at, a run is cut at the limit: in UTF-16 units, at half as many
    emoji; never between the two units of one."""
    run = "🚨" * 130
    cut = pieces(run, 101, "utf16")
    assert [utf16(p) for p in cut] == [100, 100, 60]
    assert "".join(cut) == run
    assert pieces(run, 101, "code_points") == ["🚨" * 101, "🚨" * 29]
