import HWCCore
import HWCDomain

/// Scheme `kg-buffer` (SPEC §5.2): a conservancy's livestock buffer fund, in KGS.
///
/// Steps, in order: eligibility (cover, membership, deadline, inspection, conservation clause),
/// payable heads and lines, household cap, minimum, payer. The season is the incident's year.
public struct KGBufferRules: Sendable {
  /// The facts of the complaint.
  public let input: AssessmentInput
  /// Every policy value of every scheme; this one reads `kg-buffer`.
  public let policy: Policy

  /// Prepares the assessment of `input` under `policy`.
  public init(input: AssessmentInput, policy: Policy) {
    self.input = input
    self.policy = policy
  }

  /// Runs the steps of SPEC §5.2; throws when a policy value is not in force on the incident date.
  public func assess() throws(PolicyError) -> Assessment {
    var sheet = Worksheet(scheme: .kgBuffer, input: input, policy: policy)
    if let reason = try eligibilityFailure(&sheet) { return sheet.ineligible(reason) }
    let subtotal = try addLines(&sheet)

    let cap = try sheet.value("household_cap")
    let capped = sheet.applyCap(
      subtotal, capMinor: cap.centi,
      capText: "household cap for the \(season) season: \(sheet.money(cap.centi)) "
        + "(\(Worksheet.source(cap)))",
      capValues: Worksheet.values("cap", cap).merging(
        ["season": String(season)], uniquingKeysWith: { $1 }))

    let minimum = try sheet.value("minimum")
    let minimumText = "minimum \(sheet.money(minimum.centi)) (\(Worksheet.source(minimum)))"
    if let reason = sheet.checkMinimum(
      capped, minimumMinor: minimum.centi, minimumText: minimumText,
      minimumValues: Worksheet.values("minimum", minimum))
    {
      return sheet.ineligible(reason)
    }
    return sheet.eligible(amountMinor: capped, payer: "\(fund) buffer fund")
  }

  private var season: Int { input.incidentDate.year }
  private var fund: String { input.conservancy ?? input.district }

  // MARK: 1. Eligibility

  /// Checks cover, membership, deadline, inspection, clause; the first failure is the reason.
  private func eligibilityFailure(_ sheet: inout Worksheet) throws(PolicyError) -> (
    ReasonCode, String
  )? {
    guard input.damageType == "livestock_predation" else {
      sheet.explain(
        .eligibility, "type_not_covered", ["type": input.damageType],
        "damage type \(input.damageType) is not covered: ineligible")
      return (.notCovered, "not covered: the buffer fund covers livestock predation only")
    }
    sheet.explain(
      .eligibility, "type_covered", ["type": input.damageType],
      "damage type livestock_predation is covered: ok")

    let membership = "a member of \(fund) with a paid premium for the \(season) season"
    let values = ["fund": fund, "season": String(season)]
    guard input.memberWithPaidPremium else {
      sheet.explain(
        .eligibility, "not_member", values, "claimant is not \(membership): ineligible")
      return (.notMember, "not \(membership)")
    }
    sheet.explain(.eligibility, "member", values, "claimant is \(membership): ok")

    if let reason = try sheet.checkDeadline("deadline_days.livestock_predation") { return reason }
    if let reason = sheet.checkInspected() { return reason }
    return try conservationClause(&sheet)
  }

  /// A poaching or retaliatory killing within the window before the loss suspends payments.
  ///
  /// Counts incidents 0 to `clause_window_days` days before the loss; later ones do not count.
  /// When several do, the most recent is named (the suspension lasts longest from it).
  private func conservationClause(_ sheet: inout Worksheet) throws(PolicyError) -> (
    ReasonCode, String
  )? {
    let window = try sheet.value("clause_window_days")
    let loss = input.incidentDate
    let within = input.incidents.filter {
      let before = $0.date.days(to: loss)
      return before >= 0 && before * 100 <= window.centi
    }
    let rule = "\(window.text) days (\(Worksheet.source(window)))"
    guard
      let incident = within.max(by: { ($0.date, $0.id) < ($1.date, $1.id) })
    else {
      var values = Worksheet.values("window_days", window)
      values["fund"] = fund
      values["loss_date"] = loss.description
      sheet.explain(
        .eligibility, "clause_clear", values,
        "conservation clause: no poaching or retaliatory killing recorded in \(fund) "
          + "within \(rule) before the loss on \(loss): ok")
      return nil
    }
    let kind = String(incident.kind.map { $0 == "_" ? " " : $0 })
    let before = Worksheet.days(incident.date.days(to: loss))
    var values = Worksheet.values("window_days", window)
    values["kind"] = incident.kind
    values["incident_date"] = incident.date.description
    values["incident"] = String(incident.id)
    values["days_before"] = String(incident.date.days(to: loss))
    values["loss_date"] = loss.description
    sheet.explain(
      .eligibility, "clause_suspended", values,
      "conservation clause: \(kind) recorded on \(incident.date) (incident #\(incident.id)), "
        + "\(before) before the loss on \(loss), within \(rule): ineligible")
    return (
      .suspended,
      "payments suspended: \(kind) recorded on \(incident.date) "
        + "(incident #\(incident.id)) within \(window.text) days before the loss"
    )
  }

  // MARK: 2–3. Payable heads and lines

