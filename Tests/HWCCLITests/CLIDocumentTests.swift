import Foundation
import HWCCLI
import Testing

/// `hwc report fund`, `hwc receipt` and `hwc letter` through the CLI.
@Suite struct CLIDocumentTests {
  /// The standard register with a paid wolf complaint in Kaztalov and an insured herder in the
  /// Shamshy conservancy whose fund has a donor's contribution.
  static func documents() -> Workspace {
    let workspace = Workspace.standard()
    for (name, role) in [
      ("marat", "inspector@Kaztalov"), ("aliya", "committee@Kaztalov"),
      ("bolat", "committee@Kaztalov"), ("timur", "treasurer@Kaztalov"),
      ("cholpon", "treasurer@Shamshy"),
    ] {
      workspace.ok(["user", "add", name, "--role", role, "--as", "admin"])
    }
    workspace.ok([
      "claimant", "add", "--name", "Asel Toktogulova", "--id", Workspace.asel, "--district",
      "Chuy", "--conservancy", "Shamshy", "--village", "Shamshy", "--as", "bakyt",
    ])
    workspace.ok([
      "herd", "insure", "--claimant", Workspace.asel, "--season", "2026", "--class",
      "sheep_goat", "--heads", "40", "--as", "bakyt",
    ])
    workspace.ok([
      "fund", "contribute", "--conservancy", "Shamshy", "--amount", "100000", "--source",
      "donor", "--as", "cholpon",
    ])
    workspace.ok(Workspace.register(["--ref", "KZT-F-0001", "--as", "dauren"]))
    workspace.ok([
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=3",
      "--protected", "yes", "--as", "marat",
    ])
    workspace.ok(["assess", "KAZ-2026-0001", "--as", "aliya"])
    workspace.ok([
      "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "1000000",
      "--as", "timur",
    ])
    workspace.ok(["approve", "KAZ-2026-0001", "--as", "aliya"])
    workspace.ok(["approve", "KAZ-2026-0001", "--as", "bolat"])
    workspace.ok(["pay", "KAZ-2026-0001", "--reference", "KZ-BANK-0042", "--as", "timur"])
    return workspace
  }

  /// Every document command line of the register, in both languages and as JSON.
  static let commands: [[String]] = [
    ["report", "fund", "--conservancy", "Shamshy", "--season", "2026"],
    ["receipt", "KAZ-2026-0001"], ["letter", "KAZ-2026-0001"],
  ].flatMap { [$0, $0 + ["--lang", "ru"], $0 + ["--json"]] }

  @Test func everyDocumentPrintsFitsA4AndNeverShowsANationalIDInFull() {
    let workspace = CLIDocumentTests.documents()
    for words in CLIDocumentTests.commands {
      let outcome = workspace.ok(words)
      #expect(outcome.err.isEmpty, "\(words)")
      #expect(!outcome.out.contains(Workspace.yerlan), "\(words)")
      #expect(!outcome.out.contains(Workspace.asel), "\(words)")
      if !words.contains("--json") {
        let wide = outcome.out.split(separator: "\n").filter { $0.count > 100 }
        #expect(wide.isEmpty, "\(words): \(wide)")
      }
    }
  }

