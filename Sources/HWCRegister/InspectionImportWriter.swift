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

  /// Starts writing, inside the import's write transaction.
  init(register: Register, actor: Actor) throws {
    self.register = register
    self.actor = actor
    known = KnownStateWriter(register: register)
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

  /// `Register.transition` to `inspected`, given the complaint's state before, read once: the
  /// state after is that one with the new status and event.
  private func moveToInspected(_ complaint: ComplaintHeader) throws {
    guard
      let before = try AuditStateReader(db: register.db).state(complaintKind, row: complaint.id)
    else { preconditionFailure("an inspected complaint is not in the register") }
    try register.transition(
      complaint, to: .inspected, kind: .inspected, reason: nil, actor: actor, before: before)
  }
}
