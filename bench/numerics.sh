#!/usr/bin/env bash
# Matrix multiplication, Double, at 64, 256 and 1024: PracticeNumerics (OpenBLAS through
# Tensor.matmul, release build) against NumPy on the same machine (best of repeated runs, GFLOP/s);
# then one training step of the reference character LSTM (vocabulary 27, hidden 64, batch 32,
# window 64) written with the library against the same model in NumPy (bench/lstm_step.py),
# medians of 20 steps. Targets: matmul ≥ 0.8× NumPy at 256 and 1024; the LSTM step no slower.
# Usage: bash bench/numerics.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
swift build --package-path "$root" -c release --product numerics-benchmark >&2
swift_lines="$("$root/.build/release/numerics-benchmark" 64 256 1024)"
numpy_lines="$(python3 - <<'PY'
import time
import numpy as np
for n in (64, 256, 1024):
    rng = np.random.default_rng(1)
    a, b = rng.uniform(-1, 1, (n, n)), rng.uniform(-1, 1, (n, n))
    a @ b
    best, start, reps = float("inf"), time.perf_counter(), 0
    while reps < 3 or time.perf_counter() - start < 0.8:
        t = time.perf_counter(); a @ b; best = min(best, time.perf_counter() - t); reps += 1
    print(f"matmul {n} {2 * n**3 / best / 1e9:.2f}")
PY
)"
printf '%-8s %14s %14s %8s\n' size "Swift GFLOP/s" "NumPy GFLOP/s" ratio
paste <(echo "$swift_lines") <(echo "$numpy_lines") | while read -r _ n s _ _ p; do
  printf '%-8s %14s %14s %8.2f\n' "$n" "$s" "$p" "$(echo "$s / $p" | bc -l)"
done

swift_step="$("$root/.build/release/numerics-benchmark" lstm 20 | awk '{print $2}')"
numpy_step="$(python3 "$root/bench/lstm_step.py" 20 | awk '{print $2}')"
printf 'LSTM step: Swift %.1f ms, NumPy %.1f ms, ratio %.2f (lower is faster)\n' \
  "$(echo "$swift_step * 1000" | bc -l)" "$(echo "$numpy_step * 1000" | bc -l)" "$(echo "$swift_step / $numpy_step" | bc -l)"
