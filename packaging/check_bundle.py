"""Check a PyInstaller bundle against the package's Depends (used by build_deb.sh).

    python3 packaging/check_bundle.py BUNDLE_DIR packaging/debian/control.in

Every shared library a file in the bundle needs and the bundle does not carry must come
from a package named in Depends: the owning package is looked up with ``dpkg -S`` (so the
build machine must have them installed; one it lacks is reported and fails the check).
Prints the newest glibc symbol version the bundle uses (the ``libc6 (>= …)`` of Depends).
Exit 1 on a library no Depends covers.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

_C_LIBRARY = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
              "libresolv.so.2", "libutil.so.1", "ld-linux-x86-64.so.2"}  # all libc6


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def readelf(flag: str, path: Path) -> str:
    return subprocess.run(["readelf", flag, "-W", str(path)], capture_output=True,
                          text=True).stdout


def depends(control: Path) -> set[str]:
    text = control.read_text(encoding="utf-8")
    field = re.search(r"^Depends:(.*?)(?=^\S)", text, re.M | re.S)
    assert field is not None, "no Depends in " + str(control)
    names = set()
    for alternatives in field.group(1).split(","):
        for item in alternatives.split("|"):
            if item.strip():
                names.add(item.split("(")[0].strip())
    return names


def owner(soname: str) -> str | None:
    done = subprocess.run(["dpkg", "-S", f"*/{soname}"], capture_output=True, text=True)
    for line in done.stdout.splitlines():
        package = line.split(":", 1)[0].split(",")[0].strip()
        if package and "diversion" not in line:
            return package
    return None


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in version.split("."))


def main(bundle: Path, control: Path) -> int:
    files = elf_files(bundle)
    carried = {p.name for p in bundle.rglob("*")}
    needed: dict[str, set[str]] = {}
    glibc = "2.17"
    for path in files:
        dynamic = readelf("-d", path)
        for soname in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic):
            needed.setdefault(soname, set()).add(str(path.relative_to(bundle)))
        for version in re.findall(r"Name: GLIBC_([0-9.]+)", readelf("-V", path)):
            glibc = max(glibc, version, key=_version_key)
    declared = depends(control)
    problems = []
    for soname in sorted(set(needed) - carried):
        if soname in _C_LIBRARY:
            continue
        package = owner(soname)
        users = ", ".join(sorted(needed[soname])[:3])
        if package is None:
            problems.append(f"{soname} (needed by {users}) is not installed on this machine; "
                            "cannot tell which package provides it")
        elif package not in declared:
            problems.append(f"{soname} (needed by {users}) comes from {package}, "
                            "which Depends does not name")
    for problem in problems:
        print("check_bundle: " + problem, file=sys.stderr)
    print(glibc)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