  @Test func theFundStatementReconcilesInText() throws {
    let workspace = CLIDocumentTests.documents()
    let text = workspace.ok(["report", "fund", "--conservancy", "Shamshy", "--season", "2026"])
    #expect(text.out.hasPrefix("BUFFER FUND STATEMENT, SEASON 2026\n"))
    let donors = text.out.split(separator: "\n").first {
      $0.hasPrefix("+ contributions from donors")
    }
    #expect(donors?.hasSuffix(" 100,000 KGS") == true)
    #expect(text.out.contains("Check: opening + premiums + contributions - payouts paid = closing"))
    let json = try #require(
      parseJSON(
        workspace.ok(["report", "fund", "--conservancy", "shamshy", "--season", "2026", "--json"])
          .out)
        as? [String: Any])
    #expect(json["premiums_minor"] as? Int == 280_000)
    #expect(json["contributions_minor"] as? Int == 10_000_000)
    #expect(json["paid_minor"] as? Int == 0)
    #expect((json["closing"] as? [String: Any])?["total_minor"] as? Int == 10_280_000)
    #expect(json["reconciles"] as? Bool == true)
    #expect(json["members"] as? Int == 1)
  }

  @Test func theReceiptAndLetterSayWhatWasRegisteredAndDecided() throws {
    let workspace = CLIDocumentTests.documents()
    let receipt = workspace.ok(["receipt", "kaz-2026-0001"]).out
    #expect(receipt.contains("Complaint KAZ-2026-0001, registered on 15 June 2026 by dauren"))
    #expect(receipt.contains("National ID      88********11 (masked)"))
    let letter = workspace.ok(["letter", "KAZ-2026-0001", "--lang", "ru"]).out
    #expect(letter.contains("Вам выплачено 155\u{202F}700 KZT."))
    #expect(letter.contains("банковская ссылка KZ-BANK-0042"))
    let json = try #require(
      parseJSON(workspace.ok(["letter", "KAZ-2026-0001", "--json"]).out) as? [String: Any])
    #expect(json["decision"] as? String == "paid")
    #expect(json["amount_minor"] as? Int == 15_570_000)
    #expect((json["payment"] as? [String: Any])?["reference"] as? String == "KZ-BANK-0042")
    #expect(
      (json["complaint"] as? [String: Any]).flatMap { $0["claimant"] as? [String: Any] }?[
        "national_id_masked"] as? String == "88********11")
  }

  @Test func anOverrideDirectoryReplacesOneTemplateAndTheOthersFallBack() throws {
    let workspace = CLIDocumentTests.documents()
    let directory = workspace.path("templates")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    _ = try workspace.write(
      "templates/receipt.en.txt", "Receipt {{ id }} for {{ claimant.name }}\n")
    let overridden = workspace.ok(["receipt", "KAZ-2026-0001", "--templates", directory])
    #expect(overridden.out == "Receipt KAZ-2026-0001 for Yerlan Bekov\n")
    let shipped = workspace.ok(["letter", "KAZ-2026-0001"]).out
    #expect(workspace.ok(["letter", "KAZ-2026-0001", "--templates", directory]).out == shipped)
    #expect(
      workspace.ok(["receipt", "KAZ-2026-0001", "--lang", "ru", "--templates", directory]).out
        .hasPrefix("РАСПИСКА"))
    let environment = ["HWC_DB": workspace.db, "HWC_TEMPLATES": directory]
    #expect(
      workspace.ok(["receipt", "KAZ-2026-0001"], environment: environment).out == overridden.out)
  }

  @Test func aBrokenOverrideTemplateIsRefusedNamingTheFileAndPrintsNothing() throws {
    let workspace = CLIDocumentTests.documents()
    let directory = workspace.path("templates")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    _ = try workspace.write("templates/letter.en.txt", "{{ complaint.nonsense }}\n")
    let refused = workspace.run(["letter", "KAZ-2026-0001", "--templates", directory])
    #expect(refused.code == 1)
    #expect(refused.out.isEmpty)
    #expect(refused.errLines.count == 1)
    #expect(refused.err.hasPrefix("hwc: letter.en.txt:1:"))
  }

  @Test(arguments: [
    (["receipt", "KAZ-2026-0999"], "hwc: ID: there is no complaint KAZ-2026-0999"),
    (["letter", "KAZ-2026-0999", "--json"], "hwc: ID: there is no complaint KAZ-2026-0999"),
    (
      ["letter", "KAZ-2026-0001", "--lang", "de"],
      "hwc: --lang: 'de' has no letter template (letter.LANG.txt) among the shipped ones;"
        + " languages with one: en, kk, ky, ru"
    ),
    (
      ["report", "fund", "--conservancy", "Narnia", "--season", "2026"],
      "hwc: --conservancy: 'Narnia' is not a conservancy"
    ),
    (
      ["report", "fund", "--conservancy", "Shamshy", "--season", "26"],
      "hwc: --season: '26' is not a season year (YYYY)"
    ),
    (
      ["report", "fund", "--conservancy", "Shamshy", "--season", "2031"],
      "hwc: --season: season 2031 has not begun"
    ),
  ])
  func aBadArgumentExitsOneWithOneSentenceNamingIt(words: [String], message: String) {
    let workspace = CLIDocumentTests.documents()
    let refused = workspace.run(words)
    #expect(refused.code == 1)
    #expect(refused.out.isEmpty)
    #expect(refused.errLines.count == 1)
    #expect(refused.err.hasPrefix(message), "\(refused)")
  }

  @Test func aMissingIDOrOptionIsAUsageError() {
    let workspace = CLIDocumentTests.documents()
    #expect(workspace.run(["receipt"]).code == 2)
    #expect(workspace.run(["letter"]).code == 2)
    #expect(workspace.run(["report", "fund", "--season", "2026"]).code == 2)
  }
}
