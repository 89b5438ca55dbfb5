#!/usr/bin/env bash
# Makes sure the C libraries Airlock links are installed: libsodium, libzstd and SQLite (with pkg-config).
# On Debian/Ubuntu it uses apt-get (as root, or through sudo); on macOS, Homebrew.
set -euo pipefail

missing=()
for lib in libsodium libzstd sqlite3; do
    pkg-config --exists "$lib" 2>/dev/null || missing+=("$lib")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "airlock: installing missing C libraries: ${missing[*]}" >&2
if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    $sudo apt-get install -y pkg-config libsodium-dev libzstd-dev libsqlite3-dev
elif command -v brew >/dev/null 2>&1; then
    brew install pkg-config libsodium zstd sqlite
else
    echo "airlock: cannot install ${missing[*]}: install libsodium, libzstd and SQLite development files by hand" >&2
    exit 1
fi
