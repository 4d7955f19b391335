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

  /// The stored change of a transition whose states before and after are both known (built
  /// from the values written, `AuditStateWritten`), without wording the change to compare it:
  /// `@event:ID` when `after` is `before` with only its status moved — as event row `eventID`
  /// says, from its `from_status` to its `to_status` — and that event row added last, a row
  /// `before` did not hold; `change(from:)` then words exactly what `full(event:)` rebuilds.
  /// Nil otherwise: the caller words the change (`stored`).
  static func known(before: AuditState, after: AuditState, eventID: Int) -> String? {
    guard let event = after.children.complaintEvents?.last, event.count == 6,
      let events = before.children.complaintEvents,
      after.children.complaintEvents?.count == events.count + 1,
      !events.contains(event), after.columns.count == before.columns.count,
      after.children.count == before.children.count
    else { return nil }
    for index in before.columns.indices where before.columns[index] != after.columns[index] {
      guard index == statusColumn, before.columns[index] == event[1],
        after.columns[index] == event[2]
      else { return nil }
    }
    guard before.columns[statusColumn] != after.columns[statusColumn] else { return nil }
    for index in before.children.indices where index != eventTable {
      guard before.children[index] == after.children[index] else { return nil }
    }
    guard after.children[eventTable].dropLast().elementsEqual(events) else { return nil }
    return prefix + String(eventID)
  }

  /// The index of `status` among a complaint's audited columns.
  private static let statusColumn = AuditedKind.named("complaint").columns.firstIndex {
    $0.name == "status"
  }!

  /// The index of `complaint_event` among a complaint's child tables.
  private static let eventTable = AuditedKind.named("complaint").children.firstIndex {
    $0.table == "complaint_event"
  }!

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
