"""Run `python -m MODULE ARGS` or `python -c CODE` as a child forked from a fork server that has
already imported publish, with subprocess's interface.

A fresh interpreter spends ~0.5-1 s of CPU importing publish (about a thousand regexes compiled);
the suite started ~300 of them for commands whose test does not depend on a fresh interpreter.
The child is made to look like one: the environment given (and nothing else), the working folder,
stdin from /dev/null, signal dispositions as Python sets them at start, sys.argv as the real
command has it, exit code from SystemExit, a traceback and exit code 1 for an uncaught exception,
and death by SIGINT for an uncaught KeyboardInterrupt. Tests of interpreter start itself
(encodings, sitecustomize, which modules a command imports) keep real subprocesses.
"""

from __future__ import annotations

import contextlib
import os
import runpy
import signal
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, AnyStr, Generic, Literal, cast, overload

from tests.hang_guard import _forks

__all__ = ["Forked", "run", "start"]


class Forked(Generic[AnyStr]):
    """A running forked command, used as a subprocess.Popen is (output through communicate)."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cwd: str | Path | None = None,
        env: Mapping[str, str] | None = None,
        text: bool = False,
        encoding: str | None = None,
    ) -> None:
        """Start `python ARGV` (ARGV: `-m MODULE ARGS…` or `-c CODE ARGS…`) in a forked child."""
        if not argv or argv[0] not in ("-m", "-c") or len(argv) < 2:
            raise ValueError(f"only `-m MODULE …` or `-c CODE …` can be forked: {argv!r}")
        self.args = [sys.executable, *map(str, argv)]
        self.text = text or encoding is not None
        self.encoding = encoding or "utf-8"
        self._folder = tempfile.TemporaryDirectory(prefix="forked-")
        self._out = Path(self._folder.name, "out")
        self._err = Path(self._folder.name, "err")
        # The parent's environment and folder now, not the fork server's from when it started
        # (its folder may be a test's tmp_path, since removed).
        environ = dict(os.environ if env is None else env)
        cwd = os.getcwd() if cwd is None else cwd
        self._process = _forks().Process(
            target=_child,
            args=(
                [str(a) for a in argv],
                str(cwd),
                environ,
                self._out,
                self._err,
            ),
        )
        self._process.start()
        self.pid: int = self._process.pid  # type: ignore[assignment]
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """The exit code if the child has ended (negative signal number if killed), else None."""
        if self.returncode is None:
            self.returncode = self._process.exitcode
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the child to end and return its exit code; subprocess.TimeoutExpired after
        `timeout` seconds."""
        self._process.join(timeout)
        code = self.poll()
        if code is None:
            raise subprocess.TimeoutExpired(self.args, timeout)  # type: ignore[arg-type]
        return code

    def send_signal(self, sig: int) -> None:
        """Send signal `sig` to the child if it is still running."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):  # ended in between
                os.kill(self.pid, sig)

    def kill(self) -> None:
        """SIGKILL the child."""
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        """SIGTERM the child."""
        self.send_signal(signal.SIGTERM)

    def communicate(self, timeout: float | None = None) -> tuple[AnyStr, AnyStr]:
        """Wait for the child to end and return its (stdout, stderr), text if asked for."""
        self.wait(timeout)
        data = [path.read_bytes() if path.exists() else b"" for path in (self._out, self._err)]
        return self._as_asked(data[0], "strict"), self._as_asked(data[1], "backslashreplace")

    def output(self) -> AnyStr:
        """What the child has written to its standard output so far (text if asked for), as a
        pipe read while it runs would give it."""
        data = self._out.read_bytes() if self._out.exists() else b""
        return self._as_asked(data, "replace")

    def errors(self) -> AnyStr:
        """What the child has written to its standard error so far (text if asked for)."""
        data = self._err.read_bytes() if self._err.exists() else b""
        return self._as_asked(data, "replace")

    def _as_asked(self, data: bytes, errors: str) -> AnyStr:
        """`data` decoded when text was asked for, else as it is."""
        # start's overloads tie AnyStr to `text`/`encoding`, which decide at run time.
        return cast(AnyStr, data.decode(self.encoding, errors) if self.text else data)

    def close(self) -> None:
        """Kill the child if still running, reap it and remove its output files."""
        if self.poll() is None:
            self.kill()
            self.wait()
        self._process.close()
        self._folder.cleanup()

    def __enter__(self) -> Forked[AnyStr]:
        """Use as `with start(…) as child:`."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Kill the child if still running (as a failing test leaves it) and clean up."""
        self.close()


