import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// What a budget or fund holds (`hwc budget show`, `hwc fund show`), in minor units.
public struct Balances: Sendable, Equatable {
  /// The account, e.g. `budget:KAZ:2026` or `fund:Shamshy`.
  public let account: String
  public let currency: String
  /// Everything credited: allocations, or premiums and contributions.
  public let credited: Int
  /// Approved and not yet paid.
  public let reserved: Int
  /// Paid out.
  public let paid: Int
  /// What approvals may still use: credited − reserved − paid.
  public let available: Int

  public var json: JSON {
    .object([
      ("account", .string(account)), ("currency", .string(currency)),
      ("credited_minor", .int(credited)), ("reserved_minor", .int(reserved)),
      ("paid_minor", .int(paid)), ("available_minor", .int(available)),
    ])
  }
}

extension Register {
  var ledger: Ledger { Ledger(db: db) }

  /// The account with `opening.code`, opened (and audited) on first use.
  func ledgerAccount(_ opening: Ledger.Opening, actor: String) throws -> Ledger.Account {
    if let account = try ledger.account(code: opening.code) { return account }
    let id = try ledger.open(opening, at: clock.timestamp())
    try auditCreated("account", id: id, actor: actor)
    return try ledger.account(code: opening.code)!
  }

  /// The ledger account of a payer: `budget:KAZ:2026` for a district's budget for a year,
  /// `fund:Shamshy` for a conservancy's buffer fund.
  public static func accountCode(of payer: Payer) -> String {
    switch payer {
    case .budget(let district, let year): "budget:\(district.code):\(year)"
    case .fund(let conservancy): "fund:\(conservancy.name.en)"
    }
  }

  /// The ledger account of a district's budget for a year: `budget:KAZ:2026`.
  public static func budgetCode(_ district: District, year: Int) -> String {
    accountCode(of: .budget(district: district, year: year))
  }

  /// The ledger account of a conservancy's buffer fund: `fund:Shamshy`.
  public static func fundCode(_ conservancy: Conservancy) -> String {
    accountCode(of: .fund(conservancy: conservancy))
  }

  /// The account holding a budget's or fund's approved, unpaid payouts.
  public static func payableCode(of owner: String) -> String { "payable:\(owner)" }

  /// The account holding a budget's or fund's paid payouts.
  public static func paidCode(of owner: String) -> String { "paid:\(owner)" }

  /// The payable or paid account of a budget or fund.
  func ownedAccount(_ kind: Ledger.Kind, of owner: Ledger.Account, actor: String) throws
    -> Ledger.Account
  {
    try ledgerAccount(
      Ledger.Opening(
        code: kind == .payable
          ? Register.payableCode(of: owner.code) : Register.paidCode(of: owner.code),
        kind: kind, currency: owner.currency,
        ownerID: owner.id), actor: actor)
  }

  func sourceAccount(_ source: String, currency: String, actor: String) throws -> Ledger.Account {
    try ledgerAccount(
      Ledger.Opening(
        code: "source:\(source):\(currency)", kind: .source, currency: currency, source: source),
      actor: actor)
  }

  /// Posts and audits a transfer.
  @discardableResult
  func post(_ transfer: Ledger.Transfer, actor: Actor) throws -> Int {
    let id = try ledger.post(transfer, actorID: actor.id, at: clock.timestamp())
    try auditCreated("transfer", id: id, actor: actor.name)
    return id
  }

  /// Parses an amount typed in whole currency units (at most two decimals) into minor units.
  static func amount(_ text: String) throws -> Int {
    switch Decimal2.parse(text.trimmingSpaces) {
    case .success(let minor) where minor > 0: return minor
    case .success: throw DomainError.invalid(field: .amount, "must be more than zero")
    case .failure(let problem):
      throw DomainError.invalid(
        field: .amount, "'\(text)' \(problem)\(TypedForms.numberHint(text.trimmingSpaces))")
    }
  }

  static func year(_ text: String) throws -> Int {
    guard let year = Int(text.trimmingSpaces), (2000...2100).contains(year) else {
      throw DomainError.invalid(field: .year, "'\(text)' is not a year (YYYY)")
    }
    return year
  }

