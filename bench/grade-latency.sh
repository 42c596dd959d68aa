#!/usr/bin/env bash
# Grade latency on one exercise (information-theory/entropy) with its reference solution, release
# build of practice, 2-core machine. In one run, on the same learner code and checks, it times:
#   cold    practice grade with an empty cache (builds the check support module, then the program)
#   a       practice grade, warm, after an edit (compiles learner + checks against the cached module)
#   a'      practice grade, warm, unchanged code (the program built before is reused)
#   b       the floor: a bare `swiftc` compile of the same files against the prebuilt module, then
#           running the program
#   c       the same checks as a SwiftPM package (library + XCTest target), `swift test` after an
#           edit, warm (what an Exercism-style runner does)
# and prints medians and the ratios a/b (target ≤ 1.3) and c/a (target ≥ 1.5).
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

# --- practice grade --------------------------------------------------------------------------
cd "$tmp"
"$bin" init ws >/dev/null
cd ws
"$bin" start entropy >/dev/null
file=Exercises/information-theory/entropy/Entropy.swift
cp "$exercise/Solution/Entropy.swift" "$file"
grade() { local s e; s=$(now); "$bin" grade entropy >/dev/null; e=$(now); elapsed "$s" "$e"; }
cold=$(grade)
for i in $(seq "$runs"); do echo "// edit $i $RANDOM" >>"$file"; grade; done >"$tmp/a"
for i in $(seq "$runs"); do grade; done >"$tmp/a2"

# --- the floor: bare swiftc + run ------------------------------------------------------------
support="$(ls -d "$XDG_CACHE_HOME"/practice/support/*/ | head -1)"
floor="$tmp/floor"
mkdir -p "$floor"
cp "$exercise/Solution/Entropy.swift" "$floor/Entropy.swift"
cp "$exercise/Checks.swift" "$floor/Checks.swift"
printf 'import PracticeChecks\n\nHarness.main(checks)\n' >"$floor/main.swift"
for i in $(seq "$runs"); do
  echo "// edit $i $RANDOM" >>"$floor/Entropy.swift"
  s=$(now)
  # shellcheck disable=SC2046
  swiftc -Onone -wmo -swift-version 5 -module-name Submission -I "$support" -L "$support" -lPracticeChecks \
    -lPracticeNumerics -I "$support/COpenBLAS" $(pkg-config --cflags openblas | sed 's/-I/-Xcc -I/g') \
    $(pkg-config --libs openblas) -o "$floor/program" "$floor/main.swift" "$floor/Entropy.swift" "$floor/Checks.swift"
  "$floor/program" >/dev/null
  e=$(now)
  elapsed "$s" "$e"
done >"$tmp/b"

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
  s=$(now)
  (cd "$package" && swift test >/dev/null 2>&1)
  e=$(now)
  elapsed "$s" "$e"
done >"$tmp/c"

a=$(median <"$tmp/a")
b=$(median <"$tmp/b")
c=$(median <"$tmp/c")
printf 'cold   practice grade, empty cache:        %.3f s\n' "$cold"
printf 'a      practice grade, warm, after an edit: %s\n' "$(stats <"$tmp/a")"
printf "a'     practice grade, warm, unchanged:     %s\n" "$(stats <"$tmp/a2")"
printf 'b      bare swiftc + run (the floor):       %s\n' "$(stats <"$tmp/b")"
printf 'c      swift test (SwiftPM), after an edit: %s\n' "$(stats <"$tmp/c")"
printf 'a/b = %.2f (target <= 1.3)   c/a = %.2f (target >= 1.5)\n' "$(echo "$a / $b" | bc -l)" "$(echo "$c / $a" | bc -l)"
