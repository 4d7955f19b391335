import Testing

@testable import HWCRules

/// SPEC §5.1 step 1: who is paid at all, and the first reason for refusing.
@Suite struct KZStateEligibilityTests {
  static let emergency = "2026-04-10"..."2026-04-20"

  @Test(arguments: [
    // 1 × 12 MRP × 3,932 KZT = 47,184 KZT
    RuleCase(
      "predation reported on day 3 is in time",
      .kz(reportedAfter: 3, items: "1 sheep_goat.adult"), 4_718_400),
    RuleCase(
      "predation reported on day 4 is late",
      .kz(reportedAfter: 4, items: "1 sheep_goat.adult"), 0,
      "reported 4 days after the incident; the limit is 3"),
    // 10 ha × 0.5 MRP × 3,932 KZT = 19,660 KZT
    RuleCase(
      "trampling reported on day 10 is in time",
      .kz(
        type: "pasture_trampling", species: "wild_boar", reportedAfter: 10,
        items: "10 pasture.moderate"), 1_966_000),
    RuleCase(
      "trampling reported on day 11 is late",
      .kz(
        type: "pasture_trampling", species: "wild_boar", reportedAfter: 11,
        items: "10 pasture.moderate"), 0, "reported 11 days after the incident; the limit is 10"),
    RuleCase(
      "reported on the day of the incident",
      .kz(reportedAfter: 0, items: "1 sheep_goat.adult"), 4_718_400),
    RuleCase("not inspected", .kz(inspected: false), 0, "not inspected"),
    RuleCase(
      "late and not inspected: the deadline is checked first",
      .kz(reportedAfter: 5, inspected: false), 0,
      "reported 5 days after the incident; the limit is 3"),
  ])
  func deadlineAndInspection(_ example: RuleCase) throws { try example.check() }

  @Test(arguments: [
    // 1 × 70 MRP × 3,932 KZT = 275,240 KZT; unprotected, but disease is not predation
    RuleCase(
      "disease with a vet certificate",
      .kz(
        type: "disease_spread", species: "saiga", reportedAfter: 10, items: "1 cattle.adult",
        protected: false, certificate: "VC-2025/117", emergency: "2025-01-01"..."2025-12-31"),
      27_524_000),
    RuleCase(
      "disease without a vet certificate",
      .kz(type: "disease_spread", species: "other", items: "1 cattle.adult"), 0,
      "disease spread needs a vet certificate"),
    RuleCase(
      "disease with a blank vet certificate",
      .kz(type: "disease_spread", species: "other", items: "1 cattle.adult", certificate: "  "),
      0, "disease spread needs a vet certificate"),
    RuleCase(
      "not inspected comes before the vet certificate",
      .kz(type: "disease_spread", species: "other", inspected: false), 0, "not inspected"),
  ])
  func vetCertificate(_ example: RuleCase) throws { try example.check() }

  @Test(arguments: [
    RuleCase(
      "saiga without any emergency",
      .kz(
        type: "pasture_trampling", species: "saiga", incident: "2026-04-14",
        items: "10 pasture.moderate"), 0,
      "saiga damage is paid only under a declared emergency; none covers 2026-04-14 in Kaztalov"),
    RuleCase(
      "saiga the day before the emergency starts",
      .kz(
        type: "pasture_trampling", species: "saiga", incident: "2026-04-09",
        items: "10 pasture.moderate", emergency: emergency), 0,
      "saiga damage is paid only under a declared emergency; none covers 2026-04-09 in Kaztalov"),
    // 10 ha × 0.5 MRP × 4,325 KZT = 21,625 KZT
    RuleCase(
      "saiga on the first day of the emergency",
      .kz(
        type: "pasture_trampling", species: "saiga", incident: "2026-04-10",
        items: "10 pasture.moderate", emergency: emergency), 2_162_500),
    RuleCase(
      "saiga on the last day of the emergency",
      .kz(
        type: "pasture_trampling", species: "saiga", incident: "2026-04-20",
        items: "10 pasture.moderate", emergency: emergency), 2_162_500),
    RuleCase(
      "saiga the day after the emergency ends",
      .kz(
        type: "pasture_trampling", species: "saiga", incident: "2026-04-21",
        items: "10 pasture.moderate", emergency: emergency), 0,
      "saiga damage is paid only under a declared emergency; none covers 2026-04-21 in Kaztalov"),
    RuleCase(
      "saiga disease without a certificate: the certificate is checked first",
      .kz(type: "disease_spread", species: "saiga", items: "1 cattle.adult"), 0,
      "disease spread needs a vet certificate"),
    // 10 ha × 0.5 MRP × 3,932 KZT = 19,660 KZT
    RuleCase(
      "wild boar needs no emergency",
      .kz(type: "pasture_trampling", species: "wild_boar", items: "10 pasture.moderate"),
      1_966_000),
  ])
  func saigaEmergency(_ example: RuleCase) throws { try example.check() }

  @Test func emergencyCoveringTheIncidentIsNamed() throws {
    let input = AssessmentInput.kz(
      type: "pasture_trampling", species: "saiga", incident: "2026-04-10",
      items: "10 pasture.moderate", emergency: Self.emergency)
    let assessment = try RulesEngine.assess(input, policy: RulesFixture.policy)
    #expect(
      assessment.explanation.map(\.text).contains(
        "saiga damage: emergency decree No. 7 (2026-04-10 to 2026-04-20) covers 2026-04-10: ok"))
  }

  @Test func ineligibleShowsTheChecksMadeAndNothingElse() throws {
    let assessment = try RulesEngine.assess(
      AssessmentInput.kz(inspected: false), policy: RulesFixture.policy)
    #expect(assessment.amountMinor == 0)
    #expect(assessment.lines.isEmpty)
    #expect(assessment.payer == nil)
    #expect(
      assessment.explanation.map { "\($0.step): \($0.rule): \($0.text)" } == [
        "eligibility: deadline_met: reported 1 day after the incident (2025-03-10 to 2025-03-11); "
          + "the limit is 3 (deadline_days.livestock_predation from 2023-01-01): ok",
        "eligibility: not_inspected: no inspection recorded: ineligible",
      ])
    #expect(assessment.reasonCode == .notInspected)
    #expect(
      assessment.explanation.first?.values == [
        "days": "1", "incident_date": "2025-03-10", "reported_date": "2025-03-11",
        "limit_days": "3", "limit_days_from": "2023-01-01",
        "key": "deadline_days.livestock_predation",
      ])
  }
}
