#!/usr/bin/env bash
# How long the course's training exercises take to grade with their reference solutions (release
# build of practice, warm support cache, 2-core machine): a workspace is made, the exercises that
# lstm/train-char-lstm, lstm/sample-text and transformer/train-char-gpt build on are filled with
# their reference solutions, and those three are graded once. Prints each check's duration (from the grade's JSON), the wall time of
# each grade and the metrics. Target (issues 8 and 9): each reference trains (1000 steps) within 2
# minutes.
# Usage: bash bench/training.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
"$root/scripts/practice" --version >/dev/null   # build the release binary if needed
bin="$root/.build/release/practice"
export PRACTICE_HOME="$root" NO_COLOR=1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" init "$tmp/ws" >/dev/null
cd "$tmp/ws"
for key in foundations/adam lstm/rnn-step lstm/rnn-sequence lstm/embedding lstm/temporal-softmax lstm/lstm-step \
  lstm/lstm-sequence lstm/train-char-lstm lstm/sample-text transformer/layer-norm transformer/attention \
  transformer/attention-backward transformer/multi-head transformer/gelu transformer/tiny-gpt transformer/gpt-backward \
  transformer/schedules transformer/train-char-gpt; do
  "$bin" start "$key" >/dev/null
  cp "$root/Curriculum/$key/Solution/"*.swift "Exercises/$key/"
done
for key in lstm/train-char-lstm lstm/sample-text transformer/train-char-gpt; do
  start=$(date +%s.%N)
  "$bin" grade "$key" --json >"$tmp/result.json" || true
  end=$(date +%s.%N)
  python3 - "$tmp/result.json" "$key" "$(echo "$end - $start" | bc -l)" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]}: {result['score']:g}/{result['maxScore']:g}, grade {float(sys.argv[3]):.1f} s wall")
for check in result["checks"]:
    print(f"  {check['id']:<14} {check['status']:<6} {check['durationMs'] / 1000:7.1f} s")
for name, value in sorted(result["metrics"].items()):
    print(f"  metric {name} = {value:.4f}")
PY
done
