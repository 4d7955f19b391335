import HWCCore
import HWCDomain
import HWCRegister
import HWCReports

/// `hwc budget allocate|show`, `hwc fund contribute|show`.
enum MoneyCommands {
  static let specs = [allocate, budgetShow, contribute, fundShow]

  static let allocate = CommandSpec(
    ["budget", "allocate"],
    abstract: "Credit a ministry allocation to a district budget (treasurer)",
    discussion: """
      Adds money to the district's budget for a year; kz-state payouts for incidents in that year
      are reserved from it when approved. The amount is in whole tenge with at most two decimals
      (--amount 1500000 is 1,500,000 KZT). An allocation is never changed afterwards.
      """,
    options: [
      OptionSpec("district", "D", "a district in Kazakhstan", required: true),
      OptionSpec("year", "YYYY", "the budget year", required: true),
      OptionSpec("amount", "AMOUNT", "whole tenge, at most two decimals", required: true),
    ],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let (id, balances) = try register.allocateBudget(
      district: invocation.value("district")!, year: invocation.value("year")!,
      amount: invocation.value("amount")!, actor: actor)
    return printTransfer(invocation, id: id, balances, "allocated")
  }

  static let budgetShow = CommandSpec(
    ["budget", "show"], abstract: "Show a district budget: allocated, reserved, paid, available",
    options: [
      OptionSpec("district", "D", "the district", required: true),
      OptionSpec("year", "YYYY", "the budget year", required: true),
    ],
    traits: [.database, .json]
  ) { invocation in
    let register = try invocation.openRegister()
    let balances = try register.budget(
      district: invocation.value("district")!, year: invocation.value("year")!)
    guard let balances else {
      throw DomainError.notFound(
        "no budget has been allocated to \(invocation.value("district")!) for "
          + "\(invocation.value("year")!)")
    }
    printBalances(invocation, balances, credited: "allocated")
    return 0
  }

  static let contribute = CommandSpec(
    ["fund", "contribute"],
    abstract: "Credit a contribution to a conservancy buffer fund (treasurer)",
    discussion: """
      --source says where the money came from: premium (collected outside hwc; premiums of
      `hwc herd insure` are credited automatically), donor or state. The amount is in whole som
      with at most two decimals.
      """,
    options: [
      OptionSpec("conservancy", "C", "the conservancy", required: true),
      OptionSpec("amount", "AMOUNT", "whole som, at most two decimals", required: true),
      OptionSpec("source", "premium|donor|state", "where the money came from", required: true),
    ],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let (id, balances) = try register.contributeToFund(
      conservancy: invocation.value("conservancy")!, amount: invocation.value("amount")!,
      source: invocation.value("source")!, actor: actor)
    return printTransfer(invocation, id: id, balances, "credited")
  }

  static let fundShow = CommandSpec(
    ["fund", "show"], abstract: "Show a buffer fund: credited, reserved, paid, available",
    discussion: """
      Without --season: everything credited, reserved and paid so far. With --season YYYY, as
      hwc report fund takes it: the season's opening balance, what was credited and paid in it,
      and the reserved and available balance at its end (to date while it runs).
      """,
    options: [
      OptionSpec("conservancy", "C", "the conservancy", required: true),
      OptionSpec("season", "YYYY", "only this season (calendar year)"),
    ],
    traits: [.database, .json]
  ) { invocation in
    let register = try invocation.openRegister()
    if let season = invocation.value("season") {
      return try printSeason(
        invocation,
        FundStatement.build(
          register, conservancy: invocation.value("conservancy")!, season: season))
    }
    guard let balances = try register.fund(conservancy: invocation.value("conservancy")!) else {
      throw DomainError.notFound(
        "the \(invocation.value("conservancy")!) buffer fund has never been credited")
    }
    printBalances(invocation, balances, credited: "credited")
    return 0
  }

  static func printTransfer(_ invocation: Invocation, id: Int, _ balances: Balances, _ verb: String)
    -> Int32
  {
    if invocation.json {
      invocation.console.print(JSON.object([("id", .int(id)), ("balances", balances.json)]))
    } else {
      invocation.console.print(
        "\(verb): transfer #\(id); \(balances.account) now has "
          + "\(Money.text(balances.available, balances.currency)) available")
    }
    return 0
  }

  /// `hwc fund show --season`: the season's figures from its statement (`hwc report fund`).
  static func printSeason(_ invocation: Invocation, _ statement: FundStatement) throws -> Int32 {
    let credited = statement.premiumsMinor + statement.contributionsMinor
    if invocation.json {
      invocation.console.print(
        JSON.object([
          ("account", .string(statement.account)), ("currency", .string(statement.currency)),
          ("season", .int(statement.season)), ("as_of", .string(statement.asOf)),
          ("opening_minor", .int(statement.opening.total)), ("credited_minor", .int(credited)),
          ("paid_minor", .int(statement.paidMinor)),
          ("reserved_minor", .int(statement.closing.reserved)),
          ("available_minor", .int(statement.closing.available)),
        ]))
      return 0
    }
    let currency = statement.currency
    var table = TextTable(
      ["\(statement.account) \(statement.season)", currency], rightAligned: [1])
    table.add(["opening", Money.text(statement.opening.total, currency)])
    table.add(["credited", Money.text(credited, currency)])
    table.add(["paid", Money.text(statement.paidMinor, currency)])
    table.add(["reserved on \(statement.asOf)", Money.text(statement.closing.reserved, currency)])
    table.add(["available on \(statement.asOf)", Money.text(statement.closing.available, currency)])
    invocation.console.print(table.text)
    return 0
  }

  static func printBalances(_ invocation: Invocation, _ balances: Balances, credited: String) {
    if invocation.json {
      invocation.console.print(balances.json)
      return
    }
    var table = TextTable([balances.account, balances.currency], rightAligned: [1])
    table.add([credited, Money.text(balances.credited, balances.currency)])
    table.add(["reserved", Money.text(balances.reserved, balances.currency)])
    table.add(["paid", Money.text(balances.paid, balances.currency)])
    table.add(["available", Money.text(balances.available, balances.currency)])
    invocation.console.print(table.text)
  }
}
