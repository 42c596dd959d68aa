import PracticeChecks
import Testing

@Suite("Progress values")
struct ProgressValueTests {
  @Test("a training loss says it is the last batch's, in bits per token")
  func trainingLoss() {
    let value = ProgressValue.trainingLoss(bits: 0.52, per: "char")
    #expect(value == ProgressValue("training-loss", 0.52, label: "training loss, last batch", unit: "bits/char"))
    #expect(ProgressValue.trainingLoss(bits: 1, per: "token").unit == "bits/token")
    #expect(ProgressValue("accuracy", 0.9, label: "accuracy").unit == "", "a plain number has no unit")
  }
}
