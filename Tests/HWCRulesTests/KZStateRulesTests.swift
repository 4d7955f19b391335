import HWCCore
import Testing

@testable import HWCRules

/// SPEC §5.1 steps 2–6: lines, reduction, household cap, minimum, payer.
@Suite struct KZStateRulesTests {
  /// One verified item on an incident date, and its line in minor units (whole tenge).
  @Test(arguments: [
    ("2025-03-10", "3 sheep_goat.adult", 14_155_200),  // 3 × 12 × 3,932 = 141,552
    ("2026-06-01", "4 sheep_goat.young", 8_650_000),  // 4 × 5 × 4,325 = 86,500
    ("2024-12-31", "1 cattle.adult", 25_844_000),  // 70 × 3,692 = 258,440
    ("2025-01-01", "1 cattle.adult", 27_524_000),  // 70 × 3,932 = 275,240
    ("2025-12-31", "1 cattle.adult", 27_524_000),  // 70 × 3,932 = 275,240
    ("2026-01-01", "1 cattle.adult", 30_275_000),  // 70 × 4,325 = 302,750
    ("2023-06-01", "2 cattle.young", 17_250_000),  // 2 × 25 × 3,450 = 172,500
    ("2025-06-01", "1 horse.adult", 31_456_000),  // 80 × 3,932 = 314,560
    ("2026-06-01", "2 horse.young", 25_950_000),  // 2 × 30 × 4,325 = 259,500
    ("2026-06-01", "1 camel.adult", 38_925_000),  // 90 × 4,325 = 389,250
    ("2023-06-01", "1 camel.young", 12_075_000),  // 35 × 3,450 = 120,750
    ("2023-06-01", "0.25 pasture.light", 17_300),  // 0.25 × 0.2 × 3,450 = 172.5 → 173
    ("2024-06-01", "0.03 pasture.light", 2_200),  // 0.03 × 0.2 × 3,692 = 22.152 → 22
    ("2025-06-01", "35.5 pasture.moderate", 6_979_300),  // 35.5 × 0.5 × 3,932 = 69,793
    ("2025-06-01", "0.01 pasture.severe", 3_900),  // 0.01 × 1 × 3,932 = 39.32 → 39
    ("2026-02-01", "2.5 hay", 6_487_500),  // 2.5 × 6 × 4,325 = 64,875
    ("2025-06-01", "1.17 crop.wheat", 6_900_700),  // 1.17 × 15 × 3,932 = 69,006.6 → 69,007
    ("2023-06-01", "1 crop.barley", 4_140_000),  // 12 × 3,450 = 41,400
    ("2024-06-01", "2 crop.fodder", 7_384_000),  // 2 × 10 × 3,692 = 73,840
    ("2025-06-01", "0.5 crop.other", 1_572_800),  // 0.5 × 8 × 3,932 = 15,728
    ("2024-06-01", "3 water.point_day", 553_800),  // 3 × 0.5 × 3,692 = 5,538
  ])
  func lineIsQuantityTimesRateTimesMRPRoundedHalfUp(incident: String, item: String, line: Int)
    throws
  {
    let type = RulesFixture.damageType(for: RulesFixture.quantities(item)[0].item)
    let input = AssessmentInput.kz(
      type: type, species: "wild_boar", incident: incident, items: item)
    let assessment = try RulesEngine.assess(input, policy: RulesFixture.policy)
    #expect(assessment.lines.map(\.amountMinor) == [line])
  }

  @Test func oneLinePerItemInItemCodeOrderAndZeroGivesZero() throws {
    // 3 × 12 × 3,932 = 141,552; 0 young sheep give a 0 line
    let input = AssessmentInput.kz(items: "0 sheep_goat.young, 3 sheep_goat.adult")
    let assessment = try RulesEngine.assess(input, policy: RulesFixture.policy)
    #expect(assessment.lines.map(\.item) == ["sheep_goat.adult", "sheep_goat.young"])
    #expect(assessment.lines.map(\.amountMinor) == [14_155_200, 0])
    #expect(assessment.lines[0].rate == "12 MRP × 3,932 KZT")
    #expect(assessment.amountMinor == 14_155_200)
  }

  @Test(arguments: [
    // 0.25 × 0.2 × 3,450 = 172.5 → 173; 10 × 0.5 × 3,450 = 17,250; total 17,423 KZT
    RuleCase(
      "each line is rounded before the subtotal",
      .kz(
        type: "pasture_trampling", species: "wild_boar", incident: "2023-06-01",
        items: "0.25 pasture.light, 10 pasture.moderate"), 1_742_300),
    RuleCase("protected predation is paid in full", .kz(), 14_155_200),
    // 141,552 × 50% = 70,776
    RuleCase("unprotected predation is halved", .kz(protected: false), 7_077_600),
    // 1 × 5 × 4,325 = 21,625 × 50% = 10,812.5 → 10,813
    RuleCase(
      "an odd subtotal halves up",
      .kz(incident: "2026-03-10", items: "1 sheep_goat.young", protected: false), 1_081_300),
    // 21,625 + 108,125 = 129,750 × 50% = 64,875 (halving each line would give 64,876)
    RuleCase(
      "the subtotal is reduced, not each line",
      .kz(incident: "2026-03-10", items: "1 cattle.young, 1 sheep_goat.young", protected: false),
      6_487_500),
    // 70 × 3,932 = 275,240, no reduction outside predation
    RuleCase(
      "unprotected disease is not reduced",
      .kz(
        type: "disease_spread", species: "other", items: "1 cattle.adult", protected: false,
        certificate: "VC-1"), 27_524_000),
  ])
  func linesAndReduction(_ example: RuleCase) throws { try example.check() }

