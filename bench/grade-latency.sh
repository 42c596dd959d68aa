#!/usr/bin/env bash
# Measures `practice grade` wall time on a passing exercise (information-theory/entropy, reference
# solution), with the release binary:
#   cold   – empty cache: builds the check support module, then the program
#   reuse  – unchanged code: the program built before is reused (run checks + record attempt)
#   edit   – code changed each time: compile learner + checks against the cached support module
# Usage: scripts/bench [RUNS]   (default 5; medians reported)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
runs="${1:-5}"
"$root/scripts/practice" --version >/dev/null   # build the release binary if needed
bin="$root/.build/release/practice"
export PRACTICE_HOME="$root"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"
cd "$tmp"
"$bin" init ws >/dev/null
cd ws
"$bin" start entropy >/dev/null
file=Exercises/information-theory/entropy/Entropy.swift
cp "$root/Curriculum/information-theory/entropy/Solution/Entropy.swift" "$file"

now() { date +%s.%N; }
time_grade() {
  local start end
  start=$(now)
  "$bin" grade entropy >/dev/null
  end=$(now)
  echo "$end - $start" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f s (min %.3f, max %.3f, n=%d)\n", m, a[1], a[NR], NR}'; }

printf 'cold (empty cache):            %.3f s\n' "$(time_grade)"
for i in $(seq "$runs"); do time_grade; done | { printf 'warm, unchanged code (median): '; median; }
for i in $(seq "$runs"); do echo "// edit $i $RANDOM" >>"$file"; time_grade; done | { printf 'warm, after an edit (median):  '; median; }
echo "attempts recorded: $(git rev-list --count practice/attempts)"
