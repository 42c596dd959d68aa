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

print("tiny-gpt: reference weights from SplitMix64(2024), (2u - 1)·0.3, in the order wte, wpe, then per layer")
print("  Wqkv, Wo, W1, W2; pre-LN blocks without biases or LN gains, GELU tanh, final LN, tied head")
MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.s = seed & MASK

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * (1.0 / (1 << 53))


g = SplitMix64(2024)


def fill(rows, columns):
    return np.array([(2 * g.uniform() - 1) * 0.3 for _ in range(rows * columns)]).reshape(rows, columns)


wte, wpe = fill(27, 16), fill(32, 16)
blocks = [(fill(16, 48), fill(16, 16), fill(16, 64), fill(64, 16)) for _ in range(2)]


def layer_norm(x):
    mean = x.mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(((x - mean) ** 2).mean(-1, keepdims=True) + 1e-5)


def gelu_tanh(x):
    return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))


def gelu_erf(x):
    return np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.reshape(-1)]).reshape(x.shape)


def gpt(tokens, final_ln=True, positions=True, act=gelu_tanh, scaled=True, pre_ln=True):
    x = wte[tokens] + (wpe[:len(tokens)] if positions else 0)
    T = len(tokens)
    for wqkv, wo, w1, w2 in blocks:
        def attend(h):
            q, k, v = np.split(h @ wqkv, 3, axis=1)
            heads = []
            for i in range(2):
                cols = slice(8 * i, 8 * i + 8)
                s = q[:, cols] @ k[:, cols].T / (math.sqrt(8) if scaled else 1)
                s = np.where(np.tril(np.ones((T, T))) > 0, s, -np.inf)
                heads.append(softmax_rows(s) @ v[:, cols])
            return np.concatenate(heads, axis=1) @ wo
        if pre_ln:
            x = x + attend(layer_norm(x))
            x = x + act(layer_norm(x) @ w1) @ w2
        else:
            x = layer_norm(x + attend(x))
            x = layer_norm(x + act(x @ w1) @ w2)
    return (layer_norm(x) if final_ln else x) @ wte.T


hello = [" abcdefghijklmnopqrstuvwxyz".index(c) for c in "hello"]
logits = gpt(hello)
print("  'hello' logits, last position:", repr(logits[-1]))
print("  'hello' logits, position 0:", repr(logits[0]))
print("  argmax", logits[-1].argmax(), " log-softmax of ' ':",
      repr(logits[-1][0] - logits[-1].max() - math.log(np.exp(logits[-1] - logits[-1].max()).sum())))
for name, kwargs in [("no final LayerNorm", dict(final_ln=False)), ("no position embeddings", dict(positions=False)),
                     ("GELU erf form", dict(act=gelu_erf)), ("attention not scaled", dict(scaled=False)),
                     ("post-LN blocks", dict(pre_ln=False)),
                     ("post-LN blocks, no final LayerNorm", dict(pre_ln=False, final_ln=False))]:
    print(f"  variant {name}: last-position logit[0] = {gpt(hello, **kwargs)[-1][0]!r}")
