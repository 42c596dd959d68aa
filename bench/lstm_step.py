"""One training step of the reference character LSTM in NumPy (the same model, sizes and work as
bench/NumericsBenchmark/LSTMStep.swift): vocabulary 27, hidden 64, batch 32, window 64; forward,
softmax cross-entropy, backpropagation through time, SGD. Prints the median step time."""
import sys
import time
import numpy as np

V, H, N, T = 27, 64, 32, 64
rng = np.random.default_rng(1)
wx, wh, b = rng.uniform(-0.1, 0.1, (V, 4 * H)), rng.uniform(-0.1, 0.1, (H, 4 * H)), np.zeros(4 * H)
wy, by = rng.uniform(-0.1, 0.1, (H, V)), np.zeros(V)
symbols = rng.integers(0, V, (N, T + 1))
inputs, targets = symbols[:, :T], symbols[:, 1:]
sigmoid = lambda x: 1 / (1 + np.exp(-x))


def step(lr=0.1):
    global wx, wh, b, wy, by
    hs, cs, gates = [np.zeros((N, H))], [np.zeros((N, H))], []
    for t in range(T):
        a = wx[inputs[:, t]] + hs[t] @ wh + b
        i, f, o, g = sigmoid(a[:, :H]), sigmoid(a[:, H:2 * H]), sigmoid(a[:, 2 * H:3 * H]), np.tanh(a[:, 3 * H:])
        c = f * cs[t] + i * g
        tc = np.tanh(c)
        hs.append(o * tc); cs.append(c); gates.append((i, f, o, g, tc))
    dwx, dwh, db, dwy, dby = np.zeros_like(wx), np.zeros_like(wh), np.zeros_like(b), np.zeros_like(wy), np.zeros_like(by)
    loss, dhs = 0.0, []
    for t in range(T):
        scores = hs[t + 1] @ wy + by
        top = scores.max(axis=1, keepdims=True)
        e = np.exp(scores - top)
        total = e.sum(axis=1, keepdims=True)
        loss += (np.log(total[:, 0]) + top[:, 0] - scores[np.arange(N), targets[:, t]]).sum()
        d = e / total
        d[np.arange(N), targets[:, t]] -= 1
        d /= N * T
        dwy += hs[t + 1].T @ d; dby += d.sum(axis=0); dhs.append(d @ wy.T)
    dh_next, dc_next = np.zeros((N, H)), np.zeros((N, H))
    for t in reversed(range(T)):
        i, f, o, g, tc = gates[t]
        dh = dhs[t] + dh_next
        dc = dc_next + dh * o * (1 - tc * tc)
        da = np.concatenate([dc * g * i * (1 - i), dc * cs[t] * f * (1 - f), dh * tc * o * (1 - o), dc * i * (1 - g * g)], axis=1)
        dc_next = dc * f
        dwh += hs[t].T @ da; db += da.sum(axis=0)
        np.add.at(dwx, inputs[:, t], da)
        dh_next = da @ wh.T
    wx -= lr * dwx; wh -= lr * dwh; b -= lr * db; wy -= lr * dwy; by -= lr * dby
    return loss / (N * T)


steps = int(sys.argv[1]) if len(sys.argv) > 1 else 10
first = step()
times = []
for _ in range(steps):
    start = time.perf_counter(); last = step(); times.append(time.perf_counter() - start)
times.sort()
print(f"lstm-step {times[len(times) // 2]:.4f} loss {first:.4f} → {last:.4f}")