@overload
def start(
    argv: Sequence[str | Path],
    *,
    cwd: str | Path | None = ...,
    env: Mapping[str, str] | None = ...,
    text: Literal[True],
    encoding: str | None = ...,
) -> Forked[str]: ...
@overload
def start(
    argv: Sequence[str | Path],
    *,
    cwd: str | Path | None = ...,
    env: Mapping[str, str] | None = ...,
    text: Literal[False] = ...,
    encoding: str,
) -> Forked[str]: ...
@overload
def start(
    argv: Sequence[str | Path],
    *,
    cwd: str | Path | None = ...,
    env: Mapping[str, str] | None = ...,
    text: Literal[False] = ...,
    encoding: None = ...,
) -> Forked[bytes]: ...
@overload
def start(
    argv: Sequence[str | Path],
    *,
    cwd: str | Path | None = ...,
    env: Mapping[str, str] | None = ...,
    text: bool = ...,
    encoding: str | None = ...,
) -> Forked[Any]: ...
def start(
    argv: Sequence[str | Path],
    *,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    text: bool = False,
    encoding: str | None = None,
) -> Forked[Any]:
    """Start `python ARGV` forked from the preloaded fork server (see Forked)."""
    return Forked([str(a) for a in argv], cwd=cwd, env=env, text=text, encoding=encoding)


def run(
    argv: Sequence[str | Path],
    *,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    text: bool = False,
    encoding: str | None = None,
    timeout: float | None = None,
    check: bool = False,
) -> subprocess.CompletedProcess[Any]:
    """Run `python ARGV` forked, as subprocess.run(capture_output=True) runs it."""
    with start(argv, cwd=cwd, env=env, text=text, encoding=encoding) as child:
        try:
            out, err = child.communicate(timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            raise
        code = child.returncode
        assert code is not None
    done = subprocess.CompletedProcess(child.args, code, out, err)
    if check:
        done.check_returncode()
    return done


def _child(argv: list[str], cwd: str, env: dict[str, str], out: Path, err: Path) -> None:
    """In the forked child: become `python ARGV` as a fresh interpreter would, then exit."""
    # As CPython sets them at start (the fork server changed some for itself).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    for fd, path in ((1, out), (2, err)):
        file = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(file, fd)
        os.close(file)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    stdout, stderr = sys.stdout, sys.stderr
    code: object = 0
    try:
        if argv[0] == "-c":
            sys.argv = ["-c", *argv[2:]]
            sys.path[0:0] = [""]
            exec(compile(argv[1], "<string>", "exec"), {"__name__": "__main__"})
        else:
            sys.argv = [argv[1], *argv[2:]]  # runpy puts the module's file name first
            sys.path[0:0] = [os.getcwd()]
            runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
    except SystemExit as stop:
        code = stop.code
    except KeyboardInterrupt:  # a fresh interpreter tells it, then dies of SIGINT
        traceback.print_exc()
        _flush(stdout, stderr)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    except BaseException:  # told as the interpreter tells it
        traceback.print_exc()
        code = 1
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    _flush(stdout, stderr)
    os._exit(code or 0)


def _flush(*streams: IO[str]) -> None:
    """Flush the child's streams and whatever sys.stdout/sys.stderr now are."""
    for stream in (*streams, sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed or broken: nothing to tell
            stream.flush()
