#!/usr/bin/env bash
# CI for the store package (called by .ci/run after the tests; as root on Debian 12):
#  1. a real window from the checkout: `python3 main.py` on the xcb platform under Xvfb with
#     only the system libraries Depends names (the README's list) — no "could not load the
#     Qt platform plugin";
#  2. builds dist/service-counter_<version>_amd64.deb (packaging/build_deb.sh);
#  3. installs it with apt, checks every bundled library resolves, then uses it as a store
#     would: --version, a demo store, a voucher PDF (fonts embedded, Chinese extracts), the
#     GUI started offscreen and on X11 until its first window, which it closes itself
#     (SERVICE_COUNTER_SMOKE_QUIT_MS, app/ui/smoke.py); nothing written into the install
#     folder, the data in the user's data folder, kept across a reinstall;
#  4. removes it and checks its files are gone (and the user's data is not).
# Prints the figures: .deb size, installed size, start to the first window (cold, warm).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
LOG_DIR="${CI_LOG_DIR:-/tmp/ci-logs}"
mkdir -p "$LOG_DIR"
STARTED=$SECONDS
SC=/usr/bin/service-counter  # never a pip-installed `service-counter` earlier on PATH
WORK=$(mktemp -d /tmp/sc-deb.XXXXXX)
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

fail() { echo "FAILED: $*" >&2; exit 1; }
note() { printf -- '-- %s\n' "$*"; }
quietly() {
    local name=$1; shift
    if ! "$@" >"$LOG_DIR/$name.log" 2>&1; then
        tail -n 40 "$LOG_DIR/$name.log" >&2
        fail "$name (full log: $LOG_DIR/$name.log)"
    fi
}

