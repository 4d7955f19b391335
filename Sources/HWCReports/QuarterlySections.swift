import HWCCore
import HWCDomain
import HWCRegister
import HWCRules

extension QuarterlyReport {
  /// Verified losses grouped as a reader counts them: heads by class, hectares, tonnes.
  static func losses(_ byItem: [String: Int], _ reference: Reference, _ words: Words) -> [JSON] {
    var groups: [LossGroup: Int] = [:]
    for (code, centi) in byItem {
      guard let item = reference.items[code],
        let group = LossGroup(item: code, livestockClass: item.livestockClass)
      else { continue }
      groups[group, default: 0] += centi
    }
    return LossGroup.allCases.map { group in
      let centi = groups[group] ?? 0
      return .object([
        ("key", .string(group.key)), ("name", .string(words.loss(group))),
        ("unit", .string(words.unit(group.unit))), ("quantity_centi", .int(centi)),
        ("quantity", .string(words.quantity(centi))),
      ])
    }
  }

  /// Per payer and per currency: assessed, approved, paid, outstanding, credited, available.
  static func compensation(
    _ payers: [QuarterlyFigures.PayerFigures], words: Words
  ) -> JSON {
    var rows: [JSON] = []
    var totals: [String: [Int]] = [:]
    for payer in payers {
      let place = words.name(payer.payer.place)
      let figures = [
        payer.assessed, payer.approved, payer.paid, payer.outstanding, payer.paidToDate,
        payer.credited, payer.available,
      ]
      totals[payer.currency] = zip(totals[payer.currency] ?? Array(repeating: 0, count: 7), figures)
        .map { $0 + $1 }
      rows.append(
        .object(
          [
            ("account", .string(payer.account)),
            ("scheme", .string(payer.payer.scheme.rawValue)),
            ("name", .string(words.payer(payer.payer.kind, place: place, year: payer.payer.year))),
            ("currency", .string(payer.currency)),
          ] + moneyFields(figures)))
    }
    let currencies = Scheme.allCases.map(\.currency).filter { totals[$0] != nil }
    return .object([
      ("payers", .array(rows)),
      (
        "totals",
        .array(
          currencies.map { currency in
            .object([("currency", .string(currency))] + moneyFields(totals[currency]!))
          })
      ),
    ])
  }

  static func moneyFields(_ figures: [Int]) -> [(String, JSON)] {
    zip(
      [
        "assessed_minor", "approved_minor", "paid_minor", "outstanding_minor",
        "paid_to_date_minor", "credited_minor", "available_minor",
      ], figures
    ).map { ($0, .int($1)) }
  }

  /// Decisions taken in the quarter (`events`, counted in groups), with ineligibility reasons
  /// grouped and rejection reasons.
  static func decisions(
    _ events: [QuarterlyFigures.Decision],
    _ words: Words
  ) -> JSON {
    /// The events of the groups that `include` picks.
    func total(_ include: (QuarterlyFigures.Decision) -> Bool) -> Int {
      events.filter(include).reduce(0) { $0 + $1.count }
    }
    let assessed = total { $0.kind == .assessed }
    let ineligible = events.filter { $0.kind == .assessed && $0.status == .ineligible }
    var reasons: [String: Int] = [:]
    for group in ineligible {
      reasons[group.reasonCode?.rawValue ?? "other", default: 0] += group.count
    }
    var rejections: [String: Int] = [:]
    for group in events where group.kind == .rejected {
      rejections[group.reason ?? "", default: 0] += group.count
    }
    func count(_ kind: ComplaintEventKind) -> JSON { .int(total { $0.kind == kind }) }
    let ineligibleCount = ineligible.reduce(0) { $0 + $1.count }
    return .object([
      ("eligible", .int(assessed - ineligibleCount)), ("ineligible", .int(ineligibleCount)),
      ("approved", count(.approved)), ("rejected", count(.rejected)), ("paid", count(.paid)),
      ("appealed", count(.appealed)),
      (
        "ineligible_reasons",
        .array(
          reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { key, number in
            .object([
              ("key", .string(key)), ("label", .string(words.reason(ReasonCode(rawValue: key)))),
              ("count", .int(number)),
            ])
          })
      ),
      (
        "rejection_reasons",
        .array(
          rejections.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5).map {
            reason, number in
            .object([("reason", .string(reason)), ("count", .int(number))])
          })
      ),
    ])
  }

  /// Median and 90th percentile (nearest rank) of each stage, in days, and the share paid within
  /// the 30-day service target (from report to payment).
  static func processing(
    _ timelines: [QuarterlyFigures.Timeline],
    _ words: Words
  ) -> JSON {
    func days(_ from: String?, _ to: String?) -> Int? {
      guard let from = from.flatMap(CalendarDate.init), let to = to.flatMap(CalendarDate.init)
      else { return nil }
      return from.days(to: to)
    }
    let stages: [(ProcessingStage, [Int])] = [
      (.reportToInspection, timelines.compactMap { days($0.reported, $0.inspected) }),
      (.inspectionToDecision, timelines.compactMap { days($0.inspected, $0.decided) }),
      (.decisionToPayment, timelines.compactMap { days($0.decided, $0.paid) }),
      (.reportToPayment, timelines.compactMap { days($0.reported, $0.paid) }),
    ]
    let toPayment = stages[3].1
    return .object([
      ("target_days", .int(30)), ("paid", .int(toPayment.count)),
      ("paid_within_target", .int(toPayment.filter { $0 <= 30 }.count)),
      (
        "stages",
        .array(
          stages.map { key, values in
            let sorted = values.sorted()
            return .object([
              ("key", .string(key.rawValue)), ("label", .string(words.stage(key))),
              ("count", .int(sorted.count)),
              ("median_days", percentile(sorted, 50).map(JSON.int) ?? .null),
              ("p90_days", percentile(sorted, 90).map(JSON.int) ?? .null),
            ])
          })
      ),
    ])
  }

  /// The nearest-rank percentile of sorted values: the smallest value with at least `p`% of the
  /// values at or below it.
  static func percentile(_ sorted: [Int], _ p: Int) -> Int? {
    guard !sorted.isEmpty else { return nil }
    let rank = (p * sorted.count + 99) / 100
    return sorted[max(rank, 1) - 1]
  }

  static func trend(
    now: QuarterlyFigures.Headline, previous: QuarterlyFigures.Headline,
    yearAgo: QuarterlyFigures.Headline, quarter: Quarter,
    words: Words
  ) -> JSON {
    func row(_ key: TrendFigure, _ pick: (QuarterlyFigures.Headline) -> Int) -> JSON {
      let (a, b, c) = (pick(now), pick(previous), pick(yearAgo))
      return .object([
        ("key", .string(key.rawValue)), ("label", .string(words.trend(key))),
        ("money", .bool(key == .paidKZT || key == .paidKGS)), ("now", .int(a)),
        ("previous", .int(b)), ("year_ago", .int(c)),
        ("change_previous", .string(words.change(from: b, to: a))),
        ("change_year", .string(words.change(from: c, to: a))),
      ])
    }
    return .object([
      ("previous_quarter", .string(quarter.previous.description)),
      ("year_ago_quarter", .string(quarter.yearBefore.description)),
      (
        "rows",
        .array([
          row(.complaints, { $0.complaints }), row(.heads, { $0.heads }),
          row(.paidKZT, { $0.paid["KZT"] ?? 0 }), row(.paidKGS, { $0.paid["KGS"] ?? 0 }),
        ])
      ),
    ])
  }
}
