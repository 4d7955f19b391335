import HWCCore
import HWCDomain

/// Scheme `kz-state` (SPEC §5.1): state compensation in Kazakhstan districts, in KZT.
///
/// Steps, in order: eligibility, lines, reduction, household cap, minimum, payer. Every policy
/// value is the one in force on the incident date.
public struct KZStateRules: Sendable {
  /// The facts of the complaint.
  public let input: AssessmentInput
  /// Every policy value of every scheme; this one reads `kz-state`.
  public let policy: Policy

  /// Prepares the assessment of `input` under `policy`.
  public init(input: AssessmentInput, policy: Policy) {
    self.input = input
    self.policy = policy
  }

  /// Runs the steps of SPEC §5.1; throws when a policy value is not in force on the incident date.
  public func assess() throws(PolicyError) -> Assessment {
    var sheet = Worksheet(scheme: .kzState, input: input, policy: policy)
    if let reason = try eligibilityFailure(&sheet) { return sheet.ineligible(reason) }
    let mrp = try sheet.value("mrp")
    let subtotal = try addLines(&sheet, mrp: mrp)
    let reduced = try reduce(subtotal, &sheet)

    let capMRP = try sheet.value("household_cap_mrp")
    let capped = sheet.applyCap(
      reduced, capMinor: mrpAmount(capMRP, mrp),
      capText: "household cap for \(input.incidentDate.year): \(mrpText(capMRP, mrp)) "
        + "(\(Worksheet.source(capMRP)))",
      capValues: mrpValues("cap_mrp", capMRP, mrp).merging(
        ["year": String(input.incidentDate.year)], uniquingKeysWith: { $1 }))

    let minimumMRP = try sheet.value("minimum_mrp")
    let minimumText = "minimum \(mrpText(minimumMRP, mrp)) (\(Worksheet.source(minimumMRP)))"
    if let reason = sheet.checkMinimum(
      capped, minimumMinor: mrpAmount(minimumMRP, mrp), minimumText: minimumText,
      minimumValues: mrpValues("minimum_mrp", minimumMRP, mrp))
    {
      return sheet.ineligible(reason)
    }
    return sheet.eligible(
      amountMinor: capped, payer: "\(input.district) budget \(input.incidentDate.year)")
  }

  // MARK: 1. Eligibility

  /// Deadline, inspection, vet certificate, saiga emergency; the first failure is the reason.
  private func eligibilityFailure(_ sheet: inout Worksheet) throws(PolicyError) -> (
    ReasonCode, String
  )? {
    let isPredation = input.damageType == "livestock_predation"
    let deadline = isPredation ? "deadline_days.livestock_predation" : "deadline_days.other"
    if let reason = try sheet.checkDeadline(deadline) { return reason }
    if let reason = sheet.checkInspected() { return reason }

    if input.damageType == "disease_spread" {
      let certificate = input.inspection?.vetCertificate ?? ""
      guard !certificate.allSatisfy(\.isWhitespace) else {
        sheet.explain(
          .eligibility, "vet_certificate_missing", [:],
          "disease spread: no vet certificate: ineligible")
        return (.noVetCertificate, "disease spread needs a vet certificate")
      }
      sheet.explain(
        .eligibility, "vet_certificate", ["certificate": certificate],
        "disease spread: vet certificate \(certificate): ok")
    } else {
      sheet.explain(
        .eligibility, "vet_certificate_not_required", ["type": input.damageType],
        "vet certificate: not required for \(input.damageType)")
    }

    guard input.species == "saiga" else {
      sheet.explain(
        .eligibility, "emergency_not_required", ["species": input.species],
        "declared emergency: not required for \(input.species)")
      return nil
    }
    let date = input.incidentDate
    guard let emergency = input.emergencies.first(where: { $0.from <= date && date <= $0.to })
    else {
      sheet.explain(
        .eligibility, "emergency_missing", ["district": input.district, "date": "\(date)"],
        "saiga damage: no emergency declared in \(input.district) covers \(date): ineligible")
      return (
        .noEmergency,
        "saiga damage is paid only under a declared emergency; "
          + "none covers \(date) in \(input.district)"
      )
    }
    sheet.explain(
      .eligibility, "emergency_covers",
      [
        "decree": emergency.decree, "from": "\(emergency.from)", "to": "\(emergency.to)",
        "date": "\(date)",
      ],
      "saiga damage: emergency decree \(emergency.decree) (\(emergency.from) to \(emergency.to)) "
        + "covers \(date): ok")
    return nil
  }

  // MARK: 2. Lines