# The package's Depends, each alternative resolved to the name this system's apt knows.
depends_packages() {
    sed -n '/^Depends:/,/^[A-Z]/p' packaging/debian/control.in | sed '$d' \
        | sed 's/^Depends://' | tr ',' '\n' | sed 's/([^)]*)//g' | while read -r alts; do
            [ -n "$alts" ] || continue
            for pkg in ${alts//|/ }; do
                if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [^(]'; then
                    echo "$pkg"; break
                fi
            done
        done
}

# Start the GUI (env QT_QPA_PLATFORM chosen by the caller) until it shows its first window;
# prints the seconds from process start to that window.
first_window() {
    local out
    out=$(SERVICE_COUNTER_SMOKE_QUIT_MS=0 timeout 120 "$@" 2>&1) \
        || { echo "$out" >&2; fail "the application did not start and exit: $*"; }
    if grep -qi "could not load the qt platform plugin" <<<"$out"; then
        echo "$out" >&2; fail "Qt platform plugin missing: $*"
    fi
    grep -m1 "^first window shown" <<<"$out" | sed 's/.* \([0-9.]*\) s after process start/\1/' \
        | grep . || { echo "$out" >&2; fail "no first window: $*"; }
}

note "tools and the system libraries the package depends on"
mapfile -t RUNTIME < <(depends_packages)
TOOLS=(binutils xvfb xauth poppler-utils desktop-file-utils)
python3 -c 'import ensurepip, venv' 2>/dev/null || TOOLS+=(python3-venv)
quietly deb-apt-update apt-get update
quietly deb-apt-install apt-get install -y --no-install-recommends "${TOOLS[@]}" "${RUNTIME[@]}"

note "a real window (xcb under Xvfb) from the checkout: python3 main.py"
start_s=$(QT_QPA_PLATFORM=xcb SERVICE_COUNTER_DATA="$WORK/src-data" \
    first_window xvfb-run -a -s "-screen 0 1280x800x24" python3 main.py)
note "python3 main.py on X11: first window after $start_s s"

note "build the .deb"
build_started=$SECONDS
quietly deb-build bash packaging/build_deb.sh
VERSION=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
DEB="$ROOT/dist/service-counter_${VERSION}_$(dpkg --print-architecture).deb"
[ -f "$DEB" ] || fail "no $DEB"
note "built in $((SECONDS - build_started)) s"
desktop-file-validate packaging/debian/service-counter.desktop || fail "desktop entry"

note "install with apt"
quietly deb-install apt-get install -y "$DEB"
[ -x "$SC" ] || fail "$SC missing"
missing=$(find /usr/lib/service-counter -name '*.so*' -type f -print0 \
    | LD_LIBRARY_PATH=/usr/lib/service-counter/_internal xargs -0 -n 20 ldd 2>/dev/null \
    | grep 'not found' | sort -u || true)
[ -z "$missing" ] || fail "libraries not found after install: $missing"

note "use it as a store would (a fresh user home)"
export HOME="$WORK/home"
mkdir -p "$HOME"
unset SERVICE_COUNTER_DATA SERVICE_COUNTER_DB
touch "$WORK/stamp"
sleep 1
"$SC" --version | grep -q "service-counter $VERSION" || fail "--version"
quietly deb-demo "$SC" demo --db "$HOME/demo.sqlite" --calls 200
VOUCHER=$(python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT number FROM jobs ORDER BY id LIMIT 1').fetchone()[0])" "$HOME/demo.sqlite")
quietly deb-print "$SC" print voucher "$VOUCHER" --db "$HOME/demo.sqlite" --out "$WORK/voucher.pdf"
pdffonts "$WORK/voucher.pdf" | tail -n +3 | awk '$(NF-4) != "yes" {bad=1} END {exit bad}' \
    || fail "a font in the voucher PDF is not embedded"
pdftotext "$WORK/voucher.pdf" - | grep -q "服务凭证" || fail "no Chinese text in the voucher PDF"
pdftotext "$WORK/voucher.pdf" - | grep -q "$VOUCHER" || fail "the voucher number is not printed"

# a new PC's first start asks where the store's data is (a store of its own, or the company's
# server) and makes no database before the answer; then the demo store (log-in)
first=$(SERVICE_COUNTER_SMOKE_QUIT_MS=0 QT_QPA_PLATFORM=offscreen timeout 120 "$SC" 2>&1) \
    || { echo "$first" >&2; fail "the application did not start and exit on a new PC"; }
grep -q "^first window shown: StoreChoiceDialog" <<<"$first" \
    || { echo "$first" >&2; fail "a new PC's first start does not ask where the store is"; }
[ -d "$HOME/.local/share/ServiceCounter" ] || fail "the user data folder was not made"
[ ! -e "$HOME/.local/share/ServiceCounter/service_counter.sqlite" ] \
    || fail "a new PC made a store of its own before it was asked"
# a PC with its store in the data folder opens it without being told (the log-in)
cp "$HOME/demo.sqlite" "$HOME/.local/share/ServiceCounter/service_counter.sqlite"
own=$(SERVICE_COUNTER_SMOKE_QUIT_MS=0 QT_QPA_PLATFORM=offscreen timeout 120 "$SC" 2>&1) \
    || { echo "$own" >&2; fail "the application did not open the store in the data folder"; }
grep -q "^first window shown: LoginDialog" <<<"$own" \
    || { echo "$own" >&2; fail "the store in the user data folder is not the default"; }
warm=$(QT_QPA_PLATFORM=offscreen first_window "$SC" --db "$HOME/demo.sqlite")
if (sync; echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then  # cold: no file in the cache
    cold=$(QT_QPA_PLATFORM=offscreen first_window "$SC" --db "$HOME/demo.sqlite")
else
    cold="n/a (cannot drop the page cache here)"
fi
x11=$(QT_QPA_PLATFORM=xcb first_window xvfb-run -a -s "-screen 0 1280x800x24" \
    "$SC" --db "$HOME/demo.sqlite")
written=$(find /usr/lib/service-counter -newer "$WORK/stamp" | head -5)
[ -z "$written" ] || fail "the application wrote into its install folder: $written"

note "reinstall (an upgrade keeps the data)"
quietly deb-reinstall apt-get install -y --reinstall "$DEB"
[ -f "$HOME/.local/share/ServiceCounter/service_counter.sqlite" ] || fail "data lost on reinstall"

note "remove"
quietly deb-remove apt-get remove -y service-counter
for gone in /usr/lib/service-counter /usr/bin/service-counter \
        /usr/share/applications/service-counter.desktop \
        /usr/share/icons/hicolor/scalable/apps/service-counter.svg \
        /usr/share/doc/service-counter; do
    [ ! -e "$gone" ] || fail "$gone left behind after apt-get remove"
done
[ -f "$HOME/.local/share/ServiceCounter/service_counter.sqlite" ] \
    || fail "removing the package removed the user's data"

deb_kb=$(( $(stat -c %s "$DEB") / 1024 ))
installed_kb=$(dpkg-deb -f "$DEB" Installed-Size)
printf -- '-- figures: .deb %d MB, installed %d MB; first window (log-in) cold %s s, warm %s s, X11 %s s; step %d s\n' \
    $((deb_kb / 1024)) $((installed_kb / 1024)) "$cold" "$warm" "$x11" $((SECONDS - STARTED))
rm -rf "$WORK"
