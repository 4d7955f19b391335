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
    + ProgramCommands.specs
    + TimeZoneCommands.specs
    + CorrectionCommands.specs
    + EmergencyCommands.specs
    + OfficeCommands.specs
    + NationalCommands.specs
    + NationalReportCommand.specs
    + ControlsReportCommand.specs
    + ReinspectionCommands.specs

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
      for line in error.usageLines { console.error(line) }
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
    case 14 where error.file != nil:  // SQLITE_CANTOPEN
      if let problem = folderProblem(of: file) { return problem }
      guard !writable(file) else { return nil }
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
    access(path, W_OK) == 0 && access(folder(of: path), W_OK) == 0
  }

  /// The folder holding `path` (`.` for a bare name).
  static func folder(of path: String) -> String {
    let slash = path.lastIndex(of: "/")
    return slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
  }

  /// One sentence when the register `file` cannot be opened or created because of its folder:
  /// a folder that does not exist or is not one, or (for a new file) one this account may not
  /// write in; nil when the folder is usable.
  static func folderProblem(of file: String) -> String? {
    let folder = folder(of: file)
    var info = stat()
    let found = stat(folder, &info) == 0
    if !found || info.st_mode & S_IFMT != S_IFDIR {
      let why =
        found ? "is not a folder" : errno == ENOENT ? "does not exist" : "cannot be opened"
      return "the folder \(folder) \(why), so the register \(file) cannot be opened or created "
        + "there; nothing was changed (create the folder first, or choose another --db)"
    }
    guard access(file, F_OK) != 0, access(folder, W_OK | X_OK) != 0 else { return nil }
    return "this account may not write in the folder \(folder), so the register \(file) cannot "
      + "be created there; nothing was changed (choose a folder you may write to)"
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
      return try noCommand(Array(path), words: words, console: console)
    }
    let rest = Array(words.dropFirst(spec.path.count))
    let (values, given) = try ArgumentParser.parse(rest, spec: spec)
    if values["help"] != nil {
      console.print(Help.command(spec))
      return 0
    }
    try StandardInput.checkUses(spec: spec, values: values, arguments: given)
    let (arguments, cleanup) = try StandardInput.materialize(
      spec: spec, arguments: given, environment: environment)
    defer { cleanup() }
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

  /// No command matched the words: `hwc --version`, help asked for hwc or a group, or a usage
  /// error naming the word or option that is not hwc's, with the usage of the nearest group.
  private static func noCommand(_ path: [String], words: [String], console: Console) throws
    -> Int32
  {
    let helpAsked = words.contains("--help") || words.contains("-h")
    guard path.isEmpty else {
      guard case .group(let group) = try CommandLookup.resolve(path, in: commands) else {
        throw UsageError("'\(path.joined(separator: " "))' is not a command", group: [])
      }
      guard helpAsked else {
        throw UsageError(
          "'hwc \(group.joined(separator: " "))' needs one of its commands", group: group)
      }
      console.print(Help.group(group, specs: commands))
      return 0
    }
    if words.first == "--version" { return try dispatchVersion(words, console: console) }
    if helpAsked {
      console.print(Help.group([], specs: commands))
      return 0
    }
    // Shared options written before the command (hoisted) are not hwc's own.
    var index = 0
    while index < words.count {
      let word = words[index]
      if ["--db", "--as", "--password-file"].contains(word) {
        index += 2
        continue
      }
      if word.hasPrefix("--db=") || word.hasPrefix("--as=") || word == "--json" {
        index += 1
        continue
      }
      let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
      let hint = Suggestion.nearest(to: name, among: ["--help", "--version"]).map {
        "; did you mean '\($0)'?"
      }
      throw UsageError("unknown option '\(name)'" + (hint ?? ""), group: [])
    }
    throw UsageError("no command given", group: [])
  }

  /// `hwc --version`: the same as `hwc version`, which takes the rest of the words.
  private static func dispatchVersion(_ words: [String], console: Console) throws -> Int32 {
    guard let spec = commands.first(where: { $0.path == ["version"] }) else { return 2 }
    let (values, arguments) = try ArgumentParser.parse(Array(words.dropFirst()), spec: spec)
    return try spec.run(
      Invocation(
        spec: spec, values: values, arguments: arguments, environment: [:], console: console,
        clock: .system, origin: nil))
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
