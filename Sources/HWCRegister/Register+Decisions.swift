import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// What `hwc approve` did.
public struct ApprovalResult: Sendable {
  public let complaint: String
  /// The members who have approved the current assessment, in order.
  public let approvedBy: [String]
  /// True when this approval was the second and the money is reserved.
  public let reserved: Bool
  public let amountMinor: Int
  public let currency: String
  /// The budget or fund after the reservation (only when reserved).
  public let balances: Balances?

  public var json: JSON {
    .object([
      ("complaint", .string(complaint)), ("approved_by", .array(approvedBy.map(JSON.string))),
      ("status", .string((reserved ? ComplaintStatus.approved : .assessed).rawValue)),
      ("amount_minor", .int(amountMinor)), ("currency", .string(currency)),
      ("balances", balances?.json ?? .null),
    ])
  }
}

extension Register {

  /// Which scheme covers a complaint and who pays it (`Coverage`, decided by the rules engine).
  func coverage(_ complaint: ComplaintHeader) -> Coverage {
    let district = reference.district(id: complaint.districtID)!
    return Coverage(
      district: district, conservancy: complaint.conservancyID.flatMap(reference.conservancy(id:)),
      incidentYear: complaint.incidentDate.year)
  }

  /// Refuses unless the actor holds `role` for the body that pays the complaint: its district
  /// (kz-state) or its conservancy (kg-buffer).
  func requirePayingBody(
    _ actor: Actor, _ role: Role, _ complaint: ComplaintHeader, to what: String
  )
    throws
  {
    try requireInOffice(districtID: complaint.districtID, conservancyID: complaint.conservancyID)
    let body: String
    let holds: Bool
    switch coverage(complaint).payer {
    case .budget(let district, _)?:
      body = "\(district.name.en) district"
      holds = actor.has(role, districtID: district.id)
    case .fund(let conservancy)?:
      body = "the \(conservancy.name.en) conservancy"
      holds = actor.roles.contains {
        $0.role == role && ($0.scope == .everywhere || $0.scope == .conservancy(conservancy.id))
      }
    case nil:
      throw DomainError.conflict("\(complaint.code) has no paying body: no scheme covers it")
    }
    guard holds else {
      throw DomainError.notPermitted(
        "\(actor.name) may not \(what) \(complaint.code): that needs the \(role.rawValue) role "
          + "of \(body), which pays it")
    }
  }

  /// Refuses a decision by the complaint's registrar, one of its inspectors, or the claimant.
  func requireIndependent(_ actor: Actor, _ complaint: ComplaintHeader, to what: String) throws {
    let key: [any SQLBindable] = [complaint.id, actor.id]
    if complaint.registeredBy == actor.id {
      throw DomainError.notPermitted(
        "\(actor.name) registered \(complaint.code) and may not \(what) it")
    }
    if try db.scalar(
      Int.self,
      "SELECT count(*) FROM inspection WHERE complaint_id = ? AND inspector_id = ?", with: key) ?? 0
      > 0
    {
      throw DomainError.notPermitted(
        "\(actor.name) inspected \(complaint.code) and may not \(what) it")
    }
    if try db.scalar(
      Int.self,
      """
      SELECT count(*) FROM complaint c JOIN claimant cl ON cl.id = c.claimant_id
      JOIN app_user u ON u.national_id = cl.national_id WHERE c.id = ? AND u.id = ?
      """, with: key) ?? 0 > 0
    {
      throw DomainError.notPermitted(
        "\(actor.name) is the claimant of \(complaint.code) and may not \(what) it")
    }
  }

  /// The budget (kz-state, for the incident's year) or fund (kg-buffer) that pays a complaint,
  /// or a refusal when there is none.
  func payer(_ complaint: ComplaintHeader) throws -> Ledger.Account {
    switch coverage(complaint).payer {
    case .budget(let district, let year)?:
      guard
        let budget = try ledger.account(
          code: Register.accountCode(of: .budget(district: district, year: year)))
      else {
        throw DomainError.conflict(
          "\(district.name.en) has no budget for \(year), the year of the incident: a treasurer "
            + "must allocate one first (hwc budget allocate)")
      }
      return budget
    case .fund(let conservancy)?:
      guard
        let fund = try ledger.account(
          code: Register.accountCode(of: .fund(conservancy: conservancy)))
      else {
        throw DomainError.conflict(
          "the \(conservancy.name.en) buffer fund has never been credited: nothing is available")
      }
      return fund
    case nil:
      throw DomainError.conflict("\(complaint.code) has no paying body: no scheme covers it")
    }
  }

