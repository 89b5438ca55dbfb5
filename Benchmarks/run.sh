#!/usr/bin/env bash
# Airlock's benchmark: builds release, generates (and caches) synthetic exports, and times pack, verify,
# import, find and export against the standard tools doing the same job, with peak RSS. See
# Benchmarks/README.md for what each row compares; Benchmarks/RESULTS.md for results.
#
# Usage: Benchmarks/run.sh [--quick] [--sets "100k 1m"] [--runs N] [--only pack|verify|import|find|export]...
#                         [--bin DIR]
#   --quick   the 100k set only, 3 runs each; default: the 100k and 1M sets, 5 and 3 runs.
#   --sets    which data sets (100k: 100,000 members and 100,000 order rows; 1m: a million of each).
#   --runs    runs per measurement, whatever the set.
#   --bin     measure the executables in DIR (e.g. an installed release, whose static runtime starts in half
#             the time) instead of building them with `swift build -c release`.
# Needs: age minisign zstd sqlite3 b2sum /usr/bin/time (apt-get install -y age minisign zstd sqlite3 time).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

quick=0
only=()
sets_arg=""
runs_arg=""
bin_arg=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --only) only+=("$2"); shift ;;
        --sets) sets_arg="$2"; shift ;;
        --runs) runs_arg="$2"; shift ;;
        --bin) bin_arg="$2"; shift ;;
        *) echo "usage: Benchmarks/run.sh [--quick] [--sets SETS] [--runs N] [--only STEP]... [--bin DIR]" >&2; exit 64 ;;
    esac
    shift
