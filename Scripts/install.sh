#!/bin/sh
# Installs this Airlock release into a prefix, with no network access (README, "Installing on the offline
# host"). It checks the release before copying anything, and writes only the files listed below under the
# prefix: it never reads, moves or changes an archive (the store migrates itself, forward only, the first
# time the new airlock-unpack opens it).
#
#   PREFIX/bin/airlock-pack, PREFIX/bin/airlock-unpack
#   PREFIX/share/man/man1/airlock-*.1
#   PREFIX/share/bash-completion/completions/, share/zsh/site-functions/, share/fish/vendor_completions.d/
#   PREFIX/share/doc/airlock/ (README.md, LICENSE, Spec/)
#
# Usage: ./install.sh [--prefix DIR] (--signer packer.pub | --store ARCHIVE | --no-signature)
#   --prefix DIR       where to install (default /usr/local)
#   --signer FILE      check SHA256SUMS.sig against this packer public key
#   --store DIR        check SHA256SUMS.sig against the trust list of this archive
#   --no-signature     first install without a trusted airlock-unpack: check the checksums only (compare
#                      the SHA-256 of SHA256SUMS with the online server's operator first)
set -eu

prefix=/usr/local
signer=""
store=""
no_signature=0
usage() { sed -n '12,17s/^# \{0,1\}//p' "$0" >&2; exit 64; }
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || usage; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --signer) [ $# -ge 2 ] || usage; signer="$2"; shift 2 ;;
        --store) [ $# -ge 2 ] || usage; store="$2"; shift 2 ;;
        --no-signature) no_signature=1; shift ;;
        -h|--help) usage ;;
        *) echo "install.sh: unknown argument '$1'" >&2; usage ;;
    esac
done
if [ -z "$signer$store" ] && [ "$no_signature" -eq 0 ]; then
    echo "install.sh: give --signer packer.pub or --store ARCHIVE to check the release's signature" >&2
    echo "            (or --no-signature for a first install, after comparing SHA256SUMS with the operator)" >&2
    exit 64
fi
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
release="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "install.sh: $*" >&2; exit "${code:-1}"; }

# An archive is never a prefix: refuse rather than write bin/ and share/ into a store folder.
if [ -f "$prefix/config.json" ] && [ -d "$prefix/bundles" ]; then
    code=64 fail "$prefix looks like an Airlock archive; choose another --prefix"
fi

# 1. The checksums, with coreutils: every file of the release as listed, before anything else runs.
command -v sha256sum >/dev/null 2>&1 || code=69 fail "sha256sum (coreutils) is needed"
(cd "$release" && sha256sum --check --strict --quiet SHA256SUMS) \
    || code=10 fail "the release does not match its SHA256SUMS: it was altered or damaged; nothing was installed"

# 2. The signature and the full folder check (nothing unlisted, no links), by an airlock-unpack already
#    trusted: the installed one when there is one, so that a tampered release cannot vouch for itself.
if [ "$no_signature" -eq 0 ]; then
    checker="$prefix/bin/airlock-unpack"
    if [ ! -x "$checker" ] || ! "$checker" verify-release --help >/dev/null 2>&1; then
        echo "install.sh: warning: no installed airlock-unpack that knows verify-release in $prefix/bin;" \
            "checking with the release's own (compare the key id it prints with the operator's)" >&2
        checker="$release/bin/airlock-unpack"
    fi
    set --
    [ -n "$signer" ] && set -- "$@" --signer "$signer"
    [ -n "$store" ] && set -- "$@" --store "$store"
    "$checker" verify-release "$release" "$@" || code=$? fail "the release failed verification; nothing was installed"
else
    "$release/bin/airlock-unpack" verify-release "$release" --checksums-only >/dev/null \
        || code=$? fail "the release failed its checks; nothing was installed"
    echo "install.sh: note: no signature checked (--no-signature)" >&2
fi

# 3. Copy: each file to a temporary name beside its target, then renamed over it, so a command running
#    during the upgrade keeps its old binary and nobody sees half a file.
put() { # put MODE SOURCE TARGET_DIR [NAME]
    name="${4:-$(basename "$2")}"
    mkdir -p "$3"
    cp "$2" "$3/.$name.airlock-new"
    chmod "$1" "$3/.$name.airlock-new"
    mv -f "$3/.$name.airlock-new" "$3/$name"
}
for tool in airlock-pack airlock-unpack; do
    put 0755 "$release/bin/$tool" "$prefix/bin"
done
for page in "$release"/share/man/man1/*.1; do put 0644 "$page" "$prefix/share/man/man1"; done
for file in "$release"/share/bash-completion/completions/*; do put 0644 "$file" "$prefix/share/bash-completion/completions"; done
for file in "$release"/share/zsh/site-functions/*; do put 0644 "$file" "$prefix/share/zsh/site-functions"; done
for file in "$release"/share/fish/vendor_completions.d/*; do put 0644 "$file" "$prefix/share/fish/vendor_completions.d"; done
doc="$prefix/share/doc/airlock"
put 0644 "$release/README.md" "$doc"
put 0644 "$release/LICENSE" "$doc"
(cd "$release" && find Spec -type f) | while IFS= read -r file; do
    put 0644 "$release/$file" "$doc/$(dirname "$file")"
done

echo "installed into $prefix:"
"$prefix/bin/airlock-unpack" --version
"$prefix/bin/airlock-pack" --version
echo "archives were not touched; the next airlock-unpack command on a store upgrades its schema if needed"
