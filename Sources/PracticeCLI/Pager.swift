import CProcessShim
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The pager for long text, run the way git runs its pager: in practice's own process group (so it
/// is in the terminal's foreground group and may read keys and set the terminal's modes; a pager
/// in a group of its own is stopped by the kernel with SIGTTOU/SIGTTIN, and a parent waiting for it
/// hangs), reading the text from a pipe. `$PAGER` is run directly when it is a plain command line,
/// through `/bin/sh -c` when it has shell syntax; unset or empty, `less -RFXK` (`-K`: Ctrl-C quits).
/// While it runs, Ctrl-C, SIGTERM and SIGHUP only set a flag in practice (the pager, in the same
/// group, gets them itself); a pager still running after one is sent SIGTERM. Never waits on a
/// stopped child: a pager stopped by SIGTTOU/SIGTTIN is killed and the text printed instead.
struct Pager {
  enum Result: Equatable {
    case shown
    /// Could not be started, or was stopped by the kernel: the caller prints the text.
    case unavailable
    /// Ended by a signal to practice (Ctrl-C is 2).
    case interrupted(Int32)
  }

  let arguments: [String]

  init(command: String?) {
    let command = (command ?? "").trimmingCharacters(in: .whitespaces)
    if command.isEmpty {
      arguments = ["less", "-RFXK"]
    } else if command.contains(where: { "|&;<>()$`\\\"'*?[#~=%{}".contains($0) }) {
      arguments = ["/bin/sh", "-c", command]
    } else {
      arguments = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
  }

  func show(_ text: String) -> Result {
    var fds: [Int32] = [-1, -1]
    guard practice_pipe_cloexec(&fds) == 0 else { return .unavailable }
    let (readEnd, writeEnd) = (fds[0], fds[1])
    let previousPipe = signal(SIGPIPE, SIG_IGN)  // a pager quit early: EPIPE, not death
    practice_interrupts_begin()
    defer {
      practice_interrupts_end()
      signal(SIGPIPE, previousPipe)
    }
    var argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = withEnvironmentBlock { envp in practice_spawn_pager(&pid, argv[0], &argv, envp, readEnd) }
    close(readEnd)
    guard spawned == 0 else {
      close(writeEnd)
      return .unavailable
    }
    Self.writeAll(Array(text.utf8), to: writeEnd)
    close(writeEnd)
    return wait(for: pid)
  }

  /// Writes until done, the pager has gone (EPIPE) or a signal arrived.
  private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
      } else if written < 0 && errno == EINTR && practice_interrupt_pending() == 0 {
        continue
      } else {
        return
      }
    }
  }

  private func wait(for pid: pid_t) -> Result {
    var signalled = false
    var status: Int32 = 0
    while true {
      let waited = waitpid(pid, &status, WUNTRACED)
      if waited == pid {
        if Self.stoppedBySignal(status) {
          let stop = (status >> 8) & 0xff
          if stop == SIGTTOU || stop == SIGTTIN {
            // Not in the terminal's foreground after all (the shell moved us): never wait on it.
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return practice_interrupt_pending() == 0 ? .unavailable : .interrupted(practice_interrupt_pending())
          }
          continue  // Ctrl-Z: practice was stopped with it; after `fg` both go on
        }
        break
      }
      if waited < 0 && errno != EINTR { break }
      if practice_interrupt_pending() != 0 && !signalled {
        signalled = true
        kill(pid, SIGTERM)  // a pager that ignores Ctrl-C (less without -K) quits on SIGTERM
      }
    }
    let pending = practice_interrupt_pending()
    return pending == 0 ? .shown : .interrupted(pending)
  }

  private static func stoppedBySignal(_ status: Int32) -> Bool { (status & 0xff) == 0x7f }
}

/// Calls `body` with a NULL-terminated copy of the process environment.
private func withEnvironmentBlock(_ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Int32) -> Int32 {
  let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { envp.forEach { free($0) } }
  return envp.withUnsafeBufferPointer { block in block.baseAddress.map(body) ?? ENOMEM }
}
