#!/bin/bash
# Training-step and PGD-step throughput of the full-width ResNet18 backbone (robustecg bench), alone and beside
# busy processes, for several compute-thread settings. A benchmark: prints its figures, asserts nothing.
#   bench/threads-under-load.sh [repeats]
# Each busy process is one single-threaded CPU loop (`yes > /dev/null`). Settings compared:
#   threads=<n>        ROBUSTECG_THREADS (PyTorch intra-op threads; inter-op 1)
#   +passive           OMP_WAIT_POLICY=PASSIVE: OpenMP threads sleep at barriers instead of spinning
cd "$(dirname "$0")/.."
repeats="${1:-5}"
cores=$(nproc)
run() { # label, busy count, env...
  local label="$1" busy="$2"; shift 2
  local pids=()
  for _ in $(seq 1 "$busy"); do yes > /dev/null & pids+=($!); done
  sleep 1
  local out
  out=$(env "$@" ./robustecg bench --json --repeats "$repeats" 2>/dev/null)
  for p in "${pids[@]}"; do kill "$p"; done
  wait 2>/dev/null
  python3 - "$label" "$busy" "$out" <<'PY'
import json, sys
label, busy, out = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
print(f"{label:<22} busy={busy}  train_step {out['train_step_ms']:8.1f} ms  pgd_step {out['pgd_step_ms']:8.1f} ms  "
      f"caslcnet_pgd_step {out['caslcnet_pgd_step_ms']:8.1f} ms")
PY
}
echo "cores: $cores; batch 256 (CASLCNet 128); median of $repeats calls"
for busy in 0 1 2; do
  run "threads=$cores (default)" "$busy"
  run "threads=$cores +passive" "$busy" OMP_WAIT_POLICY=PASSIVE
  run "threads=1" "$busy" ROBUSTECG_THREADS=1
done
