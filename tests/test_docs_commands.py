"""Every `publish …` command README.md, docs/ and the CI files in ci/ show names a command the tool has, with options
that command takes: an editor copies them as written, and a renamed option would otherwise
live on in the docs as a command that fails."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from publish.cli import make_parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    *sorted((ROOT / "ci").glob("*.yml")),  # the CI a unit copies runs these commands itself
    *sorted((ROOT / "ci").glob("*.sh")),
]
_CODE = re.compile(r"```[a-z]*\n(.*?)```|`([^`\n]+)`", re.DOTALL)
_COMMAND = re.compile(r"(?<![\w/.-])publish[ \t]+([a-z][a-z-]*)([^#;&|`]*)")
_OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*)")


def shown_commands() -> list[tuple[str, str, str, list[str]]]:
    """(doc, line, command, options) of each command line in a doc's code."""
    found = []
    for doc in DOCS:
        text = doc.read_text("utf-8")
        codes = [c[1] or c[2] for c in _CODE.finditer(text)] if doc.suffix == ".md" else [text]
        for code in codes:
            for line in code.splitlines():
                for command in _COMMAND.finditer(line):
                    found.append((doc.name, line.strip(), command[1], _OPTION.findall(command[2])))
    return found


def test_the_docs_show_commands_at_all() -> None:
    """The pattern finds what it checks (a change of the docs' markup would silence it)."""
    commands = {command for _, _, command, _ in shown_commands()}
    assert {"build", "sync", "approve", "init", "serve"} <= commands


@pytest.mark.parametrize("doc", [d.name for d in DOCS])
def test_every_command_shown_exists_with_the_options_shown(doc: str) -> None:
    parser = make_parser()
    subcommands = parser._subparsers._group_actions[0]  # type: ignore[union-attr]
    assert isinstance(subcommands, argparse._SubParsersAction)
    commands = subcommands.choices
    common = set(parser._option_string_actions)
    wrong = []
    for name, line, command, options in shown_commands():
        if name != doc:
            continue
        if command not in commands:
            if line.startswith("publish "):  # elsewhere «publish» may be the word, not the tool
                wrong.append(f"{line}: không có lệnh {command}")
            continue
        known = set(commands[command]._option_string_actions) | common
        wrong += [f"{line}: lệnh {command} không có {o}" for o in options if o not in known]
    assert not wrong, "\n".join(wrong)
