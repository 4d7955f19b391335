import Foundation
import HWCCore
import HWCDomain
import HWCReports
import HWCTestSupport
import Testing

@testable import HWCRegister

/// A small register on disk, made through the register's public operations with the clock moved
/// from day to day: every kind of decision in Kaztalov (kz-state) and two seasons of the Shamshy
/// buffer fund (kg-buffer). Built once per test process; each test opens its own connection.
///
/// | complaint      | what happened                                                          |
/// |----------------|------------------------------------------------------------------------|
/// | KAZ-2026-0001  | wolf, sheep, unprotected: 114,613 KZT approved and paid 2026-03-02     |
/// | KAZ-2026-0002  | saiga on pasture, no emergency declared: ineligible                    |
/// | KAZ-2026-0003  | wild boar in wheat: eligible 145,969 KZT, rejected by the commission   |
/// | KAZ-2026-0004  | wolf, a calf: 108,125 KZT approved, not paid                           |
/// | KAZ-2026-0005  | saiga ate hay under an emergency: eligible 77,850 KZT, awaiting approval |
/// | KAZ-2026-0006  | saiga at a water point: registered only                                |
/// | CHU-2025-0001  | snow leopard, 2 sheep: 11,200 KGS approved in 2025, paid 2026-01-15     |
/// | CHU-2026-0001  | wolf, unprotected: 9,600 KGS approved and paid 2026-06-01              |
/// | CHU-2026-0002  | snow leopard, a cow: 36,000 KGS approved, not paid                     |
///
/// Shamshy fund: 2025 premiums 2,100 and a donor's 200,000 KGS; 2026 premiums 7,250, the state's
/// 50,000 and 3,000 of premiums collected outside hwc. Today is 2026-07-01.
enum DocumentFixture {
  /// Valid IINs (Kazakhstan) and PINs (Kyrgyzstan).
  static let yerlan = SampleIDs.yerlan
  static let gulnara = SampleIDs.gulnara
  static let nurlan = SampleIDs.nurlan
  static let asel = SampleIDs.asel
  static let temir = "22003197500112"
  static let nationalIDs = [yerlan, gulnara, nurlan, asel, temir]

  /// The day the documents are printed.
  static let today = Clock.fixed("2026-07-01T09:00:00Z")

  /// Every complaint of the fixture.
  static let complaints = [
    "KAZ-2026-0001", "KAZ-2026-0002", "KAZ-2026-0003", "KAZ-2026-0004", "KAZ-2026-0005",
    "KAZ-2026-0006", "CHU-2025-0001", "CHU-2026-0001", "CHU-2026-0002",
  ]

  /// The register file, built on first use.
  static func path() throws -> String { try built.get() }

  /// A new connection to the register, its clock at `today`.
  static func open() throws -> Register {
    try Register.open(path: path(), clock: today, command: "test")
  }

  /// A private copy of the register, for a test that changes it.
  final class Copy {
    let directory = TemporaryDirectory()
    let register: Register

    init() throws {
      let path = directory.path + "/copy.sqlite"
      try DocumentFixture.open().db.backup(to: path)
      register = try Register.open(path: path, clock: DocumentFixture.today, command: "test")
    }
  }

  /// A copy of the register that a test may change.
  static func copy() throws -> Copy { try Copy() }

