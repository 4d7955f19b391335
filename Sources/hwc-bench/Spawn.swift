import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One finished child process: exit status, wall time, peak resident memory, what it printed.
struct Finished {
  let status: Int32
  /// Whole-process wall time, from spawn to exit, on the monotonic clock.
  let seconds: Double
  /// The child's largest resident set (`ru_maxrss` from `wait4`), in KiB.
  let peakKiB: Int
  let stdout: String
  let stderr: String
}

/// Why the bench stopped.
struct BenchError: Error, CustomStringConvertible {
  let description: String
}

/// Runs child processes with `posix_spawnp` and `wait4`, so each one's wall time and peak memory
/// are its own, with no wrapper process around it.
struct Spawner {
  /// Where each child's stdout and stderr go (rewritten on every run).
  let scratch: String

  /// Runs `program` with `arguments`; stdin from `input` (a file) or /dev/null.
  func run(
    _ program: String, _ arguments: [String], environment extra: [String: String] = [:],
    input: String? = nil, keepOutput: Bool = true
  ) throws -> Finished {
    let outPath = keepOutput ? scratch + "/last.stdout" : "/dev/null"
    let errPath = scratch + "/last.stderr"
    var environment = ProcessInfo.processInfo.environment
    for (key, value) in extra { environment[key] = value }
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var pid = pid_t()
    let start = ContinuousClock.now
    let code = posix_spawnp(&pid, program, &actions, nil, argv, envp)
    guard code == 0 else {
      throw BenchError(description: "cannot run \(program): \(String(cString: strerror(code)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else {
        throw BenchError(description: "waiting for \(program): \(String(cString: strerror(errno)))")
      }
    }
    let elapsed = ContinuousClock.now - start
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Finished(
      status: exit, seconds: seconds, peakKiB: Int(usage.ru_maxrss),
      stdout: keepOutput ? (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" : "",
      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
  }
}
