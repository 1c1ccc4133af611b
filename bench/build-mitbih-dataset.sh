#!/usr/bin/env bash
# Benchmark: build the full MIT-BIH heartbeat dataset from the 48 raw records (read, verify checksums,
# resample 360 -> 125 Hz, segment, label, save .npz) and print wall time and peak memory.
# Usage: bench/build-mitbih-dataset.sh [mitdb-folder]   (goal: under 30 s on a 2-core machine)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mitdb="${1:-$root/../shared/data/mitdb}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/robustecg" --version >/dev/null   # builds the runner if needed, outside the timing
start=$(date +%s.%N)
"$root/robustecg" beats --mitdb "$mitdb" --split none --out "$out/beats.npz" --json > "$out/summary.json"
end=$(date +%s.%N)
python3 - "$out/summary.json" "$start" "$end" <<'PY' 2>/dev/null || cat "$out/summary.json"
import json, sys
s = json.load(open(sys.argv[1]))
wall = float(sys.argv[3]) - float(sys.argv[2])
print(f"MIT-BIH beat dataset: {s['beats']} beats from {s['records']} records")
print(f"  in-process time : {s['seconds']:.2f} s")
print(f"  wall time (JVM) : {wall:.2f} s   (goal < 30 s)")
print(f"  peak memory     : {s['peak_memory_mib']} MiB (resident)")
PY
