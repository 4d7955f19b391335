import Foundation
import HWCTestSupport
import Testing

/// The transcripts in `Tests/HWCCLITests/Transcripts/` and the files their commands read.
enum Transcripts {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Transcripts")

  /// The transcript the README's walkthrough shows, command for command.
  static let walkthrough = "walkthrough.transcript"

  /// The environment of every command: the register is `district.sqlite` in the working
  /// directory, as in the README (`export HWC_DB=district.sqlite`); no `HWC_USER`.
  static let environment = ["HWC_DB": "district.sqlite"]

  /// `RECORD_GOLDEN=1` rewrites the expected outputs instead of comparing (as for the reports).
  static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

  /// The transcript files, by name.
  static func names() -> [String] {
    files().filter { $0.hasSuffix(".transcript") }
  }

  /// The files copied into the working directory before a transcript runs: all but the
  /// transcripts and the folder's README.
  static func inputs() -> [String] {
    files().filter { !$0.hasSuffix(".transcript") && $0 != "README.md" }
  }

  static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  static func load(_ name: String) throws -> Transcript {
    try Transcript.parse(String(contentsOf: url(name), encoding: .utf8))
  }

  private static func files() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
  }
}

/// Runs a transcript's commands, in order, in a fresh register.
///
/// `hwc` runs in-process through the harness (`Workspace.run`), because only there is its clock
/// stopped (`Workspace.clock`, 2026-06-15T09:30:00Z): the executable dates money, registrations
/// and documents by the system clock, so its output would change from day to day. File names in
/// the commands are relative, as a user types them, so the process's working directory is
/// switched to the workspace while the commands run; one transcript at a time, and no other test
/// uses relative paths.
enum TranscriptRunner {
  private static let workingDirectory = NSLock()

  /// What a step whose command is not `hwc …` gives.
  struct NotHWC: Error, CustomStringConvertible {
    let step: Transcript.Step
    var description: String { "line \(step.line): a command must start with hwc: \(step.command)" }
  }

  static func run(_ transcript: Transcript) throws -> [Outcome] {
    let commands = try transcript.steps.map { step in
      let words = try step.words()
      guard words.first == "hwc" else { throw NotHWC(step: step) }
      return Array(words.dropFirst())
    }
    let workspace = Workspace()
    // The README shows every password option a user types; the harness adds none.
    workspace.provesActors = false
    for name in Transcripts.inputs() {
      try FileManager.default.copyItem(
        at: Transcripts.url(name), to: URL(fileURLWithPath: workspace.path(name)))
    }
    workingDirectory.lock()
    defer { workingDirectory.unlock() }
    let previous = FileManager.default.currentDirectoryPath
    guard FileManager.default.changeCurrentDirectoryPath(workspace.directory) else {
      throw CocoaError(.fileNoSuchFile)
    }
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    return commands.map { workspace.run($0, environment: Transcripts.environment) }
  }

  /// Why a step's outcome is not the one written, as a diff naming the step; nil when equal.
  static func difference(_ step: Transcript.Step, _ outcome: Outcome, file: String) -> String? {
    guard
      variablesHidden(step.out) != variablesHidden(outcome.out)
        || variablesHidden(step.err) != variablesHidden(outcome.err) || step.exit != outcome.code
    else {
      return nil
    }
    var message = "\(file):\(step.line): $ \(step.command)\n"
    if step.exit != outcome.code {
      message += "exit status: expected \(step.exit), got \(outcome.code)\n"
    }
    if step.out != outcome.out {
      message += "stdout (- expected, + actual):\n"
      message += LineDiff.render(expected: step.out, actual: outcome.out)
    }
    if step.err != outcome.err {
      message += "stderr (- expected, + actual):\n"
      message += LineDiff.render(expected: step.err, actual: outcome.err)
    }
    return message + "(RECORD_GOLDEN=1 make test rewrites the transcript; review the diff)"
  }

  /// `text` with what differs from run to run hidden: anchors' hashes (`anchorsHidden`) and
  /// the time `hwc backup` took (`in 0.41 s (copy 0.12 s)`).
  static func variablesHidden(_ text: String) -> String {
    anchorsHidden(text).replacing(
      #/ in \d+\.\d\d s \(copy \d+\.\d\d s\), checked /#, with: " in <time>, checked ")
  }

  /// `text` with the hash of every printed audit anchor (`N:` and 16 hex digits) replaced by
  /// `N:<hash>`. One of the two substitutions the comparison makes: passphrase salts are random, users'
  /// audited states hold a digest of them, so the chain's hashes differ from run to run. The
  /// entry number is still compared; the hash is checked by `AnchorTests`.
  static func anchorsHidden(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let colon = rest.firstIndex(of: ":") {
      let digits = rest[..<colon].reversed().prefix { $0.isNumber }
      let hex = rest[rest.index(after: colon)...].prefix(17)
      let isAnchor =
        !digits.isEmpty && hex.prefix(16).count == 16
        && hex.prefix(16).allSatisfy { $0.isHexDigit && !$0.isUppercase }
        && (hex.count == 16 || !hex.last!.isHexDigit)
      result += rest[...colon]
      rest = rest[rest.index(after: colon)...]
      if isAnchor {
        result += "<hash>"
        rest = rest.dropFirst(16)
      }
    }
    return result + rest
  }

  /// Writes `transcript` with `outcomes` as its expected outputs, after checking that the file
  /// reads back the same (no output line may look like a marker).
  static func record(_ transcript: Transcript, _ outcomes: [Outcome], to url: URL) throws {
    let text = transcript.replacingOutputs(outcomes).rendered()
    let reread = try Transcript.parse(text).steps
    guard reread.count == outcomes.count else {
      Issue.record("recording would change the number of steps; an output line reads as a marker")
      return
    }
    for (step, outcome) in zip(reread, outcomes)
    where step.out != outcome.out || step.err != outcome.err || step.exit != outcome.code {
      Issue.record(
        "cannot record `\(step.command)`: a line of its output reads as a marker of the format")
      return
    }
    try Data(text.utf8).write(to: url)
  }
}
