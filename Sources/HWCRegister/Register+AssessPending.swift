import HWCCore
import HWCDomain
import HWCRules
import HWCStore

extension Register {
  /// What `hwc assess --pending` did.
  public struct PendingSummary: Sendable {
    public var assessed = 0
    public var eligible = 0
    public var ineligible = 0
    public var failed = 0
    /// Inspected complaints in districts or conservancies where the actor may not assess: left
    /// for those who may, not a failure.
    public var skipped = 0
    /// The skipped complaints by place, to say whose they are.
    public var skippedByPlace: [Place: Int] = [:]

    /// A district or a conservancy, by its English name.
    public struct Place: Hashable, Sendable, Comparable {
      public let name: String
      /// `district` or `conservancy`.
      public let kind: String

      public static func < (a: Place, b: Place) -> Bool { (a.name, a.kind) < (b.name, b.kind) }
    }

    /// Counts a skipped complaint of `place`.
    mutating func skip(_ place: Place, count: Int = 1) {
      skipped += count
      skippedByPlace[place, default: 0] += count
    }
  }

  /// The place whose staff assess `complaint`: its conservancy, else its district.
  private func assessingPlace(_ complaint: ComplaintHeader) -> PendingSummary.Place {
    if let id = complaint.conservancyID {
      return .init(name: reference.conservancy(id: id)?.name.en ?? "?", kind: "conservancy")
    }
    return .init(
      name: reference.district(id: complaint.districtID)?.name.en ?? "?", kind: "district")
  }

  /// True when `actor` may assess `complaint`: an officer, inspector or committee member of its
  /// district or conservancy.
  func mayAssess(_ actor: Actor, _ complaint: ComplaintHeader) -> Bool {
    let outside = office?.problem(
      districtID: complaint.districtID, conservancyID: complaint.conservancyID,
      reference: reference)
    return outside == nil
      && [Role.officer, .inspector, .committee].contains {
        actor.has($0, districtID: complaint.districtID, conservancyID: complaint.conservancyID)
      }
  }

  /// A complaint refused while its assessment was being written: the batch is rolled back and
  /// written again without it, so nothing of it stays.
  private struct WriteRefusal: Error {
    let complaintID: Int
    let message: String
  }

  /// One batch's outcome, applied to the summary once the batch is committed.
  private struct BatchResult {
    var lastID = 0
    var summary = PendingSummary()
    /// `CODE: reason` of complaints the engine refused, by complaint id.
    var failures: [(id: Int, message: String)] = []
  }

  /// The pages SQLite may cache while assessing, in KiB (a negative `cache_size`): the batch's
  /// complaints, inspections and the tables it appends to stay in memory, well within the
  /// 150 MB a process may take.
  static let assessCacheKiB = 65_536

  /// Assesses every inspected, not yet assessed complaint the actor may assess, in batches of
  /// one transaction each; a complaint whose policy is missing is reported and left inspected.
  ///
  /// Each batch reads its complaints, their latest inspections and the claimants' committed
  /// amounts with a few set-based queries (`AssessmentFacts`), assesses them in memory and
  /// writes them in its one transaction. A refusal while a complaint is written rolls the batch
  /// back, and it is written again without that complaint: nothing of it stays, the others go on.
  public func assessPending(actor: Actor, batch: Int = 5_000, onError: (String) -> Void) throws
    -> PendingSummary
  {
    let policy = try policy()
    let cacheSize = try db.scalar(Int.self, "PRAGMA cache_size") ?? -2000
    try db.execute("PRAGMA cache_size = -\(Register.assessCacheKiB)")
    defer { try? db.execute("PRAGMA cache_size = \(cacheSize)") }
    var facts: AssessmentFacts?
    let memory = AssessmentStore.Memory()
    var summary = PendingSummary()
    var afterID = 0
    // Complaints of the current batch refused while written; the batch is retried without them.
    var refused: [Int: String] = [:]
    while true {
      let result: BatchResult
      do {
        result = try db.transaction {
          let version = try db.scalar(Int.self, "PRAGMA data_version") ?? 0
          if facts?.version != version {
            facts = try AssessmentFacts.load(db, version: version)
          }
          return try assessBatch(
            after: afterID, limit: batch, facts: facts!, policy: policy, refused: refused,
            actor: actor, memory: memory)
        }
      } catch let refusal as WriteRefusal {
        refused[refusal.complaintID] = refusal.message
        continue
      }
      guard result.lastID > 0 else { break }
      afterID = result.lastID
      summary.assessed += result.summary.assessed
      summary.eligible += result.summary.eligible
      summary.ineligible += result.summary.ineligible
      for (place, count) in result.summary.skippedByPlace { summary.skip(place, count: count) }
      let failures = result.failures + refused.map { (id: $0.key, message: $0.value) }
      summary.failed += failures.count
      for failure in failures.sorted(by: { $0.id < $1.id }) { onError(failure.message) }
      refused = [:]
    }
    return summary
  }

