import HWCCore
import HWCDomain
import HWCStore

extension Register {
  /// The result of `hwc audit verify`.
  public struct AuditVerification: Sendable {
    /// Entries whose hashes were recomputed.
    public let entries: Int
    /// Audited entities compared with their latest entry.
    public let rows: Int
    /// The first problem found, or nil when the chain and the rows agree.
    public let problem: String?
  }

  /// Recomputes the hash chain, checks the schema is the migrations', and compares the state of
  /// every audited entity, computed by hwc's code, with the digest its latest entry recorded.
  public func verifyAudit() throws -> AuditVerification {
    try verifyAudit(schemaDifferences: nil)
  }

  /// `verifyAudit()`, given the schema's differences when the caller has already found them.
  func verifyAudit(schemaDifferences known: [String]?) throws -> AuditVerification {
    try verifyAudit(schemaDifferences: known, sharing: .both)
  }

  /// How `verifyAudit` shares its work with its partner connection (tests make the partner do
  /// all of it, or commit a write while the two connections start reading).
  struct AuditVerifySharing: Sendable {
    /// Whether this connection also takes kinds to compare (else only the partner does, when
    /// it shares the snapshot; this connection then does whatever is left).
    var callerCompares = true
    /// Runs on the partner's thread after this connection started reading, before the partner
    /// does (`SnapshotPartner`).
    var beforeSharing: (@Sendable () -> Void)? = nil

    static let both = AuditVerifySharing()
  }

  /// `verifyAudit(schemaDifferences:)`: the chain is walked on a second connection reading the
  /// same snapshot (`SnapshotPartner`) while this one checks the schema and compares the kinds;
  /// whichever connection is free takes the next kind. Without a partner (an in-memory
  /// register, or a commit that came between the two connections' reads) this connection does
  /// everything, in the same order as before.
  func verifyAudit(schemaDifferences known: [String]?, sharing: AuditVerifySharing) throws
    -> AuditVerification
  {
    try db.transaction(.deferred) {
      let work = AuditVerifyWork()
      let partner = try SnapshotPartner(sharing: db, beforeSharing: sharing.beforeSharing) {
        reader in
        work.runChain(on: reader)
        work.runKinds(on: reader)
      }
      defer { partner.wait() }
      let schema = Result { try known ?? Schema.migrator.schemaDifferences(db) }
      if case .success(let differences) = schema, !differences.isEmpty { work.stop() }
      if sharing.callerCompares { work.runKinds(on: db) }
      if !partner.wait() {
        work.runChain(on: db)
        work.runKinds(on: db)
      }
      return try work.verification(schema: schema, on: db)
    }
  }
}
