import Testing

@testable import HWCRules

/// SPEC §5.2, scheme `kg-buffer`; the loss is on 2025-08-01 unless told otherwise.
///
/// Per head at 80 %: sheep/goat 5,600 / 2,400; cattle 36,000 / 12,000; horse 48,000 / 16,000;
/// yak 40,000 / 14,400 KGS. At 40 %: sheep/goat 2,800 / 1,200 KGS.
@Suite struct KGBufferRulesTests {
  static func poaching(_ date: String) -> [WildlifeIncident] {
    [WildlifeIncident(id: 3, kind: "poaching", date: day(date))]
  }

  @Test(arguments: [
    // 3 × 7,000 × 80% = 16,800
    RuleCase("a member reporting the next day is paid", .kg(), 1_680_000),
    RuleCase(
      "trampling is not covered", .kg(type: "pasture_trampling", items: "10 pasture.moderate"),
      0, "not covered: the buffer fund covers livestock predation only"),
    RuleCase(
      "cover is checked before membership", .kg(type: "hay_loss", member: false, items: "1 hay"),
      0, "not covered: the buffer fund covers livestock predation only"),
    RuleCase(
      "not a member with a paid premium", .kg(member: false), 0,
      "not a member of Shamshy with a paid premium for the 2025 season"),
    RuleCase(
      "membership is checked before the deadline", .kg(member: false, reportedAfter: 9), 0,
      "not a member of Shamshy with a paid premium for the 2025 season"),
    RuleCase("reported on day 3 is in time", .kg(reportedAfter: 3), 1_680_000),
    RuleCase(
      "reported on day 4 is late", .kg(reportedAfter: 4), 0,
      "reported 4 days after the incident; the limit is 3"),
    RuleCase("not inspected", .kg(inspected: false), 0, "not inspected"),
  ])
  func eligibility(_ example: RuleCase) throws { try example.check() }

  @Test(arguments: [
    RuleCase(
      "poaching 365 days before the loss suspends payments", .kg(incidents: poaching("2024-08-01")),
      0,
      "payments suspended: poaching recorded on 2024-08-01 (incident #3) within 365 days before "
        + "the loss"),
    RuleCase(
      "poaching 366 days before the loss does not", .kg(incidents: poaching("2024-07-31")),
      1_680_000),
    RuleCase(
      "poaching on the day of the loss suspends payments", .kg(incidents: poaching("2025-08-01")),
      0,
      "payments suspended: poaching recorded on 2025-08-01 (incident #3) within 365 days before "
        + "the loss"),
    RuleCase(
      "poaching the day after the loss does not count", .kg(incidents: poaching("2025-08-02")),
      1_680_000),
    RuleCase(
      "the clause is checked after the inspection",
      .kg(inspected: false, incidents: poaching("2025-08-01")), 0, "not inspected"),
  ])
  func conservationClause(_ example: RuleCase) throws { try example.check() }

