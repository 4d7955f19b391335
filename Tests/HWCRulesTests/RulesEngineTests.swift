import HWCCore
import Testing

@testable import HWCRules

/// Policy versions: values in force on the incident date, recorded, and never a silent 0.
@Suite struct RulesEngineTests {
  /// The case's `reason` is the key that has no value in force.
  @Test(arguments: [
    RuleCase(
      "kz incident in 2022, before any value", .kz(incident: "2022-06-01"), 0,
      "deadline_days.livestock_predation"),
    RuleCase(
      "kg incident in 2022, before any value", .kg(incident: "2022-06-01"), 0,
      "deadline_days.livestock_predation"),
    RuleCase("kz has no rate for yaks", .kz(items: "1 yak.adult"), 0, "rate.yak.adult"),
    RuleCase(
      "kg has no insured value for an insured camel",
      .kg(items: "1 camel.adult", insured: "4 camel"), 0, "insured_value.camel.adult"),
  ])
  func missingValueThrowsNamingKeyAndDate(_ example: RuleCase) {
    let input = example.input
    let key = example.reason ?? ""
    #expect(throws: PolicyError.missing(scheme: input.scheme, key: key, date: input.incidentDate)) {
      try example.assess()
    }
  }

  @Test func missingMRPIsNeverASilentZero() {
    let policy = Policy(RulesFixture.kzValues.filter { $0.key != "mrp" })
    let error = PolicyError.missing(scheme: .kzState, key: "mrp", date: day("2025-03-10"))
    #expect(throws: error) { try RulesEngine.assess(.kz(), policy: policy) }
    #expect(error.description.contains("'mrp'"))
    #expect(error.description.contains("2025-03-10"))
  }

  @Test func uninsuredCamelNeedsNoInsuredValue() throws {
    // 1 × 5,600 for the sheep; the camel class is not insured, so its value is not looked up
    let assessment = try RuleCase("", .kg(items: "1 camel.adult, 1 sheep_goat.adult"), 0).assess()
    #expect(assessment.amountMinor == 560_000)
    #expect(assessment.lines.map(\.rate) == ["not insured", "7,000 KGS × 80%"])
  }

  @Test(arguments: [
    RuleCase("kz protected", .kz(), 0), RuleCase("kz unprotected", .kz(protected: false), 0),
    RuleCase("kg protected", .kg(), 0), RuleCase("kg unprotected", .kg(protected: false), 0),
  ])
  func laterDatedValuesDoNotChangeAnEarlierAssessment(_ example: RuleCase) throws {
    let input = example.input
    let later =
      RulesFixture.kzValues + RulesFixture.kgValues + [
        RulesFixture.value(.kzState, "mrp", "5000", from: "2027-01-01"),
        RulesFixture.value(.kzState, "rate.sheep_goat.adult", "15", from: "2027-01-01"),
        RulesFixture.value(.kzState, "reduction_unprotected_percent", "30", from: "2025-03-11"),
        RulesFixture.value(.kgBuffer, "coverage_percent.protected", "90", from: "2025-08-02"),
        RulesFixture.value(.kgBuffer, "insured_value.sheep_goat.adult", "8000", from: "2026-01-01"),
      ]
    let before = try RulesEngine.assess(input, policy: RulesFixture.policy)
    let after = try RulesEngine.assess(input, policy: Policy(later))
    #expect(before == after)
  }

  @Test func policyValuesAreListedOnceInTheOrderUsed() throws {
    let assessment = try RuleCase("", .kz(), 0).assess()
    #expect(
      assessment.policyValues == [
        RulesFixture.value(.kzState, "deadline_days.livestock_predation", "3"),
        RulesFixture.value(.kzState, "mrp", "3932", from: "2025-01-01"),
        RulesFixture.value(.kzState, "rate.sheep_goat.adult", "12"),
        RulesFixture.value(.kzState, "household_cap_mrp", "1000"),
        RulesFixture.value(.kzState, "minimum_mrp", "1"),
      ])
    #expect(assessment.policyDate == day("2025-03-10"))
    #expect(assessment.currency == "KZT")
    #expect(assessment.scheme == .kzState)
  }

  @Test func kgPolicyValuesFollowTheSteps() throws {
    let assessment = try RuleCase("", .kg(protected: false), 0).assess()
    #expect(
      assessment.policyValues.map(\.key) == [
        "deadline_days.livestock_predation", "clause_window_days", "coverage_percent.unprotected",
        "insured_value.sheep_goat.adult", "household_cap", "minimum",
      ])
    #expect(assessment.policyDate == day("2025-08-01"))
  }

  @Test func ineligibleRecordsOnlyWhatItUsed() throws {
    let assessment = try RuleCase("", .kz(reportedAfter: 4), 0).assess()
    #expect(assessment.policyValues.map(\.key) == ["deadline_days.livestock_predation"])
  }
}