  static func statusRefusal(_ complaint: ComplaintHeader, _ action: String) -> DomainError {
    let hint: String
    switch complaint.status {
    case .registered, .inspected, .appealed: hint = "it must be assessed first"
    case .assessed: hint = "it is not approved yet: two committee members must approve it"
    case .approved: hint = "it is already approved"
    case .paid: hint = "it is already paid"
    case .rejected: hint = "it was rejected; an appeal reopens it"
    case .ineligible: hint = "the rules found it ineligible; an appeal reopens it"
    case .withdrawn: hint = "it is withdrawn"
    }
    return DomainError.conflict("\(complaint.code) cannot be \(action): \(hint)")
  }

  /// Records a committee member's approval (`hwc approve ID`). The second distinct member of the
  /// paying body reserves the amount, in the same transaction, unless that would over-commit the
  /// budget or fund.
  public func approve(code: String, actor: Actor) throws -> ApprovalResult {
    try db.transaction {
      let complaint = try header(code: code)
      try requirePayingBody(actor, .committee, complaint, to: "approve")
      try requireIndependent(actor, complaint, to: "approve")
      guard complaint.status.isApprovable,
        let assessment = try assessments.latestHead(complaintID: complaint.id),
        assessment.outcome == .eligible
      else { throw Register.statusRefusal(complaint, "approved") }
      try refuseOutOfDate(complaint, assessmentID: assessment.id)
      try requireReinspection(complaint)
      let members = try db.prepare(
        """
        SELECT u.id, u.name FROM approval p JOIN app_user u ON u.id = p.member_id
        WHERE p.assessment_id = ? ORDER BY p.id
        """
      ).map(with: [assessment.id]) { ($0.int("id"), $0.text("name")) }
      if members.contains(where: { $0.0 == actor.id }) {
        throw DomainError.conflict(
          "\(actor.name) has already approved \(complaint.code); a second, different committee "
            + "member must approve it")
      }
      var after: Balances?
      if !members.isEmpty {
        let fresh = try RulesEngine.assess(assessmentInput(complaint)!, policy: policy())
        guard fresh.outcome == .eligible, fresh.amountMinor == assessment.amount else {
          throw DomainError.conflict(
            "the assessment of \(complaint.code) is out of date: with what has been approved "
              + "since, it would now be \(Arithmetic.money(fresh.amountMinor, fresh.currency)) "
              + "instead of \(Arithmetic.money(assessment.amount, assessment.currency)); appeal "
              + "it to re-assess")
        }
        let payer = try payer(complaint)
        guard assessment.amount <= payer.balance else {
          throw DomainError.conflict(
            "approving \(complaint.code) would over-commit \(payer.code): requested "
              + "\(Arithmetic.money(assessment.amount, assessment.currency)), available "
              + "\(Arithmetic.money(payer.balance, payer.currency))")
        }
        let payable = try ownedAccount(.payable, of: payer, actor: actor.name)
        try post(
          Ledger.Transfer(
            kind: .reservation, onDate: clock.today, complaintID: complaint.id,
            entries: [(payer.id, -assessment.amount), (payable.id, assessment.amount)]),
          actor: actor)
        after = try balances(of: ledger.account(code: payer.code)!)
      }
      try db.run(
        "INSERT INTO approval(complaint_id, assessment_id, member_id, at) VALUES (?, ?, ?, ?)",
        with: [
          complaint.id, assessment.id,
          actor.id, clock.timestamp(),
        ])
      try auditCreated("approval", id: db.lastInsertRowID, actor: actor.name)
      let reserved = after != nil
      try transition(
        complaint, to: reserved ? .approved : .assessed,
        kind: reserved ? .approved : .approval, reason: nil, actor: actor)
      return ApprovalResult(
        complaint: complaint.code, approvedBy: members.map(\.1) + [actor.name], reserved: reserved,
        amountMinor: assessment.amount, currency: assessment.currency, balances: after)
    }
  }

  /// The complaint's reservation that has not been released, if any: its transfer id and entries.
  func openReservation(_ complaint: ComplaintHeader) throws
    -> (id: Int, entries: [(account: Int, amount: Int)])?
  {
    guard
      let id = try db.prepare(
        """
        SELECT t.id FROM ledger_transfer t WHERE t.complaint_id = ?
          AND t.kind = \(TransferKind.reservation.sqlLiteral)
          AND NOT EXISTS (SELECT 1 FROM ledger_transfer r WHERE r.reverses_id = t.id)
        ORDER BY t.id DESC LIMIT 1
        """
      ).first(with: [complaint.id], { $0.int("id") })
    else { return nil }
    let entries = try db.prepare(
      "SELECT account_id, amount_minor FROM ledger_entry WHERE transfer_id = ? ORDER BY id"
    ).map(with: [id]) { (account: $0.int("account_id"), amount: $0.int("amount_minor")) }
    return (id, entries)
  }

