import HWCCore
import HWCDomain
import HWCRegister

/// `hwc approve`, `hwc reject`, `hwc pay`, `hwc appeal`.
enum DecisionCommands {
  static let specs = [approve, reject, pay, appeal]

  static let complaintArgument = [ArgumentSpec("ID", "complaint id, e.g. KAZ-2026-0001")]

  static let approve = CommandSpec(
    ["approve"], abstract: "Approve an eligible assessment (committee; two members needed)",
    discussion: """
      A payout needs two distinct committee members of the paying body: the district commission
      for kz-state, the conservancy committee for kg-buffer. Neither may be the complaint's
      registrar, one of its inspectors, or the claimant. The second approval reserves the amount
      in the budget of the incident's year (or the fund) and is refused, with the figures, when
      it would over-commit it.
      """,
    arguments: complaintArgument, traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let result = try register.approve(code: invocation.argument(0)!, actor: actor)
    if invocation.json {
      invocation.console.print(result.json)
    } else if let balances = result.balances {
      invocation.console.print(
        "approved \(result.complaint) by \(result.approvedBy.joined(separator: " and ")): "
          + "\(Money.text(result.amountMinor, result.currency)) reserved; \(balances.account) "
          + "has \(Money.text(balances.available, balances.currency)) available")
    } else {
      invocation.console.print(
        "recorded \(actor.name)'s approval of \(result.complaint) "
          + "(\(Money.text(result.amountMinor, result.currency))); a second committee member "
          + "must approve it")
    }
    return 0
  }

  static let reject = CommandSpec(
    ["reject"], abstract: "Reject an assessed or approved complaint, with the reason (committee)",
    discussion: """
      A committee member of the paying body who neither registered nor inspected the complaint.
      An approved, unpaid complaint's reservation is released. The herder may appeal.
      """,
    arguments: complaintArgument,
    options: [OptionSpec("reason", "TEXT", "why it is rejected", required: true)],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let code = invocation.argument(0)!.uppercased()
    try register.reject(code: code, reason: invocation.value("reason")!, actor: actor)
    return done(invocation, code, .rejected)
  }

  static let pay = CommandSpec(
    ["pay"], abstract: "Record the payment of an approved complaint (treasurer)",
    discussion: """
      A treasurer of the paying body records the bank's reference of the disbursement. A
      complaint is paid once; a bank reference pays one complaint.
      """,
    arguments: complaintArgument,
    options: [
      OptionSpec(
        "ref", "REF", "the bank's reference for the payment", required: true, aliases: ["reference"]
      )
    ],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let code = invocation.argument(0)!.uppercased()
    let payment = try register.pay(
      code: code, reference: invocation.value("ref")!, actor: actor)
    if invocation.json {
      invocation.console.print(
        JSON.object([
          ("id", .int(payment.transfer)), ("complaint", .string(code)),
          ("amount_minor", .int(payment.amountMinor)), ("currency", .string(payment.currency)),
        ]))
    } else {
      invocation.console.print(
        "paid \(code): \(Money.text(payment.amountMinor, payment.currency)) "
          + "(transfer #\(payment.transfer))")
    }
    return 0
  }

  static let appeal = CommandSpec(
    ["appeal"], abstract: "Reopen a decided complaint for re-inspection (officer)",
    discussion: """
      Reopens an assessed, ineligible, rejected or approved (not yet paid) complaint: it is
      inspected and assessed again, and needs two new approvals. A reservation is released by a
      reversing entry. A paid complaint cannot be appealed.
      """,
    arguments: complaintArgument,
    options: [OptionSpec("reason", "TEXT", "the herder's grounds", required: true)],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let code = invocation.argument(0)!.uppercased()
    try register.appeal(code: code, reason: invocation.value("reason")!, actor: actor)
    return done(invocation, code, .appealed)
  }

  static func done(_ invocation: Invocation, _ code: String, _ status: ComplaintStatus) -> Int32 {
    if invocation.json {
      invocation.console.print(
        JSON.object([("complaint", .string(code)), ("status", .string(status.rawValue))]))
    } else {
      invocation.console.print("\(code) is \(status.rawValue)")
    }
    return 0
  }
}
