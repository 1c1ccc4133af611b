#!/usr/bin/env bash
# Benchmark: the full-width ResNet18-1D backbone and a PGD step of full-width CASLCNet in DJL (this project) and
# in PyTorch (Debian's python3-torch, bench/pytorch_reference.py), side by side in one run, plus the l-inf layer's
# fast form against the broadcast form. Prints samples/s and the DJL / PyTorch time ratios (goal: <= 1.05).
# Needs: sudo apt-get install python3-torch   (runs /usr/bin/python3, Debian's Python)
# Usage: bench/model-vs-pytorch.sh [batch] [repeats]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
batch="${1:-256}"
repeats="${2:-10}"
python=/usr/bin/python3
"$python" -c "import torch" 2>/dev/null || { echo "needs Debian's python3-torch: sudo apt-get install python3-torch" >&2; exit 1; }
djl="$("$root/robustecg" bench --batch "$batch" --repeats "$repeats" --json)"
torch_json="$("$python" "$root/bench/pytorch_reference.py" "$batch" "$repeats")"
"$python" - "$djl" "$torch_json" <<'PY'
import json, sys
d, t = json.loads(sys.argv[1]), json.loads(sys.argv[2])
b = d["batch"]
print(f"{d['device']} vs PyTorch {t['torch']} ({t['threads']} threads), batch {b}")
print(f"{'operation':<16}{'DJL ms':>10}{'PyTorch ms':>12}{'DJL/PyTorch':>13}{'DJL samples/s':>15}")
for key, name in [("forward_ms", "forward"), ("train_step_ms", "training step"), ("pgd_step_ms", "PGD step")]:
    print(f"{name:<16}{d[key]:>10.1f}{t[key]:>12.1f}{d[key] / t[key]:>13.2f}{b / d[key] * 1000:>15.0f}")
c, tc = d["caslcnet_pgd_step_ms"], t["caslcnet_pgd_step_ms"]
print(f"{'CASLCNet PGD step, batch 128':<30}{c:>8.1f}{tc:>12.1f}{c / tc:>13.2f}   "
      f"(PGD-100 on 1,000 beats at one radius: DJL {c * 100 * 1000 / 128 / 1000:.0f} s, PyTorch {tc * 100 * 1000 / 128 / 1000:.0f} s)")
print(f"DJL training step split: forward+backward {d['backward_only_ms']:.1f} ms, Adamax {d['optimiser_only_ms']:.1f} ms")
print(f"l-inf layer (batch {512}, width 512, forward+backward): fast {d['linf_fast_ms']:.1f} ms, "
      f"broadcast {d['linf_broadcast_ms']:.1f} ms, speed-up x{d['linf_speedup']:.1f} (goal >= 5)")
PY
