import Foundation
import HWCCore
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCNational
@testable import HWCRegister

/// `national accept`: good bundles replace the replica; every refusal names its reason, is
/// recorded, and leaves the replicas and the acceptances exactly as they were.
@Suite struct NationalAcceptTests {
  /// A national register with office WKO-KAZ (Kaztalov) enrolled, and that office's register.
  func enrolled() throws -> (NationalFixture, NationalRegister, OfficeRegister) {
    let fixture = NationalFixture()
    let national = try fixture.initialize()
    let office = try OfficeRegister(in: fixture.directory)
    try fixture.enroll(office, in: national)
    return (fixture, national, office)
  }

  /// Accepts `bundle` and expects a refusal whose reason contains `reason`, recorded in
  /// `refusal`, with the replicas and acceptances unchanged.
  func expectRefused(
    _ bundle: String, _ reason: String, fixture: NationalFixture, national: NationalRegister,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = try fixture.acceptanceState()
    let refusalsBefore = try fixture.refusals().count
    let error = #expect(throws: NationalError.self, sourceLocation: sourceLocation) {
      try national.accept(bundle: bundle, actor: NationalFixture.actor)
    }
    #expect(
      error?.description.contains(reason) == true, "\(error?.description ?? "no error")",
      sourceLocation: sourceLocation)
    #expect(try fixture.acceptanceState() == before, sourceLocation: sourceLocation)
    let refusals = try fixture.refusals()
    #expect(refusals.count == refusalsBefore + 1, sourceLocation: sourceLocation)
    #expect(refusals.last?.reason.contains(reason) == true, sourceLocation: sourceLocation)
    #expect(try national.verifyChain().problem == nil, sourceLocation: sourceLocation)
  }

  @Test func bundlesOneTwoThreeAreAcceptedInTurn() throws {
    let (fixture, national, office) = try enrolled()
    for export in 1...3 {
      let bundle = try office.export()
      let result = try national.accept(bundle: bundle, actor: NationalFixture.actor)
      guard case .accepted(let accepted) = result else {
        Issue.record("bundle \(export) was not accepted: \(result)")
        return
      }
      let head = try office.register.chainHead()
      #expect(accepted.lastExport == export)
      #expect(accepted.lastPosition == head.position)
      #expect(accepted.lastHead == head.hash)
      #expect(accepted.lastBundleCreatedAt == "2026-11-01T08:00:00Z")
      #expect(accepted.lastAcceptedAt == "2026-11-02T10:00:00Z")
      #expect(accepted.replicaPath == fixture.folder + "/offices/WKO-KAZ.sqlite")
      let replica = try Register.open(path: accepted.replicaPath ?? "", readOnly: true)
      #expect(try replica.chainHead() == head)
      try office.addComplaint()
    }
    #expect(fixture.directory.entries("national/offices").filter { $0.hasSuffix(".tmp") }.isEmpty)
    #expect(try national.verifyChain().problem == nil)
  }

  @Test func theSameBundleTwiceChangesNothing() throws {
    let (fixture, national, office) = try enrolled()
    let bundle = try office.export()
    _ = try national.accept(bundle: bundle, actor: NationalFixture.actor)
    let before = try fixture.acceptanceState()
    let chain = try national.verifyChain().entries
    let again = try national.accept(bundle: bundle, actor: NationalFixture.actor)
    guard case .alreadyAccepted(let office) = again else {
      Issue.record("accepted again: \(again)")
      return
    }
    #expect(office.lastExport == 1)
    #expect(try fixture.acceptanceState() == before)
    #expect(try national.verifyChain().entries == chain)
    #expect(try fixture.refusals().isEmpty)
  }

  @Test func anotherOfficesKeyIsRefused() throws {
    let (fixture, national, office) = try enrolled()
    let bundle = try office.export(key: Array(repeating: 9, count: 32))
    try expectRefused(
      bundle, "its manifest's HMAC does not match the office key", fixture: fixture,
      national: national)
  }

  @Test func anOfficeNotEnrolledIsRefused() throws {
    let fixture = NationalFixture()
    let national = try fixture.initialize()
    let office = try OfficeRegister(in: fixture.directory, code: "WKO-STRANGER")
    try expectRefused(
      try office.export(), "it names office WKO-STRANGER, not enrolled", fixture: fixture,
      national: national)
  }

  @Test func aRekeyedOfficesOldKeyIsRefused() throws {
    let (fixture, national, office) = try enrolled()
    _ = try national.accept(bundle: try office.export(), actor: NationalFixture.actor)
    let old = office.key
    _ = try national.rekey(code: office.code, actor: NationalFixture.actor)
    try expectRefused(
      try office.export(key: old), "does not match the office key", fixture: fixture,
      national: national)
  }

  @Test func aLowerExportNumberIsRefused() throws {
    let (fixture, national, office) = try enrolled()
    _ = try national.accept(bundle: try office.export(2), actor: NationalFixture.actor)
    try office.addComplaint()
    try expectRefused(
      try office.export(1), "its export number 1 is not higher than 2", fixture: fixture,
      national: national)
  }

  @Test func aTruncatedFileIsRefused() throws {
    let (fixture, national, office) = try enrolled()
    let bundle = try office.export()
    let bytes = fixture.directory.bytes((bundle as NSString).lastPathComponent) ?? []
    let cut = fixture.directory.write("cut.bundle", bytes: Array(bytes.dropLast(4096)))
    try expectRefused(cut, "(truncated)", fixture: fixture, national: national)
  }

  @Test func anEditedByteIsRefused() throws {
    let (fixture, national, office) = try enrolled()
    let bundle = try office.export()
    var bytes = fixture.directory.bytes((bundle as NSString).lastPathComponent) ?? []
    bytes[bytes.count - 100] ^= 0x01
    let edited = fixture.directory.write("edited.bundle", bytes: bytes)
    try expectRefused(
      edited, "its snapshot's SHA-256 differs from its manifest's", fixture: fixture,
      national: national)
  }

  @Test func aDistrictOfAnotherOfficeIsRefused() throws {
    let (fixture, national, office) = try enrolled()
    try office.addComplaint(district: "Zhanibek")
    try expectRefused(
      try office.export(),
      "holds a claimant row of district Zhanibek (ZHA), which is not "
        + "office WKO-KAZ's", fixture: fixture, national: national)
  }

  @Test func aManifestNamingOtherDistrictsIsRefused() throws {
    let (fixture, national, office) = try enrolled()
    try expectRefused(
      try office.export(districts: ["KAZ", "ZHA"]),
      "its manifest names KAZ, ZHA, but office WKO-KAZ is enrolled for KAZ", fixture: fixture,
      national: national)
  }

  @Test func aSnapshotFailingCheckIsRefused() throws {
    let (fixture, national, office) = try enrolled()
    // A past row edited behind hwc's back in the snapshot: audit verify, within check, sees it.
    try expectRefused(
      try office.export(tamper: "UPDATE claimant SET village = 'Elsewhere'"),
      "its snapshot fails check (audit chain: claimant:", fixture: fixture, national: national)
  }

  @Test func aRewrittenHistoryIsRefusedNamingTheFirstEntryThatDiffers() throws {
    let (fixture, national, office) = try enrolled()
    _ = try national.accept(bundle: try office.export(), actor: NationalFixture.actor)
    // Another register under the same code and key, whose history differs: a rewrite.
    let other = try OfficeRegister(
      in: fixture.directory, name: "rewritten.sqlite", village: "Taskala")
    other.key = office.key
    try other.addComplaint()
    let accepted = try office.register.chainHashes(from: 1, through: Int.max)
    let rewritten = try other.register.chainHashes(from: 1, through: Int.max)
    let first = zip(accepted, rewritten).first { $0.0.hash != $0.1.hash }?.0.id
    #expect(first != nil)
    try expectRefused(
      try other.export(2), "entry \(first ?? 0) differs from bundle 1 accepted 2026-11-02",
      fixture: fixture, national: national)
  }

  @Test func aShorterChainIsRefused() throws {
    let (fixture, national, office) = try enrolled()
    let early = try OfficeRegister(in: fixture.directory, name: "early.sqlite")
    early.key = office.key
    try office.addComplaint()
    _ = try national.accept(bundle: try office.export(), actor: NationalFixture.actor)
    let position = try office.register.chainHead().position
    try expectRefused(
      try early.export(2),
      "before entry \(NumberStyle.english.integer(position)), the head of "
        + "bundle 1", fixture: fixture, national: national)
  }

  @Test func aStoppedAcceptanceIsFinishedOrUndoneOnOpen() throws {
    let (fixture, national, office) = try enrolled()
    let first = try office.export()
    _ = try national.accept(bundle: first, actor: NationalFixture.actor)
    let replica = fixture.folder + "/offices/WKO-KAZ.sqlite"
    let accepted = fixture.directory.bytes("national/offices/WKO-KAZ.sqlite")
    // Stopped before its commit: a .tmp no acceptance records is removed.
    fixture.directory.write("national/offices/WKO-KAZ.sqlite.tmp", bytes: [1, 2, 3])
    _ = try NationalRegister.open(folder: fixture.folder)
    #expect(fixture.directory.entries("national/offices").filter { $0.hasSuffix(".tmp") }.isEmpty)
    #expect(fixture.directory.bytes("national/offices/WKO-KAZ.sqlite") == accepted)
    // Stopped after its commit, before the rename: the recorded .tmp replaces the replica.
    try FileManager.default.moveItem(atPath: replica, toPath: replica + ".tmp")
    fixture.directory.write("national/offices/WKO-KAZ.sqlite", bytes: [4, 5, 6])
    _ = try NationalRegister.open(folder: fixture.folder)
    #expect(fixture.directory.bytes("national/offices/WKO-KAZ.sqlite") == accepted)
    #expect(fixture.directory.entries("national/offices").filter { $0.hasSuffix(".tmp") }.isEmpty)
  }

  @Test func verifyNamesAReplicaChangedAfterItWasAccepted() throws {
    let (fixture, national, office) = try enrolled()
    _ = try national.accept(bundle: try office.export(), actor: NationalFixture.actor)
    #expect(try national.verify().allSatisfy { $0.problem == nil })
    let replica = fixture.folder + "/offices/WKO-KAZ.sqlite"
    try Tamper.register(at: replica, "UPDATE claimant SET village = 'Elsewhere'")
    let items = try national.verify()
    #expect(items.first?.problem == nil)
    #expect(
      items.last
        == NationalRegister.VerifyItem(
          name: "replica WKO-KAZ",
          problem: "\(replica) is not the snapshot accepted (its SHA-256 differs)"))
  }
}