  @Test func clauseNamesTheMostRecentIncident() throws {
    let incidents = [
      WildlifeIncident(id: 4, kind: "retaliatory_killing", date: day("2025-03-02")),
      WildlifeIncident(id: 3, kind: "poaching", date: day("2024-11-20")),
      WildlifeIncident(id: 5, kind: "poaching", date: day("2025-09-01")),
    ]
    let assessment = try RuleCase("", .kg(incidents: incidents), 0).assess()
    #expect(
      assessment.reason
        == "payments suspended: retaliatory killing recorded on 2025-03-02 (incident #4) "
        + "within 365 days before the loss")
  }

  @Test(arguments: [
    // 2 × 5,600 = 11,200
    RuleCase(
      "only heads not yet compensated are payable", .kg(compensated: "18 sheep_goat"), 1_120_000),
    // 3 available: 2 adults × 5,600 + 1 young × 2,400 = 13,600
    RuleCase(
      "adults are paid before young",
      .kg(items: "2 sheep_goat.adult, 3 sheep_goat.young", compensated: "17 sheep_goat"),
      1_360_000),
    // 3 available, all taken by 3 adults: 16,800
    RuleCase(
      "young get nothing when adults take every head",
      .kg(items: "3 sheep_goat.adult, 2 sheep_goat.young", compensated: "17 sheep_goat"),
      1_680_000),
    RuleCase(
      "insured heads exhausted", .kg(compensated: "20 sheep_goat"), 0, "below minimum"),
    RuleCase(
      "more compensated than insured leaves none", .kg(compensated: "25 sheep_goat"), 0,
      "below minimum"),
    // 3 × 7,000 × 40% = 8,400
    RuleCase("unprotected livestock are covered at 40 %", .kg(protected: false), 840_000),
    // 1 × 3,000 × 40% = 1,200
    RuleCase(
      "unprotected young at 40 %", .kg(items: "1 sheep_goat.young", protected: false), 120_000),
    // 36,000 + 2 × 2,400 = 40,800
    RuleCase(
      "classes are counted separately",
      .kg(
        items: "1 cattle.adult, 2 sheep_goat.young", insured: "1 cattle, 10 sheep_goat",
        compensated: "8 sheep_goat"), 4_080_000),
    // the horse is not insured: only 5,600 for the sheep
    RuleCase(
      "an uninsured class pays nothing",
      .kg(items: "1 horse.adult, 1 sheep_goat.adult"), 560_000),
    RuleCase("cattle young", .kg(items: "1 cattle.young", insured: "2 cattle"), 1_200_000),
    RuleCase("horse young", .kg(items: "1 horse.young", insured: "3 horse"), 1_600_000),
    RuleCase("yak adult", .kg(items: "1 yak.adult", insured: "2 yak"), 4_000_000),
    RuleCase("yak young", .kg(items: "1 yak.young", insured: "2 yak"), 1_440_000),
  ])
  func payableHeadsAndCoverage(_ example: RuleCase) throws { try example.check() }

  /// Cap 150,000 KGS = 15,000,000 minor; minimum 500 KGS = 50,000 minor.
  @Test(arguments: [
    // 2 × 48,000 = 96,000
    RuleCase(
      "cap not reached", .kg(items: "2 horse.adult", insured: "10 horse"), 9_600_000),
    // 96,000 + 2 × 36,000 = 168,000 → 150,000
    RuleCase(
      "one complaint over the cap",
      .kg(items: "2 cattle.adult, 2 horse.adult", insured: "10 horse, 10 cattle"), 15_000_000),
    // 150,000 − 100,000 = 50,000 left
    RuleCase(
      "earlier approvals leave 50,000",
      .kg(items: "2 horse.adult", insured: "10 horse", alreadyApproved: 10_000_000), 5_000_000),
    // 150,000 − 149,500 = 500 left: exactly the minimum
    RuleCase("exactly the minimum is paid", .kg(alreadyApproved: 14_950_000), 50_000),
    // 499 left
    RuleCase(
      "one som below the minimum", .kg(alreadyApproved: 14_950_100), 0, "below minimum"),
  ])
  func capAndMinimum(_ example: RuleCase) throws { try example.check() }

  @Test func lineExplainsKilledAgainstPayable() throws {
    let assessment = try RuleCase("", .kg(compensated: "18 sheep_goat"), 0).assess()
    let line = try #require(assessment.lines.first)
    #expect(line.quantityCenti == 200)
    #expect(line.rate == "7,000 KGS × 80%")
    #expect(line.note == "3 killed, 2 payable: 20 insured, 18 already compensated")
    #expect(assessment.payer == "Shamshy buffer fund")
    #expect(assessment.currency == "KGS")
    #expect(
      assessment.explanation.map(\.text).contains(
        "2 × sheep_goat.adult × 7,000 KGS (insured_value.sheep_goat.adult from 2023-01-01) "
          + "× 80% = 11,200 KGS; 3 killed, 2 payable: 20 insured, 18 already compensated"))
  }

  @Test func youngLineSaysAdultsWerePaidFirst() throws {
    let assessment = try RuleCase(
      "", .kg(items: "2 sheep_goat.adult, 3 sheep_goat.young", compensated: "17 sheep_goat"), 0
    ).assess()
    #expect(assessment.lines.map(\.quantityCenti) == [200, 100])
    #expect(
      assessment.lines[1].note
        == "3 killed, 1 payable: 20 insured, 17 already compensated, 2 adult heads paid first")
  }
}