  /// Credits a ministry allocation to a district's budget for a year (`hwc budget allocate`,
  /// treasurer of the district).
  public func allocateBudget(district name: String, year text: String, amount: String, actor: Actor)
    throws -> (transfer: Int, balances: Balances)
  {
    let district = try reference.requireDistrict(name)
    try require(actor, .treasurer, districtID: district.id, to: "allocate budgets")
    guard district.country == .kz else {
      throw DomainError.invalid(
        field: .district,
        "\(district.name.en) is in Kyrgyzstan; payouts there come from conservancy funds")
    }
    let year = try Register.year(text)
    let minor = try Register.amount(amount)
    return try db.transaction {
      let budget = try ledgerAccount(
        Ledger.Opening(
          code: Register.budgetCode(district, year: year), kind: .budget,
          currency: Scheme.kzState.currency,
          districtID: district.id, year: year), actor: actor.name)
      let source = try sourceAccount(
        "ministry", currency: Scheme.kzState.currency, actor: actor.name)
      let id = try post(
        Ledger.Transfer(
          kind: .allocation, onDate: clock.today,
          entries: [(source.id, -minor), (budget.id, minor)]), actor: actor)
      return (id, try balances(of: ledger.account(code: budget.code)!))
    }
  }

  /// Credits a contribution to a conservancy's buffer fund (`hwc fund contribute`, treasurer of
  /// the conservancy).
  public func contributeToFund(
    conservancy name: String, amount: String, source: String, actor: Actor
  ) throws -> (transfer: Int, balances: Balances) {
    let conservancy = try reference.requireConservancy(name)
    try requireInOffice(districtID: conservancy.districtID, conservancyID: conservancy.id)
    // The fund's own treasurer (or an unscoped one), as for payments from it.
    guard
      actor.roles.contains(where: {
        $0.role == .treasurer
          && ($0.scope == .everywhere || $0.scope == .conservancy(conservancy.id))
      })
    else {
      throw DomainError.notPermitted(
        "\(actor.name) may not record fund contributions in \(conservancy.name.en): that needs the "
          + "treasurer role of the \(conservancy.name.en) conservancy")
    }
    let source = source.trimmingSpaces
    guard ["premium", "donor", "state"].contains(source) else {
      throw DomainError.invalid(field: .source, "'\(source)' is not premium, donor or state")
    }
    let minor = try Register.amount(amount)
    return try db.transaction {
      let fund = try fundAccount(conservancy, actor: actor.name)
      let from = try sourceAccount(source, currency: fund.currency, actor: actor.name)
      let id = try post(
        Ledger.Transfer(
          kind: .contribution, onDate: clock.today, memo: source,
          entries: [(from.id, -minor), (fund.id, minor)]), actor: actor)
      return (id, try balances(of: ledger.account(code: fund.code)!))
    }
  }

  func fundAccount(_ conservancy: Conservancy, actor: String) throws -> Ledger.Account {
    try ledgerAccount(
      Ledger.Opening(
        code: Register.fundCode(conservancy), kind: .fund, currency: Scheme.kgBuffer.currency,
        conservancyID: conservancy.id), actor: actor)
  }

  /// Credits a herd-insurance premium to the conservancy's fund. Inside a transaction.
  func creditPremium(
    insuranceID: Int, conservancy: Conservancy, minor: Int, actor: Actor
  ) throws {
    guard minor > 0 else { return }
    let fund = try fundAccount(conservancy, actor: actor.name)
    let source = try sourceAccount("premium", currency: fund.currency, actor: actor.name)
    try post(
      Ledger.Transfer(
        kind: .premium, onDate: clock.today, insuranceID: insuranceID,
        entries: [(source.id, -minor), (fund.id, minor)]), actor: actor)
  }

  /// Allocated, reserved, paid and available of a budget or fund account, from its entries.
  func balances(of owner: Ledger.Account) throws -> Balances {
    let figures = try ledger.figures(of: owner.code)
    return Balances(
      account: owner.code, currency: owner.currency, credited: figures?.credited ?? 0,
      reserved: figures?.reserved ?? 0, paid: figures?.paid ?? 0,
      available: figures?.available ?? 0)
  }

  /// A district's budget for a year (`hwc budget show`); nil when nothing was allocated.
  public func budget(district name: String, year text: String) throws -> Balances? {
    let district = try reference.requireDistrict(name)
    let year = try Register.year(text)
    return try ledger.account(code: Register.budgetCode(district, year: year)).map(balances(of:))
  }

  /// A conservancy's buffer fund (`hwc fund show`); nil when nothing was ever credited.
  public func fund(conservancy name: String) throws -> Balances? {
    let conservancy = try reference.requireConservancy(name)
    return try ledger.account(code: Register.fundCode(conservancy)).map(balances(of:))
  }
}
