import HWCCore
import HWCRules
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// Migration 0006 turns assessments stored as text into rows: a register made before it must read
/// the same afterwards, and its audit chain must still match.
@Suite struct MigrationUpgradeTests {
  static let policyText = [
    "mrp = 4325 (from 2026-01-01)", "rate.sheep_goat.adult = 12 (from 2023-01-01)",
    "rate.pasture.light = 0.2 (from 2023-01-01)",
    "coverage_percent.protected = 80.25 (from 2024-03-01)",
    "household_cap_mrp = 1000 (from 2023-01-01)",
  ]
  static let explanationText = [
    "eligibility: reported 1 day after the incident (2026-02-03 to 2026-02-04); the limit is 3 "
      + "(deadline_days.livestock_predation from 2023-01-01): ok",
    "lines: 4 × sheep_goat.adult × 12 MRP × 4,325 KZT (MRP from 2026-01-01) = 207,600 KZT",
    "lines: subtotal: 207,600 KZT",
    "payer: paid from the Kaztalov budget 2026: 207,600 KZT",
  ]
  /// Reasons as the engine wrote them before codes existed, and the code each must get.
  static let reasons: [(String, ReasonCode)] = [
    ("reported 5 days after the incident; the limit is 3", .lateReport),
    ("not inspected", .notInspected),
    ("disease spread needs a vet certificate", .noVetCertificate),
    (
      "saiga damage is paid only under a declared emergency; none covers 2026-03-01 in Kaztalov",
      .noEmergency
    ),
    ("not covered: the buffer fund covers livestock predation only", .notCovered),
    (
      "payments suspended: poaching recorded on 2026-05-05 (incident #1) within 365 days before "
        + "the loss", .suspended
    ),
    ("not a member of Shamshy with a paid premium for the 2026 season", .notMember),
    ("below minimum", .belowMinimum),
  ]

  @Test func assessmentsStoredAsTextReadTheSameAsRows() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("old.sqlite")
    let db = try Database(path: path)
    _ = try Migrator(migrations: Schema.migrations.filter { $0.number <= 5 }).migrate(db)
    try db.execute(
      """
      INSERT INTO app_user(id, name, created_at) VALUES (1, 'aliya', '2026-01-01T00:00:00Z');
      INSERT INTO claimant(id, national_id, country, name, district_id, created_at, created_by)
        SELECT 1, '880512300411', 'KZ', 'Yerlan Bekov', id, '2026-01-01T00:00:00Z', 1
        FROM district WHERE code = 'KAZ';
      """)
    let statuses = ["assessed"] + Array(repeating: "ineligible", count: Self.reasons.count)
    for (index, status) in statuses.enumerated() {
      try db.run(
        """
        INSERT INTO complaint(id, code, district_id, year, seq, claimant_id, damage_type, species,
          incident_date, reported_date, status, registered_at, registered_by)
        SELECT ?, ?, id, 2026, ?, 1, 'livestock_predation', 'wolf', '2026-02-03', '2026-02-04', ?,
          '2026-02-04T00:00:00Z', 1 FROM district WHERE code = 'KAZ'
        """,
        with: [index + 1, "KAZ-2026-\(index + 1)", index + 1, status])
    }
    let insert = """
      INSERT INTO assessment(complaint_id, scheme, outcome, reason, currency, amount_minor,
        policy_date, payer, policy_text, explanation_text, assessed_by, assessed_at)
      VALUES (?, 'kz-state', ?, ?, 'KZT', ?, '2026-02-03', ?, ?, ?, 1, '2026-02-05T00:00:00Z')
      """
    try db.run(
      insert,
      with: [
        1, "eligible", String?.none, 20_760_000, "Kaztalov budget 2026",
        Self.policyText.joined(separator: "\n"), Self.explanationText.joined(separator: "\n"),
      ])
    for (index, (reason, _)) in Self.reasons.enumerated() {
      try db.run(
        insert,
        with: [
          index + 2, "ineligible", reason, 0, String?.none, Self.policyText[0],
          "eligibility: \(reason): ineligible",
        ])
    }
    let states = try db.prepare("SELECT id, state FROM audit_state_assessment ORDER BY id").map {
      "\($0.int("id")) \($0.text("state"))"
    }

    // Up to 0008 the audited state was rendered by views; 0006 kept it unchanged.
    _ = try Migrator(migrations: Schema.migrations.filter { $0.number < 9 }).migrate(db)
    #expect(
      try db.prepare("SELECT id, state FROM audit_state_assessment ORDER BY id").map {
        "\($0.int("id")) \($0.text("state"))"
      } == states)
    // These rows were written without audit entries: only the explanation rows are checked.
    _ = try Schema.migrator.migrate(db)
    let register = try Register.open(path: path)
    let eligible = try #require(try register.latestAssessment(code: "KAZ-2026-1"))
    #expect(eligible.policyLines == Self.policyText)
    #expect(eligible.explanationLines == Self.explanationText)
    #expect(eligible.assessment.explanation.map(\.step) == [.eligibility, .lines, .lines, .payer])
    #expect(eligible.assessment.explanation.allSatisfy { $0.rule == "recorded" })
    #expect(eligible.assessment.reasonCode == nil)
    #expect(
      eligible.assessment.policyValues.map(\.centi) == [432_500, 1200, 20, 8025, 100_000])
    for (index, (reason, code)) in Self.reasons.enumerated() {
      let stored = try #require(try register.latestAssessment(code: "KAZ-2026-\(index + 2)"))
      #expect(stored.assessment.reason == reason)
      #expect(stored.assessment.reasonCode == code, "\(reason)")
      #expect(stored.explanationLines == ["eligibility: \(reason): ineligible"])
    }
  }
}
