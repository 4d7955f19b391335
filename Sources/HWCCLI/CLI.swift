import HWCCore
import HWCDomain
import HWCRegister
import HWCStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `hwc` command line: finds the command, parses its options, runs it, maps errors to exit
/// codes (0 done, 1 refused or invalid, 2 usage).
public enum CLI {
  /// Every command, in the order help lists them.
  public static let commands: [CommandSpec] =
    InitCommand.specs + SessionCommands.specs + UserCommands.specs
    + UserLifecycleCommands.specs + ClaimantCommands.specs + ComplaintCommands.specs
    + RulesCommands.specs + FactCommands.specs + PolicyCommands.specs + AuditCommands.specs
    + MoneyCommands.specs + DecisionCommands.specs + ReportCommands.specs
    + DocumentCommands.specs + DemoCommand.specs + MaintenanceCommands.specs
    + CorrectionCommands.specs
    + EmergencyCommands.specs

  /// Runs `hwc` as a process: real arguments, environment, stdout and stderr; exits.
  public static func main() -> Never {
    let output = StandardStreams()
    let console = Console(
      out: { output.write($0, to: 1) }, err: { output.write($0, to: 2) },
      errorIsTerminal: isatty(2) == 1,
      readSecret: Terminal.isInteractive
        ? { prompt in
          output.flush()
          return Terminal.readSecret(prompt)
        } : nil)
    let code = run(
      Array(CommandLine.arguments.dropFirst()), environment: processEnvironment(),
      console: console, origin: .current)
    output.flush()
    exit(code)
  }

  /// Runs one command line and returns its exit code.
  /// `origin` is the OS account and host recorded in audit entries (tests pin it).
  public static func run(
    _ words: [String], environment: [String: String], console: Console, clock: Clock = .system,
    origin: AuditOrigin? = .current
  ) -> Int32 {
    do {
      return try dispatch(
        words, environment: environment, console: console, clock: clock, origin: origin)
    } catch let error as UsageError {
      console.error("hwc: \(error.message)")
      if let spec = error.spec { console.error("usage: \(spec.usage)") }
      return 2
    } catch {
      console.error("hwc: \(message(for: error))")
      return 1
    }
  }

  /// One sentence for an error, never a stack of internals; SQLite errors keep their code.
  static func message(for error: any Error) -> String {
    switch error {
    case let error as DomainError: return error.description
    case let error as RegisterError: return error.description
    case let error as MigrationError: return error.description
    case let error as SQLiteError where error.primaryCode == 5:
      return "the register is busy with another writer for too long; try again"
    case let error as SQLiteError: return fileProblem(error) ?? error.description
    case let error as CustomStringConvertible: return error.description
    default: return "\(error)"
    }
  }

  /// One sentence, without SQLite's words, for a database error a person fixes outside hwc:
  /// a file that cannot be written, a full disk, a file that is not a register, a damaged one.
  static func fileProblem(_ error: SQLiteError) -> String? {
    let file = error.file ?? "file"
    switch error.primaryCode {
    case 8:  // SQLITE_READONLY
      return "the register \(file) is read-only: this account may not write it or its folder, "
        + "or it is on read-only media; nothing was changed (copy it somewhere writable, or ask "
        + "for write access)"
    case 14 where error.file != nil && !writable(file):  // SQLITE_CANTOPEN
      return "the register \(file) is read-only: this account may not write it or its folder, "
        + "or it is on read-only media; nothing was changed (copy it somewhere writable, or ask "
        + "for write access)"
    case 10 where [ENOSPC, EFBIG, EDQUOT].contains(error.systemErrno):  // SQLITE_IOERR
      return fileProblem(SQLiteError(code: 13, message: "", sql: nil, file: error.file))
    case 13:  // SQLITE_FULL
      return "the disk holding \(file) is full (or a file size limit was reached): the command "
        + "stopped and its unfinished change was undone; free some space and run it again"
    case 26:  // SQLITE_NOTADB
      return RegisterError.notARegister(path: file, empty: false).description
    case 11:  // SQLITE_CORRUPT
      return "the register \(file) is damaged; run 'hwc check' on a copy and restore it from "
        + "a backup"
    default: return nil
    }
  }