done
wants() { [ ${#only[@]} -eq 0 ] || [[ " ${only[*]} " == *" $1 "* ]]; }

for tool in age age-keygen minisign zstd sqlite3 b2sum /usr/bin/time python3; do
    command -v "$tool" > /dev/null || { echo "missing $tool: apt-get install -y age minisign zstd sqlite3 time" >&2; exit 69; }
done

if [ $quick = 1 ]; then sets=(100k); runs_small=3; runs_large=3; else sets=(100k 1m); runs_small=5; runs_large=3; fi
[ -n "$sets_arg" ] && read -r -a sets <<< "$sets_arg"
[ -n "$runs_arg" ] && { runs_small=$runs_arg; runs_large=$runs_arg; }
as_of=2026-11-25
data="$root/.bench-data"
work="$data/work"
results="$data/results-$(date +%Y%m%d-%H%M%S).tsv"
mkdir -p "$data"

# airlock-findbench (the in-process look-ups) always comes from the release build.
build_bin=""
if [ -z "$bin_arg" ] || wants find; then
    echo "== build (release)" >&2
    swift build -c release >&2
    build_bin="$(swift build -c release --show-bin-path)"
fi
bin="$build_bin"
[ -n "$bin_arg" ] && bin="$(cd "$bin_arg" && pwd)"  # absolute: the steps run in the work folder
pack="$bin/airlock-pack"
unpack="$bin/airlock-unpack"

echo "== data (cached in .bench-data/)" >&2
count_of() { case "$1" in 100k) echo 100000 ;; 1m) echo 1000000 ;; esac; }
for set in "${sets[@]}"; do
    n="$(count_of "$set")"
    [ -f "$data/members-$set.csv" ] || { python3 Benchmarks/datagen.py members "$n" "$data/members-$set.csv.tmp"; mv "$data/members-$set.csv.tmp" "$data/members-$set.csv"; }
    [ -f "$data/orders-$set.csv" ] || { python3 Benchmarks/datagen.py orders "$n" "$n" "$data/orders-$set.csv.tmp"; mv "$data/orders-$set.csv.tmp" "$data/orders-$set.csv"; }
    [ -f "$data/probes-$set.tsv" ] || python3 Benchmarks/datagen.py probes "$n" "$n" "$data/probes-$set.tsv" --count 1000
done

keys="$data/keys"
if [ ! -f "$keys/done" ]; then
    rm -rf "$keys"
    mkdir -p "$keys"
    # No passphrases anywhere: Argon2id (ours) and scrypt (minisign's) would dominate the timings.
    "$unpack" keygen --out "$keys" --no-passphrase > /dev/null 2>&1
    "$pack" keygen --out "$keys" --no-passphrase > /dev/null 2>&1
    age-keygen -o "$keys/age.key" 2> /dev/null
    minisign -G -W -f -p "$keys/minisign.pub" -s "$keys/minisign.key" > /dev/null
    touch "$keys/done"
fi
age_recipient="$(age-keygen -y "$keys/age.key")"

# measure NAME SET RUNS SETUP COMMAND: runs SETUP (untimed) then COMMAND under /usr/bin/time, RUNS times;
# appends "name set min median peak_rss_kib" to the results. Wall time comes from bash's microsecond clock
# (/usr/bin/time rounds to 10 ms, too coarse for a 50 ms verify); the peak RSS from /usr/bin/time.
measure() {
    local name="$1" set="$2" runs="$3" setup="$4" command="$5" times=() peak=0 start end
    for _ in $(seq "$runs"); do
        (cd "$work" && eval "$setup")
        start="$EPOCHREALTIME"
        (cd "$work" && /usr/bin/time -f '%e %M' -o "$work/time.txt" bash -c "$command" > /dev/null 2> "$work/stderr.txt") || {
            echo "FAILED: $name ($set): $command" >&2; cat "$work/stderr.txt" >&2; exit 1; }
        end="$EPOCHREALTIME"
        read -r _ rss < "$work/time.txt"
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
        [ "$rss" -gt "$peak" ] && peak="$rss"
    done
    local sorted min median
    sorted="$(printf '%s\n' "${times[@]}" | sort -g)"
    min="$(echo "$sorted" | head -1)"
    median="$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$set" "$min" "$median" "$peak" | tee -a "$results" >&2
}

for set in "${sets[@]}"; do
    runs=$runs_small; [ "$set" = 1m ] && runs=$runs_large
    members="$data/members-$set.csv"
    orders="$data/orders-$set.csv"
    rm -rf "$work"; mkdir -p "$work"
    echo "== $set: $(du -h "$members" | cut -f1) members, $(du -h "$orders" | cut -f1) orders" >&2

    pack_cmd="'$pack' pack --members '$members' --orders '$orders' --profile airlock --to '$keys/offline.pub' --key '$keys/packer.key' --state state --out out --as-of $as_of"
    if wants pack; then
        measure "pack: airlock-pack pack" "$set" "$runs" "rm -rf state out" "$pack_cmd"
        measure "pack: zstd -1 | age, minisign -S" "$set" "$runs" "rm -f base.age base.age.minisig" \
            "cat '$members' '$orders' | zstd -1 -q -c | age -r $age_recipient > base.age && minisign -S -s '$keys/minisign.key' -m base.age < /dev/null"
    fi
    # The bundle the later steps read: from a fresh state folder, so every step sees the same file.
    (cd "$work" && rm -rf state out && eval "$pack_cmd" > /dev/null 2>&1)
    bundle="$(ls "$work"/out/*.airlock)"
    cp "$bundle" "$work/bundle.airlock"
    bundle="$work/bundle.airlock"
    echo "   bundle: $(du -h "$bundle" | cut -f1)" >&2

    if wants verify; then
        minisign -S -s "$keys/minisign.key" -m "$bundle" -x "$work/bundle.minisig" < /dev/null > /dev/null
        measure "verify: airlock-unpack verify" "$set" "$runs" ":" "'$unpack' verify '$bundle' --signer '$keys/packer.pub'"
        measure "verify: b2sum" "$set" "$runs" ":" "b2sum '$bundle'"
        measure "verify: minisign -V" "$set" "$runs" ":" "minisign -V -q -p '$keys/minisign.pub' -m '$bundle' -x bundle.minisig"
    fi

    init_cmd="rm -rf store && '$unpack' init --store store --key '$keys/offline.key' --trust '$keys/packer.pub' > /dev/null"
    if wants import; then
        measure "import: airlock-unpack import" "$set" "$runs" "$init_cmd" "'$unpack' import '$bundle' --store store --receipts receipts"
        cat > "$work/import.sql" <<SQL
.mode csv
.import '$members' members
.import '$orders' orders
CREATE INDEX members_email ON members(email);
CREATE INDEX members_phone ON members(phone);
CREATE INDEX members_mobile ON members(mobile);
CREATE INDEX orders_no ON orders(order_no);
CREATE INDEX orders_email ON orders(purchaser_email);
CREATE INDEX orders_phone ON orders(purchaser_phone);
SQL
        measure "import: sqlite3 .import + indexes" "$set" "$runs" "rm -f plain.sqlite" "sqlite3 plain.sqlite < import.sql"
    fi

    if wants find || wants export; then
        (cd "$work" && eval "$init_cmd" && "$unpack" import "$bundle" --store store --receipts receipts > /dev/null 2>&1)
    fi
    if wants find; then
        probes="$data/probes-$set.tsv"
        for field in email order phone; do
            read -r lookups median p99 < <(python3 Benchmarks/cmdlat.py "$probes" "$field" 100 "$unpack" find --store "$work/store" "--$field" "{}")
            printf 'find --%s (command, %s lookups)\t%s\tmedian %s ms\tp99 %s ms\t-\n' "$field" "$lookups" "$set" "$median" "$p99" | tee -a "$results" >&2
        done
        "$build_bin/airlock-findbench" "$work/store" "$probes" | tee "$work/findbench.txt" >&2
        tail -n +2 "$work/findbench.txt" | while read -r field lookups hits median p99 max; do
            printf 'find %s (in-process, %s lookups, %s hits)\t%s\tmedian %s us\tp99 %s us\t-\n' "$field" "$lookups" "$hits" "$set" "$median" "$p99" | tee -a "$results" >&2
        done
    fi
    if wants export; then
        measure "export: members, full" "$set" "$runs" "rm -f export.csv" "'$unpack' export --store store --kind members --out export.csv"
        measure "export: members, masked" "$set" "$runs" "rm -f export.csv" "'$unpack' export --store store --kind members --masked --out export.csv"
    fi
done

echo >&2
python3 Benchmarks/report.py "$results"
