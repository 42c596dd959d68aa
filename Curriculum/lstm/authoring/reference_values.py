"""Authoring-time derivation of the lstm module's expected values, with numpy (float64).

Independent of the Swift reference solutions: these are CS231n assignment 3's numpy formulas
(rnn_layers.py), written out here. Run `python3 Curriculum/lstm/authoring/reference_values.py`;
every number quoted in a Checks.swift of this module is printed by this script, with the name of
the check it belongs to.
"""

import math

import numpy as np

np.set_printoptions(precision=17)


def lin(a, b, n, shape=None):
    x = np.linspace(a, b, num=n)
    return x.reshape(shape) if shape else x


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def rnn_forward(x, h0, Wx, Wh, b):  # x (N, T, D)
    h, prev = [], h0
    for t in range(x.shape[1]):
        prev = np.tanh(x[:, t] @ Wx + prev @ Wh + b)
        h.append(prev)
    return np.stack(h, axis=1)


def lstm_forward(x, h0, Wx, Wh, b):  # c0 = 0, gates i, f, o, g
    H = h0.shape[1]
    h, c, out = h0, np.zeros_like(h0), []
    for t in range(x.shape[1]):
        a = x[:, t] @ Wx + h @ Wh + b
        i, f, o, g = sigmoid(a[:, :H]), sigmoid(a[:, H:2 * H]), sigmoid(a[:, 2 * H:3 * H]), np.tanh(a[:, 3 * H:])
        c = f * c + i * g
        h = o * np.tanh(c)
        out.append(h)
    return np.stack(out, axis=1)


def temporal_softmax_loss(scores, y, mask):  # sum over time, mean over N (CS231n)
    N, T, V = scores.shape
    flat = scores.reshape(N * T, V)
    flat = flat - flat.max(axis=1, keepdims=True)
    logp = flat - np.log(np.exp(flat).sum(axis=1, keepdims=True))
    return -(mask.reshape(-1) * logp[np.arange(N * T), y.reshape(-1)]).sum() / N


print("rnn-sequence / forward: CS231n rnn_forward fixture, h as (N, T, H)")
N, T, D, H = 2, 3, 4, 5
h = rnn_forward(lin(-0.1, 0.3, N * T * D, (N, T, D)), lin(-0.3, 0.1, N * H, (N, H)), lin(-0.2, 0.4, D * H, (D, H)),
                lin(-0.4, 0.1, H * H, (H, H)), lin(-0.7, 0.1, H))
print(repr(h.reshape(-1)))

print("lstm-sequence / forward: CS231n lstm_forward fixture, h as (N, T, H)")
N, D, H, T = 2, 5, 4, 3
h = lstm_forward(lin(-0.4, 0.6, N * T * D, (N, T, D)), lin(-0.4, 0.8, N * H, (N, H)),
                 lin(-0.2, 0.9, 4 * D * H, (D, 4 * H)), lin(-0.3, 0.6, 4 * H * H, (H, 4 * H)), lin(0.2, 0.7, 4 * H))
print(repr(h.reshape(-1)))

print("temporal-softmax / known: scores of zeros with V = 10 give ln 10 per scored position")
print(repr(math.log(10)))
scores = lin(-1.0, 1.2, 2 * 3 * 4, (2, 3, 4))
y = np.array([[0, 3, 1], [2, 2, 0]])
mask = np.array([[1, 1, 0], [1, 0, 1]], dtype=float)
print("temporal-softmax / known: linspace(-1, 1.2, 24) as (N, T, V) = (2, 3, 4), y, mask:", repr(
    temporal_softmax_loss(scores, y, mask)))

print("temporal-softmax / known: the same without the mask (all positions scored):", repr(
    temporal_softmax_loss(scores, y, np.ones_like(mask))))
print("temporal-softmax / known: the masked sum averaged over scored positions instead of N:", repr(
    temporal_softmax_loss(scores, y, mask) * 2 / mask.sum()))

for cell, features, expected in [("rnn", (-1.5, 0.3), 9.83235591003), ("lstm", (-0.5, 1.7), 9.82445935443)]:
    N, D, W, H, V, T = 10, 20, 30, 40, 3, 13
    G = 4 * H if cell == "lstm" else H
    p = {name: lin(-1.4, 1.3, int(np.prod(shape)), shape) for name, shape in [
        ("W_proj", (D, H)), ("b_proj", (H,)), ("W_embed", (V, W)), ("Wx", (W, G)), ("Wh", (H, G)), ("b", (G,)),
        ("W_vocab", (H, V)), ("b_vocab", (V,))]}
    feats = lin(features[0], features[1], N * D, (N, D))
    captions = (np.arange(N * T) % V).reshape(N, T)
    cin, cout = captions[:, :-1], captions[:, 1:]
    h0 = feats @ p["W_proj"] + p["b_proj"]
    x = p["W_embed"][cin]
    hs = (lstm_forward if cell == "lstm" else rnn_forward)(x, h0, p["Wx"], p["Wh"], p["b"])
    scores = hs @ p["W_vocab"] + p["b_vocab"]
    loss = temporal_softmax_loss(scores, cout, (cout != 0).astype(float))
    print(f"language-model-loss / {cell}: {loss!r} (CS231n expects {expected})")

