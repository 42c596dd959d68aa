"""Authoring-time derivation of the generation module's expected values, with numpy (float64).

Independent of the Swift reference solutions: the sampling rules of llama2.c / nanoGPT / Hugging Face
written out here, and an independent numpy forward pass of the course's reference GPT (the same
model as Curriculum/transformer/authoring/reference_values.py). Run
`python3 Curriculum/generation/authoring/reference_values.py`; the numbers quoted in the checks of
this module are printed by this script under the name of their exercise (small hand-made edge cases
are derived in the checks' comments).
"""

import math

import numpy as np

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


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()


def probs(logits, temperature):
    if temperature == 0:
        out = np.zeros(len(logits))
        out[int(np.argmax(logits))] = 1
        return out
    return softmax(np.asarray(logits) / temperature)


def top_k(logits, k):  # nanoGPT: keep every logit >= the k-th largest
    logits = np.asarray(logits, dtype=float)
    if k >= len(logits):
        return logits
    kth = np.sort(logits)[::-1][k - 1]
    return np.where(logits < kth, -np.inf, logits)


def top_p(p, threshold):  # keep the smallest prefix of the descending sort whose sum >= threshold
    order = np.argsort(-p, kind="stable")
    total, keep = 0.0, []
    for i in order:
        keep.append(i)
        total += p[i]
        if total >= threshold:
            break
    out = np.zeros(len(p))
    out[keep] = p[keep]
    return out / out.sum()


def sample_index(p, u):  # inverse CDF: first index whose cumulative sum exceeds u
    c = 0.0
    for i, pi in enumerate(p):
        c += pi
        if u < c:
            return i
    return max(i for i, pi in enumerate(p) if pi > 0)  # the last token with a positive probability


z = [2.0, 1.0, 0.5, 0.0, -1.0]
g = SplitMix64(42)
coins = [g.uniform() for _ in range(10)]
print("coins SplitMix64(42):", repr(coins))

print("temperature:")
for t in [1.0, 0.5, 2.0]:
    p = probs(z, t)
    print(f"  T = {t}: {p.tolist()!r}  entropy {-(p * np.log2(p)).sum()!r} bits")
print("  T = 0:", probs(z, 0).tolist())

print("top-k:")
print("  k = 2 then softmax:", softmax(top_k(z, 2)).tolist())
print("  ties: logits [1, 2, 2, 0], k = 2 keeps", np.isfinite(top_k([1.0, 2.0, 2.0, 0.0], 2)).tolist(),
      "; k = 1 keeps", np.isfinite(top_k([1.0, 2.0, 2.0, 0.0], 1)).tolist())

print("top-p (keep the prefix whose cumulative sum first reaches p, '>=', the crossing token included):")
p1 = probs(z, 1.0)
print("  sorted cumulative:", np.cumsum(np.sort(p1)[::-1]).tolist())
print("  p = 0.9:", top_p(p1, 0.9).tolist())
print("  p = 0.5:", top_p(p1, 0.5).tolist())
print("  p = p0 exactly (0.5630212318141845):", top_p(p1, p1[0]).tolist())

print("sampler draws with the 10 coins:")
for name, p in [("full softmax", p1), ("T = 0.5", probs(z, 0.5)), ("top-k 2", softmax(top_k(z, 2))),
                ("top-p 0.9", top_p(p1, 0.9))]:
    print(f"  {name}: {[sample_index(p, u) for u in coins]}")
print("  u = 0.98: full", sample_index(p1, 0.98), " top-p 0.9", sample_index(top_p(p1, 0.9), 0.98))
g5 = SplitMix64(5)
coins5 = [g5.uniform() for _ in range(10)]
print("  SplitMix64(5) coins, full:", [sample_index(p1, u) for u in coins5], " top-p 0.9:",
      [sample_index(top_p(p1, 0.9), u) for u in coins5])
print("  T = 0.5 then top-p 0.9, SplitMix64(42):", [sample_index(top_p(probs(z, 0.5), 0.9), u) for u in coins],
      " (top-p before the temperature would give", [sample_index(softmax(np.log(top_p(p1, 0.9) + 1e-300) / 0.5), u)
                                                   for u in coins], ")")

print("generate: the course's reference GPT (SplitMix64(2024), width 16, 2 layers, 2 heads, context 32)")
g = SplitMix64(2024)


def fill(rows, columns):
    return np.array([(2 * g.uniform() - 1) * 0.3 for _ in range(rows * columns)]).reshape(rows, columns)


wte, wpe = fill(27, 16), fill(32, 16)
blocks = [(fill(16, 48), fill(16, 16), fill(16, 64), fill(64, 16)) for _ in range(2)]


def layer_norm(x):
    mean = x.mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(((x - mean) ** 2).mean(-1, keepdims=True) + 1e-5)


def gelu(x):
    return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))


def gpt(tokens):
    T = len(tokens)
    x = wte[tokens] + wpe[:T]
    for wqkv, wo, w1, w2 in blocks:
        q, k, v = np.split(layer_norm(x) @ wqkv, 3, axis=1)
        heads = []
        for i in range(2):
            cols = slice(8 * i, 8 * i + 8)
            s = q[:, cols] @ k[:, cols].T / math.sqrt(8)
            s = np.where(np.tril(np.ones((T, T))) > 0, s, -np.inf)
            w = np.exp(s - s.max(-1, keepdims=True))
            heads.append((w / w.sum(-1, keepdims=True)) @ v[:, cols])
        x = x + np.concatenate(heads, axis=1) @ wo
        x = x + gelu(layer_norm(x) @ w1) @ w2
    return layer_norm(x) @ wte.T


alphabet = " abcdefghijklmnopqrstuvwxyz"


def generate(prompt, count, temperature, seed, context=32):
    tokens = [alphabet.index(c) for c in prompt]
    rng = SplitMix64(seed)
    for _ in range(count):
        logits = gpt(tokens[-context:])[-1]
        if temperature == 0:
            tokens.append(int(np.argmax(logits)))
        else:
            tokens.append(sample_index(softmax(logits / temperature), rng.uniform()))
    return "".join(alphabet[t] for t in tokens)


print("  greedy, 20 new tokens:", repr(generate("hello", 20, 0, 0)))
print("  T = 0.8, SplitMix64(7):", repr(generate("hello", 20, 0.8, 7)))
print("  greedy past the context (40 new tokens, cropping to the last 32):", repr(generate("hello", 40, 0, 0)))
print("  T = 0.8, SplitMix64(7), 40 new tokens (past the context: cropped):", repr(generate("hello", 40, 0.8, 7)))
