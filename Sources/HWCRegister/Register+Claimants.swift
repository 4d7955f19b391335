import HWCCore
import HWCDomain
import HWCStore

/// A claimant as shown and listed; the national ID is masked.
public struct ClaimantRecord: Sendable {
  public let id: Int
  public let maskedID: String
  public let name: String
  public let district: String
  public let conservancy: String?
  public let village: String?
  /// The preferred language of the claimant's documents, when recorded.
  public let lang: String?
  /// Latest declared heads per livestock class.
  public let herd: [(livestockClass: String, heads: Int)]
  public let complaints: Int

  public var json: JSON { .object(jsonFields) }

  /// The members of `json`, for a document that adds its own.
  public var jsonFields: [(String, JSON)] {
    [
      ("id", .int(id)), ("national_id_masked", .string(maskedID)), ("name", .string(name)),
      ("district", .string(district)), ("conservancy", .optional(conservancy)),
      ("village", .optional(village)), ("lang", .optional(lang)),
      ("herd", .object(herd.map { ($0.livestockClass, JSON.int($0.heads)) })),
      ("complaints", .int(complaints)),
    ]
  }
}

/// A claimant to add, as typed.
public struct ClaimantDraft: Sendable {
  public var name: String
  public var nationalID: String
  public var district: String
  public var village: String?
  public var conservancy: String?
  /// `CLASS=HEADS` pairs.
  public var herd: [String]
  /// The preferred language of the claimant's documents (`kk`, `ky`, `ru`, `en`, …).
  public var lang: String?

  public init(
    name: String, nationalID: String, district: String, village: String? = nil,
    conservancy: String? = nil, herd: [String] = [], lang: String? = nil
  ) {
    self.lang = lang
    self.name = name
    self.nationalID = nationalID
    self.district = district
    self.village = village
    self.conservancy = conservancy
    self.herd = herd
  }
}

extension Register {
  static let livestockClasses = ["sheep_goat", "cattle", "horse", "camel", "yak"]

  /// Adds a claimant (`hwc claimant add`): an officer of the claimant's district.
  public func addClaimant(_ draft: ClaimantDraft, actor: Actor) throws -> ClaimantRecord {
    let checked = try checkClaimant(draft)
    try require(
      actor, .officer, districtID: checked.district.id, conservancyID: checked.conservancy?.id,
      to: "add claimants")
    return try db.transaction {
      if try claimantID(nationalID: checked.id.value) != nil {
        throw DomainError.conflict(
          "a claimant with national ID \(checked.id.masked) is already registered")
      }
      let id = try insertClaimant(checked, actor: actor)
      return try claimant(id: id)
    }
  }

  struct CheckedClaimant {
    let id: NationalID
    let name: String
    let district: District
    let conservancy: Conservancy?
    let village: String?
    let herd: [(String, Int)]
    let lang: String?
  }