  private static let built: Result<String, any Error> = Result {
    let directory = NSTemporaryDirectory() + "hwc-documents-\(getpid())"
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: DocumentFixture.directoryToRemove) }
    let path = directory + "/documents.sqlite"
    try build(at: path)
    return path
  }

  private static var directoryToRemove: String {
    NSTemporaryDirectory() + "hwc-documents-\(getpid())"
  }

  /// Builds the register at `path`, day by day.
  static func build(at path: String) throws {
    let (register, _) = try Register.initialize(
      path: path, admin: "admin", clock: .fixed("2025-01-05T08:00:00Z"))
    let script = Script(register: register)
    try script.cast()
    try script.season2025()
    try script.season2026()
  }

  /// The steps of the fixture, each on its day.
  private struct Script {
    let register: Register

    func on(_ day: String) { register.clock = .fixed(day + "T09:00:00Z") }
    func actor(_ name: String) throws -> Actor { try register.actor(named: name) }

    func cast() throws {
      let admin = try actor("admin")
      for (name, roles) in [
        ("dauren", ["officer@Kaztalov"]), ("marat", ["inspector@Kaztalov"]),
        ("aliya", ["committee@Kaztalov"]), ("bolat", ["committee@Kaztalov"]),
        ("timur", ["treasurer@Kaztalov"]), ("bakyt", ["officer@Shamshy", "inspector@Shamshy"]),
        ("ainura", ["committee@Shamshy"]), ("kubat", ["committee@Shamshy"]),
        ("cholpon", ["treasurer@Shamshy"]),
      ] {
        _ = try register.addUser(name: name, roles: roles, actor: admin)
      }
      let dauren = try actor("dauren")
      let bakyt = try actor("bakyt")
      for draft in [
        ClaimantDraft(
          name: "Yerlan Bekov", nationalID: DocumentFixture.yerlan, district: "Kaztalov",
          village: "Zhalpaktal", herd: ["sheep_goat=240", "cattle=18"]),
        ClaimantDraft(
          name: "Gulnara Sarsenova", nationalID: DocumentFixture.gulnara, district: "Kaztalov",
          village: "Kaztalovka", herd: ["sheep_goat=90", "cattle=6", "horse=12"]),
        ClaimantDraft(
          name: "Nurlan Omarov", nationalID: DocumentFixture.nurlan, district: "Kaztalov",
          village: "Bostandyk", herd: ["sheep_goat=150"]),
      ] {
        _ = try register.addClaimant(draft, actor: dauren)
      }
      for draft in [
        ClaimantDraft(
          name: "Asel Toktogulova", nationalID: DocumentFixture.asel, district: "Chuy",
          village: "Shamshy", conservancy: "Shamshy", herd: ["sheep_goat=60", "cattle=4"]),
        ClaimantDraft(
          name: "Temir Usenov", nationalID: DocumentFixture.temir, district: "Chuy",
          village: "Kegeti", conservancy: "Shamshy", herd: ["sheep_goat=40", "horse=5"]),
      ] {
        _ = try register.addClaimant(draft, actor: bakyt)
      }
    }

    func season2025() throws {
      on("2025-03-01")
      try insure(DocumentFixture.asel, 2025, "sheep_goat", 30)
      on("2025-04-01")
      _ = try register.contributeToFund(
        conservancy: "Shamshy", amount: "200000", source: "donor", actor: actor("cholpon"))
      on("2025-10-10")
      try complaint(
        DocumentFixture.asel, conservancy: "Shamshy", type: "livestock_predation",
        species: "snow_leopard", incident: "2025-10-09", items: ["sheep_goat.adult=2"],
        ref: "SHM-0019", village: "Shamshy")
      on("2025-10-12")
      try inspect("CHU-2025-0001", ["sheep_goat.adult=2"], protected: "yes")
      on("2025-10-15")
      try assess("CHU-2025-0001", by: "ainura")
      on("2025-12-18")
      try approve("CHU-2025-0001", by: "ainura")
      on("2025-12-20")
      try approve("CHU-2025-0001", by: "kubat")
    }

    func season2026() throws {
      on("2026-01-10")
      _ = try register.allocateBudget(
        district: "Kaztalov", year: "2026", amount: "5000000", actor: actor("timur"))
      on("2026-01-15")
      _ = try register.pay(
        code: "CHU-2025-0001", reference: "KG-BANK-2026-0007", actor: actor("cholpon"))
      on("2026-02-01")
      try insure(DocumentFixture.asel, 2026, "sheep_goat", 40)
      try insure(DocumentFixture.asel, 2026, "cattle", 2)
      try insure(DocumentFixture.temir, 2026, "sheep_goat", 25)
      try insure(DocumentFixture.temir, 2026, "horse", 3)

      // KAZ-2026-0001: paid.
      on("2026-02-04")
      try complaint(
        DocumentFixture.yerlan, type: "livestock_predation", species: "wolf",
        incident: "2026-02-03", items: ["sheep_goat.adult=4", "sheep_goat.young=2"],
        ref: "KZT-F-0207", village: "Zhalpaktal")
      on("2026-02-05")
      try inspect(
        "KAZ-2026-0001", ["sheep_goat.adult=4", "sheep_goat.young=1"], protected: "no",
        finding: "night attack, no corral")
      on("2026-02-06")
      try assess("KAZ-2026-0001", by: "aliya")
      on("2026-02-10")
      _ = try register.contributeToFund(
        conservancy: "Shamshy", amount: "50000", source: "state", actor: actor("cholpon"))
      try approve("KAZ-2026-0001", by: "aliya")
      on("2026-02-11")
      try approve("KAZ-2026-0001", by: "bolat")
      on("2026-03-01")
      _ = try register.contributeToFund(
        conservancy: "Shamshy", amount: "3000", source: "premium", actor: actor("cholpon"))
      on("2026-03-02")
      _ = try register.pay(code: "KAZ-2026-0001", reference: "KZ-BANK-0001", actor: actor("timur"))

      // KAZ-2026-0002: saiga without an emergency: ineligible.
      on("2026-04-16")
      try complaint(
        DocumentFixture.gulnara, type: "pasture_trampling", species: "saiga",
        incident: "2026-04-14", items: ["pasture.moderate=35.5"], ref: "KZT-F-0412",
        village: "Kaztalovka")
      on("2026-04-18")
      try inspect("KAZ-2026-0002", ["pasture.moderate=30"], protected: "yes")
      on("2026-04-20")
      try assess("KAZ-2026-0002", by: "aliya")

      // CHU-2026-0001: paid from the fund.
      on("2026-05-06")
      try complaint(
        DocumentFixture.temir, conservancy: "Shamshy", type: "livestock_predation",
        species: "wolf", incident: "2026-05-05",
        items: ["sheep_goat.adult=3", "sheep_goat.young=1"],
        ref: "SHM-0031", village: "Kegeti")
      on("2026-05-07")
      try inspect(
        "CHU-2026-0001", ["sheep_goat.adult=3", "sheep_goat.young=1"], protected: "no",
        finding: "flock grazing unattended")
      on("2026-05-08")
      try assess("CHU-2026-0001", by: "ainura")
      on("2026-05-10")
      try approve("CHU-2026-0001", by: "ainura")
      on("2026-05-11")
      try approve("CHU-2026-0001", by: "kubat")

      // KAZ-2026-0003: eligible, then rejected by the commission.
      on("2026-05-22")
      try complaint(
        DocumentFixture.yerlan, type: "crop_invasion", species: "wild_boar",
        incident: "2026-05-20", items: ["crop.wheat=2.5"], ref: nil, village: "Zhalpaktal")
      on("2026-05-25")
      try inspect("KAZ-2026-0003", ["crop.wheat=2.25"], protected: "yes")
      on("2026-05-26")
      try assess("KAZ-2026-0003", by: "aliya")
      on("2026-05-28")
      try register.reject(
        code: "KAZ-2026-0003",
        reason: "The field was harvested before the reported date; the inspector could not "
          + "confirm that wild boar caused the loss, and the neighbouring fields show no damage.",
        actor: actor("bolat"))

      on("2026-06-01")
      _ = try register.pay(
        code: "CHU-2026-0001", reference: "KG-BANK-2026-0031", actor: actor("cholpon"))
      _ = try register.declareEmergency(
        district: "Kaztalov", from: "2026-06-01", to: "2026-07-31",
        decree: "WKO akimat decree 2026-117", actor: actor("admin"))

      // KAZ-2026-0004: approved, not paid.
      on("2026-06-02")
      try complaint(
        DocumentFixture.gulnara, type: "livestock_predation", species: "wolf",
        incident: "2026-06-01", items: ["cattle.young=1"], ref: "KZT-F-0602",
        village: "Kaztalovka")
      on("2026-06-03")
      try inspect("KAZ-2026-0004", ["cattle.young=1"], protected: "yes")
      on("2026-06-04")
      try assess("KAZ-2026-0004", by: "aliya")
      on("2026-06-05")
      try approve("KAZ-2026-0004", by: "aliya")
      on("2026-06-06")
      try approve("KAZ-2026-0004", by: "bolat")

      // CHU-2026-0002: approved, not paid: reserved at the end.
      on("2026-06-11")
      try complaint(
        DocumentFixture.asel, conservancy: "Shamshy", type: "livestock_predation",
        species: "snow_leopard", incident: "2026-06-10", items: ["cattle.adult=1"],
        ref: "SHM-0040", village: "Shamshy")
      on("2026-06-12")
      try inspect("CHU-2026-0002", ["cattle.adult=1"], protected: "yes")
      on("2026-06-13")
      try assess("CHU-2026-0002", by: "ainura")
      on("2026-06-15")
      try approve("CHU-2026-0002", by: "ainura")
      on("2026-06-16")
      try approve("CHU-2026-0002", by: "kubat")

      // KAZ-2026-0005: saiga under the emergency: eligible, awaiting approval.
      on("2026-06-22")
      try complaint(
        DocumentFixture.nurlan, type: "hay_loss", species: "saiga", incident: "2026-06-20",
        items: ["hay=3.5"], ref: "KZT-F-0622", village: "Bostandyk")
      on("2026-06-24")
      try inspect("KAZ-2026-0005", ["hay=3"], protected: "yes")
      on("2026-06-25")
      try assess("KAZ-2026-0005", by: "aliya")

      // KAZ-2026-0006: registered only.
      on("2026-06-27")
      try complaint(
        DocumentFixture.nurlan, type: "water_depletion", species: "saiga",
        incident: "2026-06-26", items: ["water.point_day=14"], ref: "KZT-F-0627",
        village: "Bostandyk")
      register.clock = DocumentFixture.today
    }

    func insure(_ id: String, _ season: Int, _ livestockClass: String, _ heads: Int) throws {
      _ = try register.insureHerd(
        nationalID: id, season: String(season), livestockClass: livestockClass,
        heads: String(heads), actor: actor("bakyt"))
    }

    func complaint(
      _ id: String, conservancy: String? = nil, type: String, species: String, incident: String,
      items: [String], ref: String?, village: String
    ) throws {
      let district = conservancy == nil ? "Kaztalov" : "Chuy"
      _ = try register.registerComplaint(
        ComplaintDraft(
          nationalID: id, district: district, conservancy: conservancy, type: type,
          species: species, incidentDate: incident,
          reportedDate: register.clock.today.description, items: items, ref: ref,
          village: village),
        actor: actor(conservancy == nil ? "dauren" : "bakyt"))
    }

    func inspect(_ code: String, _ items: [String], protected: String, finding: String? = nil)
      throws
    {
      _ = try register.inspect(
        code: code,
        InspectionDraft(
          date: register.clock.today.description, items: items, protected: protected,
          finding: finding),
        actor: actor(code.hasPrefix("KAZ") ? "marat" : "bakyt"))
    }

    func assess(_ code: String, by name: String) throws {
      _ = try register.assess(code: code, actor: actor(name))
    }

    func approve(_ code: String, by name: String) throws {
      _ = try register.approve(code: code, actor: actor(name))
    }
  }
}

/// Checks every printed document must pass: A4 width and no national ID in full.
enum DocumentChecks {
  /// Widest line a document may print, in characters as a reader sees them (A4 portrait).
  static let width = 100

  /// Records an issue for any national ID of the fixture printed in full.
  static func masked(
    _ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for id in DocumentFixture.nationalIDs where text.contains(id) {
      Issue.record("\(name) prints a national ID in full", sourceLocation: sourceLocation)
    }
  }

  /// Records an issue for each line wider than `width` and for any national ID of the fixture
  /// printed in full.
  static func printable(
    _ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    where line.count > width {
      Issue.record(
        "\(name):\(index + 1) is \(line.count) wide: \(line)", sourceLocation: sourceLocation)
    }
    masked(text, name, sourceLocation: sourceLocation)
  }
}
