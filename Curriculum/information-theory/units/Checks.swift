import PracticeChecks

// Expected values: Python's math module at authoring time (x / math.log(2), math.exp(x)),
// independent of the reference solution; by hand where noted. Tolerance 1e-9 relative.
let checks = CheckSuite {
  Check(
    "nanogpt", "nanoGPT's 1.4697 nats/char is 2.1203 bits/char, perplexity 4.348", points: 1,
    hint: "bits = nats / ln 2; perplexity = e^nats."
  ) {
    // math: 1.4697 / log(2) = 2.1203289015945095; exp(1.4697) = 4.347930566216434
    try expectClose(natsToBits(1.4697), 2.1203289015945095, relative: 1e-9, "natsToBits(1.4697)") {
      abs($0 - 1.4697 * 0.6931471805599453) < 1e-9 ? "you multiplied by ln 2: that converts bits to nats" : nil
    }
    try expectClose(perplexity(nats: 1.4697), 4.347930566216434, relative: 1e-9, "perplexity(nats: 1.4697)")
  }
  Check("gpt2", "GPT-2 350M's 2.85 nats/token is 4.1117 bits, perplexity 17.29", points: 1) {
    // math: 2.85 / log(2) = 4.111680866533546; exp(2.85) = 17.28778184056764
    try expectClose(natsToBits(2.85), 4.111680866533546, relative: 1e-9, "natsToBits(2.85)")
    try expectClose(perplexity(nats: 2.85), 17.28778184056764, relative: 1e-9, "perplexity(nats: 2.85)")
  }
  Check("uniform", "a uniform guess over V symbols has perplexity V", points: 1) {
    // By hand: loss ln 65 nats = log₂ 65 bits (6.022367813028454, math.log2(65)); perplexity 65; 2³ = 8.
    let loss = 4.174387269895637  // math.log(65)
    try expectClose(natsToBits(loss), 6.022367813028454, relative: 1e-9, "natsToBits(ln 65)")
    try expectClose(perplexity(nats: loss), 65, relative: 1e-9, "perplexity(nats: ln 65)")
    try expectClose(perplexity(bits: 3), 8, relative: 1e-12, "perplexity(bits: 3)")
  }
  Check("round-trip", "bits → nats → bits gives the number back; 1 bit is ln 2 nats", points: 1) {
    // By hand: 1 bit = ln 2 nats = 0.6931471805599453.
    try expectClose(bitsToNats(1), 0.6931471805599453, relative: 1e-12, "bitsToNats(1)")
    try forAll(seeds: 1...20, { rng in rng.uniform(0, 10) }) { loss in
      try expectClose(natsToBits(bitsToNats(loss)), loss, relative: 1e-12, "natsToBits(bitsToNats(x))")
      try expectClose(perplexity(bits: natsToBits(loss)), perplexity(nats: loss), relative: 1e-9, "both perplexities")
    }
  }
}