  func checkClaimant(_ draft: ClaimantDraft) throws -> CheckedClaimant {
    let name = draft.name.trimmingSpaces
    guard !name.isEmpty else { throw DomainError.invalid(field: .claimantName, "is required") }
    guard name.count <= 200, !name.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
      throw DomainError.invalid(field: .claimantName, "is not a plain name of up to 200 characters")
    }
    let district = try reference.requireDistrict(draft.district)
    let nationalID: NationalID
    do {
      nationalID = try NationalID(draft.nationalID, country: district.country)
    } catch {
      throw DomainError.invalid(field: .nationalID, error.description)
    }
    var conservancy: Conservancy?
    if let text = draft.conservancy?.trimmingSpaces, !text.isEmpty {
      let found = try reference.requireConservancy(text)
      guard found.districtID == district.id else {
        throw DomainError.invalid(
          field: .conservancy, "\(found.name.en) is not in \(district.name.en)")
      }
      conservancy = found
    }
    let village = draft.village?.trimmingSpaces
    if let village, village.count > 100 {
      throw DomainError.invalid(field: .village, "is longer than 100 characters")
    }
    var herd: [(String, Int)] = []
    for entry in draft.herd {
      let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
      guard parts.count == 2, Register.livestockClasses.contains(parts[0]) else {
        throw DomainError.invalid(
          field: .herd,
          "'\(entry)' is not CLASS=HEADS with CLASS one of "
            + Register.livestockClasses.joined(separator: ", "))
      }
      guard let heads = Int(parts[1]), heads >= 0, heads <= 1_000_000,
        parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
      else {
        throw DomainError.invalid(
          field: .herd, "\(parts[0]) heads '\(parts[1])' is not a whole number")
      }
      guard !herd.contains(where: { $0.0 == parts[0] }) else {
        throw DomainError.invalid(field: .herd, "\(parts[0]) is given more than once")
      }
      herd.append((parts[0], heads))
    }
    return CheckedClaimant(
      id: nationalID, name: name, district: district, conservancy: conservancy,
      village: village?.isEmpty == true ? nil : village, herd: herd,
      lang: try Register.checkLanguage(draft.lang))
  }

  func insertClaimant(_ claimant: CheckedClaimant, actor: Actor) throws -> Int {
    let now = clock.timestamp()
    try db.run(
      """
      INSERT INTO claimant(national_id, country, name, district_id, conservancy_id, village,
        created_at, created_by, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      with: [
        claimant.id.value, claimant.id.country.rawValue, claimant.name,
        claimant.district.id,
        claimant.conservancy?.id,
        claimant.village, now, actor.id, claimant.lang,
      ])
    let id = db.lastInsertRowID
    for (livestockClass, heads) in claimant.herd {
      try db.run(
        """
        INSERT INTO herd_declaration(claimant_id, livestock_class, heads, declared_at)
        VALUES (?, ?, ?, ?)
        """, with: [id, livestockClass, heads, now])
    }
    try auditCreated("claimant", id: id, actor: actor.name)
    return id
  }

  /// The row id of the claimant with this national ID.
  func claimantID(nationalID: String) throws -> Int? {
    try db.prepare("SELECT id FROM claimant WHERE national_id = ?").first(
      with: [nationalID.trimmingSpaces]) { $0.int("id") }
  }

  /// The row id and country of the claimant with this national ID.
  func registeredClaimant(nationalID: String) throws -> (id: Int, country: String)? {
    try db.prepare("SELECT id, country FROM claimant WHERE national_id = ?").first(
      with: [nationalID.trimmingSpaces]) { (id: $0.int("id"), country: $0.text("country")) }
  }

  /// Latest declared heads per class for a claimant.
  func herd(claimantID: Int) throws -> [(livestockClass: String, heads: Int)] {
    try db.prepare(
      """
      SELECT livestock_class, heads FROM herd_declaration h
      WHERE claimant_id = ?1 AND id = (SELECT max(id) FROM herd_declaration
        WHERE claimant_id = ?1 AND livestock_class = h.livestock_class)
      ORDER BY livestock_class
      """
    ).map(with: [claimantID]) {
      (livestockClass: $0.text("livestock_class"), heads: $0.int("heads"))
    }
  }

  func claimant(id: Int) throws -> ClaimantRecord {
    let row = try db.prepare(
      """
      SELECT national_id, country, name, district_id, conservancy_id, village, lang,
        (SELECT count(*) FROM complaint WHERE claimant_id = claimant.id) AS complaints
      FROM claimant WHERE id = ?
      """
    ).first(with: [id]) { row in
      (
        row.text("national_id"), row.text("country"), row.text("name"), row.int("district_id"),
        row.optionalInt("conservancy_id"),
        row.optionalText("village"), row.int("complaints"), row.optionalText("lang")
      )
    }
    guard let row else { throw DomainError.notFound("no claimant #\(id)") }
    return ClaimantRecord(
      id: id, maskedID: NationalID.mask(row.0), name: row.2,
      district: reference.district(id: row.3)?.name.en ?? "?",
      conservancy: row.4.flatMap { reference.conservancy(id: $0)?.name.en }, village: row.5,
      lang: row.7,
      herd: try herd(claimantID: id), complaints: row.6)
  }

  /// The claimant with this national ID (`hwc claimant show`).
  public func claimant(nationalID: String) throws -> ClaimantRecord {
    let nationalID = try NationalID.lookup(nationalID, field: .nationalIDArgument)
    guard let id = try claimantID(nationalID: nationalID) else {
      throw DomainError.notFound("no claimant with national ID \(NationalID.mask(nationalID))")
    }
    return try claimant(id: id)
  }

  /// Claimants, by name, optionally in one district (`hwc claimant list`).
  public func claimants(district: String? = nil) throws -> [ClaimantRecord] {
    var sql = "SELECT id FROM claimant"
    var values: [any SQLBindable] = []
    if let district {
      let found = try reference.requireDistrict(district)
      sql += " WHERE district_id = ?"
      values.append(found.id)
    }
    sql += " ORDER BY name, id"
    return try db.prepare(sql).map(with: values) { $0.int("id") }.map { try claimant(id: $0) }
  }
}

extension Register {
  /// A claimant's preferred language as given: a language code of 2 to 8 lower-case letters
  /// (`kk`, `ky`, `ru`, `en`); nil or blank for none. Whether templates exist for it is the
  /// printing command's concern (a ministry may add a language later, as files).
  static func checkLanguage(_ text: String?) throws -> String? {
    guard let code = text?.trimmingSpaces, !code.isEmpty else { return nil }
    guard (2...8).contains(code.count), code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) })
    else {
      throw DomainError.invalid(
        field: .lang, "'\(code)' is not a language code such as kk, ky, ru or en")
    }
    return code
  }
}
