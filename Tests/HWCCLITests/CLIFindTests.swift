import Foundation
import HWCStore
import HWCTestSupport
import Testing

/// Finding things through the CLI: what an import created, complaints by ref and by filters,
/// a claimant's complaints, several receipts, the audit log's newest entries.
@Suite struct CLIFindTests {
  /// Two field forms from Kaztalov: Yerlan's wolf, and a new claimant's saiga on pasture.
  static let forms =
    Workspace.csvHeader
    + "KZT-F-0001,\(Workspace.yerlan),,Kaztalov,,Zhalpaktal,livestock_predation,wolf,"
    + "2026-05-01,2026-05-02,sheep_goat.adult=2\n"
    + "KZT-F-0002,\(SampleIDs.nurlan),Nurlan Omarov,Kaztalov,,Bolashak,pasture_trampling,"
    + "saiga,2026-05-10,2026-05-12,pasture.light=4\n"

  /// The standard register with two complaints imported from `forms.csv` (Yerlan's wolf and a
  /// new claimant's saiga on pasture) and one registered by hand (Yerlan's second wolf, flagged
  /// for more heads than his declared herd).
  func imported() throws -> (Workspace, csv: String) {
    let workspace = Workspace.standard()
    let csv = try workspace.write("forms.csv", Self.forms)
    workspace.ok(["complaint", "import", csv, "--as", "dauren"])
    workspace.ok([
      "complaint", "register", "--claimant", Workspace.yerlan, "--district", "Kaztalov",
      "--type", "livestock_predation", "--species", "wolf", "--incident-date", "2026-06-01",
      "--reported-date", "2026-06-02", "--item", "sheep_goat.adult=30", "--as", "dauren",
    ])
    return (workspace, csv)
  }

