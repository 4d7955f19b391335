import Foundation

/// What one `hwc` command line returned and printed.
public struct Outcome: CustomStringConvertible, Sendable {
  public let code: Int32
  public let out: String
  public let err: String

  public init(code: Int32, out: String, err: String) {
    self.code = code
    self.out = out
    self.err = err
  }

  /// Lines written to standard error, without the final line break.
  public var errLines: [String] { err.split(separator: "\n").map(String.init) }

  public var description: String { "exit \(code)\n--- stdout\n\(out)--- stderr\n\(err)" }
}

/// A running child process (usually the built `hwc`) whose output goes to files, so that a test
/// can start several before waiting for any, or kill one mid-way.
public final class ChildProcess {
  public let process = Process()
  let outPath: String
  let errPath: String
  let out: FileHandle
  let err: FileHandle

  /// Starts `executable arguments` without waiting for it; `HWC_DB` and `HWC_USER` are removed
  /// from the inherited environment, `extra` is added. `input`, when given, is the process's
  /// standard input (from a file `output.in`); else it inherits this one's.
  public init(
    _ executable: String, _ arguments: [String], output: String,
    environment extra: [String: String] = [:], input: String? = nil
  ) throws {
    outPath = output + ".out"
    errPath = output + ".err"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["HWC_DB"] = nil
    environment["HWC_USER"] = nil
    environment.merge(extra) { $1 }
    process.environment = environment
    process.standardOutput = out
    process.standardError = err
    if let input {
      let inPath = output + ".in"
      _ = FileManager.default.createFile(atPath: inPath, contents: Data(input.utf8))
      process.standardInput = FileHandle(forReadingAtPath: inPath)
    }
    try process.run()
  }

  /// Waits for the process to end and returns what it did (a signal's number as the code when
  /// one ended it: see `signalled`).
  public func wait() throws -> Outcome {
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Outcome(
      code: process.terminationStatus,
      out: try String(contentsOfFile: outPath, encoding: .utf8),
      err: try String(contentsOfFile: errPath, encoding: .utf8))
  }

  /// Whether a signal (not `exit`) ended the process; only meaningful after `wait()`.
  public var signalled: Bool { process.terminationReason == .uncaughtSignal }

  /// The `hwc` built next to this test bundle: beside `/proc/self/exe` (or `argv[0]`), or a few
  /// folders up (a macOS bundle nests its binary in `Contents/MacOS`).
  public static func hwc() -> String? {
    var starts: [String] = []
    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.append(target)
    }
    if let first = CommandLine.arguments.first {
      starts.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().path)
    }
    for start in starts {
      var folder = URL(fileURLWithPath: start).deletingLastPathComponent()
      for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("hwc").path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder),
          !isFolder.boolValue, FileManager.default.isExecutableFile(atPath: candidate)
        {
          return candidate
        }
        folder.deleteLastPathComponent()
      }
    }
    return nil
  }

  /// Runs a `/bin/sh` script as an account that file permissions bind: this one, or `nobody`
  /// when the tests run as root (root may write a 0555 folder, so a check would prove nothing).
  public static func shellAsUnprivileged(
    _ script: String, environment: [String: String]
  ) throws -> Outcome {
    if geteuid() == 0 {
      return try run(
        "/usr/bin/setpriv",
        ["--reuid=65534", "--regid=65534", "--clear-groups", "--", "/bin/sh", "-c", script],
        environment: environment)
    }
    return try run("/bin/sh", ["-c", script], environment: environment)
  }

  /// Runs `executable arguments` to its end, its output read through pipes; the environment is
  /// `environment`, else this process's.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      code: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
      err: String(decoding: errData, as: UTF8.self))
  }

  /// `word` quoted for `/bin/sh`.
  public static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
