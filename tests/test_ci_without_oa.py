"""The GitLab pipeline a unit copies installs what pip needs for the tool requirements.txt names."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def test_gitlab_preview_installs_git_for_the_tool_requirements_txt_names() -> None:
    """requirements.txt names the tool as `publish @ git+…` (publish init); pip needs git for
    it, and the python:*-slim image has none: the merge request job installs only curl."""
    pipeline = yaml.safe_load((REPO / "ci" / "gitlab-ci.yml").read_text("utf-8"))
    assert pipeline["default"]["image"].endswith("-slim")
    for job in ("preview", "publish"):
        lines = [str(x) for x in pipeline[job].get("before_script", []) + pipeline[job]["script"]]
        pip = next(i for i, line in enumerate(lines) if "pip install" in line)
        assert any(
            "apt-get install" in line and " git" in line.split("apt-get install", 1)[1]
            for line in lines[:pip]
        ), job
