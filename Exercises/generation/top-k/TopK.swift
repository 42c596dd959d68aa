import Foundation

/// nanoGPT's top-k filter: every logit below the k-th largest becomes −∞; ties with the k-th largest
/// are all kept, so more than k can survive. k ≥ the number of logits changes nothing.
func topK(_ logits: [Double], k: Int) -> [Double] {
  // TODO
  logits
}