  /// Cap in 2025: 1,000 MRP × 3,932 KZT = 3,932,000 KZT = 393,200,000 minor.
  @Test(arguments: [
    RuleCase("nothing approved yet", .kz(), 14_155_200),
    // 3,932,000 − 3,790,448 = 141,552 left: exactly enough
    RuleCase("cap reached exactly", .kz(alreadyApproved: 379_044_800), 14_155_200),
    // 141,551 left
    RuleCase("cap cuts one tenge", .kz(alreadyApproved: 379_044_900), 14_155_100),
    // 3,932,000 − 3,900,000 = 32,000 left
    RuleCase("cap cuts to what is left", .kz(alreadyApproved: 390_000_000), 3_200_000),
    // 70,776 after the reduction, cut to 32,000
    RuleCase(
      "cap applies after the reduction", .kz(protected: false, alreadyApproved: 390_000_000),
      3_200_000),
    RuleCase(
      "cap used up: nothing left is below minimum", .kz(alreadyApproved: 393_200_000), 0,
      "below minimum"),
    RuleCase(
      "approved above the cap leaves nothing", .kz(alreadyApproved: 400_000_000), 0,
      "below minimum"),
    // 1,000,000 × 70 × 4,325 = 302,750,000,000 KZT cut to 1,000 × 4,325 = 4,325,000 KZT
    RuleCase(
      "a million head cannot overflow and is capped",
      .kz(incident: "2026-03-10", items: "1000000 cattle.adult"), 432_500_000),
  ])
  func householdCap(_ example: RuleCase) throws { try example.check() }

  /// Minimum in 2025: 1 MRP = 3,932 KZT = 393,200 minor; in 2026 4,325 KZT.
  @Test(arguments: [
    RuleCase(
      "exactly one MRP is paid",
      .kz(type: "pasture_trampling", species: "wild_boar", items: "1 pasture.severe"), 393_200),
    // 0.99 × 1 × 3,932 = 3,892.68 → 3,893 < 3,932
    RuleCase(
      "just below one MRP is not paid",
      .kz(type: "pasture_trampling", species: "wild_boar", items: "0.99 pasture.severe"), 0,
      "below minimum"),
    // 3,932,000 − 3,928,068 = 3,932 left
    RuleCase("cap leaves exactly the minimum", .kz(alreadyApproved: 392_806_800), 393_200),
    // 3,931 left
    RuleCase(
      "cap leaves one tenge less than the minimum", .kz(alreadyApproved: 392_806_900), 0,
      "below minimum"),
    // 1 × 1 × 4,325 = 4,325
    RuleCase(
      "one MRP in 2026 is 4,325",
      .kz(
        type: "pasture_trampling", species: "wild_boar", incident: "2026-03-10",
        items: "1 pasture.severe"), 432_500),
    // 0.99 × 4,325 = 4,281.75 → 4,282 < 4,325 (it would pass the 2025 minimum)
    RuleCase(
      "4,282 is below the 2026 minimum",
      .kz(
        type: "pasture_trampling", species: "wild_boar", incident: "2026-03-10",
        items: "0.99 pasture.severe"), 0, "below minimum"),
  ])
  func minimum(_ example: RuleCase) throws { try example.check() }

  @Test func belowMinimumKeepsTheLinesForTheAuditor() throws {
    let assessment = try RuleCase(
      "", .kz(type: "pasture_trampling", species: "wild_boar", items: "0.99 pasture.severe"), 0
    ).assess()
    #expect(assessment.lines.map(\.amountMinor) == [389_300])
    #expect(assessment.payer == nil)
    #expect(assessment.explanation.last?.step == .minimum)
  }

  @Test func explanationFollowsTheStepsAndShowsTheArithmetic() throws {
    let assessment = try RuleCase("", .kz(alreadyApproved: 390_000_000), 0).assess()
    var steps: [ExplanationStep] = []
    for line in assessment.explanation where steps.last != line.step { steps.append(line.step) }
    #expect(steps == [.eligibility, .lines, .reduction, .cap, .minimum, .payer])
    let texts = assessment.explanation.map(\.text)
    #expect(
      texts.contains(
        "3 × sheep_goat.adult × 12 MRP × 3,932 KZT (MRP from 2025-01-01) = 141,552 KZT"))
    #expect(texts.contains("no reduction: livestock were protected"))
    #expect(texts.contains("cap reached: 141,552 KZT cut by 109,552 KZT to 32,000 KZT"))
    #expect(assessment.payer == "Kaztalov budget 2025")
  }

  @Test func roundingAndReductionAreExplained() throws {
    let pasture = try RuleCase(
      "",
      .kz(
        type: "pasture_trampling", species: "wild_boar", incident: "2023-06-01",
        items: "0.25 pasture.light, 10 pasture.moderate"), 0
    ).assess()
    #expect(
      pasture.explanation.map(\.text).contains(
        "0.25 × pasture.light × 0.2 MRP × 3,450 KZT (MRP from 2023-01-01) = 172.5 KZT, "
          + "rounded half-up to 173 KZT"))
    let odd = try RuleCase(
      "", .kz(incident: "2026-03-10", items: "1 sheep_goat.young", protected: false), 0
    ).assess()
    #expect(
      odd.explanation.map(\.text).contains(
        "livestock were not protected: 21,625 KZT × 50% (reduction_unprotected_percent from "
          + "2023-01-01) = 10,812.5 KZT, rounded half-up to 10,813 KZT"))
    #expect(odd.payer == "Kaztalov budget 2026")
  }
}
