#!/usr/bin/env bash
# Matrix multiplication, Double, at 64, 256 and 1024: PracticeNumerics (OpenBLAS through
# Tensor.matmul, release build) against NumPy on the same machine (best of repeated runs, GFLOP/s).
# Target: ≥ 0.8× NumPy at 256 and 1024.
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
