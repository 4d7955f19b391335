import HWCCore
import HWCDomain
import HWCStore

/// One field a correction changed: its value before and after, as a person reads them.
public struct FieldChange: Sendable, Equatable {
  public let field: String
  public let old: String?
  public let new: String?

  public init(_ field: String, old: String?, new: String?) {
    self.field = field
    self.old = old
    self.new = new
  }

  /// `village: Zhalpaktal -> Akshat` (an absent value as `(none)`).
  public var text: String { "\(field): \(old ?? "(none)") -> \(new ?? "(none)")" }

  public var json: JSON {
    .object([("field", .string(field)), ("old", .optional(old)), ("new", .optional(new))])
  }
}

/// What a `correction` row is about (exactly one of them).
enum CorrectionSubject {
  /// A complaint, with the id of its `corrected` event.
  case complaint(id: Int, event: Int)
  case claimant(Int)
  case emergency(Int)
  case policy(Int)
}

extension ReadSQL {
  /// The claimed items of complaint `?1`: those of its latest correction that replaced them, else
  /// those it was registered with (registered items are never changed or deleted).
  static let claimedItems = claimedItems(of: "?1") + "\nORDER BY item"

  /// The claimed items (`item`, `quantity_centi`) of the complaint whose id is the SQL
  /// expression `complaint`, unordered.
  static func claimedItems(of complaint: String) -> String {
    """
    SELECT item, quantity_centi FROM correction_item
    WHERE correction_id = (SELECT max(r.id) FROM correction r WHERE r.complaint_id = \(complaint)
      AND EXISTS (SELECT 1 FROM correction_item i WHERE i.correction_id = r.id))
    UNION ALL
    SELECT item, quantity_centi FROM complaint_item WHERE complaint_id = \(complaint)
      AND NOT EXISTS (SELECT 1 FROM correction r JOIN correction_item i ON i.correction_id = r.id
        WHERE r.complaint_id = \(complaint))
    """
  }

  /// True when the emergency whose id is the SQL expression `emergency` has not been revoked.
  static func notRevoked(emergency: String) -> String {
    "NOT EXISTS (SELECT 1 FROM correction r WHERE r.emergency_id = \(emergency) AND r.action = 'revoke')"
  }
}

extension Register {
  /// Records a correction with its reason and changed fields (and, for a complaint's items, the
  /// new claimed items), and audits its creation; returns its row id. Inside a transaction.
  func recordCorrection(
    _ action: String, of subject: CorrectionSubject, reason: String, changes: [FieldChange],
    items: [ItemQuantity]? = nil, actor: Actor
  ) throws -> Int {
    var complaint: Int?
    var event: Int?
    var claimant: Int?
    var emergency: Int?
    var policy: Int?
    switch subject {
    case .complaint(let id, let eventID): (complaint, event) = (id, eventID)
    case .claimant(let id): claimant = id
    case .emergency(let id): emergency = id
    case .policy(let id): policy = id
    }
    try db.run(
      """
      INSERT INTO correction(action, complaint_id, event_id, claimant_id, emergency_id, policy_id,
        reason, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      with: [
        action, complaint, event, claimant, emergency, policy, reason, actor.id, clock.timestamp(),
      ])
    let id = db.lastInsertRowID
    let insertField = try db.prepare(
      "INSERT INTO correction_field(correction_id, field, old_value, new_value) VALUES (?, ?, ?, ?)"
    )
    for change in changes {
      try insertField.run(with: [id, change.field, change.old, change.new])
    }
    let insertItem = try db.prepare(
      "INSERT INTO correction_item(correction_id, item, quantity_centi) VALUES (?, ?, ?)")
    for item in items ?? [] {
      try insertItem.run(with: [id, item.item, item.centi])
    }
    try auditCreated("correction", id: id, actor: actor.name)
    return id
  }

  /// The changes of every correction of one subject (`complaint_id`, `claimant_id`, …), oldest
  /// first, with who made them, when and why.
  func corrections(_ column: String, id: Int) throws -> [CorrectionRecord] {
    var records: [CorrectionRecord] = []
    try db.prepare(
      """
      SELECT r.id, r.action, r.event_id, r.reason, u.name, r.at, f.field, f.old_value, f.new_value
      FROM correction r JOIN app_user u ON u.id = r.actor_id
      LEFT JOIN correction_field f ON f.correction_id = r.id
      WHERE r.\(column) = ? ORDER BY r.id, f.field
      """
    ).eachRow(with: [id]) { row in
      if records.last?.id != row.int("id") {
        records.append(
          CorrectionRecord(
            id: row.int("id"), action: row.text("action"), eventID: row.optionalInt("event_id"),
            reason: row.text("reason"), actor: row.text("name"), at: row.text("at"), changes: []))
      }
      if let field = row.optionalText("field") {
        records[records.count - 1].changes.append(
          FieldChange(field, old: row.optionalText("old_value"), new: row.optionalText("new_value"))
        )
      }
    }
    return records
  }

  /// Refuses a correction that changes nothing.
  static func requireChanges(_ changes: [FieldChange], of what: String) throws {
    if changes.isEmpty {
      throw DomainError.conflict(
        "nothing to correct: the values given are those \(what) already has")
    }
  }
}

/// A correction as shown in history: who, when, why and what changed.
public struct CorrectionRecord: Sendable {
  public let id: Int
  public let action: String
  /// The complaint's `corrected` event, for a complaint's correction.
  public let eventID: Int?
  public let reason: String
  public let actor: String
  public let at: String
  public var changes: [FieldChange]

  public var json: JSON {
    .object([
      ("action", .string(action)), ("actor", .string(actor)), ("at", .string(at)),
      ("reason", .string(reason)), ("changes", .array(changes.map(\.json))),
    ])
  }
}
