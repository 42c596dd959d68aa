import PracticeChecks

// Expected values: by hand for the small case; otherwise the library's Tensor.matmul (OpenBLAS
// dgemm), independent of the learner's code and of the reference solution.
func rows(_ tensor: Tensor) -> [[Double]] { (0..<tensor.rows).map { tensor.row($0).data } }

let checks = CheckSuite {
  Check(
    "by-hand", "a (3, 2) × (2, 4) product worked by hand", points: 2,
    hint: "C[i][j] = Σₗ A[i][l]·B[l][j]: row i of A against column j of B."
  ) {
    // By hand: [[1,2],[3,4],[5,6]] × [[1,0,-1,2],[0,1,2,-2]].
    let c = matmul([[1, 2], [3, 4], [5, 6]], [[1, 0, -1, 2], [0, 1, 2, -2]])
    try expectAllClose(c, [[1, 2, 3, -2], [3, 4, 5, -2], [5, 6, 7, -2]], absolute: 0, "product")
  }
  Check("against-blas", "random 64 × 48 × 32 products match OpenBLAS to 1e-12", points: 3, dependsOn: ["by-hand"]) {
    try forAll(
      seeds: 1...3,
      { rng in
        (
          Tensor(randomUniformShape: [64, 48], in: -1...1, seed: rng.next()),
          Tensor(randomUniformShape: [48, 32], in: -1...1, seed: rng.next())
        )
      }
    ) { pair in
      try expectAllClose(matmul(rows(pair.0), rows(pair.1)), rows(pair.0.matmul(pair.1)), absolute: 1e-12, "A·B")
    }
  }
  Check("transpose", "the transpose swaps rows and columns; (AB)ᵀ = BᵀAᵀ", points: 2) {
    try expectAllClose(transpose([[1, 2, 3], [4, 5, 6]]), [[1, 4], [2, 5], [3, 6]], absolute: 0, "transpose")
    let a = Tensor(randomUniformShape: [5, 7], in: -1...1, seed: 9)
    let b = Tensor(randomUniformShape: [7, 3], in: -1...1, seed: 10)
    try expectAllClose(
      transpose(matmul(rows(a), rows(b))), matmul(transpose(rows(b)), transpose(rows(a))), absolute: 1e-12, "(AB)ᵀ")
  }
  Check(
    "size", "a 256 × 256 product finishes (within the time limit) and matches", points: 1, dependsOn: ["against-blas"],
    timeLimit: 20
  ) {
    let a = Tensor(randomUniformShape: [256, 256], in: -1...1, seed: 11)
    let b = Tensor(randomUniformShape: [256, 256], in: -1...1, seed: 12)
    try expectAllClose(matmul(rows(a), rows(b)), rows(a.matmul(b)), absolute: 1e-10, "256³")
  }
}
