import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// The controls figures of `ControlsScenario`'s 2026-Q2, each tied to the register's rows by
/// queries written here, one fact at a time (not the figures' own joins).
@Suite("Controls figures")
struct ControlsFiguresTests {
  let directory = TemporaryDirectory(prefix: "hwc-controls-figures")
  let scenario: ControlsScenario
  var register: Register { scenario.register }
  var db: Database { scenario.register.db }

  init() throws {
    scenario = try ControlsScenario(path: directory.file("hwc.sqlite"))
  }

  func figures(district: String? = nil) throws -> ControlsFigures {
    let quarter = try Quarter(ControlsScenario.quarter)
    return register.controlsFigures(
      from: quarter.first, to: quarter.last,
      district: try district.map { try register.reference.requireDistrict($0) })
  }

  /// One integer a query written here returns.
  func int(_ sql: String, _ values: [any SQLBindable]) throws -> Int {
    try db.scalar(Int.self, sql, with: values) ?? -1
  }

  @Test(
    "each complaint of the quarter: its first inspector, full claim, amount, flags, re-inspection")
  func complaints() throws {
    let rows = try figures().complaints()
    let codes = try db.prepare(
      "SELECT code FROM complaint WHERE reported_date >= '2026-04-01' AND reported_date <= '2026-06-30' ORDER BY id"
    ).map(with: []) { $0.text(0) }
    #expect(rows.map(\.code) == codes)
    #expect(rows.count == 15)
    for row in rows {
      let id = try int("SELECT id FROM complaint WHERE code = ?", [row.code])
      let inspections = try db.prepare(
        "SELECT i.id, u.name, i.inspection_date FROM inspection i JOIN app_user u ON u.id = i.inspector_id WHERE i.complaint_id = ? ORDER BY i.id"
      ).map(with: [id]) { (id: $0.int(0), name: $0.text(1), date: $0.text(2)) }
      #expect(row.inspector == inspections.first?.name, "\(row.code)")
      func quantities(_ inspection: Int) throws -> [String: Int] {
        Dictionary(
          uniqueKeysWithValues: try db.prepare(
            "SELECT item, quantity_centi FROM inspection_item WHERE inspection_id = ?"
          ).map(with: [inspection]) { ($0.text(0), $0.int(1)) })
      }
      let claimed = Dictionary(
        uniqueKeysWithValues: try db.prepare(
          "SELECT item, quantity_centi FROM complaint_item WHERE complaint_id = ?"
        ).map(with: [id]) { ($0.text(0), $0.int(1)) })
      let first = try inspections.first.map { try quantities($0.id) } ?? [:]
      let full =
        !inspections.isEmpty && claimed.allSatisfy { first[$0.key, default: 0] >= $0.value }
      #expect(row.fullClaim == full, "\(row.code)")
      let latest = try db.prepare(
        "SELECT outcome, amount_minor FROM assessment WHERE complaint_id = ? ORDER BY id DESC LIMIT 1"
      ).first(with: [id]) { (outcome: $0.text(0), amount: $0.int(1)) }
      #expect(row.amount == (latest?.outcome == "eligible" ? latest?.amount : nil), "\(row.code)")
      #expect(
        row.flags == (try int("SELECT count(*) FROM complaint_flag WHERE complaint_id = ?", [id])))
      let again = inspections.dropFirst().first { $0.name != inspections.first?.name }
      #expect(row.reinspection?.inspector == again?.name, "\(row.code)")
      #expect(row.reinspection?.date == again?.date, "\(row.code)")
      if let again {
        let second = try quantities(again.id)
        let less = first.contains { second[$0.key, default: 0] < $0.value }
        #expect(row.reinspection?.foundLess == less, "\(row.code)")
      }
    }
    // The scenario's own facts, as a reader of it expects them.
    let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0.code, $0) })
    let z3 = try #require(byCode[scenario.codes["z3"]!])
    #expect(
      z3.reinspection
        == ControlsFigures.Reinspection(inspector: "erlan", date: "2026-04-24", foundLess: true))
    #expect(byCode[scenario.codes["z6"]!]?.reinspection?.foundLess == false)
    #expect(byCode[scenario.codes["t1"]!]?.fullClaim == true)
    #expect(byCode[scenario.codes["z4"]!]?.fullClaim == false)
    #expect(rows.filter { $0.inspector == "marat" }.count == 11)
  }

  @Test("claimants with more complaints in a season than the limit, national ID masked")
  func repeatedClaimants() throws {
    let rows = try figures().repeatedClaimants(moreThan: 3)
    let expected = try db.prepare(
      """
      SELECT k.national_id, count(*) FROM complaint c JOIN claimant k ON k.id = c.claimant_id
      WHERE substr(c.incident_date, 1, 4) = '2026' GROUP BY k.id HAVING count(*) > 3
      ORDER BY count(*) DESC, k.name
      """
    ).map(with: []) { (NationalID.mask($0.text(0)), $0.int(1)) }
    #expect(rows.map(\.maskedID) == expected.map(\.0))
    #expect(rows.map(\.complaints) == expected.map(\.1))
    let yerlan = try #require(rows.first { $0.name == "Yerlan Bekov" })
    #expect(yerlan.complaints == 4 && yerlan.inSpan == 3 && yerlan.season == 2026)
    #expect(!rows.contains { $0.maskedID.contains(SampleIDs.yerlan) })
    #expect(try figures().repeatedClaimants(moreThan: 2).contains { $0.name == "Nurlan Omarov" })
    #expect(try figures(district: "Zhanibek").repeatedClaimants(moreThan: 0).isEmpty)
  }

  @Test("flags on complaints approved or paid, not those rejected or pending")
  func overriddenFlags() throws {
    let rows = try figures().overriddenFlags()
    let expected = try db.prepare(
      """
      SELECT c.code, f.kind FROM complaint_flag f JOIN complaint c ON c.id = f.complaint_id
      WHERE c.id IN (SELECT complaint_id FROM complaint_event WHERE kind = 'approved')
      ORDER BY c.id, f.id
      """
    ).map(with: []) { "\($0.text(0)) \($0.text(1))" }
    #expect(rows.map { "\($0.complaint) \($0.kind)" } == expected)
    let codes = Set(rows.map(\.complaint))
    #expect(codes == Set(["z2", "k1", "k2"].map { scenario.codes[$0]! }))
    #expect(rows.first { $0.complaint == scenario.codes["k1"]! }?.status == .paid)
  }

  @Test("one district only: another district's figures are empty")
  func district() throws {
    #expect(try figures(district: "Zhanibek").complaints().isEmpty)
    #expect(try figures(district: "Kaztalov").complaints().count == 15)
  }
}

extension ControlsFiguresTests {
  /// The quarterly report counts the draws as it reads them (`reinspectionTally`), without
  /// holding them: the same counts as the draws listed, for the whole register, the quarter and
  /// one district, re-inspections that changed the amount included.
  @Test("the streamed tally of draws equals the tally of the listed draws")
  func streamedTally() throws {
    let quarter = try Quarter(ControlsScenario.quarter)
    let district = try register.reference.requireDistrict("Kaztalov")
    let spans: [(CalendarDate?, CalendarDate?, District?)] = [
      (nil, nil, nil), (quarter.first, quarter.last, nil), (quarter.first, nil, district),
      (nil, quarter.last, district),
    ]
    for (from, to, place) in spans {
      let listed = try register.reinspectionDraws(from: from, to: to, district: place)
      let tally = try register.reinspectionTally(from: from, to: to, district: place)
      #expect(tally == DrawTally(listed))
      #expect(tally.made == listed.count)
    }
    let all = try register.reinspectionTally()
    #expect(all.reinspections > 0)
    #expect(all.changed > 0)
  }
}
