#!/usr/bin/env bash
# The Airlock demo: runs the whole flow, as far as it exists, on the files in Examples/, in a temporary folder.
# Usage: Examples/demo.sh BIN_DIR   (make demo passes the build's bin folder)
set -euo pipefail
bin="${1:?usage: demo.sh BIN_DIR}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/airlock-demo.XXXXXX")"
pack="$bin/airlock-pack"
unpack="$bin/airlock-unpack"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

echo "Airlock demo in $work"
cd "$work"
printf 'demo passphrase, not for real use\n' > passphrase.txt
chmod 600 passphrase.txt

step "1. The offline host makes its identity (offline.key stays there; offline.pub travels)"
run "$unpack" keygen --out offline-host/keys --passphrase-file passphrase.txt

step "2. The online server makes its signing identity"
run "$pack" keygen --out online-server/keys --passphrase-file passphrase.txt

step "3. A bundle from the specification's test vectors: verify it with public keys only, then read its header"
cp "$here/../Spec/vectors/valid-basic.airlock" sample.airlock
python3 - "$here/../Spec/vectors/vectors.json" > spec-packer.pub <<'PY' || true
import base64, json, sys
keys = json.load(open(sys.argv[1]))["keys"]
print("airlock-packer-1:" + base64.b64encode(bytes.fromhex(keys["packer_ed25519_public"])).decode())
PY
run "$unpack" verify sample.airlock --signer spec-packer.pub
run "$unpack" inspect sample.airlock

step "4. A tampered copy is refused (exit code 10), before anything is decrypted"
cp sample.airlock tampered.airlock
printf '\x00' | dd of=tampered.airlock bs=1 seek=300 conv=notrunc status=none
set +e
"$unpack" verify tampered.airlock --signer spec-packer.pub
echo "exit code: $?"
set -e

echo
echo "Demo finished. Everything it made is in $work"
