import HWCCore
import HWCDomain
import HWCStore

/// What `hwc complaint list` looks for: every filter is optional, as typed; checked by
/// `Register.complaintPage`.
public struct ComplaintFilter: Sendable {
  public var district: String?
  public var status: String?
  /// Reported in this quarter, `YYYY-Qn`.
  public var quarter: String?
  /// The claimant's national ID, checked before it is looked up.
  public var claimant: String?
  /// The field-form ref.
  public var ref: String?
  public var village: String?
  public var type: String?
  public var species: String?
  /// Incident date on or after / on or before, `YYYY-MM-DD`.
  public var from: String?
  public var to: String?
  /// Only complaints with at least one flag.
  public var flaggedOnly = false
  /// Oldest first instead of newest first (by reported date, then id).
  public var oldestFirst = false
  /// At most this many complaints (nil: all), after skipping `offset`.
  public var limit: Int?
  public var offset = 0

  public init() {}
}

/// One page of `hwc complaint list`: the complaints and how many match in all.
public struct ComplaintPage: Sendable {
  public let complaints: [Register.ComplaintSummary]
  /// Complaints matching the filters, on every page.
  public let total: Int
  public let offset: Int
}

extension Register {
  /// One line of `hwc complaint list`: every field of the complaint but its history, with the
  /// amounts of its latest assessment.
  public struct ComplaintSummary: Sendable {
    public let code: String
    public let ref: String?
    public let district: String
    public let conservancy: String?
    public let village: String?
    public let claimantMaskedID: String
    public let claimantName: String
    public let type: String
    public let species: String
    public let incidentDate: String
    public let reportedDate: String
    public let status: ComplaintStatus
    public let flags: Int
    public let items: [ItemQuantity]
    public let latitudeMicro: Int?
    public let longitudeMicro: Int?
    public let notes: String?
    public let registeredAt: String
    public let registeredBy: String
    /// The currency of the latest assessment; nil before one.
    public let currency: String?
    /// The latest assessment's amount; approved and paid as the status says (nil: not yet).
    public let assessedMinor: Int?
    public let approvedMinor: Int?
    public let paidMinor: Int?

    public var json: JSON {
      .object([
        ("id", .string(code)), ("ref", .optional(ref)), ("district", .string(district)),
        ("conservancy", .optional(conservancy)), ("village", .optional(village)),
        (
          "claimant",
          .object([
            ("national_id_masked", .string(claimantMaskedID)), ("name", .string(claimantName)),
          ])
        ),
        ("type", .string(type)), ("species", .string(species)),
        ("incident_date", .string(incidentDate)), ("reported_date", .string(reportedDate)),
        ("status", .string(status.rawValue)), ("flags", .int(flags)),
        ("items", .array(items.map(\.json))),
        ("latitude", latitudeMicro.map { .string(ComplaintRecord.degrees($0)) } ?? .null),
        ("longitude", longitudeMicro.map { .string(ComplaintRecord.degrees($0)) } ?? .null),
        ("notes", .optional(notes)), ("registered_at", .string(registeredAt)),
        ("registered_by", .string(registeredBy)),
        ("currency", .optional(currency)), ("assessed_minor", .optional(assessedMinor)),
        ("approved_minor", .optional(approvedMinor)), ("paid_minor", .optional(paidMinor)),
      ])
    }
  }

  /// Complaints filtered by district, status and quarter of the reported date, oldest first.
  public func complaints(district: String? = nil, status: String? = nil, quarter: String? = nil)
    throws -> [ComplaintSummary]
  {
    var filter = ComplaintFilter()
    (filter.district, filter.status, filter.quarter) = (district, status, quarter)
    filter.oldestFirst = true
    return try complaintPage(filter).complaints
  }

