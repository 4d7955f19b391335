import HWCCore
import HWCDomain
import HWCStore

/// The office a register belongs to: its code and the districts and conservancies it serves.
public struct Office: Sendable, Equatable {
  /// E.g. `WKO-KAZTALOV`: upper-case letters, digits and `-`, 2–32 characters.
  public let code: String
  public let districts: [District]
  public let conservancies: [Conservancy]

  /// The districts' codes, sorted (as a bundle's manifest lists them).
  public var districtCodes: [String] { districts.map(\.code).sorted() }
  /// The conservancies' English names, sorted (conservancies have no other code).
  public var conservancyCodes: [String] { conservancies.map(\.name.en).sorted() }

  /// Why a record in `districtID` (and `conservancyID`) lies outside the office, in one
  /// sentence; nil when the office serves it.
  func problem(districtID: Int?, conservancyID: Int?, reference: Reference) -> String? {
    if let districtID, !districts.contains(where: { $0.id == districtID }) {
      let name = reference.district(id: districtID)?.name.en ?? "district #\(districtID)"
      return "\(name) is not a district of office \(code)"
    }
    if let conservancyID, !conservancies.contains(where: { $0.id == conservancyID }) {
      let name =
        reference.conservancy(id: conservancyID)?.name.en ?? "conservancy #\(conservancyID)"
      return "\(name) is not a conservancy of office \(code)"
    }
    return nil
  }
}

extension Register {
  /// The office stored in `db`, or nil for a register serving every district.
  static func storedOffice(_ db: Database, reference: Reference) throws -> Office? {
    let code = try db.prepare("SELECT code FROM office WHERE id = 1").first { $0.text("code") }
    guard let code else { return nil }
    let places = try db.prepare(
      "SELECT district_id, conservancy_id FROM office_place WHERE office_id = 1 ORDER BY id"
    ).map { ($0.optionalInt("district_id"), $0.optionalInt("conservancy_id")) }
    return Office(
      code: code, districts: places.compactMap { $0.0.flatMap(reference.district(id:)) },
      conservancies: places.compactMap { $0.1.flatMap(reference.conservancy(id:)) })
  }

  /// The office named on `hwc init`, its places resolved against `reference`; refusals name the
  /// field: `--office` for the code, `--district`, `--conservancy` (which must lie in one of the
  /// office's districts).
  public static func resolveOffice(
    code text: String, districts: [String], conservancies: [String], reference: Reference
  ) throws(DomainError) -> Office {
    let code = text.trimmingSpaces
    guard (2...32).contains(code.count),
      code.unicodeScalars.allSatisfy({
        ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
      })
    else {
      throw .invalid(
        field: .office,
        "'\(code)' is not an office code (upper-case letters, digits and '-', 2 to 32 characters)")
    }
    guard !districts.isEmpty else {
      throw .invalid(field: .district, "an office needs at least one --district")
    }
    var resolved: [District] = []
    for name in districts {
      let district = try reference.requireDistrict(name)
      if !resolved.contains(district) { resolved.append(district) }
    }
    var served: [Conservancy] = []
    for name in conservancies {
      let conservancy = try reference.requireConservancy(name)
      guard resolved.contains(where: { $0.id == conservancy.districtID }) else {
        throw .invalid(
          field: .conservancy,
          "\(conservancy.name.en) lies in none of the office's districts ("
            + resolved.map(\.name.en).joined(separator: ", ") + ")")
      }
      if !served.contains(conservancy) { served.append(conservancy) }
    }
    return Office(code: code, districts: resolved, conservancies: served)
  }

  /// The refusal of `hwc init --office` on a register that exists: an office is given to a new
  /// register only, so that it never holds records of districts it does not serve.
  public static func officeOnExistingRegister(_ path: String) -> DomainError {
    .invalid(
      field: .office,
      "\(path) already exists; an office is given to a new register only (choose a new --db file)")
  }

  /// The reference data a new register will hold, read from a register made in memory: to check
  /// `hwc init --office` before anything is written.
  public static func shippedReference() throws -> Reference {
    let db = try Database(path: ":memory:", create: true)
    try Schema.migrator.migrate(db, before: { _ in }, after: { _ in })
    return try ReferenceLoader.load(db)
  }

  /// Stores the office with its places and its audit entry; inside `hwc init`'s transaction.
  func storeOffice(_ office: Office, by name: String) throws {
    try db.run(
      "INSERT INTO office(id, code, created_at, created_by) VALUES (1, ?, ?, ?)",
      with: [office.code, clock.timestamp(), name])
    for district in office.districts {
      try db.run(
        "INSERT INTO office_place(office_id, district_id) VALUES (1, ?)", with: [district.id])
    }
    for conservancy in office.conservancies {
      try db.run(
        "INSERT INTO office_place(office_id, conservancy_id) VALUES (1, ?)", with: [conservancy.id])
    }
    try auditCreated("office", id: 1, actor: name)
    self.office = office
  }

  /// Refuses a record in `districtID` / `conservancyID` outside the register's office, whoever
  /// acts: `Zhanibek is not a district of office WKO-KAZTALOV`. Called by `require` for every
  /// action bound to a place, and by the few actions that check roles themselves.
  func requireInOffice(districtID: Int?, conservancyID: Int? = nil) throws(DomainError) {
    guard let office,
      let problem = office.problem(
        districtID: districtID, conservancyID: conservancyID, reference: reference)
    else { return }
    throw .notPermitted(problem)
  }

  /// Refuses a role scoped to a place outside the office (`hwc user add`).
  func requireInOffice(_ role: ScopedRole) throws(DomainError) {
    switch role.scope {
    case .everywhere: return
    case .district(let id): try requireInOffice(districtID: id)
    case .conservancy(let id):
      try requireInOffice(
        districtID: reference.conservancy(id: id)?.districtID, conservancyID: id)
    }
  }
}
