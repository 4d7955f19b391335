import HWCCore
import HWCRules
import HWCStore

/// Audited states built from the values a writer has just written, instead of read back from
/// the register (issue #12: `assess --pending` read every state it audits twice). Each is the
/// state `AuditStateReader` would read for the same row, value for value, so its digest is
/// byte-identical (`AuditStateWrittenTests` compares them on real rows).
extension AuditState {
  /// The state of an assessment row inserted with these values (migration 0018's form: its
  /// lines as child rows, its policy set and explanation on the row, no policy or step rows).
  static func assessment(
    _ assessment: Assessment, complaintID: Int, inspectionID: Int?, actorID: Int, at: String,
    policySetID: Int, explanation: [UInt8]
  ) -> AuditState {
    let columns: [SQLValue] = [
      .integer(Int64(complaintID)), inspectionID.map { .integer(Int64($0)) } ?? .null,
      .text(assessment.scheme.rawValue), .text(assessment.outcome.rawValue),
      assessment.reason.map(SQLValue.text) ?? .null,
      assessment.reasonCode.map { .text($0.rawValue) } ?? .null,
      .text(assessment.currency), .integer(Int64(assessment.amountMinor)),
      .text(assessment.policyDate.description), assessment.payer.map(SQLValue.text) ?? .null,
      .integer(Int64(actorID)), .text(at), .integer(Int64(policySetID)), .blob(explanation),
    ]
    let lines: [[SQLValue]] = assessment.lines.map {
      [
        .text($0.item), .integer(Int64($0.quantityCenti)), .text($0.rate),
        .integer(Int64($0.amountMinor)), .text($0.note),
      ]
    }
    return AuditState(columns: columns, children: [lines, [], []])
  }

  /// A complaint's state after a transition from this one: its status set to `status` and
  /// `event` (the `complaint_event` columns of `AuditedKind`, in order) added as its newest
  /// event row.
  func afterTransition(to status: String, event: [SQLValue]) -> AuditState {
    var after = self
    after.columns[AuditState.complaintStatus] = .text(status)
    after.children[AuditState.complaintEvents].append(event)
    return after
  }

  /// The index of `status` among a complaint's audited columns.
  private static let complaintStatus = AuditedKind.named("complaint").columns.firstIndex {
    $0.name == "status"
  }!

  /// The index of `complaint_event` among a complaint's child tables.
  private static let complaintEvents = AuditedKind.named("complaint").children.firstIndex {
    $0.table == "complaint_event"
  }!
}

/// Reads the audited states of the entities of one kind whose ids lie in a range, with one
/// ordered query for the rows and one per child table (what `AuditStateReader.state` does for
/// one row with as many queries): the before-states of a batch of complaints.
struct AuditStateRange {
  let db: Database

  /// The state of every entity of per-row `kind` with an id from `first` to `last`, by id.
  func states(_ kind: AuditedKind, from first: Int, to last: Int) throws -> [Int: AuditState] {
    let absent = try AuditStateReader(db: db).absentColumns(kind)
    let names = kind.columns.map { absent.contains($0.name) ? "NULL" : $0.name }
    let range: [any SQLBindable] = [first, last]
    var states: [Int: AuditState] = [:]
    try db.prepare(
      "SELECT id, \(names.joined(separator: ", ")) FROM \(kind.table)"
        + " WHERE id BETWEEN ? AND ? ORDER BY id"
    ).eachRow(with: range) { row in
      states[row.int(0)] = AuditState(
        columns: (1...names.count).map { row.value($0) },
        children: Array(repeating: [], count: kind.children.count))
    }
    for (index, child) in kind.children.enumerated() {
      try db.prepare(
        "SELECT \(([child.parent] + child.columns).joined(separator: ", ")) FROM \(child.table)"
          + " WHERE \(child.parent) BETWEEN ? AND ? ORDER BY \(child.parent), \(child.order)"
      ).eachRow(with: range) { row in
        let parent = row.int(0)
        guard states[parent] != nil else { return }
        states[parent]!.children[index].append((1...child.columns.count).map { row.value($0) })
      }
    }
    return states
  }
}
