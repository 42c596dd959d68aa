#!/usr/bin/env bash
# History at scale: a workspace with N attempts (default 10,000, made with git fast-import in the
# format `practice grade` writes), then the time of `practice` (status), `practice log`,
# `git log practice/attempts` (for comparison), and of recording one attempt in process
# (record-benchmark: blobs, tree, commit, compare-and-swap), release builds, medians of 5.
# Targets: record ≤ 20 ms; status ≤ 100 ms; log ≤ 300 ms at 10,000 attempts.
# Usage: bash bench/history.sh [RUNS] [ATTEMPTS]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
runs="${1:-5}"
count="${2:-10000}"
"$root/scripts/practice" --version >/dev/null
swift build --package-path "$root" -c release --product record-benchmark >&2
bin="$root/.build/release/practice"
export PRACTICE_HOME="$root"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"

now() { date +%s.%N; }
stats() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %.1f ms  (min %.1f, max %.1f, n=%d)", m*1000, a[1]*1000, a[NR]*1000, NR}'; }
timeit() {
  for _ in $(seq "$runs"); do
    local s e
    s=$(now)
    "$@" >/dev/null
    e=$(now)
    echo "$e - $s" | bc -l
  done | stats
}

cd "$tmp"
"$bin" init ws >/dev/null
cd ws
s=$(now)
python3 "$root/bench/make-history.py" "$count"
e=$(now)
printf 'generated %s attempts with git fast-import in %.1f s\n' "$(git rev-list --count practice/attempts)" "$(echo "$e - $s" | bc -l)"
printf 'practice (status):           %s\n' "$(timeit "$bin")"
printf 'practice list:               %s\n' "$(timeit "$bin" list)"
printf 'practice log:                %s\n' "$(timeit "$bin" log)"
printf 'practice log entropy:        %s\n' "$(timeit "$bin" log entropy)"
printf 'git log practice/attempts:   %s\n' "$(timeit git log practice/attempts)"
"$root/.build/release/record-benchmark" "$tmp/ws" 200
