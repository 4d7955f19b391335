import Dispatch
import HWCStore

/// The parts of `hwc audit verify` that read the register — the chain walk and the comparison of
/// each audited kind — shared out between connections reading one snapshot (the caller's and a
/// `SnapshotPartner`'s): each connection takes the next part not yet taken, and the outcomes are
/// kept per part, so `verification` names the problem the sequential check would have found
/// first, whichever connection found it and whenever.
final class AuditVerifyWork: @unchecked Sendable {
  /// What one kind's comparison found: the entities compared, and the first difference.
  struct KindOutcome {
    let rows: Int
    let difference: AuditStateCheck.Difference?
  }

  private let lock = DispatchSemaphore(value: 1)
  private var chainTaken = false
  private var nextKind = 0
  /// Set when a problem is found that comes before every kind's (the chain's, the schema's):
  /// kinds not yet taken are left undone.
  private var stopped = false
  private var chain: Result<(entries: Int, problem: String?), any Error>?
  private var kinds: [Result<KindOutcome, any Error>?] = Array(
    repeating: nil, count: AuditedKind.all.count)

  /// Runs `body` holding the lock.
  private func locked<T>(_ body: () -> T) -> T {
    lock.wait()
    defer { lock.signal() }
    return body()
  }

  /// Leaves the kinds not yet taken undone.
  func stop() { locked { stopped = true } }

  /// Walks the chain on `db`, unless another connection has taken it.
  func runChain(on db: Database) {
    let mine = locked {
      defer { chainTaken = true }
      return !chainTaken
    }
    guard mine else { return }
    let outcome = Result { try AuditChainCheck(db: db).run() }
    locked {
      chain = outcome
      if case .success(let found) = outcome, found.problem != nil { stopped = true }
    }
  }

  /// Compares, on `db`, each kind no connection has taken yet, until none is left.
  func runKinds(on db: Database) {
    var tables: Set<String>?
    while let index = takeKind() { runKind(index, on: db, tables: &tables) }
  }

  /// Compares kind `index` on `db`, whose tables are `tables` (read once per connection).
  private func runKind(_ index: Int, on db: Database, tables: inout Set<String>?) {
    let kind = AuditedKind.all[index]
    let check = AuditStateCheck(db: db)
    let outcome = Result { () throws -> KindOutcome in
      if tables == nil { tables = try check.tables() }
      guard tables?.contains(kind.table) == true else {
        return KindOutcome(rows: 0, difference: nil)
      }
      var rows = 0
      var difference: AuditStateCheck.Difference?
      _ = try check.check(kind) {
        difference = $0
        return false
      } counted: {
        rows = $0
      }
      return KindOutcome(rows: rows, difference: difference)
    }
    locked { kinds[index] = outcome }
  }

  /// The next kind no connection has taken, nil when none is left (or the work stopped).
  private func takeKind() -> Int? {
    locked {
      guard !stopped, nextKind < kinds.count else { return nil }
      defer { nextKind += 1 }
      return nextKind
    }
  }

  /// The outcome, as the sequential check finds it: the chain's problem, else the schema's, else
  /// the first difference in kind order (named on `db`, which reads the same snapshot); the
  /// first error in that order is thrown. Parts left undone (none once every connection has
  /// run out of work) are done on `db` first.
  func verification(schema: Result<[String], any Error>, on db: Database) throws
    -> Register.AuditVerification
  {
    if locked({ self.chain == nil }) { runChain(on: db) }
    let chain = try locked { self.chain! }.get()
    if let problem = chain.problem {
      return Register.AuditVerification(entries: chain.entries, rows: 0, problem: problem)
    }
    // A trigger redefined with another SQLite tool could let an edit through unseen.
    let differences = try schema.get()
    if let first = differences.first {
      let more =
        differences.count > 1 ? " (and \(differences.count - 1) more; hwc check names them)" : ""
      return Register.AuditVerification(
        entries: chain.entries, rows: 0,
        problem: "schema: \(first)\(more); the records were not compared with the log")
    }
    var rows = 0
    var tables: Set<String>?
    for index in AuditedKind.all.indices {
      if locked({ kinds[index] == nil }) { runKind(index, on: db, tables: &tables) }
      let outcome = try locked { kinds[index]! }.get()
      rows += outcome.rows
      if let difference = outcome.difference {
        return Register.AuditVerification(
          entries: chain.entries, rows: rows, problem: try difference.problem(in: db))
      }
    }
    return Register.AuditVerification(entries: chain.entries, rows: rows, problem: nil)
  }
}
