import HWCCore
import HWCDomain
import HWCStore

/// Writes the inspections of an import whose check still holds under the write lock
/// (`ChangeStamp`), as `Register.writeInspection` writes them, without reading back what it
/// wrote: the inspection and its items are inserted from values and audited with the digest of
/// those values (`KnownStateWriter`); the complaint's move to `inspected` reads its state once,
/// before, and records the change and the digest of that state with the new status and event.
final class InspectionImportWriter {
  let register: Register
  let actor: Actor
  private let known: KnownStateWriter
  private let inspectionKind = AuditedKind.named("inspection")
  private let complaintKind = AuditedKind.named("complaint")
  /// Where the complaint state holds its status and its event rows.
  private let statusColumn: Int
  private let eventTable: Int

  /// Starts writing, inside the import's write transaction.
  init(register: Register, actor: Actor) throws {
    self.register = register
    self.actor = actor
    known = try KnownStateWriter(db: register.db)
    guard let status = complaintKind.columns.firstIndex(where: { $0.name == "status" }),
      let events = complaintKind.children.firstIndex(where: { $0.table == "complaint_event" })
    else { preconditionFailure("the complaint state has no status or events") }
    (statusColumn, eventTable) = (status, events)
  }

  /// Records a checked inspection of `complaint` and moves the complaint to `inspected`.
  func write(_ checked: Register.CheckedInspection, of complaint: ComplaintHeader) throws {
    let columns: [SQLValue] = [
      .integer(Int64(complaint.id)), .text(checked.date.description), .integer(Int64(actor.id)),
      .integer(checked.protected ? 1 : 0), checked.certificate.map(SQLValue.text) ?? .null,
      checked.finding.map(SQLValue.text) ?? .null, .text(register.clock.timestamp()), .null,
    ]
    let items = checked.items.sorted { $0.item.utf8.lexicographicallyPrecedes($1.item.utf8) }
      .map { item -> [SQLValue] in [.text(item.item), .integer(Int64(item.centi))] }
    // The label is 'inspection:' || id; a creation entry stores the id.
    _ = try known.create(
      inspectionKind, columns: columns, name: { String($0) },
      command: register.auditCommand(actor: actor.name), children: { _ in [items] })
    try moveToInspected(complaint)
  }

  /// `Register.transition` to `inspected`: the status, the event, the audit entry.
  private func moveToInspected(_ complaint: ComplaintHeader) throws {
    let db = register.db
    guard let before = try AuditStateReader(db: db).state(complaintKind, row: complaint.id)
    else { preconditionFailure("an inspected complaint is not in the register") }
    let kind = ComplaintEventKind.inspected
    let status = ComplaintStatus.inspected
    try db.run(
      "UPDATE complaint SET status = ? WHERE id = ?", with: [status.rawValue, complaint.id])
    let event: [SQLValue] = [
      .text(kind.rawValue), .text(complaint.status.rawValue), .text(status.rawValue),
      .integer(Int64(actor.id)), .text(register.clock.timestamp()), .null,
    ]
    try db.prepare(
      """
      INSERT INTO complaint_event(complaint_id, kind, from_status, to_status, actor_id, at, reason)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """
    ).run([.integer(Int64(complaint.id))] + event)
    let eventID = db.lastInsertRowID
    var after = before
    after.columns[statusColumn] = .text(status.rawValue)
    after.children[eventTable].append(event)
    let change = TransitionChange.stored(
      after.change(from: before, complaintKind), state: after, eventID: eventID)
    try known.append(
      register.auditCommand(actor: actor.name), kind: complaintKind, row: complaint.id,
      action: kind.rawValue, change: change, digest: after.digest(complaintKind))
  }
}
