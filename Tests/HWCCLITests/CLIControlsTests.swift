import Foundation
import HWCTestSupport
import Testing

@testable import HWCCLI

/// `hwc report controls` on `ControlsScenario`'s register.
@Suite("hwc report controls")
struct CLIControlsTests {
  static func workspace() throws -> Workspace {
    let workspace = Workspace()
    _ = try ControlsScenario(path: workspace.db)
    return workspace
  }

  @Test("prints the text report, CSV and JSON of one value")
  func formats() throws {
    let workspace = try Self.workspace()
    let words = ["report", "controls", "--quarter", "2026-Q2"]
    let text = workspace.ok(words).out
    #expect(text.contains("CONTROLS REPORT Q2 2026"))
    #expect(text.contains("! marat (Kaztalov): full claim in 100.0% against 73.3%"))
    #expect(text.contains("88********11    Yerlan Bekov"))
    let csv = workspace.ok(words + ["--format", "csv"]).out
    #expect(csv.hasPrefix("section,row,field,value\n"))
    #expect(csv.contains("inspectors,:marat:KAZ,inspected,11\n"))
    let json = workspace.ok(words + ["--json"]).out
    let object = try #require(parseJSON(json) as? [String: Any])
    #expect(object["complaints"] as? Int == 15)
    #expect(workspace.ok(words + ["--format", "json"]).out == json)
    let russian = workspace.ok(words + ["--lang", "ru"]).out
    #expect(russian.contains("ОТЧЁТ О КОНТРОЛЕ II квартал 2026 г."))
  }

  @Test("--repeat N lists claimants with more than N complaints in a season")
  func repeatLimit() throws {
    let workspace = try Self.workspace()
    let words = ["report", "controls", "--quarter", "2026-Q2", "--json"]
    func claimants(_ extra: [String]) throws -> Int {
      let object = try #require(parseJSON(workspace.ok(words + extra).out) as? [String: Any])
      return ((object["repeated"] as? [String: Any])?["rows"] as? [Any])?.count ?? -1
    }
    #expect(try claimants([]) == 3)
    #expect(try claimants(["--repeat", "4"]) == 1)
    #expect(try claimants(["--repeat", "2"]) == 4)
  }

  @Test(
    "bad input is refused with one sentence naming the option, exit 1",
    arguments: [
      (["--quarter", "2026-Q5"], "--quarter"),
      (["--quarter", "2026-Q2", "--lang", "kk"], "--lang"),
      (["--quarter", "2026-Q2", "--lang", "de"], "--lang"),
      (["--quarter", "2026-Q2", "--format", "pdf"], "--format"),
      (["--quarter", "2026-Q2", "--district", "Atlantis"], "--district"),
      (["--quarter", "2026-Q2", "--repeat", "0"], "--repeat"),
      (["--quarter", "2026-Q2", "--repeat", "many"], "--repeat"),
    ])
  func refusals(words: [String], option: String) throws {
    let outcome = try Self.workspace().run(["report", "controls"] + words)
    #expect(outcome.code == 1, "\(outcome)")
    #expect(outcome.errLines.count == 1, "\(outcome)")
    #expect(outcome.err.contains(option), "\(outcome)")
    #expect(outcome.out.isEmpty)
  }

  @Test("a missing --quarter is a usage error")
  func usage() throws {
    let outcome = try Self.workspace().run(["report", "controls"])
    #expect(outcome.code == 2)
    #expect(outcome.err.contains("usage: hwc report controls"))
  }
}
