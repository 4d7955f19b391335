import HWCCore
import HWCDomain
import HWCRegister
import HWCReports

/// A parsed command line with its environment: what a command's `run` receives.
public struct Invocation {
  public let spec: CommandSpec
  /// Values of options, by name; a flag given has one empty value.
  let values: [String: [String]]
  /// Positional arguments in order.
  public let arguments: [String]
  public let environment: [String: String]
  public let console: Console
  public let clock: Clock
  /// The OS account and host recorded with the audit entries this command writes.
  let origin: AuditOrigin?
  /// The actor, once proven (see `ActorProof`).
  var proven: ProvenActor? = nil
  /// For a command that changes the register: the one register its proof, its work and the
  /// record of the actor's activity share (one open, one close: one checkpoint of the log).
  var shared: SharedRegister? = nil

  /// The single value of an option, or nil.
  public func value(_ name: String) -> String? { values[name]?.last }

  /// Every value of a repeating option.
  public func values(_ name: String) -> [String] { values[name] ?? [] }

  /// True when a flag was given.
  public func flag(_ name: String) -> Bool { values[name] != nil }

  /// The positional argument at `index`.
  public func argument(_ index: Int) -> String? {
    index < arguments.count ? arguments[index] : nil
  }

  /// True when `--json` was given.
  public var json: Bool { flag("json") }

  /// The database path: `--db`, else `HWC_DB`, else `./hwc.sqlite`.
  public var databasePath: String {
    value("db") ?? environment["HWC_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "hwc.sqlite"
  }

  /// The acting user's name: `--as`, else `HWC_USER`.
  public var actorName: String? { value("as") ?? environment["HWC_USER"] }

  /// The file holding the actor's passphrase: `--password-file`, else `HWC_PASSWORD_FILE`.
  var passwordFile: String? {
    value("password-file") ?? environment["HWC_PASSWORD_FILE"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The command as recorded in the audit log: its words and options, values of `--as`/`--db`
  /// left out (they are recorded elsewhere or irrelevant).
  var auditCommand: String {
    (["hwc"] + spec.path).joined(separator: " ")
  }

  /// True when this command only reads the register (neither `.mutating` nor `.writes`).
  var readsOnly: Bool { spec.traits.isDisjoint(with: [.mutating, .writes]) }

  /// Opens the register for this command: read-only unless it is one that writes, so that a
  /// reader creates and changes nothing and works from read-only media. `HWC_TRACE_SQL=FILE`,
  /// an internal switch of `make bench`, appends every statement the command runs to FILE.
  public func openRegister() throws -> Register {
    if let register = shared?.register { return register }
    let register = try Register.open(
      path: databasePath, clock: clock, command: auditCommand,
      traceSQL: environment["HWC_TRACE_SQL"].flatMap { $0.isEmpty ? nil : $0 },
      readOnly: readsOnly)
    register.origin = origin
    register.explanationText = StoredStepText.rebuild
    let console = console
    register.writerWaitNotice = { console.error("hwc: \($0)") }
    shared?.register = register
    return register
  }

  /// Opens the register and resolves the acting user, proven before the command ran.
  public func openForChange() throws -> (Register, Actor) {
    let register = try openRegister()
    return (register, try actor(in: register))
  }

  /// The proven acting user; a refusal asking for `--as` when the command named nobody.
  public func actor(in register: Register) throws -> Actor {
    try register.actor(named: proven?.actor.name)
  }
}

/// Where a command writes: standard output and standard error, or buffers in tests.
public final class Console: @unchecked Sendable {
  private let writeOut: (String) -> Void
  private let writeErr: (String) -> Void
  /// True when standard error is a terminal (progress lines are shown only then).
  public let errorIsTerminal: Bool
  /// Asks for a secret without echo, given the prompt.
  public typealias SecretReader = (String) -> String?
  /// How secrets are asked; nil when there is no terminal.
  public let readSecret: SecretReader?

  public init(
    out: @escaping (String) -> Void, err: @escaping (String) -> Void, errorIsTerminal: Bool = false,
    readSecret: SecretReader? = nil
  ) {
    self.writeOut = out
    self.writeErr = err
    self.errorIsTerminal = errorIsTerminal
    self.readSecret = readSecret
  }

  /// Writes a line (or several) to standard output.
  public func print(_ text: String) { writeOut(text.hasSuffix("\n") ? text : text + "\n") }

  /// Writes a line to standard error, through `Console.oneLine`.
  public func error(_ text: String) {
    writeErr(Console.oneLine(text.hasSuffix("\n") ? String(text.dropLast()) : text) + "\n")
  }

  /// `text` as one line that shows no full national ID, whatever a user typed into it: a run of
  /// exactly 12 or 14 digits (an IIN or PIN, even one given in the wrong place) is masked, a
  /// control character (a line break in a value) is escaped.
  static func oneLine(_ text: String) -> String {
    NationalID.maskRuns(text) { scalar in
      scalar.properties.generalCategory == .control
        ? scalar.escaped(asASCII: true) : String(scalar)
    }
  }

  /// Writes text to standard error without a newline (progress lines).
  public func progress(_ text: String) { writeErr(text) }

  /// Prints a JSON document on standard output.
  public func print(_ json: JSON) { print(json.text(pretty: true)) }
}

/// The register a command opened, kept for the rest of the command (see `Invocation.shared`).
final class SharedRegister {
  var register: Register?
}
