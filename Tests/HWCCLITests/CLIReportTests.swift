import Foundation
import Testing

@testable import HWCCLI

@Suite("hwc report quarterly")
struct CLIReportTests {
  static func workspace() -> Workspace {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--village", "Zhalpaktal"]) + ["--as", "dauren"])
    return workspace
  }

  @Test("prints the text report, CSV and JSON of one value")
  func formats() throws {
    let workspace = Self.workspace()
    let text = workspace.ok(["report", "quarterly", "--quarter", "2026-Q2"]).out
    #expect(text.contains("QUARTERLY REPORT Q2 2026"))
    #expect(text.contains("COMPLAINTS REGISTERED IN THE QUARTER: 1"))
    let csv = workspace.ok(["report", "quarterly", "--quarter", "2026-Q2", "--format", "csv"]).out
    #expect(csv.hasPrefix("section,row,field,value\n"))
    #expect(csv.contains("complaints,,total,1\n"))
    let json = workspace.ok(["report", "quarterly", "--quarter", "2026-Q2", "--json"]).out
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect((object?["complaints"] as? [String: Any])?["total"] as? Int == 1)
    let same = workspace.ok(["report", "quarterly", "--quarter", "2026-Q2", "--format", "json"])
    #expect(same.out == json)
  }

  @Test("Russian report with Russian reference names")
  func russian() {
    let workspace = Self.workspace()
    let text = workspace.ok(["report", "quarterly", "--quarter", "2026-Q2", "--lang", "ru"]).out
    #expect(text.contains("КВАРТАЛЬНЫЙ ОТЧЁТ II квартал 2026 г."))
    #expect(text.contains("Казталовский"))
    #expect(!text.contains("Kaztalov "))
  }

  @Test("one district only")
  func district() {
    let workspace = Self.workspace()
    let text = workspace.ok([
      "report", "quarterly", "--quarter", "2026-Q2", "--district", "Zhanibek",
    ]).out
    #expect(text.contains("Zhanibek district"))
    #expect(text.contains("COMPLAINTS REGISTERED IN THE QUARTER: 0"))
  }

  @Test(
    "bad input is refused with one sentence naming the option, exit 1",
    arguments: [
      (["--quarter", "2026-Q5"], "--quarter"),
      (["--quarter", "2026-Q2", "--lang", "de"], "--lang"),
      (["--quarter", "2026-Q2", "--format", "pdf"], "--format"),
      (["--quarter", "2026-Q2", "--district", "Atlantis"], "--district"),
    ])
  func refusals(words: [String], option: String) {
    let workspace = Self.workspace()
    let outcome = workspace.run(["report", "quarterly"] + words)
    #expect(outcome.code == 1, "\(outcome)")
    #expect(outcome.errLines.count == 1, "\(outcome)")
    #expect(outcome.err.contains(option), "\(outcome)")
    #expect(outcome.out.isEmpty)
  }

  @Test("a missing --quarter is a usage error")
  func usage() {
    let outcome = Self.workspace().run(["report", "quarterly"])
    #expect(outcome.code == 2)
    #expect(outcome.err.contains("usage: hwc report quarterly"))
  }

  @Test("--templates DIR and HWC_TEMPLATES replace one file; the others fall back to the shipped")
  func templateOverride() throws {
    let workspace = Self.workspace()
    let directory = workspace.path("templates")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    _ = try workspace.write(
      "templates/quarterly.en.txt", "Ministry copy: {{ complaints.total | number }} complaints\n")
    let english = workspace.ok([
      "report", "quarterly", "--quarter", "2026-Q2", "--templates", directory,
    ]).out
    #expect(english == "Ministry copy: 1 complaints\n")
    let viaEnvironment = workspace.ok(
      ["report", "quarterly", "--quarter", "2026-Q2"],
      environment: ["HWC_DB": workspace.db, "HWC_TEMPLATES": directory]
    ).out
    #expect(viaEnvironment == english)
    let russian = workspace.ok([
      "report", "quarterly", "--quarter", "2026-Q2", "--templates", directory, "--lang", "ru",
    ]).out
    #expect(russian.contains("КВАРТАЛЬНЫЙ ОТЧЁТ"))
  }

  @Test("a broken override template names its file and line, exit 1")
  func brokenTemplate() throws {
    let workspace = Self.workspace()
    let directory = workspace.path("templates")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    _ = try workspace.write("templates/quarterly.en.txt", "line one\n{{ complaints.totl }}\n")
    let outcome = workspace.run([
      "report", "quarterly", "--quarter", "2026-Q2", "--templates", directory,
    ])
    #expect(outcome.code == 1)
    #expect(
      outcome.err.contains("quarterly.en.txt:2: unknown name 'complaints.totl'"), "\(outcome)")
    #expect(outcome.out.isEmpty)
  }
}
