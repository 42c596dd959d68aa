import CProcessShim

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP during a grade: they only set a flag while `during` runs;
/// the child process loop sees it, kills the compiler or the program with everything they started,
/// and throws `GraderError.interrupted`, so staging folders are removed on the way out and nothing
/// half-made is recorded. The caller exits with 128 + the signal.
package enum Interruption {
  /// Runs `body` with the signals caught (nested scopes share one flag).
  package static func during<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    practice_interrupts_begin()
    defer { practice_interrupts_end() }
    return try body()
  }

  /// The signal received in the current scope, if any.
  package static var pending: Int32? {
    let signal = practice_interrupt_pending()
    return signal == 0 ? nil : signal
  }

  /// Ends the running grade as `signal` would (from any thread: the child process loop polls
  /// the flag every 50 ms and kills what it started); false when no grade is running.
  @discardableResult
  package static func request(_ signal: Int32) -> Bool {
    practice_interrupt_request(signal) == 1
  }

  /// Throws `.interrupted` when a signal arrived in the current scope.
  package static func check() throws(GraderError) {
    if let signal = pending { throw .interrupted(signal) }
  }
}