  /// Releases an approved complaint's reservation by a reversing transfer. Inside a transaction.
  func releaseReservation(_ complaint: ComplaintHeader, memo: String, actor: Actor) throws {
    guard let reservation = try openReservation(complaint) else { return }
    try post(
      Ledger.Transfer(
        kind: .release, onDate: clock.today, complaintID: complaint.id,
        reverses: reservation.id, memo: memo,
        entries: reservation.entries.map { ($0.account, -$0.amount) }), actor: actor)
  }

  static func reason(_ text: String) throws -> String {
    let reason = text.trimmingSpaces
    guard !reason.isEmpty, reason.count <= 2000 else {
      throw DomainError.invalid(field: .reason, "is required (up to 2000 characters)")
    }
    return reason
  }

  /// Rejects an assessed or approved (not yet paid) complaint with a reason (`hwc reject`): a
  /// committee member of the paying body; an approved complaint's reservation is released.
  public func reject(code: String, reason text: String, actor: Actor) throws {
    let reason = try Register.reason(text)
    try db.transaction {
      let complaint = try header(code: code)
      try requirePayingBody(actor, .committee, complaint, to: "reject")
      try requireIndependent(actor, complaint, to: "reject")
      guard complaint.status.isRejectable else {
        throw Register.statusRefusal(complaint, "rejected")
      }
      try releaseReservation(complaint, memo: "rejected: \(reason)", actor: actor)
      try transition(complaint, to: .rejected, kind: .rejected, reason: reason, actor: actor)
    }
  }

  /// Pays an approved complaint once, with the bank's reference (`hwc pay`): a treasurer of the
  /// paying body. Returns the payment transfer's id and the amount.
  public func pay(code: String, reference text: String, actor: Actor) throws
    -> (transfer: Int, amountMinor: Int, currency: String)
  {
    let bankReference = text.trimmingSpaces
    guard !bankReference.isEmpty, bankReference.count <= 64 else {
      throw DomainError.invalid(field: .reference, "the bank reference is required (up to 64)")
    }
    return try db.transaction {
      let complaint = try header(code: code)
      try requirePayingBody(actor, .treasurer, complaint, to: "pay")
      guard complaint.status.isPayable, let reservation = try openReservation(complaint),
        let reserved = reservation.entries.first(where: { $0.amount > 0 })
      else {
        throw Register.statusRefusal(complaint, "paid")
      }
      if let other = try db.prepare(
        """
        SELECT c.code FROM ledger_transfer t JOIN complaint c ON c.id = t.complaint_id
        WHERE t.kind = \(TransferKind.payment.sqlLiteral) AND t.reference = ?
        """
      ).first(with: [bankReference], { $0.text("code") }) {
        throw DomainError.invalid(
          field: .reference, "\(bankReference) already paid \(other); each payment has its own")
      }
      let ownerCode = try db.prepare(
        """
        SELECT o.code FROM ledger_account p JOIN ledger_account o ON o.id = p.owner_id
        WHERE p.id = ?
        """
      ).first(with: [reserved.account]) { $0.text("code") }!
      let owner = try ledger.account(code: ownerCode)!
      let paid = try ownedAccount(.paid, of: owner, actor: actor.name)
      let id = try post(
        Ledger.Transfer(
          kind: .payment, onDate: clock.today, complaintID: complaint.id,
          reference: bankReference,
          entries: [(reserved.account, -reserved.amount), (paid.id, reserved.amount)]),
        actor: actor)
      try transition(
        complaint, to: .paid, kind: .paid, reason: "bank reference \(bankReference)",
        actor: actor)
      return (id, reserved.amount, owner.currency)
    }
  }

  /// Reopens an assessed, ineligible, rejected or approved (not paid) complaint for
  /// re-inspection and re-assessment (`hwc appeal`): an officer of its district or conservancy,
  /// on the herder's behalf. A reservation is released by a reversing transfer.
  public func appeal(code: String, reason text: String, actor: Actor) throws {
    let reason = try Register.reason(text)
    try db.transaction {
      let complaint = try header(code: code)
      try require(
        actor, .officer, districtID: complaint.districtID, conservancyID: complaint.conservancyID,
        to: "record appeals")
      guard complaint.status.isAppealable else {
        let why =
          switch complaint.status {
          case .paid: "it is paid"
          case .appealed: "it is already under appeal"
          default: "nothing has been decided yet (it is \(complaint.status.rawValue))"
          }
        throw DomainError.conflict("\(complaint.code) cannot be appealed: \(why)")
      }
      try releaseReservation(complaint, memo: "appealed: \(reason)", actor: actor)
      try transition(complaint, to: .appealed, kind: .appealed, reason: reason, actor: actor)
    }
  }
}
