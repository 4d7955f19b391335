import HWCTestSupport
import Testing

@testable import HWCCLI

/// One spelling per concept across every command's options (issue #13: `--ref` and
/// `--reference`, `--note` and `--notes`, `--season` refused by `fund show`): the vocabulary is
/// read from `CLI.commands`, so a command added with a second spelling fails here.
@Suite struct CLIVocabularyTests {
  /// Every option name shown by any command, with the placeholders it is shown with.
  static var vocabulary: [String: Set<String>] {
    var result: [String: Set<String>] = [:]
    for spec in CLI.commands {
      for option in spec.visibleOptions {
        result[option.name, default: []].insert(option.value ?? "(flag)")
      }
    }
    return result
  }

  @Test func noConceptHasTwoSpellings() {
    let names = Self.vocabulary.keys.sorted()
    for a in names {
      for b in names where a != b {
        #expect(b != a + "s", "--\(a) and --\(b): one concept, two spellings")
        // An abbreviation of another option (`--ref`, `--reference`).
        let abbreviates = a.count >= 3 && b.hasPrefix(a) && b.dropFirst(a.count).first != "-"
        #expect(!abbreviates, "--\(a) abbreviates --\(b)")
      }
    }
    #expect(names.contains("ref") && !names.contains("reference"))
    #expect(names.contains("note") && !names.contains("notes"))
  }

  @Test func oneOptionNameTakesOneKindOfValueEverywhere() {
    for (name, placeholders) in Self.vocabulary {
      #expect(placeholders.count == 1, "--\(name) is shown as \(placeholders.sorted())")
    }
  }

  /// An old spelling keeps working, as the option it names, and is shown nowhere.
  @Test func oldSpellingsAreHiddenAliases() throws {
    let aliases = CLI.commands.flatMap { spec in spec.allOptions.flatMap(\.aliases) }
    #expect(Set(aliases) == ["reference", "notes"])
    for alias in aliases {
      #expect(Self.vocabulary[alias] == nil, "--\(alias) is shown")
    }
    let pay = try #require(CLI.commands.first { $0.path == ["pay"] })
    let parsed = try ArgumentParser.parse(["X", "--reference", "B-1"], spec: pay)
    #expect(parsed.values["ref"] == ["B-1"])
    #expect(!Help.command(pay).contains("--reference"))
  }

  @Test func theOldSpellingWorksThroughTheCLIAndPrintsNothingExtra() throws {
    let old = Workspace.standard()
    let new = Workspace.standard()
    let a = old.run(Workspace.register(["--as", "dauren", "--notes", "by the well"]))
    let b = new.run(Workspace.register(["--as", "dauren", "--note", "by the well"]))
    #expect(a.code == 0 && b.code == 0, "\(a)\n\(b)")
    #expect(a.out == b.out && a.err == "" && b.err == "")
    let shown = old.ok(["complaint", "show", "KAZ-2026-0001"])
    #expect(shown.out.contains("notes       by the well"), "\(shown)")
  }

  /// `fund show` and `report fund` take `--season` alike; `report fund` defaults to this one.
  @Test func fundShowAndReportFundAgreeOnSeason() throws {
    let workspace = Workspace.standard()
    workspace.ok(["user", "add", "tolkyn", "--role", "treasurer@Shamshy", "--as", "admin"])
    workspace.ok([
      "fund", "contribute", "--conservancy", "Shamshy", "--amount", "1000", "--source", "donor",
      "--as", "tolkyn",
    ])
    let season = workspace.ok([
      "fund", "show", "--conservancy", "Shamshy", "--season", "2026", "--json",
    ])
    let figures = try #require(parseJSON(season.out) as? [String: Any])
    #expect(figures["season"] as? Int == 2026)
    #expect(figures["credited_minor"] as? Int == 100_000)
    #expect(figures["available_minor"] as? Int == 100_000)
    let text = workspace.ok(["fund", "show", "--conservancy", "Shamshy", "--season", "2026"])
    #expect(text.out.contains("fund:"), "\(text)")
    let earlier = workspace.ok([
      "fund", "show", "--conservancy", "Shamshy", "--season", "2025", "--json",
    ])
    #expect((parseJSON(earlier.out) as? [String: Any])?["credited_minor"] as? Int == 0)
    let dated = workspace.ok(["report", "fund", "--conservancy", "Shamshy", "--season", "2026"])
    let current = workspace.ok(["report", "fund", "--conservancy", "Shamshy"])
    #expect(current.out == dated.out)
  }
}
