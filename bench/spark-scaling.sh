#!/bin/bash
# Scaling of a study's PGD evaluation stage on Spark: the same attacks (the model trained once, reused) on
# local[1] and on local[2], one PyTorch thread per task; prints each stage's wall time, its task time, the
# speed-up, the efficiency and Spark's per-task overhead. Usage: bench/spark-scaling.sh [work folder]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/robustecg-spark-scaling}"
rm -rf "$work" && mkdir -p "$work/mitdb"
for r in 100 119 208 213 232; do cp "$root"/test-data/mitdb/$r.{hea,dat,atr} "$work/mitdb/"; done
cat > "$work/pgd.yaml" <<'EOF'
name: pgd stage scaling
seed: 11
data: {split: random, test_fraction: 0.3, train_per_class: 20, test_per_class: 60}
train: {epochs: 1, batch_size: 32, width: 0.25, balance: true, robust_samples: 0}
models:
  - {name: caslcnet, architecture: caslcnet, loss: ce}
attacks:
  - {attack: pgd, eps: [0.01, 0.05, 0.1], steps: 20, batch_size: 16}
score: {eps_max: 0.1}
EOF
export ROBUSTECG_THREADS=1
"$root/robustecg" study "$work/pgd.yaml" --data "$work/mitdb" --out "$work/base" > "$work/base.log" 2>&1
for slots in 1 2; do
  cp -r "$work/base" "$work/local$slots" && rm -rf "$work/local$slots/predictions"
  "$root/robustecg" study "$work/pgd.yaml" --data "$work/mitdb" --out "$work/local$slots" \
    --spark "local[$slots]" --spark-conf spark.robustecg.itemsPerTask=32 > "$work/local$slots.log" 2>&1
  cmp -s "$work/base/predictions/caslcnet-pgd.csv" "$work/local$slots/predictions/caslcnet-pgd.csv" \
    && echo "local[$slots]: predictions equal to the single-process run's" || echo "local[$slots]: DIFFERENT"
  grep "attack tasks" "$work/local$slots.log" | sed "s/^ */local[$slots]: /"
done
python3 - "$work" <<'EOF'
import re, sys
stage = {}
for slots in (1, 2):
    line = [l for l in open(f"{sys.argv[1]}/local{slots}.log") if "attack tasks" in l][0]
    tasks, wall, busy = re.search(r"(\d+) attack tasks in ([\d.]+) s \(([\d.]+) s of task time", line).groups()
    stage[slots] = (int(tasks), float(wall), float(busy))
(t, w1, b1), (_, w2, b2) = stage[1], stage[2]
print(f"tasks {t}; per task {b1 / t:.2f} s (1 slot) and {b2 / t:.2f} s (2 slots)")
print(f"speed-up {w1 / w2:.2f}, efficiency {w1 / (2 * w2):.2f}")
print(f"Spark's overhead per task: {(w1 - b1) / t:.2f} s (1 slot), {(2 * w2 - b2) / t:.2f} s (2 slots)")
EOF
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
