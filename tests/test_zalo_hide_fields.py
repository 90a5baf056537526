"""Hiding an article sends it back to Zalo (an update with status hide) with only the fields the
contract lists, never what getdetail added to it (its reply is undocumented, §2.4 [U])."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.zalo.emulator import ZaloEmulator
from publish.zalo.emulator_state import ApiFailure, EmulatorConfig, validate_article
from tests.zalo_fixtures import sample_body
from tests.zalo_project import sync, told, zalo_bulletin, zalo_project

ADDED = {
    "cite": {"url": "https://bocongan.gov.vn", "label": "Bộ Công an"},
    "link_view": "https://zalo.me/a/1",
    "total_view": 12,
}
"""What a getdetail may hold besides the create body (one source lists `cite`)."""
ARTICLE = {"type", "title", "author", "description", "cover", "body", "status", "comment", "id"}
BLOCK = {"text": {"type", "content"}, "image": {"type", "url", "caption"}}


def test_the_emulator_can_refuse_a_field_the_contract_does_not_list() -> None:
    """The fault the hide test relies on: an article, cover or block field not in the contract
    is refused (-201) when the emulator plays a strict Zalo, ignored otherwise."""
    strict = EmulatorConfig(reject_unknown_fields=True)
    validate_article(sample_body(), strict)
    for changed in (
        {"cite": ADDED["cite"]},
        {"cover": {**sample_body()["cover"], "thumb": "https://a.vn/x.jpg"}},
        {"body": [{"type": "text", "content": "Đoạn.", "width": 640}]},
    ):
        body = {**sample_body(), **changed}
        validate_article(body, EmulatorConfig())
        with pytest.raises(ApiFailure) as caught:
            validate_article(body, strict)
        assert caught.value.code == -201 and "is invalid!" in caught.value.message


@pytest.mark.parametrize("on_blocks", [{}, {"width": 640, "height": 480}])
def test_a_withdrawn_bulletin_is_hidden_sending_only_the_fields_the_contract_lists(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: None,
    capsys: pytest.CaptureFixture[str],
    on_blocks: dict,
) -> None:
    """The hide resent getdetail's reply whole but for a few known extras: a field Zalo adds
    there (`cite`) went back in the update, which a strict Zalo refuses, so the article stayed
    visible; one added to each block (a picture's size) made the article seem edited by hand,
    and nothing was hidden. Only the listed fields go; the article keeps its content."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    emulator.configure(
        detail_extra_fields=ADDED,
        detail_block_extra_fields=on_blocks,
        reject_unknown_fields=True,
    )
    (article_id,) = [i for i, a in emulator.articles.items() if a["title"].endswith("(0)")]
    before = {k: emulator.articles[article_id][k] for k in ("title", "cover", "body")}
    emulator.clear_calls()
    path = root / "content" / "bai-viet" / "ban-tin-000.md"
    path.write_text(zalo_bulletin(0, draft="true"), "utf-8")
    assert sync(root) == 0, told(capsys)
    (update,) = [c for c in emulator.calls if c.path.endswith("/article/update")]
    assert set(update.body) <= ARTICLE and update.body["status"] == "hide"
    assert set(update.body["cover"]) == {"cover_type", "photo_url", "status"}
    assert all(set(b) <= BLOCK[b["type"]] for b in update.body["body"])
    after = emulator.articles[article_id]
    assert after["status"] == "hide"
    assert {k: after[k] for k in before} == before
    # Back again: shown, the payload as built, and hidden again the same way.
    path.write_text(zalo_bulletin(0), "utf-8")
    assert sync(root) == 0
    assert emulator.articles[article_id]["status"] == "show"
