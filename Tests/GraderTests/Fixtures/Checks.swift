import PracticeChecks

let checks = CheckSuite {
  Check("adds", "2 + 3 = 5", points: 1, hint: "Addition, not subtraction.") {
    try expectEqual(add(2, 3), 5, "add(2, 3)")
  }
  Check("mean", "the mean of 1…4 is 2.5", points: 2) {
    try expectClose(mean([1, 2, 3, 4]), 2.5, absolute: 1e-12, "mean([1, 2, 3, 4])")
  }
  Check("mean-of-one", "the mean of one number is that number", points: 1, dependsOn: ["mean"]) {
    try expectClose(mean([7]), 7, absolute: 1e-12, "mean([7])")
  }
  Check("third", "the third element of [1, 2, 3] is 3", points: 1) {
    try expectEqual(third([1, 2, 3]), 3, "third([1, 2, 3])")
  }
  Check("countdown", "counting down from 5 ends at 0", points: 1, timeLimit: 1) {
    try expectEqual(countdown(5), 0, "countdown(5)")
  }
  Check("after", "checks after a crash still run", points: 1) {
    report("answer", 42, unit: "things", bar: .atLeast(40), reference: 42)
    show(sample: "first line\nsecond\u{1B}[31m line", label: "echo")
    show(note: "a note")
    try expectEqual(add(1, 1), 2, "add(1, 1)")
  }
}
