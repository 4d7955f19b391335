/// Where a complaint stands in its lifecycle (SPEC §4), and what each stage allows.
///
/// `registered → inspected → assessed → approved → paid`, with `ineligible` (by the rules),
/// `rejected` (by a decision), `withdrawn`, and `appealed` (reopened for re-inspection). The raw
/// values are what the register stores (`complaint.status`, `complaint_event.to_status`).
public enum ComplaintStatus: String, Sendable, CaseIterable, Hashable {
  case registered, inspected, assessed, approved, paid, rejected, ineligible, withdrawn, appealed

  /// An inspection may be recorded: before the first one, again before assessment, or after an
  /// appeal reopened the complaint.
  public var isInspectable: Bool { self == .registered || self == .inspected || self == .appealed }

  /// The rules may assess it: it is inspected and not yet assessed.
  public var isAssessable: Bool { self == .inspected }

  /// The committee may approve it: assessed as eligible and not yet approved.
  public var isApprovable: Bool { self == .assessed }

  /// The committee may reject it: assessed, or approved but not yet paid.
  public var isRejectable: Bool { self == .assessed || self == .approved }

  /// A treasurer may pay it: approved by two members.
  public var isPayable: Bool { self == .approved }

  /// An appeal may reopen it: a decision was made and no money has moved out yet.
  public var isAppealable: Bool {
    self == .assessed || self == .ineligible || self == .rejected || self == .approved
  }

  /// The money of an approved complaint is reserved on its payer's books.
  public var holdsReservation: Bool { self == .approved }

  /// Counts as money committed to the claimant (the household cap): approved or paid.
  public var isCommitted: Bool { self == .approved || self == .paid }

  /// A decision ended the case (until an appeal): paid, rejected, ineligible or withdrawn.
  public var isClosed: Bool {
    self == .paid || self == .rejected || self == .ineligible || self == .withdrawn
  }

  /// Every status, as the CLI lists them: `registered, inspected, …`.
  public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// What happened to a complaint: one event per transition, with its actor, time and reason.
public enum ComplaintEventKind: String, Sendable, CaseIterable, Hashable {
  case registered, inspected, assessed
  /// A first committee vote: recorded, the status stays `assessed`, nothing is reserved.
  case approval
  /// The second, distinct vote: the amount is reserved.
  case approved
  case rejected, paid, appealed, withdrawn
  /// Details corrected before inspection (the status stays; the correction keeps old and new).
  case corrected

  /// The events that decide a complaint (the quarterly report's "decisions").
  public var isDecision: Bool {
    self == .assessed || self == .approved || self == .rejected || self == .paid
      || self == .appealed
  }
}

/// Why money moved in the ledger (SPEC §6).
public enum TransferKind: String, Sendable, CaseIterable, Hashable {
  /// A ministry allocation credits a district budget for a year.
  case allocation
  /// A donor or state contribution credits a conservancy's buffer fund.
  case contribution
  /// An insurance premium credits a conservancy's buffer fund.
  case premium
  /// A second approval moves the amount from the budget or fund to its payable account.
  case reservation
  /// A rejection or an appeal returns a reservation (a reversing transfer).
  case release
  /// A treasurer's payment moves the amount from payable to paid.
  case payment

  /// Transfers that bring money in to a budget or fund.
  public var isCredit: Bool { self == .allocation || self == .contribution || self == .premium }

  /// Transfers made for one complaint.
  public var concernsComplaint: Bool {
    self == .reservation || self == .release || self == .payment
  }
}