  /// One line per verified item in item-code order: payable heads × insured value × coverage.
  private func addLines(_ sheet: inout Worksheet) throws(PolicyError) -> Int {
    let inspection = input.inspection!  // eligibility required one
    let coverage = try sheet.value(
      inspection.protected ? "coverage_percent.protected" : "coverage_percent.unprotected")
    var coverageValues = Worksheet.values("coverage_percent", coverage)
    coverageValues["protected"] = inspection.protected ? "yes" : "no"
    sheet.explain(
      .lines, "coverage", coverageValues,
      "coverage \(coverage.text)% (\(Worksheet.source(coverage))): livestock were "
        + (inspection.protected ? "protected" : "not protected"))

    let items = inspection.items.sorted { $0.item < $1.item }
    let payable = payableHeads(items)
    var adultsPaid: [String: Int] = [:]
    for (index, item) in items.enumerated() where isAdult(item) {
      adultsPaid[input.items[item.item]?.livestockClass ?? "", default: 0] += payable[index]
    }
    var subtotal = 0
    for (index, item) in items.enumerated() {
      let line = try line(
        item, payable: payable[index], coverage: coverage, adultsPaid: adultsPaid, &sheet)
      sheet.lines.append(line)
      subtotal += line.amountMinor
    }
    sheet.explain(
      .lines, "subtotal", ["amount_minor": String(subtotal)], "subtotal: \(sheet.money(subtotal))")
    return subtotal
  }

  /// Payable heads of each item (hundredths): adults take the class's available heads first.
  private func payableHeads(_ items: [ItemQuantity]) -> [Int] {
    var available: [String: Int] = [:]
    for (livestockClass, insured) in input.insuredHeads {
      let compensated = input.compensatedHeads[livestockClass] ?? 0
      available[livestockClass] = max(0, insured - compensated) * 100
    }
    let order = items.indices.sorted {
      (isAdult(items[$0]) ? 0 : 1, $0) < (isAdult(items[$1]) ? 0 : 1, $1)
    }
    var payable = Array(repeating: 0, count: items.count)
    for index in order {
      guard let livestockClass = input.items[items[index].item]?.livestockClass else { continue }
      let heads = min(items[index].centi, available[livestockClass] ?? 0)
      payable[index] = heads
      available[livestockClass, default: 0] -= heads
    }
    return payable
  }

  private func isAdult(_ item: ItemQuantity) -> Bool { input.items[item.item]?.age == "adult" }

  private func line(
    _ item: ItemQuantity, payable: Int, coverage: PolicyValue, adultsPaid: [String: Int],
    _ sheet: inout Worksheet
  ) throws(PolicyError) -> AssessmentLine {
    let killed = Arithmetic.centi(item.centi)
    let kind = input.items[item.item]
    guard let livestockClass = kind?.livestockClass, let age = kind?.age else {
      let note = "\(killed) killed, 0 payable: not an insurable livestock item"
      sheet.explain(
        .lines, "line_not_insurable", ["item": item.item, "quantity_centi": String(item.centi)],
        "\(killed) × \(item.item) = 0 KGS; \(note)")
      return AssessmentLine(
        item: item.item, quantityCenti: 0, rate: "not insurable", amountMinor: 0, note: note)
    }
    let insured = input.insuredHeads[livestockClass] ?? 0
    let compensated = input.compensatedHeads[livestockClass] ?? 0
    var note =
      "\(killed) killed, \(Arithmetic.centi(payable)) payable: "
      + "\(Arithmetic.grouped(insured)) insured, \(Arithmetic.grouped(compensated)) "
      + "already compensated"
    if let adults = adultsPaid[livestockClass], age != "adult", payable < item.centi, adults > 0 {
      note += ", \(Arithmetic.centi(adults)) adult heads paid first"
    }
    var values = [
      "item": item.item, "quantity_centi": String(item.centi), "payable_centi": String(payable),
      "insured": String(insured), "compensated": String(compensated),
    ]
    if let adults = adultsPaid[livestockClass], age != "adult", payable < item.centi, adults > 0 {
      values["adults_paid_centi"] = String(adults)
    }
    guard insured > 0 else {
      sheet.explain(.lines, "line_not_insured", values, "\(killed) × \(item.item) = 0 KGS; \(note)")
      return AssessmentLine(
        item: item.item, quantityCenti: 0, rate: "not insured", amountMinor: 0, note: note)
    }
    let value = try sheet.value("insured_value.\(livestockClass).\(age)")
    let exact = Arithmetic.product([payable, value.centi, coverage.centi], scale: 8)
    let amount = exact.roundedHalfUp * 100
    var text =
      "\(Arithmetic.centi(payable)) × \(item.item) × \(sheet.money(value.centi)) "
      + "(\(Worksheet.source(value))) × \(coverage.text)% = \(exact.text) KGS"
    if !exact.isWhole { text += ", rounded half-up to \(sheet.money(amount))" }
    values.merge(Worksheet.values("value", value), uniquingKeysWith: { $1 })
    values.merge(Worksheet.values("coverage_percent", coverage), uniquingKeysWith: { $1 })
    values["exact"] = exact.text
    values["amount_minor"] = String(amount)
    sheet.explain(.lines, "line", values, "\(text); \(note)")
    return AssessmentLine(
      item: item.item, quantityCenti: payable,
      rate: "\(sheet.money(value.centi)) × \(coverage.text)%", amountMinor: amount, note: note)
  }
}
