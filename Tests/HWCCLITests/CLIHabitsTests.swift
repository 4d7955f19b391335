import Foundation
import HWCTestSupport
import Testing

@testable import HWCCLI

/// The habits of a good command line (issue #13, item 7): `--version`, usage errors on standard
/// error with the nearest usage, `hwc help [COMMAND]`, `--as` on every command that opens a
/// register, one format at a time, and missing or unwritable folders in one sentence.
@Suite struct CLIHabitsTests {
  /// The highest-numbered file in the repository's `migrations/` folder.
  static func latestMigration() throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let names = try FileManager.default.contentsOfDirectory(
      atPath: root.appendingPathComponent("migrations").path)
    return try #require(names.filter { $0.hasSuffix(".sql") }.sorted().last)
  }

  @Test func versionPrintsTheReleaseAndTheLatestMigration() throws {
    let latest = try Self.latestMigration()
    let number = Int(latest.prefix(4))!
    let outcome = Workspace().run(["--version"], environment: [:])
    #expect(outcome.code == 0 && outcome.err == "", "\(outcome)")
    let lines = outcome.out.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    let release = try #require(lines.first)
    #expect(release.wholeMatch(of: /hwc \d+\.\d+\.\d+/) != nil, "\(release)")
    #expect(lines.last == "schema \(number) (\(latest))")
    #expect(Workspace().run(["version"], environment: [:]).out == outcome.out)
    let json = Workspace().run(["version", "--json"], environment: [:])
    let object = try #require(parseJSON(json.out) as? [String: Any])
    #expect(object["schema"] as? Int == number)
    #expect(object["migration"] as? String == latest)
    #expect("hwc \(object["hwc"] as? String ?? "")" == release)
  }

  /// An option or word hwc does not know: one `hwc:` line, then hwc's usage, on standard error;
  /// nothing on standard output; exit 2.
  @Test(arguments: [
    (["--foo"], "hwc: unknown option '--foo'"),
    (["--versoin"], "hwc: unknown option '--versoin'; did you mean '--version'?"),
    (["--db", "x.sqlite"], "hwc: no command given"),
    ([], "hwc: no command given"),
    (["hepl"], "hwc: 'hepl' is not a command; did you mean 'help'?"),
    (["help", "bogus"], "hwc: 'bogus' is not a command"),
  ])
  func aWordHwcDoesNotKnowIsAnErrorLineThenTheUsageOnStderr(words: [String], first: String) {
    let outcome = Workspace().run(words, environment: [:])
    #expect(outcome.code == 2)
    #expect(outcome.out == "")
    #expect(outcome.errLines.first == first, "\(outcome)")
    #expect(outcome.errLines.dropFirst().first?.hasPrefix("usage: hwc COMMAND") == true)
  }

  @Test func helpIsACommandNotAMistypedHerd() {
    let outcome = Workspace().run(["help"], environment: [:])
    #expect(outcome.code == 0 && outcome.err == "")
    #expect(!outcome.out.contains("did you mean"))
    #expect(Suggestion.nearest(to: "help", among: ["herd", "report"]) == nil)
    #expect(Suggestion.nearest(to: "audti", among: ["audit", "assess"]) == "audit")
  }

  @Test func helpListsTheCommandsUnderTopics() {
    let help = Workspace().run(["help"], environment: [:]).out
    let lines = help.split(separator: "\n").map(String.init)
    let topics = lines.filter { !$0.hasPrefix(" ") && $0.hasSuffix(":") }
    #expect(topics.count >= 5, "\(topics)")
    // Every listed command sits under the topic that names its first word.
    for (topic, words) in Help.topics {
      guard let start = lines.firstIndex(of: "\(topic):") else { continue }
      let rows = lines[(start + 1)...].prefix { $0.hasPrefix("  ") }
      for row in rows {
        let first = row.dropFirst(2).split(separator: " ").first.map(String.init) ?? ""
        #expect(words.contains(first), "\(row) under \(topic)")
      }
    }
  }

  /// `hwc help COMMAND` prints exactly `hwc COMMAND --help`, for a command and for a group.
  @Test(arguments: [["complaint", "register"], ["assess"], ["complaint"], ["audit"]])
  func helpOfACommandIsItsDashDashHelp(path: [String]) {
    let asked = Workspace().run(["help"] + path, environment: [:])
    let flag = Workspace().run(path + ["--help"], environment: [:])
    #expect(asked.code == 0 && flag.code == 0)
    #expect(asked.err == "" && flag.err == "")
    #expect(asked.out == flag.out)
  }

  /// Every command that opens a register takes `--as USER` (and `--password-file`, so that a
  /// script may name its user on every line): never a usage error.
  @Test func everyCommandThatOpensARegisterTakesAs() throws {
    for spec in CLI.commands where spec.traits.contains(.database) {
      var words = ["--as", "admin", "--password-file", "admin.secret"]
      for option in spec.options where option.required {
        words += ["--\(option.name)"] + (option.value == nil ? [] : ["x"])
      }
      words += spec.arguments.filter(\.required).map { _ in "x" }
      let parsed = try ArgumentParser.parse(words, spec: spec)
      #expect(parsed.values["as"] == ["admin"], "\(spec.path)")
    }
  }

  @Test func aReadOnlyCommandIgnoresAs() throws {
    let workspace = Workspace.standard()
    let before = try workspace.counts()
    for words in [
      ["complaint", "list", "--as", "dauren"], ["claimant", "list", "--as", "nobody"],
      ["audit", "log", "--as", "admin"], ["check", "--as", "admin"],
      ["user", "list", "--as", "dauren", "--password-file", workspace.secretFile("dauren")],
    ] {
      let outcome = workspace.run(words)
      #expect(outcome.code == 0, "\(words): \(outcome)")
      #expect(!outcome.err.contains("usage"), "\(outcome)")
    }
    #expect(try workspace.counts() == before)
  }

  @Test func formatAndJsonTogetherAreAUsageErrorNamingBoth() {
    let workspace = Workspace.standard()
    let outcome = workspace.run([
      "report", "quarterly", "--quarter", "2026-Q2", "--format", "csv", "--json",
    ])
    #expect(outcome.code == 2)
    #expect(outcome.out == "")
    #expect(outcome.errLines.first?.contains("--format csv") == true, "\(outcome)")
    #expect(outcome.errLines.first?.contains("--json") == true)
    #expect(outcome.errLines.dropFirst().first?.hasPrefix("usage: hwc report quarterly") == true)
    let same = workspace.run([
      "report", "quarterly", "--quarter", "2026-Q2", "--format", "json", "--json",
    ])
    #expect(same.code == 0, "\(same)")
  }

  /// `init` into a folder that does not exist, is a file, or may not be written: one sentence
  /// naming the folder, never SQLite's words, and no file made.
  @Test func initIntoAMissingOrUnwritableFolderNamesTheFolder() throws {
    let workspace = Workspace()
    let missing = workspace.path("no/such/folder")
    let outcome = workspace.run(["init", "--db", missing + "/x.sqlite"], environment: [:])
    #expect(outcome.code == 1)
    #expect(outcome.errLines.count == 1, "\(outcome)")
    #expect(outcome.err.contains("the folder \(missing) does not exist"), "\(outcome)")
    #expect(!outcome.err.contains("database error"))
    let file = try workspace.write("plain.txt", "not a folder\n")
    let notFolder = workspace.run(["init", "--db", file + "/x.sqlite"], environment: [:])
    #expect(notFolder.code == 1)
    #expect(notFolder.err.contains("the folder \(file) is not a folder"), "\(notFolder)")
    let media = TemporaryDirectory(prefix: "hwc-closed")
    let closed = media.path
    chmod(closed, 0o555)
    defer { chmod(closed, 0o755) }
    let hwc = try #require(ChildProcess.hwc())
    let refused = try ChildProcess.shellAsUnprivileged(
      "\(ChildProcess.quoted(hwc)) init --db \(ChildProcess.quoted(closed + "/x.sqlite"))",
      environment: ["HOME": "/nonexistent"])
    #expect(refused.code == 1, "\(refused)")
    #expect(refused.err.contains("may not write in the folder \(closed)"), "\(refused)")
    #expect(!FileManager.default.fileExists(atPath: closed + "/x.sqlite"))
  }

  @Test func demoIntoAFolderThatCannotBeMadeNamesIt() throws {
    let workspace = Workspace()
    let file = try workspace.write("plain.txt", "not a folder\n")
    let outcome = workspace.run(["demo", "--out", file + "/demo"], environment: [:])
    #expect(outcome.code == 1)
    #expect(outcome.errLines.count == 1, "\(outcome)")
    #expect(outcome.err.contains("cannot create the folder \(file)"), "\(outcome)")
  }
}
