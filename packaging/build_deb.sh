#!/usr/bin/env bash
# Builds dist/service-counter_<version>_amd64.deb from this checkout:
#   bash packaging/build_deb.sh
#
# 1. a build virtual environment (build/deb-venv; PYTHON picks the interpreter, default
#    python3, 3.11+, built with a shared libpython as Debian's and pyenv's --enable-shared
#    are) with the project's run-time dependencies and its `package` extra — from PyPI;
# 2. PyInstaller (packaging/service_counter.spec): one folder with the program and
#    everything it needs;
# 3. check_bundle.py: every system library the bundle needs is in Depends;
# 4. the package tree: /usr/lib/service-counter (the bundle), /usr/bin/service-counter (a
#    symlink), the menu entry and icon, the copyright; dpkg-deb builds the .deb.
# Needs: dpkg-deb, readelf (binutils), python3 with venv. Nothing is written outside build/
# and dist/. The installed program never writes into /usr/lib/service-counter: its data goes
# to the user's data folder (platformdirs), so upgrades and removal keep it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
BUILD="$ROOT/build/deb"
VENV="$ROOT/build/deb-venv"
STAGE="$BUILD/root"
cd "$ROOT"

say() { printf '== %s\n' "$*" >&2; }
for tool in dpkg-deb readelf; do
    command -v "$tool" >/dev/null || { echo "build_deb: $tool is missing" >&2; exit 1; }
done

VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)
DEB="$ROOT/dist/service-counter_${VERSION}_${ARCH}.deb"

say "build environment ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" - >"$ROOT/build/deb-requirements.txt" <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["package"]))
PY
PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/python" -m pip install -q -r "$ROOT/build/deb-requirements.txt"

say "bundle (PyInstaller)"
rm -rf "$BUILD"
mkdir -p "$BUILD" "$ROOT/dist"
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$BUILD/bundle" \
    --workpath "$BUILD/work" packaging/service_counter.spec
BUNDLE="$BUILD/bundle/service-counter"

say "system libraries against Depends"
GLIBC=$("$VENV/bin/python" packaging/check_bundle.py "$BUNDLE" packaging/debian/control.in)

say "package tree"
mkdir -p "$STAGE/DEBIAN" "$STAGE/usr/lib" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/service-counter"
cp -a "$BUNDLE" "$STAGE/usr/lib/service-counter"
ln -s ../lib/service-counter/service-counter "$STAGE/usr/bin/service-counter"
install -m 644 packaging/debian/service-counter.desktop "$STAGE/usr/share/applications/"
install -m 644 packaging/debian/service-counter.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
install -m 644 packaging/debian/copyright "$STAGE/usr/share/doc/service-counter/"
# Debian's modes: directories and programs 755, everything else 644 (no group/other write).
find "$STAGE/usr" -type d -exec chmod 755 {} +
find "$STAGE/usr" -type f -exec chmod 644 {} +
chmod 755 "$STAGE/usr/lib/service-counter/service-counter"
INSTALLED_SIZE=$(du -sk --apparent-size "$STAGE/usr" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@INSTALLED_SIZE@/$INSTALLED_SIZE/" \
    -e "s/@GLIBC@/$GLIBC/" packaging/debian/control.in >"$STAGE/DEBIAN/control"
(cd "$STAGE" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$STAGE/DEBIAN/md5sums"

say "dpkg-deb"
rm -f "$DEB"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
say "built $DEB ($(du -h "$DEB" | cut -f1), installed $((INSTALLED_SIZE / 1024)) MB)"
