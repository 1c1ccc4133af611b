#!/usr/bin/env bash
# Benchmark: how robust a small CASLCNet (MART) really is at eps 0.1 on balanced MIT-BIH test beats, attack by
# attack: PGD-50 last iterate vs best iterate, APGD-CE, APGD-T, Square (5,000 queries), the ensemble, and the
# per-beat worst case; accuracies with 95 % Wilson intervals. Trains the model first unless one is given.
# Usage: bench/attack-verdict.sh [out-folder] [model.recg]   (env: MITDB, PER_CLASS=40, EPS=0.1, QUERIES=5000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/runs/attack-verdict}"
model="${2:-$out/caslcnet.recg}"
mitdb="${MITDB:-$root/../shared/data/mitdb}"
mkdir -p "$out"
"$root/robustecg" --version >/dev/null   # builds the runner if needed
if [ ! -f "$out/mitbih-test.npz" ]; then
  "$root/robustecg" beats --mitdb "$mitdb" --split random --out "$out/mitbih.npz"
fi
if [ ! -f "$model" ]; then
  "$root/robustecg" train --data "$out/mitbih-train.npz" --per-class 300 --balance --architecture caslcnet --loss mart \
      --epochs 4 --batch-size 128 --width 0.25 --seed 1 --out "$model"
fi
target="$root/plugins/org.robustecg.cli/target"
java -cp "$target/robustecg-cli.jar:$target/lib/*" "$root/bench/AttackVerdict.java" "$model" "$out/mitbih-test.npz" \
    "${PER_CLASS:-40}" "${EPS:-0.1}" "${QUERIES:-5000}" | tee "$out/verdict.md"
