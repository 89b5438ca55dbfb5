#!/usr/bin/env bash
# The demo: runs the whole flow, as far as it exists, on the files in Examples/, in a temporary folder.
set -euo pipefail
bin="${1:?usage: demo.sh BIN_DIR}"
echo "Airlock demo (binaries in $bin)"
"$bin/airlock-pack"
