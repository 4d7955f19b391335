import HWCCLI
import Testing

/// Help, usage errors and suggestions: exit 2 with the usage line, help generated from the
/// declarations so it cannot drift.
@Suite struct CLIUsageTests {
  /// How an option is written in a usage line, from its declaration.
  static func usageToken(_ option: OptionSpec) -> String {
    var text = "--\(option.name)" + (option.value.map { " \($0)" } ?? "")
    if option.repeating { text += " ..." }
    return option.required ? text : "[\(text)]"
  }

  /// True when `text` has a help row for the command `path`.
  static func lists(_ text: String, _ path: [String]) -> Bool {
    let name = "  " + path.joined(separator: " ")
    return text.split(separator: "\n").contains { $0.hasPrefix(name + " ") || $0 == name }
  }

  /// The `usage:` line of a help text or of standard error.
  static func usageLine(_ text: String) -> String? {
    text.split(separator: "\n").first { $0.hasPrefix("usage: ") }.map(String.init)
  }

  @Test(arguments: CLI.commands.map(\.path))
  func everyCommandHasHelpWithItsUsageAndEveryOption(path: [String]) throws {
    let spec = try #require(CLI.commands.first { $0.path == path })
    let outcome = Workspace().run(path + ["--help"], environment: [:])
    #expect(outcome.code == 0, "\(outcome)")
    #expect(outcome.err == "")
    #expect(outcome.out.hasPrefix(spec.abstract), "\(outcome)")
    let usage = try #require(Self.usageLine(outcome.out), "\(outcome)")
    #expect(usage.hasPrefix("usage: hwc \(path.joined(separator: " "))"), "\(usage)")
    for argument in spec.arguments {
      let token = argument.name + (argument.repeating ? " ..." : "")
      #expect(usage.contains(argument.required ? token : "[\(token)]"))
      #expect(outcome.out.contains("  \(argument.name)"), "argument \(argument.name)")
    }
    for option in spec.options {
      #expect(usage.contains(Self.usageToken(option)), "\(Self.usageToken(option)) in \(usage)")
      let left = "  --\(option.name)" + (option.value.map { " \($0)" } ?? "")
      #expect(outcome.out.contains(left), "\(left) in the options of \(path)")
    }
    var shared = ["--help"]
    if spec.traits.contains(.database) { shared.append("--db PATH") }
    if spec.traits.contains(.mutating) { shared.append("--as USER") }
    if spec.traits.contains(.json) { shared.append("--json") }
    for option in shared {
      #expect(outcome.out.contains("  \(option)"), "\(option) in the help of \(path)")
    }
  }

  @Test func topLevelHelpListsEveryCommand() {
    let help = Workspace().run(["--help"], environment: [:])
    #expect(help.code == 0)
    for spec in CLI.commands {
      let hidden = spec.traits.contains(.hidden)
      #expect(Self.lists(help.out, spec.path) == !hidden, "\(spec.path)")
    }
    let asked = Workspace().run(["help"], environment: [:])
    #expect(asked.code == 0 && asked.err == "" && asked.out == help.out)
    let bare = Workspace().run([], environment: [:])
    #expect(bare.code == 2)
    #expect(bare.out == "")
    #expect(bare.errLines.first == "hwc: no command given", "\(bare)")
  }

  /// Command lines that do not fit their command's declaration, and the message each gives.
  static let usageErrors: [([String], String)] = [
    (["complaint", "list", "--bogus"], "hwc: unknown option '--bogus'"),
    (["complaint", "list", "--distrct", "Kaztalov"], "hwc: unknown option '--distrct'"),
    (
      ["claimant", "add", "--name", "N", "--district", "Kaztalov", "--as", "dauren"],
      "hwc: missing '--id NATIONAL_ID'"
    ),
    (
      ["complaint", "list", "--district", "Kaztalov", "--district", "Zhanibek"],
      "hwc: '--district' is given more than once"
    ),
    (["complaint", "show", "KAZ-2026-0001", "KAZ-2026-0002"], "hwc: unexpected argument"),
    (["init", "extra"], "hwc: unexpected argument 'extra'"),
    (["complaint", "show"], "hwc: missing ID"),
    (["complaint", "list", "--district"], "hwc: '--district' needs a value"),
    (["check", "--json=yes"], "hwc: '--json' takes no value"),
    // `-` (standard input) where it cannot be meant.
    (
      ["complaint", "import", "-", "--as", "dauren", "--password-file", "-"],
      "hwc: standard input ('-') can feed only one of FILE.csv and --password-file"
    ),
    (
      ["complaint", "import", "f.csv", "--as", "dauren", "--skip-invalid", "--rejects", "-"],
      "hwc: --rejects - would mix the rejected rows with what hwc prints"
    ),
    (["complaint", "list", "--db", "-"], "hwc: --db - cannot be a register"),
    (["backup", "-"], "hwc: FILE - cannot be standard output"),
  ]

