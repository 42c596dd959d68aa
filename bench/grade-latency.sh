#!/usr/bin/env bash
# Grade latency on one exercise (information-theory/entropy) with its reference solution, release
# build of practice, 2-core machine. In one run, on the same learner code and checks, it times
# (wall and CPU — the machine's busy time during the command, all cores — side by side; the rounds
# of a, a-nosb, b and b1 are interleaved, so load on this shared machine falls on all alike):
#   cold    practice grade with an empty cache (builds the check support module, then the program)
#   a       practice grade, warm, after an edit (compiles the learner's module and the checks
#           against the cached support modules, in the bubblewrap sandbox, runs there, records)
#   a-nosb  the same with --no-sandbox
#   a'      practice grade, warm, unchanged code (the program built before is reused)
#   b       the floor: the same two bare `swiftc` compiles (learner module, then checks + link)
#           against the prebuilt support modules, then running the program
#   b1      for reference: one bare `swiftc` of everything as one module (the build before the
#           learner's code became a module of its own)
#   c       the same checks as a SwiftPM package (library + XCTest target), `swift test` after an
#           edit, warm (what an Exercism-style runner does)
# and prints medians and the ratios a/b (target ≤ 1.3), a/a-nosb (what the sandbox costs) and c/a
# (target ≥ 1.5).
# Usage: scripts/bench [RUNS]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
runs="${1:-5}"
"$root/scripts/practice" --version >/dev/null   # build the release binary if needed
bin="$root/.build/release/practice"
export PRACTICE_HOME="$root"
exercise="$root/Curriculum/information-theory/entropy"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
stats() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %.3f s  (min %.3f, max %.3f, n=%d)", m, a[1], a[NR], NR}'; }
# Busy CPU time of the whole machine so far, in seconds (/proc/stat, all cores). Used instead of
# the command's own rusage: processes in bubblewrap's PID namespace are never waited for by the
# command, so rusage misses them. On an otherwise idle machine the difference is the command's.
busy() { awk '/^cpu / {printf "%.2f\n", ($2 + $3 + $4 + $7 + $8 + $9) / 100}' /proc/stat; }
# timed NAME CMD…: appends "wall cpu" of CMD to $tmp/NAME.
timed() {
  local name="$1"; shift
  local s e c0 c1
  c0=$(busy); s=$(now)
  "$@" >/dev/null 2>&1
  e=$(now); c1=$(busy)
  printf '%s %s\n' "$(elapsed "$s" "$e")" "$(elapsed "$c0" "$c1")" >>"$tmp/$name"
}
column() { awk -v c="$1" '{print $c}'; }

# --- practice grade --------------------------------------------------------------------------
cd "$tmp"
"$bin" init ws >/dev/null
cd ws
"$bin" start entropy >/dev/null
file=Exercises/information-theory/entropy/Entropy.swift
cp "$exercise/Solution/Entropy.swift" "$file"
s=$(now); "$bin" grade entropy >/dev/null; e=$(now); cold=$(elapsed "$s" "$e")

# --- the floor: bare swiftc + run ------------------------------------------------------------
support="$(ls -d "$XDG_CACHE_HOME"/practice/support/*/ | head -1)"
floor="$tmp/floor"
mkdir -p "$floor/module" "$floor/one"
cp "$exercise/Solution/Entropy.swift" "$floor/Entropy.swift"
cp "$exercise/Checks.swift" "$floor/Checks.swift"
printf 'import PracticeChecks\n\nPracticeChecks.Harness.main(checks)\n' >"$floor/main.swift"
printf 'import PracticeChecks\n\nHarness.main(checks)\n' >"$floor/one/main.swift"
# The interface import the grader appends (entropy's scaffold declares these).
imports="$tmp/imports.swift"
cp "$floor/Checks.swift" "$floor/Checks2.swift"
grep -ohE '^func [A-Za-z0-9_]+' "$root/Exercises/information-theory/entropy/"*.swift | awk '{print "@testable import func Submission." $2}' >>"$floor/Checks2.swift"
libs=(-I "$support" -L "$support" -lPracticeChecks -lPracticeNumerics -I "$support/COpenBLAS")
# shellcheck disable=SC2207
libs+=($(pkg-config --cflags openblas | sed 's/-I/-Xcc -I/g') $(pkg-config --libs openblas))
floor_two() {
  swiftc -Onone -wmo -swift-version 5 -enable-testing -parse-as-library -module-name Submission -emit-module \
    -emit-module-path "$floor/module/Submission.swiftmodule" -c -o "$floor/module/Submission.o" "${libs[@]}" \
    "$floor/Entropy.swift" &&
    swiftc -Onone -wmo -swift-version 5 -module-name Checks -I "$floor/module" -o "$floor/program" \
      "$floor/main.swift" "$floor/Checks2.swift" "$floor/module/Submission.o" "${libs[@]}" &&
    "$floor/program"
}
floor_one() {
  swiftc -Onone -wmo -swift-version 5 -module-name Submission "${libs[@]}" -o "$floor/program1" \
    "$floor/one/main.swift" "$floor/Entropy.swift" "$floor/Checks.swift" && "$floor/program1"
}