  /// True when this account may write `path` and the folder holding it.
  private static func writable(_ path: String) -> Bool {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    return access(path, W_OK) == 0 && access(folder, W_OK) == 0
  }

  private static func dispatch(
    _ words: [String], environment: [String: String], console: Console, clock: Clock,
    origin: AuditOrigin?
  ) throws -> Int32 {
    let words = hoistLeadingOptions(words)
    let path = words.prefix { !$0.hasPrefix("-") }
    // The longest declared path the words start with.
    let match = commands.filter { path.starts(with: $0.path) }.max { $0.path.count < $1.path.count }
    guard let spec = match else {
      return try unknown(Array(path), words: words, console: console)
    }
    let rest = Array(words.dropFirst(spec.path.count))
    let (values, arguments) = try ArgumentParser.parse(rest, spec: spec)
    if values["help"] != nil {
      console.print(Help.command(spec))
      return 0
    }
    var invocation = Invocation(
      spec: spec, values: values, arguments: arguments, environment: environment,
      console: console, clock: clock, origin: origin)
    guard spec.traits.contains(.mutating) else { return try spec.run(invocation) }
    // A command that changes the register proves its actor before it does anything, on the
    // register it then changes (opened once).
    invocation.shared = SharedRegister()
    invocation.proven = try ActorProof.prove(invocation)
    let code = try spec.run(invocation)
    if code == 0, let proven = invocation.proven {
      try invocation.openRegister().recordActivity(proven)
    }
    return code
  }

  /// Moves shared options written before the command (`hwc --db x.sqlite init`) after it.
  static func hoistLeadingOptions(_ words: [String]) -> [String] {
    var leading: [String] = []
    var index = 0
    while index < words.count {
      let word = words[index]
      if ["--db", "--as", "--password-file"].contains(word), index + 1 < words.count {
        leading += [word, words[index + 1]]
        index += 2
      } else if word.hasPrefix("--db=") || word.hasPrefix("--as=") || word == "--json" {
        leading.append(word)
        index += 1
      } else {
        break
      }
    }
    guard !leading.isEmpty else { return words }
    let rest = Array(words[index...])
    let path = rest.prefix { !$0.hasPrefix("-") }
    return Array(path) + leading + rest.dropFirst(path.count)
  }

  /// No command matched: top-level or group help, or a suggestion for a mistyped word.
  private static func unknown(_ path: [String], words: [String], console: Console) throws -> Int32 {
    let helpAsked = words.contains("--help") || words.contains("-h")
    if path.isEmpty {
      console.print(Help.group([], specs: commands))
      return helpAsked ? 0 : 2
    }
    // The longest prefix of the words that is a command group.
    var group: [String] = []
    for word in path {
      let candidate = group + [word]
      if commands.contains(where: { $0.path.starts(with: candidate) }) {
        group = candidate
      } else {
        break
      }
    }
    if group.count == path.count {
      console.print(Help.group(group, specs: commands))
      return helpAsked ? 0 : 2
    }
    let wrong = path[group.count]
    let next = Set(
      commands.filter { $0.path.starts(with: group) && $0.path.count > group.count }
        .map { $0.path[group.count] })
    let place = group.isEmpty ? "" : " of 'hwc \(group.joined(separator: " "))'"
    var message = "'\(wrong)' is not a command\(place)"
    if let nearest = Suggestion.nearest(to: wrong, among: next.sorted()) {
      message += "; did you mean '\(nearest)'?"
    } else {
      message += " (one of: \(next.sorted().joined(separator: ", ")))"
    }
    throw UsageError(message)
  }

  static func processEnvironment() -> [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return result
  }
}

/// Buffered standard output, flushed before anything goes to standard error so that the two
/// interleave in order.
final class StandardStreams: @unchecked Sendable {
  private var buffer: [UInt8] = []

  func write(_ text: String, to descriptor: Int32) {
    if descriptor == 2 {
      flush()
      emit(Array(text.utf8), to: 2)
      return
    }
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  func flush() {
    emit(buffer, to: 1)
    buffer.removeAll(keepingCapacity: true)
  }

  private func emit(_ bytes: [UInt8], to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress, $0.count)
      }
      if written <= 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }
}
