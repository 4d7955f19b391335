import HWCCore
import HWCDomain
import HWCStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `hwc office export` wrote.
public struct OfficeExportResult: Sendable {
  /// The bundle's path, as asked for.
  public let path: String
  /// The bundle file's size in bytes.
  public let bytes: Int
  /// The manifest written (export number, chain position and head, …).
  public let manifest: OfficeBundle.Manifest
}

extension Register {
  /// Writes the office's bundle to `path`, a new file (`hwc office export`; a treasurer or
  /// administrator of the office).
  ///
  /// A snapshot of the register (`Database.backup(to:)`, while others keep writing) is made
  /// beside `path`; in it the office key and login sessions are removed and the file rewritten
  /// with `secure_delete`, so the copy holds nothing that could forge a bundle; the copy must
  /// pass `check` and `audit verify`. The export is numbered after the last export the snapshot
  /// holds, and its previous position and head are that export's. The bundle is written
  /// (`OfficeBundle.write`), then the export is recorded as an audited office event — after
  /// the snapshot's head, so the next export's snapshot holds it.
  public func exportOffice(to path: String, actor: Actor, hwcVersion: String) throws
    -> OfficeExportResult
  {
    let office = try requireOffice(to: "export a bundle")
    guard actor.roles.contains(where: { $0.role == .treasurer || $0.role == .admin }) else {
      throw DomainError.notPermitted(
        "\(actor.name) may not export the office's bundle: that needs the treasurer or admin role")
    }
    guard let key = try officeKey() else {
      throw DomainError.conflict(
        "office \(office.code) has no key; set the key 'hwc national enroll' printed with "
          + "'hwc office key --set HEX', then export again")
    }
    try Register.checkBackupTarget(path)
    let snapshot = (path.contains("/") ? "" : "./") + path + ".snapshot-\(getpid())"
    try BackupFile.create(snapshot, for: path)
    defer { BackupFile.remove(snapshot, keepingMain: false) }
    try db.backup(to: snapshot)
    try Register.removeSecrets(fromCopy: snapshot)
    _ = try checkCopy(at: snapshot, for: path)
    let (position, head, previous) = try Register.chainOfCopy(snapshot, clock: clock)
    let manifest = OfficeBundle.Manifest(
      office: office.code, export: (previous?.number ?? 0) + 1, districts: office.districtCodes,
      conservancies: office.conservancyCodes, chainPosition: position, chainHead: head,
      previousPosition: previous?.position, previousHead: previous?.head, hwcVersion: hwcVersion,
      createdAt: clock.timestamp(), snapshotBytes: 0, snapshotSHA256: "")
    let written = try OfficeBundle.write(manifest: manifest, snapshot: snapshot, key: key, to: path)
    do {
      try recordExport(written, key: key, previous: previous?.number ?? 0, actor: actor)
    } catch {
      unlink(path)
      throw error
    }
    var info = stat()
    return OfficeExportResult(
      path: path, bytes: stat(path, &info) == 0 ? Int(info.st_size) : 0, manifest: written)
  }

  /// Records the export as an office event, refusing when another export was recorded since
  /// the snapshot was taken (its number would repeat).
  private func recordExport(
    _ manifest: OfficeBundle.Manifest, key: [UInt8], previous: Int, actor: Actor
  ) throws {
    try db.transaction {
      let last =
        try db.scalar(
          Int.self, "SELECT coalesce(max(export_no), 0) FROM office_event WHERE kind = 'export'")
        ?? 0
      guard last == previous else {
        throw DomainError.conflict(
          "another export (number \(last)) was made while this one was written; export again")
      }
      try db.run(
        """
        INSERT INTO office_event(kind, key_fingerprint, export_no, chain_position, chain_head,
          snapshot_bytes, at, actor_id)
        VALUES ('export', ?, ?, ?, ?, ?, ?, ?)
        """,
        with: [
          OfficeBundle.fingerprint(key: key), manifest.export, manifest.chainPosition,
          manifest.chainHead, manifest.snapshotBytes, manifest.createdAt, actor.id,
        ])
      try auditCreated("office_event", id: db.lastInsertRowID, actor: actor.name)
    }
  }

  /// Deletes the office key and login sessions from the copy at `path` with `secure_delete`
  /// on, then rewrites the file (`VACUUM`), so that no page of it still holds them.
  static func removeSecrets(fromCopy path: String) throws {
    let copy = try Database(path: path, create: false)
    try copy.execute("PRAGMA secure_delete = ON")
    try copy.execute("DELETE FROM office_key")
    try copy.execute("DELETE FROM user_session")
    try copy.execute("VACUUM")
    try copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
  }

  /// The chain position and head of the copy at `path`, and the last export it holds.
  static func chainOfCopy(_ path: String, clock: Clock) throws -> (
    Int, String, (number: Int, position: Int, head: String)?
  ) {
    let copy = try Register.open(path: path, clock: clock, readOnly: true)
    let (position, head) = try copy.audit.head()
    let previous = try copy.db.prepare(
      """
      SELECT export_no, chain_position, chain_head FROM office_event
      WHERE kind = 'export' ORDER BY export_no DESC LIMIT 1
      """
    ).first {
      (number: $0.int("export_no"), position: $0.int("chain_position"), head: $0.text("chain_head"))
    }
    return (position, SHA256.hex(head), previous)
  }
}
