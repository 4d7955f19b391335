import Foundation
import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// The office key and `Register.exportOffice` (issue #15 items 1–2): the bundle an office sends.
@Suite struct OfficeExportTests {
  static let keyHex = "00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210"
  static let key = OfficeBundle.key(hex: keyHex)!

  /// The office fixture with its key set.
  func keyed() throws -> OfficeFixture {
    let fixture = try OfficeFixture()
    try fixture.register.setOfficeKey(hex: Self.keyHex, actor: fixture.actor("admin"))
    return fixture
  }

  func export(_ fixture: OfficeFixture, _ name: String, as user: String = "ministry") throws
    -> OfficeExportResult
  {
    try fixture.register.exportOffice(
      to: fixture.directory.file(name), actor: fixture.actor(user), hwcVersion: "9.9.9")
  }

  func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path)!) }

  @Test func aKeyIsSetByTheAdminAndOnlyItsFingerprintIsAudited() throws {
    let fixture = try keyed()
    let status = try fixture.register.officeStatus()
    #expect(status.keyFingerprint == OfficeBundle.fingerprint(key: Self.key))
    #expect(status.lastExport == nil)
    let events = try fixture.register.db.prepare(
      "SELECT kind, key_fingerprint FROM office_event"
    ).map { "\($0.text("kind")) \($0.text("key_fingerprint"))" }
    #expect(events == ["key \(OfficeBundle.fingerprint(key: Self.key))"])
    let audited = try fixture.register.db.prepare(
      "SELECT coalesce(change, '') AS c FROM audit_entry"
    )
    .map { $0.text("c") }.joined(separator: "\n")
    #expect(!audited.contains(Self.keyHex))
    #expect(try fixture.register.check().allSatisfy { $0.problem == nil })
    // A re-enrolment replaces the key, audited again.
    let other = String(repeating: "ab", count: 32)
    try fixture.register.setOfficeKey(hex: other.uppercased(), actor: fixture.actor("admin"))
    #expect(
      try fixture.register.officeStatus().keyFingerprint
        == OfficeBundle.fingerprint(key: OfficeBundle.key(hex: other)!))
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test(arguments: [
    "", "12zz", String(repeating: "0", count: 63), String(repeating: "g", count: 64),
  ])
  func aBadKeyIsRefusedWithoutEchoingIt(hex: String) throws {
    let fixture = try OfficeFixture()
    try fixture.expectRefusal(
      "--set: the office key must be 64 hex digits, as 'hwc national enroll' printed it"
    ) {
      try fixture.register.setOfficeKey(hex: hex, actor: fixture.actor("admin"))
    }
  }

  @Test func onlyAnAdminOfAnOfficeRegisterSetsAKey() throws {
    let fixture = try OfficeFixture()
    try fixture.expectRefusal(
      "national may not set the office key: that needs the admin role"
    ) {
      try fixture.register.setOfficeKey(hex: Self.keyHex, actor: fixture.actor("national"))
    }
    let plain = try Fixture()
    #expect(throws: DomainError.self) {
      try plain.register.setOfficeKey(hex: Self.keyHex, actor: plain.actor("admin"))
    }
  }

  @Test func anExportIsRefusedWithoutKeyOfficeRoleOrAFreeName() throws {
    let unkeyed = try OfficeFixture()
    try unkeyed.expectRefusal(
      "office WKO-KAZTALOV has no key; set the key 'hwc national enroll' printed with "
        + "'hwc office key --set HEX', then export again"
    ) { _ = try export(unkeyed, "a.bundle") }
    let fixture = try keyed()
    try fixture.expectRefusal(
      "national may not export the office's bundle: that needs the treasurer or admin role"
    ) { _ = try export(fixture, "a.bundle", as: "national") }
    let taken = fixture.directory.write("taken.bundle", "x")
    try fixture.expectRefusal("FILE: \(taken) already exists; choose a new file name") {
      _ = try export(fixture, "taken.bundle")
    }
    let plain = try Fixture()
    #expect(throws: DomainError.self) {
      _ = try plain.register.exportOffice(
        to: plain.directory.file("a.bundle"), actor: plain.actor("admin"), hwcVersion: "1")
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).sorted()
        == ["office.sqlite", "office.sqlite-shm", "office.sqlite-wal", "taken.bundle"])
  }

  @Test func theBundleVerifiesHoldsNoKeyAndItsSnapshotPassesCheckAndVerify() throws {
    let fixture = try keyed()
    _ = try fixture.register.registerComplaint(
      Fixture.draftFor(district: "Kaztalov"), actor: fixture.actor("national"))
    let head = try fixture.register.audit.head()
    let result = try export(fixture, "first.bundle")
    let manifest = result.manifest
    #expect(manifest.office == "WKO-KAZTALOV" && manifest.export == 1)
    #expect(manifest.districts == ["KAZ"] && manifest.conservancies == [])
    #expect(manifest.chainPosition == head.id && manifest.chainHead == SHA256.hex(head.hash))
    #expect(manifest.previousPosition == nil && manifest.previousHead == nil)
    #expect(manifest.hwcVersion == "9.9.9" && manifest.createdAt == "2026-06-15T09:30:00Z")
    #expect(try OfficeBundle.verify(path: result.path, key: Self.key) == manifest)
    let file = bytes(result.path)
    #expect(result.bytes == file.count)
    let lines = file.split(separator: 0x0a, maxSplits: 3, omittingEmptySubsequences: false)
    let mac = SHA256.hex(HMACSHA256(key: Self.key).authenticate(Array(lines[1])))
    #expect(String(decoding: lines[2], as: UTF8.self) == "hmac-sha256 \(mac)")
    #expect(file.firstRange(of: Self.key) == nil)
    #expect(file.firstRange(of: Array(Self.keyHex.utf8)) == nil)
    #expect(file.firstRange(of: Array(Self.keyHex.uppercased().utf8)) == nil)

    let snapshot = fixture.directory.file("snapshot.sqlite")
    try OfficeBundle.extractSnapshot(path: result.path, to: snapshot)
    // Bytes 18 and 19 of the header are 1 for a rollback journal (2 for WAL).
    #expect(bytes(snapshot)[18...19] == [1, 1])
    let copy = try Register.open(path: snapshot, readOnly: true)
    #expect(try copy.check().allSatisfy { $0.problem == nil })
    #expect(try copy.verifyAudit().problem == nil)
    #expect(try copy.db.scalar(Int.self, "SELECT count(*) FROM office_key") == 0)
    #expect(try copy.db.scalar(Int.self, "SELECT count(*) FROM user_session") == 0)
    #expect(try copy.db.scalar(Int.self, "SELECT count(*) FROM complaint") == 1)
    #expect(copy.office?.code == "WKO-KAZTALOV")
    // The export is audited after the snapshot's head, and shown by `office show`.
    #expect(try fixture.register.audit.head().id == head.id + 1)
    let last = try fixture.register.officeStatus().lastExport
    #expect(last?.number == 1 && last?.position == head.id && last?.head == manifest.chainHead)
  }

  @Test func theNextExportChainsToThePreviousOneAndNumbersIncrease() throws {
    let fixture = try keyed()
    let first = try export(fixture, "1.bundle").manifest
    _ = try fixture.register.registerComplaint(
      Fixture.draftFor(district: "Kaztalov"), actor: fixture.actor("national"))
    let second = try export(fixture, "2.bundle", as: "admin").manifest
    let third = try export(fixture, "3.bundle").manifest
    #expect([first.export, second.export, third.export] == [Int]([1, 2, 3]))
    #expect(second.previousPosition == first.chainPosition)
    #expect(second.previousHead == first.chainHead)
    #expect(third.previousPosition == second.chainPosition)
    #expect(third.previousHead == second.chainHead)
    // Each snapshot holds the previous export's entry: its chain moved past it.
    #expect(second.chainPosition > first.chainPosition + 1)
    #expect(third.chainPosition == second.chainPosition + 1)
  }

  /// A snapshot taken while another connection, on another thread, registers complaints holds
  /// each of those transactions whole or not at all, and passes check and verify.
  @Test func aSnapshotTakenWhileAnotherConnectionWritesIsConsistent() throws {
    let fixture = try keyed()
    let path = fixture.path
    let finished = DispatchSemaphore(value: 0)
    let writer = Thread {
      defer { finished.signal() }
      guard let other = try? Register.open(path: path, clock: Fixture.clock),
        let officer = try? other.actor(named: "national")
      else { return }
      for _ in 0..<60 {
        _ = try? other.registerComplaint(Fixture.draftFor(district: "Kaztalov"), actor: officer)
      }
    }
    writer.start()
    var manifests: [OfficeBundle.Manifest] = []
    for index in 1...3 {
      manifests.append(try export(fixture, "\(index).bundle").manifest)
    }
    finished.wait()
    var counts: [Int] = []
    for index in 1...3 {
      let snapshot = fixture.directory.file("\(index).sqlite")
      try OfficeBundle.extractSnapshot(
        path: fixture.directory.file("\(index).bundle"), to: snapshot)
      let copy = try Register.open(path: snapshot, readOnly: true)
      #expect(try copy.check().allSatisfy { $0.problem == nil })
      #expect(try copy.verifyAudit().problem == nil)
      let complaints = try copy.db.scalar(Int.self, "SELECT count(*) FROM complaint") ?? -1
      let audited = try copy.db.scalar(
        Int.self, "SELECT count(DISTINCT row) FROM audit_entry WHERE kind = 3")
      let items = try copy.db.scalar(
        Int.self, "SELECT count(DISTINCT complaint_id) FROM complaint_item")
      #expect(audited == complaints && items == complaints)
      counts.append(complaints)
    }
    #expect(counts == counts.sorted())
    #expect(manifests.map(\.export) == [Int]([1, 2, 3]))
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM complaint") == 60)
  }
}
