#!/usr/bin/env bash
# The Airlock demo: the whole loop on the synthetic exports in Examples/, in a temporary folder.
# Usage: Examples/demo.sh BIN_DIR   (make demo passes the build's bin folder)
set -euo pipefail
bin="${1:?usage: demo.sh BIN_DIR}"
examples="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/airlock-demo.XXXXXX")"
pack="$bin/airlock-pack"
unpack="$bin/airlock-unpack"
# The examples' dates are spread around this day; eligibility is computed as of it so the demo never ages.
as_of=2026-11-25

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*" | sed "s#$bin/##g; s#$examples/#Examples/#g"; "$@"; }

cd "$work"
echo "Airlock demo in $work"
printf 'demo passphrase, not for real use\n' > passphrase.txt
chmod 600 passphrase.txt
mkdir -p online offline usb

step "1. Keys: the offline host makes its identity; the online server its signing key"
run "$unpack" keygen --out offline/keys --passphrase-file passphrase.txt
run "$pack" keygen --out online/keys --passphrase-file passphrase.txt
echo "(offline.pub goes to the online server, packer.pub to the offline host: compare the key ids by phone)"

step "2. Online: a dry run shows how an export will be read, mapped and masked"
run "$pack" inspect "$examples/ec-cube/member.csv" --rows 1

step "3. Online: seal the members and orders exports into bundle 1 (canonical layout)"
run "$pack" pack --members "$examples/airlock/members.csv" --orders "$examples/airlock/orders.csv" \
    --to offline/keys/offline.pub --key online/keys/packer.key --passphrase-file passphrase.txt \
    --state online/state --out usb --as-of "$as_of"

step "4. Online: and the EC-CUBE exports (CP932) into bundle 2 of the same chain"
run "$pack" pack --members "$examples/ec-cube/member.csv" --orders "$examples/ec-cube/order.csv" \
    --to offline/keys/offline.pub --key online/keys/packer.key --passphrase-file passphrase.txt \
    --state online/state --out usb --as-of "$as_of"
run "$pack" status --state online/state

step "5. The masked re-export waits, unreleased, until the offline host confirms"
run head -3 online/state/pending/00000001/members.csv

step "6. Offline: check the bundles with public keys only, then create the archive"
cp online/keys/packer.pub offline/packer.pub
for bundle in usb/*.airlock; do run "$unpack" verify "$bundle" --signer offline/packer.pub; done
run "$unpack" init --store offline/archive --key offline/keys/offline.key --trust offline/packer.pub \
    --passphrase-file passphrase.txt

step "7. Offline: import (verify, decrypt, one transaction per bundle) and write signed receipts"
run "$unpack" import usb/*.airlock --store offline/archive --receipts usb/receipts --passphrase-file passphrase.txt

step "8. A replayed bundle changes nothing; a tampered one is refused"
run "$unpack" import usb/*-00000001.airlock --store offline/archive --receipts usb/receipts --passphrase-file passphrase.txt
cp usb/*-00000002.airlock tampered.airlock
printf '\x00' | dd of=tampered.airlock bs=1 seek=400 conv=notrunc status=none
set +e
"$unpack" import tampered.airlock --store offline/archive --passphrase-file passphrase.txt
echo "exit code: $? (10 = bundle rejected)"
set -e

step "9. Online: the receipts release the masked re-exports"
for receipt in usb/receipts/*.receipt; do
    run "$pack" confirm "$receipt" --from offline/keys/offline.pub --state online/state
done
run "$pack" status --state online/state

step "10. Offline: a customer calls — find them by phone, email or order number"
run "$unpack" find --store offline/archive --phone "+81 90-1234-5678"
run "$unpack" find --store offline/archive --order O-1001

step "11. Offline: export the archive — in full, or masked — for the people who need it"
run "$unpack" export --store offline/archive --kind members --out members-full.csv
run "$unpack" export --store offline/archive --kind orders --masked --encoding utf-8-bom --out orders-masked.csv
run head -3 members-full.csv

step "12. Offline: the monthly table, the audit log, and a full integrity check"
run "$unpack" stats --store offline/archive
run "$unpack" log --store offline/archive
run "$unpack" check --store offline/archive --passphrase-file passphrase.txt

echo
echo "Demo finished. Everything it made is in $work"
echo "To browse the archive: $unpack users add demo --store $work/offline/archive"
echo "                  then $unpack serve --store $work/offline/archive   (and open http://127.0.0.1:8080/)"
