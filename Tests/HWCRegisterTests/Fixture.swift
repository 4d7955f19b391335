import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport

@testable import HWCRegister

/// A fresh on-disk register with the usual cast: an admin, officers, an inspector.
final class Fixture {
  let directory = TemporaryDirectory()
  let register: Register
  let path: String

  static let clock = Clock.fixed("2026-06-15T09:30:00Z")
  /// Valid IINs (Kazakhstan) and a PIN (Kyrgyzstan).
  static let yerlan = SampleIDs.yerlan
  static let gulnara = SampleIDs.gulnara
  static let nurlan = SampleIDs.nurlan
  static let asel = SampleIDs.asel

  init() throws {
    path = directory.file("hwc.sqlite")
    (register, _) = try Register.initialize(path: path, admin: "admin", clock: Fixture.clock)
    let admin = try register.actor(named: "admin")
    _ = try register.addUser(name: "dauren", roles: ["officer@Kaztalov"], actor: admin)
    _ = try register.addUser(name: "saule", roles: ["officer@Zhanibek"], actor: admin)
    _ = try register.addUser(name: "bakyt", roles: ["officer@Shamshy"], actor: admin)
    _ = try register.addUser(name: "national", roles: ["officer"], actor: admin)
    _ = try register.addUser(name: "marat", roles: ["inspector@Kaztalov"], actor: admin)
    _ = try register.addClaimant(
      ClaimantDraft(
        name: "Yerlan Bekov", nationalID: Fixture.yerlan, district: "Kaztalov",
        village: "Zhalpaktal", herd: ["sheep_goat=20", "cattle=3"]), actor: actor("dauren"))
  }

  func actor(_ name: String) throws -> Actor { try register.actor(named: name) }

  func draft(_ change: (inout ComplaintDraft) -> Void = { _ in }) -> ComplaintDraft {
    var draft = ComplaintDraft(
      nationalID: Fixture.yerlan, district: "Kaztalov", type: "livestock_predation",
      species: "wolf", incidentDate: "2026-06-01", reportedDate: "2026-06-02",
      items: ["sheep_goat.adult=3"], ref: nil, village: "Zhalpaktal")
    change(&draft)
    return draft
  }

  /// The entries made by migrations (policy values and reference data, `AuditSeal`): the entry
  /// numbers of what the fixture's commands did start after them.
  var sealed: Int {
    get throws {
      try register.db.scalar(
        Int.self,
        """
        SELECT count(*) FROM audit_entry e JOIN audit_command c ON c.id = e.command_id
        WHERE c.actor = 'hwc'
        """) ?? 0
    }
  }

  /// Row counts of every table that a refused command must leave alone.
  func counts() throws -> [String: Int] {
    var result: [String: Int] = [:]
    for table in [
      "app_user", "user_role", "claimant", "herd_declaration", "complaint", "complaint_item",
      "complaint_event", "complaint_flag", "audit_entry",
    ] {
      result[table] = try register.db.scalar(Int.self, "SELECT count(*) FROM \(table)") ?? 0
    }
    return result
  }
}
