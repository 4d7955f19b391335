import HWCCore
import HWCNational
import HWCStore
import HWCTestSupport

@testable import HWCRegister

/// A temporary folder for a national register, with cheap passphrases and a fixed clock.
final class NationalFixture {
  let directory = TemporaryDirectory(prefix: "hwc-national-test")
  static let clock = Clock.fixed("2026-11-02T10:00:00Z")
  static let origin = AuditOrigin(osUser: "analyst", host: "ministry")
  static let passphrase = "ministry passphrase, for tests"

  /// Passphrases cost a few rounds here, as in the other suites' fixtures.
  private static let cheapSecrets: Void = { SecretHash.iterationsForNewSecrets = 16 }()

  init() { _ = NationalFixture.cheapSecrets }

  /// The national register's folder (not made until `initialize`).
  var folder: String { directory.file("national") }

  /// Creates the national register with administrator `admin` and opens it.
  @discardableResult
  func initialize(admin: String = "admin") throws -> NationalRegister {
    _ = try NationalRegister.initialize(
      folder: folder, admin: admin, passphrase: NationalFixture.passphrase,
      origin: NationalFixture.origin, clock: NationalFixture.clock)
    return try NationalRegister.open(folder: folder, clock: NationalFixture.clock)
  }

  /// The national administrator, as the chain records them.
  static let actor = NationalActor(name: "admin", osUser: "analyst", host: "ministry")

  /// Enrols `office` for `districts` and sets the key it signs with to the one enrolment gave.
  @discardableResult
  func enroll(
    _ office: OfficeRegister, in national: NationalRegister, districts: [String] = ["Kaztalov"],
    conservancies: [String] = []
  ) throws -> NationalRegister.Enrolment {
    let enrolment = try national.enroll(
      code: office.code, districts: districts, conservancies: conservancies,
      actor: NationalFixture.actor)
    office.key = enrolment.key
    return enrolment
  }

  /// What a refused bundle must leave alone: every file under `offices/` (bytes) and the
  /// acceptance rows, read with a raw connection.
  func acceptanceState() throws -> [String: [UInt8]] {
    var state: [String: [UInt8]] = [:]
    for name in directory.entries("national/offices") {
      state["offices/" + name] = directory.bytes("national/offices/" + name) ?? []
    }
    let raw = try Database(path: folder + "/national.sqlite", create: false, readOnly: true)
    let rows = try raw.scalar(
      String.self,
      """
      SELECT json_group_array(json_array(id, office_id, export, chain_position, chain_head,
        bundle_created_at, accepted_at, file_name, bundle_bytes, snapshot_bytes, snapshot_sha256))
      FROM acceptance
      """)
    state["acceptance"] = Array((rows ?? "").utf8)
    return state
  }

  /// The refusals recorded, oldest first: (office, reason).
  func refusals() throws -> [(office: String?, reason: String)] {
    let raw = try Database(path: folder + "/national.sqlite", create: false, readOnly: true)
    return try raw.prepare("SELECT office_code, reason FROM refusal ORDER BY id").map([]) {
      ($0.optionalText(0), $0.text(1))
    }
  }
}
