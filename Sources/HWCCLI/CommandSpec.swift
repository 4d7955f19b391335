/// An option a command accepts, declared as data so that parsing and help cannot drift apart.
public struct OptionSpec: Sendable {
  /// The long name without dashes, e.g. `district`.
  public let name: String
  /// The placeholder of its value (`D`, `YYYY-MM-DD`); nil for a flag.
  public let value: String?
  /// One line of help.
  public let help: String
  /// True when the option must be given.
  public let required: Bool
  /// True when the option may be given several times.
  public let repeating: Bool
  /// Old spellings still accepted, as if the name had been written; never shown.
  public let aliases: [String]
  /// The values it takes when they are a known list (statuses, roles): shell completion offers
  /// them. Empty: the ones a placeholder like `text|csv|json` spells out, else any value.
  public let declaredChoices: [String]
  /// Accepted but left out of help, usage, completion and the man page.
  public let hidden: Bool

  public init(
    _ name: String, _ value: String? = nil, _ help: String, required: Bool = false,
    repeating: Bool = false, aliases: [String] = [], choices: [String] = [], hidden: Bool = false
  ) {
    self.name = name
    self.value = value
    self.help = help
    self.required = required
    self.repeating = repeating
    self.aliases = aliases
    self.declaredChoices = choices
    self.hidden = hidden
  }

  /// The values shell completion offers: the declared ones, else those of a placeholder that
  /// lists them (`yes|no`, `text|csv|json`); empty when any value goes.
  var choices: [String] {
    if !declaredChoices.isEmpty { return declaredChoices }
    guard let value, value.contains("|") else { return [] }
    let parts = value.split(separator: "|").map(String.init)
    let word = { (part: String) in
      !part.isEmpty && part.allSatisfy { $0.isLowercase || $0 == "_" || $0 == "-" || $0.isNumber }
    }
    return parts.allSatisfy(word) ? parts : []
  }

  /// True when the option names a file or folder (its placeholder says so).
  var takesPath: Bool { ["FILE", "DIR", "PATH"].contains(value ?? "") }

  /// How the option is written in a usage line.
  var usage: String {
    var text = "--\(name)" + (value.map { " \($0)" } ?? "")
    if repeating { text += " ..." }
    return required ? text : "[\(text)]"
  }
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
  public let name: String
  public let help: String
  public let required: Bool
  /// The values it takes when they are a known list (shell completion offers them).
  public let choices: [String]
  /// True when the last argument may be given several times (`ID ...`).
  public let repeating: Bool

  public init(
    _ name: String, _ help: String, required: Bool = true, repeating: Bool = false,
    choices: [String] = []
  ) {
    self.name = name
    self.help = help
    self.required = required
    self.repeating = repeating
    self.choices = choices
  }

  /// How the argument is written in a usage line.
  var usage: String {
    let text = name + (repeating ? " ..." : "")
    return required ? text : "[\(text)]"
  }
}

/// What a command needs from its context.
public struct CommandTraits: OptionSet, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  /// Changes the register: proves its actor (`--as USER` / `HWC_USER`, `--password-file`).
  public static let mutating = CommandTraits(rawValue: 1)
  /// Prints or creates records: takes `--json`.
  public static let json = CommandTraits(rawValue: 2)
  /// Works on the register file: takes `--db PATH`.
  public static let database = CommandTraits(rawValue: 4)
  /// Writes to the register without an actor proven first (`login`, `logout`, `user passwd`).
  /// A command with neither this nor `.mutating` opens the register read-only.
  public static let writes = CommandTraits(rawValue: 8)
  /// Left out of `hwc help`, completion and the man page (`hwc man`, used by `make man`).
  public static let hidden = CommandTraits(rawValue: 16)
}

/// A subcommand: its words, what it does, and the options it takes.
public struct CommandSpec: Sendable {
  /// The command words after `hwc`, e.g. `["complaint", "register"]`.
  public let path: [String]
  /// One line: what it does.
  public let abstract: String
  /// Longer help shown by `--help`.
  public let discussion: String
  public let arguments: [ArgumentSpec]
  public let options: [OptionSpec]
  public let traits: CommandTraits
  /// Runs the command; returns the exit code.
  public let run: @Sendable (Invocation) throws -> Int32

  public init(
    _ path: [String], abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
    options: [OptionSpec] = [], traits: CommandTraits = [.database],
    run: @escaping @Sendable (Invocation) throws -> Int32
  ) {
    self.path = path
    self.abstract = abstract
    self.discussion = discussion
    self.arguments = arguments
    self.options = options
    self.traits = traits
    self.run = run
  }

  /// The options shared by every command with these traits, declared once.
  static func sharedOptions(_ traits: CommandTraits) -> [OptionSpec] {
    var shared: [OptionSpec] = []
    if traits.contains(.database) {
      shared.append(
        OptionSpec("db", "PATH", "the register file (default: $HWC_DB, else ./hwc.sqlite)"))
    }
    if traits.contains(.database), !traits.contains(.mutating) {
      // Scripts may name their user on every command: a command that proves nobody accepts it.
      shared.append(
        OptionSpec(
          "as", "USER", "accepted for scripts; this command proves no actor, so it is unused"))
      shared.append(
        OptionSpec("password-file", "FILE", "accepted for scripts; unused", hidden: true))
    }
    if traits.contains(.mutating) {
      shared.append(
        OptionSpec("as", "USER", "who is doing this (default: $HWC_USER, else your session's user)")
      )
      shared.append(
        OptionSpec(
          "password-file", "FILE",
          "read the actor's passphrase from the file's first line (default: $HWC_PASSWORD_FILE)"))
    }
    if traits.contains(.json) {
      shared.append(OptionSpec("json", nil, "print one JSON document instead of text"))
    }
    shared.append(OptionSpec("help", nil, "show this help"))
    return shared
  }

  /// Every option this command accepts, its own first; a shared one it declares itself (`--as`
  /// of `login`) is its own.
  var allOptions: [OptionSpec] {
    let own = Set(options.map(\.name))
    return options + CommandSpec.sharedOptions(traits).filter { !own.contains($0.name) }
  }

  /// The options help, usage, completion and the man page show.
  var visibleOptions: [OptionSpec] { allOptions.filter { !$0.hidden } }

  /// True when help, completion and the man page list this command.
  var listed: Bool { !traits.contains(.hidden) }

  /// The usage line, e.g. `hwc user add NAME --role ROLE ... [--db PATH] ...`.
  var usage: String {
    var parts = ["hwc"] + path
    parts += arguments.map(\.usage)
    parts += visibleOptions.filter { $0.name != "help" }.map(\.usage)
    return parts.joined(separator: " ")
  }
}