print("train-char-lstm / schedule: peak 1e-2, warm-up 100, cosine to 10% over 1000 steps (0-based step s)")


def rate(s, peak=1e-2, warmup=100, total=1000, floor=0.1):
    if s < warmup:
        return peak * (s + 1) / warmup
    progress = (s - warmup) / (total - warmup)
    return peak * (floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * progress)))


for s in [0, 49, 99, 100, 550, 999]:
    print(f"  rate({s}) = {rate(s)!r}")
print("train-char-lstm / initial loss: uniform prediction over 27 characters:", repr(math.log2(27)), "bits")

print("rnn-sequence lesson: gradient norm flowing back through a tanh RNN (H = 64, T = 50, one-hot inputs)")
rng = np.random.default_rng(0)
H, T = 64, 50
for name, scale in [("Wh ~ N(0, (0.5/sqrt H)^2)", 0.5), ("Wh ~ N(0, (3/sqrt H)^2)", 3.0)]:
    Wh = rng.normal(0, scale / np.sqrt(H), (H, H))
    Wx = rng.normal(0, 1 / np.sqrt(27), (27, H))
    xs = np.eye(27)[rng.integers(0, 27, T)]
    h, hs = np.zeros(H), []
    for t in range(T):
        h = np.tanh(xs[t] @ Wx + h @ Wh)
        hs.append(h)
    g, norms = rng.normal(size=H), []
    for t in reversed(range(T)):
        norms.append(np.linalg.norm(g))
        g = (g * (1 - hs[t] ** 2)) @ Wh.T
    print(f"  {name}: |dh| at 0, 10, 20, 30, 49 steps back:", ", ".join(f"{norms[k]:.2e}" for k in [0, 10, 20, 30, 49]))

print("train-char-lstm / optimum: exact -log2 p(char | window so far) under Corpus W's own chain")
# Corpus W (CONTENT.md §3.2; the same generator as Curriculum/authoring/synth.py and PracticeNumerics).
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

    def below(self, n):
        return self.next() % n

    def categorical(self, p):
        u, c = self.uniform(), 0.0
        for i, pi in enumerate(p):
            c += pi
            if u < c:
                return i
        return len(p) - 1


g = SplitMix64(7)
words, seen = [], set()
while len(words) < 64:
    n = 2 + g.below(6)
    w = "".join("bcdfghjklmnpqrstvwxyz"[g.below(21)] if k % 2 == 0 else "aeiou"[g.below(5)] for k in range(n))
    if w not in seen:
        seen.add(w)
        words.append(w)
chain = np.zeros((64, 64))
for a in range(64):
    count, successors = 3 + g.below(6), []
    while len(successors) < count:
        b = g.below(64)
        if b not in successors:
            successors.append(b)
    weights = [g.uniform() ** 2 + 0.05 for _ in successors]
    for b, weight in zip(successors, weights):
        chain[a, b] = weight / sum(weights)
assert words[:3] == ["fefuj", "basoca", "xayeza"], words[:3]


def sample_words(characters, seed):
    g, w, text = SplitMix64(seed), 0, ""
    for _ in range(1000):
        w = g.categorical(chain[w])
    while len(text) < characters:
        w = g.categorical(chain[w])
        text += words[w] + " "
    return text[:characters]


pi = np.full(64, 1 / 64)
for _ in range(100000):
    new = pi @ chain
    if np.abs(new - pi).max() < 1e-15:
        break
    pi = new
# A hidden Markov model over (word, letter position) states: state (w, k) emits letter k of w, or
# the space after it when k = len(w). A window starts anywhere, so from the stationary distribution
# over states (pi[w] / mean length for each position of w); the exact predictive distribution of
# the next character is the forward filter's.
states = [(w, k) for w in range(64) for k in range(len(words[w]) + 1)]
index = {state: i for i, state in enumerate(states)}
alphabet = " abcdefghijklmnopqrstuvwxyz"
emission = np.zeros((len(states), 27))
transition = np.zeros((len(states), len(states)))
prior = np.zeros(len(states))
for (w, k), i in index.items():
    prior[i] = pi[w]
    if k < len(words[w]):
        emission[i, alphabet.index(words[w][k])] = 1
        transition[i, index[(w, k + 1)]] = 1
    else:
        emission[i, 0] = 1
        for b in range(64):
            transition[i, index[(b, 0)]] = chain[w, b]
prior /= prior.sum()
validation = [alphabet.index(c) for c in sample_words(100_000, 12)]
total, scored = 0.0, 0
for window in range(1024):
    chars = validation[window * 64:window * 64 + 65]  # 64 inputs, 64 targets (shifted by one)
    belief = prior.copy()
    for t in range(65):
        predictive = belief @ emission
        if t >= 17:  # target positions 16…63 of the 64 predicted characters
            total -= math.log2(predictive[chars[t]])
            scored += 1
        belief = belief * emission[:, chars[t]]
        belief = (belief / belief.sum()) @ transition
print(f"  optimum over {scored} scored characters: {total / scored!r} bits/char (CONTENT.md §2.3: 0.39686)")