  /// The complaints `filter` selects, newest first unless it says otherwise, one page of them,
  /// with how many match in all. Each filter is a condition on an indexed column where one
  /// exists (the claimant, the ref, the district, the reported date).
  public func complaintPage(_ filter: ComplaintFilter) throws -> ComplaintPage {
    let (conditions, values) = try complaintConditions(filter)
    let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    let order = filter.oldestFirst ? "" : " DESC"
    return try snapshot {
      let total =
        try db.prepare("SELECT count(*) AS n FROM complaint c" + whereClause).first(
          with: values, { $0.int("n") }) ?? 0
      let latest = ReadSQL.latestAssessment(of: "c.id")
      // The page's ids first (filters and order on indexed columns), then the details of
      // those complaints alone: a district of 200,000 is not joined row by row to be sorted.
      let sql = """
        WITH page AS (
          SELECT c.id, c.reported_date FROM complaint c\(whereClause)
          ORDER BY c.reported_date\(order), c.id\(order) LIMIT ? OFFSET ?
        )
        SELECT c.code, c.external_ref, c.district_id, c.conservancy_id, c.village, cl.national_id,
          cl.name, c.damage_type, c.species, c.incident_date, c.reported_date, c.status,
          (SELECT count(*) FROM complaint_flag f WHERE f.complaint_id = c.id) AS flags,
          (SELECT group_concat(i.item || '=' || i.quantity_centi, ';') FROM complaint_item i
            WHERE i.complaint_id = c.id) AS items,
          c.latitude_micro, c.longitude_micro, c.notes, c.registered_at, u.name AS registered_by,
          a.currency, a.amount_minor
        FROM page p JOIN complaint c ON c.id = p.id JOIN claimant cl ON cl.id = c.claimant_id
        JOIN app_user u ON u.id = c.registered_by
        LEFT JOIN assessment a ON a.id = \(latest)
        ORDER BY p.reported_date\(order), p.id\(order)
        """
      let page = values + [filter.limit ?? -1, filter.offset] as [any SQLBindable]
      let complaints = try db.prepare(sql).map(with: page) { row in
        let status = ComplaintStatus(rawValue: row.text("status"))!
        let assessed = row.optionalInt("amount_minor")
        return ComplaintSummary(
          code: row.text("code"), ref: row.optionalText("external_ref"),
          district: reference.district(id: row.int("district_id"))?.name.en ?? "?",
          conservancy: row.optionalInt("conservancy_id").flatMap {
            reference.conservancy(id: $0)?.name.en
          },
          village: row.optionalText("village"),
          claimantMaskedID: NationalID.mask(row.text("national_id")),
          claimantName: row.text("name"), type: row.text("damage_type"),
          species: row.text("species"), incidentDate: row.text("incident_date"),
          reportedDate: row.text("reported_date"), status: status, flags: row.int("flags"),
          items: Register.listedItems(row.optionalText("items")),
          latitudeMicro: row.optionalInt("latitude_micro"),
          longitudeMicro: row.optionalInt("longitude_micro"), notes: row.optionalText("notes"),
          registeredAt: row.text("registered_at"), registeredBy: row.text("registered_by"),
          currency: row.optionalText("currency"), assessedMinor: assessed,
          approvedMinor: [.approved, .paid].contains(status) ? assessed : nil,
          paidMinor: status == .paid ? assessed : nil)
      }
      return ComplaintPage(complaints: complaints, total: total, offset: filter.offset)
    }
  }

  /// The SQL conditions on `complaint c` of a filter, each value checked first.
  private func complaintConditions(_ filter: ComplaintFilter) throws
    -> ([String], [any SQLBindable])
  {
    var conditions: [String] = []
    var values: [any SQLBindable] = []
    func add(_ condition: String, _ bound: any SQLBindable...) {
      conditions.append(condition)
      values += bound
    }
    if let claimant = filter.claimant {
      let id = try checkedNationalID(claimant)
      add("c.claimant_id = (SELECT id FROM claimant WHERE national_id = ?)", id)
    }
    if let district = filter.district {
      add("c.district_id = ?", try reference.requireDistrict(district).id)
    }
    if let status = filter.status {
      guard let known = ComplaintStatus(rawValue: status.trimmingSpaces.lowercased()) else {
        throw DomainError.invalid(
          field: .status, "'\(status)' is not a status (one of: \(ComplaintStatus.list))")
      }
      add("c.status = ?", known.rawValue)
    }
    if let quarter = filter.quarter {
      let (first, last) = try Register.quarterBounds(quarter)
      add("c.reported_date BETWEEN ? AND ?", first.description, last.description)
    }
    if let ref = filter.ref { add("c.external_ref = ?", ref.trimmingSpaces) }
    if let village = filter.village { add("c.village = ? COLLATE NOCASE", village.trimmingSpaces) }
    if let type = filter.type {
      add(
        "c.damage_type = ?",
        try Register.code(type, of: reference.damageTypes, "damage type", .type))
    }
    if let species = filter.species {
      add("c.species = ?", try Register.code(species, of: reference.species, "species", .species))
    }
    let from = try filter.from.map { try CalendarDate($0, field: .from) }
    let to = try filter.to.map { try CalendarDate($0, field: .to) }
    if let from, let to, to < from {
      throw DomainError.invalid(field: .to, "\(to) is before --from \(from)")
    }
    if let from { add("c.incident_date >= ?", from.description) }
    if let to { add("c.incident_date <= ?", to.description) }
    if filter.flaggedOnly {
      add("EXISTS (SELECT 1 FROM complaint_flag f WHERE f.complaint_id = c.id)")
    }
    return (conditions, values)
  }

  /// Items listed as `item=centi;item=centi`, in the order of the table's key.
  private static func listedItems(_ text: String?) -> [ItemQuantity] {
    (text ?? "").split(separator: ";").compactMap { pair in
      guard let equals = pair.lastIndex(of: "="),
        let centi = Int(pair[pair.index(after: equals)...])
      else { return nil }
      return ItemQuantity(item: String(pair[..<equals]), centi: centi)
    }
  }

  /// The code `text` names in a reference table (damage types, species), case ignored;
  /// anything else is refused with the codes there are.
  private static func code(
    _ text: String, of table: [String: LocalizedName], _ noun: String, _ field: Field
  ) throws -> String {
    let code = text.trimmingSpaces.lowercased()
    guard table[code] != nil else {
      throw DomainError.invalid(
        field: field,
        "'\(text)' is not a \(noun) (one of: \(table.keys.sorted().joined(separator: ", ")))")
    }
    return code
  }

  /// A national ID typed to look a claimant up, checked as an IIN (12 digits) or a PIN
  /// (14 digits) so that a typo is told apart from a claimant who is not registered.
  public func checkedNationalID(_ text: String, field: Field = .claimant) throws
    -> String
  {
    try NationalID.lookup(text, field: field)
  }
}
