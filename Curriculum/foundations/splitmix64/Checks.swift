import PracticeChecks

// Expected values: the published SplitMix64 test vector (seed 0) and Curriculum/authoring/synth.py run
// at authoring time (seed 42), independent of the reference solution.
let checks = CheckSuite {
  Check(
    "seed-0", "seed 0 gives the published test vector", points: 2,
    hint: "Use &+= and &* (wrapping); shifts are >>, exclusive or is ^."
  ) {
    var generator = SplitMix64(seed: 0)
    let values = [generator.next(), generator.next(), generator.next()]
    try expectEqual(values, [0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f], "first three")
  }
  Check("seed-42", "seed 42 gives the reference values", points: 1, dependsOn: ["seed-0"]) {
    // synth.SplitMix64(42): 0xbdd732262feb6e95, 0x28efe333b266f103, 0x47526757130f9f52
    var generator = SplitMix64(seed: 42)
    let values = [generator.next(), generator.next(), generator.next()]
    try expectEqual(values, [0xbdd7_3226_2feb_6e95, 0x28ef_e333_b266_f103, 0x4752_6757_130f_9f52], "first three")
  }
  Check(
    "uniform", "uniform() of seed 42 starts with 0.7415648787718233", points: 1, dependsOn: ["seed-0"],
    hint: "Double(next() >> 11) * 0x1p-53: the top 53 bits, scaled into [0, 1)."
  ) {
    // synth.SplitMix64(42).uniform() = 0.7415648787718233
    var generator = SplitMix64(seed: 42)
    try expectEqual(generator.uniform(), 0.7415648787718233, "uniform()")
  }
  Check("uniform-statistics", "10⁶ uniforms lie in [0, 1) with mean 0.5 ± 0.002", points: 1, dependsOn: ["uniform"]) {
    // The mean of 10⁶ uniforms has standard deviation 1/√(12·10⁶) ≈ 0.00029: 0.002 is 7σ.
    var generator = SplitMix64(seed: 7)
    var sum = 0.0
    for _ in 0..<1_000_000 {
      let value = generator.uniform()
      try expect(value >= 0 && value < 1, "uniform() returned \(value), outside [0, 1)")
      sum += value
    }
    try expectClose(sum / 1_000_000, 0.5, absolute: 0.002, "mean of 10⁶ uniforms")
  }
}
