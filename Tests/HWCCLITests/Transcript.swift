import HWCTestSupport

/// A CLI transcript: `hwc` command lines, each with the standard output, standard error and exit
/// status it must give (the format is described in `Transcripts/README.md`).
///
/// ```
/// # a comment
///
/// $ hwc claimant add --name "Yerlan Bekov" --id 880512300411 \
///     --district Kaztalov --as dauren
/// added claimant Yerlan Bekov (88********11), Kaztalov
///
/// $ hwc approve KAZ-2026-0002 --as aliya
/// [stderr]
/// hwc: aliya has already approved KAZ-2026-0002; a second, different committee member must approve it
/// [exit 1]
///
/// ```
struct Transcript: Equatable {
  /// One command and what it printed.
  struct Step: Equatable {
    /// The command as typed after `$ `, continuation lines included.
    var command: String
    /// The line of the `$` in the file, from 1.
    var line: Int
    var out: String
    var err: String
    var exit: Int32

    /// The command's words, `hwc` first.
    func words() throws -> [String] { try ShellWords.split(command) }
  }

  /// A part of the file: comment and blank lines kept as written, or a step.
  enum Part: Equatable {
    case text([String])
    case step(Step)
  }

  /// What the file format cannot read, with the line at fault.
  struct FormatError: Error, CustomStringConvertible {
    let line: Int
    let problem: String
    var description: String { "line \(line): \(problem)" }
  }

  static let stderrMarker = "[stderr]"
  static let noNewlineMarker = "[no newline at end]"

  var parts: [Part]

  var steps: [Step] {
    parts.compactMap {
      if case .step(let step) = $0 { return step }
      return nil
    }
  }

  /// True for a line that starts a step.
  static func isCommand(_ line: Substring) -> Bool { line.hasPrefix("$ ") }

  /// True for a comment line: `#` alone or followed by a space (`#16` is output, not a comment).
  static func isComment(_ line: Substring) -> Bool { line == "#" || line.hasPrefix("# ") }

  /// `[exit N]` gives N.
  static func exitCode(_ line: Substring) -> Int32? {
    guard line.hasPrefix("[exit "), line.hasSuffix("]") else { return nil }
    return Int32(line.dropFirst(6).dropLast())
  }

  /// Reads a transcript file.
  static func parse(_ text: String) throws -> Transcript {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if text.hasSuffix("\n") { lines.removeLast() }
    var parts: [Part] = []
    var loose: [String] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      guard isCommand(line) else {
        guard line.isEmpty || isComment(line) else {
          throw FormatError(
            line: index + 1, problem: "expected `$ hwc …`, a `# comment` or a blank line: \(line)")
        }
        loose.append(String(line))
        index += 1
        continue
      }
      if !loose.isEmpty { parts.append(.text(loose)) }
      loose = []
      let start = index + 1
      var command = String(line.dropFirst(2))
      while command.hasSuffix("\\"), index + 1 < lines.count {
        index += 1
        command += "\n" + lines[index]
      }
      index += 1
      var body: [Substring] = []
      while index < lines.count, !isCommand(lines[index]), !isComment(lines[index]) {
        body.append(lines[index])
        index += 1
      }
      guard body.last == "" else {
        throw FormatError(line: start, problem: "a step must end with one blank line")
      }
      body.removeLast()
      var exit: Int32 = 0
      if let last = body.last, let code = exitCode(last) {
        exit = code
        body.removeLast()
      }
      var out = body[...]
      var err: ArraySlice<Substring> = []
      if let marker = body.firstIndex(of: Substring(stderrMarker)) {
        out = body[..<marker]
        err = body[(marker + 1)...]
      }
      parts.append(
        .step(Step(command: command, line: start, out: stream(out), err: stream(err), exit: exit)))
    }
    if !loose.isEmpty { parts.append(.text(loose)) }
    return Transcript(parts: parts)
  }

  /// The text of one stream from its lines.
  private static func stream(_ lines: ArraySlice<Substring>) -> String {
    guard let last = lines.last else { return "" }
    if last == noNewlineMarker { return lines.dropLast().joined(separator: "\n") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The file's text; `parse(rendered())` gives the transcript back unless an output line looks
  /// like a marker (`$ `, `# `, `[stderr]`, `[exit N]`), which `TranscriptRunner` refuses to record.
  func rendered() -> String {
    var text = ""
    for part in parts {
      switch part {
      case .text(let lines):
        for line in lines { text += line + "\n" }
      case .step(let step):
        text += "$ " + step.command + "\n"
        text += Self.render(step.out)
        if !step.err.isEmpty { text += Self.stderrMarker + "\n" + Self.render(step.err) }
        if step.exit != 0 { text += "[exit \(step.exit)]\n" }
        text += "\n"
      }
    }
    return text
  }

  private static func render(_ stream: String) -> String {
    if stream.isEmpty || stream.hasSuffix("\n") { return stream }
    return stream + "\n" + noNewlineMarker + "\n"
  }

  /// The same transcript with each step's outputs replaced, in order.
  func replacingOutputs(_ outcomes: [Outcome]) -> Transcript {
    var remaining = outcomes[...]
    return Transcript(
      parts: parts.map { part in
        guard case .step(var step) = part, let outcome = remaining.popFirst() else { return part }
        step.out = outcome.out
        step.err = outcome.err
        step.exit = outcome.code
        return .step(step)
      })
  }
}
