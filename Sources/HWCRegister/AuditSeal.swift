import HWCCore
import HWCStore

/// The audit around an upgrade. Before a migration runs, the register's audit must verify; after
/// it, every entity the migration created, changed or removed gets an entry made by `hwc`, so
/// policy values and reference data seeded by migrations are audited like any other change.
struct AuditSeal {
  let db: Database
  let path: String
  let origin: AuditOrigin?
  let clock: Clock

  /// The first migration whose entries go to `audit_entry`.
  static let firstDigestMigration = 9

  /// Refuses to apply `pending` to a register whose audit does not verify: none is applied.
  func checkBefore(_ pending: [Migration]) throws {
    guard let first = pending.first,
      pending.contains(where: { $0.number >= AuditSeal.firstDigestMigration })
    else { return }
    let problem: String? = try db.transaction(.deferred) {
      if first.number <= AuditSeal.firstDigestMigration {
        let chain = try AuditChainCheck(db: db).legacyChain()
        return try chain.problem ?? LegacyAuditLog.verifyStates(db)
      }
      if let problem = try AuditChainCheck(db: db).run().problem { return problem }
      var found: String?
      try AuditStateCheck(db: db).run { difference in
        found = try difference.problem(in: db)
        return false
      }
      return found
    }
    if let problem { throw RegisterError.upgradeRefused(path: path, problem: problem) }
  }

  /// Records an entry for every entity `migration` created, changed or removed; runs inside the
  /// migration's transaction.
  func sealAfter(_ migration: Migration) throws {
    guard migration.number >= AuditSeal.firstDigestMigration else { return }
    var differences: [AuditStateCheck.Difference] = []
    try AuditStateCheck(db: db).run { difference in
      differences.append(difference)
      return true
    }
    let command = AuditLog.Command(
      at: clock.timestamp(), actor: "hwc", command: "migration \(migration.name)",
      osUser: origin?.osUser, host: origin?.host)
    let log = AuditLog(db: db)
    for difference in differences {
      let action: String
      switch difference.issue {
      case .unlogged: action = "create"
      case .edited: action = "migrate"
      case .removed: action = "remove"
      }
      let name =
        difference.digest == nil
        ? nil : try difference.kind.label(row: difference.row, in: db)
      try log.append(
        command, kind: difference.kind, row: difference.row, action: action,
        change: action == "create" ? name : nil, digest: difference.digest)
    }
  }
}
