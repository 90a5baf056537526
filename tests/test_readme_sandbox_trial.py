"""README's «Thử toàn bộ luồng với Zalo giả lập» block, run as written (on free ports, in a
temporary folder, a script standing in for the administrator's browser): a tester copying it
must see the trial go through. It once kept the token file inside the clone, which the sync
rightly refuses to use."""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HEADING = "**Thử toàn bộ luồng với Zalo giả lập**"


def sandbox_block() -> str:
    """The shell block under the trial's heading in README.md."""
    text = (REPO / "README.md").read_text("utf-8")
    after = text[text.index(HEADING) :]
    found = re.search(r"```sh\n(.*?)```", after, re.DOTALL)
    assert found is not None
    return found[1]


BROWSER = """{} > LOGIN_OUT 2>&1 &
for _ in $(seq 150); do grep -q 'permission?' LOGIN_OUT && break; sleep 0.2; done
python -c "import re, sys, urllib.request
url = re.search(r'http://\\S+permission\\?\\S+', open(sys.argv[1], encoding='utf-8').read())[0]
urllib.request.urlopen(url).read()" LOGIN_OUT
wait $! && cat LOGIN_OUT"""
"""The administrator's browser at `publish zalo-login`: open the address it prints, consent."""


def free_port() -> int:
    """A loopback port nothing listens on now, below the kernel's ephemeral range: the sandbox
    binds it seconds later (after a clone), and a port the kernel hands out was taken meanwhile
    by another test's outgoing connection («cổng đang được chương trình khác dùng»)."""
    chooser = random.Random()
    for _ in range(200):
        port = chooser.randrange(20_000, 32_000)
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise AssertionError("no free loopback port between 20000 and 32000")


@pytest.mark.skipif(not (REPO / ".git").exists(), reason="the block clones this repository")
def test_the_readme_sandbox_trial_goes_through_as_written(tmp_path: Path) -> None:
    block = sandbox_block()
    assert "/tmp/thu-zalo" in block and "8765" in block
    lines = [
        BROWSER.format(line.split("#")[0]) if "zalo-login" in line else line
        for line in block.splitlines()
    ]
    script = "\n".join(lines).replace("/tmp/thu-zalo", str(tmp_path / "thu-zalo"))
    port = free_port()
    # In one pass: a first port such as 38787 once had its "8787" replaced by the second.
    ports = {"8765": str(port), "8787": str(free_port())}
    script = re.sub("8765|8787", lambda found: ports[found[0]], script)
    script = script.replace("LOGIN_OUT", str(tmp_path / "login.txt"))
    # The sandbox must be up before the first sync: a tester types the lines one by one.
    up = f"for _ in $(seq 150); do (: > /dev/tcp/127.0.0.1/{port}) 2>/dev/null && break; sleep 0.2; done"
    script = script.replace(" &\n", f" &\n{up}\n", 1)
    # A block stopped early must not leave the sandbox holding the output open.
    script = "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n" + script
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for name in [n for n in env if n.startswith(("ZALO_", "PUBLISH_RADIO"))]:
        del env[name]
    run = subprocess.Popen(
        ["bash", "-e", "-c", script],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        said, _ = run.communicate(timeout=240)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)  # the sandbox, were the block to stop early
    assert run.returncode == 0, said
    assert "LỖI" not in said
    assert said.count("zalo: không có thay đổi nào") == 2, said
    assert "Người quan tâm OA: 120" in said
    assert "Đã lấy token của OA" in said and "zalo-token.json (quyền 600)" in said
    assert not (tmp_path / "thu-zalo").exists()
