import Foundation
import HWCCore
import Testing

/// The office time zone (issue #13 item 5) through the CLI: "today" and printed times are
/// local, stored timestamps stay UTC, and the zone is set at `init` or by an administrator.
@Suite struct CLITimeZoneTests {
  /// Yerlan's wolf complaint, incident and report on `date`.
  static func complaint(on date: String, ref: String) -> [String] {
    var words = Workspace.register(["--as", "dauren", "--ref", ref])
    words[words.firstIndex(of: "--incident-date")! + 1] = date
    words[words.firstIndex(of: "--reported-date")! + 1] = date
    return words
  }

  @Test func todayIsTheOfficesDate() throws {
    let workspace = Workspace.standard()
    // 20:00 UTC is 01:00 the next day in Asia/Oral (UTC+5), the default zone.
    workspace.clock = Clock.fixed("2026-06-15T20:00:00Z")
    workspace.ok(Self.complaint(on: "2026-06-16", ref: "F-1"))
    let changed = workspace.ok(["timezone", "set", "UTC", "--reason", "test", "--as", "admin"])
    #expect(
      changed.out == "office time zone set to UTC; now 2026-06-15 20:00 +00, today 2026-06-15\n")
    let before = try workspace.counts()
    let refused = workspace.run(Self.complaint(on: "2026-06-16", ref: "F-2"))
    #expect(refused.code == 1)
    #expect(
      refused.err.contains("--incident-date: 2026-06-16 is in the future (today is 2026-06-15)"))
    #expect(try workspace.counts() == before)
  }

  @Test func printedTimesAreLocalAndStoredOnesUTC() throws {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--as", "dauren"]))
    let shown = workspace.ok(["complaint", "show", "KAZ-2026-0001"]).out
    #expect(shown.contains("  2026-06-15 14:30 +05  registered by dauren"), "\(shown)")
    let json = parseJSON(workspace.ok(["complaint", "show", "KAZ-2026-0001", "--json"]).out)
    #expect((json as? [String: Any])?["registered_at"] as? String == "2026-06-15T09:30:00Z")
    let log = workspace.ok(["audit", "log", "--entity", "complaint:KAZ-2026-0001"]).out
    #expect(log.contains(" 2026-06-15 14:30 +05 dauren "), "\(log)")
  }

  @Test func initSetsTheZoneAndRefusesAnUnknownOneWritingNothing() throws {
    let workspace = Workspace()
    let bishkek = workspace.path("bishkek.sqlite")
    workspace.ok(["init", "--timezone", "Asia/Bishkek"], environment: ["HWC_DB": bishkek])
    let shown = workspace.ok(["timezone", "show", "--json"], environment: ["HWC_DB": bishkek])
    let zone = parseJSON(shown.out) as? [String: Any]
    #expect(zone?["zone"] as? String == "Asia/Bishkek")
    #expect(zone?["offset"] as? String == "+06")
    #expect((zone?["history"] as? [Any])?.count == 1)
    let mars = workspace.path("mars.sqlite")
    let refused = workspace.run(["init", "--timezone", "Asia/Orla"], environment: ["HWC_DB": mars])
    #expect(refused.code == 1)
    #expect(
      refused.err.contains(
        "--timezone: 'Asia/Orla' is not a time zone known here; did you mean Asia/Oral? zones "
          + "known everywhere: Asia/Almaty, Asia/Aqtau"), "\(refused.err)")
    #expect(!FileManager.default.fileExists(atPath: mars))
    let again = workspace.run(["init", "--timezone", "UTC"], environment: ["HWC_DB": bishkek])
    #expect(again.code == 1)
    #expect(again.err.contains("'hwc timezone set ZONE'"))
  }

  @Test func onlyAnAdministratorChangesTheZoneAndTheChangeIsAudited() throws {
    let workspace = Workspace.standard()
    let initial = workspace.ok(["timezone", "show"]).out
    #expect(initial.hasPrefix("office time zone Asia/Oral ("), "\(initial)")
    let before = try workspace.counts()
    let refused = workspace.run(["timezone", "set", "Asia/Almaty", "--as", "dauren"])
    #expect(refused.code == 1)
    #expect(try workspace.counts() == before)
    workspace.ok(["timezone", "set", "Asia/Almaty", "--reason", "office moved", "--as", "admin"])
    let log = workspace.ok(["audit", "log", "--actor", "admin"]).out
    #expect(log.contains("create setting:timezone#1"), "\(log)")
    let shown = workspace.ok(["timezone", "show"]).out
    #expect(shown.contains("Asia/Almaty set by admin: office moved"), "\(shown)")
    workspace.ok(["audit", "verify"])
  }
}
