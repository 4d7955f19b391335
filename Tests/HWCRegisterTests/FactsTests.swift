import HWCCore
import HWCDomain
import HWCRules
import HWCStore
import Testing

@testable import HWCRegister

@Suite struct FactsTests {
  @Test func adminDeclaresAnEmergencyAndOthersCannot() throws {
    let fixture = try Fixture()
    let id = try fixture.register.declareEmergency(
      district: "Kaztalov", from: "2026-04-01", to: "2026-05-31", decree: "WKO-2026-17",
      actor: fixture.actor("admin"))
    #expect(id == 1)
    #expect(throws: DomainError.self) {
      _ = try fixture.register.declareEmergency(
        district: "Kaztalov", from: "2026-04-01", to: "2026-05-31", decree: "X",
        actor: fixture.actor("dauren"))
    }
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM emergency") == 1)
  }

  @Test(arguments: [
    ("Mars", "2026-04-01", "2026-05-31", "D", "--district: 'Mars' is not a district"),
    ("Chuy", "2026-04-01", "2026-05-31", "D", "--district: Chuy is in Kyrgyzstan"),
    ("Kaztalov", "2026-04-31", "2026-05-31", "D", "--from: 2026-04-31 is not a date"),
    ("Kaztalov", "2026-05-01", "2026-04-30", "D", "--to: 2026-04-30 is before --from 2026-05-01"),
    ("Kaztalov", "2026-04-01", "2026-05-31", " ", "--decree: is required"),
  ])
  func emergencyRefusalsWriteNothing(
    district: String, from: String, to: String, decree: String, message: String
  ) throws {
    let fixture = try Fixture()
    let before = try fixture.counts()
    #expect {
      _ = try fixture.register.declareEmergency(
        district: district, from: from, to: to, decree: decree, actor: fixture.actor("admin"))
    } throws: { ($0 as? DomainError)?.description.hasPrefix(message) == true }
    #expect(try fixture.counts() == before)
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM emergency") == 0)
  }

  @Test func incidentsAreRecordedByTheConservancysOfficer() throws {
    let fixture = try Fixture()
    let id = try fixture.register.recordIncident(
      conservancy: "Shamshy", kind: "poaching", date: "2026-01-10", note: "snare found",
      actor: fixture.actor("bakyt"))
    #expect(id == 1)
    #expect(throws: DomainError.self) {
      _ = try fixture.register.recordIncident(
        conservancy: "Shamshy", kind: "poaching", date: "2026-01-10", note: nil,
        actor: fixture.actor("dauren"))
    }
    #expect(throws: DomainError.self) {
      _ = try fixture.register.recordIncident(
        conservancy: "Shamshy", kind: "fishing", date: "2026-01-10", note: nil,
        actor: fixture.actor("bakyt"))
    }
    #expect(throws: DomainError.self) {
      _ = try fixture.register.recordIncident(
        conservancy: "Shamshy", kind: "poaching", date: "2026-07-01", note: nil,
        actor: fixture.actor("bakyt"))
    }
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM wildlife_incident") == 1)
  }

  @Test func insuringAHerdRecordsThePremiumDueAtTheSeasonsRate() throws {
    let fixture = try Fixture()
    let bakyt = try fixture.actor("bakyt")
    _ = try fixture.register.addClaimant(
      ClaimantDraft(
        name: "Asel", nationalID: Fixture.asel, district: "Chuy", conservancy: "Shamshy"),
      actor: bakyt)
    let (_, premium) = try fixture.register.insureHerd(
      nationalID: Fixture.asel, season: "2026", livestockClass: "sheep_goat", heads: "40",
      actor: bakyt)
    #expect(premium == 40 * 70 * 100)
    #expect {
      _ = try fixture.register.insureHerd(
        nationalID: Fixture.yerlan, season: "2026", livestockClass: "sheep_goat", heads: "4",
        actor: bakyt)
    } throws: {
      ($0 as? DomainError)?.description == "--claimant: the claimant belongs to no conservancy; "
        + "buffer insurance is for conservancy members"
    }
    for (season, livestockClass, heads) in [
      ("26", "sheep_goat", "4"), ("2026", "camel", "4"), ("2026", "sheep_goat", "0"),
    ] {
      #expect(throws: DomainError.self) {
        _ = try fixture.register.insureHerd(
          nationalID: Fixture.asel, season: season, livestockClass: livestockClass, heads: heads,
          actor: bakyt)
      }
    }
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM herd_insurance") == 1)
  }

  // MARK: policy

  @Test func theSeededPolicyIsSPEC5() throws {
    let policy = try Fixture().register.policy()
    let mrp = { (date: String) in try policy.value(.kzState, "mrp", on: CalendarDate(date)!).centi }
    #expect(try mrp("2023-06-01") == 345_000)
    #expect(try mrp("2024-12-31") == 369_200)
    #expect(try mrp("2025-01-01") == 393_200)
    #expect(try mrp("2026-01-01") == 432_500)
    #expect(throws: PolicyError.self) { _ = try mrp("2022-12-31") }
    #expect(
      try policy.value(.kzState, "rate.pasture.light", on: CalendarDate("2026-01-01")!).centi == 20)
    #expect(
      try policy.value(.kgBuffer, "insured_value.yak.young", on: CalendarDate("2026-01-01")!).centi
        == 1_800_000)
  }

  @Test func policySetAppendsWithoutRewritingHistory() throws {
    let fixture = try Fixture()
    let admin = try fixture.actor("admin")
    _ = try fixture.register.setPolicy(
      scheme: "kz-state", key: "mrp", value: "4500", from: "2027-01-01", actor: admin)
    let policy = try fixture.register.policy()
    #expect(try policy.value(.kzState, "mrp", on: CalendarDate("2026-12-31")!).centi == 432_500)
    #expect(try policy.value(.kzState, "mrp", on: CalendarDate("2027-01-01")!).centi == 450_000)
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test(arguments: [
    ("dauren", "kz-state", "mrp", "4500", "2027-01-01", "dauren may not change policy"),
    ("admin", "us-federal", "mrp", "4500", "2027-01-01", "--scheme: 'us-federal' is not a scheme"),
    (
      "admin", "kz-state", "mrpp", "4500", "2027-01-01", "--key: 'mrpp' is not a kz-state parameter"
    ),
    (
      "admin", "kz-state", "mrp", "45.001", "2027-01-01",
      "--value: '45.001' has more than two decimals"
    ),
    ("admin", "kz-state", "mrp", "4500", "2027-02-30", "--from: 2027-02-30 is not a date"),
    (
      "admin", "kz-state", "mrp", "4500", "2026-01-01",
      "--from: mrp already has a value from 2026-01-01"
    ),
    (
      "admin", "kz-state", "mrp", "4500", "2025-06-01",
      "--from: mrp already has a value from 2026-01-01"
    ),
  ])
  func policySetRefusalsWriteNothing(
    actor: String, scheme: String, key: String, value: String, from: String, message: String
  ) throws {
    let fixture = try Fixture()
    let before = try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM policy_value") ?? 0
    #expect {
      _ = try fixture.register.setPolicy(
        scheme: scheme, key: key, value: value, from: from, actor: fixture.actor(actor))
    } throws: { ($0 as? DomainError)?.description.hasPrefix(message) == true }
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM policy_value") == before)
  }

  @Test func policyCheckReportsMissingRatesGapsAndStaleValues() throws {
    let fixture = try Fixture()
    let findings = try fixture.register.checkPolicy()
    let text = findings.map { "\($0.scheme.rawValue) \($0.key): \($0.problem)" }
    // Every item a damage type accepts has a rate (the yak rates of SPEC §5.1, migration 0010).
    #expect(!text.contains { $0.hasSuffix("no value at all") })
    // Seeded from 2023-01-01; today (2026-06-15) that is over a year ago.
    #expect(
      text.contains(
        "kz-state rate.hay: not reviewed for over a year (value in force since 2023-01-01)"))
    #expect(!text.contains { $0.hasPrefix("kz-state mrp:") })
  }
}