  @Test(arguments: usageErrors)
  func aUsageErrorExitsTwoWithTheUsageLineOnStderr(words: [String], message: String) throws {
    let workspace = Workspace.standard()
    let before = try workspace.counts()
    let outcome = workspace.run(words)
    #expect(outcome.code == 2, "\(outcome)")
    #expect(outcome.out == "")
    #expect(outcome.errLines.first?.hasPrefix(message) == true, "\(outcome)")
    let spec = try #require(
      CLI.commands.filter { words.starts(with: $0.path) }.max { $0.path.count < $1.path.count })
    let help = workspace.run(spec.path + ["--help"])
    let usage = try #require(Self.usageLine(help.out))
    #expect(outcome.errLines.dropFirst().first == usage, "\(outcome)")
    #expect(try workspace.counts() == before)
  }

  @Test func anUnknownOptionSuggestsTheNearest() {
    let outcome = Workspace().run(["complaint", "list", "--distrct", "Kaztalov"])
    #expect(outcome.code == 2)
    #expect(outcome.errLines.first?.hasSuffix("did you mean '--district'?") == true, "\(outcome)")
  }

  /// A mistyped command word: the nearest real one is suggested, then the usage of the group the
  /// word belongs to (its commands listed) or of hwc itself.
  @Test(arguments: [
    (["complaint", "regster"], "'regster' is not a command of 'hwc complaint'", "register"),
    (["claimant", "shwo", Workspace.yerlan], "'shwo' is not a command of 'hwc claimant'", "show"),
    (["complant", "list"], "'complant' is not a command", "complaint"),
    (["audti", "verify"], "'audti' is not a command", "audit"),
    (["helo"], "'helo' is not a command", "help"),
  ])
  func anUnknownCommandSuggestsTheNearest(words: [String], problem: String, nearest: String) {
    let outcome = Workspace().run(words, environment: [:])
    #expect(outcome.code == 2)
    #expect(outcome.out == "")
    #expect(outcome.errLines.first == "hwc: \(problem); did you mean '\(nearest)'?", "\(outcome)")
    let group = problem.contains(" of 'hwc ") ? "\(words[0]) " : "COMMAND "
    #expect(outcome.errLines.dropFirst().first?.hasPrefix("usage: hwc \(group)") == true)
  }

  /// A group alone is a usage error whose usage line names the group's commands, and only
  /// them; asked for, the group's help lists each with what it does.
  @Test(arguments: ["complaint", "claimant", "user", "audit"])
  func aGroupAloneNamesItsSubcommandsAndExitsTwo(group: String) throws {
    let outcome = Workspace().run([group], environment: [:])
    #expect(outcome.code == 2)
    #expect(outcome.out == "")
    #expect(outcome.errLines.count == 2, "\(outcome)")
    #expect(outcome.errLines.first == "hwc: 'hwc \(group)' needs one of its commands")
    let usage = try #require(outcome.errLines.last)
    let words = try #require(usage.split(separator: " ").dropFirst(3).first)
    let members = CLI.commands.filter { $0.path.first == group && $0.path.count > 1 }
    #expect(!members.isEmpty)
    #expect(Set(words.split(separator: "|").map(String.init)) == Set(members.map { $0.path[1] }))
    let help = Workspace().run([group, "--help"], environment: [:])
    #expect(help.code == 0 && help.err == "")
    for spec in members {
      #expect(Self.lists(help.out, spec.path), "\(spec.path) in \(help.out)")
    }
    for spec in CLI.commands where spec.path.first != group {
      #expect(!Self.lists(help.out, spec.path), "\(spec.path) listed")
    }
  }

  @Test func sharedOptionsMayComeBeforeTheCommand() throws {
    let workspace = Workspace()
    let other = workspace.path("other.sqlite")
    workspace.ok(["--db", other, "init"], environment: [:])
    let users = workspace.ok(["--json", "--db", other, "user", "list"], environment: [:])
    let list = try #require(parseJSON(users.out) as? [[String: Any]])
    #expect(list.map { $0["name"] as? String } == ["admin"])
    workspace.ok(
      ["--db=\(other)", "--as", "admin", "user", "add", "dauren", "--role", "officer@Kaztalov"],
      environment: [:])
    let after = workspace.ok(["user", "list", "--db", other], environment: [:])
    #expect(after.out.contains("dauren"))
  }
}