  @Test func importListsTheComplaintOfEveryRowThenTheCounts() throws {
    let workspace = Workspace.standard()
    let csv = try workspace.write("forms.csv", Self.forms)
    let first = workspace.ok(["complaint", "import", csv, "--as", "dauren"])
    #expect(
      first.out
        == "forms.csv:2  KZT-F-0001  KAZ-2026-0001  new\n"
        + "forms.csv:3  KZT-F-0002  KAZ-2026-0002  new\n"
        + "imported 2 complaints from 2 rows, 1 new claimants\n")
    let again = workspace.ok(["complaint", "import", csv, "--as", "dauren", "--json"])
    let json = try #require(parseJSON(again.out) as? [String: Any])
    #expect(json["rows_read"] as? Int == 2)
    #expect(json["unchanged"] as? Int == 2)
    let rows = try #require(json["rows"] as? [[String: Any]])
    #expect(rows.map { $0["id"] as? String } == ["KAZ-2026-0001", "KAZ-2026-0002"])
    #expect(rows.map { $0["ref"] as? String } == ["KZT-F-0001", "KZT-F-0002"])
    #expect(rows.map { $0["line"] as? Int } == [2, 3])
    #expect(rows.map { $0["created"] as? Bool } == [false, false])
  }

  @Test func showFindsAComplaintByItsFieldFormRef() throws {
    let (workspace, _) = try imported()
    let shown = workspace.ok(["complaint", "show", "KZT-F-0002"])
    #expect(shown.out.hasPrefix("complaint   KAZ-2026-0002  [registered]"))
    let unknown = workspace.run(["complaint", "show", "KZT-F-9999"])
    #expect(unknown.code == 1)
    #expect(unknown.out == "")
    #expect(unknown.err == "hwc: there is no complaint with id or field-form ref 'KZT-F-9999'\n")
  }

  @Test func listIsNewestFirstAndFilters() throws {
    let (workspace, _) = try imported()
    func ids(_ words: [String]) -> [String] {
      let out = workspace.ok(["complaint", "list"] + words).out
      return out.split(separator: "\n").dropFirst(2).dropLast().map {
        String($0.prefix { $0 != " " })
      }
    }
    #expect(ids([]) == ["KAZ-2026-0003", "KAZ-2026-0002", "KAZ-2026-0001"])
    #expect(ids(["--oldest-first"]) == ["KAZ-2026-0001", "KAZ-2026-0002", "KAZ-2026-0003"])
    #expect(ids(["--claimant", Workspace.yerlan]) == ["KAZ-2026-0003", "KAZ-2026-0001"])
    #expect(ids(["--ref", "KZT-F-0002"]) == ["KAZ-2026-0002"])
    #expect(ids(["--village", "bolashak"]) == ["KAZ-2026-0002"])
    #expect(ids(["--type", "pasture_trampling"]) == ["KAZ-2026-0002"])
    #expect(ids(["--species", "wolf"]) == ["KAZ-2026-0003", "KAZ-2026-0001"])
    #expect(ids(["--from", "2026-05-05", "--to", "2026-05-31"]) == ["KAZ-2026-0002"])
    #expect(ids(["--flag"]) == ["KAZ-2026-0003"])
  }

  @Test func listPagesAndSaysWhatItShows() throws {
    let (workspace, _) = try imported()
    let first = workspace.ok(["complaint", "list", "--limit", "2"]).out
    #expect(first.hasSuffix("\nshowing 1–2 of 3 (next: --offset 2)\n"))
    let last = workspace.ok(["complaint", "list", "--limit", "2", "--offset", "2"]).out
    #expect(
      last.hasSuffix(
        "\nKAZ-2026-0001  KZT-F-0001  Yerlan Bekov  livestock_pr…  wolf     2026-05-01  "
          + "registered\nshowing 3–3 of 3\n"))
    let none = workspace.ok(["complaint", "list", "--species", "snow_leopard"]).out
    #expect(none.hasSuffix("\nno complaints match\n"))
  }

  @Test func listRowsFitOneHundredColumns() throws {
    let workspace = Workspace.standard()
    workspace.ok([
      "claimant", "add", "--name", "Gulnara Sarsenbayevna Kuanyshbekova-Abdrakhmanova", "--id",
      Workspace.gulnara, "--district", "Kaztalov", "--as", "dauren",
    ])
    workspace.ok([
      "complaint", "register", "--claimant", Workspace.gulnara, "--district", "Kaztalov",
      "--type", "livestock_predation", "--species", "snow_leopard", "--incident-date",
      "2026-06-01", "--reported-date", "2026-06-02", "--item", "sheep_goat.adult=3", "--ref",
      "KAZTALOV-FIELD-FORM-2026-000123", "--as", "dauren",
    ])
    let out = workspace.ok(["complaint", "list"]).out
    #expect(out.contains("KAZTALOV-…"))
    for line in out.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
  }

  @Test func listRefusesAMalformedClaimantIDOrFilter() throws {
    let (workspace, _) = try imported()
    let typo = workspace.run(["complaint", "list", "--claimant", "88051230041"])
    #expect(typo.code == 1)
    #expect(typo.out == "")
    #expect(typo.err.hasPrefix("hwc: --claimant: A Kazakh IIN has 12 digits but 11 were entered"))
    let check = workspace.run(["complaint", "list", "--claimant", "880512300412"])
    #expect(check.code == 1)
    #expect(check.err.hasPrefix("hwc: --claimant: "))
    #expect(!check.err.contains("880512300412"))
    #expect(
      workspace.run(["complaint", "list", "--limit", "0"]).err
        == "hwc: --limit: '0' is not a positive whole number\n")
    #expect(workspace.run(["complaint", "list", "--from", "2026-13-01"]).code == 1)
    #expect(workspace.run(["complaint", "list", "--type", "theft"]).code == 1)
  }

  @Test func listJSONCarriesRefMaskedClaimantAndAmounts() throws {
    let (workspace, _) = try imported()
    let list = try #require(
      parseJSON(workspace.ok(["complaint", "list", "--ref", "KZT-F-0001", "--json"]).out)
        as? [[String: Any]])
    let entry = try #require(list.first)
    #expect(entry["ref"] as? String == "KZT-F-0001")
    #expect(entry["village"] as? String == "Zhalpaktal")
    let claimant = try #require(entry["claimant"] as? [String: Any])
    #expect(claimant["national_id_masked"] as? String == "88********11")
    #expect(entry.keys.contains("assessed_minor") && entry.keys.contains("paid_minor"))
    #expect(entry["registered_by"] as? String == "dauren")
    let items = try #require(entry["items"] as? [[String: Any]])
    #expect(items.first?["item"] as? String == "sheep_goat.adult")
    #expect(items.first?["quantity"] as? String == "2")
  }

  @Test func theClaimantFilterUsesAnIndex() throws {
    let (workspace, _) = try imported()
    let trace = workspace.path("trace.sql")
    workspace.ok(
      ["complaint", "list", "--claimant", Workspace.yerlan],
      environment: ["HWC_DB": workspace.db, "HWC_TRACE_SQL": trace])
    let statements = try String(contentsOfFile: trace, encoding: .utf8)
      .components(separatedBy: ";\n")
    let page = try #require(statements.first { $0.contains("LIMIT") && $0.contains("claimant") })
    let raw = try Database(path: workspace.db, create: false)
    var plan: [String] = []
    try raw.prepare("EXPLAIN QUERY PLAN " + page).eachRow(with: []) { plan.append($0.text(3)) }
    #expect(plan.contains { $0.contains("USING INDEX complaint_claimant") }, "\(plan)")
    #expect(!plan.contains { $0.hasPrefix("SCAN c") }, "\(plan)")
  }

  @Test func claimantShowListsTheirComplaintsWithStatusAndAmounts() throws {
    let (workspace, _) = try imported()
    let shown = workspace.ok(["claimant", "show", Workspace.yerlan]).out
    #expect(shown.contains("complaints   2\n"))
    #expect(shown.contains("id             ref         incident    type                 status"))
    #expect(
      shown.contains("KAZ-2026-0001  KZT-F-0001  2026-05-01  livestock_predation  registered"))
    #expect(shown.contains("KAZ-2026-0003              2026-06-01"))
    let json = try #require(
      parseJSON(workspace.ok(["claimant", "show", Workspace.yerlan, "--json"]).out)
        as? [String: Any])
    #expect((json["complaint_list"] as? [Any])?.count == 2)
    let typo = workspace.run(["claimant", "show", "8805123004"])
    #expect(typo.code == 1)
    #expect(typo.err.hasPrefix("hwc: NATIONAL_ID: A Kazakh IIN has 12 digits but 10 were entered"))
  }

  @Test func receiptPrintsSeveralReceiptsOnTheirOwnPages() throws {
    let (workspace, csv) = try imported()
    let two = workspace.ok(["receipt", "KAZ-2026-0001", "KAZ-2026-0003"]).out
    let pages = two.components(separatedBy: "\u{0C}")
    #expect(pages.count == 2)
    #expect(pages[0].contains("KAZ-2026-0001") && !pages[0].contains("KAZ-2026-0003"))
    #expect(pages[1].contains("KAZ-2026-0003"))
    let fromFile = workspace.ok(["receipt", "--imported", csv, "--lang", "ru"]).out
    let filePages = fromFile.components(separatedBy: "\u{0C}")
    #expect(filePages.count == 2)
    #expect(filePages[1].contains("KAZ-2026-0002"))
    let json = try #require(
      parseJSON(workspace.ok(["receipt", "KAZ-2026-0001", "KAZ-2026-0002", "--json"]).out)
        as? [Any])
    #expect(json.count == 2)
    let unknown = workspace.run(["receipt", "KAZ-2026-0001", "KAZ-2026-0099"])
    #expect(unknown.code == 1)
    #expect(unknown.out == "")
    #expect(workspace.run(["receipt"]).code == 2)
  }

  @Test func auditLogLimitGivesTheNewestEntriesNewestFirst() throws {
    let (workspace, _) = try imported()
    let all = try #require(
      parseJSON(workspace.ok(["audit", "log", "--json"]).out) as? [[String: Any]])
    let newest = try #require(
      parseJSON(workspace.ok(["audit", "log", "--limit", "2", "--json"]).out) as? [[String: Any]])
    let allIDs = all.compactMap { $0["id"] as? Int }
    #expect(newest.compactMap { $0["id"] as? Int } == Array(allIDs.suffix(2).reversed()))
  }

  @Test(arguments: [
    ("complaint:KAZ-2099-0001", "hwc: no audit entries for complaint:KAZ-2099-0001\n"),
    (
      "bogus:1",
      "hwc: --entity: 'bogus' is not a kind of audited entity (one of: account, approval, "
        + "assessment, claimant, complaint, correction, emergency, incident, inspection, "
        + "insurance, office, office_event, policy, policyset, reference, setting, transfer, user)\n"
    ),
    ("bogus", "hwc: --entity: 'bogus' is not KIND:ID (e.g. complaint:KAZ-2026-0001)\n"),
  ])
  func auditLogRefusesAnEntityItCannotFind(entity: String, message: String) throws {
    let (workspace, _) = try imported()
    let refused = workspace.run(["audit", "log", "--entity", entity])
    #expect(refused.code == 1)
    #expect(refused.out == "")
    #expect(refused.err == message)
    #expect(workspace.ok(["audit", "log", "--entity", "complaint:KAZ-2026-0002"]).out != "")
  }
}
