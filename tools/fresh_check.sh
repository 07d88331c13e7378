#!/usr/bin/env bash
# The README's commands on a fresh Debian 12: a clean chroot (debootstrap minbase, Debian's
# mirror) with python3, python3-venv and ONLY the README's system line; this checkout copied in
# as an ordinary user's folder; a venv; the README's start command (offscreen, the app quits
# by itself after showing its first window) and its test command, exactly as written.
#
#   sudo bash tools/fresh_check.sh [ROOT]      # ROOT defaults to /var/tmp/sc-fresh (wiped)
#
# Needs root, debootstrap and network (deb.debian.org, PyPI). Prints the figures (times, the
# tests' result line and every skip with its reason); the logs stay in ROOT.log.d/.
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
ROOT=${1:-/var/tmp/sc-fresh}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
LOGS="$ROOT.log.d"
USER_NAME=clerk
HOME_DIR=/home/$USER_NAME
CHECKOUT=$HOME_DIR/service-counter

fail() { echo "FAILED: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }
[[ $(id -u) == 0 ]] || fail "run as root (debootstrap and chroot)"
command -v debootstrap >/dev/null || fail "debootstrap missing: apt-get install debootstrap"

# The README's lines, read from the README itself so the check follows it.
README="$SRC/README.md"
APP_CMD=$(grep -m1 -x 'python3 -m pip install -e \. && python3 main\.py' "$README") \
    || fail "README: no start command"
TEST_CMD=$(grep -m1 -x 'python3 -m pip install -e "\.\[test\]" && python3 -m pytest' "$README") \
    || fail "README: no test command"
# The system line: the first "sudo apt-get install" in the README, with its continuation lines.
SYSTEM_PACKAGES=$(awk '/^sudo apt-get install/ {on=1}
    on { line=$0; sub(/#.*/, "", line); cont = (line ~ /\\[[:space:]]*$/); sub(/\\[[:space:]]*$/, "", line);
         printf "%s ", line; if (!cont) exit }' "$README" | sed 's/^sudo apt-get install//')
[[ -n ${SYSTEM_PACKAGES// } ]] || fail "README: no system line"

mounted=()
cleanup() {
    local m
    for ((i=${#mounted[@]}-1; i>=0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mount_in() {  # mount_in ARGS... TARGET
    mount "$@"; mounted+=("${!#}")
}

step "fresh Debian 12 (minbase) in $ROOT"
if [[ -e $ROOT ]]; then
    grep -q " $ROOT/" /proc/mounts && fail "$ROOT has mounts; unmount them first"
    rm -rf "$ROOT"
fi
rm -rf "$LOGS"; mkdir -p "$LOGS"
started=$SECONDS
debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$LOGS/debootstrap.log" 2>&1 \
    || { tail -n 20 "$LOGS/debootstrap.log"; fail "debootstrap"; }
echo "debootstrap: $((SECONDS - started)) s"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mount_in -t proc proc "$ROOT/proc"
mount_in -t sysfs sysfs "$ROOT/sys"
mount_in --bind /dev "$ROOT/dev"
mount_in --bind /dev/pts "$ROOT/dev/pts"
mount_in -t tmpfs tmpfs "$ROOT/dev/shm"

in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

step "python3 python3-venv and the README's system line:$SYSTEM_PACKAGES"
started=$SECONDS
# shellcheck disable=SC2086  # the package list splits into words
in_root sh -c "export DEBIAN_FRONTEND=noninteractive; apt-get update -q && \
    apt-get install -y -q python3 python3-venv $SYSTEM_PACKAGES" >"$LOGS/apt.log" 2>&1 \
    || { tail -n 20 "$LOGS/apt.log"; fail "apt-get install"; }
echo "apt-get install: $((SECONDS - started)) s, $(grep -c '^Setting up' "$LOGS/apt.log") packages"

step "the checkout, as $USER_NAME's $CHECKOUT"
in_root useradd --create-home --shell /bin/bash "$USER_NAME"
mkdir -p "$ROOT$CHECKOUT"
# What git tracks plus new files not ignored: what a clone of this branch would hold.
git -C "$SRC" ls-files -z --cached --others --exclude-standard \
    | (cd "$SRC" && tar --null -T - -cf - 2>/dev/null) | tar -C "$ROOT$CHECKOUT" -xf -
in_root chown -R "$USER_NAME:$USER_NAME" "$CHECKOUT"

# How this machine reaches PyPI is the machine's, not the project's: a proxy and the CA that
# signs it (PIP_CERT, as behind a TLS-inspecting proxy) and an index are passed in as they are.
NET_ENV=()
for var in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY PIP_INDEX_URL \
        PIP_DEFAULT_TIMEOUT; do
    [[ -n ${!var:-} ]] && NET_ENV+=("$var=${!var}")
done
if [[ -n ${PIP_CERT:-} && -f $PIP_CERT ]]; then
    cp "$PIP_CERT" "$ROOT/etc/host-pip-ca.crt"
    NET_ENV+=(PIP_CERT=/etc/host-pip-ca.crt)
fi
echo "network settings passed in: ${NET_ENV[*]:-none}"

as_user() {  # the command in the checkout, with the venv active, as the ordinary user
    chroot --userspec="$USER_NAME:$USER_NAME" "$ROOT" /usr/bin/env -i HOME="$HOME_DIR" \
        USER="$USER_NAME" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 "${NET_ENV[@]}" \
        bash -c "cd $CHECKOUT && . .venv/bin/activate && $1"
}
chroot --userspec="$USER_NAME:$USER_NAME" "$ROOT" /usr/bin/env -i HOME="$HOME_DIR" \
    PATH=/usr/bin:/bin bash -c "cd $CHECKOUT && python3 -m venv .venv"

step "README start: $APP_CMD  (offscreen; quits 2 s after its first window)"
started=$SECONDS
as_user "QT_QPA_PLATFORM=offscreen SERVICE_COUNTER_SMOKE_QUIT_MS=2000 timeout 300 \
    bash -c '$APP_CMD'" >"$LOGS/start.log" 2>&1 \
    || { tail -n 30 "$LOGS/start.log"; fail "the start command"; }
grep -m1 "first window shown" "$LOGS/start.log" || { tail -n 30 "$LOGS/start.log"; fail "no first window"; }
echo "install + start: $((SECONDS - started)) s"

step "README tests: $TEST_CMD"
started=$SECONDS
set +e
as_user "$TEST_CMD" >"$LOGS/tests.log" 2>&1
rc=$?
set -e
echo "tests: $((SECONDS - started)) s, exit $rc"
echo "skipped (with reasons):"
grep -E '^SKIPPED' "$LOGS/tests.log" || echo "  none"
tail -n 1 "$LOGS/tests.log"
((rc == 0)) || { grep -E '^(FAILED|ERROR)' "$LOGS/tests.log" | head -n 40; fail "tests (log: $LOGS/tests.log)"; }
echo "fresh check passed (logs: $LOGS)"
