import HWCCore
import HWCDomain
import HWCRegister
import HWCTemplates

/// A conservancy buffer fund's statement for a season (`hwc report fund`): the money that came
/// in and went out in the calendar year, and who was insured for it.
///
/// **The fund's money** on a day is what has been credited to it and not paid out: the balance
/// of its own account (available for new approvals) plus its payable account (reserved for
/// approved, unpaid payouts). Money already paid has left the fund and is not part of it.
///
/// - **Opening balance** = everything credited before 1 January of the season − everything paid
///   before it, i.e. the fund and payable accounts' entries dated before the season; shown split
///   into available and reserved.
/// - **Premiums** = herd-insurance premiums (`hwc herd insure`) credited in the season;
///   **contributions** = `hwc fund contribute` credits in the season, by source (donor, state,
///   premiums collected outside hwc); **paid** = payouts paid in the season.
/// - **Closing balance** = everything credited up to 31 December − everything paid up to then,
///   i.e. all fund and payable entries dated up to the end of the season (up to today while the
///   season runs: nothing is ever dated in the future); split into available and reserved.
///
/// Money is placed in a season by the date of its transfer (`on_date`), members and insured heads
/// by the season they insured (a premium for next season paid in December is money of this
/// season). The statement reconciles: `opening + premiums + contributions − paid = closing`,
/// because approvals and releases only move money between available and reserved; `reconciles`
/// checks it from figures summed independently, and the reserved part reconciles too:
/// `opening.reserved + approved − released − paid = closing.reserved`.
public struct FundStatement: Sendable, Equatable {
  /// Money held on a day: available for approvals, and reserved for approved, unpaid payouts.
  public struct Balance: Sendable, Equatable {
    public let available: Int
    public let reserved: Int
    /// What the fund holds: available + reserved.
    public var total: Int { available + reserved }
  }

  /// Contributions of one source in the season.
  public struct Contribution: Sendable, Equatable {
    /// `donor`, `state` or `premium` (premiums collected outside hwc).
    public let source: String
    public let amountMinor: Int
  }

  /// A payout paid in the season.
  public typealias Payment = FundFlows.Payment

  /// A payout approved and not paid at the end of the period.
  public typealias Reservation = FundFlows.Reservation

  /// Heads insured in one livestock class for the season.
  public typealias InsuredClass = FundFlows.InsuredClass

  public let conservancy: LocalizedName
  public let district: LocalizedName
  public let region: LocalizedName
  public let season: Int
  public let currency: String
  /// The fund's ledger account, e.g. `fund:Shamshy`.
  public let account: String
  /// 1 January of the season.
  public let from: String
  /// 31 December of the season.
  public let to: String
  /// The last day the figures cover: 31 December, or today while the season runs.
  public let asOf: String
  public let opening: Balance
  public let premiumsMinor: Int
  /// Donor, state and outside-premium contributions, in that order, zero ones included (any
  /// other source recorded in the ledger follows).
  public let contributions: [Contribution]
  public let paidMinor: Int
  /// Reserved by approvals in the season.
  public let approvedMinor: Int
  /// Reservations released in the season (rejected or appealed after approval).
  public let releasedMinor: Int
  public let closing: Balance
  public let payments: [Payment]
  public let reservedAtEnd: [Reservation]
  /// Claimants who insured heads for the season.
  public let members: Int
  public let insured: [InsuredClass]
  /// The audit chain's head when the statement was made (`N:HASH`, see `AuditAnchor`).
  public let anchor: String?

  /// The sum of the contributions.
  public var contributionsMinor: Int { contributions.reduce(0) { $0 + $1.amountMinor } }

  /// All heads insured for the season.
  public var insuredHeads: Int { insured.reduce(0) { $0 + $1.heads } }

  /// Premiums due for the season's cover, all classes.
  public var insuredPremiumMinor: Int { insured.reduce(0) { $0 + $1.premiumMinor } }

  /// True when the season is over: the closing balance is the one of 31 December.
  public var seasonClosed: Bool { asOf == to }

  /// `opening + premiums + contributions − paid = closing`, and the same for the reserved part.
  public var reconciles: Bool {
    opening.total + premiumsMinor + contributionsMinor - paidMinor == closing.total
      && opening.reserved + approvedMinor - releasedMinor - paidMinor == closing.reserved
  }

  /// The order sources and classes are listed in.
  static let sourceOrder = FundSource.allCases.map(\.rawValue)
  static let classOrder = LivestockClass.allCases.map(\.rawValue)