for i in $(seq "$runs"); do
  echo "// edit a $i $RANDOM" >>"$file"; timed a "$bin" grade entropy
  echo "// edit n $i $RANDOM" >>"$file"; timed anosb "$bin" grade entropy --no-sandbox
  echo "// edit $i $RANDOM" >>"$floor/Entropy.swift"; timed b floor_two
  echo "// edit $i $RANDOM" >>"$floor/Entropy.swift"; timed b1 floor_one
done
for i in $(seq "$runs"); do timed a2 "$bin" grade entropy; done

# --- SwiftPM package with swift test -----------------------------------------------------------
package="$tmp/package"
mkdir -p "$package/Sources/PracticeChecks" "$package/Sources/PracticeNumerics" "$package/Sources/Submission" \
  "$package/Tests/SubmissionTests"
cp "$root"/Sources/PracticeChecks/*.swift "$package/Sources/PracticeChecks/"
cp "$root"/Sources/PracticeNumerics/*.swift "$package/Sources/PracticeNumerics/"
cp -r "$root/Sources/COpenBLAS" "$package/Sources/COpenBLAS"
cp "$exercise/Solution/Entropy.swift" "$exercise/Checks.swift" "$package/Sources/Submission/"
cat >"$package/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
  name: "Submission",
  targets: [
    .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas"),
    .target(name: "PracticeNumerics", dependencies: ["COpenBLAS"]),
    .target(name: "PracticeChecks", dependencies: ["PracticeNumerics"]),
    .target(name: "Submission", dependencies: ["PracticeChecks"], swiftSettings: [.swiftLanguageMode(.v5)]),
    .testTarget(name: "SubmissionTests", dependencies: ["Submission", "PracticeChecks"]),
  ]
)
SWIFT
cat >"$package/Tests/SubmissionTests/ChecksTests.swift" <<'SWIFT'
import PracticeChecks
import XCTest
@testable import Submission

final class ChecksTests: XCTestCase {
  func testChecks() throws {
    for check in checks.checks { try check.run() }
  }
}
SWIFT
(cd "$package" && swift build --build-tests >/dev/null 2>&1 && swift test >/dev/null 2>&1)   # warm it up
for i in $(seq "$runs"); do
  echo "// edit $i $RANDOM" >>"$package/Sources/Submission/Entropy.swift"
  timed c bash -c "cd '$package' && swift test"
done

report() { # NAME LABEL
  printf '%-8s %-40s wall %s\n' "$1" "$2" "$(column 1 <"$tmp/$1" | stats)"
  printf '%-8s %-40s cpu  %s\n' "" "" "$(column 2 <"$tmp/$1" | stats)"
}
printf 'cold     practice grade, empty cache:            %.3f s\n' "$cold"
report a "practice grade, warm, after an edit"
report anosb "the same, --no-sandbox"
report a2 "practice grade, warm, unchanged"
report b "bare swiftc ×2 + run (the floor)"
report b1 "bare swiftc ×1, one module + run"
report c "swift test (SwiftPM), after an edit"
ratio() { echo "$(column "$3" <"$tmp/$1" | median) / $(column "$3" <"$tmp/$2" | median)" | bc -l; }
printf 'wall: a/b = %.2f (target <= 1.3)   a/a-nosb = %.2f   b/b1 = %.2f   c/a = %.2f (target >= 1.5)\n' \
  "$(ratio a b 1)" "$(ratio a anosb 1)" "$(ratio b b1 1)" "$(ratio c a 1)"
printf 'cpu:  a/b = %.2f   a/a-nosb = %.2f   b/b1 = %.2f   c/a = %.2f\n' \
  "$(ratio a b 2)" "$(ratio a anosb 2)" "$(ratio b b1 2)" "$(ratio c a 2)"
