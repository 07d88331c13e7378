"""Trim PyInstaller's binary list for the Linux package (used by service_counter.spec).

1. Qt plugins the app never loads go (Wayland, EGL-FS, VNC, linuxfb, the GTK 3 theme that
   drags in the whole GTK stack, input devices, network plugins): the app runs on X11
   (under a Wayland session through XWayland) and offscreen.
2. Libraries copied from the build machine's system folders go, except those Python's own
   runtime needs (libpython and the standard library's extension modules: OpenSSL, SQLite,
   libffi …). The desktop stack Qt links against — X11/xcb, xkbcommon, GL/EGL, fontconfig,
   freetype, GLib, D-Bus, CUPS, and libstdc++/libgcc (a bundled older libstdc++ breaks the
   system's Mesa drivers) — comes from the target system through the package's Depends.
3. Libraries nothing left in the bundle needs go (the dependencies of what 1 removed).
4. Of Qt's own translations only the Chinese ones stay (the app loads qtbase_zh_CN).
"""

from __future__ import annotations

import re
import subprocess
import sys
import sysconfig
from pathlib import Path, PurePosixPath

DROP_PLUGINS = (
    "platforms/libqwayland", "platforms/libqeglfs", "platforms/libqlinuxfb",
    "platforms/libqminimal", "platforms/libqvnc", "platforms/libqvkkhrdisplay",
    "platformthemes/libqgtk3", "platformthemes/libqxdgdesktopportal",
    "wayland-", "egldeviceintegrations/", "generic/", "networkinformation/", "tls/",
    "sqldrivers/", "qmltooling/", "designer/",
)
SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")
_LIBRARY = re.compile(r"^lib[^/]*\.so(\.\d+)*$")


def _is_dropped_plugin(dest: str) -> bool:
    path = dest.replace("\\", "/")
    if "/plugins/" not in path:
        return False
    inside = path.split("/plugins/", 1)[1]
    return inside.startswith(DROP_PLUGINS)


def _ldd(paths: list[str]) -> set[str]:
    """Resolved paths of every shared library the given files load (transitively)."""
    found: set[str] = set()
    for path in paths:
        out = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "=>" in line and "/" in line.split("=>", 1)[1]:
                found.add(str(Path(line.split("=>", 1)[1].split("(")[0].strip()).resolve()))
    return found


def _needed(path: str) -> set[str]:
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def _python_runtime(binaries: list[tuple[str, str, str]]) -> set[str]:
    dynload = str(Path(sysconfig.get_config_var("DESTSHARED") or "/nonexistent").resolve())
    roots = [src for _dest, src, _kind in binaries
             if str(Path(src).resolve()).startswith(dynload + "/")
             or PurePosixPath(src).name.startswith("libpython")]
    return _ldd(roots) | {str(Path(r).resolve()) for r in roots}


def _is_system_library(src: str) -> bool:
    real = str(Path(src).resolve())
    return (real.startswith(SYSTEM_DIRS) and "/python3" not in real
            and "site-packages" not in real and _LIBRARY.match(Path(real).name) is not None)


def trim(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    if not sys.platform.startswith("linux"):  # ldd/readelf and the Depends are Linux's
        return binaries
    keep_system = _python_runtime(binaries)
    kept = [entry for entry in binaries if not _is_dropped_plugin(entry[0])
            and (not _is_system_library(entry[1]) or str(Path(entry[1]).resolve()) in keep_system)]
    # Drop libraries nothing kept needs any more (plugins and extension modules are roots).
    while True:
        needed: set[str] = set()
        for _dest, src, _kind in kept:
            needed |= _needed(src)
        unused = [e for e in kept if "/plugins/" not in e[0]
                  and _LIBRARY.match(PurePosixPath(e[0]).name)
                  and not PurePosixPath(e[0]).name.startswith("libpython")
                  and PurePosixPath(e[0]).name not in needed]
        if not unused:
            break
        kept = [e for e in kept if e not in unused]
    dropped = sorted({PurePosixPath(e[0]).name for e in binaries} - {PurePosixPath(e[0]).name
                                                                   for e in kept})
    print(f"bundle_filter: kept {len(kept)} binaries, dropped {len(dropped)}: "
          + " ".join(dropped), file=sys.stderr)
    return kept


def trim_datas(datas: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Qt's translations: only zh_CN (English needs none)."""
    return [e for e in datas if "/Qt/translations/" not in e[0].replace("\\", "/")
            or "zh_CN" in PurePosixPath(e[0]).name]