  /// The statement of conservancy `name`'s fund for season `season` (`YYYY`). An unknown
  /// conservancy, a malformed season, or a season that has not begun is refused naming the
  /// option.
  public static func build(_ register: Register, conservancy name: String, season text: String)
    throws -> FundStatement
  {
    let conservancy = try register.reference.requireConservancy(name)
    let trimmed = text.trimmingSpaces
    guard trimmed.count == 4, let season = Int(trimmed), (2000...2100).contains(season) else {
      throw DomainError.invalid(field: .season, "'\(text)' is not a season year (YYYY)")
    }
    let today = register.clock.today
    let from = CalendarDate(year: season, month: 1, day: 1)!
    let to = CalendarDate(year: season, month: 12, day: 31)!
    guard from <= today else {
      throw DomainError.invalid(
        field: .season, "season \(season) has not begun (today is \(today))")
    }
    let flows = try register.fundFlows(
      conservancy: conservancy, season: season, from: from, to: to)
    let district = register.reference.district(id: conservancy.districtID)
    let sources =
      sourceOrder + flows.contributions.keys.filter { !sourceOrder.contains($0) }.sorted()
    return FundStatement(
      conservancy: conservancy.name, district: district?.name ?? conservancy.name,
      region: district?.region ?? conservancy.name, season: season, currency: "KGS",
      account: flows.account, from: from.description, to: to.description,
      asOf: min(to, today).description,
      opening: Balance(available: flows.openingAvailable, reserved: flows.openingReserved),
      premiumsMinor: flows.premiums,
      contributions: sources.map {
        Contribution(source: $0, amountMinor: flows.contributions[$0] ?? 0)
      },
      paidMinor: flows.paid, approvedMinor: flows.approved, releasedMinor: flows.released,
      closing: Balance(available: flows.closingAvailable, reserved: flows.closingReserved),
      payments: flows.payments, reservedAtEnd: flows.reservedAtEnd, members: flows.members,
      insured: flows.insured.sorted {
        (classOrder.firstIndex(of: $0.livestockClass) ?? 99)
          < (classOrder.firstIndex(of: $1.livestockClass) ?? 99)
      }, anchor: try register.auditAnchor()?.description)
  }

  /// The names and values `fund.LANG.txt` sees: the JSON's, with names and words of `words`.
  public func context(_ words: Words) -> TemplateValue {
    TemplateValue(json).adding([
      "conservancy": .string(words.name(conservancy)),
      "district": .string(words.name(district)), "region": .string(words.name(region)),
      "contributions": .list(
        contributions.map {
          TemplateValue($0.json).adding([
            "name": .string(FundSource(rawValue: $0.source).map(words.source) ?? $0.source)
          ])
        }),
      "insured": .list(
        insured.map {
          TemplateValue($0.json).adding([
            "name": .string(
              LivestockClass(rawValue: $0.livestockClass).map(words.livestock) ?? $0.livestockClass)
          ])
        }),
    ])
  }

  /// The statement as text in the language of `setup`.
  public func render(_ setup: ReportSetup) throws -> String {
    try setup.render("fund", context(setup.vocabulary))
  }

  /// The statement as one JSON document; amounts are integer minor units (`*_minor`).
  public var json: JSON {
    .object([
      ("report", .string("fund")), ("conservancy", .string(conservancy.en)),
      ("district", .string(district.en)), ("season", .int(season)),
      ("currency", .string(currency)), ("account", .string(account)), ("from", .string(from)),
      ("to", .string(to)), ("as_of", .string(asOf)), ("season_closed", .bool(seasonClosed)),
      ("opening", opening.json), ("premiums_minor", .int(premiumsMinor)),
      ("contributions", .array(contributions.map(\.json))),
      ("contributions_minor", .int(contributionsMinor)), ("paid_minor", .int(paidMinor)),
      ("approved_minor", .int(approvedMinor)), ("released_minor", .int(releasedMinor)),
      ("closing", closing.json), ("reconciles", .bool(reconciles)),
      ("payments", .array(payments.map(\.json))),
      ("reserved_at_end", .array(reservedAtEnd.map(\.json))),
      ("members", .int(members)), ("insured_heads", .int(insuredHeads)),
      ("insured_premium_minor", .int(insuredPremiumMinor)),
      ("insured", .array(insured.map(\.json))), ("anchor", .optional(anchor)),
    ])
  }
}

extension FundStatement.Balance {
  var json: JSON {
    .object([
      ("total_minor", .int(total)), ("available_minor", .int(available)),
      ("reserved_minor", .int(reserved)),
    ])
  }
}

extension FundStatement.Contribution {
  var json: JSON { .object([("source", .string(source)), ("amount_minor", .int(amountMinor))]) }
}

extension FundStatement.Payment {
  var json: JSON {
    .object([
      ("complaint", .string(complaint)), ("paid_on", .string(paidOn)),
      ("reference", .string(reference)), ("amount_minor", .int(amountMinor)),
    ])
  }
}

extension FundStatement.Reservation {
  var json: JSON {
    .object([
      ("complaint", .string(complaint)), ("approved_on", .string(approvedOn)),
      ("amount_minor", .int(amountMinor)),
    ])
  }
}

extension FundStatement.InsuredClass {
  var json: JSON {
    .object([
      ("class", .string(livestockClass)), ("members", .int(members)), ("heads", .int(heads)),
      ("premium_minor", .int(premiumMinor)),
    ])
  }
}
