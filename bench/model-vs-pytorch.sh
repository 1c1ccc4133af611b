#!/usr/bin/env bash
# Benchmark: the full-width ResNet18-1D backbone and a PGD step of full-width CASLCNet in DJL (this project) and
# in PyTorch (Debian's python3-torch, bench/pytorch_reference.py), side by side, plus two single kernels of the
# backbone on both sides and the l-inf layer's fast form against the broadcast form. Prints samples/s and the
# DJL / PyTorch time ratios (goal: <= 1.05). The two sides alternate for a few rounds and each figure is the
# median over rounds, so that a slow spell of a shared machine does not land on one side only.
# Needs: sudo apt-get install python3-torch   (runs /usr/bin/python3, Debian's Python)
# Usage: bench/model-vs-pytorch.sh [batch] [repeats] [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
batch="${1:-256}"
repeats="${2:-10}"
rounds="${3:-3}"
python=/usr/bin/python3
"$python" -c "import torch" 2>/dev/null || { echo "needs Debian's python3-torch: sudo apt-get install python3-torch" >&2; exit 1; }
djl=()
torch_runs=()
for ((round = 1; round <= rounds; round++)); do
  echo "round $round of $rounds ..." >&2
  djl+=("$("$root/robustecg" bench --batch-size "$batch" --repeats "$repeats" --json)")
  torch_runs+=("$("$python" "$root/bench/pytorch_reference.py" "$batch" "$repeats")")
done
"$python" - "$rounds" "${djl[@]}" "${torch_runs[@]}" <<'PY'
import json, statistics, sys
rounds = int(sys.argv[1])
runs = [json.loads(a) for a in sys.argv[2:]]
def medians(side):
    return {k: (statistics.median(r[k] for r in side) if isinstance(v, (int, float)) else v) for k, v in side[0].items()}
d, t = medians(runs[:rounds]), medians(runs[rounds:])
b = d["batch_size"]
print(f"{d['device']} vs PyTorch {t['torch']} ({t['threads']} threads), batch {b}, median of {rounds} alternating rounds")
print(f"{'operation':<34}{'DJL ms':>10}{'PyTorch ms':>12}{'DJL/PyTorch':>13}{'DJL samples/s':>15}")
for key, name in [("forward_ms", "forward"), ("train_step_ms", "training step"), ("pgd_step_ms", "PGD step")]:
    print(f"{name:<34}{d[key]:>10.1f}{t[key]:>12.1f}{d[key] / t[key]:>13.2f}{b / d[key] * 1000:>15.0f}")
c, tc = d["caslcnet_pgd_step_ms"], t["caslcnet_pgd_step_ms"]
print(f"{'CASLCNet PGD step, batch 128':<34}{c:>10.1f}{tc:>12.1f}{c / tc:>13.2f}   "
      f"(PGD-100 on 1,000 beats at one radius: DJL {c * 100 * 1000 / 128 / 1000:.0f} s, PyTorch {tc * 100 * 1000 / 128 / 1000:.0f} s)")
print("single kernels, forward + backward (libtorch 2.7.1 under DJL vs PyTorch 1.13, no framework code between):")
for key, name in [("kernel_conv_ms", "  conv 64->128, k3, stride 2, w 94"), ("kernel_group_norm_ms", "  GroupNorm 512 ch, width 2")]:
    print(f"{name:<34}{d[key]:>10.1f}{t[key]:>12.1f}{d[key] / t[key]:>13.2f}")
print(f"DJL training step split: forward+backward {d['backward_only_ms']:.1f} ms, Adamax {d['optimiser_only_ms']:.1f} ms")
print(f"l-inf layer (batch 512, width 512, forward+backward): fast {d['linf_fast_ms']:.1f} ms, "
      f"broadcast {d['linf_broadcast_ms']:.1f} ms, speed-up x{d['linf_speedup']:.1f} (goal >= 5)")
PY
