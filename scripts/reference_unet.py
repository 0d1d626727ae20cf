#!/usr/bin/python3
"""PyTorch reference of the DDPM U-Net (Ho et al. 2020, diffusion_tf/models/unet.py).

Benchmark (default):
  /usr/bin/python3 scripts/reference_unet.py [--model PRESET] [--batch B] [--iters N]
                                             [--threads N] [--warmup W]
                                             [--precision fp32|bf16|autocast] [--device cpu|cuda]
  --precision bf16 puts the model, its inputs and Adam in bfloat16 (every tensor bf16).
  --precision autocast runs the forward pass and the loss under torch.autocast(dtype=torch.bfloat16)
  with fp32 weights, as a PyTorch user would; LibTorch 1.13's CPU autocast stops at GroupNorm
  ("expected scalar type BFloat16 but found Float"), so on Debian's PyTorch it needs CUDA.
Parameter-count check:
  /usr/bin/python3 scripts/reference_unet.py --check
"""
import argparse
import json
import math
import os
import resource
import sys
import time

PRESETS = {
    # name: (ch, ch_mult, num_res_blocks, attn_resolutions, dropout, image channels, image size)
    "tiny": (16, (1, 2), 1, (8,), 0.0, 1, 16),
    "reference": (32, (1, 2, 2), 2, (8,), 0.1, 1, 32),
    "cifar": (128, (1, 2, 2, 2), 2, (16,), 0.1, 3, 32),
}
EXPECTED_PARAMS = {"tiny": 176_849, "reference": 1_623_169, "cifar": 35_746_307}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", default="reference", choices=sorted(PRESETS))
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--iters", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--precision", default="fp32", choices=("fp32", "bf16", "autocast"))
    p.add_argument("--device", default="cpu", choices=("cpu", "cuda"))
    p.add_argument("--check", action="store_true",
                   help="print parameter counts of all presets; exit non-zero on mismatch")
    return p.parse_args()


ARGS = parse_args()
# Must happen before torch is imported: libtorch's OpenMP pool plus OpenBLAS's
# own thread pool oversubscribe the cores otherwise.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", str(ARGS.threads))

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402


def Normalize(c):
    # 32 groups as in the official code, at least 4 channels a group (core/unet.cpp explains why).
    groups = max(1, min(32, c // 4))
    while c % groups:
        groups -= 1
    return nn.GroupNorm(num_groups=groups, num_channels=c, eps=1e-6)


def timestep_embedding(t, dim):
    # diffusion_tf/nn.py get_timestep_embedding
    assert dim % 2 == 0
    half = dim // 2
    freqs = torch.exp(torch.arange(half, dtype=torch.float32, device=t.device)
                      * (-math.log(10000.0) / (half - 1)))
    args = t.float()[:, None] * freqs[None, :]
    return torch.cat([torch.sin(args), torch.cos(args)], dim=1)


class ResBlock(nn.Module):
    def __init__(self, in_ch, out_ch, temb_ch, dropout):
        super().__init__()
        self.norm1 = Normalize(in_ch)
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, padding=1)
        self.temb_proj = nn.Linear(temb_ch, out_ch)
        self.norm2 = Normalize(out_ch)
        self.dropout = nn.Dropout(dropout)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, padding=1)
        self.shortcut = nn.Conv2d(in_ch, out_ch, 1) if in_ch != out_ch else nn.Identity()

    def forward(self, x, temb):
        h = self.conv1(F.silu(self.norm1(x)))
        h = h + self.temb_proj(F.silu(temb))[:, :, None, None]
        h = self.conv2(self.dropout(F.silu(self.norm2(h))))
        return self.shortcut(x) + h


class AttnBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.norm = Normalize(c)
        self.q = nn.Conv2d(c, c, 1)
        self.k = nn.Conv2d(c, c, 1)
        self.v = nn.Conv2d(c, c, 1)
        self.proj_out = nn.Conv2d(c, c, 1)

    def forward(self, x):
        B, C, H, W = x.shape
        h = self.norm(x)
        q = self.q(h).reshape(B, C, H * W)
        k = self.k(h).reshape(B, C, H * W)
        v = self.v(h).reshape(B, C, H * W)
        w = torch.bmm(q.transpose(1, 2), k) * (C ** -0.5)  # [B, HW(query), HW(key)]
        w = torch.softmax(w, dim=2)
        h = torch.bmm(v, w.transpose(1, 2)).reshape(B, C, H, W)  # h[:, c, i] = sum_j w[i, j] v[c, j]
        return x + self.proj_out(h)


class Downsample(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv = nn.Conv2d(c, c, 3, stride=2, padding=1)

    def forward(self, x):
        return self.conv(x)


class Upsample(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv = nn.Conv2d(c, c, 3, padding=1)

    def forward(self, x):
        return self.conv(F.interpolate(x, scale_factor=2.0, mode="nearest"))


class UNet(nn.Module):
    def __init__(self, ch, ch_mult, num_res_blocks, attn_resolutions, dropout, in_ch, resolution):
        super().__init__()
        self.ch = ch
        self.num_levels = len(ch_mult)
        self.num_res_blocks = num_res_blocks
        temb_ch = 4 * ch
        self.temb_dense0 = nn.Linear(ch, temb_ch)
        self.temb_dense1 = nn.Linear(temb_ch, temb_ch)
        self.conv_in = nn.Conv2d(in_ch, ch, 3, padding=1)

        # Down path
        hs_ch = [ch]
        cur, res = ch, resolution
        self.down_blocks = nn.ModuleList()
        self.down_attns = nn.ModuleList()
        self.downsamples = nn.ModuleList()
        for i, mult in enumerate(ch_mult):
            blocks, attns = nn.ModuleList(), nn.ModuleList()
            for _ in range(num_res_blocks):
                blocks.append(ResBlock(cur, ch * mult, temb_ch, dropout))
                cur = ch * mult
                attns.append(AttnBlock(cur) if res in attn_resolutions else nn.Identity())
                hs_ch.append(cur)
            self.down_blocks.append(blocks)
            self.down_attns.append(attns)
            if i != self.num_levels - 1:
                self.downsamples.append(Downsample(cur))
                res //= 2
                hs_ch.append(cur)
            else:
                self.downsamples.append(nn.Identity())

        # Middle
        self.mid_block1 = ResBlock(cur, cur, temb_ch, dropout)
        self.mid_attn = AttnBlock(cur)
        self.mid_block2 = ResBlock(cur, cur, temb_ch, dropout)

        # Up path (stored in forward order: index 0 = deepest level)
        self.up_blocks = nn.ModuleList()
        self.up_attns = nn.ModuleList()
        self.upsamples = nn.ModuleList()
        for i in reversed(range(self.num_levels)):
            blocks, attns = nn.ModuleList(), nn.ModuleList()
            for _ in range(num_res_blocks + 1):
                blocks.append(ResBlock(cur + hs_ch.pop(), ch * ch_mult[i], temb_ch, dropout))
                cur = ch * ch_mult[i]
                attns.append(AttnBlock(cur) if res in attn_resolutions else nn.Identity())
            self.up_blocks.append(blocks)
            self.up_attns.append(attns)
            if i != 0:
                self.upsamples.append(Upsample(cur))
                res *= 2
            else:
                self.upsamples.append(nn.Identity())
        assert not hs_ch

        self.norm_out = Normalize(cur)
        self.conv_out = nn.Conv2d(cur, in_ch, 3, padding=1)

    def forward(self, x, t):
        temb = timestep_embedding(t, self.ch).to(x.dtype)
        temb = self.temb_dense1(F.silu(self.temb_dense0(temb)))

        hs = [self.conv_in(x)]
        for i in range(self.num_levels):
            for block, attn in zip(self.down_blocks[i], self.down_attns[i]):
                hs.append(attn(block(hs[-1], temb)))
            if i != self.num_levels - 1:
                hs.append(self.downsamples[i](hs[-1]))

        h = hs[-1]
        h = self.mid_block1(h, temb)
        h = self.mid_attn(h)
        h = self.mid_block2(h, temb)

        for blocks, attns, up in zip(self.up_blocks, self.up_attns, self.upsamples):
            for block, attn in zip(blocks, attns):
                h = attn(block(torch.cat([h, hs.pop()], dim=1), temb))
            h = up(h)
        assert not hs

        return self.conv_out(F.silu(self.norm_out(h)))


def build(name):
    ch, ch_mult, nrb, attn, dropout, img_ch, size = PRESETS[name]
    return UNet(ch, ch_mult, nrb, attn, dropout, img_ch, size), (img_ch, size)


def count_params(model):
    return sum(p.numel() for p in model.parameters())


def check():
    ok = True
    for name in PRESETS:
        model, (c, s) = build(name)
        n = count_params(model)
        with torch.no_grad():
            out = model(torch.randn(2, c, s, s), torch.tensor([0, 999]))
        shape_ok = tuple(out.shape) == (2, c, s, s)
        exp = EXPECTED_PARAMS.get(name)
        status = "ok" if (exp is None or n == exp) and shape_ok else "MISMATCH"
        if status != "ok":
            ok = False
        print(f"{name}: params={n:,} expected={exp if exp is None else f'{exp:,}'} "
              f"out_shape={tuple(out.shape)} {status}")
    return 0 if ok else 1


def bench(a):
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    dev = torch.device(a.device)
    model, (c, s) = build(a.model)
    dtype = torch.bfloat16 if a.precision == "bf16" else torch.float32
    model.to(device=dev, dtype=dtype)
    n_params = count_params(model)
    B = a.batch

    def autocast():
        return torch.autocast(device_type=dev.type, dtype=torch.bfloat16, enabled=a.precision == "autocast")

    def sync():
        if dev.type == "cuda":
            torch.cuda.synchronize()

    T = 1000
    betas = torch.linspace(1e-4, 0.02, T, dtype=torch.float64)
    alphas_bar = torch.cumprod(1.0 - betas, dim=0).float().to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=2e-4)

    def train_step():
        x0 = torch.rand(B, c, s, s, device=dev, dtype=dtype) * 2 - 1
        t = torch.randint(0, T, (B,), device=dev)
        eps = torch.randn(B, c, s, s, device=dev, dtype=dtype)
        ab = alphas_bar[t][:, None, None, None].to(dtype)
        xt = ab.sqrt() * x0 + (1 - ab).sqrt() * eps
        with autocast():
            loss = F.mse_loss(model(xt, t).float(), eps.float())  # no bf16 mse_loss on the CPU in 1.13
        opt.zero_grad(set_to_none=False)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss

    model.train()
    for _ in range(a.warmup):
        train_step()
    sync()
    t0 = time.perf_counter()
    for _ in range(a.iters):
        train_step()
    sync()
    train_s = time.perf_counter() - t0

    model.eval()
    x = torch.randn(B, c, s, s, device=dev, dtype=dtype)
    tt = torch.randint(0, T, (B,), device=dev)
    with torch.no_grad(), autocast():
        for _ in range(a.warmup):
            model(x, tt)
        sync()
        t0 = time.perf_counter()
        for _ in range(a.iters):
            model(x, tt)
        sync()
        den_s = time.perf_counter() - t0

    print(json.dumps({
        "impl": "pytorch-python",
        "model": a.model,
        "params": n_params,
        "batch": B,
        "threads": torch.get_num_threads(),
        "train_img_per_s": B * a.iters / train_s,
        "denoise_img_steps_per_s": B * a.iters / den_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "device": a.device,
        "precision": a.precision,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(check() if ARGS.check else bench(ARGS))
