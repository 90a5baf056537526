"""Make this Linux Python look like Windows to publish's own code, for tests of its Windows paths.

Put this folder first on PYTHONPATH: Python imports it at start-up. Everything publish imports
from the standard library and its dependencies is imported first, as on Linux (it is Linux
underneath); then publish's modules are forgotten, and from then on:

- sys.platform is "win32";
- `import fcntl` fails, as it does on Windows, and a `msvcrt` module offers `locking` (one byte
  range locked, "permission denied" while another process holds it), built on POSIX record locks;
- the os names Windows' Python 3.11 lacks are gone (O_NOFOLLOW, O_NONBLOCK, fchmod, getuid…);
- a stat reports the mode bits Windows reports (0666 for a file, 0777 for a folder) and opening a
  folder with os.open fails with "permission denied", as on Windows;
- os.kill(pid, 0) is Windows' Ctrl-C event to a console process group: it fails for a process
  that is not one (with error 87), whether that process runs or not;
- ctypes.WinDLL("kernel32") answers OpenProcess/GetExitCodeProcess/CloseHandle for real pids.

Only publish's code runs with all that; a test reading its messages checks what a Windows user
would meet (short of the real system: paths keep their "/", the file system stays Linux's).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl as _posix_fcntl
import importlib.abc
import os
import shutil
import stat
import sys
import types
from typing import Any


def _preload() -> None:
    """Import what publish imports, the Linux way, then forget publish itself."""
    import publish.cli
    import publish.commands
    import publish.sync.base

    # Every command's module, and what they import: read them from the package, not a list.
    folder = os.path.dirname(publish.commands.__file__)
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py") and name != "__init__.py":
            # A module failing here (the one a test is about) fails again as the user sees it.
            with contextlib.suppress(ImportError):
                __import__(f"publish.commands.{name[:-3]}")
    for name in [n for n in sys.modules if n == "publish" or n.startswith("publish.")]:
        del sys.modules[name]


class _NoFcntl(importlib.abc.MetaPathFinder):
    """Windows has no fcntl module."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        """Refuse fcntl as a missing module."""
        if fullname == "fcntl":
            raise ModuleNotFoundError("No module named 'fcntl'", name="fcntl")
        return None


def _msvcrt() -> types.ModuleType:
    """Windows' msvcrt.locking: lock or unlock `nbytes` from the file's current position."""
    module = types.ModuleType("msvcrt")
    module.LK_UNLCK, module.LK_LOCK, module.LK_NBLCK = 0, 1, 2  # type: ignore[attr-defined]
    module.LK_RLCK, module.LK_NBRLCK = 3, 4  # type: ignore[attr-defined]

    def locking(fd: int, mode: int, nbytes: int) -> None:
        """Lock as Windows does: another holder's range says "permission denied" (EACCES)."""
        where = os.lseek(fd, 0, os.SEEK_CUR)
        if mode == module.LK_UNLCK:
            _posix_fcntl.lockf(fd, _posix_fcntl.LOCK_UN, nbytes, where)
            return
        try:
            _posix_fcntl.lockf(fd, _posix_fcntl.LOCK_EX | _posix_fcntl.LOCK_NB, nbytes, where)
        except OSError:
            raise PermissionError(errno.EACCES, "Permission denied") from None

    module.locking = locking  # type: ignore[attr-defined]
    return module


def _windows_stat(real: Any) -> Any:
    """`real` (os.stat, os.lstat, os.fstat) reporting the mode bits Windows reports."""

    def windows(*args: Any, **kwargs: Any) -> os.stat_result:
        """The stat, with 0666 for a file and 0777 for a folder."""
        found = real(*args, **kwargs)
        kind = stat.S_IFMT(found.st_mode)
        mode = kind | (0o777 if stat.S_ISDIR(found.st_mode) else 0o666)
        fields = list(found)
        fields[stat.ST_MODE] = mode
        extra = {name: getattr(found, name) for name in dir(found) if name.startswith("st_")}
        for name in ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size"):
            extra.pop(name, None)
        for name in ("st_atime", "st_mtime", "st_ctime"):
            extra.pop(name, None)
        return os.stat_result(fields, extra)

    return windows


def _windows_open(real: Any) -> Any:
    """os.open that refuses a folder, as Windows does."""

    def windows(path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
        """Open like os.open; a folder: permission denied."""
        if dir_fd is None and os.path.isdir(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, flags, mode, dir_fd=dir_fd)

    return windows


def _windows_kill(real: Any) -> Any:
    """os.kill where signal 0 is CTRL_C_EVENT, which a lone process id cannot receive."""

    def windows(pid: int, sig: int) -> None:
        """Signal 0 or 1: GenerateConsoleCtrlEvent, failing for a pid not a console group."""
        if sig in (0, 1):
            error = OSError(errno.EINVAL, "The parameter is incorrect")
            error.winerror = 87  # type: ignore[attr-defined]
            raise error
        real(pid, sig)

    return windows


class _Kernel32:
    """The few kernel32 calls publish makes, answered from Linux's processes."""

    def __init__(self, kill: Any) -> None:
        self._kill = kill
        self._last_error = 0

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        """A handle (the pid itself) for a process that exists, else 0 (error 87)."""
        try:
            self._kill(pid, 0)
        except ProcessLookupError:
            self._last_error = 87
            return 0
        except PermissionError:
            self._last_error = 5
            return 0
        return pid

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        """STILL_ACTIVE (259) while the process runs, else 0."""
        try:
            self._kill(handle, 0)
            value = 259
        except ProcessLookupError:
            value = 0
        code._obj.value = value
        return 1

    def CloseHandle(self, handle: int) -> int:
        """Nothing to close."""
        return 1


def _become_windows() -> None:
    """Switch publish's view of the system to Windows (see the module's docstring)."""
    _preload()
    kernel32 = _Kernel32(os.kill)
    sys.modules.pop("fcntl", None)
    sys.meta_path.insert(0, _NoFcntl())
    sys.modules["msvcrt"] = _msvcrt()
    sys.platform = "win32"
    for name in ("O_NOFOLLOW", "O_NONBLOCK", "fchmod", "getuid", "geteuid", "getgid", "fork"):
        if hasattr(os, name):
            delattr(os, name)
    os.O_BINARY = 0  # type: ignore[attr-defined]
    os.stat = _windows_stat(os.stat)
    os.lstat = _windows_stat(os.lstat)
    os.fstat = _windows_stat(os.fstat)
    os.open = _windows_open(os.open)
    os.kill = _windows_kill(os.kill)
    shutil._use_fd_functions = False  # type: ignore[attr-defined]  # rmtree as on Windows
    ctypes.WinDLL = lambda name, **_: kernel32  # type: ignore[attr-defined]  # Windows-only name
    ctypes.get_last_error = lambda: kernel32._last_error  # type: ignore[attr-defined]


if os.environ.get("PUBLISH_SIMULATE_WINDOWS") == "1":
    _become_windows()
