import HWCCore
import HWCDomain
import HWCRegister
import HWCStore

extension NationalRegister {
  /// What `national enroll` did: the office as now recorded and its new key, shown once.
  public struct Enrolment: Sendable {
    public let office: NationalOffice
    public let key: [UInt8]
  }

  /// Enrols office `code` for `districts` and `conservancies` (names or codes as the seeded
  /// reference data knows them) and gives it a new random 32-byte key.
  ///
  /// Refuses a code already enrolled, an unknown district or conservancy, and one already
  /// enrolled by another office (naming that office).
  public func enroll(
    code: String, districts: [String], conservancies: [String], actor: NationalActor
  ) throws -> Enrolment {
    try NationalRegister.checkOfficeCode(code)
    guard !districts.isEmpty else {
      throw NationalError("an office needs at least one --district")
    }
    let reference = try Register.shippedReference()
    let districtCodes = try Set(
      districts.map { name in
        guard let district = reference.district(named: name) else {
          throw NationalError(
            "--district: no district is called \(name) (known: \(reference.districtNames))")
        }
        return district.code
      }
    ).sorted()
    let conservancyNames = try Set(
      conservancies.map { name in
        guard let conservancy = reference.conservancy(named: name) else {
          let known = reference.conservancies.map(\.name.en).joined(separator: ", ")
          throw NationalError("--conservancy: no conservancy is called \(name) (known: \(known))")
        }
        return conservancy.name.en
      }
    ).sorted()
    let key = try OfficeKey.random()
    try db.transaction {
      if try db.scalar(Int.self, "SELECT id FROM office WHERE code = ?", [.text(code)]) != nil {
        throw NationalError(
          "office \(code) is already enrolled; nothing changed (give it a new key with "
            + "hwc national enroll --office \(code) --rekey)")
      }
      let areas =
        districtCodes.map { ("district", $0) } + conservancyNames.map { ("conservancy", $0) }
      for (kind, name) in areas {
        if let other = try enrolledBy(kind: kind, name: name) {
          throw NationalError(
            "\(kind) \(name) is already enrolled by office \(other); nothing changed")
        }
      }
      let office = try insert(
        "INSERT INTO office(code, enrolled_at) VALUES (?, ?)", [code, now], table: "office",
        actor: actor)
      for (kind, name) in areas {
        try insert(
          "INSERT INTO office_area(office_id, kind, name) VALUES (?, ?, ?)", [office, kind, name],
          table: "office_area", actor: actor)
      }
      try insert(
        "INSERT INTO office_key(office_id, key, created_at) VALUES (?, ?, ?)", [office, key, now],
        table: "office_key", actor: actor)
    }
    guard let office = try self.office(code) else {
      throw NationalError("office \(code) was not recorded")
    }
    return Enrolment(office: office, key: key)
  }

  /// Gives the enrolled office `code` a new key (audited); bundles made under its old key are
  /// refused from now on.
  public func rekey(code: String, actor: NationalActor) throws -> Enrolment {
    let key = try OfficeKey.random()
    try db.transaction {
      guard let id = try db.scalar(Int.self, "SELECT id FROM office WHERE code = ?", [.text(code)])
      else { throw NationalError("no office \(code) is enrolled; nothing changed") }
      try insert(
        "INSERT INTO office_key(office_id, key, created_at) VALUES (?, ?, ?)", [id, key, now],
        table: "office_key", actor: actor)
    }
    guard let office = try self.office(code) else {
      throw NationalError("no office \(code) is enrolled")
    }
    return Enrolment(office: office, key: key)
  }

  /// The current key of office `code`, nil when it is not enrolled.
  func key(of code: String) throws -> [UInt8]? {
    try db.scalar(
      [UInt8].self,
      """
      SELECT k.key FROM office_key k JOIN office o ON o.id = k.office_id
      WHERE o.code = ? ORDER BY k.id DESC LIMIT 1
      """, [.text(code)])
  }

  /// The code of the office that enrolled `name` as a `kind` (district or conservancy).
  private func enrolledBy(kind: String, name: String) throws -> String? {
    try db.scalar(
      String.self,
      """
      SELECT o.code FROM office_area a JOIN office o ON o.id = a.office_id
      WHERE a.kind = ? AND a.name = ?
      """, [.text(kind), .text(name)])
  }

  /// Refuses an office code that could not name a file: letters, digits, `-` and `_` only.
  static func checkOfficeCode(_ code: String) throws {
    let allowed = code.unicodeScalars.allSatisfy {
      $0.isASCII
        && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-"
          || $0 == "_")
    }
    guard !code.isEmpty, code.count <= 64, allowed else {
      throw NationalError(
        "--office must be a code of letters, digits, '-' and '_' (e.g. WKO-KAZTALOV)")
    }
  }
}
