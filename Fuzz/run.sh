#!/usr/bin/env bash
# Builds and runs Airlock's libFuzzer targets (see Fuzz/README.md).
#
#   Fuzz/run.sh [TARGET|all] [SECONDS]   build, then fuzz one target or each in turn (default: all, 600 s each)
#   Fuzz/run.sh build                    build only
#   Fuzz/run.sh seeds                    rebuild the seed corpus Fuzz/corpus/ from the repository's files
#   Fuzz/run.sh merge TARGET             fold what a run found into Fuzz/corpus/TARGET, minimised (-merge=1)
#
# One target at a time, one job (-jobs=1 -workers=1): the machine has 2 cores and other builds run on it. Each
# run works in Fuzz/.work/TARGET/ (found inputs in corpus/, crashes as crash-*, the log as fuzz-0.log) and
# prints libFuzzer's final stats. A crash makes the script exit non-zero. FUZZ_ARGS adds libFuzzer options
# (e.g. FUZZ_ARGS=-max_len=16384).
set -euo pipefail
cd "$(dirname "$0")"
FUZZ=$PWD
ROOT=$(cd .. && pwd)
TARGETS=(bundle-header bundle-file bundle-payload csv profile masking receipt)
# The Swift runtime's backtracer can hold a crashing process (and its pipes) open for minutes.
export SWIFT_BACKTRACE=enable=no

build() {
    swift build -c release --package-path "$FUZZ" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
        2>&1 | grep -v "Cannot export local symbol '__asan_extra_spill_area'"
    BIN=$(swift build -c release --package-path "$FUZZ" --show-bin-path)
}

known() { [[ " ${TARGETS[*]} " == *" $1 "* ]] || { echo "unknown target '$1' (one of: ${TARGETS[*]})" >&2; exit 64; }; }

# Minimises the seeds in $2 (and any further folders) into Fuzz/corpus/$1.
merge_into_corpus() {
    local target=$1; shift
    local merged="$FUZZ/.work/$target/merged"
    rm -rf "$merged" && mkdir -p "$merged"
    "$BIN/fuzz-$target" -merge=1 -rss_limit_mb=2048 -timeout=10 "$merged" "$@" >"$FUZZ/.work/$target/merge.log" 2>&1 ||
        { tail -20 "$FUZZ/.work/$target/merge.log"; exit 1; }
    rm -rf "$FUZZ/corpus/$target" && mkdir -p "$FUZZ/corpus" && mv "$merged" "$FUZZ/corpus/$target"
    echo "$target: $(ls "$FUZZ/corpus/$target" | wc -l) seeds, $(du -sh "$FUZZ/corpus/$target" | cut -f1)"
}

seeds() {
    local raw="$FUZZ/.work/seeds"
    rm -rf "$raw" && mkdir -p "$raw"/{bundle-header,bundle-file,bundle-payload,csv,profile,masking,receipt}
    cp "$ROOT"/Spec/vectors/*.airlock "$raw/bundle-file/"
    for vector in "$ROOT"/Spec/vectors/*.airlock; do
        head -c 1568 "$vector" >"$raw/bundle-header/$(basename "$vector" .airlock)"  # the largest header
    done
    AIRLOCK_FUZZ_WRITE_SEEDS="$raw/bundle-payload" \
        AIRLOCK_FUZZ_SEED_SOURCES=$(ls "$ROOT"/Spec/vectors/valid-*.airlock | paste -sd:) "$BIN/fuzz-bundle-payload"
    for plain in "$raw"/bundle-payload/plain-*; do  # the same payloads as stored zstd streams (mode byte 1)
        { printf '\001'; tail -c +2 "$plain" | zstd -q -c; } >"${plain/plain-/zstd-}"
    done
    find "$ROOT/Examples" "$ROOT/Tests/ShopDataTests/Fixtures" -name '*.csv' | while read -r file; do
        cp "$file" "$raw/csv/$(basename "$(dirname "$file")")-$(basename "$file")"
    done
    cp "$ROOT"/Examples/profiles/*.json "$raw/profile/"
    AIRLOCK_FUZZ_WRITE_SEEDS="$raw/masking" "$BIN/fuzz-masking"
    local i=0
    for text in '王小明' '佐藤 花子' '0912-345-678' '+81 90-1234-5678' 'user@example.jp' '100-0001' \
        '東京都新宿区西新宿2-8-1' '台北市大安區忠孝東路四段100號5樓' 'ヤマダ タロウ' '***'; do
        printf '%s' "$text" >"$raw/masking/text-$((i++))"
    done
    AIRLOCK_FUZZ_WRITE_SEEDS="$raw/receipt" "$BIN/fuzz-receipt"
    for target in "${TARGETS[@]}"; do merge_into_corpus "$target" "$raw/$target"; done
}

run() {
    local target=$1 seconds=$2 work="$FUZZ/.work/$1"
    mkdir -p "$work/corpus"
    # The targets' scratch files (one per process) go in memory, into a folder removed after the run.
    local scratch
    scratch=$(mktemp -d "$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/airlock-fuzz.XXXXXX")
    echo "== fuzz-$target for $seconds s ${FUZZ_ARGS:-} ($(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD))"
    # The first folder receives new inputs; the committed seeds are read only.
    (cd "$work" && AIRLOCK_FUZZ_SCRATCH=$scratch "$BIN/fuzz-$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -jobs=1 -workers=1 -print_final_stats=1 -artifact_prefix="$work/" ${FUZZ_ARGS:-} \
        "$work/corpus" "$FUZZ/corpus/$target" \
        >/dev/null 2>&1) || true
    rm -rf "$scratch"
    local log="$work/fuzz-0.log"
    grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true
    grep -E '^stat::' "$log" || true
    echo "corpus: $(ls "$work/corpus" | wc -l) found + $(ls "$FUZZ/corpus/$target" | wc -l) seeds"
    if ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* >/dev/null 2>&1; then
        echo "FOUND: $(ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null)"
        grep -E 'ERROR|Fatal error|fuzz property' "$log" | head -5
        return 1
    fi
}

case "${1:-all}" in
    build) build ;;
    seeds) build && seeds ;;
    merge) known "${2:?target}" && build && merge_into_corpus "$2" "$FUZZ/corpus/$2" "$FUZZ/.work/$2/corpus" ;;
    all) build && status=0 && for target in "${TARGETS[@]}"; do run "$target" "${2:-600}" || status=1; done && exit $status ;;
    *) known "$1" && build && run "$1" "${2:-600}" ;;
esac