  /// One line per verified item in item-code order: quantity × rate × MRP, half-up to whole tenge.
  private func addLines(_ sheet: inout Worksheet, mrp: PolicyValue) throws(PolicyError) -> Int {
    let items = (input.inspection?.items ?? []).sorted { $0.item < $1.item }
    var subtotal = 0
    for item in items {
      let rate = try sheet.value("rate.\(item.item)")
      let exact = Arithmetic.product([item.centi, rate.centi, mrp.centi], scale: 6)
      let amount = exact.roundedHalfUp * 100
      var text =
        "\(Arithmetic.centi(item.centi)) × \(item.item) × \(rate.text) MRP × "
        + "\(Arithmetic.centi(mrp.centi)) KZT (MRP from \(mrp.effectiveFrom)) = \(exact.text) KZT"
      var note = "verified \(quantity(item))"
      if !exact.isWhole {
        text += ", rounded half-up to \(sheet.money(amount))"
        note += "; \(exact.text) KZT rounded half-up"
      }
      var values = Worksheet.values("rate_mrp", rate).merging(
        Worksheet.values("mrp", mrp), uniquingKeysWith: { $1 })
      values["item"] = item.item
      values["quantity_centi"] = String(item.centi)
      values["exact"] = exact.text
      values["amount_minor"] = String(amount)
      sheet.explain(.lines, "line", values, text)
      sheet.lines.append(
        AssessmentLine(
          item: item.item, quantityCenti: item.centi,
          rate: "\(rate.text) MRP × \(Arithmetic.centi(mrp.centi)) KZT", amountMinor: amount,
          note: note))
      subtotal += amount
    }
    sheet.explain(
      .lines, "subtotal", ["amount_minor": String(subtotal)], "subtotal: \(sheet.money(subtotal))")
    return subtotal
  }

  /// `3 head`, `35.5 hectares`, `1 tonne`.
  private func quantity(_ item: ItemQuantity) -> String {
    let number = Arithmetic.centi(item.centi)
    let unit = input.items[item.item]?.unit ?? "unit"
    if unit == "head" || item.centi == 100 { return "\(number) \(unit)" }
    return "\(number) \(unit == "point_day" ? "point_days" : unit + "s")"
  }

  // MARK: 3. Reduction

  /// Unprotected livestock predation pays `reduction_unprotected_percent` of the subtotal.
  private func reduce(_ subtotal: Int, _ sheet: inout Worksheet) throws(PolicyError) -> Int {
    guard input.damageType == "livestock_predation" else {
      sheet.explain(
        .reduction, "reduction_not_applicable", ["type": input.damageType],
        "no reduction: it applies to livestock_predation, not \(input.damageType)")
      return subtotal
    }
    guard input.inspection?.protected == false else {
      sheet.explain(
        .reduction, "reduction_protected", [:], "no reduction: livestock were protected")
      return subtotal
    }
    let percent = try sheet.value("reduction_unprotected_percent")
    let exact = Arithmetic.product([subtotal, percent.centi], scale: 6)
    let reduced = exact.roundedHalfUp * 100
    var text =
      "livestock were not protected: \(sheet.money(subtotal)) × \(percent.text)% "
      + "(\(Worksheet.source(percent))) = \(exact.text) KZT"
    if !exact.isWhole { text += ", rounded half-up to \(sheet.money(reduced))" }
    var values = Worksheet.values("percent", percent)
    values["subtotal_minor"] = String(subtotal)
    values["exact"] = exact.text
    values["amount_minor"] = String(reduced)
    sheet.explain(.reduction, "reduction_unprotected", values, text)
    return reduced
  }

  // MARK: 4–5. Amounts in MRP

  /// A number of MRP in minor units, rounded half-up to whole tenge.
  private func mrpAmount(_ count: PolicyValue, _ mrp: PolicyValue) -> Int {
    Arithmetic.product([count.centi, mrp.centi], scale: 4).roundedHalfUp * 100
  }

  /// A number of MRP and the MRP as explanation values.
  private func mrpValues(_ name: String, _ count: PolicyValue, _ mrp: PolicyValue) -> [String:
    String]
  {
    Worksheet.values(name, count).merging(Worksheet.values("mrp", mrp), uniquingKeysWith: { $1 })
  }

  /// `1,000 MRP × 3,932 KZT = 3,932,000 KZT`.
  private func mrpText(_ count: PolicyValue, _ mrp: PolicyValue) -> String {
    "\(Arithmetic.centi(count.centi)) MRP × \(Arithmetic.centi(mrp.centi)) KZT = "
      + "\(Arithmetic.centi(mrpAmount(count, mrp))) KZT"
  }
}
