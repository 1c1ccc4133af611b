"""PyTorch reference timings for bench/model-vs-pytorch.sh.

The same full-width ResNet18-1D backbone as RobustECG's (stem conv k=11 stride 2, GroupNorm with 16
channels per group, LeakyReLU 0.01, eight residual blocks 128/128/256/256/512/512/512/512 with strides
2,2,2,2,2,2,1,1, global average pooling, linear classifier) on random 1 x 187 input, 5 classes. Times a
forward pass, a training step (cross-entropy, Adamax) and a PGD step (gradient w.r.t. the input,
parameters frozen); then a PGD step of the full-width CASLCNet (CAS after the last two blocks, a 5-layer exact l-inf
head) on a batch of 128; then two single kernels, forward and backward: the first block's strided convolution
(64 -> 128 channels, width 94) and a GroupNorm of 512 channels on width 2. Prints JSON with the median
milliseconds of each.
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


class Cas(nn.Module):
    """Channel-wise activation suppressing in inference mode: the auxiliary classifier's row of its predicted
    class scales the channels."""

    def __init__(self, channels, classes):
        super().__init__()
        self.aux = nn.Linear(channels, classes)

    def forward(self, h):
        logits = self.aux(h.mean(dim=2))
        rows = self.aux.weight[logits.argmax(dim=1)]
        return h * rows.unsqueeze(2)


class LinfLayer(nn.Module):
    """Exact l-inf distance layer as RobustECG computes it: the arg-max input of every unit found without gradient,
    then |x - w| gathered there; hidden layers subtract their running mean."""

    def __init__(self, inputs, units, mean_shift):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(units, inputs))
        self.bias = nn.Parameter(torch.zeros(units))
        self.register_buffer("running_mean", torch.zeros(units))
        self.mean_shift = mean_shift

    def forward(self, x):
        with torch.no_grad():
            index = (x.unsqueeze(1) - self.weight.unsqueeze(0)).abs().argmax(dim=2)
        xs = x.gather(1, index)
        ws = self.weight.gather(1, index.t()).t()
        out = (xs - ws).abs() + self.bias
        return out - self.running_mean if self.mean_shift else out


class Caslcnet(Backbone):
    """The full-width CASLCNet for beats: the backbone with CAS after its last two blocks and a 5-layer l-inf head."""

    def __init__(self, classes=5):
        super().__init__(classes)
        self.cas = nn.ModuleList([Cas(512, classes), Cas(512, classes)])
        self.linf = nn.Sequential(*[LinfLayer(512, 512 if k < 4 else classes, k < 4) for k in range(5)])

    def forward(self, x):
        h = self.stem(x)
        for i, block in enumerate(self.blocks):
            h = block(h)
            if i >= len(self.blocks) - 2:
                h = self.cas[i - len(self.blocks) + 2](h)
        return -self.linf(h.mean(dim=2))


def pgd_step_of(model, x, y, loss_fn):
    """One PGD step: the input gradient with the parameters frozen, a signed step, clamping."""
    def step():
        for p in model.parameters():
            p.requires_grad_(False)
        leaf = x.clone().requires_grad_(True)
        loss_fn(model(leaf), y).backward()
        (leaf.detach() + 0.01 * leaf.grad.sign()).clamp(0, 1).numpy()
        for p in model.parameters():
            p.requires_grad_(True)
    return step


def kernel_step(op, shape):
    """Forward and backward of one op on a random [batch, channels, width] input (input gradient and, when the op
    has them, parameter gradients): the same kernels timed on both sides, apart from any framework."""
    x0 = torch.randn(*shape)

    def step():
        x = x0.clone().requires_grad_(True)
        op(x).sum().backward()
        x.grad.sum().item()
    return step


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

    conv = nn.Conv1d(64, 128, 3, 2, 1, bias=False)
    group_norm = norm(512)
    caslcnet = Caslcnet().eval()
    xc, yc = x[:128], y[:128]

    result = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "batch_size": batch,
        "forward_ms": median_ms(forward, repeats),
        "train_step_ms": median_ms(train_step, repeats),
        "pgd_step_ms": median_ms(pgd_step_of(model, x, y, loss_fn), repeats),
        "caslcnet_pgd_step_ms": median_ms(pgd_step_of(caslcnet, xc, yc, loss_fn), repeats),
        "kernel_conv_ms": median_ms(kernel_step(conv, (batch, 64, 94)), repeats),
        "kernel_group_norm_ms": median_ms(kernel_step(group_norm, (batch, 512, 2)), repeats),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
