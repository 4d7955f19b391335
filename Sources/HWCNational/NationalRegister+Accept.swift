import HWCCore
import HWCRegister
import HWCStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension NationalRegister {
  /// What `national accept` did with a bundle it did not refuse.
  public enum Acceptance: Sendable, Equatable {
    /// The bundle replaced the office's replica; the office as now recorded.
    case accepted(NationalOffice)
    /// The same bundle (office, export, head) was accepted before; nothing changed.
    case alreadyAccepted(NationalOffice)
  }

  /// Verifies the bundle at `path` and makes its snapshot the office's replica; refuses it, with
  /// one sentence, unless it is authenticated by the enrolled office's key, whole and unedited,
  /// of a higher export number than the last accepted, for the office's areas only, and its
  /// snapshot passes `check` (audit verify included), ends at the manifest's head and still
  /// holds unchanged the head of the office's last accepted bundle.
  ///
  /// A refusal changes no replica and no acceptance: it is recorded in `refusal` (and the
  /// national chain) for `national status`, and thrown as a `NationalError`.
  ///
  /// Order of the writes, so that a process stopped anywhere leaves the old replica or the new
  /// one whole and `national.sqlite` agreeing with it: the snapshot is written as
  /// `offices/CODE.sqlite.tmp` (in rollback-journal mode, see `useRollbackJournal`), checked and
  /// synced; the acceptance (with the replica's SHA-256) is committed; then the file is renamed over `offices/CODE.sqlite` and the folder synced. A stop
  /// before the commit leaves a `.tmp` that matches no acceptance; one after it, a `.tmp` whose
  /// SHA-256 is the last acceptance's: the next open (`reconcileReplicas`) removes the first and
  /// finishes the rename of the second. The whole of it runs under an exclusive lock on
  /// `offices/`, so two accepts never share a `.tmp`.
  public func accept(bundle path: String, actor: NationalActor) throws -> Acceptance {
    let lock = try FolderLock(folder.offices)
    defer { lock.release() }
    do {
      return try acceptLocked(bundle: path, actor: actor)
    } catch let refusal as BundleRefusal {
      try recordRefusal(refusal, file: path, actor: actor)
      throw NationalError("bundle \(path) refused: \(refusal.reason); nothing was accepted")
    }
  }

  private func acceptLocked(bundle path: String, actor: NationalActor) throws -> Acceptance {
    let named: BundleFacts
    do {
      named = BundleFacts(try OfficeBundle.read(path: path).manifest)
    } catch {
      throw BundleRefusal(office: nil, reason: error.reason)
    }
    guard let key = try key(of: named.office), let office = try office(named.office) else {
      throw BundleRefusal(office: nil, reason: "it names office \(named.office), not enrolled")
    }
    let facts: BundleFacts
    do {
      facts = BundleFacts(try OfficeBundle.verify(path: path, key: key))
    } catch {
      throw BundleRefusal(office: office.code, reason: error.reason)
    }
    if office.lastExport == facts.export, office.lastHead == facts.chainHead {
      return .alreadyAccepted(office)
    }
    if let last = office.lastExport, facts.export <= last {
      throw BundleRefusal(
        office: office.code,
        reason: "its export number \(facts.export) is not higher than \(last), the last "
          + "accepted from office \(office.code)")
    }
    guard facts.districts == office.districts, facts.conservancies == office.conservancies else {
      let named = (facts.districts + facts.conservancies).joined(separator: ", ")
      let enrolled = (office.districts + office.conservancies).joined(separator: ", ")
      throw BundleRefusal(
        office: office.code,
        reason: "its manifest names \(named), but office \(office.code) is enrolled for "
          + "\(enrolled)")
    }
    let pending = folder.pendingReplica(office.code)
    removePending(pending)
    do {
      try OfficeBundle.extractSnapshot(path: path, to: pending)
      try NationalFolder.useRollbackJournal(pending)
      let replica = folder.replica(office.code)
      try SnapshotCheck(
        path: pending, facts: facts, office: office,
        replica: NationalFolder.exists(replica) ? replica : nil
      ).run()
      removePending(pending, keepFile: true)
      guard NationalFolder.sync(pending), let digest = NationalFolder.sha256(of: pending) else {
        throw NationalError("cannot read back the replica written from \(path)")
      }
      try record(facts, file: path, replicaSHA256: SHA256.hex(digest), actor: actor)
    } catch {
      removePending(pending)
      throw error
    }
    try reconcileReplicas()
    guard let updated = try self.office(office.code) else {
      throw NationalError("office \(office.code) was not found after its bundle was accepted")
    }
    return .accepted(updated)
  }

  /// Records the acceptance of the bundle `facts` describe, in one transaction.
  private func record(
    _ facts: BundleFacts, file: String, replicaSHA256: String, actor: NationalActor
  ) throws {
    var info = stat()
    let bytes = stat(file, &info) == 0 ? Int(info.st_size) : 0
    try db.transaction {
      guard
        let office = try db.scalar(
          Int.self, "SELECT id FROM office WHERE code = ?", [.text(facts.office)])
      else { throw NationalError("office \(facts.office) is not enrolled") }
      try insert(
        """
        INSERT INTO acceptance(office_id, export, chain_position, chain_head, bundle_created_at,
          accepted_at, file_name, bundle_bytes, snapshot_bytes, snapshot_sha256, replica_sha256)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          office, facts.export, facts.chainPosition, facts.chainHead, facts.createdAt, now,
          NationalRegister.fileName(file), bytes, facts.snapshotBytes, facts.snapshotSHA256,
          replicaSHA256,
        ], table: "acceptance", actor: actor)
    }
  }

  /// Records a refused bundle in `refusal` and the national chain.
  private func recordRefusal(_ refusal: BundleRefusal, file: String, actor: NationalActor) throws {
    try db.transaction {
      _ = try insert(
        "INSERT INTO refusal(office_code, file_name, reason, at) VALUES (?, ?, ?, ?)",
        [refusal.office, NationalRegister.fileName(file), refusal.reason, now],
        table: "refusal", actor: actor)
    }
  }

  /// Removes the `.tmp` replica's WAL and shared-memory files, and the file itself unless kept.
  private func removePending(_ pending: String, keepFile: Bool = false) {
    for suffix in ["-wal", "-shm", "-journal"] { unlink(pending + suffix) }
    if !keepFile { unlink(pending) }
  }

  /// The last part of `path`.
  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}

/// An exclusive `flock` on a folder, held while a bundle is accepted.
struct FolderLock {
  private let fd: Int32

  init(_ path: String) throws {
    fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw NationalError("cannot open the folder \(path)") }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else {
        close(fd)
        throw NationalError("cannot lock the folder \(path)")
      }
    }
  }

  func release() {
    flock(fd, LOCK_UN)
    close(fd)
  }
}
