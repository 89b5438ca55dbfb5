#!/usr/bin/env bash
# The release test (.ci/run runs it after `make test`): builds a signed release with `make release`, unpacks
# the tarball into an empty folder and, with no Swift toolchain on the PATH (env -i PATH=/usr/bin:/bin),
# checks what it loads, installs it into an empty prefix, runs the whole flow from there (keygen, pack the
# examples, verify, init, import, confirm), upgrades over itself, and checks that altered releases are
# refused. Ends with a "N passed, 0 failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
SWIFT="${SWIFT:-swift}"
work="$(mktemp -d "${TMPDIR:-/tmp}/airlock-release-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
not_ok() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }
# Runs a command with nothing of this shell's environment: no toolchain, no LD_LIBRARY_PATH, no passphrase.
bare() { env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 "$@"; }
# expect_exit CODE DESCRIPTION COMMAND...
expect_exit() {
    local want="$1" what="$2" got=0
    shift 2
    "$@" >"$work/last.out" 2>"$work/last.err" || got=$?
    if [ "$got" -eq "$want" ]; then ok "$what (exit $got)"; else
        not_ok "$what: exit $got, expected $want"; cat "$work/last.out" "$work/last.err" >&2
    fi
}
mkdir -p "$work/home"

# A packer key to sign the release with, made by the debug build (`make test` built it already).
"$SWIFT" build --product airlock-pack >/dev/null
printf 'release test passphrase\n' > "$work/passphrase"
chmod 600 "$work/passphrase"
"$("$SWIFT" build --show-bin-path)/airlock-pack" keygen --out "$work/signing" --passphrase-file "$work/passphrase" >/dev/null

started=$(date +%s)
make release KEY="$work/signing/packer.key" RELEASE_FLAGS="--passphrase-file $work/passphrase"
echo "make release took $(( $(date +%s) - started )) s"
tarball="$(ls dist/airlock-*-linux-*.tar.gz)"
name="$(basename "$tarball" .tar.gz)"

# 1. Unpack into an empty folder, as on the offline host.
mkdir "$work/usb"
tar -C "$work/usb" -xzf "$tarball"
release="$work/usb/$name"
[ -f "$release/SHA256SUMS.sig" ] && ok "the tarball holds SHA256SUMS.sig" || not_ok "no SHA256SUMS.sig in the tarball"
for file in bin/airlock-pack bin/airlock-unpack install.sh README.md LICENSE Spec/release.md \
    share/man/man1/airlock-pack.1 share/man/man1/airlock-unpack.1 \
    share/bash-completion/completions/airlock-unpack share/zsh/site-functions/_airlock-unpack \
    share/fish/vendor_completions.d/airlock-unpack.fish; do
    [ -s "$release/$file" ] || not_ok "missing from the release: $file"
done
ok "the release holds executables, man pages, completions and docs"

# 2. What the executables load: found without the toolchain, and nothing beyond the C/C++ runtimes.
for tool in airlock-pack airlock-unpack; do
    libs="$(bare ldd "$release/bin/$tool")"
    if grep -q "not found" <<<"$libs"; then not_ok "$tool: ldd finds not everything: $libs"
    elif grep -Eq "/opt/swift|libswift|libFoundation|libsodium|libzstd|libsqlite3" <<<"$libs"; then
        not_ok "$tool loads a library it should have linked statically: $libs"
    else ok "$tool loads only: $(awk '{print $1}' <<<"$libs" | tr '\n' ' ')"; fi
    if readelf -d "$release/bin/$tool" | grep -Eq "RUNPATH|RPATH"; then not_ok "$tool has an rpath"; fi
done

# 3. sha256sum alone agrees with the list; verify-release with the packer key.
(cd "$release" && bare sha256sum --check --strict --quiet SHA256SUMS) && ok "sha256sum -c SHA256SUMS" \
    || not_ok "sha256sum -c SHA256SUMS"
expect_exit 0 "verify-release --signer" bare "$release/bin/airlock-unpack" verify-release "$release" --signer "$work/signing/packer.pub"

# 4. Install into an empty prefix (no airlock-unpack installed yet: the release checks itself, with a warning).
prefix="$work/prefix"
expect_exit 0 "install.sh --prefix (first install)" bare "$release/install.sh" --prefix "$prefix" --signer "$work/signing/packer.pub"
grep -q "warning: no installed airlock-unpack" "$work/last.err" && ok "first install warns it checks itself" \
    || not_ok "first install did not warn"
