import HWCCore
import HWCDomain
import HWCNational
import HWCStore
import HWCTestSupport

@testable import HWCRegister

/// An office's register made in-process, which exports bundles with `OfficeBundle.write` as
/// `hwc office export` does: a snapshot (`Register.backup`), its chain head, the office key.
final class OfficeRegister {
  let directory: TemporaryDirectory
  let path: String
  let register: Register
  let code: String
  /// The key the office signs with (set after enrolment).
  var key: [UInt8] = Array(repeating: 7, count: 32)
  /// The last export: its number, chain position and head.
  private(set) var last: (export: Int, position: Int, head: String)?
  private var claimants = GeneratedIIN.first(40, bornFrom: 1970)

  /// The village of its claimants: two registers of one office differ from their first
  /// claimant on when it differs.
  let village: String

  /// A register in `directory/NAME` for office `code` with an officer, and one claimant of
  /// `district` (in `village`) with a complaint.
  init(
    in directory: TemporaryDirectory, name: String = "office.sqlite", code: String = "WKO-KAZ",
    district: String = "Kaztalov", village: String = "Zhalpaktal"
  ) throws {
    self.directory = directory
    self.code = code
    self.village = village
    path = directory.file(name)
    (register, _) = try Register.initialize(
      path: path, admin: "admin", clock: NationalFixture.clock)
    let admin = try register.actor(named: "admin")
    _ = try register.addUser(name: "dauren", roles: ["officer"], actor: admin)
    try addComplaint(district: district)
  }

  /// Registers a new claimant of `district` and a complaint of theirs: audit entries.
  func addComplaint(district: String = "Kaztalov") throws {
    let officer = try register.actor(named: "dauren")
    let id = claimants.removeFirst()
    _ = try register.addClaimant(
      ClaimantDraft(
        name: "Claimant \(claimants.count)", nationalID: id, district: district,
        village: village, herd: ["sheep_goat=20"]), actor: officer)
    _ = try register.registerComplaint(
      ComplaintDraft(
        nationalID: id, district: district, type: "livestock_predation", species: "wolf",
        incidentDate: "2026-06-01", reportedDate: "2026-06-02", items: ["sheep_goat.adult=3"],
        ref: nil, village: village), actor: officer)
  }

  /// Writes bundle `export` (default: the next) to a new file and returns its path; with
  /// `tamper`, that SQL is run on the snapshot behind hwc's back before the bundle is made.
  @discardableResult
  func export(
    _ number: Int? = nil, districts: [String] = ["KAZ"], conservancies: [String] = [],
    key: [UInt8]? = nil, tamper: String? = nil
  ) throws -> String {
    let export = number ?? (last?.export ?? 0) + 1
    let snapshot = directory.file("\(code)-snapshot-\(export)-\(UInt32.random(in: 0...UInt32.max))")
    _ = try register.backup(to: snapshot)
    if let tamper { try Tamper.register(at: snapshot, tamper) }
    let head = try Register.open(path: snapshot, readOnly: true).chainHead()
    let bundle = directory.file("\(code)-\(export)-\(UInt32.random(in: 0...UInt32.max)).bundle")
    try OfficeBundle.write(
      manifest: OfficeBundle.Manifest(
        office: code, export: export, districts: districts, conservancies: conservancies,
        chainPosition: head.position, chainHead: head.hash, previousPosition: last?.position,
        previousHead: last?.head, hwcVersion: "test", createdAt: "2026-11-01T08:00:00Z",
        snapshotBytes: 0, snapshotSHA256: String(repeating: "0", count: 64)),
      snapshot: snapshot, key: key ?? self.key, to: bundle)
    last = (export, head.position, head.hash)
    return bundle
  }
}
