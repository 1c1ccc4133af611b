"""PyTorch reference timings for bench/model-vs-pytorch.sh.

The same full-width ResNet18-1D backbone as RobustECG's (stem conv k=11 stride 2, GroupNorm with 16
channels per group, LeakyReLU 0.01, eight residual blocks 128/128/256/256/512/512/512/512 with strides
2,2,2,2,2,2,1,1, global average pooling, linear classifier) on random 1 x 187 input, 5 classes. Times a
forward pass, a training step (cross-entropy, Adamax) and a PGD step (gradient w.r.t. the input,
parameters frozen). Prints JSON with the median milliseconds of each.
"""
import json
import os
import sys
import time

import torch
from torch import nn


def norm(channels):
    return nn.GroupNorm(max(1, channels // 16), channels)


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv1d(cin, cout, 3, stride, 1, bias=False)
        self.norm1 = norm(cout)
        self.conv2 = nn.Conv1d(cout, cout, 3, 1, 1, bias=False)
        self.norm2 = norm(cout)
        self.skip = nn.Conv1d(cin, cout, 1, stride, 0, bias=False)
        self.skip_norm = norm(cout)
        self.act = nn.LeakyReLU(0.01)

    def forward(self, x):
        h = self.act(self.norm1(self.conv1(x)))
        h = self.norm2(self.conv2(h))
        return self.act(h + self.skip_norm(self.skip(x)))


class Backbone(nn.Module):
    def __init__(self, classes=5):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv1d(1, 64, 11, 2, 5, bias=False), norm(64), nn.LeakyReLU(0.01))
        widths = [128, 128, 256, 256, 512, 512, 512, 512]
        strides = [2, 2, 2, 2, 2, 2, 1, 1]
        blocks, cin = [], 64
        for w, s in zip(widths, strides):
            blocks.append(Block(cin, w, s))
            cin = w
        self.blocks = nn.Sequential(*blocks)
        self.head = nn.Linear(512, classes)

    def forward(self, x):
        return self.head(self.blocks(self.stem(x)).mean(dim=2))


def median_ms(call, repeats):
    for _ in range(3):
        call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return round(times[len(times) // 2], 2)


def main():
    batch = int(sys.argv[1]) if len(sys.argv) > 1 else 256
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    # Debian's build starts with one OpenMP thread; use every core, as DJL's engine does.
    torch.set_num_threads(os.cpu_count())
    torch.manual_seed(1)
    model = Backbone()
    x = torch.rand(batch, 1, 187)
    y = torch.randint(0, 5, (batch,))
    loss_fn = nn.CrossEntropyLoss()
    optimiser = torch.optim.Adamax(model.parameters(), lr=1e-3)

    def forward():
        with torch.no_grad():
            model(x).numpy()

    def train_step():
        optimiser.zero_grad()
        loss_fn(model(x), y).backward()
        optimiser.step()

    def pgd_step():
        for p in model.parameters():
            p.requires_grad_(False)
        leaf = x.clone().requires_grad_(True)
        loss_fn(model(leaf), y).backward()
        (leaf.detach() + 0.01 * leaf.grad.sign()).clamp(0, 1).numpy()
        for p in model.parameters():
            p.requires_grad_(True)

    result = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "batch": batch,
        "forward_ms": median_ms(forward, repeats),
        "train_step_ms": median_ms(train_step, repeats),
        "pgd_step_ms": median_ms(pgd_step, repeats),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
