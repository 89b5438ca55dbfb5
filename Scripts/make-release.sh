#!/usr/bin/env bash
# Builds the release that is carried to the offline host (README, "Installing on the offline host"):
#   dist/airlock-VERSION-linux-ARCH/          the release folder, also packed as
#   dist/airlock-VERSION-linux-ARCH.tar.gz
# holding bin/ (both executables, Swift's runtime and libsodium, libzstd and SQLite linked in statically, so
# they need only libc, libm, libstdc++ and libgcc_s), share/ (man pages, bash/zsh/fish completions),
# README.md, LICENSE, Spec/, install.sh, SHA256SUMS and, with --key, SHA256SUMS.sig (Spec/release.md).
#
# Usage: Scripts/make-release.sh [--key packer.key] [--passphrase-file FILE]
#   (make release KEY=packer.key). The passphrase can also come from AIRLOCK_PASSPHRASE or the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."

key=""
passphrase_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --key) key="${2:?--key needs a file}"; shift 2 ;;
        --passphrase-file) passphrase_args=(--passphrase-file "${2:?--passphrase-file needs a file}"); shift 2 ;;
        *) echo "make-release: unknown argument $1" >&2; exit 64 ;;
    esac
done
if [ -n "$key" ] && [ ! -r "$key" ]; then
    echo "make-release: cannot read the packer key $key" >&2
    exit 66
fi

SWIFT="${SWIFT:-swift}"
version="$(sed -n 's/.*static let number = "\([^"]*\)".*/\1/p' Sources/AirlockCLI/Version.swift)"
[ -n "$version" ] || { echo "make-release: no version in Sources/AirlockCLI/Version.swift" >&2; exit 1; }
name="airlock-$version-linux-$(uname -m)"
stage="dist/$name"

# Static C libraries. SwiftPM links what pkg-config names (libsodium, libzstd) and what module maps name
# (GRDB's sqlite3) with -l, searching the -L folders in order. For this build only, pkg-config files of our
# own point libdir at a folder holding just the .a archives, and omit the system folder, so every -l finds an
# archive first (debug builds and tests keep the shared libraries; compile flags stay the same, so switching
# only relinks).
static_dir="$PWD/.build/release-static-libs"
mkdir -p "$static_dir/pkgconfig"
for lib in libsodium libzstd sqlite3; do
    file="lib${lib#lib}.a"
    # pkg-config's libdir first; the C compiler's search path when a .pc file names the wrong folder
    # (Debian's libzstd.pc says /usr/lib).
    archive="$(pkg-config --variable=libdir "$lib")/$file"
    [ -f "$archive" ] || archive="$(${CC:-cc} -print-file-name="$file")"
    [ -f "$archive" ] || { echo "make-release: $file is missing (install $lib's -dev package)" >&2; exit 1; }
    ln -sf "$archive" "$static_dir/$file"
    {
        echo "Name: $lib"
        echo "Description: $lib, linked statically into the Airlock release"
        echo "Version: $(pkg-config --modversion "$lib")"
        echo "Libs: -L$static_dir -l${file#lib}" | sed 's/\.a$//'
        echo "Cflags: $(pkg-config --cflags-only-I "$lib")"
    } > "$static_dir/pkgconfig/$lib.pc"
done
export PKG_CONFIG_PATH="$static_dir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

echo "== building $name (release, static Swift runtime and C libraries)" >&2
# No $ORIGIN rpath: nothing beside the executable is ever loaded, wherever it is installed.
build_flags=(-c release --static-swift-stdlib --disable-local-rpath)
for product in airlock-pack airlock-unpack; do
    "$SWIFT" build "${build_flags[@]}" --product "$product"
done
bin="$("$SWIFT" build "${build_flags[@]}" --show-bin-path)"

# Whatever the binaries still load must be on every Debian/Ubuntu host: the C and C++ runtimes only.
allowed='^(linux-vdso\.so|libc\.so|libm\.so|libstdc\+\+\.so|libgcc_s\.so|ld-linux-x86-64\.so|ld-linux-aarch64\.so|libdl\.so|libpthread\.so|librt\.so|libutil\.so)'
for tool in airlock-pack airlock-unpack; do
    extra="$(ldd "$bin/$tool" | awk '{print $1}' | sed 's|.*/||' | grep -Ev "$allowed" || true)"
    if [ -n "$extra" ]; then
        echo "make-release: $tool still needs shared libraries a minimal host may lack: $extra" >&2
        exit 1
    fi
done

# Man pages from the commands' own help, by swift-argument-parser's generate-manual tool (it reads each
# command's --experimental-dump-help). Asking its plugin for --help builds just the tool, offline, without
# building the package again; the tool then runs on the release binaries themselves.
"$SWIFT" package plugin generate-manual --help >/dev/null
generate_manual="$(find .build -type f -perm -u+x -name generate-manual-tool | head -1)"
[ -n "$generate_manual" ] || { echo "make-release: swift-argument-parser's generate-manual tool was not built" >&2; exit 1; }
date="$(git log -1 --format=%cs 2>/dev/null || date -u +%F)"

echo "== staging $stage" >&2
rm -rf "$stage" "dist/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
    "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
for tool in airlock-pack airlock-unpack; do
    # Debug information is for the build machine; symbols stay, so crash backtraces still name functions.
    strip --strip-debug -o "$stage/bin/$tool" "$bin/$tool"
    chmod 0755 "$stage/bin/$tool"
    "$stage/bin/$tool" --generate-completion-script bash > "$stage/share/bash-completion/completions/$tool"
    "$stage/bin/$tool" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_$tool"
    "$stage/bin/$tool" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/$tool.fish"
    "$generate_manual" "$stage/bin/$tool" --date "$date" --output-directory "$stage/share/man/man1"
    # A text line starting with an apostrophe is a roff control line: escape it, or man drops the line.
    sed -i "s/^'/\\\\\&'/" "$stage/share/man/man1/$tool.1"
done
cp README.md LICENSE "$stage/"
cp -R Spec "$stage/Spec"
install -m 0755 Scripts/install.sh "$stage/install.sh"
find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -type f ! -perm -u+x -exec chmod 0644 {} +

# SHA256SUMS in the exact form sha256sum writes (sorted by path in byte order), read by verify-release.
(cd "$stage" && find . -type f ! -name SHA256SUMS ! -name SHA256SUMS.sig | sed 's|^\./||' | LC_ALL=C sort \
    | while IFS= read -r file; do sha256sum -- "$file"; done > SHA256SUMS)
if [ -n "$key" ]; then
    # sign-release checks every file against the list before it signs.
    "$stage/bin/airlock-pack" sign-release "$stage" --key "$key" "${passphrase_args[@]}"
else
    "$stage/bin/airlock-unpack" verify-release "$stage" --checksums-only >&2
fi

# A reproducible archive: fixed order, owner and times (the last commit's), no gzip timestamp.
epoch="$(git log -1 --format=%ct 2>/dev/null || date +%s)"
tar -C dist --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - "$name" | gzip -n -9 > "dist/$name.tar.gz"

echo "== dist/$name.tar.gz" >&2
(cd dist && ls -l "$name.tar.gz" && sha256sum "$name.tar.gz") >&2
for tool in airlock-pack airlock-unpack; do
    echo "-- ldd bin/$tool" >&2
    ldd "$stage/bin/$tool" >&2
done
[ -n "$key" ] || echo "note: unsigned (give KEY=packer.key to sign SHA256SUMS)" >&2