for tool in airlock-pack airlock-unpack; do
    version="$(bare "$prefix/bin/$tool" --version)"
    if [[ "$version" == "$tool "*"bundle format"*"libsodium "* ]]; then ok "$version"; else not_ok "$tool --version: $version"; fi
done
[ -f "$prefix/share/man/man1/airlock-unpack.1" ] && [ -f "$prefix/share/doc/airlock/Spec/release.md" ] \
    && ok "man pages and docs installed" || not_ok "man pages or docs not installed"

# 5. The whole flow from the installed prefix.
cd "$work"
P="$prefix/bin/airlock-pack"
U="$prefix/bin/airlock-unpack"
expect_exit 0 "airlock-unpack keygen" bare "$U" keygen --out offline/keys --passphrase-file passphrase
expect_exit 0 "airlock-pack keygen" bare "$P" keygen --out online/keys --passphrase-file passphrase
expect_exit 0 "airlock-pack pack (Examples/airlock)" bare "$P" pack --members "$repo/Examples/airlock/members.csv" \
    --orders "$repo/Examples/airlock/orders.csv" --to offline/keys/offline.pub --key online/keys/packer.key \
    --state online/state --out usb/bundles --as-of 2030-01-01 --passphrase-file passphrase
bundle="$(ls usb/bundles/*.airlock | head -1)"
expect_exit 0 "airlock-unpack verify" bare "$U" verify "$bundle" --signer online/keys/packer.pub
expect_exit 0 "airlock-unpack init" bare "$U" init --store archive --key offline/keys/offline.key \
    --trust online/keys/packer.pub --passphrase-file passphrase
expect_exit 0 "airlock-unpack import" bare "$U" import usb/bundles/*.airlock --store archive --passphrase-file passphrase
receipt="$(ls archive/receipts/*.receipt | head -1)"
expect_exit 0 "airlock-pack confirm" bare "$P" confirm "$receipt" --from offline/keys/offline.pub --state online/state
expect_exit 0 "airlock-unpack check" bare "$U" check --store archive --passphrase-file passphrase

# 6. Upgrade over itself, the way the README says: the installed airlock-unpack checks against the archive's
#    trust list; the archive is left exactly as it was.
trust_release="$work/trusted-release"
cp -a "$release" "$trust_release"
expect_exit 12 "verify-release --store: the release key is not on this archive's trust list" \
    bare "$U" verify-release "$trust_release" --store archive
expect_exit 0 "trust the release key" bare "$U" trust add "$work/signing/packer.pub" --store archive
cp -a archive archive.before-upgrade
expect_exit 0 "install.sh --store (upgrade, checked by the installed airlock-unpack)" \
    bare "$trust_release/install.sh" --prefix "$prefix" --store archive
grep -q "warning" "$work/last.err" && not_ok "the upgrade did not use the installed airlock-unpack" \
    || ok "the upgrade was checked by the installed airlock-unpack"
diff -r archive archive.before-upgrade >/dev/null && ok "the upgrade left the archive untouched" \
    || not_ok "the upgrade changed the archive"
expect_exit 0 "the archive still checks after the upgrade" bare "$U" check --store archive --passphrase-file passphrase

# 7. Altered releases are refused, and install.sh installs nothing from them.
tampered() { rm -rf "$work/bad"; cp -a "$release" "$work/bad"; }
tampered; printf 'x' >> "$work/bad/README.md"
expect_exit 10 "verify-release: an altered file" bare "$U" verify-release "$work/bad" --signer "$work/signing/packer.pub"
expect_exit 10 "install.sh: an altered file" bare "$work/bad/install.sh" --prefix "$work/prefix2" --signer "$work/signing/packer.pub"
[ -e "$work/prefix2" ] && not_ok "install.sh wrote into the prefix of a bad release" || ok "nothing installed from a bad release"
tampered; mkdir -p "$work/bad/lib"; printf 'x' > "$work/bad/lib/libsodium.so.23"
expect_exit 10 "verify-release: an unlisted file" bare "$U" verify-release "$work/bad" --signer "$work/signing/packer.pub"
tampered; printf 'x' >> "$work/bad/README.md"
(cd "$work/bad" && sed -i "s|^[0-9a-f]\{64\}  README.md\$|$(sha256sum README.md | cut -c1-64)  README.md|" SHA256SUMS)
expect_exit 10 "verify-release: a re-computed SHA256SUMS breaks the signature" \
    bare "$U" verify-release "$work/bad" --signer "$work/signing/packer.pub"
expect_exit 12 "verify-release: another packer's key" bare "$U" verify-release "$release" --signer online/keys/packer.pub

echo "release test: $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
