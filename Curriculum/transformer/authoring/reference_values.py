"""Authoring-time derivation of the transformer module's expected values, with numpy (float64).

Independent of the Swift reference solutions: the formulas of PyTorch / nanoGPT / llm.c written
out here. Run `python3 Curriculum/transformer/authoring/reference_values.py`; every number quoted in
a Checks.swift of this module is printed by this script, under the name of its exercise.
"""

import math

import numpy as np

np.set_printoptions(precision=17)

print("layer-norm: x = [1, 2, 3, 4], gamma = 1, beta = 0, eps = 1e-5, biased variance, eps inside the sqrt")
x = np.array([1.0, 2.0, 3.0, 4.0])
print("  ", repr((x - x.mean()) / np.sqrt(x.var() + 1e-5)))
print("  Annotated Transformer convention (unbiased std, eps 1e-6 added to the std):",
      repr((x - x.mean()) / (x.std(ddof=1) + 1e-6)))
print("  unbiased variance, eps inside:", repr((x - x.mean()) / np.sqrt(x.var(ddof=1) + 1e-5)))
print("  without eps:", repr((x - x.mean()) / x.std()))
x = np.linspace(-1.0, 2.0, 12).reshape(3, 4)
gamma, beta = np.array([1.0, 0.5, -2.0, 1.5]), np.array([0.1, 0.0, -0.3, 0.2])
y = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-5) * gamma + beta
print("  linspace(-1, 2, 12) as 3x4 with gamma [1, .5, -2, 1.5], beta [.1, 0, -.3, .2]:", repr(y.reshape(-1)))

print("positional-encoding: PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(same)")


def pe(T, d):
    out = np.zeros((T, d))
    for pos in range(T):
        for i in range(0, d, 2):
            angle = pos / 10000 ** (i / d)
            out[pos, i] = math.sin(angle)
            if i + 1 < d:
                out[pos, i + 1] = math.cos(angle)
    return out


print("  PE(pos 1, d 4):", repr(pe(2, 4)[1]))
print("  PE(pos 3, d 6):", repr(pe(4, 6)[3]))


def softmax_rows(s):
    s = s - s.max(-1, keepdims=True)
    p = np.exp(s)
    return p / p.sum(-1, keepdims=True)


print("attention: Q, K, V of CONTENT.md 3.3, causal, scale 1/sqrt(2)")
Q = np.array([[1.0, 0], [0, 1], [1, 1]])
K = np.array([[1.0, 0], [0, 1], [1, -1]])
V = np.array([[1.0, 2], [3, 4], [5, 6]])
causal = np.tril(np.ones((3, 3))) > 0
for name, scale, masked_after in [("correct", 1 / math.sqrt(2), False), ("no 1/sqrt(d)", 1.0, False),
                                   ("mask after softmax", 1 / math.sqrt(2), True)]:
    s = Q @ K.T * scale
    if masked_after:
        w = softmax_rows(s) * causal
    else:
        w = softmax_rows(np.where(causal, s, -np.inf))
    print(f"  {name}: weights", repr(w.reshape(-1)), "out", repr((w @ V).reshape(-1)))
s = Q @ K.T / math.sqrt(2)
w = softmax_rows(np.where(causal, s, -np.inf).T).T
print("  softmax over the wrong axis (columns): weights", repr(w.reshape(-1)))
strict = np.tril(np.ones((3, 3)), -1) > 0
print("  mask off by one (diagonal masked too): row 0 has no allowed key")

print("gelu (tanh form, GPT-2 / llm.c): 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))")


def gelu(x):
    return 0.5 * x * (1 + math.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))


print("  gelu(1) =", repr(gelu(1.0)), " gelu(-1) =", repr(gelu(-1.0)), " gelu(2.5) =", repr(gelu(2.5)))
print("  erf form: gelu(1) =", repr(0.5 * (1 + math.erf(1 / math.sqrt(2)))))

print("schedules:")
z = np.array([2.0, 1.0, 0.0, -1.0, -2.0])
logp = z - z.max() - math.log(np.exp(z - z.max()).sum())
for eps in [0.0, 0.1]:
    q = (1 - eps) * np.eye(5)[0] + eps / 5
    print(f"  label-smoothed CE, eps {eps}, eps/V convention:", repr(-(q * logp).sum()))
q = 0.9 * np.eye(5)[0] + 0.1 / 4 * (1 - np.eye(5)[0])
print("  eps 0.1, eps/(V-1) convention:", repr(-(q * logp).sum()))


def noam(step, d, factor=1.0, warmup=4000):
    return factor * d ** -0.5 * min(step ** -0.5, step * warmup ** -1.5)


for step in [1, 4000, 8000]:
    print(f"  noam({step}, 512, 1, 4000) =", repr(noam(step, 512)))


def get_lr(it, lr=1e-3, min_lr=1e-4, warmup=100, decay=5000):
    if it < warmup:
        return lr * (it + 1) / (warmup + 1)
    if it > decay:
        return min_lr
    ratio = (it - warmup) / (decay - warmup)
    return min_lr + 0.5 * (1.0 + math.cos(math.pi * ratio)) * (lr - min_lr)


for it in [0, 50, 100, 2550, 5000, 6000]:
    print(f"  nanoGPT get_lr({it}) =", repr(get_lr(it)))