  /// Assesses and writes the next `limit` inspected complaints after id `after`, leaving out
  /// those `refused` earlier in this batch. Inside the batch's transaction.
  private func assessBatch(
    after: Int, limit: Int, facts: AssessmentFacts, policy: Policy, refused: [Int: String],
    actor: Actor, memory: AssessmentStore.Memory
  ) throws -> BatchResult {
    let complaints = try db.prepare(
      """
      SELECT \(ComplaintHeader.columns) FROM complaint
      WHERE status = \(ComplaintStatus.inspected.sqlLiteral) AND id > ? ORDER BY id LIMIT ?
      """
    ).map(with: [after, limit], ComplaintHeader.init(row:))
    guard let first = complaints.first, let last = complaints.last else { return BatchResult() }
    let inspections = try latestInspections(from: first.id, to: last.id)
    let before = try beforeStates(complaints)
    memory.policySets = [:]
    var result = BatchResult(lastID: last.id)
    for complaint in complaints where refused[complaint.id] == nil {
      guard mayAssess(actor, complaint) else {
        result.summary.skip(assessingPlace(complaint))
        continue
      }
      let assessment: Assessment
      do {
        let inspection = inspections[complaint.id]
        guard
          let input = facts.input(complaint, inspection: inspection?.facts, reference: reference)
        else {
          throw DomainError.notFound("the district of \(complaint.code) is unknown")
        }
        assessment = try RulesEngine.assess(input, policy: policy)
      } catch let error as PolicyError {
        result.failures.append((complaint.id, "\(complaint.code): \(error)"))
        continue
      } catch let error as DomainError {
        result.failures.append((complaint.id, "\(complaint.code): \(error)"))
        continue
      }
      do {
        try store(
          assessment, complaint: complaint, inspectionID: inspections[complaint.id]?.id,
          actor: actor, before: before[complaint.id], memory: memory)
      } catch let error as PolicyError {
        throw WriteRefusal(complaintID: complaint.id, message: "\(complaint.code): \(error)")
      } catch let error as DomainError {
        throw WriteRefusal(complaintID: complaint.id, message: "\(complaint.code): \(error)")
      }
      result.summary.assessed += 1
      if assessment.outcome == .eligible {
        result.summary.eligible += 1
      } else {
        result.summary.ineligible += 1
      }
    }
    return result
  }

  /// The audited states of a batch's complaints (ordered by id) before it writes, read with one
  /// range query per table (`AuditStateRange`) when they are dense enough in their id range;
  /// else none, and each is read as it is written. Writing one complaint changes no other's.
  private func beforeStates(_ complaints: [ComplaintHeader]) throws -> [Int: AuditState] {
    guard let first = complaints.first?.id, let last = complaints.last?.id,
      last - first < 4 * complaints.count
    else { return [:] }
    return try AuditStateRange(db: db).states(.named("complaint"), from: first, to: last)
  }

  /// The latest inspection (id and facts) of each complaint with an id from `first` to `last`,
  /// read with two range queries.
  private func latestInspections(from first: Int, to last: Int) throws
    -> [Int: (id: Int, facts: InspectionFacts)]
  {
    var latest: [Int: (id: Int, date: String, protected: Bool, certificate: String?)] = [:]
    try db.prepare(
      """
      SELECT complaint_id, id, inspection_date, protected, vet_certificate FROM inspection
      WHERE complaint_id BETWEEN ? AND ? ORDER BY complaint_id, id
      """
    ).eachRow(with: [first, last]) {
      latest[$0.int(0)] = ($0.int(1), $0.text(2), $0.int(3) == 1, $0.optionalText(4))
    }
    var items: [Int: [ItemQuantity]] = [:]
    try db.prepare(
      """
      SELECT ii.inspection_id, ii.item, ii.quantity_centi
      FROM inspection i JOIN inspection_item ii ON ii.inspection_id = i.id
      WHERE i.complaint_id BETWEEN ? AND ? ORDER BY ii.inspection_id, ii.item
      """
    ).eachRow(with: [first, last]) {
      items[$0.int(0), default: []].append(ItemQuantity(item: $0.text(1), centi: $0.int(2)))
    }
    return latest.mapValues { inspection in
      (
        inspection.id,
        InspectionFacts(
          date: CalendarDate(inspection.date)!, items: items[inspection.id] ?? [],
          protected: inspection.protected, vetCertificate: inspection.certificate)
      )
    }
  }
}
