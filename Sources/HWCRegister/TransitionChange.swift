import HWCCore
import HWCStore

/// A complaint's move to another status, recorded compactly in its audit entry (issue #12): the
/// change of a transition is the status moved and the one event row added, so the entry stores
/// `@event:ID` — the event's row id — instead of that row again; `hwc audit log` prints the
/// change as it always did, rebuilt from the event row. The complaint's digest covers the event
/// row, so an edit of it made with another tool is still named by `audit verify`.
enum TransitionChange {
  /// The stored form's prefix.
  static let prefix = "@event:"

  /// The change a transition's entry records, as `AuditState.change` words it: the status moved
  /// from the event's `from_status` to its `to_status`, and the event row added.
  static func full(event: [SQLValue]) -> String {
    JSON.object([
      ("status", .array([AuditState.json(event[1]), AuditState.json(event[2])])),
      ("complaint_event", .object([("+", .array([AuditState.json(event)]))])),
    ]).text()
  }

  /// `@event:ID` when `change` is exactly what `full(event:)` rebuilds from the complaint's
  /// last event row in `state` (row `eventID`); else `change` itself.
  static func stored(_ change: String?, state: AuditState?, eventID: Int) -> String? {
    guard let change, let event = state?.children.complaintEvents?.last,
      event.count == 6, full(event: event) == change
    else { return change }
    return prefix + String(eventID)
  }

  /// The change as printed: `stored` itself, or, for `@event:ID`, the change rebuilt from
  /// event row ID (nil when that row is gone: the entry then prints as stored).
  static func printed(_ stored: String, in db: Database) throws -> String {
    guard stored.hasPrefix(prefix), let id = Int(stored.dropFirst(prefix.count)) else {
      return stored
    }
    let event = try db.prepare(
      """
      SELECT kind, from_status, to_status, actor_id, at, reason FROM complaint_event WHERE id = ?
      """
    ).first(with: [id]) { row in (0..<6).map { row.value($0) } }
    return event.map(full(event:)) ?? stored
  }
}

extension Array where Element == [[SQLValue]] {
  /// A complaint state's event rows (`AuditedKind` lists complaint_event second).
  fileprivate var complaintEvents: [[SQLValue]]? { count > 1 ? self[1] : nil }
}
