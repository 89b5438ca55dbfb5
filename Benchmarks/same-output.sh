#!/usr/bin/env bash
# Checks that two builds behave the same on a generated data set: each build's airlock-pack packs the same
# files (same --as-of), its airlock-unpack imports its own bundle into a fresh store, and the script compares
# the masked re-exports byte for byte and the archives' contents (records, versions with their JSON columns
# and content hashes, lookups, names). Used to check that an optimisation changed nothing but speed.
#
# Usage: Benchmarks/same-output.sh BIN_A BIN_B MEMBERS.csv ORDERS.csv
set -euo pipefail
a="$(cd "$1" && pwd)"; b="$(cd "$2" && pwd)"; members="$(realpath "$3")"; orders="$(realpath "$4")"
keys="$(cd "$(dirname "$0")/.." && pwd)/.bench-data/keys"
work="$(mktemp -d "${TMPDIR:-/tmp}/airlock-same.XXXXXX")"
trap 'rm -rf "$work"' EXIT
dump() {
    sqlite3 "$1/archive.sqlite" <<'SQL'
SELECT r.kind, r.key, v.content_hash, v.fields, v.masked_at_source, v.items, v.source
  FROM versions v JOIN records r ON r.id = v.record_id ORDER BY r.kind, r.key, v.content_hash;
SELECT r.kind, r.key, l.field, l.value FROM lookups l JOIN records r ON r.id = l.record_id ORDER BY 1, 2, 3, 4;
SELECT r.kind, r.key, n.name FROM names n JOIN records r ON r.id = n.record_id ORDER BY 1, 2, 3;
SELECT members, orders, new_records, changed_records, unchanged_records FROM bundles;
INSERT INTO names_fts (names_fts) VALUES ('integrity-check');
SELECT n.name FROM names_fts f JOIN names n ON n.id = f.rowid WHERE f.name LIKE '%美玲%' ORDER BY n.id LIMIT 5;
SELECT count(*) FROM names_fts f WHERE f.name LIKE '%ヤマダ%';
SQL
}
for side in a b; do
    bin="${!side}"
    (cd "$work" && "$bin/airlock-pack" pack --members "$members" --orders "$orders" --profile airlock \
        --to "$keys/offline.pub" --key "$keys/packer.key" --state "state-$side" --out "out-$side" --as-of 2026-11-25 \
        > /dev/null 2>&1)
    (cd "$work" && "$bin/airlock-unpack" init --store "store-$side" --key "$keys/offline.key" --trust "$keys/packer.pub" \
        > /dev/null && "$bin/airlock-unpack" import out-"$side"/*.airlock --store "store-$side" --receipts "receipts-$side" \
        > /dev/null 2>&1)
    dump "$work/store-$side" > "$work/dump-$side.txt"
done
diff -r "$work/state-a/pending" "$work/state-b/pending" > /dev/null || { echo "DIFFERENT masked re-exports"; exit 1; }
cmp -s "$work/dump-a.txt" "$work/dump-b.txt" || { echo "DIFFERENT archives"; diff "$work/dump-a.txt" "$work/dump-b.txt" | head; exit 1; }
echo "same: masked re-exports and archive contents ($(wc -l < "$work/dump-a.txt") rows compared)"
